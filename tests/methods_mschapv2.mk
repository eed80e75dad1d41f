# tests/methods_mschapv2.mk - the EAP-MSCHAPv2 plugin's Check suite.
#
# The RFC 2759 / RFC 3079 vectors run against the crypto and packet code
# compiled into the test itself; then the built plugin is loaded with
# dlopen (from plugins/mschapv2/.libs) and its peer half runs against its
# authenticator half through their routine tables; last, libeaphost loads
# it through plugins/methods.d/mschapv2.json and its peer state machine runs
# against the authenticator half.  Built like the plugin: SDK headers,
# -fshort-wchar, nettle and the shared helpers; the test program (never the
# plugin) links libeaphost for that last part.
check_PROGRAMS += tests/check_mschapv2
TESTS += tests/check_mschapv2
tests_check_mschapv2_SOURCES = tests/check_mschapv2.c \
	plugins/mschapv2/mschapv2_crypto.c \
	plugins/mschapv2/mschapv2_packet.c
tests_check_mschapv2_CPPFLAGS = $(BUNDLED_PLUGIN_CPPFLAGS) \
	-I$(top_srcdir)/plugins/mschapv2 -I$(top_srcdir)/tests
tests_check_mschapv2_CFLAGS = $(BUNDLED_PLUGIN_CFLAGS) $(CHECK_CFLAGS)
tests_check_mschapv2_LDADD = plugins/common/libmethod-util.la \
	libeaphost/libeaphost.la $(NETTLE_LIBS) $(CHECK_LIBS) -ldl
# The plugin and its registry file are used at run time, not linked: build
# them first.
EXTRA_tests_check_mschapv2_DEPENDENCIES = plugins/mschapv2/mschapv2.la \
	$(BUNDLED_REGISTRY_DIR)/mschapv2.json
