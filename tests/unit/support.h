/* support.h - helpers shared by the unit tests. */
#ifndef RAS_TEST_SUPPORT_H
#define RAS_TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ras.h"

/* Loads a model from a questionnaire and one scoring table given as
 * strings; fails the test (printing the error) if it does not load. */
ras_model *test_model(const char *questionnaire, const char *table);

/* Tries to load such a model and returns its status, with *err filled;
 * frees the model if it did load. */
ras_status test_model_error(const char *questionnaire, const char *table, ras_error *err);

/* Scores csv (a whole CSV export, header first) with ras_batch on m and
 * returns its output, NUL-terminated, for the caller to free; fails the
 * test unless ras_batch returns RAS_OK. */
char *test_batch_text(const ras_model *m, const char *csv);

/* Reads a whole file into a NUL-terminated buffer the caller frees. */
char *test_read_file(const char *path, size_t *size);

#endif
