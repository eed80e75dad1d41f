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
 * Only the SDK headers are used; MD5 comes from nettle.
 */
#include <stdlib.h>
#include <string.h>

#include <nettle/md5.h>

#include <eapmethodpeerapis.h>
#include <eapmethodauthenticatorapis.h>
#include <eaphosterror.h>

#include "method_util.h"

#define MD5_TYPE 4u
#define MD5_VALUE_SIZE 16u
/* Header, Type, Value-Size, Value: the Request and Response we send. */
#define MD5_PACKET_LEN (MU_EAP_TYPE_HEADER + 1u + MD5_VALUE_SIZE)

static EAP_TYPE md5_type = { MD5_TYPE, 0, 0 };
static EAP_METHOD_TYPE md5_method_type = { { MD5_TYPE, 0, 0 }, 0 };

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

static DWORD fail(EAP_ERROR **err, DWORD code, const char *reason)
{
    return mu_set_error(err, code, &md5_method_type, reason);
}

static void clear_err(EAP_ERROR **err)
{
    if (err)
        *err = NULL;
}

/* ==== peer half ============================================================ */

struct md5_peer {
    mu_credentials cred;
    DWORD max_send;
    int have_response;          /* a Response is ready to send */
    int responded;              /* at least one Response was built */
    BYTE id;
    BYTE value[MD5_VALUE_SIZE];
};

static DWORD WINAPI md5_peer_initialize(EAP_ERROR **err)
{
    clear_err(err);
    return ERROR_SUCCESS;
}

static DWORD WINAPI md5_peer_shutdown(EAP_ERROR **err)
{
    clear_err(err);
    return ERROR_SUCCESS;
}

static DWORD WINAPI md5_peer_get_identity(
    DWORD flags, DWORD conn_size, const BYTE *conn, DWORD user_size,
    const BYTE *user, HANDLE token, BOOL *invoke_ui, DWORD *user_out_size,
    BYTE **user_out, LPWSTR *identity, EAP_ERROR **err)
{
    (void)flags; (void)conn_size; (void)conn; (void)token;
    return mu_peer_get_identity(&md5_method_type, user_size, user, invoke_ui,
                                user_out_size, user_out, identity, err);
}

static DWORD WINAPI md5_peer_begin(DWORD flags, const EapAttributes *const attrs,
                                   HANDLE token, DWORD conn_size, BYTE *conn,
                                   DWORD user_size, BYTE *user, DWORD max_send,
                                   EAP_SESSION_HANDLE *handle, EAP_ERROR **err)
{
    struct md5_peer *s;
    DWORD rc;

    (void)flags; (void)attrs; (void)token; (void)conn_size; (void)conn;
    clear_err(err);
    if (!handle)
        return fail(err, ERROR_INVALID_PARAMETER, "the session handle pointer is NULL");
    *handle = NULL;
    s = calloc(1, sizeof(*s));
    if (!s)
        return fail(err, ERROR_NOT_ENOUGH_MEMORY, "out of memory");
    rc = mu_credentials_from_user_data(&s->cred, user, user_size,
                                       &md5_method_type, err);
    if (rc != ERROR_SUCCESS) {
        free(s);
        return rc;
    }
    s->max_send = max_send;
    *handle = s;
    return ERROR_SUCCESS;
}

static DWORD WINAPI md5_peer_set_credentials(EAP_SESSION_HANDLE handle,
                                             WCHAR *identity, WCHAR *password,
                                             EAP_ERROR **err)
{
    struct md5_peer *s = handle;

    clear_err(err);
    if (!s)
        return fail(err, ERROR_INVALID_HANDLE, "no session");
    return mu_credentials_set(&s->cred, identity, password, &md5_method_type,
                              err);
}

static DWORD WINAPI md5_peer_process(EAP_SESSION_HANDLE handle, DWORD size,
                                     EapPacket *req, EapPeerMethodOutput *out,
                                     EAP_ERROR **err)
{
    struct md5_peer *s = handle;
    const BYTE *data;
    DWORD len;

    clear_err(err);
    if (out) {
        out->action = EapPeerMethodResponseActionDiscard;
        out->fAllowNotifications = TRUE;
    }
    if (!s || !out)
        return fail(err, ERROR_INVALID_PARAMETER, "no session or no output");
    s->have_response = 0;
    data = mu_type_data(req, size, MD5_TYPE, &len);
    if (!data || req->Code != EapCodeRequest)
        return fail(err, ERROR_INVALID_DATA, "not an EAP-MD5 request");
    if (len == 0)
        return fail(err, ERROR_INVALID_DATA,
                    "EAP-MD5 request without type data (no Value-Size)");
    if (data[0] == 0)
        return fail(err, ERROR_INVALID_DATA,
                    "EAP-MD5 request with Value-Size 0");
    if ((DWORD)data[0] > len - 1)
        return fail(err, ERROR_INVALID_DATA, "EAP-MD5 request whose "
                    "Value-Size runs past the end of the packet");
    if (!s->cred.password)
        return fail(err, ERROR_INVALID_STATE, "no password: none was given "
                    "with EapPeerSetCredentials or in the user data");
    /* Anything after the Value is the authenticator's Name: ignored. */
    md5_chap(req->Id, s->cred.password, data + 1, data[0], s->value);
    s->id = req->Id;
    s->have_response = 1;
    out->action = EapPeerMethodResponseActionSend;
    return ERROR_SUCCESS;
}

static DWORD WINAPI md5_peer_get_response(EAP_SESSION_HANDLE handle,
                                          DWORD *size, EapPacket *pkt,
                                          EAP_ERROR **err)
{
    struct md5_peer *s = handle;
    BYTE *p;

    clear_err(err);
    if (!s || !size || !pkt)
        return fail(err, ERROR_INVALID_PARAMETER, "no session or no buffer");
    if (!s->have_response)
        return fail(err, ERROR_INVALID_STATE, "no EAP-MD5 response is pending");
    if (*size < MD5_PACKET_LEN || s->max_send < MD5_PACKET_LEN)
        return fail(err, ERROR_INSUFFICIENT_BUFFER, "the EAP-MD5 response "
                    "(22 bytes) does not fit the send buffer");
    p = mu_put_eap_header((BYTE *)pkt, EapCodeResponse, s->id, MD5_PACKET_LEN,
                          MD5_TYPE);
    p[0] = MD5_VALUE_SIZE;
    memcpy(p + 1, s->value, MD5_VALUE_SIZE);
    *size = MD5_PACKET_LEN;
    s->responded = 1;
    return ERROR_SUCCESS;
}

static DWORD WINAPI md5_peer_get_result(EAP_SESSION_HANDLE handle,
                                        EapPeerMethodResultReason reason,
                                        EapPeerMethodResult *result,
                                        EAP_ERROR **err)
{
    struct md5_peer *s = handle;

    clear_err(err);
    if (!s || !result)
        return fail(err, ERROR_INVALID_PARAMETER, "no session or no result");
    /* The host zeroed *result; EAP-MD5 has no keys or data to save. */
    result->fIsSuccess = reason == EapPeerMethodResultSuccess && s->responded;
    if (!result->fIsSuccess)
        result->dwFailureReasonCode = s->responded &&
            reason == EapPeerMethodResultFailure ?
            EAP_E_USER_NAME_PASSWORD_REJECTED : EAP_E_AUTHENTICATION_FAILED;
    return ERROR_SUCCESS;
}

static DWORD WINAPI md5_peer_end(EAP_SESSION_HANDLE handle, EAP_ERROR **err)
{
    struct md5_peer *s = handle;

    clear_err(err);
    if (!s)
        return ERROR_SUCCESS;
    mu_credentials_clear(&s->cred);
    mu_wipe(s, sizeof(*s));
    free(s);
    return ERROR_SUCCESS;
}

/**
 * EapPeerGetInfo() - the peer half's routines.
 * @type: must be type 4 (EAP-MD5), vendor fields 0.
 * @routines: filled; the table points to static data of this library.
 * @err: set to an error (free with EapPeerFreeErrorMemory) on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER for NULL pointers;
 * ERROR_NOT_SUPPORTED ("EAP-MD5 implements EAP type 4 only") otherwise.
 */
DWORD WINAPI EapPeerGetInfo(EAP_TYPE *type, EAP_PEER_METHOD_ROUTINES *routines,
                            EAP_ERROR **err)
{
    clear_err(err);
    if (!type || !routines)
        return fail(err, ERROR_INVALID_PARAMETER, "NULL type or routines");
    if (type->type != MD5_TYPE || type->dwVendorId || type->dwVendorType)
        return fail(err, ERROR_NOT_SUPPORTED,
                    "EAP-MD5 implements EAP type 4 only");
    memset(routines, 0, sizeof(*routines));
    routines->dwVersion = EAPHOST_METHOD_API_VERSION;
    routines->pEapType = &md5_type;
    routines->EapPeerInitialize = md5_peer_initialize;
    routines->EapPeerGetIdentity = md5_peer_get_identity;
    routines->EapPeerBeginSession = md5_peer_begin;
    routines->EapPeerSetCredentials = md5_peer_set_credentials;
    routines->EapPeerProcessRequestPacket = md5_peer_process;
    routines->EapPeerGetResponsePacket = md5_peer_get_response;
    routines->EapPeerGetResult = md5_peer_get_result;
    routines->EapPeerEndSession = md5_peer_end;
    routines->EapPeerShutdown = md5_peer_shutdown;
    return ERROR_SUCCESS;
}

/**
 * EapPeerFreeMemory() - free a buffer this library returned to the host.
 * @p: an identity, user blob or credential field array, or NULL.
 */
VOID WINAPI EapPeerFreeMemory(void *p)
{
    free(p);
}

/**
 * EapPeerFreeErrorMemory() - free an EAP_ERROR this library returned.
 * @e: the error, or NULL.
 */
VOID WINAPI EapPeerFreeErrorMemory(EAP_ERROR *e)
{
    mu_free_error(e);
}

/**
 * EapPeerQueryCredentialInputFields() - the fields the supplicant fills in:
 * a user name and a password (non-displayable).
 * @token: unused.
 * @type: must be EAP-MD5.
 * @flags: unused.
 * @conn_size: unused (EAP-MD5 has no connection data).
 * @conn: unused.
 * @fields: filled; pFields is one block the host frees with
 *          EapPeerFreeMemory.
 * @err: set to an error (EapPeerFreeErrorMemory) on failure.
 *
 * Return: ERROR_SUCCESS, ERROR_NOT_SUPPORTED, ERROR_INVALID_PARAMETER or
 * ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD WINAPI EapPeerQueryCredentialInputFields(
    HANDLE token, EAP_METHOD_TYPE type, DWORD flags, DWORD conn_size,
    BYTE *conn, EAP_CONFIG_INPUT_FIELD_ARRAY *fields, EAP_ERROR **err)
{
    (void)token; (void)flags; (void)conn_size; (void)conn;
    return mu_peer_query_fields(&md5_method_type, &type, fields, err);
}

/**
 * EapPeerQueryUserBlobFromCredentialInputFields() - the user blob (see
 * plugins/common/method_util.h) for the filled-in fields.
 * @token: unused.
 * @type: must be EAP-MD5.
 * @flags: unused.
 * @conn_size: unused.
 * @conn: unused.
 * @fields: the fields from EapPeerQueryCredentialInputFields, filled in.
 * @size: set to the blob's size.
 * @blob: set to the blob; the host frees it with EapPeerFreeMemory.
 * @err: set to an error (EapPeerFreeErrorMemory) on failure.
 *
 * Return: ERROR_SUCCESS, ERROR_NOT_SUPPORTED, ERROR_INVALID_PARAMETER,
 * ERROR_INVALID_DATA (missing or empty user name, missing password field,
 * invalid UTF-16) or ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD WINAPI EapPeerQueryUserBlobFromCredentialInputFields(
    HANDLE token, EAP_METHOD_TYPE type, DWORD flags, DWORD conn_size,
    BYTE *conn, const EAP_CONFIG_INPUT_FIELD_ARRAY *fields, DWORD *size,
    BYTE **blob, EAP_ERROR **err)
{
    (void)token; (void)flags; (void)conn_size; (void)conn;
    return mu_peer_query_user_blob(&md5_method_type, &type, fields, size,
                                   blob, err);
}

/* ==== authenticator half ==================================================== */

enum md5_auth_state { AUTH_START, AUTH_WAIT_RESPONSE, AUTH_DONE };

struct md5_auth {
    enum md5_auth_state state;
    char *password;             /* NULL: identity unknown */
    DWORD max_send;
    BYTE id;                    /* Identifier of the last Request sent */
    BYTE challenge[MD5_VALUE_SIZE];
    BOOL success;
    DWORD failure_reason;
};

static DWORD md5_auth_initialize(EAP_METHOD_TYPE *type, EAP_ERROR **err)
{
    (void)type;
    clear_err(err);
    return ERROR_SUCCESS;
}

static DWORD md5_auth_shutdown(EAP_METHOD_TYPE *type, EAP_ERROR **err)
{
    (void)type;
    clear_err(err);
    return ERROR_SUCCESS;
}

/* The stored password from the attributes; ERROR_NOT_FOUND is no error. */
static DWORD md5_auth_take_password(struct md5_auth *s,
                                    const EapAttributes *attrs,
                                    EAP_ERROR **err)
{
    char *pw = NULL;
    DWORD rc = mu_clear_text_password(attrs, &pw);

    if (rc == ERROR_NOT_ENOUGH_MEMORY)
        return fail(err, rc, "out of memory");
    if (rc == ERROR_INVALID_DATA)
        return fail(err, rc, "the eatClearTextPassword attribute is not "
                    "UTF-8 text");
    mu_free_secret(s->password);
    s->password = pw;           /* NULL when not found */
    return ERROR_SUCCESS;
}

static DWORD md5_auth_begin(DWORD flags, LPCWSTR identity,
                            const EapAttributes *const attrs, DWORD conn_size,
                            const BYTE *const conn, DWORD max_send,
                            EAP_SESSION_HANDLE *handle, EAP_ERROR **err)
{
    struct md5_auth *s;
    DWORD rc;

    (void)flags; (void)identity; (void)conn_size; (void)conn;
    clear_err(err);
    if (!handle)
        return fail(err, ERROR_INVALID_PARAMETER, "the session handle pointer is NULL");
    *handle = NULL;
    s = calloc(1, sizeof(*s));
    if (!s)
        return fail(err, ERROR_NOT_ENOUGH_MEMORY, "out of memory");
    rc = md5_auth_take_password(s, attrs, err);
    if (rc == ERROR_SUCCESS && mu_random(s->challenge, sizeof(s->challenge)))
        rc = fail(err, ERROR_INTERNAL_ERROR, "no random numbers (getrandom)");
    if (rc != ERROR_SUCCESS) {
        mu_free_secret(s->password);
        free(s);
        return rc;
    }
    s->max_send = max_send;
    s->state = AUTH_START;
    *handle = s;
    return ERROR_SUCCESS;
}

static DWORD md5_auth_update_inner(EAP_SESSION_HANDLE handle, DWORD flags,
                                   LPCWSTR identity,
                                   const EapAttributes *const attrs,
                                   EAP_ERROR **err)
{
    struct md5_auth *s = handle;

    (void)flags; (void)identity;
    clear_err(err);
    if (!s)
        return fail(err, ERROR_INVALID_HANDLE, "no session");
    if (s->state != AUTH_START)
        return fail(err, ERROR_INVALID_STATE,
                    "the challenge has already been sent");
    return md5_auth_take_password(s, attrs, err);
}

static DWORD md5_auth_send(EAP_SESSION_HANDLE handle, BYTE id, DWORD *size,
                           EapPacket *pkt, EAP_AUTHENTICATOR_SEND_TIMEOUT *timeout,
                           EAP_ERROR **err)
{
    struct md5_auth *s = handle;
    BYTE *p;

    clear_err(err);
    if (!s || !size || !pkt)
        return fail(err, ERROR_INVALID_PARAMETER, "no session or no buffer");
    if (s->state == AUTH_DONE)
        return fail(err, ERROR_INVALID_STATE,
                    "the authentication is over: nothing to send");
    if (*size < MD5_PACKET_LEN || s->max_send < MD5_PACKET_LEN)
        return fail(err, ERROR_INSUFFICIENT_BUFFER, "the EAP-MD5 request "
                    "(22 bytes) does not fit the send buffer");
    /* Sent again (a retransmission): the same challenge, the new id. */
    p = mu_put_eap_header((BYTE *)pkt, EapCodeRequest, id, MD5_PACKET_LEN,
                          MD5_TYPE);
    p[0] = MD5_VALUE_SIZE;
    memcpy(p + 1, s->challenge, MD5_VALUE_SIZE);
    *size = MD5_PACKET_LEN;
    if (timeout)
        *timeout = EAP_AUTHENTICATOR_SEND_TIMEOUT_BASIC;
    s->id = id;
    s->state = AUTH_WAIT_RESPONSE;
    return ERROR_SUCCESS;
}

static DWORD md5_auth_receive(EAP_SESSION_HANDLE handle, DWORD size,
                              const EapPacket *const pkt,
                              EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION *action,
                              EAP_ERROR **err)
{
    struct md5_auth *s = handle;
    BYTE expected[MD5_DIGEST_SIZE];
    const BYTE *data;
    DWORD len;
    int match;

    clear_err(err);
    if (action)
        *action = EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD;
    if (!s || !action)
        return fail(err, ERROR_INVALID_PARAMETER, "no session or no action");
    if (s->state != AUTH_WAIT_RESPONSE || !pkt || size < MU_EAP_TYPE_HEADER ||
        pkt->Code != EapCodeResponse || pkt->Id != s->id)
        return ERROR_SUCCESS;
    /* A Nak: the peer will not do EAP-MD5. */
    if (mu_type_data(pkt, size, 3, &len)) {
        s->state = AUTH_DONE;
        s->success = FALSE;
        s->failure_reason = EAP_E_AUTHENTICATION_FAILED;
        *action = EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT;
        return ERROR_SUCCESS;
    }
    data = mu_type_data(pkt, size, MD5_TYPE, &len);
    if (!data || len < 1 + MD5_VALUE_SIZE || data[0] != MD5_VALUE_SIZE)
        return ERROR_SUCCESS;
    /* The same work whether the identity is known or not. */
    md5_chap(s->id, s->password ? s->password : "", s->challenge,
             sizeof(s->challenge), expected);
    match = mu_ct_equal(expected, data + 1, MD5_VALUE_SIZE);
    mu_wipe(expected, sizeof(expected));
    s->state = AUTH_DONE;
    s->success = s->password && match;
    s->failure_reason = s->success ? ERROR_SUCCESS : s->password ?
        EAP_E_USER_NAME_PASSWORD_REJECTED : EAP_E_EAPHOST_IDENTITY_UNKNOWN;
    *action = EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT;
    return ERROR_SUCCESS;
}

static DWORD md5_auth_get_attributes(EAP_SESSION_HANDLE handle,
                                     EapAttributes *attrs, EAP_ERROR **err)
{
    (void)handle;
    clear_err(err);
    if (!attrs)
        return fail(err, ERROR_INVALID_PARAMETER, "NULL attribute array");
    attrs->dwNumberOfAttributes = 0;
    attrs->pAttribs = NULL;
    return ERROR_SUCCESS;
}

static DWORD md5_auth_get_result(EAP_SESSION_HANDLE handle,
                                 EAP_METHOD_AUTHENTICATOR_RESULT *result,
                                 EAP_ERROR **err)
{
    struct md5_auth *s = handle;

    clear_err(err);
    if (!s || !result)
        return fail(err, ERROR_INVALID_PARAMETER, "no session or no result");
    if (s->state != AUTH_DONE)
        return fail(err, ERROR_INVALID_STATE,
                    "no result yet: no EAP-MD5 response was received");
    result->fIsSuccess = s->success;
    result->dwFailureReason = s->failure_reason;
    result->pAuthAttribs = NULL;        /* EAP-MD5 derives no keys */
    return ERROR_SUCCESS;
}

static DWORD md5_auth_end(EAP_SESSION_HANDLE handle, EAP_ERROR **err)
{
    struct md5_auth *s = handle;

    clear_err(err);
    if (!s)
        return ERROR_SUCCESS;
    mu_free_secret(s->password);
    mu_wipe(s, sizeof(*s));
    free(s);
    return ERROR_SUCCESS;
}

/**
 * EapMethodAuthenticatorGetInfo() - the authenticator half's routines.
 * @type: must be type 4 (EAP-MD5), vendor fields 0 (any author).
 * @routines: filled; BeginSession has the routine-table signature (no
 *            bInitialId); SetAttributes is NULL.
 * @err: set to an error (EapMethodAuthenticatorFreeErrorMemory) on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER for NULL pointers;
 * ERROR_NOT_SUPPORTED ("EAP-MD5 implements EAP type 4 only") otherwise.
 */
DWORD EapMethodAuthenticatorGetInfo(EAP_METHOD_TYPE *type,
                                    EAP_AUTHENTICATOR_METHOD_ROUTINES *routines,
                                    EAP_ERROR **err)
{
    clear_err(err);
    if (!type || !routines)
        return fail(err, ERROR_INVALID_PARAMETER, "NULL type or routines");
    if (type->eapType.type != MD5_TYPE || type->eapType.dwVendorId ||
        type->eapType.dwVendorType)
        return fail(err, ERROR_NOT_SUPPORTED,
                    "EAP-MD5 implements EAP type 4 only");
    memset(routines, 0, sizeof(*routines));
    routines->dwSizeInBytes = sizeof(*routines);
    routines->pEapType = &md5_method_type;
    routines->EapMethodAuthenticatorInitialize = md5_auth_initialize;
    routines->EapMethodAuthenticatorBeginSession = md5_auth_begin;
    routines->EapMethodAuthenticatorUpdateInnerMethodParams = md5_auth_update_inner;
    routines->EapMethodAuthenticatorReceivePacket = md5_auth_receive;
    routines->EapMethodAuthenticatorSendPacket = md5_auth_send;
    routines->EapMethodAuthenticatorGetAttributes = md5_auth_get_attributes;
    routines->EapMethodAuthenticatorGetResult = md5_auth_get_result;
    routines->EapMethodAuthenticatorEndSession = md5_auth_end;
    routines->EapMethodAuthenticatorShutdown = md5_auth_shutdown;
    return ERROR_SUCCESS;
}

/**
 * EapMethodAuthenticatorFreeMemory() - free a buffer this library returned
 * to the authenticator host.
 * @p: the buffer, or NULL.
 */
void WINAPI EapMethodAuthenticatorFreeMemory(void *p)
{
    free(p);
}

/**
 * EapMethodAuthenticatorFreeErrorMemory() - free an EAP_ERROR this library
 * returned to the authenticator host.
 * @e: the error, or NULL.
 */
void WINAPI EapMethodAuthenticatorFreeErrorMemory(EAP_ERROR *e)
{
    mu_free_error(e);
}
