# browser.cmake - HTML pages checked in a real browser (included from
# tests/CMakeLists.txt; see check_html.sh). Headless Chromium prints each
# page to A4 PDF, pdftotext reads it back and the test looks for the
# expected texts. Without chromium or poppler-utils a test fails when the
# environment sets CI and is skipped (exit 77) otherwise.
#
# ras_browser_test(NAME COMMAND ARG... EXPECT TEXT...) runs `ras ARG...`,
# which must write one HTML page on standard output, and checks it.
function(ras_browser_test name)
  cmake_parse_arguments(PARSE_ARGV 1 B "" "" "COMMAND;EXPECT")
  add_test(NAME browser/${name}
           COMMAND bash ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/page_test.sh
                   ${CMAKE_CURRENT_BINARY_DIR}/browser/${name}.html $<TARGET_FILE:ras>
                   ${B_COMMAND} -- ${B_EXPECT})
  set_tests_properties(browser/${name} PROPERTIES LABELS browser SKIP_RETURN_CODE 77
                       WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()

# The harness itself: a good page passes; a page with a script, and one
# with no A4 print size, must fail.
set(ras_browser_dir ${CMAKE_CURRENT_LIST_DIR})
add_test(NAME browser/harness
         COMMAND bash ${ras_browser_dir}/check_html.sh ${ras_browser_dir}/fixture.html
                 "It costs £1,234.56 a year, a sentence long enough to wrap")
add_test(NAME browser/harness-refuses-script
         COMMAND bash ${ras_browser_dir}/check_html.sh ${ras_browser_dir}/fixture-script.html
                 "£1,234.56")
add_test(NAME browser/harness-refuses-letter
         COMMAND bash ${ras_browser_dir}/check_html.sh ${ras_browser_dir}/fixture-letter.html
                 "£1,234.56")
set_tests_properties(browser/harness browser/harness-refuses-script
                     browser/harness-refuses-letter PROPERTIES LABELS browser
                     SKIP_RETURN_CODE 77)
set_tests_properties(browser/harness-refuses-script browser/harness-refuses-letter
                     PROPERTIES WILL_FAIL TRUE)
