/* test_threads.c - the library's promise that a loaded model is read-only:
 * several threads score many cases at once with one model, each with its
 * own ras_case and ras_result, and every result (figures, table, status,
 * error message and the whole JSON explanation) must equal the one a
 * single thread got. Loading models in several threads at once is checked
 * too, since the loader must keep no global state either. */
#include "support.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_CASES 300
#define N_THREADS 8
#define ROUNDS 2

/* What one scoring gave; text fields are owned by the struct. */
typedef struct outcome {
    ras_status status;
    char message[RAS_ERROR_MESSAGE_MAX];
    int64_t points;
    ras_pence ras_amount;
    ras_pence budget;
    ras_pence weekly;
    bool panel;
    ras_basis basis;
    const ras_table *table;
    char *json; /* NULL for a failed scoring */
} outcome;

/* A small deterministic mixer, so every case differs and every run is
 * the same (no rand(): it keeps hidden state). */
static uint32_t mix(uint32_t a, uint32_t b)
{
    uint32_t h = a * 2654435761u ^ (b + 0x9e3779b9u + (a << 6) + (a >> 2));
    h ^= h >> 15;
    h *= 2246822519u;
    h ^= h >> 13;
    return h;
}

/* No cmocka asserts on this path: they are not safe off the main thread.
 * Returns false when the library refused a value. */
static bool set_field(ras_case *c, ras_field f, const char *text)
{
    ras_error err;
    return ras_case_set_field(c, f, text, strlen(text), &err) == RAS_OK;
}

/* One answer for question q of case k, as CSV-cell text. */
static void answer_text(const ras_question *q, uint32_t k, char *buf, size_t size)
{
    uint32_t h = mix(k, (uint32_t)ras_question_index(q));
    size_t n = ras_question_answer_count(q);

    buf[0] = '\0';
    if (ras_question_kind(q) == RAS_NUMBER) {
        int64_t span = ras_question_max(q) - ras_question_min(q) + 1;
        snprintf(buf, size, "%lld",
                 (long long)(ras_question_min(q) + (int64_t)(h % (uint32_t)span)));
    } else if (ras_question_kind(q) == RAS_SINGLE) {
        snprintf(buf, size, "%s", ras_answer_id(q, h % n));
    } else {
        for (size_t i = 0; i < n && i < 32; i++) {
            if ((h >> i) & 1u) {
                size_t used = strlen(buf);
                snprintf(buf + used, size - used, "%s%s", used > 0 ? ";" : "", ras_answer_id(q, i));
            }
        }
    }
}

/* Builds case k: varied client details and answers; about one case in
 * twenty is left with a required question unanswered and one in
 * twenty-five names a group no table has, so errors are compared too. */
static bool fill_case(const ras_model *m, ras_case *c, uint32_t k)
{
    static const char *const groups[] = {
        "",      "older_people", "learning_disability", "physical_disability", "mental_health",
        "nosuch"};
    static const char *const dates[] = {"", "2024-06-01", "2025-06-01", "2025-04-01"};
    uint32_t h = mix(k, 0xfffffu);
    char id[32];
    char text[512];
    bool ok;

    ras_case_clear(c);
    snprintf(id, sizeof id, "T%05u", (unsigned)k);
    ok = set_field(c, RAS_FIELD_CLIENT_ID, id) &&
         set_field(c, RAS_FIELD_GROUP, groups[k % 25 == 7 ? 5 : h % 5]) &&
         set_field(c, RAS_FIELD_ASSESSED_ON, dates[(h >> 4) % 4]) &&
         set_field(c, RAS_FIELD_NEW_CLIENT, (h >> 8) % 3 == 0 ? "no" : "yes") &&
         set_field(c, RAS_FIELD_NEEDS_INCREASED, (h >> 10) % 2 == 0 ? "no" : "yes") &&
         set_field(c, RAS_FIELD_EXISTING_PACKAGE, (h >> 12) % 2 == 0 ? "" : "9100.50");
    for (size_t i = 0; ok && i < ras_model_question_count(m); i++) {
        const ras_question *q = ras_model_question(m, i);
        ras_error err;
        if (k % 20 == 3 && i == 0)
            continue; /* a missing required answer */
        answer_text(q, k, text, sizeof text);
        ok = ras_case_set_answer(c, q, text, strlen(text), &err) == RAS_OK;
    }
    return ok;
}

/* The JSON explanation as a string, via a temporary file (portable C). */
static char *explain_json(const ras_model *m, const ras_case *c, const ras_result *r)
{
    FILE *f = tmpfile();
    char *text;
    long size;

    if (f == NULL)
        return NULL;
    if (ras_result_write_json(m, c, r, f) != RAS_OK || fseek(f, 0, SEEK_END) != 0 ||
        (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    text = malloc((size_t)size + 1);
    if (text != NULL && fread(text, 1, (size_t)size, f) != (size_t)size) {
        free(text);
        text = NULL;
    }
    if (text != NULL)
        text[size] = '\0';
    fclose(f);
    return text;
}

/* Returns false when the case could not even be built. */
static bool score_one(const ras_model *m, ras_case *c, ras_result *r, uint32_t k, outcome *o)
{
    ras_error err;

    memset(o, 0, sizeof *o);
    ras_error_clear(&err);
    if (!fill_case(m, c, k))
        return false;
    o->status = ras_score(m, c, r, &err);
    snprintf(o->message, sizeof o->message, "%s", err.message);
    if (o->status != RAS_OK)
        return true;
    o->points = ras_result_points(r);
    o->ras_amount = ras_result_ras_amount(r);
    o->budget = ras_result_budget(r);
    o->weekly = ras_result_weekly(r);
    o->panel = ras_result_panel(r);
    o->basis = ras_result_basis(r);
    o->table = ras_result_table(r);
    o->json = explain_json(m, c, r);
    return o->json != NULL;
}

static bool same(const outcome *a, const outcome *b)
{
    return a->status == b->status && strcmp(a->message, b->message) == 0 &&
           a->points == b->points && a->ras_amount == b->ras_amount && a->budget == b->budget &&
           a->weekly == b->weekly && a->panel == b->panel && a->basis == b->basis &&
           a->table == b->table && (a->json == NULL) == (b->json == NULL) &&
           (a->json == NULL || strcmp(a->json, b->json) == 0);
}

typedef struct worker {
    const ras_model *model;
    const outcome *expected;
    unsigned start;     /* first case, so threads are at different cases */
    unsigned scored;    /* out: cases scored */
    unsigned different; /* out: cases whose outcome differed */
    bool failed;        /* out: could not allocate */
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    ras_case *c = ras_case_new(w->model);
    ras_result *r = ras_result_new(w->model);

    if (c == NULL || r == NULL) {
        w->failed = true;
    } else {
        for (unsigned i = 0; i < ROUNDS * N_CASES; i++) {
            uint32_t k = (w->start + i) % N_CASES;
            outcome got;
            if (!score_one(w->model, c, r, k, &got))
                w->failed = true;
            else if (!same(&got, &w->expected[k]))
                w->different++;
            w->scored++;
            free(got.json);
        }
    }
    ras_result_free(r);
    ras_case_free(c);
    return NULL;
}

static void test_threads_score_like_one_thread(void **state)
{
    (void)state;
    ras_model *m = NULL;
    ras_error err;
    outcome *expected = calloc(N_CASES, sizeof *expected);
    worker workers[N_THREADS];
    pthread_t threads[N_THREADS];
    unsigned ok = 0, failed = 0;

    assert_non_null(expected);
    assert_int_equal(ras_model_load_builtin("adult", &m, &err), RAS_OK);
    {
        ras_case *c = ras_case_new(m);
        ras_result *r = ras_result_new(m);
        assert_non_null(c);
        assert_non_null(r);
        for (uint32_t k = 0; k < N_CASES; k++) {
            assert_true(score_one(m, c, r, k, &expected[k]));
            if (expected[k].status == RAS_OK) {
                assert_non_null(expected[k].json);
                ok++;
            } else {
                failed++;
            }
        }
        ras_result_free(r);
        ras_case_free(c);
    }
    /* The cases must exercise both outcomes, or the comparison is weak. */
    assert_true(ok > N_CASES / 2);
    assert_true(failed > 10);

    for (unsigned t = 0; t < N_THREADS; t++) {
        workers[t] = (worker){m, expected, t * (N_CASES / N_THREADS), 0, 0, false};
        assert_int_equal(pthread_create(&threads[t], NULL, work, &workers[t]), 0);
    }
    for (unsigned t = 0; t < N_THREADS; t++) {
        assert_int_equal(pthread_join(threads[t], NULL), 0);
        assert_false(workers[t].failed);
        assert_int_equal(workers[t].scored, ROUNDS * N_CASES);
        assert_int_equal(workers[t].different, 0);
    }
    for (uint32_t k = 0; k < N_CASES; k++)
        free(expected[k].json);
    free(expected);
    ras_model_free(m);
}

/* Loading: each thread loads every built-in model itself. */
typedef struct loader {
    unsigned loaded;
    unsigned wrong; /* a load failed or gave another fingerprint */
    const char *const *fingerprints;
} loader;

static void *load_all(void *arg)
{
    loader *l = arg;
    const char *const *names = ras_builtin_models();

    for (size_t i = 0; names[i] != NULL; i++) {
        ras_model *m = NULL;
        ras_error err;
        if (ras_model_load_builtin(names[i], &m, &err) != RAS_OK ||
            strcmp(ras_model_fingerprint(m), l->fingerprints[i]) != 0)
            l->wrong++;
        else
            l->loaded++;
        ras_model_free(m);
    }
    return NULL;
}

static void test_threads_load_models(void **state)
{
    (void)state;
    const char *const *names = ras_builtin_models();
    size_t n = 0;
    char(*prints)[65];
    const char **fingerprints;
    loader loaders[N_THREADS];
    pthread_t threads[N_THREADS];

    while (names[n] != NULL)
        n++;
    assert_true(n >= 2);
    prints = calloc(n, sizeof *prints);
    fingerprints = calloc(n, sizeof *fingerprints);
    assert_non_null(prints);
    assert_non_null(fingerprints);
    for (size_t i = 0; i < n; i++) {
        ras_model *m = NULL;
        ras_error err;
        assert_int_equal(ras_model_load_builtin(names[i], &m, &err), RAS_OK);
        snprintf(prints[i], sizeof prints[i], "%s", ras_model_fingerprint(m));
        fingerprints[i] = prints[i];
        ras_model_free(m);
    }
    for (unsigned t = 0; t < N_THREADS; t++) {
        loaders[t] = (loader){0, 0, fingerprints};
        assert_int_equal(pthread_create(&threads[t], NULL, load_all, &loaders[t]), 0);
    }
    for (unsigned t = 0; t < N_THREADS; t++) {
        assert_int_equal(pthread_join(threads[t], NULL), 0);
        assert_int_equal(loaders[t].wrong, 0);
        assert_int_equal(loaders[t].loaded, n);
    }
    free(fingerprints);
    free(prints);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_score_like_one_thread),
        cmocka_unit_test(test_threads_load_models),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
