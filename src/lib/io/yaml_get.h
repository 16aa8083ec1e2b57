/* yaml_get.h - typed readers over a parsed YAML document, shared by the
 * model loader and the case loader. Each reader checks one node and, on a
 * wrong type or a bad value, fails with FILE:LINE:COLUMN of the node, the
 * key as the error's subject and a message naming what was expected.
 *
 * Messages read "CTX: 'KEY' must be ..., not 'VALUE'", where ctx names the
 * enclosing thing (e.g. "question 'washing'") and may be NULL. */
#ifndef RAS_YAML_GET_H
#define RAS_YAML_GET_H

#include <stdbool.h>

#include "error.h"
#include "yaml_doc.h"

/* Where readers report: the document's name, the status class of their
 * errors (RAS_ERR_MODEL for models, RAS_ERR_CASE for cases) and the error
 * record to fill (may be NULL). */
typedef struct ras_yreader {
    const char *file;
    ras_status status;
    ras_error *err;
} ras_yreader;

/* Fails with r->status at the node's position (or the file alone when at
 * is NULL); subject may be NULL. Returns r->status. */
ras_status ras_yfail(const ras_yreader *r, const ras_ynode *at, const char *subject,
                     const char *fmt, ...) RAS_PRINTF(4, 5);

/* True for a missing node or a plain scalar that YAML reads as null:
 * empty, `~` or `null` (any case). */
bool ras_ynode_is_null(const ras_ynode *n);

/* Writes a scalar's text for a message: at most 40 bytes, control
 * characters shown as '?', "..." when cut. buf holds at least 48 bytes. */
void ras_yshow(const ras_ynode *n, char buf[48]);

/* The node must be a mapping / a list. */
ras_status ras_yget_map(const ras_yreader *r, const ras_ynode *n, const char *ctx, const char *key);
ras_status ras_yget_seq(const ras_yreader *r, const ras_ynode *n, const char *ctx, const char *key);

/* The node must be a mapping whose keys are all in allowed (NULL-terminated)
 * and which holds every key of required (NULL-terminated, may be NULL).
 * An unknown key is reported at the key, a missing one at the map. */
ras_status ras_yget_keys(const ras_yreader *r, const ras_ynode *map, const char *ctx,
                         const char *const *required, const char *const *allowed);
/* Its three checks one at a time, for a reader that reports every
 * problem (the case loader): the node is a mapping; one key is in
 * allowed; the mapping holds key. */
ras_status ras_yget_mapping(const ras_yreader *r, const ras_ynode *map, const char *ctx);
ras_status ras_yget_key(const ras_yreader *r, const ras_ynode *key, const char *ctx,
                        const char *const *allowed);
ras_status ras_yget_present(const ras_yreader *r, const ras_ynode *map, const char *ctx,
                            const char *key);

/* Any scalar that is not null; *text stays owned by the document. */
ras_status ras_yget_string(const ras_yreader *r, const ras_ynode *n, const char *ctx,
                           const char *key, const char **text, size_t *len);

/* A title shown to people: text with something other than spaces in it
 * and no control character (a tab or line break written as an escape). */
ras_status ras_yget_title(const ras_yreader *r, const ras_ynode *n, const char *ctx,
                          const char *key, const char **text, size_t *len);

/* An id: 1 to RAS_MAX_ID bytes of [a-z0-9_-]. */
ras_status ras_yget_id(const ras_yreader *r, const ras_ynode *n, const char *ctx, const char *key,
                       const char **text, size_t *len);
/* True when text is a valid id. */
bool ras_valid_id(const char *text, size_t len);

/* A whole number (optional sign, digits only) within min..max. */
ras_status ras_yget_int(const ras_yreader *r, const ras_ynode *n, const char *ctx, const char *key,
                        int64_t min, int64_t max, int64_t *out);

/* Pounds with at most two decimals (ras_money_parse), at most RAS_MAX_PENCE. */
ras_status ras_yget_money(const ras_yreader *r, const ras_ynode *n, const char *ctx,
                          const char *key, ras_pence *out);

/* A percentage such as -12.5% in hundredths (ras_percent_parse). */
ras_status ras_yget_percent(const ras_yreader *r, const ras_ynode *n, const char *ctx,
                            const char *key, int32_t *out);

/* yes, no, y, n, true, false, 1, 0 in any case. */
ras_status ras_yget_bool(const ras_yreader *r, const ras_ynode *n, const char *ctx, const char *key,
                         bool *out);
/* The same check on bare text: false when it is none of those words. */
bool ras_parse_yes_no(const char *text, size_t len, bool *out);

/* A date YYYY-MM-DD that exists. */
ras_status ras_yget_date(const ras_yreader *r, const ras_ynode *n, const char *ctx, const char *key,
                         ras_date *out);

#endif
