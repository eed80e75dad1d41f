# eaphost.m4 - configure helpers of libeaphost.

# EAPHOST_REQUIRE_PKG(VARIABLE-PREFIX, MODULE, DEBIAN-PACKAGE)
# ------------------------------------------------------------
# Find MODULE with pkg-config; stop with the Debian package to install when
# it is missing.
AC_DEFUN([EAPHOST_REQUIRE_PKG],
[PKG_CHECK_MODULES([$1], [$2], [],
  [AC_MSG_ERROR([$2 not found: install the Debian package $3])])])
