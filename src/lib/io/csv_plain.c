/* csv_plain.c - the CSV reader's fast path (csv_plain.h). */
#include "csv_plain.h"

#if RAS_CSV_SSE2
#include <emmintrin.h>
#endif
#if RAS_CSV_AVX2
#include <immintrin.h>
#endif

unsigned char ras_csv_best_simd(void)
{
#if RAS_CSV_AVX2
    __builtin_cpu_init(); /* harmless when already done, needed before constructors */
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
        __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt"))
        return 2;
#endif
#if RAS_CSV_SSE2
    return 1;
#else
    return 0;
#endif
}

/* The fast path for the usual record: no quoted field, ending in an LF, a
 * CRLF or a lone CR inside the buffer. It reads 64 bytes at a time and takes
 * the field ends from a 64-bit mask of the commas, so a one-letter field
 * costs a few instructions; it also notes whether the record holds a byte
 * above 0x7f. The AVX2 version also keeps a quote inside an unquoted
 * field as a character (a Notes column's `5" tall`), counted as the
 * general scan counts it. Anything else (a quote that opens a field, or
 * in the SSE2 version any quote, a NUL, a blank line, the buffer's end, a
 * huge record) gives up before changing anything the caller reads
 * but the fields array, and the general scan_record takes the record from
 * its start. It never runs before the first record: until then the buffer
 * is empty, so the byte-order mark is always seen by skip_blank.
 *
 * Two versions: SSE2 (any x86-64), one loop turn per field; AVX2 (chosen
 * at open when the processor has it, see ras_csv_best_simd), no branch per field,
 * in two passes. */
#if RAS_CSV_SSE2
/* A block's masks: bit i stands for byte i of the 64. */
typedef struct block_masks {
    uint64_t commas;
    uint64_t others; /* a quote, CR, LF or NUL: where the fast path stops */
    uint64_t high;   /* a byte above 0x7f */
} block_masks;

/* Where the fast path is within a record. */
typedef struct plain_state {
    ras_csv_field *f;  /* the next field to fill */
    const char *field; /* where that field starts */
    uint64_t bad;      /* high bytes seen, up to the record's end */
} plain_state;

/* Fills the fields ended by the block's commas before its first other
 * special byte. True when that byte is in this block. */
static inline bool take_block(plain_state *s, const char *b, block_masks m)
{
    /* Bits up to and including the first other special; all when none. */
    uint64_t upto = m.others ^ (m.others - 1);
    uint64_t commas = m.commas & upto;
    s->bad |= m.high & upto;
    ras_csv_field *f = s->f;
    const char *field = s->field;
    while (commas) {
        const char *at = b + (unsigned)__builtin_ctzll(commas);
        f->text = field;
        f->len = (size_t)(at - field);
        f++;
        field = at + 1;
        commas &= commas - 1;
    }
    s->f = f;
    s->field = field;
    return m.others != 0;
}

/* The fast path's record ends at `at`, its first CR, LF or NUL (or, in
 * the SSE2 version, quote). True for a line end, with *next past it;
 * false for anything the general scan must see: a quote or NUL, a CR that may be half of a CRLF
 * split across reads, a blank line, a record that may hold a field too long. */
static inline bool plain_line_end(const char *at, const char *start, const char *end,
                                  const char **next)
{
    *next = at + 1;
    if (*at != '\n') {
        if (*at != '\r' || *next == end)
            return false;
        *next += **next == '\n'; /* CRLF */
    }
    return at != start && (size_t)(at - start) <= RAS_CSV_FIELD_MAX;
}

/* Ends the record at the first other special of the block at b. */
static inline bool end_plain(ras_csv *r, const plain_state *s, const char *b, uint64_t others,
                             const char *start, const char *end, size_t *next_pos, bool *plain)
{
    const char *at = b + (unsigned)__builtin_ctzll(others), *next;
    if (!plain_line_end(at, start, end, &next))
        return false;
    s->f->text = s->field;
    s->f->len = (size_t)(at - s->field);
    r->n_fields = (size_t)(s->f - r->fields) + 1;
    *next_pos = (size_t)(next - r->buf);
    *plain = s->bad == 0;
    return true;
}

static inline block_masks classify_sse2(const char *b, char delim)
{
    const __m128i comma = _mm_set1_epi8(delim), quote = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    const __m128i zero = _mm_setzero_si128();
    block_masks m = {0, 0, 0};
    for (unsigned k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + (size_t)16 * k));
        __m128i o = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, lf)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, zero)));
        m.commas |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)) << 16 * k;
        m.others |= (uint64_t)(unsigned)_mm_movemask_epi8(o) << 16 * k;
        m.high |= (uint64_t)(unsigned)_mm_movemask_epi8(v) << 16 * k;
    }
    return m;
}

ras_plain_result ras_csv_plain_sse2(ras_csv *r, size_t *next_pos, bool *plain)
{
    const char *start = r->buf + r->pos, *end = r->buf + r->end;
    if (end - start < 64)
        return RAS_PLAIN_NO;
    plain_state s = {r->fields, start, 0};
    /* Room for a block's fields (at most 64) and the last one. */
    const ras_csv_field *safe = r->fields + (r->fields_cap - 65);
    for (const char *b = start; b <= end - 64; b += 64) {
        if (s.f > safe)
            return RAS_PLAIN_ROOM;
        block_masks m = classify_sse2(b, r->delim);
        if (take_block(&s, b, m))
            return end_plain(r, &s, b, m.others, start, end, next_pos, plain) ? RAS_PLAIN_DONE
                                                                              : RAS_PLAIN_NO;
    }
    return RAS_PLAIN_NO;
}

#if RAS_CSV_AVX2
/* vpshufb picks entry (byte & 15) of this table, or 0 for a byte above
 * 0x7f: a byte equals its entry only for NUL, LF and CR, whose low four
 * bits differ (0, 10, 13). The other entries are 0xff, which no byte
 * below 0x80 equals; a byte above 0x7f gets 0 and is not 0. Quotes have
 * a mask of their own (block_masks_avx2). */
#define RAS_CSV_SPECIALS 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, '\n', -1, -1, '\r', -1, -1

/* The AVX2 scan's masks: a quote is not where it stops, as a quote inside
 * an unquoted field is a character like any other (docs/exports.md);
 * only one that opens a field sends the record to the general scan. */
typedef struct block_masks_avx2 {
    block_masks m; /* others: CR, LF or NUL */
    uint64_t quotes;
} block_masks_avx2;

RAS_CSV_AVX2_FN static inline block_masks_avx2 classify_avx2(const char *b, char delim)
{
    const __m256i comma = _mm256_set1_epi8(delim); /* or ';' or tab: none is special */
    const __m256i quote = _mm256_set1_epi8('"');
    const __m256i table = _mm256_setr_epi8(RAS_CSV_SPECIALS, RAS_CSV_SPECIALS);
    __m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)b);
    __m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(b + 32));
    block_masks_avx2 q;
    block_masks m;
    q.quotes = (uint64_t)(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, quote)) |
               (uint64_t)(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, quote)) << 32;
    m.commas = (uint64_t)(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, comma)) |
               (uint64_t)(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, comma)) << 32;
    m.others = (uint64_t)(unsigned)_mm256_movemask_epi8(
                   _mm256_cmpeq_epi8(_mm256_shuffle_epi8(table, lo), lo)) |
               (uint64_t)(unsigned)_mm256_movemask_epi8(
                   _mm256_cmpeq_epi8(_mm256_shuffle_epi8(table, hi), hi))
                   << 32;
    m.high = (uint64_t)(unsigned)_mm256_movemask_epi8(lo) |
             (uint64_t)(unsigned)_mm256_movemask_epi8(hi) << 32;
    q.m = m;
    return q;
}

/* Byte i of entry m: where the (i+1)-th set bit of m is (0 to 7); the
 * bytes past the last set bit are 0. */
#define RAS_POP8(x)                                                                                \
    (((x)&1u) + ((x) >> 1 & 1u) + ((x) >> 2 & 1u) + ((x) >> 3 & 1u) + ((x) >> 4 & 1u) +            \
     ((x) >> 5 & 1u) + ((x) >> 6 & 1u) + ((x) >> 7 & 1u))
#define RAS_SLOT(m, j)                                                                             \
    ((m) >> (j)&1u ? (uint64_t)(j) << 8 * RAS_POP8((m) & ((1u << (j)) - 1u)) : 0u)
#define RAS_ENTRY(m)                                                                               \
    (RAS_SLOT(m, 1) | RAS_SLOT(m, 2) | RAS_SLOT(m, 3) | RAS_SLOT(m, 4) | RAS_SLOT(m, 5) |          \
     RAS_SLOT(m, 6) | RAS_SLOT(m, 7))
#define RAS_E4(m) RAS_ENTRY(m), RAS_ENTRY((m) + 1u), RAS_ENTRY((m) + 2u), RAS_ENTRY((m) + 3u)
#define RAS_E16(m) RAS_E4(m), RAS_E4((m) + 4u), RAS_E4((m) + 8u), RAS_E4((m) + 12u)
#define RAS_E64(m) RAS_E16(m), RAS_E16((m) + 16u), RAS_E16((m) + 32u), RAS_E16((m) + 48u)
static const uint64_t bit_positions[256] = {RAS_E64(0u), RAS_E64(64u), RAS_E64(128u),
                                            RAS_E64(192u)};
#undef RAS_ENTRY
#define RAS_ENTRY(m) RAS_POP8(m)
static const unsigned char bit_counts[256] = {RAS_E64(0u), RAS_E64(64u), RAS_E64(128u),
                                              RAS_E64(192u)};
#undef RAS_POP8
#undef RAS_SLOT
#undef RAS_ENTRY
#undef RAS_E4
#undef RAS_E16
#undef RAS_E64

/* The AVX2 scan works in two passes, as a field is too cheap to pay a
 * loop turn of its own. First, block by block, the ends of the fields
 * (the commas and the record's end) go to r->ends as offsets from the
 * record's start plus one, that is where the next field starts; ends[0]
 * is 0, where the first field starts. Then the fields are made from
 * consecutive ends, four at a time (make_fields).
 *
 * put_ends writes the ends of a block's mask m, base being the block's
 * offset plus one. A dense mask is taken eight bits at a time, with no
 * branch per field: bit_positions gives the eight offsets (some garbage
 * past the last, overwritten next or never read) and bit_counts how many
 * are real. It writes up to 8 entries past the last real one. */
RAS_CSV_AVX2_FN static inline uint32_t *put_ends(uint32_t *w, uint64_t m, uint32_t base)
{
    if (__builtin_popcountll(m) <= 8) {
        /* Few fields (long ones): one loop turn each is cheaper. */
        for (; m; m = _blsr_u64(m))
            *w++ = base + (uint32_t)_tzcnt_u64(m);
        return w;
    }
    __m256i off = _mm256_set1_epi32((int)base);
    __m256i eight = _mm256_set1_epi32(8);
    /* Keeps 8 in a register: GCC would rebuild each multiple of it from
     * an immediate, three instructions per step. */
    __asm__("" : "+x"(eight));
    for (unsigned k = 0; k < 8; k++) {
        unsigned byte = (unsigned)m & 0xffu;
        m = m >> 8 | m << 56; /* a rotation: one instruction, no copy */
        __m256i pos = _mm256_cvtepu8_epi32(
            _mm_loadl_epi64((const __m128i *)(const void *)&bit_positions[byte]));
        _mm256_storeu_si256((__m256i *)(void *)w, _mm256_add_epi32(pos, off));
        w += bit_counts[byte];
        off = _mm256_add_epi32(off, eight);
    }
    return w;
}

/* Fields k to k+3 from ends[k..k+4]. */
RAS_CSV_AVX2_FN static inline void make_four(ras_csv_field *f, const uint32_t *ends, __m256i text0,
                                             __m256i len0)
{
    __m256i from = _mm256_cvtepu32_epi64(_mm_loadu_si128((const __m128i *)(const void *)ends));
    __m256i to = _mm256_cvtepu32_epi64(_mm_loadu_si128((const __m128i *)(const void *)(ends + 1)));
    __m256i text = _mm256_add_epi64(from, text0);
    __m256i len = _mm256_sub_epi64(_mm256_add_epi64(to, len0), text);
    __m256i lo = _mm256_unpacklo_epi64(text, len); /* fields 0 and 2 */
    __m256i hi = _mm256_unpackhi_epi64(text, len); /* fields 1 and 3 */
    _mm256_storeu_si256((__m256i *)(void *)f, _mm256_permute2x128_si256(lo, hi, 0x20));
    _mm256_storeu_si256((__m256i *)(void *)(f + 2), _mm256_permute2x128_si256(lo, hi, 0x31));
}

/* Fields 0 to n-1 from ends[0..n]; writes up to fields[n+6]. */
RAS_CSV_AVX2_FN static inline void make_fields(ras_csv_field *f, const uint32_t *ends, size_t n,
                                               const char *start)
{
    const __m256i text0 = _mm256_set1_epi64x((long long)(uintptr_t)start);
    const __m256i len0 = _mm256_set1_epi64x((long long)((uintptr_t)start - 1u));
    for (size_t k = 0; k < n; k += 8) {
        make_four(f + k, ends + k, text0, len0);
        make_four(f + k + 4, ends + k + 4, text0, len0);
    }
}

RAS_CSV_AVX2_FN ras_plain_result ras_csv_plain_avx2(ras_csv *r, size_t *next_pos, bool *plain)
{
    const char *start = r->buf + r->pos, *end = r->buf + r->end;
    if (end - start < 64)
        return RAS_PLAIN_NO;
    uint32_t *ends = r->ends, *w = ends + 1;
    /* Room for a block's ends (at most 64) and the slack past them. */
    const uint32_t *safe = ends + (r->fields_cap - 65);
    uint64_t bad = 0;
    uint64_t after_comma = 1; /* the record's first byte starts a field */
    unsigned long quotes = 0;
    ends[0] = 0;
    for (const char *b = start; b <= end - 64; b += 64) {
        if (w > safe)
            return RAS_PLAIN_ROOM;
        block_masks_avx2 q = classify_avx2(b, r->delim);
        block_masks m = q.m;
        /* Bits up to and including the first other special; all when none. */
        uint64_t upto = _blsmsk_u64(m.others);
        /* A quote that starts a field opens a quoted one: the general
         * scan's. Any other is kept as a character and counted, as the
         * general scan counts it (csv.h, literal_quotes). */
        uint64_t starts = m.commas << 1 | after_comma;
        after_comma = m.commas >> 63;
        if (q.quotes & starts & upto)
            return RAS_PLAIN_NO;
        quotes += (unsigned long)__builtin_popcountll(q.quotes & upto);
        bad |= m.high & upto;
        w = put_ends(w, (m.commas | m.others) & upto, (uint32_t)(b - start) + 1u);
        if (!m.others)
            continue;
        const char *next;
        if (!plain_line_end(start + w[-1] - 1, start, end, &next))
            return RAS_PLAIN_NO;
        size_t n = (size_t)(w - ends) - 1;
        make_fields(r->fields, ends, n, start);
        r->n_fields = n;
        if (quotes && !r->literal_quotes)
            r->first_quote_line = r->line;
        r->literal_quotes += quotes;
        *next_pos = (size_t)(next - r->buf);
        *plain = bad == 0;
        return RAS_PLAIN_DONE;
    }
    return RAS_PLAIN_NO;
}
#endif
#endif
