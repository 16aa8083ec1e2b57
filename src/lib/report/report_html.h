/* report_html.h - the HTML page a report (audit, calibration,
 * comparison) is filed as: one self-contained file, no script and nothing
 * fetched, that prints on A4 (docs/audit.md, "The report"). */
#ifndef RAS_REPORT_HTML_H
#define RAS_REPORT_HTML_H

#include <stdio.h>

#include "html.h"

#include "ras.h"

/* The page up to and including its <h1>title</h1>. */
void ras_html_begin(FILE *out, const char *title);
/* The same with more CSS after the shared rules. */
void ras_html_begin_styled(FILE *out, const char *title, const char *more_style);
/* Closes the page. */
void ras_html_end(FILE *out);
/* The record (record.h) as a table under an <h2>. */
void ras_html_record(FILE *out, const ras_model *m, const ras_run_info *run, const char *in_name,
                     const char *in_sha256);
/* The same, the table left open for more rows (ras_html_file_row), to be
 * closed with </table>. */
void ras_html_record_open(FILE *out, const ras_model *m, const ras_run_info *run,
                          const char *in_name, const char *in_sha256);
/* A record row naming a file: its id@version when id is not NULL, its
 * name and its SHA-256. */
void ras_html_file_row(FILE *out, const char *what, const char *id, const char *version,
                       const char *file, const char *sha);
/* One table row: a label cell and a value cell (escaped), an optional note. */
void ras_html_row(FILE *out, const char *label, const char *value, const char *note);
/* The same for a count, and for an amount in the currency. */
void ras_html_count(FILE *out, const char *label, uint64_t n, const char *note);
void ras_html_money(FILE *out, const char *label, ras_pence v, const char *currency, bool sign,
                    const char *note);

#endif
