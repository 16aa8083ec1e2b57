/* columns.h - a column mapping (docs/exports.md, "A column mapping"):
 * an export's header names mapped to ras's column names, read from YAML
 * (`Person Ref: client_id`, one a line; a null value ignores the column
 * quietly). Export names are matched in their normal form
 * (header_name.h). */
#ifndef RAS_COLUMNS_H
#define RAS_COLUMNS_H

#include "ras.h"
#include "yaml_doc.h"

typedef struct ras_column_map {
    const char *from; /* the export's name, as written in the mapping */
    size_t from_len;
    const char *to; /* ras's name; NULL: ignore the column */
    size_t to_len;
    unsigned long line, column; /* of the value (of the key when null) */
} ras_column_map;

struct ras_columns {
    ras_ydoc doc; /* owns every text */
    char *file;   /* the mapping's name, for messages */
    ras_column_map *map;
    size_t n;
};

/* The entry whose export name has the normal form of name, or NULL. */
const ras_column_map *ras_columns_find(const ras_columns *cols, const char *name, size_t len);

#endif
