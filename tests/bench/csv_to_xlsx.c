/* csv_to_xlsx.c - the benchmark's cases as a workbook, for the .xlsx
 * figures of bench_xlsx.sh:
 *   csv_to_xlsx IN.csv OUT.xlsx
 * One sheet, the CSV's header and rows; a cell of digits (and one point)
 * is written as a number, as a spreadsheet holds it, anything else as
 * text. Written with libxlsxwriter in constant-memory mode, so its
 * strings are inline, as openpyxl writes them. A quoted field may hold
 * commas and doubled quotes (gen_cases.c writes a few, "C0000500, jr");
 * a record is one line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static int numeric(const char *s)
{
    int digits = 0, points = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9')
            digits++;
        else if (*s == '.')
            points++;
        else
            return 0;
    }
    return digits > 0 && points <= 1;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: csv_to_xlsx IN.csv OUT.xlsx\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    lxw_workbook_options o = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(argv[2], &o);
    if (!in || !wb)
        return 1;
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Cases");
    char line[65536];
    for (lxw_row_t row = 0; fgets(line, sizeof line, in); row++) {
        line[strcspn(line, "\r\n")] = '\0';
        lxw_col_t col = 0;
        for (char *p = line; p; col++) {
            char *field = p, *w = p;
            if (*p == '"') { /* to the closing quote; "" is one quote */
                for (p++; *p && !(p[0] == '"' && p[1] != '"'); p++) {
                    if (p[0] == '"')
                        p++;
                    *w++ = *p;
                }
                if (*p == '"')
                    p++;
            } else {
                for (; *p && *p != ','; p++)
                    *w++ = *p;
            }
            p = *p == ',' ? p + 1 : NULL;
            *w = '\0';
            if (*field == '\0')
                continue;
            if (row > 0 && numeric(field))
                worksheet_write_number(ws, row, col, strtod(field, NULL), NULL);
            else
                worksheet_write_string(ws, row, col, field, NULL);
        }
    }
    fclose(in);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
