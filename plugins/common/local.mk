# plugins/common/local.mk - helpers shared by the bundled method plugins.
# Built like a plugin (Windows-style flags, SDK headers only) and linked
# statically into each plugin.
noinst_LTLIBRARIES += plugins/common/libmethod-util.la
plugins_common_libmethod_util_la_SOURCES = \
	plugins/common/method_util.c \
	plugins/common/method_util.h
plugins_common_libmethod_util_la_CPPFLAGS = -I$(top_srcdir)/libeaphost/include
plugins_common_libmethod_util_la_CFLAGS = $(AM_CFLAGS) -fshort-wchar
