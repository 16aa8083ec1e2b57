/* options.c - a small option parser of our own: getopt_long is a GNU
 * extension, and the program is built as plain POSIX C11. */
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "help.h"
#include "report.h"

typedef enum opt_id {
    OPT_MODEL,
    OPT_QUESTIONNAIRE,
    OPT_SCORING,
    OPT_OUTPUT,
    OPT_FORMAT,
    OPT_WHAT_IF,
    OPT_RAW_TEXT,
    OPT_DATES,
    OPT_HELP
} opt_id;

typedef struct opt_def {
    opt_id id;
    char short_name; /* 0: none */
    const char *long_name;
    bool has_value;
    unsigned needs; /* RAS_OPT_* the command must accept; 0: every command */
} opt_def;

static const opt_def opt_defs[] = {
    {OPT_MODEL, 'm', "model", true, 0},
    {OPT_QUESTIONNAIRE, 'q', "questionnaire", true, 0},
    {OPT_SCORING, 's', "scoring", true, 0},
    {OPT_OUTPUT, 'o', "output", true, RAS_OPT_OUTPUT},
    {OPT_FORMAT, 0, "format", true, RAS_OPT_FORMAT},
    {OPT_WHAT_IF, 0, "what-if", false, RAS_OPT_WHAT_IF},
    {OPT_RAW_TEXT, 0, "raw-text", false, RAS_OPT_RAW_TEXT},
    {OPT_DATES, 0, "dates", true, RAS_OPT_DATES},
    {OPT_HELP, 'h', "help", false, 0},
};

#define N_OPT_DEFS (sizeof opt_defs / sizeof opt_defs[0])

/* Prints a usage error for the command, with the way to its help. */
static ras_exit usage_error(const ras_cli_spec *spec, const char *fmt, const char *what)
{
    fprintf(stderr, "ras %s: ", spec->command);
    ras_cli_print(stderr, fmt, what);
    fprintf(stderr, "\nusage: %s\nTry 'ras %s --help' for more.\n", ras_cli_synopsis(spec->command),
            spec->command);
    return RAS_EXIT_USAGE;
}

static const opt_def *find_short(const ras_cli_spec *spec, char c)
{
    for (size_t i = 0; i < N_OPT_DEFS; i++)
        if (opt_defs[i].short_name == c && (opt_defs[i].needs & ~spec->accepts) == 0)
            return &opt_defs[i];
    return NULL;
}

static const opt_def *find_long(const ras_cli_spec *spec, const char *name, size_t len)
{
    for (size_t i = 0; i < N_OPT_DEFS; i++) {
        const char *l = opt_defs[i].long_name;
        if (strlen(l) == len && memcmp(l, name, len) == 0 &&
            (opt_defs[i].needs & ~spec->accepts) == 0)
            return &opt_defs[i];
    }
    return NULL;
}

/* Stores a once-only option, refusing a second one. */
static ras_exit set_once(const ras_cli_spec *spec, const char **slot, const char *value,
                         const char *shown)
{
    if (*slot != NULL)
        return usage_error(spec, "option '%s' given twice", shown);
    *slot = value;
    return RAS_EXIT_OK;
}

static ras_exit apply(const ras_cli_spec *spec, const opt_def *def, const char *value,
                      const char *shown, ras_cli_opts *opts)
{
    if (def->id == OPT_HELP || def->id == OPT_WHAT_IF) {
        *(def->id == OPT_HELP ? &opts->help : &opts->what_if) = true;
        return RAS_EXIT_OK;
    }
    if (def->id == OPT_RAW_TEXT) {
        opts->raw_text = true;
        return RAS_EXIT_OK;
    }
    if (value == NULL) /* the parsers give every other option its value */
        return usage_error(spec, "option '%s' needs a value", shown);
    switch (def->id) {
    case OPT_MODEL: return set_once(spec, &opts->model, value, shown);
    case OPT_QUESTIONNAIRE: /* repeated: versions (docs/model-format.md section 4.1) */
        if (opts->questionnaire == NULL)
            opts->questionnaire = value;
        opts->questionnaires[opts->n_questionnaires++] = value;
        return RAS_EXIT_OK;
    case OPT_SCORING: opts->tables[opts->n_tables++] = value; return RAS_EXIT_OK;
    case OPT_OUTPUT: return set_once(spec, &opts->output, value, shown);
    case OPT_FORMAT:
        if (strcmp(value, "text") == 0)
            opts->format = RAS_FORMAT_TEXT;
        else if (strcmp(value, "json") == 0)
            opts->format = RAS_FORMAT_JSON;
        else if (strcmp(value, "html") == 0 && (spec->accepts & RAS_OPT_HTML))
            opts->format = RAS_FORMAT_HTML;
        else if (spec->accepts & RAS_OPT_HTML)
            return usage_error(spec, "--format must be text, json or html, not '%s'", value);
        else
            return usage_error(spec, "--format must be text or json, not '%s'", value);
        return RAS_EXIT_OK;
    case OPT_DATES:
        if (strcmp(value, "dmy") == 0)
            opts->mdy = false;
        else if (strcmp(value, "mdy") == 0)
            opts->mdy = true;
        else
            return usage_error(spec, "--dates must be dmy or mdy, not '%s'", value);
        return RAS_EXIT_OK;
    case OPT_WHAT_IF:
    case OPT_RAW_TEXT:
    case OPT_HELP: /* handled above */ break;
    }
    return RAS_EXIT_OK;
}

/* Parses argv[*i], a word starting with "--" (not "--" itself). */
static ras_exit parse_long(const ras_cli_spec *spec, int argc, char **argv, int *i,
                           ras_cli_opts *opts)
{
    const char *word = argv[*i];
    const char *name = word + 2;
    const char *eq = strchr(name, '=');
    size_t len = eq != NULL ? (size_t)(eq - name) : strlen(name);
    const opt_def *def = find_long(spec, name, len);
    const char *value = NULL;

    if (def == NULL)
        return usage_error(spec, "unknown option '%s'", word);
    if (!def->has_value) {
        if (eq != NULL)
            return usage_error(spec, "option '--%s' takes no value", def->long_name);
    } else if (eq != NULL) {
        value = eq + 1;
    } else if (*i + 1 < argc) {
        value = argv[++*i];
    } else {
        return usage_error(spec, "option '%s' needs a value", word);
    }
    return apply(spec, def, value, word, opts);
}

/* Parses argv[*i], a word "-x" or "-xVALUE". */
static ras_exit parse_short(const ras_cli_spec *spec, int argc, char **argv, int *i,
                            ras_cli_opts *opts)
{
    const char *word = argv[*i];
    const opt_def *def = find_short(spec, word[1]);
    char shown[3] = {'-', word[1], '\0'};
    const char *value = NULL;

    if (def == NULL)
        return usage_error(spec, "unknown option '%s'", word);
    if (!def->has_value) {
        if (word[2] != '\0')
            return usage_error(spec, "unknown option '%s'", word);
    } else if (word[2] != '\0') {
        value = word + 2;
    } else if (*i + 1 < argc) {
        value = argv[++*i];
    } else {
        return usage_error(spec, "option '%s' needs a value", shown);
    }
    return apply(spec, def, value, shown, opts);
}

/* The rules that hold between options and on the argument count. */
static ras_exit check(const ras_cli_spec *spec, const ras_cli_opts *opts)
{
    if (opts->model != NULL && (opts->questionnaire != NULL || opts->n_tables > 0))
        return usage_error(spec, "%s", "give either -m or -q with -s, not both");
    if (opts->questionnaire != NULL && opts->n_tables == 0)
        return usage_error(spec, "%s", "-q needs at least one -s SCORING.yaml");
    if (opts->questionnaire == NULL && opts->n_tables > 0)
        return usage_error(spec, "%s", "-s needs -q QUESTIONNAIRE.yaml");
    if (opts->n_args < spec->n_args)
        return usage_error(spec, "missing %s", spec->arg_name);
    if (opts->n_args > spec->n_args)
        return usage_error(spec, "unexpected argument '%s'", opts->args[spec->n_args]);
    return RAS_EXIT_OK;
}

ras_exit ras_cli_parse(const ras_cli_spec *spec, int argc, char **argv, ras_cli_opts *opts)
{
    size_t room = argc > 0 ? (size_t)argc : 1;
    bool options_done = false;

    memset(opts, 0, sizeof *opts);
    opts->format = RAS_FORMAT_TEXT;
    /* No option or argument list can hold more words than argv. */
    opts->tables = calloc(room, sizeof *opts->tables);
    opts->questionnaires = calloc(room, sizeof *opts->questionnaires);
    opts->args = calloc(room, sizeof *opts->args);
    if (opts->tables == NULL || opts->questionnaires == NULL || opts->args == NULL) {
        fputs("ras: out of memory\n", stderr);
        return RAS_EXIT_IO;
    }
    for (int i = 0; i < argc; i++) {
        const char *word = argv[i];
        ras_exit rc = RAS_EXIT_OK;

        if (options_done || word[0] != '-' || word[1] == '\0')
            opts->args[opts->n_args++] = word;
        else if (strcmp(word, "--") == 0)
            options_done = true;
        else if (word[1] == '-')
            rc = parse_long(spec, argc, argv, &i, opts);
        else
            rc = parse_short(spec, argc, argv, &i, opts);
        if (rc != RAS_EXIT_OK)
            return rc;
    }
    return opts->help ? RAS_EXIT_OK : check(spec, opts);
}

void ras_cli_opts_free(ras_cli_opts *opts)
{
    free(opts->tables);
    free(opts->questionnaires);
    opts->questionnaires = NULL;
    free(opts->args);
    opts->tables = NULL;
    opts->args = NULL;
}
