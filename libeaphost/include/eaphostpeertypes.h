/*
 * eaphostpeertypes.h - types of the supplicant API (eappapis.h): what the
 * host tells the supplicant to do next, the authentication status and the
 * result of an authentication.
 *
 * EapHostPeerResponseAction is not EapPeerMethodResponseAction: they part
 * at value 5 (StartAuthentication here, None there).
 */
#ifndef EAPHOST_EAPHOSTPEERTYPES_H
#define EAPHOST_EAPHOSTPEERTYPES_H

#include <eaptypes.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Request guest access (same bit as EAP_FLAG_GUEST_ACCESS). */
#define EAP_PEER_FLAG_GUEST_ACCESS 0x00000040u

/* Why the supplicant asks for the result (EapHostPeerGetResult). */
typedef enum tagEapHostPeerMethodResultReason {
    EapHostPeerMethodResultAltSuccessReceived = 1,
    EapHostPeerMethodResultTimeout = 2,
    EapHostPeerMethodResultFromMethod = 3
} EapHostPeerMethodResultReason;

/* The next step for the supplicant, returned by the session calls. */
typedef enum tagEapHostPeerResponseAction {
    EapHostPeerResponseDiscard = 0,
    EapHostPeerResponseSend = 1,
    EapHostPeerResponseResult = 2,
    EapHostPeerResponseInvokeUi = 3,
    EapHostPeerResponseRespond = 4,
    /* Unknown or ended session: begin a new one with the same packet. */
    EapHostPeerResponseStartAuthentication = 5,
    EapHostPeerResponseNone = 6
} EapHostPeerResponseAction;

/* What EapHostPeerGetAuthStatus reports. */
typedef enum tagEapHostPeerAuthParams {
    EapHostPeerAuthStatus = 1,           /* EAPHOST_AUTH_INFO */
    EapHostPeerIdentity = 2,
    EapHostPeerIdentityExtendedInfo = 3,
    EapHostNapInfo = 4
} EapHostPeerAuthParams;

typedef enum _EAPHOST_AUTH_STATUS {
    EapHostInvalidSession = 0,
    EapHostAuthNotStarted = 1,
    EapHostAuthIdentityExchange = 2,
    EapHostAuthNegotiatingType = 3,
    EapHostAuthInProgress = 4,
    EapHostAuthSucceeded = 5,
    EapHostAuthFailed = 6
} EAPHOST_AUTH_STATUS;

typedef struct _EAPHOST_AUTH_INFO {
    EAPHOST_AUTH_STATUS status;
    DWORD dwErrorCode;
    DWORD dwReasonCode;
} EAPHOST_AUTH_INFO;

/* Network access state of the machine (NAP). */
typedef enum _ISOLATION_STATE {
    ISOLATION_STATE_UNKNOWN = 0,
    ISOLATION_STATE_NOT_RESTRICTED = 1,
    ISOLATION_STATE_IN_PROBATION = 2,
    ISOLATION_STATE_RESTRICTED_ACCESS = 3
} ISOLATION_STATE;

/*
 * The result handed to the supplicant.  Unlike EapPeerMethodResult it has
 * isolationState and pEapMethodInfo between pAttribArray and pEapError,
 * and no Windows 10 tail: 72 bytes on x86-64.
 */
typedef struct tagEapHostPeerMethodResult {
    BOOL fIsSuccess;
    UINT32 dwFailureReasonCode;
    BOOL fSaveConnectionData;
    UINT32 dwSizeofConnectionData;
    BYTE *pConnectionData;
    BOOL fSaveUserData;
    UINT32 dwSizeofUserData;
    BYTE *pUserData;
    EAP_ATTRIBUTES *pAttribArray;
    ISOLATION_STATE isolationState;
    EAP_METHOD_INFO *pEapMethodInfo;
    EAP_ERROR *pEapError;
} EapHostPeerMethodResult;

/*
 * Called, with the connection id given to EapHostPeerBeginSession, when the
 * connection has to authenticate again.  (The SDK declares it in
 * eappapis.h, which includes this header.)
 */
typedef void (CALLBACK *NotificationHandler)(GUID connectionId, void *pContextData);

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_EAPHOSTPEERTYPES_H */
