/* explain_text.c - the statement `ras score` prints (docs/statement.md),
 * in any of its formats: text and HTML are one content (statement.c)
 * written to a text or an HTML sink, JSON has every figure by id
 * (explain_json.c). */
#include "statement.h"

ras_status ras_result_write(const ras_model *model, const ras_case *c, const ras_result *r,
                            const ras_what_if *wi, ras_statement_format format, unsigned flags,
                            FILE *out)
{
    if (!model || !c || !r || !out || !r->table || r->model != model || c->model != model)
        return RAS_ERR_ARG;
    ras_sink sink = {NULL, out, (flags & RAS_TEXT_COLOR) != 0, 0};
    switch (format) {
    case RAS_STATEMENT_TEXT: sink.ops = &ras_text_sink; break;
    case RAS_STATEMENT_HTML: sink.ops = &ras_html_sink; break;
    case RAS_STATEMENT_JSON: ras_explain_json(model, c, r, wi, out); break;
    default: return RAS_ERR_ARG;
    }
    if (sink.ops)
        ras_statement_emit(&sink, model, c, r, wi);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}

ras_status ras_result_write_text(const ras_model *model, const ras_case *c, const ras_result *r,
                                 FILE *out, unsigned flags)
{
    return ras_result_write(model, c, r, NULL, RAS_STATEMENT_TEXT, flags, out);
}
