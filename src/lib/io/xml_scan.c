/* xml_scan.c - the worksheet scanner (xml_scan.h). */
#include "xml_scan.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"

#define FIRST_CAP ((size_t)256 * 1024)
#define READ_MIN ((size_t)64 * 1024)

/* What a step made of the bytes in the buffer. */
typedef enum { STEP_DONE, STEP_MORE, STEP_FAILED } step;

static const char not_xml[] =
    "not well-formed XML: a byte that is not UTF-8, or a stray '<' or '&'";

ras_status ras_xml_scan_init(ras_xml_scan *x, ras_chunk_fn read, void *read_ctx, const char *file,
                             const char *part, void *user, ras_xml_start_fn start,
                             ras_xml_end_fn end, ras_xml_text_fn text, ras_error *err)
{
    memset(x, 0, sizeof *x);
    x->read = read;
    x->read_ctx = read_ctx;
    x->file = file;
    x->part = part;
    x->user = user;
    x->start = start;
    x->end = end;
    x->text = text;
    x->line = 1;
    x->buf = malloc(FIRST_CAP);
    if (!x->buf)
        return ras_fail(err, RAS_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
    x->cap = FIRST_CAP;
    return RAS_OK;
}

void ras_xml_scan_free(ras_xml_scan *x)
{
    free(x->buf);
    free((void *)x->atts);
    x->buf = NULL;
    x->atts = NULL;
}

static void vfail_at(ras_xml_scan *x, uint64_t at, ras_status status, const char *fmt, va_list ap)
{
    if (x->failed != RAS_OK)
        return;
    x->failed = status;
    x->failed_at = at;
    ras_error_clear(&x->err);
    x->err.status = status;
    vsnprintf(x->err.message, sizeof x->err.message, fmt, ap);
}

static void fail_at(ras_xml_scan *x, uint64_t at, ras_status status, const char *fmt, ...)
    RAS_PRINTF(4, 5);

static void fail_at(ras_xml_scan *x, uint64_t at, ras_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail_at(x, at, status, fmt, ap);
    va_end(ap);
}

void ras_xml_scan_fail(ras_xml_scan *x, ras_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail_at(x, x->token, status, fmt, ap);
    va_end(ap);
}

/* Counts the lines in buf[from, to). */
static void count_lines(ras_xml_scan *x, size_t from, size_t to)
{
    const char *p = x->buf + from, *e = x->buf + to;
    while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
        x->line++;
        p++;
        x->line_start = x->base + (uint64_t)(p - x->buf);
    }
}

/* The error, located at its offset in the part. */
static ras_status located(ras_xml_scan *x, ras_error *err)
{
    if (x->failed == RAS_ERR_IO || x->failed == RAS_ERR_NOMEM || x->err.file[0]) {
        if (err)
            *err = x->err;
        return x->failed;
    }
    uint64_t at = x->failed_at;
    if (at > x->base + x->len)
        at = x->base + x->len;
    unsigned long line = x->line;
    uint64_t line_start = x->line_start;
    if (at > x->base) {
        const char *p = x->buf, *e = x->buf + (at - x->base);
        while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
            line++;
            p++;
            line_start = x->base + (uint64_t)(p - x->buf);
        }
    }
    unsigned long col = at >= line_start ? (unsigned long)(at - line_start) + 1 : 1;
    return ras_fail(err, x->failed, x->file, 0, 0, NULL, "%s, line %lu, column %lu: %s", x->part,
                    line, col, x->err.message);
}

/* Reads more of the part behind what is left in the buffer, moving that
 * to the front (its lines counted) and growing the buffer up to the most
 * a tag may take. */
static ras_status refill(ras_xml_scan *x, ras_error *err)
{
    if (x->pos > 0) {
        count_lines(x, 0, x->pos);
        memmove(x->buf, x->buf + x->pos, x->len - x->pos);
        x->base += x->pos;
        x->len -= x->pos;
        x->pos = 0;
    }
    if (x->cap - x->len < READ_MIN) {
        if (x->cap >= RAS_XML_SCAN_TAG_MAX + FIRST_CAP) {
            fail_at(x, x->base, RAS_ERR_LIMIT,
                    "a tag is longer than %zu bytes (the limit on a tag)", RAS_XML_SCAN_TAG_MAX);
            return RAS_ERR_LIMIT;
        }
        char *b = realloc(x->buf, x->cap * 2);
        if (!b)
            return ras_fail(err, RAS_ERR_NOMEM, x->file, 0, 0, NULL, "out of memory");
        x->buf = b;
        x->cap *= 2;
    }
    size_t got = 0;
    ras_status st = x->read(x->read_ctx, x->buf + x->len, x->cap - x->len, &got, err);
    if (st != RAS_OK)
        return st;
    if (got == 0)
        x->eof = true;
    x->len += got;
    return RAS_OK;
}

/* ---- checking text ---------------------------------------------------- */

/* The length of the UTF-8 character at p (before end), 0 when it is not
 * one, or -1 when it is cut short by end. Code points XML does not allow
 * (surrogates, U+FFFE, U+FFFF) are refused as expat refuses them. */
static int utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    int n;
    unsigned min;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf)
        n = 2, min = 0x80, cp = c & 0x1fu;
    else if (c >= 0xe0 && c <= 0xef)
        n = 3, min = 0x800, cp = c & 0x0fu;
    else if (c >= 0xf0 && c <= 0xf4)
        n = 4, min = 0x10000, cp = c & 0x07u;
    else
        return 0;
    for (int i = 1; i < n; i++) {
        if (p + i >= end)
            return -1;
        if ((p[i] & 0xc0u) != 0x80u)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3fu);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe || cp == 0xffff)
        return 0;
    return n;
}

/* A character reference's code point as UTF-8 into out (4 bytes);
 * 0 when XML does not allow it. */
static size_t put_utf8(uint32_t cp, char *out)
{
    bool allowed = cp == 0x9 || cp == 0xa || cp == 0xd || (cp >= 0x20 && cp <= 0xd7ff) ||
                   (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!allowed)
        return 0;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* The entity or character reference at p ("&amp;"), whose ';' is at
 * semi: decoded into out; 0 when it is not one XML knows without a DTD. */
static size_t entity(const char *p, const char *semi, char *out)
{
    size_t n = (size_t)(semi - p - 1);
    const char *name = p + 1;
    static const struct {
        const char *name;
        char ch;
    } named[] = {{"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strlen(named[i].name) == n && memcmp(name, named[i].name, n) == 0) {
            out[0] = named[i].ch;
            return 1;
        }
    if (n < 2 || name[0] != '#')
        return 0;
    bool hex = name[1] == 'x';
    size_t i = hex ? 2 : 1;
    if (i == n)
        return 0;
    uint32_t cp = 0;
    for (; i < n; i++) {
        char c = name[i];
        unsigned d;
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (hex && c >= 'a' && c <= 'f')
            d = (unsigned)(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F')
            d = (unsigned)(c - 'A' + 10);
        else
            return 0;
        cp = cp * (hex ? 16u : 10u) + d;
        if (cp > 0x10ffff)
            return 0;
    }
    return put_utf8(cp, out);
}

/* The longest reference: "&#x10FFFF;" and a little. */
#define ENTITY_MAX 12

/* Decoded text from buf[pos] to buf[stop] (the next '<' or the buffer's
 * end) to the text handler, checked; in CDATA (raw) '&' is itself. */
static step wanted_text(ras_xml_scan *x, size_t stop, bool raw)
{
    const unsigned char *b = (const unsigned char *)x->buf;
    size_t p = x->pos, run = p;
    while (p < stop) {
        unsigned c = b[p];
        if ((c >= 0x20 && c < 0x80 && (c != '&' || raw)) || c == '\t' || c == '\n') {
            p++;
            continue;
        }
        if (c >= 0x80) {
            int n = utf8_len(b + p, b + stop);
            if (n > 0) {
                p += (size_t)n;
                continue; /* part of the run */
            }
        }
        if (p > run)
            x->text(x->user, x->buf + run, p - run);
        x->pos = p;
        bool more = !x->eof && stop == x->len; /* the buffer ends the text, not '<' */
        if (c == '&') {
            size_t left = stop - p;
            const char *semi = memchr(x->buf + p, ';', left < ENTITY_MAX ? left : ENTITY_MAX);
            if (!semi) {
                if (left < ENTITY_MAX && more)
                    return STEP_MORE;
                fail_at(x, x->base + p, RAS_ERR_SYNTAX, "%s", not_xml);
                return STEP_FAILED;
            }
            char out[4];
            size_t n = entity(x->buf + p, semi, out);
            if (n == 0) {
                fail_at(x, x->base + p, RAS_ERR_SYNTAX,
                        "'%.*s' is not an entity a workbook may use (no DTD is read)",
                        (int)(semi - (x->buf + p) + 1), x->buf + p);
                return STEP_FAILED;
            }
            x->text(x->user, out, n);
            p = (size_t)(semi - x->buf) + 1;
        } else if (c == '\r') { /* line ends become "\n" (XML 1.0, 2.11) */
            if (p + 1 == stop && more)
                return STEP_MORE;
            x->text(x->user, "\n", 1);
            p += p + 1 < stop && b[p + 1] == '\n' ? 2 : 1;
        } else if (c >= 0x80 && more && utf8_len(b + p, b + stop) < 0) {
            return STEP_MORE; /* a character cut by the buffer's end */
        } else {
            fail_at(x, x->base + p, RAS_ERR_SYNTAX, "%s", not_xml);
            return STEP_FAILED;
        }
        if (x->failed != RAS_OK)
            return STEP_FAILED;
        run = p;
    }
    if (p > run)
        x->text(x->user, x->buf + run, p - run);
    x->pos = p;
    return STEP_DONE;
}

static inline bool blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Text between tags: given to the handler when wanted, else skipped;
 * outside the root element only white space may stand. */
static step text(ras_xml_scan *x)
{
    const char *lt = memchr(x->buf + x->pos, '<', x->len - x->pos);
    size_t stop = lt ? (size_t)(lt - x->buf) : x->len;
    if (x->depth == 0) {
        for (size_t p = x->pos; p < stop; p++)
            if (!blank((unsigned char)x->buf[p])) {
                fail_at(x, x->base + p, RAS_ERR_SYNTAX, "%s",
                        "not well-formed XML: text outside the root element");
                return STEP_FAILED;
            }
        x->pos = stop;
        return stop < x->len || x->eof ? STEP_DONE : STEP_MORE;
    }
    if (!x->want) {
        x->pos = stop;
        return STEP_DONE;
    }
    step s = wanted_text(x, stop, false);
    if (s == STEP_DONE && x->pos == x->len && !x->eof)
        return STEP_MORE;
    return s;
}

/* ---- tags ------------------------------------------------------------- */

static uint32_t name_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static const char *local_name(const char *name, size_t *len)
{
    const char *colon = memchr(name, ':', *len);
    if (!colon)
        return name;
    *len -= (size_t)(colon + 1 - name);
    return colon + 1;
}

/* Bytes that end a name: white space, '>', '/', '=', '<' and quotes. */
static const unsigned char name_ends[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1, ['>'] = 1,
    ['/'] = 1,  ['='] = 1,  ['<'] = 1,  ['"'] = 1, ['\''] = 1};

static inline bool name_char(unsigned char c)
{
    return !name_ends[c];
}

/* Decodes an attribute's value in place (entities; white space becomes a
 * space) and ends it with a NUL. false when it holds a bad reference. */
static bool attr_value(char *v, size_t n)
{
    char *w = v;
    for (size_t i = 0; i < n; i++) {
        char c = v[i];
        if (c == '&') {
            char *semi = memchr(v + i, ';', n - i);
            char out[4];
            size_t k = semi ? entity(v + i, semi, out) : 0;
            if (k == 0)
                return false;
            memcpy(w, out, k); /* never longer than the reference */
            w += k;
            i = (size_t)(semi - v);
        } else {
            *w++ = c;
            if (c == '\t' || c == '\n' || c == '\r')
                w[-1] = ' ';
        }
    }
    *w = '\0';
    return true;
}

static bool atts_room(ras_xml_scan *x, size_t n)
{
    if (n <= x->atts_cap)
        return true;
    size_t cap = x->atts_cap ? x->atts_cap * 2 : 32;
    while (cap < n)
        cap *= 2;
    const char **a = realloc((void *)x->atts, cap * sizeof *a);
    if (!a)
        return false;
    x->atts = a;
    x->atts_cap = cap;
    return true;
}

/* The start tag buf[pos] '<' to gt '>': its attributes split in place. */
static step start_tag(ras_xml_scan *x, size_t gt)
{
    char *b = x->buf;
    size_t p = x->pos + 1, name_at = p;
    while (p < gt && name_char((unsigned char)b[p]))
        p++;
    size_t name_len = p - name_at;
    if (name_len == 0) {
        fail_at(x, x->token, RAS_ERR_SYNTAX, "%s", not_xml);
        return STEP_FAILED;
    }
    bool empty = b[gt - 1] == '/' && gt - 1 >= p;
    size_t end = empty ? gt - 1 : gt, n = 0;
    for (;;) {
        while (p < end && blank((unsigned char)b[p]))
            p++;
        if (p == end)
            break;
        size_t an = p;
        while (p < end && name_char((unsigned char)b[p]))
            p++;
        size_t an_end = p;
        while (p < end && blank((unsigned char)b[p]))
            p++;
        if (an_end == an || p == end || b[p] != '=') {
            fail_at(x, x->base + p, RAS_ERR_SYNTAX, "%s", not_xml);
            return STEP_FAILED;
        }
        p++;
        while (p < end && blank((unsigned char)b[p]))
            p++;
        char q = '\0';
        if (p < end)
            q = b[p];
        char *close = q == '"' || q == '\'' ? memchr(b + p + 1, q, end - p - 1) : NULL;
        if (!close || memchr(b + p + 1, '<', (size_t)(close - (b + p + 1)))) {
            fail_at(x, x->base + p, RAS_ERR_SYNTAX, "%s", not_xml);
            return STEP_FAILED;
        }
        if (!atts_room(x, 2 * n + 3)) {
            fail_at(x, x->token, RAS_ERR_NOMEM, "out of memory");
            return STEP_FAILED;
        }
        b[an_end] = '\0';
        if (!attr_value(b + p + 1, (size_t)(close - (b + p + 1)))) {
            fail_at(x, x->base + p, RAS_ERR_SYNTAX, "%s", not_xml);
            return STEP_FAILED;
        }
        x->atts[2 * n] = b + an;
        x->atts[2 * n + 1] = b + p + 1;
        n++;
        p = (size_t)(close - b) + 1;
        if (p < end && !blank((unsigned char)b[p])) {
            fail_at(x, x->base + p, RAS_ERR_SYNTAX, "%s", not_xml);
            return STEP_FAILED;
        }
    }
    if (!atts_room(x, 2 * n + 1)) {
        fail_at(x, x->token, RAS_ERR_NOMEM, "out of memory");
        return STEP_FAILED;
    }
    x->atts[2 * n] = NULL;
    if (x->depth == 0 && x->root_seen) {
        fail_at(x, x->token, RAS_ERR_SYNTAX, "%s",
                "not well-formed XML: an element after the root element");
        return STEP_FAILED;
    }
    if (x->depth == RAS_XML_SCAN_DEPTH) {
        fail_at(x, x->token, RAS_ERR_LIMIT, "elements nested more than %d deep (the limit)",
                RAS_XML_SCAN_DEPTH);
        return STEP_FAILED;
    }
    x->root_seen = true;
    size_t local_len = name_len;
    const char *local = local_name(b + name_at, &local_len);
    x->pos = gt + 1;
    if (!empty)
        x->open[x->depth++] = name_hash(b + name_at, name_len);
    x->start(x->user, local, local_len, x->atts);
    if (empty && x->failed == RAS_OK)
        x->end(x->user, local, local_len);
    return x->failed == RAS_OK ? STEP_DONE : STEP_FAILED;
}

static step end_tag(ras_xml_scan *x, size_t gt)
{
    char *b = x->buf;
    size_t p = x->pos + 2, name_at = p;
    while (p < gt && name_char((unsigned char)b[p]))
        p++;
    size_t name_len = p - name_at;
    while (p < gt && blank((unsigned char)b[p]))
        p++;
    if (name_len == 0 || p != gt || x->depth == 0 ||
        x->open[x->depth - 1] != name_hash(b + name_at, name_len)) {
        fail_at(x, x->token, RAS_ERR_SYNTAX, "%s",
                "not well-formed XML: an end tag that closes no open element (mismatched tag)");
        return STEP_FAILED;
    }
    x->depth--;
    x->pos = gt + 1;
    size_t local_len = name_len;
    const char *local = local_name(b + name_at, &local_len);
    x->end(x->user, local, local_len);
    return x->failed == RAS_OK ? STEP_DONE : STEP_FAILED;
}

/* Where the tag at buf[pos] ends: its '>' (quotes in attribute values
 * skipped), or 0 when it is not all in the buffer. */
static size_t tag_end(const ras_xml_scan *x)
{
    const char *b = x->buf;
    char q = 0;
    for (size_t p = x->pos + 1; p < x->len; p++) {
        char c = b[p];
        if (q) {
            if (c == q)
                q = 0;
        } else if (c == '"' || c == '\'') {
            q = c;
        } else if (c == '>') {
            return p;
        }
    }
    return 0;
}

/* The end of a construct ending in the text close ("-->", "?>", "]]>"),
 * searched from buf[from]: the index after it, or 0 when not there yet. */
static size_t find_close(const ras_xml_scan *x, size_t from, const char *close)
{
    size_t n = strlen(close);
    for (size_t p = from; p + n <= x->len; p++) {
        const char *hit = memchr(x->buf + p, close[0], x->len - p);
        if (!hit)
            return 0;
        p = (size_t)(hit - x->buf);
        if (p + n <= x->len && memcmp(hit, close, n) == 0)
            return p + n;
    }
    return 0;
}

static bool starts(const ras_xml_scan *x, const char *s)
{
    size_t n = strlen(s);
    return x->len - x->pos >= n && memcmp(x->buf + x->pos, s, n) == 0;
}

/* The XML declaration: the part must be UTF-8. */
static step declaration(ras_xml_scan *x, size_t after)
{
    const char *b = x->buf + x->pos;
    size_t n = after - x->pos;
    const char *enc = NULL;
    for (size_t i = 0; i + 9 <= n; i++)
        if (memcmp(b + i, "encoding", 8) == 0) {
            enc = b + i + 8;
            break;
        }
    if (enc) {
        while (enc < b + n && (blank((unsigned char)*enc) || *enc == '='))
            enc++;
        if (enc < b + n && (*enc == '"' || *enc == '\''))
            enc++;
        const char *e = enc;
        while (e < b + n && *e != '"' && *e != '\'')
            e++;
        size_t len = (size_t)(e - enc);
        bool utf8 = (len == 5 && strncasecmp(enc, "utf-8", 5) == 0) ||
                    (len == 4 && strncasecmp(enc, "utf8", 4) == 0);
        if (!utf8) {
            fail_at(x, x->base + (uint64_t)(enc - x->buf), RAS_ERR_SYNTAX, "%s",
                    "an encoding a workbook does not use (its XML is UTF-8): save it again from "
                    "Excel or LibreOffice");
            return STEP_FAILED;
        }
    }
    x->pos = after;
    return STEP_DONE;
}

/* The markup at buf[pos] '<'. */
static step markup(ras_xml_scan *x)
{
    if (x->len - x->pos < 2)
        return x->eof ? STEP_FAILED : STEP_MORE;
    char c = x->buf[x->pos + 1];
    if (c == '!') {
        if (x->len - x->pos < 9 && !x->eof)
            return STEP_MORE;
        const char *close = starts(x, "<!--") ? "-->" : starts(x, "<![CDATA[") ? "]]>" : NULL;
        if (!close) {
            const char *why = starts(x, "<!DOCTYPE")
                                  ? "a document type declaration (<!DOCTYPE>) is not allowed in a "
                                    "workbook: its entities could expand without limit"
                                  : not_xml;
            fail_at(x, x->token, RAS_ERR_SYNTAX, "%s", why);
            return STEP_FAILED;
        }
        size_t after = find_close(x, x->pos + 4, close);
        if (!after)
            return x->eof ? STEP_FAILED : STEP_MORE;
        if (close[0] == ']') { /* CDATA: its text as it stands */
            if (x->depth == 0) {
                fail_at(x, x->token, RAS_ERR_SYNTAX, "%s", not_xml);
                return STEP_FAILED;
            }
            if (x->want) {
                x->pos += 9;
                if (wanted_text(x, after - 3, true) != STEP_DONE)
                    return STEP_FAILED; /* the whole section is in the buffer */
            }
        }
        x->pos = after;
        return STEP_DONE;
    }
    if (c == '?') {
        size_t after = find_close(x, x->pos + 2, "?>");
        if (!after)
            return x->eof ? STEP_FAILED : STEP_MORE;
        if (x->token <= 3 && starts(x, "<?xml") && blank((unsigned char)x->buf[x->pos + 5]))
            return declaration(x, after);
        x->pos = after;
        return STEP_DONE;
    }
    size_t gt = tag_end(x);
    if (!gt)
        return x->eof ? STEP_FAILED : STEP_MORE;
    return c == '/' ? end_tag(x, gt) : start_tag(x, gt);
}

/* The start of the part: a UTF-8 byte order mark is skipped; UTF-16 is
 * refused. */
static step begin(ras_xml_scan *x)
{
    const unsigned char *b = (const unsigned char *)x->buf;
    size_t n = x->len;
    if (n < 3 && !x->eof)
        return STEP_MORE;
    if (n >= 2 && ((b[0] == 0xfe && b[1] == 0xff) || (b[0] == 0xff && b[1] == 0xfe) ||
                   (b[0] == 0 && b[1] == '<') || (b[0] == '<' && b[1] == 0))) {
        fail_at(x, 0, RAS_ERR_SYNTAX, "%s",
                "an encoding a workbook does not use (its XML is UTF-8): save it again from "
                "Excel or LibreOffice");
        return STEP_FAILED;
    }
    if (n >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
        x->pos = 3;
    x->begun = true;
    return STEP_DONE;
}

ras_status ras_xml_scan_run(ras_xml_scan *x, bool *paused, ras_error *err)
{
    *paused = false;
    x->pause = false;
    while (!x->ended) {
        step s;
        x->token = x->base + x->pos;
        if (!x->begun)
            s = begin(x);
        else if (x->pos == x->len)
            s = x->eof ? STEP_DONE : STEP_MORE;
        else if (x->buf[x->pos] == '<')
            s = markup(x);
        else
            s = text(x);
        if (x->failed != RAS_OK) /* a handler's error */
            s = STEP_FAILED;
        if (s == STEP_FAILED) {
            if (x->failed == RAS_OK) /* cut short inside a construct */
                fail_at(x, x->token, RAS_ERR_SYNTAX, "%s",
                        "not well-formed XML: the part ends inside a tag (it is cut short)");
            return located(x, err);
        }
        if (s == STEP_MORE) {
            bool was_eof = x->eof;
            ras_status st = refill(x, err);
            if (st != RAS_OK)
                return x->failed != RAS_OK ? located(x, err) : st;
            if (was_eof) { /* more was needed, but there is no more */
                fail_at(x, x->token, RAS_ERR_SYNTAX, "%s",
                        "not well-formed XML: the part ends inside a tag (it is cut short)");
                return located(x, err);
            }
            continue;
        }
        if (x->begun && x->pos == x->len && x->eof) {
            if (!x->root_seen || x->depth > 0) {
                fail_at(x, x->base + x->len, RAS_ERR_SYNTAX, "%s",
                        x->root_seen ? "not well-formed XML: the part ends inside an element "
                                       "(it is cut short)"
                                     : "not well-formed XML: no element found");
                return located(x, err);
            }
            x->ended = true;
        }
        if (x->pause) {
            *paused = true;
            return RAS_OK;
        }
    }
    return RAS_OK;
}
