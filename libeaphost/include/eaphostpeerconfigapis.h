/*
 * eaphostpeerconfigapis.h - the supplicant's configuration API: installed
 * methods, their properties, credential fields and blobs.
 *
 * Output buffers are freed with EapHostPeerFreeMemory (innermost pointers
 * first), errors with EapHostPeerFreeErrorMemory.  libeaphost forwards the
 * credential-field, interactive-field and EapHostPeerInvokeInteractiveUI
 * calls to the method's exports of the same purpose and never opens a
 * window itself.  The MSXML-based functions (ConfigXml2Blob,
 * CredentialsXml2Blob, ConfigBlob2Xml) and InvokeConfigUI / InvokeIdentityUI
 * are declared for source compatibility and answer
 * EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED.
 */
#ifndef EAPHOST_EAPHOSTPEERCONFIGAPIS_H
#define EAPHOST_EAPHOSTPEERCONFIGAPIS_H

#include <eaptypes.h>

/* MSXML interfaces: pointers only (see eapmethodpeerapis.h). */
#ifndef __IXMLDOMNode_FWD_DEFINED__
#define __IXMLDOMNode_FWD_DEFINED__
typedef struct IXMLDOMNode IXMLDOMNode;
#endif
#ifndef __IXMLDOMDocument2_FWD_DEFINED__
#define __IXMLDOMDocument2_FWD_DEFINED__
typedef struct IXMLDOMDocument2 IXMLDOMDocument2;
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Every installed method (registry entries with a peer half). */
DWORD WINAPI EapHostPeerGetMethods(
    _Out_ EAP_METHOD_INFO_ARRAY *pEapMethodInfoArray,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapHostPeerGetMethodProperties(
    _In_ DWORD dwVersion,
    _In_ DWORD dwFlags,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_ HANDLE hUserImpersonationToken,
    _In_ DWORD dwEapConnDataSize,
    _In_reads_(dwEapConnDataSize) const BYTE *pbEapConnData,
    _In_ DWORD dwUserDataSize,
    _In_reads_(dwUserDataSize) const BYTE *pbUserData,
    _Out_ EAP_METHOD_PROPERTY_ARRAY *pMethodPropertyArray,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapHostPeerInvokeConfigUI(
    _In_ HWND hwndParent,
    _In_ DWORD dwFlags,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_ DWORD dwSizeOfConfigIn,
    _In_reads_opt_(dwSizeOfConfigIn) const BYTE *pConfigIn,
    _Out_ DWORD *pdwSizeOfConfigOut,
    _Outptr_result_buffer_(*pdwSizeOfConfigOut) BYTE **ppConfigOut,
    _Outptr_ EAP_ERROR **ppEapError);

/* The credential fields the supplicant should collect for this method. */
DWORD WINAPI EapHostPeerQueryCredentialInputFields(
    _In_ HANDLE hUserImpersonationToken,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_ DWORD dwFlags,
    _In_ DWORD dwEapConnDataSize,
    _In_reads_(dwEapConnDataSize) const BYTE *pbEapConnData,
    _Out_ EAP_CONFIG_INPUT_FIELD_ARRAY *pEapConfigInputFieldArray,
    _Outptr_ EAP_ERROR **ppEapError);

/* The user data blob for EapHostPeerBeginSession, from the filled fields. */
DWORD WINAPI EapHostPeerQueryUserBlobFromCredentialInputFields(
    _In_ HANDLE hUserImpersonationToken,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_ DWORD dwFlags,
    _In_ DWORD dwEapConnDataSize,
    _In_reads_(dwEapConnDataSize) const BYTE *pbEapConnData,
    _In_ const EAP_CONFIG_INPUT_FIELD_ARRAY *pEapConfigInputFieldArray,
    _Inout_ DWORD *pdwUserBlobSize,
    _Inout_ BYTE **ppbUserBlob,
    _Out_ EAP_ERROR **ppEapError);

DWORD WINAPI EapHostPeerInvokeIdentityUI(
    _In_ DWORD dwVersion,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_ DWORD dwFlags,
    _In_ HWND hwndParent,
    _In_ DWORD dwSizeofConnectionData,
    _In_reads_(dwSizeofConnectionData) const BYTE *pConnectionData,
    _In_ DWORD dwSizeofUserData,
    _In_reads_opt_(dwSizeofUserData) const BYTE *pUserData,
    _Out_ DWORD *pdwSizeOfUserDataOut,
    _Outptr_result_buffer_(*pdwSizeOfUserDataOut) BYTE **ppUserDataOut,
    _Outptr_ LPWSTR *ppwszIdentity,
    _Outptr_ EAP_ERROR **ppEapError,
    _Inout_ LPVOID *ppvReserved);

DWORD WINAPI EapHostPeerInvokeInteractiveUI(
    _In_ HWND hwndParent,
    _In_ DWORD dwSizeofUIContextData,
    _In_reads_opt_(dwSizeofUIContextData) const BYTE *pUIContextData,
    _Out_ DWORD *pdwSizeOfDataFromInteractiveUI,
    _Outptr_result_buffer_(*pdwSizeOfDataFromInteractiveUI) BYTE **ppDataFromInteractiveUI,
    _Outptr_ EAP_ERROR **ppEapError);

/* The fields of the interactive UI the method asks for (no UI raised). */
DWORD WINAPI EapHostPeerQueryInteractiveUIInputFields(
    _In_ DWORD dwVersion,
    _In_ DWORD dwFlags,
    _In_ DWORD dwSizeofUIContextData,
    _In_reads_(dwSizeofUIContextData) const BYTE *pUIContextData,
    _Out_ EAP_INTERACTIVE_UI_DATA *pEapInteractiveUIData,
    _Outptr_ EAP_ERROR **ppEapError,
    _Inout_ LPVOID *ppvReserved);

/* The data for EapHostPeerSetUIContext, from the filled interactive fields. */
DWORD WINAPI EapHostPeerQueryUIBlobFromInteractiveUIInputFields(
    _In_ DWORD dwVersion,
    _In_ DWORD dwFlags,
    _In_ DWORD dwSizeofUIContextData,
    _In_reads_(dwSizeofUIContextData) const BYTE *pUIContextData,
    _In_ const EAP_INTERACTIVE_UI_DATA *pEapInteractiveUIData,
    _Out_ DWORD *pdwSizeOfDataFromInteractiveUI,
    _Outptr_result_buffer_(*pdwSizeOfDataFromInteractiveUI) BYTE **ppDataFromInteractiveUI,
    _Outptr_ EAP_ERROR **ppEapError,
    _Inout_ LPVOID *ppvReserved);

DWORD WINAPI EapHostPeerConfigXml2Blob(
    _In_ DWORD dwFlags,
    _In_ IXMLDOMNode *pConfigDoc,
    _Out_ DWORD *pdwSizeOfConfigOut,
    _Outptr_result_buffer_(*pdwSizeOfConfigOut) BYTE **ppConfigOut,
    _Out_ EAP_METHOD_TYPE *pEapMethodType,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapHostPeerCredentialsXml2Blob(
    _In_ DWORD dwFlags,
    _In_ IXMLDOMNode *pCredentialsDoc,
    _In_ DWORD dwSizeOfConfigIn,
    _In_reads_(dwSizeOfConfigIn) BYTE *pConfigIn,
    _Out_ DWORD *pdwSizeOfCredentialsOut,
    _Outptr_result_buffer_(*pdwSizeOfCredentialsOut) BYTE **ppCredentialsOut,
    _Out_ EAP_METHOD_TYPE *pEapMethodType,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapHostPeerConfigBlob2Xml(
    _In_ DWORD dwFlags,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_ DWORD dwSizeOfConfigIn,
    _In_reads_(dwSizeOfConfigIn) BYTE *pConfigIn,
    _COM_Outptr_ IXMLDOMDocument2 **ppConfigDoc,
    _Outptr_ EAP_ERROR **ppEapError);

/* Releases memory returned by the functions of this header. */
VOID WINAPI EapHostPeerFreeMemory(BYTE *pData);

/* Releases an EAP_ERROR returned by the functions of this header. */
VOID WINAPI EapHostPeerFreeErrorMemory(EAP_ERROR *pEapError);

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_EAPHOSTPEERCONFIGAPIS_H */
