/* calibrate.c - ras_calibrate: reads the cases and their current cost,
 * prices them with the latest table, and works out per group the
 * cost-neutral and least-squares prices per point and how the clients
 * would fare under a table priced at the cost-neutral rate (docs/calibration.md).
 *
 * Money sums are checked 64-bit integers; the least-squares fit, R squared
 * and the mean percentage difference use doubles, being statistics, and
 * the fitted price is rounded half up to the penny (docs/calibration.md). */
#include "calibrate.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "case_rows.h"
#include "csv.h"
#include "records.h"
#include "error.h"
#include "hash_read.h"
#include "largest.h"
#include "num.h"
#include "price.h"
#include "result.h"
#include "text_check.h"

#define CURRENT_COST "current_cost"
#define SCALE_ONE 1000000 /* a scale is in millionths: this keeps a table's values */

typedef struct reader {
    ras_calibration *cal;
    ras_csv csv;
    ras_rows rows;
    ras_case *c;
    ras_result *r;
    ras_warn_fn warn;
    void *warn_ctx;
} reader;

static ras_status no_memory(ras_error *err)
{
    return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
}

/* A row left out: named through the warning callback. */
static void skip_row(reader *rd, const char *msg)
{
    rd->cal->errors++;
    if (!rd->warn)
        return;
    ras_error w;
    ras_error_clear(&w);
    ras_fail(&w, RAS_OK, rd->cal->in_name, 0, 0, NULL, "%s; row left out", msg);
    rd->warn(rd->warn_ctx, &w);
}

/* The current row's cost; false (the row skipped) when blank or bad. */
static bool read_cost(reader *rd, ras_pence *cost)
{
    const ras_csv_field *f = ras_rows_extra(&rd->rows, &rd->csv);
    unsigned long line = rd->csv.record_line;
    char msg[RAS_ERROR_MESSAGE_MAX];
    if (!f || ras_text_is_blank(f->text, f->len)) {
        snprintf(msg, sizeof msg,
                 "line %lu, column '" CURRENT_COST "': blank (expected the cost of the "
                 "current package, pounds a year)",
                 line);
        skip_row(rd, msg);
        return false;
    }
    ras_error e;
    if (ras_money_parse_lenient(f->text, f->len, cost, &e) != RAS_OK) {
        snprintf(msg, sizeof msg, "line %lu, column '" CURRENT_COST "': %.400s", line, e.message);
        skip_row(rd, msg);
        return false;
    }
    return true;
}

/* A capacity to grow to: half as much again (not twice: an array of a
 * million cases must not hold room for a million more). */
static size_t grown(size_t cap, size_t least)
{
    size_t next = cap ? cap + cap / 2 : least;
    return next < least ? least : next;
}

static ras_status keep_id(ras_calibration *cal, const char *id, uint32_t *offset, ras_error *err)
{
    size_t len = strlen(id) + 1;
    if (cal->ids_len + len > UINT32_MAX)
        return ras_fail(err, RAS_ERR_LIMIT, cal->in_name, 0, 0, NULL,
                        "the client ids add up to more than 4 GB");
    if (cal->ids_len + len > cal->ids_cap) {
        size_t cap = grown(cal->ids_cap, 4096);
        while (cap < cal->ids_len + len)
            cap = grown(cap, 4096);
        char *p = realloc(cal->ids, cap);
        if (!p)
            return no_memory(err);
        cal->ids = p;
        cal->ids_cap = cap;
    }
    memcpy(cal->ids + cal->ids_len, id, len);
    *offset = (uint32_t)cal->ids_len;
    cal->ids_len += len;
    return RAS_OK;
}

/* What is only summed is added up now, into the case's group and "all". */
static ras_status add_read(ras_calibration *cal, size_t g, ras_pence cost, ras_pence budget,
                           const ras_result *r, ras_error *err)
{
    size_t at[2] = {g, cal->n_groups - 1};
    for (size_t i = 0; i < 2; i++) {
        ras_calibration_group *s = &cal->groups[at[i]];
        s->cases++;
        s->eligible += r->eligible ? 1 : 0;
        s->kept += r->basis == RAS_BASIS_EXISTING_PACKAGE ? 1 : 0;
        if (!ras_add_i64(s->all_cost, cost, &s->all_cost) ||
            !ras_add_i64(s->current_total, budget, &s->current_total))
            return ras_fail(err, RAS_ERR_OVERFLOW, cal->in_name, 0, 0, NULL,
                            "the totals are too large to add up");
    }
    return RAS_OK;
}

static ras_status keep_package(ras_calibration *cal, ras_pence package, ras_error *err)
{
    if (cal->n_packages == cal->packages_cap) {
        size_t cap = grown(cal->packages_cap, 64);
        ras_pence *p = realloc(cal->packages, cap * sizeof *p);
        if (!p)
            return no_memory(err);
        cal->packages = p;
        cal->packages_cap = cap;
    }
    cal->packages[cal->n_packages++] = package;
    return RAS_OK;
}

static ras_status keep_case(reader *rd, ras_pence cost, ras_error *err)
{
    ras_calibration *cal = rd->cal;
    const ras_result *r = rd->r;
    if (r->total > INT32_MAX || r->total < INT32_MIN || r->group_index > UINT16_MAX)
        return ras_fail(err, RAS_ERR_LIMIT, cal->in_name, rd->csv.record_line, 0, NULL,
                        "a case's points or group are beyond what calibration holds");
    if (cal->n_cases == cal->cap) {
        size_t cap = grown(cal->cap, 256);
        ras_cal_case *p = realloc(cal->cases, cap * sizeof *p);
        if (!p)
            return no_memory(err);
        cal->cases = p;
        cal->cap = cap;
    }
    ras_cal_case *k = &cal->cases[cal->n_cases];
    memset(k, 0, sizeof *k);
    ras_status st = keep_id(cal, rd->c->client_id, &k->id_offset, err);
    if (st == RAS_OK)
        st = add_read(cal, r->group_index, cost, r->budget, r, err);
    if (st == RAS_OK && r->basis == RAS_BASIS_EXISTING_PACKAGE)
        st = keep_package(cal, r->budget, err);
    if (st != RAS_OK)
        return st;
    k->points = (int32_t)r->total;
    k->cost = cost;
    k->adjust = r->adjust_total;
    k->group = (uint16_t)r->group_index;
    k->flags = (uint8_t)((r->eligible ? RAS_CAL_ELIGIBLE : 0) |
                         (r->basis == RAS_BASIS_EXISTING_PACKAGE ? RAS_CAL_EXISTING : 0));
    cal->n_cases++;
    return RAS_OK;
}

static ras_status read_row(reader *rd, ras_error *err)
{
    char msg[RAS_ERROR_MESSAGE_MAX + 64];
    rd->cal->rows++;
    if (!ras_rows_load(&rd->rows, &rd->csv, rd->c, msg, sizeof msg)) {
        skip_row(rd, msg);
        return RAS_OK;
    }
    ras_pence cost;
    if (!read_cost(rd, &cost))
        return RAS_OK;
    rd->c->assessed_on = 0; /* checked when read, but every case is priced as of now */
    ras_error e;
    if (ras_score(rd->cal->model, rd->c, rd->r, &e) != RAS_OK) {
        snprintf(msg, sizeof msg, "line %lu: %s", rd->csv.record_line, e.message);
        skip_row(rd, msg);
        return RAS_OK;
    }
    return keep_case(rd, cost, err);
}

static ras_status read_all(reader *rd, ras_error *err)
{
    ras_calibration *cal = rd->cal;
    bool have;
    ras_status st = ras_rows_start(&rd->rows, cal->model, &rd->csv, cal->in_name, CURRENT_COST,
                                   "the cost of each client's current package, pounds a year",
                                   rd->warn, rd->warn_ctx, err);
    if (st != RAS_OK)
        return st;
    for (;;) {
        if ((st = ras_rows_next(&rd->rows, &rd->csv, &have, err)) != RAS_OK || !have)
            return st;
        if ((st = read_row(rd, err)) != RAS_OK)
            return st;
    }
}

/* ---- the statistics ------------------------------------------------ */

static ras_status too_large(ras_error *err, const char *what)
{
    return ras_fail(err, RAS_ERR_OVERFLOW, NULL, 0, 0, NULL, "%s is too large to add up", what);
}

static bool in_group(const ras_calibration *cal, const ras_cal_case *k, size_t g)
{
    return g + 1 == cal->n_groups || k->group == g; /* the last is "all" */
}

/* A case whose budget the price sets: eligible, and not kept at its
 * existing package. Only these make the prices and the comparisons. */
static bool priced(const ras_cal_case *k)
{
    return (k->flags & (RAS_CAL_ELIGIBLE | RAS_CAL_EXISTING)) == RAS_CAL_ELIGIBLE;
}

/* The priced cases, their cost and points: whole numbers, checked (the
 * counts of all cases were made as they were read). */
static ras_status sum_group(const ras_calibration *cal, size_t g, ras_error *err)
{
    ras_calibration_group *s = &cal->groups[g];
    for (size_t i = 0; i < cal->n_cases; i++) {
        const ras_cal_case *k = &cal->cases[i];
        if (!in_group(cal, k, g) || !priced(k))
            continue;
        s->priced++;
        if (!ras_add_i64(s->total_cost, k->cost, &s->total_cost))
            return too_large(err, "the total current cost");
        if (!ras_add_i64(s->total_points, k->points, &s->total_points))
            return too_large(err, "the total of points");
    }
    if (s->total_points > 0)
        s->ratio_price = ras_div_round_half_up(s->total_cost, s->total_points);
    return RAS_OK;
}

/* A trial pricing of group g: flat, one band from 0 at x pence a point;
 * or scaled, the latest table's bands or steps each times x millionths
 * (SCALE_ONE keeps them), half up to the penny. false when a value would
 * not fit. The values go in cal->scratch. */
static bool trial_group(const ras_calibration *cal, size_t g, bool flat, int64_t x, ras_group *out)
{
    static const int64_t from_zero = 0;
    if (flat) {
        cal->scratch[0] = x;
        *out = (ras_group){.name = "",
                           .steps = false,
                           .from = (int64_t *)&from_zero,
                           .value = cal->scratch,
                           .n_bands = 1};
        return true;
    }
    const ras_group *old = &cal->latest->groups[g];
    for (size_t k = 0; k < old->n_bands; k++) {
        int64_t v;
        if (!ras_mul_i64(old->value[k], x, &v))
            return false;
        cal->scratch[k] = ras_div_round_half_up(v, SCALE_ONE);
    }
    *out = *old;
    out->value = cal->scratch;
    return true;
}

/* docs/scoring.md steps 5 to 8 for a priced case of these points and
 * adjustments under a trial group and the latest table's settings;
 * false when it would overflow. */
static bool amount_at(const ras_calibration *cal, int64_t points, int32_t adjust,
                      const ras_group *grp, ras_pence *amount)
{
    ras_pence priced, adjusted, rounded;
    int clamped;
    return ras_price_group(grp, points, NULL, NULL, &priced) == RAS_OK &&
           ras_price_adjust(priced, adjust, &adjusted) == RAS_OK &&
           ras_price_finish(cal->latest, adjusted, &rounded, amount, &clamped) == RAS_OK;
}

/* The total of the group's priced RAS amounts at a trial pricing, each
 * kind of case (cal->kinds, the group's) priced once and counted as
 * often as it is met; false when it would overflow (as good as "more
 * than any cost"). Amounts are never negative, so the sum overflows in
 * any order if it does in input order. */
static bool total_at(const ras_calibration *cal, size_t g, bool flat, int64_t x, ras_pence *total)
{
    ras_group grp;
    *total = 0;
    if (!trial_group(cal, g, flat, x, &grp))
        return false;
    for (size_t i = 0; i < cal->n_kinds; i++) {
        const ras_cal_kind *k = &cal->kinds[i];
        ras_pence a, many;
        if (!amount_at(cal, k->points, k->adjust, &grp, &a) ||
            !ras_mul_i64(a, (int64_t)k->count, &many) || !ras_add_i64(*total, many, total))
            return false;
    }
    return true;
}

/* The slot of a kind in an open-addressing table of n_slots (a power of
 * two): its own, or the empty one (count 0) where it goes. */
static size_t kind_slot(const ras_cal_kind *table, size_t n_slots, int32_t points, int32_t adjust)
{
    uint64_t key = (uint64_t)(uint32_t)points << 32 | (uint32_t)adjust;
    size_t i = (size_t)((key * 0x9E3779B97F4A7C15u) >> 40) & (n_slots - 1);
    while (table[i].count && (table[i].points != points || table[i].adjust != adjust))
        i = (i + 1) & (n_slots - 1);
    return i;
}

/* The table doubled, its kinds placed again; false when out of memory
 * (the table is then as it was). */
static bool more_slots(ras_cal_kind **table, size_t *n_slots)
{
    size_t n = 2 * *n_slots;
    ras_cal_kind *t = calloc(n, sizeof *t);
    if (!t)
        return false;
    for (size_t i = 0; i < *n_slots; i++)
        if ((*table)[i].count)
            t[kind_slot(t, n, (*table)[i].points, (*table)[i].adjust)] = (*table)[i];
    free(*table);
    *table = t;
    *n_slots = n;
    return true;
}

/* The kinds of group g's priced cases, each with how many there are,
 * into cal->kinds (in no particular order): the cost-neutral search then
 * prices a few hundred kinds a trial instead of every case. Counted in a
 * hash table kept under three quarters full; its size goes with the
 * kinds, not the cases. */
static ras_status group_kinds(ras_calibration *cal, size_t g, ras_error *err)
{
    size_t n_slots = 256, n = 0;
    ras_cal_kind *table = calloc(n_slots, sizeof *table);
    for (size_t i = 0; table && i < cal->n_cases; i++) {
        const ras_cal_case *k = &cal->cases[i];
        if (!in_group(cal, k, g) || !priced(k))
            continue;
        ras_cal_kind *slot = &table[kind_slot(table, n_slots, k->points, k->adjust)];
        if (slot->count++ == 0) {
            slot->points = k->points;
            slot->adjust = k->adjust;
            if (++n * 4 > n_slots * 3 && !more_slots(&table, &n_slots)) {
                free(table);
                table = NULL;
            }
        }
    }
    if (!table)
        return no_memory(err);
    size_t m = 0;
    for (size_t i = 0; i < n_slots; i++)
        if (table[i].count)
            table[m++] = table[i];
    free(cal->kinds);
    cal->kinds = table;
    cal->n_kinds = m;
    return RAS_OK;
}

/* The least x in lo..hi whose total reaches goal (hi reaches it). */
static int64_t least_reaching(const ras_calibration *cal, size_t g, bool flat, int64_t lo,
                              int64_t hi, ras_pence goal)
{
    ras_pence t;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (total_at(cal, g, flat, mid, &t) && t < goal)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The cost-neutral x (a flat price, or a scale of the group's own
 * values), searched from start. The total is non-decreasing in x (every
 * step of the pricing is), so bisection finds the least x whose total
 * reaches the cost; then that or the one below, whichever total is
 * nearer. When a ceiling keeps the total below the cost at any x, the
 * least x giving the highest total the ceiling allows (*out_of_reach). */
static int64_t solve(const ras_calibration *cal, size_t g, bool flat, int64_t start,
                     bool *out_of_reach)
{
    const ras_calibration_group *s = &cal->groups[g];
    int64_t lo = 0, hi = start > 0 ? start : 1;
    ras_pence t = 0, goal = s->total_cost;
    while (total_at(cal, g, flat, hi, &t) && t < goal && hi <= RAS_MAX_PENCE / 2) {
        lo = hi;
        hi *= 2;
    }
    if (!total_at(cal, g, flat, hi, &t)) {
        /* An x the scorer could not work with: keep below the least such,
         * found by bisection (0 always fits). */
        int64_t a = lo, b = hi - 1;
        ras_pence u;
        while (a < b) {
            int64_t mid = a + (b - a + 1) / 2;
            if (total_at(cal, g, flat, mid, &u))
                a = mid;
            else
                b = mid - 1;
        }
        hi = a;
        total_at(cal, g, flat, hi, &t);
    }
    if (t < goal) {
        goal = t; /* out of reach (a ceiling): aim for the most that can be had */
        *out_of_reach = true;
        lo = 0; /* which a far lower x may already give */
    }
    lo = least_reaching(cal, g, flat, lo, hi, goal);
    ras_pence below;
    if (lo > 0 && total_at(cal, g, flat, lo - 1, &below) &&
        (!total_at(cal, g, flat, lo, &t) || s->total_cost - below <= t - s->total_cost))
        return lo - 1;
    return lo;
}

/* A group whose pricing has a shape a flat rate would lose: steps, or
 * more than one band. */
static bool shaped(const ras_group *g)
{
    return g->steps || g->n_bands > 1;
}

/* The flat cost-neutral price of every group (and of all together), and
 * for a shaped group, unless flat pricing is asked for, the scale of its
 * own values that is cost neutral: the table --write writes. */
static ras_status solve_group(ras_calibration *cal, size_t g, ras_error *err)
{
    ras_calibration_group *s = &cal->groups[g];
    if (s->total_points == 0)
        return RAS_OK;
    ras_status st = group_kinds(cal, g, err);
    if (st != RAS_OK)
        return st;
    s->neutral_price = solve(cal, g, true, s->ratio_price, &s->out_of_reach);
    bool real = g + 1 < cal->n_groups;
    if (real && !cal->flat && shaped(&cal->latest->groups[g])) {
        bool beyond = false;
        s->neutral_scale = solve(cal, g, false, SCALE_ONE, &beyond);
        s->scaled = true;
        s->out_of_reach = beyond;
    }
    return RAS_OK;
}

/* A non-negative double to whole pence, half up; false when out of range. */
static bool round_pence(double v, ras_pence *out)
{
    if (!(v >= 0) || v > (double)RAS_MAX_PENCE)
        return false;
    *out = (ras_pence)(v + 0.5); /* truncation is floor for v >= 0 */
    return true;
}

/* The least-squares price through the origin and its R squared:
 * b = sum(x*y) / sum(x*x); R^2 = 1 - SSE/SST, SSE = sum((y - b*x)^2),
 * SST = sum((y - mean y)^2). */
static ras_status fit_group(const ras_calibration *cal, size_t g, ras_error *err)
{
    ras_calibration_group *s = &cal->groups[g];
    if (s->priced == 0 || s->total_points == 0)
        return RAS_OK;
    double sxy = 0, sxx = 0, mean = (double)s->total_cost / (double)s->priced;
    for (size_t i = 0; i < cal->n_cases; i++) {
        const ras_cal_case *k = &cal->cases[i];
        if (in_group(cal, k, g) && priced(k)) {
            sxy += (double)k->points * (double)k->cost;
            sxx += (double)k->points * (double)k->points;
        }
    }
    double b = sxy / sxx, sse = 0, sst = 0;
    if (!round_pence(b, &s->fitted_price))
        return too_large(err, "the least-squares price");
    for (size_t i = 0; i < cal->n_cases; i++) {
        const ras_cal_case *k = &cal->cases[i];
        if (in_group(cal, k, g) && priced(k)) {
            double e = (double)k->cost - b * (double)k->points;
            double d = (double)k->cost - mean;
            sse += e * e;
            sst += d * d;
        }
    }
    s->has_r_squared = sst > 0;
    s->r_squared = sst > 0 ? 1.0 - sse / sst : 0.0;
    return RAS_OK;
}

/* Tells warn that flat pricing changes a group's shape. */
static void warn_flattened(const ras_calibration *cal, size_t g, ras_warn_fn warn, void *ctx)
{
    const ras_group *old = &cal->latest->groups[g];
    if (!warn || !shaped(old))
        return;
    char price[48];
    ras_money_format(cal->groups[g].neutral_price, RAS_MONEY_HUMAN, cal->latest->currency, price,
                     sizeof price);
    ras_error w;
    ras_error_clear(&w);
    ras_fail(&w, RAS_OK, cal->in_name, 0, 0, old->name,
             "group '%s': its %zu %s become one flat rate of %s a point (flat pricing)", old->name,
             old->n_bands, old->steps ? "steps" : "bands", price);
    warn(ctx, &w);
}

/* The new table: the latest's settings; each group with priced points
 * repriced: a shaped group's own bands or steps scaled to cost neutral,
 * any other (or every one, with flat pricing) one flat band at its
 * cost-neutral price; the others keep their prices. */
static ras_status build_fresh(ras_calibration *cal, ras_warn_fn warn, void *warn_ctx,
                              ras_error *err)
{
    const ras_table *t = cal->latest;
    cal->fresh = *t;
    cal->fresh.groups = ras_arena_array(&cal->arena, t->n_groups, sizeof *cal->fresh.groups);
    if (!cal->fresh.groups)
        return no_memory(err);
    for (size_t g = 0; g < t->n_groups; g++) {
        ras_group *ng = &cal->fresh.groups[g];
        *ng = t->groups[g];
        ras_calibration_group *s = &cal->groups[g];
        s->repriced = s->total_points > 0;
        if (!s->repriced)
            continue;
        ras_group trial;
        bool flat = !s->scaled;
        if (!trial_group(cal, g, flat, flat ? s->neutral_price : s->neutral_scale, &trial))
            return too_large(err, "a scaled price");
        *ng = trial;
        ng->name = t->groups[g].name;
        ng->title = t->groups[g].title;
        ng->value = ras_arena_array(&cal->arena, trial.n_bands, sizeof *ng->value);
        if (!ng->value)
            return no_memory(err);
        memcpy(ng->value, trial.value, trial.n_bands * sizeof *ng->value);
        if (flat) {
            ng->from = ras_arena_alloc(&cal->arena, sizeof *ng->from);
            if (!ng->from)
                return no_memory(err);
            ng->from[0] = 0;
            if (cal->flat)
                warn_flattened(cal, g, warn, warn_ctx);
        }
    }
    return RAS_OK;
}

/* docs/scoring.md steps 4 to 9 for a case under the new table. Its settings
 * (threshold, rounding, floor, ceiling, existing_package) are the
 * latest's, so eligibility and the existing-package basis stay as the
 * latest table decided them; only the price changes. *package walks the
 * kept cases' packages in input order. */
static ras_status project_case(const ras_calibration *cal, const ras_cal_case *k, size_t *package,
                               ras_pence *projected, ras_error *err)
{
    if (k->flags & RAS_CAL_EXISTING) {
        *projected = cal->packages[(*package)++];
        return RAS_OK;
    }
    if (!(k->flags & RAS_CAL_ELIGIBLE)) {
        *projected = 0;
        return RAS_OK;
    }
    ras_pence priced, adjusted, rounded;
    int clamped;
    ras_status st = ras_price_group(&cal->fresh.groups[k->group], k->points, NULL, NULL, &priced);
    if (st == RAS_OK)
        st = ras_price_adjust(priced, k->adjust, &adjusted);
    if (st == RAS_OK)
        st = ras_price_finish(&cal->fresh, adjusted, &rounded, projected, &clamped);
    return st == RAS_OK ? RAS_OK : too_large(err, "a new budget");
}

/* Keeps a difference in the group's largest-first list. */
static void note_difference(ras_calibration_group *s, const ras_calibration *cal,
                            const ras_cal_case *k, ras_pence projected)
{
    ras_pence d = projected - k->cost;
    size_t at = ras_largest_place(s->largest, sizeof s->largest[0],
                                  offsetof(ras_calibration_diff, difference), &s->n_largest,
                                  RAS_CALIBRATION_LARGEST, d);
    if (at < RAS_CALIBRATION_LARGEST)
        s->largest[at] =
            (ras_calibration_diff){cal->ids + k->id_offset, k->points, k->cost, projected, d};
}

/* How one case fares under the new table, counted in one group's figures;
 * pct and n_pct gather the group's mean percentage. */
static ras_status compare_case(const ras_calibration *cal, size_t g, const ras_cal_case *k,
                               ras_pence projected, double *pct, uint64_t *n_pct, ras_error *err)
{
    ras_calibration_group *s = &cal->groups[g];
    if (!ras_add_i64(s->projected_total, projected, &s->projected_total))
        return too_large(err, "the total of new budgets");
    if (!priced(k))
        return RAS_OK;
    if (!ras_add_i64(s->projected_priced, projected, &s->projected_priced))
        return too_large(err, "the total of new budgets");
    /* Both are at most RAS_MAX_PENCE, so ten times either fits. */
    ras_pence d = projected - k->cost;
    s->gaining += d * 10 > k->cost ? 1 : 0;
    s->losing += -d * 10 > k->cost ? 1 : 0;
    if (k->cost > 0) {
        pct[g] += (double)(d < 0 ? -d : d) / (double)k->cost;
        n_pct[g]++;
    }
    note_difference(s, cal, k, projected);
    return RAS_OK;
}

/* How the clients fare under the new table: one pass over the cases,
 * each priced once and counted in its group and in all. */
static ras_status compare_all(const ras_calibration *cal, ras_error *err)
{
    size_t all = cal->n_groups - 1, package = 0;
    double *pct = calloc(cal->n_groups, sizeof *pct);
    uint64_t *n_pct = calloc(cal->n_groups, sizeof *n_pct);
    if (!pct || !n_pct) {
        free(pct);
        free(n_pct);
        return no_memory(err);
    }
    ras_status st = RAS_OK;
    for (size_t i = 0; i < cal->n_cases && st == RAS_OK; i++) {
        const ras_cal_case *k = &cal->cases[i];
        ras_pence projected = 0;
        st = project_case(cal, k, &package, &projected, err);
        if (st == RAS_OK)
            st = compare_case(cal, k->group, k, projected, pct, n_pct, err);
        if (st == RAS_OK)
            st = compare_case(cal, all, k, projected, pct, n_pct, err);
    }
    for (size_t g = 0; g < cal->n_groups && st == RAS_OK; g++) {
        cal->groups[g].has_mape = n_pct[g] > 0;
        cal->groups[g].mape = n_pct[g] ? 100.0 * pct[g] / (double)n_pct[g] : 0.0;
    }
    free(pct);
    free(n_pct);
    return st;
}

/* The latest table's groups and "all", for the counts made while
 * reading, and the room for a trial group's values. */
static ras_status make_groups(ras_calibration *cal, ras_error *err)
{
    const ras_table *t = cal->latest;
    cal->n_groups = t->n_groups + 1;
    cal->groups = ras_arena_array(&cal->arena, cal->n_groups, sizeof *cal->groups);
    size_t most = 1;
    for (size_t g = 0; g < t->n_groups; g++)
        most = t->groups[g].n_bands > most ? t->groups[g].n_bands : most;
    cal->scratch = ras_arena_array(&cal->arena, most, sizeof *cal->scratch);
    if (!cal->groups || !cal->scratch)
        return no_memory(err);
    for (size_t g = 0; g < cal->n_groups; g++)
        cal->groups[g].name = g < t->n_groups ? t->groups[g].name : "all";
    return RAS_OK;
}

static ras_status work_out(ras_calibration *cal, ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    ras_status st = RAS_OK;
    for (size_t g = 0; g < cal->n_groups && st == RAS_OK; g++)
        if ((st = sum_group(cal, g, err)) == RAS_OK && (st = fit_group(cal, g, err)) == RAS_OK)
            st = solve_group(cal, g, err);
    free(cal->kinds);
    cal->kinds = NULL;
    cal->n_kinds = 0;
    if (st == RAS_OK)
        st = build_fresh(cal, warn, warn_ctx, err);
    if (st == RAS_OK)
        st = compare_all(cal, err);
    return st;
}

/* ---- the public calls ---------------------------------------------- */

static ras_status calibrate(ras_calibration *cal, FILE *in, const ras_read_options *opts,
                            ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    reader rd;
    memset(&rd, 0, sizeof rd);
    rd.cal = cal;
    rd.warn = warn;
    rd.warn_ctx = warn_ctx;
    ras_hash_read hash;
    /* The calibration hashes what it reads itself (even a workbook's bytes). */
    ras_status st = ras_rows_open_hashed(&rd.rows, &rd.csv, in, &hash, cal->in_name, opts, err);
    if (st != RAS_OK)
        return st;
    rd.c = ras_case_new(cal->model);
    rd.r = ras_result_new(cal->model);
    if (rd.r)
        ras_result_keep_details(rd.r, false); /* a case needs only the figures */
    if (!rd.c || !rd.r)
        st = no_memory(err);
    if (st == RAS_OK)
        st = make_groups(cal, err);
    if (st == RAS_OK)
        st = read_all(&rd, err);
    if (st == RAS_OK && ras_records_workbook(&rd.csv))
        ras_hash_read_whole(&hash); /* read by seeking, not through the hash */
    ras_hash_read_hex(&hash, cal->in_sha256);
    ras_hash_read_free(&hash);
    ras_csv_close(&rd.csv);
    ras_rows_free(&rd.rows);
    ras_case_free(rd.c);
    ras_result_free(rd.r);
    return st == RAS_OK ? work_out(cal, warn, warn_ctx, err) : st;
}

ras_status ras_calibrate(const ras_model *model, FILE *in, const char *in_name,
                         const ras_read_options *opts, unsigned flags, ras_calibration **out,
                         ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    if (out)
        *out = NULL;
    if (!model || !in || !out || model->n_tables == 0)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    ras_calibration *cal = calloc(1, sizeof *cal);
    if (!cal)
        return no_memory(err);
    cal->model = model;
    cal->latest = ras_model_table_on(model, 0);
    cal->flat = (flags & RAS_CALIBRATE_FLAT) != 0;
    const char *name = in_name ? in_name : "-";
    cal->in_name = ras_arena_strndup(&cal->arena, name, strlen(name));
    ras_status st = cal->in_name ? calibrate(cal, in, opts, warn, warn_ctx, err) : no_memory(err);
    if (st != RAS_OK) {
        ras_calibration_free(cal);
        return st;
    }
    *out = cal;
    return RAS_OK;
}

void ras_calibration_free(ras_calibration *cal)
{
    if (!cal)
        return;
    ras_arena_free(&cal->arena);
    free(cal->cases);
    free(cal->kinds);
    free(cal->packages);
    free(cal->ids);
    free(cal);
}

uint64_t ras_calibration_rows(const ras_calibration *cal)
{
    return cal ? cal->rows : 0;
}

uint64_t ras_calibration_errors(const ras_calibration *cal)
{
    return cal ? cal->errors : 0;
}

const char *ras_calibration_input_sha256(const ras_calibration *cal)
{
    return cal ? cal->in_sha256 : "";
}

const ras_table *ras_calibration_table(const ras_calibration *cal)
{
    return cal ? cal->latest : NULL;
}

size_t ras_calibration_group_count(const ras_calibration *cal)
{
    return cal ? cal->n_groups : 0;
}

const ras_calibration_group *ras_calibration_group_at(const ras_calibration *cal, size_t i)
{
    return cal && i < cal->n_groups ? &cal->groups[i] : NULL;
}

void ras_cal_extent(const ras_calibration *cal, int64_t *max_points, ras_pence *max_cost)
{
    *max_points = 0;
    *max_cost = 0;
    for (size_t i = 0; i < cal->n_cases; i++) {
        if (cal->cases[i].points > *max_points)
            *max_points = cal->cases[i].points;
        if (cal->cases[i].cost > *max_cost)
            *max_cost = cal->cases[i].cost;
    }
}
