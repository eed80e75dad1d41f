# basics.mk - Check suite of the library's basic services: memory,
# the error table and EAP_ERROR handling, UTF-8 <-> UTF-16.

check_PROGRAMS += tests/check_basics
TESTS += tests/check_basics
tests_check_basics_SOURCES = tests/check_basics.c
tests_check_basics_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/libeaphost \
	-I$(top_srcdir)/tests
tests_check_basics_CFLAGS = $(AM_CFLAGS) $(TEST_CFLAGS)
tests_check_basics_LDADD = $(TEST_INTERNAL_LIBS)
