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
 * Only the SDK headers are used; SHA-256 comes from nettle.
 */
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include <eapmethodpeerapis.h>
#include <eapmethodauthenticatorapis.h>
#include <eaphosterror.h>

#include "method_util.h"

#define GTC_TYPE 6u
#define GTC_MAX_PACKET 0xFFFFu

static const char gtc_prompt[] = "Password: ";

static EAP_TYPE gtc_type = { GTC_TYPE, 0, 0 };
static EAP_METHOD_TYPE gtc_method_type = { { GTC_TYPE, 0, 0 }, 0 };

static DWORD fail(EAP_ERROR **err, DWORD code, const char *reason)
{
    return mu_set_error(err, code, &gtc_method_type, reason);
}

static void clear_err(EAP_ERROR **err)
{
    if (err)
        *err = NULL;
}

/* ==== peer half ============================================================ */

struct gtc_peer {
    mu_credentials cred;
    DWORD max_send;
    int have_response;          /* a Response is ready to send */
    int responded;              /* at least one Response was built */
    BYTE id;
};

static DWORD WINAPI gtc_peer_initialize(EAP_ERROR **err)
{
    clear_err(err);
    return ERROR_SUCCESS;
}

static DWORD WINAPI gtc_peer_shutdown(EAP_ERROR **err)
{
    clear_err(err);
    return ERROR_SUCCESS;
}

static DWORD WINAPI gtc_peer_get_identity(
    DWORD flags, DWORD conn_size, const BYTE *conn, DWORD user_size,
    const BYTE *user, HANDLE token, BOOL *invoke_ui, DWORD *user_out_size,
    BYTE **user_out, LPWSTR *identity, EAP_ERROR **err)
{
    (void)flags; (void)conn_size; (void)conn; (void)token;
    return mu_peer_get_identity(&gtc_method_type, user_size, user, invoke_ui,
                                user_out_size, user_out, identity, err);
}

static DWORD WINAPI gtc_peer_begin(DWORD flags, const EapAttributes *const attrs,
                                   HANDLE token, DWORD conn_size, BYTE *conn,
                                   DWORD user_size, BYTE *user, DWORD max_send,
                                   EAP_SESSION_HANDLE *handle, EAP_ERROR **err)
{
    struct gtc_peer *s;
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
                                       &gtc_method_type, err);
    if (rc != ERROR_SUCCESS) {
        free(s);
        return rc;
    }
    s->max_send = max_send;
    *handle = s;
    return ERROR_SUCCESS;
}

static DWORD WINAPI gtc_peer_set_credentials(EAP_SESSION_HANDLE handle,
                                             WCHAR *identity, WCHAR *password,
                                             EAP_ERROR **err)
{
    struct gtc_peer *s = handle;

    clear_err(err);
    if (!s)
        return fail(err, ERROR_INVALID_HANDLE, "no session");
    return mu_credentials_set(&s->cred, identity, password, &gtc_method_type,
                              err);
}

static DWORD WINAPI gtc_peer_process(EAP_SESSION_HANDLE handle, DWORD size,
                                     EapPacket *req, EapPeerMethodOutput *out,
                                     EAP_ERROR **err)
{
    struct gtc_peer *s = handle;
    const BYTE *prompt;
    DWORD len;

    clear_err(err);
    if (out) {
        out->action = EapPeerMethodResponseActionDiscard;
        out->fAllowNotifications = TRUE;
    }
    if (!s || !out)
        return fail(err, ERROR_INVALID_PARAMETER, "no session or no output");
    s->have_response = 0;
    prompt = mu_type_data(req, size, GTC_TYPE, &len);
    if (!prompt || req->Code != EapCodeRequest)
        return fail(err, ERROR_INVALID_DATA, "not an EAP-GTC request");
    if (len == 0)
        return fail(err, ERROR_INVALID_DATA,
                    "EAP-GTC request with an empty prompt");
    if (!mu_utf8_valid(prompt, len))
        return fail(err, ERROR_INVALID_DATA,
                    "EAP-GTC prompt is not valid UTF-8");
    if (!s->cred.password)
        return fail(err, ERROR_INVALID_STATE, "no password: none was given "
                    "with EapPeerSetCredentials or in the user data");
    /* Headless: the prompt is not shown; the password answers it. */
    s->id = req->Id;
    s->have_response = 1;
    out->action = EapPeerMethodResponseActionSend;
    return ERROR_SUCCESS;
}

static DWORD WINAPI gtc_peer_get_response(EAP_SESSION_HANDLE handle,
                                          DWORD *size, EapPacket *pkt,
                                          EAP_ERROR **err)
{
    struct gtc_peer *s = handle;
    size_t pw_len, total;
    BYTE *p;

    clear_err(err);
    if (!s || !size || !pkt)
        return fail(err, ERROR_INVALID_PARAMETER, "no session or no buffer");
    if (!s->have_response || !s->cred.password)
        return fail(err, ERROR_INVALID_STATE, "no EAP-GTC response is pending");
    pw_len = strlen(s->cred.password);
    total = MU_EAP_TYPE_HEADER + pw_len;
    if (total > GTC_MAX_PACKET || total > *size || total > s->max_send)
        return fail(err, ERROR_INSUFFICIENT_BUFFER, "the EAP-GTC response "
                    "does not fit the send buffer");
    p = mu_put_eap_header((BYTE *)pkt, EapCodeResponse, s->id, (DWORD)total,
                          GTC_TYPE);
    memcpy(p, s->cred.password, pw_len);
    *size = (DWORD)total;
    s->responded = 1;
    return ERROR_SUCCESS;
}

static DWORD WINAPI gtc_peer_get_result(EAP_SESSION_HANDLE handle,
                                        EapPeerMethodResultReason reason,
                                        EapPeerMethodResult *result,
                                        EAP_ERROR **err)
{
    struct gtc_peer *s = handle;

    clear_err(err);
    if (!s || !result)
        return fail(err, ERROR_INVALID_PARAMETER, "no session or no result");
    /* The host zeroed *result; EAP-GTC has no keys or data to save. */
    result->fIsSuccess = reason == EapPeerMethodResultSuccess && s->responded;
    if (!result->fIsSuccess)
        result->dwFailureReasonCode = s->responded &&
            reason == EapPeerMethodResultFailure ?
            EAP_E_USER_NAME_PASSWORD_REJECTED : EAP_E_AUTHENTICATION_FAILED;
    return ERROR_SUCCESS;
}

static DWORD WINAPI gtc_peer_end(EAP_SESSION_HANDLE handle, EAP_ERROR **err)
{
    struct gtc_peer *s = handle;

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
 * @type: must be type 6 (EAP-GTC), vendor fields 0.
 * @routines: filled; the table points to static data of this library.
 * @err: set to an error (free with EapPeerFreeErrorMemory) on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER for NULL pointers;
 * ERROR_NOT_SUPPORTED ("EAP-GTC implements EAP type 6 only") otherwise.
 */
DWORD WINAPI EapPeerGetInfo(EAP_TYPE *type, EAP_PEER_METHOD_ROUTINES *routines,
                            EAP_ERROR **err)
{
    clear_err(err);
    if (!type || !routines)
        return fail(err, ERROR_INVALID_PARAMETER, "NULL type or routines");
    if (type->type != GTC_TYPE || type->dwVendorId || type->dwVendorType)
        return fail(err, ERROR_NOT_SUPPORTED,
                    "EAP-GTC implements EAP type 6 only");
    memset(routines, 0, sizeof(*routines));
    routines->dwVersion = EAPHOST_METHOD_API_VERSION;
    routines->pEapType = &gtc_type;
    routines->EapPeerInitialize = gtc_peer_initialize;
    routines->EapPeerGetIdentity = gtc_peer_get_identity;
    routines->EapPeerBeginSession = gtc_peer_begin;
    routines->EapPeerSetCredentials = gtc_peer_set_credentials;
    routines->EapPeerProcessRequestPacket = gtc_peer_process;
    routines->EapPeerGetResponsePacket = gtc_peer_get_response;
    routines->EapPeerGetResult = gtc_peer_get_result;
    routines->EapPeerEndSession = gtc_peer_end;
    routines->EapPeerShutdown = gtc_peer_shutdown;
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
 * @type: must be EAP-GTC.
 * @flags: unused.
 * @conn_size: unused (EAP-GTC has no connection data).
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
    return mu_peer_query_fields(&gtc_method_type, &type, fields, err);
}

/**
 * EapPeerQueryUserBlobFromCredentialInputFields() - the user blob (see
 * plugins/common/method_util.h) for the filled-in fields.
 * @token: unused.
 * @type: must be EAP-GTC.
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
    return mu_peer_query_user_blob(&gtc_method_type, &type, fields, size,
                                   blob, err);
}

/* ==== authenticator half ==================================================== */

enum gtc_auth_state { AUTH_START, AUTH_WAIT_RESPONSE, AUTH_DONE };

struct gtc_auth {
    enum gtc_auth_state state;
    char *password;             /* NULL: identity unknown */
    DWORD max_send;
    BYTE id;                    /* Identifier of the last Request sent */
    BOOL success;
    DWORD failure_reason;
};

static DWORD gtc_auth_initialize(EAP_METHOD_TYPE *type, EAP_ERROR **err)
{
    (void)type;
    clear_err(err);
    return ERROR_SUCCESS;
}

static DWORD gtc_auth_shutdown(EAP_METHOD_TYPE *type, EAP_ERROR **err)
{
    (void)type;
    clear_err(err);
    return ERROR_SUCCESS;
}

/* The stored password from the attributes; ERROR_NOT_FOUND is no error. */
static DWORD gtc_auth_take_password(struct gtc_auth *s,
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

static DWORD gtc_auth_begin(DWORD flags, LPCWSTR identity,
                            const EapAttributes *const attrs, DWORD conn_size,
                            const BYTE *const conn, DWORD max_send,
                            EAP_SESSION_HANDLE *handle, EAP_ERROR **err)
{
    struct gtc_auth *s;
    DWORD rc;

    (void)flags; (void)identity; (void)conn_size; (void)conn;
    clear_err(err);
    if (!handle)
        return fail(err, ERROR_INVALID_PARAMETER, "the session handle pointer is NULL");
    *handle = NULL;
    s = calloc(1, sizeof(*s));
    if (!s)
        return fail(err, ERROR_NOT_ENOUGH_MEMORY, "out of memory");
    rc = gtc_auth_take_password(s, attrs, err);
    if (rc != ERROR_SUCCESS) {
        free(s);
        return rc;
    }
    s->max_send = max_send;
    s->state = AUTH_START;
    *handle = s;
    return ERROR_SUCCESS;
}

static DWORD gtc_auth_update_inner(EAP_SESSION_HANDLE handle, DWORD flags,
                                   LPCWSTR identity,
                                   const EapAttributes *const attrs,
                                   EAP_ERROR **err)
{
    struct gtc_auth *s = handle;

    (void)flags; (void)identity;
    clear_err(err);
    if (!s)
        return fail(err, ERROR_INVALID_HANDLE, "no session");
    if (s->state != AUTH_START)
        return fail(err, ERROR_INVALID_STATE,
                    "the prompt has already been sent");
    return gtc_auth_take_password(s, attrs, err);
}

static DWORD gtc_auth_send(EAP_SESSION_HANDLE handle, BYTE id, DWORD *size,
                           EapPacket *pkt, EAP_AUTHENTICATOR_SEND_TIMEOUT *timeout,
                           EAP_ERROR **err)
{
    struct gtc_auth *s = handle;
    DWORD total = MU_EAP_TYPE_HEADER + (DWORD)(sizeof(gtc_prompt) - 1);
    BYTE *p;

    clear_err(err);
    if (!s || !size || !pkt)
        return fail(err, ERROR_INVALID_PARAMETER, "no session or no buffer");
    if (s->state == AUTH_DONE)
        return fail(err, ERROR_INVALID_STATE,
                    "the authentication is over: nothing to send");
    if (*size < total || s->max_send < total)
        return fail(err, ERROR_INSUFFICIENT_BUFFER, "the EAP-GTC request "
                    "(15 bytes) does not fit the send buffer");
    p = mu_put_eap_header((BYTE *)pkt, EapCodeRequest, id, total, GTC_TYPE);
    memcpy(p, gtc_prompt, sizeof(gtc_prompt) - 1);
    *size = total;
    /* A person may be reading a token card. */
    if (timeout)
        *timeout = EAP_AUTHENTICATOR_SEND_TIMEOUT_INTERACTIVE;
    s->id = id;
    s->state = AUTH_WAIT_RESPONSE;
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

static DWORD gtc_auth_receive(EAP_SESSION_HANDLE handle, DWORD size,
                              const EapPacket *const pkt,
                              EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION *action,
                              EAP_ERROR **err)
{
    struct gtc_auth *s = handle;
    BYTE got[SHA256_DIGEST_SIZE], want[SHA256_DIGEST_SIZE];
    const char *pw;
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
    /* A Nak: the peer will not do EAP-GTC. */
    if (mu_type_data(pkt, size, 3, &len)) {
        s->state = AUTH_DONE;
        s->success = FALSE;
        s->failure_reason = EAP_E_AUTHENTICATION_FAILED;
        *action = EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT;
        return ERROR_SUCCESS;
    }
    data = mu_type_data(pkt, size, GTC_TYPE, &len);
    if (!data)
        return ERROR_SUCCESS;
    /* The same work whether the identity is known or not. */
    pw = s->password ? s->password : "";
    sha256_of(data, len, got);
    sha256_of((const BYTE *)pw, strlen(pw), want);
    match = mu_ct_equal(got, want, sizeof(got));
    mu_wipe(got, sizeof(got));
    mu_wipe(want, sizeof(want));
    s->state = AUTH_DONE;
    s->success = s->password && match;
    s->failure_reason = s->success ? ERROR_SUCCESS : s->password ?
        EAP_E_USER_NAME_PASSWORD_REJECTED : EAP_E_EAPHOST_IDENTITY_UNKNOWN;
    *action = EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT;
    return ERROR_SUCCESS;
}

static DWORD gtc_auth_get_attributes(EAP_SESSION_HANDLE handle,
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

static DWORD gtc_auth_get_result(EAP_SESSION_HANDLE handle,
                                 EAP_METHOD_AUTHENTICATOR_RESULT *result,
                                 EAP_ERROR **err)
{
    struct gtc_auth *s = handle;

    clear_err(err);
    if (!s || !result)
        return fail(err, ERROR_INVALID_PARAMETER, "no session or no result");
    if (s->state != AUTH_DONE)
        return fail(err, ERROR_INVALID_STATE,
                    "no result yet: no EAP-GTC response was received");
    result->fIsSuccess = s->success;
    result->dwFailureReason = s->failure_reason;
    result->pAuthAttribs = NULL;        /* EAP-GTC derives no keys */
    return ERROR_SUCCESS;
}

static DWORD gtc_auth_end(EAP_SESSION_HANDLE handle, EAP_ERROR **err)
{
    struct gtc_auth *s = handle;

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
 * @type: must be type 6 (EAP-GTC), vendor fields 0 (any author).
 * @routines: filled; BeginSession has the routine-table signature (no
 *            bInitialId); SetAttributes is NULL.
 * @err: set to an error (EapMethodAuthenticatorFreeErrorMemory) on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER for NULL pointers;
 * ERROR_NOT_SUPPORTED ("EAP-GTC implements EAP type 6 only") otherwise.
 */
DWORD EapMethodAuthenticatorGetInfo(EAP_METHOD_TYPE *type,
                                    EAP_AUTHENTICATOR_METHOD_ROUTINES *routines,
                                    EAP_ERROR **err)
{
    clear_err(err);
    if (!type || !routines)
        return fail(err, ERROR_INVALID_PARAMETER, "NULL type or routines");
    if (type->eapType.type != GTC_TYPE || type->eapType.dwVendorId ||
        type->eapType.dwVendorType)
        return fail(err, ERROR_NOT_SUPPORTED,
                    "EAP-GTC implements EAP type 6 only");
    memset(routines, 0, sizeof(*routines));
    routines->dwSizeInBytes = sizeof(*routines);
    routines->pEapType = &gtc_method_type;
    routines->EapMethodAuthenticatorInitialize = gtc_auth_initialize;
    routines->EapMethodAuthenticatorBeginSession = gtc_auth_begin;
    routines->EapMethodAuthenticatorUpdateInnerMethodParams = gtc_auth_update_inner;
    routines->EapMethodAuthenticatorReceivePacket = gtc_auth_receive;
    routines->EapMethodAuthenticatorSendPacket = gtc_auth_send;
    routines->EapMethodAuthenticatorGetAttributes = gtc_auth_get_attributes;
    routines->EapMethodAuthenticatorGetResult = gtc_auth_get_result;
    routines->EapMethodAuthenticatorEndSession = gtc_auth_end;
    routines->EapMethodAuthenticatorShutdown = gtc_auth_shutdown;
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
