# schema.cmake - registers the JSON Schema test (included from
# tests/CMakeLists.txt): the shipped models must be valid against
# docs/schema/*.schema.json. Needs python3 with PyYAML and jsonschema
# (Debian: python3-yaml python3-jsonschema); skipped, saying so, without.
# Debian's own python3 first: its python3-yaml and python3-jsonschema are
# what .ci/run installs.
find_program(RAS_SCHEMA_PYTHON3 NAMES python3 HINTS /usr/bin)
if(RAS_SCHEMA_PYTHON3)
  add_test(NAME schema/models
           COMMAND ${RAS_SCHEMA_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/validate.py ${PROJECT_SOURCE_DIR})
  set_tests_properties(schema/models PROPERTIES LABELS schema SKIP_RETURN_CODE 77)
else()
  message(STATUS "python3 not found: the schema test is not run")
endif()
