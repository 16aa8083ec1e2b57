/* exit.h - the exit statuses of the `ras` program, listed in the manual
 * (docs/ras.1). Scripts rely on these numbers: never renumber them. */
#ifndef RAS_CLI_EXIT_H
#define RAS_CLI_EXIT_H

typedef enum ras_exit {
    RAS_EXIT_OK = 0,    /* the job ran and found nothing wrong */
    RAS_EXIT_FOUND = 1, /* the job ran but found something: a case or CSV row in
                           error, audit differences, an `ask` quit (nothing kept) */
    RAS_EXIT_USAGE = 2, /* bad command line */
    RAS_EXIT_MODEL = 3, /* the model (questionnaire or scoring table) is invalid */
    RAS_EXIT_IO = 4,    /* a file could not be opened, read or written, or memory ran out */
    RAS_EXIT_DRAFT = 5  /* `ask` left before the end, its answers kept in a draft */
} ras_exit;

#endif
