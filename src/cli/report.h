/* report.h - how the program reports trouble on standard error, and how a
 * library status becomes an exit status. */
#ifndef RAS_CLI_REPORT_H
#define RAS_CLI_REPORT_H

#include <stdarg.h>
#include <stdio.h>

#include "exit.h"
#include "ras.h"

#if defined(__GNUC__)
#define RAS_CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RAS_CLI_PRINTF(f, a)
#endif

/* Prints "ras: " and the formatted text and a newline on standard error.
 * Control characters in the text (a file name holding a line break or an
 * escape) are shown escaped, as ras_cli_put_escaped does, so a message
 * stays one line and cannot drive the terminal. */
void ras_cli_say(const char *fmt, ...) RAS_CLI_PRINTF(1, 2);

/* Writes text to f with control characters escaped: \n, \t, \r, \xHH
 * for the other C0 controls and DEL, \uHHHH for C1 controls. */
void ras_cli_put_escaped(FILE *f, const char *text);

/* The formatted text, escaped as above (no "ras: ", no newline). */
void ras_cli_print(FILE *f, const char *fmt, ...) RAS_CLI_PRINTF(2, 3);
void ras_cli_vprint(FILE *f, const char *fmt, va_list ap) RAS_CLI_PRINTF(2, 0);

/* Prints "ras: FILE:LINE:COLUMN: message" for a library error. When the
 * error names no file, fallback_file (if not NULL) is named instead. */
void ras_cli_report(const ras_error *err, const char *fallback_file);

/* Exit status for a failure while loading a model: 3, or 4 for I/O and
 * memory, or 2 for a bad argument (an unknown built-in model name). */
ras_exit ras_cli_model_exit(ras_status status);

/* Exit status for a failure in the data a command judges (a case file, a
 * CSV): 1, or 4 when the file could not be read or memory ran out. */
ras_exit ras_cli_data_exit(ras_status status);

#endif
