/* case.h - the private layout of a case, shared by the case reader/writer,
 * the batch reader and the scorer. A case is sized for its model once
 * (ras_case_new) and cleared, never reallocated, between the rows of a
 * batch, so streaming many cases does not allocate. */
#ifndef RAS_CASE_H
#define RAS_CASE_H

#include <string.h>

#include "model.h"
#include "num.h"
#include "ras.h"

#define RAS_MAX_CLIENT_ID 256 /* bytes in a client id */

/* Where a case file put what the scorer may find wrong, so that
 * ras_score's errors point there (case_where.c). All zero for a case not
 * read from a file (a batch row, `ras ask`). Lines and columns 1-based. */
typedef struct ras_case_where {
    char source[RAS_ERROR_FILE_MAX];            /* the file's name; "" when none */
    unsigned long client_line, client_column;   /* the 'client' key */
    unsigned long group_line, group_column;     /* the group named */
    unsigned long date_line, date_column;       /* the assessed_on date */
    unsigned long answers_line, answers_column; /* the 'answers' key */
} ras_case_where;

struct ras_case {
    const ras_model *model;
    char *client_id; /* NUL-terminated; "" when not set */
    size_t client_id_len, client_id_cap;
    char group[RAS_MAX_ID + 1]; /* "" when none named */
    bool has_group;
    bool new_client;      /* default true */
    bool needs_increased; /* default false */
    bool has_existing;
    ras_pence existing;
    ras_date assessed_on;    /* 0 when none */
    unsigned char *answered; /* per question: 1 when answered */
    int32_t *single;         /* per question: the chosen answer's index (single) */
    int64_t *number;         /* per question: the value (number) */
    unsigned char *chosen;   /* per model answer, at question->first_answer + i (multiple) */
    /* Added for speed: the length of every model answer's id, same index
     * as chosen, so an answer is found without strlen. */
    size_t *answer_len;
    /* Added for speed: per question RAS_ANSWER_SLOTS bytes, a hash of an
     * answer id (its length and three of its bytes) to the answer's index
     * + 1; 0 none, RAS_SLOT_SHARED when two ids share the slot. One
     * candidate to check instead of a loop whose exit the processor
     * cannot predict. */
    unsigned char *answer_slot;
    /* Added for speed: per question RAS_ANSWER_BYTES entries, the answer
     * whose id is that one ASCII byte, as its index + 1 (0: none;
     * RAS_SLOT_SHARED: look it up the long way). One-letter ids (a, b,
     * c) are what exports hold, and this finds them with one load. */
    unsigned char *answer_byte;
    /* Step 1 of the scoring (SPEC 3), worked as each answer is set, so
     * scoring a row is a sum: per question, the points of what is chosen
     * (0 when unanswered), the sum of the chosen answers' adjusts and how
     * many chosen answers carry one. Only the setters in case.c write
     * these; ras_score reads them. */
    int64_t *points;
    int64_t *adjust;
    uint32_t *n_adjust;
    uint32_t *n_chosen; /* multiple: how many answers are chosen */
    /* points is also the start of one block holding adjust, n_adjust,
     * n_chosen, answered and chosen (scratch_size bytes), cleared at once. */
    size_t scratch_size;
    ras_case_where where; /* set by ras_case_load; cleared by ras_case_clear */
};

/* Points err (from scoring c: a case error naming the group, assessed_on
 * or a question) at the place in c's case file where the fault is, when c
 * came from a file and err has no place yet. */
void ras_case_place_error(const ras_case *c, ras_error *err);

#define RAS_ANSWER_BYTES 128u

#define RAS_ANSWER_SLOTS 32u
#define RAS_SLOT_SHARED 255u

/* Marks one answer of a multiple question chosen (the id trimmed of
 * spaces). An unknown id or one chosen twice is an error naming the
 * question. Does not mark the question answered: the caller does, once
 * the whole list is read. */
ras_status ras_case_choose(ras_case *c, const ras_question *q, const char *id, size_t len,
                           ras_error *err);

/* ras_case_set_answer without the argument checks (q is one of c's
 * model's questions): the general setter, errors included. The row
 * loader calls it for a cell its column plan does not set inline
 * (case_rows.c). */
ras_status ras_case_put_answer(ras_case *c, const ras_question *q, const char *text, size_t len,
                               ras_error *err);

/* Setters for the batch's row loader, which clears the case before each
 * row and sets each question at most once (the header names it once): on
 * a question that is still clear, what is 0 already need not be stored.
 * The caller has checked the answer is one the question takes. */

/* A single question's answer i. */
static inline void ras_case_fresh_single(ras_case *c, const ras_question *q, size_t i)
{
    size_t k = q->index;
    const ras_answer *a = &q->answers[i];
    c->single[k] = (int32_t)i;
    c->answered[k] = 1;
    c->points[k] = a->points;
    c->adjust[k] = a->adjust; /* 0 when none */
    c->n_adjust[k] = a->has_adjust ? 1u : 0u;
}

/* A number question's value v, worth points (v times points_per_unit). */
static inline void ras_case_fresh_number(ras_case *c, const ras_question *q, int64_t v,
                                         int64_t points)
{
    size_t k = q->index;
    c->number[k] = v;
    c->answered[k] = 1;
    c->points[k] = points;
}

/* A multiple question answered with nothing chosen (a blank cell). */
static inline void ras_case_fresh_none(ras_case *c, const ras_question *q)
{
    c->answered[q->index] = 1;
}

/* A multiple question's one chosen answer i. */
static inline void ras_case_fresh_one(ras_case *c, const ras_question *q, size_t i)
{
    size_t k = q->index;
    const ras_answer *a = &q->answers[i];
    c->chosen[q->first_answer + i] = 1;
    c->n_chosen[k] = 1;
    c->answered[k] = 1;
    c->points[k] = a->points;
    c->adjust[k] = a->adjust;
    c->n_adjust[k] = a->has_adjust ? 1u : 0u;
}

/* A multiple question's two chosen answers i and j (i != j); false, with
 * nothing changed, when their points do not add up (the long way reports
 * it). */
static inline bool ras_case_fresh_two(ras_case *c, const ras_question *q, size_t i, size_t j)
{
    size_t k = q->index;
    const ras_answer *a = &q->answers[i], *b = &q->answers[j];
    int64_t points;
    if (!ras_add_i64(a->points, b->points, &points))
        return false;
    c->chosen[q->first_answer + i] = 1;
    c->chosen[q->first_answer + j] = 1;
    c->n_chosen[k] = 2;
    c->answered[k] = 1;
    c->points[k] = points;
    c->adjust[k] = (int64_t)a->adjust + b->adjust;
    c->n_adjust[k] = (a->has_adjust ? 1u : 0u) + (b->has_adjust ? 1u : 0u);
    return true;
}

/* The usual client id, printable ASCII of at most RAS_MAX_CLIENT_ID
 * bytes, set inline; false, with nothing changed, for anything else
 * (ras_case_set_field checks and reports it). */
static inline bool ras_case_fresh_client_id(ras_case *c, const char *text, size_t len)
{
    if (len == 0 || len > RAS_MAX_CLIENT_ID)
        return false;
    unsigned bad = 0;
    for (size_t i = 0; i < len; i++)
        bad |= (unsigned char)text[i] - 0x20u >= 0x5fu;
    if (bad)
        return false;
    memcpy(c->client_id, text, len);
    c->client_id[len] = '\0';
    c->client_id_len = len;
    return true;
}

#endif
