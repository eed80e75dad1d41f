# runtime.mk - Check suites of the supplicant run-time and configuration
# API (check_runtime), of sessions across threads and nested sessions
# (check_threads), and compile tests of the public headers.

RUNTIME_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/libeaphost \
	-I$(top_srcdir)/tests -I$(top_srcdir)/tests/fixtures

# White-box: the convenience library, for eh_test_fail_alloc_after().
check_PROGRAMS += tests/check_runtime
TESTS += tests/check_runtime
tests_check_runtime_SOURCES = tests/check_runtime.c
tests_check_runtime_CPPFLAGS = $(RUNTIME_TEST_CPPFLAGS)
tests_check_runtime_CFLAGS = $(AM_CFLAGS) $(TEST_CFLAGS)
tests_check_runtime_LDADD = $(TEST_INTERNAL_LIBS) -ldl
EXTRA_tests_check_runtime_DEPENDENCIES = $(check_LTLIBRARIES) $(FIXTURE_FILES)

# Public API only, through the shared library: the nested fixture links
# libeaphost.la as well, and both must reach the same host.
check_PROGRAMS += tests/check_threads
TESTS += tests/check_threads
tests_check_threads_SOURCES = tests/check_threads.c
tests_check_threads_CPPFLAGS = $(RUNTIME_TEST_CPPFLAGS)
tests_check_threads_CFLAGS = $(AM_CFLAGS) $(TEST_CFLAGS)
tests_check_threads_LDADD = $(TEST_PUBLIC_LIBS) -ldl
EXTRA_tests_check_threads_DEPENDENCIES = $(check_LTLIBRARIES)

# Every public header from C++11; linking the library proves C linkage.
check_PROGRAMS += tests/check_cxx_headers
TESTS += tests/check_cxx_headers
tests_check_cxx_headers_SOURCES = tests/check_cxx_headers.cpp
tests_check_cxx_headers_CPPFLAGS = $(AM_CPPFLAGS)
tests_check_cxx_headers_CXXFLAGS = -std=c++11 -Wall -Wextra -Werror
tests_check_cxx_headers_LDADD = libeaphost/libeaphost.la

# Each header alone and all together, C11 and C++11, gcc and clang.
dist_check_SCRIPTS += tests/check-headers.sh
TESTS += tests/check-headers.sh
