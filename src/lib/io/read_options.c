/* read_options.c - the public names of the reading options (ras.h,
 * "Reading exports"). */
#include <ctype.h>
#include <string.h>

#include "ras.h"

const char *ras_encoding_name(ras_encoding e)
{
    switch (e) {
    case RAS_ENCODING_UTF8: return "utf-8";
    case RAS_ENCODING_CP1252: return "cp1252";
    case RAS_ENCODING_AUTO: break;
    }
    return "auto";
}

/* True when text is word in any case. */
static bool same_word(const char *text, const char *word)
{
    for (; *text && *word; text++, word++)
        if (tolower((unsigned char)*text) != *word)
            return false;
    return *text == *word;
}

ras_status ras_encoding_parse(const char *text, ras_encoding *out)
{
    if (!text || !out)
        return RAS_ERR_ARG;
    if (same_word(text, "utf-8") || same_word(text, "utf8"))
        *out = RAS_ENCODING_UTF8;
    else if (same_word(text, "cp1252") || same_word(text, "windows-1252"))
        *out = RAS_ENCODING_CP1252;
    else
        return RAS_ERR_ARG;
    return RAS_OK;
}

void ras_read_options_init(ras_read_options *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
}
