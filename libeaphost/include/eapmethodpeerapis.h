/*
 * eapmethodpeerapis.h - the functions a peer method library exports, and
 * the registry value names that describe it.
 *
 * A method implements these; the host calls them.  EapPeerGetInfo,
 * EapPeerFreeMemory and EapPeerFreeErrorMemory are the required exports;
 * the session routines reach the host through the EAP_PEER_METHOD_ROUTINES
 * table (declared in eapmethodtypes.h, included here); the configuration,
 * credential and UI functions are optional exports.  Prototypes, parameter
 * types and const qualifiers follow the current Windows SDK, so a method
 * written against it compiles here unchanged.
 *
 * Registry: on POSIX the registry key of a method is a JSON file whose keys
 * are the value names below (see the project README).
 */
#ifndef EAPHOST_EAPMETHODPEERAPIS_H
#define EAPHOST_EAPMETHODPEERAPIS_H

#include <eaptypes.h>
#include <eapmethodtypes.h>
#include <eapauthenticatoractiondefine.h>

/*
 * MSXML interfaces taken by the XML conversion functions.  Only pointers
 * to them cross this API; the guards are the ones msxml headers use, so a
 * compatibility msxml header can define the interfaces fully.
 */
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

/* ---- registry: HKLM\<EAP_REGISTRY_LOCATION>\<AuthorId>\<TypeId> --------- */
/* (expanded types: ...\<AuthorId>\254\<VendorId>\<VendorType>)           */

#ifndef EAP_REGISTRY_LOCATION
#define EAP_REGISTRY_LOCATION EAPHOST_WIDE("System\\CurrentControlSet\\Services\\EapHost\\Methods")
#endif

#define EAP_PEER_VALUENAME_DLL_PATH         EAPHOST_WIDE("PeerDllPath")
#define EAP_PEER_VALUENAME_FRIENDLY_NAME    EAPHOST_WIDE("PeerFriendlyName")
#define EAP_PEER_VALUENAME_CONFIGUI         EAPHOST_WIDE("PeerConfigUIPath")
#define EAP_PEER_VALUENAME_REQUIRE_CONFIGUI EAPHOST_WIDE("PeerRequireConfigUI")
#define EAP_PEER_VALUENAME_IDENTITY         EAPHOST_WIDE("PeerIdentityPath")
#define EAP_PEER_VALUENAME_INTERACTIVEUI    EAPHOST_WIDE("PeerInteractiveUIPath")
#define EAP_PEER_VALUENAME_INVOKE_NAMEDLG   EAPHOST_WIDE("PeerInvokeUsernameDialog")
#define EAP_PEER_VALUENAME_INVOKE_PWDDLG    EAPHOST_WIDE("PeerInvokePasswordDialog")
#define EAP_PEER_VALUENAME_PROPERTIES       EAPHOST_WIDE("Properties")

/* ---- required exports ------------------------------------------------------- */

/* Releases an EAP_ERROR the method returned from any of its functions. */
VOID WINAPI EapPeerFreeErrorMemory(_In_ EAP_ERROR *pEapError);

/*
 * Fills @pEapInfo with the method's routines.  The method checks that
 * @pEapType is the type it implements.
 */
DWORD WINAPI EapPeerGetInfo(
    _In_ EAP_TYPE *pEapType,
    _Out_ EAP_PEER_METHOD_ROUTINES *pEapInfo,
    _Out_opt_ EAP_ERROR **ppEapError);

/* Releases memory the method returned from its configuration, identity
 * and UI functions. */
VOID WINAPI EapPeerFreeMemory(_In_ void *pUIContextData);

/* ---- session routines (normally reached through the routines table) ----- */

DWORD WINAPI EapPeerInitialize(_Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerGetIdentity(
    _In_ DWORD dwFlags,
    _In_ DWORD dwSizeofConnectionData,
    _In_reads_(dwSizeofConnectionData) const BYTE *pConnectionData,
    _In_ DWORD dwSizeofUserData,
    _In_reads_(dwSizeofUserData) const BYTE *pUserData,
    _In_ HANDLE hTokenImpersonateUser,
    _Out_ BOOL *pfInvokeUI,
    _Out_ DWORD *pdwSizeOfUserDataOut,
    _Outptr_result_buffer_(*pdwSizeOfUserDataOut) BYTE **ppUserDataOut,
    _Out_ LPWSTR *ppwszIdentity,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerBeginSession(
    _In_ DWORD dwFlags,
    _In_ const EapAttributes *const pAttributeArray,
    _In_ HANDLE hTokenImpersonateUser,
    _In_ DWORD dwSizeofConnectionData,
    _In_reads_(dwSizeofConnectionData) BYTE *pConnectionData,
    _In_ DWORD dwSizeofUserData,
    _In_reads_(dwSizeofUserData) BYTE *pUserData,
    _In_ DWORD dwMaxSendPacketSize,
    _Out_ EAP_SESSION_HANDLE *pSessionHandle,
    _Outptr_ EAP_ERROR **ppEapError);

/*
 * Called instead of EapPeerGetIdentity for methods registered with
 * PeerInvokeUsernameDialog / PeerInvokePasswordDialog.
 */
DWORD WINAPI EapPeerSetCredentials(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _In_ LPWSTR pwszIdentity,
    _In_ LPWSTR pwszPassword,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerProcessRequestPacket(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _In_ DWORD cbReceivedPacket,
    _In_reads_bytes_(cbReceivedPacket) EapPacket *pReceivedPacket,
    _Out_ EapPeerMethodOutput *pEapOutput,
    _Outptr_ EAP_ERROR **ppEapError);

/* *pcbSendPacket: buffer size on entry, packet size on return. */
DWORD WINAPI EapPeerGetResponsePacket(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _Inout_ DWORD *pcbSendPacket,
    _Inout_ EapPacket *pSendPacket,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerGetResult(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _In_ EapPeerMethodResultReason reason,
    _Out_ EapPeerMethodResult *pResult,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerGetUIContext(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _Out_ DWORD *pdwSizeOfUIContextData,
    _Outptr_result_buffer_(*pdwSizeOfUIContextData) BYTE **ppUIContextData,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerSetUIContext(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _In_ DWORD dwSizeOfUIContextData,
    _In_reads_(dwSizeOfUIContextData) const BYTE *pUIContextData,
    _Out_ EapPeerMethodOutput *pEapOutput,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerGetResponseAttributes(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _Out_ EapAttributes *pAttribs,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerSetResponseAttributes(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _In_ EapAttributes *pAttribs,
    _Out_ EapPeerMethodOutput *pEapOutput,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerEndSession(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerShutdown(_Outptr_ EAP_ERROR **ppEapError);

/* ---- optional exports: configuration, identity and interactive UI ------ */

DWORD WINAPI EapPeerInvokeConfigUI(
    _In_ EAP_METHOD_TYPE *pEapType,
    _In_ HWND hwndParent,
    _In_ DWORD dwFlags,
    _In_ DWORD dwSizeOfConnectionDataIn,
    _In_reads_(dwSizeOfConnectionDataIn) BYTE *pConnectionDataIn,
    _Out_ DWORD *dwSizeOfConnectionDataOut,
    _Outptr_result_buffer_(*dwSizeOfConnectionDataOut) BYTE **ppConnectionDataOut,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerInvokeInteractiveUI(
    _In_ EAP_METHOD_TYPE *pEapType,
    _In_ HWND hwndParent,
    _In_ DWORD dwSizeofUIContextData,
    _In_reads_(dwSizeofUIContextData) BYTE *pUIContextData,
    _Out_ DWORD *pdwSizeOfDataFromInteractiveUI,
    _Outptr_result_buffer_(*pdwSizeOfDataFromInteractiveUI) BYTE **ppDataFromInteractiveUI,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerInvokeIdentityUI(
    _In_ EAP_METHOD_TYPE *pEapType,
    _In_ DWORD dwFlags,
    _In_ HWND hwndParent,
    _In_ DWORD dwSizeOfConnectionData,
    _In_reads_(dwSizeOfConnectionData) const BYTE *pConnectionData,
    _In_ DWORD dwSizeOfUserData,
    _In_reads_(dwSizeOfUserData) const BYTE *pUserData,
    _Out_ DWORD *pdwSizeOfUserDataOut,
    _Outptr_result_buffer_(*pdwSizeOfUserDataOut) BYTE **ppUserDataOut,
    _Out_ LPWSTR *ppwszIdentity,
    _Outptr_ EAP_ERROR **ppEapError);

/* The credential fields the supplicant should collect (no UI raised). */
DWORD WINAPI EapPeerQueryCredentialInputFields(
    _In_ HANDLE hUserImpersonationToken,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_ DWORD dwFlags,
    _In_ DWORD dwEapConnDataSize,
    _In_reads_(dwEapConnDataSize) BYTE *pbEapConnData,
    _Out_ EAP_CONFIG_INPUT_FIELD_ARRAY *pEapConfigFieldsArray,
    _Outptr_ EAP_ERROR **ppEapError);

/* The user data blob built from the fields the supplicant filled in. */
DWORD WINAPI EapPeerQueryUserBlobFromCredentialInputFields(
    _In_ HANDLE hUserImpersonationToken,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_ DWORD dwFlags,
    _In_ DWORD dwEapConnDataSize,
    _In_reads_(dwEapConnDataSize) BYTE *pbEapConnData,
    _In_ const EAP_CONFIG_INPUT_FIELD_ARRAY *pEapConfigInputFieldArray,
    _Inout_ DWORD *pdwUserBlobSize,
    _Inout_ BYTE **ppUserBlob,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerQueryInteractiveUIInputFields(
    _In_ DWORD dwVersion,
    _In_ DWORD dwFlags,
    _In_ DWORD dwSizeofUIContextData,
    _In_reads_(dwSizeofUIContextData) const BYTE *pUIContextData,
    _Out_ EAP_INTERACTIVE_UI_DATA *pEapInteractiveUIData,
    _Outptr_ EAP_ERROR **ppEapError,
    _Inout_ LPVOID *ppvReserved);

DWORD WINAPI EapPeerQueryUIBlobFromInteractiveUIInputFields(
    _In_ DWORD dwVersion,
    _In_ DWORD dwFlags,
    _In_ DWORD dwSizeofUIContextData,
    _In_reads_(dwSizeofUIContextData) const BYTE *pUIContextData,
    _In_ const EAP_INTERACTIVE_UI_DATA *pEapInteractiveUIData,
    _Out_ DWORD *pdwSizeOfDataFromInteractiveUI,
    _Outptr_result_buffer_(*pdwSizeOfDataFromInteractiveUI) BYTE **ppDataFromInteractiveUI,
    _Outptr_ EAP_ERROR **ppEapError,
    _Inout_ LPVOID *ppvReserved);

/* ---- optional exports: XML configuration (MSXML objects) -------------- */

DWORD WINAPI EapPeerConfigXml2Blob(
    _In_ DWORD dwFlags,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_ IXMLDOMDocument2 *pConfigDoc,
    _Outptr_result_buffer_(*pdwSizeOfConfigOut) BYTE **ppConfigOut,
    _Out_ DWORD *pdwSizeOfConfigOut,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerCredentialsXml2Blob(
    _In_ DWORD dwFlags,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_ IXMLDOMDocument2 *pCredentialsDoc,
    _In_reads_(dwSizeOfConfigIn) const BYTE *pConfigIn,
    _In_ DWORD dwSizeOfConfigIn,
    _Outptr_result_buffer_(*pdwSizeOfCredentialsOut) BYTE **ppCredentialsOut,
    _Out_ DWORD *pdwSizeOfCredentialsOut,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerConfigBlob2Xml(
    _In_ DWORD dwFlags,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_reads_(dwSizeOfConfigIn) const BYTE *pConfigIn,
    _In_ DWORD dwSizeOfConfigIn,
    _COM_Outptr_ IXMLDOMDocument2 **ppConfigDoc,
    _Outptr_ EAP_ERROR **ppEapError);

/* ---- optional exports: properties and provisioning -------------------- */

DWORD WINAPI EapPeerGetMethodProperties(
    _In_ DWORD dwVersion,
    _In_ DWORD dwFlags,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_ HANDLE hUserImpersonationToken,
    _In_ DWORD dwSizeOfConnectionDataIn,
    _In_reads_(dwSizeOfConnectionDataIn) const BYTE *pConnectionDataIn,
    _In_ DWORD dwSizeOfUserDataIn,
    _In_reads_(dwSizeOfUserDataIn) const BYTE *pUserDataIn,
    _Out_ EAP_METHOD_PROPERTY_ARRAY *pMethodPropertyArray,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD WINAPI EapPeerGetConfigBlobAndUserBlob(
    _In_ DWORD dwFlags,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_ EapCredential eapCredential,
    _Out_ DWORD *pdwConfigBlobSize,
    _Outptr_result_buffer_(*pdwConfigBlobSize) BYTE **ppConfigBlob,
    _Out_ DWORD *pdwUserBlobSize,
    _Outptr_result_buffer_(*pdwUserBlobSize) BYTE **ppUserBlob,
    _Outptr_ EAP_ERROR **ppEapError);

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_EAPMETHODPEERAPIS_H */
