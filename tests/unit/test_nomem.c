/* test_nomem.c - every allocation the library makes is checked.
 *
 * The program replaces malloc, calloc and realloc (glibc allows a program
 * to define them; the real ones stay reachable as __libc_*), so that the
 * Nth allocation made inside a call can be made to fail. Each scenario is
 * run once to get its reference output, then again with allocation 1, 2,
 * 3, ... failing, until a run makes no more allocations than that. Every
 * run must either report RAS_ERR_NOMEM with a one-line message (or
 * RAS_ERR_IO saying "Cannot allocate memory" when libc's fopen or opendir
 * is the one that failed), or (when
 * the failed allocation was one libc copes without, such as a stdio
 * buffer) succeed with exactly the reference output. Nothing may crash,
 * and the failing runs must not leak (the sanitizer build checks leaks;
 * see below).
 *
 * Under AddressSanitizer the replacement would hide the sanitizer's own
 * allocator, so there the tests are skipped. */
#include "support.h"

#include "error.h"

#include <errno.h>
#include <openssl/err.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define NOMEM_SKIP 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define NOMEM_SKIP 1
#endif
#endif

#ifndef NOMEM_SKIP
void *__libc_malloc(size_t size);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t size);
void __libc_free(void *p);

/* The test runs on one thread; these are the fault injector's state. */
static unsigned long nomem_fail_at; /* 0: never fail */
static unsigned long nomem_calls;
static bool nomem_hit;

static bool nomem_should_fail(void)
{
    if (nomem_fail_at == 0)
        return false;
    if (++nomem_calls != nomem_fail_at)
        return false;
    nomem_hit = true;
    errno = ENOMEM;
    return true;
}

/* Blocks handed out and not yet freed, to find leaks on failing runs. */
static long nomem_live;

static void *counted(void *p)
{
    if (p)
        nomem_live++;
    return p;
}

void *malloc(size_t size)
{
    return nomem_should_fail() ? NULL : counted(__libc_malloc(size));
}

void *calloc(size_t n, size_t size)
{
    return nomem_should_fail() ? NULL : counted(__libc_calloc(n, size));
}

void *realloc(void *p, size_t size)
{
    if (!p)
        return malloc(size);
    if (size == 0) {
        free(p);
        return NULL;
    }
    return nomem_should_fail() ? NULL : __libc_realloc(p, size);
}

void free(void *p)
{
    if (p)
        nomem_live--;
    __libc_free(p);
}

static void arm(unsigned long n)
{
    nomem_calls = 0;
    nomem_hit = false;
    nomem_fail_at = n;
}

static bool disarm(void)
{
    nomem_fail_at = 0;
    return nomem_hit;
}

#define DATA RAS_TEST_DATA "/e2e/"

/* A scenario writes everything it produces (reports, warnings, error
 * texts of rows) to out, and returns the first failing status. */
typedef ras_status (*scenario_fn)(const ras_model *m, FILE *in, FILE *out, ras_error *err);

static char *slurp(FILE *f)
{
    long size = ftell(f);
    assert_true(size >= 0);
    char *buf = __libc_malloc((size_t)size + 1);
    assert_non_null(buf);
    rewind(f);
    size_t got = fread(buf, 1, (size_t)size, f);
    assert_int_equal(got, (size_t)size);
    buf[got] = '\0';
    return buf;
}

static void warn_to(void *ctx, const ras_error *w)
{
    char buf[1024];
    ras_error_format(w, buf, sizeof buf);
    fprintf((FILE *)ctx, "warning: %s\n", buf);
}

static ras_status load_model(ras_model **m, ras_error *err)
{
    return ras_model_load_dir(DATA "model", m, err);
}

/* Loading a model folder and describing the model. */
static ras_status sc_model_dir(const ras_model *unused, FILE *in, FILE *out, ras_error *err)
{
    (void)unused;
    (void)in;
    ras_model *m = NULL;
    ras_status st = load_model(&m, err);
    if (st == RAS_OK)
        st = ras_model_write_text(m, out);
    if (st == RAS_OK)
        st = ras_model_write_json(m, out);
    ras_model_free(m);
    return st;
}

/* Loading a model from named files. */
static ras_status sc_model_files(const ras_model *unused, FILE *in, FILE *out, ras_error *err)
{
    (void)unused;
    (void)in;
    const char *tables[] = {DATA "model/scoring-2012.yaml", DATA "model/scoring-2010.yaml"};
    ras_model *m = NULL;
    ras_status st = ras_model_load_files(DATA "model/questionnaire.yaml", tables, 2, &m, err);
    if (st == RAS_OK)
        fprintf(out, "%s %zu\n", ras_model_fingerprint(m), ras_model_table_count(m));
    ras_model_free(m);
    return st;
}

/* The default built-in model. */
static ras_status sc_builtin(const ras_model *unused, FILE *in, FILE *out, ras_error *err)
{
    (void)unused;
    (void)in;
    ras_model *m = NULL;
    ras_status st = ras_model_load_builtin(NULL, &m, err);
    if (st == RAS_OK)
        st = ras_model_write_text(m, out);
    ras_model_free(m);
    return st;
}

/* A case read from a file, scored, explained and written back. */
static ras_status sc_case(const ras_model *m, FILE *in, FILE *out, ras_error *err)
{
    (void)in;
    ras_case *c = NULL;
    ras_result *r = NULL;
    ras_status st = ras_case_load_file(m, DATA "cases/capped.yaml", &c, err);
    if (st == RAS_OK && !(r = ras_result_new(m)))
        st = ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    if (st == RAS_OK)
        st = ras_score(m, c, r, err);
    if (st == RAS_OK)
        st = ras_result_write_text(m, c, r, out, 0);
    if (st == RAS_OK)
        st = ras_result_write_json(m, c, r, out);
    if (st == RAS_OK)
        st = ras_case_write(c, out);
    ras_result_free(r);
    ras_case_free(c);
    return st;
}

/* A case in JSON held in memory, with every client detail set. */
static ras_status sc_case_json(const ras_model *m, FILE *in, FILE *out, ras_error *err)
{
    static const char text[] =
        "{\"client\": {\"id\": \"J1\", \"new_client\": \"no\", \"needs_increased\": \"no\",\n"
        " \"existing_package\": \"7800.00\", \"assessed_on\": \"2012-05-04\"},\n"
        " \"answers\": {\"washing\": \"some\", \"night_visits\": 3,\n"
        "  \"activities\": [\"shopping\", \"swimming\"], \"carer_help\": \"some\"}}\n";
    ras_source src = {"case.json", text, sizeof text - 1};
    (void)in;
    ras_case *c = NULL;
    ras_result *r = NULL;
    ras_status st = ras_case_load(m, &src, &c, err);
    if (st == RAS_OK && !(r = ras_result_new(m)))
        st = ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    if (st == RAS_OK)
        st = ras_score(m, c, r, err);
    if (st == RAS_OK)
        fprintf(out, "%s %lld %s\n", ras_result_client_id(r), (long long)ras_result_budget(r),
                ras_basis_name(ras_result_basis(r)));
    ras_result_free(r);
    ras_case_free(c);
    return st;
}

static ras_status sc_batch(const ras_model *m, FILE *in, FILE *out, ras_error *err)
{
    ras_status st = RAS_OK;
    ras_batch_summary s;
    if (st == RAS_OK)
        st = ras_batch(m, in, "cases.csv", NULL, out, &s, warn_to, out, err);
    if (st == RAS_OK)
        fprintf(out, "rows %llu ok %llu errors %llu total %lld\n", (unsigned long long)s.rows,
                (unsigned long long)s.ok, (unsigned long long)s.errors, (long long)s.total);
    return st;
}

static ras_status sc_audit(const ras_model *m, FILE *in, FILE *out, ras_error *err)
{
    ras_status st = RAS_OK;
    ras_audit_summary s;
    if (st == RAS_OK)
        st = ras_audit(m, in, "past.csv", NULL, out, 0, 0, &s, warn_to, out, err);
    if (st == RAS_OK)
        st = ras_audit_summary_write_json(m, &s, NULL, "past.csv", out);
    return st;
}

static ras_status sc_calibrate(const ras_model *m, FILE *in, FILE *out, ras_error *err)
{
    ras_calibration *cal = NULL;
    ras_status st = RAS_OK;
    if (st == RAS_OK)
        st = ras_calibrate(m, in, "costs.csv", NULL, RAS_CALIBRATE_PLOT, &cal, warn_to, out, err);
    if (st == RAS_OK)
        st = ras_calibration_write_text(cal, NULL, out);
    if (st == RAS_OK)
        st = ras_calibration_write_json(cal, NULL, out);
    if (st == RAS_OK)
        st = ras_calibration_write_table(cal, 20240102, out, err);
    if (st == RAS_OK)
        st = ras_calibration_write_svg(cal, out);
    ras_calibration_free(cal);
    return st;
}

/* A file read twice, no case kept (docs/calibration.md, "Memory and speed"). */
static ras_status sc_calibrate_twice(const ras_model *m, FILE *in, FILE *out, ras_error *err)
{
    ras_calibration *cal = NULL;
    ras_status st = ras_calibrate(m, in, "costs.csv", NULL, 0, &cal, warn_to, out, err);
    if (st == RAS_OK)
        st = ras_calibration_write_text(cal, NULL, out);
    ras_calibration_free(cal);
    return st;
}

/* Runs a scenario with each of its allocations failing in turn. */
static void run(scenario_fn fn, const ras_model *m, const char *input)
{
    FILE *in = input ? fopen(input, "rb") : NULL;
    assert_true(!input || in);
    ras_error err;
    ras_error_clear(&err);
    FILE *ref = tmpfile();
    assert_non_null(ref);
    assert_int_equal(fn(m, in, ref, &err), RAS_OK);
    char *want = slurp(ref);
    fclose(ref);

    unsigned long failed = 0;
    for (unsigned long n = 1;; n++) {
        long live = nomem_live;
        FILE *out = tmpfile();
        assert_non_null(out);
        ras_error_clear(&err);
        if (in)
            rewind(in);
        arm(n);
        ras_status st = fn(m, in, out, &err);
        bool hit = disarm();
        char *got = slurp(out);
        fclose(out);
        /* a failed SHA-256 leaves its reason on OpenSSL's error queue of
         * the thread (bounded, freed at exit): not the library's to free */
        if (strstr(err.message, "SHA-256"))
            ERR_clear_error();
        if (nomem_live != live)
            fail_msg("allocation %lu failing leaked %ld blocks (status %s: %s)", n,
                     nomem_live - live, ras_status_name(st), err.message);
        if (!hit) {
            /* n is past the last allocation: a normal run */
            assert_int_equal(st, RAS_OK);
            assert_string_equal(got, want);
            __libc_free(got);
            break;
        }
        if (st == RAS_OK) {
            assert_string_equal(got, want);
        } else {
            /* libc's fopen and opendir fail too, with errno ENOMEM: the
             * library reports those as a file it cannot open, saying why */
            bool io = st == RAS_ERR_IO && strstr(err.message, strerror(ENOMEM));
            if (st != RAS_ERR_NOMEM && !io)
                fail_msg("allocation %lu failing gave status %s: %s", n, ras_status_name(st),
                         err.message);
            assert_int_equal(err.status, st);
            assert_null(strchr(err.message, '\n'));
            if (!io && !strstr(err.message, "out of memory") && !strstr(err.message, "SHA-256"))
                fail_msg("allocation %lu failing gave message '%s'", n, err.message);
            failed++;
        }
        __libc_free(got);
    }
    /* the scenario does allocate, so some runs must have failed */
    assert_true(failed > 0);
    __libc_free(want);
    if (in)
        fclose(in);
}

static void test_model_dir(void **state)
{
    run(sc_model_dir, *state, NULL);
}

static void test_model_files(void **state)
{
    run(sc_model_files, *state, NULL);
}

static void test_builtin(void **state)
{
    run(sc_builtin, *state, NULL);
}

static void test_case_file(void **state)
{
    run(sc_case, *state, NULL);
}

static void test_case_json(void **state)
{
    run(sc_case_json, *state, NULL);
}

static void test_batch(void **state)
{
    run(sc_batch, *state, DATA "csv/cases.csv");
}

static void test_audit(void **state)
{
    run(sc_audit, *state, DATA "csv/past.csv");
}

static void test_calibrate(void **state)
{
    run(sc_calibrate, *state, DATA "csv/costs.csv");
    run(sc_calibrate_twice, *state, DATA "csv/costs.csv");
}

/* The handles documented to give NULL when out of memory do so. */
static void test_new_handles(void **state)
{
    const ras_model *m = *state;
    arm(1);
    ras_case *c = ras_case_new(m);
    assert_true(disarm());
    assert_null(c);
    arm(1);
    ras_result *r = ras_result_new(m);
    assert_true(disarm());
    assert_null(r);
}

static int setup(void **state)
{
    ras_model *m = NULL;
    ras_error err;
    /* the first load also starts OpenSSL, outside any failing run */
    if (load_model(&m, &err) != RAS_OK)
        return -1;
    *state = m;
    return 0;
}

static int teardown(void **state)
{
    ras_model_free(*state);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_dir),   cmocka_unit_test(test_model_files),
        cmocka_unit_test(test_builtin),     cmocka_unit_test(test_case_file),
        cmocka_unit_test(test_case_json),   cmocka_unit_test(test_batch),
        cmocka_unit_test(test_audit),       cmocka_unit_test(test_calibrate),
        cmocka_unit_test(test_new_handles),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

#else /* NOMEM_SKIP */

static void test_skipped(void **state)
{
    (void)state;
    skip();
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_skipped)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
#endif
