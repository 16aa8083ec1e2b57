/* report_html.c - the HTML of a filed report (report_html.h). */
#include "report_html.h"

#include "html.h"
#include "model.h"
#include "record.h"

static const char style[] =
    "@page { size: A4; margin: 15mm; }\n"
    "body { font-family: sans-serif; font-size: 10.5pt; color: #222; max-width: 60em; }\n"
    "h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1.4em; }\n"
    "table { border-collapse: collapse; margin: 0.4em 0; }\n"
    "th, td { text-align: left; padding: 0.15em 0.8em 0.15em 0; vertical-align: top; }\n"
    "td.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
    "tr { border-bottom: 1px solid #e5e5e5; }\n"
    ".sha { font-family: monospace; font-size: 8.5pt; word-break: break-all; }\n"
    ".note { color: #555; }\n"
    "svg { max-width: 100%; height: auto; }\n";

void ras_html_begin(FILE *out, const char *title)
{
    ras_html_begin_styled(out, title, "");
}

void ras_html_begin_styled(FILE *out, const char *title, const char *more_style)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
    ras_html_text(out, title);
    fprintf(out, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n<h1>", style, more_style);
    ras_html_text(out, title);
    fputs("</h1>\n", out);
}

void ras_html_end(FILE *out)
{
    fputs("</body>\n</html>\n", out);
}

void ras_html_row(FILE *out, const char *label, const char *value, const char *note)
{
    fputs("<tr><th>", out);
    ras_html_text(out, label);
    fputs("</th><td class=\"n\">", out);
    ras_html_text(out, value);
    fputs("</td><td class=\"note\">", out);
    ras_html_text(out, note);
    fputs("</td></tr>\n", out);
}

void ras_html_count(FILE *out, const char *label, uint64_t n, const char *note)
{
    char text[32];
    snprintf(text, sizeof text, "%llu", (unsigned long long)n);
    ras_html_row(out, label, text, note);
}

void ras_html_money(FILE *out, const char *label, ras_pence v, const char *currency, bool sign,
                    const char *note)
{
    char text[64];
    ras_money_format(v < 0 ? -v : v, RAS_MONEY_HUMAN, currency, text + 1, sizeof text - 1);
    text[0] = v < 0 ? '-' : '+';
    ras_html_row(out, label, sign && v != 0 ? text : text + 1, note);
}

void ras_html_file_row(FILE *out, const char *what, const char *id, const char *version,
                       const char *file, const char *sha)
{
    fputs("<tr><th>", out);
    ras_html_text(out, what);
    fputs("</th><td>", out);
    if (id) {
        ras_html_text(out, id);
        fputc('@', out);
        ras_html_text(out, version);
        fputs(", ", out);
    }
    ras_html_text(out, file);
    fputs("<br><span class=\"sha\">sha256 ", out);
    ras_html_text(out, sha && *sha ? sha : "(not known)");
    fputs("</span></td></tr>\n", out);
}

void ras_html_record(FILE *out, const ras_model *m, const ras_run_info *run, const char *in_name,
                     const char *in_sha256)
{
    ras_html_record_open(out, m, run, in_name, in_sha256);
    fputs("</table>\n", out);
}

void ras_html_record_open(FILE *out, const ras_model *m, const ras_run_info *run,
                          const char *in_name, const char *in_sha256)
{
    char when[32];
    fputs("<h2>Record</h2>\n<table>\n", out);
    if (run) {
        ras_record_time(run->started, false, when);
        fputs("<tr><th>run</th><td>", out);
        ras_html_text(out, when);
        fputs("</td></tr>\n", out);
    }
    fputs("<tr><th>ras version</th><td>", out);
    ras_html_text(out, ras_version());
    fputs("</td></tr>\n", out);
    if (run && run->command) {
        fputs("<tr><th>command</th><td class=\"sha\">", out);
        ras_html_text(out, run->command);
        fputs("</td></tr>\n", out);
    }
    ras_html_file_row(out, "questionnaire", m->id, m->version, m->file, m->fingerprint);
    for (size_t i = 0; i < m->n_tables; i++) {
        const ras_table *t = &m->tables[i];
        ras_html_file_row(out, "scoring", t->id, t->version, t->file, t->fingerprint);
    }
    ras_html_file_row(out, "input", NULL, NULL, in_name, in_sha256);
}
