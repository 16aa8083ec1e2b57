/* form_text.c - the questionnaire as a form to fill in, in plain text for
 * a screen reader (ras(1), form): the same parts, questions, help and
 * answers as the printed form (form_html.c), in the model's order and
 * words, numbered instead of boxed. */
#include <stdio.h>

#include "model.h"

/* "Tick one", "Tick all that apply" or the number's range, and whether
 * the question may be left out. */
static void how_to_answer(const ras_question *q, FILE *out)
{
    const char *optional = q->required ? "" : " You may leave this one out.";
    if (q->type == RAS_NUMBER)
        fprintf(out, "  Write a whole number from %lld to %lld.%s\n", (long long)q->min,
                (long long)q->max, optional);
    else if (q->type == RAS_MULTIPLE)
        fprintf(out, "  Choose all that apply, or none.\n");
    else
        fprintf(out, "  Choose one answer.%s\n", optional);
}

static void question(const ras_question *q, size_t count, FILE *out)
{
    fprintf(out, "\nQuestion %zu of %zu: %s\n", q->index + 1, count, q->text);
    if (q->help)
        fprintf(out, "  %s\n", q->help);
    how_to_answer(q, out);
    for (size_t i = 0; i < q->n_answers; i++)
        fprintf(out, "  Answer %zu: %s\n", i + 1, q->answers[i].text);
    if (q->type == RAS_NUMBER)
        fputs("  Your number:\n", out);
    else
        fputs("  Your answer:\n", out);
}

ras_status ras_model_write_form_text(const ras_model *model, FILE *out)
{
    if (!model || !out)
        return RAS_ERR_ARG;
    fprintf(out, "%s\n", model->title);
    fprintf(out, "Questionnaire %s, version %s\n", model->id, model->version);
    fputs("\nPlease fill this in before your assessment, or with the person who\n"
          "helps you. There are no right or wrong answers: say what a typical\n"
          "week is like for you. Your social worker will go through it with you.\n",
          out);
    fputs("\nAbout you\n"
          "  Your name:\n"
          "  Your reference number, if you have one:\n"
          "  Your address:\n"
          "  Your phone number:\n"
          "  Are you new to the service? Yes or no:\n"
          "  If not, have your needs grown since your support was set? Yes or no:\n"
          "  Who helped you fill this in, if anyone:\n"
          "  Today's date:\n",
          out);
    for (size_t d = 0; d < model->n_domains; d++) {
        const ras_domain *dom = &model->domains[d];
        fprintf(out, "\nPart %zu of %zu: %s\n", d + 1, model->n_domains, dom->title);
        for (size_t i = 0; i < dom->n_questions; i++)
            question(&dom->questions[i], model->n_questions, out);
    }
    fputs("\nAnything else you would like us to know:\n"
          "\nThank you. Please keep this form for your assessment visit.\n",
          out);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}
