/* short_text.h - the client id's path through a batch row: checked when
 * set, copied into the case and the result, written out. Ids are a few
 * bytes long, so these work a machine word at a time, reading only the
 * bytes given (two overlapping words cover 8 to 16 bytes), instead of a
 * loop a byte or a library call for each. */
#ifndef RAS_SHORT_TEXT_H
#define RAS_SHORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t ras_word_at(const char *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return w;
}

#define RAS_BYTES_OF(b) (UINT64_C(0x0101010101010101) * (b))

/* True when no byte of w is below 0x20 or above 0x7e (printable ASCII). */
static inline bool ras_word_printable(uint64_t w)
{
    /* A byte below 0x20 borrows into its top bit when 0x20 is taken off;
     * a byte of 0x7f or more (or with its top bit set) sets it when 0x01
     * is added. Neither carries across bytes for a byte that passes. */
    uint64_t low = (w - RAS_BYTES_OF(0x20)) & ~w;
    uint64_t high = (w + RAS_BYTES_OF(0x01)) | w;
    return ((low | high) & RAS_BYTES_OF(0x80)) == 0;
}

/* True when len bytes at s are all printable ASCII (0x20 to 0x7e). */
static inline bool ras_printable_ascii(const char *s, size_t len)
{
    if (len >= 8 && len <= 16)
        return ras_word_printable(ras_word_at(s)) && ras_word_printable(ras_word_at(s + len - 8));
    unsigned bad = 0;
    for (size_t i = 0; i < len; i++)
        bad |= (unsigned char)s[i] - 0x20u >= 0x5fu;
    return bad == 0;
}

/* memcpy for a short piece: two overlapping words for 8 to 16 bytes. */
static inline void ras_copy_short(char *dst, const char *src, size_t len)
{
    if (len >= 8 && len <= 16) {
        uint64_t a = ras_word_at(src), b = ras_word_at(src + len - 8);
        memcpy(dst, &a, 8);
        memcpy(dst + len - 8, &b, 8);
        return;
    }
    memcpy(dst, src, len);
}

#endif
