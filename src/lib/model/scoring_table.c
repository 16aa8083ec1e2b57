/* scoring_table.c - builds one scoring table (docs/model-format.md section 3) from a parsed YAML
 * document: the money rules, the pricing of every client group, and the
 * checks against the questionnaire and the tables read before it. */
#include <stdio.h>
#include <string.h>

#include "model_load.h"
#include "name_index.h"

#define CTX_MAX 160

static const char *const table_keys[] = {"scoring",
                                         "version",
                                         "questionnaire",
                                         "effective_from",
                                         "currency",
                                         "threshold",
                                         "rounding",
                                         "weeks_per_year",
                                         "floor",
                                         "ceiling",
                                         "panel_threshold",
                                         "existing_package",
                                         "groups",
                                         "statement",
                                         "questionnaire_version",
                                         NULL};
static const char *const table_required[] = {"scoring", "version", "questionnaire", "groups", NULL};
static const char *const group_keys[] = {"title", "bands", "steps", NULL};
static const char *const band_keys[] = {"from", "rate", NULL};
static const char *const step_keys[] = {"from", "amount", NULL};

typedef struct tbuild {
    ras_model *m;
    ras_table *t;
    ras_yreader r;
    char ctx[CTX_MAX]; /* "scoring table 'ID'" once the id is known */
} tbuild;

static ras_status nomem(const tbuild *b)
{
    return ras_fail(b->r.err, RAS_ERR_NOMEM, b->r.file, 0, 0, NULL, "out of memory");
}

static ras_status copy_text(tbuild *b, const ras_ynode *n, const char *key, bool id,
                            const char **out)
{
    const char *text;
    size_t len;
    ras_status st = id ? ras_yget_id(&b->r, n, b->ctx, key, &text, &len)
                       : ras_yget_string(&b->r, n, b->ctx, key, &text, &len);
    if (st != RAS_OK)
        return st;
    *out = ras_model_strdup(b->m, text, len);
    return *out ? RAS_OK : nomem(b);
}

/* One of a fixed set of words; *choice is its index. */
static ras_status read_choice(tbuild *b, const ras_ynode *n, const char *key,
                              const char *const words[2], int *choice)
{
    const char *text;
    size_t len;
    *choice = 0; /* written on every path, as the callers read it */
    ras_status st = ras_yget_string(&b->r, n, b->ctx, key, &text, &len);
    if (st != RAS_OK)
        return st;
    for (int i = 0; i < 2; i++) {
        if (strlen(words[i]) == len && memcmp(words[i], text, len) == 0) {
            *choice = i;
            return RAS_OK;
        }
    }
    char shown[48];
    ras_yshow(n, shown);
    return ras_yfail(&b->r, n, key, "%s: '%s' must be %s or %s, not '%s'", b->ctx, key, words[0],
                     words[1], shown);
}

static ras_status read_currency(tbuild *b, const ras_ynode *n)
{
    const char *text;
    size_t len;
    ras_status st = ras_yget_string(&b->r, n, b->ctx, "currency", &text, &len);
    if (st != RAS_OK)
        return st;
    bool ok = len == 3;
    for (size_t i = 0; ok && i < 3; i++)
        ok = text[i] >= 'A' && text[i] <= 'Z';
    if (!ok) {
        char shown[48];
        ras_yshow(n, shown);
        return ras_yfail(&b->r, n, "currency",
                         "%s: 'currency' must be a code of 3 capital letters such as GBP, not '%s'",
                         b->ctx, shown);
    }
    memcpy(b->t->currency, text, 3);
    b->t->currency[3] = '\0';
    return RAS_OK;
}

static ras_status read_amount(tbuild *b, const ras_ynode *map, const char *key, bool *has,
                              ras_pence *out)
{
    const ras_ynode *n = ras_ymap_get(map, key);
    *has = n != NULL;
    return n ? ras_yget_money(&b->r, n, b->ctx, key, out) : RAS_OK;
}

/* The band or step at list index k: its from and its money value. */
static ras_status read_band(tbuild *b, const ras_ynode *node, const char *gctx, bool steps,
                            int64_t *from, ras_pence *value)
{
    const char *const *keys = steps ? step_keys : band_keys;
    const char *money_key = steps ? "amount" : "rate";
    ras_status st = ras_yget_keys(&b->r, node, gctx, keys, keys);
    if (st != RAS_OK)
        return st;
    st = ras_yget_int(&b->r, ras_ymap_get(node, "from"), gctx, "from", 0, RAS_MAX_POINTS, from);
    if (st != RAS_OK)
        return st;
    return ras_yget_money(&b->r, ras_ymap_get(node, money_key), gctx, money_key, value);
}

/* from starts at 0 and strictly increases; step amounts never decrease. */
static ras_status check_order(tbuild *b, const ras_ynode *node, const char *gctx,
                              const ras_group *g, size_t k)
{
    const char *what = g->steps ? "step" : "band";
    if (k == 0 && g->from[0] != 0)
        return ras_yfail(&b->r, ras_ymap_get(node, "from"), "from",
                         "%s: the first %s must have 'from: 0', not %lld", gctx, what,
                         (long long)g->from[0]);
    if (k > 0 && g->from[k] <= g->from[k - 1])
        return ras_yfail(&b->r, ras_ymap_get(node, "from"), "from",
                         "%s: 'from' must increase from %s to %s (%lld after %lld)", gctx, what,
                         what, (long long)g->from[k], (long long)g->from[k - 1]);
    if (k > 0 && g->steps && g->value[k] < g->value[k - 1]) {
        char now[32], prev[32];
        ras_money_format(g->value[k], RAS_MONEY_PLAIN, NULL, now, sizeof now);
        ras_money_format(g->value[k - 1], RAS_MONEY_PLAIN, NULL, prev, sizeof prev);
        return ras_yfail(&b->r, ras_ymap_get(node, "amount"), "amount",
                         "%s: step amounts must never decrease (%s after %s)", gctx, now, prev);
    }
    return RAS_OK;
}

static ras_status read_group(tbuild *b, const ras_ynode *key, const ras_ynode *node, ras_group *g)
{
    char gctx[CTX_MAX + 96];
    char shown[48];
    ras_yshow(key, shown);
    if (!ras_valid_id(key->text, key->len))
        return ras_yfail(&b->r, key, shown,
                         "%s: group name '%s' must be lower-case letters, digits, '_' and '-'",
                         b->ctx, shown);
    g->name = ras_model_strdup(b->m, key->text, key->len);
    if (!g->name)
        return nomem(b);
    snprintf(gctx, sizeof gctx, "%s, group '%s'", b->ctx, g->name);
    ras_status st = ras_yget_keys(&b->r, node, gctx, NULL, group_keys);
    if (st != RAS_OK)
        return st;
    const ras_ynode *title = ras_ymap_get(node, "title");
    if (title) {
        const char *text;
        size_t len;
        if ((st = ras_yget_title(&b->r, title, gctx, "title", &text, &len)) != RAS_OK)
            return st;
        if (!(g->title = ras_model_strdup(b->m, text, len)))
            return nomem(b);
    }
    const ras_ynode *bands = ras_ymap_get(node, "bands");
    const ras_ynode *steps = ras_ymap_get(node, "steps");
    if (bands && steps)
        return ras_yfail(&b->r, steps, g->name, "%s: has both 'bands' and 'steps' (keep one)",
                         gctx);
    if (!bands && !steps)
        return ras_yfail(&b->r, node, g->name, "%s: needs 'bands' or 'steps'", gctx);
    const ras_ynode *list = bands ? bands : steps;
    g->steps = steps != NULL;
    if ((st = ras_yget_seq(&b->r, list, gctx, g->steps ? "steps" : "bands")) != RAS_OK)
        return st;
    if (list->n == 0)
        return ras_yfail(&b->r, list, g->name, "%s: needs at least one %s", gctx,
                         g->steps ? "step" : "band");
    g->from = ras_arena_array(&b->m->arena, list->n, sizeof *g->from);
    g->value = ras_arena_array(&b->m->arena, list->n, sizeof *g->value);
    if (!g->from || !g->value)
        return nomem(b);
    g->n_bands = list->n;
    for (size_t k = 0; k < list->n; k++) {
        st = read_band(b, list->items[k], gctx, g->steps, &g->from[k], &g->value[k]);
        if (st == RAS_OK)
            st = check_order(b, list->items[k], gctx, g, k);
        if (st != RAS_OK)
            return st;
    }
    return RAS_OK;
}

/* A case may name its group by id or by title, in any case
 * (docs/model-format.md section 3.2), so within a table no title may be
 * another group's title or id. Checked through an index, not pairwise, so
 * a hostile table of many groups stays quick. */
static ras_status check_titles(tbuild *b, const ras_ynode *map)
{
    const ras_table *t = b->t;
    ras_name_index ix;
    if (!ras_name_index_init(&ix, &b->m->arena, 2 * t->n_groups))
        return nomem(b);
    for (size_t i = 0; i < t->n_groups; i++) {
        ras_name_slot *s =
            ras_name_index_slot(&ix, 0, t->groups[i].name, strlen(t->groups[i].name));
        s->key = t->groups[i].name; /* ids are unique: the slot is new */
        s->len = strlen(s->key);
        s->value = (int32_t)i;
    }
    for (size_t i = 0; i < t->n_groups; i++) {
        const ras_group *g = &t->groups[i];
        if (!g->title)
            continue;
        size_t len = strlen(g->title);
        ras_name_slot *s = ras_name_index_slot(&ix, 0, g->title, len);
        if (!s->key) {
            s->key = g->title;
            s->len = len;
            s->value = (int32_t)i;
            continue;
        }
        const ras_group *o = &t->groups[s->value];
        if (o == g)
            continue; /* its own id, in other letters */
        const ras_ynode *at = ras_ymap_get(map->items[2 * i + 1], "title");
        char shown[48];
        ras_yshow(at, shown);
        if (s->key == o->name)
            return ras_yfail(&b->r, at, g->name,
                             "%s, group '%s': title '%s' is the id of group '%s' (a case "
                             "naming it would be ambiguous)",
                             b->ctx, g->name, shown, o->name);
        return ras_yfail(&b->r, at, g->name,
                         "%s, group '%s': title '%s' is also the title of group '%s'", b->ctx,
                         g->name, shown, o->name);
    }
    return RAS_OK;
}

static ras_status read_groups(tbuild *b, const ras_ynode *map)
{
    ras_status st = ras_yget_map(&b->r, map, b->ctx, "groups");
    if (st != RAS_OK)
        return st;
    if (map->n == 0)
        return ras_yfail(&b->r, map, "groups", "%s: 'groups' must name at least one group", b->ctx);
    ras_table *t = b->t;
    t->groups = ras_arena_array(&b->m->arena, map->n, sizeof *t->groups);
    if (!t->groups)
        return nomem(b);
    t->n_groups = map->n;
    t->default_group = -1;
    for (size_t i = 0; i < map->n; i++) {
        st = read_group(b, map->items[2 * i], map->items[2 * i + 1], &t->groups[i]);
        if (st != RAS_OK)
            return st;
        if (strcmp(t->groups[i].name, "default") == 0)
            t->default_group = (long)i;
    }
    return check_titles(b, map);
}

/* With rounding: pound, an amount must be whole pounds. */
static ras_status check_whole_pounds(tbuild *b, const ras_ynode *root, const char *key, bool has,
                                     ras_pence v)
{
    if (!has || b->t->rounding != RAS_ROUND_POUND || v % 100 == 0)
        return RAS_OK;
    return ras_yfail(&b->r, ras_ymap_get(root, key), key,
                     "%s: '%s' must be whole pounds because 'rounding' is pound", b->ctx, key);
}

static ras_status check_money_rules(tbuild *b, const ras_ynode *root)
{
    ras_table *t = b->t;
    ras_status st;
    if ((st = check_whole_pounds(b, root, "floor", t->has_floor, t->floor)) != RAS_OK ||
        (st = check_whole_pounds(b, root, "ceiling", t->has_ceiling, t->ceiling)) != RAS_OK ||
        (st = check_whole_pounds(b, root, "panel_threshold", t->has_panel, t->panel_threshold)) !=
            RAS_OK)
        return st;
    if (t->has_floor && t->has_ceiling && t->floor > t->ceiling) {
        char f[32], c[32];
        ras_money_format(t->floor, RAS_MONEY_PLAIN, NULL, f, sizeof f);
        ras_money_format(t->ceiling, RAS_MONEY_PLAIN, NULL, c, sizeof c);
        return ras_yfail(&b->r, ras_ymap_get(root, "floor"), "floor",
                         "%s: 'floor' (%s) must not exceed 'ceiling' (%s)", b->ctx, f, c);
    }
    return RAS_OK;
}

static ras_status read_settings(tbuild *b, const ras_ynode *root)
{
    ras_table *t = b->t;
    const ras_ynode *n;
    ras_status st = RAS_OK;
    static const char *const roundings[2] = {"penny", "pound"};
    static const char *const existing[2] = {"keep", "ignore"};
    int choice;
    if ((n = ras_ymap_get(root, "effective_from")) &&
        (st = ras_yget_date(&b->r, n, b->ctx, "effective_from", &t->effective_from)) != RAS_OK)
        return st;
    if ((n = ras_ymap_get(root, "currency")) && (st = read_currency(b, n)) != RAS_OK)
        return st;
    if ((n = ras_ymap_get(root, "threshold")) &&
        (st = ras_yget_int(&b->r, n, b->ctx, "threshold", 0, RAS_MAX_POINTS, &t->threshold)) !=
            RAS_OK)
        return st;
    if ((n = ras_ymap_get(root, "rounding"))) {
        if ((st = read_choice(b, n, "rounding", roundings, &choice)) != RAS_OK)
            return st;
        t->rounding = choice ? RAS_ROUND_POUND : RAS_ROUND_PENNY;
    }
    if ((n = ras_ymap_get(root, "weeks_per_year")) &&
        (st = ras_yget_int(&b->r, n, b->ctx, "weeks_per_year", 1, 366, &t->weeks_per_year)) !=
            RAS_OK)
        return st;
    if ((st = read_amount(b, root, "floor", &t->has_floor, &t->floor)) != RAS_OK ||
        (st = read_amount(b, root, "ceiling", &t->has_ceiling, &t->ceiling)) != RAS_OK ||
        (st = read_amount(b, root, "panel_threshold", &t->has_panel, &t->panel_threshold)) !=
            RAS_OK)
        return st;
    if ((n = ras_ymap_get(root, "existing_package"))) {
        if ((st = read_choice(b, n, "existing_package", existing, &choice)) != RAS_OK)
            return st;
        t->keep_existing = choice == 0;
    }
    return check_money_rules(b, root);
}

/* `questionnaire_version`: optional when the model has one questionnaire,
 * required when it has several (docs/model-format.md section 3.1). */
static ras_status read_priced_version(tbuild *b, const ras_ynode *root)
{
    const ras_ynode *n = ras_ymap_get(root, "questionnaire_version");
    if (n)
        return copy_text(b, n, "questionnaire_version", false, &b->t->questionnaire_version);
    if (b->m->versions_list)
        return ras_yfail(&b->r, root, "questionnaire_version",
                         "%s names no 'questionnaire_version': the model has several "
                         "questionnaires (%s), so each table names the one it prices",
                         b->ctx, b->m->versions_list);
    return RAS_OK;
}

/* The table must price this questionnaire (and this version, when it
 * names one), and no earlier table may take effect on the same date or
 * carry the same id and version. */
static ras_status check_against_model(tbuild *b, const ras_ynode *root, size_t index)
{
    const ras_table *t = b->t;
    if (strcmp(t->questionnaire, b->m->id) != 0)
        return ras_yfail(&b->r, ras_ymap_get(root, "questionnaire"), "questionnaire",
                         "%s is for questionnaire '%s', not '%s'", b->ctx, t->questionnaire,
                         b->m->id);
    if (t->questionnaire_version && strcmp(t->questionnaire_version, b->m->version) != 0)
        return ras_yfail(
            &b->r, ras_ymap_get(root, "questionnaire_version"), "questionnaire_version",
            "%s prices questionnaire '%s' version '%s', which is not in the model "
            "(its version%s: %s)",
            b->ctx, t->questionnaire, t->questionnaire_version, b->m->versions_list ? "s" : "",
            b->m->versions_list ? b->m->versions_list : b->m->version);
    for (size_t i = 0; i < index; i++) {
        const ras_table *o = &b->m->tables[i];
        if (o->effective_from == t->effective_from) {
            const ras_ynode *at = ras_ymap_get(root, "effective_from");
            if (!t->effective_from)
                return ras_yfail(&b->r, root, "effective_from",
                                 "%s and scoring table '%s' (%s) both have no 'effective_from': "
                                 "give each table its own date",
                                 b->ctx, o->id, o->file);
            char date[11];
            ras_date_format(t->effective_from, date);
            return ras_yfail(&b->r, at, "effective_from",
                             "%s takes effect on %s, as scoring table '%s' (%s) does", b->ctx, date,
                             o->id, o->file);
        }
        if (strcmp(o->id, t->id) == 0 && strcmp(o->version, t->version) == 0)
            return ras_yfail(&b->r, ras_ymap_get(root, "version"), "version",
                             "%s version '%s' is also in %s", b->ctx, t->version, o->file);
    }
    return RAS_OK;
}

/* Messages name the table by its id from the first one on, even a missing
 * or unknown key's, when the 'scoring' key holds a valid id. */
static void name_early(tbuild *b, const ras_ynode *root)
{
    const ras_ynode *n = ras_ymap_get(root, "scoring");
    if (n && n->kind == RAS_YSCALAR && ras_valid_id(n->text, n->len))
        snprintf(b->ctx, sizeof b->ctx, "scoring table '%.*s'", (int)n->len, n->text);
    else
        snprintf(b->ctx, sizeof b->ctx, "scoring table");
}

ras_status ras_scoring_table_build(ras_model *m, size_t index, const ras_ydoc *doc, ras_error *err)
{
    ras_table *t = &m->tables[index];
    tbuild b = {.m = m, .t = t, .r = {doc->file, RAS_ERR_MODEL, err}};
    const ras_ynode *root = doc->root;
    name_early(&b, root);
    if (!root)
        return ras_fail(err, RAS_ERR_MODEL, doc->file, 0, 0, NULL, "the scoring table is empty");
    memcpy(t->currency, "GBP", 4);
    t->rounding = RAS_ROUND_PENNY;
    t->weeks_per_year = 52;
    t->keep_existing = true;
    t->default_group = -1;
    ras_status st = ras_yget_keys(&b.r, root, b.ctx, table_required, table_keys);
    if (st == RAS_OK)
        st = copy_text(&b, ras_ymap_get(root, "scoring"), "scoring", true, &t->id);
    if (st != RAS_OK)
        return st;
    snprintf(b.ctx, sizeof b.ctx, "scoring table '%s'", t->id);
    if ((st = copy_text(&b, ras_ymap_get(root, "version"), "version", false, &t->version)) !=
            RAS_OK ||
        (st = copy_text(&b, ras_ymap_get(root, "questionnaire"), "questionnaire", true,
                        &t->questionnaire)) != RAS_OK ||
        (st = read_priced_version(&b, root)) != RAS_OK ||
        (st = read_settings(&b, root)) != RAS_OK ||
        (st = read_groups(&b, ras_ymap_get(root, "groups"))) != RAS_OK)
        return st;
    const ras_ynode *statement = ras_ymap_get(root, "statement");
    if (statement && (st = ras_statement_build(&b.r, m, statement, b.ctx, &t->statement)) != RAS_OK)
        return st;
    return check_against_model(&b, root, index);
}
