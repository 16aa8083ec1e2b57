/* num.h - whole-number arithmetic for money, points and percentages:
 * parsing with overflow checks, checked add/multiply and the half-up
 * rounding docs/scoring.md asks for. No floating point anywhere. */
#ifndef RAS_NUM_H
#define RAS_NUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ras.h"

/* Parses an optionally signed ("-3", "+3", "3") whole number of decimal
 * digits, nothing else. RAS_ERR_ARG for bad text, RAS_ERR_OVERFLOW when it
 * does not fit an int64_t. */
ras_status ras_int_parse(const char *text, size_t len, int64_t *out);

/* True when text is an integer as docs/model-format.md section 1 writes
 * it: decimal digits only, no sign, no leading zero except "0" itself
 * (YAML 1.1 tools read "010" as 8). Models and case files hold no other. */
bool ras_int_is_plain(const char *text, size_t len);

/* Parses a percentage such as "-12.5%", "+10%" or "25%" into hundredths
 * of a percent (-1250, 1000, 2500): an optional sign, digits, an optional
 * point with one or two decimals, then '%'. RAS_ERR_ARG for bad text,
 * RAS_ERR_OVERFLOW when its size is above RAS_MAX_PERCENT. */
#define RAS_MAX_PERCENT 100000 /* 1000.00% in hundredths */
ras_status ras_percent_parse(const char *text, size_t len, int32_t *hundredths);

/* Writes a percentage in hundredths as "-10.00%" into buf (at least 16
 * bytes: the sign, ten digits, the point, two decimals, '%', NUL). */
void ras_percent_format(int32_t hundredths, char buf[16]);

/* *out = a + b or a * b; false (and *out untouched) when it would overflow.
 * Inline because the scorer calls them for every question of every row:
 * with GCC or Clang they are one instruction and a never-taken branch;
 * elsewhere (or with RAS_PORTABLE_ARITH defined, to test it) the limits
 * are compared first, in portable C. */
static inline bool ras_add_i64(int64_t a, int64_t b, int64_t *out)
{
#if defined(__GNUC__) && !defined(RAS_PORTABLE_ARITH)
    int64_t v;
    if (__builtin_add_overflow(a, b, &v))
        return false;
    *out = v;
    return true;
#else
    if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
        return false;
    *out = a + b;
    return true;
#endif
}

/* A running total that must not stop a run (a batch's total budget): a
 * sum that would not fit becomes INT64_MAX (or INT64_MIN), and *saturated
 * says the total is no longer the sum, for the summary to show. */
static inline void ras_add_saturating(int64_t *sum, int64_t v, bool *saturated)
{
    if (!ras_add_i64(*sum, v, sum)) {
        *sum = v < 0 ? INT64_MIN : INT64_MAX;
        *saturated = true;
    }
}

static inline bool ras_mul_i64(int64_t a, int64_t b, int64_t *out)
{
#if defined(__GNUC__) && !defined(RAS_PORTABLE_ARITH)
    int64_t v;
    if (__builtin_mul_overflow(a, b, &v))
        return false;
    *out = v;
    return true;
#else
    if (a == 0 || b == 0) {
        *out = 0;
        return true;
    }
    /* Compare against the limits by division so nothing overflows here. */
    if (a > 0) {
        if (b > 0 ? a > INT64_MAX / b : b < INT64_MIN / a)
            return false;
    } else {
        if (b > 0 ? a < INT64_MIN / b : a < INT64_MAX / b)
            return false;
    }
    *out = a * b;
    return true;
#endif
}

/* num / den rounded half up (toward +infinity on an exact half), for
 * den > 0. The scorer only divides amounts >= 0, as the -100% limit keeps
 * them so; negatives are handled anyway. Never overflows. Inline so a
 * constant divisor (100, 10000) becomes a multiplication. */
static inline int64_t ras_div_round_half_up(int64_t num, int64_t den)
{
    int64_t q = num / den; /* C truncates toward zero */
    int64_t r = num % den; /* same sign as num */
    if (r >= 0) {
        /* r >= den - r is 2r >= den without the chance of 2r overflowing. */
        if (r >= den - r)
            q++;
    } else if (r + den < -r) {
        /* The true value lies below q by more than a half. */
        q--;
    }
    return q;
}

/* Rounds pence to whole pounds, half up (49p down, 50p up); negative
 * amounts round the same way on their size. False on overflow. */
static inline bool ras_round_to_pound(ras_pence amount, ras_pence *out)
{
    bool negative = amount < 0;
    if (amount == INT64_MIN)
        return false;
    int64_t size = negative ? -amount : amount;
    int64_t pounds = ras_div_round_half_up(size, 100);
    int64_t pence;
    if (!ras_mul_i64(pounds, 100, &pence))
        return false;
    *out = negative ? -pence : pence;
    return true;
}

#endif
