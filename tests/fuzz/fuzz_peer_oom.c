/*
 * fuzz_peer_oom.c - a peer session through the EapHostPeer* API while
 * host allocations fail (eh_test_fail_alloc_after), against the scripted
 * fixture method (tests/fixtures/scripted.c).
 *
 * Input:
 *   byte 0   bits 0-2  the fixture's script (connection data), scripts[];
 *            bit 3     eaphost_session_set_credentials before the first
 *                      packet; bit 4: with credentials longer than the
 *                      session slot keeps inline (host memory);
 *            bit 5     the method registered with the credential dialogs
 *                      (EapPeerSetCredentials);
 *            bit 6     user data (an identity) at BeginSession;
 *            bit 7     a connection id.
 *   byte 1   which host allocation fails, counted from BeginSession;
 *   byte 2   bit 0: every allocation from then on fails, not only that
 *            one.
 *   then     records (fuzz_common.h), each an EAP packet for
 *            EapHostPeerProcessReceivedPacket; the record's operation 1
 *            asks GetResult(AltSuccessReceived) after it, 2
 *            GetResult(Timeout), 3 the auth status.  After each packet
 *            the action is followed (Send: GetSendPacket, Result:
 *            GetResult(FromMethod)).
 *
 * Invariants (abort on failure):
 *   - every return code is ERROR_SUCCESS or one a caller can be told
 *     (below), and every action is in range, Discard with an error;
 *   - whatever failed, EndSession of a begun session returns, after which
 *     the fixture holds no session and no allocation;
 *   - the host is unharmed: with allocations working again, a complete
 *     session of the same method (Identity, the method's round, result)
 *     succeeds, and another session's id was never disturbed;
 *   - LeakSanitizer finds nothing left behind.
 */
#include <eaphost/sdk.h>
#include <eaphost/eaphost.h>

#include "fixture_stats.h"
#include "fuzz_common.h"

#include <dlfcn.h>
#include <limits.h>
#include <string.h>

#define AUTHOR 77
#define AUTHOR_CREDS 78

/* The library's allocation-failure switch (libeaphost/memory.c). */
void eh_test_fail_alloc_after(long n);
void eh_test_fail_allocs_from(long n);

static const char *const scripts[8] = {
    "", "ui=1", "attrs=1", "result=fail", "echo_password=1",
    "process_fail=1", "notify=0", "ui=1;attrs=1",
};

static const GUID connection_id = {
    0x2b4c6d8e, 0x1a3c, 0x4e5f, { 0x80, 0x91, 0xa2, 0xb3, 0xc4, 0xd5, 0xe6,
                                  0xf7 } };

static fixture_get_stats_fn good_stats;
static EAP_METHOD_TYPE types[2];      /* plain, with credential dialogs */
static char long_text[301];
/* A session of its own that every input leaves alone. */
static EAP_SESSIONID bystander;

static void write_registry(const char *dir)
{
    char plugin[PATH_MAX], json[PATH_MAX * 2];
    int n;

    fuzz_plugin_path("fixture_good.so", plugin, sizeof plugin);
    n = snprintf(json, sizeof json, "{ \"AuthorId\": %d, \"TypeId\": 200, "
                 "\"PeerDllPath\": \"%s\", \"PeerFriendlyName\": \"oom\" }\n",
                 AUTHOR, plugin);
    fuzz_write_file(dir, "good.json", json, (size_t)n, 0644, NULL, 0);
    n = snprintf(json, sizeof json, "{ \"AuthorId\": %d, \"TypeId\": 200, "
                 "\"PeerDllPath\": \"%s\", \"PeerFriendlyName\": \"oom "
                 "credentials\", \"PeerInvokeUsernameDialog\": 1, "
                 "\"PeerInvokePasswordDialog\": 1 }\n", AUTHOR_CREDS,
                 plugin);
    fuzz_write_file(dir, "creds.json", json, (size_t)n, 0644, NULL, 0);
}

static void free_error(EAP_ERROR **e)
{
    if (*e) {
        EapHostPeerFreeEapError(*e);
        *e = NULL;
    }
}

/* What a call may answer while allocations fail: success, no memory, a
 * state the failure led to, or the failure a method reported. */
static bool rc_allowed(DWORD rc)
{
    switch (rc) {
    case ERROR_SUCCESS:
    case ERROR_NOT_ENOUGH_MEMORY:
    case ERROR_INVALID_STATE:
    case ERROR_INVALID_DATA:        /* the fixture's scripted failure */
    case EAP_E_EAPHOST_METHOD_INVALID_PACKET:
    case EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED:
    case EAP_E_EAPHOST_IDENTITY_UNKNOWN:
    case EAP_E_AUTHENTICATION_FAILED:
    case ERROR_NOT_SUPPORTED:       /* GetAuthStatus: no NAP here */
        return true;
    default:
        return false;
    }
}

#define CHECK_RC(what, rc)                                                  \
    FUZZ_CHECK(rc_allowed(rc), "%s: unexpected 0x%08x", what, (unsigned)(rc))

static void follow(EAP_SESSIONID sid, EapHostPeerResponseAction a)
{
    EapHostPeerMethodResult res;
    EAP_ERROR *e = NULL;
    DWORD n = 0, rc;
    BYTE *p = NULL;

    if (a == EapHostPeerResponseSend) {
        rc = EapHostPeerGetSendPacket(sid, &n, &p, &e);
        CHECK_RC("GetSendPacket", rc);
        if (rc == ERROR_SUCCESS)
            fuzz_touch(p, n);
        free_error(&e);
    } else if (a == EapHostPeerResponseResult) {
        rc = EapHostPeerGetResult(sid, EapHostPeerMethodResultFromMethod,
                                  &res, &e);
        CHECK_RC("GetResult", rc);
        free_error(&e);
        if (rc == ERROR_SUCCESS)
            free_error(&res.pEapError);
    }
}

static void after(EAP_SESSIONID sid, unsigned op)
{
    EapHostPeerMethodResult res;
    EapHostPeerMethodResultReason why;
    EAP_ERROR *e = NULL;
    DWORD rc, size = 0;
    BYTE *p = NULL;

    if (op == 1 || op == 2) {
        why = op == 1 ? EapHostPeerMethodResultAltSuccessReceived
                      : EapHostPeerMethodResultTimeout;
        rc = EapHostPeerGetResult(sid, why, &res, &e);
        CHECK_RC("GetResult", rc);
        free_error(&e);
        if (rc == ERROR_SUCCESS)
            free_error(&res.pEapError);
    } else if (op == 3) {
        for (int param = EapHostPeerAuthStatus; param <= EapHostNapInfo;
             param++) {
            rc = EapHostPeerGetAuthStatus(sid, (EapHostPeerAuthParams)param,
                                          &size, &p, &e);
            CHECK_RC("GetAuthStatus", rc);
            free_error(&e);
            if (rc == ERROR_SUCCESS)    /* host memory, until the next call */
                fuzz_touch(p, size);
        }
    }
}

/* A whole authentication that must work: Identity, the method's round. */
static void check_host_unharmed(const EAP_METHOD_TYPE *type)
{
    static const BYTE identity_req[] = { 1, 7, 0, 5, 1 };
    static const BYTE method_req[] = { 1, 8, 0, 7, FIXTURE_TYPE, 'o', 'k' };
    EapHostPeerResponseAction a = EapHostPeerResponseNone;
    EAP_ERROR *e = NULL;
    EAP_SESSIONID sid = 0;
    DWORD rc, n = 0;
    BYTE *p = NULL;

    rc = EapHostPeerBeginSession(0, *type, NULL, NULL, 0, NULL, 0, NULL,
                                 1400, &connection_id, NULL, NULL, &sid, &e);
    free_error(&e);
    FUZZ_CHECK(rc == ERROR_SUCCESS, "after the failures, BeginSession gave "
               "0x%08x (is the connection id still taken?)", (unsigned)rc);
    if (type->dwAuthorId == AUTHOR_CREDS)
        FUZZ_CHECK(eaphost_session_set_credentials(sid, "u", "p") ==
                   ERROR_SUCCESS, "after the failures, set_credentials");
    rc = EapHostPeerProcessReceivedPacket(sid, sizeof identity_req,
                                          identity_req, &a, &e);
    free_error(&e);
    FUZZ_CHECK(rc == ERROR_SUCCESS && a == EapHostPeerResponseSend,
               "after the failures, Identity: 0x%08x action %d",
               (unsigned)rc, (int)a);
    FUZZ_CHECK(EapHostPeerGetSendPacket(sid, &n, &p, &e) == ERROR_SUCCESS &&
               n >= 5 && p[1] == 7, "after the failures, Identity Response");
    rc = EapHostPeerProcessReceivedPacket(sid, sizeof method_req, method_req,
                                          &a, &e);
    free_error(&e);
    FUZZ_CHECK(rc == ERROR_SUCCESS && a == EapHostPeerResponseSend,
               "after the failures, the method's round: 0x%08x action %d",
               (unsigned)rc, (int)a);
    FUZZ_CHECK(EapHostPeerGetSendPacket(sid, &n, &p, &e) == ERROR_SUCCESS &&
               n >= 5 && p[1] == 8 && p[4] == FIXTURE_TYPE,
               "after the failures, the method's Response");
    FUZZ_CHECK(EapHostPeerEndSession(sid, &e) == ERROR_SUCCESS,
               "after the failures, EndSession");
    free_error(&e);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *dir = fuzz_tmpdir();
    eaphost_method_entry *methods = NULL;
    char path[PATH_MAX];
    EAP_ERROR *e = NULL;
    DWORD n = 0, rc;
    void *h;

    (void)argc; (void)argv;
    memset(long_text, 'x', sizeof long_text - 1);
    write_registry(dir);
    FUZZ_SETUP(eaphost_set_methods_dir(dir) == ERROR_SUCCESS,
               "eaphost_set_methods_dir");
    rc = EapHostPeerInitialize();
    FUZZ_SETUP(rc == ERROR_SUCCESS, "EapHostPeerInitialize: 0x%08x",
               (unsigned)rc);
    /* Load the methods now, so that the fixture's statistics are there. */
    FUZZ_SETUP(eaphost_list_methods(TRUE, &methods, &n) == ERROR_SUCCESS &&
               n == 2, "eaphost_list_methods");
    eaphost_free_method_list(methods, n);
    fuzz_plugin_path("fixture_good.so", path, sizeof path);
    h = dlopen(path, RTLD_NOW | RTLD_NOLOAD);
    FUZZ_SETUP(h != NULL, "%s is not loaded", path);
    good_stats = (fixture_get_stats_fn)dlsym(h, "FixtureGetStats");
    FUZZ_SETUP(good_stats != NULL, "no FixtureGetStats");
    dlclose(h);
    types[0].dwAuthorId = AUTHOR;
    types[0].eapType.type = FIXTURE_TYPE;
    types[1] = types[0];
    types[1].dwAuthorId = AUTHOR_CREDS;
    rc = EapHostPeerBeginSession(0, types[0], NULL, NULL, 0, NULL, 0, NULL,
                                 1400, NULL, NULL, NULL, &bystander, &e);
    FUZZ_SETUP(rc == ERROR_SUCCESS, "the bystander session: 0x%08x",
               (unsigned)rc);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_reader rd = { data, size };
    struct fuzz_record rec;
    const EAP_METHOD_TYPE *type;
    EapHostPeerResponseAction a;
    struct fixture_stats st;
    EAP_ERROR *e = NULL;
    EAP_SESSIONID sid = 0;
    const char *script;
    uint8_t b0, b1, b2;
    int records = 0;
    DWORD rc;

    b0 = fuzz_take_byte(&rd);
    b1 = fuzz_take_byte(&rd);
    b2 = fuzz_take_byte(&rd);
    script = scripts[b0 & 7];
    type = &types[(b0 >> 5) & 1];
    FUZZ_TRACE("script \"%s\", credentials %d (long %d), dialogs %d, user "
               "data %d, connection %d, failing allocation %u%s", script,
               (b0 & 8) != 0, (b0 & 16) != 0, (b0 & 32) != 0, (b0 & 64) != 0,
               (b0 & 128) != 0, b1, (b2 & 1) ? " and all after" : "");
    if (b2 & 1)
        eh_test_fail_allocs_from(b1);
    else
        eh_test_fail_alloc_after(b1);

    rc = EapHostPeerBeginSession(0, *type, NULL, NULL, (DWORD)strlen(script),
                                 (const BYTE *)script,
                                 (b0 & 64) ? 9 : 0,
                                 (b0 & 64) ? (const BYTE *)"oom-user" : NULL,
                                 1400, (b0 & 128) ? &connection_id : NULL,
                                 NULL, NULL, &sid, &e);
    free_error(&e);
    CHECK_RC("BeginSession", rc);
    FUZZ_CHECK(rc == ERROR_SUCCESS || sid == 0, "BeginSession failed with "
               "an id");
    if (rc == ERROR_SUCCESS) {
        if (b0 & 8) {
            rc = eaphost_session_set_credentials(
                sid, (b0 & 16) ? long_text : "oom-id",
                (b0 & 16) ? long_text + 20 : "oom-pw");
            CHECK_RC("set_credentials", rc);
        }
        while (records++ < FUZZ_MAX_RECORDS && fuzz_next_record(&rd, &rec)) {
            a = (EapHostPeerResponseAction)-1;
            rc = EapHostPeerProcessReceivedPacket(sid, (DWORD)rec.len,
                                                  rec.data, &a, &e);
            free_error(&e);
            CHECK_RC("ProcessReceivedPacket", rc);
            FUZZ_CHECK((unsigned)a <= (unsigned)EapHostPeerResponseNone &&
                       (rc == ERROR_SUCCESS ||
                        a == EapHostPeerResponseDiscard),
                       "ProcessReceivedPacket 0x%08x, action %d",
                       (unsigned)rc, (int)a);
            follow(sid, a);
            after(sid, rec.op);
        }
        rc = EapHostPeerEndSession(sid, &e);
        free_error(&e);
        CHECK_RC("EndSession", rc);
    }
    eh_test_fail_alloc_after(-1);

    good_stats(&st);
    FUZZ_CHECK(st.live_sessions == 1, "%ld method sessions after EndSession "
               "(the bystander's is the one expected)", st.live_sessions);
    FUZZ_CHECK(st.bad_frees == 0, "%lu frees of memory the method did not "
               "hand out", st.bad_frees);
    check_host_unharmed(type);
    {
        EapHostPeerResponseAction ba = EapHostPeerResponseNone;
        static const BYTE notification[] = { 1, 3, 0, 6, 2, 'n' };

        rc = EapHostPeerProcessReceivedPacket(bystander, sizeof notification,
                                              notification, &ba, &e);
        free_error(&e);
        FUZZ_CHECK(rc == ERROR_SUCCESS && ba == EapHostPeerResponseSend,
                   "the bystander session: 0x%08x action %d", (unsigned)rc,
                   (int)ba);
    }
    return 0;
}
