/*
 * auth_api.c - the public eaphost_auth_* calls (eaphost/authenticator.h).
 *
 * Each checks its arguments, enters the session (which marks it busy; no
 * host lock is held while a method runs), does its work through auth_sm.c
 * and leaves.  Results follow the peer side's error-code table (see the
 * header).
 */
#include "auth_int.h"

#include <string.h>

/* Smallest and largest max_send, as on the peer side. */
#define AUTH_MIN_SEND 20u
#define AUTH_MAX_SEND 65535u

static void clear_err(EAP_ERROR **pp)
{
    if (pp)
        *pp = NULL;
}

/* Buffers and the database reference of a new session. */
static DWORD setup_session(struct eh_auth_session *s, struct eh_method *m,
                           const eaphost_user_db *db, DWORD max_send)
{
    s->method = m;
    s->max_send = max_send > AUTH_MAX_SEND ? AUTH_MAX_SEND : max_send;
    s->send_buf = eh_malloc(s->max_send);
    s->scratch = eh_malloc(s->max_send);
    if (!s->send_buf || !s->scratch)
        return ERROR_NOT_ENOUGH_MEMORY;
    s->db = eh_user_db_ref(db);
    s->phase = EH_AUTH_NEW;
    return ERROR_SUCCESS;
}

DWORD eaphost_auth_begin(EAP_METHOD_TYPE type, const eaphost_user_db *db,
                         DWORD max_send, EAP_SESSIONID *session,
                         EAP_ERROR **err)
{
    struct eh_auth_session *s;
    struct eh_method *m;
    DWORD rc;

    clear_err(err);
    if (!session)
        return ERROR_INVALID_PARAMETER;
    *session = 0;
    if (!db)
        return ERROR_INVALID_PARAMETER;
    if (max_send < AUTH_MIN_SEND)
        return eh_fail(err, ERROR_INVALID_PARAMETER, &type,
                       "max_send %u is below the minimum %u",
                       (unsigned)max_send, AUTH_MIN_SEND);
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    m = eh_host_find_method(&type);
    if (!m)
        return eh_fail(err, EAP_E_EAPHOST_METHOD_NOT_INSTALLED, &type,
                       "no method registered for type %u (vendor %u, "
                       "vendor type %u), author %u", type.eapType.type,
                       (unsigned)type.eapType.dwVendorId,
                       (unsigned)type.eapType.dwVendorType,
                       (unsigned)type.dwAuthorId);
    rc = eh_auth_session_create(&s);
    if (rc != ERROR_SUCCESS)
        return rc;
    rc = eh_auth_method_acquire(m, err);
    if (rc != ERROR_SUCCESS) {
        eh_auth_session_destroy(s);
        return rc;
    }
    rc = setup_session(s, m, db, max_send);
    if (rc != ERROR_SUCCESS) {
        eh_auth_session_destroy(s);
        return rc;
    }
    *session = s->id;
    eh_auth_session_leave(s);
    return ERROR_SUCCESS;
}

DWORD eaphost_auth_start(EAP_SESSIONID session, BYTE **packet, DWORD *size,
                         EAP_ERROR **err)
{
    struct eh_auth_session *s;
    DWORD rc;

    clear_err(err);
    if (!packet || !size)
        return ERROR_INVALID_PARAMETER;
    *packet = NULL;
    *size = 0;
    if ((rc = eh_auth_session_enter(session, &s)) != ERROR_SUCCESS)
        return rc;
    rc = eh_auth_sm_start(s, err);
    if (rc == ERROR_SUCCESS) {
        *packet = s->send_buf;
        *size = s->send_len;
    }
    eh_auth_session_leave(s);
    return rc;
}

DWORD eaphost_auth_receive(EAP_SESSIONID session, const BYTE *packet,
                           DWORD size, eaphost_auth_action *action,
                           EAP_ERROR **err)
{
    struct eh_auth_session *s;
    DWORD rc;

    clear_err(err);
    if (!action)
        return ERROR_INVALID_PARAMETER;
    *action = EAPHOST_AUTH_DISCARD;
    if (!packet)
        return ERROR_INVALID_PARAMETER;
    if ((rc = eh_auth_session_enter(session, &s)) != ERROR_SUCCESS)
        return rc;
    EH_TRACE_PACKET(EH_TRACE_AUTHENTICATOR, s->id, "in", packet, size);
    rc = eh_auth_sm_receive(s, packet, size, action, err);
    eh_auth_session_leave(s);
    return rc;
}

DWORD eaphost_auth_get_packet(EAP_SESSIONID session, BYTE **packet,
                              DWORD *size, EAP_ERROR **err)
{
    struct eh_auth_session *s;
    DWORD rc;

    clear_err(err);
    if (!packet || !size)
        return ERROR_INVALID_PARAMETER;
    *packet = NULL;
    *size = 0;
    if ((rc = eh_auth_session_enter(session, &s)) != ERROR_SUCCESS)
        return rc;
    if (!s->have_packet) {
        rc = eh_fail(err, ERROR_INVALID_STATE, &s->method->type,
                     "nothing to send yet: call eaphost_auth_start first");
    } else {
        *packet = s->send_buf;
        *size = s->send_len;
        EH_TRACE_PACKET(EH_TRACE_AUTHENTICATOR, s->id, "out", s->send_buf,
                        s->send_len);
    }
    eh_auth_session_leave(s);
    return rc;
}

DWORD eaphost_auth_get_result(EAP_SESSIONID session,
                              eaphost_auth_result *result, EAP_ERROR **err)
{
    struct eh_auth_session *s;
    DWORD rc;

    clear_err(err);
    if (!result)
        return ERROR_INVALID_PARAMETER;
    memset(result, 0, sizeof *result);
    if ((rc = eh_auth_session_enter(session, &s)) != ERROR_SUCCESS)
        return rc;
    if (!s->result_ready) {
        rc = eh_fail(err, ERROR_INVALID_STATE, &s->method->type,
                     "no outcome yet");
    } else {
        result->success = s->success;
        result->failure_reason = s->failure_reason;
        result->attributes.dwNumberOfAttributes = s->result_attrib_count;
        result->attributes.pAttribs = s->result_attribs;
    }
    eh_auth_session_leave(s);
    return rc;
}

DWORD eaphost_auth_get_attributes(EAP_SESSIONID session,
                                  EapAttributes *attributes, EAP_ERROR **err)
{
    struct eh_auth_session *s;
    DWORD rc;

    clear_err(err);
    if (!attributes)
        return ERROR_INVALID_PARAMETER;
    memset(attributes, 0, sizeof *attributes);
    if ((rc = eh_auth_session_enter(session, &s)) != ERROR_SUCCESS)
        return rc;
    rc = eh_auth_sm_get_attributes(s, err);
    if (rc == ERROR_SUCCESS) {
        attributes->dwNumberOfAttributes = s->out_attrib_count;
        attributes->pAttribs = s->out_attribs;
    }
    eh_auth_session_leave(s);
    return rc;
}

DWORD eaphost_auth_set_attributes(EAP_SESSIONID session,
                                  const EapAttributes *attributes,
                                  eaphost_auth_action *action,
                                  EAP_ERROR **err)
{
    struct eh_auth_session *s;
    DWORD rc;

    clear_err(err);
    if (!action)
        return ERROR_INVALID_PARAMETER;
    *action = EAPHOST_AUTH_DISCARD;
    if (!attributes)
        return ERROR_INVALID_PARAMETER;
    if ((rc = eh_auth_session_enter(session, &s)) != ERROR_SUCCESS)
        return rc;
    rc = eh_auth_sm_set_attributes(s, attributes, action, err);
    eh_auth_session_leave(s);
    return rc;
}

DWORD eaphost_auth_get_counters(EAP_SESSIONID session,
                                eaphost_auth_counters *counters)
{
    struct eh_auth_session *s;
    DWORD rc;

    if (!counters)
        return ERROR_INVALID_PARAMETER;
    memset(counters, 0, sizeof *counters);
    if ((rc = eh_auth_session_enter(session, &s)) != ERROR_SUCCESS)
        return rc;
    *counters = s->counters;
    eh_auth_session_leave(s);
    return ERROR_SUCCESS;
}

DWORD eaphost_auth_end(EAP_SESSIONID session, EAP_ERROR **err)
{
    struct eh_auth_session *s;
    DWORD rc;

    clear_err(err);
    if ((rc = eh_auth_session_enter(session, &s)) != ERROR_SUCCESS)
        return rc;
    rc = eh_auth_session_end_method(s, err);
    eh_auth_session_destroy(s);
    return rc;
}
