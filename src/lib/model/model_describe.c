/* model_describe.c - what `ras check` prints about a model (ras(1), check):
 * files, ids, versions and SHA-256 fingerprints, questions per domain,
 * the points range, and per scoring table its settings, effective date and
 * the budget range of every group. Text for people, JSON for programs. */
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "model_load.h"
#include "price.h"

#define LABEL 18 /* width of the text labels */

/* The least and the greatest sum of adjusts that answers can give
 * (docs/scoring.md step 6), hundredths of a percent, the least limited to
 * -100%: per single question its lowest and highest adjust (0 too when it
 * may be left unanswered), per multiple question the sum of its negative
 * and of its positive adjusts. */
static void adjust_range(const ras_model *m, int64_t *lo, int64_t *hi)
{
    *lo = *hi = 0;
    for (size_t i = 0; i < m->n_questions; i++) {
        const ras_question *q = &m->questions[i];
        if (q->type == RAS_NUMBER || q->n_answers == 0)
            continue;
        int64_t qlo = q->type == RAS_SINGLE && q->required ? q->answers[0].adjust : 0;
        int64_t qhi = qlo;
        for (size_t a = 0; a < q->n_answers; a++) {
            int64_t v = q->answers[a].adjust;
            if (q->type == RAS_MULTIPLE) {
                qlo += v < 0 ? v : 0;
                qhi += v > 0 ? v : 0;
            } else {
                qlo = v < qlo ? v : qlo;
                qhi = v > qhi ? v : qhi;
            }
        }
        *lo += qlo; /* each at most 1000% in size: no overflow */
        *hi += qhi;
    }
    if (*lo < -10000)
        *lo = -10000;
}

/* The amount points give in group g with a sum of adjusts: steps 4 to 8. */
static bool amount_adjusted(const ras_table *t, size_t g, int64_t points, int64_t adjust,
                            ras_pence *out)
{
    ras_pence priced, adjusted, rounded;
    int clamped;
    if (points < t->threshold) {
        *out = 0;
        return true;
    }
    return ras_price_group(&t->groups[g], points, NULL, NULL, &priced) == RAS_OK &&
           ras_price_adjust(priced, (int32_t)adjust, &adjusted) == RAS_OK &&
           ras_price_finish(t, adjusted, &rounded, out, &clamped) == RAS_OK;
}

/* The budget range of a group: at the least points with the most
 * negative adjustments, and at the most points with the most positive
 * ones, so a +12.5% answer can show the ceiling. A bound: no one set of
 * answers need reach it. False when the arithmetic overflows. */
static bool budget_range(const ras_model *m, const ras_table *t, size_t g, ras_pence *lo,
                         ras_pence *hi)
{
    int64_t pmin, pmax, amin, amax;
    ras_model_points_range(m, &pmin, &pmax);
    adjust_range(m, &amin, &amax);
    return amount_adjusted(t, g, pmin, amin, lo) && amount_adjusted(t, g, pmax, amax, hi);
}

static const char *pricing_name(const ras_group *g)
{
    return g->steps ? "steps" : "bands";
}

static ras_status finish(FILE *out)
{
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}

/* ---- text ---- */

static void money_text(FILE *out, const ras_table *t, bool has, ras_pence v)
{
    if (!has) {
        fputs("none", out);
        return;
    }
    char buf[64];
    ras_money_format(v, RAS_MONEY_HUMAN, t->currency, buf, sizeof buf);
    fputs(buf, out);
}

static void row(FILE *out, const char *label, const char *value)
{
    fprintf(out, "  %-*s %s\n", LABEL, label, value);
}

static size_t domain_width(const ras_model *m)
{
    size_t w = strlen("domain");
    for (size_t i = 0; i < m->n_domains; i++)
        if (strlen(m->domains[i].id) > w)
            w = strlen(m->domains[i].id);
    return w;
}

static void write_questionnaire_text(const ras_model *m, FILE *out)
{
    int64_t pmin, pmax;
    ras_model_points_range(m, &pmin, &pmax);
    fputs("Questionnaire\n", out);
    row(out, "id", m->id);
    row(out, "version", m->version);
    row(out, "title", m->title);
    row(out, "file", m->file);
    row(out, "sha256", m->fingerprint);
    if (m->effective_from) {
        char date[11];
        ras_date_format(m->effective_from, date);
        row(out, "effective_from", date);
    }
    fprintf(out, "  %-*s %zu in %zu domains\n", LABEL, "questions", m->n_questions, m->n_domains);
    fprintf(out, "  %-*s %lld to %lld\n\n", LABEL, "points range", (long long)pmin,
            (long long)pmax);
    int w = (int)domain_width(m);
    fprintf(out, "  %-*s  %9s  %5s  %s\n", w, "domain", "questions", "cap", "points");
    for (size_t i = 0; i < m->n_domains; i++) {
        const ras_domain *d = &m->domains[i];
        int64_t lo, hi;
        ras_domain_bounds(d, &lo, &hi);
        char cap[24];
        if (d->has_cap)
            snprintf(cap, sizeof cap, "%lld", (long long)d->cap);
        else
            strcpy(cap, "-");
        fprintf(out, "  %-*s  %9zu  %5s  %lld to %lld\n", w, d->id, d->n_questions, cap,
                (long long)lo, (long long)hi);
    }
}

static size_t group_width(const ras_table *t)
{
    size_t w = strlen("group");
    for (size_t i = 0; i < t->n_groups; i++)
        if (strlen(t->groups[i].name) > w)
            w = strlen(t->groups[i].name);
    return w;
}

/* "2 bands", "1 step": how a group prices. */
static void pricing_text(const ras_group *g, char *buf, size_t size)
{
    const char *word = g->n_bands == 1 ? (g->steps ? "step" : "band") : pricing_name(g);
    snprintf(buf, size, "%zu %s", g->n_bands, word);
}

static void write_groups_text(const ras_model *m, const ras_table *t, FILE *out)
{
    int w = (int)group_width(t);
    int pw = (int)strlen("pricing");
    char kind[48];
    for (size_t g = 0; g < t->n_groups; g++) {
        pricing_text(&t->groups[g], kind, sizeof kind);
        if ((int)strlen(kind) > pw)
            pw = (int)strlen(kind);
    }
    fprintf(out, "\n  %-*s  %-*s  %s\n", w, "group", pw, "pricing", "budget range");
    for (size_t g = 0; g < t->n_groups; g++) {
        const ras_group *gr = &t->groups[g];
        pricing_text(gr, kind, sizeof kind);
        fprintf(out, "  %-*s  %-*s  ", w, gr->name, pw, kind);
        ras_pence lo, hi;
        if (budget_range(m, t, g, &lo, &hi)) {
            money_text(out, t, true, lo);
            fputs(" to ", out);
            money_text(out, t, true, hi);
            fputc('\n', out);
        } else {
            fputs("too large to compute\n", out);
        }
    }
}

static void write_table_text(const ras_model *m, const ras_table *t, FILE *out)
{
    char buf[64];
    fprintf(out, "\nScoring table %s@%s\n", t->id, t->version);
    row(out, "file", t->file);
    row(out, "sha256", t->fingerprint);
    if (t->effective_from)
        ras_date_format(t->effective_from, buf);
    else
        strcpy(buf, "always");
    row(out, "effective_from", buf);
    row(out, "currency", t->currency);
    snprintf(buf, sizeof buf, "%lld points", (long long)t->threshold);
    row(out, "threshold", buf);
    row(out, "rounding", t->rounding == RAS_ROUND_POUND ? "pound" : "penny");
    snprintf(buf, sizeof buf, "%lld", (long long)t->weeks_per_year);
    row(out, "weeks_per_year", buf);
    fprintf(out, "  %-*s ", LABEL, "floor");
    money_text(out, t, t->has_floor, t->floor);
    fprintf(out, "\n  %-*s ", LABEL, "ceiling");
    money_text(out, t, t->has_ceiling, t->ceiling);
    fprintf(out, "\n  %-*s ", LABEL, "panel_threshold");
    money_text(out, t, t->has_panel, t->panel_threshold);
    fputc('\n', out);
    row(out, "existing_package", t->keep_existing ? "keep" : "ignore");
    row(out, "default group",
        t->default_group >= 0 ? "yes" : "none (every case must name its group)");
    write_groups_text(m, t, out);
}

/* Each questionnaire version, its date and the tables that price it
 * (docs/model-format.md section 8). */
static void write_versions_text(const ras_model *m, FILE *out)
{
    size_t w = strlen("version");
    for (size_t v = 0; v < m->n_versions; v++)
        if (strlen(m->versions[v]->version) > w)
            w = strlen(m->versions[v]->version);
    fputs("\nQuestionnaire versions\n", out);
    fprintf(out, "  %-*s  %-14s  %s\n", (int)w, "version", "effective_from", "priced by");
    for (size_t v = 0; v < m->n_versions; v++) {
        const ras_model *q = m->versions[v];
        char date[11] = "always";
        if (q->effective_from)
            ras_date_format(q->effective_from, date);
        fprintf(out, "  %-*s  %-14s  ", (int)w, q->version, date);
        for (size_t i = 0; i < q->n_tables; i++)
            fprintf(out, "%s%s@%s", i ? ", " : "", q->tables[i].id, q->tables[i].version);
        fprintf(out, "%s\n", q == m ? "  (current)" : "");
    }
}

ras_status ras_model_write_text(const ras_model *model, FILE *out)
{
    if (!model || !out)
        return RAS_ERR_ARG;
    write_questionnaire_text(model, out);
    for (size_t i = 0; i < model->n_tables; i++)
        write_table_text(model, &model->tables[i], out);
    /* The older versions, newest first, each with the tables that price
     * it; then which table prices which version. */
    for (size_t v = model->n_versions; v-- > 1;) {
        const ras_model *old = model->versions[v - 1];
        fputc('\n', out);
        write_questionnaire_text(old, out);
        for (size_t i = 0; i < old->n_tables; i++)
            write_table_text(old, &old->tables[i], out);
    }
    if (model->n_versions)
        write_versions_text(model, out);
    return finish(out);
}

/* ---- JSON ---- */

static void json_key(FILE *out, const char *key)
{
    ras_json_string(out, key);
    fputc(':', out);
}

static void json_text(FILE *out, const char *key, const char *value, bool comma)
{
    json_key(out, key);
    ras_json_string(out, value);
    if (comma)
        fputc(',', out);
}

static void json_int(FILE *out, const char *key, int64_t value, bool comma)
{
    json_key(out, key);
    fprintf(out, "%lld%s", (long long)value, comma ? "," : "");
}

static void json_amount(FILE *out, const char *key, bool has, ras_pence value)
{
    json_key(out, key);
    if (has)
        ras_json_money(out, value);
    else
        fputs("null", out);
    fputc(',', out);
}

static void write_domains_json(const ras_model *m, FILE *out)
{
    json_key(out, "domains");
    fputc('[', out);
    for (size_t i = 0; i < m->n_domains; i++) {
        const ras_domain *d = &m->domains[i];
        int64_t lo, hi;
        ras_domain_bounds(d, &lo, &hi);
        fputs(i ? ",{" : "{", out);
        json_text(out, "id", d->id, true);
        json_text(out, "title", d->title, true);
        json_int(out, "questions", (int64_t)d->n_questions, true);
        json_key(out, "cap");
        if (d->has_cap)
            fprintf(out, "%lld,", (long long)d->cap);
        else
            fputs("null,", out);
        json_int(out, "min_points", lo, true);
        json_int(out, "max_points", hi, false);
        fputc('}', out);
    }
    fputc(']', out);
}

static void write_questionnaire_json(const ras_model *m, FILE *out)
{
    int64_t pmin, pmax;
    ras_model_points_range(m, &pmin, &pmax);
    json_key(out, "questionnaire");
    fputc('{', out);
    json_text(out, "id", m->id, true);
    json_text(out, "version", m->version, true);
    json_text(out, "title", m->title, true);
    json_text(out, "file", m->file, true);
    json_text(out, "sha256", m->fingerprint, true);
    if (m->effective_from) {
        char date[11];
        ras_date_format(m->effective_from, date);
        json_text(out, "effective_from", date, true);
    }
    json_int(out, "questions", (int64_t)m->n_questions, true);
    json_int(out, "min_points", pmin, true);
    json_int(out, "max_points", pmax, true);
    write_domains_json(m, out);
    fputc('}', out);
}

static void write_groups_json(const ras_model *m, const ras_table *t, FILE *out)
{
    json_key(out, "groups");
    fputc('[', out);
    for (size_t g = 0; g < t->n_groups; g++) {
        const ras_group *gr = &t->groups[g];
        fputs(g ? ",{" : "{", out);
        json_text(out, "name", gr->name, true);
        json_text(out, "pricing", pricing_name(gr), true);
        json_int(out, gr->steps ? "steps" : "bands", (int64_t)gr->n_bands, true);
        ras_pence lo = 0, hi = 0;
        bool ok = budget_range(m, t, g, &lo, &hi);
        json_amount(out, "min_budget", ok, lo);
        json_key(out, "max_budget");
        if (ok)
            ras_json_money(out, hi);
        else
            fputs("null", out);
        fputc('}', out);
    }
    fputc(']', out);
}

static void write_table_json(const ras_model *m, const ras_table *t, FILE *out)
{
    fputc('{', out);
    json_text(out, "id", t->id, true);
    json_text(out, "version", t->version, true);
    json_text(out, "file", t->file, true);
    json_text(out, "sha256", t->fingerprint, true);
    if (t->questionnaire_version)
        json_text(out, "questionnaire_version", t->questionnaire_version, true);
    json_key(out, "effective_from");
    if (t->effective_from) {
        char date[11];
        ras_date_format(t->effective_from, date);
        ras_json_string(out, date);
        fputc(',', out);
    } else {
        fputs("null,", out);
    }
    json_text(out, "currency", t->currency, true);
    json_int(out, "threshold", t->threshold, true);
    json_text(out, "rounding", t->rounding == RAS_ROUND_POUND ? "pound" : "penny", true);
    json_int(out, "weeks_per_year", t->weeks_per_year, true);
    json_amount(out, "floor", t->has_floor, t->floor);
    json_amount(out, "ceiling", t->has_ceiling, t->ceiling);
    json_amount(out, "panel_threshold", t->has_panel, t->panel_threshold);
    json_text(out, "existing_package", t->keep_existing ? "keep" : "ignore", true);
    write_groups_json(m, t, out);
    fputc('}', out);
}

static void write_tables_json(const ras_model *m, FILE *out)
{
    json_key(out, "tables");
    fputc('[', out);
    for (size_t i = 0; i < m->n_tables; i++) {
        if (i)
            fputc(',', out);
        write_table_json(m, &m->tables[i], out);
    }
    fputc(']', out);
}

ras_status ras_model_write_json(const ras_model *model, FILE *out)
{
    if (!model || !out)
        return RAS_ERR_ARG;
    fputc('{', out);
    write_questionnaire_json(model, out);
    fputc(',', out);
    write_tables_json(model, out);
    if (model->n_versions) {
        /* Every version, oldest first, with the tables that price it. */
        fputc(',', out);
        json_key(out, "versions");
        fputc('[', out);
        for (size_t v = 0; v < model->n_versions; v++) {
            fputs(v ? ",{" : "{", out);
            write_questionnaire_json(model->versions[v], out);
            fputc(',', out);
            write_tables_json(model->versions[v], out);
            fputc('}', out);
        }
        fputc(']', out);
    }
    fputs("}\n", out);
    return finish(out);
}
