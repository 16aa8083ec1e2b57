/* cmd_ask.c - `ras ask`: the interactive questionnaire (ras(1), ask). Walks
 * the client details and then the questions, domain by domain, with a
 * running total after each domain; at the end shows the score statement
 * and saves the case. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
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

/* Remembers the reply that answered a step, to offer it again after `b`. */
static bool keep_reply(ras_ask *a, size_t step)
{
    size_t len = strlen(a->line);
    char *copy = malloc(len + 1);

    if (copy == NULL)
        return false;
    memcpy(copy, a->line, len + 1);
    free(a->kept[step]);
    a->kept[step] = copy;
    return true;
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
        a->earlier = a->kept[step];
        a->earlier_shown = false;
        ras_ask_reply reply = ask_step(a, step, &shown, &q);

        switch (reply) {
        case RAS_ASK_DONE:
            if (!keep_reply(a, step))
                return RAS_ASK_NOMEM;
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

/* Today as YYYY-MM-DD: the local date, or the UTC date of
 * SOURCE_DATE_EPOCH when set (ras(1), ENVIRONMENT), so a transcript can be
 * made again byte for byte. */
static bool today(char buf[11])
{
    const char *fixed = getenv("SOURCE_DATE_EPOCH");
    time_t now = time(NULL);
    struct tm tm;
    bool ok;

    if (fixed != NULL && fixed[0] != '\0') {
        char *end;
        long long secs = strtoll(fixed, &end, 10);
        if (*end != '\0' || secs < 0) {
            ras_cli_say("SOURCE_DATE_EPOCH must be seconds since 1970, not '%s'", fixed);
            return false;
        }
        now = (time_t)secs;
        ok = gmtime_r(&now, &tm) != NULL;
    } else {
        ok = now != (time_t)-1 && localtime_r(&now, &tm) != NULL;
    }
    if (!ok) {
        ras_cli_say("cannot tell today's date");
        return false;
    }
    ras_date_format((ras_date)((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday),
                    buf);
    return true;
}

/* -o naming a file that exists: asked first whether it may be replaced
 * at the end, so an earlier client's answers are never lost unasked. */
static ras_exit may_replace(ras_ask *a, const char *output)
{
    struct stat st;
    char prompt[RAS_ERROR_FILE_MAX + 64];
    const char *text;

    if (output == NULL || strcmp(output, "-") == 0 || stat(output, &st) != 0 ||
        !S_ISREG(st.st_mode))
        return RAS_EXIT_OK;
    snprintf(prompt, sizeof prompt, "%.*s exists. Replace it with these answers? [y/N] ",
             RAS_ERROR_FILE_MAX, output);
    ras_ask_reply reply =
        ras_ask_read(a, prompt, "Answer n to keep it and name another file.", &text);
    if (reply == RAS_ASK_DONE && (strcmp(text, "y") == 0 || strcmp(text, "Y") == 0 ||
                                  strcmp(text, "yes") == 0 || strcmp(text, "Yes") == 0))
        return RAS_EXIT_OK;
    if (reply == RAS_ASK_NOMEM) {
        ras_cli_say("out of memory");
        return RAS_EXIT_IO;
    }
    ras_cli_say("ask: %s is kept; name another file with -o", output);
    return RAS_EXIT_FOUND;
}

static ras_exit session(const ras_cli_opts *opts, const ras_model *model)
{
    size_t steps = RAS_ASK_CLIENT_STEPS + ras_model_question_count(model);
    ras_ask a;
    ras_result *r = ras_result_new(model);
    ras_exit rc;

    memset(&a, 0, sizeof a);
    a.model = model;
    a.c = ras_case_new(model);
    a.in = stdin;
    a.echo = !isatty(STDIN_FILENO);
    a.kept = calloc(steps, sizeof *a.kept);
    if (a.c == NULL || r == NULL || a.kept == NULL) {
        ras_cli_say("out of memory");
        rc = RAS_EXIT_IO;
    } else if (!today(a.today)) {
        rc = RAS_EXIT_USAGE;
    } else if ((rc = may_replace(&a, opts->output)) == RAS_EXIT_OK) {
        rc = run_walk(&a, r, opts);
    }
    for (size_t i = 0; a.kept != NULL && i < steps; i++)
        free(a.kept[i]);
    free(a.kept);
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
