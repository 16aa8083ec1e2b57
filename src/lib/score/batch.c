/* batch.c - ras_batch: scoring a CSV stream of cases into an output CSV
 * (docs/model-format.md section 7 and ras(1), batch).
 *
 * The header is bound to the client fields and the questionnaire once
 * (case_rows.h), so a row does no name lookups. Each row reuses one case
 * and one result, fields come as views into the reader's buffer and
 * output goes through a fixed buffer with hand-written number formatting
 * (outbuf.h): memory stays flat however many rows there are. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_sink.h"
#include "case_rows.h"
#include "csv.h"
#include "error.h"
#include "hash_read.h"
#include "model.h"
#include "num.h"
#include "outbuf.h"
#include "records.h"
#include "reasons.h"
#include "result.h"
#include "rows_versions.h"

static const char out_header[] =
    "client_id,status,points,ras_amount,indicative_budget,weekly_budget,basis,panel,scoring,"
    "message\n";

typedef struct batch {
    const ras_model *model;
    FILE *in;
    const char *in_name;
    ras_csv csv;
    ras_rows rows;
    ras_outbuf out;
    ras_case *c;
    ras_result *r;
    ras_row_versions versions; /* rows on an older questionnaire version */
    char **scoring;            /* per model table: "ID@VERSION", CSV-quoted if need be */
    size_t *scoring_len;
    uint64_t *table_rows; /* per model table */
    ras_batch_summary *sum;
    const ras_batch_sink *sink; /* NULL: the rows go to out as CSV */
    /* ok rows and budgets per table's group: group g of table t at
     * group_at[t] + g */
    size_t *group_at;
    ras_batch_count *groups;
    ras_reasons reasons;
} batch;

/* A counter for each group of each table, so an ok row counts its group
 * by index; they are put together by name at the end (summarise). */
static ras_status prepare_groups(batch *b, ras_error *err)
{
    size_t n = b->model->n_all_tables, total = 0; /* every version's tables, by serial */
    b->group_at = calloc(n ? n : 1, sizeof *b->group_at);
    for (size_t t = 0; b->group_at && t < n; t++) {
        b->group_at[t] = total;
        total += ras_model_all_table(b->model, t)->n_groups;
    }
    b->groups = calloc(total ? total : 1, sizeof *b->groups);
    if (!b->group_at || !b->groups)
        return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    for (size_t t = 0; t < n; t++) {
        const ras_table *table = ras_model_all_table(b->model, t);
        for (size_t g = 0; g < table->n_groups; g++)
            b->groups[b->group_at[t] + g].name = table->groups[g].name;
    }
    return RAS_OK;
}

/* "ID@VERSION" of every table, ready to copy into rows. */
static ras_status prepare_tables(batch *b, ras_error *err)
{
    size_t n = b->model->n_all_tables;
    b->scoring = calloc(n ? n : 1, sizeof *b->scoring);
    b->scoring_len = calloc(n ? n : 1, sizeof *b->scoring_len);
    b->table_rows = calloc(n ? n : 1, sizeof *b->table_rows);
    if (!b->scoring || !b->scoring_len || !b->table_rows)
        return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const ras_table *t = ras_model_all_table(b->model, i);
        size_t len = strlen(t->id) + 1 + strlen(t->version);
        char *raw = malloc(len + 1);
        /* Quoting at most doubles it, plus the guard and two quotes. */
        char *field = malloc(2 * len + 3);
        if (!raw || !field) {
            free(raw);
            free(field);
            return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        }
        snprintf(raw, len + 1, "%s@%s", t->id, t->version);
        b->scoring_len[i] = (size_t)(ras_put_field(field, raw, len, b->out.raw_text) - field);
        b->scoring[i] = field;
        free(raw);
    }
    return prepare_groups(b, err);
}

/* ---- rows --------------------------------------------------------- */

/* An error row: the client id as given (when it is valid text), status
 * error, the reason. */
static ras_status error_row(batch *b, ras_error *err, const char *fmt, ...) RAS_PRINTF(3, 4);

static ras_status error_row(batch *b, ras_error *err, const char *fmt, ...)
{
    ras_csv_field field;
    const ras_csv_field *f = ras_rows_client(&b->rows, &b->csv, &field) ? &field : NULL;
    char msg[RAS_ERROR_MESSAGE_MAX + 64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    b->sum->errors++;
    ras_reasons_add(&b->reasons, msg);
    if (b->sink)
        return b->sink->error(b->sink->ctx, b->csv.record_line, f ? f->text : NULL, f ? f->len : 0,
                              msg, err);
    if (f)
        ras_outbuf_field(&b->out, f->text, f->len);
    ras_outbuf_bytes(&b->out, ",error,,,,,,,,", 14);
    ras_outbuf_field(&b->out, msg, strlen(msg));
    ras_outbuf_char(&b->out, '\n');
    return RAS_OK;
}

/* A scored row as CSV. */
static void ok_csv(batch *b, const ras_case *c, const ras_result *res, size_t t)
{
    ras_outbuf *o = &b->out;
    /* The client id and the figures have a bounded length: written at
     * once. */
    char *p = ras_outbuf_room(o, 2 * RAS_MAX_CLIENT_ID + 3 + 4 * RAS_PUT_NUMBER_MAX + 32);
    p = ras_put_field(p, c->client_id, c->client_id_len, o->raw_text);
    p = ras_put_bytes(p, ",ok,", 4);
    p = ras_put_int(p, res->total);
    *p++ = ',';
    char *amount = p;
    p = ras_put_money(p, res->ras_amount);
    size_t amount_len = (size_t)(p - amount);
    *p++ = ',';
    if (res->budget == res->ras_amount) { /* the usual row: copied, not written again */
        ras_copy_short(p, amount, amount_len);
        p += amount_len;
    } else {
        p = ras_put_money(p, res->budget);
    }
    *p++ = ',';
    p = ras_put_money(p, res->weekly);
    switch (res->basis) {
    case RAS_BASIS_RAS: p = ras_put_bytes(p, ",ras,", 5); break;
    case RAS_BASIS_EXISTING_PACKAGE: p = ras_put_bytes(p, ",existing_package,", 18); break;
    case RAS_BASIS_BELOW_THRESHOLD: p = ras_put_bytes(p, ",below_threshold,", 17); break;
    }
    p = res->panel ? ras_put_bytes(p, "yes,", 4) : ras_put_bytes(p, "no,", 3);
    ras_outbuf_done(o, p);
    ras_outbuf_bytes(o, b->scoring[t], b->scoring_len[t]);
    ras_outbuf_bytes(o, ",\n", 2);
}

static ras_status ok_row(batch *b, const ras_case *c, const ras_result *res, ras_error *err)
{
    size_t t = res->table->serial;
    if (!b->sink) {
        ok_csv(b, c, res, t);
    } else {
        ras_status st = b->sink->ok(b->sink->ctx, b->csv.record_line, c, res, err);
        if (st != RAS_OK)
            return st;
    }
    ras_batch_summary *s = b->sum;
    s->ok++;
    s->panel += res->panel ? 1 : 0;
    b->table_rows[t]++;
    ras_add_saturating(&s->total, res->budget, &s->total_saturated);
    /* Each is at most the total: one that would pass 64 bits marks it too. */
    ras_batch_count *basis = &s->by_basis[res->basis];
    ras_batch_count *group = &b->groups[b->group_at[t] + res->group_index];
    basis->rows++;
    ras_add_saturating(&basis->total, res->budget, &s->total_saturated);
    group->rows++;
    ras_add_saturating(&group->total, res->budget, &s->total_saturated);
    return RAS_OK;
}

static ras_status score_row(batch *b, ras_error *err)
{
    char msg[RAS_ERROR_MESSAGE_MAX + 64];
    b->sum->rows++;
    ras_row_pick p; /* the row's questionnaire version */
    ras_row_versions_pick(&b->versions, &b->rows, b->c, b->r, &b->csv, &p);
    if (p.why)
        return error_row(b, err, "line %lu: %s", b->csv.record_line, p.why);
    if (!ras_rows_load(p.rows, &b->csv, p.c, msg, sizeof msg))
        return error_row(b, err, "%s", msg);
    ras_error e;
    if (ras_score(p.model, p.c, p.r, &e) != RAS_OK)
        return error_row(b, err, "line %lu: %s", b->csv.record_line, e.message);
    return ok_row(b, p.c, p.r, err);
}

/* ---- the run ------------------------------------------------------ */

/* Adds one table's group counter into the summary's, by name. */
static void add_group(ras_batch_summary *s, const ras_batch_count *g)
{
    size_t i = 0;
    while (i < s->n_groups && strcmp(s->by_group[i].name, g->name) != 0)
        i++;
    if (i == s->n_groups) {
        if (s->n_groups == RAS_BATCH_GROUPS) {
            i = RAS_BATCH_GROUPS - 1;
            s->by_group[i].name = "other groups";
        } else {
            s->by_group[s->n_groups++] = (ras_batch_count){g->name, 0, 0};
        }
    }
    s->by_group[i].rows += g->rows;
    s->by_group[i].total += g->total;
}

/* The summary's totals by group, the reasons and what reading found. */
/* A workbook is read by seeking, not through the CSV layer that hashes a
 * CSV as it reads it: its SHA-256 is taken from the whole file after. */
static void hash_workbook(FILE *in, char hex[65])
{
    ras_hash_read h;
    hex[0] = '\0';
    if (ras_hash_read_init(&h, in) == RAS_OK) {
        ras_hash_read_whole(&h);
        ras_hash_read_hex(&h, hex);
    }
    ras_hash_read_free(&h);
}

static void summarise(batch *b)
{
    ras_batch_summary *s = b->sum;
    for (int k = 0; k < 3; k++)
        s->by_basis[k].name = ras_basis_name((ras_basis)k);
    s->n_tables_used = ras_model_tables_used(b->model, b->table_rows, s->tables_used);
    /* Latest table first, so its groups come first. */
    for (size_t t = b->model->n_all_tables; t-- > 0;)
        for (size_t g = 0; g < ras_model_all_table(b->model, t)->n_groups; g++)
            if (b->groups[b->group_at[t] + g].rows)
                add_group(s, &b->groups[b->group_at[t] + g]);
    ras_reasons_top(&b->reasons, s);
    ras_rows_facts(&b->rows, &b->csv, &s->read);
    if (ras_records_workbook(&b->csv))
        hash_workbook(b->in, s->read.sha256);
}

static void batch_free(batch *b)
{
    ras_csv_close(&b->csv);
    ras_rows_free(&b->rows);
    ras_outbuf_free(&b->out);
    ras_row_versions_free(&b->versions);
    if (b->scoring)
        for (size_t i = 0; i < b->model->n_all_tables; i++)
            free(b->scoring[i]);
    free(b->scoring);
    free(b->scoring_len);
    free(b->table_rows);
    free(b->group_at);
    free(b->groups);
    ras_reasons_free(&b->reasons);
    ras_case_free(b->c);
    ras_result_free(b->r);
}

/* Warnings go through b->versions, which knows every version's columns. */
static ras_status run(batch *b, ras_error *err)
{
    bool have;
    ras_status st = ras_rows_start(&b->rows, b->model, &b->csv, b->in_name, NULL, NULL,
                                   ras_row_versions_warn, &b->versions, err);
    if (st == RAS_OK)
        st = ras_row_versions_bind(&b->versions, &b->rows, &b->csv, b->in_name, NULL, err);
    if (st != RAS_OK) {
        ras_rows_facts(&b->rows, &b->csv, &b->sum->read);
        return st;
    }
    if (!b->sink)
        ras_outbuf_bytes(&b->out, out_header, sizeof out_header - 1);
    for (;;) {
        if ((st = ras_rows_next(&b->rows, &b->csv, &have, err)) != RAS_OK || !have)
            break;
        if ((st = score_row(b, err)) != RAS_OK || b->out.failed)
            break;
    }
    summarise(b);
    if (b->sink)
        return st;
    ras_status written = ras_outbuf_finish(&b->out, err);
    return st != RAS_OK ? st : written;
}

ras_status ras_batch(const ras_model *model, FILE *in, const char *in_name,
                     const ras_read_options *opts, FILE *out, ras_batch_summary *summary,
                     ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    return ras_batch_with(model, in, in_name, opts, out, 0, summary, warn, warn_ctx, err);
}

ras_status ras_batch_with(const ras_model *model, FILE *in, const char *in_name,
                          const ras_read_options *opts, FILE *out, unsigned flags,
                          ras_batch_summary *summary, ras_warn_fn warn, void *warn_ctx,
                          ras_error *err)
{
    return ras_batch_to(model, in, in_name, opts, out, NULL, flags, summary, warn, warn_ctx, err);
}

ras_status ras_batch_to(const ras_model *model, FILE *in, const char *in_name,
                        const ras_read_options *opts, FILE *out, const ras_batch_sink *sink,
                        unsigned flags, ras_batch_summary *summary, ras_warn_fn warn,
                        void *warn_ctx, ras_error *err)
{
    ras_batch_summary local;
    if (!summary)
        summary = &local;
    memset(summary, 0, sizeof *summary);
    if (!model || !in || (!out && !sink))
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    batch b;
    memset(&b, 0, sizeof b);
    b.sink = sink;
    b.model = model;
    b.in_name = in_name ? in_name : "-";
    b.in = in;
    b.sum = summary;
    ras_status st = ras_rows_open(&b.rows, &b.csv, in, b.in_name, opts, err);
    bool buffered = sink || ras_outbuf_init(&b.out, out);
    b.out.raw_text = (flags & RAS_CSV_RAW_TEXT) != 0;
    b.c = ras_case_new(model);
    b.r = ras_result_new(model);
    if (b.r)
        ras_result_keep_details(b.r, false); /* a row prints only the figures */
    if (st == RAS_OK && (!buffered || !b.c || !b.r))
        st = ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    if (st == RAS_OK)
        st = ras_row_versions_init(&b.versions, model, false, warn, warn_ctx, err);
    if (st == RAS_OK)
        st = prepare_tables(&b, err);
    if (st == RAS_OK)
        st = run(&b, err);
    batch_free(&b);
    return st;
}

ras_pence ras_batch_mean(const ras_batch_summary *s)
{
    if (!s || s->ok == 0 || s->total <= 0 || s->total_saturated || s->ok > (uint64_t)INT64_MAX)
        return 0;
    return ras_div_round_half_up(s->total, (int64_t)s->ok);
}
