/* case_rows.c - binding a CSV header to a model and loading records into
 * cases (docs/model-format.md section 7). */
#include "case_rows.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "error.h"
#include "header_name.h"
#include "num.h"
#include "outbuf.h"
#include "records.h"
#include "short_text.h"
#include "text_check.h"

/* The first column bound to the same target as col, or NULL: two
 * columns that name one field or question would make a row ambiguous. */
static const ras_col *same_target(const ras_col *col, const ras_col **by_question,
                                  const ras_col **by_field, const ras_col **extra)
{
    const ras_col **slot = NULL;
    if (col->kind == RAS_COL_QUESTION)
        slot = &by_question[col->question->index];
    else if (col->kind == RAS_COL_FIELD)
        slot = &by_field[col->field];
    else if (col->kind == RAS_COL_EXTRA)
        slot = extra;
    if (!slot)
        return NULL;
    const ras_col *prev = *slot;
    if (!prev)
        *slot = col;
    return prev;
}

/* The name a column is bound to, for the message. */
static const char *target_name(const ras_col *col, const char *extra)
{
    if (col->kind == RAS_COL_QUESTION)
        return col->question->id;
    if (col->kind == RAS_COL_FIELD)
        return ras_field_name(col->field);
    return extra ? extra : "";
}

/* Two columns bound to one target: an error at the second, naming both. */
static ras_status check_duplicates(const ras_rows *h, const ras_model *model, const char *extra,
                                   unsigned long line, ras_error *err)
{
    const ras_col **by_question =
        calloc(model->n_questions ? model->n_questions : 1, sizeof(const ras_col *));
    const ras_col *by_field[RAS_FIELD_COUNT] = {NULL};
    const ras_col *extra_col = NULL;
    if (!by_question)
        return ras_fail(err, RAS_ERR_NOMEM, h->in_name, 0, 0, NULL, "out of memory");
    ras_status st = RAS_OK;
    for (size_t i = 0; i < h->n_cols && st == RAS_OK; i++) {
        const ras_col *y = &h->cols[i];
        const ras_col *x = same_target(y, by_question, by_field, &extra_col);
        if (!x)
            continue;
        char a[RAS_SHOWN_MAX], b[RAS_SHOWN_MAX];
        ras_text_show(x->name, x->len, a);
        ras_text_show(y->name, y->len, b);
        size_t xi = (size_t)(x - h->cols) + 1, yi = i + 1;
        if (x->len == y->len && memcmp(x->name, y->name, x->len) == 0)
            st = ras_fail(err, RAS_ERR_SYNTAX, h->in_name, line, yi, b,
                          "column '%s' appears twice in the header (columns %zu and %zu)", b, xi,
                          yi);
        else
            st = ras_fail(err, RAS_ERR_SYNTAX, h->in_name, line, yi, b,
                          "columns '%s' (column %zu) and '%s' (column %zu) both name '%s'", a, xi,
                          b, yi, target_name(y, extra));
    }
    free(by_question);
    return st;
}

static void warn_ignored(const ras_rows *h, const ras_col *col, unsigned long line,
                         ras_warn_fn warn, void *ctx)
{
    if (!warn)
        return;
    ras_error w;
    ras_error_clear(&w);
    size_t index = (size_t)(col - h->cols) + 1;
    char shown[RAS_SHOWN_MAX];
    ras_text_show(col->name, col->len, shown);
    if (col->len == 0)
        ras_fail(&w, RAS_OK, h->in_name, line, index, "", "column %zu has no name: ignored", index);
    else
        ras_fail(&w, RAS_OK, h->in_name, line, index, shown,
                 "unknown column '%s' (not a client field or a question): ignored", shown);
    warn(ctx, &w);
}

/* A required question with no column would fail every row alike: the
 * export is wrong, not the rows, so it is one error at the header, which
 * names up to three such questions. */
static ras_status check_required(const ras_rows *h, const ras_model *model, unsigned long line,
                                 ras_error *err)
{
    unsigned char *has = calloc(model->n_questions ? model->n_questions : 1, 1);
    if (!has)
        return ras_fail(err, RAS_ERR_NOMEM, h->in_name, 0, 0, NULL, "out of memory");
    for (size_t i = 0; i < h->n_cols; i++)
        if (h->cols[i].kind == RAS_COL_QUESTION)
            has[h->cols[i].question->index] = 1;
    const ras_question *missing[3] = {NULL, NULL, NULL};
    size_t n = 0;
    for (size_t k = 0; k < model->n_questions; k++) {
        if (has[k] || !model->questions[k].required)
            continue;
        if (n < 3)
            missing[n] = &model->questions[k];
        n++;
    }
    free(has);
    if (n == 0)
        return RAS_OK;
    const char *first = missing[0]->id;
    if (n == 1)
        return ras_fail(err, RAS_ERR_SYNTAX, h->in_name, line, 0, first,
                        "the header has no column for required question '%s'", first);
    char more[48] = "";
    if (n > 3)
        snprintf(more, sizeof more, " and %zu more", n - 3);
    if (n == 2)
        return ras_fail(err, RAS_ERR_SYNTAX, h->in_name, line, 0, first,
                        "the header has no column for required questions '%s' and '%s'", first,
                        missing[1]->id);
    return ras_fail(err, RAS_ERR_SYNTAX, h->in_name, line, 0, first,
                    "the header has no column for required questions '%s', '%s'%s '%s'%s", first,
                    missing[1]->id, n == 3 ? " and" : ",", missing[2]->id, more);
}

/* Fills a question column's one-byte table (case_rows.h). An id two
 * answers share, an answer past the plan's slots, or a digit whose points
 * would overflow, is left to the long way, which reports it. */
static void plan_question(ras_col *col, ras_col_plan *plan, const ras_question *q)
{
    memset(plan, 0, sizeof *plan);
    col->plan = plan;
    col->index = q->index;
    col->domain = q->domain;
    col->first_answer = q->first_answer;
    if (q->type == RAS_NUMBER) {
        col->op = RAS_OP_NUMBER;
        for (int64_t v = 0; v <= 9; v++)
            if (v >= q->min && v <= q->max && ras_mul_i64(v, q->points_per_unit, &plan->points[v]))
                plan->letter['0' + v] = (unsigned char)(v + 1);
        return;
    }
    col->op = q->type == RAS_SINGLE ? RAS_OP_SINGLE : RAS_OP_MULTIPLE;
    unsigned char seen[sizeof plan->letter] = {0};
    for (size_t a = 0; a < q->n_answers && a < RAS_PLAN_SLOTS; a++) {
        const char *id = q->answers[a].id;
        unsigned char ch = (unsigned char)id[0];
        plan->points[a] = q->answers[a].points;
        plan->adjust[a] = q->answers[a].adjust;
        if (ch == 0 || id[1] != '\0')
            continue;
        plan->letter[ch] = seen[ch] ? 0 : (unsigned char)(a + 1);
        seen[ch] = 1;
    }
}

/* Binds a column to a client field. */
static void bind_field(ras_rows *h, ras_col *col, size_t i, int f)
{
    col->kind = RAS_COL_FIELD;
    col->op = RAS_OP_FIELD;
    col->field = (ras_field)f;
    if (f == RAS_FIELD_CLIENT_ID) {
        col->op = RAS_OP_CLIENT;
        h->client_col = i;
    }
}

/* Binds a column to a question. */
static void bind_question(ras_rows *h, ras_col *col, const ras_question *q)
{
    col->kind = RAS_COL_QUESTION;
    col->question = q;
    plan_question(col, &h->plans[q->index], q);
}

static void bind_extra(ras_rows *h, ras_col *col, size_t i)
{
    col->kind = RAS_COL_EXTRA;
    h->extra_col = (long)i;
}

/* The header name as written: the usual export of ras's own names. */
static bool match_exact(ras_rows *h, const ras_model *model, size_t i, const char *extra)
{
    ras_col *col = &h->cols[i];
    int f = ras_field_find(col->name, col->len);
    if (f >= 0) {
        bind_field(h, col, i, f);
        return true;
    }
    const ras_question *q = ras_model_find_question(model, col->name, col->len);
    if (q) {
        bind_question(h, col, q);
        return true;
    }
    if (extra && strlen(extra) == col->len && memcmp(extra, col->name, col->len) == 0) {
        bind_extra(h, col, i);
        return true;
    }
    return false;
}

/* The header name in its normal form (header_name.h): `Client ID` for
 * client_id, `Q1 0` for q1_0. Only for names not matched as written, so
 * the usual header costs nothing more. */
static bool match_normal(ras_rows *h, const ras_model *model, size_t i, const char *extra)
{
    ras_col *col = &h->cols[i];
    for (int f = 0; f < RAS_FIELD_COUNT; f++) {
        const char *name = ras_field_name((ras_field)f);
        if (ras_header_same(col->name, col->len, name, strlen(name))) {
            bind_field(h, col, i, f);
            return true;
        }
    }
    for (size_t k = 0; k < model->n_questions; k++) {
        const ras_question *q = &model->questions[k];
        if (ras_header_same(col->name, col->len, q->id, strlen(q->id))) {
            bind_question(h, col, q);
            return true;
        }
    }
    if (extra && ras_header_same(col->name, col->len, extra, strlen(extra))) {
        bind_extra(h, col, i);
        return true;
    }
    return false;
}

/* A column the mapping names (columns.h): bound to the ras column it
 * maps to, or quietly ignored. Another command's own column
 * (recorded_budget, current_cost), as one mapping may serve them all,
 * is ignored too. A name that is none of these is an error located in
 * the mapping. */
static ras_status match_mapped(ras_rows *h, const ras_model *model, size_t i, const char *extra,
                               const ras_column_map *m, ras_error *err)
{
    ras_col *col = &h->cols[i];
    col->quiet = true;
    if (!m->to)
        return RAS_OK;
    int f = ras_field_find(m->to, m->to_len);
    const ras_question *q = ras_model_find_question(model, m->to, m->to_len);
    if (f >= 0)
        bind_field(h, col, i, f);
    else if (q)
        bind_question(h, col, q);
    else if (extra && strlen(extra) == m->to_len && memcmp(extra, m->to, m->to_len) == 0)
        bind_extra(h, col, i);
    else if (strcmp(m->to, "recorded_budget") != 0 && strcmp(m->to, "current_cost") != 0)
        return ras_fail(err, RAS_ERR_SYNTAX, h->columns->file, m->line, m->column, m->to,
                        "'%s' (for column '%s') is not a client field, a question of "
                        "questionnaire '%s', recorded_budget or current_cost",
                        m->to, m->from, model->id);
    return RAS_OK;
}

/* Matches one named column to its target: through the column mapping
 * first, then as written, then in its normal form. */
static ras_status match_column(ras_rows *h, const ras_model *model, size_t i, const char *extra,
                               ras_error *err)
{
    const ras_col *col = &h->cols[i];
    const ras_column_map *m = ras_columns_find(h->columns, col->name, col->len);
    if (m)
        return match_mapped(h, model, i, extra, m, err);
    if (!match_exact(h, model, i, extra))
        match_normal(h, model, i, extra);
    return RAS_OK;
}

/* True when a column holds answers a text may name (single, multiple),
 * of a model whose question indexes the memo keys (answer_memo.h). */
static bool names_answers(const ras_rows *h, const ras_model *model)
{
    if (model->n_questions >= UINT32_MAX)
        return false;
    for (size_t i = 0; i < h->n_cols; i++)
        if (h->cols[i].op == RAS_OP_SINGLE || h->cols[i].op == RAS_OP_MULTIPLE)
            return true;
    return false;
}

ras_status ras_rows_bind(ras_rows *h, const ras_model *model, const ras_csv *r, const char *in_name,
                         const char *extra, ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    h->in_name = in_name;
    h->extra_col = -1;
    h->warn = warn;
    h->warn_ctx = warn_ctx;
    unsigned long line = r->record_line;
    if (r->bad_field >= 0)
        return ras_fail(err, RAS_ERR_SYNTAX, in_name, line, (size_t)r->bad_field + 1, NULL,
                        "the header's column %ld holds %s", r->bad_field + 1, r->bad_reason);
    size_t total = 0;
    for (size_t i = 0; i < r->n_fields; i++)
        total += r->fields[i].len + 1;
    h->n_cols = r->n_fields;
    h->client_col = (size_t)-1;
    h->cols = calloc(h->n_cols ? h->n_cols : 1, sizeof *h->cols);
    h->names = malloc(total ? total : 1);
    h->plans = malloc((model->n_questions ? model->n_questions : 1) * sizeof *h->plans);
    if (!h->cols || !h->names || !h->plans)
        return ras_fail(err, RAS_ERR_NOMEM, in_name, 0, 0, NULL, "out of memory");
    char *p = h->names;
    for (size_t i = 0; i < h->n_cols; i++) {
        ras_col *col = &h->cols[i];
        memcpy(p, r->fields[i].text, r->fields[i].len);
        p[r->fields[i].len] = '\0';
        col->name = p;
        col->len = r->fields[i].len;
        p += col->len + 1;
    }
    ras_status st = RAS_OK;
    for (size_t i = 0; i < h->n_cols && st == RAS_OK; i++)
        st = match_column(h, model, i, extra, err);
    if (st == RAS_OK)
        st = check_duplicates(h, model, extra, line, err);
    if (st != RAS_OK)
        return st;
    if (h->client_col == (size_t)-1)
        return ras_fail(err, RAS_ERR_SYNTAX, in_name, line, 0, "client_id",
                        "the header has no client_id column");
    for (size_t i = 0; i < h->n_cols; i++)
        if (h->cols[i].kind == RAS_COL_IGNORED && !h->cols[i].quiet)
            warn_ignored(h, &h->cols[i], line, warn, warn_ctx);
    st = check_required(h, model, line, err);
    if (st == RAS_OK && names_answers(h, model))
        h->memo = ras_answer_memo_new(); /* none: every text the long way */
    return st;
}

/* ras_csv_next, with a broken field's error naming its column. */
static ras_status next_record(const ras_rows *h, ras_csv *r, bool *have, ras_error *err)
{
    ras_status st = ras_csv_next(r, have, err);
    if (st == RAS_OK || !err || err->column == 0 || st == RAS_ERR_IO || st == RAS_ERR_NOMEM)
        return st;
    /* The reader gives the field's number as the column. */
    char bare[RAS_ERROR_MESSAGE_MAX], where[RAS_SHOWN_MAX + 32];
    unsigned long field = err->column;
    if (h && h->cols && field <= h->n_cols && h->cols[field - 1].len > 0) {
        const ras_col *col = &h->cols[field - 1];
        char shown[RAS_SHOWN_MAX];
        ras_text_show(col->name, col->len, shown);
        snprintf(where, sizeof where, "column '%s'", shown);
        ras_error_set_subject(err, col->name, col->len);
    } else if (h && h->cols) {
        snprintf(where, sizeof where, "column %lu (past the header's %zu)", field, h->n_cols);
    } else {
        snprintf(where, sizeof where, "the header's column %lu", field);
    }
    memcpy(bare, err->message, sizeof bare);
    int n = snprintf(err->message, sizeof err->message, "%s: %s", where, bare);
    if (n < 0 || (size_t)n >= sizeof err->message) /* cut short: end it visibly */
        memcpy(err->message + sizeof err->message - 4, "...", 4);
    return st;
}

/* True when every cell of the record is empty or spaces: a row an
 * export pads a sheet with. The first cell decides the usual row. */
static bool all_empty(const ras_csv *r)
{
    for (size_t i = 0; i < r->n_fields; i++)
        for (size_t k = 0; k < r->fields[i].len; k++)
            if (r->fields[i].text[k] != ' ' && r->fields[i].text[k] != '\t')
                return false;
    return true;
}

/* Adds the pending client id; names it when an earlier row had it. */
static void check_pending_id(ras_rows *h)
{
    if (!h->id_pending)
        return;
    h->id_pending = false;
    unsigned long first = ras_client_ids_add_id(&h->ids, h->pending_id, h->pending_len,
                                                h->pending_hash, h->pending_line);
    if (first == 0)
        return;
    if (h->duplicate_ids++ >= RAS_ROWS_DUPLICATES_NAMED || !h->warn)
        return;
    ras_error w;
    ras_error_clear(&w);
    char shown[RAS_SHOWN_MAX];
    ras_text_show(h->pending_id, h->pending_len, shown);
    ras_fail(&w, RAS_OK, h->in_name, h->pending_line, (size_t)h->client_col + 1, shown,
             "client id '%s' was seen before, on line %lu", shown, first);
    h->warn(h->warn_ctx, &w);
}

/* Notes the record's client id: its slot is fetched now and the id added
 * when the next row is read (or the file ends), so the fetch overlaps
 * scoring this row (client_ids.h). */
static void note_client_id(ras_rows *h, const ras_csv *r)
{
    ras_csv_field f;
    bool have = ras_rows_client(h, r, &f) && f.len > 0 && f.len <= RAS_MAX_CLIENT_ID; /* trimmed */
    uint64_t hash = have ? ras_client_ids_hash(f.text, f.len) : 0;
    if (have)
        ras_client_ids_prefetch(&h->ids, hash);
    check_pending_id(h);
    if (!have)
        return;
    h->id_pending = true;
    h->pending_hash = hash;
    h->pending_line = r->record_line;
    h->pending_len = f.len;
    memcpy(h->pending_id, f.text, f.len);
}

ras_status ras_rows_next(ras_rows *h, ras_csv *r, bool *have, ras_error *err)
{
    for (;;) {
        ras_status st = next_record(h, r, have, err);
        if (st == RAS_OK && !*have && h && h->cols)
            check_pending_id(h); /* the last row's */
        if (st != RAS_OK || !*have || !h || !h->cols)
            return st;
        if (r->n_fields > 0 && r->fields[0].len > 0 && r->fields[0].text[0] != ' ')
            break; /* the usual row: not blank */
        if (!all_empty(r))
            break;
        h->blank_rows++;
    }
    if (!h->ids_known)
        note_client_id(h, r);
    return RAS_OK;
}

ras_status ras_rows_start(ras_rows *h, const ras_model *model, ras_csv *r, const char *in_name,
                          const char *extra, const char *extra_what, ras_warn_fn warn,
                          void *warn_ctx, ras_error *err)
{
    bool have;
    ras_status st = next_record(NULL, r, &have, err);
    if (st != RAS_OK)
        return st;
    if (!have)
        return ras_fail(err, RAS_ERR_SYNTAX, in_name, 1, 0, NULL,
                        "the file is empty (expected a header row naming client_id%s%s and the "
                        "questions)",
                        extra ? ", " : "", extra ? extra : "");
    st = ras_rows_bind(h, model, r, in_name, extra, warn, warn_ctx, err);
    if (st != RAS_OK || !extra || h->extra_col >= 0)
        return st;
    return ras_fail(err, RAS_ERR_SYNTAX, in_name, r->record_line, 0, extra,
                    "the header has no %s column (%s)", extra, extra_what);
}

ras_status ras_rows_open(ras_rows *h, ras_csv *r, FILE *in, const char *in_name,
                         const ras_read_options *opts, ras_error *err)
{
    return ras_rows_open_read(h, r, in, ras_csv_read_file, in, in_name, opts, err);
}

ras_status ras_rows_open_read(ras_rows *h, ras_csv *r, FILE *in, ras_csv_read_fn read,
                              void *read_ctx, const char *in_name, const ras_read_options *opts,
                              ras_error *err)
{
    ras_read_options defaults;
    if (!opts) {
        ras_read_options_init(&defaults);
        opts = &defaults;
    }
    memset(h, 0, sizeof *h);
    h->columns = opts->columns;
    /* The first bytes tell a workbook from a CSV (records.h), as they are. */
    ras_status st = ras_records_open(r, in, read, read_ctx, in_name, opts, err);
    if (st != RAS_OK || ras_records_workbook(r))
        return st;
    /* A CSV's bytes then go through the encoding layer on their way to
     * the reader (the bytes looked at first included). */
    h->src = malloc(sizeof *h->src);
    st = h->src
             ? ras_csv_source_open(h->src, r->read, r->ctx, opts->encoding, !opts->no_sha256, err)
             : ras_fail(err, RAS_ERR_NOMEM, in_name, 0, 0, NULL, "out of memory");
    if (st != RAS_OK) { /* nothing left open on failure */
        free(h->src);
        h->src = NULL;
        ras_csv_close(r);
        return st;
    }
    r->read = ras_csv_source_read;
    r->ctx = h->src;
    r->delim = opts->delimiter;
    return RAS_OK;
}

ras_status ras_rows_open_hashed(ras_rows *h, ras_csv *r, FILE *in, ras_hash_read *hash,
                                const char *in_name, const ras_read_options *opts, ras_error *err)
{
    ras_status st = ras_hash_read_init(hash, in);
    if (st != RAS_OK) {
        ras_hash_read_free(hash);
        return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL,
                        "out of memory: cannot compute the SHA-256 of the input");
    }
    ras_read_options read;
    ras_read_options_init(&read);
    if (opts)
        read = *opts;
    read.no_sha256 = true;
    st = ras_rows_open_read(h, r, in, ras_hash_read_fn, hash, in_name, &read, err);
    if (st != RAS_OK)
        ras_hash_read_free(hash);
    return st;
}

void ras_rows_facts(ras_rows *h, const ras_csv *r, ras_read_facts *facts)
{
    memset(facts, 0, sizeof *facts);
    facts->duplicate_ids = h->duplicate_ids;
    facts->ids_capped = h->ids.capped;
    facts->blank_rows = h->blank_rows;
    facts->encoding = RAS_ENCODING_UTF8;
    facts->encoding_detected = true;
    if (ras_records_workbook(r))
        return; /* no encoding, delimiter or quotes of its own: delimiter 0 */
    if (h->src) {
        /* An input settled as neither is ASCII: UTF-8 as it stands. */
        if (h->src->encoding == RAS_ENCODING_CP1252)
            facts->encoding = RAS_ENCODING_CP1252;
        facts->encoding_detected = h->src->detected;
        facts->bytes = h->src->bytes;
        if (r->eof)
            ras_csv_source_sha256(h->src, facts->sha256);
    }
    facts->bom = r->bom;
    facts->delimiter = (char)(r->delim ? r->delim : ',');
    facts->delimiter_detected = r->delim ? r->delim_detected : true;
    facts->blank_rows += r->blank_lines;
    facts->literal_quotes = r->literal_quotes;
    facts->first_literal_quote = r->first_quote_line;
}

void ras_rows_free(ras_rows *h)
{
    free(h->cols);
    free(h->names);
    free(h->plans);
    ras_answer_memo_free(h->memo);
    h->memo = NULL;
    h->cols = NULL;
    h->names = NULL;
    h->plans = NULL;
    ras_csv_source_close(h->src);
    free(h->src);
    h->src = NULL;
    ras_client_ids_free(&h->ids);
}

/* The usual cells of a question column, set inline into the cleared
 * case that f fills: blank, a one-byte answer or digit, "a;c" in a
 * multiple question. True when done; false for anything else, which then
 * goes the long way. */
static inline bool put_single(ras_case_fill *f, const ras_col *col, const char *text, size_t len)
{
    const ras_col_plan *plan = col->plan;
    unsigned s;
    /* The one-byte answer first: one test on the usual path. */
    if (len == 1 && (s = plan->letter[(unsigned char)text[0]]) != 0) {
        s--;
        ras_case_fill_single(f, col->index, col->domain, s, plan->points[s], plan->adjust[s]);
        return true;
    }
    return len == 0; /* blank: unanswered, as cleared; else the long way */
}

static inline bool put_number(ras_case_fill *f, const ras_col *col, const char *text, size_t len)
{
    const ras_col_plan *plan = col->plan;
    unsigned s;
    if (len == 1 && (s = plan->letter[(unsigned char)text[0]]) != 0) {
        s--;
        ras_case_fill_number(f, col->index, col->domain, (int64_t)s, plan->points[s]);
        return true;
    }
    return len == 0;
}

static inline bool put_multiple(ras_case_fill *f, const ras_col *col, const char *text, size_t len)
{
    const ras_col_plan *plan = col->plan;
    unsigned s, t;
    if (len == 0) {
        ras_case_fill_none(f, col->index);
        return true;
    }
    if (len == 1 && (s = plan->letter[(unsigned char)text[0]]) != 0) {
        s--;
        ras_case_fill_none(f, col->index);
        ras_case_fill_choose(f, col->domain, col->first_answer + s, plan->points[s],
                             plan->adjust[s]);
        return true;
    }
    if (len == 3 && text[1] == ';' && (s = plan->letter[(unsigned char)text[0]]) != 0 &&
        (t = plan->letter[(unsigned char)text[2]]) != 0 && s != t) {
        s--;
        t--;
        ras_case_fill_none(f, col->index);
        ras_case_fill_choose(f, col->domain, col->first_answer + s, plan->points[s],
                             plan->adjust[s]);
        ras_case_fill_choose(f, col->domain, col->first_answer + t, plan->points[t],
                             plan->adjust[t]);
        return true;
    }
    return false;
}

/* Sets the usual cells of any column inline: the question cells above, a
 * blank client field (the default the cleared case holds), the usual
 * client id. The tests go in the order columns are common in, rather
 * than through a jump table: a compare and branch is cheaper than the
 * indirect jump, and the processor learns each column's outcome. */
static inline bool put_usual(ras_case *c, ras_case_fill *f, const ras_col *col, const char *text,
                             size_t len)
{
    ras_col_op op = col->op;
    if (op == RAS_OP_SINGLE)
        return put_single(f, col, text, len);
    if (op == RAS_OP_NUMBER)
        return put_number(f, col, text, len);
    if (op == RAS_OP_MULTIPLE)
        return put_multiple(f, col, text, len);
    if (op == RAS_OP_FIELD)
        return len == 0;
    if (op == RAS_OP_CLIENT) {
        ras_csv_unguard(&text, &len); /* an id as a ras CSV wrote it */
        return ras_case_fresh_client_id(c, text, len);
    }
    return true; /* RAS_OP_SKIP */
}

/* Spaces and tabs off both ends of a cell or of one answer in it, as
 * the general setters take them off. */
static inline void trim_cell(const char **text, size_t *len)
{
    const char *t = *text;
    size_t n = *len;
    while (n > 0 && (t[0] == ' ' || t[0] == '\t')) {
        t++;
        n--;
    }
    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
        n--;
    *text = t;
    *len = n;
}

/* The answer of col's question that one trimmed answer of a cell names:
 * remembered (the memo is per question, which one column names), else
 * found as the general setter finds it and remembered. Negative when it
 * names none, which is never remembered. */
static long answer_of(const ras_rows *h, const ras_case *c, const ras_col *col, const char *text,
                      size_t len)
{
    const ras_memo_slot *s = ras_answer_memo_find(h->memo, col->index, text, len);
    if (s && s->n == 1)
        return s->answer[0];
    long i = ras_case_answer_named(c, col->question, text, len);
    if (i >= 0) {
        const ras_answer *a = &col->question->answers[i];
        ras_answer_memo_put(h->memo, col->index, text, len, &i, 1, a->points, a->adjust);
    }
    return i;
}

/* A single question's cell that names its answer by text, or by an id
 * in another case or with spaces: the cell as written from the memo,
 * else trimmed, found and remembered. */
static bool put_single_text(const ras_rows *h, const ras_case *c, ras_case_fill *f,
                            const ras_col *col, const char *text, size_t len)
{
    const ras_memo_slot *s = ras_answer_memo_find(h->memo, col->index, text, len);
    if (s) {
        ras_case_fill_single(f, col->index, col->domain, (size_t)s->answer[0], s->points,
                             s->adjust);
        return true;
    }
    const char *t = text;
    size_t n = len;
    trim_cell(&t, &n);
    if (n == 0)
        return true; /* spaces: unanswered, as cleared */
    long i = ras_case_answer_named(c, col->question, t, n);
    if (i < 0)
        return false;
    const ras_answer *a = &col->question->answers[i];
    ras_answer_memo_put(h->memo, col->index, text, len, &i, 1, a->points, a->adjust);
    ras_case_fill_single(f, col->index, col->domain, (size_t)i, a->points, a->adjust);
    return true;
}

/* Answers of one multiple cell set here; a longer list goes the long way. */
#define RAS_TEXT_CHOICES 16

/* The answers a multiple question's cell names, each found on its own:
 * texts or ids separated by ';' or '|' (`Activity e | Activity c`), as
 * the general setter splits them. False for a cell it must refuse (an
 * empty or unknown answer, one chosen twice) or one too long to list. */
static bool split_answers(const ras_rows *h, const ras_case *c, const ras_col *col,
                          const char *text, size_t len, long *chosen, size_t *n)
{
    *n = 0;
    trim_cell(&text, &len);
    for (size_t start = 0; start < len;) {
        size_t stop = start;
        while (stop < len && text[stop] != ';' && text[stop] != '|')
            stop++;
        const char *one = text + start;
        size_t one_len = stop - start;
        trim_cell(&one, &one_len);
        long i = *n < RAS_TEXT_CHOICES && one_len > 0 ? answer_of(h, c, col, one, one_len) : -1;
        if (i < 0)
            return false;
        for (size_t k = 0; k < *n; k++)
            if (chosen[k] == i)
                return false;
        chosen[(*n)++] = i;
        if (stop == len)
            break;
        start = stop + 1;
        if (start == len)
            return false; /* a trailing separator: an empty answer */
    }
    return true;
}

/* A multiple question's cell of texts or ids: the cell as written from
 * the memo, else split, each answer found, and remembered. Every answer
 * is found before any is set, so a cell the long way must refuse leaves
 * the case as it was. */
static bool put_multiple_text(const ras_rows *h, const ras_case *c, ras_case_fill *f,
                              const ras_col *col, const char *text, size_t len)
{
    const ras_memo_slot *s = ras_answer_memo_find(h->memo, col->index, text, len);
    if (s) {
        ras_case_fill_none(f, col->index);
        ras_case_fill_choose_all(f, col->domain, col->first_answer, s->answer, s->n, s->points,
                                 s->adjust);
        return true;
    }
    long chosen[RAS_TEXT_CHOICES];
    size_t n;
    if (!split_answers(h, c, col, text, len, chosen, &n))
        return false;
    ras_case_fill_none(f, col->index);
    int64_t points = 0, adjust = 0;
    for (size_t k = 0; k < n; k++) {
        const ras_answer *a = &col->question->answers[chosen[k]];
        ras_case_fill_choose(f, col->domain, col->first_answer + (size_t)chosen[k], a->points,
                             a->adjust);
        points += a->points;
        adjust += a->adjust;
    }
    ras_answer_memo_put(h->memo, col->index, text, len, chosen, n, points, adjust);
    return true;
}

/* A question cell put_usual did not take, set through the memo of texts
 * (answer_memo.h): answers by their text, in another case, with spaces.
 * False sends it the long way, which also gives every error. */
static bool put_text(const ras_rows *h, const ras_case *c, ras_case_fill *f, const ras_col *col,
                     const char *text, size_t len)
{
    if (col->op == RAS_OP_SINGLE)
        return put_single_text(h, c, f, col, text, len);
    if (col->op == RAS_OP_MULTIPLE)
        return put_multiple_text(h, c, f, col, text, len);
    return false;
}

/* A cell put_usual did not take: the general setters, which check it and
 * name what is wrong. They keep the case's running totals themselves, so
 * the caller hands the fill's adjust sum over first and takes it back
 * after. */
static bool put_long_way(ras_case *c, const ras_col *col, const char *text, size_t len, char *msg,
                         size_t size, unsigned long line)
{
    ras_error e;
    if (col->op == RAS_OP_CLIENT)
        ras_csv_unguard(&text, &len);
    ras_status st = col->kind == RAS_COL_QUESTION
                        ? ras_case_put_answer(c, col->question, text, len, &e)
                        : ras_case_set_field(c, col->field, text, len, &e);
    if (st == RAS_OK)
        return true;
    snprintf(msg, size, "line %lu, column '%s': %s", line, col->name, e.message);
    return false;
}

/* What is wrong with a cell's bytes: "a NUL byte", "invalid UTF-8", or
 * NULL when nothing. */
static const char *bad_bytes(const ras_csv_field *f)
{
    if (f->len && memchr(f->text, '\0', f->len))
        return "a NUL byte";
    return ras_utf8_valid(f->text, f->len) ? NULL : "invalid UTF-8";
}

/* The first column ras reads whose cell holds a NUL or invalid UTF-8, or
 * -1: bytes in a column ras ignores are nobody's business (the reader
 * names the first bad field of all, r->bad_field). */
static long used_bad_field(const ras_rows *h, const ras_csv *r, const char **reason)
{
    for (size_t i = (size_t)r->bad_field; i < h->n_cols && i < r->n_fields; i++)
        if (h->cols[i].kind != RAS_COL_IGNORED && (*reason = bad_bytes(&r->fields[i])) != NULL)
            return (long)i;
    return -1;
}

bool ras_rows_load(const ras_rows *h, const ras_csv *r, ras_case *c, char *msg, size_t size)
{
    unsigned long line = r->record_line;
    if (r->n_fields != h->n_cols) {
        snprintf(msg, size, "line %lu: %zu fields where the header has %zu", line, r->n_fields,
                 h->n_cols);
        return false;
    }
    const char *reason = NULL;
    long bad = r->bad_field >= 0 ? used_bad_field(h, r, &reason) : -1;
    if (bad >= 0) {
        snprintf(msg, size, "line %lu, column '%s': the cell holds %s", line, h->cols[bad].name,
                 reason);
        return false;
    }
    ras_case_clear(c);
    /* The columns were bound to c's model's questions and fields at the
     * header, so the checked public setters are not needed. */
    ras_case_fill f = ras_case_fill_begin(c);
    const ras_csv_field *cell = r->fields;
    for (const ras_col *col = h->cols, *end = col + h->n_cols; col < end; col++, cell++) {
        if (put_usual(c, &f, col, cell->text, cell->len))
            continue;
        if (h->memo && put_text(h, c, &f, col, cell->text, cell->len))
            continue;
        ras_case_fill_end(c, &f);
        bool ok = put_long_way(c, col, cell->text, cell->len, msg, size, line);
        f = ras_case_fill_begin(c);
        if (!ok)
            return false;
    }
    ras_case_fill_end(c, &f);
    return true;
}

bool ras_rows_client(const ras_rows *h, const ras_csv *r, ras_csv_field *out)
{
    if (h->client_col >= r->n_fields || (long)h->client_col == r->bad_field)
        return false;
    *out = r->fields[h->client_col];
    while (out->len > 0 && (out->text[0] == ' ' || out->text[0] == '	')) {
        out->text++;
        out->len--;
    }
    while (out->len > 0 && (out->text[out->len - 1] == ' ' || out->text[out->len - 1] == '	'))
        out->len--;
    /* An error row does not echo a control character (ESC, U+0085...).
     * The usual id is printable ASCII, seen so a word at a time. */
    return ras_printable_ascii(out->text, out->len) || ras_text_is_clean(out->text, out->len);
}

const ras_csv_field *ras_rows_extra(const ras_rows *h, const ras_csv *r)
{
    if (h->extra_col < 0 || (size_t)h->extra_col >= r->n_fields)
        return NULL;
    return &r->fields[h->extra_col];
}
