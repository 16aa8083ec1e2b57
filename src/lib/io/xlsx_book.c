/* xlsx_book.c - the parts of a workbook read before its sheet (xlsx.h):
 * the cell styles (which show dates) and the shared strings. */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "xlsx.h"

void ras_xlsx_book_free(ras_xlsx_book *b)
{
    free(b->text);
    free(b->start);
    free(b->date_style);
    memset(b, 0, sizeof *b);
}

/* ---- number formats ---------------------------------------------------- */

bool ras_xlsx_date_format(unsigned id, const char *code)
{
    /* The built-in formats: 14-17 and 22 are dates (22 with a time),
     * 18-21 and 45-47 times of day only; 27-36 and 50-58 are the East
     * Asian dates. */
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return true;
    if (!code)
        return false;
    /* A custom code is a date when a day or year is shown: quoted text,
     * escaped characters and [colour] or [$-locale] sections aside. */
    for (const char *p = code; *p; p++) {
        switch (*p) {
        case '"':
            while (p[1] && p[1] != '"')
                p++;
            if (p[1])
                p++;
            break;
        case '[':
            while (p[1] && p[1] != ']')
                p++;
            break;
        case '\\':
        case '_':
        case '*':
            if (p[1])
                p++;
            break;
        case 'd':
        case 'D':
        case 'y':
        case 'Y': return true;
        default: break;
        }
    }
    return false;
}

/* ---- styles.xml --------------------------------------------------------- */

typedef struct custom_format {
    unsigned id;
    bool date;
} custom_format;

typedef struct styles_read {
    ras_xlsx_book *book;
    bool in_xfs;
    custom_format *formats;
    size_t n_formats, formats_cap;
    unsigned *xf_format; /* per cell style: its numFmtId */
    size_t n_xf, xf_cap;
} styles_read;

static bool push_xf(styles_read *r, unsigned id)
{
    if (r->n_xf == r->xf_cap) {
        size_t cap = r->xf_cap ? r->xf_cap * 2 : 64;
        unsigned *p = realloc(r->xf_format, cap * sizeof *p);
        if (!p)
            return false;
        r->xf_format = p;
        r->xf_cap = cap;
    }
    r->xf_format[r->n_xf++] = id;
    return true;
}

static bool push_format(styles_read *r, unsigned id, bool date)
{
    if (r->n_formats == r->formats_cap) {
        size_t cap = r->formats_cap ? r->formats_cap * 2 : 16;
        custom_format *p = realloc(r->formats, cap * sizeof *p);
        if (!p)
            return false;
        r->formats = p;
        r->formats_cap = cap;
    }
    r->formats[r->n_formats++] = (custom_format){id, date};
    return true;
}

static unsigned attr_uint(const char **atts, const char *name)
{
    const char *v = ras_xml_attr(atts, name);
    return v ? (unsigned)strtoul(v, NULL, 10) : 0;
}

static void XMLCALL styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    ras_xml *x = ud;
    styles_read *r = x->user;
    const char *n = ras_xml_local(name);
    bool ok = true;
    if (strcmp(n, "cellXfs") == 0) {
        r->in_xfs = true;
    } else if (strcmp(n, "xf") == 0 && r->in_xfs) {
        if (r->n_xf >= RAS_XLSX_STYLES_MAX) {
            ras_xml_fail(x, RAS_ERR_LIMIT, "more than %zu cell styles (the limit on styles)",
                         RAS_XLSX_STYLES_MAX);
            return;
        }
        ok = push_xf(r, attr_uint(atts, "numFmtId"));
    } else if (strcmp(n, "numFmt") == 0) {
        if (r->n_formats >= RAS_XLSX_STYLES_MAX) {
            ras_xml_fail(x, RAS_ERR_LIMIT, "more than %zu number formats (the limit on styles)",
                         RAS_XLSX_STYLES_MAX);
            return;
        }
        unsigned id = attr_uint(atts, "numFmtId");
        ok = push_format(r, id, ras_xlsx_date_format(id, ras_xml_attr(atts, "formatCode")));
    }
    if (!ok)
        ras_xml_fail(x, RAS_ERR_NOMEM, "out of memory");
}

static void XMLCALL styles_end(void *ud, const XML_Char *name)
{
    ras_xml *x = ud;
    styles_read *r = x->user;
    if (strcmp(ras_xml_local(name), "cellXfs") == 0)
        r->in_xfs = false;
}

static void XMLCALL no_text(void *ud, const XML_Char *text, int len)
{
    (void)ud;
    (void)text;
    (void)len;
}

/* Which cell styles show dates. */
static ras_status finish_styles(styles_read *r, const char *file, ras_error *err)
{
    ras_xlsx_book *b = r->book;
    b->date_style = calloc(r->n_xf ? r->n_xf : 1, 1);
    if (!b->date_style)
        return ras_fail(err, RAS_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
    b->n_styles = r->n_xf;
    for (size_t i = 0; i < r->n_xf; i++) {
        unsigned id = r->xf_format[i];
        bool date = ras_xlsx_date_format(id, NULL);
        for (size_t k = 0; k < r->n_formats; k++) /* a custom code overrides a built-in */
            if (r->formats[k].id == id)
                date = r->formats[k].date;
        b->date_style[i] = date ? 1 : 0;
    }
    return RAS_OK;
}

ras_status ras_xlsx_read_styles(ras_xlsx_book *b, ras_chunk_fn read, void *ctx, const char *file,
                                const char *part, ras_error *err)
{
    styles_read r;
    memset(&r, 0, sizeof r);
    r.book = b;
    ras_xml x;
    bool suspended;
    ras_status st =
        ras_xml_init(&x, read, ctx, file, part, &r, styles_start, styles_end, no_text, err);
    if (st == RAS_OK)
        st = ras_xml_run(&x, &suspended, err);
    if (st == RAS_OK)
        st = finish_styles(&r, file, err);
    ras_xml_free(&x);
    free(r.formats);
    free(r.xf_format);
    return st;
}

/* ---- sharedStrings.xml ------------------------------------------------- */

typedef struct strings_read {
    ras_xlsx_book *book;
    bool in_si, in_t, in_rph;
} strings_read;

static bool push_start(ras_xlsx_book *b)
{
    if (b->n_strings + 1 >= b->start_cap) {
        size_t cap = b->start_cap ? b->start_cap * 2 : 1024;
        uint32_t *p = realloc(b->start, cap * sizeof *p);
        if (!p)
            return false;
        b->start = p;
        b->start_cap = cap;
    }
    b->start[b->n_strings + 1] = (uint32_t)b->text_len;
    return true;
}

static void XMLCALL strings_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    (void)atts;
    ras_xml *x = ud;
    strings_read *r = x->user;
    const char *n = ras_xml_local(name);
    if (strcmp(n, "si") == 0) {
        if (r->book->n_strings >= RAS_XLSX_STRINGS_MAX) {
            ras_xml_fail(x, RAS_ERR_LIMIT,
                         "more than %zu shared strings (the limit on shared strings)",
                         RAS_XLSX_STRINGS_MAX);
            return;
        }
        r->in_si = true;
    } else if (strcmp(n, "t") == 0) {
        r->in_t = r->in_si;
    } else if (strcmp(n, "rPh") == 0) {
        r->in_rph = true; /* a phonetic reading, not the text */
    }
}

static void XMLCALL strings_end(void *ud, const XML_Char *name)
{
    ras_xml *x = ud;
    strings_read *r = x->user;
    const char *n = ras_xml_local(name);
    if (strcmp(n, "si") == 0 && r->in_si) {
        r->in_si = false;
        if (!push_start(r->book)) {
            ras_xml_fail(x, RAS_ERR_NOMEM, "out of memory");
            return;
        }
        r->book->n_strings++;
    } else if (strcmp(n, "t") == 0) {
        r->in_t = false;
    } else if (strcmp(n, "rPh") == 0) {
        r->in_rph = false;
    }
}

static void XMLCALL strings_text(void *ud, const XML_Char *text, int len)
{
    ras_xml *x = ud;
    strings_read *r = x->user;
    ras_xlsx_book *b = r->book;
    if (!r->in_t || r->in_rph || len <= 0)
        return;
    if (b->text_len + (size_t)len > RAS_XLSX_STRINGS_BYTES) {
        ras_xml_fail(x, RAS_ERR_LIMIT,
                     "the shared strings hold more than %zu bytes of text (the limit on shared "
                     "strings' size)",
                     RAS_XLSX_STRINGS_BYTES);
        return;
    }
    if (b->text_len + (size_t)len > b->text_cap) {
        size_t cap = b->text_cap ? b->text_cap : 4096;
        while (cap < b->text_len + (size_t)len)
            cap *= 2;
        char *p = realloc(b->text, cap);
        if (!p) {
            ras_xml_fail(x, RAS_ERR_NOMEM, "out of memory");
            return;
        }
        b->text = p;
        b->text_cap = cap;
    }
    memcpy(b->text + b->text_len, text, (size_t)len);
    b->text_len += (size_t)len;
}

ras_status ras_xlsx_read_strings(ras_xlsx_book *b, ras_chunk_fn read, void *ctx, const char *file,
                                 const char *part, ras_error *err)
{
    strings_read r = {b, false, false, false};
    b->start = malloc(1024 * sizeof *b->start);
    if (!b->start)
        return ras_fail(err, RAS_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
    b->start_cap = 1024;
    b->start[0] = 0;
    ras_xml x;
    bool suspended;
    ras_status st =
        ras_xml_init(&x, read, ctx, file, part, &r, strings_start, strings_end, strings_text, err);
    if (st == RAS_OK)
        st = ras_xml_run(&x, &suspended, err);
    ras_xml_free(&x);
    return st;
}
