/*
 * cmd_methods.c - `eaphost-test methods`: every registered method, loaded
 * and validated (both halves), with its type, author, friendly name,
 * properties and state; then the problems found while reading the
 * registry.  Exit status 1 when a half is faulty or a registry file was
 * refused.
 */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <string.h>

#include <eappapis.h>

#include "cli.h"

/* One half's line (and its reason on the next line); true if faulty. */
static bool print_half(const char *label, const char *dll,
                       eaphost_method_state state, const char *reason)
{
    if (!dll) {
        printf("  %-14s none\n", label);
        return false;
    }
    printf("  %-14s %-6s %s\n", label, cli_state_name(state), dll);
    if (state == EAPHOST_METHOD_FAULTY)
        printf("  %-14s %s\n", "", reason ? reason : "(no reason given)");
    return state == EAPHOST_METHOD_FAULTY;
}

/* One method's block; returns how many of its halves are faulty. */
static unsigned print_method(const eaphost_method_entry *e)
{
    char type[CLI_TYPE_TEXT];
    unsigned faulty = 0;

    printf("%s\n", e->friendly_name ? e->friendly_name : "(no name)");
    printf("  %-14s %s\n", "type", cli_type_text(&e->type.eapType, type));
    printf("  %-14s %" PRIu32 "\n", "author", (uint32_t)e->type.dwAuthorId);
    printf("  %-14s ", "properties");
    cli_print_properties(stdout, e->properties);
    putchar('\n');
    faulty += print_half("peer", e->peer_dll_path, e->state, e->fault_reason);
    faulty += print_half("authenticator", e->authenticator_dll_path,
                         e->authenticator_state,
                         e->authenticator_fault_reason);
    printf("  %-14s %s\n", "registry file",
           e->registry_file ? e->registry_file : "");
    return faulty;
}

/* The registry's problems; returns how many files were refused. */
static unsigned print_problems(void)
{
    eaphost_problem *p = NULL;
    DWORD n = 0, i;
    unsigned refused = 0;

    if (eaphost_get_registry_problems(&p, &n) != ERROR_SUCCESS) {
        printf("registry problems: (could not be read)\n");
        return 1;
    }
    for (i = 0; i < n; i++)
        refused += p[i].severity == EAPHOST_PROBLEM_ERROR;
    if (n == 0) {
        printf("registry problems: none\n");
    } else {
        printf("registry problems:\n");
        cli_print_problems(stdout, "  ", p, n, NULL);
    }
    eaphost_free_registry_problems(p, n);
    return refused;
}

static int list(void)
{
    eaphost_method_entry *m = NULL;
    DWORD count = 0, i, rc;
    unsigned faulty = 0, refused;
    char *dir = NULL;

    if (eaphost_get_methods_dir(&dir) == ERROR_SUCCESS) {
        printf("methods directory: %s\n\n", dir);
        eaphost_free(dir);
    }
    rc = eaphost_list_methods(TRUE, &m, &count);
    if (rc != ERROR_SUCCESS) {
        fprintf(stderr, CLI_NAME ": cannot list the methods: %s\n",
                eaphost_error_message(rc));
        return CLI_EXIT_FAILED;
    }
    for (i = 0; i < count; i++) {
        faulty += print_method(&m[i]);
        putchar('\n');
    }
    eaphost_free_method_list(m, count);
    refused = print_problems();
    printf("%" PRIu32 " method%s, %u faulty hal%s, %u registry file%s "
           "refused\n", (uint32_t)count, count == 1 ? "" : "s", faulty,
           faulty == 1 ? "f" : "ves", refused, refused == 1 ? "" : "s");
    return faulty || refused ? CLI_EXIT_FAILED : CLI_EXIT_OK;
}

int cli_methods(int argc, char **argv)
{
    static const struct option opts[] = {
        { "methods-dir", required_argument, NULL, 'd' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *dir = NULL;
    int c, status;
    DWORD rc;

    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            dir = optarg;
            break;
        case 'h':
            return cli_help("methods");
        case ':':
            return cli_usage_error("methods", "%s needs a value",
                                   argv[optind - 1]);
        default:
            return cli_usage_error("methods", "unknown option '%s'",
                                   argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_usage_error("methods", "unexpected argument '%s'",
                               argv[optind]);
    if (!cli_use_methods_dir(dir))
        return CLI_EXIT_FAILED;
    rc = EapHostPeerInitialize();
    if (rc != ERROR_SUCCESS) {
        fprintf(stderr, CLI_NAME ": EapHostPeerInitialize: %s\n",
                eaphost_error_message(rc));
        return CLI_EXIT_FAILED;
    }
    status = list();
    EapHostPeerUninitialize();
    return status;
}
