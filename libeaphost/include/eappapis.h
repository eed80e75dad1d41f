/*
 * eappapis.h - the supplicant's run-time API: sessions, packets, results.
 *
 * libeaphost implements all of these.  Every call returns ERROR_SUCCESS or
 * a Win32 / EAPHost error code (eaphosterror.h); where there is an
 * EAP_ERROR ** parameter it receives the details, freed with
 * EapHostPeerFreeEapError.
 *
 * Memory: buffers returned by the session calls belong to the host and stay
 * valid until the next call on the same session; EapHostPeerGetIdentity
 * output is freed with EapHostPeerFreeRuntimeMemory.
 *
 * Threads: EapHostPeerInitialize / EapHostPeerUninitialize may be called
 * from any thread (they are reference counted).  Calls on one session must
 * not overlap; different sessions may run in parallel.
 */
#ifndef EAPHOST_EAPPAPIS_H
#define EAPHOST_EAPPAPIS_H

#include <eaptypes.h>
#include <eaphostpeertypes.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Starts the host; must precede every other call. */
DWORD APIENTRY EapHostPeerInitialize(void);

/* Undoes one EapHostPeerInitialize; the last one ends what is left. */
void APIENTRY EapHostPeerUninitialize(void);

/*
 * Begins an authentication with the method @eapType.  On success the
 * supplicant must end it with EapHostPeerEndSession.  @pConnectionId may be
 * NULL (inner sessions of tunnel methods); then @func and @pContextData are
 * ignored.  One session at a time per connection id.
 */
DWORD APIENTRY EapHostPeerBeginSession(
    _In_ DWORD dwFlags,
    _In_ EAP_METHOD_TYPE eapType,
    _In_ const EapAttributes *const pAttributeArray,
    _In_ HANDLE hTokenImpersonateUser,
    _In_ DWORD dwSizeofConnectionData,
    _In_reads_(dwSizeofConnectionData) const BYTE *const pConnectionData,
    _In_ DWORD dwSizeofUserData,
    _In_reads_(dwSizeofUserData) const BYTE *const pUserData,
    _In_ DWORD dwMaxSendPacketSize,
    _In_opt_ const GUID *const pConnectionId,
    _In_opt_ NotificationHandler func,
    _In_opt_ void *pContextData,
    _Out_ EAP_SESSIONID *pSessionId,
    _Outptr_ EAP_ERROR **ppEapError);

/* Hands one received EAP packet to the session; *pEapOutput says what next. */
DWORD APIENTRY EapHostPeerProcessReceivedPacket(
    _In_ EAP_SESSIONID sessionHandle,
    _In_ DWORD cbReceivePacket,
    _In_reads_bytes_(cbReceivePacket) const BYTE *const pReceivePacket,
    _Out_ EapHostPeerResponseAction *pEapOutput,
    _Outptr_ EAP_ERROR **ppEapError);

/* The packet to send after EapHostPeerResponseSend (host-owned buffer). */
DWORD APIENTRY EapHostPeerGetSendPacket(
    _In_ EAP_SESSIONID sessionHandle,
    _Out_ DWORD *pcbSendPacket,
    _Outptr_result_buffer_(*pcbSendPacket) BYTE **ppSendPacket,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD APIENTRY EapHostPeerGetResult(
    _In_ EAP_SESSIONID sessionHandle,
    _In_ EapHostPeerMethodResultReason reason,
    _Out_ EapHostPeerMethodResult *ppResult,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD APIENTRY EapHostPeerGetUIContext(
    _In_ EAP_SESSIONID sessionHandle,
    _Out_ DWORD *pdwSizeOfUIContextData,
    _Outptr_result_buffer_(*pdwSizeOfUIContextData) BYTE **ppUIContextData,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD APIENTRY EapHostPeerSetUIContext(
    _In_ EAP_SESSIONID sessionHandle,
    _In_ DWORD dwSizeOfUIContextData,
    _In_reads_(dwSizeOfUIContextData) const BYTE *const pUIContextData,
    _Out_ EapHostPeerResponseAction *pEapOutput,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD APIENTRY EapHostPeerGetResponseAttributes(
    _In_ EAP_SESSIONID sessionHandle,
    _Out_ EapAttributes *pAttribs,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD APIENTRY EapHostPeerSetResponseAttributes(
    _In_ EAP_SESSIONID sessionHandle,
    _In_ const EapAttributes *const pAttribs,
    _Out_ EapHostPeerResponseAction *pEapOutput,
    _Outptr_ EAP_ERROR **ppEapError);

DWORD APIENTRY EapHostPeerGetAuthStatus(
    _In_ EAP_SESSIONID sessionHandle,
    _In_ EapHostPeerAuthParams authParam,
    _Out_ DWORD *pcbAuthData,
    _Outptr_result_buffer_(*pcbAuthData) BYTE **ppAuthData,
    _Outptr_ EAP_ERROR **ppEapError);

/* Ends a session begun by EapHostPeerBeginSession; the id is then invalid. */
DWORD APIENTRY EapHostPeerEndSession(
    _In_ EAP_SESSIONID sessionHandle,
    _Outptr_ EAP_ERROR **ppEapError);

/* Windows 10: where credentials were last saved (Credential Manager). */
DWORD APIENTRY EapHostPeerGetDataToUnplumbCredentials(
    _Out_ GUID *pConnectionIdThatLastSavedCreds,
    _Out_ LONG_PTR *phCredentialImpersonationToken,
    _In_ EAP_SESSIONID sessionHandle,
    _Outptr_ EAP_ERROR **ppEapError,
    _Out_ BOOL *fSaveToCredMan);

/*
 * Forgets the connection: ends the method sessions of its sessions and
 * stops its notifications.  Each session still needs EapHostPeerEndSession.
 */
DWORD APIENTRY EapHostPeerClearConnection(
    _In_ GUID *pConnectionId,
    _Outptr_ EAP_ERROR **ppEapError);

/* Releases an EAP_ERROR returned by any call of this header. */
void APIENTRY EapHostPeerFreeEapError(_In_ EAP_ERROR *pEapError);

/*
 * Asks the method for the identity and user data to use with
 * @pConnectionData.  @dwVersion must be 0 and @ppvReserved NULL.  Outputs
 * are freed with EapHostPeerFreeRuntimeMemory.
 */
DWORD APIENTRY EapHostPeerGetIdentity(
    _In_ DWORD dwVersion,
    _In_ DWORD dwFlags,
    _In_ EAP_METHOD_TYPE eapMethodType,
    _In_ DWORD dwSizeofConnectionData,
    _In_reads_(dwSizeofConnectionData) const BYTE *pConnectionData,
    _In_ DWORD dwSizeofUserData,
    _In_reads_opt_(dwSizeofUserData) const BYTE *pUserData,
    _In_ HANDLE hTokenImpersonateUser,
    _Out_ BOOL *pfInvokeUI,
    _Inout_ DWORD *pdwSizeOfUserDataOut,
    _Outptr_result_buffer_(*pdwSizeOfUserDataOut) BYTE **ppUserDataOut,
    _Outptr_ LPWSTR *ppwszIdentity,
    _Outptr_ EAP_ERROR **ppEapError,
    _Inout_ BYTE **ppvReserved);

DWORD APIENTRY EapHostPeerGetEncryptedPassword(
    _In_ DWORD dwSizeofPassword,
    _In_reads_bytes_(dwSizeofPassword) LPWSTR szPassword,
    _Outptr_ LPWSTR *ppszEncPassword);

/* Releases memory returned by EapHostPeerGetIdentity. */
void APIENTRY EapHostPeerFreeRuntimeMemory(_In_ BYTE *pData);

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_EAPPAPIS_H */
