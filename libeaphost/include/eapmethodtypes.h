/*
 * eapmethodtypes.h - the types a peer method exchanges with the host: the
 * EAP packet, its codes, the session handle, the method result and the
 * table of routines a method returns from EapPeerGetInfo.
 *
 * The Windows SDK spreads these over eapmethodtypes.h (EapPacket, EapCode,
 * EAP_SESSION_HANDLE), eapauthenticatoractiondefine.h (actions, output,
 * result reasons) and eapmethodpeerapis.h (EapPeerMethodResult,
 * NgcTicketContext, EAP_PEER_METHOD_ROUTINES).  Here this header holds or
 * includes all of them, and eapmethodpeerapis.h includes it, so a method
 * that includes either header finds every type it needs.
 */
#ifndef EAPHOST_EAPMETHODTYPES_H
#define EAPHOST_EAPMETHODTYPES_H

#include <eaptypes.h>
#include <eapauthenticatoractiondefine.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * An EAP packet as on the wire (RFC 3748 section 4): Length is big-endian
 * and counts the whole packet; Data runs on beyond the declared element.
 * sizeof(EapPacket) is 5.
 */
typedef struct tagEapPacket {
    BYTE Code;
    BYTE Id;
    BYTE Length[2];
    BYTE Data[1];
} EapPacket;

typedef enum tagEapCode {
    EapCodeMinimum = 1,
    EapCodeRequest = 1,
    EapCodeResponse = 2,
    EapCodeSuccess = 3,
    EapCodeFailure = 4,
    EapCodeMaximum = EapCodeFailure
} EapCode;

#ifndef EAPHOST_EAP_SESSION_HANDLE_DEFINED
#define EAPHOST_EAP_SESSION_HANDLE_DEFINED
typedef void *EAP_SESSION_HANDLE;
#endif

/*
 * A Kerberos ticket handed over by a method (Windows 10 addition to
 * EapPeerMethodResult).  Guarded by the same macro as in the SDK and in
 * raseapif.h, which define it too.
 */
#ifndef _NGCTICKETCONTEXT_
#define _NGCTICKETCONTEXT_
/* 32 random bytes in base64, NUL-terminated: 45 UTF-16 units, 90 bytes. */
#define NCRYPT_PIN_CACHE_PIN_BYTE_LENGTH 90
#define NGC_TICKET_PROPERTY_STRING_LENGTH (NCRYPT_PIN_CACHE_PIN_BYTE_LENGTH / sizeof(WCHAR))

typedef ULONG_PTR NCRYPT_KEY_HANDLE;

typedef struct _NgcTicketContext {
    WCHAR wszTicket[NGC_TICKET_PROPERTY_STRING_LENGTH];
    NCRYPT_KEY_HANDLE hKey;
    HANDLE hImpersonateToken;
} NgcTicketContext;
#endif

/*
 * The result a peer method reports from EapPeerGetResult.  The last two
 * members came with Windows 10: the structure is 72 bytes on x86-64, and
 * the host zeroes all of it before the call, so a method built against an
 * older SDK (56 bytes) leaves them NULL / FALSE.
 */
typedef struct tagEapPeerMethodResult {
    BOOL fIsSuccess;
    DWORD dwFailureReasonCode;
    BOOL fSaveConnectionData;
    DWORD dwSizeofConnectionData;
    BYTE *pConnectionData;
    BOOL fSaveUserData;
    DWORD dwSizeofUserData;
    BYTE *pUserData;
    EAP_ATTRIBUTES *pAttribArray;
    EAP_ERROR *pEapError;
    NgcTicketContext *pNgcKerbTicket;
    BOOL fSaveToCredMan;
} EapPeerMethodResult;

/*
 * The routines of a peer method, filled by its EapPeerGetInfo.  Any
 * routine may be NULL; the host checks before each call.  pEapType is
 * often left NULL by methods.  120 bytes on x86-64, routines from offset 16.
 */
typedef struct _EAP_PEER_METHOD_ROUTINES {
    DWORD dwVersion;
    EAP_TYPE *pEapType;

    DWORD (APIENTRY *EapPeerInitialize)(_Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapPeerGetIdentity)(
        _In_ DWORD flags,
        _In_ DWORD dwSizeofConnectionData,
        _In_reads_(dwSizeofConnectionData) const BYTE *pConnectionData,
        _In_ DWORD dwSizeofUserData,
        _In_reads_(dwSizeofUserData) const BYTE *pUserData,
        _In_ HANDLE hTokenImpersonateUser,
        _Out_ BOOL *pfInvokeUI,
        _Out_ DWORD *pdwSizeOfUserDataOut,
        _Outptr_result_buffer_(*pdwSizeOfUserDataOut) BYTE **ppUserDataOut,
        _Outptr_ LPWSTR *ppwszIdentity,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapPeerBeginSession)(
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

    DWORD (APIENTRY *EapPeerSetCredentials)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _In_ WCHAR *pwszIdentity,
        _In_ WCHAR *pwszPassword,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapPeerProcessRequestPacket)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _In_ DWORD cbReceivePacket,
        _In_reads_bytes_(cbReceivePacket) EapPacket *pReceivePacket,
        _Out_ EapPeerMethodOutput *pEapOutput,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapPeerGetResponsePacket)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _Inout_ DWORD *pcbSendPacket,
        _Inout_ EapPacket *pSendPacket,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapPeerGetResult)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _In_ EapPeerMethodResultReason reason,
        _Out_ EapPeerMethodResult *pResult,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapPeerGetUIContext)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _Out_ DWORD *pdwSizeOfUIContextData,
        _Outptr_result_buffer_(*pdwSizeOfUIContextData) BYTE **ppUIContextData,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapPeerSetUIContext)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _In_ DWORD dwSizeOfUIContextData,
        _In_reads_(dwSizeOfUIContextData) const BYTE *pUIContextData,
        _Out_ EapPeerMethodOutput *pEapOutput,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapPeerGetResponseAttributes)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _Out_ EapAttributes *pAttribs,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapPeerSetResponseAttributes)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _In_ EapAttributes *pAttribs,
        _Out_ EapPeerMethodOutput *pEapOutput,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapPeerEndSession)(
        _In_ EAP_SESSION_HANDLE sessionHandle,
        _Outptr_ EAP_ERROR **ppEapError);

    DWORD (APIENTRY *EapPeerShutdown)(_Outptr_ EAP_ERROR **ppEapError);
} EAP_PEER_METHOD_ROUTINES;

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_EAPMETHODTYPES_H */
