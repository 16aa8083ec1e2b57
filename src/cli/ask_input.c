/* ask_input.c - reading the replies of `ras ask`, one line each. */
#include <errno.h>
#include <string.h>
#include <sys/types.h>

#include "ask.h"

static const char keys_help[] =
    "  At any prompt: b goes back one question, ? shows help, q quits.\n";

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* Reads a line into a->line, trimmed. RAS_ASK_DONE, EOF or NOMEM. */
static ras_ask_reply read_line(ras_ask *a, const char *prompt)
{
    ssize_t n;
    char *start;

    fputs(prompt, stdout);
    fflush(stdout);
    errno = 0;
    n = getline(&a->line, &a->cap, a->in);
    if (n < 0) {
        if (a->echo)
            fputc('\n', stdout); /* end the prompt's line in the transcript */
        return errno == ENOMEM ? RAS_ASK_NOMEM : RAS_ASK_EOF;
    }
    while (n > 0 && is_blank(a->line[n - 1]))
        a->line[--n] = '\0';
    start = a->line;
    while (is_blank(*start))
        start++;
    memmove(a->line, start, strlen(start) + 1);
    if (a->echo) {
        printf("%s\n", a->line);
        fflush(stdout); /* keep the transcript in order with messages on stderr */
    }
    return RAS_ASK_DONE;
}

static bool is_word(const char *text, const char *lower, const char *upper)
{
    return strcmp(text, lower) == 0 || strcmp(text, upper) == 0;
}

/* "q": asks to confirm. RAS_ASK_QUIT, or RAS_ASK_DONE to carry on. */
static ras_ask_reply confirm_quit(ras_ask *a)
{
    ras_ask_reply reply = read_line(a, "Quit without saving? [y/N] ");

    if (reply != RAS_ASK_DONE)
        return reply;
    if (is_word(a->line, "y", "Y") || is_word(a->line, "yes", "YES") || strcmp(a->line, "Yes") == 0)
        return RAS_ASK_QUIT;
    return RAS_ASK_DONE;
}

ras_ask_reply ras_ask_read(ras_ask *a, const char *prompt, const char *help, const char **text)
{
    for (;;) {
        ras_ask_reply reply = read_line(a, prompt);

        if (reply != RAS_ASK_DONE)
            return reply;
        if (strcmp(a->line, "?") == 0) {
            if (help != NULL)
                printf("  %s\n", help);
            fputs(keys_help, stdout);
            continue;
        }
        if (is_word(a->line, "b", "B"))
            return RAS_ASK_BACK;
        if (is_word(a->line, "q", "Q")) {
            reply = confirm_quit(a);
            if (reply != RAS_ASK_DONE)
                return reply;
            continue;
        }
        *text = a->line;
        return RAS_ASK_DONE;
    }
}

void ras_ask_refuse(const char *reason)
{
    printf("  %s\n", reason);
}

size_t ras_ask_parse_choice(const char *text, size_t len, size_t n)
{
    size_t k = 0;

    if (len == 0 || len > 9) /* nine digits cannot overflow a size_t */
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] < '0' || text[i] > '9')
            return 0;
        k = k * 10 + (size_t)(text[i] - '0');
    }
    return k >= 1 && k <= n ? k : 0;
}
