/* text_check.c - checks on untrusted text, and showing it in messages. */
#include "text_check.h"

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

bool ras_text_is_clean(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)text[i];
        if (b < 0x20 || b == 0x7f)
            return false;
    }
    return ras_utf8_valid(text, len);
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
        if (step == 0 || (step == 1 && (s[i] < 0x20 || s[i] == 0x7f))) {
            out[n++] = '?';
            i++;
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
