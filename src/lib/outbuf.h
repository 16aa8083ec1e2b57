/* outbuf.h - a stream behind a fixed buffer, with hand-written number
 * formatting, for the CSV writers of ras_batch and ras_audit. The calls
 * made for every field are static inline: a row writes dozens of small
 * pieces, and a call per piece into another file costs the batch speed. */
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
    bool failed; /* a write failed: later output is dropped */
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

/* Digits of v, right to left, ending at end; returns the first digit. */
static inline char *ras_outbuf_digits(uint64_t v, char *end)
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
    uint64_t m = ras_outbuf_magnitude(v);
    if (v < 0)
        *p++ = '-';
    p = ras_put_digits(p, m / 100);
    unsigned pence = (unsigned)(m % 100);
    p[0] = '.';
    p[1] = (char)('0' + pence / 10);
    p[2] = (char)('0' + pence % 10);
    return p + 3;
}

/* True when a CSV field must be quoted (a comma, quote or line break). */
bool ras_csv_needs_quotes(const char *s, size_t len);

/* A CSV field: quoted, with quotes doubled, only when it needs it. */
void ras_outbuf_field(ras_outbuf *o, const char *s, size_t len);

/* s quoted, with quotes doubled, written at p; returns the end. */
char *ras_put_quoted(char *p, const char *s, size_t len);

/* A CSV field written at p, quoted only when it needs it: room for
 * 2 * len + 2 bytes. A short field (a client id) is copied a word at a
 * time. */
static inline char *ras_put_field(char *p, const char *s, size_t len)
{
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
