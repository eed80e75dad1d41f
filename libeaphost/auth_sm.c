/*
 * auth_sm.c - the authenticator's side of an EAP conversation (RFC 3748
 * §4-5; RFC 4137 §5 for names): the Identity exchange, the user look-up,
 * the method driven through its EAP_AUTHENTICATOR_METHOD_ROUTINES, the
 * final Success or Failure.
 *
 * Every packet is checked both ways.  From the peer: a Response (Code 2),
 * Length within the buffer and at least 5, Identifier of the last Request,
 * Type Identity while the Identity is awaited, then the method's type (an
 * expanded type with its vendor id and vendor type) or a Nak.  From the
 * method: Code 1, the Identifier it was given, Length equal to the size it
 * returned and within the maximum send size, the method's type.  The method
 * gets a private copy of each Response, cut at its Length.
 */
#include "auth_int.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define EAP_HDR_LEN 4u
#define EAP_TYPE_IDENTITY 1
#define EAP_TYPE_NAK 3
#define EAP_TYPE_EXPANDED 254
#define EAP_EXPANDED_HDR_LEN 12u

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

static const EAP_METHOD_TYPE *mtype(const struct eh_auth_session *s)
{
    return &s->method->type;
}

static const struct eh_auth_dispatch *disp(const struct eh_auth_session *s)
{
    return &s->method->auth.dispatch;
}

/* A random first Identifier (RFC 3748 §4: unpredictable is better). */
static BYTE initial_id(void)
{
    static unsigned fallback;
    BYTE b;

    if (getentropy(&b, 1) == 0)
        return b;
    return (BYTE)(++fallback * 151u + (unsigned)time(NULL));
}

/* ---- outcomes ------------------------------------------------------------ */

static DWORD discard(struct eh_auth_session *s, DWORD why, bool invalid,
                     eaphost_auth_action *action)
{
    s->counters.discarded++;
    s->counters.last_discard_code = why;
    if (invalid)
        s->counters.remote_invalid_packets++;
    *action = EAPHOST_AUTH_DISCARD;
    return ERROR_SUCCESS;
}

static DWORD discard_invalid(struct eh_auth_session *s,
                             eaphost_auth_action *action)
{
    return discard(s, EAP_E_EAPHOST_REMOTE_INVALID_PACKET, true, action);
}

/* The outcome is known: build EAP-Success or EAP-Failure with the
 * Identifier of the last Request, and tell the caller to send it. */
static void decide(struct eh_auth_session *s, BOOL success, DWORD reason,
                   eaphost_auth_action *action)
{
    BYTE *p = s->send_buf;

    s->success = success;
    s->failure_reason = success ? ERROR_SUCCESS : reason;
    s->result_ready = true;
    p[0] = success ? EapCodeSuccess : EapCodeFailure;
    p[1] = s->cur_id;
    p[2] = 0;
    p[3] = EAP_HDR_LEN;
    s->send_len = EAP_HDR_LEN;
    s->have_packet = true;
    s->phase = EH_AUTH_DONE;
    *action = success ? EAPHOST_AUTH_SUCCESS : EAPHOST_AUTH_FAILURE;
}

/*
 * Fail the session: a failure result with @code as its reason, the
 * EAP-Failure ready, *@action FAILURE.  @e (a host EAP_ERROR, taken) goes
 * to *@err.  Returns @code.
 */
static DWORD fail_session(struct eh_auth_session *s, DWORD code, EAP_ERROR *e,
                          eaphost_auth_action *action, EAP_ERROR **err)
{
    if (!e)
        e = eh_error_new(code, mtype(s), "%s", eaphost_error_message(code));
    eh_free(s->result_attribs);
    s->result_attribs = NULL;
    s->result_attrib_count = 0;
    decide(s, FALSE, code, action);
    if (err)
        *err = e;
    else
        eh_error_free(e);
    return code;
}

static DWORD fail_with(struct eh_auth_session *s, DWORD code,
                       eaphost_auth_action *action, EAP_ERROR **err,
                       const char *fmt, ...) EH_PRINTF(5, 6);
static DWORD fail_with(struct eh_auth_session *s, DWORD code,
                       eaphost_auth_action *action, EAP_ERROR **err,
                       const char *fmt, ...)
{
    va_list ap;
    EAP_ERROR *e;

    va_start(ap, fmt);
    e = eh_error_newv(code, mtype(s), fmt, ap);
    va_end(ap);
    return fail_session(s, code, e, action, err);
}

/* A routine returned @rc with @merr: fail the session with both. */
static DWORD fail_from_method(struct eh_auth_session *s, DWORD rc,
                              EAP_ERROR *merr, eaphost_auth_action *action,
                              EAP_ERROR **err, const char *routine)
{
    EAP_ERROR *copy = NULL;

    eh_auth_take_method_error(disp(s), merr, &copy);
    return fail_session(s, rc, eh_method_error(copy, rc, mtype(s), routine),
                        action, err);
}

/* ---- the method's Requests ------------------------------------------------ */

/* What is wrong with the Request the method wrote, or NULL. */
static const char *request_defect(const struct eh_auth_session *s,
                                  const BYTE *p, DWORD size, BYTE id,
                                  char *why, size_t why_len)
{
    const EAP_TYPE *mine = &mtype(s)->eapType;

    if (size > s->max_send) {
        snprintf(why, why_len, "request of %u bytes exceeds the maximum "
                 "send size %u", (unsigned)size, (unsigned)s->max_send);
        return why;
    }
    if (size < 5)
        return "request shorter than 5 bytes";
    if (p[0] != EapCodeRequest)
        return "request Code is not 1 (Request)";
    if (p[1] != id)
        return "request Identifier is not the one the host gave";
    if (get_be16(p + 2) != size)
        return "request Length field differs from the size returned";
    if (p[4] != mine->type)
        return "request Type is not the method's type";
    if (mine->type == EAP_TYPE_EXPANDED &&
        (size < EAP_EXPANDED_HDR_LEN || get_be24(p + 5) != mine->dwVendorId ||
         get_be32(p + 8) != mine->dwVendorType))
        return "request expanded type (vendor id, vendor type) is not the "
               "method's";
    return NULL;
}

/* SendPacket with the next Identifier; the checked Request goes out. */
static DWORD send_method_request(struct eh_auth_session *s,
                                 eaphost_auth_action *action, EAP_ERROR **err)
{
    const struct eh_auth_dispatch *d = disp(s);
    EAP_AUTHENTICATOR_SEND_TIMEOUT timeout = EAP_AUTHENTICATOR_SEND_TIMEOUT_NONE;
    BYTE id = (BYTE)(s->cur_id + 1);
    DWORD size = s->max_send, rc;
    EAP_ERROR *merr = NULL;
    const char *defect;
    char why[96];
    BYTE *tmp;

    rc = d->r.EapMethodAuthenticatorSendPacket(s->method_session, id, &size,
                                               (EapPacket *)s->scratch,
                                               &timeout, &merr);
    EH_TRACE_CALL(EH_TRACE_AUTHENTICATOR, s->id, mtype(s),
                  "EapMethodAuthenticatorSendPacket", rc, -1);
    if (rc != ERROR_SUCCESS)
        return fail_from_method(s, rc, merr, action, err,
                                "EapMethodAuthenticatorSendPacket");
    eh_auth_take_method_error(d, merr, NULL);
    defect = request_defect(s, s->scratch, size, id, why, sizeof why);
    if (defect)
        return fail_with(s, EAP_E_EAPHOST_METHOD_INVALID_PACKET, action, err,
                         "EapMethodAuthenticatorSendPacket: %s", defect);
    tmp = s->send_buf;
    s->send_buf = s->scratch;
    s->scratch = tmp;
    s->send_len = size;
    s->have_packet = true;
    s->cur_id = id;
    s->phase = EH_AUTH_METHOD;
    s->counters.requests_sent++;
    *action = EAPHOST_AUTH_SEND;
    return ERROR_SUCCESS;
}

/* ---- the method's outcome ------------------------------------------------- */

static DWORD fetch_result(struct eh_auth_session *s,
                          eaphost_auth_action *action, EAP_ERROR **err)
{
    const struct eh_auth_dispatch *d = disp(s);
    EAP_METHOD_AUTHENTICATOR_RESULT r;
    EAP_ERROR *merr = NULL;
    DWORD rc;

    memset(&r, 0, sizeof r);
    rc = d->r.EapMethodAuthenticatorGetResult(s->method_session, &r, &merr);
    EH_TRACE_CALL(EH_TRACE_AUTHENTICATOR, s->id, mtype(s),
                  "EapMethodAuthenticatorGetResult", rc, -1);
    if (rc != ERROR_SUCCESS)
        return fail_from_method(s, rc, merr, action, err,
                                "EapMethodAuthenticatorGetResult");
    eh_auth_take_method_error(d, merr, NULL);
    eh_free(s->result_attribs);
    s->result_attribs = NULL;
    s->result_attrib_count = 0;
    rc = eh_attributes_copy(r.pAuthAttribs, &s->result_attribs,
                            &s->result_attrib_count);
    if (rc != ERROR_SUCCESS)
        return fail_with(s, rc, action, err, "EapMethodAuthenticatorGetResult "
                         "returned attributes the host %s",
                         rc == ERROR_NOT_ENOUGH_MEMORY ? "could not copy"
                                                       : "finds implausible");
    decide(s, r.fIsSuccess ? TRUE : FALSE,
           r.dwFailureReason ? r.dwFailureReason : EAP_E_AUTHENTICATION_FAILED,
           action);
    return ERROR_SUCCESS;
}

static const char *action_name(unsigned a)
{
    switch (a) {
    case EAP_METHOD_AUTHENTICATOR_RESPONSE_RESPOND:
        return "RESPOND";
    case EAP_METHOD_AUTHENTICATOR_RESPONSE_AUTHENTICATE:
        return "AUTHENTICATE";
    default:
        return "HANDLE_IDENTITY";
    }
}

/* Act on what ReceivePacket or SetAttributes answered. */
static DWORD method_action(struct eh_auth_session *s, unsigned a,
                           eaphost_auth_action *action, EAP_ERROR **err)
{
    switch (a) {
    case EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD:
        return discard(s, ERROR_SUCCESS, false, action);
    case EAP_METHOD_AUTHENTICATOR_RESPONSE_SEND:
        return send_method_request(s, action, err);
    case EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT:
        return fetch_result(s, action, err);
    case EAP_METHOD_AUTHENTICATOR_RESPONSE_RESPOND:
    case EAP_METHOD_AUTHENTICATOR_RESPONSE_AUTHENTICATE:
    case EAP_METHOD_AUTHENTICATOR_RESPONSE_HANDLE_IDENTITY:
        return fail_with(s, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
                         action, err, "the method answered with action %s, "
                         "which this authenticator host does not support",
                         action_name(a));
    default:
        return fail_with(s, EAP_E_EAPHOST_METHOD_INVALID_PACKET, action, err,
                         "the method returned action %u, outside the "
                         "EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION range", a);
    }
}

/* ---- the peer's Responses -------------------------------------------------- */

/* RFC 3748 §4: a well-formed Response of at least a Type. */
static bool well_formed(const BYTE *pkt, DWORD size, DWORD *len)
{
    DWORD l;

    if (size < EAP_HDR_LEN)
        return false;
    l = get_be16(pkt + 2);
    if (l < 5 || l > size || pkt[0] != EapCodeResponse)
        return false;
    if (pkt[4] == EAP_TYPE_EXPANDED && l < EAP_EXPANDED_HDR_LEN)
        return false;
    *len = l;
    return true;
}

static bool is_nak(const BYTE *pkt)
{
    if (pkt[4] == EAP_TYPE_NAK)
        return true;
    return pkt[4] == EAP_TYPE_EXPANDED && get_be24(pkt + 5) == 0 &&
           get_be32(pkt + 8) == EAP_TYPE_NAK;
}

static bool is_method_type(const struct eh_auth_session *s, const BYTE *pkt)
{
    const EAP_TYPE *mine = &mtype(s)->eapType;

    if (pkt[4] != mine->type)
        return false;
    return mine->type != EAP_TYPE_EXPANDED ||
           (get_be24(pkt + 5) == mine->dwVendorId &&
            get_be32(pkt + 8) == mine->dwVendorType);
}

/*
 * The Identity Response: look the user up, begin the method's session with
 * the password attribute when the identity is known, send its first
 * Request.  Out of memory before the method is called leaves the session
 * as it was.
 */
static DWORD rx_identity(struct eh_auth_session *s, const BYTE *pkt,
                         DWORD len, eaphost_auth_action *action,
                         EAP_ERROR **err)
{
    const struct eh_auth_dispatch *d = disp(s);
    size_t n = len - 5, pw_len = 0;
    const char *password = NULL;
    EAP_ATTRIBUTE attr;
    EapAttributes attrs = { 0, NULL };
    EAP_SESSION_HANDLE handle = NULL;
    EAP_ERROR *merr = NULL;
    BYTE *pw_copy = NULL;
    WCHAR *wide;
    char *identity;
    DWORD rc;

    if (n > EAPHOST_USER_DB_MAX_IDENTITY || !eh_utf8_valid(pkt + 5, n))
        return discard_invalid(s, action);
    identity = eh_malloc(n + 1);
    if (!identity)
        return ERROR_NOT_ENOUGH_MEMORY;
    memcpy(identity, pkt + 5, n);
    identity[n] = '\0';
    wide = eh_utf8_to_utf16_dup(identity);
    if (!wide) {
        eh_free(identity);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    if (eh_user_db_find(s->db, identity, &password, &pw_len)) {
        /* The method gets a copy; a BYTE * it could write through. */
        pw_copy = eh_malloc(pw_len ? pw_len : 1);
        if (!pw_copy) {
            eh_free(wide);
            eh_free(identity);
            return ERROR_NOT_ENOUGH_MEMORY;
        }
        memcpy(pw_copy, password, pw_len);
        attr.eaType = eatClearTextPassword;
        attr.dwLength = (DWORD)pw_len;
        attr.pValue = pw_copy;
        attrs.dwNumberOfAttributes = 1;
        attrs.pAttribs = &attr;
    }
    eh_free(s->identity);
    s->identity = identity;

    rc = d->r.EapMethodAuthenticatorBeginSession(0, wide, &attrs, 0, NULL,
                                                 s->max_send, &handle, &merr);
    EH_TRACE_CALL(EH_TRACE_AUTHENTICATOR, s->id, mtype(s),
                  "EapMethodAuthenticatorBeginSession", rc, -1);
    eh_free_secret(pw_copy, pw_len);
    eh_free(wide);
    if (rc != ERROR_SUCCESS)
        return fail_from_method(s, rc, merr, action, err,
                                "EapMethodAuthenticatorBeginSession");
    eh_auth_take_method_error(d, merr, NULL);
    s->method_session = handle;
    s->method_session_open = true;
    return send_method_request(s, action, err);
}

/* A Response of the method's type: the method's ReceivePacket. */
static DWORD rx_method(struct eh_auth_session *s, const BYTE *pkt, DWORD len,
                       eaphost_auth_action *action, EAP_ERROR **err)
{
    const struct eh_auth_dispatch *d = disp(s);
    EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION a;
    EAP_ERROR *merr = NULL;
    DWORD rc;

    if (!eh_reserve(&s->rx_copy, &s->rx_cap, len))
        return ERROR_NOT_ENOUGH_MEMORY;
    memcpy(s->rx_copy, pkt, len);
    /* Distrust: an action no method may return, caught if left unset. */
    memset(&a, 0xff, sizeof a);
    rc = d->r.EapMethodAuthenticatorReceivePacket(s->method_session, len,
                                                  (const EapPacket *)
                                                  s->rx_copy, &a, &merr);
    EH_TRACE_CALL(EH_TRACE_AUTHENTICATOR, s->id, mtype(s),
                  "EapMethodAuthenticatorReceivePacket", rc, -1);
    if (rc != ERROR_SUCCESS)
        return fail_from_method(s, rc, merr, action, err,
                                "EapMethodAuthenticatorReceivePacket");
    eh_auth_take_method_error(d, merr, NULL);
    return method_action(s, (unsigned)a, action, err);
}

/**
 * eh_auth_sm_start() - build the Request/Identity.
 * @s: an entered session in phase NEW.
 * @err: receives an EAP_ERROR on failure.
 *
 * Return: ERROR_SUCCESS, or ERROR_INVALID_STATE when started already.
 */
DWORD eh_auth_sm_start(struct eh_auth_session *s, EAP_ERROR **err)
{
    BYTE *p = s->send_buf;

    if (s->phase != EH_AUTH_NEW)
        return eh_fail(err, ERROR_INVALID_STATE, mtype(s),
                       "the session has started already");
    s->cur_id = initial_id();
    p[0] = EapCodeRequest;
    p[1] = s->cur_id;
    p[2] = 0;
    p[3] = 5;
    p[4] = EAP_TYPE_IDENTITY;
    s->send_len = 5;
    s->have_packet = true;
    s->phase = EH_AUTH_IDENTITY;
    s->counters.requests_sent++;
    return ERROR_SUCCESS;
}

/**
 * eh_auth_sm_receive() - one packet from the peer.
 * @s: an entered, started session.
 * @pkt: the packet; @size its bytes.
 * @action: receives what to do next (DISCARD unless said otherwise).
 * @err: receives an EAP_ERROR on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_STATE before the start;
 * ERROR_NOT_ENOUGH_MEMORY (session unchanged, or failed when the method
 * had been called); a method's failure (session failed, *@action FAILURE).
 */
DWORD eh_auth_sm_receive(struct eh_auth_session *s, const BYTE *pkt,
                         DWORD size, eaphost_auth_action *action,
                         EAP_ERROR **err)
{
    DWORD len;

    *action = EAPHOST_AUTH_DISCARD;
    if (s->phase == EH_AUTH_NEW)
        return eh_fail(err, ERROR_INVALID_STATE, mtype(s),
                       "nothing was sent yet: call eaphost_auth_start first");
    s->counters.packets_received++;
    if (!well_formed(pkt, size, &len))
        return discard_invalid(s, action);
    if (s->phase == EH_AUTH_DONE)
        return discard(s, ERROR_INVALID_STATE, false, action);
    if (pkt[1] != s->cur_id)
        return discard(s, ERROR_INVALID_DATA, false, action);
    if (s->phase == EH_AUTH_IDENTITY) {
        if (pkt[4] != EAP_TYPE_IDENTITY)
            return discard_invalid(s, action);
        return rx_identity(s, pkt, len, action, err);
    }
    if (is_nak(pkt)) {
        /* The peer will not do our method: nothing else to offer. */
        decide(s, FALSE, EAP_I_EAPHOST_EAP_NEGOTIATION_FAILED, action);
        return ERROR_SUCCESS;
    }
    if (!is_method_type(s, pkt))
        return discard_invalid(s, action);
    return rx_method(s, pkt, len, action, err);
}

/**
 * eh_auth_sm_set_attributes() - EapMethodAuthenticatorSetAttributes.
 * @s: an entered session.
 * @attrs: the caller's attributes (copied for the call).
 * @action: receives what to do next.
 * @err: receives an EAP_ERROR on failure.
 *
 * Return: as eh_auth_sm_receive(); ERROR_INVALID_STATE outside phase
 * METHOD; EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED without the routine
 * and ERROR_INVALID_PARAMETER for an implausible array (both leave the
 * session as it was).
 */
DWORD eh_auth_sm_set_attributes(struct eh_auth_session *s,
                                const EapAttributes *attrs,
                                eaphost_auth_action *action, EAP_ERROR **err)
{
    const struct eh_auth_dispatch *d = disp(s);
    EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION a;
    EapAttributes copy = { 0, NULL };
    EAP_ATTRIBUTE *entries = NULL;
    EAP_ERROR *merr = NULL;
    DWORD rc;

    *action = EAPHOST_AUTH_DISCARD;
    if (s->phase != EH_AUTH_METHOD)
        return eh_fail(err, ERROR_INVALID_STATE, mtype(s),
                       "the method is not waiting for a Response");
    if (!d->r.EapMethodAuthenticatorSetAttributes)
        return eh_fail(err, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
                       mtype(s), "EapMethodAuthenticatorSetAttributes is "
                       "NULL");
    rc = eh_attributes_copy(attrs, &entries, &copy.dwNumberOfAttributes);
    if (rc == EAP_E_EAPHOST_METHOD_INVALID_PACKET)
        return eh_fail(err, ERROR_INVALID_PARAMETER, mtype(s),
                       "implausible attribute array");
    if (rc != ERROR_SUCCESS)
        return rc;
    copy.pAttribs = entries;
    memset(&a, 0xff, sizeof a);
    rc = d->r.EapMethodAuthenticatorSetAttributes(s->method_session, &copy,
                                                  &a, &merr);
    EH_TRACE_CALL(EH_TRACE_AUTHENTICATOR, s->id, mtype(s),
                  "EapMethodAuthenticatorSetAttributes", rc, -1);
    eh_free(entries);
    if (rc != ERROR_SUCCESS)
        return fail_from_method(s, rc, merr, action, err,
                                "EapMethodAuthenticatorSetAttributes");
    eh_auth_take_method_error(d, merr, NULL);
    return method_action(s, (unsigned)a, action, err);
}

/**
 * eh_auth_sm_get_attributes() - EapMethodAuthenticatorGetAttributes into
 * host copies (s->out_attribs).
 * @s: an entered session.
 * @err: receives an EAP_ERROR on failure.
 *
 * A failure here does not end the session.
 * Return: ERROR_SUCCESS; ERROR_INVALID_STATE (the method's session is not
 * open); EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED;
 * EAP_E_EAPHOST_METHOD_INVALID_PACKET (implausible array); the method's
 * error; ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eh_auth_sm_get_attributes(struct eh_auth_session *s, EAP_ERROR **err)
{
    const struct eh_auth_dispatch *d = disp(s);
    EapAttributes got = { 0, NULL };
    EAP_ERROR *merr = NULL;
    DWORD rc;

    if (!s->method_session_open)
        return eh_fail(err, ERROR_INVALID_STATE, mtype(s),
                       "the method's session has not begun");
    if (!d->r.EapMethodAuthenticatorGetAttributes)
        return eh_fail(err, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
                       mtype(s), "EapMethodAuthenticatorGetAttributes is "
                       "NULL");
    rc = d->r.EapMethodAuthenticatorGetAttributes(s->method_session, &got,
                                                  &merr);
    EH_TRACE_CALL(EH_TRACE_AUTHENTICATOR, s->id, mtype(s),
                  "EapMethodAuthenticatorGetAttributes", rc, -1);
    if (rc != ERROR_SUCCESS) {
        eh_auth_take_method_error(d, merr, err);
        if (err)
            *err = eh_method_error(*err, rc, mtype(s),
                                   "EapMethodAuthenticatorGetAttributes");
        return rc;
    }
    eh_auth_take_method_error(d, merr, NULL);
    eh_free(s->out_attribs);
    s->out_attribs = NULL;
    s->out_attrib_count = 0;
    rc = eh_attributes_copy(&got, &s->out_attribs, &s->out_attrib_count);
    if (rc == EAP_E_EAPHOST_METHOD_INVALID_PACKET)
        return eh_fail(err, rc, mtype(s), "EapMethodAuthenticatorGetAttributes "
                       "returned an implausible attribute array");
    return rc;
}
