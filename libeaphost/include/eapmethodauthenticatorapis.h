/*
 * eapmethodauthenticatorapis.h - the functions an authenticator (server
 * side) method library exports, and its registry value names.
 *
 * EapMethodAuthenticatorGetInfo, EapMethodAuthenticatorFreeMemory and
 * EapMethodAuthenticatorFreeErrorMemory are the exports a host resolves;
 * the session routines reach it through EAP_AUTHENTICATOR_METHOD_ROUTINES
 * (eapauthenticatortypes.h).  Windows has no public host for this side;
 * libeaphost provides its own so that the two halves of a method can run
 * against each other.
 *
 * The SDK's exported EapMethodAuthenticatorBeginSession takes an initial
 * packet id (bInitialId) that the routines-table member of the same name
 * does not.  Both are reproduced as the SDK has them; a host only ever
 * calls the table member, and a method that fills the table with its own
 * functions is best off giving them names of its own.
 */
#ifndef EAPHOST_EAPMETHODAUTHENTICATORAPIS_H
#define EAPHOST_EAPMETHODAUTHENTICATORAPIS_H

#include <eaptypes.h>
#include <eapmethodtypes.h>
#include <eapauthenticatortypes.h>
#include <eapauthenticatoractiondefine.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- registry: same key as the peer half (see eapmethodpeerapis.h) ------ */

#ifndef EAP_REGISTRY_LOCATION
#define EAP_REGISTRY_LOCATION EAPHOST_WIDE("System\\CurrentControlSet\\Services\\EapHost\\Methods")
#endif

#define EAP_AUTHENTICATOR_VALUENAME_DLL_PATH      EAPHOST_WIDE("AuthenticatorDllPath")
#define EAP_AUTHENTICATOR_VALUENAME_FRIENDLY_NAME EAPHOST_WIDE("AuthenticatorFriendlyName")
#define EAP_AUTHENTICATOR_VALUENAME_PROPERTIES    EAPHOST_WIDE("Properties")
#define EAP_AUTHENTICATOR_VALUENAME_CONFIGUI      EAPHOST_WIDE("AuthenticatorConfigUIPath")

/* ---- exports ---------------------------------------------------------------- */

void WINAPI EapMethodAuthenticatorFreeErrorMemory(_In_ EAP_ERROR *pEapError);

void WINAPI EapMethodAuthenticatorFreeMemory(_In_ void *pUIContextData);

DWORD EapMethodAuthenticatorGetInfo(
    _In_ EAP_METHOD_TYPE *pEapType,
    _Out_ EAP_AUTHENTICATOR_METHOD_ROUTINES *pEapInfo,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD EapMethodAuthenticatorInitialize(
    _In_ EAP_METHOD_TYPE *pEapType,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD EapMethodAuthenticatorBeginSession(
    _In_ DWORD dwFlags,
    _In_ BYTE bInitialId,
    _In_ LPCWSTR pwszIdentity,
    _In_ const EapAttributes *const pAttributeArray,
    _In_ DWORD dwSizeofConnectionData,
    _In_reads_(dwSizeofConnectionData) const BYTE *const pConnectionData,
    _In_ DWORD dwMaxSendPacketSize,
    _Out_ EAP_SESSION_HANDLE *pSessionHandle,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD EapMethodAuthenticatorUpdateInnerMethodParams(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _In_ DWORD dwFlags,
    _In_ LPCWSTR pwszIdentity,
    _In_ const EapAttributes *const pAttributeArray,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD EapMethodAuthenticatorReceivePacket(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _In_ DWORD cbReceivePacket,
    _In_reads_bytes_(cbReceivePacket) const EapPacket *const pReceivePacket,
    _Out_ EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION *pEapOutput,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD EapMethodAuthenticatorSendPacket(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _In_ BYTE bPacketId,
    _Inout_ DWORD *pcbSendPacket,
    _Inout_ EapPacket *pSendPacket,
    _Out_ EAP_AUTHENTICATOR_SEND_TIMEOUT *pTimeout,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD EapMethodAuthenticatorGetAttributes(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _Out_ EapAttributes *pAttribs,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD EapMethodAuthenticatorSetAttributes(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _In_ const EapAttributes *const pAttribs,
    _Out_ EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION *pEapOutput,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD EapMethodAuthenticatorGetResult(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _Out_ EAP_METHOD_AUTHENTICATOR_RESULT *pResult,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD EapMethodAuthenticatorEndSession(
    _In_ EAP_SESSION_HANDLE sessionHandle,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD EapMethodAuthenticatorShutdown(
    _In_ EAP_METHOD_TYPE *pEapType,
    _Outptr_ EAP_ERROR **ppEapError);

/* ---- configuration ---------------------------------------------------------- */

#define EAP_METHOD_AUTHENTICATOR_CONFIG_IS_IDENTITY_PRIVACY 0x1

DWORD WINAPI EapMethodAuthenticatorInvokeConfigUI(
    _In_ EAP_METHOD_TYPE *pEapMethodType,
    _In_ HWND hwndParent,
    _In_ DWORD dwFlags,
    _In_ LPCWSTR pwszMachineName,
    _In_ DWORD dwSizeOfConfigIn,
    _In_reads_(dwSizeOfConfigIn) BYTE *pConfigIn,
    _Out_ DWORD *pdwSizeOfConfigOut,
    _Outptr_result_buffer_(*pdwSizeOfConfigOut) BYTE **ppConfigOut,
    _Outptr_ EAP_ERROR **ppEapError);

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_EAPMETHODAUTHENTICATORAPIS_H */
