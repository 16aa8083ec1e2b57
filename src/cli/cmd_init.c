/* cmd_init.c - `ras init DIR [--from NAME]`: writes a built-in model (by
 * default the commented `starter`) into a new folder as a starting point
 * for a council's own model. The files come from the library
 * (ras_builtin_files): the program holds no YAML of its own. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "help.h"
#include "ras.h"
#include "report.h"

#define INIT_DEFAULT_MODEL "starter"

typedef struct init_opts {
    const char *dir;
    const char *from;
    bool help;
} init_opts;

static ras_exit init_usage(const char *fmt, const char *what)
{
    fputs("ras init: ", stderr);
    ras_cli_print(stderr, fmt, what);
    fprintf(stderr, "\nusage: %s\nTry 'ras init --help' for more.\n", ras_cli_synopsis("init"));
    return RAS_EXIT_USAGE;
}

/* Takes one value for --from, given as "--from NAME" or "--from=NAME". */
static ras_exit take_from(int argc, char **argv, int *i, init_opts *o)
{
    const char *word = argv[*i];
    const char *value = NULL;

    if (strncmp(word, "--from=", 7) == 0)
        value = word + 7;
    else if (*i + 1 < argc)
        value = argv[++*i];
    else
        return init_usage("option '%s' needs a value", "--from");
    if (o->from != NULL)
        return init_usage("option '%s' given twice", "--from");
    o->from = value;
    return RAS_EXIT_OK;
}

static ras_exit parse_args(int argc, char **argv, init_opts *o)
{
    bool options_done = false;

    memset(o, 0, sizeof *o);
    for (int i = 0; i < argc; i++) {
        const char *word = argv[i];
        ras_exit rc = RAS_EXIT_OK;

        if (!options_done && strcmp(word, "--") == 0)
            options_done = true;
        else if (!options_done && (strcmp(word, "-h") == 0 || strcmp(word, "--help") == 0))
            o->help = true;
        else if (!options_done && (strcmp(word, "--from") == 0 || strncmp(word, "--from=", 7) == 0))
            rc = take_from(argc, argv, &i, o);
        else if (!options_done && word[0] == '-' && word[1] != '\0')
            rc = init_usage("unknown option '%s'", word);
        else if (o->dir != NULL)
            rc = init_usage("unexpected argument '%s'", word);
        else
            o->dir = word;
        if (rc != RAS_EXIT_OK)
            return rc;
    }
    if (!o->help && o->dir == NULL)
        return init_usage("missing %s", "DIR");
    if (!o->help && strcmp(o->dir, "-") == 0)
        return init_usage("%s",
                          "DIR must name a folder; '-' (standard output) cannot hold a model");
    return RAS_EXIT_OK;
}

/* `ras init --help`: the command's own text, without the model options
 * the other commands share (init reads no model). */
static ras_exit init_help(void)
{
    const ras_cli_command *c = ras_cli_find_command("init");

    if (c == NULL)
        return RAS_EXIT_USAGE;
    printf("usage: %s\n\n%s", c->synopsis, c->details);
    return RAS_EXIT_OK;
}

/* True when the folder holds nothing but "." and "..". */
static bool dir_is_empty(const char *path, int *error)
{
    DIR *d = opendir(path);
    struct dirent *e;
    bool empty = true;

    *error = 0;
    if (d == NULL) {
        *error = errno;
        return false;
    }
    while (empty && (e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            empty = false;
    closedir(d);
    return empty;
}

/* Makes sure DIR is a new or empty folder, creating it when missing.
 * *created tells the caller whether to remove it again on failure. */
static ras_exit prepare_dir(const char *dir, bool *created)
{
    struct stat st;
    int error;

    *created = false;
    if (stat(dir, &st) != 0) {
        if (errno != ENOENT) {
            ras_cli_say("%s: %s", dir, strerror(errno));
            return RAS_EXIT_IO;
        }
        if (mkdir(dir, 0777) != 0) {
            ras_cli_say("cannot create folder %s: %s", dir, strerror(errno));
            return RAS_EXIT_IO;
        }
        *created = true;
        return RAS_EXIT_OK;
    }
    if (!S_ISDIR(st.st_mode)) {
        ras_cli_say("%s exists and is not a folder: name a new folder", dir);
        return RAS_EXIT_USAGE;
    }
    if (!dir_is_empty(dir, &error)) {
        if (error != 0) {
            ras_cli_say("cannot read folder %s: %s", dir, strerror(error));
            return RAS_EXIT_IO;
        }
        /* Never mix a starter model with someone's files, nor overwrite them. */
        ras_cli_say("folder %s is not empty: name a new or empty folder", dir);
        return RAS_EXIT_USAGE;
    }
    return RAS_EXIT_OK;
}

/* DIR/FILE, FILE being the part of a built-in source's name after its last
 * '/' ("builtin:starter/scoring.yaml" -> "scoring.yaml"). Caller frees. */
static char *target_path(const char *dir, const ras_source *src)
{
    const char *slash = strrchr(src->name, '/');
    const char *base = slash != NULL ? slash + 1 : src->name;
    size_t n = strlen(dir) + 1 + strlen(base) + 1;
    char *path = malloc(n);

    if (path != NULL)
        snprintf(path, n, "%s/%s", dir, base);
    return path;
}

/* Writes one file; "wx" refuses to replace anything that appeared since. */
static ras_exit write_file(const char *path, const ras_source *src)
{
    FILE *f = fopen(path, "wx");
    bool ok;

    if (f == NULL) {
        ras_cli_say("cannot write %s: %s", path, strerror(errno));
        return RAS_EXIT_IO;
    }
    ok = fwrite(src->data, 1, src->size, f) == src->size;
    ok = fflush(f) == 0 && ok;
    if (!ok) {
        int saved = errno;
        fclose(f);
        errno = saved;
    } else {
        ok = fclose(f) == 0;
    }
    if (!ok) {
        /* This file was created here ("wx"): a partial one must not stay. */
        ras_cli_say("cannot write %s: %s", path, strerror(errno));
        remove(path);
        return RAS_EXIT_IO;
    }
    return RAS_EXIT_OK;
}

/* Removes the first n files written (and the folder if init made it), so
 * a failed init leaves nothing half done behind. */
static void undo(const char *dir, const ras_source *files, size_t n, bool created)
{
    for (size_t i = 0; i < n; i++) {
        char *path = target_path(dir, &files[i]);
        if (path != NULL)
            remove(path);
        free(path);
    }
    if (created)
        rmdir(dir);
}

static ras_exit write_model(const char *dir, const ras_source *files, size_t n)
{
    bool created;
    ras_exit rc = prepare_dir(dir, &created);
    size_t done = 0;

    if (rc != RAS_EXIT_OK)
        return rc;
    while (done < n && rc == RAS_EXIT_OK) {
        char *path = target_path(dir, &files[done]);
        if (path == NULL) {
            ras_cli_say("out of memory");
            rc = RAS_EXIT_IO;
            break;
        }
        rc = write_file(path, &files[done]);
        free(path);
        if (rc == RAS_EXIT_OK)
            done++;
    }
    if (rc != RAS_EXIT_OK) {
        undo(dir, files, done, created);
        return rc;
    }
    for (size_t i = 0; i < n; i++) {
        const char *slash = strrchr(files[i].name, '/');
        printf("wrote %s/%s\n", dir, slash != NULL ? slash + 1 : files[i].name);
    }
    printf("Edit them, then run: ras check -m %s\n", dir);
    return RAS_EXIT_OK;
}

ras_exit ras_cmd_init(int argc, char **argv)
{
    init_opts o;
    ras_exit rc = parse_args(argc, argv, &o);
    const ras_source *files = NULL;
    size_t n = 0;
    ras_error err;

    if (rc != RAS_EXIT_OK)
        return rc;
    if (o.help)
        return init_help();
    ras_error_clear(&err);
    if (ras_builtin_files(o.from != NULL ? o.from : INIT_DEFAULT_MODEL, &files, &n, &err) !=
        RAS_OK) {
        const char *const *names = ras_builtin_models();
        fprintf(stderr, "ras init: --from %s: no built-in model of that name (built-in:",
                o.from != NULL ? o.from : INIT_DEFAULT_MODEL);
        for (size_t i = 0; names != NULL && names[i] != NULL; i++)
            fprintf(stderr, "%s %s", i > 0 ? "," : "", names[i]);
        fputs(")\n", stderr);
        return RAS_EXIT_USAGE;
    }
    return write_model(o.dir, files, n);
}
