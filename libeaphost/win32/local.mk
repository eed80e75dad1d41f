# libeaphost/win32/local.mk - libeaphost-win32, the Windows source-
# compatibility layer: the Win32 subset EAP methods use (heaps, UTF-16
# strings, strsafe, code pages, tracing ...), for sources built with the
# eaphost-windows pkg-config module.  Its headers (libeaphost/include/win32)
# go to $(includedir)/libeaphost/win32; the module puts that directory first
# on the include path, adds -fshort-wchar and links this library.
#
# The library itself is built with -fshort-wchar and exports only its API
# (eaphost_w32_*); it never calls a wchar_t function of the C library
# (tests/check-win32-symbols.sh).

lib_LTLIBRARIES += libeaphost/win32/libeaphost-win32.la
libeaphost_win32_libeaphost_win32_la_SOURCES = \
	libeaphost/win32/w32_internal.h \
	libeaphost/win32/lasterror.c \
	libeaphost/win32/heap.c \
	libeaphost/win32/codepage.c \
	libeaphost/win32/wide_string.c \
	libeaphost/win32/wide_number.c \
	libeaphost/win32/wide_printf.c \
	libeaphost/win32/strsafe.c \
	libeaphost/win32/lstr.c \
	libeaphost/win32/trace.c \
	libeaphost/win32/sync.c \
	libeaphost/win32/unsupported.c
libeaphost_win32_libeaphost_win32_la_CPPFLAGS = \
	-I$(top_srcdir)/libeaphost/include/win32 $(AM_CPPFLAGS)
libeaphost_win32_libeaphost_win32_la_CFLAGS = $(AM_CFLAGS) -fshort-wchar
libeaphost_win32_libeaphost_win32_la_LDFLAGS = -version-info $(EAPHOST_LT_VERSION) \
	-no-undefined -export-symbols-regex '^eaphost_w32_'
# Method trace messages go into the host's trace.
libeaphost_win32_libeaphost_win32_la_LIBADD = libeaphost/libeaphost.la

win32includedir = $(includedir)/libeaphost/win32
win32include_HEADERS = \
	libeaphost/include/win32/windows.h \
	libeaphost/include/win32/Windows.h \
	libeaphost/include/win32/winnt.h \
	libeaphost/include/win32/WinNT.h \
	libeaphost/include/win32/windef.h \
	libeaphost/include/win32/WinDef.h \
	libeaphost/include/win32/minwindef.h \
	libeaphost/include/win32/winbase.h \
	libeaphost/include/win32/WinBase.h \
	libeaphost/include/win32/winerror.h \
	libeaphost/include/win32/WinError.h \
	libeaphost/include/win32/winnls.h \
	libeaphost/include/win32/WinNls.h \
	libeaphost/include/win32/stringapiset.h \
	libeaphost/include/win32/winreg.h \
	libeaphost/include/win32/WinReg.h \
	libeaphost/include/win32/winuser.h \
	libeaphost/include/win32/WinUser.h \
	libeaphost/include/win32/objbase.h \
	libeaphost/include/win32/ObjBase.h \
	libeaphost/include/win32/combaseapi.h \
	libeaphost/include/win32/ole2.h \
	libeaphost/include/win32/sal.h \
	libeaphost/include/win32/strsafe.h \
	libeaphost/include/win32/Strsafe.h \
	libeaphost/include/win32/StrSafe.h \
	libeaphost/include/win32/rtutils.h \
	libeaphost/include/win32/Rtutils.h \
	libeaphost/include/win32/lmcons.h \
	libeaphost/include/win32/Lmcons.h \
	libeaphost/include/win32/LMCons.h \
	libeaphost/include/win32/tchar.h \
	libeaphost/include/win32/wchar.h \
	libeaphost/include/win32/cwchar \
	libeaphost/include/win32/cstdlib \
	libeaphost/include/win32/eaphost_w32_wchar.h \
	libeaphost/include/win32/EapTypes.h \
	libeaphost/include/win32/EapHostError.h \
	libeaphost/include/win32/EapMethodTypes.h \
	libeaphost/include/win32/EapMethodPeerApis.h \
	libeaphost/include/win32/EapPapis.h \
	libeaphost/include/win32/EapHostPeerTypes.h \
	libeaphost/include/win32/EapHostPeerConfigApis.h \
	libeaphost/include/win32/EapMethodAuthenticatorApis.h \
	libeaphost/include/win32/EapAuthenticatorTypes.h \
	libeaphost/include/win32/EapAuthenticatorActionDefine.h
