/* lenient.c - money and dates as exports and people write them
 * (docs/exports.md, "Money" and "Dates"): the forms are checked here,
 * then the strict parsers of money.c read what they hold, so both agree
 * on every limit. */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "text_check.h"

static bool is_space(char ch)
{
    return ch == ' ' || ch == '\t';
}

static bool is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static void trim(const char **text, size_t *len)
{
    while (*len > 0 && is_space((*text)[0])) {
        (*text)++;
        (*len)--;
    }
    while (*len > 0 && is_space((*text)[*len - 1]))
        (*len)--;
}

/* Digits at text[*i], at most max of them; their count. */
static size_t digits(const char *text, size_t len, size_t *i, size_t max)
{
    size_t start = *i;
    while (*i < len && *i - start < max && is_digit(text[*i]))
        (*i)++;
    return *i - start;
}

static ras_status bad_money(const char *text, size_t len, ras_status st, ras_error *err)
{
    char shown[RAS_SHOWN_MAX];
    ras_text_show(text, len, shown);
    if (st == RAS_ERR_OVERFLOW)
        return ras_fail(err, st, NULL, 0, 0, NULL, "'%s' is too large an amount", shown);
    return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL,
                    "'%s' is not an amount in pounds (like 1234.50, 1,234.50 or \xc2\xa3"
                    "1,234.50)",
                    shown);
}

ras_status ras_money_parse_lenient(const char *text, size_t len, ras_pence *out, ras_error *err)
{
    if ((!text && len > 0) || !out)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    const char *t = text ? text : "";
    trim(&t, &len);
    size_t i = 0;
    if (len >= 2 && (unsigned char)t[0] == 0xc2 && (unsigned char)t[1] == 0xa3) {
        i = 2; /* the pound sign, perhaps spaced from the amount */
        while (i < len && is_space(t[i]))
            i++;
    }
    /* The pounds, their commas dropped: a group of 1 to 3 digits, then
     * groups of exactly 3 after each comma; or digits alone. */
    char plain[64];
    size_t n = 0;
    size_t start = i, first = digits(t, len, &i, SIZE_MAX);
    bool grouped = i < len && t[i] == ',';
    if (first == 0 || (grouped && first > 3))
        return bad_money(t, len, RAS_ERR_ARG, err);
    if (first > 40) /* digits alone, far past any limit */
        return bad_money(t, len, RAS_ERR_OVERFLOW, err);
    memcpy(plain, t + start, first);
    n = first;
    while (i < len && t[i] == ',') {
        i++;
        size_t at = i;
        if (digits(t, len, &i, 4) != 3)
            return bad_money(t, len, RAS_ERR_ARG, err);
        if (n + 3 > 40)
            return bad_money(t, len, RAS_ERR_OVERFLOW, err);
        memcpy(plain + n, t + at, 3);
        n += 3;
    }
    if (i < len && t[i] == '.') {
        size_t at = i++;
        size_t d = digits(t, len, &i, 3);
        if (d == 0 || d > 2)
            return bad_money(t, len, RAS_ERR_ARG, err);
        memcpy(plain + n, t + at, d + 1);
        n += d + 1;
    }
    if (i != len)
        return bad_money(t, len, RAS_ERR_ARG, err);
    ras_status st = ras_money_parse(plain, n, out);
    return st == RAS_OK ? RAS_OK : bad_money(t, len, st, err);
}

/* ---- dates -------------------------------------------------------- */

static ras_status bad_date(const char *text, size_t len, ras_date_order order, ras_error *err)
{
    char shown[RAS_SHOWN_MAX];
    ras_text_show(text, len, shown);
    return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL,
                    "'%s' is not a date (like 2025-07-01 or %s)", shown,
                    order == RAS_DATES_MDY ? "07/01/2025, month first" : "01/07/2025, day first");
}

/* The number in digits text[from..to). */
static int value(const char *text, size_t from, size_t to)
{
    int v = 0;
    for (size_t k = from; k < to; k++)
        v = v * 10 + (text[k] - '0');
    return v;
}

/* A time after the date, ignored but checked: H:MM, H:MM:SS or
 * H:MM:SS.fff, then optionally AM or PM (spaced or not) and a 'Z'. */
static bool is_time(const char *t, size_t len)
{
    size_t i = 0;
    size_t h = digits(t, len, &i, 3);
    if (h == 0 || h > 2 || i >= len || t[i] != ':')
        return false;
    int hour = value(t, 0, h);
    size_t at = ++i;
    if (digits(t, len, &i, 3) != 2 || value(t, at, i) > 59)
        return false;
    if (i < len && t[i] == ':') {
        at = ++i;
        if (digits(t, len, &i, 3) != 2 || value(t, at, i) > 60)
            return false;
        if (i < len && t[i] == '.') {
            i++;
            if (digits(t, len, &i, 9) == 0)
                return false;
        }
    }
    size_t before = i;
    while (i < len && t[i] == ' ')
        i++;
    if (i + 2 <= len &&
        (ras_text_equal_nocase(t + i, 2, "am", 2) || ras_text_equal_nocase(t + i, 2, "pm", 2))) {
        if (hour < 1 || hour > 12)
            return false;
        i += 2;
    } else {
        i = before;
        if (hour > 23)
            return false;
    }
    if (i < len && t[i] == 'Z')
        i++;
    return i == len;
}

/* Day, month and year from "D/M/YYYY" (or M/D) at t; *end after it.
 * 0: read; 1: not this form; 2: a two-digit year. */
static int slashed(const char *t, size_t len, ras_date_order order, int *y, int *m, int *d,
                   size_t *end)
{
    size_t i = 0;
    size_t a = digits(t, len, &i, 3);
    if (a == 0 || a > 2 || i >= len || t[i] != '/')
        return 1;
    size_t b0 = ++i;
    size_t b = digits(t, len, &i, 3);
    if (b == 0 || b > 2 || i >= len || t[i] != '/')
        return 1;
    size_t c0 = ++i;
    size_t c = digits(t, len, &i, 5);
    int first = value(t, 0, a), second = value(t, b0, b0 + b);
    *d = order == RAS_DATES_MDY ? second : first;
    *m = order == RAS_DATES_MDY ? first : second;
    *y = value(t, c0, i);
    *end = i;
    if (c == 2 && (i == len || !is_digit(t[i])))
        return 2;
    return c == 4 ? 0 : 1;
}

ras_status ras_date_parse_lenient(const char *text, size_t len, ras_date_order order, ras_date *out,
                                  ras_error *err)
{
    if ((!text && len > 0) || !out)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    const char *t = text ? text : "";
    trim(&t, &len);
    int y = 0, m = 0, d = 0;
    size_t end;
    if (len >= 10 && t[4] == '-' && t[7] == '-') {
        size_t i = 0, k = 5, l = 8;
        if (digits(t, len, &i, 4) != 4 || digits(t, len, &k, 2) != 2 || digits(t, len, &l, 2) != 2)
            return bad_date(t, len, order, err);
        y = value(t, 0, 4);
        m = value(t, 5, 7);
        d = value(t, 8, 10);
        end = 10;
    } else {
        int form = slashed(t, len, order, &y, &m, &d, &end);
        if (form == 2) {
            char shown[RAS_SHOWN_MAX];
            ras_text_show(t, len, shown);
            return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL,
                            "'%s' has a two-digit year (write the year in full, like %s)", shown,
                            order == RAS_DATES_MDY ? "07/01/2025" : "01/07/2025");
        }
        if (form != 0)
            return bad_date(t, len, order, err);
    }
    if (end < len && !((t[end] == ' ' || t[end] == 'T') && is_time(t + end + 1, len - end - 1)))
        return bad_date(t, len, order, err);
    char iso[40]; /* room for any three ints, so no compiler sees it cut */
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    if (ras_date_parse(iso, 10, out) != RAS_OK) {
        char shown[RAS_SHOWN_MAX];
        ras_text_show(t, len, shown);
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL,
                        "'%s' is not a day that exists (day %d, month %d, year %d)", shown, d, m,
                        y);
    }
    return RAS_OK;
}
