/* model_index.c - sorted indexes of names (model_index.h) and the model's
 * two: its question ids and, per question, its answer ids. */
#include <stdlib.h>
#include <string.h>

#include "model_index.h"
#include "model_load.h"

/* Orders by length first: most names differ in length, so the bytes are
 * rarely compared. */
static int compare_key(const char *a, size_t alen, const ras_id_entry *b)
{
    if (alen != b->len)
        return alen < b->len ? -1 : 1;
    return alen ? memcmp(a, b->name, alen) : 0;
}

static int compare_entries(const void *pa, const void *pb)
{
    const ras_id_entry *a = pa, *b = pb;
    int c = compare_key(a->name, a->len, b);
    if (c)
        return c;
    return (a->index > b->index) - (a->index < b->index);
}

void ras_id_index_sort(ras_id_entry *entries, size_t n)
{
    if (n > 1)
        qsort(entries, n, sizeof *entries, compare_entries);
}

long ras_id_index_find(const ras_id_entry *entries, size_t n, const char *name, size_t len)
{
    size_t lo = 0, hi = n; /* the first entry not below the name is in [lo, hi] */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_key(name, len, &entries[mid]) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && compare_key(name, len, &entries[lo]) == 0)
        return (long)entries[lo].index;
    return -1;
}

ras_status ras_model_index(ras_model *m, ras_error *err)
{
    /* Ids are at most RAS_MAX_ID bytes and the counts fit in 32 bits
     * (the loader's limits), so the entries' narrow fields hold them. */
    if (m->n_questions > UINT32_MAX || m->n_answers > UINT32_MAX)
        return ras_fail(err, RAS_ERR_LIMIT, m->file, 0, 0, NULL, "too many questions or answers");
    m->question_index =
        ras_arena_array(&m->arena, m->n_questions ? m->n_questions : 1, sizeof *m->question_index);
    m->answer_index =
        ras_arena_array(&m->arena, m->n_answers ? m->n_answers : 1, sizeof *m->answer_index);
    if (!m->question_index || !m->answer_index)
        return ras_fail(err, RAS_ERR_NOMEM, m->file, 0, 0, NULL, "out of memory");
    for (size_t i = 0; i < m->n_questions; i++) {
        const ras_question *q = &m->questions[i];
        m->question_index[i] = (ras_id_entry){q->id, (uint32_t)strlen(q->id), (uint32_t)i};
        ras_id_entry *answers = m->answer_index + q->first_answer;
        for (size_t k = 0; k < q->n_answers; k++)
            answers[k] =
                (ras_id_entry){q->answers[k].id, (uint32_t)strlen(q->answers[k].id), (uint32_t)k};
        ras_id_index_sort(answers, q->n_answers);
    }
    ras_id_index_sort(m->question_index, m->n_questions);
    return RAS_OK;
}

const ras_question *ras_model_find_question(const ras_model *model, const char *id, size_t len)
{
    if (!model || !id)
        return NULL;
    long i = ras_id_index_find(model->question_index, model->n_questions, id, len);
    return i < 0 ? NULL : &model->questions[i];
}

long ras_model_find_answer(const ras_model *model, const ras_question *q, const char *id,
                           size_t len)
{
    if (!model || !q || !id)
        return -1;
    return ras_id_index_find(model->answer_index + q->first_answer, q->n_answers, id, len);
}
