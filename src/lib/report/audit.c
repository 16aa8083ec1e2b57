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

/* "ID@VERSION" of a questionnaire version or a table as the CSV field
 * put_row writes (guarded and quoted as ras_put_field does): made once
 * for each, not once a row, for a differing row writes two. */
#define ID_TEXT_MAX (4 * RAS_MAX_ID + 1)
typedef struct id_text {
    const void *of; /* the version or table; NULL: not made yet */
    size_t len;
    char field[2 * ID_TEXT_MAX + 3];
} id_text;

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
    id_text *table_texts; /* per model table, by serial */
    id_text *q_texts;     /* per questionnaire version, in the order met */
    size_t n_q_texts;     /* at most versions.n */
} audit;

static void make_id_text(id_text *t, const void *of, const char *id, const char *version, bool raw)
{
    char text[ID_TEXT_MAX + 1];
    int n = snprintf(text, sizeof text, "%s@%s", id, version);
    size_t len = n < 0 ? 0 : (size_t)n < sizeof text ? (size_t)n : sizeof text - 1;
    t->len = (size_t)(ras_put_field(t->field, text, len, raw) - t->field);
    t->of = of;
}

static const id_text *table_text(audit *a, const ras_table *t)
{
    id_text *x = &a->table_texts[t->serial];
    if (x->of != t)
        make_id_text(x, t, t->id, t->version, a->out.raw_text);
    return x;
}

static const id_text *questionnaire_text(audit *a, const ras_model *q)
{
    for (size_t i = 0; i < a->n_q_texts; i++)
        if (a->q_texts[i].of == q)
            return &a->q_texts[i];
    /* versions.n entries hold every version; the last is reused if not */
    size_t at = a->n_q_texts < a->versions.n ? a->n_q_texts++ : a->versions.n - 1;
    make_id_text(&a->q_texts[at], q, q->id, q->version, a->out.raw_text);
    return &a->q_texts[at];
}

/* A text field (the client id, the reason) written in place when it
 * surely fits the buffer, through ras_outbuf_field otherwise. */
static void put_text(ras_outbuf *o, const char *s, size_t len)
{
    if (len > RAS_OUTBUF_SIZE / 4) {
        ras_outbuf_field(o, s, len);
        return;
    }
    char *p = ras_outbuf_room(o, 2 * len + 3);
    ras_outbuf_done(o, ras_put_field(p, s, len, o->raw_text));
}

/* The columns from recorded to table, and the comma before the reason,
 * written in one reserved block (every piece bounded). */
static void put_figures(audit *a, const ras_audit_row *row)
{
    const id_text *q = NULL, *t = NULL;
    size_t basis_len = 0, need = 1 + RAS_PUT_NUMBER_MAX + 7;
    if (row->table) {
        q = questionnaire_text(a, row->questionnaire);
        t = table_text(a, row->table);
        basis_len = strlen(row->basis);
        need += (size_t)2 * RAS_PUT_NUMBER_MAX + basis_len + q->len + t->len + 16;
    }
    char *p = ras_outbuf_room(&a->out, need);
    *p++ = ',';
    if (row->has_recorded)
        p = ras_put_money(p, row->recorded);
    if (!row->table) {
        p = ras_put_bytes(p, ",,,,,,,", 7);
    } else {
        *p++ = ',';
        p = ras_put_money(p, row->recomputed);
        *p++ = ',';
        if (row->has_difference)
            p = ras_put_money(p, row->difference); /* both at most RAS_MAX_PENCE */
        *p++ = ',';
        p = ras_put_bytes(p, row->basis, basis_len);
        *p++ = ',';
        p = ras_put_bytes(p, q->field, q->len);
        *p++ = ',';
        p = ras_put_bytes(p, t->field, t->len);
        p = row->current ? ras_put_bytes(p, ",current,", 9) : ras_put_bytes(p, ",older,", 7);
    }
    ras_outbuf_done(&a->out, p);
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
        put_text(o, row->client, row->client_len);
    put_figures(a, row);
    put_text(o, row->reason, row->reason_len);
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

/* "recorded £810.00 more than recomputed" into reason (96 bytes), put
 * together piece by piece: snprintf took a fifth of an audit in which
 * every row differs. Returns its length. */
static size_t difference_reason(char reason[96], ras_pence diff, const char *currency)
{
    static const char head[] = "recorded ";
    static const char more[] = " more than recomputed", less[] = " less than recomputed";
    char amount[48];
    size_t n =
        ras_money_format(diff < 0 ? -diff : diff, RAS_MONEY_HUMAN, currency, amount, sizeof amount);
    if (n >= sizeof amount) /* not for an amount of at most RAS_MAX_PENCE */
        n = sizeof amount - 1;
    char *p = reason;
    memcpy(p, head, sizeof head - 1);
    p += sizeof head - 1;
    memcpy(p, amount, n);
    p += n;
    memcpy(p, diff < 0 ? more : less, sizeof more - 1);
    p += sizeof more - 1;
    *p = '\0';
    return (size_t)(p - reason);
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
    char reason[96];
    row.reason = reason;
    row.reason_len = difference_reason(reason, diff, a->r->table->currency);
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
    a.table_texts = calloc(model->n_all_tables, sizeof *a.table_texts);
    if (!buffered || !a.own_c || !a.own_r || !a.table_rows || !a.table_texts)
        st = ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    if (st == RAS_OK)
        st = ras_row_versions_init(&a.versions, model, false, warn, warn_ctx, err);
    if (st == RAS_OK && !(a.q_texts = calloc(a.versions.n, sizeof *a.q_texts)))
        st = ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
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
    free(a.table_texts);
    free(a.q_texts);
    return st;
}
