/* cmd_check.c - `ras check`: validates a model and describes it (ras(1), check). */
#include <stdio.h>

#include "commands.h"
#include "help.h"
#include "model_arg.h"
#include "options.h"
#include "output.h"
#include "ras.h"
#include "report.h"

static const ras_cli_spec check_spec = {"check", RAS_OPT_OUTPUT | RAS_OPT_FORMAT, 0, NULL};

static ras_exit describe(const ras_cli_opts *opts, const ras_model *model)
{
    ras_out out;
    ras_out_file output = {"-o", opts->output};
    ras_exit rc = ras_out_check_files(&output, 1, NULL, 0, model);
    ras_status st;

    if (rc != RAS_EXIT_OK || (rc = ras_out_open(&out, opts->output, NULL)) != RAS_EXIT_OK)
        return rc;
    if (opts->format == RAS_FORMAT_JSON)
        st = ras_model_write_json(model, out.fp);
    else
        st = ras_model_write_text(model, out.fp);
    if (st != RAS_OK)
        return ras_out_fail(&out);
    return ras_out_commit(&out);
}

ras_exit ras_cmd_check(int argc, char **argv)
{
    ras_cli_opts opts;
    ras_model *model = NULL;
    ras_exit rc = ras_cli_parse(&check_spec, argc, argv, &opts);

    if (rc == RAS_EXIT_OK && opts.help)
        rc = ras_cli_help_command(check_spec.command);
    else if (rc == RAS_EXIT_OK && (rc = ras_cli_load_model(&opts, &model)) == RAS_EXIT_OK)
        rc = describe(&opts, model);
    ras_model_free(model);
    ras_cli_opts_free(&opts);
    return rc;
}
