/*
 * api_emulator.c - the emulator's own per-session calls (eaphost/eaphost.h):
 * credentials, counters, options.
 */
#include "internal.h"

#include <string.h>

/* A copy of @s if it is valid UTF-8; *@rc says why not. */
static char *checked_utf8_copy(const char *s, DWORD *rc)
{
    char *copy;

    if (eh_utf8_units(s) == SIZE_MAX) {
        *rc = ERROR_NO_UNICODE_TRANSLATION;
        return NULL;
    }
    copy = eh_strdup(s);
    *rc = copy ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
    return copy;
}

DWORD eaphost_session_set_credentials(EAP_SESSIONID session,
                                      const char *identity,
                                      const char *password)
{
    struct eh_session *s;
    char *id_copy = NULL, *pw_copy = NULL;
    DWORD rc = ERROR_SUCCESS;

    if (!identity && !password)
        return ERROR_INVALID_PARAMETER;
    if (identity && !(id_copy = checked_utf8_copy(identity, &rc)))
        return rc;
    if (password && !(pw_copy = checked_utf8_copy(password, &rc))) {
        eh_free(id_copy);
        return rc;
    }
    if ((rc = eh_session_enter_checked(session, &s)) != ERROR_SUCCESS)
        goto out;
    if (s->started) {
        rc = ERROR_INVALID_STATE;
    } else {
        if (id_copy) {
            eh_free(s->identity);
            s->identity = id_copy;
            id_copy = NULL;
        }
        if (pw_copy) {
            if (s->password)
                eh_free_secret(s->password, strlen(s->password));
            s->password = pw_copy;
            pw_copy = NULL;
        }
        s->credentials_given = true;
    }
    eh_session_leave(s);
out:
    eh_free(id_copy);
    if (pw_copy)
        eh_free_secret(pw_copy, strlen(pw_copy));
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
