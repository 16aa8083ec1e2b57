/* records.h - the table a command reads, opened as a source of records
 * whatever its form: a CSV file or stream, or an Excel workbook (a zip
 * holding xl/workbook.xml, xlsx.h). ras_batch, ras_audit and
 * ras_calibrate open their input here and then read records through
 * case_rows.h alone, so every form shares the header binding, the row
 * loader and the summaries. */
#ifndef RAS_RECORDS_H
#define RAS_RECORDS_H

#include <stdbool.h>
#include <stdio.h>

#include "csv.h"
#include "ras.h"

/* Opens in as records into r (close with ras_csv_close). A CSV is read
 * through read and read_ctx (NULL: straight from in; the audit passes a
 * reader that hashes what it reads), which also read the first bytes,
 * and they decide: a zip is a workbook (in must then be seekable: a file, not a
 * pipe), an OLE file (an encrypted workbook or an old .xls) is refused
 * saying to save it as .xlsx or CSV, a name ending in .xlsx that is not a
 * zip is refused, anything else is CSV. opts may be NULL. */
ras_status ras_records_open(ras_csv *r, FILE *in, ras_csv_read_fn read, void *read_ctx,
                            const char *name, const ras_read_options *opts, ras_error *err);

/* Whether r reads a workbook (not through the read callback). */
bool ras_records_workbook(const ras_csv *r);

#endif
