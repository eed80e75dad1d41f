/*
 * method_exports.h - the entry points every method library has, for
 * methods written with method_util.h.
 *
 * A method library exports, per half, a GetInfo function that checks the
 * type the host asks for and fills the routine table, and two functions
 * that take back the memory and the errors it handed out.  Here:
 *
 *   mu_peer_get_info(), mu_auth_get_info()
 *       the bodies of EapPeerGetInfo and EapMethodAuthenticatorGetInfo:
 *       check the pointers and the type, then copy the method's own
 *       (static) routine table;
 *   mu_peer_no_op(), mu_auth_no_op()
 *       Initialize and Shutdown routines for a method with nothing to set
 *       up or tear down;
 *   MU_PEER_EXPORTS(), MU_AUTHENTICATOR_EXPORTS(),
 *   MU_PEER_CREDENTIAL_EXPORTS()
 *       define the exported functions themselves in the method's source
 *       file (at file scope, without a semicolon after them), so that the
 *       library exports them and they need not be written out again.
 *
 * Memory: the free functions these macros define release buffers with
 * free() and errors with mu_free_error(), the rules of method_util.h.
 * Only the SDK headers are used, as in method_util.h.
 */
#ifndef PLUGINS_METHOD_EXPORTS_H
#define PLUGINS_METHOD_EXPORTS_H

#include <stdlib.h>

#include <eapmethodpeerapis.h>
#include <eapmethodauthenticatorapis.h>

#include "method_util.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct mu_method - one half of a method, as its GetInfo describes it.
 * @type: the EAP type the half implements; the errors of the helpers
 *        carry it.
 * @match_author: TRUE when EapMethodAuthenticatorGetInfo also requires
 *                @type's dwAuthorId (EapPeerGetInfo is given no author).
 * @wrong_type: the reason of ERROR_NOT_SUPPORTED when the host asks for
 *              another type.
 * @no_pointer: the reason of ERROR_INVALID_PARAMETER when the type or the
 *              routines pointer is NULL; NULL means
 *              "NULL type or routines".
 */
typedef struct mu_method {
    const EAP_METHOD_TYPE *type;
    BOOL match_author;
    const char *wrong_type;
    const char *no_pointer;
} mu_method;

DWORD mu_peer_get_info(const mu_method *m, const EAP_TYPE *type,
                       const EAP_PEER_METHOD_ROUTINES *table,
                       EAP_PEER_METHOD_ROUTINES *routines, EAP_ERROR **err);
DWORD mu_auth_get_info(const mu_method *m, const EAP_METHOD_TYPE *type,
                       const EAP_AUTHENTICATOR_METHOD_ROUTINES *table,
                       EAP_AUTHENTICATOR_METHOD_ROUTINES *routines,
                       EAP_ERROR **err);

DWORD WINAPI mu_peer_no_op(EAP_ERROR **err);
DWORD APIENTRY mu_auth_no_op(EAP_METHOD_TYPE *type, EAP_ERROR **err);

/**
 * MU_PEER_EXPORTS() - define a peer half's required exports.
 * @method: const mu_method *, the half's type and wording.
 * @routines: const EAP_PEER_METHOD_ROUTINES *, the table EapPeerGetInfo
 *            copies (static, like everything it points to).
 *
 * Defines EapPeerGetInfo (mu_peer_get_info()), EapPeerFreeMemory (free():
 * identities, user blobs, credential field arrays) and
 * EapPeerFreeErrorMemory (mu_free_error()).
 */
#define MU_PEER_EXPORTS(method, routines)                                  \
    DWORD WINAPI EapPeerGetInfo(EAP_TYPE *pEapType,                        \
                                EAP_PEER_METHOD_ROUTINES *pEapInfo,        \
                                EAP_ERROR **ppEapError)                    \
    {                                                                      \
        return mu_peer_get_info((method), pEapType, (routines), pEapInfo,  \
                                ppEapError);                               \
    }                                                                      \
    VOID WINAPI EapPeerFreeMemory(void *pUIContextData)                    \
    {                                                                      \
        free(pUIContextData);                                              \
    }                                                                      \
    VOID WINAPI EapPeerFreeErrorMemory(EAP_ERROR *pEapError)               \
    {                                                                      \
        mu_free_error(pEapError);                                          \
    }

/**
 * MU_AUTHENTICATOR_EXPORTS() - define an authenticator half's exports.
 * @method: const mu_method *, the half's type and wording.
 * @routines: const EAP_AUTHENTICATOR_METHOD_ROUTINES *, the table
 *            EapMethodAuthenticatorGetInfo copies.
 *
 * Defines EapMethodAuthenticatorGetInfo (mu_auth_get_info()),
 * EapMethodAuthenticatorFreeMemory (free()) and
 * EapMethodAuthenticatorFreeErrorMemory (mu_free_error()).  Only these
 * three: the SDK's per-routine names (EapMethodAuthenticatorBeginSession
 * ...) have other signatures than the table's and are not exported.
 */
#define MU_AUTHENTICATOR_EXPORTS(method, routines)                         \
    DWORD EapMethodAuthenticatorGetInfo(                                   \
        EAP_METHOD_TYPE *pEapType,                                         \
        EAP_AUTHENTICATOR_METHOD_ROUTINES *pEapInfo,                       \
        EAP_ERROR **ppEapError)                                            \
    {                                                                      \
        return mu_auth_get_info((method), pEapType, (routines), pEapInfo,  \
                                ppEapError);                               \
    }                                                                      \
    void WINAPI EapMethodAuthenticatorFreeMemory(void *pUIContextData)     \
    {                                                                      \
        free(pUIContextData);                                              \
    }                                                                      \
    void WINAPI EapMethodAuthenticatorFreeErrorMemory(EAP_ERROR *pEapError) \
    {                                                                      \
        mu_free_error(pEapError);                                          \
    }

/**
 * MU_PEER_CREDENTIAL_EXPORTS() - define the credential-field exports of a
 * peer whose user data is the user blob of method_util.h.
 * @method_type: const EAP_METHOD_TYPE *, the method's type.
 *
 * Defines EapPeerQueryCredentialInputFields (mu_peer_query_fields(): a
 * user name and a non-displayable password field, in one block the host
 * frees with EapPeerFreeMemory) and
 * EapPeerQueryUserBlobFromCredentialInputFields (mu_peer_query_user_blob():
 * the user blob, freed the same way).  Connection data, flags and the
 * token are not used.
 */
#define MU_PEER_CREDENTIAL_EXPORTS(method_type)                            \
    DWORD WINAPI EapPeerQueryCredentialInputFields(                        \
        HANDLE hUserImpersonationToken, EAP_METHOD_TYPE eapMethodType,     \
        DWORD dwFlags, DWORD dwEapConnDataSize, BYTE *pbEapConnData,       \
        EAP_CONFIG_INPUT_FIELD_ARRAY *pEapConfigFieldsArray,               \
        EAP_ERROR **ppEapError)                                            \
    {                                                                      \
        (void)hUserImpersonationToken; (void)dwFlags;                      \
        (void)dwEapConnDataSize; (void)pbEapConnData;                      \
        return mu_peer_query_fields((method_type), &eapMethodType,         \
                                    pEapConfigFieldsArray, ppEapError);    \
    }                                                                      \
    DWORD WINAPI EapPeerQueryUserBlobFromCredentialInputFields(            \
        HANDLE hUserImpersonationToken, EAP_METHOD_TYPE eapMethodType,     \
        DWORD dwFlags, DWORD dwEapConnDataSize, BYTE *pbEapConnData,       \
        const EAP_CONFIG_INPUT_FIELD_ARRAY *pEapConfigInputFieldArray,     \
        DWORD *pdwUserBlobSize, BYTE **ppUserBlob, EAP_ERROR **ppEapError) \
    {                                                                      \
        (void)hUserImpersonationToken; (void)dwFlags;                      \
        (void)dwEapConnDataSize; (void)pbEapConnData;                      \
        return mu_peer_query_user_blob((method_type), &eapMethodType,      \
                                       pEapConfigInputFieldArray,          \
                                       pdwUserBlobSize, ppUserBlob,        \
                                       ppEapError);                        \
    }

#ifdef __cplusplus
}
#endif

#endif /* PLUGINS_METHOD_EXPORTS_H */
