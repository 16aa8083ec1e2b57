/* money.c - pounds and pence as text, and dates. Money is whole pence in
 * an int64_t from parsing to printing (docs/model-format.md section 3). */
#include <string.h>

#include "model.h"
#include "num.h"

ras_status ras_money_parse(const char *text, size_t len, ras_pence *out)
{
    if (!text || !out)
        return RAS_ERR_ARG;
    size_t i = 0;
    int64_t pounds = 0;
    bool too_big = false;
    while (i < len && text[i] >= '0' && text[i] <= '9') {
        /* Keep scanning past an overflow to tell bad text from big text. */
        if (!too_big) {
            pounds = pounds * 10 + (text[i] - '0');
            too_big = pounds > RAS_MAX_PENCE / 100;
        }
        i++;
    }
    if (i == 0)
        return RAS_ERR_ARG; /* at least one digit before any point */
    int64_t pence = 0;
    if (i < len && text[i] == '.') {
        i++;
        size_t start = i;
        while (i < len && text[i] >= '0' && text[i] <= '9' && i - start < 3) {
            pence = pence * 10 + (text[i] - '0');
            i++;
        }
        size_t decimals = i - start;
        if (decimals == 0 || decimals > 2)
            return RAS_ERR_ARG;
        if (decimals == 1)
            pence *= 10;
    }
    if (i != len)
        return RAS_ERR_ARG;
    if (too_big)
        return RAS_ERR_OVERFLOW;
    int64_t v = pounds * 100 + pence;
    if (v > RAS_MAX_PENCE)
        return RAS_ERR_OVERFLOW;
    *out = v;
    return RAS_OK;
}

/* The text put before a HUMAN amount: a symbol, or the code and a space
 * (built in spare). */
static const char *currency_prefix(const char *currency, char spare[5])
{
    if (!currency || strcmp(currency, "GBP") == 0)
        return "\xc2\xa3"; /* £ */
    if (strcmp(currency, "EUR") == 0)
        return "\xe2\x82\xac"; /* € */
    if (strcmp(currency, "USD") == 0)
        return "$";
    size_t n = strnlen(currency, 3);
    memcpy(spare, currency, n);
    spare[n] = ' ';
    spare[n + 1] = '\0';
    return spare;
}

size_t ras_money_format(ras_pence amount, ras_money_style style, const char *currency, char *buf,
                        size_t size)
{
    /* Built right to left in a local buffer: the magnitude as unsigned so
     * INT64_MIN needs no special case. */
    char tmp[64];
    size_t pos = sizeof tmp;
    uint64_t mag = amount < 0 ? (uint64_t)0 - (uint64_t)amount : (uint64_t)amount;
    uint64_t pounds = mag / 100, pence = mag % 100;
    tmp[--pos] = (char)('0' + pence % 10);
    tmp[--pos] = (char)('0' + pence / 10);
    tmp[--pos] = '.';
    int group = 0;
    do {
        if (style == RAS_MONEY_HUMAN && group == 3) {
            tmp[--pos] = ',';
            group = 0;
        }
        tmp[--pos] = (char)('0' + pounds % 10);
        pounds /= 10;
        group++;
    } while (pounds > 0);
    if (style == RAS_MONEY_HUMAN) {
        char spare[5];
        const char *prefix = currency_prefix(currency, spare);
        for (size_t k = strlen(prefix); k > 0; k--)
            tmp[--pos] = prefix[k - 1];
    }
    if (amount < 0)
        tmp[--pos] = '-';
    size_t len = sizeof tmp - pos;
    if (buf && size > 0) {
        size_t copy = len < size ? len : size - 1;
        memcpy(buf, tmp + pos, copy);
        buf[copy] = '\0';
    }
    return len;
}

static bool is_leap(int32_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int32_t days_in_month(int32_t y, int32_t m)
{
    static const int32_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* The number held in len digits at text, or -1 if any is not a digit. */
static int32_t fixed_digits(const char *text, size_t len)
{
    int32_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}

ras_status ras_date_parse(const char *text, size_t len, ras_date *out)
{
    if (!text || !out || len != 10 || text[4] != '-' || text[7] != '-')
        return RAS_ERR_ARG;
    int32_t y = fixed_digits(text, 4);
    int32_t m = fixed_digits(text + 5, 2);
    int32_t d = fixed_digits(text + 8, 2);
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return RAS_ERR_ARG;
    *out = y * 10000 + m * 100 + d;
    return RAS_OK;
}

void ras_date_format(ras_date date, char buf[11])
{
    /* Any int is written as its digits so a bad value is visible, not
     * undefined; valid dates are always 8 digits. */
    uint32_t v = date < 0 ? 0u : (uint32_t)date;
    uint32_t y = (v / 10000) % 10000, m = (v / 100) % 100, d = v % 100;
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + d / 10);
    buf[9] = (char)('0' + d % 10);
    buf[10] = '\0';
}
