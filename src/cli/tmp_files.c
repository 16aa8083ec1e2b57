/* tmp_files.c - removing the outputs' temporaries on a signal
 * (tmp_files.h). The handler does only what is async-signal-safe: it
 * unlinks names copied beforehand into static buffers, then raises the
 * signal again with its default action, so the program still ends as the
 * signal asked (a shell sees "killed by SIGINT"). */
#include "tmp_files.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* calibrate writes its outputs one after the other: one slot would do,
 * a few leave room for a command that keeps two open. */
#define SLOTS 4

static char paths[SLOTS][PATH_MAX];
static volatile sig_atomic_t used[SLOTS];
static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
static bool installed;

static void on_signal(int sig)
{
    int saved = errno;
    for (size_t i = 0; i < SLOTS; i++)
        if (used[i])
            unlink(paths[i]);
    /* SA_RESETHAND put the default action back: this ends the program,
     * at once or when the handler returns. */
    raise(sig);
    errno = saved;
}

static void install(void)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
        if (sigaction(caught[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL)
            sigaction(caught[i], &sa, NULL);
    installed = true;
}

int ras_tmp_record(const char *path)
{
    size_t len = strlen(path);
    if (len >= PATH_MAX)
        return -1;
    if (!installed)
        install();
    for (int i = 0; i < SLOTS; i++) {
        if (used[i])
            continue;
        memcpy(paths[i], path, len + 1);
        used[i] = 1; /* only now: the handler never sees half a name */
        return i;
    }
    return -1;
}

void ras_tmp_forget(int slot)
{
    if (slot >= 0 && slot < SLOTS)
        used[slot] = 0;
}

void ras_tmp_hold(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
        sigaddset(&set, caught[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

void ras_tmp_release(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}
