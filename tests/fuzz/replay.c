/* replay.c - runs saved fuzz inputs through a fuzz target without
 * libFuzzer, so any compiler's build (and the test suite) replays the
 * corpus and every crash ever found. Arguments are files or folders (each
 * file of a folder, not recursing, dot files left out); a path that does
 * not exist is skipped, as git keeps no empty folder. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int replay_file(const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return 1;
    }
    size_t cap = 4096, size = 0;
    unsigned char *data = malloc(cap);
    size_t got;
    while (data && (got = fread(data + size, 1, cap - size, in)) > 0) {
        size += got;
        if (size == cap) {
            unsigned char *more = realloc(data, cap * 2);
            if (!more) {
                free(data);
                data = NULL;
                break;
            }
            data = more;
            cap *= 2;
        }
    }
    int failed = ferror(in) || !data;
    fclose(in);
    if (failed) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(data);
        return 1;
    }
    LLVMFuzzerTestOneInput(data, size);
    free(data);
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of a folder, in name order so a run is repeatable. */
static int replay_dir(const char *dir, size_t *count)
{
    DIR *d = opendir(dir);
    if (!d)
        return errno == ENOENT ? 0 : (fprintf(stderr, "%s: %s\n", dir, strerror(errno)), 1);
    char **names = NULL;
    size_t n = 0, cap = 0;
    int failed = 0;
    struct dirent *e;
    while (!failed && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **more = realloc(names, cap * sizeof *names);
            if (!more) {
                failed = 1;
                break;
            }
            names = more;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) {
            failed = 1;
            break;
        }
        snprintf(names[n], len, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (!failed && stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            failed |= replay_file(names[i]);
            (*count)++;
        }
        free(names[i]);
    }
    free(names);
    if (failed)
        fprintf(stderr, "%s: replay failed\n", dir);
    return failed;
}

int main(int argc, char **argv)
{
    size_t count = 0;
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
            failed |= replay_dir(argv[i], &count);
        else if (stat(argv[i], &st) != 0 && errno == ENOENT)
            printf("%s: not there, skipped\n", argv[i]); /* a folder not made yet */
        else {
            failed |= replay_file(argv[i]);
            count++;
        }
    }
    printf("replayed %zu inputs\n", count);
    return failed;
}
