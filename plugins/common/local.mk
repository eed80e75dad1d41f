# plugins/common/local.mk - helpers shared by the bundled method plugins.
# Built like a plugin (Windows-style flags, SDK headers only) and linked
# statically into each plugin.
#
#   method_util         text, errors, secrets, packets, MPPE keys
#   method_credentials  the user blob, credential fields, session credentials
#   method_exports      GetInfo bodies, no-op routines, the export macros
#   method_password     both halves of a one-round password method (MD5, GTC)
noinst_LTLIBRARIES += plugins/common/libmethod-util.la
plugins_common_libmethod_util_la_SOURCES = \
	plugins/common/method_util.c \
	plugins/common/method_util.h \
	plugins/common/method_credentials.c \
	plugins/common/method_exports.c \
	plugins/common/method_exports.h \
	plugins/common/method_password.c \
	plugins/common/method_password.h
plugins_common_libmethod_util_la_CPPFLAGS = -I$(top_srcdir)/libeaphost/include
plugins_common_libmethod_util_la_CFLAGS = $(AM_CFLAGS) -fshort-wchar
