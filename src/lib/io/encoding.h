/* encoding.h - the text encodings an export may come in (docs/exports.md,
 * "Encodings"): UTF-8, and Windows-1252, which Excel's plain "CSV (Comma
 * delimited)" writes on Windows. Windows-1252 is turned into UTF-8 as it
 * is read, so nothing after the reader sees anything but UTF-8. */
#ifndef RAS_ENCODING_H
#define RAS_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

/* The offset of the first byte above 0x7f in [text, text + len), or len. */
size_t ras_first_high(const char *text, size_t len);

/* Checks UTF-8 that may be cut short at its end: false at the first
 * invalid sequence; else true, with *tail the bytes of a last sequence
 * cut short (0 to 3), which the next bytes may complete. */
bool ras_utf8_prefix_valid(const char *text, size_t len, size_t *tail);

/* The UTF-8 length of len Windows-1252 bytes. */
size_t ras_cp1252_utf8_len(const char *text, size_t len);

/* Turns the len Windows-1252 bytes at buf into UTF-8 in place and returns
 * the new length (ras_cp1252_utf8_len): buf must have room for it. The
 * five bytes Windows-1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90,
 * 0x9d) become the control characters of the same number, as browsers
 * read them. */
size_t ras_cp1252_to_utf8(char *buf, size_t len);

#endif
