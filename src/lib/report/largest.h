/* largest.h - the largest changes a report lists (the comparison's
 * gains and losses, the calibration's differences): a list kept largest
 * size first (the size of a change being its absolute value), at most
 * max long, a tie keeping the earlier row first. */
#ifndef RAS_LARGEST_H
#define RAS_LARGEST_H

#include <stddef.h>

#include "ras.h"

/* Makes room in list (*n entries of elem bytes, each holding its change
 * as a ras_pence at change_at) for a new change, shifting the smaller
 * ones down and the last off the end when the list is full. Returns where
 * the new entry goes (the caller writes it there), or max when it is too
 * small to be listed (the list is then unchanged). */
size_t ras_largest_place(void *list, size_t elem, size_t change_at, size_t *n, size_t max,
                         ras_pence change);

#endif
