/* test_cells.c - the cell values an export writes (docs/exports.md, "Cell
 * values"): spaces trimmed, answers named by id or text in any case,
 * multiple answers separated by ';' or '|', groups named by id or title
 * in any case; and every refusal's message word for word. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"

static const char questionnaire[] =
    "questionnaire: t\n"
    "version: \"1\"\n"
    "title: T\n"
    "domains:\n"
    "  - id: care\n"
    "    title: Care\n"
    "    questions:\n"
    "      - id: washing\n"
    "        text: Washing?\n"
    "        answers:\n"
    "          - {id: none, text: I can do this myself, points: 0}\n"
    "          - {id: some, text: I need help on some days, points: 4}\n"
    "          - {id: all, text: Every time, points: 8}\n"
    "      - id: activities\n"
    "        type: multiple\n"
    "        text: Activities?\n"
    "        answers:\n"
    "          - {id: shopping, text: Going shopping, points: 1}\n"
    "          - {id: swimming, text: Swimming, points: 2}\n"
    "          - {id: cinema, text: \"Caf\xc3\xa9 or cinema\", points: 3}\n"
    "      - id: help\n"
    "        required: false\n"
    "        text: Help?\n"
    "        answers:\n"
    "          - {id: a, text: Often, points: 1}\n"
    "          - {id: b, text: often, points: 2}\n"
    "          - {id: c, text: A, points: 3}\n";

static const char table[] = "scoring: s\n"
                            "version: \"1\"\n"
                            "questionnaire: t\n"
                            "groups:\n"
                            "  default:\n"
                            "    bands: [{from: 0, rate: 10.00}]\n"
                            "  older_people:\n"
                            "    title: Older people\n"
                            "    bands: [{from: 0, rate: 20.00}]\n"
                            "  mental_health:\n"
                            "    bands: [{from: 0, rate: 30.00}]\n";

typedef struct fixture {
    ras_model *m;
    ras_case *c;
    const ras_question *washing, *activities, *help;
    ras_error err;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->m = test_model(questionnaire, table);
    f->c = ras_case_new(f->m);
    assert_non_null(f->c);
    f->washing = ras_model_find_question(f->m, "washing", 7);
    f->activities = ras_model_find_question(f->m, "activities", 10);
    f->help = ras_model_find_question(f->m, "help", 4);
    assert_non_null(f->washing);
    assert_non_null(f->activities);
    assert_non_null(f->help);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ras_case_free(f->c);
    ras_model_free(f->m);
    free(f);
    return 0;
}

static ras_status answer(fixture *f, const ras_question *q, const char *text)
{
    ras_error_clear(&f->err);
    return ras_case_set_answer(f->c, q, text, strlen(text), &f->err);
}

static ras_status field(fixture *f, ras_field which, const char *text)
{
    ras_error_clear(&f->err);
    return ras_case_set_field(f->c, which, text, strlen(text), &f->err);
}

static int32_t single(const fixture *f, const ras_question *q)
{
    assert_true(ras_case_answered(f->c, q));
    return f->c->single[q->index];
}

/* The chosen answers of a multiple question as a bit set. */
static unsigned chosen(const fixture *f, const ras_question *q)
{
    unsigned bits = 0;
    for (size_t i = 0; i < ras_question_answer_count(q); i++)
        if (f->c->chosen[q->first_answer + i])
            bits |= 1u << i;
    return bits;
}

static void test_single_by_id_or_text(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *cell;
        int32_t answer;
    } ok[] = {
        {"some", 1},
        {"SOME", 1},
        {"Some", 1},
        {"  some\t", 1},
        {"I need help on some days", 1},
        {"i need help on some days", 1},
        {"I NEED HELP ON SOME DAYS", 1},
        {" Every time ", 2},
        {"none", 0},
        {"I can do this myself", 0},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        if (answer(f, f->washing, ok[i].cell) != RAS_OK)
            fail_msg("'%s' refused: %s", ok[i].cell, f->err.message);
        assert_int_equal(single(f, f->washing), ok[i].answer);
    }
    /* Spaces alone are a blank cell. */
    assert_int_equal(answer(f, f->washing, "   "), RAS_OK);
    assert_false(ras_case_answered(f->c, f->washing));
}

static void test_single_refused(void **state)
{
    fixture *f = *state;
    assert_int_equal(answer(f, f->washing, "I need help on some"), RAS_ERR_CASE);
    assert_string_equal(f->err.subject, "washing");
    assert_string_equal(f->err.message, "question 'washing': unknown answer 'I need help on some' "
                                        "(expected none, some or all)");
    assert_false(ras_case_answered(f->c, f->washing));
    assert_int_equal(answer(f, f->washing, "I  need help on some days"), RAS_ERR_CASE);
    assert_string_equal(f->err.message, "question 'washing': unknown answer 'I  need help on some "
                                        "days' (expected none, some or all)");
    /* Only ASCII letters are folded: E-acute is not e-acute. */
    assert_int_equal(answer(f, f->activities, "CAF\xc3\x89 OR CINEMA"), RAS_ERR_CASE);
    assert_string_equal(f->err.message, "question 'activities': unknown answer 'CAF\xc3\x89 OR "
                                        "CINEMA' (expected shopping, swimming or cinema)");
    /* Two answers' texts the same but for case: neither is chosen. */
    assert_int_equal(answer(f, f->help, "OFTEN"), RAS_ERR_CASE);
    assert_string_equal(f->err.subject, "help");
    assert_string_equal(f->err.message, "question 'help': 'OFTEN' is the text of more than one "
                                        "answer: give its id (a, b or c)");
    assert_int_equal(answer(f, f->help, "Often"), RAS_ERR_CASE);
    assert_string_equal(f->err.message, "question 'help': 'Often' is the text of more than one "
                                        "answer: give its id (a, b or c)");
}

static void test_id_wins_over_text(void **state)
{
    fixture *f = *state;
    /* 'A' is answer c's text and answer a's id: the id wins. */
    assert_int_equal(answer(f, f->help, "A"), RAS_OK);
    assert_int_equal(single(f, f->help), 0);
    assert_int_equal(answer(f, f->help, "a"), RAS_OK);
    assert_int_equal(single(f, f->help), 0);
    assert_int_equal(answer(f, f->help, "C"), RAS_OK);
    assert_int_equal(single(f, f->help), 2);
}

static void test_multiple_forms(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *cell;
        unsigned bits;
    } ok[] = {
        {"shopping;cinema", 5},
        {"shopping|cinema", 5},
        {"Shopping | CINEMA", 5},
        {"Going shopping;Caf\xc3\xa9 or cinema", 5},
        {"going shopping | swimming|cinema", 7},
        {" swimming ", 2},
        {"SWIMMING", 2},
        {"", 0},
        {"  ", 0},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        if (answer(f, f->activities, ok[i].cell) != RAS_OK)
            fail_msg("'%s' refused: %s", ok[i].cell, f->err.message);
        assert_true(ras_case_answered(f->c, f->activities));
        assert_int_equal(chosen(f, f->activities), ok[i].bits);
    }
}

static void test_multiple_refused(void **state)
{
    fixture *f = *state;
    assert_int_equal(answer(f, f->activities, "shopping|golf"), RAS_ERR_CASE);
    assert_string_equal(f->err.subject, "activities");
    assert_string_equal(
        f->err.message,
        "question 'activities': unknown answer 'golf' (expected shopping, swimming or cinema)");
    assert_false(ras_case_answered(f->c, f->activities));
    assert_int_equal(answer(f, f->activities, "Shopping;going shopping"), RAS_ERR_CASE);
    assert_string_equal(f->err.message,
                        "question 'activities': answer 'going shopping' is chosen twice");
    assert_int_equal(answer(f, f->activities, "shopping||cinema"), RAS_ERR_CASE);
    assert_string_equal(f->err.message,
                        "question 'activities': an empty answer id in 'shopping||cinema'");
    /* ',' is no separator: the whole cell is one unknown answer. */
    assert_int_equal(answer(f, f->activities, "shopping,cinema"), RAS_ERR_CASE);
    assert_string_equal(f->err.message, "question 'activities': unknown answer 'shopping,cinema' "
                                        "(expected shopping, swimming or cinema)");
}

static void test_group_by_id_or_title(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *cell, *group;
    } ok[] = {
        {"older_people", "older_people"}, {"Older people", "older_people"},
        {"OLDER PEOPLE", "older_people"}, {" older People ", "older_people"},
        {"OLDER_PEOPLE", "older_people"}, {"Mental_Health", "mental_health"},
        {"default", "default"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        if (field(f, RAS_FIELD_GROUP, ok[i].cell) != RAS_OK)
            fail_msg("'%s' refused: %s", ok[i].cell, f->err.message);
        assert_true(f->c->has_group);
        assert_string_equal(f->c->group, ok[i].group);
    }
    /* A valid id no table has is kept for the scorer to refuse. */
    assert_int_equal(field(f, RAS_FIELD_GROUP, "young_carers"), RAS_OK);
    assert_string_equal(f->c->group, "young_carers");
    assert_int_equal(field(f, RAS_FIELD_GROUP, "Older folk"), RAS_ERR_CASE);
    assert_string_equal(f->err.subject, "group");
    assert_string_equal(f->err.message, "unknown group 'Older folk' (expected the id or title of a "
                                        "group: default, older_people or mental_health)");
    assert_int_equal(field(f, RAS_FIELD_GROUP, " \t "), RAS_OK);
    assert_false(f->c->has_group);
}

static void test_client_id_trimmed(void **state)
{
    fixture *f = *state;
    assert_int_equal(field(f, RAS_FIELD_CLIENT_ID, "  C 12 \t"), RAS_OK);
    assert_string_equal(ras_case_client_id(f->c), "C 12");
    assert_int_equal(field(f, RAS_FIELD_CLIENT_ID, "   "), RAS_ERR_CASE);
    assert_string_equal(f->err.message, "the client id is empty");
}

/* Two tables naming groups: a title both give one group is fine; a title
 * two tables give two groups is ambiguous; a title that is an id is
 * looked up, not taken as an id. */
static void test_groups_across_tables(void **state)
{
    (void)state;
    static const char t2024[] =
        "scoring: s\nversion: \"1\"\nquestionnaire: t\n"
        "effective_from: 2024-04-01\n"
        "groups:\n"
        "  older_people: {title: Older people, bands: [{from: 0, rate: 1}]}\n"
        "  ld: {title: Learning disability, bands: [{from: 0, rate: 1}]}\n"
        "  elders: {title: Elderly, bands: [{from: 0, rate: 1}]}\n";
    static const char t2025[] =
        "scoring: s\nversion: \"2\"\nquestionnaire: t\n"
        "effective_from: 2025-04-01\n"
        "groups:\n"
        "  older_people: {title: OLDER PEOPLE, bands: [{from: 0, rate: 1}]}\n"
        "  learning: {title: Learning disability, bands: [{from: 0, rate: "
        "1}]}\n"
        "  seniors: {title: elders, bands: [{from: 0, rate: 1}]}\n"
        "  aged: {title: seniors2, bands: [{from: 0, rate: 1}]}\n";
    ras_source q = {"q.yaml", questionnaire, strlen(questionnaire)};
    ras_source t[2] = {{"a.yaml", t2024, strlen(t2024)}, {"b.yaml", t2025, strlen(t2025)}};
    ras_model *m = NULL;
    ras_error err;
    if (ras_model_load(&q, t, 2, &m, &err) != RAS_OK)
        fail_msg("%s", err.message);
    ras_case *c = ras_case_new(m);
    assert_non_null(c);
    assert_int_equal(ras_case_set_field(c, RAS_FIELD_GROUP, "older people", 12, &err), RAS_OK);
    assert_string_equal(c->group, "older_people");
    assert_int_equal(ras_case_set_field(c, RAS_FIELD_GROUP, "Learning Disability", 19, &err),
                     RAS_ERR_CASE);
    assert_string_equal(err.message, "group 'Learning Disability' is the title of two different "
                                     "groups: name it by its id");
    /* 'elders' is a group's id in 2024 and a title in 2025: the id wins. */
    assert_int_equal(ras_case_set_field(c, RAS_FIELD_GROUP, "elders", 6, &err), RAS_OK);
    assert_string_equal(c->group, "elders");
    /* 'seniors2' is only a title, though it reads as an id. */
    assert_int_equal(ras_case_set_field(c, RAS_FIELD_GROUP, "seniors2", 8, &err), RAS_OK);
    assert_string_equal(c->group, "aged");
    assert_int_equal(ras_case_set_field(c, RAS_FIELD_GROUP, "ld", 2, &err), RAS_OK);
    assert_string_equal(c->group, "ld");
    ras_case_free(c);
    ras_model_free(m);
}

/* A case file names answers and its group by their texts too; quoted
 * values are trimmed like cells. */
static void test_case_file_by_text(void **state)
{
    fixture *f = *state;
    static const char text[] = "client:\n"
                               "  id: ' C1 '\n"
                               "  group: Older People\n"
                               "answers:\n"
                               "  washing: I need help on some days\n"
                               "  activities: [Going Shopping, ' swimming ']\n"
                               "  help: ' often '\n";
    ras_source src = {"case.yaml", text, strlen(text)};
    ras_case *c = NULL;
    ras_error err;
    assert_int_equal(ras_case_load(f->m, &src, &c, &err), RAS_ERR_CASE);
    assert_string_equal(err.message, "question 'help': 'often' is the text of more than one "
                                     "answer: give its id (a, b or c)");
    assert_int_equal(err.line, 7);
    assert_int_equal(err.column, 9);
    char *fixed = strdup(text);
    assert_non_null(fixed);
    memcpy(strstr(fixed, "' often '"), "' c     '", 9);
    src.data = fixed;
    if (ras_case_load(f->m, &src, &c, &err) != RAS_OK)
        fail_msg("%s", err.message);
    assert_string_equal(ras_case_client_id(c), "C1");
    assert_string_equal(c->group, "older_people");
    assert_int_equal(c->single[f->washing->index], 1);
    assert_int_equal(c->chosen[f->activities->first_answer], 1);
    assert_int_equal(c->chosen[f->activities->first_answer + 1], 1);
    assert_int_equal(c->chosen[f->activities->first_answer + 2], 0);
    assert_int_equal(c->single[f->help->index], 2);
    ras_case_free(c);
    free(fixed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_single_by_id_or_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_single_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_id_wins_over_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multiple_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multiple_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_group_by_id_or_title, setup, teardown),
        cmocka_unit_test_setup_teardown(test_client_id_trimmed, setup, teardown),
        cmocka_unit_test(test_groups_across_tables),
        cmocka_unit_test_setup_teardown(test_case_file_by_text, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
