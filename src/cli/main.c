/* main.c - `ras COMMAND ...`: finds the command and runs it; nothing else
 * lives here. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "help.h"
#include "output.h"
#include "ras.h"
#include "report.h"

static ras_exit print_version(void)
{
    char info[256];

    ras_build_info(info, sizeof info);
    printf("ras %s\nlibras %s (%s)\n", RAS_VERSION_STRING, ras_version(), info);
    return RAS_EXIT_OK;
}

/* `ras help [COMMAND]`. */
static ras_exit help(int argc, char **argv)
{
    if (argc > 1) {
        ras_cli_print(stderr, "ras help: unexpected argument '%s'", argv[1]);
        fputc('\n', stderr);
        return ras_cli_usage_error();
    }
    if (argc == 1)
        return ras_cli_help_command(argv[0]);
    ras_cli_help_program(stdout);
    return RAS_EXIT_OK;
}

static ras_exit dispatch(int argc, char **argv)
{
    const ras_cli_command *c;

    if (argc < 2)
        return ras_cli_usage_error();
    if (strcmp(argv[1], "--version") == 0)
        return print_version();
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        ras_cli_help_program(stdout);
        return RAS_EXIT_OK;
    }
    if (strcmp(argv[1], "help") == 0)
        return help(argc - 2, argv + 2);
    c = ras_cli_find_command(argv[1]);
    if (c == NULL) {
        ras_cli_print(stderr, "ras: no such command '%s'", argv[1]);
        fputc('\n', stderr);
        return ras_cli_usage_error();
    }
    return c->run(argc - 2, argv + 2);
}

int main(int argc, char **argv)
{
    ras_cli_hold_std_fds();
    ras_exit rc = dispatch(argc, argv);

    /* Output the command left in the buffer may still fail to be written
     * (a full disk): that must not pass for success. */
    if (rc != RAS_EXIT_IO && ras_cli_flush_stdout() != RAS_EXIT_OK)
        rc = RAS_EXIT_IO;
    if (fclose(stdout) != 0 && rc != RAS_EXIT_IO) {
        ras_cli_say("cannot write standard output: %s", strerror(errno));
        rc = RAS_EXIT_IO;
    }
    return (int)rc;
}
