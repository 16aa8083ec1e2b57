/*
 * ras.h - the public interface of libras, a points-based Resource
 * Allocation System: it loads a questionnaire and scoring tables (YAML),
 * scores a client's answers and explains the indicative budget.
 *
 * Conventions, kept everywhere in this header:
 *  - every public name starts with ras_ / RAS_;
 *  - handles (ras_model, ras_case, ras_result) are opaque; each *_new or
 *    *_load has a *_free, and every *_free accepts NULL;
 *  - pointers returned by accessors are borrowed: they live as long as the
 *    object they came from and are never freed by the caller;
 *  - functions that can fail return a ras_status and, when given a non-NULL
 *    ras_error, fill it with a message and where the fault lies;
 *  - money is whole pence in a 64-bit integer (ras_pence); no floating
 *    point is used for money anywhere in the library;
 *  - a loaded model is read-only: any number of threads may score with one
 *    model at once, each with its own ras_case and ras_result.
 */
#ifndef RAS_H
#define RAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ras_export.h"
#include "ras_version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Version                                                            */

/* The library's version string, e.g. "1.0.0"; equals RAS_VERSION_STRING
 * of the header the library was built with. */
RAS_EXPORT const char *ras_version(void);
/* RAS_VERSION_NUMBER of the built library: major * 10000 + minor * 100 + patch. */
RAS_EXPORT int ras_version_number(void);
/* Writes the libraries ras runs with, e.g. "libyaml 0.2.5, OpenSSL 3.0.19",
 * into buf (NUL-terminated when size > 0); returns the length needed. */
RAS_EXPORT size_t ras_build_info(char *buf, size_t size);

/* ------------------------------------------------------------------ */
/* Status and errors                                                  */

typedef enum ras_status {
    RAS_OK = 0,
    RAS_ERR_NOMEM,    /* out of memory */
    RAS_ERR_IO,       /* a file could not be read or written */
    RAS_ERR_SYNTAX,   /* not well-formed YAML or CSV */
    RAS_ERR_MODEL,    /* the model breaks a rule of the model format */
    RAS_ERR_CASE,     /* a case (client details or answers) is invalid */
    RAS_ERR_LIMIT,    /* input exceeds a size, length or depth limit */
    RAS_ERR_OVERFLOW, /* a number or sum would not fit */
    RAS_ERR_ARG       /* the caller passed an invalid argument */
} ras_status;

/* A stable lower-case name for a status, e.g. "model". Never NULL. */
RAS_EXPORT const char *ras_status_name(ras_status status);

#define RAS_ERROR_FILE_MAX 256
#define RAS_ERROR_SUBJECT_MAX 128
#define RAS_ERROR_MESSAGE_MAX 512

/* Where and why something failed. Plain data: no ownership, copy freely. */
typedef struct ras_error {
    ras_status status;
    char file[RAS_ERROR_FILE_MAX];       /* "" when not known */
    unsigned long line;                  /* 1-based; 0 when not known */
    unsigned long column;                /* 1-based; 0 when not known */
    char subject[RAS_ERROR_SUBJECT_MAX]; /* key, question or column at fault, or "" */
    char message[RAS_ERROR_MESSAGE_MAX]; /* one line, no trailing newline */
} ras_error;

/* Resets an error to RAS_OK with every text empty. */
RAS_EXPORT void ras_error_clear(ras_error *err);

/* Writes "FILE:LINE:COLUMN: message" (parts not known are left out) into
 * buf, always NUL-terminated when size > 0. An I/O error whose message
 * already names its file ("cannot read FILE: reason") is not prefixed with
 * it again. Returns the length the full text needs, like snprintf. */
RAS_EXPORT size_t ras_error_format(const ras_error *err, char *buf, size_t size);

/* Called once for each warning (a batch's ignored column, named once) or
 * each problem (ras_case_load_each); the record is borrowed for the call. */
typedef void (*ras_warn_fn)(void *ctx, const ras_error *warning);

/* ------------------------------------------------------------------ */
/* Money and dates                                                    */

typedef int64_t ras_pence; /* whole pence */

/* Parses pounds written as digits with an optional point and at most two
 * decimals ("7800", "7800.5", "7800.50"). No sign, no separators, no
 * spaces. Returns RAS_ERR_ARG for bad text, RAS_ERR_OVERFLOW when too large. */
RAS_EXPORT ras_status ras_money_parse(const char *text, size_t len, ras_pence *out);

typedef enum ras_money_style {
    RAS_MONEY_PLAIN, /* 12345.67 (negative: -12.00) */
    RAS_MONEY_HUMAN  /* £12,345.67 with the currency's symbol (or "EUR 1.00") */
} ras_money_style;

/* Formats an amount; currency is a 3-letter code (NULL means GBP).
 * Same return convention as ras_error_format. */
RAS_EXPORT size_t ras_money_format(ras_pence amount, ras_money_style style, const char *currency,
                                   char *buf, size_t size);

/* Dates are held as the integer YYYYMMDD (20100401); 0 means "none". */
typedef int32_t ras_date;

/* Parses "YYYY-MM-DD"; the date must exist (2011-02-29 does not). */
RAS_EXPORT ras_status ras_date_parse(const char *text, size_t len, ras_date *out);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes). */
RAS_EXPORT void ras_date_format(ras_date date, char buf[11]);

/* Case data as exports and people write it (docs/exports.md, "Money" and
 * "Dates"); model files keep the strict forms above.
 *
 * Money: spaces and tabs around it trimmed; an optional pound sign (the
 * UTF-8 bytes C2 A3, spaces after it allowed); digits, with commas only
 * between groups of three ("1,234,567"); at most two decimals:
 * "£1,234.50", "1,234.50", "1234.5", "£1234", " 1234 ". On failure
 * RAS_ERR_ARG ("'1.234,50' is not an amount in pounds (like 1234.50,
 * 1,234.50 or £1,234.50)") or RAS_ERR_OVERFLOW, the message in err
 * showing the text; err may be NULL. */
RAS_EXPORT ras_status ras_money_parse_lenient(const char *text, size_t len, ras_pence *out,
                                              ras_error *err);

/* How a date written with slashes is read: 01/07/2025 is the 1st of July
 * (day first, the default, as English councils write) or the 7th of
 * January (month first, as US exports write). */
typedef enum ras_date_order { RAS_DATES_DMY, RAS_DATES_MDY } ras_date_order;

/* Dates: spaces trimmed; ISO "2025-07-01", or "1/7/2025" and
 * "01/07/2025" read in the given order, the year in four digits; either
 * may be followed by a time after a space or 'T' ("01/07/2025 00:00",
 * "2025-07-01T00:00:00", "7/1/2025 12:00:00 AM"), which is checked and
 * ignored. A two-digit year, a day that does not exist, or any other form
 * is RAS_ERR_ARG, the message in err (may be NULL) showing the text. */
RAS_EXPORT ras_status ras_date_parse_lenient(const char *text, size_t len, ras_date_order order,
                                             ras_date *out, ras_error *err);

/* ------------------------------------------------------------------ */
/* Models                                                             */

typedef struct ras_model ras_model;       /* questionnaire + scoring tables */
typedef struct ras_domain ras_domain;     /* borrowed from a model */
typedef struct ras_question ras_question; /* borrowed from a model */
typedef struct ras_table ras_table;       /* borrowed from a model */

/* A named buffer: the bytes of one file. The name is used in messages. */
typedef struct ras_source {
    const char *name;
    const void *data;
    size_t size;
} ras_source;

/* Loads a model from a questionnaire and n_tables (at least 1) scoring
 * tables held in memory. On success *out owns a new model: free it with
 * ras_model_free. On failure *out is NULL and err says where and why. */
RAS_EXPORT ras_status ras_model_load(const ras_source *questionnaire, const ras_source *tables,
                                     size_t n_tables, ras_model **out, ras_error *err);

/* The same from files on disk. */
RAS_EXPORT ras_status ras_model_load_files(const char *questionnaire_path,
                                           const char *const *table_paths, size_t n_tables,
                                           ras_model **out, ras_error *err);

/* A model directory: questionnaire.yaml and every scoring*.yaml beside it. */
RAS_EXPORT ras_status ras_model_load_dir(const char *dir, ras_model **out, ras_error *err);

/* A model compiled into the library; name NULL means the default ("adult").
 * RAS_ERR_ARG when no built-in model has that name. */
RAS_EXPORT ras_status ras_model_load_builtin(const char *name, ras_model **out, ras_error *err);

/* Added for questionnaire versions (docs/model-format.md section 4): a
 * model of n_questionnaires (at least 1) versions of one questionnaire,
 * each with its own effective_from, and the n_tables scoring tables that
 * price them (each names its version in `questionnaire_version`). With one
 * questionnaire this is ras_model_load. *out is the latest version; it owns
 * the others (ras_model_questionnaire_at), which ras_model_free frees with
 * it. Every other function that takes a model works on any version, and a
 * version's tables are those that price it. */
RAS_EXPORT ras_status ras_model_load_versions(const ras_source *questionnaires,
                                              size_t n_questionnaires, const ras_source *tables,
                                              size_t n_tables, ras_model **out, ras_error *err);
/* The same from files on disk. */
RAS_EXPORT ras_status ras_model_load_files_versions(const char *const *questionnaire_paths,
                                                    size_t n_questionnaires,
                                                    const char *const *table_paths, size_t n_tables,
                                                    ras_model **out, ras_error *err);
/* The questionnaire versions of a model, by effective_from (1 for a model
 * of one questionnaire, whose only version is the model itself). Each is
 * borrowed from the model and lives as long as it. */
RAS_EXPORT size_t ras_model_questionnaire_count(const ras_model *model);
RAS_EXPORT const ras_model *ras_model_questionnaire_at(const ras_model *model, size_t i);
/* The version in force on a date: the latest effective_from on or before
 * it; the earliest version for a date before them all; the latest for date
 * 0 (no date). Borrowed. */
RAS_EXPORT const ras_model *ras_model_questionnaire_on(const ras_model *model, ras_date date);
/* The version whose `version` is this text, or NULL. Borrowed. */
RAS_EXPORT const ras_model *ras_model_questionnaire_named(const ras_model *model,
                                                          const char *version);
/* The questionnaire's effective_from; 0 when it has none (always). */
RAS_EXPORT ras_date ras_model_effective_from(const ras_model *model);
/* The tables of every version (ras_model_table_count counts one
 * version's). */
RAS_EXPORT size_t ras_model_all_table_count(const ras_model *model);

/* The names of the built-in models, NULL-terminated; the first is the default. */
RAS_EXPORT const char *const *ras_builtin_models(void);

/* Added for `ras init`: the files of a built-in model, so a
 * program can write them out as a starting point. On success *files points
 * at *n sources (the questionnaire first, then the scoring tables in name
 * order), borrowed from the library and never freed. Each source's name is
 * "builtin:NAME/FILE", FILE being the name the file had in config/NAME.
 * name NULL means the default model. RAS_ERR_ARG when no built-in model has
 * that name or an argument is NULL. */
RAS_EXPORT ras_status ras_builtin_files(const char *name, const ras_source **files, size_t *n,
                                        ras_error *err);

/* The name of the built-in model whose questionnaire has this id (the
 * first such, the default first), or NULL when none has: `ras score`
 * picks the model a case file names (docs/model-format.md section 6.1). */
RAS_EXPORT const char *ras_builtin_for_questionnaire(const char *questionnaire);

RAS_EXPORT void ras_model_free(ras_model *model);

/* How the model's cases read dates written with slashes (client
 * assessed_on in CSV rows and case files): day first unless set. Set it
 * before the model is shared between threads; `--dates` sets it. */
RAS_EXPORT void ras_model_set_date_order(ras_model *model, ras_date_order order);
RAS_EXPORT ras_date_order ras_model_date_order(const ras_model *model);

/* The questionnaire. */
RAS_EXPORT const char *ras_model_id(const ras_model *model);
RAS_EXPORT const char *ras_model_version(const ras_model *model);
RAS_EXPORT const char *ras_model_title(const ras_model *model);
RAS_EXPORT const char *ras_model_file(const ras_model *model);
/* SHA-256 of the questionnaire file's bytes, 64 lower-case hex digits. */
RAS_EXPORT const char *ras_model_fingerprint(const ras_model *model);

RAS_EXPORT size_t ras_model_domain_count(const ras_model *model);
RAS_EXPORT const ras_domain *ras_model_domain(const ras_model *model, size_t i);
/* Questions of all domains in file order; ras_question_index gives i back. */
RAS_EXPORT size_t ras_model_question_count(const ras_model *model);
RAS_EXPORT const ras_question *ras_model_question(const ras_model *model, size_t i);
/* The question with this id (len bytes), or NULL. O(log n): the model
 * keeps a sorted index of its ids. */
RAS_EXPORT const ras_question *ras_model_find_question(const ras_model *model, const char *id,
                                                       size_t len);
/* The least and greatest total points any complete set of answers can give. */
RAS_EXPORT void ras_model_points_range(const ras_model *model, int64_t *min, int64_t *max);

RAS_EXPORT const char *ras_domain_id(const ras_domain *domain);
RAS_EXPORT const char *ras_domain_title(const ras_domain *domain);
RAS_EXPORT bool ras_domain_has_cap(const ras_domain *domain);
RAS_EXPORT int64_t ras_domain_cap(const ras_domain *domain);
RAS_EXPORT size_t ras_domain_question_count(const ras_domain *domain);
RAS_EXPORT const ras_question *ras_domain_question(const ras_domain *domain, size_t i);

typedef enum ras_question_type { RAS_SINGLE, RAS_MULTIPLE, RAS_NUMBER } ras_question_type;

RAS_EXPORT const char *ras_question_id(const ras_question *q);
RAS_EXPORT const char *ras_question_text(const ras_question *q);
RAS_EXPORT const char *ras_question_help(const ras_question *q); /* NULL when none */
RAS_EXPORT ras_question_type ras_question_kind(const ras_question *q);
RAS_EXPORT bool ras_question_required(const ras_question *q);
RAS_EXPORT size_t ras_question_index(const ras_question *q);
RAS_EXPORT size_t ras_question_domain(const ras_question *q); /* index of its domain */
/* number questions: */
RAS_EXPORT int64_t ras_question_min(const ras_question *q);
RAS_EXPORT int64_t ras_question_max(const ras_question *q);
RAS_EXPORT int64_t ras_question_points_per_unit(const ras_question *q);
/* single and multiple questions: */
RAS_EXPORT size_t ras_question_answer_count(const ras_question *q);
RAS_EXPORT const char *ras_answer_id(const ras_question *q, size_t i);
RAS_EXPORT const char *ras_answer_text(const ras_question *q, size_t i);
RAS_EXPORT int64_t ras_answer_points(const ras_question *q, size_t i);
/* The answer's adjust in hundredths of a percent (-12.5% is -1250); 0 when none. */
RAS_EXPORT int32_t ras_answer_adjust(const ras_question *q, size_t i);

/* Scoring tables, ordered by effective_from (a table with none comes first). */
RAS_EXPORT size_t ras_model_table_count(const ras_model *model);
RAS_EXPORT const ras_table *ras_model_table(const ras_model *model, size_t i);
/* The table in force on a date (latest effective_from on or before it);
 * date 0 means the latest table. NULL when the date is before every table. */
RAS_EXPORT const ras_table *ras_model_table_on(const ras_model *model, ras_date date);

typedef enum ras_rounding { RAS_ROUND_PENNY, RAS_ROUND_POUND } ras_rounding;

RAS_EXPORT const char *ras_table_id(const ras_table *t);
/* The questionnaire version the table names in `questionnaire_version`;
 * NULL when it names none (a model of one questionnaire). */
RAS_EXPORT const char *ras_table_questionnaire_version(const ras_table *t);
RAS_EXPORT const char *ras_table_version(const ras_table *t);
RAS_EXPORT const char *ras_table_file(const ras_table *t);
RAS_EXPORT const char *ras_table_fingerprint(const ras_table *t);
RAS_EXPORT ras_date ras_table_effective_from(const ras_table *t); /* 0: always */
RAS_EXPORT const char *ras_table_currency(const ras_table *t);
RAS_EXPORT int64_t ras_table_threshold(const ras_table *t);
RAS_EXPORT ras_rounding ras_table_rounding(const ras_table *t);
RAS_EXPORT int64_t ras_table_weeks_per_year(const ras_table *t);
/* Optional amounts: return false when the table does not set them. */
RAS_EXPORT bool ras_table_floor(const ras_table *t, ras_pence *out);
RAS_EXPORT bool ras_table_ceiling(const ras_table *t, ras_pence *out);
RAS_EXPORT bool ras_table_panel_threshold(const ras_table *t, ras_pence *out);
RAS_EXPORT bool ras_table_keeps_existing(const ras_table *t); /* existing_package: keep */
RAS_EXPORT size_t ras_table_group_count(const ras_table *t);
RAS_EXPORT const char *ras_table_group_name(const ras_table *t, size_t i);
/* The group's title, what a person reads ("Older people"), or NULL when
 * the table gives it none (show ras_table_group_name then). */
RAS_EXPORT const char *ras_table_group_title(const ras_table *t, size_t i);
/* The group's index, or -1 when the table has no such group. */
RAS_EXPORT long ras_table_find_group(const ras_table *t, const char *name, size_t len);
RAS_EXPORT bool ras_table_group_uses_steps(const ras_table *t, size_t group);
/* Band k of a group: its first point and its rate per point (bands), or
 * amount (steps). */
RAS_EXPORT size_t ras_table_band_count(const ras_table *t, size_t group);
RAS_EXPORT int64_t ras_table_band_from(const ras_table *t, size_t group, size_t k);
RAS_EXPORT ras_pence ras_table_band_value(const ras_table *t, size_t group, size_t k);

/* Added for the statement (docs/statement.md): the council's own words,
 * from a table's optional `statement:` section. NEXT_RAS + a ras_basis is
 * what happens next on that basis. */
typedef enum ras_statement_part {
    RAS_STATEMENT_COUNCIL,               /* the council's name */
    RAS_STATEMENT_PURPOSE,               /* what the budget is for */
    RAS_STATEMENT_NEXT_RAS,              /* what happens next: the RAS amount */
    RAS_STATEMENT_NEXT_EXISTING_PACKAGE, /* ... the existing package kept */
    RAS_STATEMENT_NEXT_BELOW_THRESHOLD,  /* ... below the threshold */
    RAS_STATEMENT_PANEL,                 /* what the panel means, when a case goes to it */
    RAS_STATEMENT_CONTACT,               /* who to ask */
    RAS_STATEMENT_PART_COUNT
} ras_statement_part;

/* The table's text for that part, or NULL when the table gives none. */
RAS_EXPORT const char *ras_table_statement(const ras_table *t, ras_statement_part part);

/* The RAS amount a total of points gives in a group with no adjustment:
 * docs/scoring.md steps 4, 5, 7 and 8 (threshold, price, round, clamp). */
RAS_EXPORT ras_status ras_table_amount(const ras_table *t, size_t group, int64_t points,
                                       ras_pence *out);

/* Describes a model as `ras check` shows it: files, ids, versions and
 * fingerprints, questions per domain, points range, budget range per group
 * and effective dates. */
RAS_EXPORT ras_status ras_model_write_text(const ras_model *model, FILE *out);
RAS_EXPORT ras_status ras_model_write_json(const ras_model *model, FILE *out);

/* Added for `ras form`: the questionnaire as a form for the client to fill
 * in before the assessment, with room for their details, each part (domain)
 * and question in the model's order and words, its help text and its
 * answers (points are not shown). _html writes one self-contained page
 * (inline CSS, no scripts, nothing fetched) with tick boxes, printing on
 * A4; _text the same in plain text for a screen reader. RAS_ERR_IO when
 * writing failed. */
RAS_EXPORT ras_status ras_model_write_form_html(const ras_model *model, FILE *out);
RAS_EXPORT ras_status ras_model_write_form_text(const ras_model *model, FILE *out);

/* ------------------------------------------------------------------ */
/* Cases                                                              */

typedef struct ras_case ras_case;

/* A blank case for a model: no answers, every client detail at its
 * default. The model must outlive the case. NULL when out of memory. */
RAS_EXPORT ras_case *ras_case_new(const ras_model *model);
RAS_EXPORT void ras_case_free(ras_case *c);
/* Back to blank, keeping its memory (for streaming many cases). */
RAS_EXPORT void ras_case_clear(ras_case *c);

/* Reads one case (YAML or JSON, docs/model-format.md section 6). Unknown questions or
 * answers, wrong types and bad values are errors located by line and
 * column. A missing required answer is reported by ras_score. */
RAS_EXPORT ras_status ras_case_load(const ras_model *model, const ras_source *src, ras_case **out,
                                    ras_error *err);
/* The same from a file; path "-" reads standard input. */
RAS_EXPORT ras_status ras_case_load_file(const ras_model *model, const char *path, ras_case **out,
                                         ras_error *err);

/* Added for `ras score`, which reports every problem of a case file at
 * once: ras_case_load, going on past each problem to find the next, and
 * also reporting every required question left out (which ras_case_load
 * leaves to ras_score). Each problem goes to report (when not NULL), in
 * the file's order, the first RAS_CASE_MAX_ERRORS of them; *n_problems
 * (when not NULL) receives how many were found in all, and err the
 * first. A file that is not YAML is one problem. On success *out owns
 * the case and *n_problems is 0; on failure *out is NULL and the status
 * is the first problem's. */
#define RAS_CASE_MAX_ERRORS 20
RAS_EXPORT ras_status ras_case_load_each(const ras_model *model, const ras_source *src,
                                         ras_case **out, ras_warn_fn report, void *report_ctx,
                                         size_t *n_problems, ras_error *err);

/* Added for questionnaire versions (docs/model-format.md section 6.1):
 * the version of model a case file is answered on: the one its
 * `questionnaire_version` names when the model has it, else the one in
 * force on its client.assessed_on, else the latest. Load and score the case
 * with the version returned (borrowed from model). A file that cannot be
 * read gives model itself, whose load then reports the fault. */
RAS_EXPORT const ras_model *ras_case_questionnaire_of(const ras_model *model,
                                                      const ras_source *src);

/* The questionnaire id a case file names in its `questionnaire` key
 * (docs/model-format.md section 6.1), read without a model, into id
 * (size bytes, at least 65 for any id); "" when it names none. Fails on
 * a file that is not YAML or a value that is not an id. */
RAS_EXPORT ras_status ras_case_questionnaire(const ras_source *src, char *id, size_t size,
                                             ras_error *err);

/* Reads a whole file (path "-": standard input, named "<stdin>") of at
 * most 16 MiB into *out, for ras_case_questionnaire and ras_case_load
 * to read the same bytes. out->name borrows path (or a static string);
 * free the bytes with ras_source_free. */
RAS_EXPORT ras_status ras_source_read(const char *path, ras_source *out, ras_error *err);
RAS_EXPORT void ras_source_free(ras_source *src);

/* Client details, as text found in a CSV cell or typed by a person. */
typedef enum ras_field {
    RAS_FIELD_CLIENT_ID,
    RAS_FIELD_GROUP,
    RAS_FIELD_NEW_CLIENT,       /* yes/no; default yes */
    RAS_FIELD_NEEDS_INCREASED,  /* yes/no; default no */
    RAS_FIELD_EXISTING_PACKAGE, /* pounds a year */
    RAS_FIELD_ASSESSED_ON,      /* YYYY-MM-DD */
    RAS_FIELD_COUNT
} ras_field;

/* The field's name as a CSV column ("client_id", ...). */
RAS_EXPORT const char *ras_field_name(ras_field f);
/* The field with this column name, or -1. */
RAS_EXPORT int ras_field_find(const char *name, size_t len);

/* Sets a client detail from text, as a CSV cell or a case file gives it
 * (docs/exports.md, "Cell values"): spaces and tabs around it are
 * trimmed; yes/no is any of yes, no, y, n, true, false, 1, 0 in any case;
 * a group is its id, or its id or title (ras_table_group_title) in any
 * case, and is held as its id. Empty text means the default. On error
 * err->subject names the field; file, line and column are left for the
 * caller to fill. */
RAS_EXPORT ras_status ras_case_set_field(ras_case *c, ras_field f, const char *text, size_t len,
                                         ras_error *err);
/* Sets an answer from text, trimmed of spaces and tabs: single, an
 * answer named by its id or its text, each in any case (ASCII letters
 * folded; an id wins over another answer's text); number, a whole
 * number; multiple, such answers separated by ';' or '|' (empty: none
 * chosen). Empty text for a single or number question leaves it
 * unanswered. On error err->subject is the question's id and the message
 * names it too ("question 'washing': unknown answer ..."). */
RAS_EXPORT ras_status ras_case_set_answer(ras_case *c, const ras_question *q, const char *text,
                                          size_t len, ras_error *err);
/* Marks a question unanswered. */
RAS_EXPORT void ras_case_unset_answer(ras_case *c, const ras_question *q);

RAS_EXPORT const char *ras_case_client_id(const ras_case *c); /* "" when not set */
/* Added for `ras ask`, which asks "needs increased" and the existing
 * package only of a client who is not new: the new_client detail (true
 * unless set to no; true for NULL). */
RAS_EXPORT bool ras_case_new_client(const ras_case *c);
RAS_EXPORT bool ras_case_answered(const ras_case *c, const ras_question *q);

/* Writes the case in the YAML of docs/model-format.md section 6, which
 * ras_case_load reads back to the same case. */
RAS_EXPORT ras_status ras_case_write(const ras_case *c, FILE *out);

/* ------------------------------------------------------------------ */
/* Scoring                                                            */

typedef struct ras_result ras_result;

/* A result able to hold the scoring of any case of this model; reuse it
 * for many cases. NULL when out of memory. */
RAS_EXPORT ras_result *ras_result_new(const ras_model *model);
RAS_EXPORT void ras_result_free(ras_result *r);

/* Scores a case (docs/scoring.md) into r. Fails, naming the question or
 * field in err->subject, for a missing required answer, an unknown group,
 * a date before every table, or arithmetic that would overflow. */
RAS_EXPORT ras_status ras_score(const ras_model *model, const ras_case *c, ras_result *r,
                                ras_error *err);

/* Added for `ras ask` (the CLI's running total): scores a case that is
 * still being filled in. Like ras_score, except that an unanswered
 * question, required or not, scores 0 instead of being an error. The
 * group and date rules are those of ras_score. */
RAS_EXPORT ras_status ras_score_partial(const ras_model *model, const ras_case *c, ras_result *r,
                                        ras_error *err);

typedef enum ras_basis {
    RAS_BASIS_RAS,
    RAS_BASIS_EXISTING_PACKAGE,
    RAS_BASIS_BELOW_THRESHOLD
} ras_basis;

/* "ras", "existing_package" or "below_threshold". */
RAS_EXPORT const char *ras_basis_name(ras_basis b);

RAS_EXPORT const ras_table *ras_result_table(const ras_result *r);
RAS_EXPORT const char *ras_result_client_id(const ras_result *r);
RAS_EXPORT const char *ras_result_group(const ras_result *r); /* "default" when none named */
RAS_EXPORT int64_t ras_result_question_points(const ras_result *r, size_t question);
RAS_EXPORT int64_t ras_result_domain_raw(const ras_result *r, size_t domain); /* before cap */
RAS_EXPORT int64_t ras_result_domain_points(const ras_result *r, size_t domain);
RAS_EXPORT int64_t ras_result_points(const ras_result *r); /* total */
RAS_EXPORT bool ras_result_eligible(const ras_result *r);  /* total >= threshold */

/* One line of the price working (docs/scoring.md step 5). For bands: the points
 * from..to-1 in this band, their number and the rate; amount = points x
 * rate. For steps: the single step chosen, points = total, value = amount. */
typedef struct ras_price_line {
    int64_t from;
    int64_t to; /* exclusive; -1 when the band runs without end */
    int64_t points;
    ras_pence value; /* rate per point, or a step's amount */
    ras_pence amount;
} ras_price_line;

RAS_EXPORT size_t ras_result_price_line_count(const ras_result *r);
RAS_EXPORT ras_price_line ras_result_price_line(const ras_result *r, size_t i);
RAS_EXPORT ras_pence ras_result_priced(const ras_result *r);

/* Adjustments: each chosen answer that carries one. */
RAS_EXPORT size_t ras_result_adjustment_count(const ras_result *r);
RAS_EXPORT void ras_result_adjustment(const ras_result *r, size_t i, const ras_question **q,
                                      size_t *answer, int32_t *adjust);
/* Sum of adjusts, hundredths of a percent, after the -100% limit. */
RAS_EXPORT int32_t ras_result_adjust_total(const ras_result *r);
RAS_EXPORT bool ras_result_adjust_limited(const ras_result *r); /* sum was below -100% */
RAS_EXPORT ras_pence ras_result_adjusted(const ras_result *r);
RAS_EXPORT ras_pence ras_result_rounded(const ras_result *r);
/* -1: raised to the floor; +1: lowered to the ceiling; 0: neither. */
RAS_EXPORT int ras_result_clamped(const ras_result *r);
RAS_EXPORT ras_pence ras_result_ras_amount(const ras_result *r);
RAS_EXPORT ras_basis ras_result_basis(const ras_result *r);
RAS_EXPORT ras_pence ras_result_budget(const ras_result *r); /* indicative, yearly */
RAS_EXPORT ras_pence ras_result_weekly(const ras_result *r);
RAS_EXPORT bool ras_result_panel(const ras_result *r);

/* The explanation as `ras score` prints it. flags: RAS_TEXT_COLOR adds
 * terminal colours. */
#define RAS_TEXT_COLOR 1u
RAS_EXPORT ras_status ras_result_write_text(const ras_model *model, const ras_case *c,
                                            const ras_result *r, FILE *out, unsigned flags);
RAS_EXPORT ras_status ras_result_write_json(const ras_model *model, const ras_case *c,
                                            const ras_result *r, FILE *out);

/* Added for the statement (docs/statement.md): the statement in any of
 * its formats, what-if lines included when wi is not NULL (they must come
 * from the same case and model). flags: RAS_TEXT_COLOR (text only). */
typedef enum ras_statement_format {
    RAS_STATEMENT_TEXT,
    RAS_STATEMENT_JSON,
    RAS_STATEMENT_HTML /* one self-contained page: inline CSS and SVG, no script */
} ras_statement_format;

typedef struct ras_what_if ras_what_if;

RAS_EXPORT ras_status ras_result_write(const ras_model *model, const ras_case *c,
                                       const ras_result *r, const ras_what_if *wi,
                                       ras_statement_format format, unsigned flags, FILE *out);

/* ------------------------------------------------------------------ */
/* What would change the budget (docs/statement.md, what-if)          */

/* Added for `ras score --what-if`. Each line is the case re-scored by
 * ras_score with one answer changed, everything else as it was. */
typedef enum ras_what_if_kind {
    RAS_WHAT_IF_ANSWER, /* single: answer `answer` instead */
    RAS_WHAT_IF_NUMBER, /* number: `value` instead */
    RAS_WHAT_IF_ADD,    /* multiple: answer `answer` chosen too */
    RAS_WHAT_IF_REMOVE  /* multiple: answer `answer` no longer chosen */
} ras_what_if_kind;

typedef struct ras_what_if_line {
    const ras_question *question; /* borrowed from the model */
    ras_what_if_kind kind;
    size_t answer;        /* ANSWER, ADD, REMOVE: the answer's index in its question */
    int64_t value;        /* NUMBER: the new value */
    bool current;         /* the answer the case gives now (adjustment lines only) */
    int64_t points;       /* total points then */
    ras_pence budget;     /* indicative budget then, yearly */
    ras_pence difference; /* budget - the case's budget */
    ras_basis basis;
    bool panel;
} ras_what_if_line;

/* Works out the what-if lines of a case that ras_score scores:
 *  - changes: for each answered question, the next answer up and down in
 *    the model's order (single), the value one up and down within
 *    min..max (number), or each answer added or taken away (multiple);
 *    only those that move the budget by at least 1.00, largest first;
 *  - adjustments: for each question with an answer that carries an
 *    adjust, the budget with each of its answers (single, the current one
 *    marked) or with each adjusting answer added or taken away (multiple),
 *    in the model's order, whatever the difference.
 * On success *out owns the lines: free them with ras_what_if_free. Fails
 * as ras_score fails for the case itself. */
RAS_EXPORT ras_status ras_what_if_new(const ras_model *model, const ras_case *c, ras_what_if **out,
                                      ras_error *err);
RAS_EXPORT void ras_what_if_free(ras_what_if *wi);
/* The case's own budget, the one every difference is from. */
RAS_EXPORT ras_pence ras_what_if_budget(const ras_what_if *wi);
RAS_EXPORT size_t ras_what_if_change_count(const ras_what_if *wi);
RAS_EXPORT const ras_what_if_line *ras_what_if_change(const ras_what_if *wi, size_t i);
RAS_EXPORT size_t ras_what_if_adjustment_count(const ras_what_if *wi);
RAS_EXPORT const ras_what_if_line *ras_what_if_adjustment(const ras_what_if *wi, size_t i);

/* ------------------------------------------------------------------ */
/* Reading a table of cases (docs/exports.md)                         */

/* Added for reading case-management and Excel exports. */
typedef enum ras_encoding {
    RAS_ENCODING_AUTO,  /* UTF-8 unless the bytes are not valid UTF-8 (docs/exports.md) */
    RAS_ENCODING_UTF8,  /* UTF-8, with or without a byte-order mark */
    RAS_ENCODING_CP1252 /* Windows-1252, as Excel's "CSV (Comma delimited)" writes */
} ras_encoding;

/* "auto", "utf-8" or "cp1252". Never NULL. */
RAS_EXPORT const char *ras_encoding_name(ras_encoding e);
/* Reads "utf-8", "utf8", "cp1252" or "windows-1252" in any case;
 * RAS_ERR_ARG for anything else. */
RAS_EXPORT ras_status ras_encoding_parse(const char *text, ras_encoding *out);

/* A column mapping: an export's own header names mapped to ras's column
 * names (docs/exports.md, "A column mapping"). */
typedef struct ras_columns ras_columns;

/* Reads a mapping (YAML: `Export name: ras_name`, one a line). On
 * success *out owns a new mapping: free it with ras_columns_free. */
RAS_EXPORT ras_status ras_columns_load(const ras_source *src, ras_columns **out, ras_error *err);
RAS_EXPORT ras_status ras_columns_load_file(const char *path, ras_columns **out, ras_error *err);
/* The mapping of a model folder, DIR/columns.yaml: *out is NULL (and the
 * status RAS_OK) when the folder has none. */
RAS_EXPORT ras_status ras_columns_load_dir(const char *dir, ras_columns **out, ras_error *err);
RAS_EXPORT void ras_columns_free(ras_columns *map);

/* How ras_batch, ras_audit and ras_calibrate read their input: a CSV
 * file, or an Excel workbook (.xlsx, told by its bytes: a zip holding
 * xl/workbook.xml), whose sheet's rows are read as records. A NULL
 * pointer, or a zeroed struct, means the defaults (ras_read_options_init
 * zeroes one). Strings and the mapping are borrowed for the call. */
typedef struct ras_read_options {
    const char *sheet;          /* a workbook's sheet by name; NULL: the first */
    ras_encoding encoding;      /* a CSV's; default RAS_ENCODING_AUTO */
    char delimiter;             /* ',', ';' or '\t'; 0 (default): from the header line */
    const ras_columns *columns; /* NULL (default): none */
    bool no_sha256;             /* true: do not work out the input's SHA-256 */
} ras_read_options;

RAS_EXPORT void ras_read_options_init(ras_read_options *opts);

/* What reading an export found (docs/exports.md). */
typedef struct ras_read_facts {
    ras_encoding encoding;             /* RAS_ENCODING_UTF8 or RAS_ENCODING_CP1252, as read */
    bool encoding_detected;            /* false when the options forced it */
    bool bom;                          /* it started with a UTF-8 byte-order mark */
    char delimiter;                    /* ',', ';' or '\t' */
    bool delimiter_detected;           /* false when the options forced it */
    char sha256[65];                   /* of the bytes as read; "" when not asked */
    uint64_t bytes;                    /* bytes read */
    uint64_t blank_rows;               /* empty lines and rows of empty cells, skipped */
    uint64_t duplicate_ids;            /* rows whose client id an earlier row had */
    bool ids_capped;                   /* too many ids to remember them all (docs/exports.md) */
    uint64_t literal_quotes;           /* quotes read as characters (docs/exports.md) */
    unsigned long first_literal_quote; /* the line of the first; 0 when none */
} ras_read_facts;

/* ------------------------------------------------------------------ */
/* Batches (CSV: docs/model-format.md section 7; ras(1), batch)       */

typedef struct ras_table_use {
    const ras_table *table;
    uint64_t rows;
} ras_table_use;

#define RAS_MAX_TABLES 64

/* Ok rows and their indicative budgets, for one basis or one group. */
typedef struct ras_batch_count {
    const char *name; /* the basis or group name (borrowed from the library or the model) */
    uint64_t rows;
    ras_pence total;
} ras_batch_count;

/* One reason rows were in error, and how many: the message with its line
 * number taken out and every quoted value after the first shown as
 * '...' (docs/exports.md, "The summary"). */
typedef struct ras_batch_reason {
    char reason[RAS_ERROR_MESSAGE_MAX];
    uint64_t rows;
} ras_batch_reason;

#define RAS_BATCH_GROUPS 32
#define RAS_BATCH_REASONS 10

typedef struct ras_batch_summary {
    uint64_t rows;
    uint64_t ok;
    uint64_t errors;
    uint64_t panel;
    ras_pence total;      /* sum of indicative budgets of ok rows */
    bool total_saturated; /* the sum would not fit: total stopped at INT64_MAX (the run goes on) */
    size_t n_tables_used;
    ras_table_use tables_used[RAS_MAX_TABLES];
    /* Added for reading exports: what reading found; ok rows by basis
     * (in ras_basis order) and by group (first seen first; past
     * RAS_BATCH_GROUPS names the rest are summed in the last, named
     * "other groups"); the most common reasons for error rows, most
     * common first, and the error rows of any other reason. */
    ras_read_facts read;
    ras_batch_count by_basis[3];
    size_t n_groups;
    ras_batch_count by_group[RAS_BATCH_GROUPS];
    size_t n_reasons;
    ras_batch_reason reasons[RAS_BATCH_REASONS];
    uint64_t other_reasons;
} ras_batch_summary;

/* Scores every row of a CSV stream into the output CSV (ras(1), batch), one
 * output row per input row, in order. Rows in error become error rows and
 * do not stop the run. Returns non-OK only when the run could not go on:
 * a broken header, a broken CSV file, a read or write failure. Memory does
 * not grow with the number of rows. in_name is used in messages. */
RAS_EXPORT ras_status ras_batch(const ras_model *model, FILE *in, const char *in_name,
                                const ras_read_options *opts, FILE *out, ras_batch_summary *summary,
                                ras_warn_fn warn, void *warn_ctx, ras_error *err);

/* Text cells of the CSVs ras writes (client ids, messages, ID@VERSION)
 * that start with =, +, -, @, a tab or a CR get a "'" before them and are
 * quoted, so a spreadsheet never runs them as formulas; reading a client
 * id back drops that "'" (docs/design.md, "CSV output"). Figures are never
 * changed. This flag (for ras_batch_with, ras_audit and ras_compare) turns
 * the guard off, for machine readers. */
#define RAS_CSV_RAW_TEXT 0x100u

/* ras_batch with flags (RAS_CSV_RAW_TEXT or 0, which is ras_batch). */
RAS_EXPORT ras_status ras_batch_with(const ras_model *model, FILE *in, const char *in_name,
                                     const ras_read_options *opts, FILE *out, unsigned flags,
                                     ras_batch_summary *summary, ras_warn_fn warn, void *warn_ctx,
                                     ras_error *err);

/* ras_batch writing an Excel workbook at path instead of a CSV
 * (docs/exports.md, "Writing workbooks"): a Results sheet (the batch's
 * columns; points and amounts as numbers, amounts in a pounds-and-pence
 * format; the header row frozen; an autofilter), an Errors sheet (the
 * rows in error: line, client_id, message) and a Summary sheet (what
 * ras_batch_summary_write_json writes: the counts, what reading found,
 * the total and mean budget, the totals by basis and group, the reasons
 * for errors, the questionnaire's and every table used's SHA-256). Text is always written as text,
 * never as a formula. Memory stays flat: rows go through temporary files. The file at path is
 * created when the run ends, also after a failure (then incomplete): write to a temporary and
 * rename it on success, as the program does. A sheet holds at most 1,048,575 rows (RAS_ERR_LIMIT
 * beyond). */
RAS_EXPORT ras_status ras_batch_workbook(const ras_model *model, FILE *in, const char *in_name,
                                         const ras_read_options *opts, const char *path,
                                         ras_batch_summary *summary, ras_warn_fn warn,
                                         void *warn_ctx, ras_error *err);

/* The mean indicative budget of the ok rows, half up to the penny; 0 when
 * there are none or the total saturated. */
/* The summary as one JSON object (docs/exports.md, "The summary"): the
 * counts, what reading found, the totals by basis and group, the reasons
 * for errors, and every table used with its SHA-256. in_name may be NULL;
 * stopped_at is the line a broken CSV stopped the run at, or 0. */
RAS_EXPORT ras_status ras_batch_summary_write_json(const ras_model *model,
                                                   const ras_batch_summary *summary,
                                                   const char *in_name, unsigned long stopped_at,
                                                   FILE *out);

/* The mean indicative budget of the ok rows, half up to the penny. */
RAS_EXPORT ras_pence ras_batch_mean(const ras_batch_summary *s);

/* ------------------------------------------------------------------ */
/* Audit (docs/audit.md): past cases re-scored and compared          */

/* Added for reports a committee can file (docs/audit.md, "The record"):
 * what a report says about the run that made it. Plain data. */
typedef struct ras_run_info {
    int64_t started;     /* when the run began, seconds since 1970-01-01 UTC */
    const char *command; /* the command line as one string, or NULL */
} ras_run_info;

/* Added for `ras audit`. */
typedef struct ras_audit_summary {
    uint64_t rows;              /* data rows read */
    uint64_t consistent;        /* re-scored within the tolerance of recorded_budget */
    uint64_t different;         /* re-scored, but further than the tolerance from it */
    uint64_t errors;            /* could not be re-scored, or no valid recorded_budget */
    uint64_t older;             /* re-scored rows priced by a table that is not the latest */
    ras_pence total_difference; /* the net: sum of recomputed - recorded over the different rows */
    uint64_t over;              /* different rows recorded more than recomputed */
    ras_pence over_total;       /* sum of recorded - recomputed over them (>= 0) */
    uint64_t under;             /* different rows recorded less than recomputed */
    ras_pence under_total;      /* sum of recomputed - recorded over them (>= 0) */
    bool totals_saturated;      /* a sum above would not fit: it stopped at INT64_MAX or INT64_MIN
                                   and is a bound, not the sum (the run goes on) */
    uint64_t undated;           /* rows with no assessed_on (errors with RAS_AUDIT_REQUIRE_DATES) */
    ras_pence tolerance;        /* as given to ras_audit */
    bool dates_required;        /* RAS_AUDIT_REQUIRE_DATES was given */
    char input_sha256[65];      /* SHA-256 of the bytes read, hex; "" when not known */
    size_t n_tables_used;
    ras_table_use tables_used[RAS_MAX_TABLES]; /* rows re-scored by each table */
} ras_audit_summary;

/* ras_audit flags: a row with no assessed_on is an error instead of
 * being priced by the latest table. */
#define RAS_AUDIT_REQUIRE_DATES 1u

/* Re-scores every row of a batch CSV that also has a recorded_budget
 * column (pounds), each with the table in force on its assessed_on date,
 * and writes to out a CSV of the rows that differ by more than tolerance
 * or are in error, with the header
 *   client_id,recorded,recomputed,difference,basis,scoring,table,reason
 * where difference = recomputed - recorded, scoring is ID@VERSION, table
 * is "current" (the model's latest table) or "older", and reason says
 * which way it differs ("recorded £810.00 more than recomputed") or why
 * the row is in error. A blank or bad recorded_budget makes the row an
 * error, still showing what it re-scores to. A row with no assessed_on is
 * priced by the latest table and counted (summary->undated), and warn is
 * told once at the end which table priced them; with
 * RAS_AUDIT_REQUIRE_DATES such rows are errors. The input's SHA-256 is
 * worked out as it is read. Streams: memory does not grow with the rows.
 * Returns non-OK only when the run could not go on (a broken header or
 * CSV, no recorded_budget column, a write failure). */
RAS_EXPORT ras_status ras_audit(const ras_model *model, FILE *in, const char *in_name,
                                const ras_read_options *opts, FILE *out, ras_pence tolerance,
                                unsigned flags, ras_audit_summary *summary, ras_warn_fn warn,
                                void *warn_ctx, ras_error *err);

/* The audit report: the record (run may be NULL: no time or command line),
 * the row counts, over- and under-payments and the net, the tolerance and
 * the tables used with their rows. Text for people, one JSON object for
 * machines. in_name may be NULL. */
RAS_EXPORT ras_status ras_audit_summary_write_text(const ras_model *model,
                                                   const ras_audit_summary *summary,
                                                   const ras_run_info *run, const char *in_name,
                                                   FILE *out);
RAS_EXPORT ras_status ras_audit_summary_write_json(const ras_model *model,
                                                   const ras_audit_summary *summary,
                                                   const ras_run_info *run, const char *in_name,
                                                   FILE *out);
/* The same as one self-contained HTML page (no script, nothing fetched)
 * that prints on A4, for filing. */
RAS_EXPORT ras_status ras_audit_summary_write_html(const ras_model *model,
                                                   const ras_audit_summary *summary,
                                                   const ras_run_info *run, const char *in_name,
                                                   FILE *out);

/* Added for `ras audit -o FILE.xlsx`: ras_audit writing an Excel workbook
 * at path instead of a CSV (docs/exports.md, "Writing workbooks"): a
 * Differences sheet (the CSV's columns; amounts as numbers in a
 * pounds-and-pence format; the header row frozen; an autofilter) and a
 * Summary sheet (the report: the record, as run may give it (NULL: no
 * time or command line), the counts, over- and under-payments and the
 * net, the tables used). Text is always written as text, never as a
 * formula. Memory stays flat. The file at path is created when the run
 * ends, also after a failure (then incomplete): write to a temporary and
 * rename it on success, as the program does. */
RAS_EXPORT ras_status ras_audit_workbook(const ras_model *model, FILE *in, const char *in_name,
                                         const ras_read_options *opts, const char *path,
                                         ras_pence tolerance, unsigned flags,
                                         const ras_run_info *run, ras_audit_summary *summary,
                                         ras_warn_fn warn, void *warn_ctx, ras_error *err);

/* ------------------------------------------------------------------ */
/* Calibration (docs/calibration.md): the price a point, cost neutral */

/* Added for `ras calibrate`. A calibration reads a batch CSV with a
 * current_cost column (pounds a year) and prices every case with the
 * model's latest table (assessed_on does not pick a table: the new
 * prices are for now; it picks the questionnaire version each row was
 * answered on, and a row of a version that table does not price is left
 * out). The prices need every case first
 * and the comparisons a second look at each: a CSV that is a regular
 * file is read twice and nothing is kept a case; standard input (which
 * cannot be read twice), a workbook, and a calibration made with
 * RAS_CALIBRATE_PLOT keep each case's points, cost, group and client id
 * in memory (24 bytes and the id a case). */
typedef struct ras_calibration ras_calibration;

#define RAS_CALIBRATION_LARGEST 10

/* One of the largest differences between current cost and new budget. */
typedef struct ras_calibration_diff {
    const char *client_id; /* borrowed from the calibration */
    int64_t points;
    ras_pence current;    /* current_cost */
    ras_pence projected;  /* the indicative budget under the new table */
    ras_pence difference; /* projected - current */
} ras_calibration_diff;

/* Figures for one client group, or for all the groups together. Counts
 * and money sums are whole numbers; only r_squared and mape are doubles.
 * The prices and the comparisons (mape, gaining, losing, largest) cover
 * the priced cases: eligible, and not keeping an existing package (whose
 * budget is the package, whatever the price). */
typedef struct ras_calibration_group {
    const char *name;     /* the group, or "all" (borrowed) */
    uint64_t cases;       /* rows read for this group */
    uint64_t eligible;    /* at or over the latest table's threshold */
    uint64_t kept;        /* basis existing_package under the latest table */
    uint64_t priced;      /* eligible and not kept */
    ras_pence total_cost; /* current_cost of the priced cases */
    ras_pence all_cost;   /* current_cost of every case read for this group */
    int64_t total_points; /* points of the priced cases */
    /* total_cost / total_points, half up to the penny; 0 when no points */
    ras_pence ratio_price;
    /* The cost-neutral flat price (docs/calibration.md): the whole number of pence
     * per point that brings the total of the priced cases' RAS amounts
     * nearest total_cost, found by pricing them as the scorer does
     * (adjustments, rounding, floor and ceiling included; the lower price
     * on a tie). Equal to ratio_price when none of those bite. The price
     * --write writes. 0 when no points. */
    ras_pence neutral_price;
    /* true when a ceiling keeps the total below the cost at any price:
     * neutral_price (or neutral_scale) is then the least giving the most
     * it allows */
    bool out_of_reach;
    /* A group priced by steps or by more than one band keeps its shape in
     * the new table (unless RAS_CALIBRATE_FLAT): every amount or rate times
     * neutral_scale millionths, half up to the penny, the scale whose
     * priced total is nearest total_cost (found as neutral_price is).
     * scaled is false for a flat group, for "all" and with
     * RAS_CALIBRATE_FLAT: the new table then prices it at neutral_price. */
    bool scaled;
    int64_t neutral_scale; /* millionths: 1000000 keeps the old values */
    /* least squares through the origin, sum(x*y) / sum(x*x) with x the
     * points and y the cost of each priced case, half up to the penny */
    ras_pence fitted_price;
    bool has_r_squared;         /* false when the costs do not vary (SST = 0) */
    double r_squared;           /* 1 - SSE/SST of that fit, SST about the mean cost */
    bool has_mape;              /* false when no priced case has a cost above 0 */
    double mape;                /* mean of |projected - current| / current, percent */
    uint64_t gaining;           /* projected more than 10% above current */
    uint64_t losing;            /* projected more than 10% below current */
    ras_pence current_total;    /* indicative budgets under the latest table, all cases */
    ras_pence projected_priced; /* budgets under the new table, priced cases: near total_cost */
    ras_pence projected_total;  /* budgets under the new table, all cases (what batch totals) */
    bool repriced;              /* false: no priced points, the group keeps its prices */
    size_t n_largest;
    ras_calibration_diff largest[RAS_CALIBRATION_LARGEST]; /* by size, largest first */
} ras_calibration_group;

/* ras_calibrate flags: every repriced group becomes one flat band at its
 * cost-neutral price, steps and bands flattened (each named through warn). */
#define RAS_CALIBRATE_FLAT 1u
/* ras_calibrate flags: keep every case, for ras_calibration_write_svg and
 * _write_html, which draw each case and refuse (RAS_ERR_ARG) a
 * calibration made without it. */
#define RAS_CALIBRATE_PLOT 2u

/* Reads the CSV and works out the figures. Rows in error (a bad case, a
 * blank or bad current_cost) are left out and each named through warn.
 * On success *out owns a new calibration: free it with
 * ras_calibration_free. The model must outlive it. */
RAS_EXPORT ras_status ras_calibrate(const ras_model *model, FILE *in, const char *in_name,
                                    const ras_read_options *opts, unsigned flags,
                                    ras_calibration **out, ras_warn_fn warn, void *warn_ctx,
                                    ras_error *err);
RAS_EXPORT void ras_calibration_free(ras_calibration *cal);

RAS_EXPORT uint64_t ras_calibration_rows(const ras_calibration *cal);
RAS_EXPORT uint64_t ras_calibration_errors(const ras_calibration *cal);
/* Of the rows left out, those answered on a questionnaire version the
 * table calibrated does not price (docs/calibration.md). */
RAS_EXPORT uint64_t ras_calibration_other_versions(const ras_calibration *cal);
/* The table calibrated: the model's latest. */
RAS_EXPORT const ras_table *ras_calibration_table(const ras_calibration *cal);
/* The latest table's groups in its order, then "all" last. */
RAS_EXPORT size_t ras_calibration_group_count(const ras_calibration *cal);
RAS_EXPORT const ras_calibration_group *ras_calibration_group_at(const ras_calibration *cal,
                                                                 size_t i);

/* SHA-256 of the input's bytes as read, 64 hex digits ("" when not known). */
RAS_EXPORT const char *ras_calibration_input_sha256(const ras_calibration *cal);

/* The report as `ras calibrate` prints it, in text or JSON, beginning with
 * the record (docs/audit.md, "The report"); run may be NULL (no time or
 * command line). */
RAS_EXPORT ras_status ras_calibration_write_text(const ras_calibration *cal,
                                                 const ras_run_info *run, FILE *out);
RAS_EXPORT ras_status ras_calibration_write_json(const ras_calibration *cal,
                                                 const ras_run_info *run, FILE *out);
/* The report as one self-contained HTML page that prints on A4: the
 * record, the figures per group, the largest differences and the plot
 * (the calibration made with RAS_CALIBRATE_PLOT). */
RAS_EXPORT ras_status ras_calibration_write_html(const ras_calibration *cal,
                                                 const ras_run_info *run, FILE *out);

/* Added for `ras calibrate -o FILE.xlsx`: the report as an Excel workbook
 * at path (docs/exports.md, "Writing workbooks"): Summary (the record,
 * the rows read, used and left out, the table calibrated), Groups (one
 * row per group and "all", the figures of the text report as typed
 * cells: amounts in a pounds-and-pence format) and Largest differences.
 * The file at path is created also after a failure (then incomplete):
 * write to a temporary and rename it on success, as the program does. */
RAS_EXPORT ras_status ras_calibration_write_workbook(const ras_calibration *cal,
                                                     const ras_run_info *run, const char *path,
                                                     ras_error *err);

/* Writes the new scoring table: the latest table's settings, each
 * repriced group scaled or flat (ras_calibration_group), the id
 * "OLDID-calibrated-YYYYMMDD" (the old id cut short if need be to keep
 * within 64 bytes), the version "YYYY-MM-DD" and effective_from that date
 * (the caller gives it: the program passes --effective-from or today). */
RAS_EXPORT ras_status ras_calibration_write_table(const ras_calibration *cal, ras_date today,
                                                  FILE *out, ras_error *err);

/* Draws the cases (points against current cost), each group's
 * cost-neutral line and the latest table's pricing curve as SVG. The
 * calibration must be made with RAS_CALIBRATE_PLOT (else RAS_ERR_ARG). */
RAS_EXPORT ras_status ras_calibration_write_svg(const ras_calibration *cal, FILE *out);

/* ------------------------------------------------------------------ */
/* Comparison (docs/compare.md): the impact of a new scoring table    */

/* Added for `ras compare`. Gains and losses are counted by how far the
 * new budget is from the old, in percent of the old: more than 0%, 5% and
 * 10% (a budget that rises from 0 gains more than any percentage). */
#define RAS_COMPARE_STEPS 3 /* 0%, 5%, 10% */
#define RAS_COMPARE_LARGEST 10
#define RAS_COMPARE_BY_MAX 8        /* --by columns */
#define RAS_COMPARE_CATEGORIES 1000 /* values of one --by column */
#define RAS_COMPARE_SMALL 10        /* a category of fewer people is flagged */

typedef struct ras_compare_figures {
    const char *name;   /* the group, band ("10-19"), category or "all" (borrowed) */
    uint64_t cases;     /* priced under both tables */
    ras_pence before;   /* total of indicative budgets under the old table */
    ras_pence after;    /* the same under the new */
    uint64_t unchanged; /* the same budget under both */
    uint64_t gaining[RAS_COMPARE_STEPS]; /* more than 0%, 5%, 10% above */
    ras_pence gained[RAS_COMPARE_STEPS]; /* their total change (>= 0) */
    uint64_t losing[RAS_COMPARE_STEPS];  /* more than 0%, 5%, 10% below */
    ras_pence lost[RAS_COMPARE_STEPS];   /* their total change (<= 0) */
} ras_compare_figures;

typedef struct ras_compare_change {
    char client_id[257];
    char group[65];
    int64_t points;
    ras_pence before, after, change; /* change = after - before */
} ras_compare_change;

typedef struct ras_comparison ras_comparison;

/* Prices every row of a batch CSV under the table from and under the
 * table to (assessed_on picks no table: both prices are for now). Both
 * tables must price model's questionnaire (to may come from another model
 * loaded from the same questionnaire). Each row is answered on the
 * version of model's questionnaire in force on its assessed_on, and a row
 * answered on a version from or to does not price is an error row
 * (docs/compare.md, "Questionnaire versions"). by names up to
 * RAS_COMPARE_BY_MAX columns of the CSV whose values are categories
 * (an age band, a locality) to break the figures down by. When rows is not
 * NULL, one CSV row per input row is written to it (the input may be a
 * workbook, read as ras_batch reads one; opts may be NULL):
 *   client_id,status,group,points,before,after,change,message
 * with the formula guard on its text cells unless flags holds
 * RAS_CSV_RAW_TEXT (flags 0 otherwise). A row that either table cannot
 * price is an error row there and counted apart. Streams: memory does not
 * grow with the rows. On success *out owns the comparison: free it with
 * ras_comparison_free. */
RAS_EXPORT ras_status ras_compare(const ras_model *model, const ras_table *from,
                                  const ras_table *to, FILE *in, const char *in_name,
                                  const ras_read_options *opts, const char *const *by, size_t n_by,
                                  FILE *rows, unsigned flags, ras_comparison **out,
                                  ras_warn_fn warn, void *warn_ctx, ras_error *err);
RAS_EXPORT void ras_comparison_free(ras_comparison *cmp);

RAS_EXPORT uint64_t ras_comparison_rows(const ras_comparison *cmp);
RAS_EXPORT uint64_t ras_comparison_errors(const ras_comparison *cmp);
/* Of the rows in error, those answered on a questionnaire version one of
 * the tables does not price. */
RAS_EXPORT uint64_t ras_comparison_other_versions(const ras_comparison *cmp);
RAS_EXPORT const ras_compare_figures *ras_comparison_all(const ras_comparison *cmp);
/* Per group (the old table's, in its order), per points band of 10, and
 * per category of the by-th column (in the order first met). */
RAS_EXPORT size_t ras_comparison_group_count(const ras_comparison *cmp);
RAS_EXPORT const ras_compare_figures *ras_comparison_group(const ras_comparison *cmp, size_t i);
RAS_EXPORT size_t ras_comparison_band_count(const ras_comparison *cmp);
RAS_EXPORT const ras_compare_figures *ras_comparison_band(const ras_comparison *cmp, size_t i);
RAS_EXPORT size_t ras_comparison_by_count(const ras_comparison *cmp);
RAS_EXPORT const char *ras_comparison_by_name(const ras_comparison *cmp, size_t by);
/* false when the CSV has no such column (its figures are then empty) */
RAS_EXPORT bool ras_comparison_by_found(const ras_comparison *cmp, size_t by);
RAS_EXPORT size_t ras_comparison_category_count(const ras_comparison *cmp, size_t by);
RAS_EXPORT const ras_compare_figures *ras_comparison_category(const ras_comparison *cmp, size_t by,
                                                              size_t i);
/* The largest gains (gains true) or losses, largest first, ties in input
 * order; *n receives how many. */
RAS_EXPORT const ras_compare_change *ras_comparison_largest(const ras_comparison *cmp, bool gains,
                                                            size_t *n);

/* The report, in text or JSON, beginning with the record; run may be NULL. */
RAS_EXPORT ras_status ras_comparison_write_text(const ras_comparison *cmp, const ras_run_info *run,
                                                FILE *out);
RAS_EXPORT ras_status ras_comparison_write_json(const ras_comparison *cmp, const ras_run_info *run,
                                                FILE *out);
/* The report as one self-contained HTML page (inline CSS and SVG, no
 * script, nothing fetched), with a histogram of the changes and the old
 * budget against the new for a sample of at most 2,000 cases
 * (docs/compare.md, "The HTML page"). */
RAS_EXPORT ras_status ras_comparison_write_html(const ras_comparison *cmp, const ras_run_info *run,
                                                FILE *out);

#ifdef __cplusplus
}
#endif

#endif /* RAS_H */
