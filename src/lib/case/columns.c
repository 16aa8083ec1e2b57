/* columns.c - reading a column mapping (columns.h). */
#include "columns.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "error.h"
#include "header_name.h"
#include "model_load.h"
#include "yaml_get.h"

void ras_columns_free(ras_columns *cols)
{
    if (!cols)
        return;
    ras_ydoc_free(&cols->doc);
    free(cols->file);
    free(cols->map);
    free(cols);
}

/* One `export name: ras_name` pair. */
static ras_status read_pair(const ras_yreader *r, const ras_ynode *key, const ras_ynode *value,
                            ras_column_map *m)
{
    m->from = key->text;
    m->from_len = key->len;
    m->line = key->line;
    m->column = key->column;
    if (ras_ynode_is_null(value))
        return RAS_OK; /* ignored, quietly */
    if (value->kind != RAS_YSCALAR)
        return ras_yfail(r, value, key->text,
                         "column '%s': the value must be the ras column it names (a client "
                         "field, a question id, recorded_budget or current_cost), or ~ to ignore "
                         "it",
                         key->text);
    m->to = value->text;
    m->to_len = value->len;
    m->line = value->line;
    m->column = value->column;
    return RAS_OK;
}

/* Two export names with one normal form could not be told apart. */
static ras_status check_names(const ras_yreader *r, const ras_columns *cols, const ras_ynode *root)
{
    for (size_t i = 1; i < cols->n; i++)
        for (size_t k = 0; k < i; k++)
            if (ras_header_same(cols->map[i].from, cols->map[i].from_len, cols->map[k].from,
                                cols->map[k].from_len))
                return ras_yfail(r, root->items[2 * i], cols->map[i].from,
                                 "column '%s' is the same name as '%s' (line %lu) once case, "
                                 "spaces and hyphens are set aside",
                                 cols->map[i].from, cols->map[k].from,
                                 (unsigned long)root->items[2 * k]->line);
    return RAS_OK;
}

static ras_status build(ras_columns *cols, ras_error *err)
{
    ras_yreader r = {cols->file, RAS_ERR_SYNTAX, err};
    const ras_ynode *root = cols->doc.root;
    if (!root)
        return ras_fail(err, RAS_ERR_SYNTAX, cols->file, 0, 0, NULL,
                        "the column mapping is empty (expected lines like `Person Ref: "
                        "client_id`)");
    if (ras_yget_map(&r, root, NULL, "the column mapping") != RAS_OK)
        return err ? err->status : RAS_ERR_SYNTAX;
    cols->n = root->n; /* pairs */
    cols->map = calloc(cols->n ? cols->n : 1, sizeof *cols->map);
    if (!cols->map)
        return ras_fail(err, RAS_ERR_NOMEM, cols->file, 0, 0, NULL, "out of memory");
    for (size_t i = 0; i < cols->n; i++) {
        ras_status st = read_pair(&r, root->items[2 * i], root->items[2 * i + 1], &cols->map[i]);
        if (st != RAS_OK)
            return st;
    }
    return check_names(&r, cols, root);
}

ras_status ras_columns_load(const ras_source *src, ras_columns **out, ras_error *err)
{
    if (out)
        *out = NULL;
    if (!src || !out)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    ras_columns *cols = calloc(1, sizeof *cols);
    const char *name = src->name ? src->name : "columns.yaml";
    size_t name_len = strlen(name);
    if (cols)
        cols->file = malloc(name_len + 1);
    if (!cols || !cols->file) {
        ras_columns_free(cols);
        return ras_fail(err, RAS_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
    }
    memcpy(cols->file, name, name_len + 1);
    ras_source named = *src;
    named.name = cols->file;
    ras_status st = ras_ydoc_parse(&cols->doc, &named, err);
    if (st == RAS_OK)
        st = build(cols, err);
    if (st != RAS_OK) {
        if (err && err->status == RAS_ERR_MODEL)
            err->status = RAS_ERR_SYNTAX;
        ras_columns_free(cols);
        return st == RAS_ERR_MODEL ? RAS_ERR_SYNTAX : st;
    }
    *out = cols;
    return RAS_OK;
}

ras_status ras_columns_load_file(const char *path, ras_columns **out, ras_error *err)
{
    if (out)
        *out = NULL;
    if (!path || !out)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    ras_source src;
    ras_status st = ras_read_yaml_file(path, &src, err);
    if (st != RAS_OK)
        return st;
    st = ras_columns_load(&src, out, err);
    ras_big_free((void *)src.data); /* ras_read_yaml_file's buffer */
    return st;
}

ras_status ras_columns_load_dir(const char *dir, ras_columns **out, ras_error *err)
{
    if (out)
        *out = NULL;
    if (!dir || !out)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    size_t len = strlen(dir);
    char *path = malloc(len + sizeof "/columns.yaml");
    if (!path)
        return ras_fail(err, RAS_ERR_NOMEM, dir, 0, 0, NULL, "out of memory");
    memcpy(path, dir, len);
    memcpy(path + len, "/columns.yaml", sizeof "/columns.yaml");
    struct stat sb;
    ras_status st = RAS_OK;
    if (stat(path, &sb) == 0)
        st = ras_columns_load_file(path, out, err);
    else if (errno != ENOENT)
        st = ras_fail(err, RAS_ERR_IO, path, 0, 0, NULL, "cannot read %s: %s", path,
                      strerror(errno));
    free(path);
    return st;
}

const ras_column_map *ras_columns_find(const ras_columns *cols, const char *name, size_t len)
{
    for (size_t i = 0; cols && i < cols->n; i++)
        if (ras_header_same(cols->map[i].from, cols->map[i].from_len, name, len))
            return &cols->map[i];
    return NULL;
}
