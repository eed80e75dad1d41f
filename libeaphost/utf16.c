/*
 * utf16.c - UTF-8 <-> UTF-16 conversion and WCHAR string helpers.
 *
 * WCHAR is a 16-bit UTF-16 code unit on every platform (DESIGN.md §3), so
 * the C library's wcs* and mbstowcs functions (4-byte wchar_t, locale
 * dependent) are of no use here.  The decoders below follow RFC 3629 and
 * the Unicode standard strictly: overlong forms, encoded surrogates, values
 * past U+10FFFF, truncated sequences and unpaired UTF-16 surrogates are all
 * errors.
 */
#include "internal.h"

#include <stdint.h>
#include <string.h>

#define EH_REPLACEMENT_CHAR 0xFFFDu
#define EH_MAX_CODE_POINT 0x10FFFFu

/* Returned by the counting passes for malformed input; never a real count,
 * since a count never exceeds the input length, which is below SIZE_MAX. */
#define EH_MALFORMED SIZE_MAX

static bool is_surrogate(uint32_t cp)
{
    return cp >= 0xD800 && cp <= 0xDFFF;
}

static bool is_high_surrogate(uint32_t unit)
{
    return unit >= 0xD800 && unit <= 0xDBFF;
}

static bool is_low_surrogate(uint32_t unit)
{
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

/*
 * Decode one code point from the @avail bytes at @s into *@cp.  Returns the
 * number of bytes it took (1-4), or 0 when the bytes there are not a well
 * formed UTF-8 sequence.
 */
static size_t utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp)
{
    /* Smallest value each sequence length may encode: below is overlong. */
    static const uint32_t min_value[4] = { 0, 0x80, 0x800, 0x10000 };
    unsigned char lead = s[0];
    size_t trail;
    uint32_t value;

    if (lead < 0x80) {
        *cp = lead;
        return 1;
    }
    if (lead >= 0xC0 && lead <= 0xDF) {
        trail = 1;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        trail = 2;
        value = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF7) {
        trail = 3;
        value = lead & 0x07;
    } else {
        return 0;   /* a continuation byte, or 0xF8-0xFF */
    }
    if (avail - 1 < trail)
        return 0;   /* truncated */
    for (size_t i = 1; i <= trail; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (s[i] & 0x3F);
    }
    if (value < min_value[trail] || is_surrogate(value)
        || value > EH_MAX_CODE_POINT)
        return 0;
    *cp = value;
    return trail + 1;
}

/*
 * Convert @n bytes of UTF-8 at @s to UTF-16.  Writes to @out when it is not
 * NULL (the caller sized it with a counting call).  With @lossy, each byte
 * that does not start a well formed sequence becomes U+FFFD; without, the
 * first one makes the call return EH_MALFORMED.
 *
 * Return: the number of code units (at most @n).
 */
static size_t utf8_to_units(const unsigned char *s, size_t n, bool lossy,
                            WCHAR *out)
{
    size_t pos = 0, units = 0;

    while (pos < n) {
        uint32_t cp;
        size_t used;

        if (s[pos] < 0x80) {        /* ASCII: the common case, one step */
            if (out)
                out[units] = s[pos];
            units++;
            pos++;
            continue;
        }
        used = utf8_decode(s + pos, n - pos, &cp);

        if (used == 0) {
            if (!lossy)
                return EH_MALFORMED;
            cp = EH_REPLACEMENT_CHAR;
            used = 1;
        }
        pos += used;
        if (cp >= 0x10000) {
            /* Four bytes in, two units out: never more units than bytes. */
            if (out) {
                cp -= 0x10000;
                out[units] = (WCHAR)(0xD800 | (cp >> 10));
                out[units + 1] = (WCHAR)(0xDC00 | (cp & 0x3FF));
            }
            units += 2;
        } else {
            if (out)
                out[units] = (WCHAR)cp;
            units++;
        }
    }
    return units;
}

/*
 * Decode one code point from the @avail (> 0) units at @s into *@cp.
 * Returns the number of units it took (1 or 2), or 0 for an unpaired
 * surrogate.
 */
static size_t utf16_decode(const WCHAR *s, size_t avail, uint32_t *cp)
{
    uint32_t unit = s[0];

    if (!is_surrogate(unit)) {
        *cp = unit;
        return 1;
    }
    if (!is_high_surrogate(unit) || avail < 2 || !is_low_surrogate(s[1]))
        return 0;
    *cp = 0x10000 + ((unit - 0xD800) << 10) + ((uint32_t)s[1] - 0xDC00);
    return 2;
}

/* Encode @cp (a valid scalar value) as UTF-8 at @out, if not NULL.
 * Returns the number of bytes. */
static size_t utf8_encode(uint32_t cp, char *out)
{
    unsigned char buf[4];
    size_t len;

    if (cp < 0x80) {
        buf[0] = (unsigned char)cp;
        len = 1;
    } else if (cp < 0x800) {
        buf[0] = (unsigned char)(0xC0 | (cp >> 6));
        buf[1] = (unsigned char)(0x80 | (cp & 0x3F));
        len = 2;
    } else if (cp < 0x10000) {
        buf[0] = (unsigned char)(0xE0 | (cp >> 12));
        buf[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (unsigned char)(0x80 | (cp & 0x3F));
        len = 3;
    } else {
        buf[0] = (unsigned char)(0xF0 | (cp >> 18));
        buf[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        buf[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        buf[3] = (unsigned char)(0x80 | (cp & 0x3F));
        len = 4;
    }
    if (out)
        memcpy(out, buf, len);
    return len;
}

/*
 * Convert @n units of UTF-16 at @s to UTF-8, writing to @out when it is not
 * NULL.  Sets *@bytes to the length.  Returns ERROR_SUCCESS,
 * ERROR_NO_UNICODE_TRANSLATION, or ERROR_NOT_ENOUGH_MEMORY when the length
 * plus a terminator would not fit in a size_t.
 */
static DWORD utf16_to_bytes(const WCHAR *s, size_t n, char *out,
                            size_t *bytes)
{
    size_t pos = 0, total = 0;

    while (pos < n) {
        uint32_t cp;
        size_t used = utf16_decode(s + pos, n - pos, &cp);

        if (used == 0)
            return ERROR_NO_UNICODE_TRANSLATION;
        pos += used;
        size_t len = utf8_encode(cp, NULL);

        if (total > SIZE_MAX - 1 - len)
            return ERROR_NOT_ENOUGH_MEMORY;
        if (out)
            utf8_encode(cp, out + total);
        total += len;
    }
    *bytes = total;
    return ERROR_SUCCESS;
}

/* Shared body of the UTF-8 -> UTF-16 conversions; @out must not be NULL. */
static DWORD utf8_to_utf16(const char *in, size_t n, bool lossy, WCHAR **out,
                           size_t *out_len)
{
    const unsigned char *bytes = (const unsigned char *)in;
    size_t units = utf8_to_units(bytes, n, lossy, NULL);

    if (units == EH_MALFORMED)
        return ERROR_NO_UNICODE_TRANSLATION;

    /* units <= n < SIZE_MAX, so units + 1 cannot wrap; eh_calloc checks
     * the multiplication. */
    WCHAR *buf = eh_calloc(units + 1, sizeof(WCHAR));

    if (!buf)
        return ERROR_NOT_ENOUGH_MEMORY;
    utf8_to_units(bytes, n, lossy, buf);
    buf[units] = 0;
    *out = buf;
    if (out_len)
        *out_len = units;
    return ERROR_SUCCESS;
}

/**
 * eh_wcslen() - length of a NUL-terminated UTF-16 string.
 * @s: the string, or NULL (length 0).
 *
 * Return: the number of code units before the terminating 0.
 */
size_t eh_wcslen(const WCHAR *s)
{
    size_t n = 0;

    if (!s)
        return 0;
    while (s[n] != 0)
        n++;
    return n;
}

/**
 * eh_wcsdup() - copy a NUL-terminated UTF-16 string into host memory.
 * @s: the string (the caller's), or NULL.
 *
 * Return: the copy, freed by the caller with eh_free(); NULL when @s is
 * NULL or when out of memory.  The units are copied as they are, without
 * validation.
 */
WCHAR *eh_wcsdup(const WCHAR *s)
{
    if (!s)
        return NULL;
    /* The string and its terminator are in memory, so this cannot wrap. */
    return eh_memdup(s, (eh_wcslen(s) + 1) * sizeof(WCHAR));
}

/**
 * eh_utf8_to_utf16_dup() - convert NUL-terminated UTF-8 to a new UTF-16
 * string.
 * @s: the UTF-8 text (the caller's), or NULL.
 *
 * Return: a NUL-terminated copy, freed by the caller with eh_free(); NULL
 * when @s is NULL or malformed, or when out of memory.  Callers that must
 * tell these apart use eaphost_utf8_to_utf16().
 */
WCHAR *eh_utf8_to_utf16_dup(const char *s)
{
    WCHAR *out = NULL;

    if (!s)
        return NULL;
    if (utf8_to_utf16(s, strlen(s), false, &out, NULL) != ERROR_SUCCESS)
        return NULL;
    return out;
}

/**
 * eh_utf8_to_utf16_lossy() - convert NUL-terminated UTF-8 to UTF-16,
 * replacing what is malformed.
 * @s: the text (the caller's), or NULL.
 *
 * Each byte that does not begin a well formed sequence becomes U+FFFD, so
 * text of unknown origin (a file name, a loader message) still converts.
 *
 * Return: a NUL-terminated copy, freed by the caller with eh_free(); NULL
 * when @s is NULL or when out of memory.
 */
WCHAR *eh_utf8_to_utf16_lossy(const char *s)
{
    WCHAR *out = NULL;

    if (!s)
        return NULL;
    if (utf8_to_utf16(s, strlen(s), true, &out, NULL) != ERROR_SUCCESS)
        return NULL;
    return out;
}

/**
 * eh_utf16_to_utf8_dup() - convert NUL-terminated UTF-16 to a new UTF-8
 * string.
 * @s: the UTF-16 text (the caller's), or NULL.
 *
 * Return: a NUL-terminated copy, freed by the caller with eh_free(); NULL
 * when @s is NULL, holds an unpaired surrogate, or when out of memory.
 */
char *eh_utf16_to_utf8_dup(const WCHAR *s)
{
    char *out = NULL;

    if (!s)
        return NULL;
    if (eaphost_utf16_to_utf8(s, (size_t)-1, &out, NULL) != ERROR_SUCCESS)
        return NULL;
    return out;
}

/**
 * eaphost_utf8_to_utf16() - convert UTF-8 to a new NUL-terminated UTF-16
 * string.
 * @in: UTF-8 text (the caller's); @in_len bytes, or (size_t)-1 for
 *      NUL-terminated.  With an explicit length, embedded NULs are kept.
 * @out: receives the string, which the caller frees with eaphost_free();
 *       set to NULL on any error.
 * @out_len: if not NULL, receives its length in code units without the
 *           terminator (0 on error).
 *
 * Return: ERROR_SUCCESS; ERROR_NO_UNICODE_TRANSLATION for malformed input;
 * ERROR_INVALID_PARAMETER when @in or @out is NULL;
 * ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eaphost_utf8_to_utf16(const char *in, size_t in_len, WCHAR **out,
                            size_t *out_len)
{
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (!in || !out)
        return ERROR_INVALID_PARAMETER;
    if (in_len == (size_t)-1)
        in_len = strlen(in);
    return utf8_to_utf16(in, in_len, false, out, out_len);
}

/**
 * eaphost_utf16_to_utf8() - convert UTF-16 to a new NUL-terminated UTF-8
 * string.
 * @in: UTF-16 text (the caller's); @in_len code units, or (size_t)-1 for
 *      NUL-terminated.  With an explicit length, embedded NULs are kept.
 * @out: receives the string, which the caller frees with eaphost_free();
 *       set to NULL on any error.
 * @out_len: if not NULL, receives its length in bytes without the
 *           terminator (0 on error).
 *
 * Return: ERROR_SUCCESS; ERROR_NO_UNICODE_TRANSLATION for an unpaired
 * surrogate; ERROR_INVALID_PARAMETER when @in or @out is NULL;
 * ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eaphost_utf16_to_utf8(const WCHAR *in, size_t in_len, char **out,
                            size_t *out_len)
{
    size_t bytes = 0;
    DWORD rc;

    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (!in || !out)
        return ERROR_INVALID_PARAMETER;
    if (in_len == (size_t)-1)
        in_len = eh_wcslen(in);

    rc = utf16_to_bytes(in, in_len, NULL, &bytes);
    if (rc != ERROR_SUCCESS)
        return rc;

    char *buf = eh_malloc(bytes + 1);   /* checked against wrap above */

    if (!buf)
        return ERROR_NOT_ENOUGH_MEMORY;
    utf16_to_bytes(in, in_len, buf, &bytes);
    buf[bytes] = '\0';
    *out = buf;
    if (out_len)
        *out_len = bytes;
    return ERROR_SUCCESS;
}

/**
 * eh_utf8_count() - check @n bytes of UTF-8 and count their UTF-16 units.
 * @s: the bytes (the caller's).
 *
 * Return: the number of units, or SIZE_MAX when the bytes are malformed.
 */
size_t eh_utf8_count(const char *s, size_t n)
{
    size_t units = utf8_to_units((const unsigned char *)s, n, false, NULL);

    return units == EH_MALFORMED ? SIZE_MAX : units;
}

/**
 * eh_utf8_convert() - convert @n bytes of UTF-8 that eh_utf8_count()
 * accepted into @out (room for that many units; no terminator written).
 *
 * Return: the number of units written.
 */
size_t eh_utf8_convert(const char *s, size_t n, WCHAR *out)
{
    return utf8_to_units((const unsigned char *)s, n, false, out);
}

/**
 * eh_utf8_valid() - whether @n bytes are well-formed UTF-8 without NUL.
 * @s: the bytes (may be NULL when @n is 0).
 * @n: how many.
 *
 * Refused: NUL, overlong forms, surrogates, values past U+10FFFF,
 * truncated sequences.
 */
bool eh_utf8_valid(const BYTE *s, size_t n)
{
    if (n == 0)
        return true;
    if (memchr(s, 0, n))
        return false;
    return utf8_to_units(s, n, false, NULL) != EH_MALFORMED;
}
