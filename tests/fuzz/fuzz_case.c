/* fuzz_case.c - the case loader. The input is a case file (docs/model-format.md
 * section 6) for the fixed model. When it loads it is scored and explained in
 * text and JSON; then it is written back with ras_case_write, read again
 * and scored again: the two readings must agree on everything scored.
 *
 * Then a few answers are changed through the setters, picked by a hash of
 * the input (change_answers): after the load and after every change the
 * case's running totals must equal what its answers add up to, and the
 * changed case must write, read back and score alike too. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

typedef struct scored {
    ras_status status;
    int64_t points;
    ras_pence ras_amount, budget, weekly;
    bool panel;
    const ras_table *table;
} scored;

static scored score(const ras_model *m, const ras_case *c, ras_result *r)
{
    scored s = {0};
    ras_error err;
    s.status = ras_score(m, c, r, &err);
    if (s.status != RAS_OK) {
        RAS_FUZZ_CHECK(err.status == s.status && err.message[0] != '\0');
        return s;
    }
    s.points = ras_result_points(r);
    s.ras_amount = ras_result_ras_amount(r);
    s.budget = ras_result_budget(r);
    s.weekly = ras_result_weekly(r);
    s.panel = ras_result_panel(r);
    s.table = ras_result_table(r);
    RAS_FUZZ_CHECK(s.points >= 0 && s.ras_amount >= 0 && s.budget >= 0 && s.weekly >= 0);
    FILE *null = ras_fuzz_null_stream();
    RAS_FUZZ_CHECK(ras_result_write_text(m, c, r, null, 0) == RAS_OK);
    RAS_FUZZ_CHECK(ras_result_write_text(m, c, r, null, RAS_TEXT_COLOR) == RAS_OK);
    RAS_FUZZ_CHECK(ras_result_write_json(m, c, r, null) == RAS_OK);
    return s;
}

/* Writes the case to memory; the caller frees the text. */
static char *write_case(const ras_case *c, size_t *size)
{
    char *text = NULL;
    FILE *mem = open_memstream(&text, size);
    RAS_FUZZ_CHECK(mem != NULL);
    ras_status st = ras_case_write(c, mem);
    RAS_FUZZ_CHECK(fclose(mem) == 0);
    RAS_FUZZ_CHECK(st == RAS_OK);
    return text;
}

static void round_trip(const ras_model *m, const ras_case *c, const scored *first, ras_result *r)
{
    size_t size = 0;
    char *text = write_case(c, &size);
    ras_source src = {"round-trip.yaml", text, size};
    ras_case *again = NULL;
    ras_error err;
    if (ras_case_load(m, &src, &again, &err) != RAS_OK) {
        char where[1024];
        ras_error_format(&err, where, sizeof where);
        fprintf(stderr, "a written case does not load back: %s\n--- the case:\n%s\n", where, text);
        abort();
    }
    RAS_FUZZ_CHECK(strcmp(ras_case_client_id(c), ras_case_client_id(again)) == 0);
    for (size_t i = 0; i < ras_model_question_count(m); i++) {
        const ras_question *q = ras_model_question(m, i);
        RAS_FUZZ_CHECK(ras_case_answered(c, q) == ras_case_answered(again, q));
    }
    scored second = score(m, again, r);
    RAS_FUZZ_CHECK(second.status == first->status);
    RAS_FUZZ_CHECK(second.points == first->points);
    RAS_FUZZ_CHECK(second.ras_amount == first->ras_amount);
    RAS_FUZZ_CHECK(second.budget == first->budget);
    RAS_FUZZ_CHECK(second.weekly == first->weekly);
    RAS_FUZZ_CHECK(second.panel == first->panel);
    RAS_FUZZ_CHECK(second.table == first->table);
    ras_case_free(again);
    free(text);
}

/* The next of a few pseudo-random numbers drawn from the input's hash,
 * so an input always replays the same changes. */
static uint64_t next_pick(uint64_t *state)
{
    *state = *state * 6364136223846793005u + 1442695040888963407u;
    return *state >> 33;
}

/* Sets question q from its model: one answer id, two for a multiple
 * question (the same twice is the one error), or a number within its
 * range. Returns what the setter returned. */
static ras_status set_from_model(ras_case *c, const ras_question *q, uint64_t *state)
{
    char text[2 * RAS_MAX_ID + 2];
    ras_error err;
    bool twice = false;
    if (q->type == RAS_NUMBER) {
        uint64_t span = (uint64_t)(q->max - q->min) + 1;
        int64_t v = q->min + (int64_t)(next_pick(state) % span);
        snprintf(text, sizeof text, "%" PRId64, v);
    } else {
        size_t i = next_pick(state) % q->n_answers;
        if (q->type == RAS_MULTIPLE && next_pick(state) % 2) {
            size_t k = next_pick(state) % q->n_answers;
            twice = i == k;
            snprintf(text, sizeof text, "%s;%s", q->answers[i].id, q->answers[k].id);
        } else
            snprintf(text, sizeof text, "%s", q->answers[i].id);
    }
    ras_status st = ras_case_set_answer(c, q, text, strlen(text), &err);
    RAS_FUZZ_CHECK((st == RAS_OK) == !twice);
    if (st != RAS_OK)
        RAS_FUZZ_CHECK(err.status == st && err.message[0] != '\0');
    return st;
}

static void change_answers(const ras_model *m, ras_case *c, const uint8_t *data, size_t size)
{
    uint64_t state = 14695981039346656037u;
    for (size_t i = 0; i < size; i++)
        state = (state ^ data[i]) * 1099511628211u;
    size_t n = m->n_questions;
    const ras_question *q = &m->questions[next_pick(&state) % n];
    ras_case_unset_answer(c, q);
    RAS_FUZZ_CHECK(!ras_case_answered(c, q));
    ras_fuzz_check_totals(c, "ras_case_unset_answer");

    q = &m->questions[next_pick(&state) % n];
    if (set_from_model(c, q, &state) == RAS_OK)
        RAS_FUZZ_CHECK(ras_case_answered(c, q));
    ras_fuzz_check_totals(c, "ras_case_set_answer");

    /* One more change over what may already be set: another answer, one
     * more choice of an answered multiple question, or text that is no
     * answer (an error). */
    q = &m->questions[next_pick(&state) % n];
    ras_error err;
    switch (next_pick(&state) % 3) {
    case 0: set_from_model(c, q, &state); break;
    case 1:
        if (q->type == RAS_MULTIPLE && ras_case_answered(c, q)) {
            const char *id = q->answers[next_pick(&state) % q->n_answers].id;
            /* ras_case_choose leaves the running totals to its caller
             * (case.h): the share is taken off and counted back. */
            ras_case_count_share(c, q, -1);
            (void)ras_case_choose(c, q, id, strlen(id), &err);
            ras_case_count_share(c, q, +1);
            break;
        }
        /* fall through */
    default: RAS_FUZZ_CHECK(ras_case_set_answer(c, q, "no such;;9x", 11, &err) != RAS_OK); break;
    }
    ras_fuzz_check_totals(c, "a second change");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ras_model *m = ras_fuzz_fixed_model();
    ras_source src = {"case.yaml", data, size};
    ras_case *c = NULL;
    ras_error err;
    ras_status st = ras_case_load(m, &src, &c, &err);
    if (st != RAS_OK) {
        RAS_FUZZ_CHECK(c == NULL);
        RAS_FUZZ_CHECK(err.status == st && err.message[0] != '\0');
        RAS_FUZZ_CHECK(strchr(err.message, '\n') == NULL);
        return 0;
    }
    ras_fuzz_check_totals(c, "ras_case_load");
    ras_result *r = ras_result_new(m);
    RAS_FUZZ_CHECK(r != NULL);
    scored first = score(m, c, r);
    round_trip(m, c, &first, r);
    change_answers(m, c, data, size);
    scored changed = score(m, c, r);
    round_trip(m, c, &changed, r);
    ras_result_free(r);
    ras_case_free(c);
    return 0;
}
