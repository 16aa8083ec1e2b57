/* encoding.c - UTF-8 checks and Windows-1252 to UTF-8 (encoding.h). */
#include "encoding.h"

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Windows-1252 0x80 to 0x9f as Unicode: the bytes 0xa0 to 0xff are
 * Latin-1, the code point of the same number. */
static const uint16_t cp1252_high[32] = {
    0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
    0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178};

size_t ras_first_high(const char *text, size_t len)
{
    size_t i = 0;
#if defined(__SSE2__)
    for (; len - i >= 64; i += 64) {
        const __m128i *p = (const __m128i *)(const void *)(text + i);
        __m128i v = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(p), _mm_loadu_si128(p + 1)),
                                 _mm_or_si128(_mm_loadu_si128(p + 2), _mm_loadu_si128(p + 3)));
        if (_mm_movemask_epi8(v))
            break;
    }
#endif
    while (i < len && (unsigned char)text[i] < 0x80)
        i++;
    return i;
}

/* The length a UTF-8 sequence starting with lead byte b must have, and
 * the range its second byte must be in; 0 when b cannot start one. */
static size_t lead(unsigned char b, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf)
        return 2;
    if (b >= 0xe0 && b <= 0xef) {
        if (b == 0xe0)
            *lo = 0xa0; /* no overlongs */
        else if (b == 0xed)
            *hi = 0x9f; /* no surrogates */
        return 3;
    }
    if (b >= 0xf0 && b <= 0xf4) {
        if (b == 0xf0)
            *lo = 0x90;
        else if (b == 0xf4)
            *hi = 0x8f; /* nothing above U+10FFFF */
        return 4;
    }
    return 0;
}

bool ras_utf8_prefix_valid(const char *text, size_t len, size_t *tail)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    *tail = 0;
    while (i < len) {
        i += ras_first_high(text + i, len - i);
        if (i == len)
            break;
        unsigned char lo, hi;
        size_t need = lead(s[i], &lo, &hi);
        if (need == 0)
            return false;
        size_t have = len - i < need ? len - i : need;
        if (have > 1 && (s[i + 1] < lo || s[i + 1] > hi))
            return false;
        for (size_t k = 2; k < have; k++)
            if (s[i + k] < 0x80 || s[i + k] > 0xbf)
                return false;
        if (have < need) {
            *tail = have;
            return true;
        }
        i += need;
    }
    return true;
}

/* The Unicode code point of a Windows-1252 byte. */
static unsigned code_point(unsigned char b)
{
    return b >= 0x80 && b < 0xa0 ? cp1252_high[b - 0x80] : b;
}

static size_t utf8_len(unsigned cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
}

size_t ras_cp1252_utf8_len(const char *text, size_t len)
{
    size_t n = len;
    /* High bytes are few in an export: jump from one to the next. */
    for (size_t i = ras_first_high(text, len); i < len;
         i += 1 + ras_first_high(text + i + 1, len - i - 1))
        n += utf8_len(code_point((unsigned char)text[i])) - 1;
    return n;
}

/* The number of bytes below 0x80 that end text[0, len), up to len: 32
 * and then eight at a time while they last. */
static size_t ascii_tail(const char *text, size_t len)
{
    size_t n = 0;
#if defined(__SSE2__)
    while (len - n >= 32) {
        const __m128i *p = (const __m128i *)(const void *)(text + len - n - 32);
        if (_mm_movemask_epi8(_mm_or_si128(_mm_loadu_si128(p), _mm_loadu_si128(p + 1))))
            break;
        n += 32;
    }
#endif
    while (len - n >= 8) {
        uint64_t word;
        memcpy(&word, text + len - n - 8, 8);
        if (word & 0x8080808080808080u)
            break;
        n += 8;
    }
    while (n < len && (unsigned char)text[len - n - 1] < 0x80)
        n++;
    return n;
}

size_t ras_cp1252_to_utf8(char *buf, size_t len)
{
    size_t first = ras_first_high(buf, len);
    size_t out = first + ras_cp1252_utf8_len(buf + first, len - first);
    size_t w = out, i = len;
    /* From the end, so no byte is overwritten before it is read: each
     * byte's UTF-8 ends at or after where the byte was. A run of ASCII
     * moves as a whole. */
    while (i > first) {
        size_t run = ascii_tail(buf + first, i - first);
        if (run) {
            w -= run;
            i -= run;
            memmove(buf + w, buf + i, run);
            continue;
        }
        unsigned cp = code_point((unsigned char)buf[--i]);
        if (cp < 0x800) {
            buf[--w] = (char)(0x80 | (cp & 0x3f));
            buf[--w] = (char)(0xc0 | (cp >> 6));
        } else {
            buf[--w] = (char)(0x80 | (cp & 0x3f));
            buf[--w] = (char)(0x80 | ((cp >> 6) & 0x3f));
            buf[--w] = (char)(0xe0 | (cp >> 12));
        }
    }
    return out;
}
