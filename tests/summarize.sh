#!/bin/sh
# summarize.sh BUILDDIR... - add up the results of `make check` runs.
#
# Check suites print "NN%: Checks: C, Failures: F, Errors: E" in their
# logs; every other test (scripts, compile tests) counts once, by its
# automake .trs result.  Prints one line: "N passed, N failed".
passed=0
failed=0
for dir in "$@"; do
    for trs in $(find "$dir" -name '*.trs' | sort); do
        log="${trs%.trs}.log"
        line=$(grep -E '^[0-9]+%: Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+' "$log" 2>/dev/null | tail -n 1)
        if [ -n "$line" ]; then
            checks=$(echo "$line" | sed -E 's/.*Checks: ([0-9]+).*/\1/')
            fails=$(echo "$line" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
            errors=$(echo "$line" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
            passed=$((passed + checks - fails - errors))
            failed=$((failed + fails + errors))
            # A suite that crashed after its summary still fails.
            if grep -q '^:test-result: FAIL\|^:test-result: ERROR' "$trs"; then
                [ $((fails + errors)) -eq 0 ] && failed=$((failed + 1))
            fi
        elif grep -q '^:test-result: PASS' "$trs"; then
            passed=$((passed + 1))
        elif grep -q '^:test-result: SKIP' "$trs"; then
            failed=$((failed + 1))    # nothing may skip itself into green
        else
            failed=$((failed + 1))
        fi
    done
done
echo "$passed passed, $failed failed"
