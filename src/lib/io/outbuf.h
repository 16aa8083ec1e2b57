/* outbuf.h - a stream behind a fixed buffer, with hand-written number
 * formatting, for the CSV writers of ras_batch and ras_audit. The calls
 * made for every field are static inline: a row writes dozens of small
 * pieces, and a call per piece into another file costs the batch speed.
 *
 * Every text cell any CSV writer of ras writes goes through
 * ras_outbuf_field or ras_put_field, which hold the formula guard
 * (docs/design.md, "CSV output"): a cell starting with =, +, -, @, a tab
 * or a CR gets a "'" before it and is quoted, so a spreadsheet shows it
 * as text instead of running it. Figures written with ras_put_int and
 * ras_put_money never pass through it. */
#ifndef RAS_OUTBUF_H
#define RAS_OUTBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ras.h"
#include "short_text.h"

#define RAS_OUTBUF_SIZE ((size_t)256 * 1024)

typedef struct ras_outbuf {
    FILE *f;
    char *buf; /* RAS_OUTBUF_SIZE bytes */
    size_t n;
    bool failed;   /* a write failed: later output is dropped */
    bool raw_text; /* no formula guard (RAS_CSV_RAW_TEXT) */
} ras_outbuf;

/* Sets o up over f; false when out of memory. Free with ras_outbuf_free. */
bool ras_outbuf_init(ras_outbuf *o, FILE *f);
/* Frees the buffer (without flushing it). Accepts an o never set up. */
void ras_outbuf_free(ras_outbuf *o);
/* Writes what is buffered to the stream. */
void ras_outbuf_flush(ras_outbuf *o);
/* The slow path of ras_outbuf_bytes: flushes, and writes a piece larger
 * than the buffer straight through. */
void ras_outbuf_spill(ras_outbuf *o, const char *s, size_t len);

static inline void ras_outbuf_bytes(ras_outbuf *o, const char *s, size_t len)
{
    if (o->n + len > RAS_OUTBUF_SIZE) {
        ras_outbuf_spill(o, s, len);
        return;
    }
    memcpy(o->buf + o->n, s, len);
    o->n += len;
}

static inline void ras_outbuf_char(ras_outbuf *o, char ch)
{
    if (o->n == RAS_OUTBUF_SIZE)
        ras_outbuf_flush(o);
    o->buf[o->n++] = ch;
}

/* "00" to "99": two digits at a time. */
static const char ras_digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930"
    "31323334353637383940414243444546474849505152535455565758596061"
    "62636465666768697071727374757677787980818283848586878889909192"
    "93949596979899";

/* Digits of v, right to left, ending at end; returns the first digit.
 * Two digits at a time from a table; below 2^32 (every figure but the
 * largest) in 32-bit arithmetic, whose division by 100 is cheaper. */
static inline char *ras_outbuf_digits(uint64_t v, char *end)
{
    const char *pairs = ras_digit_pairs;
    char *p = end;
    while (v > UINT32_MAX) {
        size_t k = (size_t)(v % 100) * 2;
        v /= 100;
        p -= 2;
        memcpy(p, pairs + k, 2);
    }
    uint32_t w = (uint32_t)v;
    while (w >= 100) {
        uint32_t k = (w % 100) * 2;
        w /= 100;
        p -= 2;
        memcpy(p, pairs + k, 2);
    }
    if (w >= 10) {
        p -= 2;
        memcpy(p, pairs + (size_t)w * 2, 2);
    } else
        *--p = (char)('0' + w);
    return p;
}

static inline uint64_t ras_outbuf_magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static inline void ras_outbuf_int(ras_outbuf *o, int64_t v)
{
    char tmp[24];
    char *end = tmp + sizeof tmp;
    char *p = ras_outbuf_digits(ras_outbuf_magnitude(v), end);
    if (v < 0)
        *--p = '-';
    ras_outbuf_bytes(o, p, (size_t)(end - p));
}

/* Pence as plain pounds with two decimals: 12345.67, -0.50 */
static inline void ras_outbuf_money(ras_outbuf *o, ras_pence v)
{
    char tmp[32];
    char *end = tmp + sizeof tmp;
    uint64_t m = ras_outbuf_magnitude(v);
    uint64_t pence = m % 100;
    end[-1] = (char)('0' + pence % 10);
    end[-2] = (char)('0' + pence / 10);
    end[-3] = '.';
    char *p = ras_outbuf_digits(m / 100, end - 3);
    if (v < 0)
        *--p = '-';
    ras_outbuf_bytes(o, p, (size_t)(end - p));
}

/* A row's figures are written straight into the buffer, without a test
 * of the room left per piece: ras_outbuf_room makes room for n bytes
 * (flushing if need be; n at most RAS_OUTBUF_SIZE) and returns where to
 * write; the ras_put_ calls write there and return the end;
 * ras_outbuf_done records it. */
#define RAS_PUT_NUMBER_MAX 24 /* bytes ras_put_int or ras_put_money writes at most */

static inline char *ras_outbuf_room(ras_outbuf *o, size_t n)
{
    if (RAS_OUTBUF_SIZE - o->n < n)
        ras_outbuf_flush(o);
    return o->buf + o->n;
}

static inline void ras_outbuf_done(ras_outbuf *o, const char *end)
{
    o->n = (size_t)(end - o->buf);
}

static inline char *ras_put_bytes(char *p, const char *s, size_t len)
{
    memcpy(p, s, len);
    return p + len;
}

/* How many decimal digits v has (1 for 0). */
static inline size_t ras_digit_count(uint64_t v)
{
    static const uint64_t tens[20] = {1ull,
                                      10ull,
                                      100ull,
                                      1000ull,
                                      10000ull,
                                      100000ull,
                                      1000000ull,
                                      10000000ull,
                                      100000000ull,
                                      1000000000ull,
                                      10000000000ull,
                                      100000000000ull,
                                      1000000000000ull,
                                      10000000000000ull,
                                      100000000000000ull,
                                      1000000000000000ull,
                                      10000000000000000ull,
                                      100000000000000000ull,
                                      1000000000000000000ull,
                                      10000000000000000000ull};
#if defined(__GNUC__)
    /* From the bit length: log10(2) is about 1233/4096, which gives the
     * count or one less; one comparison settles it. v | 1 makes 0 count
     * as one digit. */
    uint64_t w = v | 1u;
    size_t t = (size_t)(64 - __builtin_clzll(w)) * 1233u >> 12;
    return t + (w >= tens[t]);
#else
    size_t n = 1;
    while (n < 20 && v >= tens[n])
        n++;
    return n;
#endif
}

/* v's digits, written left to right once their count is known. */
static inline char *ras_put_digits(char *p, uint64_t v)
{
    size_t n = ras_digit_count(v);
    ras_outbuf_digits(v, p + n);
    return p + n;
}

static inline char *ras_put_int(char *p, int64_t v)
{
    if (v < 0)
        *p++ = '-';
    return ras_put_digits(p, ras_outbuf_magnitude(v));
}

/* Pence as plain pounds with two decimals: 12345.67, -0.50 */
static inline char *ras_put_money(char *p, ras_pence v)
{
    uint64_t m = ras_outbuf_magnitude(v), pounds;
    unsigned pence;
    if (v < 0)
        *p++ = '-';
    if (m <= UINT32_MAX) { /* up to £42,949,672.95: 32-bit division */
        pounds = (uint32_t)m / 100u;
        pence = (uint32_t)m % 100u;
    } else {
        pounds = m / 100;
        pence = (unsigned)(m % 100);
    }
    p = ras_put_digits(p, pounds);
    p[0] = '.';
    memcpy(p + 1, ras_digit_pairs + (size_t)2 * pence, 2);
    return p + 3;
}

/* True when a CSV field must be quoted (a comma, quote or line break). */
bool ras_csv_needs_quotes(const char *s, size_t len);

/* True when a text cell starting with ch could be taken for a formula by
 * a spreadsheet: =, +, -, @, a tab or a CR (the list OWASP gives). */
static inline bool ras_csv_formula_start(char ch)
{
    return ch == '=' || ch == '+' || ch == '-' || ch == '@' || ch == '\t' || ch == '\r';
}

/* True when a text cell needs the formula guard. */
static inline bool ras_csv_needs_guard(const char *s, size_t len)
{
    return len > 0 && ras_csv_formula_start(s[0]);
}

/* Reading a cell back: a "'" followed by a formula character is the guard
 * a writer added, and is dropped, so that an id read back from ras's own
 * output is the id it wrote. */
static inline void ras_csv_unguard(const char **s, size_t *len)
{
    if (*len >= 2 && (*s)[0] == '\'' && ras_csv_formula_start((*s)[1])) {
        (*s)++;
        (*len)--;
    }
}

/* A CSV text field: guarded against formulas unless o->raw_text, quoted,
 * with quotes doubled, only when it needs it. */
void ras_outbuf_field(ras_outbuf *o, const char *s, size_t len);

/* s quoted, with quotes doubled, written at p; returns the end. */
char *ras_put_quoted(char *p, const char *s, size_t len);

/* s with the formula guard: "'" and s, quoted, quotes doubled, at p
 * (room for 2 * len + 3 bytes); returns the end. */
char *ras_put_guarded(char *p, const char *s, size_t len);

/* True when a word holds a comma, a quote or a line break. */
static inline bool ras_word_special(uint64_t w)
{
    /* A byte equal to ch is a zero byte in w ^ ch, and a zero byte is the
     * one that borrows into its top bit when 1 is taken off. */
    uint64_t any = 0;
    static const unsigned char specials[4] = {',', '"', '\n', '\r'};
    for (size_t i = 0; i < 4; i++) {
        uint64_t x = w ^ RAS_BYTES_OF(specials[i]);
        any |= (x - RAS_BYTES_OF(0x01)) & ~x;
    }
    return (any & RAS_BYTES_OF(0x80)) != 0;
}

/* A CSV text field written at p, guarded against formulas unless raw,
 * quoted only when it needs it: room for 2 * len + 3 bytes. A short field
 * (a client id) is checked and copied a word at a time. */
static inline char *ras_put_field(char *p, const char *s, size_t len, bool raw)
{
    if (!raw && ras_csv_needs_guard(s, len))
        return ras_put_guarded(p, s, len);
    if (len >= 8 && len <= 16) {
        uint64_t a = ras_word_at(s), b = ras_word_at(s + len - 8);
        if (!ras_word_special(a) && (len == 8 || !ras_word_special(b))) {
            memcpy(p, &a, 8);
            memcpy(p + len - 8, &b, 8);
            return p + len;
        }
    }
    if (ras_csv_needs_quotes(s, len))
        return ras_put_quoted(p, s, len);
    ras_copy_short(p, s, len);
    return p + len;
}

/* Writes a printf-style message (an error row's reason) as one CSV field,
 * cut to RAS_ERROR_MESSAGE_MAX + 64 bytes. */
void ras_outbuf_vmessage(ras_outbuf *o, const char *fmt, va_list ap);

/* Flushes and checks the stream; RAS_ERR_IO (err filled) when any write
 * failed. */
ras_status ras_outbuf_finish(ras_outbuf *o, ras_error *err);

#endif
