/* compare_report.c - the comparison's report: text for a committee, JSON
 * for machines (docs/compare.md). Both begin with the record. */
#include <string.h>

#include "compare.h"
#include "json.h"
#include "num.h"
#include "record.h"

static void money(FILE *out, ras_pence v, const char *cur, bool sign)
{
    char text[64];
    ras_money_format(v < 0 ? -v : v, RAS_MONEY_HUMAN, cur, text, sizeof text);
    fprintf(out, "%s%s", sign && v != 0 ? (v < 0 ? "-" : "+") : "", text);
}

/* In whole numbers: tenths of a percent, half away from zero. */
void ras_compare_percent(char *buf, size_t size, ras_pence change, ras_pence before)
{
    int64_t scaled;
    if (before <= 0 || !ras_mul_i64(change < 0 ? -change : change, 1000, &scaled)) {
        snprintf(buf, size, "n/a");
        return;
    }
    int64_t tenths = ras_div_round_half_up(scaled, before);
    snprintf(buf, size, "%s%lld.%lld%%",
             change < 0   ? "-"
             : change > 0 ? "+"
                          : "",
             (long long)(tenths / 10), (long long)(tenths % 10));
}

static void percent(FILE *out, ras_pence change, ras_pence before)
{
    char text[32];
    ras_compare_percent(text, sizeof text, change, before);
    fputs(text, out);
}

static void text_head(FILE *out, const char *what)
{
    fprintf(out, "\n%-22s %7s %15s %15s %14s %7s %7s %7s %7s %7s %7s\n", what, "cases", "before",
            "after", "change", "up>0%", "up>5%", "up>10%", "dn>0%", "dn>5%", "dn>10%");
}

static void text_line(FILE *out, const ras_compare_figures *f, const char *cur, bool flag_small)
{
    char b[48], a[48], c[48];
    ras_money_format(f->before, RAS_MONEY_HUMAN, cur, b, sizeof b);
    ras_money_format(f->after, RAS_MONEY_HUMAN, cur, a, sizeof a);
    ras_pence ch = f->after - f->before;
    ras_money_format(ch < 0 ? -ch : ch, RAS_MONEY_HUMAN, cur, c + 1, sizeof c - 1);
    c[0] = ch < 0 ? '-' : '+';
    bool small = flag_small && f->cases < RAS_COMPARE_SMALL;
    char name[64];
    snprintf(name, sizeof name, "%s%s", f->name, small ? " *" : "");
    /* padded to 22 characters, not bytes: a category may be "Södermalm" */
    int shown = 0;
    for (const char *p = name; *p; p++)
        shown += ((unsigned char)*p & 0xC0) != 0x80 ? 1 : 0;
    fprintf(out, "%s%*s %7llu %15s %15s %14s", name, shown < 22 ? 22 - shown : 0, "",
            (unsigned long long)f->cases, b, a, ch ? c : c + 1);
    for (size_t i = 0; i < RAS_COMPARE_STEPS; i++)
        fprintf(out, " %7llu", (unsigned long long)f->gaining[i]);
    for (size_t i = 0; i < RAS_COMPARE_STEPS; i++)
        fprintf(out, " %7llu", (unsigned long long)f->losing[i]);
    fputc('\n', out);
}

static void text_totals(FILE *out, const ras_compare_figures *f, const char *cur)
{
    static const char *const pct[RAS_COMPARE_STEPS] = {"0%", "5%", "10%"};
    fputs("\ntotals\n  before (old table)     ", out);
    money(out, f->before, cur, false);
    fputs("\n  after (new table)      ", out);
    money(out, f->after, cur, false);
    fputs("\n  change                 ", out);
    money(out, f->after - f->before, cur, true);
    fputs(" (", out);
    percent(out, f->after - f->before, f->before);
    fprintf(out, ")\n  unchanged              %llu cases\n", (unsigned long long)f->unchanged);
    for (size_t i = 0; i < RAS_COMPARE_STEPS; i++) {
        fprintf(out, "  gaining more than %-4s %llu cases, ", pct[i],
                (unsigned long long)f->gaining[i]);
        money(out, f->gained[i], cur, true);
        fputc('\n', out);
    }
    for (size_t i = 0; i < RAS_COMPARE_STEPS; i++) {
        fprintf(out, "  losing more than %-5s %llu cases, ", pct[i],
                (unsigned long long)f->losing[i]);
        money(out, f->lost[i], cur, true);
        fputc('\n', out);
    }
}

static void text_largest(FILE *out, const ras_comparison *cmp, bool gains, const char *cur)
{
    size_t n;
    const ras_compare_change *list = ras_comparison_largest(cmp, gains, &n);
    fprintf(out, "\nlargest %s\n", gains ? "gains" : "losses");
    if (n == 0) {
        fputs("  none\n", out);
        return;
    }
    fprintf(out, "  %-16s %-20s %7s %15s %15s %14s\n", "client", "group", "points", "before",
            "after", "change");
    for (size_t i = 0; i < n; i++) {
        char b[48], a[48], c[48];
        ras_money_format(list[i].before, RAS_MONEY_HUMAN, cur, b, sizeof b);
        ras_money_format(list[i].after, RAS_MONEY_HUMAN, cur, a, sizeof a);
        ras_pence ch = list[i].change;
        ras_money_format(ch < 0 ? -ch : ch, RAS_MONEY_HUMAN, cur, c + 1, sizeof c - 1);
        c[0] = ch < 0 ? '-' : '+';
        fprintf(out, "  %-16s %-20s %7lld %15s %15s %14s\n", list[i].client_id, list[i].group,
                (long long)list[i].points, b, a, c);
    }
}

static void text_table_line(FILE *out, const char *what, const ras_table *t)
{
    fprintf(out, "  %-14s %s@%s, %s\n  %-14s sha256 %s\n", what, t->id, t->version, t->file, "",
            t->fingerprint);
}

ras_status ras_comparison_write_text(const ras_comparison *cmp, const ras_run_info *run, FILE *out)
{
    if (!cmp || !out)
        return RAS_ERR_ARG;
    const char *cur = cmp->from->currency;
    char title[RAS_ERROR_FILE_MAX + 32];
    snprintf(title, sizeof title, "comparison over %s", cmp->in_name);
    ras_record_text(out, title, cmp->model, run, cmp->in_name, cmp->in_sha256);
    text_table_line(out, "old table", cmp->from);
    text_table_line(out, "new table", cmp->to);
    fprintf(out, "  %-14s %llu read, %llu priced under both, %llu in error", "rows",
            (unsigned long long)cmp->rows, (unsigned long long)cmp->all.cases,
            (unsigned long long)cmp->errors);
    if (cmp->other_version > 0)
        fprintf(out, " (%llu on a questionnaire version a table does not price)",
                (unsigned long long)cmp->other_version);
    fputc('\n', out);
    text_totals(out, &cmp->all, cur);
    fputs("\nwho gains and who loses: cases whose budget goes up (up) or down (dn) by more\n"
          "than 0%, 5% and 10% of the old budget\n",
          out);
    text_head(out, "group");
    for (size_t g = 0; g < cmp->n_groups; g++)
        text_line(out, &cmp->groups[g], cur, false);
    text_line(out, &cmp->all, cur, false);
    text_head(out, "points");
    for (size_t b = 0; b < cmp->n_bands; b++)
        text_line(out, &cmp->bands[b], cur, false);
    bool any_small = false;
    for (size_t i = 0; i < cmp->n_by; i++) {
        const ras_compare_by *by = &cmp->by[i];
        text_head(out, by->name);
        if (by->col < 0)
            fputs("  (no such column in the input)\n", out);
        for (size_t k = 0; k < by->n_cats; k++) {
            text_line(out, &by->cats[k], cur, true);
            any_small = any_small || by->cats[k].cases < RAS_COMPARE_SMALL;
        }
    }
    if (any_small)
        fprintf(out,
                "\n* fewer than %d people: a person could be identified; do not publish "
                "these figures\n",
                RAS_COMPARE_SMALL);
    text_largest(out, cmp, true, cur);
    text_largest(out, cmp, false, cur);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}

/* ---- JSON ------------------------------------------------------------ */

static void json_counts(FILE *out, const char *key, const uint64_t *n, const ras_pence *total)
{
    static const char *const pct[RAS_COMPARE_STEPS] = {"0", "5", "10"};
    fprintf(out, ", \"%s\": [", key);
    for (size_t i = 0; i < RAS_COMPARE_STEPS; i++) {
        fprintf(out, "%s{\"more_than_pct\": %s, \"cases\": %llu, \"total\": ", i ? ", " : "",
                pct[i], (unsigned long long)n[i]);
        ras_json_money(out, total[i]);
        fputs("}", out);
    }
    fputs("]", out);
}

static void json_figures(FILE *out, const ras_compare_figures *f, bool flag_small)
{
    fputs("{\"name\": ", out);
    ras_json_string(out, f->name);
    fprintf(out, ", \"cases\": %llu, \"before\": ", (unsigned long long)f->cases);
    ras_json_money(out, f->before);
    fputs(", \"after\": ", out);
    ras_json_money(out, f->after);
    fputs(", \"change\": ", out);
    ras_json_money(out, f->after - f->before);
    fprintf(out, ", \"unchanged\": %llu", (unsigned long long)f->unchanged);
    json_counts(out, "gaining", f->gaining, f->gained);
    json_counts(out, "losing", f->losing, f->lost);
    if (flag_small)
        fprintf(out, ", \"fewer_than_%d\": %s", RAS_COMPARE_SMALL,
                f->cases < RAS_COMPARE_SMALL ? "true" : "false");
    fputs("}", out);
}

static void json_list(FILE *out, const char *key, const ras_compare_figures *f, size_t n,
                      bool flag_small)
{
    fprintf(out, ",\n  \"%s\": [", key);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",\n    " : "\n    ", out);
        json_figures(out, &f[i], flag_small);
    }
    fputs(n ? "\n  ]" : "]", out);
}

static void json_largest(FILE *out, const ras_comparison *cmp, bool gains)
{
    size_t n;
    const ras_compare_change *list = ras_comparison_largest(cmp, gains, &n);
    fprintf(out, ",\n  \"largest_%s\": [", gains ? "gains" : "losses");
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",\n    {\"client_id\": " : "\n    {\"client_id\": ", out);
        ras_json_string(out, list[i].client_id);
        fputs(", \"group\": ", out);
        ras_json_string(out, list[i].group);
        fprintf(out, ", \"points\": %lld, \"before\": ", (long long)list[i].points);
        ras_json_money(out, list[i].before);
        fputs(", \"after\": ", out);
        ras_json_money(out, list[i].after);
        fputs(", \"change\": ", out);
        ras_json_money(out, list[i].change);
        fputs("}", out);
    }
    fputs(n ? "\n  ]" : "]", out);
}

ras_status ras_comparison_write_json(const ras_comparison *cmp, const ras_run_info *run, FILE *out)
{
    if (!cmp || !out)
        return RAS_ERR_ARG;
    fputs("{\n", out);
    ras_record_json(out, "comparison", cmp->model, run, cmp->in_name, cmp->in_sha256);
    fputs("  \"old_table\": {", out);
    ras_json_source(out, "id", cmp->from->id, cmp->from->version, true, cmp->from->file,
                    cmp->from->fingerprint);
    fputs("},\n  \"new_table\": {", out);
    ras_json_source(out, "id", cmp->to->id, cmp->to->version, true, cmp->to->file,
                    cmp->to->fingerprint);
    fprintf(out,
            "},\n  \"rows\": %llu, \"priced\": %llu, \"errors\": %llu, \"other_version\": "
            "%llu,\n  \"all\": ",
            (unsigned long long)cmp->rows, (unsigned long long)cmp->all.cases,
            (unsigned long long)cmp->errors, (unsigned long long)cmp->other_version);
    json_figures(out, &cmp->all, false);
    json_list(out, "groups", cmp->groups, cmp->n_groups, false);
    json_list(out, "points_bands", cmp->bands, cmp->n_bands, false);
    fputs(",\n  \"by\": [", out);
    for (size_t i = 0; i < cmp->n_by; i++) {
        fputs(i ? ",\n    {\"column\": " : "\n    {\"column\": ", out);
        ras_json_string(out, cmp->by[i].name);
        fprintf(out, ", \"found\": %s, \"categories\": [", cmp->by[i].col >= 0 ? "true" : "false");
        for (size_t k = 0; k < cmp->by[i].n_cats; k++) {
            fputs(k ? ",\n      " : "\n      ", out);
            json_figures(out, &cmp->by[i].cats[k], true);
        }
        fputs(cmp->by[i].n_cats ? "\n    ]}" : "]}", out);
    }
    fputs(cmp->n_by ? "\n  ]" : "]", out);
    json_largest(out, cmp, true);
    json_largest(out, cmp, false);
    fputs("\n}\n", out);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}
