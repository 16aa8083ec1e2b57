/* options.h - the command line of one `ras` command, parsed into a struct.
 *
 * Every command takes the model options (-m, -q, -s) and -h/--help; a
 * command may also take -o/--output and --format. Options and positional
 * arguments may come in any order; "--" ends the options and "-" alone is
 * an argument (standard input or output). */
#ifndef RAS_CLI_OPTIONS_H
#define RAS_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "exit.h"

typedef enum ras_format { RAS_FORMAT_TEXT, RAS_FORMAT_JSON, RAS_FORMAT_HTML } ras_format;

/* Options a command takes beyond the model options and --help. */
#define RAS_OPT_OUTPUT 1u    /* -o FILE, --output FILE */
#define RAS_OPT_FORMAT 2u    /* --format text|json */
#define RAS_OPT_HTML 4u      /* --format html too */
#define RAS_OPT_WHAT_IF 8u   /* --what-if */
#define RAS_OPT_RAW_TEXT 16u /* --raw-text: no formula guard in CSV text cells */
#define RAS_OPT_DATES 32u    /* --dates dmy|mdy: how case data's 01/07/2025 reads */

/* What one command accepts. */
typedef struct ras_cli_spec {
    const char *command;  /* "score": used in messages */
    unsigned accepts;     /* RAS_OPT_* */
    size_t n_args;        /* positional arguments, exactly this many */
    const char *arg_name; /* "ANSWERS.yaml": named when missing */
} ras_cli_spec;

typedef struct ras_cli_opts {
    const char *model;           /* -m: a folder or a built-in name; NULL if not given */
    const char *questionnaire;   /* -q; NULL if not given (the first when repeated) */
    const char **questionnaires; /* every -q, in order: questionnaire versions
                                    (array owned by the struct) */
    size_t n_questionnaires;
    const char **tables; /* -s, in order (array owned by the struct) */
    size_t n_tables;
    const char *output; /* -o; NULL when not given (standard output) */
    ras_format format;
    bool raw_text; /* --raw-text */
    bool mdy;      /* --dates mdy: month first (docs/exports.md, "Dates") */
    bool help;
    bool what_if;      /* --what-if */
    const char **args; /* positional arguments (array owned by the struct) */
    size_t n_args;
} ras_cli_opts;

/* Parses argv[0..argc-1] (the words after the command name). Returns
 * RAS_EXIT_OK, or RAS_EXIT_USAGE after printing why on standard error, or
 * RAS_EXIT_IO when out of memory. With --help the argument count and the
 * model option rules are not checked. Free opts with ras_cli_opts_free in
 * every case. */
ras_exit ras_cli_parse(const ras_cli_spec *spec, int argc, char **argv, ras_cli_opts *opts);

void ras_cli_opts_free(ras_cli_opts *opts);

#endif
