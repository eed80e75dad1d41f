/*
 * check_runtime.c - the supplicant run-time API (eappapis.h), the
 * configuration API (eaphostpeerconfigapis.h) and the emulator's own calls
 * (eaphost/eaphost.h), against DESIGN.md §4 "Supplicant API": the contract
 * and the error-code table.
 *
 * For every function: the normal path, each required pointer NULL
 * (ERROR_INVALID_PARAMETER), a call before EapHostPeerInitialize
 * (ERROR_INVALID_STATE), unknown, ended, stale and made-up session ids
 * (ERROR_INVALID_HANDLE; ProcessReceivedPacket: ERROR_SUCCESS and
 * StartAuthentication) and calls that do not fit the session's state
 * (ERROR_INVALID_STATE).  Then the lifecycle (reference counting, the last
 * Uninitialize ending sessions), connection ids, ClearConnection, faulty
 * and unregistered methods, method errors, the configuration calls and an
 * allocation-failure sweep (eh_test_fail_alloc_after, hence white-box).
 *
 * Packet-level rules of the peer state machine are check_peer_sm's.
 *
 * Every test gets a fresh methods directory (setup) with the fixture
 * methods of tests/fixtures registered, and leaves the host uninitialised
 * (teardown), so the suite also runs with CK_FORK=no under valgrind.
 * Table-driven tests collect every mismatch before they fail, so one run
 * shows all of them.
 */
#include "internal.h"
#include "testutil.h"
#include "fixture_stats.h"

#include <dlfcn.h>
#include <stdarg.h>
#include <sys/stat.h>

/* ---- registry of the test ----------------------------------------------- */

#define GOOD_AUTHOR 1
#define CREDS_AUTHOR 11
#define WARN_AUTHOR 12
#define GOOD_PROPERTIES 34u     /* MutualAuth 0x2 | KeyDerivation 0x20 */
#define MAX_SEND 1400u
#define ALT_SUCCESS EapHostPeerMethodResultAltSuccessReceived
#define ID_PLUS_ONE EAPHOST_OPTION_ACCEPT_RESULT_ID_PLUS_ONE
#define METHOD_COUNT 13u        /* peer methods registered by setup() */

/* UTF-8 "Wärned 𝄞": a name that needs a surrogate pair in UTF-16. */
#define WARN_NAME "W\xc3\xa4rned \xf0\x9d\x84\x9e"
static const WCHAR warn_name_utf16[] = {
    'W', 0xE4, 'r', 'n', 'e', 'd', ' ', 0xD834, 0xDD1E, 0
};

struct broken_method {
    const char *fixture;
    DWORD author;
    const char *reason;       /* a distinctive part of the fault reason */
};

static const struct broken_method broken[] = {
    { "fixture_not_so", 2, "load: " },
    { "fixture_unresolved", 3,
      "eaphost_fixture_symbol_that_does_not_exist" },
    { "fixture_no_getinfo", 4, "EapPeerGetInfo not exported" },
    { "fixture_no_freememory", 5, "EapPeerFreeMemory not exported" },
    { "fixture_dllmain_false", 6, "DllMain" },
    { "fixture_getinfo_fails", 7, "getinfo refused" },
    { "fixture_wrong_type", 8, "201" },
    { "fixture_null_routines", 9, "EapPeerProcessRequestPacket" },
    { "fixture_init_fails", 10, "initialize refused" },
};
#define BROKEN_COUNT (sizeof(broken) / sizeof(broken[0]))

static char dir[512];
static int inits;               /* EapHostPeerInitialize calls to undo */
static void *pinned;            /* a fixture kept mapped by the test */

static const GUID conn_a = { 0x0a0a0a0a, 0x1111, 0x2222,
                             { 1, 2, 3, 4, 5, 6, 7, 8 } };
static const GUID conn_b = { 0x0b0b0b0b, 0x1111, 0x2222,
                             { 1, 2, 3, 4, 5, 6, 7, 8 } };
static const GUID conn_unknown = { 0xdeadbeef, 0xdead, 0xbeef,
                                   { 9, 9, 9, 9, 9, 9, 9, 9 } };

static EAP_METHOD_TYPE method_type(BYTE type, DWORD vendor, DWORD vtype,
                                   DWORD author)
{
    EAP_METHOD_TYPE t;

    memset(&t, 0, sizeof(t));
    t.eapType.type = type;
    t.eapType.dwVendorId = vendor;
    t.eapType.dwVendorType = vtype;
    t.dwAuthorId = author;
    return t;
}

static EAP_METHOD_TYPE good_type(void)
{
    return method_type(FIXTURE_TYPE, 0, 0, GOOD_AUTHOR);
}

static EAP_METHOD_TYPE expanded_type(void)
{
    return method_type(FIXTURE_EXPANDED_TYPE, FIXTURE_VENDOR,
                       FIXTURE_VENDOR_TYPE, GOOD_AUTHOR);
}

static void put_registry_file(const char *d, const char *name,
                              const char *text)
{
    char path[PATH_MAX];

    tu_write_file(d, name, text, path, sizeof(path));
    ck_assert_int_eq(chmod(path, 0644), 0);
}

static void register_method(const char *d, const char *file,
                            const char *fixture, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void register_method(const char *d, const char *file,
                            const char *fixture, const char *fmt, ...)
{
    char plugin[PATH_MAX], keys[512], text[PATH_MAX + 1024];
    va_list ap;

    tu_fixture_path(plugin, sizeof(plugin), fixture);
    va_start(ap, fmt);
    vsnprintf(keys, sizeof(keys), fmt, ap);
    va_end(ap);
    snprintf(text, sizeof(text), "{ %s, \"PeerDllPath\": \"%s\" }\n", keys,
             plugin);
    put_registry_file(d, file, text);
}

static void write_registry(const char *d)
{
    size_t i;

    register_method(d, "10-good.json", "fixture_good",
                    "\"AuthorId\": %d, \"TypeId\": %d, "
                    "\"PeerFriendlyName\": \"Good\", \"Properties\": %u",
                    GOOD_AUTHOR, FIXTURE_TYPE, GOOD_PROPERTIES);
    register_method(d, "11-expanded.json", "fixture_expanded",
                    "\"AuthorId\": %d, \"TypeId\": 254, \"VendorId\": %u, "
                    "\"VendorType\": %u, \"PeerFriendlyName\": \"Expanded\"",
                    GOOD_AUTHOR, FIXTURE_VENDOR, FIXTURE_VENDOR_TYPE);
    register_method(d, "12-creds.json", "fixture_good",
                    "\"AuthorId\": %d, \"TypeId\": %d, "
                    "\"PeerFriendlyName\": \"Good with credentials\", "
                    "\"PeerInvokeUsernameDialog\": 1, "
                    "\"PeerInvokePasswordDialog\": 1",
                    CREDS_AUTHOR, FIXTURE_TYPE);
    for (i = 0; i < BROKEN_COUNT; i++) {
        char file[64];

        snprintf(file, sizeof(file), "%02u-%s.json", (unsigned)(20 + i),
                 broken[i].fixture);
        register_method(d, file, broken[i].fixture,
                        "\"AuthorId\": %u, \"TypeId\": %d, "
                        "\"PeerFriendlyName\": \"Broken %s\"",
                        (unsigned)broken[i].author, FIXTURE_TYPE,
                        broken[i].fixture);
    }
    /* Two problems: a file that is not JSON (refused), an unknown key
     * (a warning; the method still loads). */
    put_registry_file(d, "90-bad.json",
                      "{ \"AuthorId\": 1, this is not JSON\n");
    register_method(d, "91-warn.json", "fixture_good",
                    "\"AuthorId\": %d, \"TypeId\": %d, "
                    "\"PeerFriendlyName\": \"" WARN_NAME "\", "
                    "\"KeyFromALaterVersion\": 1",
                    WARN_AUTHOR, FIXTURE_TYPE);
}

/* ---- expectations collected over a whole test --------------------------- */

/* Check passes at most a few kilobytes of message from a test. */
static char notes[3000];
static size_t notes_len;
static unsigned notes_dropped;

static void note(int line, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void note(int line, const char *fmt, ...)
{
    char one[512];
    va_list ap;
    int n;

    n = snprintf(one, sizeof(one), "\n  line %d: ", line);
    va_start(ap, fmt);
    vsnprintf(one + n, sizeof(one) - (size_t)n, fmt, ap);
    va_end(ap);
    if (notes_len + strlen(one) + 40 >= sizeof(notes)) {
        notes_dropped++;
        return;
    }
    memcpy(notes + notes_len, one, strlen(one) + 1);
    notes_len += strlen(one);
}

/* The function name of a stringified call: "Name(args...)" -> "Name". */
static const char *callee(const char *call, char *buf, size_t n)
{
    size_t i;

    for (i = 0; call[i] && call[i] != '(' && i + 1 < n; i++)
        buf[i] = call[i];
    buf[i] = '\0';
    return buf;
}

static void expect_rc_at(DWORD got, DWORD want, const char *call, int line)
{
    char name[96];

    if (got != want)
        note(line, "%s: 0x%08X %s, expected %s",
             callee(call, name, sizeof(name)), (unsigned)got,
             eaphost_error_name(got), eaphost_error_name(want));
}

#define EXPECT_RC(call, want) expect_rc_at((call), (want), #call, __LINE__)
#define EXPECT(cond) \
    do { if (!(cond)) note(__LINE__, "expected %s", #cond); } while (0)

static void expectations_met(void)
{
    if (notes_dropped)
        ck_abort_msg("mismatches:%s\n  ... and %u more", notes,
                     notes_dropped);
    ck_assert_msg(notes_len == 0, "mismatches:%s", notes);
}

/*
 * A slot for the EAP_ERROR of calls whose error text does not matter:
 * `ERR` frees what the last call left there and passes the slot again.
 */
static EAP_ERROR *err_slot;

static EAP_ERROR **next_err(void)
{
    if (err_slot)
        EapHostPeerFreeEapError(err_slot);
    err_slot = NULL;
    return &err_slot;
}

#define ERR next_err()

/* The same for the configuration API, whose errors are released with
 * EapHostPeerFreeErrorMemory. */
static EAP_ERROR *cerr_slot;

static EAP_ERROR **next_cerr(void)
{
    if (cerr_slot)
        EapHostPeerFreeErrorMemory(cerr_slot);
    cerr_slot = NULL;
    return &cerr_slot;
}

#define CERR next_cerr()

static void drop_errors(void)
{
    next_err();
    next_cerr();
}

/* ---- fixture statistics ------------------------------------------------- */

static void *fixture_handle(const char *name)
{
    char path[PATH_MAX];

    tu_fixture_path(path, sizeof(path), name);
    return dlopen(path, RTLD_NOW | RTLD_NOLOAD);
}

/* Statistics of a fixture the host (or a pin) has loaded. */
static struct fixture_stats stats_of(const char *name)
{
    struct fixture_stats st;
    fixture_get_stats_fn get;
    void *h = fixture_handle(name);

    ck_assert_msg(h != NULL, "%s is not loaded", name);
    get = (fixture_get_stats_fn)dlsym(h, "FixtureGetStats");
    ck_assert_ptr_nonnull(get);
    memset(&st, 0, sizeof(st));
    get(&st);
    dlclose(h);
    return st;
}

static struct fixture_stats good_stats(void)
{
    return stats_of("fixture_good");
}

static void reset_stats(const char *name)
{
    fixture_reset_stats_fn reset;
    void *h = fixture_handle(name);

    ck_assert_msg(h != NULL, "%s is not loaded", name);
    reset = (fixture_reset_stats_fn)dlsym(h, "FixtureResetStats");
    ck_assert_ptr_nonnull(reset);
    reset();
    dlclose(h);
}

/* Keep a loaded fixture mapped after the host unloads it. */
static void pin(const char *name)
{
    ck_assert_ptr_null(pinned);
    pinned = fixture_handle(name);
    ck_assert_msg(pinned != NULL, "%s is not loaded", name);
}

static void unpin(void)
{
    if (pinned)
        dlclose(pinned);
    pinned = NULL;
}

static void assert_fixture_clean(const char *name)
{
    struct fixture_stats st = stats_of(name);

    ck_assert_int_eq(st.live_sessions, 0);
    ck_assert_int_eq(st.live_allocations, 0);
    ck_assert_uint_eq(st.bad_frees, 0);
}

/* ---- setup -------------------------------------------------------------- */

static void setup(void)
{
    eh_test_fail_alloc_after(-1);
    notes_len = 0;
    notes_dropped = 0;
    notes[0] = '\0';
    inits = 0;
    tu_mkdtemp(dir, sizeof(dir));
    ck_assert_int_eq(chmod(dir, 0755), 0);
    write_registry(dir);
    ck_assert_uint_eq(eaphost_set_methods_dir(dir), ERROR_SUCCESS);
}

static void teardown(void)
{
    eh_test_fail_alloc_after(-1);
    drop_errors();
    while (inits > 0) {
        EapHostPeerUninitialize();
        inits--;
    }
    unpin();
    ck_assert_uint_eq(eaphost_set_methods_dir(NULL), ERROR_SUCCESS);
    tu_rmtree(dir);
}

static void init(void)
{
    ck_assert_uint_eq(EapHostPeerInitialize(), ERROR_SUCCESS);
    inits++;
}

static void uninit(void)
{
    ck_assert_int_gt(inits, 0);
    EapHostPeerUninitialize();
    inits--;
}

/* ---- text helpers ------------------------------------------------------- */

/* The root cause of @e as UTF-8 in @buf ("" if none). */
static const char *cause(const EAP_ERROR *e, char *buf, size_t n)
{
    char *u = NULL;

    buf[0] = '\0';
    if (e && e->pRootCauseString &&
        eaphost_utf16_to_utf8(e->pRootCauseString, (size_t)-1, &u, NULL) ==
            ERROR_SUCCESS) {
        snprintf(buf, n, "%s", u);
        eaphost_free(u);
    }
    return buf;
}

static void assert_cause(const EAP_ERROR *e, const char *needle)
{
    char buf[1024];

    ck_assert_msg(e != NULL, "no EAP_ERROR (expected one with '%s')", needle);
    cause(e, buf, sizeof(buf));
    ck_assert_msg(strstr(buf, needle) != NULL,
                  "root cause '%s' does not contain '%s'", buf, needle);
}

static bool wide_eq_ascii(const WCHAR *w, const char *s)
{
    size_t i;

    if (!w)
        return false;
    for (i = 0; s[i]; i++)
        if (w[i] != (WCHAR)(unsigned char)s[i])
            return false;
    return w[i] == 0;
}

static bool wide_eq(const WCHAR *a, const WCHAR *b)
{
    size_t i;

    if (!a || !b)
        return false;
    for (i = 0; a[i] || b[i]; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

/* ---- packets ------------------------------------------------------------ */

struct pkt {
    BYTE b[512];
    DWORD len;
};

static struct pkt request(BYTE id, BYTE type, const char *data)
{
    struct pkt p;
    size_t n = data ? strlen(data) : 0;

    memset(&p, 0, sizeof(p));
    p.len = (DWORD)(5 + n);
    p.b[0] = EapCodeRequest;
    p.b[1] = id;
    p.b[2] = (BYTE)(p.len >> 8);
    p.b[3] = (BYTE)p.len;
    p.b[4] = type;
    if (n)
        memcpy(p.b + 5, data, n);
    return p;
}

static struct pkt identity_request(BYTE id)
{
    return request(id, 1, NULL);
}

static struct pkt method_request(BYTE id, const char *data)
{
    return request(id, FIXTURE_TYPE, data);
}

static struct pkt expanded_request(BYTE id, const char *data)
{
    struct pkt p;
    size_t n = strlen(data);

    memset(&p, 0, sizeof(p));
    p.len = (DWORD)(12 + n);
    p.b[0] = EapCodeRequest;
    p.b[1] = id;
    p.b[2] = (BYTE)(p.len >> 8);
    p.b[3] = (BYTE)p.len;
    p.b[4] = 254;
    p.b[5] = (BYTE)(FIXTURE_VENDOR >> 16);
    p.b[6] = (BYTE)(FIXTURE_VENDOR >> 8);
    p.b[7] = (BYTE)FIXTURE_VENDOR;
    p.b[8] = (BYTE)(FIXTURE_VENDOR_TYPE >> 24);
    p.b[9] = (BYTE)(FIXTURE_VENDOR_TYPE >> 16);
    p.b[10] = (BYTE)(FIXTURE_VENDOR_TYPE >> 8);
    p.b[11] = (BYTE)FIXTURE_VENDOR_TYPE;
    memcpy(p.b + 12, data, n);
    return p;
}

static struct pkt result_packet(BYTE code, BYTE id)
{
    struct pkt p;

    memset(&p, 0, sizeof(p));
    p.len = 4;
    p.b[0] = code;
    p.b[1] = id;
    p.b[3] = 4;
    return p;
}

/* ---- sessions ----------------------------------------------------------- */

static EAP_SESSIONID begin_typed(EAP_METHOD_TYPE type, const char *script,
                                 const GUID *conn)
{
    EAP_SESSIONID id = 0;
    EAP_ERROR *e = NULL;
    char buf[512];
    DWORD rc;

    rc = EapHostPeerBeginSession(0, type, NULL, NULL,
                                 script ? (DWORD)strlen(script) + 1 : 0,
                                 (const BYTE *)script, 0, NULL, MAX_SEND, conn,
                                 NULL, NULL, &id, &e);
    ck_assert_msg(rc == ERROR_SUCCESS, "BeginSession: 0x%08X %s: %s",
                  (unsigned)rc, eaphost_error_name(rc),
                  cause(e, buf, sizeof(buf)));
    ck_assert_ptr_null(e);
    ck_assert_uint_ne(id, 0);
    return id;
}

static EAP_SESSIONID begin(const char *script, const GUID *conn)
{
    return begin_typed(good_type(), script, conn);
}

static EapHostPeerResponseAction feed(EAP_SESSIONID id, struct pkt p)
{
    EapHostPeerResponseAction action = (EapHostPeerResponseAction)99;
    EAP_ERROR *e = NULL;
    char buf[512];
    DWORD rc;

    rc = EapHostPeerProcessReceivedPacket(id, p.len, p.b, &action, &e);
    ck_assert_msg(rc == ERROR_SUCCESS, "ProcessReceivedPacket: 0x%08X %s: %s",
                  (unsigned)rc, eaphost_error_name(rc),
                  cause(e, buf, sizeof(buf)));
    ck_assert_ptr_null(e);
    return action;
}

/* The response waiting after Send: Code 2, @req_id, @type, @data. */
static void expect_response(EAP_SESSIONID id, BYTE req_id, BYTE type,
                            const char *data)
{
    DWORD len = 0;
    BYTE *p = NULL;
    EAP_ERROR *e = NULL;
    size_t n = strlen(data);

    ck_assert_uint_eq(EapHostPeerGetSendPacket(id, &len, &p, &e),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(len, 5 + n);
    ck_assert_uint_eq(p[0], EapCodeResponse);
    ck_assert_uint_eq(p[1], req_id);
    ck_assert_uint_eq(((DWORD)p[2] << 8) | p[3], len);
    ck_assert_uint_eq(p[4], type);
    if (n)
        ck_assert_mem_eq(p + 5, data, n);
}

static void end(EAP_SESSIONID id)
{
    EAP_ERROR *e = NULL;

    ck_assert_uint_eq(EapHostPeerEndSession(id, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
}

static EapHostPeerMethodResult get_result(EAP_SESSIONID id,
                                          EapHostPeerMethodResultReason why)
{
    EapHostPeerMethodResult r;
    EAP_ERROR *e = NULL;
    DWORD rc;

    rc = EapHostPeerGetResult(id, why, &r, &e);
    ck_assert_msg(rc == ERROR_SUCCESS, "GetResult: 0x%08X %s", (unsigned)rc,
                  eaphost_error_name(rc));
    ck_assert_ptr_null(e);
    return r;
}

static void free_result(EapHostPeerMethodResult *r)
{
    if (r->pEapError)
        EapHostPeerFreeEapError(r->pEapError);
    r->pEapError = NULL;
}

static EAPHOST_AUTH_INFO auth_info(EAP_SESSIONID id)
{
    EAPHOST_AUTH_INFO info;
    DWORD size = 0;
    BYTE *data = NULL;

    ck_assert_uint_eq(EapHostPeerGetAuthStatus(id, EapHostPeerAuthStatus,
                                               &size, &data, ERR),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(size, sizeof(info));
    ck_assert_ptr_nonnull(data);
    memcpy(&info, data, sizeof(info));
    return info;
}

/* Identity exchange, one method round, Success, result; not ended. */
static void run_conversation(EAP_SESSIONID id)
{
    EapHostPeerMethodResult r;

    ck_assert_int_eq(feed(id, identity_request(1)), EapHostPeerResponseSend);
    expect_response(id, 1, 1, "fixture-user");
    ck_assert_int_eq(feed(id, method_request(2, "abc")),
                     EapHostPeerResponseSend);
    expect_response(id, 2, FIXTURE_TYPE, "abc");
    ck_assert_int_eq(feed(id, result_packet(EapCodeSuccess, 2)),
                     EapHostPeerResponseResult);
    r = get_result(id, EapHostPeerMethodResultFromMethod);
    ck_assert_int_eq(r.fIsSuccess, TRUE);
    free_result(&r);
}

/* ====================================================================== */
/* Normal paths                                                            */
/* ====================================================================== */

START_TEST(full_session)
{
    EAP_SESSIONID id;
    EapHostPeerMethodResult r;
    eaphost_session_counters c;
    struct fixture_stats st;

    init();
    id = begin(NULL, NULL);
    reset_stats("fixture_good");

    ck_assert_int_eq(feed(id, identity_request(1)), EapHostPeerResponseSend);
    expect_response(id, 1, 1, "fixture-user");
    ck_assert_int_eq(feed(id, method_request(2, "payload")),
                     EapHostPeerResponseSend);
    expect_response(id, 2, FIXTURE_TYPE, "payload");
    /* The same buffer again: valid until the next call on the session. */
    expect_response(id, 2, FIXTURE_TYPE, "payload");
    ck_assert_int_eq(feed(id, result_packet(EapCodeSuccess, 2)),
                     EapHostPeerResponseResult);

    r = get_result(id, EapHostPeerMethodResultFromMethod);
    ck_assert_int_eq(r.fIsSuccess, TRUE);
    ck_assert_uint_eq(r.dwFailureReasonCode, ERROR_SUCCESS);
    ck_assert_ptr_null(r.pEapError);
    /* EMSK copied, the counted eatMinimum terminator skipped. */
    ck_assert_ptr_nonnull(r.pAttribArray);
    ck_assert_uint_eq(r.pAttribArray->dwNumberOfAttributes, 1);
    ck_assert_int_eq(r.pAttribArray->pAttribs[0].eaType, eatEMSK);
    ck_assert_uint_eq(r.pAttribArray->pAttribs[0].dwLength, 64);
    for (int i = 0; i < 64; i++)
        ck_assert_uint_eq(r.pAttribArray->pAttribs[0].pValue[i], 0xAB);
    free_result(&r);
    /* Asked again, the same result. */
    r = get_result(id, EapHostPeerMethodResultFromMethod);
    ck_assert_int_eq(r.fIsSuccess, TRUE);
    free_result(&r);

    ck_assert_uint_eq(eaphost_session_get_counters(id, &c), ERROR_SUCCESS);
    ck_assert_uint_eq(c.packets_received, 3);
    ck_assert_uint_eq(c.responses_sent, 2);
    ck_assert_uint_eq(c.remote_invalid_packets, 0);

    st = good_stats();
    ck_assert_uint_eq(st.get_identity, 1);
    ck_assert_uint_eq(st.process_request, 1);
    ck_assert_uint_eq(st.get_result, 1);
    ck_assert_int_eq(st.last_result_reason, EapPeerMethodResultSuccess);
    ck_assert_uint_eq(st.end_session, 0);
    end(id);
    st = good_stats();
    ck_assert_uint_eq(st.end_session, 1);
    assert_fixture_clean("fixture_good");
}
END_TEST

START_TEST(expanded_session)
{
    EAP_SESSIONID id;
    EapHostPeerMethodResult r;
    struct pkt req = expanded_request(7, "xyz");
    DWORD len = 0;
    BYTE *p = NULL;

    init();
    id = begin_typed(expanded_type(), NULL, NULL);
    ck_assert_int_eq(feed(id, req), EapHostPeerResponseSend);
    ck_assert_uint_eq(EapHostPeerGetSendPacket(id, &len, &p, ERR),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(len, 15);
    ck_assert_uint_eq(p[0], EapCodeResponse);
    ck_assert_uint_eq(p[1], 7);
    ck_assert_mem_eq(p + 4, req.b + 4, 8);
    ck_assert_mem_eq(p + 12, "xyz", 3);
    ck_assert_int_eq(feed(id, result_packet(EapCodeSuccess, 7)),
                     EapHostPeerResponseResult);
    r = get_result(id, EapHostPeerMethodResultFromMethod);
    ck_assert_int_eq(r.fIsSuccess, TRUE);
    free_result(&r);
    end(id);
    assert_fixture_clean("fixture_expanded");
}
END_TEST

START_TEST(ui_round_trip)
{
    EAP_SESSIONID id;
    DWORD size = 0;
    BYTE *ctx = NULL;
    EapHostPeerResponseAction action = EapHostPeerResponseNone;
    struct fixture_stats st;

    init();
    id = begin("ui=1", NULL);
    ck_assert_int_eq(feed(id, method_request(3, "question")),
                     EapHostPeerResponseInvokeUi);
    ck_assert_uint_eq(EapHostPeerGetUIContext(id, &size, &ctx, ERR),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(size, 3);
    ck_assert_mem_eq(ctx, "ctx", 3);
    ck_assert_uint_eq(EapHostPeerSetUIContext(id, 6, (const BYTE *)"answer",
                                              &action, ERR),
                      ERROR_SUCCESS);
    ck_assert_int_eq(action, EapHostPeerResponseSend);
    expect_response(id, 3, FIXTURE_TYPE, "answer");
    /* The UI step is over. */
    EXPECT_RC(EapHostPeerGetUIContext(id, &size, &ctx, ERR),
              ERROR_INVALID_STATE);
    st = good_stats();
    ck_assert_uint_eq(st.get_ui_context, 1);
    ck_assert_uint_eq(st.set_ui_context, 1);
    end(id);
    assert_fixture_clean("fixture_good");
    expectations_met();
}
END_TEST

START_TEST(attributes_round_trip)
{
    EAP_SESSIONID id;
    EapAttributes got, mine;
    EapAttribute attr;
    BYTE value[4] = { 1, 2, 3, 4 };
    EapHostPeerResponseAction action = EapHostPeerResponseNone;
    struct fixture_stats st;

    init();
    id = begin("attrs=1", NULL);
    ck_assert_int_eq(feed(id, method_request(4, "data")),
                     EapHostPeerResponseRespond);
    ck_assert_uint_eq(EapHostPeerGetResponseAttributes(id, &got, ERR),
                      ERROR_SUCCESS);
    /* eatReplyMessage "hi"; the counted eatMinimum is not handed on. */
    ck_assert_uint_eq(got.dwNumberOfAttributes, 1);
    ck_assert_int_eq(got.pAttribs[0].eaType, eatReplyMessage);
    ck_assert_uint_eq(got.pAttribs[0].dwLength, 2);
    ck_assert_mem_eq(got.pAttribs[0].pValue, "hi", 2);

    attr.eaType = eatVendorSpecific;
    attr.dwLength = sizeof(value);
    attr.pValue = value;
    mine.dwNumberOfAttributes = 1;
    mine.pAttribs = &attr;
    ck_assert_uint_eq(EapHostPeerSetResponseAttributes(id, &mine, &action,
                                                       ERR),
                      ERROR_SUCCESS);
    ck_assert_int_eq(action, EapHostPeerResponseSend);
    expect_response(id, 4, FIXTURE_TYPE, "data");
    EXPECT_RC(EapHostPeerSetResponseAttributes(id, &mine, &action, ERR),
              ERROR_INVALID_STATE);
    st = good_stats();
    ck_assert_uint_eq(st.get_response_attributes, 1);
    ck_assert_uint_eq(st.set_response_attributes, 1);
    end(id);
    assert_fixture_clean("fixture_good");
    expectations_met();
}
END_TEST

START_TEST(result_reasons)
{
    EAP_SESSIONID id;
    EapHostPeerMethodResult r;

    init();
    /* AltSuccessReceived after the method answered: Success for it. */
    id = begin(NULL, NULL);
    EXPECT_RC(EapHostPeerGetResult(id, ALT_SUCCESS, &r, ERR),
              ERROR_INVALID_STATE);
    ck_assert_int_eq(feed(id, method_request(1, "a")),
                     EapHostPeerResponseSend);
    r = get_result(id, EapHostPeerMethodResultAltSuccessReceived);
    ck_assert_int_eq(r.fIsSuccess, TRUE);
    ck_assert_int_eq(good_stats().last_result_reason,
                     EapPeerMethodResultSuccess);
    free_result(&r);
    ck_assert_int_eq(auth_info(id).status, EapHostAuthSucceeded);
    r = get_result(id, EapHostPeerMethodResultFromMethod);
    ck_assert_int_eq(r.fIsSuccess, TRUE);
    free_result(&r);
    end(id);

    /* Timeout: Unknown for the method, a failure whatever it says. */
    id = begin(NULL, NULL);
    ck_assert_int_eq(feed(id, method_request(1, "a")),
                     EapHostPeerResponseSend);
    r = get_result(id, EapHostPeerMethodResultTimeout);
    ck_assert_int_eq(r.fIsSuccess, FALSE);
    ck_assert_uint_ne(r.dwFailureReasonCode, ERROR_SUCCESS);
    ck_assert_int_eq(good_stats().last_result_reason,
                     EapPeerMethodResultUnknown);
    free_result(&r);
    ck_assert_int_eq(auth_info(id).status, EapHostAuthFailed);

    /* Reasons outside the enumeration. */
    EXPECT_RC(EapHostPeerGetResult(id, (EapHostPeerMethodResultReason)0, &r,
                                   ERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerGetResult(id, (EapHostPeerMethodResultReason)4, &r,
                                   ERR),
              ERROR_INVALID_PARAMETER);
    end(id);
    assert_fixture_clean("fixture_good");
    expectations_met();
}
END_TEST

START_TEST(credentials_reach_the_method)
{
    EAP_SESSIONID id;
    EAP_METHOD_TYPE creds = method_type(FIXTURE_TYPE, 0, 0, CREDS_AUTHOR);
    struct fixture_stats st;

    init();
    /* Registered with the credential dialogs: EapPeerSetCredentials. */
    id = begin_typed(creds, "echo_password=1", NULL);
    ck_assert_uint_eq(eaphost_session_set_credentials(id, "alice", "s3cret"),
                      ERROR_SUCCESS);
    ck_assert_int_eq(feed(id, identity_request(1)), EapHostPeerResponseSend);
    expect_response(id, 1, 1, "alice");
    ck_assert_int_eq(feed(id, method_request(2, "ignored")),
                     EapHostPeerResponseSend);
    expect_response(id, 2, FIXTURE_TYPE, "s3cret");
    st = good_stats();
    ck_assert_uint_eq(st.set_credentials, 1);
    ck_assert_str_eq(st.identity, "alice");
    ck_assert_str_eq(st.password, "s3cret");
    /* Too late now. */
    EXPECT_RC(eaphost_session_set_credentials(id, "bob", NULL),
              ERROR_INVALID_STATE);
    end(id);

    /* Without the dialogs: the identity alone answers Request/Identity,
     * in UTF-8 as given. */
    id = begin(NULL, NULL);
    ck_assert_uint_eq(eaphost_session_set_credentials(id, "J\xc3\xbcrgen",
                                                      NULL),
                      ERROR_SUCCESS);
    ck_assert_int_eq(feed(id, identity_request(9)), EapHostPeerResponseSend);
    expect_response(id, 9, 1, "J\xc3\xbcrgen");
    end(id);

    /* Arguments. */
    id = begin(NULL, NULL);
    EXPECT_RC(eaphost_session_set_credentials(id, NULL, NULL),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(eaphost_session_set_credentials(id, "bad\xff", NULL),
              ERROR_NO_UNICODE_TRANSLATION);
    EXPECT_RC(eaphost_session_set_credentials(id, NULL, "\xc0\xaf"),
              ERROR_NO_UNICODE_TRANSLATION);
    /* A later call replaces what an earlier one gave. */
    EXPECT_RC(eaphost_session_set_credentials(id, "first", NULL),
              ERROR_SUCCESS);
    EXPECT_RC(eaphost_session_set_credentials(id, "second", "pw"),
              ERROR_SUCCESS);
    ck_assert_int_eq(feed(id, identity_request(1)), EapHostPeerResponseSend);
    expect_response(id, 1, 1, "second");
    end(id);
    assert_fixture_clean("fixture_good");
    expectations_met();
}
END_TEST

/* One authentication round with the echoing fixture: the Identity
 * Response carries @identity, the method's Response the password it got. */
static void expect_credentials(EAP_SESSIONID id, const char *identity,
                               const char *password)
{
    unsigned before = good_stats().set_credentials;
    struct fixture_stats st;

    ck_assert_int_eq(feed(id, identity_request(1)), EapHostPeerResponseSend);
    expect_response(id, 1, 1, identity);
    ck_assert_int_eq(feed(id, method_request(2, "ignored")),
                     EapHostPeerResponseSend);
    expect_response(id, 2, FIXTURE_TYPE, password);
    st = good_stats();
    ck_assert_uint_eq(st.set_credentials, before + 1);
    ck_assert_str_eq(st.identity, identity);
    ck_assert_str_eq(st.password, password);
}

START_TEST(credentials_conversion)
{
    EAP_METHOD_TYPE creds = method_type(FIXTURE_TYPE, 0, 0, CREDS_AUTHOR);
    char long_id[101], long_pw[81];
    EAP_SESSIONID id;

    init();
    /* Longer than the slot keeps inline, and not ASCII. */
    memset(long_id, 'u', sizeof(long_id) - 1);
    memcpy(long_id + 40, "\xc3\xa9\xe2\x82\xac", 5);   /* U+00E9 U+20AC */
    long_id[sizeof(long_id) - 1] = '\0';
    memset(long_pw, 'p', sizeof(long_pw) - 1);
    long_pw[sizeof(long_pw) - 1] = '\0';
    id = begin_typed(creds, "echo_password=1", NULL);
    EXPECT_RC(eaphost_session_set_credentials(id, long_id, long_pw),
              ERROR_SUCCESS);
    expect_credentials(id, long_id, long_pw);
    end(id);

    /* Short, not ASCII: converted, and kept in UTF-8 as given. */
    id = begin_typed(creds, "echo_password=1", NULL);
    EXPECT_RC(eaphost_session_set_credentials(id, "J\xc3\xbcrgen",
                                              "p\xc3\xa4ss"),
              ERROR_SUCCESS);
    expect_credentials(id, "J\xc3\xbcrgen", "p\xc3\xa4ss");
    end(id);

    /* A second call replaces the first, short or long. */
    id = begin_typed(creds, "echo_password=1", NULL);
    EXPECT_RC(eaphost_session_set_credentials(id, "first", "pw-1"),
              ERROR_SUCCESS);
    EXPECT_RC(eaphost_session_set_credentials(id, "second", NULL),
              ERROR_SUCCESS);
    EXPECT_RC(eaphost_session_set_credentials(id, NULL, long_pw),
              ERROR_SUCCESS);
    EXPECT_RC(eaphost_session_set_credentials(id, NULL, "pw-3"),
              ERROR_SUCCESS);
    expect_credentials(id, "second", "pw-3");
    end(id);

    /* A failed call changes nothing: bad text in either, or no memory. */
    id = begin_typed(creds, "echo_password=1", NULL);
    EXPECT_RC(eaphost_session_set_credentials(id, "keep", "pw-keep"),
              ERROR_SUCCESS);
    EXPECT_RC(eaphost_session_set_credentials(id, "other", "bad\xff"),
              ERROR_NO_UNICODE_TRANSLATION);
    EXPECT_RC(eaphost_session_set_credentials(id, "\xed\xa0\x80", "pw"),
              ERROR_NO_UNICODE_TRANSLATION);     /* an encoded surrogate */
    eh_test_fail_alloc_after(0);
    EXPECT_RC(eaphost_session_set_credentials(id, long_id, "pw"),
              ERROR_NOT_ENOUGH_MEMORY);
    eh_test_fail_alloc_after(-1);
    expect_credentials(id, "keep", "pw-keep");
    end(id);

    /* The same in a fresh session, whose inline buffers were free. */
    id = begin_typed(creds, "echo_password=1", NULL);
    EXPECT_RC(eaphost_session_set_credentials(id, "ok-id", "bad\xc0\xaf"),
              ERROR_NO_UNICODE_TRANSLATION);
    EXPECT_RC(eaphost_session_set_credentials(id, "ok-id", "ok-pw"),
              ERROR_SUCCESS);
    expect_credentials(id, "ok-id", "ok-pw");
    end(id);

    /* A password alone: the identity the method gave for Request/Identity
     * (EapPeerGetIdentity) is the one EapPeerSetCredentials gets. */
    id = begin_typed(creds, "echo_password=1", NULL);
    EXPECT_RC(eaphost_session_set_credentials(id, NULL, "pw-only"),
              ERROR_SUCCESS);
    expect_credentials(id, "fixture-user", "pw-only");
    end(id);

    /* The session is checked before the text. */
    EXPECT_RC(eaphost_session_set_credentials(0x7fff0001u, "bad\xff", NULL),
              ERROR_INVALID_HANDLE);
    assert_fixture_clean("fixture_good");
    expectations_met();
}
END_TEST

/* Every byte of a session's packet buffers that held a packet is zero
 * once the session has ended, the tail of a long Response followed by
 * short ones included. */
START_TEST(packet_buffers_wiped_at_end)
{
    char long_data[201];
    struct eh_session *slot;
    EAP_SESSIONID id;
    DWORD i;

    init();
    memset(long_data, 'L', sizeof(long_data) - 1);
    long_data[sizeof(long_data) - 1] = '\0';
    id = begin(NULL, NULL);
    ck_assert_int_eq(feed(id, identity_request(1)), EapHostPeerResponseSend);
    ck_assert_int_eq(feed(id, method_request(2, long_data)),
                     EapHostPeerResponseSend);
    expect_response(id, 2, FIXTURE_TYPE, long_data);
    ck_assert_int_eq(feed(id, method_request(3, "s")),
                     EapHostPeerResponseSend);
    ck_assert_int_eq(feed(id, method_request(4, "t")),
                     EapHostPeerResponseSend);
    expect_response(id, 4, FIXTURE_TYPE, "t");
    slot = eh_session_slot(id);
    ck_assert_ptr_nonnull(slot);
    end(id);
    /* The slot keeps its buffers for its next session. */
    ck_assert_ptr_nonnull(slot->send_buf);
    ck_assert_ptr_nonnull(slot->scratch);
    ck_assert_ptr_nonnull(slot->req_copy);
    for (i = 0; i < 5 + sizeof(long_data) - 1; i++) {
        ck_assert_msg(slot->send_buf[i] == 0 && slot->scratch[i] == 0,
                      "Response byte %u left after EndSession",
                      (unsigned)i);
        ck_assert_msg(slot->req_copy[i] == 0, "request byte %u left after "
                      "EndSession", (unsigned)i);
    }
    assert_fixture_clean("fixture_good");
    expectations_met();
}
END_TEST

START_TEST(credentials_required_by_registry)
{
    EAP_SESSIONID id;
    EAP_METHOD_TYPE creds = method_type(FIXTURE_TYPE, 0, 0, CREDS_AUTHOR);
    EapHostPeerResponseAction action = EapHostPeerResponseNone;
    EAP_ERROR *e = NULL;
    struct pkt req = method_request(1, "x");
    DWORD rc;

    /* The registry asks for dialogs and the supplicant gave nothing: the
     * method never runs without its credentials. */
    init();
    id = begin_typed(creds, NULL, NULL);
    rc = EapHostPeerProcessReceivedPacket(id, req.len, req.b, &action, &e);
    ck_assert_uint_ne(rc, ERROR_SUCCESS);
    ck_assert_ptr_nonnull(e);
    EapHostPeerFreeEapError(e);
    ck_assert_uint_eq(good_stats().process_request, 0);
    ck_assert_uint_eq(good_stats().set_credentials, 0);
    end(id);
    assert_fixture_clean("fixture_good");
}
END_TEST

START_TEST(session_option)
{
    EAP_SESSIONID id;

    init();
    id = begin(NULL, NULL);
    EXPECT_RC(eaphost_session_set_option(id, ID_PLUS_ONE, 2),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(eaphost_session_set_option(id, (eaphost_session_option)99, 0),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(eaphost_session_set_option(id, (eaphost_session_option)0, 1),
              ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_session_set_option(
                          id, EAPHOST_OPTION_ACCEPT_RESULT_ID_PLUS_ONE, 1),
                      ERROR_SUCCESS);
    ck_assert_int_eq(feed(id, method_request(5, "a")),
                     EapHostPeerResponseSend);
    /* Success with Identifier lastId + 1 is now accepted. */
    ck_assert_int_eq(feed(id, result_packet(EapCodeSuccess, 6)),
                     EapHostPeerResponseResult);
    end(id);
    expectations_met();
}
END_TEST

START_TEST(method_error_from_begin_session)
{
    EAP_SESSIONID id = 12345;
    EAP_ERROR *e = NULL;
    const char *script = "begin_fail=1";
    struct fixture_stats before, after;
    EAP_METHOD_TYPE good = good_type();
    DWORD rc;

    init();
    /* Load the method first, so that its counters can be read before. */
    end(begin(NULL, NULL));
    before = good_stats();
    rc = EapHostPeerBeginSession(0, good, NULL, NULL,
                                 (DWORD)strlen(script) + 1,
                                 (const BYTE *)script, 0, NULL, MAX_SEND,
                                 &conn_a, NULL, NULL, &id, &e);
    ck_assert_uint_eq(rc, ERROR_INVALID_DATA);
    ck_assert_uint_eq(id, 0);
    /* The method's EAP_ERROR, copied into host memory... */
    assert_cause(e, "begin refused by script");
    ck_assert_uint_eq(e->dwWinError, ERROR_INVALID_DATA);
    EapHostPeerFreeEapError(e);
    /* ...and its own copy given back through EapPeerFreeErrorMemory. */
    after = good_stats();
    ck_assert_uint_eq(after.begin_session, before.begin_session + 1);
    ck_assert_uint_eq(after.free_error_memory, before.free_error_memory + 1);
    ck_assert_uint_eq(after.end_session, before.end_session);
    assert_fixture_clean("fixture_good");

    /* The failed session left nothing behind: not the connection id. */
    id = begin(NULL, &conn_a);
    end(id);

    /* Without an error pointer the code is the same. */
    id = 777;
    rc = EapHostPeerBeginSession(0, good, NULL, NULL,
                                 (DWORD)strlen(script) + 1,
                                 (const BYTE *)script, 0, NULL, MAX_SEND,
                                 NULL, NULL, NULL, &id, NULL);
    ck_assert_uint_eq(rc, ERROR_INVALID_DATA);
    ck_assert_uint_eq(id, 0);
    assert_fixture_clean("fixture_good");
}
END_TEST

START_TEST(method_error_from_process_request)
{
    EAP_SESSIONID id;
    EAP_ERROR *e = NULL;
    EapHostPeerResponseAction action = EapHostPeerResponseNone;
    EapHostPeerMethodResult r;
    EAPHOST_AUTH_INFO info;
    struct pkt req = method_request(1, "x");

    init();
    id = begin("process_fail=1", NULL);
    ck_assert_uint_eq(EapHostPeerProcessReceivedPacket(id, req.len, req.b,
                                                       &action, &e),
                      ERROR_INVALID_DATA);
    assert_cause(e, "process refused by script");
    EapHostPeerFreeEapError(e);
    /* The session failed cleanly. */
    info = auth_info(id);
    ck_assert_int_eq(info.status, EapHostAuthFailed);
    ck_assert_uint_eq(info.dwErrorCode, ERROR_INVALID_DATA);
    r = get_result(id, EapHostPeerMethodResultFromMethod);
    ck_assert_int_eq(r.fIsSuccess, FALSE);
    free_result(&r);
    end(id);
    assert_fixture_clean("fixture_good");
}
END_TEST

/* ====================================================================== */
/* The error-code table                                                    */
/* ====================================================================== */

/* Every call of the API with valid arguments and session @id, expecting
 * ERROR_INVALID_STATE (the host is not initialised). */
static void expect_all_not_initialized(EAP_SESSIONID id)
{
    EAP_METHOD_TYPE good = good_type();
    EAP_SESSIONID out_id = 1;
    EapHostPeerResponseAction action = EapHostPeerResponseNone;
    struct pkt req = method_request(1, "x");
    DWORD size = 0, user_size = 0;
    BYTE *data = NULL, *user = NULL;
    EapHostPeerMethodResult r;
    EapAttributes attrs = { 0, NULL };
    GUID conn = conn_a;
    BOOL invoke = FALSE;
    LPWSTR identity = NULL;
    EAP_METHOD_INFO_ARRAY methods;
    EAP_METHOD_PROPERTY_ARRAY props;
    EAP_CONFIG_INPUT_FIELD_ARRAY fields;
    eaphost_problem *problems = NULL;
    eaphost_method_entry *entries = NULL;
    eaphost_session_counters counters;
    DWORD count = 0;

    EXPECT_RC(EapHostPeerBeginSession(0, good, NULL, NULL, 0, NULL, 0, NULL,
                                      MAX_SEND, NULL, NULL, NULL, &out_id,
                                      ERR),
              ERROR_INVALID_STATE);
    EXPECT(out_id == 0);
    EXPECT_RC(EapHostPeerProcessReceivedPacket(id, req.len, req.b, &action,
                                               ERR),
              ERROR_INVALID_STATE);
    /* ProcessReceivedPacket always gives an action. */
    EXPECT(action == EapHostPeerResponseStartAuthentication);
    EXPECT_RC(EapHostPeerGetSendPacket(id, &size, &data, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetResult(id, EapHostPeerMethodResultFromMethod, &r,
                                   ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetUIContext(id, &size, &data, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerSetUIContext(id, 0, NULL, &action, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetResponseAttributes(id, &attrs, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerSetResponseAttributes(id, &attrs, &action, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetAuthStatus(id, EapHostPeerAuthStatus, &size,
                                       &data, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerEndSession(id, ERR), ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerClearConnection(&conn, ERR), ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetIdentity(0, 0, good, 0, NULL, 0, NULL, NULL,
                                     &invoke, &user_size, &user, &identity,
                                     ERR, NULL),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetMethods(&methods, CERR), ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetMethodProperties(1, 0, good, NULL, 0, NULL, 0,
                                             NULL, &props, CERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerQueryCredentialInputFields(NULL, good, 0, 0, NULL,
                                                    &fields, CERR),
              ERROR_INVALID_STATE);
    memset(&fields, 0, sizeof(fields));
    EXPECT_RC(EapHostPeerQueryUserBlobFromCredentialInputFields(
                  NULL, good, 0, 0, NULL, &fields, &size, &data, CERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(eaphost_get_registry_problems(&problems, &count),
              ERROR_INVALID_STATE);
    EXPECT_RC(eaphost_list_methods(FALSE, &entries, &count),
              ERROR_INVALID_STATE);
    EXPECT_RC(eaphost_list_methods(TRUE, &entries, &count),
              ERROR_INVALID_STATE);
    EXPECT_RC(eaphost_session_set_credentials(id, "user", "pw"),
              ERROR_INVALID_STATE);
    EXPECT_RC(eaphost_session_get_counters(id, &counters),
              ERROR_INVALID_STATE);
    EXPECT_RC(eaphost_session_set_option(
                  id, EAPHOST_OPTION_ACCEPT_RESULT_ID_PLUS_ONE, 1),
              ERROR_INVALID_STATE);
    drop_errors();
}

START_TEST(before_initialize)
{
    EAP_SESSIONID id;
    char *d = NULL;

    /* Before the first Initialize, with a made-up id... */
    expect_all_not_initialized(0x00100001u);
    /* ...and after the last Uninitialize, with an id it ended. */
    init();
    id = begin(NULL, NULL);
    uninit();
    expect_all_not_initialized(id);
    /* An Uninitialize too many does nothing. */
    EapHostPeerUninitialize();
    expect_all_not_initialized(id);

    /* The methods directory is chosen before Initialize. */
    ck_assert_uint_eq(eaphost_get_methods_dir(&d), ERROR_SUCCESS);
    ck_assert_str_eq(d, dir);
    eaphost_free(d);
    init();
    EXPECT_RC(eaphost_set_methods_dir("/elsewhere"), ERROR_INVALID_STATE);
    EXPECT_RC(eaphost_set_methods_dir(NULL), ERROR_INVALID_STATE);
    EXPECT_RC(eaphost_get_methods_dir(NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_get_methods_dir(&d), ERROR_SUCCESS);
    ck_assert_str_eq(d, dir);
    eaphost_free(d);
    /* The free functions accept NULL. */
    EapHostPeerFreeEapError(NULL);
    EapHostPeerFreeErrorMemory(NULL);
    EapHostPeerFreeMemory(NULL);
    EapHostPeerFreeRuntimeMemory(NULL);
    eaphost_free_registry_problems(NULL, 0);
    eaphost_free_method_list(NULL, 0);
    expectations_met();
}
END_TEST

START_TEST(null_arguments)
{
    EAP_METHOD_TYPE good = good_type();
    EAP_SESSIONID id, out_id;
    EapHostPeerResponseAction action;
    struct pkt req = method_request(1, "x");
    DWORD size, user_size, count;
    BYTE *data, *user;
    EapAttributes attrs = { 0, NULL };
    BOOL invoke;
    LPWSTR identity;
    EAP_METHOD_PROPERTY_ARRAY props;
    EAP_CONFIG_INPUT_FIELD_ARRAY fields;
    eaphost_problem *problems;
    eaphost_method_entry *entries;
    static const BYTE five[5] = { 0 };

    init();
    id = begin(NULL, NULL);

    EXPECT_RC(EapHostPeerBeginSession(0, good, NULL, NULL, 0, NULL, 0, NULL,
                                      MAX_SEND, NULL, NULL, NULL, NULL, ERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerBeginSession(0, good, NULL, NULL, 5, NULL, 0, NULL,
                                      MAX_SEND, NULL, NULL, NULL, &out_id,
                                      ERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerBeginSession(0, good, NULL, NULL, 0, NULL, 5, NULL,
                                      MAX_SEND, NULL, NULL, NULL, &out_id,
                                      ERR),
              ERROR_INVALID_PARAMETER);

    EXPECT_RC(EapHostPeerProcessReceivedPacket(id, 5, NULL, &action, ERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerProcessReceivedPacket(id, req.len, req.b, NULL, ERR),
              ERROR_INVALID_PARAMETER);

    EXPECT_RC(EapHostPeerGetSendPacket(id, NULL, &data, ERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerGetSendPacket(id, &size, NULL, ERR),
              ERROR_INVALID_PARAMETER);

    EXPECT_RC(EapHostPeerGetResult(id, EapHostPeerMethodResultFromMethod,
                                   NULL, ERR),
              ERROR_INVALID_PARAMETER);

    EXPECT_RC(EapHostPeerGetUIContext(id, NULL, &data, ERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerGetUIContext(id, &size, NULL, ERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerSetUIContext(id, 0, NULL, NULL, ERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerSetUIContext(id, 3, NULL, &action, ERR),
              ERROR_INVALID_PARAMETER);

    EXPECT_RC(EapHostPeerGetResponseAttributes(id, NULL, ERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerSetResponseAttributes(id, NULL, &action, ERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerSetResponseAttributes(id, &attrs, NULL, ERR),
              ERROR_INVALID_PARAMETER);

    EXPECT_RC(EapHostPeerGetAuthStatus(id, EapHostPeerAuthStatus, NULL,
                                       &data, ERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerGetAuthStatus(id, EapHostPeerAuthStatus, &size,
                                       NULL, ERR),
              ERROR_INVALID_PARAMETER);

    EXPECT_RC(EapHostPeerClearConnection(NULL, ERR), ERROR_INVALID_PARAMETER);

    EXPECT_RC(EapHostPeerGetIdentity(0, 0, good, 0, NULL, 0, NULL, NULL,
                                     NULL, &user_size, &user, &identity, ERR,
                                     NULL),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerGetIdentity(0, 0, good, 0, NULL, 0, NULL, NULL,
                                     &invoke, NULL, &user, &identity, ERR,
                                     NULL),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerGetIdentity(0, 0, good, 0, NULL, 0, NULL, NULL,
                                     &invoke, &user_size, NULL, &identity,
                                     ERR, NULL),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerGetIdentity(0, 0, good, 0, NULL, 0, NULL, NULL,
                                     &invoke, &user_size, &user, NULL, ERR,
                                     NULL),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerGetIdentity(0, 0, good, 5, NULL, 0, NULL, NULL,
                                     &invoke, &user_size, &user, &identity,
                                     ERR, NULL),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerGetIdentity(0, 0, good, 0, NULL, 5, NULL, NULL,
                                     &invoke, &user_size, &user, &identity,
                                     ERR, NULL),
              ERROR_INVALID_PARAMETER);

    EXPECT_RC(EapHostPeerGetMethods(NULL, CERR), ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerGetMethodProperties(1, 0, good, NULL, 0, NULL, 0,
                                             NULL, NULL, CERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerGetMethodProperties(1, 0, good, NULL, 5, NULL, 0,
                                             NULL, &props, CERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerGetMethodProperties(1, 0, good, NULL, 0, NULL, 5,
                                             NULL, &props, CERR),
              ERROR_INVALID_PARAMETER);

    EXPECT_RC(EapHostPeerQueryCredentialInputFields(NULL, good, 0, 0, NULL,
                                                    NULL, CERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerQueryCredentialInputFields(NULL, good, 0, 5, NULL,
                                                    &fields, CERR),
              ERROR_INVALID_PARAMETER);
    memset(&fields, 0, sizeof(fields));
    EXPECT_RC(EapHostPeerQueryUserBlobFromCredentialInputFields(
                  NULL, good, 0, 0, NULL, NULL, &size, &data, CERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerQueryUserBlobFromCredentialInputFields(
                  NULL, good, 0, 0, NULL, &fields, NULL, &data, CERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerQueryUserBlobFromCredentialInputFields(
                  NULL, good, 0, 0, NULL, &fields, &size, NULL, CERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerQueryUserBlobFromCredentialInputFields(
                  NULL, good, 0, 5, NULL, &fields, &size, &data, CERR),
              ERROR_INVALID_PARAMETER);

    EXPECT_RC(eaphost_get_registry_problems(NULL, &count),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(eaphost_get_registry_problems(&problems, NULL),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(eaphost_list_methods(FALSE, NULL, &count),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(eaphost_list_methods(TRUE, &entries, NULL),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(eaphost_session_set_credentials(id, NULL, NULL),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(eaphost_session_get_counters(id, NULL),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(eaphost_get_methods_dir(NULL), ERROR_INVALID_PARAMETER);

    /* A session refused for its arguments was never created: the
     * connection id is still free. */
    EXPECT_RC(EapHostPeerBeginSession(0, good, NULL, NULL, 5, five, 0, NULL,
                                      4, &conn_a, NULL, NULL, &out_id, ERR),
              ERROR_INVALID_PARAMETER);
    drop_errors();
    expectations_met();

    /* None of it disturbed the session. */
    run_conversation(id);
    end(id);
    id = begin(NULL, &conn_a);
    end(id);
    assert_fixture_clean("fixture_good");
}
END_TEST

START_TEST(null_error_pointer_accepted)
{
    EAP_METHOD_TYPE unknown = method_type(77, 0, 0, GOOD_AUTHOR);
    EAP_SESSIONID id, out_id = 5;
    DWORD size = 0;
    BYTE *data = NULL;
    GUID nobody = conn_unknown;
    EapHostPeerMethodResult r;

    init();
    /* Every call takes ppEapError NULL and still returns its code. */
    EXPECT_RC(EapHostPeerBeginSession(0, unknown, NULL, NULL, 0, NULL, 0,
                                      NULL, MAX_SEND, NULL, NULL, NULL,
                                      &out_id, NULL),
              EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    id = begin(NULL, NULL);
    EXPECT_RC(EapHostPeerGetSendPacket(id, &size, &data, NULL),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetResult(id, EapHostPeerMethodResultFromMethod, &r,
                                   NULL),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerClearConnection(&nobody, NULL),
              ERROR_INVALID_HANDLE);
    EXPECT_RC(EapHostPeerEndSession(id, NULL), ERROR_SUCCESS);
    EXPECT_RC(EapHostPeerEndSession(id, NULL), ERROR_INVALID_HANDLE);
    expectations_met();
}
END_TEST

/* Every session call with @id, which names no live session. */
static void expect_dead_id(EAP_SESSIONID id)
{
    EapHostPeerResponseAction action = EapHostPeerResponseNone;
    struct pkt req = method_request(1, "x");
    DWORD size = 0;
    BYTE *data = NULL;
    EapHostPeerMethodResult r;
    EapAttributes attrs = { 0, NULL };
    eaphost_session_counters counters;
    DWORD rc;
    char name[96];
    int line = __LINE__;

    rc = EapHostPeerProcessReceivedPacket(id, req.len, req.b, &action, ERR);
    if (rc != ERROR_SUCCESS ||
        action != EapHostPeerResponseStartAuthentication)
        note(line, "ProcessReceivedPacket(0x%08X): 0x%08X %s, action %d "
             "(expected ERROR_SUCCESS and StartAuthentication)", (unsigned)id,
             (unsigned)rc, eaphost_error_name(rc), (int)action);
#define DEAD(call)                                                          \
    do {                                                                    \
        rc = (call);                                                        \
        if (rc != ERROR_INVALID_HANDLE)                                     \
            note(__LINE__, "%s with id 0x%08X: 0x%08X %s, expected "        \
                 "ERROR_INVALID_HANDLE", callee(#call, name, sizeof(name)), \
                 (unsigned)id, (unsigned)rc, eaphost_error_name(rc));       \
    } while (0)
    DEAD(EapHostPeerGetSendPacket(id, &size, &data, ERR));
    DEAD(EapHostPeerGetResult(id, EapHostPeerMethodResultFromMethod, &r, ERR));
    DEAD(EapHostPeerGetResult(id, EapHostPeerMethodResultTimeout, &r, ERR));
    DEAD(EapHostPeerGetUIContext(id, &size, &data, ERR));
    DEAD(EapHostPeerSetUIContext(id, 0, NULL, &action, ERR));
    DEAD(EapHostPeerGetResponseAttributes(id, &attrs, ERR));
    DEAD(EapHostPeerSetResponseAttributes(id, &attrs, &action, ERR));
    DEAD(EapHostPeerGetAuthStatus(id, EapHostPeerAuthStatus, &size, &data,
                                  ERR));
    DEAD(EapHostPeerGetAuthStatus(id, EapHostPeerIdentity, &size, &data, ERR));
    DEAD(EapHostPeerEndSession(id, ERR));
    DEAD(eaphost_session_set_credentials(id, "user", "pw"));
    DEAD(eaphost_session_get_counters(id, &counters));
    DEAD(eaphost_session_set_option(id, ID_PLUS_ONE, 1));
#undef DEAD
    drop_errors();
}

START_TEST(unknown_ended_and_stale_ids)
{
    EAP_SESSIONID live, ended, made_up[24];
    eaphost_session_counters c;
    uint32_t x = 0x2545F491u;
    size_t n = 0, i;

    init();
    ended = begin(NULL, NULL);
    ck_assert_int_eq(feed(ended, method_request(1, "a")),
                     EapHostPeerResponseSend);
    end(ended);
    live = begin(NULL, NULL);
    ck_assert_uint_ne(live, ended);

    made_up[n++] = 0;
    made_up[n++] = 0xFFFFFFFFu;
    made_up[n++] = ended;
    /* Near the live id: another generation, another slot. */
    made_up[n++] = live ^ 0x00100000u;
    made_up[n++] = live ^ 0x80000000u;
    made_up[n++] = live + 1;
    made_up[n++] = live - 1;
    made_up[n++] = live & 0x000FFFFFu;
    while (n < sizeof(made_up) / sizeof(made_up[0])) {
        x ^= x << 13;       /* xorshift32: the same values every run */
        x ^= x >> 17;
        x ^= x << 5;
        if (x != live)
            made_up[n++] = x;
    }
    for (i = 0; i < n; i++)
        if (made_up[i] != live)
            expect_dead_id(made_up[i]);
    expectations_met();

    /* The live session saw none of it. */
    ck_assert_uint_eq(eaphost_session_get_counters(live, &c), ERROR_SUCCESS);
    ck_assert_uint_eq(c.packets_received, 0);
    ck_assert_int_eq(auth_info(live).status, EapHostAuthNotStarted);
    run_conversation(live);
    end(live);
    expect_dead_id(live);
    expectations_met();
    assert_fixture_clean("fixture_good");
}
END_TEST

START_TEST(ids_do_not_survive_uninitialize)
{
    EAP_SESSIONID old, fresh;

    init();
    old = begin(NULL, NULL);
    ck_assert_int_eq(feed(old, identity_request(1)), EapHostPeerResponseSend);
    uninit();
    init();
    expect_dead_id(old);
    fresh = begin(NULL, NULL);
    ck_assert_uint_ne(fresh, old);
    expect_dead_id(old);
    run_conversation(fresh);
    end(fresh);
    expectations_met();
}
END_TEST

START_TEST(calls_out_of_state)
{
    EAP_SESSIONID id;
    EapHostPeerResponseAction action = EapHostPeerResponseNone;
    DWORD size = 0;
    BYTE *data = NULL;
    EapHostPeerMethodResult r;
    EapAttributes attrs = { 0, NULL };
    struct pkt runt = method_request(1, "x");
    EAP_ERROR *e = NULL;

    init();
    id = begin(NULL, NULL);
    /* Nothing has happened yet. */
    EXPECT_RC(EapHostPeerGetSendPacket(id, &size, &data, ERR),
              ERROR_INVALID_STATE);
    EXPECT(size == 0 && data == NULL);
    EXPECT_RC(EapHostPeerGetResult(id, EapHostPeerMethodResultFromMethod, &r,
                                   ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetResult(id, ALT_SUCCESS, &r, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetUIContext(id, &size, &data, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerSetUIContext(id, 1, (const BYTE *)"x", &action, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetResponseAttributes(id, &attrs, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerSetResponseAttributes(id, &attrs, &action, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetAuthStatus(id, EapHostPeerIdentity, &size, &data,
                                       ERR),
              ERROR_INVALID_STATE);

    /* The error of a state mismatch says what is wrong. */
    ck_assert_uint_eq(EapHostPeerGetSendPacket(id, &size, &data, &e),
                      ERROR_INVALID_STATE);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->dwWinError, ERROR_INVALID_STATE);
    EapHostPeerFreeEapError(e);

    /* Send, then a discarded packet: nothing to send again. */
    ck_assert_int_eq(feed(id, method_request(1, "a")),
                     EapHostPeerResponseSend);
    expect_response(id, 1, FIXTURE_TYPE, "a");
    runt.len = 3;
    ck_assert_int_eq(feed(id, runt), EapHostPeerResponseDiscard);
    EXPECT_RC(EapHostPeerGetSendPacket(id, &size, &data, ERR),
              ERROR_INVALID_STATE);
    /* A method that asked for neither UI nor attributes. */
    EXPECT_RC(EapHostPeerGetUIContext(id, &size, &data, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetResponseAttributes(id, &attrs, ERR),
              ERROR_INVALID_STATE);
    /* Credentials come before the first packet. */
    EXPECT_RC(eaphost_session_set_credentials(id, "late", NULL),
              ERROR_INVALID_STATE);
    drop_errors();

    /* UI asked for: attributes are still out of place, and the reverse. */
    end(id);
    id = begin("ui=1", NULL);
    ck_assert_int_eq(feed(id, method_request(1, "a")),
                     EapHostPeerResponseInvokeUi);
    EXPECT_RC(EapHostPeerGetResponseAttributes(id, &attrs, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerSetResponseAttributes(id, &attrs, &action, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetSendPacket(id, &size, &data, ERR),
              ERROR_INVALID_STATE);
    end(id);
    id = begin("attrs=1", NULL);
    ck_assert_int_eq(feed(id, method_request(1, "a")),
                     EapHostPeerResponseRespond);
    EXPECT_RC(EapHostPeerGetUIContext(id, &size, &data, ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerSetUIContext(id, 1, (const BYTE *)"x", &action, ERR),
              ERROR_INVALID_STATE);
    end(id);
    drop_errors();
    expectations_met();
    assert_fixture_clean("fixture_good");
}
END_TEST

/* ====================================================================== */
/* Lifecycle                                                               */
/* ====================================================================== */

START_TEST(initialize_is_reference_counted)
{
    EAP_SESSIONID a, b;
    struct fixture_stats st;

    init();
    init();
    a = begin(NULL, NULL);
    b = begin(NULL, &conn_a);
    ck_assert_int_eq(feed(a, identity_request(1)), EapHostPeerResponseSend);
    uninit();
    /* One reference left: sessions go on. */
    expect_response(a, 1, 1, "fixture-user");
    ck_assert_int_eq(feed(a, method_request(2, "still here")),
                     EapHostPeerResponseSend);
    expect_response(a, 2, FIXTURE_TYPE, "still here");
    ck_assert_int_eq(feed(b, method_request(1, "b")), EapHostPeerResponseSend);

    /* The last Uninitialize ends both sessions, then shuts the method
     * down, then DllMain(DETACH): the pinned copy shows the order. */
    pin("fixture_good");
    reset_stats("fixture_good");
    uninit();
    st = good_stats();
    ck_assert_uint_eq(st.end_session, 2);
    ck_assert_uint_eq(st.shutdown, 1);
    ck_assert_uint_eq(st.dll_detach, 1);
    ck_assert_str_eq(st.order, "E,E,S,X");
    ck_assert_int_eq(st.live_sessions, 0);
    ck_assert_int_eq(st.live_allocations, 0);
    ck_assert_uint_eq(st.bad_frees, 0);

    /* A new start loads the method again; the old ids are gone. */
    init();
    expect_dead_id(a);
    expect_dead_id(b);
    a = begin(NULL, &conn_a);
    st = good_stats();
    ck_assert_uint_eq(st.dll_attach, 1);
    ck_assert_uint_eq(st.initialize, 1);
    run_conversation(a);
    end(a);
    uninit();
    unpin();
    expectations_met();
}
END_TEST

START_TEST(connection_id_is_exclusive)
{
    EAP_METHOD_TYPE good = good_type();
    EAP_SESSIONID a, b, c, d, out_id = 99;
    EAP_ERROR *e = NULL;

    init();
    a = begin(NULL, &conn_a);
    ck_assert_uint_eq(EapHostPeerBeginSession(0, good, NULL, NULL, 0, NULL, 0,
                                              NULL, MAX_SEND, &conn_a, NULL,
                                              NULL, &out_id, &e),
                      ERROR_INVALID_STATE);
    ck_assert_uint_eq(out_id, 0);
    ck_assert_ptr_nonnull(e);
    EapHostPeerFreeEapError(e);
    /* Also for another method. */
    ck_assert_uint_eq(EapHostPeerBeginSession(0, expanded_type(), NULL, NULL,
                                              0, NULL, 0, NULL, MAX_SEND,
                                              &conn_a, NULL, NULL, &out_id,
                                              ERR),
                      ERROR_INVALID_STATE);
    /* Other connections, and none, are not affected. */
    b = begin(NULL, &conn_b);
    c = begin(NULL, NULL);
    d = begin(NULL, NULL);
    /* The first session is undisturbed. */
    run_conversation(a);
    end(a);
    /* Free again after EndSession. */
    a = begin(NULL, &conn_a);
    end(a);
    end(b);
    end(c);
    end(d);
    drop_errors();
    assert_fixture_clean("fixture_good");
}
END_TEST

START_TEST(clear_connection)
{
    EAP_SESSIONID id, other = 1;
    EAP_ERROR *e = NULL;
    GUID conn = conn_a, nobody = conn_unknown;
    struct fixture_stats st;
    EAPHOST_AUTH_INFO info;
    EapHostPeerMethodResult r;

    init();
    id = begin(NULL, &conn_a);
    ck_assert_int_eq(feed(id, identity_request(1)), EapHostPeerResponseSend);
    reset_stats("fixture_good");

    ck_assert_uint_eq(EapHostPeerClearConnection(&conn, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    /* The Identity Response of before the clear is gone at once. */
    {
        DWORD n = 1;
        BYTE *p = (BYTE *)&n;

        EXPECT_RC(EapHostPeerGetSendPacket(id, &n, &p, ERR),
                  ERROR_INVALID_STATE);
        EXPECT(n == 0 && p == NULL);
    }
    st = good_stats();
    ck_assert_uint_eq(st.end_session, 1);
    ck_assert_int_eq(st.live_sessions, 0);

    /* The session answers "start over" and its status is invalid. */
    ck_assert_int_eq(feed(id, method_request(2, "a")),
                     EapHostPeerResponseStartAuthentication);
    /* The Identity Response of before the clear is not handed out again. */
    {
        DWORD n = 1;
        BYTE *p = (BYTE *)&n;

        EXPECT_RC(EapHostPeerGetSendPacket(id, &n, &p, ERR),
                  ERROR_INVALID_STATE);
        EXPECT(n == 0 && p == NULL);
    }
    info = auth_info(id);
    ck_assert_int_eq(info.status, EapHostInvalidSession);
    EXPECT_RC(EapHostPeerGetResult(id, EapHostPeerMethodResultTimeout, &r,
                                   ERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetResult(id, ALT_SUCCESS, &r, ERR),
              ERROR_INVALID_STATE);
    /* The method was not called again. */
    st = good_stats();
    ck_assert_uint_eq(st.process_request, 0);
    ck_assert_uint_eq(st.get_result, 0);

    /* The id stays reserved until EndSession. */
    EXPECT_RC(EapHostPeerBeginSession(0, good_type(), NULL, NULL, 0, NULL, 0,
                                      NULL, MAX_SEND, &conn_a, NULL, NULL,
                                      &other, ERR),
              ERROR_INVALID_STATE);
    EXPECT(other == 0);
    /* Clearing again ends nothing more. */
    EXPECT_RC(EapHostPeerClearConnection(&conn, ERR), ERROR_SUCCESS);
    ck_assert_uint_eq(good_stats().end_session, 1);

    /* EndSession succeeds and does not end the method session twice. */
    ck_assert_uint_eq(EapHostPeerEndSession(id, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    st = good_stats();
    ck_assert_uint_eq(st.end_session, 1);
    expect_dead_id(id);

    /* No session on the connection any more. */
    EXPECT_RC(EapHostPeerClearConnection(&conn, ERR), ERROR_INVALID_HANDLE);
    EXPECT_RC(EapHostPeerClearConnection(&nobody, ERR), ERROR_INVALID_HANDLE);
    EXPECT_RC(EapHostPeerClearConnection(NULL, ERR), ERROR_INVALID_PARAMETER);

    /* The connection can begin again, and sessions without a connection
     * id are not touched by a ClearConnection. */
    {
        EAP_SESSIONID plain = begin(NULL, NULL);

        id = begin(NULL, &conn_a);
        EXPECT_RC(EapHostPeerClearConnection(&conn, ERR), ERROR_SUCCESS);
        ck_assert_int_eq(feed(plain, identity_request(1)),
                         EapHostPeerResponseSend);
        end(plain);
        end(id);
    }
    drop_errors();
    expectations_met();
    assert_fixture_clean("fixture_good");
}
END_TEST

/* ====================================================================== */
/* Methods: faulty, unregistered, configuration calls                      */
/* ====================================================================== */

START_TEST(faulty_methods_are_not_installed)
{
    size_t i;
    int round;

    init();
    for (round = 0; round < 2; round++) {
        for (i = 0; i < BROKEN_COUNT; i++) {
            EAP_METHOD_TYPE t = method_type(FIXTURE_TYPE, 0, 0,
                                            broken[i].author);
            EAP_SESSIONID id = 42;
            EAP_ERROR *e = NULL;
            char buf[1024];
            DWORD rc;

            rc = EapHostPeerBeginSession(0, t, NULL, NULL, 0, NULL, 0, NULL,
                                         MAX_SEND, &conn_a, NULL, NULL, &id,
                                         &e);
            cause(e, buf, sizeof(buf));
            if (rc != EAP_E_EAPHOST_METHOD_NOT_INSTALLED)
                note(__LINE__, "%s: BeginSession 0x%08X %s (%s)",
                     broken[i].fixture, (unsigned)rc,
                     eaphost_error_name(rc), buf);
            else if (!strstr(buf, broken[i].reason))
                note(__LINE__, "%s: reason '%s' lacks '%s'",
                     broken[i].fixture, buf, broken[i].reason);
            if (id != 0)
                note(__LINE__, "%s: session id 0x%08X", broken[i].fixture,
                     (unsigned)id);
            if (e && e->dwWinError != EAP_E_EAPHOST_METHOD_NOT_INSTALLED)
                note(__LINE__, "%s: dwWinError 0x%08X", broken[i].fixture,
                     (unsigned)e->dwWinError);
            if (e)
                EapHostPeerFreeEapError(e);
        }
    }
    expectations_met();
    /* The connection id was not kept by the refusals; the good method
     * works. */
    {
        EAP_SESSIONID id = begin(NULL, &conn_a);

        run_conversation(id);
        end(id);
    }
    assert_fixture_clean("fixture_good");
}
END_TEST

START_TEST(faulty_methods_refuse_config_calls)
{
    EAP_METHOD_TYPE t = method_type(FIXTURE_TYPE, 0, 0, broken[7].author);
    EAP_CONFIG_INPUT_FIELD_ARRAY fields;
    BOOL invoke = FALSE;
    DWORD size = 0;
    BYTE *data = NULL;
    LPWSTR identity = NULL;
    EAP_ERROR *e = NULL;

    init();
    ck_assert_uint_eq(EapHostPeerQueryCredentialInputFields(NULL, t, 0, 0,
                                                            NULL, &fields,
                                                            &e),
                      EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    assert_cause(e, broken[7].reason);
    EapHostPeerFreeErrorMemory(e);
    e = NULL;
    ck_assert_uint_eq(EapHostPeerGetIdentity(0, 0, t, 0, NULL, 0, NULL, NULL,
                                             &invoke, &size, &data, &identity,
                                             &e, NULL),
                      EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    assert_cause(e, broken[7].reason);
    EapHostPeerFreeEapError(e);
    ck_assert_ptr_null(identity);
    ck_assert_ptr_null(data);
}
END_TEST

START_TEST(unregistered_methods)
{
    EAP_METHOD_TYPE types[4];
    EAP_METHOD_PROPERTY_ARRAY props;
    EAP_CONFIG_INPUT_FIELD_ARRAY fields;
    BOOL invoke;
    DWORD size;
    BYTE *data;
    LPWSTR identity;
    size_t i;

    types[0] = method_type(77, 0, 0, GOOD_AUTHOR);
    types[1] = method_type(FIXTURE_TYPE, 0, 0, 99);       /* other author */
    types[2] = method_type(254, FIXTURE_VENDOR, 8, GOOD_AUTHOR);
    types[3] = method_type(254, 0x1234, FIXTURE_VENDOR_TYPE, GOOD_AUTHOR);
    init();
    for (i = 0; i < 4; i++) {
        EAP_SESSIONID id = 3;
        EAP_ERROR *e = NULL;

        EXPECT_RC(EapHostPeerBeginSession(0, types[i], NULL, NULL, 0, NULL, 0,
                                          NULL, MAX_SEND, &conn_a, NULL, NULL,
                                          &id, &e),
                  EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
        EXPECT(id == 0);
        EXPECT(e != NULL && e->pRootCauseString != NULL &&
               e->dwWinError == EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
        if (e)
            EapHostPeerFreeEapError(e);
        EXPECT_RC(EapHostPeerGetMethodProperties(1, 0, types[i], NULL, 0,
                                                 NULL, 0, NULL, &props, CERR),
                  EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
        EXPECT_RC(EapHostPeerQueryCredentialInputFields(NULL, types[i], 0, 0,
                                                        NULL, &fields, CERR),
                  EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
        EXPECT_RC(EapHostPeerGetIdentity(0, 0, types[i], 0, NULL, 0, NULL,
                                         NULL, &invoke, &size, &data,
                                         &identity, ERR, NULL),
                  EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    }
    drop_errors();
    expectations_met();
    end(begin(NULL, &conn_a));
}
END_TEST

START_TEST(get_methods)
{
    EAP_METHOD_INFO_ARRAY a;
    EAP_ERROR *e = NULL;
    bool seen_good = false, seen_expanded = false, seen_warn = false;
    DWORD i;

    init();
    ck_assert_uint_eq(EapHostPeerGetMethods(&a, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_uint_eq(a.dwNumberOfMethods, METHOD_COUNT);
    ck_assert_ptr_nonnull(a.pEapMethods);
    for (i = 0; i < a.dwNumberOfMethods; i++) {
        const EAP_METHOD_INFO *m = &a.pEapMethods[i];

        ck_assert_ptr_nonnull(m->pwszFriendlyName);
        ck_assert_ptr_nonnull(m->pwszAuthorName);
        if (m->eaptype.dwAuthorId == GOOD_AUTHOR &&
            m->eaptype.eapType.type == FIXTURE_TYPE) {
            seen_good = true;
            ck_assert(wide_eq_ascii(m->pwszFriendlyName, "Good"));
            ck_assert_uint_eq(m->eapProperties, GOOD_PROPERTIES);
        } else if (m->eaptype.eapType.type == 254) {
            seen_expanded = true;
            ck_assert_uint_eq(m->eaptype.eapType.dwVendorId, FIXTURE_VENDOR);
            ck_assert_uint_eq(m->eaptype.eapType.dwVendorType,
                              FIXTURE_VENDOR_TYPE);
            ck_assert(wide_eq_ascii(m->pwszFriendlyName, "Expanded"));
        } else if (m->eaptype.dwAuthorId == WARN_AUTHOR) {
            seen_warn = true;
            ck_assert(wide_eq(m->pwszFriendlyName, warn_name_utf16));
        }
    }
    ck_assert(seen_good && seen_expanded && seen_warn);
    EapHostPeerFreeMemory((BYTE *)a.pEapMethods);
}
END_TEST

START_TEST(get_method_properties)
{
    EAP_METHOD_PROPERTY_ARRAY p;
    EAP_ERROR *e = NULL;
    bool mutual = false, integrity = true, keys = false;
    DWORD i;

    init();
    ck_assert_uint_eq(EapHostPeerGetMethodProperties(1, 0, good_type(), NULL,
                                                     0, NULL, 0, NULL, &p,
                                                     &e),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_uint_gt(p.dwNumberOfProperties, 0);
    ck_assert_ptr_nonnull(p.pMethodProperty);
    for (i = 0; i < p.dwNumberOfProperties; i++) {
        const EAP_METHOD_PROPERTY *q = &p.pMethodProperty[i];

        if (q->eapMethodPropertyValueType != empvtBool)
            continue;
        if (q->eapMethodPropertyType == emptPropMutualAuth)
            mutual = q->eapMethodPropertyValue.empvBool.value == TRUE;
        if (q->eapMethodPropertyType == emptPropIntegrity)
            integrity = q->eapMethodPropertyValue.empvBool.value == TRUE;
        if (q->eapMethodPropertyType == emptPropKeyDerivation)
            keys = q->eapMethodPropertyValue.empvBool.value == TRUE;
    }
    ck_assert(mutual);
    ck_assert(keys);
    ck_assert(!integrity);
    EapHostPeerFreeMemory((BYTE *)p.pMethodProperty);
}
END_TEST

START_TEST(credential_input_fields)
{
    EAP_METHOD_TYPE good = good_type();
    EAP_CONFIG_INPUT_FIELD_ARRAY fields, filled;
    EAP_CONFIG_INPUT_FIELD_DATA f[2];
    EAP_ERROR *e = NULL;
    WCHAR user[] = { 'a', 'l', 'i', 'c', 'e', 0 };
    WCHAR password[] = { 'p', 'w', 0 };
    DWORD size = 0;
    BYTE *blob = NULL;
    static const BYTE want[] = "alice\0pw";

    init();
    ck_assert_uint_eq(EapHostPeerQueryCredentialInputFields(NULL, good, 0, 0,
                                                            NULL, &fields,
                                                            &e),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_uint_eq(fields.dwNumberOfFields, 2);
    ck_assert_int_eq(fields.pFields[0].Type, EapConfigInputUsername);
    ck_assert(wide_eq_ascii(fields.pFields[0].pwszLabel, "User name"));
    ck_assert_int_eq(fields.pFields[1].Type, EapConfigInputPassword);
    ck_assert(wide_eq_ascii(fields.pFields[1].pwszLabel, "Password"));

    /* Filled in by the supplicant, then turned into a user blob. */
    memcpy(f, fields.pFields, sizeof(f));
    f[0].pwszData = user;
    f[1].pwszData = password;
    filled.dwVersion = fields.dwVersion;
    filled.dwNumberOfFields = 2;
    filled.pFields = f;
    ck_assert_uint_eq(EapHostPeerQueryUserBlobFromCredentialInputFields(
                          NULL, good, 0, 0, NULL, &filled, &size, &blob, &e),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_uint_eq(size, sizeof(want));
    ck_assert_mem_eq(blob, want, sizeof(want));
    EapHostPeerFreeMemory(blob);
    EapHostPeerFreeMemory((BYTE *)fields.pFields);

    /* The expanded method has them as well. */
    ck_assert_uint_eq(EapHostPeerQueryCredentialInputFields(
                          NULL, expanded_type(), 0, 0, NULL, &fields, &e),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(fields.dwNumberOfFields, 2);
    EapHostPeerFreeMemory((BYTE *)fields.pFields);

    /* The host gave the method's buffers back to it. */
    assert_fixture_clean("fixture_good");
    assert_fixture_clean("fixture_expanded");
    ck_assert_uint_eq(good_stats().query_credential_input_fields, 1);
    ck_assert_uint_eq(good_stats().query_user_blob, 1);
}
END_TEST

START_TEST(get_identity)
{
    EAP_METHOD_TYPE good = good_type();
    BOOL invoke = TRUE;
    DWORD size = 99;
    BYTE *user = (BYTE *)&size;
    LPWSTR identity = NULL;
    EAP_ERROR *e = NULL;
    static const BYTE bob[] = "bob";

    init();
    ck_assert_uint_eq(EapHostPeerGetIdentity(EAPHOST_PEER_API_VERSION, 0,
                                             good, 0, NULL, 0, NULL, NULL,
                                             &invoke, &size, &user, &identity,
                                             &e, NULL),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_int_eq(invoke, FALSE);
    ck_assert_uint_eq(size, 0);
    ck_assert_ptr_null(user);
    ck_assert(wide_eq_ascii(identity, "fixture-user"));
    EapHostPeerFreeRuntimeMemory((BYTE *)identity);

    /* With user data: the identity from it, the user data copied out. */
    ck_assert_uint_eq(EapHostPeerGetIdentity(EAPHOST_PEER_API_VERSION, 0,
                                             good, 0, NULL, sizeof(bob), bob,
                                             NULL, &invoke, &size, &user,
                                             &identity, &e, NULL),
                      ERROR_SUCCESS);
    ck_assert(wide_eq_ascii(identity, "bob"));
    ck_assert_uint_eq(size, sizeof(bob));
    ck_assert_mem_eq(user, bob, sizeof(bob));
    EapHostPeerFreeRuntimeMemory((BYTE *)identity);
    EapHostPeerFreeRuntimeMemory(user);

    ck_assert_uint_eq(good_stats().get_identity, 2);
    assert_fixture_clean("fixture_good");
}
END_TEST

START_TEST(auth_status)
{
    EAP_SESSIONID id;
    EAPHOST_AUTH_INFO info;
    DWORD size = 1;
    BYTE *data = (BYTE *)&size;
    static const WCHAR who[] = { 'f', 'i', 'x', 't', 'u', 'r', 'e', '-',
                                 'u', 's', 'e', 'r', 0 };

    init();
    id = begin(NULL, NULL);
    info = auth_info(id);
    ck_assert_int_eq(info.status, EapHostAuthNotStarted);
    ck_assert_uint_eq(info.dwErrorCode, ERROR_SUCCESS);

    ck_assert_int_eq(feed(id, identity_request(1)), EapHostPeerResponseSend);
    ck_assert_int_eq(auth_info(id).status, EapHostAuthIdentityExchange);
    ck_assert_uint_eq(EapHostPeerGetAuthStatus(id, EapHostPeerIdentity, &size,
                                               &data, ERR),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(size, sizeof(who));
    ck_assert_mem_eq(data, who, sizeof(who));

    /* A type we do not do: a Nak, negotiating. */
    ck_assert_int_eq(feed(id, request(2, 4, "md5")), EapHostPeerResponseSend);
    ck_assert_int_eq(auth_info(id).status, EapHostAuthNegotiatingType);
    ck_assert_int_eq(feed(id, method_request(3, "a")),
                     EapHostPeerResponseSend);
    ck_assert_int_eq(auth_info(id).status, EapHostAuthInProgress);
    ck_assert_int_eq(feed(id, result_packet(EapCodeSuccess, 3)),
                     EapHostPeerResponseResult);
    info = auth_info(id);
    ck_assert_int_eq(info.status, EapHostAuthSucceeded);
    ck_assert_uint_eq(info.dwErrorCode, ERROR_SUCCESS);

    /* Extended identity information and NAP do not exist here. */
    size = 1;
    data = (BYTE *)&size;
    EXPECT_RC(EapHostPeerGetAuthStatus(id, EapHostPeerIdentityExtendedInfo,
                                       &size, &data, ERR),
              ERROR_NOT_SUPPORTED);
    EXPECT(size == 0 && data == NULL);
    size = 1;
    data = (BYTE *)&size;
    EXPECT_RC(EapHostPeerGetAuthStatus(id, EapHostNapInfo, &size, &data, ERR),
              ERROR_NOT_SUPPORTED);
    EXPECT(size == 0 && data == NULL);
    EXPECT_RC(EapHostPeerGetAuthStatus(id, (EapHostPeerAuthParams)0, &size,
                                       &data, ERR),
              ERROR_INVALID_PARAMETER);
    EXPECT_RC(EapHostPeerGetAuthStatus(id, (EapHostPeerAuthParams)5, &size,
                                       &data, ERR),
              ERROR_INVALID_PARAMETER);
    end(id);

    /* A failed authentication: Failed with the reason. */
    id = begin("result=fail", NULL);
    ck_assert_int_eq(feed(id, method_request(1, "a")),
                     EapHostPeerResponseSend);
    ck_assert_int_eq(feed(id, result_packet(EapCodeSuccess, 1)),
                     EapHostPeerResponseResult);
    info = auth_info(id);
    ck_assert_int_eq(info.status, EapHostAuthFailed);
    ck_assert_uint_eq(info.dwErrorCode, EAP_E_AUTHENTICATION_FAILED);
    end(id);
    drop_errors();
    expectations_met();
}
END_TEST

START_TEST(registry_problems_and_method_list)
{
    eaphost_problem *p = NULL;
    eaphost_method_entry *m = NULL;
    DWORD count = 0, i, j;
    bool bad_seen = false, warn_seen = false;

    init();
    ck_assert_uint_eq(eaphost_get_registry_problems(&p, &count),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(count, 2);
    for (i = 0; i < count; i++) {
        ck_assert_ptr_nonnull(p[i].file);
        ck_assert_ptr_nonnull(p[i].reason);
        if (strstr(p[i].file, "90-bad.json")) {
            bad_seen = true;
            ck_assert_int_eq(p[i].severity, EAPHOST_PROBLEM_ERROR);
        } else if (strstr(p[i].file, "91-warn.json")) {
            warn_seen = true;
            ck_assert_int_eq(p[i].severity, EAPHOST_PROBLEM_WARNING);
            ck_assert_ptr_nonnull(strstr(p[i].reason, "KeyFromALaterVersion"));
        }
    }
    ck_assert(bad_seen && warn_seen);
    eaphost_free_registry_problems(p, count);

    /* Without validation: nothing loaded yet. */
    ck_assert_uint_eq(eaphost_list_methods(FALSE, &m, &count), ERROR_SUCCESS);
    ck_assert_uint_eq(count, METHOD_COUNT);
    for (i = 0; i < count; i++) {
        ck_assert_int_eq(m[i].state, EAPHOST_METHOD_NOT_LOADED);
        ck_assert_ptr_null(m[i].fault_reason);
        ck_assert_ptr_nonnull(m[i].registry_file);
        ck_assert_ptr_nonnull(m[i].peer_dll_path);
        ck_assert_ptr_nonnull(m[i].friendly_name);
    }
    eaphost_free_method_list(m, count);

    /* With validation: the good ones ready, the broken ones faulty with
     * their reasons. */
    ck_assert_uint_eq(eaphost_list_methods(TRUE, &m, &count), ERROR_SUCCESS);
    ck_assert_uint_eq(count, METHOD_COUNT);
    for (i = 0; i < count; i++) {
        const eaphost_method_entry *x = &m[i];
        const struct broken_method *b = NULL;

        for (j = 0; j < BROKEN_COUNT; j++)
            if (x->type.dwAuthorId == broken[j].author &&
                x->type.eapType.type == FIXTURE_TYPE)
                b = &broken[j];
        if (!b) {
            if (x->state != EAPHOST_METHOD_READY)
                note(__LINE__, "%s: state %d, reason %s", x->friendly_name,
                     (int)x->state, x->fault_reason ? x->fault_reason : "-");
            if (x->type.dwAuthorId == GOOD_AUTHOR &&
                x->type.eapType.type == FIXTURE_TYPE) {
                EXPECT(strcmp(x->friendly_name, "Good") == 0);
                EXPECT(x->properties == GOOD_PROPERTIES);
                EXPECT(strstr(x->registry_file, "10-good.json") != NULL);
                EXPECT(strstr(x->peer_dll_path, "fixture_good") != NULL);
                EXPECT(x->authenticator_dll_path == NULL);
            }
            if (x->type.dwAuthorId == WARN_AUTHOR)
                EXPECT(strcmp(x->friendly_name, WARN_NAME) == 0);
            continue;
        }
        if (x->state != EAPHOST_METHOD_FAULTY)
            note(__LINE__, "%s: state %d, expected FAULTY", b->fixture,
                 (int)x->state);
        else if (x->fault_code != EAP_E_EAPHOST_METHOD_NOT_INSTALLED)
            note(__LINE__, "%s: fault code 0x%08X", b->fixture,
                 (unsigned)x->fault_code);
        else if (!x->fault_reason || !strstr(x->fault_reason, b->reason))
            note(__LINE__, "%s: reason '%s' lacks '%s'", b->fixture,
                 x->fault_reason ? x->fault_reason : "(none)", b->reason);
    }
    eaphost_free_method_list(m, count);
    expectations_met();

    /* Validation loads; sessions use the loaded method. */
    end(begin(NULL, NULL));
}
END_TEST

/* The configuration calls that need Windows (MSXML, windows). */
START_TEST(windows_only_functions)
{
    EAP_METHOD_TYPE good = good_type(), out_type;
    DWORD size;
    BYTE *data;
    LPWSTR wide;
    IXMLDOMDocument2 *doc;
    EAP_INTERACTIVE_UI_DATA ui;
    LONG_PTR token;
    BOOL save;
    GUID last;
    EAP_ERROR *e;
    char buf[256], name[96];
    int stuff = 0;
    IXMLDOMNode *node = (IXMLDOMNode *)&stuff;
    WCHAR pw[] = { 'p', 'w', 0 };
    EAP_SESSIONID id;

#define UNSUPPORTED(call, text)                                             \
    do {                                                                    \
        DWORD rc_;                                                          \
        e = NULL;                                                           \
        size = 7;                                                           \
        data = (BYTE *)&size;                                               \
        wide = pw;                                                          \
        doc = (IXMLDOMDocument2 *)&stuff;                                   \
        rc_ = (call);                                                       \
        if (rc_ != EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED)            \
            note(__LINE__, "%s: 0x%08X %s",                                 \
                 callee(#call, name, sizeof(name)), (unsigned)rc_,          \
                 eaphost_error_name(rc_));                                  \
        if (!e || !strstr(cause(e, buf, sizeof(buf)), text))                \
            note(__LINE__, "%s: no EAP_ERROR saying '%s'",                  \
                 callee(#call, name, sizeof(name)), text);                  \
        if (e)                                                              \
            EapHostPeerFreeErrorMemory(e);                                  \
    } while (0)

    init();
    id = begin(NULL, NULL);
    memset(&ui, 0, sizeof(ui));
    UNSUPPORTED(EapHostPeerConfigXml2Blob(0, node, &size, &data, &out_type,
                                          &e),
                "MSXML");
    EXPECT(size == 0 && data == NULL);
    UNSUPPORTED(EapHostPeerCredentialsXml2Blob(0, node, 0, NULL, &size, &data,
                                               &out_type, &e),
                "MSXML");
    EXPECT(size == 0 && data == NULL);
    UNSUPPORTED(EapHostPeerConfigBlob2Xml(0, good, 0, NULL, &doc, &e),
                "MSXML");
    EXPECT(doc == NULL);
    UNSUPPORTED(EapHostPeerInvokeConfigUI(NULL, 0, good, 0, NULL, &size,
                                          &data, &e),
                "headless");
    EXPECT(size == 0 && data == NULL);
    UNSUPPORTED(EapHostPeerInvokeIdentityUI(0, good, 0, NULL, 0, NULL, 0,
                                            NULL, &size, &data, &wide, &e,
                                            NULL),
                "headless");
    EXPECT(size == 0 && data == NULL && wide == NULL);
    UNSUPPORTED(EapHostPeerInvokeInteractiveUI(NULL, 3, (const BYTE *)"ctx",
                                               &size, &data, &e),
                "headless");
    EXPECT(size == 0 && data == NULL);
    UNSUPPORTED(EapHostPeerQueryInteractiveUIInputFields(
                    0, 0, 3, (const BYTE *)"ctx", &ui, &e, NULL),
                "headless");
    UNSUPPORTED(EapHostPeerQueryUIBlobFromInteractiveUIInputFields(
                    0, 0, 3, (const BYTE *)"ctx", &ui, &size, &data, &e,
                    NULL),
                "headless");
    EXPECT(size == 0 && data == NULL);
#undef UNSUPPORTED

    /* DPAPI and Credential Manager do not exist here. */
    wide = pw;
    EXPECT_RC(EapHostPeerGetEncryptedPassword(sizeof(pw), pw, &wide),
              ERROR_NOT_SUPPORTED);
    EXPECT(wide == NULL);
    token = 5;
    save = TRUE;
    e = NULL;
    EXPECT_RC(EapHostPeerGetDataToUnplumbCredentials(&last, &token, id, &e,
                                                     &save),
              ERROR_NOT_SUPPORTED);
    EXPECT(token == 0 && save == FALSE);
    if (e)
        EapHostPeerFreeEapError(e);
    end(id);
    expectations_met();
}
END_TEST

/*
 * The same functions against the rest of the error-code table: NULL
 * required pointers, no Initialize, an unknown session.
 */
START_TEST(windows_only_functions_follow_the_error_table)
{
    EAP_METHOD_TYPE good = good_type(), out_type;
    DWORD size;
    BYTE *data;
    LPWSTR wide;
    IXMLDOMDocument2 *doc;
    EAP_INTERACTIVE_UI_DATA ui;
    LONG_PTR token;
    BOOL save;
    GUID last;
    int stuff = 0;
    IXMLDOMNode *node = (IXMLDOMNode *)&stuff;
    WCHAR pw[] = { 'p', 'w', 0 };
    EAP_SESSIONID id;

    memset(&ui, 0, sizeof(ui));
    /* Not initialised: before the first Initialize. */
    EXPECT_RC(EapHostPeerConfigXml2Blob(0, node, &size, &data, &out_type,
                                        CERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerCredentialsXml2Blob(0, node, 0, NULL, &size, &data,
                                             &out_type, CERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerConfigBlob2Xml(0, good, 0, NULL, &doc, CERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerInvokeConfigUI(NULL, 0, good, 0, NULL, &size, &data,
                                        CERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerInvokeIdentityUI(0, good, 0, NULL, 0, NULL, 0, NULL,
                                          &size, &data, &wide, CERR, NULL),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerInvokeInteractiveUI(NULL, 3, (const BYTE *)"ctx",
                                             &size, &data, CERR),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerQueryInteractiveUIInputFields(
                  0, 0, 3, (const BYTE *)"ctx", &ui, CERR, NULL),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerQueryUIBlobFromInteractiveUIInputFields(
                  0, 0, 3, (const BYTE *)"ctx", &ui, &size, &data, CERR, NULL),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetEncryptedPassword(sizeof(pw), pw, &wide),
              ERROR_INVALID_STATE);
    EXPECT_RC(EapHostPeerGetDataToUnplumbCredentials(&last, &token,
                                                     0x00100001u, ERR, &save),
              ERROR_INVALID_STATE);

    init();
    id = begin(NULL, NULL);
    {
        /* Required pointers. */
        EXPECT_RC(EapHostPeerConfigXml2Blob(0, NULL, &size, &data, &out_type,
                                            CERR),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerConfigXml2Blob(0, node, NULL, &data, &out_type,
                                            CERR),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerConfigXml2Blob(0, node, &size, NULL, &out_type,
                                            CERR),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerConfigXml2Blob(0, node, &size, &data, NULL, CERR),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerCredentialsXml2Blob(0, NULL, 0, NULL, &size,
                                                 &data, &out_type, CERR),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerCredentialsXml2Blob(0, node, 0, NULL, NULL,
                                                 &data, &out_type, CERR),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerCredentialsXml2Blob(0, node, 0, NULL, &size,
                                                 NULL, &out_type, CERR),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerCredentialsXml2Blob(0, node, 0, NULL, &size,
                                                 &data, NULL, CERR),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerConfigBlob2Xml(0, good, 0, NULL, NULL, CERR),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerInvokeConfigUI(NULL, 0, good, 0, NULL, NULL,
                                            &data, CERR),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerInvokeConfigUI(NULL, 0, good, 0, NULL, &size,
                                            NULL, CERR),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerInvokeIdentityUI(0, good, 0, NULL, 0, NULL, 0,
                                              NULL, NULL, &data, &wide, CERR,
                                              NULL),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerInvokeIdentityUI(0, good, 0, NULL, 0, NULL, 0,
                                              NULL, &size, NULL, &wide, CERR,
                                              NULL),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerInvokeIdentityUI(0, good, 0, NULL, 0, NULL, 0,
                                              NULL, &size, &data, NULL, CERR,
                                              NULL),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerInvokeInteractiveUI(NULL, 3, (const BYTE *)"ctx",
                                                 NULL, &data, CERR),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerInvokeInteractiveUI(NULL, 3, (const BYTE *)"ctx",
                                                 &size, NULL, CERR),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerQueryInteractiveUIInputFields(
                      0, 0, 3, (const BYTE *)"ctx", NULL, CERR, NULL),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerQueryUIBlobFromInteractiveUIInputFields(
                      0, 0, 3, (const BYTE *)"ctx", NULL, &size, &data, CERR,
                      NULL),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerQueryUIBlobFromInteractiveUIInputFields(
                      0, 0, 3, (const BYTE *)"ctx", &ui, NULL, &data, CERR,
                      NULL),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerQueryUIBlobFromInteractiveUIInputFields(
                      0, 0, 3, (const BYTE *)"ctx", &ui, &size, NULL, CERR,
                      NULL),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerGetEncryptedPassword(sizeof(pw), pw, NULL),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerGetDataToUnplumbCredentials(NULL, &token, id,
                                                         ERR, &save),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerGetDataToUnplumbCredentials(&last, NULL, id,
                                                         ERR, &save),
                  ERROR_INVALID_PARAMETER);
        EXPECT_RC(EapHostPeerGetDataToUnplumbCredentials(&last, &token, id,
                                                         ERR, NULL),
                  ERROR_INVALID_PARAMETER);
        /* A session call with a session that does not exist. */
        EXPECT_RC(EapHostPeerGetDataToUnplumbCredentials(&last, &token,
                                                         id ^ 0x00100000u,
                                                         ERR, &save),
                  ERROR_INVALID_HANDLE);
    }
    end(id);
    drop_errors();
    expectations_met();
}
END_TEST

/* ====================================================================== */
/* Allocation failures                                                     */
/* ====================================================================== */

/*
 * True when the failure planned with eh_test_fail_alloc_after(@n) has not
 * happened yet: then one of the next n + 1 allocations fails.  Cancels the
 * plan either way.
 */
static bool planned_failure_unused(long n)
{
    bool unused = false;
    long i;

    for (i = 0; i <= n && !unused; i++) {
        void *p = eh_malloc(1);

        if (!p)
            unused = true;
        eh_free(p);
    }
    eh_test_fail_alloc_after(-1);
    return unused;
}

static bool oom_ok(DWORD rc)
{
    return rc == ERROR_NOT_ENOUGH_MEMORY;
}

/*
 * BeginSession and a conversation (Identity, one method round, Success,
 * GetResult, EndSession) with one allocation failing.  Every call either
 * succeeds as usual or reports ERROR_NOT_ENOUGH_MEMORY; the session is then
 * ended.  Returns true when everything succeeded.
 */
static bool conversation_under_oom(int line, long n)
{
    EAP_METHOD_TYPE good = good_type();
    EAP_SESSIONID id = 0;
    EapHostPeerResponseAction action;
    EapHostPeerMethodResult r;
    struct pkt steps[3];
    EapHostPeerResponseAction want[3] = { EapHostPeerResponseSend,
                                          EapHostPeerResponseSend,
                                          EapHostPeerResponseResult };
    EAP_ERROR *e = NULL;
    bool all_ok = true;
    DWORD rc, i;

    steps[0] = identity_request(1);
    steps[1] = method_request(2, "oom");
    steps[2] = result_packet(EapCodeSuccess, 2);

    rc = EapHostPeerBeginSession(0, good, NULL, NULL, 0, NULL, 0, NULL,
                                 MAX_SEND, &conn_a, NULL, NULL, &id, &e);
    if (e)
        EapHostPeerFreeEapError(e);
    e = NULL;
    if (rc != ERROR_SUCCESS) {
        if (!oom_ok(rc))
            note(line, "n=%ld: BeginSession 0x%08X %s", n, (unsigned)rc,
                 eaphost_error_name(rc));
        if (id != 0)
            note(line, "n=%ld: failed BeginSession gave id 0x%08X", n,
                 (unsigned)id);
        return false;
    }
    for (i = 0; i < 3 && all_ok; i++) {
        action = (EapHostPeerResponseAction)99;
        rc = EapHostPeerProcessReceivedPacket(id, steps[i].len, steps[i].b,
                                              &action, &e);
        if (e)
            EapHostPeerFreeEapError(e);
        e = NULL;
        if (rc == ERROR_SUCCESS && action == want[i]) {
            if (action == EapHostPeerResponseSend) {
                DWORD len = 0;
                BYTE *p = NULL;

                rc = EapHostPeerGetSendPacket(id, &len, &p, ERR);
                if (rc != ERROR_SUCCESS || len < 5)
                    note(line, "n=%ld: GetSendPacket after Send: 0x%08X", n,
                         (unsigned)rc);
            }
            continue;
        }
        all_ok = false;
        if (!oom_ok(rc))
            note(line, "n=%ld: packet %u: 0x%08X %s, action %d", n,
                 (unsigned)i, (unsigned)rc, eaphost_error_name(rc),
                 (int)action);
    }
    if (all_ok) {
        memset(&r, 0, sizeof(r));
        rc = EapHostPeerGetResult(id, EapHostPeerMethodResultFromMethod, &r,
                                  &e);
        if (rc != ERROR_SUCCESS || !r.fIsSuccess) {
            all_ok = false;
            if (!oom_ok(rc))
                note(line, "n=%ld: GetResult 0x%08X %s, success %d", n,
                     (unsigned)rc, eaphost_error_name(rc), (int)r.fIsSuccess);
        }
        if (rc == ERROR_SUCCESS)
            free_result(&r);
        if (e)
            EapHostPeerFreeEapError(e);
        e = NULL;
    }
    rc = EapHostPeerEndSession(id, &e);
    if (e)
        EapHostPeerFreeEapError(e);
    if (rc != ERROR_SUCCESS)
        note(line, "n=%ld: EndSession 0x%08X %s", n, (unsigned)rc,
             eaphost_error_name(rc));
    drop_errors();
    return all_ok && rc == ERROR_SUCCESS;
}

/* The method already loaded: the session path alone. */
START_TEST(allocation_failures_in_sessions)
{
    long n;
    bool done = false;

    init();
    end(begin(NULL, NULL));
    for (n = 0; n < 100000 && !done; n++) {
        bool ok;

        eh_test_fail_alloc_after(n);
        ok = conversation_under_oom(__LINE__, n);
        done = planned_failure_unused(n);
        if (done && !ok)
            note(__LINE__, "n=%ld: no allocation failed, yet the "
                 "conversation did not succeed", n);
    }
    ck_assert_msg(done, "the sweep did not end");
    expectations_met();
    /* Nothing leaked in the method either; a normal session works. */
    assert_fixture_clean("fixture_good");
    {
        EAP_SESSIONID id = begin(NULL, &conn_a);

        run_conversation(id);
        end(id);
    }
    assert_fixture_clean("fixture_good");
}
END_TEST

/* A GetMethods that succeeded has every name, in full. */
static void check_method_names(int line, long n,
                               const EAP_METHOD_INFO_ARRAY *a)
{
    DWORD i;

    if (a->dwNumberOfMethods != METHOD_COUNT)
        note(line, "n=%ld: GetMethods: %u methods", n,
             (unsigned)a->dwNumberOfMethods);
    for (i = 0; i < a->dwNumberOfMethods; i++) {
        const EAP_METHOD_INFO *m = &a->pEapMethods[i];

        if (!m->pwszFriendlyName || !m->pwszFriendlyName[0])
            note(line, "n=%ld: GetMethods succeeded without the friendly "
                 "name of type %u author %u", n, m->eaptype.eapType.type,
                 (unsigned)m->eaptype.dwAuthorId);
        if (m->eaptype.dwAuthorId == WARN_AUTHOR &&
            !wide_eq(m->pwszFriendlyName, warn_name_utf16))
            note(line, "n=%ld: GetMethods: a friendly name changed", n);
    }
}

/*
 * The calls outside sessions, one allocation failing: each succeeds as
 * usual or answers ERROR_NOT_ENOUGH_MEMORY with its outputs empty.
 * Returns true when all succeeded.
 */
static bool config_calls_under_oom(int line, long n)
{
    EAP_METHOD_TYPE good = good_type();
    EAP_METHOD_INFO_ARRAY methods;
    EAP_METHOD_PROPERTY_ARRAY props;
    EAP_CONFIG_INPUT_FIELD_ARRAY fields, filled;
    EAP_CONFIG_INPUT_FIELD_DATA f[2];
    WCHAR user_text[] = { 'u', 0 }, password_text[] = { 'p', 0 };
    static const BYTE user_data[] = "bob";
    eaphost_problem *problems = NULL;
    eaphost_method_entry *entries = NULL;
    BOOL invoke;
    DWORD size, count;
    BYTE *data, *user;
    LPWSTR identity;
    bool all_ok = true;
    DWORD rc;

#define OOM_STEP(what, call, cleanup, empty)                                 \
    do {                                                                     \
        rc = (call);                                                         \
        if (rc == ERROR_SUCCESS) {                                           \
            cleanup;                                                         \
        } else {                                                             \
            all_ok = false;                                                  \
            if (!oom_ok(rc))                                                 \
                note(line, "n=%ld: %s 0x%08X %s", n, what, (unsigned)rc,     \
                     eaphost_error_name(rc));                                \
            else if (!(empty))                                               \
                note(line, "n=%ld: %s failed but left output", n, what);     \
        }                                                                    \
    } while (0)

    OOM_STEP("GetMethods", EapHostPeerGetMethods(&methods, CERR),
             (check_method_names(line, n, &methods),
              EapHostPeerFreeMemory((BYTE *)methods.pEapMethods)),
             methods.pEapMethods == NULL);
    OOM_STEP("GetMethodProperties",
             EapHostPeerGetMethodProperties(1, 0, good, NULL, 0, NULL, 0,
                                            NULL, &props, CERR),
             EapHostPeerFreeMemory((BYTE *)props.pMethodProperty),
             props.pMethodProperty == NULL);
    OOM_STEP("GetIdentity",
             EapHostPeerGetIdentity(1, 0, good, 0, NULL, sizeof(user_data),
                                    user_data, NULL, &invoke, &size, &user,
                                    &identity, ERR, NULL),
             (EapHostPeerFreeRuntimeMemory((BYTE *)identity),
              EapHostPeerFreeRuntimeMemory(user)),
             identity == NULL && user == NULL);
    OOM_STEP("QueryCredentialInputFields",
             EapHostPeerQueryCredentialInputFields(NULL, good, 0, 0, NULL,
                                                   &fields, CERR),
             EapHostPeerFreeMemory((BYTE *)fields.pFields),
             fields.pFields == NULL);
    memset(f, 0, sizeof(f));
    f[0].Type = EapConfigInputUsername;
    f[0].pwszData = user_text;
    f[1].Type = EapConfigInputPassword;
    f[1].pwszData = password_text;
    filled.dwVersion = 1;
    filled.dwNumberOfFields = 2;
    filled.pFields = f;
    OOM_STEP("QueryUserBlobFromCredentialInputFields",
             EapHostPeerQueryUserBlobFromCredentialInputFields(
                 NULL, good, 0, 0, NULL, &filled, &size, &data, CERR),
             EapHostPeerFreeMemory(data), data == NULL);
    OOM_STEP("eaphost_get_registry_problems",
             eaphost_get_registry_problems(&problems, &count),
             eaphost_free_registry_problems(problems, count),
             problems == NULL);
    OOM_STEP("eaphost_list_methods",
             eaphost_list_methods(TRUE, &entries, &count),
             eaphost_free_method_list(entries, count), entries == NULL);
#undef OOM_STEP
    drop_errors();
    return all_ok;
}

START_TEST(allocation_failures_in_config_calls)
{
    long n;
    bool done = false;

    init();
    ck_assert(config_calls_under_oom(__LINE__, -1));
    for (n = 0; n < 100000 && !done; n++) {
        bool ok;

        eh_test_fail_alloc_after(n);
        ok = config_calls_under_oom(__LINE__, n);
        done = planned_failure_unused(n);
        if (done && !ok)
            note(__LINE__, "n=%ld: no allocation failed, yet a call did "
                 "not succeed", n);
    }
    ck_assert_msg(done, "the sweep did not end");
    expectations_met();
    assert_fixture_clean("fixture_good");
}
END_TEST

/* From a cold start: Initialize (registry), first use (load), session. */
START_TEST(allocation_failures_from_cold_start)
{
    char cold[512];
    long n;
    bool done = false;

    /* A registry of one method keeps the sweep short. */
    tu_mkdtemp(cold, sizeof(cold));
    ck_assert_int_eq(chmod(cold, 0755), 0);
    register_method(cold, "10-good.json", "fixture_good",
                    "\"AuthorId\": %d, \"TypeId\": %d, "
                    "\"PeerFriendlyName\": \"Good\"", GOOD_AUTHOR,
                    FIXTURE_TYPE);
    ck_assert_uint_eq(eaphost_set_methods_dir(cold), ERROR_SUCCESS);

    for (n = 0; n < 100000 && !done; n++) {
        bool ok = false;
        DWORD rc;

        eh_test_fail_alloc_after(n);
        rc = EapHostPeerInitialize();
        if (rc == ERROR_SUCCESS) {
            inits++;
            ok = conversation_under_oom(__LINE__, n);
        } else if (!oom_ok(rc)) {
            note(__LINE__, "n=%ld: Initialize 0x%08X %s", n, (unsigned)rc,
                 eaphost_error_name(rc));
        }
        done = planned_failure_unused(n);
        if (done && !ok)
            note(__LINE__, "n=%ld: no allocation failed, yet the "
                 "conversation did not succeed", n);
        if (inits > 0 && !pinned)
            /* At the first load, keep the fixture mapped to read its
             * counters at the end, across the unloads of the sweep. */
            pinned = fixture_handle("fixture_good");
        if (rc == ERROR_SUCCESS)
            uninit();
    }
    ck_assert_msg(done, "the sweep did not end");
    expectations_met();
    /* Afterwards the host starts, and a session works. */
    init();
    {
        EAP_SESSIONID id = begin(NULL, NULL);

        run_conversation(id);
        end(id);
    }
    if (pinned) {
        struct fixture_stats st = good_stats();

        ck_assert_int_eq(st.live_sessions, 0);
        ck_assert_int_eq(st.live_allocations, 0);
        ck_assert_uint_eq(st.bad_frees, 0);
        /* Every load was matched by an unload. */
        ck_assert_uint_eq(st.dll_attach, st.dll_detach + 1);
        ck_assert_uint_eq(st.initialize, st.shutdown + 1);
    }
    uninit();
    unpin();
    ck_assert_uint_eq(eaphost_set_methods_dir(dir), ERROR_SUCCESS);
    tu_rmtree(cold);
}
END_TEST

/* ====================================================================== */

static Suite *runtime_suite(void)
{
    Suite *s = suite_create("runtime");
    TCase *tc;

    tc = tcase_create("normal");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, full_session);
    tcase_add_test(tc, expanded_session);
    tcase_add_test(tc, ui_round_trip);
    tcase_add_test(tc, attributes_round_trip);
    tcase_add_test(tc, result_reasons);
    tcase_add_test(tc, credentials_reach_the_method);
    tcase_add_test(tc, credentials_conversion);
    tcase_add_test(tc, packet_buffers_wiped_at_end);
    tcase_add_test(tc, credentials_required_by_registry);
    tcase_add_test(tc, session_option);
    tcase_add_test(tc, method_error_from_begin_session);
    tcase_add_test(tc, method_error_from_process_request);
    suite_add_tcase(s, tc);

    tc = tcase_create("error_table");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, before_initialize);
    tcase_add_test(tc, null_arguments);
    tcase_add_test(tc, null_error_pointer_accepted);
    tcase_add_test(tc, unknown_ended_and_stale_ids);
    tcase_add_test(tc, ids_do_not_survive_uninitialize);
    tcase_add_test(tc, calls_out_of_state);
    suite_add_tcase(s, tc);

    tc = tcase_create("lifecycle");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, initialize_is_reference_counted);
    tcase_add_test(tc, connection_id_is_exclusive);
    tcase_add_test(tc, clear_connection);
    suite_add_tcase(s, tc);

    tc = tcase_create("methods");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, faulty_methods_are_not_installed);
    tcase_add_test(tc, faulty_methods_refuse_config_calls);
    tcase_add_test(tc, unregistered_methods);
    tcase_add_test(tc, get_methods);
    tcase_add_test(tc, get_method_properties);
    tcase_add_test(tc, credential_input_fields);
    tcase_add_test(tc, get_identity);
    tcase_add_test(tc, auth_status);
    tcase_add_test(tc, registry_problems_and_method_list);
    tcase_add_test(tc, windows_only_functions);
    tcase_add_test(tc, windows_only_functions_follow_the_error_table);
    suite_add_tcase(s, tc);

    tc = tcase_create("allocation");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, allocation_failures_in_sessions);
    tcase_add_test(tc, allocation_failures_from_cold_start);
    suite_add_tcase(s, tc);

    tc = tcase_create("allocation_config");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, allocation_failures_in_config_calls);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(runtime_suite());
}
