/* workbook.h - Excel workbooks written with libxlsxwriter: what the
 * batch and audit workbooks share (docs/exports.md, "Writing
 * workbooks"). Rows go straight to temporary files (libxlsxwriter's
 * constant-memory mode), so memory stays flat however many rows; every
 * text is written as a string, never as a formula. */
#ifndef RAS_WORKBOOK_H
#define RAS_WORKBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xlsxwriter.h>

#include "ras.h"

/* The most data rows one sheet holds (Excel's 1,048,576 less the
 * header). */
#define RAS_SHEET_ROWS_MAX 1048575u

typedef struct ras_book {
    lxw_workbook *wb;
    lxw_format *bold, *money, *whole;
    const char *path;
    ras_status failed; /* the first error, kept in err */
    ras_error err;
} ras_book;

/* A sheet being written, row after row. */
typedef struct ras_book_sheet {
    ras_book *book;
    lxw_worksheet *ws;
    const char *name;
    lxw_row_t row; /* the next row to write */
    lxw_col_t cols;
} ras_book_sheet;

/* Starts a workbook at path (written whole by ras_book_close). */
ras_status ras_book_open(ras_book *b, const char *path, ras_error *err);
/* Writes the file and frees b: RAS_ERR_IO when it cannot be written. In
 * every case; after a failure the file may be left half made (a caller
 * writes to a temporary and renames it). */
ras_status ras_book_close(ras_book *b, ras_error *err);

/* Adds a sheet with a bold header row of n names; frozen and filtered
 * when it is a table. */
bool ras_book_sheet_add(ras_book *b, ras_book_sheet *s, const char *name, const char *const *header,
                        size_t n, bool table);
/* Ends a table sheet: its autofilter spans the rows written. */
void ras_book_sheet_end(ras_book_sheet *s);

/* Cells of the current row; ras_book_next moves to the next row (false,
 * with the book failed, past the most a sheet holds). */
void ras_book_text(ras_book_sheet *s, lxw_col_t col, const char *text, size_t len);
void ras_book_int(ras_book_sheet *s, lxw_col_t col, int64_t v);
void ras_book_money(ras_book_sheet *s, lxw_col_t col, ras_pence v);
bool ras_book_next(ras_book_sheet *s);

/* A NUL-terminated text cell. */
void ras_book_cstr(ras_book_sheet *s, lxw_col_t col, const char *text);
/* A format showing numbers as num_format ("0.0000"), made once per book
 * (NULL, with the book failed, when out of memory). */
lxw_format *ras_book_format(ras_book *b, const char *num_format);
/* A number in format f (NULL: Excel's general format). */
void ras_book_number(ras_book_sheet *s, lxw_col_t col, double v, lxw_format *f);
/* The first failure of the book into err (when not NULL): RAS_OK if
 * none. */
ras_status ras_book_status(const ras_book *b, ras_error *err);

/* The Summary sheet of a report's workbook (audit, calibration): rows of
 * an item, its value and, where they apply, a count of rows, a note and
 * a SHA-256. The columns: */
enum { RAS_BOOK_ITEM, RAS_BOOK_VALUE, RAS_BOOK_ROWS, RAS_BOOK_NOTE, RAS_BOOK_SHA256 };
/* Adds the Summary sheet and writes the record into it (record.h: when
 * it ran, the ras version, the command, every model file with its id,
 * version and SHA-256, the input with its SHA-256). run may be NULL. */
bool ras_book_summary(ras_book *b, ras_book_sheet *s, const ras_model *m, const ras_run_info *run,
                      const char *in_name, const char *in_sha256);
/* One row of it: an item and a count, or an amount, with a note (NULL:
 * none). */
void ras_book_summary_count(ras_book_sheet *s, const char *item, uint64_t n, const char *note);
void ras_book_summary_money(ras_book_sheet *s, const char *item, ras_pence v, uint64_t rows,
                            const char *note);

#endif
