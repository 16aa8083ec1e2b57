/* ask_input.c - reading the replies of `ras ask`, one line each, and
 * Ctrl-C or the end of the input at a prompt: asked about first while a
 * draft keeps the answers (docs/ask.md, "Drafts"). */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include "ask.h"

static const char keys_help[] =
    "  At any prompt: b goes back one question, ? shows help, q quits.\n";

/* A reply's bound: far above any answer, and it keeps `ras ask < /dev/zero`
 * in constant memory. The rest of a longer line is read and dropped, up to
 * RAS_ASK_LINE_MAX, beyond which the input is taken for something other
 * than replies and the session ends as at the end of the input. */
#define RAS_ASK_REPLY_MAX 4096
#define RAS_ASK_LINE_MAX (1024L * 1024L)

typedef enum line_kind { LINE_OK, LINE_EOF, LINE_INTR, LINE_LONG, LINE_ENDLESS } line_kind;

/* Set by SIGINT while a read waits; the wait ends at once (EINTR). */
static volatile sig_atomic_t interrupted;
static struct sigaction before;
static sigset_t mask_before;  /* the signal mask put back after the session */
static sigset_t mask_waiting; /* the mask a read waits under: SIGINT open */
static bool caught;

static void on_interrupt(int sig)
{
    (void)sig;
    interrupted = 1;
}

void ras_ask_catch_interrupt(void)
{
    struct sigaction sa;
    sigset_t block;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    if (sigaction(SIGINT, NULL, &before) != 0 || before.sa_handler == SIG_IGN)
        return;
    if (sigprocmask(SIG_BLOCK, &block, &mask_before) != 0)
        return;
    if (sigaction(SIGINT, &sa, NULL) != 0) {
        sigprocmask(SIG_SETMASK, &mask_before, NULL);
        return;
    }
    mask_waiting = mask_before;
    sigdelset(&mask_waiting, SIGINT);
    caught = true;
}

void ras_ask_release_interrupt(void)
{
    /* Unblocked first, while the handler is still ours: a Ctrl-C pending
     * after the last read only sets the flag, it does not end ras. */
    if (caught) {
        sigprocmask(SIG_SETMASK, &mask_before, NULL);
        sigaction(SIGINT, &before, NULL);
    }
    interrupted = 0;
    caught = false;
}

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

#define BYTE_INTR (-2)

/* Waits until a->in can be read without blocking: true, or false when
 * Ctrl-C came first. SIGINT is open only inside pselect, so one that came
 * since the last wait is delivered here and ends the wait. */
static bool wait_for_input(ras_ask *a)
{
    for (;;) {
        fd_set readable;
        FD_ZERO(&readable);
        FD_SET(a->in, &readable);
        if (pselect(a->in + 1, &readable, NULL, NULL, NULL, &mask_waiting) >= 0)
            return true;
        if (errno != EINTR)
            return true; /* the read that follows reports it */
        if (interrupted)
            return false;
    }
}

/* The next byte of the replies, EOF at their end (or on a read error),
 * or BYTE_INTR on Ctrl-C. */
static int next_byte(ras_ask *a)
{
    if (a->in_pos < a->in_len)
        return (unsigned char)a->inbuf[a->in_pos++];
    for (;;) {
        if (caught && !wait_for_input(a))
            return BYTE_INTR;
        ssize_t got = read(a->in, a->inbuf, sizeof a->inbuf);
        if (got > 0) {
            a->in_len = (size_t)got;
            a->in_pos = 1;
            return (unsigned char)a->inbuf[0];
        }
        if (got == 0 || errno != EINTR)
            return EOF; /* a terminal may be read again after Ctrl-D */
    }
}

/* Reads one line, its newline dropped, into a->line: at most
 * RAS_ASK_REPLY_MAX bytes, NULs included, *len of them. */
static line_kind get_line(ras_ask *a, size_t *len)
{
    size_t n = 0;
    long dropped = 0;
    int ch = 0;

    while ((ch = next_byte(a)) >= 0 && ch != '\n') {
        if (n < RAS_ASK_REPLY_MAX)
            a->line[n++] = (char)ch;
        else if (++dropped > RAS_ASK_LINE_MAX)
            return LINE_ENDLESS;
    }
    a->line[n] = '\0';
    *len = n;
    if (ch == BYTE_INTR) {
        /* The terminal dropped the line typed so far: so does the reply. */
        interrupted = 0;
        a->line[0] = '\0';
        *len = 0;
        return LINE_INTR;
    }
    if (ch == EOF && n == 0)
        return LINE_EOF;
    return dropped > 0 ? LINE_LONG : LINE_OK;
}

/* True when a reply holds a control character (NUL, ESC, DEL, or a C1
 * one such as U+0085): ids and answers hold none, as the CSV and YAML
 * readers insist too, and a refused reply is not echoed. */
static bool has_control(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)text[i];
        unsigned char next = i + 1 < len ? (unsigned char)text[i + 1] : 0;
        if (b < 0x20 || b == 0x7f || (b == 0xc2 && next >= 0x80 && next <= 0x9f))
            return true;
    }
    return false;
}

/* Trims a->line's len bytes of blanks at both ends; the new length. */
static size_t trim(ras_ask *a, size_t len)
{
    size_t start = 0;

    while (len > 0 && is_blank(a->line[len - 1]))
        len--;
    while (start < len && is_blank(a->line[start]))
        start++;
    memmove(a->line, a->line + start, len - start);
    a->line[len - start] = '\0';
    return len - start;
}

/* Why a line is no reply, or NULL when it is one. */
static const char *refusal(line_kind kind, const char *text, size_t len)
{
    if (kind == LINE_LONG)
        return "That reply is longer than 4096 bytes: please answer again.";
    if (has_control(text, len))
        return "That reply holds a control character (such as NUL or ESC): please answer "
               "again.";
    return NULL;
}

/* Reads a reply into a->line, trimmed, asking again while it is too long
 * or holds a control byte. RAS_ASK_DONE, EOF or NOMEM. */
static ras_ask_reply read_line(ras_ask *a, const char *prompt)
{
    if (a->cap < RAS_ASK_REPLY_MAX + 1) {
        char *p = realloc(a->line, RAS_ASK_REPLY_MAX + 1);
        if (p == NULL)
            return RAS_ASK_NOMEM;
        a->line = p;
        a->cap = RAS_ASK_REPLY_MAX + 1;
    }
    for (;;) {
        size_t len = 0;
        fputs(prompt, stdout);
        fflush(stdout);
        line_kind kind = get_line(a, &len);
        if (kind == LINE_EOF || kind == LINE_INTR || kind == LINE_ENDLESS) {
            /* End the prompt's line: in the transcript, or on a terminal
             * where Ctrl-C or Ctrl-D left the cursor after the prompt. */
            fputc('\n', stdout);
            fflush(stdout); /* before what goes to standard error next */
            a->interrupted = kind == LINE_INTR;
            if (kind == LINE_ENDLESS) {
                a->endless = true;
                ras_ask_refuse("The input has a line of more than 1 MiB: it holds no replies.");
            }
            return RAS_ASK_EOF;
        }
        len = trim(a, len);
        const char *why = refusal(kind, a->line, len);
        if (a->echo) {
            printf("%s\n", why ? "" : a->line); /* a refused reply is not shown */
            fflush(stdout); /* keep the transcript in order with messages on stderr */
        }
        if (why == NULL)
            return RAS_ASK_DONE;
        ras_ask_refuse(why);
    }
}

static bool is_word(const char *text, const char *lower, const char *upper)
{
    return strcmp(text, lower) == 0 || strcmp(text, upper) == 0;
}

static bool is_yes(const char *text)
{
    return is_word(text, "y", "Y") || is_word(text, "yes", "YES") || strcmp(text, "Yes") == 0;
}

/* "q": asks to confirm. RAS_ASK_QUIT, or RAS_ASK_DONE to carry on. */
static ras_ask_reply confirm_quit(ras_ask *a)
{
    ras_ask_reply reply = read_line(a, "Quit without saving? [y/N] ");

    if (reply != RAS_ASK_DONE)
        return reply;
    if (is_yes(a->line))
        return RAS_ASK_QUIT;
    return RAS_ASK_DONE;
}

/* Ctrl-C or the end of the input at a prompt. With answers kept in a
 * draft, asks whether to leave (a second Ctrl-C or end of input leaves
 * too): RAS_ASK_LEAVE, or RAS_ASK_DONE to ask the prompt again. With no
 * draft there is nothing to keep: RAS_ASK_EOF at once. */
static ras_ask_reply stop(ras_ask *a)
{
    if (!a->drafted)
        return RAS_ASK_EOF;
    if (a->endless)
        return RAS_ASK_LEAVE;
    printf("  Your answers are kept in %s;\n  carry on later with `ras ask --resume %s`.\n",
           a->draft, a->draft);
    ras_ask_reply reply = read_line(a, "Leave now? [y/N] ");
    if (reply == RAS_ASK_EOF)
        return RAS_ASK_LEAVE;
    if (reply != RAS_ASK_DONE)
        return reply;
    return is_yes(a->line) ? RAS_ASK_LEAVE : RAS_ASK_DONE;
}

/* Enter after `b`: the reply given before, into a->line. */
static ras_ask_reply keep_earlier(ras_ask *a)
{
    size_t len = strlen(a->earlier);
    if (len + 1 > a->cap) {
        char *p = realloc(a->line, len + 1);
        if (p == NULL)
            return RAS_ASK_NOMEM;
        a->line = p;
        a->cap = len + 1;
    }
    memcpy(a->line, a->earlier, len + 1);
    return RAS_ASK_DONE;
}

ras_ask_reply ras_ask_read(ras_ask *a, const char *prompt, const char *help, const char **text)
{
    if (a->earlier != NULL && !a->earlier_shown) {
        printf("  Earlier answer: %s (Enter keeps it)\n", a->earlier[0] ? a->earlier : "none");
        a->earlier_shown = true;
    }
    for (;;) {
        ras_ask_reply reply = read_line(a, prompt);

        if (reply == RAS_ASK_EOF && (reply = stop(a)) == RAS_ASK_DONE)
            continue;
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
            if (reply == RAS_ASK_EOF)
                reply = stop(a);
            if (reply != RAS_ASK_DONE)
                return reply;
            continue;
        }
        if (a->line[0] == '\0' && a->earlier != NULL && (reply = keep_earlier(a)) != RAS_ASK_DONE)
            return reply;
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
