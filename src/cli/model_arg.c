/* model_arg.c - turns -m / -q -s into a loaded model. */
#include "model_arg.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "report.h"

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_builtin(const char *name)
{
    const char *const *names = ras_builtin_models();
    for (size_t i = 0; names != NULL && names[i] != NULL; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

/* -m NAME that is neither a folder nor a built-in model. */
static ras_exit no_such_model(const char *name)
{
    const char *const *names = ras_builtin_models();
    struct stat st;

    if (stat(name, &st) == 0) {
        ras_cli_print(stderr,
                      "ras: -m %s: not a folder (name single files with -q QUESTIONNAIRE.yaml "
                      "-s SCORING.yaml)",
                      name);
        fputc('\n', stderr);
        return RAS_EXIT_USAGE;
    }
    ras_cli_print(stderr, "ras: -m %s: no such model folder or built-in model (built-in:", name);
    for (size_t i = 0; names != NULL && names[i] != NULL; i++)
        fprintf(stderr, "%s %s", i > 0 ? "," : "", names[i]);
    fputs(")\n", stderr);
    return RAS_EXIT_IO;
}

ras_exit ras_cli_load_model(const ras_cli_opts *opts, ras_model **out)
{
    ras_error err;
    ras_status st;

    ras_error_clear(&err);
    *out = NULL;
    /* A folder wins over a built-in name, so `-m adult` in a folder
     * holding ./adult/ means that folder, as a shell user expects. */
    if (opts->model != NULL && is_dir(opts->model))
        st = ras_model_load_dir(opts->model, out, &err);
    else if (opts->model != NULL && is_builtin(opts->model))
        st = ras_model_load_builtin(opts->model, out, &err);
    else if (opts->model != NULL)
        return no_such_model(opts->model);
    else if (opts->questionnaire != NULL)
        st = ras_model_load_files_versions(opts->questionnaires, opts->n_questionnaires,
                                           opts->tables, opts->n_tables, out, &err);
    else
        st = ras_model_load_builtin(NULL, out, &err);
    if (st != RAS_OK) {
        ras_cli_report(&err, NULL);
        return ras_cli_model_exit(st);
    }
    ras_model_set_date_order(*out, opts->mdy ? RAS_DATES_MDY : RAS_DATES_DMY);
    return RAS_EXIT_OK;
}

ras_exit ras_cli_load_model_for(const ras_cli_opts *opts, const char *questionnaire,
                                ras_model **out)
{
    const char *name = ras_builtin_for_questionnaire(questionnaire);
    ras_error err;
    ras_status st;

    if (opts->model != NULL || opts->questionnaire != NULL || name == NULL)
        return ras_cli_load_model(opts, out);
    ras_error_clear(&err);
    st = ras_model_load_builtin(name, out, &err);
    if (st != RAS_OK) {
        ras_cli_report(&err, NULL);
        return ras_cli_model_exit(st);
    }
    ras_model_set_date_order(*out, opts->mdy ? RAS_DATES_MDY : RAS_DATES_DMY);
    return RAS_EXIT_OK;
}
