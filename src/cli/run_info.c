/* run_info.c - the time and command line a report files (run_info.h). */
#include "run_info.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report.h"

static int64_t started(void)
{
    const char *fixed = getenv("SOURCE_DATE_EPOCH");
    if (fixed != NULL && *fixed != '\0') {
        char *end;
        errno = 0;
        long long v = strtoll(fixed, &end, 10);
        if (errno == 0 && *end == '\0' && v >= 0)
            return (int64_t)v;
    }
    return (int64_t)time(NULL);
}

/* A word a shell reads back as itself without quotes. */
static bool plain_word(const char *w)
{
    if (*w == '\0')
        return false;
    for (; *w; w++)
        if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:@,+%",
                   *w) == NULL)
            return false;
    return true;
}

/* Appends a word, in single quotes when it needs them ('\'' for a quote). */
static char *put_word(char *p, const char *w)
{
    if (plain_word(w)) {
        while (*w)
            *p++ = *w++;
        return p;
    }
    *p++ = '\'';
    for (; *w; w++) {
        if (*w == '\'') {
            *p++ = '\'';
            *p++ = '\\';
            *p++ = '\'';
            *p++ = '\'';
        } else {
            *p++ = *w;
        }
    }
    *p++ = '\'';
    return p;
}

ras_exit ras_cli_run_info(ras_run_info *run, const char *command, int argc, char **argv)
{
    size_t size = sizeof "ras " + strlen(command);
    for (int i = 0; i < argc; i++)
        size += 4 * strlen(argv[i]) + 3; /* every byte a quote at worst, two quotes, a space */
    char *line = malloc(size);
    run->started = started();
    run->command = NULL;
    if (line == NULL) {
        ras_cli_say("out of memory");
        return RAS_EXIT_IO;
    }
    char *p = put_word(line, "ras");
    *p++ = ' ';
    p = put_word(p, command);
    for (int i = 0; i < argc; i++) {
        *p++ = ' ';
        p = put_word(p, argv[i]);
    }
    *p = '\0';
    run->command = line;
    return RAS_EXIT_OK;
}

void ras_cli_run_info_free(ras_run_info *run)
{
    free((char *)run->command);
    run->command = NULL;
}
