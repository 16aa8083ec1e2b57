/* model.h - the loaded model's layout, shared by the loader, the case
 * reader and the scorer. Everything here is built once by the loader and
 * read-only afterwards, which is what makes scoring thread-safe. */
#ifndef RAS_MODEL_H
#define RAS_MODEL_H

#include "arena.h"
#include "model_index.h"
#include "name_index.h"
#include "ras.h"

/* Limits that keep memory bounded on hostile input (docs/design.md). */
#define RAS_MAX_DOC_MIB 16 /* one YAML file */
#define RAS_MAX_DOC_BYTES ((size_t)RAS_MAX_DOC_MIB * 1024 * 1024)
#define RAS_MAX_YAML_DEPTH 32       /* nesting of maps/lists */
#define RAS_MAX_ID 64               /* bytes in an id */
#define RAS_MAX_POINTS 1000000000LL /* any points figure */
/* A domain's questions before its cap: far above any real model, and low
 * enough that a case's running sums (case.h) can never overflow. */
#define RAS_MAX_DOMAIN_RAW (RAS_MAX_POINTS * 1000LL)
#define RAS_MAX_PENCE 100000000000000LL /* one trillion pounds */

typedef struct ras_answer {
    const char *id;
    const char *text;
    int64_t points;
    int32_t adjust; /* hundredths of a percent; 0 when none */
    bool has_adjust;
} ras_answer;

struct ras_question {
    const char *id;
    const char *text;
    const char *help; /* NULL when none */
    ras_question_type type;
    bool required;
    size_t index;  /* in ras_model.questions */
    size_t domain; /* index of its domain */
    /* single and multiple */
    ras_answer *answers;
    size_t n_answers;
    size_t first_answer; /* index of answers[0] among all the model's answers */
    /* number */
    int64_t min, max, points_per_unit;
};

struct ras_domain {
    const char *id;
    const char *title;
    bool has_cap;
    int64_t cap;
    ras_question *questions; /* points into ras_model.questions */
    size_t n_questions;
};

typedef struct ras_group {
    const char *name;
    bool steps;       /* false: bands */
    int64_t *from;    /* n_bands, strictly increasing, from[0] == 0 */
    ras_pence *value; /* rate per point (bands) or amount (steps) */
    size_t n_bands;
    const char *title; /* NULL when the table gives none */
} ras_group;

/* A table's `statement:` section (statement.c); NULL where not given. */
typedef struct ras_statement {
    const char *text[RAS_STATEMENT_PART_COUNT];
} ras_statement;

struct ras_table {
    const char *id;
    const char *version;
    const char *questionnaire;
    const char *questionnaire_version; /* NULL when the table names none */
    size_t serial;                     /* among all the versions' tables (ras_model_all_table) */
    const char *file;
    char fingerprint[65];
    ras_date effective_from; /* 0: always */
    char currency[4];
    int64_t threshold;
    ras_rounding rounding;
    int64_t weeks_per_year;
    bool has_floor, has_ceiling, has_panel;
    ras_pence floor, ceiling, panel_threshold;
    bool keep_existing;
    ras_group *groups;
    size_t n_groups;
    long default_group; /* index of "default", or -1 */
    ras_statement statement;
};

struct ras_model {
    ras_arena arena; /* owns every string and array below */
    const char *id;
    const char *version;
    const char *title;
    const char *file;
    char fingerprint[65];
    ras_date effective_from; /* the questionnaire's; 0: always */
    /* Where the questionnaire's top keys are, for the errors that set
     * one questionnaire against another (model_versions.c). */
    unsigned long at_line[3], at_column[3]; /* questionnaire, version, effective_from */
    /* A model of several questionnaire versions (docs/model-format.md
     * section 4): the loaded model is the latest version and owns the
     * others. versions holds them all by date, this one last; NULL when
     * there is one. versions_list ("2023.1, 2024.1") is set on every
     * version of such a model, NULL otherwise. first_serial is the serial
     * of tables[0]; n_all_tables counts every version's tables. */
    ras_model **versions;
    size_t n_versions;
    const char *versions_list;
    size_t first_serial;
    size_t n_all_tables;
    ras_domain *domains;
    size_t n_domains;
    ras_question *questions; /* all questions, domain by domain */
    size_t n_questions;
    size_t n_answers;  /* answers over all questions */
    ras_table *tables; /* sorted by effective_from, "always" first */
    size_t n_tables;
    /* Sorted indexes (model_index.c), built at load so that finding an id
     * does not walk the model: every question's id, and every answer's
     * id, each question's at [first_answer, first_answer + n_answers). */
    ras_id_entry *question_index;
    ras_id_entry *answer_index;
    /* Case-blind lookups built at load (model_names.c), for cells that
     * name an answer or a group in other letters or by its text:
     * - answer_names: each answer's id and text, scoped by its
     *   question's index, valued by the answer's index in the question;
     * - group_names: each group's id and title over all the tables,
     *   valued by an index into group_ids (every table's groups in
     *   turn), so a title leads to its group's id;
     * - title_is_id: some title is itself a valid id ("elderly"), so a
     *   cell holding an id must be looked up, not taken as it is. */
    ras_name_index answer_names;
    ras_name_index group_names;
    const char **group_ids;
    bool title_is_id;
    ras_date_order date_order; /* how cases read 01/07/2025 */
};

/* The index of question q's answer with this id, or -1: O(log n). */
long ras_model_find_answer(const ras_model *model, const ras_question *q, const char *id,
                           size_t len);

/* The index of question q's answer that text names by its id or its
 * text, ASCII case folded (docs/exports.md, "Cell values"): -1 when none,
 * RAS_NAME_AMBIGUOUS when the text is the text of two answers. */
long ras_model_answer_named(const ras_model *m, const ras_question *q, const char *text,
                            size_t len);

/* The id of the group text names by its id or title, case folded; NULL
 * when none, with *ambiguous set when the title is two groups'. */
const char *ras_model_group_named(const ras_model *m, const char *text, size_t len,
                                  bool *ambiguous);

/* The table with this serial among every version's tables (their
 * versions by date, each one's tables by date), or NULL. */
const ras_table *ras_model_all_table(const ras_model *m, size_t serial);

/* The summary's list of tables that scored rows: each of m's tables (of
 * every version, rows indexed by serial) with rows[i] > 0, in serial order, at most RAS_MAX_TABLES.
 * Returns how many were written to out. */
size_t ras_model_tables_used(const ras_model *m, const uint64_t *rows,
                             ras_table_use out[RAS_MAX_TABLES]);

#endif
