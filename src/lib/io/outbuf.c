/* outbuf.c - the buffered CSV writer's slow paths and field quoting. */
#include "outbuf.h"

#include <errno.h>
#include <stdlib.h>

#include "error.h"

bool ras_outbuf_init(ras_outbuf *o, FILE *f)
{
    memset(o, 0, sizeof *o);
    o->f = f;
    o->buf = malloc(RAS_OUTBUF_SIZE);
    return o->buf != NULL;
}

void ras_outbuf_free(ras_outbuf *o)
{
    free(o->buf);
    o->buf = NULL;
    o->n = 0;
}

void ras_outbuf_flush(ras_outbuf *o)
{
    if (o->n && !o->failed && fwrite(o->buf, 1, o->n, o->f) != o->n)
        o->failed = true;
    o->n = 0;
}

void ras_outbuf_spill(ras_outbuf *o, const char *s, size_t len)
{
    ras_outbuf_flush(o);
    if (len > RAS_OUTBUF_SIZE) {
        if (!o->failed && fwrite(s, 1, len, o->f) != len)
            o->failed = true;
        return;
    }
    memcpy(o->buf, s, len);
    o->n = len;
}

bool ras_csv_needs_quotes(const char *s, size_t len)
{
    /* Eight bytes at a time, then one load and an OR a byte, with no
     * branch until the end: the usual field (a client id, a reason) needs
     * no quotes and is read whole anyway. */
    static const unsigned char special[256] = {['\n'] = 1, ['\r'] = 1, [','] = 1, ['"'] = 1};
    size_t i = 0;
    for (; i + 8 <= len; i += 8)
        if (ras_word_special(ras_word_at(s + i)))
            return true;
    unsigned any = 0;
    for (; i < len; i++)
        any |= special[(unsigned char)s[i]];
    return any != 0;
}

void ras_outbuf_field(ras_outbuf *o, const char *s, size_t len)
{
    bool guard = !o->raw_text && ras_csv_needs_guard(s, len);
    if (!guard && !ras_csv_needs_quotes(s, len)) {
        ras_outbuf_bytes(o, s, len);
        return;
    }
    ras_outbuf_char(o, '"');
    if (guard)
        ras_outbuf_char(o, '\'');
    for (;;) {
        const char *q = memchr(s, '"', len);
        if (!q) {
            ras_outbuf_bytes(o, s, len);
            break;
        }
        size_t n = (size_t)(q - s) + 1;
        ras_outbuf_bytes(o, s, n);
        ras_outbuf_char(o, '"');
        s += n;
        len -= n;
    }
    ras_outbuf_char(o, '"');
}

static char *put_quoted(char *p, bool guard, const char *s, size_t len)
{
    *p++ = '"';
    if (guard)
        *p++ = '\'';
    /* Runs between quotes copied whole: most quoted fields hold a comma
     * and no quote. */
    while (len > 0) {
        const char *q = memchr(s, '"', len);
        size_t n = q ? (size_t)(q - s) + 1 : len;
        memcpy(p, s, n);
        p += n;
        if (q)
            *p++ = '"';
        s += n;
        len -= n;
    }
    *p++ = '"';
    return p;
}

char *ras_put_quoted(char *p, const char *s, size_t len)
{
    return put_quoted(p, false, s, len);
}

char *ras_put_guarded(char *p, const char *s, size_t len)
{
    return put_quoted(p, true, s, len);
}

void ras_outbuf_vmessage(ras_outbuf *o, const char *fmt, va_list ap)
{
    char message[RAS_ERROR_MESSAGE_MAX + 64];
    int n = vsnprintf(message, sizeof message, fmt, ap);
    size_t len = n < 0 ? 0 : (size_t)n < sizeof message ? (size_t)n : sizeof message - 1;
    ras_outbuf_field(o, message, len);
}

ras_status ras_outbuf_finish(ras_outbuf *o, ras_error *err)
{
    ras_outbuf_flush(o);
    if (o->failed || fflush(o->f) != 0 || ferror(o->f))
        return ras_fail(err, RAS_ERR_IO, NULL, 0, 0, NULL, "cannot write the output: %s",
                        strerror(errno ? errno : EIO));
    return RAS_OK;
}
