/*
 * eaphost_w32_wchar.h - routes the C library's wide-character functions to
 * libeaphost-win32's UTF-16 implementations.
 *
 * Part of libeaphost's Windows source-compatibility headers (pkg-config
 * module eaphost-windows).  Not included directly: <windows.h>, <wchar.h>,
 * <stdlib.h>-using headers and the C++ wrappers <cwchar> and <cstdlib> of
 * this directory include it.
 *
 * Why: Windows-style sources are compiled with -fshort-wchar, so wchar_t is
 * a 16-bit UTF-16 code unit, but the C library's wcs* functions were built
 * for a 4-byte wchar_t.  wcslen(L"abc") there reads 4-byte units and walks
 * past the string.  So every name below becomes a macro for the emulator's
 * function of the same purpose (eaphost_w32_<name>), with Microsoft's
 * semantics where they differ from ISO C:
 *  - wide printf: %s and %c take a wide string / character, %S and %C a
 *    narrow one, %hs / %ls / %ws and %hc / %lc / %wc are explicit; l is 32
 *    bits for integers (%ld, %lu, %lx as for a LONG or DWORD); I64, I32, I,
 *    ll, z, j, t, h and hh are accepted; %p prints 16 upper-case hex digits;
 *    a NULL string prints "(null)"; %n is refused (the call fails);
 *  - wcstol / wcstoul have Windows' 32-bit range (LONG_MIN..LONG_MAX of
 *    Windows, 0..0xFFFFFFFF) and set errno to ERANGE when clamping;
 *  - _wcsicmp / _wcsnicmp compare case-insensitively in the "C" locale
 *    (ASCII letters only), by code unit otherwise;
 *  - multibyte means UTF-8 (the emulator's CP_ACP): mbstowcs, wcstombs.
 * Wide functions the layer does not implement (wcscoll, wcsxfrm, wcsftime,
 * the wide scanf family, fgetws / fputws, mbrtowc and its relatives,
 * mbtowc / wctomb) are declared unavailable: a call stops the build with a
 * message instead of silently reaching the C library.
 *
 * The macros are re-applied each time this file is included: the C++
 * library's <cwchar> and <cstdlib> #undef them, and this directory's
 * wrappers of those two headers include this file again afterwards.  In
 * C++ the functions are also declared in namespace std, so std::wcslen
 * is routed as well.
 *
 * What stays out of reach in C++: std::wstring, std::wcout and every other
 * wchar_t part of the C++ library were compiled for a 4-byte wchar_t; use
 * WCHAR arrays and the functions here instead.
 */

/* ---- declarations (once) ---------------------------------------------------- */

#ifndef EAPHOST_W32_WCHAR_DECLS
#define EAPHOST_W32_WCHAR_DECLS

/*
 * These may include this file again (through the wrappers of this
 * directory) before the declarations below exist: the macros wait for
 * EAPHOST_W32_WCHAR_READY, so the C++ library's own using-declarations
 * made meanwhile still name its functions.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#if !defined(__WCHAR_MAX__) || (__WCHAR_MAX__ != 0xffff && __WCHAR_MAX__ != 0x7fff)
#error "Windows-style sources need a 16-bit wchar_t: compile with -fshort-wchar (pkg-config --cflags eaphost-windows)"
#endif

#if defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 12)
#define EAPHOST_W32_UNAVAILABLE(what) \
    __attribute__((__unavailable__(what " is not provided by libeaphost's Windows layer (the C library's version assumes a 4-byte wchar_t)")))
#else
#define EAPHOST_W32_UNAVAILABLE(what) \
    __attribute__((__error__(what " is not provided by libeaphost's Windows layer (the C library's version assumes a 4-byte wchar_t)")))
#endif

#ifndef _ERRNO_T_DEFINED
#define _ERRNO_T_DEFINED
typedef int errno_t;
#endif
#ifndef _TRUNCATE
#define _TRUNCATE ((size_t)-1)
#endif
#ifndef STRUNCATE
#define STRUNCATE 80
#endif

struct tm;

#ifdef __cplusplus
extern "C" {
#endif

/* Strings.  Pointers in, pointers out: nothing is allocated except by
 * eaphost_w32_wcsdup (release with free()). */
size_t eaphost_w32_wcslen(const wchar_t *s);
size_t eaphost_w32_wcsnlen(const wchar_t *s, size_t max);
wchar_t *eaphost_w32_wcscpy(wchar_t *dst, const wchar_t *src);
wchar_t *eaphost_w32_wcsncpy(wchar_t *dst, const wchar_t *src, size_t n);
wchar_t *eaphost_w32_wcscat(wchar_t *dst, const wchar_t *src);
wchar_t *eaphost_w32_wcsncat(wchar_t *dst, const wchar_t *src, size_t n);
int eaphost_w32_wcscmp(const wchar_t *a, const wchar_t *b);
int eaphost_w32_wcsncmp(const wchar_t *a, const wchar_t *b, size_t n);
int eaphost_w32__wcsicmp(const wchar_t *a, const wchar_t *b);
int eaphost_w32__wcsnicmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *eaphost_w32_wcschr(const wchar_t *s, wchar_t c);
wchar_t *eaphost_w32_wcsrchr(const wchar_t *s, wchar_t c);
wchar_t *eaphost_w32_wcsstr(const wchar_t *haystack, const wchar_t *needle);
wchar_t *eaphost_w32_wcspbrk(const wchar_t *s, const wchar_t *set);
size_t eaphost_w32_wcsspn(const wchar_t *s, const wchar_t *set);
size_t eaphost_w32_wcscspn(const wchar_t *s, const wchar_t *set);
wchar_t *eaphost_w32_wcstok(wchar_t *s, const wchar_t *delim, wchar_t **context);
wchar_t *eaphost_w32__wcstok(wchar_t *s, const wchar_t *delim);
wchar_t *eaphost_w32_wcsdup(const wchar_t *s);
wchar_t *eaphost_w32__wcslwr(wchar_t *s);
wchar_t *eaphost_w32__wcsupr(wchar_t *s);
wchar_t *eaphost_w32_wmemcpy(wchar_t *dst, const wchar_t *src, size_t n);
wchar_t *eaphost_w32_wmemmove(wchar_t *dst, const wchar_t *src, size_t n);
wchar_t *eaphost_w32_wmemset(wchar_t *dst, wchar_t c, size_t n);
int eaphost_w32_wmemcmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *eaphost_w32_wmemchr(const wchar_t *s, wchar_t c, size_t n);

/* Secure CRT variants: on a bad argument they empty @dst (when they can)
 * and return EINVAL or ERANGE, as with an invalid-parameter handler that
 * returns; with @count == _TRUNCATE they truncate and return STRUNCATE. */
errno_t eaphost_w32_wcscpy_s(wchar_t *dst, size_t size, const wchar_t *src);
errno_t eaphost_w32_wcsncpy_s(wchar_t *dst, size_t size, const wchar_t *src,
                              size_t count);
errno_t eaphost_w32_wcscat_s(wchar_t *dst, size_t size, const wchar_t *src);

/* Numbers. */
long eaphost_w32_wcstol(const wchar_t *s, wchar_t **end, int base);
unsigned long eaphost_w32_wcstoul(const wchar_t *s, wchar_t **end, int base);
long long eaphost_w32_wcstoll(const wchar_t *s, wchar_t **end, int base);
unsigned long long eaphost_w32_wcstoull(const wchar_t *s, wchar_t **end, int base);
double eaphost_w32_wcstod(const wchar_t *s, wchar_t **end);
float eaphost_w32_wcstof(const wchar_t *s, wchar_t **end);
long double eaphost_w32_wcstold(const wchar_t *s, wchar_t **end);
int eaphost_w32__wtoi(const wchar_t *s);
long eaphost_w32__wtol(const wchar_t *s);
long long eaphost_w32__wtoi64(const wchar_t *s);
double eaphost_w32__wtof(const wchar_t *s);
wchar_t *eaphost_w32__itow(int value, wchar_t *buf, int radix);
wchar_t *eaphost_w32__ltow(long value, wchar_t *buf, int radix);
wchar_t *eaphost_w32__ultow(unsigned long value, wchar_t *buf, int radix);

/* Formatted output, Microsoft's rules (see above).  Results count UTF-16
 * units (narrow functions: bytes), without the terminating NUL. */
int eaphost_w32_swprintf(wchar_t *buf, size_t count, const wchar_t *fmt, ...);
int eaphost_w32_vswprintf(wchar_t *buf, size_t count, const wchar_t *fmt,
                          va_list ap);
int eaphost_w32__snwprintf(wchar_t *buf, size_t count, const wchar_t *fmt, ...);
int eaphost_w32__vsnwprintf(wchar_t *buf, size_t count, const wchar_t *fmt,
                            va_list ap);
int eaphost_w32_swprintf_s(wchar_t *buf, size_t size, const wchar_t *fmt, ...);
int eaphost_w32__snwprintf_s(wchar_t *buf, size_t size, size_t count,
                             const wchar_t *fmt, ...);
int eaphost_w32__scwprintf(const wchar_t *fmt, ...);
int eaphost_w32__vscwprintf(const wchar_t *fmt, va_list ap);
int eaphost_w32_wprintf(const wchar_t *fmt, ...);
int eaphost_w32_vwprintf(const wchar_t *fmt, va_list ap);
int eaphost_w32_fwprintf(FILE *stream, const wchar_t *fmt, ...);
int eaphost_w32_vfwprintf(FILE *stream, const wchar_t *fmt, va_list ap);
int eaphost_w32__snprintf(char *buf, size_t count, const char *fmt, ...);
int eaphost_w32__vsnprintf(char *buf, size_t count, const char *fmt, va_list ap);
int eaphost_w32__scprintf(const char *fmt, ...);
int eaphost_w32__vscprintf(const char *fmt, va_list ap);

/* Multibyte (UTF-8) <-> UTF-16. */
size_t eaphost_w32_mbstowcs(wchar_t *dst, const char *src, size_t count);
size_t eaphost_w32_wcstombs(char *dst, const wchar_t *src, size_t count);

/* Not provided: declared so that a call names the function and the reason. */
int eaphost_w32_unavailable_wcscoll(const wchar_t *a, const wchar_t *b)
    EAPHOST_W32_UNAVAILABLE("wcscoll");
size_t eaphost_w32_unavailable_wcsxfrm(wchar_t *dst, const wchar_t *src, size_t n)
    EAPHOST_W32_UNAVAILABLE("wcsxfrm");
size_t eaphost_w32_unavailable_wcsftime(wchar_t *s, size_t max, const wchar_t *fmt,
                                        const struct tm *tp)
    EAPHOST_W32_UNAVAILABLE("wcsftime");
int eaphost_w32_unavailable_swscanf(const wchar_t *s, const wchar_t *fmt, ...)
    EAPHOST_W32_UNAVAILABLE("swscanf");
int eaphost_w32_unavailable_wscanf(const wchar_t *fmt, ...)
    EAPHOST_W32_UNAVAILABLE("wscanf");
int eaphost_w32_unavailable_fwscanf(FILE *f, const wchar_t *fmt, ...)
    EAPHOST_W32_UNAVAILABLE("fwscanf");
int eaphost_w32_unavailable_vswscanf(const wchar_t *s, const wchar_t *fmt, va_list ap)
    EAPHOST_W32_UNAVAILABLE("vswscanf");
int eaphost_w32_unavailable_vwscanf(const wchar_t *fmt, va_list ap)
    EAPHOST_W32_UNAVAILABLE("vwscanf");
int eaphost_w32_unavailable_vfwscanf(FILE *f, const wchar_t *fmt, va_list ap)
    EAPHOST_W32_UNAVAILABLE("vfwscanf");
wchar_t *eaphost_w32_unavailable_fgetws(wchar_t *s, int n, FILE *f)
    EAPHOST_W32_UNAVAILABLE("fgetws");
int eaphost_w32_unavailable_fputws(const wchar_t *s, FILE *f)
    EAPHOST_W32_UNAVAILABLE("fputws");
size_t eaphost_w32_unavailable_mbrtowc(wchar_t *pwc, const char *s, size_t n,
                                       mbstate_t *ps)
    EAPHOST_W32_UNAVAILABLE("mbrtowc");
size_t eaphost_w32_unavailable_wcrtomb(char *s, wchar_t wc, mbstate_t *ps)
    EAPHOST_W32_UNAVAILABLE("wcrtomb");
size_t eaphost_w32_unavailable_mbsrtowcs(wchar_t *dst, const char **src, size_t n,
                                         mbstate_t *ps)
    EAPHOST_W32_UNAVAILABLE("mbsrtowcs");
size_t eaphost_w32_unavailable_wcsrtombs(char *dst, const wchar_t **src, size_t n,
                                         mbstate_t *ps)
    EAPHOST_W32_UNAVAILABLE("wcsrtombs");
int eaphost_w32_unavailable_mbtowc(wchar_t *pwc, const char *s, size_t n)
    EAPHOST_W32_UNAVAILABLE("mbtowc");
int eaphost_w32_unavailable_wctomb(char *s, wchar_t wc)
    EAPHOST_W32_UNAVAILABLE("wctomb");

#ifdef __cplusplus
} /* extern "C" */

/* The C++ overloads of the secure CRT for arrays, as Microsoft's CRT has. */
template <size_t N>
inline errno_t eaphost_w32_wcscpy_s(wchar_t (&dst)[N], const wchar_t *src)
{
    return eaphost_w32_wcscpy_s(dst, N, src);
}
template <size_t N>
inline errno_t eaphost_w32_wcsncpy_s(wchar_t (&dst)[N], const wchar_t *src,
                                     size_t count)
{
    return eaphost_w32_wcsncpy_s(dst, N, src, count);
}
template <size_t N>
inline errno_t eaphost_w32_wcscat_s(wchar_t (&dst)[N], const wchar_t *src)
{
    return eaphost_w32_wcscat_s(dst, N, src);
}

namespace std {
using ::eaphost_w32_wcslen;
using ::eaphost_w32_wcscpy;
using ::eaphost_w32_wcsncpy;
using ::eaphost_w32_wcscat;
using ::eaphost_w32_wcsncat;
using ::eaphost_w32_wcscmp;
using ::eaphost_w32_wcsncmp;
using ::eaphost_w32_wcschr;
using ::eaphost_w32_wcsrchr;
using ::eaphost_w32_wcsstr;
using ::eaphost_w32_wcspbrk;
using ::eaphost_w32_wcsspn;
using ::eaphost_w32_wcscspn;
using ::eaphost_w32_wcstok;
using ::eaphost_w32_wmemcpy;
using ::eaphost_w32_wmemmove;
using ::eaphost_w32_wmemset;
using ::eaphost_w32_wmemcmp;
using ::eaphost_w32_wmemchr;
using ::eaphost_w32_wcstol;
using ::eaphost_w32_wcstoul;
using ::eaphost_w32_wcstoll;
using ::eaphost_w32_wcstoull;
using ::eaphost_w32_wcstod;
using ::eaphost_w32_wcstof;
using ::eaphost_w32_wcstold;
using ::eaphost_w32_swprintf;
using ::eaphost_w32_vswprintf;
using ::eaphost_w32_wprintf;
using ::eaphost_w32_vwprintf;
using ::eaphost_w32_fwprintf;
using ::eaphost_w32_vfwprintf;
using ::eaphost_w32_mbstowcs;
using ::eaphost_w32_wcstombs;
using ::eaphost_w32_unavailable_wcscoll;
using ::eaphost_w32_unavailable_wcsxfrm;
using ::eaphost_w32_unavailable_wcsftime;
using ::eaphost_w32_unavailable_swscanf;
using ::eaphost_w32_unavailable_wscanf;
using ::eaphost_w32_unavailable_fwscanf;
using ::eaphost_w32_unavailable_vswscanf;
using ::eaphost_w32_unavailable_vwscanf;
using ::eaphost_w32_unavailable_vfwscanf;
using ::eaphost_w32_unavailable_fgetws;
using ::eaphost_w32_unavailable_fputws;
using ::eaphost_w32_unavailable_mbrtowc;
using ::eaphost_w32_unavailable_wcrtomb;
using ::eaphost_w32_unavailable_mbsrtowcs;
using ::eaphost_w32_unavailable_wcsrtombs;
using ::eaphost_w32_unavailable_mbtowc;
using ::eaphost_w32_unavailable_wctomb;
} /* namespace std */
#endif /* __cplusplus */

#define EAPHOST_W32_WCHAR_READY 1
#endif /* EAPHOST_W32_WCHAR_DECLS */

/* ---- the routing macros (every time: see above) ------------------------------ */

#ifdef EAPHOST_W32_WCHAR_READY

#undef wcslen
#define wcslen eaphost_w32_wcslen
#undef wcsnlen
#define wcsnlen eaphost_w32_wcsnlen
#undef wcscpy
#define wcscpy eaphost_w32_wcscpy
#undef wcsncpy
#define wcsncpy eaphost_w32_wcsncpy
#undef wcscat
#define wcscat eaphost_w32_wcscat
#undef wcsncat
#define wcsncat eaphost_w32_wcsncat
#undef wcscmp
#define wcscmp eaphost_w32_wcscmp
#undef wcsncmp
#define wcsncmp eaphost_w32_wcsncmp
#undef _wcsicmp
#define _wcsicmp eaphost_w32__wcsicmp
#undef wcsicmp
#define wcsicmp eaphost_w32__wcsicmp
#undef _wcsnicmp
#define _wcsnicmp eaphost_w32__wcsnicmp
#undef wcsnicmp
#define wcsnicmp eaphost_w32__wcsnicmp
#undef wcschr
#define wcschr eaphost_w32_wcschr
#undef wcsrchr
#define wcsrchr eaphost_w32_wcsrchr
#undef wcsstr
#define wcsstr eaphost_w32_wcsstr
#undef wcspbrk
#define wcspbrk eaphost_w32_wcspbrk
#undef wcsspn
#define wcsspn eaphost_w32_wcsspn
#undef wcscspn
#define wcscspn eaphost_w32_wcscspn
#undef wcstok
#define wcstok eaphost_w32_wcstok
#undef wcstok_s
#define wcstok_s eaphost_w32_wcstok
#undef _wcstok
#define _wcstok eaphost_w32__wcstok
#undef wcsdup
#define wcsdup eaphost_w32_wcsdup
#undef _wcsdup
#define _wcsdup eaphost_w32_wcsdup
#undef _wcslwr
#define _wcslwr eaphost_w32__wcslwr
#undef _wcsupr
#define _wcsupr eaphost_w32__wcsupr
#undef wmemcpy
#define wmemcpy eaphost_w32_wmemcpy
#undef wmemmove
#define wmemmove eaphost_w32_wmemmove
#undef wmemset
#define wmemset eaphost_w32_wmemset
#undef wmemcmp
#define wmemcmp eaphost_w32_wmemcmp
#undef wmemchr
#define wmemchr eaphost_w32_wmemchr
#undef wcscpy_s
#define wcscpy_s eaphost_w32_wcscpy_s
#undef wcsncpy_s
#define wcsncpy_s eaphost_w32_wcsncpy_s
#undef wcscat_s
#define wcscat_s eaphost_w32_wcscat_s

#undef wcstol
#define wcstol eaphost_w32_wcstol
#undef wcstoul
#define wcstoul eaphost_w32_wcstoul
#undef wcstoll
#define wcstoll eaphost_w32_wcstoll
#undef wcstoull
#define wcstoull eaphost_w32_wcstoull
#undef _wcstoi64
#define _wcstoi64 eaphost_w32_wcstoll
#undef _wcstoui64
#define _wcstoui64 eaphost_w32_wcstoull
#undef wcstod
#define wcstod eaphost_w32_wcstod
#undef wcstof
#define wcstof eaphost_w32_wcstof
#undef wcstold
#define wcstold eaphost_w32_wcstold
#undef _wtoi
#define _wtoi eaphost_w32__wtoi
#undef _wtol
#define _wtol eaphost_w32__wtol
#undef _wtoi64
#define _wtoi64 eaphost_w32__wtoi64
#undef _wtof
#define _wtof eaphost_w32__wtof
#undef _itow
#define _itow eaphost_w32__itow
#undef _ltow
#define _ltow eaphost_w32__ltow
#undef _ultow
#define _ultow eaphost_w32__ultow

#undef swprintf
#define swprintf eaphost_w32_swprintf
#undef vswprintf
#define vswprintf eaphost_w32_vswprintf
#undef _swprintf_c
#define _swprintf_c eaphost_w32_swprintf
#undef _snwprintf
#define _snwprintf eaphost_w32__snwprintf
#undef _vsnwprintf
#define _vsnwprintf eaphost_w32__vsnwprintf
#undef swprintf_s
#define swprintf_s eaphost_w32_swprintf_s
#undef _snwprintf_s
#define _snwprintf_s eaphost_w32__snwprintf_s
#undef _scwprintf
#define _scwprintf eaphost_w32__scwprintf
#undef _vscwprintf
#define _vscwprintf eaphost_w32__vscwprintf
#undef wprintf
#define wprintf eaphost_w32_wprintf
#undef vwprintf
#define vwprintf eaphost_w32_vwprintf
#undef fwprintf
#define fwprintf eaphost_w32_fwprintf
#undef vfwprintf
#define vfwprintf eaphost_w32_vfwprintf
#undef _snprintf
#define _snprintf eaphost_w32__snprintf
#undef _vsnprintf
#define _vsnprintf eaphost_w32__vsnprintf
#undef _scprintf
#define _scprintf eaphost_w32__scprintf
#undef _vscprintf
#define _vscprintf eaphost_w32__vscprintf

#undef mbstowcs
#define mbstowcs eaphost_w32_mbstowcs
#undef wcstombs
#define wcstombs eaphost_w32_wcstombs

#undef wcscoll
#define wcscoll eaphost_w32_unavailable_wcscoll
#undef wcsxfrm
#define wcsxfrm eaphost_w32_unavailable_wcsxfrm
#undef wcsftime
#define wcsftime eaphost_w32_unavailable_wcsftime
#undef swscanf
#define swscanf eaphost_w32_unavailable_swscanf
#undef wscanf
#define wscanf eaphost_w32_unavailable_wscanf
#undef fwscanf
#define fwscanf eaphost_w32_unavailable_fwscanf
#undef vswscanf
#define vswscanf eaphost_w32_unavailable_vswscanf
#undef vwscanf
#define vwscanf eaphost_w32_unavailable_vwscanf
#undef vfwscanf
#define vfwscanf eaphost_w32_unavailable_vfwscanf
#undef fgetws
#define fgetws eaphost_w32_unavailable_fgetws
#undef fputws
#define fputws eaphost_w32_unavailable_fputws
#undef mbrtowc
#define mbrtowc eaphost_w32_unavailable_mbrtowc
#undef wcrtomb
#define wcrtomb eaphost_w32_unavailable_wcrtomb
#undef mbsrtowcs
#define mbsrtowcs eaphost_w32_unavailable_mbsrtowcs
#undef wcsrtombs
#define wcsrtombs eaphost_w32_unavailable_wcsrtombs
#undef mbtowc
#define mbtowc eaphost_w32_unavailable_mbtowc
#undef wctomb
#define wctomb eaphost_w32_unavailable_wctomb

#endif /* EAPHOST_W32_WCHAR_READY */
