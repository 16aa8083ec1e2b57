/* xlsx_sheet.c - a worksheet's XML streamed into rows of text cells
 * (xlsx.h). Each cell becomes the text a CSV export would hold: a shared
 * or inline string as it is, a number as Excel shows it in general format
 * (at most 15 significant digits, so 30340.970000000001 is 30340.97), a
 * number in a date style as YYYY-MM-DD, a boolean as yes or no, and a
 * formula by its cached value. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "xlsx.h"

/* ---- building the row ------------------------------------------------ */

static bool grow(char **buf, size_t *cap, size_t need)
{
    if (need <= *cap)
        return true;
    size_t cap2 = *cap ? *cap : 256;
    while (cap2 < need)
        cap2 *= 2;
    char *p = realloc(*buf, cap2);
    if (!p)
        return false;
    *buf = p;
    *cap = cap2;
    return true;
}

/* Room for fields 0 to n - 1. */
static bool fields_room(ras_sheet *s, size_t n)
{
    if (n <= s->fields_cap)
        return true;
    size_t cap = s->fields_cap ? s->fields_cap : 64;
    while (cap < n)
        cap *= 2;
    ras_csv_field *f = realloc(s->fields, cap * sizeof *f);
    if (!f)
        return false;
    s->fields = f;
    size_t *off = realloc(s->off, cap * sizeof *off);
    if (!off)
        return false;
    s->off = off;
    s->fields_cap = cap;
    return true;
}

static void nomem(ras_sheet *s)
{
    ras_xml_fail(&s->xml, RAS_ERR_NOMEM, "out of memory");
}

/* Appends the current cell's text. */
static void put(ras_sheet *s, const char *text, size_t len)
{
    if (s->rec_len + len > RAS_CSV_RECORD_MAX) {
        ras_xml_fail(&s->xml, RAS_ERR_LIMIT,
                     "row %lu is longer than %zu bytes (the limit on a row)", s->row,
                     RAS_CSV_RECORD_MAX);
        return;
    }
    if (!grow(&s->rec, &s->rec_cap, s->rec_len + len + 1)) {
        nomem(s);
        return;
    }
    memcpy(s->rec + s->rec_len, text, len);
    s->rec_len += len;
}

/* "B" for column 1 (0-based), into buf of at least 4 bytes. */
static void column_name(size_t col, char *buf)
{
    char tmp[4];
    size_t n = 0;
    col++;
    while (col > 0 && n < 3) {
        tmp[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
}

/* The 0-based column of a reference such as "AB12"; false when it has no
 * letters or names a column past XFD. */
static bool parse_column(const char *ref, size_t *col)
{
    size_t c = 0, n = 0;
    for (; *ref >= 'A' && *ref <= 'Z'; ref++, n++) {
        c = c * 26 + (size_t)(*ref - 'A' + 1);
        if (c > RAS_XLSX_COLUMNS_MAX)
            return false;
    }
    if (n == 0)
        return false;
    *col = c - 1;
    return true;
}

/* ---- cell values ------------------------------------------------------- */

/* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm). */
static void civil(long days, long *y, unsigned *m, unsigned *d)
{
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    unsigned long doe = (unsigned long)(days - era * 146097);
    unsigned long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned long mp = (5 * doy + 2) / 153;
    *d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
    *m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
    *y = (long)yoe + era * 400 + (*m <= 2);
}

/* A date serial as YYYY-MM-DD; false when it is no date (before the
 * epoch, after 9999, not a number). The time of day is dropped. In the
 * 1900 system Excel counts a 29 February 1900 that never was: serials
 * from 61 on are one day further on than their count. */
static bool put_date(ras_sheet *s, const char *text)
{
    char *end;
    double v = strtod(text, &end);
    if (end == text || *end || !isfinite(v) || v < 1 || v >= 2958466)
        return false;
    long serial = (long)v; /* v >= 1: truncation is the floor */
    long days;             /* since 1970-01-01 */
    if (s->book->date1904)
        days = serial - 24107;
    else if (serial >= 61)
        days = serial - 25569;
    else if (serial == 60)
        return false; /* the day that never was */
    else
        days = serial - 25568;
    long y;
    unsigned m, d;
    civil(days, &y, &m, &d);
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y, m, d);
    put(s, buf, (size_t)n);
    return true;
}

/* Whether a number's text is already as Excel shows it: plain digits
 * with an optional point, at most 15 significant digits. */
static bool plain_number(const char *t, size_t len)
{
    size_t i = 0, digits = 0, points = 0;
    if (i < len && t[i] == '-')
        i++;
    if (i == len)
        return false;
    for (; i < len; i++) {
        if (t[i] == '.')
            points++;
        else if (t[i] >= '0' && t[i] <= '9')
            digits++;
        else
            return false;
    }
    return points <= 1 && digits <= 15 && t[len - 1] != '.';
}

static void put_number(ras_sheet *s, const char *text, size_t len)
{
    if (plain_number(text, len)) {
        put(s, text, len);
        return;
    }
    char *end;
    double v = strtod(text, &end);
    if (end == text || *end || !isfinite(v)) {
        put(s, text, len); /* not a number: shown as it is, the row loader judges it */
        return;
    }
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%.15g", v);
    put(s, buf, (size_t)n);
}

static void put_shared(ras_sheet *s, const char *text)
{
    char *end;
    unsigned long long i = strtoull(text, &end, 10);
    const ras_xlsx_book *b = s->book;
    if (end == text || *end || i >= b->n_strings) {
        char col[4];
        column_name(s->col, col);
        ras_xml_fail(&s->xml, RAS_ERR_SYNTAX,
                     "cell %s%lu names shared string '%.20s', but the workbook has %zu", col,
                     s->row, text, b->n_strings);
        return;
    }
    put(s, b->text + b->start[i], b->start[i + 1] - b->start[i]);
}

/* The cell just ended: its text into the row. */
static void end_cell(ras_sheet *s)
{
    s->in_cell = false;
    if (!fields_room(s, s->col + 1)) {
        nomem(s);
        return;
    }
    for (; s->n_fields < s->col; s->n_fields++) /* the missing cells before it */
        s->off[s->n_fields] = s->rec_len, s->fields[s->n_fields].len = 0;
    size_t start = s->rec_len;
    if (!grow(&s->val, &s->val_cap, s->val_len + 1)) {
        nomem(s);
        return;
    }
    s->val[s->val_len] = '\0';
    if (s->val_len > 0) {
        switch (s->type) {
        case 's': put_shared(s, s->val); break;
        case 'b': put(s, s->val[0] == '1' ? "yes" : "no", s->val[0] == '1' ? 3 : 2); break;
        case 'n':
            if (s->style < s->book->n_styles && s->book->date_style[s->style] &&
                put_date(s, s->val))
                break;
            put_number(s, s->val, s->val_len);
            break;
        default: put(s, s->val, s->val_len); break; /* strings, errors (#N/A) */
        }
    }
    size_t len = s->rec_len - start;
    s->off[s->col] = start;
    s->fields[s->col].len = len;
    s->n_fields = s->col + 1;
    s->next_col = s->col + 1;
    if (len > 0)
        s->width = s->col + 1;
}

/* ---- the XML ---------------------------------------------------------- */

static void start_cell(ras_sheet *s, const char **atts)
{
    const char *ref = ras_xml_attr(atts, "r");
    const char *t = ras_xml_attr(atts, "t");
    const char *st = ras_xml_attr(atts, "s");
    size_t col = s->next_col;
    if (ref && !parse_column(ref, &col)) {
        ras_xml_fail(&s->xml, RAS_ERR_LIMIT,
                     "cell '%.20s' is not a cell reference up to column XFD (the limit on "
                     "columns)",
                     ref);
        return;
    }
    if (col < s->next_col || col >= RAS_XLSX_COLUMNS_MAX) {
        ras_xml_fail(&s->xml, RAS_ERR_SYNTAX,
                     "row %lu: cell '%.20s' comes after the cells right of it", s->row,
                     ref ? ref : "");
        return;
    }
    s->col = col;
    s->in_cell = true;
    s->val_len = 0;
    s->style = st ? (size_t)strtoul(st, NULL, 10) : 0;
    s->type = 'n';
    if (t) {
        if (strcmp(t, "s") == 0)
            s->type = 's';
        else if (strcmp(t, "inlineStr") == 0)
            s->type = 'i';
        else if (strcmp(t, "b") == 0)
            s->type = 'b';
        else if (strcmp(t, "e") == 0)
            s->type = 'e';
        else if (strcmp(t, "str") == 0)
            s->type = 't';
    }
}

static void start_row(ras_sheet *s, const char **atts)
{
    const char *r = ras_xml_attr(atts, "r");
    unsigned long row = s->row + 1;
    if (r) {
        char *end;
        row = strtoul(r, &end, 10);
        if (end == r || *end || row == 0 || row <= s->row) {
            ras_xml_fail(&s->xml, RAS_ERR_SYNTAX, "row '%.20s' is not a row number after row %lu",
                         r, s->row);
            return;
        }
    }
    s->row = row;
    s->rec_len = 0;
    s->n_fields = 0;
    s->width = 0;
    s->next_col = 0;
}

/* The row just ended: handed out unless it holds nothing. */
static void end_row(ras_sheet *s)
{
    if (s->width == 0)
        return;
    size_t n = s->width > s->header_width ? s->width : s->header_width;
    if (!fields_room(s, n)) {
        nomem(s);
        return;
    }
    for (; s->n_fields < n; s->n_fields++)
        s->off[s->n_fields] = s->rec_len, s->fields[s->n_fields].len = 0;
    s->n_fields = n;
    if (!grow(&s->rec, &s->rec_cap, s->rec_len + 1)) {
        nomem(s);
        return;
    }
    for (size_t i = 0; i < n; i++)
        s->fields[i].text = s->rec + s->off[i];
    if (s->header_width == 0)
        s->header_width = n;
    s->ready = true;
    ras_xml_suspend(&s->xml);
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    ras_xml *x = ud;
    ras_sheet *s = x->user;
    const char *n = ras_xml_local(name);
    if (strcmp(n, "c") == 0)
        start_cell(s, atts);
    else if (strcmp(n, "v") == 0)
        s->in_v = s->in_cell;
    else if (strcmp(n, "is") == 0)
        s->in_is = s->in_cell;
    else if (strcmp(n, "t") == 0)
        s->in_t = s->in_is;
    else if (strcmp(n, "rPh") == 0)
        s->in_rph = true;
    else if (strcmp(n, "row") == 0)
        start_row(s, atts);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    ras_xml *x = ud;
    ras_sheet *s = x->user;
    const char *n = ras_xml_local(name);
    if (strcmp(n, "c") == 0 && s->in_cell)
        end_cell(s);
    else if (strcmp(n, "v") == 0)
        s->in_v = false;
    else if (strcmp(n, "is") == 0)
        s->in_is = false;
    else if (strcmp(n, "t") == 0)
        s->in_t = false;
    else if (strcmp(n, "rPh") == 0)
        s->in_rph = false;
    else if (strcmp(n, "row") == 0)
        end_row(s);
}

static void XMLCALL on_text(void *ud, const XML_Char *text, int len)
{
    ras_xml *x = ud;
    ras_sheet *s = x->user;
    if (!(s->in_v || (s->in_t && !s->in_rph)) || len <= 0)
        return;
    if (s->val_len + (size_t)len > RAS_CSV_FIELD_MAX) {
        char col[4];
        column_name(s->col, col);
        ras_xml_fail(x, RAS_ERR_LIMIT, "cell %s%lu is longer than %zu bytes (the limit on a cell)",
                     col, s->row, RAS_CSV_FIELD_MAX);
        return;
    }
    if (!grow(&s->val, &s->val_cap, s->val_len + (size_t)len + 1)) {
        nomem(s);
        return;
    }
    memcpy(s->val + s->val_len, text, (size_t)len);
    s->val_len += (size_t)len;
}

/* ---- the reader -------------------------------------------------------- */

ras_status ras_sheet_open(ras_sheet *s, const ras_xlsx_book *book, ras_chunk_fn read, void *ctx,
                          const char *file, const char *part, ras_error *err)
{
    memset(s, 0, sizeof *s);
    s->book = book;
    s->file = file;
    s->open = true;
    return ras_xml_init(&s->xml, read, ctx, file, part, s, on_start, on_end, on_text, err);
}

ras_status ras_sheet_next(ras_sheet *s, bool *have, ras_error *err)
{
    *have = false;
    s->ready = false;
    bool suspended;
    ras_status st = ras_xml_run(&s->xml, &suspended, err);
    if (st != RAS_OK) {
        if (err && err->line == 0 && s->row > 0 && st != RAS_ERR_NOMEM && st != RAS_ERR_IO)
            err->line = s->row;
        return st;
    }
    *have = s->ready;
    return RAS_OK;
}

void ras_sheet_close(ras_sheet *s)
{
    if (!s->open)
        return;
    ras_xml_free(&s->xml);
    free(s->val);
    free(s->rec);
    free(s->off);
    free(s->fields);
    memset(s, 0, sizeof *s);
}
