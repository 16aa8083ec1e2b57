/* compare.c - ras_compare: every case priced under two scoring tables,
 * and who gains and who loses, overall, per group, per points band and
 * per category of the columns asked for (docs/compare.md).
 *
 * Rows are read and loaded as ras_batch reads them (case_rows.h) and
 * scored by the library's one scorer, once per table: only the figures
 * are kept, so memory stays flat however many rows there are. */
#include "compare.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "case_rows.h"
#include "csv.h"
#include "error.h"
#include "hash_read.h"
#include "header_name.h"
#include "largest.h"
#include "num.h"
#include "outbuf.h"
#include "records.h"
#include "result.h"
#include "rows_versions.h"

static const char rows_header[] = "client_id,status,group,points,before,after,change,message\n";

typedef struct reader {
    ras_comparison *cmp;
    ras_hash_read hash;
    ras_csv csv;
    ras_rows rows;
    ras_outbuf out;
    bool writing;
    /* Each row on its questionnaire version (rows_versions.h): own_c is
     * the latest's case, c the row's. */
    ras_row_versions versions;
    ras_case *own_c, *c;
    /* The row's results under the two tables: the latest version's are
     * own_before and own_after; an older version's, its own (before) and
     * afters[i]. */
    ras_result *own_before, *own_after, **afters;
    ras_result *before, *after;
    ras_warn_fn warn;
    void *warn_ctx;
} reader;

static ras_status no_memory(ras_error *err)
{
    return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
}

static ras_status too_large(const reader *rd, ras_error *err)
{
    return ras_fail(err, RAS_ERR_OVERFLOW, rd->cmp->in_name, rd->csv.record_line, 0, NULL,
                    "the totals are too large to add up");
}

/* ---- the figures ---------------------------------------------------- */

/* More than pct% above before (pct 0, 5, 10): 100 x change > pct x before
 * in whole pence; both are at most RAS_MAX_PENCE, so it fits. A budget
 * rising from 0 gains more than any percentage. */
static bool beyond(ras_pence change, ras_pence before, int64_t pct)
{
    return change > 0 && change * 100 > pct * before;
}

static bool add_case(ras_compare_figures *f, ras_pence before, ras_pence after)
{
    static const int64_t pct[RAS_COMPARE_STEPS] = {0, 5, 10};
    ras_pence change = after - before;
    f->cases++;
    if (!ras_add_i64(f->before, before, &f->before) || !ras_add_i64(f->after, after, &f->after))
        return false;
    f->unchanged += change == 0 ? 1 : 0;
    for (size_t i = 0; i < RAS_COMPARE_STEPS; i++) {
        if (beyond(change, before, pct[i])) {
            f->gaining[i]++;
            if (!ras_add_i64(f->gained[i], change, &f->gained[i]))
                return false;
        } else if (beyond(-change, before, pct[i])) {
            f->losing[i]++;
            if (!ras_add_i64(f->lost[i], change, &f->lost[i]))
                return false;
        }
    }
    return true;
}

/* Keeps the change in a largest-first list of RAS_COMPARE_LARGEST. */
static void note_change(ras_compare_change *list, size_t *n, const ras_compare_change *c)
{
    size_t at = ras_largest_place(list, sizeof list[0], offsetof(ras_compare_change, change), n,
                                  RAS_COMPARE_LARGEST, c->change);
    if (at < RAS_COMPARE_LARGEST)
        list[at] = *c;
}

/* The category of the current row in one --by column: found, or added. */
static ras_compare_figures *category(reader *rd, ras_compare_by *b, ras_error *err)
{
    static const char blank[] = "(blank)";
    const ras_csv_field *f =
        b->col >= 0 && (size_t)b->col < rd->csv.n_fields ? &rd->csv.fields[b->col] : NULL;
    const char *text = f && f->len ? f->text : blank;
    size_t len = f && f->len ? f->len : sizeof blank - 1;
    for (size_t i = 0; i < b->n_cats; i++)
        if (strlen(b->cat_names[i]) == len && memcmp(b->cat_names[i], text, len) == 0)
            return &b->cats[i];
    if (b->n_cats == RAS_COMPARE_CATEGORIES) {
        ras_fail(err, RAS_ERR_LIMIT, rd->cmp->in_name, rd->csv.record_line, 0, b->name,
                 "column '%s' holds more than %d different values: not categories to break "
                 "the figures down by",
                 b->name, RAS_COMPARE_CATEGORIES);
        return NULL;
    }
    if (b->n_cats == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 16;
        ras_compare_figures *cats = realloc(b->cats, cap * sizeof *cats);
        if (cats)
            b->cats = cats;
        char **names = realloc(b->cat_names, cap * sizeof *names);
        if (names)
            b->cat_names = names;
        if (!cats || !names) {
            no_memory(err);
            return NULL;
        }
        b->cap = cap;
    }
    char *name = malloc(len + 1);
    if (!name) {
        no_memory(err);
        return NULL;
    }
    memcpy(name, text, len);
    name[len] = '\0';
    b->cat_names[b->n_cats] = name;
    memset(&b->cats[b->n_cats], 0, sizeof b->cats[0]);
    b->cats[b->n_cats].name = name;
    return &b->cats[b->n_cats++];
}

/* The histogram's bin of a change (compare.h); change is not 0. */
static size_t hist_bin(ras_pence change, ras_pence before)
{
    if (before <= 0 || change >= before)
        return RAS_COMPARE_HIST - 1;
    int64_t scaled = change * 100; /* both at most RAS_MAX_PENCE: it fits */
    int64_t pct = scaled / before;
    if (scaled % before != 0 && scaled < 0)
        pct--; /* floor, not towards zero */
    return (size_t)(pct + 100);
}

/* Keeps every stride-th priced case for the scatter, halving the sample
 * when it fills (compare.h). */
static void sample_case(ras_comparison *cmp, ras_pence before, ras_pence after, size_t group)
{
    uint64_t n = cmp->all.cases - 1; /* this case's number among the priced */
    if (n % cmp->stride != 0)
        return;
    if (cmp->n_sample == RAS_COMPARE_SAMPLE) {
        for (size_t i = 0; 2 * i < RAS_COMPARE_SAMPLE; i++)
            cmp->sample[i] = cmp->sample[2 * i];
        cmp->n_sample = RAS_COMPARE_SAMPLE / 2;
        cmp->stride *= 2;
        if (n % cmp->stride != 0)
            return;
    }
    cmp->sample[cmp->n_sample++] = (ras_compare_point){before, after, group};
}

/* What the HTML page's pictures need of a case. */
static void picture_case(ras_comparison *cmp, ras_pence before, ras_pence after, size_t group)
{
    if (after != before)
        cmp->hist[hist_bin(after - before, before)]++;
    if (before > cmp->most_budget)
        cmp->most_budget = before;
    if (after > cmp->most_budget)
        cmp->most_budget = after;
    sample_case(cmp, before, after, group);
}

static ras_status count_row(reader *rd, ras_error *err)
{
    ras_comparison *cmp = rd->cmp;
    ras_pence before = rd->before->budget, after = rd->after->budget;
    int64_t points = rd->before->total;
    size_t band = points < 0 ? 0 : (size_t)(points / 10);
    if (band >= RAS_COMPARE_BANDS)
        band = RAS_COMPARE_BANDS - 1;
    if (band + 1 > cmp->n_bands)
        cmp->n_bands = band + 1;
    if (!add_case(&cmp->all, before, after) ||
        !add_case(&cmp->groups[rd->before->group_index], before, after) ||
        !add_case(&cmp->bands[band], before, after))
        return too_large(rd, err);
    picture_case(cmp, before, after, rd->before->group_index);
    for (size_t i = 0; i < cmp->n_by; i++) {
        if (cmp->by[i].col < 0)
            continue; /* a column the input does not have: named once, no figures */
        ras_compare_figures *f = category(rd, &cmp->by[i], err);
        if (!f)
            return err ? err->status : RAS_ERR_NOMEM;
        if (!add_case(f, before, after))
            return too_large(rd, err);
    }
    ras_compare_change c;
    memset(&c, 0, sizeof c);
    size_t len = rd->c->client_id_len < sizeof c.client_id - 1 ? rd->c->client_id_len
                                                               : sizeof c.client_id - 1;
    memcpy(c.client_id, rd->c->client_id, len);
    snprintf(c.group, sizeof c.group, "%s", rd->before->group);
    c.points = points;
    c.before = before;
    c.after = after;
    c.change = after - before;
    if (c.change > 0)
        note_change(cmp->gains, &cmp->n_gains, &c);
    else if (c.change < 0)
        note_change(cmp->losses, &cmp->n_losses, &c);
    return RAS_OK;
}

/* ---- the rows ------------------------------------------------------- */

static void error_row(reader *rd, const char *msg)
{
    rd->cmp->errors++;
    if (!rd->writing)
        return;
    ras_csv_field id;
    if (ras_rows_client(&rd->rows, &rd->csv, &id))
        ras_outbuf_field(&rd->out, id.text, id.len);
    ras_outbuf_bytes(&rd->out, ",error,,,,,,", 12);
    ras_outbuf_field(&rd->out, msg, strlen(msg));
    ras_outbuf_char(&rd->out, '\n');
}

static void ok_row(reader *rd)
{
    ras_outbuf *o = &rd->out;
    ras_outbuf_field(o, rd->c->client_id, rd->c->client_id_len);
    ras_outbuf_bytes(o, ",ok,", 4);
    ras_outbuf_field(o, rd->before->group, strlen(rd->before->group));
    ras_outbuf_char(o, ',');
    ras_outbuf_int(o, rd->before->total);
    ras_outbuf_char(o, ',');
    ras_outbuf_money(o, rd->before->budget);
    ras_outbuf_char(o, ',');
    ras_outbuf_money(o, rd->after->budget);
    ras_outbuf_char(o, ',');
    ras_outbuf_money(o, rd->after->budget - rd->before->budget);
    ras_outbuf_bytes(o, ",\n", 2);
}

/* Whether both tables price the row's version (p): a row answered on a
 * version either does not price is an error row, counted apart
 * (docs/compare.md, "Questionnaire versions"). */
static bool priced_version(reader *rd, const ras_row_pick *p)
{
    char msg[RAS_ERROR_MESSAGE_MAX + 64];
    ras_comparison *cmp = rd->cmp;
    if (p->why) {
        snprintf(msg, sizeof msg, "line %lu: %s", rd->csv.record_line, p->why);
        error_row(rd, msg);
        return false;
    }
    bool from = ras_row_versions_priced(&rd->versions, cmp->from, p->model);
    if (from && ras_row_versions_priced(&rd->versions, cmp->to, p->model))
        return true;
    ras_row_versions_unpriced(&rd->versions, p->model, from ? cmp->to : cmp->from,
                              from ? "the new table" : "the old table", rd->csv.record_line, msg,
                              sizeof msg);
    cmp->other_version++;
    error_row(rd, msg);
    return false;
}

static ras_status compare_row(reader *rd, ras_error *err)
{
    char msg[RAS_ERROR_MESSAGE_MAX + 64];
    ras_comparison *cmp = rd->cmp;
    cmp->rows++;
    ras_row_pick p;
    ras_row_versions_pick(&rd->versions, &rd->rows, rd->own_c, rd->own_before, &rd->csv, &p);
    if (!priced_version(rd, &p))
        return RAS_OK;
    rd->c = p.c;
    rd->before = p.r;
    rd->after = rd->own_after;
    for (size_t i = 0; i + 1 < rd->versions.n; i++)
        if (ras_model_questionnaire_at(cmp->model, i) == p.model)
            rd->after = rd->afters[i];
    if (!ras_rows_load(p.rows, &rd->csv, rd->c, msg, sizeof msg)) {
        error_row(rd, msg);
        return RAS_OK;
    }
    ras_error e;
    const ras_table *which = cmp->from;
    ras_status st = ras_score_with_table(p.model, rd->c, cmp->from, rd->before, &e);
    if (st == RAS_OK) {
        which = cmp->to;
        st = ras_score_with_table(p.model, rd->c, cmp->to, rd->after, &e);
    }
    if (st != RAS_OK) {
        snprintf(msg, sizeof msg, "line %lu: %s@%s: %s", rd->csv.record_line, which->id,
                 which->version, e.message);
        error_row(rd, msg);
        return RAS_OK;
    }
    if (rd->writing)
        ok_row(rd);
    return count_row(rd, err);
}

/* Ignored-column warnings, less those about the --by columns, which are
 * read here. */
static void filter_warning(void *ctx, const ras_error *w)
{
    reader *rd = ctx;
    for (size_t i = 0; i < rd->cmp->n_by; i++)
        if (ras_header_same(w->subject, strlen(w->subject), rd->cmp->by[i].name,
                            strlen(rd->cmp->by[i].name)))
            return;
    if (rd->warn)
        rd->warn(rd->warn_ctx, w);
}

/* Finds each --by column in the header; one missing is named once. */
static void find_by_columns(reader *rd)
{
    ras_comparison *cmp = rd->cmp;
    for (size_t i = 0; i < cmp->n_by; i++) {
        ras_compare_by *b = &cmp->by[i];
        b->col = -1;
        for (size_t k = 0; k < rd->rows.n_cols; k++)
            if (ras_header_same(rd->rows.cols[k].name, rd->rows.cols[k].len, b->name,
                                strlen(b->name)))
                b->col = (long)k;
        if (b->col < 0 && rd->warn) {
            ras_error w;
            ras_error_clear(&w);
            ras_fail(&w, RAS_OK, cmp->in_name, 1, 0, b->name,
                     "no column '%s' to break the figures down by", b->name);
            rd->warn(rd->warn_ctx, &w);
        }
    }
}

static ras_status read_all(reader *rd, ras_error *err)
{
    bool have;
    ras_status st = ras_rows_start(&rd->rows, rd->cmp->model, &rd->csv, rd->cmp->in_name, NULL,
                                   NULL, ras_row_versions_warn, &rd->versions, err);
    if (st == RAS_OK)
        st = ras_row_versions_bind(&rd->versions, &rd->rows, &rd->csv, rd->cmp->in_name, NULL, err);
    if (st != RAS_OK)
        return st;
    find_by_columns(rd);
    if (rd->writing)
        ras_outbuf_bytes(&rd->out, rows_header, sizeof rows_header - 1);
    for (;;) {
        if ((st = ras_rows_next(&rd->rows, &rd->csv, &have, err)) != RAS_OK || !have)
            break;
        if ((st = compare_row(rd, err)) != RAS_OK || (rd->writing && rd->out.failed))
            break;
    }
    if (st == RAS_OK && ras_records_workbook(&rd->csv))
        ras_hash_read_whole(&rd->hash); /* read by seeking, not through the hash */
    ras_hash_read_hex(&rd->hash, rd->cmp->in_sha256);
    if (rd->writing) {
        ras_status written = ras_outbuf_finish(&rd->out, err);
        if (st == RAS_OK)
            st = written;
    }
    return st;
}

static ras_status set_up(ras_comparison *cmp, const char *in_name, const char *const *by,
                         size_t n_by, ras_error *err)
{
    const char *name = in_name ? in_name : "-";
    cmp->in_name = malloc(strlen(name) + 1);
    cmp->n_groups = cmp->from->n_groups;
    cmp->groups = calloc(cmp->n_groups ? cmp->n_groups : 1, sizeof *cmp->groups);
    if (!cmp->in_name || !cmp->groups)
        return no_memory(err);
    memcpy(cmp->in_name, name, strlen(name) + 1);
    cmp->all.name = "all";
    cmp->stride = 1;
    for (size_t g = 0; g < cmp->n_groups; g++)
        cmp->groups[g].name = cmp->from->groups[g].name;
    for (size_t i = 0; i < RAS_COMPARE_BANDS; i++) {
        snprintf(cmp->band_names[i], sizeof cmp->band_names[i],
                 i + 1 < RAS_COMPARE_BANDS ? "%zu-%zu" : "%zu and over", 10 * i, 10 * i + 9);
        cmp->bands[i].name = cmp->band_names[i];
    }
    cmp->n_by = n_by;
    for (size_t i = 0; i < n_by; i++) {
        size_t len = strlen(by[i]);
        cmp->by[i].name_copy = malloc(len + 1);
        if (!cmp->by[i].name_copy)
            return no_memory(err);
        memcpy(cmp->by[i].name_copy, by[i], len + 1);
        cmp->by[i].name = cmp->by[i].name_copy;
        cmp->by[i].col = -1;
    }
    return RAS_OK;
}

/* A result that keeps only the figures. */
static ras_result *figures_of(const ras_model *version)
{
    ras_result *r = ras_result_new(version);
    if (r)
        ras_result_keep_details(r, false);
    return r;
}

/* The latest version's two results and every older one's second (its
 * first is the row versions'); false when out of memory. */
static bool new_results(reader *rd)
{
    const ras_model *m = rd->cmp->model;
    size_t older = ras_model_questionnaire_count(m) - 1;
    rd->own_before = figures_of(m);
    rd->own_after = figures_of(m);
    rd->afters = calloc(older ? older : 1, sizeof(ras_result *));
    if (!rd->own_before || !rd->own_after || !rd->afters)
        return false;
    for (size_t i = 0; i < older; i++)
        if (!(rd->afters[i] = figures_of(ras_model_questionnaire_at(m, i))))
            return false;
    return true;
}

static void free_results(reader *rd)
{
    size_t older = ras_model_questionnaire_count(rd->cmp->model) - 1;
    for (size_t i = 0; rd->afters && i < older; i++)
        ras_result_free(rd->afters[i]);
    free(rd->afters);
    ras_result_free(rd->own_before);
    ras_result_free(rd->own_after);
}

static ras_status run(ras_comparison *cmp, FILE *in, const ras_read_options *opts, FILE *rows,
                      unsigned flags, ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    reader rd;
    memset(&rd, 0, sizeof rd);
    rd.cmp = cmp;
    rd.warn = warn;
    rd.warn_ctx = warn_ctx;
    /* The comparison hashes what it reads itself (even a workbook's
     * bytes), as the calibration does. */
    ras_status st = ras_rows_open_hashed(&rd.rows, &rd.csv, in, &rd.hash, cmp->in_name, opts, err);
    if (st != RAS_OK)
        return st;
    rd.writing = rows != NULL;
    bool buffered = !rd.writing || ras_outbuf_init(&rd.out, rows);
    rd.out.raw_text = (flags & RAS_CSV_RAW_TEXT) != 0;
    rd.own_c = ras_case_new(cmp->model);
    if (!buffered || !rd.own_c || !new_results(&rd))
        st = no_memory(err);
    /* Ignored-column warnings pass through filter_warning, which drops
     * those about the --by columns. */
    if (st == RAS_OK)
        st = ras_row_versions_init(&rd.versions, cmp->model, false, filter_warning, &rd, err);
    if (st == RAS_OK)
        st = read_all(&rd, err);
    ras_row_versions_free(&rd.versions);
    ras_csv_close(&rd.csv);
    ras_rows_free(&rd.rows);
    if (rd.writing)
        ras_outbuf_free(&rd.out);
    ras_case_free(rd.own_c);
    free_results(&rd);
    ras_hash_read_free(&rd.hash);
    return st;
}

ras_status ras_compare(const ras_model *model, const ras_table *from, const ras_table *to, FILE *in,
                       const char *in_name, const ras_read_options *opts, const char *const *by,
                       size_t n_by, FILE *rows, unsigned flags, ras_comparison **out,
                       ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    if (out)
        *out = NULL;
    if (!model || !from || !to || !in || !out || n_by > RAS_COMPARE_BY_MAX || (n_by && !by) ||
        strcmp(from->questionnaire, model->id) != 0 || strcmp(to->questionnaire, model->id) != 0)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    ras_comparison *cmp = calloc(1, sizeof *cmp);
    if (!cmp)
        return no_memory(err);
    cmp->model = model;
    cmp->from = from;
    cmp->to = to;
    ras_status st = set_up(cmp, in_name, by, n_by, err);
    if (st == RAS_OK)
        st = run(cmp, in, opts, rows, flags, warn, warn_ctx, err);
    if (st != RAS_OK) {
        ras_comparison_free(cmp);
        return st;
    }
    *out = cmp;
    return RAS_OK;
}

void ras_comparison_free(ras_comparison *cmp)
{
    if (!cmp)
        return;
    for (size_t i = 0; i < cmp->n_by; i++) {
        ras_compare_by *b = &cmp->by[i];
        for (size_t k = 0; k < b->n_cats; k++)
            free(b->cat_names[k]);
        free(b->cat_names);
        free(b->cats);
        free(b->name_copy);
    }
    free(cmp->groups);
    free(cmp->in_name);
    free(cmp);
}

/* ---- accessors ------------------------------------------------------ */

uint64_t ras_comparison_rows(const ras_comparison *cmp)
{
    return cmp ? cmp->rows : 0;
}

uint64_t ras_comparison_errors(const ras_comparison *cmp)
{
    return cmp ? cmp->errors : 0;
}

uint64_t ras_comparison_other_versions(const ras_comparison *cmp)
{
    return cmp ? cmp->other_version : 0;
}

const ras_compare_figures *ras_comparison_all(const ras_comparison *cmp)
{
    return cmp ? &cmp->all : NULL;
}

size_t ras_comparison_group_count(const ras_comparison *cmp)
{
    return cmp ? cmp->n_groups : 0;
}

const ras_compare_figures *ras_comparison_group(const ras_comparison *cmp, size_t i)
{
    return cmp && i < cmp->n_groups ? &cmp->groups[i] : NULL;
}

size_t ras_comparison_band_count(const ras_comparison *cmp)
{
    return cmp ? cmp->n_bands : 0;
}

const ras_compare_figures *ras_comparison_band(const ras_comparison *cmp, size_t i)
{
    return cmp && i < cmp->n_bands ? &cmp->bands[i] : NULL;
}

size_t ras_comparison_by_count(const ras_comparison *cmp)
{
    return cmp ? cmp->n_by : 0;
}

const char *ras_comparison_by_name(const ras_comparison *cmp, size_t by)
{
    return cmp && by < cmp->n_by ? cmp->by[by].name : NULL;
}

bool ras_comparison_by_found(const ras_comparison *cmp, size_t by)
{
    return cmp && by < cmp->n_by && cmp->by[by].col >= 0;
}

size_t ras_comparison_category_count(const ras_comparison *cmp, size_t by)
{
    return cmp && by < cmp->n_by ? cmp->by[by].n_cats : 0;
}

const ras_compare_figures *ras_comparison_category(const ras_comparison *cmp, size_t by, size_t i)
{
    return cmp && by < cmp->n_by && i < cmp->by[by].n_cats ? &cmp->by[by].cats[i] : NULL;
}

const ras_compare_change *ras_comparison_largest(const ras_comparison *cmp, bool gains, size_t *n)
{
    if (n)
        *n = cmp ? (gains ? cmp->n_gains : cmp->n_losses) : 0;
    return cmp ? (gains ? cmp->gains : cmp->losses) : NULL;
}
