/*
 * method_password.c - the sessions of both halves of a one-round password
 * method (EAP-MD5, EAP-GTC); what they do is summarised in
 * method_password.h, what the method supplies in struct mu_pw_method.
 *
 * Every routine takes the method first (MU_PW_METHOD_EXPORTS() binds it),
 * so that even a call without a session reports an error of the method's
 * type.  Built with -fshort-wchar against the SDK headers only.
 */
#include "method_password.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The EAP Type of a legacy Nak Response (RFC 3748 5.3.1). */
#define NAK_TYPE 3u
/* Longest reason made from a format and the method's name. */
#define REASON_LEN 160u

static DWORD fail(const mu_pw_method *m, EAP_ERROR **err, DWORD code,
                  const char *reason)
{
    return mu_set_error(err, code, m->info.type, reason);
}

static DWORD failf(const mu_pw_method *m, EAP_ERROR **err, DWORD code,
                   const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* fail() with a reason made from @fmt, typically around m->name. */
static DWORD failf(const mu_pw_method *m, EAP_ERROR **err, DWORD code,
                   const char *fmt, ...)
{
    char reason[REASON_LEN];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(reason, sizeof(reason), fmt, ap);
    va_end(ap);
    return fail(m, err, code, reason);
}

static void clear_err(EAP_ERROR **err)
{
    if (err)
        *err = NULL;
}

static BYTE method_eap_type(const mu_pw_method *m)
{
    return m->info.type->eapType.type;
}

static size_t peer_size(const mu_pw_method *m)
{
    return m->peer_size ? m->peer_size : sizeof(mu_pw_peer);
}

static size_t auth_size(const mu_pw_method *m)
{
    return m->auth_size ? m->auth_size : sizeof(mu_pw_auth);
}

/*
 * The start of both BeginSession routines: sets *@session to a zeroed
 * block of @size bytes (NULL on failure) and *@handle to NULL; the caller
 * sets *@handle once the session is ready.
 */
static DWORD new_session(const mu_pw_method *m, EAP_SESSION_HANDLE *handle,
                         size_t size, void **session, EAP_ERROR **err)
{
    *session = NULL;
    clear_err(err);
    if (!handle)
        return fail(m, err, ERROR_INVALID_PARAMETER,
                    "the session handle pointer is NULL");
    *handle = NULL;
    *session = calloc(1, size);
    if (!*session)
        return fail(m, err, ERROR_NOT_ENOUGH_MEMORY, "out of memory");
    return ERROR_SUCCESS;
}

/* The bytes a packet may take: the buffer, and the host's limit. */
static DWORD capacity(DWORD size, DWORD max_send)
{
    return size < max_send ? size : max_send;
}

/* ==== peer half ========================================================= */

/**
 * mu_pw_peer_get_identity() - EapPeerGetIdentity: mu_peer_get_identity()
 * with the method's type.
 * @m: the method.
 * @user_size: size of @user.
 * @user: the user blob, or NULL.
 * @invoke_ui: see mu_peer_get_identity().
 * @user_out_size: see mu_peer_get_identity().
 * @user_out: a copy of the user blob (EapPeerFreeMemory).
 * @identity: the user name (EapPeerFreeMemory).
 * @err: the error (EapPeerFreeErrorMemory) on failure.
 *
 * Return: as mu_peer_get_identity().
 */
DWORD mu_pw_peer_get_identity(const mu_pw_method *m, DWORD user_size,
                              const BYTE *user, BOOL *invoke_ui,
                              DWORD *user_out_size, BYTE **user_out,
                              LPWSTR *identity, EAP_ERROR **err)
{
    return mu_peer_get_identity(m->info.type, user_size, user, invoke_ui,
                                user_out_size, user_out, identity, err);
}

/**
 * mu_pw_peer_begin() - EapPeerBeginSession.
 * @m: the method.
 * @user_size: size of @user; 0 when the credentials will come from
 *             EapPeerSetCredentials.
 * @user: the user blob, or NULL.
 * @max_send: the host's dwMaxSendPacketSize.
 * @handle: set to the new session (m->peer_size bytes, zeroed, starting
 *          with a struct mu_pw_peer), or NULL on failure.
 * @err: the error on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER (NULL @handle);
 * ERROR_NOT_ENOUGH_MEMORY; the errors of mu_credentials_from_user_data().
 */
DWORD mu_pw_peer_begin(const mu_pw_method *m, DWORD user_size,
                       const BYTE *user, DWORD max_send,
                       EAP_SESSION_HANDLE *handle, EAP_ERROR **err)
{
    mu_pw_peer *s;
    void *p;
    DWORD rc;

    rc = new_session(m, handle, peer_size(m), &p, err);
    if (rc != ERROR_SUCCESS)
        return rc;
    s = p;
    rc = mu_credentials_from_user_data(&s->cred, user, user_size,
                                       m->info.type, err);
    if (rc != ERROR_SUCCESS) {
        free(s);
        return rc;
    }
    s->max_send = max_send;
    *handle = s;
    return ERROR_SUCCESS;
}

/**
 * mu_pw_peer_set_credentials() - EapPeerSetCredentials:
 * mu_credentials_set() on the session's credentials.
 * @m: the method.
 * @handle: the session.
 * @identity: the user name, or NULL to keep the current one.
 * @password: the password, or NULL to keep the current one.
 * @err: the error on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_HANDLE ("no session"); the errors
 * of mu_credentials_set().
 */
DWORD mu_pw_peer_set_credentials(const mu_pw_method *m,
                                 EAP_SESSION_HANDLE handle,
                                 const WCHAR *identity, const WCHAR *password,
                                 EAP_ERROR **err)
{
    mu_pw_peer *s = handle;

    clear_err(err);
    if (!s)
        return fail(m, err, ERROR_INVALID_HANDLE, "no session");
    return mu_credentials_set(&s->cred, identity, password, m->info.type,
                              err);
}

/**
 * mu_pw_peer_process() - EapPeerProcessRequestPacket.
 * @m: the method.
 * @handle: the session.
 * @size: the bytes at @req.
 * @req: the Request.
 * @out: action Send when the Request is answered, else Discard;
 *       fAllowNotifications TRUE.
 * @err: the error on failure.
 *
 * Any Response prepared before is dropped first.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER (no session or no
 * output); ERROR_INVALID_DATA ("not an <name> request", or the reason of
 * m->peer_check); ERROR_INVALID_STATE when no password is known.
 */
DWORD mu_pw_peer_process(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                         DWORD size, const EapPacket *req,
                         EapPeerMethodOutput *out, EAP_ERROR **err)
{
    mu_pw_peer *s = handle;
    const BYTE *data;
    const char *reason;
    DWORD len;

    clear_err(err);
    if (out) {
        out->action = EapPeerMethodResponseActionDiscard;
        out->fAllowNotifications = TRUE;
    }
    if (!s || !out)
        return fail(m, err, ERROR_INVALID_PARAMETER,
                    "no session or no output");
    s->have_response = 0;
    data = mu_type_data(req, size, method_eap_type(m), &len);
    if (!data || req->Code != EapCodeRequest)
        return failf(m, err, ERROR_INVALID_DATA, "not an %s request",
                     m->name);
    reason = m->peer_check(data, len);
    if (reason)
        return fail(m, err, ERROR_INVALID_DATA, reason);
    if (!s->cred.password)
        return fail(m, err, ERROR_INVALID_STATE, "no password: none was "
                    "given with EapPeerSetCredentials or in the user data");
    s->id = req->Id;
    if (m->peer_answer)
        m->peer_answer(s, data, len);
    s->have_response = 1;
    out->action = EapPeerMethodResponseActionSend;
    return ERROR_SUCCESS;
}

/**
 * mu_pw_peer_get_response() - EapPeerGetResponsePacket: m->peer_response.
 * @m: the method.
 * @handle: the session.
 * @size: the buffer's size on entry, the Response's on return.
 * @pkt: the buffer.
 * @err: the error on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER (no session or no
 * buffer); ERROR_INVALID_STATE ("no <name> response is pending"); the
 * errors of m->peer_response.
 */
DWORD mu_pw_peer_get_response(const mu_pw_method *m,
                              EAP_SESSION_HANDLE handle, DWORD *size,
                              EapPacket *pkt, EAP_ERROR **err)
{
    mu_pw_peer *s = handle;
    const char *reason = NULL;
    DWORD len = 0, rc;

    clear_err(err);
    if (!s || !size || !pkt)
        return fail(m, err, ERROR_INVALID_PARAMETER,
                    "no session or no buffer");
    if (!s->have_response || !s->cred.password)
        return failf(m, err, ERROR_INVALID_STATE,
                     "no %s response is pending", m->name);
    rc = m->peer_response(s, pkt, capacity(*size, s->max_send), &len,
                          &reason);
    if (rc != ERROR_SUCCESS)
        return fail(m, err, rc, reason);
    *size = len;
    s->responded = 1;
    return ERROR_SUCCESS;
}

/**
 * mu_pw_peer_get_result() - EapPeerGetResult.
 * @m: the method.
 * @handle: the session.
 * @reason: the outcome the host saw.
 * @result: fIsSuccess and dwFailureReasonCode set (the host zeroed the
 *          rest: no keys, no data to save).
 * @err: the error on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER (no session or no
 * result).
 */
DWORD mu_pw_peer_get_result(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                            EapPeerMethodResultReason reason,
                            EapPeerMethodResult *result, EAP_ERROR **err)
{
    mu_pw_peer *s = handle;

    clear_err(err);
    if (!s || !result)
        return fail(m, err, ERROR_INVALID_PARAMETER,
                    "no session or no result");
    result->fIsSuccess = reason == EapPeerMethodResultSuccess && s->responded;
    if (!result->fIsSuccess)
        result->dwFailureReasonCode = s->responded &&
            reason == EapPeerMethodResultFailure ?
            EAP_E_USER_NAME_PASSWORD_REJECTED : EAP_E_AUTHENTICATION_FAILED;
    return ERROR_SUCCESS;
}

/**
 * mu_pw_peer_end() - EapPeerEndSession: wipe and free the session.
 * @m: the method.
 * @handle: the session, or NULL.
 * @err: set to NULL.
 *
 * Return: ERROR_SUCCESS.
 */
DWORD mu_pw_peer_end(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                     EAP_ERROR **err)
{
    mu_pw_peer *s = handle;

    clear_err(err);
    if (!s)
        return ERROR_SUCCESS;
    mu_credentials_clear(&s->cred);
    mu_wipe_free(s, peer_size(m));
    return ERROR_SUCCESS;
}

/* ==== authenticator half ================================================ */

/* The stored password from the attributes; ERROR_NOT_FOUND is no error. */
static DWORD take_password(const mu_pw_method *m, mu_pw_auth *s,
                           const EapAttributes *attrs, EAP_ERROR **err)
{
    char *pw = NULL;
    DWORD rc = mu_clear_text_password(attrs, &pw);

    if (rc == ERROR_NOT_ENOUGH_MEMORY)
        return fail(m, err, rc, "out of memory");
    if (rc == ERROR_INVALID_DATA)
        return fail(m, err, rc, "the eatClearTextPassword attribute is not "
                    "UTF-8 text");
    mu_free_secret(s->password);
    s->password = pw;           /* NULL when not found */
    return ERROR_SUCCESS;
}

/**
 * mu_pw_auth_begin() - EapMethodAuthenticatorBeginSession.
 * @m: the method.
 * @attrs: the host's attributes: the eatClearTextPassword one, if any, is
 *         the stored password.
 * @max_send: the host's dwMaxSendPacketSize.
 * @handle: set to the new session (m->auth_size bytes starting with a
 *          struct mu_pw_auth), or NULL on failure.
 * @err: the error on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER (NULL @handle);
 * ERROR_NOT_ENOUGH_MEMORY; ERROR_INVALID_DATA (a stored password that is
 * not UTF-8 text); the errors of m->auth_start.
 */
DWORD mu_pw_auth_begin(const mu_pw_method *m, const EapAttributes *attrs,
                       DWORD max_send, EAP_SESSION_HANDLE *handle,
                       EAP_ERROR **err)
{
    const char *reason = NULL;
    mu_pw_auth *s;
    void *p;
    DWORD rc;

    rc = new_session(m, handle, auth_size(m), &p, err);
    if (rc != ERROR_SUCCESS)
        return rc;
    s = p;
    rc = take_password(m, s, attrs, err);
    if (rc == ERROR_SUCCESS && m->auth_start) {
        rc = m->auth_start(s, &reason);
        if (rc != ERROR_SUCCESS)
            fail(m, err, rc, reason);
    }
    if (rc != ERROR_SUCCESS) {
        mu_free_secret(s->password);
        free(s);
        return rc;
    }
    s->max_send = max_send;
    s->state = MU_PW_AUTH_START;
    *handle = s;
    return ERROR_SUCCESS;
}

/**
 * mu_pw_auth_update_inner() - EapMethodAuthenticatorUpdateInnerMethodParams:
 * a new stored password, before the Request is sent.
 * @m: the method.
 * @handle: the session.
 * @attrs: the new attributes (no eatClearTextPassword: unknown identity).
 * @err: the error on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_HANDLE ("no session");
 * ERROR_INVALID_STATE ("the <request> has already been sent"); the errors
 * of the password as in mu_pw_auth_begin().
 */
DWORD mu_pw_auth_update_inner(const mu_pw_method *m,
                              EAP_SESSION_HANDLE handle,
                              const EapAttributes *attrs, EAP_ERROR **err)
{
    mu_pw_auth *s = handle;

    clear_err(err);
    if (!s)
        return fail(m, err, ERROR_INVALID_HANDLE, "no session");
    if (s->state != MU_PW_AUTH_START)
        return failf(m, err, ERROR_INVALID_STATE,
                     "the %s has already been sent", m->request);
    return take_password(m, s, attrs, err);
}

/**
 * mu_pw_auth_send() - EapMethodAuthenticatorSendPacket: m->auth_request.
 * @m: the method.
 * @handle: the session.
 * @id: the Identifier the host chose (a new one when it retransmits).
 * @size: the buffer's size on entry, the Request's on return.
 * @pkt: the buffer.
 * @timeout: set to m->timeout (may be NULL).
 * @err: the error on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER (no session or no
 * buffer); ERROR_INVALID_STATE once the outcome is known; the errors of
 * m->auth_request.
 */
DWORD mu_pw_auth_send(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                      BYTE id, DWORD *size, EapPacket *pkt,
                      EAP_AUTHENTICATOR_SEND_TIMEOUT *timeout,
                      EAP_ERROR **err)
{
    mu_pw_auth *s = handle;
    const char *reason = NULL;
    DWORD len = 0, rc;

    clear_err(err);
    if (!s || !size || !pkt)
        return fail(m, err, ERROR_INVALID_PARAMETER,
                    "no session or no buffer");
    if (s->state == MU_PW_AUTH_DONE)
        return fail(m, err, ERROR_INVALID_STATE,
                    "the authentication is over: nothing to send");
    rc = m->auth_request(s, id, pkt, capacity(*size, s->max_send), &len,
                         &reason);
    if (rc != ERROR_SUCCESS)
        return fail(m, err, rc, reason);
    *size = len;
    if (timeout)
        *timeout = m->timeout;
    s->id = id;
    s->state = MU_PW_AUTH_WAIT_RESPONSE;
    return ERROR_SUCCESS;
}

/* The outcome is known: tell the host to ask for the result. */
static void finish(mu_pw_auth *s, BOOL success, DWORD failure_reason,
                   EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION *action)
{
    s->state = MU_PW_AUTH_DONE;
    s->success = success;
    s->failure_reason = failure_reason;
    *action = EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT;
}

/**
 * mu_pw_auth_receive() - EapMethodAuthenticatorReceivePacket.
 * @m: the method.
 * @handle: the session.
 * @size: the bytes at @pkt.
 * @pkt: the Response.
 * @action: RESULT when the outcome is known, else DISCARD.
 * @err: the error on failure.
 *
 * Discarded, with ERROR_SUCCESS: anything before the Request was sent or
 * after the outcome, a packet that is not a Response with the Identifier
 * of the last Request, a Response of another type than Nak and the
 * method's, and type data that m->auth_digests finds is no answer.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER (no session or no
 * action).
 */
DWORD mu_pw_auth_receive(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                         DWORD size, const EapPacket *pkt,
                         EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION *action,
                         EAP_ERROR **err)
{
    mu_pw_auth *s = handle;
    BYTE got[MU_PW_DIGEST_MAX], want[MU_PW_DIGEST_MAX];
    const BYTE *data;
    DWORD len;
    size_t n;
    int match;

    clear_err(err);
    if (action)
        *action = EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD;
    if (!s || !action)
        return fail(m, err, ERROR_INVALID_PARAMETER,
                    "no session or no action");
    if (s->state != MU_PW_AUTH_WAIT_RESPONSE || !pkt ||
        size < MU_EAP_TYPE_HEADER || pkt->Code != EapCodeResponse ||
        pkt->Id != s->id)
        return ERROR_SUCCESS;
    /* A Nak: the peer will not do this method. */
    if (mu_type_data(pkt, size, NAK_TYPE, &len)) {
        finish(s, FALSE, EAP_E_AUTHENTICATION_FAILED, action);
        return ERROR_SUCCESS;
    }
    data = mu_type_data(pkt, size, method_eap_type(m), &len);
    if (!data)
        return ERROR_SUCCESS;
    /* The same work whether the identity is known or not. */
    n = m->auth_digests(s, s->password ? s->password : "", data, len, got,
                        want);
    match = n && n <= MU_PW_DIGEST_MAX && mu_ct_equal(got, want, n);
    mu_wipe(got, sizeof(got));
    mu_wipe(want, sizeof(want));
    if (n == 0)
        return ERROR_SUCCESS;
    if (s->password && match)
        finish(s, TRUE, ERROR_SUCCESS, action);
    else
        finish(s, FALSE, s->password ? EAP_E_USER_NAME_PASSWORD_REJECTED :
               EAP_E_EAPHOST_IDENTITY_UNKNOWN, action);
    return ERROR_SUCCESS;
}

/**
 * mu_pw_auth_get_attributes() - EapMethodAuthenticatorGetAttributes: none.
 * @m: the method.
 * @attrs: set to an empty array.
 * @err: the error on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER ("NULL attribute array").
 */
DWORD mu_pw_auth_get_attributes(const mu_pw_method *m, EapAttributes *attrs,
                                EAP_ERROR **err)
{
    clear_err(err);
    if (!attrs)
        return fail(m, err, ERROR_INVALID_PARAMETER, "NULL attribute array");
    attrs->dwNumberOfAttributes = 0;
    attrs->pAttribs = NULL;
    return ERROR_SUCCESS;
}

/**
 * mu_pw_auth_get_result() - EapMethodAuthenticatorGetResult.
 * @m: the method.
 * @handle: the session.
 * @result: fIsSuccess, dwFailureReason, and pAuthAttribs NULL (no keys).
 * @err: the error on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER (no session or no
 * result); ERROR_INVALID_STATE ("no result yet: no <name> response was
 * received") before the outcome is known.
 */
DWORD mu_pw_auth_get_result(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                            EAP_METHOD_AUTHENTICATOR_RESULT *result,
                            EAP_ERROR **err)
{
    mu_pw_auth *s = handle;

    clear_err(err);
    if (!s || !result)
        return fail(m, err, ERROR_INVALID_PARAMETER,
                    "no session or no result");
    if (s->state != MU_PW_AUTH_DONE)
        return failf(m, err, ERROR_INVALID_STATE,
                     "no result yet: no %s response was received", m->name);
    result->fIsSuccess = s->success;
    result->dwFailureReason = s->failure_reason;
    result->pAuthAttribs = NULL;
    return ERROR_SUCCESS;
}

/**
 * mu_pw_auth_end() - EapMethodAuthenticatorEndSession: wipe and free the
 * session.
 * @m: the method.
 * @handle: the session, or NULL.
 * @err: set to NULL.
 *
 * Return: ERROR_SUCCESS.
 */
DWORD mu_pw_auth_end(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                     EAP_ERROR **err)
{
    mu_pw_auth *s = handle;

    clear_err(err);
    if (!s)
        return ERROR_SUCCESS;
    mu_free_secret(s->password);
    mu_wipe_free(s, auth_size(m));
    return ERROR_SUCCESS;
}
