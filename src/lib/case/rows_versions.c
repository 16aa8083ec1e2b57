/* rows_versions.c - each CSV row on the questionnaire version in force on
 * its assessed_on (rows_versions.h, docs/model-format.md section 4). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "model.h"
#include "result.h"
#include "rows_versions.h"
#include "text_check.h"

static ras_status nomem(ras_error *err)
{
    return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
}

ras_status ras_row_versions_init(ras_row_versions *v, const ras_model *model, bool keep_details,
                                 ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    memset(v, 0, sizeof *v);
    v->model = model;
    v->n = ras_model_questionnaire_count(model);
    v->date_col = -1;
    v->warn = warn;
    v->warn_ctx = warn_ctx;
    size_t older = v->n - 1;
    if (older == 0)
        return RAS_OK;
    v->rows = calloc(older, sizeof *v->rows);
    v->why = calloc(older, sizeof(char *));
    v->cases = calloc(older, sizeof(ras_case *));
    v->results = calloc(older, sizeof(ras_result *));
    if (!v->rows || !v->why || !v->cases || !v->results)
        return nomem(err);
    for (size_t i = 0; i < older; i++) {
        const ras_model *q = ras_model_questionnaire_at(model, i);
        v->cases[i] = ras_case_new(q);
        v->results[i] = ras_result_new(q);
        if (!v->cases[i] || !v->results[i])
            return nomem(err);
        ras_result_keep_details(v->results[i], keep_details);
    }
    return RAS_OK;
}

void ras_row_versions_warn(void *ctx, const ras_error *w)
{
    const ras_row_versions *v = ctx;
    if (!v->warn)
        return;
    /* A column of an older version's question is known, not ignored. */
    for (size_t i = 0; i + 1 < v->n && w->subject[0]; i++)
        if (ras_model_find_question(ras_model_questionnaire_at(v->model, i), w->subject,
                                    strlen(w->subject)))
            return;
    v->warn(v->warn_ctx, w);
}

/* The binding of version i (the latest: main). */
static const ras_rows *binding(const ras_row_versions *v, const ras_rows *main, size_t i)
{
    return i + 1 == v->n ? main : &v->rows[i];
}

/* foreign[i][j]: column j is a question of some version but not of i. */
static ras_status find_foreign(ras_row_versions *v, const ras_rows *main, ras_error *err)
{
    size_t cols = main->n_cols ? main->n_cols : 1;
    v->foreign = calloc(v->n, sizeof(bool *));
    v->any_foreign = calloc(v->n, sizeof(bool));
    if (!v->foreign || !v->any_foreign)
        return nomem(err);
    for (size_t i = 0; i < v->n; i++) {
        if (!(v->foreign[i] = calloc(cols, sizeof **v->foreign)))
            return nomem(err);
        const ras_rows *own = binding(v, main, i);
        for (size_t j = 0; j < main->n_cols; j++) {
            bool asked = own->cols && own->cols[j].kind == RAS_COL_QUESTION;
            for (size_t k = 0; k < v->n && !asked; k++) {
                const ras_rows *other = binding(v, main, k);
                v->foreign[i][j] = other->cols && other->cols[j].kind == RAS_COL_QUESTION;
                if (v->foreign[i][j]) {
                    v->any_foreign[i] = true;
                    break;
                }
            }
        }
    }
    return RAS_OK;
}

ras_status ras_row_versions_bind(ras_row_versions *v, const ras_rows *main, const ras_csv *r,
                                 const char *in_name, const char *extra, ras_error *err)
{
    for (size_t i = 0; i < main->n_cols; i++)
        if (main->cols[i].kind == RAS_COL_FIELD && main->cols[i].field == RAS_FIELD_ASSESSED_ON)
            v->date_col = (long)i;
    for (size_t i = 0; i + 1 < v->n; i++) {
        const ras_model *q = ras_model_questionnaire_at(v->model, i);
        ras_error e;
        ras_error_clear(&e);
        ras_status st = ras_rows_bind(&v->rows[i], q, r, in_name, extra, NULL, NULL, &e);
        if (st == RAS_ERR_NOMEM)
            return nomem(err);
        if (st == RAS_OK)
            continue;
        char msg[RAS_ERROR_MESSAGE_MAX + 128];
        snprintf(msg, sizeof msg,
                 "answered on questionnaire %s version %s (by its assessed_on), "
                 "which cannot read this file: %s",
                 ras_model_id(q), ras_model_version(q), e.message);
        if (!(v->why[i] = strdup(msg)))
            return nomem(err);
    }
    return v->n > 1 ? find_foreign(v, main, err) : RAS_OK;
}

/* The record's assessed_on, or 0 when it has none that reads. */
static ras_date row_date(const ras_row_versions *v, const ras_csv *rec)
{
    if (v->date_col < 0 || (size_t)v->date_col >= rec->n_fields)
        return 0;
    const ras_csv_field *f = &rec->fields[v->date_col];
    const char *s = f->text;
    size_t len = f->len;
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    ras_date d = 0;
    if (len == 0 ||
        ras_date_parse_lenient(s, len, ras_model_date_order(v->model), &d, NULL) != RAS_OK)
        return 0;
    return d;
}

void ras_row_versions_pick(const ras_row_versions *v, const ras_rows *main, ras_case *c,
                           ras_result *r, const ras_csv *rec, ras_row_pick *out)
{
    out->model = v->model;
    out->rows = main;
    out->c = c;
    out->r = r;
    out->why = NULL;
    if (v->n < 2)
        return;
    const ras_model *q = ras_model_questionnaire_on(v->model, row_date(v, rec));
    size_t at = v->n - 1;
    for (size_t i = 0; i + 1 < v->n; i++)
        if (ras_model_questionnaire_at(v->model, i) == q) {
            at = i;
            out->model = q;
            out->rows = &v->rows[i];
            out->c = v->cases[i];
            out->r = v->results[i];
            out->why = v->why[i];
        }
    /* Most rows are on a version with every column: nothing to look at. */
    for (size_t j = 0; v->any_foreign[at] && !out->why && j < rec->n_fields && j < main->n_cols;
         j++) {
        if (!v->foreign[at][j] || ras_text_is_blank(rec->fields[j].text, rec->fields[j].len))
            continue;
        snprintf(out->msg, sizeof out->msg,
                 "column '%.64s': not a question of questionnaire %s version %s, which this "
                 "row is answered on (by its assessed_on): leave it blank",
                 main->cols[j].name, ras_model_id(q), ras_model_version(q));
        out->why = out->msg;
    }
}

bool ras_row_versions_priced(const ras_row_versions *v, const ras_table *t, const ras_model *q)
{
    if (t->questionnaire_version)
        return strcmp(t->questionnaire_version, ras_model_version(q)) == 0;
    return q == v->model;
}

void ras_row_versions_unpriced(const ras_row_versions *v, const ras_model *q, const ras_table *t,
                               const char *what, unsigned long line, char *msg, size_t size)
{
    snprintf(msg, size,
             "line %lu: answered on questionnaire %s version %s (by its assessed_on), which %s, "
             "%s@%s, does not price: it prices version %s",
             line, ras_model_id(q), ras_model_version(q), what, t->id, t->version,
             t->questionnaire_version ? t->questionnaire_version : ras_model_version(v->model));
}

void ras_row_versions_free(ras_row_versions *v)
{
    for (size_t i = 0; i + 1 < v->n; i++) {
        if (v->rows)
            ras_rows_free(&v->rows[i]);
        if (v->why)
            free(v->why[i]);
        if (v->cases)
            ras_case_free(v->cases[i]);
        if (v->results)
            ras_result_free(v->results[i]);
    }
    for (size_t i = 0; v->foreign && i < v->n; i++)
        free(v->foreign[i]);
    free(v->foreign);
    free(v->any_foreign);
    free(v->rows);
    free(v->why);
    free(v->cases);
    free(v->results);
    memset(v, 0, sizeof *v);
}
