#!/bin/sh
# check-radius-cli.sh - `eaphost-test auth --radius` and the example
# supplicant (examples/radius-supplicant) against the scripted RADIUS
# server of the tests (tests/radius-test-server, on 127.0.0.1 and an
# ephemeral port, its EAP server libeaphost's authenticator host): the
# output and exit status of a success with matching keys, a rejection, a
# key mismatch, a dropped reply, a silent server, -n, and the usage errors
# of the RADIUS options.  Each server is stopped by its PID.
#
# When eapol_test (Debian package eapoltest) is installed, it is run
# against the same server as a cross-check of the server itself (its
# Message-Authenticator, Response Authenticator and MPPE key encryption),
# independent of the client under test.
#
# EAPHOST_CLI_WRAPPER, if set, is put before each run of the commands.
set -u

b=${top_builddir:-.}
cli="$b/examples/eaphost-test"
supplicant="$b/examples/radius-supplicant"
server="$b/tests/radius-test-server"
methods="$b/plugins/methods.d"
wrapper=${EAPHOST_CLI_WRAPPER:-}
secret=testing123

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-radius-cli.XXXXXX") || exit 1
server_pid=
stop_server() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
        server_pid=
    fi
}
trap 'stop_server; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

EAPHOST_METHODS_DIR=$methods
export EAPHOST_METHODS_DIR

passes=0
failures=0

fail() {
    failures=$((failures + 1))
    echo "FAIL: $case_name: $1"
    echo "    stdout:"; sed 's/^/      /' "$tmp/out" | head -n 30
    echo "    stderr:"; sed 's/^/      /' "$tmp/err" | head -n 10
}

# start_server ARGS...: a fresh server; its port in $port.
start_server() {
    stop_server
    rm -f "$tmp/port"
    "$server" --port-file "$tmp/port" --secret "$secret" --seconds 60 "$@" \
        >"$tmp/server.out" 2>&1 &
    server_pid=$!
    i=0
    while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    port=$(cat "$tmp/port" 2>/dev/null)
    [ -n "$port" ] || { echo "FAIL: the test server did not start"; exit 1; }
}

# run NAME STATUS COMMAND ARGS...: run, check the exit status.
run() {
    case_name=$1
    want=$2
    shift 2
    # shellcheck disable=SC2086
    $wrapper "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" -ne "$want" ]; then
        fail "exit status $got, expected $want"
        return 1
    fi
    passes=$((passes + 1))
    echo "ok   $case_name"
}

# out REGEX: a line of the last run's stdout matches.
out() {
    if grep -Eq -- "$1" "$tmp/out"; then passes=$((passes + 1));
    else fail "no line matching '$1' on stdout"; fi
}
err() {
    if grep -Eq -- "$1" "$tmp/err"; then passes=$((passes + 1));
    else fail "no line matching '$1' on stderr"; fi
}
# seen NAME VALUE: the server's final report says NAME VALUE.
seen() {
    if grep -q "^$1 $2\$" "$tmp/server.out"; then passes=$((passes + 1));
    else fail "the server did not report '$1 $2'"; sed 's/^/      /' "$tmp/server.out"; fi
}

auth() {
    run "$1" "$2" "$cli" auth --radius "127.0.0.1:$port" --secret "$secret" \
        --identity alice --timeout 20 "$3" "$4" "$5" "$6"
}

# ---- a well-behaved server ------------------------------------------------

start_server --method mschapv2
auth "mschapv2: Access-Accept, keys match" 0 --method mschapv2 --password secret
out '^EAP-MSCHAPv2: SUCCESS \(identity alice, 7 packets\)$'
out '^MSK: [0-9a-f]{64}0{64}$'
out "^MSK matches the server's MPPE keys$"
auth "mschapv2: wrong password, Access-Reject" 1 --method mschapv2 --password wrong
out '^EAP-MSCHAPv2: FAILURE: EAP_E_USER_NAME_PASSWORD_REJECTED \(0x80420112\): the server sent Access-Reject'
run "mschapv2: -n 3" 0 "$cli" auth --radius "127.0.0.1:$port" --secret "$secret" \
    --method mschapv2 --identity alice --password secret -n 3 \
    --nas-ip 192.0.2.1 --calling-station-id 02-00-00-00-00-01 --framed-mtu 1300
out '^3 authentications in '
stop_server
seen bad_requests 0
seen changed_retransmissions 0
seen nas_ip_len 4
seen calling_station_id 02-00-00-00-00-01
seen framed_mtu 1300

start_server --method mschapv2
run "example supplicant: success" 0 "$supplicant" "127.0.0.1:$port" "$secret" \
    mschapv2 alice secret
out '^mschapv2: SUCCESS'
out "^MSK matches the server's MPPE keys$"
run "example supplicant: rejected" 1 "$supplicant" "127.0.0.1:$port" "$secret" \
    mschapv2 alice wrong
out '^mschapv2: FAILURE: REJECTED'
# The test server checked by another client: wpa_supplicant's eapol_test.
if command -v eapol_test >/dev/null 2>&1; then
    start_server --method mschapv2
    printf 'network={\n\tkey_mgmt=IEEE8021X\n\teap=MSCHAPV2\n\tidentity="alice"\n\tpassword="secret"\n\teapol_flags=0\n}\n' \
        >"$tmp/eapol.conf"
    saved_wrapper=$wrapper
    wrapper=        # the wrapper is for our programs, not eapol_test
    run "eapol_test against the test server: keys match" 0 \
        eapol_test -t 10 -c "$tmp/eapol.conf" -a 127.0.0.1 -p "$port" -s "$secret"
    wrapper=$saved_wrapper
    out '^MPPE keys OK: 1  mismatch: 0$'
else
    fail "eapol_test is not installed (Debian package eapoltest): the cross-check of the test server cannot run"
fi

start_server --method md5
auth "md5: Access-Accept, no keys" 0 --method md5 --password secret
out '^EAP-MD5: SUCCESS \(identity alice, 5 packets\)$'
if grep -q MSK "$tmp/out"; then fail "an MSK line without keys"; fi
auth "md5: wrong password" 1 --method md5 --password wrong
out '^EAP-MD5: FAILURE: .*the server sent Access-Reject \(Reply-Message: "denied"\)'
stop_server
seen ma_not_first 0
seen nas_identifier eaphost
seen framed_mtu 1400

# ---- keys that do not match -------------------------------------------------

start_server --method mschapv2 --script key-flipped
auth "mschapv2: a key bit flipped" 1 --method mschapv2 --password secret
out '^EAP-MSCHAPv2: SUCCESS'
out '^MSK MISMATCH: the MSK differs from MS-MPPE-Recv-Key \| MS-MPPE-Send-Key'
run "example supplicant: key mismatch" 1 "$supplicant" "127.0.0.1:$port" "$secret" \
    mschapv2 alice secret
out '^MSK MISMATCH'
start_server --method mschapv2 --script key-missing
auth "mschapv2: no keys in the Access-Accept" 1 --method mschapv2 --password secret
out '^MSK MISMATCH: the method exported an MSK, the Access-Accept has no MS-MPPE keys'

# ---- a hostile server ------------------------------------------------------------

start_server --method md5 --script no-message-auth
auth "a reply without Message-Authenticator is dropped" 0 --method md5 --password secret
out '^EAP-MD5: SUCCESS'
out '^RADIUS: 2 requests, 0 retransmissions, 2 replies; dropped: missing Message-Authenticator 1$'
out '^RADIUS: last reply dropped: the reply has no Message-Authenticator$'
start_server --method md5 --script other-port --on-final
auth "an Access-Accept from another port is dropped" 0 --method md5 --password secret
out '^RADIUS: .*dropped: not from the server.s address and port 1$'
start_server --method md5 --script wrong-response-auth --no-repair
run "replies that never verify: no reply" 1 "$cli" auth --radius "127.0.0.1:$port" \
    --secret "$secret" --method md5 --identity alice --password secret \
    --radius-timeout 0.2 --radius-retries 1
out '^EAP-MD5: FAILURE: RADIUS_NO_REPLY \(0x000005B4\): no valid reply after 2 tries of 200 ms'
out '^RADIUS: 1 request, 1 retransmission, 0 replies; dropped: wrong Response Authenticator 2$'
start_server --method md5 --script silent
run "a silent server" 1 "$cli" auth --radius "127.0.0.1:$port" --secret "$secret" \
    --method md5 --identity alice --password secret --radius-timeout 0.2 \
    --radius-retries 2
out '^EAP-MD5: FAILURE: RADIUS_NO_REPLY .*after 3 tries of 200 ms'
stop_server
seen retransmissions 2
seen changed_retransmissions 0

# ---- usage -----------------------------------------------------------------------

run "--secret without --radius" 2 "$cli" auth --method md5 --identity alice \
    --secret x
err '--secret needs --radius'
run "--radius without --secret" 2 "$cli" auth --method md5 --identity alice \
    --radius 127.0.0.1:1812
err '--radius needs --secret'
run "--radius with --users" 2 "$cli" auth --method md5 --identity alice \
    --radius 127.0.0.1:1812 --secret x --users /dev/null
run "--framed-mtu out of range" 2 "$cli" auth --method md5 --identity alice \
    --radius 127.0.0.1:1812 --secret x --framed-mtu 63
run "--radius-timeout not a number" 2 "$cli" auth --method md5 --identity alice \
    --radius 127.0.0.1:1812 --secret x --radius-timeout 1.5s
run "a bad server address" 1 "$cli" auth --method md5 --identity alice \
    --radius 127.0.0.1: --secret x
out "FAILURE: .*RADIUS server '127.0.0.1:' is not HOST:PORT"

echo "RADIUS command-line tests: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
