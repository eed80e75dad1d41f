/*
 * cmd_auth.c - `eaphost-test auth`: authentications of one method against
 * libeaphost's in-process authenticator (eaphost_loopback_run), the peer's
 * credentials handed over with eaphost_session_set_credentials (the
 * loopback's identity and password), the authenticator's users from
 * --users FILE or, without it, the one identity with --server-password
 * (default: the peer's password); with --radius, against a RADIUS server
 * instead (cmd_auth_radius.c).
 *
 * Output: one result line per authentication shown, the MSK in hex when
 * keys were derived and whether both sides agree on it; with -n N the
 * rate.  Exit status 0 only when every authentication succeeded.
 */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <eappapis.h>
#include <eaphost/authenticator.h>

#include "auth_run.h"
#include "cli.h"

enum {
    OPT_METHOD = 256, OPT_IDENTITY, OPT_PASSWORD, OPT_SERVER_PASSWORD,
    OPT_USERS, OPT_TRACE, OPT_TRACE_SECRETS, OPT_TIMEOUT, OPT_MAX_SEND,
    OPT_AUTHOR, OPT_METHODS_DIR
};

static const struct option long_options[] = {
    { "method", required_argument, NULL, OPT_METHOD },
    { "identity", required_argument, NULL, OPT_IDENTITY },
    { "password", required_argument, NULL, OPT_PASSWORD },
    { "server-password", required_argument, NULL, OPT_SERVER_PASSWORD },
    { "users", required_argument, NULL, OPT_USERS },
    { "trace", required_argument, NULL, OPT_TRACE },
    { "trace-secrets", no_argument, NULL, OPT_TRACE_SECRETS },
    { "count", required_argument, NULL, 'n' },
    { "timeout", required_argument, NULL, OPT_TIMEOUT },
    { "max-send", required_argument, NULL, OPT_MAX_SEND },
    { "author", required_argument, NULL, OPT_AUTHOR },
    { "methods-dir", required_argument, NULL, OPT_METHODS_DIR },
    { "help", no_argument, NULL, 'h' },
    AUTH_RADIUS_LONG_OPTIONS,
    { NULL, 0, NULL, 0 },
};

/* A number option in [lo, hi]; false after the usage message. */
static bool number_option(const char *name, const char *value, DWORD lo,
                          DWORD hi, DWORD *out, int *status)
{
    if (cli_parse_u32(value, hi, out) && *out >= lo)
        return true;
    *status = cli_usage_error("auth", "%s: '%s' is not a number from %" PRIu32
                              " to %" PRIu32, name, value, (uint32_t)lo,
                              (uint32_t)hi);
    return false;
}

/* One option of getopt_long into @o; false (with *@status) to stop. */
static bool take_option(int c, struct auth_options *o, char **argv,
                        int *status)
{
    switch (c) {
    case OPT_METHOD:
        if (!cli_parse_method(optarg, &o->type, &o->author_known)) {
            *status = cli_usage_error("auth", "--method: '%s' is not md5, "
                                      "gtc, mschapv2 or TYPE[:VENDOR:"
                                      "VENDORTYPE]", optarg);
            return false;
        }
        o->method_given = true;
        return true;
    case OPT_IDENTITY: o->identity = optarg; return true;
    case OPT_PASSWORD: o->password = optarg; return true;
    case OPT_SERVER_PASSWORD: o->server_password = optarg; return true;
    case OPT_USERS: o->users_file = optarg; return true;
    case OPT_TRACE: o->trace_file = optarg; return true;
    case OPT_TRACE_SECRETS: o->trace_secrets = true; return true;
    case OPT_METHODS_DIR: o->methods_dir = optarg; return true;
    case 'n':
        return number_option("-n", optarg, 1, 100000000u, &o->count, status);
    case OPT_TIMEOUT:
        return number_option("--timeout", optarg, 0, 1000000u, &o->timeout,
                             status);
    case OPT_MAX_SEND:
        o->max_send_given = true;
        return number_option("--max-send", optarg, 20, 65535u, &o->max_send,
                             status);
    case OPT_AUTHOR:
        o->author_given = true;
        return number_option("--author", optarg, 0, 0xFFFFFFFFu, &o->author,
                             status);
    case 'h':
        *status = cli_help("auth");
        return false;
    case ':':
        *status = cli_usage_error("auth", "%s needs a value",
                                  argv[optind - 1]);
        return false;
    default:
        switch (auth_radius_option(c, optarg, &o->radius, status)) {
        case 1:
            return true;
        case -1:
            return false;
        }
        *status = cli_usage_error("auth", "unknown option '%s'",
                                  argv[optind - 1]);
        return false;
    }
}

static bool parse(int argc, char **argv, struct auth_options *o, int *status)
{
    int c;

    memset(o, 0, sizeof *o);
    o->count = 1;
    o->timeout = CLI_DEFAULT_TIMEOUT;
    o->max_send = CLI_DEFAULT_MAX_SEND;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":hn:", long_options, NULL)) != -1) {
        if (c == 'n')
            o->count_given = true;
        if (!take_option(c, o, argv, status))
            return false;
    }
    if (optind < argc)
        *status = cli_usage_error("auth", "unexpected argument '%s'",
                                  argv[optind]);
    else if (!o->method_given)
        *status = cli_usage_error("auth", "--method is required");
    else if (!o->identity || !*o->identity)
        *status = cli_usage_error("auth", "--identity is required");
    else if (o->users_file && o->server_password)
        *status = cli_usage_error("auth", "--users and --server-password "
                                  "exclude each other");
    else if (auth_radius_check(o, status))
        return true;
    return false;
}

int cli_auth(int argc, char **argv)
{
    struct auth_options o;
    int status = CLI_EXIT_OK;

    if (!parse(argc, argv, &o, &status))
        return status;
    if (o.author_given)
        o.type.dwAuthorId = o.author;
    cli_start_timeout(o.timeout);
    if (!cli_use_methods_dir(o.methods_dir))
        return CLI_EXIT_FAILED;
    return auth_run(&o);
}
