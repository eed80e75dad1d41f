/*
 * eaphost/win32_error_codes.h - the Win32 ERROR_* codes the host and EAP
 * methods use, in one place: eaphosterror.h and the Windows compatibility
 * layer's winerror.h both include it.  Each is guarded, so a definition
 * that came first wins; all are DWORD-typed, so comparisons with DWORD
 * results draw no warnings.
 */
#ifndef EAPHOST_WIN32_ERROR_CODES_H
#define EAPHOST_WIN32_ERROR_CODES_H

#include <eaphost/wintypes.h>

#ifndef ERROR_SUCCESS
#define ERROR_SUCCESS ((DWORD)0L)
#endif
#ifndef NO_ERROR
#define NO_ERROR ((DWORD)0L)
#endif
#ifndef ERROR_INVALID_FUNCTION
#define ERROR_INVALID_FUNCTION ((DWORD)1L)
#endif
#ifndef ERROR_FILE_NOT_FOUND
#define ERROR_FILE_NOT_FOUND ((DWORD)2L)
#endif
#ifndef ERROR_PATH_NOT_FOUND
#define ERROR_PATH_NOT_FOUND ((DWORD)3L)
#endif
#ifndef ERROR_ACCESS_DENIED
#define ERROR_ACCESS_DENIED ((DWORD)5L)
#endif
#ifndef ERROR_INVALID_HANDLE
#define ERROR_INVALID_HANDLE ((DWORD)6L)
#endif
#ifndef ERROR_NOT_ENOUGH_MEMORY
#define ERROR_NOT_ENOUGH_MEMORY ((DWORD)8L)
#endif
#ifndef ERROR_BAD_FORMAT
#define ERROR_BAD_FORMAT ((DWORD)11L)
#endif
#ifndef ERROR_INVALID_DATA
#define ERROR_INVALID_DATA ((DWORD)13L)
#endif
#ifndef ERROR_OUTOFMEMORY
#define ERROR_OUTOFMEMORY ((DWORD)14L)
#endif
#ifndef ERROR_GEN_FAILURE
#define ERROR_GEN_FAILURE ((DWORD)31L)
#endif
#ifndef ERROR_NOT_SUPPORTED
#define ERROR_NOT_SUPPORTED ((DWORD)50L)
#endif
#ifndef ERROR_INVALID_PARAMETER
#define ERROR_INVALID_PARAMETER ((DWORD)87L)
#endif
#ifndef ERROR_INSUFFICIENT_BUFFER
#define ERROR_INSUFFICIENT_BUFFER ((DWORD)122L)
#endif
#ifndef ERROR_MOD_NOT_FOUND
#define ERROR_MOD_NOT_FOUND ((DWORD)126L)
#endif
#ifndef ERROR_PROC_NOT_FOUND
#define ERROR_PROC_NOT_FOUND ((DWORD)127L)
#endif
#ifndef ERROR_BAD_ARGUMENTS
#define ERROR_BAD_ARGUMENTS ((DWORD)160L)
#endif
#ifndef ERROR_BUSY
#define ERROR_BUSY ((DWORD)170L)
#endif
#ifndef ERROR_ALREADY_EXISTS
#define ERROR_ALREADY_EXISTS ((DWORD)183L)
#endif
#ifndef ERROR_MORE_DATA
#define ERROR_MORE_DATA ((DWORD)234L)
#endif
#ifndef ERROR_NO_MORE_ITEMS
#define ERROR_NO_MORE_ITEMS ((DWORD)259L)
#endif
#ifndef ERROR_INVALID_FLAGS
#define ERROR_INVALID_FLAGS ((DWORD)1004L)
#endif
#ifndef ERROR_DLL_INIT_FAILED
#define ERROR_DLL_INIT_FAILED ((DWORD)1114L)
#endif
#ifndef ERROR_NO_UNICODE_TRANSLATION
#define ERROR_NO_UNICODE_TRANSLATION ((DWORD)1113L)
#endif
#ifndef ERROR_NOT_FOUND
#define ERROR_NOT_FOUND ((DWORD)1168L)
#endif
#ifndef ERROR_CANCELLED
#define ERROR_CANCELLED ((DWORD)1223L)
#endif
#ifndef ERROR_LOGON_FAILURE
#define ERROR_LOGON_FAILURE ((DWORD)1326L)
#endif
#ifndef ERROR_INTERNAL_ERROR
#define ERROR_INTERNAL_ERROR ((DWORD)1359L)
#endif
#ifndef ERROR_TIMEOUT
#define ERROR_TIMEOUT ((DWORD)1460L)
#endif
#ifndef ERROR_INVALID_STATE
#define ERROR_INVALID_STATE ((DWORD)5023L)
#endif

#endif /* EAPHOST_WIN32_ERROR_CODES_H */
