/* read_opts.c - the reading options and their summary lines (read_opts.h). */
#include "read_opts.h"

#include <string.h>

#include "help.h"
#include "report.h"

static ras_exit usage(const char *command, const char *fmt, const char *what)
{
    fprintf(stderr, "ras %s: ", command);
    fprintf(stderr, fmt, what);
    fprintf(stderr, "\nusage: %s\nTry 'ras %s --help' for more.\n", ras_cli_synopsis(command),
            command);
    return RAS_EXIT_USAGE;
}

/* --delimiter: the character itself, or its name. */
static bool parse_delimiter(const char *text, char *out)
{
    static const struct {
        const char *name;
        char ch;
    } names[] = {{",", ','},   {"comma", ','}, {";", ';'},   {"semicolon", ';'},
                 {"\t", '\t'}, {"tab", '\t'},  {"\\t", '\t'}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(text, names[i].name) == 0) {
            *out = names[i].ch;
            return true;
        }
    return false;
}

static ras_exit load_columns(const char *path, const ras_cli_opts *opts, ras_cli_read *r)
{
    ras_error err;
    ras_error_clear(&err);
    ras_status st = RAS_OK;
    if (path != NULL)
        st = ras_columns_load_file(path, &r->columns, &err);
    else if (opts->model != NULL)
        st = ras_columns_load_dir(opts->model, &r->columns, &err);
    if (st != RAS_OK) {
        ras_cli_report(&err, path);
        return ras_cli_model_exit(st);
    }
    r->opts.columns = r->columns;
    return RAS_EXIT_OK;
}

ras_exit ras_cli_read_options(const char *command, const char *const values[RAS_READ_OPT_COUNT],
                              const ras_cli_opts *opts, ras_cli_read *r)
{
    memset(r, 0, sizeof *r);
    ras_read_options_init(&r->opts);
    if (values[0] != NULL && ras_encoding_parse(values[0], &r->opts.encoding) != RAS_OK)
        return usage(command, "--encoding must be utf-8 or cp1252, not '%s'", values[0]);
    if (values[1] != NULL && !parse_delimiter(values[1], &r->opts.delimiter))
        return usage(command, "--delimiter must be comma, semicolon or tab, not '%s'", values[1]);
    r->opts.sheet = values[3];
    return load_columns(values[2], opts, r);
}

void ras_cli_read_free(ras_cli_read *r)
{
    ras_columns_free(r->columns);
    r->columns = NULL;
}

static const char *delimiter_name(char d)
{
    return d == ';' ? "semicolon" : d == '\t' ? "tab" : "comma";
}

void ras_cli_print_read(FILE *f, const ras_read_facts *x, int width)
{
    bool workbook = x->delimiter == 0; /* no encoding, delimiter or quotes of its own */
    if (workbook) {
        fprintf(f, "  %-*s a workbook\n", width, "input");
    } else {
        fprintf(f, "  %-*s %s (%s%s)\n", width, "encoding", ras_encoding_name(x->encoding),
                x->encoding_detected ? "detected" : "as asked", x->bom ? ", byte-order mark" : "");
        fprintf(f, "  %-*s %s (%s)\n", width, "delimiter", delimiter_name(x->delimiter),
                x->delimiter_detected ? "detected" : "as asked");
    }
    if (x->sha256[0])
        fprintf(f, "  %-*s %s\n", width, "input sha256", x->sha256);
    fprintf(f, "  %-*s %llu skipped\n", width, "blank rows", (unsigned long long)x->blank_rows);
    fprintf(f, "  %-*s %llu%s\n", width, "duplicate ids", (unsigned long long)x->duplicate_ids,
            x->ids_capped ? " (too many ids to keep them all: later ids checked against "
                            "the first ones only)"
                          : "");
    if (workbook)
        return;
    if (x->literal_quotes == 0) {
        fprintf(f, "  %-*s 0\n", width, "literal quotes");
        return;
    }
    fprintf(f,
            "  %-*s %llu (quotes out of place, read as Excel reads them; the first on line %lu)\n",
            width, "literal quotes", (unsigned long long)x->literal_quotes, x->first_literal_quote);
}
