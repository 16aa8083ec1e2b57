/* score.c - ras_score: SPEC section 3, in whole pence, each step kept in
 * the result so the explanation can show it. */
#include <stdio.h>
#include <string.h>

#include "case.h"
#include "error.h"
#include "model.h"
#include "num.h"
#include "price.h"
#include "result.h"

static ras_status overflow(ras_error *err, const char *subject, const char *what)
{
    return ras_fail(err, RAS_ERR_OVERFLOW, NULL, 0, 0, subject, "%s is too large to compute",
                    what);
}

/* Step 1 for one question. partial: a case still being filled in, where
 * an unanswered required question scores 0 instead of failing. */
static ras_status question_points(const ras_case *c, const ras_question *q, bool partial,
                                  int64_t *out, ras_error *err)
{
    *out = 0;
    if (!c->answered[q->index]) {
        if (q->required && !partial)
            return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id,
                            "question '%s': required but not answered", q->id);
        return RAS_OK; /* an optional question left out scores 0 */
    }
    switch (q->type) {
    case RAS_SINGLE: {
        int32_t a = c->single[q->index];
        if (a < 0 || (size_t)a >= q->n_answers)
            return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id,
                            "question '%s': no answer chosen", q->id);
        *out = q->answers[a].points;
        return RAS_OK;
    }
    case RAS_MULTIPLE:
        for (size_t i = 0; i < q->n_answers; i++)
            if (c->chosen[q->first_answer + i] && !ras_add_i64(*out, q->answers[i].points, out))
                return overflow(err, q->id, "the question's points");
        return RAS_OK;
    case RAS_NUMBER: {
        int64_t v = c->number[q->index];
        if (v < q->min || v > q->max)
            return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id,
                            "question '%s': %lld is outside %lld..%lld", q->id, (long long)v,
                            (long long)q->min, (long long)q->max);
        if (!ras_mul_i64(v, q->points_per_unit, out))
            return overflow(err, q->id, "the question's points");
        return RAS_OK;
    }
    }
    return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, q->id, "question '%s': unknown type", q->id);
}

/* Steps 1 to 3: question points, domain sums under their caps, total. */
static ras_status count_points(const ras_model *m, const ras_case *c, bool partial,
                               ras_result *r, ras_error *err)
{
    r->total = 0;
    for (size_t d = 0; d < m->n_domains; d++) {
        const ras_domain *dom = &m->domains[d];
        int64_t raw = 0;
        for (size_t i = 0; i < dom->n_questions; i++) {
            const ras_question *q = &dom->questions[i];
            int64_t p;
            ras_status st = question_points(c, q, partial, &p, err);
            if (st != RAS_OK)
                return st;
            r->question_points[q->index] = p;
            if (!ras_add_i64(raw, p, &raw))
                return overflow(err, dom->id, "the domain's points");
        }
        r->domain_raw[d] = raw;
        r->domain_points[d] = dom->has_cap && raw > dom->cap ? dom->cap : raw;
        if (!ras_add_i64(r->total, r->domain_points[d], &r->total))
            return overflow(err, dom->id, "the total points");
    }
    return RAS_OK;
}

/* The table in force on the case's date (2.3); tables are sorted by
 * effective_from with "always" (0) first. */
static ras_status choose_table(const ras_model *m, const ras_case *c, ras_result *r,
                               ras_error *err)
{
    const ras_table *found = NULL;
    for (size_t i = 0; i < m->n_tables; i++)
        if (c->assessed_on == 0 || m->tables[i].effective_from <= c->assessed_on)
            found = &m->tables[i];
    if (!found) {
        char date[11], first[11];
        ras_date_format(c->assessed_on, date);
        ras_date_format(m->n_tables ? m->tables[0].effective_from : 0, first);
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, "assessed_on",
                        "assessed_on %s is before every scoring table (the first takes effect "
                        "on %s)",
                        date, first);
    }
    r->table = found;
    return RAS_OK;
}

/* Writes "a, b and c" (the table's group names) into buf, cut short. */
static void list_groups(const ras_table *t, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t g = 0; g < t->n_groups && n < size; g++) {
        const char *sep = g == 0 ? "" : g + 1 == t->n_groups ? " or " : ", ";
        int w = snprintf(buf + n, size - n, "%s%s", sep, t->groups[g].name);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

/* The case's group, or "default" (step 5). */
static ras_status choose_group(const ras_case *c, ras_result *r, ras_error *err)
{
    const ras_table *t = r->table;
    const char *name = c->has_group && c->group[0] ? c->group : "default";
    for (size_t g = 0; g < t->n_groups; g++) {
        if (strcmp(t->groups[g].name, name) == 0) {
            r->group_index = g;
            snprintf(r->group, sizeof r->group, "%s", name);
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

static void add_adjustment(ras_result *r, const ras_question *q, size_t a, int64_t *sum)
{
    if (!q->answers[a].has_adjust)
        return;
    r->adjustments[r->n_adjustments++] = (ras_adjustment){q, a, q->answers[a].adjust};
    *sum += q->answers[a].adjust;
}

/* Step 6's percentage: the chosen answers' adjusts, summed, at least -100%.
 * Each is at most 1000% in size, so the int64 sum cannot overflow. */
static ras_status sum_adjustments(const ras_model *m, const ras_case *c, ras_result *r,
                                  ras_error *err)
{
    int64_t sum = 0;
    for (size_t i = 0; i < m->n_questions; i++) {
        const ras_question *q = &m->questions[i];
        if (!c->answered[i])
            continue;
        if (q->type == RAS_SINGLE)
            add_adjustment(r, q, (size_t)c->single[i], &sum);
        else if (q->type == RAS_MULTIPLE)
            for (size_t a = 0; a < q->n_answers; a++)
                if (c->chosen[q->first_answer + a])
                    add_adjustment(r, q, a, &sum);
    }
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
    ras_status st = sum_adjustments(r->model, c, r, err);
    if (st != RAS_OK)
        return st;
    r->eligible = r->total >= t->threshold;
    if (!r->eligible) {
        r->ras_amount = 0; /* no price, no floor */
        return RAS_OK;
    }
    st = ras_price_group(&t->groups[r->group_index], r->total, r->lines, &r->n_lines, &r->priced);
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
    r->weekly = ras_div_round_half_up(r->budget, t->weeks_per_year);
    return RAS_OK;
}

static ras_status score_case(const ras_model *model, const ras_case *c, bool partial,
                             ras_result *r, ras_error *err)
{
    if (!model || !c || !r || c->model != model || r->model != model)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL,
                        "the case and result must belong to the model being scored");
    ras_result_reset(r);
    snprintf(r->client_id, sizeof r->client_id, "%s", c->client_id ? c->client_id : "");
    ras_status st = count_points(model, c, partial, r, err);
    if (st == RAS_OK)
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
        snprintf(r->client_id, sizeof r->client_id, "%s", c->client_id ? c->client_id : "");
    }
    return st;
}

ras_status ras_score(const ras_model *model, const ras_case *c, ras_result *r, ras_error *err)
{
    return score_case(model, c, false, r, err);
}

ras_status ras_score_partial(const ras_model *model, const ras_case *c, ras_result *r,
                             ras_error *err)
{
    return score_case(model, c, true, r, err);
}
