/* calibrate.c - ras_calibrate: reads the cases and their current cost,
 * prices them with the latest table, and works out per group the
 * cost-neutral and least-squares prices per point and how the clients
 * would fare under a table priced at the cost-neutral rate (docs/calibration.md).
 *
 * Two looks at the cases: the first sums what the prices need (the
 * cost-neutral search itself is in calibrate_solve.c), the second, with
 * the new table made, compares each case's new budget with its cost. A
 * CSV file is read twice for them and nothing is kept a case; standard
 * input, a workbook and a calibration to be drawn keep each case
 * compactly and look at it again from memory (docs/calibration.md,
 * "Memory and speed").
 *
 * Money sums are checked 64-bit integers; the least-squares fit, R squared
 * and the mean percentage difference use doubles, being statistics, and
 * the fitted price is rounded half up to the penny (docs/calibration.md). */
#include "calibrate.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "case_rows.h"
#include "csv.h"
#include "records.h"
#include "error.h"
#include "hash_read.h"
#include "largest.h"
#include "num.h"
#include "price.h"
#include "result.h"
#include "rows_versions.h"
#include "text_check.h"

#define CURRENT_COST "current_cost"

/* One look at a case: its figures, client id and budget under the latest
 * table (its package when it keeps one). */
typedef ras_status (*look_fn)(ras_calibration *cal, const ras_cal_case *k, const char *id,
                              ras_pence budget, ras_error *err);

typedef struct reader {
    ras_calibration *cal;
    ras_csv csv;
    ras_rows rows;
    /* Each row on its questionnaire version (rows_versions.h): the
     * latest's case and result are own_c and own_r, c and r the row's. */
    ras_row_versions versions;
    ras_case *own_c, *c;
    ras_result *own_r, *r;
    ras_warn_fn warn; /* NULL on the second reading: the rows were named on the first */
    void *warn_ctx;
    bool again;    /* the second reading: rows already counted */
    uint64_t used; /* rows used on this reading */
} reader;

static ras_status no_memory(ras_error *err)
{
    return ras_fail(err, RAS_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
}

static ras_status too_large(ras_error *err, const char *what)
{
    return ras_fail(err, RAS_ERR_OVERFLOW, NULL, 0, 0, NULL, "%s is too large to add up", what);
}

/* A row left out: counted and named through the warning callback, once. */
static void skip_row(reader *rd, const char *msg)
{
    if (rd->again)
        return;
    rd->cal->errors++;
    if (!rd->warn)
        return;
    ras_error w;
    ras_error_clear(&w);
    ras_fail(&w, RAS_OK, rd->cal->in_name, 0, 0, NULL, "%s; row left out", msg);
    rd->warn(rd->warn_ctx, &w);
}

/* The current row's cost; false (the row skipped) when blank or bad. */
static bool read_cost(reader *rd, ras_pence *cost)
{
    const ras_csv_field *f = ras_rows_extra(&rd->rows, &rd->csv);
    unsigned long line = rd->csv.record_line;
    char msg[RAS_ERROR_MESSAGE_MAX];
    if (!f || ras_text_is_blank(f->text, f->len)) {
        snprintf(msg, sizeof msg,
                 "line %lu, column '" CURRENT_COST "': blank (expected the cost of the "
                 "current package, pounds a year)",
                 line);
        skip_row(rd, msg);
        return false;
    }
    ras_error e;
    if (ras_money_parse_lenient(f->text, f->len, cost, &e) != RAS_OK) {
        snprintf(msg, sizeof msg, "line %lu, column '" CURRENT_COST "': %.400s", line, e.message);
        skip_row(rd, msg);
        return false;
    }
    return true;
}

/* ---- the first look: what the prices need --------------------------- */

/* A case whose budget the price sets: eligible, and not kept at its
 * existing package. Only these make the prices and the comparisons. */
static bool priced(const ras_cal_case *k)
{
    return (k->flags & (RAS_CAL_ELIGIBLE | RAS_CAL_EXISTING)) == RAS_CAL_ELIGIBLE;
}

/* The case in group g's figures (g its own group or "all"): the counts
 * and sums of every case, and for a priced case the cost-neutral target
 * (its cost and points, whole numbers, checked), the least-squares sums
 * and, in its own group, its kind ("all" merges them: merge_kinds). */
static ras_status first_in(ras_calibration *cal, size_t g, const ras_cal_case *k, ras_pence budget,
                           ras_error *err)
{
    ras_calibration_group *s = &cal->groups[g];
    s->cases++;
    s->eligible += k->flags & RAS_CAL_ELIGIBLE ? 1 : 0;
    s->kept += k->flags & RAS_CAL_EXISTING ? 1 : 0;
    if (!ras_add_i64(s->all_cost, k->cost, &s->all_cost) ||
        !ras_add_i64(s->current_total, budget, &s->current_total))
        return ras_fail(err, RAS_ERR_OVERFLOW, cal->in_name, 0, 0, NULL,
                        "the totals are too large to add up");
    if (!priced(k))
        return RAS_OK;
    ras_cal_stats *f = &cal->stats[g];
    s->priced++;
    if (!ras_add_i64(s->total_cost, k->cost, &s->total_cost))
        return too_large(err, "the total current cost");
    if (!ras_add_i64(s->total_points, k->points, &s->total_points))
        return too_large(err, "the total of points");
    f->sxy += (double)k->points * (double)k->cost;
    f->sxx += (double)k->points * (double)k->points;
    if (g + 1 == cal->n_groups || ras_cal_add_kind(&f->kinds, k->points, k->adjust, 1))
        return RAS_OK;
    return no_memory(err);
}

static ras_status first_look(ras_calibration *cal, const ras_cal_case *k, const char *id,
                             ras_pence budget, ras_error *err)
{
    (void)id;
    ras_status st = first_in(cal, k->group, k, budget, err);
    return st == RAS_OK ? first_in(cal, cal->n_groups - 1, k, budget, err) : st;
}

/* A capacity to grow to: half as much again (not twice: an array of a
 * million cases must not hold room for a million more). */
static size_t grown(size_t cap, size_t least)
{
    size_t next = cap ? cap + cap / 2 : least;
    return next < least ? least : next;
}

static ras_status keep_id(ras_calibration *cal, const char *id, uint32_t *offset, ras_error *err)
{
    size_t len = strlen(id) + 1;
    if (cal->ids_len + len > UINT32_MAX)
        return ras_fail(err, RAS_ERR_LIMIT, cal->in_name, 0, 0, NULL,
                        "the client ids add up to more than 4 GB");
    if (cal->ids_len + len > cal->ids_cap) {
        size_t cap = grown(cal->ids_cap, 4096);
        while (cap < cal->ids_len + len)
            cap = grown(cap, 4096);
        char *p = realloc(cal->ids, cap);
        if (!p)
            return no_memory(err);
        cal->ids = p;
        cal->ids_cap = cap;
    }
    memcpy(cal->ids + cal->ids_len, id, len);
    *offset = (uint32_t)cal->ids_len;
    cal->ids_len += len;
    return RAS_OK;
}

static ras_status keep_package(ras_calibration *cal, ras_pence package, ras_error *err)
{
    if (cal->n_packages == cal->packages_cap) {
        size_t cap = grown(cal->packages_cap, 64);
        ras_pence *p = realloc(cal->packages, cap * sizeof *p);
        if (!p)
            return no_memory(err);
        cal->packages = p;
        cal->packages_cap = cap;
    }
    cal->packages[cal->n_packages++] = package;
    return RAS_OK;
}

/* The first look, and the case kept for the second (and the plot). */
static ras_status first_look_keeping(ras_calibration *cal, const ras_cal_case *k, const char *id,
                                     ras_pence budget, ras_error *err)
{
    ras_status st = first_look(cal, k, id, budget, err);
    if (st != RAS_OK)
        return st;
    if (cal->n_cases == cal->cap) {
        size_t cap = grown(cal->cap, 256);
        ras_cal_case *p = realloc(cal->cases, cap * sizeof *p);
        if (!p)
            return no_memory(err);
        cal->cases = p;
        cal->cap = cap;
    }
    ras_cal_case *kept = &cal->cases[cal->n_cases];
    *kept = *k;
    st = keep_id(cal, id, &kept->id_offset, err);
    if (st == RAS_OK && (k->flags & RAS_CAL_EXISTING))
        st = keep_package(cal, budget, err);
    if (st == RAS_OK)
        cal->n_cases++;
    return st;
}

/* ---- reading the rows ------------------------------------------------ */

/* The case just scored, as calibration holds it. */
static ras_status make_case(const reader *rd, ras_pence cost, ras_cal_case *k, ras_error *err)
{
    const ras_result *r = rd->r;
    memset(k, 0, sizeof *k);
    if (r->total > INT32_MAX || r->total < INT32_MIN || r->group_index > UINT16_MAX)
        return ras_fail(err, RAS_ERR_LIMIT, rd->cal->in_name, rd->csv.record_line, 0, NULL,
                        "a case's points or group are beyond what calibration holds");
    k->points = (int32_t)r->total;
    k->cost = cost;
    k->adjust = r->adjust_total;
    k->group = (uint16_t)r->group_index;
    k->flags = (uint8_t)((r->eligible ? RAS_CAL_ELIGIBLE : 0) |
                         (r->basis == RAS_BASIS_EXISTING_PACKAGE ? RAS_CAL_EXISTING : 0));
    return RAS_OK;
}

/* Whether the row's version (p) can be priced by the table calibrated,
 * which prices the latest: a row answered on another is left out
 * (docs/calibration.md, "Questionnaire versions"). */
static bool priced_version(reader *rd, const ras_row_pick *p)
{
    char msg[RAS_ERROR_MESSAGE_MAX + 64];
    if (p->why) {
        snprintf(msg, sizeof msg, "line %lu: %s", rd->csv.record_line, p->why);
        skip_row(rd, msg);
        return false;
    }
    if (ras_row_versions_priced(&rd->versions, rd->cal->latest, p->model))
        return true;
    ras_row_versions_unpriced(&rd->versions, p->model, rd->cal->latest, "the table calibrated",
                              rd->csv.record_line, msg, sizeof msg);
    rd->cal->other_version += rd->again ? 0 : 1;
    skip_row(rd, msg);
    return false;
}

static ras_status read_row(reader *rd, look_fn look, ras_error *err)
{
    char msg[RAS_ERROR_MESSAGE_MAX + 64];
    if (!rd->again)
        rd->cal->rows++;
    ras_row_pick p;
    ras_row_versions_pick(&rd->versions, &rd->rows, rd->own_c, rd->own_r, &rd->csv, &p);
    if (!priced_version(rd, &p))
        return RAS_OK;
    rd->c = p.c;
    rd->r = p.r;
    if (!ras_rows_load(p.rows, &rd->csv, rd->c, msg, sizeof msg)) {
        skip_row(rd, msg);
        return RAS_OK;
    }
    ras_pence cost;
    if (!read_cost(rd, &cost))
        return RAS_OK;
    rd->c->assessed_on = 0; /* checked when read, but every case is priced as of now */
    ras_error e;
    if (ras_score(rd->cal->model, rd->c, rd->r, &e) != RAS_OK) {
        snprintf(msg, sizeof msg, "line %lu: %s", rd->csv.record_line, e.message);
        skip_row(rd, msg);
        return RAS_OK;
    }
    ras_cal_case k;
    ras_status st = make_case(rd, cost, &k, err);
    if (st == RAS_OK)
        st = look(rd->cal, &k, rd->c->client_id, rd->r->budget, err);
    rd->used += st == RAS_OK ? 1 : 0;
    return st;
}

/* Every row of the input rd->csv is open on, each used one to look. */
static ras_status read_all(reader *rd, look_fn look, ras_error *err)
{
    ras_calibration *cal = rd->cal;
    bool have;
    rd->used = 0;
    ras_status st =
        ras_row_versions_init(&rd->versions, cal->model, false, rd->warn, rd->warn_ctx, err);
    if (st == RAS_OK)
        st = ras_rows_start(&rd->rows, cal->model, &rd->csv, cal->in_name, CURRENT_COST,
                            "the cost of each client's current package, pounds a year",
                            ras_row_versions_warn, &rd->versions, err);
    if (st == RAS_OK)
        st = ras_row_versions_bind(&rd->versions, &rd->rows, &rd->csv, cal->in_name, CURRENT_COST,
                                   err);
    if (st != RAS_OK)
        return st;
    rd->rows.ids_known = rd->again;
    for (;;) {
        if ((st = ras_rows_next(&rd->rows, &rd->csv, &have, err)) != RAS_OK || !have)
            return st;
        if ((st = read_row(rd, look, err)) != RAS_OK)
            return st;
    }
}

/* ---- the prices ------------------------------------------------------ */

/* A non-negative double to whole pence, half up; false when out of range. */
static bool round_pence(double v, ras_pence *out)
{
    if (!(v >= 0) || v > (double)RAS_MAX_PENCE)
        return false;
    *out = (ras_pence)(v + 0.5); /* truncation is floor for v >= 0 */
    return true;
}

/* The cost / points ratio and the least-squares price through the
 * origin, b = sum(x*y) / sum(x*x); R squared needs b and the mean cost,
 * so waits for the second look. */
static ras_status fit_group(ras_calibration *cal, size_t g, ras_error *err)
{
    ras_calibration_group *s = &cal->groups[g];
    ras_cal_stats *f = &cal->stats[g];
    if (s->total_points > 0)
        s->ratio_price = ras_div_round_half_up(s->total_cost, s->total_points);
    if (s->priced == 0 || s->total_points == 0)
        return RAS_OK;
    f->mean = (double)s->total_cost / (double)s->priced;
    f->b = f->sxy / f->sxx;
    f->fitted = true;
    return round_pence(f->b, &s->fitted_price) ? RAS_OK : too_large(err, "the least-squares price");
}

/* ---- the second look: how each case fares ---------------------------- */

/* docs/scoring.md steps 4 to 9 for a case under the new table. Its settings
 * (threshold, rounding, floor, ceiling, existing_package) are the
 * latest's, so eligibility and the existing-package basis stay as the
 * latest table decided them; only the price changes. */
static ras_status project_case(const ras_calibration *cal, const ras_cal_case *k, ras_pence budget,
                               ras_pence *projected, ras_error *err)
{
    if (k->flags & RAS_CAL_EXISTING) {
        *projected = budget;
        return RAS_OK;
    }
    if (!(k->flags & RAS_CAL_ELIGIBLE)) {
        *projected = 0;
        return RAS_OK;
    }
    ras_pence priced_at, adjusted, rounded;
    int clamped;
    ras_status st =
        ras_price_group(&cal->fresh.groups[k->group], k->points, NULL, NULL, &priced_at);
    if (st == RAS_OK)
        st = ras_price_adjust(priced_at, k->adjust, &adjusted);
    if (st == RAS_OK)
        st = ras_price_finish(&cal->fresh, adjusted, &rounded, projected, &clamped);
    return st == RAS_OK ? RAS_OK : too_large(err, "a new budget");
}

/* Room for a listed difference's client id: a buffer of the group's that
 * no other listed difference holds (the list, shifted for the new one at
 * at, still holds the others' ids). */
static char *free_id(const ras_calibration_group *s, const ras_cal_stats *f, size_t at)
{
    for (size_t b = 0; b < RAS_CALIBRATION_LARGEST; b++) {
        bool taken = false;
        for (size_t i = 0; i < s->n_largest && !taken; i++)
            taken = i != at && s->largest[i].client_id == f->ids[b];
        if (!taken)
            return f->ids[b];
    }
    return f->ids[RAS_CALIBRATION_LARGEST];
}

/* Keeps a difference in the group's largest-first list, with a copy of
 * the client id (the row's is gone by the next row). */
static void note_difference(ras_calibration_group *s, ras_cal_stats *f, const ras_cal_case *k,
                            const char *id, ras_pence projected)
{
    ras_pence d = projected - k->cost;
    size_t at = ras_largest_place(s->largest, sizeof s->largest[0],
                                  offsetof(ras_calibration_diff, difference), &s->n_largest,
                                  RAS_CALIBRATION_LARGEST, d);
    if (at == RAS_CALIBRATION_LARGEST)
        return;
    char *copy = free_id(s, f, at);
    size_t len = strnlen(id, RAS_MAX_CLIENT_ID);
    memcpy(copy, id, len);
    copy[len] = '\0';
    s->largest[at] = (ras_calibration_diff){copy, k->points, k->cost, projected, d};
}

/* How one case fares under the new table, counted in group g's figures
 * (its own group or "all"). */
static ras_status second_in(ras_calibration *cal, size_t g, const ras_cal_case *k, const char *id,
                            ras_pence projected, ras_error *err)
{
    ras_calibration_group *s = &cal->groups[g];
    ras_cal_stats *f = &cal->stats[g];
    if (!ras_add_i64(s->projected_total, projected, &s->projected_total))
        return too_large(err, "the total of new budgets");
    if (!priced(k))
        return RAS_OK;
    if (!ras_add_i64(s->projected_priced, projected, &s->projected_priced))
        return too_large(err, "the total of new budgets");
    if (f->fitted) {
        double e = (double)k->cost - f->b * (double)k->points;
        double dm = (double)k->cost - f->mean;
        f->sse += e * e;
        f->sst += dm * dm;
    }
    /* Both are at most RAS_MAX_PENCE, so ten times either fits. */
    ras_pence d = projected - k->cost;
    s->gaining += d * 10 > k->cost ? 1 : 0;
    s->losing += -d * 10 > k->cost ? 1 : 0;
    if (k->cost > 0) {
        f->pct += (double)(d < 0 ? -d : d) / (double)k->cost;
        f->n_pct++;
    }
    note_difference(s, f, k, id, projected);
    return RAS_OK;
}

static ras_status second_look(ras_calibration *cal, const ras_cal_case *k, const char *id,
                              ras_pence budget, ras_error *err)
{
    ras_pence projected = 0;
    ras_status st = project_case(cal, k, budget, &projected, err);
    if (st == RAS_OK)
        st = second_in(cal, k->group, k, id, projected, err);
    return st == RAS_OK ? second_in(cal, cal->n_groups - 1, k, id, projected, err) : st;
}

/* The second look at the kept cases, in input order. */
static ras_status second_look_kept(ras_calibration *cal, ras_error *err)
{
    size_t package = 0;
    ras_status st = RAS_OK;
    for (size_t i = 0; i < cal->n_cases && st == RAS_OK; i++) {
        const ras_cal_case *k = &cal->cases[i];
        ras_pence budget = k->flags & RAS_CAL_EXISTING ? cal->packages[package++] : 0;
        st = second_look(cal, k, cal->ids + k->id_offset, budget, err);
    }
    return st;
}

/* R squared, 1 - SSE/SST with SSE = sum((y - b*x)^2) and SST = sum((y -
 * mean y)^2), and the mean percentage difference, from the second look. */
static void finish_groups(ras_calibration *cal)
{
    for (size_t g = 0; g < cal->n_groups; g++) {
        ras_calibration_group *s = &cal->groups[g];
        const ras_cal_stats *f = &cal->stats[g];
        s->has_r_squared = f->fitted && f->sst > 0;
        s->r_squared = s->has_r_squared ? 1.0 - f->sse / f->sst : 0.0;
        s->has_mape = f->n_pct > 0;
        s->mape = f->n_pct ? 100.0 * f->pct / (double)f->n_pct : 0.0;
    }
}

/* The latest table's groups and "all", for the counts made while
 * reading, and the room for a trial group's values. */
static ras_status make_groups(ras_calibration *cal, ras_error *err)
{
    const ras_table *t = cal->latest;
    cal->n_groups = t->n_groups + 1;
    cal->groups = ras_arena_array(&cal->arena, cal->n_groups, sizeof *cal->groups);
    size_t most = 1;
    for (size_t g = 0; g < t->n_groups; g++)
        most = t->groups[g].n_bands > most ? t->groups[g].n_bands : most;
    cal->scratch = ras_arena_array(&cal->arena, most, sizeof *cal->scratch);
    cal->stats = ras_arena_array(&cal->arena, cal->n_groups, sizeof *cal->stats);
    if (!cal->groups || !cal->scratch || !cal->stats)
        return no_memory(err);
    for (size_t g = 0; g < cal->n_groups; g++) {
        cal->groups[g].name = g < t->n_groups ? t->groups[g].name : "all";
        cal->stats[g].ids =
            ras_arena_array(&cal->arena, RAS_CALIBRATION_LARGEST + 1, sizeof *cal->stats[g].ids);
        if (!cal->stats[g].ids)
            return no_memory(err);
    }
    return RAS_OK;
}

/* The kinds of "all": every group's, counted once a case as read. */
static ras_status merge_kinds(ras_calibration *cal, ras_error *err)
{
    ras_cal_kinds *all = &cal->stats[cal->n_groups - 1].kinds;
    for (size_t g = 0; g + 1 < cal->n_groups; g++)
        if (!ras_cal_merge_kinds(all, &cal->stats[g].kinds))
            return no_memory(err);
    return RAS_OK;
}

/* The prices from the first look, and the new table. */
static ras_status work_out(ras_calibration *cal, ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    ras_status st = merge_kinds(cal, err);
    for (size_t g = 0; g < cal->n_groups && st == RAS_OK; g++)
        if ((st = fit_group(cal, g, err)) == RAS_OK)
            ras_cal_solve_group(cal, g);
    return st == RAS_OK ? ras_cal_build_fresh(cal, warn, warn_ctx, err) : st;
}

/* ---- the public calls ---------------------------------------------- */

/* Where in is when it is a regular file that can be read again from
 * there, else -1. */
static off_t start_of(FILE *in)
{
    struct stat st;
    int fd = fileno(in);
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return -1;
    return ftello(in);
}

static void close_reading(reader *rd)
{
    ras_row_versions_free(&rd->versions);
    ras_csv_close(&rd->csv);
    ras_rows_free(&rd->rows);
    memset(&rd->csv, 0, sizeof rd->csv);
    memset(&rd->rows, 0, sizeof rd->rows);
}

/* The second reading of a file, from where the first began, for the
 * second look; rows are neither counted nor named again. */
static ras_status read_again(reader *rd, FILE *in, off_t start, const ras_read_options *opts,
                             ras_error *err)
{
    ras_calibration *cal = rd->cal;
    uint64_t first = rd->used;
    if (fseeko(in, start, SEEK_SET) != 0)
        return ras_fail(err, RAS_ERR_IO, cal->in_name, 0, 0, NULL, "cannot read it again");
    rd->again = true;
    rd->warn = NULL;
    ras_status st = ras_rows_open(&rd->rows, &rd->csv, in, cal->in_name, opts, err);
    if (st == RAS_OK)
        st = read_all(rd, second_look, err);
    close_reading(rd);
    if (st == RAS_OK && rd->used != first)
        st = ras_fail(err, RAS_ERR_IO, cal->in_name, 0, 0, NULL,
                      "the file changed while it was read");
    return st;
}

static ras_status calibrate(ras_calibration *cal, FILE *in, const ras_read_options *opts,
                            unsigned flags, ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    reader rd;
    memset(&rd, 0, sizeof rd);
    rd.cal = cal;
    rd.warn = warn;
    rd.warn_ctx = warn_ctx;
    off_t start = start_of(in);
    ras_hash_read hash;
    /* The calibration hashes what it reads itself (even a workbook's bytes). */
    ras_status st = ras_rows_open_hashed(&rd.rows, &rd.csv, in, &hash, cal->in_name, opts, err);
    if (st != RAS_OK)
        return st;
    /* A workbook is read by seeking within it: kept, as standard input is. */
    cal->keeps_cases =
        start < 0 || (flags & RAS_CALIBRATE_PLOT) != 0 || ras_records_workbook(&rd.csv);
    rd.own_c = ras_case_new(cal->model);
    rd.own_r = ras_result_new(cal->model);
    if (rd.own_r)
        ras_result_keep_details(rd.own_r, false); /* a case needs only the figures */
    if (!rd.own_c || !rd.own_r)
        st = no_memory(err);
    if (st == RAS_OK)
        st = make_groups(cal, err);
    if (st == RAS_OK)
        st = read_all(&rd, cal->keeps_cases ? first_look_keeping : first_look, err);
    cal->used = rd.used;
    if (st == RAS_OK && ras_records_workbook(&rd.csv))
        ras_hash_read_whole(&hash); /* read by seeking, not through the hash */
    ras_hash_read_hex(&hash, cal->in_sha256);
    ras_hash_read_free(&hash);
    close_reading(&rd);
    if (st == RAS_OK)
        st = work_out(cal, warn, warn_ctx, err);
    if (st == RAS_OK)
        st = cal->keeps_cases ? second_look_kept(cal, err) : read_again(&rd, in, start, opts, err);
    if (st == RAS_OK)
        finish_groups(cal);
    ras_case_free(rd.own_c);
    ras_result_free(rd.own_r);
    return st;
}

ras_status ras_calibrate(const ras_model *model, FILE *in, const char *in_name,
                         const ras_read_options *opts, unsigned flags, ras_calibration **out,
                         ras_warn_fn warn, void *warn_ctx, ras_error *err)
{
    if (out)
        *out = NULL;
    if (!model || !in || !out || model->n_tables == 0)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    ras_calibration *cal = calloc(1, sizeof *cal);
    if (!cal)
        return no_memory(err);
    cal->model = model;
    cal->latest = ras_model_table_on(model, 0);
    cal->flat = (flags & RAS_CALIBRATE_FLAT) != 0;
    const char *name = in_name ? in_name : "-";
    cal->in_name = ras_arena_strndup(&cal->arena, name, strlen(name));
    ras_status st =
        cal->in_name ? calibrate(cal, in, opts, flags, warn, warn_ctx, err) : no_memory(err);
    if (st != RAS_OK) {
        ras_calibration_free(cal);
        return st;
    }
    *out = cal;
    return RAS_OK;
}

void ras_calibration_free(ras_calibration *cal)
{
    if (!cal)
        return;
    for (size_t g = 0; cal->stats && g < cal->n_groups; g++)
        free(cal->stats[g].kinds.slots);
    ras_arena_free(&cal->arena);
    free(cal->cases);
    free(cal->packages);
    free(cal->ids);
    free(cal);
}

uint64_t ras_calibration_rows(const ras_calibration *cal)
{
    return cal ? cal->rows : 0;
}

uint64_t ras_calibration_errors(const ras_calibration *cal)
{
    return cal ? cal->errors : 0;
}

uint64_t ras_calibration_other_versions(const ras_calibration *cal)
{
    return cal ? cal->other_version : 0;
}

const char *ras_calibration_input_sha256(const ras_calibration *cal)
{
    return cal ? cal->in_sha256 : "";
}

const ras_table *ras_calibration_table(const ras_calibration *cal)
{
    return cal ? cal->latest : NULL;
}

size_t ras_calibration_group_count(const ras_calibration *cal)
{
    return cal ? cal->n_groups : 0;
}

const ras_calibration_group *ras_calibration_group_at(const ras_calibration *cal, size_t i)
{
    return cal && i < cal->n_groups ? &cal->groups[i] : NULL;
}

void ras_cal_extent(const ras_calibration *cal, int64_t *max_points, ras_pence *max_cost)
{
    *max_points = 0;
    *max_cost = 0;
    for (size_t i = 0; i < cal->n_cases; i++) {
        if (cal->cases[i].points > *max_points)
            *max_points = cal->cases[i].points;
        if (cal->cases[i].cost > *max_cost)
            *max_cost = cal->cases[i].cost;
    }
}
