/*
 * mschapv2_peer.c - the peer half of EAP-MSCHAPv2 (EAP type 26).
 *
 * Credentials: a user name and password through EapPeerSetCredentials
 * (the registry asks for both dialogs), or the user blob that
 * EapPeerQueryUserBlobFromCredentialInputFields builds, given as pUserData
 * to EapPeerBeginSession; EapPeerSetCredentials overrides the blob.  The
 * password is kept only as its NT hash, wiped at EndSession with the keys.
 *
 * Exchange (draft-kamath-pppext-eap-mschapv2):
 *
 *   Challenge Request  -> Response (NT-Response, random Peer-Challenge)
 *   Success Request    -> S= checked in constant time; Success Response
 *   Failure Request    -> E= read; Failure Response
 *
 * What the peer does with a bad packet:
 *   - not EAP-MSCHAPv2, malformed (MS-Length, Value-Size, short), an
 *     unknown OpCode, Change-Password (7, not supported), a Success or
 *     Failure Request before the Challenge was answered, a second
 *     Challenge, a wrong MS-CHAPv2-ID: action Discard, nothing changes, and
 *     the reason is kept for EapPeerGetResult;
 *   - a Success Request whose S= is missing, malformed or wrong: the
 *     server has not proved that it knows the password.  Action Discard
 *     (the peer sends nothing, as the draft says) and the authentication
 *     has failed: EapPeerGetResult reports fIsSuccess FALSE with
 *     EAP_E_AUTHENTICATION_FAILED even when an EAP-Success follows;
 *   - a Failure Request whose fields are malformed: still a failure; it is
 *     answered with a Failure Response and reported as
 *     EAP_E_AUTHENTICATION_FAILED with the defect as the reason.
 *
 * Result (EapPeerGetResult): success only when the host reports success
 * and the server's Authenticator Response was verified.  Failure codes:
 * see mschapv2_failure_to_eaphost() for E=; a bare EAP-Failure, a timeout
 * or a failed server proof give EAP_E_AUTHENTICATION_FAILED.  The EAP_ERROR
 * of a failed result carries the reason; its dwReasonCode is the server's
 * E= value when there was one.
 *
 * Keys: on success pAttribArray holds two eatVendorSpecific attributes
 * (vendor 311) from the PEER's point of view, as Windows reports them:
 * MS-MPPE-Send-Key (type 16) = the peer's send key (RFC 3079 Magic2, the
 * server's receive key) and MS-MPPE-Recv-Key (17) = the peer's receive key
 * (Magic3, the server's send key).  The MSK is Send | Recv | 32 zeros
 * (mschapv2_msk()).  MS-CHAPv2 has no EMSK.  Result buffers belong to the
 * method until its next GetResult or EndSession.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <eapmethodpeerapis.h>
#include <eaphosterror.h>

#include "method_exports.h"
#include "method_util.h"
#include "mschapv2_crypto.h"
#include "mschapv2_packet.h"

enum peer_state {
    PEER_WAIT_CHALLENGE,   /* no Challenge answered yet */
    PEER_WAIT_OUTCOME,     /* Response sent; Success or Failure next */
    PEER_SUCCEEDED,        /* S= verified, Success Response sent */
    PEER_FAILED            /* Failure Request, or the server's proof failed */
};

enum peer_output {
    OUT_NONE,
    OUT_RESPONSE,          /* Response to the Challenge */
    OUT_SUCCESS_ACK,       /* Success Response */
    OUT_FAILURE_ACK        /* Failure Response */
};

/* Longest part of a server's M= message quoted in a reason. */
#define QUOTE_MAX 120u
#define PROBLEM_LEN 320u

struct peer_session {
    enum peer_state state;
    enum peer_output out;
    BYTE eap_id;                  /* Identifier of the Request answered */
    BYTE ms_id;                   /* MS-CHAPv2-ID of the Challenge */
    DWORD max_send;
    char *user;                   /* UTF-8, sent whole in the Name field */
    BOOL have_password;
    BYTE password_hash[MSCHAPV2_HASH_LEN];
    BYTE peer_challenge[MSCHAPV2_CHALLENGE_LEN];
    BYTE nt_response[MSCHAPV2_NT_RESPONSE_LEN];
    BYTE auth_digest[MSCHAPV2_AUTH_DIGEST_LEN];  /* the S= we expect */
    BYTE send_key[MSCHAPV2_KEY_LEN];  /* the peer's view */
    BYTE recv_key[MSCHAPV2_KEY_LEN];
    DWORD failure_code;           /* EAPHost code once the outcome is known */
    DWORD server_error;           /* E= of a Failure Request, else 0 */
    char problem[PROBLEM_LEN];    /* the latest reason, for GetResult */
    mu_mppe_keys keys;            /* the result's key attributes */
    EAP_ERROR *result_error;
};

static DWORD fail(EAP_ERROR **err, DWORD code, const char *reason)
{
    return mu_set_error(err, code, &mschapv2_method_type, reason);
}

static void note(struct peer_session *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Keep the reason for EapPeerGetResult's EAP_ERROR.  Once the peer has
 * failed, the reason that decided it stays: later discards do not matter.
 */
static void note(struct peer_session *s, const char *fmt, ...)
{
    va_list ap;

    if (s->state == PEER_FAILED)
        return;
    va_start(ap, fmt);
    vsnprintf(s->problem, sizeof(s->problem), fmt, ap);
    va_end(ap);
}

/* ---- credentials -------------------------------------------------------- */

static DWORD set_password(struct peer_session *s, const WCHAR *password,
                          EAP_ERROR **err)
{
    size_t units = mu_wcslen(password);

    if (units > MSCHAPV2_MAX_PASSWORD_UNITS)
        return fail(err, ERROR_INVALID_PARAMETER, "the password is longer "
                    "than the 256 characters MS-CHAPv2 allows");
    mschapv2_nt_password_hash(password, units, s->password_hash);
    s->have_password = TRUE;
    return ERROR_SUCCESS;
}

/* The user blob given as pUserData: user name and password. */
static DWORD credentials_from_blob(struct peer_session *s, const BYTE *blob,
                                   DWORD size, EAP_ERROR **err)
{
    char *user = NULL, *password = NULL;
    WCHAR *wide;
    DWORD rc;

    rc = mu_user_blob_parse(blob, size, &user, &password);
    if (rc == ERROR_NOT_ENOUGH_MEMORY)
        return fail(err, rc, "out of memory reading the user data");
    if (rc != ERROR_SUCCESS)
        return fail(err, ERROR_INVALID_DATA, "the user data is not a user "
                    "blob made by EapPeerQueryUserBlobFromCredentialInputFields");
    wide = mu_utf8_to_wide(password);
    mu_free_secret(password);
    if (!wide) {
        free(user);
        return fail(err, ERROR_NOT_ENOUGH_MEMORY,
                    "out of memory converting the password");
    }
    rc = set_password(s, wide, err);
    mu_wipe(wide, mu_wcslen(wide) * sizeof(WCHAR));
    free(wide);
    if (rc != ERROR_SUCCESS) {
        free(user);
        return rc;
    }
    free(s->user);
    s->user = user;
    return ERROR_SUCCESS;
}

/* ---- session routines --------------------------------------------------- */

static void free_result(struct peer_session *s)
{
    mu_mppe_keys_clear(&s->keys);
    mu_free_error(s->result_error);
    s->result_error = NULL;
}

static void destroy(struct peer_session *s)
{
    if (!s)
        return;
    free_result(s);
    free(s->user);
    mu_wipe_free(s, sizeof(*s));
}

static DWORD WINAPI peer_begin_session(DWORD flags,
                                       const EapAttributes *const attrs,
                                       HANDLE token, DWORD conn_size,
                                       BYTE *conn, DWORD user_size,
                                       BYTE *user_data, DWORD max_send,
                                       EAP_SESSION_HANDLE *handle,
                                       EAP_ERROR **err)
{
    struct peer_session *s;
    DWORD rc;

    (void)flags; (void)attrs; (void)token; (void)conn_size; (void)conn;
    if (err)
        *err = NULL;
    if (!handle)
        return fail(err, ERROR_INVALID_PARAMETER, "no session handle pointer");
    *handle = NULL;
    if (user_size && !user_data)
        return fail(err, ERROR_INVALID_PARAMETER,
                    "user data size without user data");
    s = calloc(1, sizeof(*s));
    if (!s)
        return fail(err, ERROR_NOT_ENOUGH_MEMORY, "out of memory");
    s->max_send = max_send;
    if (user_size) {
        rc = credentials_from_blob(s, user_data, user_size, err);
        if (rc != ERROR_SUCCESS) {
            destroy(s);
            return rc;
        }
    }
    *handle = s;
    return ERROR_SUCCESS;
}

static DWORD WINAPI peer_set_credentials(EAP_SESSION_HANDLE handle,
                                         WCHAR *identity, WCHAR *password,
                                         EAP_ERROR **err)
{
    struct peer_session *s = handle;
    char *user = NULL;
    DWORD rc;

    if (err)
        *err = NULL;
    if (!s)
        return fail(err, ERROR_INVALID_HANDLE, "no session");
    if (s->state != PEER_WAIT_CHALLENGE)
        return fail(err, ERROR_INVALID_STATE, "credentials arrive before "
                    "the Challenge is answered");
    if (identity && identity[0]) {
        user = mu_wide_to_utf8(identity);
        if (!user)
            return fail(err, ERROR_INVALID_DATA, "the user name is not "
                        "valid UTF-16 (or memory ran out)");
    }
    if (password) {
        rc = set_password(s, password, err);
        if (rc != ERROR_SUCCESS) {
            free(user);
            return rc;
        }
    }
    if (user) {
        free(s->user);
        s->user = user;
    }
    return ERROR_SUCCESS;
}

/* A Challenge Request in state PEER_WAIT_CHALLENGE. */
static DWORD answer_challenge(struct peer_session *s,
                              const struct mschapv2_msg *m,
                              EapPeerMethodOutput *out, EAP_ERROR **err)
{
    const char *name;
    size_t name_len;

    if (!s->user || !s->have_password)
        return fail(err, EAP_E_EAPHOST_IDENTITY_UNKNOWN, "no user name and "
                    "password: give them with EapPeerSetCredentials or as "
                    "the user data of EapPeerBeginSession");
    if (mu_random(s->peer_challenge, sizeof(s->peer_challenge)) !=
        ERROR_SUCCESS)
        return fail(err, ERROR_INTERNAL_ERROR, "no random numbers for the "
                    "Peer-Challenge");
    name = mschapv2_user_name(s->user, strlen(s->user), &name_len);
    mschapv2_generate_nt_response(m->value, s->peer_challenge, name, name_len,
                                  s->password_hash, s->nt_response);
    mschapv2_authenticator_digest(s->password_hash, s->nt_response,
                                  s->peer_challenge, m->value, name, name_len,
                                  s->auth_digest);
    mschapv2_session_keys(s->password_hash, s->nt_response, 0, s->send_key,
                          s->recv_key);
    s->eap_id = m->eap_id;
    s->ms_id = m->ms_id;
    s->state = PEER_WAIT_OUTCOME;
    s->out = OUT_RESPONSE;
    out->action = EapPeerMethodResponseActionSend;
    return ERROR_SUCCESS;
}

/* A Success Request in state PEER_WAIT_OUTCOME. */
static void check_success(struct peer_session *s, const struct mschapv2_msg *m,
                          EapPeerMethodOutput *out)
{
    BYTE digest[MSCHAPV2_AUTH_DIGEST_LEN];
    char why[MSCHAPV2_WHY_LEN];

    if (!mschapv2_parse_success(m->message, m->message_len, digest, why)) {
        note(s, "the server's Success Request cannot be verified: %s", why);
    } else if (!mu_ct_equal(digest, s->auth_digest, sizeof(digest))) {
        note(s, "the server's Authenticator Response (S=) is wrong: the "
             "server does not know the password, or the packet was altered");
    } else {
        s->state = PEER_SUCCEEDED;
        s->eap_id = m->eap_id;
        s->out = OUT_SUCCESS_ACK;
        out->action = EapPeerMethodResponseActionSend;
        return;
    }
    /* Unverified: send nothing, and the authentication has failed. */
    s->state = PEER_FAILED;
    s->failure_code = EAP_E_AUTHENTICATION_FAILED;
    s->out = OUT_NONE;
}

/* Up to QUOTE_MAX bytes of @text, cut at a character boundary, when it is
 * valid UTF-8 without control characters; else a placeholder. */
static void quote_message(const BYTE *text, DWORD len, char *out, size_t n)
{
    DWORD cut = len > QUOTE_MAX ? QUOTE_MAX : len, i;

    while (cut < len && cut > 0 && (text[cut] & 0xC0) == 0x80)
        cut--;
    for (i = 0; i < cut; i++)
        if (text[i] < 0x20 || text[i] == 0x7F)
            break;
    if (i < cut || !mu_utf8_valid(text, cut)) {
        snprintf(out, n, "(a message that is not printable UTF-8)");
        return;
    }
    snprintf(out, n, "\"%.*s\"%s", (int)cut, (const char *)text,
             cut < len ? "..." : "");
}

static const char *failure_meaning(DWORD error)
{
    switch (error) {
    case MSCHAPV2_E_AUTHENTICATION_FAILURE:
        return "the user name or password is wrong";
    case MSCHAPV2_E_RESTRICTED_LOGON_HOURS:
        return "the account may not log on at this time";
    case MSCHAPV2_E_ACCT_DISABLED:
        return "the account is disabled";
    case MSCHAPV2_E_PASSWD_EXPIRED:
        return "the password has expired, and changing it "
               "(MS-CHAPv2 Change-Password) is not supported";
    case MSCHAPV2_E_NO_DIALIN_PERMISSION:
        return "the account has no dial-in permission";
    case MSCHAPV2_E_CHANGING_PASSWORD:
        return "error changing the password";
    default:
        return "authentication failed";
    }
}

/* A Failure Request in state PEER_WAIT_OUTCOME: always answered. */
static void take_failure(struct peer_session *s, const struct mschapv2_msg *m,
                         EapPeerMethodOutput *out)
{
    struct mschapv2_failure f;
    char why[MSCHAPV2_WHY_LEN];
    char quoted[QUOTE_MAX + 48];

    if (mschapv2_parse_failure(m->message, m->message_len, &f, why)) {
        s->server_error = f.error;
        s->failure_code = mschapv2_failure_to_eaphost(f.error);
        quoted[0] = '\0';
        if (f.text)
            quote_message(f.text, f.text_len, quoted, sizeof(quoted));
        note(s, "the server rejected the authentication with E=%u: %s%s%s",
             (unsigned)f.error, failure_meaning(f.error),
             quoted[0] ? "; its message: " : "", quoted);
    } else {
        s->server_error = 0;
        s->failure_code = EAP_E_AUTHENTICATION_FAILED;
        note(s, "the server sent a malformed Failure Request: %s", why);
    }
    s->state = PEER_FAILED;
    s->eap_id = m->eap_id;
    s->out = OUT_FAILURE_ACK;
    out->action = EapPeerMethodResponseActionSend;
}

static const char *state_text(enum peer_state st)
{
    switch (st) {
    case PEER_WAIT_CHALLENGE: return "no Challenge has been answered yet";
    case PEER_WAIT_OUTCOME: return "the Response is awaiting the outcome";
    default: return "the outcome is already decided";
    }
}

static DWORD WINAPI peer_process_request(EAP_SESSION_HANDLE handle,
                                         DWORD size, EapPacket *pkt,
                                         EapPeerMethodOutput *out,
                                         EAP_ERROR **err)
{
    struct peer_session *s = handle;
    struct mschapv2_msg m;
    char why[MSCHAPV2_WHY_LEN];

    if (err)
        *err = NULL;
    if (!out)
        return fail(err, ERROR_INVALID_PARAMETER, "no output structure");
    out->action = EapPeerMethodResponseActionDiscard;
    out->fAllowNotifications = TRUE;
    if (!s)
        return fail(err, ERROR_INVALID_HANDLE, "no session");
    if (!mschapv2_parse(pkt, size, EapCodeRequest, &m, why)) {
        note(s, "discarded a Request: %s", why);
        return ERROR_SUCCESS;
    }
    switch (m.opcode) {
    case MSCHAPV2_OP_CHALLENGE:
        if (s->state != PEER_WAIT_CHALLENGE) {
            note(s, "discarded a second Challenge: %s",
                 state_text(s->state));
            return ERROR_SUCCESS;
        }
        return answer_challenge(s, &m, out, err);
    case MSCHAPV2_OP_SUCCESS:
    case MSCHAPV2_OP_FAILURE:
        if (s->state != PEER_WAIT_OUTCOME) {
            note(s, "discarded a %s Request: %s",
                 m.opcode == MSCHAPV2_OP_SUCCESS ? "Success" : "Failure",
                 state_text(s->state));
            return ERROR_SUCCESS;
        }
        if (m.ms_id != s->ms_id) {
            note(s, "discarded a %s Request with MS-CHAPv2-ID %u: the "
                 "Challenge had %u",
                 m.opcode == MSCHAPV2_OP_SUCCESS ? "Success" : "Failure",
                 (unsigned)m.ms_id, (unsigned)s->ms_id);
            return ERROR_SUCCESS;
        }
        if (m.opcode == MSCHAPV2_OP_SUCCESS)
            check_success(s, &m, out);
        else
            take_failure(s, &m, out);
        return ERROR_SUCCESS;
    case MSCHAPV2_OP_CHANGE_PASSWORD:
    default:        /* mschapv2_parse() let no other OpCode through */
        note(s, "discarded a Change-Password Request (OpCode 7): changing "
             "the password is not supported");
        return ERROR_SUCCESS;
    }
}

static DWORD WINAPI peer_get_response(EAP_SESSION_HANDLE handle, DWORD *size,
                                      EapPacket *pkt, EAP_ERROR **err)
{
    struct peer_session *s = handle;
    DWORD capacity, len = 0, rc;
    char reason[96];

    if (err)
        *err = NULL;
    if (!s)
        return fail(err, ERROR_INVALID_HANDLE, "no session");
    if (!size || !pkt)
        return fail(err, ERROR_INVALID_PARAMETER, "no response buffer");
    capacity = *size < s->max_send ? *size : s->max_send;
    switch (s->out) {
    case OUT_RESPONSE:
        rc = mschapv2_build_response(pkt, capacity, s->eap_id, s->ms_id,
                                     s->peer_challenge, s->nt_response,
                                     s->user, strlen(s->user), &len);
        break;
    case OUT_SUCCESS_ACK:
        rc = mschapv2_build_ack(pkt, capacity, s->eap_id, MSCHAPV2_OP_SUCCESS,
                                &len);
        break;
    case OUT_FAILURE_ACK:
        rc = mschapv2_build_ack(pkt, capacity, s->eap_id, MSCHAPV2_OP_FAILURE,
                                &len);
        break;
    default:
        return fail(err, ERROR_INVALID_STATE, "no response is pending");
    }
    if (rc != ERROR_SUCCESS) {
        snprintf(reason, sizeof(reason), "the response does not fit %u "
                 "bytes (buffer %u, dwMaxSendPacketSize %u)",
                 (unsigned)capacity, (unsigned)*size, (unsigned)s->max_send);
        return fail(err, rc, reason);
    }
    *size = len;
    return ERROR_SUCCESS;
}

/* Why a result is a failure, for its EAP_ERROR. */
static void failure_reason(const struct peer_session *s,
                           EapPeerMethodResultReason reason, char *out,
                           size_t n)
{
    if (s->state == PEER_SUCCEEDED)
        snprintf(out, n, "the server proved it knows the password, but the "
                 "outcome was %s", reason == EapPeerMethodResultFailure ?
                 "EAP-Failure" : "not EAP-Success (no result in time)");
    else if (reason == EapPeerMethodResultSuccess)
        snprintf(out, n, "EAP-Success arrived, but the server has not proved "
                 "it knows the password%s%s", s->problem[0] ? ": " : "",
                 s->problem);
    else if (s->problem[0])
        snprintf(out, n, "%s", s->problem);
    else if (reason == EapPeerMethodResultFailure)
        snprintf(out, n, "the server sent EAP-Failure without an "
                 "MS-CHAPv2 Failure Request");
    else
        snprintf(out, n, "the authentication did not finish");
}

static DWORD WINAPI peer_get_result(EAP_SESSION_HANDLE handle,
                                    EapPeerMethodResultReason reason,
                                    EapPeerMethodResult *result,
                                    EAP_ERROR **err)
{
    struct peer_session *s = handle;
    char text[PROBLEM_LEN + 96];
    DWORD code, rc;

    if (err)
        *err = NULL;
    if (!s)
        return fail(err, ERROR_INVALID_HANDLE, "no session");
    if (!result)
        return fail(err, ERROR_INVALID_PARAMETER, "no result structure");
    free_result(s);
    result->pAttribArray = NULL;
    result->pEapError = NULL;
    if (reason == EapPeerMethodResultSuccess && s->state == PEER_SUCCEEDED) {
        rc = mu_mppe_keys_set(&s->keys, s->send_key, s->recv_key,
                              MSCHAPV2_KEY_LEN);
        if (rc != ERROR_SUCCESS)
            return fail(err, rc, "out of memory for the key attributes");
        result->fIsSuccess = TRUE;
        result->dwFailureReasonCode = ERROR_SUCCESS;
        result->pAttribArray = &s->keys.array;
        return ERROR_SUCCESS;
    }
    code = s->failure_code ? s->failure_code : EAP_E_AUTHENTICATION_FAILED;
    failure_reason(s, reason, text, sizeof(text));
    mu_set_error(&s->result_error, code, &mschapv2_method_type, text);
    if (s->result_error && s->server_error)
        s->result_error->dwReasonCode = s->server_error;
    result->fIsSuccess = FALSE;
    result->dwFailureReasonCode = code;
    result->pEapError = s->result_error;
    return ERROR_SUCCESS;
}

static DWORD WINAPI peer_end_session(EAP_SESSION_HANDLE handle,
                                     EAP_ERROR **err)
{
    if (err)
        *err = NULL;
    destroy(handle);
    return ERROR_SUCCESS;
}

/* EapPeerGetIdentity: the user name of the user blob. */
static DWORD WINAPI peer_get_identity(DWORD flags, DWORD conn_size,
                                      const BYTE *conn, DWORD user_size,
                                      const BYTE *user_data, HANDLE token,
                                      BOOL *invoke_ui, DWORD *user_out_size,
                                      BYTE **user_out, LPWSTR *identity,
                                      EAP_ERROR **err)
{
    char *user = NULL;
    DWORD rc;

    (void)flags; (void)conn_size; (void)conn; (void)token;
    if (err)
        *err = NULL;
    if (invoke_ui)
        *invoke_ui = FALSE;
    if (user_out_size)
        *user_out_size = 0;
    if (user_out)
        *user_out = NULL;
    if (!identity)
        return fail(err, ERROR_INVALID_PARAMETER, "no identity pointer");
    *identity = NULL;
    if (!user_size)
        return fail(err, EAP_E_EAPHOST_IDENTITY_UNKNOWN, "no user data: "
                    "build it with EapPeerQueryUserBlobFromCredentialInputFields"
                    " or give credentials with EapPeerSetCredentials");
    rc = mu_user_blob_parse(user_data, user_size, &user, NULL);
    if (rc == ERROR_NOT_ENOUGH_MEMORY)
        return fail(err, rc, "out of memory reading the user data");
    if (rc != ERROR_SUCCESS)
        return fail(err, ERROR_INVALID_DATA, "the user data is not a user "
                    "blob made by EapPeerQueryUserBlobFromCredentialInputFields");
    *identity = mu_utf8_to_wide(user);
    free(user);
    if (!*identity)
        return fail(err, ERROR_NOT_ENOUGH_MEMORY, "out of memory");
    return ERROR_SUCCESS;
}

/* ---- exports ------------------------------------------------------------ */

static BOOL is_mschapv2(const EAP_TYPE *t)
{
    return mu_eap_type_equal(t, &mschapv2_method_type.eapType);
}

/*
 * EapPeerGetInfo answers type 26 (vendor fields zero) with this table;
 * pEapType is left NULL, the UI and response-attribute routines are NULL
 * (not used).  EapPeerFreeMemory takes back identities, credential field
 * arrays and user blobs (free(); a user blob holds the password in clear,
 * so callers wipe it before handing it back).
 */
static const mu_method peer_method = {
    .type = &mschapv2_method_type,
    .wrong_type = "this plugin implements EAP type 26 (EAP-MSCHAPv2) only",
    .no_pointer = "no type or routines structure",
};

static const EAP_PEER_METHOD_ROUTINES peer_routines = {
    .dwVersion = EAPHOST_METHOD_API_VERSION,
    .EapPeerInitialize = mu_peer_no_op,
    .EapPeerGetIdentity = peer_get_identity,
    .EapPeerBeginSession = peer_begin_session,
    .EapPeerSetCredentials = peer_set_credentials,
    .EapPeerProcessRequestPacket = peer_process_request,
    .EapPeerGetResponsePacket = peer_get_response,
    .EapPeerGetResult = peer_get_result,
    .EapPeerEndSession = peer_end_session,
    .EapPeerShutdown = mu_peer_no_op,
};

MU_PEER_EXPORTS(&peer_method, &peer_routines)

/**
 * EapPeerQueryCredentialInputFields() - the fields the supplicant fills:
 * user name and password.
 * @hUserImpersonationToken: unused.
 * @eapMethodType: must be type 26.
 * @dwFlags: unused.
 * @dwEapConnDataSize: unused (no connection data).
 * @pbEapConnData: unused.
 * @pEapConfigFieldsArray: filled with two fields in one malloc'd block,
 *                         freed by the host with EapPeerFreeMemory.
 * @ppEapError: receives an error for EapPeerFreeErrorMemory.
 *
 * Return: ERROR_SUCCESS, ERROR_INVALID_PARAMETER, ERROR_NOT_SUPPORTED,
 * ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD WINAPI EapPeerQueryCredentialInputFields(
    HANDLE hUserImpersonationToken, EAP_METHOD_TYPE eapMethodType,
    DWORD dwFlags, DWORD dwEapConnDataSize, BYTE *pbEapConnData,
    EAP_CONFIG_INPUT_FIELD_ARRAY *pEapConfigFieldsArray,
    EAP_ERROR **ppEapError)
{
    DWORD rc;

    (void)hUserImpersonationToken; (void)dwFlags; (void)dwEapConnDataSize;
    (void)pbEapConnData;
    if (ppEapError)
        *ppEapError = NULL;
    if (!pEapConfigFieldsArray)
        return fail(ppEapError, ERROR_INVALID_PARAMETER, "no field array");
    if (!is_mschapv2(&eapMethodType.eapType))
        return fail(ppEapError, ERROR_NOT_SUPPORTED,
                    "this plugin implements EAP type 26 (EAP-MSCHAPv2) only");
    rc = mu_query_credential_fields(pEapConfigFieldsArray);
    if (rc != ERROR_SUCCESS)
        return fail(ppEapError, rc, "out of memory for the field array");
    return ERROR_SUCCESS;
}

/**
 * EapPeerQueryUserBlobFromCredentialInputFields() - the user blob (user
 * name and password, format in method_util.h) from the filled fields.
 * @hUserImpersonationToken: unused.
 * @eapMethodType: must be type 26.
 * @dwFlags: unused.
 * @dwEapConnDataSize: unused.
 * @pbEapConnData: unused.
 * @pEapConfigInputFieldArray: the fields of
 *        EapPeerQueryCredentialInputFields with pwszData filled in.
 * @pdwUserBlobSize: set to the blob's size.
 * @ppUserBlob: set to the malloc'd blob, freed by the host with
 *              EapPeerFreeMemory; whatever it pointed to is not freed.
 * @ppEapError: receives an error for EapPeerFreeErrorMemory.
 *
 * Return: ERROR_SUCCESS, ERROR_INVALID_PARAMETER, ERROR_NOT_SUPPORTED,
 * ERROR_INVALID_DATA (missing user name or password field, text that is
 * not valid UTF-16 or too long), ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD WINAPI EapPeerQueryUserBlobFromCredentialInputFields(
    HANDLE hUserImpersonationToken, EAP_METHOD_TYPE eapMethodType,
    DWORD dwFlags, DWORD dwEapConnDataSize, BYTE *pbEapConnData,
    const EAP_CONFIG_INPUT_FIELD_ARRAY *pEapConfigInputFieldArray,
    DWORD *pdwUserBlobSize, BYTE **ppUserBlob, EAP_ERROR **ppEapError)
{
    const char *reason = NULL;
    DWORD rc;

    (void)hUserImpersonationToken; (void)dwFlags; (void)dwEapConnDataSize;
    (void)pbEapConnData;
    if (ppEapError)
        *ppEapError = NULL;
    if (!is_mschapv2(&eapMethodType.eapType))
        return fail(ppEapError, ERROR_NOT_SUPPORTED,
                    "this plugin implements EAP type 26 (EAP-MSCHAPv2) only");
    rc = mu_user_blob_from_fields(pEapConfigInputFieldArray, pdwUserBlobSize,
                                  ppUserBlob, &reason);
    if (rc != ERROR_SUCCESS)
        return fail(ppEapError, rc, reason ? reason : "out of memory");
    return ERROR_SUCCESS;
}
