# tests/loader.mk - the plugin loader's Check suite (white-box: it links the
# internal library and builds struct eh_method objects by hand).

check_PROGRAMS += tests/check_loader
TESTS += tests/check_loader
tests_check_loader_SOURCES = tests/check_loader.c
tests_check_loader_CFLAGS = $(AM_CFLAGS) $(TEST_CFLAGS)
tests_check_loader_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/libeaphost \
	-I$(top_srcdir)/tests
tests_check_loader_LDADD = $(TEST_INTERNAL_LIBS) -ldl
# The fixtures are loaded at run time, not linked: build them first.
EXTRA_tests_check_loader_DEPENDENCIES = $(check_LTLIBRARIES) $(FIXTURE_FILES)
