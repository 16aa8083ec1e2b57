/* statement.h - the statement a client reads (docs/statement.md), written
 * once, in its order, to a sink: the text sink (statement_text.c) lays it
 * out in columns for a terminal, the HTML sink (statement_html.c) as a
 * printable page. What the statement says, and in which order, is in
 * statement.c alone, so the two can never say different things. */
#ifndef RAS_STATEMENT_H
#define RAS_STATEMENT_H

#include <stdbool.h>
#include <stdio.h>

#include "case.h"
#include "result.h"

/* Why the indicative budget has its basis (docs/scoring.md step 9), as a
 * stable code for JSON and in plain words for the client. */
typedef enum ras_basis_reason {
    RAS_REASON_NEW_CLIENT,
    RAS_REASON_NEEDS_INCREASED,
    RAS_REASON_NO_EXISTING_PACKAGE,
    RAS_REASON_TABLE_IGNORES_EXISTING,
    RAS_REASON_EXISTING_PACKAGE_KEPT,
    RAS_REASON_BELOW_THRESHOLD
} ras_basis_reason;

ras_basis_reason ras_statement_reason(const ras_case *c, const ras_result *r);
/* "new_client", "needs_increased", ... */
const char *ras_basis_reason_code(ras_basis_reason reason);

/* The table's own words for a part of the statement, or ras's plain
 * default (docs/statement.md); NULL for a part with no default (the
 * council's name, the contact line). */
const char *ras_statement_words(const ras_table *t, ras_statement_part part);

/* The name of the result's group a person reads: its title, or its id
 * when the table gives no title. */
const char *ras_statement_group_title(const ras_result *r);

/* An amount for a sentence: "£7,471" when whole pounds, else "£7,471.50". */
void ras_statement_money(ras_pence amount, const char *currency, char buf[64]);

/* The first sentence: the budget, or why there is none. */
void ras_statement_lead(const ras_result *r, char *buf, size_t size);

/* A sink: where the statement's parts go, in order. Every call may write
 * to out; errors are seen by the caller with ferror(out). */
typedef struct ras_sink ras_sink;
typedef struct ras_sink_ops {
    void (*begin)(ras_sink *s, const char *title, const char *council);
    void (*lead)(ras_sink *s, const char *sentence);
    void (*heading)(ras_sink *s, const char *text);
    void (*subheading)(ras_sink *s, const char *text);
    void (*para)(ras_sink *s, const char *text);
    /* A line of working: a label at depth level (0, 1 or 2), a value in
     * the right-hand column (NULL: none) and an optional note after it;
     * strong for totals. Consecutive rows form one table. */
    void (*row)(ras_sink *s, int level, const char *label, const char *value, const char *note,
                bool strong);
    /* "Key: value" for the record. */
    void (*record)(ras_sink *s, const char *key, const char *value);
    /* The points by area of need as a chart (a page can draw one). */
    void (*chart)(ras_sink *s, const ras_model *m, const ras_result *r);
    void (*end)(ras_sink *s);
} ras_sink_ops;

struct ras_sink {
    const ras_sink_ops *ops;
    FILE *out;
    bool color; /* text: terminal bold */
    int open;   /* html: the table open, 0 none, 1 rows of working, 2 the record */
};

extern const ras_sink_ops ras_text_sink;
extern const ras_sink_ops ras_html_sink;

/* Writes the whole statement to the sink, what-if lines included when wi
 * is not NULL. */
void ras_statement_emit(ras_sink *s, const ras_model *m, const ras_case *c, const ras_result *r,
                        const ras_what_if *wi);

/* The JSON statement (explain_json.c), what-if lines included when wi is
 * not NULL. */
void ras_explain_json(const ras_model *model, const ras_case *c, const ras_result *r,
                      const ras_what_if *wi, FILE *out);

/* The what-if section of the statement (what_if.c). */
void ras_what_if_write(ras_sink *s, const ras_what_if *wi, const ras_case *c, const ras_result *r);

#endif
