/* model_load.h - the pieces of model loading shared between its files:
 * the questionnaire builder, the scoring-table builder, the loader that
 * drives them and the accessors. */
#ifndef RAS_MODEL_LOAD_H
#define RAS_MODEL_LOAD_H

#include "model.h"
#include "yaml_get.h"

/* Builds the questionnaire part of m (ids, domains, questions, answers)
 * from a parsed document, checking every rule of docs/model-format.md section 2. */
ras_status ras_questionnaire_build(ras_model *m, const ras_ydoc *doc, ras_error *err);

/* Builds tables[index] of m from a parsed document (docs/model-format.md section 3); the tables
 * before it are already built and are checked against it (one table per
 * effective date). */
ras_status ras_scoring_table_build(ras_model *m, size_t index, const ras_ydoc *doc, ras_error *err);

/* Checks ras_model_load's arguments, clearing *out. */
ras_status ras_model_check_args(const ras_source *questionnaire, const ras_source *tables,
                                size_t n_tables, ras_model **out, ras_error *err);
/* Copies a source's name (fallback when it has none) and fingerprint
 * into m's arena. */
ras_status ras_model_describe_source(ras_model *m, const ras_source *src, const char *fallback,
                                     const char **file, char print[65], ras_error *err);
/* Parses and builds m's questionnaire from src, with its indexes. */
ras_status ras_model_load_questionnaire(ras_model *m, const ras_source *src, ras_error *err);
/* Orders m's tables by date and numbers them from first_serial. */
void ras_model_sort_tables(ras_model *m, size_t first_serial);

/* Builds m's sorted indexes of question and answer ids, once its
 * questionnaire is built (model_index.c). */
ras_status ras_model_index(ras_model *m, ras_error *err);
/* Builds m's case-blind lookups of answers and groups (model.h), once
 * the questionnaire and every table are built. */
ras_status ras_model_index_names(ras_model *m, ras_error *err);

/* Reads a table's `statement:` section (docs/model-format.md section
 * 3.3) at node into s; ctx names the table in messages. */
ras_status ras_statement_build(const ras_yreader *r, ras_model *m, const ras_ynode *node,
                               const char *ctx, ras_statement *s);

/* The least and greatest points a question can give (an unrequired
 * question may give 0), saturating at INT64_MAX rather than overflowing. */
void ras_question_bounds(const ras_question *q, int64_t *min, int64_t *max);
/* The same for a domain, its cap applied. */
void ras_domain_bounds(const ras_domain *d, int64_t *min, int64_t *max);

/* a + b, held at INT64_MAX instead of overflowing (both >= 0). */
int64_t ras_add_saturate(int64_t a, int64_t b);

/* Reads a whole YAML file into src (data from ras_big_zalloc: the caller
 * frees it with ras_big_free);
 * stops one byte past the YAML size limit, which the parser then reports.
 * Also the column mapping's reader (columns.c). */
ras_status ras_read_yaml_file(const char *path, ras_source *src, ras_error *err);

/* An arena copy of len bytes, or NULL when out of memory. */
const char *ras_model_strdup(ras_model *m, const char *text, size_t len);

/* Checks that no two of n ids repeat. On a repeat, fails at the later
 * one's node with "CTX: WHAT 'ID' is used twice (first at line L)". */
typedef struct ras_id_at {
    const char *id;
    size_t len;
    const ras_ynode *at;
} ras_id_at;
ras_status ras_check_unique(const ras_yreader *r, ras_id_at *ids, size_t n, const char *ctx,
                            const char *what);

#endif
