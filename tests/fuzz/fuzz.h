/* fuzz.h - what the fuzz targets share: the libFuzzer entry point (also
 * called by replay.c, the driver that runs saved inputs without
 * libFuzzer) and the fixed model the case and CSV targets score with. */
#ifndef RAS_FUZZ_H
#define RAS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "ras.h"

/* One input: never crashes, leaks or aborts unless the library breaks a
 * promise of ras.h or SPEC.md. Always returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A small valid model using every feature (single, multiple and number
 * questions, caps, adjusts, two dated tables, bands and steps), loaded on
 * first use and kept for the life of the process. Aborts if it does not
 * load: then the harness itself is broken. */
const ras_model *ras_fuzz_fixed_model(void);

/* A stream that swallows output, opened once. Aborts if it cannot. */
FILE *ras_fuzz_null_stream(void);

/* Stops the process with a message when a promise is broken; the fuzzer
 * keeps the input that got there. */
#define RAS_FUZZ_CHECK(cond)                                                                       \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#endif
