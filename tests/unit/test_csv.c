/* test_csv.c - the RFC 4180 reader: every quoting edge, line ends, the
 * byte-order mark, limits and errors with their lines, each fed whole and
 * in 1, 2, 3-byte and random-size chunks so a quote or a CRLF split
 * across reads is covered, and each read by every scan this processor
 * runs (the general one alone, SSE2, AVX2: csv.c's simd levels). */
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

/* Copies field text to out at n, a NUL as "<NUL>" so the text can be
 * compared as a string; returns the new n. */
static size_t put_text(char *out, size_t n, const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\0') {
            memcpy(out + n, "<NUL>", 5);
            n += 5;
        } else {
            out[n++] = text[i];
        }
    }
    return n;
}

/* Reads a whole input and renders it as text: one line per record,
 * "LINE: [f1][f2]..." with "!FIELD reason" for a record with bad text;
 * an error ends the text as "error LINE:COL: message". */
static char *render(const char *data, size_t size, int chunk, unsigned simd)
{
    feed f = {data, size, 0, chunk, 7u};
    ras_csv r;
    ras_error err;
    ras_error_clear(&err);
    assert_int_equal(ras_csv_open(&r, feed_read, &f, "t.csv", &err), RAS_OK);
    if (simd < r.simd)
        r.simd = (unsigned char)simd; /* a slower scan than the best one */
    size_t cap = 4096 + size * 8, n = 0;
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
            n = put_text(out, n, r.fields[i].text, r.fields[i].len);
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

/* The simd levels of csv.c: the general scan alone, SSE2, AVX2. */
#define SIMD_LEVELS 3u

/* Checks one input gives `want` however it is fed and scanned. 66-byte
 * reads leave the vector scans a record's first block in the buffer but
 * not always its line end. */
static void check_size(const char *data, size_t size, const char *want)
{
    static const int chunks[] = {0, 1, 2, 3, -1, 66};
    for (unsigned simd = 0; simd < SIMD_LEVELS; simd++) {
        for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
            char *got = render(data, size, chunks[i], simd);
            bool same = strcmp(got, want) == 0;
            if (!same)
                print_error("simd %u, chunk %d:\n--- want\n%s--- got\n%s", simd, chunks[i], want,
                            got);
            free(got); /* before fail(), which GCC does not know never returns */
            if (!same)
                fail();
        }
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
    check("a\n\"open,b\nc\n", "1:[a]\nerror syntax 2:1: unclosed quote: the quote opened on line "
                              "2 is never closed (the file ends inside this field)\n");
    check("a,\"x\n\ny", "error syntax 1:2: unclosed quote: the quote opened on line 1 is never "
                        "closed (the file ends inside this field)\n");
}

/* Quotes out of place are read as Excel and Python's csv module read
 * them, and counted (csv.h). */
static void test_literal_quotes(void **state)
{
    (void)state;
    check("a\n\"x\"y,b\n", "1:[a]\n2:[xy][b]\n");
    check("a\n\"x\n\"y\n", "1:[a]\n2:[x\ny]\n");
    check("a,b\"c\n", "1:[a][b\"c]\n");
    check("He is 5\" tall,x\n", "1:[He is 5\" tall][x]\n");
    check("\"a\"\"b\"c\"d,e\n", "1:[a\"bc\"d][e]\n");
    check("\"x\"y", "1:[xy]\n");
    check("a\"", "1:[a\"]\n");
    check("\"a\"b\"\"c\"\n", "1:[ab\"\"c\"]\n");

    const char *data = "h,i\nx\"1,\"2\"3\nplain,row\nz\",\"\"\n";
    feed f = {data, strlen(data), 0, 0, 1};
    ras_csv r;
    ras_error err;
    assert_int_equal(ras_csv_open(&r, feed_read, &f, "t.csv", &err), RAS_OK);
    bool have = true;
    while (have)
        assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
    assert_int_equal(r.literal_quotes, 3);
    assert_int_equal(r.first_quote_line, 2);
    ras_csv_close(&r);
}

/* Blank lines are counted; a byte-order mark is noted. */
static void test_counts(void **state)
{
    (void)state;
    const char *data = "\xef\xbb\xbf\n\nh\n\r\nx\n\r\r\ny\n\n";
    feed f = {data, strlen(data), 0, 0, 1};
    ras_csv r;
    ras_error err;
    assert_int_equal(ras_csv_open(&r, feed_read, &f, "t.csv", &err), RAS_OK);
    bool have = true;
    while (have)
        assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
    assert_true(r.bom);
    assert_int_equal(r.blank_lines, 6);
    assert_int_equal(r.literal_quotes, 0);
    ras_csv_close(&r);
}

static void test_bad_text(void **state)
{
    (void)state;
    check_size("a,b\nx,y\0z\n", 10, "1:[a][b]\n2:[x][y<NUL>z] !2 a NUL byte\n");
    check("a,\xff\n", "1:[a][\xff] !2 invalid UTF-8\n");
    check("\xc3\xa9,\xe2\x82\xac\n", "1:[\xc3\xa9][\xe2\x82\xac]\n");
    check("\xed\xa0\x80\n", "1:[\xed\xa0\x80] !1 invalid UTF-8\n");     /* a surrogate */
    check("\xc0\xaf\n", "1:[\xc0\xaf] !1 invalid UTF-8\n");             /* overlong */
    check("ok\n\xe2\x82\n", "1:[ok]\n2:[\xe2\x82] !1 invalid UTF-8\n"); /* cut short */
    /* Long ASCII then a bad byte past the first 16 (the vector check). */
    check("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\x80\n",
          "1:[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\x80] !1 invalid UTF-8\n");
}

/* The delimiter found from the header line (csv.h): the most frequent
 * of comma, semicolon and tab outside quotes; a comma on a tie. Long
 * records make sure the vector scans, which know only the comma, are
 * not used for the others. */
static void test_delimiters(void **state)
{
    (void)state;
    check("a;b;c\n1;2;3\n", "1:[a][b][c]\n2:[1][2][3]\n");
    check("a\tb\n1\t\"2\t3\"\n", "1:[a][b]\n2:[1][2\t3]\n");
    check("a;b;c,d\n1,5;2;3\n", "1:[a][b][c,d]\n2:[1,5][2][3]\n");
    check("a;b,c\n1;2,3\n", "1:[a;b][c]\n2:[1;2][3]\n");     /* a tie: comma */
    check("\"x;y;z\",w\n1,2\n", "1:[x;y;z][w]\n2:[1][2]\n"); /* quoted ones do not count */
    check("\n\r\nh1;h2\nv;w\n", "3:[h1][h2]\n4:[v][w]\n");   /* the first line not blank */
    check("only\n1\n", "1:[only]\n2:[1]\n");                 /* none: a comma */
    check("a;\"b\nc\";d\n", "1:[a][b\nc][d]\n");             /* a quoted line end */
    check("\xef\xbb\xbf"
          "a;b\n1;2\n",
          "1:[a][b]\n2:[1][2]\n");
    check(
        "h;i\n"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;b\n"
        "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc;d\n",
        "1:[h][i]\n"
        "2:[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa][b]\n"
        "3:[cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc][d]\n");
}

/* A delimiter the caller sets wins over the header line's. */
static void test_forced_delimiter(void **state)
{
    (void)state;
    const char *data = "a,b;c\n1,2;3\n";
    feed f = {data, strlen(data), 0, 0, 1};
    ras_csv r;
    ras_error err;
    assert_int_equal(ras_csv_open(&r, feed_read, &f, "t.csv", &err), RAS_OK);
    r.delim = ';';
    bool have;
    assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
    assert_true(have);
    assert_false(r.delim_detected);
    assert_int_equal(r.n_fields, 2);
    assert_memory_equal(r.fields[0].text, "a,b", 3);
    assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
    assert_int_equal(r.n_fields, 2);
    assert_memory_equal(r.fields[1].text, "3", 1);
    ras_csv_close(&r);

    f.at = 0;
    assert_int_equal(ras_csv_open(&r, feed_read, &f, "t.csv", &err), RAS_OK);
    assert_int_equal(ras_csv_next(&r, &have, &err), RAS_OK);
    assert_true(r.delim_detected);
    assert_int_equal(r.delim, ',');
    assert_int_equal(r.n_fields, 2);
    ras_csv_close(&r);
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

    /* The same after a record that grew the buffer to its largest, so
     * the field is whole in the buffer, where the vector scans see it. */
    field = 750 * 1000;
    size_t big = 3 * (field + 1); /* over half the largest buffer: grows it */
    size = big + 2 + n + 1 + 100;
    data = malloc(size);
    assert_non_null(data);
    memset(data, 'q', big);
    data[field] = data[2 * field + 1] = ',';
    memcpy(data + big - 1, "\nb,", 3);
    memset(data + big + 2, 'x', n);
    data[big + 2 + n] = '\n';
    memset(data + size - 100, 'c', 100); /* a record after it, so it ends in a whole block */
    data[size - 1] = '\n';
    assert_int_equal(first_error(data, size, &err), RAS_ERR_LIMIT);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 2);
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

/* What render gives for an input with no quote, worked out the simple
 * way: lines split at LF, CRLF or a lone CR, blank ones skipped, fields
 * at commas, and the first field with a NUL or a 0xff byte marked (the
 * only bad bytes these tests use). */
static char *expect_plain(const char *data, size_t size)
{
    size_t cap = 4096 + size * 8, n = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    unsigned long line = 1;
    for (size_t i = 0; i < size;) {
        size_t e = i;
        while (e < size && data[e] != '\n' && data[e] != '\r')
            e++;
        if (e > i) {
            n += (size_t)snprintf(out + n, cap - n, "%lu:[", line);
            long field = 0, bad = -1;
            const char *reason = NULL;
            for (size_t k = i; k < e; k++) {
                if (data[k] == ',') {
                    memcpy(out + n, "][", 2);
                    n += 2;
                    field++;
                    continue;
                }
                if (bad < 0 && (data[k] == '\0' || (unsigned char)data[k] == 0xff)) {
                    bad = field;
                    reason = data[k] == '\0' ? "a NUL byte" : "invalid UTF-8";
                }
                n = put_text(out, n, data + k, 1);
            }
            out[n++] = ']';
            if (bad >= 0)
                n += (size_t)snprintf(out + n, cap - n, " !%ld %s", bad + 1, reason);
            out[n++] = '\n';
        }
        line++;
        i = e + (e + 1 < size && data[e] == '\r' && data[e + 1] == '\n' ? 2 : 1);
    }
    out[n] = '\0';
    return out;
}

static void check_plain(const char *data, size_t size)
{
    char *want = expect_plain(data, size);
    check_size(data, size, want);
    free(want);
}

/* Records long enough for the vector scans, whose field ends and line
 * ends fall at every position of a 64-byte block and across blocks: dense
 * ones (one-byte fields), sparse ones (a few long fields), LF, CRLF and
 * lone CR, blank lines between them, and the last one exactly at the
 * input's end. */
static void test_blocks(void **state)
{
    (void)state;
    char data[4096];
    for (size_t width = 1; width <= 70; width++) {
        for (size_t shift = 0; shift < 3; shift++) {
            static const char *const ends[] = {"\n", "\r\n", "\r"};
            size_t n = 0;
            for (size_t rec = 0; rec < 4; rec++) {
                /* A head of 0 to 2 bytes moves every comma by one. */
                for (size_t k = 0; k < shift + rec % 2; k++)
                    data[n++] = 'h';
                for (size_t k = 0; k < 150; k++)
                    data[n++] = k % (width + 1) == width ? ',' : (char)('a' + k % 26);
                const char *end = ends[(rec + width) % 3];
                memcpy(data + n, end, strlen(end));
                n += strlen(end);
                if (rec == 1)
                    data[n++] = '\n'; /* a blank line */
            }
            check_plain(data, n);
            /* No line end at all after the last record. */
            check_plain(data, n - 1 - (data[n - 2] == '\r'));
        }
    }
    /* A CR at the very end of a read (of 66 bytes, as check_size does) is
     * maybe half of a CRLF: the line count must not take it for two. */
    memcpy(data, "x\n", 2);
    memset(data + 2, 'c', 63);
    data[10] = ',';
    memcpy(data + 65, "\r\ny\n", 4);
    check_plain(data, 69);
    /* Exactly one block, and one block and one byte, ending the input. */
    for (size_t len = 62; len <= 66; len++) {
        memset(data, 'x', len);
        data[0] = data[len / 2] = ',';
        data[len - 1] = '\n';
        check_plain(data, len);
        data[len - 1] = '\r'; /* a CR last: maybe half of a CRLF */
        check_plain(data, len);
    }
}

/* Writes a short first record and then a record of 150 bytes, every
 * every-th of them the delimiter, and its line end, at data; the long
 * record's offset (it and its line end take the 151 bytes after). */
static size_t long_record(char *data, char delimiter, size_t every)
{
    memcpy(data, "first,record\n", 13);
    for (size_t k = 0; k < 150; k++)
        data[13 + k] = k % every == every - 1 ? delimiter : 'v';
    data[13 + 150] = '\n';
    return 13;
}

/* A NUL, an invalid byte or a valid two-byte character at each position
 * of a record's blocks: the record is still whole, and the right field is
 * marked. */
static void test_block_bad_bytes(void **state)
{
    (void)state;
    char data[512];
    for (size_t at = 0; at < 140; at++) {
        static const char *const bad[] = {"\0", "\xff", "\xc3\xa9"};
        for (size_t kind = 0; kind < 3; kind++) {
            size_t rec = long_record(data, ',', 3), n = rec + 151;
            memcpy(data + rec + at, bad[kind], kind == 2 ? 2 : 1);
            if (data[rec + at + (kind == 2)] == '\n')
                continue; /* the character would break the line end */
            /* A high byte just after this record's end, in its last block,
             * and more records, so the vector scans can read it. */
            memcpy(data + n, "\xc3\xa9,z\n", 5);
            n += 5;
            for (size_t k = 0; k < 140; k++)
                data[n++] = k % 70 == 69 ? '\n' : k % 2 ? ',' : 'p';
            check_plain(data, n);
        }
    }
}

/* The quotes a whole input kept as characters, and the line of the
 * first, as read in chunks by one scan. */
static void count_quotes(const char *data, size_t size, int chunk, unsigned simd, uint64_t *quotes,
                         unsigned long *first)
{
    feed f = {data, size, 0, chunk, 7u};
    ras_csv r;
    ras_error err;
    assert_int_equal(ras_csv_open(&r, feed_read, &f, "t.csv", &err), RAS_OK);
    if (simd < r.simd)
        r.simd = (unsigned char)simd;
    bool have = true;
    while (have && ras_csv_next(&r, &have, &err) == RAS_OK)
        ;
    *quotes = r.literal_quotes;
    *first = r.first_quote_line;
    ras_csv_close(&r);
}

/* Checks every scan reads the input as the general one does: the same
 * fields, and the same quotes kept as characters, counted alike. */
static void check_quotes(const char *data, size_t size)
{
    char *want = render(data, size, 0, 0);
    check_size(data, size, want);
    free(want);
    uint64_t want_quotes;
    unsigned long want_first;
    count_quotes(data, size, 0, 0, &want_quotes, &want_first);
    static const int chunks[] = {0, 1, -1, 66};
    for (unsigned simd = 1; simd < SIMD_LEVELS; simd++) {
        for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
            uint64_t quotes;
            unsigned long first;
            count_quotes(data, size, chunks[i], simd, &quotes, &first);
            assert_int_equal(quotes, want_quotes);
            assert_int_equal(first, want_first);
        }
    }
}

/* A quote at each position of a long record's blocks, as a Notes column
 * writes one (`5" tall`): inside a field, at a field's end, opening a
 * field (a quoted field, which the vector scans leave to the general
 * one), and two at once, one each side of a block's edge. The AVX2 scan
 * keeps the quotes inside fields itself. */
static void test_block_quotes(void **state)
{
    (void)state;
    char data[1024];
    for (size_t at = 0; at < 140; at++) {
        for (size_t kind = 0; kind < 3; kind++) {
            size_t rec = long_record(data, ';', 5), n = rec + 151;
            data[rec + at] = '"';
            if (kind == 1 && at + 1 < 150)
                data[rec + at + 1] = '"';
            if (kind == 2)
                data[rec + (at * 7) % 150] = '"';
            for (size_t k = 0; k < 200; k++)
                data[n++] = k % 100 == 99 ? '\n' : k % 7 == 3 ? ';' : k % 31 == 5 ? '"' : 'p';
            check_quotes(data, n);
        }
    }
    /* Read as semicolon-separated: the delimiter the reader detects. */
    const char *two = "a;b\nx\"1;y\n";
    uint64_t quotes;
    unsigned long first;
    count_quotes(two, strlen(two), 0, 0, &quotes, &first);
    assert_int_equal(quotes, 1);
    assert_int_equal(first, 2);
}

/* More fields than the reader starts with room for, in one record. */
static void test_many_fields(void **state)
{
    (void)state;
    /* The reader starts with room for 128 fields; the first record is
     * read by the general scan, the long ones by the vector scans, which
     * must make room themselves. */
    static const size_t fields[] = {3, 300, 700, 5};
    char *data = malloc(2 * (3 + 300 + 700 + 5));
    assert_non_null(data);
    size_t n = 0;
    for (size_t rec = 0; rec < 4; rec++) {
        for (size_t i = 0; i < fields[rec]; i++) {
            data[n++] = (char)('a' + i % 26);
            data[n++] = i + 1 < fields[rec] ? ',' : '\n';
        }
    }
    check_plain(data, n);
    free(data);
}

/* Random inputs, quotes and errors included: every scan gives what the
 * general one gives, however the input is fed. */
static void test_scans_agree(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a",
                                         "bc",
                                         ",",
                                         ",",
                                         ",",
                                         ",",
                                         "\n",
                                         "\r\n",
                                         "\r",
                                         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                                         "\"q,\"\"q\"",
                                         "\"\n\"",
                                         "\xc3\xa9",
                                         "\xff",
                                         "\0",
                                         "\"",
                                         ",,,,,,,,,,,,,,,,",
                                         "1,2,3,4,5,6,7,8"};
    unsigned seed = 12345u;
    char data[2048];
    for (int round = 0; round < 300; round++) {
        size_t n = 0;
        size_t count = 20 + (size_t)round % 200;
        for (size_t i = 0; i < count; i++) {
            seed = seed * 1103515245u + 12345u;
            size_t pick = (seed >> 16) % (sizeof pieces / sizeof pieces[0]);
            /* Quotes rarely, so most inputs get far before an error. */
            if ((pick == 10 || pick == 11 || pick == 15) && (seed >> 8) % 8)
                pick = 0;
            size_t len = pick == 14 ? 1 : strlen(pieces[pick]);
            memcpy(data + n, pieces[pick], len);
            n += len;
        }
        char *want = render(data, n, 0, 0);
        check_size(data, n, want);
        free(want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_line_ends),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_bom),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_bad_text),
        cmocka_unit_test(test_long_record),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_read_error),
        cmocka_unit_test(test_many_records),
        cmocka_unit_test(test_file),
        cmocka_unit_test(test_blocks),
        cmocka_unit_test(test_block_bad_bytes),
        cmocka_unit_test(test_many_fields),
        cmocka_unit_test(test_block_quotes),
        cmocka_unit_test(test_scans_agree),
        cmocka_unit_test(test_delimiters),
        cmocka_unit_test(test_literal_quotes),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_forced_delimiter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
