/*
 * fuzz_peer_session.c - the peer state machine (libeaphost/peer_sm.c)
 * behind the EapHostPeer* run-time API (api_runtime.c), one session per
 * input, against the scripted fixture method (tests/fixtures/scripted.c).
 *
 * Input:
 *   byte 0   bits 0-1  the method: 0 fixture_good (author 77, type 200),
 *                      1 fixture_expanded (77, 254/0x9999/7), 2
 *                      fixture_good registered with the credential dialogs
 *                      (author 78, type 200), 3 fixture_expanded again;
 *            bits 2-5  the fixture's script (connection data), scripts[]
 *                      (with byte 2, bit 4 as the high bit);
 *            bit 6     eaphost_session_set_credentials before the first
 *                      packet;
 *            bit 7     EAPHOST_OPTION_ACCEPT_RESULT_ID_PLUS_ONE.
 *   byte 1   dwMaxSendPacketSize: below 112 gives 1400; 112 to 126 give
 *            4090 + 4 * (byte - 112), around the size up to which a
 *            session slot keeps its buffers; 127 gives 65535; 128 and
 *            more give 20 + 4 * (byte - 128), 20 to 528.
 *   byte 2   bits 0-2  the user data, user_data[];
 *            bit 3     run the whole session twice: the second run, in the
 *                      slot the first one left (slots are reused last in,
 *                      first out), must give the same results;
 *            bit 4     the high bit of the script number;
 *            bit 5     instead of user_data[], an identity of 600 bytes
 *                      (longer than small maximum send sizes).
 *   then     records (fuzz_common.h), each an EAP packet for
 *            EapHostPeerProcessReceivedPacket, with an operation:
 *              0  the packet alone
 *              1  then EapHostPeerGetResult(AltSuccessReceived)
 *              2  then EapHostPeerGetResult(Timeout)
 *              3  then GetAuthStatus (status, identity) and the counters
 *              4  EapHostPeerClearConnection first
 *              5  eaphost_session_set_credentials first (too late after
 *                 the first packet)
 *              6  the packet twice (a retransmission)
 *              7  GetResult(FromMethod) and GetSendPacket first
 *            After each packet the action is followed: Send ->
 *            GetSendPacket, Result -> GetResult(FromMethod), InvokeUi ->
 *            GetUIContext + SetUIContext (the packet's first bytes as the
 *            UI data), Respond -> GetResponseAttributes +
 *            SetResponseAttributes (the same attributes back).
 *
 * Invariants (abort on failure):
 *   - EapHostPeerBeginSession succeeds, except for the two scripts made to
 *     refuse it (begin_fail=1, an unknown key), which it fails;
 *   - every action is in range; an error comes with action Discard;
 *   - action Send: GetSendPacket succeeds with a Response (Code 2) whose
 *     Identifier is the request's, whose Length equals its size, within
 *     dwMaxSendPacketSize, of a type the host or the method may send;
 *   - any other action, and right after ClearConnection: GetSendPacket
 *     answers ERROR_INVALID_STATE;
 *   - action Result: GetResult(FromMethod) succeeds and the auth status
 *     agrees with it; a success that an EAP-Success brought comes only
 *     after a Response of the method and with the Identifier of the last
 *     Response (or that + 1 with the option);
 *   - a retransmitted Request (operation 6) after a Send gets the same
 *     Response again;
 *   - every buffer the host hands out is readable to its full size;
 *   - after EndSession the fixture holds no session, no allocation, and
 *     saw no free of memory it did not hand out;
 *   - a session run twice gives the same return codes, actions and
 *     packets (nothing of a session survives in its slot).
 * Every EAP_ERROR is freed with EapHostPeerFreeEapError (LeakSanitizer
 * reports one that is not).
 */
#define _GNU_SOURCE 1     /* RTLD_NOLOAD */

#include <eaphost/sdk.h>
#include <eaphost/eaphost.h>

#include "fixture_stats.h"
#include "fuzz_common.h"

#include <dlfcn.h>
#include <limits.h>
#include <string.h>

#define AUTHOR 77
#define AUTHOR_CREDS 78
#define UI_DATA_MAX 32
#define FOLLOW_MAX 4

static const char *const scripts[32] = {
    "", "ui=1", "attrs=1", "notify=0", "result=fail", "bad=code", "bad=id",
    "bad=length", "bad=type", "bad=oversize", "action=99", "action=5",
    "unset=1", "process_fail=1", "echo_password=1", "action=2",
    "action=0", "action=3", "action=4", "action=6", "begin_fail=1",
    "ui=1;notify=0", "attrs=1;result=fail", "ui=1;bad=id",
    "attrs=1;bad=length", "notify=0;action=2", "process_fail=1;notify=0",
    "unset=1;ui=1", "echo_password=1;bad=oversize", "result=fail;notify=0",
    "bad=type;attrs=1", "unknown=1",
};

/* Scripts whose EapPeerBeginSession fails by design. */
static bool begin_fails(const char *script)
{
    return strcmp(script, "begin_fail=1") == 0 ||
           strcmp(script, "unknown=1") == 0;
}

/* User data choices: none, an identity, a user blob, unterminated, an
 * identity longer than the host sends, malformed UTF-8, empty string,
 * an identity with a NUL inside. */
static const struct {
    const char *bytes;
    size_t len;
} user_data[8] = {
    { NULL, 0 },
    { "fuzz-user", 10 },
    { "blob-user\0blob-pw", 18 },
    { "abc", 3 },
    { NULL, 0 },            /* long identity, filled in at start-up */
    { "\xff\xfe\x80", 4 },
    { "", 1 },
    { "a\0b", 4 },
};

#define LONG_IDENTITY 1100
static char long_identity[LONG_IDENTITY + 1];
#define MEDIUM_IDENTITY 600
static char medium_identity[MEDIUM_IDENTITY + 1];

static const GUID connection_id = {
    0x6a1e5b0c, 0x3f2d, 0x4c11, { 0x9a, 0x77, 0x10, 0x20, 0x30, 0x40, 0x50,
                                  0x60 } };

struct fixture {
    fixture_get_stats_fn get;
    const char *name;
};

static struct fixture fixtures[2];    /* good, expanded */
static EAP_METHOD_TYPE types[4];

static void write_registry(const char *dir)
{
    char plugin[PATH_MAX], json[PATH_MAX * 2];
    int n;

    fuzz_plugin_path("fixture_good.so", plugin, sizeof plugin);
    n = snprintf(json, sizeof json, "{ \"AuthorId\": %d, \"TypeId\": 200, "
                 "\"PeerDllPath\": \"%s\", \"PeerFriendlyName\": \"fuzz "
                 "good\" }\n", AUTHOR, plugin);
    fuzz_write_file(dir, "good.json", json, (size_t)n, 0644, NULL, 0);
    n = snprintf(json, sizeof json, "{ \"AuthorId\": %d, \"TypeId\": 200, "
                 "\"PeerDllPath\": \"%s\", \"PeerFriendlyName\": \"fuzz "
                 "credentials\", \"PeerInvokeUsernameDialog\": 1, "
                 "\"PeerInvokePasswordDialog\": 1 }\n", AUTHOR_CREDS, plugin);
    fuzz_write_file(dir, "creds.json", json, (size_t)n, 0644, NULL, 0);
    fuzz_plugin_path("fixture_expanded.so", plugin, sizeof plugin);
    n = snprintf(json, sizeof json, "{ \"AuthorId\": %d, \"TypeId\": 254, "
                 "\"VendorId\": %u, \"VendorType\": %u, \"PeerDllPath\": "
                 "\"%s\", \"PeerFriendlyName\": \"fuzz expanded\" }\n",
                 AUTHOR, FIXTURE_VENDOR, FIXTURE_VENDOR_TYPE, plugin);
    fuzz_write_file(dir, "expanded.json", json, (size_t)n, 0644, NULL, 0);
}

static void find_stats(struct fixture *f, const char *name)
{
    char path[PATH_MAX];
    void *h;

    fuzz_plugin_path(name, path, sizeof path);
    h = dlopen(path, RTLD_NOW | RTLD_NOLOAD);
    FUZZ_SETUP(h != NULL, "%s is not loaded: %s", path, dlerror());
    f->get = (fixture_get_stats_fn)dlsym(h, "FixtureGetStats");
    FUZZ_SETUP(f->get != NULL, "%s has no FixtureGetStats", path);
    f->name = name;
    dlclose(h);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *dir = fuzz_tmpdir();
    eaphost_problem *problems = NULL;
    eaphost_method_entry *methods = NULL;
    DWORD n = 0, rc;

    (void)argc; (void)argv;
    memset(long_identity, 'i', LONG_IDENTITY);
    memset(medium_identity, 'm', MEDIUM_IDENTITY);
    write_registry(dir);
    FUZZ_SETUP(eaphost_set_methods_dir(dir) == ERROR_SUCCESS,
               "eaphost_set_methods_dir");
    rc = EapHostPeerInitialize();
    FUZZ_SETUP(rc == ERROR_SUCCESS, "EapHostPeerInitialize: 0x%08x",
               (unsigned)rc);
    FUZZ_SETUP(eaphost_get_registry_problems(&problems, &n) ==
               ERROR_SUCCESS, "eaphost_get_registry_problems");
    for (DWORD i = 0; i < n; i++)
        fprintf(stderr, "registry: %s: %s\n", problems[i].file,
                problems[i].reason);
    eaphost_free_registry_problems(problems, n);
    FUZZ_SETUP(n == 0, "the fuzzing registry has problems");
    /* Load every method now: the fixtures' statistics become reachable. */
    FUZZ_SETUP(eaphost_list_methods(TRUE, &methods, &n) == ERROR_SUCCESS,
               "eaphost_list_methods");
    for (DWORD i = 0; i < n; i++)
        FUZZ_SETUP(methods[i].state == EAPHOST_METHOD_READY,
                   "method %s not ready: %s", methods[i].registry_file,
                   methods[i].fault_reason ? methods[i].fault_reason : "?");
    eaphost_free_method_list(methods, n);
    FUZZ_SETUP(n == 3, "expected 3 methods, found %u", (unsigned)n);
    find_stats(&fixtures[0], "fixture_good.so");
    find_stats(&fixtures[1], "fixture_expanded.so");

    memset(types, 0, sizeof types);
    types[0].dwAuthorId = AUTHOR;
    types[0].eapType.type = FIXTURE_TYPE;
    types[1].dwAuthorId = AUTHOR;
    types[1].eapType.type = FIXTURE_EXPANDED_TYPE;
    types[1].eapType.dwVendorId = FIXTURE_VENDOR;
    types[1].eapType.dwVendorType = FIXTURE_VENDOR_TYPE;
    types[2] = types[0];
    types[2].dwAuthorId = AUTHOR_CREDS;
    types[3] = types[1];
    return 0;
}

/* ---- one session ------------------------------------------------------- */

struct run {
    EAP_SESSIONID sid;
    const EAP_METHOD_TYPE *type;
    DWORD max_send;
    bool id_plus_one;       /* EAPHOST_OPTION_ACCEPT_RESULT_ID_PLUS_ONE */
    bool cleared;           /* ClearConnection succeeded */
    bool method_responded;  /* a Response of the method's type was sent */
    int last_sent_id;       /* Identifier of the last Response, -1: none */
    uint64_t send_hash;     /* FNV-1a of the last Response */
    uint64_t digest;        /* FNV-1a of what the session answered */
};

static uint64_t fnv(const void *p, size_t n)
{
    const uint8_t *b = p;
    uint64_t h = 0xcbf29ce484222325ull;

    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ull;
    return h;
}

static void mix(struct run *r, const void *p, size_t n)
{
    const uint8_t *b = p;

    for (size_t i = 0; i < n; i++)
        r->digest = (r->digest ^ b[i]) * 0x100000001b3ull;
}

static void mix_call(struct run *r, DWORD rc, int action)
{
    mix(r, &rc, sizeof rc);
    mix(r, &action, sizeof action);
}

static void free_error(EAP_ERROR **e)
{
    if (*e) {
        if ((*e)->pRootCauseString)
            fuzz_touch((*e)->pRootCauseString, 2);
        EapHostPeerFreeEapError(*e);
        *e = NULL;
    }
}

static void touch_attributes(const EapAttributes *a)
{
    if (!a)
        return;
    FUZZ_CHECK(a->dwNumberOfAttributes == 0 || a->pAttribs != NULL,
               "%u attributes without an array",
               (unsigned)a->dwNumberOfAttributes);
    FUZZ_CHECK(a->dwNumberOfAttributes < 4096, "%u attributes",
               (unsigned)a->dwNumberOfAttributes);
    for (DWORD i = 0; i < a->dwNumberOfAttributes; i++) {
        FUZZ_CHECK(a->pAttribs[i].dwLength == 0 || a->pAttribs[i].pValue,
                   "attribute %u: length %u without a value", (unsigned)i,
                   (unsigned)a->pAttribs[i].dwLength);
        if (a->pAttribs[i].dwLength)
            fuzz_touch(a->pAttribs[i].pValue, a->pAttribs[i].dwLength);
    }
}

/* The type byte of a Response the host may send for this method. */
static bool response_type_ok(const struct run *r, const BYTE *p, DWORD n)
{
    BYTE t = p[4];

    if (t == 1 || t == 2 || t == 3)   /* Identity, Notification, Nak */
        return true;
    if (t == 254)                     /* the expanded method or an Expanded Nak */
        return n >= 12;
    return t == r->type->eapType.type;
}

static void check_send(struct run *r, BYTE req_id)
{
    EAP_ERROR *e = NULL;
    DWORD n = 0, rc;
    BYTE *p = NULL;

    rc = EapHostPeerGetSendPacket(r->sid, &n, &p, &e);
    FUZZ_CHECK(rc == ERROR_SUCCESS, "action Send, but GetSendPacket gave "
               "0x%08x", (unsigned)rc);
    free_error(&e);
    fuzz_trace_bytes("  send", p, n);
    FUZZ_CHECK(p != NULL && n >= 5, "Send packet %p of %u bytes", (void *)p,
               (unsigned)n);
    fuzz_touch(p, n);
    mix(r, p, n);
    FUZZ_CHECK(p[0] == EapCodeResponse, "Send packet Code %u", p[0]);
    FUZZ_CHECK(fuzz_be16(p + 2) == n, "Send packet Length %u, size %u",
               fuzz_be16(p + 2), (unsigned)n);
    FUZZ_CHECK(n <= r->max_send, "Send packet of %u bytes, max %u",
               (unsigned)n, (unsigned)r->max_send);
    FUZZ_CHECK(p[1] == req_id, "Send packet Identifier %u, request's %u",
               p[1], req_id);
    FUZZ_CHECK(response_type_ok(r, p, n), "Send packet of type %u", p[4]);
    r->last_sent_id = p[1];
    r->send_hash = fnv(p, n);
    if (p[4] == r->type->eapType.type &&
        (p[4] != 254 || (fuzz_be16(p + 6) == (r->type->eapType.dwVendorId &
                                               0xFFFF) &&
                         p[11] == (BYTE)r->type->eapType.dwVendorType)))
        r->method_responded = true;
}

static void check_no_send(const struct run *r, EapHostPeerResponseAction a)
{
    EAP_ERROR *e = NULL;
    DWORD n = 0, rc;
    BYTE *p = NULL;

    rc = EapHostPeerGetSendPacket(r->sid, &n, &p, &e);
    free_error(&e);
    if (a == EapHostPeerResponseStartAuthentication)
        FUZZ_CHECK_KNOWN("stale-send", rc == ERROR_INVALID_STATE,
                         "action StartAuthentication, but GetSendPacket "
                         "gave 0x%08x with %u bytes", (unsigned)rc,
                         (unsigned)n);
    else
        FUZZ_CHECK(rc == ERROR_INVALID_STATE, "action %d, but GetSendPacket "
                   "gave 0x%08x with %u bytes", (int)a, (unsigned)rc,
                   (unsigned)n);
}

/* The auth status agrees with a result just handed out. */
static void check_status(const struct run *r, BOOL success)
{
    EAPHOST_AUTH_INFO info;
    EAP_ERROR *e = NULL;
    DWORD n = 0, rc;
    BYTE *p = NULL;

    rc = EapHostPeerGetAuthStatus(r->sid, EapHostPeerAuthStatus, &n, &p, &e);
    free_error(&e);
    FUZZ_CHECK(rc == ERROR_SUCCESS && p && n == sizeof info,
               "GetAuthStatus: 0x%08x, %u bytes", (unsigned)rc, (unsigned)n);
    memcpy(&info, p, sizeof info);
    if (r->cleared)
        return;
    FUZZ_CHECK(info.status == (success ? EapHostAuthSucceeded
                                       : EapHostAuthFailed),
               "result fIsSuccess %d, auth status %d", (int)success,
               (int)info.status);
}

/*
 * GetResult(@why).  @must_succeed: the action was Result.  @pkt: for a
 * Result that an EAP-Success caused, that packet (else NULL): a success
 * then needs a method Response before it and the Identifier of the last
 * Response (RFC 4137 rxSuccess; DESIGN.md).
 */
static void get_result(struct run *r, EapHostPeerMethodResultReason why,
                       bool must_succeed, const BYTE *pkt)
{
    EapHostPeerMethodResult res;
    EAP_ERROR *e = NULL;
    DWORD rc;

    rc = EapHostPeerGetResult(r->sid, why, &res, &e);
    FUZZ_TRACE("  GetResult(%d) -> rc 0x%08x success %d reason 0x%08x",
               (int)why, (unsigned)rc, (int)res.fIsSuccess,
               (unsigned)res.dwFailureReasonCode);
    free_error(&e);
    mix_call(r, rc, (int)res.fIsSuccess);
    mix(r, &res.dwFailureReasonCode, sizeof res.dwFailureReasonCode);
    if (must_succeed)
        FUZZ_CHECK(rc == ERROR_SUCCESS, "action Result, but GetResult "
                   "gave 0x%08x", (unsigned)rc);
    if (rc != ERROR_SUCCESS) {
        FUZZ_CHECK(res.pEapError == NULL, "failed GetResult with an error");
        return;
    }
    touch_attributes(res.pAttribArray);
    if (res.fSaveConnectionData && res.dwSizeofConnectionData)
        fuzz_touch(res.pConnectionData, res.dwSizeofConnectionData);
    if (res.fSaveUserData && res.dwSizeofUserData)
        fuzz_touch(res.pUserData, res.dwSizeofUserData);
    if (!res.fIsSuccess)
        FUZZ_CHECK(res.dwFailureReasonCode != 0, "a failure without reason");
    if (must_succeed)
        check_status(r, res.fIsSuccess);
    if (pkt && res.fIsSuccess) {
        FUZZ_CHECK(r->method_responded, "EAP-Success accepted as success "
                   "before the method sent any Response");
        FUZZ_CHECK(r->last_sent_id >= 0 &&
                   (pkt[1] == (BYTE)r->last_sent_id ||
                    (r->id_plus_one && pkt[1] == (BYTE)(r->last_sent_id + 1))),
                   "EAP-Success with Identifier %u accepted, last Response "
                   "had %d", pkt[1], r->last_sent_id);
    }
    free_error(&res.pEapError);
}

static void auth_status(struct run *r)
{
    eaphost_session_counters c;
    EAP_ERROR *e = NULL;
    DWORD n = 0, rc;
    BYTE *p = NULL;

    for (int param = EapHostPeerAuthStatus; param <= EapHostNapInfo;
         param++) {
        rc = EapHostPeerGetAuthStatus(r->sid, (EapHostPeerAuthParams)param,
                                      &n, &p, &e);
        free_error(&e);
        if (rc == ERROR_SUCCESS) {
            FUZZ_CHECK(p != NULL || n == 0, "auth data of %u bytes, NULL",
                       (unsigned)n);
            fuzz_touch(p, n);
        }
        mix_call(r, rc, (int)n);
        if (rc == ERROR_SUCCESS && n)
            mix(r, p, n);
    }
    FUZZ_CHECK(eaphost_session_get_counters(r->sid, &c) == ERROR_SUCCESS,
               "eaphost_session_get_counters");
    FUZZ_CHECK(c.remote_invalid_packets <= c.discarded &&
               c.discarded <= c.packets_received, "counters: invalid %u, "
               "discarded %u, received %u",
               (unsigned)c.remote_invalid_packets, (unsigned)c.discarded,
               (unsigned)c.packets_received);
    mix(r, &c, sizeof c);
}

static EapHostPeerResponseAction ui_round(struct run *r,
                                          const BYTE *data, size_t len)
{
    EapHostPeerResponseAction a = (EapHostPeerResponseAction)-1;
    EAP_ERROR *e = NULL;
    DWORD n = 0, rc;
    BYTE *ctx = NULL;

    rc = EapHostPeerGetUIContext(r->sid, &n, &ctx, &e);
    free_error(&e);
    if (rc == ERROR_SUCCESS && n)
        fuzz_touch(ctx, n);
    if (len > UI_DATA_MAX)
        len = UI_DATA_MAX;
    rc = EapHostPeerSetUIContext(r->sid, (DWORD)len, len ? data : NULL, &a,
                                 &e);
    FUZZ_TRACE("  SetUIContext -> rc 0x%08x action %d", (unsigned)rc,
               (int)a);
    free_error(&e);
    mix_call(r, rc, (int)a);
    FUZZ_CHECK(rc == ERROR_SUCCESS || a == EapHostPeerResponseDiscard,
               "SetUIContext 0x%08x with action %d", (unsigned)rc, (int)a);
    return rc == ERROR_SUCCESS ? a : EapHostPeerResponseDiscard;
}

static EapHostPeerResponseAction attrs_round(struct run *r)
{
    EapHostPeerResponseAction a = (EapHostPeerResponseAction)-1;
    EapAttributes got, back;
    EAP_ATTRIBUTE copy[8];
    EAP_ERROR *e = NULL;
    DWORD rc;

    rc = EapHostPeerGetResponseAttributes(r->sid, &got, &e);
    free_error(&e);
    memset(&back, 0, sizeof back);
    if (rc == ERROR_SUCCESS) {
        touch_attributes(&got);
        /* Hand back (a copy of the table of) what we got. */
        back.dwNumberOfAttributes = got.dwNumberOfAttributes < 8
                                    ? got.dwNumberOfAttributes : 8;
        if (back.dwNumberOfAttributes) {
            memcpy(copy, got.pAttribs,
                   back.dwNumberOfAttributes * sizeof copy[0]);
            back.pAttribs = copy;
        }
    }
    rc = EapHostPeerSetResponseAttributes(r->sid, &back, &a, &e);
    FUZZ_TRACE("  SetResponseAttributes -> rc 0x%08x action %d",
               (unsigned)rc, (int)a);
    free_error(&e);
    mix_call(r, rc, (int)a);
    FUZZ_CHECK(rc == ERROR_SUCCESS || a == EapHostPeerResponseDiscard,
               "SetResponseAttributes 0x%08x with action %d", (unsigned)rc,
               (int)a);
    return rc == ERROR_SUCCESS ? a : EapHostPeerResponseDiscard;
}

/* Follow @a (the answer to packet @data, @len bytes), bounded; returns
 * the last action. */
static EapHostPeerResponseAction follow(struct run *r,
                                        EapHostPeerResponseAction a,
                                        const BYTE *data, size_t len)
{
    BYTE id = len >= 2 ? data[1] : 0;
    bool success_packet = len >= 4 && data[0] == EapCodeSuccess;

    for (int round = 0; round < FOLLOW_MAX; round++) {
        FUZZ_CHECK((unsigned)a <= (unsigned)EapHostPeerResponseNone,
                   "action %d out of range", (int)a);
        switch (a) {
        case EapHostPeerResponseSend:
            check_send(r, id);
            return a;
        case EapHostPeerResponseResult:
            check_no_send(r, a);
            get_result(r, EapHostPeerMethodResultFromMethod, true,
                       round == 0 && success_packet ? data : NULL);
            return a;
        case EapHostPeerResponseInvokeUi:
            check_no_send(r, a);
            a = ui_round(r, data, len);
            break;
        case EapHostPeerResponseRespond:
            check_no_send(r, a);
            a = attrs_round(r);
            break;
        default:
            check_no_send(r, a);
            return a;
        }
    }
    return a;
}

static EapHostPeerResponseAction process(struct run *r,
                                         const struct fuzz_record *rec)
{
    EapHostPeerResponseAction a = (EapHostPeerResponseAction)-1;
    EAP_ERROR *e = NULL;
    DWORD rc;

    fuzz_trace_bytes("packet", rec->data, rec->len);
    rc = EapHostPeerProcessReceivedPacket(r->sid, (DWORD)rec->len,
                                          rec->data, &a, &e);
    FUZZ_TRACE("  -> rc 0x%08x action %d", (unsigned)rc, (int)a);
    mix_call(r, rc, (int)a);
    FUZZ_CHECK((unsigned)a <= (unsigned)EapHostPeerResponseNone,
               "ProcessReceivedPacket: action %d out of range (rc 0x%08x)",
               (int)a, (unsigned)rc);
    FUZZ_CHECK(rc == ERROR_SUCCESS || a == EapHostPeerResponseDiscard,
               "ProcessReceivedPacket 0x%08x with action %d", (unsigned)rc,
               (int)a);
    free_error(&e);
    return follow(r, a, rec->data, rec->len);
}

static void check_fixture(const struct fixture *f)
{
    struct fixture_stats st;

    f->get(&st);
    FUZZ_CHECK(st.live_sessions == 0, "%s: %ld method sessions after "
               "EndSession", f->name, st.live_sessions);
    FUZZ_CHECK(st.live_allocations == 0, "%s: %ld method allocations not "
               "given back after EndSession", f->name, st.live_allocations);
    FUZZ_CHECK(st.bad_frees == 0, "%s: %lu frees of memory the method did "
               "not hand out", f->name, st.bad_frees);
}

static DWORD max_send_of(uint8_t b)
{
    if (b < 112)
        return 1400u;
    if (b < 127)
        return 4090u + 4u * (b - 112u);
    if (b == 127)
        return 65535u;
    return 20u + 4u * (b - 128u);
}

/* One session over the whole input; returns the digest of its answers. */
static uint64_t run_session(const uint8_t *data, size_t size)
{
    struct fuzz_reader rd = { data, size };
    struct fuzz_record rec;
    struct run r;
    EAP_ERROR *e = NULL;
    uint8_t b0, b1, b2;
    const char *script;
    const BYTE *user = NULL;
    DWORD user_len = 0, rc;
    EapHostPeerResponseAction a, a2;
    uint64_t hash;
    int records = 0;

    memset(&r, 0, sizeof r);
    r.digest = 0xcbf29ce484222325ull;
    b0 = fuzz_take_byte(&rd);
    b1 = fuzz_take_byte(&rd);
    b2 = fuzz_take_byte(&rd);
    r.type = &types[b0 & 3];
    script = scripts[((b0 >> 2) & 15) | ((b2 & 0x10) ? 16 : 0)];
    r.max_send = max_send_of(b1);
    r.last_sent_id = -1;
    if (b2 & 0x20) {
        user = (const BYTE *)medium_identity;
        user_len = MEDIUM_IDENTITY + 1;
    } else if ((b2 & 7) == 4) {
        user = (const BYTE *)long_identity;
        user_len = LONG_IDENTITY + 1;
    } else if (user_data[b2 & 7].len) {
        user = (const BYTE *)user_data[b2 & 7].bytes;
        user_len = (DWORD)user_data[b2 & 7].len;
    }

    rc = EapHostPeerBeginSession(0, *r.type, NULL, NULL,
                                 (DWORD)strlen(script),
                                 (const BYTE *)script, user_len, user,
                                 r.max_send, &connection_id, NULL, NULL,
                                 &r.sid, &e);
    free_error(&e);
    FUZZ_TRACE("session: method %d, script \"%s\", max_send %u, user data "
               "%u bytes, credentials %d, id+1 %d", b0 & 3, script,
               (unsigned)r.max_send, (unsigned)user_len, (b0 & 0x40) != 0,
               (b0 & 0x80) != 0);
    mix_call(&r, rc, -1);
    if (begin_fails(script)) {
        FUZZ_CHECK(rc != ERROR_SUCCESS && r.sid == 0, "BeginSession(script "
                   "\"%s\") succeeded", script);
        check_fixture(&fixtures[0]);
        check_fixture(&fixtures[1]);
        return r.digest;
    }
    FUZZ_CHECK(rc == ERROR_SUCCESS, "BeginSession(script \"%s\"): 0x%08x",
               script, (unsigned)rc);
    if (b0 & 0x40) {
        rc = eaphost_session_set_credentials(r.sid, "fuzz-id", "fuzz-pw");
        FUZZ_CHECK(rc == ERROR_SUCCESS, "set_credentials: 0x%08x",
                   (unsigned)rc);
    }
    if (b0 & 0x80) {
        rc = eaphost_session_set_option(
            r.sid, EAPHOST_OPTION_ACCEPT_RESULT_ID_PLUS_ONE, 1);
        FUZZ_CHECK(rc == ERROR_SUCCESS, "set_option: 0x%08x", (unsigned)rc);
        r.id_plus_one = true;
    }

    while (records++ < FUZZ_MAX_RECORDS && fuzz_next_record(&rd, &rec)) {
        switch (rec.op) {
        case 4:
            rc = EapHostPeerClearConnection((GUID *)&connection_id, &e);
            free_error(&e);
            if (rc == ERROR_SUCCESS)
                r.cleared = true;
            mix_call(&r, rc, -4);
            if (rc == ERROR_SUCCESS) {
                /* The cleared method's last Response is gone too. */
                DWORD n = 0;
                BYTE *p = NULL;

                rc = EapHostPeerGetSendPacket(r.sid, &n, &p, &e);
                free_error(&e);
                FUZZ_CHECK_KNOWN("stale-send", rc == ERROR_INVALID_STATE,
                                 "GetSendPacket after ClearConnection "
                                 "gave 0x%08x with %u bytes", (unsigned)rc,
                                 (unsigned)n);
            }
            break;
        case 5:
            rc = eaphost_session_set_credentials(r.sid, "late-id",
                                                 "late-pw");
            mix_call(&r, rc, -5);
            break;
        case 7:
            get_result(&r, EapHostPeerMethodResultFromMethod, false, NULL);
            {
                DWORD n = 0;
                BYTE *p = NULL;

                rc = EapHostPeerGetSendPacket(r.sid, &n, &p, &e);
                if (rc == ERROR_SUCCESS) {
                    fuzz_touch(p, n);
                    mix(&r, p, n);
                }
                mix_call(&r, rc, -7);
                free_error(&e);
            }
            break;
        default:
            break;
        }
        a = process(&r, &rec);
        switch (rec.op) {
        case 1:
            get_result(&r, EapHostPeerMethodResultAltSuccessReceived, false,
                       NULL);
            break;
        case 2:
            get_result(&r, EapHostPeerMethodResultTimeout, false, NULL);
            break;
        case 3:
            auth_status(&r);
            break;
        case 6:
            /* A retransmission gets the same Response (RFC 4137). */
            hash = r.send_hash;
            a2 = process(&r, &rec);
            if (a == EapHostPeerResponseSend)
                FUZZ_CHECK(a2 == EapHostPeerResponseSend &&
                           r.send_hash == hash, "a retransmitted Request "
                           "got action %d%s", (int)a2,
                           a2 == EapHostPeerResponseSend
                               ? " with another Response" : "");
            break;
        default:
            break;
        }
    }

    rc = EapHostPeerEndSession(r.sid, &e);
    free_error(&e);
    mix_call(&r, rc, -8);
    check_fixture(&fixtures[0]);
    check_fixture(&fixtures[1]);
    return r.digest;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint64_t first = run_session(data, size);

    if (size >= 3 && (data[2] & 8)) {
        uint64_t second = run_session(data, size);

        FUZZ_CHECK(first == second, "the same session run twice answered "
                   "differently (digests %016llx, %016llx)",
                   (unsigned long long)first, (unsigned long long)second);
    }
    return 0;
}
