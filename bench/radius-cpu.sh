#!/bin/sh
# radius-cpu.sh - client CPU time per authentication against a local
# FreeRADIUS: eaphost-test against wpa_supplicant's eapol_test (Debian
# package eapoltest), in the same run and against the same server, for
# EAP-MD5 and EAP-MSCHAPv2.  Run by `make bench` (bench/run-bench.sh)
# when freeradius and eapol_test are installed; by hand from a build tree:
#
#   top_srcdir=/path/to/libeaphost top_builddir=. sh bench/radius-cpu.sh
#
# Method: each figure is one process running at least 1000
# authentications (`eapol_test -r 999`, `eaphost-test auth -n N`), both
# tools' output sent to /dev/null, CPU time (user + sys) read from the OS
# accounting of the finished process by /usr/bin/time (Debian package
# time).  eapol_test waits 100 ms between re-authentications, so CPU is
# compared, not wall time.  The server is the private configuration in
# tests/freeradius/, on 127.0.0.1 and a free port; it is stopped by its
# PID at the end.  Target: eaphost-test <= 0.5 x eapol_test (printed as
# met or MISSED; the exit status is 1 only when a run fails).
#
# BENCH_RADIUS_AUTHS: authentications per eapol_test figure (default 1000);
# BENCH_RADIUS_EAPHOST_AUTHS: per eaphost-test figure (default 10000: the
# CPU clock counts in hundredths of a second, and eaphost-test needs no
# pause between authentications).  Neither may be below 1000.
set -eu
b=${top_builddir:-.}
s=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
n_ref=${BENCH_RADIUS_AUTHS:-1000}
n_eh=${BENCH_RADIUS_EAPHOST_AUTHS:-10000}
methods="$b/plugins/methods.d"
timer=/usr/bin/time

if [ "$n_ref" -lt 1000 ] || [ "$n_eh" -lt 1000 ]; then
    echo "radius-cpu: at least 1000 authentications per figure" >&2; exit 2
fi
command -v eapol_test >/dev/null 2>&1 || {
    echo "radius-cpu: eapol_test is not installed (Debian package eapoltest)" >&2; exit 1; }
[ -x "$timer" ] || {
    echo "radius-cpu: $timer is not installed (Debian package time)" >&2; exit 1; }

# The command itself, not libtool's wrapper script, so that only its own
# CPU is counted.
if [ -x "$b/examples/.libs/eaphost-test" ]; then
    cli="$b/examples/.libs/eaphost-test"
    LD_LIBRARY_PATH="$b/libeaphost/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    export LD_LIBRARY_PATH
else
    cli="$b/examples/eaphost-test"
fi
[ -x "$cli" ] || { echo "radius-cpu: $cli not built" >&2; exit 1; }

fr_confdir="$s/tests/freeradius"
# shellcheck source=tests/freeradius/server.sh
. "$fr_confdir/server.sh"
fr_find || exit 1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/radius-cpu.XXXXXX")
trap 'fr_stop; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

fr_start || { echo "radius-cpu: the FreeRADIUS server could not be started" >&2; exit 1; }

# cpu FILE COMMAND...: run COMMAND with its output to /dev/null; FILE gets
# its user + sys CPU seconds.  Fails if the command fails.
cpu() {
    cpu_out=$1
    shift
    if ! "$timer" -f '%U %S' -o "$tmp/time" "$@" >/dev/null 2>&1; then
        echo "radius-cpu: failed: $*" >&2
        sed 's/^/    /' "$tmp/time" >&2
        fr_show_log >&2
        exit 1
    fi
    awk '{ printf "%.2f\n", $1 + $2 }' "$tmp/time" >"$cpu_out"
}

echo "client CPU per authentication against FreeRADIUS ($("$fr_bin" -v 2>/dev/null | sed -n 's/.*\(FreeRADIUS Version [^,]*\).*/\1/p' | head -n 1)) on 127.0.0.1:$fr_port"
echo "eapol_test: $n_ref authentications per figure; eaphost-test: $n_eh; output to /dev/null; CPU = user + sys from $timer"
for m in md5 mschapv2; do
    case $m in
        md5) eap=MD5 keys=-n name=EAP-MD5 ;;
        mschapv2) eap=MSCHAPV2 keys='' name=EAP-MSCHAPv2 ;;
    esac
    printf 'network={\n\tkey_mgmt=IEEE8021X\n\teap=%s\n\tidentity="alice"\n\tpassword="correct-horse"\n\teapol_flags=0\n}\n' \
        "$eap" >"$tmp/$m.conf"
    # -t: one timeout for the whole run, which lasts n_ref * 100 ms.
    # shellcheck disable=SC2086
    cpu "$tmp/ref" eapol_test $keys -t $((n_ref / 10 + 120)) -c "$tmp/$m.conf" \
        -a 127.0.0.1 -p "$fr_port" -s "$fr_secret" -r $((n_ref - 1))
    cpu "$tmp/eh" "$cli" auth --radius "127.0.0.1:$fr_port" --secret "$fr_secret" \
        --method "$m" --identity alice --password correct-horse \
        --methods-dir "$methods" -n "$n_eh" --timeout 600
    awk -v name="$name" -v r="$(cat "$tmp/ref")" -v e="$(cat "$tmp/eh")" \
        -v nr="$n_ref" -v ne="$n_eh" 'BEGIN {
        pr = r / nr * 1e6; pe = e / ne * 1e6
        ratio = pr > 0 ? pe / pr : 0
        printf "%s: eapol_test %.1f us (%.2f s / %d), eaphost-test %.1f us (%.2f s / %d), ratio %.3f (target <= 0.5: %s)\n",
            name, pr, r, nr, pe, e, ne, ratio, (pr > 0 && ratio <= 0.5 ? "met" : "MISSED")
    }'
done
fr_stop
