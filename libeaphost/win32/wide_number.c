/*
 * wide_number.c - numbers from and to UTF-16 strings: wcstol, wcstoul,
 * wcstoll, wcstoull, wcstod and friends, _wtoi, _itow.
 *
 * Windows' long is 32 bits, so wcstol and wcstoul clamp to the 32-bit
 * range (setting errno to ERANGE) although their C return type is the
 * platform's long; a value stored into a LONG or DWORD is what Windows
 * gives.  Only ASCII digits and white space are recognised.  Floating point
 * goes through the C library's strtod on an ASCII copy of the number
 * (no wide function of the C library is used).
 */
#include "w32_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static bool is_space(wchar_t c)
{
    return c == L' ' || (c >= L'\t' && c <= L'\r');
}

static int digit_value(wchar_t c)
{
    if (c >= L'0' && c <= L'9')
        return c - L'0';
    if (c >= L'a' && c <= L'z')
        return c - L'a' + 10;
    if (c >= L'A' && c <= L'Z')
        return c - L'A' + 10;
    return 99;
}

/*
 * Parse an integer as strtoull does: white space, sign, "0x" prefix (base
 * 0 or 16), digits.  Returns the magnitude (UINT64_MAX when it overflowed,
 * *overflow set); *end points past the digits, or at @s when there were
 * none (or @base was invalid: errno EINVAL).
 */
static uint64_t parse_integer(const wchar_t *s, wchar_t **end, int base, bool *neg,
                              bool *overflow)
{
    const wchar_t *p = s, *digits;
    uint64_t v = 0;
    int d;

    *neg = false;
    *overflow = false;
    if (base < 0 || base == 1 || base > 36) {
        errno = EINVAL;
        if (end)
            *end = (wchar_t *)s;
        return 0;
    }
    while (is_space(*p))
        p++;
    if (*p == L'+' || *p == L'-')
        *neg = *p++ == L'-';
    if ((base == 0 || base == 16) && p[0] == L'0' && (p[1] == L'x' || p[1] == L'X') &&
        digit_value(p[2]) < 16) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = p[0] == L'0' ? 8 : 10;
    }
    digits = p;
    for (; (d = digit_value(*p)) < base; p++) {
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
            *overflow = true;
        else
            v = v * (uint64_t)base + (uint64_t)d;
    }
    if (p == digits) {
        *neg = false;
        p = s;
    }
    if (end)
        *end = (wchar_t *)p;
    return *overflow ? UINT64_MAX : v;
}

/**
 * eaphost_w32_wcstol() - wcstol: a signed integer, Windows' 32-bit range.
 * @s: the string.
 * @end: receives the end of the number (or @s when none), may be NULL.
 * @base: 0 (prefix decides) or 2..36.
 *
 * Return: the value; on overflow INT32_MAX / INT32_MIN with errno ERANGE;
 * 0 when there is no number.
 */
long eaphost_w32_wcstol(const wchar_t *s, wchar_t **end, int base)
{
    bool neg, over;
    uint64_t v = parse_integer(s, end, base, &neg, &over);

    if (!neg && v > (uint64_t)INT32_MAX) {
        errno = ERANGE;
        return INT32_MAX;
    }
    if (neg && v > (uint64_t)INT32_MAX + 1) {
        errno = ERANGE;
        return INT32_MIN;
    }
    return neg ? (long)(-(int64_t)v) : (long)v;
}

/**
 * eaphost_w32_wcstoul() - wcstoul: an unsigned integer, Windows' 32-bit
 * range; a leading minus negates in that range ("-1" is 0xFFFFFFFF).
 * @s: the string.
 * @end: receives the end of the number (or @s when none), may be NULL.
 * @base: 0 (prefix decides) or 2..36.
 *
 * Return: the value; 0xFFFFFFFF with errno ERANGE on overflow.
 */
unsigned long eaphost_w32_wcstoul(const wchar_t *s, wchar_t **end, int base)
{
    bool neg, over;
    uint64_t v = parse_integer(s, end, base, &neg, &over);

    if (v > UINT32_MAX) {
        errno = ERANGE;
        return UINT32_MAX;
    }
    return neg ? (uint32_t)(0u - (uint32_t)v) : (uint32_t)v;
}

/**
 * eaphost_w32_wcstoll() - wcstoll / _wcstoi64: a signed 64-bit integer.
 * @s: the string.
 * @end: receives the end of the number, may be NULL.
 * @base: 0 or 2..36.
 *
 * Return: the value, clamped with errno ERANGE on overflow.
 */
long long eaphost_w32_wcstoll(const wchar_t *s, wchar_t **end, int base)
{
    bool neg, over;
    uint64_t v = parse_integer(s, end, base, &neg, &over);

    if (!neg && v > (uint64_t)INT64_MAX) {
        errno = ERANGE;
        return INT64_MAX;
    }
    if (neg && v > (uint64_t)INT64_MAX + 1) {
        errno = ERANGE;
        return INT64_MIN;
    }
    return neg ? (long long)(0 - v) : (long long)v;
}

/**
 * eaphost_w32_wcstoull() - wcstoull / _wcstoui64: an unsigned 64-bit
 * integer; a leading minus negates.
 * @s: the string.
 * @end: receives the end of the number, may be NULL.
 * @base: 0 or 2..36.
 *
 * Return: the value; UINT64_MAX with errno ERANGE on overflow.
 */
unsigned long long eaphost_w32_wcstoull(const wchar_t *s, wchar_t **end, int base)
{
    bool neg, over;
    uint64_t v = parse_integer(s, end, base, &neg, &over);

    if (over) {
        errno = ERANGE;
        return UINT64_MAX;
    }
    return neg ? 0 - v : v;
}

/* Copy the ASCII run that may form a floating-point number, for strtod. */
static char *ascii_prefix(const wchar_t *s, size_t *skipped)
{
    size_t i = 0, n;
    char *buf;

    while (is_space(s[i]))
        i++;
    *skipped = i;
    for (n = 0; s[i + n] && s[i + n] < 0x80 &&
                (digit_value(s[i + n]) < 36 || s[i + n] == L'.' ||
                 s[i + n] == L'+' || s[i + n] == L'-');
         n++)
        ;
    buf = malloc(n + 1);
    if (!buf)
        return NULL;
    for (size_t k = 0; k < n; k++)
        buf[k] = (char)s[i + k];
    buf[n] = '\0';
    return buf;
}

/**
 * eaphost_w32_wcstold() - wcstold: a floating-point number.
 * @s: the string.
 * @end: receives the end of the number (or @s when none), may be NULL.
 *
 * Return: the value, as the C library's strtold reads it (errno ERANGE on
 * overflow); 0 with errno ENOMEM if no memory for the copy.
 */
long double eaphost_w32_wcstold(const wchar_t *s, wchar_t **end)
{
    size_t skipped;
    char *buf = ascii_prefix(s, &skipped), *e;
    long double v;

    if (!buf) {
        errno = ENOMEM;
        if (end)
            *end = (wchar_t *)s;
        return 0;
    }
    v = strtold(buf, &e);
    if (end)
        *end = (wchar_t *)(e == buf ? s : s + skipped + (size_t)(e - buf));
    free(buf);
    return v;
}

/**
 * eaphost_w32_wcstod() - wcstod: a double.
 * @s: the string.
 * @end: receives the end of the number, may be NULL.
 */
double eaphost_w32_wcstod(const wchar_t *s, wchar_t **end)
{
    size_t skipped;
    char *buf = ascii_prefix(s, &skipped), *e;
    double v;

    if (!buf) {
        errno = ENOMEM;
        if (end)
            *end = (wchar_t *)s;
        return 0;
    }
    v = strtod(buf, &e);
    if (end)
        *end = (wchar_t *)(e == buf ? s : s + skipped + (size_t)(e - buf));
    free(buf);
    return v;
}

/**
 * eaphost_w32_wcstof() - wcstof: a float.
 * @s: the string.
 * @end: receives the end of the number, may be NULL.
 */
float eaphost_w32_wcstof(const wchar_t *s, wchar_t **end)
{
    size_t skipped;
    char *buf = ascii_prefix(s, &skipped), *e;
    float v;

    if (!buf) {
        errno = ENOMEM;
        if (end)
            *end = (wchar_t *)s;
        return 0;
    }
    v = strtof(buf, &e);
    if (end)
        *end = (wchar_t *)(e == buf ? s : s + skipped + (size_t)(e - buf));
    free(buf);
    return v;
}

/**
 * eaphost_w32__wtoi() - _wtoi: wcstol(@s, NULL, 10) as an int.
 * @s: the string.
 */
int eaphost_w32__wtoi(const wchar_t *s)
{
    return (int)eaphost_w32_wcstol(s, NULL, 10);
}

/**
 * eaphost_w32__wtol() - _wtol: wcstol(@s, NULL, 10).
 * @s: the string.
 */
long eaphost_w32__wtol(const wchar_t *s)
{
    return eaphost_w32_wcstol(s, NULL, 10);
}

/**
 * eaphost_w32__wtoi64() - _wtoi64: wcstoll(@s, NULL, 10).
 * @s: the string.
 */
long long eaphost_w32__wtoi64(const wchar_t *s)
{
    return eaphost_w32_wcstoll(s, NULL, 10);
}

/**
 * eaphost_w32__wtof() - _wtof: wcstod(@s, NULL).
 * @s: the string.
 */
double eaphost_w32__wtof(const wchar_t *s)
{
    return eaphost_w32_wcstod(s, NULL);
}

/* Digits of @v in @radix, with a minus sign when @neg. */
static wchar_t *format_integer(uint64_t v, bool neg, wchar_t *buf, int radix)
{
    wchar_t tmp[66];
    size_t n = 0, i = 0;

    if (radix < 2 || radix > 36) {
        buf[0] = 0;
        errno = EINVAL;
        return buf;
    }
    do {
        int d = (int)(v % (uint64_t)radix);

        tmp[n++] = (wchar_t)(d < 10 ? L'0' + d : L'a' + d - 10);
        v /= (uint64_t)radix;
    } while (v);
    if (neg)
        buf[i++] = L'-';
    while (n)
        buf[i++] = tmp[--n];
    buf[i] = 0;
    return buf;
}

/**
 * eaphost_w32__itow() - _itow: an int as text; negative values get a minus
 * sign in radix 10 and are taken as unsigned in other radixes.
 * @value: the number.
 * @buf: room for 33 units.
 * @radix: 2..36.
 *
 * Return: @buf.
 */
wchar_t *eaphost_w32__itow(int value, wchar_t *buf, int radix)
{
    if (radix == 10 && value < 0)
        return format_integer(0u - (uint64_t)(int64_t)value, true, buf, radix);
    return format_integer((uint32_t)value, false, buf, radix);
}

/**
 * eaphost_w32__ltow() - _ltow: a (32-bit, as on Windows) long as text.
 * @value: the number.
 * @buf: room for 33 units.
 * @radix: 2..36.
 *
 * Return: @buf.
 */
wchar_t *eaphost_w32__ltow(long value, wchar_t *buf, int radix)
{
    return eaphost_w32__itow((int32_t)value, buf, radix);
}

/**
 * eaphost_w32__ultow() - _ultow: a (32-bit) unsigned long as text.
 * @value: the number.
 * @buf: room for 33 units.
 * @radix: 2..36.
 *
 * Return: @buf.
 */
wchar_t *eaphost_w32__ultow(unsigned long value, wchar_t *buf, int radix)
{
    return format_integer((uint32_t)value, false, buf, radix);
}
