/* report.c - error messages and the status-to-exit mapping. */
#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void ras_cli_say(const char *fmt, ...)
{
    va_list ap;
    fputs("ras: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void ras_cli_report(const ras_error *err, const char *fallback_file)
{
    ras_error copy = *err;
    char text[RAS_ERROR_FILE_MAX + RAS_ERROR_MESSAGE_MAX + 64];

    /* Errors found after reading (e.g. by the scorer) carry no file: name
     * the one the user gave, so every message says where to look. */
    if (copy.file[0] == '\0' && fallback_file != NULL)
        snprintf(copy.file, sizeof copy.file, "%s", fallback_file);
    ras_error_format(&copy, text, sizeof text);
    ras_cli_say("%s", text);
}

ras_exit ras_cli_model_exit(ras_status status)
{
    switch (status) {
    case RAS_OK: return RAS_EXIT_OK;
    case RAS_ERR_IO:
    case RAS_ERR_NOMEM: return RAS_EXIT_IO;
    case RAS_ERR_ARG: return RAS_EXIT_USAGE;
    default: return RAS_EXIT_MODEL;
    }
}

ras_exit ras_cli_data_exit(ras_status status)
{
    switch (status) {
    case RAS_OK: return RAS_EXIT_OK;
    case RAS_ERR_IO:
    case RAS_ERR_NOMEM: return RAS_EXIT_IO;
    default: return RAS_EXIT_FOUND;
    }
}
