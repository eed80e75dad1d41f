# tests/cli.mk - the eaphost-test command's tests (tests/check-cli.sh):
# its outputs and exit statuses against the bundled plugins (the build
# tree's plugins/methods.d) and the fixture plugins.

include $(srcdir)/tests/fixtures/bad_answer.mk

dist_check_SCRIPTS += tests/check-cli.sh
TESTS += tests/check-cli.sh

# The script runs the command on the plugins, their registry files and the
# fixtures: all of them are built before the tests run.  (The command and
# the plugins are part of `all`; the fixture libraries are check_LTLIBRARIES.)
check_DATA = examples/eaphost-test$(EXEEXT) $(eapmethods_LTLIBRARIES) \
	$(noinst_DATA) $(check_LTLIBRARIES) $(FIXTURE_FILES)
