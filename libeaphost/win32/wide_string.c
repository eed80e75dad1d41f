/*
 * wide_string.c - the C library's wide-string functions for 16-bit
 * wchar_t (UTF-16 code units), with Microsoft's semantics where they
 * differ: the names routed by eaphost_w32_wchar.h.
 *
 * Everything works on code units, as Microsoft's CRT does: lengths count
 * units (a surrogate pair is two), comparisons compare unit values, and
 * case-insensitive comparison folds only ASCII letters (the "C" locale).
 * The functions trust their arguments as the C library's do, except where
 * noted (the secure _s variants check them).
 */
#include "w32_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/**
 * eaphost_w32_wcslen() - wcslen: units before the terminating NUL.
 * @s: a NUL-terminated string.
 */
size_t eaphost_w32_wcslen(const wchar_t *s)
{
    const wchar_t *p = s;

    while (*p)
        p++;
    return (size_t)(p - s);
}

/**
 * eaphost_w32_wcsnlen() - wcsnlen: wcslen, reading at most @max units.
 * @s: the string (may be unterminated within @max).
 * @max: most units to examine.
 */
size_t eaphost_w32_wcsnlen(const wchar_t *s, size_t max)
{
    size_t n = 0;

    while (n < max && s[n])
        n++;
    return n;
}

/**
 * eaphost_w32_wcscpy() - wcscpy: copy @src, NUL included, to @dst.
 * @dst: room for wcslen(@src) + 1 units.
 * @src: the string.
 *
 * Return: @dst.
 */
wchar_t *eaphost_w32_wcscpy(wchar_t *dst, const wchar_t *src)
{
    wchar_t *d = dst;

    while ((*d++ = *src++) != 0)
        ;
    return dst;
}

/**
 * eaphost_w32_wcsncpy() - wcsncpy: copy at most @n units of @src and pad
 * with NULs up to @n (no NUL when @src has @n units or more).
 * @dst: room for @n units.
 * @src: the string.
 * @n: units to write.
 *
 * Return: @dst.
 */
wchar_t *eaphost_w32_wcsncpy(wchar_t *dst, const wchar_t *src, size_t n)
{
    size_t i = 0;

    for (; i < n && src[i]; i++)
        dst[i] = src[i];
    for (; i < n; i++)
        dst[i] = 0;
    return dst;
}

/**
 * eaphost_w32_wcscat() - wcscat: append @src to @dst.
 * @dst: a string with room for the result.
 * @src: the string to append.
 *
 * Return: @dst.
 */
wchar_t *eaphost_w32_wcscat(wchar_t *dst, const wchar_t *src)
{
    eaphost_w32_wcscpy(dst + eaphost_w32_wcslen(dst), src);
    return dst;
}

/**
 * eaphost_w32_wcsncat() - wcsncat: append at most @n units of @src, then a
 * NUL.
 * @dst: a string with room for the result.
 * @src: the string to append.
 * @n: most units to take from @src.
 *
 * Return: @dst.
 */
wchar_t *eaphost_w32_wcsncat(wchar_t *dst, const wchar_t *src, size_t n)
{
    wchar_t *d = dst + eaphost_w32_wcslen(dst);
    size_t i;

    for (i = 0; i < n && src[i]; i++)
        d[i] = src[i];
    d[i] = 0;
    return dst;
}

/**
 * eaphost_w32_wcscmp() - wcscmp: compare by unit value.
 * @a: a string.
 * @b: a string.
 *
 * Return: <0, 0 or >0 as @a sorts before, equal to or after @b.
 */
int eaphost_w32_wcscmp(const wchar_t *a, const wchar_t *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (int)*a - (int)*b;
}

/**
 * eaphost_w32_wcsncmp() - wcsncmp: wcscmp over at most @n units.
 * @a: a string.
 * @b: a string.
 * @n: most units to compare.
 */
int eaphost_w32_wcsncmp(const wchar_t *a, const wchar_t *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b)
            return (int)*a - (int)*b;
        if (!*a)
            break;
    }
    return 0;
}

static wchar_t ascii_lower(wchar_t c)
{
    return (c >= L'A' && c <= L'Z') ? (wchar_t)(c + (L'a' - L'A')) : c;
}

static wchar_t ascii_upper(wchar_t c)
{
    return (c >= L'a' && c <= L'z') ? (wchar_t)(c - (L'a' - L'A')) : c;
}

/**
 * eaphost_w32__wcsicmp() - _wcsicmp: compare, ASCII letters folded to
 * lower case (Microsoft's "C" locale).
 * @a: a string.
 * @b: a string.
 *
 * Return: the difference of the first differing folded units, 0 if equal.
 */
int eaphost_w32__wcsicmp(const wchar_t *a, const wchar_t *b)
{
    return eaphost_w32__wcsnicmp(a, b, (size_t)-1);
}

/**
 * eaphost_w32__wcsnicmp() - _wcsnicmp: _wcsicmp over at most @n units.
 * @a: a string.
 * @b: a string.
 * @n: most units to compare.
 */
int eaphost_w32__wcsnicmp(const wchar_t *a, const wchar_t *b, size_t n)
{
    for (; n; n--, a++, b++) {
        wchar_t x = ascii_lower(*a), y = ascii_lower(*b);

        if (x != y)
            return (int)x - (int)y;
        if (!x)
            break;
    }
    return 0;
}

/**
 * eaphost_w32_wcschr() - wcschr: first @c in @s (the NUL counts).
 * @s: the string.
 * @c: the unit to find.
 *
 * Return: a pointer into @s, or NULL.
 */
wchar_t *eaphost_w32_wcschr(const wchar_t *s, wchar_t c)
{
    for (;; s++) {
        if (*s == c)
            return (wchar_t *)s;
        if (!*s)
            return NULL;
    }
}

/**
 * eaphost_w32_wcsrchr() - wcsrchr: last @c in @s (the NUL counts).
 * @s: the string.
 * @c: the unit to find.
 *
 * Return: a pointer into @s, or NULL.
 */
wchar_t *eaphost_w32_wcsrchr(const wchar_t *s, wchar_t c)
{
    const wchar_t *last = NULL;

    for (;; s++) {
        if (*s == c)
            last = s;
        if (!*s)
            return (wchar_t *)last;
    }
}

/**
 * eaphost_w32_wcsstr() - wcsstr: first occurrence of @needle in @haystack.
 * @haystack: the string searched.
 * @needle: the string sought; empty matches at @haystack.
 *
 * Return: a pointer into @haystack, or NULL.
 */
wchar_t *eaphost_w32_wcsstr(const wchar_t *haystack, const wchar_t *needle)
{
    size_t n = eaphost_w32_wcslen(needle);

    if (!n)
        return (wchar_t *)haystack;
    for (; *haystack; haystack++)
        if (*haystack == *needle && eaphost_w32_wcsncmp(haystack, needle, n) == 0)
            return (wchar_t *)haystack;
    return NULL;
}

static bool in_set(wchar_t c, const wchar_t *set)
{
    for (; *set; set++)
        if (*set == c)
            return true;
    return false;
}

/**
 * eaphost_w32_wcspbrk() - wcspbrk: first unit of @s that is in @set.
 * @s: the string.
 * @set: the units sought.
 *
 * Return: a pointer into @s, or NULL.
 */
wchar_t *eaphost_w32_wcspbrk(const wchar_t *s, const wchar_t *set)
{
    for (; *s; s++)
        if (in_set(*s, set))
            return (wchar_t *)s;
    return NULL;
}

/**
 * eaphost_w32_wcsspn() - wcsspn: length of the prefix of @s made of units
 * in @set.
 * @s: the string.
 * @set: the accepted units.
 */
size_t eaphost_w32_wcsspn(const wchar_t *s, const wchar_t *set)
{
    size_t n = 0;

    while (s[n] && in_set(s[n], set))
        n++;
    return n;
}

/**
 * eaphost_w32_wcscspn() - wcscspn: length of the prefix of @s made of
 * units not in @set.
 * @s: the string.
 * @set: the rejected units.
 */
size_t eaphost_w32_wcscspn(const wchar_t *s, const wchar_t *set)
{
    size_t n = 0;

    while (s[n] && !in_set(s[n], set))
        n++;
    return n;
}

/**
 * eaphost_w32_wcstok() - wcstok (three arguments, as in ISO C and
 * Microsoft's wcstok_s): split a string into tokens.
 * @s: the string on the first call (it is modified), NULL afterwards.
 * @delim: the separator units.
 * @context: the caller's state between calls.
 *
 * Return: the next token, NUL-terminated in place, or NULL at the end.
 */
wchar_t *eaphost_w32_wcstok(wchar_t *s, const wchar_t *delim, wchar_t **context)
{
    wchar_t *tok;

    if (!s)
        s = *context;
    if (!s)
        return NULL;
    s += eaphost_w32_wcsspn(s, delim);
    if (!*s) {
        *context = s;
        return NULL;
    }
    tok = s;
    s += eaphost_w32_wcscspn(s, delim);
    if (*s)
        *s++ = 0;
    *context = s;
    return tok;
}

static _Thread_local wchar_t *wcstok_context;

/**
 * eaphost_w32__wcstok() - _wcstok: Microsoft's two-argument wcstok, with
 * its state kept per thread.
 * @s: the string on the first call (it is modified), NULL afterwards.
 * @delim: the separator units.
 *
 * Return: the next token, or NULL at the end.
 */
wchar_t *eaphost_w32__wcstok(wchar_t *s, const wchar_t *delim)
{
    return eaphost_w32_wcstok(s, delim, &wcstok_context);
}

/**
 * eaphost_w32_wcsdup() - wcsdup / _wcsdup: copy a string.
 * @s: the string.
 *
 * Return: a copy the caller releases with free(), or NULL when out of
 * memory (or @s is NULL).
 */
wchar_t *eaphost_w32_wcsdup(const wchar_t *s)
{
    size_t n;
    wchar_t *d;

    if (!s)
        return NULL;
    n = eaphost_w32_wcslen(s) + 1;
    d = malloc(n * sizeof(wchar_t));
    if (d)
        memcpy(d, s, n * sizeof(wchar_t));
    return d;
}

/**
 * eaphost_w32__wcslwr() - _wcslwr: ASCII letters to lower case, in place.
 * @s: the string.
 *
 * Return: @s.
 */
wchar_t *eaphost_w32__wcslwr(wchar_t *s)
{
    wchar_t *p;

    for (p = s; *p; p++)
        *p = ascii_lower(*p);
    return s;
}

/**
 * eaphost_w32__wcsupr() - _wcsupr: ASCII letters to upper case, in place.
 * @s: the string.
 *
 * Return: @s.
 */
wchar_t *eaphost_w32__wcsupr(wchar_t *s)
{
    wchar_t *p;

    for (p = s; *p; p++)
        *p = ascii_upper(*p);
    return s;
}

/**
 * eaphost_w32_wmemcpy() - wmemcpy: copy @n units (no overlap).
 * @dst: destination.
 * @src: source.
 * @n: units.
 *
 * Return: @dst.
 */
wchar_t *eaphost_w32_wmemcpy(wchar_t *dst, const wchar_t *src, size_t n)
{
    return n ? memcpy(dst, src, n * sizeof(wchar_t)) : dst;
}

/**
 * eaphost_w32_wmemmove() - wmemmove: copy @n units (may overlap).
 * @dst: destination.
 * @src: source.
 * @n: units.
 *
 * Return: @dst.
 */
wchar_t *eaphost_w32_wmemmove(wchar_t *dst, const wchar_t *src, size_t n)
{
    return n ? memmove(dst, src, n * sizeof(wchar_t)) : dst;
}

/**
 * eaphost_w32_wmemset() - wmemset: set @n units to @c.
 * @dst: destination.
 * @c: the unit.
 * @n: units.
 *
 * Return: @dst.
 */
wchar_t *eaphost_w32_wmemset(wchar_t *dst, wchar_t c, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        dst[i] = c;
    return dst;
}

/**
 * eaphost_w32_wmemcmp() - wmemcmp: compare @n units by value.
 * @a: units.
 * @b: units.
 * @n: units to compare.
 */
int eaphost_w32_wmemcmp(const wchar_t *a, const wchar_t *b, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/**
 * eaphost_w32_wmemchr() - wmemchr: first @c among @n units.
 * @s: units.
 * @c: the unit sought.
 * @n: units to examine.
 *
 * Return: a pointer into @s, or NULL.
 */
wchar_t *eaphost_w32_wmemchr(const wchar_t *s, wchar_t c, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] == c)
            return (wchar_t *)(s + i);
    return NULL;
}

/* ---- secure CRT variants -------------------------------------------------------- */

/**
 * eaphost_w32_wcscpy_s() - wcscpy_s: copy with a size check.
 * @dst: destination.
 * @size: its size in units, NUL included.
 * @src: the string.
 *
 * Return: 0; EINVAL for a NULL pointer or @size 0, ERANGE when @src does
 * not fit (then @dst is emptied, where it exists).
 */
errno_t eaphost_w32_wcscpy_s(wchar_t *dst, size_t size, const wchar_t *src)
{
    return eaphost_w32_wcsncpy_s(dst, size, src, _TRUNCATE - 1);
}

/**
 * eaphost_w32_wcsncpy_s() - wcsncpy_s: copy at most @count units with a
 * size check.
 * @dst: destination.
 * @size: its size in units, NUL included.
 * @src: the string.
 * @count: most units to copy, or _TRUNCATE to copy what fits.
 *
 * Return: 0; STRUNCATE when _TRUNCATE cut the string; EINVAL for a NULL
 * pointer or @size 0; ERANGE when the result does not fit (@dst emptied).
 */
errno_t eaphost_w32_wcsncpy_s(wchar_t *dst, size_t size, const wchar_t *src,
                              size_t count)
{
    size_t n;

    if (!dst || size == 0) {
        errno = EINVAL;
        return EINVAL;
    }
    if (!src) {
        dst[0] = 0;
        errno = EINVAL;
        return EINVAL;
    }
    n = eaphost_w32_wcsnlen(src, count == _TRUNCATE ? size : count);
    if (n >= size) {
        if (count == _TRUNCATE) {
            memcpy(dst, src, (size - 1) * sizeof(wchar_t));
            dst[size - 1] = 0;
            return STRUNCATE;
        }
        dst[0] = 0;
        errno = ERANGE;
        return ERANGE;
    }
    memcpy(dst, src, n * sizeof(wchar_t));
    dst[n] = 0;
    return 0;
}

/**
 * eaphost_w32_wcscat_s() - wcscat_s: append with a size check.
 * @dst: a string.
 * @size: the size of @dst in units, NUL included.
 * @src: the string to append.
 *
 * Return: 0; EINVAL for a NULL pointer, @size 0 or @dst unterminated within
 * @size; ERANGE when the result does not fit.  On error @dst is emptied.
 */
errno_t eaphost_w32_wcscat_s(wchar_t *dst, size_t size, const wchar_t *src)
{
    size_t len;
    errno_t rc;

    if (!dst || size == 0) {
        errno = EINVAL;
        return EINVAL;
    }
    len = eaphost_w32_wcsnlen(dst, size);
    if (len == size || !src) {
        dst[0] = 0;
        errno = EINVAL;
        return EINVAL;
    }
    rc = eaphost_w32_wcscpy_s(dst + len, size - len, src);
    if (rc)
        dst[0] = 0;
    return rc;
}
