/* statement_html.c - the statement's HTML sink: one self-contained page
 * (`ras score --format html`, docs/statement.md) with inline CSS, an
 * inline SVG chart of the points by area of need, no script and nothing
 * fetched, and print CSS so it prints on A4 as it reads on screen. */
#include <string.h>

#include "html.h"
#include "statement.h"

enum { OPEN_NONE, OPEN_ROWS, OPEN_RECORD };

static const char style[] =
    "body{font-family:\"Segoe UI\",\"DejaVu Sans\",Arial,sans-serif;font-size:11pt;"
    "line-height:1.45;color:#1b1b1b;margin:0;background:#fff}\n"
    "main{max-width:48em;margin:0 auto;padding:1.5em 1.5em 3em}\n"
    ".council{margin:0;color:#4a4a4a;font-weight:600}\n"
    "h1{font-size:1.5em;margin:.2em 0 .6em}\n"
    "h2{font-size:1.2em;margin:1.6em 0 .4em;border-bottom:2px solid #1d5c8c;padding-bottom:.15em}\n"
    "h3{font-size:1.02em;margin:1.2em 0 .3em}\n"
    ".lead{font-size:1.3em;font-weight:700;background:#e8f1f8;border-left:6px solid #1d5c8c;"
    "padding:.6em .8em;margin:.4em 0 1em}\n"
    "p{margin:.4em 0}\n"
    "table{border-collapse:collapse;width:100%;margin:.3em 0}\n"
    "td,th{padding:.12em .4em;vertical-align:top;text-align:left}\n"
    "td.v{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;width:7em}\n"
    "td.n{color:#555;font-size:.9em;width:13em;font-weight:400}\n"
    "tr.l0>td:first-child{padding-left:.2em}\n"
    "tr.l1>td:first-child{padding-left:1.4em}\n"
    "tr.l2>td:first-child{padding-left:2.6em;color:#333}\n"
    "tr.s>td{font-weight:700;border-top:1px solid #bbb}\ntr.s>td.n{font-weight:400}\n"
    "table.record th{width:10em;font-weight:600;color:#333}\n"
    "table.record td{word-break:break-all;font-size:.92em}\n"
    "figure{margin:.6em 0}\n"
    "svg text{font-family:inherit;font-size:12px}\n"
    "@page{size:A4;margin:14mm 14mm 16mm}\n"
    "@media print{body{font-size:10pt}main{max-width:none;padding:0}"
    "h2,h3{break-after:avoid}tr,figure,.lead{break-inside:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static void text(const ras_sink *s, const char *t)
{
    ras_html_text(s->out, t);
}

static void close_table(ras_sink *s)
{
    if (s->open != OPEN_NONE)
        fputs("</table>\n", s->out);
    s->open = OPEN_NONE;
}

static void open_table(ras_sink *s, int kind)
{
    if (s->open == kind)
        return;
    close_table(s);
    fputs(kind == OPEN_RECORD ? "<table class=\"record\">\n" : "<table class=\"working\">\n",
          s->out);
    s->open = kind;
}

static void html_begin(ras_sink *s, const char *title, const char *council)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          s->out);
    text(s, title);
    fprintf(s->out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n<header>\n", style);
    if (council) {
        fputs("<p class=\"council\">", s->out);
        text(s, council);
        fputs("</p>\n", s->out);
    }
    fputs("<h1>", s->out);
    text(s, title);
    fputs("</h1>\n</header>\n", s->out);
}

static void html_lead(ras_sink *s, const char *sentence)
{
    close_table(s);
    fputs("<p class=\"lead\">", s->out);
    text(s, sentence);
    fputs("</p>\n", s->out);
}

static void html_heading(ras_sink *s, const char *t)
{
    close_table(s);
    fputs("<h2>", s->out);
    text(s, t);
    fputs("</h2>\n", s->out);
}

static void html_subheading(ras_sink *s, const char *t)
{
    close_table(s);
    fputs("<h3>", s->out);
    text(s, t);
    fputs("</h3>\n", s->out);
}

static void html_para(ras_sink *s, const char *t)
{
    close_table(s);
    fputs("<p>", s->out);
    text(s, t);
    fputs("</p>\n", s->out);
}

static void html_row(ras_sink *s, int level, const char *label, const char *value, const char *note,
                     bool strong)
{
    open_table(s, OPEN_ROWS);
    fprintf(s->out, "<tr class=\"l%d%s\"><td%s>", level, strong ? " s" : "",
            value || note ? "" : " colspan=\"3\"");
    text(s, label);
    if (!value && !note) {
        fputs("</td></tr>\n", s->out);
        return;
    }
    fputs("</td><td class=\"v\">", s->out);
    text(s, value);
    fputs("</td><td class=\"n\">", s->out);
    text(s, note);
    fputs("</td></tr>\n", s->out);
}

static void html_record(ras_sink *s, const char *key, const char *value)
{
    open_table(s, OPEN_RECORD);
    fputs("<tr><th>", s->out);
    text(s, key);
    fputs("</th><td>", s->out);
    text(s, value);
    fputs("</td></tr>\n", s->out);
}

/* ---- the chart: one bar an area of need, its cap drawn ---- */

#define CHART_LABEL 250 /* px: the titles' column */
#define CHART_BARS 300  /* px: the longest bar */
#define CHART_ROW 24    /* px: one area of need */

static int64_t chart_scale(const ras_model *m, const ras_result *r)
{
    int64_t top = 1;
    for (size_t d = 0; d < m->n_domains; d++) {
        int64_t most = r->domain_raw[d];
        if (m->domains[d].has_cap && m->domains[d].cap > most)
            most = m->domains[d].cap;
        if (most > top)
            top = most;
    }
    return top;
}

static long long bar_x(int64_t points, int64_t scale)
{
    return (long long)(CHART_LABEL + points * CHART_BARS / scale);
}

static void chart_row(ras_sink *s, const ras_domain *dom, int64_t raw, int64_t points,
                      int64_t scale, size_t d)
{
    long long y = (long long)d * CHART_ROW;
    fprintf(s->out, "<text x=\"%d\" y=\"%lld\" text-anchor=\"end\">", CHART_LABEL - 8, (y + 16));
    text(s, dom->title);
    fputs("</text>\n", s->out);
    fprintf(s->out, "<rect x=\"%d\" y=\"%lld\" width=\"%lld\" height=\"16\" fill=\"#1d5c8c\"/>\n",
            CHART_LABEL, (y + 4), (bar_x(points, scale) - CHART_LABEL));
    if (raw > points)
        fprintf(s->out,
                "<rect x=\"%lld\" y=\"%lld\" width=\"%lld\" height=\"16\" fill=\"#b9cfe0\"/>\n",
                bar_x(points, scale), (y + 4), (bar_x(raw, scale) - bar_x(points, scale)));
    if (dom->has_cap)
        fprintf(s->out,
                "<line x1=\"%lld\" y1=\"%lld\" x2=\"%lld\" y2=\"%lld\" stroke=\"#c0392b\" "
                "stroke-width=\"2\"/>\n",
                bar_x(dom->cap, scale), (y + 1), bar_x(dom->cap, scale), (y + 23));
    fprintf(s->out, "<text x=\"%lld\" y=\"%lld\">%lld</text>\n",
            (bar_x(raw > points ? raw : points, scale) + 6), (y + 16), (long long)points);
}

static void html_chart(ras_sink *s, const ras_model *m, const ras_result *r)
{
    int64_t scale = chart_scale(m, r);
    int64_t height = (int64_t)m->n_domains * CHART_ROW + 30;
    int width = CHART_LABEL + CHART_BARS + 50;
    close_table(s);
    fprintf(s->out,
            "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%%\" "
            "viewBox=\"0 0 %d %lld\" role=\"img\" aria-label=\"Points by area of need\">\n"
            "<title>Points by area of need</title>\n",
            width, (long long)height);
    for (size_t d = 0; d < m->n_domains; d++)
        chart_row(s, &m->domains[d], r->domain_raw[d], r->domain_points[d], scale, d);
    long long y = (long long)m->n_domains * CHART_ROW + 8;
    fprintf(s->out,
            "<rect x=\"%d\" y=\"%lld\" width=\"14\" height=\"12\" fill=\"#1d5c8c\"/>"
            "<text x=\"%d\" y=\"%lld\">points that count</text>\n"
            "<rect x=\"%d\" y=\"%lld\" width=\"14\" height=\"12\" fill=\"#b9cfe0\"/>"
            "<text x=\"%d\" y=\"%lld\">over the cap</text>\n"
            "<line x1=\"%d\" y1=\"%lld\" x2=\"%d\" y2=\"%lld\" stroke=\"#c0392b\" "
            "stroke-width=\"2\"/><text x=\"%d\" y=\"%lld\">the cap</text>\n</svg>\n</figure>\n",
            CHART_LABEL, y, CHART_LABEL + 20, (y + 11), CHART_LABEL + 140, y, CHART_LABEL + 160,
            (y + 11), CHART_LABEL + 250, (y - 1), CHART_LABEL + 250, (y + 13), CHART_LABEL + 258,
            (y + 11));
}

static void html_end(ras_sink *s)
{
    close_table(s);
    fputs("</main>\n</body>\n</html>\n", s->out);
}

const ras_sink_ops ras_html_sink = {html_begin,      html_lead,  html_heading,
                                    html_subheading, html_para,  html_row,
                                    html_record,     html_chart, html_end};
