# methods_md5_gtc.mk - Check suite of the bundled EAP-MD5 and EAP-GTC
# plugins (tests/check_md5_gtc): each plugin is dlopen'ed from the build
# tree and its peer half run against its authenticator half in memory; also
# unit tests of plugins/common.  Built like a Windows-style caller
# (-fshort-wchar, SDK headers); it does not link libeaphost.

check_PROGRAMS += tests/check_md5_gtc
TESTS += tests/check_md5_gtc
tests_check_md5_gtc_SOURCES = tests/check_md5_gtc.c
tests_check_md5_gtc_CPPFLAGS = -I$(top_srcdir)/libeaphost/include \
	-I$(top_srcdir)/plugins/common -I$(top_srcdir)/tests
tests_check_md5_gtc_CFLAGS = $(AM_CFLAGS) -fshort-wchar $(CHECK_CFLAGS) \
	$(NETTLE_CFLAGS)
tests_check_md5_gtc_LDADD = plugins/common/libmethod-util.la $(CHECK_LIBS) \
	$(NETTLE_LIBS) -ldl
EXTRA_tests_check_md5_gtc_DEPENDENCIES = $(eapmethods_LTLIBRARIES)
