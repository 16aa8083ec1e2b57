/* error.h - filling a ras_error. */
#ifndef RAS_ERROR_H
#define RAS_ERROR_H

#include "ras.h"

#if defined(__GNUC__)
#define RAS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RAS_PRINTF(f, a)
/* Gives an error a parser filled (err may be NULL) the caller's status
 * and subject, keeping its message; returns status. */
ras_status ras_refile(ras_error *err, ras_status status, const char *subject);

#endif

/* Sets every part of err (when err is not NULL) and returns status, so a
 * failing function can `return ras_fail(...)`. file and subject may be
 * NULL; line and column 0 when not known. */
ras_status ras_fail(ras_error *err, ras_status status, const char *file, unsigned long line,
                    unsigned long column, const char *subject, const char *fmt, ...)
    RAS_PRINTF(7, 8);

/* Copies n bytes of a not-NUL-terminated text into a subject-sized
 * buffer, cut short if need be. */
void ras_error_set_subject(ras_error *err, const char *text, size_t len);

/* Gives an error a parser filled (err may be NULL) the caller's status
 * and subject, keeping its message; returns status. */
ras_status ras_refile(ras_error *err, ras_status status, const char *subject);

#endif
