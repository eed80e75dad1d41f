# tests/win32.mk - the Windows source-compatibility layer (libeaphost-win32):
#
#   check_win32              unit tests of every helper at its edges, built
#                            as a Windows-style source (-fshort-wchar, the
#                            win32 headers first)
#   winstyle_method          a method written for Windows, built only with the
#                            flags of the eaphost-windows module (C form)
#   check_winstyle           runs it through the host: the peer half through
#                            EapHostPeer*, both halves through the
#                            authenticator host (eaphost_loopback_run)
#   check-winstyle-cxx.sh    the same method as C++, built with g++ and with
#                            clang++, checked and run through check_winstyle
#   check-win32-symbols.sh   no object built with the module references a
#                            wchar_t function of the C library
#   check-win32-headers.sh   each win32 header alone, C and C++, gcc and
#                            clang; <windows.h> in any order with the SDK
#   check-installed.sh       `make install` into a temporary root, then the
#                            method and a driver built out of the tree with
#                            pkg-config only, and one authentication

# What the eaphost-windows module gives, in the tree.
WIN32_STYLE_CPPFLAGS = -I$(top_srcdir)/libeaphost/include/win32 \
	-I$(top_srcdir)/libeaphost/include
WIN32_STYLE_CFLAGS = -fshort-wchar

check_PROGRAMS += tests/check_win32
TESTS += tests/check_win32
tests_check_win32_SOURCES = tests/check_win32.c
tests_check_win32_CPPFLAGS = -I$(top_builddir) $(WIN32_STYLE_CPPFLAGS) \
	-I$(top_srcdir)/tests
tests_check_win32_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(WIN32_STYLE_CFLAGS)
tests_check_win32_LDADD = libeaphost/win32/libeaphost-win32.la $(CHECK_LIBS)

# The method: a real shared object (-rpath /nowhere), bound at load, which
# finds libeaphost-win32 in the build tree through its run path.
check_LTLIBRARIES += tests/fixtures/winstyle_method.la
tests_fixtures_winstyle_method_la_SOURCES = tests/fixtures/winstyle_method.c
tests_fixtures_winstyle_method_la_CPPFLAGS = $(WIN32_STYLE_CPPFLAGS)
tests_fixtures_winstyle_method_la_CFLAGS = $(AM_CFLAGS) $(WIN32_STYLE_CFLAGS)
tests_fixtures_winstyle_method_la_LDFLAGS = -module -avoid-version -shared \
	-rpath /nowhere -no-undefined -Wl,-z,now \
	-Wl,-rpath,$(abs_top_builddir)/libeaphost/win32/.libs
tests_fixtures_winstyle_method_la_LIBADD = libeaphost/win32/libeaphost-win32.la
EXTRA_DIST += tests/fixtures/winstyle_method.cpp

check_PROGRAMS += tests/check_winstyle
TESTS += tests/check_winstyle
tests_check_winstyle_SOURCES = tests/check_winstyle.c
tests_check_winstyle_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_check_winstyle_CFLAGS = $(AM_CFLAGS) $(TEST_CFLAGS)
tests_check_winstyle_LDADD = libeaphost/libeaphost.la $(CHECK_LIBS)
EXTRA_tests_check_winstyle_DEPENDENCIES = tests/fixtures/winstyle_method.la

dist_check_SCRIPTS += tests/check-winstyle-cxx.sh tests/check-win32-symbols.sh \
	tests/check-win32-headers.sh tests/check-installed.sh
TESTS += tests/check-winstyle-cxx.sh tests/check-win32-symbols.sh \
	tests/check-win32-headers.sh tests/check-installed.sh
# The scripts need the objects above and the compilers configure found.
AM_TESTS_ENVIRONMENT += \
	EAPHOST_GXX='$(EAPHOST_GXX)'; export EAPHOST_GXX; \
	EAPHOST_CLANGXX='$(EAPHOST_CLANGXX)'; export EAPHOST_CLANGXX; \
	NM='$(NM)'; export NM; CC='$(CC)'; export CC; MAKE='$(MAKE)'; export MAKE; \
	EAPHOST_TEST_CFLAGS='$(CFLAGS)'; export EAPHOST_TEST_CFLAGS; \
	EAPHOST_TEST_LDFLAGS='$(LDFLAGS)'; export EAPHOST_TEST_LDFLAGS;
CLEANFILES += tests/winstyle-cxx/*.so tests/winstyle-cxx/*.o \
	tests/winstyle-cxx/*.log tests/winstyle-cxx/order.cpp

# check-installed.sh runs `make install`, and libtool's relink at install
# moves .libs/libeaphost-win32.so aside for a moment: the tests that use
# that library run before it, never alongside.
tests/check-installed.log: tests/check_win32.log tests/check_winstyle.log \
	tests/check-winstyle-cxx.log tests/check-win32-symbols.log \
	tests/check-win32-headers.log
