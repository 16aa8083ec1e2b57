/* commands.c - the table of commands: name, entry point and help text. */
#include "commands.h"

#include <stddef.h>
#include <string.h>

/* The reading options of batch and audit (read_opts.h), aligned as their
 * other options are. */
#define READ_OPTS_HELP                                                                             \
    "  --encoding ENC        utf-8 or cp1252 (default: UTF-8 unless the bytes\n"                   \
    "                        are not valid UTF-8, then Windows-1252)\n"                            \
    "  --delimiter D         comma, semicolon or tab (default: from the header)\n"                 \
    "  --columns FILE        a column mapping, export names to ras names\n"                        \
    "                        (default: columns.yaml in the -m folder, if any)\n"

const ras_cli_command ras_cli_commands[] = {
    {"score", ras_cmd_score, "score one case and explain the indicative budget",
     "ras score [MODEL] ANSWERS.yaml [--format text|json|html] [--what-if] [-o OUT]\n"
     "          [--dates dmy|mdy]",
     "Scores one case (a YAML or JSON answers file, - for standard input) and\n"
     "writes the statement the client reads: the budget in one sentence, why,\n"
     "what happens next, how it was worked out (points by area of need, then\n"
     "every step of the pricing) and, last, the record (ids, versions and\n"
     "fingerprints). The scoring table's statement: section gives the\n"
     "council's own words (docs/statement.md). With no model option, the\n"
     "built-in model whose questionnaire the case names (its `questionnaire:`\n"
     "key) is used. Every problem in the case is reported at once (the first\n"
     "20), each with its line and column.\n"
     "\n"
     "  --format text|json|html  text (default); JSON with every question's\n"
     "                      points; or one printable HTML page (inline CSS and\n"
     "                      SVG, no script, A4 when printed)\n"
     "  --what-if           also list what would change the budget: each\n"
     "                      answer one step up or down (a number one more or\n"
     "                      less, a multiple answer added or taken away), only\n"
     "                      changes of 1.00 or more, largest first; and the\n"
     "                      budget with each answer that changes the amount\n"
     "  -o, --output FILE   write there (atomically) instead of standard output\n"
     "  --dates dmy|mdy     read assessed_on 01/07/2025 day first (default) or\n"
     "                      month first, as US exports write it\n"
     "\n"
     "Exit status: 0 scored; 1 the case is invalid (its YAML, an unknown\n"
     "question or answer, a value out of range, a missing required answer);\n"
     "2 bad usage; 3 bad model; 4 the answers file could not be read or the\n"
     "output written.\n"},
    {"batch", ras_cmd_batch, "score a CSV of cases into a CSV of budgets",
     "ras batch [MODEL] CASES.csv|CASES.xlsx [-o OUT.csv|OUT.xlsx] [--summary FILE.json]\n"
     "          [--sheet NAME] [--raw-text] [--dates dmy|mdy] [--encoding ENC]\n"
     "          [--delimiter D] [--columns FILE]",
     "Scores every row of CASES.csv (- for standard input) and writes one\n"
     "output row per input row:\n"
     "  client_id,status,points,ras_amount,indicative_budget,weekly_budget,\n"
     "  basis,panel,scoring,message\n"
     "A summary goes to standard error. A row in error becomes an error row\n"
     "and the run goes on; a broken CSV (a quote still open at the end of the\n"
     "file, an over-long record) stops it at the broken line: the rows before it are\n"
     "on standard output (with -o, FILE is not written) and the summary\n"
     "says where it stopped. A CSV may be an export as Excel or a\n"
     "case-management system writes it (docs/exports.md): UTF-8 or\n"
     "Windows-1252, comma, semicolon or tab, header names in any case.\n"
     "CASES may be an Excel workbook (.xlsx, a file, not a pipe): the rows of\n"
     "its first sheet are read as a CSV's, dates and numbers as Excel shows\n"
     "them (docs/exports.md, \"Workbooks\").\n"
     "\n"
     "  -o, --output FILE     write there instead of standard output; FILE is\n"
     "                        replaced only once complete, and may not be\n"
     "                        CASES.csv or a model file; FILE.xlsx is a\n"
     "                        workbook: Results (amounts as numbers in pounds),\n"
     "                        Errors and Summary sheets\n"
     "  --summary FILE.json   also write the summary there as JSON (atomically)\n"
     "  --sheet NAME          read this sheet of the workbook, not the first\n"
     "  --raw-text            write text cells as they are: no ' before a client\n"
     "                        id or message starting with =, +, -, @, tab or CR\n"
     "                        (that guard keeps spreadsheets from running them)\n"
     "  --dates dmy|mdy       read dates such as 01/07/2025 day first (default)\n"
     "                        or month first, as US exports write them\n" READ_OPTS_HELP "\n"
     "Exit status: 0 every row scored; 1 some rows are in error, or the CSV is\n"
     "broken; 2 bad usage; 3 bad model; 4 a file could not be read or written.\n"},
    {"ask", ras_cmd_ask, "fill in the questionnaire interactively and score it",
     "ras ask [MODEL] [-o ANSWERS.yaml]",
     "Asks the client details and then every question, domain by domain, shows\n"
     "the running points total after each domain and, at the end, the full\n"
     "score statement. At any prompt: b goes back one question (the earlier\n"
     "answer is shown; Enter keeps it), ? shows help, q quits. Needs increased\n"
     "and the existing package are asked only of a client who is not new; the\n"
     "assessment date is today unless another is typed. Input may be piped in.\n"
     "\n"
     "  -o, --output FILE   save the answers there as a case file that\n"
     "                      `ras score` reads back to the same result; when\n"
     "                      FILE exists, asks first whether to replace it\n"
     "\n"
     "Exit status: 0 done; 1 quit or input ended before the end (nothing is\n"
     "saved); 2 bad usage; 3 bad model; 4 the answers could not be saved.\n"},
    {"form", ras_cmd_form, "print the questionnaire as a form to fill in before the visit",
     "ras form [MODEL] [--format text|html] [-o OUT]",
     "Writes the questionnaire as a form the client can fill in before the\n"
     "assessment: room for their details, then each area of need with its\n"
     "questions, help texts and answers, in the model's order and words\n"
     "(points are not shown).\n"
     "\n"
     "  --format text|html  text (default), plain for a screen reader, or one\n"
     "                      self-contained HTML page with tick boxes that\n"
     "                      prints on A4\n"
     "  -o, --output FILE   write there (atomically) instead of standard output\n"
     "\n"
     "Exit status: 0 written; 2 bad usage; 3 bad model; 4 the output could not\n"
     "be written.\n"},
    {"check", ras_cmd_check, "validate a model and describe it",
     "ras check [MODEL] [--format text|json] [-o OUT]",
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
    {"init", ras_cmd_init, "write a commented starter model into a new folder",
     "ras init DIR [--from NAME]",
     "Creates the folder DIR (or uses it if it exists and is empty) and writes\n"
     "a model into it to start a council's own from: questionnaire.yaml and\n"
     "scoring.yaml, commented key by key. Edit them, then run\n"
     "`ras check -m DIR`. A folder that is not empty is refused, so no file\n"
     "is ever overwritten.\n"
     "\n"
     "  --from NAME   copy the built-in model NAME instead of the starter\n"
     "                (see `ras --help` for the names)\n"
     "\n"
     "Exit status: 0 written; 2 bad usage, DIR not a folder or not empty, or\n"
     "no built-in model NAME; 4 a file or the folder could not be written\n"
     "(nothing is left behind).\n"},
    {"audit", ras_cmd_audit, "re-score past cases and compare with the budgets recorded",
     "ras audit [MODEL] PAST.csv|PAST.xlsx [-o OUT.csv] [--tolerance POUNDS] [--require-dates]\n"
     "          [--report FILE] [--sheet NAME] [--format text|json|html] [--raw-text]\n"
     "          [--dates dmy|mdy] [--encoding ENC] [--delimiter D] [--columns FILE]",
     "Re-scores every row of PAST.csv (a batch CSV with a recorded_budget\n"
     "column, pounds; - for standard input), each with the scoring table in\n"
     "force on its assessed_on date, and writes the rows that differ or are\n"
     "in error:\n"
     "  client_id,recorded,recomputed,difference,basis,scoring,table,reason\n"
     "difference is recomputed - recorded; table is current, or older when the\n"
     "row was priced by a table that is not the latest; reason says which way\n"
     "a row differs (recorded £810.00 more than recomputed) or why it is in\n"
     "error. A row with no assessed_on is priced by the latest table, counted\n"
     "and warned about.\n"
     "The report begins with a record (when it ran, the ras version, the\n"
     "command, every model file and the input with their SHA-256) and gives the\n"
     "rows checked, consistent, different and in error, the over-payments and\n"
     "under-payments apart with their totals, and the net. It goes to standard\n"
     "error unless --report names a file. PAST may be an Excel workbook (.xlsx),\n"
     "read as ras batch reads one.\n"
     "\n"
     "  -o, --output FILE     write the rows there (atomically) instead of\n"
     "                        standard output\n"
     "  --tolerance POUNDS    differences of at most this much count as\n"
     "                        consistent (e.g. 0.50 for records kept in pounds);\n"
     "                        default 0.00\n"
     "  --require-dates       a row with no assessed_on is an error\n"
     "  --sheet NAME          read this sheet of the workbook, not the first\n"
     "  --raw-text            no ' before text cells starting with =, +, -, @,\n"
     "                        tab or CR (see ras batch --help)\n"
     "  --report FILE         write the report there (atomically), in --format;\n"
     "                        - is standard output\n"
     "  --format text|json|html  the report as text (default), JSON or an HTML\n"
     "                        page to file (prints on A4); without --report,\n"
     "                        with -o FILE it goes to standard output, else to\n"
     "                        standard error\n"
     "  --dates dmy|mdy       read dates such as 01/07/2025 day first (default)\n"
     "                        or month first, as US exports write them\n" READ_OPTS_HELP "\n"
     "Exit status: 0 every row consistent; 1 some rows differ or are in error,\n"
     "or the CSV is broken; 2 bad usage; 3 bad model; 4 a file could not be\n"
     "read or written.\n"},
    {"calibrate", ras_cmd_calibrate, "work out the price per point for cost neutrality",
     "ras calibrate [MODEL] COSTS.csv|COSTS.xlsx [--write SCORING.yaml] [--flat]\n"
     "              [--plot FILE.svg] [--sheet NAME] [--report FILE] [--format text|json|html]\n"
     "              [--dates dmy|mdy] [--encoding ENC] [--delimiter D] [--columns FILE]",
     "Reads COSTS.csv (a batch CSV with a current_cost column, pounds a year;\n"
     "- for standard input), prices every case with the latest scoring table\n"
     "and reports per client group and for all: eligible cases, the current\n"
     "cost of the priced cases (the cost-neutral target) beside that of all\n"
     "cases, points, the cost-neutral flat price per point, for a stepped or\n"
     "banded group the cost-neutral scale of its own prices, the least-squares\n"
     "price per point through the origin, R squared, the mean absolute\n"
     "percentage difference, clients gaining or losing more than 10% and the\n"
     "ten largest differences (see docs/calibration.md). COSTS may be an Excel\n"
     "workbook (.xlsx), read as ras batch reads one. The report begins with a\n"
     "record: when it ran, the ras version, the command, every model file and\n"
     "the input with their SHA-256.\n"
     "\n"
     "  -o, --output FILE          write the report there (atomically)\n"
     "  --report FILE              the same as -o (give one of them)\n"
     "  --format text|json|html    the report as text (default), JSON or an HTML\n"
     "                             page with the plot (prints on A4)\n"
     "  --write FILE               write a new scoring table: the latest table's\n"
     "                             settings, each group's steps or bands scaled\n"
     "                             to cost neutral, a new id and version from its\n"
     "                             date; never over a file of the model in use\n"
     "  --flat                     with --write, each group one flat rate at its\n"
     "                             cost-neutral price instead (a warning names each\n"
     "                             group whose steps or bands this flattens)\n"
     "  --effective-from DATE      its effective_from, YYYY-MM-DD (default today)\n"
     "  --plot FILE                draw the cases, the cost-neutral lines and the\n"
     "                             current pricing as SVG\n"
     "  --sheet NAME               read this sheet of the workbook, not the first\n"
     "  --dates dmy|mdy            read dates such as 01/07/2025 day first\n"
     "                             (default) or month first (US exports)\n"
     "  --encoding ENC             utf-8 or cp1252 (default: UTF-8 unless the\n"
     "                             bytes are not valid UTF-8, then Windows-1252)\n"
     "  --delimiter D              comma, semicolon or tab (default: from the\n"
     "                             header)\n"
     "  --columns FILE             a column mapping, export names to ras names\n"
     "                             (default: columns.yaml in the -m folder)\n"
     "\n"
     "Exit status: 0 done; 1 some rows were left out (each named on standard\n"
     "error), or the CSV is broken; 2 bad usage; 3 bad model; 4 a file could\n"
     "not be read or written.\n"},
    {"compare", ras_cmd_compare, "price cases under two scoring tables: who gains, who loses",
     "ras compare [MODEL] [--from TABLE] --to TABLE|DIR CASES.csv|CASES.xlsx [--by COL,...]\n"
     "            [-o ROWS.csv] [--report FILE] [--sheet NAME] [--format text|json]",
     "Prices every row of CASES.csv (a batch CSV; - for standard input) under\n"
     "the old scoring table (--from, default the model's latest) and the new\n"
     "one (--to: a scoring file such as `ras calibrate --write` wrote, or a\n"
     "model folder whose latest table is the new one; the questionnaire must\n"
     "be the model's). assessed_on picks no table: both prices are for now.\n"
     "The report begins with the record and gives the totals before and after\n"
     "and the change; the cases gaining and losing more than 0%, 5% and 10%\n"
     "with their totals; the same per group, per points band of 10 and per\n"
     "category of each --by column (an equality impact table; a category of\n"
     "fewer than 10 people is marked); and the largest gains and losses\n"
     "(see docs/compare.md).\n"
     "\n"
     "  --from TABLE          the old scoring table (default: the model's latest)\n"
     "  --to TABLE|DIR        the new scoring table, or a model folder\n"
     "  --by COL,...          columns of CASES.csv to break the figures down by\n"
     "                        (age band, gender, ethnicity, locality...)\n"
     "  -o, --output FILE     one row per case there (atomically):\n"
     "                        client_id,status,group,points,before,after,change,\n"
     "                        message\n"
     "  --report FILE         the report there (atomically) instead of standard\n"
     "                        output\n"
     "  --sheet NAME          read this sheet of the workbook, not the first\n"
     "  --format text|json    the report as text (default) or JSON\n"
     "\n"
     "Exit status: 0 every row priced under both; 1 some rows are in error, or\n"
     "the CSV is broken; 2 bad usage; 3 bad model; 4 a file could not be read\n"
     "or written.\n"},
    {NULL, NULL, NULL, NULL, NULL},
};

const ras_cli_command *ras_cli_find_command(const char *name)
{
    for (const ras_cli_command *c = ras_cli_commands; c->name != NULL; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}
