#!/bin/sh
# valgrind-wrapper.sh PROGRAM - run one test under valgrind memcheck
# (through libtool, so the uninstalled libraries are found).  Scripts run
# as they are.
case "$1" in
*.sh) exec sh "$@" ;;
esac
builddir=${top_builddir:-.}
exec "$builddir/libtool" --mode=execute valgrind --quiet --error-exitcode=99 \
    --leak-check=full --errors-for-leak-kinds=definite \
    --suppressions="${top_srcdir:-.}/tests/valgrind.supp" "$@"
