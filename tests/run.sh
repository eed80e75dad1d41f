#!/bin/sh
# run.sh [valgrind] - build libeaphost in _build/ and run the whole test
# suite; with "valgrind", run every Check suite under valgrind memcheck.
# Prints the totals last: "N passed, N failed".  Exit status 0 only when
# every test passed.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/_build"
[ -x "$top/configure" ] || (cd "$top" && ./bootstrap)
mkdir -p "$build"
cd "$build"
[ -f Makefile ] || "$top/configure" --enable-werror CFLAGS="${CFLAGS:--g -O2}"
make -j"$(nproc)"
status=0
if [ "${1:-}" = valgrind ]; then
    # One process per suite (CK_FORK=no) so that leaks are seen.
    make -j"$(nproc)" check TESTS= >/dev/null
    CK_FORK=no EAPHOST_TEST_SCALE=0.02 make check \
        LOG_COMPILER="$top/tests/valgrind-wrapper.sh" || status=$?
else
    make -j"$(nproc)" check || status=$?
fi
sh "$top/tests/summarize.sh" "$build/tests"
exit $status
