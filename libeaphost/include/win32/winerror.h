/*
 * winerror.h - Win32 error codes and HRESULT, as Windows defines them.
 *
 * Part of libeaphost's Windows source-compatibility headers (pkg-config
 * module eaphost-windows).  Values are those of the Windows SDK.  Every
 * ERROR_* code is a DWORD constant, written exactly as eaphosterror.h
 * writes the ones it shares, and guarded, so the two headers can be
 * included in either order.
 *
 * HRESULT is a 32-bit LONG: negative values are failures.
 * HRESULT_FROM_WIN32() leaves zero, negative values and codes that are
 * already HRESULTs (such as the EAP_E_* codes) unchanged and puts a Win32
 * code in FACILITY_WIN32.
 */
#ifndef EAPHOST_WIN32_WINERROR_H
#define EAPHOST_WIN32_WINERROR_H

#include <eaphost/wintypes.h>
#include <eaphost/win32_error_codes.h>

/* ---- Win32 error codes ---------------------------------------------------- */

#ifndef ERROR_TOO_MANY_OPEN_FILES
#define ERROR_TOO_MANY_OPEN_FILES ((DWORD)4L)
#endif
#ifndef ERROR_INVALID_ACCESS
#define ERROR_INVALID_ACCESS ((DWORD)12L)
#endif
#ifndef ERROR_NOT_READY
#define ERROR_NOT_READY ((DWORD)21L)
#endif
#ifndef ERROR_BAD_LENGTH
#define ERROR_BAD_LENGTH ((DWORD)24L)
#endif
#ifndef ERROR_HANDLE_EOF
#define ERROR_HANDLE_EOF ((DWORD)38L)
#endif
#ifndef ERROR_BUFFER_OVERFLOW
#define ERROR_BUFFER_OVERFLOW ((DWORD)111L)
#endif
#ifndef ERROR_CALL_NOT_IMPLEMENTED
#define ERROR_CALL_NOT_IMPLEMENTED ((DWORD)120L)
#endif
#ifndef ERROR_INVALID_NAME
#define ERROR_INVALID_NAME ((DWORD)123L)
#endif
#ifndef ERROR_ENVVAR_NOT_FOUND
#define ERROR_ENVVAR_NOT_FOUND ((DWORD)203L)
#endif
#ifndef ERROR_NO_DATA
#define ERROR_NO_DATA ((DWORD)232L)
#endif
#ifndef ERROR_ARITHMETIC_OVERFLOW
#define ERROR_ARITHMETIC_OVERFLOW ((DWORD)534L)
#endif
#ifndef ERROR_IO_PENDING
#define ERROR_IO_PENDING ((DWORD)997L)
#endif
#ifndef ERROR_NOACCESS
#define ERROR_NOACCESS ((DWORD)998L)
#endif
#ifndef ERROR_CAN_NOT_COMPLETE
#define ERROR_CAN_NOT_COMPLETE ((DWORD)1003L)
#endif
#ifndef ERROR_NO_SUCH_USER
#define ERROR_NO_SUCH_USER ((DWORD)1317L)
#endif
#ifndef ERROR_WRONG_PASSWORD
#define ERROR_WRONG_PASSWORD ((DWORD)1323L)
#endif
#ifndef ERROR_ACCOUNT_RESTRICTION
#define ERROR_ACCOUNT_RESTRICTION ((DWORD)1327L)
#endif
#ifndef ERROR_INVALID_LOGON_HOURS
#define ERROR_INVALID_LOGON_HOURS ((DWORD)1328L)
#endif
#ifndef ERROR_INVALID_WORKSTATION
#define ERROR_INVALID_WORKSTATION ((DWORD)1329L)
#endif
#ifndef ERROR_PASSWORD_EXPIRED
#define ERROR_PASSWORD_EXPIRED ((DWORD)1330L)
#endif
#ifndef ERROR_ACCOUNT_DISABLED
#define ERROR_ACCOUNT_DISABLED ((DWORD)1331L)
#endif
#ifndef ERROR_INVALID_WINDOW_HANDLE
#define ERROR_INVALID_WINDOW_HANDLE ((DWORD)1400L)
#endif
#ifndef ERROR_BAD_CONFIGURATION
#define ERROR_BAD_CONFIGURATION ((DWORD)1610L)
#endif
#ifndef ERROR_FUNCTION_FAILED
#define ERROR_FUNCTION_FAILED ((DWORD)1627L)
#endif
#ifndef ERROR_INVALID_USER_BUFFER
#define ERROR_INVALID_USER_BUFFER ((DWORD)1784L)
#endif
#ifndef ERROR_RESOURCE_DATA_NOT_FOUND
#define ERROR_RESOURCE_DATA_NOT_FOUND ((DWORD)1812L)
#endif
#ifndef ERROR_RESOURCE_TYPE_NOT_FOUND
#define ERROR_RESOURCE_TYPE_NOT_FOUND ((DWORD)1813L)
#endif
#ifndef ERROR_RESOURCE_NAME_NOT_FOUND
#define ERROR_RESOURCE_NAME_NOT_FOUND ((DWORD)1814L)
#endif
#ifndef ERROR_PASSWORD_MUST_CHANGE
#define ERROR_PASSWORD_MUST_CHANGE ((DWORD)1907L)
#endif
#ifndef ERROR_ACCOUNT_LOCKED_OUT
#define ERROR_ACCOUNT_LOCKED_OUT ((DWORD)1909L)
#endif

/* ---- HRESULT --------------------------------------------------------------- */

#ifndef _HRESULT_DEFINED
#define _HRESULT_DEFINED
typedef LONG HRESULT;
#endif

#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#define IS_ERROR(status) (((unsigned long)(status) >> 31) == 1)

#define HRESULT_CODE(hr) ((hr) & 0xFFFF)
#define HRESULT_FACILITY(hr) (((hr) >> 16) & 0x1fff)
#define HRESULT_SEVERITY(hr) (((hr) >> 31) & 0x1)
#define SCODE_CODE(sc) ((sc) & 0xFFFF)
#define SCODE_FACILITY(sc) (((sc) >> 16) & 0x1fff)

#define SEVERITY_SUCCESS 0
#define SEVERITY_ERROR 1

#define FACILITY_NULL 0
#define FACILITY_RPC 1
#define FACILITY_DISPATCH 2
#define FACILITY_STORAGE 3
#define FACILITY_ITF 4
#define FACILITY_WIN32 7
#define FACILITY_WINDOWS 8
#define FACILITY_SECURITY 9
#define FACILITY_SSPI 9

#define MAKE_HRESULT(sev, fac, code) \
    ((HRESULT)(((unsigned long)(sev) << 31) | ((unsigned long)(fac) << 16) | \
               ((unsigned long)(code))))
#define MAKE_SCODE(sev, fac, code) MAKE_HRESULT(sev, fac, code)

#define __HRESULT_FROM_WIN32(x) \
    ((HRESULT)(x) <= 0 ? ((HRESULT)(x)) \
                       : ((HRESULT)(((x) & 0x0000FFFF) | (FACILITY_WIN32 << 16) | \
                                    0x80000000)))
#define HRESULT_FROM_WIN32(x) __HRESULT_FROM_WIN32(x)

/* The Win32 code inside an HRESULT of FACILITY_WIN32 (else the value). */
#define WIN32_FROM_HRESULT(hr) \
    (HRESULT_FACILITY(hr) == FACILITY_WIN32 ? (DWORD)HRESULT_CODE(hr) : (DWORD)(hr))

#define _HRESULT_TYPEDEF_(sc) ((HRESULT)(sc))

#define S_OK ((HRESULT)0L)
#define S_FALSE ((HRESULT)1L)
#define E_UNEXPECTED _HRESULT_TYPEDEF_(0x8000FFFFL)
#define E_NOTIMPL _HRESULT_TYPEDEF_(0x80004001L)
#define E_OUTOFMEMORY _HRESULT_TYPEDEF_(0x8007000EL)
#define E_INVALIDARG _HRESULT_TYPEDEF_(0x80070057L)
#define E_NOINTERFACE _HRESULT_TYPEDEF_(0x80004002L)
#define E_POINTER _HRESULT_TYPEDEF_(0x80004003L)
#define E_HANDLE _HRESULT_TYPEDEF_(0x80070006L)
#define E_ABORT _HRESULT_TYPEDEF_(0x80004004L)
#define E_FAIL _HRESULT_TYPEDEF_(0x80004005L)
#define E_ACCESSDENIED _HRESULT_TYPEDEF_(0x80070005L)
#define E_PENDING _HRESULT_TYPEDEF_(0x8000000AL)
#define E_NOT_SET _HRESULT_TYPEDEF_(0x80070490L)
#define E_NOT_SUFFICIENT_BUFFER _HRESULT_TYPEDEF_(0x8007007AL)
#define E_NOT_VALID_STATE _HRESULT_TYPEDEF_(0x8007139FL)
#define CO_E_NOTINITIALIZED _HRESULT_TYPEDEF_(0x800401F0L)
#define REGDB_E_CLASSNOTREG _HRESULT_TYPEDEF_(0x80040154L)
#define CLASS_E_NOAGGREGATION _HRESULT_TYPEDEF_(0x80040110L)

#endif /* EAPHOST_WIN32_WINERROR_H */
