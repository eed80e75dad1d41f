#!/bin/sh
# check-headers.sh - compile-only checks of libeaphost's public headers.
#
# Usage: tests/check-headers.sh [INCLUDE_DIR]
#   INCLUDE_DIR defaults to ../libeaphost/include relative to this script.
#
# Every header must compile on its own in C11 and C++11, with and without
# -fshort-wchar; all of them together with eaphost/abi_checks.h must pass
# under gcc, clang, g++ and clang++ with -Wall -Wextra -Werror -pedantic;
# WCHAR must have the type the design asks for in each mode; the GUID
# constants must link; and C / C++ standard headers must still compile
# after the EAPHost ones.  Compilers that are not installed are skipped
# (gcc is required).  Override with CC_LIST / CXX_LIST ("gcc clang").
#
# Exit status: 0 when every check passes, 1 otherwise.

set -u

here=$(cd "$(dirname "$0")" && pwd)
inc=${1:-"$here/../libeaphost/include"}
if [ ! -f "$inc/eaptypes.h" ]; then
    echo "check-headers: no eaptypes.h in $inc" >&2
    exit 1
fi
inc=$(cd "$inc" && pwd)

CC_LIST=${CC_LIST:-"gcc clang"}
CXX_LIST=${CXX_LIST:-"g++ clang++"}
WARN="-Wall -Wextra -Werror -pedantic"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-headers.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

failures=0
passes=0

fail() {
    failures=$((failures + 1))
    echo "FAIL: $1"
    sed 's/^/    /' "$tmp/log" | head -n 40
}

# run DESCRIPTION COMMAND...: run a compile step, record its outcome.
run() {
    desc=$1
    shift
    if "$@" >"$tmp/log" 2>&1; then
        passes=$((passes + 1))
    else
        fail "$desc"
    fi
}

have() {
    command -v "$1" >/dev/null 2>&1
}

ccs=""
for c in $CC_LIST; do
    if have "$c"; then ccs="$ccs $c"; else echo "SKIP: $c not installed"; fi
done
cxxs=""
for c in $CXX_LIST; do
    if have "$c"; then cxxs="$cxxs $c"; else echo "SKIP: $c not installed"; fi
done
case " $ccs " in
*" gcc "*) ;;
*) echo "check-headers: gcc is required" >&2; exit 1 ;;
esac

# Headers: the ten SDK-named ones and the emulator's own.
sdk_headers=""
for h in "$inc"/*.h; do
    sdk_headers="$sdk_headers $(basename "$h")"
done
own_headers="eaphost/wintypes.h eaphost/sdk.h eaphost/abi_checks.h"

# ---- 1. each header alone ----------------------------------------------------

for h in $sdk_headers $own_headers; do
    printf '#include <%s>\n' "$h" >"$tmp/alone.c"
    cp "$tmp/alone.c" "$tmp/alone.cpp"
    for wc in "" "-fshort-wchar"; do
        for c in $ccs; do
            run "$c -std=c11 $wc: <$h> alone" \
                $c -std=c11 $WARN $wc -I"$inc" -fsyntax-only "$tmp/alone.c"
        done
        for c in $cxxs; do
            run "$c -std=c++11 $wc: <$h> alone" \
                $c -std=c++11 $WARN $wc -I"$inc" -fsyntax-only "$tmp/alone.cpp"
        done
    done
done

# ---- 2. everything together, with the ABI checks ----------------------------

: >"$tmp/all.c"
for h in $sdk_headers eaphost/wintypes.h eaphost/sdk.h; do
    printf '#include <%s>\n' "$h" >>"$tmp/all.c"
done
printf '#include <eaphost/abi_checks.h>\n' >>"$tmp/all.c"
# Each header a second time: include guards must hold.
for h in $sdk_headers; do
    printf '#include <%s>\n' "$h" >>"$tmp/all.c"
done
cat >>"$tmp/all.c" <<'EOF'
/* Error codes are DWORDs: plain assignment and switch, no casts. */
int eaphost_check_codes(DWORD rc);
int eaphost_check_codes(DWORD rc)
{
    DWORD x = EAP_E_EAPHOST_METHOD_NOT_INSTALLED;
    switch (rc) {
    case ERROR_SUCCESS: return 0;
    case ERROR_INVALID_PARAMETER: return 1;
    case EAP_E_CERT_STORE_INACCESSIBLE: return 2;
    case EAP_E_EAPHOST_METHOD_NOT_INSTALLED: return 3;
    case EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED: return 4;
    case EAP_I_USER_ACCOUNT_OTHER_ERROR: return 5;
    default: return rc == x ? 6 : 7;
    }
}
EOF
cp "$tmp/all.c" "$tmp/all.cpp"
for wc in "" "-fshort-wchar"; do
    for c in $ccs; do
        run "$c -std=c11 $wc: all headers + abi_checks.h" \
            $c -std=c11 $WARN $wc -I"$inc" -fsyntax-only "$tmp/all.c"
    done
    for c in $cxxs; do
        run "$c -std=c++11 $wc: all headers + abi_checks.h" \
            $c -std=c++11 $WARN $wc -I"$inc" -fsyntax-only "$tmp/all.cpp"
    done
done

# ---- 3. WCHAR in each mode ---------------------------------------------------

# With -fshort-wchar, L"..." is a WCHAR string, in C and in C++.
cat >"$tmp/wide.c" <<'EOF'
#include <eaptypes.h>
#include <eapmethodpeerapis.h>
LPCWSTR eaphost_check_l = L"abc";
LPCWSTR eaphost_check_w = EAPHOST_WIDE("abc");
LPCWSTR eaphost_check_k = EAP_PEER_VALUENAME_DLL_PATH;
EAPHOST_STATIC_ASSERT(EAPHOST_WCHAR_IS_WCHAR_T == 1, "WCHAR should be wchar_t");
EOF
cp "$tmp/wide.c" "$tmp/wide.cpp"
for c in $ccs; do
    run "$c -std=c11 -fshort-wchar: LPCWSTR s = L\"abc\"" \
        $c -std=c11 $WARN -fshort-wchar -I"$inc" -fsyntax-only "$tmp/wide.c"
done
for c in $cxxs; do
    run "$c -std=c++11 -fshort-wchar: LPCWSTR s = L\"abc\"" \
        $c -std=c++11 $WARN -fshort-wchar -I"$inc" -fsyntax-only "$tmp/wide.cpp"
done

# Without it: uint16_t in C, char16_t in C++; EAPHOST_WIDE still fits.
cat >"$tmp/narrow.c" <<'EOF'
#include <stdint.h>
#include <eaptypes.h>
#include <eapmethodpeerapis.h>
_Static_assert(_Generic((WCHAR)0, uint16_t: 1, default: 0), "WCHAR should be uint16_t");
_Static_assert(EAPHOST_WCHAR_IS_WCHAR_T == 0, "WCHAR should not be wchar_t");
LPCWSTR eaphost_check_w = EAPHOST_WIDE("abc");
LPCWSTR eaphost_check_k = EAP_PEER_VALUENAME_DLL_PATH;
EOF
cat >"$tmp/narrow.cpp" <<'EOF'
#include <eaptypes.h>
#include <eapmethodpeerapis.h>
template <typename A, typename B> struct same { enum { value = 0 }; };
template <typename A> struct same<A, A> { enum { value = 1 }; };
static_assert(same<WCHAR, char16_t>::value, "WCHAR should be char16_t");
LPCWSTR eaphost_check_w = EAPHOST_WIDE("abc");
LPCWSTR eaphost_check_k = EAP_PEER_VALUENAME_DLL_PATH;
EOF
for c in $ccs; do
    run "$c -std=c11: WCHAR is uint16_t" \
        $c -std=c11 $WARN -I"$inc" -fsyntax-only "$tmp/narrow.c"
done
for c in $cxxs; do
    run "$c -std=c++11: WCHAR is char16_t" \
        $c -std=c++11 $WARN -I"$inc" -fsyntax-only "$tmp/narrow.cpp"
done

# ---- 4. standard headers after the EAPHost ones ------------------------------

cat >"$tmp/libc.c" <<'EOF'
#include <eaphost/sdk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <uchar.h>
#include <pthread.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
EOF
cat >"$tmp/libstdcxx.cpp" <<'EOF'
#include <eaphost/sdk.h>
#include <algorithm>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>
EOF
# Old-style SAL (__in, __out) in C++, by request, after the standard headers.
cat >"$tmp/legacy.cpp" <<'EOF'
#include <string>
#include <vector>
#define EAPHOST_LEGACY_SAL
#include <eaphost/sdk.h>
DWORD WINAPI eaphost_check_legacy(__in DWORD a, __out DWORD *b, __in_opt LPVOID c);
EOF
for wc in "" "-fshort-wchar"; do
    for c in $ccs; do
        run "$c -std=gnu11 $wc: C library headers after EAPHost headers" \
            $c -std=gnu11 -Wall -Wextra -Werror $wc -I"$inc" -fsyntax-only "$tmp/libc.c"
    done
    for c in $cxxs; do
        run "$c -std=c++11 $wc: C++ library headers after EAPHost headers" \
            $c -std=c++11 -Wall -Wextra -Werror $wc -I"$inc" -fsyntax-only "$tmp/libstdcxx.cpp"
        run "$c -std=c++11 $wc: EAPHOST_LEGACY_SAL" \
            $c -std=c++11 -Wall -Wextra -Werror $wc -I"$inc" -fsyntax-only "$tmp/legacy.cpp"
    done
done

# ---- 5. the GUID constants are defined once and link ---------------------------

cat >"$tmp/guids.c" <<'EOF'
#include <eaptypes.h>
#define EAPHOST_DEFINE_GUIDS
#include <eaptypes.h>
EOF
cat >"$tmp/useguid.c" <<'EOF'
#include <eaptypes.h>
int main(void)
{
    return GUID_EapHost_Cause_MethodDLLNotFound.Data1 == 0x9612fc67u &&
           GUID_EapHost_Cause_MethodDLLNotFound.Data4[7] == 0x01 &&
           GUID_EapHost_Default.Data1 == 0 ? 0 : 1;
}
EOF
cp "$tmp/guids.c" "$tmp/guids.cpp"
cp "$tmp/useguid.c" "$tmp/useguid.cpp"
for c in $ccs; do
    run "$c: GUID definitions link" \
        $c -std=c11 $WARN -I"$inc" -o "$tmp/guid-c" "$tmp/guids.c" "$tmp/useguid.c"
    [ -x "$tmp/guid-c" ] && run "$c: GUID values" "$tmp/guid-c"
    rm -f "$tmp/guid-c"
done
for c in $cxxs; do
    run "$c: GUID definitions link" \
        $c -std=c++11 $WARN -I"$inc" -o "$tmp/guid-cxx" "$tmp/guids.cpp" "$tmp/useguid.cpp"
    [ -x "$tmp/guid-cxx" ] && run "$c: GUID values" "$tmp/guid-cxx"
    rm -f "$tmp/guid-cxx"
done

# --------------------------------------------------------------------------------

echo "check-headers: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
