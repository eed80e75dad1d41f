/*
 * md5.c - EAP-MD5-Challenge (RFC 3748 section 5.4), both halves, as one
 * Windows-style method library.
 *
 * Request and Response type data: Value-Size (1 byte), Value, optional
 * Name.  The peer's Value is MD5(Identifier || password || challenge)
 * (RFC 1994 section 4.1), 16 bytes.
 *
 * Peer half (EapPeerGetInfo): the user name and password come from
 * EapPeerSetCredentials (the registry sets PeerInvokeUsernameDialog and
 * PeerInvokePasswordDialog) or from a user blob passed to
 * EapPeerBeginSession (built by EapPeerQueryUserBlobFromCredentialInputFields;
 * format in plugins/common/method_util.h).  Malformed requests are refused
 * with ERROR_INVALID_DATA and one of these reasons:
 *   "not an EAP-MD5 request"
 *   "EAP-MD5 request without type data (no Value-Size)"
 *   "EAP-MD5 request with Value-Size 0"
 *   "EAP-MD5 request whose Value-Size runs past the end of the packet"
 *
 * Authenticator half (EapMethodAuthenticatorGetInfo): sends a random
 * 16-byte challenge and checks the answer in constant time against the
 * password the host passes as eatClearTextPassword (UTF-8).  Without that
 * attribute (unknown identity) the authentication fails at the end, after
 * the same work as a wrong password.  Responses that are malformed, carry
 * another Identifier or a Value-Size other than 16 are discarded.
 *
 * Neither half derives keys.  Passwords are wiped when the session ends.
 * Results: the authenticator reports EAP_E_USER_NAME_PASSWORD_REJECTED for
 * a wrong answer, EAP_E_EAPHOST_IDENTITY_UNKNOWN without a stored
 * password, EAP_E_AUTHENTICATION_FAILED after a Nak; the peer reports
 * EAP_E_USER_NAME_PASSWORD_REJECTED for a Failure after its answer, else
 * EAP_E_AUTHENTICATION_FAILED.
 *
 * Registry (md5.json): Properties 0x02040000 = eapPropUserAuth |
 * eapPropStandalone - it authenticates a user and runs outside a tunnel;
 * no mutual authentication, no keys, no resistance to dictionary attacks.
 *
 * The sessions of both halves, the credentials, the results, the
 * constant-time comparison and the exports come from
 * plugins/common/method_password.h; this file holds the packets and the
 * MD5 computation.  Only the SDK headers are used; MD5 comes from nettle.
 */
#include <string.h>

#include <nettle/md5.h>

#include "method_password.h"

#define MD5_TYPE 4u
#define MD5_VALUE_SIZE 16u
/* Header, Type, Value-Size, Value: the Request and Response we send. */
#define MD5_PACKET_LEN (MU_EAP_TYPE_HEADER + 1u + MD5_VALUE_SIZE)

/* Not const: the routine tables point to it. */
static EAP_METHOD_TYPE md5_type = { { MD5_TYPE, 0, 0 }, 0 };

/* MD5(id || secret || challenge) into out (RFC 1994 section 4.1). */
static void md5_chap(BYTE id, const char *secret, const BYTE *challenge,
                     size_t challenge_len, BYTE out[MD5_DIGEST_SIZE])
{
    struct md5_ctx ctx;

    md5_init(&ctx);
    md5_update(&ctx, 1, &id);
    md5_update(&ctx, strlen(secret), (const uint8_t *)secret);
    md5_update(&ctx, challenge_len, challenge);
    md5_digest(&ctx, MD5_DIGEST_SIZE, out);
    mu_wipe(&ctx, sizeof(ctx));
}

/*
 * A Request (the challenge) or Response (the answer): Value-Size 16 and
 * the 16-byte Value, no Name.  @what is the reason when it does not fit.
 */
static DWORD md5_packet(EapPacket *pkt, DWORD capacity, BYTE code, BYTE id,
                        const BYTE value[MD5_VALUE_SIZE], const char *what,
                        DWORD *len, const char **reason)
{
    BYTE *p;

    if (mu_begin_packet(pkt, capacity, code, id, MD5_TYPE, MD5_PACKET_LEN,
                        &p) != ERROR_SUCCESS) {
        *reason = what;
        return ERROR_INSUFFICIENT_BUFFER;
    }
    p[0] = MD5_VALUE_SIZE;
    memcpy(p + 1, value, MD5_VALUE_SIZE);
    *len = MD5_PACKET_LEN;
    return ERROR_SUCCESS;
}

/* ==== peer half ========================================================= */

struct md5_peer {
    mu_pw_peer pw;
    BYTE value[MD5_VALUE_SIZE];     /* the answer to the last Request */
};

static const char *md5_peer_check(const BYTE *data, DWORD len)
{
    if (len == 0)
        return "EAP-MD5 request without type data (no Value-Size)";
    if (data[0] == 0)
        return "EAP-MD5 request with Value-Size 0";
    if ((DWORD)data[0] > len - 1)
        return "EAP-MD5 request whose Value-Size runs past the end of the "
               "packet";
    return NULL;
}

static void md5_peer_answer(mu_pw_peer *pw, const BYTE *data, DWORD len)
{
    struct md5_peer *s = (struct md5_peer *)pw;

    (void)len;
    /* Anything after the Value is the authenticator's Name: ignored. */
    md5_chap(pw->id, pw->cred.password, data + 1, data[0], s->value);
}

static DWORD md5_peer_response(const mu_pw_peer *pw, EapPacket *pkt,
                               DWORD capacity, DWORD *len,
                               const char **reason)
{
    const struct md5_peer *s = (const struct md5_peer *)pw;

    return md5_packet(pkt, capacity, EapCodeResponse, pw->id, s->value,
                      "the EAP-MD5 response (22 bytes) does not fit the "
                      "send buffer", len, reason);
}

/* ==== authenticator half ================================================ */

struct md5_auth {
    mu_pw_auth pw;
    BYTE challenge[MD5_VALUE_SIZE];
};

static DWORD md5_auth_start(mu_pw_auth *pw, const char **reason)
{
    struct md5_auth *s = (struct md5_auth *)pw;

    if (mu_random(s->challenge, sizeof(s->challenge)) != ERROR_SUCCESS) {
        *reason = "no random numbers (getrandom)";
        return ERROR_INTERNAL_ERROR;
    }
    return ERROR_SUCCESS;
}

/* Sent again (a retransmission): the same challenge, the new id. */
static DWORD md5_auth_request(const mu_pw_auth *pw, BYTE id, EapPacket *pkt,
                              DWORD capacity, DWORD *len,
                              const char **reason)
{
    const struct md5_auth *s = (const struct md5_auth *)pw;

    return md5_packet(pkt, capacity, EapCodeRequest, id, s->challenge,
                      "the EAP-MD5 request (22 bytes) does not fit the "
                      "send buffer", len, reason);
}

/* The peer's Value, and the Value the stored password gives. */
static size_t md5_auth_digests(const mu_pw_auth *pw, const char *password,
                               const BYTE *data, DWORD len,
                               BYTE got[MU_PW_DIGEST_MAX],
                               BYTE want[MU_PW_DIGEST_MAX])
{
    const struct md5_auth *s = (const struct md5_auth *)pw;

    if (len < 1 + MD5_VALUE_SIZE || data[0] != MD5_VALUE_SIZE)
        return 0;
    memcpy(got, data + 1, MD5_VALUE_SIZE);
    md5_chap(pw->id, password, s->challenge, sizeof(s->challenge), want);
    return MD5_VALUE_SIZE;
}

/* ==== the library ======================================================= */

static const mu_pw_method md5_method = {
    .info = {
        .type = &md5_type,
        .wrong_type = "EAP-MD5 implements EAP type 4 only",
    },
    .name = "EAP-MD5",
    .request = "challenge",
    .peer_size = sizeof(struct md5_peer),
    .auth_size = sizeof(struct md5_auth),
    .timeout = EAP_AUTHENTICATOR_SEND_TIMEOUT_BASIC,
    .peer_check = md5_peer_check,
    .peer_answer = md5_peer_answer,
    .peer_response = md5_peer_response,
    .auth_start = md5_auth_start,
    .auth_request = md5_auth_request,
    .auth_digests = md5_auth_digests,
};

MU_PW_METHOD_EXPORTS(&md5_method, &md5_type)
