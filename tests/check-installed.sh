#!/bin/sh
# check-installed.sh - the installed headers and pkg-config modules work
# for an outside method author.
#
#   1. `make install DESTDIR=TMP` of the current build tree;
#   2. the Windows-style method (tests/fixtures/winstyle_method.c, copied
#      out of the tree) built with nothing but
#        pkg-config --cflags --libs eaphost-windows
#      (PKG_CONFIG_SYSROOT_DIR points the module at the temporary root);
#   3. a tiny driver built with pkg-config --cflags --libs eaphost;
#   4. the method registered in a temporary registry and one full
#      authentication run, both halves (eaphost_loopback_run), against the
#      installed libraries.
#
# EAPHOST_TEST_CFLAGS / EAPHOST_TEST_LDFLAGS (configure's CFLAGS and
# LDFLAGS, from tests/win32.mk) are added, so that sanitizer builds link.
# Exit status: 0 on success, 1 otherwise.

set -u

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-.}
cc=${CC:-cc}
make_cmd=${MAKE:-make}
extra_cflags=${EAPHOST_TEST_CFLAGS:-}
extra_ldflags=${EAPHOST_TEST_LDFLAGS:-}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-installed.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
chmod 755 "$tmp"

die() {
    echo "FAIL: $*"
    for log in "$tmp"/*.log; do
        [ -f "$log" ] || continue
        echo "--- $(basename "$log")"
        tail -n 30 "$log" | sed 's/^/    /'
    done
    exit 1
}

root="$tmp/root"
# Unset MAKEFLAGS so a parallel `make check` does not hand its jobserver on.
if ! env -u MAKEFLAGS -u MFLAGS "$make_cmd" -C "$top_builddir" install DESTDIR="$root" \
        >"$tmp/install.log" 2>&1; then
    die "make install DESTDIR=$root"
fi
echo "PASS: make install DESTDIR=$root"

pc=$(find "$root" -name eaphost-windows.pc | head -n 1)
[ -n "$pc" ] || die "eaphost-windows.pc was not installed"
[ -f "$(dirname "$pc")/eaphost.pc" ] || die "eaphost.pc was not installed"
PKG_CONFIG_PATH=$(dirname "$pc")
PKG_CONFIG_SYSROOT_DIR=$root
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
unset PKG_CONFIG_LIBDIR 2>/dev/null || true

win_cflags=$(pkg-config --cflags eaphost-windows) || die "pkg-config --cflags eaphost-windows"
win_libs=$(pkg-config --libs eaphost-windows) || die "pkg-config --libs eaphost-windows"
cflags=$(pkg-config --cflags eaphost) || die "pkg-config --cflags eaphost"
libs=$(pkg-config --libs eaphost) || die "pkg-config --libs eaphost"
lib=$(find "$root" -name 'libeaphost.so.*' | head -n 1)
[ -n "$lib" ] || die "libeaphost.so was not installed"
libdir=$(dirname "$lib")
[ -f "$libdir/libeaphost-win32.so" ] || die "libeaphost-win32.so was not installed next to libeaphost.so"
echo "eaphost-windows: $win_cflags $win_libs"
case " $win_cflags " in
*" -fshort-wchar "*) ;;
*) die "eaphost-windows does not add -fshort-wchar" ;;
esac
case "$win_cflags" in
*"$root"*/libeaphost/win32*) ;;
*) die "eaphost-windows does not point at the installed win32 headers" ;;
esac
case " $win_libs " in
*" -leaphost-win32 "*) ;;
*) die "eaphost-windows does not link libeaphost-win32" ;;
esac
for h in windows.h Windows.h strsafe.h sal.h rtutils.h lmcons.h wchar.h \
         EapHostError.h EapMethodPeerApis.h; do
    find "$root" -path "*/libeaphost/win32/$h" | grep -q . || die "win32/$h not installed"
done

# The method, out of the tree, with the module's flags only (plus warnings).
mkdir -p "$tmp/src" "$tmp/methods"
cp "$top_srcdir/tests/fixtures/winstyle_method.c" "$tmp/src/" || die "copy the method"
# shellcheck disable=SC2086
$cc -std=c11 -Wall -Wextra -Werror -fPIC -shared $extra_cflags $win_cflags \
    -Wl,-z,now -o "$tmp/methods/winstyle.so" "$tmp/src/winstyle_method.c" \
    $extra_ldflags $win_libs >"$tmp/method.log" 2>&1 ||
    die "building the method with pkg-config eaphost-windows"
echo "PASS: method built out of the tree with pkg-config eaphost-windows"

cat >"$tmp/methods/winstyle.json" <<JSON
{
  "AuthorId": 32473,
  "TypeId": 254,
  "VendorId": 32473,
  "VendorType": 2,
  "PeerDllPath": "winstyle.so",
  "PeerFriendlyName": "Windows-style method",
  "PeerInvokeUsernameDialog": 1,
  "PeerInvokePasswordDialog": 1,
  "AuthenticatorDllPath": "winstyle.so",
  "AuthenticatorFriendlyName": "Windows-style method"
}
JSON
chmod 755 "$tmp/methods"
chmod 644 "$tmp/methods/winstyle.json" "$tmp/methods/winstyle.so"

cat >"$tmp/src/driver.c" <<'C'
/* One authentication of the Windows-style method, both halves. */
#include <stdio.h>
#include <string.h>

#include <eappapis.h>
#include <eaphost/authenticator.h>
#include <eaphost/eaphost.h>

int main(int argc, char **argv)
{
    eaphost_loopback_config cfg;
    eaphost_loopback_result *res = NULL;
    eaphost_user_db *db = NULL;
    DWORD rc;
    int ok;

    if (argc != 2 || eaphost_set_methods_dir(argv[1]) != ERROR_SUCCESS ||
        EapHostPeerInitialize() != ERROR_SUCCESS ||
        eaphost_user_db_new(&db) != ERROR_SUCCESS ||
        eaphost_user_db_add(db, "alice", "s\xc3\xa9" "cret") != ERROR_SUCCESS) {
        fprintf(stderr, "driver: cannot set up\n");
        return 2;
    }
    memset(&cfg, 0, sizeof(cfg));
    cfg.type.eapType.type = 254;
    cfg.type.eapType.dwVendorId = 32473;
    cfg.type.eapType.dwVendorType = 2;
    cfg.type.dwAuthorId = 32473;
    cfg.identity = "alice";
    cfg.password = "s\xc3\xa9" "cret";
    cfg.user_db = db;
    rc = eaphost_loopback_run(&cfg, &res);
    ok = rc == ERROR_SUCCESS && res && res->peer.success && res->authenticator.success;
    printf("loopback: %s, peer %s, authenticator %s%s%s\n", eaphost_error_name(rc),
           res && res->peer.success ? "succeeded" : "failed",
           res && res->authenticator.success ? "succeeded" : "failed",
           res && res->error_text ? ": " : "", res && res->error_text ? res->error_text : "");
    eaphost_loopback_free(res);
    eaphost_user_db_free(db);
    EapHostPeerUninitialize();
    return ok ? 0 : 1;
}
C
# shellcheck disable=SC2086
$cc -std=c11 -Wall -Wextra -Werror $extra_cflags $cflags -o "$tmp/driver" \
    "$tmp/src/driver.c" $extra_ldflags $libs >"$tmp/driver.log" 2>&1 ||
    die "building the driver with pkg-config eaphost"
echo "PASS: driver built with pkg-config eaphost"

if ! LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
        "$tmp/driver" "$tmp/methods" >"$tmp/run.log" 2>&1; then
    die "authentication with the installed libraries"
fi
cat "$tmp/run.log"
echo "PASS: authentication with the installed libraries"
exit 0
