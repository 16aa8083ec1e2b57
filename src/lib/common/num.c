/* num.c - checked whole-number arithmetic, and parsing of whole numbers
 * and percentages. */
#include "num.h"

#include <string.h>

/* Reads the digits of text[*i..len) into *value, checking overflow of a
 * non-negative int64_t. Returns how many digits were read, or -1 on
 * overflow (with *i past every digit all the same). */
static long read_digits(const char *text, size_t len, size_t *i, int64_t *value)
{
    long n = 0;
    bool overflowed = false;
    int64_t v = 0;
    for (; *i < len && text[*i] >= '0' && text[*i] <= '9'; (*i)++, n++) {
        int64_t d = text[*i] - '0';
        if (overflowed || v > (INT64_MAX - d) / 10)
            overflowed = true;
        else
            v = v * 10 + d;
    }
    *value = v;
    return overflowed ? -1 : n;
}

ras_status ras_int_parse(const char *text, size_t len, int64_t *out)
{
    if (!text || !out)
        return RAS_ERR_ARG;
    size_t i = 0;
    bool negative = false;
    if (i < len && (text[i] == '-' || text[i] == '+')) {
        negative = text[i] == '-';
        i++;
    }
    int64_t v;
    long n = read_digits(text, len, &i, &v);
    if (n < 0) {
        if (i != len)
            return RAS_ERR_ARG; /* not a number at all */
        /* INT64_MIN has no positive twin: accept it as a special case. */
        static const char min_text[] = "-9223372036854775808";
        if (len == sizeof min_text - 1 && memcmp(text, min_text, len) == 0) {
            *out = INT64_MIN;
            return RAS_OK;
        }
        return RAS_ERR_OVERFLOW;
    }
    if (n == 0 || i != len)
        return RAS_ERR_ARG;
    *out = negative ? -v : v;
    return RAS_OK;
}

bool ras_int_is_plain(const char *text, size_t len)
{
    if (len == 0 || (text[0] == '0' && len > 1))
        return false;
    for (size_t i = 0; i < len; i++)
        if (text[i] < '0' || text[i] > '9')
            return false;
    return true;
}

ras_status ras_percent_parse(const char *text, size_t len, int32_t *hundredths)
{
    if (!text || !hundredths)
        return RAS_ERR_ARG;
    size_t i = 0;
    bool negative = false;
    if (i < len && (text[i] == '-' || text[i] == '+')) {
        negative = text[i] == '-';
        i++;
    }
    int64_t whole;
    long n = read_digits(text, len, &i, &whole);
    if (n == 0)
        return RAS_ERR_ARG;
    int64_t frac = 0;
    if (i < len && text[i] == '.') {
        i++;
        size_t start = i;
        while (i < len && i - start < 3 && text[i] >= '0' && text[i] <= '9') {
            frac = frac * 10 + (text[i] - '0');
            i++;
        }
        size_t decimals = i - start;
        if (decimals == 0 || decimals > 2)
            return RAS_ERR_ARG;
        if (decimals == 1)
            frac *= 10;
    }
    if (i + 1 != len || text[i] != '%')
        return RAS_ERR_ARG;
    /* n < 0 (overflowing digits) is simply a value past the limit. */
    if (n < 0 || whole > RAS_MAX_PERCENT / 100)
        return RAS_ERR_OVERFLOW;
    int64_t v = whole * 100 + frac;
    if (v > RAS_MAX_PERCENT)
        return RAS_ERR_OVERFLOW;
    *hundredths = (int32_t)(negative ? -v : v);
    return RAS_OK;
}

void ras_percent_format(int32_t hundredths, char buf[16])
{
    int64_t v = hundredths;
    size_t n = 0;
    if (v < 0) {
        buf[n++] = '-';
        v = -v;
    }
    char digits[12];
    size_t k = 0;
    int64_t whole = v / 100;
    do {
        digits[k++] = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole > 0);
    while (k > 0)
        buf[n++] = digits[--k];
    buf[n++] = '.';
    buf[n++] = (char)('0' + (v % 100) / 10);
    buf[n++] = (char)('0' + v % 10);
    buf[n++] = '%';
    buf[n] = '\0';
}
