/* audit_json.c - the audit summary as JSON, for filing with the audit. */
#include "json.h"
#include "model.h"

static void json_table(FILE *out, const ras_table *t, uint64_t rows, bool latest)
{
    fputs("    {", out);
    ras_json_source(out, "scoring", t->id, t->version, true, t->file, t->fingerprint);
    fprintf(out, ", \"rows\": %llu, \"table\": \"%s\"}", (unsigned long long)rows,
            latest ? "current" : "older");
}

ras_status ras_audit_summary_write_json(const ras_model *model, const ras_audit_summary *s,
                                        const char *in_name, ras_pence tolerance, FILE *out)
{
    if (!model || !s || !out)
        return RAS_ERR_ARG;
    const ras_table *latest = ras_model_table_on(model, 0);
    fputs("{\n  \"input\": ", out);
    ras_json_string(out, in_name);
    fprintf(out,
            ",\n  \"rows\": %llu,\n  \"consistent\": %llu,\n  \"different\": %llu,\n"
            "  \"errors\": %llu,\n  \"older_table_rows\": %llu,\n  \"total_difference\": ",
            (unsigned long long)s->rows, (unsigned long long)s->consistent,
            (unsigned long long)s->different, (unsigned long long)s->errors,
            (unsigned long long)s->older);
    ras_json_money(out, s->total_difference);
    fputs(",\n  \"tolerance\": ", out);
    ras_json_money(out, tolerance);
    fputs(",\n  \"questionnaire\": {", out);
    ras_json_source(out, "id", model->id, model->version, true, model->file, model->fingerprint);
    fputs("},\n  \"tables\": [", out);
    for (size_t i = 0; i < s->n_tables_used && i < RAS_MAX_TABLES; i++) {
        fputs(i ? ",\n" : "\n", out);
        json_table(out, s->tables_used[i].table, s->tables_used[i].rows,
                   s->tables_used[i].table == latest);
    }
    fputs(s->n_tables_used ? "\n  ]\n}\n" : "]\n}\n", out);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}
