/* json_pairs.c - joins JSON's UTF-16 surrogate pairs into YAML escapes
 * (json_pairs.h). The rewrite is made only when the whole text is shaped
 * as JSON: strings in double quotes where JSON puts them, and nothing
 * outside them but JSON's punctuation, numbers and words. A `\uD842` that
 * a YAML author wrote in some other kind of scalar is never touched. */
#include "json_pairs.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static int hex_value(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* The code unit of the `\uXXXX` escape at p (n bytes left), or -1. */
static long unit_at(const char *p, size_t n)
{
    if (n < 6 || p[0] != '\\' || p[1] != 'u')
        return -1;
    long v = 0;
    for (size_t i = 2; i < 6; i++) {
        int h = hex_value(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

static bool is_high(long u)
{
    return u >= 0xD800 && u <= 0xDBFF;
}

static bool is_low(long u)
{
    return u >= 0xDC00 && u <= 0xDFFF;
}

/* What may stand outside JSON's strings: punctuation, blanks, numbers
 * and the letters of true, false and null. */
static bool json_outside(char ch)
{
    return strchr("{}[],: \t\r\n0123456789+-.eEtrufalsn", ch) != NULL && ch != '\0';
}

typedef struct joiner {
    const char *in;
    size_t size, i;
    char *out; /* NULL on the first pass, which only checks */
    size_t n;
    size_t bad_at;
    bool bad, any;
} joiner;

static void emit(joiner *j, const char *p, size_t len)
{
    if (j->out)
        memcpy(j->out + j->n, p, len);
    j->n += len;
}

/* One string, j->i at its opening quote; false when it never ends. */
static bool string(joiner *j)
{
    emit(j, j->in + j->i++, 1);
    while (j->i < j->size) {
        const char *p = j->in + j->i;
        size_t left = j->size - j->i;
        if (p[0] == '"') {
            emit(j, p, 1);
            j->i++;
            return true;
        }
        long u = unit_at(p, left);
        if (u >= 0 && (is_high(u) || is_low(u))) {
            long lo = is_high(u) ? unit_at(p + 6, left - 6) : -1;
            if (!is_low(lo)) {
                if (!j->bad)
                    j->bad_at = j->i;
                j->bad = true;
                emit(j, p, 6);
                j->i += 6;
                continue;
            }
            /* \U and eight hex digits: the pair's one code point. */
            unsigned long cp =
                0x10000UL + ((unsigned long)(u - 0xD800) << 10) + (unsigned long)(lo - 0xDC00);
            char esc[10] = {'\\', 'U', '0', '0', '0'};
            static const char digits[] = "0123456789ABCDEF";
            for (int k = 0; k < 5; k++)
                esc[9 - k] = digits[(cp >> (4 * k)) & 15];
            emit(j, esc, sizeof esc);
            j->i += 12;
            j->any = true;
            continue;
        }
        size_t step = p[0] == '\\' && left > 1 ? 2 : 1;
        emit(j, p, step);
        j->i += step;
    }
    return false;
}

/* The last byte that is not blank before index i, or 0 at the start. */
static char before(const joiner *j, size_t i)
{
    while (i > 0 && strchr(" \t\r\n", j->in[i - 1]))
        i--;
    if (i == 0)
        return '\0';
    return j->in[i - 1];
}

/* One pass over the text; false when it is not shaped as JSON. */
static bool pass(joiner *j)
{
    j->i = j->n = 0;
    j->bad = j->any = false;
    while (j->i < j->size && strchr(" \t\r\n", j->in[j->i]))
        emit(j, j->in + j->i++, 1);
    if (j->i == j->size || (j->in[j->i] != '{' && j->in[j->i] != '['))
        return false;
    while (j->i < j->size) {
        char ch = j->in[j->i];
        if (ch == '"') {
            char prev = before(j, j->i);
            if (!strchr("{[,:", prev) || prev == '\0' || !string(j))
                return false;
            continue;
        }
        if (!json_outside(ch))
            return false;
        emit(j, j->in + j->i++, 1);
    }
    return true;
}

ras_status ras_json_join_pairs(const char *data, size_t size, char **out, size_t *out_size,
                               size_t *bad_at)
{
    *out = NULL;
    *out_size = 0;
    /* Most texts hold no surrogate escape at all: look before walking. */
    bool maybe = false;
    for (size_t i = 0; i + 2 < size && !maybe; i++)
        maybe = data[i] == '\\' && data[i + 1] == 'u' && (data[i + 2] == 'd' || data[i + 2] == 'D');
    if (!maybe)
        return RAS_OK;
    joiner j = {.in = data, .size = size};
    if (!pass(&j))
        return RAS_OK;
    if (j.bad) {
        *bad_at = j.bad_at;
        return RAS_ERR_SYNTAX;
    }
    if (!j.any)
        return RAS_OK;
    j.out = malloc(j.n ? j.n : 1);
    if (!j.out)
        return RAS_ERR_NOMEM;
    pass(&j);
    *out = j.out;
    *out_size = j.n;
    return RAS_OK;
}
