/* reasons.h - why rows were in error, counted by reason for a batch's
 * summary (docs/exports.md, "The summary"). A reason is a row's message
 * made the same for every row it fits: the "line N, " or "line N: " in
 * front taken out, and every quoted value after the first quoted name
 * (the column or question at fault) shown as '...', so that "column
 * 'assessed_on': '28/09/2025' is not a date" and the same for any other
 * date count as one reason. At most RAS_REASONS_KEPT reasons are told
 * apart, so memory stays flat; rows of any further reason are counted
 * apart. */
#ifndef RAS_REASONS_H
#define RAS_REASONS_H

#include <stddef.h>
#include <stdint.h>

#include "ras.h"

#define RAS_REASONS_KEPT 256

typedef struct ras_reason_entry {
    char *text; /* malloc'd */
    uint64_t rows;
} ras_reason_entry;

typedef struct ras_reasons {
    ras_reason_entry *entries;
    size_t n, cap;
    uint64_t other; /* rows of reasons past the kept ones (or out of memory) */
} ras_reasons;

/* Writes message's reason into out (size bytes, NUL-terminated). */
void ras_reason_of(const char *message, char *out, size_t size);

/* Counts one row in error with this message. */
void ras_reasons_add(ras_reasons *r, const char *message);

/* The most common reasons, most common first (equal counts: first seen
 * first), into the summary's reasons and other_reasons. */
void ras_reasons_top(const ras_reasons *r, ras_batch_summary *s);

void ras_reasons_free(ras_reasons *r);

#endif
