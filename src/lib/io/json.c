/* json.c - JSON strings and amounts. */
#include "json.h"

void ras_json_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    static const char hex[] = "0123456789abcdef";
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        default:
            if (*p < 0x20 || *p == 0x7f) {
                fputs("\\u00", out);
                fputc(hex[*p >> 4], out);
                fputc(hex[*p & 0xf], out);
            } else {
                fputc(*p, out);
            }
        }
    }
    fputc('"', out);
}

void ras_json_money(FILE *out, ras_pence amount)
{
    char buf[32];
    ras_money_format(amount, RAS_MONEY_PLAIN, NULL, buf, sizeof buf);
    fputc('"', out);
    fputs(buf, out);
    fputc('"', out);
}

void ras_json_source(FILE *out, const char *key, const char *id, const char *version,
                     bool with_file, const char *file, const char *fingerprint)
{
    ras_json_string(out, key);
    fputs(": ", out);
    ras_json_string(out, id);
    fputs(", \"version\": ", out);
    ras_json_string(out, version);
    if (with_file) {
        fputs(", \"file\": ", out);
        ras_json_string(out, file);
    }
    fputs(", \"sha256\": ", out);
    ras_json_string(out, fingerprint);
}
