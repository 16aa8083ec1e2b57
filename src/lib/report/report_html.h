/* report_html.h - the HTML page a report (audit, calibration) is filed
 * as: one self-contained file, no script and nothing fetched, that prints
 * on A4 (docs/audit.md, "The report"). */
#ifndef RAS_REPORT_HTML_H
#define RAS_REPORT_HTML_H

#include <stdio.h>

#include "html.h"

#include "ras.h"

/* The page up to and including its <h1>title</h1>. */
void ras_html_begin(FILE *out, const char *title);
/* Closes the page. */
void ras_html_end(FILE *out);
/* The record (record.h) as a table under an <h2>. */
void ras_html_record(FILE *out, const ras_model *m, const ras_run_info *run, const char *in_name,
                     const char *in_sha256);
/* One table row: a label cell and a value cell (escaped), an optional note. */
void ras_html_row(FILE *out, const char *label, const char *value, const char *note);
/* The same for a count, and for an amount in the currency. */
void ras_html_count(FILE *out, const char *label, uint64_t n, const char *note);
void ras_html_money(FILE *out, const char *label, ras_pence v, const char *currency, bool sign,
                    const char *note);

#endif
