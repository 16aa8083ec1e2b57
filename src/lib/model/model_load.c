/* model_load.c - ras_model_load: parses the questionnaire and every
 * scoring table, builds the model in one arena, fingerprints the sources
 * and orders the tables by the date they take effect. */
#include <openssl/err.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "model_load.h"

const char *ras_model_strdup(ras_model *m, const char *text, size_t len)
{
    return ras_arena_strndup(&m->arena, text, len);
}

int64_t ras_add_saturate(int64_t a, int64_t b)
{
    return a > INT64_MAX - b ? INT64_MAX : a + b;
}

static int compare_ids(const void *pa, const void *pb)
{
    const ras_id_at *a = pa, *b = pb;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->id, b->id, n);
    if (c)
        return c;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    /* Equal ids stay in document order. */
    if (a->at->line != b->at->line)
        return a->at->line < b->at->line ? -1 : 1;
    return a->at->column < b->at->column ? -1 : (a->at->column > b->at->column);
}

static bool same_id(const ras_id_at *a, const ras_id_at *b)
{
    return a->len == b->len && memcmp(a->id, b->id, a->len) == 0;
}

static bool later(const ras_ynode *a, const ras_ynode *b)
{
    return a->line > b->line || (a->line == b->line && a->column > b->column);
}

/* Sorting keeps this O(n log n) on hostile input; the repeat reported is
 * the first one in the file. */
ras_status ras_check_unique(const ras_yreader *r, ras_id_at *ids, size_t n, const char *ctx,
                            const char *what)
{
    if (n < 2)
        return RAS_OK;
    qsort(ids, n, sizeof *ids, compare_ids);
    /* In a run of equal ids the first is the original and the second the
     * earliest repeat. */
    const ras_id_at *dup = NULL, *first = NULL;
    for (size_t i = 1; i < n; i++) {
        bool repeat = same_id(&ids[i - 1], &ids[i]);
        bool second = repeat && (i == 1 || !same_id(&ids[i - 2], &ids[i - 1]));
        if (second && (!dup || later(dup->at, ids[i].at))) {
            dup = &ids[i];
            first = &ids[i - 1];
        }
    }
    if (!dup)
        return RAS_OK;
    return ras_yfail(r, dup->at, dup->id, "%s%s%s '%s' is used twice (first at line %lu)",
                     ctx ? ctx : "", ctx ? ": " : "", what, dup->id,
                     (unsigned long)first->at->line);
}

/* Lower-case hex SHA-256 of the bytes, as sha256sum prints it. */
static bool fingerprint(const ras_source *src, char out[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    static const char hex[] = "0123456789abcdef";
    if (!EVP_Digest(src->data ? src->data : "", src->size, md, &len, EVP_sha256(), NULL) ||
        len != 32) {
        /* Leave no stale entry on the thread's OpenSSL error queue for an
         * embedding program that uses OpenSSL itself to trip over. */
        ERR_clear_error();
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[64] = '\0';
    return true;
}

static ras_status nomem(ras_error *err, const char *file)
{
    return ras_fail(err, RAS_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
}

ras_status ras_model_describe_source(ras_model *m, const ras_source *src, const char *fallback,
                                     const char **file, char print[65], ras_error *err)
{
    const char *name = src->name ? src->name : fallback;
    *file = ras_model_strdup(m, name, strlen(name));
    if (!*file)
        return nomem(err, name);
    if (!fingerprint(src, print))
        return ras_fail(err, RAS_ERR_NOMEM, name, 0, 0, NULL, "cannot compute SHA-256");
    return RAS_OK;
}

ras_status ras_model_load_questionnaire(ras_model *m, const ras_source *src, ras_error *err)
{
    ras_status st =
        ras_model_describe_source(m, src, "questionnaire", &m->file, m->fingerprint, err);
    if (st != RAS_OK)
        return st;
    ras_ydoc doc;
    st = ras_ydoc_parse(&doc, src, err);
    if (st == RAS_OK)
        st = ras_questionnaire_build(m, &doc, err);
    if (st == RAS_OK)
        st = ras_model_index(m, err);
    ras_ydoc_free(&doc);
    return st;
}

static ras_status load_table(ras_model *m, size_t i, const ras_source *src, ras_error *err)
{
    ras_table *t = &m->tables[i];
    ras_status st =
        ras_model_describe_source(m, src, "scoring table", &t->file, t->fingerprint, err);
    if (st != RAS_OK)
        return st;
    ras_ydoc doc;
    st = ras_ydoc_parse(&doc, src, err);
    if (st == RAS_OK)
        st = ras_scoring_table_build(m, i, &doc, err);
    ras_ydoc_free(&doc);
    return st;
}

static int compare_tables(const void *pa, const void *pb)
{
    const ras_table *a = pa, *b = pb;
    return (a->effective_from > b->effective_from) - (a->effective_from < b->effective_from);
}

void ras_model_sort_tables(ras_model *m, size_t first_serial)
{
    /* Dates are unique (checked per table), so the order is total. */
    qsort(m->tables, m->n_tables, sizeof *m->tables, compare_tables);
    m->first_serial = first_serial;
    for (size_t i = 0; i < m->n_tables; i++)
        m->tables[i].serial = first_serial + i;
}

ras_status ras_model_check_args(const ras_source *questionnaire, const ras_source *tables,
                                size_t n_tables, ras_model **out, ras_error *err)
{
    if (!out)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "no place to put the model");
    *out = NULL;
    if (!questionnaire || (!questionnaire->data && questionnaire->size))
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "no questionnaire given");
    if (!tables || n_tables == 0)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "no scoring table given");
    if (n_tables > RAS_MAX_TABLES)
        return ras_fail(err, RAS_ERR_LIMIT, NULL, 0, 0, NULL,
                        "%zu scoring tables given: at most %d are allowed", n_tables,
                        RAS_MAX_TABLES);
    for (size_t i = 0; i < n_tables; i++)
        if (!tables[i].data && tables[i].size)
            return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "scoring table %zu has no data",
                            i + 1);
    return RAS_OK;
}

/* Loads the questionnaire, then the tables in date order, into m. */
static ras_status load_parts(ras_model *m, const ras_source *questionnaire,
                             const ras_source *tables, size_t n_tables, ras_error *err)
{
    ras_status st = ras_model_load_questionnaire(m, questionnaire, err);
    if (st != RAS_OK)
        return st;
    m->tables = ras_arena_array(&m->arena, n_tables, sizeof *m->tables);
    if (!m->tables)
        return nomem(err, questionnaire->name);
    for (size_t i = 0; i < n_tables; i++) {
        m->n_tables = i + 1; /* so a failed table is freed too */
        if ((st = load_table(m, i, &tables[i], err)) != RAS_OK)
            return st;
    }
    ras_model_sort_tables(m, 0);
    m->n_all_tables = m->n_tables;
    return ras_model_index_names(m, err);
}

ras_status ras_model_load(const ras_source *questionnaire, const ras_source *tables,
                          size_t n_tables, ras_model **out, ras_error *err)
{
    ras_status st = ras_model_check_args(questionnaire, tables, n_tables, out, err);
    if (st != RAS_OK)
        return st;
    ras_model *m = calloc(1, sizeof *m);
    if (!m)
        return nomem(err, questionnaire->name);
    st = load_parts(m, questionnaire, tables, n_tables, err);
    if (st != RAS_OK) {
        ras_model_free(m);
        return st;
    }
    *out = m;
    return RAS_OK;
}

void ras_model_free(ras_model *model)
{
    if (!model)
        return;
    for (size_t i = 0; i < model->n_versions; i++)
        if (model->versions[i] != model)
            ras_model_free(model->versions[i]);
    free(model->versions);
    ras_arena_free(&model->arena);
    free(model);
}
