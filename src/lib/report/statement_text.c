/* statement_text.c - the statement's text sink: what `ras score` prints,
 * in columns for a terminal (points and amounts right-aligned), with
 * paragraphs wrapped to fit 80 columns. */
#include <string.h>

#include "statement.h"

#define KEY_WIDTH 19   /* "Existing package " and the like */
#define LABEL_WIDTH 58 /* where the points or amount column starts */
#define VALUE_WIDTH 14 /* the points or amount column */
#define WRAP 78        /* the widest a paragraph line is */

/* Columns on screen: UTF-8 continuation bytes take none ("£" is one). */
static size_t columns(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            n++;
    return n;
}

static void pad(FILE *out, size_t n)
{
    while (n-- > 0)
        fputc(' ', out);
}

static void bold(const ras_sink *s, bool on)
{
    if (s->color)
        fputs(on ? "\033[1m" : "\033[0m", s->out);
}

/* Writes text as lines of at most width columns, the first indented by
 * indent and the others by hang, broken at spaces (a word longer than a
 * line stays whole). Every line but the last ends in a new line; returns
 * the columns the last one takes. */
static size_t wrap_to(FILE *out, size_t indent, size_t hang, size_t width, const char *text)
{
    const char *p = text;
    size_t used = indent;
    pad(out, indent);
    while (*p) {
        size_t len = 0, cols = used, last_space = 0;
        while (p[len] && (cols < width || last_space == 0)) {
            if (p[len] == ' ')
                last_space = len;
            if (((unsigned char)p[len] & 0xc0) != 0x80)
                cols++;
            len++;
        }
        if (p[len] && cols >= width && last_space)
            len = last_space;
        fwrite(p, 1, len, out);
        used += columns(p, len);
        p += len;
        while (*p == ' ')
            p++;
        if (*p) {
            fputc('\n', out);
            pad(out, hang);
            used = hang;
        }
    }
    return used;
}

/* A paragraph: lines of at most WRAP columns. */
static void wrap(FILE *out, size_t indent, const char *text)
{
    wrap_to(out, indent, indent, WRAP, text);
    fputc('\n', out);
}

static void text_begin(ras_sink *s, const char *title, const char *council)
{
    bold(s, true);
    fputs(title, s->out);
    bold(s, false);
    fputc('\n', s->out);
    if (council)
        fprintf(s->out, "%s\n", council);
}

static void text_lead(ras_sink *s, const char *sentence)
{
    fputc('\n', s->out);
    bold(s, true);
    wrap_to(s->out, 0, 0, WRAP, sentence);
    bold(s, false);
    fputc('\n', s->out);
}

static void text_heading(ras_sink *s, const char *text)
{
    s->open = 0;
    fputc('\n', s->out);
    bold(s, true);
    fputs(text, s->out);
    bold(s, false);
    fputc('\n', s->out);
}

static void text_subheading(ras_sink *s, const char *text)
{
    s->open = 0;
    fprintf(s->out, "\n  %s\n", text);
}

/* Paragraphs one after another are kept apart by a blank line. */
static void text_para(ras_sink *s, const char *text)
{
    if (s->open)
        fputc('\n', s->out);
    wrap(s->out, 2, text);
    s->open = 1;
}

/* A label indented by its level, a right-aligned value and an optional
 * note after it. A label too long for its column is wrapped, the value
 * beside its last line. */
static void text_row(ras_sink *s, int level, const char *label, const char *value, const char *note,
                     bool strong)
{
    size_t indent = 2 + 2 * (size_t)level;
    if (strong)
        bold(s, true);
    size_t used = wrap_to(s->out, indent, indent + 2, value ? LABEL_WIDTH - 1 : WRAP, label);
    if (value) {
        pad(s->out, used < LABEL_WIDTH ? LABEL_WIDTH - used : 1);
        size_t vw = columns(value, strlen(value));
        pad(s->out, vw < VALUE_WIDTH ? VALUE_WIDTH - vw : 0);
        fputs(value, s->out);
    }
    if (strong)
        bold(s, false);
    if (note && *note)
        fprintf(s->out, "   %s", note);
    fputc('\n', s->out);
    s->open = 0;
}

static void text_record(ras_sink *s, const char *key, const char *value)
{
    fprintf(s->out, "  %s", key);
    pad(s->out, KEY_WIDTH > strlen(key) ? KEY_WIDTH - strlen(key) : 1);
    fprintf(s->out, "%s\n", value);
}

static void text_chart(ras_sink *s, const ras_model *m, const ras_result *r)
{
    (void)s, (void)m, (void)r; /* the rows below say it all on a terminal */
}

static void text_end(ras_sink *s)
{
    (void)s;
}

const ras_sink_ops ras_text_sink = {text_begin,      text_lead,  text_heading,
                                    text_subheading, text_para,  text_row,
                                    text_record,     text_chart, text_end};
