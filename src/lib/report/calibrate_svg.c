/* calibrate_svg.c - the calibration as a picture: each client a point
 * (total points against current cost), each group's cost-neutral line
 * (dashed) and the latest table's pricing curve (solid), with axes,
 * ticks, labels, a title and a legend. Coordinates are doubles (drawing,
 * not money); every amount shown as text comes from whole pence. */
#include "calibrate.h"
#include "html.h"
#include "num.h"
#include "svg.h"

#define W 900.0
#define H 540.0
#define LEFT 100.0
#define RIGHT 640.0 /* the plot's right edge; the legend is beyond */
#define TOP 60.0
#define BOTTOM 470.0

/* The frame's axes run over whole points across and whole pounds up. */
typedef struct plot {
    ras_svg_frame f;
    FILE *out;
    const ras_calibration *cal;
} plot;

static double px(const plot *p, double points)
{
    return ras_svg_x(&p->f, points);
}

static double py(const plot *p, double pence)
{
    return ras_svg_y(&p->f, pence / 100.0);
}

static bool shown(const ras_calibration *cal, size_t g)
{
    return cal->groups[g].cases > 0;
}

/* The greatest amount the picture must reach, in pence. */
static ras_pence top_amount(const plot *p)
{
    const ras_calibration *cal = p->cal;
    int64_t pts;
    ras_pence top;
    ras_cal_extent(cal, &pts, &top);
    for (size_t g = 0; g + 1 < cal->n_groups; g++) {
        if (!shown(cal, g))
            continue;
        ras_pence a;
        if (ras_table_amount(cal->latest, g, p->f.x_max, &a) == RAS_OK && a > top)
            top = a;
        ras_pence line;
        if (cal->groups[g].repriced &&
            ras_mul_i64(cal->groups[g].neutral_price, p->f.x_max, &line) && line > top)
            top = line;
    }
    return top;
}

static void set_scales(plot *p)
{
    int64_t pts;
    ras_pence cost;
    ras_cal_extent(p->cal, &pts, &cost);
    p->f.x_step = ras_svg_nice_step(pts > 0 ? pts : 10);
    p->f.x_max = (pts / p->f.x_step + 1) * p->f.x_step;
    int64_t pounds = (top_amount(p) + 99) / 100;
    p->f.y_step = ras_svg_nice_step(pounds > 0 ? pounds : 1000);
    p->f.y_max = (pounds / p->f.y_step + 1) * p->f.y_step;
}

static void points_label(FILE *out, int64_t v, const void *ctx)
{
    (void)ctx;
    fprintf(out, "%lld", (long long)v);
}

static void pounds_label(FILE *out, int64_t v, const void *ctx)
{
    ras_svg_pounds(out, v, ctx);
}

static void axes(const plot *p)
{
    const char *cur = p->cal->latest->currency;
    char y_title[64];
    snprintf(y_title, sizeof y_title, "Current cost a year (%s)", cur);
    ras_svg_axes(&p->f, points_label, pounds_label, cur, "Total points", y_title);
}

static void cases(const plot *p)
{
    FILE *out = p->out;
    const ras_calibration *cal = p->cal;
    fputs("<g fill-opacity=\"0.75\" stroke=\"#fff\" stroke-width=\"0.5\">\n", out);
    for (size_t i = 0; i < cal->n_cases; i++) {
        const ras_cal_case *k = &cal->cases[i];
        char amount[48];
        ras_money_format(k->cost, RAS_MONEY_HUMAN, cal->latest->currency, amount, sizeof amount);
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>",
                px(p, (double)k->points), py(p, (double)k->cost), ras_svg_colour(k->group));
        ras_html_text(out, cal->ids + k->id_offset);
        fprintf(out, ": %lld points, %s</title></circle>\n", (long long)k->points, amount);
    }
    fputs("</g>\n", out);
}

/* The latest table's price at every whole point (at most about 600 of
 * them). Steps are drawn as steps; bands, being linear between whole
 * points, as straight lines, except for the jump at the threshold. */
static void curve(const plot *p, size_t g)
{
    FILE *out = p->out;
    const ras_table *t = p->cal->latest;
    bool steps = ras_table_group_uses_steps(t, g);
    int64_t stride = p->f.x_max / 600 + 1;
    fprintf(out, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2\" d=\"", ras_svg_colour(g));
    for (int64_t x = 0; x <= p->f.x_max; x += stride) {
        ras_pence a = 0;
        ras_table_amount(t, g, x, &a);
        if (x == 0)
            fprintf(out, "M%.1f %.1f", px(p, 0), py(p, (double)a));
        else if (steps || (x >= ras_table_threshold(t) && x - stride < ras_table_threshold(t)))
            fprintf(out, "H%.1fV%.1f", px(p, (double)x), py(p, (double)a));
        else
            fprintf(out, "L%.1f %.1f", px(p, (double)x), py(p, (double)a));
    }
    if (steps)
        fprintf(out, "H%.1f", px(p, (double)p->f.x_max));
    fputs("\"/>\n", out);
}

static void neutral_line(const plot *p, size_t g)
{
    const ras_calibration_group *s = &p->cal->groups[g];
    fprintf(p->out,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
            "stroke-width=\"2\" stroke-dasharray=\"7 4\"/>\n",
            px(p, 0), py(p, 0), px(p, (double)p->f.x_max),
            py(p, (double)s->neutral_price * (double)p->f.x_max), ras_svg_colour(g));
}

static void legend(const plot *p)
{
    FILE *out = p->out;
    const ras_calibration *cal = p->cal;
    double x = RIGHT + 20, y = TOP + 10;
    fputs("<g font-family=\"sans-serif\" font-size=\"12\" fill=\"#333\">\n", out);
    for (size_t g = 0; g + 1 < cal->n_groups; g++) {
        if (!shown(cal, g))
            continue;
        const ras_calibration_group *s = &cal->groups[g];
        const char *c = ras_svg_colour(g);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\">", x, y);
        ras_html_text(out, s->name);
        fprintf(out, " (%llu)</text>\n", (unsigned long long)s->cases);
        fprintf(out,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>"
                "<text x=\"%.1f\" y=\"%.1f\">client</text>\n",
                x + 12, y + 14, c, x + 30, y + 18);
        fprintf(out,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                "stroke-width=\"2\"/><text x=\"%.1f\" y=\"%.1f\">current table</text>\n",
                x, y + 30, x + 24, y + 30, c, x + 30, y + 34);
        if (s->repriced) {
            char price[48];
            ras_money_format(s->neutral_price, RAS_MONEY_HUMAN, cal->latest->currency, price,
                             sizeof price);
            fprintf(out,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    "stroke-width=\"2\" stroke-dasharray=\"7 4\"/>"
                    "<text x=\"%.1f\" y=\"%.1f\">cost neutral, %s/pt</text>\n",
                    x, y + 46, x + 24, y + 46, c, x + 30, y + 50, price);
        }
        y += 70;
    }
    fputs("</g>\n", out);
}

ras_status ras_calibration_write_svg(const ras_calibration *cal, FILE *out)
{
    if (!cal || !out || !cal->keeps_cases) /* each case a dot: RAS_CALIBRATE_PLOT */
        return RAS_ERR_ARG;
    plot p = {{out, LEFT, RIGHT, TOP, BOTTOM, 0, 0, 1, 0, 0, 1}, out, cal};
    set_scales(&p);
    const ras_table *t = cal->latest;
    char title[2 * RAS_MAX_ID + 64];
    snprintf(title, sizeof title, "Current cost against points, priced by %s@%s", t->id,
             t->version);
    ras_svg_begin(out, W, H, title);
    axes(&p);
    ras_svg_clip_begin(&p.f);
    for (size_t g = 0; g + 1 < cal->n_groups; g++)
        if (shown(cal, g))
            curve(&p, g);
    for (size_t g = 0; g + 1 < cal->n_groups; g++)
        if (shown(cal, g) && cal->groups[g].repriced)
            neutral_line(&p, g);
    cases(&p);
    ras_svg_clip_end(out);
    legend(&p);
    fputs("</svg>\n", out);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}
