/* statement_words.c - the words the statement is made of that do not
 * depend on where it is written: why the basis, the council's texts or
 * ras's plain defaults (docs/statement.md), amounts for a sentence, the
 * first sentence. */
#include <string.h>

#include "statement.h"

ras_basis_reason ras_statement_reason(const ras_case *c, const ras_result *r)
{
    if (r->basis == RAS_BASIS_EXISTING_PACKAGE)
        return RAS_REASON_EXISTING_PACKAGE_KEPT;
    if (r->basis == RAS_BASIS_BELOW_THRESHOLD)
        return RAS_REASON_BELOW_THRESHOLD;
    if (!r->table->keep_existing)
        return RAS_REASON_TABLE_IGNORES_EXISTING;
    if (c->new_client)
        return RAS_REASON_NEW_CLIENT;
    if (c->needs_increased)
        return RAS_REASON_NEEDS_INCREASED;
    return RAS_REASON_NO_EXISTING_PACKAGE;
}

const char *ras_basis_reason_code(ras_basis_reason reason)
{
    switch (reason) {
    case RAS_REASON_NEW_CLIENT: return "new_client";
    case RAS_REASON_NEEDS_INCREASED: return "needs_increased";
    case RAS_REASON_NO_EXISTING_PACKAGE: return "no_existing_package";
    case RAS_REASON_TABLE_IGNORES_EXISTING: return "table_ignores_existing";
    case RAS_REASON_EXISTING_PACKAGE_KEPT: return "existing_package_kept";
    case RAS_REASON_BELOW_THRESHOLD: return "below_threshold";
    }
    return "new_client";
}

/* ras's words where the table gives none (docs/statement.md lists them). */
static const char *const default_words[RAS_STATEMENT_PART_COUNT] = {
    [RAS_STATEMENT_PURPOSE] = "A personal budget is the money the council expects to spend on "
                              "the care and support you need. This figure is indicative: it is "
                              "where planning your support starts, not a final amount.",
    [RAS_STATEMENT_NEXT_RAS] = "Your social worker will plan your support with you, using this "
                               "budget as a guide. The budget is confirmed when your support "
                               "plan is agreed.",
    [RAS_STATEMENT_NEXT_EXISTING_PACKAGE] = "Your support carries on as it is now. If your "
                                            "needs change, you can ask for a new assessment.",
    [RAS_STATEMENT_NEXT_BELOW_THRESHOLD] =
        "Your social worker will tell you about other help, such as information, advice and "
        "services near you. If your needs change, you can ask for a new assessment.",
    [RAS_STATEMENT_PANEL] = "The panel checks that the support planned is safe and right for "
                            "you. Your social worker will tell you what it decides.",
};

const char *ras_statement_words(const ras_table *t, ras_statement_part part)
{
    if ((unsigned)part >= RAS_STATEMENT_PART_COUNT)
        return NULL;
    const char *own = t->statement.text[part];
    return own ? own : default_words[part];
}

const char *ras_statement_group_title(const ras_result *r)
{
    const char *title = ras_table_group_title(r->table, r->group_index);
    return title ? title : r->table->groups[r->group_index].name;
}

void ras_statement_money(ras_pence amount, const char *currency, char buf[64])
{
    ras_money_format(amount, RAS_MONEY_HUMAN, currency, buf, 64);
    size_t n = strlen(buf);
    if (amount % 100 == 0 && n > 3 && strcmp(buf + n - 3, ".00") == 0)
        buf[n - 3] = '\0';
}

void ras_statement_lead(const ras_result *r, char *buf, size_t size)
{
    char year[64], week[64];
    if (r->basis == RAS_BASIS_BELOW_THRESHOLD) {
        snprintf(buf, size,
                 "You do not have an indicative personal budget: your answers come to %lld "
                 "point%s, and a personal budget starts at %lld points.",
                 (long long)r->total, r->total == 1 ? "" : "s", (long long)r->table->threshold);
        return;
    }
    ras_statement_money(r->budget, r->table->currency, year);
    ras_money_format(r->weekly, RAS_MONEY_HUMAN, r->table->currency, week, sizeof week);
    snprintf(buf, size, "Your indicative personal budget is %s a year (%s a week).", year, week);
}
