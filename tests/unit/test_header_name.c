/* test_header_name.c - the normal form of a CSV header name
 * (header_name.h) and the header binding that uses it: `Client ID`,
 * `CLIENT_ID` and ` client id ` all name client_id, `Q1 0` names q1_0, and
 * two columns that name one thing are an error naming both. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "header_name.h"

static void check_normal(const char *name, const char *want)
{
    char out[64];
    size_t n = ras_header_normalise(name, strlen(name), out);
    assert_true(n <= strlen(name));
    out[n] = '\0';
    assert_string_equal(out, want);
}

static void test_normalise(void **state)
{
    (void)state;
    check_normal("client_id", "client_id");
    check_normal("Client ID", "client_id");
    check_normal("CLIENT_ID", "client_id");
    check_normal(" client id ", "client_id");
    check_normal("\tClient-Id\t", "client_id");
    check_normal("Q1 0", "q1_0");
    check_normal("Assessed On", "assessed_on");
    check_normal("", "");
    check_normal("   ", "");
    check_normal("Caf\xc3\xa9 Name", "caf\xc3\xa9_name"); /* UTF-8 kept as it is */
    check_normal("a  b", "a__b");                         /* each space its own */
    assert_int_equal(ras_header_normalise(NULL, 3, NULL), 0);
}

static void test_same(void **state)
{
    (void)state;
    assert_true(ras_header_same("Client ID", 9, "client_id", 9));
    assert_true(ras_header_same(" night-support ", 15, "night_support", 13));
    assert_true(ras_header_same("night_support", 13, "NIGHT-SUPPORT", 13));
    assert_false(ras_header_same("client", 6, "client_id", 9));
    assert_false(ras_header_same("clientid", 8, "client_id", 9));
    assert_false(ras_header_same(NULL, 0, "x", 1));
}

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
                                    "          - {id: all, text: All, points: 8}\n"
                                    "      - id: q1_0\n"
                                    "        required: false\n"
                                    "        text: Q?\n"
                                    "        answers:\n"
                                    "          - {id: a, text: A, points: 1}\n"
                                    "      - id: night-help\n"
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
                            "      - {from: 0, rate: 100.00}\n";

typedef struct run_result {
    ras_status status;
    char out[4096];
    ras_error err;
} run_result;

static run_result run(const char *csv)
{
    ras_model *m = test_model(questionnaire, table);
    run_result r;
    memset(&r, 0, sizeof r);
    FILE *in = tmpfile(), *out = tmpfile();
    assert_non_null(in);
    assert_non_null(out);
    fputs(csv, in);
    rewind(in);
    ras_error_clear(&r.err);
    r.status = ras_batch(m, in, "x.csv", NULL, out, NULL, NULL, NULL, &r.err);
    rewind(out);
    size_t n = fread(r.out, 1, sizeof r.out - 1, out);
    r.out[n] = '\0';
    fclose(in);
    fclose(out);
    ras_model_free(m);
    return r;
}

/* Names as exports write them bind as ras's own do. */
static void test_binding(void **state)
{
    (void)state;
    run_result r = run(" Client ID ;WASHING;Q1 0;Night Help\nC1;all;a;2\n");
    assert_int_equal(r.status, RAS_OK);
    assert_non_null(strstr(r.out, "\nC1,ok,15,1500.00,"));
    r = run("client-id,Washing\nC2,none\n");
    assert_int_equal(r.status, RAS_OK);
    assert_non_null(strstr(r.out, "\nC2,ok,0,"));
}

static void test_two_columns_one_name(void **state)
{
    (void)state;
    run_result r = run("Client ID,washing,client_id\nC1,all,C1\n");
    assert_int_equal(r.status, RAS_ERR_SYNTAX);
    assert_int_equal(r.err.line, 1);
    assert_int_equal(r.err.column, 3);
    assert_string_equal(r.err.subject, "client_id");
    assert_string_equal(r.err.message, "columns 'Client ID' (column 1) and 'client_id' (column 3) "
                                       "both name 'client_id'");
    r = run("client_id,Washing,WASHING\n");
    assert_int_equal(r.status, RAS_ERR_SYNTAX);
    assert_string_equal(
        r.err.message, "columns 'Washing' (column 2) and 'WASHING' (column 3) both name 'washing'");
    r = run("client_id,washing,washing\n");
    assert_string_equal(r.err.message,
                        "column 'washing' appears twice in the header (columns 2 and 3)");
    /* Two columns ras ignores may share a name. */
    r = run("client_id,washing,notes,notes\nC1,all,x,y\n");
    assert_int_equal(r.status, RAS_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalise),
        cmocka_unit_test(test_same),
        cmocka_unit_test(test_binding),
        cmocka_unit_test(test_two_columns_one_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
