/* ask_client.c - the client-details steps of `ras ask`: id, group, new
 * client, needs increased, existing package, assessment date. The library
 * checks every value (ras_case_set_field); these steps only ask. */
#include <stdio.h>
#include <string.h>

#include "ask.h"

/* Sets a field from the reply; on a refused value says why. */
static bool set_field(ras_ask *a, ras_field f, const char *text)
{
    ras_error err;

    ras_error_clear(&err);
    if (ras_case_set_field(a->c, f, text, strlen(text), &err) == RAS_OK)
        return true;
    ras_ask_refuse(err.message);
    return false;
}

/* Asks for one field until the library accepts the reply. */
static ras_ask_reply ask_field(ras_ask *a, ras_field f, const char *prompt, const char *help,
                               bool required)
{
    for (;;) {
        const char *text;
        ras_ask_reply reply = ras_ask_read(a, prompt, help, &text);

        if (reply != RAS_ASK_DONE)
            return reply;
        if (required && text[0] == '\0')
            ras_ask_refuse("an answer is needed here");
        else if (set_field(a, f, text))
            return RAS_ASK_DONE;
    }
}

/* The client group, by number, from the latest scoring table. A table
 * with a single group leaves nothing to choose. */
static ras_ask_reply ask_group(ras_ask *a)
{
    const ras_table *t = ras_model_table_on(a->model, 0);
    size_t n = t != NULL ? ras_table_group_count(t) : 0;
    bool has_default = t != NULL && ras_table_find_group(t, "default", 7) >= 0;
    char prompt[64];

    if (n <= 1)
        return RAS_ASK_SKIP;
    printf("Client group:\n");
    for (size_t i = 0; i < n; i++) {
        const char *title = ras_table_group_title(t, i);
        printf("  %zu) %s\n", i + 1, title != NULL ? title : ras_table_group_name(t, i));
    }
    snprintf(prompt, sizeof prompt, "Choose 1-%zu%s: ", n,
             has_default && a->earlier == NULL ? " (Enter: default)" : "");
    for (;;) {
        const char *text;
        size_t k;
        ras_ask_reply reply = ras_ask_read(a, prompt, "The group sets the prices used.", &text);

        if (reply != RAS_ASK_DONE)
            return reply;
        k = ras_ask_parse_choice(text, strlen(text), n);
        if (text[0] == '\0' && has_default) {
            if (set_field(a, RAS_FIELD_GROUP, "")) {
                a->group = NULL;
                return RAS_ASK_DONE;
            }
        } else if (k == 0) {
            char reason[64];
            snprintf(reason, sizeof reason, "choose a number from 1 to %zu", n);
            ras_ask_refuse(reason);
        } else if (set_field(a, RAS_FIELD_GROUP, ras_table_group_name(t, k - 1))) {
            a->group = ras_table_group_name(t, k - 1);
            return RAS_ASK_DONE;
        }
    }
}

void ras_ask_restore_group(ras_ask *a)
{
    const ras_table *t = ras_model_table_on(a->model, 0);
    const char *reply = a->kept[1];
    size_t n = t != NULL ? ras_table_group_count(t) : 0;
    size_t k = reply != NULL ? ras_ask_parse_choice(reply, strlen(reply), n) : 0;

    a->group = k > 0 ? ras_table_group_name(t, k - 1) : NULL;
}

/* Why a date cannot be used: no table in force then, or that table has
 * no prices for the group chosen. NULL when it can. Read as the library
 * reads the field (docs/exports.md, "Dates"), so 01/09/2025 is checked
 * as 2025-09-01 is. */
static const char *date_problem(const ras_ask *a, const char *text)
{
    ras_date date = 0;
    const ras_table *t;

    if (text[0] == '\0' ||
        ras_date_parse_lenient(text, strlen(text), ras_model_date_order(a->model), &date, NULL) !=
            RAS_OK)
        return NULL; /* none, or for the library to refuse */
    t = ras_model_table_on(a->model, date);
    if (t == NULL)
        return "no scoring table is in force on that date";
    if (a->group != NULL && ras_table_find_group(t, a->group, strlen(a->group)) < 0)
        return "the scoring table in force on that date has no prices for the group chosen";
    return NULL;
}

/* The assessment date, today unless another is given; refused when it
 * cannot price the case. */
static ras_ask_reply ask_date(ras_ask *a)
{
    static const char help[] = "The date picks the scoring table in force on it. Write it "
                               "day/month/year (01/09/2025) or year-month-day (2025-09-01).";
    char prompt[96];

    if (a->earlier != NULL)
        snprintf(prompt, sizeof prompt, "Assessment date, day/month/year or YYYY-MM-DD: ");
    else
        snprintf(prompt, sizeof prompt,
                 "Assessment date, day/month/year or YYYY-MM-DD (Enter: today, %s): ", a->today);
    for (;;) {
        const char *text, *problem;
        ras_ask_reply reply = ras_ask_read(a, prompt, help, &text);

        if (reply != RAS_ASK_DONE)
            return reply;
        if (text[0] == '\0')
            text = a->today;
        problem = date_problem(a, text);
        if (problem != NULL)
            ras_ask_refuse(problem);
        else if (set_field(a, RAS_FIELD_ASSESSED_ON, text))
            return RAS_ASK_DONE;
    }
}

/* "Needs increased" and the existing package are asked only of a client
 * who is not new (docs/model-format.md section 6.2); for a new one they
 * are cleared, in case an earlier "no" set them before `b`. */
static bool skip_for_new_client(ras_ask *a, ras_field f)
{
    if (!ras_case_new_client(a->c))
        return false;
    ras_case_set_field(a->c, f, f == RAS_FIELD_NEEDS_INCREASED ? "no" : "",
                       f == RAS_FIELD_NEEDS_INCREASED ? 2 : 0, NULL);
    return true;
}

ras_ask_reply ras_ask_client_step(ras_ask *a, size_t step)
{
    switch (step) {
    case 0:
        return ask_field(a, RAS_FIELD_CLIENT_ID,
                         "Client id: ", "The client's reference in the case-management system.",
                         true);
    case 1: return ask_group(a);
    case 2:
        return ask_field(a, RAS_FIELD_NEW_CLIENT, "New client? [Y/n] ",
                         "Is the client new to the service?", false);
    case 3:
        if (skip_for_new_client(a, RAS_FIELD_NEEDS_INCREASED))
            return RAS_ASK_SKIP;
        return ask_field(a, RAS_FIELD_NEEDS_INCREASED, "Have the client's needs increased? [y/N] ",
                         "Have the needs grown since the current package was set?", false);
    case 4:
        if (skip_for_new_client(a, RAS_FIELD_EXISTING_PACKAGE))
            return RAS_ASK_SKIP;
        return ask_field(a, RAS_FIELD_EXISTING_PACKAGE,
                         "Existing package, pounds a year (Enter: none): ",
                         "The yearly cost of the care the client has now, in pounds: "
                         "7800, 7800.00 or £7,800.00.",
                         false);
    default: return ask_date(a);
    }
}
