/* digest.c - the SHA-256 of an input, worked out on a second thread
 * (digest.h). */
#include "digest.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The hasher stack: OpenSSL's SHA-256 needs a few hundred bytes. */
#define HASHER_STACK ((size_t)128 * 1024)

struct ras_digest {
    EVP_MD_CTX *md;
    bool failed; /* OpenSSL failed: no digest to give */
    bool ended;
    bool threaded;
    /* The ring, threaded only. The caller fills slot head; slots tail to
     * tail + full - 1 wait for the hasher (full, done and stop under
     * lock; head and fill the caller's, tail the hasher's). The hasher
     * writes md and failed, which the caller reads only after the join. */
    unsigned char *ring;
    size_t len[RAS_DIGEST_SLOTS];
    unsigned head, tail, full;
    size_t fill;
    bool done; /* no more slots will come: hash them all, then end */
    bool stop; /* end now, dropping what is left */
    /* Who sleeps on a condition: a wake-up is a system call (costly in
     * a virtual machine), so each side wakes the other only when it
     * sleeps, and the hasher only once half the ring is full. */
    bool hasher_asleep, caller_asleep;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t posted;  /* full went up, or done or stop was set */
    pthread_cond_t emptied; /* full went down */
};

static void update(ras_digest *d, const void *buf, size_t n)
{
    if (!d->failed && n > 0 && !EVP_DigestUpdate(d->md, buf, n))
        d->failed = true;
}

static void *hasher(void *arg)
{
    ras_digest *d = arg;
    pthread_mutex_lock(&d->lock);
    for (;;) {
        while (d->full == 0 && !d->done && !d->stop) {
            d->hasher_asleep = true;
            pthread_cond_wait(&d->posted, &d->lock);
            d->hasher_asleep = false;
        }
        if (d->stop || d->full == 0)
            break;
        unsigned i = d->tail;
        size_t n = d->len[i];
        pthread_mutex_unlock(&d->lock);
        update(d, d->ring + i * RAS_DIGEST_SLOT, n);
        d->tail = (i + 1) % RAS_DIGEST_SLOTS;
        pthread_mutex_lock(&d->lock);
        d->full--;
        if (d->caller_asleep)
            pthread_cond_signal(&d->emptied);
    }
    pthread_mutex_unlock(&d->lock);
    return NULL;
}

/* More than one processor to run on: a thread is worth starting. */
static bool several_processors(void)
{
    return sysconf(_SC_NPROCESSORS_ONLN) > 1;
}

/* Creates the hasher thread, with every signal blocked in it so that
 * signals are taken by the caller's threads. */
static bool spawn(ras_digest *d)
{
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0)
        return false;
    pthread_attr_setstacksize(&attr, HASHER_STACK);
    sigset_t all, before;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &before);
    int e = pthread_create(&d->thread, &attr, hasher, d);
    pthread_sigmask(SIG_SETMASK, &before, NULL);
    pthread_attr_destroy(&attr);
    return e == 0;
}

/* Sets up the ring and starts the hasher; false (nothing left set up)
 * when it cannot. */
static bool start(ras_digest *d)
{
    d->ring = malloc(RAS_DIGEST_SLOTS * RAS_DIGEST_SLOT);
    if (!d->ring)
        return false;
    bool lock = pthread_mutex_init(&d->lock, NULL) == 0;
    bool posted = lock && pthread_cond_init(&d->posted, NULL) == 0;
    bool emptied = posted && pthread_cond_init(&d->emptied, NULL) == 0;
    if (emptied && spawn(d))
        return true;
    if (emptied)
        pthread_cond_destroy(&d->emptied);
    if (posted)
        pthread_cond_destroy(&d->posted);
    if (lock)
        pthread_mutex_destroy(&d->lock);
    free(d->ring);
    d->ring = NULL;
    return false;
}

ras_digest *ras_digest_new(ras_digest_mode mode)
{
    ras_digest *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->md = EVP_MD_CTX_new();
    if (!d->md || !EVP_DigestInit_ex(d->md, EVP_sha256(), NULL)) {
        EVP_MD_CTX_free(d->md);
        ERR_clear_error();
        free(d);
        return NULL;
    }
    if (mode == RAS_DIGEST_THREAD || (mode == RAS_DIGEST_AUTO && several_processors()))
        d->threaded = start(d); /* else on this thread */
    return d;
}

bool ras_digest_threaded(const ras_digest *d)
{
    return d->threaded;
}

/* Hands the slot being filled to the hasher, then waits until the next
 * one is free (the ring was full). */
static void post(ras_digest *d)
{
    d->len[d->head] = d->fill;
    d->head = (d->head + 1) % RAS_DIGEST_SLOTS;
    d->fill = 0;
    pthread_mutex_lock(&d->lock);
    d->full++;
    if (d->hasher_asleep && d->full >= RAS_DIGEST_SLOTS / 2)
        pthread_cond_signal(&d->posted);
    while (d->full == RAS_DIGEST_SLOTS) {
        d->caller_asleep = true;
        pthread_cond_wait(&d->emptied, &d->lock);
        d->caller_asleep = false;
    }
    pthread_mutex_unlock(&d->lock);
}

void ras_digest_add(ras_digest *d, const void *buf, size_t n)
{
    if (d->ended)
        return;
    if (!d->threaded) {
        update(d, buf, n);
        return;
    }
    const unsigned char *p = buf;
    while (n > 0) {
        size_t room = RAS_DIGEST_SLOT - d->fill;
        size_t k = n < room ? n : room;
        memcpy(d->ring + d->head * RAS_DIGEST_SLOT + d->fill, p, k);
        d->fill += k;
        p += k;
        n -= k;
        if (d->fill == RAS_DIGEST_SLOT)
            post(d);
    }
}

/* Tells the hasher to end (after the slots posted, or at once) and
 * joins it. */
static void finish(ras_digest *d, bool drop)
{
    if (!d->threaded)
        return;
    pthread_mutex_lock(&d->lock);
    if (drop)
        d->stop = true;
    d->done = true;
    pthread_cond_signal(&d->posted);
    pthread_mutex_unlock(&d->lock);
    pthread_join(d->thread, NULL);
    pthread_cond_destroy(&d->emptied);
    pthread_cond_destroy(&d->posted);
    pthread_mutex_destroy(&d->lock);
    free(d->ring);
    d->ring = NULL;
    d->threaded = false;
}

void ras_digest_hex(ras_digest *d, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    hex[0] = '\0';
    if (d->ended)
        return;
    if (d->threaded && d->fill > 0) {
        /* The last piece: posted without waiting for room after it. */
        d->len[d->head] = d->fill;
        pthread_mutex_lock(&d->lock);
        d->full++;
        pthread_mutex_unlock(&d->lock);
    }
    finish(d, false);
    d->ended = true;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (d->failed || !EVP_DigestFinal_ex(d->md, md, &len) || len != 32) {
        ERR_clear_error();
        return;
    }
    for (size_t i = 0; i < len; i++) {
        hex[2 * i] = digits[md[i] >> 4];
        hex[2 * i + 1] = digits[md[i] & 15];
    }
    hex[64] = '\0';
}

void ras_digest_free(ras_digest *d)
{
    if (!d)
        return;
    finish(d, true);
    EVP_MD_CTX_free(d->md);
    free(d);
}
