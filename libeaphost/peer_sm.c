/*
 * peer_sm.c - the EAP peer state machine inside the host (RFC 3748 §4-5,
 * RFC 4137 §4).  Names follow RFC 4137 where it has them (lastId, rxReq,
 * rxSuccess, rxFailure, reqId, reqMethod, allowNotifications, decision).
 *
 * The host answers Identity and Notification itself, sends Naks, detects
 * retransmissions and checks every packet both ways.  Everything the method
 * sees or produces goes through s->method->dispatch.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#define EAP_HDR_LEN 4u
#define EAP_TYPE_IDENTITY 1
#define EAP_TYPE_NOTIFICATION 2
#define EAP_TYPE_NAK 3
#define EAP_TYPE_EXPANDED 254
#define EAP_EXPANDED_HDR_LEN 12u     /* Code Id Len(2) 254 Vendor(3) Type(4) */
#define EAP_EXPANDED_NAK_LEN 20u     /* header + one 8-byte proposal */

/* Longest identity sent; RFC 3748 sets no limit, RADIUS User-Name does. */
#define EH_MAX_IDENTITY_UNITS 1024u

static DWORD get_be16(const BYTE *p)
{
    return ((DWORD)p[0] << 8) | p[1];
}

static DWORD get_be24(const BYTE *p)
{
    return ((DWORD)p[0] << 16) | ((DWORD)p[1] << 8) | p[2];
}

static DWORD get_be32(const BYTE *p)
{
    return ((DWORD)p[0] << 24) | ((DWORD)p[1] << 16) | ((DWORD)p[2] << 8) |
           p[3];
}

static void put_be16(BYTE *p, DWORD v)
{
    p[0] = (BYTE)(v >> 8);
    p[1] = (BYTE)v;
}

static void put_be24(BYTE *p, DWORD v)
{
    p[0] = (BYTE)(v >> 16);
    p[1] = (BYTE)(v >> 8);
    p[2] = (BYTE)v;
}

static void put_be32(BYTE *p, DWORD v)
{
    p[0] = (BYTE)(v >> 24);
    p[1] = (BYTE)(v >> 16);
    p[2] = (BYTE)(v >> 8);
    p[3] = (BYTE)v;
}

static const EAP_METHOD_TYPE *method_type(const struct eh_session *s)
{
    return &s->method->type;
}

/**
 * eh_sm_translate_action() - host action for a method action.  The two
 * enums agree up to 4 and differ after: translate, never cast.
 */
EapHostPeerResponseAction eh_sm_translate_action(EapPeerMethodResponseAction a)
{
    switch (a) {
    case EapPeerMethodResponseActionDiscard:
        return EapHostPeerResponseDiscard;
    case EapPeerMethodResponseActionSend:
        return EapHostPeerResponseSend;
    case EapPeerMethodResponseActionResult:
        return EapHostPeerResponseResult;
    case EapPeerMethodResponseActionInvokeUI:
        return EapHostPeerResponseInvokeUi;
    case EapPeerMethodResponseActionRespond:
        return EapHostPeerResponseRespond;
    case EapPeerMethodResponseActionNone:
    default:
        return EapHostPeerResponseNone;
    }
}

/* Count a discarded packet; @invalid marks it malformed. */
static DWORD discard(struct eh_session *s, DWORD why, bool invalid,
                     EapHostPeerResponseAction *action)
{
    s->counters.discarded++;
    s->counters.last_discard_code = why;
    if (invalid)
        s->counters.remote_invalid_packets++;
    *action = EapHostPeerResponseDiscard;
    return ERROR_SUCCESS;
}

static DWORD discard_invalid(struct eh_session *s,
                             EapHostPeerResponseAction *action)
{
    return discard(s, EAP_E_EAPHOST_REMOTE_INVALID_PACKET, true, action);
}

/**
 * eh_sm_fail() - fail the session.
 * @e: a host EAP_ERROR describing why (ownership taken), or NULL.
 *
 * The session's status becomes Failed and a failure result is kept for
 * EapHostPeerGetResult; *@err receives @e (or a copy) for the caller.
 * Return: @code.
 */
EH_COLD DWORD eh_sm_fail(struct eh_session *s, DWORD code, EAP_ERROR *e,
                         EapHostPeerResponseAction *action, EAP_ERROR **err)
{
    if (!e)
        e = eh_error_new(code, method_type(s), "%s",
                         eaphost_error_message(code));
    s->status = EapHostAuthFailed;
    s->error_code = code;
    s->reason_code = code;
    s->done = true;
    s->send_ready = false;
    if (!s->result_ready) {
        memset(&s->result, 0, sizeof(s->result));
        s->result.fIsSuccess = FALSE;
        s->result.dwFailureReasonCode = code;
        s->result.isolationState = ISOLATION_STATE_UNKNOWN;
        if (s->result_error)
            eh_error_free(s->result_error);
        s->result_error = e ? eh_error_copy(e) : NULL;
        s->result_ready = true;
    }
    if (err)
        *err = e;
    else
        eh_error_free(e);
    if (action)
        *action = EapHostPeerResponseDiscard;
    return code;
}

/* Fail with a reason built here. */
static DWORD fail_with(struct eh_session *s, DWORD code,
                       EapHostPeerResponseAction *action, EAP_ERROR **err,
                       const char *fmt, ...) EH_PRINTF(5, 6);
static DWORD fail_with(struct eh_session *s, DWORD code,
                       EapHostPeerResponseAction *action, EAP_ERROR **err,
                       const char *fmt, ...)
{
    va_list ap;
    EAP_ERROR *e;

    va_start(ap, fmt);
    e = eh_error_newv(code, method_type(s), fmt, ap);
    va_end(ap);
    return eh_sm_fail(s, code, e, action, err);
}

/* A method routine returned @rc with @merr: fail the session with both. */
static EH_COLD DWORD fail_from_method(struct eh_session *s, DWORD rc, EAP_ERROR *merr,
                              EapHostPeerResponseAction *action,
                              EAP_ERROR **err, const char *routine)
{
    EAP_ERROR *copy = NULL;

    eh_take_method_error(&s->method->dispatch, merr, &copy);
    return eh_sm_fail(s, rc, eh_method_error(copy, rc, method_type(s), routine),
                      action, err);
}

/*
 * A Response is now in s->send_buf (s->send_len bytes) for request @req:
 * it becomes the cached Response and lastId moves (RFC 4137: lastId changes
 * only when a Response is sent).
 */
static inline __attribute__((always_inline)) DWORD
commit_response(struct eh_session *s, const BYTE *req, DWORD req_len,
                EapHostPeerResponseAction *action, EAP_ERROR **err)
{
    if (!eh_reserve(&s->last_req, &s->last_req_cap, req_len ? req_len : 1))
        return eh_sm_fail(s, ERROR_NOT_ENOUGH_MEMORY, NULL, action, err);
    memcpy(s->last_req, req, req_len);
    s->last_req_len = req_len;
    s->last_id = req[1];
    s->have_cached_resp = true;
    s->send_ready = true;
    s->counters.responses_sent++;
    *action = EapHostPeerResponseSend;
    return ERROR_SUCCESS;
}

/* Every packet buffer is wiped this far at the end of the session: a
 * shorter packet leaves the tail of a longer one before it. */
static void note_length(struct eh_session *s, DWORD len)
{
    if (len > s->wipe_len)
        s->wipe_len = len;
}

/* Start a host-built Response of @len bytes in send_buf. */
static BYTE *host_response(struct eh_session *s, BYTE id, DWORD len)
{
    BYTE *p = s->send_buf;

    p[0] = EapCodeResponse;
    p[1] = id;
    put_be16(p + 2, len);
    s->send_len = len;
    note_length(s, len);
    return p;
}

/* ---- Identity -------------------------------------------------------- */

static void free_method_memory(struct eh_session *s, void *p)
{
    if (p)
        s->method->dispatch.free_memory(p);
}

/* Bounded length of a method's wide string; SIZE_MAX if unterminated. */
static size_t bounded_wcslen(const WCHAR *w, size_t max)
{
    size_t n;

    for (n = 0; n <= max; n++)
        if (w[n] == 0)
            return n;
    return SIZE_MAX;
}

/* Ask the method for the identity (EapPeerGetIdentity). */
static EH_COLD DWORD identity_from_method(struct eh_session *s,
                                  EapHostPeerResponseAction *action,
                                  EAP_ERROR **err)
{
    const struct eh_dispatch *d = &s->method->dispatch;
    BOOL invoke_ui = FALSE;
    DWORD user_out_size = 0, rc;
    BYTE *user_out = NULL;
    LPWSTR wide = NULL;
    EAP_ERROR *merr = NULL;
    char *identity = NULL;
    size_t len, bytes = 0;
    DWORD conv;

    if (!d->r.EapPeerGetIdentity)
        return fail_with(s, EAP_E_EAPHOST_IDENTITY_UNKNOWN, action, err,
                         "no identity: none given with "
                         "eaphost_session_set_credentials and the method "
                         "has no EapPeerGetIdentity");
    rc = d->r.EapPeerGetIdentity(s->flags, s->conn_size, s->conn_data,
                                 s->user_size, s->user_data, NULL, &invoke_ui,
                                 &user_out_size, &user_out, &wide, &merr);
    EH_TRACE_CALL(EH_TRACE_PEER, s->id, method_type(s), "EapPeerGetIdentity",
                  rc, -1);
    if (rc != ERROR_SUCCESS) {
        free_method_memory(s, user_out);
        free_method_memory(s, wide);
        return fail_from_method(s, rc, merr, action, err,
                                "EapPeerGetIdentity");
    }
    eh_take_method_error(d, merr, NULL);
    free_method_memory(s, user_out);
    if (invoke_ui || !wide) {
        free_method_memory(s, wide);
        return fail_with(s, EAP_E_EAPHOST_IDENTITY_UNKNOWN, action, err,
                         "EapPeerGetIdentity %s", invoke_ui ?
                         "asks for its identity UI, which a headless host "
                         "cannot show" : "returned no identity");
    }
    len = bounded_wcslen(wide, EH_MAX_IDENTITY_UNITS);
    conv = len == SIZE_MAX ? ERROR_NO_UNICODE_TRANSLATION
                           : eaphost_utf16_to_utf8(wide, len, &identity,
                                                   &bytes);
    /* Kept in UTF-16 too, for EapPeerSetCredentials (a password alone
     * may have been given). */
    if (conv == ERROR_SUCCESS &&
        !(s->identity_w = eh_memdup(wide, (len + 1) * sizeof(WCHAR)))) {
        eh_free(identity);
        conv = ERROR_NOT_ENOUGH_MEMORY;
    }
    free_method_memory(s, wide);
    if (conv == ERROR_NOT_ENOUGH_MEMORY)
        return eh_sm_fail(s, conv, NULL, action, err);
    if (conv != ERROR_SUCCESS)
        return fail_with(s, EAP_E_EAPHOST_METHOD_INVALID_PACKET, action, err,
                         "EapPeerGetIdentity returned an identity that is "
                         "not valid UTF-16 or longer than %u units",
                         EH_MAX_IDENTITY_UNITS);
    s->identity = identity;     /* host memory: no identity was set */
    s->identity_len = bytes;
    return ERROR_SUCCESS;
}

static DWORD answer_identity(struct eh_session *s, const BYTE *req,
                             DWORD len, EapHostPeerResponseAction *action,
                             EAP_ERROR **err)
{
    size_t id_len;
    DWORD rc;
    BYTE *p;

    if (!s->identity &&
        (rc = identity_from_method(s, action, err)) != ERROR_SUCCESS)
        return rc;
    id_len = s->identity_len;
    if (id_len + 5 > s->max_send)
        return fail_with(s, ERROR_INSUFFICIENT_BUFFER, action, err,
                         "identity of %zu bytes does not fit "
                         "dwMaxSendPacketSize %u", id_len,
                         (unsigned)s->max_send);
    p = host_response(s, req[1], (DWORD)id_len + 5);
    p[4] = EAP_TYPE_IDENTITY;
    memcpy(p + 5, s->identity, id_len);
    s->status = EapHostAuthIdentityExchange;
    return commit_response(s, req, len, action, err);
}

/* ---- Nak ------------------------------------------------------------- */

static DWORD send_nak(struct eh_session *s, const BYTE *req, DWORD len,
                      EapHostPeerResponseAction *action, EAP_ERROR **err)
{
    const EAP_TYPE *mine = &method_type(s)->eapType;
    BYTE *p;

    if (req[4] == EAP_TYPE_EXPANDED) {
        /* Expanded Nak (RFC 3748 §5.3.2): vendor 0, type 3, then our type
         * as an expanded entry (a legacy type as vendor 0 / that type). */
        p = host_response(s, req[1], EAP_EXPANDED_NAK_LEN);
        p[4] = EAP_TYPE_EXPANDED;
        put_be24(p + 5, 0);
        put_be32(p + 8, EAP_TYPE_NAK);
        p[12] = EAP_TYPE_EXPANDED;
        if (mine->type == EAP_TYPE_EXPANDED) {
            put_be24(p + 13, mine->dwVendorId);
            put_be32(p + 16, mine->dwVendorType);
        } else {
            put_be24(p + 13, 0);
            put_be32(p + 16, mine->type);
        }
    } else {
        /* Legacy Nak: our type, or 254 to ask for expanded types. */
        p = host_response(s, req[1], 6);
        p[4] = EAP_TYPE_NAK;
        p[5] = mine->type;
    }
    s->counters.naks_sent++;
    s->status = EapHostAuthNegotiatingType;
    return commit_response(s, req, len, action, err);
}

/* ---- The method -------------------------------------------------------- */

static bool request_is_for_method(const struct eh_session *s, const BYTE *req)
{
    const EAP_TYPE *mine = &method_type(s)->eapType;

    if (req[4] != mine->type)
        return false;
    if (mine->type != EAP_TYPE_EXPANDED)
        return true;
    return get_be24(req + 5) == mine->dwVendorId &&
           get_be32(req + 8) == mine->dwVendorType;
}

/* EapPeerSetCredentials before the first method packet, where the registry
 * asks for the user name or password dialog.  The credentials were
 * converted to UTF-16 when given (credentials.c). */
static DWORD pass_credentials(struct eh_session *s,
                              EapHostPeerResponseAction *action,
                              EAP_ERROR **err)
{
    const struct eh_method *m = s->method;
    const struct eh_dispatch *d = &m->dispatch;
    WCHAR no_identity[1] = { 0 };
    EAP_ERROR *merr = NULL;
    DWORD rc;

    s->credentials_passed = true;
    if (!m->peer_invoke_username_dialog && !m->peer_invoke_password_dialog)
        return ERROR_SUCCESS;
    /* Credentials already in the user data (from the credential input
     * fields) take the place of the dialogs. */
    if (!s->credentials_given && s->user_size > 0)
        return ERROR_SUCCESS;
    if (!d->r.EapPeerSetCredentials)
        return fail_with(s, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
                         action, err, "the registry asks for credential "
                         "dialogs but EapPeerSetCredentials is NULL");
    if (!s->credentials_given ||
        (m->peer_invoke_password_dialog && !s->password_w))
        return fail_with(s, EAP_E_EAPHOST_IDENTITY_UNKNOWN, action, err,
                         "the method takes a user name and password "
                         "(PeerInvoke%sDialog); give them with "
                         "eaphost_session_set_credentials before the first "
                         "packet", m->peer_invoke_password_dialog ?
                         "Password" : "Username");
    /* The method gets the session's own (writable) strings: they are
     * passed once and wiped or freed at the end of the session, whatever
     * the method did to them. */
    rc = d->r.EapPeerSetCredentials(s->method_session,
                                    s->identity_w ? s->identity_w : no_identity,
                                    s->password_w, &merr);
    if (EH_TRACING())
        eh_trace_credentials(s->id, method_type(s), s->identity,
                             s->password_w, rc);
    if (rc != ERROR_SUCCESS)
        return fail_from_method(s, rc, merr, action, err,
                                "EapPeerSetCredentials");
    eh_take_method_error(d, merr, NULL);
    return ERROR_SUCCESS;
}

/* Check a method's Response before anything is sent (DESIGN: Code 2, the
 * request's Identifier, Length equal to the size, within the maximum, the
 * method's own type).  Returns NULL when good, else the defect. */
static const char *response_defect(const struct eh_session *s,
                                   const BYTE *p, DWORD size,
                                   char *why, size_t why_len)
{
    const EAP_TYPE *mine = &method_type(s)->eapType;

    if (size > s->max_send) {
        snprintf(why, why_len, "response of %u bytes exceeds "
                 "dwMaxSendPacketSize %u", (unsigned)size,
                 (unsigned)s->max_send);
        return why;
    }
    if (size < 5)
        return "response shorter than 5 bytes";
    if (p[0] != EapCodeResponse)
        return "response Code is not 2 (Response)";
    if (p[1] != s->cur_req_id)
        return "response Identifier differs from the request's";
    if (get_be16(p + 2) != size)
        return "response Length field differs from the size returned";
    if (p[4] != mine->type)
        return "response Type is not the method's type";
    if (mine->type == EAP_TYPE_EXPANDED &&
        (size < EAP_EXPANDED_HDR_LEN || get_be24(p + 5) != mine->dwVendorId ||
         get_be32(p + 8) != mine->dwVendorType))
        return "response expanded type (vendor id, vendor type) is not the "
               "method's";
    return NULL;
}

/* Action Send: fetch, check and commit the method's Response. */
static DWORD take_method_response(struct eh_session *s, const BYTE *req,
                                  EapHostPeerResponseAction *action,
                                  EAP_ERROR **err)
{
    const struct eh_dispatch *d = &s->method->dispatch;
    EAP_ERROR *merr = NULL;
    DWORD size = s->max_send, rc;
    const char *defect;
    char why[96];
    BYTE *tmp;

    rc = d->r.EapPeerGetResponsePacket(s->method_session, &size,
                                       (EapPacket *)s->scratch, &merr);
    EH_TRACE_CALL(EH_TRACE_PEER, s->id, method_type(s),
                  "EapPeerGetResponsePacket", rc, -1);
    if (rc != ERROR_SUCCESS)
        return fail_from_method(s, rc, merr, action, err,
                                "EapPeerGetResponsePacket");
    eh_take_method_error(d, merr, NULL);
    s->scratch_len = size < s->buf_cap ? size : s->buf_cap;
    note_length(s, s->scratch_len);
    defect = response_defect(s, s->scratch, size, why, sizeof(why));
    if (defect)
        return fail_with(s, EAP_E_EAPHOST_METHOD_INVALID_PACKET, action, err,
                         "EapPeerGetResponsePacket: %s", defect);
    /* The checked Response becomes the cached one. */
    tmp = s->send_buf;
    s->send_buf = s->scratch;
    s->scratch = tmp;
    s->scratch_len = s->send_len;   /* what the old cached Response held */
    s->send_len = size;
    s->method_responded = true;
    return commit_response(s, req, get_be16(req + 2), action, err);
}

/* eh_sm_method_output(), inline in run_method(); @req is the Request the
 * output answers, as it is kept for the retransmission check. */
static inline __attribute__((always_inline)) DWORD
method_output(struct eh_session *s, const EapPeerMethodOutput *o,
              const BYTE *req, EapHostPeerResponseAction *action,
              EAP_ERROR **err)
{
    unsigned a = (unsigned)o->action;

    if (a > (unsigned)EapPeerMethodResponseActionNone)
        return fail_with(s, EAP_E_EAPHOST_METHOD_INVALID_PACKET, action, err,
                         "method returned action %u, outside the "
                         "EapPeerMethodResponseAction range", a);
    s->last_output = *o;
    s->allow_notifications = o->fAllowNotifications != FALSE;
    switch ((EapPeerMethodResponseAction)a) {
    case EapPeerMethodResponseActionSend:
        return take_method_response(s, req, action, err);
    case EapPeerMethodResponseActionResult:
        /* The method decided on its own; it knows the outcome. */
        *action = EapHostPeerResponseResult;
        return eh_sm_fetch_result(s, EapPeerMethodResultUnknown, false, err);
    case EapPeerMethodResponseActionInvokeUI:
        s->ui_pending = true;
        break;
    case EapPeerMethodResponseActionRespond:
        s->attrs_pending = true;
        break;
    case EapPeerMethodResponseActionDiscard:
        return discard(s, ERROR_SUCCESS, false, action);
    case EapPeerMethodResponseActionNone:
        break;
    }
    *action = eh_sm_translate_action((EapPeerMethodResponseAction)a);
    return ERROR_SUCCESS;
}

/**
 * eh_sm_method_output() - act on what a method returned.
 * @o: the output the host pre-set to an impossible action before the call.
 */
DWORD eh_sm_method_output(struct eh_session *s, const EapPeerMethodOutput *o,
                          EapHostPeerResponseAction *action, EAP_ERROR **err)
{
    /* The Request as received is gone by now: the method's copy, which it
     * may have changed, is kept, and wiped at the end of the session. */
    s->last_req_private = true;
    return method_output(s, o, s->req_copy, action, err);
}

static DWORD run_method(struct eh_session *s, const BYTE *req, DWORD len,
                        EapHostPeerResponseAction *action, EAP_ERROR **err)
{
    const struct eh_dispatch *d = &s->method->dispatch;
    EapPeerMethodOutput out;
    EAP_ERROR *merr = NULL;
    DWORD rc;

    if (!s->credentials_passed &&
        (rc = pass_credentials(s, action, err)) != ERROR_SUCCESS)
        return rc;
    /* The method gets a private copy: its EapPacket* is not const. */
    if (!eh_reserve(&s->req_copy, &s->req_copy_cap, len))
        return eh_sm_fail(s, ERROR_NOT_ENOUGH_MEMORY, NULL, action, err);
    memcpy(s->req_copy, req, len);
    s->req_copy_len = len;
    note_length(s, len);
    s->cur_req_id = req[1];
    s->method_started = true;
    s->status = EapHostAuthInProgress;
    s->ui_pending = s->attrs_pending = false;

    /* Distrust: an action no method may return, caught if left unset. */
    memset(&out, 0xff, sizeof(out));
    rc = d->r.EapPeerProcessRequestPacket(s->method_session, len,
                                          (EapPacket *)s->req_copy, &out,
                                          &merr);
    EH_TRACE_CALL(EH_TRACE_PEER, s->id, method_type(s),
                  "EapPeerProcessRequestPacket", rc, (int)out.action);
    if (rc != ERROR_SUCCESS)
        return fail_from_method(s, rc, merr, action, err,
                                "EapPeerProcessRequestPacket");
    eh_take_method_error(d, merr, NULL);
    return method_output(s, &out, req, action, err);
}

/* ---- Result ---------------------------------------------------------- */

static void clear_result_copies(struct eh_session *s)
{
    eh_free(s->out_result_conn);
    eh_free(s->out_result_user);
    eh_free(s->out_result_attribs);
    s->out_result_conn = s->out_result_user = NULL;
    s->out_result_attribs = NULL;
    s->out_result_attrib_count = 0;
    if (s->result_error)
        eh_error_free(s->result_error);
    s->result_error = NULL;
}

/* Bound on connection/user data a method may hand back. */
#define EH_MAX_BLOB (1u << 20)

/* Host copies of what the method put in @mr (method-owned until its next
 * call).  Returns ERROR_SUCCESS or the failure code. */
static DWORD copy_method_result(struct eh_session *s,
                                const EapPeerMethodResult *mr)
{
    EapHostPeerMethodResult *r = &s->result;
    DWORD rc;

    r->fSaveConnectionData = mr->fSaveConnectionData;
    r->fSaveUserData = mr->fSaveUserData;
    if (mr->fSaveConnectionData && mr->dwSizeofConnectionData) {
        if (!mr->pConnectionData || mr->dwSizeofConnectionData > EH_MAX_BLOB)
            return EAP_E_EAPHOST_METHOD_INVALID_PACKET;
        s->out_result_conn = eh_memdup(mr->pConnectionData,
                                       mr->dwSizeofConnectionData);
        if (!s->out_result_conn)
            return ERROR_NOT_ENOUGH_MEMORY;
        r->dwSizeofConnectionData = mr->dwSizeofConnectionData;
        r->pConnectionData = s->out_result_conn;
    }
    if (mr->fSaveUserData && mr->dwSizeofUserData) {
        if (!mr->pUserData || mr->dwSizeofUserData > EH_MAX_BLOB)
            return EAP_E_EAPHOST_METHOD_INVALID_PACKET;
        s->out_result_user = eh_memdup(mr->pUserData, mr->dwSizeofUserData);
        if (!s->out_result_user)
            return ERROR_NOT_ENOUGH_MEMORY;
        r->dwSizeofUserData = mr->dwSizeofUserData;
        r->pUserData = s->out_result_user;
    }
    if (mr->pAttribArray) {     /* else none: cleared before the call */
        rc = eh_attributes_copy(mr->pAttribArray, &s->out_result_attribs,
                                &s->out_result_attrib_count);
        if (rc != ERROR_SUCCESS)
            return rc;
    }
    s->result_attribs.dwNumberOfAttributes = s->out_result_attrib_count;
    s->result_attribs.pAttribs = s->out_result_attribs;
    r->pAttribArray = s->out_result_attrib_count ? &s->result_attribs : NULL;
    if (mr->pEapError)
        s->result_error = eh_error_copy(mr->pEapError);
    return ERROR_SUCCESS;
}

/**
 * eh_sm_fetch_result() - EapPeerGetResult(@why) and a host copy of it.
 * @force_failure: the outcome is a failure whatever the method says
 *                 (EAP-Failure received, timeout).
 *
 * Sets s->result, status Succeeded or Failed, and marks the session done.
 */
DWORD eh_sm_fetch_result(struct eh_session *s, EapPeerMethodResultReason why,
                         bool force_failure, EAP_ERROR **err)
{
    const struct eh_dispatch *d = &s->method->dispatch;
    EapPeerMethodResult mr;
    EAP_ERROR *merr = NULL;
    DWORD rc;

    if (s->result_error || s->out_result_conn || s->out_result_user ||
        s->out_result_attribs)
        clear_result_copies(s);
    memset(&s->result, 0, sizeof(s->result));
    s->result_ready = false;
    /* The whole structure, Windows 10 fields included, starts zeroed. */
    memset(&mr, 0, sizeof(mr));
    rc = d->r.EapPeerGetResult(s->method_session, why, &mr, &merr);
    EH_TRACE_CALL(EH_TRACE_PEER, s->id, method_type(s), "EapPeerGetResult",
                  rc, -1);
    s->result_reason = why;
    if (rc != ERROR_SUCCESS)
        return fail_from_method(s, rc, merr, NULL, err, "EapPeerGetResult");
    eh_take_method_error(d, merr, NULL);
    rc = copy_method_result(s, &mr);
    EH_TRACE_ATTRIBUTES(EH_TRACE_PEER, s->id, method_type(s),
                        "EapPeerGetResult", s->out_result_attribs,
                        s->out_result_attrib_count);
    if (rc != ERROR_SUCCESS) {
        clear_result_copies(s);
        return fail_with(s, rc, NULL, err, "EapPeerGetResult returned %s",
                         rc == ERROR_NOT_ENOUGH_MEMORY ? "data the host "
                         "could not copy" : "an implausible result");
    }
    s->result.fIsSuccess = (mr.fIsSuccess && !force_failure) ? TRUE : FALSE;
    s->result.dwFailureReasonCode = mr.dwFailureReasonCode;
    if (!s->result.fIsSuccess && s->result.dwFailureReasonCode == 0)
        s->result.dwFailureReasonCode = EAP_E_AUTHENTICATION_FAILED;
    s->result.isolationState = ISOLATION_STATE_UNKNOWN;
    s->result.pEapError = NULL;
    s->result_ready = true;
    s->done = true;
    s->status = s->result.fIsSuccess ? EapHostAuthSucceeded
                                     : EapHostAuthFailed;
    s->error_code = s->result.fIsSuccess ? ERROR_SUCCESS
                                         : s->result.dwFailureReasonCode;
    s->reason_code = s->error_code;
    return ERROR_SUCCESS;
}

/* Failure decided by the host without asking the method (no method ran). */
static DWORD host_failure_result(struct eh_session *s,
                                 EapHostPeerResponseAction *action)
{
    clear_result_copies(s);
    memset(&s->result, 0, sizeof(s->result));
    s->result.fIsSuccess = FALSE;
    s->result.dwFailureReasonCode = EAP_E_AUTHENTICATION_FAILED;
    s->result.isolationState = ISOLATION_STATE_UNKNOWN;
    s->result_ready = true;
    s->done = true;
    s->status = EapHostAuthFailed;
    s->error_code = s->reason_code = EAP_E_AUTHENTICATION_FAILED;
    *action = EapHostPeerResponseResult;
    return ERROR_SUCCESS;
}

static bool result_id_ok(const struct eh_session *s, BYTE id)
{
    if (s->last_id < 0)
        return false;
    if (id == (BYTE)s->last_id)
        return true;
    return s->accept_result_id_plus_one && id == (BYTE)(s->last_id + 1);
}

static DWORD rx_success(struct eh_session *s, BYTE id,
                        EapHostPeerResponseAction *action, EAP_ERROR **err)
{
    DWORD rc;

    if (!result_id_ok(s, id))
        return discard(s, ERROR_INVALID_DATA, false, action);
    /* Success before the method answered anything is a failure. */
    if (!s->method_responded) {
        if (!s->method_started)
            return host_failure_result(s, action);
        rc = eh_sm_fetch_result(s, EapPeerMethodResultFailure, true, err);
    } else {
        rc = eh_sm_fetch_result(s, EapPeerMethodResultSuccess, false, err);
    }
    *action = rc == ERROR_SUCCESS ? EapHostPeerResponseResult
                                  : EapHostPeerResponseDiscard;
    return rc;
}

static DWORD rx_failure(struct eh_session *s, BYTE id,
                        EapHostPeerResponseAction *action, EAP_ERROR **err)
{
    DWORD rc;

    if (!result_id_ok(s, id))
        return discard(s, ERROR_INVALID_DATA, false, action);
    if (!s->method_started)
        return host_failure_result(s, action);
    rc = eh_sm_fetch_result(s, EapPeerMethodResultFailure, true, err);
    *action = rc == ERROR_SUCCESS ? EapHostPeerResponseResult
                                  : EapHostPeerResponseDiscard;
    return rc;
}

/* ---- Requests ---------------------------------------------------------- */

static DWORD rx_request(struct eh_session *s, const BYTE *req, DWORD len,
                        EapHostPeerResponseAction *action, EAP_ERROR **err)
{
    BYTE type = req[4];

    /* RFC 4137 duplicate detection: same Identifier as the last Response,
     * same bytes: resend the cached Response, do not reprocess. */
    if (s->last_id >= 0 && req[1] == (BYTE)s->last_id &&
        len == s->last_req_len && memcmp(req, s->last_req, len) == 0) {
        if (!s->have_cached_resp)
            return discard(s, ERROR_SUCCESS, false, action);
        s->counters.retransmissions++;
        s->counters.responses_sent++;
        s->send_ready = true;
        *action = EapHostPeerResponseSend;
        return ERROR_SUCCESS;
    }
    /* Types 0 and 255 (reserved) and Nak are no Request types: 0 and 255
     * are the two whose successor, as a byte, is at most 1. */
    if ((BYTE)(type + 1) <= 1 || type == EAP_TYPE_NAK)
        return discard_invalid(s, action);
    if (type == EAP_TYPE_NOTIFICATION) {
        if (!s->allow_notifications)
            return discard(s, ERROR_SUCCESS, false, action);
        host_response(s, req[1], 5)[4] = EAP_TYPE_NOTIFICATION;
        s->counters.notifications++;
        return commit_response(s, req, len, action, err);
    }
    if (request_is_for_method(s, req))
        return run_method(s, req, len, action, err);
    if (s->method_started)
        return discard(s, ERROR_SUCCESS, false, action);
    if (type == EAP_TYPE_IDENTITY)
        return answer_identity(s, req, len, action, err);
    return send_nak(s, req, len, action, err);
}

/* RFC 3748 §4: everything a well-formed packet must be. */
static bool well_formed(const BYTE *pkt, DWORD size, DWORD *len)
{
    DWORD l;

    if (size < EAP_HDR_LEN)
        return false;
    l = get_be16(pkt + 2);
    if (l < EAP_HDR_LEN || l > size)
        return false;
    switch (pkt[0]) {
    case EapCodeRequest:
        if (l < 5)
            return false;
        if (pkt[4] == EAP_TYPE_EXPANDED && l < EAP_EXPANDED_HDR_LEN)
            return false;
        break;
    case EapCodeSuccess:
    case EapCodeFailure:
        if (l != EAP_HDR_LEN)
            return false;
        break;
    default:   /* a Response, or an unknown Code, is nothing for a peer */
        return false;
    }
    *len = l;
    return true;
}

/**
 * eh_sm_process() - one packet from the network.
 * @s: a busy session whose method session is open.
 * @size: bytes in @pkt; bytes past the EAP Length are ignored.
 *
 * Return: ERROR_SUCCESS with *@action, or an error that failed the session
 * (*@action Discard, *@err set).
 */
DWORD eh_sm_process(struct eh_session *s, DWORD size, const BYTE *pkt,
                    EapHostPeerResponseAction *action, EAP_ERROR **err)
{
    DWORD len;

    s->counters.packets_received++;
    s->started = true;
    EH_TRACE_PACKET(EH_TRACE_PEER, s->id, "in", pkt, size);
    s->send_ready = false;
    *action = EapHostPeerResponseDiscard;
    if (!well_formed(pkt, size, &len))
        return discard_invalid(s, action);
    if (s->done)
        return discard(s, ERROR_INVALID_STATE, false, action);
    switch (pkt[0]) {
    case EapCodeRequest:
        return rx_request(s, pkt, len, action, err);
    case EapCodeSuccess:
        return rx_success(s, pkt[1], action, err);
    default:
        return rx_failure(s, pkt[1], action, err);
    }
}
