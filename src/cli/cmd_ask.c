/* cmd_ask.c - `ras ask`: the interactive questionnaire (ras(1), ask). Walks
 * the client details and then the questions, domain by domain, with a
 * running total after each domain; at the end shows the score statement
 * and saves the case. Every answer is kept in a draft as it is given
 * (ask_draft.c), which --resume carries on from. */
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
#include "extra_opts.h"
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

/* The draft is written whenever the walk moves, once there is a reply
 * to keep: so after each answer, and where `b` or a skip led. */
static void keep_draft(ras_ask *a, size_t step, size_t total)
{
    for (size_t i = 0; i < total; i++)
        if (a->kept[i] != NULL) {
            ras_ask_draft_save(a, step);
            return;
        }
}

/* Every step in order from `step`, with going back; ends when the last
 * is answered or the person quits or leaves or the input ends. */
static ras_ask_reply walk(ras_ask *a, ras_result *r, size_t step)
{
    size_t total = RAS_ASK_CLIENT_STEPS + ras_model_question_count(a->model);
    size_t shown = SHOWN_NOTHING;
    bool forward = true;

    while (step < total) {
        const ras_question *q;
        keep_draft(a, step, total);
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
    keep_draft(a, total, total);
    return RAS_ASK_DONE;
}

/* The statement, then the case saved where -o says. */
static ras_exit finish(const ras_ask *a, ras_result *r)
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
    if (a->output == NULL) {
        printf("\nThe answers were not saved (give -o FILE to save them).\n");
        return RAS_EXIT_OK;
    }
    rc = ras_out_open(&out, a->output, NULL);
    if (rc != RAS_EXIT_OK)
        return rc;
    if (ras_case_write(a->c, out.fp) != RAS_OK)
        return ras_out_fail(&out);
    rc = ras_out_commit(&out);
    if (rc == RAS_EXIT_OK && out.target != NULL)
        printf("\nThe answers were saved to %s.\n", a->output);
    return rc;
}

/* Leaving with the answers in the draft. */
static ras_exit left(const ras_ask *a)
{
    ras_cli_say("ask: left before the end; the answers are kept in %s: carry on with "
                "`ras ask --resume %s`",
                a->draft, a->draft);
    return RAS_EXIT_DRAFT;
}

/* Runs the walk and turns its end into an exit status. The draft goes
 * once the case is saved (or the session ended with the statement and
 * no -o), or when the person quits. */
static ras_exit run_walk(ras_ask *a, ras_result *r, size_t step)
{
    ras_ask_reply reply;
    ras_exit rc;

    printf("%s (%s %s)\n", ras_model_title(a->model), ras_model_id(a->model),
           ras_model_version(a->model));
    printf("At any prompt: b goes back one question, ? shows help, q quits.\n");
    if (a->drafted)
        printf("Carrying on from %s.\n", a->draft);
    reply = walk(a, r, step);
    switch (reply) {
    case RAS_ASK_DONE:
        rc = finish(a, r);
        if (rc == RAS_EXIT_OK)
            ras_ask_draft_remove(a);
        else if (a->drafted)
            ras_cli_say("ask: the answers are kept in %s", a->draft);
        return rc;
    case RAS_ASK_QUIT:
        ras_ask_draft_remove(a);
        ras_cli_say("ask: quit before the end; nothing saved");
        return RAS_EXIT_FOUND;
    case RAS_ASK_LEAVE: return left(a);
    case RAS_ASK_EOF:
        ras_cli_say(a->interrupted
                        ? "ask: interrupted; nothing saved"
                        : "ask: the input ended before the last question; nothing saved");
        return RAS_EXIT_FOUND;
    default: ras_cli_say("out of memory"); return RAS_EXIT_IO;
    }
}

/* Today as YYYY-MM-DD: the local date, or the UTC date of
 * SOURCE_DATE_EPOCH when set (ras(1), ENVIRONMENT), so a transcript can be
 * made again byte for byte. */
static bool today(char buf[11], time_t *started)
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
    *started = now;
    ras_date_format((ras_date)((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday),
                    buf);
    return true;
}

/* -o naming a file that exists: asked first whether it may be replaced
 * at the end, so an earlier client's answers are never lost unasked. */
static ras_exit may_replace(ras_ask *a)
{
    const char *output = a->output;
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
    if (reply == RAS_ASK_LEAVE)
        return left(a);
    ras_cli_say("ask: %s is kept; name another file with -o", output);
    return RAS_EXIT_FOUND;
}

/* The session's answers so far: a fresh case, or the draft's. */
static ras_exit begin(ras_ask *a, const ras_source *draft, const char *path, size_t *step)
{
    *step = 0;
    if (draft == NULL)
        return ras_ask_draft_place(a);
    ras_exit rc = ras_ask_draft_load(a, draft, path, step);
    if (rc == RAS_EXIT_OK)
        ras_ask_restore_group(a);
    return rc;
}

static ras_exit session(const ras_cli_opts *opts, const ras_model *model, const ras_source *draft,
                        const char *path)
{
    size_t steps = RAS_ASK_CLIENT_STEPS + ras_model_question_count(model), step = 0;
    ras_ask a;
    ras_result *r = ras_result_new(model);
    ras_exit rc;

    memset(&a, 0, sizeof a);
    a.model = model;
    a.c = ras_case_new(model);
    a.in = STDIN_FILENO;
    a.echo = !isatty(STDIN_FILENO);
    a.output = opts->output;
    a.model_arg = opts->questionnaire == NULL ? opts->model : NULL;
    a.kept = calloc(steps, sizeof *a.kept);
    if (a.c == NULL || r == NULL || a.kept == NULL) {
        ras_cli_say("out of memory");
        rc = RAS_EXIT_IO;
    } else if (!today(a.today, &a.started)) {
        rc = RAS_EXIT_USAGE;
    } else if ((rc = begin(&a, draft, path, &step)) == RAS_EXIT_OK &&
               (rc = ras_out_check(a.output)) == RAS_EXIT_OK) {
        ras_ask_catch_interrupt();
        if ((rc = may_replace(&a)) == RAS_EXIT_OK)
            rc = run_walk(&a, r, step);
        ras_ask_release_interrupt();
    }
    for (size_t i = 0; a.kept != NULL && i < steps; i++)
        free(a.kept[i]);
    free(a.kept);
    free(a.line);
    free(a.draft);
    free(a.output_owned);
    ras_result_free(r);
    ras_case_free(a.c);
    return rc;
}

/* Checked before the questions, not after them: -o must be neither a
 * model file nor the draft carried on from (docs/design.md, "Output
 * files"). */
static ras_exit check_output(const ras_cli_opts *opts, const ras_model *model, const char *draft)
{
    ras_out_file output = {"-o", opts->output}, input = {"the draft", draft};
    return ras_out_check_files(&output, 1, &input, draft != NULL ? 1 : 0, model);
}

/* With --resume: the draft read once, and the model it was begun with,
 * else the one its questionnaire names, unless the options name one (as
 * `ras score` picks it). */
static ras_exit run(const ras_cli_opts *opts, const char *resume)
{
    ras_model *model = NULL;
    ras_source src;
    ras_error err;
    char answered_on[80] = "", begun_with[4096];
    ras_cli_opts chosen = *opts;
    ras_exit rc;

    if (resume == NULL) {
        if ((rc = ras_cli_load_model(opts, &model)) == RAS_EXIT_OK &&
            (rc = check_output(opts, model, NULL)) == RAS_EXIT_OK)
            rc = session(opts, model, NULL, NULL);
        ras_model_free(model);
        return rc;
    }
    ras_error_clear(&err);
    if (ras_source_read(resume, &src, &err) != RAS_OK) {
        ras_cli_report(&err, resume);
        return ras_cli_data_exit(err.status);
    }
    if (ras_case_questionnaire(&src, answered_on, sizeof answered_on, NULL) != RAS_OK)
        answered_on[0] = '\0'; /* reported in full when the draft is read */
    if (opts->model == NULL && opts->questionnaire == NULL &&
        ras_ask_draft_model(&src, begun_with, sizeof begun_with))
        chosen.model = begun_with;
    if ((rc = ras_cli_load_model_for(&chosen, answered_on, &model)) == RAS_EXIT_OK &&
        (rc = check_output(&chosen, model, resume)) == RAS_EXIT_OK)
        rc = session(&chosen, model, &src, resume);
    ras_model_free(model);
    ras_source_free(&src);
    return rc;
}

ras_exit ras_cmd_ask(int argc, char **argv)
{
    static const char *const names[] = {"resume"};
    const char *resume = NULL;
    char **rest = NULL;
    int n_rest = 0;
    ras_cli_opts opts;
    ras_exit rc = ras_cli_take_extras("ask", argc, argv, names, 1, &resume, &rest, &n_rest);

    if (rc != RAS_EXIT_OK) {
        free(rest);
        return rc;
    }
    rc = ras_cli_parse(&ask_spec, n_rest, rest, &opts);
    if (rc == RAS_EXIT_OK && opts.help)
        rc = ras_cli_help_command(ask_spec.command);
    else if (rc == RAS_EXIT_OK && (rc = ras_out_check(opts.output)) == RAS_EXIT_OK)
        rc = run(&opts, resume);
    ras_cli_opts_free(&opts);
    free(rest);
    return rc;
}
