/* statement_what_if.c - the statement's part "What would change the
 * budget" (docs/statement.md, what-if), in answer texts, for the social
 * worker's conversation and for a review or an appeal. The figures are
 * what_if.c's: each one a re-scoring by ras_score. */
#include <string.h>

#include "statement.h"

#define TEXT_MAX 1024

/* "+£863.00", "-£1,234.00" or "no change". */
static void signed_money(ras_pence d, const char *currency, char buf[64])
{
    if (d == 0) {
        snprintf(buf, 64, "no change");
        return;
    }
    buf[0] = d > 0 ? '+' : '\0';
    ras_money_format(d, RAS_MONEY_HUMAN, currency, buf + (d > 0), 63);
}

/* What the case answers now, for "instead of ...". */
static void current_answer(const ras_case *c, const ras_question *q, char *buf, size_t size)
{
    if (q->type == RAS_NUMBER)
        snprintf(buf, size, "%lld", (long long)c->number[q->index]);
    else if (q->type == RAS_SINGLE)
        snprintf(buf, size, "%s", q->answers[c->single[q->index]].text);
    else
        buf[0] = '\0';
}

/* The change a line makes, in the answers' own words. */
static void change_label(const ras_what_if_line *l, const ras_case *c, char *buf, size_t size)
{
    const ras_question *q = l->question;
    char now[512];
    current_answer(c, q, now, sizeof now);
    switch (l->kind) {
    case RAS_WHAT_IF_ANSWER:
        snprintf(buf, size, "%s (instead of: %s)", q->answers[l->answer].text, now);
        break;
    case RAS_WHAT_IF_NUMBER:
        snprintf(buf, size, "%lld (instead of %s)", (long long)l->value, now);
        break;
    case RAS_WHAT_IF_ADD: snprintf(buf, size, "With: %s", q->answers[l->answer].text); break;
    case RAS_WHAT_IF_REMOVE: snprintf(buf, size, "Without: %s", q->answers[l->answer].text); break;
    }
}

static void write_changes(ras_sink *s, const ras_what_if *wi, const ras_case *c,
                          const char *currency)
{
    char label[TEXT_MAX], budget[64], diff[64], pounds[64];
    ras_statement_money(100, currency, pounds);
    snprintf(label, sizeof label,
             "Each line is the budget if that one answer were different and every other the "
             "same, worked out the same way. Only changes of %s or more are listed, largest "
             "first.",
             pounds);
    s->ops->para(s, label);
    if (ras_what_if_change_count(wi) == 0) {
        s->ops->para(s, "No single change of one answer moves the budget that much.");
        return;
    }
    for (size_t i = 0; i < ras_what_if_change_count(wi); i++) {
        const ras_what_if_line *l = ras_what_if_change(wi, i);
        change_label(l, c, label, sizeof label);
        ras_money_format(l->budget, RAS_MONEY_HUMAN, currency, budget, sizeof budget);
        signed_money(l->difference, currency, diff);
        s->ops->row(s, 0, l->question->text, NULL, NULL, false);
        s->ops->row(s, 1, label, budget, diff, false);
    }
}

/* A line of the list of adjusting answers: the answer, what it does. */
static void adjust_label(const ras_what_if_line *l, char *buf, size_t size)
{
    if (!l->question) {
        snprintf(buf, size, "?");
        return;
    }
    const ras_answer *a = &l->question->answers[l->answer];
    char pct[16] = "";
    if (a->has_adjust)
        ras_percent_format(a->adjust, pct);
    const char *how = l->kind == RAS_WHAT_IF_ADD      ? "With: "
                      : l->kind == RAS_WHAT_IF_REMOVE ? "Without: "
                                                      : "";
    snprintf(buf, size, "%s%s (%s)", how, a->text, a->has_adjust ? pct : "no change");
}

static void write_adjustments(ras_sink *s, const ras_what_if *wi, const char *currency)
{
    char label[TEXT_MAX], budget[64], diff[64];
    size_t n = ras_what_if_adjustment_count(wi);
    if (n == 0)
        return;
    s->ops->subheading(s, "With and without each answer that changes the amount");
    const ras_question *last = NULL;
    for (size_t i = 0; i < n; i++) {
        const ras_what_if_line *l = ras_what_if_adjustment(wi, i);
        if (l->question != last)
            s->ops->row(s, 0, l->question->text, NULL, NULL, false);
        last = l->question;
        adjust_label(l, label, sizeof label);
        ras_money_format(l->budget, RAS_MONEY_HUMAN, currency, budget, sizeof budget);
        signed_money(l->difference, currency, diff);
        s->ops->row(s, 1, label, budget, l->current ? "your answer" : diff, l->current);
    }
}

void ras_what_if_write(ras_sink *s, const ras_what_if *wi, const ras_case *c, const ras_result *r)
{
    s->ops->heading(s, "What would change the budget");
    write_changes(s, wi, c, r->table->currency);
    write_adjustments(s, wi, r->table->currency);
}
