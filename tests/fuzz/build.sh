#!/bin/sh
# tests/fuzz/build.sh - build the libFuzzer targets of tests/fuzz out of
# tree with clang, from the sources (see tests/fuzz/README).
#
# usage: tests/fuzz/build.sh BUILDDIR [OUTDIR]
#
#   BUILDDIR  a configured build directory of this source tree (its
#             config.h is used; `make check TESTS=` there also builds the
#             uninstrumented plugins and fixtures, which OUTDIR/plugins-
#             builddir links to).
#   OUTDIR    where everything goes (default BUILDDIR/fuzz): the fuzzer
#             executables, obj/, and plugins/ with the bundled plugins and
#             the fixture plugins rebuilt with the fuzzers' instrumentation
#             (coverage feedback and AddressSanitizer inside the plugins).
#
# Environment: CC (default clang), FUZZ_SANITIZERS (default
# address,undefined), FUZZ_CFLAGS (added to every compilation).
#
# Nothing here is part of the autotools build: neither configure nor make
# knows these files, and the normal build needs no clang.
set -eu

usage() {
    echo "usage: $0 BUILDDIR [OUTDIR]" >&2
    exit 2
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    usage
fi
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=$(cd "$1" && pwd)
outdir=${2:-$builddir/fuzz}
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)

[ -f "$builddir/config.h" ] || {
    echo "$0: $builddir/config.h not found: configure BUILDDIR first" >&2
    exit 1
}

CC=${CC:-clang}
SAN=${FUZZ_SANITIZERS:-address,undefined}
EXTRA=${FUZZ_CFLAGS:-}

pkg() {
    # pkg-config flags of $2 ($1: --cflags or --libs), else $3.
    pkg-config "$1" "$2" 2>/dev/null || echo "$3"
}
CJSON_CFLAGS=$(pkg --cflags libcjson -I/usr/include/cjson)
CJSON_LIBS=$(pkg --libs libcjson -lcjson)
NETTLE_CFLAGS=$(pkg --cflags nettle "")
NETTLE_LIBS=$(pkg --libs nettle -lnettle)

# Sanitizers everywhere; coverage instrumentation for the code under test.
BASE="-std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=$SAN \
-fno-sanitize-recover=all -Wall -Wextra -Wno-unused-parameter -pthread $EXTRA"
COV="-fsanitize=fuzzer-no-link"
SDK="-I$srcdir/libeaphost/include"

obj="$outdir/obj"
plugins="$outdir/plugins"
mkdir -p "$obj/lib" "$obj/plugins" "$obj/harness" "$plugins"

run() {
    # Run a compiler command, showing only what it makes.
    target=
    prev=
    for arg in "$@"; do
        [ "$prev" = "-o" ] && target=$arg
        prev=$arg
    done
    echo "  CC  ${target#"$outdir"/}"
    "$@"
}

# ---- the library, from the sources of libeaphost/local.mk ------------------

lib_sources=$(awk '
    /^libeaphost_libeaphost_internal_la_SOURCES[ \t]*=/ { on = 1 }
    on {
        for (i = 1; i <= NF; i++) if ($i ~ /\.c$/) print $i
        if ($0 !~ /\\$/) on = 0
    }' "$srcdir/libeaphost/local.mk")
[ -n "$lib_sources" ] || {
    echo "$0: no sources found in libeaphost/local.mk" >&2
    exit 1
}

echo "library:"
lib_objs=
for src in $lib_sources; do
    o="$obj/lib/$(basename "$src" .c).o"
    # shellcheck disable=SC2086
    run $CC $BASE $COV $SDK -I"$builddir" $CJSON_CFLAGS \
        -DEAPHOST_METHODS_DIR_DEFAULT='"/nonexistent/eaphost/methods"' \
        -c "$srcdir/$src" -o "$o"
    lib_objs="$lib_objs $o"
done
rm -f "$obj/libeaphost-fuzz.a"
# shellcheck disable=SC2086
ar rcs "$obj/libeaphost-fuzz.a" $lib_objs

# ---- plugins, instrumented --------------------------------------------------

# A plugin exports what the real ones export (plugins/local.mk), plus the
# fixtures' statistics.
cat > "$obj/plugins/exports.map" <<'EOF'
{
    global: EapPeer*; EapMethodAuthenticator*; DllMain; Fixture*;
    local: *;
};
EOF
PLUGIN_LD="-shared -Wl,-z,now -Wl,--version-script=$obj/plugins/exports.map"
BUNDLED="$SDK -I$srcdir/plugins/common -fshort-wchar -fPIC $NETTLE_CFLAGS"

echo "plugins:"
common_objs=
for src in method_util method_credentials method_exports method_password; do
    o="$obj/plugins/$src.o"
    # shellcheck disable=SC2086
    run $CC $BASE $COV $BUNDLED -c "$srcdir/plugins/common/$src.c" -o "$o"
    common_objs="$common_objs $o"
done

bundled_plugin() {
    # bundled_plugin NAME SOURCE...: plugins/NAME/SOURCE.c into NAME.so
    name=$1
    shift
    objs=
    for src in "$@"; do
        o="$obj/plugins/$name-$src.o"
        # shellcheck disable=SC2086
        run $CC $BASE $COV $BUNDLED -c "$srcdir/plugins/$name/$src.c" -o "$o"
        objs="$objs $o"
    done
    # shellcheck disable=SC2086
    run $CC $BASE $PLUGIN_LD -o "$plugins/$name.so" $objs $common_objs \
        $NETTLE_LIBS
}
bundled_plugin md5 md5
bundled_plugin gtc gtc
bundled_plugin mschapv2 mschapv2_crypto mschapv2_packet mschapv2_peer \
    mschapv2_authenticator

fixture_plugin() {
    # fixture_plugin NAME SOURCE CPPFLAGS: tests/fixtures/SOURCE.c into NAME.so
    name=$1
    main=$2
    defs=$3
    objs=
    for src in "$main" fixture_common; do
        o="$obj/plugins/$name-$src.o"
        # shellcheck disable=SC2086
        run $CC $BASE $COV $SDK -fPIC $defs \
            -c "$srcdir/tests/fixtures/$src.c" -o "$o"
        objs="$objs $o"
    done
    # shellcheck disable=SC2086
    run $CC $BASE $PLUGIN_LD -o "$plugins/$name.so" $objs
}
fixture_plugin fixture_good scripted ""
fixture_plugin fixture_expanded scripted -DFIXTURE_EXPANDED
fixture_plugin fixture_auth scripted_auth ""

# The build directory's own (uninstrumented) plugins, for
# EAPHOST_FUZZ_PLUGIN_DIR=OUTDIR/plugins-builddir.
mkdir -p "$outdir/plugins-builddir"
for so in "$builddir"/plugins/*/.libs/*.so \
          "$builddir"/tests/fixtures/.libs/fixture_good.so \
          "$builddir"/tests/fixtures/.libs/fixture_expanded.so \
          "$builddir"/tests/fixtures/.libs/fixture_auth.so; do
    [ -f "$so" ] && ln -sf "$so" "$outdir/plugins-builddir/$(basename "$so")"
done

# ---- the fuzzers -------------------------------------------------------------

echo "fuzzers:"
# The library and the plugins draw their randomness from the harness.
EXPORT="-Wl,--export-dynamic-symbol=getrandom \
-Wl,--export-dynamic-symbol=getentropy"
HARNESS="$BASE -fsanitize=fuzzer $SDK"
LIBS="$obj/libeaphost-fuzz.a $CJSON_LIBS -lltdl $NETTLE_LIBS -ldl"
fuzz="$srcdir/tests/fuzz"

# Where the fuzzers look for plugins unless EAPHOST_FUZZ_PLUGIN_DIR says.
# shellcheck disable=SC2086
run $CC $BASE "-DFUZZ_PLUGIN_DIR=\"$plugins\"" -c "$fuzz/fuzz_common.c" \
    -o "$obj/harness/fuzz_common.o"
common="$obj/harness/fuzz_common.o"

# shellcheck disable=SC2086
run $CC $HARNESS -I"$srcdir/tests/fixtures" $EXPORT \
    "$fuzz/fuzz_peer_session.c" $common $LIBS -o "$outdir/fuzz_peer_session"
# shellcheck disable=SC2086
run $CC $HARNESS -I"$srcdir/tests/fixtures" $EXPORT \
    "$fuzz/fuzz_auth_session.c" $common $LIBS -o "$outdir/fuzz_auth_session"
# shellcheck disable=SC2086
run $CC $HARNESS -I"$srcdir/tests/fixtures" $EXPORT \
    "$fuzz/fuzz_peer_oom.c" $common $LIBS -o "$outdir/fuzz_peer_oom"
for t in fuzz_registry fuzz_user_db; do
    # shellcheck disable=SC2086
    run $CC $HARNESS -I"$srcdir/libeaphost" -I"$builddir" $CJSON_CFLAGS \
        $EXPORT "$fuzz/$t.c" $common $LIBS -o "$outdir/$t"
done

# The RADIUS codec, instrumented.
# shellcheck disable=SC2086
run $CC $BASE $COV -I"$builddir" $NETTLE_CFLAGS \
    -c "$srcdir/examples/radius/radius_packet.c" -o "$obj/radius_packet.o"
# shellcheck disable=SC2086
run $CC $HARNESS -I"$srcdir/examples/radius" $NETTLE_CFLAGS $EXPORT \
    "$fuzz/fuzz_radius_reply.c" "$obj/radius_packet.o" $common \
    $NETTLE_LIBS -o "$outdir/fuzz_radius_reply"

# The MSCHAPv2 peer harness computes what a server would (its own copy of
# the crypto, without coverage instrumentation).
for src in mschapv2/mschapv2_crypto common/method_util; do
    # shellcheck disable=SC2086
    run $CC $BASE $BUNDLED -c "$srcdir/plugins/$src.c" \
        -o "$obj/harness/$(basename "$src").o"
done
# shellcheck disable=SC2086
run $CC $HARNESS -fshort-wchar -I"$srcdir/plugins/mschapv2" \
    -I"$srcdir/plugins/common" $EXPORT "$fuzz/fuzz_mschapv2_peer.c" \
    "$obj/harness/mschapv2_crypto.o" "$obj/harness/method_util.o" $common \
    $NETTLE_LIBS -ldl -o "$outdir/fuzz_mschapv2_peer"

echo "built in $outdir:"
for f in "$outdir"/fuzz_*; do
    echo "  ${f#"$outdir"/}"
done
