/* case_where.c - pointing a scoring error at the case file: the scorer
 * finds an unknown group, a date before every table or a missing required
 * answer long after the file is read, so the reader records where those
 * keys were (ras_case_where) and this puts that place into the error. */
#include <string.h>

#include "case.h"

void ras_case_place_error(const ras_case *c, ras_error *err)
{
    if (!c || !err || c->where.source[0] == '\0' || err->line != 0 || err->file[0] != '\0')
        return;
    const ras_case_where *w = &c->where;
    unsigned long line = 0, column = 0;
    if (strcmp(err->subject, "group") == 0) {
        /* No group named (and the table has no default): the client. */
        line = w->group_line ? w->group_line : w->client_line;
        column = w->group_line ? w->group_column : w->client_column;
    } else if (strcmp(err->subject, "assessed_on") == 0) {
        line = w->date_line;
        column = w->date_column;
    } else if (err->subject[0] != '\0' &&
               ras_model_find_question(c->model, err->subject, strlen(err->subject))) {
        /* A required question left out: where it should have been. */
        line = w->answers_line;
        column = w->answers_column;
    }
    if (line == 0)
        return;
    memcpy(err->file, w->source, sizeof err->file);
    err->line = line;
    err->column = column;
}
