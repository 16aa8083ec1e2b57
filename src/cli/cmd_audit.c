/* cmd_audit.c - `ras audit`: past cases re-scored with the table in
 * force on their date and compared with the budget recorded (docs/audit.md).
 * The rows to look at go out as CSV; the report goes to --report FILE, or
 * else where the CSV does not (docs/audit.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static const ras_cli_spec audit_spec = {
    "audit", RAS_OPT_OUTPUT | RAS_OPT_FORMAT | RAS_OPT_HTML | RAS_OPT_RAW_TEXT | RAS_OPT_DATES, 1,
    "PAST.csv"};

/* The reading options (read_opts.h) come last, in their order. */
enum { X_TOLERANCE, X_REPORT, X_READ, N_EXTRAS = X_READ + RAS_READ_OPT_COUNT };

typedef struct audit_run {
    const ras_cli_opts *opts;
    const ras_model *model;
    ras_pence tolerance;
    unsigned flags;     /* RAS_AUDIT_* */
    const char *report; /* --report FILE, or NULL */
    ras_run_info run;
    ras_read_options read;
} audit_run;

static void warn_column(void *ctx, const ras_error *warning)
{
    ras_cli_report(warning, (const char *)ctx);
}

static ras_status write_summary(const audit_run *a, const ras_audit_summary *s, const char *in_name,
                                FILE *f)
{
    if (a->opts->format == RAS_FORMAT_JSON)
        return ras_audit_summary_write_json(a->model, s, &a->run, in_name, f);
    if (a->opts->format == RAS_FORMAT_HTML)
        return ras_audit_summary_write_html(a->model, s, &a->run, in_name, f);
    return ras_audit_summary_write_text(a->model, s, &a->run, in_name, f);
}

/* --report FILE: the report there, atomically, in the format asked for. */
static ras_exit write_report(const audit_run *a, const ras_audit_summary *s, const char *in_name)
{
    ras_out out;
    ras_exit rc = ras_out_open(&out, a->report, a->opts->args[0]);
    if (rc != RAS_EXIT_OK)
        return rc;
    write_summary(a, s, in_name, out.fp);
    return ras_out_commit(&out);
}

/* Without --report the summary goes to standard error, or to standard
 * output when -o took the CSV elsewhere and JSON was asked for (so a
 * script can read it). */
static ras_exit print_summary(const audit_run *a, const ras_audit_summary *s, const char *in_name)
{
    if (a->report != NULL)
        return write_report(a, s, in_name);
    bool to_file = a->opts->output != NULL && strcmp(a->opts->output, "-") != 0;
    if (a->opts->format == RAS_FORMAT_TEXT) {
        write_summary(a, s, in_name, stderr);
        return RAS_EXIT_OK;
    }
    FILE *f = to_file ? stdout : stderr;
    write_summary(a, s, in_name, f);
    return to_file ? ras_cli_flush_stdout() : RAS_EXIT_OK;
}

/* The audit into the open output: a workbook written by the library at
 * the temporary's path when -o names FILE.xlsx, else CSV. */
static ras_status score_into(const audit_run *a, const ras_out *out, FILE *in, const char *in_name,
                             ras_audit_summary *summary, ras_error *err)
{
    unsigned flags = a->flags | (a->opts->raw_text ? RAS_CSV_RAW_TEXT : 0u);
    if (!ras_out_is_workbook(out->target))
        return ras_audit(a->model, in, in_name, &a->read, out->fp, a->tolerance, flags, summary,
                         warn_column, (void *)in_name, err);
    const char *path = ras_out_workbook_path(out, err);
    if (path == NULL)
        return RAS_ERR_IO;
    return ras_audit_workbook(a->model, in, in_name, &a->read, path, a->tolerance, flags, &a->run,
                              summary, warn_column, (void *)in_name, err);
}

static ras_exit run(const audit_run *a, FILE *in, const char *in_name)
{
    ras_audit_summary summary;
    ras_error err;
    ras_out out;
    const ras_out_file outputs[] = {{"-o", a->opts->output}, {"--report", a->report}};
    const ras_out_file input = {"the input", a->opts->args[0]};
    ras_exit rc =
        ras_out_check_files(outputs, sizeof outputs / sizeof outputs[0], &input, 1, a->model);
    if (rc != RAS_EXIT_OK || (rc = ras_out_open(&out, a->opts->output, NULL)) != RAS_EXIT_OK)
        return rc;
    ras_error_clear(&err);
    ras_status st = score_into(a, &out, in, in_name, &summary, &err);
    if (st != RAS_OK) {
        /* Name the file at fault: the output when writing failed (the
         * workbook writer's errors name no file). */
        const char *at = in_name;
        bool book = ras_out_is_workbook(out.target);
        if (ferror(out.fp) || (book && err.file[0] == '\0'))
            at = out.target != NULL ? out.target : "standard output";
        ras_out_abort(&out);
        ras_cli_report(&err, at);
        return ras_cli_data_exit(st);
    }
    if ((rc = ras_out_commit(&out)) != RAS_EXIT_OK)
        return rc;
    if ((rc = print_summary(a, &summary, in_name)) != RAS_EXIT_OK)
        return rc;
    return summary.different > 0 || summary.errors > 0 ? RAS_EXIT_FOUND : RAS_EXIT_OK;
}

static ras_exit open_and_run(const audit_run *a)
{
    const char *name;
    FILE *in = ras_in_open(a->opts->args[0], &name);
    if (in == NULL)
        return RAS_EXIT_IO;
    ras_exit rc = run(a, in, name);
    ras_in_close(in);
    return rc;
}

static ras_exit parse_tolerance(const char *text, ras_pence *out)
{
    *out = 0;
    if (text == NULL)
        return RAS_EXIT_OK;
    if (ras_money_parse(text, strlen(text), out) != RAS_OK) {
        ras_cli_print(stderr,
                      "ras audit: --tolerance must be an amount in pounds, like 0.50, not '%s'",
                      text);
        fprintf(stderr, "\nusage: %s\nTry 'ras audit --help' for more.\n",
                ras_cli_synopsis("audit"));
        return RAS_EXIT_USAGE;
    }
    return RAS_EXIT_OK;
}

ras_exit ras_cmd_audit(int argc, char **argv)
{
    static const char *const names[N_EXTRAS] = {"tolerance", "report", RAS_READ_OPT_NAMES};
    const char *values[N_EXTRAS];
    char **rest = NULL;
    int n_rest = 0;
    ras_cli_opts opts;
    ras_model *model = NULL;
    ras_cli_read read;
    memset(&read, 0, sizeof read);
    audit_run a = {&opts, NULL, 0, 0, NULL, {0, NULL}, read.opts};
    ras_exit rc = ras_cli_take_extras("audit", argc, argv, names, N_EXTRAS, values, &rest, &n_rest);
    if (rc != RAS_EXIT_OK) {
        free(rest);
        return rc;
    }
    a.flags = ras_cli_take_flag(rest, &n_rest, "require-dates") ? RAS_AUDIT_REQUIRE_DATES : 0;
    a.report = values[X_REPORT];
    rc = ras_cli_parse(&audit_spec, n_rest, rest, &opts);
    if (rc == RAS_EXIT_OK && opts.help)
        rc = ras_cli_help_command(audit_spec.command);
    else if (rc == RAS_EXIT_OK &&
             (rc = parse_tolerance(values[X_TOLERANCE], &a.tolerance)) == RAS_EXIT_OK &&
             (rc = ras_cli_run_info(&a.run, "audit", argc, argv)) == RAS_EXIT_OK &&
             (rc = ras_cli_read_options("audit", &values[X_READ], &opts, &read)) == RAS_EXIT_OK &&
             (rc = ras_cli_load_model(&opts, &model)) == RAS_EXIT_OK) {
        a.model = model;
        a.read = read.opts;
        rc = open_and_run(&a);
    }
    ras_cli_read_free(&read);
    ras_cli_run_info_free(&a.run);
    ras_model_free(model);
    ras_cli_opts_free(&opts);
    free(rest);
    return rc;
}
