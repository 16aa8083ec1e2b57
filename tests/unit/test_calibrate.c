/* test_calibrate.c - ras_calibrate's statistics on data small enough to
 * work by hand, the table it writes (read back and re-scored), the
 * rows it leaves out and the plot. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char questionnaire[] = "questionnaire: c\n"
                                    "version: \"1\"\n"
                                    "title: C\n"
                                    "domains:\n"
                                    "  - id: d\n"
                                    "    title: D\n"
                                    "    questions:\n"
                                    "      - id: hours\n"
                                    "        type: number\n"
                                    "        text: Hours?\n"
                                    "        min: 0\n"
                                    "        max: 100\n"
                                    "        points_per_unit: 1\n"
                                    "      - id: carer\n"
                                    "        text: Carer?\n"
                                    "        required: false\n"
                                    "        answers:\n"
                                    "          - {id: none, text: None, points: 0}\n"
                                    "          - {id: some, text: Some, points: 0, adjust: -10%}\n";

static const char table[] = "scoring: c\n"
                            "version: \"1\"\n"
                            "questionnaire: c\n"
                            "threshold: 2\n"
                            "groups:\n"
                            "  default:\n"
                            "    bands:\n"
                            "      - {from: 0, rate: 9.00}\n"
                            "  b:\n"
                            "    steps:\n"
                            "      - {from: 0, amount: 0}\n"
                            "      - {from: 5, amount: 90.00}\n";

/* Points are the hours. P4 is below the threshold (2) and P5 keeps its
 * existing package: neither makes the prices. */
static const char costs[] =
    "client_id,group,new_client,needs_increased,existing_package,hours,current_cost\n"
    "P1,,,,,2,30.00\n"
    "P2,,,,,4,50.00\n"
    "P3,,,,,6,70.00\n"
    "P4,,,,,1,5.00\n"
    "P5,,no,no,80.00,4,80.00\n"
    "Q1,b,,,,10,100.00\n";

static ras_calibration *calibrate_text(const ras_model *m, const char *csv, unsigned *warnings);

static void count_warning(void *ctx, const ras_error *w)
{
    (void)w;
    ++*(unsigned *)ctx;
}

static ras_calibration *calibrate_text(const ras_model *m, const char *csv, unsigned *warnings)
{
    FILE *in = fmemopen((void *)csv, strlen(csv), "r");
    assert_non_null(in);
    ras_calibration *cal = NULL;
    ras_error err;
    ras_error_clear(&err);
    ras_status st = ras_calibrate(m, in, "costs.csv", NULL, 0, &cal, count_warning, warnings, &err);
    fclose(in);
    if (st != RAS_OK)
        fail_msg("calibrate: %s", err.message);
    return cal;
}

/* The default group, by hand (x points, y cost in pence), priced cases
 * P1 (2, 3000), P2 (4, 5000), P3 (6, 7000):
 *   cost / points: sum y / sum x = 15000 / 12 = 1250p = 12.50 a point;
 *   with no adjustment, rounding, floor or ceiling to bite it is also the
 *   cost-neutral price (12.50 x 12 = 150.00, the cost exactly).
 *   least squares through the origin: sum xy / sum x^2
 *     = (6000 + 20000 + 42000) / (4 + 16 + 36) = 68000 / 56
 *     = 1214.2857...p, half up 1214p = 12.14.
 *   R^2 = 1 - SSE/SST with b = 68000/56 = 8500/7:
 *     residuals y - bx = 4000/7, 1000/7, -2000/7; SSE = 21e6/49;
 *     mean y = 5000, SST = 2000^2 + 0 + 2000^2 = 8e6;
 *     R^2 = 1 - (21e6/49)/8e6 = 1 - 3/56 = 53/56 = 0.946428...
 *   new budgets at 12.50: 25.00, 50.00, 75.00 against 30.00, 50.00,
 *     70.00: P1 loses 16.7% (more than 10%), P3 gains 7.1% (not);
 *     mean absolute % = (5/30 + 0 + 5/70) / 3 = 7.9365...%. */
static void test_default_group(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    unsigned warnings = 0;
    ras_calibration *cal = calibrate_text(m, costs, &warnings);
    assert_int_equal(warnings, 0);
    assert_int_equal(ras_calibration_rows(cal), 6);
    assert_int_equal(ras_calibration_errors(cal), 0);
    assert_int_equal(ras_calibration_group_count(cal), 3); /* default, b, all */
    const ras_calibration_group *g = ras_calibration_group_at(cal, 0);
    assert_string_equal(g->name, "default");
    assert_int_equal(g->cases, 5);
    assert_int_equal(g->eligible, 4);
    assert_int_equal(g->kept, 1);
    assert_int_equal(g->priced, 3);
    assert_int_equal(g->total_cost, 15000);
    assert_int_equal(g->total_points, 12);
    assert_int_equal(g->ratio_price, 1250);
    assert_int_equal(g->neutral_price, 1250);
    assert_int_equal(g->fitted_price, 1214);
    assert_true(g->has_r_squared);
    assert_true(g->r_squared > 53.0 / 56.0 - 1e-9 && g->r_squared < 53.0 / 56.0 + 1e-9);
    assert_true(g->has_mape);
    assert_true(g->mape > 7.9365 && g->mape < 7.9366);
    assert_int_equal(g->gaining, 0);
    assert_int_equal(g->losing, 1);
    /* Current table, 9.00 a point: 18 + 36 + 54 + 0 (P4) + 80 (P5 kept). */
    assert_int_equal(g->current_total, 18800);
    assert_int_equal(g->projected_priced, 15000); /* exactly neutral: no rounding here */
    assert_int_equal(g->projected_total, 15000 + 8000);
    assert_true(g->repriced);
    /* Largest first; P1 (-5.00) and P3 (+5.00) tie: the earlier row first. */
    assert_int_equal(g->n_largest, 3);
    assert_string_equal(g->largest[0].client_id, "P1");
    assert_int_equal(g->largest[0].difference, -500);
    assert_int_equal(g->largest[0].projected, 2500);
    assert_string_equal(g->largest[1].client_id, "P3");
    assert_int_equal(g->largest[1].difference, 500);
    assert_string_equal(g->largest[2].client_id, "P2");
    assert_int_equal(g->largest[2].difference, 0);
    ras_calibration_free(cal);
    ras_model_free(m);
}

/* Group b, one case Q1 (10, 10000): both prices 10000/10 = 1000p; the
 * cost does not vary, so SST = 0 and R^2 is not defined.
 * All groups, priced P1, P2, P3, Q1:
 *   cost / points: 25000 / 22 = 1136.36...p, half up 1136p; cost
 *   neutral: 22 x 1136 = 24992 is 8p short, 22 x 1137 = 25014 is 14p
 *   over: 1136p.
 *   least squares: (68000 + 100000) / (56 + 100) = 168000 / 156
 *     = 1076.92...p, half up 1077p.
 *   R^2, b = 14000/13: residuals 11000/13, 9000/13, 7000/13, -10000/13,
 *     SSE = (121 + 81 + 49 + 100)e6 / 169 = 351e6/169; mean y = 6250,
 *     SST = 3250^2 + 1250^2 + 750^2 + 3750^2 = 26 750 000;
 *     R^2 = 1 - 351e6 / (169 x 26.75e6) = 0.922358... */
static void test_other_group_and_all(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    unsigned warnings = 0;
    ras_calibration *cal = calibrate_text(m, costs, &warnings);
    const ras_calibration_group *b = ras_calibration_group_at(cal, 1);
    assert_string_equal(b->name, "b");
    assert_int_equal(b->neutral_price, 1000);
    assert_int_equal(b->fitted_price, 1000);
    assert_false(b->has_r_squared);
    assert_int_equal(b->projected_total, 10000);
    const ras_calibration_group *all = ras_calibration_group_at(cal, 2);
    assert_string_equal(all->name, "all");
    assert_int_equal(all->cases, 6);
    assert_int_equal(all->priced, 4);
    assert_int_equal(all->total_cost, 25000);
    assert_int_equal(all->ratio_price, 1136);
    assert_int_equal(all->neutral_price, 1136);
    assert_int_equal(all->fitted_price, 1077);
    double want = 1.0 - 351e6 / (169.0 * 26.75e6);
    assert_true(all->r_squared > want - 1e-9 && all->r_squared < want + 1e-9);
    assert_int_equal(all->losing, 1);
    assert_int_equal(all->projected_total, 23000 + 10000);
    assert_null(ras_calibration_group_at(cal, 3));
    ras_calibration_free(cal);
    ras_model_free(m);
}

/* An adjustment scales the budget, so cost / points is not cost neutral:
 * X1 (10 points, -10%, cost 90.00) and X2 (10 points, cost 100.00).
 *   cost / points = 19000 / 20 = 950p.
 *   at p pence a point the RAS amounts are 10p x 0.9 + 10p = 19p, which
 *   is 19000 at p = 1000: the cost-neutral price is 10.00.
 * Both cases then get exactly their cost back, 90.00 and 100.00. */
static void test_adjustments_in_the_neutral_price(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    unsigned warnings = 0;
    ras_calibration *cal = calibrate_text(m,
                                          "client_id,hours,carer,current_cost\n"
                                          "X1,10,some,90.00\n"
                                          "X2,10,none,100.00\n",
                                          &warnings);
    const ras_calibration_group *g = ras_calibration_group_at(cal, 0);
    assert_int_equal(g->ratio_price, 950);
    assert_int_equal(g->neutral_price, 1000);
    assert_false(g->out_of_reach);
    assert_int_equal(g->projected_priced, 19000);
    assert_int_equal(g->gaining + g->losing, 0);
    assert_int_equal(g->largest[0].difference, 0);
    ras_calibration_free(cal);
    ras_model_free(m);
}

/* Whole pence cannot always hit the cost: 3 points costing 10.00 need
 * 333.33...p a point. At 333p the total is 9.99 (1p short), at 334p
 * 10.02 (2p over): the nearer, 333p. */
static void test_neutral_price_nearest(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    unsigned warnings = 0;
    ras_calibration *cal =
        calibrate_text(m, "client_id,hours,current_cost\nY,3,10.00\n", &warnings);
    const ras_calibration_group *g = ras_calibration_group_at(cal, 0);
    assert_int_equal(g->ratio_price, 333);
    assert_int_equal(g->neutral_price, 333);
    assert_int_equal(g->projected_priced, 999);
    ras_calibration_free(cal);
    ras_model_free(m);
}

/* A ceiling of 20.00 keeps a 10-point case costing 500.00 out of reach:
 * the price is the least that reaches the ceiling, 10 x 200p = 20.00. */
static void test_ceiling_out_of_reach(void **state)
{
    (void)state;
    static const char capped[] = "scoring: c\nversion: \"1\"\nquestionnaire: c\n"
                                 "ceiling: 20.00\n"
                                 "groups:\n  default:\n    bands:\n      - {from: 0, rate: 1.00}\n";
    ras_model *m = test_model(questionnaire, capped);
    unsigned warnings = 0;
    ras_calibration *cal =
        calibrate_text(m, "client_id,hours,current_cost\nZ,10,500.00\n", &warnings);
    const ras_calibration_group *g = ras_calibration_group_at(cal, 0);
    assert_int_equal(g->ratio_price, 5000);
    assert_true(g->out_of_reach);
    assert_int_equal(g->neutral_price, 200);
    assert_int_equal(g->projected_priced, 2000);
    ras_calibration_free(cal);
    ras_model_free(m);
}

/* The written table loads with the questionnaire, has a new id and
 * version from its date, prices the one-band group flat at its neutral
 * price and keeps group b's steps, scaled: Q1 (10 points, step from 5 at
 * 90.00) costs 100.00, so the step must become 100.00: the least scale
 * giving it, 90.00 x 1.111056 = 99.99504, half up 100.00 (1.111055 gives
 * 99.99). Batch reproduces the projected total. */
static void test_written_table_round_trips(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    unsigned warnings = 0;
    ras_calibration *cal = calibrate_text(m, costs, &warnings);
    char *yaml = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&yaml, &size);
    ras_error err;
    assert_int_equal(ras_calibration_write_table(cal, 20261123, out, &err), RAS_OK);
    fclose(out);
    assert_non_null(strstr(yaml, "scoring: \"c-calibrated-20261123\"\nversion: \"2026-11-23\"\n"));
    assert_non_null(strstr(yaml, "effective_from: 2026-11-23\n"));
    assert_non_null(strstr(yaml, "  default:  # 3 priced cases, 12 points, current cost 150.00\n"
                                 "    # one flat rate, the cost-neutral price\n"
                                 "    bands:\n"
                                 "      - {from: 0, rate: 12.50}\n"));
    assert_non_null(strstr(yaml, "    # its steps, each times 1.111056: cost neutral, same shape\n"
                                 "    steps:\n"
                                 "      - {from: 0, amount: 0.00}\n"
                                 "      - {from: 5, amount: 100.00}\n"));
    assert_int_equal(ras_calibration_group_at(cal, 1)->neutral_scale, 1111056);
    assert_true(ras_calibration_group_at(cal, 1)->scaled);
    assert_int_equal(ras_calibration_group_at(cal, 1)->neutral_price, 1000);

    ras_model *fresh = test_model(questionnaire, yaml);
    const ras_table *t = ras_model_table(fresh, 0);
    assert_int_equal(ras_table_band_value(t, 0, 0), 1250);
    assert_int_equal(ras_table_threshold(t), 2);
    FILE *in = fmemopen((void *)costs, strlen(costs), "r");
    FILE *sink = fopen("/dev/null", "w");
    ras_batch_summary s;
    assert_int_equal(ras_batch(fresh, in, "costs.csv", NULL, sink, &s, NULL, NULL, &err), RAS_OK);
    fclose(in);
    fclose(sink);
    assert_int_equal(s.total, ras_calibration_group_at(cal, 2)->projected_total);
    ras_model_free(fresh);
    free(yaml);
    ras_calibration_free(cal);
    ras_model_free(m);
}

/* The table written keeps the statement: section (docs/calibration.md,
 * "--write"): read back, each part given is the same text, quotes,
 * backslashes and a pound sign included, and the parts not given stay
 * unset. */
static void test_written_table_keeps_the_statement(void **state)
{
    (void)state;
    char with_statement[sizeof table + 256];
    snprintf(with_statement, sizeof with_statement, "%s%s", table,
             "statement:\n"
             "  council: Exampleshire Council\n"
             "  next:\n"
             "    panel: 'The \"panel\" checks plans over \xc2\xa3"
             "10,000 \\ each'\n"
             "  contact: Adult Social Care\n");
    ras_model *m = test_model(questionnaire, with_statement);
    unsigned warnings = 0;
    ras_calibration *cal = calibrate_text(m, costs, &warnings);
    char *yaml = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&yaml, &size);
    ras_error err;
    assert_int_equal(ras_calibration_write_table(cal, 20261123, out, &err), RAS_OK);
    fclose(out);
    assert_non_null(strstr(yaml, "statement:\n  council: \"Exampleshire Council\"\n  next:\n"));

    ras_model *fresh = test_model(questionnaire, yaml);
    const ras_table *t = ras_model_table(fresh, 0);
    assert_string_equal(ras_table_statement(t, RAS_STATEMENT_COUNCIL), "Exampleshire Council");
    assert_string_equal(ras_table_statement(t, RAS_STATEMENT_PANEL),
                        "The \"panel\" checks plans over \xc2\xa3"
                        "10,000 \\ each");
    assert_string_equal(ras_table_statement(t, RAS_STATEMENT_CONTACT), "Adult Social Care");
    assert_null(ras_table_statement(t, RAS_STATEMENT_PURPOSE));
    assert_null(ras_table_statement(t, RAS_STATEMENT_NEXT_RAS));
    ras_model_free(fresh);
    free(yaml);
    ras_calibration_free(cal);
    ras_model_free(m);
}

/* With flat pricing group b's steps become one rate, 100.00 / 10 points
 * = 10.00, and a warning says so; the one-band group is not warned about. */
static void test_flat_warns(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    FILE *in = fmemopen((void *)costs, strlen(costs), "r");
    ras_calibration *cal = NULL;
    ras_error err;
    unsigned warnings = 0;
    assert_int_equal(ras_calibrate(m, in, "costs.csv", NULL, RAS_CALIBRATE_FLAT, &cal,
                                   count_warning, &warnings, &err),
                     RAS_OK);
    fclose(in);
    assert_int_equal(warnings, 1);
    assert_false(ras_calibration_group_at(cal, 1)->scaled);
    char *yaml = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&yaml, &size);
    assert_int_equal(ras_calibration_write_table(cal, 20261123, out, &err), RAS_OK);
    fclose(out);
    assert_non_null(strstr(yaml, "  b:  # 1 priced cases, 10 points, current cost 100.00\n"
                                 "    # one flat rate, the cost-neutral price\n"
                                 "    bands:\n"
                                 "      - {from: 0, rate: 10.00}\n"));
    free(yaml);
    ras_calibration_free(cal);
    ras_model_free(m);
}

/* A table dated on or after the new date would not be followed by it. */
static void test_write_refuses_an_early_date(void **state)
{
    (void)state;
    static const char dated[] = "scoring: c\nversion: \"1\"\nquestionnaire: c\n"
                                "effective_from: 2030-01-01\n"
                                "groups:\n  default:\n    bands:\n      - {from: 0, rate: 1.00}\n";
    ras_model *m = test_model(questionnaire, dated);
    unsigned warnings = 0;
    ras_calibration *cal = calibrate_text(m, "client_id,hours,current_cost\nA,3,3.00\n", &warnings);
    ras_error err;
    ras_error_clear(&err);
    FILE *sink = fopen("/dev/null", "w");
    assert_int_equal(ras_calibration_write_table(cal, 20261123, sink, &err), RAS_ERR_ARG);
    fclose(sink);
    assert_non_null(strstr(err.message, "takes effect on 2030-01-01"));
    ras_calibration_free(cal);
    ras_model_free(m);
}

/* Bad rows are left out and named; a header without current_cost is fatal. */
static void test_rows_left_out(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    unsigned warnings = 0;
    ras_calibration *cal = calibrate_text(m,
                                          "client_id,group,hours,current_cost,notes\n"
                                          "A,,2,,\n"        /* blank cost */
                                          "B,,2,1.234,\n"   /* three decimals */
                                          "C,,200,10.00,\n" /* hours out of range */
                                          "D,zz,2,10.00,\n" /* unknown group */
                                          "E,,2,10.00,\n",
                                          &warnings);
    assert_int_equal(warnings, 5); /* the notes column, and four rows */
    assert_int_equal(ras_calibration_rows(cal), 5);
    assert_int_equal(ras_calibration_errors(cal), 4);
    assert_int_equal(ras_calibration_group_at(cal, 2)->cases, 1);
    assert_int_equal(ras_calibration_group_at(cal, 0)->neutral_price, 500);
    ras_calibration_free(cal);

    const char *no_cost = "client_id,hours\nA,2\n";
    FILE *in = fmemopen((void *)no_cost, strlen(no_cost), "r");
    ras_error err;
    ras_error_clear(&err);
    assert_int_equal(ras_calibrate(m, in, "x.csv", NULL, 0, &cal, NULL, NULL, &err),
                     RAS_ERR_SYNTAX);
    assert_null(cal);
    assert_string_equal(err.subject, "current_cost");
    fclose(in);
    ras_model_free(m);
}

/* No priced points in a group: no price, the group keeps its pricing in
 * the written table. */
static void test_group_without_points(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    unsigned warnings = 0;
    ras_calibration *cal =
        calibrate_text(m, "client_id,group,hours,current_cost\nA,,3,30.00\n", &warnings);
    const ras_calibration_group *b = ras_calibration_group_at(cal, 1);
    assert_false(b->repriced);
    assert_int_equal(b->neutral_price, 0);
    char *yaml = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&yaml, &size);
    ras_error err;
    assert_int_equal(ras_calibration_write_table(cal, 20261123, out, &err), RAS_OK);
    fclose(out);
    assert_non_null(strstr(yaml, "  b:  # no priced cases to calibrate with: prices kept\n"
                                 "    steps:\n"
                                 "      - {from: 0, amount: 0.00}\n"
                                 "      - {from: 5, amount: 90.00}\n"));
    free(yaml);
    ras_calibration_free(cal);
    ras_model_free(m);
}

/* The plot holds one circle per case, the axes' labels and the legend. */
static void test_plot(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    unsigned warnings = 0;
    ras_calibration *cal = calibrate_text(m, costs, &warnings);
    char *svg = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&svg, &size);
    assert_int_equal(ras_calibration_write_svg(cal, out), RAS_OK);
    fclose(out);
    size_t circles = 0;
    for (const char *p = svg; (p = strstr(p, "<circle cx")) != NULL; p++)
        circles++;
    assert_int_equal(circles, 6 + 2); /* six cases, a legend dot per group */
    assert_non_null(strstr(svg, ">Total points</text>"));
    assert_non_null(strstr(svg, "cost neutral, £12.50/pt"));
    assert_non_null(strstr(svg, "<title>P1: 2 points, £30.00</title>"));
    assert_non_null(strstr(svg, "</svg>\n"));
    free(svg);
    ras_calibration_free(cal);
    ras_model_free(m);
}

/* The report as text, for comparing two calibrations. */
static char *report_text(const ras_calibration *cal)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    assert_int_equal(ras_calibration_write_text(cal, NULL, out), RAS_OK);
    fclose(out);
    return text;
}

/* A file is read twice and keeps no case; memory (which cannot be read
 * twice) keeps every case: the two give the same report, the largest
 * differences' client ids included (forty rows whose differences grow,
 * so that every one pushes one off the list), and only the kept one can
 * be drawn. */
static void test_file_read_twice(void **state)
{
    (void)state;
    ras_model *m = test_model(questionnaire, table);
    char csv[4096];
    size_t len = (size_t)snprintf(
        csv, sizeof csv,
        "client_id,group,new_client,needs_increased,existing_package,hours,current_cost\n");
    for (int i = 0; i < 40; i++)
        len += (size_t)snprintf(csv + len, sizeof csv - len, "R%02d,%s,,,,%d,%d.00\n", i,
                                i % 3 ? "" : "b", 2 + i % 7, 10 + i * i);
    unsigned warnings = 0;
    ras_calibration *kept = calibrate_text(m, csv, &warnings);
    FILE *file = tmpfile();
    assert_non_null(file);
    fputs(csv, file);
    rewind(file);
    ras_calibration *twice = NULL;
    ras_error err;
    assert_int_equal(ras_calibrate(m, file, "costs.csv", NULL, 0, &twice, NULL, NULL, &err),
                     RAS_OK);
    fclose(file);
    char *a = report_text(kept), *b = report_text(twice);
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "R39"));
    FILE *out = tmpfile();
    assert_int_equal(ras_calibration_write_svg(twice, out), RAS_ERR_ARG);
    assert_int_equal(ras_calibration_write_html(twice, NULL, out), RAS_ERR_ARG);
    assert_int_equal(ftell(out), 0);
    fclose(out);
    free(a);
    free(b);
    ras_calibration_free(kept);
    ras_calibration_free(twice);
    ras_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_group),
        cmocka_unit_test(test_other_group_and_all),
        cmocka_unit_test(test_adjustments_in_the_neutral_price),
        cmocka_unit_test(test_neutral_price_nearest),
        cmocka_unit_test(test_ceiling_out_of_reach),
        cmocka_unit_test(test_written_table_round_trips),
        cmocka_unit_test(test_flat_warns),
        cmocka_unit_test(test_write_refuses_an_early_date),
        cmocka_unit_test(test_rows_left_out),
        cmocka_unit_test(test_group_without_points),
        cmocka_unit_test(test_plot),
        cmocka_unit_test(test_file_read_twice),
        cmocka_unit_test(test_written_table_keeps_the_statement),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
