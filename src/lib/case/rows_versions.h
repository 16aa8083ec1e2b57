/* rows_versions.h - the rows of one CSV answered on different versions
 * of a model's questionnaire (docs/model-format.md section 4): the header
 * bound once per version, and each row sent to the version in force on its
 * assessed_on, with a case and a result of that version. A model of one
 * questionnaire takes the caller's own binding, case and result: nothing
 * changes for it. */
#ifndef RAS_ROWS_VERSIONS_H
#define RAS_ROWS_VERSIONS_H

#include "case_rows.h"

typedef struct ras_row_versions {
    const ras_model *model; /* the latest version */
    size_t n;               /* versions; the last is the latest */
    ras_rows *rows;         /* per older version: the header bound to it */
    char **why;             /* per older version: why its binding failed, or NULL */
    ras_case **cases;       /* per older version */
    /* Per version, the latest last: foreign[v][j] is true when column j is
     * a question of another version but not of v, whose rows must leave it
     * blank. NULL with one version. */
    bool **foreign;
    bool *any_foreign; /* per version: some foreign[v][j] is true */
    ras_result **results;
    long date_col; /* the assessed_on column, or -1 */
    /* The caller's warning callback, which ras_row_versions_warn passes
     * on but for columns that are questions of an older version. */
    ras_warn_fn warn;
    void *warn_ctx;
} ras_row_versions;

/* What one row is scored with. why is non-NULL when the row's version
 * cannot read this CSV (its binding failed): the row is then an error. */
typedef struct ras_row_pick {
    const ras_model *model;
    const ras_rows *rows;
    ras_case *c;
    ras_result *r;
    const char *why;
    char msg[RAS_ERROR_MESSAGE_MAX]; /* where why points for a row's own fault */
} ras_row_pick;

/* Makes a case and a result for every older version of model (details
 * kept as keep_details says), and keeps warn for ras_row_versions_warn.
 * Free v with ras_row_versions_free in every case. */
ras_status ras_row_versions_init(ras_row_versions *v, const ras_model *model, bool keep_details,
                                 ras_warn_fn warn, void *warn_ctx, ras_error *err);

/* The warning callback to bind the latest version's header with: ctx is
 * the ras_row_versions. */
void ras_row_versions_warn(void *ctx, const ras_error *w);

/* Binds the header record still in r (just bound to main, the latest
 * version) to every older version; a version that cannot read it fails
 * only the rows answered on it. */
ras_status ras_row_versions_bind(ras_row_versions *v, const ras_rows *main, const ras_csv *r,
                                 const char *in_name, const char *extra, ras_error *err);

/* The version in force on the current record's assessed_on, with its
 * binding, case and result; main, c and r for the latest version (and for
 * a row with no date, or a date that cannot be read, which the load then
 * reports). A row with a cell in a column its version lacks is an error
 * (why), as a case file answering a question its version lacks is. */
void ras_row_versions_pick(const ras_row_versions *v, const ras_rows *main, ras_case *c,
                           ras_result *r, const ras_csv *rec, ras_row_pick *out);

/* Whether table t prices version q (a version of v's model): the version
 * its questionnaire_version names, or, naming none, the latest. */
bool ras_row_versions_priced(const ras_row_versions *v, const ras_table *t, const ras_model *q);

/* The reason a row answered on version q is not priced by table t (named
 * as what, "the old table"), into msg: for the reports that price every
 * row with one table (calibrate, compare), where a row of another
 * version is an error. */
void ras_row_versions_unpriced(const ras_row_versions *v, const ras_model *q, const ras_table *t,
                               const char *what, unsigned long line, char *msg, size_t size);

void ras_row_versions_free(ras_row_versions *v);

#endif
