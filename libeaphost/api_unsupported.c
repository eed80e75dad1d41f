/*
 * api_unsupported.c - configuration calls that need Windows: MSXML
 * documents or windows on a desktop.  They are declared so that callers
 * compile, and answer EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED with a
 * reason, never a silent success.
 */
#include "internal.h"

#define NO_XML "MSXML documents do not exist in this host"
#define NO_UI "this host is headless: no window can be shown"

/* @args_ok: every required pointer was given. */
static DWORD unsupported(EAP_ERROR **err, bool args_ok, const char *why)
{
    if (err)
        *err = NULL;
    if (!args_ok)
        return ERROR_INVALID_PARAMETER;
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    return eh_fail(err, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED, NULL,
                   "%s", why);
}

static void zero_out(DWORD *size, BYTE **data)
{
    if (size)
        *size = 0;
    if (data)
        *data = NULL;
}

DWORD EapHostPeerConfigXml2Blob(DWORD dwFlags, IXMLDOMNode *pConfigDoc,
                                DWORD *pdwSizeOfConfigOut, BYTE **ppConfigOut,
                                EAP_METHOD_TYPE *pEapMethodType,
                                EAP_ERROR **ppEapError)
{
    (void)dwFlags;
    (void)pConfigDoc;
    (void)pEapMethodType;
    zero_out(pdwSizeOfConfigOut, ppConfigOut);
    return unsupported(ppEapError, pConfigDoc && pdwSizeOfConfigOut &&
                       ppConfigOut && pEapMethodType, NO_XML);
}

DWORD EapHostPeerCredentialsXml2Blob(DWORD dwFlags,
                                     IXMLDOMNode *pCredentialsDoc,
                                     DWORD dwSizeOfConfigIn, BYTE *pConfigIn,
                                     DWORD *pdwSizeOfCredentialsOut,
                                     BYTE **ppCredentialsOut,
                                     EAP_METHOD_TYPE *pEapMethodType,
                                     EAP_ERROR **ppEapError)
{
    (void)dwFlags;
    (void)pCredentialsDoc;
    (void)dwSizeOfConfigIn;
    (void)pConfigIn;
    (void)pEapMethodType;
    zero_out(pdwSizeOfCredentialsOut, ppCredentialsOut);
    return unsupported(ppEapError, pCredentialsDoc && pdwSizeOfCredentialsOut &&
                       ppCredentialsOut && pEapMethodType, NO_XML);
}

DWORD EapHostPeerConfigBlob2Xml(DWORD dwFlags, EAP_METHOD_TYPE eapMethodType,
                                DWORD dwSizeOfConfigIn, BYTE *pConfigIn,
                                IXMLDOMDocument2 **ppConfigDoc,
                                EAP_ERROR **ppEapError)
{
    (void)dwFlags;
    (void)eapMethodType;
    (void)dwSizeOfConfigIn;
    (void)pConfigIn;
    if (ppConfigDoc)
        *ppConfigDoc = NULL;
    return unsupported(ppEapError, ppConfigDoc != NULL, NO_XML);
}

DWORD EapHostPeerInvokeConfigUI(HWND hwndParent, DWORD dwFlags,
                                EAP_METHOD_TYPE eapMethodType,
                                DWORD dwSizeOfConfigIn, const BYTE *pConfigIn,
                                DWORD *pdwSizeOfConfigOut, BYTE **ppConfigOut,
                                EAP_ERROR **ppEapError)
{
    (void)hwndParent;
    (void)dwFlags;
    (void)eapMethodType;
    (void)dwSizeOfConfigIn;
    (void)pConfigIn;
    zero_out(pdwSizeOfConfigOut, ppConfigOut);
    return unsupported(ppEapError, pdwSizeOfConfigOut && ppConfigOut, NO_UI);
}

DWORD EapHostPeerInvokeIdentityUI(DWORD dwVersion, EAP_METHOD_TYPE eapMethodType,
                                  DWORD dwFlags, HWND hwndParent,
                                  DWORD dwSizeofConnectionData,
                                  const BYTE *pConnectionData,
                                  DWORD dwSizeofUserData,
                                  const BYTE *pUserData,
                                  DWORD *pdwSizeOfUserDataOut,
                                  BYTE **ppUserDataOut,
                                  LPWSTR *ppwszIdentity,
                                  EAP_ERROR **ppEapError,
                                  LPVOID *ppvReserved)
{
    (void)dwVersion;
    (void)eapMethodType;
    (void)dwFlags;
    (void)hwndParent;
    (void)dwSizeofConnectionData;
    (void)pConnectionData;
    (void)dwSizeofUserData;
    (void)pUserData;
    (void)ppvReserved;
    zero_out(pdwSizeOfUserDataOut, ppUserDataOut);
    if (ppwszIdentity)
        *ppwszIdentity = NULL;
    return unsupported(ppEapError, pdwSizeOfUserDataOut && ppUserDataOut &&
                       ppwszIdentity, NO_UI);
}

DWORD EapHostPeerInvokeInteractiveUI(HWND hwndParent,
                                     DWORD dwSizeofUIContextData,
                                     const BYTE *pUIContextData,
                                     DWORD *pdwSizeOfDataFromInteractiveUI,
                                     BYTE **ppDataFromInteractiveUI,
                                     EAP_ERROR **ppEapError)
{
    (void)hwndParent;
    (void)dwSizeofUIContextData;
    (void)pUIContextData;
    zero_out(pdwSizeOfDataFromInteractiveUI, ppDataFromInteractiveUI);
    return unsupported(ppEapError, pdwSizeOfDataFromInteractiveUI &&
                       ppDataFromInteractiveUI, NO_UI);
}

DWORD EapHostPeerQueryInteractiveUIInputFields(
    DWORD dwVersion, DWORD dwFlags, DWORD dwSizeofUIContextData,
    const BYTE *pUIContextData, EAP_INTERACTIVE_UI_DATA *pEapInteractiveUIData,
    EAP_ERROR **ppEapError, LPVOID *ppvReserved)
{
    (void)dwVersion;
    (void)dwFlags;
    (void)dwSizeofUIContextData;
    (void)pUIContextData;
    (void)ppvReserved;
    return unsupported(ppEapError, pEapInteractiveUIData != NULL, NO_UI);
}

DWORD EapHostPeerQueryUIBlobFromInteractiveUIInputFields(
    DWORD dwVersion, DWORD dwFlags, DWORD dwSizeofUIContextData,
    const BYTE *pUIContextData,
    const EAP_INTERACTIVE_UI_DATA *pEapInteractiveUIData,
    DWORD *pdwSizeOfDataFromInteractiveUI, BYTE **ppDataFromInteractiveUI,
    EAP_ERROR **ppEapError, LPVOID *ppvReserved)
{
    (void)dwVersion;
    (void)dwFlags;
    (void)dwSizeofUIContextData;
    (void)pUIContextData;
    (void)ppvReserved;
    zero_out(pdwSizeOfDataFromInteractiveUI, ppDataFromInteractiveUI);
    return unsupported(ppEapError, pEapInteractiveUIData &&
                       pdwSizeOfDataFromInteractiveUI &&
                       ppDataFromInteractiveUI, NO_UI);
}

DWORD EapHostPeerGetEncryptedPassword(DWORD dwSizeofPassword,
                                      LPWSTR szPassword,
                                      LPWSTR *ppszEncPassword)
{
    (void)dwSizeofPassword;
    if (ppszEncPassword)
        *ppszEncPassword = NULL;
    if (!ppszEncPassword || !szPassword)
        return ERROR_INVALID_PARAMETER;
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    /* Windows encrypts with DPAPI, which has no POSIX counterpart. */
    return ERROR_NOT_SUPPORTED;
}

DWORD EapHostPeerGetDataToUnplumbCredentials(
    GUID *pConnectionIdThatLastSavedCreds,
    LONG_PTR *phCredentialImpersonationToken, EAP_SESSIONID sessionHandle,
    EAP_ERROR **ppEapError, BOOL *fSaveToCredMan)
{
    struct eh_session *s;
    DWORD rc;

    if (ppEapError)
        *ppEapError = NULL;
    if (phCredentialImpersonationToken)
        *phCredentialImpersonationToken = 0;
    if (fSaveToCredMan)
        *fSaveToCredMan = FALSE;
    if (!pConnectionIdThatLastSavedCreds || !phCredentialImpersonationToken ||
        !fSaveToCredMan)
        return ERROR_INVALID_PARAMETER;
    if ((rc = eh_session_enter_checked(sessionHandle, &s)) != ERROR_SUCCESS)
        return rc;
    eh_session_leave(s);
    /* Credential Manager and logon tokens do not exist here. */
    return eh_fail(ppEapError, ERROR_NOT_SUPPORTED, NULL,
                   "Credential Manager does not exist in this host");
}
