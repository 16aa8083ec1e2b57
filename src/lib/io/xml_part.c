/* xml_part.c - expat over a workbook part (xml_part.h). */
#include "xml_part.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

/* Any DOCTYPE is refused: with no DTD there are no entities to expand
 * (the "billion laughs") and nothing external to fetch. */
static void on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
                       int has_internal_subset)
{
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal_subset;
    ras_xml_fail(ud, RAS_ERR_SYNTAX,
                 "a document type declaration (<!DOCTYPE>) is not allowed in a workbook: its "
                 "entities could expand without limit");
}

ras_status ras_xml_init(ras_xml *x, ras_chunk_fn read, void *read_ctx, const char *file,
                        const char *part, void *user, XML_StartElementHandler start,
                        XML_EndElementHandler end, XML_CharacterDataHandler text, ras_error *err)
{
    memset(x, 0, sizeof *x);
    x->read = read;
    x->read_ctx = read_ctx;
    x->user = user;
    x->file = file;
    x->part = part;
    x->p = XML_ParserCreate(NULL);
    if (!x->p)
        return ras_fail(err, RAS_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
    XML_SetUserData(x->p, x);
    XML_SetElementHandler(x->p, start, end);
    XML_SetCharacterDataHandler(x->p, text);
    XML_SetStartDoctypeDeclHandler(x->p, on_doctype);
    XML_SetParamEntityParsing(x->p, XML_PARAM_ENTITY_PARSING_NEVER);
    return RAS_OK;
}

void ras_xml_free(ras_xml *x)
{
    if (x->p)
        XML_ParserFree(x->p);
    x->p = NULL;
}

void ras_xml_fail(ras_xml *x, ras_status status, const char *fmt, ...)
{
    if (x->failed != RAS_OK)
        return;
    x->failed = status;
    ras_error_clear(&x->err);
    x->err.status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(x->err.message, sizeof x->err.message, fmt, ap);
    va_end(ap);
    XML_StopParser(x->p, XML_FALSE);
}

void ras_xml_suspend(ras_xml *x)
{
    XML_StopParser(x->p, XML_TRUE);
}

/* The error of a failed parse, located in the part. */
static ras_status parse_error(ras_xml *x, ras_error *err)
{
    unsigned long line = (unsigned long)XML_GetCurrentLineNumber(x->p);
    unsigned long col = (unsigned long)XML_GetCurrentColumnNumber(x->p) + 1;
    if (x->failed != RAS_OK) {
        if (x->failed == RAS_ERR_IO || x->failed == RAS_ERR_NOMEM || x->err.file[0]) {
            if (err)
                *err = x->err;
            return x->failed;
        }
        return ras_fail(err, x->failed, x->file, 0, 0, NULL, "%s, line %lu, column %lu: %s",
                        x->part, line, col, x->err.message);
    }
    enum XML_Error code = XML_GetErrorCode(x->p);
    if (code == XML_ERROR_NO_MEMORY)
        return ras_fail(err, RAS_ERR_NOMEM, x->file, 0, 0, NULL, "out of memory");
    const char *why = XML_ErrorString(code);
    if (code == XML_ERROR_UNKNOWN_ENCODING || code == XML_ERROR_INCORRECT_ENCODING)
        why = "an encoding a workbook does not use (its XML is UTF-8 or UTF-16): save it again "
              "from Excel or LibreOffice";
    else if (code == XML_ERROR_INVALID_TOKEN)
        why = "not well-formed XML: a byte that is not UTF-8, or a stray '<' or '&'";
    return ras_fail(err, RAS_ERR_SYNTAX, x->file, 0, 0, NULL, "%s, line %lu, column %lu: %s",
                    x->part, line, col, why);
}

/* What the last parse or resume ended with. */
static ras_status after(ras_xml *x, enum XML_Status st, bool final, bool *suspended, ras_error *err)
{
    if (st == XML_STATUS_ERROR)
        return parse_error(x, err);
    if (st == XML_STATUS_SUSPENDED) {
        x->suspended = true;
        *suspended = true;
        return RAS_OK;
    }
    x->suspended = false;
    if (final)
        x->ended = true;
    return RAS_OK;
}

ras_status ras_xml_run(ras_xml *x, bool *suspended, ras_error *err)
{
    *suspended = false;
    while (!x->ended) {
        ras_status rs;
        if (x->suspended) {
            XML_ParsingStatus ps;
            XML_GetParsingStatus(x->p, &ps);
            rs = after(x, XML_ResumeParser(x->p), ps.finalBuffer == XML_TRUE, suspended, err);
        } else {
            void *buf = XML_GetBuffer(x->p, (int)RAS_XML_CHUNK);
            if (!buf)
                return ras_fail(err, RAS_ERR_NOMEM, x->file, 0, 0, NULL, "out of memory");
            size_t got = 0;
            rs = x->read(x->read_ctx, buf, RAS_XML_CHUNK, &got, err);
            if (rs != RAS_OK)
                return rs;
            bool final = got == 0;
            rs = after(x, XML_ParseBuffer(x->p, (int)got, final), final, suspended, err);
        }
        if (rs != RAS_OK || *suspended)
            return rs;
    }
    return RAS_OK;
}

const char *ras_xml_local(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

const char *ras_xml_attr(const char **atts, const char *local)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(ras_xml_local(atts[i]), local) == 0)
            return atts[i + 1];
    return NULL;
}
