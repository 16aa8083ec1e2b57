/* xml_part.h - one XML part of a workbook parsed by expat as a stream,
 * chunk by chunk, with no DTD: a document type declaration is refused
 * before any entity could be declared or expanded (docs/exports.md,
 * "Workbooks"). A handler may suspend the parse (the sheet reader does so
 * at each row's end) and the caller resumes it later, so a sheet is never
 * held whole. */
#ifndef RAS_XML_PART_H
#define RAS_XML_PART_H

#include <expat.h>
#include <stdbool.h>
#include <stddef.h>

#include "ras.h"

#define RAS_XML_CHUNK ((size_t)64 * 1024)

/* Reads up to size bytes of the part; *got == 0 at its end. */
typedef ras_status (*ras_chunk_fn)(void *ctx, char *buf, size_t size, size_t *got, ras_error *err);

typedef struct ras_xml {
    XML_Parser p;
    ras_chunk_fn read;
    void *read_ctx;
    void *user;       /* the handlers' own state */
    const char *file; /* the workbook's name, for messages */
    const char *part; /* "xl/worksheets/sheet1.xml" */
    bool suspended, ended;
    ras_status failed; /* a handler's error, kept in err */
    ras_error err;
} ras_xml;

/* Sets up a parser whose handlers get the ras_xml as their user data
 * (their own state is x->user). Free with ras_xml_free in every case. */
ras_status ras_xml_init(ras_xml *x, ras_chunk_fn read, void *read_ctx, const char *file,
                        const char *part, void *user, XML_StartElementHandler start,
                        XML_EndElementHandler end, XML_CharacterDataHandler text, ras_error *err);
void ras_xml_free(ras_xml *x);

/* Parses on until the part ends (*suspended false) or a handler
 * suspends (*suspended true; call again to go on). A syntax error gives
 * the part, its line and column. */
ras_status ras_xml_run(ras_xml *x, bool *suspended, ras_error *err);

/* For handlers: stop the parse with an error (status and message; the
 * caller locates it), or suspend it after the current element. */
void ras_xml_fail(ras_xml *x, ras_status status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void ras_xml_suspend(ras_xml *x);

/* A name without its namespace prefix: "x:row" is "row". */
const char *ras_xml_local(const char *name);
/* The value of the attribute of that local name, or NULL. */
const char *ras_xml_attr(const char **atts, const char *local);

#endif
