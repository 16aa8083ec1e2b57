/* commands.h - the commands of `ras`, their entry points and their help. */
#ifndef RAS_CLI_COMMANDS_H
#define RAS_CLI_COMMANDS_H

#include "exit.h"

/* Runs a command on the words after its name. */
typedef ras_exit (*ras_cli_run_fn)(int argc, char **argv);

typedef struct ras_cli_command {
    const char *name;
    ras_cli_run_fn run;
    const char *summary;  /* one line for `ras --help` */
    const char *synopsis; /* "ras score [MODEL] ANSWERS.yaml ..." */
    const char *details;  /* the body of `ras COMMAND --help` */
} ras_cli_command;

/* Every command, in the order `ras --help` lists them; the last entry's
 * name is NULL. */
extern const ras_cli_command ras_cli_commands[];

/* The command with this name, or NULL. */
const ras_cli_command *ras_cli_find_command(const char *name);

ras_exit ras_cmd_score(int argc, char **argv);
ras_exit ras_cmd_batch(int argc, char **argv);
ras_exit ras_cmd_ask(int argc, char **argv);
ras_exit ras_cmd_check(int argc, char **argv);
ras_exit ras_cmd_init(int argc, char **argv);
ras_exit ras_cmd_audit(int argc, char **argv);
ras_exit ras_cmd_calibrate(int argc, char **argv);
ras_exit ras_cmd_form(int argc, char **argv);
ras_exit ras_cmd_compare(int argc, char **argv);

#endif
