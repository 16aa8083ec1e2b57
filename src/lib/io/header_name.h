/* header_name.h - the normal form of a CSV header name, so that an
 * export's `Client ID`, `CLIENT_ID` and ` client id ` all name client_id
 * (docs/exports.md, "Header names"). Pure functions of their bytes: the
 * header binding (case_rows.c), the column mapping (columns.c) and the
 * fuzz targets call them. */
#ifndef RAS_HEADER_NAME_H
#define RAS_HEADER_NAME_H

#include <stdbool.h>
#include <stddef.h>

/* Writes the normal form of name into out (room for len bytes: it is
 * never longer) and returns its length: surrounding spaces and tabs
 * trimmed, A-Z lowered, every space and hyphen made an underscore. Other
 * bytes (digits, UTF-8) are kept as they are. Not NUL-terminated. */
size_t ras_header_normalise(const char *name, size_t len, char *out);

/* True when a and b have the same normal form. */
bool ras_header_same(const char *a, size_t alen, const char *b, size_t blen);

#endif
