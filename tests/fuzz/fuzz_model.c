/* fuzz_model.c - the model loader. The input is a questionnaire and its
 * scoring tables, one after another, each part separated from the next
 * by a line holding "@@" (the bytes "\n@@\n"); a later part that begins
 * "questionnaire:" is another questionnaire version (docs/model-format.md
 * section 4.1), so the versions' keys and checks are reached too. When
 * the model loads, it
 * is described in text and JSON and every group of every table is priced
 * at the points where its bands or steps change, checking the promises
 * docs/scoring.md makes about the amounts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#define SEPARATOR "\n@@\n"
#define MAX_PARTS 9 /* a questionnaire and up to 8 tables */

static const char *const part_names[MAX_PARTS] = {
    "questionnaire.yaml", "scoring-1.yaml", "scoring-2.yaml", "scoring-3.yaml", "scoring-4.yaml",
    "scoring-5.yaml",     "scoring-6.yaml", "scoring-7.yaml", "scoring-8.yaml"};

/* Cuts the input at each separator; the last part takes the rest. */
static size_t split(const uint8_t *data, size_t size, ras_source *parts)
{
    size_t n = 0, start = 0, sep = sizeof SEPARATOR - 1;
    for (size_t i = 0; n + 1 < MAX_PARTS && i + sep <= size; i++) {
        if (memcmp(data + i, SEPARATOR, sep) != 0)
            continue;
        parts[n] = (ras_source){part_names[n], data + start, i - start};
        n++;
        start = i + sep;
        i += sep - 1;
    }
    parts[n] = (ras_source){part_names[n], data + start, size - start};
    return n + 1;
}

/* Prices points in ascending order: an amount is never negative, never
 * above the ceiling, and never falls as points rise (rates are not
 * negative and step amounts never decrease). */
static void check_prices(const ras_table *t, size_t group, const int64_t *points, size_t n)
{
    ras_pence ceiling = 0, last = -1;
    bool has_ceiling = ras_table_ceiling(t, &ceiling);
    for (size_t i = 0; i < n; i++) {
        ras_pence amount = -1;
        if (ras_table_amount(t, group, points[i], &amount) != RAS_OK)
            continue; /* overflow is an error, and a fine answer */
        RAS_FUZZ_CHECK(amount >= 0);
        RAS_FUZZ_CHECK(!has_ceiling || amount <= ceiling);
        RAS_FUZZ_CHECK(amount >= last);
        last = amount;
    }
}

static int compare_points(const void *pa, const void *pb)
{
    int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
    return (a > b) - (a < b);
}

/* The points worth trying for one group: 0, each band's first point and
 * its neighbours, the threshold's neighbours and the model's range. */
static void exercise_group(const ras_table *t, size_t group, int64_t min, int64_t max)
{
    int64_t points[64];
    size_t n = 0;
    int64_t threshold = ras_table_threshold(t);
    int64_t fixed[] = {0, 1, min, max, threshold - 1, threshold, threshold + 1};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (fixed[i] >= 0)
            points[n++] = fixed[i];
    size_t bands = ras_table_band_count(t, group);
    for (size_t k = 0; k < bands && n + 3 <= sizeof points / sizeof points[0]; k++) {
        int64_t from = ras_table_band_from(t, group, k);
        (void)ras_table_band_value(t, group, k);
        if (from > 0)
            points[n++] = from - 1;
        points[n++] = from;
        if (from < INT64_MAX)
            points[n++] = from + 1;
    }
    qsort(points, n, sizeof points[0], compare_points);
    check_prices(t, group, points, n);
    (void)ras_table_group_uses_steps(t, group);
    const char *name = ras_table_group_name(t, group);
    RAS_FUZZ_CHECK(name != NULL);
    RAS_FUZZ_CHECK(ras_table_find_group(t, name, strlen(name)) == (long)group);
}

static void exercise_version(const ras_model *m)
{
    FILE *null = ras_fuzz_null_stream();
    RAS_FUZZ_CHECK(ras_model_write_text(m, null) == RAS_OK);
    RAS_FUZZ_CHECK(ras_model_write_json(m, null) == RAS_OK);
    int64_t min = -1, max = -1;
    ras_model_points_range(m, &min, &max);
    RAS_FUZZ_CHECK(0 <= min && min <= max);
    for (size_t i = 0; i < ras_model_question_count(m); i++) {
        const ras_question *q = ras_model_question(m, i);
        RAS_FUZZ_CHECK(ras_question_index(q) == i);
        const char *id = ras_question_id(q);
        RAS_FUZZ_CHECK(ras_model_find_question(m, id, strlen(id)) == q);
    }
    size_t n_tables = ras_model_table_count(m);
    RAS_FUZZ_CHECK(n_tables >= 1);
    for (size_t i = 0; i < n_tables; i++) {
        const ras_table *t = ras_model_table(m, i);
        for (size_t g = 0; g < ras_table_group_count(t); g++)
            exercise_group(t, g, min, max);
        /* A table is in force from its own date. */
        ras_date from = ras_table_effective_from(t);
        if (from)
            RAS_FUZZ_CHECK(ras_model_table_on(m, from) == t);
    }
    RAS_FUZZ_CHECK(ras_model_table_on(m, 0) == ras_model_table(m, n_tables - 1));
}

/* Every version, each in force from its own date and priced by its own
 * tables; the model itself is the latest. */
static void exercise(const ras_model *m)
{
    size_t n = ras_model_questionnaire_count(m);
    size_t tables = 0;
    RAS_FUZZ_CHECK(n >= 1 && ras_model_questionnaire_at(m, n - 1) == m);
    for (size_t v = 0; v < n; v++) {
        const ras_model *q = ras_model_questionnaire_at(m, v);
        RAS_FUZZ_CHECK(q != NULL);
        exercise_version(q);
        tables += ras_model_table_count(q);
        RAS_FUZZ_CHECK(ras_model_questionnaire_named(m, ras_model_version(q)) == q);
        ras_date from = ras_model_effective_from(q);
        if (from && n > 1)
            RAS_FUZZ_CHECK(ras_model_questionnaire_on(m, from) == q);
        for (size_t i = 0; n > 1 && i < ras_model_table_count(q); i++) {
            const char *priced = ras_table_questionnaire_version(ras_model_table(q, i));
            RAS_FUZZ_CHECK(priced && strcmp(priced, ras_model_version(q)) == 0);
        }
    }
    RAS_FUZZ_CHECK(tables == ras_model_all_table_count(m));
    RAS_FUZZ_CHECK(ras_model_questionnaire_on(m, 0) == m);
}

/* Moves the later parts that begin "questionnaire:" among the
 * questionnaires, keeping the order of each kind; returns how many
 * questionnaires lead parts. */
static size_t sort_parts(ras_source *parts, size_t n)
{
    static const char *const version_names[MAX_PARTS] = {
        "questionnaire.yaml",   "questionnaire-1.yaml", "questionnaire-2.yaml",
        "questionnaire-3.yaml", "questionnaire-4.yaml", "questionnaire-5.yaml",
        "questionnaire-6.yaml", "questionnaire-7.yaml", "questionnaire-8.yaml"};
    ras_source sorted[MAX_PARTS];
    size_t nq = 0, nt = 0;
    for (size_t i = 0; i < n; i++) {
        const char *text = parts[i].data;
        bool q = i == 0 || (parts[i].size >= 14 && memcmp(text, "questionnaire:", 14) == 0);
        if (q) {
            sorted[nq] = parts[i];
            sorted[nq].name = version_names[nq];
            nq++;
        }
    }
    for (size_t i = 1; i < n; i++) {
        const char *text = parts[i].data;
        if (!(parts[i].size >= 14 && memcmp(text, "questionnaire:", 14) == 0))
            sorted[nq + nt++] = parts[i];
    }
    memcpy(parts, sorted, n * sizeof *parts);
    return nq;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ras_source parts[MAX_PARTS];
    size_t n = split(data, size, parts);
    size_t nq = sort_parts(parts, n);
    ras_model *m = NULL;
    ras_error err;
    ras_status st = n > nq ? ras_model_load_versions(parts, nq, parts + nq, n - nq, &m, &err)
                           : ras_model_load(&parts[0], parts + 1, 0, &m, &err);
    if (st == RAS_OK) {
        RAS_FUZZ_CHECK(m != NULL);
        exercise(m);
    } else {
        RAS_FUZZ_CHECK(m == NULL);
        RAS_FUZZ_CHECK(err.status == st);
        RAS_FUZZ_CHECK(err.message[0] != '\0');
        RAS_FUZZ_CHECK(strchr(err.message, '\n') == NULL);
    }
    ras_model_free(m);
    return 0;
}
