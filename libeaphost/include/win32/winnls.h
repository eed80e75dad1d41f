/*
 * winnls.h - code-page conversion: MultiByteToWideChar and
 * WideCharToMultiByte.
 *
 * Part of libeaphost's Windows source-compatibility headers (pkg-config
 * module eaphost-windows); implemented by libeaphost-win32.
 *
 * The ANSI code page here is UTF-8: CP_ACP, CP_OEMCP and CP_THREAD_ACP
 * convert exactly as CP_UTF8 does (GetACP() answers CP_UTF8), except that
 * they accept the flags and default-character arguments that code written
 * for a Windows ANSI code page passes.  Any other code page fails with
 * ERROR_INVALID_PARAMETER.  Windows' conventions hold:
 *  - a source length of -1 means "NUL-terminated", and the NUL is then
 *    converted and counted; a length of 0 fails (ERROR_INVALID_PARAMETER);
 *  - a destination size of 0 asks for the size needed, nothing is written;
 *  - a destination that is too small fails with ERROR_INSUFFICIENT_BUFFER
 *    (returns 0; its contents are then unspecified);
 *  - invalid input (malformed UTF-8, unpaired surrogates) becomes U+FFFD,
 *    one per maximal ill-formed subsequence, unless MB_ERR_INVALID_CHARS /
 *    WC_ERR_INVALID_CHARS ask for failure with ERROR_NO_UNICODE_TRANSLATION.
 *    For CP_ACP with lpDefaultChar, an unpaired surrogate becomes that
 *    character and *lpUsedDefaultChar is set.
 * The result counts UTF-16 units (MultiByteToWideChar) or bytes
 * (WideCharToMultiByte).  Nothing is allocated.
 */
#ifndef EAPHOST_WIN32_WINNLS_H
#define EAPHOST_WIN32_WINNLS_H

#include <windef.h>

#define CP_ACP 0
#define CP_OEMCP 1
#define CP_MACCP 2
#define CP_THREAD_ACP 3
#define CP_SYMBOL 42
#define CP_UTF7 65000
#define CP_UTF8 65001

#define MB_PRECOMPOSED 0x00000001
#define MB_COMPOSITE 0x00000002
#define MB_USEGLYPHCHARS 0x00000004
#define MB_ERR_INVALID_CHARS 0x00000008

#define WC_DISCARDNS 0x00000010
#define WC_SEPCHARS 0x00000020
#define WC_DEFAULTCHAR 0x00000040
#define WC_ERR_INVALID_CHARS 0x00000080
#define WC_COMPOSITECHECK 0x00000200
#define WC_NO_BEST_FIT_CHARS 0x00000400

#ifdef __cplusplus
extern "C" {
#endif

#define MultiByteToWideChar eaphost_w32_MultiByteToWideChar
#define WideCharToMultiByte eaphost_w32_WideCharToMultiByte
#define GetACP eaphost_w32_GetACP
#define GetOEMCP eaphost_w32_GetOEMCP

int WINAPI MultiByteToWideChar(UINT CodePage, DWORD dwFlags, LPCCH lpMultiByteStr,
                               int cbMultiByte, LPWSTR lpWideCharStr, int cchWideChar);
int WINAPI WideCharToMultiByte(UINT CodePage, DWORD dwFlags, LPCWCH lpWideCharStr,
                               int cchWideChar, LPSTR lpMultiByteStr, int cbMultiByte,
                               LPCCH lpDefaultChar, LPBOOL lpUsedDefaultChar);
UINT WINAPI GetACP(void);
UINT WINAPI GetOEMCP(void);

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_WIN32_WINNLS_H */
