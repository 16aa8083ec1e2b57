/* commands.c - the table of commands: name, entry point and help text. */
#include "commands.h"

#include <stddef.h>
#include <string.h>

const ras_cli_command ras_cli_commands[] = {
    {"score", ras_cmd_score, "score one case and explain the indicative budget",
     "ras score [MODEL] ANSWERS.yaml [--format text|json] [-o OUT]",
     "Scores one case (a YAML or JSON answers file, - for standard input) and\n"
     "explains every step from the answers to the indicative budget.\n"
     "\n"
     "  --format text|json  text (default) or JSON with every question's points\n"
     "  -o, --output FILE   write there (atomically) instead of standard output\n"
     "\n"
     "Exit status: 0 scored; 1 the case is invalid (its YAML, an unknown\n"
     "question or answer, a value out of range, a missing required answer);\n"
     "2 bad usage; 3 bad model; 4 the answers file could not be read or the\n"
     "output written.\n"},
    {"batch", ras_cmd_batch, "score a CSV of cases into a CSV of budgets",
     "ras batch [MODEL] CASES.csv [-o OUT.csv]",
     "Scores every row of CASES.csv (- for standard input) and writes one\n"
     "output row per input row:\n"
     "  client_id,status,points,ras_amount,indicative_budget,weekly_budget,\n"
     "  basis,panel,scoring,message\n"
     "A summary goes to standard error.\n"
     "\n"
     "  -o, --output FILE   write there instead of standard output; FILE is\n"
     "                      replaced only once complete, and may not be CASES.csv\n"
     "\n"
     "Exit status: 0 every row scored; 1 some rows are in error, or the CSV is\n"
     "broken; 2 bad usage; 3 bad model; 4 a file could not be read or written.\n"},
    {"ask", ras_cmd_ask, "fill in the questionnaire interactively and score it",
     "ras ask [MODEL] [-o ANSWERS.yaml]",
     "Asks the client details and then every question, domain by domain, shows\n"
     "the running points total after each domain and, at the end, the full\n"
     "score statement. At any prompt: b goes back one question, ? shows help,\n"
     "q quits. Input may be piped in.\n"
     "\n"
     "  -o, --output FILE   save the answers there as a case file that\n"
     "                      `ras score` reads back to the same result\n"
     "\n"
     "Exit status: 0 done; 1 quit or input ended before the end (nothing is\n"
     "saved); 2 bad usage; 3 bad model; 4 the answers could not be saved.\n"},
    {"check", ras_cmd_check, "validate a model and describe it", "ras check [MODEL] [--format text|json] [-o OUT]",
     "Validates the model and prints the ids, versions and SHA-256\n"
     "fingerprints of its files (equal to sha256sum), the questions per\n"
     "domain, the points range, the budget range per group and the dates the\n"
     "scoring tables take effect.\n"
     "\n"
     "  --format text|json  text (default) or JSON\n"
     "  -o, --output FILE   write there (atomically) instead of standard output\n"
     "\n"
     "Exit status: 0 the model is valid; 2 bad usage; 3 bad model; 4 a file\n"
     "could not be read or the output written.\n"},
    {NULL, NULL, NULL, NULL, NULL},
};

const ras_cli_command *ras_cli_find_command(const char *name)
{
    for (const ras_cli_command *c = ras_cli_commands; c->name != NULL; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}
