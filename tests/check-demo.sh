#!/bin/sh
# check-demo.sh - the README's main job: one full authentication of the
# template method through the host.  Fails unless the demo says so.
set -eu
b=${top_builddir:-.}
out=$("$b/examples/eaphost-demo" --plugin "$b/examples/.libs/template_method.so" --identity alice)
echo "$out"
echo "$out" | grep -q '^peer          -> 02 02 00 17 fe 00 7e d9 00 00 00 01 61 6c 69 63 65 3a 6e 6f 6e 63 65$'
echo "$out" | tail -n 1 | grep -qx 'authentication succeeded'
# A registry that names a missing plugin is refused with a clear message.
if "$b/examples/eaphost-demo" --plugin /nonexistent/plugin.so >/dev/null 2>&1; then
    echo "demo accepted a missing plugin"; exit 1
fi
