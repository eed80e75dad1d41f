#!/bin/sh
# check-win32-symbols.sh - no object built with the eaphost-windows module
# references a wchar_t function of the C library.
#
# Those functions (wcslen, wcscpy, swprintf, wprintf, mbstowcs ...) were
# built for a 4-byte wchar_t; code compiled with -fshort-wchar that reached
# them would be silently wrong.  The Windows layer routes every such name to
# its own UTF-16 implementation (eaphost_w32_*), so `nm -u` of the objects
# built with the module must show none of them: the objects of
# libeaphost-win32 itself and its shared library, the Windows-style method
# (tests/fixtures/winstyle_method) and the unit tests (check_win32).
# A control object that calls the C library's wcslen directly must be
# caught, so the check is known to work.
#
# Exit status: 0 when every object is clean, 1 otherwise.

set -u

top_builddir=${top_builddir:-.}
nm_cmd=${NM:-nm}
cc=${CC:-cc}
forbidden='^(__isoc99_|__)?(wcs[a-z0-9_]*|wcp[a-z]*|wmem[a-z]*|v?f?s?w(printf|scanf)|fgetws|fputws|getws|putws|mbstowcs|wcstombs|mbtowc|wctomb|mbrtowc|wcrtomb|mbsn?rtowcs|wcsn?rtombs|btowc|wctob|open_wmemstream)(_chk)?$'

failures=0
scanned=0

# bad_symbols FILE [nm options]: the forbidden undefined symbols of FILE.
bad_symbols() {
    f=$1
    shift
    # shellcheck disable=SC2086
    $nm_cmd "$@" -u "$f" 2>/dev/null | awk '{print $NF}' | sed 's/@.*//' | grep -E "$forbidden"
}

check() {
    f=$1
    shift
    scanned=$((scanned + 1))
    bad=$(bad_symbols "$f" "$@")
    if [ -n "$bad" ]; then
        echo "FAIL: $f references: $(echo $bad)"
        failures=$((failures + 1))
    else
        echo "PASS: $f"
    fi
}

# The control: an object that does call the C library's wcslen.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-win32-symbols.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
printf '#include <wchar.h>\nsize_t f(const wchar_t *s);\nsize_t f(const wchar_t *s) { return wcslen(s); }\n' \
    >"$tmp/control.c"
if $cc -c -o "$tmp/control.o" "$tmp/control.c" 2>"$tmp/cc.log"; then
    if [ -z "$(bad_symbols "$tmp/control.o")" ]; then
        echo "FAIL: the control object's call of wcslen was not detected"
        failures=$((failures + 1))
    else
        echo "PASS: control object detected"
    fi
else
    echo "FAIL: cannot compile the control object with $cc"
    sed 's/^/    /' "$tmp/cc.log"
    failures=$((failures + 1))
fi

for f in "$top_builddir"/libeaphost/win32/.libs/*.o \
         "$top_builddir"/tests/fixtures/.libs/*winstyle_method*.o \
         "$top_builddir"/tests/*check_win32*.o; do
    [ -f "$f" ] && check "$f"
done
for f in "$top_builddir"/libeaphost/win32/.libs/libeaphost-win32.so \
         "$top_builddir"/tests/fixtures/.libs/winstyle_method.so; do
    if [ -f "$f" ]; then
        check "$f" -D
    else
        echo "FAIL: $f missing"
        failures=$((failures + 1))
    fi
done

# The library's objects, the method's and the unit tests' must all be there.
if [ "$scanned" -lt 12 ]; then
    echo "FAIL: only $scanned objects found under $top_builddir (not built?)"
    failures=$((failures + 1))
fi
if [ "$failures" -ne 0 ]; then
    echo "check-win32-symbols: $failures failure(s)"
    exit 1
fi
echo "check-win32-symbols: $scanned objects clean"
exit 0
