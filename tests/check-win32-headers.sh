#!/bin/sh
# check-win32-headers.sh - compile checks of the Windows compatibility
# headers (libeaphost/include/win32).
#
# Each header alone, as C11 and C++11, with gcc, clang, g++ and clang++
# (-Wall -Wextra -Werror -pedantic, -fshort-wchar, the module's include
# path), and <windows.h> both before and after each EAP SDK header, so
# that sources may include them in any order.  A compiler that is not
# installed is skipped here (check-winstyle-cxx.sh insists on g++ and
# clang++); gcc is required.  Without -fshort-wchar the headers must stop
# with a message that names the flag.
#
# Exit status: 0 when every check passes, 1 otherwise.

set -u

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
win32="$top_srcdir/libeaphost/include/win32"
sdk="$top_srcdir/libeaphost/include"
flags="-I$win32 -I$sdk -fshort-wchar -Wall -Wextra -Werror -pedantic"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-win32-headers.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

failures=0
passes=0

have() {
    command -v "$1" >/dev/null 2>&1
}

# compile COMPILER STD LANG SOURCE-TEXT DESCRIPTION
compile() {
    printf '%s\n' "$4" >"$tmp/t.$3"
    # shellcheck disable=SC2086
    if "$1" -std="$2" $flags -c -o "$tmp/t.o" "$tmp/t.$3" >"$tmp/log" 2>&1; then
        passes=$((passes + 1))
    else
        failures=$((failures + 1))
        echo "FAIL: $5 ($1 -std=$2)"
        sed 's/^/    /' "$tmp/log" | head -n 20
    fi
}

have gcc || { echo "check-win32-headers: gcc is required" >&2; exit 1; }
ccs="gcc"
have clang && ccs="$ccs clang"
cxxs=""
have g++ && cxxs="$cxxs g++"
have clang++ && cxxs="$cxxs clang++"

headers=""
for h in "$win32"/*.h; do
    headers="$headers $(basename "$h")"
done
sdk_headers=""
for h in "$sdk"/*.h; do
    sdk_headers="$sdk_headers $(basename "$h")"
done

for h in $headers; do
    for c in $ccs; do
        compile "$c" c11 c "#include <$h>
int eaphost_check_unused;" "<$h> alone"
    done
    for c in $cxxs; do
        compile "$c" c++11 cpp "#include <$h>
#include <string>
int eaphost_check_unused;" "<$h> alone, then <string>"
    done
done

for s in $sdk_headers; do
    for c in $ccs; do
        compile "$c" c11 c "#include <windows.h>
#include <$s>
#include <strsafe.h>" "<windows.h> before <$s>"
        compile "$c" c11 c "#include <$s>
#include <windows.h>
#include <rtutils.h>" "<$s> before <windows.h>"
    done
    for c in $cxxs; do
        compile "$c" c++11 cpp "#include <$s>
#include <windows.h>
#include <strsafe.h>" "<$s> before <windows.h>"
    done
done

# Without -fshort-wchar: a clear stop.
printf '#include <windows.h>\n' >"$tmp/n.c"
if gcc -std=c11 -I"$win32" -I"$sdk" -c -o "$tmp/n.o" "$tmp/n.c" >"$tmp/log" 2>&1; then
    failures=$((failures + 1))
    echo "FAIL: <windows.h> compiled without -fshort-wchar"
elif grep -q -- '-fshort-wchar' "$tmp/log"; then
    passes=$((passes + 1))
else
    failures=$((failures + 1))
    echo "FAIL: no message naming -fshort-wchar without it"
    sed 's/^/    /' "$tmp/log" | head -n 10
fi

echo "check-win32-headers: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
