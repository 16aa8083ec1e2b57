/* cmd_compare.c - `ras compare`: every case priced under the old and the
 * new scoring table, and who gains and who loses (docs/compare.md). The
 * report goes to standard output or --report; one row per case to -o. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "compare_tables.h"
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

static const ras_cli_spec compare_spec = {
    "compare", RAS_OPT_OUTPUT | RAS_OPT_FORMAT | RAS_OPT_HTML | RAS_OPT_RAW_TEXT | RAS_OPT_DATES, 1,
    "CASES.csv"};

/* The reading options (read_opts.h) come last, in their order. */
enum { X_FROM, X_TO, X_BY, X_REPORT, X_READ, N_EXTRAS = X_READ + RAS_READ_OPT_COUNT };

typedef struct compare_run {
    const ras_cli_opts *opts;
    const char *report;
    char *by_text; /* --by, a copy cut at its commas */
    const char *by[RAS_COMPARE_BY_MAX];
    size_t n_by;
    ras_read_options read;
    ras_run_info run;
} compare_run;

static void warn_row(void *ctx, const ras_error *warning)
{
    ras_cli_report(warning, (const char *)ctx);
}

static ras_exit usage(const char *fmt, const char *what)
{
    fputs("ras compare: ", stderr);
    fprintf(stderr, fmt, what);
    fprintf(stderr, "\nusage: %s\nTry 'ras compare --help' for more.\n",
            ras_cli_synopsis("compare"));
    return RAS_EXIT_USAGE;
}

/* --by COL,COL...: the columns to break the figures down by. */
static ras_exit split_by(compare_run *c, const char *text)
{
    if (text == NULL)
        return RAS_EXIT_OK;
    c->by_text = malloc(strlen(text) + 1);
    if (c->by_text == NULL) {
        ras_cli_say("out of memory");
        return RAS_EXIT_IO;
    }
    memcpy(c->by_text, text, strlen(text) + 1);
    for (char *p = c->by_text, *comma; p != NULL; p = comma ? comma + 1 : NULL) {
        comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (*p == '\0')
            return usage("--by needs column names separated by commas, not '%s'", text);
        if (c->n_by == RAS_COMPARE_BY_MAX)
            return usage("--by names more than 8 columns: '%s'", text);
        c->by[c->n_by++] = p;
    }
    return RAS_EXIT_OK;
}

static ras_exit write_report(const compare_run *c, const ras_comparison *cmp)
{
    ras_out out;
    ras_exit rc = ras_out_open(&out, c->report, c->opts->args[0]);
    if (rc != RAS_EXIT_OK)
        return rc;
    if (c->opts->format == RAS_FORMAT_JSON)
        ras_comparison_write_json(cmp, &c->run, out.fp);
    else if (c->opts->format == RAS_FORMAT_HTML)
        ras_comparison_write_html(cmp, &c->run, out.fp);
    else
        ras_comparison_write_text(cmp, &c->run, out.fp);
    return ras_out_commit(&out);
}

/* The rows are read with base, the model named, so that each is
 * answered on its questionnaire version (old, loaded for --from, holds
 * the latest version only); old's latest table prices before. */
static ras_exit run(const compare_run *c, const ras_model *base, const ras_model *old,
                    const ras_model *fresh, FILE *in, const char *in_name)
{
    ras_comparison *cmp = NULL;
    ras_error err;
    ras_out rows;
    bool with_rows = c->opts->output != NULL;
    ras_exit rc = with_rows ? ras_out_open(&rows, c->opts->output, c->opts->args[0]) : RAS_EXIT_OK;
    if (rc != RAS_EXIT_OK)
        return rc;
    ras_error_clear(&err);
    ras_status st = ras_compare(base, ras_model_table_on(old, 0), ras_model_table_on(fresh, 0), in,
                                in_name, &c->read, c->by, c->n_by, with_rows ? rows.fp : NULL,
                                c->opts->raw_text ? RAS_CSV_RAW_TEXT : 0u, &cmp, warn_row,
                                (void *)in_name, &err);
    if (st != RAS_OK) {
        if (with_rows)
            ras_out_abort(&rows);
        ras_cli_report(&err, in_name);
        return ras_cli_data_exit(st);
    }
    if (with_rows)
        rc = ras_out_commit(&rows);
    if (rc == RAS_EXIT_OK)
        rc = write_report(c, cmp);
    if (rc == RAS_EXIT_OK && ras_comparison_errors(cmp) > 0)
        rc = RAS_EXIT_FOUND;
    ras_comparison_free(cmp);
    return rc;
}

/* The old table: --from, else the model's latest; the new: --to. */
static ras_exit load_and_run(const compare_run *c, const ras_model *base, const char *from,
                             const char *to)
{
    ras_model *old = NULL, *fresh = NULL;
    ras_exit rc = from ? ras_cli_model_for_table(base, from, &old) : RAS_EXIT_OK;
    if (rc == RAS_EXIT_OK)
        rc = ras_cli_model_for_table(base, to, &fresh);
    if (rc == RAS_EXIT_OK) {
        const char *name;
        FILE *in = ras_in_open(c->opts->args[0], &name);
        rc = in ? run(c, base, old ? old : base, fresh, in, name) : RAS_EXIT_IO;
        if (in)
            ras_in_close(in);
    }
    ras_model_free(old);
    ras_model_free(fresh);
    return rc;
}

ras_exit ras_cmd_compare(int argc, char **argv)
{
    static const char *const names[N_EXTRAS] = {"from", "to", "by", "report", RAS_READ_OPT_NAMES};
    const char *values[N_EXTRAS];
    char **rest = NULL;
    int n_rest = 0;
    ras_cli_opts opts;
    ras_model *model = NULL;
    compare_run c;
    memset(&c, 0, sizeof c);
    c.opts = &opts;
    ras_exit rc =
        ras_cli_take_extras("compare", argc, argv, names, N_EXTRAS, values, &rest, &n_rest);
    if (rc != RAS_EXIT_OK) {
        free(rest);
        return rc;
    }
    c.report = values[X_REPORT];
    ras_cli_read read;
    memset(&read, 0, sizeof read);
    rc = ras_cli_parse(&compare_spec, n_rest, rest, &opts);
    if (rc == RAS_EXIT_OK && opts.help)
        rc = ras_cli_help_command(compare_spec.command);
    else if (rc == RAS_EXIT_OK && values[X_TO] == NULL)
        rc = usage("%s", "--to TABLE is needed: the new scoring table, or a model folder");
    else if (rc == RAS_EXIT_OK && (rc = split_by(&c, values[X_BY])) == RAS_EXIT_OK &&
             (rc = ras_cli_run_info(&c.run, "compare", argc, argv)) == RAS_EXIT_OK &&
             (rc = ras_cli_read_options("compare", &values[X_READ], &opts, &read)) == RAS_EXIT_OK &&
             (rc = ras_cli_load_model(&opts, &model)) == RAS_EXIT_OK) {
        c.read = read.opts;
        rc = load_and_run(&c, model, values[X_FROM], values[X_TO]);
    }
    ras_cli_read_free(&read);
    ras_cli_run_info_free(&c.run);
    ras_model_free(model);
    ras_cli_opts_free(&opts);
    free(c.by_text);
    free(rest);
    return rc;
}
