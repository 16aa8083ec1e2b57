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

#endif
