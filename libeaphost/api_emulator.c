/*
 * api_emulator.c - the emulator's own per-session calls (eaphost/eaphost.h):
 * credentials, counters, options.
 */
#include "internal.h"

#include <string.h>

DWORD eaphost_session_set_credentials(EAP_SESSIONID session,
                                      const char *identity,
                                      const char *password)
{
    struct eh_session *s;
    DWORD rc;

    if (!identity && !password)
        return ERROR_INVALID_PARAMETER;
    if ((rc = eh_session_enter_checked(session, &s)) != ERROR_SUCCESS)
        return rc;
    if (s->started)
        rc = ERROR_INVALID_STATE;
    else if ((rc = eh_session_give_credentials(s, identity, password)) ==
             ERROR_SUCCESS)
        s->credentials_given = true;
    eh_session_leave(s);
    return rc;
}

DWORD eaphost_session_get_counters(EAP_SESSIONID session,
                                   eaphost_session_counters *counters)
{
    struct eh_session *s;
    DWORD rc;

    if (!counters)
        return ERROR_INVALID_PARAMETER;
    memset(counters, 0, sizeof(*counters));
    if ((rc = eh_session_enter_checked(session, &s)) != ERROR_SUCCESS)
        return rc;
    *counters = s->counters;
    eh_session_leave(s);
    return ERROR_SUCCESS;
}

DWORD eaphost_session_set_option(EAP_SESSIONID session,
                                 eaphost_session_option option, DWORD value)
{
    struct eh_session *s;
    DWORD rc;

    if (option != EAPHOST_OPTION_ACCEPT_RESULT_ID_PLUS_ONE || value > 1)
        return ERROR_INVALID_PARAMETER;
    if ((rc = eh_session_enter_checked(session, &s)) != ERROR_SUCCESS)
        return rc;
    s->accept_result_id_plus_one = value != 0;
    eh_session_leave(s);
    return ERROR_SUCCESS;
}
