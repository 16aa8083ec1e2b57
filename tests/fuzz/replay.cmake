# The fuzz targets built without libFuzzer (any compiler), replaying the
# seed corpus (one test per target) and every saved crash input (one test
# per file, so a failure names its input) as ordinary tests. Included at
# the end of tests/CMakeLists.txt.
set(RAS_FUZZ_DIR ${PROJECT_SOURCE_DIR}/tests/fuzz)
foreach(name model case csv cells sheet)
  add_executable(replay_${name} ${RAS_FUZZ_DIR}/replay.c ${RAS_FUZZ_DIR}/fuzz_${name}.c
                 ${RAS_FUZZ_DIR}/fixed_model.c)
  target_include_directories(replay_${name} PRIVATE ${RAS_FUZZ_DIR} ${RAS_LIB_INCLUDE_DIRS})
  target_compile_definitions(replay_${name} PRIVATE _POSIX_C_SOURCE=200809L)
  target_link_libraries(replay_${name} PRIVATE ras_static)
  ras_target_options(replay_${name})
  add_test(NAME fuzz/corpus/${name} COMMAND replay_${name} ${RAS_FUZZ_DIR}/corpus/${name})
  set_tests_properties(fuzz/corpus/${name} PROPERTIES LABELS fuzz)
  file(GLOB inputs CONFIGURE_DEPENDS ${RAS_FUZZ_DIR}/regressions/${name}/[!.]*)
  foreach(input IN LISTS inputs)
    get_filename_component(file ${input} NAME)
    add_test(NAME fuzz/regressions/${name}/${file} COMMAND replay_${name} ${input})
    set_tests_properties(fuzz/regressions/${name}/${file} PROPERTIES LABELS fuzz)
  endforeach()
endforeach()
