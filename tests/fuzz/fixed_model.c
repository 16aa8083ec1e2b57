/* fixed_model.c - the model the case and CSV fuzz targets score with.
 * It is kept small so each input runs fast, yet touches every rule of
 * SPEC sections 2 and 3 a case can reach. */
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

static const char table_2020[] = "scoring: fuzz-2020\n"
                                 "version: \"2020.1\"\n"
                                 "questionnaire: fuzz-saq\n"
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

static const char table_2024[] = "scoring: fuzz-2024\n"
                                 "version: \"2024.1\"\n"
                                 "questionnaire: fuzz-saq\n"
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

const ras_model *ras_fuzz_fixed_model(void)
{
    static ras_model *model; /* harness only: loaded once per process */
    if (model)
        return model;
    ras_source q = {"fuzz/questionnaire.yaml", questionnaire, sizeof questionnaire - 1};
    ras_source t[2] = {{"fuzz/scoring-2020.yaml", table_2020, sizeof table_2020 - 1},
                       {"fuzz/scoring-2024.yaml", table_2024, sizeof table_2024 - 1}};
    ras_error err;
    if (ras_model_load(&q, t, 2, &model, &err) != RAS_OK) {
        char text[1024];
        ras_error_format(&err, text, sizeof text);
        fprintf(stderr, "the fixed fuzz model does not load: %s\n", text);
        abort();
    }
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
