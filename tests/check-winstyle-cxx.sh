#!/bin/sh
# check-winstyle-cxx.sh - the Windows-style method as C++, with both C++
# compilers.
#
# Builds tests/fixtures/winstyle_method.cpp (the C source of the method,
# compiled as C++) once with g++ and once with clang++, using only what the
# eaphost-windows module gives in the tree (-I libeaphost/include/win32
# -I libeaphost/include -fshort-wchar, libeaphost-win32), then for each:
#   - DllMain and the EapPeer* / EapMethodAuthenticator* exports are there
#     under their plain (C) names;
#   - no wchar_t function of the C library is referenced;
#   - tests/check_winstyle runs on it (peer half through the host, both
#     halves through the authenticator host);
# and a small source that includes the C++ standard headers before
# <windows.h> compiles (with _FORTIFY_SOURCE too) without referencing them.
# A compiler that is not installed is a failure, not a skip: configure
# looked for both (EAPHOST_GXX, EAPHOST_CLANGXX; .ci/run installs clang).
#
# Exit status: 0 when everything passes, 1 otherwise.

set -u

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-.}
out="$top_builddir/tests/winstyle-cxx"
nm_cmd=${NM:-nm}
mkdir -p "$out" || exit 1

flags="-I$top_srcdir/libeaphost/include/win32 -I$top_srcdir/libeaphost/include -fshort-wchar"
libdir="$top_builddir/libeaphost/win32/.libs"
exports="DllMain EapPeerGetInfo EapPeerFreeMemory EapPeerFreeErrorMemory
         EapMethodAuthenticatorGetInfo EapMethodAuthenticatorFreeMemory
         EapMethodAuthenticatorFreeErrorMemory"
forbidden='^(__isoc99_|__)?(wcs[a-z0-9_]*|wcp[a-z]*|wmem[a-z]*|v?f?s?w(printf|scanf)|fgetws|fputws|mbstowcs|wcstombs|mbtowc|wctomb|mbrtowc|wcrtomb|mbsn?rtowcs|wcsn?rtombs)(_chk)?$'

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

if [ ! -f "$libdir/libeaphost-win32.so" ]; then
    echo "check-winstyle-cxx: $libdir/libeaphost-win32.so missing (build first)" >&2
    exit 1
fi

run_one() {
    name=$1
    cxx=$2
    so="$out/winstyle_method_$name.so"

    if [ -z "$cxx" ] || ! command -v "$cxx" >/dev/null 2>&1; then
        fail "$name: compiler not found${cxx:+ ($cxx)}; install it (Debian: g++ / clang) and re-run configure"
        return
    fi
    rm -f "$so"
    # shellcheck disable=SC2086
    if ! "$cxx" -std=c++11 -Wall -Wextra -Werror -O2 -fPIC -shared $flags \
            -Wl,-z,now -Wl,--no-undefined -o "$so" \
            "$top_srcdir/tests/fixtures/winstyle_method.cpp" \
            -L"$libdir" -leaphost-win32 -Wl,-rpath,"$(cd "$libdir" && pwd)" \
            >"$out/$name.build.log" 2>&1; then
        fail "$name: build failed"
        sed 's/^/    /' "$out/$name.build.log" | head -n 40
        return
    fi
    echo "PASS: $name: built $so"
    defined=$($nm_cmd -D --defined-only "$so" | awk '{print $NF}')
    for sym in $exports; do
        if ! echo "$defined" | grep -qx "$sym"; then
            fail "$name: $sym not exported under its plain name (C linkage)"
        fi
    done
    bad=$($nm_cmd -u "$so" | awk '{print $NF}' | sed 's/@.*//' | grep -E "$forbidden")
    if [ -n "$bad" ]; then
        fail "$name: references the C library's wide functions: $(echo $bad)"
    fi
    # The suite's own summary line is renamed, so that the totals count this
    # script once.
    if WINSTYLE_PLUGIN="$(cd "$out" && pwd)/winstyle_method_$name.so" \
            "$top_builddir/tests/check_winstyle" >"$out/$name.run.log" 2>&1; then
        echo "PASS: $name: check_winstyle"
    else
        fail "$name: check_winstyle"
    fi
    sed 's/Checks:/checks:/' "$out/$name.run.log" | sed 's/^/    /'
}

# The C++ standard headers before <windows.h>: the routing still holds
# (std::wcslen, std::wcstombs included), also with _FORTIFY_SOURCE.
cat >"$out/order.cpp" <<'CXX'
#include <cstdio>
#include <cstdlib>
#include <cwchar>
#include <iostream>
#include <stdlib.h>
#include <string>
#include <vector>
#include <wchar.h>

#include <windows.h>
#include <strsafe.h>
#include <tchar.h>

extern "C" size_t order_check(const WCHAR *s, char *out);
size_t order_check(const WCHAR *s, char *out)
{
    WCHAR copy[8];
    std::vector<WCHAR> v(s, s + wcslen(s) + 1);

    StringCchCopyW(copy, ARRAYSIZE(copy), s);
    return wcslen(copy) + std::wcslen(v.data()) + wcstombs(out, s, 4) +
           std::wcstombs(out, s, 4) + _tcslen(_T("x")) + std::wcscmp(s, copy);
}
CXX

order_one() {
    name=$1
    cxx=$2
    obj="$out/order_$name.o"

    [ -n "$cxx" ] && command -v "$cxx" >/dev/null 2>&1 || return
    # shellcheck disable=SC2086
    if ! "$cxx" -std=c++17 -Wall -Wextra -Werror -O2 -D_FORTIFY_SOURCE=2 $flags -c \
            -o "$obj" "$out/order.cpp" >"$out/order_$name.log" 2>&1; then
        fail "$name: C++ standard headers before <windows.h> do not compile"
        sed 's/^/    /' "$out/order_$name.log" | head -n 40
        return
    fi
    bad=$($nm_cmd -u "$obj" | awk '{print $NF}' | sed 's/@.*//' | grep -E "$forbidden")
    if [ -n "$bad" ]; then
        fail "$name: standard headers first: C library wide functions referenced: $(echo $bad)"
    else
        echo "PASS: $name: standard headers before <windows.h>, routing intact"
    fi
}

run_one g++ "${EAPHOST_GXX:-}"
run_one clang++ "${EAPHOST_CLANGXX:-}"
order_one g++ "${EAPHOST_GXX:-}"
order_one clang++ "${EAPHOST_CLANGXX:-}"

if [ "$failures" -ne 0 ]; then
    echo "check-winstyle-cxx: $failures failure(s)"
    exit 1
fi
echo "check-winstyle-cxx: all passed"
exit 0
