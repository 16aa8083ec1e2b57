/* result.h - the private layout of a scoring result: every step of
 * docs/scoring.md as the scorer worked it, kept so the explanation can show it
 * line by line. A result is sized for its model once (ras_result_new) and
 * reused for many cases, so scoring never allocates. */
#ifndef RAS_RESULT_H
#define RAS_RESULT_H

#include "case.h"
#include "model.h"
#include "ras.h"

/* One chosen answer that carries an adjust. */
typedef struct ras_adjustment {
    const ras_question *question;
    size_t answer;  /* index among the question's answers */
    int32_t adjust; /* hundredths of a percent */
} ras_adjustment;

/* The fields are ordered by size (8-byte, 4-byte, bytes) so the struct
 * carries no padding to speak of; the comments give each one's step. */
struct ras_result {
    const ras_model *model;
    const ras_table *table; /* NULL until a case has been scored */
    /* The group's name as the table spells it (owned by the model), or
     * "default" when nothing is scored: a pointer, so scoring copies no
     * text per case. */
    const char *group;
    size_t group_index;

    /* steps 1 to 4 */
    int64_t *question_points; /* per question */
    int64_t *domain_raw;      /* per domain, before its cap */
    int64_t *domain_points;   /* per domain, after its cap */
    int64_t total;

    /* step 5 (left empty below the threshold) */
    ras_price_line *lines;
    size_t n_lines, lines_cap; /* lines_cap: the most bands of any group */
    ras_pence priced;

    /* step 6: every chosen answer with an adjust, in question order */
    ras_adjustment *adjustments;
    size_t n_adjustments; /* at most model->n_answers */
    ras_pence adjusted;

    /* steps 7 to 11 */
    ras_pence rounded;
    ras_pence ras_amount;
    ras_pence budget;
    ras_pence weekly;

    int32_t adjust_total; /* step 6 */
    int clamped;          /* step 8: -1 floor, +1 ceiling, 0 neither */
    ras_basis basis;      /* step 9 */

    /* true (the default): keep every working detail the explanation shows.
     * false: a batch that prints only the figures; the list of
     * adjustments and the price lines are left empty (the sum and the
     * price are still applied) and the per-question points are not
     * copied (the domain sums are kept). */
    bool details;
    bool eligible;       /* step 4 */
    bool adjust_limited; /* step 6 */
    bool panel;          /* step 10 */
    char client_id[RAS_MAX_CLIENT_ID + 1];
};

/* Sets every figure of r back to "nothing scored", keeping its memory. */
void ras_result_reset(ras_result *r);

/* The same for the single figures only, not the per-question and
 * per-domain arrays: for a scorer about to write every one of those. */
void ras_result_reset_figures(ras_result *r);

/* Whether r keeps the working details (see ras_result.details). */
void ras_result_keep_details(ras_result *r, bool keep);

/* ras_score with the table given instead of the one the case's date picks
 * (ras compare prices every case under two tables). The table may belong
 * to another model loaded from the same questionnaire: its groups and
 * settings are all the pricing reads. RAS_ERR_ARG when the table names
 * another questionnaire. */
ras_status ras_score_with_table(const ras_model *model, const ras_case *c, const ras_table *table,
                                ras_result *r, ras_error *err);

#endif
