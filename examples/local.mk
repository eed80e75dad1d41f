# examples/local.mk - the method template and the demo supplicant.

# The template is built the way an outside method author builds one: SDK
# headers only, 16-bit wchar_t, every symbol bound at load.
noinst_LTLIBRARIES += examples/template_method.la
examples_template_method_la_SOURCES = examples/template_method.c
examples_template_method_la_CPPFLAGS = -I$(top_srcdir)/libeaphost/include
examples_template_method_la_CFLAGS = $(AM_CFLAGS) -fshort-wchar
examples_template_method_la_LDFLAGS = -module -avoid-version -shared \
	-no-undefined -Wl,-z,now -rpath /nowhere

noinst_PROGRAMS += examples/eaphost-demo
examples_eaphost_demo_SOURCES = examples/eaphost_demo.c
examples_eaphost_demo_LDADD = libeaphost/libeaphost.la

dist_check_SCRIPTS += tests/check-demo.sh
TESTS += tests/check-demo.sh
