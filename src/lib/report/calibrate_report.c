/* calibrate_report.c - the calibration report, as text for the finance
 * officer and as JSON for machines. */
#include <string.h>

#include "calibrate.h"
#include "json.h"
#include "record.h"

static void money(FILE *out, ras_pence v, const char *currency)
{
    char buf[48];
    ras_money_format(v, RAS_MONEY_HUMAN, currency, buf, sizeof buf);
    fputs(buf, out);
}

/* A signed amount: "+£1.00", "-£3.50", "£0.00". */
static void signed_money(FILE *out, ras_pence v, const char *currency)
{
    if (v != 0)
        fputc(v < 0 ? '-' : '+', out);
    money(out, v < 0 ? -v : v, currency);
}

static void label(FILE *out, const char *text)
{
    fprintf(out, "  %-24s", text);
}

static void text_largest(FILE *out, const ras_calibration_group *g, const char *cur)
{
    if (g->n_largest == 0)
        return;
    fputs("  largest differences (new - current):\n", out);
    fprintf(out, "    %-16s %8s %14s %14s %14s\n", "client", "points", "current", "new",
            "difference");
    for (size_t i = 0; i < g->n_largest; i++) {
        const ras_calibration_diff *d = &g->largest[i];
        char a[48], b[48], c[48];
        ras_money_format(d->current, RAS_MONEY_HUMAN, cur, a, sizeof a);
        ras_money_format(d->projected, RAS_MONEY_HUMAN, cur, b, sizeof b);
        ras_money_format(d->difference < 0 ? -d->difference : d->difference, RAS_MONEY_HUMAN, cur,
                         c + 1, sizeof c - 1);
        c[0] = d->difference < 0 ? '-' : '+';
        fprintf(out, "    %-16s %8lld %14s %14s %14s\n", d->client_id, (long long)d->points, a, b,
                c);
    }
}

static void text_group(FILE *out, const ras_calibration_group *g, const char *shape,
                       const char *cur)
{
    fprintf(out, "\n%s%s\n", strcmp(g->name, "all") == 0 ? "" : "group ", g->name);
    label(out, "cases");
    fprintf(out, "%llu\n", (unsigned long long)g->cases);
    label(out, "eligible");
    fprintf(out, "%llu\n", (unsigned long long)g->eligible);
    label(out, "existing packages kept");
    fprintf(out, "%llu\n", (unsigned long long)g->kept);
    label(out, "priced");
    fprintf(out, "%llu (eligible, not kept: they make the prices)\n",
            (unsigned long long)g->priced);
    label(out, "current cost, priced");
    money(out, g->total_cost, cur);
    fputs(" (the cost-neutral target; all cases ", out);
    money(out, g->all_cost, cur);
    fputs(")\n", out);
    label(out, "points, priced");
    fprintf(out, "%lld\n", (long long)g->total_points);
    if (g->total_points == 0) {
        fputs("  no priced points: no price can be worked out; prices kept\n", out);
        return;
    }
    label(out, "cost / points");
    money(out, g->ratio_price, cur);
    fputs(" a point\n", out);
    label(out, "cost-neutral price");
    money(out, g->neutral_price, cur);
    fputs(strcmp(g->name, "all") == 0 ? " a point (one price for every group)\n"
          : g->scaled                 ? " a point (flat, for comparison)\n"
                                      : " a point (the new table's)\n",
          out);
    if (g->scaled) {
        label(out, "cost-neutral scale");
        fprintf(out, "x%lld.%06lld (the new table's: its own %s scaled)\n",
                (long long)(g->neutral_scale / 1000000), (long long)(g->neutral_scale % 1000000),
                shape);
    }
    if (g->out_of_reach)
        fputs("  (the ceiling keeps these budgets below their cost at any price)\n", out);
    label(out, "least-squares price");
    money(out, g->fitted_price, cur);
    fputs(" a point\n", out);
    label(out, "R squared");
    if (g->has_r_squared)
        fprintf(out, "%.4f\n", g->r_squared);
    else
        fputs("n/a (the costs do not vary)\n", out);
    label(out, "mean abs. difference");
    if (g->has_mape)
        fprintf(out, "%.1f%%\n", g->mape);
    else
        fputs("n/a\n", out);
    label(out, "gaining over 10%");
    fprintf(out, "%llu\n", (unsigned long long)g->gaining);
    label(out, "losing over 10%");
    fprintf(out, "%llu\n", (unsigned long long)g->losing);
    label(out, "budgets, current table");
    money(out, g->current_total, cur);
    fputc('\n', out);
    label(out, "budgets, new table");
    money(out, g->projected_total, cur);
    fputs(" (all cases, as `ras batch` totals them)\n", out);
    label(out, "  of which priced cases");
    money(out, g->projected_priced, cur);
    fputs(" (cost-neutral target ", out);
    money(out, g->total_cost, cur);
    fputs(", ", out);
    signed_money(out, g->projected_priced - g->total_cost, cur);
    fputs(")\n", out);
    text_largest(out, g, cur);
}

ras_status ras_calibration_write_text(const ras_calibration *cal, const ras_run_info *run,
                                      FILE *out)
{
    if (!cal || !out)
        return RAS_ERR_ARG;
    const ras_table *t = cal->latest;
    const char *cur = t->currency;
    char title[RAS_ERROR_FILE_MAX + 32];
    snprintf(title, sizeof title, "calibration against %s", cal->in_name);
    ras_record_text(out, title, cal->model, run, cal->in_name, cal->in_sha256);
    fprintf(out, "  %-14s %llu read, %llu used, %llu left out", "rows",
            (unsigned long long)cal->rows, (unsigned long long)cal->used,
            (unsigned long long)cal->errors);
    if (cal->other_version > 0)
        fprintf(out, " (%llu on a questionnaire version the table does not price)",
                (unsigned long long)cal->other_version);
    fputc('\n', out);
    fprintf(out, "\ncalibration of %s@%s, the latest table\n", t->id, t->version);
    for (size_t g = 0; g < cal->n_groups; g++)
        text_group(out, &cal->groups[g], g < t->n_groups && t->groups[g].steps ? "steps" : "bands",
                   cur);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}

/* ---- JSON ---------------------------------------------------------- */

static void json_largest(FILE *out, const ras_calibration_group *g)
{
    fputs("[", out);
    for (size_t i = 0; i < g->n_largest; i++) {
        const ras_calibration_diff *d = &g->largest[i];
        fputs(i ? ",\n        {\"client_id\": " : "\n        {\"client_id\": ", out);
        ras_json_string(out, d->client_id);
        fprintf(out, ", \"points\": %lld, \"current\": ", (long long)d->points);
        ras_json_money(out, d->current);
        fputs(", \"new\": ", out);
        ras_json_money(out, d->projected);
        fputs(", \"difference\": ", out);
        ras_json_money(out, d->difference);
        fputs("}", out);
    }
    fputs(g->n_largest ? "\n      ]" : "]", out);
}

static void json_price(FILE *out, const char *key, bool has, ras_pence v)
{
    fprintf(out, ",\n      \"%s\": ", key);
    if (has)
        ras_json_money(out, v);
    else
        fputs("null", out);
}

static void json_group(FILE *out, const ras_calibration_group *g)
{
    fputs("    {\"group\": ", out);
    ras_json_string(out, g->name);
    fprintf(out,
            ",\n      \"cases\": %llu, \"eligible\": %llu, \"kept\": %llu, \"priced\": %llu, "
            "\"total_points\": %lld",
            (unsigned long long)g->cases, (unsigned long long)g->eligible,
            (unsigned long long)g->kept, (unsigned long long)g->priced, (long long)g->total_points);
    fputs(",\n      \"total_current_cost\": ", out);
    ras_json_money(out, g->total_cost);
    fputs(", \"all_cases_current_cost\": ", out);
    ras_json_money(out, g->all_cost);
    json_price(out, "cost_per_point", g->total_points > 0, g->ratio_price);
    json_price(out, "neutral_price", g->total_points > 0, g->neutral_price);
    fprintf(out, ", \"out_of_reach\": %s", g->out_of_reach ? "true" : "false");
    fputs(",\n      \"neutral_scale\": ", out);
    if (g->scaled)
        fprintf(out, "\"%lld.%06lld\"", (long long)(g->neutral_scale / 1000000),
                (long long)(g->neutral_scale % 1000000));
    else
        fputs("null", out);
    json_price(out, "least_squares_price", g->total_points > 0, g->fitted_price);
    fputs(",\n      \"r_squared\": ", out);
    if (g->has_r_squared)
        fprintf(out, "%.6f", g->r_squared);
    else
        fputs("null", out);
    fputs(", \"mean_abs_pct_difference\": ", out);
    if (g->has_mape)
        fprintf(out, "%.3f", g->mape);
    else
        fputs("null", out);
    fprintf(out, ",\n      \"gaining_over_10pct\": %llu, \"losing_over_10pct\": %llu",
            (unsigned long long)g->gaining, (unsigned long long)g->losing);
    fputs(",\n      \"current_table_total\": ", out);
    ras_json_money(out, g->current_total);
    fputs(", \"new_table_total\": ", out);
    ras_json_money(out, g->projected_total);
    fputs(",\n      \"new_table_priced\": ", out);
    ras_json_money(out, g->projected_priced);
    fprintf(out, ", \"repriced\": %s",
            g->repriced || strcmp(g->name, "all") == 0 ? "true" : "false");
    fputs(",\n      \"largest_differences\": ", out);
    json_largest(out, g);
    fputs("}", out);
}

ras_status ras_calibration_write_json(const ras_calibration *cal, const ras_run_info *run,
                                      FILE *out)
{
    if (!cal || !out)
        return RAS_ERR_ARG;
    const ras_table *t = cal->latest;
    fputs("{\n", out);
    ras_record_json(out, "calibration", cal->model, run, cal->in_name, cal->in_sha256);
    fputs("  \"input\": ", out);
    ras_json_string(out, cal->in_name);
    fprintf(out,
            ",\n  \"rows\": %llu, \"used\": %llu, \"left_out\": %llu, \"other_version\": %llu,\n",
            (unsigned long long)cal->rows, (unsigned long long)cal->used,
            (unsigned long long)cal->errors, (unsigned long long)cal->other_version);
    fputs("  \"scoring\": {", out);
    ras_json_source(out, "id", t->id, t->version, false, NULL, t->fingerprint);
    fputs("},\n  \"currency\": ", out);
    ras_json_string(out, t->currency);
    fputs(",\n  \"groups\": [\n", out);
    for (size_t g = 0; g < cal->n_groups; g++) {
        json_group(out, &cal->groups[g]);
        fputs(g + 1 < cal->n_groups ? ",\n" : "\n", out);
    }
    fputs("  ]\n}\n", out);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}
