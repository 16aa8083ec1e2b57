/* case_write.c - writing a case as YAML of docs/model-format.md section 6, in a form
 * ras_case_load reads back to the same case: the questionnaire's id and
 * version, client details that differ
 * from their defaults (and always the id), then the answers in
 * questionnaire order. */
#include <stdio.h>
#include <string.h>

#include "case.h"
#include "model.h"

/* True when text can be written as a plain YAML scalar and read back as
 * the same text: a letter, digit or '_' then letters, digits, '_', '.' or
 * '-', and not a word YAML reads as null. */
static bool plain_ok(const char *text, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++) {
        char ch = text[i];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '_' || (i > 0 && (ch == '.' || ch == '-'));
        if (!ok)
            return false;
    }
    static const char *const nulls[] = {"null", "Null", "NULL"};
    for (size_t i = 0; i < 3; i++)
        if (len == 4 && memcmp(text, nulls[i], 4) == 0)
            return false;
    return true;
}

/* The code point of the UTF-8 sequence at s (text is valid UTF-8, as the
 * case checks), and its length in *n. */
static unsigned long decode_utf8(const unsigned char *s, size_t *n)
{
    if (s[0] < 0xe0) {
        *n = 2;
        return ((s[0] & 0x1fUL) << 6) | (s[1] & 0x3fUL);
    }
    if (s[0] < 0xf0) {
        *n = 3;
        return ((s[0] & 0x0fUL) << 12) | ((s[1] & 0x3fUL) << 6) | (s[2] & 0x3fUL);
    }
    *n = 4;
    return ((s[0] & 0x07UL) << 18) | ((s[1] & 0x3fUL) << 12) | ((s[2] & 0x3fUL) << 6) |
           (s[3] & 0x3fUL);
}

/* True for the characters YAML would not keep as they are inside a
 * quoted scalar: C1 controls, the line breaks NEL, LS and PS (a reader
 * folds them), and the byte-order mark and non-characters. */
static bool needs_escape(unsigned long cp)
{
    return (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff ||
           cp == 0xfffe || cp == 0xffff;
}

/* Writes text as a scalar: plain when safe, else double-quoted with
 * quote, backslash, control characters and YAML line breaks escaped, so
 * ras_case_load reads back exactly the same bytes. */
static void write_quoted(FILE *out, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    fputc('"', out);
    for (size_t i = 0; i < len;) {
        unsigned char ch = s[i];
        if (ch == '"' || ch == '\\') {
            fputc('\\', out);
            fputc(ch, out);
            i++;
        } else if (ch < 0x20 || ch == 0x7f) {
            fprintf(out, "\\x%02x", ch);
            i++;
        } else if (ch < 0x80) {
            fputc(ch, out);
            i++;
        } else {
            size_t n = 1;
            unsigned long cp = decode_utf8(s + i, &n);
            if (n > len - i)
                n = len - i;
            if (needs_escape(cp))
                fprintf(out, "\\u%04lx", cp);
            else
                fwrite(s + i, 1, n, out);
            i += n;
        }
    }
    fputc('"', out);
}

static void write_scalar(FILE *out, const char *text)
{
    size_t len = strlen(text);
    if (plain_ok(text, len))
        fwrite(text, 1, len, out);
    else
        write_quoted(out, text, len);
}

/* The questionnaire the case was answered on, so that `ras score` can
 * pick its model and refuse another's (docs/model-format.md section 6.1).
 * The version is always quoted: "2024.10" must not read as a number. */
static void write_origin(const ras_model *m, FILE *out)
{
    fputs("questionnaire: ", out);
    write_scalar(out, m->id);
    fputs("\nquestionnaire_version: ", out);
    write_quoted(out, m->version, strlen(m->version));
    fputc('\n', out);
}

static void write_client(const ras_case *c, FILE *out)
{
    fputs("client:\n  id: ", out);
    write_scalar(out, c->client_id);
    fputc('\n', out);
    if (c->has_group) {
        fputs("  group: ", out);
        write_scalar(out, c->group);
        fputc('\n', out);
    }
    if (!c->new_client)
        fputs("  new_client: no\n", out);
    if (c->needs_increased)
        fputs("  needs_increased: yes\n", out);
    if (c->has_existing) {
        char amount[32];
        ras_money_format(c->existing, RAS_MONEY_PLAIN, NULL, amount, sizeof amount);
        fprintf(out, "  existing_package: %s\n", amount);
    }
    if (c->assessed_on) {
        char date[11];
        ras_date_format(c->assessed_on, date);
        fprintf(out, "  assessed_on: %s\n", date);
    }
}

static void write_answer(const ras_case *c, const ras_question *q, FILE *out)
{
    fputs("  ", out);
    write_scalar(out, q->id);
    fputs(": ", out);
    switch (q->type) {
    case RAS_SINGLE: write_scalar(out, q->answers[c->single[q->index]].id); break;
    case RAS_NUMBER: fprintf(out, "%lld", (long long)c->number[q->index]); break;
    case RAS_MULTIPLE: {
        const char *sep = "";
        fputc('[', out);
        for (size_t i = 0; i < q->n_answers; i++) {
            if (!c->chosen[q->first_answer + i])
                continue;
            fputs(sep, out);
            write_scalar(out, q->answers[i].id);
            sep = ", ";
        }
        fputc(']', out);
        break;
    }
    }
    fputc('\n', out);
}

ras_status ras_case_write(const ras_case *c, FILE *out)
{
    if (!c || !out)
        return RAS_ERR_ARG;
    const ras_model *m = c->model;
    write_origin(m, out);
    write_client(c, out);
    size_t answered = 0;
    for (size_t i = 0; i < m->n_questions; i++)
        answered += c->answered[i] ? 1 : 0;
    fputs(answered ? "answers:\n" : "answers: {}\n", out);
    for (size_t i = 0; i < m->n_questions; i++) {
        const ras_question *q = &m->questions[i];
        if (c->answered[i] && (q->type != RAS_SINGLE || c->single[i] >= 0))
            write_answer(c, q, out);
    }
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}
