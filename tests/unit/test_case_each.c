/* test_case_each.c - every problem of a case file at once
 * (ras_case_load_each), the questionnaire a case names, and the
 * "did you mean" hints for mistyped ids (near.h). */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "near.h"

static const char questionnaire[] = "questionnaire: t-saq\n"
                                    "version: \"2\"\n"
                                    "title: T\n"
                                    "domains:\n"
                                    "  - id: care\n"
                                    "    title: Care\n"
                                    "    questions:\n"
                                    "      - id: washing\n"
                                    "        text: Washing?\n"
                                    "        answers:\n"
                                    "          - {id: none, text: None, points: 0}\n"
                                    "          - {id: some, text: Some, points: 4}\n"
                                    "          - {id: most, text: Most, points: 6}\n"
                                    "      - id: dressing\n"
                                    "        text: Dressing?\n"
                                    "        answers:\n"
                                    "          - {id: none, text: None, points: 0}\n"
                                    "          - {id: some, text: Some, points: 4}\n"
                                    "      - id: nights\n"
                                    "        type: number\n"
                                    "        text: Nights?\n"
                                    "        min: 0\n"
                                    "        max: 7\n"
                                    "        points_per_unit: 3\n";

static const char table[] = "scoring: s\n"
                            "version: \"1\"\n"
                            "questionnaire: t-saq\n"
                            "groups:\n"
                            "  default:\n"
                            "    bands:\n"
                            "      - {from: 0, rate: 10.00}\n";

/* What the report callback saw. */
typedef struct seen {
    size_t n;
    char text[32][RAS_ERROR_MESSAGE_MAX + 64];
} seen;

static void collect(void *ctx, const ras_error *problem)
{
    seen *s = ctx;
    if (s->n < 32) {
        snprintf(s->text[s->n], sizeof s->text[s->n], "%lu:%lu %s", problem->line, problem->column,
                 problem->message);
    }
    s->n++;
}

static ras_status load_each(const ras_model *m, const char *text, ras_case **c, seen *s,
                            size_t *found, ras_error *err)
{
    ras_source src = {"case.yaml", text, strlen(text)};
    memset(s, 0, sizeof *s);
    ras_error_clear(err);
    return ras_case_load_each(m, &src, c, collect, s, found, err);
}

static void test_every_problem(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    ras_case *c = (ras_case *)1;
    seen *s = calloc(1, sizeof *s);
    size_t found = 0;
    ras_error err;
    assert_non_null(s);
    assert_int_equal(load_each(m,
                               "client:\n"
                               "  id: C1\n"
                               "  new_client: perhaps\n"
                               "  colour: blue\n"
                               "answers:\n"
                               "  washng: some\n"
                               "  dressing: sme\n"
                               "  nights: 9\n",
                               &c, s, &found, &err),
                     RAS_ERR_CASE);
    assert_null(c);
    assert_int_equal(found, 6);
    assert_int_equal(s->n, 6);
    assert_string_equal(s->text[0], "4:3 client: unknown key 'colour' (expected id, group, "
                                    "new_client, needs_increased, existing_package or "
                                    "assessed_on)");
    assert_string_equal(s->text[1], "3:15 client 'new_client': 'perhaps' is not yes or no (yes, "
                                    "no, y, n, true, false, 1 or 0)");
    assert_string_equal(s->text[2], "6:3 unknown question 'washng'; did you mean 'washing'?");
    assert_string_equal(s->text[3], "7:13 question 'dressing': unknown answer 'sme'; did you "
                                    "mean 'some'? (expected none or some)");
    assert_string_equal(s->text[4], "8:11 question 'nights': 9 is out of range (expected 0 to 7)");
    /* washing was named only under a wrong id: it is missing, once. */
    assert_string_equal(s->text[5], "5:1 question 'washing': required but not answered");
    /* err holds the first. */
    assert_int_equal(err.line, 4);
    assert_string_equal(err.subject, "colour");
    free(s);
    ras_model_free(m);
}

static void test_at_most_twenty(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    char text[4096];
    size_t n = (size_t)snprintf(text, sizeof text, "client: {id: C1}\nanswers:\n");
    for (int i = 0; i < 25; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "  q%d: x\n", i);
    seen *s = calloc(1, sizeof *s);
    ras_case *c = NULL;
    size_t found = 0;
    ras_error err;
    assert_non_null(s);
    assert_int_equal(load_each(m, text, &c, s, &found, &err), RAS_ERR_CASE);
    /* 25 unknown questions and 3 required ones missing; 20 reported. */
    assert_int_equal(found, 28);
    assert_int_equal(s->n, RAS_CASE_MAX_ERRORS);
    /* The one-at-a-time loader stops at the first. */
    ras_source src = {"case.yaml", text, strlen(text)};
    assert_int_equal(ras_case_load(m, &src, &c, &err), RAS_ERR_CASE);
    assert_string_equal(err.message, "unknown question 'q0'");
    /* A good case: nothing reported. */
    assert_int_equal(load_each(m,
                               "client: {id: C1}\nanswers: {washing: most, dressing: none, nights: "
                               "1}\n",
                               &c, s, &found, &err),
                     RAS_OK);
    assert_non_null(c);
    assert_int_equal(found, 0);
    assert_int_equal(s->n, 0);
    ras_case_free(c);
    /* Not YAML: one problem. */
    assert_int_equal(load_each(m, "client: {id: C1\n", &c, s, &found, &err), RAS_ERR_SYNTAX);
    assert_int_equal(found, 1);
    assert_int_equal(s->n, 1);
    free(s);
    ras_model_free(m);
}

static void test_questionnaire_named(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    ras_case *c = NULL;
    ras_error err;
    char id[80];
    static const char good[] = "questionnaire: t-saq\nquestionnaire_version: \"1\"\n"
                               "client: {id: C1}\nanswers: {washing: most, dressing: none, "
                               "nights: 1}\n";
    static const char other[] = "questionnaire: carers-saq\nclient: {id: C1}\nanswers: {}\n";
    ras_source src = {"case.yaml", good, strlen(good)};

    /* Another version of the same questionnaire is accepted. */
    assert_int_equal(ras_case_load(m, &src, &c, &err), RAS_OK);
    ras_case_free(c);
    assert_int_equal(ras_case_questionnaire(&src, id, sizeof id, &err), RAS_OK);
    assert_string_equal(id, "t-saq");

    src = (ras_source){"case.yaml", other, strlen(other)};
    assert_int_equal(ras_case_load(m, &src, &c, &err), RAS_ERR_CASE);
    assert_string_equal(err.subject, "questionnaire");
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 16);
    assert_string_equal(err.message,
                        "this case was answered on carers-saq, not on this model's t-saq");
    assert_int_equal(ras_case_questionnaire(&src, id, sizeof id, &err), RAS_OK);
    assert_string_equal(id, "carers-saq");
    assert_string_equal(ras_builtin_for_questionnaire(id), "carers");
    assert_string_equal(ras_builtin_for_questionnaire("adult-saq"), "adult");
    assert_null(ras_builtin_for_questionnaire("t-saq"));
    assert_null(ras_builtin_for_questionnaire(""));
    assert_null(ras_builtin_for_questionnaire(NULL));

    static const char none[] = "client: {id: C1}\nanswers: {}\n";
    src = (ras_source){"case.yaml", none, strlen(none)};
    assert_int_equal(ras_case_questionnaire(&src, id, sizeof id, &err), RAS_OK);
    assert_string_equal(id, "");
    static const char bad[] = "questionnaire: [a]\nclient: {id: C1}\nanswers: {}\n";
    src = (ras_source){"case.yaml", bad, strlen(bad)};
    assert_int_equal(ras_case_questionnaire(&src, id, sizeof id, &err), RAS_ERR_CASE);
    assert_int_equal(ras_case_load(m, &src, &c, &err), RAS_ERR_CASE);
    assert_string_equal(err.subject, "questionnaire");
    static const char bad_version[] = "questionnaire_version: [1]\nclient: {id: C1}\nanswers: {}\n";
    src = (ras_source){"case.yaml", bad_version, strlen(bad_version)};
    assert_int_equal(ras_case_load(m, &src, &c, &err), RAS_ERR_CASE);
    assert_string_equal(err.subject, "questionnaire_version");
    assert_int_equal(ras_case_questionnaire(NULL, id, sizeof id, &err), RAS_ERR_ARG);
    ras_model_free(m);
}

static void test_source_read(void **state)
{
    (void)state;
    ras_source src;
    ras_error err;
    assert_int_equal(ras_source_read("/nonexistent/case.yaml", &src, &err), RAS_ERR_IO);
    assert_null(src.data);
    assert_int_equal(ras_source_read(RAS_CONFIG_DIR "/examples/older-person.yaml", &src, &err),
                     RAS_OK);
    assert_true(src.size > 0);
    ras_source_free(&src);
    assert_null(src.data);
    ras_source_free(NULL);
    assert_int_equal(ras_source_read(NULL, &src, &err), RAS_ERR_ARG);
}

static const char *hint(const char *text, const char *const *ids)
{
    static char buf[200];
    ras_near near;
    ras_near_init(&near, text, strlen(text));
    for (size_t i = 0; ids[i]; i++)
        ras_near_try(&near, ids[i]);
    ras_near_hint(&near, buf, sizeof buf);
    return buf;
}

static void test_near(void **state)
{
    (void)state;
    static const char *const answers[] = {"none", "some", "most", "all", NULL};
    assert_int_equal(ras_edit_distance("washng", 6, "washing", 7, 2), 1);
    assert_int_equal(ras_edit_distance("wahsing", 7, "washing", 7, 2), 1); /* swapped */
    assert_int_equal(ras_edit_distance("bathing", 7, "washing", 7, 2), 2);
    assert_int_equal(ras_edit_distance("abc", 3, "xyz", 3, 2), 3);
    assert_int_equal(ras_edit_distance("a", 1, "abcd", 4, 2), 3);
    assert_int_equal(ras_edit_distance("", 0, "ab", 2, 2), 2);
    assert_string_equal(hint("mots", answers), "did you mean 'most'?");
    assert_string_equal(hint("al", answers), "did you mean 'all'?");
    /* Two equally near are both named; three are none. */
    assert_string_equal(hint("nome", answers), "did you mean 'none' or 'some'?");
    assert_string_equal(hint("sone", answers), "did you mean 'none' or 'some'?");
    assert_string_equal(hint("ome", answers), "did you mean 'some'?");
    static const char *const three[] = {"ab", "ac", "ad", NULL};
    assert_string_equal(hint("aa", three), "");
    /* Too short to guess from, too far, or exact. */
    assert_string_equal(hint("x", answers), "");
    assert_string_equal(hint("sometimes", answers), "");
    assert_string_equal(hint("some", answers), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_problem),
        cmocka_unit_test(test_at_most_twenty),
        cmocka_unit_test(test_questionnaire_named),
        cmocka_unit_test(test_source_read),
        cmocka_unit_test(test_near),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
