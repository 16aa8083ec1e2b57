/* ask.h - the pieces of `ras ask`, the interactive questionnaire: reading
 * a reply, the client-details steps and the question steps. */
#ifndef RAS_CLI_ASK_H
#define RAS_CLI_ASK_H

#include <stdbool.h>
#include <stdio.h>

#include "ras.h"

/* One session. */
typedef struct ras_ask {
    const ras_model *model;
    ras_case *c;
    FILE *in;
    bool echo;         /* input is not a terminal: echo each reply, so the
                          transcript on standard output reads as typed */
    const char *group; /* the group chosen, borrowed from the model; NULL: default */
    char *line;        /* the last reply read (ask_input.c's buffer) */
    size_t cap;
    char **kept;         /* per step: the reply that answered it, or NULL */
    const char *earlier; /* the step being asked: its earlier reply, or NULL */
    bool earlier_shown;  /* the earlier reply has been shown for this step */
    char today[11];      /* YYYY-MM-DD: the assessment date Enter gives */
} ras_ask;

/* How a step ended. */
typedef enum ras_ask_reply {
    RAS_ASK_DONE, /* answered: go on */
    RAS_ASK_SKIP, /* the step does not apply: pass it by */
    RAS_ASK_BACK, /* go back one step */
    RAS_ASK_QUIT, /* the person chose to quit */
    RAS_ASK_EOF,  /* the input ended */
    RAS_ASK_NOMEM /* out of memory */
} ras_ask_reply;

/* Shows prompt and reads one reply, trimmed of blanks, into *text. "?"
 * shows help (the step's, then the keys) and asks again; "b" gives
 * RAS_ASK_BACK; "q" asks to confirm and gives RAS_ASK_QUIT. When the step
 * was answered before (a->earlier), that reply is shown first and an
 * empty reply (Enter) gives it again. */
ras_ask_reply ras_ask_read(ras_ask *a, const char *prompt, const char *help, const char **text);

/* Prints why a reply was refused, before the prompt comes again. */
void ras_ask_refuse(const char *reason);

/* Parses a choice "1".."n" at text[0..len); 0 when it is not one. */
size_t ras_ask_parse_choice(const char *text, size_t len, size_t n);

/* The client-details steps, in order. */
#define RAS_ASK_CLIENT_STEPS 6
ras_ask_reply ras_ask_client_step(ras_ask *a, size_t step);

/* One question: asks it until the reply is valid and sets the answer. */
ras_ask_reply ras_ask_question(ras_ask *a, const ras_question *q);

#endif
