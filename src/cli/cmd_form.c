/* cmd_form.c - `ras form`: the questionnaire as a form for the client to
 * fill in before the assessment (ras(1), form), as a printable HTML page
 * or as plain text for a screen reader. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "extra_opts.h"
#include "help.h"
#include "model_arg.h"
#include "options.h"
#include "output.h"
#include "ras.h"
#include "report.h"

/* --format is the form's own (text or html), taken out before the shared
 * parser, which knows text and json. */
static const ras_cli_spec form_spec = {"form", RAS_OPT_OUTPUT, 0, NULL};

static ras_exit write_form(const ras_cli_opts *opts, const ras_model *model, bool html)
{
    ras_out out;
    ras_out_file output = {"-o", opts->output};
    ras_exit rc = ras_out_check_files(&output, 1, NULL, 0, model);
    ras_status st;

    if (rc != RAS_EXIT_OK || (rc = ras_out_open(&out, opts->output, NULL)) != RAS_EXIT_OK)
        return rc;
    st = html ? ras_model_write_form_html(model, out.fp) : ras_model_write_form_text(model, out.fp);
    if (st != RAS_OK)
        return ras_out_fail(&out);
    return ras_out_commit(&out);
}

/* "text" (the default) or "html"; anything else is a usage error. */
static ras_exit choose_format(const char *text, bool *html)
{
    *html = text != NULL && strcmp(text, "html") == 0;
    if (text == NULL || *html || strcmp(text, "text") == 0)
        return RAS_EXIT_OK;
    fprintf(stderr,
            "ras form: --format must be text or html, not '%s'\nusage: %s\n"
            "Try 'ras form --help' for more.\n",
            text, ras_cli_synopsis("form"));
    return RAS_EXIT_USAGE;
}

ras_exit ras_cmd_form(int argc, char **argv)
{
    static const char *const names[] = {"format"};
    const char *format = NULL;
    char **rest = NULL;
    int n_rest = 0;
    ras_cli_opts opts;
    ras_model *model = NULL;
    bool html = false;
    ras_exit rc = ras_cli_take_extras("form", argc, argv, names, 1, &format, &rest, &n_rest);

    if (rc != RAS_EXIT_OK) {
        free(rest);
        return rc;
    }
    rc = ras_cli_parse(&form_spec, n_rest, rest, &opts);
    if (rc == RAS_EXIT_OK && opts.help)
        rc = ras_cli_help_command(form_spec.command);
    else if (rc == RAS_EXIT_OK && (rc = choose_format(format, &html)) == RAS_EXIT_OK &&
             (rc = ras_cli_load_model(&opts, &model)) == RAS_EXIT_OK)
        rc = write_form(&opts, model, html);
    ras_model_free(model);
    ras_cli_opts_free(&opts);
    free(rest);
    return rc;
}
