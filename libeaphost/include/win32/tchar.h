/*
 * tchar.h - generic-text names (_T, _tcslen, _stprintf ...) that follow
 * _UNICODE, as in Microsoft's C runtime.
 *
 * Part of libeaphost's Windows source-compatibility headers (pkg-config
 * module eaphost-windows).  With _UNICODE the names map onto the routed
 * UTF-16 functions of eaphost_w32_wchar.h; without it onto the C library's
 * narrow ones (and Microsoft's _snprintf, implemented here).
 */
#ifndef EAPHOST_WIN32_TCHAR_H
#define EAPHOST_WIN32_TCHAR_H

#include <string.h>
#include <strings.h>

#include <eaphost_w32_wchar.h>

#ifdef _UNICODE
typedef wchar_t _TCHAR;
typedef wchar_t _TSCHAR;
typedef wchar_t _TUCHAR;
typedef wchar_t _TXCHAR;
#define __T(x) L##x
#define _tcslen wcslen
#define _tcsnlen wcsnlen
#define _tcscpy wcscpy
#define _tcsncpy wcsncpy
#define _tcscat wcscat
#define _tcsncat wcsncat
#define _tcscmp wcscmp
#define _tcsncmp wcsncmp
#define _tcsicmp _wcsicmp
#define _tcsnicmp _wcsnicmp
#define _tcschr wcschr
#define _tcsrchr wcsrchr
#define _tcsstr wcsstr
#define _tcsdup _wcsdup
#define _tcstol wcstol
#define _tcstoul wcstoul
#define _ttoi _wtoi
#define _ttol _wtol
#define _stprintf swprintf
#define _sntprintf _snwprintf
#define _vstprintf vswprintf
#define _vsntprintf _vsnwprintf
#define _tprintf wprintf
#define _ftprintf fwprintf
#define _tcscpy_s wcscpy_s
#define _tcsncpy_s wcsncpy_s
#define _tcscat_s wcscat_s
#define _stprintf_s swprintf_s
#else
typedef char _TCHAR;
typedef signed char _TSCHAR;
typedef unsigned char _TUCHAR;
typedef char _TXCHAR;
#define __T(x) x
#define _tcslen strlen
#define _tcsnlen strnlen
#define _tcscpy strcpy
#define _tcsncpy strncpy
#define _tcscat strcat
#define _tcsncat strncat
#define _tcscmp strcmp
#define _tcsncmp strncmp
#define _tcsicmp strcasecmp
#define _tcsnicmp strncasecmp
#define _tcschr strchr
#define _tcsrchr strrchr
#define _tcsstr strstr
#define _tcsdup strdup
#define _tcstol strtol
#define _tcstoul strtoul
#define _ttoi atoi
#define _ttol atol
#define _stprintf sprintf
#define _sntprintf _snprintf
#define _vstprintf vsprintf
#define _vsntprintf _vsnprintf
#define _tprintf printf
#define _ftprintf fprintf
#endif

#define _T(x) __T(x)
#define _TEXT(x) __T(x)

#endif /* EAPHOST_WIN32_TCHAR_H */
