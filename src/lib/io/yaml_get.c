/* yaml_get.c - typed readers over ras_ynode trees (see yaml_get.h). */
#include "yaml_get.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "model.h"
#include "num.h"
#include "text_check.h"

ras_status ras_yfail(const ras_yreader *r, const ras_ynode *at, const char *subject,
                     const char *fmt, ...)
{
    if (!r->err)
        return r->status;
    char message[RAS_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    return ras_fail(r->err, r->status, r->file, at ? at->line : 0, at ? at->column : 0, subject,
                    "%s", message);
}

static bool equals_nocase(const char *text, size_t len, const char *word)
{
    size_t n = strlen(word);
    if (n != len)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[i])
            return false;
    }
    return true;
}

bool ras_ynode_is_null(const ras_ynode *n)
{
    if (!n)
        return true;
    if (n->kind != RAS_YSCALAR || !n->plain)
        return false;
    return n->len == 0 || equals_nocase(n->text, n->len, "~") ||
           equals_nocase(n->text, n->len, "null");
}

void ras_yshow(const ras_ynode *n, char buf[48])
{
    /* Whole characters only, and no control character of any kind (C1
     * included) reaches the message. */
    ras_text_show(n->text, n->len, buf);
}

/* "ctx: " or "" */
static const char *sep(const char *ctx)
{
    return ctx && ctx[0] ? ": " : "";
}

static const char *kind_name(const ras_ynode *n)
{
    switch (n->kind) {
    case RAS_YMAP: return "a mapping";
    case RAS_YSEQ: return "a list";
    case RAS_YSCALAR: break;
    }
    return ras_ynode_is_null(n) ? "empty" : "a single value";
}

/* Fails for "'key' must be WANT, not FOUND" at n. */
static ras_status wrong(const ras_yreader *r, const ras_ynode *n, const char *ctx, const char *key,
                        const char *want)
{
    if (n->kind == RAS_YSCALAR && !ras_ynode_is_null(n)) {
        char shown[48];
        ras_yshow(n, shown);
        return ras_yfail(r, n, key, "%s%s'%s' must be %s, not '%s'", ctx ? ctx : "", sep(ctx), key,
                         want, shown);
    }
    return ras_yfail(r, n, key, "%s%s'%s' must be %s, not %s", ctx ? ctx : "", sep(ctx), key, want,
                     kind_name(n));
}

ras_status ras_yget_map(const ras_yreader *r, const ras_ynode *n, const char *ctx, const char *key)
{
    return n->kind == RAS_YMAP ? RAS_OK : wrong(r, n, ctx, key, "a mapping of keys to values");
}

ras_status ras_yget_seq(const ras_yreader *r, const ras_ynode *n, const char *ctx, const char *key)
{
    return n->kind == RAS_YSEQ ? RAS_OK : wrong(r, n, ctx, key, "a list");
}

static bool in_list(const char *const *list, const ras_ynode *key)
{
    for (size_t i = 0; list && list[i]; i++)
        if (strlen(list[i]) == key->len && memcmp(list[i], key->text, key->len) == 0)
            return true;
    return false;
}

/* "a, b or c" for messages, cut short when long. */
static void list_words(const char *const *list, char *buf, size_t size)
{
    size_t n = 0;
    while (list && list[n])
        n++;
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < size; i++) {
        const char *joint = i == 0 ? "" : i + 1 == n ? " or " : ", ";
        int w = snprintf(buf + used, size - used, "%s%s", joint, list[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

ras_status ras_yget_key(const ras_yreader *r, const ras_ynode *key, const char *ctx,
                        const char *const *allowed)
{
    if (in_list(allowed, key))
        return RAS_OK;
    char shown[48], words[256];
    ras_yshow(key, shown);
    list_words(allowed, words, sizeof words);
    return ras_yfail(r, key, shown, "%s%sunknown key '%s' (expected %s)", ctx ? ctx : "", sep(ctx),
                     shown, words);
}

ras_status ras_yget_present(const ras_yreader *r, const ras_ynode *map, const char *ctx,
                            const char *key)
{
    if (ras_ymap_get(map, key))
        return RAS_OK;
    return ras_yfail(r, map, key, "%s%smissing key '%s'", ctx ? ctx : "", sep(ctx), key);
}

ras_status ras_yget_mapping(const ras_yreader *r, const ras_ynode *map, const char *ctx)
{
    if (map->kind == RAS_YMAP)
        return RAS_OK;
    if (map->kind == RAS_YSCALAR && !ras_ynode_is_null(map)) {
        char shown[48];
        ras_yshow(map, shown);
        return ras_yfail(r, map, NULL, "%s%sexpected a mapping of keys to values, not '%s'",
                         ctx ? ctx : "", sep(ctx), shown);
    }
    return ras_yfail(r, map, NULL, "%s%sexpected a mapping of keys to values, not %s",
                     ctx ? ctx : "", sep(ctx), kind_name(map));
}

ras_status ras_yget_keys(const ras_yreader *r, const ras_ynode *map, const char *ctx,
                         const char *const *required, const char *const *allowed)
{
    ras_status st = ras_yget_mapping(r, map, ctx);
    for (size_t i = 0; st == RAS_OK && i < map->n; i++)
        st = ras_yget_key(r, map->items[2 * i], ctx, allowed);
    for (size_t i = 0; st == RAS_OK && required && required[i]; i++)
        st = ras_yget_present(r, map, ctx, required[i]);
    return st;
}

ras_status ras_yget_string(const ras_yreader *r, const ras_ynode *n, const char *ctx,
                           const char *key, const char **text, size_t *len)
{
    if (n->kind != RAS_YSCALAR)
        return wrong(r, n, ctx, key, "text");
    if (ras_ynode_is_null(n))
        return ras_yfail(r, n, key, "%s%s'%s' is missing its value", ctx ? ctx : "", sep(ctx), key);
    if (n->len == 0)
        return ras_yfail(r, n, key, "%s%s'%s' is empty", ctx ? ctx : "", sep(ctx), key);
    /* Text reaches terminals and every output as it is: none that hides or
     * rewrites what follows it (docs/model-format.md section 1). */
    const char *fault = ras_text_fault(n->text, n->len);
    if (fault) {
        char shown[48];
        ras_yshow(n, shown);
        return ras_yfail(r, n, key, "%s%s'%s' holds %s ('%s')", ctx ? ctx : "", sep(ctx), key,
                         fault, shown);
    }
    *text = n->text;
    if (len)
        *len = n->len;
    return RAS_OK;
}

ras_status ras_yget_title(const ras_yreader *r, const ras_ynode *n, const char *ctx,
                          const char *key, const char **text, size_t *len)
{
    const char *t = NULL;
    size_t l = 0;
    ras_status st = ras_yget_string(r, n, ctx, key, &t, &l);
    if (st != RAS_OK)
        return st;
    size_t spaces = 0;
    while (spaces < l && t[spaces] == ' ')
        spaces++;
    if (spaces == l)
        return ras_yfail(r, n, key, "%s%s'%s' is blank", ctx ? ctx : "", sep(ctx), key);
    if (!ras_text_is_clean(t, l))
        return ras_yfail(r, n, key, "%s%s'%s' holds a control character (a tab or line break)",
                         ctx ? ctx : "", sep(ctx), key);
    *text = t;
    if (len)
        *len = l;
    return RAS_OK;
}

bool ras_valid_id(const char *text, size_t len)
{
    if (len == 0 || len > RAS_MAX_ID)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return false;
    }
    return true;
}

ras_status ras_yget_id(const ras_yreader *r, const ras_ynode *n, const char *ctx, const char *key,
                       const char **text, size_t *len)
{
    const char *t = NULL;
    size_t l = 0;
    ras_status st = ras_yget_string(r, n, ctx, key, &t, &l);
    if (st != RAS_OK)
        return st;
    if (l > RAS_MAX_ID)
        return ras_yfail(r, n, key, "%s%s'%s' is longer than %d characters", ctx ? ctx : "",
                         sep(ctx), key, RAS_MAX_ID);
    if (!ras_valid_id(t, l))
        return wrong(r, n, ctx, key, "an id of lower-case letters, digits, '_' and '-'");
    *text = t;
    if (len)
        *len = l;
    return RAS_OK;
}

ras_status ras_yget_int(const ras_yreader *r, const ras_ynode *n, const char *ctx, const char *key,
                        int64_t min, int64_t max, int64_t *out)
{
    if (n->kind != RAS_YSCALAR || ras_ynode_is_null(n))
        return wrong(r, n, ctx, key, "a whole number");
    int64_t v;
    ras_status st = ras_int_parse(n->text, n->len, &v);
    if (st == RAS_ERR_OVERFLOW || (st == RAS_OK && v > max))
        return ras_yfail(r, n, key, "%s%s'%s' must be at most %lld", ctx ? ctx : "", sep(ctx), key,
                         (long long)max);
    if (st != RAS_OK)
        return wrong(r, n, ctx, key, "a whole number");
    if (v < min)
        return ras_yfail(r, n, key, "%s%s'%s' must be %lld or more, not %lld", ctx ? ctx : "",
                         sep(ctx), key, (long long)min, (long long)v);
    if (!ras_int_is_plain(n->text, n->len))
        return wrong(r, n, ctx, key, "a whole number in plain digits (no sign, no leading zero)");
    *out = v;
    return RAS_OK;
}

ras_status ras_yget_money(const ras_yreader *r, const ras_ynode *n, const char *ctx,
                          const char *key, ras_pence *out)
{
    static const char want[] = "an amount in pounds with at most two decimals (e.g. 1250.00)";
    if (n->kind != RAS_YSCALAR || ras_ynode_is_null(n))
        return wrong(r, n, ctx, key, want);
    ras_pence v;
    ras_status st = ras_money_parse(n->text, n->len, &v);
    if (st == RAS_ERR_OVERFLOW || (st == RAS_OK && v > RAS_MAX_PENCE))
        return ras_yfail(r, n, key, "%s%s'%s' is too large (at most %lld pounds)", ctx ? ctx : "",
                         sep(ctx), key, (long long)(RAS_MAX_PENCE / 100));
    if (st != RAS_OK)
        return wrong(r, n, ctx, key, want);
    *out = v;
    return RAS_OK;
}

ras_status ras_yget_percent(const ras_yreader *r, const ras_ynode *n, const char *ctx,
                            const char *key, int32_t *out)
{
    static const char want[] = "a percentage with at most two decimals (e.g. -12.5%)";
    if (n->kind != RAS_YSCALAR || ras_ynode_is_null(n))
        return wrong(r, n, ctx, key, want);
    int32_t v;
    ras_status st = ras_percent_parse(n->text, n->len, &v);
    if (st == RAS_ERR_OVERFLOW)
        return ras_yfail(r, n, key, "%s%s'%s' must be between -%d%% and %d%%", ctx ? ctx : "",
                         sep(ctx), key, RAS_MAX_PERCENT / 100, RAS_MAX_PERCENT / 100);
    if (st != RAS_OK)
        return wrong(r, n, ctx, key, want);
    *out = v;
    return RAS_OK;
}

bool ras_parse_yes_no(const char *text, size_t len, bool *out)
{
    static const char *const yes[] = {"yes", "y", "true", "1"};
    static const char *const no[] = {"no", "n", "false", "0"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (equals_nocase(text, len, yes[i])) {
            *out = true;
            return true;
        }
        if (equals_nocase(text, len, no[i])) {
            *out = false;
            return true;
        }
    }
    return false;
}

ras_status ras_yget_bool(const ras_yreader *r, const ras_ynode *n, const char *ctx, const char *key,
                         bool *out)
{
    if (n->kind != RAS_YSCALAR || ras_ynode_is_null(n) || !ras_parse_yes_no(n->text, n->len, out))
        return wrong(r, n, ctx, key, "yes or no");
    return RAS_OK;
}

ras_status ras_yget_date(const ras_yreader *r, const ras_ynode *n, const char *ctx, const char *key,
                         ras_date *out)
{
    if (n->kind != RAS_YSCALAR || ras_ynode_is_null(n) ||
        ras_date_parse(n->text, n->len, out) != RAS_OK)
        return wrong(r, n, ctx, key, "a date that exists, written YYYY-MM-DD");
    return RAS_OK;
}
