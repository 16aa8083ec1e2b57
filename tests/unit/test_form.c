/* test_form.c - the questionnaire as a form (form_html.c, form_text.c):
 * the model's words in its order, escaped for HTML, nothing fetched. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char questionnaire[] = "questionnaire: t\n"
                                    "version: \"1<2\"\n"
                                    "title: \"Care & <support>\"\n"
                                    "domains:\n"
                                    "  - id: care\n"
                                    "    title: \"Home \\\"care\\\"\"\n"
                                    "    questions:\n"
                                    "      - id: washing\n"
                                    "        text: Washing <b>?\n"
                                    "        help: Think & say\n"
                                    "        answers:\n"
                                    "          - {id: none, text: None, points: 0}\n"
                                    "          - {id: all, text: \"All</li>\", points: 8}\n"
                                    "      - id: nights\n"
                                    "        type: number\n"
                                    "        required: false\n"
                                    "        text: Nights?\n"
                                    "        min: 0\n"
                                    "        max: 7\n"
                                    "        points_per_unit: 3\n";

static const char table[] = "scoring: s\n"
                            "version: \"1\"\n"
                            "questionnaire: t\n"
                            "groups:\n"
                            "  default:\n"
                            "    bands:\n"
                            "      - {from: 0, rate: 10.00}\n";

/* The form written into memory; the caller frees it. */
static char *form(const ras_model *m, bool html)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    assert_non_null(out);
    assert_int_equal(html ? ras_model_write_form_html(m, out) : ras_model_write_form_text(m, out),
                     RAS_OK);
    fclose(out);
    return buf;
}

static void test_html(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    char *page = form(m, true);
    assert_non_null(strstr(page, "<title>Care &amp; &lt;support&gt;</title>"));
    assert_non_null(strstr(page, "version 1&lt;2"));
    assert_non_null(strstr(page, "Part 1 of 1: Home &quot;care&quot;</h2>"));
    assert_non_null(strstr(page, "1 of 2. Washing &lt;b&gt;?</h3>"));
    assert_non_null(strstr(page, "<p class=\"help\">Think &amp; say</p>"));
    assert_non_null(strstr(page, "<span class=\"box\"></span>All&lt;/li&gt;</li>"));
    assert_non_null(strstr(page, "from 0 to 7. You may leave this one out."));
    assert_non_null(strstr(page, "@page { size: A4;"));
    /* Self-contained: nothing to run, nothing fetched. */
    assert_null(strstr(page, "<script"));
    assert_null(strstr(page, "src="));
    assert_null(strstr(page, "<link"));
    /* Points are not for the client's form. */
    assert_null(strstr(page, "points"));
    free(page);
    ras_model_free(m);
}

static void test_text(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    char *text = form(m, false);
    assert_non_null(strstr(text, "Care & <support>\nQuestionnaire t, version 1<2\n"));
    assert_non_null(strstr(text, "\nPart 1 of 1: Home \"care\"\n\nQuestion 1 of 2: Washing <b>?\n"
                                 "  Think & say\n  Choose one answer.\n  Answer 1: None\n"
                                 "  Answer 2: All</li>\n  Your answer:\n"));
    assert_non_null(strstr(text, "Question 2 of 2: Nights?\n  Write a whole number from 0 to 7. "
                                 "You may leave this one out.\n  Your number:\n"));
    free(text);
    assert_int_equal(ras_model_write_form_text(NULL, stdout), RAS_ERR_ARG);
    assert_int_equal(ras_model_write_form_html(m, NULL), RAS_ERR_ARG);
    ras_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
