/*
 * method_password.h - both halves of a one-round password method.
 *
 * In such a method the authenticator sends one Request, the peer answers
 * it from the user's password, and the authenticator checks the answer
 * against the password its host stored for the identity (the
 * eatClearTextPassword attribute).  EAP-MD5-Challenge (RFC 3748 5.4) and
 * EAP-GTC (RFC 3748 5.6) are such methods.  The helpers here run the
 * sessions of both halves; the method supplies, in a struct mu_pw_method,
 * only what is its own: the format of its Request and Response, and how an
 * answer is computed and checked.
 *
 * Peer half (credentials as in method_util.h: a user blob given to
 * EapPeerBeginSession, or EapPeerSetCredentials):
 *   - GetIdentity, BeginSession, SetCredentials: mu_peer_get_identity(),
 *     mu_credentials_from_user_data(), mu_credentials_set();
 *   - ProcessRequestPacket: a Request of the method's type (else
 *     ERROR_INVALID_DATA, "not an <name> request"), then @peer_check, then
 *     a password must be known (ERROR_INVALID_STATE), then @peer_answer;
 *     action Send;
 *   - GetResponsePacket: @peer_response into the smaller of the buffer and
 *     dwMaxSendPacketSize;
 *   - GetResult: success when the host reports success and a Response was
 *     sent; a failure is EAP_E_USER_NAME_PASSWORD_REJECTED when an
 *     EAP-Failure followed a Response, else EAP_E_AUTHENTICATION_FAILED.
 *     No keys.
 * Authenticator half:
 *   - BeginSession: takes the stored password (none: the identity is
 *     unknown, and the authentication fails at the end after the same
 *     work), then @auth_start;
 *   - UpdateInnerMethodParams: a new stored password, until the Request is
 *     sent;
 *   - SendPacket: @auth_request (again with the new Identifier when the
 *     host retransmits), timeout @timeout;
 *   - ReceivePacket: a Response with the Identifier of the last Request; a
 *     Nak (type 3) ends in failure (EAP_E_AUTHENTICATION_FAILED); the
 *     answer in a Response of the method's type and the stored password
 *     are reduced by @auth_digests and compared in constant time; anything
 *     else is discarded.  A wrong answer fails with
 *     EAP_E_USER_NAME_PASSWORD_REJECTED, an unknown identity (after the
 *     same work) with EAP_E_EAPHOST_IDENTITY_UNKNOWN;
 *   - GetAttributes: none; GetResult: no keys.
 * Passwords are wiped when a session ends, and the whole session (the
 * method's part included) is wiped before it is freed.
 *
 * MU_PW_METHOD_EXPORTS() binds a method to these helpers: it defines the
 * routine tables and every export of the library.
 */
#ifndef PLUGINS_METHOD_PASSWORD_H
#define PLUGINS_METHOD_PASSWORD_H

#include "method_exports.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct mu_pw_peer - a peer session.
 * @cred: the user name and password.
 * @max_send: the host's dwMaxSendPacketSize.
 * @have_response: a Response is ready to send.
 * @responded: at least one Response was sent.
 * @id: the Identifier of the Request being answered.
 *
 * A method that keeps more per session puts this first in its own
 * structure and gives that structure's size as mu_pw_method.peer_size; its
 * callbacks then cast the mu_pw_peer pointer back.
 */
typedef struct mu_pw_peer {
    mu_credentials cred;
    DWORD max_send;
    int have_response;
    int responded;
    BYTE id;
} mu_pw_peer;

/* Where an authenticator session is. */
typedef enum mu_pw_auth_state {
    MU_PW_AUTH_START,           /* the Request has not been sent */
    MU_PW_AUTH_WAIT_RESPONSE,   /* the Request has been sent */
    MU_PW_AUTH_DONE             /* the outcome is known */
} mu_pw_auth_state;

/**
 * struct mu_pw_auth - an authenticator session.
 * @state: see enum mu_pw_auth_state.
 * @password: the stored password (UTF-8), NULL when the identity is
 *            unknown.
 * @max_send: the host's dwMaxSendPacketSize.
 * @id: the Identifier of the last Request sent.
 * @success: the outcome, once @state is MU_PW_AUTH_DONE.
 * @failure_reason: the EAPHost reason of a failure.
 *
 * Extended by a method as struct mu_pw_peer is (mu_pw_method.auth_size).
 */
typedef struct mu_pw_auth {
    mu_pw_auth_state state;
    char *password;
    DWORD max_send;
    BYTE id;
    BOOL success;
    DWORD failure_reason;
} mu_pw_auth;

/* The longest value mu_pw_method.auth_digests may produce (SHA-512). */
#define MU_PW_DIGEST_MAX 64u

/**
 * struct mu_pw_method - what a one-round password method supplies.
 * @info: the type (vendor fields zero; any author) and the GetInfo wording
 *        of both halves.
 * @name: the method's name in reasons, e.g. "EAP-MD5": "not an EAP-MD5
 *        request", "no EAP-MD5 response is pending", "no result yet: no
 *        EAP-MD5 response was received".
 * @request: what the Request carries, in "the challenge has already been
 *           sent" (UpdateInnerMethodParams after SendPacket).
 * @peer_size: size of the method's peer session, at least
 *             sizeof(mu_pw_peer); 0 means sizeof(mu_pw_peer).
 * @auth_size: the same for the authenticator session (mu_pw_auth).
 * @timeout: the timeout SendPacket asks for.
 * @peer_check: whether a Request's type data (@len bytes at @data, @len
 *              possibly 0) can be answered.  Return NULL if so, else the
 *              reason, reported with ERROR_INVALID_DATA.
 * @peer_answer: optional: prepare the answer to the checked Request, once
 *               @s->cred.password is known and @s->id is the Request's
 *               Identifier.
 * @peer_response: build the Response to the Request answered: at most
 *                 @capacity bytes at @pkt, its length in *@len.
 *                 @s->cred.password is not NULL.  On failure return the
 *                 code (ERROR_INSUFFICIENT_BUFFER when it does not fit) and
 *                 set *@reason to a static text for the EAP_ERROR.
 * @auth_start: optional: prepare a new session (after its password is
 *              taken); fail as @peer_response does.
 * @auth_request: build the Request with Identifier @id: at most @capacity
 *                bytes at @pkt, its length in *@len; fail as
 *                @peer_response does.
 * @auth_digests: reduce a Response's type data (@len bytes at @data) to
 *                @got, and @password (the stored password, or "" for an
 *                unknown identity so that both cost the same) to @want:
 *                two values of the same length, equal exactly when the
 *                answer is right.  Return that length (1 to
 *                MU_PW_DIGEST_MAX), or 0 when the type data is not an
 *                answer (the Response is discarded).  @s->id is the
 *                Response's Identifier.  The helpers compare the two in
 *                constant time and wipe both.
 */
typedef struct mu_pw_method {
    mu_method info;
    const char *name;
    const char *request;
    size_t peer_size;
    size_t auth_size;
    EAP_AUTHENTICATOR_SEND_TIMEOUT timeout;
    const char *(*peer_check)(const BYTE *data, DWORD len);
    void (*peer_answer)(mu_pw_peer *s, const BYTE *data, DWORD len);
    DWORD (*peer_response)(const mu_pw_peer *s, EapPacket *pkt,
                           DWORD capacity, DWORD *len, const char **reason);
    DWORD (*auth_start)(mu_pw_auth *s, const char **reason);
    DWORD (*auth_request)(const mu_pw_auth *s, BYTE id, EapPacket *pkt,
                          DWORD capacity, DWORD *len, const char **reason);
    size_t (*auth_digests)(const mu_pw_auth *s, const char *password,
                           const BYTE *data, DWORD len,
                           BYTE got[MU_PW_DIGEST_MAX],
                           BYTE want[MU_PW_DIGEST_MAX]);
} mu_pw_method;

/* The routines of both halves, each for method @m (see method_password.c). */
DWORD mu_pw_peer_get_identity(const mu_pw_method *m, DWORD user_size,
                              const BYTE *user, BOOL *invoke_ui,
                              DWORD *user_out_size, BYTE **user_out,
                              LPWSTR *identity, EAP_ERROR **err);
DWORD mu_pw_peer_begin(const mu_pw_method *m, DWORD user_size,
                       const BYTE *user, DWORD max_send,
                       EAP_SESSION_HANDLE *handle, EAP_ERROR **err);
DWORD mu_pw_peer_set_credentials(const mu_pw_method *m,
                                 EAP_SESSION_HANDLE handle,
                                 const WCHAR *identity, const WCHAR *password,
                                 EAP_ERROR **err);
DWORD mu_pw_peer_process(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                         DWORD size, const EapPacket *req,
                         EapPeerMethodOutput *out, EAP_ERROR **err);
DWORD mu_pw_peer_get_response(const mu_pw_method *m,
                              EAP_SESSION_HANDLE handle, DWORD *size,
                              EapPacket *pkt, EAP_ERROR **err);
DWORD mu_pw_peer_get_result(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                            EapPeerMethodResultReason reason,
                            EapPeerMethodResult *result, EAP_ERROR **err);
DWORD mu_pw_peer_end(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                     EAP_ERROR **err);

DWORD mu_pw_auth_begin(const mu_pw_method *m, const EapAttributes *attrs,
                       DWORD max_send, EAP_SESSION_HANDLE *handle,
                       EAP_ERROR **err);
DWORD mu_pw_auth_update_inner(const mu_pw_method *m,
                              EAP_SESSION_HANDLE handle,
                              const EapAttributes *attrs, EAP_ERROR **err);
DWORD mu_pw_auth_send(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                      BYTE id, DWORD *size, EapPacket *pkt,
                      EAP_AUTHENTICATOR_SEND_TIMEOUT *timeout,
                      EAP_ERROR **err);
DWORD mu_pw_auth_receive(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                         DWORD size, const EapPacket *pkt,
                         EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION *action,
                         EAP_ERROR **err);
DWORD mu_pw_auth_get_attributes(const mu_pw_method *m, EapAttributes *attrs,
                                EAP_ERROR **err);
DWORD mu_pw_auth_get_result(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                            EAP_METHOD_AUTHENTICATOR_RESULT *result,
                            EAP_ERROR **err);
DWORD mu_pw_auth_end(const mu_pw_method *m, EAP_SESSION_HANDLE handle,
                     EAP_ERROR **err);

/**
 * MU_PW_METHOD_EXPORTS() - make a library of a one-round password method.
 * @method: const mu_pw_method *, static.
 * @method_type: EAP_METHOD_TYPE *, the static (not const: the routine
 *               tables point to it) type that @method->info.type points
 *               to.
 *
 * Used once, at file scope and without a semicolon after it, in the
 * method's source file.  Defines:
 *   - the routines of both halves, each calling the mu_pw_* function of
 *     the same name with @method (Initialize and Shutdown are
 *     mu_peer_no_op() and mu_auth_no_op());
 *   - their tables: peer with dwVersion EAPHOST_METHOD_API_VERSION,
 *     pEapType &@method_type->eapType and no UI or response-attribute
 *     routines; authenticator with pEapType @method_type and no
 *     SetAttributes;
 *   - the exports of MU_PEER_EXPORTS(), MU_PEER_CREDENTIAL_EXPORTS() and
 *     MU_AUTHENTICATOR_EXPORTS().
 */
#define MU_PW_METHOD_EXPORTS(method, method_type)                          \
    static DWORD WINAPI mu_pw_bound_peer_get_identity(                     \
        DWORD flags, DWORD conn_size, const BYTE *conn, DWORD user_size,   \
        const BYTE *user, HANDLE token, BOOL *invoke_ui,                   \
        DWORD *user_out_size, BYTE **user_out, LPWSTR *identity,           \
        EAP_ERROR **err)                                                   \
    {                                                                      \
        (void)flags; (void)conn_size; (void)conn; (void)token;             \
        return mu_pw_peer_get_identity((method), user_size, user,          \
                                       invoke_ui, user_out_size, user_out, \
                                       identity, err);                     \
    }                                                                      \
    static DWORD WINAPI mu_pw_bound_peer_begin(                            \
        DWORD flags, const EapAttributes *const attrs, HANDLE token,       \
        DWORD conn_size, BYTE *conn, DWORD user_size, BYTE *user,          \
        DWORD max_send, EAP_SESSION_HANDLE *handle, EAP_ERROR **err)       \
    {                                                                      \
        (void)flags; (void)attrs; (void)token; (void)conn_size;            \
        (void)conn;                                                        \
        return mu_pw_peer_begin((method), user_size, user, max_send,       \
                                handle, err);                              \
    }                                                                      \
    static DWORD WINAPI mu_pw_bound_peer_set_credentials(                  \
        EAP_SESSION_HANDLE handle, WCHAR *identity, WCHAR *password,       \
        EAP_ERROR **err)                                                   \
    {                                                                      \
        return mu_pw_peer_set_credentials((method), handle, identity,      \
                                          password, err);                  \
    }                                                                      \
    static DWORD WINAPI mu_pw_bound_peer_process(                          \
        EAP_SESSION_HANDLE handle, DWORD size, EapPacket *req,             \
        EapPeerMethodOutput *out, EAP_ERROR **err)                         \
    {                                                                      \
        return mu_pw_peer_process((method), handle, size, req, out, err);  \
    }                                                                      \
    static DWORD WINAPI mu_pw_bound_peer_get_response(                     \
        EAP_SESSION_HANDLE handle, DWORD *size, EapPacket *pkt,            \
        EAP_ERROR **err)                                                   \
    {                                                                      \
        return mu_pw_peer_get_response((method), handle, size, pkt, err);  \
    }                                                                      \
    static DWORD WINAPI mu_pw_bound_peer_get_result(                       \
        EAP_SESSION_HANDLE handle, EapPeerMethodResultReason reason,       \
        EapPeerMethodResult *result, EAP_ERROR **err)                      \
    {                                                                      \
        return mu_pw_peer_get_result((method), handle, reason, result,     \
                                     err);                                 \
    }                                                                      \
    static DWORD WINAPI mu_pw_bound_peer_end(EAP_SESSION_HANDLE handle,    \
                                             EAP_ERROR **err)              \
    {                                                                      \
        return mu_pw_peer_end((method), handle, err);                      \
    }                                                                      \
    static DWORD APIENTRY mu_pw_bound_auth_begin(                          \
        DWORD flags, LPCWSTR identity, const EapAttributes *const attrs,   \
        DWORD conn_size, const BYTE *const conn, DWORD max_send,           \
        EAP_SESSION_HANDLE *handle, EAP_ERROR **err)                       \
    {                                                                      \
        (void)flags; (void)identity; (void)conn_size; (void)conn;          \
        return mu_pw_auth_begin((method), attrs, max_send, handle, err);   \
    }                                                                      \
    static DWORD APIENTRY mu_pw_bound_auth_update_inner(                   \
        EAP_SESSION_HANDLE handle, DWORD flags, LPCWSTR identity,          \
        const EapAttributes *const attrs, EAP_ERROR **err)                 \
    {                                                                      \
        (void)flags; (void)identity;                                       \
        return mu_pw_auth_update_inner((method), handle, attrs, err);      \
    }                                                                      \
    static DWORD APIENTRY mu_pw_bound_auth_receive(                        \
        EAP_SESSION_HANDLE handle, DWORD size, const EapPacket *const pkt, \
        EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION *action, EAP_ERROR **err) \
    {                                                                      \
        return mu_pw_auth_receive((method), handle, size, pkt, action,     \
                                  err);                                    \
    }                                                                      \
    static DWORD APIENTRY mu_pw_bound_auth_send(                           \
        EAP_SESSION_HANDLE handle, BYTE id, DWORD *size, EapPacket *pkt,   \
        EAP_AUTHENTICATOR_SEND_TIMEOUT *timeout, EAP_ERROR **err)          \
    {                                                                      \
        return mu_pw_auth_send((method), handle, id, size, pkt, timeout,   \
                               err);                                       \
    }                                                                      \
    static DWORD APIENTRY mu_pw_bound_auth_get_attributes(                 \
        EAP_SESSION_HANDLE handle, EapAttributes *attrs, EAP_ERROR **err)  \
    {                                                                      \
        (void)handle;                                                      \
        return mu_pw_auth_get_attributes((method), attrs, err);            \
    }                                                                      \
    static DWORD APIENTRY mu_pw_bound_auth_get_result(                     \
        EAP_SESSION_HANDLE handle, EAP_METHOD_AUTHENTICATOR_RESULT *result,\
        EAP_ERROR **err)                                                   \
    {                                                                      \
        return mu_pw_auth_get_result((method), handle, result, err);       \
    }                                                                      \
    static DWORD APIENTRY mu_pw_bound_auth_end(EAP_SESSION_HANDLE handle,  \
                                               EAP_ERROR **err)            \
    {                                                                      \
        return mu_pw_auth_end((method), handle, err);                      \
    }                                                                      \
    static const EAP_PEER_METHOD_ROUTINES mu_pw_peer_routines = {          \
        .dwVersion = EAPHOST_METHOD_API_VERSION,                           \
        .pEapType = &(method_type)->eapType,                               \
        .EapPeerInitialize = mu_peer_no_op,                                \
        .EapPeerGetIdentity = mu_pw_bound_peer_get_identity,               \
        .EapPeerBeginSession = mu_pw_bound_peer_begin,                     \
        .EapPeerSetCredentials = mu_pw_bound_peer_set_credentials,         \
        .EapPeerProcessRequestPacket = mu_pw_bound_peer_process,           \
        .EapPeerGetResponsePacket = mu_pw_bound_peer_get_response,         \
        .EapPeerGetResult = mu_pw_bound_peer_get_result,                   \
        .EapPeerEndSession = mu_pw_bound_peer_end,                         \
        .EapPeerShutdown = mu_peer_no_op,                                  \
    };                                                                     \
    static const EAP_AUTHENTICATOR_METHOD_ROUTINES mu_pw_auth_routines = { \
        .dwSizeInBytes = sizeof(EAP_AUTHENTICATOR_METHOD_ROUTINES),        \
        .pEapType = (method_type),                                         \
        .EapMethodAuthenticatorInitialize = mu_auth_no_op,                 \
        .EapMethodAuthenticatorBeginSession = mu_pw_bound_auth_begin,      \
        .EapMethodAuthenticatorUpdateInnerMethodParams =                   \
            mu_pw_bound_auth_update_inner,                                 \
        .EapMethodAuthenticatorReceivePacket = mu_pw_bound_auth_receive,   \
        .EapMethodAuthenticatorSendPacket = mu_pw_bound_auth_send,         \
        .EapMethodAuthenticatorGetAttributes =                             \
            mu_pw_bound_auth_get_attributes,                               \
        .EapMethodAuthenticatorGetResult = mu_pw_bound_auth_get_result,    \
        .EapMethodAuthenticatorEndSession = mu_pw_bound_auth_end,          \
        .EapMethodAuthenticatorShutdown = mu_auth_no_op,                   \
    };                                                                     \
    MU_PEER_EXPORTS(&(method)->info, &mu_pw_peer_routines)                 \
    MU_PEER_CREDENTIAL_EXPORTS((method)->info.type)                        \
    MU_AUTHENTICATOR_EXPORTS(&(method)->info, &mu_pw_auth_routines)

#ifdef __cplusplus
}
#endif

#endif /* PLUGINS_METHOD_PASSWORD_H */
