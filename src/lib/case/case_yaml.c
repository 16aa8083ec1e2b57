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
#include "near.h"
#include "text_check.h"
#include "yaml_doc.h"
#include "yaml_get.h"

static const char *const top_keys[] = {"client", "answers", "questionnaire",
                                       "questionnaire_version", NULL};
static const char *const top_required[] = {"client", "answers", NULL};
static const char *const client_required[] = {"id", NULL};
static const char *const client_keys[] = {
    "id", "group", "new_client", "needs_increased", "existing_package", "assessed_on", NULL};

/* One reading of a case file. Every reader below writes its problem into
 * `problem` (through r) and hands its status to noted(), which counts it,
 * keeps the first for the caller and passes each on to report: so the
 * same code stops at the first problem (ras_case_load) or goes on to find
 * them all (ras_case_load_each). */
typedef struct reading {
    ras_yreader r;     /* r.err is &problem */
    ras_error problem; /* the problem just found */
    ras_error *first;  /* the caller's error record: the first problem (may be NULL) */
    ras_warn_fn report;
    void *report_ctx;
    size_t found;         /* problems found so far */
    size_t stop_after;    /* stop reading once this many are found */
    unsigned char *given; /* per question: the file gave it a value (all only) */
    ras_status status;    /* the first problem's status */
} reading;

/* Counts a problem (st not RAS_OK); true when reading must stop: out of
 * memory, or enough found. RAS_OK counts nothing and never stops. */
static bool noted(reading *rd, ras_status st)
{
    if (st == RAS_OK)
        return false;
    if (rd->found++ == 0) {
        rd->status = st;
        if (rd->first)
            *rd->first = rd->problem;
    }
    if (rd->report && rd->found <= RAS_CASE_MAX_ERRORS)
        rd->report(rd->report_ctx, &rd->problem);
    return st == RAS_ERR_NOMEM || rd->found >= rd->stop_after;
}

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

/* Every key of a mapping checked against allowed, then the required ones:
 * true when reading must stop. */
static bool check_keys(reading *rd, const ras_ynode *map, const char *ctx,
                       const char *const *required, const char *const *allowed)
{
    for (size_t i = 0; i < map->n; i++)
        if (noted(rd, ras_yget_key(&rd->r, map->items[2 * i], ctx, allowed)))
            return true;
    for (size_t i = 0; required[i]; i++)
        if (noted(rd, ras_yget_present(&rd->r, map, ctx, required[i])))
            return true;
    return false;
}

static ras_status read_field(const ras_yreader *r, ras_case *c, const ras_ynode *key,
                             const ras_ynode *value)
{
    char ctx[64];
    snprintf(ctx, sizeof ctx, "client '%.*s'", (int)key->len, key->text);
    if (value->kind != RAS_YSCALAR)
        return ras_yfail(r, value, key->text, "%s: expected a single value, not %s", ctx,
                         kind_name(value));
    bool null = ras_ynode_is_null(value);
    ras_error inner;
    ras_error_clear(&inner);
    ras_status st = ras_case_set_field(c, client_field(key), null ? "" : value->text,
                                       null ? 0 : value->len, &inner);
    if (st != RAS_OK)
        return relocate(r, value, ctx, key->text, &inner, st);
    return RAS_OK;
}

/* True when reading must stop. */
static bool read_client(reading *rd, ras_case *c, const ras_ynode *client)
{
    if (noted(rd, ras_yget_mapping(&rd->r, client, "client")))
        return true;
    if (client->kind != RAS_YMAP)
        return false;
    if (check_keys(rd, client, "client", client_required, client_keys))
        return true;
    for (size_t i = 0; i < client->n; i++) {
        const ras_ynode *key = client->items[2 * i];
        if (ras_yget_key(&rd->r, key, NULL, client_keys) != RAS_OK)
            continue; /* reported above */
        if (noted(rd, read_field(&rd->r, c, key, client->items[2 * i + 1])))
            return true;
    }
    return false;
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

/* An id the model does not have: "unknown question 'washng'; did you
 * mean 'washing'?" (near.h decides when to suggest). The search walks
 * every question, so it is made only for a problem that will be shown
 * (hint): a file of many unknown ids stays linear. */
static ras_status unknown_question(const ras_yreader *r, const ras_model *m, const ras_ynode *key,
                                   bool hint_wanted)
{
    char shown[RAS_SHOWN_MAX], hint[2 * RAS_MAX_ID + 32] = "";
    ras_near near;
    ras_text_show(key->text, key->len, shown);
    ras_near_init(&near, key->text, key->len);
    for (size_t i = 0; hint_wanted && i < m->n_questions; i++)
        ras_near_try(&near, m->questions[i].id);
    ras_near_hint(&near, hint, sizeof hint);
    if (hint[0] != '\0')
        return ras_yfail(r, key, shown, "unknown question '%s'; %s", shown, hint);
    return ras_yfail(r, key, shown, "unknown question '%s'", shown);
}

static ras_status read_answer(const reading *rd, ras_case *c, const ras_ynode *key,
                              const ras_ynode *value)
{
    const ras_yreader *r = &rd->r;
    const ras_question *q = ras_model_find_question(c->model, key->text, key->len);
    if (!q)
        return unknown_question(r, c->model, key, rd->found < RAS_CASE_MAX_ERRORS);
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

/* The questionnaire the case was answered on (docs/model-format.md
 * section 6.1): when named, it must be the model's. Its version may
 * differ: answers that no longer exist are reported one by one. */
static ras_status read_origin(const ras_yreader *r, const ras_model *m, const ras_ynode *root)
{
    const ras_ynode *id = ras_ymap_get(root, "questionnaire");
    const ras_ynode *version = ras_ymap_get(root, "questionnaire_version");
    const char *text;
    size_t len;
    ras_status st;

    if (version &&
        (st = ras_yget_string(r, version, NULL, "questionnaire_version", &text, &len)) != RAS_OK)
        return st;
    if (!id)
        return RAS_OK;
    if ((st = ras_yget_id(r, id, NULL, "questionnaire", &text, &len)) != RAS_OK)
        return st;
    if (len != strlen(m->id) || memcmp(text, m->id, len) != 0)
        return ras_yfail(r, id, "questionnaire",
                         "this case was answered on %.*s, not on this model's %s", (int)len, text,
                         m->id);
    return RAS_OK;
}

/* Every required question left out, each at the answers key (where it
 * should have been), as ras_score would report the first. A question
 * given an answer that was refused is not reported again. */
static bool check_required(reading *rd, const ras_case *c, const ras_ynode *answers_key)
{
    const ras_model *m = c->model;
    for (size_t i = 0; i < m->n_questions; i++) {
        const ras_question *q = &m->questions[i];
        if (q->required && !c->answered[i] && !rd->given[i] &&
            noted(rd, ras_yfail(&rd->r, answers_key, q->id,
                                "question '%s': required but not answered", q->id)))
            return true;
    }
    return false;
}

/* The key node of a map's entry, or NULL. */
static const ras_ynode *key_node(const ras_ynode *map, const char *key);

/* Reads the whole case; problems are counted in rd. */
static void read_case(reading *rd, ras_case *c, const ras_ynode *root)
{
    if (noted(rd, ras_yget_mapping(&rd->r, root, "case")) || root->kind != RAS_YMAP)
        return;
    if (check_keys(rd, root, "case", top_required, top_keys))
        return;
    /* A case for another questionnaire is that one problem: its answers
     * would only repeat it. */
    ras_status st = read_origin(&rd->r, c->model, root);
    if (noted(rd, st) || st != RAS_OK)
        return;
    const ras_ynode *client = ras_ymap_get(root, "client");
    if (client && read_client(rd, c, client))
        return;
    const ras_ynode *answers = ras_ymap_get(root, "answers");
    if (!answers || ras_ynode_is_null(answers)) {
        /* `answers:` with nothing under it: no answers */
    } else if (answers->kind != RAS_YMAP) {
        if (noted(rd, ras_yfail(&rd->r, answers, "answers",
                                "'answers' must be a mapping of question ids to answers, not %s",
                                kind_name(answers))))
            return;
    } else {
        for (size_t i = 0; i < answers->n; i++) {
            const ras_ynode *key = answers->items[2 * i], *value = answers->items[2 * i + 1];
            const ras_question *q = ras_model_find_question(c->model, key->text, key->len);
            if (rd->given && q && !ras_ynode_is_null(value))
                rd->given[q->index] = 1;
            if (noted(rd, read_answer(rd, c, key, value)))
                return;
        }
    }
    if (rd->given && answers && (ras_ynode_is_null(answers) || answers->kind == RAS_YMAP))
        check_required(rd, c, key_node(root, "answers"));
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

/* ras_case_load and ras_case_load_each: stop_after 1 or every problem,
 * all to check the required answers too. */
static ras_status load(const ras_model *model, const ras_source *src, ras_case **out, reading *rd,
                       bool all)
{
    if (out)
        *out = NULL;
    if (!model || !src || !out || (!src->data && src->size > 0))
        return ras_fail(rd->first, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    const char *name = src->name ? src->name : "-";
    ras_ydoc doc;
    memset(&doc, 0, sizeof doc);
    ras_status st =
        src->size > RAS_MAX_CASE_BYTES
            ? ras_fail(&rd->problem, RAS_ERR_LIMIT, name, 0, 0, NULL,
                       "the case file is larger than the %d MiB limit", RAS_MAX_CASE_MIB)
            : ras_ydoc_parse(&doc, src, &rd->problem);
    if (st != RAS_OK) {
        noted(rd, st); /* a file that is not YAML: one problem, nothing more to read */
        return st;
    }
    rd->r = (ras_yreader){name, RAS_ERR_CASE, &rd->problem};
    ras_case *c = NULL;
    if (!doc.root)
        noted(rd, ras_fail(&rd->problem, RAS_ERR_CASE, name, 0, 0, NULL,
                           "the case is empty (expected 'client' and 'answers')"));
    else if (!(c = ras_case_new(model)) ||
             (all && !(rd->given = calloc(model->n_questions ? model->n_questions : 1, 1))))
        noted(rd, ras_fail(&rd->problem, RAS_ERR_NOMEM, name, 0, 0, NULL, "out of memory"));
    else
        read_case(rd, c, doc.root);
    free(rd->given);
    rd->given = NULL;
    if (rd->found == 0 && c)
        record_where(c, doc.root, name);
    ras_ydoc_free(&doc);
    if (rd->found > 0) {
        ras_case_free(c);
        return rd->status;
    }
    *out = c;
    return RAS_OK;
}

ras_status ras_case_load(const ras_model *model, const ras_source *src, ras_case **out,
                         ras_error *err)
{
    reading rd;
    memset(&rd, 0, sizeof rd);
    rd.first = err;
    rd.stop_after = 1;
    return load(model, src, out, &rd, false);
}

ras_status ras_case_load_each(const ras_model *model, const ras_source *src, ras_case **out,
                              ras_warn_fn report, void *report_ctx, size_t *n_problems,
                              ras_error *err)
{
    reading rd;
    memset(&rd, 0, sizeof rd);
    rd.first = err;
    rd.report = report;
    rd.report_ctx = report_ctx;
    rd.stop_after = SIZE_MAX;
    ras_status st = load(model, src, out, &rd, true);
    if (n_problems)
        *n_problems = st == RAS_ERR_ARG && rd.found == 0 ? 1 : rd.found;
    return st;
}

/* Reads a whole stream, refusing more than RAS_MAX_CASE_BYTES. */
static ras_status slurp(FILE *in, const char *name, char **data, size_t *size, ras_error *err)
{
    size_t cap = (size_t)64 * 1024, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return ras_fail(err, RAS_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
    for (;;) {
        if (n == cap) {
            if (cap > RAS_MAX_CASE_BYTES) {
                free(buf);
                return ras_fail(err, RAS_ERR_LIMIT, name, 0, 0, NULL,
                                "the case file is larger than the %d MiB limit", RAS_MAX_CASE_MIB);
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

ras_status ras_source_read(const char *path, ras_source *out, ras_error *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!path || !out)
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
    out->name = name;
    out->data = data;
    out->size = size;
    return RAS_OK;
}

void ras_source_free(ras_source *src)
{
    if (!src)
        return;
    void *data; /* ras_source_read allocated it; the member is const for readers */
    memcpy(&data, &src->data, sizeof data);
    free(data);
    memset(src, 0, sizeof *src);
}

ras_status ras_case_questionnaire(const ras_source *src, char *id, size_t size, ras_error *err)
{
    if (id && size > 0)
        id[0] = '\0';
    if (!src || !id || size == 0 || (!src->data && src->size > 0))
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    ras_ydoc doc;
    ras_status st = ras_ydoc_parse(&doc, src, err);
    if (st != RAS_OK)
        return st;
    ras_yreader r = {src->name ? src->name : "-", RAS_ERR_CASE, err};
    const ras_ynode *node =
        doc.root && doc.root->kind == RAS_YMAP ? ras_ymap_get(doc.root, "questionnaire") : NULL;
    const char *text;
    size_t len;
    if (node && (st = ras_yget_id(&r, node, NULL, "questionnaire", &text, &len)) == RAS_OK)
        snprintf(id, size, "%.*s", (int)len, text);
    ras_ydoc_free(&doc);
    return st;
}

/* A scalar's text, or NULL when the node is not one. */
static const ras_ynode *scalar(const ras_ynode *map, const char *key)
{
    const ras_ynode *n = map && map->kind == RAS_YMAP ? ras_ymap_get(map, key) : NULL;
    return n && n->kind == RAS_YSCALAR ? n : NULL;
}

const ras_model *ras_case_questionnaire_of(const ras_model *model, const ras_source *src)
{
    if (!model || ras_model_questionnaire_count(model) < 2 || !src || (!src->data && src->size))
        return model;
    ras_ydoc doc;
    if (ras_ydoc_parse(&doc, src, NULL) != RAS_OK)
        return model; /* the load reports it */
    const ras_model *found = NULL;
    const ras_ynode *v = scalar(doc.root, "questionnaire_version");
    if (v) {
        char version[256];
        snprintf(version, sizeof version, "%.*s", (int)v->len, v->text);
        found = ras_model_questionnaire_named(model, version);
    }
    const ras_ynode *client =
        doc.root && doc.root->kind == RAS_YMAP ? ras_ymap_get(doc.root, "client") : NULL;
    const ras_ynode *d = scalar(client, "assessed_on");
    ras_date date = 0;
    if (!found && d &&
        ras_date_parse_lenient(d->text, d->len, ras_model_date_order(model), &date, NULL) == RAS_OK)
        found = ras_model_questionnaire_on(model, date);
    ras_ydoc_free(&doc);
    return found ? found : model;
}

ras_status ras_case_load_file(const ras_model *model, const char *path, ras_case **out,
                              ras_error *err)
{
    if (out)
        *out = NULL;
    if (!model || !path || !out)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    ras_source src;
    ras_status st = ras_source_read(path, &src, err);
    if (st != RAS_OK)
        return st;
    st = ras_case_load(model, &src, out, err);
    ras_source_free(&src);
    return st;
}
