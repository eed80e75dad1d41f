/*
 * windows.h - the part of <windows.h> that EAP methods use, for sources
 * written for Windows and built with libeaphost.
 *
 * Part of libeaphost's Windows source-compatibility headers: the pkg-config
 * module eaphost-windows puts this directory first on the include path,
 * compiles with -fshort-wchar (WCHAR == wchar_t, 16-bit UTF-16, L"..."
 * literals in UTF-16) and links libeaphost-win32, which implements the
 * functions declared here.
 *
 * What it includes, as Windows does:
 *   winnt.h    base types, HRESULT (winerror.h), SAL (sal.h), __declspec,
 *              calling conventions, TEXT/TCHAR, memory macros,
 *              SecureZeroMemory, Interlocked*
 *   windef.h   MAX_PATH, min/max, WPARAM/LPARAM, MAKEWORD/LOWORD ...
 *   winbase.h  heaps, LocalAlloc, GetLastError, lstr*, critical sections,
 *              Sleep/GetTickCount, OutputDebugString, DllMain
 *   winnls.h   MultiByteToWideChar / WideCharToMultiByte (CP_ACP is UTF-8)
 *   winreg.h   registry API: declared, fails with ERROR_NOT_SUPPORTED
 *   winuser.h  dialogs and resources: declared, fail; wsprintf works
 *   objbase.h  CoTaskMem*; COM creation declared, fails with E_NOTIMPL
 *              (left out with WIN32_LEAN_AND_MEAN, as on Windows)
 * and the C library's wide-string functions routed to UTF-16
 * implementations (eaphost_w32_wchar.h).  <strsafe.h>, <rtutils.h>,
 * <lmcons.h>, <tchar.h> and the EAP SDK headers are included separately,
 * in any order.
 *
 * Every Win32 function is a macro for the library's eaphost_w32_<name>;
 * the C library keeps its own names.  _WIN32 is not defined.
 */
#ifndef EAPHOST_WIN32_WINDOWS_H
#define EAPHOST_WIN32_WINDOWS_H

#include <winnt.h>
#include <windef.h>
#include <winbase.h>
#include <winnls.h>
#include <winreg.h>
#include <winuser.h>
#ifndef WIN32_LEAN_AND_MEAN
#include <objbase.h>
#endif

#include <eaphost_w32_wchar.h>

#endif /* EAPHOST_WIN32_WINDOWS_H */
