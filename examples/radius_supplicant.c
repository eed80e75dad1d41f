/*
 * radius_supplicant.c - a minimal supplicant: one EAP authentication of a
 * libeaphost peer session against a RADIUS server, the way an 802.1X
 * switch would carry it.  The example to copy: it uses the public
 * EapHostPeer* API (eappapis.h), the emulator's credential call
 * (eaphost/eaphost.h) and the RADIUS transport (radius_auth.h), nothing
 * else.
 *
 *   radius-supplicant SERVER SECRET METHOD IDENTITY PASSWORD
 *
 *   SERVER    HOST:PORT of the RADIUS server ([IPV6]:PORT; port 1812 if
 *             left out)
 *   SECRET    the RADIUS shared secret
 *   METHOD    md5, gtc or mschapv2 (the registry's methods: the directory
 *             in EAPHOST_METHODS_DIR, else the built-in one)
 *
 * It prints the outcome and, when the method derived keys, the MSK and
 * whether it matches the server's MS-MPPE keys.  Exit status 0 only when
 * the server accepted, the peer succeeded and the keys (if any) match.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <eappapis.h>
#include <eaphost/eaphost.h>

#include "radius_auth.h"

/* The bundled methods: EAP type and the AuthorId they are registered
 * with (plugins/ *.json). */
static const struct {
    const char *name;
    EAP_METHOD_TYPE type;
} methods[] = {
    { "md5", { { 4, 0, 0 }, 0 } },
    { "gtc", { { 6, 0, 0 }, 0 } },
    { "mschapv2", { { 26, 0, 0 }, 311 } },
};

static void usage(void)
{
    fprintf(stderr, "usage: radius-supplicant SERVER SECRET METHOD "
                    "IDENTITY PASSWORD\n"
                    "       METHOD: md5, gtc or mschapv2\n");
}

/* Print an EAP_ERROR's reason (UTF-16 on the wire of the API) and free it. */
static void print_error(const char *call, DWORD rc, EAP_ERROR *err)
{
    char *why = NULL;

    if (err && err->pRootCauseString)
        eaphost_utf16_to_utf8(err->pRootCauseString, (size_t)-1, &why, NULL);
    fprintf(stderr, "radius-supplicant: %s: %s%s%s\n", call,
            eaphost_error_name(rc), why ? ": " : "", why ? why : "");
    eaphost_free(why);
    EapHostPeerFreeEapError(err);
}

static void print_hex(const char *label, const BYTE *p, DWORD n)
{
    DWORD i;

    printf("%s", label);
    for (i = 0; i < n; i++)
        printf("%02x", p[i]);
    printf("\n");
}

/* Everything radius_auth_run() found, as eaphost-test prints it. */
static int report(const char *method, const struct radius_auth_result *r)
{
    char counters[400];

    if (r->outcome != RADIUS_AUTH_SUCCESS) {
        printf("%s: FAILURE: %s (0x%08" PRIX32 "): %s\n", method,
               radius_auth_outcome_name(r->outcome), (uint32_t)r->code,
               r->reason);
        printf("RADIUS: %s\n", radius_counters_format(&r->counters, counters,
                                                      sizeof counters));
        if (r->last_drop[0])
            printf("RADIUS: last reply dropped: %s\n", r->last_drop);
        return 1;
    }
    printf("%s: SUCCESS (%" PRIu32 " packets, %s)\n", method,
           (uint32_t)r->packets, r->server);
    if (r->keys == RADIUS_KEYS_NONE)
        return 0;
    print_hex("MSK: ", r->msk, EAPHOST_MSK_LEN);
    if (r->keys == RADIUS_KEYS_MATCH) {
        printf("MSK matches the server's MPPE keys\n");
        return 0;
    }
    printf("MSK MISMATCH: %s\n", r->key_detail);
    print_hex("server's Recv-Key | Send-Key: ", r->server_keys,
              r->server_keys_len);
    return 1;
}

int main(int argc, char **argv)
{
    struct radius_auth_config cfg;
    struct radius_auth_result result;
    EAP_SESSIONID session = 0;
    EAP_ERROR *err = NULL;
    EAP_METHOD_TYPE type;
    size_t i;
    DWORD rc;
    int status;

    if (argc != 6) {
        usage();
        return 2;
    }
    for (i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (strcasecmp(argv[3], methods[i].name) == 0)
            break;
    if (i == sizeof methods / sizeof methods[0]) {
        usage();
        return 2;
    }
    type = methods[i].type;

    /* 1. Start the host: it reads the method registry. */
    rc = EapHostPeerInitialize();
    if (rc != ERROR_SUCCESS) {
        print_error("EapHostPeerInitialize", rc, NULL);
        return 1;
    }

    /* 2. One session of the method.  dwMaxSendPacketSize is the largest
     *    EAP packet the lower layer carries: the transport's default, which
     *    fits a RADIUS packet and is sent as Framed-MTU. */
    rc = EapHostPeerBeginSession(0, type, NULL, NULL, 0, NULL, 0, NULL,
                                 RADIUS_AUTH_DEFAULT_MAX_SEND, NULL, NULL,
                                 NULL, &session, &err);
    if (rc != ERROR_SUCCESS) {
        print_error("EapHostPeerBeginSession", rc, err);
        EapHostPeerUninitialize();
        return 1;
    }

    /* 3. The user's name and password, before the first packet: what the
     *    Windows credential dialogs would collect.  The host answers the
     *    Identity request with the name. */
    rc = eaphost_session_set_credentials(session, argv[4], argv[5]);
    if (rc != ERROR_SUCCESS) {
        print_error("eaphost_session_set_credentials", rc, NULL);
        EapHostPeerEndSession(session, NULL);
        EapHostPeerUninitialize();
        return 1;
    }

    /* 4. The authentication: the transport sends the Identity request to
     *    the session, carries each EAP-Response to the server in an
     *    Access-Request and each EAP-Request of an Access-Challenge back,
     *    until Access-Accept or Access-Reject; then it asks the session for
     *    its result and compares the MSK with the server's MPPE keys. */
    memset(&cfg, 0, sizeof cfg);
    cfg.client.server = argv[1];
    cfg.client.secret = argv[2];
    cfg.client.timeout_ms = RADIUS_DEFAULT_TIMEOUT_MS;
    cfg.client.retries = RADIUS_DEFAULT_RETRIES;
    cfg.client.deadline_ms = 30000;
    cfg.nas_identifier = "radius-supplicant";
    radius_auth_run(session, &cfg, &result);

    /* 5. A successful BeginSession is always paired with EndSession. */
    rc = EapHostPeerEndSession(session, &err);
    if (rc != ERROR_SUCCESS)
        print_error("EapHostPeerEndSession", rc, err);
    EapHostPeerUninitialize();

    status = report(methods[i].name, &result);
    memset(&result, 0, sizeof result);   /* the MSK */
    return status;
}
