/* calibrate_solve.c - the cost-neutral search and the new table
 * (docs/calibration.md, "Why the cost-neutral price is not simply cost /
 * points" and "--write"): each group's priced cases, counted by kind as
 * they were read, are priced at trial prices (or trial scales of the
 * group's own values) until the total is nearest their current cost. */
#include <stdlib.h>
#include <string.h>

#include "calibrate.h"
#include "error.h"
#include "num.h"
#include "price.h"

#define SCALE_ONE 1000000 /* a scale is in millionths: this keeps a table's values */

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
    for (size_t i = 0; i < cal->kinds->n; i++) {
        const ras_cal_kind *k = &cal->kinds->slots[i];
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

bool ras_cal_add_kind(ras_cal_kinds *t, int32_t points, int32_t adjust, uint64_t count)
{
    if (!t->slots) {
        t->n_slots = 256;
        if (!(t->slots = calloc(t->n_slots, sizeof *t->slots)))
            return false;
    }
    ras_cal_kind *slot = &t->slots[kind_slot(t->slots, t->n_slots, points, adjust)];
    bool fresh = slot->count == 0;
    slot->count += count;
    if (!fresh)
        return true;
    slot->points = points;
    slot->adjust = adjust;
    return ++t->n * 4 <= t->n_slots * 3 || more_slots(&t->slots, &t->n_slots);
}

bool ras_cal_merge_kinds(ras_cal_kinds *into, const ras_cal_kinds *from)
{
    for (size_t i = 0; from->slots && i < from->n_slots; i++)
        if (from->slots[i].count && !ras_cal_add_kind(into, from->slots[i].points,
                                                      from->slots[i].adjust, from->slots[i].count))
            return false;
    return true;
}

/* The kinds moved to the table's first n slots (no longer a hash table),
 * for the search to walk in no particular order: the totals are sums of
 * whole pence. */
static void pack_kinds(ras_cal_kinds *t)
{
    size_t m = 0;
    for (size_t i = 0; t->slots && i < t->n_slots; i++)
        if (t->slots[i].count)
            t->slots[m++] = t->slots[i];
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
void ras_cal_solve_group(ras_calibration *cal, size_t g)
{
    ras_calibration_group *s = &cal->groups[g];
    if (s->total_points == 0)
        return;
    pack_kinds(&cal->stats[g].kinds);
    cal->kinds = &cal->stats[g].kinds;
    s->neutral_price = solve(cal, g, true, s->ratio_price, &s->out_of_reach);
    bool real = g + 1 < cal->n_groups;
    if (real && !cal->flat && shaped(&cal->latest->groups[g])) {
        bool beyond = false;
        s->neutral_scale = solve(cal, g, false, SCALE_ONE, &beyond);
        s->scaled = true;
        s->out_of_reach = beyond;
    }
    cal->kinds = NULL;
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
ras_status ras_cal_build_fresh(ras_calibration *cal, ras_warn_fn warn, void *warn_ctx,
                               ras_error *err)
{
    const ras_table *t = cal->latest;
    cal->fresh = *t;
    cal->fresh.groups = ras_arena_array(&cal->arena, t->n_groups, sizeof *cal->fresh.groups);
    if (!cal->fresh.groups)
        return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
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
            return ras_fail(err, RAS_ERR_OVERFLOW, NULL, 0, 0, NULL,
                            "a scaled price is too large to add up");
        *ng = trial;
        ng->name = t->groups[g].name;
        ng->title = t->groups[g].title;
        ng->value = ras_arena_array(&cal->arena, trial.n_bands, sizeof *ng->value);
        if (!ng->value)
            return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        memcpy(ng->value, trial.value, trial.n_bands * sizeof *ng->value);
        if (flat) {
            ng->from = ras_arena_alloc(&cal->arena, sizeof *ng->from);
            if (!ng->from)
                return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
            ng->from[0] = 0;
            if (cal->flat)
                warn_flattened(cal, g, warn, warn_ctx);
        }
    }
    return RAS_OK;
}
