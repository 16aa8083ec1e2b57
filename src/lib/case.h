/* case.h - the private layout of a case, shared by the case reader/writer,
 * the batch reader and the scorer. A case is sized for its model once
 * (ras_case_new) and cleared, never reallocated, between the rows of a
 * batch, so streaming many cases does not allocate. */
#ifndef RAS_CASE_H
#define RAS_CASE_H

#include "model.h"
#include "ras.h"

#define RAS_MAX_CLIENT_ID 256 /* bytes in a client id */

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
    ras_date assessed_on;   /* 0 when none */
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
};

#define RAS_ANSWER_SLOTS 32u
#define RAS_SLOT_SHARED 255u

/* Marks one answer of a multiple question chosen (the id trimmed of
 * spaces). An unknown id or one chosen twice is an error naming the
 * question. Does not mark the question answered: the caller does, once
 * the whole list is read. */
ras_status ras_case_choose(ras_case *c, const ras_question *q, const char *id, size_t len,
                           ras_error *err);

#endif
