# authenticator.mk - Check suite of the authenticator host (user database,
# authenticator sessions, the loader's rules for authenticator halves, MSK,
# loopback), against the fixtures of tests/fixtures/auth.mk and, when they
# are built, the bundled plugins.  White-box: it links the internal library
# for eh_test_fail_alloc_after().

check_PROGRAMS += tests/check_authenticator
TESTS += tests/check_authenticator
tests_check_authenticator_SOURCES = tests/check_authenticator.c
tests_check_authenticator_CPPFLAGS = $(AM_CPPFLAGS) \
	-I$(top_srcdir)/libeaphost -I$(top_srcdir)/tests \
	-I$(top_srcdir)/tests/fixtures
tests_check_authenticator_CFLAGS = $(AM_CFLAGS) $(TEST_CFLAGS)
tests_check_authenticator_LDADD = $(TEST_INTERNAL_LIBS) -ldl
# Fixtures and plugins are loaded at run time, not linked: build them first.
EXTRA_tests_check_authenticator_DEPENDENCIES = $(check_LTLIBRARIES) \
	$(FIXTURE_FILES) $(eapmethods_LTLIBRARIES) $(noinst_DATA)
