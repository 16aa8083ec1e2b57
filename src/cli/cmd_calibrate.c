/* cmd_calibrate.c - `ras calibrate`: the price per point that keeps the
 * RAS cost neutral against current spend (docs/calibration.md), with the report on
 * standard output, and optionally the new scoring table and a plot. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "commands.h"
#include "extra_opts.h"
#include "help.h"
#include "input.h"
#include "model_arg.h"
#include "options.h"
#include "output.h"
#include "ras.h"
#include "read_opts.h"
#include "report.h"
#include "run_info.h"

static const ras_cli_spec calibrate_spec = {
    "calibrate", RAS_OPT_OUTPUT | RAS_OPT_FORMAT | RAS_OPT_HTML | RAS_OPT_DATES, 1, "COSTS.csv"};

/* The reading options (read_opts.h) come last, in their order. */
enum { X_WRITE, X_PLOT, X_FROM, X_REPORT, X_READ, N_EXTRAS = X_READ + RAS_READ_OPT_COUNT };

typedef struct cal_run {
    const ras_cli_opts *opts;
    const char *write;
    const char *plot;
    const char *report; /* where the report goes: --report or -o (NULL: standard output) */
    ras_date from;      /* effective_from of the written table */
    unsigned flags;     /* RAS_CALIBRATE_* */
    ras_read_options read;
    ras_run_info run;
} cal_run;

static void warn_row(void *ctx, const ras_error *warning)
{
    ras_cli_report(warning, (const char *)ctx);
}

static ras_exit usage(const char *fmt, const char *what)
{
    fputs("ras calibrate: ", stderr);
    ras_cli_print(stderr, fmt, what);
    fprintf(stderr, "\nusage: %s\nTry 'ras calibrate --help' for more.\n",
            ras_cli_synopsis("calibrate"));
    return RAS_EXIT_USAGE;
}

/* The report goes to --report FILE or -o FILE (the same thing for
 * calibrate, whose report is its output), not both. */
static ras_exit choose_report(cal_run *r)
{
    if (r->report != NULL && r->opts->output != NULL)
        return usage("%s", "give the report's file with -o or --report, not both");
    if (r->report == NULL)
        r->report = r->opts->output;
    return RAS_EXIT_OK;
}

/* --effective-from DATE, else today (local time). */
static ras_exit choose_date(const char *text, ras_date *out)
{
    if (text != NULL) {
        if (ras_date_parse(text, strlen(text), out) != RAS_OK)
            return usage("--effective-from must be a date YYYY-MM-DD, not '%s'", text);
        return RAS_EXIT_OK;
    }
    time_t now = time(NULL);
    struct tm tm;
    if (now == (time_t)-1 || localtime_r(&now, &tm) == NULL) {
        ras_cli_say("cannot tell today's date: give --effective-from");
        return RAS_EXIT_USAGE;
    }
    *out = (ras_date)((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday);
    return RAS_EXIT_OK;
}

static ras_exit write_report(const cal_run *r, const ras_calibration *cal)
{
    ras_out out;
    ras_exit rc = ras_out_open(&out, r->report, r->opts->args[0]);
    if (rc != RAS_EXIT_OK)
        return rc;
    if (ras_out_is_workbook(r->report)) {
        /* the library writes the workbook at the temporary's path */
        ras_error err;
        const char *path = ras_out_workbook_path(&out, &err);
        if (path == NULL || ras_calibration_write_workbook(cal, &r->run, path, &err) != RAS_OK) {
            ras_out_abort(&out);
            ras_cli_report(&err, r->report);
            return RAS_EXIT_IO;
        }
    } else if (r->opts->format == RAS_FORMAT_JSON)
        ras_calibration_write_json(cal, &r->run, out.fp);
    else if (r->opts->format == RAS_FORMAT_HTML)
        ras_calibration_write_html(cal, &r->run, out.fp);
    else
        ras_calibration_write_text(cal, &r->run, out.fp);
    return ras_out_commit(&out);
}

/* True when path names one of the files the model was loaded from: the
 * new table must never replace the one it was calibrated from, or any
 * other file of the model in use. */
static bool model_file(const ras_model *model, const char *path)
{
    struct stat want, st;
    if (stat(path, &want) != 0)
        return false;
    if (stat(ras_model_file(model), &st) == 0 && st.st_dev == want.st_dev &&
        st.st_ino == want.st_ino)
        return true;
    for (size_t i = 0; i < ras_model_table_count(model); i++) {
        const char *f = ras_table_file(ras_model_table(model, i));
        if (stat(f, &st) == 0 && st.st_dev == want.st_dev && st.st_ino == want.st_ino)
            return true;
    }
    return false;
}

static ras_exit write_table(const cal_run *r, const ras_model *model, const ras_calibration *cal)
{
    ras_out out;
    ras_error err;
    if (model_file(model, r->write)) {
        ras_cli_say("refusing to write over %s: the model was loaded from it (write the new "
                    "table elsewhere, compare, then adopt it)",
                    r->write);
        return RAS_EXIT_USAGE;
    }
    ras_exit rc = ras_out_open(&out, r->write, r->opts->args[0]);
    if (rc != RAS_EXIT_OK)
        return rc;
    ras_error_clear(&err);
    ras_status st = ras_calibration_write_table(cal, r->from, out.fp, &err);
    if (st != RAS_OK) {
        ras_out_abort(&out);
        ras_cli_report(&err, r->write);
        return st == RAS_ERR_ARG ? RAS_EXIT_USAGE : RAS_EXIT_IO;
    }
    return ras_out_commit(&out);
}

static ras_exit write_plot(const cal_run *r, const ras_calibration *cal)
{
    ras_out out;
    ras_exit rc = ras_out_open(&out, r->plot, r->opts->args[0]);
    if (rc != RAS_EXIT_OK)
        return rc;
    ras_calibration_write_svg(cal, out.fp);
    return ras_out_commit(&out);
}

static ras_exit run(const cal_run *r, const ras_model *model, FILE *in, const char *in_name)
{
    ras_calibration *cal = NULL;
    ras_error err;
    ras_error_clear(&err);
    ras_status st = ras_calibrate(model, in, in_name, &r->read, r->flags, &cal, warn_row,
                                  (void *)in_name, &err);
    if (st != RAS_OK) {
        ras_cli_report(&err, in_name);
        return ras_cli_data_exit(st);
    }
    ras_exit rc = write_report(r, cal);
    if (rc == RAS_EXIT_OK && r->write != NULL)
        rc = write_table(r, model, cal);
    if (rc == RAS_EXIT_OK && r->plot != NULL)
        rc = write_plot(r, cal);
    if (rc == RAS_EXIT_OK && ras_calibration_errors(cal) > 0)
        rc = RAS_EXIT_FOUND;
    ras_calibration_free(cal);
    return rc;
}

/* A new table must take effect after the latest one: refused before the
 * input is read, rather than after the report. */
static ras_exit check_date(const cal_run *r, const ras_model *model)
{
    const ras_table *latest = ras_model_table_on(model, 0);
    if (r->write == NULL || latest == NULL || ras_table_effective_from(latest) < r->from)
        return RAS_EXIT_OK;
    char from[11], date[11];
    ras_date_format(ras_table_effective_from(latest), from);
    ras_date_format(r->from, date);
    ras_cli_say("%s: scoring table '%s' takes effect on %s: a new table must take effect "
                "after it, not on %s (give --effective-from)",
                ras_table_file(latest), ras_table_id(latest), from, date);
    return RAS_EXIT_USAGE;
}

/* Before anything is read or written: no output may be an input, a model
 * file or another output (docs/design.md, "Output files"). */
static ras_exit check_files(const cal_run *r, const ras_model *model)
{
    const ras_out_file outputs[] = {
        {"-o", r->opts->output}, {"--write", r->write}, {"--plot", r->plot}};
    const ras_out_file inputs[] = {{"the input", r->opts->args[0]}};
    return ras_out_check_files(outputs, sizeof outputs / sizeof outputs[0], inputs,
                               sizeof inputs / sizeof inputs[0], model);
}

static ras_exit open_and_run(const cal_run *r, const ras_model *model)
{
    ras_exit rc = check_date(r, model);
    if (rc == RAS_EXIT_OK)
        rc = check_files(r, model);
    if (rc != RAS_EXIT_OK)
        return rc;
    const char *name;
    FILE *in = ras_in_open(r->opts->args[0], &name);
    if (in == NULL)
        return RAS_EXIT_IO;
    rc = run(r, model, in, name);
    ras_in_close(in);
    return rc;
}

ras_exit ras_cmd_calibrate(int argc, char **argv)
{
    static const char *const names[N_EXTRAS] = {"write", "plot", "effective-from", "report",
                                                RAS_READ_OPT_NAMES};
    const char *values[N_EXTRAS];
    char **rest = NULL;
    int n_rest = 0;
    ras_cli_opts opts;
    ras_model *model = NULL;
    ras_exit rc =
        ras_cli_take_extras("calibrate", argc, argv, names, N_EXTRAS, values, &rest, &n_rest);
    if (rc != RAS_EXIT_OK) {
        free(rest);
        return rc;
    }
    ras_cli_read read;
    memset(&read, 0, sizeof read);
    cal_run r = {&opts, values[X_WRITE], values[X_PLOT], values[X_REPORT], 0,
                 0,     read.opts,       {0, NULL}};
    r.flags = ras_cli_take_flag(rest, &n_rest, "flat") ? RAS_CALIBRATE_FLAT : 0;
    rc = ras_cli_parse(&calibrate_spec, n_rest, rest, &opts);
    if (rc == RAS_EXIT_OK && opts.help)
        rc = ras_cli_help_command(calibrate_spec.command);
    else if (rc == RAS_EXIT_OK && (rc = choose_report(&r)) == RAS_EXIT_OK &&
             (rc = choose_date(values[X_FROM], &r.from)) == RAS_EXIT_OK &&
             (rc = ras_cli_run_info(&r.run, "calibrate", argc, argv)) == RAS_EXIT_OK &&
             (rc = ras_cli_read_options("calibrate", &values[X_READ], &opts, &read)) ==
                 RAS_EXIT_OK &&
             (rc = ras_cli_load_model(&opts, &model)) == RAS_EXIT_OK) {
        r.read = read.opts;
        /* The plot draws every case: only then are they kept. */
        if (r.plot != NULL || opts.format == RAS_FORMAT_HTML)
            r.flags |= RAS_CALIBRATE_PLOT;
        rc = open_and_run(&r, model);
    }
    ras_cli_read_free(&read);
    ras_cli_run_info_free(&r.run);
    ras_model_free(model);
    ras_cli_opts_free(&opts);
    free(rest);
    return rc;
}
