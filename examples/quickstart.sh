#!/bin/sh
# quickstart.sh - on a fresh Debian 12 machine: install what is missing,
# build libeaphost, and run the main job: `eaphost-test auth` with each
# bundled method (EAP-MD5, EAP-GTC, EAP-MSCHAPv2) against the build tree's
# registry, once with the right password (must succeed) and once with a
# wrong one (must fail).  Exit status 0 only when all six came out so.
# Run as root, or as a user who may use sudo.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
packages="build-essential autoconf automake libtool libltdl-dev pkg-config
          check libcjson-dev nettle-dev clang freeradius eapoltest"
if ! dpkg -s $packages >/dev/null 2>&1; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq \
        --no-install-recommends $packages
fi
cd "$top"
[ -x configure ] || ./bootstrap
mkdir -p _build
cd _build
[ -f Makefile ] || ../configure --enable-werror
make -j"$(nproc)"
echo "--- main job: eaphost-test auth with each bundled method"
EAPHOST_METHODS_DIR="$PWD/plugins/methods.d"
export EAPHOST_METHODS_DIR
status=0
for method in md5 gtc mschapv2; do
    ./examples/eaphost-test auth --method "$method" --identity alice \
        --password secret || status=1
    if ./examples/eaphost-test auth --method "$method" --identity alice \
        --password wrong --server-password secret; then
        echo "quickstart: $method accepted a wrong password"
        status=1
    fi
done
if [ "$status" -eq 0 ]; then
    echo "main job passed: right passwords accepted, wrong ones refused"
else
    echo "main job FAILED"
fi
exit "$status"
