/*
 * error_table.h - every Win32 and EAPHost code the host reports, once.
 *
 * EH_ERROR_TABLE(X) calls X(name, message) for each code.  @name is the
 * SDK macro itself (from eaphost/wintypes.h and eaphosterror.h), so its
 * value is the code and #name its symbolic name; @message is one line of
 * English.  errors.c builds eaphost_error_name() and
 * eaphost_error_message() from it; the tests walk the same table.
 *
 * Add a code here and nowhere else.
 */
#ifndef EAPHOST_ERROR_TABLE_H
#define EAPHOST_ERROR_TABLE_H

#define EH_ERROR_TABLE(X)                                                    \
    /* Win32 codes the host returns. */                                      \
    X(ERROR_SUCCESS, "the operation completed successfully")                 \
    X(ERROR_FILE_NOT_FOUND, "the file was not found")                        \
    X(ERROR_ACCESS_DENIED, "access was denied")                              \
    X(ERROR_INVALID_HANDLE, "the session id is unknown, ended or stale")     \
    X(ERROR_NOT_ENOUGH_MEMORY, "not enough memory")                          \
    X(ERROR_INVALID_DATA, "the data is invalid")                             \
    X(ERROR_OUTOFMEMORY, "out of memory")                                    \
    X(ERROR_NOT_SUPPORTED, "the request is not supported")                   \
    X(ERROR_INVALID_PARAMETER, "a parameter is missing or invalid")          \
    X(ERROR_INSUFFICIENT_BUFFER, "the buffer is too small")                  \
    X(ERROR_BAD_ARGUMENTS, "the arguments are not valid")                    \
    X(ERROR_NO_MORE_ITEMS, "there are no more items")                        \
    X(ERROR_NO_UNICODE_TRANSLATION,                                          \
      "the text is not well-formed UTF-8 or UTF-16")                         \
    X(ERROR_CANCELLED, "the operation was cancelled")                        \
    X(ERROR_INTERNAL_ERROR, "internal error in the EAP host")                \
    X(ERROR_INVALID_STATE, "the call does not fit the current state")        \
    /* EAPHost codes (eaphosterror.h). */                                    \
    X(EAP_E_CERT_STORE_INACCESSIBLE, "the certificate store is inaccessible") \
    X(EAP_E_EAPHOST_METHOD_NOT_INSTALLED,                                    \
      "the EAP method is not installed or could not be loaded")              \
    X(EAP_E_EAPHOST_THIRDPARTY_METHOD_HOST_RESET,                            \
      "the host process of a third-party method was reset")                  \
    X(EAP_E_EAPHOST_EAPQEC_INACCESSIBLE,                                     \
      "the EAP quarantine enforcement client is inaccessible")               \
    X(EAP_E_EAPHOST_IDENTITY_UNKNOWN, "the identity is unknown")             \
    X(EAP_E_AUTHENTICATION_FAILED, "authentication failed")                  \
    X(EAP_I_EAPHOST_EAP_NEGOTIATION_FAILED,                                  \
      "peer and server could not agree on an EAP method")                    \
    X(EAP_E_EAPHOST_METHOD_INVALID_PACKET,                                   \
      "the EAP method produced an invalid packet")                           \
    X(EAP_E_EAPHOST_REMOTE_INVALID_PACKET,                                   \
      "a malformed EAP packet was received")                                 \
    X(EAP_E_EAPHOST_XML_MALFORMED, "the XML is malformed")                   \
    X(EAP_E_METHOD_CONFIG_DOES_NOT_SUPPORT_SSO,                              \
      "the method configuration does not support single sign-on")            \
    X(EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,                          \
      "the EAP method does not support this operation")                      \
    X(EAP_E_USER_CERT_NOT_FOUND, "no user certificate was found")            \
    X(EAP_E_USER_CERT_INVALID, "the user certificate is invalid")            \
    X(EAP_E_USER_CERT_EXPIRED, "the user certificate has expired")           \
    X(EAP_E_USER_CERT_REVOKED, "the user certificate has been revoked")      \
    X(EAP_E_USER_CERT_OTHER_ERROR,                                           \
      "the user certificate could not be used")                              \
    X(EAP_E_USER_CERT_REJECTED, "the server rejected the user certificate")  \
    X(EAP_I_USER_ACCOUNT_OTHER_ERROR, "the user account has a problem")      \
    X(EAP_E_USER_CREDENTIALS_REJECTED,                                       \
      "the server rejected the user credentials")                            \
    X(EAP_E_USER_NAME_PASSWORD_REJECTED,                                     \
      "the server rejected the user name or password")                       \
    X(EAP_E_SERVER_CERT_NOT_FOUND, "no server certificate was found")        \
    X(EAP_E_SERVER_CERT_INVALID, "the server certificate is invalid")        \
    X(EAP_E_SERVER_CERT_EXPIRED, "the server certificate has expired")       \
    X(EAP_E_SERVER_CERT_REVOKED, "the server certificate has been revoked")  \
    X(EAP_E_SERVER_CERT_OTHER_ERROR,                                         \
      "the server certificate could not be validated")

#endif /* EAPHOST_ERROR_TABLE_H */
