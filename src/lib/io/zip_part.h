/* zip_part.h - the parts of a zip package (an .xlsx workbook) read one at
 * a time, as a stream, with the limits an untrusted file needs
 * (docs/exports.md, "Workbooks"): a part is found by its exact name only,
 * its uncompressed size is counted as it is read (the size the zip
 * declares is not trusted) and a part that expands too far for its
 * compressed size is refused as a zip bomb. Built on minizip, over a
 * seekable stream the caller keeps open. */
#ifndef RAS_ZIP_PART_H
#define RAS_ZIP_PART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ras.h"

/* Expansion allowed over a part's compressed size. Spreadsheet XML
 * compresses about 10 to 30 times; a zip bomb a thousand and more. */
#define RAS_ZIP_RATIO_MAX 200u
/* Below this many bytes a part's ratio is not checked: tiny parts of
 * repeated markup compress well and are harmless. */
#define RAS_ZIP_RATIO_FROM ((uint64_t)1024 * 1024)

typedef struct ras_zip ras_zip;

/* Opens the zip in the seekable stream in (not closed by ras_zip_close)
 * into *out. name is the file's name, for messages. Fails on a stream
 * that cannot seek, a file that is not a zip or is cut short. */
ras_status ras_zip_open(ras_zip **out, FILE *in, const char *name, ras_error *err);
void ras_zip_close(ras_zip *z);

/* Whether the zip holds a part of exactly this name. */
bool ras_zip_has(ras_zip *z, const char *part);

/* Opens one part for reading: at most one is open at a time. limit is
 * the most uncompressed bytes it may hold, named limit_what in the error
 * (e.g. "the limit on a sheet's size"). A missing part is RAS_ERR_SYNTAX
 * naming it; an encrypted part or an unknown compression method too. */
ras_status ras_zip_part_open(ras_zip *z, const char *part, uint64_t limit, const char *limit_what,
                             ras_error *err);

/* Reads up to size bytes of the open part into buf; *got == 0 at its end
 * (where its checksum has been checked). A damaged stream, the size
 * limit or the ratio limit is an error naming the part. */
ras_status ras_zip_part_read(ras_zip *z, char *buf, size_t size, size_t *got, ras_error *err);

/* Closes the open part, if any. */
void ras_zip_part_close(ras_zip *z);

#endif
