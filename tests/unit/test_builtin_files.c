/* test_builtin_files.c - ras_builtin_files hands out the exact bytes of
 * config/NAME/ for every built-in model (what `ras init` writes), the
 * default for NULL, and a located error for an unknown name. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file a source was embedded from: "builtin:NAME/FILE" ->
 * RAS_CONFIG_DIR/NAME/FILE. */
static void disk_path(const ras_source *src, char *buf, size_t size)
{
    const char *rest = src->name + strlen("builtin:");
    assert_int_equal(strncmp(src->name, "builtin:", strlen("builtin:")), 0);
    snprintf(buf, size, "%s/%s", RAS_CONFIG_DIR, rest);
}

static void test_every_model_matches_config(void **state)
{
    (void)state;
    const char *const *names = ras_builtin_models();
    size_t checked = 0;

    for (size_t i = 0; names[i] != NULL; i++) {
        const ras_source *files = NULL;
        size_t n = 0;
        ras_error err;
        char prefix[128];

        assert_int_equal(ras_builtin_files(names[i], &files, &n, &err), RAS_OK);
        assert_non_null(files);
        assert_true(n >= 2); /* a questionnaire and at least one table */
        snprintf(prefix, sizeof prefix, "builtin:%s/", names[i]);
        for (size_t k = 0; k < n; k++) {
            char path[512];
            size_t size = 0;
            char *disk;
            assert_int_equal(strncmp(files[k].name, prefix, strlen(prefix)), 0);
            disk_path(&files[k], path, sizeof path);
            disk = test_read_file(path, &size);
            assert_non_null(disk);
            assert_int_equal(files[k].size, size);
            assert_memory_equal(files[k].data, disk, size);
            free(disk);
            checked++;
        }
        /* The questionnaire comes first, then any older questionnaire
         * versions, then scoring*.yaml. */
        assert_string_equal(strrchr(files[0].name, '/'), "/questionnaire.yaml");
        size_t k = 1;
        while (k < n && strncmp(strrchr(files[k].name, '/'), "/questionnaire", 14) == 0)
            k++;
        for (; k < n; k++)
            assert_int_equal(strncmp(strrchr(files[k].name, '/'), "/scoring", 8), 0);
    }
    assert_true(checked >= 6);
}

static void test_starter_loads(void **state)
{
    (void)state;
    const ras_source *files = NULL;
    size_t n = 0;
    ras_model *m = NULL;
    ras_error err;

    assert_int_equal(ras_builtin_files("starter", &files, &n, &err), RAS_OK);
    assert_int_equal(n, 2);
    assert_string_equal(files[1].name, "builtin:starter/scoring.yaml");
    assert_int_equal(ras_model_load(&files[0], &files[1], 1, &m, &err), RAS_OK);
    assert_string_equal(ras_model_id(m), "starter-saq");
    ras_model_free(m);
}

static void test_default_is_first(void **state)
{
    (void)state;
    const ras_source *files = NULL;
    size_t n = 0;
    ras_error err;

    assert_int_equal(ras_builtin_files(NULL, &files, &n, &err), RAS_OK);
    assert_string_equal(files[0].name, "builtin:adult/questionnaire.yaml");
}

static void test_errors(void **state)
{
    (void)state;
    const ras_source *files = (const ras_source *)1;
    size_t n = 99;
    ras_error err;

    ras_error_clear(&err);
    assert_int_equal(ras_builtin_files("no-such", &files, &n, &err), RAS_ERR_ARG);
    assert_null(files);
    assert_int_equal(n, 0);
    assert_string_equal(err.subject, "no-such");
    assert_string_equal(err.message, "no built-in model is named 'no-such'");
    assert_int_equal(ras_builtin_files("adult", NULL, &n, &err), RAS_ERR_ARG);
    assert_int_equal(ras_builtin_files("adult", &files, NULL, NULL), RAS_ERR_ARG);
    assert_null(files);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_model_matches_config),
        cmocka_unit_test(test_starter_loads),
        cmocka_unit_test(test_default_is_first),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
