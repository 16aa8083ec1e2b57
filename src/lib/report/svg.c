/* svg.c - what the reports' pictures share (svg.h). */
#include "svg.h"

#include <string.h>

#include "html.h"
#include "ras.h"

#define TICKS 5

static const char *const colours[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                      "#e69f00", "#56b4e9", "#000000"};

const char *ras_svg_colour(size_t i)
{
    return colours[i % (sizeof colours / sizeof colours[0])];
}

int64_t ras_svg_nice_step(int64_t max)
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

void ras_svg_count(FILE *out, uint64_t n)
{
    char digits[24];
    int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)n);
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            fputc(',', out);
        fputc(digits[i], out);
    }
}

void ras_svg_pounds(FILE *out, int64_t pounds, const char *currency)
{
    char buf[48];
    size_t n = ras_money_format(pounds * 100, RAS_MONEY_HUMAN, currency, buf, sizeof buf);
    if (n >= 3 && n < sizeof buf && strcmp(buf + n - 3, ".00") == 0)
        buf[n - 3] = '\0';
    ras_html_text(out, buf);
}

double ras_svg_x(const ras_svg_frame *f, double v)
{
    return f->left + (f->right - f->left) * (v - (double)f->x_min) / (double)(f->x_max - f->x_min);
}

double ras_svg_y(const ras_svg_frame *f, double v)
{
    return f->bottom -
           (f->bottom - f->top) * (v - (double)f->y_min) / (double)(f->y_max - f->y_min);
}

void ras_svg_axes(const ras_svg_frame *f, ras_svg_label_fn *x_label, ras_svg_label_fn *y_label,
                  const void *ctx, const char *x_title, const char *y_title)
{
    FILE *out = f->out;
    fputs("<g font-family=\"sans-serif\" font-size=\"12\" fill=\"#333\">\n", out);
    for (int64_t x = f->x_min; f->x_step > 0 && x <= f->x_max; x += f->x_step) {
        double X = ras_svg_x(f, (double)x);
        fprintf(out,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>\n"
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n"
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
                X, f->top, X, f->bottom, X, f->bottom, X, f->bottom + 5, X, f->bottom + 20);
        x_label(out, x, ctx);
        fputs("</text>\n", out);
    }
    for (int64_t y = f->y_min; f->y_step > 0 && y <= f->y_max; y += f->y_step) {
        double Y = ras_svg_y(f, (double)y);
        fprintf(out,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>\n"
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n"
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
                f->left, Y, f->right, Y, f->left - 5, Y, f->left, Y, f->left - 8, Y + 4);
        y_label(out, y, ctx);
        fputs("</text>\n", out);
    }
    fprintf(out,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n"
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n",
            f->left, f->bottom, f->right, f->bottom, f->left, f->top, f->left, f->bottom);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"13\">",
            (f->left + f->right) / 2, f->bottom + 42);
    ras_html_text(out, x_title);
    fprintf(out,
            "</text>\n<text transform=\"translate(%.1f %.1f) rotate(-90)\" "
            "text-anchor=\"middle\" font-size=\"13\">",
            f->left - 78, (f->top + f->bottom) / 2);
    ras_html_text(out, y_title);
    fputs("</text>\n</g>\n", out);
}

void ras_svg_begin(FILE *out, double w, double h, const char *title)
{
    fprintf(out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
            "viewBox=\"0 0 %.0f %.0f\">\n"
            "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n"
            "<text x=\"%.1f\" y=\"30\" font-family=\"sans-serif\" font-size=\"16\" "
            "font-weight=\"bold\" fill=\"#222\" text-anchor=\"middle\">",
            w, h, w, h, w / 2);
    ras_html_text(out, title);
    fputs("</text>\n", out);
}

void ras_svg_clip_begin(const ras_svg_frame *f)
{
    double w = f->right - f->left, h = f->bottom - f->top;
    fprintf(f->out,
            "<svg x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
            "viewBox=\"%.1f %.1f %.1f %.1f\" overflow=\"hidden\">\n",
            f->left, f->top, w, h, f->left, f->top, w, h);
}

void ras_svg_clip_end(FILE *out)
{
    fputs("</svg>\n", out);
}
