/* case_yaml.c - reading one case from YAML (or JSON, being YAML), as
 * docs/model-format.md section 6 describes. Values go through the same setters as CSV cells, so a
 * case reads the same whichever form it comes in; errors are placed at the node at fault with the
 * question or client key as subject. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "error.h"
#include "model.h"
#include "text_check.h"
#include "yaml_doc.h"
#include "yaml_get.h"

static const char *const top_keys[] = {"client", "answers", NULL};
static const char *const client_required[] = {"id", NULL};
static const char *const client_keys[] = {
    "id", "group", "new_client", "needs_increased", "existing_package", "assessed_on", NULL};

/* The field a client key sets: the keys match the CSV columns but for id. */
static ras_field client_field(const ras_ynode *key)
{
    if (key->len == 2 && memcmp(key->text, "id", 2) == 0)
        return RAS_FIELD_CLIENT_ID;
    return (ras_field)ras_field_find(key->text, key->len);
}

static const char *kind_name(const ras_ynode *n)
{
    return n->kind == RAS_YMAP ? "a mapping" : n->kind == RAS_YSEQ ? "a list" : "a value";
}

/* Re-places an error from a setter at node n, prefixed with ctx unless
 * it is NULL (the public answer setter names the question itself). */
static ras_status relocate(const ras_yreader *r, const ras_ynode *n, const char *ctx,
                           const char *subject, const ras_error *inner, ras_status st)
{
    ras_yreader at = *r;
    at.status = st;
    if (!ctx)
        return ras_yfail(&at, n, subject, "%s", inner->message);
    return ras_yfail(&at, n, subject, "%s: %s", ctx, inner->message);
}

static ras_status read_client(const ras_yreader *r, ras_case *c, const ras_ynode *client)
{
    ras_status st = ras_yget_keys(r, client, "client", client_required, client_keys);
    if (st != RAS_OK)
        return st;
    for (size_t i = 0; i < client->n; i++) {
        const ras_ynode *key = client->items[2 * i], *value = client->items[2 * i + 1];
        char ctx[64];
        snprintf(ctx, sizeof ctx, "client '%.*s'", (int)key->len, key->text);
        if (value->kind != RAS_YSCALAR)
            return ras_yfail(r, value, key->text, "%s: expected a single value, not %s", ctx,
                             kind_name(value));
        bool null = ras_ynode_is_null(value);
        ras_field f = client_field(key);
        ras_error inner;
        ras_error_clear(&inner);
        st = ras_case_set_field(c, f, null ? "" : value->text, null ? 0 : value->len, &inner);
        if (st != RAS_OK)
            return relocate(r, value, ctx, key->text, &inner, st);
    }
    return RAS_OK;
}

/* A multiple question's list: each item one chosen answer id. */
static ras_status read_choices(const ras_yreader *r, ras_case *c, const ras_question *q,
                               const ras_ynode *list, const char *ctx)
{
    ras_case_unset_answer(c, q);
    for (size_t i = 0; i < list->n; i++) {
        const ras_ynode *item = list->items[i];
        if (item->kind != RAS_YSCALAR || ras_ynode_is_null(item))
            return ras_yfail(r, item, q->id, "%s: expected an answer id in the list, not %s", ctx,
                             item->kind == RAS_YSCALAR ? "an empty value" : kind_name(item));
        ras_error inner;
        ras_error_clear(&inner);
        ras_status st = ras_case_choose(c, q, item->text, item->len, &inner);
        if (st != RAS_OK) {
            /* Counted back and then unset, so the totals stay whole. */
            ras_case_count_share(c, q, +1);
            ras_case_unset_answer(c, q);
            return relocate(r, item, ctx, q->id, &inner, st);
        }
    }
    c->answered[q->index] = 1;
    ras_case_count_share(c, q, +1);
    return RAS_OK;
}

static ras_status read_answer(const ras_yreader *r, ras_case *c, const ras_ynode *key,
                              const ras_ynode *value)
{
    const ras_question *q = ras_model_find_question(c->model, key->text, key->len);
    if (!q) {
        char shown[RAS_SHOWN_MAX];
        ras_text_show(key->text, key->len, shown);
        return ras_yfail(r, key, shown, "unknown question '%s'", shown);
    }
    char ctx[RAS_MAX_ID + 16];
    snprintf(ctx, sizeof ctx, "question '%s'", q->id);
    if (ras_ynode_is_null(value)) {
        ras_case_unset_answer(c, q);
        return RAS_OK; /* left blank: as if left out */
    }
    if (q->type == RAS_MULTIPLE) {
        if (value->kind != RAS_YSEQ)
            return ras_yfail(r, value, q->id,
                             "%s: expected a list of answer ids (e.g. [a, b] or []), not %s", ctx,
                             kind_name(value));
        return read_choices(r, c, q, value, ctx);
    }
    if (value->kind != RAS_YSCALAR)
        return ras_yfail(r, value, q->id, "%s: expected %s, not %s", ctx,
                         q->type == RAS_NUMBER ? "a whole number" : "one answer id",
                         kind_name(value));
    ras_error inner;
    ras_error_clear(&inner);
    ras_status st = ras_case_set_answer(c, q, value->text, value->len, &inner);
    if (st != RAS_OK)
        return relocate(r, value, NULL, q->id, &inner, st);
    return RAS_OK;
}

static ras_status read_case(const ras_yreader *r, ras_case *c, const ras_ynode *root)
{
    ras_status st = ras_yget_keys(r, root, "case", top_keys, top_keys);
    if (st != RAS_OK)
        return st;
    if ((st = read_client(r, c, ras_ymap_get(root, "client"))) != RAS_OK)
        return st;
    const ras_ynode *answers = ras_ymap_get(root, "answers");
    if (ras_ynode_is_null(answers))
        return RAS_OK; /* `answers:` with nothing under it: no answers */
    if (answers->kind != RAS_YMAP)
        return ras_yfail(r, answers, "answers",
                         "'answers' must be a mapping of question ids to answers, not %s",
                         kind_name(answers));
    for (size_t i = 0; i < answers->n; i++)
        if ((st = read_answer(r, c, answers->items[2 * i], answers->items[2 * i + 1])) != RAS_OK)
            return st;
    return RAS_OK;
}

/* The key node of a map's entry, or NULL. */
static const ras_ynode *key_node(const ras_ynode *map, const char *key)
{
    size_t len = strlen(key);
    for (size_t i = 0; map && map->kind == RAS_YMAP && i < map->n; i++) {
        const ras_ynode *k = map->items[2 * i];
        if (k->len == len && memcmp(k->text, key, len) == 0)
            return k;
    }
    return NULL;
}

static void at(const ras_ynode *n, unsigned long *line, unsigned long *column)
{
    *line = n ? n->line : 0;
    *column = n ? n->column : 0;
}

/* Records where the keys the scorer may fault are, for its errors
 * (ras_case_place_error): the group and date values, the client and
 * answers keys (a required answer left out is missing from there). */
static void record_where(ras_case *c, const ras_ynode *root, const char *name)
{
    ras_case_where *w = &c->where;
    const ras_ynode *client = ras_ymap_get(root, "client");
    snprintf(w->source, sizeof w->source, "%s", name);
    at(key_node(root, "client"), &w->client_line, &w->client_column);
    at(ras_ymap_get(client, "group"), &w->group_line, &w->group_column);
    at(ras_ymap_get(client, "assessed_on"), &w->date_line, &w->date_column);
    at(key_node(root, "answers"), &w->answers_line, &w->answers_column);
}

ras_status ras_case_load(const ras_model *model, const ras_source *src, ras_case **out,
                         ras_error *err)
{
    if (out)
        *out = NULL;
    if (!model || !src || !out || (!src->data && src->size > 0))
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    const char *name = src->name ? src->name : "-";
    ras_ydoc doc;
    ras_status st = ras_ydoc_parse(&doc, src, err);
    if (st != RAS_OK)
        return st;
    ras_yreader r = {name, RAS_ERR_CASE, err};
    ras_case *c = NULL;
    if (!doc.root)
        st = ras_fail(err, RAS_ERR_CASE, name, 0, 0, NULL,
                      "the case is empty (expected 'client' and 'answers')");
    else if (!(c = ras_case_new(model)))
        st = ras_fail(err, RAS_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
    else if ((st = read_case(&r, c, doc.root)) == RAS_OK)
        record_where(c, doc.root, name);
    ras_ydoc_free(&doc);
    if (st != RAS_OK) {
        ras_case_free(c);
        return st;
    }
    *out = c;
    return RAS_OK;
}

/* Reads a whole stream, refusing more than RAS_MAX_DOC_BYTES. */
static ras_status slurp(FILE *in, const char *name, char **data, size_t *size, ras_error *err)
{
    size_t cap = (size_t)64 * 1024, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return ras_fail(err, RAS_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
    for (;;) {
        if (n == cap) {
            if (cap > RAS_MAX_DOC_BYTES) {
                free(buf);
                return ras_fail(err, RAS_ERR_LIMIT, name, 0, 0, NULL,
                                "file is larger than the %d MiB limit", RAS_MAX_DOC_MIB);
            }
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                return ras_fail(err, RAS_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
            }
            buf = grown;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, in);
        n += got;
        if (got == 0) {
            if (ferror(in)) {
                int e = errno;
                free(buf);
                return ras_fail(err, RAS_ERR_IO, name, 0, 0, NULL, "cannot read %s: %s", name,
                                strerror(e));
            }
            break;
        }
    }
    *data = buf;
    *size = n;
    return RAS_OK;
}

ras_status ras_case_load_file(const ras_model *model, const char *path, ras_case **out,
                              ras_error *err)
{
    if (out)
        *out = NULL;
    if (!model || !path || !out)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    bool std_in = strcmp(path, "-") == 0;
    const char *name = std_in ? "<stdin>" : path;
    FILE *in = std_in ? stdin : fopen(path, "rb");
    if (!in)
        return ras_fail(err, RAS_ERR_IO, path, 0, 0, NULL, "cannot read %s: %s", path,
                        strerror(errno));
    char *data = NULL;
    size_t size = 0;
    ras_status st = slurp(in, name, &data, &size, err);
    if (!std_in)
        fclose(in);
    if (st != RAS_OK)
        return st;
    ras_source src = {name, data, size};
    st = ras_case_load(model, &src, out, err);
    free(data);
    return st;
}
