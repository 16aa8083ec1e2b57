/* builtin_files.c - the bytes of the built-in models' files, handed out
 * read-only so a program (`ras init`) can copy one as a starting point. */
#include <string.h>

#include "builtin.h"
#include "error.h"

ras_status ras_builtin_files(const char *name, const ras_source **files, size_t *n, ras_error *err)
{
    if (files)
        *files = NULL;
    if (n)
        *n = 0;
    if (!files || !n)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "no place to put the files");
    for (size_t i = 0; i < ras_builtin_count && ras_builtins[i].name; i++) {
        /* NULL names the default, which embed.cmake puts first. */
        if (!name || strcmp(ras_builtins[i].name, name) == 0) {
            *files = ras_builtins[i].sources;
            *n = ras_builtins[i].n_sources;
            return RAS_OK;
        }
    }
    if (!name)
        return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, NULL, "no model is built in");
    return ras_fail(err, RAS_ERR_ARG, NULL, 0, 0, name, "no built-in model is named '%s'", name);
}
