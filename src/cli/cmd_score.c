/* cmd_score.c - `ras score`: one case, explained (ras(1), score). */
#include <stdio.h>
#include <string.h>

#include "colour.h"
#include "commands.h"
#include "help.h"
#include "model_arg.h"
#include "options.h"
#include "output.h"
#include "ras.h"
#include "report.h"

static const ras_cli_spec score_spec = {
    "score", RAS_OPT_OUTPUT | RAS_OPT_FORMAT | RAS_OPT_HTML | RAS_OPT_WHAT_IF | RAS_OPT_DATES, 1,
    "ANSWERS.yaml"};

/* What each problem of the case file is reported with. */
typedef struct problems {
    const char *path;        /* the answers file as the user named it */
    const char *answered_on; /* the questionnaire the case names ("" none) */
    const char *model_id;    /* the model's questionnaire */
} problems;

/* Prints one problem of the case file; a case answered on another
 * questionnaire also says which model to name. */
static void report_problem(void *ctx, const ras_error *problem)
{
    const problems *p = ctx;
    ras_error e = *problem;
    const char *name = ras_builtin_for_questionnaire(p->answered_on);

    if (strcmp(e.subject, "questionnaire") == 0 && p->answered_on[0] != '\0' &&
        strcmp(p->answered_on, p->model_id) != 0) {
        char hint[96];
        if (name != NULL)
            snprintf(hint, sizeof hint, "; use -m %s", name);
        else
            snprintf(hint, sizeof hint, "; name its model with -m FOLDER, or -q and -s");
        size_t len = strlen(e.message);
        snprintf(e.message + len, sizeof e.message - len, "%s", hint);
    }
    ras_cli_report(&e, p->path);
}

/* Reads the case, every problem in it reported (up to
 * RAS_CASE_MAX_ERRORS), and scores it into r. The answers file is named
 * in every message, also for faults found by the scorer, which knows no
 * file. */
static ras_exit load_and_score(const ras_model *model, const ras_source *src, const char *path,
                               const char *answered_on, ras_case **c, ras_result *r)
{
    problems p = {path, answered_on, ras_model_id(model)};
    size_t found = 0;
    ras_error err;
    ras_status st;

    ras_error_clear(&err);
    st = ras_case_load_each(model, src, c, report_problem, &p, &found, &err);
    if (st != RAS_OK) {
        if (found > RAS_CASE_MAX_ERRORS)
            ras_cli_say("%s: %zu more problems not shown", path, found - RAS_CASE_MAX_ERRORS);
        return ras_cli_data_exit(st);
    }
    st = ras_score(model, *c, r, &err);
    if (st != RAS_OK) {
        ras_cli_report(&err, path);
        return ras_cli_data_exit(st);
    }
    return RAS_EXIT_OK;
}

/* -o must be none of the files read (docs/design.md, "Output files"). */
static ras_exit check_files(const ras_cli_opts *opts, const ras_model *model)
{
    ras_out_file output = {"-o", opts->output}, input = {"the case", opts->args[0]};
    return ras_out_check_files(&output, 1, &input, 1, model);
}

/* Reads the answers file once, then the model it names (unless the
 * options name one), then scores. */
static ras_exit score_file(const ras_cli_opts *opts, ras_model **model, const ras_model **used,
                           ras_case **c, ras_result **r)
{
    const char *path = opts->args[0];
    char answered_on[80] = "";
    ras_source src;
    ras_error err;
    ras_status st;
    ras_exit rc;

    ras_error_clear(&err);
    st = ras_source_read(path, &src, &err);
    if (st != RAS_OK) {
        ras_cli_report(&err, path);
        return ras_cli_data_exit(st);
    }
    /* A file too broken to say is reported by the loader below, in full. */
    if (ras_case_questionnaire(&src, answered_on, sizeof answered_on, NULL) != RAS_OK)
        answered_on[0] = '\0';
    rc = ras_cli_load_model_for(opts, answered_on, model);
    /* The questionnaire version the case was answered on. */
    if (rc == RAS_EXIT_OK)
        *used = ras_case_questionnaire_of(*model, &src);
    if (rc == RAS_EXIT_OK && (*r = ras_result_new(*used)) == NULL) {
        ras_cli_say("out of memory");
        rc = RAS_EXIT_IO;
    }
    if (rc == RAS_EXIT_OK)
        rc = load_and_score(*used, &src, path, answered_on, c, *r);
    ras_source_free(&src);
    return rc;
}

/* With --what-if, the lines that say what would change the budget. */
static ras_exit what_if(const ras_cli_opts *opts, const ras_model *model, const ras_case *c,
                        ras_what_if **wi)
{
    ras_error err;
    ras_status st;

    *wi = NULL;
    if (!opts->what_if)
        return RAS_EXIT_OK;
    ras_error_clear(&err);
    st = ras_what_if_new(model, c, wi, &err);
    if (st != RAS_OK) {
        ras_cli_report(&err, opts->args[0]);
        return ras_cli_data_exit(st);
    }
    return RAS_EXIT_OK;
}

static ras_exit write_result(const ras_cli_opts *opts, const ras_model *model, const ras_case *c,
                             const ras_result *r)
{
    static const ras_statement_format formats[] = {
        [RAS_FORMAT_TEXT] = RAS_STATEMENT_TEXT,
        [RAS_FORMAT_JSON] = RAS_STATEMENT_JSON,
        [RAS_FORMAT_HTML] = RAS_STATEMENT_HTML,
    };
    ras_out out;
    ras_what_if *wi = NULL;
    ras_exit rc = what_if(opts, model, c, &wi);
    ras_status st;

    if (rc == RAS_EXIT_OK)
        rc = ras_out_open(&out, opts->output, opts->args[0]);
    if (rc != RAS_EXIT_OK) {
        ras_what_if_free(wi);
        return rc;
    }
    st = ras_result_write(model, c, r, wi, formats[opts->format],
                          ras_cli_use_colour(out.fp) ? RAS_TEXT_COLOR : 0u, out.fp);
    ras_what_if_free(wi);
    if (st != RAS_OK)
        return ras_out_fail(&out);
    return ras_out_commit(&out);
}

ras_exit ras_cmd_score(int argc, char **argv)
{
    ras_cli_opts opts;
    ras_model *model = NULL;
    const ras_model *used = NULL; /* the version the case was answered on */
    ras_case *c = NULL;
    ras_result *r = NULL;
    ras_exit rc = ras_cli_parse(&score_spec, argc, argv, &opts);

    if (rc == RAS_EXIT_OK && opts.help)
        rc = ras_cli_help_command(score_spec.command);
    else if (rc == RAS_EXIT_OK && (rc = score_file(&opts, &model, &used, &c, &r)) == RAS_EXIT_OK &&
             (rc = check_files(&opts, model)) == RAS_EXIT_OK)
        rc = write_result(&opts, used, c, r);
    ras_result_free(r);
    ras_case_free(c);
    ras_model_free(model);
    ras_cli_opts_free(&opts);
    return rc;
}
