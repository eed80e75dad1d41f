#!/bin/sh
# check-freeradius.sh - interop with a real RADIUS server: FreeRADIUS,
# started on 127.0.0.1 and a free non-default port with the private
# configuration in tests/freeradius/ (test users; the eap module with md5,
# gtc and mschapv2, send_error = yes so that E=691 reaches the peer).
# `eaphost-test auth --radius` runs EAP-MD5, EAP-GTC and EAP-MSCHAPv2 with
# the right password (Access-Accept: exit 0, SUCCESS; for MSCHAPv2 the
# MSK must match the server's MS-MPPE keys) and with a wrong one
# (Access-Reject: exit 1, FAILURE; for MSCHAPv2 the E=691 code,
# EAP_E_USER_NAME_PASSWORD_REJECTED), then a second user and an unknown
# one.  Every run's output goes into the log.  The server is stopped by
# its PID whatever happens.
#
# No skipping: without FreeRADIUS (Debian package freeradius), or if the
# server cannot be started, the test fails, with the server's log.
#
# EAPHOST_CLI_WRAPPER, if set, is put before each run of the command.
set -eu

b=${top_builddir:-.}
s=${top_srcdir:-.}
cli="$b/examples/eaphost-test"
methods="$b/plugins/methods.d"
wrapper=${EAPHOST_CLI_WRAPPER:-}

fr_confdir="$s/tests/freeradius"
# shellcheck source=tests/freeradius/server.sh
. "$fr_confdir/server.sh"

fr_find || { echo "FAIL: FreeRADIUS interop test not run"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-freeradius.XXXXXX")
trap 'fr_stop; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

fr_start || { echo "FAIL: the FreeRADIUS server could not be started"; exit 1; }
echo "FreeRADIUS ($fr_bin) pid $fr_pid on 127.0.0.1:$fr_port"

passes=0
failures=0

fail() {
    failures=$((failures + 1))
    echo "FAIL: $case_name: $1"
    sed 's/^/      /' "$tmp/out" | tail -n 30
}

# auth METHOD IDENTITY PASSWORD: one authentication against the server;
# its output in $tmp/out, its exit status in $got.
auth() {
    got=0
    # shellcheck disable=SC2086
    $wrapper "$cli" auth --radius "127.0.0.1:$fr_port" --secret "$fr_secret" \
        --method "$1" --identity "$2" --password "$3" \
        --methods-dir "$methods" --timeout 20 >"$tmp/out" 2>&1 || got=$?
}

# expect NAME STATUS METHOD IDENTITY PASSWORD REGEX...: the exit status and
# a line matching each REGEX.
expect() {
    case_name=$1
    want=$2
    shift 2
    auth "$1" "$2" "$3"
    shift 3
    if [ "$got" -ne "$want" ]; then
        fail "exit status $got, expected $want"
        return 0
    fi
    for re in "$@"; do
        if ! grep -Eq -- "$re" "$tmp/out"; then
            fail "no line matching '$re'"
            return 0
        fi
    done
    passes=$((passes + 1))
    echo "ok   $case_name"
    sed 's/^/       /' "$tmp/out"
}

ok='^EAP-[A-Za-z0-9]+: SUCCESS'
ko='^EAP-[A-Za-z0-9]+: FAILURE'
keys_ok="^MSK matches the server's MPPE keys"
reject='Access-Reject'
# The MSCHAPv2 Failure Request's error (send_error = yes), by its name and
# as the server sent it.
e691_name='EAP_E_USER_NAME_PASSWORD_REJECTED'
e691='E=691'

for m in md5 gtc mschapv2; do
    if [ "$m" = mschapv2 ]; then
        expect "$m right password: Access-Accept, keys match" 0 \
            "$m" alice correct-horse "$ok" "$keys_ok"
        expect "$m wrong password: Access-Reject, E=691" 1 \
            "$m" alice wrong-horse "$ko" "$reject" "$e691_name" "$e691"
    else
        expect "$m right password: Access-Accept" 0 "$m" alice correct-horse "$ok"
        expect "$m wrong password: Access-Reject" 1 "$m" alice wrong-horse "$ko" "$reject"
    fi
done
expect "md5 second user" 0 md5 bob 'Tr0ub4dor&3' "$ok"
expect "mschapv2 second user, keys match" 0 mschapv2 bob 'Tr0ub4dor&3' "$ok" "$keys_ok"
expect "md5 unknown user: Access-Reject" 1 md5 mallory correct-horse "$ko" "$reject"
expect "mschapv2 unknown user: Access-Reject" 1 mschapv2 mallory correct-horse "$ko" "$reject"

case_name=server
if ! kill -0 "$fr_pid" 2>/dev/null; then
    fail "the server is gone"
    fr_show_log
fi
echo "FreeRADIUS interop: $passes passed, $failures failed"
if [ "$failures" -ne 0 ]; then
    fr_show_log
    exit 1
fi
exit 0
