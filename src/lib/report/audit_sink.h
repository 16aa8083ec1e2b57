/* audit_sink.h - where an audit's rows go other than its CSV: the one
 * loop of audit.c hands each row it would write to a sink instead (the
 * workbook writer, audit_workbook.c), as batch_sink.h does for batches. */
#ifndef RAS_AUDIT_SINK_H
#define RAS_AUDIT_SINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ras.h"

/* One row of the audit's output, its columns typed (docs/audit.md). */
typedef struct ras_audit_row {
    const char *client; /* as given; NULL when it has none that is valid text */
    size_t client_len;
    bool has_recorded; /* recorded_budget was read */
    ras_pence recorded;
    const ras_model *questionnaire; /* with table: the version the row was answered on */
    const ras_table *table;         /* the table that re-scored it; NULL when not re-scored */
    bool current;                   /* table is the model's latest */
    const char *basis;              /* with table */
    ras_pence recomputed;           /* with table */
    bool has_difference;            /* with table and recorded */
    ras_pence difference;           /* recomputed - recorded */
    const char *reason;             /* which way it differs, or why it is in error */
    size_t reason_len;
} ras_audit_row;

typedef struct ras_audit_sink {
    void *ctx;
    ras_status (*row)(void *ctx, const ras_audit_row *row, ras_error *err);
} ras_audit_sink;

/* ras_audit with the rows going to sink (out is then not used and may be
 * NULL). */
ras_status ras_audit_to(const ras_model *model, FILE *in, const char *in_name,
                        const ras_read_options *opts, FILE *out, const ras_audit_sink *sink,
                        ras_pence tolerance, unsigned flags, ras_audit_summary *summary,
                        ras_warn_fn warn, void *warn_ctx, ras_error *err);

#endif
