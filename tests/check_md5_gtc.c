/*
 * check_md5_gtc.c - the bundled EAP-MD5 and EAP-GTC plugins, tested the way
 * a host uses them: dlopen(RTLD_NOW) the built shared object, resolve its
 * exports, and drive the peer half against the authenticator half in
 * memory.  Also unit tests of the shared helpers in plugins/common.
 *
 * Built like a Windows-style caller (-fshort-wchar), so L"..." literals are
 * UTF-16.  Each EAP_ERROR and buffer a plugin returns is counted when it
 * arrives and when it goes back through the plugin's own free function;
 * the counts must balance.  Run under valgrind (tests/valgrind-wrapper.sh)
 * and built with -fsanitize=address, this also proves that the plugins
 * free everything they allocate and read nothing outside the packets: each
 * packet is handed over in a heap buffer of exactly its size.
 *
 * Plugin paths: $top_builddir/plugins/{md5,gtc}/.libs/{md5,gtc}.so.
 */
#define _GNU_SOURCE 1

#include <dlfcn.h>

#include <nettle/md5.h>

#include <eapmethodpeerapis.h>
#include <eapmethodauthenticatorapis.h>
#include <eaphosterror.h>

#include "method_util.h"
#include "testutil.h"

/* ---- the plugin under test ----------------------------------------------- */

typedef DWORD (*peer_get_info_fn)(EAP_TYPE *, EAP_PEER_METHOD_ROUTINES *,
                                  EAP_ERROR **);
typedef VOID (*free_fn)(void *);
typedef VOID (*free_err_fn)(EAP_ERROR *);
typedef DWORD (*query_fields_fn)(HANDLE, EAP_METHOD_TYPE, DWORD, DWORD, BYTE *,
                                 EAP_CONFIG_INPUT_FIELD_ARRAY *, EAP_ERROR **);
typedef DWORD (*query_blob_fn)(HANDLE, EAP_METHOD_TYPE, DWORD, DWORD, BYTE *,
                               const EAP_CONFIG_INPUT_FIELD_ARRAY *, DWORD *,
                               BYTE **, EAP_ERROR **);
typedef DWORD (*auth_get_info_fn)(EAP_METHOD_TYPE *,
                                  EAP_AUTHENTICATOR_METHOD_ROUTINES *,
                                  EAP_ERROR **);

struct plugin {
    const char *name;
    BYTE type;
    void *dl;
    EAP_METHOD_TYPE mtype;
    peer_get_info_fn peer_get_info;
    free_fn peer_free;
    free_err_fn peer_free_err;
    query_fields_fn query_fields;
    query_blob_fn query_blob;
    auth_get_info_fn auth_get_info;
    free_fn auth_free;
    free_err_fn auth_free_err;
    EAP_PEER_METHOD_ROUTINES pr;
    EAP_AUTHENTICATOR_METHOD_ROUTINES ar;
};

static struct plugin plugins[2] = {
    { .name = "md5", .type = 4 },
    { .name = "gtc", .type = 6 },
};
#define MD5 (&plugins[0])
#define GTC (&plugins[1])

/* Buffers and errors handed out by a plugin and not yet given back. */
static long outstanding;

static void *sym(struct plugin *p, const char *name)
{
    void *f = dlsym(p->dl, name);

    ck_assert_msg(f != NULL, "%s: %s not exported", p->name, name);
    return f;
}

static void load(struct plugin *p)
{
    char path[PATH_MAX];
    EAP_ERROR *e = NULL;

    snprintf(path, sizeof path, "%s/plugins/%s/.libs/%s.so", tu_builddir(),
             p->name, p->name);
    p->dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    ck_assert_msg(p->dl != NULL, "dlopen %s: %s", path, dlerror());
    p->peer_get_info = (peer_get_info_fn)sym(p, "EapPeerGetInfo");
    p->peer_free = (free_fn)sym(p, "EapPeerFreeMemory");
    p->peer_free_err = (free_err_fn)sym(p, "EapPeerFreeErrorMemory");
    p->query_fields = (query_fields_fn)sym(p, "EapPeerQueryCredentialInputFields");
    p->query_blob = (query_blob_fn)sym(p, "EapPeerQueryUserBlobFromCredentialInputFields");
    p->auth_get_info = (auth_get_info_fn)sym(p, "EapMethodAuthenticatorGetInfo");
    p->auth_free = (free_fn)sym(p, "EapMethodAuthenticatorFreeMemory");
    p->auth_free_err = (free_err_fn)sym(p, "EapMethodAuthenticatorFreeErrorMemory");
    memset(&p->mtype, 0, sizeof(p->mtype));
    p->mtype.eapType.type = p->type;
    ck_assert_uint_eq(p->peer_get_info(&p->mtype.eapType, &p->pr, &e),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_uint_eq(p->auth_get_info(&p->mtype, &p->ar, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
}

static void setup(void)
{
    outstanding = 0;
    load(MD5);
    load(GTC);
}

static void teardown(void)
{
    ck_assert_int_eq(outstanding, 0);
    dlclose(MD5->dl);
    dlclose(GTC->dl);
}

/* Count a returned error and give it back through the right function. */
static void release_err(struct plugin *p, EAP_ERROR *e, int auth)
{
    if (!e)
        return;
    outstanding++;
    (auth ? p->auth_free_err : p->peer_free_err)(e);
    outstanding--;
}

/* The call failed with @code and an EAP_ERROR saying exactly @reason. */
static void expect_err_fn(struct plugin *p, DWORD rc, EAP_ERROR *e,
                          DWORD code, const char *reason, int auth)
{
    char *text;

    ck_assert_msg(rc == code, "%s: got 0x%08X, want 0x%08X", p->name,
                  (unsigned)rc, (unsigned)code);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->dwWinError, code);
    ck_assert_uint_eq(e->type.eapType.type, p->type);
    ck_assert_ptr_nonnull(e->pRootCauseString);
    text = mu_wide_to_utf8(e->pRootCauseString);
    ck_assert_ptr_nonnull(text);
    ck_assert_str_eq(text, reason);
    free(text);
    release_err(p, e, auth);
}

static void expect_ok_fn(struct plugin *p, DWORD rc, EAP_ERROR *e, int auth)
{
    char *text = e && e->pRootCauseString ?
        mu_wide_to_utf8(e->pRootCauseString) : NULL;

    ck_assert_msg(rc == ERROR_SUCCESS && e == NULL, "%s: 0x%08X %s", p->name,
                  (unsigned)rc, text ? text : "");
    free(text);
}

/*
 * The call is made first, then its error pointer read (function arguments
 * are evaluated in no set order).
 */
#define expect_ok(p, call, e, auth) \
    do { \
        DWORD rc_ = (call); \
        expect_ok_fn((p), rc_, (e), (auth)); \
    } while (0)
#define expect_err(p, call, e, code, reason, auth) \
    do { \
        DWORD rc_ = (call); \
        expect_err_fn((p), rc_, (e), (code), (reason), (auth)); \
    } while (0)

/* ---- sessions -------------------------------------------------------------- */

static EAP_SESSION_HANDLE peer_begin(struct plugin *p, BYTE *user,
                                     DWORD user_size)
{
    EAP_SESSION_HANDLE h = NULL;
    EAP_ERROR *e = NULL;

    expect_ok(p, p->pr.EapPeerBeginSession(0, NULL, NULL, 0, NULL, user_size,
                                           user, 1400, &h, &e), e, 0);
    ck_assert_ptr_nonnull(h);
    return h;
}

static void peer_set_credentials(struct plugin *p, EAP_SESSION_HANDLE h,
                                 const char *user, const char *password)
{
    WCHAR *wu = mu_utf8_to_wide(user), *wp = mu_utf8_to_wide(password);
    EAP_ERROR *e = NULL;

    ck_assert_ptr_nonnull(wu);
    ck_assert_ptr_nonnull(wp);
    expect_ok(p, p->pr.EapPeerSetCredentials(h, wu, wp, &e), e, 0);
    free(wu);
    free(wp);
}

static void peer_end(struct plugin *p, EAP_SESSION_HANDLE h)
{
    EAP_ERROR *e = NULL;

    expect_ok(p, p->pr.EapPeerEndSession(h, &e), e, 0);
}

/* An authenticator session; @password NULL: the identity is unknown. */
static EAP_SESSION_HANDLE auth_begin(struct plugin *p, const char *user,
                                     const char *password, int null_attrs)
{
    EAP_ATTRIBUTE a[3];
    EapAttributes attrs = { 0, a };
    EAP_SESSION_HANDLE h = NULL;
    EAP_ERROR *e = NULL;
    WCHAR *wu = mu_utf8_to_wide(user);

    memset(a, 0, sizeof a);
    a[attrs.dwNumberOfAttributes].eaType = eatUserName;
    a[attrs.dwNumberOfAttributes].dwLength = (DWORD)strlen(user);
    a[attrs.dwNumberOfAttributes++].pValue = (BYTE *)user;
    if (password) {
        a[attrs.dwNumberOfAttributes].eaType = eatClearTextPassword;
        a[attrs.dwNumberOfAttributes].dwLength = (DWORD)strlen(password);
        a[attrs.dwNumberOfAttributes++].pValue = (BYTE *)password;
    }
    a[attrs.dwNumberOfAttributes++].eaType = eatMinimum;
    expect_ok(p, p->ar.EapMethodAuthenticatorBeginSession(
                     0, wu, null_attrs ? NULL : &attrs, 0, NULL, 1400, &h, &e),
              e, 1);
    ck_assert_ptr_nonnull(h);
    free(wu);
    return h;
}

static void auth_end(struct plugin *p, EAP_SESSION_HANDLE h)
{
    EAP_ERROR *e = NULL;

    expect_ok(p, p->ar.EapMethodAuthenticatorEndSession(h, &e), e, 1);
}

/* The authenticator's next Request, with Identifier @id, into @buf. */
static DWORD auth_send(struct plugin *p, EAP_SESSION_HANDLE h, BYTE id,
                       BYTE *buf, DWORD cap)
{
    EAP_AUTHENTICATOR_SEND_TIMEOUT t = (EAP_AUTHENTICATOR_SEND_TIMEOUT)99;
    EAP_ERROR *e = NULL;
    DWORD n = cap;

    expect_ok(p, p->ar.EapMethodAuthenticatorSendPacket(h, id, &n,
                                                        (EapPacket *)buf, &t, &e),
              e, 1);
    ck_assert_uint_ge(n, 5);
    ck_assert_uint_le(n, cap);
    ck_assert_uint_eq(buf[0], EapCodeRequest);
    ck_assert_uint_eq(buf[1], id);
    ck_assert_uint_eq(mu_be16(buf + 2), n);
    ck_assert_uint_eq(buf[4], p->type);
    ck_assert(t == EAP_AUTHENTICATOR_SEND_TIMEOUT_BASIC ||
              t == EAP_AUTHENTICATOR_SEND_TIMEOUT_INTERACTIVE);
    return n;
}

/* Feed @n bytes (copied into a buffer of exactly that size) to ReceivePacket. */
static EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION
auth_receive(struct plugin *p, EAP_SESSION_HANDLE h, const BYTE *pkt, DWORD n)
{
    EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION a =
        (EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION)99;
    BYTE *copy = malloc(n ? n : 1);
    EAP_ERROR *e = NULL;

    ck_assert_ptr_nonnull(copy);
    memcpy(copy, pkt, n);
    expect_ok(p, p->ar.EapMethodAuthenticatorReceivePacket(
                     h, n, (const EapPacket *)copy, &a, &e), e, 1);
    free(copy);
    return a;
}

static EAP_METHOD_AUTHENTICATOR_RESULT auth_result(struct plugin *p,
                                                   EAP_SESSION_HANDLE h)
{
    EAP_METHOD_AUTHENTICATOR_RESULT r;
    EAP_ERROR *e = NULL;

    memset(&r, 0xA5, sizeof r);
    expect_ok(p, p->ar.EapMethodAuthenticatorGetResult(h, &r, &e), e, 1);
    ck_assert_ptr_null(r.pAuthAttribs);
    return r;
}

/*
 * Give a Request (copied into a buffer of exactly @n bytes, so that any
 * read past it is caught by valgrind or ASan) to the peer.  Returns the
 * rc; *errp gets the error.
 */
static DWORD peer_process(struct plugin *p, EAP_SESSION_HANDLE h,
                          const BYTE *pkt, DWORD n,
                          EapPeerMethodOutput *out, EAP_ERROR **errp)
{
    BYTE *copy = malloc(n ? n : 1);
    DWORD rc;

    ck_assert_ptr_nonnull(copy);
    memcpy(copy, pkt, n);
    out->action = (EapPeerMethodResponseAction)99;
    out->fAllowNotifications = 99;
    *errp = NULL;
    rc = p->pr.EapPeerProcessRequestPacket(h, n, (EapPacket *)copy, out, errp);
    free(copy);
    return rc;
}

static DWORD peer_respond(struct plugin *p, EAP_SESSION_HANDLE h,
                          const BYTE *req, DWORD n, BYTE *resp, DWORD cap)
{
    EapPeerMethodOutput out;
    EAP_ERROR *e;
    DWORD size = cap;

    expect_ok(p, peer_process(p, h, req, n, &out, &e), e, 0);
    ck_assert_int_eq(out.action, EapPeerMethodResponseActionSend);
    ck_assert_int_eq(out.fAllowNotifications, TRUE);
    expect_ok(p, p->pr.EapPeerGetResponsePacket(h, &size, (EapPacket *)resp,
                                                &e), e, 0);
    ck_assert_uint_ge(size, 5);
    ck_assert_uint_le(size, cap);
    ck_assert_uint_eq(resp[0], EapCodeResponse);
    ck_assert_uint_eq(resp[1], req[1]);
    ck_assert_uint_eq(mu_be16(resp + 2), size);
    ck_assert_uint_eq(resp[4], p->type);
    return size;
}

static EapPeerMethodResult peer_result(struct plugin *p, EAP_SESSION_HANDLE h,
                                       EapPeerMethodResultReason reason)
{
    EapPeerMethodResult r;
    EAP_ERROR *e = NULL;

    memset(&r, 0, sizeof r);
    expect_ok(p, p->pr.EapPeerGetResult(h, reason, &r, &e), e, 0);
    ck_assert_ptr_null(r.pAttribArray);
    return r;
}

/* ---- credential fields and the user blob ---------------------------------- */

/* The user blob for @user / @password through the method's own exports. */
static BYTE *blob_from_fields(struct plugin *p, const char *user,
                              const char *password, DWORD *size)
{
    EAP_CONFIG_INPUT_FIELD_ARRAY fields, filled;
    EAP_CONFIG_INPUT_FIELD_DATA f[2];
    WCHAR *wu = mu_utf8_to_wide(user), *wp = mu_utf8_to_wide(password);
    EAP_ERROR *e = NULL;
    BYTE *blob = NULL;

    memset(&fields, 0xA5, sizeof fields);
    expect_ok(p, p->query_fields(NULL, p->mtype, 0, 0, NULL, &fields, &e), e, 0);
    outstanding++;
    ck_assert_uint_eq(fields.dwNumberOfFields, 2);
    memcpy(f, fields.pFields, sizeof f);
    f[0].pwszData = wu;
    f[1].pwszData = wp;
    filled.dwVersion = fields.dwVersion;
    filled.dwNumberOfFields = 2;
    filled.pFields = f;
    *size = 0;
    expect_ok(p, p->query_blob(NULL, p->mtype, 0, 0, NULL, &filled, size,
                               &blob, &e), e, 0);
    ck_assert_ptr_nonnull(blob);
    outstanding++;
    p->peer_free(fields.pFields);
    outstanding--;
    free(wu);
    free(wp);
    return blob;
}

static void free_blob(struct plugin *p, BYTE *blob)
{
    p->peer_free(blob);
    outstanding--;
}

/* ---- one whole authentication in memory ------------------------------------ */

enum cred_mode { CRED_SET, CRED_BLOB };

struct outcome {
    BOOL auth_ok;
    DWORD auth_reason;
    BOOL peer_ok;
    DWORD peer_reason;
};

static struct outcome authenticate(struct plugin *p, enum cred_mode mode,
                                   const char *user, const char *peer_pw,
                                   const char *server_pw, int null_attrs)
{
    BYTE req[1500], resp[1500], *blob = NULL;
    EAP_SESSION_HANDLE ph, ah;
    EAP_METHOD_AUTHENTICATOR_RESULT ar;
    EapPeerMethodResult pr;
    struct outcome o;
    DWORD blob_size = 0, n, m;
    BYTE id = 0x42;
    int rounds = 0;

    ah = auth_begin(p, user, server_pw, null_attrs);
    if (mode == CRED_BLOB)
        blob = blob_from_fields(p, user, peer_pw, &blob_size);
    ph = peer_begin(p, blob, blob_size);
    if (blob)
        free_blob(p, blob);
    if (mode == CRED_SET)
        peer_set_credentials(p, ph, user, peer_pw);
    for (;;) {
        EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION a;

        ck_assert_int_lt(rounds++, 4);
        n = auth_send(p, ah, id, req, sizeof req);
        m = peer_respond(p, ph, req, n, resp, sizeof resp);
        a = auth_receive(p, ah, resp, m);
        if (a == EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT)
            break;
        ck_assert_int_eq(a, EAP_METHOD_AUTHENTICATOR_RESPONSE_SEND);
        id++;
    }
    ar = auth_result(p, ah);
    o.auth_ok = ar.fIsSuccess;
    o.auth_reason = ar.dwFailureReason;
    pr = peer_result(p, ph, ar.fIsSuccess ? EapPeerMethodResultSuccess
                                          : EapPeerMethodResultFailure);
    o.peer_ok = pr.fIsSuccess;
    o.peer_reason = pr.dwFailureReasonCode;
    peer_end(p, ph);
    auth_end(p, ah);
    return o;
}

/* ---- both methods: loop tests, _i = 0 EAP-MD5, 1 EAP-GTC ------------------ */

START_TEST(test_right_password)
{
    struct plugin *p = &plugins[_i];
    struct outcome o;

    o = authenticate(p, CRED_SET, "alice", "s3cret", "s3cret", 0);
    ck_assert_int_eq(o.auth_ok, TRUE);
    ck_assert_int_eq(o.peer_ok, TRUE);
    o = authenticate(p, CRED_BLOB, "alice", "s3cret", "s3cret", 0);
    ck_assert_int_eq(o.auth_ok, TRUE);
    ck_assert_int_eq(o.peer_ok, TRUE);
    /* Non-ASCII, with a character outside the BMP (a surrogate pair). */
    o = authenticate(p, CRED_SET, "J\xc3\xbcrgen",
                     "p\xc3\xa4ss\xe2\x82\xac\xf0\x9f\x98\x80",
                     "p\xc3\xa4ss\xe2\x82\xac\xf0\x9f\x98\x80", 0);
    ck_assert_int_eq(o.auth_ok, TRUE);
    o = authenticate(p, CRED_BLOB, "J\xc3\xbcrgen",
                     "p\xc3\xa4ss\xe2\x82\xac\xf0\x9f\x98\x80",
                     "p\xc3\xa4ss\xe2\x82\xac\xf0\x9f\x98\x80", 0);
    ck_assert_int_eq(o.auth_ok, TRUE);
}
END_TEST

START_TEST(test_wrong_password)
{
    struct plugin *p = &plugins[_i];
    struct outcome o;
    int mode;

    for (mode = CRED_SET; mode <= CRED_BLOB; mode++) {
        o = authenticate(p, (enum cred_mode)mode, "alice", "s3cret",
                         "s3creT", 0);
        ck_assert_int_eq(o.auth_ok, FALSE);
        ck_assert_uint_eq(o.auth_reason, EAP_E_USER_NAME_PASSWORD_REJECTED);
        ck_assert_int_eq(o.peer_ok, FALSE);
        ck_assert_uint_eq(o.peer_reason, EAP_E_USER_NAME_PASSWORD_REJECTED);
        /* A prefix of the right password is wrong too. */
        o = authenticate(p, (enum cred_mode)mode, "alice", "s3cre", "s3cret", 0);
        ck_assert_int_eq(o.auth_ok, FALSE);
        o = authenticate(p, (enum cred_mode)mode, "alice", "", "s3cret", 0);
        ck_assert_int_eq(o.auth_ok, FALSE);
    }
}
END_TEST

START_TEST(test_unknown_identity)
{
    struct plugin *p = &plugins[_i];
    struct outcome o;

    /* No eatClearTextPassword among the attributes. */
    o = authenticate(p, CRED_SET, "mallory", "s3cret", NULL, 0);
    ck_assert_int_eq(o.auth_ok, FALSE);
    ck_assert_uint_eq(o.auth_reason, EAP_E_EAPHOST_IDENTITY_UNKNOWN);
    ck_assert_int_eq(o.peer_ok, FALSE);
    /* No attribute array at all; an empty password does not match either. */
    o = authenticate(p, CRED_BLOB, "mallory", "", NULL, 1);
    ck_assert_int_eq(o.auth_ok, FALSE);
    ck_assert_uint_eq(o.auth_reason, EAP_E_EAPHOST_IDENTITY_UNKNOWN);
}
END_TEST

/* Many authentications: every buffer and error handed out comes back
 * (teardown checks the count; valgrind and LeakSanitizer check the rest). */
START_TEST(test_repeated_balanced)
{
    struct plugin *p = &plugins[_i];
    int k;

    for (k = 0; k < 20; k++) {
        authenticate(p, CRED_SET, "alice", "s3cret", "s3cret", 0);
        authenticate(p, CRED_BLOB, "alice", "s3cret", "wrong", 0);
        authenticate(p, CRED_BLOB, "bob", "s3cret", NULL, 0);
        ck_assert_int_eq(outstanding, 0);
    }
}
END_TEST

START_TEST(test_get_info_wrong_type)
{
    struct plugin *p = &plugins[_i];
    const char *reason = _i == 0 ? "EAP-MD5 implements EAP type 4 only"
                                 : "EAP-GTC implements EAP type 6 only";
    EAP_PEER_METHOD_ROUTINES pr;
    EAP_AUTHENTICATOR_METHOD_ROUTINES ar;
    EAP_METHOD_TYPE t;
    EAP_ERROR *e = NULL;
    BYTE wrong[] = { 1, 3, 5, 26, 254 };
    size_t k;

    for (k = 0; k < sizeof wrong; k++) {
        memset(&t, 0, sizeof t);
        t.eapType.type = wrong[k];
        expect_err(p, p->peer_get_info(&t.eapType, &pr, &e), e,
                   ERROR_NOT_SUPPORTED, reason, 0);
        e = NULL;
        expect_err(p, p->auth_get_info(&t, &ar, &e), e, ERROR_NOT_SUPPORTED,
                   reason, 1);
        e = NULL;
    }
    /* The right type with a vendor is not this method either. */
    memset(&t, 0, sizeof t);
    t.eapType.type = p->type;
    t.eapType.dwVendorId = 311;
    expect_err(p, p->peer_get_info(&t.eapType, &pr, &e), e,
               ERROR_NOT_SUPPORTED, reason, 0);
    e = NULL;
    expect_err(p, p->auth_get_info(&t, &ar, &e), e, ERROR_NOT_SUPPORTED,
               reason, 1);
    e = NULL;
    expect_err(p, p->peer_get_info(NULL, &pr, &e), e, ERROR_INVALID_PARAMETER,
               "NULL type or routines", 0);
    /* No error pointer: the code alone. */
    ck_assert_uint_eq(p->peer_get_info(&t.eapType, &pr, NULL),
                      ERROR_NOT_SUPPORTED);
}
END_TEST

START_TEST(test_routines_and_exports)
{
    struct plugin *p = &plugins[_i];

    ck_assert_uint_eq(p->pr.dwVersion, EAPHOST_METHOD_API_VERSION);
    ck_assert_ptr_nonnull(p->pr.pEapType);
    ck_assert_uint_eq(p->pr.pEapType->type, p->type);
    ck_assert_ptr_nonnull(p->pr.EapPeerBeginSession);
    ck_assert_ptr_nonnull(p->pr.EapPeerSetCredentials);
    ck_assert_ptr_nonnull(p->pr.EapPeerGetIdentity);
    ck_assert_ptr_nonnull(p->pr.EapPeerProcessRequestPacket);
    ck_assert_ptr_nonnull(p->pr.EapPeerGetResponsePacket);
    ck_assert_ptr_nonnull(p->pr.EapPeerGetResult);
    ck_assert_ptr_nonnull(p->pr.EapPeerEndSession);
    ck_assert_ptr_null(p->pr.EapPeerGetUIContext);
    ck_assert_ptr_null(p->pr.EapPeerSetUIContext);

    ck_assert_uint_eq(p->ar.dwSizeInBytes, sizeof(p->ar));
    ck_assert_ptr_nonnull(p->ar.pEapType);
    ck_assert_uint_eq(p->ar.pEapType->eapType.type, p->type);
    ck_assert_ptr_nonnull(p->ar.EapMethodAuthenticatorInitialize);
    ck_assert_ptr_nonnull(p->ar.EapMethodAuthenticatorBeginSession);
    ck_assert_ptr_nonnull(p->ar.EapMethodAuthenticatorReceivePacket);
    ck_assert_ptr_nonnull(p->ar.EapMethodAuthenticatorSendPacket);
    ck_assert_ptr_nonnull(p->ar.EapMethodAuthenticatorGetResult);
    ck_assert_ptr_nonnull(p->ar.EapMethodAuthenticatorEndSession);
    ck_assert_ptr_nonnull(p->ar.EapMethodAuthenticatorShutdown);

    /* Only the method entry points are exported: not the SDK's
     * EapMethodAuthenticatorBeginSession (other signature), not helpers. */
    ck_assert_ptr_null(dlsym(p->dl, "EapMethodAuthenticatorBeginSession"));
    ck_assert_ptr_null(dlsym(p->dl, "EapPeerBeginSession"));
    ck_assert_ptr_null(dlsym(p->dl, "mu_set_error"));
    ck_assert_ptr_null(dlsym(p->dl, "md5_digest"));
}
END_TEST

START_TEST(test_initialize_shutdown)
{
    struct plugin *p = &plugins[_i];
    EAP_ERROR *e = NULL;

    expect_ok(p, p->pr.EapPeerInitialize(&e), e, 0);
    expect_ok(p, p->ar.EapMethodAuthenticatorInitialize(&p->mtype, &e), e, 1);
    expect_ok(p, p->ar.EapMethodAuthenticatorShutdown(&p->mtype, &e), e, 1);
    expect_ok(p, p->pr.EapPeerShutdown(&e), e, 0);
}
END_TEST

START_TEST(test_credential_fields)
{
    struct plugin *p = &plugins[_i];
    static const WCHAR user_label[] = L"User name", pass_label[] = L"Password";
    EAP_CONFIG_INPUT_FIELD_ARRAY a;
    EAP_METHOD_TYPE other;
    EAP_ERROR *e = NULL;

    expect_ok(p, p->query_fields(NULL, p->mtype, 0, 0, NULL, &a, &e), e, 0);
    ck_assert_uint_eq(a.dwVersion, EAP_CREDENTIAL_VERSION);
    ck_assert_uint_eq(a.dwNumberOfFields, 2);
    ck_assert_int_eq(a.pFields[0].Type, EapConfigInputUsername);
    ck_assert_uint_eq(a.pFields[0].dwFlagProps,
                      EAP_CONFIG_INPUT_FIELD_PROPS_DEFAULT);
    ck_assert_int_eq(a.pFields[1].Type, EapConfigInputPassword);
    ck_assert_uint_eq(a.pFields[1].dwFlagProps,
                      EAP_CONFIG_INPUT_FIELD_PROPS_NON_DISPLAYABLE);
    ck_assert_uint_eq(a.pFields[0].dwSize, sizeof(a.pFields[0]));
    ck_assert_ptr_null(a.pFields[0].pwszData);
    ck_assert_ptr_null(a.pFields[1].pwszData);
    ck_assert_uint_eq(mu_wcslen(a.pFields[0].pwszLabel), 9);
    ck_assert_int_eq(memcmp(a.pFields[0].pwszLabel, user_label,
                            sizeof user_label), 0);
    ck_assert_int_eq(memcmp(a.pFields[1].pwszLabel, pass_label,
                            sizeof pass_label), 0);
    ck_assert_uint_eq(a.pFields[1].dwMaxDataLength,
                      MAX_EAP_CONFIG_INPUT_FIELD_VALUE_LENGTH);
    p->peer_free(a.pFields);

    other = p->mtype;
    other.eapType.type = 26;
    expect_err(p, p->query_fields(NULL, other, 0, 0, NULL, &a, &e), e,
               ERROR_NOT_SUPPORTED, "not this method's EAP type", 0);
    ck_assert_ptr_null(a.pFields);
}
END_TEST

START_TEST(test_user_blob)
{
    struct plugin *p = &plugins[_i];
    static const BYTE want[] = { 1, 'a', 'l', 'i', 'c', 'e', 0,
                                 'p', 0xC3, 0xA4, 0 };
    EAP_CONFIG_INPUT_FIELD_DATA f[2];
    EAP_CONFIG_INPUT_FIELD_ARRAY a = { 1, 2, f };
    EAP_METHOD_TYPE other = p->mtype;
    EAP_ERROR *e = NULL;
    BYTE *blob, *out = NULL;
    DWORD size, out_size = 7;
    LPWSTR identity = NULL;
    BOOL ui = 7;
    char *u;
    WCHAR lone[] = { 'x', 0xD800, 0 };

    /* The documented layout. */
    blob = blob_from_fields(p, "alice", "p\xc3\xa4", &size);
    ck_assert_uint_eq(size, sizeof want);
    ck_assert_int_eq(memcmp(blob, want, sizeof want), 0);

    /* GetIdentity: the user name, and the user data back. */
    expect_ok(p, p->pr.EapPeerGetIdentity(0, 0, NULL, size, blob, NULL, &ui,
                                          &out_size, &out, &identity, &e),
              e, 0);
    ck_assert_int_eq(ui, FALSE);
    ck_assert_ptr_nonnull(identity);
    u = mu_wide_to_utf8(identity);
    ck_assert_str_eq(u, "alice");
    free(u);
    ck_assert_uint_eq(out_size, size);
    ck_assert_int_eq(memcmp(out, blob, size), 0);
    p->peer_free(identity);
    p->peer_free(out);
    free_blob(p, blob);

    /* No user data: the identity must come from the credentials dialog. */
    identity = (LPWSTR)1;
    expect_ok(p, p->pr.EapPeerGetIdentity(0, 0, NULL, 0, NULL, NULL, &ui,
                                          &out_size, &out, &identity, &e),
              e, 0);
    ck_assert_int_eq(ui, TRUE);
    ck_assert_ptr_null(identity);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(out_size, 0);

    /* Malformed user data. */
    expect_err(p, p->pr.EapPeerGetIdentity(0, 0, NULL, 4,
                                           (const BYTE *)"\2ab", NULL, &ui,
                                           &out_size, &out, &identity, &e),
               e, ERROR_INVALID_DATA, "the user data is not a user blob of "
               "version 1 (version byte, user name, NUL, password, NUL)", 0);
    ck_assert_ptr_null(identity);

    /* Fields: user name missing or empty, password field missing. */
    memset(f, 0, sizeof f);
    f[0].Type = EapConfigInputUsername;
    f[0].pwszData = (WCHAR *)L"";
    f[1].Type = EapConfigInputPassword;
    f[1].pwszData = (WCHAR *)L"pw";
    expect_err(p, p->query_blob(NULL, p->mtype, 0, 0, NULL, &a, &size, &blob,
                                &e), e, ERROR_INVALID_DATA,
               "the user name field is missing or empty", 0);
    ck_assert_ptr_null(blob);
    f[0].pwszData = (WCHAR *)L"bob";
    a.dwNumberOfFields = 1;
    expect_err(p, p->query_blob(NULL, p->mtype, 0, 0, NULL, &a, &size, &blob,
                                &e), e, ERROR_INVALID_DATA,
               "the password field is missing", 0);
    a.dwNumberOfFields = 2;
    f[1].pwszData = lone;
    expect_err(p, p->query_blob(NULL, p->mtype, 0, 0, NULL, &a, &size, &blob,
                                &e), e, ERROR_INVALID_DATA,
               "the user name or password is not valid UTF-16 or is too long",
               0);
    /* A NULL password is an empty one. */
    f[1].pwszData = NULL;
    expect_ok(p, p->query_blob(NULL, p->mtype, 0, 0, NULL, &a, &size, &blob,
                               &e), e, 0);
    ck_assert_uint_eq(size, 6);
    ck_assert_int_eq(memcmp(blob, "\1bob\0\0", 6), 0);
    p->peer_free(blob);
    other.eapType.type = 29;
    expect_err(p, p->query_blob(NULL, other, 0, 0, NULL, &a, &size, &blob,
                                &e), e, ERROR_NOT_SUPPORTED,
               "not this method's EAP type", 0);
}
END_TEST

START_TEST(test_bad_user_data_at_begin)
{
    struct plugin *p = &plugins[_i];
    static const struct { const char *b; DWORD n; } bad[] = {
        { "\1alice\0pw", 9 },           /* no final NUL */
        { "\1alice\0pw\0x", 11 },       /* trailing byte */
        { "\1\0pw\0", 5 },              /* empty user name */
        { "\2alice\0pw\0", 10 },        /* version 2 */
        { "\1al\xc0\x80" "ce\0pw\0", 11 }, /* overlong NUL in the name */
        { "\1alice\0p\xed\xa0\x80\0", 11 }, /* surrogate in the password */
        { "\1", 1 },
        { "\1alice", 6 },
    };
    EAP_SESSION_HANDLE h;
    EAP_ERROR *e;
    size_t k;

    for (k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        BYTE *copy = malloc(bad[k].n);

        memcpy(copy, bad[k].b, bad[k].n);
        h = (EAP_SESSION_HANDLE)1;
        e = NULL;
        expect_err(p, p->pr.EapPeerBeginSession(0, NULL, NULL, 0, NULL,
                                                bad[k].n, copy, 1400, &h, &e),
                   e, ERROR_INVALID_DATA, "the user data is not a user blob "
                   "of version 1 (version byte, user name, NUL, password, "
                   "NUL)", 0);
        ck_assert_ptr_null(h);
        free(copy);
    }
}
END_TEST

START_TEST(test_no_credentials)
{
    struct plugin *p = &plugins[_i];
    BYTE md5_req[] = { 1, 9, 0, 22, 4, 16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                       11, 12, 13, 14, 15, 16 };
    BYTE gtc_req[] = { 1, 9, 0, 7, 6, 'P', ':' };
    EAP_SESSION_HANDLE h = peer_begin(p, NULL, 0);
    EapPeerMethodOutput out;
    EAP_ERROR *e;
    DWORD rc, size = 100;
    BYTE buf[100];

    rc = _i == 0 ? peer_process(p, h, md5_req, sizeof md5_req, &out, &e)
                 : peer_process(p, h, gtc_req, sizeof gtc_req, &out, &e);
    expect_err(p, rc, e, ERROR_INVALID_STATE, "no password: none was given "
               "with EapPeerSetCredentials or in the user data", 0);
    ck_assert_int_eq(out.action, EapPeerMethodResponseActionDiscard);
    e = NULL;
    expect_err(p, p->pr.EapPeerGetResponsePacket(h, &size, (EapPacket *)buf,
                                                 &e), e, ERROR_INVALID_STATE,
               _i == 0 ? "no EAP-MD5 response is pending"
                       : "no EAP-GTC response is pending", 0);
    /* A result without any exchange is a failure. */
    ck_assert_int_eq(peer_result(p, h, EapPeerMethodResultSuccess).fIsSuccess,
                     FALSE);
    peer_end(p, h);
}
END_TEST

START_TEST(test_set_credentials_invalid)
{
    struct plugin *p = &plugins[_i];
    EAP_SESSION_HANDLE h = peer_begin(p, NULL, 0);
    WCHAR bad[] = { 'a', 0xDC00, 'b', 0 };
    EAP_ERROR *e = NULL;

    expect_err(p, p->pr.EapPeerSetCredentials(h, (WCHAR *)L"alice", bad, &e),
               e, ERROR_INVALID_DATA, "the password is not valid UTF-16", 0);
    e = NULL;
    expect_err(p, p->pr.EapPeerSetCredentials(h, bad, (WCHAR *)L"pw", &e),
               e, ERROR_INVALID_DATA, "the identity is not valid UTF-16", 0);
    peer_end(p, h);
}
END_TEST

/* The authenticator discards what is not a well-formed answer to its
 * Request, and then still accepts the right one. */
START_TEST(test_auth_discards_malformed)
{
    struct plugin *p = &plugins[_i];
    EAP_SESSION_HANDLE ah = auth_begin(p, "alice", "pw", 0);
    EAP_SESSION_HANDLE ph = peer_begin(p, NULL, 0);
    BYTE req[100], good[100], bad[100];
    DWORD n, m;

    peer_set_credentials(p, ph, "alice", "pw");
    n = auth_send(p, ah, 7, req, sizeof req);
    m = peer_respond(p, ph, req, n, good, sizeof good);

    memcpy(bad, good, m);
    bad[1] = 8;                                 /* other Identifier */
    ck_assert_int_eq(auth_receive(p, ah, bad, m),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
    memcpy(bad, good, m);
    bad[0] = EapCodeRequest;                    /* not a Response */
    ck_assert_int_eq(auth_receive(p, ah, bad, m),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
    memcpy(bad, good, m);
    mu_put_be16(bad + 2, m + 1);                /* Length past the buffer */
    ck_assert_int_eq(auth_receive(p, ah, bad, m),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
    memcpy(bad, good, m);
    mu_put_be16(bad + 2, 4);                    /* Length below the header */
    ck_assert_int_eq(auth_receive(p, ah, bad, m),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
    ck_assert_int_eq(auth_receive(p, ah, good, 4),  /* truncated */
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
    ck_assert_int_eq(auth_receive(p, ah, good, 0),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
    memcpy(bad, good, m);
    bad[4] = p->type == 4 ? 6 : 4;              /* other Type */
    ck_assert_int_eq(auth_receive(p, ah, bad, m),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
    if (p->type == 4) {
        memcpy(bad, good, m);
        bad[5] = 15;                            /* Value-Size 15 */
        ck_assert_int_eq(auth_receive(p, ah, bad, m),
                         EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
        memcpy(bad, good, m);
        bad[5] = 0;                             /* Value-Size 0 */
        ck_assert_int_eq(auth_receive(p, ah, bad, m),
                         EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
        memcpy(bad, good, m);
        mu_put_be16(bad + 2, m - 1);            /* Value cut short */
        ck_assert_int_eq(auth_receive(p, ah, bad, m - 1),
                         EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
        memcpy(bad, good, 5);
        mu_put_be16(bad + 2, 5);                /* no type data */
        ck_assert_int_eq(auth_receive(p, ah, bad, 5),
                         EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
    }
    /* Still waiting: no result yet. */
    {
        EAP_METHOD_AUTHENTICATOR_RESULT r;
        EAP_ERROR *e = NULL;

        expect_err(p, p->ar.EapMethodAuthenticatorGetResult(ah, &r, &e), e,
                   ERROR_INVALID_STATE, p->type == 4 ?
                   "no result yet: no EAP-MD5 response was received" :
                   "no result yet: no EAP-GTC response was received", 1);
    }
    ck_assert_int_eq(auth_receive(p, ah, good, m),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT);
    ck_assert_int_eq(auth_result(p, ah).fIsSuccess, TRUE);
    /* After the result: nothing more to send, further packets ignored. */
    {
        EAP_AUTHENTICATOR_SEND_TIMEOUT t;
        EAP_ERROR *e = NULL;
        DWORD size = sizeof req;

        expect_err(p, p->ar.EapMethodAuthenticatorSendPacket(
                           ah, 9, &size, (EapPacket *)req, &t, &e),
                   e, ERROR_INVALID_STATE,
                   "the authentication is over: nothing to send", 1);
    }
    ck_assert_int_eq(auth_receive(p, ah, good, m),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
    peer_end(p, ph);
    auth_end(p, ah);
}
END_TEST

START_TEST(test_auth_nak)
{
    struct plugin *p = &plugins[_i];
    EAP_SESSION_HANDLE ah = auth_begin(p, "alice", "pw", 0);
    BYTE req[100], nak[6] = { 2, 3, 0, 6, 3, 26 };
    EAP_METHOD_AUTHENTICATOR_RESULT r;

    auth_send(p, ah, 3, req, sizeof req);
    ck_assert_int_eq(auth_receive(p, ah, nak, sizeof nak),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT);
    r = auth_result(p, ah);
    ck_assert_int_eq(r.fIsSuccess, FALSE);
    ck_assert_uint_eq(r.dwFailureReason, EAP_E_AUTHENTICATION_FAILED);
    auth_end(p, ah);
}
END_TEST

START_TEST(test_small_buffers)
{
    struct plugin *p = &plugins[_i];
    EAP_SESSION_HANDLE ah = auth_begin(p, "alice", "password", 0);
    EAP_SESSION_HANDLE ph = peer_begin(p, NULL, 0);
    EAP_AUTHENTICATOR_SEND_TIMEOUT t;
    BYTE req[100], resp[100];
    EAP_ERROR *e = NULL;
    DWORD n, size = 10;
    EapPeerMethodOutput out;

    expect_err(p, p->ar.EapMethodAuthenticatorSendPacket(
                       ah, 1, &size, (EapPacket *)req, &t, &e), e,
               ERROR_INSUFFICIENT_BUFFER, p->type == 4 ?
               "the EAP-MD5 request (22 bytes) does not fit the send buffer" :
               "the EAP-GTC request (15 bytes) does not fit the send buffer",
               1);
    n = auth_send(p, ah, 1, req, sizeof req);
    peer_set_credentials(p, ph, "alice", "password");
    expect_ok(p, peer_process(p, ph, req, n, &out, &e), e, 0);
    size = p->type == 4 ? 21 : 12;
    expect_err(p, p->pr.EapPeerGetResponsePacket(ph, &size,
                                                 (EapPacket *)resp, &e), e,
               ERROR_INSUFFICIENT_BUFFER, p->type == 4 ?
               "the EAP-MD5 response (22 bytes) does not fit the send buffer" :
               "the EAP-GTC response does not fit the send buffer", 0);
    size = p->type == 4 ? 22 : 13;
    expect_ok(p, p->pr.EapPeerGetResponsePacket(ph, &size, (EapPacket *)resp,
                                                &e), e, 0);
    ck_assert_uint_eq(size, p->type == 4 ? 22 : 13);
    peer_end(p, ph);
    auth_end(p, ah);
}
END_TEST

START_TEST(test_bad_password_attribute)
{
    struct plugin *p = &plugins[_i];
    BYTE bad_utf8[] = { 'p', 0xFF, 'w' };
    EAP_ATTRIBUTE a = { eatClearTextPassword, sizeof bad_utf8, bad_utf8 };
    EapAttributes attrs = { 1, &a };
    EAP_SESSION_HANDLE h = (EAP_SESSION_HANDLE)1;
    EAP_ERROR *e = NULL;
    BYTE with_nul[] = { 'p', 'w', 0 };
    BYTE req[100], resp[100];
    DWORD n, m;
    EAP_SESSION_HANDLE ph;

    expect_err(p, p->ar.EapMethodAuthenticatorBeginSession(
                       0, L"alice", &attrs, 0, NULL, 1400, &h, &e), e,
               ERROR_INVALID_DATA,
               "the eatClearTextPassword attribute is not UTF-8 text", 1);
    ck_assert_ptr_null(h);
    /* One trailing NUL is tolerated. */
    a.pValue = with_nul;
    a.dwLength = sizeof with_nul;
    expect_ok(p, p->ar.EapMethodAuthenticatorBeginSession(
                      0, L"alice", &attrs, 0, NULL, 1400, &h, &e), e, 1);
    ph = peer_begin(p, NULL, 0);
    peer_set_credentials(p, ph, "alice", "pw");
    n = auth_send(p, h, 1, req, sizeof req);
    m = peer_respond(p, ph, req, n, resp, sizeof resp);
    ck_assert_int_eq(auth_receive(p, h, resp, m),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT);
    ck_assert_int_eq(auth_result(p, h).fIsSuccess, TRUE);
    peer_end(p, ph);
    auth_end(p, h);
}
END_TEST

START_TEST(test_update_inner_params)
{
    struct plugin *p = &plugins[_i];
    EAP_SESSION_HANDLE ah = auth_begin(p, "alice", NULL, 0);
    EAP_SESSION_HANDLE ph = peer_begin(p, NULL, 0);
    BYTE pw[] = { 'n', 'e', 'w' };
    EAP_ATTRIBUTE a = { eatClearTextPassword, sizeof pw, pw };
    EapAttributes attrs = { 1, &a };
    EAP_ERROR *e = NULL;
    BYTE req[100], resp[100];
    DWORD n, m;

    ck_assert_ptr_nonnull(p->ar.EapMethodAuthenticatorUpdateInnerMethodParams);
    expect_ok(p, p->ar.EapMethodAuthenticatorUpdateInnerMethodParams(
                      ah, 0, L"alice", &attrs, &e), e, 1);
    peer_set_credentials(p, ph, "alice", "new");
    n = auth_send(p, ah, 1, req, sizeof req);
    expect_err(p, p->ar.EapMethodAuthenticatorUpdateInnerMethodParams(
                       ah, 0, L"alice", &attrs, &e), e, ERROR_INVALID_STATE,
               p->type == 4 ? "the challenge has already been sent"
                            : "the prompt has already been sent", 1);
    m = peer_respond(p, ph, req, n, resp, sizeof resp);
    ck_assert_int_eq(auth_receive(p, ah, resp, m),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT);
    ck_assert_int_eq(auth_result(p, ah).fIsSuccess, TRUE);
    peer_end(p, ph);
    auth_end(p, ah);
}
END_TEST

/* ---- EAP-MD5 ---------------------------------------------------------------- */

static void md5_of(BYTE id, const char *pw, const BYTE *ch, size_t n,
                   BYTE out[16])
{
    struct md5_ctx c;

    md5_init(&c);
    md5_update(&c, 1, &id);
    md5_update(&c, strlen(pw), (const uint8_t *)pw);
    md5_update(&c, n, ch);
    md5_digest(&c, 16, out);
}

/* The peer's Value is MD5(Identifier || password || challenge), RFC 1994. */
START_TEST(test_md5_peer_formula)
{
    BYTE req[5 + 1 + 20 + 6], resp[64], want[16];
    EAP_SESSION_HANDLE h = peer_begin(MD5, NULL, 0);
    const char *pw = "p\xc3\xa4ssword";
    DWORD m;
    int k;

    peer_set_credentials(MD5, h, "alice", pw);
    mu_put_eap_header(req, EapCodeRequest, 0x37, sizeof req, 4);
    req[5] = 20;                                /* a 20-byte challenge */
    for (k = 0; k < 20; k++)
        req[6 + k] = (BYTE)(k * 13 + 1);
    memcpy(req + 26, "server", 6);              /* the Name field */
    m = peer_respond(MD5, h, req, sizeof req, resp, sizeof resp);
    ck_assert_uint_eq(m, 22);
    ck_assert_uint_eq(resp[5], 16);
    md5_of(0x37, pw, req + 6, 20, want);
    ck_assert_int_eq(memcmp(resp + 6, want, 16), 0);

    /* A second challenge gets a fresh answer. */
    req[1] = 0x38;
    req[6] ^= 0xFF;
    m = peer_respond(MD5, h, req, sizeof req, resp, sizeof resp);
    md5_of(0x38, pw, req + 6, 20, want);
    ck_assert_int_eq(memcmp(resp + 6, want, 16), 0);
    peer_end(MD5, h);
}
END_TEST

/* The authenticator's challenge is 16 random bytes and it checks the answer
 * with the same formula. */
START_TEST(test_md5_authenticator_formula)
{
    BYTE req[64], req2[64], resp[22], want[16];
    EAP_SESSION_HANDLE ah = auth_begin(MD5, "alice", "secret", 0);
    EAP_SESSION_HANDLE ah2 = auth_begin(MD5, "alice", "secret", 0);
    DWORD n;

    n = auth_send(MD5, ah, 0x99, req, sizeof req);
    ck_assert_uint_eq(n, 22);
    ck_assert_uint_eq(req[5], 16);
    auth_send(MD5, ah2, 0x99, req2, sizeof req2);
    ck_assert_int_ne(memcmp(req + 6, req2 + 6, 16), 0);

    /* Sent again with a new Identifier: the same challenge. */
    n = auth_send(MD5, ah, 0x9A, req2, sizeof req2);
    ck_assert_int_eq(memcmp(req + 6, req2 + 6, 16), 0);

    md5_of(0x9A, "secret", req + 6, 16, want);
    mu_put_eap_header(resp, EapCodeResponse, 0x9A, 22, 4);
    resp[5] = 16;
    memcpy(resp + 6, want, 16);
    /* The answer to the first Identifier no longer counts. */
    resp[1] = 0x99;
    ck_assert_int_eq(auth_receive(MD5, ah, resp, 22),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
    resp[1] = 0x9A;
    ck_assert_int_eq(auth_receive(MD5, ah, resp, 22),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT);
    ck_assert_int_eq(auth_result(MD5, ah).fIsSuccess, TRUE);

    /* One bit off fails. */
    n = auth_send(MD5, ah2, 5, req2, sizeof req2);
    md5_of(5, "secret", req2 + 6, 16, want);
    mu_put_eap_header(resp, EapCodeResponse, 5, 22, 4);
    resp[5] = 16;
    memcpy(resp + 6, want, 16);
    resp[21] ^= 1;
    ck_assert_int_eq(auth_receive(MD5, ah2, resp, 22),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT);
    ck_assert_int_eq(auth_result(MD5, ah2).fIsSuccess, FALSE);
    auth_end(MD5, ah);
    auth_end(MD5, ah2);
}
END_TEST

/* The malformed requests RFC 3748 section 5.4 implies, each refused with
 * its own reason; the session stays usable and endable. */
START_TEST(test_md5_malformed)
{
    static const struct {
        BYTE pkt[24];
        DWORD size;
        const char *reason;
    } bad[] = {
        { { 1, 1, 0, 5, 4 }, 5,
          "EAP-MD5 request without type data (no Value-Size)" },
        { { 1, 1, 0, 6, 4, 0 }, 6, "EAP-MD5 request with Value-Size 0" },
        { { 1, 1, 0, 10, 4, 16, 1, 2, 3, 4 }, 10,
          "EAP-MD5 request whose Value-Size runs past the end of the packet" },
        { { 1, 1, 0, 6, 4, 1 }, 6,
          "EAP-MD5 request whose Value-Size runs past the end of the packet" },
        /* Bytes beyond Length do not count, even when in the buffer. */
        { { 1, 1, 0, 10, 4, 16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
            14, 15, 16 }, 22,
          "EAP-MD5 request whose Value-Size runs past the end of the packet" },
        { { 1, 1, 0, 22, 4, 16 }, 10, "not an EAP-MD5 request" },
        { { 1, 1, 0, 4 }, 4, "not an EAP-MD5 request" },
        { { 1, 1, 0, 6, 6, 1 }, 6, "not an EAP-MD5 request" },
        { { 2, 1, 0, 7, 4, 1, 1 }, 7, "not an EAP-MD5 request" },
        { { 1 }, 1, "not an EAP-MD5 request" },
    };
    static const BYTE good[] = { 1, 2, 0, 7, 4, 1, 0xAB };
    EAP_SESSION_HANDLE h = peer_begin(MD5, NULL, 0);
    EapPeerMethodOutput out;
    EAP_ERROR *e;
    BYTE resp[64];
    size_t k;

    peer_set_credentials(MD5, h, "alice", "pw");
    for (k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        DWORD rc = peer_process(MD5, h, bad[k].pkt, bad[k].size, &out, &e);

        expect_err(MD5, rc, e, ERROR_INVALID_DATA, bad[k].reason, 0);
        ck_assert_int_eq(out.action, EapPeerMethodResponseActionDiscard);
    }
    /* A 1-byte challenge is legal. */
    ck_assert_uint_eq(peer_respond(MD5, h, good, sizeof good, resp,
                                   sizeof resp), 22);
    peer_end(MD5, h);
}
END_TEST

/* ---- EAP-GTC ---------------------------------------------------------------- */

START_TEST(test_gtc_exchange_bytes)
{
    EAP_SESSION_HANDLE ah = auth_begin(GTC, "alice", "t\xc3\xb6ken", 0);
    EAP_SESSION_HANDLE ph = peer_begin(GTC, NULL, 0);
    BYTE req[64], resp[64];
    DWORD n, m;

    n = auth_send(GTC, ah, 0x10, req, sizeof req);
    ck_assert_uint_eq(n, 15);
    ck_assert_int_eq(memcmp(req + 5, "Password: ", 10), 0);
    peer_set_credentials(GTC, ph, "alice", "t\xc3\xb6ken");
    m = peer_respond(GTC, ph, req, n, resp, sizeof resp);
    /* The token in UTF-8, nothing else. */
    ck_assert_uint_eq(m, 5 + 6);
    ck_assert_int_eq(memcmp(resp + 5, "t\xc3\xb6ken", 6), 0);
    ck_assert_int_eq(auth_receive(GTC, ah, resp, m),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT);
    ck_assert_int_eq(auth_result(GTC, ah).fIsSuccess, TRUE);
    peer_end(GTC, ph);
    auth_end(GTC, ah);

    /* An empty response does not match a non-empty password. */
    ah = auth_begin(GTC, "alice", "x", 0);
    n = auth_send(GTC, ah, 1, req, sizeof req);
    mu_put_eap_header(resp, EapCodeResponse, 1, 5, 6);
    ck_assert_int_eq(auth_receive(GTC, ah, resp, 5),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT);
    ck_assert_int_eq(auth_result(GTC, ah).fIsSuccess, FALSE);
    auth_end(GTC, ah);
}
END_TEST

START_TEST(test_gtc_malformed)
{
    static const struct {
        BYTE pkt[12];
        DWORD size;
        const char *reason;
    } bad[] = {
        { { 1, 1, 0, 5, 6 }, 5, "EAP-GTC request with an empty prompt" },
        /* The buffer holds more, but Length says the prompt is empty. */
        { { 1, 1, 0, 5, 6, 'P', 'w' }, 7, "EAP-GTC request with an empty prompt" },
        { { 1, 1, 0, 6, 6, 0x80 }, 6, "EAP-GTC prompt is not valid UTF-8" },
        { { 1, 1, 0, 7, 6, 0xC0, 0x80 }, 7, "EAP-GTC prompt is not valid UTF-8" },
        { { 1, 1, 0, 8, 6, 0xED, 0xA0, 0x80 }, 8,
          "EAP-GTC prompt is not valid UTF-8" },
        { { 1, 1, 0, 9, 6, 0xF4, 0x90, 0x80, 0x80 }, 9,
          "EAP-GTC prompt is not valid UTF-8" },
        { { 1, 1, 0, 7, 6, 'P', 0xE2 }, 7, "EAP-GTC prompt is not valid UTF-8" },
        /* Truncated by Length in the middle of a sequence. */
        { { 1, 1, 0, 7, 6, 'P', 0xE2, 0x82, 0xAC }, 9,
          "EAP-GTC prompt is not valid UTF-8" },
        { { 1, 1, 0, 6, 6, 0xFF }, 6, "EAP-GTC prompt is not valid UTF-8" },
        { { 1, 1, 0, 9, 6, 'P' }, 6, "not an EAP-GTC request" },
        { { 1, 1, 0, 6, 4, 'P' }, 6, "not an EAP-GTC request" },
        { { 2, 1, 0, 6, 6, 'P' }, 6, "not an EAP-GTC request" },
        { { 1, 1, 0, 4 }, 4, "not an EAP-GTC request" },
    };
    static const BYTE good[] = { 1, 2, 0, 9, 6, 0xE2, 0x82, 0xAC, '?' };
    EAP_SESSION_HANDLE h = peer_begin(GTC, NULL, 0);
    EapPeerMethodOutput out;
    EAP_ERROR *e;
    BYTE resp[64];
    size_t k;

    peer_set_credentials(GTC, h, "alice", "pw");
    for (k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        DWORD rc = peer_process(GTC, h, bad[k].pkt, bad[k].size, &out, &e);

        expect_err(GTC, rc, e, ERROR_INVALID_DATA, bad[k].reason, 0);
        ck_assert_int_eq(out.action, EapPeerMethodResponseActionDiscard);
    }
    ck_assert_uint_eq(peer_respond(GTC, h, good, sizeof good, resp,
                                   sizeof resp), 7);
    peer_end(GTC, h);
}
END_TEST

/* ---- plugins/common ------------------------------------------------------------ */

START_TEST(test_util_utf8)
{
    static const struct { const char *s; size_t n; int ok; } v[] = {
        { "", 0, 1 }, { "abc", 3, 1 }, { "\xc3\xa4", 2, 1 },
        { "\xe2\x82\xac", 3, 1 }, { "\xf0\x9f\x98\x80", 4, 1 },
        { "\xf4\x8f\xbf\xbf", 4, 1 }, { "\xef\xbf\xbf", 3, 1 },
        { "\x00", 1, 1 },
        { "\xc0\x80", 2, 0 }, { "\xc1\xbf", 2, 0 }, { "\xe0\x9f\xbf", 3, 0 },
        { "\xed\xa0\x80", 3, 0 }, { "\xed\xbf\xbf", 3, 0 },
        { "\xf0\x8f\xbf\xbf", 4, 0 }, { "\xf4\x90\x80\x80", 4, 0 },
        { "\xf5\x80\x80\x80", 4, 0 }, { "\x80", 1, 0 }, { "\xc3", 1, 0 },
        { "\xe2\x82", 2, 0 }, { "\xc3\x28", 2, 0 }, { "\xfe", 1, 0 },
    };
    WCHAR *w;
    char *s;
    size_t k;

    for (k = 0; k < sizeof v / sizeof v[0]; k++)
        ck_assert_msg(mu_utf8_valid((const BYTE *)v[k].s, v[k].n) == v[k].ok,
                      "case %zu", k);
    w = mu_utf8_to_wide("a\xf0\x9f\x98\x80\xc3\xa4");
    ck_assert_ptr_nonnull(w);
    ck_assert_uint_eq(mu_wcslen(w), 4);
    ck_assert_uint_eq(w[1], 0xD83D);
    ck_assert_uint_eq(w[2], 0xDE00);
    ck_assert_uint_eq(w[3], 0xE4);
    s = mu_wide_to_utf8(w);
    ck_assert_str_eq(s, "a\xf0\x9f\x98\x80\xc3\xa4");
    free(s);
    free(w);
    ck_assert_ptr_null(mu_utf8_to_wide("\xed\xa0\x80"));
    ck_assert_ptr_null(mu_utf8_to_wide(NULL));
    ck_assert_ptr_null(mu_wide_to_utf8(NULL));
    {
        WCHAR lone_hi[] = { 0xD800, 'x', 0 }, lone_lo[] = { 0xDC00, 0 },
              end_hi[] = { 'a', 0xDBFF, 0 };

        ck_assert_ptr_null(mu_wide_to_utf8(lone_hi));
        ck_assert_ptr_null(mu_wide_to_utf8(lone_lo));
        ck_assert_ptr_null(mu_wide_to_utf8(end_hi));
    }
}
END_TEST

START_TEST(test_util_error)
{
    EAP_METHOD_TYPE t = { { 4, 0, 0 }, 0 };
    EAP_ERROR *e = NULL;
    char *s;

    ck_assert_uint_eq(mu_set_error(&e, ERROR_INVALID_DATA, &t, "bad \xc3\xa4"),
                      ERROR_INVALID_DATA);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->dwWinError, ERROR_INVALID_DATA);
    ck_assert_uint_eq(e->dwReasonCode, ERROR_INVALID_DATA);
    ck_assert_uint_eq(e->type.eapType.type, 4);
    ck_assert_ptr_null(e->pRepairString);
    /* One block: the string lives right after the structure. */
    ck_assert_ptr_eq(e->pRootCauseString, (WCHAR *)(e + 1));
    s = mu_wide_to_utf8(e->pRootCauseString);
    ck_assert_str_eq(s, "bad \xc3\xa4");
    free(s);
    mu_free_error(e);
    ck_assert_uint_eq(mu_set_error(NULL, 5, NULL, "x"), 5);
    ck_assert_uint_eq(mu_set_error(&e, 6, NULL, NULL), 6);
    ck_assert_ptr_null(e->pRootCauseString);
    mu_free_error(e);
}
END_TEST

START_TEST(test_util_packets_and_keys)
{
    BYTE pkt[8] = { 2, 9, 0, 7, 26, 'a', 'b', 'c' }, key[32];
    EAP_ATTRIBUTE a;
    DWORD n = 99;
    const BYTE *d;
    int k;

    d = mu_type_data((const EapPacket *)pkt, 8, 26, &n);
    ck_assert_ptr_eq(d, pkt + 5);
    ck_assert_uint_eq(n, 2);
    ck_assert_ptr_null(mu_type_data((const EapPacket *)pkt, 6, 26, &n));
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(mu_type_data((const EapPacket *)pkt, 8, 25, &n));
    ck_assert_ptr_null(mu_type_data((const EapPacket *)pkt, 4, 26, &n));
    pkt[3] = 4;
    ck_assert_ptr_null(mu_type_data((const EapPacket *)pkt, 8, 26, &n));
    pkt[3] = 5;
    ck_assert_ptr_eq(mu_type_data((const EapPacket *)pkt, 8, 26, &n), pkt + 5);
    ck_assert_uint_eq(n, 0);

    for (k = 0; k < 32; k++)
        key[k] = (BYTE)(0xA0 + k);
    ck_assert_uint_eq(mu_mppe_key_attribute(16, key, 32, &a), ERROR_SUCCESS);
    ck_assert_int_eq(a.eaType, eatVendorSpecific);
    ck_assert_uint_eq(a.dwLength, 56);
    ck_assert_int_eq(memcmp(a.pValue, "\0\0\x01\x37\x10\x34\0\0\x20", 9), 0);
    ck_assert_int_eq(memcmp(a.pValue + 9, key, 32), 0);
    for (k = 41; k < 56; k++)
        ck_assert_uint_eq(a.pValue[k], 0);
    mu_free_key_attribute(&a);
    ck_assert_ptr_null(a.pValue);
    ck_assert_uint_eq(mu_mppe_key_attribute(17, key, 16, &a), ERROR_SUCCESS);
    ck_assert_uint_eq(a.dwLength, 40);
    ck_assert_uint_eq(a.pValue[4], 17);
    ck_assert_uint_eq(a.pValue[5], 36);
    ck_assert_uint_eq(a.pValue[8], 16);
    mu_free_key_attribute(&a);
    ck_assert_uint_eq(mu_mppe_key_attribute(16, key, 0, &a),
                      ERROR_INVALID_PARAMETER);

    ck_assert_int_eq(mu_ct_equal("abc", "abc", 3), 1);
    ck_assert_int_eq(mu_ct_equal("abc", "abd", 3), 0);
    ck_assert_int_eq(mu_ct_equal("x", "y", 0), 1);
    memset(key, 0, sizeof key);
    ck_assert_uint_eq(mu_random(key, sizeof key), ERROR_SUCCESS);
    ck_assert_int_eq(mu_ct_equal(key, (BYTE[32]){ 0 }, 32), 0);
}
END_TEST

START_TEST(test_util_clear_text_password)
{
    BYTE pw[] = { 'x', 'y' }, nul[] = { 'x', 0, 'y' };
    EAP_ATTRIBUTE a[2] = { { eatMinimum, 0, NULL },
                           { eatClearTextPassword, 2, pw } };
    EapAttributes attrs = { 2, a };
    char *s = (char *)1;

    ck_assert_uint_eq(mu_clear_text_password(&attrs, &s), ERROR_SUCCESS);
    ck_assert_str_eq(s, "xy");
    mu_free_secret(s);
    attrs.dwNumberOfAttributes = 1;
    ck_assert_uint_eq(mu_clear_text_password(&attrs, &s), ERROR_NOT_FOUND);
    ck_assert_ptr_null(s);
    ck_assert_uint_eq(mu_clear_text_password(NULL, &s), 1168);
    attrs.dwNumberOfAttributes = 2;
    a[1].pValue = nul;
    a[1].dwLength = 3;
    ck_assert_uint_eq(mu_clear_text_password(&attrs, &s), ERROR_INVALID_DATA);
    a[1].dwLength = 0;
    a[1].pValue = NULL;
    ck_assert_uint_eq(mu_clear_text_password(&attrs, &s), ERROR_SUCCESS);
    ck_assert_str_eq(s, "");
    mu_free_secret(s);
}
END_TEST

START_TEST(test_util_user_blob)
{
    char *u = NULL, *p = NULL;
    BYTE *b = NULL;
    DWORD n = 0;

    ck_assert_uint_eq(mu_user_blob_make(L"\u00e4", L"", &n, &b), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 5);
    ck_assert_int_eq(memcmp(b, "\1\xc3\xa4\0\0", 5), 0);
    ck_assert_uint_eq(mu_user_blob_parse(b, n, &u, &p), ERROR_SUCCESS);
    ck_assert_str_eq(u, "\xc3\xa4");
    ck_assert_str_eq(p, "");
    free(u);
    mu_free_secret(p);
    /* Every strict prefix is refused, without reading past it. */
    for (DWORD k = 0; k < n; k++) {
        BYTE *c = malloc(k ? k : 1);

        memcpy(c, b, k);
        ck_assert_uint_eq(mu_user_blob_parse(c, k, &u, &p), ERROR_INVALID_DATA);
        ck_assert_ptr_null(u);
        ck_assert_ptr_null(p);
        free(c);
    }
    ck_assert_uint_eq(mu_user_blob_parse(b, n, &u, NULL), ERROR_SUCCESS);
    free(u);
    free(b);
    ck_assert_uint_eq(mu_user_blob_make(L"", L"x", &n, &b), ERROR_INVALID_DATA);
    ck_assert_uint_eq(mu_user_blob_make(NULL, L"x", &n, &b),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(mu_user_blob_parse(NULL, 3, &u, &p),
                      ERROR_INVALID_PARAMETER);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("md5_gtc");
    TCase *both = tcase_create("both"), *md5 = tcase_create("md5"),
          *gtc = tcase_create("gtc"), *util = tcase_create("common");

    tcase_add_checked_fixture(both, setup, teardown);
    tcase_add_loop_test(both, test_right_password, 0, 2);
    tcase_add_loop_test(both, test_wrong_password, 0, 2);
    tcase_add_loop_test(both, test_unknown_identity, 0, 2);
    tcase_add_loop_test(both, test_repeated_balanced, 0, 2);
    tcase_add_loop_test(both, test_get_info_wrong_type, 0, 2);
    tcase_add_loop_test(both, test_routines_and_exports, 0, 2);
    tcase_add_loop_test(both, test_initialize_shutdown, 0, 2);
    tcase_add_loop_test(both, test_credential_fields, 0, 2);
    tcase_add_loop_test(both, test_user_blob, 0, 2);
    tcase_add_loop_test(both, test_bad_user_data_at_begin, 0, 2);
    tcase_add_loop_test(both, test_no_credentials, 0, 2);
    tcase_add_loop_test(both, test_set_credentials_invalid, 0, 2);
    tcase_add_loop_test(both, test_auth_discards_malformed, 0, 2);
    tcase_add_loop_test(both, test_auth_nak, 0, 2);
    tcase_add_loop_test(both, test_small_buffers, 0, 2);
    tcase_add_loop_test(both, test_bad_password_attribute, 0, 2);
    tcase_add_loop_test(both, test_update_inner_params, 0, 2);
    suite_add_tcase(s, both);

    tcase_add_checked_fixture(md5, setup, teardown);
    tcase_add_test(md5, test_md5_peer_formula);
    tcase_add_test(md5, test_md5_authenticator_formula);
    tcase_add_test(md5, test_md5_malformed);
    suite_add_tcase(s, md5);

    tcase_add_checked_fixture(gtc, setup, teardown);
    tcase_add_test(gtc, test_gtc_exchange_bytes);
    tcase_add_test(gtc, test_gtc_malformed);
    suite_add_tcase(s, gtc);

    tcase_add_test(util, test_util_utf8);
    tcase_add_test(util, test_util_error);
    tcase_add_test(util, test_util_packets_and_keys);
    tcase_add_test(util, test_util_clear_text_password);
    tcase_add_test(util, test_util_user_blob);
    suite_add_tcase(s, util);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
