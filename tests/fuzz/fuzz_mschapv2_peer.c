/*
 * fuzz_mschapv2_peer.c - the peer routines of the bundled EAP-MSCHAPv2
 * plugin (plugins/mschapv2/mschapv2_peer.c, mschapv2_packet.c), called
 * directly, without the host: dlopen mschapv2.so, EapPeerGetInfo,
 * EapPeerBeginSession, EapPeerSetCredentials (or a user blob as the user
 * data), then a sequence of Requests through EapPeerProcessRequestPacket
 * and, for action Send, EapPeerGetResponsePacket; EapPeerGetResult and
 * EapPeerEndSession at the end.
 *
 * Input:
 *   byte 0   bit 0     credentials from a user blob: the first record is
 *                      the blob, given to EapPeerBeginSession and
 *                      EapPeerGetIdentity (otherwise EapPeerSetCredentials);
 *            bits 1-2  the credentials for EapPeerSetCredentials, creds[];
 *            bits 3-4  the final EapPeerGetResult reason: Success,
 *                      Failure, Unknown, Success;
 *            bit 5     response buffers of half the maximum send size;
 *            bit 6     host-like: a packet is given only up to its EAP
 *                      Length, as the host does (otherwise as it is, with
 *                      the record's size: a method must not trust Length).
 *   byte 1   dwMaxSendPacketSize: below 128 gives 1400, else
 *            20 + 4 * (byte - 128).
 *   then     records (fuzz_common.h), each a Request; operation bits:
 *              1  oracle: in a Success Request, the 40 hex digits after
 *                 the first "S=" are replaced by the Authenticator
 *                 Response the server would compute for the last
 *                 answered Challenge (the randomness is fixed, and the
 *                 harness knows the password), so that mutations reach
 *                 the success path;
 *              2  then EapPeerGetResult(Success);
 *              4  then EapPeerGetResult(Failure).
 *
 * Every Request is given in a heap buffer of exactly its size, every
 * response buffer is a heap buffer of exactly the size announced, so
 * AddressSanitizer sees any access past them.
 *
 * Invariants (abort on failure): an error comes with an EAP_ERROR; the
 * action is Discard or Send; a Send's response is a Response (Code 2) of
 * type 26 with the Request's Identifier, Length equal to its size, within
 * the buffer and dwMaxSendPacketSize; the NT-Response of an answered
 * Challenge is right for the password (RFC 2759); GetResult reports
 * success only after a Success Request whose S= was right (no
 * authentication bypass), and then with its two MPPE key attributes.
 */
#define _GNU_SOURCE 1     /* PATH_MAX */

#include <eaphost/sdk.h>

#include "fuzz_common.h"
#include "mschapv2_crypto.h"

#include <dlfcn.h>
#include <limits.h>
#include <string.h>

#define TYPE_MSCHAPV2 26
#define OFF_OPCODE 5
#define OFF_VALUE 10                 /* Challenge / Response value */
#define OFF_MESSAGE 9                /* Success / Failure text */
#define OFF_NT_RESPONSE (OFF_VALUE + 16 + 8)
#define OFF_RESPONSE_NAME (OFF_VALUE + 49)
#define MAX_UNITS 300

struct creds {
    const char *user;
    WCHAR password[MAX_UNITS];
    size_t units;
};

static struct creds creds[4];

static EAP_PEER_METHOD_ROUTINES rt;
static eaphost_peer_free_error_memory_fn free_error_memory;
static eaphost_peer_free_memory_fn free_memory;

static void set_units(struct creds *c, const char *ascii, size_t repeat)
{
    size_t n = 0;

    if (repeat) {
        for (; n < repeat && n < MAX_UNITS - 1; n++)
            c->password[n] = (WCHAR)ascii[0];
    } else {
        for (; ascii[n] && n < MAX_UNITS - 1; n++)
            c->password[n] = (WCHAR)(unsigned char)ascii[n];
    }
    c->password[n] = 0;
    c->units = n;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char path[PATH_MAX];
    eaphost_peer_get_info_fn get_info;
    EAP_TYPE t = { TYPE_MSCHAPV2, 0, 0 };
    EAP_ERROR *e = NULL;
    void *h;
    DWORD rc;

    (void)argc; (void)argv;
    fuzz_plugin_path("mschapv2.so", path, sizeof path);
    h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    FUZZ_SETUP(h != NULL, "dlopen %s: %s", path, dlerror());
    get_info = (eaphost_peer_get_info_fn)dlsym(h, "EapPeerGetInfo");
    free_error_memory = (eaphost_peer_free_error_memory_fn)dlsym(
        h, "EapPeerFreeErrorMemory");
    free_memory = (eaphost_peer_free_memory_fn)dlsym(h,
                                                      "EapPeerFreeMemory");
    FUZZ_SETUP(get_info && free_error_memory && free_memory,
               "%s lacks an export", path);
    memset(&rt, 0, sizeof rt);
    rc = get_info(&t, &rt, &e);
    FUZZ_SETUP(rc == ERROR_SUCCESS, "EapPeerGetInfo: 0x%08x", (unsigned)rc);
    FUZZ_SETUP(rt.EapPeerBeginSession && rt.EapPeerProcessRequestPacket &&
               rt.EapPeerGetResponsePacket && rt.EapPeerGetResult &&
               rt.EapPeerEndSession && rt.EapPeerSetCredentials,
               "routines missing");
    if (rt.EapPeerInitialize) {
        rc = rt.EapPeerInitialize(&e);
        FUZZ_SETUP(rc == ERROR_SUCCESS, "EapPeerInitialize: 0x%08x",
                   (unsigned)rc);
    }

    creds[0].user = "alice";
    set_units(&creds[0], "password", 0);
    creds[1].user = "EXAMPLE\\alice";
    set_units(&creds[1], "p?ssw?rd", 0);
    creds[1].password[1] = 0x00e4;     /* ä */
    creds[1].password[5] = 0xd83d;     /* U+1F511 as a surrogate pair */
    creds[1].password[6] = 0xdd11;
    creds[2].user = "bob";
    set_units(&creds[2], "", 0);
    creds[3].user = "alice";
    set_units(&creds[3], "x", 257);    /* longer than MS-CHAPv2 allows */
    return 0;
}

/* ---- one session ------------------------------------------------------- */

struct run {
    EAP_SESSION_HANDLE h;
    DWORD max_send;
    DWORD buf_size;
    bool host_like;
    bool know_password;
    BYTE pw_hash[MSCHAPV2_HASH_LEN];
    /* The last Challenge the peer answered, and its answer. */
    bool answered;
    BYTE auth_challenge[MSCHAPV2_CHALLENGE_LEN];
    BYTE expect_digest[MSCHAPV2_AUTH_DIGEST_LEN];
    /* A Success Request with the right S= was given and answered. */
    bool proof_seen;
};

static void free_error(EAP_ERROR **e)
{
    if (*e) {
        if ((*e)->pRootCauseString)
            fuzz_touch((*e)->pRootCauseString, 2);
        free_error_memory(*e);
        *e = NULL;
    }
}

static void check_error(DWORD rc, EAP_ERROR **e, const char *what)
{
    FUZZ_CHECK(rc == ERROR_SUCCESS || *e != NULL || rc ==
               ERROR_NOT_ENOUGH_MEMORY, "%s failed with 0x%08x and no "
               "EAP_ERROR", what, (unsigned)rc);
    free_error(e);
}

static int hexval(BYTE c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Does @text hold "S=" followed by the hex of @digest? */
static bool has_proof(const BYTE *text, size_t len,
                      const BYTE digest[MSCHAPV2_AUTH_DIGEST_LEN])
{
    for (size_t i = 0; i + 2 + 2 * MSCHAPV2_AUTH_DIGEST_LEN <= len; i++) {
        size_t k;

        if (text[i] != 'S' || text[i + 1] != '=')
            continue;
        for (k = 0; k < MSCHAPV2_AUTH_DIGEST_LEN; k++) {
            int hi = hexval(text[i + 2 + 2 * k]);
            int lo = hexval(text[i + 3 + 2 * k]);

            if (hi < 0 || lo < 0 || (BYTE)(hi << 4 | lo) != digest[k])
                break;
        }
        if (k == MSCHAPV2_AUTH_DIGEST_LEN)
            return true;
    }
    return false;
}

/* The oracle: write the right S= into a Success Request. */
static void write_proof(const struct run *r, BYTE *p, size_t n)
{
    char hex[MSCHAPV2_AUTH_STRING_LEN + 1];

    if (!r->answered || n < OFF_MESSAGE + MSCHAPV2_AUTH_STRING_LEN ||
        p[4] != TYPE_MSCHAPV2 || p[OFF_OPCODE] != 3)
        return;
    mschapv2_authenticator_string(r->expect_digest, hex);
    for (size_t i = OFF_MESSAGE; i + MSCHAPV2_AUTH_STRING_LEN <= n; i++)
        if (p[i] == 'S' && p[i + 1] == '=') {
            memcpy(p + i, hex, MSCHAPV2_AUTH_STRING_LEN);
            return;
        }
}

/* A Response to a Challenge: check the NT-Response and work out the S=
 * the server would send. */
static void answered_challenge(struct run *r, const BYTE *req, size_t req_n,
                               const BYTE *resp, DWORD n)
{
    BYTE expect[MSCHAPV2_NT_RESPONSE_LEN];
    const char *name;
    size_t name_len;

    FUZZ_CHECK(req_n >= OFF_VALUE + MSCHAPV2_CHALLENGE_LEN,
               "a Challenge of %zu bytes answered", req_n);
    FUZZ_CHECK(n >= OFF_RESPONSE_NAME && resp[OFF_VALUE - 1] == 49,
               "Response of %u bytes, Value-Size %u", (unsigned)n,
               n > OFF_VALUE ? resp[OFF_VALUE - 1] : 0);
    memcpy(r->auth_challenge, req + OFF_VALUE, MSCHAPV2_CHALLENGE_LEN);
    for (size_t k = 0; k < MSCHAPV2_CHALLENGE_LEN; k++)
        FUZZ_CHECK(resp[OFF_VALUE + k] == fuzz_random_byte(k),
                   "Peer-Challenge byte %zu is not the fixed random one", k);
    r->answered = true;
    if (!r->know_password)
        return;
    name = mschapv2_user_name((const char *)resp + OFF_RESPONSE_NAME,
                              n - OFF_RESPONSE_NAME, &name_len);
    mschapv2_generate_nt_response(r->auth_challenge, resp + OFF_VALUE, name,
                                  name_len, r->pw_hash, expect);
    FUZZ_CHECK(memcmp(expect, resp + OFF_NT_RESPONSE, sizeof expect) == 0,
               "the NT-Response is wrong for the password");
    mschapv2_authenticator_digest(r->pw_hash, resp + OFF_NT_RESPONSE,
                                  resp + OFF_VALUE, r->auth_challenge, name,
                                  name_len, r->expect_digest);
}

static void get_response(struct run *r, const BYTE *req, size_t req_n)
{
    EAP_ERROR *e = NULL;
    DWORD size = r->buf_size, rc;
    BYTE *buf = malloc(r->buf_size);

    FUZZ_SETUP(buf != NULL, "malloc");
    rc = rt.EapPeerGetResponsePacket(r->h, &size, (EapPacket *)buf, &e);
    check_error(rc, &e, "EapPeerGetResponsePacket");
    if (rc == ERROR_SUCCESS)
        fuzz_trace_bytes("  response", buf, size);
    if (rc == ERROR_SUCCESS) {
        FUZZ_CHECK(size >= 6 && size <= r->buf_size && size <= r->max_send,
                   "response of %u bytes, buffer %u, max %u",
                   (unsigned)size, (unsigned)r->buf_size,
                   (unsigned)r->max_send);
        FUZZ_CHECK(buf[0] == EapCodeResponse && buf[1] == req[1] &&
                   fuzz_be16(buf + 2) == size && buf[4] == TYPE_MSCHAPV2,
                   "response header %u %u %u %u for Identifier %u", buf[0],
                   buf[1], fuzz_be16(buf + 2), buf[4], req[1]);
        FUZZ_CHECK(buf[OFF_OPCODE] == (req[OFF_OPCODE] == 1 ? 2
                                       : req[OFF_OPCODE]),
                   "OpCode %u answers OpCode %u", buf[OFF_OPCODE],
                   req[OFF_OPCODE]);
        if (req[OFF_OPCODE] == 1)
            answered_challenge(r, req, req_n, buf, size);
        if (req[OFF_OPCODE] == 3 && r->answered &&
            has_proof(req + OFF_MESSAGE, req_n - OFF_MESSAGE,
                      r->expect_digest))
            r->proof_seen = true;
    }
    free(buf);
}

static void get_result(struct run *r, EapPeerMethodResultReason why)
{
    EapPeerMethodResult res;
    EAP_ERROR *e = NULL;
    DWORD rc;

    memset(&res, 0, sizeof res);
    rc = rt.EapPeerGetResult(r->h, why, &res, &e);
    FUZZ_TRACE("GetResult(%d) -> rc 0x%08x success %d reason 0x%08x",
               (int)why, (unsigned)rc, (int)res.fIsSuccess,
               (unsigned)res.dwFailureReasonCode);
    check_error(rc, &e, "EapPeerGetResult");
    if (rc != ERROR_SUCCESS)
        return;
    if (res.fIsSuccess) {
        FUZZ_CHECK(why == EapPeerMethodResultSuccess, "success for reason "
                   "%d", (int)why);
        FUZZ_CHECK(r->proof_seen || !r->know_password, "success without "
                   "the server's proof (authentication bypass)");
        FUZZ_CHECK(res.pAttribArray &&
                   res.pAttribArray->dwNumberOfAttributes >= 2,
                   "success without key attributes");
    }
    if (res.pAttribArray) {
        const EapAttributes *a = res.pAttribArray;

        FUZZ_CHECK(a->dwNumberOfAttributes < 16 && (a->pAttribs ||
                   a->dwNumberOfAttributes == 0), "%u attributes",
                   (unsigned)a->dwNumberOfAttributes);
        for (DWORD i = 0; i < a->dwNumberOfAttributes; i++)
            if (a->pAttribs[i].dwLength)
                fuzz_touch(a->pAttribs[i].pValue, a->pAttribs[i].dwLength);
    }
    if (res.pEapError && res.pEapError->pRootCauseString)
        fuzz_touch(res.pEapError->pRootCauseString, 2);
    /* The result's buffers stay the method's (freed at its next call). */
}

static void process(struct run *r, const struct fuzz_record *rec)
{
    EapPeerMethodOutput out;
    EAP_ERROR *e = NULL;
    size_t n = rec->len;
    BYTE *pkt;
    DWORD rc;

    if (r->host_like) {
        /* What the host passes on: a well-formed Request, cut at Length. */
        if (n < 5 || fuzz_be16(rec->data + 2) < 5 ||
            fuzz_be16(rec->data + 2) > n || rec->data[0] != EapCodeRequest
            || rec->data[4] != TYPE_MSCHAPV2)
            return;
        n = fuzz_be16(rec->data + 2);
    }
    pkt = malloc(n ? n : 1);
    FUZZ_SETUP(pkt != NULL, "malloc");
    memcpy(pkt, rec->data, n);
    if (rec->op & 1)
        write_proof(r, pkt, n);
    memset(&out, 0xff, sizeof out);
    fuzz_trace_bytes("request", pkt, n);
    rc = rt.EapPeerProcessRequestPacket(r->h, (DWORD)n, (EapPacket *)pkt,
                                        &out, &e);
    FUZZ_TRACE("  -> rc 0x%08x action %d", (unsigned)rc, (int)out.action);
    check_error(rc, &e, "EapPeerProcessRequestPacket");
    if (rc == ERROR_SUCCESS) {
        FUZZ_CHECK(out.action == EapPeerMethodResponseActionDiscard ||
                   out.action == EapPeerMethodResponseActionSend,
                   "action %d", (int)out.action);
        if (out.action == EapPeerMethodResponseActionSend) {
            FUZZ_CHECK(n >= OFF_MESSAGE, "Send for a %zu-byte packet", n);
            get_response(r, pkt, n);
        }
    }
    free(pkt);
}

/* The password of a well-formed user blob whose password is ASCII. */
static bool blob_password(struct run *r, const uint8_t *b, size_t n)
{
    WCHAR wide[MAX_UNITS];
    const uint8_t *user_end, *pw;
    size_t units;

    if (n < 3 || b[0] != 1 || b[n - 1] != 0)
        return false;
    user_end = memchr(b + 1, 0, n - 1);
    if (!user_end || user_end == b + 1 || user_end == b + n - 1)
        return false;
    pw = user_end + 1;
    units = (size_t)(b + n - 1 - pw);
    if (units >= MAX_UNITS || memchr(pw, 0, units))
        return false;
    for (size_t i = 0; i < units; i++) {
        if (pw[i] >= 0x80)
            return false;
        wide[i] = pw[i];
    }
    mschapv2_nt_password_hash(wide, units, r->pw_hash);
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const EapPeerMethodResultReason reasons[4] = {
        EapPeerMethodResultSuccess, EapPeerMethodResultFailure,
        EapPeerMethodResultUnknown, EapPeerMethodResultSuccess };
    struct fuzz_reader rd = { data, size };
    struct fuzz_record rec, blob = { 0, NULL, 0 };
    struct run r;
    EAP_ERROR *e = NULL;
    uint8_t b0, b1;
    BYTE *user = NULL;
    DWORD rc;
    int records = 0;

    memset(&r, 0, sizeof r);
    b0 = fuzz_take_byte(&rd);
    b1 = fuzz_take_byte(&rd);
    r.max_send = b1 < 128 ? 1400u : 20u + 4u * (b1 - 128u);
    r.buf_size = (b0 & 0x20) ? r.max_send / 2 : r.max_send;
    r.host_like = (b0 & 0x40) != 0;
    if ((b0 & 1) && fuzz_next_record(&rd, &blob) && blob.len) {
        user = malloc(blob.len);
        FUZZ_SETUP(user != NULL, "malloc");
        memcpy(user, blob.data, blob.len);
        r.know_password = blob_password(&r, blob.data, blob.len);
    }

    rc = rt.EapPeerBeginSession(0, NULL, NULL, 0, NULL, (DWORD)blob.len,
                                user, r.max_send, &r.h, &e);
    check_error(rc, &e, "EapPeerBeginSession");
    if (user) {
        BOOL ui = FALSE;
        DWORD out_size = 0;
        BYTE *out = NULL;
        LPWSTR identity = NULL;
        DWORD grc;

        grc = rt.EapPeerGetIdentity(0, 0, NULL, (DWORD)blob.len, user, NULL,
                                    &ui, &out_size, &out, &identity, &e);
        check_error(grc, &e, "EapPeerGetIdentity");
        if (grc == ERROR_SUCCESS) {
            size_t k = 0;

            FUZZ_CHECK(identity != NULL, "GetIdentity without identity");
            while (k < 8192 && identity[k])
                k++;
            FUZZ_CHECK(k < 8192, "identity not terminated");
        }
        if (out)
            free_memory(out);
        if (identity)
            free_memory(identity);
    }
    if (rc != ERROR_SUCCESS) {
        FUZZ_CHECK(r.h == NULL, "failed BeginSession with a handle");
        free(user);
        return 0;
    }
    if (!(b0 & 1)) {
        const struct creds *c = &creds[(b0 >> 1) & 3];
        WCHAR id[64];
        size_t k;

        for (k = 0; c->user[k] && k < 63; k++)
            id[k] = (WCHAR)(unsigned char)c->user[k];
        id[k] = 0;
        rc = rt.EapPeerSetCredentials(r.h, id, (WCHAR *)c->password, &e);
        check_error(rc, &e, "EapPeerSetCredentials");
        if (rc == ERROR_SUCCESS) {
            mschapv2_nt_password_hash(c->password, c->units, r.pw_hash);
            r.know_password = true;
        }
    }

    while (records++ < FUZZ_MAX_RECORDS && fuzz_next_record(&rd, &rec)) {
        process(&r, &rec);
        if (rec.op & 2)
            get_result(&r, EapPeerMethodResultSuccess);
        if (rec.op & 4)
            get_result(&r, EapPeerMethodResultFailure);
    }
    get_result(&r, reasons[(b0 >> 3) & 3]);
    rc = rt.EapPeerEndSession(r.h, &e);
    check_error(rc, &e, "EapPeerEndSession");
    free(user);
    return 0;
}
