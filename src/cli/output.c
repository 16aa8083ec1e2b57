/* output.c - atomic output files: write a temporary beside the target,
 * then rename it over the target once everything is on disk. */
#include "output.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"

static bool is_stdout(const char *target)
{
    return target == NULL || strcmp(target, "-") == 0;
}

/* True when both names exist and are the same file (hard links and
 * symbolic links included). */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

static ras_exit cannot_write(const char *name, int errnum)
{
    ras_cli_say("cannot write %s: %s", name, strerror(errnum != 0 ? errnum : EIO));
    return RAS_EXIT_IO;
}

/* The permissions a new file would get: those of the file it replaces,
 * else 0666 less the umask (mkstemp alone would give 0600). */
static mode_t new_mode(const struct stat *old, bool exists)
{
    mode_t mask;
    if (exists)
        return old->st_mode & 07777;
    mask = umask(0);
    umask(mask);
    return (mode_t)(0666 & ~mask);
}

static ras_exit open_temporary(ras_out *o, const struct stat *old, bool exists)
{
    size_t len = strlen(o->target);
    int fd;

    o->tmp = malloc(len + sizeof ".XXXXXX");
    if (o->tmp == NULL)
        return cannot_write(o->target, ENOMEM);
    memcpy(o->tmp, o->target, len);
    memcpy(o->tmp + len, ".XXXXXX", sizeof ".XXXXXX");
    fd = mkstemp(o->tmp);
    if (fd < 0 || fchmod(fd, new_mode(old, exists)) != 0 || (o->fp = fdopen(fd, "w")) == NULL) {
        int e = errno;
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp);
        }
        free(o->tmp);
        o->tmp = NULL;
        return cannot_write(o->target, e);
    }
    return RAS_EXIT_OK;
}

ras_exit ras_out_open(ras_out *o, const char *target, const char *input)
{
    struct stat st;
    bool exists;

    memset(o, 0, sizeof *o);
    if (is_stdout(target)) {
        o->fp = stdout;
        return RAS_EXIT_OK;
    }
    o->target = target;
    if (input != NULL && strcmp(input, "-") != 0 && same_file(input, target)) {
        ras_cli_say("refusing to write over the input file %s", target);
        return RAS_EXIT_USAGE;
    }
    exists = stat(target, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        /* A device or a pipe cannot be replaced: write to it. */
        o->fp = fopen(target, "w");
        return o->fp != NULL ? RAS_EXIT_OK : cannot_write(target, errno);
    }
    return open_temporary(o, &st, exists);
}

ras_exit ras_out_check(const char *target)
{
    struct stat st;
    const char *slash;
    char *dir;
    bool ok;
    int e;

    if (is_stdout(target))
        return RAS_EXIT_OK;
    if (stat(target, &st) == 0 && !S_ISREG(st.st_mode))
        return access(target, W_OK) == 0 ? RAS_EXIT_OK : cannot_write(target, errno);
    slash = strrchr(target, '/');
    if (slash == NULL)
        return access(".", W_OK) == 0 ? RAS_EXIT_OK : cannot_write(target, errno);
    dir = malloc((size_t)(slash - target) + 2);
    if (dir == NULL)
        return cannot_write(target, ENOMEM);
    /* "/x" keeps its slash: the folder is the root. */
    memcpy(dir, target, (size_t)(slash - target) + 1);
    dir[slash == target ? 1 : slash - target] = '\0';
    ok = access(dir, W_OK) == 0;
    e = errno;
    free(dir);
    return ok ? RAS_EXIT_OK : cannot_write(target, e);
}

ras_exit ras_out_commit(ras_out *o)
{
    int e = 0;
    bool ok;

    if (o->fp == stdout)
        return ras_cli_flush_stdout();
    ok = fflush(o->fp) == 0 && !ferror(o->fp);
    if (!ok)
        e = errno;
    if (ok && o->tmp != NULL && fsync(fileno(o->fp)) != 0) {
        ok = false;
        e = errno;
    }
    if (fclose(o->fp) != 0 && ok) {
        ok = false;
        e = errno;
    }
    o->fp = NULL;
    if (ok && o->tmp != NULL && rename(o->tmp, o->target) != 0) {
        ok = false;
        e = errno;
    }
    if (!ok && o->tmp != NULL)
        unlink(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
    return ok ? RAS_EXIT_OK : cannot_write(o->target, e);
}

void ras_out_abort(ras_out *o)
{
    if (o->fp != NULL && o->fp != stdout)
        fclose(o->fp);
    o->fp = NULL;
    if (o->tmp != NULL)
        unlink(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
}

ras_exit ras_cli_flush_stdout(void)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        return cannot_write("standard output", errno);
    return RAS_EXIT_OK;
}
