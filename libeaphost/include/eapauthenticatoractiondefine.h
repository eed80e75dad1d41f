/*
 * eapauthenticatoractiondefine.h - what a method tells its caller to do
 * next: the authenticator method actions and result, and the peer method
 * actions, output and result reasons.
 *
 * Layout of the Windows SDK: the peer types live in this header too, and
 * eapmethodtypes.h / eapmethodpeerapis.h include it.
 *
 * Two enums look alike and are not: EapPeerMethodResponseAction (method to
 * host, None = 5) and EapHostPeerResponseAction (host to supplicant,
 * StartAuthentication = 5, None = 6).  Translate between them, never cast.
 */
#ifndef EAPAUTHENTICATORACTIONDEFINE_H
#define EAPAUTHENTICATORACTIONDEFINE_H

#include <eaptypes.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Returned by an authenticator method's ReceivePacket and SetAttributes. */
typedef enum _EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION {
    EAP_METHOD_AUTHENTICATOR_RESPONSE_DISCARD = 0,
    EAP_METHOD_AUTHENTICATOR_RESPONSE_SEND = 1,
    EAP_METHOD_AUTHENTICATOR_RESPONSE_RESULT = 2,
    EAP_METHOD_AUTHENTICATOR_RESPONSE_RESPOND = 3,
    EAP_METHOD_AUTHENTICATOR_RESPONSE_AUTHENTICATE = 4,
    EAP_METHOD_AUTHENTICATOR_RESPONSE_HANDLE_IDENTITY = 5
} EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION;

/* Filled by an authenticator method's GetResult. */
typedef struct _EAP_METHOD_AUTHENTICATOR_RESULT {
    BOOL fIsSuccess;
    DWORD dwFailureReason;
    EAP_ATTRIBUTES *pAuthAttribs;
} EAP_METHOD_AUTHENTICATOR_RESULT;

/* Returned by a peer method in EapPeerMethodOutput.action. */
typedef enum tagEapPeerMethodResponseAction {
    EapPeerMethodResponseActionDiscard = 0,
    EapPeerMethodResponseActionSend = 1,
    EapPeerMethodResponseActionResult = 2,
    EapPeerMethodResponseActionInvokeUI = 3,
    EapPeerMethodResponseActionRespond = 4,
    EapPeerMethodResponseActionNone = 5
} EapPeerMethodResponseAction;

/* The structure tag keeps the SDK's spelling. */
typedef struct tagEapPeerMethodOuput {
    EapPeerMethodResponseAction action;
    BOOL fAllowNotifications;
} EapPeerMethodOutput;

/* Why the host asks a peer method for its result (EapPeerGetResult). */
typedef enum tagEapPeerMethodResultReason {
    EapPeerMethodResultUnknown = 1,
    EapPeerMethodResultSuccess = 2,
    EapPeerMethodResultFailure = 3
} EapPeerMethodResultReason, EapPeerMethodResultReasonOle;

#ifdef __cplusplus
}
#endif

#endif /* EAPAUTHENTICATORACTIONDEFINE_H */
