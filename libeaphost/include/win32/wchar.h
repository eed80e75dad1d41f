/*
 * wchar.h - the C library's <wchar.h>, with its wide-string functions
 * routed to libeaphost-win32's UTF-16 implementations.
 *
 * Part of libeaphost's Windows source-compatibility headers: with
 * -I.../libeaphost/win32 first on the include path (pkg-config module
 * eaphost-windows), a source that includes <wchar.h> gets this file, which
 * includes the C library's header and then the routing macros of
 * eaphost_w32_wchar.h (wcslen -> eaphost_w32_wcslen ...).
 */
#pragma GCC system_header

#ifndef EAPHOST_WIN32_WCHAR_WRAPPER_H
#define EAPHOST_WIN32_WCHAR_WRAPPER_H

#include_next <wchar.h>
#include <eaphost_w32_wchar.h>

#endif /* EAPHOST_WIN32_WCHAR_WRAPPER_H */
