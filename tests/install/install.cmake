# install.cmake - registers the install test (included from
# tests/CMakeLists.txt): `cmake --install` of this build into a scratch
# prefix, then programs built against what was installed, by pkg-config
# and by find_package(ras). See install.sh.

# Instrumented builds put their runtime into libras: programs linked with
# it need the same flags.
set(ras_install_cflags "")
if(RAS_SANITIZE)
  string(APPEND ras_install_cflags " -fsanitize=address,undefined")
endif()
if(RAS_COVERAGE)
  string(APPEND ras_install_cflags " --coverage")
endif()

add_test(NAME install/embed
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/install.sh ${PROJECT_BINARY_DIR}
                 ${PROJECT_SOURCE_DIR} ${CMAKE_C_COMPILER} ${CMAKE_COMMAND}
                 "${ras_install_cflags}")
set_tests_properties(install/embed PROPERTIES LABELS install
                     SKIP_RETURN_CODE 77
                     ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1")
