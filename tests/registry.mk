# registry.mk - Check suite of the JSON method registry and the trust
# checks on registry files and plugins.

check_PROGRAMS += tests/check_registry
TESTS += tests/check_registry
tests_check_registry_SOURCES = tests/check_registry.c
tests_check_registry_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/libeaphost \
	-I$(top_srcdir)/tests
tests_check_registry_CFLAGS = $(AM_CFLAGS) $(TEST_CFLAGS)
tests_check_registry_LDADD = $(TEST_INTERNAL_LIBS)
