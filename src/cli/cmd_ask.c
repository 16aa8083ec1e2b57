/* cmd_ask.c - `ras ask`: the interactive questionnaire (ras(1), ask). Walks
 * the client details and then the questions, domain by domain, with a
 * running total after each domain; at the end shows the score statement
 * and saves the case. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ask.h"
#include "colour.h"
#include "commands.h"
#include "help.h"
#include "model_arg.h"
#include "options.h"
#include "output.h"
#include "ras.h"
#include "report.h"

static const ras_cli_spec ask_spec = {"ask", RAS_OPT_OUTPUT, 0, NULL};

/* What the walk last showed a heading for. */
#define SHOWN_NOTHING SIZE_MAX
#define SHOWN_CLIENT (SIZE_MAX - 1)

static bool last_in_domain(const ras_model *model, const ras_question *q)
{
    const ras_domain *d = ras_model_domain(model, ras_question_domain(q));
    size_t n = ras_domain_question_count(d);
    return n > 0 && ras_domain_question(d, n - 1) == q;
}

/* After a domain's last question: its points and the running total,
 * both worked out by the library from the answers so far. */
static void show_progress(const ras_ask *a, ras_result *r, size_t domain)
{
    const ras_domain *d = ras_model_domain(a->model, domain);
    ras_error err;
    long long raw, points;

    ras_error_clear(&err);
    if (ras_score_partial(a->model, a->c, r, &err) != RAS_OK) {
        ras_ask_refuse(err.message);
        return;
    }
    raw = (long long)ras_result_domain_raw(r, domain);
    points = (long long)ras_result_domain_points(r, domain);
    if (raw != points)
        printf("\n%s: %lld points (%lld before the cap of %lld)\n", ras_domain_title(d), points,
               raw, (long long)ras_domain_cap(d));
    else
        printf("\n%s: %lld points\n", ras_domain_title(d), points);
    printf("Running total: %lld points\n", (long long)ras_result_points(r));
}

/* Asks step `step`, first showing the heading of its section if new. */
static ras_ask_reply ask_step(ras_ask *a, size_t step, size_t *shown, const ras_question **q)
{
    *q = NULL;
    if (step < RAS_ASK_CLIENT_STEPS) {
        if (*shown != SHOWN_CLIENT)
            printf("\n== Client details ==\n");
        *shown = SHOWN_CLIENT;
        return ras_ask_client_step(a, step);
    }
    *q = ras_model_question(a->model, step - RAS_ASK_CLIENT_STEPS);
    if (*shown != ras_question_domain(*q)) {
        *shown = ras_question_domain(*q);
        printf("\n== %s ==\n", ras_domain_title(ras_model_domain(a->model, *shown)));
    }
    return ras_ask_question(a, *q);
}

/* Every step in order, with going back; ends when the last is answered
 * or the person quits or the input ends. */
static ras_ask_reply walk(ras_ask *a, ras_result *r)
{
    size_t total = RAS_ASK_CLIENT_STEPS + ras_model_question_count(a->model);
    size_t step = 0, shown = SHOWN_NOTHING;
    bool forward = true;

    while (step < total) {
        const ras_question *q;
        ras_ask_reply reply = ask_step(a, step, &shown, &q);

        switch (reply) {
        case RAS_ASK_DONE:
            if (q != NULL && last_in_domain(a->model, q))
                show_progress(a, r, ras_question_domain(q));
            forward = true;
            step++;
            break;
        case RAS_ASK_SKIP: /* pass by in the direction of travel */
            if (forward || step == 0)
                step++;
            else
                step--;
            break;
        case RAS_ASK_BACK:
            if (step == 0) {
                ras_ask_refuse("this is the first question");
            } else {
                step--;
                forward = false;
            }
            break;
        default: return reply;
        }
    }
    return RAS_ASK_DONE;
}

/* The statement, then the case saved where -o says. */
static ras_exit finish(const ras_ask *a, ras_result *r, const ras_cli_opts *opts)
{
    ras_error err;
    ras_status st;
    ras_out out;
    ras_exit rc;

    ras_error_clear(&err);
    st = ras_score(a->model, a->c, r, &err);
    if (st != RAS_OK) {
        ras_cli_report(&err, NULL);
        return ras_cli_data_exit(st);
    }
    fputc('\n', stdout);
    st = ras_result_write_text(a->model, a->c, r, stdout,
                               ras_cli_use_colour(stdout) ? RAS_TEXT_COLOR : 0u);
    if (st != RAS_OK) {
        ras_cli_say("cannot write standard output");
        return RAS_EXIT_IO;
    }
    if (opts->output == NULL) {
        printf("\nThe answers were not saved (give -o FILE to save them).\n");
        return RAS_EXIT_OK;
    }
    rc = ras_out_open(&out, opts->output, NULL);
    if (rc != RAS_EXIT_OK)
        return rc;
    if (ras_case_write(a->c, out.fp) != RAS_OK)
        return ras_out_fail(&out);
    rc = ras_out_commit(&out);
    if (rc == RAS_EXIT_OK && out.target != NULL)
        printf("\nThe answers were saved to %s.\n", opts->output);
    return rc;
}

/* Runs the walk and turns its end into an exit status. */
static ras_exit run_walk(ras_ask *a, ras_result *r, const ras_cli_opts *opts)
{
    ras_ask_reply reply;

    printf("%s (%s %s)\n", ras_model_title(a->model), ras_model_id(a->model),
           ras_model_version(a->model));
    printf("At any prompt: b goes back one question, ? shows help, q quits.\n");
    reply = walk(a, r);
    switch (reply) {
    case RAS_ASK_DONE: return finish(a, r, opts);
    case RAS_ASK_QUIT:
        ras_cli_say("ask: quit before the end; nothing saved");
        return RAS_EXIT_FOUND;
    case RAS_ASK_EOF:
        ras_cli_say("ask: the input ended before the last question; nothing saved");
        return RAS_EXIT_FOUND;
    default: ras_cli_say("out of memory"); return RAS_EXIT_IO;
    }
}

static ras_exit session(const ras_cli_opts *opts, const ras_model *model)
{
    ras_ask a = {model, ras_case_new(model), stdin, !isatty(STDIN_FILENO), NULL, NULL, 0};
    ras_result *r = ras_result_new(model);
    ras_exit rc;

    if (a.c == NULL || r == NULL) {
        ras_cli_say("out of memory");
        rc = RAS_EXIT_IO;
    } else {
        rc = run_walk(&a, r, opts);
    }
    free(a.line);
    ras_result_free(r);
    ras_case_free(a.c);
    return rc;
}

/* Checked before the questions, not after them: -o must not be a model
 * file (docs/design.md, "Output files"). */
static ras_exit check_output(const ras_cli_opts *opts, const ras_model *model)
{
    ras_out_file output = {"-o", opts->output};
    return ras_out_check_files(&output, 1, NULL, 0, model);
}

ras_exit ras_cmd_ask(int argc, char **argv)
{
    ras_cli_opts opts;
    ras_model *model = NULL;
    ras_exit rc = ras_cli_parse(&ask_spec, argc, argv, &opts);

    if (rc == RAS_EXIT_OK && opts.help)
        rc = ras_cli_help_command(ask_spec.command);
    else if (rc == RAS_EXIT_OK && (rc = ras_out_check(opts.output)) == RAS_EXIT_OK &&
             (rc = ras_cli_load_model(&opts, &model)) == RAS_EXIT_OK &&
             (rc = check_output(&opts, model)) == RAS_EXIT_OK)
        rc = session(&opts, model);
    ras_model_free(model);
    ras_cli_opts_free(&opts);
    return rc;
}
