/* result.c - a scoring result's memory and its accessors. */
#include "result.h"

#include <stdlib.h>
#include <string.h>

/* The most price lines any group of any table can give. */
static size_t most_bands(const ras_model *model)
{
    size_t most = 1;
    for (size_t i = 0; i < model->n_tables; i++)
        for (size_t g = 0; g < model->tables[i].n_groups; g++)
            if (model->tables[i].groups[g].n_bands > most)
                most = model->tables[i].groups[g].n_bands;
    return most;
}

ras_result *ras_result_new(const ras_model *model)
{
    if (!model)
        return NULL;
    ras_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->model = model;
    r->details = true;
    r->lines_cap = most_bands(model);
    /* +1 on each count so a model with none still gets a real pointer. */
    r->question_points = calloc(model->n_questions + 1, sizeof *r->question_points);
    r->domain_raw = calloc(model->n_domains + 1, sizeof *r->domain_raw);
    r->domain_points = calloc(model->n_domains + 1, sizeof *r->domain_points);
    r->lines = calloc(r->lines_cap, sizeof *r->lines);
    r->adjustments = calloc(model->n_answers + 1, sizeof *r->adjustments);
    if (!r->question_points || !r->domain_raw || !r->domain_points || !r->lines ||
        !r->adjustments) {
        ras_result_free(r);
        return NULL;
    }
    ras_result_reset(r);
    return r;
}

void ras_result_free(ras_result *r)
{
    if (!r)
        return;
    free(r->question_points);
    free(r->domain_raw);
    free(r->domain_points);
    free(r->lines);
    free(r->adjustments);
    free(r);
}

void ras_result_reset_figures(ras_result *r)
{
    r->table = NULL;
    r->client_id[0] = '\0';
    r->group = "default";
    r->group_index = 0;
    r->total = 0;
    r->eligible = false;
    r->n_lines = 0;
    r->priced = 0;
    r->n_adjustments = 0;
    r->adjust_total = 0;
    r->adjust_limited = false;
    r->adjusted = 0;
    r->rounded = 0;
    r->clamped = 0;
    r->ras_amount = 0;
    r->basis = RAS_BASIS_RAS;
    r->budget = 0;
    r->weekly = 0;
    r->panel = false;
}

void ras_result_reset(ras_result *r)
{
    const ras_model *m = r->model;
    ras_result_reset_figures(r);
    memset(r->question_points, 0, m->n_questions * sizeof *r->question_points);
    memset(r->domain_raw, 0, m->n_domains * sizeof *r->domain_raw);
    memset(r->domain_points, 0, m->n_domains * sizeof *r->domain_points);
}

void ras_result_keep_details(ras_result *r, bool keep)
{
    if (r)
        r->details = keep;
}

const char *ras_basis_name(ras_basis b)
{
    switch (b) {
    case RAS_BASIS_RAS: return "ras";
    case RAS_BASIS_EXISTING_PACKAGE: return "existing_package";
    case RAS_BASIS_BELOW_THRESHOLD: return "below_threshold";
    }
    return "unknown";
}

const ras_table *ras_result_table(const ras_result *r)
{
    return r->table;
}
const char *ras_result_client_id(const ras_result *r)
{
    return r->client_id;
}
const char *ras_result_group(const ras_result *r)
{
    return r->group;
}

int64_t ras_result_question_points(const ras_result *r, size_t question)
{
    return question < r->model->n_questions ? r->question_points[question] : 0;
}

int64_t ras_result_domain_raw(const ras_result *r, size_t domain)
{
    return domain < r->model->n_domains ? r->domain_raw[domain] : 0;
}

int64_t ras_result_domain_points(const ras_result *r, size_t domain)
{
    return domain < r->model->n_domains ? r->domain_points[domain] : 0;
}

int64_t ras_result_points(const ras_result *r)
{
    return r->total;
}
bool ras_result_eligible(const ras_result *r)
{
    return r->eligible;
}
size_t ras_result_price_line_count(const ras_result *r)
{
    return r->n_lines;
}

ras_price_line ras_result_price_line(const ras_result *r, size_t i)
{
    if (i >= r->n_lines)
        return (ras_price_line){0, 0, 0, 0, 0};
    return r->lines[i];
}

ras_pence ras_result_priced(const ras_result *r)
{
    return r->priced;
}
size_t ras_result_adjustment_count(const ras_result *r)
{
    return r->n_adjustments;
}

void ras_result_adjustment(const ras_result *r, size_t i, const ras_question **q, size_t *answer,
                           int32_t *adjust)
{
    ras_adjustment a = {NULL, 0, 0};
    if (i < r->n_adjustments)
        a = r->adjustments[i];
    if (q)
        *q = a.question;
    if (answer)
        *answer = a.answer;
    if (adjust)
        *adjust = a.adjust;
}

int32_t ras_result_adjust_total(const ras_result *r)
{
    return r->adjust_total;
}
bool ras_result_adjust_limited(const ras_result *r)
{
    return r->adjust_limited;
}
ras_pence ras_result_adjusted(const ras_result *r)
{
    return r->adjusted;
}
ras_pence ras_result_rounded(const ras_result *r)
{
    return r->rounded;
}
int ras_result_clamped(const ras_result *r)
{
    return r->clamped;
}
ras_pence ras_result_ras_amount(const ras_result *r)
{
    return r->ras_amount;
}
ras_basis ras_result_basis(const ras_result *r)
{
    return r->basis;
}
ras_pence ras_result_budget(const ras_result *r)
{
    return r->budget;
}
ras_pence ras_result_weekly(const ras_result *r)
{
    return r->weekly;
}
bool ras_result_panel(const ras_result *r)
{
    return r->panel;
}
