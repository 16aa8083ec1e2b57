/* model_files.c - loading a model from files, from a model folder, or
 * from the models compiled into the library (builtin.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "builtin.h"
#include "error.h"
#include "model.h"
#include "model_load.h"

/* What a file that is not a regular one is, for the message. */
static const char *kind_of(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "something else";
}

/* Opens a model file for reading only when it is a regular file: opened
 * without blocking, so that a FIFO named like a model cannot hang the
 * load, then checked with fstat. */
static ras_status open_regular(const char *path, FILE **out, ras_error *err)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return ras_fail(err, RAS_ERR_IO, path, 0, 0, NULL, "cannot read %s: %s", path, strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return ras_fail(err, RAS_ERR_IO, path, 0, 0, NULL,
                        "cannot read %s: it is %s, not a regular file", path, kind_of(st.st_mode));
    }
    /* Blocking reads again, as fread expects. */
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0 && fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0)
        *out = fdopen(fd, "rb");
    if (!*out) {
        int e = errno;
        close(fd);
        return ras_fail(err, RAS_ERR_IO, path, 0, 0, NULL, "cannot read %s: %s", path, strerror(e));
    }
    return RAS_OK;
}

/* Reads a whole file; stops one byte past the YAML size limit, so a huge
 * file costs no more memory and the parser reports the limit. The buffer
 * is sized from the file's size and comes from ras_big_zalloc (free it
 * with ras_big_free): a 10 MB questionnaire read into small pages took a
 * tenth of its load in page faults (docs/performance.md, "Large
 * models"). */
ras_status ras_read_yaml_file(const char *path, ras_source *src, ras_error *err)
{
    FILE *f;
    ras_status opened = open_regular(path, &f, err);
    if (opened != RAS_OK)
        return opened;
    size_t limit = (size_t)RAS_MAX_DOC_BYTES + 1, cap = 8192, n = 0;
    struct stat info;
    if (fstat(fileno(f), &info) == 0 && info.st_size >= (off_t)cap)
        cap = (size_t)info.st_size < limit ? (size_t)info.st_size + 1 : limit;
    char *buf = ras_big_zalloc(cap, 1);
    ras_status st = buf ? RAS_OK : RAS_ERR_NOMEM;
    while (st == RAS_OK) {
        if (n == cap) { /* the file grew, or its size was not known */
            if (cap >= limit)
                break;
            size_t more = cap > limit / 2 ? limit : cap * 2;
            char *bigger = ras_big_zalloc(more, 1);
            if (!bigger) {
                st = RAS_ERR_NOMEM;
                break;
            }
            memcpy(bigger, buf, n);
            ras_big_free(buf);
            buf = bigger;
            cap = more;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                st = RAS_ERR_IO;
            break;
        }
    }
    int saved = errno;
    fclose(f);
    if (st != RAS_OK) {
        ras_big_free(buf);
        if (st == RAS_ERR_NOMEM)
            return ras_fail(err, st, path, 0, 0, NULL, "out of memory");
        return ras_fail(err, st, path, 0, 0, NULL, "cannot read %s: %s", path, strerror(saved));
    }
    src->name = path;
    src->data = buf;
    src->size = n;
    return RAS_OK;
}

static void free_sources(ras_source *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ras_big_free((void *)s[i].data);
    free(s);
}

ras_status ras_model_load_files(const char *questionnaire_path, const char *const *table_paths,
                                size_t n_tables, ras_model **out, ras_error *err)
{
    return ras_model_load_files_versions(&questionnaire_path, questionnaire_path ? 1 : 0,
                                         table_paths, n_tables, out, err);
}

ras_status ras_model_load_files_versions(const char *const *questionnaire_paths, size_t n_q,
                                         const char *const *table_paths, size_t n_tables,
                                         ras_model **out, ras_error *err)
{
    if (out)
        *out = NULL;
    if (!questionnaire_paths || n_q == 0 || !table_paths || n_tables == 0 || !out)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL,
                        "a questionnaire and at least one scoring table are needed");
    if (n_tables > RAS_MAX_TABLES || n_q > RAS_MAX_TABLES)
        return ras_fail(
            err, RAS_ERR_LIMIT, NULL, 0, 0, NULL, "%zu %s given: at most %d are allowed",
            n_tables > RAS_MAX_TABLES ? n_tables : n_q,
            n_tables > RAS_MAX_TABLES ? "scoring tables" : "questionnaires", RAS_MAX_TABLES);
    size_t n = n_q + n_tables;
    ras_source *srcs = calloc(n, sizeof *srcs);
    if (!srcs)
        return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    ras_status st = RAS_OK;
    size_t loaded = 0;
    for (; st == RAS_OK && loaded < n; loaded++) {
        const char *path = loaded < n_q ? questionnaire_paths[loaded] : table_paths[loaded - n_q];
        if ((st = ras_read_yaml_file(path, &srcs[loaded], err)) != RAS_OK)
            break;
    }
    if (st == RAS_OK)
        st = ras_model_load_versions(srcs, n_q, &srcs[n_q], n_tables, out, err);
    free_sources(srcs, loaded);
    return st;
}

/* ---- a model folder ---- */

/* scoring*.yaml or questionnaire*.yaml, as prefix says. */
static bool is_model_name(const char *name, const char *prefix)
{
    size_t n = strlen(name), p = strlen(prefix);
    return n >= p + 5 && strncmp(name, prefix, p) == 0 && strcmp(name + n - 5, ".yaml") == 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join_path(const char *dir, const char *name)
{
    size_t d = strlen(dir), n = strlen(name);
    bool slash = d > 0 && dir[d - 1] != '/';
    size_t size = d + slash + n + 1;
    char *p = malloc(size);
    if (p)
        snprintf(p, size, "%s%s%s", dir, slash ? "/" : "", name);
    return p;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* Every PREFIX*.yaml of the folder as a full path, in name order; none
 * is an error for tables only (the caller names the questionnaire). */
static ras_status list_files(const char *dir, const char *prefix, char ***paths, size_t *count,
                             ras_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return ras_fail(err, RAS_ERR_IO, dir, 0, 0, NULL, "cannot read %s: %s", dir,
                        strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    ras_status st = RAS_OK;
    struct dirent *e;
    while (st == RAS_OK && (e = readdir(d)) != NULL) {
        if (!is_model_name(e->d_name, prefix))
            continue;
        if (n == RAS_MAX_TABLES + 1)
            break; /* enough to report the limit */
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            char **bigger = realloc(names, cap * sizeof *names);
            if (!bigger) {
                st = RAS_ERR_NOMEM;
                break;
            }
            names = bigger;
        }
        names[n] = join_path(dir, e->d_name);
        if (!names[n])
            st = RAS_ERR_NOMEM;
        else
            n++;
    }
    closedir(d);
    if (st != RAS_OK) {
        free_names(names, n);
        return ras_fail(err, st, dir, 0, 0, NULL, "out of memory");
    }
    if (n == 0) {
        free(names);
        *paths = NULL;
        *count = 0;
        if (strcmp(prefix, "scoring") != 0)
            return RAS_OK;
        return ras_fail(err, RAS_ERR_MODEL, dir, 0, 0, NULL,
                        "the folder has no scoring table (no scoring*.yaml file)");
    }
    qsort(names, n, sizeof *names, compare_names);
    /* questionnaire.yaml first, so that errors name it before the others. */
    for (size_t i = 1; i < n && strcmp(prefix, "scoring") != 0; i++) {
        const char *base = strrchr(names[i], '/');
        if (strcmp(base ? base + 1 : names[i], "questionnaire.yaml") == 0) {
            char *q = names[i];
            memmove(&names[1], &names[0], i * sizeof *names);
            names[0] = q;
        }
    }
    *paths = names;
    *count = n;
    return RAS_OK;
}

ras_status ras_model_load_dir(const char *dir, ras_model **out, ras_error *err)
{
    if (out)
        *out = NULL;
    if (!dir || !out)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "no model folder given");
    char **tables = NULL, **qs = NULL;
    size_t n = 0, n_q = 0;
    ras_status st = list_files(dir, "scoring", &tables, &n, err);
    if (st == RAS_OK)
        st = list_files(dir, "questionnaire", &qs, &n_q, err);
    if (st == RAS_OK && n_q == 0) {
        /* None: the one name is tried, so the error says it is missing. */
        qs = malloc(sizeof *qs);
        if (qs && (qs[0] = join_path(dir, "questionnaire.yaml")) != NULL)
            n_q = 1;
        else
            st = ras_fail(err, RAS_ERR_NOMEM, dir, 0, 0, NULL, "out of memory");
    }
    if (st == RAS_OK)
        st = ras_model_load_files_versions((const char *const *)qs, n_q,
                                           (const char *const *)tables, n, out, err);
    free_names(qs, n_q);
    free_names(tables, n);
    return st;
}

/* ---- built-in models ---- */

const char *const *ras_builtin_models(void)
{
    return ras_builtin_names;
}

ras_status ras_model_load_builtin(const char *name, ras_model **out, ras_error *err)
{
    if (out)
        *out = NULL;
    if (!out)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "no place to put the model");
    if (ras_builtin_count == 0 || !ras_builtins[0].name)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL,
                        "no model is built in: name one with -m DIR or -q and -s");
    const ras_builtin *b = NULL;
    for (size_t i = 0; i < ras_builtin_count && ras_builtins[i].name; i++)
        if (!name || strcmp(ras_builtins[i].name, name) == 0) {
            b = &ras_builtins[i];
            break;
        }
    if (!b)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, name, "no built-in model is named '%s'",
                        name);
    if (b->n_sources <= b->n_questionnaires)
        return ras_fail(err, RAS_ERR_MODEL, b->sources[0].name, 0, 0, NULL,
                        "built-in model '%s' has no scoring table", b->name);
    return ras_model_load_versions(b->sources, b->n_questionnaires,
                                   &b->sources[b->n_questionnaires],
                                   b->n_sources - b->n_questionnaires, out, err);
}
