/* colour.c - colour only for a person at a terminal who has not opted out. */
#include "colour.h"

#include <stdlib.h>
#include <unistd.h>

bool ras_cli_use_colour(FILE *fp)
{
    const char *no_colour = getenv("NO_COLOR");

    if (fp != stdout || !isatty(STDOUT_FILENO))
        return false;
    return no_colour == NULL || no_colour[0] == '\0';
}
