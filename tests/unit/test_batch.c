/* test_batch.c - ras_batch end to end on a small model with two scoring
 * tables: the whole output compared as text (ok rows, error rows of every
 * kind, tables chosen by date, the existing package, the panel), warnings
 * for unknown columns, the summary, and the fatal header errors. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
                                    "        required: false\n"
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
                                    "      - id: carer\n"
                                    "        required: false\n"
                                    "        text: Carer?\n"
                                    "        answers:\n"
                                    "          - {id: none, text: None, points: 0}\n"
                                    "          - {id: some, text: Some, points: 0, adjust: -10%}\n";

static const char table_2020[] = "scoring: a\n"
                                 "version: \"1\"\n"
                                 "questionnaire: t\n"
                                 "effective_from: 2020-01-01\n"
                                 "threshold: 4\n"
                                 "panel_threshold: 2000.00\n"
                                 "groups:\n"
                                 "  default:\n"
                                 "    bands:\n"
                                 "      - {from: 0, rate: 100.00}\n";

static const char table_2021[] = "scoring: b\n"
                                 "version: \"2, final\"\n"
                                 "questionnaire: t\n"
                                 "effective_from: 2021-01-01\n"
                                 "panel_threshold: 5000.00\n"
                                 "groups:\n"
                                 "  default:\n"
                                 "    bands:\n"
                                 "      - {from: 0, rate: 200.00}\n"
                                 "  older_people:\n"
                                 "    steps:\n"
                                 "      - {from: 0, amount: 0}\n"
                                 "      - {from: 10, amount: 1500.00}\n";

static ras_model *load_model(void)
{
    ras_source q = {"questionnaire.yaml", questionnaire, strlen(questionnaire)};
    ras_source t[2] = {{"scoring-2021.yaml", table_2021, strlen(table_2021)},
                       {"scoring-2020.yaml", table_2020, strlen(table_2020)}};
    ras_model *m = NULL;
    ras_error err;
    ras_error_clear(&err);
    if (ras_model_load(&q, t, 2, &m, &err) != RAS_OK)
        fail_msg("model: %lu:%lu %s", err.line, err.column, err.message);
    return m;
}

typedef struct warnings {
    char text[2048];
    size_t n;
} warnings;

static void collect(void *ctx, const ras_error *w)
{
    warnings *ws = ctx;
    char line[600];
    ras_error_format(w, line, sizeof line);
    size_t len = strlen(ws->text);
    snprintf(ws->text + len, sizeof ws->text - len, "%s [%s]\n", line, w->subject);
    ws->n++;
}

typedef struct run_result {
    ras_status status;
    char *out;
    ras_batch_summary sum;
    ras_error err;
    warnings warn;
} run_result;

static run_result run_with(const ras_model *m, const char *csv, size_t len, ras_encoding enc)
{
    run_result r;
    memset(&r, 0, sizeof r);
    FILE *in = tmpfile(), *out = tmpfile();
    assert_non_null(in);
    assert_non_null(out);
    assert_int_equal(fwrite(csv, 1, len, in), len);
    rewind(in);
    ras_error_clear(&r.err);
    ras_read_options opts;
    ras_read_options_init(&opts);
    opts.encoding = enc;
    r.status = ras_batch(m, in, "cases.csv", &opts, out, &r.sum, collect, &r.warn, &r.err);
    long n = ftell(out);
    rewind(out);
    r.out = calloc((size_t)n + 1, 1);
    assert_non_null(r.out);
    assert_int_equal(fread(r.out, 1, (size_t)n, out), (size_t)n);
    fclose(in);
    fclose(out);
    return r;
}

static run_result run(const ras_model *m, const char *csv, size_t len)
{
    return run_with(m, csv, len, RAS_ENCODING_AUTO);
}

#define HEADER                                                                                     \
    "client_id,status,points,ras_amount,indicative_budget,weekly_budget,basis,panel,scoring,"      \
    "message\n"

static void test_rows(void **state)
{
    (void)state;
    ras_model *m = load_model();
    const char *csv = "\xef\xbb\xbf"
                      "client_id,washing,nights,activities,carer,assessed_on,group,new_client,"
                      "needs_increased,existing_package,notes,extra\r\n"
                      "C1,some,1,shopping,,2020-06-01,,,,,hello,x\r\n"
                      "C2,all,7,\"shopping; swimming\",some,2021-02-01,,,,,,\r\n"
                      "C3,some,2,,,2021-02-01,older_people,,,,\"two\r\nlines\",\r\n"
                      "C4,none,0,,,2020-06-01,,no,no,7800,,\r\n"
                      "\r\n"
                      "C5,sometimes,,,,,,,,,,\r\n"
                      "C6,none,,,,2019-12-31,,,,,,\r\n"
                      "C7,none\r\n"
                      "\"C,8\",,,,,,,,,,,\r\n"
                      "C9,none,8,,,,,,,,,\r\n"
                      "C10,none,,,,,,maybe,,,,\r\n"
                      "C11,none,,,,,pensioners,,,,,\r\n"
                      "C12,some,,swimming,,,,,,,,\r\n"
                      "C13,none,1,,,2020-12-31,,,,,,"; /* no line end at the end */
    run_result r = run(m, csv, strlen(csv));
    assert_int_equal(r.status, RAS_OK);
    const char *want = HEADER
        "C1,ok,8,800.00,800.00,15.38,ras,no,a@1,\n"
        "C2,ok,32,5760.00,5760.00,110.77,ras,yes,\"b@2, final\",\n"
        "C3,ok,10,1500.00,1500.00,28.85,ras,no,\"b@2, final\",\n"
        "C4,ok,0,0.00,7800.00,150.00,existing_package,yes,a@1,\n"
        "C5,error,,,,,,,,\"line 8, column 'washing': unknown answer 'sometimes' (expected "
        "none, some or all)\"\n"
        "C6,error,,,,,,,,\"line 9: assessed_on 2019-12-31 is before every scoring table (the "
        "first, 'a', takes effect on 2020-01-01)\"\n"
        "C7,error,,,,,,,,line 10: 2 fields where the header has 12\n"
        "\"C,8\",error,,,,,,,,line 11: question 'washing': required but not answered\n"
        "C9,error,,,,,,,,\"line 12, column 'nights': 8 is out of range (expected 0 to 7)\"\n"
        "C10,error,,,,,,,,\"line 13, column 'new_client': 'maybe' is not yes or no (yes, no, "
        "y, n, true, false, 1 or 0)\"\n"
        "C11,error,,,,,,,,line 14: unknown group 'pensioners' (scoring table 'b' has default "
        "or older_people)\n"
        "C12,ok,6,1200.00,1200.00,23.08,ras,no,\"b@2, final\",\n"
        "C13,ok,3,0.00,0.00,0.00,below_threshold,no,a@1,\n";
    assert_string_equal(r.out, want);
    assert_int_equal(r.sum.rows, 13);
    assert_int_equal(r.sum.ok, 6);
    assert_int_equal(r.sum.errors, 7);
    assert_int_equal(r.sum.panel, 2);
    assert_int_equal(r.sum.total, 80000 + 576000 + 150000 + 780000 + 120000);
    assert_int_equal(ras_batch_mean(&r.sum), (80000 + 576000 + 150000 + 780000 + 120000) / 6);
    assert_int_equal(r.sum.n_tables_used, 2);
    assert_string_equal(ras_table_id(r.sum.tables_used[0].table), "a");
    assert_int_equal(r.sum.tables_used[0].rows, 3);
    assert_string_equal(ras_table_id(r.sum.tables_used[1].table), "b");
    assert_int_equal(r.sum.tables_used[1].rows, 3);
    /* Each unknown column named once, however many rows. */
    assert_int_equal(r.warn.n, 2);
    assert_string_equal(r.warn.text,
                        "cases.csv:1:11: unknown column 'notes' (not a client field or a "
                        "question): ignored [notes]\n"
                        "cases.csv:1:12: unknown column 'extra' (not a client field or a "
                        "question): ignored [extra]\n");
    free(r.out);
    ras_model_free(m);
}

static void test_bad_cells(void **state)
{
    (void)state;
    ras_model *m = load_model();
    static const char csv[] = "washing,client_id\n"
                              "none,A\xff\n"
                              "so\0e,B\n"
                              "all,\"Q\"\"1\"\n";
    /* Not UTF-8: read as Windows-1252 (docs/exports.md). */
    run_result r = run(m, csv, sizeof csv - 1);
    assert_int_equal(r.status, RAS_OK);
    assert_string_equal(r.out, HEADER
                        "A\xc3\xbf,ok,0,0.00,0.00,0.00,ras,no,\"b@2, final\",\n"
                        "B,error,,,,,,,,\"line 3, column 'washing': the cell holds a NUL byte\"\n"
                        "\"Q\"\"1\",ok,8,1600.00,1600.00,30.77,ras,no,\"b@2, final\",\n");
    assert_int_equal(r.sum.errors, 1);
    assert_int_equal(r.sum.read.encoding, RAS_ENCODING_CP1252);
    assert_true(r.sum.read.encoding_detected);
    free(r.out);
    /* UTF-8 forced: the byte is an error in a column ras reads. */
    r = run_with(m, csv, sizeof csv - 1, RAS_ENCODING_UTF8);
    assert_int_equal(r.status, RAS_OK);
    assert_string_equal(r.out, HEADER
                        ",error,,,,,,,,\"line 2, column 'client_id': the cell holds invalid "
                        "UTF-8\"\n"
                        "B,error,,,,,,,,\"line 3, column 'washing': the cell holds a NUL byte\"\n"
                        "\"Q\"\"1\",ok,8,1600.00,1600.00,30.77,ras,no,\"b@2, final\",\n");
    assert_int_equal(r.sum.errors, 2);
    assert_false(r.sum.read.encoding_detected);
    free(r.out);
    ras_model_free(m);
}

static void test_header_errors(void **state)
{
    (void)state;
    ras_model *m = load_model();
    run_result r = run(m, "washing,nights\nnone,1\n", 22);
    assert_int_equal(r.status, RAS_ERR_SYNTAX);
    assert_string_equal(r.err.file, "cases.csv");
    assert_int_equal(r.err.line, 1);
    assert_string_equal(r.err.message, "the header has no client_id column");
    assert_string_equal(r.out, "");
    free(r.out);

    r = run(m, "client_id,washing,nights,washing\n", 33);
    assert_int_equal(r.status, RAS_ERR_SYNTAX);
    assert_int_equal(r.err.line, 1);
    assert_int_equal(r.err.column, 4);
    assert_string_equal(r.err.subject, "washing");
    assert_string_equal(r.err.message,
                        "column 'washing' appears twice in the header (columns 2 and 4)");
    free(r.out);

    r = run(m, "", 0);
    assert_int_equal(r.status, RAS_ERR_SYNTAX);
    assert_string_equal(r.err.message, "the file is empty (expected a header row naming "
                                       "client_id and the questions)");
    free(r.out);

    /* A header alone: no rows, a valid empty output. */
    r = run(m, "client_id,washing\n", 18);
    assert_int_equal(r.status, RAS_OK);
    assert_string_equal(r.out, HEADER);
    assert_int_equal(r.sum.rows, 0);
    assert_int_equal(ras_batch_mean(&r.sum), 0);
    free(r.out);
    ras_model_free(m);
}

/* A broken file stops the run after the rows before the fault. */
static void test_broken_csv(void **state)
{
    (void)state;
    ras_model *m = load_model();
    const char *csv = "client_id,washing\nA,none\nB,\"all\n";
    run_result r = run(m, csv, strlen(csv));
    assert_int_equal(r.status, RAS_ERR_SYNTAX);
    assert_int_equal(r.err.line, 3);
    assert_string_equal(r.err.message, "column 'washing': unclosed quote: the quote opened on "
                                       "line 3 is never closed (the file ends inside this field)");
    assert_string_equal(r.out, HEADER "A,ok,0,0.00,0.00,0.00,ras,no,\"b@2, final\",\n");
    assert_int_equal(r.sum.rows, 1);
    free(r.out);
    ras_model_free(m);
}

/* Many rows through more than one buffer of input and output. */
static void test_many_rows(void **state)
{
    (void)state;
    ras_model *m = load_model();
    size_t rows = 30000;
    char *csv = malloc(rows * 40 + 64);
    assert_non_null(csv);
    size_t n = (size_t)sprintf(csv, "client_id,washing,nights\n");
    size_t bad = 0;
    for (size_t i = 0; i < rows; i++) {
        n += (size_t)sprintf(csv + n, "client-%zu,%s,%zu\n", i, i % 2 ? "all" : "none", i % 9);
        bad += i % 9 == 8; /* 8 nights: out of range */
    }
    run_result r = run(m, csv, n);
    assert_int_equal(r.status, RAS_OK);
    assert_int_equal(r.sum.rows, rows);
    assert_int_equal(r.sum.ok, rows - bad);
    assert_int_equal(r.sum.errors, bad);
    /* Row 1235: all, 1235 % 9 = 2 nights: 8 + 6 points. */
    assert_non_null(strstr(r.out, "\nclient-1235,ok,14,2800.00,2800.00,53.85,ras,no,"));
    assert_non_null(strstr(r.out, "\nclient-8,error,,,,,,,,\"line 10, column 'nights': 8 is out"));
    free(r.out);
    free(csv);
    ras_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows),          cmocka_unit_test(test_bad_cells),
        cmocka_unit_test(test_header_errors), cmocka_unit_test(test_broken_csv),
        cmocka_unit_test(test_many_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
