/* batch_driver.c - times ras_batch alone (no CLI): batch_driver MODEL_DIR
 * IN.csv OUT.csv; prints rows, seconds, rows/s and MB/s on stderr. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ras.h"

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: batch_driver MODEL_DIR IN.csv OUT.csv\n");
        return 2;
    }
    ras_model *m = NULL;
    ras_error err;
    ras_error_clear(&err);
    if (ras_model_load_dir(argv[1], &m, &err) != RAS_OK) {
        fprintf(stderr, "model: %s\n", err.message);
        return 3;
    }
    FILE *in = fopen(argv[2], "rb"), *out = fopen(argv[3], "wb");
    if (!in || !out) {
        fprintf(stderr, "cannot open files\n");
        return 4;
    }
    fseek(in, 0, SEEK_END);
    double mb = (double)ftell(in) / 1e6;
    rewind(in);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ras_batch_summary s;
    ras_status st = ras_batch(m, in, argv[2], NULL, out, &s, NULL, NULL, &err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    fprintf(stderr, "status %s, rows %llu ok %llu errors %llu\n", ras_status_name(st),
            (unsigned long long)s.rows, (unsigned long long)s.ok, (unsigned long long)s.errors);
    fprintf(stderr, "ras_batch: %.3f s, %.0f rows/s, %.1f MB/s\n", secs, (double)s.rows / secs,
            mb / secs);
    fclose(in);
    fclose(out);
    ras_model_free(m);
    return st == RAS_OK ? 0 : 1;
}
