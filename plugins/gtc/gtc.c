/*
 * gtc.c - EAP-GTC, Generic Token Card (RFC 3748 section 5.6), both halves,
 * as one Windows-style method library.
 *
 * The Request's type data is a prompt (UTF-8 text); the Response's type
 * data is the password or token, UTF-8, without terminator.
 *
 * Peer half (EapPeerGetInfo): answers every prompt with the password, which
 * comes from EapPeerSetCredentials (the registry sets
 * PeerInvokeUsernameDialog and PeerInvokePasswordDialog) or from a user
 * blob passed to EapPeerBeginSession (built by
 * EapPeerQueryUserBlobFromCredentialInputFields; format in
 * plugins/common/method_util.h).  RFC 3748 allows an empty prompt; this
 * method does not answer one, nor one that is not UTF-8 text: such
 * requests are refused with ERROR_INVALID_DATA and one of these reasons:
 *   "not an EAP-GTC request"
 *   "EAP-GTC request with an empty prompt"
 *   "EAP-GTC prompt is not valid UTF-8"
 *
 * Authenticator half (EapMethodAuthenticatorGetInfo): prompts with
 * "Password: " and compares the answer with the password the host passes
 * as eatClearTextPassword (UTF-8): both are hashed with SHA-256 and the
 * digests compared in constant time, so neither content nor length leaks
 * through timing.  Without that attribute (unknown identity) the
 * authentication fails at the end, after the same work.  Responses that
 * are malformed or carry another Identifier are discarded.
 *
 * Neither half derives keys.  Passwords are wiped when the session ends.
 * Results: the authenticator reports EAP_E_USER_NAME_PASSWORD_REJECTED for
 * a wrong answer, EAP_E_EAPHOST_IDENTITY_UNKNOWN without a stored
 * password, EAP_E_AUTHENTICATION_FAILED after a Nak; the peer reports
 * EAP_E_USER_NAME_PASSWORD_REJECTED for a Failure after its answer, else
 * EAP_E_AUTHENTICATION_FAILED.
 *
 * Registry (gtc.json): Properties 0x02040000 = eapPropUserAuth |
 * eapPropStandalone - it authenticates a user and runs outside a tunnel;
 * no mutual authentication, no keys, no resistance to dictionary attacks.
 *
 * The sessions of both halves, the credentials, the results, the
 * constant-time comparison and the exports come from
 * plugins/common/method_password.h; this file holds the packets and the
 * digests compared.  Only the SDK headers are used; SHA-256 comes from
 * nettle.
 */
#include <string.h>

#include <nettle/sha2.h>

#include "method_password.h"

#define GTC_TYPE 6u

static const char gtc_prompt[] = "Password: ";

/* Not const: the routine tables point to it. */
static EAP_METHOD_TYPE gtc_type = { { GTC_TYPE, 0, 0 }, 0 };

/* ==== peer half ========================================================= */

static const char *gtc_peer_check(const BYTE *prompt, DWORD len)
{
    if (len == 0)
        return "EAP-GTC request with an empty prompt";
    if (!mu_utf8_valid(prompt, len))
        return "EAP-GTC prompt is not valid UTF-8";
    /* Headless: the prompt is not shown; the password answers it. */
    return NULL;
}

static DWORD gtc_peer_response(const mu_pw_peer *s, EapPacket *pkt,
                               DWORD capacity, DWORD *len,
                               const char **reason)
{
    size_t pw_len = strlen(s->cred.password);
    size_t total = MU_EAP_TYPE_HEADER + pw_len;
    BYTE *p;

    if (mu_begin_packet(pkt, capacity, EapCodeResponse, s->id, GTC_TYPE,
                        total, &p) != ERROR_SUCCESS) {
        *reason = "the EAP-GTC response does not fit the send buffer";
        return ERROR_INSUFFICIENT_BUFFER;
    }
    memcpy(p, s->cred.password, pw_len);
    *len = (DWORD)total;
    return ERROR_SUCCESS;
}

/* ==== authenticator half ================================================ */

static DWORD gtc_auth_request(const mu_pw_auth *s, BYTE id, EapPacket *pkt,
                              DWORD capacity, DWORD *len,
                              const char **reason)
{
    DWORD total = MU_EAP_TYPE_HEADER + (DWORD)(sizeof(gtc_prompt) - 1);
    BYTE *p;

    (void)s;
    if (mu_begin_packet(pkt, capacity, EapCodeRequest, id, GTC_TYPE, total,
                        &p) != ERROR_SUCCESS) {
        *reason = "the EAP-GTC request (15 bytes) does not fit the send "
                  "buffer";
        return ERROR_INSUFFICIENT_BUFFER;
    }
    memcpy(p, gtc_prompt, sizeof(gtc_prompt) - 1);
    *len = total;
    return ERROR_SUCCESS;
}

static void sha256_of(const BYTE *data, size_t len, BYTE out[SHA256_DIGEST_SIZE])
{
    struct sha256_ctx ctx;

    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, out);
    mu_wipe(&ctx, sizeof(ctx));
}

/* Digests of both, so that neither content nor length shows in the time. */
static size_t gtc_auth_digests(const mu_pw_auth *s, const char *password,
                               const BYTE *data, DWORD len,
                               BYTE got[MU_PW_DIGEST_MAX],
                               BYTE want[MU_PW_DIGEST_MAX])
{
    (void)s;
    sha256_of(data, len, got);
    sha256_of((const BYTE *)password, strlen(password), want);
    return SHA256_DIGEST_SIZE;
}

/* ==== the library ======================================================= */

static const mu_pw_method gtc_method = {
    .info = {
        .type = &gtc_type,
        .wrong_type = "EAP-GTC implements EAP type 6 only",
    },
    .name = "EAP-GTC",
    .request = "prompt",
    /* A person may be reading a token card. */
    .timeout = EAP_AUTHENTICATOR_SEND_TIMEOUT_INTERACTIVE,
    .peer_check = gtc_peer_check,
    .peer_response = gtc_peer_response,
    .auth_request = gtc_auth_request,
    .auth_digests = gtc_auth_digests,
};

MU_PW_METHOD_EXPORTS(&gtc_method, &gtc_type)
