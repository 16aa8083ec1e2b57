/* score.c - ras_score: docs/scoring.md, in whole pence, each step kept in
 * the result so the explanation can show it.
 *
 * This is the one scorer: `ras score` explains what it records and
 * `ras batch` prints a row of the same result. It runs for every row of a
 * batch, so it reads the per-domain points and the adjust sum the case
 * kept as its answers were set (case.h), walks the questions one by one
 * only for a missing answer or the explanation's details, and never
 * formats text or clears whole arrays when a case scores. */
#include <string.h>

#include "case.h"
#include "error.h"
#include "model.h"
#include "num.h"
#include "price.h"
#include "result.h"
#include "short_text.h"

static ras_status overflow(ras_error *err, const char *subject, const char *what)
{
    return ras_fail(err, RAS_ERR_OVERFLOW, NULL, 0, 0, subject, "%s is too large to compute", what);
}

static ras_status not_answered(const ras_question *q, bool partial, ras_error *err)
{
    if (q->required && !partial)
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id,
                        "question '%s': required but not answered", q->id);
    return RAS_OK; /* an optional question left out scores 0 */
}

/* A case with an unanswered question: the required check, in question
 * order. */
static ras_status check_required(const ras_model *m, const ras_case *c, bool partial,
                                 ras_error *err)
{
    for (size_t k = 0; k < m->n_questions; k++) {
        if (!c->answered[k]) {
            ras_status st = not_answered(&m->questions[k], partial, err);
            if (st != RAS_OK)
                return st;
        }
    }
    return RAS_OK;
}

/* The explanation's details: each question's points and, in question
 * order, every chosen answer that carries an adjust (the result holds
 * room for every answer of the model). */
static void record_details(const ras_model *m, const ras_case *c, ras_result *r)
{
    for (size_t k = 0; k < m->n_questions; k++) {
        const ras_question *q = &m->questions[k];
        int64_t adjust;
        ras_case_share(c, q, &r->question_points[k], &adjust);
        if (!c->answered[k] || q->type == RAS_NUMBER)
            continue;
        for (size_t a = 0; a < q->n_answers; a++) {
            bool picked = q->type == RAS_SINGLE ? (size_t)c->single[k] == a
                                                : c->chosen[q->first_answer + a] != 0;
            if (picked && q->answers[a].has_adjust)
                r->adjustments[r->n_adjustments++] = (ras_adjustment){q, a, q->answers[a].adjust};
        }
    }
}

/* Steps 1 to 3: question points, domain sums under their caps, total.
 * Steps 1 and 2's sums were kept as the answers were set (case.h), so
 * this reads a sum per domain; the questions are walked one by one only
 * for a missing answer or the explanation. The domain sums cannot
 * overflow (the loader bounds them); the total is checked all the same. */
static ras_status count_points(const ras_model *m, const ras_case *c, bool partial, ras_result *r,
                               ras_error *err)
{
    size_t n = m->n_questions;
    if (n && memchr(c->answered, 0, n)) {
        ras_status st = check_required(m, c, partial, err);
        if (st != RAS_OK)
            return st;
    }
    if (r->details)
        record_details(m, c, r);
    int64_t total = 0;
    for (size_t d = 0; d < m->n_domains; d++) {
        const ras_domain *dom = &m->domains[d];
        int64_t raw = c->domain_points[d];
        int64_t capped = dom->has_cap && raw > dom->cap ? dom->cap : raw;
        r->domain_raw[d] = raw;
        r->domain_points[d] = capped;
        if (!ras_add_i64(total, capped, &total))
            return overflow(err, dom->id, "the total points");
    }
    r->total = total;
    return RAS_OK;
}

/* The table in force on the case's date (2.3); tables are sorted by
 * effective_from with "always" (0) first. */
static ras_status choose_table(const ras_model *m, const ras_case *c, ras_result *r, ras_error *err)
{
    const ras_table *tables = m->tables;
    size_t n = m->n_tables;
    if (n == 0 || !tables) /* the loader never makes such a model */
        return ras_fail(err, RAS_ERR_MODEL, NULL, 0, 0, NULL, "the model has no scoring table");
    if (c->assessed_on == 0) {
        r->table = &tables[n - 1]; /* no date: the latest */
        return RAS_OK;
    }
    if (tables[0].effective_from > c->assessed_on) {
        char date[11], first[11];
        ras_date_format(c->assessed_on, date);
        ras_date_format(tables[0].effective_from, first);
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, "assessed_on",
                        "assessed_on %s is before every scoring table (the first, '%s', takes "
                        "effect on %s)",
                        date, tables[0].id, first);
    }
    size_t i = 1;
    while (i < n && tables[i].effective_from <= c->assessed_on)
        i++;
    r->table = &tables[i - 1];
    return RAS_OK;
}

/* Appends s to buf (size bytes, holding n), cut short; returns the new n. */
static size_t append(char *buf, size_t size, size_t n, const char *s)
{
    size_t len = strlen(s);
    if (n + 1 >= size)
        return n;
    if (len > size - n - 1)
        len = size - n - 1;
    memcpy(buf + n, s, len);
    buf[n + len] = '\0';
    return n + len;
}

/* Writes "a, b or c" (the table's group names) into buf, cut short. */
static void list_groups(const ras_table *t, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t g = 0; g < t->n_groups; g++) {
        n = append(buf, size, n, g == 0 ? "" : g + 1 == t->n_groups ? " or " : ", ");
        n = append(buf, size, n, t->groups[g].name);
    }
}

/* The case's group, or "default" (step 5). */
static ras_status choose_group(const ras_case *c, ras_result *r, ras_error *err)
{
    const ras_table *t = r->table;
    bool named = c->has_group && c->group[0];
    const char *name = named ? c->group : "default";
    if (!named && t->default_group >= 0 && (size_t)t->default_group < t->n_groups) {
        r->group_index = (size_t)t->default_group;
        r->group = t->groups[r->group_index].name;
        return RAS_OK;
    }
    for (size_t g = 0; g < t->n_groups; g++) {
        if (strcmp(t->groups[g].name, name) == 0) {
            r->group_index = g;
            r->group = t->groups[g].name;
            return RAS_OK;
        }
    }
    char names[256];
    list_groups(t, names, sizeof names);
    if (strcmp(name, "default") == 0)
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, "group",
                        "no group named, and scoring table '%s' has no default group (expected "
                        "%s)",
                        t->id, names);
    return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, "group",
                    "unknown group '%s' (scoring table '%s' has %s)", name, t->id, names);
}

/* Step 6's percentage: the sum the case kept, at least -100%. Each
 * adjust is at most 1000% in size, so the int64 sum cannot overflow. */
static ras_status limit_adjustments(const ras_case *c, ras_result *r, ras_error *err)
{
    int64_t sum = c->adjust_total;
    if (sum < -10000) {
        sum = -10000;
        r->adjust_limited = true;
    }
    if (sum > INT32_MAX - 10000)
        return overflow(err, "adjust", "the sum of adjustments");
    r->adjust_total = (int32_t)sum;
    return RAS_OK;
}

/* Steps 4 to 8: the RAS amount. */
static ras_status ras_amount(const ras_case *c, ras_result *r, ras_error *err)
{
    const ras_table *t = r->table;
    ras_status st = limit_adjustments(c, r, err);
    if (st != RAS_OK)
        return st;
    r->eligible = r->total >= t->threshold;
    if (!r->eligible) {
        r->ras_amount = 0; /* no price, no floor */
        return RAS_OK;
    }
    st = ras_price_group(&t->groups[r->group_index], r->total, r->details ? r->lines : NULL,
                         &r->n_lines, &r->priced);
    if (st == RAS_OK)
        st = ras_price_adjust(r->priced, r->adjust_total, &r->adjusted);
    if (st == RAS_OK)
        st = ras_price_finish(t, r->adjusted, &r->rounded, &r->ras_amount, &r->clamped);
    if (st != RAS_OK)
        return overflow(err, "", "the budget");
    return RAS_OK;
}

/* Steps 9 to 11: basis, indicative budget, panel and weekly figure. */
static ras_status indicative(const ras_case *c, ras_result *r, ras_error *err)
{
    const ras_table *t = r->table;
    if (t->keep_existing && !c->new_client && !c->needs_increased && c->has_existing) {
        r->basis = RAS_BASIS_EXISTING_PACKAGE;
        r->budget = c->existing;
    } else {
        r->basis = r->eligible ? RAS_BASIS_RAS : RAS_BASIS_BELOW_THRESHOLD;
        r->budget = r->ras_amount;
    }
    r->panel = t->has_panel && r->budget >= t->panel_threshold;
    if (t->weeks_per_year <= 0)
        return ras_fail(err, RAS_ERR_MODEL, t->file, 0, 0, "weeks_per_year",
                        "weeks_per_year must be at least 1");
    r->weekly = t->weeks_per_year == 52 ? ras_div_round_half_up(r->budget, 52)
                                        : ras_div_round_half_up(r->budget, t->weeks_per_year);
    return RAS_OK;
}

/* The case's client id into the result (the case keeps it short enough). */
static void copy_client_id(const ras_case *c, ras_result *r)
{
    size_t len = c->client_id ? c->client_id_len : 0;
    if (len > RAS_MAX_CLIENT_ID)
        len = RAS_MAX_CLIENT_ID;
    if (len)
        ras_copy_short(r->client_id, c->client_id, len);
    r->client_id[len] = '\0';
}

static ras_status score_case(const ras_model *model, const ras_case *c, bool partial,
                             const ras_table *table, ras_result *r, ras_error *err)
{
    if (!model || !c || !r || c->model != model || r->model != model)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL,
                        "the case and result must belong to the model being scored");
    /* The per-question and per-domain arrays are all written below, so
     * only the single figures are reset here; a failure resets all. */
    ras_result_reset_figures(r);
    copy_client_id(c, r);
    ras_status st = count_points(model, c, partial, r, err);
    if (st == RAS_OK && table)
        r->table = table;
    else if (st == RAS_OK)
        st = choose_table(model, c, r, err);
    if (st == RAS_OK)
        st = choose_group(c, r, err);
    if (st == RAS_OK)
        st = ras_amount(c, r, err);
    if (st == RAS_OK)
        st = indicative(c, r, err);
    if (st != RAS_OK) {
        /* No half-scored figures; the client id stays for an error row. */
        ras_result_reset(r);
        copy_client_id(c, r);
    }
    return st;
}

ras_status ras_score(const ras_model *model, const ras_case *c, ras_result *r, ras_error *err)
{
    ras_status st = score_case(model, c, false, NULL, r, err);
    if (st == RAS_ERR_CASE)
        ras_case_place_error(c, err);
    return st;
}

ras_status ras_score_with_table(const ras_model *model, const ras_case *c, const ras_table *table,
                                ras_result *r, ras_error *err)
{
    if (!table || !table->questionnaire || strcmp(table->questionnaire, model->id) != 0)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL,
                        "the scoring table prices another questionnaire");
    ras_status st = score_case(model, c, false, table, r, err);
    if (st == RAS_ERR_CASE)
        ras_case_place_error(c, err);
    return st;
}

ras_status ras_score_partial(const ras_model *model, const ras_case *c, ras_result *r,
                             ras_error *err)
{
    ras_status st = score_case(model, c, true, NULL, r, err);
    if (st == RAS_ERR_CASE)
        ras_case_place_error(c, err);
    return st;
}
