/* run_info.h - what a report files about its own run (docs/audit.md,
 * "The record"): when it started and the command line. */
#ifndef RAS_CLI_RUN_INFO_H
#define RAS_CLI_RUN_INFO_H

#include "exit.h"
#include "ras.h"

/* Fills run for `ras COMMAND ARGV...`: the time now, or the time
 * SOURCE_DATE_EPOCH gives (seconds since 1970 UTC, the reproducible-builds
 * convention, so a report can be made again byte for byte), and the
 * command line with each word quoted for a POSIX shell when it needs it.
 * run->command is allocated: free it with ras_cli_run_info_free.
 * RAS_EXIT_IO (reported) when out of memory. */
ras_exit ras_cli_run_info(ras_run_info *run, const char *command, int argc, char **argv);

void ras_cli_run_info_free(ras_run_info *run);

#endif
