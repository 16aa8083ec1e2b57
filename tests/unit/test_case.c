/* test_case.c - client details and answers set from text, cases read
 * from YAML and JSON with errors placed exactly, and write -> load round
 * trips. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"

static const char questionnaire[] = "questionnaire: t\n"
                                    "version: \"1\"\n"
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
                                    "          - {id: all, text: All, points: 8}\n"
                                    "      - id: nights\n"
                                    "        type: number\n"
                                    "        text: Nights?\n"
                                    "        min: 0\n"
                                    "        max: 7\n"
                                    "        points_per_unit: 3\n"
                                    "      - id: activities\n"
                                    "        type: multiple\n"
                                    "        required: false\n"
                                    "        text: Activities?\n"
                                    "        answers:\n"
                                    "          - {id: shopping, text: Shopping, points: 1}\n"
                                    "          - {id: swimming, text: Swimming, points: 2}\n"
                                    "          - {id: cinema, text: Cinema, points: 3}\n"
                                    "      - id: level\n"
                                    "        required: false\n"
                                    "        text: Level?\n"
                                    "        answers:\n"
                                    "          - {id: \"1\", text: One, points: 1}\n"
                                    "          - {id: \"2\", text: Two, points: 2}\n";

static const char table[] = "scoring: s\n"
                            "version: \"1\"\n"
                            "questionnaire: t\n"
                            "groups:\n"
                            "  default:\n"
                            "    bands:\n"
                            "      - {from: 0, rate: 10.00}\n";

typedef struct fixture {
    ras_model *m;
    ras_case *c;
    const ras_question *washing, *nights, *activities, *level;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->m = test_model(questionnaire, table);
    f->c = ras_case_new(f->m);
    assert_non_null(f->c);
    f->washing = ras_model_find_question(f->m, "washing", 7);
    f->nights = ras_model_find_question(f->m, "nights", 6);
    f->activities = ras_model_find_question(f->m, "activities", 10);
    f->level = ras_model_find_question(f->m, "level", 5);
    assert_non_null(f->washing);
    assert_non_null(f->nights);
    assert_non_null(f->activities);
    assert_non_null(f->level);
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

static ras_status set_field(fixture *f, ras_field field, const char *text, ras_error *err)
{
    ras_error_clear(err);
    return ras_case_set_field(f->c, field, text, strlen(text), err);
}

static ras_status set_answer(fixture *f, const ras_question *q, const char *text, ras_error *err)
{
    ras_error_clear(err);
    return ras_case_set_answer(f->c, q, text, strlen(text), err);
}

/* ---- fields ------------------------------------------------------- */

static void test_field_names(void **state)
{
    (void)state;
    assert_string_equal(ras_field_name(RAS_FIELD_CLIENT_ID), "client_id");
    assert_string_equal(ras_field_name(RAS_FIELD_ASSESSED_ON), "assessed_on");
    assert_null(ras_field_name(RAS_FIELD_COUNT));
    for (int i = 0; i < RAS_FIELD_COUNT; i++) {
        const char *name = ras_field_name((ras_field)i);
        assert_int_equal(ras_field_find(name, strlen(name)), i);
    }
    assert_int_equal(ras_field_find("client_i", 8), -1);
    assert_int_equal(ras_field_find("client_idx", 10), -1);
    assert_int_equal(ras_field_find("Group", 5), -1);
}

static void test_client_id(void **state)
{
    fixture *f = *state;
    ras_error err;
    assert_string_equal(ras_case_client_id(f->c), "");
    assert_int_equal(set_field(f, RAS_FIELD_CLIENT_ID, "C1001", &err), RAS_OK);
    assert_string_equal(ras_case_client_id(f->c), "C1001");
    assert_int_equal(set_field(f, RAS_FIELD_CLIENT_ID, "", &err), RAS_ERR_CASE);
    assert_string_equal(err.subject, "client_id");
    assert_string_equal(err.message, "the client id is empty");
    char long_id[300];
    memset(long_id, 'x', sizeof long_id);
    long_id[256] = '\0';
    assert_int_equal(set_field(f, RAS_FIELD_CLIENT_ID, long_id, &err), RAS_OK);
    long_id[256] = 'x';
    long_id[257] = '\0';
    assert_int_equal(set_field(f, RAS_FIELD_CLIENT_ID, long_id, &err), RAS_ERR_LIMIT);
    assert_string_equal(err.message, "the client id is longer than 256 bytes");
    assert_int_equal(set_field(f, RAS_FIELD_CLIENT_ID, "a\nb", &err), RAS_ERR_CASE);
    assert_int_equal(set_field(f, RAS_FIELD_CLIENT_ID, "caf\xc3", &err), RAS_ERR_CASE);
    assert_string_equal(err.message, "the client id holds a control character or invalid UTF-8");
    assert_int_equal(set_field(f, RAS_FIELD_CLIENT_ID, "Zo\xc3\xab, 1", &err), RAS_OK);
    assert_string_equal(ras_case_client_id(f->c), "Zo\xc3\xab, 1");
}

static void test_yes_no(void **state)
{
    fixture *f = *state;
    ras_error err;
    static const char *const yes[] = {"yes", "YES", "Y", "y", "true", "True", "1"};
    static const char *const no[] = {"no", "No", "N", "n", "false", "FALSE", "0"};
    for (size_t i = 0; i < 7; i++) {
        assert_int_equal(set_field(f, RAS_FIELD_NEEDS_INCREASED, yes[i], &err), RAS_OK);
        assert_true(f->c->needs_increased);
        assert_int_equal(set_field(f, RAS_FIELD_NEEDS_INCREASED, no[i], &err), RAS_OK);
        assert_false(f->c->needs_increased);
        assert_int_equal(set_field(f, RAS_FIELD_NEW_CLIENT, no[i], &err), RAS_OK);
        assert_false(f->c->new_client);
        assert_int_equal(set_field(f, RAS_FIELD_NEW_CLIENT, yes[i], &err), RAS_OK);
        assert_true(f->c->new_client);
    }
    /* Empty is the default: new_client yes, needs_increased no. */
    set_field(f, RAS_FIELD_NEW_CLIENT, "no", &err);
    assert_int_equal(set_field(f, RAS_FIELD_NEW_CLIENT, "", &err), RAS_OK);
    assert_true(f->c->new_client);
    set_field(f, RAS_FIELD_NEEDS_INCREASED, "yes", &err);
    assert_int_equal(set_field(f, RAS_FIELD_NEEDS_INCREASED, "", &err), RAS_OK);
    assert_false(f->c->needs_increased);
    assert_int_equal(set_field(f, RAS_FIELD_NEW_CLIENT, "maybe", &err), RAS_ERR_CASE);
    assert_string_equal(err.subject, "new_client");
    assert_string_equal(err.message,
                        "'maybe' is not yes or no (yes, no, y, n, true, false, 1 or 0)");
    /* Spaces around the value are not part of it (docs/exports.md). */
    assert_int_equal(set_field(f, RAS_FIELD_NEW_CLIENT, " no ", &err), RAS_OK);
    assert_false(f->c->new_client);
    assert_int_equal(set_field(f, RAS_FIELD_NEW_CLIENT, "ye", &err), RAS_ERR_CASE);
    assert_string_equal(err.message, "'ye' is not yes or no (yes, no, y, n, true, false, 1 or 0)");
}

static void test_money_date_group(void **state)
{
    fixture *f = *state;
    ras_error err;
    assert_int_equal(set_field(f, RAS_FIELD_EXISTING_PACKAGE, "7800.5", &err), RAS_OK);
    assert_true(f->c->has_existing);
    assert_int_equal(f->c->existing, 780050);
    assert_int_equal(set_field(f, RAS_FIELD_EXISTING_PACKAGE, "7800.123", &err), RAS_ERR_CASE);
    assert_string_equal(err.subject, "existing_package");
    assert_string_equal(err.message, "'7800.123' is not an amount in pounds (like 1234.50, "
                                     "1,234.50 or \xc2\xa3"
                                     "1,234.50)");
    assert_int_equal(set_field(f, RAS_FIELD_EXISTING_PACKAGE, "-5", &err), RAS_ERR_CASE);
    assert_int_equal(set_field(f, RAS_FIELD_EXISTING_PACKAGE, "$5", &err), RAS_ERR_CASE);
    assert_int_equal(set_field(f, RAS_FIELD_EXISTING_PACKAGE, "99999999999999999999", &err),
                     RAS_ERR_OVERFLOW);
    assert_int_equal(set_field(f, RAS_FIELD_EXISTING_PACKAGE, "", &err), RAS_OK);
    assert_false(f->c->has_existing);

    assert_int_equal(set_field(f, RAS_FIELD_ASSESSED_ON, "2012-02-29", &err), RAS_OK);
    assert_int_equal(f->c->assessed_on, 20120229);
    assert_int_equal(set_field(f, RAS_FIELD_ASSESSED_ON, "2011-02-29", &err), RAS_ERR_CASE);
    assert_string_equal(err.subject, "assessed_on");
    assert_string_equal(err.message, "'2011-02-29' is not a day that exists (day 29, month 2, "
                                     "year 2011)");
    assert_int_equal(set_field(f, RAS_FIELD_ASSESSED_ON, "", &err), RAS_OK);
    assert_int_equal(f->c->assessed_on, 0);

    assert_int_equal(set_field(f, RAS_FIELD_GROUP, "older_people", &err), RAS_OK);
    assert_true(f->c->has_group);
    assert_string_equal(f->c->group, "older_people");
    assert_int_equal(set_field(f, RAS_FIELD_GROUP, "Older People", &err), RAS_ERR_CASE);
    assert_string_equal(err.subject, "group");
    assert_string_equal(err.message,
                        "unknown group 'Older People' (expected the id or title of a group: "
                        "default)");
    assert_int_equal(set_field(f, RAS_FIELD_GROUP, "", &err), RAS_OK);
    assert_false(f->c->has_group);
    assert_int_equal(ras_case_set_field(f->c, RAS_FIELD_COUNT, "x", 1, &err), RAS_ERR_ARG);
}

/* ---- answers ------------------------------------------------------ */

static void test_single(void **state)
{
    fixture *f = *state;
    ras_error err;
    size_t w = f->washing->index;
    assert_false(ras_case_answered(f->c, f->washing));
    assert_int_equal(set_answer(f, f->washing, "some", &err), RAS_OK);
    assert_true(ras_case_answered(f->c, f->washing));
    assert_int_equal(f->c->single[w], 1);
    assert_int_equal(set_answer(f, f->washing, "all", &err), RAS_OK);
    assert_int_equal(f->c->single[w], 2);
    assert_int_equal(set_answer(f, f->washing, "Somewhat", &err), RAS_ERR_CASE);
    assert_string_equal(err.subject, "washing");
    assert_string_equal(
        err.message, "question 'washing': unknown answer 'Somewhat' (expected none, some or all)");
    assert_false(ras_case_answered(f->c, f->washing));
    assert_int_equal(set_answer(f, f->washing, "som", &err), RAS_ERR_CASE);
    assert_int_equal(set_answer(f, f->washing, "somes", &err), RAS_ERR_CASE);
    assert_int_equal(set_answer(f, f->washing, "so me", &err), RAS_ERR_CASE);
    assert_int_equal(set_answer(f, f->washing, "3", &err), RAS_ERR_CASE);
    assert_string_equal(err.message, "question 'washing': a number ('3') where an answer id is due "
                                     "(expected none, some or all)");
    assert_int_equal(set_answer(f, f->washing, "some", &err), RAS_OK);
    assert_int_equal(set_answer(f, f->washing, "", &err), RAS_OK);
    assert_false(ras_case_answered(f->c, f->washing));
    /* A numeric id is an id. */
    assert_int_equal(set_answer(f, f->level, "2", &err), RAS_OK);
    assert_int_equal(f->c->single[f->level->index], 1);
    assert_int_equal(set_answer(f, f->level, "3", &err), RAS_ERR_CASE);
    assert_string_equal(
        err.message,
        "question 'level': a number ('3') where an answer id is due (expected 1 or 2)");
    /* Long, odd text is shown cut and safe. */
    assert_int_equal(
        set_answer(f, f->washing, "a\tvery long answer that goes on and on and on and on", &err),
        RAS_ERR_CASE);
    assert_string_equal(
        err.message,
        "question 'washing': unknown answer 'a?very long answer that goes on and on a...' "
        "(expected none, some or all)");
}

static void test_number(void **state)
{
    fixture *f = *state;
    ras_error err;
    size_t n = f->nights->index;
    assert_int_equal(set_answer(f, f->nights, "3", &err), RAS_OK);
    assert_true(ras_case_answered(f->c, f->nights));
    assert_int_equal(f->c->number[n], 3);
    assert_int_equal(set_answer(f, f->nights, "0", &err), RAS_OK);
    assert_int_equal(set_answer(f, f->nights, "7", &err), RAS_OK);
    assert_int_equal(f->c->number[n], 7);
    assert_int_equal(set_answer(f, f->nights, "8", &err), RAS_ERR_CASE);
    assert_string_equal(err.subject, "nights");
    assert_string_equal(err.message, "question 'nights': 8 is out of range (expected 0 to 7)");
    assert_false(ras_case_answered(f->c, f->nights));
    assert_int_equal(set_answer(f, f->nights, "-1", &err), RAS_ERR_CASE);
    assert_string_equal(err.message, "question 'nights': -1 is out of range (expected 0 to 7)");
    assert_int_equal(set_answer(f, f->nights, "99999999999999999999999", &err), RAS_ERR_CASE);
    assert_string_equal(
        err.message,
        "question 'nights': 99999999999999999999999 is out of range (expected 0 to 7)");
    assert_int_equal(set_answer(f, f->nights, "some", &err), RAS_ERR_CASE);
    assert_string_equal(
        err.message,
        "question 'nights': an answer id ('some') where a number is due (expected 0 to 7)");
    assert_int_equal(set_answer(f, f->nights, "3.5", &err), RAS_ERR_CASE);
    assert_string_equal(err.message,
                        "question 'nights': '3.5' is not a whole number (expected 0 to 7)");
    assert_int_equal(set_answer(f, f->nights, "3 3", &err), RAS_ERR_CASE);
    assert_int_equal(set_answer(f, f->nights, " 3 ", &err), RAS_OK);
    assert_int_equal(f->c->number[n], 3);
    assert_int_equal(set_answer(f, f->nights, "", &err), RAS_OK);
    assert_false(ras_case_answered(f->c, f->nights));
}

static bool chosen(fixture *f, size_t i)
{
    return f->c->chosen[f->activities->first_answer + i] != 0;
}

static void test_multiple(void **state)
{
    fixture *f = *state;
    ras_error err;
    assert_int_equal(set_answer(f, f->activities, "shopping;cinema", &err), RAS_OK);
    assert_true(ras_case_answered(f->c, f->activities));
    assert_true(chosen(f, 0));
    assert_false(chosen(f, 1));
    assert_true(chosen(f, 2));
    /* Setting again replaces. */
    assert_int_equal(set_answer(f, f->activities, " swimming ; shopping ", &err), RAS_OK);
    assert_true(chosen(f, 0));
    assert_true(chosen(f, 1));
    assert_false(chosen(f, 2));
    assert_int_equal(set_answer(f, f->activities, "", &err), RAS_OK);
    assert_true(ras_case_answered(f->c, f->activities)); /* answered: none chosen */
    assert_false(chosen(f, 0) || chosen(f, 1) || chosen(f, 2));
    assert_int_equal(set_answer(f, f->activities, "swimming", &err), RAS_OK);
    assert_true(chosen(f, 1));

    assert_int_equal(set_answer(f, f->activities, "shopping;shopping", &err), RAS_ERR_CASE);
    assert_string_equal(err.subject, "activities");
    assert_string_equal(err.message, "question 'activities': answer 'shopping' is chosen twice");
    assert_false(ras_case_answered(f->c, f->activities));
    assert_false(chosen(f, 0));
    assert_int_equal(set_answer(f, f->activities, "shopping;;cinema", &err), RAS_ERR_CASE);
    assert_string_equal(err.message,
                        "question 'activities': an empty answer id in 'shopping;;cinema'");
    assert_int_equal(set_answer(f, f->activities, "shopping;", &err), RAS_ERR_CASE);
    assert_int_equal(set_answer(f, f->activities, "shopping;golf", &err), RAS_ERR_CASE);
    assert_string_equal(
        err.message,
        "question 'activities': unknown answer 'golf' (expected shopping, swimming or cinema)");
    assert_int_equal(set_answer(f, f->activities, "shopping,swimming", &err), RAS_ERR_CASE);
    assert_string_equal(
        err.message,
        "question 'activities': unknown answer 'shopping,swimming' (expected shopping, swimming or "
        "cinema)");
    ras_case_unset_answer(f->c, f->activities);
    assert_false(ras_case_answered(f->c, f->activities));
}

static void test_clear(void **state)
{
    fixture *f = *state;
    ras_error err;
    set_field(f, RAS_FIELD_CLIENT_ID, "X", &err);
    set_field(f, RAS_FIELD_NEW_CLIENT, "no", &err);
    set_field(f, RAS_FIELD_GROUP, "g", &err);
    set_field(f, RAS_FIELD_EXISTING_PACKAGE, "1", &err);
    set_field(f, RAS_FIELD_ASSESSED_ON, "2020-01-01", &err);
    set_answer(f, f->washing, "all", &err);
    set_answer(f, f->activities, "cinema", &err);
    ras_case_clear(f->c);
    assert_string_equal(ras_case_client_id(f->c), "");
    assert_true(f->c->new_client);
    assert_false(f->c->has_group);
    assert_false(f->c->has_existing);
    assert_int_equal(f->c->assessed_on, 0);
    assert_false(ras_case_answered(f->c, f->washing));
    assert_false(ras_case_answered(f->c, f->activities));
    assert_false(chosen(f, 2));
}

/* ---- YAML --------------------------------------------------------- */

static ras_status load(fixture *f, const char *text, ras_case **out, ras_error *err)
{
    ras_source src = {"case.yaml", text, strlen(text)};
    ras_error_clear(err);
    return ras_case_load(f->m, &src, out, err);
}

/* Loads text expecting an error: checks status, position and message. */
static void load_error(fixture *f, const char *text, ras_status status, unsigned long line,
                       unsigned long column, const char *subject, const char *message)
{
    ras_case *c = (ras_case *)1;
    ras_error err;
    ras_status st = load(f, text, &c, &err);
    if (st != status || err.line != line || err.column != column ||
        strcmp(err.message, message) != 0 || strcmp(err.subject, subject) != 0)
        fail_msg("for:\n%s\ngot %s %lu:%lu [%s] %s", text, ras_status_name(st), err.line,
                 err.column, err.subject, err.message);
    assert_null(c);
    assert_string_equal(err.file, "case.yaml");
}

static void test_yaml_valid(void **state)
{
    fixture *f = *state;
    ras_case *c = NULL;
    ras_error err;
    assert_int_equal(load(f,
                          "client:\n"
                          "  id: C1001\n"
                          "  group: older_people\n"
                          "  new_client: no\n"
                          "  needs_increased: Yes\n"
                          "  existing_package: 7800.00\n"
                          "  assessed_on: 2010-05-04\n"
                          "answers:\n"
                          "  washing: some\n"
                          "  nights: 3\n"
                          "  activities: [shopping, cinema]\n"
                          "  level: \"2\"\n",
                          &c, &err),
                     RAS_OK);
    assert_string_equal(ras_case_client_id(c), "C1001");
    assert_string_equal(c->group, "older_people");
    assert_false(c->new_client);
    assert_true(c->needs_increased);
    assert_true(c->has_existing);
    assert_int_equal(c->existing, 780000);
    assert_int_equal(c->assessed_on, 20100504);
    assert_int_equal(c->single[f->washing->index], 1);
    assert_int_equal(c->number[f->nights->index], 3);
    assert_int_equal(c->chosen[f->activities->first_answer], 1);
    assert_int_equal(c->chosen[f->activities->first_answer + 1], 0);
    assert_int_equal(c->chosen[f->activities->first_answer + 2], 1);
    assert_int_equal(c->single[f->level->index], 1);
    ras_case_free(c);

    /* Minimal: an empty list is answered with none; nulls are left out. */
    assert_int_equal(load(f,
                          "client: {id: 7}\n"
                          "answers:\n"
                          "  washing: ~\n"
                          "  activities: []\n"
                          "  nights:\n",
                          &c, &err),
                     RAS_OK);
    assert_string_equal(ras_case_client_id(c), "7");
    assert_true(c->new_client);
    assert_false(ras_case_answered(c, f->washing));
    assert_false(ras_case_answered(c, f->nights));
    assert_true(ras_case_answered(c, f->activities));
    ras_case_free(c);
}

static void test_json(void **state)
{
    fixture *f = *state;
    ras_case *c = NULL;
    ras_error err;
    assert_int_equal(load(f,
                          "{\"client\": {\"id\": \"J1\", \"new_client\": false,\n"
                          "  \"existing_package\": 1200.5},\n"
                          " \"answers\": {\"washing\": \"all\", \"nights\": 7,\n"
                          "  \"activities\": [\"swimming\"]}}\n",
                          &c, &err),
                     RAS_OK);
    assert_string_equal(ras_case_client_id(c), "J1");
    assert_false(c->new_client);
    assert_int_equal(c->existing, 120050);
    assert_int_equal(c->single[f->washing->index], 2);
    assert_int_equal(c->number[f->nights->index], 7);
    assert_int_equal(c->chosen[f->activities->first_answer + 1], 1);
    ras_case_free(c);
    load_error(f,
               "{\"client\": {\"id\": \"J1\"},\n"
               " \"answers\": {\"washing\": \"all\", \"nights\": 7.5}}\n",
               RAS_ERR_CASE, 2, 42, "nights",
               "question 'nights': '7.5' is not a whole number (expected 0 to 7)");
}

static void test_yaml_errors(void **state)
{
    fixture *f = *state;
    load_error(f, "client: {id: C1}\nanswers:\n  bathing: some\n", RAS_ERR_CASE, 3, 3, "bathing",
               "unknown question 'bathing'; did you mean 'washing'?");
    load_error(f, "client: {id: C1}\nanswers:\n  washing: sometimes\n", RAS_ERR_CASE, 3, 12,
               "washing",
               "question 'washing': unknown answer 'sometimes' (expected none, some or all)");
    load_error(f, "client: {id: C1}\nanswers:\n  washing: 4\n", RAS_ERR_CASE, 3, 12, "washing",
               "question 'washing': a number ('4') where an answer id is due (expected none, "
               "some or all)");
    load_error(f, "client: {id: C1}\nanswers:\n  nights: some\n", RAS_ERR_CASE, 3, 11, "nights",
               "question 'nights': an answer id ('some') where a number is due (expected 0 to 7)");
    load_error(f, "client: {id: C1}\nanswers:\n  nights: 9\n", RAS_ERR_CASE, 3, 11, "nights",
               "question 'nights': 9 is out of range (expected 0 to 7)");
    load_error(f, "client: {id: C1}\nanswers:\n  washing: [some]\n", RAS_ERR_CASE, 3, 12, "washing",
               "question 'washing': expected one answer id, not a list");
    load_error(f, "client: {id: C1}\nanswers:\n  activities: shopping\n", RAS_ERR_CASE, 3, 15,
               "activities",
               "question 'activities': expected a list of answer ids (e.g. [a, b] or []), not "
               "a value");
    load_error(f, "client: {id: C1}\nanswers:\n  activities:\n    - shopping\n    - golf\n",
               RAS_ERR_CASE, 5, 7, "activities",
               "question 'activities': unknown answer 'golf' (expected shopping, swimming or "
               "cinema)");
    load_error(f, "client: {id: C1}\nanswers:\n  activities: [cinema, cinema]\n", RAS_ERR_CASE, 3,
               24, "activities", "question 'activities': answer 'cinema' is chosen twice");
    load_error(f, "client: {id: C1}\nanswers:\n  activities: [[cinema]]\n", RAS_ERR_CASE, 3, 16,
               "activities",
               "question 'activities': expected an answer id in the list, not a list");
    load_error(f, "answers: {}\n", RAS_ERR_CASE, 1, 1, "client", "case: missing key 'client'");
    load_error(f, "client: {id: C1}\n", RAS_ERR_CASE, 1, 1, "answers",
               "case: missing key 'answers'");
    load_error(f, "client: {id: C1}\nanswers: [washing]\n", RAS_ERR_CASE, 2, 10, "answers",
               "'answers' must be a mapping of question ids to answers, not a list");
    load_error(f, "client: {name: Bob, id: C1}\nanswers: {}\n", RAS_ERR_CASE, 1, 10, "name",
               "client: unknown key 'name' (expected id, group, new_client, needs_increased, "
               "existing_package or assessed_on)");
    load_error(f, "client: {group: x}\nanswers: {}\n", RAS_ERR_CASE, 1, 9, "id",
               "client: missing key 'id'");
    load_error(f, "client:\n  id: C1\n  new_client: perhaps\nanswers: {}\n", RAS_ERR_CASE, 3, 15,
               "new_client",
               "client 'new_client': 'perhaps' is not yes or no (yes, no, y, n, true, false, 1 "
               "or 0)");
    load_error(f, "client:\n  id: C1\n  assessed_on: 2011-02-30\nanswers: {}\n", RAS_ERR_CASE, 3,
               16, "assessed_on",
               "client 'assessed_on': '2011-02-30' is not a day that exists (day 30, month 2, "
               "year 2011)");
    load_error(f, "client:\n  id: ''\nanswers: {}\n", RAS_ERR_CASE, 2, 7, "id",
               "client 'id': the client id is empty");
    load_error(f, "client:\n  id: [1]\nanswers: {}\n", RAS_ERR_CASE, 2, 7, "id",
               "client 'id': expected a single value, not a list");
    load_error(f, "", RAS_ERR_CASE, 0, 0, "",
               "the case is empty (expected 'client' and 'answers')");
    load_error(f, "client: {id: C1}\nextra: 1\nanswers: {}\n", RAS_ERR_CASE, 2, 1, "extra",
               "case: unknown key 'extra' (expected client, answers, questionnaire or "
               "questionnaire_version)");
}

static void test_yaml_syntax(void **state)
{
    fixture *f = *state;
    ras_case *c = (ras_case *)1;
    ras_error err;
    assert_int_equal(load(f, "client: {id: C1\nanswers: {}\n", &c, &err), RAS_ERR_SYNTAX);
    assert_null(c);
    assert_int_not_equal(err.line, 0);
    assert_int_equal(
        load(f, "client: {id: C1}\nanswers: {washing: some, washing: all}\n", &c, &err),
        RAS_ERR_SYNTAX);
    assert_int_equal(err.line, 2);
}

static void test_load_file(void **state)
{
    fixture *f = *state;
    char path[] = "/tmp/ras_case_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *out = fdopen(fd, "w");
    fputs("client: {id: F1}\nanswers: {washing: none}\n", out);
    fclose(out);
    ras_case *c = NULL;
    ras_error err;
    assert_int_equal(ras_case_load_file(f->m, path, &c, &err), RAS_OK);
    assert_string_equal(ras_case_client_id(c), "F1");
    ras_case_free(c);
    remove(path);
    assert_int_equal(ras_case_load_file(f->m, "/nonexistent/case.yaml", &c, &err), RAS_ERR_IO);
    assert_null(c);
    assert_string_equal(err.file, "/nonexistent/case.yaml");
}

/* ---- writing ------------------------------------------------------ */

static char *write_text(const ras_case *c)
{
    FILE *out = tmpfile();
    assert_non_null(out);
    assert_int_equal(ras_case_write(c, out), RAS_OK);
    long n = ftell(out);
    rewind(out);
    char *text = calloc((size_t)n + 1, 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)n, out), (size_t)n);
    fclose(out);
    return text;
}

static void assert_same_case(fixture *f, const ras_case *a, const ras_case *b)
{
    assert_string_equal(a->client_id, b->client_id);
    assert_int_equal(a->client_id_len, b->client_id_len);
    assert_int_equal(a->has_group, b->has_group);
    assert_string_equal(a->group, b->group);
    assert_int_equal(a->new_client, b->new_client);
    assert_int_equal(a->needs_increased, b->needs_increased);
    assert_int_equal(a->has_existing, b->has_existing);
    assert_int_equal(a->existing, b->existing);
    assert_int_equal(a->assessed_on, b->assessed_on);
    for (size_t i = 0; i < f->m->n_questions; i++) {
        assert_int_equal(a->answered[i], b->answered[i]);
        if (!a->answered[i])
            continue;
        if (f->m->questions[i].type == RAS_SINGLE)
            assert_int_equal(a->single[i], b->single[i]);
        if (f->m->questions[i].type == RAS_NUMBER)
            assert_int_equal(a->number[i], b->number[i]);
    }
    assert_memory_equal(a->chosen, b->chosen, f->m->n_answers);
}

static void round_trip(fixture *f, const char *want)
{
    char *text = write_text(f->c);
    if (want)
        assert_string_equal(text, want);
    ras_case *back = NULL;
    ras_error err;
    if (load(f, text, &back, &err) != RAS_OK)
        fail_msg("did not load back: %lu:%lu %s\n%s", err.line, err.column, err.message, text);
    assert_same_case(f, f->c, back);
    ras_case_free(back);
    free(text);
}

static void test_write_round_trip(void **state)
{
    fixture *f = *state;
    ras_error err;
    set_field(f, RAS_FIELD_CLIENT_ID, "C1001", &err);
    round_trip(f, "questionnaire: t\nquestionnaire_version: \"1\"\nclient:\n  id: C1001\nanswers: "
                  "{}\n");

    set_field(f, RAS_FIELD_GROUP, "older_people", &err);
    set_field(f, RAS_FIELD_NEW_CLIENT, "no", &err);
    set_field(f, RAS_FIELD_NEEDS_INCREASED, "yes", &err);
    set_field(f, RAS_FIELD_EXISTING_PACKAGE, "7800.5", &err);
    set_field(f, RAS_FIELD_ASSESSED_ON, "2010-05-04", &err);
    set_answer(f, f->activities, "cinema;shopping", &err);
    set_answer(f, f->nights, "3", &err);
    set_answer(f, f->washing, "some", &err);
    set_answer(f, f->level, "1", &err);
    round_trip(f, "questionnaire: t\n"
                  "questionnaire_version: \"1\"\n"
                  "client:\n"
                  "  id: C1001\n"
                  "  group: older_people\n"
                  "  new_client: no\n"
                  "  needs_increased: yes\n"
                  "  existing_package: 7800.50\n"
                  "  assessed_on: 2010-05-04\n"
                  "answers:\n"
                  "  washing: some\n"
                  "  nights: 3\n"
                  "  activities: [shopping, cinema]\n"
                  "  level: 1\n");

    /* Ids that need quoting, and an empty multiple. */
    static const char *const ids[] = {"null",  "~",      "a: b",       "#1",  "say \"hi\"",
                                      "- x",   "back\\", "Zo\xc3\xab", "yes", "[x]",
                                      " pad ", "0042",   "1e3",        "a'b", "-1"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        assert_int_equal(set_field(f, RAS_FIELD_CLIENT_ID, ids[i], &err), RAS_OK);
        round_trip(f, NULL);
    }
    set_answer(f, f->activities, "", &err);
    set_answer(f, f->nights, "0", &err);
    round_trip(f, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_field_names),
        cmocka_unit_test_setup_teardown(test_client_id, setup, teardown),
        cmocka_unit_test_setup_teardown(test_yes_no, setup, teardown),
        cmocka_unit_test_setup_teardown(test_money_date_group, setup, teardown),
        cmocka_unit_test_setup_teardown(test_single, setup, teardown),
        cmocka_unit_test_setup_teardown(test_number, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multiple, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clear, setup, teardown),
        cmocka_unit_test_setup_teardown(test_yaml_valid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_yaml_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_yaml_syntax, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_round_trip, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
