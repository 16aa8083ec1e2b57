/* csv.h - an RFC 4180 reader built for speed: it reads through one
 * fixed buffer and hands out each record's fields as views into it, so a
 * record costs no allocation. The input comes through a read callback, a
 * FILE* or memory chunks alike.
 *
 * Accepted: quoted fields, doubled quotes, delimiters and line breaks
 * inside quotes, CRLF, LF or a lone CR ending a line, a UTF-8 byte-order
 * mark at the start, a last line with no line end. A line with nothing on
 * it is not a record: it is skipped (its line still counts).
 *
 * The delimiter is a comma, a semicolon or a tab: the one found most often
 * outside quotes on the header line (the first that is not blank), a comma
 * on a tie or when there is none; or the one the caller sets in delim
 * before the first record (docs/exports.md, "Delimiters").
 *
 * Fatal errors (the file is broken; record boundaries can no longer be
 * trusted): a quote left open at the end of the input, a field over 1 MiB
 * or a record over 4 MiB (RAS_ERR_LIMIT), a read failure (RAS_ERR_IO).
 * A quote inside an unquoted field, or text after a closing quote, is
 * read as Excel reads it and counted in literal_quotes.
 *
 * Not fatal: a NUL byte or invalid UTF-8 inside a field. The record is
 * still delivered whole and bad_field names the first field at fault, so a
 * caller can reject that one row and go on. */
#ifndef RAS_CSV_H
#define RAS_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ras.h"

/* Sizes are size_t, so arithmetic on them is never done in 32 bits. */
#define RAS_CSV_BUFFER ((size_t)256 * 1024)      /* the usual buffer size */
#define RAS_CSV_FIELD_MAX ((size_t)1024 * 1024)  /* bytes in one field */
#define RAS_CSV_RECORD_MAX ((size_t)4096 * 1024) /* bytes in one record */
#define RAS_CSV_FIELDS_MAX ((size_t)65536)       /* fields in one record */

/* Reads at most size bytes into buf and sets *got; *got == 0 means the
 * end of the input. Returns RAS_OK, or RAS_ERR_IO with errno set. */
typedef ras_status (*ras_csv_read_fn)(void *ctx, char *buf, size_t size, size_t *got);

/* A field: len bytes at text, not NUL-terminated, quotes already undone.
 * Valid until the next call of ras_csv_next. */
typedef struct ras_csv_field {
    const char *text;
    size_t len;
} ras_csv_field;

struct ras_csv;

/* Another source of records than the CSV scan (a workbook's sheet,
 * xlsx.h): next fills the record part of the ras_csv (fields, n_fields,
 * record_line, bad_field) as ras_csv_next would; close frees the source
 * and leaves no field pointer behind. ras_csv_next and ras_csv_close call
 * them when set, so every reader of records reads any source. */
typedef struct ras_record_source {
    ras_status (*next)(void *ctx, struct ras_csv *r, bool *have, ras_error *err);
    void (*close)(void *ctx, struct ras_csv *r);
    void *ctx;
} ras_record_source;

typedef struct ras_csv {
    ras_record_source source; /* next NULL: the CSV scan below */
    /* the input */
    ras_csv_read_fn read;
    void *ctx;
    const char *name; /* for messages */
    char *buf;        /* cap bytes and RAS_CSV_PAD bytes of slack */
    size_t cap, pos, end;
    bool eof, started;
    unsigned char simd; /* private: the fast scan in use (csv.c); tests lower it */
    unsigned long line; /* physical line at pos, 1-based */
    /* The delimiter: ',', ';' or '\t'. 0 at open means "find it from the
     * header line"; a caller may set it before the first ras_csv_next. */
    char delim;
    bool delim_detected;  /* it was found from the header line */
    bool dialect_done;    /* private: the delimiter is settled (csv.c) */
    bool bom;             /* the input started with a UTF-8 byte-order mark */
    uint64_t blank_lines; /* lines with nothing on them, skipped */
    /* the current record */
    ras_csv_field *fields;
    unsigned char *doubled; /* per field: holds "" to undo */
    uint32_t *ends;         /* private: the AVX2 scan's field ends (csv.c) */
    bool any_doubled;       /* the general scan's: some field has "" to undo */
    size_t n_fields, fields_cap;
    unsigned long record_line; /* the line the record starts on */
    long bad_field;            /* first field with a NUL or invalid UTF-8, or -1 */
    const char *bad_reason;    /* "a NUL byte" or "invalid UTF-8", or NULL */
    /* Quotes kept as characters so far: one inside an unquoted field, or
     * a closing quote with text after it ("5" tall), which is dropped and
     * the text kept, as Excel and Python's csv module read them; and the
     * line of the record with the first. */
    uint64_t literal_quotes;
    unsigned long first_quote_line;
} ras_csv;

/* Sets up a reader over a callback; name is used in messages. */
ras_status ras_csv_open(ras_csv *r, ras_csv_read_fn read, void *ctx, const char *name,
                        ras_error *err);
/* The same over a stream. */
ras_status ras_csv_open_file(ras_csv *r, FILE *in, const char *name, ras_error *err);
/* Frees the reader's buffers (not the stream). */
void ras_csv_close(ras_csv *r);

/* Reads the next record into r->fields / r->n_fields. *have is false at
 * the end of the input. On a fatal error err names the file and line and,
 * for a fault inside one field, that field's number (1-based) as the
 * column; the message then does not name the field, so a caller that
 * knows the header can put the column's name in front (case_rows.h). */
ras_status ras_csv_next(ras_csv *r, bool *have, ras_error *err);

#endif
