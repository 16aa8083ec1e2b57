/* record.h - the block every report (audit, calibration) begins with, so
 * it can be filed and re-checked: when it ran, which ras, the command
 * line, every model file with its id, version and SHA-256, and the input
 * file with its SHA-256 (docs/audit.md, "The record"). */
#ifndef RAS_RECORD_H
#define RAS_RECORD_H

#include <stdio.h>

#include "ras.h"

/* The block as text lines under a title line. run may be NULL (no time,
 * no command line); in_sha256 "" when not known. */
void ras_record_text(FILE *out, const char *title, const ras_model *m, const ras_run_info *run,
                     const char *in_name, const char *in_sha256);

/* The block as the JSON member "record": {...} followed by ",\n", indented
 * for the top level of a report object. */
void ras_record_json(FILE *out, const char *report, const ras_model *m, const ras_run_info *run,
                     const char *in_name, const char *in_sha256);

/* "2026-04-01 09:30:00 UTC" (iso false) or "2026-04-01T09:30:00Z" of a
 * time in seconds since 1970 UTC. */
void ras_record_time(int64_t when, bool iso, char buf[32]);

#endif
