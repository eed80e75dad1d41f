# peer_sm.mk - table-driven Check suite of the EAP peer state machine,
# driven through the public EapHostPeer* API against the scripted fixture
# method (fixture_good, fixture_expanded).

check_PROGRAMS += tests/check_peer_sm
TESTS += tests/check_peer_sm
tests_check_peer_sm_SOURCES = tests/check_peer_sm.c
tests_check_peer_sm_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/libeaphost \
	-I$(top_srcdir)/tests -I$(top_srcdir)/tests/fixtures
tests_check_peer_sm_CFLAGS = $(AM_CFLAGS) $(TEST_CFLAGS)
tests_check_peer_sm_LDADD = $(TEST_INTERNAL_LIBS) -ldl
# The fixture plugins are loaded at run time: build them first.
EXTRA_tests_check_peer_sm_DEPENDENCIES = $(check_LTLIBRARIES)
