/* cmd_score.c - `ras score`: one case, explained (ras(1), score). */
#include <stdio.h>

#include "colour.h"
#include "commands.h"
#include "help.h"
#include "model_arg.h"
#include "options.h"
#include "output.h"
#include "ras.h"
#include "report.h"

static const ras_cli_spec score_spec = {"score", RAS_OPT_OUTPUT | RAS_OPT_FORMAT, 1,
                                        "ANSWERS.yaml"};

/* Loads and scores the case into r. The answers file is named in every
 * message, also for faults found by the scorer, which knows no file. */
static ras_exit load_and_score(const ras_model *model, const char *path, ras_case **c,
                               ras_result *r)
{
    ras_error err;
    ras_status st;

    ras_error_clear(&err);
    st = ras_case_load_file(model, path, c, &err);
    if (st == RAS_OK)
        st = ras_score(model, *c, r, &err);
    if (st != RAS_OK) {
        ras_cli_report(&err, path);
        return ras_cli_data_exit(st);
    }
    return RAS_EXIT_OK;
}

static ras_exit write_result(const ras_cli_opts *opts, const ras_model *model, const ras_case *c,
                             const ras_result *r)
{
    ras_out out;
    ras_exit rc = ras_out_open(&out, opts->output, opts->args[0]);
    ras_status st;

    if (rc != RAS_EXIT_OK)
        return rc;
    if (opts->format == RAS_FORMAT_JSON)
        st = ras_result_write_json(model, c, r, out.fp);
    else
        st = ras_result_write_text(model, c, r, out.fp,
                                   ras_cli_use_colour(out.fp) ? RAS_TEXT_COLOR : 0u);
    if (st != RAS_OK) {
        ras_out_abort(&out);
        ras_cli_say("cannot write %s", opts->output != NULL ? opts->output : "standard output");
        return RAS_EXIT_IO;
    }
    return ras_out_commit(&out);
}

ras_exit ras_cmd_score(int argc, char **argv)
{
    ras_cli_opts opts;
    ras_model *model = NULL;
    ras_case *c = NULL;
    ras_result *r = NULL;
    ras_exit rc = ras_cli_parse(&score_spec, argc, argv, &opts);

    if (rc == RAS_EXIT_OK && opts.help)
        rc = ras_cli_help_command(score_spec.command);
    else if (rc == RAS_EXIT_OK && (rc = ras_cli_load_model(&opts, &model)) == RAS_EXIT_OK) {
        r = ras_result_new(model);
        if (r == NULL) {
            ras_cli_say("out of memory");
            rc = RAS_EXIT_IO;
        } else if ((rc = load_and_score(model, opts.args[0], &c, r)) == RAS_EXIT_OK) {
            rc = write_result(&opts, model, c, r);
        }
    }
    ras_result_free(r);
    ras_case_free(c);
    ras_model_free(model);
    ras_cli_opts_free(&opts);
    return rc;
}
