/* audit_workbook.c - ras_audit_workbook: an audit written as an Excel
 * workbook (docs/exports.md, "Writing workbooks"). The rows come from
 * audit.c's own loop through a sink (audit_sink.h); this file lays them
 * out: Differences (the CSV's columns, typed) and Summary (the report:
 * the record, the counts, over- and under-payments and the net, the
 * tables used). */
#include <stdio.h>
#include <string.h>

#include "audit_sink.h"
#include "error.h"
#include "model.h"
#include "workbook.h"

enum {
    C_CLIENT,
    C_RECORDED,
    C_RECOMPUTED,
    C_DIFFERENCE,
    C_BASIS,
    C_QUESTIONNAIRE,
    C_SCORING,
    C_TABLE,
    C_REASON,
    N_COLS
};

static const char *const rows_header[N_COLS] = {"client_id",  "recorded", "recomputed",
                                                "difference", "basis",    "questionnaire",
                                                "scoring",    "table",    "reason"};

static ras_status put_row(void *ctx, const ras_audit_row *row, ras_error *err)
{
    ras_book_sheet *s = ctx;
    if (row->client)
        ras_book_text(s, C_CLIENT, row->client, row->client_len);
    if (row->has_recorded)
        ras_book_money(s, C_RECORDED, row->recorded);
    if (row->table) {
        char scoring[2 * RAS_MAX_ID + 2];
        snprintf(scoring, sizeof scoring, "%s@%s", row->table->id, row->table->version);
        ras_book_money(s, C_RECOMPUTED, row->recomputed);
        if (row->has_difference)
            ras_book_money(s, C_DIFFERENCE, row->difference);
        ras_book_cstr(s, C_BASIS, row->basis);
        char version[4 * RAS_MAX_ID + 2]; /* the questionnaire version, as in the CSV */
        snprintf(version, sizeof version, "%s@%s", row->questionnaire->id,
                 row->questionnaire->version);
        ras_book_cstr(s, C_QUESTIONNAIRE, version);
        ras_book_cstr(s, C_SCORING, scoring);
        ras_book_cstr(s, C_TABLE, row->current ? "current" : "older");
    }
    ras_book_text(s, C_REASON, row->reason, row->reason_len);
    ras_book_next(s);
    return ras_book_status(s->book, err);
}

static void write_summary(ras_book *b, const ras_model *m, const ras_audit_summary *a,
                          const ras_run_info *run, const char *in_name)
{
    ras_book_sheet s;
    if (!ras_book_summary(b, &s, m, run, in_name, a->input_sha256))
        return;
    const ras_table *latest = ras_model_table_on(m, 0);
    ras_book_summary_count(&s, "rows read", a->rows, NULL);
    ras_book_summary_count(&s, "consistent", a->consistent, NULL);
    ras_book_summary_count(&s, "different", a->different, NULL);
    ras_book_summary_count(&s, "in error", a->errors, NULL);
    ras_book_summary_count(&s, "no assessed_on", a->undated,
                           a->dates_required ? "in error: dates are required"
                                             : "priced by the latest table");
    ras_book_summary_count(&s, "priced by an older table", a->older, NULL);
    ras_book_cstr(&s, RAS_BOOK_ITEM, "tolerance");
    ras_book_money(&s, RAS_BOOK_VALUE, a->tolerance);
    ras_book_next(&s);
    /* docs/design.md, "Totals": a saturated total is a bound */
    const char *bound =
        a->totals_saturated ? "; too large to add up: the largest amount that fits" : "";
    char note[128];
    snprintf(note, sizeof note, "recorded more than recomputed%s", bound);
    ras_book_summary_money(&s, "over-payments", a->over_total, a->over, note);
    snprintf(note, sizeof note, "recorded less than recomputed%s", bound);
    ras_book_summary_money(&s, "under-payments", a->under_total, a->under, note);
    snprintf(note, sizeof note, "recomputed - recorded%s", bound);
    ras_book_summary_money(&s, "net", a->total_difference, a->different, note);
    for (size_t i = 0; i < a->n_tables_used && i < RAS_MAX_TABLES; i++) {
        const ras_table *t = a->tables_used[i].table;
        char idv[2 * RAS_MAX_ID + 2];
        snprintf(idv, sizeof idv, "%s@%s", t->id, t->version);
        ras_book_cstr(&s, RAS_BOOK_ITEM, "table used");
        ras_book_cstr(&s, RAS_BOOK_VALUE, idv);
        ras_book_int(&s, RAS_BOOK_ROWS, (int64_t)a->tables_used[i].rows);
        ras_book_cstr(&s, RAS_BOOK_NOTE, t == latest ? "current" : "older");
        ras_book_cstr(&s, RAS_BOOK_SHA256, t->fingerprint);
        ras_book_next(&s);
    }
}

ras_status ras_audit_workbook(const ras_model *model, FILE *in, const char *in_name,
                              const ras_read_options *opts, const char *path, ras_pence tolerance,
                              unsigned flags, const ras_run_info *run, ras_audit_summary *summary,
                              ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    ras_audit_summary local;
    if (!summary)
        summary = &local;
    memset(summary, 0, sizeof *summary);
    if (!model || !in || !path || tolerance < 0 || model->n_tables == 0)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    ras_book book;
    ras_book_sheet rows;
    ras_status st = ras_book_open(&book, path, err);
    if (st != RAS_OK)
        return st;
    if (ras_book_sheet_add(&book, &rows, "Differences", rows_header, N_COLS, true)) {
        worksheet_set_column(rows.ws, C_CLIENT, C_CLIENT, 14, NULL);
        worksheet_set_column(rows.ws, C_RECORDED, C_DIFFERENCE, 14, NULL);
        worksheet_set_column(rows.ws, C_BASIS, C_SCORING, 18, NULL);
        worksheet_set_column(rows.ws, C_REASON, C_REASON, 60, NULL);
        ras_audit_sink sink = {&rows, put_row};
        st = ras_audit_to(model, in, in_name, opts, NULL, &sink, tolerance, flags, summary, warn,
                          warn_ctx, err);
        ras_book_sheet_end(&rows);
        if (st == RAS_OK)
            write_summary(&book, model, summary, run, in_name ? in_name : "-");
    }
    ras_error close_err;
    ras_status closed = ras_book_close(&book, &close_err);
    if (st != RAS_OK)
        return st;
    if (closed != RAS_OK && err)
        *err = close_err;
    return closed;
}
