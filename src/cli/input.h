/* input.h - the CSV a command reads (batch, audit, calibrate): a file, or
 * standard input for "-". */
#ifndef RAS_CLI_INPUT_H
#define RAS_CLI_INPUT_H

#include <stdio.h>

/* Opens path to read ("-": standard input) and sets *name to what
 * messages call it. NULL, with the reason said, when it cannot be opened:
 * the command then exits with RAS_EXIT_IO. */
FILE *ras_in_open(const char *path, const char **name);

/* Closes what ras_in_open opened (standard input is left open). */
void ras_in_close(FILE *in);

#endif
