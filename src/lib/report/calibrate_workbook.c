/* calibrate_workbook.c - the calibration report as an Excel workbook
 * (docs/exports.md, "Writing workbooks"): Summary (the record and the
 * rows), Groups (the figures per group, named as in the JSON report) and
 * Largest differences. */
#include <string.h>

#include "calibrate.h"
#include "error.h"
#include "workbook.h"

static const char *const groups_header[] = {"group",
                                            "cases",
                                            "eligible",
                                            "kept",
                                            "priced",
                                            "total_points",
                                            "total_current_cost",
                                            "all_cases_current_cost",
                                            "cost_per_point",
                                            "neutral_price",
                                            "out_of_reach",
                                            "neutral_scale",
                                            "least_squares_price",
                                            "r_squared",
                                            "mean_abs_pct_difference",
                                            "gaining_over_10pct",
                                            "losing_over_10pct",
                                            "current_table_total",
                                            "new_table_total",
                                            "new_table_priced",
                                            "repriced"};
#define N_GROUP_COLS (sizeof groups_header / sizeof groups_header[0])

static const char *const largest_header[] = {"group",   "client_id", "points",
                                             "current", "new",       "difference"};

typedef struct cal_book {
    ras_book book;
    lxw_format *scale, *r2, *pct;
} cal_book;

static void flag(ras_book_sheet *s, lxw_col_t col, bool v)
{
    worksheet_write_boolean(s->ws, s->row, col, v, NULL);
}

static void group_row(cal_book *cb, ras_book_sheet *s, const ras_calibration_group *g)
{
    bool all = strcmp(g->name, "all") == 0, priced = g->total_points > 0;
    lxw_col_t c = 0;
    ras_book_cstr(s, c++, g->name);
    ras_book_int(s, c++, (int64_t)g->cases);
    ras_book_int(s, c++, (int64_t)g->eligible);
    ras_book_int(s, c++, (int64_t)g->kept);
    ras_book_int(s, c++, (int64_t)g->priced);
    ras_book_int(s, c++, g->total_points);
    ras_book_money(s, c++, g->total_cost);
    ras_book_money(s, c++, g->all_cost);
    /* no priced points: no price (an empty cell, null in JSON) */
    if (priced) {
        ras_book_money(s, c, g->ratio_price);
        ras_book_money(s, c + 1, g->neutral_price);
    }
    c += 2;
    flag(s, c++, g->out_of_reach);
    if (g->scaled)
        ras_book_number(s, c, (double)g->neutral_scale / 1e6, cb->scale);
    c++;
    if (priced)
        ras_book_money(s, c, g->fitted_price);
    c++;
    if (g->has_r_squared)
        ras_book_number(s, c, g->r_squared, cb->r2);
    c++;
    if (g->has_mape)
        ras_book_number(s, c, g->mape, cb->pct);
    c++;
    ras_book_int(s, c++, (int64_t)g->gaining);
    ras_book_int(s, c++, (int64_t)g->losing);
    ras_book_money(s, c++, g->current_total);
    ras_book_money(s, c++, g->projected_total);
    ras_book_money(s, c++, g->projected_priced);
    flag(s, c, g->repriced || all);
    ras_book_next(s);
}

static void largest_rows(ras_book_sheet *s, const ras_calibration_group *g)
{
    for (size_t i = 0; i < g->n_largest; i++) {
        const ras_calibration_diff *d = &g->largest[i];
        ras_book_cstr(s, 0, g->name);
        ras_book_cstr(s, 1, d->client_id);
        ras_book_int(s, 2, d->points);
        ras_book_money(s, 3, d->current);
        ras_book_money(s, 4, d->projected);
        ras_book_money(s, 5, d->difference);
        ras_book_next(s);
    }
}

static void write_sheets(cal_book *cb, const ras_calibration *cal, const ras_run_info *run)
{
    ras_book *b = &cb->book;
    ras_book_sheet s;
    if (!ras_book_summary(b, &s, cal->model, run, cal->in_name, cal->in_sha256))
        return;
    ras_book_summary_count(&s, "rows read", cal->rows, NULL);
    ras_book_summary_count(&s, "rows used", cal->used, NULL);
    ras_book_summary_count(&s, "rows left out", cal->errors, NULL);
    ras_book_summary_count(&s, "rows on another version", cal->other_version,
                           "of the rows left out: answered on a questionnaire version the "
                           "table does not price");
    char idv[2 * RAS_MAX_ID + 2];
    snprintf(idv, sizeof idv, "%s@%s", cal->latest->id, cal->latest->version);
    ras_book_cstr(&s, RAS_BOOK_ITEM, "calibrated");
    ras_book_cstr(&s, RAS_BOOK_VALUE, idv);
    ras_book_cstr(&s, RAS_BOOK_NOTE, "the latest table");
    ras_book_cstr(&s, RAS_BOOK_SHA256, cal->latest->fingerprint);
    ras_book_next(&s);

    cb->scale = ras_book_format(b, "0.000000");
    cb->r2 = ras_book_format(b, "0.0000");
    cb->pct = ras_book_format(b, "0.0");
    if (!ras_book_sheet_add(b, &s, "Groups", groups_header, N_GROUP_COLS, true))
        return;
    worksheet_set_column(s.ws, 0, 0, 16, NULL);
    worksheet_set_column(s.ws, 1, (lxw_col_t)(N_GROUP_COLS - 1), 14, NULL);
    for (size_t g = 0; g < cal->n_groups; g++)
        group_row(cb, &s, &cal->groups[g]);
    ras_book_sheet_end(&s);

    if (!ras_book_sheet_add(b, &s, "Largest differences", largest_header, 6, true))
        return;
    worksheet_set_column(s.ws, 0, 1, 16, NULL);
    worksheet_set_column(s.ws, 3, 5, 14, NULL);
    for (size_t g = 0; g < cal->n_groups; g++)
        largest_rows(&s, &cal->groups[g]);
    ras_book_sheet_end(&s);
}

ras_status ras_calibration_write_workbook(const ras_calibration *cal, const ras_run_info *run,
                                          const char *path, ras_error *err)
{
    if (!cal || !path)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "invalid argument");
    cal_book cb;
    memset(&cb, 0, sizeof cb);
    ras_status st = ras_book_open(&cb.book, path, err);
    if (st != RAS_OK)
        return st;
    write_sheets(&cb, cal, run);
    return ras_book_close(&cb.book, err);
}
