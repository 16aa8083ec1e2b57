/* help.c - prints the help texts held in the command table. */
#include "help.h"

#include <stdbool.h>

#include "commands.h"
#include "ras.h"

#define PROGRAM_SYNOPSIS "ras COMMAND [MODEL] [OPTIONS] [ARGUMENTS]"

const char *ras_cli_synopsis(const char *command)
{
    const ras_cli_command *c = ras_cli_find_command(command);
    return c != NULL ? c->synopsis : PROGRAM_SYNOPSIS;
}

/* The model options, shared by every command. */
static void help_model(FILE *out)
{
    const char *const *names = ras_builtin_models();
    bool any = names != NULL && names[0] != NULL;

    fprintf(out, "Model options (every command; default: the built-in model%s%s):\n",
            any ? " " : "", any ? names[0] : "");
    fputs("  -m, --model DIR|NAME       a folder holding questionnaire*.yaml and\n"
          "                             scoring*.yaml, or a built-in model:",
          out);
    for (size_t i = 0; any && names[i] != NULL; i++)
        fprintf(out, "%s %s", i > 0 ? "," : "", names[i]);
    fputs("\n"
          "  -q, --questionnaire FILE   a questionnaire file, used with -s; repeat it\n"
          "                             for several versions of one questionnaire\n"
          "  -s, --scoring FILE         a scoring table (repeat for several)\n"
          "  -h, --help                 show this help\n",
          out);
}

void ras_cli_help_program(FILE *out)
{
    fputs("usage: " PROGRAM_SYNOPSIS "\n"
          "\n"
          "Turns a social-care client's self-assessment answers into an\n"
          "indicative personal budget, explained step by step.\n"
          "\n"
          "Commands:\n",
          out);
    for (const ras_cli_command *c = ras_cli_commands; c->name != NULL; c++)
        fprintf(out, "  %-10s %s\n", c->name, c->summary);
    fputs("\n", out);
    help_model(out);
    fputs("\n"
          "  ras help COMMAND, ras COMMAND --help   help on one command\n"
          "  ras --version                          the version and libraries\n"
          "\n"
          "Exit status: 0 success; 1 the job ran but found something (a case or\n"
          "rows in error); 2 bad usage; 3 a bad model; 4 a file could not be\n"
          "read or written; 5 ask left before the end, its answers kept in a draft.\n",
          out);
}

ras_exit ras_cli_help_command(const char *command)
{
    const ras_cli_command *c = ras_cli_find_command(command);

    if (c == NULL) {
        fprintf(stderr, "ras: no such command '%s'\n", command);
        return ras_cli_usage_error();
    }
    fprintf(stdout, "usage: %s\n\n%s\n", c->synopsis, c->details);
    help_model(stdout);
    return RAS_EXIT_OK;
}

ras_exit ras_cli_usage_error(void)
{
    fputs("usage: " PROGRAM_SYNOPSIS "\n"
          "Commands:",
          stderr);
    for (const ras_cli_command *c = ras_cli_commands; c->name != NULL; c++)
        fprintf(stderr, " %s", c->name);
    fputs("\nTry 'ras --help' for more.\n", stderr);
    return RAS_EXIT_USAGE;
}
