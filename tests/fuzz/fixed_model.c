/* fixed_model.c - the model the case and CSV fuzz targets score with.
 * It is kept small so each input runs fast, yet touches every rule of
 * docs/model-format.md and docs/scoring.md a case can reach. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static const char questionnaire[] =
    "questionnaire: fuzz-saq\n"
    "version: \"1.0\"\n"
    "title: Fuzzing questionnaire\n"
    "domains:\n"
    "  - id: care\n"
    "    title: Care\n"
    "    cap: 12\n"
    "    questions:\n"
    "      - id: washing\n"
    "        text: How much help do you need to wash?\n"
    "        help: A typical week.\n"
    "        answers:\n"
    "          - {id: none, text: No help, points: 0}\n"
    "          - {id: some, text: Some help, points: 4}\n"
    "          - {id: all, text: All the time, points: 8}\n"
    "      - id: nights\n"
    "        type: number\n"
    "        text: How many nights a week?\n"
    "        min: 0\n"
    "        max: 7\n"
    "        points_per_unit: 3\n"
    "  - id: life\n"
    "    title: Daily life\n"
    "    questions:\n"
    "      - id: activities\n"
    "        type: multiple\n"
    "        required: false\n"
    "        text: Which activities need help?\n"
    "        answers:\n"
    "          - {id: shopping, text: Shopping, points: 2}\n"
    "          - {id: sport, text: Sport, points: 3, adjust: 5.5%}\n"
    "          - {id: faith, text: Faith, points: 1}\n"
    "      - id: carer\n"
    "        text: How much do family give?\n"
    "        answers:\n"
    "          - {id: none, text: None, points: 0}\n"
    "          - {id: some, text: Some, points: 0, adjust: -10%}\n"
    "          - {id: most, text: Most, points: 0, adjust: -60%}\n"
    "      - id: extra\n"
    "        required: false\n"
    "        text: Anything else?\n"
    "        answers:\n"
    "          - {id: a, text: A, points: 1, adjust: -50.25%}\n";

/* The fixed model's question ids, with answers the row loader's plans
 * take inline: one letter or digit, a multiple question with more
 * answers than a plan has slots (RAS_PLAN_SLOTS), ids of one and two
 * bytes side by side, adjusts on single and multiple answers. Nothing is
 * required, so most rows score. */
static const char letters_questionnaire[] =
    "questionnaire: fuzz-letters\n"
    "version: \"1.0\"\n"
    "title: Fuzzing questionnaire, one-letter answers\n"
    "domains:\n"
    "  - id: care\n"
    "    title: Care\n"
    "    cap: 20\n"
    "    questions:\n"
    "      - id: washing\n"
    "        required: false\n"
    "        text: Washing?\n"
    "        answers:\n"
    "          - {id: a, text: A, points: 0}\n"
    "          - {id: b, text: B, points: 4}\n"
    "          - {id: c, text: C, points: 8, adjust: 12.5%}\n"
    "          - {id: ab, text: AB, points: 5}\n"
    "          - {id: \"0\", text: Zero, points: 2}\n"
    "          - {id: z, text: Z, points: 1, adjust: -3%}\n"
    "      - id: nights\n"
    "        type: number\n"
    "        required: false\n"
    "        text: Nights?\n"
    "        min: 2\n"
    "        max: 12\n"
    "        points_per_unit: 5\n"
    "  - id: life\n"
    "    title: Daily life\n"
    "    questions:\n"
    "      - id: activities\n"
    "        type: multiple\n"
    "        required: false\n"
    "        text: Activities?\n"
    "        answers:\n"
    "          - {id: a, text: A, points: 1}\n"
    "          - {id: b, text: B, points: 2}\n"
    "          - {id: c, text: C, points: 3, adjust: 5%}\n"
    "          - {id: d, text: D, points: 0}\n"
    "          - {id: e, text: E, points: 7}\n"
    "          - {id: f, text: F, points: 1, adjust: -2.5%}\n"
    "          - {id: g, text: G, points: 2}\n"
    "          - {id: h, text: H, points: 4}\n"
    "          - {id: i, text: I, points: 1}\n"
    "          - {id: j, text: J, points: 6, adjust: 0.01%}\n"
    "          - {id: k, text: K, points: 1}\n"
    "          - {id: l, text: L, points: 2}\n"
    "          - {id: m, text: M, points: 3}\n"
    "          - {id: n, text: N, points: 1}\n"
    "          - {id: o, text: O, points: 5}\n"
    "          - {id: p, text: P, points: 1, adjust: -1%}\n"
    "          - {id: q, text: Q, points: 9, adjust: 4%}\n"
    "          - {id: r, text: R, points: 2}\n"
    "      - id: carer\n"
    "        required: false\n"
    "        text: Family?\n"
    "        answers:\n"
    "          - {id: a, text: None, points: 0, adjust: -10%}\n"
    "          - {id: b, text: Most, points: 0, adjust: -60%}\n"
    "          - {id: aa, text: AA, points: 1}\n"
    "          - {id: b_, text: B, points: 2}\n"
    "      - id: extra\n"
    "        type: multiple\n"
    "        required: false\n"
    "        text: Anything else?\n"
    "        answers:\n"
    "          - {id: x, text: X, points: 1, adjust: -50.25%}\n"
    "          - {id: y, text: Y, points: 2, adjust: 5.5%}\n"
    "          - {id: xy, text: XY, points: 3}\n"
    "          - {id: \"-\", text: Dash, points: 1}\n"
    "          - {id: _, text: Underscore, points: 4, adjust: 1%}\n";

/* The two scoring tables, for either questionnaire: the first %s is the
 * tables' id prefix, the second the questionnaire's id. */
static const char table_2020[] = "scoring: %s-2020\n"
                                 "version: \"2020.1\"\n"
                                 "questionnaire: %s\n"
                                 "effective_from: 2020-04-01\n"
                                 "threshold: 3\n"
                                 "rounding: pound\n"
                                 "floor: 100\n"
                                 "ceiling: 9000\n"
                                 "panel_threshold: 5000\n"
                                 "existing_package: keep\n"
                                 "groups:\n"
                                 "  default:\n"
                                 "    bands:\n"
                                 "      - {from: 0, rate: 150.55}\n"
                                 "      - {from: 10, rate: 110.00}\n"
                                 "  older_people:\n"
                                 "    steps:\n"
                                 "      - {from: 0, amount: 0}\n"
                                 "      - {from: 5, amount: 2600.00}\n"
                                 "      - {from: 15, amount: 6500.00}\n";

static const char table_2024[] = "scoring: %s-2024\n"
                                 "version: \"2024.1\"\n"
                                 "questionnaire: %s\n"
                                 "effective_from: 2024-02-29\n"
                                 "currency: EUR\n"
                                 "weeks_per_year: 53\n"
                                 "existing_package: ignore\n"
                                 "groups:\n"
                                 "  default:\n"
                                 "    bands:\n"
                                 "      - {from: 0, rate: 200.01}\n"
                                 "      - {from: 7, rate: 0.99}\n"
                                 "      - {from: 20, rate: 0}\n"
                                 "  mental_health:\n"
                                 "    steps:\n"
                                 "      - {from: 0, amount: 10.50}\n"
                                 "      - {from: 9, amount: 10.50}\n";

/* Loads a questionnaire with the two tables above; aborts if it does not
 * load (the harness is wrong, not the input). */
static ras_model *load(const char *name, const char *questionnaire_text, const char *prefix,
                       const char *id)
{
    char t2020[sizeof table_2020 + 2 * RAS_MAX_ID], t2024[sizeof table_2024 + 2 * RAS_MAX_ID];
    int n2020 = snprintf(t2020, sizeof t2020, table_2020, prefix, id);
    int n2024 = snprintf(t2024, sizeof t2024, table_2024, prefix, id);
    RAS_FUZZ_CHECK(n2020 > 0 && (size_t)n2020 < sizeof t2020);
    RAS_FUZZ_CHECK(n2024 > 0 && (size_t)n2024 < sizeof t2024);
    ras_source q = {name, questionnaire_text, strlen(questionnaire_text)};
    ras_source t[2] = {{"fuzz/scoring-2020.yaml", t2020, (size_t)n2020},
                       {"fuzz/scoring-2024.yaml", t2024, (size_t)n2024}};
    ras_model *model = NULL;
    ras_error err;
    if (ras_model_load(&q, t, 2, &model, &err) != RAS_OK) {
        char text[1024];
        ras_error_format(&err, text, sizeof text);
        fprintf(stderr, "the fuzz model %s does not load: %s\n", name, text);
        abort();
    }
    return model;
}

const ras_model *ras_fuzz_fixed_model(void)
{
    static ras_model *model; /* harness only: loaded once per process */
    if (!model)
        model = load("fuzz/questionnaire.yaml", questionnaire, "fuzz", "fuzz-saq");
    return model;
}

const ras_model *ras_fuzz_letters_model(void)
{
    static ras_model *model; /* harness only: loaded once per process */
    if (!model)
        model = load("fuzz/letters.yaml", letters_questionnaire, "letters", "fuzz-letters");
    return model;
}

FILE *ras_fuzz_null_stream(void)
{
    static FILE *null; /* harness only: opened once per process */
    if (!null)
        null = fopen("/dev/null", "w");
    RAS_FUZZ_CHECK(null != NULL);
    return null;
}
