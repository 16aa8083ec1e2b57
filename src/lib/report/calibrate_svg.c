/* calibrate_svg.c - the calibration as a picture: each client a point
 * (total points against current cost), each group's cost-neutral line
 * (dashed) and the latest table's pricing curve (solid), with axes,
 * ticks, labels, a title and a legend. Coordinates are doubles (drawing,
 * not money); every amount shown as text comes from whole pence. */
#include <string.h>

#include "calibrate.h"
#include "num.h"

#define W 900.0
#define H 540.0
#define LEFT 100.0
#define RIGHT 640.0 /* the plot's right edge; the legend is beyond */
#define TOP 60.0
#define BOTTOM 470.0
#define TICKS 5

static const char *const colours[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                      "#e69f00", "#56b4e9", "#000000"};
#define N_COLOURS (sizeof colours / sizeof colours[0])

typedef struct plot {
    FILE *out;
    const ras_calibration *cal;
    int64_t x_max; /* points at the right edge */
    int64_t y_max; /* whole pounds at the top */
    int64_t x_step, y_step;
} plot;

/* A tick spacing of 1, 2 or 5 times a power of ten giving about TICKS
 * ticks up to max. */
static int64_t nice_step(int64_t max)
{
    int64_t raw = max / TICKS > 0 ? max / TICKS : 1;
    int64_t p = 1;
    while (p <= raw / 10)
        p *= 10;
    if (raw <= p)
        return p;
    if (raw <= 2 * p)
        return 2 * p;
    if (raw <= 5 * p)
        return 5 * p;
    return 10 * p;
}

static double px(const plot *p, double points)
{
    return LEFT + (RIGHT - LEFT) * points / (double)p->x_max;
}

static double py(const plot *p, double pence)
{
    return BOTTOM - (BOTTOM - TOP) * pence / (100.0 * (double)p->y_max);
}

static void xml_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(*s, out);
        }
    }
}

/* Whole pounds as "£12,000" (the pence, always .00 here, left off). */
static void pounds_label(FILE *out, int64_t pounds, const char *currency)
{
    char buf[48];
    size_t n = ras_money_format(pounds * 100, RAS_MONEY_HUMAN, currency, buf, sizeof buf);
    if (n >= 3 && n < sizeof buf && strcmp(buf + n - 3, ".00") == 0)
        buf[n - 3] = '\0';
    xml_text(out, buf);
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
        if (ras_table_amount(cal->latest, g, p->x_max, &a) == RAS_OK && a > top)
            top = a;
        ras_pence line;
        if (cal->groups[g].repriced && ras_mul_i64(cal->groups[g].neutral_price, p->x_max, &line) &&
            line > top)
            top = line;
    }
    return top;
}

static void set_scales(plot *p)
{
    int64_t pts;
    ras_pence cost;
    ras_cal_extent(p->cal, &pts, &cost);
    p->x_step = nice_step(pts > 0 ? pts : 10);
    p->x_max = (pts / p->x_step + 1) * p->x_step;
    int64_t pounds = (top_amount(p) + 99) / 100;
    p->y_step = nice_step(pounds > 0 ? pounds : 1000);
    p->y_max = (pounds / p->y_step + 1) * p->y_step;
}

static void axes(const plot *p)
{
    FILE *out = p->out;
    const char *cur = p->cal->latest->currency;
    fputs("<g font-family=\"sans-serif\" font-size=\"12\" fill=\"#333\">\n", out);
    for (int64_t x = 0; x <= p->x_max; x += p->x_step) {
        double X = px(p, (double)x);
        fprintf(out,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>\n"
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n"
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%lld</text>\n",
                X, TOP, X, BOTTOM, X, BOTTOM, X, BOTTOM + 5, X, BOTTOM + 20, (long long)x);
    }
    for (int64_t y = 0; y <= p->y_max; y += p->y_step) {
        double Y = py(p, (double)y * 100.0);
        fprintf(out,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>\n"
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n"
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
                LEFT, Y, RIGHT, Y, LEFT - 5, Y, LEFT, Y, LEFT - 8, Y + 4);
        pounds_label(out, y, cur);
        fputs("</text>\n", out);
    }
    fprintf(out,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n"
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n",
            LEFT, BOTTOM, RIGHT, BOTTOM, LEFT, TOP, LEFT, BOTTOM);
    fprintf(out,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"13\">"
            "Total points</text>\n",
            (LEFT + RIGHT) / 2, BOTTOM + 42);
    fprintf(out,
            "<text transform=\"translate(%.1f %.1f) rotate(-90)\" text-anchor=\"middle\" "
            "font-size=\"13\">Current cost a year (%s)</text>\n",
            LEFT - 78, (TOP + BOTTOM) / 2, cur);
    fputs("</g>\n", out);
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
                px(p, (double)k->points), py(p, (double)k->cost), colours[k->group % N_COLOURS]);
        xml_text(out, cal->ids + k->id_offset);
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
    int64_t stride = p->x_max / 600 + 1;
    fprintf(out, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2\" d=\"",
            colours[g % N_COLOURS]);
    for (int64_t x = 0; x <= p->x_max; x += stride) {
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
        fprintf(out, "H%.1f", px(p, (double)p->x_max));
    fputs("\"/>\n", out);
}

static void neutral_line(const plot *p, size_t g)
{
    const ras_calibration_group *s = &p->cal->groups[g];
    fprintf(p->out,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
            "stroke-width=\"2\" stroke-dasharray=\"7 4\"/>\n",
            px(p, 0), py(p, 0), px(p, (double)p->x_max),
            py(p, (double)s->neutral_price * (double)p->x_max), colours[g % N_COLOURS]);
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
        const char *c = colours[g % N_COLOURS];
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\">", x, y);
        xml_text(out, s->name);
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
    if (!cal || !out)
        return RAS_ERR_ARG;
    plot p = {out, cal, 0, 0, 1, 1};
    set_scales(&p);
    const ras_table *t = cal->latest;
    fprintf(out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
            "viewBox=\"0 0 %.0f %.0f\">\n"
            "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n"
            "<text x=\"%.1f\" y=\"30\" font-family=\"sans-serif\" font-size=\"16\" "
            "font-weight=\"bold\" fill=\"#222\" text-anchor=\"middle\">",
            W, H, W, H, W / 2);
    fputs("Current cost against points, priced by ", out);
    xml_text(out, t->id);
    fputc('@', out);
    xml_text(out, t->version);
    fputs("</text>\n", out);
    axes(&p);
    /* The plotting area clips what it holds as a nested viewport, not a
     * clip-path by url(): the page an HTML report embeds it in fetches
     * nothing and names nothing (docs/calibration.md). Its viewBox keeps
     * the outer coordinates. */
    fprintf(out,
            "<svg x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
            "viewBox=\"%.1f %.1f %.1f %.1f\" overflow=\"hidden\">\n",
            LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP, LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP);
    for (size_t g = 0; g + 1 < cal->n_groups; g++)
        if (shown(cal, g))
            curve(&p, g);
    for (size_t g = 0; g + 1 < cal->n_groups; g++)
        if (shown(cal, g) && cal->groups[g].repriced)
            neutral_line(&p, g);
    cases(&p);
    fputs("</svg>\n", out);
    legend(&p);
    fputs("</svg>\n", out);
    return ferror(out) ? RAS_ERR_IO : RAS_OK;
}
