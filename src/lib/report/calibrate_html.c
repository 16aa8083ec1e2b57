/* calibrate_html.c - the calibration report as an HTML page to file: the
 * record, one column of figures per group and for all, the largest
 * differences, and the plot inline (docs/calibration.md). */
#include <string.h>

#include "calibrate.h"
#include "report_html.h"

typedef enum { F_COUNT, F_MONEY, F_POINTS } figure_kind;

/* One row of the figures table: a label and, per group, a figure read
 * from the group by the offset of a field. */
typedef struct figure {
    const char *label;
    figure_kind kind;
    size_t offset;
} figure;

#define FIG(label, kind, field)                                                                    \
    {                                                                                              \
        label, kind, offsetof(ras_calibration_group, field)                                        \
    }

static const figure figures[] = {
    FIG("cases", F_COUNT, cases),
    FIG("eligible", F_COUNT, eligible),
    FIG("existing packages kept", F_COUNT, kept),
    FIG("priced (make the prices)", F_COUNT, priced),
    FIG("current cost, priced cases (the target)", F_MONEY, total_cost),
    FIG("current cost, all cases", F_MONEY, all_cost),
    FIG("points, priced cases", F_POINTS, total_points),
    FIG("cost / points", F_MONEY, ratio_price),
    FIG("cost-neutral flat price a point", F_MONEY, neutral_price),
    FIG("least-squares price a point", F_MONEY, fitted_price),
    FIG("gaining over 10%", F_COUNT, gaining),
    FIG("losing over 10%", F_COUNT, losing),
    FIG("budgets, current table", F_MONEY, current_total),
    FIG("budgets, new table (all cases)", F_MONEY, projected_total),
    FIG("budgets, new table (priced cases)", F_MONEY, projected_priced),
};

static void cell(FILE *out, const ras_calibration_group *g, const figure *f, const char *cur)
{
    const char *at = (const char *)g + f->offset;
    char text[64];
    if (f->kind == F_COUNT) {
        uint64_t v;
        memcpy(&v, at, sizeof v);
        snprintf(text, sizeof text, "%llu", (unsigned long long)v);
    } else if (f->kind == F_POINTS) {
        int64_t v;
        memcpy(&v, at, sizeof v);
        snprintf(text, sizeof text, "%lld", (long long)v);
    } else {
        ras_pence v;
        memcpy(&v, at, sizeof v);
        ras_money_format(v, RAS_MONEY_HUMAN, cur, text, sizeof text);
    }
    fputs("<td class=\"n\">", out);
    ras_html_text(out, text);
    fputs("</td>", out);
}

static void figures_table(FILE *out, const ras_calibration *cal, const char *cur)
{
    fputs("<table>\n<tr><th></th>", out);
    for (size_t g = 0; g < cal->n_groups; g++) {
        fputs("<th>", out);
        ras_html_text(out, cal->groups[g].name);
        fputs("</th>", out);
    }
    fputs("</tr>\n", out);
    for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
        fputs("<tr><th>", out);
        ras_html_text(out, figures[i].label);
        fputs("</th>", out);
        for (size_t g = 0; g < cal->n_groups; g++)
            cell(out, &cal->groups[g], &figures[i], cur);
        fputs("</tr>\n", out);
    }
    fputs("<tr><th>new table's pricing</th>", out);
    for (size_t g = 0; g < cal->n_groups; g++) {
        const ras_calibration_group *s = &cal->groups[g];
        if (g + 1 == cal->n_groups)
            fputs("<td></td>", out);
        else if (!s->repriced)
            fputs("<td>kept</td>", out);
        else if (s->scaled)
            fprintf(out, "<td class=\"n\">own %s &times;%lld.%06lld</td>",
                    cal->latest->groups[g].steps ? "steps" : "bands",
                    (long long)(s->neutral_scale / 1000000),
                    (long long)(s->neutral_scale % 1000000));
        else
            fputs("<td class=\"n\">flat</td>", out);
    }
    fputs("</tr>\n</table>\n", out);
}

static void largest(FILE *out, const ras_calibration_group *g, const char *cur)
{
    if (g->n_largest == 0)
        return;
    fputs("<h3>", out);
    ras_html_text(out, g->name);
    fputs(": largest differences (new - current)</h3>\n<table>\n<tr><th>client</th>"
          "<th>points</th><th>current</th><th>new</th><th>difference</th></tr>\n",
          out);
    for (size_t i = 0; i < g->n_largest; i++) {
        const ras_calibration_diff *d = &g->largest[i];
        char a[48], b[48], c[48];
        ras_money_format(d->current, RAS_MONEY_HUMAN, cur, a, sizeof a);
        ras_money_format(d->projected, RAS_MONEY_HUMAN, cur, b, sizeof b);
        ras_pence v = d->difference;
        ras_money_format(v < 0 ? -v : v, RAS_MONEY_HUMAN, cur, c + 1, sizeof c - 1);
        c[0] = v < 0 ? '-' : '+';
        fputs("<tr><td>", out);
        ras_html_text(out, d->client_id);
        fprintf(out, "</td><td class=\"n\">%lld</td><td class=\"n\">", (long long)d->points);
        ras_html_text(out, a);
        fputs("</td><td class=\"n\">", out);
        ras_html_text(out, b);
        fputs("</td><td class=\"n\">", out);
        ras_html_text(out, c);
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
}

ras_status ras_calibration_write_html(const ras_calibration *cal, const ras_run_info *run,
                                      FILE *out)
{
    if (!cal || !out || !cal->keeps_cases) /* the plot's cases: RAS_CALIBRATE_PLOT */
        return RAS_ERR_ARG;
    const ras_table *t = cal->latest;
    char title[2 * RAS_MAX_ID + 64];
    snprintf(title, sizeof title, "Calibration of %s@%s", t->id, t->version);
    ras_html_begin(out, title);
    ras_html_record(out, cal->model, run, cal->in_name, cal->in_sha256);
    fprintf(out, "<p>Rows: %llu read, %llu used, %llu left out", (unsigned long long)cal->rows,
            (unsigned long long)cal->used, (unsigned long long)cal->errors);
    if (cal->other_version > 0)
        fprintf(out, " (%llu on a questionnaire version the table does not price)",
                (unsigned long long)cal->other_version);
    fputs(".</p>\n", out);
    fputs("<h2>Figures</h2>\n", out);
    figures_table(out, cal, t->currency);
    fputs("<h2>Largest differences</h2>\n", out);
    for (size_t g = 0; g < cal->n_groups; g++)
        largest(out, &cal->groups[g], t->currency);
    fputs("<h2>Cost against points</h2>\n<figure>\n", out);
    ras_status st = ras_calibration_write_svg(cal, out);
    fputs("</figure>\n", out);
    ras_html_end(out);
    return st != RAS_OK || ferror(out) ? RAS_ERR_IO : RAS_OK;
}
