/* case_rows.h - a CSV header bound to a model, and records loaded into a
 * case: the CSV side of ras_batch, ras_audit and ras_calibrate.
 *
 * The header is matched once, into one target per column (a client
 * field, a question, the one extra column the caller reads itself such
 * as recorded_budget, or nothing), so a record does no name lookups. Unknown
 * columns are named once through the warning callback; a name appearing
 * twice, no client_id column, or no column for a required question is a
 * fatal header error. */
#ifndef RAS_CASE_ROWS_H
#define RAS_CASE_ROWS_H

#include "answer_memo.h"
#include "case.h"
#include "client_ids.h"
#include "hash_read.h"
#include "csv.h"
#include "csv_source.h"
#include "ras.h"

typedef enum ras_col_kind {
    RAS_COL_IGNORED,
    RAS_COL_FIELD,
    RAS_COL_QUESTION,
    RAS_COL_EXTRA
} ras_col_kind;

/* How the row loader treats a column's cell: decided once at the header
 * so a row does one switch per column, not tests on the question. */
typedef enum ras_col_op {
    RAS_OP_SKIP,   /* ignored and extra columns */
    RAS_OP_FIELD,  /* a client field: blank keeps the cleared default */
    RAS_OP_CLIENT, /* client_id */
    RAS_OP_SINGLE, /* the question types */
    RAS_OP_NUMBER,
    RAS_OP_MULTIPLE
} ras_col_op;

/* A question's one-byte cells, worked out at the header: letter[b] is,
 * plus 1, the slot of the byte b: the index of the answer whose id is b
 * (single, multiple) or b's value as a digit if the question allows it
 * (number). 0 sends the cell the long way (case.c), which also gives
 * every error. Indexed by any byte, so a cell needs no range test.
 * points and adjust are what each slot scores. */
#define RAS_PLAN_SLOTS 16
typedef struct ras_col_plan {
    unsigned char letter[256];
    int64_t points[RAS_PLAN_SLOTS];
    int32_t adjust[RAS_PLAN_SLOTS];
} ras_col_plan;

/* What one input column sets. The first fields are what the row loader
 * reads for every cell; the rest is for the header and messages. */
typedef struct ras_col {
    ras_col_op op;
    size_t index;             /* RAS_COL_QUESTION: the question's index */
    size_t domain;            /* and its domain's */
    size_t first_answer;      /* and its answers' first, among the model's */
    const ras_col_plan *plan; /* RAS_COL_QUESTION: its question's plan */
    ras_col_kind kind;
    ras_field field;              /* RAS_COL_FIELD */
    const ras_question *question; /* RAS_COL_QUESTION */
    const char *name;             /* NUL-terminated copy of the header cell */
    size_t len;
    bool quiet; /* ignored as the column mapping says: no warning */
} ras_col;

typedef struct ras_rows {
    const char *in_name; /* for messages; borrowed */
    ras_col *cols;
    size_t n_cols;
    char *names;         /* the header's names, one block */
    ras_col_plan *plans; /* per model question */
    /* The answers the texts of each column named (owned; NULL when out
     * of memory or no column names answers): the rows fill it in. */
    ras_answer_memo *memo;
    size_t client_col;
    long extra_col; /* the caller's extra column, or -1 */
    /* What reading the export found (ras_rows_open): the encoding layer
     * under the reader (owned; NULL when the caller opened the reader),
     * the column mapping (borrowed), the client ids seen. */
    ras_csv_source *src;
    const ras_columns *columns;
    ras_client_ids ids;
    /* The last row's client id, checked once the next row is read (its
     * slot fetched meanwhile): hash, line and the id itself. */
    bool id_pending;
    uint64_t pending_hash;
    unsigned long pending_line;
    size_t pending_len;
    char pending_id[RAS_MAX_CLIENT_ID];
    uint64_t blank_rows;    /* rows of empty cells (blank lines: the reader's) */
    uint64_t duplicate_ids; /* rows whose client id an earlier row had */
    ras_warn_fn warn;       /* for ids seen twice */
    void *warn_ctx;
    /* Set (after ras_rows_start) by a second reading of one file: its
     * client ids were checked on the first, so are not again. */
    bool ids_known;
} ras_rows;

/* At most this many ids seen twice are named one by one through the
 * warning callback; the rest are counted (ras_read_facts). */
#define RAS_ROWS_DUPLICATES_NAMED 10

/* Opens r over in through the encoding layer, with the options (NULL:
 * the defaults) of ras_read_options, and gets h ready for
 * ras_rows_start. The first bytes tell a workbook from a CSV
 * (records.h); a CSV's bytes then go through the encoding layer
 * (csv_source.h). On failure nothing is left open. */
ras_status ras_rows_open(ras_rows *h, ras_csv *r, FILE *in, const char *in_name,
                         const ras_read_options *opts, ras_error *err);

/* The same, reading through read and read_ctx (the audit's hashing
 * reader) instead of straight from in, which a workbook still reads. */
ras_status ras_rows_open_read(ras_rows *h, ras_csv *r, FILE *in, ras_csv_read_fn read,
                              void *read_ctx, const char *in_name, const ras_read_options *opts,
                              ras_error *err);

/* ras_rows_open_read through hash (hash_read.h, set up here), for a
 * report that files its input's SHA-256 (audit, calibrate, compare): the
 * bytes are hashed as read, a workbook's too, not by the encoding layer.
 * On failure hash is freed and nothing is left open. */
ras_status ras_rows_open_hashed(ras_rows *h, ras_csv *r, FILE *in, ras_hash_read *hash,
                                const char *in_name, const ras_read_options *opts, ras_error *err);

/* What reading found so far (ras_read_facts); the SHA-256 only once the
 * input was read to its end (call it then, once). */
void ras_rows_facts(ras_rows *h, const ras_csv *r, ras_read_facts *facts);

/* Binds the header record now in r. extra (may be NULL) names a column
 * the caller reads itself: it is not warned about. h is zeroed or opened
 * (ras_rows_open). Free h with ras_rows_free in every case. */
ras_status ras_rows_bind(ras_rows *h, const ras_model *model, const ras_csv *r, const char *in_name,
                         const char *extra, ras_warn_fn warn, void *warn_ctx, ras_error *err);
void ras_rows_free(ras_rows *h);

/* Reads the header record from r and binds it: the start of every CSV
 * that ras_batch, ras_audit and ras_calibrate read. extra (may be NULL)
 * names the one column the caller reads itself, which the header must
 * have; extra_what says what it holds, for the error when it is missing.
 * An empty file is an error too. Free h with ras_rows_free in every case. */
ras_status ras_rows_start(ras_rows *h, const ras_model *model, ras_csv *r, const char *in_name,
                          const char *extra, const char *extra_what, ras_warn_fn warn,
                          void *warn_ctx, ras_error *err);

/* ras_csv_next, with a broken field's error naming its column: "column
 * 'washing': unclosed quote ...". h is NULL while reading the header
 * itself ("the header's column 7: ..."). Once the header is bound, rows
 * whose cells are all empty are skipped and counted, and a client id
 * seen before is counted and named (docs/exports.md). */
ras_status ras_rows_next(ras_rows *h, ras_csv *r, bool *have, ras_error *err);

/* Clears c and loads the record now in r into it. On a row error (a
 * wrong number of fields, a cell ras reads holding a NUL or invalid
 * UTF-8, a bad value) writes the reason, naming the column and line,
 * into msg and returns false. Bytes in a column ras ignores are never an
 * error. */
bool ras_rows_load(const ras_rows *h, const ras_csv *r, ras_case *c, char *msg, size_t size);

/* The current record's client_id cell, trimmed of spaces as the case
 * holds it, into *out; false when the record is too short or the cell is
 * not valid text: invalid UTF-8 or a control character (text_check.h). */
bool ras_rows_client(const ras_rows *h, const ras_csv *r, ras_csv_field *out);

/* The current record's cell of the extra column, or NULL when the header
 * has none or the record is too short. */
const ras_csv_field *ras_rows_extra(const ras_rows *h, const ras_csv *r);

#endif
