/* compare_tables.c - loading the tables `ras compare` prices with. */
#include "compare_tables.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "report.h"

/* A whole file's bytes into *buf (free it), as a named source. */
static ras_exit read_source(const char *path, ras_source *src, char **buf)
{
    FILE *f = fopen(path, "rb");
    long size = -1;
    *buf = NULL;
    if (f && fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (f && size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (*buf = malloc((size_t)size + 1)) &&
        fread(*buf, 1, (size_t)size, f) == (size_t)size) {
        fclose(f);
        *src = (ras_source){path, *buf, (size_t)size};
        return RAS_EXIT_OK;
    }
    int e = errno;
    if (f)
        fclose(f);
    free(*buf);
    *buf = NULL;
    ras_cli_say("cannot read %s: %s", path, strerror(e ? e : EIO));
    return RAS_EXIT_IO;
}

/* The questionnaire's bytes: a built-in model's own (*buf NULL), else the
 * file's. */
static ras_exit questionnaire_source(const ras_model *base, ras_source *src, char **buf)
{
    const char *file = ras_model_file(base);
    *buf = NULL;
    for (const char *const *name = ras_builtin_models(); *name; name++) {
        const ras_source *files;
        size_t n;
        if (ras_builtin_files(*name, &files, &n, NULL) == RAS_OK && n > 0 &&
            strcmp(files[0].name, file) == 0) {
            *src = files[0];
            return RAS_EXIT_OK;
        }
    }
    return read_source(file, src, buf);
}

static ras_exit load_folder(const ras_model *base, const char *dir, ras_model **out)
{
    ras_error err;
    ras_status st = ras_model_load_dir(dir, out, &err);
    if (st != RAS_OK) {
        ras_cli_report(&err, dir);
        return ras_cli_model_exit(st);
    }
    if (strcmp(ras_model_fingerprint(*out), ras_model_fingerprint(base)) != 0) {
        ras_cli_say("%s: the questionnaire differs from %s: both tables must price the same "
                    "questionnaire",
                    ras_model_file(*out), ras_model_file(base));
        ras_model_free(*out);
        *out = NULL;
        return RAS_EXIT_USAGE;
    }
    return RAS_EXIT_OK;
}

static ras_exit load_table(const ras_model *base, const char *path, ras_model **out)
{
    struct stat st;
    *out = NULL;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return load_folder(base, path, out);
    ras_source q, table;
    char *q_buf, *t_buf;
    ras_exit rc = questionnaire_source(base, &q, &q_buf);
    if (rc == RAS_EXIT_OK && (rc = read_source(path, &table, &t_buf)) != RAS_EXIT_OK)
        free(q_buf);
    if (rc != RAS_EXIT_OK)
        return rc;
    ras_error err;
    ras_status s = ras_model_load(&q, &table, 1, out, &err);
    free(q_buf);
    free(t_buf);
    if (s != RAS_OK) {
        ras_cli_report(&err, path);
        return ras_cli_model_exit(s);
    }
    return RAS_EXIT_OK;
}

ras_exit ras_cli_model_for_table(const ras_model *base, const char *path, ras_model **out)
{
    ras_exit rc = load_table(base, path, out);
    if (rc == RAS_EXIT_OK) /* its cases read dates as base's do (--dates) */
        ras_model_set_date_order(*out, ras_model_date_order(base));
    return rc;
}
