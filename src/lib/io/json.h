/* json.h - the few JSON writing helpers the explanation, the model
 * description, the audit summary and the calibration report share. Errors
 * on the stream are left for the caller to see with ferror(). */
#ifndef RAS_JSON_H
#define RAS_JSON_H

#include <stdbool.h>
#include <stdio.h>

#include "ras.h"

/* Writes s as a quoted JSON string, escaped per RFC 8259: quote, backslash
 * and every control character (as \n, \t... or \u00XX). NULL is written as
 * null. Bytes >= 0x80 pass through, the input being UTF-8. */
void ras_json_string(FILE *out, const char *s);

/* Writes an amount as a JSON string with two decimals: "12345.67". */
void ras_json_money(FILE *out, ras_pence amount);

/* The members that say which file a figure came from, as an audit or a
 * calibration files them: "KEY": id, "version": version, then "file":
 * file when with_file, and "sha256": fingerprint. No braces around. */
void ras_json_source(FILE *out, const char *key, const char *id, const char *version,
                     bool with_file, const char *file, const char *fingerprint);

#endif
