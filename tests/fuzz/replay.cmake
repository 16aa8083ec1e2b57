# The fuzz targets built without libFuzzer (any compiler), replaying the
# seed corpus and every saved crash input as ordinary tests. Included at
# the end of tests/CMakeLists.txt.
set(RAS_FUZZ_DIR ${PROJECT_SOURCE_DIR}/tests/fuzz)
foreach(name model case csv)
  add_executable(replay_${name} ${RAS_FUZZ_DIR}/replay.c ${RAS_FUZZ_DIR}/fuzz_${name}.c
                 ${RAS_FUZZ_DIR}/fixed_model.c)
  target_include_directories(replay_${name} PRIVATE ${RAS_FUZZ_DIR} ${PROJECT_SOURCE_DIR}/src/lib)
  target_compile_definitions(replay_${name} PRIVATE _POSIX_C_SOURCE=200809L)
  target_link_libraries(replay_${name} PRIVATE ras_static)
  ras_target_options(replay_${name})
  foreach(set corpus regressions)
    add_test(NAME fuzz/${set}/${name}
             COMMAND replay_${name} ${RAS_FUZZ_DIR}/${set}/${name})
    set_tests_properties(fuzz/${set}/${name} PROPERTIES LABELS fuzz)
  endforeach()
endforeach()
