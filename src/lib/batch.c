/* batch.c - ras_batch: scoring a CSV stream of cases into an output CSV
 * (SPEC 4 and 5.2).
 *
 * The header is matched against the client fields and the questionnaire
 * once, into one target per column, so a row does no name lookups. Each
 * row reuses one case and one result, fields come as views into the
 * reader's buffer and output goes through a fixed buffer with hand-written
 * number formatting: memory stays flat however many rows there are. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "csv.h"
#include "error.h"
#include "model.h"
#include "num.h"
#include "result.h"
#include "text_check.h"

#define OUT_BUFFER (256u * 1024u)

static const char out_header[] =
    "client_id,status,points,ras_amount,indicative_budget,weekly_budget,basis,panel,scoring,"
    "message\n";

typedef enum column_kind { COL_IGNORED, COL_FIELD, COL_QUESTION } column_kind;

/* What one input column sets. */
typedef struct column {
    column_kind kind;
    ras_field field;
    const ras_question *question;
    const char *name; /* NUL-terminated copy of the header cell */
    size_t len;
} column;

/* The output stream behind a fixed buffer. */
typedef struct outbuf {
    FILE *f;
    char *buf;
    size_t n;
    bool failed;
} outbuf;

typedef struct batch {
    const ras_model *model;
    const char *in_name;
    ras_csv csv;
    outbuf out;
    column *cols;
    size_t n_cols;
    char *names; /* the header's names, one block */
    size_t client_col;
    ras_case *c;
    ras_result *r;
    char **scoring;    /* per model table: "ID@VERSION", CSV-quoted if need be */
    size_t *scoring_len;
    uint64_t *table_rows; /* per model table */
    ras_batch_summary *sum;
} batch;

/* ---- output ------------------------------------------------------- */

static void out_flush(outbuf *o)
{
    if (o->n && !o->failed && fwrite(o->buf, 1, o->n, o->f) != o->n)
        o->failed = true;
    o->n = 0;
}

static void out_bytes(outbuf *o, const char *s, size_t len)
{
    if (o->n + len > OUT_BUFFER) {
        out_flush(o);
        if (len > OUT_BUFFER) {
            if (!o->failed && fwrite(s, 1, len, o->f) != len)
                o->failed = true;
            return;
        }
    }
    memcpy(o->buf + o->n, s, len);
    o->n += len;
}

static void out_char(outbuf *o, char ch)
{
    if (o->n == OUT_BUFFER)
        out_flush(o);
    o->buf[o->n++] = ch;
}

/* Digits of v, right to left, ending at end; returns the first digit. */
static char *format_u64(uint64_t v, char *end)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930"
                                "31323334353637383940414243444546474849505152535455565758596061"
                                "62636465666768697071727374757677787980818283848586878889909192"
                                "93949596979899";
    char *p = end;
    while (v >= 100) {
        size_t k = (size_t)(v % 100) * 2;
        v /= 100;
        *--p = pairs[k + 1];
        *--p = pairs[k];
    }
    if (v >= 10) {
        *--p = pairs[v * 2 + 1];
        *--p = pairs[v * 2];
    } else
        *--p = (char)('0' + v);
    return p;
}

static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static void out_int(outbuf *o, int64_t v)
{
    char tmp[24];
    char *end = tmp + sizeof tmp;
    char *p = format_u64(magnitude(v), end);
    if (v < 0)
        *--p = '-';
    out_bytes(o, p, (size_t)(end - p));
}

/* Pence as plain pounds with two decimals: 12345.67 */
static void out_money(outbuf *o, ras_pence v)
{
    char tmp[32];
    char *end = tmp + sizeof tmp;
    uint64_t m = magnitude(v);
    uint64_t pence = m % 100;
    end[-1] = (char)('0' + pence % 10);
    end[-2] = (char)('0' + pence / 10);
    end[-3] = '.';
    char *p = format_u64(m / 100, end - 3);
    if (v < 0)
        *--p = '-';
    out_bytes(o, p, (size_t)(end - p));
}

static bool needs_quotes(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            return true;
    return false;
}

/* A CSV field: quoted, with quotes doubled, only when it needs it. */
static void out_field(outbuf *o, const char *s, size_t len)
{
    if (!needs_quotes(s, len)) {
        out_bytes(o, s, len);
        return;
    }
    out_char(o, '"');
    for (;;) {
        const char *q = memchr(s, '"', len);
        if (!q) {
            out_bytes(o, s, len);
            break;
        }
        size_t n = (size_t)(q - s) + 1;
        out_bytes(o, s, n);
        out_char(o, '"');
        s += n;
        len -= n;
    }
    out_char(o, '"');
}

/* ---- the header --------------------------------------------------- */

static int compare_columns(const void *a, const void *b)
{
    const column *x = *(const column *const *)a, *y = *(const column *const *)b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->name, y->name, n);
    if (c)
        return c;
    return x->len < y->len ? -1 : x->len > y->len ? 1 : (x < y ? -1 : x > y);
}

/* Duplicate names, found by sorting so a wide header stays fast. */
static ras_status check_duplicates(batch *b, unsigned long line, ras_error *err)
{
    column **order = malloc(b->n_cols * sizeof *order);
    if (!order)
        return ras_fail(err, RAS_ERR_NOMEM, b->in_name, 0, 0, NULL, "out of memory");
    for (size_t i = 0; i < b->n_cols; i++)
        order[i] = &b->cols[i];
    qsort(order, b->n_cols, sizeof *order, compare_columns);
    ras_status st = RAS_OK;
    for (size_t i = 1; i < b->n_cols && st == RAS_OK; i++) {
        const column *x = order[i - 1], *y = order[i];
        if (x->len && x->len == y->len && memcmp(x->name, y->name, x->len) == 0) {
            char shown[RAS_SHOWN_MAX];
            ras_text_show(y->name, y->len, shown);
            st = ras_fail(err, RAS_ERR_SYNTAX, b->in_name, line, (size_t)(y - b->cols) + 1, shown,
                          "column '%s' appears twice in the header (columns %zu and %zu)", shown,
                          (size_t)(x - b->cols) + 1, (size_t)(y - b->cols) + 1);
        }
    }
    free(order);
    return st;
}

static void warn_ignored(const batch *b, const column *col, unsigned long line, ras_warn_fn warn,
                         void *ctx)
{
    if (!warn)
        return;
    ras_error w;
    ras_error_clear(&w);
    size_t index = (size_t)(col - b->cols) + 1;
    char shown[RAS_SHOWN_MAX];
    ras_text_show(col->name, col->len, shown);
    if (col->len == 0)
        ras_fail(&w, RAS_OK, b->in_name, line, index, "", "column %zu has no name: ignored",
                 index);
    else
        ras_fail(&w, RAS_OK, b->in_name, line, index, shown,
                 "unknown column '%s' (not a client field or a question): ignored", shown);
    warn(ctx, &w);
}

/* Copies the header's names and matches each to its target. */
static ras_status read_columns(batch *b, ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    const ras_csv *r = &b->csv;
    unsigned long line = r->record_line;
    if (r->bad_field >= 0)
        return ras_fail(err, RAS_ERR_SYNTAX, b->in_name, line, (size_t)r->bad_field + 1, NULL,
                        "the header's column %ld holds %s", r->bad_field + 1, r->bad_reason);
    size_t total = 0;
    for (size_t i = 0; i < r->n_fields; i++)
        total += r->fields[i].len + 1;
    b->n_cols = r->n_fields;
    b->cols = calloc(b->n_cols, sizeof *b->cols);
    b->names = malloc(total);
    if (!b->cols || !b->names)
        return ras_fail(err, RAS_ERR_NOMEM, b->in_name, 0, 0, NULL, "out of memory");
    char *p = b->names;
    bool have_client = false;
    for (size_t i = 0; i < b->n_cols; i++) {
        column *col = &b->cols[i];
        memcpy(p, r->fields[i].text, r->fields[i].len);
        p[r->fields[i].len] = '\0';
        col->name = p;
        col->len = r->fields[i].len;
        p += col->len + 1;
        int f = ras_field_find(col->name, col->len);
        const ras_question *q = ras_model_find_question(b->model, col->name, col->len);
        if (f >= 0) {
            col->kind = COL_FIELD;
            col->field = (ras_field)f;
            if (f == RAS_FIELD_CLIENT_ID) {
                have_client = true;
                b->client_col = i;
            }
        } else if (q) {
            col->kind = COL_QUESTION;
            col->question = q;
        }
    }
    ras_status st = check_duplicates(b, line, err);
    if (st != RAS_OK)
        return st;
    if (!have_client)
        return ras_fail(err, RAS_ERR_SYNTAX, b->in_name, line, 0, "client_id",
                        "the header has no client_id column");
    for (size_t i = 0; i < b->n_cols; i++)
        if (b->cols[i].kind == COL_IGNORED)
            warn_ignored(b, &b->cols[i], line, warn, warn_ctx);
    return RAS_OK;
}

/* "ID@VERSION" of every table, ready to copy into rows. */
static ras_status prepare_tables(batch *b, ras_error *err)
{
    size_t n = b->model->n_tables;
    b->scoring = calloc(n ? n : 1, sizeof *b->scoring);
    b->scoring_len = calloc(n ? n : 1, sizeof *b->scoring_len);
    b->table_rows = calloc(n ? n : 1, sizeof *b->table_rows);
    if (!b->scoring || !b->scoring_len || !b->table_rows)
        return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const ras_table *t = &b->model->tables[i];
        size_t len = strlen(t->id) + 1 + strlen(t->version);
        char *raw = malloc(len + 1);
        /* Quoting at most doubles it, plus the two quotes. */
        char *quoted = malloc(2 * len + 3);
        if (!raw || !quoted) {
            free(raw);
            free(quoted);
            return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        }
        snprintf(raw, len + 1, "%s@%s", t->id, t->version);
        size_t q = 0;
        bool quote = needs_quotes(raw, len);
        if (quote)
            quoted[q++] = '"';
        for (size_t k = 0; k < len; k++) {
            quoted[q++] = raw[k];
            if (raw[k] == '"')
                quoted[q++] = '"';
        }
        if (quote)
            quoted[q++] = '"';
        free(raw);
        b->scoring[i] = quoted;
        b->scoring_len[i] = q;
    }
    return RAS_OK;
}

/* ---- rows --------------------------------------------------------- */

/* An error row: the client id as given (when it is valid text), status
 * error, the reason. */
static void error_row(batch *b, const char *fmt, ...) RAS_PRINTF(2, 3);

static void error_row(batch *b, const char *fmt, ...)
{
    const ras_csv *r = &b->csv;
    if (b->client_col < r->n_fields && (long)b->client_col != r->bad_field) {
        const ras_csv_field *f = &r->fields[b->client_col];
        out_field(&b->out, f->text, f->len);
    }
    out_bytes(&b->out, ",error,,,,,,,,", 14);
    char message[RAS_ERROR_MESSAGE_MAX + 64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    size_t len = n < 0 ? 0 : (size_t)n < sizeof message ? (size_t)n : sizeof message - 1;
    out_field(&b->out, message, len);
    out_char(&b->out, '\n');
    b->sum->errors++;
}

static ras_status ok_row(batch *b, ras_error *err)
{
    const ras_result *res = b->r;
    const ras_case *c = b->c;
    outbuf *o = &b->out;
    size_t t = (size_t)(res->table - b->model->tables);
    out_field(o, c->client_id, c->client_id_len);
    out_bytes(o, ",ok,", 4);
    out_int(o, res->total);
    out_char(o, ',');
    out_money(o, res->ras_amount);
    out_char(o, ',');
    out_money(o, res->budget);
    out_char(o, ',');
    out_money(o, res->weekly);
    switch (res->basis) {
    case RAS_BASIS_RAS: out_bytes(o, ",ras,", 5); break;
    case RAS_BASIS_EXISTING_PACKAGE: out_bytes(o, ",existing_package,", 18); break;
    case RAS_BASIS_BELOW_THRESHOLD: out_bytes(o, ",below_threshold,", 17); break;
    }
    out_bytes(o, res->panel ? "yes," : "no,", res->panel ? 4 : 3);
    out_bytes(o, b->scoring[t], b->scoring_len[t]);
    out_bytes(o, ",\n", 2);
    ras_batch_summary *s = b->sum;
    s->ok++;
    s->panel += res->panel ? 1 : 0;
    b->table_rows[t]++;
    if (!ras_add_i64(s->total, res->budget, &s->total))
        return ras_fail(err, RAS_ERR_OVERFLOW, b->in_name, b->csv.record_line, 0, NULL,
                        "the total of indicative budgets is too large to add up");
    return RAS_OK;
}

/* Sets every column of the current record into the case; false after
 * writing an error row. */
static bool fill_case(batch *b)
{
    const ras_csv *r = &b->csv;
    unsigned long line = r->record_line;
    ras_case *c = b->c;
    ras_error e;
    for (size_t i = 0; i < b->n_cols; i++) {
        const column *col = &b->cols[i];
        const ras_csv_field *f = &r->fields[i];
        ras_status st;
        if (col->kind == COL_QUESTION)
            st = ras_case_set_answer(c, col->question, f->text, f->len, &e);
        else if (col->kind == COL_FIELD)
            st = ras_case_set_field(c, col->field, f->text, f->len, &e);
        else
            continue;
        if (st != RAS_OK) {
            error_row(b, "column '%s' (line %lu): %s", col->name, line, e.message);
            return false;
        }
    }
    return true;
}

static ras_status score_row(batch *b, ras_error *err)
{
    const ras_csv *r = &b->csv;
    unsigned long line = r->record_line;
    b->sum->rows++;
    if (r->n_fields != b->n_cols) {
        error_row(b, "line %lu: %zu fields where the header has %zu", line, r->n_fields,
                  b->n_cols);
        return RAS_OK;
    }
    if (r->bad_field >= 0) {
        error_row(b, "column '%s' (line %lu): the cell holds %s", b->cols[r->bad_field].name,
                  line, r->bad_reason);
        return RAS_OK;
    }
    ras_case_clear(b->c);
    if (!fill_case(b))
        return RAS_OK;
    ras_error e;
    if (ras_score(b->model, b->c, b->r, &e) != RAS_OK) {
        error_row(b, "line %lu: %s", line, e.message);
        return RAS_OK;
    }
    return ok_row(b, err);
}

/* ---- the run ------------------------------------------------------ */

static void fill_summary(const batch *b)
{
    ras_batch_summary *s = b->sum;
    s->n_tables_used = 0;
    for (size_t i = 0; i < b->model->n_tables && s->n_tables_used < RAS_MAX_TABLES; i++)
        if (b->table_rows[i])
            s->tables_used[s->n_tables_used++] =
                (ras_table_use){&b->model->tables[i], b->table_rows[i]};
}

static void batch_free(batch *b)
{
    ras_csv_close(&b->csv);
    free(b->out.buf);
    free(b->cols);
    free(b->names);
    if (b->scoring)
        for (size_t i = 0; i < b->model->n_tables; i++)
            free(b->scoring[i]);
    free(b->scoring);
    free(b->scoring_len);
    free(b->table_rows);
    ras_case_free(b->c);
    ras_result_free(b->r);
}

static ras_status run(batch *b, ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    bool have;
    ras_status st = ras_csv_next(&b->csv, &have, err);
    if (st != RAS_OK)
        return st;
    if (!have)
        return ras_fail(err, RAS_ERR_SYNTAX, b->in_name, 1, 0, NULL,
                        "the file is empty (expected a header row naming client_id and the "
                        "questions)");
    if ((st = read_columns(b, warn, warn_ctx, err)) != RAS_OK)
        return st;
    out_bytes(&b->out, out_header, sizeof out_header - 1);
    for (;;) {
        if ((st = ras_csv_next(&b->csv, &have, err)) != RAS_OK || !have)
            break;
        if ((st = score_row(b, err)) != RAS_OK || b->out.failed)
            break;
    }
    fill_summary(b);
    out_flush(&b->out);
    if (st == RAS_OK && (b->out.failed || fflush(b->out.f) != 0 || ferror(b->out.f)))
        st = ras_fail(err, RAS_ERR_IO, NULL, 0, 0, NULL, "cannot write the output: %s",
                      strerror(errno));
    return st;
}

ras_status ras_batch(const ras_model *model, FILE *in, const char *in_name, FILE *out,
                     ras_batch_summary *summary, ras_warn_fn warn, void *warn_ctx,
                     ras_error *err)
{
    ras_batch_summary local;
    if (!summary)
        summary = &local;
    memset(summary, 0, sizeof *summary);
    if (!model || !in || !out)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    batch b;
    memset(&b, 0, sizeof b);
    b.model = model;
    b.in_name = in_name ? in_name : "-";
    b.sum = summary;
    b.out.f = out;
    ras_status st = ras_csv_open_file(&b.csv, in, b.in_name, err);
    if (st != RAS_OK)
        return st;
    b.out.buf = malloc(OUT_BUFFER);
    b.c = ras_case_new(model);
    b.r = ras_result_new(model);
    if (!b.out.buf || !b.c || !b.r)
        st = ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    if (st == RAS_OK)
        st = prepare_tables(&b, err);
    if (st == RAS_OK)
        st = run(&b, warn, warn_ctx, err);
    batch_free(&b);
    return st;
}

ras_pence ras_batch_mean(const ras_batch_summary *s)
{
    if (!s || s->ok == 0 || s->total <= 0 || s->ok > (uint64_t)INT64_MAX)
        return 0;
    return ras_div_round_half_up(s->total, (int64_t)s->ok);
}
