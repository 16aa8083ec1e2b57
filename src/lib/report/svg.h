/* svg.h - what the reports' pictures share (calibrate_svg.c,
 * compare_svg.c): the colours, tick spacing, amounts as labels, and a
 * plotting frame with its axes. Coordinates are doubles (drawing, not
 * money); every amount shown as text comes from whole pence. */
#ifndef RAS_SVG_H
#define RAS_SVG_H

#include <stdint.h>
#include <stdio.h>

/* The i-th of a few colours told apart by colour-blind readers. */
const char *ras_svg_colour(size_t i);

/* A tick spacing of 1, 2 or 5 times a power of ten giving about five
 * ticks up to max. */
int64_t ras_svg_nice_step(int64_t max);

/* A count with its thousands grouped: "1,000,000". */
void ras_svg_count(FILE *out, uint64_t n);

/* Whole pounds as "£12,000" (the pence, always .00 here, left off). */
void ras_svg_pounds(FILE *out, int64_t pounds, const char *currency);

/* The plotting area, in picture coordinates, and what its axes run over,
 * in the units of their ticks. A step of 0 draws no ticks on that axis. */
typedef struct ras_svg_frame {
    FILE *out;
    double left, right, top, bottom;
    int64_t x_min, x_max, x_step;
    int64_t y_min, y_max, y_step;
} ras_svg_frame;

/* Where a value in tick units falls across and up the frame. */
double ras_svg_x(const ras_svg_frame *f, double v);
double ras_svg_y(const ras_svg_frame *f, double v);

/* Writes a tick's label (escaped). */
typedef void ras_svg_label_fn(FILE *out, int64_t v, const void *ctx);

/* Grid lines, ticks and their labels, the two axes and their titles. */
void ras_svg_axes(const ras_svg_frame *f, ras_svg_label_fn *x_label, ras_svg_label_fn *y_label,
                  const void *ctx, const char *x_title, const char *y_title);

/* Opens a w x h picture on white with a bold title at the top. */
void ras_svg_begin(FILE *out, double w, double h, const char *title);

/* The plotting area as a nested viewport that clips what it holds, not
 * a clip-path by url(): the page a report embeds it in fetches nothing
 * and names nothing. Its viewBox keeps the outer coordinates. */
void ras_svg_clip_begin(const ras_svg_frame *f);
void ras_svg_clip_end(FILE *out);

#endif
