/*
 * eaphosterror.h - EAPHost error (EAP_E_*) and information (EAP_I_*) codes,
 * and the Win32 error codes the EAPHost API returns.
 *
 * Values are those of the Windows SDK.  Beware of public copies of this
 * header that shift EAP_E_CERT_STORE_INACCESSIBLE to 0x80420011: it is
 * 0x80420010, and 0x80420011 is EAP_E_EAPHOST_METHOD_NOT_INSTALLED.
 *
 * Every code is a DWORD constant, so `DWORD rc = EAP_E_...;`, comparisons
 * and switch cases need no casts.  The Win32 codes are guarded, so a
 * windows.h compatibility header included earlier keeps its definitions.
 */
#ifndef EAPHOST_EAPHOSTERROR_H
#define EAPHOST_EAPHOSTERROR_H

#include <eaphost/wintypes.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Win32 codes used by the EAPHost API --------------------------------- */

#include <eaphost/win32_error_codes.h>

/* ---- EAPHost codes (facility 0x842) ------------------------------------------ */

#define FACILITY_EAP_MESSAGE 0x0842
#define EAP_GROUP_MASK 0x0000FF00

/* Host and generic method errors. */
#define EAP_E_EAPHOST_FIRST ((DWORD)0x80420000L)
#define EAP_E_EAPHOST_LAST  ((DWORD)0x804200FFL)
/* The SDK gives the EAP_I_EAPHOST range the same (error) values. */
#define EAP_I_EAPHOST_FIRST ((DWORD)0x80420000L)
#define EAP_I_EAPHOST_LAST  ((DWORD)0x804200FFL)

#define EAP_E_CERT_STORE_INACCESSIBLE                ((DWORD)0x80420010L)
#define EAP_E_EAPHOST_METHOD_NOT_INSTALLED           ((DWORD)0x80420011L)
#define EAP_E_EAPHOST_THIRDPARTY_METHOD_HOST_RESET   ((DWORD)0x80420012L)
#define EAP_E_EAPHOST_EAPQEC_INACCESSIBLE            ((DWORD)0x80420013L)
#define EAP_E_EAPHOST_IDENTITY_UNKNOWN               ((DWORD)0x80420014L)
#define EAP_E_AUTHENTICATION_FAILED                  ((DWORD)0x80420015L)
#define EAP_I_EAPHOST_EAP_NEGOTIATION_FAILED         ((DWORD)0x40420016L)
#define EAP_E_EAPHOST_METHOD_INVALID_PACKET          ((DWORD)0x80420017L)
#define EAP_E_EAPHOST_REMOTE_INVALID_PACKET          ((DWORD)0x80420018L)
#define EAP_E_EAPHOST_XML_MALFORMED                  ((DWORD)0x80420019L)
#define EAP_E_METHOD_CONFIG_DOES_NOT_SUPPORT_SSO     ((DWORD)0x8042001AL)
#define EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED ((DWORD)0x80420020L)

/* Older names of two of the above. */
#define EAP_METHOD_INVALID_PACKET EAP_E_EAPHOST_METHOD_INVALID_PACKET
#define EAP_INVALID_PACKET        EAP_E_EAPHOST_REMOTE_INVALID_PACKET

/* The user's certificate, account or credentials. */
#define EAP_E_USER_FIRST ((DWORD)0x80420100L)
#define EAP_E_USER_LAST  ((DWORD)0x804201FFL)
#define EAP_I_USER_FIRST ((DWORD)0x40420100L)
#define EAP_I_USER_LAST  ((DWORD)0x404201FFL)

#define EAP_E_USER_CERT_NOT_FOUND          ((DWORD)0x80420100L)
#define EAP_E_USER_CERT_INVALID            ((DWORD)0x80420101L)
#define EAP_E_USER_CERT_EXPIRED            ((DWORD)0x80420102L)
#define EAP_E_USER_CERT_REVOKED            ((DWORD)0x80420103L)
#define EAP_E_USER_CERT_OTHER_ERROR        ((DWORD)0x80420104L)
#define EAP_E_USER_CERT_REJECTED           ((DWORD)0x80420105L)
#define EAP_I_USER_ACCOUNT_OTHER_ERROR     ((DWORD)0x40420110L)
#define EAP_E_USER_CREDENTIALS_REJECTED    ((DWORD)0x80420111L)
#define EAP_E_USER_NAME_PASSWORD_REJECTED  ((DWORD)0x80420112L)
#define EAP_E_NO_SMART_CARD_READER         ((DWORD)0x80420113L)

/* The server's certificate. */
#define EAP_E_SERVER_FIRST ((DWORD)0x80420200L)
#define EAP_E_SERVER_LAST  ((DWORD)0x804202FFL)

#define EAP_E_SERVER_CERT_NOT_FOUND   ((DWORD)0x80420200L)
#define EAP_E_SERVER_CERT_INVALID     ((DWORD)0x80420201L)
#define EAP_E_SERVER_CERT_EXPIRED     ((DWORD)0x80420202L)
#define EAP_E_SERVER_CERT_REVOKED     ((DWORD)0x80420203L)
#define EAP_E_SERVER_CERT_OTHER_ERROR ((DWORD)0x80420204L)

/* The root certificate on the user's side. */
#define EAP_E_USER_ROOT_CERT_FIRST ((DWORD)0x80420300L)
#define EAP_E_USER_ROOT_CERT_LAST  ((DWORD)0x804203FFL)

#define EAP_E_USER_ROOT_CERT_NOT_FOUND ((DWORD)0x80420300L)
#define EAP_E_USER_ROOT_CERT_INVALID   ((DWORD)0x80420301L)
#define EAP_E_USER_ROOT_CERT_EXPIRED   ((DWORD)0x80420302L)

/* The root certificate on the server's side. */
#define EAP_E_SERVER_ROOT_CERT_FIRST ((DWORD)0x80420400L)
#define EAP_E_SERVER_ROOT_CERT_LAST  ((DWORD)0x804204FFL)

#define EAP_E_SERVER_ROOT_CERT_NOT_FOUND     ((DWORD)0x80420400L)
#define EAP_E_SERVER_ROOT_CERT_INVALID       ((DWORD)0x80420401L)
#define EAP_E_SERVER_ROOT_CERT_NAME_REQUIRED ((DWORD)0x80420406L)

/* SIM-based methods. */
#define EAP_E_SIM_NOT_VALID ((DWORD)0x80420500L)

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_EAPHOSTERROR_H */
