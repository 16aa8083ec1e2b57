/* test_csv.c - the RFC 4180 reader: every quoting edge, line ends, the
 * byte-order mark, limits and errors with their lines, each fed whole and
 * in 1, 2, 3-byte and random-size chunks so a quote or a CRLF split
 * across reads is covered. */
#include "support.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

/* Memory fed in chunks: sizes cycle through `chunk` (0: all at once;
 * -1: pseudo-random sizes from 1 to 17). */
typedef struct feed {
    const char *data;
    size_t size, at;
    int chunk;
    unsigned seed;
} feed;

static ras_status feed_read(void *ctx, char *buf, size_t size, size_t *got)
{
    feed *f = ctx;
    size_t n = f->size - f->at;
    size_t want = n;
    if (f->chunk > 0)
        want = (size_t)f->chunk;
    else if (f->chunk < 0) {
        f->seed = f->seed * 1103515245u + 12345u;
        want = 1 + (f->seed >> 16) % 17;
    }
    if (n > want)
        n = want;
    if (n > size)
        n = size;
    memcpy(buf, f->data + f->at, n);
    f->at += n;
    *got = n;
    return RAS_OK;
}

/* Reads a whole input and renders it as text: one line per record,
 * "LINE: [f1][f2]..." with "!FIELD reason" for a record with bad text;
 * an error ends the text as "error LINE:COL: message". */
static char *render(const char *data, size_t size, int chunk)
{
    feed f = {data, size, 0, chunk, 7u};
    ras_csv r;
    ras_error err;
    ras_error_clear(&err);
    assert_int_equal(ras_csv_open(&r, feed_read, &f, "t.csv", &err), RAS_OK);
    size_t cap = 4096 + size * 4, n = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    out[0] = '\0';
    for (;;) {
        bool have;
        ras_status st = ras_csv_next(&r, &have, &err);
        if (st != RAS_OK) {
            n += (size_t)snprintf(out + n, cap - n, "error %s %lu:%lu: %s\n", ras_status_name(st),
                                  err.line, err.column, err.message);
            break;
        }
        if (!have)
            break;
        n += (size_t)snprintf(out + n, cap - n, "%lu:", r.record_line);
        for (size_t i = 0; i < r.n_fields; i++) {
            out[n++] = '[';
            memcpy(out + n, r.fields[i].text, r.fields[i].len);
            n += r.fields[i].len;
            out[n++] = ']';
        }
        if (r.bad_field >= 0)
            n += (size_t)snprintf(out + n, cap - n, " !%ld %s", r.bad_field + 1, r.bad_reason);
        out[n++] = '\n';
        out[n] = '\0';
    }
    ras_csv_close(&r);
    return out;
}

/* Checks one input gives `want` however it is fed. */
static void check_size(const char *data, size_t size, const char *want)
{
    static const int chunks[] = {0, 1, 2, 3, -1};
    for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
        char *got = render(data, size, chunks[i]);
        bool same = strcmp(got, want) == 0;
        if (!same)
            print_error("chunk %d:\n--- want\n%s--- got\n%s", chunks[i], want, got);
        free(got); /* before fail(), which GCC does not know never returns */
        if (!same)
            fail();
    }
}

static void check(const char *data, const char *want)
{
    check_size(data, strlen(data), want);
}

static void test_plain(void **state)
{
    (void)state;
    check("a,b,c\n1,2,3\n", "1:[a][b][c]\n2:[1][2][3]\n");
    check("a,b\n1,2", "1:[a][b]\n2:[1][2]\n");     /* no final line end */
    check("a,,c\n,,\n", "1:[a][][c]\n2:[][][]\n"); /* empty fields */
    check("a,b,\n", "1:[a][b][]\n");               /* trailing comma */
    check("x", "1:[x]\n");
    check("", "");
    check(" a , b \n", "1:[ a ][ b ]\n"); /* spaces are data */
}

static void test_line_ends(void **state)
{
    (void)state;
    check("a,b\r\n1,2\r\n", "1:[a][b]\n2:[1][2]\n");
    check("a,b\r\n1,2", "1:[a][b]\n2:[1][2]\n");
    check("a\r1\r", "1:[a]\n2:[1]\n");     /* a lone CR ends a line */
    check("a\n\n\nb\n", "1:[a]\n4:[b]\n"); /* blank lines skipped, still counted */
    check("\r\n\r\na\r\n\r\n", "3:[a]\n");
    check("a,b\r", "1:[a][b]\n");
}

static void test_quotes(void **state)
{
    (void)state;
    check("\"a\",\"b,c\"\n", "1:[a][b,c]\n");
    check("\"say \"\"hi\"\"\",x\n", "1:[say \"hi\"][x]\n");
    check("\"\"\"\"\n", "1:[\"]\n");
    check("\"\",\"\"\n", "1:[][]\n");
    check("\"a\nb\",c\nd\n", "1:[a\nb][c]\n3:[d]\n"); /* line break inside quotes */
    check("\"a\r\nb\"\r\nc\r\n", "1:[a\r\nb]\n3:[c]\n");
    check("\"x\"", "1:[x]\n"); /* closing quote at the very end */
    check("\"x\"\"\"", "1:[x\"]\n");
    check("a,\"\n\n\"\nz", "1:[a][\n\n]\n4:[z]\n");
    check("\"a,\"\"b\"\",c\",\"d\"\"\"\n", "1:[a,\"b\",c][d\"]\n");
}

static void test_bom(void **state)
{
    (void)state;
    check("\xef\xbb\xbf"
          "a,b\n1,2\n",
          "1:[a][b]\n2:[1][2]\n");
    check("\xef\xbb\xbf", "");
    check("\xef\xbb\xbf\"q\"\n", "1:[q]\n");
    /* Only at the start: elsewhere it is data (valid UTF-8). */
    check("a\n\xef\xbb\xbf"
          "b\n",
          "1:[a]\n2:[\xef\xbb\xbf"
          "b]\n");
}

static void test_errors(void **state)
{
    (void)state;
    check("a\n\"open,b\nc\n",
          "1:[a]\nerror syntax 2:1: unclosed quote: the file ends inside this field\n");
    check("a,\"x\n\ny", "error syntax 1:2: unclosed quote: the file ends inside this field\n");
    check("a\n\"x\"y,b\n",
          "1:[a]\nerror syntax 2:1: a character after the field's closing quote (quote the "
          "whole field and double any quote inside it)\n");
    check("a\n\"x\n\"y\n",
          "1:[a]\nerror syntax 3:1: a character after the field's closing quote (quote the "
          "whole field and double any quote inside it)\n");
    check("a,b\"c\n",
          "error syntax 1:2: a quote inside an unquoted field (quote the whole field and "
          "double the quote)\n");
}

static void test_bad_text(void **state)
{
    (void)state;
    check_size("a,b\nx,y\0z\n", 10, "1:[a][b]\n2:[x][y\0z] !2 a NUL byte\n");
    check("a,\xff\n", "1:[a][\xff] !2 invalid UTF-8\n");
    check("\xc3\xa9,\xe2\x82\xac\n", "1:[\xc3\xa9][\xe2\x82\xac]\n");
    check("\xed\xa0\x80\n", "1:[\xed\xa0\x80] !1 invalid UTF-8\n");     /* a surrogate */
    check("\xc0\xaf\n", "1:[\xc0\xaf] !1 invalid UTF-8\n");             /* overlong */
    check("ok\n\xe2\x82\n", "1:[ok]\n2:[\xe2\x82] !1 invalid UTF-8\n"); /* cut short */
    /* Long ASCII then a bad byte past the first 16 (the vector check). */
    check("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\x80\n",
          "1:[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\x80] !1 invalid UTF-8\n");
}

/* A record bigger than the usual buffer grows it, and reads right. */
static void test_long_record(void **state)
{
    (void)state;
    size_t n = RAS_CSV_BUFFER * 3;
    char *data = malloc(n + 16);
    assert_non_null(data);
    memcpy(data, "h\n\"", 3);
    memset(data + 3, 'x', n);
    memcpy(data + 3 + n, "\",y\nz\n", 6);
    feed f = {data, n + 9, 0, 0, 1};
    ras_csv r;
    ras_error err;
    assert_int_equal(ras_csv_open(&r, feed_read, &f, "t.csv", &err), RAS_OK);
    bool have;
    assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
    assert_true(have);
    assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
    assert_true(have);
    assert_int_equal(r.n_fields, 2);
    assert_int_equal(r.fields[0].len, n);
    assert_int_equal(r.fields[1].len, 1);
    assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
    assert_true(have);
    assert_int_equal(r.record_line, 3);
    assert_memory_equal(r.fields[0].text, "z", 1);
    assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
    assert_false(have);
    ras_csv_close(&r);
    free(data);
}

static ras_status first_error(const char *data, size_t size, ras_error *err)
{
    feed f = {data, size, 0, 0, 1};
    ras_csv r;
    assert_int_equal(ras_csv_open(&r, feed_read, &f, "t.csv", err), RAS_OK);
    bool have = true;
    ras_status st = RAS_OK;
    while (st == RAS_OK && have)
        st = ras_csv_next(&r, &have, err);
    ras_csv_close(&r);
    return st;
}

static void test_limits(void **state)
{
    (void)state;
    /* A field just over 1 MiB, quoted and unquoted. */
    size_t n = RAS_CSV_FIELD_MAX + 1;
    char *data = malloc(n + 16);
    assert_non_null(data);
    memcpy(data, "a\nb,", 4);
    memset(data + 4, 'x', n);
    memcpy(data + 4 + n, "\n", 1);
    ras_error err;
    assert_int_equal(first_error(data, n + 5, &err), RAS_ERR_LIMIT);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 2);
    assert_string_equal(err.message, "the field is longer than 1048576 bytes");
    free(data);

    /* A record over 4 MiB made of fields under the field limit. */
    size_t field = 1000 * 1000, fields = 5, size = fields * (field + 1);
    data = malloc(size);
    assert_non_null(data);
    for (size_t i = 0; i < fields; i++) {
        memset(data + i * (field + 1), 'y', field);
        data[i * (field + 1) + field] = i + 1 == fields ? '\n' : ',';
    }
    assert_int_equal(first_error(data, size, &err), RAS_ERR_LIMIT);
    assert_int_equal(err.line, 1);
    assert_string_equal(err.message, "the record starting here is longer than 4194304 bytes");
    free(data);

    /* Exactly at the field limit is fine. */
    n = RAS_CSV_FIELD_MAX;
    data = malloc(n + 1);
    assert_non_null(data);
    memset(data, 'z', n);
    data[n] = '\n';
    assert_int_equal(first_error(data, n + 1, &err), RAS_OK);
    free(data);
}

static ras_status failing_read(void *ctx, char *buf, size_t size, size_t *got)
{
    (void)ctx;
    (void)buf;
    (void)size;
    *got = 0;
    errno = EIO;
    return RAS_ERR_IO;
}

static void test_read_error(void **state)
{
    (void)state;
    ras_csv r;
    ras_error err;
    assert_int_equal(ras_csv_open(&r, failing_read, NULL, "in.csv", &err), RAS_OK);
    bool have;
    assert_int_equal(ras_csv_next(&r, &have, &err), RAS_ERR_IO);
    assert_string_equal(err.file, "in.csv");
    assert_non_null(strstr(err.message, "cannot read"));
    ras_csv_close(&r);
}

/* Many records across many buffer refills: line numbers stay exact. */
static void test_many_records(void **state)
{
    (void)state;
    size_t rows = 60000;
    char *data = malloc(rows * 32 + 16);
    assert_non_null(data);
    size_t n = 0;
    for (size_t i = 0; i < rows; i++)
        n += (size_t)sprintf(data + n, i % 7 == 3 ? "\"r%zu\n\",x\r\n" : "r%zu,\"x\"\n", i);
    feed f = {data, n, 0, 0, 1};
    ras_csv r;
    ras_error err;
    assert_int_equal(ras_csv_open(&r, feed_read, &f, "t.csv", &err), RAS_OK);
    unsigned long line = 1;
    for (size_t i = 0; i < rows; i++) {
        bool have;
        assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
        assert_true(have);
        assert_int_equal(r.record_line, line);
        assert_int_equal(r.n_fields, 2);
        char want[32];
        int w = sprintf(want, i % 7 == 3 ? "r%zu\n" : "r%zu", i);
        assert_int_equal(r.fields[0].len, (size_t)w);
        assert_memory_equal(r.fields[0].text, want, (size_t)w);
        line += i % 7 == 3 ? 2 : 1;
    }
    bool have;
    assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
    assert_false(have);
    ras_csv_close(&r);
    free(data);
}

static void test_file(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    assert_non_null(f);
    fputs("client_id,x\r\nC1,\"a\"\"b\"\r\n", f);
    rewind(f);
    ras_csv r;
    ras_error err;
    assert_int_equal(ras_csv_open_file(&r, f, "f.csv", &err), RAS_OK);
    bool have;
    assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
    assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
    assert_true(have);
    assert_int_equal(r.fields[1].len, 3);
    assert_memory_equal(r.fields[1].text, "a\"b", 3);
    assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
    assert_false(have);
    ras_csv_close(&r);
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),       cmocka_unit_test(test_line_ends),
        cmocka_unit_test(test_quotes),      cmocka_unit_test(test_bom),
        cmocka_unit_test(test_errors),      cmocka_unit_test(test_bad_text),
        cmocka_unit_test(test_long_record), cmocka_unit_test(test_limits),
        cmocka_unit_test(test_read_error),  cmocka_unit_test(test_many_records),
        cmocka_unit_test(test_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
