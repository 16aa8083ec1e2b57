/* form_html.c - the questionnaire as a paper form (ras(1), form): one
 * self-contained HTML page (inline CSS, no scripts, nothing fetched) that
 * prints on A4, for a council to post or hand over before the visit, so
 * the client can fill it in first. The parts, questions, help texts and
 * answers are the model's, in its order and words; points are not shown. */
#include <stdio.h>

#include "model.h"

/* Writes text with &, <, > and " escaped, for element text and
 * attribute values alike. Model texts are valid UTF-8 (the loader checks),
 * so every other byte goes out as it is. */
static void put(FILE *out, const char *text)
{
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(*p, out); break;
        }
    }
}

static const char style[] =
    "@page { size: A4; margin: 16mm 15mm; }\n"
    "body { font-family: \"DejaVu Sans\", Arial, sans-serif; font-size: 11.5pt;"
    " line-height: 1.4; color: #000; max-width: 180mm; margin: 0 auto; }\n"
    "h1 { font-size: 18pt; margin: 0 0 2mm; }\n"
    "h2 { font-size: 14pt; margin: 7mm 0 2mm; padding-top: 2mm;"
    " border-top: 1.5pt solid #000; break-after: avoid; }\n"
    ".ref { color: #333; margin: 0 0 4mm; }\n"
    ".q { break-inside: avoid; margin: 0 0 4mm; }\n"
    ".q h3 { font-size: 11.5pt; margin: 0 0 1mm; }\n"
    ".help { font-style: italic; margin: 0 0 1mm; }\n"
    ".how { font-size: 10pt; color: #333; margin: 0 0 1mm; }\n"
    "ul.answers { list-style: none; padding: 0; margin: 0; }\n"
    "ul.answers li { margin: 0 0 1.2mm; }\n"
    ".box { display: inline-block; width: 4.2mm; height: 4.2mm;"
    " border: 1pt solid #000; vertical-align: -0.8mm; margin-right: 2.5mm; }\n"
    ".write { display: inline-block; width: 25mm; height: 7mm; border: 1pt solid #000;"
    " vertical-align: middle; margin-left: 2mm; }\n"
    "table.details { border-collapse: collapse; width: 100%; }\n"
    "table.details th { text-align: left; font-weight: normal; width: 45%;"
    " padding: 2mm 2mm 2mm 0; vertical-align: bottom; }\n"
    "table.details td { border-bottom: 1pt solid #000; }\n"
    ".lines { border-bottom: 1pt solid #000; height: 8mm; }\n"
    "@media screen { body { margin: 2em auto; padding: 0 1em; } }\n";

static void details(FILE *out)
{
    static const char *const rows[] = {
        "Your name",         "Your reference number, if you have one", "Your address",
        "Your phone number", "Who helped you fill this in, if anyone", "Today's date",
    };
    fputs("<section>\n<h2>About you</h2>\n<table class=\"details\">\n", out);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        fprintf(out, "<tr><th>%s</th><td>&nbsp;</td></tr>\n", rows[i]);
    fputs("</table>\n", out);
    fputs("<div class=\"q\"><h3>Are you new to the service?</h3>\n"
          "<ul class=\"answers\"><li><span class=\"box\"></span>Yes</li>"
          "<li><span class=\"box\"></span>No</li></ul></div>\n"
          "<div class=\"q\"><h3>If not, have your needs grown since your support was set?</h3>\n"
          "<ul class=\"answers\"><li><span class=\"box\"></span>Yes</li>"
          "<li><span class=\"box\"></span>No</li></ul></div>\n"
          "</section>\n",
          out);
}

static void how_to_answer(const ras_question *q, FILE *out)
{
    fputs("<p class=\"how\">", out);
    if (q->type == RAS_NUMBER)
        fprintf(out, "Write a whole number from %lld to %lld.", (long long)q->min,
                (long long)q->max);
    else if (q->type == RAS_MULTIPLE)
        fputs("Tick all that apply, or none.", out);
    else
        fputs("Tick one box.", out);
    if (!q->required && q->type != RAS_MULTIPLE)
        fputs(" You may leave this one out.", out);
    fputs("</p>\n", out);
}

static void question(const ras_question *q, size_t count, FILE *out)
{
    fprintf(out, "<div class=\"q\">\n<h3>%zu of %zu. ", q->index + 1, count);
    put(out, q->text);
    fputs("</h3>\n", out);
    if (q->help) {
        fputs("<p class=\"help\">", out);
        put(out, q->help);
        fputs("</p>\n", out);
    }
    how_to_answer(q, out);
    if (q->type == RAS_NUMBER) {
        fputs("<p>Number:<span class=\"write\"></span></p>\n", out);
    } else {
        fputs("<ul class=\"answers\">\n", out);
        for (size_t i = 0; i < q->n_answers; i++) {
            fputs("<li><span class=\"box\"></span>", out);
            put(out, q->answers[i].text);
            fputs("</li>\n", out);
        }
        fputs("</ul>\n", out);
    }
    fputs("</div>\n", out);
}

ras_status ras_model_write_form_html(const ras_model *model, FILE *out)
{
    if (!model || !out)
        return RAS_ERR_ARG;
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
    put(out, model->title);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", style);
    put(out, model->title);
    fputs("</h1>\n<p class=\"ref\">Questionnaire ", out);
    put(out, model->id);
    fputs(", version ", out);
    put(out, model->version);
    fputs("</p>\n<p>Please fill this in before your assessment, or with the person who helps "
          "you. There are no right or wrong answers: say what a typical week is like for you. "
          "Your social worker will go through it with you.</p>\n",
          out);
    details(out);
    for (size_t d = 0; d < model->n_domains; d++) {
        const ras_domain *dom = &model->domains[d];
        fprintf(out, "<section>\n<h2>Part %zu of %zu: ", d + 1, model->n_domains);
        put(out, dom->title);
        fputs("</h2>\n", out);
        for (size_t i = 0; i < dom->n_questions; i++)
            question(&dom->questions[i], model->n_questions, out);
        fputs("</section>\n", out);
    }
    fputs("<section>\n<h2>Anything else you would like us to know</h2>\n"
          "<div class=\"lines\"></div><div class=\"lines\"></div><div class=\"lines\"></div>\n"
          "<p>Thank you. Please keep this form for your assessment visit.</p>\n"
          "</section>\n</body>\n</html>\n",
          out);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}
