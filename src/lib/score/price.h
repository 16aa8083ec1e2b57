/* price.h - turning points into pounds: docs/scoring.md steps 5 to 8,
 * shared by ras_score and ras_table_amount. Each returns RAS_OK or
 * RAS_ERR_OVERFLOW and leaves messages to its caller. */
#ifndef RAS_PRICE_H
#define RAS_PRICE_H

#include "model.h"

/* Step 5: the price of `points` in group g. When lines is not NULL it
 * receives the working (at most g->n_bands lines; bands with no points in
 * them are left out) and *n_lines their number. */
ras_status ras_price_group(const ras_group *g, int64_t points, ras_price_line *lines,
                           size_t *n_lines, ras_pence *priced);

/* Step 6: priced x (100% + adjust), half up to the penny. adjust is in
 * hundredths of a percent and already limited to at least -100%. */
ras_status ras_price_adjust(ras_pence priced, int32_t adjust, ras_pence *adjusted);

/* Steps 7 and 8 for an eligible case: round to the table's unit, then
 * clamp to floor..ceiling (*clamped -1 floor, +1 ceiling, 0 neither). */
ras_status ras_price_finish(const ras_table *t, ras_pence adjusted, ras_pence *rounded,
                            ras_pence *amount, int *clamped);

#endif
