/*
 * strsafe.h - the safe string functions of the Windows SDK: StringCch* and
 * StringCb* Copy, CopyN, Cat, CatN, Length, Printf and VPrintf, in A
 * (char) and W (UTF-16) versions, with the generic names following UNICODE.
 *
 * Part of libeaphost's Windows source-compatibility headers (pkg-config
 * module eaphost-windows); implemented by libeaphost-win32, with Windows'
 * semantics:
 *  - Cch sizes count characters, Cb sizes bytes (a W destination of cbDest
 *    bytes holds cbDest / 2 characters); every destination size includes
 *    the terminating NUL and may not be 0 nor exceed STRSAFE_MAX_CCH
 *    characters, else STRSAFE_E_INVALID_PARAMETER (the destination is then
 *    emptied, where it has room, by Copy* and Printf);
 *  - a result that does not fit is truncated, NUL-terminated, and reported
 *    as STRSAFE_E_INSUFFICIENT_BUFFER; a result of exactly cchDest - 1
 *    characters fits (S_OK);
 *  - Cat* fails with STRSAFE_E_INVALID_PARAMETER when the destination holds
 *    no NUL within its size, and then leaves it untouched;
 *  - Length fails with STRSAFE_E_INVALID_PARAMETER (length 0) when the
 *    string is NULL or has no NUL within cchMax characters;
 *  - Printf formats with Microsoft's rules (in the W version %s is a wide
 *    string and %S a narrow one; see eaphost_w32_wchar.h);
 *  - where Windows would fault on a NULL source or format, these return
 *    STRSAFE_E_INVALID_PARAMETER (and empty the destination).
 * Nothing is allocated.  The Ex variants are not provided.
 */
#ifndef EAPHOST_WIN32_STRSAFE_H
#define EAPHOST_WIN32_STRSAFE_H

#include <windef.h>

#include <eaphost_w32_wchar.h>

#define STRSAFEAPI WINAPI
#define STRSAFE_MAX_CCH 2147483647
#define STRSAFE_MAX_LENGTH (STRSAFE_MAX_CCH - 1)

#define STRSAFE_E_INSUFFICIENT_BUFFER ((HRESULT)0x8007007AL)
#define STRSAFE_E_INVALID_PARAMETER ((HRESULT)0x80070057L)
#define STRSAFE_E_END_OF_FILE ((HRESULT)0x80070026L)

typedef char *STRSAFE_LPSTR;
typedef const char *STRSAFE_LPCSTR;
typedef wchar_t *STRSAFE_LPWSTR;
typedef const wchar_t *STRSAFE_LPCWSTR;
typedef const char *STRSAFE_PCNZCH;
typedef const wchar_t *STRSAFE_PCNZWCH;

#ifdef __cplusplus
extern "C" {
#endif

#define StringCchCopyA eaphost_w32_StringCchCopyA
#define StringCchCopyW eaphost_w32_StringCchCopyW
#define StringCbCopyA eaphost_w32_StringCbCopyA
#define StringCbCopyW eaphost_w32_StringCbCopyW
#define StringCchCopyNA eaphost_w32_StringCchCopyNA
#define StringCchCopyNW eaphost_w32_StringCchCopyNW
#define StringCbCopyNA eaphost_w32_StringCbCopyNA
#define StringCbCopyNW eaphost_w32_StringCbCopyNW
#define StringCchCatA eaphost_w32_StringCchCatA
#define StringCchCatW eaphost_w32_StringCchCatW
#define StringCbCatA eaphost_w32_StringCbCatA
#define StringCbCatW eaphost_w32_StringCbCatW
#define StringCchCatNA eaphost_w32_StringCchCatNA
#define StringCchCatNW eaphost_w32_StringCchCatNW
#define StringCbCatNA eaphost_w32_StringCbCatNA
#define StringCbCatNW eaphost_w32_StringCbCatNW
#define StringCchLengthA eaphost_w32_StringCchLengthA
#define StringCchLengthW eaphost_w32_StringCchLengthW
#define StringCbLengthA eaphost_w32_StringCbLengthA
#define StringCbLengthW eaphost_w32_StringCbLengthW
#define StringCchPrintfA eaphost_w32_StringCchPrintfA
#define StringCchPrintfW eaphost_w32_StringCchPrintfW
#define StringCbPrintfA eaphost_w32_StringCbPrintfA
#define StringCbPrintfW eaphost_w32_StringCbPrintfW
#define StringCchVPrintfA eaphost_w32_StringCchVPrintfA
#define StringCchVPrintfW eaphost_w32_StringCchVPrintfW
#define StringCbVPrintfA eaphost_w32_StringCbVPrintfA
#define StringCbVPrintfW eaphost_w32_StringCbVPrintfW

HRESULT STRSAFEAPI StringCchCopyA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszSrc);
HRESULT STRSAFEAPI StringCchCopyW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszSrc);
HRESULT STRSAFEAPI StringCbCopyA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszSrc);
HRESULT STRSAFEAPI StringCbCopyW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszSrc);
HRESULT STRSAFEAPI StringCchCopyNA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszSrc, size_t cchToCopy);
HRESULT STRSAFEAPI StringCchCopyNW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszSrc, size_t cchToCopy);
HRESULT STRSAFEAPI StringCbCopyNA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszSrc, size_t cbToCopy);
HRESULT STRSAFEAPI StringCbCopyNW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszSrc, size_t cbToCopy);
HRESULT STRSAFEAPI StringCchCatA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszSrc);
HRESULT STRSAFEAPI StringCchCatW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszSrc);
HRESULT STRSAFEAPI StringCbCatA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszSrc);
HRESULT STRSAFEAPI StringCbCatW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszSrc);
HRESULT STRSAFEAPI StringCchCatNA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszSrc, size_t cchToAppend);
HRESULT STRSAFEAPI StringCchCatNW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszSrc, size_t cchToAppend);
HRESULT STRSAFEAPI StringCbCatNA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszSrc, size_t cbToAppend);
HRESULT STRSAFEAPI StringCbCatNW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszSrc, size_t cbToAppend);
HRESULT STRSAFEAPI StringCchLengthA(STRSAFE_LPCSTR psz, size_t cchMax, size_t *pcchLength);
HRESULT STRSAFEAPI StringCchLengthW(STRSAFE_LPCWSTR psz, size_t cchMax, size_t *pcchLength);
HRESULT STRSAFEAPI StringCbLengthA(STRSAFE_LPCSTR psz, size_t cbMax, size_t *pcbLength);
HRESULT STRSAFEAPI StringCbLengthW(STRSAFE_LPCWSTR psz, size_t cbMax, size_t *pcbLength);
HRESULT STRSAFEAPI StringCchPrintfA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszFormat, ...);
HRESULT STRSAFEAPI StringCchPrintfW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszFormat, ...);
HRESULT STRSAFEAPI StringCbPrintfA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszFormat, ...);
HRESULT STRSAFEAPI StringCbPrintfW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszFormat, ...);
HRESULT STRSAFEAPI StringCchVPrintfA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszFormat, va_list argList);
HRESULT STRSAFEAPI StringCchVPrintfW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszFormat, va_list argList);
HRESULT STRSAFEAPI StringCbVPrintfA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszFormat, va_list argList);
HRESULT STRSAFEAPI StringCbVPrintfW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszFormat, va_list argList);

#ifdef UNICODE
#define StringCchCopy StringCchCopyW
#define StringCbCopy StringCbCopyW
#define StringCchCopyN StringCchCopyNW
#define StringCbCopyN StringCbCopyNW
#define StringCchCat StringCchCatW
#define StringCbCat StringCbCatW
#define StringCchCatN StringCchCatNW
#define StringCbCatN StringCbCatNW
#define StringCchLength StringCchLengthW
#define StringCbLength StringCbLengthW
#define StringCchPrintf StringCchPrintfW
#define StringCbPrintf StringCbPrintfW
#define StringCchVPrintf StringCchVPrintfW
#define StringCbVPrintf StringCbVPrintfW
#else
#define StringCchCopy StringCchCopyA
#define StringCbCopy StringCbCopyA
#define StringCchCopyN StringCchCopyNA
#define StringCbCopyN StringCbCopyNA
#define StringCchCat StringCchCatA
#define StringCbCat StringCbCatA
#define StringCchCatN StringCchCatNA
#define StringCbCatN StringCbCatNA
#define StringCchLength StringCchLengthA
#define StringCbLength StringCbLengthA
#define StringCchPrintf StringCchPrintfA
#define StringCbPrintf StringCbPrintfA
#define StringCchVPrintf StringCchVPrintfA
#define StringCbVPrintf StringCbVPrintfA
#endif

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_WIN32_STRSAFE_H */
