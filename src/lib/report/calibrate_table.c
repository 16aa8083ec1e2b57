/* calibrate_table.c - writes the calibrated scoring table: the latest
 * table's settings and statement: section with each repriced group at its
 * cost-neutral prices, in the YAML of docs/model-format.md section 3 that the model loader reads
 * back to the very table calibration priced the cases with. */
#include <string.h>

#include "calibrate.h"
#include "error.h"

/* A YAML double-quoted scalar: backslash, quote and control characters
 * escaped, so any version text is read back as written. */
static void yaml_quoted(FILE *out, const char *s, const char *suffix)
{
    static const char hex[] = "0123456789abcdef";
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            fputc('\\', out);
            fputc(*p, out);
        } else if (*p < 0x20 || *p == 0x7f) {
            fputs("\\x", out);
            fputc(hex[*p >> 4], out);
            fputc(hex[*p & 0xf], out);
        } else {
            fputc(*p, out);
        }
    }
    fputs(suffix, out);
    fputc('"', out);
}

static void money_key(FILE *out, const char *key, bool has, ras_pence v)
{
    if (!has)
        return;
    char buf[32];
    ras_money_format(v, RAS_MONEY_PLAIN, NULL, buf, sizeof buf);
    fprintf(out, "%s: %s\n", key, buf);
}

static void write_group(FILE *out, const ras_group *g, const ras_calibration_group *s)
{
    char buf[32];
    if (s->repriced) {
        ras_money_format(s->total_cost, RAS_MONEY_PLAIN, NULL, buf, sizeof buf);
        fprintf(out, "  %s:  # %llu priced cases, %lld points, current cost %s\n", g->name,
                (unsigned long long)s->priced, (long long)s->total_points, buf);
        if (s->scaled)
            fprintf(out, "    # its %s, each times %lld.%06lld: cost neutral, same shape\n",
                    g->steps ? "steps" : "bands", (long long)(s->neutral_scale / 1000000),
                    (long long)(s->neutral_scale % 1000000));
        else
            fputs("    # one flat rate, the cost-neutral price\n", out);
    } else
        fprintf(out, "  %s:  # no priced cases to calibrate with: prices kept\n", g->name);
    if (g->title) { /* kept, so the statement still reads it */
        fputs("    title: ", out);
        yaml_quoted(out, g->title, "");
        fputc('\n', out);
    }
    fprintf(out, "    %s:\n", g->steps ? "steps" : "bands");
    for (size_t k = 0; k < g->n_bands; k++) {
        ras_money_format(g->value[k], RAS_MONEY_PLAIN, NULL, buf, sizeof buf);
        fprintf(out, "      - {from: %lld, %s: %s}\n", (long long)g->from[k],
                g->steps ? "amount" : "rate", buf);
    }
}

/* One statement text, when the table gives it. */
static void statement_key(FILE *out, const char *indent, const char *key, const char *text)
{
    if (!text)
        return;
    fprintf(out, "%s%s: ", indent, key);
    yaml_quoted(out, text, "");
    fputc('\n', out);
}

/* The table's statement: section (docs/model-format.md section 3.3) as
 * given: the new table is a table of the model, and a client priced by it
 * must still read the council's words, not ras's defaults. */
static void write_statement(FILE *out, const ras_statement *s)
{
    const char *const *text = s->text;
    bool any = false, next = false;

    for (size_t i = 0; i < RAS_STATEMENT_PART_COUNT; i++)
        any = any || text[i] != NULL;
    for (size_t i = RAS_STATEMENT_NEXT_RAS; i <= RAS_STATEMENT_PANEL; i++)
        next = next || text[i] != NULL;
    if (!any)
        return;
    fputs("statement:\n", out);
    statement_key(out, "  ", "council", text[RAS_STATEMENT_COUNCIL]);
    statement_key(out, "  ", "purpose", text[RAS_STATEMENT_PURPOSE]);
    if (next) {
        fputs("  next:\n", out);
        statement_key(out, "    ", "ras", text[RAS_STATEMENT_NEXT_RAS]);
        statement_key(out, "    ", "existing_package", text[RAS_STATEMENT_NEXT_EXISTING_PACKAGE]);
        statement_key(out, "    ", "below_threshold", text[RAS_STATEMENT_NEXT_BELOW_THRESHOLD]);
        statement_key(out, "    ", "panel", text[RAS_STATEMENT_PANEL]);
    }
    statement_key(out, "  ", "contact", text[RAS_STATEMENT_CONTACT]);
}

ras_status ras_calibration_write_table(const ras_calibration *cal, ras_date today, FILE *out,
                                       ras_error *err)
{
    char date[11];
    if (!cal || !out || today < 10000101 || today > 99991231)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    ras_date_format(today, date);
    const ras_table *old = cal->latest;
    const ras_table *t = &cal->fresh;
    if (old->effective_from >= today) {
        char from[11];
        ras_date_format(old->effective_from, from);
        return ras_fail(err, RAS_ERR_ARG, old->file, 0, 0, "effective_from",
                        "scoring table '%s' takes effect on %s, not before %s: a new table "
                        "dated %s would not follow it",
                        old->id, from, date, date);
    }
    fprintf(out,
            "# Written by ras calibrate from %s@%s (sha256 %s)\n"
            "# and the current costs in %s.\n"
            "# Each group with priced cases is repriced so that its RAS amounts,\n"
            "# worked as ras score works them, add up as near as whole pence allow\n"
            "# to their current cost (docs/calibration.md): its own steps or bands\n"
            "# scaled, or one flat rate.\n",
            old->id, old->version, old->fingerprint, cal->in_name);
    /* A new id and version, from the date: the table is a new one, and
     * the model it joins must not hold two tables of one id. */
    char id[RAS_MAX_ID + 1], suffix[32];
    int n = snprintf(suffix, sizeof suffix, "-calibrated-%08ld", (long)today);
    size_t keep = strlen(t->id);
    if (n > 0 && keep + (size_t)n > RAS_MAX_ID)
        keep = RAS_MAX_ID - (size_t)n;
    memcpy(id, t->id, keep);
    id[keep] = '\0';
    fputs("scoring: ", out);
    yaml_quoted(out, id, suffix);
    fputs("\nversion: ", out);
    yaml_quoted(out, date, "");
    fprintf(out, "\nquestionnaire: %s\n", t->questionnaire);
    if (t->questionnaire_version) { /* the version it prices (model-format.md section 4.1) */
        fputs("questionnaire_version: ", out);
        yaml_quoted(out, t->questionnaire_version, "");
        fputc('\n', out);
    }
    fprintf(out, "effective_from: %s\ncurrency: %s\nthreshold: %lld\n", date, t->currency,
            (long long)t->threshold);
    fprintf(out, "rounding: %s\nweeks_per_year: %lld\n",
            t->rounding == RAS_ROUND_POUND ? "pound" : "penny", (long long)t->weeks_per_year);
    money_key(out, "floor", t->has_floor, t->floor);
    money_key(out, "ceiling", t->has_ceiling, t->ceiling);
    money_key(out, "panel_threshold", t->has_panel, t->panel_threshold);
    fprintf(out, "existing_package: %s\ngroups:\n", t->keep_existing ? "keep" : "ignore");
    for (size_t g = 0; g < t->n_groups; g++)
        write_group(out, &t->groups[g], &cal->groups[g]);
    write_statement(out, &t->statement);
    if (fflush(out) != 0 || ferror(out))
        return ras_fail(err, RAS_ERR_IO, NULL, 0, 0, NULL, "cannot write the scoring table");
    return RAS_OK;
}
