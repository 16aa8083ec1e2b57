/* what_if.c - what would change the budget (docs/statement.md, what-if):
 * the case copied, one answer changed through the case's own setter and
 * the copy scored by ras_score, so every figure is the scorer's and none
 * is worked out a second way. */
#include <stdlib.h>

#include "case.h"
#include "error.h"
#include "result.h"

#define MIN_CHANGE 100 /* pence: a change under a pound is not listed */

struct ras_what_if {
    ras_pence budget;
    ras_what_if_line *changes, *adjustments;
    size_t n_changes, n_adjustments;
};

/* What a trial needs: the case, a copy to change and a result to score
 * it into, and room for a multiple question's list of ids. */
typedef struct trial {
    const ras_model *m;
    const ras_case *c;
    ras_case *copy;
    ras_result *r;
    char *text;
    size_t text_cap;
} trial;

/* The answer text that gives line's change: an answer id, a number, or
 * the ids of a multiple question's answers with one added or removed. */
static size_t answer_text(const trial *t, const ras_what_if_line *line)
{
    const ras_question *q = line->question;
    if (line->kind == RAS_WHAT_IF_ANSWER)
        return (size_t)snprintf(t->text, t->text_cap, "%s", q->answers[line->answer].id);
    if (line->kind == RAS_WHAT_IF_NUMBER)
        return (size_t)snprintf(t->text, t->text_cap, "%lld", (long long)line->value);
    size_t len = 0;
    for (size_t a = 0; a < q->n_answers; a++) {
        bool chosen = t->c->chosen[q->first_answer + a] != 0;
        if (a == line->answer)
            chosen = line->kind == RAS_WHAT_IF_ADD;
        if (!chosen)
            continue;
        len += (size_t)snprintf(t->text + len, t->text_cap - len, "%s%s", len ? ";" : "",
                                q->answers[a].id);
    }
    return len;
}

/* Scores the case with line's change and fills in its figures; false when
 * the changed case does not score (it is then not listed). */
static bool try_line(trial *t, ras_pence base, ras_what_if_line *line)
{
    ras_case_copy(t->copy, t->c);
    size_t len = answer_text(t, line);
    if (ras_case_set_answer(t->copy, line->question, t->text, len, NULL) != RAS_OK ||
        ras_score(t->m, t->copy, t->r, NULL) != RAS_OK)
        return false;
    line->points = t->r->total;
    line->budget = t->r->budget;
    line->difference = t->r->budget - base;
    line->basis = t->r->basis;
    line->panel = t->r->panel;
    return true;
}

static ras_what_if_line line_of(const ras_question *q, ras_what_if_kind kind, size_t answer,
                                int64_t value)
{
    ras_what_if_line l = {0};
    l.question = q;
    l.kind = kind;
    l.answer = answer;
    l.value = value;
    return l;
}

/* Keeps the line when it scores and moves the budget by a pound or more. */
static void add_change(trial *t, ras_what_if *wi, ras_what_if_line line)
{
    if (wi->changes && try_line(t, wi->budget, &line) &&
        (line.difference >= MIN_CHANGE || line.difference <= -MIN_CHANGE))
        wi->changes[wi->n_changes++] = line;
}

/* The next answer up and down, the value one up and down, or each answer
 * of a multiple question added or taken away. */
static void question_changes(trial *t, ras_what_if *wi, const ras_question *q)
{
    size_t k = q->index;
    if (!t->c->answered[k])
        return;
    if (q->type == RAS_SINGLE) {
        size_t a = (size_t)t->c->single[k];
        if (a > 0)
            add_change(t, wi, line_of(q, RAS_WHAT_IF_ANSWER, a - 1, 0));
        if (a + 1 < q->n_answers)
            add_change(t, wi, line_of(q, RAS_WHAT_IF_ANSWER, a + 1, 0));
    } else if (q->type == RAS_NUMBER) {
        int64_t v = t->c->number[k];
        if (v > q->min)
            add_change(t, wi, line_of(q, RAS_WHAT_IF_NUMBER, 0, v - 1));
        if (v < q->max)
            add_change(t, wi, line_of(q, RAS_WHAT_IF_NUMBER, 0, v + 1));
    } else {
        for (size_t a = 0; a < q->n_answers; a++) {
            bool chosen = t->c->chosen[q->first_answer + a] != 0;
            add_change(t, wi, line_of(q, chosen ? RAS_WHAT_IF_REMOVE : RAS_WHAT_IF_ADD, a, 0));
        }
    }
}

static bool adjusts(const ras_question *q)
{
    for (size_t a = 0; a < q->n_answers; a++)
        if (q->answers[a].has_adjust)
            return true;
    return false;
}

/* The budget with each answer of a question that adjusts it. */
static void question_adjustments(trial *t, ras_what_if *wi, const ras_question *q)
{
    size_t k = q->index;
    if (q->type == RAS_NUMBER || !adjusts(q))
        return;
    for (size_t a = 0; a < q->n_answers; a++) {
        ras_what_if_line line;
        if (q->type == RAS_SINGLE) {
            line = line_of(q, RAS_WHAT_IF_ANSWER, a, 0);
            line.current = t->c->answered[k] && (size_t)t->c->single[k] == a;
        } else if (q->answers[a].has_adjust) {
            bool chosen = t->c->chosen[q->first_answer + a] != 0;
            line = line_of(q, chosen ? RAS_WHAT_IF_REMOVE : RAS_WHAT_IF_ADD, a, 0);
        } else {
            continue;
        }
        if (try_line(t, wi->budget, &line))
            wi->adjustments[wi->n_adjustments++] = line;
    }
}

static int64_t magnitude(ras_pence d)
{
    return d < 0 ? -d : d;
}

/* Largest change first; then the model's order, so the list is the same
 * every run. */
static int by_size(const void *pa, const void *pb)
{
    const ras_what_if_line *a = pa, *b = pb;
    int64_t ma = magnitude(a->difference), mb = magnitude(b->difference);
    if (ma != mb)
        return ma > mb ? -1 : 1;
    if (a->question->index != b->question->index)
        return a->question->index < b->question->index ? -1 : 1;
    if (a->answer != b->answer)
        return a->answer < b->answer ? -1 : 1;
    return a->value < b->value ? -1 : a->value > b->value;
}

ras_status ras_what_if_new(const ras_model *model, const ras_case *c, ras_what_if **out,
                           ras_error *err)
{
    if (!out)
        return RAS_ERR_ARG;
    *out = NULL;
    if (!model || !c || c->model != model)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "no model or case, or not the same");
    /* At most two changes a question, or one an answer of a multiple one. */
    size_t room = 2 * model->n_questions + model->n_answers + 1;
    ras_what_if *wi = calloc(1, sizeof *wi);
    trial t = {model,
               c,
               ras_case_new(model),
               ras_result_new(model),
               NULL,
               model->n_answers * (RAS_MAX_ID + 1) + 32};
    t.text = malloc(t.text_cap);
    if (wi) {
        wi->changes = calloc(room, sizeof *wi->changes);
        wi->adjustments = calloc(model->n_answers + 1, sizeof *wi->adjustments);
    }
    ras_status st;
    if (!wi || !wi->changes || !wi->adjustments || !t.copy || !t.r || !t.text)
        st = ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    else if ((st = ras_score(model, c, t.r, err)) == RAS_OK) {
        wi->budget = t.r->budget;
        ras_result_keep_details(t.r, false); /* only the figures are read */
        for (size_t i = 0; i < model->n_questions; i++) {
            question_changes(&t, wi, &model->questions[i]);
            question_adjustments(&t, wi, &model->questions[i]);
        }
        qsort(wi->changes, wi->n_changes, sizeof *wi->changes, by_size);
    }
    ras_case_free(t.copy);
    ras_result_free(t.r);
    free(t.text);
    if (st != RAS_OK) {
        ras_what_if_free(wi);
        return st;
    }
    *out = wi;
    return RAS_OK;
}

void ras_what_if_free(ras_what_if *wi)
{
    if (!wi)
        return;
    free(wi->changes);
    free(wi->adjustments);
    free(wi);
}

ras_pence ras_what_if_budget(const ras_what_if *wi)
{
    return wi ? wi->budget : 0;
}

size_t ras_what_if_change_count(const ras_what_if *wi)
{
    return wi ? wi->n_changes : 0;
}

const ras_what_if_line *ras_what_if_change(const ras_what_if *wi, size_t i)
{
    return wi && i < wi->n_changes ? &wi->changes[i] : NULL;
}

size_t ras_what_if_adjustment_count(const ras_what_if *wi)
{
    return wi ? wi->n_adjustments : 0;
}

const ras_what_if_line *ras_what_if_adjustment(const ras_what_if *wi, size_t i)
{
    return wi && i < wi->n_adjustments ? &wi->adjustments[i] : NULL;
}
