/* compare_html.c - the comparison as an HTML page to file before a
 * committee: the record with both tables, the totals, the gains and
 * losses, the tables per group, points band and --by category (the
 * equality impact table, small categories marked), the largest changes
 * and two pictures (docs/compare.md, "The HTML page"). */
#include <string.h>

#include "compare.h"
#include "report_html.h"
#include "svg.h"

static const char more_style[] = "table.figures { font-size: 8.5pt; }\n"
                                 "table.figures th, table.figures td { padding-right: 0.7em; }\n"
                                 "tr.small th, tr.small td { background: #fff1d6; }\n"
                                 ".warn { color: #8a4b00; font-weight: bold; }\n"
                                 "figcaption { color: #555; font-size: 9.5pt; }\n";

static void money_cell(FILE *out, ras_pence v, const char *cur, bool sign)
{
    char text[64];
    ras_money_format(v < 0 ? -v : v, RAS_MONEY_HUMAN, cur, text + 1, sizeof text - 1);
    text[0] = v < 0 ? '-' : '+';
    fputs("<td class=\"n\">", out);
    ras_html_text(out, sign && v != 0 ? text : text + 1);
    fputs("</td>", out);
}

static void count_cell(FILE *out, uint64_t n)
{
    fprintf(out, "<td class=\"n\">%llu</td>", (unsigned long long)n);
}

static void totals(FILE *out, const ras_compare_figures *f, const char *cur)
{
    static const char *const pct[RAS_COMPARE_STEPS] = {"0%", "5%", "10%"};
    char change[32];
    ras_compare_percent(change, sizeof change, f->after - f->before, f->before);
    fputs("<h2>Totals</h2>\n<table>\n", out);
    ras_html_money(out, "before (old table)", f->before, cur, false, "");
    ras_html_money(out, "after (new table)", f->after, cur, false, "");
    ras_html_money(out, "change", f->after - f->before, cur, true, change);
    ras_html_count(out, "unchanged", f->unchanged, "cases");
    fputs("</table>\n<h2>Gains and losses</h2>\n<table>\n<tr><th></th><th>cases</th>"
          "<th>total change</th></tr>\n",
          out);
    for (int lose = 0; lose < 2; lose++)
        for (size_t i = 0; i < RAS_COMPARE_STEPS; i++) {
            fprintf(out, "<tr><th>%s more than %s</th>", lose ? "losing" : "gaining", pct[i]);
            count_cell(out, lose ? f->losing[i] : f->gaining[i]);
            money_cell(out, lose ? f->lost[i] : f->gained[i], cur, true);
            fputs("</tr>\n", out);
        }
    fputs("</table>\n", out);
}

static void figures_head(FILE *out, const char *what)
{
    fputs("<table class=\"figures\">\n<tr><th>", out);
    ras_html_text(out, what);
    fputs("</th><th>cases</th><th>before</th><th>after</th><th>change</th><th>%</th>"
          "<th>up &gt;0%</th><th>up &gt;5%</th><th>up &gt;10%</th>"
          "<th>down &gt;0%</th><th>down &gt;5%</th><th>down &gt;10%</th></tr>\n",
          out);
}

static void figures_row(FILE *out, const ras_compare_figures *f, const char *cur, bool small)
{
    char pct[32];
    ras_compare_percent(pct, sizeof pct, f->after - f->before, f->before);
    fputs(small ? "<tr class=\"small\"><th>" : "<tr><th>", out);
    ras_html_text(out, f->name);
    fprintf(out, "%s</th>", small ? " *" : "");
    count_cell(out, f->cases);
    money_cell(out, f->before, cur, false);
    money_cell(out, f->after, cur, false);
    money_cell(out, f->after - f->before, cur, true);
    fputs("<td class=\"n\">", out);
    ras_html_text(out, pct);
    fputs("</td>", out);
    for (size_t i = 0; i < RAS_COMPARE_STEPS; i++)
        count_cell(out, f->gaining[i]);
    for (size_t i = 0; i < RAS_COMPARE_STEPS; i++)
        count_cell(out, f->losing[i]);
    fputs("</tr>\n", out);
}

/* One breakdown: a heading, a row per part and, for the groups and the
 * bands, the whole; a --by column's small categories marked, with the
 * warning under the table. */
static void breakdown(FILE *out, const char *heading, const char *what,
                      const ras_compare_figures *f, size_t n, const ras_compare_figures *all,
                      bool flag_small, const char *cur)
{
    bool any_small = false;
    fputs("<h2>", out);
    ras_html_text(out, heading);
    fputs("</h2>\n", out);
    figures_head(out, what);
    for (size_t i = 0; i < n; i++) {
        bool small = flag_small && f[i].cases < RAS_COMPARE_SMALL;
        figures_row(out, &f[i], cur, small);
        any_small = any_small || small;
    }
    if (all)
        figures_row(out, all, cur, false);
    fputs("</table>\n", out);
    if (any_small)
        fprintf(out,
                "<p class=\"warn\">* fewer than %d people: a person could be identified; do not "
                "publish these figures.</p>\n",
                RAS_COMPARE_SMALL);
}

static void by_columns(FILE *out, const ras_comparison *cmp, const char *cur)
{
    for (size_t i = 0; i < cmp->n_by; i++) {
        const ras_compare_by *by = &cmp->by[i];
        char heading[128];
        snprintf(heading, sizeof heading, "By %s", by->name);
        if (by->col < 0) {
            fputs("<h2>", out);
            ras_html_text(out, heading);
            fputs("</h2>\n<p class=\"warn\">No such column in the input.</p>\n", out);
            continue;
        }
        breakdown(out, heading, by->name, by->cats, by->n_cats, NULL, true, cur);
    }
}

static void largest(FILE *out, const ras_comparison *cmp, bool gains, const char *cur)
{
    size_t n;
    const ras_compare_change *list = ras_comparison_largest(cmp, gains, &n);
    fprintf(out, "<h2>Largest %s</h2>\n", gains ? "gains" : "losses");
    if (n == 0) {
        fputs("<p>None.</p>\n", out);
        return;
    }
    fputs("<table>\n<tr><th>client</th><th>group</th><th>points</th><th>before</th>"
          "<th>after</th><th>change</th></tr>\n",
          out);
    for (size_t i = 0; i < n; i++) {
        fputs("<tr><td>", out);
        ras_html_text(out, list[i].client_id);
        fputs("</td><td>", out);
        ras_html_text(out, list[i].group);
        fprintf(out, "</td><td class=\"n\">%lld</td>", (long long)list[i].points);
        money_cell(out, list[i].before, cur, false);
        money_cell(out, list[i].after, cur, false);
        money_cell(out, list[i].change, cur, true);
        fputs("</tr>\n", out);
    }
    fputs("</table>\n", out);
}

static void pictures(FILE *out, const ras_comparison *cmp)
{
    fputs("<h2>Changes</h2>\n<figure>\n", out);
    ras_compare_histogram_svg(cmp, out);
    fputs("<figcaption>Each bar counts the cases whose budget changes by that much, in percent "
          "of the old budget; the grey bar counts those unchanged.</figcaption>\n</figure>\n"
          "<h2>Before and after</h2>\n<figure>\n",
          out);
    ras_compare_scatter_svg(cmp, out);
    fputs("<figcaption>Each dot is a case: its budget under the old table across, under the new "
          "up. Above the dashed line it gains; below, it loses. ",
          out);
    if (cmp->stride == 1) {
        fputs("All ", out);
        ras_svg_count(out, cmp->all.cases);
        fputs(" priced cases are shown.", out);
    } else {
        ras_svg_count(out, cmp->n_sample);
        fputs(" of the ", out);
        ras_svg_count(out, cmp->all.cases);
        fputs(" priced cases are shown: the first and one in every ", out);
        ras_svg_count(out, cmp->stride);
        fputs(" after it, in the order of the input.", out);
    }
    fputs("</figcaption>\n</figure>\n", out);
}

ras_status ras_comparison_write_html(const ras_comparison *cmp, const ras_run_info *run, FILE *out)
{
    if (!cmp || !out)
        return RAS_ERR_ARG;
    const char *cur = cmp->from->currency;
    char title[RAS_ERROR_FILE_MAX + 32];
    snprintf(title, sizeof title, "Comparison over %s", cmp->in_name);
    ras_html_begin_styled(out, title, more_style);
    fputs("<p>Every case priced under the old table and under the new: who gains, who loses, by "
          "how much and in which groups.</p>\n",
          out);
    ras_html_record_open(out, cmp->model, run, cmp->in_name, cmp->in_sha256);
    ras_html_file_row(out, "old table", cmp->from->id, cmp->from->version, cmp->from->file,
                      cmp->from->fingerprint);
    ras_html_file_row(out, "new table", cmp->to->id, cmp->to->version, cmp->to->file,
                      cmp->to->fingerprint);
    fprintf(out, "<tr><th>rows</th><td>%llu read, %llu priced under both, %llu in error",
            (unsigned long long)cmp->rows, (unsigned long long)cmp->all.cases,
            (unsigned long long)cmp->errors);
    if (cmp->other_version > 0)
        fprintf(out, " (%llu on a questionnaire version a table does not price)",
                (unsigned long long)cmp->other_version);
    fputs("</td></tr>\n</table>\n", out);
    totals(out, &cmp->all, cur);
    breakdown(out, "By group", "group", cmp->groups, cmp->n_groups, &cmp->all, false, cur);
    breakdown(out, "By points band", "points", cmp->bands, cmp->n_bands, &cmp->all, false, cur);
    by_columns(out, cmp, cur);
    largest(out, cmp, true, cur);
    largest(out, cmp, false, cur);
    pictures(out, cmp);
    ras_html_end(out);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}
