/*
 * windef.h - basic Windows definitions: MAX_PATH, min/max, message
 * parameter types, word and byte helpers.
 *
 * Part of libeaphost's Windows source-compatibility headers (pkg-config
 * module eaphost-windows).
 *
 * min() and max() are macros in C, as on Windows (define NOMINMAX to leave
 * them out).  In C++ they would break the standard library headers that a
 * source includes after this one (std::min, std::max), so there they are
 * defined only on request: define EAPHOST_WINDOWS_MINMAX before the first
 * Windows header, and include the C++ standard headers before it.
 */
#ifndef EAPHOST_WIN32_WINDEF_H
#define EAPHOST_WIN32_WINDEF_H

#include <winnt.h>

#ifndef MAX_PATH
#define MAX_PATH 260
#endif

#if !defined(NOMINMAX) && (!defined(__cplusplus) || defined(EAPHOST_WINDOWS_MINMAX))
#ifndef max
#define max(a, b) (((a) > (b)) ? (a) : (b))
#endif
#ifndef min
#define min(a, b) (((a) < (b)) ? (a) : (b))
#endif
#endif

typedef UINT_PTR WPARAM;
typedef LONG_PTR LPARAM;
typedef LONG_PTR LRESULT;
typedef WORD ATOM;
typedef INT_PTR (*FARPROC)(void);
typedef INT_PTR (*NEARPROC)(void);
typedef INT_PTR (*PROC)(void);
typedef int HFILE;

typedef struct _SECURITY_ATTRIBUTES {
    DWORD nLength;
    LPVOID lpSecurityDescriptor;
    BOOL bInheritHandle;
} SECURITY_ATTRIBUTES, *PSECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;

typedef struct _FILETIME {
    DWORD dwLowDateTime;
    DWORD dwHighDateTime;
} FILETIME, *PFILETIME, *LPFILETIME;

#define MAKEWORD(a, b) ((WORD)(((BYTE)(((DWORD_PTR)(a)) & 0xff)) | \
                               ((WORD)((BYTE)(((DWORD_PTR)(b)) & 0xff))) << 8))
#define MAKELONG(a, b) ((LONG)(((WORD)(((DWORD_PTR)(a)) & 0xffff)) | \
                               ((DWORD)((WORD)(((DWORD_PTR)(b)) & 0xffff))) << 16))
#define LOWORD(l) ((WORD)(((DWORD_PTR)(l)) & 0xffff))
#define HIWORD(l) ((WORD)((((DWORD_PTR)(l)) >> 16) & 0xffff))
#define LOBYTE(w) ((BYTE)(((DWORD_PTR)(w)) & 0xff))
#define HIBYTE(w) ((BYTE)((((DWORD_PTR)(w)) >> 8) & 0xff))

#endif /* EAPHOST_WIN32_WINDEF_H */
