/* fuzz_csv.c - the CSV reader and the batch. The input is a CSV file.
 *
 * The raw reader (src/lib/io/csv.h) reads it twice: once whole through the
 * usual buffer, once fed a few bytes at a time through a buffer shrunk to
 * a few dozen bytes, so every record, quote and CRLF straddles reads and
 * the buffer grows. Both readings must give the same records, lines and
 * errors. Then ras_batch scores it with the fixed model; its output is
 * read back and must hold the header and one row of ten fields for every
 * input record, and a file the reader finds broken must stop the batch.
 *
 * Last, the row loader's two paths are compared (check_paths): each
 * record is loaded by ras_rows_load, whose fast path fills a cleared case
 * inline from per-column plans, and cell by cell through the public
 * setters, into a cleared case and into one still holding the last row.
 * The three must agree on success or failure, on every answer and on the
 * running totals, and score alike. The fixed model has few one-letter
 * answers, so the records are also loaded into a second model with the
 * same question ids whose answers are mostly one letter or digit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_rows.h"
#include "csv.h"
#include "csv_source.h"
#include "fuzz.h"
#include "result.h"

#define OUTPUT_FIELDS 10 /* the columns of ras(1), batch */

typedef struct feed {
    const uint8_t *data;
    size_t size, at, chunk;
} feed;

static ras_status feed_read(void *ctx, char *buf, size_t size, size_t *got)
{
    feed *f = ctx;
    size_t n = f->size - f->at;
    if (f->chunk && n > f->chunk)
        n = f->chunk;
    if (n > size)
        n = size;
    if (n)
        memcpy(buf, f->data + f->at, n);
    f->at += n;
    *got = n;
    return RAS_OK;
}

/* What one reading saw, as bytes to compare. */
typedef struct reading {
    char *text;
    size_t size;
    size_t records;
    ras_status status;
    ras_encoding encoding; /* decoded readings: as settled */
    uint64_t blank_lines;  /* empty lines the reader skipped */
} reading;

static void put_number(FILE *out, unsigned long long n)
{
    fwrite(&n, sizeof n, 1, out);
}

/* Reads every record; cap 0 keeps the reader's own buffer size. With
 * decode, the bytes go through the encoding layer (csv_source.h) first,
 * as the batch reads them: UTF-8 or Windows-1252 settled on the way. */
static reading read_all(const uint8_t *data, size_t size, size_t chunk, size_t cap, bool decode)
{
    reading rd = {0};
    FILE *out = open_memstream(&rd.text, &rd.size);
    RAS_FUZZ_CHECK(out != NULL);
    feed f = {data, size, 0, chunk};
    ras_csv r;
    ras_error err;
    ras_csv_source src;
    if (decode) {
        RAS_FUZZ_CHECK(ras_csv_source_open(&src, feed_read, &f, RAS_ENCODING_AUTO, false, &err) ==
                       RAS_OK);
        RAS_FUZZ_CHECK(ras_csv_open(&r, ras_csv_source_read, &src, "fuzz.csv", &err) == RAS_OK);
    } else {
        RAS_FUZZ_CHECK(ras_csv_open(&r, feed_read, &f, "fuzz.csv", &err) == RAS_OK);
    }
    if (cap && cap < r.cap)
        r.cap = cap; /* the buffer stays allocated whole: only less is used */
    bool have = true;
    unsigned long last_line = 0;
    while ((rd.status = ras_csv_next(&r, &have, &err)) == RAS_OK && have) {
        RAS_FUZZ_CHECK(r.n_fields >= 1);
        RAS_FUZZ_CHECK(r.record_line > last_line);
        RAS_FUZZ_CHECK(r.bad_field < (long)r.n_fields);
        RAS_FUZZ_CHECK((r.bad_field < 0) == (r.bad_reason == NULL));
        last_line = r.record_line;
        put_number(out, r.record_line);
        put_number(out, r.n_fields);
        put_number(out, (unsigned long long)(r.bad_field + 1));
        for (size_t i = 0; i < r.n_fields; i++) {
            RAS_FUZZ_CHECK(r.fields[i].len <= RAS_CSV_FIELD_MAX);
            put_number(out, r.fields[i].len);
            fwrite(r.fields[i].text, 1, r.fields[i].len, out);
        }
        rd.records++;
    }
    if (rd.status != RAS_OK) {
        RAS_FUZZ_CHECK(err.status == rd.status && err.message[0] != '\0');
        put_number(out, err.line);
        put_number(out, err.column);
        fputs(err.message, out);
    }
    rd.blank_lines = r.blank_lines;
    ras_csv_close(&r);
    if (decode) {
        rd.encoding = src.encoding;
        ras_csv_source_close(&src);
    }
    RAS_FUZZ_CHECK(fclose(out) == 0);
    return rd;
}

/* A cheap hash of the input picks the chunk and buffer sizes, so a given
 * input always replays the same way. */
static void check_reader(const uint8_t *data, size_t size, reading *whole)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    size_t chunk = 1 + h % 7, cap = (size_t)8 << (h / 7 % 6);
    *whole = read_all(data, size, 0, 0, false);
    reading bits = read_all(data, size, chunk, cap, false);
    RAS_FUZZ_CHECK(whole->status == bits.status);
    RAS_FUZZ_CHECK(whole->records == bits.records);
    RAS_FUZZ_CHECK(whole->size == bits.size);
    RAS_FUZZ_CHECK(memcmp(whole->text, bits.text, whole->size) == 0);
    free(bits.text);
    /* The encoding is settled by the first read holding a byte above
     * 0x7f, so tiny reads may settle another one than whole ones. Settled
     * alike, where the reads cut a UTF-8 sequence (held back) or a
     * Windows-1252 byte's UTF-8 (handed on in pieces) must not matter. */
    reading dw = read_all(data, size, 0, 0, true);
    reading db = read_all(data, size, chunk, cap, true);
    if (dw.encoding == db.encoding) {
        RAS_FUZZ_CHECK(dw.status == db.status && dw.records == db.records);
        RAS_FUZZ_CHECK(dw.size == db.size && memcmp(dw.text, db.text, dw.size) == 0);
    }
    free(dw.text);
    free(db.text);
}

/* The batch's output: a header, then one row of ten fields per input row. */
static void check_output(const char *text, size_t size, uint64_t rows)
{
    feed f = {(const uint8_t *)text, size, 0, 0};
    ras_csv r;
    ras_error err;
    RAS_FUZZ_CHECK(ras_csv_open(&r, feed_read, &f, "out.csv", &err) == RAS_OK);
    bool have = true;
    uint64_t records = 0;
    ras_status st;
    while ((st = ras_csv_next(&r, &have, &err)) == RAS_OK && have) {
        RAS_FUZZ_CHECK(r.n_fields == OUTPUT_FIELDS);
        records++;
    }
    RAS_FUZZ_CHECK(st == RAS_OK);
    RAS_FUZZ_CHECK(records == rows + 1);
    ras_csv_close(&r);
}

static void ignore_warning(void *ctx, const ras_error *warning)
{
    (void)ctx;
    RAS_FUZZ_CHECK(warning != NULL && warning->message[0] != '\0');
}

static void check_batch(const uint8_t *data, size_t size, const reading *whole)
{
    /* fmemopen wants a writable buffer and some glibc refuse size 0. */
    char *copy = malloc(size + 1);
    RAS_FUZZ_CHECK(copy != NULL);
    if (size)
        memcpy(copy, data, size);
    FILE *in = size ? fmemopen(copy, size, "r") : fopen("/dev/null", "r");
    RAS_FUZZ_CHECK(in != NULL);
    char *text = NULL;
    size_t text_size = 0;
    FILE *out = open_memstream(&text, &text_size);
    RAS_FUZZ_CHECK(out != NULL);
    ras_batch_summary sum;
    ras_error err;
    ras_error_clear(&err);
    ras_status st = ras_batch(ras_fuzz_fixed_model(), in, "fuzz.csv", NULL, out, &sum,
                              ignore_warning, NULL, &err);
    RAS_FUZZ_CHECK(fclose(out) == 0);
    fclose(in);
    if (st == RAS_OK) {
        /* A file the reader finds broken must not score as a whole. */
        RAS_FUZZ_CHECK(whole->status == RAS_OK);
        RAS_FUZZ_CHECK(sum.rows == sum.ok + sum.errors);
        RAS_FUZZ_CHECK(sum.panel <= sum.ok);
        /* Rows of empty cells are records the batch skips; it counts them
         * with the empty lines the reader skips. */
        RAS_FUZZ_CHECK(whole->records >= 1 &&
                       sum.rows + sum.read.blank_rows == whole->records - 1 + whole->blank_lines);
        check_output(text, text_size, sum.rows);
        (void)ras_batch_mean(&sum);
    } else {
        RAS_FUZZ_CHECK(err.status == st && err.message[0] != '\0');
        RAS_FUZZ_CHECK(strchr(err.message, '\n') == NULL);
    }
    free(text);
    free(copy);
}

/* ---- the row loader's fast path against the general setters -------- */

/* One model's side of the comparison: the header bound to it, and three
 * cases, loaded by ras_rows_load (fast), by the setters into a cleared
 * case (slow) and by the setters over the last row's answers (over). */
typedef struct paths {
    const ras_model *m;
    ras_rows rows;
    bool bound;
    unsigned char *has_question; /* per question: the header has its column */
    bool has_field[RAS_FIELD_COUNT];
    ras_case *fast, *slow, *over;
    ras_result *fast_r, *slow_r;
} paths;

static bool paths_open(paths *p, const ras_model *m, const ras_csv *header)
{
    memset(p, 0, sizeof *p);
    p->m = m;
    ras_error err;
    if (ras_rows_bind(&p->rows, m, header, "fuzz.csv", NULL, NULL, NULL, &err) != RAS_OK) {
        RAS_FUZZ_CHECK(err.status != RAS_OK && err.message[0] != '\0');
        ras_rows_free(&p->rows);
        return false;
    }
    p->bound = true;
    p->has_question = calloc(m->n_questions + 1, 1);
    p->fast = ras_case_new(m);
    p->slow = ras_case_new(m);
    p->over = ras_case_new(m);
    p->fast_r = ras_result_new(m);
    p->slow_r = ras_result_new(m);
    RAS_FUZZ_CHECK(p->has_question && p->fast && p->slow && p->over && p->fast_r && p->slow_r);
    ras_result_keep_details(p->fast_r, false); /* as the batch scores */
    for (size_t i = 0; i < p->rows.n_cols; i++) {
        const ras_col *col = &p->rows.cols[i];
        if (col->kind == RAS_COL_QUESTION)
            p->has_question[col->question->index] = 1;
        else if (col->kind == RAS_COL_FIELD)
            p->has_field[col->field] = true;
    }
    return true;
}

static void paths_close(paths *p)
{
    if (!p->bound)
        return;
    ras_rows_free(&p->rows);
    free(p->has_question);
    ras_case_free(p->fast);
    ras_case_free(p->slow);
    ras_case_free(p->over);
    ras_result_free(p->fast_r);
    ras_result_free(p->slow_r);
}

/* Sets every bound column of the record through the public setters; on
 * the first error returns false with *bad its column. Without clear, c
 * keeps the last row's answers, and what the header has no column for is
 * put back to blank after, so the setters must replace every answer. */
static bool load_slowly(const paths *p, const ras_csv *r, ras_case *c, bool clear, size_t *bad,
                        ras_error *err)
{
    if (clear)
        ras_case_clear(c);
    for (size_t i = 0; i < p->rows.n_cols; i++) {
        const ras_col *col = &p->rows.cols[i];
        const ras_csv_field *cell = &r->fields[i];
        ras_status st = RAS_OK;
        if (col->kind == RAS_COL_FIELD)
            st = ras_case_set_field(c, col->field, cell->text, cell->len, err);
        else if (col->kind == RAS_COL_QUESTION)
            st = ras_case_set_answer(c, col->question, cell->text, cell->len, err);
        if (st != RAS_OK) {
            RAS_FUZZ_CHECK(err->status == st && err->message[0] != '\0');
            *bad = i;
            return false;
        }
    }
    if (!clear) {
        for (size_t k = 0; k < p->m->n_questions; k++)
            if (!p->has_question[k])
                ras_case_unset_answer(c, &p->m->questions[k]);
        ras_error e;
        for (int f = 0; f < RAS_FIELD_COUNT; f++)
            if (!p->has_field[f] && f != RAS_FIELD_CLIENT_ID)
                RAS_FUZZ_CHECK(ras_case_set_field(c, (ras_field)f, "", 0, &e) == RAS_OK);
    }
    return true;
}

/* Two loaded cases hold the same client details and answers, and the
 * same running totals. */
static void check_same_case(const ras_case *a, const ras_case *b)
{
    const ras_model *m = a->model;
    RAS_FUZZ_CHECK(strcmp(ras_case_client_id(a), ras_case_client_id(b)) == 0);
    RAS_FUZZ_CHECK(a->client_id_len == b->client_id_len);
    RAS_FUZZ_CHECK(strcmp(a->group, b->group) == 0 && a->has_group == b->has_group);
    RAS_FUZZ_CHECK(a->new_client == b->new_client && a->needs_increased == b->needs_increased);
    RAS_FUZZ_CHECK(a->has_existing == b->has_existing && a->existing == b->existing);
    RAS_FUZZ_CHECK(a->assessed_on == b->assessed_on);
    for (size_t k = 0; k < m->n_questions; k++) {
        const ras_question *q = &m->questions[k];
        bool answered = ras_case_answered(a, q);
        RAS_FUZZ_CHECK(answered == ras_case_answered(b, q));
        if (q->type == RAS_MULTIPLE) /* none chosen when unanswered */
            RAS_FUZZ_CHECK(q->n_answers == 0 ||
                           memcmp(a->chosen + q->first_answer, b->chosen + q->first_answer,
                                  q->n_answers) == 0);
        else if (answered && q->type == RAS_SINGLE)
            RAS_FUZZ_CHECK(a->single[k] == b->single[k]);
        else if (answered)
            RAS_FUZZ_CHECK(a->number[k] == b->number[k]);
    }
    for (size_t d = 0; d < m->n_domains; d++)
        RAS_FUZZ_CHECK(a->domain_points[d] == b->domain_points[d]);
    RAS_FUZZ_CHECK(a->adjust_total == b->adjust_total);
}

typedef struct figures {
    ras_status status;
    int64_t points;
    ras_pence ras_amount, budget, weekly;
    bool panel;
    const ras_table *table;
    char message[RAS_ERROR_MESSAGE_MAX];
} figures;

static void score_case(const ras_model *m, const ras_case *c, ras_result *r, figures *s)
{
    ras_error err;
    s->status = ras_score(m, c, r, &err);
    if (s->status != RAS_OK) {
        RAS_FUZZ_CHECK(err.status == s->status && err.message[0] != '\0');
        memcpy(s->message, err.message, sizeof s->message);
        return;
    }
    s->points = ras_result_points(r);
    s->ras_amount = ras_result_ras_amount(r);
    s->budget = ras_result_budget(r);
    s->weekly = ras_result_weekly(r);
    s->panel = ras_result_panel(r);
    s->table = ras_result_table(r);
}

/* The row loader's message for a bad cell is "line L, column 'NAME': "
 * and the setter's own; the public setter puts "question 'ID': " in
 * front of the latter instead. */
static void check_same_error(const paths *p, const ras_csv *r, const char *fast_msg, size_t size,
                             size_t bad, const ras_error *err)
{
    const ras_col *col = &p->rows.cols[bad];
    const char *bare = err->message;
    if (col->kind == RAS_COL_QUESTION) {
        char prefix[RAS_MAX_ID + 16];
        int n = snprintf(prefix, sizeof prefix, "question '%s': ", col->question->id);
        RAS_FUZZ_CHECK(n > 0 && strncmp(bare, prefix, (size_t)n) == 0);
        bare += n;
    }
    char *want = malloc(size);
    RAS_FUZZ_CHECK(want != NULL);
    /* A message the public setter cut short ends in "..." and no longer
     * holds the whole of the bare one: compare the column only. */
    bool whole = strlen(err->message) + 1 < sizeof err->message;
    snprintf(want, size, "line %lu, column '%s': %s", r->record_line, col->name, whole ? bare : "");
    size_t n = whole ? size : strlen(want);
    if (strncmp(fast_msg, want, n) != 0) {
        fprintf(stderr, "the row loader says: %s\nthe setters say:    %s\n", fast_msg, want);
        abort();
    }
    free(want);
}

static void check_row(paths *p, const ras_csv *r)
{
    char msg[RAS_ERROR_MESSAGE_MAX + 64];
    bool fast_ok = ras_rows_load(&p->rows, r, p->fast, msg, sizeof msg);
    ras_fuzz_check_totals(p->fast, "ras_rows_load");
    if (r->n_fields != p->rows.n_cols) {
        /* A record the loader refuses whole: no cell is set. */
        RAS_FUZZ_CHECK(!fast_ok);
        return;
    }
    if (r->bad_field >= 0) {
        /* Bytes that are not text matter only in a column ras uses: a row
         * loaded with one has it in an ignored column (the first such
         * field is the one named). The setters take text only. */
        RAS_FUZZ_CHECK(!fast_ok || p->rows.cols[r->bad_field].kind == RAS_COL_IGNORED);
        return;
    }
    ras_error slow_err, over_err;
    size_t slow_bad = 0, over_bad = 0;
    bool slow_ok = load_slowly(p, r, p->slow, true, &slow_bad, &slow_err);
    ras_fuzz_check_totals(p->slow, "the setters, cleared");
    bool over_ok = load_slowly(p, r, p->over, false, &over_bad, &over_err);
    ras_fuzz_check_totals(p->over, "the setters, over the last row");
    if (fast_ok != slow_ok) {
        fprintf(stderr, "line %lu: the row loader %s, the setters %s%s\n", r->record_line,
                fast_ok ? "loads it" : "refuses it: ", slow_ok ? "load it" : "refuse it: ",
                fast_ok ? slow_err.message : msg);
        abort();
    }
    RAS_FUZZ_CHECK(over_ok == slow_ok);
    if (!fast_ok) {
        RAS_FUZZ_CHECK(over_bad == slow_bad);
        RAS_FUZZ_CHECK(strcmp(over_err.message, slow_err.message) == 0);
        check_same_error(p, r, msg, sizeof msg, slow_bad, &slow_err);
        return;
    }
    check_same_case(p->fast, p->slow);
    check_same_case(p->over, p->slow);
    static figures fast, slow; /* harness only: kept off the stack */
    score_case(p->m, p->fast, p->fast_r, &fast);
    score_case(p->m, p->slow, p->slow_r, &slow);
    RAS_FUZZ_CHECK(fast.status == slow.status);
    if (fast.status != RAS_OK) {
        RAS_FUZZ_CHECK(strcmp(fast.message, slow.message) == 0);
        return;
    }
    RAS_FUZZ_CHECK(fast.points == slow.points);
    RAS_FUZZ_CHECK(fast.ras_amount == slow.ras_amount);
    RAS_FUZZ_CHECK(fast.budget == slow.budget);
    RAS_FUZZ_CHECK(fast.weekly == slow.weekly);
    RAS_FUZZ_CHECK(fast.panel == slow.panel);
    RAS_FUZZ_CHECK(fast.table == slow.table);
}

static void check_paths(const uint8_t *data, size_t size)
{
    feed f = {data, size, 0, 0};
    ras_csv r;
    ras_error err;
    RAS_FUZZ_CHECK(ras_csv_open(&r, feed_read, &f, "fuzz.csv", &err) == RAS_OK);
    bool have = false;
    paths p[2];
    size_t n = 0;
    if (ras_csv_next(&r, &have, &err) == RAS_OK && have) {
        const ras_model *models[2] = {ras_fuzz_fixed_model(), ras_fuzz_letters_model()};
        for (size_t i = 0; i < 2; i++)
            if (paths_open(&p[n], models[i], &r))
                n++;
    }
    while (n && ras_csv_next(&r, &have, &err) == RAS_OK && have)
        for (size_t i = 0; i < n; i++)
            check_row(&p[i], &r);
    for (size_t i = 0; i < n; i++)
        paths_close(&p[i]);
    ras_csv_close(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reading whole;
    check_reader(data, size, &whole);
    check_batch(data, size, &whole);
    free(whole.text);
    check_paths(data, size);
    return 0;
}
