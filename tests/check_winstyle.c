/*
 * check_winstyle.c - a method written for Windows (tests/fixtures/
 * winstyle_method.c: <windows.h> first, a heap made in DllMain, strsafe,
 * wide printf, code pages, rtutils tracing), built with nothing but the
 * eaphost-windows module's flags, registered and run through the host.
 *
 *   - the peer half through the EapHostPeer* API against a scripted
 *     authenticator written here (Identity, one method round, Success),
 *     with a non-ASCII password, so that the method's UTF-16 handling is
 *     checked against an independent computation;
 *   - both halves against each other through the authenticator host
 *     (eaphost_loopback_run), right and wrong password;
 *   - the method's self-test of the Windows layer (it runs in its
 *     Initialize; a failure makes it faulty with the failing line);
 *   - trace output: on stderr with EAPHOST_TRACE_METHODS, nowhere without.
 *
 * The plugin is tests/fixtures/.libs/winstyle_method.so (the C build), or
 * the file named by WINSTYLE_PLUGIN: tests/check-winstyle-cxx.sh runs this
 * suite again on the C++ builds (g++ and clang++).
 */
#include "config.h"

#include "testutil.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <eappapis.h>
#include <eaphost/authenticator.h>
#include <eaphost/eaphost.h>
#include <eaphost/trace.h>

#define WS_VENDOR 32473u
#define WS_VENDOR_TYPE 2u
#define WS_AUTHOR 32473u
#define MAX_SEND 1020u

/* UTF-8 "pässwörd𝄞": Latin-1 letters and a character outside the BMP. */
#define PASSWORD "p\xc3\xa4ssw\xc3\xb6rd\xf0\x9d\x84\x9e"
#define IDENTITY "alice"
#define CHALLENGE "nonce-test"

static char dir[512];
static char plugin[1024];

static EAP_METHOD_TYPE ws_type(void)
{
    EAP_METHOD_TYPE t;

    memset(&t, 0, sizeof(t));
    t.eapType.type = 254;
    t.eapType.dwVendorId = WS_VENDOR;
    t.eapType.dwVendorType = WS_VENDOR_TYPE;
    t.dwAuthorId = WS_AUTHOR;
    return t;
}

static void setup(void)
{
    const char *p = getenv("WINSTYLE_PLUGIN");
    char json[4096];
    char path[PATH_MAX];

    if (p && *p)
        snprintf(plugin, sizeof(plugin), "%s", p);
    else
        tu_fixture_path(plugin, sizeof(plugin), "winstyle_method");
    ck_assert_msg(access(plugin, R_OK) == 0, "plugin %s missing", plugin);
    tu_mkdtemp(dir, sizeof(dir));
    snprintf(json, sizeof(json),
             "{\n  \"AuthorId\": %u,\n  \"TypeId\": 254,\n"
             "  \"VendorId\": %u,\n  \"VendorType\": %u,\n"
             "  \"PeerDllPath\": \"%s\",\n"
             "  \"PeerFriendlyName\": \"Windows-style method\",\n"
             "  \"PeerInvokeUsernameDialog\": 1,\n"
             "  \"PeerInvokePasswordDialog\": 1,\n"
             "  \"AuthenticatorDllPath\": \"%s\",\n"
             "  \"AuthenticatorFriendlyName\": \"Windows-style method\"\n}\n",
             WS_AUTHOR, WS_VENDOR, WS_VENDOR_TYPE, plugin, plugin);
    tu_write_file(dir, "winstyle.json", json, path, sizeof(path));
    ck_assert_int_eq(chmod(path, 0644), 0);
    ck_assert_int_eq(chmod(dir, 0755), 0);
    ck_assert_uint_eq(eaphost_set_methods_dir(dir), ERROR_SUCCESS);
}

static void teardown(void)
{
    eaphost_set_methods_dir(NULL);
    tu_rmtree(dir);
}

/* The method's checksum, computed here without the Windows layer. */
static uint32_t checksum(const char *password_utf8, const char *challenge)
{
    WCHAR *w = NULL;
    size_t n = 0, i;
    uint32_t h = 2166136261u;
    const unsigned char *b;

    ck_assert_uint_eq(eaphost_utf8_to_utf16(password_utf8, (size_t)-1, &w, &n),
                      ERROR_SUCCESS);
    b = (const unsigned char *)w;
    for (i = 0; i < n * sizeof(WCHAR); i++)
        h = (h ^ b[i]) * 16777619u;
    for (i = 0; challenge[i]; i++)
        h = (h ^ (unsigned char)challenge[i]) * 16777619u;
    eaphost_free(w);
    return h;
}

static char *fault_of_method(void)
{
    eaphost_method_entry *m = NULL;
    DWORD count = 0, i;
    char *why = NULL;

    ck_assert_uint_eq(eaphost_list_methods(TRUE, &m, &count), ERROR_SUCCESS);
    for (i = 0; i < count; i++)
        if (m[i].type.eapType.dwVendorType == WS_VENDOR_TYPE &&
            m[i].state != EAPHOST_METHOD_READY)
            why = strdup(m[i].fault_reason ? m[i].fault_reason : "not ready");
    eaphost_free_method_list(m, count);
    return why;
}

/* One packet into the peer; returns the action, copies any response. */
static EapHostPeerResponseAction to_peer(EAP_SESSIONID id, const BYTE *pkt, DWORD n,
                                         BYTE *resp, DWORD *resp_n)
{
    EapHostPeerResponseAction action = EapHostPeerResponseDiscard;
    EAP_ERROR *err = NULL;
    BYTE *out = NULL;

    ck_assert_uint_eq(EapHostPeerProcessReceivedPacket(id, n, pkt, &action, &err),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(err);
    if (action == EapHostPeerResponseSend) {
        ck_assert_uint_eq(EapHostPeerGetSendPacket(id, resp_n, &out, &err), ERROR_SUCCESS);
        memcpy(resp, out, *resp_n);
    }
    return action;
}

/* Identity, one method round, Success: the peer half through the host. */
static void run_peer_authentication(void)
{
    static const BYTE identity_req[] = { 1, 7, 0, 5, 1 };
    BYTE challenge_req[64], success[] = { 3, 8, 0, 4 }, resp[1024];
    EAP_METHOD_TYPE type = ws_type();
    EapHostPeerMethodResult result;
    EAP_SESSIONID id = 0;
    EAP_ERROR *err = NULL;
    DWORD n = 0, len = 12 + sizeof(CHALLENGE) - 1;
    char expect[256];
    int expect_len;

    ck_assert_uint_eq(EapHostPeerInitialize(), ERROR_SUCCESS);
    {
        char *why = fault_of_method();

        ck_assert_msg(why == NULL, "method faulty: %s", why ? why : "");
    }
    ck_assert_uint_eq(EapHostPeerBeginSession(0, type, NULL, NULL, 0, NULL, 0, NULL,
                                              MAX_SEND, NULL, NULL, NULL, &id, &err),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(err);
    ck_assert_uint_eq(eaphost_session_set_credentials(id, IDENTITY, PASSWORD),
                      ERROR_SUCCESS);

    ck_assert_int_eq(to_peer(id, identity_req, sizeof(identity_req), resp, &n),
                     EapHostPeerResponseSend);
    ck_assert_uint_eq(n, 5 + strlen(IDENTITY));
    ck_assert_int_eq(memcmp(resp + 5, IDENTITY, strlen(IDENTITY)), 0);

    memcpy(challenge_req, (const BYTE[]){ 1, 8, 0, (BYTE)len, 254, 0, 0x7e, 0xd9, 0, 0, 0,
                                          WS_VENDOR_TYPE },
           12);
    memcpy(challenge_req + 12, CHALLENGE, sizeof(CHALLENGE) - 1);
    ck_assert_int_eq(to_peer(id, challenge_req, len, resp, &n), EapHostPeerResponseSend);
    expect_len = snprintf(expect, sizeof(expect), "%s:%s:%08X", IDENTITY, CHALLENGE,
                          checksum(PASSWORD, CHALLENGE));
    ck_assert_uint_eq(n, 12 + (DWORD)expect_len);
    ck_assert_int_eq(resp[0], 2);
    ck_assert_int_eq(resp[1], 8);
    ck_assert_msg(memcmp(resp + 12, expect, (size_t)expect_len) == 0,
                  "response '%.*s', expected '%s'", (int)(n - 12), (char *)resp + 12,
                  expect);

    ck_assert_int_eq(to_peer(id, success, sizeof(success), resp, &n),
                     EapHostPeerResponseResult);
    memset(&result, 0, sizeof(result));
    ck_assert_uint_eq(EapHostPeerGetResult(id, EapHostPeerMethodResultFromMethod, &result,
                                           &err),
                      ERROR_SUCCESS);
    ck_assert_int_eq(result.fIsSuccess, TRUE);
    ck_assert_uint_eq(EapHostPeerEndSession(id, &err), ERROR_SUCCESS);
    /* The last Uninitialize unloads the method: DllMain(DETACH) destroys
     * the heap its DllMain(ATTACH) made. */
    EapHostPeerUninitialize();
}

START_TEST(test_peer_authentication)
{
    run_peer_authentication();
}
END_TEST

/* Loaded twice in a row: DllMain's heap is made and destroyed each time. */
START_TEST(test_reload)
{
    run_peer_authentication();
    run_peer_authentication();
}
END_TEST

START_TEST(test_self_test_of_both_halves)
{
    eaphost_method_entry *m = NULL;
    DWORD count = 0, i, found = 0;

    ck_assert_uint_eq(EapHostPeerInitialize(), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_list_methods(TRUE, &m, &count), ERROR_SUCCESS);
    for (i = 0; i < count; i++) {
        if (m[i].type.eapType.dwVendorType != WS_VENDOR_TYPE)
            continue;
        found++;
        ck_assert_msg(m[i].state == EAPHOST_METHOD_READY, "faulty: %s",
                      m[i].fault_reason ? m[i].fault_reason : "?");
        ck_assert_ptr_nonnull(m[i].authenticator_dll_path);
    }
    eaphost_free_method_list(m, count);
    ck_assert_uint_eq(found, 1);
    EapHostPeerUninitialize();
}
END_TEST

static void run_loopback(const char *peer_password, BOOL expect_success)
{
    eaphost_loopback_config cfg;
    eaphost_loopback_result *res = NULL;
    eaphost_user_db *db = NULL;
    DWORD rc;

    ck_assert_uint_eq(EapHostPeerInitialize(), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_user_db_new(&db), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_user_db_add(db, IDENTITY, PASSWORD), ERROR_SUCCESS);
    memset(&cfg, 0, sizeof(cfg));
    cfg.type = ws_type();
    cfg.identity = IDENTITY;
    cfg.password = peer_password;
    cfg.user_db = db;
    rc = eaphost_loopback_run(&cfg, &res);
    ck_assert_ptr_nonnull(res);
    ck_assert_msg(rc == ERROR_SUCCESS, "loopback: %s (%s; peer %s; authenticator %s)",
                  eaphost_error_name(rc), res->error_text ? res->error_text : "",
                  res->peer.error_text ? res->peer.error_text : "",
                  res->authenticator.error_text ? res->authenticator.error_text : "");
    ck_assert_int_eq(res->peer.result_known, TRUE);
    ck_assert_int_eq(res->authenticator.result_known, TRUE);
    ck_assert_int_eq(res->authenticator.success, expect_success);
    ck_assert_int_eq(res->peer.success, expect_success);
    ck_assert_uint_eq(res->rounds, 2);      /* Identity and the challenge */
    eaphost_loopback_free(res);
    eaphost_user_db_free(db);
    EapHostPeerUninitialize();
}

START_TEST(test_loopback_success)
{
    run_loopback(PASSWORD, TRUE);
}
END_TEST

START_TEST(test_loopback_wrong_password)
{
    run_loopback("pa\xc3\x9f" "word", FALSE);
}
END_TEST

/* Run one authentication with stderr in a file; return what it got. */
static char *stderr_of_authentication(void)
{
    char path[sizeof(dir) + 16];
    int saved, fd;
    FILE *f;
    long size;
    char *text;

    snprintf(path, sizeof(path), "%s/stderr.txt", dir);
    fflush(stderr);
    saved = dup(STDERR_FILENO);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ck_assert_int_ge(saved, 0);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_ge(dup2(fd, STDERR_FILENO), 0);
    close(fd);
    run_peer_authentication();
    fflush(stderr);
    ck_assert_int_ge(dup2(saved, STDERR_FILENO), 0);
    close(saved);
    f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    rewind(f);
    text = calloc(1, (size_t)size + 1);
    ck_assert_ptr_nonnull(text);
    ck_assert_uint_eq(fread(text, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    unlink(path);
    return text;
}

START_TEST(test_trace_routing)
{
    char *text;

    setenv("EAPHOST_TRACE_METHODS", "1", 1);
    text = stderr_of_authentication();
    unsetenv("EAPHOST_TRACE_METHODS");
    ck_assert_msg(strstr(text, "[eaphost-trace winstyle] attached (64-bit)") ||
                  strstr(text, "[eaphost-trace winstyle] attached (32-bit)"), "%s", text);
    ck_assert_msg(strstr(text, "[eaphost-trace winstyle] credentials for alice\n"), "%s",
                  text);
    ck_assert_msg(strstr(text, "[eaphost-trace winstyle] challenge nonce-test (10 bytes)\n"),
                  "%s", text);
    ck_assert_msg(strstr(text, "[eaphost-trace winstyle] self-test: narrow and wide\n"),
                  "%s", text);
    ck_assert_msg(strstr(text, "[eaphost-trace winstyle] self-test: wide and narrow\n"),
                  "%s", text);
    ck_assert_msg(strstr(text, "[eaphost-trace winstyle] detaching, 0 sessions open\n"),
                  "%s", text);
    free(text);

    text = stderr_of_authentication();
    ck_assert_msg(strstr(text, "eaphost-trace") == NULL, "traced without the variable: %s",
                  text);
    free(text);
}
END_TEST

/* The method's TracePrintf messages also reach the host's own trace. */
static char host_trace[8192];

static void collect_trace(void *context, const char *json)
{
    (void)context;
    if (strstr(json, "\"event\":\"method_trace\"") &&
        strlen(host_trace) + strlen(json) + 2 < sizeof(host_trace)) {
        strcat(host_trace, json);
        strcat(host_trace, "\n");
    }
}

START_TEST(test_trace_reaches_host_trace)
{
    char *text;

    host_trace[0] = '\0';
    ck_assert_uint_eq(eaphost_set_trace(collect_trace, NULL, 0),
                      ERROR_SUCCESS);
    text = stderr_of_authentication();
    ck_assert_uint_eq(eaphost_set_trace(NULL, NULL, 0), ERROR_SUCCESS);
    /* Not on stderr without the variable, but in the host's trace. */
    ck_assert_msg(strstr(text, "eaphost-trace") == NULL, "%s", text);
    free(text);
    ck_assert_msg(strstr(host_trace, "\"source\":\"winstyle\",\"text\":"
                                     "\"credentials for alice\"") != NULL,
                  "%s", host_trace);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("winstyle");
    TCase *tc = tcase_create("winstyle");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_self_test_of_both_halves);
    tcase_add_test(tc, test_peer_authentication);
    tcase_add_test(tc, test_reload);
    tcase_add_test(tc, test_loopback_success);
    tcase_add_test(tc, test_loopback_wrong_password);
    tcase_add_test(tc, test_trace_routing);
    tcase_add_test(tc, test_trace_reaches_host_trace);
    suite_add_tcase(s, tc);
    unsetenv("EAPHOST_TRACE_METHODS");
    return tu_run(s);
}
