/*
 * api_identity.c - EapHostPeerGetIdentity: a method's identity outside any
 * session.  Outputs are host copies freed with EapHostPeerFreeRuntimeMemory.
 */
#include "internal.h"

#include <string.h>

#define EH_MAX_BLOB (1u << 20)
#define EH_MAX_IDENTITY_UNITS 1024u

static void free_method_memory(const struct eh_method *m, void *p)
{
    if (p)
        m->dispatch.free_memory(p);
}

/* Host copy of the method's identity: ERROR_INVALID_DATA if it is not
 * terminated within EH_MAX_IDENTITY_UNITS, ERROR_NOT_ENOUGH_MEMORY. */
static DWORD copy_identity(const WCHAR *w, LPWSTR *out)
{
    size_t n;

    for (n = 0; n <= EH_MAX_IDENTITY_UNITS; n++) {
        if (w[n] == 0) {
            *out = eh_memdup(w, (n + 1) * sizeof(WCHAR));
            return *out ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
        }
    }
    return ERROR_INVALID_DATA;
}

static DWORD call_get_identity(struct eh_method *m, DWORD flags,
                               DWORD conn_size, const BYTE *conn,
                               DWORD user_size, const BYTE *user,
                               HANDLE token, BOOL *invoke_ui,
                               DWORD *user_out_size, BYTE **user_out,
                               LPWSTR *identity, EAP_ERROR **err)
{
    const struct eh_dispatch *d = &m->dispatch;
    DWORD m_size = 0, rc;
    BYTE *m_user = NULL;
    LPWSTR m_identity = NULL;
    EAP_ERROR *merr = NULL;

    rc = d->r.EapPeerGetIdentity(flags, conn_size, conn, user_size, user,
                                 token, invoke_ui, &m_size, &m_user,
                                 &m_identity, &merr);
    EH_TRACE_CALL(EH_TRACE_PEER, 0, &m->type, "EapPeerGetIdentity", rc, -1);
    if (rc != ERROR_SUCCESS) {
        EAP_ERROR *copy = NULL;

        eh_take_method_error(d, merr, &copy);
        copy = eh_method_error(copy, rc, &m->type, "EapPeerGetIdentity");
        if (err)
            *err = copy;
        else
            eh_error_free(copy);
        goto out;
    }
    eh_take_method_error(d, merr, NULL);
    if (m_size > EH_MAX_BLOB || (m_size && !m_user)) {
        rc = eh_fail(err, EAP_E_EAPHOST_METHOD_INVALID_PACKET, &m->type,
                     "EapPeerGetIdentity returned implausible user data");
        goto out;
    }
    if (m_identity && (rc = copy_identity(m_identity, identity)) !=
                          ERROR_SUCCESS) {
        if (rc != ERROR_NOT_ENOUGH_MEMORY)
            rc = eh_fail(err, EAP_E_EAPHOST_METHOD_INVALID_PACKET, &m->type,
                         "EapPeerGetIdentity returned an identity longer "
                         "than %u units", EH_MAX_IDENTITY_UNITS);
        goto out;
    }
    if (m_size && !(*user_out = eh_memdup(m_user, m_size))) {
        eh_free(*identity);
        *identity = NULL;
        rc = ERROR_NOT_ENOUGH_MEMORY;
        goto out;
    }
    *user_out_size = m_size;
out:
    free_method_memory(m, m_user);
    free_method_memory(m, m_identity);
    return rc;
}

DWORD EapHostPeerGetIdentity(DWORD dwVersion, DWORD dwFlags,
                             EAP_METHOD_TYPE eapMethodType,
                             DWORD dwSizeofConnectionData,
                             const BYTE *pConnectionData,
                             DWORD dwSizeofUserData, const BYTE *pUserData,
                             HANDLE hTokenImpersonateUser, BOOL *pfInvokeUI,
                             DWORD *pdwSizeOfUserDataOut,
                             BYTE **ppUserDataOut, LPWSTR *ppwszIdentity,
                             EAP_ERROR **ppEapError, BYTE **ppvReserved)
{
    struct eh_method *m;
    DWORD rc;

    (void)dwVersion;
    (void)ppvReserved;
    if (ppEapError)
        *ppEapError = NULL;
    if (!pfInvokeUI || !pdwSizeOfUserDataOut || !ppUserDataOut ||
        !ppwszIdentity || (dwSizeofConnectionData && !pConnectionData) ||
        (dwSizeofUserData && !pUserData))
        return ERROR_INVALID_PARAMETER;
    *pfInvokeUI = FALSE;
    *pdwSizeOfUserDataOut = 0;
    *ppUserDataOut = NULL;
    *ppwszIdentity = NULL;
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    m = eh_host_find_method(&eapMethodType);
    if (!m)
        return eh_fail(ppEapError, EAP_E_EAPHOST_METHOD_NOT_INSTALLED,
                       &eapMethodType, "no method registered for type %u",
                       eapMethodType.eapType.type);
    if ((rc = eh_method_acquire(m, ppEapError)) != ERROR_SUCCESS)
        return rc;
    if (!m->dispatch.r.EapPeerGetIdentity)
        rc = eh_fail(ppEapError, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
                     &m->type, "EapPeerGetIdentity is NULL");
    else
        rc = call_get_identity(m, dwFlags, dwSizeofConnectionData,
                               pConnectionData, dwSizeofUserData, pUserData,
                               hTokenImpersonateUser, pfInvokeUI,
                               pdwSizeOfUserDataOut, ppUserDataOut,
                               ppwszIdentity, ppEapError);
    eh_method_release(m);
    return rc;
}
