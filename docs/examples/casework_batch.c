/* casework_batch.c - an example of embedding libras (docs/api.md): the
 * nightly batch job of a case-management system, which keeps carers'
 * assessments in its own records and wants an indicative budget for each.
 *
 *   casework_batch [MODEL_DIR]
 *
 * With no argument the built-in carers model is used; with one, the model
 * folder named (questionnaire.yaml and scoring*.yaml). Prints one line per
 * assessment and a total; exits 1 when some assessment could not be
 * scored, 2 when the model could not be loaded.
 *
 * Build:  cc casework_batch.c $(pkg-config --cflags --libs ras)
 * This file is compiled and run by the install test, so it stays right. */
#include <stdio.h>
#include <string.h>

#include <ras.h>

/* ---- the case-management system's own data (here, a fixed array) ---- */

typedef struct cms_answer {
    const char *question; /* the questionnaire's question id */
    const char *value;    /* an answer id, a number, or ids joined by ';' */
} cms_answer;

typedef struct cms_assessment {
    const char *client_ref;
    const char *group;    /* "" for the table's default group */
    const char *assessed; /* YYYY-MM-DD */
    const cms_answer *answers;
    size_t n_answers;
} cms_assessment;

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static const cms_answer k1001[] = {
    {"health_impact", "lots"},     {"sleep", "nightly"},
    {"work_impact", "reduced"},    {"relationships_impact", "some"},
    {"breaks", "rarely"},          {"missed_activities", "exercise;friends;own_appointments"},
    {"emergency_plan", "none"},    {"money_impact", "some"},
    {"household_tasks", "mostly"}, {"cared_for_need", "substantial"},
    {"other_help", "some"},        {"hours_per_week", "45"},
};

static const cms_answer k1002[] = {
    {"health_impact", "some"},        {"sleep", "weekly"},      {"work_impact", "some"},
    {"relationships_impact", "some"}, {"breaks", "sometimes"},  {"missed_activities", "hobbies"},
    {"emergency_plan", "partly"},     {"money_impact", "none"}, {"household_tasks", "mostly"},
    {"cared_for_need", "moderate"},   {"other_help", "half"},   {"hours_per_week", "20"},
};

/* A record with a typing slip ("often" is not an answer to `sleep`):
 * the job must report it and carry on with the others. */
static const cms_answer k1003[] = {
    {"health_impact", "none"},
    {"sleep", "often"},
    {"hours_per_week", "10"},
};

static const cms_assessment assessments[] = {
    {"K1001", "", "2025-06-01", k1001, N_OF(k1001)},
    {"K1002", "young_carers", "2025-07-14", k1002, N_OF(k1002)},
    {"K1003", "", "2025-07-20", k1003, N_OF(k1003)},
};

/* ---- filling a ras_case from a record ---- */

/* Copies one record into c (cleared first). On failure err says which
 * field or question was refused and why. */
static ras_status fill_case(const ras_model *model, ras_case *c, const cms_assessment *a,
                            ras_error *err)
{
    ras_status st;

    ras_case_clear(c);
    st = ras_case_set_field(c, RAS_FIELD_CLIENT_ID, a->client_ref, strlen(a->client_ref), err);
    if (st == RAS_OK)
        st = ras_case_set_field(c, RAS_FIELD_GROUP, a->group, strlen(a->group), err);
    if (st == RAS_OK)
        st = ras_case_set_field(c, RAS_FIELD_ASSESSED_ON, a->assessed, strlen(a->assessed), err);
    for (size_t i = 0; st == RAS_OK && i < a->n_answers; i++) {
        const cms_answer *ans = &a->answers[i];
        /* Borrowed from the model: never freed. */
        const ras_question *q =
            ras_model_find_question(model, ans->question, strlen(ans->question));
        if (q == NULL) {
            snprintf(err->subject, sizeof err->subject, "%s", ans->question);
            snprintf(err->message, sizeof err->message, "unknown question '%s'", ans->question);
            err->status = RAS_ERR_CASE;
            return RAS_ERR_CASE;
        }
        st = ras_case_set_answer(c, q, ans->value, strlen(ans->value), err);
    }
    return st;
}

/* ---- the job ---- */

static ras_status load_model(int argc, char **argv, ras_model **model, ras_error *err)
{
    if (argc > 1)
        return ras_model_load_dir(argv[1], model, err);
    return ras_model_load_builtin("carers", model, err);
}

int main(int argc, char **argv)
{
    ras_model *model = NULL;
    ras_case *c = NULL;
    ras_result *r = NULL;
    ras_error err;
    char text[RAS_ERROR_FILE_MAX + RAS_ERROR_MESSAGE_MAX + 64];
    ras_pence total = 0;
    unsigned scored = 0, failed = 0;

    ras_error_clear(&err);
    if (load_model(argc, argv, &model, &err) != RAS_OK) {
        ras_error_format(&err, text, sizeof text);
        fprintf(stderr, "casework_batch: %s\n", text);
        return 2;
    }
    printf("model %s %s, %zu questions\n", ras_model_id(model), ras_model_version(model),
           ras_model_question_count(model));
    /* One case and one result, reused for every record. */
    c = ras_case_new(model);
    r = ras_result_new(model);
    if (c == NULL || r == NULL) {
        fputs("casework_batch: out of memory\n", stderr);
        ras_result_free(r);
        ras_case_free(c);
        ras_model_free(model);
        return 2;
    }
    for (size_t i = 0; i < N_OF(assessments); i++) {
        const cms_assessment *a = &assessments[i];
        ras_status st;

        ras_error_clear(&err);
        st = fill_case(model, c, a, &err);
        if (st == RAS_OK)
            st = ras_score(model, c, r, &err);
        if (st != RAS_OK) {
            /* The message names the question at fault ("question 'sleep':
             * ..."); err.subject holds the question or field id alone, for
             * a program that needs it. */
            ras_error_format(&err, text, sizeof text);
            printf("%s  error (%s): %s\n", a->client_ref, ras_status_name(st), text);
            failed++;
            continue;
        }
        {
            const ras_table *t = ras_result_table(r);
            char budget[32], weekly[32];
            ras_money_format(ras_result_budget(r), RAS_MONEY_HUMAN, ras_table_currency(t), budget,
                             sizeof budget);
            ras_money_format(ras_result_weekly(r), RAS_MONEY_HUMAN, ras_table_currency(t), weekly,
                             sizeof weekly);
            printf("%s  %3lld points  %s a year (%s a week)  %s  %s@%s%s\n", a->client_ref,
                   (long long)ras_result_points(r), budget, weekly,
                   ras_basis_name(ras_result_basis(r)), ras_table_id(t), ras_table_version(t),
                   ras_result_panel(r) ? "  PANEL" : "");
            /* Money is whole pence: adding budgets is exact. */
            total += ras_result_budget(r);
            scored++;
        }
    }
    ras_money_format(total, RAS_MONEY_HUMAN, NULL, text, sizeof text);
    printf("%u scored, %u in error, total %s\n", scored, failed, text);
    ras_result_free(r);
    ras_case_free(c);
    ras_model_free(model);
    return failed > 0 ? 1 : 0;
}
