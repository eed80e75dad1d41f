/*
 * main.c - eaphost-test: the command-line front of libeaphost, for method
 * authors and CI (our counterpart of wpa_supplicant's eapol_test).
 *
 *   eaphost-test methods   the registered methods, validated
 *   eaphost-test inspect   one plugin checked step by step (a lint)
 *   eaphost-test auth      one (or N) authentications in process
 *
 * This file parses the command word and prints usage and help; each
 * command parses its own options (cmd_*.c).  Exit statuses: 0 success,
 * 1 failure (of the authentication, of a method, of the input), 2 bad
 * arguments.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_auth_radius.h"

static const char usage_methods[] =
    "       " CLI_NAME " methods [--methods-dir DIR]\n";
static const char usage_inspect[] =
    "       " CLI_NAME " inspect PLUGIN [--type T[:V:VT]] [--author A]\n"
    "                    [--request-data HEX] [--timeout S]\n";
static const char usage_auth[] =
    "       " CLI_NAME " auth --method M --identity NAME [--password P]\n"
    "                    [--server-password P | --users FILE] [--trace FILE]\n"
    "                    [--trace-secrets] [-n N] [--timeout S]\n"
    "                    [--max-send BYTES] [--author A] [--methods-dir DIR]\n"
    AUTH_RADIUS_USAGE;

static const char help_text[] =
    "Run EAP methods through libeaphost, the EAPHost emulator.\n"
    "\n"
    "Commands:\n"
    "  methods   list the registered methods with their type, author,\n"
    "            properties and the state of both halves, after loading\n"
    "            and validating each; then the registry's problems.\n"
    "            Exit 1 if a method is faulty or a registry file was refused.\n"
    "  inspect   check one plugin outside the registry, in a child process:\n"
    "            loading, entry points, DllMain, GetInfo, routine table,\n"
    "            Initialize/Shutdown, one session and its answer to a\n"
    "            well-formed request, for both halves.  Exit 1 if a defect\n"
    "            makes the plugin unusable (a crash is one).\n"
    "  auth      authenticate against the in-process authenticator, or a\n"
    "            RADIUS server with --radius, and print the result and the\n"
    "            MSK.  Exit 0 only on success.\n"
    "\n"
    "Options:\n"
    "  --methods-dir DIR     registry directory (default:\n"
    "                        $EAPHOST_METHODS_DIR, else the built-in one)\n"
    "  --method M            md5, gtc, mschapv2, or TYPE[:VENDOR:VENDORTYPE]\n"
    "  --type T[:V:VT]       inspect: the plugin's EAP type (default: from a\n"
    "                        JSON file of the plugin's base name beside it)\n"
    "  --author A            the method's AuthorId (default: from the name,\n"
    "                        the registry or the JSON file; else 0)\n"
    "  --request-data HEX    inspect: type data of the test request\n"
    "  --identity NAME       auth: the peer's identity\n"
    "  --password P          auth: the peer's password\n"
    "  --server-password P   auth: the password the authenticator stores for\n"
    "                        NAME (default: the --password)\n"
    "  --users FILE          auth: the authenticator's user database (JSON)\n"
    "  --trace FILE          auth: every host->method call and packet as JSON\n"
    "                        lines; secrets redacted unless --trace-secrets\n"
    "  -n N, --count N       auth: run N authentications, print the rate\n"
    "  --timeout S           give up after S seconds (default 30, 0: never)\n"
    "  --max-send BYTES      auth: largest packet (default 1020; 1400\n"
    "                        with --radius)\n"
    AUTH_RADIUS_HELP
    "  -h, --help            this text;  --version  the version\n"
    "\n"
    "Exit status: 0 success, 1 failure or defect, 2 bad arguments.\n"
    "See eaphost-test(1).\n";

void cli_print_usage(FILE *f, const char *command)
{
    bool all = command == NULL;

    fputs("Usage:\n", f);
    if (all || strcmp(command, "methods") == 0)
        fputs(usage_methods, f);
    if (all || strcmp(command, "inspect") == 0)
        fputs(usage_inspect, f);
    if (all || strcmp(command, "auth") == 0)
        fputs(usage_auth, f);
    if (all)
        fputs("       " CLI_NAME " --help | --version\n", f);
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;

    fputs(CLI_NAME ": ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    cli_print_usage(stderr, command);
    fprintf(stderr, "Try '" CLI_NAME " --help' for more.\n");
    return CLI_EXIT_USAGE;
}

int cli_help(const char *command)
{
    cli_print_usage(stdout, command);
    fputs("\n", stdout);
    fputs(help_text, stdout);
    return CLI_EXIT_OK;
}

int main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : NULL;

    if (!cmd)
        return cli_usage_error(NULL, "no command given");
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0)
        return cli_help(NULL);
    if (strcmp(cmd, "--version") == 0) {
        printf(CLI_NAME " (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
        return CLI_EXIT_OK;
    }
    if (strcmp(cmd, "methods") == 0)
        return cli_methods(argc - 1, argv + 1);
    if (strcmp(cmd, "inspect") == 0)
        return cli_inspect(argc - 1, argv + 1);
    if (strcmp(cmd, "auth") == 0)
        return cli_auth(argc - 1, argv + 1);
    return cli_usage_error(NULL, "unknown command '%s'", cmd);
}
