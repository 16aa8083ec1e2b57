/* statement.c - reads a scoring table's optional `statement:` section
 * (docs/statement.md, docs/model-format.md section 3.3): the council's
 * own words for the statement a client reads. Every key is an optional
 * text; an unknown key or a value that is not a text is a located error,
 * as everywhere else in a model. */
#include <stdio.h>
#include <string.h>

#include "model_load.h"

static const char *const statement_keys[] = {"council", "purpose", "next", "contact", NULL};
static const char *const next_keys[] = {"ras", "existing_package", "below_threshold", "panel",
                                        NULL};

/* The text at key in map, copied into the model; *out stays NULL when the
 * key is absent. */
static ras_status read_text(const ras_yreader *r, ras_model *m, const ras_ynode *map,
                            const char *ctx, const char *key, const char **out)
{
    const ras_ynode *n = ras_ymap_get(map, key);
    const char *text;
    size_t len;
    if (!n)
        return RAS_OK;
    ras_status st = ras_yget_string(r, n, ctx, key, &text, &len);
    if (st != RAS_OK)
        return st;
    *out = ras_model_strdup(m, text, len);
    if (!*out)
        return ras_fail(r->err, RAS_ERR_NOMEM, r->file, 0, 0, NULL, "out of memory");
    return RAS_OK;
}

static ras_status read_next(const ras_yreader *r, ras_model *m, const ras_ynode *map,
                            const char *ctx, ras_statement *s)
{
    char nctx[256];
    snprintf(nctx, sizeof nctx, "%s, statement 'next'", ctx);
    ras_status st = ras_yget_keys(r, map, nctx, NULL, next_keys);
    if (st == RAS_OK)
        st = read_text(r, m, map, nctx, "ras", &s->text[RAS_STATEMENT_NEXT_RAS]);
    if (st == RAS_OK)
        st = read_text(r, m, map, nctx, "existing_package",
                       &s->text[RAS_STATEMENT_NEXT_EXISTING_PACKAGE]);
    if (st == RAS_OK)
        st = read_text(r, m, map, nctx, "below_threshold",
                       &s->text[RAS_STATEMENT_NEXT_BELOW_THRESHOLD]);
    if (st == RAS_OK)
        st = read_text(r, m, map, nctx, "panel", &s->text[RAS_STATEMENT_PANEL]);
    return st;
}

ras_status ras_statement_build(const ras_yreader *r, ras_model *m, const ras_ynode *node,
                               const char *ctx, ras_statement *s)
{
    char sctx[256];
    snprintf(sctx, sizeof sctx, "%s, statement", ctx);
    memset(s, 0, sizeof *s);
    ras_status st = ras_yget_keys(r, node, sctx, NULL, statement_keys);
    if (st == RAS_OK)
        st = read_text(r, m, node, sctx, "council", &s->text[RAS_STATEMENT_COUNCIL]);
    if (st == RAS_OK)
        st = read_text(r, m, node, sctx, "purpose", &s->text[RAS_STATEMENT_PURPOSE]);
    if (st == RAS_OK)
        st = read_text(r, m, node, sctx, "contact", &s->text[RAS_STATEMENT_CONTACT]);
    const ras_ynode *next = ras_ymap_get(node, "next");
    if (st == RAS_OK && next)
        st = read_next(r, m, next, ctx, s);
    return st;
}
