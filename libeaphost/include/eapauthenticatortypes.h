/*
 * eapauthenticatortypes.h - the types an authenticator (server-side)
 * method exchanges with its host: the send timeout and the table of
 * routines returned by EapMethodAuthenticatorGetInfo.
 *
 * The Windows SDK declares only EAP_AUTHENTICATOR_SEND_TIMEOUT here and
 * the routines table in eapmethodauthenticatorapis.h (which includes this
 * header); the actions and the result come from
 * eapauthenticatoractiondefine.h.  Here this header makes all of them
 * available, so either header is enough for a method.
 */
#ifndef __eapauthenticatortypes_h__
#define __eapauthenticatortypes_h__

#include <eaptypes.h>
#include <eapmethodtypes.h>
#include <eapauthenticatoractiondefine.h>

#ifdef __cplusplus
extern "C" {
#endif

/* How long the authenticator waits for the peer after sending a request. */
typedef enum _EAP_AUTHENTICATOR_SEND_TIMEOUT {
    EAP_AUTHENTICATOR_SEND_TIMEOUT_NONE = 0,
    EAP_AUTHENTICATOR_SEND_TIMEOUT_BASIC = 1,
    EAP_AUTHENTICATOR_SEND_TIMEOUT_INTERACTIVE = 2
} EAP_AUTHENTICATOR_SEND_TIMEOUT;

/*
 * The routines of an authenticator method, filled by its
 * EapMethodAuthenticatorGetInfo.  dwSizeInBytes is not used.  96 bytes on
 * x86-64, routines from offset 16.
 */
typedef struct _EAP_AUTHENTICATOR_METHOD_ROUTINES {
    DWORD dwSizeInBytes;
    EAP_METHOD_TYPE *pEapType;

    DWORD (APIENTRY *EapMethodAuthenticatorInitialize)(
        _In_ EAP_METHOD_TYPE *pEapType,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapMethodAuthenticatorBeginSession)(
        _In_ DWORD dwFlags,
        _In_ LPCWSTR pwszIdentity,
        _In_ const EapAttributes *const pAttributeArray,
        _In_ DWORD dwSizeofConnectionData,
        _In_reads_(dwSizeofConnectionData) const BYTE *const pConnectionData,
        _In_ DWORD dwMaxSendPacketSize,
        _Out_ EAP_SESSION_HANDLE *pSessionHandle,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapMethodAuthenticatorUpdateInnerMethodParams)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _In_ DWORD dwFlags,
        _In_ LPCWSTR pwszIdentity,
        _In_ const EapAttributes *const pAttributeArray,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapMethodAuthenticatorReceivePacket)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _In_ DWORD cbReceivePacket,
        _In_reads_bytes_(cbReceivePacket) const EapPacket *const pReceivePacket,
        _Out_ EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION *pEapOutput,
        _Outptr_ EAP_ERROR **ppEapError);

    /* *pcbSendPacket: buffer size on entry, packet size on return. */
    DWORD (APIENTRY *EapMethodAuthenticatorSendPacket)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _In_ BYTE bPacketId,
        _Inout_ DWORD *pcbSendPacket,
        _Inout_ EapPacket *pSendPacket,
        _Out_ EAP_AUTHENTICATOR_SEND_TIMEOUT *pTimeout,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapMethodAuthenticatorGetAttributes)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _Out_ EapAttributes *pAttribs,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapMethodAuthenticatorSetAttributes)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _In_ const EapAttributes *const pAttribs,
        _Out_ EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION *pEapOutput,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapMethodAuthenticatorGetResult)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _Out_ EAP_METHOD_AUTHENTICATOR_RESULT *pResult,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapMethodAuthenticatorEndSession)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapMethodAuthenticatorShutdown)(
        _In_ EAP_METHOD_TYPE *pEapType,
        _Outptr_ EAP_ERROR **ppEapError);
} EAP_AUTHENTICATOR_METHOD_ROUTINES, *PEAP_AUTHENTICATOR_METHOD_ROUTINES;

#ifdef __cplusplus
}
#endif

#endif /* __eapauthenticatortypes_h__ */
