/* json_pairs.h - UTF-16 surrogate pairs in JSON input. JSON writes a
 * character beyond U+FFFF as a pair of escapes (`\uD842\uDFB7`, as
 * Python's json.dumps does), which libyaml refuses: a YAML escape names
 * one whole character. This rewrites each pair as the one YAML escape
 * `\U00020BB7` before libyaml reads the document. */
#ifndef RAS_JSON_PAIRS_H
#define RAS_JSON_PAIRS_H

#include <stddef.h>

#include "ras.h"

/* When data (size bytes) is a JSON text whose strings hold surrogate
 * escapes, *out is a malloc'd copy with each pair joined (*out_size its
 * bytes; the caller frees it). Otherwise *out is NULL: nothing to do, or
 * not JSON (a YAML document is left to libyaml as it is). A surrogate
 * escape without its other half is RAS_ERR_SYNTAX with *bad_at the byte
 * offset of its backslash; RAS_ERR_NOMEM when out of memory. */
ras_status ras_json_join_pairs(const char *data, size_t size, char **out, size_t *out_size,
                               size_t *bad_at);

#endif
