/* largest.c - the lists of largest changes (largest.h). */
#include "largest.h"

#include <string.h>

static ras_pence size_of(ras_pence change)
{
    return change < 0 ? -change : change;
}

size_t ras_largest_place(void *list, size_t elem, size_t change_at, size_t *n, size_t max,
                         ras_pence change)
{
    char *base = list;
    ras_pence size = size_of(change);
    size_t at = *n;
    while (at > 0) {
        ras_pence other;
        memcpy(&other, base + (at - 1) * elem + change_at, sizeof other);
        if (size_of(other) >= size)
            break;
        at--;
    }
    if (at >= max)
        return max;
    size_t count = *n < max ? *n + 1 : *n;
    memmove(base + (at + 1) * elem, base + at * elem, (count - 1 - at) * elem);
    *n = count;
    return at;
}
