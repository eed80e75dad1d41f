/*
 * radius_test_server.c - the scripted responder of the RADIUS tests
 * (radius_responder.c) as a program, for the command-line tests
 * (tests/check-radius-cli.sh) and for trying eaphost-test by hand:
 *
 *   radius-test-server --port-file FILE [--script NAME] [--on-final]
 *       [--no-repair] [--method md5|gtc|mschapv2] [--identity NAME]
 *       [--password P] [--secret S] [--seconds N]
 *
 * It answers on 127.0.0.1 and an ephemeral port, which it writes to FILE
 * once it is ready; it stops on SIGTERM or SIGINT, or after N seconds
 * (default 60), and then prints what it saw, one "name value" per line.
 * The methods come from EAPHOST_METHODS_DIR.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <eappapis.h>
#include <eaphosterror.h>

#include "radius_responder.h"

static volatile sig_atomic_t stopping;

static void on_signal(int sig)
{
    (void)sig;
    stopping = 1;
}

static int usage(void)
{
    fprintf(stderr, "usage: radius-test-server --port-file FILE [--script "
                    "NAME] [--on-final] [--no-repair] [--method M]\n"
                    "       [--identity NAME] [--password P] [--secret S] "
                    "[--seconds N]\n");
    return 2;
}

static bool method_type(const char *name, EAP_METHOD_TYPE *t)
{
    memset(t, 0, sizeof *t);
    if (strcmp(name, "md5") == 0)
        t->eapType.type = 4;
    else if (strcmp(name, "gtc") == 0)
        t->eapType.type = 6;
    else if (strcmp(name, "mschapv2") == 0) {
        t->eapType.type = 26;
        t->dwAuthorId = 311;
    } else
        return false;
    return true;
}

/* Write the port to @path through a temporary file, so that a reader
 * never sees half of it. */
static bool write_port(const char *path, unsigned port)
{
    char tmp[4096];
    FILE *f;

    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    f = fopen(tmp, "w");
    if (!f || fprintf(f, "%u\n", port) < 0 || fclose(f) != 0)
        return false;
    return rename(tmp, path) == 0;
}

static void print_stats(const struct responder_stats *s)
{
    printf("requests %u\nbad_requests %u\nma_not_first %u\n"
           "retransmissions %u\nchanged_retransmissions %u\n"
           "broken_sent %u\noutcomes %u\nstate_echoed %u\n"
           "state_wrong %u\nuser_name %s\nnas_identifier %s\n"
           "calling_station_id %s\nnas_ip_len %zu\nframed_mtu %u\n",
           s->requests, s->bad_requests, s->ma_not_first, s->retransmissions,
           s->changed_retransmissions, s->broken_sent, s->outcomes,
           s->state_echoed, s->state_wrong, s->user_name, s->nas_identifier,
           s->calling_station_id, s->nas_ip_len, (unsigned)s->framed_mtu);
}

int main(int argc, char **argv)
{
    struct responder_config cfg = { .identity = "alice", .password = "secret",
                                    .secret = "testing123" };
    const char *port_file = NULL;
    struct responder_stats stats;
    struct responder *r = NULL;
    struct sigaction sa;
    long seconds = 60, waited;
    int i;

    method_type("md5", &cfg.type);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

        if (strcmp(a, "--on-final") == 0) {
            cfg.on_final = true;
            continue;
        }
        if (strcmp(a, "--no-repair") == 0) {
            cfg.no_repair = true;
            continue;
        }
        if (!v)
            return usage();
        i++;
        if (strcmp(a, "--port-file") == 0)
            port_file = v;
        else if (strcmp(a, "--script") == 0) {
            if (!responder_script_by_name(v, &cfg.script))
                return usage();
        } else if (strcmp(a, "--method") == 0) {
            if (!method_type(v, &cfg.type))
                return usage();
        } else if (strcmp(a, "--identity") == 0)
            cfg.identity = v;
        else if (strcmp(a, "--password") == 0)
            cfg.password = v;
        else if (strcmp(a, "--secret") == 0)
            cfg.secret = v;
        else if (strcmp(a, "--seconds") == 0)
            seconds = strtol(v, NULL, 10);
        else
            return usage();
    }
    if (!port_file || seconds <= 0)
        return usage();
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    if (EapHostPeerInitialize() != ERROR_SUCCESS) {
        fprintf(stderr, "radius-test-server: EapHostPeerInitialize failed\n");
        return 1;
    }
    if (responder_start(&cfg, &r) != 0 ||
        !write_port(port_file, responder_port(r))) {
        fprintf(stderr, "radius-test-server: cannot start\n");
        responder_stop(r, NULL);
        EapHostPeerUninitialize();
        return 1;
    }
    for (waited = 0; !stopping && waited < seconds * 20; waited++) {
        struct timespec t = { 0, 50000000L };
        nanosleep(&t, NULL);
    }
    responder_stop(r, &stats);
    EapHostPeerUninitialize();
    print_stats(&stats);
    return 0;
}
