/* fuzz_cells.c - the parsers of cell values as exports write them
 * (docs/exports.md): ras_money_parse_lenient, ras_date_parse_lenient in
 * both orders, and the header-name normaliser. The input is one cell.
 *
 * Checked promises: a parser that succeeds gives a value the strict form
 * reads back (money: formatted plainly and parsed again; dates: a day
 * that exists, formatted as ISO and read back leniently to the same
 * date); a refusal leaves the output untouched and a one-line message
 * with no control character; an ISO date reads the same in both orders;
 * the header normal form is never longer than its input, and is its own
 * normal form. */
#include <string.h>

#include "fuzz.h"
#include "header_name.h"

static void check_message(const ras_error *err)
{
    for (const char *p = err->message; *p; p++)
        if ((unsigned char)*p < 0x20)
            abort();
}

static void money(const char *text, size_t len)
{
    ras_pence v = -7;
    ras_error err;
    if (ras_money_parse_lenient(text, len, &v, &err) != RAS_OK) {
        if (v != -7)
            abort();
        check_message(&err);
        return;
    }
    char plain[64];
    size_t n = ras_money_format(v, RAS_MONEY_PLAIN, NULL, plain, sizeof plain);
    ras_pence back = -1;
    if (v < 0 || n >= sizeof plain || ras_money_parse(plain, n, &back) != RAS_OK || back != v)
        abort();
}

static void date(const char *text, size_t len, ras_date_order order)
{
    ras_date d = -7;
    ras_error err;
    if (ras_date_parse_lenient(text, len, order, &d, &err) != RAS_OK) {
        if (d != -7)
            abort();
        check_message(&err);
        return;
    }
    char iso[11];
    ras_date_format(d, iso);
    ras_date strict = 0, other = 0;
    if (ras_date_parse(iso, 10, &strict) != RAS_OK || strict != d ||
        ras_date_parse_lenient(iso, 10, order == RAS_DATES_DMY ? RAS_DATES_MDY : RAS_DATES_DMY,
                               &other, NULL) != RAS_OK ||
        other != d)
        abort();
}

static void header(const char *text, size_t len)
{
    char *out = malloc(len ? len : 1), *again = malloc(len ? len : 1);
    if (!out || !again)
        abort();
    size_t n = ras_header_normalise(text, len, out);
    if (n > len || ras_header_normalise(out, n, again) != n || memcmp(out, again, n) != 0 ||
        !ras_header_same(text, len, out, n))
        abort();
    free(out);
    free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    money(text, size);
    date(text, size, RAS_DATES_DMY);
    date(text, size, RAS_DATES_MDY);
    header(text, size);
    return 0;
}
