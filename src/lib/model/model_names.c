/* model_names.c - the model's case-blind lookups of answers and groups
 * (model.h): a cell may name an answer by its id or its text, and a
 * group by its id or its title, in any case (docs/exports.md, "Cell
 * values"). Built once at load so a cell costs one hash probe. */
#include <string.h>

#include "model_load.h"
#include "text_check.h"

static ras_status nomem(const ras_model *m, ras_error *err)
{
    return ras_fail(err, RAS_ERR_NOMEM, m->file, 0, 0, NULL, "out of memory");
}

/* Ids first, so that an id wins over another answer's text; then the
 * texts, a text two answers share becoming ambiguous. */
static void index_question(ras_name_index *ix, const ras_question *q)
{
    uint32_t scope = (uint32_t)q->index;
    for (size_t k = 0; k < q->n_answers; k++) {
        const char *id = q->answers[k].id;
        ras_name_slot *s = ras_name_index_slot(ix, scope, id, strlen(id));
        s->key = id; /* ids are unique within a question and lower case */
        s->len = strlen(id);
        s->value = (int32_t)k;
    }
    for (size_t k = 0; k < q->n_answers; k++) {
        const ras_answer *a = &q->answers[k];
        size_t len = strlen(a->text);
        ras_name_slot *s = ras_name_index_slot(ix, scope, a->text, len);
        if (!s->key) {
            s->key = a->text;
            s->len = len;
            s->value = (int32_t)k;
        } else if (s->value >= 0 && (size_t)s->value != k && s->key != q->answers[s->value].id)
            s->value = RAS_NAME_AMBIGUOUS;
    }
}

static ras_status index_answers(ras_model *m, ras_error *err)
{
    if (!ras_name_index_init(&m->answer_names, &m->arena, 2 * m->n_answers))
        return nomem(m, err);
    for (size_t i = 0; i < m->n_questions; i++)
        if (m->questions[i].type != RAS_NUMBER)
            index_question(&m->answer_names, &m->questions[i]);
    return RAS_OK;
}

/* A title leading to a group: new, the same group's again (another
 * table's), shadowed by an id, or ambiguous. */
static void index_title(ras_model *m, const ras_group *g, int32_t flat)
{
    size_t len = strlen(g->title);
    ras_name_slot *s = ras_name_index_slot(&m->group_names, 0, g->title, len);
    if (!s->key) {
        s->key = g->title;
        s->len = len;
        s->value = flat;
    } else if (s->value >= 0 && strcmp(m->group_ids[s->value], g->name) != 0 &&
               s->key != m->group_ids[s->value])
        s->value = RAS_NAME_AMBIGUOUS;
    if (ras_text_is_id(g->title, len))
        m->title_is_id = true;
}

static ras_status index_groups(ras_model *m, ras_error *err)
{
    size_t total = 0;
    for (size_t t = 0; t < m->n_tables; t++)
        total += m->tables[t].n_groups;
    m->group_ids = ras_arena_array(&m->arena, total ? total : 1, sizeof *m->group_ids);
    if (!m->group_ids || !ras_name_index_init(&m->group_names, &m->arena, 2 * total))
        return nomem(m, err);
    int32_t flat = 0;
    for (size_t t = 0; t < m->n_tables; t++) {
        for (size_t g = 0; g < m->tables[t].n_groups; g++, flat++) {
            const char *id = m->tables[t].groups[g].name;
            m->group_ids[flat] = id;
            ras_name_slot *s = ras_name_index_slot(&m->group_names, 0, id, strlen(id));
            if (!s->key) { /* else another table's group of the same id */
                s->key = id;
                s->len = strlen(id);
                s->value = flat;
            }
        }
    }
    flat = 0;
    for (size_t t = 0; t < m->n_tables; t++)
        for (size_t g = 0; g < m->tables[t].n_groups; g++, flat++)
            if (m->tables[t].groups[g].title)
                index_title(m, &m->tables[t].groups[g], flat);
    return RAS_OK;
}

ras_status ras_model_index_names(ras_model *m, ras_error *err)
{
    ras_status st = index_answers(m, err);
    return st == RAS_OK ? index_groups(m, err) : st;
}

long ras_model_answer_named(const ras_model *m, const ras_question *q, const char *text, size_t len)
{
    return ras_name_index_find(&m->answer_names, (uint32_t)q->index, text, len);
}

const char *ras_model_group_named(const ras_model *m, const char *text, size_t len, bool *ambiguous)
{
    int32_t v = ras_name_index_find(&m->group_names, 0, text, len);
    *ambiguous = v == RAS_NAME_AMBIGUOUS;
    return v >= 0 ? m->group_ids[v] : NULL;
}
