/* output.h - where a command's output goes: standard output, or a file
 * that is replaced atomically, so it is never left half written. */
#ifndef RAS_CLI_OUTPUT_H
#define RAS_CLI_OUTPUT_H

#include <stdio.h>

#include "exit.h"

typedef struct ras_out {
    FILE *fp;           /* write here */
    const char *target; /* the file named by -o; NULL for standard output */
    char *tmp;          /* the temporary beside target; NULL when writing directly */
} ras_out;

/* Opens the output: target NULL or "-" is standard output; a regular file
 * (or a name not yet taken) gets a temporary "TARGET.XXXXXX" in the same
 * folder; anything else (a device, a pipe) is written directly. input is
 * the file the command reads (NULL or "-" when none): a target that is the
 * same file is refused with RAS_EXIT_USAGE. Errors are reported on
 * standard error; on failure nothing needs undoing. */
ras_exit ras_out_open(ras_out *o, const char *target, const char *input);

/* Checks early, before a long interactive session, that the output could
 * be written: its folder exists and is writable (or the target is an
 * existing non-regular file that is writable). NULL or "-" always passes.
 * RAS_EXIT_IO (reported) when not. */
ras_exit ras_out_check(const char *target);

/* Finishes the output: flushes, syncs and closes the temporary and renames
 * it over the target, or flushes standard output. RAS_EXIT_IO (reported)
 * if any step failed, in which case the temporary is removed. */
ras_exit ras_out_commit(ras_out *o);

/* Gives the output up: closes and removes the temporary, if any. */
void ras_out_abort(ras_out *o);

/* Flushes standard output, reporting a failure (e.g. a full disk) with
 * RAS_EXIT_IO. */
ras_exit ras_cli_flush_stdout(void);

#endif
