/* batch_sink.h - where a batch's rows go other than its CSV: the one
 * scoring loop of batch.c hands each row to a sink instead (the
 * workbook writer, workbook.h), so no caller copies the loop. */
#ifndef RAS_BATCH_SINK_H
#define RAS_BATCH_SINK_H

#include <stddef.h>

#include "case.h"
#include "ras.h"
#include "result.h"

typedef struct ras_batch_sink {
    void *ctx;
    /* A scored row: line is the input's line (a sheet's row). */
    ras_status (*ok)(void *ctx, unsigned long line, const ras_case *c, const ras_result *r,
                     ras_error *err);
    /* A row in error: its client id as given (NULL when it has none that
     * is valid text) and the reason. */
    ras_status (*error)(void *ctx, unsigned long line, const char *client, size_t client_len,
                        const char *message, ras_error *err);
} ras_batch_sink;

/* ras_batch with the rows going to sink (out is then not used and may be
 * NULL). */
ras_status ras_batch_to(const ras_model *model, FILE *in, const char *in_name,
                        const ras_read_options *opts, FILE *out, const ras_batch_sink *sink,
                        unsigned flags, ras_batch_summary *summary, ras_warn_fn warn,
                        void *warn_ctx, ras_error *err);

#endif
