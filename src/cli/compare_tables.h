/* compare_tables.h - the two scoring tables `ras compare` prices with,
 * each with the questionnaire of the model the options name. */
#ifndef RAS_CLI_COMPARE_TABLES_H
#define RAS_CLI_COMPARE_TABLES_H

#include "exit.h"
#include "ras.h"

/* A model of base's questionnaire and the one scoring table at path, or,
 * when path is a model folder, that folder's model (its questionnaire
 * must be base's, byte for byte); its latest table is the one to price
 * with. Its cases read dates in base's order. Reports a failure and
 * returns its exit status. */
ras_exit ras_cli_model_for_table(const ras_model *base, const char *path, ras_model **out);

#endif
