/*
 * api_runtime.c - the supplicant run-time API (eappapis.h).
 *
 * Each function checks its arguments, enters the session (which marks it
 * busy; no host lock is held while a method runs), does its work and
 * leaves.  Results follow the error-code table of DESIGN.md:
 *   NULL required pointer            ERROR_INVALID_PARAMETER
 *   before EapHostPeerInitialize     ERROR_INVALID_STATE
 *   unknown, ended or stale id       ERROR_INVALID_HANDLE
 *                                    (ProcessReceivedPacket: ERROR_SUCCESS
 *                                    and StartAuthentication)
 *   call that does not fit the state ERROR_INVALID_STATE
 */
#include "internal.h"

#include <string.h>

/* Smallest dwMaxSendPacketSize: an Expanded Nak must fit. */
#define EH_MIN_SEND 20u
#define EH_MAX_SEND 65535u
#define EH_MAX_BLOB (1u << 20)

static void clear_err(EAP_ERROR **pp)
{
    if (pp)
        *pp = NULL;
}

/* A session whose method session the host has ended (ClearConnection). */
static bool method_gone(const struct eh_session *s)
{
    return !s->method_session_open;
}

static DWORD begin_method_session(struct eh_session *s, DWORD flags,
                                  const EapAttributes *attrs, HANDLE token,
                                  EAP_ERROR **err)
{
    const struct eh_dispatch *d = &s->method->dispatch;
    EAP_SESSION_HANDLE handle = NULL;
    EAP_ERROR *merr = NULL;
    DWORD rc;

    rc = d->r.EapPeerBeginSession(flags, attrs, token, s->conn_size,
                                  s->conn_data, s->user_size, s->user_data,
                                  s->max_send, &handle, &merr);
    EH_TRACE_CALL(EH_TRACE_PEER, s->id, &s->method->type,
                  "EapPeerBeginSession", rc, -1);
    if (rc != ERROR_SUCCESS) {
        EAP_ERROR *copy = NULL;

        eh_take_method_error(d, merr, &copy);
        copy = eh_method_error(copy, rc, &s->method->type,
                               "EapPeerBeginSession");
        if (err)
            *err = copy;
        else
            eh_error_free(copy);
        return rc;
    }
    eh_take_method_error(d, merr, NULL);
    s->method_session = handle;
    s->method_session_open = true;
    return ERROR_SUCCESS;
}

static DWORD copy_session_inputs(struct eh_session *s, DWORD conn_size,
                                 const BYTE *conn, DWORD user_size,
                                 const BYTE *user, DWORD max_send)
{
    s->max_send = max_send > EH_MAX_SEND ? EH_MAX_SEND : max_send;
    /* The slot may still hold buffers of its last session. */
    if (s->buf_cap < s->max_send) {
        eh_free(s->send_buf);
        eh_free(s->scratch);
        s->buf_cap = 0;
        s->send_buf = eh_malloc(s->max_send);
        s->scratch = eh_malloc(s->max_send);
        if (!s->send_buf || !s->scratch) {
            eh_free(s->send_buf);
            eh_free(s->scratch);
            s->send_buf = s->scratch = NULL;
            return ERROR_NOT_ENOUGH_MEMORY;
        }
        s->buf_cap = s->max_send;
    }
    if (conn_size && !(s->conn_data = eh_memdup(conn, conn_size)))
        return ERROR_NOT_ENOUGH_MEMORY;
    s->conn_size = conn_size;
    if (user_size && !(s->user_data = eh_memdup(user, user_size)))
        return ERROR_NOT_ENOUGH_MEMORY;
    s->user_size = user_size;
    return ERROR_SUCCESS;
}

DWORD EapHostPeerBeginSession(DWORD dwFlags, EAP_METHOD_TYPE eapType,
                              const EapAttributes *const pAttributeArray,
                              HANDLE hTokenImpersonateUser,
                              DWORD dwSizeofConnectionData,
                              const BYTE *const pConnectionData,
                              DWORD dwSizeofUserData,
                              const BYTE *const pUserData,
                              DWORD dwMaxSendPacketSize,
                              const GUID *const pConnectionId,
                              NotificationHandler func, void *pContextData,
                              EAP_SESSIONID *pSessionId,
                              EAP_ERROR **ppEapError)
{
    struct eh_session *s;
    struct eh_method *m;
    DWORD rc;

    clear_err(ppEapError);
    if (!pSessionId)
        return ERROR_INVALID_PARAMETER;
    *pSessionId = 0;
    if ((dwSizeofConnectionData && !pConnectionData) ||
        (dwSizeofUserData && !pUserData) ||
        dwSizeofConnectionData > EH_MAX_BLOB || dwSizeofUserData > EH_MAX_BLOB)
        return eh_fail(ppEapError, ERROR_INVALID_PARAMETER, &eapType,
                       "connection or user data pointer NULL with a "
                       "non-zero size, or larger than %u bytes", EH_MAX_BLOB);
    if (dwMaxSendPacketSize < EH_MIN_SEND)
        return eh_fail(ppEapError, ERROR_INVALID_PARAMETER, &eapType,
                       "dwMaxSendPacketSize %u is below the minimum %u",
                       (unsigned)dwMaxSendPacketSize, EH_MIN_SEND);
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    m = eh_host_find_method(&eapType);
    if (!m)
        return eh_fail(ppEapError, EAP_E_EAPHOST_METHOD_NOT_INSTALLED,
                       &eapType, "no method registered for type %u "
                       "(vendor %u, vendor type %u), author %u",
                       eapType.eapType.type,
                       (unsigned)eapType.eapType.dwVendorId,
                       (unsigned)eapType.eapType.dwVendorType,
                       (unsigned)eapType.dwAuthorId);
    rc = eh_session_create(pConnectionId, &s);
    if (rc == ERROR_INVALID_STATE)
        return eh_fail(ppEapError, rc, &eapType, "the connection already "
                       "has an active session");
    if (rc != ERROR_SUCCESS)
        return rc;
    rc = eh_method_acquire(m, ppEapError);
    if (rc != ERROR_SUCCESS) {
        eh_session_destroy(s);
        return rc;
    }
    s->method = m;
    rc = copy_session_inputs(s, dwSizeofConnectionData, pConnectionData,
                             dwSizeofUserData, pUserData,
                             dwMaxSendPacketSize);
    if (rc == ERROR_SUCCESS)
        rc = begin_method_session(s, dwFlags, pAttributeArray,
                                  hTokenImpersonateUser, ppEapError);
    if (rc != ERROR_SUCCESS) {
        eh_session_destroy(s);
        return rc;
    }
    s->flags = dwFlags;
    s->notify = func;
    s->notify_context = pContextData;
    s->last_id = -1;
    s->allow_notifications = true;
    s->status = EapHostAuthNotStarted;
    *pSessionId = s->id;
    eh_session_leave(s);
    return ERROR_SUCCESS;
}

DWORD EapHostPeerProcessReceivedPacket(EAP_SESSIONID sessionHandle,
                                       DWORD cbReceivePacket,
                                       const BYTE *const pReceivePacket,
                                       EapHostPeerResponseAction *pEapOutput,
                                       EAP_ERROR **ppEapError)
{
    struct eh_session *s;
    bool busy;
    DWORD rc;

    clear_err(ppEapError);
    if (!pEapOutput)
        return ERROR_INVALID_PARAMETER;
    *pEapOutput = EapHostPeerResponseDiscard;
    if (!pReceivePacket)
        return ERROR_INVALID_PARAMETER;
    if (!eh_host_initialized()) {
        *pEapOutput = EapHostPeerResponseStartAuthentication;
        return ERROR_INVALID_STATE;
    }
    s = eh_session_enter(sessionHandle, &busy);
    if (!s) {
        if (busy)       /* another thread is inside this session */
            return ERROR_INVALID_STATE;
        /* Unknown, ended or stale: the supplicant should start over. */
        *pEapOutput = EapHostPeerResponseStartAuthentication;
        return ERROR_SUCCESS;
    }
    if (method_gone(s)) {
        /* Cleared: nothing of the old exchange may be sent any more. */
        s->send_ready = false;
        *pEapOutput = EapHostPeerResponseStartAuthentication;
        eh_session_leave(s);
        return ERROR_SUCCESS;
    }
    rc = eh_sm_process(s, cbReceivePacket, pReceivePacket, pEapOutput,
                       ppEapError);
    eh_session_leave(s);
    return rc;
}

DWORD EapHostPeerGetSendPacket(EAP_SESSIONID sessionHandle,
                               DWORD *pcbSendPacket, BYTE **ppSendPacket,
                               EAP_ERROR **ppEapError)
{
    struct eh_session *s;
    DWORD rc;

    clear_err(ppEapError);
    if (!pcbSendPacket || !ppSendPacket)
        return ERROR_INVALID_PARAMETER;
    *pcbSendPacket = 0;
    *ppSendPacket = NULL;
    if ((rc = eh_session_enter_checked(sessionHandle, &s)) != ERROR_SUCCESS)
        return rc;
    if (!s->send_ready) {
        rc = eh_fail(ppEapError, ERROR_INVALID_STATE, &s->method->type,
                     "nothing to send");
    } else {
        *pcbSendPacket = s->send_len;
        *ppSendPacket = s->send_buf;
        EH_TRACE_PACKET(EH_TRACE_PEER, s->id, "out", s->send_buf, s->send_len);
    }
    eh_session_leave(s);
    return rc;
}

/* Hand the kept result to the supplicant (host-owned buffers; the
 * EAP_ERROR, if any, becomes the caller's). */
static void hand_result(struct eh_session *s, EapHostPeerMethodResult *out)
{
    *out = s->result;
    out->pEapError = s->result_error;
    s->result_error = NULL;
}

static DWORD result_on_request(struct eh_session *s,
                               EapHostPeerMethodResultReason reason,
                               EAP_ERROR **err)
{
    switch (reason) {
    case EapHostPeerMethodResultFromMethod:
        if (!s->result_ready)
            return eh_fail(err, ERROR_INVALID_STATE, &s->method->type,
                           "no result yet");
        return ERROR_SUCCESS;
    case EapHostPeerMethodResultAltSuccessReceived:
        if (s->result_ready && s->done)
            return ERROR_SUCCESS;
        if (!s->method_started || method_gone(s))
            return eh_fail(err, ERROR_INVALID_STATE, &s->method->type,
                           "the method has not started");
        return eh_sm_fetch_result(s, EapPeerMethodResultSuccess, false, err);
    case EapHostPeerMethodResultTimeout:
        if (s->result_ready && s->done)
            return ERROR_SUCCESS;
        if (method_gone(s))
            return eh_fail(err, ERROR_INVALID_STATE, &s->method->type,
                           "the method session has ended");
        return eh_sm_fetch_result(s, EapPeerMethodResultUnknown, true, err);
    }
    return ERROR_INVALID_PARAMETER;
}

DWORD EapHostPeerGetResult(EAP_SESSIONID sessionHandle,
                           EapHostPeerMethodResultReason reason,
                           EapHostPeerMethodResult *ppResult,
                           EAP_ERROR **ppEapError)
{
    struct eh_session *s;
    DWORD rc;

    clear_err(ppEapError);
    if (!ppResult)
        return ERROR_INVALID_PARAMETER;
    if (reason != EapHostPeerMethodResultAltSuccessReceived &&
        reason != EapHostPeerMethodResultTimeout &&
        reason != EapHostPeerMethodResultFromMethod)
        rc = ERROR_INVALID_PARAMETER;
    else if ((rc = eh_session_enter_checked(sessionHandle, &s)) ==
             ERROR_SUCCESS) {
        rc = result_on_request(s, reason, ppEapError);
        if (rc == ERROR_SUCCESS && s->result_ready) {
            hand_result(s, ppResult);   /* every field */
            eh_session_leave(s);
            return ERROR_SUCCESS;
        }
        eh_session_leave(s);
    }
    memset(ppResult, 0, sizeof(*ppResult));
    return rc;
}

/*
 * Preconditions of the UI and attribute calls: the method asked for this
 * (@pending) and exports @routine.  Returns ERROR_SUCCESS or the error.
 */
static DWORD check_request(struct eh_session *s, bool pending,
                           bool has_routine, const char *asked,
                           const char *routine, EAP_ERROR **err)
{
    if (!pending || method_gone(s))
        return eh_fail(err, ERROR_INVALID_STATE, &s->method->type,
                       "the method did not ask %s", asked);
    if (!has_routine)
        return eh_fail(err, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
                       &s->method->type, "%s is NULL", routine);
    return ERROR_SUCCESS;
}

/* A Set* routine returned: its error fails the session, else its output
 * becomes the action. */
static DWORD after_set_routine(struct eh_session *s, DWORD rc,
                               EAP_ERROR *merr, const EapPeerMethodOutput *out,
                               EapHostPeerResponseAction *action,
                               EAP_ERROR **err)
{
    const struct eh_dispatch *d = &s->method->dispatch;
    EAP_ERROR *e = NULL;

    if (rc != ERROR_SUCCESS) {
        eh_take_method_error(d, merr, &e);
        return eh_sm_fail(s, rc, e, action, err);
    }
    eh_take_method_error(d, merr, NULL);
    return eh_sm_method_output(s, out, action, err);
}

#define ASKED_UI "for UI"
#define ASKED_ATTRS "to respond with attributes"

DWORD EapHostPeerGetUIContext(EAP_SESSIONID sessionHandle,
                              DWORD *pdwSizeOfUIContextData,
                              BYTE **ppUIContextData, EAP_ERROR **ppEapError)
{
    struct eh_session *s;
    const struct eh_dispatch *d;
    EAP_ERROR *merr = NULL;
    DWORD size = 0, rc;
    BYTE *data = NULL;

    clear_err(ppEapError);
    if (!pdwSizeOfUIContextData || !ppUIContextData)
        return ERROR_INVALID_PARAMETER;
    *pdwSizeOfUIContextData = 0;
    *ppUIContextData = NULL;
    if ((rc = eh_session_enter_checked(sessionHandle, &s)) != ERROR_SUCCESS)
        return rc;
    d = &s->method->dispatch;
    rc = check_request(s, s->ui_pending, d->r.EapPeerGetUIContext != NULL,
                       ASKED_UI, "EapPeerGetUIContext", ppEapError);
    if (rc == ERROR_SUCCESS) {
        rc = d->r.EapPeerGetUIContext(s->method_session, &size, &data, &merr);
        EH_TRACE_CALL(EH_TRACE_PEER, s->id, &s->method->type,
                      "EapPeerGetUIContext", rc, -1);
        eh_take_method_error(d, merr, ppEapError);
        if (rc == ERROR_SUCCESS && size > 0) {
            eh_free(s->out_ui_context);
            s->out_ui_context = (data && size <= EH_MAX_BLOB)
                                    ? eh_memdup(data, size) : NULL;
            if (!s->out_ui_context)
                rc = data ? ERROR_NOT_ENOUGH_MEMORY
                          : EAP_E_EAPHOST_METHOD_INVALID_PACKET;
            else {
                *pdwSizeOfUIContextData = size;
                *ppUIContextData = s->out_ui_context;
            }
        }
    }
    eh_session_leave(s);
    return rc;
}

DWORD EapHostPeerSetUIContext(EAP_SESSIONID sessionHandle,
                              DWORD dwSizeOfUIContextData,
                              const BYTE *const pUIContextData,
                              EapHostPeerResponseAction *pEapOutput,
                              EAP_ERROR **ppEapError)
{
    struct eh_session *s;
    const struct eh_dispatch *d;
    EapPeerMethodOutput out;
    EAP_ERROR *merr = NULL;
    BYTE *copy = NULL;
    DWORD rc;

    clear_err(ppEapError);
    if (!pEapOutput || (dwSizeOfUIContextData && !pUIContextData))
        return ERROR_INVALID_PARAMETER;
    *pEapOutput = EapHostPeerResponseDiscard;
    if ((rc = eh_session_enter_checked(sessionHandle, &s)) != ERROR_SUCCESS)
        return rc;
    d = &s->method->dispatch;
    rc = check_request(s, s->ui_pending, d->r.EapPeerSetUIContext != NULL,
                       ASKED_UI, "EapPeerSetUIContext", ppEapError);
    if (rc == ERROR_SUCCESS && dwSizeOfUIContextData &&
        !(copy = eh_memdup(pUIContextData, dwSizeOfUIContextData)))
        rc = ERROR_NOT_ENOUGH_MEMORY;
    if (rc == ERROR_SUCCESS) {
        s->ui_pending = false;
        s->send_ready = false;
        memset(&out, 0xff, sizeof(out));
        rc = d->r.EapPeerSetUIContext(s->method_session,
                                      dwSizeOfUIContextData, copy, &out,
                                      &merr);
        EH_TRACE_CALL(EH_TRACE_PEER, s->id, &s->method->type,
                      "EapPeerSetUIContext", rc, (int)out.action);
        rc = after_set_routine(s, rc, merr, &out, pEapOutput, ppEapError);
    }
    eh_free(copy);
    eh_session_leave(s);
    return rc;
}

DWORD EapHostPeerGetResponseAttributes(EAP_SESSIONID sessionHandle,
                                       EapAttributes *pAttribs,
                                       EAP_ERROR **ppEapError)
{
    struct eh_session *s;
    const struct eh_dispatch *d;
    EapAttributes got;
    EAP_ERROR *merr = NULL;
    DWORD rc;

    clear_err(ppEapError);
    if (!pAttribs)
        return ERROR_INVALID_PARAMETER;
    memset(pAttribs, 0, sizeof(*pAttribs));
    if ((rc = eh_session_enter_checked(sessionHandle, &s)) != ERROR_SUCCESS)
        return rc;
    d = &s->method->dispatch;
    rc = check_request(s, s->attrs_pending,
                       d->r.EapPeerGetResponseAttributes != NULL, ASKED_ATTRS,
                       "EapPeerGetResponseAttributes", ppEapError);
    if (rc == ERROR_SUCCESS) {
        memset(&got, 0, sizeof(got));
        rc = d->r.EapPeerGetResponseAttributes(s->method_session, &got,
                                               &merr);
        EH_TRACE_CALL(EH_TRACE_PEER, s->id, &s->method->type,
                      "EapPeerGetResponseAttributes", rc, -1);
        eh_take_method_error(d, merr, ppEapError);
        if (rc == ERROR_SUCCESS) {
            eh_free(s->out_attribs);
            s->out_attribs = NULL;
            rc = eh_attributes_copy(&got, &s->out_attribs,
                                    &s->out_attrib_count);
            pAttribs->dwNumberOfAttributes = s->out_attrib_count;
            pAttribs->pAttribs = s->out_attribs;
        }
    }
    eh_session_leave(s);
    return rc;
}

DWORD EapHostPeerSetResponseAttributes(EAP_SESSIONID sessionHandle,
                                       const EapAttributes *const pAttribs,
                                       EapHostPeerResponseAction *pEapOutput,
                                       EAP_ERROR **ppEapError)
{
    struct eh_session *s;
    const struct eh_dispatch *d;
    EapPeerMethodOutput out;
    EapAttributes copy = { 0, NULL };
    EAP_ATTRIBUTE *entries = NULL;
    EAP_ERROR *merr = NULL;
    DWORD rc;

    clear_err(ppEapError);
    if (!pAttribs || !pEapOutput)
        return ERROR_INVALID_PARAMETER;
    *pEapOutput = EapHostPeerResponseDiscard;
    if ((rc = eh_session_enter_checked(sessionHandle, &s)) != ERROR_SUCCESS)
        return rc;
    d = &s->method->dispatch;
    rc = check_request(s, s->attrs_pending,
                       d->r.EapPeerSetResponseAttributes != NULL, ASKED_ATTRS,
                       "EapPeerSetResponseAttributes", ppEapError);
    if (rc == ERROR_SUCCESS) {
        rc = eh_attributes_copy(pAttribs, &entries,
                                &copy.dwNumberOfAttributes);
        if (rc == EAP_E_EAPHOST_METHOD_INVALID_PACKET)
            rc = eh_fail(ppEapError, ERROR_INVALID_PARAMETER,
                         &s->method->type, "implausible attribute array");
    }
    if (rc == ERROR_SUCCESS) {
        copy.pAttribs = entries;
        s->attrs_pending = false;
        s->send_ready = false;
        memset(&out, 0xff, sizeof(out));
        rc = d->r.EapPeerSetResponseAttributes(s->method_session, &copy,
                                               &out, &merr);
        EH_TRACE_CALL(EH_TRACE_PEER, s->id, &s->method->type,
                      "EapPeerSetResponseAttributes", rc, (int)out.action);
        rc = after_set_routine(s, rc, merr, &out, pEapOutput, ppEapError);
    }
    eh_free(entries);
    eh_session_leave(s);
    return rc;
}

static DWORD auth_status_data(struct eh_session *s, EapHostPeerAuthParams p,
                              DWORD *size, BYTE **data, EAP_ERROR **err)
{
    EAPHOST_AUTH_INFO info;
    WCHAR *wide;

    eh_free(s->out_auth_data);
    s->out_auth_data = NULL;
    switch (p) {
    case EapHostPeerAuthStatus:
        info.status = s->cleared ? EapHostInvalidSession : s->status;
        info.dwErrorCode = s->error_code;
        info.dwReasonCode = s->reason_code;
        s->out_auth_data = eh_memdup(&info, sizeof(info));
        *size = sizeof(info);
        break;
    case EapHostPeerIdentity:
        if (!s->identity)
            return eh_fail(err, ERROR_INVALID_STATE, &s->method->type,
                           "no identity known yet");
        wide = eh_utf8_to_utf16_dup(s->identity);
        if (!wide)
            return ERROR_NOT_ENOUGH_MEMORY;
        s->out_auth_data = (BYTE *)wide;
        *size = (DWORD)((eh_wcslen(wide) + 1) * sizeof(WCHAR));
        return (*data = s->out_auth_data), ERROR_SUCCESS;
    case EapHostPeerIdentityExtendedInfo:
    case EapHostNapInfo:
        return eh_fail(err, ERROR_NOT_SUPPORTED, &s->method->type,
                       "%s is not available in this host",
                       p == EapHostNapInfo ? "NAP information"
                                           : "extended identity information");
    default:
        return ERROR_INVALID_PARAMETER;
    }
    if (!s->out_auth_data)
        return ERROR_NOT_ENOUGH_MEMORY;
    *data = s->out_auth_data;
    return ERROR_SUCCESS;
}

DWORD EapHostPeerGetAuthStatus(EAP_SESSIONID sessionHandle,
                               EapHostPeerAuthParams authParam,
                               DWORD *pcbAuthData, BYTE **ppAuthData,
                               EAP_ERROR **ppEapError)
{
    struct eh_session *s;
    DWORD rc;

    clear_err(ppEapError);
    if (!pcbAuthData || !ppAuthData)
        return ERROR_INVALID_PARAMETER;
    *pcbAuthData = 0;
    *ppAuthData = NULL;
    if (authParam < EapHostPeerAuthStatus || authParam > EapHostNapInfo)
        return ERROR_INVALID_PARAMETER;
    if ((rc = eh_session_enter_checked(sessionHandle, &s)) != ERROR_SUCCESS)
        return rc;
    rc = auth_status_data(s, authParam, pcbAuthData, ppAuthData, ppEapError);
    if (rc != ERROR_SUCCESS) {
        *pcbAuthData = 0;
        *ppAuthData = NULL;
    }
    eh_session_leave(s);
    return rc;
}

DWORD EapHostPeerEndSession(EAP_SESSIONID sessionHandle,
                            EAP_ERROR **ppEapError)
{
    struct eh_session *s;
    DWORD rc;

    clear_err(ppEapError);
    if ((rc = eh_session_enter_checked(sessionHandle, &s)) != ERROR_SUCCESS)
        return rc;
    rc = eh_session_end_method(s, ppEapError);
    eh_session_destroy(s);
    return rc;
}

DWORD EapHostPeerClearConnection(GUID *pConnectionId, EAP_ERROR **ppEapError)
{
    clear_err(ppEapError);
    if (!pConnectionId)
        return ERROR_INVALID_PARAMETER;
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    if (!eh_sessions_clear_connection(pConnectionId))
        return eh_fail(ppEapError, ERROR_INVALID_HANDLE, NULL,
                       "no session for that connection id");
    return ERROR_SUCCESS;
}

void EapHostPeerFreeRuntimeMemory(BYTE *pData)
{
    eh_free(pData);
}
