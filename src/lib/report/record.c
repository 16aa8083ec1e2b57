/* record.c - the record block at the head of a report (record.h). */
#include "record.h"

#include <time.h>

#include "json.h"
#include "model.h"

void ras_record_time(int64_t when, bool iso, char buf[32])
{
    time_t t = (time_t)when;
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL) {
        snprintf(buf, 32, "%s", "unknown");
        return;
    }
    strftime(buf, 32, iso ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d %H:%M:%S UTC", &tm);
}

static void text_file(FILE *out, const char *what, const char *id, const char *version,
                      const char *file, const char *sha)
{
    fprintf(out, "  %-14s %s@%s, %s\n  %-14s sha256 %s\n", what, id, version, file, "", sha);
}

void ras_record_text(FILE *out, const char *title, const ras_model *m, const ras_run_info *run,
                     const char *in_name, const char *in_sha256)
{
    char when[32];
    fprintf(out, "%s\n", title);
    if (run) {
        ras_record_time(run->started, false, when);
        fprintf(out, "  %-14s %s\n", "run", when);
    }
    fprintf(out, "  %-14s %s\n", "ras version", ras_version());
    if (run && run->command)
        fprintf(out, "  %-14s %s\n", "command", run->command);
    /* Every questionnaire version, the latest first, each with the
     * tables that price it (docs/model-format.md section 4). */
    for (size_t v = ras_model_questionnaire_count(m); v-- > 0;) {
        const ras_model *q = m->n_versions ? m->versions[v] : m;
        text_file(out, "questionnaire", q->id, q->version, q->file, q->fingerprint);
        for (size_t i = 0; i < q->n_tables; i++) {
            const ras_table *t = &q->tables[i];
            text_file(out, "scoring", t->id, t->version, t->file, t->fingerprint);
        }
    }
    fprintf(out, "  %-14s %s\n", "input", in_name);
    fprintf(out, "  %-14s sha256 %s\n", "", in_sha256[0] ? in_sha256 : "(not known)");
}

void ras_record_json(FILE *out, const char *report, const ras_model *m, const ras_run_info *run,
                     const char *in_name, const char *in_sha256)
{
    char when[32];
    fputs("  \"record\": {\n    \"report\": ", out);
    ras_json_string(out, report);
    fputs(",\n    \"run_at\": ", out);
    if (run) {
        ras_record_time(run->started, true, when);
        ras_json_string(out, when);
    } else {
        fputs("null", out);
    }
    fputs(", \"ras_version\": ", out);
    ras_json_string(out, ras_version());
    fputs(",\n    \"command\": ", out);
    ras_json_string(out, run ? run->command : NULL);
    fputs(",\n    \"questionnaire\": {", out);
    ras_json_source(out, "id", m->id, m->version, true, m->file, m->fingerprint);
    fputs("},\n", out);
    if (m->n_versions) { /* the older versions, newest first */
        fputs("    \"older_questionnaires\": [", out);
        for (size_t v = m->n_versions - 1; v-- > 0;) {
            const ras_model *q = m->versions[v];
            fputs(v + 2 < m->n_versions ? ",\n      {" : "\n      {", out);
            ras_json_source(out, "id", q->id, q->version, true, q->file, q->fingerprint);
            fputs("}", out);
        }
        fputs("\n    ],\n", out);
    }
    /* Every version's tables, the oldest first. */
    fputs("    \"scoring_tables\": [", out);
    for (size_t i = 0; i < m->n_all_tables; i++) {
        const ras_table *t = ras_model_all_table(m, i);
        fputs(i ? ",\n      {" : "\n      {", out);
        ras_json_source(out, "id", t->id, t->version, true, t->file, t->fingerprint);
        fputs("}", out);
    }
    fputs("\n    ],\n    \"input\": {\"file\": ", out);
    ras_json_string(out, in_name);
    fputs(", \"sha256\": ", out);
    ras_json_string(out, in_sha256[0] ? in_sha256 : NULL);
    fputs("}\n  },\n", out);
}
