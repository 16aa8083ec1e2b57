/* records.c - a table's form told from its first bytes (records.h). */
#include "records.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "xlsx.h"

/* The bytes read to tell the form, handed back to the CSV reader first:
 * a pipe cannot be rewound. */
typedef struct peeked {
    ras_csv_read_fn read;
    void *ctx;
    unsigned char head[8];
    size_t len, pos;
} peeked;

static ras_status read_peeked(void *ctx, char *buf, size_t size, size_t *got)
{
    peeked *p = ctx;
    if (p->pos < p->len) {
        size_t n = p->len - p->pos < size ? p->len - p->pos : size;
        memcpy(buf, p->head + p->pos, n);
        p->pos += n;
        *got = n;
        return RAS_OK;
    }
    return p->read(p->ctx, buf, size, got);
}

static ras_status read_file(void *ctx, char *buf, size_t size, size_t *got)
{
    FILE *in = ctx;
    *got = fread(buf, 1, size, in);
    if (*got == 0 && ferror(in))
        return RAS_ERR_IO;
    return RAS_OK;
}

bool ras_records_workbook(const ras_csv *r)
{
    return r->source.next != NULL;
}

static void free_peeked(void *ctx, ras_csv *r)
{
    (void)r;
    free(ctx);
}

static bool ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);
    return n >= k && strcasecmp(name + n - k, suffix) == 0;
}

ras_status ras_records_open(ras_csv *r, FILE *in, ras_csv_read_fn read, void *read_ctx,
                            const char *name, const ras_read_options *opts, ras_error *err)
{
    static const unsigned char zip[] = {'P', 'K', 3, 4};
    static const unsigned char ole[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    memset(r, 0, sizeof *r);
    name = name ? name : "";
    peeked *p = calloc(1, sizeof *p);
    if (!p)
        return ras_fail(err, RAS_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
    p->read = read ? read : read_file;
    p->ctx = read ? read_ctx : in;
    errno = 0;
    ras_status st = RAS_OK;
    while (p->len < sizeof p->head) {
        size_t got = 0;
        st = p->read(p->ctx, (char *)p->head + p->len, sizeof p->head - p->len, &got);
        if (st != RAS_OK || got == 0)
            break;
        p->len += got;
    }
    if (st != RAS_OK) {
        int e = errno;
        free(p);
        return ras_fail(err, RAS_ERR_IO, name, 0, 0, NULL, "cannot read %s: %s", name,
                        e ? strerror(e) : "read error");
    }
    if (p->len >= sizeof zip && memcmp(p->head, zip, sizeof zip) == 0) {
        free(p);
        return ras_xlsx_open(r, in, name, opts ? opts->sheet : NULL, err);
    }
    if (p->len == sizeof ole && memcmp(p->head, ole, sizeof ole) == 0) {
        free(p);
        return ras_fail(err, RAS_ERR_SYNTAX, name, 0, 0, NULL,
                        "an encrypted workbook or an Excel 97-2003 (.xls) file, which ras cannot "
                        "read: save it as .xlsx without a password, or as CSV");
    }
    if (ends_with(name, ".xlsx") || ends_with(name, ".xlsm")) {
        free(p);
        return ras_fail(err, RAS_ERR_SYNTAX, name, 0, 0, NULL,
                        "named as a workbook but not one (an .xlsx file is a zip): save it from "
                        "Excel as .xlsx, or name a CSV file .csv");
    }
    if (opts && opts->sheet) {
        free(p);
        return ras_fail(err, RAS_ERR_SYNTAX, name, 0, 0, NULL,
                        "--sheet names a sheet of a workbook, but this is a CSV file");
    }
    st = ras_csv_open(r, read_peeked, p, name, err);
    if (st != RAS_OK) {
        free(p);
        return st;
    }
    r->source.close = free_peeked;
    r->source.ctx = p;
    return RAS_OK;
}
