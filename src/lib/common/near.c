/* near.c - the id nearest a mistyped one (near.h). Ids are at most 64
 * bytes, so the distance table is two short rows on the stack: finding a
 * hint never allocates, as the batch's row loader asks of case.c. */
#include "near.h"

#include <stdio.h>
#include <string.h>

#define NEAR_MAX_LEN 64

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

size_t ras_edit_distance(const char *a, size_t alen, const char *b, size_t blen, size_t limit)
{
    size_t rows[3][NEAR_MAX_LEN + 1];
    size_t *before = rows[0], *prev = rows[1], *cur = rows[2];

    if (alen > NEAR_MAX_LEN || blen > NEAR_MAX_LEN ||
        (alen > blen ? alen - blen : blen - alen) > limit)
        return limit + 1;
    for (size_t j = 0; j <= blen; j++)
        prev[j] = j;
    for (size_t i = 1; i <= alen; i++) {
        size_t least;
        cur[0] = i;
        least = i;
        for (size_t j = 1; j <= blen; j++) {
            size_t change = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + change);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                before[j - 2] + 1 < cur[j])
                cur[j] = before[j - 2] + 1; /* two neighbours swapped */
            if (cur[j] < least)
                least = cur[j];
        }
        if (least > limit)
            return limit + 1; /* every later row is at least this far */
        size_t *spare = before;
        before = prev;
        prev = cur;
        cur = spare;
    }
    return prev[blen] <= limit ? prev[blen] : limit + 1;
}

void ras_near_init(ras_near *near, const char *text, size_t len)
{
    memset(near, 0, sizeof *near);
    near->text = text;
    near->len = len;
    near->distance = RAS_NEAR_MAX + 1;
}

void ras_near_try(ras_near *near, const char *id)
{
    size_t d = ras_edit_distance(near->text, near->len, id, strlen(id), RAS_NEAR_MAX);

    if (d > RAS_NEAR_MAX || d > near->distance)
        return;
    if (d < near->distance) {
        near->distance = d;
        near->n_best = 0;
    }
    if (near->n_best < 2)
        near->best[near->n_best] = id;
    near->n_best++;
}

void ras_near_hint(const ras_near *near, char *buf, size_t size)
{
    if (size == 0)
        return;
    buf[0] = '\0';
    if (near->n_best == 0 || near->n_best > 2 || near->distance == 0 || near->distance >= near->len)
        return;
    if (near->n_best == 1)
        snprintf(buf, size, "did you mean '%s'?", near->best[0]);
    else
        snprintf(buf, size, "did you mean '%s' or '%s'?", near->best[0], near->best[1]);
}
