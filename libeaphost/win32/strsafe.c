/*
 * strsafe.c - StringCch* and StringCb*: Copy, CopyN, Cat, CatN, Length,
 * Printf, VPrintf, in A and W versions, with the Windows SDK's semantics
 * (see strsafe.h): destination sizes include the NUL and must be 1 ..
 * STRSAFE_MAX_CCH characters; what does not fit is truncated, terminated
 * and reported as STRSAFE_E_INSUFFICIENT_BUFFER.
 *
 * The A and W versions share one implementation over "units" (bytes or
 * WCHARs); the Cb versions divide byte counts by the unit size, as the
 * SDK's inline functions do (an odd cbDest loses its last byte).
 */
#include "w32_internal.h"

static unsigned get_unit(const void *s, bool wide, size_t i)
{
    return wide ? ((const WCHAR *)s)[i] : ((const unsigned char *)s)[i];
}

static void set_unit(void *s, bool wide, size_t i, unsigned v)
{
    if (wide)
        ((WCHAR *)s)[i] = (WCHAR)v;
    else
        ((char *)s)[i] = (char)v;
}

static size_t unit_size(bool wide)
{
    return wide ? sizeof(WCHAR) : 1;
}

static bool dest_ok(const void *dst, size_t cch)
{
    return dst && cch != 0 && cch <= STRSAFE_MAX_CCH;
}

/*
 * The SDK's copy worker: copy at most @max units of @src into @dst (@cch
 * units, @cch >= 1); when the room runs out, the last unit is replaced by
 * the NUL and the result is STRSAFE_E_INSUFFICIENT_BUFFER.
 */
static HRESULT copy_worker(void *dst, size_t cch, const void *src, size_t max, bool wide)
{
    size_t i = 0;
    HRESULT hr = S_OK;
    unsigned u;

    while (i < cch && i < max && (u = get_unit(src, wide, i)) != 0) {
        set_unit(dst, wide, i, u);
        i++;
    }
    if (i == cch) {
        i--;
        hr = STRSAFE_E_INSUFFICIENT_BUFFER;
    }
    set_unit(dst, wide, i, 0);
    return hr;
}

/* Copy / CopyN: @max is the most units to take from @src. */
static HRESULT do_copy(void *dst, size_t cch, const void *src, size_t max, bool wide)
{
    if (dest_ok(dst, cch) && src && max <= STRSAFE_MAX_LENGTH)
        return copy_worker(dst, cch, src, max, wide);
    if (dst && cch != 0)
        set_unit(dst, wide, 0, 0);
    return STRSAFE_E_INVALID_PARAMETER;
}

/* Units before the NUL within @max, or STRSAFE_E_INVALID_PARAMETER. */
static HRESULT length_worker(const void *s, size_t max, bool wide, size_t *len)
{
    size_t n = 0;

    while (n < max && get_unit(s, wide, n) != 0)
        n++;
    *len = n;
    return n == max ? STRSAFE_E_INVALID_PARAMETER : S_OK;
}

/* Cat / CatN: the destination is left alone when it is invalid. */
static HRESULT do_cat(void *dst, size_t cch, const void *src, size_t max, bool wide)
{
    size_t len;

    if (!dest_ok(dst, cch) || FAILED(length_worker(dst, cch, wide, &len)))
        return STRSAFE_E_INVALID_PARAMETER;
    if (!src || max > STRSAFE_MAX_LENGTH)
        return STRSAFE_E_INVALID_PARAMETER;
    return copy_worker(wide ? (void *)((WCHAR *)dst + len) : (void *)((char *)dst + len),
                       cch - len, src, max, wide);
}

static HRESULT do_length(const void *s, size_t max, bool wide, size_t *plen)
{
    size_t len = 0;
    HRESULT hr = STRSAFE_E_INVALID_PARAMETER;

    if (s && max <= STRSAFE_MAX_CCH)
        hr = length_worker(s, max, wide, &len);
    if (plen)
        *plen = SUCCEEDED(hr) ? len : 0;
    return hr;
}

static HRESULT do_vprintf(void *dst, size_t cch, const void *fmt, bool wide, va_list ap)
{
    struct w32_sink o;
    size_t end;

    if (!dest_ok(dst, cch) || !fmt) {
        if (dst && cch != 0)
            set_unit(dst, wide, 0, 0);
        return STRSAFE_E_INVALID_PARAMETER;
    }
    o = (struct w32_sink){ wide, dst, cch - 1, 0 };
    if (w32_vformat(&o, fmt, wide, ap) != 0) {
        set_unit(dst, wide, o.len < cch - 1 ? o.len : cch - 1, 0);
        return STRSAFE_E_INVALID_PARAMETER;
    }
    end = o.len < cch - 1 ? o.len : cch - 1;
    set_unit(dst, wide, end, 0);
    return o.len > cch - 1 ? STRSAFE_E_INSUFFICIENT_BUFFER : S_OK;
}

/* ---- the exported functions ---------------------------------------------------- */

/*
 * Kernel-doc for the whole family, as the SDK documents it:
 *
 * StringCchCopy{A,W}(dst, cchDest, src) / StringCbCopy{A,W}(dst, cbDest, src)
 *   copy @src into @dst.  Return S_OK; STRSAFE_E_INSUFFICIENT_BUFFER when
 *   truncated (the result is still terminated); STRSAFE_E_INVALID_PARAMETER
 *   for a size of 0 or past STRSAFE_MAX_CCH, or a NULL pointer (@dst is
 *   then emptied when it has room).
 * StringCchCopyN / StringCbCopyN: the same, taking at most cchToCopy
 *   characters (cbToCopy bytes) of @src.
 * StringCchCat / StringCbCat: append; STRSAFE_E_INVALID_PARAMETER (dst
 *   untouched) when @dst has no NUL within its size.
 * StringCchCatN / StringCbCatN: append at most cchToAppend characters.
 * StringCchLength / StringCbLength: length (characters / bytes) of a
 *   string NUL-terminated within cchMax characters (cbMax bytes), else
 *   STRSAFE_E_INVALID_PARAMETER and a length of 0.
 * StringCch(V)Printf / StringCb(V)Printf: format with Microsoft's rules;
 *   truncated output is terminated and reported as
 *   STRSAFE_E_INSUFFICIENT_BUFFER; a refused format (%n ...) gives
 *   STRSAFE_E_INVALID_PARAMETER.
 * None of them allocates; the caller owns every buffer.
 */

HRESULT STRSAFEAPI StringCchCopyA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszSrc)
{
    return do_copy(pszDest, cchDest, pszSrc, STRSAFE_MAX_LENGTH, false);
}

HRESULT STRSAFEAPI StringCchCopyW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszSrc)
{
    return do_copy(pszDest, cchDest, pszSrc, STRSAFE_MAX_LENGTH, true);
}

HRESULT STRSAFEAPI StringCbCopyA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszSrc)
{
    return do_copy(pszDest, cbDest, pszSrc, STRSAFE_MAX_LENGTH, false);
}

HRESULT STRSAFEAPI StringCbCopyW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszSrc)
{
    return do_copy(pszDest, cbDest / sizeof(WCHAR), pszSrc, STRSAFE_MAX_LENGTH, true);
}

HRESULT STRSAFEAPI StringCchCopyNA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszSrc,
                                   size_t cchToCopy)
{
    return do_copy(pszDest, cchDest, pszSrc, cchToCopy, false);
}

HRESULT STRSAFEAPI StringCchCopyNW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszSrc,
                                   size_t cchToCopy)
{
    return do_copy(pszDest, cchDest, pszSrc, cchToCopy, true);
}

HRESULT STRSAFEAPI StringCbCopyNA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszSrc,
                                  size_t cbToCopy)
{
    return do_copy(pszDest, cbDest, pszSrc, cbToCopy, false);
}

HRESULT STRSAFEAPI StringCbCopyNW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszSrc,
                                  size_t cbToCopy)
{
    return do_copy(pszDest, cbDest / sizeof(WCHAR), pszSrc, cbToCopy / sizeof(WCHAR), true);
}

HRESULT STRSAFEAPI StringCchCatA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszSrc)
{
    return do_cat(pszDest, cchDest, pszSrc, STRSAFE_MAX_LENGTH, false);
}

HRESULT STRSAFEAPI StringCchCatW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszSrc)
{
    return do_cat(pszDest, cchDest, pszSrc, STRSAFE_MAX_LENGTH, true);
}

HRESULT STRSAFEAPI StringCbCatA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszSrc)
{
    return do_cat(pszDest, cbDest, pszSrc, STRSAFE_MAX_LENGTH, false);
}

HRESULT STRSAFEAPI StringCbCatW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszSrc)
{
    return do_cat(pszDest, cbDest / sizeof(WCHAR), pszSrc, STRSAFE_MAX_LENGTH, true);
}

HRESULT STRSAFEAPI StringCchCatNA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszSrc,
                                  size_t cchToAppend)
{
    return do_cat(pszDest, cchDest, pszSrc, cchToAppend, false);
}

HRESULT STRSAFEAPI StringCchCatNW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszSrc,
                                  size_t cchToAppend)
{
    return do_cat(pszDest, cchDest, pszSrc, cchToAppend, true);
}

HRESULT STRSAFEAPI StringCbCatNA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszSrc,
                                 size_t cbToAppend)
{
    return do_cat(pszDest, cbDest, pszSrc, cbToAppend, false);
}

HRESULT STRSAFEAPI StringCbCatNW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszSrc,
                                 size_t cbToAppend)
{
    return do_cat(pszDest, cbDest / sizeof(WCHAR), pszSrc, cbToAppend / sizeof(WCHAR), true);
}

HRESULT STRSAFEAPI StringCchLengthA(STRSAFE_LPCSTR psz, size_t cchMax, size_t *pcchLength)
{
    return do_length(psz, cchMax, false, pcchLength);
}

HRESULT STRSAFEAPI StringCchLengthW(STRSAFE_LPCWSTR psz, size_t cchMax, size_t *pcchLength)
{
    return do_length(psz, cchMax, true, pcchLength);
}

HRESULT STRSAFEAPI StringCbLengthA(STRSAFE_LPCSTR psz, size_t cbMax, size_t *pcbLength)
{
    return do_length(psz, cbMax, false, pcbLength);
}

HRESULT STRSAFEAPI StringCbLengthW(STRSAFE_LPCWSTR psz, size_t cbMax, size_t *pcbLength)
{
    size_t cch = 0;
    HRESULT hr = do_length(psz, cbMax / sizeof(WCHAR), true, &cch);

    if (pcbLength)
        *pcbLength = cch * unit_size(true);
    return hr;
}

HRESULT STRSAFEAPI StringCchVPrintfA(STRSAFE_LPSTR pszDest, size_t cchDest,
                                     STRSAFE_LPCSTR pszFormat, va_list argList)
{
    return do_vprintf(pszDest, cchDest, pszFormat, false, argList);
}

HRESULT STRSAFEAPI StringCchVPrintfW(STRSAFE_LPWSTR pszDest, size_t cchDest,
                                     STRSAFE_LPCWSTR pszFormat, va_list argList)
{
    return do_vprintf(pszDest, cchDest, pszFormat, true, argList);
}

HRESULT STRSAFEAPI StringCbVPrintfA(STRSAFE_LPSTR pszDest, size_t cbDest,
                                    STRSAFE_LPCSTR pszFormat, va_list argList)
{
    return do_vprintf(pszDest, cbDest, pszFormat, false, argList);
}

HRESULT STRSAFEAPI StringCbVPrintfW(STRSAFE_LPWSTR pszDest, size_t cbDest,
                                    STRSAFE_LPCWSTR pszFormat, va_list argList)
{
    return do_vprintf(pszDest, cbDest / sizeof(WCHAR), pszFormat, true, argList);
}

HRESULT STRSAFEAPI StringCchPrintfA(STRSAFE_LPSTR pszDest, size_t cchDest,
                                    STRSAFE_LPCSTR pszFormat, ...)
{
    va_list ap;
    HRESULT hr;

    va_start(ap, pszFormat);
    hr = do_vprintf(pszDest, cchDest, pszFormat, false, ap);
    va_end(ap);
    return hr;
}

HRESULT STRSAFEAPI StringCchPrintfW(STRSAFE_LPWSTR pszDest, size_t cchDest,
                                    STRSAFE_LPCWSTR pszFormat, ...)
{
    va_list ap;
    HRESULT hr;

    va_start(ap, pszFormat);
    hr = do_vprintf(pszDest, cchDest, pszFormat, true, ap);
    va_end(ap);
    return hr;
}

HRESULT STRSAFEAPI StringCbPrintfA(STRSAFE_LPSTR pszDest, size_t cbDest,
                                   STRSAFE_LPCSTR pszFormat, ...)
{
    va_list ap;
    HRESULT hr;

    va_start(ap, pszFormat);
    hr = do_vprintf(pszDest, cbDest, pszFormat, false, ap);
    va_end(ap);
    return hr;
}

HRESULT STRSAFEAPI StringCbPrintfW(STRSAFE_LPWSTR pszDest, size_t cbDest,
                                   STRSAFE_LPCWSTR pszFormat, ...)
{
    va_list ap;
    HRESULT hr;

    va_start(ap, pszFormat);
    hr = do_vprintf(pszDest, cbDest / sizeof(WCHAR), pszFormat, true, ap);
    va_end(ap);
    return hr;
}
