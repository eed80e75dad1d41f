/*
 * api_emulator.c - the emulator's own per-session calls (eaphost/eaphost.h):
 * credentials, counters, options.
 */
#include "internal.h"

#include <string.h>

/*
 * Check @s (valid UTF-8) and measure it into *@len.  A credential too long
 * for the slot's inline buffer is copied to host memory now, into *@heap,
 * so that ERROR_NOT_ENOUGH_MEMORY comes before any session error, as it
 * always has.  Returns ERROR_SUCCESS or the error.
 */
static DWORD check_credential(const char *s, size_t *len, char **heap)
{
    *heap = NULL;
    if (eh_utf8_units(s) == SIZE_MAX)
        return ERROR_NO_UNICODE_TRANSLATION;
    *len = strlen(s);
    if (*len + 1 > EH_CRED_INLINE && !(*heap = eh_memdup(s, *len + 1)))
        return ERROR_NOT_ENOUGH_MEMORY;
    return ERROR_SUCCESS;
}

DWORD eaphost_session_set_credentials(EAP_SESSIONID session,
                                      const char *identity,
                                      const char *password)
{
    struct eh_session *s;
    char *id_heap = NULL, *pw_heap = NULL;
    size_t id_len = 0, pw_len = 0;
    DWORD rc = ERROR_SUCCESS;

    if (!identity && !password)
        return ERROR_INVALID_PARAMETER;
    if (identity &&
        (rc = check_credential(identity, &id_len, &id_heap)) != ERROR_SUCCESS)
        return rc;
    if (password &&
        (rc = check_credential(password, &pw_len, &pw_heap)) != ERROR_SUCCESS) {
        eh_free(id_heap);
        return rc;
    }
    if ((rc = eh_session_enter_checked(session, &s)) != ERROR_SUCCESS)
        goto out;
    if (s->started) {
        rc = ERROR_INVALID_STATE;
    } else {
        if (identity) {
            eh_session_set_identity(s, identity, id_len, id_heap);
            id_heap = NULL;
        }
        if (password) {
            eh_session_set_password(s, password, pw_len, pw_heap);
            pw_heap = NULL;
        }
        s->credentials_given = true;
    }
    eh_session_leave(s);
out:
    eh_free(id_heap);
    eh_free_secret(pw_heap, pw_len);
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
