/* compare_svg.c - the comparison's two pictures for its HTML page
 * (docs/compare.md, "The HTML page"): a histogram of the changes in
 * percent of the old budget, and the old budget against the new for a
 * deterministic sample of the cases. Both are drawn from what ras_compare
 * kept while reading (compare.h), so their size does not grow with the
 * rows. */
#include <string.h>

#include "compare.h"
#include "html.h"
#include "svg.h"

#define LOWER "#d55e00"
#define HIGHER "#0072b2"
#define SAME "#999999"
#define MAX_BARS 40 /* of changes, besides "unchanged" and "100% or more" */

/* ---- the histogram ---------------------------------------------------- */

typedef struct bars {
    int64_t width;   /* in whole percent */
    size_t n_lower;  /* bars below 0%: [-(j+1)w, -jw) for j = n_lower-1 .. 0 */
    size_t n_higher; /* bars from 0%: [jw, (j+1)w) */
    bool top;        /* a bar for rises of 100% or more */
    uint64_t count[2 * MAX_BARS + 2];
    const char *fill[2 * MAX_BARS + 2];
    size_t n;
} bars;

/* The narrowest of 1, 2, 5... percent that draws the changes met in at
 * most MAX_BARS bars; the bars, losses first, then the unchanged, then
 * the gains. */
static void make_bars(const ras_comparison *cmp, bars *b)
{
    static const int64_t widths[] = {1, 2, 5, 10};
    int64_t lo = 0, hi = -1; /* the lowest and highest percent met */
    for (size_t k = 0; k + 1 < RAS_COMPARE_HIST; k++)
        if (cmp->hist[k]) {
            int64_t pct = (int64_t)k - 100;
            lo = pct < lo ? pct : lo;
            hi = pct > hi ? pct : hi;
        }
    memset(b, 0, sizeof *b);
    for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
        b->width = widths[i];
        b->n_lower = (size_t)((-lo + b->width - 1) / b->width);
        b->n_higher = hi >= 0 ? (size_t)(hi / b->width + 1) : 0;
        if (b->n_lower + b->n_higher <= MAX_BARS)
            break;
    }
    b->top = cmp->hist[RAS_COMPARE_HIST - 1] > 0;
    for (size_t j = b->n_lower; j-- > 0;) {
        for (int64_t p = -(int64_t)(j + 1) * b->width; p < -(int64_t)j * b->width; p++)
            b->count[b->n] += cmp->hist[p + 100];
        b->fill[b->n++] = LOWER;
    }
    b->count[b->n] = cmp->all.unchanged;
    b->fill[b->n++] = SAME;
    for (size_t j = 0; j < b->n_higher; j++) {
        for (int64_t p = (int64_t)j * b->width; p < (int64_t)(j + 1) * b->width && p < 100; p++)
            b->count[b->n] += cmp->hist[p + 100];
        b->fill[b->n++] = HIGHER;
    }
    if (b->top) {
        b->count[b->n] = cmp->hist[RAS_COMPARE_HIST - 1];
        b->fill[b->n++] = HIGHER;
    }
}

static void count_label(FILE *out, int64_t v, const void *ctx)
{
    (void)ctx;
    ras_svg_count(out, v > 0 ? (uint64_t)v : 0);
}

static void pounds_label(FILE *out, int64_t v, const void *ctx)
{
    ras_svg_pounds(out, v, ctx);
}

static void bar_label(FILE *out, double x, double y, const char *text)
{
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", x, y, text);
}

/* Labels under the bars' edges, every few bars, "0%" under the
 * unchanged bar and "100%+" under the last. */
static void bar_labels(const ras_svg_frame *f, const bars *b, double slot)
{
    FILE *out = f->out;
    size_t every = b->n > 10 ? (b->n + 9) / 10 : 1; /* at most about ten labels */
    int64_t step = (int64_t)every * b->width;
    double y = f->bottom + 18;
    char text[32];
    fputs("<g font-family=\"sans-serif\" font-size=\"12\" fill=\"#333\">\n", out);
    for (size_t j = 1; j <= b->n_lower; j++) {
        int64_t pct = -(int64_t)j * b->width;
        if (pct % step == 0) {
            snprintf(text, sizeof text, "%lld%%", (long long)pct);
            bar_label(out, f->left + slot * (double)(b->n_lower - j), y, text);
        }
    }
    bar_label(out, f->left + slot * ((double)b->n_lower + 0.5), y, "0%");
    for (size_t j = 1; j <= b->n_higher; j++) {
        int64_t pct = (int64_t)j * b->width;
        if (pct % step == 0 && (pct < 100 || !b->top)) {
            snprintf(text, sizeof text, "+%lld%%", (long long)pct);
            bar_label(out, f->left + slot * (double)(b->n_lower + 1 + j), y, text);
        }
    }
    if (b->top)
        bar_label(out, f->left + slot * ((double)b->n - 0.5), y, "100%+");
    fputs("</g>\n", out);
}

static void legend(FILE *out, double x, double y)
{
    static const char *const fill[] = {LOWER, SAME, HIGHER};
    static const char *const what[] = {"lower", "unchanged", "higher"};
    fputs("<g font-family=\"sans-serif\" font-size=\"12\" fill=\"#333\">\n", out);
    for (size_t i = 0; i < 3; i++) {
        double at = x + 110.0 * (double)i;
        fprintf(out,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n",
                at, y - 10, fill[i], at + 18, y, what[i]);
    }
    fputs("</g>\n", out);
}

void ras_compare_histogram_svg(const ras_comparison *cmp, FILE *out)
{
    bars b;
    make_bars(cmp, &b);
    uint64_t most = 0;
    for (size_t i = 0; i < b.n; i++)
        most = b.count[i] > most ? b.count[i] : most;
    ras_svg_frame f = {out, 90, 860, 70, 340, 0, 1, 0, 0, 0, 1};
    f.y_step = ras_svg_nice_step(most > 0 ? (int64_t)most : 1);
    f.y_max = ((int64_t)most / f.y_step + 1) * f.y_step;
    ras_svg_begin(out, 900, 420, "Cases by change in their budget");
    legend(out, 560, 52);
    char x_title[96];
    snprintf(x_title, sizeof x_title, "Change, in %% of the old budget (bars of %lld%%)",
             (long long)b.width);
    ras_svg_axes(&f, count_label, count_label, NULL, x_title, "Cases");
    double slot = (f.right - f.left) / (double)b.n;
    fputs("<g>\n", out);
    for (size_t i = 0; i < b.n; i++) {
        if (b.count[i] == 0)
            continue;
        double top = ras_svg_y(&f, (double)b.count[i]);
        fprintf(out,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                "<title>",
                f.left + slot * (double)i + slot * 0.075, top, slot * 0.85, f.bottom - top,
                b.fill[i]);
        ras_svg_count(out, b.count[i]);
        fputs("</title></rect>\n", out);
    }
    fputs("</g>\n", out);
    bar_labels(&f, &b, slot);
    fputs("</svg>\n", out);
}

/* ---- before against after --------------------------------------------- */

static void scatter_legend(const ras_comparison *cmp, FILE *out, double x, double y)
{
    fputs("<g font-family=\"sans-serif\" font-size=\"12\" fill=\"#333\">\n", out);
    for (size_t g = 0; g < cmp->n_groups; g++) {
        if (cmp->groups[g].cases == 0)
            continue;
        fprintf(out,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/><text x=\"%.1f\" "
                "y=\"%.1f\">",
                x + 5, y - 4, ras_svg_colour(g), x + 16, y);
        ras_html_text(out, cmp->groups[g].name);
        fputs(" (", out);
        ras_svg_count(out, cmp->groups[g].cases);
        fputs(")</text>\n", out);
        y += 20;
    }
    fprintf(out,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#777\" "
            "stroke-dasharray=\"6 4\"/><text x=\"%.1f\" y=\"%.1f\">no change</text>\n",
            x, y - 4, x + 12, y - 4, x + 16, y);
    fputs("</g>\n", out);
}

void ras_compare_scatter_svg(const ras_comparison *cmp, FILE *out)
{
    const char *cur = cmp->from->currency;
    int64_t pounds = (cmp->most_budget + 99) / 100;
    ras_svg_frame f = {out, 110, 570, 60, 520, 0, 0, 1, 0, 0, 1};
    f.x_step = f.y_step = ras_svg_nice_step(pounds > 0 ? pounds : 1000);
    f.x_max = f.y_max = (pounds / f.x_step + 1) * f.x_step;
    ras_svg_begin(out, 860, 600, "Each case's budget under the old and the new table");
    char x_title[64], y_title[64];
    snprintf(x_title, sizeof x_title, "Old table (%s a year)", cur);
    snprintf(y_title, sizeof y_title, "New table (%s a year)", cur);
    ras_svg_axes(&f, pounds_label, pounds_label, cur, x_title, y_title);
    ras_svg_clip_begin(&f);
    fprintf(out,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#777\" "
            "stroke-dasharray=\"6 4\"/>\n",
            f.left, f.bottom, f.right, f.top);
    fputs("<g fill-opacity=\"0.6\">\n", out);
    for (size_t i = 0; i < cmp->n_sample; i++) {
        const ras_compare_point *p = &cmp->sample[i];
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n",
                ras_svg_x(&f, (double)p->before / 100.0), ras_svg_y(&f, (double)p->after / 100.0),
                ras_svg_colour(p->group));
    }
    fputs("</g>\n", out);
    ras_svg_clip_end(out);
    scatter_legend(cmp, out, 600, 80);
    fputs("</svg>\n", out);
}
