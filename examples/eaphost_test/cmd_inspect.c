/*
 * cmd_inspect.c - `eaphost-test inspect PLUGIN`: the parent's side.  It
 * parses the arguments, finds the plugin's type (--type, else the JSON
 * file beside it), makes a private registry directory and runs the
 * inspection (inspect_child.c) in a child process, so that a plugin that
 * crashes or hangs is reported instead of taking the command down: the
 * child names each step on a pipe before it runs it, and the parent
 * reports the signal (or the timeout) with the last step named.
 *
 * Exit status: 0 usable, 1 a defect makes it unusable (crash included),
 * 2 bad arguments.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "inspect.h"

enum { OPT_TYPE = 256, OPT_AUTHOR, OPT_DATA, OPT_TIMEOUT };

/* What the parent learns from the child's pipe. */
struct watch {
    char step[512];      /* the last step named */
    char partial[512];   /* a line not yet complete */
    size_t partial_len;
    bool done;           /* the child reported its end */
    bool timed_out;
};

/* ---- arguments --------------------------------------------------------- */

static bool parse_hex(const char *s, BYTE *out, DWORD max, DWORD *len)
{
    size_t n = strlen(s), i;

    if (n % 2 != 0 || n / 2 > max)
        return false;
    for (i = 0; i < n; i += 2) {
        char pair[3] = { s[i], s[i + 1], '\0' };
        char *end = NULL;
        if (!strchr("0123456789abcdefABCDEF", pair[0]) ||
            !strchr("0123456789abcdefABCDEF", pair[1]))
            return false;
        out[i / 2] = (BYTE)strtoul(pair, &end, 16);
    }
    *len = (DWORD)(n / 2);
    return true;
}

struct inspect_args {
    const char *plugin;
    bool type_given, author_given;
    EAP_TYPE type;
    DWORD author;
};

/* Returns 0 to go on, or the exit status (-1 for a successful --help). */
static int parse(int argc, char **argv, struct inspect_args *a,
                 struct inspect_options *o)
{
    static const struct option opts[] = {
        { "type", required_argument, NULL, OPT_TYPE },
        { "author", required_argument, NULL, OPT_AUTHOR },
        { "request-data", required_argument, NULL, OPT_DATA },
        { "timeout", required_argument, NULL, OPT_TIMEOUT },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case OPT_TYPE:
            if (!cli_parse_type(optarg, &a->type))
                return cli_usage_error("inspect", "--type: '%s' is not T "
                                       "(4-253) or 254:VENDOR:VENDORTYPE",
                                       optarg);
            a->type_given = true;
            break;
        case OPT_AUTHOR:
            if (!cli_parse_u32(optarg, 0xFFFFFFFFu, &a->author))
                return cli_usage_error("inspect", "--author: '%s' is not a "
                                       "number", optarg);
            a->author_given = true;
            break;
        case OPT_DATA:
            if (!parse_hex(optarg, o->request_data, INSPECT_MAX_DATA,
                           &o->request_data_len))
                return cli_usage_error("inspect", "--request-data: not an "
                                       "even number of hex digits (at most "
                                       "%u bytes)", INSPECT_MAX_DATA);
            o->request_data_given = true;
            break;
        case OPT_TIMEOUT:
            if (!cli_parse_u32(optarg, 1000000u, &o->timeout))
                return cli_usage_error("inspect", "--timeout: '%s' is not a "
                                       "number of seconds", optarg);
            break;
        case 'h':
            cli_help("inspect");
            return -1;
        case ':':
            return cli_usage_error("inspect", "%s needs a value",
                                   argv[optind - 1]);
        default:
            return cli_usage_error("inspect", "unknown option '%s'",
                                   argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error("inspect", "no PLUGIN given");
    if (optind + 1 < argc)
        return cli_usage_error("inspect", "unexpected argument '%s'",
                               argv[optind + 1]);
    a->plugin = argv[optind];
    return 0;
}

static bool same_type(const EAP_TYPE *a, const EAP_TYPE *b)
{
    return a->type == b->type && a->dwVendorId == b->dwVendorId &&
           a->dwVendorType == b->dwVendorType;
}

/*
 * The type: --type, else the JSON beside the plugin.  The author: --author,
 * else the JSON's when it names the same type, else 0.
 */
static int resolve_type(const struct inspect_args *a,
                        struct inspect_options *o, char **source)
{
    EAP_METHOD_TYPE from_json;
    int found;

    *source = NULL;
    found = inspect_type_from_json(o->plugin, &from_json, source,
                                   !a->type_given);
    if (a->type_given) {
        o->type.eapType = a->type;
        if (found == 1 && same_type(&from_json.eapType, &a->type)) {
            o->type.dwAuthorId = from_json.dwAuthorId;
        } else {
            free(*source);
            *source = NULL;
        }
    } else if (found == 1) {
        o->type = from_json;
    } else {
        return cli_usage_error("inspect", "cannot tell the type of %s%s; "
                               "give --type", o->plugin, found == 0 ?
                               " (no registry JSON file of its name beside "
                               "it)" : "");
    }
    if (a->author_given)
        o->type.dwAuthorId = a->author;
    return 0;
}

/* ---- the child --------------------------------------------------------- */

static const char *signal_name(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGILL: return "SIGILL";
    case SIGFPE: return "SIGFPE";
    case SIGABRT: return "SIGABRT";
    case SIGKILL: return "SIGKILL";
    case SIGTERM: return "SIGTERM";
    case SIGPIPE: return "SIGPIPE";
    case SIGALRM: return "SIGALRM";
    case SIGTRAP: return "SIGTRAP";
    case SIGSYS: return "SIGSYS";
    default: return "signal";
    }
}

/* Take the lines of @buf: "step NAME" and "done STATUS". */
static void take_lines(struct watch *w, const char *buf, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (buf[i] != '\n') {
            if (w->partial_len + 1 < sizeof w->partial)
                w->partial[w->partial_len++] = buf[i];
            continue;
        }
        w->partial[w->partial_len] = '\0';
        if (strncmp(w->partial, "step ", 5) == 0)
            snprintf(w->step, sizeof w->step, "%s", w->partial + 5);
        else if (strncmp(w->partial, "done ", 5) == 0)
            w->done = true;
        w->partial_len = 0;
    }
}

/* Read the pipe until it closes or the time is up. */
static void watch_child(int fd, DWORD timeout, struct watch *w)
{
    struct timespec start, now;
    char buf[512];

    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        int wait_ms = -1;
        if (timeout) {
            clock_gettime(CLOCK_MONOTONIC, &now);
            long long spent = (long long)(now.tv_sec - start.tv_sec) * 1000 +
                              (now.tv_nsec - start.tv_nsec) / 1000000;
            long long left = (long long)timeout * 1000 - spent;
            if (left <= 0) {
                w->timed_out = true;
                return;
            }
            wait_ms = left > INT_MAX ? INT_MAX : (int)left;
        }
        struct pollfd p = { .fd = fd, .events = POLLIN };
        int r = poll(&p, 1, wait_ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return;
        if (r == 0)
            continue;       /* the deadline is checked above */
        ssize_t got = read(fd, buf, sizeof buf);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return;         /* closed: the child has ended */
        take_lines(w, buf, (size_t)got);
    }
}

/* In the child: the signals a crash raises kill it outright (a sanitizer's
 * handler would turn them into an ordinary exit). */
static void default_crash_signals(void)
{
    static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT };
    size_t i;

    for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        signal(sigs[i], SIG_DFL);
}

static int run_child(const struct inspect_options *o)
{
    struct watch w;
    int fds[2], wstatus = 0;
    pid_t pid;

    memset(&w, 0, sizeof w);
    snprintf(w.step, sizeof w.step, "start");
    if (pipe(fds) != 0) {
        fprintf(stderr, CLI_NAME ": pipe: %s\n", strerror(errno));
        return CLI_EXIT_FAILED;
    }
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid == 0) {
        close(fds[0]);
        default_crash_signals();
        _exit(inspect_child(o, fds[1]));
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        fprintf(stderr, CLI_NAME ": fork: %s\n", strerror(errno));
        return CLI_EXIT_FAILED;
    }
    watch_child(fds[0], o->timeout, &w);
    close(fds[0]);
    if (w.timed_out)
        kill(pid, SIGKILL);
    while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
        ;
    if (w.timed_out) {
        printf("FAIL %s: no answer within %" PRIu32 " s: the inspection was "
               "stopped\nresult: UNUSABLE (it hangs)\n", w.step,
               (uint32_t)o->timeout);
        return CLI_EXIT_FAILED;
    }
    if (WIFSIGNALED(wstatus)) {
        int sig = WTERMSIG(wstatus);
        printf("FAIL %s: the plugin crashed: %s (signal %d, %s)\n"
               "result: UNUSABLE (it crashed)\n", w.done ? "process exit"
               : w.step, signal_name(sig), sig, strsignal(sig));
        return CLI_EXIT_FAILED;
    }
    if (!w.done || !WIFEXITED(wstatus) || WEXITSTATUS(wstatus) > 1) {
        printf("FAIL %s: the inspection ended abnormally (exit status %d)\n"
               "result: UNUSABLE\n", w.step,
               WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1);
        return CLI_EXIT_FAILED;
    }
    return WEXITSTATUS(wstatus) == 0 ? CLI_EXIT_OK : CLI_EXIT_FAILED;
}

/* ---- the command ------------------------------------------------------- */

static char *make_registry_dir(void)
{
    const char *tmp = getenv("TMPDIR");
    size_t n;
    char *dir;

    if (!tmp || !*tmp)
        tmp = "/tmp";
    n = strlen(tmp) + 32;
    dir = malloc(n);
    if (!dir)
        return NULL;
    snprintf(dir, n, "%s/eaphost-test.XXXXXX", tmp);
    if (!mkdtemp(dir)) {
        fprintf(stderr, CLI_NAME ": %s: %s\n", dir, strerror(errno));
        free(dir);
        return NULL;
    }
    return dir;
}

static void remove_registry_dir(char *dir)
{
    size_t n = strlen(dir) + 16;
    char *file = malloc(n);

    if (file) {
        snprintf(file, n, "%s/inspect.json", dir);
        unlink(file);
        free(file);
    }
    rmdir(dir);
    free(dir);
}

int cli_inspect(int argc, char **argv)
{
    struct inspect_options o;
    struct inspect_args a;
    char *plugin, *source = NULL, *dir, type[CLI_TYPE_TEXT];
    int status;

    memset(&o, 0, sizeof o);
    memset(&a, 0, sizeof a);
    o.timeout = CLI_DEFAULT_TIMEOUT;
    status = parse(argc, argv, &a, &o);
    if (status < 0)
        return CLI_EXIT_OK;     /* --help */
    if (status)
        return status;
    plugin = realpath(a.plugin, NULL);
    if (!plugin) {
        fprintf(stderr, CLI_NAME ": %s: %s\n", a.plugin, strerror(errno));
        return CLI_EXIT_FAILED;
    }
    o.plugin = plugin;
    status = resolve_type(&a, &o, &source);
    if (status) {
        free(plugin);
        return status;
    }
    printf("inspecting %s\n  as type %s, author %" PRIu32 "%s%s%s\n",
           plugin, cli_type_text(&o.type.eapType, type),
           (uint32_t)o.type.dwAuthorId, source ? " (from " : "",
           source ? source : "", source ? ")" : "");
    free(source);
    dir = make_registry_dir();
    if (!dir) {
        free(plugin);
        return CLI_EXIT_FAILED;
    }
    o.registry_dir = dir;
    status = run_child(&o);
    remove_registry_dir(dir);
    free(plugin);
    return status;
}
