#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ras_status load(const char *questionnaire, const char *table, ras_model **m, ras_error *err)
{
    ras_source q = {"questionnaire.yaml", questionnaire, strlen(questionnaire)};
    ras_source t = {"scoring.yaml", table, strlen(table)};
    return ras_model_load(&q, &t, 1, m, err);
}

ras_model *test_model(const char *questionnaire, const char *table)
{
    ras_model *m = NULL;
    ras_error err;
    ras_error_clear(&err);
    if (load(questionnaire, table, &m, &err) != RAS_OK) {
        char buf[1024];
        ras_error_format(&err, buf, sizeof buf);
        fail_msg("model did not load: %s", buf);
    }
    return m;
}

ras_status test_model_error(const char *questionnaire, const char *table, ras_error *err)
{
    ras_model *m = NULL;
    ras_error_clear(err);
    ras_status st = load(questionnaire, table, &m, err);
    ras_model_free(m);
    return st;
}

char *test_read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 8192;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    if (size)
        *size = n;
    return buf;
}

char *test_batch_text(const ras_model *m, const char *csv)
{
    FILE *in = tmpfile(), *out = tmpfile();
    assert_non_null(in);
    assert_non_null(out);
    assert_int_equal(fwrite(csv, 1, strlen(csv), in), strlen(csv));
    rewind(in);
    ras_batch_summary sum;
    ras_error err;
    ras_error_clear(&err);
    assert_int_equal(ras_batch(m, in, "cases.csv", NULL, out, &sum, NULL, NULL, &err), RAS_OK);
    long n = ftell(out);
    assert_true(n >= 0);
    rewind(out);
    char *text = calloc((size_t)n + 1, 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)n, out), (size_t)n);
    fclose(in);
    fclose(out);
    return text;
}
