/* case.c - a case's client details and answers, set from text as a CSV
 * cell or a YAML scalar gives them. Everything here runs once per cell of
 * a batch, so it never allocates and compares lengths before bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "case.h"
#include "error.h"
#include "near.h"
#include "num.h"
#include "text_check.h"

static const struct {
    const char *name;
    size_t len;
} field_names[RAS_FIELD_COUNT] = {
    {"client_id", 9},         {"group", 5},        {"new_client", 10}, {"needs_increased", 15},
    {"existing_package", 16}, {"assessed_on", 11},
};

const char *ras_field_name(ras_field f)
{
    if ((int)f < 0 || f >= RAS_FIELD_COUNT)
        return NULL;
    return field_names[f].name;
}

int ras_field_find(const char *name, size_t len)
{
    if (!name)
        return -1;
    for (int f = 0; f < RAS_FIELD_COUNT; f++)
        if (field_names[f].len == len && memcmp(field_names[f].name, name, len) == 0)
            return f;
    return -1;
}

/* calloc that never returns NULL for a zero count, so a model with no
 * questions still gives a usable case. */
static void *zalloc(size_t n, size_t size)
{
    return calloc(n ? n : 1, size);
}

static bool is_space(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* Spaces and tabs around a cell or value are not part of it
 * (docs/exports.md, "Cell values"). */
static void trim(const char **text, size_t *len)
{
    const char *t = *text;
    size_t n = *len;
    while (n > 0 && is_space(t[0])) {
        t++;
        n--;
    }
    while (n > 0 && is_space(t[n - 1]))
        n--;
    *text = t;
    *len = n;
}

static size_t slot_of(const char *text, size_t len)
{
    /* The length and three bytes packed, then a multiplicative hash whose
     * top five bits pick the slot: parts the usual ids (none, some, all;
     * shopping, swimming) with no shared slots. */
    uint32_t x = (uint32_t)(len & 0xffu) | (uint32_t)(unsigned char)text[0] << 8 |
                 (uint32_t)(unsigned char)text[len / 2] << 16 |
                 (uint32_t)(unsigned char)text[len - 1] << 24;
    return (size_t)((x * 0x9e3779b1u) >> 27);
}

/* Fills a question's id lengths, hash slots and one-byte ids. */
static void index_answers(ras_case *c, const ras_question *q)
{
    unsigned char *slots = c->answer_slot + q->index * RAS_ANSWER_SLOTS;
    unsigned char *bytes = c->answer_byte + q->index * RAS_ANSWER_BYTES;
    if (q->n_answers + 1 >= RAS_SLOT_SHARED)
        memset(bytes, RAS_SLOT_SHARED, RAS_ANSWER_BYTES); /* too many for a byte */
    for (size_t k = 0; k < q->n_answers; k++) {
        const char *id = q->answers[k].id;
        size_t len = strlen(id);
        c->answer_len[q->first_answer + k] = len;
        if (len == 0)
            continue;
        unsigned char *slot = &slots[slot_of(id, len)];
        *slot = *slot == 0 && k + 1 < RAS_SLOT_SHARED ? (unsigned char)(k + 1) : RAS_SLOT_SHARED;
        unsigned char first = (unsigned char)id[0];
        if (len == 1 && first < RAS_ANSWER_BYTES && bytes[first] == 0)
            bytes[first] = (unsigned char)(k + 1);
    }
}

ras_case *ras_case_new(const ras_model *model)
{
    if (!model)
        return NULL;
    ras_case *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->model = model;
    c->client_id_cap = RAS_MAX_CLIENT_ID + 1;
    c->client_id = zalloc(c->client_id_cap, 1);
    c->single = zalloc(model->n_questions, sizeof *c->single);
    c->number = zalloc(model->n_questions, sizeof *c->number);
    c->answer_len = zalloc(model->n_answers, sizeof *c->answer_len);
    /* 160 bytes a question: 16 MB for 100,000 questions, taken in huge
     * pages where it can be (ras_big_zalloc). */
    c->answer_slot = ras_big_zalloc(model->n_questions, RAS_ANSWER_SLOTS);
    c->answer_byte = ras_big_zalloc(model->n_questions, RAS_ANSWER_BYTES);
    /* What a row sets, in one block so that clearing it between the rows
     * of a batch is one memset (case.h): the 8-byte domain sums first,
     * then the bytes. */
    size_t n = model->n_questions, nd = model->n_domains;
    if (nd < SIZE_MAX / 16 && n < SIZE_MAX / 4 && model->n_answers < SIZE_MAX / 4) {
        c->scratch_size = 8 * nd + n + model->n_answers;
        c->domain_points = zalloc(c->scratch_size, 1);
    }
    if (c->domain_points) {
        unsigned char *p = (unsigned char *)c->domain_points;
        c->answered = p + 8 * nd;
        c->chosen = p + 8 * nd + n;
    }
    if (!c->client_id || !c->single || !c->number || !c->answer_len || !c->answer_slot ||
        !c->answer_byte || !c->domain_points) {
        ras_case_free(c);
        return NULL;
    }
    for (size_t i = 0; i < model->n_questions; i++)
        index_answers(c, &model->questions[i]);
    ras_case_clear(c);
    return c;
}

void ras_case_free(ras_case *c)
{
    if (!c)
        return;
    free(c->client_id);
    free(c->single);
    free(c->number);
    free(c->answer_len);
    ras_big_free(c->answer_slot);
    ras_big_free(c->answer_byte);
    free(c->domain_points); /* the block holding answered and chosen too */
    free(c);
}

void ras_case_clear(ras_case *c)
{
    if (!c)
        return;
    c->client_id[0] = '\0';
    c->client_id_len = 0;
    c->group[0] = '\0';
    c->has_group = false;
    c->new_client = true;
    c->needs_increased = false;
    c->has_existing = false;
    c->existing = 0;
    c->assessed_on = 0;
    memset(c->domain_points, 0, c->scratch_size); /* answered and chosen too */
    c->adjust_total = 0;
    if (c->where.source[0] != '\0') /* only a loaded case has one */
        memset(&c->where, 0, sizeof c->where);
}

void ras_case_share(const ras_case *c, const ras_question *q, int64_t *points, int64_t *adjust)
{
    size_t k = q->index;
    int64_t p = 0, a = 0;
    switch (q->type) {
    case RAS_SINGLE:
        if (c->answered[k]) {
            const ras_answer *x = &q->answers[c->single[k]];
            p = x->points;
            a = x->adjust;
        }
        break;
    case RAS_NUMBER: /* set_number checked the product */
        if (c->answered[k])
            p = c->number[k] * q->points_per_unit;
        break;
    case RAS_MULTIPLE: /* none chosen when unanswered */
        for (size_t i = 0; i < q->n_answers; i++) {
            if (c->chosen[q->first_answer + i]) {
                p += q->answers[i].points;
                a += q->answers[i].adjust;
            }
        }
        break;
    }
    *points = p;
    *adjust = a;
}

/* Takes question q's share off the running totals (sign -1) before its
 * answer changes, or puts it back on (sign +1) after. The totals cannot
 * overflow: the loader bounds every domain's points before its cap
 * (questionnaire.c) and each adjust. */
static void count_share(ras_case *c, const ras_question *q, int sign)
{
    int64_t p, a;
    ras_case_share(c, q, &p, &a);
    c->domain_points[q->domain] += sign * p;
    c->adjust_total += sign * a;
}

/* Forgets question q's answer; the caller has taken its share off. */
static void forget(ras_case *c, const ras_question *q)
{
    c->answered[q->index] = 0;
    if (q->type == RAS_MULTIPLE && q->n_answers)
        memset(c->chosen + q->first_answer, 0, q->n_answers);
}

const char *ras_case_client_id(const ras_case *c)
{
    return c ? c->client_id : "";
}

bool ras_case_new_client(const ras_case *c)
{
    return c ? c->new_client : true;
}

bool ras_case_answered(const ras_case *c, const ras_question *q)
{
    return c && q && q->index < c->model->n_questions && c->answered[q->index];
}

void ras_case_unset_answer(ras_case *c, const ras_question *q)
{
    if (!c || !q || q->index >= c->model->n_questions || &c->model->questions[q->index] != q)
        return;
    count_share(c, q, -1);
    forget(c, q);
}

/* ---- client details ---------------------------------------------- */

/* Case-insensitive equality of len bytes of text with a lower-case word. */
static bool word_is(const char *text, size_t len, const char *word)
{
    size_t n = strlen(word);
    if (n != len)
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = text[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch != word[i])
            return false;
    }
    return true;
}

static ras_status parse_yes_no(const char *text, size_t len, bool *out)
{
    static const char *const yes[] = {"yes", "y", "true", "1"};
    static const char *const no[] = {"no", "n", "false", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (word_is(text, len, yes[i])) {
            *out = true;
            return RAS_OK;
        }
        if (word_is(text, len, no[i])) {
            *out = false;
            return RAS_OK;
        }
    }
    return RAS_ERR_ARG;
}

static ras_status set_client_id(ras_case *c, const char *text, size_t len, ras_error *err)
{
    const char *subject = field_names[RAS_FIELD_CLIENT_ID].name;
    if (len == 0)
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, subject, "the client id is empty");
    if (len > RAS_MAX_CLIENT_ID)
        return ras_fail(err, RAS_ERR_LIMIT, NULL, 0, 0, subject,
                        "the client id is longer than %d bytes", RAS_MAX_CLIENT_ID);
    /* Kept printable and valid UTF-8 so every output can carry it as is. */
    /* Printable ASCII, the usual id, is clean without the UTF-8 check. */
    if (!ras_printable_ascii(text, len) && !ras_text_is_clean(text, len))
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, subject,
                        "the client id holds a control character or invalid UTF-8");
    memcpy(c->client_id, text, len);
    c->client_id[len] = '\0';
    c->client_id_len = len;
    return RAS_OK;
}

/* "default, older_people or mental_health": the latest table's groups,
 * for the message about a group no table has. */
static void latest_groups(const ras_model *m, char *buf, size_t size)
{
    const ras_table *t = &m->tables[m->n_tables - 1];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t g = 0; g < t->n_groups && n < size; g++) {
        const char *sep = g == 0 ? "" : g + 1 == t->n_groups ? " or " : ", ";
        int w = snprintf(buf + n, size - n, "%s%s", sep, t->groups[g].name);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

static void store_group(ras_case *c, const char *id, size_t len)
{
    memcpy(c->group, id, len);
    c->group[len] = '\0';
    c->has_group = true;
}

/* A group by its id, or by its id or title in any case
 * (docs/model-format.md section 3.2). A valid id no table has is kept:
 * the scorer names the table its date picks, which lacks it. */
static ras_status set_group(ras_case *c, const char *text, size_t len, ras_error *err)
{
    const char *subject = field_names[RAS_FIELD_GROUP].name;
    if (len == 0) {
        c->group[0] = '\0';
        c->has_group = false;
        return RAS_OK;
    }
    bool id = len <= RAS_MAX_ID && ras_text_is_id(text, len);
    if (id && !c->model->title_is_id) {
        store_group(c, text, len); /* the usual cell, no lookup */
        return RAS_OK;
    }
    bool ambiguous;
    const char *named = ras_model_group_named(c->model, text, len, &ambiguous);
    if (named) {
        store_group(c, named, strlen(named));
        return RAS_OK;
    }
    if (id && !ambiguous) {
        store_group(c, text, len);
        return RAS_OK;
    }
    char shown[RAS_SHOWN_MAX], groups[200];
    ras_text_show(text, len, shown);
    if (ambiguous)
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, subject,
                        "group '%s' is the title of two different groups: name it by its id",
                        shown);
    latest_groups(c->model, groups, sizeof groups);
    return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, subject,
                    "unknown group '%s' (expected the id or title of a group: %s)", shown, groups);
}

ras_status ras_case_set_field(ras_case *c, ras_field f, const char *text, size_t len,
                              ras_error *err)
{
    if (!c || (!text && len > 0) || (int)f < 0 || f >= RAS_FIELD_COUNT)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    if (!text)
        text = "";
    trim(&text, &len);
    const char *subject = field_names[f].name;
    char shown[RAS_SHOWN_MAX];
    switch (f) {
    case RAS_FIELD_CLIENT_ID: return set_client_id(c, text, len, err);
    case RAS_FIELD_GROUP: return set_group(c, text, len, err);
    case RAS_FIELD_NEW_CLIENT:
    case RAS_FIELD_NEEDS_INCREASED: {
        bool v = f == RAS_FIELD_NEW_CLIENT;
        if (len > 0 && parse_yes_no(text, len, &v) != RAS_OK) {
            ras_text_show(text, len, shown);
            return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, subject,
                            "'%s' is not yes or no (yes, no, y, n, true, false, 1 or 0)", shown);
        }
        if (f == RAS_FIELD_NEW_CLIENT)
            c->new_client = v;
        else
            c->needs_increased = v;
        return RAS_OK;
    }
    case RAS_FIELD_EXISTING_PACKAGE: {
        if (len == 0) {
            c->has_existing = false;
            c->existing = 0;
            return RAS_OK;
        }
        ras_pence v;
        ras_status st = ras_money_parse_lenient(text, len, &v, err);
        if (st != RAS_OK)
            return ras_refile(err, st == RAS_ERR_OVERFLOW ? st : RAS_ERR_CASE, subject);
        c->existing = v;
        c->has_existing = true;
        return RAS_OK;
    }
    case RAS_FIELD_ASSESSED_ON: {
        ras_date d = 0;
        if (len > 0 && ras_date_parse_lenient(text, len, c->model->date_order, &d, err) != RAS_OK)
            return ras_refile(err, RAS_ERR_CASE, subject);
        c->assessed_on = d;
        return RAS_OK;
    }
    case RAS_FIELD_COUNT: break;
    }
    return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid field");
}

/* ---- answers ------------------------------------------------------ */

static bool same_bytes(const char *a, const char *b, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

/* The index of the answer with this id, or -1: the one-byte table, else
 * the hash slot's one candidate (lengths first, from the case's table of
 * id lengths), else, when ids share the slot, the model's sorted index.
 * len is never 0 here. */
static inline long find_answer(const ras_case *c, const ras_question *q, const char *text,
                               size_t len)
{
    unsigned char first = (unsigned char)text[0];
    if (len == 1 && first < RAS_ANSWER_BYTES) {
        /* A one-byte id: the table holds the whole answer. */
        unsigned k = c->answer_byte[q->index * RAS_ANSWER_BYTES + first];
        if (k != RAS_SLOT_SHARED)
            return (long)k - 1;
    }
    const ras_answer *a = q->answers;
    const size_t *lens = c->answer_len + q->first_answer;
    unsigned slot = c->answer_slot[q->index * RAS_ANSWER_SLOTS + slot_of(text, len)];
    if (slot != RAS_SLOT_SHARED) {
        /* The one answer that can match, if any. */
        size_t i = (size_t)slot - 1;
        if (slot != 0 && lens[i] == len && same_bytes(a[i].id, text, len))
            return (long)i;
        return -1;
    }
    return ras_model_find_answer(c->model, q, text, len); /* ids that share a slot */
}

/* "none, some or all": the ids a question accepts, for messages. */
static void expected_ids(const ras_question *q, char *buf, size_t size)
{
    /* Lists whole ids only: when the next one would not leave room for
     * ", ..." it ends the list there, so no id is ever shown cut short. */
    static const char more[] = ", ...";
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < q->n_answers; i++) {
        const char *sep = i == 0 ? "" : (i + 1 == q->n_answers ? " or " : ", ");
        size_t w = strlen(sep) + strlen(q->answers[i].id);
        bool last = i + 1 == q->n_answers;
        if (n + w + (last ? 0 : sizeof more - 1) >= size) {
            if (n + sizeof more <= size)
                memcpy(buf + n, more, sizeof more);
            return;
        }
        n += (size_t)snprintf(buf + n, size - n, "%s%s", sep, q->answers[i].id);
    }
}

/* The answer a cell names: by its id as it is (the usual cell), else by
 * its id or text in any case. -1 none, RAS_NAME_AMBIGUOUS for a text two
 * answers share. */
static long answer_named(const ras_case *c, const ras_question *q, const char *text, size_t len)
{
    long i = find_answer(c, q, text, len);
    return i >= 0 ? i : ras_model_answer_named(c->model, q, text, len);
}

long ras_case_answer_named(const ras_case *c, const ras_question *q, const char *text, size_t len)
{
    return len ? answer_named(c, q, text, len) : -1;
}

/* The error for a cell that named no answer (found: what answer_named
 * gave). */
static ras_status unknown_answer(const ras_question *q, long found, const char *text, size_t len,
                                 ras_error *err)
{
    char shown[RAS_SHOWN_MAX], expected[200], hint[2 * RAS_MAX_ID + 32];
    ras_near near;
    ras_text_show(text, len, shown);
    expected_ids(q, expected, sizeof expected);
    if (found == RAS_NAME_AMBIGUOUS)
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id,
                        "'%s' is the text of more than one answer: give its id (%s)", shown,
                        expected);
    if (ras_text_is_numeric(text, len))
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id,
                        "a number ('%s') where an answer id is due (expected %s)", shown, expected);
    ras_near_init(&near, text, len);
    for (size_t i = 0; i < q->n_answers; i++)
        ras_near_try(&near, q->answers[i].id);
    ras_near_hint(&near, hint, sizeof hint);
    if (hint[0] != '\0')
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id,
                        "unknown answer '%s'; %s (expected %s)", shown, hint, expected);
    return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id, "unknown answer '%s' (expected %s)",
                    shown, expected);
}

static ras_status set_single(ras_case *c, const ras_question *q, const char *text, size_t len,
                             ras_error *err)
{
    long i = answer_named(c, q, text, len);
    if (i < 0)
        return unknown_answer(q, i, text, len, err);
    c->single[q->index] = (int32_t)i;
    c->answered[q->index] = 1;
    return RAS_OK;
}

static ras_status set_number(ras_case *c, const ras_question *q, const char *text, size_t len,
                             ras_error *err)
{
    int64_t v = 0;
    ras_status st = RAS_OK;
    if (len <= 3 && text[0] >= '0' && text[0] <= '9') {
        /* The usual cell, one to three digits, without the general parser. */
        for (size_t i = 0; i < len && st == RAS_OK; i++) {
            if (text[i] < '0' || text[i] > '9')
                st = RAS_ERR_ARG;
            v = v * 10 + (text[i] - '0');
        }
        if (st != RAS_OK)
            st = ras_int_parse(text, len, &v);
    } else
        st = ras_int_parse(text, len, &v);
    int64_t points = 0;
    char shown[RAS_SHOWN_MAX];
    if (st == RAS_OK && v >= q->min && (text[0] < '1' || text[0] > '9') &&
        !ras_int_is_plain(text, len)) {
        /* "010", "+3", "-0": docs/model-format.md section 1's plain digits only. */
        ras_text_show(text, len, shown);
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id,
                        "'%s' is not a whole number in plain digits (no sign, no leading zero)",
                        shown);
    }
    if (st == RAS_OK && v >= q->min && v <= q->max) {
        /* min, max and points_per_unit are at most RAS_MAX_POINTS; the
         * check is kept all the same. */
        if (!ras_mul_i64(v, q->points_per_unit, &points)) {
            ras_text_show(text, len, shown);
            return ras_fail(err, RAS_ERR_OVERFLOW, NULL, 0, 0, q->id,
                            "%s x %lld points is too large to compute", shown,
                            (long long)q->points_per_unit);
        }
        c->number[q->index] = v;
        c->answered[q->index] = 1;
        return RAS_OK;
    }
    ras_text_show(text, len, shown);
    if (st == RAS_OK || st == RAS_ERR_OVERFLOW)
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id,
                        "%s is out of range (expected %lld to %lld)", shown, (long long)q->min,
                        (long long)q->max);
    if (ras_text_is_word(text, len))
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id,
                        "an answer id ('%s') where a number is due (expected %lld to %lld)", shown,
                        (long long)q->min, (long long)q->max);
    return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id,
                    "'%s' is not a whole number (expected %lld to %lld)", shown, (long long)q->min,
                    (long long)q->max);
}

/* One answer of a multiple cell, trimmed of spaces; marks it chosen. */
static ras_status choose(ras_case *c, const ras_question *q, const char *id, size_t len,
                         const char *all, size_t all_len, ras_error *err)
{
    trim(&id, &len);
    if (len == 0) {
        char shown[RAS_SHOWN_MAX];
        ras_text_show(all, all_len, shown);
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id, "an empty answer id in '%s'", shown);
    }
    long i = answer_named(c, q, id, len);
    if (i < 0)
        return unknown_answer(q, i, id, len, err);
    unsigned char *slot = c->chosen + q->first_answer + (size_t)i;
    if (*slot) {
        char shown[RAS_SHOWN_MAX];
        ras_text_show(id, len, shown);
        return ras_fail(err, RAS_ERR_CASE, NULL, 0, 0, q->id, "answer '%s' is chosen twice", shown);
    }
    *slot = 1;
    return RAS_OK;
}

ras_status ras_case_choose(ras_case *c, const ras_question *q, const char *id, size_t len,
                           ras_error *err)
{
    return choose(c, q, id, len, id, len, err);
}

void ras_case_count_share(ras_case *c, const ras_question *q, int sign)
{
    count_share(c, q, sign);
}

/* A multiple question's cell: answers separated by ';' or '|' (which
 * exports also use), or blank for none chosen. On an error the question
 * is left unanswered. */
static ras_status set_multiple(ras_case *c, const ras_question *q, const char *text, size_t len,
                               ras_error *err)
{
    forget(c, q);
    c->answered[q->index] = 1;
    size_t start = 0;
    while (start < len && is_space(text[start]))
        start++;
    if (start == len)
        return RAS_OK; /* blank: answered, none chosen */
    for (;;) {
        /* Ids are short: a plain loop finds the ';' sooner than memchr. */
        size_t stop = start;
        while (stop < len && text[stop] != ';' && text[stop] != '|')
            stop++;
        ras_status st = choose(c, q, text + start, stop - start, text, len, err);
        if (st != RAS_OK) {
            forget(c, q);
            return st;
        }
        if (stop == len)
            return RAS_OK;
        start = stop + 1;
    }
}

static ras_status set_answer(ras_case *c, const ras_question *q, const char *text, size_t len,
                             ras_error *err)
{
    if (!text)
        text = "";
    trim(&text, &len);
    if (q->type == RAS_MULTIPLE)
        return set_multiple(c, q, text, len, err);
    if (len == 0) {
        forget(c, q);
        return RAS_OK;
    }
    ras_status st =
        q->type == RAS_NUMBER ? set_number(c, q, text, len, err) : set_single(c, q, text, len, err);
    if (st != RAS_OK)
        forget(c, q);
    return st;
}

ras_status ras_case_put_answer(ras_case *c, const ras_question *q, const char *text, size_t len,
                               ras_error *err)
{
    count_share(c, q, -1);
    ras_status st = set_answer(c, q, text, len, err);
    count_share(c, q, +1);
    return st;
}

/* Puts "question 'ID': " in front of a setter's message, so every caller
 * of the public setter gets a complete one. The row loader calls the put
 * variants instead and names the column itself. */
static ras_status name_question(const ras_question *q, ras_status st, ras_error *err)
{
    if (st == RAS_OK || !err)
        return st;
    char bare[RAS_ERROR_MESSAGE_MAX];
    memcpy(bare, err->message, sizeof bare);
    int n = snprintf(err->message, sizeof err->message, "question '%s': %s", q->id, bare);
    if (n < 0 || (size_t)n >= sizeof err->message) /* cut short: end it visibly */
        memcpy(err->message + sizeof err->message - 4, "...", 4);
    return st;
}

ras_status ras_case_set_answer(ras_case *c, const ras_question *q, const char *text, size_t len,
                               ras_error *err)
{
    if (!c || !q || (!text && len > 0) || q->index >= c->model->n_questions ||
        &c->model->questions[q->index] != q)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    return name_question(q, ras_case_put_answer(c, q, text, len, err), err);
}
