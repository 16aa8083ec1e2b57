/* read_opts.h - the reading options batch, audit and calibrate share
 * (--encoding, --delimiter, --columns; docs/exports.md), and the lines of
 * their summaries that say what reading found. */
#ifndef RAS_CLI_READ_OPTS_H
#define RAS_CLI_READ_OPTS_H

#include <stdio.h>

#include "exit.h"
#include "options.h"
#include "ras.h"

/* The extra option names, for ras_cli_take_extras, and their number. */
#define RAS_READ_OPT_NAMES "encoding", "delimiter", "columns", "sheet"
#define RAS_READ_OPT_COUNT 4

typedef struct ras_cli_read {
    ras_read_options opts;
    ras_columns *columns; /* owned */
} ras_cli_read;

/* Turns the option values (each NULL when not given) into reading
 * options; without --columns, a -m folder's columns.yaml is read if it
 * has one. RAS_EXIT_USAGE or the model's exit status (reported) when a
 * value is wrong or the mapping cannot be read. Free r in every case. */
ras_exit ras_cli_read_options(const char *command, const char *const values[RAS_READ_OPT_COUNT],
                              const ras_cli_opts *opts, ras_cli_read *r);
void ras_cli_read_free(ras_cli_read *r);

/* The summary lines for what reading found, labels padded to width. */
void ras_cli_print_read(FILE *f, const ras_read_facts *x, int width);

#endif
