/*
 * mschapv2_authenticator.c - the authenticator (server) half of
 * EAP-MSCHAPv2 (EAP type 26).
 *
 * The host passes the stored password of the identity to BeginSession as
 * an eatClearTextPassword attribute (UTF-8 bytes); no such attribute means
 * an unknown identity.  The password is kept only as its NT hash.
 *
 *   SendPacket     Challenge Request: 16 random octets, Name "eaphost",
 *                  MS-CHAPv2-ID = the EAP Identifier (timeout INTERACTIVE:
 *                  the peer may have to ask its user)
 *   ReceivePacket  Response: the Name must be the session's identity and
 *                  the NT-Response right (compared in constant time)
 *                    -> Success Request "S=<40 hex> M=OK", action SEND
 *                    -> otherwise (and for an unknown identity, after the
 *                       same work) Failure Request
 *                       "E=691 R=0 C=<32 zeros> V=3 M=Authentication failed",
 *                       action SEND.  R=0: no retry, so the C= challenge is
 *                       never used and is sent as zeros.
 *                  Success Response after a Success Request -> RESULT,
 *                  success.  Failure Response -> RESULT, failure.
 *                  Change-Password (7) is not supported: RESULT, failure
 *                  EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED.
 *                  Anything malformed, out of order, or with the wrong
 *                  Identifier or MS-CHAPv2-ID -> DISCARD, state unchanged.
 *   GetResult      fIsSuccess; dwFailureReason
 *                  EAP_E_EAPHOST_IDENTITY_UNKNOWN (no password for the
 *                  identity), EAP_E_USER_NAME_PASSWORD_REJECTED (wrong
 *                  password, or a Name that is not the identity) or
 *                  EAP_E_AUTHENTICATION_FAILED (the peer refused our Success
 *                  Request); on success
 *                  pAuthAttribs holds MS-MPPE-Send-Key (16) and
 *                  MS-MPPE-Recv-Key (17) from the SERVER's point of view:
 *                  Send = the server's send key (RFC 3079 Magic3, the
 *                  peer's receive key), Recv = the server's receive key
 *                  (Magic2, the peer's send key), as a RADIUS server puts
 *                  them in its Access-Accept.  The MSK is Recv | Send | 32
 *                  zeros (mschapv2_msk(recv, send, msk)), the same as the
 *                  peer's.  pAuthAttribs belongs to the method until its
 *                  next GetResult or EndSession.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <eapmethodauthenticatorapis.h>
#include <eaphosterror.h>

#include "method_exports.h"
#include "method_util.h"
#include "mschapv2_crypto.h"
#include "mschapv2_packet.h"

/* The name the authenticator sends in its Challenge. */
static const char server_name[] = "eaphost";
static const char success_message[] = " M=OK";
static const char failure_text[] =
    "E=691 R=0 C=00000000000000000000000000000000 V=3 M=Authentication failed";

enum auth_state {
    AUTH_START,            /* nothing sent yet */
    AUTH_CHALLENGE_SENT,   /* waiting for the Response */
    AUTH_SUCCESS_SENT,     /* waiting for the Success Response */
    AUTH_FAILURE_SENT,     /* waiting for the Failure Response */
    AUTH_DONE              /* outcome decided: GetResult */
};

#define PROBLEM_LEN 200u

struct auth_session {
    enum auth_state state;
    DWORD max_send;
    char *identity;                /* UTF-8 */
    BOOL have_password;            /* FALSE: unknown identity */
    BYTE password_hash[MSCHAPV2_HASH_LEN];
    BOOL sent;                     /* a Request has been sent */
    BYTE eap_id;                   /* Identifier of the last Request */
    BYTE ms_id;                    /* MS-CHAPv2-ID of the Challenge */
    BYTE challenge[MSCHAPV2_CHALLENGE_LEN];
    char auth_string[MSCHAPV2_AUTH_STRING_LEN + 1];
    BYTE send_key[MSCHAPV2_KEY_LEN];   /* the server's view */
    BYTE recv_key[MSCHAPV2_KEY_LEN];
    BOOL success;
    DWORD failure_reason;
    char problem[PROBLEM_LEN];     /* why the last packet was discarded */
    mu_mppe_keys keys;             /* the result's key attributes */
};

static DWORD fail(EAP_ERROR **err, DWORD code, const char *reason)
{
    return mu_set_error(err, code, &mschapv2_method_type, reason);
}

static void note(struct auth_session *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void note(struct auth_session *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(s->problem, sizeof(s->problem), fmt, ap);
    va_end(ap);
}

static void destroy(struct auth_session *s)
{
    if (!s)
        return;
    mu_mppe_keys_clear(&s->keys);
    free(s->identity);
    mu_wipe_free(s, sizeof(*s));
}

/* The NT hash of the stored password, if the host gave one. */
static DWORD load_password(struct auth_session *s, const EapAttributes *attrs,
                           EAP_ERROR **err)
{
    char *password = NULL;
    WCHAR *wide;
    size_t units;
    DWORD rc;

    rc = mu_clear_text_password(attrs, &password);
    if (rc == ERROR_NOT_FOUND)
        return ERROR_SUCCESS;          /* unknown identity: fails later */
    if (rc == ERROR_NOT_ENOUGH_MEMORY)
        return fail(err, rc, "out of memory reading the password");
    if (rc != ERROR_SUCCESS)
        return fail(err, rc, "the eatClearTextPassword attribute is not a "
                    "UTF-8 password without NUL bytes");
    wide = mu_utf8_to_wide(password);
    mu_free_secret(password);
    if (!wide)
        return fail(err, ERROR_NOT_ENOUGH_MEMORY, "out of memory");
    units = mu_wcslen(wide);
    rc = mschapv2_nt_password_hash(wide, units, s->password_hash);
    mu_wipe(wide, units * sizeof(WCHAR));
    free(wide);
    if (rc != ERROR_SUCCESS)
        return fail(err, rc, "the stored password is longer than the 256 "
                    "characters MS-CHAPv2 allows");
    s->have_password = TRUE;
    return ERROR_SUCCESS;
}

static DWORD APIENTRY auth_begin_session(DWORD flags, LPCWSTR identity,
                                         const EapAttributes *const attrs,
                                         DWORD conn_size,
                                         const BYTE *const conn,
                                         DWORD max_send,
                                         EAP_SESSION_HANDLE *handle,
                                         EAP_ERROR **err)
{
    struct auth_session *s;
    DWORD rc;

    (void)flags; (void)conn_size; (void)conn;
    if (err)
        *err = NULL;
    if (!handle)
        return fail(err, ERROR_INVALID_PARAMETER, "no session handle pointer");
    *handle = NULL;
    s = calloc(1, sizeof(*s));
    if (!s)
        return fail(err, ERROR_NOT_ENOUGH_MEMORY, "out of memory");
    s->max_send = max_send;
    rc = load_password(s, attrs, err);
    if (rc != ERROR_SUCCESS) {
        destroy(s);
        return rc;
    }
    /*
     * No identity, or one that is not valid UTF-16 (or no memory to
     * convert it), matches no Name: the session goes on as for an unknown
     * identity and ends with a Failure Request.
     */
    s->identity = identity ? mu_wide_to_utf8(identity) : NULL;
    if (!s->identity)
        s->have_password = FALSE;
    *handle = s;
    return ERROR_SUCCESS;
}

static DWORD APIENTRY auth_send_packet(EAP_SESSION_HANDLE handle, BYTE id,
                                       DWORD *size, EapPacket *pkt,
                                       EAP_AUTHENTICATOR_SEND_TIMEOUT *timeout,
                                       EAP_ERROR **err)
{
    struct auth_session *s = handle;
    EAP_AUTHENTICATOR_SEND_TIMEOUT wait = EAP_AUTHENTICATOR_SEND_TIMEOUT_BASIC;
    char text[MSCHAPV2_AUTH_STRING_LEN + sizeof(success_message)];
    DWORD capacity, len = 0, rc;
    BYTE ms_id;

    if (err)
        *err = NULL;
    if (!s)
        return fail(err, ERROR_INVALID_HANDLE, "no session");
    if (!size || !pkt || !timeout)
        return fail(err, ERROR_INVALID_PARAMETER, "no packet buffer or "
                    "timeout pointer");
    capacity = *size < s->max_send ? *size : s->max_send;
    switch (s->state) {
    case AUTH_START:
    case AUTH_CHALLENGE_SENT:
        if (s->state == AUTH_START &&
            mu_random(s->challenge, sizeof(s->challenge)) != ERROR_SUCCESS)
            return fail(err, ERROR_INTERNAL_ERROR, "no random numbers for "
                        "the Authenticator-Challenge");
        /* A resent Challenge keeps its MS-CHAPv2-ID. */
        ms_id = s->state == AUTH_START ? id : s->ms_id;
        rc = mschapv2_build_challenge(pkt, capacity, id, ms_id, s->challenge,
                                      server_name, sizeof(server_name) - 1,
                                      &len);
        if (rc == ERROR_SUCCESS) {
            s->ms_id = ms_id;
            s->state = AUTH_CHALLENGE_SENT;
        }
        wait = EAP_AUTHENTICATOR_SEND_TIMEOUT_INTERACTIVE;
        break;
    case AUTH_SUCCESS_SENT:
        snprintf(text, sizeof(text), "%s%s", s->auth_string, success_message);
        rc = mschapv2_build_text_request(pkt, capacity, id,
                                         MSCHAPV2_OP_SUCCESS, s->ms_id, text,
                                         strlen(text), &len);
        break;
    case AUTH_FAILURE_SENT:
        rc = mschapv2_build_text_request(pkt, capacity, id,
                                         MSCHAPV2_OP_FAILURE, s->ms_id,
                                         failure_text,
                                         sizeof(failure_text) - 1, &len);
        break;
    default:
        return fail(err, ERROR_INVALID_STATE, "the authentication is over: "
                    "nothing more to send");
    }
    if (rc != ERROR_SUCCESS)
        return fail(err, rc, "the Request does not fit the buffer or "
                    "dwMaxSendPacketSize");
    s->sent = TRUE;
    s->eap_id = id;
    *size = len;
    *timeout = wait;
    return ERROR_SUCCESS;
}

/*
 * Verify a Response.  The work is the same whether or not the identity is
 * known (a zero hash stands in), so timing does not tell which it was.
 */
static void verify_response(struct auth_session *s,
                            const struct mschapv2_msg *m)
{
    static const BYTE no_hash[MSCHAPV2_HASH_LEN];
    const BYTE *peer_challenge = m->value;
    const BYTE *nt_response = m->value + MSCHAPV2_CHALLENGE_LEN + 8;
    const BYTE *hash = s->have_password ? s->password_hash : no_hash;
    BYTE expected[MSCHAPV2_NT_RESPONSE_LEN];
    BYTE digest[MSCHAPV2_AUTH_DIGEST_LEN];
    const char *user;
    size_t user_len;
    BOOL name_ok, response_ok;

    name_ok = s->identity && m->name_len == strlen(s->identity) &&
              memcmp(m->name, s->identity, m->name_len) == 0;
    user = mschapv2_user_name((const char *)m->name, m->name_len, &user_len);
    mschapv2_generate_nt_response(s->challenge, peer_challenge, user,
                                  user_len, hash, expected);
    response_ok = mu_ct_equal(expected, nt_response, sizeof(expected));
    mu_wipe(expected, sizeof(expected));
    if (!s->have_password) {
        s->failure_reason = EAP_E_EAPHOST_IDENTITY_UNKNOWN;
    } else if (!name_ok || !response_ok) {
        s->failure_reason = EAP_E_USER_NAME_PASSWORD_REJECTED;
    } else {
        mschapv2_authenticator_digest(hash, nt_response, peer_challenge,
                                      s->challenge, user, user_len, digest);
        mschapv2_authenticator_string(digest, s->auth_string);
        mschapv2_session_keys(hash, nt_response, 1, s->send_key,
                              s->recv_key);
        mu_wipe(digest, sizeof(digest));
        s->state = AUTH_SUCCESS_SENT;
        return;
    }
    s->state = AUTH_FAILURE_SENT;
}

static void finish(struct auth_session *s, BOOL success, DWORD reason,
                   EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION *action)
{
    s->state = AUTH_DONE;
    s->success = success;
    if (!success && !s->failure_reason)
        s->failure_reason = reason;
    *action = EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT;
}

static DWORD APIENTRY auth_receive_packet(
    EAP_SESSION_HANDLE handle, DWORD size, const EapPacket *const pkt,
    EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION *action, EAP_ERROR **err)
{
    struct auth_session *s = handle;
    struct mschapv2_msg m;
    char why[MSCHAPV2_WHY_LEN];

    if (err)
        *err = NULL;
    if (!action)
        return fail(err, ERROR_INVALID_PARAMETER, "no action pointer");
    *action = EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD;
    if (!s)
        return fail(err, ERROR_INVALID_HANDLE, "no session");
    if (!mschapv2_parse(pkt, size, EapCodeResponse, &m, why)) {
        note(s, "discarded a Response: %s", why);
        return ERROR_SUCCESS;
    }
    if (!s->sent || m.eap_id != s->eap_id) {
        note(s, "discarded a Response with Identifier %u: the last Request "
             "had %u", (unsigned)m.eap_id, (unsigned)s->eap_id);
        return ERROR_SUCCESS;
    }
    switch (s->state) {
    case AUTH_CHALLENGE_SENT:
        if (m.opcode == MSCHAPV2_OP_CHANGE_PASSWORD) {
            note(s, "the peer sent Change-Password (OpCode 7), which this "
                 "method does not support");
            finish(s, FALSE, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
                   action);
            return ERROR_SUCCESS;
        }
        if (m.opcode != MSCHAPV2_OP_RESPONSE) {
            note(s, "discarded OpCode %u: a Response to the Challenge was "
                 "expected", (unsigned)m.opcode);
            return ERROR_SUCCESS;
        }
        if (m.ms_id != s->ms_id) {
            note(s, "discarded a Response with MS-CHAPv2-ID %u: the "
                 "Challenge had %u", (unsigned)m.ms_id, (unsigned)s->ms_id);
            return ERROR_SUCCESS;
        }
        verify_response(s, &m);
        *action = EAP_METHOD_AUTHENTICATOR_RESPONSE_SEND;
        return ERROR_SUCCESS;
    case AUTH_SUCCESS_SENT:
        if (m.opcode == MSCHAPV2_OP_SUCCESS) {
            finish(s, TRUE, ERROR_SUCCESS, action);
        } else if (m.opcode == MSCHAPV2_OP_FAILURE) {
            note(s, "the peer refused the server's Authenticator Response");
            finish(s, FALSE, EAP_E_AUTHENTICATION_FAILED, action);
        } else {
            note(s, "discarded OpCode %u: a Success Response was expected",
                 (unsigned)m.opcode);
        }
        return ERROR_SUCCESS;
    case AUTH_FAILURE_SENT:
        if (m.opcode == MSCHAPV2_OP_FAILURE)
            finish(s, FALSE, EAP_E_USER_NAME_PASSWORD_REJECTED, action);
        else
            note(s, "discarded OpCode %u: a Failure Response was expected",
                 (unsigned)m.opcode);
        return ERROR_SUCCESS;
    default:
        note(s, "discarded a Response: %s", s->state == AUTH_DONE ?
             "the authentication is over" : "no Challenge was sent");
        return ERROR_SUCCESS;
    }
}

static DWORD APIENTRY auth_get_result(EAP_SESSION_HANDLE handle,
                                      EAP_METHOD_AUTHENTICATOR_RESULT *result,
                                      EAP_ERROR **err)
{
    struct auth_session *s = handle;
    char reason[PROBLEM_LEN + 64];
    DWORD rc;

    if (err)
        *err = NULL;
    if (!s)
        return fail(err, ERROR_INVALID_HANDLE, "no session");
    if (!result)
        return fail(err, ERROR_INVALID_PARAMETER, "no result structure");
    if (s->state != AUTH_DONE) {
        snprintf(reason, sizeof(reason), "no result yet: the exchange is "
                 "not finished%s%s", s->problem[0] ? "; last problem: " : "",
                 s->problem);
        return fail(err, ERROR_INVALID_STATE, reason);
    }
    mu_mppe_keys_clear(&s->keys);
    memset(result, 0, sizeof(*result));
    if (!s->success) {
        result->fIsSuccess = FALSE;
        result->dwFailureReason = s->failure_reason;
        return ERROR_SUCCESS;
    }
    rc = mu_mppe_keys_set(&s->keys, s->send_key, s->recv_key,
                          MSCHAPV2_KEY_LEN);
    if (rc != ERROR_SUCCESS)
        return fail(err, rc, "out of memory for the key attributes");
    result->fIsSuccess = TRUE;
    result->dwFailureReason = ERROR_SUCCESS;
    result->pAuthAttribs = &s->keys.array;
    return ERROR_SUCCESS;
}

static DWORD APIENTRY auth_end_session(EAP_SESSION_HANDLE handle,
                                       EAP_ERROR **err)
{
    if (err)
        *err = NULL;
    destroy(handle);
    return ERROR_SUCCESS;
}

/* ---- exports ------------------------------------------------------------ */

/*
 * EapMethodAuthenticatorGetInfo answers type 26 (vendor fields zero) of
 * author 311 with this table; pEapType is left NULL, and
 * UpdateInnerMethodParams, GetAttributes and SetAttributes are NULL (not
 * used).  The table's BeginSession has no bInitialId: the first Identifier
 * comes with SendPacket.  This plugin does not export the SDK's
 * EapMethodAuthenticatorBeginSession (and its other per-routine names).
 */
static const mu_method auth_method = {
    .type = &mschapv2_method_type,
    .match_author = TRUE,
    .wrong_type = "this plugin implements EAP type 26 (EAP-MSCHAPv2) of "
                  "author 311 only",
    .no_pointer = "no type or routines structure",
};

static const EAP_AUTHENTICATOR_METHOD_ROUTINES auth_routines = {
    .dwSizeInBytes = sizeof(EAP_AUTHENTICATOR_METHOD_ROUTINES),
    .EapMethodAuthenticatorInitialize = mu_auth_no_op,
    .EapMethodAuthenticatorBeginSession = auth_begin_session,
    .EapMethodAuthenticatorReceivePacket = auth_receive_packet,
    .EapMethodAuthenticatorSendPacket = auth_send_packet,
    .EapMethodAuthenticatorGetResult = auth_get_result,
    .EapMethodAuthenticatorEndSession = auth_end_session,
    .EapMethodAuthenticatorShutdown = mu_auth_no_op,
};

MU_AUTHENTICATOR_EXPORTS(&auth_method, &auth_routines)
