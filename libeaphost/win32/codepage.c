/*
 * codepage.c - UTF-8 <-> UTF-16: MultiByteToWideChar, WideCharToMultiByte,
 * GetACP, mbstowcs / wcstombs, and the decoders the rest of the library
 * shares.
 *
 * The ANSI code page is UTF-8 here (see winnls.h for the rules).  Decoding
 * is strict: overlong forms, surrogates encoded in UTF-8, code points past
 * U+10FFFF and unpaired UTF-16 surrogates are ill-formed, and each maximal
 * ill-formed subsequence counts as one error (replaced by one U+FFFD), as
 * Unicode recommends.  No locale is consulted.
 */
#include "w32_internal.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define REPLACEMENT 0xFFFDu

/**
 * w32_utf8_next() - decode one code point of UTF-8.
 * @s: at least one byte.
 * @n: bytes available at @s (>= 1).
 * @cp: receives the code point, or W32_BAD_CP for an ill-formed sequence.
 *
 * Return: bytes consumed (>= 1): the whole character, or the maximal
 * ill-formed subsequence.
 */
size_t w32_utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xBF;
    size_t need, i;
    uint32_t v;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;          /* no overlong forms */
        else if (c == 0xED)
            hi = 0x9F;          /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;          /* nothing past U+10FFFF */
    } else {
        *cp = W32_BAD_CP;
        return 1;
    }
    for (i = 1; i <= need; i++) {
        if (i >= n || s[i] < lo || s[i] > hi) {
            *cp = W32_BAD_CP;
            return i;
        }
        lo = 0x80;
        hi = 0xBF;
        v = (v << 6) | (s[i] & 0x3F);
    }
    *cp = v;
    return need + 1;
}

/**
 * w32_utf16_next() - decode one code point of UTF-16.
 * @s: at least one unit.
 * @n: units available at @s (>= 1).
 * @cp: receives the code point, or W32_BAD_CP for an unpaired surrogate.
 *
 * Return: units consumed (1 or 2).
 */
size_t w32_utf16_next(const WCHAR *s, size_t n, uint32_t *cp)
{
    uint32_t u = s[0];

    if (u < 0xD800 || u > 0xDFFF) {
        *cp = u;
        return 1;
    }
    if (u <= 0xDBFF && n >= 2 && s[1] >= 0xDC00 && s[1] <= 0xDFFF) {
        *cp = 0x10000 + ((u - 0xD800) << 10) + ((uint32_t)s[1] - 0xDC00);
        return 2;
    }
    *cp = W32_BAD_CP;
    return 1;
}

/**
 * w32_utf8_put() - encode one code point as UTF-8.
 * @cp: a Unicode scalar value.
 * @out: room for 4 bytes.
 *
 * Return: bytes written (1..4).
 */
size_t w32_utf8_put(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/**
 * w32_utf16_put() - encode one code point as UTF-16.
 * @cp: a Unicode scalar value.
 * @out: room for 2 units.
 *
 * Return: units written (1 or 2).
 */
size_t w32_utf16_put(uint32_t cp, WCHAR *out)
{
    if (cp < 0x10000) {
        out[0] = (WCHAR)cp;
        return 1;
    }
    cp -= 0x10000;
    out[0] = (WCHAR)(0xD800 + (cp >> 10));
    out[1] = (WCHAR)(0xDC00 + (cp & 0x3FF));
    return 2;
}

/**
 * w32_utf16_to_utf8_dup() - UTF-8 copy of a UTF-16 string.
 * @s: the string (NULL gives "(null)").
 * @n: its length in units, or (size_t)-1 when NUL-terminated.
 *
 * Unpaired surrogates become U+FFFD.
 *
 * Return: a NUL-terminated string the caller frees with free(), or NULL
 * when out of memory.
 */
char *w32_utf16_to_utf8_dup(const WCHAR *s, size_t n)
{
    size_t i, len = 0;
    char *out, *p;
    uint32_t cp;

    if (!s)
        s = L"(null)", n = (size_t)-1;
    if (n == (size_t)-1)
        for (n = 0; s[n]; n++)
            ;
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    out = malloc(n * 3 + 1);
    if (!out)
        return NULL;
    p = out;
    for (i = 0; i < n; i += len) {
        len = w32_utf16_next(s + i, n - i, &cp);
        p += w32_utf8_put(cp == W32_BAD_CP ? REPLACEMENT : cp, p);
    }
    *p = '\0';
    return out;
}

/* ---- code pages ------------------------------------------------------------------ */

static bool is_ansi(UINT cp)
{
    return cp == CP_ACP || cp == CP_OEMCP || cp == CP_THREAD_ACP;
}

/**
 * eaphost_w32_MultiByteToWideChar() - MultiByteToWideChar: UTF-8 to UTF-16.
 * @CodePage: CP_UTF8, or CP_ACP / CP_OEMCP / CP_THREAD_ACP (UTF-8 here).
 * @dwFlags: CP_UTF8: 0 or MB_ERR_INVALID_CHARS; ANSI code pages also
 *           MB_PRECOMPOSED and MB_USEGLYPHCHARS (no effect).
 * @lpMultiByteStr: the input.
 * @cbMultiByte: its length in bytes, or -1 when NUL-terminated (the NUL is
 *               then converted and counted).
 * @lpWideCharStr: the output, or NULL with @cchWideChar 0.
 * @cchWideChar: output size in units; 0 asks for the size needed.
 *
 * Return: units written (or needed); 0 on failure with the last error:
 * ERROR_INVALID_PARAMETER (NULL input, lengths 0 or below -1, unknown code
 * page, output overlapping input), ERROR_INVALID_FLAGS,
 * ERROR_INSUFFICIENT_BUFFER, ERROR_NO_UNICODE_TRANSLATION (ill-formed input
 * with MB_ERR_INVALID_CHARS).
 */
int WINAPI MultiByteToWideChar(UINT CodePage, DWORD dwFlags, LPCCH lpMultiByteStr,
                               int cbMultiByte, LPWSTR lpWideCharStr, int cchWideChar)
{
    const unsigned char *src = (const unsigned char *)lpMultiByteStr;
    size_t len, i, step, out = 0, units;
    DWORD allowed;
    WCHAR buf[2];
    uint32_t cp;

    if (!lpMultiByteStr || cbMultiByte == 0 || cbMultiByte < -1 || cchWideChar < 0 ||
        (!lpWideCharStr && cchWideChar != 0) ||
        (lpWideCharStr && (const void *)lpWideCharStr == (const void *)lpMultiByteStr)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (CodePage == CP_UTF8)
        allowed = MB_ERR_INVALID_CHARS;
    else if (is_ansi(CodePage))
        allowed = MB_PRECOMPOSED | MB_USEGLYPHCHARS | MB_ERR_INVALID_CHARS;
    else {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (dwFlags & ~allowed) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    len = cbMultiByte == -1 ? strlen(lpMultiByteStr) + 1 : (size_t)cbMultiByte;
    for (i = 0; i < len; i += step) {
        step = w32_utf8_next(src + i, len - i, &cp);
        if (cp == W32_BAD_CP) {
            if (dwFlags & MB_ERR_INVALID_CHARS) {
                SetLastError(ERROR_NO_UNICODE_TRANSLATION);
                return 0;
            }
            cp = REPLACEMENT;
        }
        units = w32_utf16_put(cp, buf);
        if (cchWideChar) {
            if (units > (size_t)cchWideChar - out) {
                SetLastError(ERROR_INSUFFICIENT_BUFFER);
                return 0;
            }
            memcpy(lpWideCharStr + out, buf, units * sizeof(WCHAR));
        }
        out += units;
    }
    return (int)out;    /* never more units than input bytes */
}

/**
 * eaphost_w32_WideCharToMultiByte() - WideCharToMultiByte: UTF-16 to UTF-8.
 * @CodePage: CP_UTF8, or CP_ACP / CP_OEMCP / CP_THREAD_ACP (UTF-8 here).
 * @dwFlags: CP_UTF8: 0 or WC_ERR_INVALID_CHARS; ANSI code pages also
 *           WC_COMPOSITECHECK, WC_DISCARDNS, WC_SEPCHARS, WC_DEFAULTCHAR and
 *           WC_NO_BEST_FIT_CHARS (no effect).
 * @lpWideCharStr: the input.
 * @cchWideChar: its length in units, or -1 when NUL-terminated (the NUL is
 *               then converted and counted).
 * @lpMultiByteStr: the output, or NULL with @cbMultiByte 0.
 * @cbMultiByte: output size in bytes; 0 asks for the size needed.
 * @lpDefaultChar: ANSI code pages: the character for an unpaired surrogate
 *                 (else U+FFFD); must be NULL for CP_UTF8.
 * @lpUsedDefaultChar: ANSI code pages: set to whether a replacement was
 *                     made; must be NULL for CP_UTF8.
 *
 * Return: bytes written (or needed); 0 on failure with the last error, as
 * for MultiByteToWideChar (ERROR_NO_UNICODE_TRANSLATION with
 * WC_ERR_INVALID_CHARS).
 */
int WINAPI WideCharToMultiByte(UINT CodePage, DWORD dwFlags, LPCWCH lpWideCharStr,
                               int cchWideChar, LPSTR lpMultiByteStr, int cbMultiByte,
                               LPCCH lpDefaultChar, LPBOOL lpUsedDefaultChar)
{
    size_t len, i, step, out = 0, bytes;
    DWORD allowed;
    char buf[4];
    uint32_t cp;

    if (!lpWideCharStr || cchWideChar == 0 || cchWideChar < -1 || cbMultiByte < 0 ||
        (!lpMultiByteStr && cbMultiByte != 0) ||
        (lpMultiByteStr && (const void *)lpMultiByteStr == (const void *)lpWideCharStr)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (CodePage == CP_UTF8) {
        if (lpDefaultChar || lpUsedDefaultChar) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return 0;
        }
        allowed = WC_ERR_INVALID_CHARS;
    } else if (is_ansi(CodePage)) {
        allowed = WC_COMPOSITECHECK | WC_DISCARDNS | WC_SEPCHARS | WC_DEFAULTCHAR |
                  WC_NO_BEST_FIT_CHARS | WC_ERR_INVALID_CHARS;
    } else {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (dwFlags & ~allowed) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    if (lpUsedDefaultChar)
        *lpUsedDefaultChar = FALSE;
    if (cchWideChar == -1) {
        for (len = 0; lpWideCharStr[len]; len++)
            ;
        len++;
    } else {
        len = (size_t)cchWideChar;
    }
    for (i = 0; i < len; i += step) {
        step = w32_utf16_next(lpWideCharStr + i, len - i, &cp);
        if (cp == W32_BAD_CP) {
            if (dwFlags & WC_ERR_INVALID_CHARS) {
                SetLastError(ERROR_NO_UNICODE_TRANSLATION);
                return 0;
            }
            if (lpUsedDefaultChar)
                *lpUsedDefaultChar = TRUE;
        }
        if (cp == W32_BAD_CP && lpDefaultChar) {
            buf[0] = *lpDefaultChar;
            bytes = 1;
        } else {
            bytes = w32_utf8_put(cp == W32_BAD_CP ? REPLACEMENT : cp, buf);
        }
        if (out + bytes > (size_t)INT_MAX) {
            SetLastError(ERROR_ARITHMETIC_OVERFLOW);
            return 0;
        }
        if (cbMultiByte) {
            if (bytes > (size_t)cbMultiByte - out) {
                SetLastError(ERROR_INSUFFICIENT_BUFFER);
                return 0;
            }
            memcpy(lpMultiByteStr + out, buf, bytes);
        }
        out += bytes;
    }
    return (int)out;
}

/**
 * eaphost_w32_GetACP() - GetACP: the ANSI code page.
 *
 * Return: CP_UTF8.
 */
UINT WINAPI GetACP(void)
{
    return CP_UTF8;
}

/**
 * eaphost_w32_GetOEMCP() - GetOEMCP: the OEM code page.
 *
 * Return: CP_UTF8.
 */
UINT WINAPI GetOEMCP(void)
{
    return CP_UTF8;
}

/**
 * eaphost_w32_mbstowcs() - mbstowcs: UTF-8 to UTF-16 (the multibyte
 * encoding here is UTF-8).
 * @dst: output, or NULL to count.
 * @src: NUL-terminated input.
 * @count: units that may be stored at @dst (ignored when @dst is NULL).
 *
 * Stops at the NUL (stored when it fits, not counted) or when @count units
 * are stored; a surrogate pair is never split.
 *
 * Return: units stored (or needed); (size_t)-1 with errno EILSEQ for
 * ill-formed input, EINVAL for a NULL @src.
 */
size_t eaphost_w32_mbstowcs(wchar_t *dst, const char *src, size_t count)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t len, i, step, out = 0, units;
    WCHAR buf[2];
    uint32_t cp;

    if (!src) {
        errno = EINVAL;
        return (size_t)-1;
    }
    len = strlen(src);
    for (i = 0; i < len; i += step) {
        step = w32_utf8_next(s + i, len - i, &cp);
        if (cp == W32_BAD_CP) {
            errno = EILSEQ;
            return (size_t)-1;
        }
        units = w32_utf16_put(cp, buf);
        if (dst) {
            if (units > count - out)
                return out;
            memcpy(dst + out, buf, units * sizeof(WCHAR));
        }
        out += units;
    }
    if (dst && out < count)
        dst[out] = 0;
    return out;
}

/**
 * eaphost_w32_wcstombs() - wcstombs: UTF-16 to UTF-8.
 * @dst: output, or NULL to count.
 * @src: NUL-terminated input.
 * @count: bytes that may be stored at @dst (ignored when @dst is NULL).
 *
 * Stops at the NUL (stored when it fits, not counted) or before a
 * character that would not fit in @count bytes.
 *
 * Return: bytes stored (or needed); (size_t)-1 with errno EILSEQ for an
 * unpaired surrogate, EINVAL for a NULL @src.
 */
size_t eaphost_w32_wcstombs(char *dst, const wchar_t *src, size_t count)
{
    size_t len, i, step, out = 0, bytes;
    char buf[4];
    uint32_t cp;

    if (!src) {
        errno = EINVAL;
        return (size_t)-1;
    }
    for (len = 0; src[len]; len++)
        ;
    for (i = 0; i < len; i += step) {
        step = w32_utf16_next(src + i, len - i, &cp);
        if (cp == W32_BAD_CP) {
            errno = EILSEQ;
            return (size_t)-1;
        }
        bytes = w32_utf8_put(cp, buf);
        if (dst) {
            if (bytes > count - out)
                return out;
            memcpy(dst + out, buf, bytes);
        }
        out += bytes;
    }
    if (dst && out < count)
        dst[out] = '\0';
    return out;
}
