/* xlsx_open.c - a workbook opened as a source of records (xlsx.h): the
 * sheet is found through xl/workbook.xml and its relationships, the
 * styles and shared strings are read, and the sheet is then streamed
 * row by row into the ras_csv record. Only these parts are read, each by
 * the exact name the relationships give under xl/. */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "xlsx.h"
#include "zip_part.h"

#define PART_NAME_MAX 256

typedef struct sheet_entry {
    char *name, *rid;
} sheet_entry;

typedef struct rel_entry {
    char *id, *type, *target;
} rel_entry;

/* What xl/workbook.xml and its relationships say. */
typedef struct book_index {
    sheet_entry *sheets;
    size_t n_sheets;
    rel_entry *rels;
    size_t n_rels;
    bool date1904;
} book_index;

/* The open workbook: the source behind a ras_csv. */
typedef struct xlsx_source {
    ras_zip *zip;
    ras_xlsx_book book;
    ras_sheet sheet;
    char part[PART_NAME_MAX];
    const char *name;
} xlsx_source;

static ras_status zip_chunk(void *ctx, char *buf, size_t size, size_t *got, ras_error *err)
{
    return ras_zip_part_read(ctx, buf, size, got, err);
}

/* ---- workbook.xml and its relationships -------------------------------- */

static char *dup(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s ? s : "", n);
    return p;
}

static void XMLCALL book_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    ras_xml *x = ud;
    book_index *b = x->user;
    const char *n = ras_xml_local(name);
    if (strcmp(n, "workbookPr") == 0) {
        const char *d = ras_xml_attr(atts, "date1904");
        b->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
        return;
    }
    if (strcmp(n, "sheet") != 0)
        return;
    if (b->n_sheets >= RAS_XLSX_SHEETS_MAX) {
        ras_xml_fail(x, RAS_ERR_LIMIT, "more than %zu sheets (the limit on sheets)",
                     RAS_XLSX_SHEETS_MAX);
        return;
    }
    sheet_entry *p = realloc(b->sheets, (b->n_sheets + 1) * sizeof *p);
    if (!p) {
        ras_xml_fail(x, RAS_ERR_NOMEM, "out of memory");
        return;
    }
    b->sheets = p;
    sheet_entry *e = &b->sheets[b->n_sheets++];
    e->name = dup(ras_xml_attr(atts, "name"));
    e->rid = dup(ras_xml_attr(atts, "id"));
    if (!e->name || !e->rid)
        ras_xml_fail(x, RAS_ERR_NOMEM, "out of memory");
}

static void XMLCALL rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    ras_xml *x = ud;
    book_index *b = x->user;
    if (strcmp(ras_xml_local(name), "Relationship") != 0)
        return;
    if (b->n_rels >= RAS_XLSX_SHEETS_MAX) {
        ras_xml_fail(x, RAS_ERR_LIMIT, "more than %zu relationships (the limit on sheets)",
                     RAS_XLSX_SHEETS_MAX);
        return;
    }
    rel_entry *p = realloc(b->rels, (b->n_rels + 1) * sizeof *p);
    if (!p) {
        ras_xml_fail(x, RAS_ERR_NOMEM, "out of memory");
        return;
    }
    b->rels = p;
    rel_entry *e = &b->rels[b->n_rels++];
    e->id = dup(ras_xml_attr(atts, "Id"));
    e->type = dup(ras_xml_attr(atts, "Type"));
    e->target = dup(ras_xml_attr(atts, "Target"));
    if (!e->id || !e->type || !e->target)
        ras_xml_fail(x, RAS_ERR_NOMEM, "out of memory");
}

static void XMLCALL ignore_end(void *ud, const XML_Char *name)
{
    (void)ud;
    (void)name;
}

static void XMLCALL ignore_text(void *ud, const XML_Char *text, int len)
{
    (void)ud;
    (void)text;
    (void)len;
}

static void index_free(book_index *b)
{
    for (size_t i = 0; i < b->n_sheets; i++) {
        free(b->sheets[i].name);
        free(b->sheets[i].rid);
    }
    for (size_t i = 0; i < b->n_rels; i++) {
        free(b->rels[i].id);
        free(b->rels[i].type);
        free(b->rels[i].target);
    }
    free(b->sheets);
    free(b->rels);
}

/* Parses one whole part with the given start handler. */
static ras_status parse_part(ras_zip *zip, const char *file, const char *part, uint64_t limit,
                             const char *limit_what, void *user, XML_StartElementHandler start,
                             ras_error *err)
{
    ras_status st = ras_zip_part_open(zip, part, limit, limit_what, err);
    if (st != RAS_OK)
        return st;
    ras_xml x;
    bool suspended;
    st = ras_xml_init(&x, zip_chunk, zip, file, part, user, start, ignore_end, ignore_text, err);
    if (st == RAS_OK)
        st = ras_xml_run(&x, &suspended, err);
    ras_xml_free(&x);
    ras_zip_part_close(zip);
    return st;
}

/* ---- finding the parts -------------------------------------------------- */

/* A relationship's target as a part name under xl/: "worksheets/a.xml"
 * and "/xl/worksheets/a.xml" are "xl/worksheets/a.xml". Anything leaving
 * xl/ (a "..", an absolute path elsewhere, an external link) is refused. */
static bool part_name(const char *target, char *out, size_t size)
{
    const char *rel = target;
    if (target[0] == '/') {
        if (strncmp(target, "/xl/", 4) != 0)
            return false;
        rel = target + 4;
    }
    if (strstr(rel, "..") || strchr(rel, '\\') || strchr(rel, ':') || rel[0] == '\0')
        return false;
    int n = snprintf(out, size, "xl/%s", rel);
    return n > 0 && (size_t)n < size;
}

static const rel_entry *rel_by_id(const book_index *b, const char *id)
{
    for (size_t i = 0; i < b->n_rels; i++)
        if (strcmp(b->rels[i].id, id) == 0)
            return &b->rels[i];
    return NULL;
}

/* The relationship whose type ends in "/suffix" (the shared strings,
 * the styles), or NULL. */
static const rel_entry *rel_by_type(const book_index *b, const char *suffix)
{
    size_t n = strlen(suffix);
    for (size_t i = 0; i < b->n_rels; i++) {
        size_t len = strlen(b->rels[i].type);
        if (len > n && b->rels[i].type[len - n - 1] == '/' &&
            strcmp(b->rels[i].type + len - n, suffix) == 0)
            return &b->rels[i];
    }
    return NULL;
}

/* The names of the sheets, for the error when one is not found. */
static void list_sheets(const book_index *b, char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = '\0';
    for (size_t i = 0; b->sheets && i < b->n_sheets && at + 1 < size; i++) {
        const char *name = b->sheets[i].name ? b->sheets[i].name : "";
        int n = snprintf(buf + at, size - at, "%s'%s'", i ? ", " : "", name);
        if (n < 0)
            break;
        at += (size_t)n;
    }
}

static ras_status find_sheet(const book_index *b, const char *file, const char *sheet, char *part,
                             ras_error *err)
{
    const sheet_entry *e = NULL;
    if (b->n_sheets == 0)
        return ras_fail(err, RAS_ERR_SYNTAX, file, 0, 0, NULL, "the workbook has no sheets");
    for (size_t i = 0; sheet && i < b->n_sheets; i++)
        if (strcmp(b->sheets[i].name, sheet) == 0)
            e = &b->sheets[i];
    if (!sheet)
        e = &b->sheets[0];
    if (!e) {
        char names[200];
        list_sheets(b, names, sizeof names);
        return ras_fail(err, RAS_ERR_SYNTAX, file, 0, 0, sheet,
                        "the workbook has no sheet named '%s' (its sheets: %s)", sheet, names);
    }
    const rel_entry *rel = rel_by_id(b, e->rid);
    if (!rel || !part_name(rel->target, part, PART_NAME_MAX))
        return ras_fail(err, RAS_ERR_SYNTAX, file, 0, 0, e->name,
                        "sheet '%s' has no part inside the workbook (it is damaged, or a chart "
                        "sheet)",
                        e->name);
    return RAS_OK;
}

/* Reads the styles and shared strings the relationships name, if any. */
static ras_status read_book(xlsx_source *src, const book_index *b, ras_error *err)
{
    char part[PART_NAME_MAX];
    src->book.date1904 = b->date1904;
    const rel_entry *styles = rel_by_type(b, "styles");
    ras_status st = RAS_OK;
    if (styles && part_name(styles->target, part, sizeof part) &&
        (st = ras_zip_part_open(src->zip, part, RAS_XLSX_PART_MAX, "the limit on a part's size",
                                err)) == RAS_OK) {
        st = ras_xlsx_read_styles(&src->book, zip_chunk, src->zip, src->name, part, err);
        ras_zip_part_close(src->zip);
    }
    if (st != RAS_OK)
        return st;
    const rel_entry *strings = rel_by_type(b, "sharedStrings");
    if (strings && part_name(strings->target, part, sizeof part) &&
        (st = ras_zip_part_open(src->zip, part, RAS_XLSX_STRINGS_PART_MAX,
                                "the limit on the shared strings' size", err)) == RAS_OK) {
        st = ras_xlsx_read_strings(&src->book, zip_chunk, src->zip, src->name, part, err);
        ras_zip_part_close(src->zip);
    }
    return st;
}

/* ---- the record source -------------------------------------------------- */

static ras_status source_next(void *ctx, ras_csv *r, bool *have, ras_error *err)
{
    xlsx_source *src = ctx;
    ras_status st = ras_sheet_next(&src->sheet, have, err);
    if (st != RAS_OK || !*have)
        return st;
    r->fields = src->sheet.fields;
    r->n_fields = src->sheet.n_fields;
    r->record_line = src->sheet.row;
    r->line = src->sheet.row;
    r->bad_field = -1; /* expat hands out UTF-8 only, and XML holds no NUL */
    r->bad_reason = NULL;
    return RAS_OK;
}

static void source_free(xlsx_source *src)
{
    ras_sheet_close(&src->sheet);
    ras_xlsx_book_free(&src->book);
    ras_zip_close(src->zip);
    free(src);
}

static void source_close(void *ctx, ras_csv *r)
{
    source_free(ctx);
    r->fields = NULL; /* the sheet's: not the CSV reader's to free */
    r->n_fields = 0;
}

static ras_status open_parts(xlsx_source *src, const char *sheet, ras_error *err)
{
    book_index idx;
    memset(&idx, 0, sizeof idx);
    ras_status st = parse_part(src->zip, src->name, "xl/workbook.xml", RAS_XLSX_PART_MAX,
                               "the limit on a part's size", &idx, book_start, err);
    if (st == RAS_OK)
        st = parse_part(src->zip, src->name, "xl/_rels/workbook.xml.rels", RAS_XLSX_PART_MAX,
                        "the limit on a part's size", &idx, rels_start, err);
    if (st == RAS_OK)
        st = find_sheet(&idx, src->name, sheet, src->part, err);
    if (st == RAS_OK)
        st = read_book(src, &idx, err);
    index_free(&idx);
    if (st == RAS_OK)
        st = ras_zip_part_open(src->zip, src->part, RAS_XLSX_SHEET_MAX,
                               "the limit on a sheet's size", err);
    if (st == RAS_OK)
        st =
            ras_sheet_open(&src->sheet, &src->book, zip_chunk, src->zip, src->name, src->part, err);
    return st;
}

ras_status ras_xlsx_open(ras_csv *r, FILE *in, const char *name, const char *sheet, ras_error *err)
{
    memset(r, 0, sizeof *r);
    r->name = name ? name : "";
    r->bad_field = -1;
    xlsx_source *src = calloc(1, sizeof *src);
    if (!src)
        return ras_fail(err, RAS_ERR_NOMEM, r->name, 0, 0, NULL, "out of memory");
    src->name = r->name;
    ras_status st = ras_zip_open(&src->zip, in, r->name, err);
    if (st == RAS_OK)
        st = open_parts(src, sheet, err);
    if (st != RAS_OK) {
        source_free(src);
        return st;
    }
    r->source = (ras_record_source){source_next, source_close, src};
    return RAS_OK;
}
