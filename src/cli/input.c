/* input.c - the CSV a command reads (input.h). */
#include "input.h"

#include <errno.h>
#include <string.h>

#include "report.h"

FILE *ras_in_open(const char *path, const char **name)
{
    if (strcmp(path, "-") == 0) {
        *name = "<stdin>";
        return stdin;
    }
    FILE *in = fopen(path, "rb");
    if (in == NULL)
        ras_cli_say("cannot read %s: %s", path, strerror(errno));
    *name = path;
    return in;
}

void ras_in_close(FILE *in)
{
    if (in != NULL && in != stdin)
        fclose(in);
}
