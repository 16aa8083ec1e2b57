/* compare.h - the private layout of a comparison, shared by the reader
 * (compare.c) and the report (compare_report.c). */
#ifndef RAS_COMPARE_H
#define RAS_COMPARE_H

#include "model.h"
#include "ras.h"

#define RAS_COMPARE_BANDS 100 /* points bands of 10; the last is "990 and over" */

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
};

#endif
