/*
 * eaphost_demo.c - one full authentication through the EapHostPeer* API:
 * a supplicant loop against a scripted in-process authenticator that
 * speaks the template method's protocol (examples/template_method.c).
 *
 *   eaphost-demo --plugin PATH [--identity NAME]
 *
 * It writes a one-method registry in a private directory, runs Identity,
 * one method round and Success, prints each packet, and exits 0 only when
 * the host reports success.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <eappapis.h>
#include <eaphost/eaphost.h>

#define VENDOR 32473u
#define VENDOR_TYPE 1u

static void print_packet(const char *dir, const BYTE *p, DWORD n)
{
    DWORD i;

    printf("%s", dir);
    for (i = 0; i < n; i++)
        printf(" %02x", p[i]);
    printf("\n");
}

static int write_registry(const char *dir, const char *plugin)
{
    char path[4096];
    FILE *f;

    snprintf(path, sizeof(path), "%s/template.json", dir);
    f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "{\n  \"AuthorId\": 32473,\n  \"TypeId\": 254,\n"
               "  \"VendorId\": %u,\n  \"VendorType\": %u,\n"
               "  \"PeerDllPath\": \"%s\",\n"
               "  \"PeerFriendlyName\": \"Template method\",\n"
               "  \"PeerInvokeUsernameDialog\": 1\n}\n",
            VENDOR, VENDOR_TYPE, plugin);
    fclose(f);
    return chmod(path, 0644);
}

/* Hand one packet to the host; return the action, print any response. */
static EapHostPeerResponseAction exchange(EAP_SESSIONID id, const BYTE *pkt,
                                          DWORD n, BYTE *resp, DWORD *resp_n)
{
    EapHostPeerResponseAction action = EapHostPeerResponseDiscard;
    EAP_ERROR *err = NULL;
    BYTE *out = NULL;
    DWORD rc;

    print_packet("authenticator ->", pkt, n);
    rc = EapHostPeerProcessReceivedPacket(id, n, pkt, &action, &err);
    if (rc != ERROR_SUCCESS) {
        fprintf(stderr, "ProcessReceivedPacket: %s\n", eaphost_error_name(rc));
        EapHostPeerFreeEapError(err);
        return EapHostPeerResponseDiscard;
    }
    if (action == EapHostPeerResponseSend &&
        EapHostPeerGetSendPacket(id, resp_n, &out, &err) == ERROR_SUCCESS) {
        print_packet("peer          ->", out, *resp_n);
        memcpy(resp, out, *resp_n);
    }
    return action;
}

static int authenticate(const char *identity)
{
    static const BYTE identity_req[] = { 1, 1, 0, 5, 1 };
    static const BYTE challenge_req[] = { 1, 2, 0, 17, 254, 0, 0x7e, 0xd9,
                                          0, 0, 0, 1, 'n', 'o', 'n', 'c', 'e' };
    static const BYTE success[] = { 3, 2, 0, 4 };
    EAP_METHOD_TYPE type = { { 254, VENDOR, VENDOR_TYPE }, 32473 };
    EapHostPeerMethodResult result;
    EAP_SESSIONID id = 0;
    EAP_ERROR *err = NULL;
    BYTE resp[1024];
    DWORD n = 0, rc;
    char expect[512];
    int ok = 0;

    rc = EapHostPeerBeginSession(0, type, NULL, NULL, 0, NULL, 0, NULL, 1020,
                                 NULL, NULL, NULL, &id, &err);
    if (rc != ERROR_SUCCESS) {
        char *why = NULL;

        if (err && err->pRootCauseString)
            eaphost_utf16_to_utf8(err->pRootCauseString, (size_t)-1, &why,
                                  NULL);
        fprintf(stderr, "BeginSession: %s: %s\n", eaphost_error_name(rc),
                why ? why : "");
        eaphost_free(why);
        EapHostPeerFreeEapError(err);
        return 0;
    }
    eaphost_session_set_credentials(id, identity, NULL);
    exchange(id, identity_req, sizeof(identity_req), resp, &n);
    exchange(id, challenge_req, sizeof(challenge_req), resp, &n);
    /* The scripted authenticator checks "<identity>:nonce". */
    snprintf(expect, sizeof(expect), "%s:nonce", identity);
    if (n == 12 + strlen(expect) && memcmp(resp + 12, expect, n - 12) == 0 &&
        exchange(id, success, sizeof(success), resp, &n) ==
            EapHostPeerResponseResult &&
        EapHostPeerGetResult(id, EapHostPeerMethodResultFromMethod, &result,
                             &err) == ERROR_SUCCESS)
        ok = result.fIsSuccess != FALSE;
    EapHostPeerFreeEapError(err);
    EapHostPeerEndSession(id, NULL);
    return ok;
}

int main(int argc, char **argv)
{
    const char *plugin = NULL, *identity = "alice";
    char dir[] = "/tmp/eaphost-demo-XXXXXX", path[4096], real[4096];
    int i, ok;

    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--plugin") && i + 1 < argc)
            plugin = argv[++i];
        else if (!strcmp(argv[i], "--identity") && i + 1 < argc)
            identity = argv[++i];
        else {
            fprintf(stderr, "usage: eaphost-demo --plugin PATH "
                            "[--identity NAME]\n");
            return 2;
        }
    }
    if (!plugin || !realpath(plugin, real) || !mkdtemp(dir) ||
        write_registry(dir, real) != 0 ||
        eaphost_set_methods_dir(dir) != ERROR_SUCCESS ||
        EapHostPeerInitialize() != ERROR_SUCCESS) {
        fprintf(stderr, "eaphost-demo: cannot set up (plugin missing?)\n");
        return 2;
    }
    ok = authenticate(identity);
    EapHostPeerUninitialize();
    snprintf(path, sizeof(path), "%s/template.json", dir);
    unlink(path);
    rmdir(dir);
    printf("%s\n", ok ? "authentication succeeded" : "authentication FAILED");
    return ok ? 0 : 1;
}
