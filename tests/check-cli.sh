#!/bin/sh
# check-cli.sh - the eaphost-test command: the outputs and exit statuses
# of `methods`, `inspect` and `auth` against the build tree's bundled
# plugins (plugins/methods.d) and the fixture plugins, and its answers to
# bad arguments.
#
# EAPHOST_CLI_WRAPPER, if set, is put before each run of the command (for
# example "libtool --mode=execute valgrind -q --error-exitcode=99").
set -u

b=${top_builddir:-.}
s=${top_srcdir:-.}
cli="$b/examples/eaphost-test"
fx="$b/tests/fixtures/.libs"
methods="$b/plugins/methods.d"
wrapper=${EAPHOST_CLI_WRAPPER:-}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-cli.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
chmod 0755 "$tmp"

passes=0
failures=0

fail() {
    failures=$((failures + 1))
    echo "FAIL: $case_name: $1"
    echo "    stdout:"; sed 's/^/      /' "$tmp/out" | head -n 60
    echo "    stderr:"; sed 's/^/      /' "$tmp/err" | head -n 20
}

# run NAME STATUS ARGS...: run the command, check its exit status.
run() {
    case_name=$1
    want=$2
    shift 2
    # shellcheck disable=SC2086
    $wrapper "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" -ne "$want" ]; then
        fail "exit status $got, expected $want"
        return 1
    fi
    passes=$((passes + 1))
    return 0
}

# out REGEX / err REGEX / no_out REGEX: what the last run printed.
out() {
    if grep -Eq -- "$1" "$tmp/out"; then passes=$((passes + 1));
    else fail "no line matching '$1' on stdout"; fi
}
err() {
    if grep -Eq -- "$1" "$tmp/err"; then passes=$((passes + 1));
    else fail "no line matching '$1' on stderr"; fi
}
no_out() {
    if grep -Eq -- "$1" "$tmp/out"; then fail "a line matches '$1' on stdout";
    else passes=$((passes + 1)); fi
}

# file_has FILE REGEX / file_lacks FILE REGEX
file_has() {
    if grep -Eq -- "$2" "$1"; then passes=$((passes + 1));
    else fail "$1 has no line matching '$2'"; fi
}
file_lacks() {
    if grep -Eq -- "$2" "$1"; then fail "$1 has a line matching '$2'";
    else passes=$((passes + 1)); fi
}

# registry DIR NAME JSON: one registry file, mode 0644.
registry() {
    mkdir -p "$1" && chmod 0755 "$1"
    printf '%s\n' "$3" >"$1/$2.json"
    chmod 0644 "$1/$2.json"
}

# ---- help and bad arguments ------------------------------------------------

run "--help" 0 --help && out '^Usage:' && out 'auth --method M --identity NAME'
run "--version" 0 --version && out '^eaphost-test \(libeaphost\) '
run "auth --help" 0 auth --help && out '^Usage:'
for args in "" "frobnicate" "methods extra" "methods --bogus" \
            "auth" "auth --identity alice" "auth --method md5" \
            "auth --method md5 --identity" "auth --method bogus --identity a" \
            "auth --method 254:1 --identity a" "auth --method 3 --identity a" \
            "auth --method 254:1:2:3 --identity a" \
            "auth --method md5 --identity a -n 0" \
            "auth --method md5 --identity a -n abc" \
            "auth --method md5 --identity a --timeout -1" \
            "auth --method md5 --identity a --max-send 10" \
            "auth --method md5 --identity a --author x" \
            "auth --method md5 --identity a --users f --server-password p" \
            "auth --method md5 --identity a --unknown" \
            "inspect" "inspect a b" "inspect --type x $fx/fixture_good.so" \
            "inspect --request-data 123 --type 200 $fx/fixture_good.so" \
            "inspect $fx/fixture_good.so"; do
    # shellcheck disable=SC2086
    run "bad arguments: '$args'" 2 $args && err '^Usage:'
done

# ---- methods ------------------------------------------------------------------

run "methods (bundled)" 0 methods --methods-dir "$methods" &&
    out '^EAP-MD5$' && out '^EAP-GTC$' && out '^EAP-MSCHAPv2$' &&
    out '^  type +26$' && out '^  author +311$' &&
    out '^  properties +0x020C00A2 MutualAuth KeyDerivation KeyStrength128 Standalone MppeEncryption UserAuth$' &&
    out '^  properties +0x02040000 Standalone UserAuth$' &&
    out '^  peer +READY +/.*/md5\.so$' &&
    out '^  authenticator +READY +/.*/mschapv2\.so$' &&
    out '^registry problems: none$' &&
    out '^3 methods, 0 faulty halves, 0 registry files refused$'

EAPHOST_METHODS_DIR=$methods
export EAPHOST_METHODS_DIR
run "methods (EAPHOST_METHODS_DIR)" 0 methods && out '^EAP-GTC$'

broken="$tmp/broken"
n=0
for f in unresolved no_getinfo no_freememory dllmain_false getinfo_fails \
         wrong_type null_routines init_fails; do
    n=$((n + 1))
    registry "$broken" "$n-$f" "{ \"AuthorId\": $n, \"TypeId\": 200,
      \"PeerDllPath\": \"$fx/fixture_$f.so\", \"PeerFriendlyName\": \"$f\" }"
done
registry "$broken" "20-auth" "{ \"AuthorId\": 20, \"TypeId\": 200,
  \"PeerDllPath\": \"$fx/fixture_good.so\", \"PeerFriendlyName\": \"good\",
  \"AuthenticatorDllPath\": \"$fx/fixture_auth_init_fails.so\",
  \"AuthenticatorFriendlyName\": \"auth\" }"
registry "$broken" "30-badjson" '{ "AuthorId": 30, '
registry "$broken" "31-missing" "{ \"AuthorId\": 31, \"TypeId\": 200,
  \"PeerDllPath\": \"$tmp/nowhere.so\", \"PeerFriendlyName\": \"missing\" }"
run "methods (broken)" 1 methods --methods-dir "$broken" &&
    out '^  peer +FAULTY +/.*/fixture_unresolved\.so$' &&
    out 'undefined symbol: eaphost_fixture_symbol_that_does_not_exist' &&
    out 'entry point: EapPeerGetInfo not exported' &&
    out 'entry point: EapPeerFreeMemory not exported' &&
    out 'DllMain: returned FALSE for DLL_PROCESS_ATTACH' &&
    out 'EapPeerGetInfo: failed with 0x00000032 \(ERROR_NOT_SUPPORTED\): getinfo refused' &&
    out 'EapPeerGetInfo: answered for type 201, registered type 200' &&
    out 'routines: EapPeerProcessRequestPacket is NULL \(required\)' &&
    out 'EapPeerInitialize: failed with .*initialize refused' &&
    out '^  peer +READY +/.*/fixture_good\.so$' &&
    out '^  authenticator +FAULTY +/.*/fixture_auth_init_fails\.so$' &&
    out 'EapMethodAuthenticatorInitialize: failed with ' &&
    out '^  error +/.*/30-badjson\.json: ' &&
    out '^  error +/.*/31-missing\.json: .*nowhere\.so' &&
    out '^9 methods, 9 faulty halves, 2 registry files refused$'

run "methods (no such directory)" 1 methods --methods-dir "$tmp/none" &&
    out '^registry problems:$'

# ---- auth ---------------------------------------------------------------------

for m in md5:EAP-MD5 gtc:EAP-GTC mschapv2:EAP-MSCHAPv2; do
    name=${m#*:}
    m=${m%%:*}
    run "auth $m (right password)" 0 auth --method "$m" --identity alice \
        --password secret &&
        out "^$name: SUCCESS \\(identity alice, [0-9]+ packets\\)$"
    run "auth $m (wrong password)" 1 auth --method "$m" --identity alice \
        --password wrong --server-password secret &&
        out "^$name: FAILURE: EAP_E_USER_NAME_PASSWORD_REJECTED \\(0x80420112\\): " &&
        no_out '^MSK:'
done
run "auth mschapv2 (keys)" 0 auth --method mschapv2 --identity alice \
    --password secret &&
    out '^MSK: [0-9a-f]{128}$' &&
    out '^keys: peer and authenticator MSKs match$'
run "auth md5 (no keys)" 0 auth --method md5 --identity alice \
    --password secret && no_out '^MSK:'
run "auth by type number" 0 auth --method 26 --identity alice \
    --password secret && out '^EAP-MSCHAPv2: SUCCESS' && out '^MSK: '

users="$tmp/users.json"
printf '%s\n' '{ "users": [ { "identity": "alice", "password": "secret" },
  { "identity": "bob", "password": "hunter2" } ] }' >"$users"
chmod 0644 "$users"
run "auth --users (known)" 0 auth --method md5 --identity bob \
    --password hunter2 --users "$users" && out '^EAP-MD5: SUCCESS'
run "auth --users (unknown identity)" 1 auth --method md5 \
    --identity mallory --password secret --users "$users" &&
    out '^EAP-MD5: FAILURE: EAP_E_EAPHOST_IDENTITY_UNKNOWN \(0x80420014\): '
run "auth --users (unknown identity, mschapv2)" 1 auth --method mschapv2 \
    --identity mallory --password secret --users "$users" &&
    out '^EAP-MSCHAPv2: FAILURE: '
printf '{ "users": [ { "identity": "alice" } ] }\n' >"$tmp/bad-users.json"
chmod 0644 "$tmp/bad-users.json"
run "auth --users (bad file)" 1 auth --method md5 --identity alice \
    --password secret --users "$tmp/bad-users.json" &&
    err '^eaphost-test: --users: .*bad-users\.json'

run "auth -n 5" 0 auth --method mschapv2 --identity alice --password secret \
    -n 5 &&
    out '^5 authentications in [0-9]+\.[0-9]{3} s: [0-9]+\.[0-9] per second$'
run "auth -n 3 (wrong password)" 1 auth --method md5 --identity alice \
    --password wrong --server-password secret -n 3 &&
    out '^run 3: EAP-MD5: FAILURE: ' && out '^3 of 3 failed$'

trace="$tmp/trace.jsonl"
run "auth --trace" 0 auth --method md5 --identity alice \
    --password 's3cr3t-pw' --trace "$trace" &&
    file_has "$trace" '"event":"call"' &&
    file_has "$trace" '"event":"packet"' &&
    file_has "$trace" '"function":"EapPeerSetCredentials"' &&
    file_lacks "$trace" 's3cr3t-pw' &&
    file_lacks "$trace" '^[^{]|[^}]$'
run "auth --trace --trace-secrets" 0 auth --method md5 --identity alice \
    --password 's3cr3t-pw' --trace "$trace" --trace-secrets &&
    file_has "$trace" 's3cr3t-pw'
run "auth --trace (unwritable)" 1 auth --method md5 --identity alice \
    --password secret --trace "$tmp/none/trace" && err '^eaphost-test: --trace '

run "auth (method not registered)" 1 auth --method 99 --identity alice \
    --password secret &&
    out '^EAP type 99: FAILURE: EAP_E_EAPHOST_METHOD_NOT_INSTALLED \(0x80420011\): '
run "auth (registry problems)" 1 auth --method 99 --identity alice \
    --password secret --methods-dir "$tmp/none" &&
    err '^eaphost-test: warning: method 99 \(author 0\) is not registered' &&
    err '^eaphost-test: registry: error +.*/none: '
pair="$tmp/pair"
registry "$pair" pair "{ \"AuthorId\": 77, \"TypeId\": 202,
  \"PeerDllPath\": \"$fx/fixture_auth.so\", \"PeerFriendlyName\": \"Pair\",
  \"PeerInvokeUsernameDialog\": 1, \"PeerInvokePasswordDialog\": 1,
  \"AuthenticatorDllPath\": \"$fx/fixture_auth.so\",
  \"AuthenticatorFriendlyName\": \"Pair\" }"
run "auth (type number, author from the registry)" 0 auth --method 202 \
    --identity alice --password pw --methods-dir "$pair" &&
    out '^Pair: SUCCESS' && out '^keys: peer and authenticator MSKs match$'
run "auth (faulty half)" 1 auth --method 200 --author 20 --identity alice \
    --password secret --methods-dir "$broken" &&
    out '^good: FAILURE: EAP_E_EAPHOST_METHOD_NOT_INSTALLED \(0x80420011\): .*authenticator initialize refused$'
run "auth (no authenticator half)" 1 auth --method 200 --author 1 \
    --identity alice --password secret --methods-dir "$broken" &&
    out '^unresolved: FAILURE: EAP_E_EAPHOST_METHOD_NOT_INSTALLED .*no authenticator half'

# ---- inspect ------------------------------------------------------------------

run "inspect md5" 0 inspect --type 4 "$b/plugins/md5/.libs/md5.so" &&
    out '^ok   load: every symbol bound' &&
    out '^ok   answer: a valid Response \(Identifier 1, 22 bytes, type 4\)$' &&
    out '^ok   first Request: a valid Request ' &&
    out '^result: usable \(0 defects, 0 warnings\)$'
run "inspect gtc" 0 inspect --type 6 "$b/plugins/gtc/.libs/gtc.so" &&
    out '^ok   answer: a valid Response' && out '^result: usable'
run "inspect mschapv2" 0 inspect --type 26 --author 311 \
    "$b/plugins/mschapv2/.libs/mschapv2.so" &&
    out '^       EapPeerSetCredentials +set +optional$' &&
    out '^       EapMethodAuthenticatorGetResult +set +required$' &&
    out '^ok   answer: a valid Response' && out '^result: usable'
run "inspect fixture_good" 0 inspect --type 200 "$fx/fixture_good.so" &&
    out '^     response  02 01 00 11 c8 65 61 70 68 6f 73 74 2d 74 65 73 74$' &&
    out '^authenticator half: none'
run "inspect fixture_expanded" 0 inspect --type 254:0x9999:7 \
    "$fx/fixture_expanded.so" && out '^ok   answer: a valid Response .*type 254:39321:7\)$'
run "inspect --request-data" 0 inspect --type 200 --request-data 0102ff \
    "$fx/fixture_good.so" && out '^     response  02 01 00 08 c8 01 02 ff$'

# The type from a JSON file beside the plugin (also above .libs).
mkdir -p "$tmp/plug/.libs"
cp "$fx/fixture_good.so" "$tmp/plug/good.so"
cp "$fx/fixture_good.so" "$tmp/plug/.libs/libgood.so"
chmod 0755 "$tmp/plug" "$tmp/plug/.libs"
registry "$tmp/plug" good '{ "AuthorId": 5, "TypeId": 200, "PeerDllPath": "good.so", "PeerFriendlyName": "g", "Properties": 2 }'
registry "$tmp/plug" libgood '{ "TypeId": 200, "AuthorId": 6, "Nested": { "TypeId": 7 } }'
run "inspect (type from JSON)" 0 inspect "$tmp/plug/good.so" &&
    out '^  as type 200, author 5 \(from .*/good\.json\)$'
run "inspect (type from JSON above .libs)" 0 inspect "$tmp/plug/.libs/libgood.so" &&
    out '^  as type 200, author 6 \(from .*/plug/libgood\.json\)$'
run "inspect --type (author from JSON)" 0 inspect --type 200 "$tmp/plug/good.so" &&
    out '^  as type 200, author 5 \(from .*/good\.json\)$'
cp "$fx/fixture_good.so" "$tmp/plug/bad.so"
registry "$tmp/plug" bad '{ "TypeId": "200" }'
run "inspect (unusable JSON)" 2 inspect "$tmp/plug/bad.so" &&
    err 'bad\.json: no usable TypeId' && err '^Usage:'
run "inspect --type (unusable JSON ignored)" 0 inspect --type 200 "$tmp/plug/bad.so" &&
    out '^  as type 200, author 0$'
run "inspect (missing file)" 1 inspect --type 4 "$tmp/none.so" &&
    err 'none\.so: No such file'

# Each broken fixture: exit 1, the defect named.
inspect_broken() {
    run "inspect fixture_$1" 1 inspect --type 200 "$fx/fixture_$1.so" &&
        out "^FAIL $2" && out '^result: UNUSABLE \([1-9][0-9]* defects?, '
}
inspect_broken not_so 'load: .*fixture_not_so\.so: '
inspect_broken unresolved 'load: .*undefined symbol: eaphost_fixture_symbol_that_does_not_exist'
inspect_broken no_getinfo 'entry point: EapPeerGetInfo not exported'
inspect_broken no_freememory 'entry point: EapPeerFreeMemory not exported'
inspect_broken dllmain_false 'DllMain: returned FALSE for DLL_PROCESS_ATTACH'
inspect_broken getinfo_fails 'EapPeerGetInfo: failed with 0x00000032 \(ERROR_NOT_SUPPORTED\): getinfo refused'
inspect_broken wrong_type 'EapPeerGetInfo: answered for type 201, registered type 200'
inspect_broken null_routines 'routines: EapPeerProcessRequestPacket is NULL \(required\)'
inspect_broken init_fails 'EapPeerInitialize: failed with 0x0000054F \(ERROR_INTERNAL_ERROR\): initialize refused'
inspect_broken bad_answer 'answer: invalid: EAP_E_EAPHOST_METHOD_INVALID_PACKET \(0x80420017\): '
inspect_broken auth_init_fails 'EapMethodAuthenticatorInitialize: failed with '
run "inspect fixture_bad_answer (details)" 1 inspect --type 200 \
    "$fx/fixture_bad_answer.so" &&
    out '^     EapPeerSetCredentials is NULL: the session runs without credential dialogs$' &&
    out '^ok   EapPeerBeginSession: succeeded$'
run "inspect fixture_crasher" 1 inspect --type 200 "$fx/fixture_crasher.so" &&
    out '^ok   EapPeerBeginSession: succeeded$' &&
    out '^FAIL EapPeerProcessRequestPacket \(a Request of type 200, Identifier 1\): the plugin crashed: SIGSEGV \(signal 11, ' &&
    out '^result: UNUSABLE \(it crashed\)$'

run "inspect fixture_hang (--timeout)" 1 inspect --type 200 --timeout 2 \
    "$fx/fixture_hang.so" &&
    out '^FAIL EapPeerProcessRequestPacket \(a Request of type 200, Identifier 1\): no answer within 2 s: the inspection was stopped$' &&
    out '^result: UNUSABLE \(it hangs\)$'

# ---- the overall timeout of auth ------------------------------------------------

run "auth --timeout" 1 auth --method md5 --identity alice --password secret \
    -n 100000000 --timeout 1 &&
    err '^eaphost-test: timed out after 1 s \(--timeout\)$'

echo "check-cli: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
