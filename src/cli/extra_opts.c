/* extra_opts.c - taking a command's own options out of argv. */
#include "extra_opts.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "help.h"

static ras_exit usage(const char *command, const char *what, const char *name)
{
    fprintf(stderr, "ras %s: option '--%s' %s\nusage: %s\nTry 'ras %s --help' for more.\n", command,
            name, what, ras_cli_synopsis(command), command);
    return RAS_EXIT_USAGE;
}

/* Shared options whose value is the next word: that word is not ours. */
static bool takes_next(const char *word)
{
    static const char *const with_value[] = {
        "-m", "-q", "-s", "-o", "--model", "--questionnaire", "--scoring", "--output", "--format"};
    for (size_t i = 0; i < sizeof with_value / sizeof with_value[0]; i++)
        if (strcmp(word, with_value[i]) == 0)
            return true;
    return false;
}

/* The index of the extra option word names ("--NAME" or "--NAME=..."),
 * or -1. */
static long match(const char *word, const char *const *names, size_t n, const char **inline_value)
{
    if (strncmp(word, "--", 2) != 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(names[i]);
        if (strncmp(word + 2, names[i], len) != 0)
            continue;
        if (word[2 + len] == '\0') {
            *inline_value = NULL;
            return (long)i;
        }
        if (word[2 + len] == '=') {
            *inline_value = word + 3 + len;
            return (long)i;
        }
    }
    return -1;
}

ras_exit ras_cli_take_extras(const char *command, int argc, char **argv, const char *const *names,
                             size_t n, const char **values, char ***rest, int *n_rest)
{
    bool done = false;
    *n_rest = 0;
    for (size_t i = 0; i < n; i++)
        values[i] = NULL;
    *rest = calloc(argc > 0 ? (size_t)argc + 1 : 1, sizeof **rest);
    if (*rest == NULL) {
        fputs("ras: out of memory\n", stderr);
        return RAS_EXIT_IO;
    }
    for (int i = 0; i < argc; i++) {
        const char *word = argv[i], *value = NULL;
        long k = done ? -1 : match(word, names, n, &value);
        if (k < 0) {
            (*rest)[(*n_rest)++] = argv[i];
            if (!done && strcmp(word, "--") == 0)
                done = true;
            else if (!done && takes_next(word) && i + 1 < argc)
                (*rest)[(*n_rest)++] = argv[++i];
            continue;
        }
        if (value == NULL) {
            if (i + 1 >= argc)
                return usage(command, "needs a value", names[k]);
            value = argv[++i];
        }
        if (values[k] != NULL)
            return usage(command, "given twice", names[k]);
        values[k] = value;
    }
    return RAS_EXIT_OK;
}

bool ras_cli_take_flag(char **words, int *n, const char *name)
{
    bool found = false;
    int kept = 0;
    for (int i = 0; i < *n; i++) {
        const char *w = words[i];
        if (strcmp(w, "--") == 0) {
            while (i < *n)
                words[kept++] = words[i++];
            break;
        }
        if (strncmp(w, "--", 2) == 0 && strcmp(w + 2, name) == 0) {
            found = true;
            continue;
        }
        words[kept++] = words[i];
        if (takes_next(w) && i + 1 < *n)
            words[kept++] = words[++i];
    }
    *n = kept;
    words[kept] = NULL;
    return found;
}
