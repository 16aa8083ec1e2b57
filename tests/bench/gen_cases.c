/* gen_cases.c - writes N deterministic cases for the benchmark model
 * (tests/bench/model) as a batch CSV on standard output:
 *   gen_cases N [SEED]
 * The same N and seed always give the same bytes. Mostly valid rows, with
 * a few blanks and one bad answer in every 1000 rows, as real exports have. */
#include <stdio.h>
#include <stdlib.h>

static unsigned long long next(unsigned long long *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 33;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: gen_cases N [SEED]\n");
        return 2;
    }
    unsigned long long n = strtoull(argv[1], NULL, 10);
    unsigned long long s = argc > 2 ? strtoull(argv[2], NULL, 10) : 42;
    static const char *const single[] = {"none", "little", "some", "most", "all"};
    static const char *const multi[] = {"shopping", "swimming", "cinema", "church", "garden"};
    static const char *const dates[] = {"2023-06-01", "2024-05-12", "", "2024-11-30"};
    static char obuf[1 << 16];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    fputs("client_id,group,new_client,needs_increased,existing_package,assessed_on", stdout);
    for (int q = 1; q <= 40; q++)
        printf(",q%02d", q);
    fputs("\n", stdout);
    for (unsigned long long i = 0; i < n; i++) {
        unsigned long long r = next(&s);
        printf("C%08llu,%s,%s,%s,%s,%s", i, r % 5 == 0 ? "older_people" : "",
               r % 11 == 0 ? "no" : "", r % 13 == 0 ? "yes" : "", r % 11 == 0 ? "7800.00" : "",
               dates[(r >> 8) % 4]);
        for (int q = 1; q <= 40; q++) {
            unsigned long long v = next(&s);
            putchar(',');
            if (q % 5 == 4)
                printf("%llu", v % 8); /* number 0..7 */
            else if (q % 5 == 0) {
                /* multiple: up to two distinct ids, quoted when two */
                unsigned long long a = v % 5, b = (v >> 4) % 5, k = (v >> 8) % 3;
                if (k == 1)
                    fputs(multi[a], stdout);
                else if (k == 2 && a != b)
                    printf("\"%s;%s\"", multi[a], multi[b]);
            } else if (i % 1000 == 999 && q == 1)
                fputs("sometimes", stdout); /* one bad answer per 1000 rows */
            else
                fputs(single[v % 5], stdout);
        }
        putchar('\n');
    }
    return 0;
}
