/*
 * check_mschapv2.c - the bundled EAP-MSCHAPv2 plugin.
 *
 * Part one checks the crypto (compiled into this program) against the
 * test vectors of RFC 2759 section 9.2 and RFC 3079 section 3.5.3, and the
 * packet parsers against good and malformed texts.  Part two loads the
 * built plugin with dlopen, as a host would, and runs its peer half against
 * its authenticator half through their routine tables: right and wrong
 * passwords, unknown identities, both ways of passing credentials, the key
 * attributes of both sides, and every malformed input the method must
 * survive.  Part three registers the plugin with libeaphost through the
 * shipped registry file (plugins/methods.d in the build tree) and runs the
 * host's peer against the authenticator half.
 *
 * Built with -fshort-wchar, like the plugin, so WCHAR literals are L"...".
 * The plugin is found at $top_builddir/plugins/mschapv2/.libs/mschapv2.so.
 */
#define _POSIX_C_SOURCE 200809L

#include "testutil.h"

#include <dlfcn.h>
#include <stdint.h>

#include <nettle/md4.h>

#include <eapmethodpeerapis.h>
#include <eapmethodauthenticatorapis.h>
#include <eaphosterror.h>
#include <eappapis.h>
#include <eaphost/eaphost.h>

#include "mschapv2_crypto.h"
#include "mschapv2_packet.h"

/* ---- helpers ------------------------------------------------------------ */

static void unhex(const char *hex, BYTE *out, size_t n)
{
    size_t i;

    ck_assert_uint_eq(strlen(hex), 2 * n);
    for (i = 0; i < n; i++) {
        unsigned v;

        ck_assert_int_eq(sscanf(hex + 2 * i, "%2x", &v), 1);
        out[i] = (BYTE)v;
    }
}

#define ck_assert_hex(buf, n, hex) do {                                \
        BYTE want_[64];                                                \
        unhex((hex), want_, (n));                                      \
        ck_assert_mem_eq((buf), want_, (n));                           \
    } while (0)

/* Whether the EAP_ERROR's root cause (UTF-16) contains @needle (ASCII). */
static int error_mentions(const EAP_ERROR *e, const char *needle)
{
    char text[1024];
    size_t i;

    if (!e || !e->pRootCauseString)
        return 0;
    for (i = 0; i + 1 < sizeof(text) && e->pRootCauseString[i]; i++)
        text[i] = e->pRootCauseString[i] < 0x80 ?
                  (char)e->pRootCauseString[i] : '?';
    text[i] = '\0';
    if (!strstr(text, needle)) {
        fprintf(stderr, "reason \"%s\" does not mention \"%s\"\n", text,
                needle);
        return 0;
    }
    return 1;
}

/* ---- RFC 2759 9.2 and RFC 3079 3.5.3 ------------------------------------ */

static const char *const USER = "User";
static const WCHAR PASSWORD[] = L"clientPass";
static const char AUTH_CHALLENGE[] = "5B5D7C7D7B3F2F3E3C2C602132262628";
static const char PEER_CHALLENGE[] = "21402324255E262A28295F2B3A337C7E";
static const char CHALLENGE_HASH[] = "D02E4386BCE91226";
static const char PASSWORD_HASH[] = "44EBBA8D5312B8D611474411F56989AE";
static const char NT_RESPONSE[] =
    "82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF";
static const char PASSWORD_HASH_HASH[] = "41C00C584BD2D91C4017A2A12FA59F3F";
static const char AUTH_RESPONSE[] = "S=407A5589115FD0D6209F510FE9C04566932CDA56";
static const char MASTER_KEY[] = "FDECE3717A8C838CB388E527AE3CDD31";
static const char SEND_START_KEY128[] = "8B7CDC149B993A1BA118CB153F56DCCB";

struct vectors {
    BYTE ac[16], pc[16], hash[16], nt[24];
};

static void load_vectors(struct vectors *v)
{
    unhex(AUTH_CHALLENGE, v->ac, 16);
    unhex(PEER_CHALLENGE, v->pc, 16);
    ck_assert_uint_eq(mschapv2_nt_password_hash(PASSWORD, 10, v->hash),
                      ERROR_SUCCESS);
    unhex(NT_RESPONSE, v->nt, 24);
}

START_TEST(rfc2759_challenge_hash)
{
    struct vectors v;
    BYTE ch[8];

    load_vectors(&v);
    mschapv2_challenge_hash(v.pc, v.ac, USER, strlen(USER), ch);
    ck_assert_hex(ch, 8, CHALLENGE_HASH);
}
END_TEST

START_TEST(rfc2759_password_hashes)
{
    struct vectors v;
    BYTE hh[16];

    load_vectors(&v);
    ck_assert_hex(v.hash, 16, PASSWORD_HASH);
    mschapv2_hash_nt_password_hash(v.hash, hh);
    ck_assert_hex(hh, 16, PASSWORD_HASH_HASH);
}
END_TEST

START_TEST(rfc2759_nt_response)
{
    struct vectors v;
    BYTE ch[8], nt[24];

    load_vectors(&v);
    mschapv2_generate_nt_response(v.ac, v.pc, USER, strlen(USER), v.hash, nt);
    ck_assert_hex(nt, 24, NT_RESPONSE);
    /* ChallengeResponse alone, from the ChallengeHash. */
    unhex(CHALLENGE_HASH, ch, 8);
    memset(nt, 0, sizeof nt);
    mschapv2_challenge_response(ch, v.hash, nt);
    ck_assert_hex(nt, 24, NT_RESPONSE);
}
END_TEST

START_TEST(rfc2759_authenticator_response)
{
    struct vectors v;
    BYTE digest[20];
    char s[MSCHAPV2_AUTH_STRING_LEN + 1];

    load_vectors(&v);
    mschapv2_authenticator_digest(v.hash, v.nt, v.pc, v.ac, USER,
                                  strlen(USER), digest);
    mschapv2_authenticator_string(digest, s);
    ck_assert_str_eq(s, AUTH_RESPONSE);
}
END_TEST

START_TEST(rfc3079_master_and_start_keys)
{
    struct vectors v;
    BYTE hh[16], mk[16], key[16], key8[8];

    load_vectors(&v);
    unhex(PASSWORD_HASH_HASH, hh, 16);
    mschapv2_master_key(hh, v.nt, mk);
    ck_assert_hex(mk, 16, MASTER_KEY);
    /* RFC 3079 3.5.3 derives the server's send key (Magic3). */
    mschapv2_asymmetric_start_key(mk, 1, 1, key, 16);
    ck_assert_hex(key, 16, SEND_START_KEY128);
    /* The 8-octet start key of 3.5.1/3.5.2 is its prefix. */
    mschapv2_asymmetric_start_key(mk, 1, 1, key8, 8);
    ck_assert_mem_eq(key8, key, 8);
    /* Magic3 is also the client's receive key. */
    memset(key, 0, sizeof key);
    mschapv2_asymmetric_start_key(mk, 0, 0, key, 16);
    ck_assert_hex(key, 16, SEND_START_KEY128);
}
END_TEST

START_TEST(session_keys_are_mirrored)
{
    struct vectors v;
    BYTE ps[16], pr[16], ss[16], sr[16], mk[16], hh[16], k[16];

    load_vectors(&v);
    mschapv2_session_keys(v.hash, v.nt, 0, ps, pr);
    mschapv2_session_keys(v.hash, v.nt, 1, ss, sr);
    ck_assert_mem_eq(ps, sr, 16);            /* peer send = server recv */
    ck_assert_mem_eq(pr, ss, 16);            /* peer recv = server send */
    ck_assert_hex(ss, 16, SEND_START_KEY128);
    ck_assert_mem_ne(ps, pr, 16);
    /* The peer's send key is Magic2 over the RFC's MasterKey. */
    mschapv2_hash_nt_password_hash(v.hash, hh);
    mschapv2_master_key(hh, v.nt, mk);
    mschapv2_asymmetric_start_key(mk, 1, 0, k, 16);
    ck_assert_mem_eq(k, ps, 16);
    mschapv2_asymmetric_start_key(mk, 0, 1, k, 16);
    ck_assert_mem_eq(k, ps, 16);
}
END_TEST

START_TEST(msk_from_either_side)
{
    struct vectors v;
    BYTE ps[16], pr[16], ss[16], sr[16], a[64], b[64];
    static const BYTE zero[32];

    load_vectors(&v);
    mschapv2_session_keys(v.hash, v.nt, 0, ps, pr);
    mschapv2_session_keys(v.hash, v.nt, 1, ss, sr);
    mschapv2_msk(ps, pr, a);                 /* the peer's Send | Recv */
    mschapv2_msk(sr, ss, b);                 /* the server's Recv | Send */
    ck_assert_mem_eq(a, b, 64);
    ck_assert_mem_eq(a, ps, 16);
    ck_assert_hex(a + 16, 16, SEND_START_KEY128);
    ck_assert_mem_eq(a + 32, zero, 32);
}
END_TEST

START_TEST(password_encoding_and_limits)
{
    static const BYTE utf16le_e_acute_euro[] = { 0xE9, 0x00, 0xAC, 0x20 };
    WCHAR pw[MSCHAPV2_MAX_PASSWORD_UNITS + 1];
    WCHAR e_acute_euro[] = { 0x00E9, 0x20AC, 0 };
    BYTE hash[16], want[16];
    struct md4_ctx md4;

    /* MD4 of nothing (RFC 1320): the NT hash of the empty password. */
    ck_assert_uint_eq(mschapv2_nt_password_hash(L"", 0, hash), ERROR_SUCCESS);
    ck_assert_hex(hash, 16, "31D6CFE0D16AE931B73C59D7E0C089C0");
    /* The hash is over UTF-16LE whatever the byte order. */
    ck_assert_uint_eq(mschapv2_nt_password_hash(e_acute_euro, 2, hash),
                      ERROR_SUCCESS);
    md4_init(&md4);
    md4_update(&md4, sizeof utf16le_e_acute_euro, utf16le_e_acute_euro);
    md4_digest(&md4, 16, want);
    ck_assert_mem_eq(hash, want, 16);
    /* 256 characters at most (RFC 2759). */
    for (size_t i = 0; i < MSCHAPV2_MAX_PASSWORD_UNITS + 1; i++)
        pw[i] = 'x';
    ck_assert_uint_eq(mschapv2_nt_password_hash(pw, 256, hash), ERROR_SUCCESS);
    ck_assert_uint_eq(mschapv2_nt_password_hash(pw, 257, hash),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(mschapv2_nt_password_hash(NULL, 1, hash),
                      ERROR_INVALID_PARAMETER);
}
END_TEST

START_TEST(user_name_without_domain)
{
    size_t n;
    const char *u;

    u = mschapv2_user_name("CORP\\User", 9, &n);
    ck_assert_uint_eq(n, 4);
    ck_assert_mem_eq(u, "User", 4);
    u = mschapv2_user_name("User", 4, &n);
    ck_assert_uint_eq(n, 4);
    ck_assert_mem_eq(u, "User", 4);
    u = mschapv2_user_name("A\\B\\c", 5, &n);
    ck_assert_uint_eq(n, 3);
    ck_assert_mem_eq(u, "B\\c", 3);
    u = mschapv2_user_name("", 0, &n);
    ck_assert_uint_eq(n, 0);
}
END_TEST

/* ---- message texts ------------------------------------------------------ */

static BOOL success_text(const char *text, BYTE digest[20], char *why)
{
    return mschapv2_parse_success((const BYTE *)text, (DWORD)strlen(text),
                                  digest, why);
}

START_TEST(success_text_grammar)
{
    BYTE d[20], want[20];
    char why[MSCHAPV2_WHY_LEN];

    unhex(AUTH_RESPONSE + 2, want, 20);
    ck_assert(success_text(AUTH_RESPONSE, d, why));
    ck_assert_mem_eq(d, want, 20);
    ck_assert(success_text("S=407a5589115fd0d6209f510fe9c04566932cda56", d, why));
    ck_assert_mem_eq(d, want, 20);
    ck_assert(success_text("S=407A5589115FD0D6209F510FE9C04566932CDA56 M=OK",
                           d, why));
    ck_assert(success_text("S=407A5589115FD0D6209F510FE9C04566932CDA56 M=",
                           d, why));
    ck_assert(!success_text("", d, why));
    ck_assert_ptr_nonnull(strstr(why, "no S= field"));
    ck_assert(!success_text("M=OK", d, why));
    ck_assert_ptr_nonnull(strstr(why, "no S= field"));
    ck_assert(!success_text("S=407A5589115FD0D6209F510FE9C04566932CDA5", d, why));
    ck_assert_ptr_nonnull(strstr(why, "40 hexadecimal"));
    ck_assert(!success_text("S=407A5589115FD0D6209F510FE9C04566932CDA5G", d, why));
    ck_assert_ptr_nonnull(strstr(why, "40 hexadecimal"));
    ck_assert(!success_text("S=407A5589115FD0D6209F510FE9C04566932CDA560", d, why));
    ck_assert_ptr_nonnull(strstr(why, "text after S="));
    ck_assert(!success_text("S=407A5589115FD0D6209F510FE9C04566932CDA56 X=1",
                            d, why));
    ck_assert(!success_text("S=407A5589115FD0D6209F510FE9C04566932CDA56 M",
                            d, why));
    static const BYTE zero[20];
    ck_assert_mem_eq(d, zero, 20);
}
END_TEST

static BOOL failure_text(const char *text, struct mschapv2_failure *f,
                         char *why)
{
    return mschapv2_parse_failure((const BYTE *)text, (DWORD)strlen(text),
                                  f, why);
}

START_TEST(failure_text_grammar)
{
    struct mschapv2_failure f;
    char why[MSCHAPV2_WHY_LEN];
    BYTE c[16];

    ck_assert(failure_text("E=691 R=1 C=0123456789ABCDEF0123456789abcdef V=3 "
                           "M=Bad password", &f, why));
    ck_assert_uint_eq(f.error, 691);
    ck_assert(f.has_retry && f.retry == 1);
    ck_assert(f.has_challenge);
    unhex("0123456789ABCDEF0123456789ABCDEF", c, 16);
    ck_assert_mem_eq(f.challenge, c, 16);
    ck_assert(f.has_version && f.version == 3);
    ck_assert_uint_eq(f.text_len, 12);
    ck_assert_mem_eq(f.text, "Bad password", 12);

    ck_assert(failure_text("E=691", &f, why));
    ck_assert(!f.has_retry && !f.has_challenge && !f.has_version && !f.text);
    ck_assert(failure_text("E=646 R=0 V=3 M=", &f, why));
    ck_assert_uint_eq(f.error, 646);
    ck_assert_uint_eq(f.text_len, 0);
    ck_assert_ptr_nonnull(f.text);
    ck_assert(failure_text("E=4294967295 M=x y z", &f, why));
    ck_assert_uint_eq(f.error, 0xFFFFFFFFu);

    static const struct { const char *text, *why; } bad[] = {
        { "", "does not start with E=" },
        { "R=0 E=691", "does not start with E=" },
        { "E=", "E= is not a decimal" },
        { "E=x691", "E= is not a decimal" },
        { "E=4294967296", "E= is not a decimal" },
        { "E=00000000001", "E= is not a decimal" },
        { "E=691 R=2", "R= is not 0 or 1" },
        { "E=691 R=", "R= is not 0 or 1" },
        { "E=691 R=01", "unexpected text at offset 9" },
        { "E=691 C=0123", "C= is not 32 hexadecimal" },
        { "E=691 C=0123456789ABCDEF0123456789ABCDEG", "C= is not 32" },
        { "E=691 V=", "V= is not a decimal" },
        { "E=691 V=3 R=1", "unexpected text at offset 9" },
        { "E=691  R=1", "unexpected text at offset 5" },
        { "E=691 X=1", "unexpected text at offset 5" },
        { "E=691x", "unexpected text at offset 5" },
        { "E=691 ", "unexpected text at offset 5" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(!failure_text(bad[i].text, &f, why), "accepted \"%s\"",
                      bad[i].text);
        ck_assert_msg(strstr(why, bad[i].why), "\"%s\": reason \"%s\"",
                      bad[i].text, why);
    }
}
END_TEST

START_TEST(failure_code_mapping)
{
    ck_assert_uint_eq(mschapv2_failure_to_eaphost(691),
                      EAP_E_USER_NAME_PASSWORD_REJECTED);
    ck_assert_uint_eq(EAP_E_USER_NAME_PASSWORD_REJECTED, 0x80420112u);
    for (DWORD e = 646; e <= 649; e++)
        ck_assert_uint_eq(mschapv2_failure_to_eaphost(e),
                          EAP_E_USER_CREDENTIALS_REJECTED);
    ck_assert_uint_eq(EAP_E_USER_CREDENTIALS_REJECTED, 0x80420111u);
    ck_assert_uint_eq(mschapv2_failure_to_eaphost(709),
                      EAP_E_AUTHENTICATION_FAILED);
    ck_assert_uint_eq(mschapv2_failure_to_eaphost(0),
                      EAP_E_AUTHENTICATION_FAILED);
    ck_assert_uint_eq(mschapv2_failure_to_eaphost(645),
                      EAP_E_AUTHENTICATION_FAILED);
    ck_assert_uint_eq(mschapv2_failure_to_eaphost(650),
                      EAP_E_AUTHENTICATION_FAILED);
}
END_TEST

/* ---- the plugin, loaded as a host loads it ------------------------------ */

typedef DWORD (WINAPI *peer_get_info_fn)(EAP_TYPE *, EAP_PEER_METHOD_ROUTINES *,
                                         EAP_ERROR **);
typedef DWORD (*auth_get_info_fn)(EAP_METHOD_TYPE *,
                                  EAP_AUTHENTICATOR_METHOD_ROUTINES *,
                                  EAP_ERROR **);
typedef VOID (WINAPI *free_fn)(void *);
typedef VOID (WINAPI *free_error_fn)(EAP_ERROR *);
typedef DWORD (WINAPI *query_fields_fn)(HANDLE, EAP_METHOD_TYPE, DWORD, DWORD,
                                        BYTE *, EAP_CONFIG_INPUT_FIELD_ARRAY *,
                                        EAP_ERROR **);
typedef DWORD (WINAPI *query_blob_fn)(HANDLE, EAP_METHOD_TYPE, DWORD, DWORD,
                                      BYTE *,
                                      const EAP_CONFIG_INPUT_FIELD_ARRAY *,
                                      DWORD *, BYTE **, EAP_ERROR **);

static struct plugin {
    void *so;
    EAP_PEER_METHOD_ROUTINES peer;
    EAP_AUTHENTICATOR_METHOD_ROUTINES auth;
    free_fn peer_free;
    free_error_fn peer_free_error, auth_free_error;
    query_fields_fn query_fields;
    query_blob_fn query_blob;
} P;

static void *symbol(const char *name)
{
    void *sym = dlsym(P.so, name);

    ck_assert_msg(sym != NULL, "%s not exported", name);
    return sym;
}

#define LOAD(var, name) do {                                           \
        void *s_ = symbol(name);                                       \
        memcpy(&(var), &s_, sizeof(var));                              \
    } while (0)

static const EAP_METHOD_TYPE MSCHAPV2_TYPE = { { 26, 0, 0 }, 311 };

static void plugin_load(void)
{
    char path[PATH_MAX];
    peer_get_info_fn peer_info;
    auth_get_info_fn auth_info;
    EAP_TYPE t = MSCHAPV2_TYPE.eapType;
    EAP_METHOD_TYPE mt = MSCHAPV2_TYPE;
    EAP_ERROR *e = NULL;

    snprintf(path, sizeof path, "%s/plugins/mschapv2/.libs/mschapv2.so",
             tu_builddir());
    memset(&P, 0, sizeof P);
    P.so = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    ck_assert_msg(P.so != NULL, "dlopen %s: %s", path, dlerror());
    LOAD(peer_info, "EapPeerGetInfo");
    LOAD(auth_info, "EapMethodAuthenticatorGetInfo");
    LOAD(P.peer_free, "EapPeerFreeMemory");
    LOAD(P.peer_free_error, "EapPeerFreeErrorMemory");
    LOAD(P.auth_free_error, "EapMethodAuthenticatorFreeErrorMemory");
    LOAD(P.query_fields, "EapPeerQueryCredentialInputFields");
    LOAD(P.query_blob, "EapPeerQueryUserBlobFromCredentialInputFields");
    ck_assert_uint_eq(peer_info(&t, &P.peer, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_uint_eq(auth_info(&mt, &P.auth, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_uint_eq(P.peer.EapPeerInitialize(&e), ERROR_SUCCESS);
    ck_assert_uint_eq(P.auth.EapMethodAuthenticatorInitialize(&mt, &e),
                      ERROR_SUCCESS);
}

static void plugin_unload(void)
{
    EAP_METHOD_TYPE mt = MSCHAPV2_TYPE;
    EAP_ERROR *e = NULL;

    if (!P.so)
        return;
    P.peer.EapPeerShutdown(&e);
    P.auth.EapMethodAuthenticatorShutdown(&mt, &e);
    dlclose(P.so);
    P.so = NULL;
}

START_TEST(plugin_exports_and_types)
{
    peer_get_info_fn peer_info;
    auth_get_info_fn auth_info;
    EAP_PEER_METHOD_ROUTINES r;
    EAP_AUTHENTICATOR_METHOD_ROUTINES a;
    EAP_TYPE t = { 4, 0, 0 };
    EAP_METHOD_TYPE mt = MSCHAPV2_TYPE;
    EAP_ERROR *e = NULL;

    LOAD(peer_info, "EapPeerGetInfo");
    LOAD(auth_info, "EapMethodAuthenticatorGetInfo");
    LOAD(P.auth_free_error, "EapMethodAuthenticatorFreeErrorMemory");
    symbol("EapMethodAuthenticatorFreeMemory");
    /* The SDK's export with bInitialId is not this plugin's. */
    ck_assert_ptr_null(dlsym(P.so, "EapMethodAuthenticatorBeginSession"));
    ck_assert_ptr_null(dlsym(P.so, "mschapv2_parse"));
    ck_assert_ptr_null(dlsym(P.so, "mu_set_error"));
    /* Routines the host needs. */
    ck_assert_ptr_nonnull(P.peer.EapPeerBeginSession);
    ck_assert_ptr_nonnull(P.peer.EapPeerSetCredentials);
    ck_assert_ptr_nonnull(P.peer.EapPeerGetIdentity);
    ck_assert_ptr_nonnull(P.peer.EapPeerProcessRequestPacket);
    ck_assert_ptr_nonnull(P.peer.EapPeerGetResponsePacket);
    ck_assert_ptr_nonnull(P.peer.EapPeerGetResult);
    ck_assert_ptr_nonnull(P.peer.EapPeerEndSession);
    ck_assert_ptr_nonnull(P.auth.EapMethodAuthenticatorBeginSession);
    ck_assert_ptr_nonnull(P.auth.EapMethodAuthenticatorSendPacket);
    ck_assert_ptr_nonnull(P.auth.EapMethodAuthenticatorReceivePacket);
    ck_assert_ptr_nonnull(P.auth.EapMethodAuthenticatorGetResult);
    ck_assert_ptr_nonnull(P.auth.EapMethodAuthenticatorEndSession);
    ck_assert_uint_eq(P.auth.dwSizeInBytes, sizeof(P.auth));
    /* Other types are refused, with an error the method frees. */
    ck_assert_uint_eq(peer_info(&t, &r, &e), ERROR_NOT_SUPPORTED);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->dwWinError, ERROR_NOT_SUPPORTED);
    ck_assert_uint_eq(e->type.eapType.type, 26);
    P.peer_free_error(e);
    e = NULL;
    mt.dwAuthorId = 0;
    ck_assert_uint_eq(auth_info(&mt, &a, &e), ERROR_NOT_SUPPORTED);
    ck_assert_ptr_nonnull(e);
    P.auth_free_error(e);
}
END_TEST

/* ---- one peer session against one authenticator session ----------------- */

#define MAX_PKT 1400u

struct pair {
    EAP_SESSION_HANDLE peer, auth;
    BYTE id;                      /* Identifier of the last Request */
    BYTE req[MAX_PKT];
    DWORD req_len;
    BYTE resp[MAX_PKT];
    DWORD resp_len;
    EAP_AUTHENTICATOR_SEND_TIMEOUT timeout;
};

/* Attributes for the authenticator: the stored password, if any. */
static void auth_begin(struct pair *x, const WCHAR *identity,
                       const char *password)
{
    EAP_ATTRIBUTE a = { eatClearTextPassword, 0, NULL };
    EapAttributes attrs = { 1, &a };
    EAP_ERROR *e = NULL;

    if (password) {
        a.dwLength = (DWORD)strlen(password);
        a.pValue = (BYTE *)password;
    }
    ck_assert_uint_eq(P.auth.EapMethodAuthenticatorBeginSession(
                          0, identity, password ? &attrs : NULL, 0, NULL,
                          MAX_PKT, &x->auth, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_ptr_nonnull(x->auth);
}

static void peer_begin(struct pair *x, BYTE *user_data, DWORD user_size)
{
    EAP_ERROR *e = NULL;

    ck_assert_uint_eq(P.peer.EapPeerBeginSession(0, NULL, NULL, 0, NULL,
                                                 user_size, user_data,
                                                 MAX_PKT, &x->peer, &e),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_ptr_nonnull(x->peer);
}

static void peer_credentials(struct pair *x, const WCHAR *user,
                             const WCHAR *password)
{
    EAP_ERROR *e = NULL;

    ck_assert_uint_eq(P.peer.EapPeerSetCredentials(x->peer, (WCHAR *)user,
                                                   (WCHAR *)password, &e),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
}

static void pair_begin(struct pair *x, const WCHAR *peer_user,
                       const WCHAR *peer_password, const WCHAR *identity,
                       const char *stored_password)
{
    memset(x, 0, sizeof *x);
    x->id = 100;
    auth_begin(x, identity, stored_password);
    peer_begin(x, NULL, 0);
    peer_credentials(x, peer_user, peer_password);
}

static void pair_end(struct pair *x)
{
    EAP_ERROR *e = NULL;

    if (x->peer)
        ck_assert_uint_eq(P.peer.EapPeerEndSession(x->peer, &e),
                          ERROR_SUCCESS);
    if (x->auth)
        ck_assert_uint_eq(P.auth.EapMethodAuthenticatorEndSession(x->auth, &e),
                          ERROR_SUCCESS);
    x->peer = x->auth = NULL;
}

/* The authenticator's next Request, into x->req. */
static void auth_send(struct pair *x)
{
    DWORD size = sizeof x->req;
    EAP_ERROR *e = NULL;

    x->id++;
    ck_assert_uint_eq(P.auth.EapMethodAuthenticatorSendPacket(
                          x->auth, x->id, &size, (EapPacket *)x->req,
                          &x->timeout, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_uint_ge(size, 6);
    ck_assert_uint_eq((DWORD)(x->req[2] << 8 | x->req[3]), size);
    x->req_len = size;
}

/*
 * Hand @len bytes to the peer in a buffer of exactly that size (so that a
 * read beyond it is caught); when it says Send, fetch the response into
 * x->resp.  Returns the action.
 */
static EapPeerMethodResponseAction peer_take(struct pair *x, const BYTE *pkt,
                                             DWORD len)
{
    EapPeerMethodOutput out = { (EapPeerMethodResponseAction)99, FALSE };
    BYTE *copy = malloc(len ? len : 1);
    EAP_ERROR *e = NULL;
    DWORD size = sizeof x->resp;

    ck_assert_ptr_nonnull(copy);
    if (len)
        memcpy(copy, pkt, len);
    ck_assert_uint_eq(P.peer.EapPeerProcessRequestPacket(
                          x->peer, len, (EapPacket *)copy, &out, &e),
                      ERROR_SUCCESS);
    free(copy);
    ck_assert_ptr_null(e);
    ck_assert(out.action == EapPeerMethodResponseActionSend ||
              out.action == EapPeerMethodResponseActionDiscard);
    x->resp_len = 0;
    if (out.action == EapPeerMethodResponseActionSend) {
        ck_assert_uint_eq(P.peer.EapPeerGetResponsePacket(
                              x->peer, &size, (EapPacket *)x->resp, &e),
                          ERROR_SUCCESS);
        ck_assert_ptr_null(e);
        x->resp_len = size;
        ck_assert_uint_eq(x->resp[0], EapCodeResponse);
        ck_assert_uint_eq(x->resp[1], pkt[1]);
        ck_assert_uint_eq((DWORD)(x->resp[2] << 8 | x->resp[3]), size);
        ck_assert_uint_eq(x->resp[4], 26);
    }
    return out.action;
}

static EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION auth_take(struct pair *x,
                                                          const BYTE *pkt,
                                                          DWORD len)
{
    EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION action =
        (EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION)99;
    BYTE *copy = malloc(len ? len : 1);
    EAP_ERROR *e = NULL;

    ck_assert_ptr_nonnull(copy);
    if (len)
        memcpy(copy, pkt, len);
    ck_assert_uint_eq(P.auth.EapMethodAuthenticatorReceivePacket(
                          x->auth, len, (EapPacket *)copy, &action, &e),
                      ERROR_SUCCESS);
    free(copy);
    ck_assert_ptr_null(e);
    return action;
}

/* Challenge -> Response: afterwards x->req is the Challenge and x->resp
 * the Response, already accepted by the authenticator (action SEND). */
static void run_challenge(struct pair *x)
{
    auth_send(x);
    ck_assert_uint_eq(x->req[5], MSCHAPV2_OP_CHALLENGE);
    ck_assert_int_eq(x->timeout, EAP_AUTHENTICATOR_SEND_TIMEOUT_INTERACTIVE);
    ck_assert_int_eq(peer_take(x, x->req, x->req_len),
                     EapPeerMethodResponseActionSend);
    ck_assert_int_eq(auth_take(x, x->resp, x->resp_len),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_SEND);
}

/* Success/Failure Request -> acknowledgement -> RESULT. */
static void run_outcome(struct pair *x, BYTE opcode)
{
    auth_send(x);
    ck_assert_uint_eq(x->req[5], opcode);
    ck_assert_int_eq(x->timeout, EAP_AUTHENTICATOR_SEND_TIMEOUT_BASIC);
    ck_assert_int_eq(peer_take(x, x->req, x->req_len),
                     EapPeerMethodResponseActionSend);
    ck_assert_uint_eq(x->resp_len, 6);
    ck_assert_uint_eq(x->resp[5], opcode);
    ck_assert_int_eq(auth_take(x, x->resp, x->resp_len),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT);
}

static void auth_result(struct pair *x, EAP_METHOD_AUTHENTICATOR_RESULT *r)
{
    EAP_ERROR *e = NULL;

    memset(r, 0xA5, sizeof *r);
    ck_assert_uint_eq(P.auth.EapMethodAuthenticatorGetResult(x->auth, r, &e),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
}

static void peer_result(struct pair *x, EapPeerMethodResultReason why,
                        EapPeerMethodResult *r)
{
    EAP_ERROR *e = NULL;

    memset(r, 0, sizeof *r);      /* as the host does */
    ck_assert_uint_eq(P.peer.EapPeerGetResult(x->peer, why, r, &e),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
}

/* The 16-byte key of an MS-MPPE key attribute, after checking its layout
 * (DESIGN.md 4 "Keys"). */
static const BYTE *mppe_key(const EAP_ATTRIBUTES *attrs, BYTE vendor_type)
{
    static const BYTE zero[15];
    DWORD i;

    ck_assert_ptr_nonnull(attrs);
    ck_assert_uint_eq(attrs->dwNumberOfAttributes, 2);
    for (i = 0; i < attrs->dwNumberOfAttributes; i++) {
        const EAP_ATTRIBUTE *a = &attrs->pAttribs[i];
        const BYTE *v = a->pValue;

        ck_assert_int_eq(a->eaType, eatVendorSpecific);
        ck_assert_uint_eq(a->dwLength, 40);
        ck_assert_mem_eq(v, "\x00\x00\x01\x37", 4);     /* vendor 311 */
        if (v[4] != vendor_type)
            continue;
        ck_assert_uint_eq(v[5], 36);     /* vendor length, type included */
        ck_assert_uint_eq(v[6], 0);                      /* salt */
        ck_assert_uint_eq(v[7], 0);
        ck_assert_uint_eq(v[8], 16);                     /* key length */
        ck_assert_mem_eq(v + 25, zero, 15);              /* padding */
        return v + 9;
    }
    ck_abort_msg("no attribute of vendor type %u", vendor_type);
    return NULL;
}

/* Both sides succeed; keys mirrored; the MSK is the same from both. */
static void expect_success(struct pair *x)
{
    EAP_METHOD_AUTHENTICATOR_RESULT ar;
    EapPeerMethodResult pr;
    const BYTE *ps, *pr_key, *ss, *sr;
    BYTE msk_peer[64], msk_server[64];

    run_challenge(x);
    run_outcome(x, MSCHAPV2_OP_SUCCESS);
    auth_result(x, &ar);
    ck_assert_int_eq(ar.fIsSuccess, TRUE);
    ck_assert_uint_eq(ar.dwFailureReason, 0);
    peer_result(x, EapPeerMethodResultSuccess, &pr);
    ck_assert_int_eq(pr.fIsSuccess, TRUE);
    ck_assert_uint_eq(pr.dwFailureReasonCode, 0);
    ck_assert_ptr_null(pr.pEapError);

    ps = mppe_key(pr.pAttribArray, 16);
    pr_key = mppe_key(pr.pAttribArray, 17);
    ss = mppe_key(ar.pAuthAttribs, 16);
    sr = mppe_key(ar.pAuthAttribs, 17);
    ck_assert_mem_eq(ps, sr, 16);        /* peer Send = server Recv */
    ck_assert_mem_eq(pr_key, ss, 16);    /* peer Recv = server Send */
    ck_assert_mem_ne(ps, pr_key, 16);
    mschapv2_msk(ps, pr_key, msk_peer);
    mschapv2_msk(sr, ss, msk_server);
    ck_assert_mem_eq(msk_peer, msk_server, 64);
}

START_TEST(right_password_set_credentials)
{
    struct pair x;

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    expect_success(&x);
    pair_end(&x);
}
END_TEST

START_TEST(right_password_unicode_and_domain)
{
    struct pair x;

    /* "pässwörd€" reaches the peer as UTF-16 and the server as UTF-8. */
    pair_begin(&x, L"CORP\\Us\u00e9r", L"p\u00e4ssw\u00f6rd\u20ac",
               L"CORP\\Us\u00e9r", "p\xc3\xa4ssw\xc3\xb6rd\xe2\x82\xac");
    expect_success(&x);
    pair_end(&x);
}
END_TEST

START_TEST(empty_password)
{
    struct pair x;

    pair_begin(&x, L"User", L"", L"User", "");
    expect_success(&x);
    pair_end(&x);
}
END_TEST

START_TEST(wire_format)
{
    struct pair x;
    char text[128];
    DWORD n;

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    auth_send(&x);
    /* Challenge: MS-CHAPv2-ID = Identifier, Value-Size 16, Name "eaphost". */
    ck_assert_uint_eq(x.req_len, 5 + 4 + 1 + 16 + 7);
    ck_assert_uint_eq(x.req[0], EapCodeRequest);
    ck_assert_uint_eq(x.req[6], x.id);
    ck_assert_uint_eq((DWORD)(x.req[7] << 8 | x.req[8]), x.req_len - 5);
    ck_assert_uint_eq(x.req[9], 16);
    ck_assert_mem_eq(x.req + 26, "eaphost", 7);
    ck_assert_int_eq(peer_take(&x, x.req, x.req_len),
                     EapPeerMethodResponseActionSend);
    /* Response: Value-Size 49, zero Reserved and Flags, Name "User". */
    ck_assert_uint_eq(x.resp_len, 5 + 4 + 1 + 49 + 4);
    ck_assert_uint_eq(x.resp[5], MSCHAPV2_OP_RESPONSE);
    ck_assert_uint_eq(x.resp[6], x.req[6]);
    ck_assert_uint_eq((DWORD)(x.resp[7] << 8 | x.resp[8]), x.resp_len - 5);
    ck_assert_uint_eq(x.resp[9], 49);
    ck_assert_mem_eq(x.resp + 26, "\0\0\0\0\0\0\0\0", 8);
    ck_assert_uint_eq(x.resp[58], 0);
    ck_assert_mem_eq(x.resp + 59, "User", 4);
    ck_assert_int_eq(auth_take(&x, x.resp, x.resp_len),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_SEND);
    /* Success Request: "S=<40 upper-case hex> M=OK", same MS-CHAPv2-ID. */
    auth_send(&x);
    n = x.req_len - 9;
    ck_assert_uint_lt(n, sizeof text);
    memcpy(text, x.req + 9, n);
    text[n] = '\0';
    ck_assert_uint_eq(x.req[6], x.resp[6]);
    ck_assert_uint_eq(strlen(text), 47);
    ck_assert_mem_eq(text, "S=", 2);
    ck_assert_str_eq(text + 42, " M=OK");
    for (int i = 2; i < 42; i++)
        ck_assert(strchr("0123456789ABCDEF", text[i]) != NULL);
    pair_end(&x);

    /* Failure Request text. */
    pair_begin(&x, L"User", L"wrong", L"User", "clientPass");
    run_challenge(&x);
    auth_send(&x);
    n = x.req_len - 9;
    memcpy(text, x.req + 9, n);
    text[n] = '\0';
    ck_assert_str_eq(text, "E=691 R=0 C=00000000000000000000000000000000 "
                           "V=3 M=Authentication failed");
    pair_end(&x);
}
END_TEST

/* The peer's failure result: @code, reason mentioning @needle. */
static void expect_peer_failure(struct pair *x, EapPeerMethodResultReason why,
                                DWORD code, DWORD reason_code,
                                const char *needle)
{
    EapPeerMethodResult r;

    peer_result(x, why, &r);
    ck_assert_int_eq(r.fIsSuccess, FALSE);
    ck_assert_uint_eq(r.dwFailureReasonCode, code);
    ck_assert_ptr_null(r.pAttribArray);
    ck_assert_ptr_nonnull(r.pEapError);
    ck_assert_uint_eq(r.pEapError->dwWinError, code);
    ck_assert_uint_eq(r.pEapError->dwReasonCode, reason_code);
    ck_assert_uint_eq(r.pEapError->type.eapType.type, 26);
    ck_assert_uint_eq(r.pEapError->type.dwAuthorId, 311);
    ck_assert(error_mentions(r.pEapError, needle));
}

static void expect_rejected(const WCHAR *peer_user, const WCHAR *peer_pw,
                            const WCHAR *identity, const char *stored,
                            DWORD server_code)
{
    EAP_METHOD_AUTHENTICATOR_RESULT ar;
    struct pair x;

    pair_begin(&x, peer_user, peer_pw, identity, stored);
    run_challenge(&x);
    run_outcome(&x, MSCHAPV2_OP_FAILURE);
    auth_result(&x, &ar);
    ck_assert_int_eq(ar.fIsSuccess, FALSE);
    ck_assert_uint_eq(ar.dwFailureReason, server_code);
    ck_assert_ptr_null(ar.pAuthAttribs);
    /* The host then sends EAP-Failure. */
    expect_peer_failure(&x, EapPeerMethodResultFailure,
                        EAP_E_USER_NAME_PASSWORD_REJECTED, 691,
                        "E=691: the user name or password is wrong; its "
                        "message: \"Authentication failed\"");
    pair_end(&x);
}

START_TEST(wrong_password)
{
    expect_rejected(L"User", L"clientPasS", L"User", "clientPass",
                    EAP_E_USER_NAME_PASSWORD_REJECTED);
}
END_TEST

START_TEST(unknown_identity)
{
    expect_rejected(L"Nobody", L"clientPass", L"Nobody", NULL,
                    EAP_E_EAPHOST_IDENTITY_UNKNOWN);
}
END_TEST

START_TEST(null_identity)
{
    expect_rejected(L"User", L"clientPass", NULL, "clientPass",
                    EAP_E_EAPHOST_IDENTITY_UNKNOWN);
}
END_TEST

START_TEST(name_is_not_the_identity)
{
    /* Right password, but the Response's Name is another user's. */
    expect_rejected(L"Mallory", L"clientPass", L"User", "clientPass",
                    EAP_E_USER_NAME_PASSWORD_REJECTED);
}
END_TEST

/* ---- credentials through the user blob ---------------------------------- */

static void make_blob(const WCHAR *user, const WCHAR *password, BYTE **blob,
                      DWORD *size)
{
    EAP_CONFIG_INPUT_FIELD_ARRAY fields;
    EAP_ERROR *e = NULL;
    DWORD i;

    ck_assert_uint_eq(P.query_fields(NULL, MSCHAPV2_TYPE, 0, 0, NULL, &fields,
                                     &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_uint_eq(fields.dwNumberOfFields, 2);
    for (i = 0; i < fields.dwNumberOfFields; i++) {
        if (fields.pFields[i].Type == EapConfigInputUsername)
            fields.pFields[i].pwszData = (WCHAR *)user;
        else if (fields.pFields[i].Type == EapConfigInputPassword)
            fields.pFields[i].pwszData = (WCHAR *)password;
    }
    *blob = NULL;
    ck_assert_uint_eq(P.query_blob(NULL, MSCHAPV2_TYPE, 0, 0, NULL, &fields,
                                   size, blob, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_ptr_nonnull(*blob);
    P.peer_free(fields.pFields);
}

START_TEST(credentials_from_user_blob)
{
    struct pair x;
    BYTE *blob, *out = (BYTE *)1;
    DWORD size, out_size = 7;
    BOOL ui = TRUE;
    LPWSTR identity = NULL;
    EAP_ERROR *e = NULL;

    make_blob(L"User", L"clientPass", &blob, &size);
    /* GetIdentity: the user name from the blob. */
    ck_assert_uint_eq(P.peer.EapPeerGetIdentity(0, 0, NULL, size, blob, NULL,
                                                &ui, &out_size, &out,
                                                &identity, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_int_eq(ui, FALSE);
    ck_assert_uint_eq(out_size, 0);
    ck_assert_ptr_null(out);
    ck_assert_ptr_nonnull(identity);
    ck_assert_mem_eq(identity, L"User", 5 * sizeof(WCHAR));
    P.peer_free(identity);

    memset(&x, 0, sizeof x);
    x.id = 7;
    auth_begin(&x, L"User", "clientPass");
    peer_begin(&x, blob, size);
    expect_success(&x);
    pair_end(&x);

    /* SetCredentials overrides the blob. */
    memset(&x, 0, sizeof x);
    auth_begin(&x, L"User", "clientPass");
    peer_begin(&x, blob, size);
    peer_credentials(&x, NULL, L"not the password");
    run_challenge(&x);
    run_outcome(&x, MSCHAPV2_OP_FAILURE);
    pair_end(&x);

    P.peer_free(blob);
}
END_TEST

START_TEST(user_blob_errors)
{
    EAP_CONFIG_INPUT_FIELD_ARRAY fields;
    EAP_SESSION_HANDLE h = (EAP_SESSION_HANDLE)1;
    EAP_METHOD_TYPE md5 = { { 4, 0, 0 }, 0 };
    BYTE junk[] = { 9, 'x', 0, 0 };
    BYTE *blob = NULL, *out = NULL;
    DWORD size = 0, out_size;
    LPWSTR identity = NULL;
    BOOL ui;
    EAP_ERROR *e = NULL;

    /* A blob that is not ours. */
    ck_assert_uint_eq(P.peer.EapPeerBeginSession(0, NULL, NULL, 0, NULL,
                                                 sizeof junk, junk, MAX_PKT,
                                                 &h, &e), ERROR_INVALID_DATA);
    ck_assert_ptr_null(h);
    ck_assert(error_mentions(e, "not a user blob"));
    P.peer_free_error(e);
    e = NULL;
    ck_assert_uint_eq(P.peer.EapPeerGetIdentity(0, 0, NULL, sizeof junk, junk,
                                                NULL, &ui, &out_size, &out,
                                                &identity, &e),
                      ERROR_INVALID_DATA);
    ck_assert_ptr_null(identity);
    P.peer_free_error(e);
    e = NULL;
    /* No user data at all. */
    ck_assert_uint_eq(P.peer.EapPeerGetIdentity(0, 0, NULL, 0, NULL, NULL, &ui,
                                                &out_size, &out, &identity,
                                                &e),
                      EAP_E_EAPHOST_IDENTITY_UNKNOWN);
    P.peer_free_error(e);
    e = NULL;
    /* Fields without a user name. */
    ck_assert_uint_eq(P.query_fields(NULL, MSCHAPV2_TYPE, 0, 0, NULL, &fields,
                                     &e), ERROR_SUCCESS);
    ck_assert_uint_eq(P.query_blob(NULL, MSCHAPV2_TYPE, 0, 0, NULL, &fields,
                                   &size, &blob, &e), ERROR_INVALID_DATA);
    ck_assert_ptr_null(blob);
    ck_assert(error_mentions(e, "user name"));
    P.peer_free_error(e);
    e = NULL;
    P.peer_free(fields.pFields);
    /* Another method's type. */
    ck_assert_uint_eq(P.query_fields(NULL, md5, 0, 0, NULL, &fields, &e),
                      ERROR_NOT_SUPPORTED);
    P.peer_free_error(e);
}
END_TEST

START_TEST(no_credentials)
{
    struct pair x;
    EapPeerMethodOutput out;
    EAP_ERROR *e = NULL;

    memset(&x, 0, sizeof x);
    auth_begin(&x, L"User", "clientPass");
    peer_begin(&x, NULL, 0);
    auth_send(&x);
    ck_assert_uint_eq(P.peer.EapPeerProcessRequestPacket(
                          x.peer, x.req_len, (EapPacket *)x.req, &out, &e),
                      EAP_E_EAPHOST_IDENTITY_UNKNOWN);
    ck_assert(error_mentions(e, "no user name and password"));
    P.peer_free_error(e);
    pair_end(&x);
}
END_TEST

START_TEST(password_too_long)
{
    WCHAR pw[258];
    struct pair x;
    EAP_ERROR *e = NULL;

    for (int i = 0; i < 257; i++)
        pw[i] = 'p';
    pw[257] = 0;
    memset(&x, 0, sizeof x);
    peer_begin(&x, NULL, 0);
    ck_assert_uint_eq(P.peer.EapPeerSetCredentials(x.peer, L"User", pw, &e),
                      ERROR_INVALID_PARAMETER);
    ck_assert(error_mentions(e, "256 characters"));
    P.peer_free_error(e);
    pair_end(&x);
}
END_TEST

/* ---- the peer against a bad or hostile server --------------------------- */

/* A Request of @opcode with MS-Length right and @text as its data. */
static DWORD mk_request(BYTE *buf, BYTE id, BYTE opcode, BYTE ms_id,
                        const char *text)
{
    DWORD len = 0;

    ck_assert_uint_eq(mschapv2_build_text_request((EapPacket *)buf, MAX_PKT,
                                                  id, opcode, ms_id, text,
                                                  strlen(text), &len),
                      ERROR_SUCCESS);
    return len;
}

/* Feed @pkt; the peer must discard it. */
static void peer_discards(struct pair *x, const BYTE *pkt, DWORD len)
{
    ck_assert_int_eq(peer_take(x, pkt, len),
                     EapPeerMethodResponseActionDiscard);
}

START_TEST(peer_success_before_challenge)
{
    struct pair x;
    BYTE pkt[MAX_PKT];
    DWORD len;

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    len = mk_request(pkt, 1, MSCHAPV2_OP_SUCCESS, 1, AUTH_RESPONSE);
    peer_discards(&x, pkt, len);
    /* The session is not disturbed: the real exchange still works. */
    expect_success(&x);
    pair_end(&x);

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    peer_discards(&x, pkt, len);
    expect_peer_failure(&x, EapPeerMethodResultSuccess,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED,
                        "discarded a Success Request: no Challenge has been "
                        "answered yet");
    pair_end(&x);
}
END_TEST

START_TEST(peer_unknown_and_unsupported_opcodes)
{
    struct pair x;
    BYTE pkt[MAX_PKT];
    DWORD len;

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    len = mk_request(pkt, 1, 9, 1, "whatever");
    peer_discards(&x, pkt, len);
    expect_peer_failure(&x, EapPeerMethodResultFailure,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED,
                        "OpCode 9 (unknown) is not valid in a Request");
    len = mk_request(pkt, 1, MSCHAPV2_OP_RESPONSE, 1, "whatever");
    peer_discards(&x, pkt, len);
    expect_peer_failure(&x, EapPeerMethodResultFailure,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED,
                        "OpCode 2 (Response) is not valid in a Request");
    len = mk_request(pkt, 1, MSCHAPV2_OP_CHANGE_PASSWORD, 1, "x");
    peer_discards(&x, pkt, len);
    expect_peer_failure(&x, EapPeerMethodResultFailure,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED,
                        "Change-Password Request (OpCode 7): changing the "
                        "password is not supported");
    /* A Response (Code 2) where a Request belongs. */
    pkt[0] = EapCodeResponse;
    peer_discards(&x, pkt, len);
    expect_peer_failure(&x, EapPeerMethodResultFailure,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED,
                        "EAP Code 2 where a Request was expected");
    expect_success(&x);
    pair_end(&x);
}
END_TEST

START_TEST(peer_malformed_challenges)
{
    struct pair x;
    BYTE pkt[MAX_PKT];
    DWORD len;

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    auth_send(&x);
    len = x.req_len;

    /* MS-Length not EAP Length - 5. */
    memcpy(pkt, x.req, len);
    pkt[8]++;
    peer_discards(&x, pkt, len);
    expect_peer_failure(&x, EapPeerMethodResultUnknown,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED,
                        "MS-Length 29 is not the EAP Length minus 5 (28)");
    /* Value-Size other than 16. */
    memcpy(pkt, x.req, len);
    pkt[9] = 15;
    peer_discards(&x, pkt, len);
    expect_peer_failure(&x, EapPeerMethodResultUnknown,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED,
                        "Challenge Value-Size 15, must be 16");
    /* Another EAP type. */
    memcpy(pkt, x.req, len);
    pkt[4] = 4;
    peer_discards(&x, pkt, len);
    /* EAP Length beyond the buffer. */
    memcpy(pkt, x.req, len);
    peer_discards(&x, pkt, len - 1);
    expect_peer_failure(&x, EapPeerMethodResultUnknown,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED,
                        "Length beyond the 32 bytes received");
    /* Every truncation, with Length and MS-Length made consistent. */
    for (DWORD n = 0; n < 5 + 4 + 1 + 16; n++) {
        memcpy(pkt, x.req, len);
        if (n >= 4) {
            pkt[2] = 0;
            pkt[3] = (BYTE)n;
        }
        if (n >= 9)
            pkt[8] = (BYTE)(n - 5);
        peer_discards(&x, pkt, n);
    }
    /* None of that disturbed the session. */
    ck_assert_int_eq(peer_take(&x, x.req, x.req_len),
                     EapPeerMethodResponseActionSend);
    ck_assert_int_eq(auth_take(&x, x.resp, x.resp_len),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_SEND);
    /* A second Challenge after the Response is discarded. */
    peer_discards(&x, x.req, x.req_len);
    run_outcome(&x, MSCHAPV2_OP_SUCCESS);
    pair_end(&x);
}
END_TEST

START_TEST(peer_null_and_tiny_packets)
{
    struct pair x;
    EapPeerMethodOutput out;
    EAP_ERROR *e = NULL;
    BYTE one = 1;

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    ck_assert_uint_eq(P.peer.EapPeerProcessRequestPacket(x.peer, 0, NULL,
                                                         &out, &e),
                      ERROR_SUCCESS);
    ck_assert_int_eq(out.action, EapPeerMethodResponseActionDiscard);
    ck_assert_uint_eq(P.peer.EapPeerProcessRequestPacket(x.peer, 1,
                                                         (EapPacket *)&one,
                                                         &out, &e),
                      ERROR_SUCCESS);
    ck_assert_int_eq(out.action, EapPeerMethodResponseActionDiscard);
    ck_assert_ptr_null(e);
    pair_end(&x);
}
END_TEST

/* Challenge answered; returns the MS-CHAPv2-ID to use in the outcome. */
static BYTE answered(struct pair *x)
{
    run_challenge(x);
    return x->req[6];
}

/* A Success Request with @text: the peer discards it and has failed even
 * when EAP-Success follows. */
static void bad_success(const char *text, const char *needle)
{
    struct pair x;
    BYTE pkt[MAX_PKT];
    DWORD len;
    BYTE ms_id;

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    ms_id = answered(&x);
    len = mk_request(pkt, (BYTE)(x.id + 1), MSCHAPV2_OP_SUCCESS, ms_id, text);
    peer_discards(&x, pkt, len);
    expect_peer_failure(&x, EapPeerMethodResultSuccess,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED, needle);
    /* Terminal: the genuine Success Request no longer helps. */
    auth_send(&x);
    peer_discards(&x, x.req, x.req_len);
    expect_peer_failure(&x, EapPeerMethodResultSuccess,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED, needle);
    pair_end(&x);
}

START_TEST(peer_tampered_authenticator_response)
{
    struct pair x;
    BYTE pkt[MAX_PKT];
    BYTE ms_id;

    /* The authenticator's own Success Request with one digit changed. */
    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    ms_id = answered(&x);
    auth_send(&x);
    memcpy(pkt, x.req, x.req_len);
    pkt[9 + 2 + 17] = pkt[9 + 2 + 17] == '0' ? '1' : '0';
    ck_assert_uint_eq(pkt[6], ms_id);
    peer_discards(&x, pkt, x.req_len);
    /* EAP-Success follows: the peer still fails. */
    expect_peer_failure(&x, EapPeerMethodResultSuccess,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED,
                        "Authenticator Response (S=) is wrong");
    pair_end(&x);

    /* The RFC's S= is right for the RFC's exchange, not for this one. */
    bad_success(AUTH_RESPONSE, "Authenticator Response (S=) is wrong");
}
END_TEST

START_TEST(peer_malformed_success)
{
    bad_success("", "no S= field");
    bad_success("M=welcome", "no S= field");
    bad_success("S=407A5589115FD0D6209F510FE9C04566932CDA5",
                "not 40 hexadecimal digits");
    bad_success("S=407A5589115FD0D6209F510FE9C04566932CDA5Z M=x",
                "not 40 hexadecimal digits");
    bad_success("S=407A5589115FD0D6209F510FE9C04566932CDA56garbage",
                "text after S=");
}
END_TEST

START_TEST(peer_outcome_with_wrong_ms_id)
{
    struct pair x;
    BYTE pkt[MAX_PKT];
    BYTE ms_id;

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    ms_id = answered(&x);
    auth_send(&x);
    memcpy(pkt, x.req, x.req_len);
    pkt[6] = (BYTE)(ms_id + 1);
    peer_discards(&x, pkt, x.req_len);
    /* Not terminal: the right one is accepted. */
    ck_assert_int_eq(peer_take(&x, x.req, x.req_len),
                     EapPeerMethodResponseActionSend);
    ck_assert_int_eq(auth_take(&x, x.resp, x.resp_len),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT);
    pair_end(&x);
}
END_TEST

/* A Failure Request with @text; the peer answers with a Failure Response
 * and reports @code. */
static void failure_request(const char *text, DWORD code, DWORD reason_code,
                            const char *needle)
{
    struct pair x;
    BYTE pkt[MAX_PKT];
    DWORD len;
    BYTE ms_id;

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    ms_id = answered(&x);
    len = mk_request(pkt, (BYTE)(x.id + 1), MSCHAPV2_OP_FAILURE, ms_id, text);
    ck_assert_int_eq(peer_take(&x, pkt, len), EapPeerMethodResponseActionSend);
    ck_assert_uint_eq(x.resp_len, 6);
    ck_assert_uint_eq(x.resp[1], (BYTE)(x.id + 1));
    ck_assert_uint_eq(x.resp[5], MSCHAPV2_OP_FAILURE);
    expect_peer_failure(&x, EapPeerMethodResultFailure, code, reason_code,
                        needle);
    /* Even a Success reason cannot turn it into a success. */
    expect_peer_failure(&x, EapPeerMethodResultSuccess, code, reason_code,
                        needle);
    pair_end(&x);
}

START_TEST(peer_failure_codes)
{
    failure_request("E=691 R=1 C=00112233445566778899AABBCCDDEEFF V=3 "
                    "M=Wrong password", EAP_E_USER_NAME_PASSWORD_REJECTED,
                    691, "E=691: the user name or password is wrong; its "
                    "message: \"Wrong password\"");
    failure_request("E=646 R=0 V=3", EAP_E_USER_CREDENTIALS_REJECTED, 646,
                    "may not log on at this time");
    failure_request("E=647", EAP_E_USER_CREDENTIALS_REJECTED, 647,
                    "account is disabled");
    failure_request("E=648 R=0 V=3 M=Password expired",
                    EAP_E_USER_CREDENTIALS_REJECTED, 648,
                    "changing it (MS-CHAPv2 Change-Password) is not supported");
    failure_request("E=649 R=0 V=3", EAP_E_USER_CREDENTIALS_REJECTED, 649,
                    "no dial-in permission");
    failure_request("E=709 R=0 V=3", EAP_E_AUTHENTICATION_FAILED, 709,
                    "E=709");
    failure_request("E=12345 M=\x01\x02", EAP_E_AUTHENTICATION_FAILED, 12345,
                    "not printable UTF-8");
    failure_request("E=691 M=\xc3\xa9t\xc3\xa9", EAP_E_USER_NAME_PASSWORD_REJECTED,
                    691, "its message: \"");
}
END_TEST

START_TEST(peer_malformed_failure)
{
    failure_request("E=691 R=2 V=3", EAP_E_AUTHENTICATION_FAILED,
                    EAP_E_AUTHENTICATION_FAILED,
                    "malformed Failure Request: R= is not 0 or 1");
    failure_request("", EAP_E_AUTHENTICATION_FAILED,
                    EAP_E_AUTHENTICATION_FAILED,
                    "malformed Failure Request: the Failure Request does not "
                    "start with E=");
    failure_request("E=691 C=12", EAP_E_AUTHENTICATION_FAILED,
                    EAP_E_AUTHENTICATION_FAILED, "C= is not 32 hexadecimal");
}
END_TEST

START_TEST(peer_bare_eap_failure)
{
    struct pair x;

    /* EAP-Failure straight after the Response. */
    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    answered(&x);
    expect_peer_failure(&x, EapPeerMethodResultFailure,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED,
                        "EAP-Failure without an MS-CHAPv2 Failure Request");
    pair_end(&x);

    /* EAP-Failure after a verified Success Request. */
    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    run_challenge(&x);
    run_outcome(&x, MSCHAPV2_OP_SUCCESS);
    expect_peer_failure(&x, EapPeerMethodResultFailure,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED,
                        "outcome was EAP-Failure");
    pair_end(&x);

    /* Timeout before anything. */
    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    expect_peer_failure(&x, EapPeerMethodResultUnknown,
                        EAP_E_AUTHENTICATION_FAILED,
                        EAP_E_AUTHENTICATION_FAILED,
                        "did not finish");
    pair_end(&x);
}
END_TEST

START_TEST(peer_response_buffer)
{
    struct pair x;
    EapPeerMethodOutput out;
    BYTE buf[MAX_PKT];
    DWORD size = 20;
    EAP_ERROR *e = NULL;

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    /* Nothing pending yet. */
    ck_assert_uint_eq(P.peer.EapPeerGetResponsePacket(x.peer, &size,
                                                      (EapPacket *)buf, &e),
                      ERROR_INVALID_STATE);
    P.peer_free_error(e);
    e = NULL;
    auth_send(&x);
    ck_assert_uint_eq(P.peer.EapPeerProcessRequestPacket(
                          x.peer, x.req_len, (EapPacket *)x.req, &out, &e),
                      ERROR_SUCCESS);
    ck_assert_int_eq(out.action, EapPeerMethodResponseActionSend);
    ck_assert_uint_eq(P.peer.EapPeerGetResponsePacket(x.peer, &size,
                                                      (EapPacket *)buf, &e),
                      ERROR_INSUFFICIENT_BUFFER);
    ck_assert(error_mentions(e, "does not fit 20 bytes"));
    P.peer_free_error(e);
    e = NULL;
    size = sizeof buf;
    ck_assert_uint_eq(P.peer.EapPeerGetResponsePacket(x.peer, &size,
                                                      (EapPacket *)buf, &e),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(size, 63);
    pair_end(&x);
}
END_TEST

/* ---- the authenticator against a bad or hostile peer -------------------- */

static void auth_discards(struct pair *x, const BYTE *pkt, DWORD len)
{
    ck_assert_int_eq(auth_take(x, pkt, len),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD);
}

START_TEST(auth_malformed_responses)
{
    struct pair x;
    BYTE pkt[MAX_PKT];
    DWORD len;

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    auth_send(&x);
    ck_assert_int_eq(peer_take(&x, x.req, x.req_len),
                     EapPeerMethodResponseActionSend);
    len = x.resp_len;

    auth_discards(&x, NULL, 0);
    /* Wrong Identifier. */
    memcpy(pkt, x.resp, len);
    pkt[1]++;
    auth_discards(&x, pkt, len);
    /* Wrong MS-CHAPv2-ID. */
    memcpy(pkt, x.resp, len);
    pkt[6]++;
    auth_discards(&x, pkt, len);
    /* MS-Length. */
    memcpy(pkt, x.resp, len);
    pkt[8]--;
    auth_discards(&x, pkt, len);
    /* Value-Size. */
    memcpy(pkt, x.resp, len);
    pkt[9] = 48;
    auth_discards(&x, pkt, len);
    /* Reserved and Flags must be zero. */
    memcpy(pkt, x.resp, len);
    pkt[30] = 1;
    auth_discards(&x, pkt, len);
    memcpy(pkt, x.resp, len);
    pkt[58] = 1;
    auth_discards(&x, pkt, len);
    /* A Request, another type, a Challenge OpCode, a Success Response. */
    memcpy(pkt, x.resp, len);
    pkt[0] = EapCodeRequest;
    auth_discards(&x, pkt, len);
    memcpy(pkt, x.resp, len);
    pkt[4] = 6;
    auth_discards(&x, pkt, len);
    memcpy(pkt, x.resp, len);
    pkt[5] = MSCHAPV2_OP_CHALLENGE;
    auth_discards(&x, pkt, len);
    memcpy(pkt, x.resp, 6);
    pkt[3] = 6;
    pkt[5] = MSCHAPV2_OP_SUCCESS;
    auth_discards(&x, pkt, 6);
    /* A Success Response with extra bytes. */
    memcpy(pkt, x.resp, len);
    pkt[5] = MSCHAPV2_OP_SUCCESS;
    auth_discards(&x, pkt, len);
    /* Length beyond the buffer, and every consistent truncation. */
    auth_discards(&x, x.resp, len - 1);
    for (DWORD n = 0; n < 5 + 4 + 1 + 49; n++) {
        memcpy(pkt, x.resp, len);
        if (n >= 4) {
            pkt[2] = 0;
            pkt[3] = (BYTE)n;
        }
        if (n >= 9)
            pkt[8] = (BYTE)(n - 5);
        auth_discards(&x, pkt, n);
    }
    /* No result yet, with the last problem as the reason. */
    {
        EAP_METHOD_AUTHENTICATOR_RESULT r;
        EAP_ERROR *e = NULL;

        ck_assert_uint_eq(P.auth.EapMethodAuthenticatorGetResult(x.auth, &r,
                                                                 &e),
                          ERROR_INVALID_STATE);
        ck_assert(error_mentions(e, "last problem: discarded a Response"));
        P.auth_free_error(e);
    }
    /* The genuine Response still works. */
    ck_assert_int_eq(auth_take(&x, x.resp, len),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_SEND);
    /* In the Success state: a second Response, a bare Failure with junk. */
    auth_discards(&x, x.resp, len);
    run_outcome(&x, MSCHAPV2_OP_SUCCESS);
    /* Over: everything is discarded, nothing more to send. */
    auth_discards(&x, x.resp, x.resp_len);
    {
        DWORD size = sizeof x.req;
        EAP_ERROR *e = NULL;

        ck_assert_uint_eq(P.auth.EapMethodAuthenticatorSendPacket(
                              x.auth, 1, &size, (EapPacket *)x.req,
                              &x.timeout, &e), ERROR_INVALID_STATE);
        P.auth_free_error(e);
    }
    pair_end(&x);
}
END_TEST

START_TEST(auth_change_password_refused)
{
    struct pair x;
    BYTE pkt[MAX_PKT];
    EAP_METHOD_AUTHENTICATOR_RESULT r;

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    auth_send(&x);
    memset(pkt, 0, sizeof pkt);
    pkt[0] = EapCodeResponse;
    pkt[1] = x.id;
    pkt[3] = 10;
    pkt[4] = 26;
    pkt[5] = MSCHAPV2_OP_CHANGE_PASSWORD;
    pkt[6] = x.req[6];
    pkt[8] = 5;
    ck_assert_int_eq(auth_take(&x, pkt, 10),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT);
    auth_result(&x, &r);
    ck_assert_int_eq(r.fIsSuccess, FALSE);
    ck_assert_uint_eq(r.dwFailureReason,
                      EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED);
    ck_assert_ptr_null(r.pAuthAttribs);
    pair_end(&x);
}
END_TEST

START_TEST(auth_peer_refuses_success)
{
    struct pair x;
    EAP_METHOD_AUTHENTICATOR_RESULT r;
    BYTE pkt[6];

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    run_challenge(&x);
    auth_send(&x);
    ck_assert_uint_eq(x.req[5], MSCHAPV2_OP_SUCCESS);
    /* A peer that rejects the S= answers with a Failure Response. */
    pkt[0] = EapCodeResponse;
    pkt[1] = x.id;
    pkt[2] = 0;
    pkt[3] = 6;
    pkt[4] = 26;
    pkt[5] = MSCHAPV2_OP_FAILURE;
    ck_assert_int_eq(auth_take(&x, pkt, 6),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT);
    auth_result(&x, &r);
    ck_assert_int_eq(r.fIsSuccess, FALSE);
    ck_assert_uint_eq(r.dwFailureReason, EAP_E_AUTHENTICATION_FAILED);
    pair_end(&x);
}
END_TEST

START_TEST(auth_bad_begin_and_buffers)
{
    EAP_ATTRIBUTE a = { eatClearTextPassword, 3, (BYTE *)"a\0b" };
    EapAttributes attrs = { 1, &a };
    EAP_SESSION_HANDLE h = (EAP_SESSION_HANDLE)1;
    EAP_ERROR *e = NULL;
    struct pair x;
    DWORD size = 20;
    BYTE buf[MAX_PKT];
    char long_pw[600];

    /* A password attribute with a NUL inside. */
    ck_assert_uint_eq(P.auth.EapMethodAuthenticatorBeginSession(
                          0, L"User", &attrs, 0, NULL, MAX_PKT, &h, &e),
                      ERROR_INVALID_DATA);
    ck_assert_ptr_null(h);
    ck_assert(error_mentions(e, "eatClearTextPassword"));
    P.auth_free_error(e);
    e = NULL;
    /* Longer than 256 characters. */
    memset(long_pw, 'x', 257);
    long_pw[257] = '\0';
    a.dwLength = 257;
    a.pValue = (BYTE *)long_pw;
    ck_assert_uint_eq(P.auth.EapMethodAuthenticatorBeginSession(
                          0, L"User", &attrs, 0, NULL, MAX_PKT, &h, &e),
                      ERROR_INVALID_PARAMETER);
    P.auth_free_error(e);
    e = NULL;
    /* A Challenge does not fit 20 bytes; nothing changes. */
    memset(&x, 0, sizeof x);
    auth_begin(&x, L"User", "clientPass");
    ck_assert_uint_eq(P.auth.EapMethodAuthenticatorSendPacket(
                          x.auth, 1, &size, (EapPacket *)buf, &x.timeout, &e),
                      ERROR_INSUFFICIENT_BUFFER);
    P.auth_free_error(e);
    peer_begin(&x, NULL, 0);
    peer_credentials(&x, L"User", L"clientPass");
    x.id = 1;
    expect_success(&x);
    pair_end(&x);
}
END_TEST

START_TEST(resent_challenge_keeps_ms_id)
{
    struct pair x;
    BYTE first[MAX_PKT];

    pair_begin(&x, L"User", L"clientPass", L"User", "clientPass");
    auth_send(&x);
    memcpy(first, x.req, x.req_len);
    /* The host resends the Challenge with a new Identifier. */
    auth_send(&x);
    ck_assert_uint_eq(x.req[1], (BYTE)(first[1] + 1));
    ck_assert_uint_eq(x.req[6], first[6]);
    ck_assert_mem_eq(x.req + 10, first + 10, 16);
    /* The peer answers the later one; the earlier Identifier is stale. */
    ck_assert_int_eq(peer_take(&x, x.req, x.req_len),
                     EapPeerMethodResponseActionSend);
    x.resp[1] = first[1];
    auth_discards(&x, x.resp, x.resp_len);
    x.resp[1] = x.req[1];
    ck_assert_int_eq(auth_take(&x, x.resp, x.resp_len),
                     EAP_METHOD_AUTHENTICATOR_RESPONSE_SEND);
    run_outcome(&x, MSCHAPV2_OP_SUCCESS);
    pair_end(&x);
}
END_TEST

/* ---- through libeaphost, with the shipped registry file ----------------- */

static void host_up(void)
{
    char dir[PATH_MAX];

    plugin_load();
    snprintf(dir, sizeof dir, "%s/plugins/methods.d", tu_builddir());
    ck_assert_uint_eq(eaphost_set_methods_dir(dir), ERROR_SUCCESS);
    ck_assert_uint_eq(EapHostPeerInitialize(), ERROR_SUCCESS);
}

static void host_down(void)
{
    EapHostPeerUninitialize();
    plugin_unload();
}

START_TEST(host_registry_entry)
{
    eaphost_method_entry *m = NULL;
    DWORD n = 0, i, found = 0;

    ck_assert_uint_eq(eaphost_list_methods(TRUE, &m, &n), ERROR_SUCCESS);
    for (i = 0; i < n; i++) {
        if (m[i].type.eapType.type != 26)
            continue;
        found++;
        ck_assert_uint_eq(m[i].type.dwAuthorId, 311);
        ck_assert_msg(m[i].state == EAPHOST_METHOD_READY, "state %d: %s",
                      (int)m[i].state,
                      m[i].fault_reason ? m[i].fault_reason : "");
        ck_assert_str_eq(m[i].friendly_name, "EAP-MSCHAPv2");
        ck_assert_uint_eq(m[i].properties,
                          eapPropMutualAuth | eapPropKeyDerivation |
                          eapPropKeyStrength128 | eapPropStandalone |
                          eapPropMppeEncryption | eapPropUserAuth);
        ck_assert_ptr_nonnull(m[i].peer_dll_path);
        ck_assert_ptr_nonnull(m[i].authenticator_dll_path);
    }
    ck_assert_uint_eq(found, 1);
    eaphost_free_method_list(m, n);
}
END_TEST

/* One packet into the host; a response to send lands in @resp. */
static EapHostPeerResponseAction host_take(EAP_SESSIONID sid, const BYTE *pkt,
                                           DWORD len, BYTE *resp,
                                           DWORD *resp_len)
{
    EapHostPeerResponseAction a = (EapHostPeerResponseAction)99;
    EAP_ERROR *e = NULL;
    BYTE *out = NULL;
    DWORD n = 0;

    ck_assert_uint_eq(EapHostPeerProcessReceivedPacket(sid, len, pkt, &a, &e),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    if (a == EapHostPeerResponseSend) {
        ck_assert_uint_eq(EapHostPeerGetSendPacket(sid, &n, &out, &e),
                          ERROR_SUCCESS);
        ck_assert_uint_le(n, MAX_PKT);
        memcpy(resp, out, n);
        *resp_len = n;
    }
    return a;
}

/*
 * Identity, then the method exchange with the authenticator half, then
 * EAP-Success or EAP-Failure as the authenticator decided (EAP-Success
 * when @tamper alters the S=, as a server that cannot prove itself would
 * send).  @want_code 0: success expected, with keys that match the
 * authenticator's.
 */
static void host_exchange(const char *peer_password, const char *stored,
                          BOOL tamper, DWORD want_code)
{
    static const BYTE identity_req[5] = { 1, 1, 0, 5, 1 };
    EAP_SESSIONID sid = 0;
    EAP_ERROR *e = NULL;
    EapHostPeerMethodResult r;
    EAP_METHOD_AUTHENTICATOR_RESULT ar;
    EapHostPeerResponseAction a;
    struct pair x;
    BYTE pkt[MAX_PKT], fin[4];
    BYTE last_id;
    BOOL success = TRUE;

    memset(&x, 0, sizeof x);
    x.id = 1;
    ck_assert_uint_eq(EapHostPeerBeginSession(0, MSCHAPV2_TYPE, NULL, NULL, 0,
                                              NULL, 0, NULL, MAX_PKT, NULL,
                                              NULL, NULL, &sid, &e),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    ck_assert_uint_eq(eaphost_session_set_credentials(sid, "User",
                                                      peer_password),
                      ERROR_SUCCESS);
    ck_assert_int_eq(host_take(sid, identity_req, 5, x.resp, &x.resp_len),
                     EapHostPeerResponseSend);
    ck_assert_uint_eq(x.resp_len, 9);
    ck_assert_mem_eq(x.resp + 5, "User", 4);
    last_id = x.resp[1];

    auth_begin(&x, L"User", stored);
    for (;;) {
        auth_send(&x);
        memcpy(pkt, x.req, x.req_len);
        if (tamper && pkt[5] == MSCHAPV2_OP_SUCCESS)
            pkt[9 + 2 + 17] = pkt[9 + 2 + 17] == '0' ? '1' : '0';
        a = host_take(sid, pkt, x.req_len, x.resp, &x.resp_len);
        if (tamper && pkt[5] == MSCHAPV2_OP_SUCCESS) {
            ck_assert_int_eq(a, EapHostPeerResponseDiscard);
            break;
        }
        ck_assert_int_eq(a, EapHostPeerResponseSend);
        last_id = x.resp[1];
        if (auth_take(&x, x.resp, x.resp_len) ==
            EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT)
            break;
    }
    if (!tamper) {
        auth_result(&x, &ar);
        success = ar.fIsSuccess;
    }
    fin[0] = success ? EapCodeSuccess : EapCodeFailure;
    fin[1] = last_id;
    fin[2] = 0;
    fin[3] = 4;
    ck_assert_int_eq(host_take(sid, fin, 4, x.resp, &x.resp_len),
                     EapHostPeerResponseResult);
    memset(&r, 0, sizeof r);
    ck_assert_uint_eq(EapHostPeerGetResult(sid, EapHostPeerMethodResultFromMethod,
                                           &r, &e), ERROR_SUCCESS);
    ck_assert_ptr_null(e);
    if (want_code == 0) {
        BYTE msk_peer[64], msk_server[64];

        ck_assert_int_eq(r.fIsSuccess, TRUE);
        ck_assert_mem_eq(mppe_key(r.pAttribArray, 16),
                         mppe_key(ar.pAuthAttribs, 17), 16);
        ck_assert_mem_eq(mppe_key(r.pAttribArray, 17),
                         mppe_key(ar.pAuthAttribs, 16), 16);
        mschapv2_msk(mppe_key(r.pAttribArray, 16),
                     mppe_key(r.pAttribArray, 17), msk_peer);
        mschapv2_msk(mppe_key(ar.pAuthAttribs, 17),
                     mppe_key(ar.pAuthAttribs, 16), msk_server);
        ck_assert_mem_eq(msk_peer, msk_server, 64);
    } else {
        ck_assert_int_eq(r.fIsSuccess, FALSE);
        ck_assert_uint_eq(r.dwFailureReasonCode, want_code);
        ck_assert_ptr_nonnull(r.pEapError);
        EapHostPeerFreeEapError(r.pEapError);
    }
    ck_assert_uint_eq(EapHostPeerEndSession(sid, &e), ERROR_SUCCESS);
    pair_end(&x);
}

START_TEST(host_right_password)
{
    host_exchange("clientPass", "clientPass", FALSE, 0);
}
END_TEST

START_TEST(host_wrong_password)
{
    host_exchange("wrong", "clientPass", FALSE,
                  EAP_E_USER_NAME_PASSWORD_REJECTED);
}
END_TEST

START_TEST(host_unknown_identity)
{
    host_exchange("clientPass", NULL, FALSE,
                  EAP_E_USER_NAME_PASSWORD_REJECTED);
}
END_TEST

START_TEST(host_tampered_success)
{
    host_exchange("clientPass", "clientPass", TRUE,
                  EAP_E_AUTHENTICATION_FAILED);
}
END_TEST

/* ---- suite -------------------------------------------------------------- */

static Suite *mschapv2_suite(void)
{
    Suite *s = suite_create("mschapv2");
    TCase *tc;

    tc = tcase_create("crypto");
    tcase_add_test(tc, rfc2759_challenge_hash);
    tcase_add_test(tc, rfc2759_password_hashes);
    tcase_add_test(tc, rfc2759_nt_response);
    tcase_add_test(tc, rfc2759_authenticator_response);
    tcase_add_test(tc, rfc3079_master_and_start_keys);
    tcase_add_test(tc, session_keys_are_mirrored);
    tcase_add_test(tc, msk_from_either_side);
    tcase_add_test(tc, password_encoding_and_limits);
    tcase_add_test(tc, user_name_without_domain);
    suite_add_tcase(s, tc);

    tc = tcase_create("packets");
    tcase_add_test(tc, success_text_grammar);
    tcase_add_test(tc, failure_text_grammar);
    tcase_add_test(tc, failure_code_mapping);
    suite_add_tcase(s, tc);

    tc = tcase_create("exchange");
    tcase_add_checked_fixture(tc, plugin_load, plugin_unload);
    tcase_add_test(tc, plugin_exports_and_types);
    tcase_add_test(tc, right_password_set_credentials);
    tcase_add_test(tc, right_password_unicode_and_domain);
    tcase_add_test(tc, empty_password);
    tcase_add_test(tc, wire_format);
    tcase_add_test(tc, wrong_password);
    tcase_add_test(tc, unknown_identity);
    tcase_add_test(tc, null_identity);
    tcase_add_test(tc, name_is_not_the_identity);
    tcase_add_test(tc, credentials_from_user_blob);
    tcase_add_test(tc, user_blob_errors);
    tcase_add_test(tc, no_credentials);
    tcase_add_test(tc, password_too_long);
    suite_add_tcase(s, tc);

    tc = tcase_create("hostile server");
    tcase_add_checked_fixture(tc, plugin_load, plugin_unload);
    tcase_add_test(tc, peer_success_before_challenge);
    tcase_add_test(tc, peer_unknown_and_unsupported_opcodes);
    tcase_add_test(tc, peer_malformed_challenges);
    tcase_add_test(tc, peer_null_and_tiny_packets);
    tcase_add_test(tc, peer_tampered_authenticator_response);
    tcase_add_test(tc, peer_malformed_success);
    tcase_add_test(tc, peer_outcome_with_wrong_ms_id);
    tcase_add_test(tc, peer_failure_codes);
    tcase_add_test(tc, peer_malformed_failure);
    tcase_add_test(tc, peer_bare_eap_failure);
    tcase_add_test(tc, peer_response_buffer);
    suite_add_tcase(s, tc);

    tc = tcase_create("hostile peer");
    tcase_add_checked_fixture(tc, plugin_load, plugin_unload);
    tcase_add_test(tc, auth_malformed_responses);
    tcase_add_test(tc, auth_change_password_refused);
    tcase_add_test(tc, auth_peer_refuses_success);
    tcase_add_test(tc, auth_bad_begin_and_buffers);
    tcase_add_test(tc, resent_challenge_keeps_ms_id);
    suite_add_tcase(s, tc);

    tc = tcase_create("host");
    tcase_add_checked_fixture(tc, host_up, host_down);
    tcase_add_test(tc, host_registry_entry);
    tcase_add_test(tc, host_right_password);
    tcase_add_test(tc, host_wrong_password);
    tcase_add_test(tc, host_unknown_identity);
    tcase_add_test(tc, host_tampered_success);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(mschapv2_suite());
}
