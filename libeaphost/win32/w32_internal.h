/*
 * w32_internal.h - what the sources of libeaphost-win32 share and do not
 * export.
 *
 * libeaphost-win32 implements the Windows source-compatibility layer
 * (libeaphost/include/win32).  It is built with -fshort-wchar, so WCHAR
 * and wchar_t are the same 16-bit type here, and it never calls a wchar_t
 * function of the C library (tests/check-win32-symbols.sh checks that).
 * Only the eaphost_w32_* functions are exported (libtool
 * -export-symbols-regex); the w32_* helpers below stay inside.
 */
#ifndef EAPHOST_W32_INTERNAL_H
#define EAPHOST_W32_INTERNAL_H

#include "config.h"     /* first: it chooses the system interfaces */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <windows.h>
#include <strsafe.h>
#include <rtutils.h>

EAPHOST_STATIC_ASSERT(sizeof(wchar_t) == 2, "libeaphost-win32 is built with -fshort-wchar");

/* ---- formatted output (wide_printf.c) ------------------------------------ */

/*
 * Where formatted output goes: @cap code units may be stored at @buf
 * (WCHAR units when @wide, else bytes); @len counts every unit produced,
 * stored or not, so a too-small buffer still yields the full length.
 */
struct w32_sink {
    bool wide;
    void *buf;
    size_t cap;
    size_t len;
};

int w32_vformat(struct w32_sink *out, const void *fmt, bool fmt_wide, va_list ap);

/* ---- UTF-8 / UTF-16 (codepage.c) ------------------------------------------- */

/* Stands for an ill-formed sequence in the decoders below. */
#define W32_BAD_CP 0xFFFFFFFFu

size_t w32_utf8_next(const unsigned char *s, size_t n, uint32_t *cp);
size_t w32_utf16_next(const WCHAR *s, size_t n, uint32_t *cp);
size_t w32_utf8_put(uint32_t cp, char *out);
size_t w32_utf16_put(uint32_t cp, WCHAR *out);
char *w32_utf16_to_utf8_dup(const WCHAR *s, size_t n);

/* ---- tracing (trace.c) ------------------------------------------------------ */

bool w32_trace_enabled(void);
void w32_trace_route(const char *client, const char *text);

#endif /* EAPHOST_W32_INTERNAL_H */
