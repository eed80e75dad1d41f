/*
 * rtutils.h - the Routing and Remote Access tracing API (Trace*) that EAP
 * methods log through.
 *
 * Part of libeaphost's Windows source-compatibility headers (pkg-config
 * module eaphost-windows); implemented by libeaphost-win32.
 *
 * Trace output goes to one place inside libeaphost-win32: while the
 * environment variable EAPHOST_TRACE_METHODS is set (to anything), each
 * message is written to standard error as one line,
 *   [eaphost-trace <client name>] <message>
 * and otherwise it is discarded.  OutputDebugString uses the same route
 * (client name "debug").  Formats follow Microsoft's rules: in TracePrintfA
 * %s is narrow and %S wide, in TracePrintfW the other way round (see
 * eaphost_w32_wchar.h); the W functions write UTF-8.
 *
 * TraceRegister(Ex) copies the client name and returns a trace id, or
 * INVALID_TRACEID (last error set) when the name is NULL or memory runs
 * out; TraceDeregister(Ex) releases it (ERROR_INVALID_PARAMETER for an
 * unknown id).  The print functions return the number of characters
 * written, 0 when the message was discarded or the id is unknown.  The
 * registration flags, TRACE_USE_MASK and the console / file choices are
 * accepted and ignored.
 */
#ifndef EAPHOST_WIN32_RTUTILS_H
#define EAPHOST_WIN32_RTUTILS_H

#include <windef.h>

#define INVALID_TRACEID 0xFFFFFFFF

#define TRACE_USE_FILE 0x00000001
#define TRACE_USE_CONSOLE 0x00000002
#define TRACE_NO_SYNCH 0x00000004
#define TRACE_NO_STDINFO 0x00000001
#define TRACE_USE_MASK 0x00000002
#define TRACE_USE_MSEC 0x00000004
#define TRACE_USE_DATE 0x00000008

#ifdef __cplusplus
extern "C" {
#endif

#define TraceRegisterExA eaphost_w32_TraceRegisterExA
#define TraceRegisterExW eaphost_w32_TraceRegisterExW
#define TraceDeregisterA eaphost_w32_TraceDeregisterA
#define TraceDeregisterW eaphost_w32_TraceDeregisterW
#define TraceDeregisterExA eaphost_w32_TraceDeregisterExA
#define TraceDeregisterExW eaphost_w32_TraceDeregisterExW
#define TracePrintfA eaphost_w32_TracePrintfA
#define TracePrintfW eaphost_w32_TracePrintfW
#define TracePrintfExA eaphost_w32_TracePrintfExA
#define TracePrintfExW eaphost_w32_TracePrintfExW
#define TraceVprintfExA eaphost_w32_TraceVprintfExA
#define TraceVprintfExW eaphost_w32_TraceVprintfExW
#define TracePutsExA eaphost_w32_TracePutsExA
#define TracePutsExW eaphost_w32_TracePutsExW
#define TraceDumpExA eaphost_w32_TraceDumpExA
#define TraceDumpExW eaphost_w32_TraceDumpExW

DWORD APIENTRY TraceRegisterExA(LPCSTR lpszCallerName, DWORD dwFlags);
DWORD APIENTRY TraceRegisterExW(LPCWSTR lpszCallerName, DWORD dwFlags);
DWORD APIENTRY TraceDeregisterA(DWORD dwTraceID);
DWORD APIENTRY TraceDeregisterW(DWORD dwTraceID);
DWORD APIENTRY TraceDeregisterExA(DWORD dwTraceID, DWORD dwFlags);
DWORD APIENTRY TraceDeregisterExW(DWORD dwTraceID, DWORD dwFlags);
DWORD APIENTRY TracePrintfA(DWORD dwTraceID, LPCSTR lpszFormat, ...);
DWORD APIENTRY TracePrintfW(DWORD dwTraceID, LPCWSTR lpszFormat, ...);
DWORD APIENTRY TracePrintfExA(DWORD dwTraceID, DWORD dwFlags, LPCSTR lpszFormat, ...);
DWORD APIENTRY TracePrintfExW(DWORD dwTraceID, DWORD dwFlags, LPCWSTR lpszFormat, ...);
DWORD APIENTRY TraceVprintfExA(DWORD dwTraceID, DWORD dwFlags, LPCSTR lpszFormat,
                               va_list arglist);
DWORD APIENTRY TraceVprintfExW(DWORD dwTraceID, DWORD dwFlags, LPCWSTR lpszFormat,
                               va_list arglist);
DWORD APIENTRY TracePutsExA(DWORD dwTraceID, DWORD dwFlags, LPCSTR lpszString);
DWORD APIENTRY TracePutsExW(DWORD dwTraceID, DWORD dwFlags, LPCWSTR lpszString);
/* Hex dump of @dwBuflen bytes (@dwGroupSize 1, 2 or 4 bytes per group). */
DWORD APIENTRY TraceDumpExA(DWORD dwTraceID, DWORD dwFlags, LPBYTE lpbBytes,
                            DWORD dwByteCount, DWORD dwGroupSize, BOOL bAddressPrefix,
                            LPCSTR lpszPrefix);
DWORD APIENTRY TraceDumpExW(DWORD dwTraceID, DWORD dwFlags, LPBYTE lpbBytes,
                            DWORD dwByteCount, DWORD dwGroupSize, BOOL bAddressPrefix,
                            LPCWSTR lpszPrefix);

#define TraceRegisterA(a) TraceRegisterExA(a, 0)
#define TraceRegisterW(a) TraceRegisterExW(a, 0)

#ifdef UNICODE
#define TraceRegister TraceRegisterW
#define TraceRegisterEx TraceRegisterExW
#define TraceDeregister TraceDeregisterW
#define TraceDeregisterEx TraceDeregisterExW
#define TracePrintf TracePrintfW
#define TracePrintfEx TracePrintfExW
#define TraceVprintfEx TraceVprintfExW
#define TracePutsEx TracePutsExW
#define TraceDumpEx TraceDumpExW
#else
#define TraceRegister TraceRegisterA
#define TraceRegisterEx TraceRegisterExA
#define TraceDeregister TraceDeregisterA
#define TraceDeregisterEx TraceDeregisterExA
#define TracePrintf TracePrintfA
#define TracePrintfEx TracePrintfExA
#define TraceVprintfEx TraceVprintfExA
#define TracePutsEx TracePutsExA
#define TraceDumpEx TraceDumpExA
#endif

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_WIN32_RTUTILS_H */
