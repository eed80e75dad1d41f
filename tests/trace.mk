# trace.mk - Check suite of tracing (events and redaction).

check_PROGRAMS += tests/check_trace
TESTS += tests/check_trace
tests_check_trace_SOURCES = tests/check_trace.c
tests_check_trace_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_check_trace_CFLAGS = $(AM_CFLAGS) $(TEST_CFLAGS)
tests_check_trace_LDADD = $(TEST_PUBLIC_LIBS) $(CJSON_LIBS)
EXTRA_tests_check_trace_DEPENDENCIES = $(check_LTLIBRARIES)
