/* extra_opts.h - options one command takes beyond those options.h knows
 * (--tolerance for audit; --write and --plot for calibrate). They are
 * taken out of argv first, and what is left goes to ras_cli_parse, so
 * the shared parser stays as it is. */
#ifndef RAS_CLI_EXTRA_OPTS_H
#define RAS_CLI_EXTRA_OPTS_H

#include <stdbool.h>
#include <stddef.h>

#include "exit.h"

#define RAS_EXTRA_MAX 4

/* names: long option names without "--" (each takes a value), n of
 * them. values[i] receives the value of names[i], or NULL when not
 * given. *rest (allocated; free it) receives the other words, *n_rest
 * their number. Words after "--", and the values of the shared options
 * (-m, -q, -s, -o, --format...), are left alone. RAS_EXIT_USAGE (reported)
 * for a missing value or an option given twice; RAS_EXIT_IO when out of
 * memory. */
ras_exit ras_cli_take_extras(const char *command, int argc, char **argv, const char *const *names,
                             size_t n, const char **values, char ***rest, int *n_rest);

/* Takes the flag "--NAME" (which takes no value) out of words[0..*n-1],
 * as ras_cli_take_extras leaves them: the values of the shared options and
 * the words after "--" are left alone. True when it was there (once or
 * more). */
bool ras_cli_take_flag(char **words, int *n, const char *name);

#endif
