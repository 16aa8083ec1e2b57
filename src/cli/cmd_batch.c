/* cmd_batch.c - `ras batch`: a CSV of cases into a CSV of budgets
 * (ras(1), batch), with a summary on standard error. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

static const ras_cli_spec batch_spec = {"batch", RAS_OPT_OUTPUT | RAS_OPT_RAW_TEXT | RAS_OPT_DATES,
                                        1, "CASES.csv"};

/* The library names each ignored column once; ctx is the input's name. */
static void warn_column(void *ctx, const ras_error *warning)
{
    ras_cli_report(warning, (const char *)ctx);
}

static void print_money(const char *label, ras_pence amount, const char *currency)
{
    char text[64];
    ras_money_format(amount, RAS_MONEY_HUMAN, currency, text, sizeof text);
    fprintf(stderr, "  %-14s %s\n", label, text);
}

/* "1 row", "2 rows" */
static const char *rows_word(uint64_t n)
{
    return n == 1 ? "row" : "rows";
}

/* Ok rows and their total for one basis or group; a total that stopped
 * at the largest amount (the batch total saturated) says so. */
static void print_count(const char *label, const ras_batch_count *c, const char *currency)
{
    char text[64];
    ras_money_format(c->total, RAS_MONEY_HUMAN, currency, text, sizeof text);
    fprintf(stderr, "  %-14s %s: %llu %s, %s%s\n", label, c->name, (unsigned long long)c->rows,
            rows_word(c->rows), c->total == INT64_MAX ? "more than " : "", text);
}

/* stopped_at is the line where a broken CSV stopped the run, or 0 when the
 * run went to the end; unwritten says the -o file was then left unwritten. */
static void print_summary(const ras_model *model, const ras_batch_summary *s,
                          unsigned long stopped_at, bool unwritten)
{
    /* The tables of one model share a currency in practice: show the
     * amounts in the latest table's. */
    const ras_table *latest = ras_model_table_on(model, 0);
    const char *currency = latest != NULL ? ras_table_currency(latest) : NULL;

    fprintf(stderr, "batch summary:\n");
    fprintf(stderr, "  %-14s %llu\n", "rows", (unsigned long long)s->rows);
    fprintf(stderr, "  %-14s %llu\n", "ok", (unsigned long long)s->ok);
    fprintf(stderr, "  %-14s %llu\n", "errors", (unsigned long long)s->errors);
    fprintf(stderr, "  %-14s %llu\n", "panel", (unsigned long long)s->panel);
    if (s->total_saturated) {
        /* Marked, not stopped: the rows were all scored and written. */
        char text[64];
        ras_money_format(s->total, RAS_MONEY_HUMAN, currency, text, sizeof text);
        fprintf(stderr, "  %-14s more than %s (too large to add up)\n", "total budget", text);
        fprintf(stderr, "  %-14s not known (the total is too large)\n", "mean budget");
    } else {
        print_money("total budget", s->total, currency);
        print_money("mean budget", ras_batch_mean(s), currency);
    }
    for (size_t i = 0; i < s->n_tables_used && i < RAS_MAX_TABLES; i++) {
        const ras_table *t = s->tables_used[i].table;
        fprintf(stderr, "  %-14s %s@%s, %llu %s, sha256 %s\n", "scoring", ras_table_id(t),
                ras_table_version(t), (unsigned long long)s->tables_used[i].rows,
                rows_word(s->tables_used[i].rows), ras_table_fingerprint(t));
    }
    ras_cli_print_read(stderr, &s->read, 14);
    for (size_t i = 0; i < 3; i++)
        print_count("basis", &s->by_basis[i], currency);
    for (size_t i = 0; i < s->n_groups && i < RAS_BATCH_GROUPS; i++)
        print_count("group", &s->by_group[i], currency);
    for (size_t i = 0; i < s->n_reasons && i < RAS_BATCH_REASONS; i++)
        fprintf(stderr, "  %-14s %llu %s: %s\n", "error reason",
                (unsigned long long)s->reasons[i].rows, rows_word(s->reasons[i].rows),
                s->reasons[i].reason);
    if (s->other_reasons)
        fprintf(stderr, "  %-14s %llu %s: other reasons\n", "error reason",
                (unsigned long long)s->other_reasons, rows_word(s->other_reasons));
    if (stopped_at > 0)
        fprintf(stderr, "  %-14s at line %lu, where the CSV is broken: %s\n", "stopped", stopped_at,
                unwritten ? "the output file was not written"
                : s->rows ? "the rows before it were written"
                          : "no row came before it");
}

/* A broken CSV (a stray quote, an over-long field or record) found after
 * the header: the rows before it were scored. */
static bool broke_after_header(ras_status st, const ras_error *err)
{
    return (st == RAS_ERR_SYNTAX || st == RAS_ERR_LIMIT) && err->line > 1;
}

typedef struct batch_run {
    const ras_cli_opts *opts;
    const ras_model *model;
    const ras_read_options *read;
    const char *summary; /* --summary FILE.json, or NULL */
} batch_run;

/* Whether -o names a workbook: FILE.xlsx. */
static bool is_workbook(const char *output)
{
    size_t n = output != NULL ? strlen(output) : 0;
    return n > 5 && strcasecmp(output + n - 5, ".xlsx") == 0;
}

/* The batch into the open output: a workbook written by the library at
 * the temporary's path (renamed over FILE.xlsx only once complete, like
 * any -o file), else CSV. */
static ras_status score_into(const batch_run *b, ras_out *out, FILE *in, const char *in_name,
                             ras_batch_summary *summary, ras_error *err)
{
    if (!is_workbook(out->target))
        return ras_batch_with(b->model, in, in_name, b->read, out->fp,
                              b->opts->raw_text ? RAS_CSV_RAW_TEXT : 0u, summary, warn_column,
                              (void *)in_name, err);
    if (out->tmp == NULL) {
        ras_error_clear(err);
        err->status = RAS_ERR_IO;
        snprintf(err->message, sizeof err->message,
                 "a workbook is written to a regular file, not to a device or a pipe");
        return RAS_ERR_IO;
    }
    return ras_batch_workbook(b->model, in, in_name, b->read, out->tmp, summary, warn_column,
                              (void *)in_name, err);
}

/* Writes the JSON summary to --summary's file, atomically like -o. */
static ras_exit write_json(const batch_run *b, const ras_batch_summary *s, const char *in_name,
                           unsigned long stopped_at)
{
    if (b->summary == NULL)
        return RAS_EXIT_OK;
    ras_out out;
    ras_exit rc = ras_out_open(&out, b->summary, b->opts->args[0]);
    if (rc != RAS_EXIT_OK)
        return rc;
    ras_batch_summary_write_json(b->model, s, in_name, stopped_at, out.fp);
    return ras_out_commit(&out);
}

/* Runs the batch from an open input into the output named by -o. */
static ras_exit run(const batch_run *b, FILE *in, const char *in_name)
{
    ras_batch_summary *summary = malloc(sizeof *summary);
    ras_error err;
    ras_out out;
    ras_status st;
    if (summary == NULL) {
        ras_cli_say("out of memory");
        return RAS_EXIT_IO;
    }
    const ras_out_file outputs[] = {{"-o", b->opts->output}, {"--summary", b->summary}};
    const ras_out_file input = {"the input", b->opts->args[0]};
    ras_exit rc =
        ras_out_check_files(outputs, sizeof outputs / sizeof outputs[0], &input, 1, b->model);
    if (rc != RAS_EXIT_OK || (rc = ras_out_open(&out, b->opts->output, NULL)) != RAS_EXIT_OK) {
        free(summary);
        return rc;
    }
    ras_error_clear(&err);
    memset(summary, 0, sizeof *summary);
    st = score_into(b, &out, in, in_name, summary, &err);
    if (st != RAS_OK) {
        /* Name the file at fault: the output when writing failed (the
         * workbook writer's errors name no file). */
        const char *at = in_name;
        const char *target = out.target;
        bool unwritten = out.tmp != NULL; /* a temporary is dropped */
        bool write_failed = ferror(out.fp) != 0 || (is_workbook(target) && err.file[0] == '\0');
        if (write_failed)
            at = target != NULL ? target : "standard output";
        ras_out_abort(&out);
        ras_cli_report(&err, at);
        rc = ras_cli_data_exit(st);
        /* A broken CSV stops the run (exit 1), but what was scored before
         * it is still summed up: docs/design.md, "Broken CSV files". */
        if (!write_failed && broke_after_header(st, &err)) {
            print_summary(b->model, summary, err.line, unwritten);
            ras_exit js = write_json(b, summary, in_name, err.line);
            rc = js != RAS_EXIT_OK ? js : rc;
        }
        free(summary);
        return rc;
    }
    rc = ras_out_commit(&out);
    if (rc == RAS_EXIT_OK) {
        print_summary(b->model, summary, 0, false);
        rc = write_json(b, summary, in_name, 0);
    }
    if (rc == RAS_EXIT_OK && summary->errors > 0)
        rc = RAS_EXIT_FOUND;
    free(summary);
    return rc;
}

static ras_exit open_and_run(const batch_run *b)
{
    const char *name;
    FILE *in = ras_in_open(b->opts->args[0], &name);
    if (in == NULL)
        return RAS_EXIT_IO;
    ras_exit rc = run(b, in, name);
    ras_in_close(in);
    return rc;
}

ras_exit ras_cmd_batch(int argc, char **argv)
{
    static const char *const names[] = {RAS_READ_OPT_NAMES, "summary"};
    const char *values[RAS_READ_OPT_COUNT + 1];
    char **rest = NULL;
    int n_rest = 0;
    ras_cli_opts opts;
    ras_model *model = NULL;
    ras_cli_read read;
    memset(&read, 0, sizeof read);
    ras_exit rc = ras_cli_take_extras("batch", argc, argv, names, RAS_READ_OPT_COUNT + 1, values,
                                      &rest, &n_rest);
    if (rc != RAS_EXIT_OK) {
        free(rest);
        return rc;
    }
    rc = ras_cli_parse(&batch_spec, n_rest, rest, &opts);
    batch_run b = {&opts, NULL, &read.opts, values[RAS_READ_OPT_COUNT]};
    if (rc == RAS_EXIT_OK && opts.help)
        rc = ras_cli_help_command(batch_spec.command);
    else if (rc == RAS_EXIT_OK &&
             (rc = ras_cli_read_options("batch", values, &opts, &read)) == RAS_EXIT_OK &&
             (rc = ras_cli_load_model(&opts, &model)) == RAS_EXIT_OK) {
        b.model = model;
        rc = open_and_run(&b);
    }
    ras_cli_read_free(&read);
    ras_model_free(model);
    ras_cli_opts_free(&opts);
    free(rest);
    return rc;
}
