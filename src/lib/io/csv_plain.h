/* csv_plain.h - the CSV reader's fast path for the usual record
 * (csv_plain.c): no quoted field, ending in a line end inside the buffer. csv.c
 * tries it first and hands anything else to its general scan. Private to
 * the reader. */
#ifndef RAS_CSV_PLAIN_H
#define RAS_CSV_PLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "csv.h"

/* The fast path (ras_csv_plain_*) needs GNU builtins and x86 vectors; with
 * AVX2 known only at run time, its AVX2 version is compiled for it alone
 * and chosen at open, so the binary still runs on any x86-64. */
#if defined(__SSE2__) && defined(__GNUC__)
#define RAS_CSV_SSE2 1
#if defined(__x86_64__) && (defined(__clang__) || __GNUC__ >= 6)
#define RAS_CSV_AVX2 1
#define RAS_CSV_AVX2_FN __attribute__((target("avx2,bmi,bmi2,popcnt")))
#endif
#endif

#define RAS_CSV_PAD 64u /* slack after the data, for 64-byte loads */
/* Entries past fields_cap in fields and ends, which the fast path may
 * fill with garbage past the record's last field (never handed out). */
#define RAS_CSV_SLACK 16u

/* What the fast path made of a record: not for it (the general scan
 * takes it); done; or out of room in fields, to grow before trying
 * again. Room is made outside the scan, so the scan calls nothing and
 * keeps its vectors in registers. */
typedef enum ras_plain_result { RAS_PLAIN_NO, RAS_PLAIN_DONE, RAS_PLAIN_ROOM } ras_plain_result;

/* The fastest scan this processor runs: 2 AVX2, 1 SSE2, 0 none. */
unsigned char ras_csv_best_simd(void);

#if RAS_CSV_SSE2
/* Scans the record at r->pos into r->fields; on RAS_PLAIN_DONE sets
 * *next_pos past its line end and *plain when it holds no byte above
 * 0x7f. */
ras_plain_result ras_csv_plain_sse2(ras_csv *r, size_t *next_pos, bool *plain);
#endif
#if RAS_CSV_AVX2
/* The same with AVX2; call it only when ras_csv_best_simd() is 2. */
RAS_CSV_AVX2_FN ras_plain_result ras_csv_plain_avx2(ras_csv *r, size_t *next_pos, bool *plain);
#endif

#endif
