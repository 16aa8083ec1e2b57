/* builtin_files.c - the bytes of the built-in models' files, handed out
 * read-only so a program (`ras init`) can copy one as a starting point. */
#include <stdio.h>
#include <string.h>

#include "builtin.h"
#include "error.h"
#include "model.h"
#include "yaml_doc.h"

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

/* The questionnaire id of a built-in model's first file; "" when it has
 * none that can be read (never so for a model that loads). */
static void questionnaire_id(const ras_builtin *b, char *id, size_t size)
{
    ras_ydoc doc;
    id[0] = '\0';
    if (b->n_sources == 0 || ras_ydoc_parse(&doc, &b->sources[0], NULL) != RAS_OK)
        return;
    const ras_ynode *node =
        doc.root && doc.root->kind == RAS_YMAP ? ras_ymap_get(doc.root, "questionnaire") : NULL;
    if (node && node->kind == RAS_YSCALAR)
        snprintf(id, size, "%.*s", (int)node->len, node->text);
    ras_ydoc_free(&doc);
}

const char *ras_builtin_for_questionnaire(const char *questionnaire)
{
    if (!questionnaire || !questionnaire[0])
        return NULL;
    for (size_t i = 0; i < ras_builtin_count && ras_builtins[i].name; i++) {
        char id[RAS_MAX_ID + 1];
        questionnaire_id(&ras_builtins[i], id, sizeof id);
        if (strcmp(id, questionnaire) == 0)
            return ras_builtins[i].name;
    }
    return NULL;
}
