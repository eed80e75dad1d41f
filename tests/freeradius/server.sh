# tests/freeradius/server.sh - start and stop a private FreeRADIUS server
# on 127.0.0.1 with the configuration in this directory.  Sourced (POSIX
# sh) by tests/check-freeradius.sh and bench/radius-cpu.sh:
#
#   fr_confdir=$top_srcdir/tests/freeradius   # this directory
#   . "$fr_confdir/server.sh"
#   fr_find || exit 1            # fr_bin: the server binary
#   trap 'fr_stop' EXIT          # always stop it
#   fr_start || exit 1           # fr_pid, fr_port, fr_rundir
#   ... 127.0.0.1:$fr_port, secret $fr_secret, users in mods-config/files/authorize ...
#   fr_stop
#
# The server runs in the foreground (-f) as a child of the calling shell,
# as the calling user, and is stopped by its PID (SIGTERM, then SIGKILL
# after a bounded wait).  Its pid, log and standard error live in a fresh
# temporary directory, which fr_stop removes.  The port is chosen at run
# time, below the ephemeral range; if it is taken the next one is tried.
# FREERADIUS may name the binary (default: freeradius, else radiusd, in
# PATH, /usr/sbin or /sbin).

fr_confdir=$(cd "${fr_confdir:?set fr_confdir before sourcing server.sh}" && pwd)
# shellcheck disable=SC2034  # used by the scripts that source this file
fr_secret=eaphost-interop-secret
fr_pid=
fr_port=
fr_rundir=
fr_bin=

# fr_find: find the server binary; without it, say which package to install.
fr_find() {
    if [ -n "${FREERADIUS:-}" ]; then
        fr_bin=$FREERADIUS
    else
        for fr_name in freeradius radiusd; do
            for fr_dir in $(echo "$PATH" | tr ':' ' ') /usr/sbin /sbin; do
                if [ -x "$fr_dir/$fr_name" ]; then
                    fr_bin=$fr_dir/$fr_name
                    break 2
                fi
            done
        done
    fi
    if [ -z "$fr_bin" ] || [ ! -x "$fr_bin" ]; then
        echo "FreeRADIUS is not installed: install the Debian package 'freeradius'" \
             "(apt-get install freeradius)" >&2
        return 1
    fi
    return 0
}

fr_sleep() {    # a tenth of a second where sleep allows it
    sleep 0.1 2>/dev/null || sleep 1
}

# fr_show_log: the server's standard error and log, for a failure report.
fr_show_log() {
    echo "--- FreeRADIUS ($fr_bin -f -d $fr_confdir) on 127.0.0.1:$fr_port, its output and log:"
    for fr_f in "$fr_rundir/stderr" "$fr_rundir/radius.log"; do
        [ ! -s "$fr_f" ] || sed 's/^/    /' "$fr_f" | tail -n 40
    done
    return 0
}

# fr_start: start the server and wait (at most 20 s) until it is ready to
# process requests.  Returns 1, with its log printed, if it cannot start.
fr_start() {
    fr_rundir=$(mktemp -d "${TMPDIR:-/tmp}/eaphost-fr.XXXXXX") || return 1
    fr_attempt=0
    while [ "$fr_attempt" -lt 8 ]; do
        fr_attempt=$((fr_attempt + 1))
        fr_port=$((18000 + ($$ * 31 + fr_attempt * 977) % 14000))
        rm -f "$fr_rundir/radius.log" "$fr_rundir/stderr"
        EAPHOST_FR_RUNDIR=$fr_rundir EAPHOST_FR_PORT=$fr_port \
            "$fr_bin" -f -l "$fr_rundir/radius.log" -d "$fr_confdir" \
            >"$fr_rundir/stderr" 2>&1 &
        fr_pid=$!
        echo "$fr_pid" >"$fr_rundir/server.pid"
        fr_waited=0
        while [ "$fr_waited" -lt 200 ]; do
            if grep -q 'Ready to process requests' "$fr_rundir/radius.log" 2>/dev/null; then
                return 0
            fi
            kill -0 "$fr_pid" 2>/dev/null || break
            fr_sleep
            fr_waited=$((fr_waited + 1))
        done
        if kill -0 "$fr_pid" 2>/dev/null; then
            echo "FreeRADIUS did not become ready within 20 s" >&2
            fr_show_log >&2
            fr_stop_server
            return 1
        fi
        wait "$fr_pid" 2>/dev/null || :
        fr_pid=
        if grep -qi 'address already in use\|failed binding' \
                "$fr_rundir/stderr" "$fr_rundir/radius.log" 2>/dev/null; then
            continue        # port taken: try another one
        fi
        echo "FreeRADIUS could not be started" >&2
        fr_show_log >&2
        return 1
    done
    echo "FreeRADIUS found no free port in $fr_attempt attempts" >&2
    fr_show_log >&2
    return 1
}

# fr_stop_server: SIGTERM to the server's PID, SIGKILL after 5 s.
fr_stop_server() {
    [ -n "$fr_pid" ] || return 0
    if kill -TERM "$fr_pid" 2>/dev/null; then
        fr_waited=0
        while kill -0 "$fr_pid" 2>/dev/null && [ "$fr_waited" -lt 50 ]; do
            fr_sleep
            fr_waited=$((fr_waited + 1))
        done
        kill -KILL "$fr_pid" 2>/dev/null || :
    fi
    wait "$fr_pid" 2>/dev/null || :
    fr_pid=
    return 0
}

# fr_stop: stop the server and remove its run directory.
fr_stop() {
    fr_stop_server
    if [ -n "$fr_rundir" ]; then rm -rf "$fr_rundir"; fi
    fr_rundir=
    return 0
}
