/* model_versions.c - a model of several questionnaire versions
 * (docs/model-format.md section 4): each version is loaded as a model of
 * its own holding the tables that price it, and the latest version owns
 * the others. Also the choice of a version by date or by name. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "model_load.h"
#include "yaml_doc.h"

enum { AT_ID, AT_VERSION, AT_DATE };

static ras_status nomem(ras_error *err, const char *file)
{
    return ras_fail(err, RAS_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
}

static ras_status fail_at(const ras_model *m, int key, const char *subject, ras_error *err,
                          const char *fmt, ...) RAS_PRINTF(5, 6);

static ras_status fail_at(const ras_model *m, int key, const char *subject, ras_error *err,
                          const char *fmt, ...)
{
    char msg[RAS_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return ras_fail(err, RAS_ERR_MODEL, m->file, m->at_line[key], m->at_column[key], subject, "%s",
                    msg);
}

/* One model's questionnaires are versions of one questionnaire, each
 * with its own version and its own date. */
static ras_status check_against_earlier(ras_model *const *qs, size_t i, ras_error *err)
{
    const ras_model *m = qs[i];
    for (size_t j = 0; j < i; j++) {
        const ras_model *o = qs[j];
        if (strcmp(m->id, o->id) != 0)
            return fail_at(m, AT_ID, "questionnaire", err,
                           "questionnaire '%s' is not '%s' of %s: the questionnaires of one "
                           "model are versions of one questionnaire",
                           m->id, o->id, o->file);
        if (strcmp(m->version, o->version) == 0)
            return fail_at(m, AT_VERSION, "version", err,
                           "questionnaire '%s' version '%s' is also in %s", m->id, m->version,
                           o->file);
        if (m->effective_from != o->effective_from)
            continue;
        if (!m->effective_from)
            return fail_at(m, AT_DATE, "effective_from", err,
                           "questionnaire version '%s' and version '%s' (%s) both have no "
                           "'effective_from': give each version its own date",
                           m->version, o->version, o->file);
        char date[11];
        ras_date_format(m->effective_from, date);
        return fail_at(m, AT_DATE, "effective_from", err,
                       "questionnaire version '%s' takes effect on %s, as version '%s' (%s) does",
                       m->version, date, o->version, o->file);
    }
    return RAS_OK;
}

static int compare_dates(const void *pa, const void *pb)
{
    const ras_model *a = *(ras_model *const *)pa, *b = *(ras_model *const *)pb;
    return (a->effective_from > b->effective_from) - (a->effective_from < b->effective_from);
}

/* "2023.1, 2024.1" into every version's arena, and room for the tables. */
static ras_status prepare_versions(ras_model **qs, size_t n, size_t n_tables, ras_error *err)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(qs[i]->version) + 2;
    char *list = malloc(len + 1);
    if (!list)
        return nomem(err, qs[0]->file);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(list + at, len + 1 - at, "%s%s", i ? ", " : "", qs[i]->version);
        at += w > 0 ? (size_t)w : 0;
    }
    list[at] = '\0';
    ras_status st = RAS_OK;
    for (size_t i = 0; i < n && st == RAS_OK; i++) {
        qs[i]->versions_list = ras_model_strdup(qs[i], list, strlen(list));
        qs[i]->tables = ras_arena_array(&qs[i]->arena, n_tables, sizeof *qs[i]->tables);
        if (!qs[i]->versions_list || !qs[i]->tables)
            st = nomem(err, qs[i]->file);
    }
    free(list);
    return st;
}

/* The version a table's `questionnaire_version` names; the latest when it
 * names none or one not in the model, which the table's own checks then
 * report at the key. */
static ras_model *priced_by(ras_model **qs, size_t n, const ras_ydoc *doc)
{
    const ras_ynode *v = doc->root && doc->root->kind == RAS_YMAP
                             ? ras_ymap_get(doc->root, "questionnaire_version")
                             : NULL;
    if (v && v->kind == RAS_YSCALAR)
        for (size_t i = 0; i < n; i++)
            if (strlen(qs[i]->version) == v->len && memcmp(qs[i]->version, v->text, v->len) == 0)
                return qs[i];
    return qs[n - 1];
}

static ras_status load_table(ras_model **qs, size_t n, const ras_source *src, ras_error *err)
{
    ras_ydoc doc;
    ras_status st = ras_ydoc_parse(&doc, src, err);
    if (st != RAS_OK)
        return st;
    ras_model *m = priced_by(qs, n, &doc);
    size_t i = m->n_tables++;
    ras_table *t = &m->tables[i];
    st = ras_model_describe_source(m, src, "scoring table", &t->file, t->fingerprint, err);
    if (st == RAS_OK)
        st = ras_scoring_table_build(m, i, &doc, err);
    ras_ydoc_free(&doc);
    return st;
}

/* Every version is priced by a table; tables are numbered across the
 * versions in date order. */
static ras_status finish_versions(ras_model **qs, size_t n, ras_error *err)
{
    size_t serial = 0;
    for (size_t i = 0; i < n; i++) {
        ras_model *m = qs[i];
        if (m->n_tables == 0)
            return fail_at(m, AT_VERSION, "version", err,
                           "questionnaire '%s' version '%s' has no scoring table: a table prices "
                           "it by naming 'questionnaire_version: \"%s\"'",
                           m->id, m->version, m->version);
        ras_model_sort_tables(m, serial);
        serial += m->n_tables;
        ras_status st = ras_model_index_names(m, err);
        if (st != RAS_OK)
            return st;
    }
    ras_model *top = qs[n - 1];
    top->n_all_tables = serial;
    top->versions = malloc(n * sizeof(ras_model *));
    if (!top->versions)
        return nomem(err, top->file);
    memcpy(top->versions, qs, n * sizeof(ras_model *));
    top->n_versions = n;
    return RAS_OK;
}

static ras_status load_all(ras_model **qs, const ras_source *questionnaires, size_t n_q,
                           const ras_source *tables, size_t n_tables, ras_error *err)
{
    ras_status st = RAS_OK;
    for (size_t i = 0; i < n_q && st == RAS_OK; i++) {
        if (!(qs[i] = calloc(1, sizeof *qs[i])))
            return nomem(err, questionnaires[i].name);
        st = ras_model_load_questionnaire(qs[i], &questionnaires[i], err);
        if (st == RAS_OK)
            st = check_against_earlier(qs, i, err);
    }
    if (st != RAS_OK)
        return st;
    qsort(qs, n_q, sizeof(ras_model *), compare_dates);
    if ((st = prepare_versions(qs, n_q, n_tables, err)) != RAS_OK)
        return st;
    for (size_t i = 0; i < n_tables && st == RAS_OK; i++)
        st = load_table(qs, n_q, &tables[i], err);
    return st == RAS_OK ? finish_versions(qs, n_q, err) : st;
}

ras_status ras_model_load_versions(const ras_source *questionnaires, size_t n_questionnaires,
                                   const ras_source *tables, size_t n_tables, ras_model **out,
                                   ras_error *err)
{
    if (n_questionnaires == 1)
        return ras_model_load(questionnaires, tables, n_tables, out, err);
    ras_status st = ras_model_check_args(questionnaires, tables, n_tables, out, err);
    if (st != RAS_OK)
        return st;
    if (n_questionnaires == 0 || n_questionnaires > RAS_MAX_TABLES)
        return ras_fail(err, n_questionnaires ? RAS_ERR_LIMIT : RAS_ERR_ARG, NULL, 0, 0, NULL,
                        "%zu questionnaires given: from 1 to %d are allowed", n_questionnaires,
                        RAS_MAX_TABLES);
    for (size_t i = 0; i < n_questionnaires; i++)
        if (!questionnaires[i].data && questionnaires[i].size)
            return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "questionnaire %zu has no data",
                            i + 1);
    ras_model **qs = calloc(n_questionnaires, sizeof(ras_model *));
    if (!qs)
        return nomem(err, questionnaires[0].name);
    st = load_all(qs, questionnaires, n_questionnaires, tables, n_tables, err);
    if (st == RAS_OK)
        *out = qs[n_questionnaires - 1];
    else
        for (size_t i = 0; i < n_questionnaires; i++)
            ras_model_free(qs[i]);
    free(qs);
    return st;
}

/* ---- choosing a version ---- */

size_t ras_model_questionnaire_count(const ras_model *model)
{
    return model && model->n_versions ? model->n_versions : 1;
}

const ras_model *ras_model_questionnaire_at(const ras_model *model, size_t i)
{
    if (!model)
        return NULL;
    if (!model->n_versions)
        return i == 0 ? model : NULL;
    return i < model->n_versions ? model->versions[i] : NULL;
}

const ras_model *ras_model_questionnaire_on(const ras_model *model, ras_date date)
{
    if (!model || !model->n_versions || date == 0)
        return model;
    /* The last version not after the date; the earliest for a date before
     * them all, whose tables then say whether they price it. */
    const ras_model *found = model->versions[0];
    for (size_t i = 1; i < model->n_versions && model->versions[i]->effective_from <= date; i++)
        found = model->versions[i];
    return found;
}

const ras_model *ras_model_questionnaire_named(const ras_model *model, const char *version)
{
    if (!model || !version)
        return NULL;
    for (size_t i = 0; i < ras_model_questionnaire_count(model); i++) {
        const ras_model *v = ras_model_questionnaire_at(model, i);
        if (strcmp(v->version, version) == 0)
            return v;
    }
    return NULL;
}

ras_date ras_model_effective_from(const ras_model *model)
{
    return model ? model->effective_from : 0;
}

const char *ras_table_questionnaire_version(const ras_table *t)
{
    return t ? t->questionnaire_version : NULL;
}

size_t ras_model_all_table_count(const ras_model *model)
{
    return model ? model->n_all_tables : 0;
}

const ras_table *ras_model_all_table(const ras_model *m, size_t serial)
{
    for (size_t i = 0; i < ras_model_questionnaire_count(m); i++) {
        const ras_model *v = ras_model_questionnaire_at(m, i);
        if (serial >= v->first_serial && serial - v->first_serial < v->n_tables)
            return &v->tables[serial - v->first_serial];
    }
    return NULL;
}
