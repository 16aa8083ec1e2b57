/* model_access.c - the read-only accessors of a loaded model, its domains,
 * questions, answers and scoring tables. Out-of-range indexes give NULL or
 * 0 rather than undefined behaviour. */
#include <string.h>

#include "model_load.h"

/* ---- the questionnaire ---- */

const char *ras_model_id(const ras_model *model)
{
    return model->id;
}

const char *ras_model_version(const ras_model *model)
{
    return model->version;
}

const char *ras_model_title(const ras_model *model)
{
    return model->title;
}

const char *ras_model_file(const ras_model *model)
{
    return model->file;
}

const char *ras_model_fingerprint(const ras_model *model)
{
    return model->fingerprint;
}

size_t ras_model_domain_count(const ras_model *model)
{
    return model->n_domains;
}

const ras_domain *ras_model_domain(const ras_model *model, size_t i)
{
    return i < model->n_domains ? &model->domains[i] : NULL;
}

size_t ras_model_question_count(const ras_model *model)
{
    return model->n_questions;
}

const ras_question *ras_model_question(const ras_model *model, size_t i)
{
    return i < model->n_questions ? &model->questions[i] : NULL;
}

void ras_question_bounds(const ras_question *q, int64_t *min, int64_t *max)
{
    int64_t lo = 0, hi = 0;
    switch (q->type) {
    case RAS_SINGLE:
        for (size_t i = 0; i < q->n_answers; i++) {
            int64_t p = q->answers[i].points;
            if (i == 0 || p < lo)
                lo = p;
            if (i == 0 || p > hi)
                hi = p;
        }
        break;
    case RAS_MULTIPLE: /* none chosen gives 0, all chosen the sum */
        for (size_t i = 0; i < q->n_answers; i++)
            hi = ras_add_saturate(hi, q->answers[i].points);
        break;
    case RAS_NUMBER: /* both factors are at most RAS_MAX_POINTS: no overflow */
        lo = q->min * q->points_per_unit;
        hi = q->max * q->points_per_unit;
        break;
    }
    *min = q->required ? lo : 0;
    *max = hi;
}

void ras_domain_bounds(const ras_domain *d, int64_t *min, int64_t *max)
{
    int64_t lo = 0, hi = 0;
    for (size_t i = 0; i < d->n_questions; i++) {
        int64_t qlo, qhi;
        ras_question_bounds(&d->questions[i], &qlo, &qhi);
        lo = ras_add_saturate(lo, qlo);
        hi = ras_add_saturate(hi, qhi);
    }
    if (d->has_cap) {
        lo = lo < d->cap ? lo : d->cap;
        hi = hi < d->cap ? hi : d->cap;
    }
    *min = lo;
    *max = hi;
}

void ras_model_points_range(const ras_model *model, int64_t *min, int64_t *max)
{
    int64_t lo = 0, hi = 0;
    for (size_t i = 0; i < model->n_domains; i++) {
        int64_t dlo, dhi;
        ras_domain_bounds(&model->domains[i], &dlo, &dhi);
        lo = ras_add_saturate(lo, dlo);
        hi = ras_add_saturate(hi, dhi);
    }
    if (min)
        *min = lo;
    if (max)
        *max = hi;
}

/* ---- domains ---- */

const char *ras_domain_id(const ras_domain *domain)
{
    return domain->id;
}

const char *ras_domain_title(const ras_domain *domain)
{
    return domain->title;
}

bool ras_domain_has_cap(const ras_domain *domain)
{
    return domain->has_cap;
}

int64_t ras_domain_cap(const ras_domain *domain)
{
    return domain->cap;
}

size_t ras_domain_question_count(const ras_domain *domain)
{
    return domain->n_questions;
}

const ras_question *ras_domain_question(const ras_domain *domain, size_t i)
{
    return i < domain->n_questions ? &domain->questions[i] : NULL;
}

/* ---- questions and answers ---- */

const char *ras_question_id(const ras_question *q)
{
    return q->id;
}

const char *ras_question_text(const ras_question *q)
{
    return q->text;
}

const char *ras_question_help(const ras_question *q)
{
    return q->help;
}

ras_question_type ras_question_kind(const ras_question *q)
{
    return q->type;
}

bool ras_question_required(const ras_question *q)
{
    return q->required;
}

size_t ras_question_index(const ras_question *q)
{
    return q->index;
}

size_t ras_question_domain(const ras_question *q)
{
    return q->domain;
}

int64_t ras_question_min(const ras_question *q)
{
    return q->min;
}

int64_t ras_question_max(const ras_question *q)
{
    return q->max;
}

int64_t ras_question_points_per_unit(const ras_question *q)
{
    return q->points_per_unit;
}

size_t ras_question_answer_count(const ras_question *q)
{
    return q->n_answers;
}

const char *ras_answer_id(const ras_question *q, size_t i)
{
    return i < q->n_answers ? q->answers[i].id : NULL;
}

const char *ras_answer_text(const ras_question *q, size_t i)
{
    return i < q->n_answers ? q->answers[i].text : NULL;
}

int64_t ras_answer_points(const ras_question *q, size_t i)
{
    return i < q->n_answers ? q->answers[i].points : 0;
}

int32_t ras_answer_adjust(const ras_question *q, size_t i)
{
    return i < q->n_answers ? q->answers[i].adjust : 0;
}

/* ---- scoring tables ---- */

size_t ras_model_table_count(const ras_model *model)
{
    return model->n_tables;
}

const ras_table *ras_model_table(const ras_model *model, size_t i)
{
    return i < model->n_tables ? &model->tables[i] : NULL;
}

const ras_table *ras_model_table_on(const ras_model *model, ras_date date)
{
    if (model->n_tables == 0)
        return NULL;
    if (date == 0)
        return &model->tables[model->n_tables - 1];
    /* Tables are sorted by date: the last one not after the date wins. */
    const ras_table *found = NULL;
    for (size_t i = 0; i < model->n_tables && model->tables[i].effective_from <= date; i++)
        found = &model->tables[i];
    return found;
}

const char *ras_table_id(const ras_table *t)
{
    return t->id;
}

const char *ras_table_version(const ras_table *t)
{
    return t->version;
}

const char *ras_table_file(const ras_table *t)
{
    return t->file;
}

const char *ras_table_fingerprint(const ras_table *t)
{
    return t->fingerprint;
}

ras_date ras_table_effective_from(const ras_table *t)
{
    return t->effective_from;
}

const char *ras_table_currency(const ras_table *t)
{
    return t->currency;
}

int64_t ras_table_threshold(const ras_table *t)
{
    return t->threshold;
}

ras_rounding ras_table_rounding(const ras_table *t)
{
    return t->rounding;
}

int64_t ras_table_weeks_per_year(const ras_table *t)
{
    return t->weeks_per_year;
}

static bool optional_amount(bool has, ras_pence value, ras_pence *out)
{
    if (has && out)
        *out = value;
    return has;
}

bool ras_table_floor(const ras_table *t, ras_pence *out)
{
    return optional_amount(t->has_floor, t->floor, out);
}

bool ras_table_ceiling(const ras_table *t, ras_pence *out)
{
    return optional_amount(t->has_ceiling, t->ceiling, out);
}

bool ras_table_panel_threshold(const ras_table *t, ras_pence *out)
{
    return optional_amount(t->has_panel, t->panel_threshold, out);
}

bool ras_table_keeps_existing(const ras_table *t)
{
    return t->keep_existing;
}

size_t ras_table_group_count(const ras_table *t)
{
    return t->n_groups;
}

const char *ras_table_group_name(const ras_table *t, size_t i)
{
    return i < t->n_groups ? t->groups[i].name : NULL;
}

void ras_model_set_date_order(ras_model *model, ras_date_order order)
{
    if (!model || (order != RAS_DATES_DMY && order != RAS_DATES_MDY))
        return;
    model->date_order = order;
    for (size_t i = 0; i < model->n_versions; i++)
        model->versions[i]->date_order = order; /* a case is read on any version */
}

ras_date_order ras_model_date_order(const ras_model *model)
{
    return model ? model->date_order : RAS_DATES_DMY;
}

const char *ras_table_group_title(const ras_table *t, size_t i)
{
    return i < t->n_groups ? t->groups[i].title : NULL;
}

long ras_table_find_group(const ras_table *t, const char *name, size_t len)
{
    if (!name)
        return -1;
    for (size_t i = 0; i < t->n_groups; i++)
        if (strlen(t->groups[i].name) == len && memcmp(t->groups[i].name, name, len) == 0)
            return (long)i;
    return -1;
}

bool ras_table_group_uses_steps(const ras_table *t, size_t group)
{
    return group < t->n_groups && t->groups[group].steps;
}

size_t ras_table_band_count(const ras_table *t, size_t group)
{
    return group < t->n_groups ? t->groups[group].n_bands : 0;
}

int64_t ras_table_band_from(const ras_table *t, size_t group, size_t k)
{
    if (group >= t->n_groups || k >= t->groups[group].n_bands)
        return 0;
    return t->groups[group].from[k];
}

ras_pence ras_table_band_value(const ras_table *t, size_t group, size_t k)
{
    if (group >= t->n_groups || k >= t->groups[group].n_bands)
        return 0;
    return t->groups[group].value[k];
}

size_t ras_model_tables_used(const ras_model *m, const uint64_t *rows,
                             ras_table_use out[RAS_MAX_TABLES])
{
    size_t n = 0;
    for (size_t i = 0; i < m->n_all_tables && n < RAS_MAX_TABLES; i++)
        if (rows[i])
            out[n++] = (ras_table_use){ras_model_all_table(m, i), rows[i]};
    return n;
}

const char *ras_table_statement(const ras_table *t, ras_statement_part part)
{
    return t && (unsigned)part < RAS_STATEMENT_PART_COUNT ? t->statement.text[part] : NULL;
}
