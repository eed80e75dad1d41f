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
    struct eh_credential id_c, pw_c;
    struct eh_session *s;
    DWORD rc;

    if (!identity && !password)
        return ERROR_INVALID_PARAMETER;
    id_c.wide = pw_c.wide = NULL;
    id_c.utf8_heap = pw_c.utf8_heap = NULL;
    /* Bad text and memory are reported before any session error. */
    if ((identity && (rc = eh_credential_prepare(&id_c, identity, true)) !=
                         ERROR_SUCCESS) ||
        (password && (rc = eh_credential_prepare(&pw_c, password, false)) !=
                         ERROR_SUCCESS))
        goto out;
    if ((rc = eh_session_enter_checked(session, &s)) != ERROR_SUCCESS)
        goto out;
    if (s->started) {
        rc = ERROR_INVALID_STATE;
    } else {
        if (identity)
            eh_session_set_identity(s, &id_c);
        if (password)
            eh_session_set_password(s, &pw_c);
        s->credentials_given = true;
    }
    eh_session_leave(s);
out:
    eh_credential_release(&id_c);
    eh_credential_release(&pw_c);
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
