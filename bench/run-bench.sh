#!/bin/sh
# run-bench.sh - the benchmarks, run by `make bench` from the build tree.
#
#  1. Host overhead: the same EAP-MD5 exchange through the EapHostPeer* API
#     and by calling the plugin's routines directly, as a ratio of
#     instruction counts (valgrind --tool=callgrind; per exchange, the
#     start-up cost removed by also counting a run of 0 exchanges) and of
#     time (both in one process, alternating).
#  2. Loopback authentications per second for each bundled method.
#  3. Client CPU per authentication against a local FreeRADIUS, against
#     wpa_supplicant's eapol_test (bench/radius-cpu.sh), when both are
#     installed.
set -eu
b=${top_builddir:-.}
plugin="$b/plugins/md5/.libs/md5.so"
methods="$b/plugins/methods.d"
run="$b/libtool --mode=execute"
n=${BENCH_EXCHANGES:-2000}

instructions() {    # MODE N -> total instructions of the whole run
    out=$(mktemp)
    $run valgrind --tool=callgrind --callgrind-out-file="$out" \
        "$b/bench/bench-overhead" "$1" "$2" "$plugin" "$methods" 2>/dev/null
    awk '/^summary:/ { print $2 }' "$out"
    rm -f "$out"
}

if command -v valgrind >/dev/null 2>&1; then
    api0=$(instructions api 0); api=$(instructions api "$n")
    dir0=$(instructions direct 0); dir=$(instructions direct "$n")
    awk -v a0="$api0" -v a="$api" -v d0="$dir0" -v d="$dir" -v n="$n" 'BEGIN {
        pa = (a - a0) / n; pd = (d - d0) / n
        printf "host overhead, md5 exchange: api %.0f instructions, direct %.0f instructions, ratio %.3f (target <= 1.25)\n", pa, pd, pa / pd
    }'
else
    echo "valgrind not installed: instruction counts skipped" >&2
    exit 1
fi
"$b/bench/bench-overhead" both "$((n * 10))" "$plugin" "$methods"
if [ -x "$b/bench/bench-loopback" ]; then
    "$b/bench/bench-loopback" "$methods"
fi
if command -v eapol_test >/dev/null 2>&1 &&
   { command -v freeradius || command -v radiusd ||
     [ -x /usr/sbin/freeradius ] || [ -x /usr/sbin/radiusd ]; } >/dev/null 2>&1; then
    sh "$(dirname "$0")/radius-cpu.sh"
else
    echo "FreeRADIUS CPU benchmark not run: needs freeradius and eapol_test (Debian packages freeradius, eapoltest)"
fi
