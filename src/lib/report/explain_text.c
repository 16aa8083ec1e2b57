/* explain_text.c - the statement `ras score` prints: every step of
 * docs/scoring.md in words a social worker can read out to the client, so every
 * pound of the budget can be traced to an answer. */
#include <stdarg.h>
#include <string.h>

#include "case.h"
#include "error.h"
#include "num.h"
#include "result.h"

#define KEY_WIDTH 19   /* "Indicative budget " and the like */
#define LABEL_WIDTH 58 /* where the points or amount column starts */
#define VALUE_WIDTH 14 /* the points or amount column */

typedef struct text_ctx {
    FILE *out;
    bool color;
    const char *currency;
} text_ctx;

/* Columns on screen: UTF-8 continuation bytes take none ("£" is one). */
static size_t columns(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xc0) != 0x80)
            n++;
    return n;
}

static void pad(FILE *out, size_t n)
{
    while (n-- > 0)
        fputc(' ', out);
}

static void bold(const text_ctx *t, bool on)
{
    if (t->color)
        fputs(on ? "\033[1m" : "\033[0m", t->out);
}

static void money(const text_ctx *t, ras_pence amount, char buf[64])
{
    ras_money_format(amount, RAS_MONEY_HUMAN, t->currency, buf, 64);
}

static void heading(const text_ctx *t, const char *title)
{
    fputc('\n', t->out);
    bold(t, true);
    fputs(title, t->out);
    bold(t, false);
    fputc('\n', t->out);
}

/* "  Key               value" */
static void RAS_PRINTF(3, 4) key_value(const text_ctx *t, const char *key, const char *fmt, ...)
{
    fprintf(t->out, "  %s", key);
    pad(t->out, KEY_WIDTH > strlen(key) ? KEY_WIDTH - strlen(key) : 1);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(t->out, fmt, ap);
    va_end(ap);
    fputc('\n', t->out);
}

/* A label indented by `indent`, a right-aligned value and an optional
 * note after it; a label too long for its column pushes the value right. */
static void row(const text_ctx *t, size_t indent, const char *label, const char *value,
                const char *note, bool strong)
{
    size_t used = indent + columns(label);
    pad(t->out, indent);
    if (strong)
        bold(t, true);
    fputs(label, t->out);
    pad(t->out, used < LABEL_WIDTH ? LABEL_WIDTH - used : 1);
    size_t vw = columns(value);
    pad(t->out, vw < VALUE_WIDTH ? VALUE_WIDTH - vw : 0);
    fputs(value, t->out);
    if (strong)
        bold(t, false);
    if (note && *note)
        fprintf(t->out, "   %s", note);
    fputc('\n', t->out);
}

static void points_row(const text_ctx *t, size_t indent, const char *label, int64_t points,
                       const char *note, bool strong)
{
    char value[32];
    snprintf(value, sizeof value, "%lld", (long long)points);
    row(t, indent, label, value, note, strong);
}

static void write_client(const text_ctx *t, const ras_case *c, const ras_result *r)
{
    char buf[64];
    heading(t, "Client");
    key_value(t, "Client id", "%s", r->client_id[0] ? r->client_id : "(not given)");
    key_value(t, "Group", "%s%s", r->group, c->has_group ? "" : " (none named)");
    key_value(t, "New client", "%s", c->new_client ? "yes" : "no");
    key_value(t, "Needs increased", "%s", c->needs_increased ? "yes" : "no");
    if (c->has_existing) {
        money(t, c->existing, buf);
        key_value(t, "Existing package", "%s a year", buf);
    } else {
        key_value(t, "Existing package", "not stated");
    }
    if (c->assessed_on) {
        ras_date_format(c->assessed_on, buf);
        key_value(t, "Assessed on", "%s", buf);
    } else {
        key_value(t, "Assessed on", "not stated (the latest scoring table is used)");
    }
}

static void write_sources(const text_ctx *t, const ras_model *m, const ras_table *tb)
{
    heading(t, "Questionnaire and scoring table");
    key_value(t, "Questionnaire", "%s version %s (%s)", m->id, m->version, m->title);
    key_value(t, "", "file %s, fingerprint %.12s", m->file ? m->file : "-", m->fingerprint);
    char from[11] = "";
    if (tb->effective_from)
        ras_date_format(tb->effective_from, from);
    key_value(t, "Scoring table", "%s@%s, %s%s", tb->id, tb->version,
              tb->effective_from ? "in force from " : "always in force", from);
    key_value(t, "", "file %s, fingerprint %.12s", tb->file ? tb->file : "-", tb->fingerprint);
}

/* The line for one chosen answer (single or multiple). */
static void answer_row(const text_ctx *t, const ras_question *q, size_t a)
{
    char note[48] = "";
    if (q->answers[a].has_adjust) {
        char pct[16];
        ras_percent_format(q->answers[a].adjust, pct);
        snprintf(note, sizeof note, "adjusts the budget by %s", pct);
    }
    points_row(t, 6, q->answers[a].text, q->answers[a].points, note, false);
}

/* A question and its answer, with the points it gives. */
static void write_question(const text_ctx *t, const ras_case *c, const ras_result *r,
                           const ras_question *q)
{
    fprintf(t->out, "    %s\n", q->text);
    size_t i = q->index;
    if (!c->answered[i]) {
        points_row(t, 6, "(not answered)", 0, NULL, false);
        return;
    }
    if (q->type == RAS_SINGLE) {
        if (c->single[i] >= 0 && (size_t)c->single[i] < q->n_answers)
            answer_row(t, q, (size_t)c->single[i]);
    } else if (q->type == RAS_MULTIPLE) {
        bool any = false;
        for (size_t a = 0; a < q->n_answers; a++) {
            if (c->chosen[q->first_answer + a]) {
                answer_row(t, q, a);
                any = true;
            }
        }
        if (!any)
            points_row(t, 6, "(none of these)", 0, NULL, false);
    } else {
        char label[96];
        snprintf(label, sizeof label, "%lld x %lld points each", (long long)c->number[i],
                 (long long)q->points_per_unit);
        points_row(t, 6, label, r->question_points[i], NULL, false);
    }
}

static void write_points(const text_ctx *t, const ras_model *m, const ras_case *c,
                         const ras_result *r)
{
    heading(t, "Points");
    row(t, 2, "Area of need, question and answer", "points", NULL, false);
    for (size_t d = 0; d < m->n_domains; d++) {
        const ras_domain *dom = &m->domains[d];
        char note[80] = "";
        if (dom->has_cap && r->domain_raw[d] > dom->cap)
            snprintf(note, sizeof note, "capped at %lld (was %lld)", (long long)dom->cap,
                     (long long)r->domain_raw[d]);
        points_row(t, 2, dom->title, r->domain_points[d], note, true);
        for (size_t i = 0; i < dom->n_questions; i++)
            write_question(t, c, r, &dom->questions[i]);
    }
    points_row(t, 2, "Total points", r->total, NULL, true);
}

static void write_price_lines(const text_ctx *t, const ras_result *r)
{
    const ras_group *g = &r->table->groups[r->group_index];
    char label[160], value[64], amount[64];
    for (size_t i = 0; i < r->n_lines; i++) {
        const ras_price_line *l = &r->lines[i];
        money(t, l->value, value);
        money(t, l->amount, amount);
        if (g->steps) {
            snprintf(label, sizeof label, "%lld points reach the step from %lld",
                     (long long)l->points, (long long)l->from);
        } else if (l->to < 0) {
            snprintf(label, sizeof label, "%lld point%s x %s (points %lld and up)",
                     (long long)l->points, l->points == 1 ? "" : "s", value, (long long)l->from);
        } else {
            snprintf(label, sizeof label, "%lld point%s x %s (points %lld to %lld)",
                     (long long)l->points, l->points == 1 ? "" : "s", value, (long long)l->from,
                     (long long)(l->to - 1));
        }
        row(t, 4, label, amount, NULL, false);
    }
}

static void write_adjustments(const text_ctx *t, const ras_result *r)
{
    char pct[16], buf[64], label[200];
    if (r->n_adjustments == 0) {
        fputs("    No answer adjusts the amount.\n", t->out);
        return;
    }
    for (size_t i = 0; i < r->n_adjustments; i++) {
        const ras_adjustment *a = &r->adjustments[i];
        ras_percent_format(a->adjust, pct);
        snprintf(label, sizeof label, "%s: %s", a->question->id,
                 a->question->answers[a->answer].text);
        row(t, 4, label, pct, NULL, false);
    }
    ras_percent_format(r->adjust_total, pct);
    row(t, 4, "Adjustments in all", pct,
        r->adjust_limited ? "limited to -100.00%: they added up to less" : NULL, false);
    char priced[64];
    ras_percent_format(10000 + r->adjust_total, pct);
    money(t, r->priced, priced);
    money(t, r->adjusted, buf);
    snprintf(label, sizeof label, "Adjusted amount (%s x %s)", priced, pct);
    row(t, 2, label, buf, NULL, false);
}

/* Steps 4 to 8. */
static void write_price(const text_ctx *t, const ras_result *r)
{
    const ras_table *tb = r->table;
    char buf[64], label[160];
    heading(t, "Working out the RAS amount");
    if (!r->eligible) {
        snprintf(label, sizeof label,
                 "%lld points is below the threshold of %lld points, so there is no RAS "
                 "amount",
                 (long long)r->total, (long long)tb->threshold);
        fprintf(t->out, "  %s.\n", label);
        money(t, 0, buf);
        row(t, 2, "RAS amount", buf, "(no floor below the threshold)", true);
        return;
    }
    if (tb->threshold > 0)
        fprintf(t->out, "  %lld points meets the threshold of %lld points.\n", (long long)r->total,
                (long long)tb->threshold);
    const ras_group *g = &tb->groups[r->group_index];
    fprintf(t->out, "  Price for group %s (%s):\n", g->name,
            g->steps ? "fixed amounts by steps" : "a rate for each point, by bands");
    write_price_lines(t, r);
    money(t, r->priced, buf);
    row(t, 2, "Priced amount", buf, NULL, false);
    fputs("  Adjustments from answers:\n", t->out);
    write_adjustments(t, r);
    if (tb->rounding == RAS_ROUND_POUND) {
        money(t, r->rounded, buf);
        row(t, 2, "Rounded to the pound", buf, NULL, false);
    }
    if (r->clamped) {
        money(t, r->clamped < 0 ? tb->floor : tb->ceiling, buf);
        row(t, 2, r->clamped < 0 ? "Raised to the floor" : "Lowered to the ceiling", buf, NULL,
            false);
    }
    money(t, r->ras_amount, buf);
    row(t, 2, "RAS amount", buf, NULL, true);
}

/* Why the indicative budget is what it is (3.4). */
static const char *basis_reason(const ras_case *c, const ras_result *r)
{
    if (r->basis == RAS_BASIS_EXISTING_PACKAGE)
        return "not a new client, needs not increased: the existing package is kept";
    if (r->basis == RAS_BASIS_BELOW_THRESHOLD)
        return "the points are below the threshold";
    if (!r->table->keep_existing)
        return "this scoring table gives every client the RAS amount";
    if (c->new_client)
        return "a new client";
    if (c->needs_increased)
        return "the client's needs have increased";
    return "no existing package is stated";
}

static void write_budget(const text_ctx *t, const ras_case *c, const ras_result *r)
{
    const ras_table *tb = r->table;
    char buf[64];
    heading(t, "Indicative budget");
    key_value(t, "Basis", "%s", ras_basis_name(r->basis));
    key_value(t, "Because", "%s", basis_reason(c, r));
    if (r->basis == RAS_BASIS_EXISTING_PACKAGE) {
        money(t, r->ras_amount, buf);
        key_value(t, "", "(the RAS amount of %s is worked out above for reference)", buf);
    }
    money(t, r->budget, buf);
    fprintf(t->out, "  Yearly");
    pad(t->out, KEY_WIDTH - strlen("Yearly"));
    bold(t, true);
    fputs(buf, t->out);
    bold(t, false);
    fputc('\n', t->out);
    money(t, r->weekly, buf);
    key_value(t, "Weekly", "%s (the yearly amount over %lld weeks)", buf,
              (long long)tb->weeks_per_year);
    if (tb->has_panel) {
        money(t, tb->panel_threshold, buf);
        key_value(t, "Panel", "%s (budgets of %s or more go to the risk enablement panel)",
                  r->panel ? "yes" : "no", buf);
    } else {
        key_value(t, "Panel", "no (this scoring table sets no panel threshold)");
    }
}

ras_status ras_result_write_text(const ras_model *model, const ras_case *c, const ras_result *r,
                                 FILE *out, unsigned flags)
{
    if (!model || !c || !r || !out || !r->table || r->model != model || c->model != model)
        return RAS_ERR_ARG;
    text_ctx t = {out, (flags & RAS_TEXT_COLOR) != 0, r->table->currency};
    bold(&t, true);
    fputs("Indicative personal budget statement", out);
    bold(&t, false);
    fputc('\n', out);
    write_client(&t, c, r);
    write_sources(&t, model, r->table);
    write_points(&t, model, c, r);
    write_price(&t, r);
    write_budget(&t, c, r);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}
