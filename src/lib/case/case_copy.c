/* case_copy.c - one case copied onto another of the same model, so a
 * what-if (what_if.c) can change one answer of a copy and score it with
 * the one scorer, leaving the case itself as it was. */
#include "case.h"

void ras_case_copy(ras_case *dst, const ras_case *src)
{
    const ras_model *m = src->model;
    memcpy(dst->client_id, src->client_id, src->client_id_len + 1);
    dst->client_id_len = src->client_id_len;
    memcpy(dst->group, src->group, sizeof dst->group);
    dst->has_group = src->has_group;
    dst->new_client = src->new_client;
    dst->needs_increased = src->needs_increased;
    dst->has_existing = src->has_existing;
    dst->existing = src->existing;
    dst->assessed_on = src->assessed_on;
    if (m->n_questions) {
        memcpy(dst->single, src->single, m->n_questions * sizeof *dst->single);
        memcpy(dst->number, src->number, m->n_questions * sizeof *dst->number);
    }
    memcpy(dst->domain_points, src->domain_points, src->scratch_size); /* answered, chosen */
    dst->adjust_total = src->adjust_total;
    dst->where = src->where;
}
