/* answer_memo.h - the answers a column's cells named, remembered for the
 * rows after (docs/performance.md, "Exports as councils write them").
 *
 * An export names each answer by its text, `Answer b` or `Activity e |
 * Activity c`, and a column holds the same few cells row after row.
 * Finding an answer by its text costs a trim, a case-blind hash and a
 * compare in the model's name index; the memo keeps, per question, the
 * bytes of each cell seen exactly as written, the answers they named and
 * what those score, so the next row finds them with two multiplies and
 * three compares.
 *
 * The key is the bytes as written, spaces and case included: `answer b`
 * and ` Answer b` are two entries naming one answer, never one entry, so
 * no fold or trim rule here can make the memo disagree with the general
 * setter, whose answer is what is kept (ras_case_answer_named). One answer
 * of a multiple cell (`Activity e`) is kept as the cell it would be alone,
 * which names that one answer, so the two kinds of entry agree too. Only
 * what named answers is kept; an unknown or ambiguous text goes the long
 * way every time, which gives the error. The table is a fixed size,
 * allocated once per bound header, so memory does not grow with the
 * rows: a cell pushed out is found the long way again and put back. */
#ifndef RAS_ANSWER_MEMO_H
#define RAS_ANSWER_MEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Bytes of the longest cell kept; a longer one always goes the long way. */
#define RAS_MEMO_KEY_MAX 64
/* Answers of the longest list kept (a slot is 64 bytes, one cache line). */
#define RAS_MEMO_CHOICES 5
/* Sets of two slots: room for the few cells of hundreds of questions. */
#define RAS_MEMO_SETS 1024u

typedef struct ras_memo_slot {
    uint64_t head, tail;              /* the cell's first and last 8 bytes (shorter: 0-padded) */
    uint64_t tag;                     /* (the question's index + 1) << 32 | length; 0: empty */
    int64_t points;                   /* what the answers add to their domain's points */
    int64_t adjust;                   /* and to the adjust sum */
    uint32_t n;                       /* answers named: 1 for a single question's cell */
    int32_t answer[RAS_MEMO_CHOICES]; /* their indexes in the question */
} ras_memo_slot;

typedef struct ras_answer_memo {
    ras_memo_slot slots[2 * RAS_MEMO_SETS];
    char keys[2 * RAS_MEMO_SETS][RAS_MEMO_KEY_MAX]; /* each slot's whole cell */
} ras_answer_memo;

/* An empty memo, or NULL when out of memory; free it with
 * ras_answer_memo_free (NULL is fine). */
ras_answer_memo *ras_answer_memo_new(void);
void ras_answer_memo_free(ras_answer_memo *m);

/* A cell as the memo compares it: its first and last 8 bytes (the whole
 * of one of up to 16), its length and question, and its set. */
typedef struct ras_memo_key {
    uint64_t head, tail, tag;
    size_t set;
} ras_memo_key;

static inline uint64_t ras_memo_word(const char *text)
{
    uint64_t w;
    memcpy(&w, text, 8);
    return w;
}

#define RAS_MEMO_MUL 0x9e3779b97f4a7c15u

/* The set of a key: a multiply per 8 bytes, so every byte counts
 * (`Activity a | Activity c` and `Activity e | Activity c` differ only in
 * the middle), the question mixed in so that two questions' same text
 * part. mid is the hash of the bytes between the first and last 8 (0 when
 * none). */
static inline size_t ras_memo_set(uint64_t head, uint64_t tail, uint64_t tag, uint64_t mid)
{
    uint64_t h = (head ^ tag ^ mid) * RAS_MEMO_MUL;
    h = (h ^ h >> 31 ^ tail) * RAS_MEMO_MUL;
    return (size_t)(h >> 54) & (RAS_MEMO_SETS - 1);
}

/* The key of question q's cell of 8 to 24 bytes, the usual answer text
 * or two of them: no loop. One word between the first and last 8 bytes
 * is hashed as ras_memo_key_other's loop hashes it. */
static inline ras_memo_key ras_memo_key_short(size_t q, const char *text, size_t len)
{
    ras_memo_key k;
    k.tag = ((uint64_t)q + 1) << 32 | len;
    k.head = ras_memo_word(text);
    k.tail = ras_memo_word(text + len - 8);
    uint64_t mid = len > 16 ? ras_memo_word(text + 8) * RAS_MEMO_MUL : 0;
    k.set = ras_memo_set(k.head, k.tail, k.tag, mid);
    return k;
}

/* The key of question q's cell of any other length up to
 * RAS_MEMO_KEY_MAX (answer_memo.c). */
ras_memo_key ras_memo_key_other(size_t q, const char *text, size_t len);

/* True when slot i holds the cell k was made of: the words and tag, and
 * for a cell longer than 16 bytes the bytes between, 8 at a time. */
static inline bool ras_memo_slot_is(const ras_answer_memo *m, size_t i, const ras_memo_key *k,
                                    const char *text, size_t len)
{
    const ras_memo_slot *s = &m->slots[i];
    if (s->head != k->head || s->tail != k->tail || s->tag != k->tag)
        return false;
    for (size_t at = 8; at + 8 < len; at += 8)
        if (ras_memo_word(m->keys[i] + at) != ras_memo_word(text + at))
            return false;
    return true;
}

/* The slot of key k of a cell, or NULL. */
static inline const ras_memo_slot *ras_memo_lookup(const ras_answer_memo *m, const ras_memo_key *k,
                                                   const char *text, size_t len)
{
    size_t i = 2 * k->set;
    if (ras_memo_slot_is(m, i, k, text, len))
        return &m->slots[i];
    if (ras_memo_slot_is(m, i + 1, k, text, len))
        return &m->slots[i + 1];
    return NULL;
}

/* The slot remembering question q's cell (len bytes as written, at least
 * 1), or NULL. q is below UINT32_MAX (a model's questions are far fewer). */
static inline const ras_memo_slot *ras_answer_memo_find(const ras_answer_memo *m, size_t q,
                                                        const char *text, size_t len)
{
    if (len - 8 <= 16) { /* 8 to 24 bytes */
        ras_memo_key k = ras_memo_key_short(q, text, len);
        return ras_memo_lookup(m, &k, text, len);
    }
    if (len > RAS_MEMO_KEY_MAX)
        return NULL;
    ras_memo_key k = ras_memo_key_other(q, text, len);
    return ras_memo_lookup(m, &k, text, len);
}

/* Remembers that question q's cell (len bytes as written) named the n
 * answers (indexes in the question) of answer, which add points to their
 * domain's points and adjust to the adjust sum. A cell that is empty,
 * longer than RAS_MEMO_KEY_MAX or names more than RAS_MEMO_CHOICES is not
 * kept. */
void ras_answer_memo_put(ras_answer_memo *m, size_t q, const char *text, size_t len,
                         const long *answer, size_t n, int64_t points, int64_t adjust);

#endif
