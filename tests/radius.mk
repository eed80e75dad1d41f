# tests/radius.mk - the RADIUS transport (examples/radius/): the codec
# without sockets (check_radius_codec), and the transport over loopback
# against a scripted, sometimes hostile, responder whose EAP server is the
# authenticator host with the bundled plugins (check_radius).  The
# responder's RADIUS encoding (radius_wire.c) is written apart from the
# codec it tests.

RADIUS_TEST_CPPFLAGS = $(RADIUS_CPPFLAGS) -I$(top_srcdir)/tests
RADIUS_TEST_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(NETTLE_CFLAGS)
RADIUS_TEST_LIBS = $(RADIUS_LIBS) $(CHECK_LIBS) $(NETTLE_LIBS)

check_PROGRAMS += tests/check_radius_codec tests/check_radius
TESTS += tests/check_radius_codec tests/check_radius

tests_check_radius_codec_SOURCES = tests/check_radius_codec.c \
	tests/radius_wire.c tests/radius_responder.h
tests_check_radius_codec_CPPFLAGS = $(RADIUS_TEST_CPPFLAGS)
tests_check_radius_codec_CFLAGS = $(RADIUS_TEST_CFLAGS)
tests_check_radius_codec_LDADD = $(RADIUS_TEST_LIBS)

tests_check_radius_SOURCES = tests/check_radius.c tests/radius_responder.c \
	tests/radius_wire.c tests/radius_responder.h
tests_check_radius_CPPFLAGS = $(RADIUS_TEST_CPPFLAGS)
tests_check_radius_CFLAGS = $(RADIUS_TEST_CFLAGS)
tests_check_radius_LDADD = $(RADIUS_TEST_LIBS)
# The plugins are loaded at run time, not linked: build them first.
EXTRA_tests_check_radius_DEPENDENCIES = $(eapmethods_LTLIBRARIES) \
	$(noinst_DATA)

# The responder as a program, for the command-line tests and by hand.
check_PROGRAMS += tests/radius-test-server
tests_radius_test_server_SOURCES = tests/radius_test_server.c \
	tests/radius_responder.c tests/radius_wire.c tests/radius_responder.h
tests_radius_test_server_CPPFLAGS = $(RADIUS_TEST_CPPFLAGS)
tests_radius_test_server_CFLAGS = $(AM_CFLAGS) $(NETTLE_CFLAGS)
tests_radius_test_server_LDADD = $(RADIUS_LIBS) $(NETTLE_LIBS)

# eaphost-test auth --radius and the example supplicant against it.
dist_check_SCRIPTS += tests/check-radius-cli.sh
TESTS += tests/check-radius-cli.sh
