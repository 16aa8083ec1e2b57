/* batch_workbook.c - ras_batch_workbook: a batch written as an Excel
 * workbook (docs/exports.md, "Writing workbooks"). The rows come from
 * batch.c's own loop through a sink (batch_sink.h); this file only lays
 * them out: Results (the CSV's columns, typed), Errors (the rows in
 * error, with their line) and Summary (the run's counts and the model's
 * fingerprints). */
#include <stdio.h>
#include <string.h>

#include "batch_sink.h"
#include "error.h"
#include "model.h"
#include "workbook.h"

enum {
    C_CLIENT,
    C_STATUS,
    C_POINTS,
    C_RAS,
    C_BUDGET,
    C_WEEKLY,
    C_BASIS,
    C_PANEL,
    C_SCORING,
    C_MESSAGE,
    N_COLS
};

static const char *const results_header[N_COLS] = {
    "client_id",     "status", "points", "ras_amount", "indicative_budget",
    "weekly_budget", "basis",  "panel",  "scoring",    "message"};
static const char *const errors_header[] = {"line", "client_id", "message"};

typedef struct batch_book {
    const ras_model *model;
    ras_book book;
    ras_book_sheet results, errors;
} batch_book;

static const char *basis_name(ras_basis b)
{
    switch (b) {
    case RAS_BASIS_EXISTING_PACKAGE: return "existing_package";
    case RAS_BASIS_BELOW_THRESHOLD: return "below_threshold";
    default: return "ras";
    }
}

static void text(ras_book_sheet *s, lxw_col_t col, const char *t)
{
    ras_book_text(s, col, t, strlen(t));
}

static ras_status done_row(batch_book *bb, ras_book_sheet *s, ras_error *err)
{
    if (ras_book_next(s))
        return RAS_OK;
    if (err)
        *err = bb->book.err;
    return bb->book.failed;
}

static ras_status put_ok(void *ctx, unsigned long line, const ras_case *c, const ras_result *r,
                         ras_error *err)
{
    (void)line;
    batch_book *bb = ctx;
    ras_book_sheet *s = &bb->results;
    char scoring[2 * RAS_ERROR_SUBJECT_MAX];
    snprintf(scoring, sizeof scoring, "%s@%s", r->table->id, r->table->version);
    ras_book_text(s, C_CLIENT, c->client_id, c->client_id_len);
    text(s, C_STATUS, "ok");
    ras_book_int(s, C_POINTS, r->total);
    ras_book_money(s, C_RAS, r->ras_amount);
    ras_book_money(s, C_BUDGET, r->budget);
    ras_book_money(s, C_WEEKLY, r->weekly);
    text(s, C_BASIS, basis_name(r->basis));
    text(s, C_PANEL, r->panel ? "yes" : "no");
    text(s, C_SCORING, scoring);
    return done_row(bb, s, err);
}

static ras_status put_error(void *ctx, unsigned long line, const char *client, size_t client_len,
                            const char *message, ras_error *err)
{
    batch_book *bb = ctx;
    ras_book_sheet *s = &bb->results;
    if (client)
        ras_book_text(s, C_CLIENT, client, client_len);
    text(s, C_STATUS, "error");
    text(s, C_MESSAGE, message);
    ras_status st = done_row(bb, s, err);
    if (st != RAS_OK)
        return st;
    s = &bb->errors;
    ras_book_int(s, 0, (int64_t)line);
    if (client)
        ras_book_text(s, 1, client, client_len);
    text(s, 2, message);
    return done_row(bb, s, err);
}

/* One label and a value in column B (and more in C, D). */
static void label(ras_book_sheet *s, const char *name)
{
    ras_book_text(s, 0, name, strlen(name));
}

static void count_row(ras_book_sheet *s, const char *name, uint64_t n)
{
    label(s, name);
    ras_book_int(s, 1, (int64_t)n);
    ras_book_next(s);
}

static void flag_row(ras_book_sheet *s, const char *name, bool v)
{
    label(s, name);
    worksheet_write_boolean(s->ws, s->row, 1, v, NULL);
    ras_book_next(s);
}

/* What reading found (docs/exports.md, "The summary"): a workbook has no
 * encoding or delimiter of its own. */
static void write_read_facts(ras_book_sheet *s, const ras_read_facts *f)
{
    label(s, "kind");
    text(s, 1, f->delimiter ? "csv" : "workbook");
    ras_book_next(s);
    if (f->delimiter) {
        label(s, "encoding");
        text(s, 1, ras_encoding_name(f->encoding));
        ras_book_next(s);
        flag_row(s, "encoding detected", f->encoding_detected);
        flag_row(s, "byte-order mark", f->bom);
        const char delim[2] = {f->delimiter, '\0'};
        label(s, "delimiter");
        text(s, 1, f->delimiter == '\t' ? "tab" : delim);
        ras_book_next(s);
        flag_row(s, "delimiter detected", f->delimiter_detected);
    }
    count_row(s, "bytes", f->bytes);
}

/* Ok rows and their budgets by basis and by group, then the commonest
 * reasons for errors. */
static void write_breakdown(ras_book_sheet *s, const ras_batch_summary *sum)
{
    char item[96];
    for (size_t i = 0; i < 3; i++) {
        const ras_batch_count *c = &sum->by_basis[i];
        snprintf(item, sizeof item, "basis %s", c->name ? c->name : "");
        label(s, item);
        ras_book_money(s, 1, c->total);
        ras_book_int(s, 2, (int64_t)c->rows);
        ras_book_next(s);
    }
    for (size_t i = 0; i < sum->n_groups && i < RAS_BATCH_GROUPS; i++) {
        const ras_batch_count *c = &sum->by_group[i];
        snprintf(item, sizeof item, "group %.80s", c->name ? c->name : "");
        label(s, item);
        ras_book_money(s, 1, c->total);
        ras_book_int(s, 2, (int64_t)c->rows);
        ras_book_next(s);
    }
    for (size_t i = 0; i < sum->n_reasons && i < RAS_BATCH_REASONS; i++) {
        label(s, "error reason");
        text(s, 1, sum->reasons[i].reason);
        ras_book_int(s, 2, (int64_t)sum->reasons[i].rows);
        ras_book_next(s);
    }
    count_row(s, "other error rows", sum->other_reasons);
}

/* The Summary sheet: what `ras batch --summary` writes as JSON, as rows
 * of an item, a value, rows where they apply and a SHA-256. */
static void write_summary(batch_book *bb, const char *in_name, const ras_batch_summary *sum)
{
    static const char *const header[] = {"item", "value", "rows", "sha256"};
    ras_book_sheet s;
    if (!ras_book_sheet_add(&bb->book, &s, "Summary", header, 4, false))
        return;
    label(&s, "input");
    text(&s, 1, in_name);
    if (sum->read.sha256[0])
        text(&s, 3, sum->read.sha256);
    ras_book_next(&s);
    write_read_facts(&s, &sum->read);
    count_row(&s, "rows", sum->rows);
    count_row(&s, "ok", sum->ok);
    count_row(&s, "errors", sum->errors);
    count_row(&s, "panel", sum->panel);
    count_row(&s, "blank rows skipped", sum->read.blank_rows);
    count_row(&s, "duplicate ids", sum->read.duplicate_ids);
    flag_row(&s, "duplicate check capped", sum->read.ids_capped);
    count_row(&s, "literal quotes", sum->read.literal_quotes);
    label(&s, "total budget");
    ras_book_money(&s, 1, sum->total);
    ras_book_next(&s);
    /* docs/design.md, "Totals": a saturated total is a floor */
    flag_row(&s, "total saturated", sum->total_saturated);
    label(&s, "mean budget");
    ras_book_money(&s, 1, ras_batch_mean(sum));
    ras_book_next(&s);
    write_breakdown(&s, sum);
    char idv[2 * RAS_ERROR_SUBJECT_MAX];
    const ras_model *m = bb->model;
    snprintf(idv, sizeof idv, "%s@%s", ras_model_id(m), ras_model_version(m));
    label(&s, "questionnaire");
    text(&s, 1, idv);
    text(&s, 3, ras_model_fingerprint(m));
    ras_book_next(&s);
    for (size_t i = 0; i < sum->n_tables_used && i < RAS_MAX_TABLES; i++) {
        const ras_table *t = sum->tables_used[i].table;
        snprintf(idv, sizeof idv, "%s@%s", ras_table_id(t), ras_table_version(t));
        label(&s, "scoring");
        text(&s, 1, idv);
        ras_book_int(&s, 2, (int64_t)sum->tables_used[i].rows);
        text(&s, 3, ras_table_fingerprint(t));
        ras_book_next(&s);
    }
    worksheet_set_column(s.ws, 0, 0, 22, NULL);
    worksheet_set_column(s.ws, 1, 1, 24, NULL);
    worksheet_set_column(s.ws, 3, 3, 66, NULL);
}

ras_status ras_batch_workbook(const ras_model *model, FILE *in, const char *in_name,
                              const ras_read_options *opts, const char *path,
                              ras_batch_summary *summary, ras_warn_fn warn, void *warn_ctx,
                              ras_error *err)
{
    ras_batch_summary local;
    if (!summary)
        summary = &local;
    memset(summary, 0, sizeof *summary);
    if (!model || !in || !path)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    batch_book bb;
    memset(&bb, 0, sizeof bb);
    bb.model = model;
    ras_status st = ras_book_open(&bb.book, path, err);
    if (st != RAS_OK)
        return st;
    if (ras_book_sheet_add(&bb.book, &bb.results, "Results", results_header, N_COLS, true) &&
        ras_book_sheet_add(&bb.book, &bb.errors, "Errors", errors_header, 3, true)) {
        worksheet_set_column(bb.results.ws, C_CLIENT, C_CLIENT, 14, NULL);
        worksheet_set_column(bb.results.ws, C_RAS, C_WEEKLY, 16, NULL);
        worksheet_set_column(bb.results.ws, C_BASIS, C_BASIS, 16, NULL);
        worksheet_set_column(bb.results.ws, C_SCORING, C_SCORING, 20, NULL);
        worksheet_set_column(bb.results.ws, C_MESSAGE, C_MESSAGE, 60, NULL);
        worksheet_set_column(bb.errors.ws, 2, 2, 80, NULL);
        ras_batch_sink sink = {&bb, put_ok, put_error};
        st = ras_batch_to(model, in, in_name, opts, NULL, &sink, 0, summary, warn, warn_ctx, err);
        ras_book_sheet_end(&bb.results);
        ras_book_sheet_end(&bb.errors);
        if (st == RAS_OK)
            write_summary(&bb, in_name ? in_name : "-", summary);
    }
    ras_error close_err;
    ras_status closed = ras_book_close(&bb.book, &close_err);
    if (st != RAS_OK)
        return st;
    if (closed != RAS_OK && err)
        *err = close_err;
    return closed;
}
