/* test_api_edges.c - the edges of the public interface: every function
 * given a NULL or foreign argument says RAS_ERR_ARG (with its message
 * when it takes a ras_error) and touches nothing; accessors asked for an
 * item past the end give NULL or 0; every writer reports RAS_ERR_IO when
 * its stream fails; status names and error formatting. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DATA RAS_TEST_DATA "/e2e/"

static ras_model *load(void)
{
    ras_model *m = NULL;
    ras_error err;
    ras_error_clear(&err);
    if (ras_model_load_dir(DATA "model", &m, &err) != RAS_OK)
        fail_msg("model did not load: %s", err.message);
    return m;
}

static ras_case *load_case(const ras_model *m, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, DATA "cases/%s", name);
    ras_case *c = NULL;
    ras_error err;
    if (ras_case_load_file(m, path, &c, &err) != RAS_OK)
        fail_msg("case did not load: %s", err.message);
    return c;
}

/* A stream every write to fails: opened for reading only. */
static FILE *broken_stream(void)
{
    FILE *f = fopen("/dev/null", "r");
    assert_non_null(f);
    return f;
}

static void expect_arg(ras_status st, const ras_error *err, const char *message)
{
    assert_int_equal(st, RAS_ERR_ARG);
    assert_int_equal(err->status, RAS_ERR_ARG);
    assert_string_equal(err->message, message);
}

static void test_status_names(void **state)
{
    (void)state;
    assert_string_equal(ras_status_name(RAS_OK), "ok");
    assert_string_equal(ras_status_name(RAS_ERR_NOMEM), "nomem");
    assert_string_equal(ras_status_name(RAS_ERR_IO), "io");
    assert_string_equal(ras_status_name(RAS_ERR_SYNTAX), "syntax");
    assert_string_equal(ras_status_name(RAS_ERR_MODEL), "model");
    assert_string_equal(ras_status_name(RAS_ERR_CASE), "case");
    assert_string_equal(ras_status_name(RAS_ERR_LIMIT), "limit");
    assert_string_equal(ras_status_name(RAS_ERR_OVERFLOW), "overflow");
    assert_string_equal(ras_status_name(RAS_ERR_ARG), "arg");
    assert_string_equal(ras_status_name((ras_status)99), "unknown");
}

static void test_version(void **state)
{
    (void)state;
    assert_int_equal(ras_version_number(), RAS_VERSION_NUMBER);
    assert_string_equal(ras_version(), RAS_VERSION_STRING);
    char buf[256];
    size_t n = ras_build_info(buf, sizeof buf);
    assert_int_equal(n, strlen(buf));
    assert_non_null(strstr(buf, "libyaml "));
    assert_non_null(strstr(buf, "OpenSSL"));
}

static void test_error_format(void **state)
{
    (void)state;
    ras_error err;
    char buf[600];
    ras_error_clear(&err);
    strcpy(err.message, "bad");
    assert_int_equal(ras_error_format(&err, buf, sizeof buf), 3);
    assert_string_equal(buf, "bad");
    strcpy(err.file, "f.yaml");
    ras_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "f.yaml: bad");
    err.line = 7;
    ras_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "f.yaml:7: bad");
    err.column = 3;
    ras_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "f.yaml:7:3: bad");
    /* a short buffer is cut but the full length is returned */
    assert_int_equal(ras_error_format(&err, buf, 5), strlen("f.yaml:7:3: bad"));
    assert_string_equal(buf, "f.ya");
}

/* A file name longer than ras_error holds is cut to fit, not overrun. */
static void test_error_long_file_name(void **state)
{
    (void)state;
    char path[1024];
    memset(path, 'x', sizeof path - 1);
    path[0] = '/';
    path[sizeof path - 1] = '\0';
    ras_model *m = NULL;
    ras_error err;
    ras_status st = ras_model_load_dir(path, &m, &err);
    assert_int_not_equal(st, RAS_OK);
    assert_null(m);
    assert_int_equal(strlen(err.file), RAS_ERROR_FILE_MAX - 1);
    assert_memory_equal(err.file, path, RAS_ERROR_FILE_MAX - 1);
}

static void test_model_load_args(void **state)
{
    (void)state;
    ras_error err;
    ras_model *m = (ras_model *)&err; /* must be set to NULL */
    ras_source q = {"q.yaml", "x", 1};
    ras_source t = {"t.yaml", "y", 1};
    ras_source no_data = {"t.yaml", NULL, 5};

    expect_arg(ras_model_load(&q, &t, 1, NULL, &err), &err, "no place to put the model");
    expect_arg(ras_model_load(NULL, &t, 1, &m, &err), &err, "no questionnaire given");
    assert_null(m);
    expect_arg(ras_model_load(&no_data, &t, 1, &m, &err), &err, "no questionnaire given");
    expect_arg(ras_model_load(&q, NULL, 1, &m, &err), &err, "no scoring table given");
    expect_arg(ras_model_load(&q, &t, 0, &m, &err), &err, "no scoring table given");
    ras_source two[2] = {t, no_data};
    expect_arg(ras_model_load(&q, two, 2, &m, &err), &err, "scoring table 2 has no data");
    assert_int_equal(ras_model_load(&q, &t, RAS_MAX_TABLES + 1, &m, &err), RAS_ERR_LIMIT);
    assert_string_equal(err.message, "65 scoring tables given: at most 64 are allowed");

    const char *tables[] = {"t.yaml"};
    static const char need[] = "a questionnaire and at least one scoring table are needed";
    expect_arg(ras_model_load_files(NULL, tables, 1, &m, &err), &err, need);
    expect_arg(ras_model_load_files("q.yaml", NULL, 1, &m, &err), &err, need);
    expect_arg(ras_model_load_files("q.yaml", tables, 0, &m, &err), &err, need);
    expect_arg(ras_model_load_files("q.yaml", tables, 1, NULL, &err), &err, need);
    assert_int_equal(ras_model_load_files("q.yaml", tables, RAS_MAX_TABLES + 1, &m, &err),
                     RAS_ERR_LIMIT);
    assert_string_equal(err.message, "65 scoring tables given: at most 64 are allowed");

    expect_arg(ras_model_load_dir(NULL, &m, &err), &err, "no model folder given");
    expect_arg(ras_model_load_dir(DATA "model", NULL, &err), &err, "no model folder given");
    expect_arg(ras_model_load_builtin(NULL, NULL, &err), &err, "no place to put the model");
    assert_null(m);
}

static void test_builtin_files_args(void **state)
{
    (void)state;
    ras_error err;
    const ras_source *files = NULL;
    size_t n = 0;
    expect_arg(ras_builtin_files(NULL, NULL, &n, &err), &err, "no place to put the files");
    expect_arg(ras_builtin_files(NULL, &files, NULL, &err), &err, "no place to put the files");
    assert_null(files);
    expect_arg(ras_builtin_files("nonesuch", &files, &n, &err), &err,
               "no built-in model is named 'nonesuch'");
    assert_string_equal(err.subject, "nonesuch");
    assert_null(files);
    assert_int_equal(n, 0);
}

static void test_case_args(void **state)
{
    (void)state;
    ras_model *m = load();
    ras_error err;
    ras_case *c = (ras_case *)&err;
    ras_source src = {"c.yaml", "answers: {}\n", 12};
    ras_source no_data = {"c.yaml", NULL, 3};

    assert_null(ras_case_new(NULL));
    expect_arg(ras_case_load(NULL, &src, &c, &err), &err, "invalid argument");
    assert_null(c);
    expect_arg(ras_case_load(m, NULL, &c, &err), &err, "invalid argument");
    expect_arg(ras_case_load(m, &no_data, &c, &err), &err, "invalid argument");
    expect_arg(ras_case_load(m, &src, NULL, &err), &err, "invalid argument");
    c = (ras_case *)&err;
    expect_arg(ras_case_load_file(NULL, "x", &c, &err), &err, "invalid argument");
    assert_null(c);
    expect_arg(ras_case_load_file(m, NULL, &c, &err), &err, "invalid argument");
    expect_arg(ras_case_load_file(m, "x", NULL, &err), &err, "invalid argument");

    ras_case *ok = ras_case_new(m);
    assert_non_null(ok);
    const ras_question *q = ras_model_question(m, 0);
    expect_arg(ras_case_set_field(NULL, RAS_FIELD_GROUP, "a", 1, &err), &err, "invalid argument");
    expect_arg(ras_case_set_field(ok, RAS_FIELD_GROUP, NULL, 1, &err), &err, "invalid argument");
    expect_arg(ras_case_set_field(ok, RAS_FIELD_COUNT, "a", 1, &err), &err, "invalid argument");
    expect_arg(ras_case_set_field(ok, (ras_field)-1, "a", 1, &err), &err, "invalid argument");
    /* NULL text of length 0 is the empty text: the default */
    assert_int_equal(ras_case_set_field(ok, RAS_FIELD_GROUP, NULL, 0, &err), RAS_OK);

    expect_arg(ras_case_set_answer(NULL, q, "none", 4, &err), &err, "invalid argument");
    expect_arg(ras_case_set_answer(ok, NULL, "none", 4, &err), &err, "invalid argument");
    expect_arg(ras_case_set_answer(ok, q, NULL, 4, &err), &err, "invalid argument");
    /* a question of another model (even one equal to it) is refused */
    ras_model *other = load();
    expect_arg(ras_case_set_answer(ok, ras_model_question(other, 0), "none", 4, &err), &err,
               "invalid argument");
    assert_false(ras_case_answered(ok, q));
    assert_int_equal(ras_case_set_answer(ok, q, "some", 4, &err), RAS_OK);
    assert_true(ras_case_answered(ok, q));
    /* unset with bad arguments changes nothing */
    ras_case_unset_answer(NULL, q);
    ras_case_unset_answer(ok, NULL);
    assert_true(ras_case_answered(ok, q));
    assert_false(ras_case_answered(NULL, q));
    assert_false(ras_case_answered(ok, NULL));
    assert_string_equal(ras_case_client_id(NULL), "");
    assert_int_equal(ras_case_write(NULL, stdout), RAS_ERR_ARG);
    assert_int_equal(ras_case_write(ok, NULL), RAS_ERR_ARG);
    ras_case_clear(NULL);
    ras_case_free(NULL);

    assert_null(ras_field_name((ras_field)-1));
    assert_null(ras_field_name(RAS_FIELD_COUNT));
    assert_string_equal(ras_field_name(RAS_FIELD_ASSESSED_ON), "assessed_on");
    assert_int_equal(ras_field_find(NULL, 0), -1);
    assert_int_equal(ras_field_find("assessed_on", 11), RAS_FIELD_ASSESSED_ON);
    assert_int_equal(ras_field_find("assessed_o", 10), -1);

    ras_case_free(ok);
    ras_model_free(other);
    ras_model_free(m);
}

static void test_score_args(void **state)
{
    (void)state;
    ras_model *m = load();
    ras_model *other = load();
    ras_case *c = load_case(m, "basic.yaml");
    ras_result *r = ras_result_new(m);
    ras_result *r_other = ras_result_new(other);
    ras_error err;
    static const char belong[] = "the case and result must belong to the model being scored";
    expect_arg(ras_score(NULL, c, r, &err), &err, belong);
    expect_arg(ras_score(m, NULL, r, &err), &err, belong);
    expect_arg(ras_score(m, c, NULL, &err), &err, belong);
    expect_arg(ras_score(other, c, r_other, &err), &err, belong);
    expect_arg(ras_score(m, c, r_other, &err), &err, belong);
    expect_arg(ras_score_partial(m, c, r_other, &err), &err, belong);
    assert_null(ras_result_new(NULL));

    assert_int_equal(ras_score(m, c, r, &err), RAS_OK);
    FILE *out = tmpfile();
    assert_int_equal(ras_result_write_text(NULL, c, r, out, 0), RAS_ERR_ARG);
    assert_int_equal(ras_result_write_text(m, NULL, r, out, 0), RAS_ERR_ARG);
    assert_int_equal(ras_result_write_text(m, c, NULL, out, 0), RAS_ERR_ARG);
    assert_int_equal(ras_result_write_text(m, c, r, NULL, 0), RAS_ERR_ARG);
    assert_int_equal(ras_result_write_text(other, c, r, out, 0), RAS_ERR_ARG);
    assert_int_equal(ras_result_write_json(NULL, c, r, out), RAS_ERR_ARG);
    assert_int_equal(ras_result_write_json(m, NULL, r, out), RAS_ERR_ARG);
    assert_int_equal(ras_result_write_json(m, c, NULL, out), RAS_ERR_ARG);
    assert_int_equal(ras_result_write_json(m, c, r, NULL), RAS_ERR_ARG);
    assert_int_equal(ras_result_write_json(other, c, r, out), RAS_ERR_ARG);
    /* a result that has never scored has no table to explain */
    ras_result *blank = ras_result_new(m);
    assert_int_equal(ras_result_write_text(m, c, blank, out, 0), RAS_ERR_ARG);
    assert_int_equal(ras_result_write_json(m, c, blank, out), RAS_ERR_ARG);
    assert_int_equal(ftell(out), 0); /* nothing was written */
    fclose(out);

    ras_result_free(blank);
    ras_result_free(r_other);
    ras_result_free(r);
    ras_case_free(c);
    ras_model_free(other);
    ras_model_free(m);
}

/* Items past the end, and unknown names, give NULL, 0 or -1. */
static void test_accessors_past_the_end(void **state)
{
    (void)state;
    ras_model *m = load();
    const ras_domain *d = ras_model_domain(m, 0);
    const ras_question *washing = ras_model_find_question(m, "washing", 7);
    assert_non_null(washing);
    assert_null(ras_model_find_question(m, NULL, 0));
    assert_null(ras_model_find_question(m, "washin", 6));
    assert_null(ras_domain_question(d, ras_domain_question_count(d)));
    size_t na = ras_question_answer_count(washing);
    assert_int_equal(na, 3);
    assert_string_equal(ras_answer_text(washing, 2), "I need help every day");
    assert_null(ras_answer_text(washing, na));
    assert_int_equal(ras_answer_points(washing, 2), 8);
    assert_int_equal(ras_answer_points(washing, na), 0);
    assert_int_equal(ras_answer_adjust(washing, na), 0);

    const ras_table *t = ras_model_table_on(m, 0);
    assert_string_equal(ras_table_id(t), "test-2012");
    assert_null(ras_model_table_on(m, 20000101)); /* before every table */
    assert_string_equal(ras_table_group_name(t, 1), "older_people");
    assert_null(ras_table_group_name(t, 2));
    assert_int_equal(ras_table_find_group(t, NULL, 0), -1);
    assert_int_equal(ras_table_find_group(t, "older_people", 12), 1);
    assert_false(ras_table_group_uses_steps(t, 0));
    assert_true(ras_table_group_uses_steps(t, 1));
    assert_false(ras_table_group_uses_steps(t, 2));
    assert_int_equal(ras_table_band_count(t, 1), 3);
    assert_int_equal(ras_table_band_from(t, 1, 2), 20);
    assert_int_equal(ras_table_band_value(t, 1, 2), 700000);
    assert_int_equal(ras_table_band_from(t, 1, 3), 0);
    assert_int_equal(ras_table_band_value(t, 1, 3), 0);
    assert_int_equal(ras_table_band_from(t, 2, 0), 0);
    assert_int_equal(ras_table_band_value(t, 2, 0), 0);
    ras_pence out = 1;
    assert_int_equal(ras_table_amount(t, 2, 10, &out), RAS_ERR_ARG);
    assert_int_equal(ras_table_amount(NULL, 0, 10, &out), RAS_ERR_ARG);
    assert_int_equal(ras_table_amount(t, 0, 10, NULL), RAS_ERR_ARG);
    /* the range with either end not wanted */
    int64_t lo = -1, hi = -1;
    ras_model_points_range(m, NULL, &hi);
    ras_model_points_range(m, &lo, NULL);
    assert_int_equal(lo, 0);
    assert_true(hi > 0);

    ras_case *c = load_case(m, "basic.yaml");
    ras_result *r = ras_result_new(m);
    ras_error err;
    assert_int_equal(ras_score(m, c, r, &err), RAS_OK);
    size_t nq = ras_model_question_count(m), nd = ras_model_domain_count(m);
    assert_int_equal(ras_result_question_points(r, 0), 4);
    assert_int_equal(ras_result_question_points(r, nq), 0);
    assert_int_equal(ras_result_domain_raw(r, nd), 0);
    assert_int_equal(ras_result_domain_points(r, nd), 0);
    size_t nl = ras_result_price_line_count(r);
    assert_int_equal(nl, 1);
    ras_price_line l = ras_result_price_line(r, nl);
    assert_int_equal(l.from, 0);
    assert_int_equal(l.to, 0);
    assert_int_equal(l.points, 0);
    assert_int_equal(l.value, 0);
    assert_int_equal(l.amount, 0);
    /* the adjustment past the end is none: NULL, 0, 0; NULL outputs are skipped */
    size_t nadj = ras_result_adjustment_count(r);
    assert_int_equal(nadj, 1);
    const ras_question *q = washing;
    size_t answer = 77;
    int32_t adjust = 77;
    ras_result_adjustment(r, nadj, &q, &answer, &adjust);
    assert_null(q);
    assert_int_equal(answer, 0);
    assert_int_equal(adjust, 0);
    ras_result_adjustment(r, 0, NULL, NULL, &adjust);
    assert_int_equal(adjust, -1000);
    ras_result_adjustment(r, 0, &q, NULL, NULL);
    assert_string_equal(ras_question_id(q), "carer_help");
    assert_string_equal(ras_basis_name(RAS_BASIS_RAS), "ras");
    assert_string_equal(ras_basis_name(RAS_BASIS_EXISTING_PACKAGE), "existing_package");
    assert_string_equal(ras_basis_name(RAS_BASIS_BELOW_THRESHOLD), "below_threshold");
    assert_string_equal(ras_basis_name((ras_basis)9), "unknown");

    ras_result_free(r);
    ras_case_free(c);
    ras_model_free(m);
}

static void test_batch_audit_calibrate_args(void **state)
{
    (void)state;
    ras_model *m = load();
    ras_error err;
    FILE *in = tmpfile();
    FILE *out = tmpfile();
    ras_batch_summary bs;
    ras_audit_summary as;
    expect_arg(ras_batch(NULL, in, "x", NULL, out, &bs, NULL, NULL, &err), &err,
               "invalid argument");
    expect_arg(ras_batch(m, NULL, "x", NULL, out, &bs, NULL, NULL, &err), &err, "invalid argument");
    expect_arg(ras_batch(m, in, "x", NULL, NULL, &bs, NULL, NULL, &err), &err, "invalid argument");
    expect_arg(ras_audit(NULL, in, "x", NULL, out, 0, 0, &as, NULL, NULL, &err), &err,
               "invalid argument");
    expect_arg(ras_audit(m, NULL, "x", NULL, out, 0, 0, &as, NULL, NULL, &err), &err,
               "invalid argument");
    expect_arg(ras_audit(m, in, "x", NULL, NULL, 0, 0, &as, NULL, NULL, &err), &err,
               "invalid argument");
    expect_arg(ras_audit(m, in, "x", NULL, out, -1, 0, &as, NULL, NULL, &err), &err,
               "invalid argument");
    /* the workbook writers: nothing is created when an argument is bad */
    expect_arg(
        ras_audit_workbook(NULL, in, "x", NULL, "never.xlsx", 0, 0, NULL, &as, NULL, NULL, &err),
        &err, "invalid argument");
    expect_arg(
        ras_audit_workbook(m, NULL, "x", NULL, "never.xlsx", 0, 0, NULL, &as, NULL, NULL, &err),
        &err, "invalid argument");
    expect_arg(ras_audit_workbook(m, in, "x", NULL, NULL, 0, 0, NULL, &as, NULL, NULL, &err), &err,
               "invalid argument");
    expect_arg(
        ras_audit_workbook(m, in, "x", NULL, "never.xlsx", -1, 0, NULL, &as, NULL, NULL, &err),
        &err, "invalid argument");
    expect_arg(ras_calibration_write_workbook(NULL, NULL, "never.xlsx", &err), &err,
               "invalid argument");
    assert_int_equal(access("never.xlsx", F_OK), -1);
    assert_int_equal(ras_audit_summary_write_json(NULL, &as, NULL, "x", out), RAS_ERR_ARG);
    assert_int_equal(ras_audit_summary_write_json(m, NULL, NULL, "x", out), RAS_ERR_ARG);
    assert_int_equal(ras_audit_summary_write_json(m, &as, NULL, "x", NULL), RAS_ERR_ARG);
    assert_int_equal(ras_audit_summary_write_text(NULL, &as, NULL, "x", out), RAS_ERR_ARG);
    assert_int_equal(ras_audit_summary_write_text(m, NULL, NULL, "x", out), RAS_ERR_ARG);
    assert_int_equal(ras_audit_summary_write_text(m, &as, NULL, "x", NULL), RAS_ERR_ARG);
    ras_calibration *cal = (ras_calibration *)&err;
    expect_arg(ras_calibrate(NULL, in, "x", NULL, 0, &cal, NULL, NULL, &err), &err,
               "invalid argument");
    assert_null(cal);
    expect_arg(ras_calibrate(m, NULL, "x", NULL, 0, &cal, NULL, NULL, &err), &err,
               "invalid argument");
    expect_arg(ras_calibrate(m, in, "x", NULL, 0, NULL, NULL, NULL, &err), &err,
               "invalid argument");
    assert_int_equal(ras_calibration_write_text(NULL, NULL, out), RAS_ERR_ARG);
    assert_int_equal(ras_calibration_write_json(NULL, NULL, out), RAS_ERR_ARG);
    assert_int_equal(ras_calibration_write_svg(NULL, out), RAS_ERR_ARG);
    expect_arg(ras_calibration_write_table(NULL, 20240101, out, &err), &err, "invalid argument");
    assert_int_equal(ras_calibration_rows(NULL), 0);
    assert_int_equal(ras_calibration_errors(NULL), 0);
    assert_null(ras_calibration_table(NULL));
    assert_int_equal(ras_calibration_group_count(NULL), 0);
    assert_null(ras_calibration_group_at(NULL, 0));
    ras_calibration_free(NULL);
    assert_int_equal(ras_batch_mean(NULL), 0);
    assert_int_equal(ftell(out), 0);
    assert_int_equal(ras_model_write_text(NULL, out), RAS_ERR_ARG);
    assert_int_equal(ras_model_write_text(m, NULL), RAS_ERR_ARG);
    assert_int_equal(ras_model_write_json(NULL, out), RAS_ERR_ARG);
    assert_int_equal(ras_model_write_json(m, NULL), RAS_ERR_ARG);
    fclose(in);
    fclose(out);
    ras_model_free(m);
}

/* Calibration arguments that need a real calibration. */
static void test_calibration_args(void **state)
{
    (void)state;
    ras_model *m = load();
    ras_error err;
    FILE *in = fopen(DATA "csv/costs.csv", "rb");
    assert_non_null(in);
    ras_calibration *cal = NULL;
    assert_int_equal(ras_calibrate(m, in, NULL, NULL, 0, &cal, NULL, NULL, &err), RAS_OK);
    fclose(in);
    assert_ptr_equal(ras_calibration_table(cal), ras_model_table_on(m, 0));
    size_t n = ras_calibration_group_count(cal);
    assert_int_equal(n, 3);
    assert_string_equal(ras_calibration_group_at(cal, n - 1)->name, "all");
    assert_null(ras_calibration_group_at(cal, n));
    FILE *out = tmpfile();
    expect_arg(ras_calibration_write_table(cal, 20240101, NULL, &err), &err, "invalid argument");
    expect_arg(ras_calibration_write_table(cal, 10000100, out, &err), &err, "invalid argument");
    expect_arg(ras_calibration_write_table(cal, 100000101, out, &err), &err, "invalid argument");
    assert_int_equal(ras_calibration_write_text(cal, NULL, NULL), RAS_ERR_ARG);
    assert_int_equal(ras_calibration_write_json(cal, NULL, NULL), RAS_ERR_ARG);
    assert_int_equal(ras_calibration_write_svg(cal, NULL), RAS_ERR_ARG);
    assert_int_equal(ftell(out), 0);
    fclose(out);
    ras_calibration_free(cal);
    ras_model_free(m);
}

/* Every writer says RAS_ERR_IO when its stream fails. */
static void test_writers_report_io(void **state)
{
    (void)state;
    ras_model *m = load();
    ras_case *c = load_case(m, "capped.yaml");
    ras_result *r = ras_result_new(m);
    ras_error err;
    assert_int_equal(ras_score(m, c, r, &err), RAS_OK);
    FILE *bad = broken_stream();
    assert_int_equal(ras_model_write_text(m, bad), RAS_ERR_IO);
    assert_int_equal(ras_model_write_json(m, bad), RAS_ERR_IO);
    assert_int_equal(ras_result_write_text(m, c, r, bad, 0), RAS_ERR_IO);
    assert_int_equal(ras_result_write_json(m, c, r, bad), RAS_ERR_IO);
    assert_int_equal(ras_case_write(c, bad), RAS_ERR_IO);

    FILE *in = fopen(DATA "csv/past.csv", "rb");
    assert_non_null(in);
    ras_audit_summary as;
    assert_int_equal(ras_audit(m, in, "past.csv", NULL, bad, 0, 0, &as, NULL, NULL, &err),
                     RAS_ERR_IO);
    assert_int_equal(err.status, RAS_ERR_IO);
    assert_non_null(strstr(err.message, "cannot write"));
    assert_int_equal(ras_audit_summary_write_json(m, &as, NULL, "past.csv", bad), RAS_ERR_IO);
    assert_int_equal(ras_audit_summary_write_text(m, &as, NULL, "past.csv", bad), RAS_ERR_IO);
    fclose(in);

    in = fopen(DATA "csv/costs.csv", "rb");
    assert_non_null(in);
    ras_calibration *cal = NULL;
    assert_int_equal(
        ras_calibrate(m, in, "costs.csv", NULL, RAS_CALIBRATE_PLOT, &cal, NULL, NULL, &err),
        RAS_OK);
    fclose(in);
    assert_int_equal(ras_calibration_write_text(cal, NULL, bad), RAS_ERR_IO);
    assert_int_equal(ras_calibration_write_json(cal, NULL, bad), RAS_ERR_IO);
    assert_int_equal(ras_calibration_write_svg(cal, bad), RAS_ERR_IO);
    assert_int_equal(ras_calibration_write_table(cal, 20240101, bad, &err), RAS_ERR_IO);
    assert_string_equal(err.message, "cannot write the scoring table");
    fclose(bad);

    /* a full disk: the batch's buffered rows cannot be flushed */
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        in = fopen(DATA "csv/cases.csv", "rb");
        assert_non_null(in);
        ras_batch_summary bs;
        assert_int_equal(ras_batch(m, in, "cases.csv", NULL, full, &bs, NULL, NULL, &err),
                         RAS_ERR_IO);
        assert_non_null(strstr(err.message, "No space left on device"));
        fclose(in);
        fclose(full);
    }
    ras_calibration_free(cal);
    ras_result_free(r);
    ras_case_free(c);
    ras_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_names),
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_error_format),
        cmocka_unit_test(test_error_long_file_name),
        cmocka_unit_test(test_model_load_args),
        cmocka_unit_test(test_builtin_files_args),
        cmocka_unit_test(test_case_args),
        cmocka_unit_test(test_score_args),
        cmocka_unit_test(test_accessors_past_the_end),
        cmocka_unit_test(test_batch_audit_calibrate_args),
        cmocka_unit_test(test_calibration_args),
        cmocka_unit_test(test_writers_report_io),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
