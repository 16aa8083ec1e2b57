/* yaml_doc.c - reads one YAML document into a ras_ynode tree with
 * libyaml's event parser, refusing every construct the ras formats forbid
 * (see yaml_doc.h). Containers are built bottom-up: the children of every
 * open container wait on one shared stack and are copied into the arena
 * when the container ends, so the tree is compact and nothing leaks. */
#include "yaml_doc.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "error.h"
#include "json_pairs.h"
#include "model.h"
#include "text_check.h"

/* One open map or sequence. */
typedef struct frame {
    ras_ynode *node;
    size_t first; /* index of its first child on the pending stack */
} frame;

typedef struct builder {
    ras_ydoc *doc;
    const ras_source *src;
    ras_error *err;
    ras_ynode **pending; /* children of the open containers, in order */
    size_t n_pending, cap_pending;
    frame frames[RAS_MAX_YAML_DEPTH + 1];
    size_t depth;
    size_t documents;
} builder;

static const char *doc_name(const builder *b)
{
    return b->doc->file;
}

static ras_status fail_at(builder *b, ras_status status, const yaml_mark_t *mark, const char *fmt,
                          const char *what)
{
    return ras_fail(b->err, status, doc_name(b), (unsigned long)mark->line + 1,
                    (unsigned long)mark->column + 1, NULL, fmt, what);
}

static ras_status nomem(builder *b)
{
    return ras_fail(b->err, RAS_ERR_NOMEM, doc_name(b), 0, 0, NULL, "out of memory");
}

/* Line and column (1-based) of a byte offset, for reader errors, which
 * libyaml reports by offset only. */
static void locate_offset(const ras_source *src, size_t offset, unsigned long *line,
                          unsigned long *column)
{
    const unsigned char *p = src->data;
    unsigned long l = 1, c = 1;
    if (offset > src->size)
        offset = src->size;
    for (size_t i = 0; i < offset; i++) {
        if (p[i] == '\n') {
            l++;
            c = 1;
        } else if ((p[i] & 0xC0) != 0x80) {
            c++; /* count characters, not UTF-8 continuation bytes */
        }
    }
    *line = l;
    *column = c;
}

static bool tab_at(const ras_source *src, size_t index)
{
    return index < src->size && ((const char *)src->data)[index] == '\t';
}

/* Turns libyaml's error into a located RAS_ERR_SYNTAX (or NOMEM). */
static ras_status parser_failure(builder *b, const yaml_parser_t *p)
{
    if (p->error == YAML_MEMORY_ERROR)
        return nomem(b);
    const char *problem = p->problem ? p->problem : "malformed YAML";
    if (p->error == YAML_READER_ERROR) {
        unsigned long line, column;
        locate_offset(b->src, p->problem_offset, &line, &column);
        return ras_fail(b->err, RAS_ERR_SYNTAX, doc_name(b), line, column, NULL, "invalid YAML: %s",
                        problem);
    }
    unsigned long line = (unsigned long)p->problem_mark.line + 1;
    unsigned long column = (unsigned long)p->problem_mark.column + 1;
    const char *hint =
        tab_at(b->src, p->problem_mark.index) ? "; use spaces, not tabs, to indent YAML" : "";
    if (p->context)
        return ras_fail(b->err, RAS_ERR_SYNTAX, doc_name(b), line, column, NULL,
                        "invalid YAML: %s (%s at line %lu, column %lu)%s", problem, p->context,
                        (unsigned long)p->context_mark.line + 1,
                        (unsigned long)p->context_mark.column + 1, hint);
    return ras_fail(b->err, RAS_ERR_SYNTAX, doc_name(b), line, column, NULL, "invalid YAML: %s%s",
                    problem, hint);
}

/* A node, with room for extra bytes right after it (a scalar's text). */
static ras_ynode *new_node(builder *b, ras_ynode_kind kind, const yaml_mark_t *mark, size_t extra)
{
    ras_ynode *n = ras_arena_alloc(&b->doc->arena, sizeof *n + extra);
    if (!n)
        return NULL;
    n->kind = kind;
    /* The file is at most 16 MiB, so its positions fit in 32 bits. */
    n->line = (uint32_t)mark->line + 1;
    n->column = (uint32_t)mark->column + 1;
    return n;
}

static bool push_pending(builder *b, ras_ynode *n)
{
    if (b->n_pending == b->cap_pending) {
        size_t cap = b->cap_pending ? b->cap_pending * 2 : 64;
        if (cap > SIZE_MAX / sizeof(ras_ynode *))
            return false;
        ras_ynode **p = realloc(b->pending, cap * sizeof(ras_ynode *));
        if (!p)
            return false;
        b->pending = p;
        b->cap_pending = cap;
    }
    b->pending[b->n_pending++] = n;
    return true;
}

/* True when the next node of the innermost open container is a map key. */
static bool expecting_key(const builder *b)
{
    if (b->depth == 0)
        return false;
    const frame *f = &b->frames[b->depth - 1];
    return f->node->kind == RAS_YMAP && (b->n_pending - f->first) % 2 == 0;
}

/* Adds a finished node to its parent, or makes it the root. */
static ras_status attach(builder *b, ras_ynode *n)
{
    if (b->depth == 0) {
        b->doc->root = n;
        return RAS_OK;
    }
    return push_pending(b, n) ? RAS_OK : nomem(b);
}

static int compare_keys(const void *pa, const void *pb)
{
    const ras_ynode *a = *(ras_ynode *const *)pa;
    const ras_ynode *b = *(ras_ynode *const *)pb;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    int c = memcmp(a->text, b->text, a->len);
    if (c)
        return c;
    /* Equal keys stay in document order, so the later one is the duplicate. */
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->column < b->column ? -1 : (a->column > b->column);
}

static bool same_text(const ras_ynode *a, const ras_ynode *b)
{
    return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

static ras_status duplicate_key(builder *b, const ras_ynode *dup)
{
    /* Shown safely: a quoted key may hold newlines or terminal escapes. */
    char shown[RAS_SHOWN_MAX];
    ras_text_show(dup->text, dup->len, shown);
    return ras_fail(b->err, RAS_ERR_SYNTAX, doc_name(b), dup->line, dup->column, shown,
                    "duplicate key '%s'", shown);
}

static bool before(const ras_ynode *a, const ras_ynode *b)
{
    return a->line < b->line || (a->line == b->line && a->column < b->column);
}

/* The first key of a small map (in document order) equal to an earlier
 * one, found by comparing each with those before it: most maps hold a few
 * keys (a question's id, text, answers), and sorting each one's keys took
 * a tenth of loading a questionnaire of 100,000 questions. */
#define FEW_KEYS 8

static const ras_ynode *first_duplicate_of_few(const ras_ynode *map)
{
    for (size_t i = 1; i < map->n; i++)
        for (size_t j = 0; j < i; j++)
            if (same_text(map->items[2 * j], map->items[2 * i]))
                return map->items[2 * i];
    return NULL;
}

/* Sorting keeps the check O(n log n) even for a hostile map of many keys;
 * the duplicate reported is the first one in the document. */
static ras_status check_duplicates(builder *b, const ras_ynode *map)
{
    size_t n = map->n;
    if (n < 2)
        return RAS_OK;
    if (n <= FEW_KEYS) {
        const ras_ynode *dup = first_duplicate_of_few(map);
        return dup ? duplicate_key(b, dup) : RAS_OK;
    }
    ras_ynode **keys = malloc(n * sizeof(ras_ynode *));
    if (!keys)
        return nomem(b);
    for (size_t i = 0; i < n; i++)
        keys[i] = map->items[2 * i];
    qsort(keys, n, sizeof(ras_ynode *), compare_keys);
    const ras_ynode *dup = NULL;
    for (size_t i = 1; i < n; i++) {
        if (same_text(keys[i - 1], keys[i]) && (!dup || before(keys[i], dup)))
            dup = keys[i];
    }
    free(keys);
    return dup ? duplicate_key(b, dup) : RAS_OK;
}

static ras_status refuse_decorations(builder *b, const yaml_event_t *ev, const yaml_char_t *anchor,
                                     const yaml_char_t *tag)
{
    /* libyaml decodes %XX escapes in tags, so show them safely. */
    char shown[RAS_SHOWN_MAX];
    if (anchor) {
        ras_text_show((const char *)anchor, strlen((const char *)anchor), shown);
        return fail_at(b, RAS_ERR_SYNTAX, &ev->start_mark,
                       "YAML anchors are not allowed (found '&%s')", shown);
    }
    if (tag) {
        ras_text_show((const char *)tag, strlen((const char *)tag), shown);
        return fail_at(b, RAS_ERR_SYNTAX, &ev->start_mark, "YAML tags are not allowed (found '%s')",
                       shown);
    }
    return RAS_OK;
}

static ras_status on_scalar(builder *b, const yaml_event_t *ev)
{
    ras_status st = refuse_decorations(b, ev, ev->data.scalar.anchor, ev->data.scalar.tag);
    if (st != RAS_OK)
        return st;
    size_t len = ev->data.scalar.length;
    ras_ynode *n = new_node(b, RAS_YSCALAR, &ev->start_mark, len + 1);
    if (!n)
        return nomem(b);
    char *text = (char *)(n + 1); /* zeroed, so NUL-terminated */
    if (len)
        memcpy(text, ev->data.scalar.value, len);
    n->text = text;
    n->len = (uint32_t)len;
    n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    return attach(b, n);
}

static ras_status on_start(builder *b, const yaml_event_t *ev, ras_ynode_kind kind,
                           const yaml_char_t *anchor, const yaml_char_t *tag)
{
    ras_status st = refuse_decorations(b, ev, anchor, tag);
    if (st != RAS_OK)
        return st;
    if (expecting_key(b))
        return fail_at(b, RAS_ERR_SYNTAX, &ev->start_mark, "a key must be a plain value, not a %s",
                       kind == RAS_YMAP ? "mapping" : "list");
    if (b->depth == RAS_MAX_YAML_DEPTH)
        return ras_fail(b->err, RAS_ERR_LIMIT, doc_name(b), (unsigned long)ev->start_mark.line + 1,
                        (unsigned long)ev->start_mark.column + 1, NULL,
                        "YAML nesting is deeper than %d levels", RAS_MAX_YAML_DEPTH);
    ras_ynode *n = new_node(b, kind, &ev->start_mark, 0);
    if (!n)
        return nomem(b);
    b->frames[b->depth].node = n;
    b->frames[b->depth].first = b->n_pending;
    b->depth++;
    return RAS_OK;
}

static ras_status on_end(builder *b)
{
    if (b->depth == 0) /* libyaml balances its events; never trust it blindly */
        return ras_fail(b->err, RAS_ERR_SYNTAX, doc_name(b), 0, 0, NULL,
                        "the YAML ends a container it never opened");
    frame *f = &b->frames[--b->depth];
    ras_ynode *n = f->node;
    size_t count = b->n_pending - f->first;
    if (count) {
        n->items = ras_arena_array(&b->doc->arena, count, sizeof(ras_ynode *));
        if (!n->items)
            return nomem(b);
        memcpy(n->items, b->pending + f->first, count * sizeof(ras_ynode *));
    }
    n->n = (uint32_t)(n->kind == RAS_YMAP ? count / 2 : count);
    b->n_pending = f->first;
    if (n->kind == RAS_YMAP) {
        ras_status st = check_duplicates(b, n);
        if (st != RAS_OK)
            return st;
    }
    return attach(b, n);
}

/* Handles one event; *done is set at the end of the stream. */
static ras_status on_event(builder *b, const yaml_event_t *ev, bool *done)
{
    switch (ev->type) {
    case YAML_STREAM_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    case YAML_NO_EVENT: return RAS_OK;
    case YAML_STREAM_END_EVENT: *done = true; return RAS_OK;
    case YAML_DOCUMENT_START_EVENT:
        if (++b->documents > 1)
            return fail_at(b, RAS_ERR_SYNTAX, &ev->start_mark, "%s",
                           "only one YAML document is allowed per file");
        return RAS_OK;
    case YAML_ALIAS_EVENT:
        return fail_at(b, RAS_ERR_SYNTAX, &ev->start_mark,
                       "YAML aliases are not allowed (found '*%s')",
                       (const char *)ev->data.alias.anchor);
    case YAML_SCALAR_EVENT: return on_scalar(b, ev);
    case YAML_SEQUENCE_START_EVENT:
        return on_start(b, ev, RAS_YSEQ, ev->data.sequence_start.anchor,
                        ev->data.sequence_start.tag);
    case YAML_MAPPING_START_EVENT:
        return on_start(b, ev, RAS_YMAP, ev->data.mapping_start.anchor, ev->data.mapping_start.tag);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: return on_end(b);
    }
    return RAS_OK;
}

static ras_status run_parser(builder *b)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return nomem(b);
    yaml_parser_set_input_string(&parser, b->src->data ? b->src->data : (const void *)"",
                                 b->src->size);
    ras_status st = RAS_OK;
    bool done = false;
    while (st == RAS_OK && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            st = parser_failure(b, &parser);
            break;
        }
        st = on_event(b, &ev, &done);
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    return st;
}

/* JSON's surrogate pairs made YAML escapes (json_pairs.h): b->src
 * becomes *rewritten, whose data *joined holds, when there are any. */
static ras_status join_pairs(builder *b, char **joined, ras_source *rewritten)
{
    size_t size = 0, bad_at = 0;
    ras_status st = ras_json_join_pairs(b->src->data, b->src->size, joined, &size, &bad_at);
    if (st == RAS_ERR_NOMEM)
        return nomem(b);
    if (st != RAS_OK) {
        unsigned long line, column;
        locate_offset(b->src, bad_at, &line, &column);
        return ras_fail(b->err, RAS_ERR_SYNTAX, doc_name(b), line, column, NULL,
                        "invalid JSON: a lone UTF-16 surrogate '%.6s' (a character beyond U+FFFF "
                        "is written as a pair, such as \\uD842\\uDFB7)",
                        (const char *)b->src->data + bad_at);
    }
    if (*joined) {
        *rewritten = (ras_source){b->src->name, *joined, size};
        b->src = rewritten;
    }
    return RAS_OK;
}

ras_status ras_ydoc_parse(ras_ydoc *doc, const ras_source *src, ras_error *err)
{
    if (doc)
        memset(doc, 0, sizeof *doc); /* always safe to free afterwards */
    if (!doc || !src || (!src->data && src->size))
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "no document to parse");
    const char *name = src->name ? src->name : "-";
    doc->file = ras_arena_strndup(&doc->arena, name, strlen(name));
    if (!doc->file)
        return ras_fail(err, RAS_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
    builder b = {.doc = doc, .src = src, .err = err};
    ras_status st;
    char *joined = NULL;
    ras_source rewritten;
    if (src->size > RAS_MAX_DOC_BYTES)
        st = ras_fail(err, RAS_ERR_LIMIT, name, 0, 0, NULL, "file is larger than the %d MiB limit",
                      RAS_MAX_DOC_MIB);
    else if ((st = join_pairs(&b, &joined, &rewritten)) == RAS_OK)
        st = run_parser(&b);
    free(joined);
    free(b.pending);
    /* A bare `---` gives an empty plain scalar: as empty as no document. */
    const ras_ynode *r = doc->root;
    if (st == RAS_OK && r && r->kind == RAS_YSCALAR && r->plain && r->len == 0)
        doc->root = NULL;
    if (st != RAS_OK) {
        doc->root = NULL;
        ras_arena_free(&doc->arena);
        doc->file = NULL;
    }
    return st;
}

void ras_ydoc_free(ras_ydoc *doc)
{
    if (!doc)
        return;
    ras_arena_free(&doc->arena);
    doc->root = NULL;
    doc->file = NULL;
}

const ras_ynode *ras_ymap_get(const ras_ynode *map, const char *key)
{
    if (!map || map->kind != RAS_YMAP || !key)
        return NULL;
    size_t len = strlen(key);
    for (size_t i = 0; i < map->n; i++) {
        const ras_ynode *k = map->items[2 * i];
        if (k->len == len && memcmp(k->text, key, len) == 0)
            return map->items[2 * i + 1];
    }
    return NULL;
}
