/* embed.c - the smallest program built against an installed libras (see
 * install.sh): loads the default built-in model, reads a case from a
 * string, scores it and prints the budget. It also checks that the library
 * it runs with is the version its header describes. Exit 0 when all went
 * well. */
#include <stdio.h>
#include <string.h>

#include <ras.h>

static const char case_yaml[] = "client:\n"
                                "  id: C9001\n"
                                "  group: older_people\n"
                                "  assessed_on: 2025-06-02\n"
                                "answers:\n"
                                "  washing: some\n"
                                "  dressing: some\n"
                                "  toileting: none\n"
                                "  meals: most\n"
                                "  eating: none\n"
                                "  risk_at_home: low\n"
                                "  night_support: 1\n"
                                "  moving_indoors: some\n"
                                "  getting_out: most\n"
                                "  being_understood: none\n"
                                "  understanding_others: none\n"
                                "  keeping_in_touch: some\n"
                                "  loneliness: often\n"
                                "  activities: [shopping]\n"
                                "  leisure_help: some\n"
                                "  work_study: none\n"
                                "  daily_skills: none\n"
                                "  decisions: none\n"
                                "  money: some\n"
                                "  carer_help: some\n"
                                "  carer_coping: coping\n";

static int fail(const char *what, const ras_error *err)
{
    char text[1024];

    ras_error_format(err, text, sizeof text);
    fprintf(stderr, "embed: %s: %s\n", what, text);
    return 1;
}

int main(void)
{
    ras_source src = {"embedded case", case_yaml, sizeof case_yaml - 1};
    ras_model *model = NULL;
    ras_case *c = NULL;
    ras_result *r = NULL;
    ras_error err;
    char human[64], plain[64], weekly[64];
    int rc = 0;

    if (strcmp(ras_version(), RAS_VERSION_STRING) != 0 ||
        ras_version_number() != RAS_VERSION_NUMBER) {
        fprintf(stderr, "embed: header %s (%d) but library %s (%d)\n", RAS_VERSION_STRING,
                RAS_VERSION_NUMBER, ras_version(), ras_version_number());
        return 1;
    }
    printf("libras %s: version check ok\n", ras_version());
    if (ras_model_load_builtin(NULL, &model, &err) != RAS_OK)
        return fail("model", &err);
    if (ras_case_load(model, &src, &c, &err) != RAS_OK) {
        rc = fail("case", &err);
    } else if ((r = ras_result_new(model)) == NULL) {
        fputs("embed: out of memory\n", stderr);
        rc = 1;
    } else if (ras_score(model, c, r, &err) != RAS_OK) {
        rc = fail("score", &err);
    } else {
        const ras_table *t = ras_result_table(r);
        ras_money_format(ras_result_budget(r), RAS_MONEY_HUMAN, ras_table_currency(t), human,
                         sizeof human);
        ras_money_format(ras_result_budget(r), RAS_MONEY_PLAIN, NULL, plain, sizeof plain);
        ras_money_format(ras_result_weekly(r), RAS_MONEY_HUMAN, ras_table_currency(t), weekly,
                         sizeof weekly);
        printf("client %s: %lld points, scoring %s@%s\n", ras_result_client_id(r),
               (long long)ras_result_points(r), ras_table_id(t), ras_table_version(t));
        printf("indicative budget %s a year (%s), %s a week\n", human, plain, weekly);
        printf("basis %s, panel %s\n", ras_basis_name(ras_result_basis(r)),
               ras_result_panel(r) ? "yes" : "no");
    }
    ras_result_free(r);
    ras_case_free(c);
    ras_model_free(model);
    return rc;
}
