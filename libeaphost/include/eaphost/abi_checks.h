/*
 * eaphost/abi_checks.h - compile-time proof that the EAPHost headers have
 * the Windows layout and agree with themselves.
 *
 * Include it from one source file of the library (and from the header
 * tests).  It declares nothing; a wrong size, offset or prototype stops
 * the build with a message naming it.
 *
 * Checked everywhere: the base types, the layouts that do not depend on
 * pointer size, and that the routines tables and the eaphost_*_fn types
 * match the exported prototypes.  Checked on LP64 targets (x86-64, and
 * AArch64 which lays these structures out identically): sizes and offsets
 * of every structure that crosses the method or supplicant boundary,
 * against the values of Windows x64.
 */
#ifndef EAPHOST_ABI_CHECKS_H
#define EAPHOST_ABI_CHECKS_H

#include <stddef.h>
#include <eaphost/sdk.h>

#define EAPHOST_CHECK_SIZE(type, size) \
    EAPHOST_STATIC_ASSERT(sizeof(type) == (size), "sizeof(" #type ") != " #size)
#define EAPHOST_CHECK_OFFSET(type, member, off)                     \
    EAPHOST_STATIC_ASSERT(offsetof(type, member) == (off),          \
                          "offsetof(" #type ", " #member ") != " #off)

/* ---- base types (all targets) ------------------------------------------------ */

EAPHOST_CHECK_SIZE(BYTE, 1);
EAPHOST_CHECK_SIZE(WORD, 2);
EAPHOST_CHECK_SIZE(DWORD, 4);
EAPHOST_CHECK_SIZE(BOOL, 4);
EAPHOST_CHECK_SIZE(LONG, 4);
EAPHOST_CHECK_SIZE(ULONG, 4);
EAPHOST_CHECK_SIZE(UINT32, 4);
EAPHOST_CHECK_SIZE(WCHAR, 2);
EAPHOST_CHECK_SIZE(LONG_PTR, sizeof(void *));
EAPHOST_CHECK_SIZE(ULONG_PTR, sizeof(void *));
EAPHOST_CHECK_SIZE(GUID, 16);
EAPHOST_CHECK_OFFSET(GUID, Data2, 4);
EAPHOST_CHECK_OFFSET(GUID, Data3, 6);
EAPHOST_CHECK_OFFSET(GUID, Data4, 8);
EAPHOST_STATIC_ASSERT((DWORD)-1 > 0, "DWORD must be unsigned");
EAPHOST_STATIC_ASSERT((BOOL)-1 < 0, "BOOL must be signed");

/* Enumerations are 32-bit, as with the Windows compiler. */
EAPHOST_CHECK_SIZE(EAP_ATTRIBUTE_TYPE, 4);
EAPHOST_CHECK_SIZE(EAP_CONFIG_INPUT_FIELD_TYPE, 4);
EAPHOST_CHECK_SIZE(EAP_INTERACTIVE_UI_DATA_TYPE, 4);
EAPHOST_CHECK_SIZE(EAP_METHOD_PROPERTY_TYPE, 4);
EAPHOST_CHECK_SIZE(EAP_METHOD_PROPERTY_VALUE_TYPE, 4);
EAPHOST_CHECK_SIZE(EapCredentialType, 4);
EAPHOST_CHECK_SIZE(EapCode, 4);
EAPHOST_CHECK_SIZE(EapPeerMethodResponseAction, 4);
EAPHOST_CHECK_SIZE(EapPeerMethodResultReason, 4);
EAPHOST_CHECK_SIZE(EAP_METHOD_AUTHENTICATOR_RESPONSE_ACTION, 4);
EAPHOST_CHECK_SIZE(EAP_AUTHENTICATOR_SEND_TIMEOUT, 4);
EAPHOST_CHECK_SIZE(EapHostPeerMethodResultReason, 4);
EAPHOST_CHECK_SIZE(EapHostPeerResponseAction, 4);
EAPHOST_CHECK_SIZE(EapHostPeerAuthParams, 4);
EAPHOST_CHECK_SIZE(EAPHOST_AUTH_STATUS, 4);
EAPHOST_CHECK_SIZE(ISOLATION_STATE, 4);
EAPHOST_STATIC_ASSERT((DWORD)eatReserved == 0xFFFFFFFFu, "eatReserved != 0xFFFFFFFF");

/* ---- layouts without pointers (all targets) -------------------------------- */

EAPHOST_CHECK_SIZE(EAP_TYPE, 12);
EAPHOST_CHECK_OFFSET(EAP_TYPE, type, 0);
EAPHOST_CHECK_OFFSET(EAP_TYPE, dwVendorId, 4);
EAPHOST_CHECK_OFFSET(EAP_TYPE, dwVendorType, 8);

EAPHOST_CHECK_SIZE(EAP_METHOD_TYPE, 16);
EAPHOST_CHECK_OFFSET(EAP_METHOD_TYPE, eapType, 0);
EAPHOST_CHECK_OFFSET(EAP_METHOD_TYPE, dwAuthorId, 12);

EAPHOST_CHECK_SIZE(EapPacket, 5);
EAPHOST_CHECK_OFFSET(EapPacket, Code, 0);
EAPHOST_CHECK_OFFSET(EapPacket, Id, 1);
EAPHOST_CHECK_OFFSET(EapPacket, Length, 2);
EAPHOST_CHECK_OFFSET(EapPacket, Data, 4);

EAPHOST_CHECK_SIZE(EapPeerMethodOutput, 8);
EAPHOST_CHECK_OFFSET(EapPeerMethodOutput, action, 0);
EAPHOST_CHECK_OFFSET(EapPeerMethodOutput, fAllowNotifications, 4);

EAPHOST_CHECK_SIZE(EAPHOST_AUTH_INFO, 12);
EAPHOST_CHECK_SIZE(EAP_METHOD_PROPERTY_VALUE_BOOL, 8);
EAPHOST_CHECK_SIZE(EAP_METHOD_PROPERTY_VALUE_DWORD, 8);

EAPHOST_CHECK_OFFSET(EAP_ERROR, dwWinError, 0);
EAPHOST_CHECK_OFFSET(EAP_ERROR, type, 4);
EAPHOST_CHECK_OFFSET(EAP_ERROR, dwReasonCode, 20);
EAPHOST_CHECK_OFFSET(EAP_ERROR, rootCauseGuid, 24);
EAPHOST_CHECK_OFFSET(EAP_ERROR, repairGuid, 40);
EAPHOST_CHECK_OFFSET(EAP_ERROR, helpLinkGuid, 56);

/* ---- LP64 layouts: the values of Windows x64 ----------------------------- */

#if defined(__x86_64__) || (defined(__aarch64__) && defined(__LP64__))

EAPHOST_CHECK_SIZE(EAP_ERROR, 88);
EAPHOST_CHECK_OFFSET(EAP_ERROR, pRootCauseString, 72);
EAPHOST_CHECK_OFFSET(EAP_ERROR, pRepairString, 80);

EAPHOST_CHECK_SIZE(EAP_ATTRIBUTE, 16);
EAPHOST_CHECK_OFFSET(EAP_ATTRIBUTE, eaType, 0);
EAPHOST_CHECK_OFFSET(EAP_ATTRIBUTE, dwLength, 4);
EAPHOST_CHECK_OFFSET(EAP_ATTRIBUTE, pValue, 8);

EAPHOST_CHECK_SIZE(EAP_ATTRIBUTES, 16);
EAPHOST_CHECK_OFFSET(EAP_ATTRIBUTES, dwNumberOfAttributes, 0);
EAPHOST_CHECK_OFFSET(EAP_ATTRIBUTES, pAttribs, 8);

EAPHOST_CHECK_SIZE(EAP_METHOD_INFO, 48);
EAPHOST_CHECK_OFFSET(EAP_METHOD_INFO, eaptype, 0);
EAPHOST_CHECK_OFFSET(EAP_METHOD_INFO, pwszAuthorName, 16);
EAPHOST_CHECK_OFFSET(EAP_METHOD_INFO, pwszFriendlyName, 24);
EAPHOST_CHECK_OFFSET(EAP_METHOD_INFO, eapProperties, 32);
EAPHOST_CHECK_OFFSET(EAP_METHOD_INFO, pInnerMethodInfo, 40);

EAPHOST_CHECK_SIZE(EAP_METHOD_INFO_EX, 48);
EAPHOST_CHECK_OFFSET(EAP_METHOD_INFO_EX, pInnerMethodInfoArray, 40);

EAPHOST_CHECK_SIZE(EAP_METHOD_INFO_ARRAY, 16);
EAPHOST_CHECK_OFFSET(EAP_METHOD_INFO_ARRAY, pEapMethods, 8);
EAPHOST_CHECK_SIZE(EAP_METHOD_INFO_ARRAY_EX, 16);

EAPHOST_CHECK_SIZE(EAP_CONFIG_INPUT_FIELD_DATA, 40);
EAPHOST_CHECK_OFFSET(EAP_CONFIG_INPUT_FIELD_DATA, dwSize, 0);
EAPHOST_CHECK_OFFSET(EAP_CONFIG_INPUT_FIELD_DATA, Type, 4);
EAPHOST_CHECK_OFFSET(EAP_CONFIG_INPUT_FIELD_DATA, dwFlagProps, 8);
EAPHOST_CHECK_OFFSET(EAP_CONFIG_INPUT_FIELD_DATA, pwszLabel, 16);
EAPHOST_CHECK_OFFSET(EAP_CONFIG_INPUT_FIELD_DATA, pwszData, 24);
EAPHOST_CHECK_OFFSET(EAP_CONFIG_INPUT_FIELD_DATA, dwMinDataLength, 32);
EAPHOST_CHECK_OFFSET(EAP_CONFIG_INPUT_FIELD_DATA, dwMaxDataLength, 36);

EAPHOST_CHECK_SIZE(EAP_CONFIG_INPUT_FIELD_ARRAY, 16);
EAPHOST_CHECK_OFFSET(EAP_CONFIG_INPUT_FIELD_ARRAY, dwVersion, 0);
EAPHOST_CHECK_OFFSET(EAP_CONFIG_INPUT_FIELD_ARRAY, dwNumberOfFields, 4);
EAPHOST_CHECK_OFFSET(EAP_CONFIG_INPUT_FIELD_ARRAY, pFields, 8);

EAPHOST_CHECK_SIZE(EAP_CRED_EXPIRY_REQ, 32);
EAPHOST_CHECK_SIZE(EAP_UI_DATA_FORMAT, 8);
EAPHOST_CHECK_SIZE(EAP_INTERACTIVE_UI_DATA, 24);
EAPHOST_CHECK_OFFSET(EAP_INTERACTIVE_UI_DATA, cbUiData, 12);
EAPHOST_CHECK_OFFSET(EAP_INTERACTIVE_UI_DATA, pbUiData, 16);

EAPHOST_CHECK_SIZE(EAP_METHOD_PROPERTY_VALUE_STRING, 16);
EAPHOST_CHECK_SIZE(EAP_METHOD_PROPERTY_VALUE, 16);
EAPHOST_CHECK_SIZE(EAP_METHOD_PROPERTY, 24);
EAPHOST_CHECK_OFFSET(EAP_METHOD_PROPERTY, eapMethodPropertyType, 0);
EAPHOST_CHECK_OFFSET(EAP_METHOD_PROPERTY, eapMethodPropertyValueType, 4);
EAPHOST_CHECK_OFFSET(EAP_METHOD_PROPERTY, eapMethodPropertyValue, 8);
EAPHOST_CHECK_SIZE(EAP_METHOD_PROPERTY_ARRAY, 16);
EAPHOST_CHECK_OFFSET(EAP_METHOD_PROPERTY_ARRAY, pMethodProperty, 8);

EAPHOST_CHECK_SIZE(EAPHOST_IDENTITY_UI_PARAMS, 88);
EAPHOST_CHECK_OFFSET(EAPHOST_IDENTITY_UI_PARAMS, pConnectionData, 24);
EAPHOST_CHECK_OFFSET(EAPHOST_IDENTITY_UI_PARAMS, pwszIdentity, 64);
EAPHOST_CHECK_OFFSET(EAPHOST_IDENTITY_UI_PARAMS, pEapError, 80);
EAPHOST_CHECK_SIZE(EAPHOST_INTERACTIVE_UI_PARAMS, 48);

EAPHOST_CHECK_SIZE(EapCertificateCredential, 32);
EAPHOST_CHECK_SIZE(EapCredentialTypeData, 32);
EAPHOST_CHECK_SIZE(EapCredential, 40);
EAPHOST_CHECK_OFFSET(EapCredential, credData, 8);

EAPHOST_CHECK_SIZE(NgcTicketContext, 112);
EAPHOST_CHECK_OFFSET(NgcTicketContext, hKey, 96);
EAPHOST_CHECK_OFFSET(NgcTicketContext, hImpersonateToken, 104);

/* Method result: 56 bytes before Windows 10, 72 with the two new members. */
EAPHOST_CHECK_SIZE(EapPeerMethodResult, 72);
EAPHOST_CHECK_OFFSET(EapPeerMethodResult, fIsSuccess, 0);
EAPHOST_CHECK_OFFSET(EapPeerMethodResult, dwFailureReasonCode, 4);
EAPHOST_CHECK_OFFSET(EapPeerMethodResult, fSaveConnectionData, 8);
EAPHOST_CHECK_OFFSET(EapPeerMethodResult, dwSizeofConnectionData, 12);
EAPHOST_CHECK_OFFSET(EapPeerMethodResult, pConnectionData, 16);
EAPHOST_CHECK_OFFSET(EapPeerMethodResult, fSaveUserData, 24);
EAPHOST_CHECK_OFFSET(EapPeerMethodResult, dwSizeofUserData, 28);
EAPHOST_CHECK_OFFSET(EapPeerMethodResult, pUserData, 32);
EAPHOST_CHECK_OFFSET(EapPeerMethodResult, pAttribArray, 40);
EAPHOST_CHECK_OFFSET(EapPeerMethodResult, pEapError, 48);
EAPHOST_CHECK_OFFSET(EapPeerMethodResult, pNgcKerbTicket, 56);
EAPHOST_CHECK_OFFSET(EapPeerMethodResult, fSaveToCredMan, 64);

EAPHOST_CHECK_SIZE(EapHostPeerMethodResult, 72);
EAPHOST_CHECK_OFFSET(EapHostPeerMethodResult, fIsSuccess, 0);
EAPHOST_CHECK_OFFSET(EapHostPeerMethodResult, dwFailureReasonCode, 4);
EAPHOST_CHECK_OFFSET(EapHostPeerMethodResult, fSaveConnectionData, 8);
EAPHOST_CHECK_OFFSET(EapHostPeerMethodResult, dwSizeofConnectionData, 12);
EAPHOST_CHECK_OFFSET(EapHostPeerMethodResult, pConnectionData, 16);
EAPHOST_CHECK_OFFSET(EapHostPeerMethodResult, fSaveUserData, 24);
EAPHOST_CHECK_OFFSET(EapHostPeerMethodResult, dwSizeofUserData, 28);
EAPHOST_CHECK_OFFSET(EapHostPeerMethodResult, pUserData, 32);
EAPHOST_CHECK_OFFSET(EapHostPeerMethodResult, pAttribArray, 40);
EAPHOST_CHECK_OFFSET(EapHostPeerMethodResult, isolationState, 48);
EAPHOST_CHECK_OFFSET(EapHostPeerMethodResult, pEapMethodInfo, 56);
EAPHOST_CHECK_OFFSET(EapHostPeerMethodResult, pEapError, 64);

EAPHOST_CHECK_SIZE(EAP_METHOD_AUTHENTICATOR_RESULT, 16);
EAPHOST_CHECK_OFFSET(EAP_METHOD_AUTHENTICATOR_RESULT, dwFailureReason, 4);
EAPHOST_CHECK_OFFSET(EAP_METHOD_AUTHENTICATOR_RESULT, pAuthAttribs, 8);

EAPHOST_CHECK_SIZE(EAP_PEER_METHOD_ROUTINES, 120);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, dwVersion, 0);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, pEapType, 8);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, EapPeerInitialize, 16);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, EapPeerGetIdentity, 24);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, EapPeerBeginSession, 32);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, EapPeerSetCredentials, 40);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, EapPeerProcessRequestPacket, 48);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, EapPeerGetResponsePacket, 56);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, EapPeerGetResult, 64);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, EapPeerGetUIContext, 72);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, EapPeerSetUIContext, 80);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, EapPeerGetResponseAttributes, 88);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, EapPeerSetResponseAttributes, 96);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, EapPeerEndSession, 104);
EAPHOST_CHECK_OFFSET(EAP_PEER_METHOD_ROUTINES, EapPeerShutdown, 112);

EAPHOST_CHECK_SIZE(EAP_AUTHENTICATOR_METHOD_ROUTINES, 96);
EAPHOST_CHECK_OFFSET(EAP_AUTHENTICATOR_METHOD_ROUTINES, dwSizeInBytes, 0);
EAPHOST_CHECK_OFFSET(EAP_AUTHENTICATOR_METHOD_ROUTINES, pEapType, 8);
EAPHOST_CHECK_OFFSET(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorInitialize, 16);
EAPHOST_CHECK_OFFSET(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorBeginSession, 24);
EAPHOST_CHECK_OFFSET(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorUpdateInnerMethodParams, 32);
EAPHOST_CHECK_OFFSET(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorReceivePacket, 40);
EAPHOST_CHECK_OFFSET(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorSendPacket, 48);
EAPHOST_CHECK_OFFSET(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorGetAttributes, 56);
EAPHOST_CHECK_OFFSET(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorSetAttributes, 64);
EAPHOST_CHECK_OFFSET(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorGetResult, 72);
EAPHOST_CHECK_OFFSET(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorEndSession, 80);
EAPHOST_CHECK_OFFSET(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorShutdown, 88);

#endif /* LP64 */

/* ---- prototypes agree with the tables and the eaphost_*_fn types --------- */

/*
 * EAPHOST_SAME_TYPE(a, b) is 1 when the two type names denote the same
 * type.  EAPHOST_FN_IS(fn, type): the function has exactly that pointer
 * type.  EAPHOST_MEMBER_IS_FN(s, m, fn): table member m of struct s has the
 * type of &fn.  Only C++ and GNU C (gcc, clang) can spell these.
 */
#if defined(__cplusplus) && __cplusplus >= 201103L
template <typename A, typename B> struct eaphost_same_type_ { enum { value = 0 }; };
template <typename A> struct eaphost_same_type_<A, A> { enum { value = 1 }; };
#define EAPHOST_FN_IS(fn, type) \
    EAPHOST_STATIC_ASSERT((eaphost_same_type_<decltype(&fn), type>::value), \
                          "prototype of " #fn " != " #type)
#define EAPHOST_MEMBER_IS_FN(s, m, fn)                                           \
    EAPHOST_STATIC_ASSERT((eaphost_same_type_<decltype(&fn),                      \
                                              decltype(((s *)0)->m)>::value),    \
                          #s "." #m " != prototype of " #fn)
#define EAPHOST_CAN_CHECK_PROTOTYPES 1
#elif !defined(__cplusplus) && defined(__STDC_VERSION__) && \
    __STDC_VERSION__ >= 201112L && defined(__GNUC__)
#define EAPHOST_FN_IS(fn, type) \
    EAPHOST_STATIC_ASSERT(_Generic(&fn, type: 1, default: 0), \
                          "prototype of " #fn " != " #type)
#define EAPHOST_MEMBER_IS_FN(s, m, fn)                                         \
    EAPHOST_STATIC_ASSERT(_Generic(((s *)0)->m, __typeof__(&fn): 1, default: 0), \
                          #s "." #m " != prototype of " #fn)
#define EAPHOST_CAN_CHECK_PROTOTYPES 1
#endif

#ifdef EAPHOST_CAN_CHECK_PROTOTYPES
EAPHOST_MEMBER_IS_FN(EAP_PEER_METHOD_ROUTINES, EapPeerInitialize, EapPeerInitialize);
EAPHOST_MEMBER_IS_FN(EAP_PEER_METHOD_ROUTINES, EapPeerGetIdentity, EapPeerGetIdentity);
EAPHOST_MEMBER_IS_FN(EAP_PEER_METHOD_ROUTINES, EapPeerBeginSession, EapPeerBeginSession);
EAPHOST_MEMBER_IS_FN(EAP_PEER_METHOD_ROUTINES, EapPeerSetCredentials, EapPeerSetCredentials);
EAPHOST_MEMBER_IS_FN(EAP_PEER_METHOD_ROUTINES, EapPeerProcessRequestPacket, EapPeerProcessRequestPacket);
EAPHOST_MEMBER_IS_FN(EAP_PEER_METHOD_ROUTINES, EapPeerGetResponsePacket, EapPeerGetResponsePacket);
EAPHOST_MEMBER_IS_FN(EAP_PEER_METHOD_ROUTINES, EapPeerGetResult, EapPeerGetResult);
EAPHOST_MEMBER_IS_FN(EAP_PEER_METHOD_ROUTINES, EapPeerGetUIContext, EapPeerGetUIContext);
EAPHOST_MEMBER_IS_FN(EAP_PEER_METHOD_ROUTINES, EapPeerSetUIContext, EapPeerSetUIContext);
EAPHOST_MEMBER_IS_FN(EAP_PEER_METHOD_ROUTINES, EapPeerGetResponseAttributes, EapPeerGetResponseAttributes);
EAPHOST_MEMBER_IS_FN(EAP_PEER_METHOD_ROUTINES, EapPeerSetResponseAttributes, EapPeerSetResponseAttributes);
EAPHOST_MEMBER_IS_FN(EAP_PEER_METHOD_ROUTINES, EapPeerEndSession, EapPeerEndSession);
EAPHOST_MEMBER_IS_FN(EAP_PEER_METHOD_ROUTINES, EapPeerShutdown, EapPeerShutdown);

EAPHOST_MEMBER_IS_FN(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorInitialize, EapMethodAuthenticatorInitialize);
/* BeginSession: the SDK's export has bInitialId, its table member does not. */
EAPHOST_MEMBER_IS_FN(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorUpdateInnerMethodParams, EapMethodAuthenticatorUpdateInnerMethodParams);
EAPHOST_MEMBER_IS_FN(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorReceivePacket, EapMethodAuthenticatorReceivePacket);
EAPHOST_MEMBER_IS_FN(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorSendPacket, EapMethodAuthenticatorSendPacket);
EAPHOST_MEMBER_IS_FN(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorGetAttributes, EapMethodAuthenticatorGetAttributes);
EAPHOST_MEMBER_IS_FN(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorSetAttributes, EapMethodAuthenticatorSetAttributes);
EAPHOST_MEMBER_IS_FN(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorGetResult, EapMethodAuthenticatorGetResult);
EAPHOST_MEMBER_IS_FN(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorEndSession, EapMethodAuthenticatorEndSession);
EAPHOST_MEMBER_IS_FN(EAP_AUTHENTICATOR_METHOD_ROUTINES, EapMethodAuthenticatorShutdown, EapMethodAuthenticatorShutdown);

EAPHOST_FN_IS(EapPeerGetInfo, eaphost_peer_get_info_fn);
EAPHOST_FN_IS(EapPeerFreeMemory, eaphost_peer_free_memory_fn);
EAPHOST_FN_IS(EapPeerFreeErrorMemory, eaphost_peer_free_error_memory_fn);
EAPHOST_FN_IS(EapPeerInvokeConfigUI, eaphost_peer_invoke_config_ui_fn);
EAPHOST_FN_IS(EapPeerInvokeInteractiveUI, eaphost_peer_invoke_interactive_ui_fn);
EAPHOST_FN_IS(EapPeerInvokeIdentityUI, eaphost_peer_invoke_identity_ui_fn);
EAPHOST_FN_IS(EapPeerQueryCredentialInputFields, eaphost_peer_query_credential_input_fields_fn);
EAPHOST_FN_IS(EapPeerQueryUserBlobFromCredentialInputFields, eaphost_peer_query_user_blob_from_credential_input_fields_fn);
EAPHOST_FN_IS(EapPeerQueryInteractiveUIInputFields, eaphost_peer_query_interactive_ui_input_fields_fn);
EAPHOST_FN_IS(EapPeerQueryUIBlobFromInteractiveUIInputFields, eaphost_peer_query_ui_blob_from_interactive_ui_input_fields_fn);
EAPHOST_FN_IS(EapPeerConfigXml2Blob, eaphost_peer_config_xml2blob_fn);
EAPHOST_FN_IS(EapPeerCredentialsXml2Blob, eaphost_peer_credentials_xml2blob_fn);
EAPHOST_FN_IS(EapPeerConfigBlob2Xml, eaphost_peer_config_blob2xml_fn);
EAPHOST_FN_IS(EapPeerGetMethodProperties, eaphost_peer_get_method_properties_fn);
EAPHOST_FN_IS(EapPeerGetConfigBlobAndUserBlob, eaphost_peer_get_config_blob_and_user_blob_fn);
EAPHOST_FN_IS(EapMethodAuthenticatorGetInfo, eaphost_authenticator_get_info_fn);
EAPHOST_FN_IS(EapMethodAuthenticatorFreeMemory, eaphost_authenticator_free_memory_fn);
EAPHOST_FN_IS(EapMethodAuthenticatorFreeErrorMemory, eaphost_authenticator_free_error_memory_fn);
EAPHOST_FN_IS(EapMethodAuthenticatorInvokeConfigUI, eaphost_authenticator_invoke_config_ui_fn);
#endif /* EAPHOST_CAN_CHECK_PROTOTYPES */

#endif /* EAPHOST_ABI_CHECKS_H */
