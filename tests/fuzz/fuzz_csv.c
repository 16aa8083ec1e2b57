/* fuzz_csv.c - the CSV reader and the batch. The input is a CSV file.
 *
 * The raw reader (src/lib/csv.h) reads it twice: once whole through the
 * usual buffer, once fed a few bytes at a time through a buffer shrunk to
 * a few dozen bytes, so every record, quote and CRLF straddles reads and
 * the buffer grows. Both readings must give the same records, lines and
 * errors. Then ras_batch scores it with the fixed model; its output is
 * read back and must hold the header and one row of ten fields for every
 * input record, and a file the reader finds broken must stop the batch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "fuzz.h"

#define OUTPUT_FIELDS 10 /* the columns of SPEC 5.2 */

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
} reading;

static void put_number(FILE *out, unsigned long long n)
{
    fwrite(&n, sizeof n, 1, out);
}

/* Reads every record; cap 0 keeps the reader's own buffer size. */
static reading read_all(const uint8_t *data, size_t size, size_t chunk, size_t cap)
{
    reading rd = {0};
    FILE *out = open_memstream(&rd.text, &rd.size);
    RAS_FUZZ_CHECK(out != NULL);
    feed f = {data, size, 0, chunk};
    ras_csv r;
    ras_error err;
    RAS_FUZZ_CHECK(ras_csv_open(&r, feed_read, &f, "fuzz.csv", &err) == RAS_OK);
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
    ras_csv_close(&r);
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
    *whole = read_all(data, size, 0, 0);
    reading bits = read_all(data, size, chunk, cap);
    RAS_FUZZ_CHECK(whole->status == bits.status);
    RAS_FUZZ_CHECK(whole->records == bits.records);
    RAS_FUZZ_CHECK(whole->size == bits.size);
    RAS_FUZZ_CHECK(memcmp(whole->text, bits.text, whole->size) == 0);
    free(bits.text);
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
    ras_status st =
        ras_batch(ras_fuzz_fixed_model(), in, "fuzz.csv", out, &sum, ignore_warning, NULL, &err);
    RAS_FUZZ_CHECK(fclose(out) == 0);
    fclose(in);
    if (st == RAS_OK) {
        /* A file the reader finds broken must not score as a whole. */
        RAS_FUZZ_CHECK(whole->status == RAS_OK);
        RAS_FUZZ_CHECK(sum.rows == sum.ok + sum.errors);
        RAS_FUZZ_CHECK(sum.panel <= sum.ok);
        RAS_FUZZ_CHECK(whole->records >= 1 && sum.rows == whole->records - 1);
        check_output(text, text_size, sum.rows);
        (void)ras_batch_mean(&sum);
    } else {
        RAS_FUZZ_CHECK(err.status == st && err.message[0] != '\0');
        RAS_FUZZ_CHECK(strchr(err.message, '\n') == NULL);
    }
    free(text);
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reading whole;
    check_reader(data, size, &whole);
    check_batch(data, size, &whole);
    free(whole.text);
    return 0;
}
