/* report.c - error messages and the status-to-exit mapping. */
#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ras_cli_put_escaped(FILE *f, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
        if (*p == '\n')
            fputs("\\n", f);
        else if (*p == '\t')
            fputs("\\t", f);
        else if (*p == '\r')
            fputs("\\r", f);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(f, "\\x%02x", *p);
        else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) /* a C1 control, in UTF-8 */
            fprintf(f, "\\u%04x", *++p);
        else
            fputc(*p, f);
    }
}

void ras_cli_vprint(FILE *f, const char *fmt, va_list ap)
{
    char small[512];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    char *big = n >= (int)sizeof small ? malloc((size_t)n + 1) : NULL;
    if (big != NULL)
        vsnprintf(big, (size_t)n + 1, fmt, again);
    va_end(again);
    if (n >= 0) /* cut to small's size when out of memory */
        ras_cli_put_escaped(f, big != NULL ? big : small);
    free(big);
}

void ras_cli_print(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ras_cli_vprint(f, fmt, ap);
    va_end(ap);
}

static void say_to(FILE *f, const char *fmt, va_list ap)
{
    fputs("ras: ", f);
    ras_cli_vprint(f, fmt, ap);
    fputc('\n', f);
}

void ras_cli_say(const char *fmt, ...)
{
    /* Made whole, then written at once: standard error is unbuffered, and
     * a message written straight to it costs a system call a character (a
     * calibration naming a thousand rows left out spent a fifth of its
     * time so). Written straight only when memory runs out. */
    char *line = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&line, &len);
    va_list ap;
    va_start(ap, fmt);
    if (mem != NULL)
        say_to(mem, fmt, ap);
    va_end(ap);
    if (mem != NULL && fclose(mem) == 0) {
        fwrite(line, 1, len, stderr);
    } else {
        va_start(ap, fmt);
        say_to(stderr, fmt, ap);
        va_end(ap);
    }
    free(line);
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
