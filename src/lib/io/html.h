/* html.h - writing text into HTML or SVG: the statement's page and any
 * other page the library writes. Errors on the stream are left for the
 * caller to see with ferror(). */
#ifndef RAS_HTML_H
#define RAS_HTML_H

#include <stdio.h>

/* Writes s with &, <, >, " and ' escaped, so it is safe both as element
 * text and inside a quoted attribute. NULL writes nothing. */
void ras_html_text(FILE *out, const char *s);

#endif
