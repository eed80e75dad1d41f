/*
 * auth_int.h - private to the authenticator host: one authenticator
 * session and the contracts between auth_session.c (the session table),
 * auth_sm.c (the authenticator's side of the conversation) and auth_api.c
 * (the public eaphost_auth_* calls).
 */
#ifndef EAPHOST_AUTH_INT_H
#define EAPHOST_AUTH_INT_H

#include "internal.h"

/* Where a session's conversation is. */
enum eh_auth_phase {
    EH_AUTH_NEW,            /* begun, nothing sent */
    EH_AUTH_IDENTITY,       /* Request/Identity sent, waiting for it */
    EH_AUTH_METHOD,         /* method session open, a Request of it sent */
    EH_AUTH_DONE            /* outcome decided, Success/Failure built */
};

struct eh_auth_session {
    EAP_SESSIONID id;
    struct eh_method *method;        /* its authenticator half acquired */
    eaphost_user_db *db;             /* one reference held */
    DWORD max_send;
    enum eh_auth_phase phase;
    BYTE cur_id;                     /* Identifier of the last Request */
    char *identity;                  /* UTF-8, from the Identity Response */

    EAP_SESSION_HANDLE method_session;
    bool method_session_open;        /* EndSession still due */

    BYTE *send_buf;  DWORD send_len; /* the packet produced last */
    bool have_packet;
    BYTE *scratch;                   /* the method writes its Request here */
    BYTE *rx_copy;   DWORD rx_cap;   /* the method's copy of a Response */

    bool result_ready;
    BOOL success;
    DWORD failure_reason;
    EAP_ATTRIBUTE *result_attribs;   /* host copies of pAuthAttribs */
    DWORD result_attrib_count;
    EAP_ATTRIBUTE *out_attribs;      /* host copies of GetAttributes' */
    DWORD out_attrib_count;

    eaphost_auth_counters counters;
};

/* ---- auth_session.c ------------------------------------------------------ */

/* A new session, zeroed but for its id, entered (busy).  Returns
 * ERROR_SUCCESS or ERROR_NOT_ENOUGH_MEMORY (no free id left included). */
DWORD eh_auth_session_create(struct eh_auth_session **out);
/* Public-call entry: ERROR_INVALID_STATE before Initialize or while another
 * thread is inside the session, ERROR_INVALID_HANDLE for an unknown, ended
 * or stale id; else *@out is entered. */
DWORD eh_auth_session_enter(EAP_SESSIONID id, struct eh_auth_session **out);
void eh_auth_session_leave(struct eh_auth_session *s);
/* The method's EndSession, once (ERROR_SUCCESS if nothing to end). */
DWORD eh_auth_session_end_method(struct eh_auth_session *s, EAP_ERROR **err);
/* Free an entered session: its method user count and database reference
 * go, its id becomes stale.  The method session must be ended. */
void eh_auth_session_destroy(struct eh_auth_session *s);

/* ---- auth_sm.c ----------------------------------------------------------- */

/* Build the Request/Identity (phase NEW -> IDENTITY). */
DWORD eh_auth_sm_start(struct eh_auth_session *s, EAP_ERROR **err);
/* One packet from the peer (phase past NEW). */
DWORD eh_auth_sm_receive(struct eh_auth_session *s, const BYTE *pkt,
                         DWORD size, eaphost_auth_action *action,
                         EAP_ERROR **err);
/* EapMethodAuthenticatorSetAttributes and its action (phase METHOD). */
DWORD eh_auth_sm_set_attributes(struct eh_auth_session *s,
                                const EapAttributes *attrs,
                                eaphost_auth_action *action, EAP_ERROR **err);
/* EapMethodAuthenticatorGetAttributes into s->out_attribs. */
DWORD eh_auth_sm_get_attributes(struct eh_auth_session *s, EAP_ERROR **err);

#endif /* EAPHOST_AUTH_INT_H */
