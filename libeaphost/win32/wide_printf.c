/*
 * wide_printf.c - formatted output with Microsoft's rules, into UTF-16 or
 * UTF-8: swprintf, vswprintf, _snwprintf, _vsnwprintf, swprintf_s,
 * _snwprintf_s, _scwprintf, wprintf, fwprintf, their narrow counterparts
 * _snprintf / _vsnprintf / _scprintf, and wsprintf.
 *
 * One formatter (w32_vformat) serves them all, and strsafe.c and trace.c
 * too.  Microsoft's rules, where they differ from ISO C:
 *  - %s / %c take a string / character of the function's own width (wide
 *    in wide functions), %S / %C one of the other width; h forces narrow,
 *    l and w force wide (%hs, %ls, %ws, %hc, %lc, %wc).  A string of the
 *    other width is converted (UTF-8 <-> UTF-16, ill-formed input becomes
 *    U+FFFD); precision then limits the output units, never splitting a
 *    character.  A NULL string prints "(null)".
 *  - integer sizes: hh, h, none and l (32 bits: Windows' long), ll, L and
 *    I64 (64 bits), I32 (32 bits), I, z, t and j (pointer size).
 *  - %p prints the pointer as 2 * sizeof(void *) upper-case hex digits.
 *  - %n is refused, as Microsoft's CRT refuses it by default: the call
 *    fails.  So does any unknown conversion.
 * Floating point (%e %f %g %a, upper case too) is formatted by the C
 * library's narrow snprintf, whose output is plain ASCII.
 */
#include "w32_internal.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the sink ---------------------------------------------------------------- */

static void put_unit(struct w32_sink *o, uint32_t u)
{
    if (o->len < o->cap) {
        if (o->wide)
            ((WCHAR *)o->buf)[o->len] = (WCHAR)u;
        else
            ((char *)o->buf)[o->len] = (char)u;
    }
    o->len++;
}

static void put_repeat(struct w32_sink *o, uint32_t u, size_t n)
{
    while (n--)
        put_unit(o, u);
}

/* Units a code point takes in the sink's encoding. */
static size_t cp_units(const struct w32_sink *o, uint32_t cp)
{
    if (o->wide)
        return cp < 0x10000 ? 1 : 2;
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static void put_cp(struct w32_sink *o, uint32_t cp)
{
    size_t n, i;

    if (o->wide) {
        WCHAR b[2];

        n = w32_utf16_put(cp, b);
        for (i = 0; i < n; i++)
            put_unit(o, b[i]);
    } else {
        char b[4];

        n = w32_utf8_put(cp, b);
        for (i = 0; i < n; i++)
            put_unit(o, (unsigned char)b[i]);
    }
}

/* ---- conversion specifications --------------------------------------------------- */

enum size_mod { SZ_NONE, SZ_HH, SZ_H, SZ_L32, SZ_64, SZ_PTR, SZ_LONGDOUBLE };

struct spec {
    bool minus, plus, space, hash, zero;
    int width;                  /* -1: none */
    int prec;                   /* -1: none */
    enum size_mod size;
    bool force_narrow, force_wide;
    unsigned conv;
};

/* Pad around @body_len units of output according to @sp. */
static void pad_before(struct w32_sink *o, const struct spec *sp, size_t body_len)
{
    if (!sp->minus && sp->width > 0 && (size_t)sp->width > body_len)
        put_repeat(o, sp->zero ? L'0' : L' ', (size_t)sp->width - body_len);
}

static void pad_after(struct w32_sink *o, const struct spec *sp, size_t body_len)
{
    if (sp->minus && sp->width > 0 && (size_t)sp->width > body_len)
        put_repeat(o, L' ', (size_t)sp->width - body_len);
}

/*
 * A string argument.  @wide_arg: its units are WCHAR (else bytes).  Units
 * are copied as they are when the widths match, else converted.
 */
static void put_string(struct w32_sink *o, const struct spec *sp, const void *arg,
                       bool wide_arg)
{
    size_t limit = sp->prec < 0 ? SIZE_MAX : (size_t)sp->prec;
    size_t body = 0, i = 0, n, step, u;
    uint32_t cp;

    if (!arg)
        arg = wide_arg ? (const void *)L"(null)" : (const void *)"(null)";
    if (wide_arg)
        for (n = 0; ((const WCHAR *)arg)[n]; n++)
            ;
    else
        n = strlen(arg);

    if (wide_arg == o->wide) {
        body = n < limit ? n : limit;
        pad_before(o, sp, body);
        for (i = 0; i < body; i++)
            put_unit(o, wide_arg ? ((const WCHAR *)arg)[i]
                                 : ((const unsigned char *)arg)[i]);
        pad_after(o, sp, body);
        return;
    }
    /* Other width: first measure (for right alignment), then emit. */
    for (i = 0; i < n; i += step) {
        step = wide_arg ? w32_utf16_next((const WCHAR *)arg + i, n - i, &cp)
                        : w32_utf8_next((const unsigned char *)arg + i, n - i, &cp);
        u = cp_units(o, cp == W32_BAD_CP ? 0xFFFD : cp);
        if (u > limit - body)
            break;
        body += u;
    }
    pad_before(o, sp, body);
    for (i = 0, u = 0; i < n; i += step) {
        step = wide_arg ? w32_utf16_next((const WCHAR *)arg + i, n - i, &cp)
                        : w32_utf8_next((const unsigned char *)arg + i, n - i, &cp);
        if (cp == W32_BAD_CP)
            cp = 0xFFFD;
        if (cp_units(o, cp) > body - u)
            break;
        u += cp_units(o, cp);
        put_cp(o, cp);
    }
    pad_after(o, sp, body);
}

/* A character argument (promoted to int). */
static void put_char(struct w32_sink *o, const struct spec *sp, int value, bool wide_arg)
{
    uint32_t unit = wide_arg ? (WCHAR)value : (unsigned char)value;

    if (wide_arg == o->wide || unit < 0x80) {
        pad_before(o, sp, 1);
        put_unit(o, unit);
        pad_after(o, sp, 1);
        return;
    }
    /* A lone narrow byte >= 0x80 is no UTF-8 character; a lone surrogate
     * is no character either. */
    if (!wide_arg || (unit >= 0xD800 && unit <= 0xDFFF))
        unit = 0xFFFD;
    pad_before(o, sp, cp_units(o, unit));
    put_cp(o, unit);
    pad_after(o, sp, cp_units(o, unit));
}

static void put_integer(struct w32_sink *o, const struct spec *sp, uint64_t mag, bool neg,
                        bool is_signed, unsigned base, bool upper, int min_digits)
{
    const char *digitset = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char digits[72];
    char prefix[3];
    size_t nd = 0, np = 0, zeros = 0, body, i;
    int prec = sp->prec >= 0 ? sp->prec : min_digits;

    while (mag) {
        digits[nd++] = digitset[mag % base];
        mag /= base;
    }
    /* digits[] holds them in reverse order. */
    if (is_signed) {
        if (neg)
            prefix[np++] = '-';
        else if (sp->plus)
            prefix[np++] = '+';
        else if (sp->space)
            prefix[np++] = ' ';
    }
    if (sp->hash && base == 16 && nd) {
        prefix[np++] = '0';
        prefix[np++] = upper ? 'X' : 'x';
    }
    if (prec >= 0 && (size_t)prec > nd)
        zeros = (size_t)prec - nd;
    if (sp->hash && base == 8 && zeros == 0 && (nd == 0 || digits[nd - 1] != '0'))
        zeros = 1;
    if (prec < 0 && nd == 0)
        zeros = 1;          /* "0" */
    body = np + zeros + nd;
    if (sp->zero && !sp->minus && sp->prec < 0 && sp->width > 0 &&
        (size_t)sp->width > body) {
        zeros += (size_t)sp->width - body;
        body = (size_t)sp->width;
    }
    if (!sp->minus && sp->width > 0 && (size_t)sp->width > body)
        put_repeat(o, L' ', (size_t)sp->width - body);
    for (i = 0; i < np; i++)
        put_unit(o, (unsigned char)prefix[i]);
    put_repeat(o, L'0', zeros);
    while (nd)
        put_unit(o, (unsigned char)digits[--nd]);
    pad_after(o, sp, body);
}

/* Floating point through the C library's narrow snprintf. */
static int put_float(struct w32_sink *o, const struct spec *sp, va_list *ap)
{
    char fmt[16], small[128], *text = small;
    size_t f = 0, i;
    long double ld = 0;
    double d = 0;
    int n;

    fmt[f++] = '%';
    if (sp->minus) fmt[f++] = '-';
    if (sp->plus) fmt[f++] = '+';
    if (sp->space) fmt[f++] = ' ';
    if (sp->hash) fmt[f++] = '#';
    if (sp->zero) fmt[f++] = '0';
    fmt[f++] = '*';
    fmt[f++] = '.';
    fmt[f++] = '*';
    if (sp->size == SZ_LONGDOUBLE)
        fmt[f++] = 'L';
    fmt[f++] = (char)sp->conv;
    fmt[f] = '\0';
    if (sp->size == SZ_LONGDOUBLE)
        ld = va_arg(*ap, long double);
    else
        d = va_arg(*ap, double);
    /* A negative precision means "none" to snprintf. */
#define W32_FLOAT_SNPRINTF(out_, room_)                                                 \
    (sp->size == SZ_LONGDOUBLE                                                         \
         ? snprintf(out_, room_, fmt, sp->width < 0 ? 0 : sp->width, sp->prec, ld)     \
         : snprintf(out_, room_, fmt, sp->width < 0 ? 0 : sp->width, sp->prec, d))
    n = W32_FLOAT_SNPRINTF(small, sizeof(small));
    if (n < 0)
        return -1;
    if ((size_t)n >= sizeof(small)) {
        text = malloc((size_t)n + 1);
        if (!text)
            return -1;
        W32_FLOAT_SNPRINTF(text, (size_t)n + 1);
    }
#undef W32_FLOAT_SNPRINTF
    for (i = 0; i < (size_t)n; i++)
        put_unit(o, (unsigned char)text[i]);
    if (text != small)
        free(text);
    return 0;
}

/* ---- the formatter ------------------------------------------------------------------ */

static unsigned fmt_at(const void *fmt, bool wide, size_t i)
{
    return wide ? ((const WCHAR *)fmt)[i] : ((const unsigned char *)fmt)[i];
}

/* Read a decimal number or '*' for width / precision; -2 on overflow. */
static int read_count(const void *fmt, bool wide, size_t *i, va_list *ap, bool *from_arg)
{
    long v = 0;
    unsigned c;

    *from_arg = false;
    if (fmt_at(fmt, wide, *i) == '*') {
        (*i)++;
        *from_arg = true;
        return va_arg(*ap, int);
    }
    while ((c = fmt_at(fmt, wide, *i)) >= '0' && c <= '9') {
        v = v * 10 + (long)(c - '0');
        if (v > INT_MAX)
            return -2;
        (*i)++;
    }
    return (int)v;
}

/**
 * w32_vformat() - format with Microsoft's rules into a sink.
 * @out: where the output goes; out->len grows by the full output length
 *       even when out->cap stops storing.  out->wide must equal @fmt_wide.
 * @fmt: the format, a WCHAR string when @fmt_wide, else a narrow one.
 * @fmt_wide: the width of the calling function (decides what %s means).
 * @ap: the arguments.
 *
 * Nothing is terminated: callers add the NUL.
 *
 * Return: 0, or -1 for a format that is refused (%n, an unknown
 * conversion, a width or precision past INT_MAX, a truncated
 * specification) or when memory for a floating-point conversion ran out.
 */
int w32_vformat(struct w32_sink *out, const void *fmt, bool fmt_wide, va_list ap)
{
    size_t i = 0;
    unsigned c;
    va_list args;
    int rc = 0;

    va_copy(args, ap);
    while ((c = fmt_at(fmt, fmt_wide, i)) != 0) {
        struct spec sp = { .width = -1, .prec = -1, .size = SZ_NONE };
        bool from_arg, wide_arg;
        uint64_t mag;
        int64_t sv;
        int n;

        if (c != '%') {
            put_unit(out, c);
            i++;
            continue;
        }
        i++;
        /* flags */
        for (;; i++) {
            c = fmt_at(fmt, fmt_wide, i);
            if (c == '-') sp.minus = true;
            else if (c == '+') sp.plus = true;
            else if (c == ' ') sp.space = true;
            else if (c == '#') sp.hash = true;
            else if (c == '0') sp.zero = true;
            else break;
        }
        n = read_count(fmt, fmt_wide, &i, &args, &from_arg);
        if (n == -2)
            goto bad;
        if (from_arg && n < 0) {
            sp.minus = true;
            n = n == INT_MIN ? INT_MAX : -n;
        }
        sp.width = (from_arg || n > 0) ? n : -1;
        if (fmt_at(fmt, fmt_wide, i) == '.') {
            i++;
            n = read_count(fmt, fmt_wide, &i, &args, &from_arg);
            if (n == -2)
                goto bad;
            sp.prec = n < 0 ? -1 : n;
        }
        /* size */
        c = fmt_at(fmt, fmt_wide, i);
        if (c == 'h') {
            i++;
            sp.force_narrow = true;
            sp.size = SZ_H;
            if (fmt_at(fmt, fmt_wide, i) == 'h') {
                i++;
                sp.size = SZ_HH;
            }
        } else if (c == 'l') {
            i++;
            sp.force_wide = true;
            sp.size = SZ_L32;
            if (fmt_at(fmt, fmt_wide, i) == 'l') {
                i++;
                sp.size = SZ_64;
                sp.force_wide = false;
            }
        } else if (c == 'w') {
            i++;
            sp.force_wide = true;
        } else if (c == 'L') {
            i++;
            sp.size = SZ_LONGDOUBLE;
        } else if (c == 'q') {
            i++;
            sp.size = SZ_64;
        } else if (c == 'j' || c == 'z' || c == 't') {
            i++;
            sp.size = SZ_PTR;
        } else if (c == 'I') {
            i++;
            if (fmt_at(fmt, fmt_wide, i) == '6' && fmt_at(fmt, fmt_wide, i + 1) == '4') {
                i += 2;
                sp.size = SZ_64;
            } else if (fmt_at(fmt, fmt_wide, i) == '3' &&
                       fmt_at(fmt, fmt_wide, i + 1) == '2') {
                i += 2;
                sp.size = SZ_L32;
            } else {
                sp.size = SZ_PTR;
            }
        }
        sp.conv = fmt_at(fmt, fmt_wide, i);
        if (sp.conv == 0)
            goto bad;
        i++;
        switch (sp.conv) {
        case '%':
            put_unit(out, '%');
            break;
        case 'd':
        case 'i':
            switch (sp.size) {
            case SZ_HH: sv = (signed char)va_arg(args, int); break;
            case SZ_H: sv = (short)va_arg(args, int); break;
            case SZ_64: case SZ_LONGDOUBLE: sv = va_arg(args, long long); break;
            case SZ_PTR: sv = (int64_t)va_arg(args, ptrdiff_t); break;
            default: sv = va_arg(args, int); break;
            }
            mag = sv < 0 ? 0u - (uint64_t)sv : (uint64_t)sv;
            put_integer(out, &sp, mag, sv < 0, true, 10, false, -1);
            break;
        case 'u':
        case 'o':
        case 'x':
        case 'X':
            switch (sp.size) {
            case SZ_HH: mag = (unsigned char)va_arg(args, unsigned int); break;
            case SZ_H: mag = (unsigned short)va_arg(args, unsigned int); break;
            case SZ_64: case SZ_LONGDOUBLE: mag = va_arg(args, unsigned long long); break;
            case SZ_PTR: mag = (uint64_t)va_arg(args, size_t); break;
            default: mag = va_arg(args, unsigned int); break;
            }
            put_integer(out, &sp, mag, false, false,
                        sp.conv == 'u' ? 10 : sp.conv == 'o' ? 8 : 16,
                        sp.conv == 'X', -1);
            break;
        case 'p':
            sp.hash = false;
            mag = (uint64_t)(uintptr_t)va_arg(args, void *);
            put_integer(out, &sp, mag, false, false, 16, true,
                        (int)(2 * sizeof(void *)));
            break;
        case 'c':
        case 'C':
            wide_arg = sp.force_wide ? true : sp.force_narrow ? false
                     : (sp.conv == 'c') == fmt_wide;
            put_char(out, &sp, va_arg(args, int), wide_arg);
            break;
        case 's':
        case 'S':
            wide_arg = sp.force_wide ? true : sp.force_narrow ? false
                     : (sp.conv == 's') == fmt_wide;
            put_string(out, &sp, va_arg(args, const void *), wide_arg);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
            if (put_float(out, &sp, &args) != 0)
                goto bad;
            break;
        default:        /* %n, %Z and anything unknown */
            goto bad;
        }
    }
    va_end(args);
    return 0;
bad:
    va_end(args);
    errno = EINVAL;
    rc = -1;
    return rc;
}

/* ---- counted-buffer wrappers ------------------------------------------------------------ */

/*
 * Format into @buf (@count units), the legacy _snprintf way: NUL only when
 * the output is shorter than @count; -1 when it is longer or the format is
 * refused; with @buf NULL and @count 0, the length needed.
 */
static int legacy_format(void *buf, size_t count, const void *fmt, bool wide, va_list ap)
{
    struct w32_sink o = { wide, buf, count, 0 };

    if (!fmt || (!buf && count)) {
        errno = EINVAL;
        return -1;
    }
    if (w32_vformat(&o, fmt, wide, ap) != 0 || o.len > INT_MAX)
        return -1;
    if (!buf)
        return (int)o.len;
    if (o.len < count) {
        if (wide)
            ((WCHAR *)buf)[o.len] = 0;
        else
            ((char *)buf)[o.len] = '\0';
        return (int)o.len;
    }
    return o.len == count ? (int)o.len : -1;
}

/*
 * Format into @buf the ISO way: always NUL-terminated when @count > 0; -1
 * when the output with its NUL does not fit (truncated to @count - 1
 * units) or the format is refused.
 */
static int iso_format(void *buf, size_t count, const void *fmt, bool wide, va_list ap)
{
    struct w32_sink o = { wide, buf, count ? count - 1 : 0, 0 };
    int rc;

    if (!fmt || (!buf && count)) {
        errno = EINVAL;
        return -1;
    }
    rc = w32_vformat(&o, fmt, wide, ap);
    if (count) {
        size_t end = o.len < count ? o.len : count - 1;

        if (wide)
            ((WCHAR *)buf)[end] = 0;
        else
            ((char *)buf)[end] = '\0';
    }
    if (rc != 0 || o.len >= count || o.len > INT_MAX)
        return -1;
    return (int)o.len;
}

/**
 * eaphost_w32_vswprintf() - vswprintf (ISO form, as Microsoft's CRT has it).
 * @buf: output, NUL-terminated whenever @count > 0.
 * @count: its size in units, NUL included.
 * @fmt: the format (Microsoft's rules).
 * @ap: the arguments.
 *
 * Return: units written without the NUL; -1 when the output does not fit
 * (it is then truncated to @count - 1 units), for a refused format, or for
 * a NULL @fmt or (@buf NULL, @count > 0) (errno EINVAL).
 */
int eaphost_w32_vswprintf(wchar_t *buf, size_t count, const wchar_t *fmt, va_list ap)
{
    return iso_format(buf, count, fmt, true, ap);
}

/**
 * eaphost_w32_swprintf() - swprintf: vswprintf with variable arguments.
 * @buf: output.
 * @count: its size in units, NUL included.
 * @fmt: the format.
 */
int eaphost_w32_swprintf(wchar_t *buf, size_t count, const wchar_t *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = iso_format(buf, count, fmt, true, ap);
    va_end(ap);
    return rc;
}

/**
 * eaphost_w32__vsnwprintf() - _vsnwprintf: Microsoft's legacy counted form.
 * @buf: output, or NULL with @count 0 to ask for the length.
 * @count: most units to store.
 * @fmt: the format.
 * @ap: the arguments.
 *
 * Return: the length, with a NUL stored only when it is below @count; the
 * length without a NUL when it equals @count; -1 (truncated to @count
 * units, no NUL) when longer, or for a refused format or bad arguments.
 */
int eaphost_w32__vsnwprintf(wchar_t *buf, size_t count, const wchar_t *fmt, va_list ap)
{
    return legacy_format(buf, count, fmt, true, ap);
}

/**
 * eaphost_w32__snwprintf() - _snwprintf: _vsnwprintf with variable
 * arguments.
 * @buf: output.
 * @count: most units to store.
 * @fmt: the format.
 */
int eaphost_w32__snwprintf(wchar_t *buf, size_t count, const wchar_t *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = legacy_format(buf, count, fmt, true, ap);
    va_end(ap);
    return rc;
}

/**
 * eaphost_w32_swprintf_s() - swprintf_s: swprintf that empties @buf when
 * the output does not fit.
 * @buf: output.
 * @size: its size in units, NUL included.
 * @fmt: the format.
 *
 * Return: the length; -1 (errno ERANGE, @buf emptied) when it does not fit,
 * -1 (errno EINVAL) for NULL arguments, @size 0 or a refused format.
 */
int eaphost_w32_swprintf_s(wchar_t *buf, size_t size, const wchar_t *fmt, ...)
{
    va_list ap;
    int rc;

    if (!buf || !size || !fmt) {
        if (buf && size)
            buf[0] = 0;
        errno = EINVAL;
        return -1;
    }
    va_start(ap, fmt);
    rc = iso_format(buf, size, fmt, true, ap);
    va_end(ap);
    if (rc < 0) {
        buf[0] = 0;
        if (errno != EINVAL)
            errno = ERANGE;
    }
    return rc;
}

/**
 * eaphost_w32__snwprintf_s() - _snwprintf_s: store at most @count units
 * (or, with _TRUNCATE, what fits) and always a NUL.
 * @buf: output.
 * @size: its size in units, NUL included.
 * @count: most units to store, or _TRUNCATE.
 * @fmt: the format.
 *
 * Return: the length when it was stored whole; -1 when cut by @count or
 * _TRUNCATE; -1 with @buf emptied (errno ERANGE) when @count does not fit
 * in @size; -1 (errno EINVAL) for bad arguments or a refused format.
 */
int eaphost_w32__snwprintf_s(wchar_t *buf, size_t size, size_t count, const wchar_t *fmt,
                             ...)
{
    struct w32_sink o;
    size_t limit, stored;
    va_list ap;
    int rc;

    if (!buf || !size || !fmt) {
        if (buf && size)
            buf[0] = 0;
        errno = EINVAL;
        return -1;
    }
    limit = count == _TRUNCATE ? size - 1 : count;
    o = (struct w32_sink){ true, buf, limit < size - 1 ? limit : size - 1, 0 };
    va_start(ap, fmt);
    rc = w32_vformat(&o, fmt, true, ap);
    va_end(ap);
    if (rc != 0) {
        buf[0] = 0;
        return -1;
    }
    stored = o.len < limit ? o.len : limit;
    if (stored >= size) {
        buf[0] = 0;
        errno = ERANGE;
        return -1;
    }
    buf[stored] = 0;
    return (stored < o.len || o.len > INT_MAX) ? -1 : (int)o.len;
}

/**
 * eaphost_w32__vscwprintf() - _vscwprintf: the length the output would
 * have.
 * @fmt: the format.
 * @ap: the arguments.
 *
 * Return: the length in units, or -1 for a refused format or NULL @fmt.
 */
int eaphost_w32__vscwprintf(const wchar_t *fmt, va_list ap)
{
    return legacy_format(NULL, 0, fmt, true, ap);
}

/**
 * eaphost_w32__scwprintf() - _scwprintf: _vscwprintf with variable
 * arguments.
 * @fmt: the format.
 */
int eaphost_w32__scwprintf(const wchar_t *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = legacy_format(NULL, 0, fmt, true, ap);
    va_end(ap);
    return rc;
}

/**
 * eaphost_w32_vfwprintf() - vfwprintf: format and write to @stream as
 * UTF-8.
 * @stream: the stream (byte-oriented use; it is written with fwrite).
 * @fmt: the format.
 * @ap: the arguments.
 *
 * Return: the number of wide characters formatted, or -1 (bad format, out
 * of memory, write error).
 */
int eaphost_w32_vfwprintf(FILE *stream, const wchar_t *fmt, va_list ap)
{
    struct w32_sink o = { true, NULL, 0, 0 };
    WCHAR *w;
    char *text;
    va_list again;
    int rc = -1;

    if (!stream || !fmt) {
        errno = EINVAL;
        return -1;
    }
    va_copy(again, ap);
    if (w32_vformat(&o, fmt, true, ap) != 0 || o.len > INT_MAX) {
        va_end(again);
        return -1;
    }
    w = malloc((o.len + 1) * sizeof(WCHAR));
    if (w) {
        o = (struct w32_sink){ true, w, o.len, 0 };
        if (w32_vformat(&o, fmt, true, again) == 0) {
            text = w32_utf16_to_utf8_dup(w, o.len);
            if (text && fwrite(text, 1, strlen(text), stream) == strlen(text))
                rc = (int)o.len;
            free(text);
        }
        free(w);
    }
    va_end(again);
    return rc;
}

/**
 * eaphost_w32_fwprintf() - fwprintf: vfwprintf with variable arguments.
 * @stream: the stream.
 * @fmt: the format.
 */
int eaphost_w32_fwprintf(FILE *stream, const wchar_t *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = eaphost_w32_vfwprintf(stream, fmt, ap);
    va_end(ap);
    return rc;
}

/**
 * eaphost_w32_vwprintf() - vwprintf: vfwprintf to stdout.
 * @fmt: the format.
 * @ap: the arguments.
 */
int eaphost_w32_vwprintf(const wchar_t *fmt, va_list ap)
{
    return eaphost_w32_vfwprintf(stdout, fmt, ap);
}

/**
 * eaphost_w32_wprintf() - wprintf: vfwprintf to stdout.
 * @fmt: the format.
 */
int eaphost_w32_wprintf(const wchar_t *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = eaphost_w32_vfwprintf(stdout, fmt, ap);
    va_end(ap);
    return rc;
}

/* ---- narrow functions with Microsoft's rules ------------------------------------------ */

/**
 * eaphost_w32__vsnprintf() - _vsnprintf: the narrow _vsnwprintf (%s narrow,
 * %S wide, converted to UTF-8).
 * @buf: output, or NULL with @count 0.
 * @count: most bytes to store.
 * @fmt: the format.
 * @ap: the arguments.
 */
int eaphost_w32__vsnprintf(char *buf, size_t count, const char *fmt, va_list ap)
{
    return legacy_format(buf, count, fmt, false, ap);
}

/**
 * eaphost_w32__snprintf() - _snprintf: _vsnprintf with variable arguments.
 * @buf: output.
 * @count: most bytes to store.
 * @fmt: the format.
 */
int eaphost_w32__snprintf(char *buf, size_t count, const char *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = legacy_format(buf, count, fmt, false, ap);
    va_end(ap);
    return rc;
}

/**
 * eaphost_w32__vscprintf() - _vscprintf: the length the narrow output
 * would have.
 * @fmt: the format.
 * @ap: the arguments.
 */
int eaphost_w32__vscprintf(const char *fmt, va_list ap)
{
    return legacy_format(NULL, 0, fmt, false, ap);
}

/**
 * eaphost_w32__scprintf() - _scprintf: _vscprintf with variable arguments.
 * @fmt: the format.
 */
int eaphost_w32__scprintf(const char *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = legacy_format(NULL, 0, fmt, false, ap);
    va_end(ap);
    return rc;
}

/* ---- wsprintf: at most 1024 characters ------------------------------------------------- */

#define WSPRINTF_MAX 1024

static int wsprintf_common(void *buf, const void *fmt, bool wide, va_list ap)
{
    struct w32_sink o = { wide, buf, WSPRINTF_MAX - 1, 0 };
    size_t end;

    if (!buf || !fmt) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return -1;
    }
    if (w32_vformat(&o, fmt, wide, ap) != 0) {
        if (wide)
            ((WCHAR *)buf)[0] = 0;
        else
            ((char *)buf)[0] = '\0';
        SetLastError(ERROR_INVALID_PARAMETER);
        return -1;
    }
    end = o.len < WSPRINTF_MAX - 1 ? o.len : WSPRINTF_MAX - 1;
    if (wide)
        ((WCHAR *)buf)[end] = 0;
    else
        ((char *)buf)[end] = '\0';
    return (int)end;
}

/**
 * eaphost_w32_wvsprintfW() - wvsprintfW: format into @buf, at most 1024
 * units including the NUL.
 * @buf: output (room for 1024 units).
 * @fmt: the format.
 * @arglist: the arguments.
 *
 * Return: units stored without the NUL; -1 for NULL arguments or a refused
 * format (last error ERROR_INVALID_PARAMETER).
 */
int WINAPI wvsprintfW(LPWSTR buf, LPCWSTR fmt, va_list arglist)
{
    return wsprintf_common(buf, fmt, true, arglist);
}

/**
 * eaphost_w32_wvsprintfA() - wvsprintfA: the narrow wvsprintfW.
 * @buf: output (room for 1024 bytes).
 * @fmt: the format.
 * @arglist: the arguments.
 */
int WINAPI wvsprintfA(LPSTR buf, LPCSTR fmt, va_list arglist)
{
    return wsprintf_common(buf, fmt, false, arglist);
}

/**
 * eaphost_w32_wsprintfW() - wsprintfW: wvsprintfW with variable arguments.
 * @buf: output.
 * @fmt: the format.
 */
int WINAPIV wsprintfW(LPWSTR buf, LPCWSTR fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = wsprintf_common(buf, fmt, true, ap);
    va_end(ap);
    return rc;
}

/**
 * eaphost_w32_wsprintfA() - wsprintfA: wvsprintfA with variable arguments.
 * @buf: output.
 * @fmt: the format.
 */
int WINAPIV wsprintfA(LPSTR buf, LPCSTR fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = wsprintf_common(buf, fmt, false, ap);
    va_end(ap);
    return rc;
}
