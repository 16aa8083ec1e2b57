/* text_check.c - checks on untrusted text, and showing it in messages. */
#include "text_check.h"

#include <stdint.h>
#include <string.h>

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
    unsigned char b = s[0];
    if (b < 0x80)
        return 1;
    size_t need;
    unsigned char lo = 0x80, hi = 0xbf; /* range of the second byte */
    if (b >= 0xc2 && b <= 0xdf)
        need = 2;
    else if (b >= 0xe0 && b <= 0xef) {
        need = 3;
        if (b == 0xe0)
            lo = 0xa0; /* no overlongs */
        else if (b == 0xed)
            hi = 0x9f; /* no surrogates */
    } else if (b >= 0xf0 && b <= 0xf4) {
        need = 4;
        if (b == 0xf0)
            lo = 0x90;
        else if (b == 0xf4)
            hi = 0x8f; /* nothing above U+10FFFF */
    } else
        return 0;
    if (n < need || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < need; i++)
        if (s[i] < 0x80 || s[i] > 0xbf)
            return 0;
    return need;
}

bool ras_utf8_valid(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        /* ASCII, most of any text, 8 bytes at a time. */
        uint64_t w;
        if (len - i >= 8 && (memcpy(&w, s + i, 8), (w & 0x8080808080808080u) == 0)) {
            i += 8;
            continue;
        }
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_sequence(s + i, len - i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

/* True for the C1 control at s[i] (U+0080 to U+009F: 0xc2 0x80..0x9f). */
static bool c1_at(const unsigned char *s, size_t i, size_t len)
{
    return s[i] == 0xc2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9f;
}

bool ras_text_is_clean(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 0x20 || s[i] == 0x7f || c1_at(s, i, len))
            return false;
    }
    return ras_utf8_valid(text, len);
}

const char *ras_text_fault(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    if (memchr(text, 0, len))
        return "a NUL byte";
    for (size_t i = 0; i < len; i++) {
        if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n') || s[i] == 0x7f || c1_at(s, i, len))
            return "a control character";
    }
    return ras_utf8_valid(text, len) ? NULL : "invalid UTF-8";
}

bool ras_text_is_id(const char *text, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++) {
        char ch = text[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
            return false;
    }
    return true;
}

static bool is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

bool ras_text_is_numeric(const char *text, size_t len)
{
    size_t i = 0;
    if (i < len && (text[i] == '-' || text[i] == '+'))
        i++;
    size_t start = i;
    while (i < len && is_digit(text[i]))
        i++;
    if (i == start)
        return false;
    if (i < len && text[i] == '.') {
        size_t frac = ++i;
        while (i < len && is_digit(text[i]))
            i++;
        if (i == frac)
            return false;
    }
    return i == len;
}

static bool is_letter(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

bool ras_text_is_word(const char *text, size_t len)
{
    if (len == 0 || !is_letter(text[0]))
        return false;
    for (size_t i = 1; i < len; i++)
        if (!is_letter(text[i]) && !is_digit(text[i]) && text[i] != '_' && text[i] != '-')
            return false;
    return true;
}

bool ras_text_is_blank(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (text[i] != ' ' && text[i] != '\t')
            return false;
    return true;
}

bool ras_text_equal_nocase(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen != blen)
        return false;
    for (size_t i = 0; i < alen; i++)
        if (ras_fold_byte((unsigned char)a[i]) != ras_fold_byte((unsigned char)b[i]))
            return false;
    return true;
}

void ras_text_show(const char *text, size_t len, char out[RAS_SHOWN_MAX])
{
    const unsigned char *s = (const unsigned char *)text;
    const size_t room = 40;
    size_t i = 0, n = 0;
    while (i < len) {
        size_t step = s[i] < 0x80 ? 1 : utf8_sequence(s + i, len - i);
        if (n + (step ? step : 1) > room)
            break;
        if (step == 0 || (step == 1 && (s[i] < 0x20 || s[i] == 0x7f)) || c1_at(s, i, len)) {
            out[n++] = '?';
            i += step == 2 ? 2 : 1; /* a C1 control is one character of two bytes */
            continue;
        }
        memcpy(out + n, s + i, step);
        n += step;
        i += step;
    }
    if (i < len) {
        memcpy(out + n, "...", 3);
        n += 3;
    }
    out[n] = '\0';
}
