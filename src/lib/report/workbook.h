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

#endif
