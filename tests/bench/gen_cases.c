/* gen_cases.c - writes N deterministic cases for the benchmark model
 * (tests/bench/model) as a batch CSV on standard output:
 *   gen_cases N [SEED] [messy]
 * The same N and seed always give the same bytes. With "messy" the same
 * cases are written as a council's export writes them (docs/exports.md):
 * Windows-1252, semicolons, header words (`Client ID`, `Q01`), UK dates,
 * amounts as `£7,800.00`, yes/no as Y/N, answers by their text
 * (`Answer b`, several joined by ` | `) and a Notes column ras ignores;
 * they must score exactly as the clean ones. The shape is that of a
 * case-management export, about 97 bytes a row: short client ids, one-letter
 * answer ids, one-digit numbers, the client fields mostly blank. A few rows
 * name a group, a date (so both scoring tables are used) or an existing
 * package; one row in 1000 has a quoted client id and one in 1000 a bad
 * answer (an error row), as real exports have. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long next(unsigned long long *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 33;
}

/* Appends v as seven decimal digits, zero-padded, at p; returns the new end. */
static char *put_u(char *p, unsigned long long v)
{
    for (int k = 6; k >= 0; k--, v /= 10)
        p[k] = (char)('0' + v % 10);
    return p + 7;
}

static char *put_s(char *p, const char *s)
{
    size_t n = strlen(s);
    memcpy(p, s, n);
    return p + n;
}

/* The day of an ISO date written UK style, 01/06/2023. */
static char *put_uk_date(char *p, const char *iso)
{
    char *q = p;
    memcpy(q, iso + 8, 2);
    q[2] = '/';
    memcpy(q + 3, iso + 5, 2);
    q[5] = '/';
    memcpy(q + 6, iso, 4);
    return q + 10;
}

/* One answer id a..e: itself, or in a messy export its text, which the
 * model writes "Answer a" (single questions) or "Activity a" (multiple). */
static char *put_answer(char *p, char id, int messy, const char *text)
{
    if (messy)
        p = put_s(p, text);
    *p++ = id;
    return p;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: gen_cases N [SEED] [messy]\n");
        return 2;
    }
    unsigned long long n = strtoull(argv[1], NULL, 10);
    unsigned long long s = argc > 2 ? strtoull(argv[2], NULL, 10) : 42;
    int messy = argc > 3 && strcmp(argv[3], "messy") == 0;
    char d = messy ? ';' : ',';
    static const char *const dates[] = {"2023-06-01", "2024-05-12", "2024-11-30", "2025-02-03"};
    static char obuf[1 << 16];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    if (messy)
        fputs("Client ID;Group;New Client;Needs Increased;Existing Package;Assessed On", stdout);
    else
        fputs("client_id,group,new_client,needs_increased,existing_package,assessed_on", stdout);
    for (int q = 1; q <= 40; q++)
        printf(messy ? ";Q%02d" : ",q%02d", q);
    fputs(messy ? ";Notes\r\n" : "\n", stdout);
    char row[1024];
    for (unsigned long long i = 0; i < n; i++) {
        unsigned long long r = next(&s);
        char *p = row;
        if (i % 1000 == 500) {
            p = put_s(p, "\"C");
            p = put_u(p, i);
            p = put_s(p, ", jr\"");
        } else {
            *p++ = 'C';
            p = put_u(p, i);
        }
        *p++ = d;
        if (r % 10 == 0)
            p = put_s(p, messy ? "OLDER" : "older");
        *p++ = d;
        if (r % 20 == 1)
            *p++ = messy ? 'N' : 'n';
        *p++ = d;
        if (r % 60 == 7)
            *p++ = messy ? 'Y' : 'y';
        *p++ = d;
        if (r % 20 == 1)
            p = put_s(p, messy ? "\xa3"
                                 "7,800.00"
                               : "7800.00"); /* £ in Windows-1252 */
        *p++ = d;
        if ((r >> 8) % 20 == 0) {
            const char *date = dates[(r >> 13) % 4];
            p = messy ? put_uk_date(p, date) : put_s(p, date);
        }
        for (int q = 1; q <= 40; q++) {
            unsigned long long v = next(&s);
            *p++ = d;
            if (q % 5 == 4)
                *p++ = (char)('0' + v % 8); /* number 0..7 */
            else if (q % 5 == 0) {
                /* multiple: none, one or two distinct ids of a to e */
                unsigned long long a = v % 5, b = (v >> 4) % 5, k = (v >> 8) % 3;
                if (k >= 1)
                    p = put_answer(p, (char)('a' + a), messy, "Activity ");
                if (k == 2 && a != b) {
                    p = messy ? put_s(p, " | ") : put_s(p, ";");
                    p = put_answer(p, (char)('a' + b), messy, "Activity ");
                }
            } else if (i % 1000 == 999 && q == 1)
                *p++ = 'x'; /* one bad answer per 1000 rows */
            else
                p = put_answer(p, (char)('a' + v % 4), messy, "Answer ");
        }
        if (messy) {
            *p++ = ';';
            if (r % 7 == 3)
                p = put_s(p, "Caf\xe9 visits, says he is 5\" tall"); /* é; a bare quote */
            *p++ = '\r';
        }
        *p++ = '\n';
        fwrite(row, 1, (size_t)(p - row), stdout);
    }
    return 0;
}
