/* help.h - help and usage texts. Help goes to standard output (asked
 * for); usage goes to standard error (a mistake). */
#ifndef RAS_CLI_HELP_H
#define RAS_CLI_HELP_H

#include <stdio.h>

#include "exit.h"

/* The one-line synopsis of a command, or of the program for an unknown
 * one. */
const char *ras_cli_synopsis(const char *command);

/* `ras --help`. */
void ras_cli_help_program(FILE *out);

/* `ras COMMAND --help` on standard output; RAS_EXIT_OK. */
ras_exit ras_cli_help_command(const char *command);

/* The short usage of the program, on standard error; RAS_EXIT_USAGE. */
ras_exit ras_cli_usage_error(void);

#endif
