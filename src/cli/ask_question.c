/* ask_question.c - one question of `ras ask`: shows it with its numbered
 * answers and reads a reply until the library accepts it. */
#include <stdlib.h>
#include <string.h>

#include "ask.h"

static void show(const ras_question *q, size_t number, size_t count)
{
    const char *help = ras_question_help(q);

    printf("\nQuestion %zu of %zu: %s\n", number, count, ras_question_text(q));
    if (help != NULL)
        printf("  (%s)\n", help);
    for (size_t i = 0; i < ras_question_answer_count(q); i++)
        printf("  %zu) %s\n", i + 1, ras_answer_text(q, i));
}

/* The reason without the library's "question 'ID': " in front: the
 * person has the question in front of them. */
static const char *bare_reason(const ras_question *q, const char *message)
{
    const char *id = ras_question_id(q);
    size_t len = strlen(id);
    if (strncmp(message, "question '", 10) == 0 && strncmp(message + 10, id, len) == 0 &&
        strncmp(message + 10 + len, "': ", 3) == 0)
        return message + 10 + len + 3;
    return message;
}

/* Sets the answer from the library's form of it; says why when refused. */
static bool set_answer(ras_ask *a, const ras_question *q, const char *text)
{
    ras_error err;

    ras_error_clear(&err);
    if (ras_case_set_answer(a->c, q, text, strlen(text), &err) == RAS_OK)
        return true;
    ras_ask_refuse(bare_reason(q, err.message));
    return false;
}

/* Marks in chosen[0..n) the answers a reply such as "1, 3 4" names;
 * false when a word is not an answer number. */
static bool parse_choices(const char *text, size_t n, unsigned char *chosen)
{
    for (const char *p = text + strspn(text, " ,\t"); *p != '\0';) {
        size_t len = strcspn(p, " ,\t");
        size_t k = ras_ask_parse_choice(p, len, n);
        if (k == 0)
            return false;
        chosen[k - 1] = 1;
        p += len;
        p += strspn(p, " ,\t");
    }
    return true;
}

/* The chosen answers' ids joined by ';' in answer order, as
 * ras_case_set_answer reads them; NULL when out of memory. */
static char *join_ids(const ras_question *q, const unsigned char *chosen)
{
    size_t n = ras_question_answer_count(q), need = 1;
    char *out, *w;

    for (size_t i = 0; i < n; i++)
        if (chosen[i])
            need += strlen(ras_answer_id(q, i)) + 1;
    out = malloc(need);
    if (out == NULL)
        return NULL;
    w = out;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(ras_answer_id(q, i));
        if (!chosen[i])
            continue;
        if (w != out)
            *w++ = ';';
        memcpy(w, ras_answer_id(q, i), len);
        w += len;
    }
    *w = '\0';
    return out;
}

/* A multiple question's reply: false when refused or (*nomem) when
 * memory ran out. */
static bool take_choices(ras_ask *a, const ras_question *q, const char *text, bool *nomem)
{
    size_t n = ras_question_answer_count(q);
    unsigned char *chosen = calloc(n > 0 ? n : 1, 1);

    if (chosen != NULL && !parse_choices(text, n, chosen)) {
        char reason[96];
        snprintf(reason, sizeof reason, "give numbers from 1 to %zu, separated by spaces or commas",
                 n);
        ras_ask_refuse(reason);
        free(chosen);
        return false;
    }
    char *ids = chosen != NULL ? join_ids(q, chosen) : NULL;
    free(chosen);
    if (ids == NULL) {
        *nomem = true;
        return false;
    }
    bool ok = set_answer(a, q, ids);
    free(ids);
    return ok;
}

/* Acts on one reply; true when the answer is set. */
static bool take_reply(ras_ask *a, const ras_question *q, const char *text, bool *nomem)
{
    size_t n = ras_question_answer_count(q);
    char reason[96];

    *nomem = false;
    if (ras_question_kind(q) == RAS_MULTIPLE && strcmp(text, "0") == 0)
        text = ""; /* none, also when Enter would keep an earlier choice */
    if (text[0] == '\0' && ras_question_kind(q) != RAS_MULTIPLE) {
        if (ras_question_required(q)) {
            ras_ask_refuse("an answer is needed for this question");
            return false;
        }
        ras_case_unset_answer(a->c, q);
        return true;
    }
    if (ras_question_kind(q) == RAS_NUMBER) {
        /* The library checks the range; a word is refused here, as the
         * library's message for it speaks of answer ids. */
        if (text[strspn(text, "-0123456789")] != '\0') {
            snprintf(reason, sizeof reason, "type a whole number from %lld to %lld",
                     (long long)ras_question_min(q), (long long)ras_question_max(q));
            ras_ask_refuse(reason);
            return false;
        }
        return set_answer(a, q, text);
    }
    if (ras_question_kind(q) == RAS_SINGLE) {
        size_t k = ras_ask_parse_choice(text, strlen(text), n);
        if (k != 0)
            return set_answer(a, q, ras_answer_id(q, k - 1));
        snprintf(reason, sizeof reason, "choose a number from 1 to %zu", n);
        ras_ask_refuse(reason);
        return false;
    }
    return take_choices(a, q, text, nomem);
}

/* The prompt line for a question's kind. */
static void make_prompt(const ras_question *q, bool earlier, char *buf, size_t size)
{
    size_t n = ras_question_answer_count(q);
    const char *skip = ras_question_required(q) || earlier ? "" : " (Enter: skip)";

    if (ras_question_kind(q) == RAS_NUMBER)
        snprintf(buf, size, "A whole number from %lld to %lld%s: ", (long long)ras_question_min(q),
                 (long long)ras_question_max(q), skip);
    else if (ras_question_kind(q) == RAS_MULTIPLE)
        snprintf(buf, size, "Any of 1-%zu, separated by spaces or commas (%s: none): ", n,
                 earlier ? "0" : "Enter");
    else
        snprintf(buf, size, "Choose 1-%zu%s: ", n, skip);
}

ras_ask_reply ras_ask_question(ras_ask *a, const ras_question *q)
{
    char prompt[128];
    const char *help = ras_question_help(q);

    show(q, ras_question_index(q) + 1, ras_model_question_count(a->model));
    make_prompt(q, a->earlier != NULL, prompt, sizeof prompt);
    for (;;) {
        const char *text;
        bool nomem;
        ras_ask_reply reply =
            ras_ask_read(a, prompt, help != NULL ? help : "No more help for this question.", &text);

        if (reply != RAS_ASK_DONE)
            return reply;
        if (take_reply(a, q, text, &nomem))
            return RAS_ASK_DONE;
        if (nomem)
            return RAS_ASK_NOMEM;
    }
}
