/* price.c - points to pounds (docs/scoring.md steps 5 to 8), and ras_table_amount. */
#include "price.h"

#include "num.h"

/* Bands are marginal, like tax bands: each band prices only the points
 * that fall inside it. */
static ras_status price_bands(const ras_group *g, int64_t points, ras_price_line *lines,
                              size_t *n_lines, ras_pence *priced)
{
    ras_pence sum = 0;
    for (size_t k = 0; k < g->n_bands; k++) {
        int64_t from = g->from[k];
        int64_t to = k + 1 < g->n_bands ? g->from[k + 1] : -1;
        int64_t top = to >= 0 && to < points ? to : points;
        if (top <= from)
            continue;
        int64_t in_band = top - from;
        ras_pence amount;
        if (!ras_mul_i64(in_band, g->value[k], &amount) || !ras_add_i64(sum, amount, &sum))
            return RAS_ERR_OVERFLOW;
        if (lines)
            lines[(*n_lines)++] = (ras_price_line){from, to, in_band, g->value[k], amount};
    }
    *priced = sum;
    return RAS_OK;
}

/* Steps are fixed amounts: the last step reached prices the whole total. */
static void price_steps(const ras_group *g, int64_t points, ras_price_line *lines, size_t *n_lines,
                        ras_pence *priced)
{
    size_t chosen = g->n_bands;
    for (size_t k = 0; k < g->n_bands && g->from[k] <= points; k++)
        chosen = k;
    if (chosen == g->n_bands) {
        *priced = 0; /* below the first step: only for negative totals */
        return;
    }
    int64_t to = chosen + 1 < g->n_bands ? g->from[chosen + 1] : -1;
    *priced = g->value[chosen];
    if (lines)
        lines[(*n_lines)++] =
            (ras_price_line){g->from[chosen], to, points, g->value[chosen], g->value[chosen]};
}

ras_status ras_price_group(const ras_group *g, int64_t points, ras_price_line *lines,
                           size_t *n_lines, ras_pence *priced)
{
    size_t unused = 0;
    if (!n_lines)
        n_lines = &unused;
    *n_lines = 0;
    ras_status st = RAS_OK;
    if (g->steps)
        price_steps(g, points, lines, n_lines, priced);
    else
        st = price_bands(g, points, lines, n_lines, priced);
    if (st == RAS_OK && *priced > RAS_MAX_PENCE)
        st = RAS_ERR_OVERFLOW; /* keep every amount one ras_money_parse reads back */
    return st;
}

ras_status ras_price_adjust(ras_pence priced, int32_t adjust, ras_pence *adjusted)
{
    /* adjust is hundredths of a percent, so 100% is 10000. */
    int64_t scaled;
    if (!ras_mul_i64(priced, 10000 + (int64_t)adjust, &scaled))
        return RAS_ERR_OVERFLOW;
    int64_t v = ras_div_round_half_up(scaled, 10000);
    if (v > RAS_MAX_PENCE)
        return RAS_ERR_OVERFLOW;
    *adjusted = v;
    return RAS_OK;
}

ras_status ras_price_finish(const ras_table *t, ras_pence adjusted, ras_pence *rounded,
                            ras_pence *amount, int *clamped)
{
    ras_pence v = adjusted;
    if (t->rounding == RAS_ROUND_POUND && !ras_round_to_pound(adjusted, &v))
        return RAS_ERR_OVERFLOW;
    if (v > RAS_MAX_PENCE)
        return RAS_ERR_OVERFLOW;
    *rounded = v;
    *clamped = 0;
    if (t->has_floor && v < t->floor) {
        v = t->floor;
        *clamped = -1;
    } else if (t->has_ceiling && v > t->ceiling) {
        v = t->ceiling;
        *clamped = 1;
    }
    *amount = v;
    return RAS_OK;
}

ras_status ras_table_amount(const ras_table *t, size_t group, int64_t points, ras_pence *out)
{
    if (!t || !out || group >= t->n_groups)
        return RAS_ERR_ARG;
    if (points < t->threshold) {
        *out = 0; /* step 4: below the threshold, no floor */
        return RAS_OK;
    }
    ras_pence priced, rounded;
    int clamped;
    ras_status st = ras_price_group(&t->groups[group], points, NULL, NULL, &priced);
    if (st == RAS_OK)
        st = ras_price_finish(t, priced, &rounded, out, &clamped);
    return st;
}
