/*
 * bench_loopback.c - loopback authentications per second for each bundled
 * method: a peer session against an authenticator session in one process
 * (eaphost_loopback_run), the right password every time.
 *
 *   bench-loopback METHODS_DIR [SECONDS_PER_METHOD]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <eappapis.h>
#include <eaphost/authenticator.h>
#include <eaphost/eaphost.h>

struct bench_method {
    const char *name;
    EAP_METHOD_TYPE type;
};

static const struct bench_method methods[] = {
    { "EAP-MD5", { { 4, 0, 0 }, 0 } },
    { "EAP-GTC", { { 6, 0, 0 }, 0 } },
    { "EAP-MSCHAPv2", { { 26, 0, 0 }, 311 } },
};

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One authentication; 0 when it succeeded on both sides. */
static int authenticate_once(const eaphost_loopback_config *cfg)
{
    eaphost_loopback_result *r = NULL;
    DWORD rc = eaphost_loopback_run(cfg, &r);
    int failed = rc != ERROR_SUCCESS || !r || !r->peer.success ||
                 !r->authenticator.success;

    eaphost_loopback_free(r);
    return failed;
}

int main(int argc, char **argv)
{
    double seconds = argc > 2 ? atof(argv[2]) : 1.0;
    eaphost_user_db *db = NULL;
    size_t i;

    if (argc < 2 || seconds <= 0) {
        fprintf(stderr, "usage: bench-loopback METHODS_DIR [SECONDS]\n");
        return 2;
    }
    if (eaphost_set_methods_dir(argv[1]) != ERROR_SUCCESS ||
        EapHostPeerInitialize() != ERROR_SUCCESS ||
        eaphost_user_db_new(&db) != ERROR_SUCCESS ||
        eaphost_user_db_add(db, "alice", "correct horse") != ERROR_SUCCESS) {
        fprintf(stderr, "bench-loopback: cannot set up\n");
        return 1;
    }
    for (i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
        eaphost_loopback_config cfg = { 0 };
        double start, elapsed;
        long count = 0;

        cfg.type = methods[i].type;
        cfg.identity = "alice";
        cfg.password = "correct horse";
        cfg.user_db = db;
        if (authenticate_once(&cfg) != 0) {
            fprintf(stderr, "bench-loopback: %s does not authenticate\n",
                    methods[i].name);
            return 1;
        }
        start = now();
        do {
            if (authenticate_once(&cfg) != 0) {
                fprintf(stderr, "bench-loopback: %s failed\n",
                        methods[i].name);
                return 1;
            }
            count++;
            elapsed = now() - start;
        } while (elapsed < seconds);
        printf("loopback %-13s %8.0f authentications/s (%ld in %.2f s)\n",
               methods[i].name, count / elapsed, count, elapsed);
    }
    eaphost_user_db_free(db);
    EapHostPeerUninitialize();
    return 0;
}
