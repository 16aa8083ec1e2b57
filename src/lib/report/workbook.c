/* workbook.c - the workbook writer shared by the batch and audit
 * workbooks (workbook.h). */
#include "workbook.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

/* Pounds and pence, negative in red with a minus: the pound sign as
 * UTF-8 bytes. */
#define MONEY_FORMAT "\xc2\xa3#,##0.00;[Red]-\xc2\xa3#,##0.00"

static void failed(ras_book *b, ras_status st, const char *fmt, ...) RAS_PRINTF(3, 4);

static void failed(ras_book *b, ras_status st, const char *fmt, ...)
{
    if (b->failed != RAS_OK)
        return;
    b->failed = st;
    ras_error_clear(&b->err);
    b->err.status = st;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->err.message, sizeof b->err.message, fmt, ap);
    va_end(ap);
}

/* A libxlsxwriter error on a cell. */
static void cell_failed(ras_book_sheet *s, lxw_error e)
{
    if (e == LXW_NO_ERROR)
        return;
    if (e == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
        failed(s->book, RAS_ERR_LIMIT,
               "sheet %s would have more than %u rows, the most a sheet holds: write CSV "
               "instead",
               s->name, RAS_SHEET_ROWS_MAX);
    else
        failed(s->book, RAS_ERR_IO, "cannot write the workbook: %s", lxw_strerror(e));
}

ras_status ras_book_open(ras_book *b, const char *path, ras_error *err)
{
    memset(b, 0, sizeof *b);
    b->path = path;
    lxw_workbook_options o = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
    b->wb = workbook_new_opt(path, &o);
    if (!b->wb)
        return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    b->bold = workbook_add_format(b->wb);
    b->money = workbook_add_format(b->wb);
    b->whole = workbook_add_format(b->wb);
    if (!b->bold || !b->money || !b->whole) {
        workbook_close(b->wb);
        b->wb = NULL;
        return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    }
    format_set_bold(b->bold);
    format_set_num_format(b->money, MONEY_FORMAT);
    format_set_num_format(b->whole, "0");
    return RAS_OK;
}

ras_status ras_book_close(ras_book *b, ras_error *err)
{
    if (!b->wb)
        return b->failed;
    lxw_error e = workbook_close(b->wb);
    b->wb = NULL;
    if (b->failed != RAS_OK) {
        if (err)
            *err = b->err;
        return b->failed;
    }
    if (e != LXW_NO_ERROR)
        return ras_fail(err, RAS_ERR_IO, NULL, 0, 0, NULL, "cannot write the workbook: %s",
                        lxw_strerror(e));
    return RAS_OK;
}

bool ras_book_sheet_add(ras_book *b, ras_book_sheet *s, const char *name, const char *const *header,
                        size_t n, bool table)
{
    memset(s, 0, sizeof *s);
    s->book = b;
    s->name = name;
    s->cols = (lxw_col_t)n;
    s->ws = workbook_add_worksheet(b->wb, name);
    if (!s->ws) {
        failed(b, RAS_ERR_NOMEM, "out of memory");
        return false;
    }
    if (table)
        worksheet_freeze_panes(s->ws, 1, 0);
    for (size_t i = 0; i < n; i++)
        cell_failed(s, worksheet_write_string(s->ws, 0, (lxw_col_t)i, header[i], b->bold));
    s->row = 1;
    return b->failed == RAS_OK;
}

void ras_book_sheet_end(ras_book_sheet *s)
{
    if (s->ws && s->cols > 0)
        worksheet_autofilter(s->ws, 0, 0, s->row > 1 ? s->row - 1 : 0, (lxw_col_t)(s->cols - 1));
}

void ras_book_text(ras_book_sheet *s, lxw_col_t col, const char *text, size_t len)
{
    char small[512];
    char *copy = len < sizeof small ? small : malloc(len + 1);
    if (!copy) {
        failed(s->book, RAS_ERR_NOMEM, "out of memory");
        return;
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    /* worksheet_write_string: always a string cell, whatever it starts
     * with (an "=" is text, not a formula) */
    cell_failed(s, worksheet_write_string(s->ws, s->row, col, copy, NULL));
    if (copy != small)
        free(copy);
}

void ras_book_int(ras_book_sheet *s, lxw_col_t col, int64_t v)
{
    cell_failed(s, worksheet_write_number(s->ws, s->row, col, (double)v, s->book->whole));
}

/* Excel holds every number as a double: pence / 100 is the nearest
 * double to the amount, shown to the penny by the format. */
void ras_book_money(ras_book_sheet *s, lxw_col_t col, ras_pence v)
{
    cell_failed(s, worksheet_write_number(s->ws, s->row, col, (double)v / 100.0, s->book->money));
}

void ras_book_cstr(ras_book_sheet *s, lxw_col_t col, const char *text)
{
    ras_book_text(s, col, text, strlen(text));
}

lxw_format *ras_book_format(ras_book *b, const char *num_format)
{
    lxw_format *f = workbook_add_format(b->wb);
    if (!f) {
        failed(b, RAS_ERR_NOMEM, "out of memory");
        return NULL;
    }
    format_set_num_format(f, num_format);
    return f;
}

void ras_book_number(ras_book_sheet *s, lxw_col_t col, double v, lxw_format *f)
{
    cell_failed(s, worksheet_write_number(s->ws, s->row, col, v, f));
}

ras_status ras_book_status(const ras_book *b, ras_error *err)
{
    if (b->failed != RAS_OK && err)
        *err = b->err;
    return b->failed;
}

bool ras_book_next(ras_book_sheet *s)
{
    if (s->row > RAS_SHEET_ROWS_MAX) {
        cell_failed(s, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
        return false;
    }
    s->row++;
    return s->book->failed == RAS_OK;
}
