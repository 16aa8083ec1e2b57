/* compare.h - the private layout of a comparison, shared by the reader
 * (compare.c) and the report (compare_report.c). */
#ifndef RAS_COMPARE_H
#define RAS_COMPARE_H

#include "model.h"
#include "ras.h"

#define RAS_COMPARE_BANDS 100 /* points bands of 10; the last is "990 and over" */

/* The changes for the histogram, in whole percent of the old budget:
 * bin k counts the changes from k - 100 % up to k - 99 % (floor), for k
 * up to 199; the last bin counts rises of 100% or more, and rises from
 * nothing. Unchanged budgets are counted in the figures, not here. */
#define RAS_COMPARE_HIST 201

/* The before/after scatter's deterministic sample (docs/compare.md, "The
 * HTML page"): every priced case while there are at most this many; then
 * the stride doubles each time the sample fills, so it holds the cases
 * numbered 0, s, 2s, ... (s a power of two), between half and all of
 * this many. */
#define RAS_COMPARE_SAMPLE 2000

typedef struct ras_compare_point {
    ras_pence before, after;
    size_t group; /* in the old table's groups */
} ras_compare_point;

typedef struct ras_compare_by {
    const char *name; /* as asked for (borrowed from the caller for the run, then copied) */
    char *name_copy;
    long col; /* its column in the CSV, or -1 */
    ras_compare_figures *cats;
    char **cat_names;
    size_t n_cats, cap;
} ras_compare_by;

struct ras_comparison {
    const ras_model *model;
    const ras_table *from, *to;
    char *in_name;
    char in_sha256[65];
    uint64_t rows, errors;
    uint64_t other_version; /* of errors: rows on a questionnaire version a table does not price */
    ras_compare_figures all;
    ras_compare_figures *groups; /* the old table's groups */
    size_t n_groups;
    ras_compare_figures bands[RAS_COMPARE_BANDS];
    char band_names[RAS_COMPARE_BANDS][24];
    size_t n_bands; /* up to the highest band met */
    ras_compare_by by[RAS_COMPARE_BY_MAX];
    size_t n_by;
    ras_compare_change gains[RAS_COMPARE_LARGEST], losses[RAS_COMPARE_LARGEST];
    size_t n_gains, n_losses;
    uint64_t hist[RAS_COMPARE_HIST];
    ras_compare_point sample[RAS_COMPARE_SAMPLE];
    size_t n_sample;
    uint64_t stride;       /* the sample's: a power of two */
    ras_pence most_budget; /* the greatest budget before or after */
};

/* change as a percentage of before, one decimal, with its sign
 * ("+2.4%"), or "n/a" when before is 0 (compare_report.c). */
void ras_compare_percent(char *buf, size_t size, ras_pence change, ras_pence before);

/* The HTML page's pictures (compare_svg.c): the histogram of the changes
 * and the old budget against the new for the sample. */
void ras_compare_histogram_svg(const ras_comparison *cmp, FILE *out);
void ras_compare_scatter_svg(const ras_comparison *cmp, FILE *out);

#endif
