/* model_arg.h - the model a command's options name, loaded. */
#ifndef RAS_CLI_MODEL_ARG_H
#define RAS_CLI_MODEL_ARG_H

#include "exit.h"
#include "options.h"
#include "ras.h"

/* Loads the model named by -m (a folder, else a built-in name), by -q and
 * -s, or the default built-in model. Reports a failure as
 * "ras: FILE:LINE:COLUMN: message" and returns its exit status (3 for a
 * bad model). */
ras_exit ras_cli_load_model(const ras_cli_opts *opts, ras_model **out);

/* The same, except that with no model option the built-in model whose
 * questionnaire has the id `questionnaire` (a case file's, "" or NULL for
 * none) is loaded when there is one (docs/model-format.md section 6.1). */
ras_exit ras_cli_load_model_for(const ras_cli_opts *opts, const char *questionnaire,
                                ras_model **out);

#endif
