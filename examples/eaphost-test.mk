# examples/eaphost-test.mk - the eaphost-test command (our eapol_test):
# methods, inspect, auth.  Installed with its man page; it uses
# libeaphost's public API only (no internal headers).

bin_PROGRAMS += examples/eaphost-test
examples_eaphost_test_SOURCES = \
	examples/eaphost_test/cli.h \
	examples/eaphost_test/main.c \
	examples/eaphost_test/args.c \
	examples/eaphost_test/output.c \
	examples/eaphost_test/timeout.c \
	examples/eaphost_test/cmd_methods.c \
	examples/eaphost_test/cmd_auth.c \
	examples/eaphost_test/cmd_auth_radius.h \
	examples/eaphost_test/cmd_auth_radius.c \
	examples/eaphost_test/auth_run.h \
	examples/eaphost_test/auth_run.c \
	examples/eaphost_test/cmd_inspect.c \
	examples/eaphost_test/inspect.h \
	examples/eaphost_test/inspect_json.c \
	examples/eaphost_test/inspect_child.c \
	examples/eaphost_test/inspect_report.c \
	examples/eaphost_test/inspect_probe.c \
	examples/eaphost_test/inspect_steps.c \
	examples/eaphost_test/inspect_peer.c \
	examples/eaphost_test/inspect_auth.c
# --radius: the RADIUS transport (examples/radius/local.mk).
examples_eaphost_test_CPPFLAGS = $(RADIUS_CPPFLAGS)
examples_eaphost_test_LDADD = $(RADIUS_LIBS)

dist_man_MANS += examples/eaphost-test.1
