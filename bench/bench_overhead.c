/*
 * bench_overhead.c - what the host costs on top of a method.
 *
 * The same EAP-MD5 exchange (BeginSession, Identity, MD5 Request/Response,
 * Success and the result, EndSession) is run N times either through the
 * EapHostPeer* API ("api") or by calling the plugin's routines directly
 * ("direct"), the way a host-less test harness would: it starts from the
 * same inputs (UTF-8 user name and password, EAP packets as received),
 * converts the credentials to UTF-16 for EapPeerSetCredentials, answers
 * Identity itself, hands the method a private copy of the request, and
 * trusts whatever the method returns.  "both" runs the two
 * alternately and prints the time of each and their ratio.
 *
 *   bench-overhead MODE N PLUGIN_SO METHODS_DIR
 *
 * Instruction counts come from running MODE api and MODE direct under
 * valgrind --tool=callgrind (bench/run-bench.sh does that).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <eapmethodpeerapis.h>
#include <eappapis.h>
#include <eaphost/eaphost.h>

#define MAX_SEND 1020u

static const BYTE identity_req[] = { 1, 1, 0, 5, 1 };
static const BYTE md5_req[] = { 1, 2, 0, 22, 4, 16, 0x10, 0x32, 0x54, 0x76,
                                0x98, 0xba, 0xdc, 0xfe, 0x01, 0x23, 0x45,
                                0x67, 0x89, 0xab, 0xcd, 0xef };
static const BYTE success_pkt[] = { 3, 2, 0, 4 };
static const char user[] = "alice";
static const char password[] = "secret";

static EAP_PEER_METHOD_ROUTINES routines;
static void (*method_free_error)(EAP_ERROR *);

static void die(const char *what)
{
    fprintf(stderr, "bench-overhead: %s\n", what);
    exit(1);
}

/* ---- direct: the plugin's routines, nothing else ----------------------- */

static void direct_setup(const char *plugin)
{
    DWORD (*get_info)(EAP_TYPE *, EAP_PEER_METHOD_ROUTINES *, EAP_ERROR **);
    EAP_TYPE type = { 4, 0, 0 };
    EAP_ERROR *err = NULL;
    void *h = dlopen(plugin, RTLD_NOW | RTLD_LOCAL);

    if (!h)
        die(dlerror());
    *(void **)&get_info = dlsym(h, "EapPeerGetInfo");
    *(void **)&method_free_error = dlsym(h, "EapPeerFreeErrorMemory");
    if (!get_info || !method_free_error ||
        get_info(&type, &routines, &err) != ERROR_SUCCESS ||
        (routines.EapPeerInitialize &&
         routines.EapPeerInitialize(&err) != ERROR_SUCCESS))
        die("EapPeerGetInfo / EapPeerInitialize failed");
}

static void direct_once(void)
{
    EAP_SESSION_HANDLE h = NULL;
    EapPeerMethodOutput out;
    EapPeerMethodResult result;
    EAP_ERROR *err = NULL;
    BYTE req[sizeof(md5_req)], resp[MAX_SEND], id_resp[16];
    DWORD size = MAX_SEND;
    WCHAR *user_w = NULL, *pass_w = NULL;

    if (eaphost_utf8_to_utf16(user, (size_t)-1, &user_w, NULL) !=
            ERROR_SUCCESS ||
        eaphost_utf8_to_utf16(password, (size_t)-1, &pass_w, NULL) !=
            ERROR_SUCCESS)
        die("direct: credentials");
    if (routines.EapPeerBeginSession(0, NULL, NULL, 0, NULL, 0, NULL,
                                     MAX_SEND, &h, &err) != ERROR_SUCCESS ||
        routines.EapPeerSetCredentials(h, user_w, pass_w, &err) !=
            ERROR_SUCCESS)
        die("direct: BeginSession / SetCredentials");
    eaphost_free(user_w);
    eaphost_free(pass_w);
    /* A harness answers Identity itself. */
    id_resp[0] = EapCodeResponse;
    id_resp[1] = identity_req[1];
    id_resp[2] = 0;
    id_resp[3] = (BYTE)(5 + strlen(user));
    id_resp[4] = 1;
    memcpy(id_resp + 5, user, strlen(user));
    memcpy(req, md5_req, sizeof(req));
    if (routines.EapPeerProcessRequestPacket(h, sizeof(req), (EapPacket *)req,
                                             &out, &err) != ERROR_SUCCESS ||
        out.action != EapPeerMethodResponseActionSend ||
        routines.EapPeerGetResponsePacket(h, &size, (EapPacket *)resp, &err) !=
            ERROR_SUCCESS)
        die("direct: MD5 round");
    memset(&result, 0, sizeof(result));
    if (routines.EapPeerGetResult(h, EapPeerMethodResultSuccess, &result,
                                  &err) != ERROR_SUCCESS ||
        !result.fIsSuccess ||
        routines.EapPeerEndSession(h, &err) != ERROR_SUCCESS)
        die("direct: result / EndSession");
}

/* ---- api: the same through the host ----------------------------------- */

static void api_setup(const char *methods_dir)
{
    if (eaphost_set_methods_dir(methods_dir) != ERROR_SUCCESS ||
        EapHostPeerInitialize() != ERROR_SUCCESS)
        die("EapHostPeerInitialize failed");
}

static void api_once(void)
{
    EAP_METHOD_TYPE type = { { 4, 0, 0 }, 0 };
    EapHostPeerMethodResult result;
    EapHostPeerResponseAction id_act, md5_act, end_act;
    EAP_SESSIONID id;
    EAP_ERROR *err = NULL;
    DWORD id_size, md5_size;
    BYTE *id_resp, *md5_resp;

    if (EapHostPeerBeginSession(0, type, NULL, NULL, 0, NULL, 0, NULL,
                                MAX_SEND, NULL, NULL, NULL, &id, &err) !=
            ERROR_SUCCESS ||
        eaphost_session_set_credentials(id, user, password) != ERROR_SUCCESS)
        die("api: BeginSession");
    if (EapHostPeerProcessReceivedPacket(id, sizeof(identity_req),
                                         identity_req, &id_act, &err) !=
            ERROR_SUCCESS || id_act != EapHostPeerResponseSend ||
        EapHostPeerGetSendPacket(id, &id_size, &id_resp, &err) !=
            ERROR_SUCCESS ||
        EapHostPeerProcessReceivedPacket(id, sizeof(md5_req), md5_req,
                                         &md5_act, &err) != ERROR_SUCCESS ||
        md5_act != EapHostPeerResponseSend ||
        EapHostPeerGetSendPacket(id, &md5_size, &md5_resp, &err) !=
            ERROR_SUCCESS ||
        EapHostPeerProcessReceivedPacket(id, sizeof(success_pkt),
                                         success_pkt, &end_act, &err) !=
            ERROR_SUCCESS || end_act != EapHostPeerResponseResult)
        die("api: exchange");
    if (EapHostPeerGetResult(id, EapHostPeerMethodResultFromMethod, &result,
                             &err) != ERROR_SUCCESS || !result.fIsSuccess ||
        EapHostPeerEndSession(id, &err) != ERROR_SUCCESS)
        die("api: result / EndSession");
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    double t_api = 0, t_direct = 0, t;
    long n, i;

    if (argc != 5) {
        fprintf(stderr, "usage: bench-overhead api|direct|both N PLUGIN_SO "
                        "METHODS_DIR\n");
        return 2;
    }
    n = atol(argv[2]);
    direct_setup(argv[3]);
    api_setup(argv[4]);
    if (!strcmp(argv[1], "api")) {
        for (i = 0; i < n; i++)
            api_once();
    } else if (!strcmp(argv[1], "direct")) {
        for (i = 0; i < n; i++)
            direct_once();
    } else {
        /* Alternate in blocks so that both see the same machine load. */
        for (i = 0; i < n; i += 100) {
            long k, block = n - i < 100 ? n - i : 100;

            t = now();
            for (k = 0; k < block; k++)
                api_once();
            t_api += now() - t;
            t = now();
            for (k = 0; k < block; k++)
                direct_once();
            t_direct += now() - t;
        }
        printf("md5 exchange x %ld: api %.3f us, direct %.3f us, "
               "time ratio %.2f\n", n, 1e6 * t_api / n, 1e6 * t_direct / n,
               t_api / t_direct);
    }
    EapHostPeerUninitialize();
    return 0;
}
