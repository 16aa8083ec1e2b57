/* gen_cases.c - writes N deterministic cases for the benchmark model
 * (tests/bench/model) as a batch CSV on standard output:
 *   gen_cases N [SEED]
 * The same N and seed always give the same bytes. The shape is that of a
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

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: gen_cases N [SEED]\n");
        return 2;
    }
    unsigned long long n = strtoull(argv[1], NULL, 10);
    unsigned long long s = argc > 2 ? strtoull(argv[2], NULL, 10) : 42;
    static const char *const dates[] = {"2023-06-01", "2024-05-12", "2024-11-30", "2025-02-03"};
    static char obuf[1 << 16];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    fputs("client_id,group,new_client,needs_increased,existing_package,assessed_on", stdout);
    for (int q = 1; q <= 40; q++)
        printf(",q%02d", q);
    fputs("\n", stdout);
    char row[512];
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
        *p++ = ',';
        if (r % 10 == 0)
            p = put_s(p, "older");
        *p++ = ',';
        if (r % 20 == 1)
            *p++ = 'n';
        *p++ = ',';
        if (r % 60 == 7)
            *p++ = 'y';
        *p++ = ',';
        if (r % 20 == 1)
            p = put_s(p, "7800.00");
        *p++ = ',';
        if ((r >> 8) % 20 == 0)
            p = put_s(p, dates[(r >> 13) % 4]);
        for (int q = 1; q <= 40; q++) {
            unsigned long long v = next(&s);
            *p++ = ',';
            if (q % 5 == 4)
                *p++ = (char)('0' + v % 8); /* number 0..7 */
            else if (q % 5 == 0) {
                /* multiple: none, one or two distinct ids of a to e */
                unsigned long long a = v % 5, b = (v >> 4) % 5, k = (v >> 8) % 3;
                if (k >= 1)
                    *p++ = (char)('a' + a);
                if (k == 2 && a != b) {
                    *p++ = ';';
                    *p++ = (char)('a' + b);
                }
            } else if (i % 1000 == 999 && q == 1)
                *p++ = 'x'; /* one bad answer per 1000 rows */
            else
                *p++ = (char)('a' + v % 4);
        }
        *p++ = '\n';
        fwrite(row, 1, (size_t)(p - row), stdout);
    }
    return 0;
}
