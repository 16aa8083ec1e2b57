/* test_xlsx.c - the workbook reader's pieces without a zip: the sheet
 * reader on XML in memory (cell types, dates in both systems, Excel's
 * general number format, missing cells, empty rows, rows as wide as the
 * header, each fed whole and a byte at a time), which number formats
 * show dates, the shared strings' limit, and the XML refusals (a DTD,
 * a bad encoding, an out-of-order cell). */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

typedef struct mem {
    const char *data;
    size_t size, at, step;
} mem;

static ras_status mem_read(void *ctx, char *buf, size_t size, size_t *got, ras_error *err)
{
    (void)err;
    mem *m = ctx;
    size_t n = m->size - m->at;
    if (m->step && n > m->step)
        n = m->step;
    if (n > size)
        n = size;
    memcpy(buf, m->data + m->at, n);
    m->at += n;
    *got = n;
    return RAS_OK;
}

static char strings_text[] = "client_idwashingsome";
static uint32_t strings_start[] = {0, 9, 16, 20};
static unsigned char date_styles[] = {0, 1};

static ras_xlsx_book test_book(bool date1904)
{
    ras_xlsx_book b = {strings_text, 20, 21, strings_start, 3, 4, date_styles, 2, date1904};
    return b;
}

/* The rows of a sheet as "a|b|c" lines, or the error's message. */
static void read_sheet(const char *xml, size_t step, bool date1904, char *out, size_t size)
{
    ras_xlsx_book book = test_book(date1904);
    mem m = {xml, strlen(xml), 0, step};
    ras_sheet s;
    ras_error err;
    size_t at = 0;
    out[0] = '\0';
    ras_status st = ras_sheet_open(&s, &book, mem_read, &m, "t.xlsx", "sheet.xml", &err);
    for (;;) {
        bool have;
        if (st == RAS_OK)
            st = ras_sheet_next(&s, &have, &err);
        if (st != RAS_OK) {
            snprintf(out + at, size - at, "error %lu: %s", err.line, err.message);
            break;
        }
        if (!have)
            break;
        at += (size_t)snprintf(out + at, size - at, "%lu:", s.row);
        for (size_t i = 0; i < s.n_fields; i++)
            at += (size_t)snprintf(out + at, size - at, "%s%.*s", i ? "|" : "",
                                   (int)s.fields[i].len, s.fields[i].text);
        at += (size_t)snprintf(out + at, size - at, "\n");
    }
    ras_sheet_close(&s);
}

static void expect_sheet(const char *xml, const char *want, bool date1904)
{
    char got[4096];
    size_t steps[] = {0, 1, 7};
    for (size_t i = 0; i < 3; i++) {
        read_sheet(xml, steps[i], date1904, got, sizeof got);
        if (strcmp(got, want) != 0) {
            print_error("step %zu:\n got: %s\nwant: %s\n", steps[i], got, want);
            fail();
        }
    }
}

#define SHEET(rows) "<?xml version=\"1.0\"?><worksheet><sheetData>" rows "</sheetData></worksheet>"

static void test_cell_types(void **state)
{
    (void)state;
    expect_sheet(SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v>"
                       "</c><c r=\"C1\" t=\"inlineStr\"><is><t>when</t></is></c>"
                       "<c r=\"D1\" t=\"inlineStr\"><is><r><t>ok</t></r><r><t>?</t></r>"
                       "<rPh><t>x</t></rPh></is></c><c r=\"E1\"><v>1</v></c></row>"
                       "<row r=\"2\"><c r=\"A2\" t=\"str\"><f>A1</f><v>C&amp;1</v></c>"
                       "<c r=\"B2\" t=\"s\"><v>2</v></c><c r=\"C2\" s=\"1\"><v>45839.75</v></c>"
                       "<c r=\"D2\" t=\"b\"><v>1</v></c><c r=\"E2\"><f>1+2</f><v>3</v></c></row>"
                       "<row r=\"3\"><c r=\"A3\" t=\"b\"><v>0</v></c><c r=\"B3\" t=\"e\">"
                       "<v>#N/A</v></c><c r=\"C3\"><v>30340.970000000001</v></c>"
                       "<c r=\"D3\"><v>1E-3</v></c><c r=\"E3\"><v>-2.5</v></c></row>"),
                 "1:client_id|washing|when|ok?|1\n"
                 "2:C&1|some|2025-07-01|yes|3\n"
                 "3:no|#N/A|30340.97|0.001|-2.5\n",
                 false);
}

static void test_dates(void **state)
{
    (void)state;
    /* 1900 system: 1 is 1900-01-01, 59 is 1900-02-28, 60 the 29 February
     * that never was (kept as the number), 61 is 1900-03-01. */
    expect_sheet(SHEET("<row><c s=\"1\"><v>1</v></c><c s=\"1\"><v>59</v></c><c s=\"1\"><v>60</v>"
                       "</c><c s=\"1\"><v>61</v></c><c s=\"1\"><v>2958465</v></c>"
                       "<c s=\"1\"><v>0</v></c><c s=\"1\"><v>x</v></c></row>"),
                 "1:1900-01-01|1900-02-28|60|1900-03-01|9999-12-31|0|x\n", false);
    expect_sheet(SHEET("<row><c s=\"1\"><v>0.5</v></c><c s=\"1\"><v>1</v></c>"
                       "<c s=\"1\"><v>44378</v></c></row>"),
                 "1:0.5|1904-01-02|2025-07-02\n", true);
    /* a style past the styles read is no date */
    expect_sheet(SHEET("<row><c s=\"9\"><v>45839</v></c></row>"), "1:45839\n", false);
}

static void test_rows_and_gaps(void **state)
{
    (void)state;
    /* missing cells are empty; an empty row (or one of empty cells) is
     * skipped; a row is as wide as the header; the header is the first
     * row holding anything */
    expect_sheet(SHEET("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c><c r=\"D2\" t=\"s\"><v>1</v>"
                       "</c><c r=\"E2\" s=\"0\"/></row><row r=\"3\"/><row r=\"4\"><c r=\"A4\" "
                       "t=\"inlineStr\"><is><t></t></is></c></row><row r=\"7\"><c r=\"C7\">"
                       "<v>5</v></c></row><row r=\"8\"><c r=\"F8\"><v>6</v></c></row>"),
                 "2:|client_id||washing\n7:||5|\n8:|||||6\n", false);
    expect_sheet(SHEET(""), "", false);
    expect_sheet("<worksheet/>", "", false);
}

static void test_refused(void **state)
{
    (void)state;
    char got[1024];
    read_sheet("<!DOCTYPE w [<!ENTITY a \"x\">]><worksheet/>", 0, false, got, sizeof got);
    assert_non_null(strstr(got, "sheet.xml, line 1, column"));
    assert_non_null(strstr(got, "document type declaration"));
    read_sheet("<?xml version=\"1.0\" encoding=\"windows-1252\"?><worksheet/>", 0, false, got,
               sizeof got);
    assert_non_null(strstr(got, "an encoding a workbook does not use"));
    read_sheet(SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>\xa3"
                     "</v></c></row>"),
               0, false, got, sizeof got);
    assert_non_null(strstr(got, "error 2: sheet.xml, line 1"));
    assert_non_null(strstr(got, "not UTF-8"));
    read_sheet(SHEET("<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>"), 0,
               false, got, sizeof got);
    assert_non_null(strstr(got, "comes after the cells right of it"));
    read_sheet(SHEET("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"), 0, false, got, sizeof got);
    assert_non_null(strstr(got, "the limit on columns"));
    read_sheet(SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>3</v></c></row>"), 0, false, got,
               sizeof got);
    assert_non_null(strstr(got, "cell A1 names shared string '3', but the workbook has 3"));
    read_sheet(SHEET("<row r=\"5\"/><row r=\"4\"/>"), 0, false, got, sizeof got);
    assert_non_null(strstr(got, "not a row number after row 5"));
}

static void test_date_formats(void **state)
{
    (void)state;
    assert_true(ras_xlsx_date_format(14, NULL));
    assert_true(ras_xlsx_date_format(22, NULL));
    assert_false(ras_xlsx_date_format(20, NULL)); /* h:mm */
    assert_false(ras_xlsx_date_format(0, NULL));
    assert_false(ras_xlsx_date_format(4, "#,##0.00"));
    assert_true(ras_xlsx_date_format(164, "dd/mm/yyyy"));
    assert_true(ras_xlsx_date_format(165, "[$-809]d mmmm yyyy;@"));
    assert_false(ras_xlsx_date_format(166, "\"\xc2\xa3\"#,##0.00"));
    assert_false(ras_xlsx_date_format(167, "[Red]0.00\\d"));
    assert_false(ras_xlsx_date_format(168, "\"days\" 0"));
    assert_false(ras_xlsx_date_format(169, "h:mm:ss"));
}

/* Endless shared strings: <si><t>xxxx...</t></si> over and over. */
typedef struct endless {
    size_t sent;
    size_t each;
} endless;

static ras_status endless_read(void *ctx, char *buf, size_t size, size_t *got, ras_error *err)
{
    (void)err;
    endless *e = ctx;
    size_t n = 0;
    if (e->sent == 0) {
        static const char head[] = "<sst>";
        memcpy(buf, head, sizeof head - 1);
        n = sizeof head - 1;
    }
    while (n + e->each + 16 < size) {
        memcpy(buf + n, "<si><t>", 7);
        memset(buf + n + 7, 'x', e->each);
        memcpy(buf + n + 7 + e->each, "</t></si>", 9);
        n += e->each + 16;
    }
    e->sent += n;
    *got = n;
    return RAS_OK;
}

static void test_strings_limits(void **state)
{
    (void)state;
    ras_xlsx_book b;
    ras_error err;
    memset(&b, 0, sizeof b);
    endless e = {0, 4000};
    assert_int_equal(
        ras_xlsx_read_strings(&b, endless_read, &e, "t.xlsx", "xl/sharedStrings.xml", &err),
        RAS_ERR_LIMIT);
    assert_non_null(strstr(err.message, "xl/sharedStrings.xml"));
    assert_non_null(strstr(err.message, "the limit on shared strings' size"));
    ras_xlsx_book_free(&b);
    memset(&b, 0, sizeof b);
    endless few = {0, 1};
    assert_int_equal(
        ras_xlsx_read_strings(&b, endless_read, &few, "t.xlsx", "xl/sharedStrings.xml", &err),
        RAS_ERR_LIMIT);
    assert_non_null(strstr(err.message, "the limit on shared strings"));
    ras_xlsx_book_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cell_types),    cmocka_unit_test(test_dates),
        cmocka_unit_test(test_rows_and_gaps), cmocka_unit_test(test_refused),
        cmocka_unit_test(test_date_formats),  cmocka_unit_test(test_strings_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
