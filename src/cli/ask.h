/* ask.h - the pieces of `ras ask`, the interactive questionnaire: reading
 * a reply, the client-details steps and the question steps. */
#ifndef RAS_CLI_ASK_H
#define RAS_CLI_ASK_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "exit.h"
#include "ras.h"

/* One session. */
typedef struct ras_ask {
    const ras_model *model;
    ras_case *c;
    int in;           /* the replies' file descriptor (standard input) */
    char inbuf[4096]; /* bytes read from it, not yet taken (ask_input.c) */
    size_t in_pos, in_len;
    bool echo;         /* input is not a terminal: echo each reply, so the
                          transcript on standard output reads as typed */
    const char *group; /* the group chosen, borrowed from the model; NULL: default */
    char *line;        /* the last reply read (ask_input.c's buffer) */
    size_t cap;
    char **kept;           /* per step: the reply that answered it, or NULL */
    const char *earlier;   /* the step being asked: its earlier reply, or NULL */
    bool earlier_shown;    /* the earlier reply has been shown for this step */
    char today[11];        /* YYYY-MM-DD: the assessment date Enter gives */
    time_t started;        /* when the session began: names a draft */
    const char *output;    /* -o: where the case is saved at the end ("-": standard
                              output); NULL: not saved */
    char *output_owned;    /* output when a draft named it (malloc'd) */
    const char *model_arg; /* -m as given (a folder or a built-in name), or NULL */
    char *draft;           /* the draft's path (malloc'd); NULL until known */
    bool drafted;          /* the draft is on disk: leaving keeps the answers */
    bool draft_failed;     /* a draft could not be written (said once) */
    bool interrupted;      /* the last read ended by Ctrl-C (SIGINT), not EOF */
    bool endless;          /* the input holds a line too long to be replies */
} ras_ask;

/* How a step ended. */
typedef enum ras_ask_reply {
    RAS_ASK_DONE,  /* answered: go on */
    RAS_ASK_SKIP,  /* the step does not apply: pass it by */
    RAS_ASK_BACK,  /* go back one step */
    RAS_ASK_QUIT,  /* the person chose to quit */
    RAS_ASK_EOF,   /* the input ended, or Ctrl-C, with no draft to keep */
    RAS_ASK_LEAVE, /* the person left (Ctrl-C or Ctrl-D, confirmed): the draft is kept */
    RAS_ASK_NOMEM  /* out of memory */
} ras_ask_reply;

/* Shows prompt and reads one reply, trimmed of blanks, into *text. "?"
 * shows help (the step's, then the keys) and asks again; "b" gives
 * RAS_ASK_BACK; "q" asks to confirm and gives RAS_ASK_QUIT. Ctrl-C or
 * the end of the input, once a draft is kept, asks whether to leave:
 * yes, or a second Ctrl-C or end of input, gives RAS_ASK_LEAVE; no asks
 * the same prompt again. When the step
 * was answered before (a->earlier), that reply is shown first and an
 * empty reply (Enter) gives it again. */
ras_ask_reply ras_ask_read(ras_ask *a, const char *prompt, const char *help, const char **text);

/* Ctrl-C (SIGINT) at a prompt ends that read instead of the program, so
 * that ras_ask_read can ask first (ask_input.c). Installed for the
 * session and put back after it; a SIGINT ignored when ras started stays
 * ignored. While the session runs SIGINT is blocked except while a read
 * waits for input, so a Ctrl-C that comes just before a read is never
 * lost (a flag checked before a blocking read could miss it). */
void ras_ask_catch_interrupt(void);
void ras_ask_release_interrupt(void);

/* Prints why a reply was refused, before the prompt comes again. */
void ras_ask_refuse(const char *reason);

/* Parses a choice "1".."n" at text[0..len); 0 when it is not one. */
size_t ras_ask_parse_choice(const char *text, size_t len, size_t n);

/* The client-details steps, in order. */
#define RAS_ASK_CLIENT_STEPS 6
ras_ask_reply ras_ask_client_step(ras_ask *a, size_t step);

/* After --resume: the group the draft's reply chose, which the date
 * step checks the scoring table against. */
void ras_ask_restore_group(ras_ask *a);

/* One question: asks it until the reply is valid and sets the answer. */
ras_ask_reply ras_ask_question(ras_ask *a, const ras_question *q);

/* ---- the draft (ask_draft.c, docs/ask.md "Drafts") ---- */

/* The step's name in a draft: "client.id" ... "client.assessed_on",
 * "answers.QUESTION_ID", or "end" past the last question; written into
 * buf (size bytes). */
void ras_ask_step_name(const ras_ask *a, size_t step, char *buf, size_t size);

/* A new session's draft beside output (FILE.draft), or for none, a name
 * in the state folder chosen at the first save. A FILE.draft left by an
 * earlier session is refused (RAS_EXIT_USAGE, reported): it is carried
 * on with --resume or removed, never replaced unasked. */
ras_exit ras_ask_draft_place(ras_ask *a);

/* Writes the draft atomically: the replies so far, the step being asked
 * and the case. A failure is said once and the session goes on. */
void ras_ask_draft_save(ras_ask *a, size_t step);

/* Removes the draft (the case was saved, or the person quit). */
void ras_ask_draft_remove(ras_ask *a);

/* The model folder or built-in name a draft was begun with (its
 * "# model:" line), into buf; false when it names none. */
bool ras_ask_draft_model(const ras_source *src, char *buf, size_t size);

/* Reads a draft (src, named path) into a->c, a->kept, a->output (when
 * the draft names it and a->output is NULL) and *step, the step to carry
 * on from. A located error (RAS_EXIT_FOUND) for anything that is not a
 * draft of this questionnaire. */
ras_exit ras_ask_draft_load(ras_ask *a, const ras_source *src, const char *path, size_t *step);

#endif
