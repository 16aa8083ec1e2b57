/* explain_json.c - the statement as JSON (`ras score --format json`):
 * the same facts as the text, every question's points included, keys in
 * a fixed order, amounts as strings with two decimals. */
#include <string.h>

#include "json.h"
#include "num.h"
#include "statement.h"

/* Starts a member: a comma unless it is the first, a new line, indent,
 * the key. */
static void key(FILE *out, int indent, bool *first, const char *name)
{
    fputs(*first ? "\n" : ",\n", out);
    *first = false;
    fprintf(out, "%*s", indent, "");
    ras_json_string(out, name);
    fputs(": ", out);
}

static void end_object(FILE *out, int indent, bool empty)
{
    if (!empty)
        fprintf(out, "\n%*s", indent, "");
    fputc('}', out);
}

static void str_member(FILE *out, int indent, bool *first, const char *name, const char *value)
{
    key(out, indent, first, name);
    ras_json_string(out, value);
}

static void int_member(FILE *out, int indent, bool *first, const char *name, int64_t value)
{
    key(out, indent, first, name);
    fprintf(out, "%lld", (long long)value);
}

static void bool_member(FILE *out, int indent, bool *first, const char *name, bool value)
{
    key(out, indent, first, name);
    fputs(value ? "true" : "false", out);
}

static void money_member(FILE *out, int indent, bool *first, const char *name, bool has,
                         ras_pence value)
{
    key(out, indent, first, name);
    if (has)
        ras_json_money(out, value);
    else
        fputs("null", out);
}

static void date_member(FILE *out, int indent, bool *first, const char *name, ras_date d)
{
    char buf[11];
    ras_date_format(d, buf);
    str_member(out, indent, first, name, d ? buf : NULL);
}

static void percent_member(FILE *out, int indent, bool *first, const char *name, int32_t v)
{
    char buf[16];
    ras_percent_format(v, buf);
    str_member(out, indent, first, name, buf);
}

static void write_client(FILE *out, const ras_case *c, const ras_result *r)
{
    bool first = true;
    fputc('{', out);
    str_member(out, 4, &first, "id", r->client_id);
    str_member(out, 4, &first, "group", r->group);
    str_member(out, 4, &first, "group_title", ras_table_group_title(r->table, r->group_index));
    bool_member(out, 4, &first, "new_client", c->new_client);
    bool_member(out, 4, &first, "needs_increased", c->needs_increased);
    money_member(out, 4, &first, "existing_package", c->has_existing, c->existing);
    date_member(out, 4, &first, "assessed_on", c->assessed_on);
    end_object(out, 2, false);
}

static void write_questionnaire(FILE *out, const ras_model *m)
{
    bool first = true;
    fputc('{', out);
    str_member(out, 4, &first, "id", m->id);
    str_member(out, 4, &first, "version", m->version);
    str_member(out, 4, &first, "title", m->title);
    str_member(out, 4, &first, "fingerprint", m->fingerprint);
    str_member(out, 4, &first, "file", m->file);
    end_object(out, 2, false);
}

static void write_table(FILE *out, const ras_table *t)
{
    bool first = true;
    fputc('{', out);
    str_member(out, 4, &first, "id", t->id);
    str_member(out, 4, &first, "version", t->version);
    date_member(out, 4, &first, "effective_from", t->effective_from);
    str_member(out, 4, &first, "fingerprint", t->fingerprint);
    str_member(out, 4, &first, "file", t->file);
    str_member(out, 4, &first, "currency", t->currency);
    end_object(out, 2, false);
}

/* The answer as the case gives it: an id, a list of ids, a number or null. */
static void write_answer(FILE *out, const ras_case *c, const ras_question *q)
{
    size_t i = q->index;
    if (!c->answered[i]) {
        fputs("null", out);
    } else if (q->type == RAS_SINGLE) {
        int32_t a = c->single[i];
        ras_json_string(out, a >= 0 && (size_t)a < q->n_answers ? q->answers[a].id : NULL);
    } else if (q->type == RAS_NUMBER) {
        fprintf(out, "%lld", (long long)c->number[i]);
    } else {
        bool first = true;
        fputc('[', out);
        for (size_t a = 0; a < q->n_answers; a++) {
            if (!c->chosen[q->first_answer + a])
                continue;
            fputs(first ? "" : ", ", out);
            first = false;
            ras_json_string(out, q->answers[a].id);
        }
        fputc(']', out);
    }
}

static void write_questions(FILE *out, const ras_model *m, const ras_case *c, const ras_result *r)
{
    fputc('[', out);
    for (size_t i = 0; i < m->n_questions; i++) {
        const ras_question *q = &m->questions[i];
        bool first = true;
        fprintf(out, "%s\n    {", i ? "," : "");
        str_member(out, 6, &first, "id", q->id);
        str_member(out, 6, &first, "domain", m->domains[q->domain].id);
        key(out, 6, &first, "answer");
        write_answer(out, c, q);
        int_member(out, 6, &first, "points", r->question_points[i]);
        end_object(out, 4, false);
    }
    fputs(m->n_questions ? "\n  ]" : "]", out);
}

static void write_domains(FILE *out, const ras_model *m, const ras_result *r)
{
    fputc('[', out);
    for (size_t d = 0; d < m->n_domains; d++) {
        const ras_domain *dom = &m->domains[d];
        bool first = true;
        fprintf(out, "%s\n    {", d ? "," : "");
        str_member(out, 6, &first, "id", dom->id);
        str_member(out, 6, &first, "title", dom->title);
        int_member(out, 6, &first, "raw", r->domain_raw[d]);
        key(out, 6, &first, "cap");
        if (dom->has_cap)
            fprintf(out, "%lld", (long long)dom->cap);
        else
            fputs("null", out);
        int_member(out, 6, &first, "points", r->domain_points[d]);
        bool_member(out, 6, &first, "capped", r->domain_points[d] < r->domain_raw[d]);
        end_object(out, 4, false);
    }
    fputs(m->n_domains ? "\n  ]" : "]", out);
}

static void write_price_lines(FILE *out, const ras_result *r)
{
    fputc('[', out);
    for (size_t i = 0; i < r->n_lines; i++) {
        const ras_price_line *l = &r->lines[i];
        bool first = true;
        fprintf(out, "%s\n    {", i ? "," : "");
        int_member(out, 6, &first, "from", l->from);
        key(out, 6, &first, "to");
        if (l->to < 0)
            fputs("null", out);
        else
            fprintf(out, "%lld", (long long)l->to);
        int_member(out, 6, &first, "points", l->points);
        money_member(out, 6, &first, "value", true, l->value);
        money_member(out, 6, &first, "amount", true, l->amount);
        end_object(out, 4, false);
    }
    fputs(r->n_lines ? "\n  ]" : "]", out);
}

static void write_adjustments(FILE *out, const ras_result *r)
{
    fputc('[', out);
    for (size_t i = 0; i < r->n_adjustments; i++) {
        const ras_adjustment *a = &r->adjustments[i];
        bool first = true;
        fprintf(out, "%s\n    {", i ? "," : "");
        str_member(out, 6, &first, "question", a->question->id);
        str_member(out, 6, &first, "answer", a->question->answers[a->answer].id);
        percent_member(out, 6, &first, "adjust", a->adjust);
        end_object(out, 4, false);
    }
    fputs(r->n_adjustments ? "\n  ]" : "]", out);
}

/* Steps 4 to 8: threshold, price, adjust, round and clamp. */
static void write_working(FILE *out, bool *first, const ras_result *r)
{
    const ras_table *t = r->table;
    int_member(out, 2, first, "total", r->total);
    int_member(out, 2, first, "threshold", t->threshold);
    bool_member(out, 2, first, "eligible", r->eligible);
    str_member(out, 2, first, "group", r->group);
    str_member(out, 2, first, "pricing", t->groups[r->group_index].steps ? "steps" : "bands");
    key(out, 2, first, "price_lines");
    write_price_lines(out, r);
    money_member(out, 2, first, "priced", true, r->priced);
    key(out, 2, first, "adjustments");
    write_adjustments(out, r);
    percent_member(out, 2, first, "adjust_total", r->adjust_total);
    bool_member(out, 2, first, "adjust_limited", r->adjust_limited);
    money_member(out, 2, first, "adjusted", true, r->adjusted);
    str_member(out, 2, first, "rounding", t->rounding == RAS_ROUND_POUND ? "pound" : "penny");
    money_member(out, 2, first, "rounded", true, r->rounded);
    money_member(out, 2, first, "floor", t->has_floor, t->floor);
    money_member(out, 2, first, "ceiling", t->has_ceiling, t->ceiling);
    str_member(out, 2, first, "clamp",
               r->clamped < 0   ? "floor"
               : r->clamped > 0 ? "ceiling"
                                : NULL);
    money_member(out, 2, first, "ras_amount", true, r->ras_amount);
}

/* The words the statement gives the client (docs/statement.md), as shown. */
static void write_statement(FILE *out, const ras_result *r)
{
    const ras_table *t = r->table;
    char lead[1024];
    bool first = true;
    ras_statement_lead(r, lead, sizeof lead);
    fputc('{', out);
    str_member(out, 4, &first, "council", ras_statement_words(t, RAS_STATEMENT_COUNCIL));
    str_member(out, 4, &first, "lead", lead);
    str_member(out, 4, &first, "purpose",
               r->basis == RAS_BASIS_BELOW_THRESHOLD
                   ? NULL
                   : ras_statement_words(t, RAS_STATEMENT_PURPOSE));
    str_member(out, 4, &first, "next",
               ras_statement_words(t, RAS_STATEMENT_NEXT_RAS + (int)r->basis));
    str_member(out, 4, &first, "panel",
               r->panel ? ras_statement_words(t, RAS_STATEMENT_PANEL) : NULL);
    str_member(out, 4, &first, "contact", ras_statement_words(t, RAS_STATEMENT_CONTACT));
    end_object(out, 2, false);
}

static const char *kind_name(ras_what_if_kind k)
{
    switch (k) {
    case RAS_WHAT_IF_ANSWER: return "answer";
    case RAS_WHAT_IF_NUMBER: return "number";
    case RAS_WHAT_IF_ADD: return "add";
    case RAS_WHAT_IF_REMOVE: return "remove";
    }
    return "answer";
}

static void write_what_if_line(FILE *out, const ras_what_if_line *l, bool with_current)
{
    bool first = true;
    fputc('{', out);
    str_member(out, 8, &first, "question", l->question->id);
    str_member(out, 8, &first, "change", kind_name(l->kind));
    if (l->kind == RAS_WHAT_IF_NUMBER)
        int_member(out, 8, &first, "value", l->value);
    else
        str_member(out, 8, &first, "answer", l->question->answers[l->answer].id);
    if (with_current)
        bool_member(out, 8, &first, "current", l->current);
    int_member(out, 8, &first, "points", l->points);
    money_member(out, 8, &first, "budget", true, l->budget);
    money_member(out, 8, &first, "difference", true, l->difference);
    str_member(out, 8, &first, "basis", ras_basis_name(l->basis));
    bool_member(out, 8, &first, "panel", l->panel);
    end_object(out, 6, false);
}

static void write_what_if_list(FILE *out, const ras_what_if *wi, bool adjustments)
{
    size_t n = adjustments ? ras_what_if_adjustment_count(wi) : ras_what_if_change_count(wi);
    fputc('[', out);
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "%s\n      ", i ? "," : "");
        write_what_if_line(out,
                           adjustments ? ras_what_if_adjustment(wi, i) : ras_what_if_change(wi, i),
                           adjustments);
    }
    fputs(n ? "\n    ]" : "]", out);
}

/* docs/statement.md, what-if: the lines by id, every figure as re-scored. */
static void write_what_if(FILE *out, const ras_what_if *wi)
{
    bool first = true;
    fputc('{', out);
    money_member(out, 4, &first, "budget", true, ras_what_if_budget(wi));
    money_member(out, 4, &first, "min_change", true, 100);
    key(out, 4, &first, "changes");
    write_what_if_list(out, wi, false);
    key(out, 4, &first, "adjustments");
    write_what_if_list(out, wi, true);
    end_object(out, 2, false);
}

void ras_explain_json(const ras_model *model, const ras_case *c, const ras_result *r,
                      const ras_what_if *wi, FILE *out)
{
    const ras_table *t = r->table;
    bool first = true;
    fputc('{', out);
    key(out, 2, &first, "client");
    write_client(out, c, r);
    key(out, 2, &first, "questionnaire");
    write_questionnaire(out, model);
    key(out, 2, &first, "table");
    write_table(out, t);
    key(out, 2, &first, "questions");
    write_questions(out, model, c, r);
    key(out, 2, &first, "domains");
    write_domains(out, model, r);
    write_working(out, &first, r);
    str_member(out, 2, &first, "basis", ras_basis_name(r->basis));
    str_member(out, 2, &first, "basis_reason", ras_basis_reason_code(ras_statement_reason(c, r)));
    money_member(out, 2, &first, "indicative_budget", true, r->budget);
    money_member(out, 2, &first, "weekly_budget", true, r->weekly);
    int_member(out, 2, &first, "weeks_per_year", t->weeks_per_year);
    bool_member(out, 2, &first, "panel", r->panel);
    money_member(out, 2, &first, "panel_threshold", t->has_panel, t->panel_threshold);
    key(out, 2, &first, "statement");
    write_statement(out, r);
    if (wi) {
        key(out, 2, &first, "what_if");
        write_what_if(out, wi);
    }
    str_member(out, 2, &first, "ras_version", ras_version());
    fputs("\n}\n", out);
}

ras_status ras_result_write_json(const ras_model *model, const ras_case *c, const ras_result *r,
                                 FILE *out)
{
    return ras_result_write(model, c, r, NULL, RAS_STATEMENT_JSON, 0, out);
}
