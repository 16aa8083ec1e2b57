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
#include "short_text.h"

#define RAS_MAX_CLIENT_ID 256 /* bytes in a client id */
/* A case file: far above a case for any model within the limits (one
 * answering 300,000 questions takes 3.6 MB), and it bounds the memory of
 * reading one, up to about 22 times the file for a list of one-letter
 * ids (docs/performance.md, "Memory of a YAML file"). */
#define RAS_MAX_CASE_MIB 4
#define RAS_MAX_CASE_BYTES ((size_t)RAS_MAX_CASE_MIB * 1024 * 1024)
/* A case file: far above a case for any model within the limits (one
 * answering 300,000 questions takes 3.6 MB), and it bounds the memory of
 * reading one, which is up to about 22 times the file for a list of
 * one-letter ids (docs/performance.md, "Memory of a YAML file"). */
#define RAS_MAX_CASE_MIB 4
#define RAS_MAX_CASE_BYTES ((size_t)RAS_MAX_CASE_MIB * 1024 * 1024)

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
    ras_date assessed_on; /* 0 when none */
    int32_t *single;      /* per question: the chosen answer's index (single) */
    int64_t *number;      /* per question: the value (number) */
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
    /* Two running totals, kept by every setter, which takes a question's
     * old share off before adding the new one, so that scoring reads
     * these sums instead of walking the questions:
     * - domain_points: per domain, the points of its questions' answers
     *   (docs/scoring.md steps 1 and 2, before the cap);
     * - adjust_total: the sum of every chosen answer's adjust (step 6's
     *   sum, before its limit).
     * And what was answered:
     * - answered: per question, 1 when answered;
     * - chosen: per model answer, at question->first_answer + i, 1 when
     *   chosen (multiple). An unanswered multiple question has none.
     * domain_points, answered and chosen are one block (scratch_size
     * bytes), so clearing a case between the rows of a batch is one
     * memset. single and number are read only for an answered question,
     * so they are left as they are. */
    int64_t *domain_points;
    int64_t adjust_total;
    unsigned char *answered;
    unsigned char *chosen;
    size_t scratch_size;
    ras_case_where where; /* set by ras_case_load; cleared by ras_case_clear */
};

/* Points err (from scoring c: a case error naming the group, assessed_on
 * or a question) at the place in c's case file where the fault is, when c
 * came from a file and err has no place yet. */
void ras_case_place_error(const ras_case *c, ras_error *err);

/* Makes dst (a case of the same model as src) a copy of src: client
 * details, answers and running totals. Allocates nothing. */
void ras_case_copy(ras_case *dst, const ras_case *src);

#define RAS_ANSWER_BYTES 128u

#define RAS_ANSWER_SLOTS 32u
#define RAS_SLOT_SHARED 255u

/* Marks one answer of a multiple question chosen (the id trimmed of
 * spaces). An unknown id or one chosen twice is an error naming the
 * question. Does not mark the question answered nor keep the running
 * totals: the caller takes q's share off before the list
 * (ras_case_unset_answer) and puts it back once after
 * (ras_case_count_share), so a list of n choices costs O(n), not O(n^2). */
ras_status ras_case_choose(ras_case *c, const ras_question *q, const char *id, size_t len,
                           ras_error *err);

/* Takes question q's share of the running totals off (sign -1) or puts
 * it back on (sign +1). */
void ras_case_count_share(ras_case *c, const ras_question *q, int sign);

/* ras_case_set_answer without the argument checks (q is one of c's
 * model's questions): the general setter, errors included. The row
 * loader calls it for a cell its column plan does not set inline
 * (case_rows.c). */
ras_status ras_case_put_answer(ras_case *c, const ras_question *q, const char *text, size_t len,
                               ras_error *err);

/* The index of the answer of q (a single or multiple question of c's
 * model) that text names, as the setters find it: by its id as it is,
 * else by its id or text in any case (docs/exports.md). text is trimmed
 * of spaces by the caller. -1 for none or an empty text,
 * RAS_NAME_AMBIGUOUS for a text two answers share. The row loader
 * remembers what it gives (answer_memo.h), so the two cannot disagree. */
long ras_case_answer_named(const ras_case *c, const ras_question *q, const char *text, size_t len);

/* What question q's answer in c adds to its domain's points and to the
 * adjust sum (docs/scoring.md step 1): 0 and 0 when unanswered. Worked from the
 * answer itself, not the running totals, so the explanation and the
 * setters' bookkeeping agree with the model by construction. */
void ras_case_share(const ras_case *c, const ras_question *q, int64_t *points, int64_t *adjust);

/* ---- filling a cleared case (the batch's row loader) ----------------
 *
 * The row loader clears the case before each row and sets each question
 * at most once (the header names it once), so there is no old share to
 * take off, and it has checked each answer against the question. It
 * works through a ras_case_fill, a copy of the case's pointers held in
 * the loader's own variables: the stores into the case's byte arrays then
 * cannot oblige the compiler to reload the case's fields after each one.
 * ras_case_fill_end puts the adjust sum back. */
typedef struct ras_case_fill {
    unsigned char *answered, *chosen;
    int32_t *single;
    int64_t *number, *domain_points;
    int64_t adjust;
} ras_case_fill;

static inline ras_case_fill ras_case_fill_begin(ras_case *c)
{
    return (ras_case_fill){c->answered, c->chosen,        c->single,
                           c->number,   c->domain_points, c->adjust_total};
}

static inline void ras_case_fill_end(ras_case *c, const ras_case_fill *f)
{
    c->adjust_total = f->adjust;
}

/* The fill setters take the question's index k and its domain's d, and
 * the points and adjust of what is chosen (the caller's copy of the
 * model's figures), so setting a cell needs no walk through the model. */

/* A single question k's answer i. */
static inline void ras_case_fill_single(ras_case_fill *f, size_t k, size_t d, size_t i,
                                        int64_t points, int64_t adjust)
{
    f->single[k] = (int32_t)i;
    f->answered[k] = 1;
    f->domain_points[d] += points;
    f->adjust += adjust; /* 0 when none */
}

/* A number question k's value v. */
static inline void ras_case_fill_number(ras_case_fill *f, size_t k, size_t d, int64_t v,
                                        int64_t points)
{
    f->number[k] = v;
    f->answered[k] = 1;
    f->domain_points[d] += points;
}

/* A multiple question k answered: nothing chosen yet (a blank cell). */
static inline void ras_case_fill_none(ras_case_fill *f, size_t k)
{
    f->answered[k] = 1;
}

/* Chooses the model answer at index at (question->first_answer + i) of a
 * multiple question in domain d; the caller marks the question answered
 * once, and never chooses an answer twice. A question's points cannot
 * overflow: the loader bounds each domain's (RAS_MAX_DOMAIN_RAW). */
static inline void ras_case_fill_choose(ras_case_fill *f, size_t d, size_t at, int64_t points,
                                        int64_t adjust)
{
    f->chosen[at] = 1;
    f->domain_points[d] += points;
    f->adjust += adjust;
}

/* Chooses n answers of a multiple question in domain d, at[k] being an
 * answer's index in the question whose first is the model's answer
 * first, and adds what they score together: points and adjust (the
 * caller's sums of theirs). As ras_case_fill_choose, never one twice. */
static inline void ras_case_fill_choose_all(ras_case_fill *f, size_t d, size_t first,
                                            const int32_t *at, size_t n, int64_t points,
                                            int64_t adjust)
{
    for (size_t k = 0; k < n; k++)
        f->chosen[first + (size_t)at[k]] = 1;
    f->domain_points[d] += points;
    f->adjust += adjust;
}

/* The usual client id, printable ASCII of at most RAS_MAX_CLIENT_ID
 * bytes with no space at either end, set inline; false, with nothing
 * changed, for anything else (ras_case_set_field trims, checks and
 * reports it). */
static inline bool ras_case_fresh_client_id(ras_case *c, const char *text, size_t len)
{
    if (len == 0 || len > RAS_MAX_CLIENT_ID || text[0] == ' ' || text[len - 1] == ' ' ||
        !ras_printable_ascii(text, len))
        return false;
    ras_copy_short(c->client_id, text, len);
    c->client_id[len] = '\0';
    c->client_id_len = len;
    return true;
}

#endif
