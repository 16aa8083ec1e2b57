/* audit_report.c - the audit's report, as text for the committee and as
 * JSON for machines: the record (record.h), the row counts, the over- and
 * under-payments apart and their net, and the tables used (docs/audit.md). */
#include "json.h"
#include "model.h"
#include "record.h"
#include "report_html.h"

static const char *in_or_dash(const char *in_name)
{
    return in_name ? in_name : "-";
}

static void count(FILE *out, const char *label, uint64_t n)
{
    fprintf(out, "  %-26s %llu\n", label, (unsigned long long)n);
}

/* "£1.00", or with a sign "+£1.00" / "-£1.00" (nothing on zero). */
static void money(FILE *out, ras_pence v, const char *cur, bool sign)
{
    char text[64];
    ras_money_format(v < 0 ? -v : v, RAS_MONEY_HUMAN, cur, text, sizeof text);
    fprintf(out, "%s%s", sign && v != 0 ? (v < 0 ? "-" : "+") : "", text);
}

static void total(FILE *out, const char *label, uint64_t rows, ras_pence v, const char *cur,
                  const char *what)
{
    fprintf(out, "  %-15s %6llu row%s  ", label, (unsigned long long)rows, rows == 1 ? " " : "s");
    money(out, v, cur, false);
    fprintf(out, "%s\n", what);
}

/* Rows re-scored on questionnaire version q: those of the tables that
 * price it (docs/audit.md). */
static uint64_t version_rows(const ras_model *q, const ras_audit_summary *s)
{
    uint64_t n = 0;
    for (size_t i = 0; i < s->n_tables_used && i < RAS_MAX_TABLES; i++) {
        size_t serial = s->tables_used[i].table->serial;
        if (serial >= q->first_serial && serial - q->first_serial < q->n_tables)
            n += s->tables_used[i].rows;
    }
    return n;
}

ras_status ras_audit_summary_write_text(const ras_model *model, const ras_audit_summary *s,
                                        const ras_run_info *run, const char *in_name, FILE *out)
{
    if (!model || !s || !out || model->n_tables == 0)
        return RAS_ERR_ARG;
    const ras_table *latest = ras_model_table_on(model, 0);
    const char *cur = latest->currency;
    char title[RAS_ERROR_FILE_MAX + 16];
    snprintf(title, sizeof title, "audit of %s", in_or_dash(in_name));
    ras_record_text(out, title, model, run, in_or_dash(in_name), s->input_sha256);
    fputs("\nrows\n", out);
    count(out, "read", s->rows);
    count(out, "consistent", s->consistent);
    count(out, "different", s->different);
    count(out, "in error", s->errors);
    fprintf(out, "  %-26s %llu (%s)\n", "no assessed_on", (unsigned long long)s->undated,
            s->dates_required ? "in error: dates are required" : "priced by the latest table");
    count(out, "priced by an older table", s->older);
    fputs("\ndifferences beyond the tolerance of ", out);
    money(out, s->tolerance, cur, false);
    fputs(" (recomputed - recorded)\n", out);
    total(out, "over-payments", s->over, s->over_total, cur, " (recorded more than recomputed)");
    total(out, "under-payments", s->under, s->under_total, cur, " (recorded less than recomputed)");
    fprintf(out, "  %-15s %6llu rows  ", "net", (unsigned long long)s->different);
    money(out, s->total_difference, cur, true);
    if (s->totals_saturated) /* docs/design.md, "Totals" */
        fputs("\n  (a total above is too large to add up: it shows the largest amount that "
              "fits, not the sum)",
              out);
    fputs("\n\ntables used\n", out);
    for (size_t i = 0; i < s->n_tables_used && i < RAS_MAX_TABLES; i++) {
        const ras_table *t = s->tables_used[i].table;
        unsigned long long n = (unsigned long long)s->tables_used[i].rows;
        fprintf(out, "  %s@%s (%s): %llu row%s\n", t->id, t->version,
                t == latest ? "current" : "older", n, n == 1 ? "" : "s");
    }
    if (s->n_tables_used == 0)
        fputs("  none\n", out);
    if (model->n_versions) {
        fputs("\nquestionnaire versions\n", out);
        for (size_t v = 0; v < model->n_versions; v++) {
            const ras_model *q = model->versions[v];
            unsigned long long n = (unsigned long long)version_rows(q, s);
            fprintf(out, "  %s@%s (%s): %llu row%s\n", q->id, q->version,
                    q == model ? "current" : "older", n, n == 1 ? "" : "s");
        }
    }
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}

/* ---- JSON ---------------------------------------------------------- */

static void json_table(FILE *out, const ras_table *t, uint64_t rows, bool latest)
{
    fputs("    {", out);
    ras_json_source(out, "scoring", t->id, t->version, true, t->file, t->fingerprint);
    fprintf(out, ", \"rows\": %llu, \"table\": \"%s\"}", (unsigned long long)rows,
            latest ? "current" : "older");
}

static void json_total(FILE *out, const char *key, uint64_t rows, ras_pence v)
{
    fprintf(out, ",\n  \"%s\": {\"rows\": %llu, \"total\": ", key, (unsigned long long)rows);
    ras_json_money(out, v);
    fputs("}", out);
}

ras_status ras_audit_summary_write_json(const ras_model *model, const ras_audit_summary *s,
                                        const ras_run_info *run, const char *in_name, FILE *out)
{
    if (!model || !s || !out || model->n_tables == 0)
        return RAS_ERR_ARG;
    const ras_table *latest = ras_model_table_on(model, 0);
    fputs("{\n", out);
    ras_record_json(out, "audit", model, run, in_or_dash(in_name), s->input_sha256);
    fputs("  \"input\": ", out);
    ras_json_string(out, in_or_dash(in_name));
    fprintf(out,
            ",\n  \"rows\": %llu,\n  \"consistent\": %llu,\n  \"different\": %llu,\n"
            "  \"errors\": %llu,\n  \"older_table_rows\": %llu,\n  \"undated_rows\": %llu,\n"
            "  \"dates_required\": %s,\n  \"total_difference\": ",
            (unsigned long long)s->rows, (unsigned long long)s->consistent,
            (unsigned long long)s->different, (unsigned long long)s->errors,
            (unsigned long long)s->older, (unsigned long long)s->undated,
            s->dates_required ? "true" : "false");
    ras_json_money(out, s->total_difference);
    json_total(out, "over_payments", s->over, s->over_total);
    json_total(out, "under_payments", s->under, s->under_total);
    if (s->totals_saturated) /* the totals are bounds, not sums */
        fputs(",\n  \"totals_saturated\": true", out);
    fputs(",\n  \"tolerance\": ", out);
    ras_json_money(out, s->tolerance);
    fputs(",\n  \"questionnaire\": {", out);
    ras_json_source(out, "id", model->id, model->version, true, model->file, model->fingerprint);
    fputs("},\n  \"tables\": [", out);
    for (size_t i = 0; i < s->n_tables_used && i < RAS_MAX_TABLES; i++) {
        fputs(i ? ",\n" : "\n", out);
        json_table(out, s->tables_used[i].table, s->tables_used[i].rows,
                   s->tables_used[i].table == latest);
    }
    fputs(s->n_tables_used ? "\n  ]" : "]", out);
    if (model->n_versions) {
        fputs(",\n  \"questionnaire_versions\": [", out);
        for (size_t v = 0; v < model->n_versions; v++) {
            const ras_model *q = model->versions[v];
            fputs(v ? ",\n    {" : "\n    {", out);
            ras_json_source(out, "questionnaire", q->id, q->version, true, q->file, q->fingerprint);
            fprintf(out, ", \"rows\": %llu, \"current\": %s}",
                    (unsigned long long)version_rows(q, s), q == model ? "true" : "false");
        }
        fputs("\n  ]", out);
    }
    fputs("\n}\n", out);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}

/* ---- HTML ---------------------------------------------------------- */

ras_status ras_audit_summary_write_html(const ras_model *model, const ras_audit_summary *s,
                                        const ras_run_info *run, const char *in_name, FILE *out)
{
    if (!model || !s || !out || model->n_tables == 0)
        return RAS_ERR_ARG;
    const ras_table *latest = ras_model_table_on(model, 0);
    const char *cur = latest->currency;
    char title[RAS_ERROR_FILE_MAX + 16], note[96];
    snprintf(title, sizeof title, "Audit of %s", in_or_dash(in_name));
    ras_html_begin(out, title);
    ras_html_record(out, model, run, in_or_dash(in_name), s->input_sha256);
    fputs("<h2>Rows</h2>\n<table>\n", out);
    ras_html_count(out, "read", s->rows, "");
    ras_html_count(out, "consistent", s->consistent, "");
    ras_html_count(out, "different", s->different, "");
    ras_html_count(out, "in error", s->errors, "");
    ras_html_count(out, "no assessed_on", s->undated,
                   s->dates_required ? "in error: dates are required"
                                     : "priced by the latest table");
    ras_html_count(out, "priced by an older table", s->older, "");
    fputs("</table>\n<h2>Differences</h2>\n<p>Recomputed minus recorded, over the rows that "
          "differ by more than the tolerance of ",
          out);
    char tol[64];
    ras_money_format(s->tolerance, RAS_MONEY_HUMAN, cur, tol, sizeof tol);
    ras_html_text(out, tol);
    fputs(".</p>\n<table>\n<tr><th></th><th>rows</th><th>total</th><th></th></tr>\n", out);
    struct {
        const char *label;
        uint64_t rows;
        ras_pence total;
        bool sign;
        const char *what;
    } lines[3] = {
        {"over-payments", s->over, s->over_total, false, "recorded more than recomputed"},
        {"under-payments", s->under, s->under_total, false, "recorded less than recomputed"},
        {"net", s->different, s->total_difference, true, ""},
    };
    for (size_t i = 0; i < 3; i++) {
        char money[64];
        ras_pence v = lines[i].total;
        ras_money_format(v < 0 ? -v : v, RAS_MONEY_HUMAN, cur, money + 1, sizeof money - 1);
        money[0] = v < 0 ? '-' : '+';
        fprintf(out, "<tr><th>%s</th><td class=\"n\">%llu</td><td class=\"n\">", lines[i].label,
                (unsigned long long)lines[i].rows);
        ras_html_text(out, lines[i].sign && v != 0 ? money : money + 1);
        fprintf(out, "</td><td class=\"note\">%s</td></tr>\n", lines[i].what);
    }
    fputs("</table>\n<h2>Tables used</h2>\n<table>\n", out);
    for (size_t i = 0; i < s->n_tables_used && i < RAS_MAX_TABLES; i++) {
        const ras_table *t = s->tables_used[i].table;
        snprintf(note, sizeof note, "%s", t == latest ? "current" : "older");
        char name[2 * RAS_MAX_ID + 2];
        snprintf(name, sizeof name, "%s@%s", t->id, t->version);
        ras_html_count(out, name, s->tables_used[i].rows, note);
    }
    fputs("</table>\n", out);
    ras_html_end(out);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}
