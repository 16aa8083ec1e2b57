/* batch_json.c - a batch's summary as JSON (ras_batch_summary_write_json),
 * for filing with the output (docs/exports.md, "The summary"). */
#include "json.h"
#include "model.h"

static void json_count(FILE *out, const char *key, const ras_batch_count *c)
{
    fputs("    {", out);
    fprintf(out, "\"%s\": ", key);
    ras_json_string(out, c->name);
    fprintf(out, ", \"rows\": %llu, \"total\": ", (unsigned long long)c->rows);
    ras_json_money(out, c->total);
    fputs("}", out);
}

static void json_read(FILE *out, const ras_read_facts *f)
{
    const char delim[2] = {f->delimiter, '\0'};
    /* A workbook has no encoding or delimiter of its own (delimiter 0). */
    fprintf(out, ",\n  \"kind\": \"%s\"", f->delimiter ? "csv" : "workbook");
    fputs(",\n  \"encoding\": ", out);
    ras_json_string(out, ras_encoding_name(f->encoding));
    fprintf(out, ",\n  \"encoding_detected\": %s,\n  \"bom\": %s,\n  \"delimiter\": ",
            f->encoding_detected ? "true" : "false", f->bom ? "true" : "false");
    ras_json_string(out, delim);
    fprintf(out, ",\n  \"delimiter_detected\": %s,\n  \"sha256\": ",
            f->delimiter_detected ? "true" : "false");
    ras_json_string(out, f->sha256[0] ? f->sha256 : NULL);
    fprintf(out,
            ",\n  \"bytes\": %llu,\n  \"blank_rows_skipped\": %llu,\n  \"duplicate_ids\": %llu,"
            "\n  \"duplicate_check_capped\": %s,\n  \"literal_quotes\": %llu",
            (unsigned long long)f->bytes, (unsigned long long)f->blank_rows,
            (unsigned long long)f->duplicate_ids, f->ids_capped ? "true" : "false",
            (unsigned long long)f->literal_quotes);
}

ras_status ras_batch_summary_write_json(const ras_model *model, const ras_batch_summary *s,
                                        const char *in_name, unsigned long stopped_at, FILE *out)
{
    if (!model || !s || !out)
        return RAS_ERR_ARG;
    fputs("{\n  \"input\": ", out);
    ras_json_string(out, in_name);
    json_read(out, &s->read);
    fprintf(out,
            ",\n  \"rows\": %llu,\n  \"ok\": %llu,\n  \"errors\": %llu,\n  \"panel\": %llu,\n"
            "  \"total_budget\": ",
            (unsigned long long)s->rows, (unsigned long long)s->ok, (unsigned long long)s->errors,
            (unsigned long long)s->panel);
    ras_json_money(out, s->total);
    /* Saturated: the total (and any basis or group total at the same
     * figure) is a floor, "more than", and there is no mean. */
    fprintf(out, ",\n  \"total_saturated\": %s", s->total_saturated ? "true" : "false");
    fputs(",\n  \"mean_budget\": ", out);
    ras_json_money(out, ras_batch_mean(s));
    if (stopped_at)
        fprintf(out, ",\n  \"stopped_at_line\": %lu", stopped_at);
    fputs(",\n  \"by_basis\": [\n", out);
    for (size_t i = 0; i < 3; i++) {
        json_count(out, "basis", &s->by_basis[i]);
        fputs(i < 2 ? ",\n" : "\n  ]", out);
    }
    fputs(",\n  \"by_group\": [", out);
    for (size_t i = 0; i < s->n_groups && i < RAS_BATCH_GROUPS; i++) {
        fputs(i ? ",\n" : "\n", out);
        json_count(out, "group", &s->by_group[i]);
    }
    fputs(s->n_groups ? "\n  ],\n  \"error_reasons\": [" : "],\n  \"error_reasons\": [", out);
    for (size_t i = 0; i < s->n_reasons && i < RAS_BATCH_REASONS; i++) {
        fputs(i ? ",\n    {\"reason\": " : "\n    {\"reason\": ", out);
        ras_json_string(out, s->reasons[i].reason);
        fprintf(out, ", \"rows\": %llu}", (unsigned long long)s->reasons[i].rows);
    }
    fprintf(out, "%s,\n  \"other_error_rows\": %llu,\n  \"questionnaire\": {",
            s->n_reasons ? "\n  ]" : "]", (unsigned long long)s->other_reasons);
    ras_json_source(out, "id", model->id, model->version, true, model->file, model->fingerprint);
    fputs("},\n  \"tables\": [", out);
    for (size_t i = 0; i < s->n_tables_used && i < RAS_MAX_TABLES; i++) {
        const ras_table *t = s->tables_used[i].table;
        fputs(i ? ",\n    {" : "\n    {", out);
        ras_json_source(out, "scoring", t->id, t->version, true, t->file, t->fingerprint);
        fprintf(out, ", \"rows\": %llu}", (unsigned long long)s->tables_used[i].rows);
    }
    fputs(s->n_tables_used ? "\n  ]\n}\n" : "]\n}\n", out);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}
