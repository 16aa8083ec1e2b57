/* statement.c - what the statement says, in its order (docs/statement.md):
 * the budget in one sentence; why, and what happens next; how it was
 * worked out, every step of docs/scoring.md so every pound can be traced
 * to an answer; then, for the record, the ids, versions and fingerprints.
 * A client reads titles and answer texts; ids appear only in the record. */
#include <stdarg.h>
#include <string.h>

#include "error.h"
#include "statement.h"

#define TEXT_MAX 1024

typedef struct emit {
    ras_sink *s;
    const ras_model *m;
    const ras_case *c;
    const ras_result *r;
    const char *currency;
} emit;

static void money(const emit *e, ras_pence amount, char buf[64])
{
    ras_money_format(amount, RAS_MONEY_HUMAN, e->currency, buf, 64);
}

static void points_row(const emit *e, int level, const char *label, int64_t points,
                       const char *note, bool strong)
{
    char value[32];
    snprintf(value, sizeof value, "%lld", (long long)points);
    e->s->ops->row(e->s, level, label, value, note, strong);
}

/* ---- why ---- */

/* " for Older people", or nothing for a default group with no title. */
static void group_phrase(const ras_result *r, char *buf, size_t size)
{
    const ras_group *g = &r->table->groups[r->group_index];
    const char *title = ras_statement_group_title(r);
    if (title == g->name && strcmp(g->name, "default") == 0)
        buf[0] = '\0';
    else
        snprintf(buf, size, " for %s", title);
}

/* The basis in plain words (docs/scoring.md step 9). */
static void why_basis(const emit *e)
{
    char text[TEXT_MAX], amount[64], group[256];
    const char *how = "each answer scores points, and the points are priced at the council's "
                      "rates";
    group_phrase(e->r, group, sizeof group);
    switch (ras_statement_reason(e->c, e->r)) {
    case RAS_REASON_NEW_CLIENT:
        snprintf(text, sizeof text,
                 "As you are a new client, the budget is worked out from your answers: %s%s.", how,
                 group);
        break;
    case RAS_REASON_NEEDS_INCREASED:
        snprintf(text, sizeof text,
                 "As your needs have increased, the budget is worked out afresh from your "
                 "answers: %s%s.",
                 how, group);
        break;
    case RAS_REASON_NO_EXISTING_PACKAGE:
        snprintf(text, sizeof text,
                 "As no current support package was stated, the budget is worked out from your "
                 "answers: %s%s.",
                 how, group);
        break;
    case RAS_REASON_TABLE_IGNORES_EXISTING:
        snprintf(text, sizeof text,
                 "The council works every budget out afresh from the answers: %s%s.", how, group);
        break;
    case RAS_REASON_EXISTING_PACKAGE_KEPT:
        ras_statement_money(e->r->ras_amount, e->currency, amount);
        snprintf(text, sizeof text,
                 "You already have a support package and your needs have not increased, so "
                 "your budget stays at what your package costs. Your answers alone would give "
                 "%s a year; how is shown below for reference.",
                 amount);
        break;
    case RAS_REASON_BELOW_THRESHOLD:
        snprintf(text, sizeof text,
                 "Each answer scores points. Yours come to %lld; the council gives a personal "
                 "budget from %lld points, so your answers do not lead to one.",
                 (long long)e->r->total, (long long)e->r->table->threshold);
        break;
    }
    e->s->ops->para(e->s, text);
}

static void why_panel(const emit *e)
{
    char text[TEXT_MAX], amount[64];
    if (!e->r->panel)
        return;
    ras_statement_money(e->r->table->panel_threshold, e->currency, amount);
    snprintf(text, sizeof text,
             "As the budget is %s or more, the council's risk enablement panel will look at it "
             "before it is agreed. %s",
             amount, ras_statement_words(e->r->table, RAS_STATEMENT_PANEL));
    e->s->ops->para(e->s, text);
}

static void write_why(const emit *e)
{
    const ras_table *t = e->r->table;
    e->s->ops->heading(e->s, "Why");
    why_basis(e);
    if (e->r->basis != RAS_BASIS_BELOW_THRESHOLD)
        e->s->ops->para(e->s, ras_statement_words(t, RAS_STATEMENT_PURPOSE));
    why_panel(e);
    e->s->ops->heading(e->s, "What happens next");
    e->s->ops->para(e->s, ras_statement_words(t, RAS_STATEMENT_NEXT_RAS + (int)e->r->basis));
    const char *contact = ras_statement_words(t, RAS_STATEMENT_CONTACT);
    if (contact) {
        char text[TEXT_MAX];
        snprintf(text, sizeof text, "Contact: %s", contact);
        e->s->ops->para(e->s, text);
    }
}

/* ---- how: the points ---- */

static void answer_row(const emit *e, const ras_question *q, size_t a)
{
    char note[64] = "";
    if (q->answers[a].has_adjust) {
        char pct[16];
        ras_percent_format(q->answers[a].adjust, pct);
        snprintf(note, sizeof note, "changes the budget by %s", pct);
    }
    points_row(e, 2, q->answers[a].text, q->answers[a].points, note, false);
}

static void write_question(const emit *e, const ras_question *q)
{
    const ras_case *c = e->c;
    size_t i = q->index;
    e->s->ops->row(e->s, 1, q->text, NULL, NULL, false);
    if (!c->answered[i]) {
        points_row(e, 2, "(not answered)", 0, NULL, false);
    } else if (q->type == RAS_SINGLE) {
        answer_row(e, q, (size_t)c->single[i]);
    } else if (q->type == RAS_MULTIPLE) {
        bool any = false;
        for (size_t a = 0; a < q->n_answers; a++) {
            if (c->chosen[q->first_answer + a]) {
                answer_row(e, q, a);
                any = true;
            }
        }
        if (!any)
            points_row(e, 2, "(none of these)", 0, NULL, false);
    } else {
        char label[96];
        snprintf(label, sizeof label, "%lld x %lld points each", (long long)c->number[i],
                 (long long)q->points_per_unit);
        points_row(e, 2, label, e->r->question_points[i], NULL, false);
    }
}

static void write_points(const emit *e)
{
    const ras_model *m = e->m;
    const ras_result *r = e->r;
    e->s->ops->subheading(e->s, "Points by area of need");
    e->s->ops->chart(e->s, m, r);
    e->s->ops->row(e->s, 0, "Area of need, question and answer", "points", NULL, false);
    for (size_t d = 0; d < m->n_domains; d++) {
        const ras_domain *dom = &m->domains[d];
        char note[96] = "";
        if (dom->has_cap && r->domain_raw[d] > dom->cap)
            snprintf(note, sizeof note, "at most %lld count here (answers gave %lld)",
                     (long long)dom->cap, (long long)r->domain_raw[d]);
        points_row(e, 0, dom->title, r->domain_points[d], note, true);
        for (size_t i = 0; i < dom->n_questions; i++)
            write_question(e, &dom->questions[i]);
    }
    points_row(e, 0, "Total points", r->total, NULL, true);
}

/* ---- how: the pricing (docs/scoring.md steps 4 to 11) ---- */

static void write_price_lines(const emit *e)
{
    const ras_result *r = e->r;
    const ras_group *g = &r->table->groups[r->group_index];
    char label[192], value[64], amount[64];
    for (size_t i = 0; i < r->n_lines; i++) {
        const ras_price_line *l = &r->lines[i];
        money(e, l->value, value);
        money(e, l->amount, amount);
        if (g->steps)
            snprintf(label, sizeof label, "%lld points reach the step from %lld points",
                     (long long)l->points, (long long)l->from);
        else if (l->to < 0)
            snprintf(label, sizeof label, "%lld point%s x %s (points %lld and up)",
                     (long long)l->points, l->points == 1 ? "" : "s", value, (long long)l->from);
        else
            snprintf(label, sizeof label, "%lld point%s x %s (points %lld to %lld)",
                     (long long)l->points, l->points == 1 ? "" : "s", value, (long long)l->from,
                     (long long)(l->to - 1));
        e->s->ops->row(e->s, 1, label, amount, NULL, false);
    }
}

static void write_adjustments(const emit *e)
{
    const ras_result *r = e->r;
    char pct[16], buf[64], priced[64], label[TEXT_MAX];
    if (r->n_adjustments == 0) {
        e->s->ops->row(e->s, 0, "No answer changes the amount", NULL, NULL, false);
        return;
    }
    e->s->ops->row(e->s, 0, "Changes from your answers:", NULL, NULL, false);
    for (size_t i = 0; i < r->n_adjustments; i++) {
        const ras_adjustment *a = &r->adjustments[i];
        ras_percent_format(a->adjust, pct);
        e->s->ops->row(e->s, 1, a->question->text, NULL, NULL, false);
        e->s->ops->row(e->s, 2, a->question->answers[a->answer].text, pct, NULL, false);
    }
    ras_percent_format(r->adjust_total, pct);
    e->s->ops->row(e->s, 1, "All the changes together", pct,
                   r->adjust_limited ? "limited to -100.00%: they added up to less" : NULL, false);
    ras_percent_format(10000 + r->adjust_total, pct);
    money(e, r->priced, priced);
    money(e, r->adjusted, buf);
    snprintf(label, sizeof label, "After the changes (%s x %s)", priced, pct);
    e->s->ops->row(e->s, 0, label, buf, NULL, false);
}

static void write_amount(const emit *e)
{
    const ras_result *r = e->r;
    const ras_table *t = r->table;
    char buf[64], label[TEXT_MAX];
    if (t->threshold > 0) {
        snprintf(label, sizeof label, "%lld points reach the %lld points a budget starts at",
                 (long long)r->total, (long long)t->threshold);
        e->s->ops->row(e->s, 0, label, NULL, NULL, false);
    }
    const ras_group *g = &t->groups[r->group_index];
    char group[256];
    group_phrase(r, group, sizeof group);
    snprintf(label, sizeof label, "Priced%s (%s):", group,
             g->steps ? "a fixed amount by points" : "a rate for each point, by bands");
    e->s->ops->row(e->s, 0, label, NULL, NULL, false);
    write_price_lines(e);
    money(e, r->priced, buf);
    snprintf(label, sizeof label, "Price of %lld points", (long long)r->total);
    e->s->ops->row(e->s, 0, label, buf, NULL, false);
    write_adjustments(e);
    if (t->rounding == RAS_ROUND_POUND) {
        money(e, r->rounded, buf);
        e->s->ops->row(e->s, 0, "Rounded to the pound", buf, NULL, false);
    }
    if (r->clamped) {
        money(e, r->clamped < 0 ? t->floor : t->ceiling, buf);
        e->s->ops->row(e->s, 0,
                       r->clamped < 0 ? "Raised to the least budget the council gives"
                                      : "Lowered to the most budget the council gives",
                       buf, NULL, false);
    }
}

static void write_pricing(const emit *e)
{
    const ras_result *r = e->r;
    char buf[64], label[TEXT_MAX];
    e->s->ops->subheading(e->s, "From points to pounds");
    if (!r->eligible) {
        snprintf(label, sizeof label, "%lld points is below the %lld points a budget starts at",
                 (long long)r->total, (long long)r->table->threshold);
        e->s->ops->row(e->s, 0, label, NULL, NULL, false);
    } else {
        write_amount(e);
    }
    money(e, r->ras_amount, buf);
    e->s->ops->row(e->s, 0, "Budget from your answers", buf, NULL,
                   r->basis != RAS_BASIS_EXISTING_PACKAGE);
    if (r->basis == RAS_BASIS_EXISTING_PACKAGE) {
        money(e, r->budget, buf);
        e->s->ops->row(e->s, 0, "Your existing package, which is kept", buf, NULL, true);
    }
    money(e, r->weekly, buf);
    snprintf(label, sizeof label, "A week (the yearly budget over %lld weeks)",
             (long long)r->table->weeks_per_year);
    e->s->ops->row(e->s, 0, label, buf, NULL, false);
}

/* ---- for the record ---- */

static void RAS_PRINTF(3, 4) record(const emit *e, const char *key, const char *fmt, ...)
{
    char text[TEXT_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    e->s->ops->record(e->s, key, text);
}

static void write_record(const emit *e)
{
    const ras_case *c = e->c;
    const ras_result *r = e->r;
    const ras_table *t = r->table;
    const ras_model *m = e->m;
    char buf[64], date[11] = "";
    e->s->ops->heading(e->s, "For the record");
    record(e, "Client id", "%s", r->client_id[0] ? r->client_id : "(not given)");
    const char *title = ras_table_group_title(t, r->group_index);
    record(e, "Group", "%s%s%s%s%s", r->group, title ? " (" : "", title ? title : "",
           title ? ")" : "", c->has_group ? "" : ", none named in the case");
    record(e, "New client", "%s", c->new_client ? "yes" : "no");
    record(e, "Needs increased", "%s", c->needs_increased ? "yes" : "no");
    money(e, c->existing, buf);
    record(e, "Existing package", "%s%s", c->has_existing ? buf : "not stated",
           c->has_existing ? " a year" : "");
    if (c->assessed_on)
        ras_date_format(c->assessed_on, date);
    record(e, "Assessed on", "%s", c->assessed_on ? date : "not stated (the latest table is used)");
    record(e, "Basis", "%s (%s)", ras_basis_name(r->basis),
           ras_basis_reason_code(ras_statement_reason(c, r)));
    money(e, t->panel_threshold, buf);
    if (t->has_panel)
        record(e, "Panel", "%s (at %s or more)", r->panel ? "yes" : "no", buf);
    else
        record(e, "Panel", "no (the table sets no panel threshold)");
    record(e, "Questionnaire", "%s version %s (%s)", m->id, m->version, m->title);
    record(e, "", "file %s", m->file ? m->file : "-");
    record(e, "", "sha256 %s", m->fingerprint);
    if (t->effective_from)
        ras_date_format(t->effective_from, date);
    record(e, "Scoring table", "%s@%s, %s%s", t->id, t->version,
           t->effective_from ? "in force from " : "always in force", t->effective_from ? date : "");
    record(e, "", "file %s", t->file ? t->file : "-");
    record(e, "", "sha256 %s", t->fingerprint);
    record(e, "Worked out by", "ras %s", ras_version());
}

void ras_statement_emit(ras_sink *s, const ras_model *m, const ras_case *c, const ras_result *r,
                        const ras_what_if *wi)
{
    emit e = {s, m, c, r, r->table->currency};
    char lead[TEXT_MAX];
    s->ops->begin(s, "Indicative personal budget statement",
                  ras_statement_words(r->table, RAS_STATEMENT_COUNCIL));
    ras_statement_lead(r, lead, sizeof lead);
    s->ops->lead(s, lead);
    write_why(&e);
    s->ops->heading(s, "How it was worked out");
    write_points(&e);
    write_pricing(&e);
    if (wi)
        ras_what_if_write(s, wi, c, r);
    write_record(&e);
    s->ops->end(s);
}
