/* header_name.c - the normal form of a header name (header_name.h). */
#include "header_name.h"

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* One byte of the normal form. */
static char fold(char ch)
{
    if (ch >= 'A' && ch <= 'Z')
        return (char)(ch - 'A' + 'a');
    if (ch == ' ' || ch == '-')
        return '_';
    return ch;
}

/* The name without its surrounding spaces and tabs. */
static void trim(const char **name, size_t *len)
{
    const char *p = *name, *e = p + *len;
    while (p < e && is_blank(*p))
        p++;
    while (e > p && is_blank(e[-1]))
        e--;
    *name = p;
    *len = (size_t)(e - p);
}

size_t ras_header_normalise(const char *name, size_t len, char *out)
{
    if (!name)
        return 0;
    trim(&name, &len);
    for (size_t i = 0; i < len; i++)
        out[i] = fold(name[i]);
    return len;
}

bool ras_header_same(const char *a, size_t alen, const char *b, size_t blen)
{
    if (!a || !b)
        return false;
    trim(&a, &alen);
    trim(&b, &blen);
    if (alen != blen)
        return false;
    for (size_t i = 0; i < alen; i++)
        if (fold(a[i]) != fold(b[i]))
            return false;
    return true;
}
