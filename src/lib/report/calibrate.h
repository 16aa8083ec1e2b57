/* calibrate.h - the private layout of a calibration, shared by the
 * reader and statistics (calibrate.c), the report (calibrate_report.c),
 * the table writer (calibrate_table.c) and the plot (calibrate_svg.c). */
#ifndef RAS_CALIBRATE_H
#define RAS_CALIBRATE_H

#include "arena.h"
#include "model.h"
#include "ras.h"

/* One case, all calibration keeps of it: 24 bytes and its client id, so
 * a million rows take about 33 MB (docs/calibration.md, "Memory and
 * speed"). What is only summed (its budget under the latest table, its
 * cost for the all-cases total) is added up as it is read; a kept case's
 * package is in ras_calibration.packages, in input order. */
typedef struct ras_cal_case {
    ras_pence cost;     /* current_cost */
    int32_t points;     /* at most RAS_MAX_POINTS in size */
    int32_t adjust;     /* the sum of the case's adjusts (docs/scoring.md step 6) */
    uint32_t id_offset; /* client id in ras_calibration.ids */
    uint16_t group;     /* index in the latest table's groups */
    uint8_t flags;      /* RAS_CAL_* */
} ras_cal_case;

/* Priced cases alike in points and adjustments are priced alike by any
 * trial pricing: the cost-neutral search counts each kind once
 * (calibrate.c). */
typedef struct ras_cal_kind {
    int32_t points, adjust;
    uint64_t count;
} ras_cal_kind;

#define RAS_CAL_ELIGIBLE 1u /* at or over the threshold */
#define RAS_CAL_EXISTING 2u /* basis existing_package: the budget is the package */

struct ras_calibration {
    const ras_model *model;
    const ras_table *latest;
    ras_table fresh; /* the latest with its repriced groups: the table --write writes */
    ras_arena arena; /* fresh's groups, the input name */
    const char *in_name;
    char in_sha256[65]; /* of the input as read */
    uint64_t rows, errors;
    ras_cal_case *cases;
    size_t n_cases, cap;
    ras_pence *packages; /* the kept cases' packages, in input order */
    size_t n_packages, packages_cap;
    char *ids; /* client ids, NUL-terminated, one after the other */
    size_t ids_len, ids_cap;
    ras_calibration_group *groups; /* the latest table's groups, then "all" */
    size_t n_groups;
    bool flat;           /* RAS_CALIBRATE_FLAT: every repriced group one flat rate */
    ras_pence *scratch;  /* a trial group's values (calibrate.c), as many as the most bands */
    ras_cal_kind *kinds; /* the kinds of the group being solved */
    size_t n_kinds;
};

/* The largest points and cost over the cases (for the plot's axes). */
void ras_cal_extent(const ras_calibration *cal, int64_t *max_points, ras_pence *max_cost);

#endif
