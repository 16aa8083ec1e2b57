/* output.c - atomic output files: write a temporary beside the target,
 * then rename it over the target once everything is on disk; and the
 * check that no output is an input, a model file or another output. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"
#include "tmp_files.h"

/* A temporary's name keeps at most this many bytes of the target's, so
 * that with ".XXXXXX" it stays under the usual 255-byte name limit. */
#define TMP_NAME_KEPT 200

static bool is_stdout(const char *target)
{
    return target == NULL || strcmp(target, "-") == 0;
}

static ras_exit cannot_write(const char *name, int errnum)
{
    ras_cli_say("cannot write %s: %s", name, strerror(errnum != 0 ? errnum : EIO));
    return RAS_EXIT_IO;
}

/* ---- which file a name is ------------------------------------------ */

typedef struct file_id {
    char *path; /* symbolic links resolved (malloc'd); NULL when unknown */
    bool exists;
    bool regular;
    dev_t dev;
    ino_t ino;
} file_id;

/* The folder part of path ("." when none; "/" for "/x"), malloc'd. */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t len = slash == NULL ? 1 : slash == path ? 1 : (size_t)(slash - path);
    char *dir = malloc(len + 1);
    if (dir != NULL) {
        memcpy(dir, slash == NULL ? "." : path, len);
        dir[len] = '\0';
    }
    return dir;
}

/* path with symbolic links resolved; for a name not taken yet, its
 * folder resolved and the name added. NULL when neither resolves. */
static char *resolve(const char *path)
{
    char *real = realpath(path, NULL);
    if (real != NULL || errno != ENOENT)
        return real;
    char *dir = folder_of(path);
    char *real_dir = dir != NULL ? realpath(dir, NULL) : NULL;
    const char *slash = strrchr(path, '/');
    const char *base = slash != NULL ? slash + 1 : path;
    free(dir);
    if (real_dir == NULL)
        return NULL;
    size_t size = strlen(real_dir) + strlen(base) + 2;
    char *joined = malloc(size);
    if (joined != NULL)
        snprintf(joined, size, "%s/%s", real_dir, base);
    free(real_dir);
    return joined;
}

static void identify(const char *name, file_id *id)
{
    struct stat st;
    memset(id, 0, sizeof *id);
    id->path = resolve(name);
    if (stat(name, &st) == 0) {
        id->exists = true;
        id->regular = S_ISREG(st.st_mode);
        id->dev = st.st_dev;
        id->ino = st.st_ino;
    }
}

static bool same_id(const file_id *a, const file_id *b)
{
    if (a->exists && b->exists && a->dev == b->dev && a->ino == b->ino)
        return true;
    return a->path != NULL && b->path != NULL && strcmp(a->path, b->path) == 0;
}

static bool named(const char *path)
{
    return path != NULL && strcmp(path, "-") != 0;
}

static ras_exit refuse(const ras_out_file *out, const char *what, const char *path)
{
    ras_cli_say("refusing to write %s %s: it is the same file as %s %s", out->what, out->path, what,
                path);
    return RAS_EXIT_USAGE;
}

/* out (identified as id) against one other file. */
static ras_exit check_one(const ras_out_file *out, const file_id *id, const char *what,
                          const char *path)
{
    if (!named(path))
        return RAS_EXIT_OK;
    file_id other;
    identify(path, &other);
    bool same = same_id(id, &other);
    free(other.path);
    return same ? refuse(out, what, path) : RAS_EXIT_OK;
}

/* One output against the inputs, the model's files and the outputs
 * after it (those before it were compared with it already). */
static ras_exit check_output(const ras_out_file *outs, size_t i, size_t n_outs,
                             const ras_out_file *ins, size_t n_ins, const ras_model *model)
{
    const ras_out_file *out = &outs[i];
    file_id id;
    ras_exit rc = RAS_EXIT_OK;
    identify(out->path, &id);
    /* A device or a pipe is written, not replaced: /dev/null may well
     * take two outputs. */
    if (id.exists && !id.regular) {
        free(id.path);
        return RAS_EXIT_OK;
    }
    for (size_t k = 0; rc == RAS_EXIT_OK && k < n_ins; k++)
        rc = check_one(out, &id, ins[k].what, ins[k].path);
    /* Every questionnaire version and every table that prices one. */
    for (size_t v = 0;
         rc == RAS_EXIT_OK && model != NULL && v < ras_model_questionnaire_count(model); v++) {
        const ras_model *q = ras_model_questionnaire_at(model, v);
        rc = check_one(out, &id, "the questionnaire", ras_model_file(q));
        for (size_t k = 0; rc == RAS_EXIT_OK && k < ras_model_table_count(q); k++)
            rc = check_one(out, &id, "the scoring table", ras_table_file(ras_model_table(q, k)));
    }
    for (size_t k = i + 1; rc == RAS_EXIT_OK && k < n_outs; k++)
        rc = check_one(out, &id, outs[k].what, outs[k].path);
    free(id.path);
    return rc;
}

ras_exit ras_out_check_files(const ras_out_file *outputs, size_t n_outputs,
                             const ras_out_file *inputs, size_t n_inputs, const ras_model *model)
{
    ras_exit rc = RAS_EXIT_OK;
    for (size_t i = 0; rc == RAS_EXIT_OK && i < n_outputs; i++)
        if (named(outputs[i].path))
            rc = check_output(outputs, i, n_outputs, inputs, n_inputs, model);
    return rc;
}

/* ---- the temporary ------------------------------------------------- */

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

/* "DIR/NAME.XXXXXX" for dest "DIR/NAME", NAME cut to TMP_NAME_KEPT bytes. */
static char *tmp_template(const char *dest)
{
    const char *slash = strrchr(dest, '/');
    size_t dir_len = slash != NULL ? (size_t)(slash - dest) + 1 : 0;
    size_t name_len = strlen(dest + dir_len);
    if (name_len > TMP_NAME_KEPT)
        name_len = TMP_NAME_KEPT;
    char *t = malloc(dir_len + name_len + sizeof ".XXXXXX");
    if (t != NULL) {
        memcpy(t, dest, dir_len + name_len);
        memcpy(t + dir_len + name_len, ".XXXXXX", sizeof ".XXXXXX");
    }
    return t;
}

static ras_exit open_temporary(ras_out *o, const char *dest, const struct stat *old, bool exists)
{
    sigset_t held;
    int fd, e = 0;

    o->tmp = tmp_template(dest);
    if (o->tmp == NULL)
        return cannot_write(o->target, ENOMEM);
    /* Made and recorded as one step: a signal in between would leave it. */
    ras_tmp_hold(&held);
    fd = mkstemp(o->tmp);
    if (fd >= 0)
        o->tmp_slot = ras_tmp_record(o->tmp);
    else
        e = errno;
    ras_tmp_release(&held);
    if (fd >= 0 && (fchmod(fd, new_mode(old, exists)) != 0 || (o->fp = fdopen(fd, "w")) == NULL)) {
        e = errno;
        close(fd);
        unlink(o->tmp);
        ras_tmp_forget(o->tmp_slot);
        fd = -1;
    }
    if (fd < 0) {
        free(o->tmp);
        o->tmp = NULL;
        return cannot_write(o->target, e);
    }
    return RAS_EXIT_OK;
}

/* A symbolic link target is written through: dest becomes the file it
 * points at. A link to nothing is refused. */
static ras_exit follow_link(ras_out *o, const char **dest)
{
    struct stat st;
    *dest = o->target;
    if (lstat(o->target, &st) != 0 || !S_ISLNK(st.st_mode))
        return RAS_EXIT_OK;
    o->real = realpath(o->target, NULL);
    if (o->real == NULL && errno == ENOENT) {
        ras_cli_say("refusing to write %s: it is a symbolic link to a file that does not exist",
                    o->target);
        return RAS_EXIT_USAGE;
    }
    if (o->real == NULL)
        return cannot_write(o->target, errno);
    *dest = o->real;
    return RAS_EXIT_OK;
}

ras_exit ras_out_open(ras_out *o, const char *target, const char *input)
{
    struct stat st;
    bool exists;
    const char *dest;
    ras_exit rc;

    memset(o, 0, sizeof *o);
    o->tmp_slot = -1;
    if (is_stdout(target)) {
        o->fp = stdout;
        return RAS_EXIT_OK;
    }
    o->target = target;
    ras_out_file self = {"-o", target}, in = {"the input", input};
    if ((rc = ras_out_check_files(&self, 1, &in, 1, NULL)) != RAS_EXIT_OK ||
        (rc = follow_link(o, &dest)) != RAS_EXIT_OK) {
        free(o->real);
        o->real = NULL;
        return rc;
    }
    exists = stat(dest, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        /* A device or a pipe cannot be replaced: write to it. */
        o->fp = fopen(dest, "w");
        return o->fp != NULL ? RAS_EXIT_OK : cannot_write(target, errno);
    }
    return open_temporary(o, dest, &st, exists);
}

ras_exit ras_out_check(const char *target)
{
    struct stat st;
    char *dir;
    bool ok;
    int e;

    if (is_stdout(target))
        return RAS_EXIT_OK;
    if (stat(target, &st) == 0 && !S_ISREG(st.st_mode))
        return access(target, W_OK) == 0 ? RAS_EXIT_OK : cannot_write(target, errno);
    dir = folder_of(target);
    if (dir == NULL)
        return cannot_write(target, ENOMEM);
    ok = access(dir, W_OK) == 0;
    e = errno;
    free(dir);
    return ok ? RAS_EXIT_OK : cannot_write(target, e);
}

/* Renames the temporary into place, with the signals held so that the
 * handler never removes a name that is no longer ours. */
static bool put_in_place(ras_out *o)
{
    sigset_t held;
    ras_tmp_hold(&held);
    bool ok = rename(o->tmp, o->real != NULL ? o->real : o->target) == 0;
    int e = errno;
    if (ok)
        ras_tmp_forget(o->tmp_slot);
    ras_tmp_release(&held);
    errno = e;
    return ok;
}

static void drop_tmp(ras_out *o)
{
    if (o->tmp != NULL) {
        unlink(o->tmp);
        ras_tmp_forget(o->tmp_slot);
    }
    free(o->tmp);
    free(o->real);
    o->tmp = NULL;
    o->real = NULL;
    o->tmp_slot = -1;
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
    if (ok && o->tmp != NULL && !put_in_place(o)) {
        ok = false;
        e = errno;
    }
    if (ok) {
        free(o->tmp); /* renamed: nothing to remove */
        o->tmp = NULL;
    }
    drop_tmp(o);
    return ok ? RAS_EXIT_OK : cannot_write(o->target, e);
}

bool ras_out_is_workbook(const char *target)
{
    size_t n = target != NULL ? strlen(target) : 0;
    return n > 5 && strcasecmp(target + n - 5, ".xlsx") == 0;
}

const char *ras_out_workbook_path(const ras_out *o, ras_error *err)
{
    if (o->tmp != NULL)
        return o->tmp;
    ras_error_clear(err);
    err->status = RAS_ERR_IO;
    snprintf(err->message, sizeof err->message,
             "a workbook is written to a regular file, not to a device or a pipe");
    return NULL;
}

void ras_out_abort(ras_out *o)
{
    if (o->fp != NULL && o->fp != stdout)
        fclose(o->fp);
    o->fp = NULL;
    drop_tmp(o);
}

ras_exit ras_out_fail(ras_out *o)
{
    int e = errno;
    const char *name = o->target != NULL ? o->target : "standard output";
    ras_out_abort(o);
    return cannot_write(name, e);
}

ras_exit ras_cli_flush_stdout(void)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        return cannot_write("standard output", errno);
    return RAS_EXIT_OK;
}

void ras_cli_hold_std_fds(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        /* Opened the wrong way round, so that reading or writing there
         * still fails as on a closed descriptor; the lower ones are open,
         * so open gives fd itself. */
        int got = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
        if (got >= 0 && got != fd) {
            dup2(got, fd);
            close(got);
        }
    }
}
