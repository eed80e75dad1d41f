# libeaphost/local.mk - the library, its headers and pkg-config modules.

# Everything is built once into a convenience library: libeaphost.la exports
# only the public API from it, and white-box tests link it directly.
noinst_LTLIBRARIES += libeaphost/libeaphost-internal.la
libeaphost_libeaphost_internal_la_SOURCES = \
	libeaphost/internal.h \
	libeaphost/memory.c \
	libeaphost/errors.c \
	libeaphost/error_table.h \
	libeaphost/utf16.c \
	libeaphost/trust.c \
	libeaphost/json_file.c \
	libeaphost/registry.c \
	libeaphost/loader.c \
	libeaphost/loader_int.h \
	libeaphost/auth_loader.c \
	libeaphost/auth_int.h \
	libeaphost/auth_session.c \
	libeaphost/auth_sm.c \
	libeaphost/auth_api.c \
	libeaphost/user_db.c \
	libeaphost/msk.c \
	libeaphost/loopback.c \
	libeaphost/guids.c \
	libeaphost/host.c \
	libeaphost/session.c \
	libeaphost/credentials.c \
	libeaphost/trace.c \
	libeaphost/attributes.c \
	libeaphost/peer_sm.c \
	libeaphost/api_runtime.c \
	libeaphost/api_config.c \
	libeaphost/api_emulator.c \
	libeaphost/api_identity.c \
	libeaphost/api_unsupported.c \
	libeaphost/methods_list.c
libeaphost_libeaphost_internal_la_CPPFLAGS = $(AM_CPPFLAGS) $(CJSON_CFLAGS) \
	-DEAPHOST_METHODS_DIR_DEFAULT='"$(sysconfdir)/eaphost/methods"'
libeaphost_libeaphost_internal_la_LIBADD = $(CJSON_LIBS) $(LTDL_LIBS)

lib_LTLIBRARIES += libeaphost/libeaphost.la
libeaphost_libeaphost_la_SOURCES =
nodist_EXTRA_libeaphost_libeaphost_la_SOURCES = force-link.c
libeaphost_libeaphost_la_LIBADD = libeaphost/libeaphost-internal.la \
	$(CJSON_LIBS) $(LTDL_LIBS)
libeaphost_libeaphost_la_LDFLAGS = -version-info $(EAPHOST_LT_VERSION) \
	-no-undefined -export-symbols-regex '^(EapHostPeer|eaphost_|GUID_EapHost_)'

# Windows SDK file names, so `#include <eapmethodpeerapis.h>` works as is.
sdkincludedir = $(includedir)/libeaphost
sdkinclude_HEADERS = \
	libeaphost/include/eaptypes.h \
	libeaphost/include/eapmethodtypes.h \
	libeaphost/include/eapmethodpeerapis.h \
	libeaphost/include/eappapis.h \
	libeaphost/include/eaphostpeertypes.h \
	libeaphost/include/eaphostpeerconfigapis.h \
	libeaphost/include/eaphosterror.h \
	libeaphost/include/eapmethodauthenticatorapis.h \
	libeaphost/include/eapauthenticatortypes.h \
	libeaphost/include/eapauthenticatoractiondefine.h
emuincludedir = $(includedir)/libeaphost/eaphost
emuinclude_HEADERS = \
	libeaphost/include/eaphost/eaphost.h \
	libeaphost/include/eaphost/authenticator.h \
	libeaphost/include/eaphost/trace.h \
	libeaphost/include/eaphost/win32_error_codes.h \
	libeaphost/include/eaphost/wintypes.h \
	libeaphost/include/eaphost/abi_checks.h \
	libeaphost/include/eaphost/sdk.h

pkgconfigdir = $(libdir)/pkgconfig
pkgconfig_DATA += libeaphost/eaphost.pc libeaphost/eaphost-windows.pc
EXTRA_DIST += libeaphost/eaphost.pc.in libeaphost/eaphost-windows.pc.in
