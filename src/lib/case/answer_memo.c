/* answer_memo.c - the cells a column named answers by (answer_memo.h). */
#include "answer_memo.h"

#include <stdlib.h>

ras_answer_memo *ras_answer_memo_new(void)
{
    /* Large enough for calloc to map fresh zero pages: a file whose
     * answers are all ids touches none of them. */
    return calloc(1, sizeof(ras_answer_memo));
}

void ras_answer_memo_free(ras_answer_memo *m)
{
    free(m);
}

ras_memo_key ras_memo_key_other(size_t q, const char *text, size_t len)
{
    if (len >= 8 && len <= 24)
        return ras_memo_key_short(q, text, len);
    ras_memo_key k;
    k.tag = ((uint64_t)q + 1) << 32 | len;
    uint64_t mid = 0;
    if (len >= 8) {
        k.head = ras_memo_word(text);
        k.tail = ras_memo_word(text + len - 8);
        for (size_t at = 8; at + 8 < len; at += 8)
            mid = (mid ^ mid >> 29 ^ ras_memo_word(text + at)) * RAS_MEMO_MUL;
    } else {
        k.head = 0;
        for (size_t i = 0; i < len; i++)
            k.head |= (uint64_t)(unsigned char)text[i] << (8 * i);
        k.tail = 0;
    }
    k.set = ras_memo_set(k.head, k.tail, k.tag, mid);
    return k;
}

void ras_answer_memo_put(ras_answer_memo *m, size_t q, const char *text, size_t len,
                         const long *answer, size_t n, int64_t points, int64_t adjust)
{
    if (len == 0 || len > RAS_MEMO_KEY_MAX || q >= UINT32_MAX || n > RAS_MEMO_CHOICES)
        return;
    for (size_t a = 0; a < n; a++)
        if (answer[a] < 0 || answer[a] > INT32_MAX)
            return;
    ras_memo_key k = ras_memo_key_other(q, text, len);
    size_t i = 2 * k.set;
    /* The newest in the first way, the one it displaces in the second:
     * two cells that share a set are both kept. A cell kept already (a
     * multiple cell of one answer is kept as that answer first) is
     * written over where it is. */
    if (ras_memo_slot_is(m, i + 1, &k, text, len))
        i++;
    else if (!ras_memo_slot_is(m, i, &k, text, len) && m->slots[i].tag != 0) {
        m->slots[i + 1] = m->slots[i];
        memcpy(m->keys[i + 1], m->keys[i], RAS_MEMO_KEY_MAX);
    }
    ras_memo_slot *s = &m->slots[i];
    s->head = k.head;
    s->tail = k.tail;
    s->tag = k.tag;
    s->points = points;
    s->adjust = adjust;
    s->n = (uint32_t)n;
    for (size_t a = 0; a < n; a++)
        s->answer[a] = (int32_t)answer[a];
    memcpy(m->keys[i], text, len);
}
