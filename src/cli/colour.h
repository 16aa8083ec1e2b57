/* colour.h - whether to colour text output. */
#ifndef RAS_CLI_COLOUR_H
#define RAS_CLI_COLOUR_H

#include <stdbool.h>
#include <stdio.h>

/* True when fp is standard output, a terminal, and NO_COLOR is unset or
 * empty (https://no-color.org). */
bool ras_cli_use_colour(FILE *fp);

#endif
