/* fuzz_sheet.c - the workbook sheet reader (xlsx.h). The input is a
 * worksheet's XML, streamed through the reader in small chunks (so rows
 * and cells straddle reads and the parser's suspend and resume are
 * exercised), with a book of three shared strings and a date style. Every
 * row handed out must be well formed: fields within the reader's record,
 * no wider than the limit on columns, row numbers rising; an error must
 * carry a status and a message. */
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "xlsx.h"

typedef struct chunks {
    const uint8_t *data;
    size_t size, pos, step;
} chunks;

static ras_status read_chunk(void *ctx, char *buf, size_t size, size_t *got, ras_error *err)
{
    (void)err;
    chunks *c = ctx;
    size_t n = c->size - c->pos;
    if (n > c->step)
        n = c->step;
    if (n > size)
        n = size;
    memcpy(buf, c->data + c->pos, n);
    c->pos += n;
    *got = n;
    return RAS_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char text[] = "client_idwashing3";
    static uint32_t start[] = {0, 9, 16, 17};
    static unsigned char date_style[] = {0, 1, 0};
    ras_xlsx_book book = {text, sizeof text - 1,           sizeof text, start, 3, 4, date_style,
                          3,    size > 0 && data[0] == '1'};
    chunks in = {data, size, 0, size > 1 ? 1u + data[size - 1] % 97u : 1u};
    ras_sheet s;
    ras_error err;
    ras_error_clear(&err);
    ras_status st = ras_sheet_open(&s, &book, read_chunk, &in, "fuzz.xlsx", "sheet.xml", &err);
    unsigned long last = 0;
    for (size_t rows = 0; st == RAS_OK && rows < 100000; rows++) {
        bool have;
        st = ras_sheet_next(&s, &have, &err);
        if (st != RAS_OK || !have)
            break;
        RAS_FUZZ_CHECK(s.row > last);
        last = s.row;
        RAS_FUZZ_CHECK(s.n_fields >= 1 && s.n_fields <= RAS_XLSX_COLUMNS_MAX);
        for (size_t i = 0; i < s.n_fields; i++) {
            const ras_csv_field *f = &s.fields[i];
            RAS_FUZZ_CHECK(f->text >= s.rec && f->text + f->len <= s.rec + s.rec_len);
        }
    }
    if (st != RAS_OK)
        RAS_FUZZ_CHECK(err.status == st && err.message[0] != '\0');
    ras_sheet_close(&s);
    return 0;
}
