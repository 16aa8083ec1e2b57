/* xml_scan.h - a worksheet's XML read as a stream of tags and text by a
 * small scanner of ras's own, for speed: a sheet is most of a workbook's
 * bytes, and expat's general machinery (xml_part.h) cost about four times
 * what the rest of reading a row does (docs/performance.md, "Workbooks").
 *
 * It reads what a worksheet part holds: the XML declaration (UTF-8 only),
 * elements with attributes, text with the five named entities and
 * character references, CDATA sections, comments and processing
 * instructions. As in xml_part.h a document type declaration is refused,
 * so no entity can be declared or expanded. Element nesting is checked
 * (every end tag closes the element it should, one root, nothing after
 * it). Text is decoded and checked (UTF-8, characters XML allows) only
 * where the caller asks for it (ras_xml_scan_want); other text is
 * skipped. A tag is at most RAS_XML_SCAN_TAG_MAX bytes. Errors name the
 * part, its line and column (in bytes). */
#ifndef RAS_XML_SCAN_H
#define RAS_XML_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ras.h"
#include "xml_part.h"

#define RAS_XML_SCAN_TAG_MAX ((size_t)1024 * 1024)
#define RAS_XML_SCAN_DEPTH 256

/* A start tag: the element's name without its namespace prefix, and its
 * attributes as expat gives them (name, value, ..., NULL; names as
 * written, values decoded). An end tag, or the end of an empty element.
 * Text of an element the caller wants, decoded, in one or more pieces. */
typedef void (*ras_xml_start_fn)(void *user, const char *name, size_t len, const char **atts);
typedef void (*ras_xml_end_fn)(void *user, const char *name, size_t len);
typedef void (*ras_xml_text_fn)(void *user, const char *text, size_t len);

typedef struct ras_xml_scan {
    ras_chunk_fn read;
    void *read_ctx;
    const char *file, *part; /* for messages */
    void *user;
    ras_xml_start_fn start;
    ras_xml_end_fn end;
    ras_xml_text_fn text;
    char *buf;
    size_t pos, len, cap;
    uint64_t base;       /* the part's offset of buf[0] */
    unsigned long line;  /* lines before buf[0] */
    uint64_t line_start; /* the offset after the last newline before buf[0] */
    uint64_t token;      /* where the token being handled begins */
    bool eof, ended, begun, root_seen, want, pause;
    size_t depth;
    uint32_t open[RAS_XML_SCAN_DEPTH]; /* the open elements' name hashes */
    const char **atts;
    size_t atts_cap;
    ras_status failed; /* kept in err, located when the run returns */
    uint64_t failed_at;
    ras_error err;
} ras_xml_scan;

ras_status ras_xml_scan_init(ras_xml_scan *x, ras_chunk_fn read, void *read_ctx, const char *file,
                             const char *part, void *user, ras_xml_start_fn start,
                             ras_xml_end_fn end, ras_xml_text_fn text, ras_error *err);
void ras_xml_scan_free(ras_xml_scan *x);

/* Scans on until the part ends (*paused false) or a handler pauses
 * (*paused true: call again to go on). */
ras_status ras_xml_scan_run(ras_xml_scan *x, bool *paused, ras_error *err);

/* For handlers: whether the text from here on is wanted; stop with an
 * error (located at the current tag); pause after the current tag. */
static inline void ras_xml_scan_want(ras_xml_scan *x, bool want)
{
    x->want = want;
}
void ras_xml_scan_fail(ras_xml_scan *x, ras_status status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static inline void ras_xml_scan_pause(ras_xml_scan *x)
{
    x->pause = true;
}

#endif
