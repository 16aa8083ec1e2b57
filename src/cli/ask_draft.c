/* ask_draft.c - the draft of `ras ask` (docs/ask.md, "Drafts"): every
 * reply kept in a file as it is given, so that neither Ctrl-C, Ctrl-D nor
 * a killed session loses an answer. A draft is a case file (the library
 * writes and reads the case part) with comment lines in front: the
 * replies as typed, so that `b` offers them again after --resume, and
 * the step being asked, where --resume carries on. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ask.h"
#include "output.h"
#include "report.h"

#define DRAFT_MARK "# ras ask draft"

/* The client steps' names, as the keys under client: in a case file. */
static const char *const client_keys[RAS_ASK_CLIENT_STEPS] = {
    "id", "group", "new_client", "needs_increased", "existing_package", "assessed_on"};

void ras_ask_step_name(const ras_ask *a, size_t step, char *buf, size_t size)
{
    if (step >= RAS_ASK_CLIENT_STEPS + ras_model_question_count(a->model))
        snprintf(buf, size, "end");
    else if (step < RAS_ASK_CLIENT_STEPS)
        snprintf(buf, size, "client.%s", client_keys[step]);
    else
        snprintf(buf, size, "answers.%s",
                 ras_question_id(ras_model_question(a->model, step - RAS_ASK_CLIENT_STEPS)));
}

/* The step named name[0..len), or SIZE_MAX when the model has none. */
static size_t find_step(const ras_ask *a, const char *name, size_t len)
{
    if (len == 3 && memcmp(name, "end", 3) == 0)
        return RAS_ASK_CLIENT_STEPS + ras_model_question_count(a->model);
    if (len > 7 && memcmp(name, "client.", 7) == 0) {
        for (size_t i = 0; i < RAS_ASK_CLIENT_STEPS; i++)
            if (strlen(client_keys[i]) == len - 7 && memcmp(client_keys[i], name + 7, len - 7) == 0)
                return i;
    } else if (len > 8 && memcmp(name, "answers.", 8) == 0) {
        const ras_question *q = ras_model_find_question(a->model, name + 8, len - 8);
        if (q != NULL)
            return RAS_ASK_CLIENT_STEPS + ras_question_index(q);
    }
    return SIZE_MAX;
}

static char *joined(const char *a, const char *b, const char *c)
{
    size_t size = strlen(a) + strlen(b) + strlen(c) + 1;
    char *s = malloc(size);
    if (s != NULL)
        snprintf(s, size, "%s%s%s", a, b, c);
    return s;
}

static char *copy_of(const char *text, size_t len)
{
    char *s = malloc(len + 1);
    if (s != NULL) {
        memcpy(s, text, len);
        s[len] = '\0';
    }
    return s;
}

/* ---- where the draft goes ------------------------------------------ */

ras_exit ras_ask_draft_place(ras_ask *a)
{
    if (a->output == NULL || strcmp(a->output, "-") == 0)
        return RAS_EXIT_OK; /* named in the state folder at the first save */
    a->draft = joined(a->output, ".draft", "");
    if (a->draft == NULL) {
        ras_cli_say("out of memory");
        return RAS_EXIT_IO;
    }
    if (access(a->draft, F_OK) == 0) {
        ras_cli_say("ask: %s holds the answers of a session left unfinished: carry on with "
                    "`ras ask --resume %s`, or remove it to start afresh",
                    a->draft, a->draft);
        return RAS_EXIT_USAGE;
    }
    return RAS_EXIT_OK;
}

/* $XDG_STATE_HOME/ras, or ~/.local/state/ras (an XDG_STATE_HOME that is
 * not absolute is ignored, as the XDG base directory rules say); made
 * when missing, private (0700): a draft holds a client's answers. */
static char *state_folder(void)
{
    const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    char *dir;

    if (xdg != NULL && xdg[0] == '/')
        dir = joined(xdg, "/ras", "");
    else if (home != NULL && home[0] != '\0')
        dir = joined(home, "/.local/state/ras", "");
    else {
        ras_cli_say("ask: neither XDG_STATE_HOME nor HOME is set: no folder for the draft");
        return NULL;
    }
    if (dir == NULL) {
        ras_cli_say("out of memory");
        return NULL;
    }
    /* Each folder on the way, as mkdir -p makes them. */
    for (char *slash = strchr(dir + 1, '/');; slash = strchr(slash + 1, '/')) {
        if (slash != NULL)
            *slash = '\0';
        bool made = mkdir(dir, 0700) == 0 || errno == EEXIST;
        int e = errno;
        if (!made)
            ras_cli_say("cannot make the folder %s: %s", dir, strerror(e));
        if (slash != NULL)
            *slash = '/';
        if (!made) {
            free(dir);
            return NULL;
        }
        if (slash == NULL)
            break;
    }
    return dir;
}

/* "ID-YYYYMMDD-HHMMSS": the client id (letters, digits, '.', '_', '-';
 * anything else '_'; at most 40) and when the session began. */
static void draft_stem(const ras_ask *a, char *buf, size_t size)
{
    const char *id = ras_case_client_id(a->c);
    char when[24] = "";
    size_t n = 0;
    struct tm tm;

    for (; n < 40 && n + 1 < size && id[n] != '\0'; n++) {
        char ch = id[n];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || (ch == '.' && n > 0);
        buf[n] = '_';
        if (ok)
            buf[n] = ch;
    }
    buf[n] = '\0';
    if (gmtime_r(&a->started, &tm) != NULL)
        strftime(when, sizeof when, "%Y%m%d-%H%M%S", &tm);
    snprintf(buf + n, size - n, "%s%s", n > 0 ? "-" : "ask-", when);
}

/* Takes a new name in the state folder, made empty and private so that
 * no other session takes it. */
static bool name_in_state_folder(ras_ask *a)
{
    char stem[80], name[96];
    char *dir = state_folder();

    if (dir == NULL)
        return false;
    draft_stem(a, stem, sizeof stem);
    for (int k = 1; k < 100 && a->draft == NULL; k++) {
        if (k == 1)
            snprintf(name, sizeof name, "/%s.draft", stem);
        else
            snprintf(name, sizeof name, "/%s-%d.draft", stem, k);
        char *path = joined(dir, name, "");
        int fd = path != NULL ? open(path, O_WRONLY | O_CREAT | O_EXCL, 0600) : -1;
        if (fd >= 0) {
            close(fd);
            a->draft = path;
        } else {
            free(path);
            if (errno != EEXIST)
                break;
        }
    }
    if (a->draft == NULL)
        ras_cli_say("cannot make a draft in %s: %s", dir, strerror(errno));
    free(dir);
    return a->draft != NULL;
}

/* ---- writing ------------------------------------------------------- */

/* True when text can stand in a comment line and be read back the same:
 * printable ASCII, which also keeps the YAML reader's UTF-8 check happy
 * whatever the file system's names hold. */
static bool plain_line(const char *text)
{
    for (; *text != '\0'; text++)
        if ((unsigned char)*text < 0x20 || (unsigned char)*text > 0x7e)
            return false;
    return true;
}

/* The output as an absolute path, so --resume saves it to the same file
 * from any folder; NULL when it cannot be written down plainly. */
static char *output_line(const ras_ask *a)
{
    char cwd[4096];

    if (a->output == NULL || strcmp(a->output, "-") == 0 || !plain_line(a->output))
        return NULL;
    if (a->output[0] == '/')
        return joined(a->output, "", "");
    if (getcwd(cwd, sizeof cwd) == NULL || !plain_line(cwd))
        return NULL;
    return joined(cwd, "/", a->output);
}

/* -m as an absolute folder, or the built-in name, so that --resume
 * needs no model option; NULL when there is none to write down. */
static char *model_line(const ras_ask *a)
{
    struct stat st;
    char *real;

    if (a->model_arg == NULL || !plain_line(a->model_arg))
        return NULL;
    if (stat(a->model_arg, &st) != 0 || !S_ISDIR(st.st_mode))
        return joined(a->model_arg, "", "");
    real = realpath(a->model_arg, NULL);
    if (real != NULL && !plain_line(real)) {
        free(real);
        real = NULL;
    }
    return real;
}

static void write_header(const ras_ask *a, size_t step, FILE *fp)
{
    size_t total = RAS_ASK_CLIENT_STEPS + ras_model_question_count(a->model);
    char name[RAS_ERROR_SUBJECT_MAX];
    char *output = output_line(a), *model = model_line(a);

    fputs(DRAFT_MARK
          ": the answers of a session of `ras ask` so far.\n"
          "# Carry on with `ras ask --resume THIS-FILE`; `ras score` reads it as a case.\n",
          fp);
    if (model != NULL)
        fprintf(fp, "# model: %s\n", model);
    if (output != NULL)
        fprintf(fp, "# output: %s\n", output);
    free(model);
    free(output);
    ras_ask_step_name(a, step, name, sizeof name);
    fprintf(fp, "# at: %s\n", name);
    for (size_t i = 0; i < total; i++) {
        if (a->kept[i] == NULL)
            continue;
        ras_ask_step_name(a, i, name, sizeof name);
        fprintf(fp, "# reply %s:%s%s\n", name, a->kept[i][0] ? " " : "", a->kept[i]);
    }
}

/* Said once: the session goes on without a draft. A name taken in the
 * state folder but never written is given back. */
static void give_up(ras_ask *a)
{
    ras_cli_say("ask: the answers are not kept in a draft from here on");
    a->draft_failed = true;
    if (a->draft != NULL && !a->drafted && (a->output == NULL || strcmp(a->output, "-") == 0))
        unlink(a->draft);
}

void ras_ask_draft_save(ras_ask *a, size_t step)
{
    ras_out out;

    if (a->draft_failed)
        return;
    if (a->draft == NULL && !name_in_state_folder(a)) {
        give_up(a);
        return;
    }
    if (ras_out_open(&out, a->draft, NULL) != RAS_EXIT_OK) {
        give_up(a);
        return;
    }
    write_header(a, step, out.fp);
    if (ras_case_write(a->c, out.fp) != RAS_OK) {
        ras_out_fail(&out);
        give_up(a);
        return;
    }
    if (ras_out_commit(&out) != RAS_EXIT_OK) {
        give_up(a);
        return;
    }
    a->drafted = true;
}

void ras_ask_draft_remove(ras_ask *a)
{
    if (a->draft != NULL && a->drafted)
        unlink(a->draft);
    a->drafted = false;
}

/* ---- reading (--resume) -------------------------------------------- */

static ras_exit located(const char *path, unsigned long line, unsigned long column,
                        const char *subject, const char *message)
{
    ras_error err;

    ras_error_clear(&err);
    err.status = RAS_ERR_CASE;
    snprintf(err.file, sizeof err.file, "%s", path);
    err.line = line;
    err.column = column;
    snprintf(err.subject, sizeof err.subject, "%s", subject);
    snprintf(err.message, sizeof err.message, "%s", message);
    ras_cli_report(&err, path);
    return RAS_EXIT_FOUND;
}

/* The case part, read by the library; a draft of another questionnaire
 * is named with the model to use, as `ras score` does. */
static ras_exit load_case(ras_ask *a, const ras_source *src, const char *path)
{
    ras_error err;
    ras_case *c = NULL;
    char answered_on[80] = "";

    ras_error_clear(&err);
    if (ras_case_load(a->model, src, &c, &err) == RAS_OK) {
        ras_case_free(a->c);
        a->c = c;
        return RAS_EXIT_OK;
    }
    if (strcmp(err.subject, "questionnaire") == 0 &&
        ras_case_questionnaire(src, answered_on, sizeof answered_on, NULL) == RAS_OK &&
        answered_on[0] != '\0') {
        const char *name = ras_builtin_for_questionnaire(answered_on);
        size_t len = strlen(err.message);
        if (name != NULL)
            snprintf(err.message + len, sizeof err.message - len, "; use -m %s", name);
        else
            snprintf(err.message + len, sizeof err.message - len,
                     "; name its model with -m FOLDER, or -q and -s");
    }
    ras_cli_report(&err, path);
    return ras_cli_data_exit(err.status);
}

bool ras_ask_draft_model(const ras_source *src, char *buf, size_t size)
{
    const char *p = src->data, *end = p + src->size;

    while (p < end && *p == '#') {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
        if (len > 9 && len - 9 < size && memcmp(p, "# model: ", 9) == 0) {
            memcpy(buf, p + 9, len - 9);
            buf[len - 9] = '\0';
            if (len - 9 > 0 && buf[len - 10] == '\r')
                buf[len - 10] = '\0';
            return buf[0] != '\0';
        }
        p = nl != NULL ? nl + 1 : end;
    }
    return false;
}

/* One comment line of the header, text[0..len) after "# ". */
static ras_exit header_line(ras_ask *a, const char *path, unsigned long line, const char *text,
                            size_t len, size_t *at)
{
    char message[RAS_ERROR_MESSAGE_MAX];
    const char *colon = memchr(text, ':', len);
    size_t key_len = colon != NULL ? (size_t)(colon - text) : 0;
    const char *value = colon != NULL ? colon + 1 : NULL;
    size_t value_len = colon != NULL ? len - key_len - 1 : 0;

    if (value != NULL && value_len > 0 && value[0] == ' ') {
        value++;
        value_len--;
    }
    if (key_len == 6 && memcmp(text, "output", 6) == 0) {
        if (a->output == NULL) {
            a->output_owned = copy_of(value, value_len);
            a->output = a->output_owned;
            if (a->output == NULL)
                return RAS_EXIT_IO;
        }
        return RAS_EXIT_OK;
    }
    bool is_at = key_len == 2 && memcmp(text, "at", 2) == 0;
    bool is_reply = key_len > 6 && memcmp(text, "reply ", 6) == 0;
    if (!is_at && !is_reply)
        return RAS_EXIT_OK; /* any other comment is for people */
    const char *name = is_at ? value : text + 6;
    size_t name_len = is_at ? value_len : key_len - 6;
    size_t step = find_step(a, name, name_len);
    if (step == SIZE_MAX) {
        snprintf(message, sizeof message,
                 "the draft names '%.*s', which is no step of questionnaire %s: is it a draft "
                 "for another questionnaire?",
                 (int)(name_len > 100 ? 100 : name_len), name, ras_model_id(a->model));
        return located(path, line, (unsigned long)(name - text) + 3, "draft", message);
    }
    if (is_at) {
        *at = step;
        return RAS_EXIT_OK;
    }
    free(a->kept[step]);
    a->kept[step] = copy_of(value, value_len);
    return a->kept[step] != NULL ? RAS_EXIT_OK : RAS_EXIT_IO;
}

/* The comment lines at the top: the mark, then output, at and replies. */
static ras_exit load_header(ras_ask *a, const ras_source *src, const char *path, size_t *step)
{
    const char *p = src->data, *end = p + src->size;
    size_t at = SIZE_MAX;
    unsigned long line = 1;

    for (; p < end && *p == '#'; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
        if (len > 0 && p[len - 1] == '\r')
            len--;
        if (line > 1 && len >= 2 && p[1] == ' ') {
            ras_exit rc = header_line(a, path, line, p + 2, len - 2, &at);
            if (rc == RAS_EXIT_IO)
                ras_cli_say("out of memory");
            if (rc != RAS_EXIT_OK)
                return rc;
        }
        p = nl != NULL ? nl + 1 : end;
    }
    if (at == SIZE_MAX)
        return located(path, line, 1, "draft",
                       "the draft does not say where the session stopped (no '# at:' line)");
    *step = at;
    return RAS_EXIT_OK;
}

ras_exit ras_ask_draft_load(ras_ask *a, const ras_source *src, const char *path, size_t *step)
{
    ras_exit rc;

    if (src->size < sizeof DRAFT_MARK - 1 ||
        memcmp(src->data, DRAFT_MARK, sizeof DRAFT_MARK - 1) != 0)
        return located(
            path, 1, 1, "draft",
            "this is not a draft of `ras ask` (its first line does not begin '" DRAFT_MARK "')");
    rc = load_case(a, src, path);
    if (rc == RAS_EXIT_OK)
        rc = load_header(a, src, path, step);
    if (rc == RAS_EXIT_OK) {
        a->draft = joined(path, "", "");
        if (a->draft == NULL) {
            ras_cli_say("out of memory");
            rc = RAS_EXIT_IO;
        }
        a->drafted = a->draft != NULL;
    }
    return rc;
}
