# schema.cmake - registers the JSON Schema test (included from
# tests/CMakeLists.txt): the shipped models must be valid against
# docs/schema/*.schema.json. Needs python3 with PyYAML and jsonschema
# (Debian: python3-yaml python3-jsonschema, which scripts/install-deps
# installs); without them it is skipped, saying so, except in CI, where it
# fails. Debian's python3 is found first (tests/CMakeLists.txt).
ras_python_test(schema/models schema ${CMAKE_CURRENT_LIST_DIR}/validate.py ${PROJECT_SOURCE_DIR})
