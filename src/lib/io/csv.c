/* csv.c - the RFC 4180 reader of csv.h.
 *
 * A record is scanned in place in the buffer. If the buffer ends before
 * the record does, the partial record is moved to the front, more input is
 * read and the record is scanned again from its start: that happens once
 * per buffer (256 KiB), so it costs nothing measurable, and it means the
 * scan keeps no state across reads. Scanning never writes to the buffer;
 * doubled quotes are undone only once the record is complete. */
#include "csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csv_plain.h"
#include "error.h"
#include "text_check.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef enum scan_result { SCAN_DONE, SCAN_MORE, SCAN_FAIL } scan_result;

static ras_status read_file(void *ctx, char *buf, size_t size, size_t *got)
{
    FILE *in = ctx;
    *got = fread(buf, 1, size, in);
    if (*got == 0 && ferror(in))
        return RAS_ERR_IO;
    return RAS_OK;
}

ras_status ras_csv_open(ras_csv *r, ras_csv_read_fn read, void *ctx, const char *name,
                        ras_error *err)
{
    memset(r, 0, sizeof *r);
    r->read = read;
    r->ctx = ctx;
    r->name = name ? name : "";
    r->cap = RAS_CSV_BUFFER;
    r->buf = calloc(r->cap + RAS_CSV_PAD, 1);
    r->fields_cap = 128; /* the fast path wants room for 65 */
    r->fields = malloc((r->fields_cap + RAS_CSV_SLACK) * sizeof *r->fields);
    r->doubled = malloc(r->fields_cap);
    r->ends = malloc((r->fields_cap + RAS_CSV_SLACK) * sizeof *r->ends);
    r->line = 1;
    r->bad_field = -1;
    r->simd = ras_csv_best_simd();
    if (!r->buf || !r->fields || !r->doubled || !r->ends) {
        ras_csv_close(r);
        return ras_fail(err, RAS_ERR_NOMEM, r->name, 0, 0, NULL, "out of memory");
    }
    return RAS_OK;
}

ras_status ras_csv_open_file(ras_csv *r, FILE *in, const char *name, ras_error *err)
{
    return ras_csv_open(r, read_file, in, name, err);
}

void ras_csv_close(ras_csv *r)
{
    if (!r)
        return;
    if (r->source.close)
        r->source.close(r->source.ctx, r);
    r->source.close = NULL;
    free(r->buf);
    free(r->fields);
    free(r->doubled);
    free(r->ends);
    r->buf = NULL;
    r->fields = NULL;
    r->doubled = NULL;
    r->ends = NULL;
}

/* One read into the free end of the buffer; sets eof on an empty read. */
static ras_status read_more(ras_csv *r, ras_error *err)
{
    size_t got = 0;
    if (r->read(r->ctx, r->buf + r->end, r->cap - r->end, &got) != RAS_OK) {
        int e = errno;
        return ras_fail(err, RAS_ERR_IO, r->name, 0, 0, NULL, "cannot read %s: %s", r->name,
                        e ? strerror(e) : "read error");
    }
    if (got == 0)
        r->eof = true;
    r->end += got;
    return RAS_OK;
}

/* Makes room for more of the record starting at pos: moves it to the
 * front, grows the buffer if the record fills it, then reads. */
static ras_status refill(ras_csv *r, ras_error *err)
{
    size_t keep = r->end - r->pos;
    if (keep > RAS_CSV_RECORD_MAX)
        return ras_fail(err, RAS_ERR_LIMIT, r->name, r->line, 0, NULL,
                        "the record starting here is longer than %zu bytes", RAS_CSV_RECORD_MAX);
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, keep);
        r->pos = 0;
        r->end = keep;
    }
    if (r->end == r->cap) {
        size_t cap = r->cap * 2;
        if (cap > RAS_CSV_RECORD_MAX + 2)
            cap = RAS_CSV_RECORD_MAX + 2; /* room for the record and its CRLF */
        char *buf = realloc(r->buf, cap + RAS_CSV_PAD);
        if (!buf)
            return ras_fail(err, RAS_ERR_NOMEM, r->name, 0, 0, NULL, "out of memory");
        memset(buf + r->cap, 0, cap - r->cap + RAS_CSV_PAD);
        r->buf = buf;
        r->cap = cap;
    }
    return read_more(r, err);
}

/* The first delimiter, quote, CR or LF in [p, end), or end. Reads up to
 * 15 bytes past end, which the buffer's slack allows. */
static const char *find_special(const char *p, const char *end, char delim)
{
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(delim), quote = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    while (p < end) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, quote)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask) {
            const char *at = p + __builtin_ctz(mask);
            return at < end ? at : end;
        }
        p += 16;
    }
    return end;
#else
    while (p < end && *p != delim && *p != '"' && *p != '\n' && *p != '\r')
        p++;
    return p;
#endif
}

/* True when [p, end) has no NUL and no byte above 0x7f: the usual case,
 * which then needs no UTF-8 check. */
static bool plain_ascii(const char *p, const char *end)
{
#if defined(__SSE2__)
    __m128i acc = _mm_setzero_si128(), zero = _mm_setzero_si128();
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        acc = _mm_or_si128(acc, _mm_or_si128(v, _mm_cmpeq_epi8(v, zero)));
        p += 16;
    }
    if (_mm_movemask_epi8(acc))
        return false;
#endif
    for (; p < end; p++)
        if (*p == '\0' || (unsigned char)*p >= 0x80)
            return false;
    return true;
}

static size_t count_lf(const char *p, const char *end)
{
    size_t n = 0;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        n++;
        p++;
    }
    return n;
}

static ras_status grow_fields(ras_csv *r, ras_error *err)
{
    if (r->fields_cap >= RAS_CSV_FIELDS_MAX)
        return ras_fail(err, RAS_ERR_LIMIT, r->name, r->line, 0, NULL,
                        "the record has more than %zu fields", RAS_CSV_FIELDS_MAX);
    /* fields_cap starts at 128 and only doubles: never 0 */
    size_t cap = r->fields_cap > 0 ? r->fields_cap * 2 : 128;
    ras_csv_field *f = realloc(r->fields, (cap + RAS_CSV_SLACK) * sizeof *f);
    if (!f)
        return ras_fail(err, RAS_ERR_NOMEM, r->name, 0, 0, NULL, "out of memory");
    r->fields = f;
    unsigned char *d = realloc(r->doubled, cap);
    if (!d)
        return ras_fail(err, RAS_ERR_NOMEM, r->name, 0, 0, NULL, "out of memory");
    r->doubled = d;
    uint32_t *e = realloc(r->ends, (cap + RAS_CSV_SLACK) * sizeof *e);
    if (!e)
        return ras_fail(err, RAS_ERR_NOMEM, r->name, 0, 0, NULL, "out of memory");
    r->ends = e;
    r->fields_cap = cap;
    return RAS_OK;
}

static scan_result field_too_long(ras_csv *r, size_t field, ras_error *err)
{
    ras_fail(err, RAS_ERR_LIMIT, r->name, r->line, field + 1, NULL,
             "the field is longer than %zu bytes", RAS_CSV_FIELD_MAX);
    return SCAN_FAIL;
}

/* Ends a record whose last field stops at p (a CR, an LF, or end at the
 * end of the input): sets *next past the line end. */
static scan_result end_record(const char *p, const char *end, bool eof, const char **next,
                              bool *newline)
{
    *newline = p < end;
    if (p == end) {
        *next = end;
        return SCAN_DONE;
    }
    if (*p == '\n') {
        *next = p + 1;
        return SCAN_DONE;
    }
    /* A CR: CRLF is one line end; a lone CR is one too. */
    if (p + 1 == end && !eof)
        return SCAN_MORE;
    *next = p + 1 < end && p[1] == '\n' ? p + 2 : p + 1;
    return SCAN_DONE;
}

/* Scans a quoted field opening at p. On success *close is its closing quote. */
static scan_result scan_quoted(ras_csv *r, const char *p, const char *end, size_t field,
                               unsigned long line, const char **close, ras_error *err)
{
    const char *q = p + 1;
    r->doubled[field] = 0;
    for (;;) {
        q = memchr(q, '"', (size_t)(end - q));
        if (!q) {
            if (!r->eof)
                return SCAN_MORE;
            ras_fail(err, RAS_ERR_SYNTAX, r->name, line, field + 1, NULL,
                     "unclosed quote: the quote opened on line %lu is never closed (the file "
                     "ends inside this field)",
                     line);
            return SCAN_FAIL;
        }
        if (q + 1 == end && !r->eof)
            return SCAN_MORE; /* a doubled quote may be split across reads */
        if (q + 1 < end && q[1] == '"') {
            r->doubled[field] = 1;
            r->any_doubled = true;
            q += 2;
            continue;
        }
        *close = q;
        return SCAN_DONE;
    }
}

/* The end of unquoted text from p: the first delimiter, CR or LF. A quote
 * on the way is a character like any other, as Excel and Python's csv
 * module read it (docs/exports.md), and is counted. SCAN_MORE when the
 * buffer ends first. */
static scan_result scan_unquoted(ras_csv *r, const char *p, const char *end, const char **stop,
                                 unsigned long *quotes)
{
    for (;;) {
        p = find_special(p, end, r->delim);
        if (p == end && !r->eof)
            return SCAN_MORE;
        if (p == end || *p != '"') {
            *stop = p;
            return SCAN_DONE;
        }
        ++*quotes;
        p++;
    }
}

/* Scans the record at pos into fields. SCAN_MORE: the buffer ends first. */
static scan_result scan_record(ras_csv *r, size_t *next_pos, unsigned long *lines, ras_error *err)
{
    const char *p = r->buf + r->pos;
    const char *end = r->buf + r->end;
    unsigned long extra = 0; /* line ends inside quoted fields */
    size_t n = 0;
    unsigned long quotes = 0; /* kept as characters (csv.h) */
    r->any_doubled = false;
    for (;;) {
        if (n == r->fields_cap && grow_fields(r, err) != RAS_OK)
            return SCAN_FAIL;
        ras_csv_field *f = &r->fields[n];
        const char *stop; /* what ends the field: delimiter, CR, LF or end */
        scan_result s;
        if (p < end && *p == '"') {
            const char *close;
            s = scan_quoted(r, p, end, n, r->line + extra, &close, err);
            if (s != SCAN_DONE)
                return s;
            extra += count_lf(p + 1, close);
            stop = close + 1;
            if (stop < end && *stop != r->delim && *stop != '\n' && *stop != '\r') {
                /* Text after the closing quote ("5" tall): kept, the
                 * closing quote dropped, as Excel and Python read it. */
                quotes++;
                if ((s = scan_unquoted(r, stop, end, &stop, &quotes)) != SCAN_DONE)
                    return s;
                r->doubled[n] = 2;
                r->any_doubled = true;
            }
            f->text = p + 1;
            f->len = (size_t)((r->doubled[n] == 2 ? stop : close) - p - 1);
        } else {
            if ((s = scan_unquoted(r, p, end, &stop, &quotes)) != SCAN_DONE)
                return s;
            f->text = p;
            f->len = (size_t)(stop - p);
            r->doubled[n] = 0;
        }
        if (f->len > RAS_CSV_FIELD_MAX)
            return field_too_long(r, n, err);
        n++;
        if (stop < end && *stop == r->delim) {
            p = stop + 1;
            continue;
        }
        const char *next;
        bool newline;
        s = end_record(stop, end, r->eof, &next, &newline);
        if (s != SCAN_DONE)
            return s;
        r->n_fields = n;
        if (quotes && !r->literal_quotes)
            r->first_quote_line = r->line;
        r->literal_quotes += quotes;
        *next_pos = (size_t)(next - r->buf);
        *lines = extra + (newline ? 1 : 0);
        return SCAN_DONE;
    }
}

/* Undoes a quoted field's quoting in place, now that the record is
 * complete: the field is a view into r's own (writable) buffer, from
 * after its opening quote. Within the quotes a doubled quote is one; a
 * single quote closes them and is dropped, and the text after it is kept
 * as it is (doubled[] is 2 for such a field). */
static void undouble(ras_csv *r, ras_csv_field *f)
{
    char *w = r->buf + (f->text - r->buf);
    const char *s = f->text, *e = f->text + f->len;
    char *out = w;
    while (s < e) {
        if (*s != '"') {
            *out++ = *s++;
        } else if (s + 1 < e && s[1] == '"') {
            *out++ = '"';
            s += 2;
        } else { /* the closing quote: the rest is plain text */
            s++;
            size_t rest = (size_t)(e - s);
            memmove(out, s, rest);
            out += rest;
            break;
        }
    }
    f->len = (size_t)(out - w);
}

/* Finds the first field with a NUL byte or invalid UTF-8, if any. */
static void check_text(ras_csv *r, const char *start, const char *stop)
{
    r->bad_field = -1;
    r->bad_reason = NULL;
    if (plain_ascii(start, stop))
        return;
    /* The whole record at once: fields part at ASCII bytes (delimiters,
     * quotes), which no UTF-8 sequence holds, so a valid record has valid
     * fields. Only a record that is not valid is looked at field by field. */
    size_t len = (size_t)(stop - start);
    if (!memchr(start, '\0', len) && ras_utf8_valid(start, len))
        return;
    for (size_t i = 0; i < r->n_fields; i++) {
        const ras_csv_field *f = &r->fields[i];
        if (f->len && memchr(f->text, '\0', f->len)) {
            r->bad_field = (long)i;
            r->bad_reason = "a NUL byte";
            return;
        }
        if (!ras_utf8_valid(f->text, f->len)) {
            r->bad_field = (long)i;
            r->bad_reason = "invalid UTF-8";
            return;
        }
    }
}

/* Makes sure at least n bytes are buffered at pos, or the input ended. */
static ras_status fill_at_least(ras_csv *r, size_t n, ras_error *err)
{
    while (!r->eof && r->end - r->pos < n) {
        ras_status st = refill(r, err);
        if (st != RAS_OK)
            return st;
    }
    return RAS_OK;
}

/* How far the header line is looked at for its delimiter: a header is
 * far shorter, and a file with no line end must not be read whole. */
#define DETECT_WINDOW ((size_t)64 * 1024)

/* The header line's length from pos: up to its first CR or LF outside
 * quotes, or all that is buffered at the end of the input or past the
 * window. Counts each candidate delimiter outside quotes on the way. */
static ras_status header_counts(ras_csv *r, size_t counts[3], ras_error *err)
{
    for (;;) {
        bool quoted = false;
        counts[0] = counts[1] = counts[2] = 0;
        for (size_t i = r->pos; i < r->end; i++) {
            char ch = r->buf[i];
            if (ch == '"')
                quoted = !quoted;
            else if (quoted)
                continue;
            else if (ch == '\n' || ch == '\r')
                return RAS_OK;
            else if (ch == ',')
                counts[0]++;
            else if (ch == ';')
                counts[1]++;
            else if (ch == '\t')
                counts[2]++;
        }
        if (r->eof || r->end - r->pos >= DETECT_WINDOW)
            return RAS_OK;
        ras_status st = refill(r, err);
        if (st != RAS_OK)
            return st;
    }
}

/* Finds the delimiter from the header line at pos (csv.h). The vector
 * fast paths take any of the three: none is among the bytes they treat
 * as special (quote, CR, LF, NUL). */
static ras_status detect_delimiter(ras_csv *r, ras_error *err)
{
    r->dialect_done = true;
    if (!r->delim) {
        static const char candidates[3] = {',', ';', '\t'};
        size_t counts[3];
        ras_status st = header_counts(r, counts, err);
        if (st != RAS_OK)
            return st;
        size_t best = 0;
        for (size_t k = 1; k < 3; k++)
            if (counts[k] > counts[best])
                best = k;
        r->delim = candidates[best];
        r->delim_detected = true;
    }
    return RAS_OK;
}

/* Skips a byte-order mark at the very start, and blank lines anywhere
 * between records, and finds the delimiter at the first record. Returns
 * with pos at a record, or at the end. */
static ras_status skip_blank(ras_csv *r, ras_error *err)
{
    ras_status st;
    if (!r->started) {
        r->started = true;
        if ((st = fill_at_least(r, 3, err)) != RAS_OK)
            return st;
        if (r->end - r->pos >= 3 && memcmp(r->buf + r->pos, "\xef\xbb\xbf", 3) == 0) {
            r->pos += 3;
            r->bom = true;
        }
    }
    for (;;) {
        if ((st = fill_at_least(r, 2, err)) != RAS_OK)
            return st;
        if (r->pos == r->end)
            return RAS_OK;
        char ch = r->buf[r->pos];
        if (ch == '\n')
            r->pos++;
        else if (ch == '\r')
            r->pos += r->end - r->pos >= 2 && r->buf[r->pos + 1] == '\n' ? 2 : 1;
        else
            return r->dialect_done ? RAS_OK : detect_delimiter(r, err);
        r->line++;
        r->blank_lines++;
    }
}

/* Any record: blank lines and the byte-order mark skipped, quotes, CRs,
 * refills and errors handled. */
static ras_status next_general(ras_csv *r, bool *have, ras_error *err)
{
    ras_error local; /* the scan reports its status through an error */
    if (!err)
        err = &local;
    *have = false;
    r->n_fields = 0;
    ras_status st;
    /* The usual case, a record right here, needs no skipping. */
    bool at_record =
        r->started && r->end - r->pos >= 2 && r->buf[r->pos] != '\n' && r->buf[r->pos] != '\r';
    if (!at_record) {
        if ((st = skip_blank(r, err)) != RAS_OK)
            return st;
        if (r->pos == r->end)
            return RAS_OK;
    }
    size_t next = 0;
    unsigned long lines = 1;
    for (;;) {
        scan_result s = scan_record(r, &next, &lines, err);
        if (s == SCAN_DONE)
            break;
        if (s == SCAN_FAIL)
            return err->status;
        if ((st = refill(r, err)) != RAS_OK)
            return st;
    }
    r->record_line = r->line;
    check_text(r, r->buf + r->pos, r->buf + next);
    for (size_t i = 0; r->any_doubled && i < r->n_fields; i++)
        if (r->doubled[i])
            undouble(r, &r->fields[i]);
    r->pos = next;
    r->line += lines;
    *have = true;
    return RAS_OK;
}

#if RAS_CSV_SSE2
/* Hands out a record the fast path scanned: one line, nothing to undo;
 * plain, no byte above 0x7f (nor NUL: the scan stops at one). */
static inline ras_status deliver_plain(ras_csv *r, size_t next, bool plain, bool *have)
{
    r->record_line = r->line;
    if (plain) {
        r->bad_field = -1;
        r->bad_reason = NULL;
    } else {
        check_text(r, r->buf + r->pos, r->buf + next);
    }
    r->pos = next;
    r->line++;
    *have = true;
    return RAS_OK;
}

/* The fast path did not take the record: grows fields and starts again,
 * or leaves the record to the general scan. */
static ras_status plain_failed(ras_csv *r, ras_plain_result p, bool *have, ras_error *err)
{
    if (p == RAS_PLAIN_ROOM && grow_fields(r, NULL) == RAS_OK)
        return ras_csv_next(r, have, err);
    return next_general(r, have, err); /* which reports too many fields, if so */
}

/* Not inlined: ras_csv_next stays a dispatch of a few instructions. */
__attribute__((noinline)) static ras_status next_sse2(ras_csv *r, bool *have, ras_error *err)
{
    size_t next;
    bool plain;
    ras_plain_result p = ras_csv_plain_sse2(r, &next, &plain);
    if (p == RAS_PLAIN_DONE)
        return deliver_plain(r, next, plain, have);
    return plain_failed(r, p, have, err);
}

#if RAS_CSV_AVX2
static ras_status next_avx2(ras_csv *r, bool *have, ras_error *err)
{
    size_t next;
    bool plain;
    ras_plain_result p = ras_csv_plain_avx2(r, &next, &plain);
    if (p == RAS_PLAIN_DONE)
        return deliver_plain(r, next, plain, have);
    return plain_failed(r, p, have, err);
}
#endif
#endif

ras_status ras_csv_next(ras_csv *r, bool *have, ras_error *err)
{
    if (r->source.next)
        return r->source.next(r->source.ctx, r, have, err);
#if RAS_CSV_AVX2
    if (r->simd >= 2)
        return next_avx2(r, have, err);
#endif
#if RAS_CSV_SSE2
    if (r->simd >= 1)
        return next_sse2(r, have, err);
#endif
    return next_general(r, have, err);
}
