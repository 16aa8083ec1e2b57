/* workbook_summary.c - the Summary sheet an audit's or a calibration's
 * workbook begins its report with: the record (record.h) as rows, so
 * the workbook can be filed and re-checked as the text report can
 * (docs/audit.md, "The record"). */
#include <stdio.h>
#include <string.h>

#include "model.h"
#include "workbook.h"

static const char *const summary_header[] = {"item", "value", "rows", "note", "sha256"};

/* A model file: its id@version, its SHA-256 and where it was read. */
static void model_file(ras_book_sheet *s, const char *what, const char *id, const char *version,
                       const char *file, const char *sha)
{
    char idv[2 * RAS_MAX_ID + 2];
    snprintf(idv, sizeof idv, "%s@%s", id, version);
    ras_book_cstr(s, RAS_BOOK_ITEM, what);
    ras_book_cstr(s, RAS_BOOK_VALUE, idv);
    if (file)
        ras_book_cstr(s, RAS_BOOK_NOTE, file);
    ras_book_cstr(s, RAS_BOOK_SHA256, sha);
    ras_book_next(s);
}

bool ras_book_summary(ras_book *b, ras_book_sheet *s, const ras_model *m, const ras_run_info *run,
                      const char *in_name, const char *in_sha256)
{
    if (!ras_book_sheet_add(b, s, "Summary", summary_header, 5, false))
        return false;
    worksheet_set_column(s->ws, RAS_BOOK_ITEM, RAS_BOOK_ITEM, 26, NULL);
    worksheet_set_column(s->ws, RAS_BOOK_VALUE, RAS_BOOK_VALUE, 24, NULL);
    worksheet_set_column(s->ws, RAS_BOOK_NOTE, RAS_BOOK_NOTE, 32, NULL);
    worksheet_set_column(s->ws, RAS_BOOK_SHA256, RAS_BOOK_SHA256, 66, NULL);
    if (run) {
        lxw_format *when = ras_book_format(b, "yyyy-mm-dd hh:mm:ss");
        ras_book_cstr(s, RAS_BOOK_ITEM, "run");
        if (when)
            worksheet_write_unixtime(s->ws, s->row, RAS_BOOK_VALUE, run->started, when);
        ras_book_cstr(s, RAS_BOOK_NOTE, "UTC");
        ras_book_next(s);
    }
    ras_book_cstr(s, RAS_BOOK_ITEM, "ras version");
    ras_book_cstr(s, RAS_BOOK_VALUE, ras_version());
    ras_book_next(s);
    if (run && run->command) {
        ras_book_cstr(s, RAS_BOOK_ITEM, "command");
        ras_book_cstr(s, RAS_BOOK_VALUE, run->command);
        ras_book_next(s);
    }
    /* As the JSON record lists them: the latest questionnaire, the older
     * versions newest first, then every version's tables oldest first, so
     * that a row scored on an older version is accounted for too. */
    model_file(s, "questionnaire", m->id, m->version, m->file, m->fingerprint);
    for (size_t v = m->n_versions ? m->n_versions - 1 : 0; v-- > 0;) {
        const ras_model *q = m->versions[v];
        model_file(s, "older questionnaire", q->id, q->version, q->file, q->fingerprint);
    }
    for (size_t i = 0; i < m->n_all_tables; i++) {
        const ras_table *t = ras_model_all_table(m, i);
        model_file(s, "scoring", t->id, t->version, t->file, t->fingerprint);
    }
    ras_book_cstr(s, RAS_BOOK_ITEM, "input");
    ras_book_cstr(s, RAS_BOOK_VALUE, in_name ? in_name : "-");
    if (in_sha256[0])
        ras_book_cstr(s, RAS_BOOK_SHA256, in_sha256);
    else
        ras_book_cstr(s, RAS_BOOK_NOTE, "SHA-256 not known");
    ras_book_next(s);
    return b->failed == RAS_OK;
}

void ras_book_summary_count(ras_book_sheet *s, const char *item, uint64_t n, const char *note)
{
    ras_book_cstr(s, RAS_BOOK_ITEM, item);
    ras_book_int(s, RAS_BOOK_VALUE, (int64_t)n);
    if (note)
        ras_book_cstr(s, RAS_BOOK_NOTE, note);
    ras_book_next(s);
}

void ras_book_summary_money(ras_book_sheet *s, const char *item, ras_pence v, uint64_t rows,
                            const char *note)
{
    ras_book_cstr(s, RAS_BOOK_ITEM, item);
    ras_book_money(s, RAS_BOOK_VALUE, v);
    ras_book_int(s, RAS_BOOK_ROWS, (int64_t)rows);
    if (note)
        ras_book_cstr(s, RAS_BOOK_NOTE, note);
    ras_book_next(s);
}
