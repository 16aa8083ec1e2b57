/* xlsx.h - an Excel workbook (.xlsx) read as records, like a CSV
 * (docs/exports.md, "Workbooks"): the rows of one sheet come out through
 * the same ras_csv record that the CSV reader fills, so the header
 * binding, the row loader, scoring and the summaries are shared
 * (case_rows.h).
 *
 * The workbook's small parts (the sheet list, its relationships, the cell
 * styles and the shared strings) are read first; the sheet itself is then
 * streamed, one row at a time, and never held whole. Every part is
 * untrusted: see zip_part.h and xml_part.h for the limits. */
#ifndef RAS_XLSX_H
#define RAS_XLSX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "csv.h"
#include "ras.h"
#include "xml_part.h"

/* Limits on the parts read before the sheet (docs/exports.md). */
#define RAS_XLSX_PART_MAX ((uint64_t)16 * 1024 * 1024)          /* workbook, rels, styles */
#define RAS_XLSX_STRINGS_PART_MAX ((uint64_t)512 * 1024 * 1024) /* sharedStrings.xml */
#define RAS_XLSX_SHEET_MAX ((uint64_t)16 * 1024 * 1024 * 1024)  /* a sheet's XML */
#define RAS_XLSX_STRINGS_BYTES ((size_t)64 * 1024 * 1024)       /* shared strings' text */
#define RAS_XLSX_STRINGS_MAX ((size_t)8 * 1024 * 1024)          /* shared strings */
#define RAS_XLSX_STYLES_MAX ((size_t)65536)                     /* cell styles */
#define RAS_XLSX_SHEETS_MAX ((size_t)4096)                      /* sheets, relationships */
#define RAS_XLSX_COLUMNS_MAX ((size_t)16384)                    /* columns A to XFD */

/* What a sheet's cells need from the rest of the workbook. String i of
 * the shared strings is text[start[i]] to text[start[i + 1]]. */
typedef struct ras_xlsx_book {
    char *text;
    size_t text_len, text_cap;
    uint32_t *start; /* n_strings + 1 offsets */
    size_t n_strings, start_cap;
    unsigned char *date_style; /* per cell style: 1 when it shows a date */
    size_t n_styles;
    bool date1904; /* dates count from 1904, not 1900 */
} ras_xlsx_book;

void ras_xlsx_book_free(ras_xlsx_book *b);

/* Reads styles.xml (which cell styles show dates) and sharedStrings.xml
 * into b, each from its part's bytes. */
ras_status ras_xlsx_read_styles(ras_xlsx_book *b, ras_chunk_fn read, void *ctx, const char *file,
                                const char *part, ras_error *err);
ras_status ras_xlsx_read_strings(ras_xlsx_book *b, ras_chunk_fn read, void *ctx, const char *file,
                                 const char *part, ras_error *err);

/* Whether an Excel number format shows a date (numFmtId 14 to 17, 22,
 * the East Asian ones, or a custom code with a day or year in it). */
bool ras_xlsx_date_format(unsigned id, const char *code);

/* One sheet's rows, streamed: the cells of the current row are fields[0]
 * to fields[n_fields - 1], views valid until the next call. Empty rows
 * are skipped; missing cells are empty fields; a row is at least as wide
 * as the first (the header). */
typedef struct ras_sheet {
    ras_xml xml;
    const ras_xlsx_book *book;
    const char *file;
    bool open;
    /* the cell being read */
    bool in_v, in_is, in_t, in_rph, in_cell;
    char type; /* 's' shared, 'i' inline, 'n' number, 'b' boolean, 'e' error, 't' text */
    size_t style, col, next_col;
    char *val;
    size_t val_len, val_cap;
    /* the row being built */
    unsigned long row;
    char *rec;
    size_t rec_len, rec_cap;
    size_t *off; /* per field: where its text starts in rec */
    ras_csv_field *fields;
    size_t n_fields, fields_cap, width, header_width;
    bool ready;
} ras_sheet;

/* Sets up the sheet reader over the sheet part's bytes. file and part
 * name the workbook and the part in messages; book must outlive s. */
ras_status ras_sheet_open(ras_sheet *s, const ras_xlsx_book *book, ras_chunk_fn read, void *ctx,
                          const char *file, const char *part, ras_error *err);
/* The next row that holds something; *have false at the sheet's end. An
 * error names the workbook, the row (as the line) and the part. */
ras_status ras_sheet_next(ras_sheet *s, bool *have, ras_error *err);
void ras_sheet_close(ras_sheet *s);

/* Reads the workbook (already known to be a zip) in the seekable stream
 * in, and sets r up to deliver the rows of the sheet named sheet (NULL:
 * the first) as its records. ras_csv_close(r) frees it all; in stays the
 * caller's. */
ras_status ras_xlsx_open(ras_csv *r, FILE *in, const char *name, const char *sheet, ras_error *err);

#endif
