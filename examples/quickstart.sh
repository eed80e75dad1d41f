#!/bin/sh
# quickstart.sh - on a fresh Debian 12 machine: install what is missing,
# build libeaphost, and run the main job (a full authentication through the
# host).  Run as root, or as a user who may use sudo.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
packages="build-essential autoconf automake libtool libltdl-dev pkg-config
          check libcjson-dev nettle-dev"
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
echo "--- main job: one authentication of the template method"
./examples/eaphost-demo --plugin examples/.libs/template_method.so --identity alice
