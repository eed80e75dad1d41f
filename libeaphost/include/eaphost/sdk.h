/*
 * eaphost/sdk.h - every Windows SDK-named EAPHost header at once, plus the
 * emulator's own names for the functions a host resolves in a method
 * library.
 *
 * For the emulator's sources and tools.  Method and supplicant sources
 * written for Windows include the SDK-named headers directly.
 */
#ifndef EAPHOST_SDK_H
#define EAPHOST_SDK_H

#include <eaphost/wintypes.h>

#include <eaptypes.h>
#include <eaphosterror.h>
#include <eapmethodtypes.h>
#include <eapauthenticatoractiondefine.h>
#include <eapmethodpeerapis.h>
#include <eapauthenticatortypes.h>
#include <eapmethodauthenticatorapis.h>
#include <eaphostpeertypes.h>
#include <eappapis.h>
#include <eaphostpeerconfigapis.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Pointer types of the exports of a method library, named after the
 * export: eaphost_<export>_fn.  Each matches the SDK prototype of the
 * function (eaphost/abi_checks.h verifies that).
 */

/* DllMain(hinstDLL, reason, reserved); FALSE from ATTACH refuses the load. */
#define EAPHOST_DLL_PROCESS_DETACH 0
#define EAPHOST_DLL_PROCESS_ATTACH 1
typedef BOOL (WINAPI *eaphost_dll_main_fn)(HANDLE hinstDLL, DWORD fdwReason,
                                           LPVOID lpvReserved);

/* Peer method: required exports. */
typedef DWORD (WINAPI *eaphost_peer_get_info_fn)(
    EAP_TYPE *pEapType, EAP_PEER_METHOD_ROUTINES *pEapInfo,
    EAP_ERROR **ppEapError);
typedef VOID (WINAPI *eaphost_peer_free_memory_fn)(void *pUIContextData);
typedef VOID (WINAPI *eaphost_peer_free_error_memory_fn)(EAP_ERROR *pEapError);

/* Peer method: optional exports. */
typedef DWORD (WINAPI *eaphost_peer_invoke_config_ui_fn)(
    EAP_METHOD_TYPE *pEapType, HWND hwndParent, DWORD dwFlags,
    DWORD dwSizeOfConnectionDataIn, BYTE *pConnectionDataIn,
    DWORD *dwSizeOfConnectionDataOut, BYTE **ppConnectionDataOut,
    EAP_ERROR **ppEapError);
typedef DWORD (WINAPI *eaphost_peer_invoke_interactive_ui_fn)(
    EAP_METHOD_TYPE *pEapType, HWND hwndParent, DWORD dwSizeofUIContextData,
    BYTE *pUIContextData, DWORD *pdwSizeOfDataFromInteractiveUI,
    BYTE **ppDataFromInteractiveUI, EAP_ERROR **ppEapError);
typedef DWORD (WINAPI *eaphost_peer_invoke_identity_ui_fn)(
    EAP_METHOD_TYPE *pEapType, DWORD dwFlags, HWND hwndParent,
    DWORD dwSizeOfConnectionData, const BYTE *pConnectionData,
    DWORD dwSizeOfUserData, const BYTE *pUserData,
    DWORD *pdwSizeOfUserDataOut, BYTE **ppUserDataOut,
    LPWSTR *ppwszIdentity, EAP_ERROR **ppEapError);
typedef DWORD (WINAPI *eaphost_peer_query_credential_input_fields_fn)(
    HANDLE hUserImpersonationToken, EAP_METHOD_TYPE eapMethodType,
    DWORD dwFlags, DWORD dwEapConnDataSize, BYTE *pbEapConnData,
    EAP_CONFIG_INPUT_FIELD_ARRAY *pEapConfigFieldsArray,
    EAP_ERROR **ppEapError);
typedef DWORD (WINAPI *eaphost_peer_query_user_blob_from_credential_input_fields_fn)(
    HANDLE hUserImpersonationToken, EAP_METHOD_TYPE eapMethodType,
    DWORD dwFlags, DWORD dwEapConnDataSize, BYTE *pbEapConnData,
    const EAP_CONFIG_INPUT_FIELD_ARRAY *pEapConfigInputFieldArray,
    DWORD *pdwUserBlobSize, BYTE **ppUserBlob, EAP_ERROR **ppEapError);
typedef DWORD (WINAPI *eaphost_peer_query_interactive_ui_input_fields_fn)(
    DWORD dwVersion, DWORD dwFlags, DWORD dwSizeofUIContextData,
    const BYTE *pUIContextData, EAP_INTERACTIVE_UI_DATA *pEapInteractiveUIData,
    EAP_ERROR **ppEapError, LPVOID *ppvReserved);
typedef DWORD (WINAPI *eaphost_peer_query_ui_blob_from_interactive_ui_input_fields_fn)(
    DWORD dwVersion, DWORD dwFlags, DWORD dwSizeofUIContextData,
    const BYTE *pUIContextData,
    const EAP_INTERACTIVE_UI_DATA *pEapInteractiveUIData,
    DWORD *pdwSizeOfDataFromInteractiveUI, BYTE **ppDataFromInteractiveUI,
    EAP_ERROR **ppEapError, LPVOID *ppvReserved);
typedef DWORD (WINAPI *eaphost_peer_config_xml2blob_fn)(
    DWORD dwFlags, EAP_METHOD_TYPE eapMethodType, IXMLDOMDocument2 *pConfigDoc,
    BYTE **ppConfigOut, DWORD *pdwSizeOfConfigOut, EAP_ERROR **ppEapError);
typedef DWORD (WINAPI *eaphost_peer_credentials_xml2blob_fn)(
    DWORD dwFlags, EAP_METHOD_TYPE eapMethodType,
    IXMLDOMDocument2 *pCredentialsDoc, const BYTE *pConfigIn,
    DWORD dwSizeOfConfigIn, BYTE **ppCredentialsOut,
    DWORD *pdwSizeOfCredentialsOut, EAP_ERROR **ppEapError);
typedef DWORD (WINAPI *eaphost_peer_config_blob2xml_fn)(
    DWORD dwFlags, EAP_METHOD_TYPE eapMethodType, const BYTE *pConfigIn,
    DWORD dwSizeOfConfigIn, IXMLDOMDocument2 **ppConfigDoc,
    EAP_ERROR **ppEapError);
typedef DWORD (WINAPI *eaphost_peer_get_method_properties_fn)(
    DWORD dwVersion, DWORD dwFlags, EAP_METHOD_TYPE eapMethodType,
    HANDLE hUserImpersonationToken, DWORD dwSizeOfConnectionDataIn,
    const BYTE *pConnectionDataIn, DWORD dwSizeOfUserDataIn,
    const BYTE *pUserDataIn, EAP_METHOD_PROPERTY_ARRAY *pMethodPropertyArray,
    EAP_ERROR **ppEapError);
typedef DWORD (WINAPI *eaphost_peer_get_config_blob_and_user_blob_fn)(
    DWORD dwFlags, EAP_METHOD_TYPE eapMethodType, EapCredential eapCredential,
    DWORD *pdwConfigBlobSize, BYTE **ppConfigBlob, DWORD *pdwUserBlobSize,
    BYTE **ppUserBlob, EAP_ERROR **ppEapError);

/* Authenticator method: required exports. */
typedef DWORD (*eaphost_authenticator_get_info_fn)(
    EAP_METHOD_TYPE *pEapType, EAP_AUTHENTICATOR_METHOD_ROUTINES *pEapInfo,
    EAP_ERROR **ppEapError);
typedef void (WINAPI *eaphost_authenticator_free_memory_fn)(void *pUIContextData);
typedef void (WINAPI *eaphost_authenticator_free_error_memory_fn)(EAP_ERROR *pEapError);

/* Authenticator method: optional export. */
typedef DWORD (WINAPI *eaphost_authenticator_invoke_config_ui_fn)(
    EAP_METHOD_TYPE *pEapMethodType, HWND hwndParent, DWORD dwFlags,
    LPCWSTR pwszMachineName, DWORD dwSizeOfConfigIn, BYTE *pConfigIn,
    DWORD *pdwSizeOfConfigOut, BYTE **ppConfigOut, EAP_ERROR **ppEapError);

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_SDK_H */
