/* fuzz.h - what the fuzz targets share: the libFuzzer entry point (also
 * called by replay.c, the driver that runs saved inputs without
 * libFuzzer), the fixed model the case and CSV targets score with, and
 * the check of a case's running totals. */
#ifndef RAS_FUZZ_H
#define RAS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "case.h"
#include "model.h"
#include "ras.h"

/* One input: never crashes, leaks or aborts unless the library breaks a
 * promise of ras.h or docs/. Always returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A small valid model using every feature (single, multiple and number
 * questions, caps, adjusts, two dated tables, bands and steps), loaded on
 * first use and kept for the life of the process. Aborts if it does not
 * load: then the harness itself is broken. */
const ras_model *ras_fuzz_fixed_model(void);

/* The fixed model's question ids with answers of one letter or digit,
 * which the batch's row loader sets inline (fuzz_csv.c). */
const ras_model *ras_fuzz_letters_model(void);

/* A stream that swallows output, opened once. Aborts if it cannot. */
FILE *ras_fuzz_null_stream(void);

/* Stops the process with a message when a promise is broken; the fuzzer
 * keeps the input that got there. */
#define RAS_FUZZ_CHECK(cond)                                                                       \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* The running totals of a case (case.h) are what its answers add up to:
 * each domain's points and the adjust sum equal the sum of
 * ras_case_share over its questions, and an unanswered multiple question
 * has nothing chosen. what names the step for the message. Scoring
 * trusts the totals, so a setter that forgets to take a share off or put
 * it back changes budgets silently: this is the check that shows it. */
static inline void ras_fuzz_check_totals(const ras_case *c, const char *what)
{
    const ras_model *m = c->model;
    int64_t adjust = 0;
    for (size_t d = 0; d < m->n_domains; d++) {
        const ras_domain *dom = &m->domains[d];
        int64_t points = 0;
        for (size_t k = 0; k < dom->n_questions; k++) {
            const ras_question *q = &dom->questions[k];
            RAS_FUZZ_CHECK(q->domain == d && &m->questions[q->index] == q);
            int64_t p, a;
            ras_case_share(c, q, &p, &a);
            points += p;
            adjust += a;
            if (q->type == RAS_MULTIPLE && !c->answered[q->index])
                for (size_t i = 0; i < q->n_answers; i++)
                    RAS_FUZZ_CHECK(c->chosen[q->first_answer + i] == 0);
        }
        if (c->domain_points[d] != points) {
            fprintf(stderr, "%s: domain '%s' totals %lld points, its answers %lld\n", what, dom->id,
                    (long long)c->domain_points[d], (long long)points);
            abort();
        }
    }
    if (c->adjust_total != adjust) {
        fprintf(stderr, "%s: the adjust total is %lld, the answers' %lld\n", what,
                (long long)c->adjust_total, (long long)adjust);
        abort();
    }
}

#endif
