# tests/local.mk - the Check suites and their fixtures; each area keeps its
# part in its own fragment.

# Test programs link the convenience library to reach internals; suites
# that exercise only the public API link libeaphost.la instead.
TEST_CFLAGS = $(CHECK_CFLAGS) $(CJSON_CFLAGS)
TEST_INTERNAL_LIBS = libeaphost/libeaphost-internal.la $(CHECK_LIBS) \
	$(CJSON_LIBS) $(LTDL_LIBS)
TEST_PUBLIC_LIBS = libeaphost/libeaphost.la $(CHECK_LIBS)

EXTRA_DIST += tests/testutil.h

include $(srcdir)/tests/fixtures/local.mk
include $(srcdir)/tests/basics.mk
include $(srcdir)/tests/registry.mk
include $(srcdir)/tests/loader.mk
include $(srcdir)/tests/runtime.mk
include $(srcdir)/tests/peer_sm.mk
include $(srcdir)/tests/fixtures/nested.mk
include $(srcdir)/tests/fixtures/auth.mk
include $(srcdir)/tests/authenticator.mk
include $(srcdir)/tests/trace.mk
include $(srcdir)/tests/cli.mk
include $(srcdir)/tests/radius.mk
include $(srcdir)/tests/win32.mk
include $(srcdir)/tests/freeradius.mk
