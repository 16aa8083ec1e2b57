/* reasons.c - error rows counted by reason (reasons.h). */
#include "reasons.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Past a "line N, " or "line N: " at the start of message. */
static const char *past_line(const char *m)
{
    if (strncmp(m, "line ", 5) != 0)
        return m;
    const char *p = m + 5;
    if (*p < '0' || *p > '9')
        return m;
    while (*p >= '0' && *p <= '9')
        p++;
    if ((p[0] == ',' || p[0] == ':') && p[1] == ' ')
        return p + 2;
    return m;
}

void ras_reason_of(const char *message, char *out, size_t size)
{
    const char *p = past_line(message);
    size_t n = 0;
    unsigned quotes = 0; /* quote marks seen; the first pair is kept */
    bool inside = false;
    if (size == 0)
        return;
    for (; *p && n + 4 < size; p++) {
        if (*p == '\'' && (inside || p == message || p[-1] == ' ' || p[-1] == '(')) {
            /* An opening quote follows a space; a closing one ends the value. */
            inside = !inside;
            quotes++;
            if (quotes > 2 && inside) {
                memcpy(out + n, "'...", 4);
                n += 4;
                continue;
            }
            out[n++] = '\'';
            continue;
        }
        if (inside && quotes > 2)
            continue;
        out[n++] = *p;
    }
    out[n] = '\0';
}

void ras_reasons_add(ras_reasons *r, const char *message)
{
    char key[RAS_ERROR_MESSAGE_MAX];
    ras_reason_of(message, key, sizeof key);
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->entries[i].text, key) == 0) {
            r->entries[i].rows++;
            return;
        }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        ras_reason_entry *e = cap <= RAS_REASONS_KEPT ? realloc(r->entries, cap * sizeof *e) : NULL;
        if (!e) {
            r->other++;
            return;
        }
        r->entries = e;
        r->cap = cap;
    }
    size_t len = strlen(key);
    char *text = malloc(len + 1);
    if (!text) {
        r->other++;
        return;
    }
    memcpy(text, key, len + 1);
    r->entries[r->n++] = (ras_reason_entry){text, 1};
}

void ras_reasons_top(const ras_reasons *r, ras_batch_summary *s)
{
    bool taken[RAS_REASONS_KEPT] = {false};
    s->n_reasons = 0;
    s->other_reasons = r->other;
    while (s->n_reasons < RAS_BATCH_REASONS) {
        size_t best = r->n;
        for (size_t i = 0; i < r->n; i++)
            if (!taken[i] && (best == r->n || r->entries[i].rows > r->entries[best].rows))
                best = i;
        if (best == r->n)
            break;
        taken[best] = true;
        ras_batch_reason *out = &s->reasons[s->n_reasons++];
        snprintf(out->reason, sizeof out->reason, "%s", r->entries[best].text);
        out->rows = r->entries[best].rows;
    }
    for (size_t i = 0; i < r->n; i++)
        if (!taken[i])
            s->other_reasons += r->entries[i].rows;
}

void ras_reasons_free(ras_reasons *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->entries[i].text);
    free(r->entries);
    memset(r, 0, sizeof *r);
}
