/* questionnaire.c - builds a model's questionnaire (docs/model-format.md section 2) from a
 * parsed YAML document: domains, questions and answers, every rule checked
 * and every error located at the node at fault. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_load.h"

#define CTX_MAX 160

/* CSV columns of a batch (docs/model-format.md section 7, docs/audit.md, docs/calibration.md): a
 * question may not share a name. */
static const char *const reserved_columns[] = {
    "client_id",        "group",       "new_client",      "needs_increased",
    "existing_package", "assessed_on", "recorded_budget", "current_cost",
};

static const char *const top_keys[] = {"questionnaire", "version",        "title",
                                       "domains",       "effective_from", NULL};
static const char *const top_required[] = {"questionnaire", "version", "title", "domains", NULL};
static const char *const domain_keys[] = {"id", "title", "cap", "questions", NULL};
static const char *const domain_required[] = {"id", "title", "questions", NULL};
static const char *const question_keys[] = {
    "id", "text", "help", "type", "required", "answers", "min", "max", "points_per_unit", NULL};
static const char *const question_required[] = {"id", "text", NULL};
static const char *const number_required[] = {"min", "max", "points_per_unit", NULL};
static const char *const answer_keys[] = {"id", "text", "points", "adjust", NULL};
static const char *const answer_required[] = {"id", "text", "points", NULL};

/* The whole build's state: the model, the reader and the running ids. */
typedef struct qbuild {
    ras_model *m;
    ras_yreader r;
    ras_id_at *question_ids; /* one per question, for the uniqueness check */
} qbuild;

/* Names an item for messages: "KIND 'ID'" when its id can be read already,
 * else "KIND N"; after "PARENT, " when parent is given. */
static void label(char *buf, size_t size, const char *parent, const char *kind,
                  const ras_ynode *map, size_t index)
{
    const ras_ynode *id = map->kind == RAS_YMAP ? ras_ymap_get(map, "id") : NULL;
    const char *sep = parent ? ", " : "";
    parent = parent ? parent : "";
    if (id && id->kind == RAS_YSCALAR && ras_valid_id(id->text, id->len))
        snprintf(buf, size, "%s%s%s '%s'", parent, sep, kind, id->text);
    else
        snprintf(buf, size, "%s%s%s %zu", parent, sep, kind, index + 1);
}

static ras_status nomem(const qbuild *b)
{
    return ras_fail(b->r.err, RAS_ERR_NOMEM, b->r.file, 0, 0, NULL, "out of memory");
}

/* Reads a required-or-optional text into the model's arena. */
static ras_status read_text(qbuild *b, const ras_ynode *map, const char *ctx, const char *key,
                            const char **out)
{
    const ras_ynode *n = ras_ymap_get(map, key);
    if (!n) {
        *out = NULL;
        return RAS_OK;
    }
    const char *text;
    size_t len;
    ras_status st = ras_yget_string(&b->r, n, ctx, key, &text, &len);
    if (st != RAS_OK)
        return st;
    *out = ras_model_strdup(b->m, text, len);
    return *out ? RAS_OK : nomem(b);
}

static ras_status read_id(qbuild *b, const ras_ynode *map, const char *ctx, const char *key,
                          const char **out, size_t *len)
{
    const char *text;
    ras_status st = ras_yget_id(&b->r, ras_ymap_get(map, key), ctx, key, &text, len);
    if (st != RAS_OK)
        return st;
    *out = ras_model_strdup(b->m, text, *len);
    return *out ? RAS_OK : nomem(b);
}

static ras_status read_answer(qbuild *b, const ras_ynode *node, size_t index, const char *qctx,
                              ras_answer *a, ras_id_at *id_at)
{
    char ctx[2 * CTX_MAX];
    label(ctx, sizeof ctx, qctx, "answer", node, index);
    ras_status st = ras_yget_keys(&b->r, node, ctx, answer_required, answer_keys);
    if (st != RAS_OK)
        return st;
    size_t len;
    if ((st = read_id(b, node, ctx, "id", &a->id, &len)) != RAS_OK)
        return st;
    *id_at = (ras_id_at){a->id, len, ras_ymap_get(node, "id")};
    if ((st = read_text(b, node, ctx, "text", &a->text)) != RAS_OK)
        return st;
    st = ras_yget_int(&b->r, ras_ymap_get(node, "points"), ctx, "points", 0, RAS_MAX_POINTS,
                      &a->points);
    if (st != RAS_OK)
        return st;
    const ras_ynode *adjust = ras_ymap_get(node, "adjust");
    if (adjust) {
        a->has_adjust = true;
        return ras_yget_percent(&b->r, adjust, ctx, "adjust", &a->adjust);
    }
    return RAS_OK;
}

static ras_status read_answers(qbuild *b, const ras_ynode *list, const char *ctx, ras_question *q)
{
    ras_status st = ras_yget_seq(&b->r, list, ctx, "answers");
    if (st != RAS_OK)
        return st;
    if (list->n == 0)
        return ras_yfail(&b->r, list, q->id, "%s needs at least one answer", ctx);
    q->answers = ras_arena_array(&b->m->arena, list->n, sizeof *q->answers);
    ras_id_at *ids = malloc(list->n * sizeof *ids);
    if (!q->answers || !ids) {
        free(ids);
        return nomem(b);
    }
    q->n_answers = list->n;
    for (size_t i = 0; i < list->n && st == RAS_OK; i++)
        st = read_answer(b, list->items[i], i, ctx, &q->answers[i], &ids[i]);
    if (st == RAS_OK)
        st = ras_check_unique(&b->r, ids, list->n, ctx, "answer id");
    free(ids);
    return st;
}

/* A key that belongs to another type of question, reported at its value. */
static ras_status refuse_key(qbuild *b, const ras_ynode *map, const char *ctx, const char *key,
                             const char *why)
{
    const ras_ynode *n = ras_ymap_get(map, key);
    if (!n)
        return RAS_OK;
    return ras_yfail(&b->r, n, key, "%s: '%s' %s", ctx, key, why);
}

static ras_status read_number(qbuild *b, const ras_ynode *node, const char *ctx, ras_question *q)
{
    ras_status st =
        refuse_key(b, node, ctx, "answers", "is not allowed: a number question has no answers");
    if (st != RAS_OK)
        return st;
    for (size_t i = 0; number_required[i]; i++)
        if (!ras_ymap_get(node, number_required[i]))
            return ras_yfail(&b->r, node, number_required[i], "%s: a number question needs '%s'",
                             ctx, number_required[i]);
    const ras_ynode *min = ras_ymap_get(node, "min");
    if ((st = ras_yget_int(&b->r, min, ctx, "min", 0, RAS_MAX_POINTS, &q->min)) != RAS_OK ||
        (st = ras_yget_int(&b->r, ras_ymap_get(node, "max"), ctx, "max", 0, RAS_MAX_POINTS,
                           &q->max)) != RAS_OK ||
        (st = ras_yget_int(&b->r, ras_ymap_get(node, "points_per_unit"), ctx, "points_per_unit", 0,
                           RAS_MAX_POINTS, &q->points_per_unit)) != RAS_OK)
        return st;
    if (q->min > q->max)
        return ras_yfail(&b->r, min, "min", "%s: 'min' (%lld) must not exceed 'max' (%lld)", ctx,
                         (long long)q->min, (long long)q->max);
    return RAS_OK;
}

static ras_status read_type(qbuild *b, const ras_ynode *node, const char *ctx, ras_question *q)
{
    const ras_ynode *n = ras_ymap_get(node, "type");
    q->type = RAS_SINGLE;
    if (!n)
        return RAS_OK;
    const char *text;
    size_t len;
    ras_status st = ras_yget_string(&b->r, n, ctx, "type", &text, &len);
    if (st != RAS_OK)
        return st;
    static const char *const names[] = {"single", "multiple", "number"};
    for (size_t i = 0; i < 3; i++) {
        if (strlen(names[i]) == len && memcmp(names[i], text, len) == 0) {
            q->type = (ras_question_type)i;
            return RAS_OK;
        }
    }
    char shown[48];
    ras_yshow(n, shown);
    return ras_yfail(&b->r, n, "type",
                     "%s: unknown type '%s' (expected single, multiple or number)", ctx, shown);
}

static ras_status check_reserved(qbuild *b, const ras_ynode *at, const char *id)
{
    for (size_t i = 0; i < sizeof reserved_columns / sizeof reserved_columns[0]; i++)
        if (strcmp(id, reserved_columns[i]) == 0)
            return ras_yfail(&b->r, at, id,
                             "question id '%s' is reserved for a CSV column of a batch", id);
    return RAS_OK;
}

static ras_status read_question(qbuild *b, const ras_ynode *node, size_t index, const char *dctx,
                                ras_question *q)
{
    char ctx[2 * CTX_MAX];
    /* A question's id is unique in the whole questionnaire: name it alone. */
    const ras_ynode *idn = node->kind == RAS_YMAP ? ras_ymap_get(node, "id") : NULL;
    bool named = idn && idn->kind == RAS_YSCALAR && ras_valid_id(idn->text, idn->len);
    label(ctx, sizeof ctx, named ? NULL : dctx, "question", node, index);
    ras_status st = ras_yget_keys(&b->r, node, ctx, question_required, question_keys);
    if (st != RAS_OK)
        return st;
    size_t len;
    if ((st = read_id(b, node, ctx, "id", &q->id, &len)) != RAS_OK)
        return st;
    const ras_ynode *id_node = ras_ymap_get(node, "id");
    b->question_ids[q->index] = (ras_id_at){q->id, len, id_node};
    if ((st = check_reserved(b, id_node, q->id)) != RAS_OK)
        return st;
    if ((st = read_text(b, node, ctx, "text", &q->text)) != RAS_OK ||
        (st = read_text(b, node, ctx, "help", &q->help)) != RAS_OK ||
        (st = read_type(b, node, ctx, q)) != RAS_OK)
        return st;
    q->required = true;
    const ras_ynode *req = ras_ymap_get(node, "required");
    if (req && (st = ras_yget_bool(&b->r, req, ctx, "required", &q->required)) != RAS_OK)
        return st;
    if (q->type == RAS_NUMBER)
        return read_number(b, node, ctx, q);
    static const char *const number_only[] = {"min", "max", "points_per_unit"};
    for (size_t i = 0; i < 3; i++)
        if ((st = refuse_key(b, node, ctx, number_only[i], "is only for number questions")) !=
            RAS_OK)
            return st;
    const ras_ynode *answers = ras_ymap_get(node, "answers");
    if (!answers)
        return ras_yfail(&b->r, node, "answers", "%s: missing key 'answers'", ctx);
    return read_answers(b, answers, ctx, q);
}

static ras_status read_domain(qbuild *b, const ras_ynode *node, size_t index, size_t *next_q,
                              ras_id_at *id_at)
{
    ras_domain *d = &b->m->domains[index];
    char ctx[CTX_MAX];
    label(ctx, sizeof ctx, NULL, "domain", node, index);
    ras_status st = ras_yget_keys(&b->r, node, ctx, domain_required, domain_keys);
    if (st != RAS_OK)
        return st;
    size_t len;
    if ((st = read_id(b, node, ctx, "id", &d->id, &len)) != RAS_OK)
        return st;
    *id_at = (ras_id_at){d->id, len, ras_ymap_get(node, "id")};
    if ((st = read_text(b, node, ctx, "title", &d->title)) != RAS_OK)
        return st;
    const ras_ynode *cap = ras_ymap_get(node, "cap");
    if (cap) {
        d->has_cap = true;
        if ((st = ras_yget_int(&b->r, cap, ctx, "cap", 0, RAS_MAX_POINTS, &d->cap)) != RAS_OK)
            return st;
    }
    const ras_ynode *list = ras_ymap_get(node, "questions");
    if ((st = ras_yget_seq(&b->r, list, ctx, "questions")) != RAS_OK)
        return st;
    if (list->n == 0)
        return ras_yfail(&b->r, list, d->id, "%s has no questions", ctx);
    d->questions = &b->m->questions[*next_q];
    d->n_questions = list->n;
    for (size_t i = 0; i < list->n; i++) {
        ras_question *q = &d->questions[i];
        q->index = (*next_q)++;
        q->domain = index;
        if ((st = read_question(b, list->items[i], i, ctx, q)) != RAS_OK)
            return st;
        q->first_answer = b->m->n_answers;
        b->m->n_answers += q->n_answers;
    }
    return RAS_OK;
}

/* Questions over all domains that are lists; the others fail later. */
static size_t count_questions(const ras_ynode *domains)
{
    size_t n = 0;
    for (size_t i = 0; i < domains->n; i++) {
        const ras_ynode *q = ras_ymap_get(domains->items[i], "questions");
        if (q && q->kind == RAS_YSEQ)
            n += q->n;
    }
    return n;
}

/* The most points the questionnaire can give must stay within
 * RAS_MAX_POINTS, and each domain's before its cap within
 * RAS_MAX_DOMAIN_RAW, so no sum can overflow while scoring. */
static ras_status check_points_limit(qbuild *b, const ras_ynode *domains)
{
    int64_t total = 0;
    for (size_t i = 0; i < b->m->n_domains; i++) {
        const ras_domain *d = &b->m->domains[i];
        int64_t lo, hi, raw = 0;
        for (size_t k = 0; k < d->n_questions; k++) {
            ras_question_bounds(&d->questions[k], &lo, &hi);
            raw = ras_add_saturate(raw, hi);
        }
        if (raw > RAS_MAX_DOMAIN_RAW)
            return ras_fail(b->r.err, RAS_ERR_LIMIT, b->r.file, domains->items[i]->line,
                            domains->items[i]->column, d->id,
                            "domain '%s': its questions could give more than %lld points "
                            "before its cap",
                            d->id, (long long)RAS_MAX_DOMAIN_RAW);
        ras_domain_bounds(d, &lo, &hi);
        total = ras_add_saturate(total, hi);
        if (total > RAS_MAX_POINTS)
            return ras_fail(b->r.err, RAS_ERR_LIMIT, b->r.file, domains->items[i]->line,
                            domains->items[i]->column, b->m->domains[i].id,
                            "domain '%s': the questionnaire could give more than %lld points "
                            "in all",
                            b->m->domains[i].id, (long long)RAS_MAX_POINTS);
    }
    return RAS_OK;
}

static ras_status read_domains(qbuild *b, const ras_ynode *list)
{
    ras_status st = ras_yget_seq(&b->r, list, NULL, "domains");
    if (st != RAS_OK)
        return st;
    if (list->n == 0)
        return ras_yfail(&b->r, list, "domains", "'domains' must list at least one domain");
    ras_model *m = b->m;
    size_t nq = count_questions(list);
    m->domains = ras_arena_array(&m->arena, list->n, sizeof *m->domains);
    m->questions = ras_arena_array(&m->arena, nq, sizeof *m->questions);
    ras_id_at *domain_ids = malloc(list->n * sizeof *domain_ids);
    b->question_ids = malloc((nq ? nq : 1) * sizeof *b->question_ids);
    if (!m->domains || !m->questions || !domain_ids || !b->question_ids) {
        free(domain_ids);
        return nomem(b);
    }
    m->n_domains = list->n;
    size_t next_q = 0;
    for (size_t i = 0; i < list->n && st == RAS_OK; i++)
        st = read_domain(b, list->items[i], i, &next_q, &domain_ids[i]);
    m->n_questions = next_q;
    if (st == RAS_OK)
        st = ras_check_unique(&b->r, domain_ids, list->n, NULL, "domain id");
    if (st == RAS_OK)
        st = ras_check_unique(&b->r, b->question_ids, next_q, NULL, "question id");
    if (st == RAS_OK)
        st = check_points_limit(b, list);
    free(domain_ids);
    return st;
}

/* Where the keys that set one questionnaire version against another are
 * (model_versions.c); the whole document when a key is absent. */
static void note_places(ras_model *m, const ras_ynode *root)
{
    static const char *const keys[3] = {"questionnaire", "version", "effective_from"};
    for (size_t i = 0; i < 3; i++) {
        const ras_ynode *n = ras_ymap_get(root, keys[i]);
        m->at_line[i] = n ? n->line : root->line;
        m->at_column[i] = n ? n->column : root->column;
    }
}

ras_status ras_questionnaire_build(ras_model *m, const ras_ydoc *doc, ras_error *err)
{
    qbuild b = {.m = m, .r = {doc->file, RAS_ERR_MODEL, err}};
    const ras_ynode *root = doc->root;
    if (!root)
        return ras_fail(err, RAS_ERR_MODEL, doc->file, 0, 0, NULL, "the questionnaire is empty");
    ras_status st = ras_yget_keys(&b.r, root, "questionnaire", top_required, top_keys);
    size_t len;
    if (st == RAS_OK)
        st = read_id(&b, root, NULL, "questionnaire", &m->id, &len);
    if (st == RAS_OK)
        st = read_text(&b, root, NULL, "version", &m->version);
    if (st == RAS_OK)
        st = read_text(&b, root, NULL, "title", &m->title);
    const ras_ynode *date = ras_ymap_get(root, "effective_from");
    if (st == RAS_OK && date)
        st = ras_yget_date(&b.r, date, "questionnaire", "effective_from", &m->effective_from);
    if (st == RAS_OK)
        note_places(m, root);
    if (st == RAS_OK)
        st = read_domains(&b, ras_ymap_get(root, "domains"));
    free(b.question_ids);
    return st;
}
