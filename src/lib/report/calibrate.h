/* calibrate.h - the private layout of a calibration, shared by the
 * reader and statistics (calibrate.c), the report (calibrate_report.c),
 * the table writer (calibrate_table.c) and the plot (calibrate_svg.c). */
#ifndef RAS_CALIBRATE_H
#define RAS_CALIBRATE_H

#include "arena.h"
#include "case.h"
#include "model.h"
#include "ras.h"

/* One case as calibration reads it. A file is read twice and no case is
 * kept; standard input, a workbook and a calibration that will be drawn
 * (RAS_CALIBRATE_PLOT) keep each case so, 24 bytes and its client id
 * (docs/calibration.md, "Memory and speed"). A kept case's package is in
 * ras_calibration.packages, in input order. */
typedef struct ras_cal_case {
    ras_pence cost;     /* current_cost */
    int32_t points;     /* at most RAS_MAX_POINTS in size */
    int32_t adjust;     /* the sum of the case's adjusts (docs/scoring.md step 6) */
    uint32_t id_offset; /* client id in ras_calibration.ids (kept cases only) */
    uint16_t group;     /* index in the latest table's groups */
    uint8_t flags;      /* RAS_CAL_* */
} ras_cal_case;

/* Priced cases alike in points and adjustments are priced alike by any
 * trial pricing: the cost-neutral search counts each kind once
 * (calibrate_solve.c). */
typedef struct ras_cal_kind {
    int32_t points, adjust;
    uint64_t count;
} ras_cal_kind;

/* A group's kinds, counted as the cases are read: an open-addressing
 * table kept under three quarters full (its size goes with the kinds, not
 * the cases), packed to its first n slots before the search. */
typedef struct ras_cal_kinds {
    ras_cal_kind *slots;
    size_t n_slots, n;
} ras_cal_kinds;

/* What a group's figures need beyond ras_calibration_group while they
 * are worked out: the least-squares sums (the first look at the cases
 * gives sxy and sxx, the second, knowing b and the mean, sse and sst),
 * the mean percentage's sum, the kinds, and room for the client ids of
 * its largest differences (one more than are listed, so that a new one
 * always finds a free one). */
typedef struct ras_cal_stats {
    double sxy, sxx, b, mean, sse, sst, pct;
    uint64_t n_pct;
    bool fitted; /* b and mean are set: the group has priced points */
    ras_cal_kinds kinds;
    char (*ids)[RAS_MAX_CLIENT_ID + 1]; /* RAS_CALIBRATION_LARGEST + 1 of them */
} ras_cal_stats;

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
    uint64_t other_version; /* of errors: rows on a questionnaire version latest does not price */
    uint64_t used;          /* rows used: read, loaded, scored, with a cost */
    bool keeps_cases;       /* cases below hold every case (else a file is read twice) */
    ras_cal_case *cases;
    size_t n_cases, cap;
    ras_pence *packages; /* the kept cases' packages, in input order */
    size_t n_packages, packages_cap;
    char *ids; /* client ids, NUL-terminated, one after the other */
    size_t ids_len, ids_cap;
    ras_calibration_group *groups; /* the latest table's groups, then "all" */
    ras_cal_stats *stats;          /* one for each of groups */
    size_t n_groups;
    bool flat;          /* RAS_CALIBRATE_FLAT: every repriced group one flat rate */
    ras_pence *scratch; /* a trial group's values (calibrate_solve.c), as many as the most bands */
    const ras_cal_kinds *kinds; /* the kinds of the group being solved */
};

/* Counts count priced cases of these points and adjustments in t; false
 * when out of memory. */
bool ras_cal_add_kind(ras_cal_kinds *t, int32_t points, int32_t adjust, uint64_t count);

/* Counts the kinds of from (still a hash table) in into as well. */
bool ras_cal_merge_kinds(ras_cal_kinds *into, const ras_cal_kinds *from);

/* The flat cost-neutral price of group g (or "all"), and for a shaped
 * group, unless flat pricing is asked for, the scale of its own values
 * that is cost neutral (docs/calibration.md); its kinds are packed. */
void ras_cal_solve_group(ras_calibration *cal, size_t g);

/* The new table, the one --write writes: the latest's settings, each
 * group with priced points repriced as solved (calibrate_solve.c). */
ras_status ras_cal_build_fresh(ras_calibration *cal, ras_warn_fn warn, void *warn_ctx,
                               ras_error *err);

/* The largest points and cost over the cases (for the plot's axes). */
void ras_cal_extent(const ras_calibration *cal, int64_t *max_points, ras_pence *max_cost);

#endif
