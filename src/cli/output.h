/* output.h - where a command's output goes: standard output, or a file
 * that is replaced atomically, so it is never left half written. */
#ifndef RAS_CLI_OUTPUT_H
#define RAS_CLI_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "exit.h"
#include "ras.h"

typedef struct ras_out {
    FILE *fp;           /* write here */
    const char *target; /* the file named by -o; NULL for standard output */
    char *real;         /* target with symbolic links resolved; NULL when not a link */
    char *tmp;          /* the temporary beside target; NULL when writing directly */
    int tmp_slot;       /* tmp's slot in tmp_files.h, or -1 */
} ras_out;

/* A file a command names, for ras_out_check_files. */
typedef struct ras_out_file {
    const char *what; /* how messages call it: "-o", "--write", "the input" */
    const char *path; /* NULL or "-" (standard input or output): not compared */
} ras_out_file;

/* The one check every command makes, before it opens any output: each
 * output is refused (RAS_EXIT_USAGE, reported) when it is the same file
 * as one of the inputs, as a file of model (which may be NULL), or as
 * another output. Same means the same device and inode, or the same path
 * once symbolic links are resolved (an output not made yet is compared by
 * its path). An output that is a device or a pipe (/dev/null) is not
 * compared. A command adding an output or an input adds it to its list. */
ras_exit ras_out_check_files(const ras_out_file *outputs, size_t n_outputs,
                             const ras_out_file *inputs, size_t n_inputs, const ras_model *model);

/* Opens the output: target NULL or "-" is standard output; a regular file
 * (or a name not yet taken) gets a temporary in the same folder (the name
 * and ".XXXXXX", the name cut short when that would be too long); anything
 * else (a device, a pipe) is written directly. A symbolic link is written
 * through: the file it points at is replaced, the link stays; a link to
 * nothing is refused (RAS_EXIT_USAGE). input is the file the command reads
 * (NULL or "-" when none): a target that is the same file is refused with
 * RAS_EXIT_USAGE (ras_out_check_files does this for every file at once).
 * Errors are reported on standard error; on failure nothing needs
 * undoing. */
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

/* Whether target names an Excel workbook: FILE.xlsx, any case
 * (docs/exports.md, "Writing workbooks"). */
bool ras_out_is_workbook(const char *target);

/* Where the library writes a workbook for an open output: its temporary,
 * renamed over the target by ras_out_commit. NULL when the output is not
 * a regular file (a device, a pipe): err then says so. */
const char *ras_out_workbook_path(const ras_out *o, ras_error *err);

/* Gives the output up: closes and removes the temporary, if any. */
void ras_out_abort(ras_out *o);

/* Gives the output up after a write failed, saying why (errno's reason,
 * e.g. "No space left on device"); returns RAS_EXIT_IO. */
ras_exit ras_out_fail(ras_out *o);

/* Flushes standard output, reporting a failure (e.g. a full disk) with
 * RAS_EXIT_IO. */
ras_exit ras_cli_flush_stdout(void);

/* Puts /dev/null behind standard input, output and error if they were
 * closed, opened so that using them fails as before (EBADF). Called first:
 * otherwise an output's temporary could be given descriptor 1 and take in
 * what is printed, and closing a standard output that was never meant to
 * be used (batch -o FILE >&-) would pass for a failed write. */
void ras_cli_hold_std_fds(void);

#endif
