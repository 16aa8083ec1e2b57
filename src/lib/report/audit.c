/* audit.c - ras_audit: past cases re-scored with the table in force on
 * their date and compared with the budget recorded then (docs/audit.md).
 *
 * It reads like ras_batch (case_rows.h binds the header once, one case
 * and one result are reused), but writes only the rows an auditor must
 * look at, so memory stays flat however many rows there are. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "case_rows.h"
#include "error.h"
#include "model.h"
#include "num.h"
#include "outbuf.h"
#include "result.h"
#include "text_check.h"

#define RECORDED "recorded_budget"

static const char audit_header[] =
    "client_id,recorded,recomputed,difference,basis,scoring,table,reason\n";

typedef struct audit {
    const ras_model *model;
    const ras_table *latest;
    const char *in_name;
    ras_csv csv;
    ras_rows rows;
    ras_outbuf out;
    ras_case *c;
    ras_result *r;
    ras_pence tolerance;
    uint64_t *table_rows; /* per model table */
    ras_audit_summary *sum;
} audit;

/* An error row: the client id as given, the recorded amount when it was
 * read, and the reason. */
static void error_row(audit *a, bool has_recorded, ras_pence recorded, const char *fmt, ...)
    RAS_PRINTF(4, 5);

static void error_row(audit *a, bool has_recorded, ras_pence recorded, const char *fmt, ...)
{
    const ras_csv_field *id = ras_rows_client(&a->rows, &a->csv);
    if (id)
        ras_outbuf_field(&a->out, id->text, id->len);
    ras_outbuf_char(&a->out, ',');
    if (has_recorded)
        ras_outbuf_money(&a->out, recorded);
    ras_outbuf_bytes(&a->out, ",,,,,,", 6);
    va_list ap;
    va_start(ap, fmt);
    ras_outbuf_vmessage(&a->out, fmt, ap);
    va_end(ap);
    ras_outbuf_char(&a->out, '\n');
    a->sum->errors++;
}

/* The recorded budget of the current row; false (an error row written)
 * when it is blank or not an amount. */
static bool read_recorded(audit *a, ras_pence *recorded)
{
    const ras_csv_field *f = ras_rows_extra(&a->rows, &a->csv);
    unsigned long line = a->csv.record_line;
    if (!f || f->len == 0) {
        error_row(a, false, 0,
                  "line %lu, column '" RECORDED "': blank (expected the budget "
                  "recorded, in pounds)",
                  line);
        return false;
    }
    ras_status st = ras_money_parse(f->text, f->len, recorded);
    if (st != RAS_OK) {
        char shown[RAS_SHOWN_MAX];
        ras_text_show(f->text, f->len, shown);
        error_row(a, false, 0, "line %lu, column '" RECORDED "': '%s' is not %s", line, shown,
                  st == RAS_ERR_OVERFLOW ? "an amount small enough to hold"
                                         : "an amount in pounds (like 7800.00)");
        return false;
    }
    return true;
}

/* Writes one differing row and counts it. */
static ras_status different_row(audit *a, ras_pence recorded, ras_pence diff, bool older, size_t t,
                                ras_error *err)
{
    ras_outbuf *o = &a->out;
    const ras_table *table = &a->model->tables[t];
    ras_outbuf_field(o, a->c->client_id, a->c->client_id_len);
    ras_outbuf_char(o, ',');
    ras_outbuf_money(o, recorded);
    ras_outbuf_char(o, ',');
    ras_outbuf_money(o, a->r->budget);
    ras_outbuf_char(o, ',');
    ras_outbuf_money(o, diff);
    ras_outbuf_char(o, ',');
    const char *basis = ras_basis_name(a->r->basis);
    ras_outbuf_bytes(o, basis, strlen(basis));
    ras_outbuf_char(o, ',');
    char scoring[2 * RAS_MAX_ID + 2];
    int n = snprintf(scoring, sizeof scoring, "%s@%s", table->id, table->version);
    size_t len = n < 0 ? 0 : (size_t)n < sizeof scoring ? (size_t)n : sizeof scoring - 1;
    ras_outbuf_field(o, scoring, len);
    ras_outbuf_bytes(o, older ? ",older,differs by " : ",current,differs by ", older ? 18 : 20);
    ras_outbuf_money(o, diff < 0 ? -diff : diff);
    ras_outbuf_char(o, '\n');
    a->sum->different++;
    if (!ras_add_i64(a->sum->total_difference, diff, &a->sum->total_difference))
        return ras_fail(err, RAS_ERR_OVERFLOW, a->in_name, a->csv.record_line, 0, NULL,
                        "the total of differences is too large to add up");
    return RAS_OK;
}

static ras_status audit_row(audit *a, ras_error *err)
{
    char msg[RAS_ERROR_MESSAGE_MAX + 64];
    a->sum->rows++;
    if (!ras_rows_load(&a->rows, &a->csv, a->c, msg, sizeof msg)) {
        /* Show the recorded amount when it is readable, for the auditor. */
        const ras_csv_field *f = ras_rows_extra(&a->rows, &a->csv);
        ras_pence recorded = 0;
        bool has = f && f->len && ras_money_parse(f->text, f->len, &recorded) == RAS_OK;
        error_row(a, has, recorded, "%s", msg);
        return RAS_OK;
    }
    ras_pence recorded;
    if (!read_recorded(a, &recorded))
        return RAS_OK;
    ras_error e;
    if (ras_score(a->model, a->c, a->r, &e) != RAS_OK) {
        error_row(a, true, recorded, "line %lu: %s", a->csv.record_line, e.message);
        return RAS_OK;
    }
    size_t t = (size_t)(a->r->table - a->model->tables);
    bool older = a->r->table != a->latest;
    a->table_rows[t]++;
    a->sum->older += older ? 1 : 0;
    ras_pence diff; /* both are at most RAS_MAX_PENCE: no overflow */
    diff = a->r->budget - recorded;
    if ((diff < 0 ? -diff : diff) <= a->tolerance) {
        a->sum->consistent++;
        return RAS_OK;
    }
    return different_row(a, recorded, diff, older, t, err);
}

static ras_status run(audit *a, ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    bool have;
    ras_status st =
        ras_rows_start(&a->rows, a->model, &a->csv, a->in_name, RECORDED,
                       "the budget recorded for each case, in pounds", warn, warn_ctx, err);
    if (st != RAS_OK)
        return st;
    ras_outbuf_bytes(&a->out, audit_header, sizeof audit_header - 1);
    for (;;) {
        if ((st = ras_rows_next(&a->rows, &a->csv, &have, err)) != RAS_OK || !have)
            break;
        if ((st = audit_row(a, err)) != RAS_OK || a->out.failed)
            break;
    }
    a->sum->n_tables_used = ras_model_tables_used(a->model, a->table_rows, a->sum->tables_used);
    ras_status written = ras_outbuf_finish(&a->out, err);
    return st != RAS_OK ? st : written;
}

ras_status ras_audit(const ras_model *model, FILE *in, const char *in_name, FILE *out,
                     ras_pence tolerance, ras_audit_summary *summary, ras_warn_fn warn,
                     void *warn_ctx, ras_error *err)
{
    ras_audit_summary local;
    if (!summary)
        summary = &local;
    memset(summary, 0, sizeof *summary);
    if (!model || !in || !out || tolerance < 0 || model->n_tables == 0)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    audit a;
    memset(&a, 0, sizeof a);
    a.model = model;
    a.latest = ras_model_table_on(model, 0);
    a.in_name = in_name ? in_name : "-";
    a.tolerance = tolerance;
    a.sum = summary;
    ras_status st = ras_csv_open_file(&a.csv, in, a.in_name, err);
    if (st != RAS_OK)
        return st;
    bool buffered = ras_outbuf_init(&a.out, out);
    a.c = ras_case_new(model);
    a.r = ras_result_new(model);
    a.table_rows = calloc(model->n_tables, sizeof *a.table_rows);
    if (!buffered || !a.c || !a.r || !a.table_rows)
        st = ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    if (st == RAS_OK)
        st = run(&a, warn, warn_ctx, err);
    ras_csv_close(&a.csv);
    ras_rows_free(&a.rows);
    ras_outbuf_free(&a.out);
    ras_case_free(a.c);
    ras_result_free(a.r);
    free(a.table_rows);
    return st;
}
