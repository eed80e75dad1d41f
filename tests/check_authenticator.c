/*
 * check_authenticator.c - the authenticator host (eaphost/authenticator.h):
 * the user database and its file format, authenticator sessions driven
 * packet by packet against the scripted authenticator fixture
 * (tests/fixtures/scripted_auth.c), the loader's rules for authenticator
 * halves (tests/fixtures/auth_broken.c), the MSK from MPPE attributes, the
 * in-process loopback against the fixtures and, when they are built, the
 * bundled EAP-MD5, EAP-GTC and EAP-MSCHAPv2 plugins, and an
 * allocation-failure sweep of the loopback (eh_test_fail_alloc_after, hence
 * white-box).
 *
 * Every test gets a fresh methods directory (setup) and leaves the host
 * uninitialised (teardown), so the suite also runs with CK_FORK=no under
 * valgrind.  fixture_auth is pinned (opened by the test itself) so that its
 * statistics outlive the host's unload.
 */
#define _GNU_SOURCE 1   /* RTLD_NOLOAD */

#include "internal.h"
#include "testutil.h"
#include "auth_fixture.h"

#include <dlfcn.h>
#include <stdarg.h>
#include <sys/stat.h>

#define MAX_SEND 1400u
#define PEER_ONLY_AUTHOR 1
#define BROKEN_BASE 210
#define NOT_SO_TYPE 230
#define MISSING_TYPE 240

static const EAP_METHOD_TYPE t_good = { { FIXTURE_TYPE, 0, 0 }, 0 };
static const EAP_METHOD_TYPE t_pair = { { AUTH_FIXTURE_PAIR_TYPE, 0, 0 }, 0 };
static const EAP_METHOD_TYPE t_exp = {
    { FIXTURE_EXPANDED_TYPE, FIXTURE_VENDOR, FIXTURE_VENDOR_TYPE }, 0
};
static const EAP_METHOD_TYPE t_peer_only = { { FIXTURE_TYPE, 0, 0 },
                                             PEER_ONLY_AUTHOR };
static const EAP_METHOD_TYPE t_missing = { { MISSING_TYPE, 0, 0 }, 0 };

/* Authenticator halves that each break one loader rule. */
static const struct broken {
    const char *fixture;
    const char *reason;         /* the whole fault reason */
} broken[] = {
    { "fixture_auth_no_getinfo",
      "entry point: EapMethodAuthenticatorGetInfo not exported" },
    { "fixture_auth_no_freememory",
      "entry point: EapMethodAuthenticatorFreeMemory not exported" },
    { "fixture_auth_dllmain_false",
      "DllMain: returned FALSE for DLL_PROCESS_ATTACH" },
    { "fixture_auth_getinfo_fails",
      "EapMethodAuthenticatorGetInfo: failed with 0x00000032 "
      "(ERROR_NOT_SUPPORTED): authenticator getinfo refused" },
    { "fixture_auth_wrong_type",
      "EapMethodAuthenticatorGetInfo: answered for type 201, registered "
      "type 214" },
    { "fixture_auth_null_routines",
      "routines: EapMethodAuthenticatorReceivePacket is NULL (required)" },
    { "fixture_auth_init_fails",
      "EapMethodAuthenticatorInitialize: failed with 0x0000054F "
      "(ERROR_INTERNAL_ERROR): authenticator initialize refused" },
};
#define BROKEN_COUNT (sizeof broken / sizeof broken[0])

static EAP_METHOD_TYPE broken_type(size_t i)
{
    EAP_METHOD_TYPE t = { { (BYTE)(BROKEN_BASE + i), 0, 0 }, 0 };
    return t;
}

/* ---- the test's methods directory ----------------------------------------- */

static char dir[512];
static int inits;
static void *pinned;
static eaphost_user_db *db;

static void put_file(const char *d, const char *name, const char *text)
{
    char path[PATH_MAX];

    tu_write_file(d, name, text, path, sizeof path);
    ck_assert_int_eq(chmod(path, 0644), 0);
}

/* A registry file; @peer / @auth are fixture names or NULL. */
static void register_method(const char *name, unsigned author,
                            const char *type_keys, const char *peer,
                            const char *auth)
{
    char text[3 * PATH_MAX], peer_path[PATH_MAX], auth_path[PATH_MAX];
    char peer_keys[PATH_MAX + 200] = "", auth_keys[PATH_MAX + 200] = "";

    if (peer) {
        tu_fixture_path(peer_path, sizeof peer_path, peer);
        snprintf(peer_keys, sizeof peer_keys,
                 ", \"PeerDllPath\": \"%s\", \"PeerFriendlyName\": \"P\", "
                 "\"PeerInvokeUsernameDialog\": 1, "
                 "\"PeerInvokePasswordDialog\": 1", peer_path);
    }
    if (auth) {
        tu_fixture_path(auth_path, sizeof auth_path, auth);
        snprintf(auth_keys, sizeof auth_keys,
                 ", \"AuthenticatorDllPath\": \"%s\", "
                 "\"AuthenticatorFriendlyName\": \"A\"", auth_path);
    }
    snprintf(text, sizeof text, "{ \"AuthorId\": %u, %s%s%s }\n", author,
             type_keys, peer_keys, auth_keys);
    put_file(dir, name, text);
}

static void write_registry(void)
{
    char keys[128], name[64];

    register_method("10-good.json", 0, "\"TypeId\": 200", "fixture_good",
                    "fixture_auth");
    register_method("11-pair.json", 0, "\"TypeId\": 202", "fixture_auth",
                    "fixture_auth");
    register_method("12-expanded.json", 0, "\"TypeId\": 254, \"VendorId\": "
                    "39321, \"VendorType\": 7", "fixture_expanded",
                    "fixture_auth");
    register_method("13-peer-only.json", PEER_ONLY_AUTHOR, "\"TypeId\": 200",
                    "fixture_good", NULL);
    for (size_t i = 0; i < BROKEN_COUNT; i++) {
        snprintf(keys, sizeof keys, "\"TypeId\": %u",
                 (unsigned)(BROKEN_BASE + i));
        snprintf(name, sizeof name, "%02u-%s.json", (unsigned)(20 + i),
                 broken[i].fixture);
        register_method(name, 0, keys, NULL, broken[i].fixture);
    }
    snprintf(keys, sizeof keys, "\"TypeId\": %u", NOT_SO_TYPE);
    register_method("30-not-so.json", 0, keys, NULL, "fixture_not_so");
}

/* The fixture's exports, from our own handle on it. */
static void *fixture_sym(const char *name)
{
    void *p = dlsym(pinned, name);
    ck_assert_msg(p != NULL, "fixture_auth has no %s", name);
    return p;
}

static struct auth_fixture_stats fstats(void)
{
    struct auth_fixture_stats st;
    ((auth_fixture_get_stats_fn)fixture_sym("FixtureAuthGetStats"))(&st);
    return st;
}

static struct fixture_stats fcommon(void)
{
    struct fixture_stats st;
    ((fixture_get_stats_fn)fixture_sym("FixtureGetStats"))(&st);
    return st;
}

static void setup(void)
{
    char path[PATH_MAX];

    eh_test_fail_alloc_after(-1);
    inits = 0;
    tu_mkdtemp(dir, sizeof dir);
    ck_assert_int_eq(chmod(dir, 0755), 0);
    write_registry();
    ck_assert_uint_eq(eaphost_set_methods_dir(dir), ERROR_SUCCESS);
    tu_fixture_path(path, sizeof path, "fixture_auth");
    pinned = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    ck_assert_msg(pinned != NULL, "dlopen %s: %s", path, dlerror());
    ((auth_fixture_reset_stats_fn)fixture_sym("FixtureAuthResetStats"))();
    ck_assert_uint_eq(eaphost_user_db_new(&db), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_user_db_add(db, "alice", "secret"),
                      ERROR_SUCCESS);
}

static void teardown(void)
{
    eh_test_fail_alloc_after(-1);
    while (inits > 0) {
        EapHostPeerUninitialize();
        inits--;
    }
    eaphost_user_db_free(db);
    db = NULL;
    if (pinned) {
        /* Nothing the method handed out or allocated is left over. */
        struct fixture_stats c = fcommon();
        struct auth_fixture_stats a = fstats();
        ck_assert_int_eq(a.live_sessions, 0);
        ck_assert_int_eq(a.peer_live_sessions, 0);
        ck_assert_int_eq(c.live_allocations, 0);
        ck_assert_uint_eq(c.bad_frees, 0);
        ck_assert_int_eq(dlclose(pinned), 0);
        pinned = NULL;
    }
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

static void add_user(const char *identity, const char *password)
{
    ck_assert_uint_eq(eaphost_user_db_add(db, identity, password),
                      ERROR_SUCCESS);
}

/* The root cause of @e as UTF-8 (static buffer); @e is freed. */
static const char *cause(EAP_ERROR *e)
{
    static char buf[1024];

    buf[0] = '\0';
    if (e && e->pRootCauseString) {
        char *u = eh_utf16_to_utf8_dup(e->pRootCauseString);
        ck_assert_ptr_nonnull(u);
        snprintf(buf, sizeof buf, "%s", u);
        eh_free(u);
    }
    EapHostPeerFreeEapError(e);
    return buf;
}

#define ck_assert_contains(hay, needle) \
    ck_assert_msg(strstr((hay), (needle)) != NULL, \
                  "\"%s\" does not contain \"%s\"", (hay), (needle))

/* ---- packets ----------------------------------------------------------------- */

struct pkt {
    BYTE b[512];
    DWORD n;
};

/* A packet: Code, Identifier, the Type (0: none) and data. */
static struct pkt mk(BYTE code, BYTE id, int type, const void *data,
                     size_t len)
{
    struct pkt p;
    size_t at = 4;

    memset(&p, 0, sizeof p);
    p.b[0] = code;
    p.b[1] = id;
    if (type >= 0)
        p.b[at++] = (BYTE)type;
    if (type == 254) {
        const BYTE xh[7] = { 0x00, 0x99, 0x99, 0, 0, 0, FIXTURE_VENDOR_TYPE };
        memcpy(p.b + at, xh, sizeof xh);
        at += sizeof xh;
    }
    memcpy(p.b + at, data, len);
    at += len;
    p.n = (DWORD)at;
    p.b[2] = (BYTE)(at >> 8);
    p.b[3] = (BYTE)at;
    return p;
}

static struct pkt resp(BYTE id, int type, const char *text)
{
    return mk(EapCodeResponse, id, type, text, strlen(text));
}

/* ---- driving an authenticator session ---------------------------------------- */

static EAP_SESSIONID begin_ok(const EAP_METHOD_TYPE *t)
{
    EAP_SESSIONID id = 0;
    EAP_ERROR *e = NULL;
    DWORD rc = eaphost_auth_begin(*t, db, MAX_SEND, &id, &e);

    ck_assert_msg(rc == ERROR_SUCCESS, "eaphost_auth_begin: 0x%08X %s",
                  (unsigned)rc, cause(e));
    ck_assert_ptr_null(e);
    ck_assert_uint_ne(id, 0);
    return id;
}

/* Start; returns the Identity request's Identifier. */
static BYTE start_ok(EAP_SESSIONID id)
{
    BYTE *p = NULL;
    DWORD n = 0;
    EAP_ERROR *e = NULL;

    ck_assert_uint_eq(eaphost_auth_start(id, &p, &n, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_uint_eq(n, 5);
    ck_assert_uint_eq(p[0], 1);
    ck_assert_uint_eq(p[2], 0);
    ck_assert_uint_eq(p[3], 5);
    ck_assert_uint_eq(p[4], 1);
    return p[1];
}

/* Receive @p; expect @rc and @act. */
static void rx(EAP_SESSIONID id, struct pkt p, DWORD rc,
               eaphost_auth_action act)
{
    eaphost_auth_action a = (eaphost_auth_action)77;
    EAP_ERROR *e = NULL;
    DWORD got = eaphost_auth_receive(id, p.b, p.n, &a, &e);

    ck_assert_msg(got == rc, "receive: 0x%08X, expected 0x%08X (%s)",
                  (unsigned)got, (unsigned)rc, cause(e));
    ck_assert_int_eq(a, act);
    if (rc == ERROR_SUCCESS)
        ck_assert_ptr_null(e);
    else
        EapHostPeerFreeEapError(e);
}

/* Receive @p, expect a failure @rc whose reason holds @why. */
static void rx_fail(EAP_SESSIONID id, struct pkt p, DWORD rc, const char *why)
{
    eaphost_auth_action a = (eaphost_auth_action)77;
    EAP_ERROR *e = NULL;
    DWORD got = eaphost_auth_receive(id, p.b, p.n, &a, &e);

    ck_assert_msg(got == rc, "receive: 0x%08X, expected 0x%08X",
                  (unsigned)got, (unsigned)rc);
    ck_assert_int_eq(a, EAPHOST_AUTH_FAILURE);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->dwWinError, rc);
    ck_assert_contains(cause(e), why);
}

/* The current packet must be @want. */
static void packet_is(EAP_SESSIONID id, struct pkt want)
{
    BYTE *p = NULL;
    DWORD n = 0;
    EAP_ERROR *e = NULL;

    ck_assert_uint_eq(eaphost_auth_get_packet(id, &p, &n, &e),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_uint_eq(n, want.n);
    ck_assert_mem_eq(p, want.b, n);
}

static struct pkt challenge(BYTE id, int type, unsigned round)
{
    char text[16];
    snprintf(text, sizeof text, "challenge-%u", round);
    return mk(EapCodeRequest, id, type, text, strlen(text));
}

static struct pkt final(BYTE code, BYTE id)
{
    return mk(code, id, -1, "", 0);
}

static eaphost_auth_result result_ok(EAP_SESSIONID id)
{
    eaphost_auth_result r;
    EAP_ERROR *e = NULL;

    ck_assert_uint_eq(eaphost_auth_get_result(id, &r, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    return r;
}

static eaphost_auth_counters counters(EAP_SESSIONID id)
{
    eaphost_auth_counters c;
    ck_assert_uint_eq(eaphost_auth_get_counters(id, &c), ERROR_SUCCESS);
    return c;
}

static void end_ok(EAP_SESSIONID id)
{
    EAP_ERROR *e = NULL;
    ck_assert_uint_eq(eaphost_auth_end(id, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
}

/* The fixture's MSK for @password: peer_send || peer_recv, zero padded. */
static void expected_msk(const char *password, BYTE msk[EAPHOST_MSK_LEN])
{
    auth_fixture_keys_fn keys = (auth_fixture_keys_fn)
        fixture_sym("FixtureAuthKeys");
    memset(msk, 0, EAPHOST_MSK_LEN);
    keys(password, 0, msk, msk + AUTH_FIXTURE_KEY_LEN);
}

/* =========================================================================== */
/* User database                                                               */
/* =========================================================================== */

START_TEST(test_db_build)
{
    eaphost_user_db *d = NULL;
    DWORD count = 99;
    char long_id[EAPHOST_USER_DB_MAX_IDENTITY + 2];
    const char *pw = NULL;
    size_t pw_len = 0;

    ck_assert_uint_eq(eaphost_user_db_new(NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_user_db_new(&d), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_user_db_count(d, &count), ERROR_SUCCESS);
    ck_assert_uint_eq(count, 0);
    ck_assert_uint_eq(eaphost_user_db_add(d, "zed", "z"), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_user_db_add(d, "amy", ""), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_user_db_add(d, "J\xc3\xbcrgen", "p\xc3\xa4ss"),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_user_db_add(d, "amy", "other"),
                      ERROR_ALREADY_EXISTS);
    /* Identities are compared byte for byte. */
    ck_assert_uint_eq(eaphost_user_db_add(d, "Amy", "x"), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_user_db_add(d, "", "x"), ERROR_INVALID_DATA);
    ck_assert_uint_eq(eaphost_user_db_add(d, "bad\xff", "x"),
                      ERROR_INVALID_DATA);
    ck_assert_uint_eq(eaphost_user_db_add(d, "ok", "\xc0\x80"),
                      ERROR_INVALID_DATA);
    memset(long_id, 'a', sizeof long_id - 1);
    long_id[sizeof long_id - 1] = '\0';
    ck_assert_uint_eq(eaphost_user_db_add(d, long_id, "x"),
                      ERROR_INVALID_DATA);
    long_id[EAPHOST_USER_DB_MAX_IDENTITY] = '\0';
    ck_assert_uint_eq(eaphost_user_db_add(d, long_id, "x"), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_user_db_add(d, "long-password", long_id),
                      ERROR_SUCCESS);
    long_id[EAPHOST_USER_DB_MAX_IDENTITY] = 'a';
    ck_assert_uint_eq(eaphost_user_db_add(d, "too-long-password", long_id),
                      ERROR_INVALID_DATA);
    ck_assert_uint_eq(eaphost_user_db_add(NULL, "a", "b"),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_user_db_add(d, NULL, "b"),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_user_db_add(d, "a", NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_user_db_count(NULL, &count),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_user_db_count(d, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_user_db_count(d, &count), ERROR_SUCCESS);
    ck_assert_uint_eq(count, 6);

    ck_assert(eh_user_db_find(d, "J\xc3\xbcrgen", &pw, &pw_len));
    ck_assert_str_eq(pw, "p\xc3\xa4ss");
    ck_assert_uint_eq(pw_len, 5);
    ck_assert(eh_user_db_find(d, "amy", &pw, &pw_len));
    ck_assert_uint_eq(pw_len, 0);
    ck_assert(eh_user_db_find(d, "Amy", &pw, &pw_len));
    ck_assert_str_eq(pw, "x");
    ck_assert(!eh_user_db_find(d, "AMY", &pw, &pw_len));
    ck_assert(!eh_user_db_find(d, "nobody", &pw, &pw_len));
    eaphost_user_db_free(d);
    eaphost_user_db_free(NULL);
}
END_TEST

START_TEST(test_db_load_good)
{
    char path[PATH_MAX], *why = (char *)"untouched";
    eaphost_user_db *d = NULL;
    const char *pw;
    size_t pw_len;
    DWORD count;

    /* A byte-order mark, UTF-8 names, an empty password, escapes. */
    tu_write_file(dir, "users.json",
                  "\xEF\xBB\xBF{ \"users\": [\n"
                  "  { \"identity\": \"alice\", \"password\": \"secret\" },\n"
                  "  { \"password\": \"\", \"identity\": \"bob\" },\n"
                  "  { \"identity\": \"J\\u00fcrgen\", "
                  "\"password\": \"tab\\there \\\"q\\\" \\\\u0000\" }\n"
                  "] }\n", path, sizeof path);
    ck_assert_uint_eq(eaphost_user_db_load(path, &d, &why), ERROR_SUCCESS);
    ck_assert_ptr_null(why);
    ck_assert_uint_eq(eaphost_user_db_count(d, &count), ERROR_SUCCESS);
    ck_assert_uint_eq(count, 3);
    ck_assert(eh_user_db_find(d, "alice", &pw, &pw_len));
    ck_assert_str_eq(pw, "secret");
    ck_assert(eh_user_db_find(d, "bob", &pw, &pw_len));
    ck_assert_str_eq(pw, "");
    ck_assert(eh_user_db_find(d, "J\xc3\xbcrgen", &pw, &pw_len));
    ck_assert_str_eq(pw, "tab\there \"q\" \\u0000");
    eaphost_user_db_free(d);

    /* An empty list; error_text may be NULL. */
    tu_write_file(dir, "empty.json", "{\"users\":[]}", path, sizeof path);
    ck_assert_uint_eq(eaphost_user_db_load(path, &d, NULL), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_user_db_count(d, &count), ERROR_SUCCESS);
    ck_assert_uint_eq(count, 0);
    eaphost_user_db_free(d);
}
END_TEST

static const struct bad_db {
    const char *text;
    const char *reason;         /* after "<path>: " */
} bad_dbs[] = {
    { "", "file is empty, expected a JSON object" },
    { "{ \"users\": [ ", "bad JSON near line 1" },
    { "{\n\"users\": [],\n}", "bad JSON near line 3" },
    { "[]", "expected a JSON object, found an array" },
    { "{}", "missing key \"users\"" },
    { "{\"users\": {}}", "\"users\" must be an array, found an object" },
    { "{\"users\": [], \"extra\": 1}",
      "unknown key \"extra\" (the file has one key, \"users\")" },
    { "{\"users\": [], \"users\": []}", "\"users\" given twice" },
    { "{\"users\": [1]}", "users[0]: expected an object, found a number" },
    { "{\"users\": [{\"identity\": \"a\"}]}", "users[0]: missing \"password\"" },
    { "{\"users\": [{\"password\": \"a\"}]}", "users[0]: missing \"identity\"" },
    { "{\"users\": [{\"identity\": 5, \"password\": \"a\"}]}",
      "users[0]: \"identity\" must be a string, found a number" },
    { "{\"users\": [{\"identity\": \"a\", \"password\": null}]}",
      "users[0]: \"password\" must be a string, found null" },
    { "{\"users\": [{\"identity\": \"a\", \"password\": true}]}",
      "users[0]: \"password\" must be a string, found a boolean" },
    { "{\"users\": [{\"identity\": \"\", \"password\": \"a\"}]}",
      "users[0]: \"identity\" is empty" },
    { "{\"users\": [{\"identity\": \"a\", \"password\": \"1\"}, "
      "{\"identity\": \"a\", \"password\": \"2\"}]}",
      "users[1]: duplicate identity \"a\"" },
    { "{\"users\": [{\"identity\": \"a\", \"password\": \"1\", "
      "\"name\": \"x\"}]}",
      "users[0]: unknown key \"name\" (an entry has \"identity\" and "
      "\"password\")" },
    { "{\"users\": [{\"identity\": \"a\", \"identity\": \"b\", "
      "\"password\": \"1\"}]}", "users[0]: \"identity\" given twice" },
    { "{\"users\": [{\"identity\": \"a\",\n \"password\": \"x\\u0000y\"}]}",
      "line 2: \\u0000 (NUL) in a string" },
    { "{\"users\": [{\"identity\": \"a\", \"password\": \"\xff\"}]}",
      "users[0]: \"password\" is not well-formed UTF-8" },
    { "{\"users\": [{\"identity\": \"\xed\xa0\x80\", \"password\": \"\"}]}",
      "users[0]: \"identity\" is not well-formed UTF-8" },
    { "{\"users\": [{\"identity\": \"a\", \"password\": \"\"}, []]}",
      "users[1]: expected an object, found an array" },
};

START_TEST(test_db_load_bad)
{
    const struct bad_db *b = &bad_dbs[_i];
    char path[PATH_MAX], want[PATH_MAX + 256], *why = NULL;
    eaphost_user_db *d = (eaphost_user_db *)&why;

    tu_write_file(dir, "users.json", b->text, path, sizeof path);
    ck_assert_uint_eq(eaphost_user_db_load(path, &d, &why),
                      ERROR_INVALID_DATA);
    ck_assert_ptr_null(d);
    ck_assert_ptr_nonnull(why);
    snprintf(want, sizeof want, "%s: %s", path, b->reason);
    ck_assert_str_eq(why, want);
    eaphost_free(why);
    /* Without error_text, the same code. */
    ck_assert_uint_eq(eaphost_user_db_load(path, &d, NULL),
                      ERROR_INVALID_DATA);
}
END_TEST

START_TEST(test_db_load_long_identity)
{
    static const char head[] = "{\"users\": [{\"password\": \"\", "
                               "\"identity\": \"";
    size_t n = EAPHOST_USER_DB_MAX_IDENTITY + 1;
    char *text = malloc(sizeof head + n + 8), path[PATH_MAX], *why = NULL;
    eaphost_user_db *d = NULL;

    ck_assert_ptr_nonnull(text);
    memcpy(text, head, sizeof head - 1);
    memset(text + sizeof head - 1, 'x', n);
    strcpy(text + sizeof head - 1 + n, "\"}]}");
    tu_write_file(dir, "users.json", text, path, sizeof path);
    free(text);
    ck_assert_uint_eq(eaphost_user_db_load(path, &d, &why),
                      ERROR_INVALID_DATA);
    ck_assert_contains(why, "users[0]: \"identity\" is longer than 1024 "
                       "bytes");
    eaphost_free(why);
}
END_TEST

START_TEST(test_db_load_files)
{
    char path[PATH_MAX], *why = NULL;
    eaphost_user_db *d = NULL;

    ck_assert_uint_eq(eaphost_user_db_load(NULL, &d, &why),
                      ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(why);
    ck_assert_uint_eq(eaphost_user_db_load("x", NULL, &why),
                      ERROR_INVALID_PARAMETER);

    snprintf(path, sizeof path, "%s/missing.json", dir);
    ck_assert_uint_eq(eaphost_user_db_load(path, &d, &why),
                      ERROR_FILE_NOT_FOUND);
    ck_assert_ptr_null(d);
    ck_assert_contains(why, path);
    ck_assert_contains(why, "No such file");
    eaphost_free(why);

    /* Writable by others: refused before it is read. */
    tu_write_file(dir, "open.json", "{\"users\": []}", path, sizeof path);
    ck_assert_int_eq(chmod(path, 0666), 0);
    ck_assert_uint_eq(eaphost_user_db_load(path, &d, &why),
                      ERROR_ACCESS_DENIED);
    ck_assert_contains(why, "writable by others");
    ck_assert_contains(why, path);
    eaphost_free(why);

    /* Not a regular file. */
    ck_assert_uint_eq(eaphost_user_db_load(dir, &d, &why),
                      ERROR_ACCESS_DENIED);
    ck_assert_contains(why, "not a regular file");
    eaphost_free(why);
}
END_TEST

/* Out of memory while reading a file: the right code, nothing leaked. */
START_TEST(test_db_load_oom)
{
    char path[PATH_MAX];
    eaphost_user_db *d = NULL;
    char *why = NULL;
    long n;
    DWORD rc = ERROR_NOT_ENOUGH_MEMORY;

    tu_write_file(dir, "users.json",
                  "{\"users\": [{\"identity\": \"a\", \"password\": \"1\"}, "
                  "{\"identity\": \"b\", \"password\": \"2\"}, "
                  "{\"identity\": \"a\", \"password\": \"3\"}]}",
                  path, sizeof path);
    for (n = 0; n < 200 && rc == ERROR_NOT_ENOUGH_MEMORY; n++) {
        eh_test_fail_alloc_after(n);
        rc = eaphost_user_db_load(path, &d, &why);
        eh_test_fail_alloc_after(-1);
        if (rc == ERROR_NOT_ENOUGH_MEMORY) {
            ck_assert_ptr_null(d);
            ck_assert_ptr_null(why);
        }
    }
    ck_assert_uint_eq(rc, ERROR_INVALID_DATA);
    ck_assert_contains(why, "duplicate identity \"a\"");
    eaphost_free(why);
}
END_TEST

/* =========================================================================== */
/* Authenticator sessions                                                      */
/* =========================================================================== */

START_TEST(test_auth_before_init)
{
    EAP_SESSIONID id = 5;
    BYTE *p;
    DWORD n;
    eaphost_auth_action a;
    eaphost_auth_result r;
    eaphost_auth_counters c;
    EapAttributes attrs = { 0, NULL };
    EAP_ERROR *e = (EAP_ERROR *)&id;
    BYTE b[5] = { 2, 1, 0, 5, 1 };

    /* Required pointers first, then the host's state. */
    ck_assert_uint_eq(eaphost_auth_begin(t_good, db, MAX_SEND, NULL, &e),
                      ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(e);
    ck_assert_uint_eq(eaphost_auth_begin(t_good, NULL, MAX_SEND, &id, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(id, 0);
    ck_assert_uint_eq(eaphost_auth_begin(t_good, db, 19, &id, &e),
                      ERROR_INVALID_PARAMETER);
    ck_assert_contains(cause(e), "below the minimum 20");
    ck_assert_uint_eq(eaphost_auth_begin(t_good, db, MAX_SEND, &id, NULL),
                      ERROR_INVALID_STATE);
    ck_assert_uint_eq(eaphost_auth_start(1, NULL, &n, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_auth_start(1, &p, NULL, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_auth_start(1, &p, &n, NULL),
                      ERROR_INVALID_STATE);
    ck_assert_uint_eq(eaphost_auth_receive(1, b, 5, NULL, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_auth_receive(1, NULL, 5, &a, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_auth_receive(1, b, 5, &a, NULL),
                      ERROR_INVALID_STATE);
    ck_assert_int_eq(a, EAPHOST_AUTH_DISCARD);
    ck_assert_uint_eq(eaphost_auth_get_packet(1, NULL, &n, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_auth_get_packet(1, &p, &n, NULL),
                      ERROR_INVALID_STATE);
    ck_assert_uint_eq(eaphost_auth_get_result(1, NULL, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_auth_get_result(1, &r, NULL),
                      ERROR_INVALID_STATE);
    ck_assert_uint_eq(eaphost_auth_get_attributes(1, NULL, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_auth_get_attributes(1, &attrs, NULL),
                      ERROR_INVALID_STATE);
    ck_assert_uint_eq(eaphost_auth_set_attributes(1, &attrs, NULL, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_auth_set_attributes(1, NULL, &a, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_auth_set_attributes(1, &attrs, &a, NULL),
                      ERROR_INVALID_STATE);
    ck_assert_uint_eq(eaphost_auth_get_counters(1, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_auth_get_counters(1, &c), ERROR_INVALID_STATE);
    ck_assert_uint_eq(eaphost_auth_end(1, NULL), ERROR_INVALID_STATE);
}
END_TEST

/* Every call with an id that is not a live session. */
static void all_calls_refuse(EAP_SESSIONID id)
{
    BYTE *p, b[5] = { 2, 1, 0, 5, 1 };
    DWORD n;
    eaphost_auth_action a;
    eaphost_auth_result r;
    eaphost_auth_counters c;
    EapAttributes attrs = { 0, NULL };
    EAP_ERROR *e = NULL;

    ck_assert_uint_eq(eaphost_auth_start(id, &p, &n, &e),
                      ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(eaphost_auth_receive(id, b, 5, &a, &e),
                      ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(eaphost_auth_get_packet(id, &p, &n, &e),
                      ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(eaphost_auth_get_result(id, &r, &e),
                      ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(eaphost_auth_get_attributes(id, &attrs, &e),
                      ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(eaphost_auth_set_attributes(id, &attrs, &a, &e),
                      ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(eaphost_auth_get_counters(id, &c),
                      ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(eaphost_auth_end(id, &e), ERROR_INVALID_HANDLE);
    ck_assert_ptr_null(e);
}

START_TEST(test_auth_unknown_ids)
{
    EAP_SESSIONID id, again;

    init();
    all_calls_refuse(0);
    all_calls_refuse(12345);
    all_calls_refuse(0xFFFFFFFFu);
    id = begin_ok(&t_good);
    end_ok(id);
    all_calls_refuse(id);
    /* The slot is reused with a new generation: the old id stays stale. */
    again = begin_ok(&t_good);
    ck_assert_uint_ne(again, id);
    all_calls_refuse(id);
    end_ok(again);
    /* Ids do not survive Uninitialize. */
    id = begin_ok(&t_good);
    uninit();
    init();
    all_calls_refuse(id);
}
END_TEST

START_TEST(test_auth_not_installed)
{
    EAP_SESSIONID id = 7;
    EAP_ERROR *e = NULL;

    init();
    ck_assert_uint_eq(eaphost_auth_begin(t_missing, db, MAX_SEND, &id, &e),
                      EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_uint_eq(id, 0);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->type.eapType.type, MISSING_TYPE);
    ck_assert_contains(cause(e), "no method registered for type 240");
    ck_assert_uint_eq(eaphost_auth_begin(t_peer_only, db, MAX_SEND, &id, &e),
                      EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_str_eq(cause(e), "no authenticator half (AuthenticatorDllPath) "
                     "registered");
    /* The peer half of that method is not affected. */
    ck_assert_uint_eq(EapHostPeerBeginSession(0, t_peer_only, NULL, NULL, 0,
                                              NULL, 0, NULL, MAX_SEND, NULL,
                                              NULL, NULL, &id, NULL),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(EapHostPeerEndSession(id, NULL), ERROR_SUCCESS);
}
END_TEST

START_TEST(test_auth_faulty)
{
    const struct broken *b = &broken[_i];
    EAP_METHOD_TYPE t = broken_type((size_t)_i);
    EAP_SESSIONID id = 7;
    EAP_ERROR *e = NULL;
    eaphost_method_entry *list = NULL;
    DWORD count = 0;

    init();
    for (int round = 0; round < 2; round++) {
        /* The second time from the reason kept with the method. */
        ck_assert_uint_eq(eaphost_auth_begin(t, db, MAX_SEND, &id, &e),
                          EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
        ck_assert_uint_eq(id, 0);
        ck_assert_ptr_nonnull(e);
        ck_assert_uint_eq(e->dwWinError, EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
        ck_assert_str_eq(cause(e), b->reason);
    }
    /* The peer half's state is its own: no peer half, never loaded. */
    ck_assert_uint_eq(eaphost_list_methods(FALSE, &list, &count),
                      ERROR_SUCCESS);
    for (DWORD i = 0; i < count; i++)
        if (list[i].type.eapType.type == t.eapType.type)
            ck_assert_int_eq(list[i].state, EAPHOST_METHOD_NOT_LOADED);
    eaphost_free_method_list(list, count);
    /* White-box: the authenticator half's own state, and validation. */
    struct eh_method *m = eh_host_find_method(&t);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(m->auth.state, EH_METHOD_FAULTY);
    ck_assert_int_eq(m->state, EH_METHOD_UNLOADED);
    ck_assert_uint_eq(eh_auth_method_validate(m, &e),
                      EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_str_eq(cause(e), b->reason);
    uninit();
    /* After Uninitialize the reason is gone: the next host tries again. */
    init();
    ck_assert_uint_eq(eaphost_auth_begin(t, db, MAX_SEND, &id, &e),
                      EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_str_eq(cause(e), b->reason);
}
END_TEST

START_TEST(test_auth_not_a_library)
{
    EAP_METHOD_TYPE t = { { NOT_SO_TYPE, 0, 0 }, 0 };
    EAP_SESSIONID id;
    EAP_ERROR *e = NULL;

    init();
    ck_assert_uint_eq(eaphost_auth_begin(t, db, MAX_SEND, &id, &e),
                      EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    const char *why = cause(e);
    ck_assert_msg(strncmp(why, "load: ", 6) == 0, "reason: %s", why);
}
END_TEST

START_TEST(test_auth_conversation)
{
    EAP_SESSIONID id;
    BYTE x, *p;
    DWORD n;
    eaphost_auth_result r;
    eaphost_auth_counters c;
    EapAttributes attrs;
    EAP_ERROR *e = NULL;
    BYTE msk[EAPHOST_MSK_LEN], want[EAPHOST_MSK_LEN];
    DWORD msk_len;
    struct auth_fixture_stats st;
    eaphost_auth_action act;

    init();
    /* Validation loads the half without counting a user. */
    struct eh_method *m = eh_host_find_method(&t_good);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(m->auth.state, EH_METHOD_UNLOADED);
    ck_assert_uint_eq(eh_auth_method_validate(m, NULL), ERROR_SUCCESS);
    ck_assert_int_eq(m->auth.state, EH_METHOD_READY);
    ck_assert_uint_eq(m->auth.users, 0);
    ck_assert_int_eq(m->state, EH_METHOD_UNLOADED);
    id = begin_ok(&t_good);
    ck_assert_uint_eq(m->auth.users, 1);
    /* Nothing before the start. */
    ck_assert_uint_eq(eaphost_auth_get_packet(id, &p, &n, &e),
                      ERROR_INVALID_STATE);
    ck_assert_contains(cause(e), "eaphost_auth_start");
    rx(id, resp(0, 1, "alice"), ERROR_INVALID_STATE, EAPHOST_AUTH_DISCARD);
    ck_assert_uint_eq(eaphost_auth_get_result(id, &r, &e),
                      ERROR_INVALID_STATE);
    ck_assert_str_eq(cause(e), "no outcome yet");
    ck_assert_uint_eq(eaphost_auth_get_attributes(id, &attrs, &e),
                      ERROR_INVALID_STATE);
    ck_assert_str_eq(cause(e), "the method's session has not begun");
    ck_assert_uint_eq(fstats().begin_session, 0);

    x = start_ok(id);
    packet_is(id, mk(1, x, 1, "", 0));
    ck_assert_uint_eq(eaphost_auth_start(id, &p, &n, &e), ERROR_INVALID_STATE);
    ck_assert_str_eq(cause(e), "the session has started already");

    /* Identity: the method's session begins with the password. */
    rx(id, resp(x, 1, "alice"), ERROR_SUCCESS, EAPHOST_AUTH_SEND);
    packet_is(id, challenge((BYTE)(x + 1), FIXTURE_TYPE, 1));
    st = fstats();
    ck_assert_uint_eq(st.begin_session, 1);
    ck_assert_str_eq(st.last_identity, "alice");
    ck_assert_int_eq(st.last_password_present, 1);
    ck_assert_str_eq(st.last_password, "secret");
    ck_assert_uint_eq(st.last_attribute_count, 1);
    ck_assert_uint_eq(st.last_flags, 0);
    ck_assert_uint_eq(st.last_conn_size, 0);
    ck_assert_uint_eq(st.last_max_send, MAX_SEND);
    ck_assert_uint_eq(st.last_packet_id, (BYTE)(x + 1));

    /* A retransmitted Identity Response now has an old Identifier. */
    rx(id, resp(x, 1, "alice"), ERROR_SUCCESS, EAPHOST_AUTH_DISCARD);
    packet_is(id, challenge((BYTE)(x + 1), FIXTURE_TYPE, 1));

    rx(id, resp((BYTE)(x + 1), FIXTURE_TYPE, "secret"), ERROR_SUCCESS,
       EAPHOST_AUTH_SEND);
    packet_is(id, challenge((BYTE)(x + 2), FIXTURE_TYPE, 2));
    ck_assert_uint_eq(eaphost_auth_get_result(id, &r, &e),
                      ERROR_INVALID_STATE);
    EapHostPeerFreeEapError(e);
    rx(id, resp((BYTE)(x + 2), FIXTURE_TYPE, "secret"), ERROR_SUCCESS,
       EAPHOST_AUTH_SUCCESS);
    packet_is(id, final(EapCodeSuccess, (BYTE)(x + 2)));

    r = result_ok(id);
    ck_assert_int_eq(r.success, TRUE);
    ck_assert_uint_eq(r.failure_reason, 0);
    /* The trailing eatMinimum is not copied. */
    ck_assert_uint_eq(r.attributes.dwNumberOfAttributes, 2);
    ck_assert_int_eq(r.attributes.pAttribs[0].eaType, eatVendorSpecific);
    ck_assert_int_eq(r.attributes.pAttribs[1].eaType, eatVendorSpecific);
    ck_assert_uint_eq(eaphost_msk_from_attributes(&r.attributes, FALSE, msk,
                                                  &msk_len), ERROR_SUCCESS);
    expected_msk("secret", want);
    ck_assert_uint_eq(msk_len, 2 * AUTH_FIXTURE_KEY_LEN);
    ck_assert_mem_eq(msk, want, EAPHOST_MSK_LEN);

    /* After the outcome: discarded, the final packet stays. */
    rx(id, resp((BYTE)(x + 2), FIXTURE_TYPE, "secret"), ERROR_SUCCESS,
       EAPHOST_AUTH_DISCARD);
    packet_is(id, final(EapCodeSuccess, (BYTE)(x + 2)));
    ck_assert_uint_eq(eaphost_auth_set_attributes(id, &r.attributes, &act,
                                                  &e), ERROR_INVALID_STATE);
    ck_assert_int_eq(act, EAPHOST_AUTH_DISCARD);
    EapHostPeerFreeEapError(e);

    c = counters(id);
    ck_assert_uint_eq(c.packets_received, 5);
    ck_assert_uint_eq(c.requests_sent, 3);
    ck_assert_uint_eq(c.discarded, 2);
    ck_assert_uint_eq(c.remote_invalid_packets, 0);
    ck_assert_uint_eq(c.last_discard_code, ERROR_INVALID_STATE);

    ck_assert_uint_eq(fstats().live_sessions, 1);
    end_ok(id);
    ck_assert_uint_eq(m->auth.users, 0);
    st = fstats();
    ck_assert_uint_eq(st.live_sessions, 0);
    ck_assert_uint_eq(st.end_session, 1);
    ck_assert_uint_eq(st.initialize, 1);
    ck_assert_uint_eq(st.shutdown, 0);
    uninit();
    st = fstats();
    ck_assert_uint_eq(st.shutdown, 1);
    ck_assert_uint_eq(st.dll_attach, 1);
    ck_assert_uint_eq(st.dll_detach, 1);
}
END_TEST

START_TEST(test_auth_wrong_and_unknown)
{
    EAP_SESSIONID id;
    BYTE x;
    eaphost_auth_result r;

    init();
    /* Wrong password: the method decides after its rounds. */
    id = begin_ok(&t_good);
    x = start_ok(id);
    rx(id, resp(x, 1, "alice"), ERROR_SUCCESS, EAPHOST_AUTH_SEND);
    rx(id, resp((BYTE)(x + 1), FIXTURE_TYPE, "guess"), ERROR_SUCCESS,
       EAPHOST_AUTH_SEND);
    rx(id, resp((BYTE)(x + 2), FIXTURE_TYPE, "secret"), ERROR_SUCCESS,
       EAPHOST_AUTH_FAILURE);
    packet_is(id, final(EapCodeFailure, (BYTE)(x + 2)));
    r = result_ok(id);
    ck_assert_int_eq(r.success, FALSE);
    ck_assert_uint_eq(r.failure_reason, EAP_E_USER_NAME_PASSWORD_REJECTED);
    ck_assert_uint_eq(r.attributes.dwNumberOfAttributes, 0);
    ck_assert_ptr_null(r.attributes.pAttribs);
    end_ok(id);

    /* Unknown identity: no password attribute at all. */
    id = begin_ok(&t_good);
    x = start_ok(id);
    rx(id, resp(x, 1, "mallory"), ERROR_SUCCESS, EAPHOST_AUTH_SEND);
    ck_assert_str_eq(fstats().last_identity, "mallory");
    ck_assert_int_eq(fstats().last_password_present, 0);
    ck_assert_uint_eq(fstats().last_attribute_count, 0);
    rx(id, resp((BYTE)(x + 1), FIXTURE_TYPE, ""), ERROR_SUCCESS,
       EAPHOST_AUTH_SEND);
    rx(id, resp((BYTE)(x + 2), FIXTURE_TYPE, ""), ERROR_SUCCESS,
       EAPHOST_AUTH_FAILURE);
    r = result_ok(id);
    ck_assert_int_eq(r.success, FALSE);
    ck_assert_uint_eq(r.failure_reason, EAP_E_EAPHOST_IDENTITY_UNKNOWN);
    end_ok(id);

    /* An empty identity is unknown too; an empty password is a password. */
    add_user("empty", "");
    id = begin_ok(&t_good);
    x = start_ok(id);
    rx(id, resp(x, 1, ""), ERROR_SUCCESS, EAPHOST_AUTH_SEND);
    ck_assert_int_eq(fstats().last_password_present, 0);
    end_ok(id);
    id = begin_ok(&t_good);
    x = start_ok(id);
    rx(id, resp(x, 1, "empty"), ERROR_SUCCESS, EAPHOST_AUTH_SEND);
    ck_assert_int_eq(fstats().last_password_present, 1);
    ck_assert_str_eq(fstats().last_password, "");
    end_ok(id);
}
END_TEST

START_TEST(test_auth_discards)
{
    EAP_SESSIONID id;
    BYTE x;
    struct pkt p;
    eaphost_auth_counters c;

    init();
    id = begin_ok(&t_good);
    x = start_ok(id);
    /* Malformed: counted as invalid. */
    p = resp(x, 1, "alice");
    rx(id, (struct pkt){ .b = { 2, x, 0 }, .n = 3 }, ERROR_SUCCESS,
       EAPHOST_AUTH_DISCARD);                               /* < 4 bytes */
    p.n = 9;
    rx(id, p, ERROR_SUCCESS, EAPHOST_AUTH_DISCARD);         /* Length > size */
    rx(id, mk(2, x, -1, "", 0), ERROR_SUCCESS, EAPHOST_AUTH_DISCARD);
    rx(id, mk(1, x, 1, "alice", 5), ERROR_SUCCESS, EAPHOST_AUTH_DISCARD);
    rx(id, mk(3, x, -1, "", 0), ERROR_SUCCESS, EAPHOST_AUTH_DISCARD);
    rx(id, mk(7, x, 1, "", 0), ERROR_SUCCESS, EAPHOST_AUTH_DISCARD);
    rx(id, resp(x, 4, "alice"), ERROR_SUCCESS, EAPHOST_AUTH_DISCARD);
    rx(id, resp(x, 1, "\xff"), ERROR_SUCCESS, EAPHOST_AUTH_DISCARD);
    rx(id, mk(2, x, 1, "a\0b", 3), ERROR_SUCCESS, EAPHOST_AUTH_DISCARD);
    p = mk(2, x, 254, "", 0);
    p.n = 11;
    p.b[3] = 11;
    rx(id, p, ERROR_SUCCESS, EAPHOST_AUTH_DISCARD);         /* short 254 */
    c = counters(id);
    ck_assert_uint_eq(c.remote_invalid_packets, 10);
    ck_assert_uint_eq(c.discarded, 10);
    ck_assert_uint_eq(c.last_discard_code, EAP_E_EAPHOST_REMOTE_INVALID_PACKET);
    /* Another Identifier: discarded, not invalid. */
    rx(id, resp((BYTE)(x + 1), 1, "alice"), ERROR_SUCCESS,
       EAPHOST_AUTH_DISCARD);
    c = counters(id);
    ck_assert_uint_eq(c.remote_invalid_packets, 10);
    ck_assert_uint_eq(c.discarded, 11);
    ck_assert_uint_eq(c.last_discard_code, ERROR_INVALID_DATA);
    ck_assert_uint_eq(fstats().begin_session, 0);
    packet_is(id, mk(1, x, 1, "", 0));

    /* Bytes past the Length never reach the method. */
    p = resp(x, 1, "alice");
    memcpy(p.b + p.n, "GARBAGE", 7);
    p.n += 7;
    rx(id, p, ERROR_SUCCESS, EAPHOST_AUTH_SEND);
    ck_assert_str_eq(fstats().last_identity, "alice");
    /* In the method's phase: another type is invalid. */
    rx(id, resp((BYTE)(x + 1), 4, "secret"), ERROR_SUCCESS,
       EAPHOST_AUTH_DISCARD);
    rx(id, resp((BYTE)(x + 1), 1, "alice"), ERROR_SUCCESS,
       EAPHOST_AUTH_DISCARD);
    ck_assert_uint_eq(counters(id).remote_invalid_packets, 12);
    ck_assert_uint_eq(fstats().receive_packet, 0);
    p = resp((BYTE)(x + 1), FIXTURE_TYPE, "secret");
    memcpy(p.b + p.n, "XYZ", 3);
    p.n += 3;
    rx(id, p, ERROR_SUCCESS, EAPHOST_AUTH_SEND);
    ck_assert_uint_eq(fstats().receive_packet, 1);
    end_ok(id);
}
END_TEST

START_TEST(test_auth_nak)
{
    EAP_SESSIONID id;
    BYTE x, proposal = 4;
    eaphost_auth_result r;

    init();
    id = begin_ok(&t_good);
    x = start_ok(id);
    rx(id, resp(x, 1, "alice"), ERROR_SUCCESS, EAPHOST_AUTH_SEND);
    rx(id, mk(2, (BYTE)(x + 1), 3, &proposal, 1), ERROR_SUCCESS,
       EAPHOST_AUTH_FAILURE);
    packet_is(id, final(EapCodeFailure, (BYTE)(x + 1)));
    r = result_ok(id);
    ck_assert_int_eq(r.success, FALSE);
    ck_assert_uint_eq(r.failure_reason, EAP_I_EAPHOST_EAP_NEGOTIATION_FAILED);
    ck_assert_uint_eq(fstats().receive_packet, 0);
    end_ok(id);
    ck_assert_uint_eq(fstats().end_session, 1);

    /* An Expanded Nak (type 254, vendor 0, vendor type 3). */
    id = begin_ok(&t_exp);
    x = start_ok(id);
    rx(id, resp(x, 1, "alice"), ERROR_SUCCESS, EAPHOST_AUTH_SEND);
    rx(id, mk(2, (BYTE)(x + 1), -1, (BYTE[]){ 254, 0, 0, 0, 0, 0, 0, 3 }, 8),
       ERROR_SUCCESS, EAPHOST_AUTH_FAILURE);
    ck_assert_uint_eq(result_ok(id).failure_reason,
                      EAP_I_EAPHOST_EAP_NEGOTIATION_FAILED);
    end_ok(id);
}
END_TEST

START_TEST(test_auth_expanded)
{
    EAP_SESSIONID id;
    BYTE x;
    struct pkt p;

    init();
    id = begin_ok(&t_exp);
    x = start_ok(id);
    rx(id, resp(x, 1, "alice"), ERROR_SUCCESS, EAPHOST_AUTH_SEND);
    packet_is(id, challenge((BYTE)(x + 1), 254, 1));
    /* Another vendor type is not the method's. */
    p = resp((BYTE)(x + 1), 254, "secret");
    p.b[11] = FIXTURE_VENDOR_TYPE + 1;
    rx(id, p, ERROR_SUCCESS, EAPHOST_AUTH_DISCARD);
    ck_assert_uint_eq(counters(id).remote_invalid_packets, 1);
    rx(id, resp((BYTE)(x + 1), 254, "secret"), ERROR_SUCCESS,
       EAPHOST_AUTH_SEND);
    rx(id, resp((BYTE)(x + 2), 254, "secret"), ERROR_SUCCESS,
       EAPHOST_AUTH_SUCCESS);
    end_ok(id);
}
END_TEST

/* A script in the identity makes the method misbehave. */
static const struct misbehaviour {
    const char *identity;       /* with ";rounds=..." etc. */
    bool at_identity;           /* fails on the Identity Response */
    DWORD rc;
    const char *why;
} misbehaviours[] = {
    { "m;bad=code", true, EAP_E_EAPHOST_METHOD_INVALID_PACKET,
      "EapMethodAuthenticatorSendPacket: request Code is not 1 (Request)" },
    { "m;bad=id", true, EAP_E_EAPHOST_METHOD_INVALID_PACKET,
      "EapMethodAuthenticatorSendPacket: request Identifier is not the one "
      "the host gave" },
    { "m;bad=length", true, EAP_E_EAPHOST_METHOD_INVALID_PACKET,
      "EapMethodAuthenticatorSendPacket: request Length field differs from "
      "the size returned" },
    { "m;bad=type", true, EAP_E_EAPHOST_METHOD_INVALID_PACKET,
      "EapMethodAuthenticatorSendPacket: request Type is not the method's "
      "type" },
    { "m;bad=oversize", true, EAP_E_EAPHOST_METHOD_INVALID_PACKET,
      "EapMethodAuthenticatorSendPacket: request of 1401 bytes exceeds the "
      "maximum send size 1400" },
    { "m;begin_fail=1", true, ERROR_INVALID_DATA, "begin refused by script" },
    { "m;what=1", true, ERROR_INVALID_PARAMETER, "script: bad item 'what=1'" },
    { "m;action=3", false, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
      "the method answered with action RESPOND, which this authenticator "
      "host does not support" },
    { "m;action=4", false, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
      "action AUTHENTICATE" },
    { "m;action=5", false, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
      "action HANDLE_IDENTITY" },
    { "m;action=99", false, EAP_E_EAPHOST_METHOD_INVALID_PACKET,
      "the method returned action 99, outside the "
      "EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION range" },
    { "m;unset=1", false, EAP_E_EAPHOST_METHOD_INVALID_PACKET,
      "the method returned action 4294967295" },
    { "m;receive_fail=1", false, ERROR_INVALID_DATA,
      "ReceivePacket refused by script" },
    { "m;send_fail=1", false, ERROR_INVALID_DATA,
      "SendPacket refused by script" },
    { "m;result_fail=1;rounds=1", false, ERROR_INVALID_DATA,
      "GetResult refused by script" },
};

START_TEST(test_auth_method_misbehaves)
{
    const struct misbehaviour *m = &misbehaviours[_i];
    EAP_SESSIONID id;
    BYTE x, last;
    eaphost_auth_result r;

    init();
    add_user(m->identity, "pw");
    id = begin_ok(&t_good);
    x = start_ok(id);
    if (m->at_identity) {
        rx_fail(id, resp(x, 1, m->identity), m->rc, m->why);
        last = x;
    } else {
        rx(id, resp(x, 1, m->identity), ERROR_SUCCESS, EAPHOST_AUTH_SEND);
        rx_fail(id, resp((BYTE)(x + 1), FIXTURE_TYPE, "pw"), m->rc, m->why);
        last = (BYTE)(x + 1);
    }
    /* The session failed cleanly: Failure ready, a failure result. */
    packet_is(id, final(EapCodeFailure, last));
    r = result_ok(id);
    ck_assert_int_eq(r.success, FALSE);
    ck_assert_uint_eq(r.failure_reason, m->rc);
    rx(id, resp(last, FIXTURE_TYPE, "pw"), ERROR_SUCCESS,
       EAPHOST_AUTH_DISCARD);
    end_ok(id);
    /* The method's EAP_ERRORs went back through its FreeErrorMemory. */
    ck_assert_uint_eq(fcommon().bad_frees, 0);
}
END_TEST

START_TEST(test_auth_method_discards)
{
    EAP_SESSIONID id;
    BYTE x;
    eaphost_auth_counters c;

    init();
    add_user("d;discard=1;rounds=1", "pw");
    id = begin_ok(&t_good);
    x = start_ok(id);
    rx(id, resp(x, 1, "d;discard=1;rounds=1"), ERROR_SUCCESS,
       EAPHOST_AUTH_SEND);
    rx(id, resp((BYTE)(x + 1), FIXTURE_TYPE, "pw"), ERROR_SUCCESS,
       EAPHOST_AUTH_DISCARD);
    c = counters(id);
    ck_assert_uint_eq(c.discarded, 1);
    ck_assert_uint_eq(c.remote_invalid_packets, 0);
    ck_assert_uint_eq(c.last_discard_code, ERROR_SUCCESS);
    /* The Request stays available for a retransmission. */
    packet_is(id, challenge((BYTE)(x + 1), FIXTURE_TYPE, 1));
    rx(id, resp((BYTE)(x + 1), FIXTURE_TYPE, "pw"), ERROR_SUCCESS,
       EAPHOST_AUTH_SUCCESS);
    end_ok(id);
}
END_TEST

START_TEST(test_auth_attributes)
{
    EAP_SESSIONID id;
    BYTE x;
    EapAttributes attrs = { 0, NULL };
    EAP_ATTRIBUTE in[3] = {
        { eatReplyMessage, 2, (BYTE *)"hi" },
        { eatUserName, 1, (BYTE *)"u" },
        { eatMinimum, 0, NULL },
    };
    EapAttributes given = { 3, in };
    EapAttributes bad = { 1, NULL };
    eaphost_auth_action a;
    EAP_ERROR *e = NULL;

    init();
    id = begin_ok(&t_good);
    x = start_ok(id);
    ck_assert_uint_eq(eaphost_auth_set_attributes(id, &given, &a, &e),
                      ERROR_INVALID_STATE);
    ck_assert_str_eq(cause(e), "the method is not waiting for a Response");
    rx(id, resp(x, 1, "alice"), ERROR_SUCCESS, EAPHOST_AUTH_SEND);

    ck_assert_uint_eq(eaphost_auth_get_attributes(id, &attrs, &e),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_uint_eq(attrs.dwNumberOfAttributes, 1);
    ck_assert_int_eq(attrs.pAttribs[0].eaType, eatReplyMessage);
    ck_assert_uint_eq(attrs.pAttribs[0].dwLength, 12);
    ck_assert_mem_eq(attrs.pAttribs[0].pValue, "fixture-auth", 12);

    bad.dwNumberOfAttributes = 1;
    ck_assert_uint_eq(eaphost_auth_set_attributes(id, &bad, &a, &e),
                      ERROR_INVALID_PARAMETER);
    ck_assert_str_eq(cause(e), "implausible attribute array");
    /* SetAttributes answers SEND: the same challenge, a new Identifier;
     * the method saw the attributes without the eatMinimum. */
    ck_assert_uint_eq(eaphost_auth_set_attributes(id, &given, &a, &e),
                      ERROR_SUCCESS);
    ck_assert_int_eq(a, EAPHOST_AUTH_SEND);
    ck_assert_uint_eq(fstats().last_set_attribute_count, 2);
    packet_is(id, challenge((BYTE)(x + 2), FIXTURE_TYPE, 1));
    rx(id, resp((BYTE)(x + 1), FIXTURE_TYPE, "secret"), ERROR_SUCCESS,
       EAPHOST_AUTH_DISCARD);
    rx(id, resp((BYTE)(x + 2), FIXTURE_TYPE, "secret"), ERROR_SUCCESS,
       EAPHOST_AUTH_SEND);
    rx(id, resp((BYTE)(x + 3), FIXTURE_TYPE, "secret"), ERROR_SUCCESS,
       EAPHOST_AUTH_SUCCESS);
    /* GetAttributes still answers until the method's session ends. */
    ck_assert_uint_eq(eaphost_auth_get_attributes(id, &attrs, &e),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(attrs.dwNumberOfAttributes, 1);
    end_ok(id);
}
END_TEST

START_TEST(test_auth_db_reference)
{
    EAP_SESSIONID id;
    BYTE x;
    eaphost_user_db *mine = NULL;

    init();
    ck_assert_uint_eq(eaphost_user_db_new(&mine), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_user_db_add(mine, "zoe", "z"), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_auth_begin(t_good, mine, MAX_SEND, &id, NULL),
                      ERROR_SUCCESS);
    /* Held by a session: not changed any more. */
    ck_assert_uint_eq(eaphost_user_db_add(mine, "zack", "z"),
                      ERROR_INVALID_STATE);
    /* The caller lets go; the session keeps its reference. */
    eaphost_user_db_free(mine);
    x = start_ok(id);
    rx(id, resp(x, 1, "zoe"), ERROR_SUCCESS, EAPHOST_AUTH_SEND);
    ck_assert_str_eq(fstats().last_password, "z");
    end_ok(id);
}
END_TEST

START_TEST(test_auth_uninitialize_ends_sessions)
{
    EAP_SESSIONID a, b;
    BYTE x;
    struct auth_fixture_stats st;

    init();
    a = begin_ok(&t_good);
    b = begin_ok(&t_good);
    x = start_ok(b);
    rx(b, resp(x, 1, "alice"), ERROR_SUCCESS, EAPHOST_AUTH_SEND);
    ck_assert_uint_eq(fstats().live_sessions, 1);
    /* A nested Initialize only counts. */
    init();
    uninit();
    ck_assert_uint_eq(counters(b).requests_sent, 2);
    uninit();
    st = fstats();
    ck_assert_uint_eq(st.end_session, 1);
    ck_assert_uint_eq(st.live_sessions, 0);
    ck_assert_uint_eq(st.shutdown, 1);
    ck_assert_uint_eq(st.dll_detach, 1);
    init();
    all_calls_refuse(a);
    all_calls_refuse(b);
}
END_TEST

/* Both halves of type 202 are one library: one ATTACH, one DETACH. */
START_TEST(test_shared_library)
{
    EAP_SESSIONID peer, auth;
    struct auth_fixture_stats st;

    init();
    ck_assert_uint_eq(EapHostPeerBeginSession(0, t_pair, NULL, NULL, 0, NULL,
                                              0, NULL, MAX_SEND, NULL, NULL,
                                              NULL, &peer, NULL),
                      ERROR_SUCCESS);
    auth = begin_ok(&t_pair);
    st = fstats();
    ck_assert_uint_eq(st.dll_attach, 1);
    ck_assert_uint_eq(st.get_info, 1);
    ck_assert_uint_eq(st.peer_get_info, 1);
    ck_assert_uint_eq(EapHostPeerEndSession(peer, NULL), ERROR_SUCCESS);
    end_ok(auth);
    uninit();
    st = fstats();
    ck_assert_uint_eq(st.dll_attach, 1);
    ck_assert_uint_eq(st.dll_detach, 1);
    ck_assert_uint_eq(st.shutdown, 1);
}
END_TEST

/* =========================================================================== */
/* MSK                                                                         */
/* =========================================================================== */

/* An MPPE key attribute value in @v (returns its length). */
static DWORD mppe(BYTE *v, BYTE type, BYTE key_len, BYTE fill)
{
    DWORD padded = (DWORD)(1 + key_len + 15) / 16 * 16;
    DWORD total = 8 + padded;

    memset(v, 0, total);
    v[0] = 0; v[1] = 0; v[2] = 0x01; v[3] = 0x37;      /* 311 */
    v[4] = type;
    v[5] = (BYTE)(total - 4);
    v[8] = key_len;
    for (BYTE i = 0; i < key_len; i++)
        v[9 + i] = (BYTE)(fill + i);
    return total;
}

START_TEST(test_msk)
{
    BYTE send[80], recv[80], other[80], msk[EAPHOST_MSK_LEN];
    BYTE want[EAPHOST_MSK_LEN] = { 0 };
    DWORD len = 99;
    EAP_ATTRIBUTE a[5];
    EapAttributes attrs = { 0, a };

    ck_assert_uint_eq(eaphost_msk_from_attributes(NULL, FALSE, msk, &len),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, NULL, &len),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_NOT_FOUND);
    ck_assert_uint_eq(len, 0);

    a[0] = (EAP_ATTRIBUTE){ eatVendorSpecific, mppe(send, 16, 16, 0x10),
                            send };
    a[1] = (EAP_ATTRIBUTE){ eatVendorSpecific, mppe(recv, 17, 16, 0x80),
                            recv };
    /* Another vendor's attribute and another Microsoft type are ignored;
     * so is a value too short to say whose it is. */
    mppe(other, 12, 4, 0);
    a[2] = (EAP_ATTRIBUTE){ eatVendorSpecific, 24, other };
    a[3] = (EAP_ATTRIBUTE){ eatVendorSpecific, 5, (BYTE *)"\0\0\0\0\x10" };
    a[4] = (EAP_ATTRIBUTE){ eatMinimum, 0, NULL };
    attrs.dwNumberOfAttributes = 1;
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_INVALID_DATA);
    attrs.dwNumberOfAttributes = 5;
    ck_assert_uint_eq(send[5], 36);
    ck_assert_uint_eq(a[0].dwLength, 40);

    /* The server's view: Recv || Send. */
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(len, 32);
    for (int i = 0; i < 16; i++) {
        want[i] = (BYTE)(0x80 + i);
        want[16 + i] = (BYTE)(0x10 + i);
    }
    ck_assert_mem_eq(msk, want, EAPHOST_MSK_LEN);
    /* The peer's view: Send || Recv. */
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, TRUE, msk, NULL),
                      ERROR_SUCCESS);
    ck_assert_mem_eq(msk, want + 16, 16);
    ck_assert_mem_eq(msk + 16, want, 16);

    /* Malformed: all zeros out. */
    send[5] = 35;
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_INVALID_DATA);
    ck_assert_uint_eq(len, 0);
    memset(want, 0, sizeof want);
    ck_assert_mem_eq(msk, want, EAPHOST_MSK_LEN);
    send[5] = 36;
    send[8] = 0;                                   /* key length 0 */
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_INVALID_DATA);
    send[8] = 32;                                  /* past the value */
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_INVALID_DATA);
    send[8] = 31;                                  /* just fits */
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(len, 47);
    send[8] = 16;
    a[0].dwLength = 9;                             /* no key byte */
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_INVALID_DATA);
    a[0].dwLength = 40;
    a[2] = a[1];                                   /* Recv twice */
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_INVALID_DATA);
    a[2] = (EAP_ATTRIBUTE){ eatVendorSpecific, 4, NULL };
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_INVALID_DATA);
    a[2] = (EAP_ATTRIBUTE){ eatEMSK, 0, NULL };
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_SUCCESS);
    attrs.pAttribs = NULL;
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_INVALID_DATA);
    attrs.pAttribs = a;

    /* 32-byte keys fill the MSK; one byte more does not fit. */
    a[0].dwLength = mppe(send, 16, 32, 1);
    a[1].dwLength = mppe(recv, 17, 32, 2);
    ck_assert_uint_eq(a[0].dwLength, 56);
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(len, 64);
    ck_assert_uint_eq(msk[0], 2);
    ck_assert_uint_eq(msk[32], 1);
    a[1].dwLength = mppe(recv, 17, 33, 2);
    ck_assert_uint_eq(eaphost_msk_from_attributes(&attrs, FALSE, msk, &len),
                      ERROR_INVALID_DATA);
}
END_TEST

/* =========================================================================== */
/* Loopback                                                                    */
/* =========================================================================== */

static eaphost_loopback_config config(const EAP_METHOD_TYPE *t,
                                      const char *identity,
                                      const char *password)
{
    eaphost_loopback_config c;

    memset(&c, 0, sizeof c);
    c.type = *t;
    c.identity = identity;
    c.password = password;
    c.user_db = db;
    return c;
}

static const char echo_password[] = "echo_password=1";

static eaphost_loopback_config good_config(const char *identity,
                                           const char *password)
{
    eaphost_loopback_config c = config(&t_good, identity, password);
    c.peer_connection_data = (const BYTE *)echo_password;
    c.peer_connection_data_size = sizeof echo_password;
    return c;
}

static eaphost_loopback_result *run_ok(const eaphost_loopback_config *c)
{
    eaphost_loopback_result *r = NULL;
    DWORD rc = eaphost_loopback_run(c, &r);

    ck_assert_ptr_nonnull(r);
    ck_assert_msg(rc == ERROR_SUCCESS, "loopback: 0x%08X: %s", (unsigned)rc,
                  r->error_text ? r->error_text : "");
    ck_assert_ptr_null(r->error_text);
    ck_assert_uint_eq(r->peer.rc, ERROR_SUCCESS);
    ck_assert_uint_eq(r->authenticator.rc, ERROR_SUCCESS);
    ck_assert_int_eq(r->peer.result_known, TRUE);
    ck_assert_int_eq(r->authenticator.result_known, TRUE);
    return r;
}

static void packet_eq(const eaphost_loopback_packet *p,
                      eaphost_loopback_direction direction,
                      struct pkt want)
{
    ck_assert_int_eq(p->direction, direction);
    ck_assert_uint_eq(p->size, want.n);
    ck_assert_mem_eq(p->bytes, want.b, want.n);
}

START_TEST(test_loopback_args)
{
    eaphost_loopback_config c = good_config("alice", "secret");
    eaphost_loopback_result *r = (eaphost_loopback_result *)&c;

    ck_assert_uint_eq(eaphost_loopback_run(NULL, &r),
                      ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(eaphost_loopback_run(&c, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_loopback_run(&c, &r), ERROR_INVALID_STATE);
    ck_assert_ptr_null(r);
    init();
    c.identity = NULL;
    ck_assert_uint_eq(eaphost_loopback_run(&c, &r), ERROR_INVALID_PARAMETER);
    c.identity = "alice";
    c.user_db = NULL;
    ck_assert_uint_eq(eaphost_loopback_run(&c, &r), ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(r);
    c.user_db = db;
    c.max_send = 19;
    ck_assert_uint_eq(eaphost_loopback_run(&c, &r), ERROR_INVALID_PARAMETER);
    c.max_send = 20;
    c.peer_connection_data = NULL;
    ck_assert_uint_eq(eaphost_loopback_run(&c, &r), ERROR_INVALID_PARAMETER);
    c.peer_connection_data_size = 0;
    c.peer_user_data_size = 1;
    ck_assert_uint_eq(eaphost_loopback_run(&c, &r), ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(r);
    /* The smallest maximum send size still carries the conversation. */
    c.peer_user_data_size = 0;
    c.peer_connection_data = (const BYTE *)echo_password;
    c.peer_connection_data_size = sizeof echo_password;
    r = run_ok(&c);
    ck_assert_int_eq(r->authenticator.success, TRUE);
    eaphost_loopback_free(r);
    eaphost_loopback_free(NULL);
}
END_TEST

START_TEST(test_loopback_success)
{
    eaphost_loopback_config c = good_config("alice", "secret");
    eaphost_loopback_result *r;
    BYTE x, want[EAPHOST_MSK_LEN], zeros[EAPHOST_MSK_LEN] = { 0 };

    init();
    r = run_ok(&c);
    ck_assert_int_eq(r->peer.success, TRUE);
    ck_assert_int_eq(r->authenticator.success, TRUE);
    ck_assert_uint_eq(r->peer.failure_reason, 0);
    ck_assert_uint_eq(r->authenticator.failure_reason, 0);
    /* fixture_good gives an EMSK but no MPPE keys. */
    ck_assert_int_eq(r->peer.keys_present, FALSE);
    ck_assert_mem_eq(r->peer.msk, zeros, EAPHOST_MSK_LEN);
    ck_assert_int_eq(r->authenticator.keys_present, TRUE);
    expected_msk("secret", want);
    ck_assert_mem_eq(r->authenticator.msk, want, EAPHOST_MSK_LEN);
    ck_assert_uint_eq(r->authenticator.msk_len, 32);
    ck_assert_int_eq(r->keys_equal, FALSE);

    /* The whole conversation, in order. */
    ck_assert_uint_eq(r->rounds, 3);
    ck_assert_uint_eq(r->packet_count, 7);
    x = r->packets[0].bytes[1];
    packet_eq(&r->packets[0], EAPHOST_LOOPBACK_TO_PEER, mk(1, x, 1, "", 0));
    packet_eq(&r->packets[1], EAPHOST_LOOPBACK_TO_AUTHENTICATOR,
              resp(x, 1, "alice"));
    packet_eq(&r->packets[2], EAPHOST_LOOPBACK_TO_PEER,
              challenge((BYTE)(x + 1), FIXTURE_TYPE, 1));
    packet_eq(&r->packets[3], EAPHOST_LOOPBACK_TO_AUTHENTICATOR,
              resp((BYTE)(x + 1), FIXTURE_TYPE, "secret"));
    packet_eq(&r->packets[4], EAPHOST_LOOPBACK_TO_PEER,
              challenge((BYTE)(x + 2), FIXTURE_TYPE, 2));
    packet_eq(&r->packets[5], EAPHOST_LOOPBACK_TO_AUTHENTICATOR,
              resp((BYTE)(x + 2), FIXTURE_TYPE, "secret"));
    packet_eq(&r->packets[6], EAPHOST_LOOPBACK_TO_PEER,
              final(EapCodeSuccess, (BYTE)(x + 2)));
    eaphost_loopback_free(r);
    /* Both sessions ended. */
    ck_assert_uint_eq(fstats().end_session, 1);
}
END_TEST

START_TEST(test_loopback_wrong_password)
{
    eaphost_loopback_config c = good_config("alice", "guess");
    eaphost_loopback_result *r;

    init();
    r = run_ok(&c);
    ck_assert_int_eq(r->authenticator.success, FALSE);
    ck_assert_uint_eq(r->authenticator.failure_reason,
                      EAP_E_USER_NAME_PASSWORD_REJECTED);
    ck_assert_int_eq(r->peer.success, FALSE);
    ck_assert_uint_eq(r->peer.failure_reason, EAP_E_AUTHENTICATION_FAILED);
    ck_assert_int_eq(r->authenticator.keys_present, FALSE);
    ck_assert_int_eq(r->keys_equal, FALSE);
    ck_assert_uint_eq(r->packet_count, 7);
    ck_assert_uint_eq(r->packets[6].bytes[0], EapCodeFailure);
    ck_assert_str_eq(fstats().last_password, "secret");
    eaphost_loopback_free(r);
}
END_TEST

START_TEST(test_loopback_unknown_identity)
{
    eaphost_loopback_config c = good_config("mallory", "secret");
    eaphost_loopback_result *r;

    init();
    r = run_ok(&c);
    ck_assert_int_eq(r->authenticator.success, FALSE);
    ck_assert_uint_eq(r->authenticator.failure_reason,
                      EAP_E_EAPHOST_IDENTITY_UNKNOWN);
    ck_assert_int_eq(r->peer.success, FALSE);
    ck_assert_int_eq(fstats().last_password_present, 0);
    ck_assert_str_eq(fstats().last_identity, "mallory");
    eaphost_loopback_free(r);
}
END_TEST

START_TEST(test_loopback_echo_and_expanded)
{
    eaphost_loopback_config c = config(&t_good, "bob;echo=1;rounds=4", "x");
    eaphost_loopback_result *r;

    init();
    add_user("bob;echo=1;rounds=4", "stored");
    r = run_ok(&c);
    ck_assert_int_eq(r->peer.success, TRUE);
    ck_assert_int_eq(r->authenticator.success, TRUE);
    ck_assert_uint_eq(r->rounds, 5);
    ck_assert_uint_eq(r->packet_count, 11);
    eaphost_loopback_free(r);

    c = config(&t_exp, "bob;echo=1;rounds=4", "x");
    r = run_ok(&c);
    ck_assert_int_eq(r->peer.success, TRUE);
    ck_assert_int_eq(r->authenticator.success, TRUE);
    ck_assert_uint_eq(r->packets[2].bytes[4], 254);
    eaphost_loopback_free(r);
}
END_TEST

START_TEST(test_loopback_keys_equal)
{
    eaphost_loopback_config c = config(&t_pair, "alice", "secret");
    eaphost_loopback_result *r;
    BYTE want[EAPHOST_MSK_LEN];
    static const char skew[] = "skew=1";

    init();
    r = run_ok(&c);
    ck_assert_int_eq(r->peer.success, TRUE);
    ck_assert_int_eq(r->authenticator.success, TRUE);
    ck_assert_int_eq(r->peer.keys_present, TRUE);
    ck_assert_int_eq(r->authenticator.keys_present, TRUE);
    ck_assert_int_eq(r->keys_equal, TRUE);
    expected_msk("secret", want);
    ck_assert_mem_eq(r->peer.msk, want, EAPHOST_MSK_LEN);
    ck_assert_uint_eq(r->peer.msk_len, 32);
    eaphost_loopback_free(r);
    ck_assert_uint_eq(fstats().peer_set_credentials, 1);

    /* Keys that differ are reported as such. */
    c.peer_connection_data = (const BYTE *)skew;
    c.peer_connection_data_size = sizeof skew - 1;
    r = run_ok(&c);
    ck_assert_int_eq(r->peer.keys_present, TRUE);
    ck_assert_int_eq(r->authenticator.keys_present, TRUE);
    ck_assert_int_eq(r->keys_equal, FALSE);
    eaphost_loopback_free(r);
}
END_TEST

START_TEST(test_loopback_round_limit)
{
    eaphost_loopback_config c = config(&t_good, "dave;echo=1;rounds=9", "x");
    eaphost_loopback_result *r = NULL;

    init();
    c.max_rounds = 3;
    ck_assert_uint_eq(eaphost_loopback_run(&c, &r), ERROR_TIMEOUT);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(r->error_text, "no outcome within 3 rounds (Requests of "
                     "the authenticator)");
    ck_assert_uint_eq(r->rounds, 3);
    /* Identity, two challenges and their Responses. */
    ck_assert_uint_eq(r->packet_count, 6);
    ck_assert_int_eq(r->peer.result_known, FALSE);
    ck_assert_int_eq(r->authenticator.result_known, FALSE);
    ck_assert_uint_eq(r->peer.rc, ERROR_INVALID_STATE);
    ck_assert_uint_eq(r->authenticator.rc, ERROR_INVALID_STATE);
    eaphost_loopback_free(r);
    /* The default limit is 50; 9 rounds fit. */
    c.max_rounds = 0;
    r = run_ok(&c);
    eaphost_loopback_free(r);
}
END_TEST

START_TEST(test_loopback_stalls)
{
    eaphost_loopback_config c = good_config("erin;discard=1", "x");
    eaphost_loopback_result *r = NULL;
    static const char fail_script[] = "process_fail=1";

    init();
    add_user("erin;discard=1", "x");
    ck_assert_uint_eq(eaphost_loopback_run(&c, &r), ERROR_TIMEOUT);
    ck_assert_str_eq(r->error_text, "the exchange stalled: the authenticator "
                     "discarded the peer's Response");
    ck_assert_uint_eq(r->packet_count, 4);
    eaphost_loopback_free(r);

    /* A peer method error ends the run with the peer's code. */
    c = good_config("alice", "secret");
    c.peer_connection_data = (const BYTE *)fail_script;
    c.peer_connection_data_size = sizeof fail_script;
    ck_assert_uint_eq(eaphost_loopback_run(&c, &r), ERROR_INVALID_DATA);
    ck_assert_uint_eq(r->peer.rc, ERROR_INVALID_DATA);
    ck_assert_str_eq(r->peer.error_text, "process refused by script");
    ck_assert_str_eq(r->error_text, "peer: process refused by script");
    ck_assert_int_eq(r->peer.result_known, TRUE);
    ck_assert_int_eq(r->peer.success, FALSE);
    ck_assert_uint_eq(r->authenticator.rc, ERROR_INVALID_STATE);
    eaphost_loopback_free(r);
}
END_TEST

START_TEST(test_loopback_method_error)
{
    eaphost_loopback_config c = good_config("frank;receive_fail=1", "x");
    eaphost_loopback_result *r = NULL;

    init();
    ck_assert_uint_eq(eaphost_loopback_run(&c, &r), ERROR_INVALID_DATA);
    ck_assert_uint_eq(r->authenticator.rc, ERROR_INVALID_DATA);
    ck_assert_str_eq(r->authenticator.error_text,
                     "ReceivePacket refused by script");
    ck_assert_str_eq(r->error_text,
                     "authenticator: ReceivePacket refused by script");
    /* The peer was told: EAP-Failure. */
    ck_assert_uint_eq(r->packet_count, 5);
    ck_assert_uint_eq(r->packets[4].bytes[0], EapCodeFailure);
    ck_assert_int_eq(r->peer.result_known, TRUE);
    ck_assert_int_eq(r->peer.success, FALSE);
    ck_assert_int_eq(r->authenticator.result_known, TRUE);
    ck_assert_uint_eq(r->authenticator.failure_reason, ERROR_INVALID_DATA);
    eaphost_loopback_free(r);
}
END_TEST

START_TEST(test_loopback_not_installed)
{
    eaphost_loopback_config c = config(&t_missing, "alice", "secret");
    eaphost_loopback_result *r = NULL;

    init();
    ck_assert_uint_eq(eaphost_loopback_run(&c, &r),
                      EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_uint_eq(r->authenticator.rc, EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_contains(r->authenticator.error_text, "no method registered");
    ck_assert_contains(r->error_text, "authenticator: no method registered");
    ck_assert_uint_eq(r->peer.rc, ERROR_SUCCESS);
    ck_assert_int_eq(r->peer.result_known, FALSE);
    ck_assert_uint_eq(r->packet_count, 0);
    eaphost_loopback_free(r);

    /* A faulty authenticator half, with its reason. */
    c.type = broken_type(2);
    ck_assert_uint_eq(eaphost_loopback_run(&c, &r),
                      EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_str_eq(r->authenticator.error_text, broken[2].reason);
    eaphost_loopback_free(r);
}
END_TEST

/*
 * True when the failure planned with eh_test_fail_alloc_after(@n) has not
 * happened yet.  Cancels the plan either way.
 */
static bool planned_failure_unused(long n)
{
    bool unused = false;

    for (long i = 0; i <= n && !unused; i++) {
        void *p = eh_malloc(1);
        if (!p)
            unused = true;
        eh_free(p);
    }
    eh_test_fail_alloc_after(-1);
    return unused;
}

/* Every allocation of a loopback fails once: ERROR_NOT_ENOUGH_MEMORY and
 * nothing left over (teardown and valgrind check), or the full result. */
START_TEST(test_loopback_oom)
{
    eaphost_loopback_config c = config(&t_pair, "alice", "secret");
    eaphost_loopback_result *r;
    bool done = false;
    long n;

    init();
    for (n = 0; n < 5000 && !done; n++) {
        r = (eaphost_loopback_result *)&c;
        eh_test_fail_alloc_after(n);
        DWORD rc = eaphost_loopback_run(&c, &r);
        done = planned_failure_unused(n);
        if (rc == ERROR_NOT_ENOUGH_MEMORY) {
            ck_assert_ptr_null(r);
        } else {
            ck_assert_msg(rc == ERROR_SUCCESS, "n=%ld: 0x%08X %s", n,
                          (unsigned)rc, r && r->error_text ? r->error_text
                                                           : "");
            ck_assert_int_eq(r->keys_equal, TRUE);
            eaphost_loopback_free(r);
        }
        ck_assert_int_eq(fstats().live_sessions, 0);
        ck_assert_int_eq(fstats().peer_live_sessions, 0);
    }
    ck_assert_msg(done, "still failing after %ld allocations", n);
    /* The host is still fine. */
    r = run_ok(&c);
    eaphost_loopback_free(r);
}
END_TEST

/* The same with the methods loaded afresh each time (load-time paths). */
START_TEST(test_loopback_oom_cold)
{
    eaphost_loopback_config c = good_config("alice", "secret");
    eaphost_loopback_result *r;
    bool done = false;
    long n;

    for (n = 0; n < 5000 && !done; n++) {
        init();
        r = NULL;
        eh_test_fail_alloc_after(n);
        DWORD rc = eaphost_loopback_run(&c, &r);
        done = planned_failure_unused(n);
        if (rc == ERROR_NOT_ENOUGH_MEMORY) {
            ck_assert_ptr_null(r);
        } else {
            ck_assert_msg(rc == ERROR_SUCCESS, "n=%ld: 0x%08X %s", n,
                          (unsigned)rc, r && r->error_text ? r->error_text
                                                           : "");
            ck_assert_int_eq(r->authenticator.success, TRUE);
            eaphost_loopback_free(r);
        }
        uninit();
    }
    ck_assert_msg(done, "still failing after %ld allocations", n);
}
END_TEST

/* =========================================================================== */
/* The bundled plugins, when built                                             */
/* =========================================================================== */

static const EAP_METHOD_TYPE t_md5 = { { 4, 0, 0 }, 0 };
static const EAP_METHOD_TYPE t_gtc = { { 6, 0, 0 }, 0 };
static const EAP_METHOD_TYPE t_mschapv2 = { { 26, 0, 0 }, 311 };

/* Use the build tree's registry of the bundled plugins (built before the
 * tests by `make check`): a missing file is a failure, not a skip. */
static bool bundled_registry(const char *file)
{
    char path[PATH_MAX];
    struct stat st;

    snprintf(path, sizeof path, "%s/plugins/methods.d/%s", tu_builddir(),
             file);
    ck_assert_msg(stat(path, &st) == 0, "%s is not built", path);
    snprintf(path, sizeof path, "%s/plugins/methods.d", tu_builddir());
    ck_assert_uint_eq(eaphost_set_methods_dir(path), ERROR_SUCCESS);
    init();
    return true;
}

/* Right password, wrong password, unknown identity. */
static void three_runs(const EAP_METHOD_TYPE *t, bool keys)
{
    eaphost_loopback_config c = config(t, "alice", "secret");
    eaphost_loopback_result *r;

    r = run_ok(&c);
    ck_assert_msg(r->peer.success && r->authenticator.success,
                  "type %u: peer %d, authenticator %d (0x%08X)",
                  t->eapType.type, r->peer.success, r->authenticator.success,
                  (unsigned)r->authenticator.failure_reason);
    ck_assert_int_eq(r->keys_equal, keys ? TRUE : FALSE);
    ck_assert_int_eq(r->authenticator.keys_present, keys ? TRUE : FALSE);
    if (keys)
        ck_assert_uint_eq(r->peer.msk_len, 32);
    ck_assert_uint_eq(r->packets[r->packet_count - 1].bytes[0],
                      EapCodeSuccess);
    eaphost_loopback_free(r);

    c.password = "wrong";
    r = run_ok(&c);
    ck_assert_int_eq(r->peer.success, FALSE);
    ck_assert_int_eq(r->authenticator.success, FALSE);
    ck_assert_uint_eq(r->authenticator.failure_reason,
                      EAP_E_USER_NAME_PASSWORD_REJECTED);
    ck_assert_uint_eq(r->packets[r->packet_count - 1].bytes[0],
                      EapCodeFailure);
    eaphost_loopback_free(r);

    c.identity = "nobody";
    c.password = "secret";
    r = run_ok(&c);
    ck_assert_int_eq(r->peer.success, FALSE);
    ck_assert_int_eq(r->authenticator.success, FALSE);
    ck_assert_uint_eq(r->authenticator.failure_reason,
                      EAP_E_EAPHOST_IDENTITY_UNKNOWN);
    eaphost_loopback_free(r);
}

START_TEST(test_plugin_md5)
{
    if (bundled_registry("md5.json"))
        three_runs(&t_md5, false);
}
END_TEST

START_TEST(test_plugin_gtc)
{
    if (bundled_registry("gtc.json"))
        three_runs(&t_gtc, false);
}
END_TEST

START_TEST(test_plugin_mschapv2)
{
    if (bundled_registry("mschapv2.json"))
        three_runs(&t_mschapv2, true);
}
END_TEST

/* ---- the suite ---------------------------------------------------------------- */

static Suite *suite(void)
{
    Suite *s = suite_create("authenticator");
    TCase *tc;

    tc = tcase_create("user_db");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_db_build);
    tcase_add_test(tc, test_db_load_good);
    tcase_add_loop_test(tc, test_db_load_bad, 0,
                        (int)(sizeof bad_dbs / sizeof bad_dbs[0]));
    tcase_add_test(tc, test_db_load_long_identity);
    tcase_add_test(tc, test_db_load_files);
    tcase_add_test(tc, test_db_load_oom);
    suite_add_tcase(s, tc);

    tc = tcase_create("sessions");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_auth_before_init);
    tcase_add_test(tc, test_auth_unknown_ids);
    tcase_add_test(tc, test_auth_not_installed);
    tcase_add_loop_test(tc, test_auth_faulty, 0, (int)BROKEN_COUNT);
    tcase_add_test(tc, test_auth_not_a_library);
    tcase_add_test(tc, test_auth_conversation);
    tcase_add_test(tc, test_auth_wrong_and_unknown);
    tcase_add_test(tc, test_auth_discards);
    tcase_add_test(tc, test_auth_nak);
    tcase_add_test(tc, test_auth_expanded);
    tcase_add_loop_test(tc, test_auth_method_misbehaves, 0,
                        (int)(sizeof misbehaviours / sizeof misbehaviours[0]));
    tcase_add_test(tc, test_auth_method_discards);
    tcase_add_test(tc, test_auth_attributes);
    tcase_add_test(tc, test_auth_db_reference);
    tcase_add_test(tc, test_auth_uninitialize_ends_sessions);
    tcase_add_test(tc, test_shared_library);
    suite_add_tcase(s, tc);

    tc = tcase_create("msk");
    tcase_add_test(tc, test_msk);
    suite_add_tcase(s, tc);

    tc = tcase_create("loopback");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_loopback_args);
    tcase_add_test(tc, test_loopback_success);
    tcase_add_test(tc, test_loopback_wrong_password);
    tcase_add_test(tc, test_loopback_unknown_identity);
    tcase_add_test(tc, test_loopback_echo_and_expanded);
    tcase_add_test(tc, test_loopback_keys_equal);
    tcase_add_test(tc, test_loopback_round_limit);
    tcase_add_test(tc, test_loopback_stalls);
    tcase_add_test(tc, test_loopback_method_error);
    tcase_add_test(tc, test_loopback_not_installed);
    tcase_add_test(tc, test_loopback_oom);
    tcase_add_test(tc, test_loopback_oom_cold);
    suite_add_tcase(s, tc);

    tc = tcase_create("plugins");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_plugin_md5);
    tcase_add_test(tc, test_plugin_gtc);
    tcase_add_test(tc, test_plugin_mschapv2);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
