/* csv.c - the RFC 4180 reader of csv.h.
 *
 * A record is scanned in place in the buffer. If the buffer ends before
 * the record does, the partial record is moved to the front, more input is
 * read and the record is scanned again from its start: that happens once
 * per buffer (256 KiB), so it costs nothing measurable, and it means the
 * scan keeps no state across reads. Scanning never writes to the buffer;
 * doubled quotes are undone only once the record is complete. */
#include "csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "text_check.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The fast path (scan_plain_*) needs GNU builtins and x86 vectors; with
 * AVX2 known only at run time, its AVX2 version is compiled for it alone
 * and chosen at open, so the binary still runs on any x86-64. */
#if defined(__SSE2__) && defined(__GNUC__)
#define RAS_CSV_SSE2 1
#if defined(__x86_64__) && (defined(__clang__) || __GNUC__ >= 6)
#define RAS_CSV_AVX2 1
#define RAS_CSV_AVX2_FN __attribute__((target("avx2,bmi,bmi2,popcnt")))
#include <immintrin.h>
#endif
#endif

#define RAS_CSV_PAD 64u /* slack after the data, for 64-byte loads */
/* Entries past fields_cap in fields and ends, which the fast path may
 * fill with garbage past the record's last field (never handed out). */
#define RAS_CSV_SLACK 16u

typedef enum scan_result { SCAN_DONE, SCAN_MORE, SCAN_FAIL } scan_result;

static ras_status read_file(void *ctx, char *buf, size_t size, size_t *got)
{
    FILE *in = ctx;
    *got = fread(buf, 1, size, in);
    if (*got == 0 && ferror(in))
        return RAS_ERR_IO;
    return RAS_OK;
}

/* The fastest scan this processor runs: 2 AVX2, 1 SSE2, 0 none. */
static unsigned char best_simd(void)
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

ras_status ras_csv_open(ras_csv *r, ras_csv_read_fn read, void *ctx, const char *name,
                        ras_error *err)
{
    memset(r, 0, sizeof *r);
    r->read = read;
    r->ctx = ctx;
    r->name = name ? name : "";
    r->cap = RAS_CSV_BUFFER;
    r->buf = calloc(r->cap + RAS_CSV_PAD, 1);
    r->fields_cap = 128; /* the fast path wants room for 65 */
    r->fields = malloc((r->fields_cap + RAS_CSV_SLACK) * sizeof *r->fields);
    r->doubled = malloc(r->fields_cap);
    r->ends = malloc((r->fields_cap + RAS_CSV_SLACK) * sizeof *r->ends);
    r->line = 1;
    r->bad_field = -1;
    r->simd = best_simd();
    if (!r->buf || !r->fields || !r->doubled || !r->ends) {
        ras_csv_close(r);
        return ras_fail(err, RAS_ERR_NOMEM, r->name, 0, 0, NULL, "out of memory");
    }
    return RAS_OK;
}

ras_status ras_csv_open_file(ras_csv *r, FILE *in, const char *name, ras_error *err)
{
    return ras_csv_open(r, read_file, in, name, err);
}

void ras_csv_close(ras_csv *r)
{
    if (!r)
        return;
    free(r->buf);
    free(r->fields);
    free(r->doubled);
    free(r->ends);
    r->buf = NULL;
    r->fields = NULL;
    r->doubled = NULL;
    r->ends = NULL;
}

/* One read into the free end of the buffer; sets eof on an empty read. */
static ras_status read_more(ras_csv *r, ras_error *err)
{
    size_t got = 0;
    if (r->read(r->ctx, r->buf + r->end, r->cap - r->end, &got) != RAS_OK) {
        int e = errno;
        return ras_fail(err, RAS_ERR_IO, r->name, 0, 0, NULL, "cannot read %s: %s", r->name,
                        e ? strerror(e) : "read error");
    }
    if (got == 0)
        r->eof = true;
    r->end += got;
    return RAS_OK;
}

/* Makes room for more of the record starting at pos: moves it to the
 * front, grows the buffer if the record fills it, then reads. */
static ras_status refill(ras_csv *r, ras_error *err)
{
    size_t keep = r->end - r->pos;
    if (keep > RAS_CSV_RECORD_MAX)
        return ras_fail(err, RAS_ERR_LIMIT, r->name, r->line, 0, NULL,
                        "the record starting here is longer than %zu bytes", RAS_CSV_RECORD_MAX);
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, keep);
        r->pos = 0;
        r->end = keep;
    }
    if (r->end == r->cap) {
        size_t cap = r->cap * 2;
        if (cap > RAS_CSV_RECORD_MAX + 2)
            cap = RAS_CSV_RECORD_MAX + 2; /* room for the record and its CRLF */
        char *buf = realloc(r->buf, cap + RAS_CSV_PAD);
        if (!buf)
            return ras_fail(err, RAS_ERR_NOMEM, r->name, 0, 0, NULL, "out of memory");
        memset(buf + r->cap, 0, cap - r->cap + RAS_CSV_PAD);
        r->buf = buf;
        r->cap = cap;
    }
    return read_more(r, err);
}

/* The first comma, quote, CR or LF in [p, end), or end. Reads up to 15
 * bytes past end, which the buffer's slack allows. */
static const char *find_special(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    while (p < end) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, quote)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask) {
            const char *at = p + __builtin_ctz(mask);
            return at < end ? at : end;
        }
        p += 16;
    }
    return end;
#else
    while (p < end && *p != ',' && *p != '"' && *p != '\n' && *p != '\r')
        p++;
    return p;
#endif
}

/* True when [p, end) has no NUL and no byte above 0x7f: the usual case,
 * which then needs no UTF-8 check. */
static bool plain_ascii(const char *p, const char *end)
{
#if defined(__SSE2__)
    __m128i acc = _mm_setzero_si128(), zero = _mm_setzero_si128();
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        acc = _mm_or_si128(acc, _mm_or_si128(v, _mm_cmpeq_epi8(v, zero)));
        p += 16;
    }
    if (_mm_movemask_epi8(acc))
        return false;
#endif
    for (; p < end; p++)
        if (*p == '\0' || (unsigned char)*p >= 0x80)
            return false;
    return true;
}

static size_t count_lf(const char *p, const char *end)
{
    size_t n = 0;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        n++;
        p++;
    }
    return n;
}

static ras_status grow_fields(ras_csv *r, ras_error *err)
{
    if (r->fields_cap >= RAS_CSV_FIELDS_MAX)
        return ras_fail(err, RAS_ERR_LIMIT, r->name, r->line, 0, NULL,
                        "the record has more than %zu fields", RAS_CSV_FIELDS_MAX);
    /* fields_cap starts at 128 and only doubles: never 0 */
    size_t cap = r->fields_cap > 0 ? r->fields_cap * 2 : 128;
    ras_csv_field *f = realloc(r->fields, (cap + RAS_CSV_SLACK) * sizeof *f);
    if (!f)
        return ras_fail(err, RAS_ERR_NOMEM, r->name, 0, 0, NULL, "out of memory");
    r->fields = f;
    unsigned char *d = realloc(r->doubled, cap);
    if (!d)
        return ras_fail(err, RAS_ERR_NOMEM, r->name, 0, 0, NULL, "out of memory");
    r->doubled = d;
    uint32_t *e = realloc(r->ends, (cap + RAS_CSV_SLACK) * sizeof *e);
    if (!e)
        return ras_fail(err, RAS_ERR_NOMEM, r->name, 0, 0, NULL, "out of memory");
    r->ends = e;
    r->fields_cap = cap;
    return RAS_OK;
}

static scan_result field_too_long(ras_csv *r, size_t field, ras_error *err)
{
    ras_fail(err, RAS_ERR_LIMIT, r->name, r->line, field + 1, NULL,
             "the field is longer than %zu bytes", RAS_CSV_FIELD_MAX);
    return SCAN_FAIL;
}

/* Ends a record whose last field stops at p (a CR, an LF, or end at the
 * end of the input): sets *next past the line end. */
static scan_result end_record(const char *p, const char *end, bool eof, const char **next,
                              bool *newline)
{
    *newline = p < end;
    if (p == end) {
        *next = end;
        return SCAN_DONE;
    }
    if (*p == '\n') {
        *next = p + 1;
        return SCAN_DONE;
    }
    /* A CR: CRLF is one line end; a lone CR is one too. */
    if (p + 1 == end && !eof)
        return SCAN_MORE;
    *next = p + 1 < end && p[1] == '\n' ? p + 2 : p + 1;
    return SCAN_DONE;
}

/* Scans a quoted field opening at p. On success *close is its closing quote. */
static scan_result scan_quoted(ras_csv *r, const char *p, const char *end, size_t field,
                               unsigned long line, const char **close, ras_error *err)
{
    const char *q = p + 1;
    r->doubled[field] = 0;
    for (;;) {
        q = memchr(q, '"', (size_t)(end - q));
        if (!q) {
            if (!r->eof)
                return SCAN_MORE;
            ras_fail(err, RAS_ERR_SYNTAX, r->name, line, field + 1, NULL,
                     "unclosed quote: the file ends inside this field");
            return SCAN_FAIL;
        }
        if (q + 1 == end && !r->eof)
            return SCAN_MORE; /* a doubled quote may be split across reads */
        if (q + 1 < end && q[1] == '"') {
            r->doubled[field] = 1;
            r->any_doubled = true;
            q += 2;
            continue;
        }
        *close = q;
        return SCAN_DONE;
    }
}

/* Scans the record at pos into fields. SCAN_MORE: the buffer ends first. */
static scan_result scan_record(ras_csv *r, size_t *next_pos, unsigned long *lines, ras_error *err)
{
    const char *p = r->buf + r->pos;
    const char *end = r->buf + r->end;
    unsigned long extra = 0; /* line ends inside quoted fields */
    size_t n = 0;
    r->any_doubled = false;
    for (;;) {
        if (n == r->fields_cap && grow_fields(r, err) != RAS_OK)
            return SCAN_FAIL;
        ras_csv_field *f = &r->fields[n];
        const char *stop; /* what ends the field: comma, CR, LF or end */
        if (p < end && *p == '"') {
            const char *close;
            scan_result s = scan_quoted(r, p, end, n, r->line + extra, &close, err);
            if (s != SCAN_DONE)
                return s;
            f->text = p + 1;
            f->len = (size_t)(close - p - 1);
            extra += count_lf(p + 1, close);
            stop = close + 1;
            if (stop < end && *stop != ',' && *stop != '\n' && *stop != '\r') {
                ras_fail(err, RAS_ERR_SYNTAX, r->name, r->line + extra, n + 1, NULL,
                         "a character after the field's closing quote (quote the whole field "
                         "and double any quote inside it)");
                return SCAN_FAIL;
            }
        } else {
            stop = find_special(p, end);
            if (stop == end && !r->eof)
                return SCAN_MORE;
            if (stop < end && *stop == '"') {
                ras_fail(err, RAS_ERR_SYNTAX, r->name, r->line + extra, n + 1, NULL,
                         "a quote inside an unquoted field (quote the whole field and double "
                         "the quote)");
                return SCAN_FAIL;
            }
            f->text = p;
            f->len = (size_t)(stop - p);
            r->doubled[n] = 0;
        }
        if (f->len > RAS_CSV_FIELD_MAX)
            return field_too_long(r, n, err);
        n++;
        if (stop < end && *stop == ',') {
            p = stop + 1;
            continue;
        }
        const char *next;
        bool newline;
        scan_result s = end_record(stop, end, r->eof, &next, &newline);
        if (s != SCAN_DONE)
            return s;
        r->n_fields = n;
        *next_pos = (size_t)(next - r->buf);
        *lines = extra + (newline ? 1 : 0);
        return SCAN_DONE;
    }
}

/* The fast path for the usual record: no quotes, ending in an LF, a CRLF
 * or a lone CR inside the buffer. It reads 64 bytes at a time and takes
 * the field ends from a 64-bit mask of the commas, so a one-letter field
 * costs a few instructions; it also notes whether the record holds a byte
 * above 0x7f. Anything else (a quote, a NUL, a blank line, the buffer's
 * end, a huge record) gives up before changing anything the caller reads
 * but the fields array, and the general scan_record takes the record from
 * its start. It never runs before the first record: until then the buffer
 * is empty, so the byte-order mark is always seen by skip_blank.
 *
 * Two versions: SSE2 (any x86-64), one loop turn per field; AVX2 (chosen
 * at open when the processor has it, see best_simd), no branch per field,
 * in two passes. */
#if RAS_CSV_SSE2
/* A block's masks: bit i stands for byte i of the 64. */
typedef struct block_masks {
    uint64_t commas;
    uint64_t others; /* a quote, CR, LF or NUL: where the fast path stops */
    uint64_t high;   /* a byte above 0x7f */
} block_masks;

/* What the fast path made of a record: done; not for it (the general
 * scan takes it); or out of room in fields, to grow before trying again.
 * Room is made outside the scan, so the scan calls nothing and keeps its
 * vectors in registers. */
typedef enum plain_result { PLAIN_NO, PLAIN_DONE, PLAIN_ROOM } plain_result;

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

/* The fast path's record ends at `at`, its first quote, CR, LF or NUL.
 * True for a line end, with *next past it; false for anything the general
 * scan must see: a quote or NUL, a CR that may be half of a CRLF split
 * across reads, a blank line, a record that may hold a field too long. */
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

static inline block_masks classify_sse2(const char *b)
{
    const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"');
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

static plain_result scan_plain_sse2(ras_csv *r, size_t *next_pos, bool *plain)
{
    const char *start = r->buf + r->pos, *end = r->buf + r->end;
    if (end - start < 64)
        return PLAIN_NO;
    plain_state s = {r->fields, start, 0};
    /* Room for a block's fields (at most 64) and the last one. */
    const ras_csv_field *safe = r->fields + (r->fields_cap - 65);
    for (const char *b = start; b <= end - 64; b += 64) {
        if (s.f > safe)
            return PLAIN_ROOM;
        block_masks m = classify_sse2(b);
        if (take_block(&s, b, m))
            return end_plain(r, &s, b, m.others, start, end, next_pos, plain) ? PLAIN_DONE
                                                                              : PLAIN_NO;
    }
    return PLAIN_NO;
}

#if RAS_CSV_AVX2
/* vpshufb picks entry (byte & 15) of this table, or 0 for a byte above
 * 0x7f: a byte equals its entry only for NUL, '"', LF and CR, whose low
 * four bits differ (0, 2, 10, 13). The other entries are 0xff, which no
 * byte below 0x80 equals; a byte above 0x7f gets 0 and is not 0. */
#define RAS_CSV_SPECIALS 0, -1, '"', -1, -1, -1, -1, -1, -1, -1, '\n', -1, -1, '\r', -1, -1

RAS_CSV_AVX2_FN static inline block_masks classify_avx2(const char *b)
{
    const __m256i comma = _mm256_set1_epi8(',');
    const __m256i table = _mm256_setr_epi8(RAS_CSV_SPECIALS, RAS_CSV_SPECIALS);
    __m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)b);
    __m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(b + 32));
    block_masks m;
    m.commas = (uint64_t)(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, comma)) |
               (uint64_t)(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, comma)) << 32;
    m.others = (uint64_t)(unsigned)_mm256_movemask_epi8(
                   _mm256_cmpeq_epi8(_mm256_shuffle_epi8(table, lo), lo)) |
               (uint64_t)(unsigned)_mm256_movemask_epi8(
                   _mm256_cmpeq_epi8(_mm256_shuffle_epi8(table, hi), hi))
                   << 32;
    m.high = (uint64_t)(unsigned)_mm256_movemask_epi8(lo) |
             (uint64_t)(unsigned)_mm256_movemask_epi8(hi) << 32;
    return m;
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

RAS_CSV_AVX2_FN static plain_result scan_plain_avx2(ras_csv *r, size_t *next_pos, bool *plain)
{
    const char *start = r->buf + r->pos, *end = r->buf + r->end;
    if (end - start < 64)
        return PLAIN_NO;
    uint32_t *ends = r->ends, *w = ends + 1;
    /* Room for a block's ends (at most 64) and the slack past them. */
    const uint32_t *safe = ends + (r->fields_cap - 65);
    uint64_t bad = 0;
    ends[0] = 0;
    for (const char *b = start; b <= end - 64; b += 64) {
        if (w > safe)
            return PLAIN_ROOM;
        block_masks m = classify_avx2(b);
        /* Bits up to and including the first other special; all when none. */
        uint64_t upto = _blsmsk_u64(m.others);
        bad |= m.high & upto;
        w = put_ends(w, (m.commas | m.others) & upto, (uint32_t)(b - start) + 1u);
        if (!m.others)
            continue;
        const char *next;
        if (!plain_line_end(start + w[-1] - 1, start, end, &next))
            return PLAIN_NO;
        size_t n = (size_t)(w - ends) - 1;
        make_fields(r->fields, ends, n, start);
        r->n_fields = n;
        *next_pos = (size_t)(next - r->buf);
        *plain = bad == 0;
        return PLAIN_DONE;
    }
    return PLAIN_NO;
}
#endif
#endif

/* Undoes doubled quotes in place, now that the record is complete: the
 * field is a view into r's own (writable) buffer. */
static void undouble(ras_csv *r, ras_csv_field *f)
{
    char *w = r->buf + (f->text - r->buf);
    const char *s = f->text, *e = f->text + f->len;
    char *out = w;
    while (s < e) {
        *out++ = *s;
        s += *s == '"' ? 2 : 1;
    }
    f->len = (size_t)(out - w);
}

/* Finds the first field with a NUL byte or invalid UTF-8, if any. */
static void check_text(ras_csv *r, const char *start, const char *stop)
{
    r->bad_field = -1;
    r->bad_reason = NULL;
    if (plain_ascii(start, stop))
        return;
    for (size_t i = 0; i < r->n_fields; i++) {
        const ras_csv_field *f = &r->fields[i];
        if (f->len && memchr(f->text, '\0', f->len)) {
            r->bad_field = (long)i;
            r->bad_reason = "a NUL byte";
            return;
        }
        if (!ras_utf8_valid(f->text, f->len)) {
            r->bad_field = (long)i;
            r->bad_reason = "invalid UTF-8";
            return;
        }
    }
}

/* Makes sure at least n bytes are buffered at pos, or the input ended. */
static ras_status fill_at_least(ras_csv *r, size_t n, ras_error *err)
{
    while (!r->eof && r->end - r->pos < n) {
        ras_status st = refill(r, err);
        if (st != RAS_OK)
            return st;
    }
    return RAS_OK;
}

/* Skips a byte-order mark at the very start, and blank lines anywhere
 * between records. Returns with pos at a record, or at the end. */
static ras_status skip_blank(ras_csv *r, ras_error *err)
{
    ras_status st;
    if (!r->started) {
        r->started = true;
        if ((st = fill_at_least(r, 3, err)) != RAS_OK)
            return st;
        if (r->end - r->pos >= 3 && memcmp(r->buf + r->pos, "\xef\xbb\xbf", 3) == 0)
            r->pos += 3;
    }
    for (;;) {
        if ((st = fill_at_least(r, 2, err)) != RAS_OK)
            return st;
        if (r->pos == r->end)
            return RAS_OK;
        char ch = r->buf[r->pos];
        if (ch == '\n')
            r->pos++;
        else if (ch == '\r')
            r->pos += r->end - r->pos >= 2 && r->buf[r->pos + 1] == '\n' ? 2 : 1;
        else
            return RAS_OK;
        r->line++;
    }
}

/* Any record: blank lines and the byte-order mark skipped, quotes, CRs,
 * refills and errors handled. */
static ras_status next_general(ras_csv *r, bool *have, ras_error *err)
{
    ras_error local; /* the scan reports its status through an error */
    if (!err)
        err = &local;
    *have = false;
    r->n_fields = 0;
    ras_status st;
    /* The usual case, a record right here, needs no skipping. */
    bool at_record =
        r->started && r->end - r->pos >= 2 && r->buf[r->pos] != '\n' && r->buf[r->pos] != '\r';
    if (!at_record) {
        if ((st = skip_blank(r, err)) != RAS_OK)
            return st;
        if (r->pos == r->end)
            return RAS_OK;
    }
    size_t next = 0;
    unsigned long lines = 1;
    for (;;) {
        scan_result s = scan_record(r, &next, &lines, err);
        if (s == SCAN_DONE)
            break;
        if (s == SCAN_FAIL)
            return err->status;
        if ((st = refill(r, err)) != RAS_OK)
            return st;
    }
    r->record_line = r->line;
    check_text(r, r->buf + r->pos, r->buf + next);
    for (size_t i = 0; r->any_doubled && i < r->n_fields; i++)
        if (r->doubled[i])
            undouble(r, &r->fields[i]);
    r->pos = next;
    r->line += lines;
    *have = true;
    return RAS_OK;
}

#if RAS_CSV_SSE2
/* Hands out a record the fast path scanned: one line, nothing to undo;
 * plain, no byte above 0x7f (nor NUL: the scan stops at one). */
static inline ras_status deliver_plain(ras_csv *r, size_t next, bool plain, bool *have)
{
    r->record_line = r->line;
    if (plain) {
        r->bad_field = -1;
        r->bad_reason = NULL;
    } else {
        check_text(r, r->buf + r->pos, r->buf + next);
    }
    r->pos = next;
    r->line++;
    *have = true;
    return RAS_OK;
}

/* The fast path did not take the record: grows fields and starts again,
 * or leaves the record to the general scan. */
static ras_status plain_failed(ras_csv *r, plain_result p, bool *have, ras_error *err)
{
    if (p == PLAIN_ROOM && grow_fields(r, NULL) == RAS_OK)
        return ras_csv_next(r, have, err);
    return next_general(r, have, err); /* which reports too many fields, if so */
}

/* Not inlined: ras_csv_next stays a dispatch of a few instructions. */
__attribute__((noinline)) static ras_status next_sse2(ras_csv *r, bool *have, ras_error *err)
{
    size_t next;
    bool plain;
    plain_result p = scan_plain_sse2(r, &next, &plain);
    if (p == PLAIN_DONE)
        return deliver_plain(r, next, plain, have);
    return plain_failed(r, p, have, err);
}

#if RAS_CSV_AVX2
RAS_CSV_AVX2_FN static ras_status next_avx2(ras_csv *r, bool *have, ras_error *err)
{
    size_t next;
    bool plain;
    plain_result p = scan_plain_avx2(r, &next, &plain);
    if (p == PLAIN_DONE)
        return deliver_plain(r, next, plain, have);
    return plain_failed(r, p, have, err);
}
#endif
#endif

ras_status ras_csv_next(ras_csv *r, bool *have, ras_error *err)
{
#if RAS_CSV_AVX2
    if (r->simd >= 2)
        return next_avx2(r, have, err);
#endif
#if RAS_CSV_SSE2
    if (r->simd >= 1)
        return next_sse2(r, have, err);
#endif
    return next_general(r, have, err);
}
