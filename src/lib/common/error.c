#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void copy_text(char *dst, size_t size, const char *src)
{
    if (!src)
        src = "";
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void ras_error_clear(ras_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

ras_status ras_fail(ras_error *err, ras_status status, const char *file, unsigned long line,
                    unsigned long column, const char *subject, const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    copy_text(err->file, sizeof err->file, file);
    err->line = line;
    err->column = column;
    copy_text(err->subject, sizeof err->subject, subject);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

void ras_error_set_subject(ras_error *err, const char *text, size_t len)
{
    if (!err)
        return;
    if (len >= sizeof err->subject)
        len = sizeof err->subject - 1;
    memcpy(err->subject, text, len);
    err->subject[len] = '\0';
}

ras_status ras_refile(ras_error *err, ras_status status, const char *subject)
{
    if (err) {
        err->status = status;
        ras_error_set_subject(err, subject, strlen(subject));
    }
    return status;
}

/* An I/O error's message names its file itself ("cannot read FILE:
 * reason", the wording of every command): the file is not put in front
 * again. */
static bool names_its_file(const ras_error *err)
{
    return err->status == RAS_ERR_IO && err->line == 0 && strstr(err->message, err->file) != NULL;
}

size_t ras_error_format(const ras_error *err, char *buf, size_t size)
{
    char where[RAS_ERROR_FILE_MAX + 48] = "";
    if (err->file[0] && !names_its_file(err)) {
        if (err->line && err->column)
            snprintf(where, sizeof where, "%s:%lu:%lu: ", err->file, err->line, err->column);
        else if (err->line)
            snprintf(where, sizeof where, "%s:%lu: ", err->file, err->line);
        else
            snprintf(where, sizeof where, "%s: ", err->file);
    }
    int n = snprintf(buf, size, "%s%s", where, err->message);
    return n < 0 ? 0 : (size_t)n;
}

const char *ras_status_name(ras_status status)
{
    switch (status) {
    case RAS_OK: return "ok";
    case RAS_ERR_NOMEM: return "nomem";
    case RAS_ERR_IO: return "io";
    case RAS_ERR_SYNTAX: return "syntax";
    case RAS_ERR_MODEL: return "model";
    case RAS_ERR_CASE: return "case";
    case RAS_ERR_LIMIT: return "limit";
    case RAS_ERR_OVERFLOW: return "overflow";
    case RAS_ERR_ARG: return "arg";
    }
    return "unknown";
}
