/* audit.c - ras_audit: past cases re-scored with the table in force on
 * their date and compared with the budget recorded then (docs/audit.md).
 *
 * It reads like ras_batch (case_rows.h binds the header once, one case
 * and one result are reused), but writes only the rows an auditor must
 * look at, so memory stays flat however many rows there are. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "audit_sink.h"
#include "case_rows.h"
#include "error.h"
#include "hash_read.h"
#include "model.h"
#include "num.h"
#include "outbuf.h"
#include "records.h"
#include "result.h"
#include "rows_versions.h"
#include "text_check.h"

#define RECORDED "recorded_budget"

static const char audit_header[] =
    "client_id,recorded,recomputed,difference,basis,questionnaire,scoring,table,reason\n";

typedef struct audit {
    const ras_model *model;
    const ras_table *latest;
    const char *in_name;
    FILE *in;
    ras_hash_read hash;
    ras_csv csv;
    ras_rows rows;
    ras_outbuf out;
    /* The row's questionnaire version, case and result (rows_versions.h);
     * own_c and own_r are the latest version's, owned here. */
    const ras_model *q;
    ras_case *c;
    ras_result *r;
    ras_case *own_c;
    ras_result *own_r;
    ras_row_versions versions;
    ras_pence tolerance;
    bool require_dates;
    uint64_t *table_rows; /* per model table */
    ras_audit_summary *sum;
    const ras_audit_sink *sink; /* NULL: the rows go to out as CSV */
    ras_status sink_st;         /* the sink's first failure, in sink_err */
    ras_error sink_err;
} audit;

/* "ID@VERSION" as one CSV field. */
static void id_at_version(ras_outbuf *o, const char *id, const char *version)
{
    char text[4 * RAS_MAX_ID + 2];
    int n = snprintf(text, sizeof text, "%s@%s", id, version);
    size_t len = n < 0 ? 0 : (size_t)n < sizeof text ? (size_t)n : sizeof text - 1;
    ras_outbuf_field(o, text, len);
}

/* Writes one row as CSV, or hands it to the sink. */
static void put_row(audit *a, const ras_audit_row *row)
{
    if (a->sink) {
        if (a->sink_st == RAS_OK)
            a->sink_st = a->sink->row(a->sink->ctx, row, &a->sink_err);
        return;
    }
    ras_outbuf *o = &a->out;
    if (row->client)
        ras_outbuf_field(o, row->client, row->client_len);
    ras_outbuf_char(o, ',');
    if (row->has_recorded)
        ras_outbuf_money(o, row->recorded);
    if (!row->table) {
        ras_outbuf_bytes(o, ",,,,,,", 6);
    } else {
        const ras_table *t = row->table;
        ras_outbuf_char(o, ',');
        ras_outbuf_money(o, row->recomputed);
        ras_outbuf_char(o, ',');
        if (row->has_difference)
            ras_outbuf_money(o, row->difference); /* both at most RAS_MAX_PENCE */
        ras_outbuf_char(o, ',');
        ras_outbuf_bytes(o, row->basis, strlen(row->basis));
        ras_outbuf_char(o, ',');
        id_at_version(o, row->questionnaire->id, row->questionnaire->version);
        ras_outbuf_char(o, ',');
        id_at_version(o, t->id, t->version);
        ras_outbuf_bytes(o, row->current ? ",current" : ",older", row->current ? 8 : 6);
    }
    ras_outbuf_char(o, ',');
    ras_outbuf_field(o, row->reason, row->reason_len);
    ras_outbuf_char(o, '\n');
}

/* The columns from recomputed to table of a row that was re-scored (the
 * difference left out when recorded is not known). */
static void scored_fields(audit *a, ras_audit_row *row)
{
    row->questionnaire = a->q;
    row->table = a->r->table;
    row->current = a->r->table == a->latest;
    row->basis = ras_basis_name(a->r->basis);
    row->recomputed = a->r->budget;
    row->has_difference = row->has_recorded;
    row->difference = a->r->budget - row->recorded;
}

static size_t text_len(int n, size_t size)
{
    return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

/* An error row: the client id as given, the recorded amount when it was
 * read, what the row re-scores to when it could be, and the reason. */
static void error_row(audit *a, bool scored, bool has_recorded, ras_pence recorded, const char *fmt,
                      ...) RAS_PRINTF(5, 6);

static void error_row(audit *a, bool scored, bool has_recorded, ras_pence recorded, const char *fmt,
                      ...)
{
    ras_audit_row row;
    memset(&row, 0, sizeof row);
    ras_csv_field id;
    if (ras_rows_client(&a->rows, &a->csv, &id)) {
        row.client = id.text;
        row.client_len = id.len;
    }
    row.has_recorded = has_recorded;
    row.recorded = recorded;
    if (scored)
        scored_fields(a, &row);
    char message[RAS_ERROR_MESSAGE_MAX + 64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    row.reason = message;
    row.reason_len = text_len(n, sizeof message);
    put_row(a, &row);
    a->sum->errors++;
}

/* The recorded budget of the current row. Returns NULL when it was read,
 * else why not (into msg). */
static const char *read_recorded(audit *a, ras_pence *recorded, char *msg, size_t size)
{
    const ras_csv_field *f = ras_rows_extra(&a->rows, &a->csv);
    unsigned long line = a->csv.record_line;
    if (!f || ras_text_is_blank(f->text, f->len)) {
        snprintf(msg, size,
                 "line %lu, column '" RECORDED "': blank (expected the budget recorded, in "
                 "pounds)",
                 line);
        return msg;
    }
    ras_error e;
    if (ras_money_parse_lenient(f->text, f->len, recorded, &e) != RAS_OK) {
        snprintf(msg, size, "line %lu, column '" RECORDED "': %.400s", line, e.message);
        return msg;
    }
    return NULL;
}

/* Adds v to *total. A total that would not fit saturates and is marked,
 * and the run goes on (docs/design.md, "Totals"). */
static void add_up(audit *a, ras_pence *total, ras_pence v)
{
    ras_add_saturating(total, v, &a->sum->totals_saturated);
}

/* Writes one differing row, its reason saying which way it differs, and
 * counts it as an over- or an under-payment. */
static void different_row(audit *a, ras_pence recorded, ras_pence diff)
{
    ras_audit_row row;
    memset(&row, 0, sizeof row);
    row.client = a->c->client_id;
    row.client_len = a->c->client_id_len;
    row.has_recorded = true;
    row.recorded = recorded;
    scored_fields(a, &row);
    char amount[48], reason[96];
    ras_money_format(diff < 0 ? -diff : diff, RAS_MONEY_HUMAN, a->r->table->currency, amount,
                     sizeof amount);
    int n = snprintf(reason, sizeof reason, "recorded %s %s than recomputed", amount,
                     diff < 0 ? "more" : "less");
    row.reason = reason;
    row.reason_len = text_len(n, sizeof reason);
    put_row(a, &row);
    ras_audit_summary *s = a->sum;
    s->different++;
    if (diff < 0) {
        s->over++;
        add_up(a, &s->over_total, -diff);
    } else {
        s->under++;
        add_up(a, &s->under_total, diff);
    }
    add_up(a, &s->total_difference, diff);
}

static void audit_row(audit *a)
{
    char msg[RAS_ERROR_MESSAGE_MAX + 64], why[RAS_ERROR_MESSAGE_MAX];
    ras_pence recorded = 0;
    a->sum->rows++;
    ras_row_pick p; /* the row's questionnaire version */
    ras_row_versions_pick(&a->versions, &a->rows, a->own_c, a->own_r, &a->csv, &p);
    a->q = p.model;
    a->c = p.c;
    a->r = p.r;
    if (p.why) {
        bool has = read_recorded(a, &recorded, why, sizeof why) == NULL;
        error_row(a, false, has, recorded, "line %lu: %s", a->csv.record_line, p.why);
        return;
    }
    if (!ras_rows_load(p.rows, &a->csv, a->c, msg, sizeof msg)) {
        /* Show the recorded amount when it is readable, for the auditor. */
        bool has = read_recorded(a, &recorded, why, sizeof why) == NULL;
        error_row(a, false, has, recorded, "%s", msg);
        return;
    }
    bool has = read_recorded(a, &recorded, why, sizeof why) == NULL;
    if (a->c->assessed_on == 0) {
        a->sum->undated++;
        if (a->require_dates) {
            error_row(a, false, has, recorded,
                      "line %lu: no assessed_on date, and dates are required (the date "
                      "picks the scoring table)",
                      a->csv.record_line);
            return;
        }
    }
    ras_error e;
    if (ras_score(a->q, a->c, a->r, &e) != RAS_OK) {
        error_row(a, false, has, recorded, "line %lu: %s", a->csv.record_line, e.message);
        return;
    }
    a->table_rows[a->r->table->serial]++;
    a->sum->older += a->r->table != a->latest ? 1 : 0;
    if (!has) {
        error_row(a, true, false, 0, "%s", why);
        return;
    }
    ras_pence diff = a->r->budget - recorded; /* both at most RAS_MAX_PENCE: no overflow */
    if ((diff < 0 ? -diff : diff) <= a->tolerance) {
        a->sum->consistent++;
        return;
    }
    different_row(a, recorded, diff);
}

/* Rows with no date were priced by the latest table: said once. */
static void warn_undated(const audit *a, ras_warn_fn warn, void *warn_ctx)
{
    if (!warn || a->sum->undated == 0 || a->require_dates)
        return;
    ras_error w;
    ras_error_clear(&w);
    unsigned long long n = (unsigned long long)a->sum->undated;
    ras_fail(&w, RAS_OK, a->in_name, 0, 0, "assessed_on",
             "%llu row%s with no assessed_on: priced by the latest scoring table, %s@%s (%s)", n,
             n == 1 ? "" : "s", a->latest->id, a->latest->version, a->latest->file);
    warn(warn_ctx, &w);
}

static ras_status run(audit *a, ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    bool have;
    ras_status st = ras_rows_start(&a->rows, a->model, &a->csv, a->in_name, RECORDED,
                                   "the budget recorded for each case, in pounds",
                                   ras_row_versions_warn, &a->versions, err);
    if (st == RAS_OK)
        st = ras_row_versions_bind(&a->versions, &a->rows, &a->csv, a->in_name, RECORDED, err);
    if (st != RAS_OK)
        return st;
    if (!a->sink)
        ras_outbuf_bytes(&a->out, audit_header, sizeof audit_header - 1);
    for (;;) {
        if ((st = ras_rows_next(&a->rows, &a->csv, &have, err)) != RAS_OK || !have)
            break;
        audit_row(a);
        if (a->out.failed || a->sink_st != RAS_OK)
            break;
    }
    a->sum->n_tables_used = ras_model_tables_used(a->model, a->table_rows, a->sum->tables_used);
    if (ras_records_workbook(&a->csv))
        ras_hash_read_whole(&a->hash); /* read by seeking, not through the hash */
    ras_hash_read_hex(&a->hash, a->sum->input_sha256);
    ras_status written = RAS_OK;
    if (a->sink && a->sink_st != RAS_OK) {
        written = a->sink_st;
        if (err)
            *err = a->sink_err;
    } else if (!a->sink) {
        written = ras_outbuf_finish(&a->out, err);
    }
    if (st == RAS_OK && written == RAS_OK)
        warn_undated(a, warn, warn_ctx);
    return st != RAS_OK ? st : written;
}

ras_status ras_audit(const ras_model *model, FILE *in, const char *in_name,
                     const ras_read_options *opts, FILE *out, ras_pence tolerance, unsigned flags,
                     ras_audit_summary *summary, ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    return ras_audit_to(model, in, in_name, opts, out, NULL, tolerance, flags, summary, warn,
                        warn_ctx, err);
}

ras_status ras_audit_to(const ras_model *model, FILE *in, const char *in_name,
                        const ras_read_options *opts, FILE *out, const ras_audit_sink *sink,
                        ras_pence tolerance, unsigned flags, ras_audit_summary *summary,
                        ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    ras_audit_summary local;
    if (!summary)
        summary = &local;
    memset(summary, 0, sizeof *summary);
    if (!model || !in || (!out && !sink) || tolerance < 0 || model->n_tables == 0)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    summary->tolerance = tolerance;
    summary->dates_required = (flags & RAS_AUDIT_REQUIRE_DATES) != 0;
    audit a;
    memset(&a, 0, sizeof a);
    a.model = model;
    a.latest = ras_model_table_on(model, 0);
    a.in_name = in_name ? in_name : "-";
    a.in = in;
    a.tolerance = tolerance;
    a.require_dates = summary->dates_required;
    a.sum = summary;
    a.sink = sink;
    /* The audit hashes what it reads itself (even a workbook's bytes). */
    ras_status st = ras_rows_open_hashed(&a.rows, &a.csv, in, &a.hash, a.in_name, opts, err);
    if (st != RAS_OK)
        return st;
    bool buffered = ras_outbuf_init(&a.out, out);
    a.out.raw_text = (flags & RAS_CSV_RAW_TEXT) != 0;
    a.own_c = ras_case_new(model);
    a.own_r = ras_result_new(model);
    if (a.own_r)
        ras_result_keep_details(a.own_r, false); /* a row needs only the figures */
    a.table_rows = calloc(model->n_all_tables, sizeof *a.table_rows);
    if (!buffered || !a.own_c || !a.own_r || !a.table_rows)
        st = ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    if (st == RAS_OK)
        st = ras_row_versions_init(&a.versions, model, false, warn, warn_ctx, err);
    if (st == RAS_OK)
        st = run(&a, warn, warn_ctx, err);
    ras_csv_close(&a.csv);
    ras_rows_free(&a.rows);
    ras_outbuf_free(&a.out);
    ras_row_versions_free(&a.versions);
    ras_case_free(a.own_c);
    ras_result_free(a.own_r);
    ras_hash_read_free(&a.hash);
    free(a.table_rows);
    return st;
}
