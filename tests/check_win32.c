/*
 * check_win32.c - unit tests of libeaphost-win32, the Windows
 * source-compatibility layer, at the edges of every helper: heaps (zeroing,
 * size 0, NULL, foreign blocks, fixed-size heaps), the last error per
 * thread, UTF-16 string functions, Microsoft's printf rules (%s / %S in
 * wide and narrow functions, sizes, truncation of each counted form),
 * strsafe (truncation and exact fit of each StringCb* / StringCch*
 * function, sizes 0 and past STRSAFE_MAX_CCH, NULL arguments), code-page
 * conversion (size queries, surrogate pairs, ill-formed input, flags),
 * lstr*, tracing, critical sections, and the configuration-only API that
 * must fail.
 *
 * Built like a Windows-style source: -fshort-wchar and the win32 include
 * directory first, so every wcs* name here is the layer's.
 */
#include "config.h"

#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>

#include <windows.h>
#include <strsafe.h>
#include <rtutils.h>
#include <lmcons.h>
#include <tchar.h>
#include <wchar.h>

/* UTF-8 copy of a UTF-16 string for messages (a few rotating buffers). */
static const char *u8(const WCHAR *w)
{
    static char bufs[4][512];
    static int next;
    char *b = bufs[next++ % 4];

    if (!w)
        return "(NULL)";
    if (WideCharToMultiByte(CP_UTF8, 0, w, -1, b, sizeof(bufs[0]), NULL, NULL) == 0)
        strcpy(b, "(unconvertible)");
    return b;
}

#define ck_assert_wstr_eq(a, b)                                                      \
    do {                                                                             \
        const WCHAR *a_ = (a), *b_ = (b);                                            \
        ck_assert_msg(a_ && b_ && wcscmp(a_, b_) == 0, "%s: \"%s\" != \"%s\"", #a,    \
                      u8(a_), u8(b_));                                               \
    } while (0)

/* ---- types, macros, constants ----------------------------------------------------- */

START_TEST(test_types_and_macros)
{
    int unused = 1;

    UNREFERENCED_PARAMETER(unused);
    ck_assert_uint_eq(sizeof(WCHAR), 2);
    ck_assert_uint_eq(sizeof(wchar_t), 2);
    ck_assert_uint_eq(sizeof(LONG), 4);
    ck_assert_uint_eq(sizeof(ULONG), 4);
    ck_assert_uint_eq(sizeof(HRESULT), 4);
    ck_assert_uint_eq(sizeof(SIZE_T), sizeof(void *));
    ck_assert_uint_eq(sizeof(LONGLONG), 8);
    ck_assert_uint_eq(sizeof(LARGE_INTEGER), 8);
    {
        LARGE_INTEGER li;

        li.QuadPart = 0x100000002LL;
        ck_assert_uint_eq(li.LowPart, 2);
        ck_assert_int_eq(li.HighPart, 1);
        ck_assert_uint_eq(li.u.LowPart, 2);
    }
    ck_assert_uint_eq(MAX_PATH, 260);
    ck_assert_uint_eq(UNLEN, 256);
    ck_assert_uint_eq(PWLEN, 256);
    ck_assert_uint_eq(DNLEN, 15);
    ck_assert_int_eq(DLL_PROCESS_ATTACH, 1);
    ck_assert_int_eq(DLL_PROCESS_DETACH, 0);
    ck_assert(SUCCEEDED(S_OK) && SUCCEEDED(S_FALSE));
    ck_assert(FAILED(E_FAIL) && FAILED(E_OUTOFMEMORY) && FAILED(E_INVALIDARG));
    ck_assert_int_eq(E_FAIL, (HRESULT)0x80004005);
    ck_assert_int_eq(E_OUTOFMEMORY, (HRESULT)0x8007000E);
    ck_assert_int_eq(E_INVALIDARG, (HRESULT)0x80070057);
    ck_assert_int_eq(HRESULT_FROM_WIN32(ERROR_SUCCESS), S_OK);
    ck_assert_int_eq(HRESULT_FROM_WIN32(ERROR_OUTOFMEMORY), E_OUTOFMEMORY);
    ck_assert_int_eq(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER), E_INVALIDARG);
    ck_assert_int_eq(HRESULT_FROM_WIN32((DWORD)0x80420011), (HRESULT)0x80420011);
    ck_assert_int_eq(HRESULT_CODE(E_INVALIDARG), ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(HRESULT_FACILITY(E_INVALIDARG), FACILITY_WIN32);
    ck_assert_uint_eq(ERROR_SUCCESS, 0);
    ck_assert_uint_eq(ERROR_FILE_NOT_FOUND, 2);
    ck_assert_uint_eq(ERROR_INVALID_HANDLE, 6);
    ck_assert_uint_eq(ERROR_NOT_ENOUGH_MEMORY, 8);
    ck_assert_uint_eq(ERROR_INVALID_DATA, 13);
    ck_assert_uint_eq(ERROR_OUTOFMEMORY, 14);
    ck_assert_uint_eq(ERROR_NOT_SUPPORTED, 50);
    ck_assert_uint_eq(ERROR_INVALID_PARAMETER, 87);
    ck_assert_uint_eq(ERROR_INSUFFICIENT_BUFFER, 122);
    ck_assert_uint_eq(ERROR_BAD_ARGUMENTS, 160);
    ck_assert_uint_eq(ERROR_NO_MORE_ITEMS, 259);
    ck_assert_uint_eq(ERROR_CANCELLED, 1223);
    ck_assert_uint_eq(ERROR_INTERNAL_ERROR, 1359);
    ck_assert_uint_eq(ERROR_INVALID_STATE, 5023);
    ck_assert_uint_eq(MAKEWORD(0x34, 0x12), 0x1234);
    ck_assert_uint_eq(LOWORD(0x12345678), 0x5678);
    ck_assert_uint_eq(HIWORD(0x12345678), 0x1234);
    ck_assert_uint_eq(LOBYTE(0x1234), 0x34);
    ck_assert_uint_eq(HIBYTE(0x1234), 0x12);
    ck_assert_uint_eq(min(3, 4), 3);
    ck_assert_uint_eq(max(3, 4), 4);
    ck_assert_uint_eq(ARRAYSIZE(L"abc"), 4);
    ck_assert_uint_eq(_countof(L"abcd"), 5);
    ck_assert_uint_eq(sizeof(TEXT("x")[0]), 1);     /* no UNICODE here */
    ck_assert_uint_eq(sizeof(_T("x")[0]), 1);
}
END_TEST

/* __declspec and calling conventions compile away. */
__declspec(noinline) static int __stdcall callee(int x)
{
    return x + 1;
}

START_TEST(test_keywords)
{
    __declspec(align(16)) char aligned[16];
    unsigned __int64 big = 1ULL << 40;
    __int32 small = -1;

    ck_assert_int_eq(callee(1), 2);
    ck_assert_uint_eq((uintptr_t)aligned % 16, 0);
    ck_assert_uint_eq(big >> 40, 1);
    ck_assert_int_eq(small, -1);
    ck_assert_uint_eq(sizeof(__int64), 8);
}
END_TEST

/* ---- heaps --------------------------------------------------------------------------- */

START_TEST(test_heap_alloc_zeroing)
{
    HANDLE h = HeapCreate(0, 0, 0);
    BYTE *p;
    size_t i;
    int round;

    ck_assert_ptr_nonnull(h);
    /* Dirty memory, free it, then ask for zeroed memory of the same size:
     * malloc may well hand the dirty block back. */
    for (round = 0; round < 8; round++) {
        p = HeapAlloc(h, 0, 256);
        ck_assert_ptr_nonnull(p);
        memset(p, 0xA5, 256);
        ck_assert(HeapFree(h, 0, p));
        p = HeapAlloc(h, HEAP_ZERO_MEMORY, 256);
        ck_assert_ptr_nonnull(p);
        for (i = 0; i < 256; i++)
            ck_assert_uint_eq(p[i], 0);
        ck_assert(HeapFree(h, 0, p));
    }
    ck_assert(HeapDestroy(h));
}
END_TEST

START_TEST(test_heap_edges)
{
    HANDLE h = HeapCreate(HEAP_NO_SERIALIZE, 4096, 0), other = HeapCreate(0, 0, 0);
    BYTE *a, *b, *c;

    ck_assert_ptr_nonnull(h);
    ck_assert_ptr_nonnull(other);
    /* Size 0: a valid, unique block. */
    a = HeapAlloc(h, 0, 0);
    b = HeapAlloc(h, 0, 0);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_ne(a, b);
    ck_assert_uint_eq(HeapSize(h, 0, a), 0);
    /* HeapFree(NULL) succeeds and does nothing. */
    ck_assert(HeapFree(h, 0, NULL));
    /* A block of another heap is refused. */
    SetLastError(0);
    ck_assert(!HeapFree(other, 0, a));
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(HeapReAlloc(other, 0, a, 10));
    ck_assert_uint_eq(HeapSize(other, 0, a), (SIZE_T)-1);
    /* Bad heap handles. */
    SetLastError(0);
    ck_assert_ptr_null(HeapAlloc(NULL, 0, 8));
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert(!HeapFree(NULL, 0, a));
    ck_assert(!HeapDestroy(NULL));
    /* HeapReAlloc: NULL refused; growth zeroed with HEAP_ZERO_MEMORY. */
    ck_assert_ptr_null(HeapReAlloc(h, 0, NULL, 8));
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    c = HeapAlloc(h, 0, 4);
    memcpy(c, "abcd", 4);
    c = HeapReAlloc(h, HEAP_ZERO_MEMORY, c, 4096);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(memcmp(c, "abcd", 4), 0);
    ck_assert_uint_eq(c[4], 0);
    ck_assert_uint_eq(c[4095], 0);
    ck_assert_uint_eq(HeapSize(h, 0, c), 4096);
    /* In place only: shrinking works, growing does not. */
    ck_assert_ptr_eq(HeapReAlloc(h, HEAP_REALLOC_IN_PLACE_ONLY, c, 16), c);
    ck_assert_uint_eq(HeapSize(h, 0, c), 16);
    ck_assert_ptr_null(HeapReAlloc(h, HEAP_REALLOC_IN_PLACE_ONLY, c, 17));
    ck_assert_uint_eq(HeapSize(h, 0, c), 16);
    /* Huge requests fail cleanly. */
    ck_assert_ptr_null(HeapAlloc(h, 0, (SIZE_T)-1));
    ck_assert_uint_eq(GetLastError(), ERROR_NOT_ENOUGH_MEMORY);
    ck_assert(HeapFree(h, 0, b));
    /* HeapDestroy releases what is left (a, c): valgrind sees no leak. */
    ck_assert(HeapDestroy(h));
    ck_assert(HeapDestroy(other));
}
END_TEST

START_TEST(test_heap_fixed_size)
{
    BYTE *a, *b;
    HANDLE h;

    ck_assert_ptr_null(HeapCreate(0, 200, 100));
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    h = HeapCreate(0, 0, 100);
    ck_assert_ptr_nonnull(h);
    a = HeapAlloc(h, 0, 60);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_null(HeapAlloc(h, 0, 60));
    ck_assert_ptr_null(HeapReAlloc(h, 0, a, 101));
    a = HeapReAlloc(h, 0, a, 100);
    ck_assert_ptr_nonnull(a);
    a = HeapReAlloc(h, 0, a, 40);
    ck_assert_ptr_nonnull(a);
    b = HeapAlloc(h, 0, 60);
    ck_assert_ptr_nonnull(b);
    ck_assert(HeapFree(h, 0, a));
    ck_assert(HeapFree(h, 0, b));
    ck_assert(HeapDestroy(h));
}
END_TEST

START_TEST(test_process_heap_and_local)
{
    HANDLE ph = GetProcessHeap(), priv = HeapCreate(0, 0, 0);
    BYTE *p;
    HLOCAL l;

    ck_assert_ptr_nonnull(ph);
    ck_assert_ptr_eq(ph, GetProcessHeap());
    ck_assert(!HeapDestroy(ph));
    p = HeapAlloc(ph, HEAP_ZERO_MEMORY, 10);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(p[9], 0);
    ck_assert(HeapFree(ph, 0, p));

    l = LocalAlloc(LPTR, 32);
    ck_assert_ptr_nonnull(l);
    ck_assert_uint_eq(((BYTE *)l)[31], 0);
    ck_assert_uint_eq(LocalSize(l), 32);
    ck_assert_ptr_eq(LocalLock(l), l);
    ck_assert(!LocalUnlock(l));
    ck_assert_uint_eq(GetLastError(), NO_ERROR);
    l = LocalReAlloc(l, 64, LMEM_ZEROINIT);
    ck_assert_ptr_nonnull(l);
    ck_assert_uint_eq(((BYTE *)l)[63], 0);
    ck_assert_ptr_eq(LocalReAlloc(l, 1, LMEM_MODIFY), l);
    ck_assert_ptr_null(LocalFree(l));
    ck_assert_ptr_null(LocalFree(NULL));
    /* Memory that is not LocalAlloc's is handed back. */
    p = HeapAlloc(priv, 0, 8);
    ck_assert_ptr_eq(LocalFree(p), p);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert(HeapDestroy(priv));
}
END_TEST

START_TEST(test_cotaskmem_and_memory_macros)
{
    BYTE buf[16];
    void *p = CoTaskMemAlloc(0);

    ck_assert_ptr_nonnull(p);
    p = CoTaskMemRealloc(p, 100);
    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_null(CoTaskMemRealloc(p, 0));     /* freed */
    p = CoTaskMemRealloc(NULL, 8);
    ck_assert_ptr_nonnull(p);
    CoTaskMemFree(p);
    CoTaskMemFree(NULL);

    FillMemory(buf, sizeof(buf), 0x5A);
    ck_assert_uint_eq(buf[15], 0x5A);
    CopyMemory(buf, "0123456789", 10);
    MoveMemory(buf + 2, buf, 8);
    ck_assert_int_eq(memcmp(buf, "0101234567", 10), 0);
    ZeroMemory(buf, 4);
    ck_assert_uint_eq(buf[3], 0);
    ck_assert_uint_eq(buf[4], '2');
    ck_assert_ptr_eq(SecureZeroMemory(buf, sizeof(buf)), buf);
    ck_assert_uint_eq(buf[15], 0);
    ck_assert_ptr_eq(SecureZeroMemory(buf, 0), buf);
    ck_assert(RtlEqualMemory(buf, buf + 8, 8));
}
END_TEST

/* ---- last error ------------------------------------------------------------------------ */

static void *set_error_in_thread(void *arg)
{
    DWORD *seen = arg;

    seen[0] = GetLastError();           /* a new thread starts at 0 */
    SetLastError(ERROR_CANCELLED);
    seen[1] = GetLastError();
    return NULL;
}

START_TEST(test_last_error_per_thread)
{
    pthread_t t;
    DWORD seen[2] = { 99, 99 };

    SetLastError(ERROR_INVALID_DATA);
    ck_assert_int_eq(pthread_create(&t, NULL, set_error_in_thread, seen), 0);
    ck_assert_int_eq(pthread_join(t, NULL), 0);
    ck_assert_uint_eq(seen[0], ERROR_SUCCESS);
    ck_assert_uint_eq(seen[1], ERROR_CANCELLED);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_DATA);
}
END_TEST

/* ---- wide strings -------------------------------------------------------------------- */

START_TEST(test_wide_strings)
{
    WCHAR buf[32], *p, *ctx = NULL, *dup;

    ck_assert_uint_eq(wcslen(L""), 0);
    ck_assert_uint_eq(wcslen(L"abc"), 3);
    ck_assert_uint_eq(wcslen(L"\U0001D11E"), 2);        /* a surrogate pair */
    ck_assert_uint_eq(wcsnlen(L"abc", 0), 0);
    ck_assert_uint_eq(wcsnlen(L"abc", 2), 2);
    ck_assert_uint_eq(wcsnlen(L"abc", 10), 3);
    ck_assert_ptr_eq(wcscpy(buf, L"Hello"), buf);
    ck_assert_wstr_eq(buf, L"Hello");
    ck_assert_ptr_eq(wcscat(buf, L" World"), buf);
    ck_assert_wstr_eq(buf, L"Hello World");
    ck_assert_ptr_eq(wcsncat(buf, L"!!!", 1), buf);
    ck_assert_wstr_eq(buf, L"Hello World!");
    /* wcsncpy pads with NULs, and leaves no NUL when the source is long. */
    wmemset(buf, L'#', 8);
    wcsncpy(buf, L"ab", 5);
    ck_assert(buf[0] == L'a' && buf[2] == 0 && buf[4] == 0 && buf[5] == L'#');
    wcsncpy(buf, L"abcdef", 3);
    ck_assert(buf[2] == L'c' && buf[3] == 0);
    wcsncpy(buf, L"xyz", 0);
    ck_assert(buf[0] == L'a');
    /* Comparison by unsigned unit value. */
    ck_assert_int_eq(wcscmp(L"", L""), 0);
    ck_assert_int_lt(wcscmp(L"abc", L"abd"), 0);
    ck_assert_int_gt(wcscmp(L"\xFFFF", L"a"), 0);
    ck_assert_int_lt(wcscmp(L"ab", L"abc"), 0);
    ck_assert_int_eq(wcsncmp(L"abcx", L"abcy", 3), 0);
    ck_assert_int_lt(wcsncmp(L"abcx", L"abcy", 4), 0);
    ck_assert_int_eq(wcsncmp(L"a", L"b", 0), 0);
    ck_assert_int_eq(_wcsicmp(L"HeLLo", L"hello"), 0);
    ck_assert_int_lt(_wcsicmp(L"a", L"B"), 0);
    ck_assert_int_ne(_wcsicmp(L"\x00C4", L"\x00E4"), 0);   /* only ASCII folds */
    ck_assert_int_eq(_wcsnicmp(L"ABCx", L"abcy", 3), 0);
    ck_assert_int_eq(wcsicmp(L"X", L"x"), 0);
    /* Search. */
    wcscpy(buf, L"a/b/c");
    ck_assert_ptr_eq(wcschr(buf, L'/'), buf + 1);
    ck_assert_ptr_eq(wcsrchr(buf, L'/'), buf + 3);
    ck_assert_ptr_eq(wcschr(buf, 0), buf + 5);
    ck_assert_ptr_null(wcschr(buf, L'z'));
    ck_assert_ptr_null(wcsrchr(buf, L'z'));
    ck_assert_ptr_eq(wcsstr(buf, L"b/c"), buf + 2);
    ck_assert_ptr_eq(wcsstr(buf, L""), buf);
    ck_assert_ptr_null(wcsstr(buf, L"c/"));
    ck_assert_ptr_eq(wcspbrk(buf, L"cb"), buf + 2);
    ck_assert_uint_eq(wcsspn(L"aab", L"a"), 2);
    ck_assert_uint_eq(wcscspn(L"aab", L"b"), 2);
    /* Tokens. */
    wcscpy(buf, L" one,,two ");
    p = wcstok(buf, L" ,", &ctx);
    ck_assert_wstr_eq(p, L"one");
    p = wcstok(NULL, L" ,", &ctx);
    ck_assert_wstr_eq(p, L"two");
    ck_assert_ptr_null(wcstok(NULL, L" ,", &ctx));
    wcscpy(buf, L"x;y");
    ck_assert_wstr_eq(_wcstok(buf, L";"), L"x");
    ck_assert_wstr_eq(_wcstok(NULL, L";"), L"y");
    ck_assert_ptr_null(_wcstok(NULL, L";"));
    /* Copies and case. */
    dup = _wcsdup(L"Dup\xD834\xDD1E");
    ck_assert_ptr_nonnull(dup);
    ck_assert_wstr_eq(dup, L"Dup\xD834\xDD1E");
    ck_assert_wstr_eq(_wcsupr(dup), L"DUP\xD834\xDD1E");
    ck_assert_wstr_eq(_wcslwr(dup), L"dup\xD834\xDD1E");
    free(dup);
    ck_assert_ptr_null(_wcsdup(NULL));
    /* wmem*. */
    ck_assert_ptr_eq(wmemcpy(buf, L"12345", 5), buf);
    ck_assert_ptr_eq(wmemmove(buf + 1, buf, 4), buf + 1);
    ck_assert_int_eq(wmemcmp(buf, L"11234", 5), 0);
    ck_assert_int_lt(wmemcmp(L"a\x8000", L"a\x8001", 2), 0);
    ck_assert_ptr_eq(wmemchr(buf, L'3', 5), buf + 3);
    ck_assert_ptr_null(wmemchr(buf, L'9', 5));
    ck_assert_ptr_eq(wmemcpy(buf, NULL, 0), buf);
}
END_TEST

START_TEST(test_wide_secure_crt)
{
    WCHAR buf[4];

    ck_assert_int_eq(wcscpy_s(buf, 4, L"abc"), 0);
    ck_assert_wstr_eq(buf, L"abc");
    ck_assert_int_eq(wcscpy_s(buf, 4, L"abcd"), ERANGE);
    ck_assert_uint_eq(buf[0], 0);
    ck_assert_int_eq(wcscpy_s(NULL, 4, L"a"), EINVAL);
    ck_assert_int_eq(wcscpy_s(buf, 0, L"a"), EINVAL);
    ck_assert_int_eq(wcscpy_s(buf, 4, NULL), EINVAL);
    ck_assert_int_eq(wcsncpy_s(buf, 4, L"abcdef", _TRUNCATE), STRUNCATE);
    ck_assert_wstr_eq(buf, L"abc");
    ck_assert_int_eq(wcsncpy_s(buf, 4, L"abcdef", 2), 0);
    ck_assert_wstr_eq(buf, L"ab");
    ck_assert_int_eq(wcscat_s(buf, 4, L"c"), 0);
    ck_assert_wstr_eq(buf, L"abc");
    ck_assert_int_eq(wcscat_s(buf, 4, L"d"), ERANGE);
    ck_assert_uint_eq(buf[0], 0);
}
END_TEST

START_TEST(test_wide_numbers)
{
    WCHAR buf[40], *end;

    errno = 0;
    ck_assert_uint_eq(wcstoul(L"  42", &end, 10), 42);
    ck_assert_uint_eq(*end, 0);
    ck_assert_uint_eq(wcstoul(L"0x1F", &end, 0), 31);
    ck_assert_uint_eq(wcstoul(L"0x1F", &end, 16), 31);
    ck_assert_uint_eq(wcstoul(L"017", &end, 0), 15);
    ck_assert_uint_eq(wcstoul(L"0xg", &end, 0), 0);
    ck_assert_uint_eq(*end, L'x');
    ck_assert_uint_eq(wcstoul(L"zz", &end, 36), 36 * 35 + 35);
    ck_assert_uint_eq(wcstoul(L"4294967295", NULL, 10), 0xFFFFFFFFu);
    ck_assert_int_eq(errno, 0);
    ck_assert_uint_eq(wcstoul(L"-1", NULL, 10), 0xFFFFFFFFu);
    ck_assert_uint_eq(wcstoul(L"4294967296", NULL, 10), 0xFFFFFFFFu);
    ck_assert_int_eq(errno, ERANGE);
    errno = 0;
    wcscpy(buf, L"abc");
    ck_assert_uint_eq(wcstoul(buf, &end, 10), 0);
    ck_assert_ptr_eq(end, buf);
    ck_assert_uint_eq(wcstoul(buf, &end, 1), 0);
    ck_assert_int_eq(errno, EINVAL);
    errno = 0;
    ck_assert_int_eq(wcstol(L"2147483647", NULL, 10), 2147483647L);
    ck_assert_int_eq(wcstol(L"-2147483648", NULL, 10), -2147483647L - 1);
    ck_assert_int_eq(errno, 0);
    ck_assert_int_eq(wcstol(L"2147483648", NULL, 10), 2147483647L);
    ck_assert_int_eq(errno, ERANGE);
    errno = 0;
    ck_assert_int_eq(wcstol(L"-2147483649", NULL, 10), -2147483647L - 1);
    ck_assert_int_eq(errno, ERANGE);
    ck_assert(wcstoll(L"-9223372036854775808", NULL, 10) == INT64_MIN);
    ck_assert(wcstoull(L"18446744073709551615", NULL, 10) == UINT64_MAX);
    ck_assert(_wcstoui64(L"18446744073709551616", NULL, 10) == UINT64_MAX);
    ck_assert(_wcstoi64(L"7", NULL, 10) == 7);
    ck_assert(wcstod(L" 3.5e2xyz", &end) == 350.0);
    ck_assert_uint_eq(*end, L'x');
    ck_assert(wcstof(L"0.5", NULL) == 0.5f);
    ck_assert(wcstold(L"-2", NULL) == -2.0L);
    wcscpy(buf, L"\x00E9");
    ck_assert(wcstod(buf, &end) == 0.0 && end == buf);
    ck_assert_int_eq(_wtoi(L"-12"), -12);
    ck_assert_int_eq(_wtol(L"12"), 12);
    ck_assert(_wtoi64(L"123456789012") == 123456789012LL);
    ck_assert(_wtof(L"1.25") == 1.25);
    ck_assert_wstr_eq(_itow(-42, buf, 10), L"-42");
    ck_assert_wstr_eq(_itow(-1, buf, 16), L"ffffffff");
    ck_assert_wstr_eq(_itow(0, buf, 2), L"0");
    ck_assert_wstr_eq(_ltow(255, buf, 2), L"11111111");
    ck_assert_wstr_eq(_ultow(0xFFFFFFFFul, buf, 10), L"4294967295");
}
END_TEST

/* ---- formatted output -------------------------------------------------------------- */

static WCHAR wbuf[256];
static char nbuf[256];

/* Format into wbuf; returns the result of swprintf. */
static int wfmt(const WCHAR *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vswprintf(wbuf, ARRAYSIZE(wbuf), fmt, ap);
    va_end(ap);
    return n;
}

START_TEST(test_wide_printf_strings)
{
    /* Microsoft's rules: in wide functions %s is wide and %S narrow. */
    ck_assert_int_eq(wfmt(L"%s|%S", L"wide", "narrow"), 11);
    ck_assert_wstr_eq(wbuf, L"wide|narrow");
    ck_assert_int_eq(wfmt(L"%ls|%hs|%ws|%hS|%lS", L"a", "b", L"c", "d", L"e"), 9);
    ck_assert_wstr_eq(wbuf, L"a|b|c|d|e");
    ck_assert_int_eq(wfmt(L"%c%C%lc%hc%wc", L'x', 'y', L'\x00E9', 'z', L'w'), 5);
    ck_assert_wstr_eq(wbuf, L"xy\x00E9zw");
    /* Narrow strings are UTF-8: decoded into UTF-16, pairs included. */
    ck_assert_int_eq(wfmt(L"%S", "\xC3\xA9\xF0\x9D\x84\x9E"), 3);
    ck_assert_wstr_eq(wbuf, L"\x00E9\xD834\xDD1E");
    ck_assert_int_eq(wfmt(L"[%S]", "a\xFF" "b"), 5);        /* ill-formed: U+FFFD */
    ck_assert_wstr_eq(wbuf, L"[a\xFFFD" L"b]");
    ck_assert_int_eq(wfmt(L"%C", 0xE9), 1);                  /* a lone byte >= 0x80 */
    ck_assert_wstr_eq(wbuf, L"\xFFFD");
    /* Wide strings are copied as they are, unpaired surrogates too. */
    ck_assert_int_eq(wfmt(L"%s", L"\xD800x"), 2);
    ck_assert_uint_eq(wbuf[0], 0xD800);
    /* NULL strings. */
    ck_assert_int_eq(wfmt(L"%s/%S", (WCHAR *)NULL, (char *)NULL), 13);
    ck_assert_wstr_eq(wbuf, L"(null)/(null)");
    /* Width, precision, alignment (Microsoft pads strings with 0 too). */
    wfmt(L"[%5s][%-5s][%.2s][%05s][%*s][%-*s][%.*s]", L"ab", L"ab", L"abc", L"ab", 3,
         L"a", -3, L"a", -1, L"all");
    ck_assert_wstr_eq(wbuf, L"[   ab][ab   ][ab][000ab][  a][a  ][all]");
    /* Precision counts output units and never splits a character. */
    wfmt(L"[%.1S][%.2S][%4S]", "\xF0\x9D\x84\x9E", "\xF0\x9D\x84\x9E", "\xC3\xA9");
    ck_assert_wstr_eq(wbuf, L"[][\xD834\xDD1E][   \x00E9]");
}
END_TEST

START_TEST(test_wide_printf_numbers)
{
    int64_t i64 = INT64_MIN;
    DWORD dw = 0xFFFFFFFFu;
    LONG l = -1;

    wfmt(L"%d %i %u %x %X %o", -5, 7, 3000000000u, 255, 255, 8);
    ck_assert_wstr_eq(wbuf, L"-5 7 3000000000 ff FF 10");
    /* l is 32 bits, as for a LONG or DWORD on Windows. */
    wfmt(L"%ld %lu %lx", l, dw, dw);
    ck_assert_wstr_eq(wbuf, L"-1 4294967295 ffffffff");
    wfmt(L"%lld %I64d %I64u %llx", (long long)i64, i64, (unsigned long long)UINT64_MAX,
         0x1234567890ULL);
    ck_assert_wstr_eq(wbuf, L"-9223372036854775808 -9223372036854775808 "
                            L"18446744073709551615 1234567890");
    wfmt(L"%I32d %Iu %zu %Id %td %jd", -3, (size_t)SIZE_MAX, (size_t)5, (ptrdiff_t)-6,
         (ptrdiff_t)7, (intmax_t)-8);
    ck_assert(wbuf[0] == L'-');
    ck_assert_ptr_nonnull(wcsstr(wbuf, L" 5 -6 7 -8"));
    wfmt(L"%hd %hu %hhd %hhu", (short)-1, 65535 + 2, -129, 256 + 7);
    ck_assert_wstr_eq(wbuf, L"-1 1 127 7");
    wfmt(L"[%05d][%-5d][%+d][% d][%+d][%.3d][%.0d][%5.3d][%#x][%#o][%#x][%#o]", 42, 42, 42,
         42, -42, 7, 0, 7, 255, 8, 0, 0);
    ck_assert_wstr_eq(wbuf, L"[00042][42   ][+42][ 42][-42][007][][  007][0xff][010][0][0]");
    wfmt(L"[%*d][%-*d][%0*d]", 4, 1, 4, 2, 4, -3);
    ck_assert_wstr_eq(wbuf, L"[   1][2   ][-003]");
    wfmt(L"%p", (void *)0x12AB);
    ck_assert_uint_eq(wcslen(wbuf), 2 * sizeof(void *));
    ck_assert_ptr_nonnull(wcsstr(wbuf, L"12AB"));
    ck_assert_uint_eq(wbuf[0], L'0');
    wfmt(L"%%|%5.1f|%e|%g|%.2E|%Lg", 3.14159, 1.5, 0.0001, 12345.678, (long double)2.5);
    ck_assert_wstr_eq(wbuf, L"%|  3.1|1.500000e+00|0.0001|1.23E+04|2.5");
    /* %n and unknown conversions are refused. */
    {
        int n = 0;

        ck_assert_int_eq(wfmt(L"ab%n", &n), -1);
        ck_assert_int_eq(n, 0);
    }
    ck_assert_int_eq(wfmt(L"%y"), -1);
    ck_assert_int_eq(wfmt(L"trailing %"), -1);
    ck_assert_int_eq(wfmt(L"%Z", NULL), -1);
}
END_TEST

START_TEST(test_wide_printf_counted_forms)
{
    WCHAR b[6];

    /* swprintf (ISO form): always terminated, -1 when it does not fit. */
    ck_assert_int_eq(swprintf(b, 6, L"%s", L"abcdef"), -1);
    ck_assert_wstr_eq(b, L"abcde");
    ck_assert_int_eq(swprintf(b, 6, L"%s", L"abcde"), 5);       /* exact fit */
    ck_assert_wstr_eq(b, L"abcde");
    ck_assert_int_eq(swprintf(b, 1, L"%s", L"a"), -1);
    ck_assert_uint_eq(b[0], 0);
    ck_assert_int_eq(swprintf(b, 1, L""), 0);
    wmemset(b, L'#', 6);
    ck_assert_int_eq(swprintf(b, 0, L"x"), -1);
    ck_assert_uint_eq(b[0], L'#');                              /* untouched */
    ck_assert_int_eq(swprintf(NULL, 0, L"x"), -1);
    ck_assert_int_eq(swprintf(NULL, 5, L"x"), -1);
    ck_assert_int_eq(swprintf(b, 6, NULL), -1);

    /* _snwprintf (legacy): NUL only when shorter than count. */
    wmemset(b, L'#', 6);
    ck_assert_int_eq(_snwprintf(b, 6, L"%s", L"abc"), 3);
    ck_assert_wstr_eq(b, L"abc");
    wmemset(b, L'#', 6);
    ck_assert_int_eq(_snwprintf(b, 5, L"%s", L"abcde"), 5);     /* == count: no NUL */
    ck_assert(b[4] == L'e' && b[5] == L'#');
    wmemset(b, L'#', 6);
    ck_assert_int_eq(_snwprintf(b, 3, L"%s", L"abcde"), -1);    /* > count: cut, no NUL */
    ck_assert(b[2] == L'c' && b[3] == L'#');
    ck_assert_int_eq(_snwprintf(NULL, 0, L"%d", 12345), 5);     /* size query */
    ck_assert_int_eq(_snwprintf(NULL, 3, L"%d", 1), -1);
    ck_assert_int_eq(_scwprintf(L"%s%S", L"ab", "cd"), 4);

    /* Secure forms. */
    ck_assert_int_eq(swprintf_s(b, 6, L"%d", 12345), 5);
    ck_assert_wstr_eq(b, L"12345");
    ck_assert_int_eq(swprintf_s(b, 6, L"%d", 123456), -1);
    ck_assert_uint_eq(b[0], 0);
    ck_assert_int_eq(swprintf_s(b, 0, L"x"), -1);
    ck_assert_int_eq(_snwprintf_s(b, 6, _TRUNCATE, L"%s", L"abcdefgh"), -1);
    ck_assert_wstr_eq(b, L"abcde");
    ck_assert_int_eq(_snwprintf_s(b, 6, 2, L"%s", L"abcdefgh"), -1);
    ck_assert_wstr_eq(b, L"ab");
    ck_assert_int_eq(_snwprintf_s(b, 6, 5, L"%s", L"abc"), 3);
    ck_assert_wstr_eq(b, L"abc");
    ck_assert_int_eq(_snwprintf_s(b, 3, 5, L"%s", L"abcdef"), -1);
    ck_assert_uint_eq(b[0], 0);
}
END_TEST

START_TEST(test_narrow_printf_ms_rules)
{
    char b[8];

    /* In narrow functions %s is narrow and %S wide (written as UTF-8). */
    ck_assert_int_eq(_snprintf(nbuf, sizeof(nbuf), "%s|%S|%ls|%hs|%C", "n", L"w\x00E9",
                               L"x", "y", L'\x20AC'), 13);
    ck_assert_str_eq(nbuf, "n|w\xC3\xA9|x|y|\xE2\x82\xAC");
    ck_assert_int_eq(_snprintf(nbuf, sizeof(nbuf), "%S", L"\xD834\xDD1E\xDC00"), 7);
    ck_assert_str_eq(nbuf, "\xF0\x9D\x84\x9E\xEF\xBF\xBD");
    ck_assert_int_eq(_snprintf(nbuf, sizeof(nbuf), "%ld|%lu", (LONG)-1, (DWORD)0xFFFFFFFF),
                     13);
    ck_assert_str_eq(nbuf, "-1|4294967295");
    ck_assert_int_eq(_snprintf(b, sizeof(b), "%s", "12345678"), 8);
    ck_assert_int_eq(memcmp(b, "12345678", 8), 0);
    ck_assert_int_eq(_snprintf(b, sizeof(b), "%s", "123456789"), -1);
    ck_assert_int_eq(_scprintf("%S", L"\x00E9"), 2);
    ck_assert_int_eq(wsprintfA(nbuf, "%s-%d", "a", 1), 3);
    ck_assert_str_eq(nbuf, "a-1");
}
END_TEST

START_TEST(test_wsprintf_limit)
{
    static WCHAR out[2048];
    static WCHAR big[2000];

    wmemset(big, L'x', 1999);
    big[1999] = 0;
    ck_assert_int_eq(wsprintfW(out, L"%s", big), 1023);
    ck_assert_uint_eq(wcslen(out), 1023);
    ck_assert_int_eq(wsprintfW(out, L"%d%s", 7, L"!"), 2);
    ck_assert_wstr_eq(out, L"7!");
    ck_assert_int_eq(wsprintfW(NULL, L"x"), -1);
}
END_TEST

START_TEST(test_wprintf_to_stream)
{
    FILE *f = tmpfile();
    char text[64] = { 0 };

    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fwprintf(f, L"%s=%S\n", L"\x00E9t\x00E9", "x"), 6);
    rewind(f);
    ck_assert_ptr_nonnull(fgets(text, sizeof(text), f));
    ck_assert_str_eq(text, "\xC3\xA9t\xC3\xA9=x\n");
    fclose(f);
    ck_assert_int_eq(fwprintf(NULL, L"x"), -1);
}
END_TEST

/* ---- strsafe ----------------------------------------------------------------------------- */

static HRESULT vprintf_w(WCHAR *dst, size_t cch, const WCHAR *fmt, ...)
{
    va_list ap;
    HRESULT hr;

    va_start(ap, fmt);
    hr = StringCchVPrintfW(dst, cch, fmt, ap);
    va_end(ap);
    return hr;
}

static HRESULT vprintf_cb_a(char *dst, size_t cb, const char *fmt, ...)
{
    va_list ap;
    HRESULT hr;

    va_start(ap, fmt);
    hr = StringCbVPrintfA(dst, cb, fmt, ap);
    va_end(ap);
    return hr;
}

START_TEST(test_strsafe_copy)
{
    WCHAR w[4];
    char a[4];

    /* Exact fit and truncation, W. */
    ck_assert_int_eq(StringCchCopyW(w, 4, L"abc"), S_OK);
    ck_assert_wstr_eq(w, L"abc");
    ck_assert_int_eq(StringCchCopyW(w, 4, L"abcd"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_wstr_eq(w, L"abc");
    ck_assert_int_eq(StringCchCopyW(w, 1, L"a"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(w[0], 0);
    ck_assert_int_eq(StringCchCopyW(w, 1, L""), S_OK);
    ck_assert_int_eq(StringCbCopyW(w, sizeof(w), L"abc"), S_OK);
    ck_assert_int_eq(StringCbCopyW(w, sizeof(w), L"abcd"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_wstr_eq(w, L"abc");
    ck_assert_int_eq(StringCbCopyW(w, 5, L"abc"), STRSAFE_E_INSUFFICIENT_BUFFER); /* 2 chars */
    ck_assert_wstr_eq(w, L"a");
    /* Invalid sizes: 0 (untouched) and past STRSAFE_MAX_CCH (emptied). */
    w[0] = L'z';
    ck_assert_int_eq(StringCchCopyW(w, 0, L"a"), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(w[0], L'z');
    ck_assert_int_eq(StringCbCopyW(w, 1, L"a"), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(w[0], L'z');
    ck_assert_int_eq(StringCchCopyW(w, (size_t)STRSAFE_MAX_CCH + 1, L"a"),
                     STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(w[0], 0);
    /* NULL arguments. */
    w[0] = L'z';
    ck_assert_int_eq(StringCchCopyW(w, 4, NULL), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(w[0], 0);
    ck_assert_int_eq(StringCchCopyW(NULL, 4, L"a"), STRSAFE_E_INVALID_PARAMETER);
    /* A. */
    ck_assert_int_eq(StringCchCopyA(a, 4, "abc"), S_OK);
    ck_assert_str_eq(a, "abc");
    ck_assert_int_eq(StringCchCopyA(a, 4, "abcd"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(a, "abc");
    ck_assert_int_eq(StringCbCopyA(a, 4, "abc"), S_OK);
    ck_assert_int_eq(StringCbCopyA(a, 4, "abcd"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(a, "abc");
    ck_assert_int_eq(StringCbCopyA(a, 0, "a"), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(StringCchCopyA(a, 4, NULL), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_str_eq(a, "");
}
END_TEST

START_TEST(test_strsafe_copy_n)
{
    WCHAR w[4];
    char a[4];

    ck_assert_int_eq(StringCchCopyNW(w, 4, L"abcdef", 3), S_OK);       /* exact fit */
    ck_assert_wstr_eq(w, L"abc");
    ck_assert_int_eq(StringCchCopyNW(w, 4, L"abcdef", 4), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_wstr_eq(w, L"abc");
    ck_assert_int_eq(StringCchCopyNW(w, 4, L"ab", 10), S_OK);
    ck_assert_wstr_eq(w, L"ab");
    ck_assert_int_eq(StringCchCopyNW(w, 4, L"abc", 0), S_OK);
    ck_assert_wstr_eq(w, L"");
    ck_assert_int_eq(StringCbCopyNW(w, sizeof(w), L"abcdef", 6), S_OK);
    ck_assert_wstr_eq(w, L"abc");
    ck_assert_int_eq(StringCbCopyNW(w, sizeof(w), L"abcdef", 8), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_int_eq(StringCchCopyNW(w, 4, L"a", (size_t)STRSAFE_MAX_CCH),
                     STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(w[0], 0);
    ck_assert_int_eq(StringCchCopyNA(a, 4, "abcdef", 3), S_OK);
    ck_assert_str_eq(a, "abc");
    ck_assert_int_eq(StringCchCopyNA(a, 4, "abcdef", 4), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_int_eq(StringCbCopyNA(a, 4, "abcdef", 2), S_OK);
    ck_assert_str_eq(a, "ab");
    ck_assert_int_eq(StringCbCopyNA(a, 4, "abcdef", 5), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(a, "abc");
}
END_TEST

START_TEST(test_strsafe_cat)
{
    WCHAR w[6];
    char a[6];

    wcscpy(w, L"ab");
    ck_assert_int_eq(StringCchCatW(w, 6, L"cde"), S_OK);                /* exact fit */
    ck_assert_wstr_eq(w, L"abcde");
    ck_assert_int_eq(StringCchCatW(w, 6, L""), S_OK);
    ck_assert_int_eq(StringCchCatW(w, 6, L"f"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_wstr_eq(w, L"abcde");
    wcscpy(w, L"ab");
    ck_assert_int_eq(StringCchCatW(w, 6, L"cdefg"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_wstr_eq(w, L"abcde");
    wcscpy(w, L"ab");
    ck_assert_int_eq(StringCbCatW(w, sizeof(w), L"cde"), S_OK);
    ck_assert_int_eq(StringCbCatW(w, sizeof(w), L"x"), STRSAFE_E_INSUFFICIENT_BUFFER);
    /* A destination without a NUL in its size is refused and left alone. */
    wmemset(w, L'#', 6);
    ck_assert_int_eq(StringCchCatW(w, 6, L"a"), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(w[0], L'#');
    ck_assert_int_eq(StringCchCatW(w, 0, L"a"), STRSAFE_E_INVALID_PARAMETER);
    wcscpy(w, L"ab");
    ck_assert_int_eq(StringCchCatW(w, 6, NULL), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_wstr_eq(w, L"ab");
    /* CatN. */
    ck_assert_int_eq(StringCchCatNW(w, 6, L"cdefg", 3), S_OK);
    ck_assert_wstr_eq(w, L"abcde");
    wcscpy(w, L"ab");
    ck_assert_int_eq(StringCchCatNW(w, 6, L"cdefg", 4), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_wstr_eq(w, L"abcde");
    wcscpy(w, L"ab");
    ck_assert_int_eq(StringCbCatNW(w, sizeof(w), L"cdefg", 6), S_OK);
    ck_assert_wstr_eq(w, L"abcde");
    wcscpy(w, L"ab");
    ck_assert_int_eq(StringCchCatNW(w, 6, L"c", (size_t)STRSAFE_MAX_CCH),
                     STRSAFE_E_INVALID_PARAMETER);
    /* A. */
    strcpy(a, "ab");
    ck_assert_int_eq(StringCchCatA(a, 6, "cde"), S_OK);
    ck_assert_str_eq(a, "abcde");
    ck_assert_int_eq(StringCchCatA(a, 6, "f"), STRSAFE_E_INSUFFICIENT_BUFFER);
    strcpy(a, "ab");
    ck_assert_int_eq(StringCbCatA(a, 6, "cdef"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(a, "abcde");
    strcpy(a, "ab");
    ck_assert_int_eq(StringCchCatNA(a, 6, "cdef", 2), S_OK);
    ck_assert_str_eq(a, "abcd");
    ck_assert_int_eq(StringCbCatNA(a, 6, "efgh", 2), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(a, "abcde");
}
END_TEST

START_TEST(test_strsafe_length)
{
    size_t n = 99;

    ck_assert_int_eq(StringCchLengthW(L"abc", 4, &n), S_OK);           /* exact fit */
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(StringCchLengthW(L"abc", 3, &n), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(StringCchLengthW(L"abc", 0, &n), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(StringCchLengthW(NULL, 4, &n), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(StringCchLengthW(L"abc", (size_t)STRSAFE_MAX_CCH + 1, &n),
                     STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(StringCchLengthW(L"abc", STRSAFE_MAX_CCH, NULL), S_OK);
    ck_assert_int_eq(StringCbLengthW(L"abc", 8, &n), S_OK);
    ck_assert_uint_eq(n, 6);
    ck_assert_int_eq(StringCbLengthW(L"abc", 7, &n), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(StringCchLengthA("abc", 4, &n), S_OK);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(StringCchLengthA("abc", 3, &n), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(StringCbLengthA("abc", 4, &n), S_OK);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(StringCbLengthA(NULL, 4, &n), STRSAFE_E_INVALID_PARAMETER);
}
END_TEST

START_TEST(test_strsafe_printf)
{
    WCHAR w[6];
    char a[6];

    ck_assert_int_eq(StringCchPrintfW(w, 6, L"%s%S", L"ab", "cde"), S_OK);  /* exact fit */
    ck_assert_wstr_eq(w, L"abcde");
    ck_assert_int_eq(StringCchPrintfW(w, 6, L"%d", 123456), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_wstr_eq(w, L"12345");
    ck_assert_int_eq(StringCbPrintfW(w, sizeof(w), L"%lu", (DWORD)4000000000u),
                     STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_wstr_eq(w, L"40000");
    ck_assert_int_eq(StringCbPrintfW(w, 4, L"%s", L"a"), S_OK);            /* 2 chars */
    ck_assert_int_eq(StringCbPrintfW(w, 4, L"%s", L"ab"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_wstr_eq(w, L"a");
    ck_assert_int_eq(vprintf_w(w, 6, L"%S-%d", "x", 1), S_OK);
    ck_assert_wstr_eq(w, L"x-1");
    ck_assert_int_eq(vprintf_w(w, 3, L"%S-%d", "x", 1), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_wstr_eq(w, L"x-");
    w[0] = L'z';
    ck_assert_int_eq(StringCchPrintfW(w, 0, L"x"), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(w[0], L'z');
    ck_assert_int_eq(StringCchPrintfW(w, 6, NULL), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(w[0], 0);
    ck_assert_int_eq(StringCchPrintfW(w, 6, L"ab%n", NULL), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(StringCchPrintfA(a, 6, "%s%S", "ab", L"cde"), S_OK);
    ck_assert_str_eq(a, "abcde");
    ck_assert_int_eq(StringCchPrintfA(a, 6, "%d", -12345), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(a, "-1234");
    ck_assert_int_eq(StringCbPrintfA(a, 6, "%s", "abcdef"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(a, "abcde");
    ck_assert_int_eq(vprintf_cb_a(a, 6, "%u", 42u), S_OK);
    ck_assert_str_eq(a, "42");
}
END_TEST

/* ---- code pages -------------------------------------------------------------------------- */

START_TEST(test_multibyte_to_wide)
{
    WCHAR w[16];

    /* Size queries: -1 counts the NUL, an explicit length does not. */
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "h\xC3\xA9", -1, NULL, 0), 3);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "h\xC3\xA9", 3, NULL, 0), 2);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "\xF0\x9D\x84\x9E", 4, NULL, 0), 2);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "\xF0\x9D\x84\x9E", 4, w, 2), 2);
    ck_assert(w[0] == 0xD834 && w[1] == 0xDD1E);
    /* Too small: a pair does not fit in one unit. */
    SetLastError(0);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "\xF0\x9D\x84\x9E", 4, w, 1), 0);
    ck_assert_uint_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "abc", -1, w, 3), 0);
    ck_assert_uint_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_int_eq(MultiByteToWideChar(CP_ACP, MB_PRECOMPOSED, "abc", -1, w, 4), 4);
    ck_assert_wstr_eq(w, L"abc");
    /* Ill-formed input: one U+FFFD per maximal subpart, or an error. */
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "a\xE2\x82", 3, w, 16), 2);
    ck_assert(w[0] == L'a' && w[1] == 0xFFFD);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "\xC0\x80", 2, w, 16), 2);
    ck_assert(w[0] == 0xFFFD && w[1] == 0xFFFD);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "\xED\xA0\x80", 3, w, 16), 3);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "\xF4\x90\x80\x80", 4, w, 16), 4);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "a\xFF", 2, NULL, 0),
                     0);
    ck_assert_uint_eq(GetLastError(), ERROR_NO_UNICODE_TRANSLATION);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "ok", 2, NULL, 0), 2);
    /* Arguments. */
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "a", 0, w, 16), 0);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, NULL, -1, w, 16), 0);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "a", -2, w, 16), 0);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "a", 1, NULL, 4), 0);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "a", 1, w, -1), 0);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, MB_PRECOMPOSED, "a", 1, w, 16), 0);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_FLAGS);
    ck_assert_int_eq(MultiByteToWideChar(CP_ACP, MB_COMPOSITE, "a", 1, w, 16), 0);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_FLAGS);
    ck_assert_int_eq(MultiByteToWideChar(1252, 0, "a", 1, w, 16), 0);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetACP(), CP_UTF8);
    ck_assert_uint_eq(GetOEMCP(), CP_UTF8);
}
END_TEST

START_TEST(test_wide_to_multibyte)
{
    char b[16];
    BOOL used = 7;

    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, L"h\x00E9", -1, NULL, 0, NULL, NULL), 4);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, L"h\x00E9", 2, NULL, 0, NULL, NULL), 3);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, L"\xD834\xDD1E", 2, b, 4, NULL, NULL), 4);
    ck_assert_int_eq(memcmp(b, "\xF0\x9D\x84\x9E", 4), 0);
    SetLastError(0);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, L"\xD834\xDD1E", 2, b, 3, NULL, NULL), 0);
    ck_assert_uint_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    /* Unpaired surrogates: U+FFFD, or an error with WC_ERR_INVALID_CHARS. */
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, L"\xD834x", 2, b, 16, NULL, NULL), 4);
    ck_assert_int_eq(memcmp(b, "\xEF\xBF\xBDx", 4), 0);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, L"\xDD1E", 1, b, 16, NULL, NULL), 3);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, L"\xDD1E", 1, NULL, 0,
                                         NULL, NULL),
                     0);
    ck_assert_uint_eq(GetLastError(), ERROR_NO_UNICODE_TRANSLATION);
    /* CP_UTF8 takes no default character; CP_ACP does. */
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, L"a", 1, b, 16, NULL, &used), 0);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(WideCharToMultiByte(CP_ACP, 0, L"a", 1, b, 16, NULL, &used), 1);
    ck_assert_int_eq(used, FALSE);
    ck_assert_int_eq(WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, L"a\xD800", 2, b, 16,
                                         "?", &used),
                     2);
    ck_assert_int_eq(memcmp(b, "a?", 2), 0);
    ck_assert_int_eq(used, TRUE);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, WC_NO_BEST_FIT_CHARS, L"a", 1, b, 16, NULL,
                                         NULL),
                     0);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_FLAGS);
    /* Arguments. */
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, L"a", 0, b, 16, NULL, NULL), 0);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, NULL, -1, b, 16, NULL, NULL), 0);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, L"a", 1, NULL, 16, NULL, NULL), 0);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, (LPCWCH)b, 1, b, 16, NULL, NULL), 0);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(WideCharToMultiByte(437, 0, L"a", 1, b, 16, NULL, NULL), 0);
}
END_TEST

START_TEST(test_mbstowcs_wcstombs)
{
    WCHAR w[8];
    char b[8];

    ck_assert_uint_eq(mbstowcs(NULL, "h\xC3\xA9\xF0\x9D\x84\x9E", 0), 4);
    ck_assert_uint_eq(mbstowcs(w, "h\xC3\xA9", 8), 2);
    ck_assert_wstr_eq(w, L"h\x00E9");
    ck_assert_uint_eq(mbstowcs(w, "ab\xF0\x9D\x84\x9E", 3), 2);     /* pair not split */
    ck_assert_uint_eq(mbstowcs(w, "a\xFF", 8), (size_t)-1);
    ck_assert_int_eq(errno, EILSEQ);
    ck_assert_uint_eq(wcstombs(NULL, L"h\x00E9", 0), 3);
    ck_assert_uint_eq(wcstombs(b, L"h\x00E9", 8), 3);
    ck_assert_str_eq(b, "h\xC3\xA9");
    ck_assert_uint_eq(wcstombs(b, L"h\x00E9", 2), 1);               /* é not split */
    ck_assert_uint_eq(wcstombs(b, L"\xD800", 8), (size_t)-1);
}
END_TEST

/* ---- lstr* ------------------------------------------------------------------------------ */

START_TEST(test_lstr)
{
    WCHAR w[8];
    char a[8];

    ck_assert_int_eq(lstrlenW(L"abc"), 3);
    ck_assert_int_eq(lstrlenW(NULL), 0);
    ck_assert_int_eq(lstrlenA(NULL), 0);
    ck_assert_int_eq(lstrlenA("ab"), 2);
    ck_assert_ptr_eq(lstrcpyW(w, L"abc"), w);
    ck_assert_wstr_eq(w, L"abc");
    ck_assert_ptr_null(lstrcpyW(w, NULL));
    ck_assert_ptr_null(lstrcpyW(NULL, L"a"));
    ck_assert_ptr_eq(lstrcatW(w, L"d"), w);
    ck_assert_wstr_eq(w, L"abcd");
    ck_assert_ptr_eq(lstrcpynW(w, L"abcdef", 3), w);
    ck_assert_wstr_eq(w, L"ab");
    ck_assert_ptr_null(lstrcpynW(w, L"a", 0));
    ck_assert_int_eq(lstrcmpW(L"abc", L"abc"), 0);
    ck_assert_int_eq(lstrcmpW(L"abc", L"abd"), -1);
    ck_assert_int_eq(lstrcmpW(L"b", L"a"), 1);
    ck_assert_int_eq(lstrcmpW(NULL, L"a"), -1);
    ck_assert_int_eq(lstrcmpW(NULL, NULL), 0);
    ck_assert_int_eq(lstrcmpiW(L"ABC", L"abc"), 0);
    ck_assert_ptr_eq(lstrcpyA(a, "xy"), a);
    ck_assert_ptr_eq(lstrcatA(a, "z"), a);
    ck_assert_str_eq(a, "xyz");
    ck_assert_ptr_eq(lstrcpynA(a, "abcdef", 4), a);
    ck_assert_str_eq(a, "abc");
    ck_assert_int_eq(lstrcmpA("a", "b"), -1);
    ck_assert_int_eq(lstrcmpiA("ABC", "abc"), 0);
    ck_assert_int_eq(lstrcmpiA("a", NULL), 1);
}
END_TEST

/* ---- tracing ------------------------------------------------------------------------------ */

static char trace_path[PATH_MAX];
static int saved_stderr = -1;

static void capture_stderr(void)
{
    const char *t = getenv("TMPDIR");
    int fd;

    snprintf(trace_path, sizeof(trace_path), "%s/check-win32-XXXXXX", t ? t : "/tmp");
    fd = mkstemp(trace_path);
    ck_assert_int_ge(fd, 0);
    fflush(stderr);
    saved_stderr = dup(STDERR_FILENO);
    ck_assert_int_ge(dup2(fd, STDERR_FILENO), 0);
    close(fd);
}

static char *captured(void)
{
    FILE *f;
    long n;
    char *text;

    fflush(stderr);
    ck_assert_int_ge(dup2(saved_stderr, STDERR_FILENO), 0);
    close(saved_stderr);
    f = fopen(trace_path, "r");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    text = calloc(1, (size_t)n + 1);
    ck_assert_uint_eq(fread(text, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    unlink(trace_path);
    return text;
}

static DWORD trace_v(DWORD id, const char *fmt, ...)
{
    va_list ap;
    DWORD n;

    va_start(ap, fmt);
    n = TraceVprintfExA(id, TRACE_USE_MASK | 0x10000, fmt, ap);
    va_end(ap);
    return n;
}

START_TEST(test_trace_registration)
{
    DWORD a, b;

    SetLastError(0);
    ck_assert_uint_eq(TraceRegisterA(NULL), INVALID_TRACEID);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(TraceRegisterW(NULL), INVALID_TRACEID);
    a = TraceRegisterA("one");
    b = TraceRegisterExW(L"tw\x00F6", TRACE_USE_FILE);
    ck_assert_uint_ne(a, INVALID_TRACEID);
    ck_assert_uint_ne(b, INVALID_TRACEID);
    ck_assert_uint_ne(a, b);
    ck_assert_uint_eq(TraceDeregisterA(a), ERROR_SUCCESS);
    ck_assert_uint_eq(TraceDeregisterA(a), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(TraceDeregisterW(INVALID_TRACEID), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(TraceDeregisterExW(b, 0), ERROR_SUCCESS);
    /* Unknown ids print nothing. */
    ck_assert_uint_eq(TracePrintfA(a, "x"), 0);
}
END_TEST

START_TEST(test_trace_output)
{
    BYTE bytes[20];
    DWORD id, i;
    char *text;

    for (i = 0; i < sizeof(bytes); i++)
        bytes[i] = (BYTE)i;
    id = TraceRegisterW(L"m\x00E9thod");
    ck_assert_uint_ne(id, INVALID_TRACEID);

    /* Without EAPHOST_TRACE_METHODS: discarded. */
    unsetenv("EAPHOST_TRACE_METHODS");
    capture_stderr();
    ck_assert_uint_eq(TracePrintfA(id, "quiet %d", 1), 0);
    OutputDebugStringA("quiet too");
    text = captured();
    ck_assert_str_eq(text, "");
    free(text);

    setenv("EAPHOST_TRACE_METHODS", "1", 1);
    capture_stderr();
    ck_assert_uint_eq(TracePrintfA(id, "%s and %S, %ld\n", "narrow", L"wide", (LONG)-2),
                      20);
    ck_assert_uint_eq(TracePrintfW(id, L"%s and %S", L"w\x00E9", "n"), 8);
    ck_assert_uint_eq(TracePrintfExA(id, 0, "ex %u", 5u), 4);
    ck_assert_uint_eq(TracePrintfExW(id, 0, L"exw %u", 6u), 5);
    ck_assert_uint_eq(trace_v(id, "v %s", "list"), 6);
    ck_assert_uint_eq(TracePutsExA(id, 0, "puts"), 4);
    ck_assert_uint_eq(TracePutsExW(id, 0, L"putsw"), 5);
    ck_assert_uint_eq(TraceDumpExA(id, 0, bytes, sizeof(bytes), 4, TRUE, "pkt "), 20);
    ck_assert_uint_eq(TracePrintfA(id, "bad %n", NULL), 0);
    OutputDebugStringW(L"debug \x00E9");
    OutputDebugStringA(NULL);
    text = captured();
    unsetenv("EAPHOST_TRACE_METHODS");
    ck_assert_str_eq(text,
                     "[eaphost-trace m\xC3\xA9thod] narrow and wide, -2\n"
                     "[eaphost-trace m\xC3\xA9thod] w\xC3\xA9 and n\n"
                     "[eaphost-trace m\xC3\xA9thod] ex 5\n"
                     "[eaphost-trace m\xC3\xA9thod] exw 6\n"
                     "[eaphost-trace m\xC3\xA9thod] v list\n"
                     "[eaphost-trace m\xC3\xA9thod] puts\n"
                     "[eaphost-trace m\xC3\xA9thod] putsw\n"
                     "[eaphost-trace m\xC3\xA9thod] pkt 00000000: 00010203 04050607 08090a0b 0c0d0e0f \n"
                     "[eaphost-trace m\xC3\xA9thod] pkt 00000010: 10111213 \n"
                     "[eaphost-trace debug] debug \xC3\xA9\n");
    free(text);
    ck_assert_uint_eq(TraceDeregisterW(id), ERROR_SUCCESS);
}
END_TEST

/* ---- critical sections, time, ids --------------------------------------------------- */

static CRITICAL_SECTION cs;

static void *try_enter(void *arg)
{
    BOOL *got = arg;

    *got = TryEnterCriticalSection(&cs);
    if (*got)
        LeaveCriticalSection(&cs);
    return NULL;
}

static void *thread_id_of(void *arg)
{
    *(DWORD *)arg = GetCurrentThreadId();
    return NULL;
}

START_TEST(test_sync_and_time)
{
    pthread_t t;
    BOOL got = TRUE;
    DWORD other = 0;
    ULONGLONG t0, t1;
    LONG v = 5;
    PVOID pv = NULL;

    InitializeCriticalSection(&cs);
    EnterCriticalSection(&cs);
    EnterCriticalSection(&cs);                  /* recursive */
    ck_assert(TryEnterCriticalSection(&cs));
    LeaveCriticalSection(&cs);
    LeaveCriticalSection(&cs);
    ck_assert_int_eq(pthread_create(&t, NULL, try_enter, &got), 0);
    pthread_join(t, NULL);
    ck_assert_int_eq(got, FALSE);               /* held by this thread */
    LeaveCriticalSection(&cs);
    ck_assert_int_eq(pthread_create(&t, NULL, try_enter, &got), 0);
    pthread_join(t, NULL);
    ck_assert_int_eq(got, TRUE);
    DeleteCriticalSection(&cs);
    ck_assert(InitializeCriticalSectionAndSpinCount(&cs, 4000));
    DeleteCriticalSection(&cs);
    ck_assert(InitializeCriticalSectionEx(&cs, 0, 0));
    DeleteCriticalSection(&cs);

    ck_assert_int_eq(InterlockedIncrement(&v), 6);
    ck_assert_int_eq(InterlockedDecrement(&v), 5);
    ck_assert_int_eq(InterlockedExchange(&v, 9), 5);
    ck_assert_int_eq(InterlockedExchangeAdd(&v, 1), 9);
    ck_assert_int_eq(InterlockedCompareExchange(&v, 1, 10), 10);
    ck_assert_int_eq(InterlockedCompareExchange(&v, 2, 10), 1);
    ck_assert_ptr_null(InterlockedCompareExchangePointer(&pv, &v, NULL));
    ck_assert_ptr_eq(pv, &v);

    t0 = GetTickCount64();
    Sleep(20);
    t1 = GetTickCount64();
    ck_assert_uint_ge(t1 - t0, 19);
    ck_assert_uint_le(GetTickCount() - (DWORD)t1, 1000);
    ck_assert_uint_ne(GetCurrentThreadId(), 0);
    ck_assert_uint_eq(GetCurrentThreadId(), GetCurrentThreadId());
    ck_assert_int_eq(pthread_create(&t, NULL, thread_id_of, &other), 0);
    pthread_join(t, NULL);
    ck_assert_uint_ne(other, GetCurrentThreadId());
    ck_assert_uint_eq(GetCurrentProcessId(), (DWORD)getpid());
}
END_TEST

/* ---- what must fail ----------------------------------------------------------------------- */

START_TEST(test_registry_not_supported)
{
    HKEY k = (HKEY)1;
    DWORD type = 0, size = 4, disp = 0, value = 0;
    WCHAR name[8];
    char aname[8];

    ck_assert_int_eq(RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"x", 0, KEY_READ, &k),
                     ERROR_NOT_SUPPORTED);
    ck_assert_ptr_null(k);
    k = (HKEY)1;
    ck_assert_int_eq(RegOpenKeyExA(HKEY_CURRENT_USER, "x", 0, KEY_READ, &k),
                     ERROR_NOT_SUPPORTED);
    ck_assert_ptr_null(k);
    k = (HKEY)1;
    ck_assert_int_eq(RegCreateKeyExW(HKEY_LOCAL_MACHINE, L"x", 0, NULL, 0, KEY_WRITE, NULL,
                                     &k, &disp),
                     ERROR_NOT_SUPPORTED);
    ck_assert_ptr_null(k);
    ck_assert_int_eq(RegCreateKeyExA(HKEY_LOCAL_MACHINE, "x", 0, NULL, 0, KEY_WRITE, NULL,
                                     &k, &disp),
                     ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegQueryValueExW(k, L"v", NULL, &type, (LPBYTE)&value, &size),
                     ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegQueryValueExA(k, "v", NULL, &type, (LPBYTE)&value, &size),
                     ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegSetValueExW(k, L"v", 0, REG_DWORD, (const BYTE *)&value, 4),
                     ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegSetValueExA(k, "v", 0, REG_DWORD, (const BYTE *)&value, 4),
                     ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegGetValueW(k, NULL, L"v", RRF_RT_REG_DWORD, &type, &value, &size),
                     ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegGetValueA(k, NULL, "v", RRF_RT_ANY, &type, &value, &size),
                     ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegDeleteValueW(k, L"v"), ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegDeleteValueA(k, "v"), ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegDeleteKeyW(k, L"x"), ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegDeleteKeyA(k, "x"), ERROR_NOT_SUPPORTED);
    size = 8;
    ck_assert_int_eq(RegEnumKeyExW(k, 0, name, &size, NULL, NULL, NULL, NULL),
                     ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegEnumKeyExA(k, 0, aname, &size, NULL, NULL, NULL, NULL),
                     ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegEnumValueW(k, 0, name, &size, NULL, NULL, NULL, NULL),
                     ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegEnumValueA(k, 0, aname, &size, NULL, NULL, NULL, NULL),
                     ERROR_NOT_SUPPORTED);
    ck_assert_int_eq(RegCloseKey(k), ERROR_INVALID_HANDLE);
    ck_assert_int_eq(RegCloseKey(HKEY_LOCAL_MACHINE), ERROR_INVALID_HANDLE);
}
END_TEST

static INT_PTR CALLBACK dialog_proc(HWND h, UINT msg, WPARAM w, LPARAM l)
{
    (void)h; (void)msg; (void)w; (void)l;
    return FALSE;
}

START_TEST(test_ui_resources_com_fail)
{
    WCHAR w[8] = L"keep";
    char a[8] = "keep";
    static const GUID g = { 1, 2, 3, { 4, 5, 6, 7, 8, 9, 10, 11 } };
    void *pv = &pv;

#define EXPECT_NOT_SUPPORTED(call, failure)                 \
    do {                                                    \
        SetLastError(0);                                    \
        ck_assert((call) == (failure));                     \
        ck_assert_uint_eq(GetLastError(), ERROR_NOT_SUPPORTED); \
    } while (0)

    EXPECT_NOT_SUPPORTED(MessageBoxW(NULL, L"t", L"c", MB_OK), 0);
    EXPECT_NOT_SUPPORTED(MessageBoxA(NULL, "t", "c", MB_OK), 0);
    EXPECT_NOT_SUPPORTED(DialogBoxParamW(NULL, MAKEINTRESOURCEW(1), NULL, dialog_proc, 0), -1);
    EXPECT_NOT_SUPPORTED(DialogBoxParamA(NULL, MAKEINTRESOURCEA(1), NULL, dialog_proc, 0), -1);
    EXPECT_NOT_SUPPORTED(DialogBoxW(NULL, MAKEINTRESOURCEW(1), NULL, dialog_proc), -1);
    EXPECT_NOT_SUPPORTED(CreateDialogParamW(NULL, L"d", NULL, dialog_proc, 0), NULL);
    EXPECT_NOT_SUPPORTED(CreateDialogParamA(NULL, "d", NULL, dialog_proc, 0), NULL);
    EXPECT_NOT_SUPPORTED(EndDialog(NULL, IDOK), FALSE);
    EXPECT_NOT_SUPPORTED(GetDlgItem(NULL, 1), NULL);
    EXPECT_NOT_SUPPORTED(GetDlgItemTextW(NULL, 1, w, 8), 0);
    ck_assert_uint_eq(w[0], 0);
    EXPECT_NOT_SUPPORTED(GetDlgItemTextA(NULL, 1, a, 8), 0);
    ck_assert_uint_eq(a[0], 0);
    EXPECT_NOT_SUPPORTED(SetDlgItemTextW(NULL, 1, L"x"), FALSE);
    EXPECT_NOT_SUPPORTED(SetDlgItemTextA(NULL, 1, "x"), FALSE);
    EXPECT_NOT_SUPPORTED(SendMessageW(NULL, WM_CLOSE, 0, 0), 0);
    EXPECT_NOT_SUPPORTED(SendMessageA(NULL, WM_CLOSE, 0, 0), 0);
    EXPECT_NOT_SUPPORTED(SendDlgItemMessageW(NULL, 1, WM_SETTEXT, 0, 0), 0);
    EXPECT_NOT_SUPPORTED(SendDlgItemMessageA(NULL, 1, WM_SETTEXT, 0, 0), 0);
    EXPECT_NOT_SUPPORTED(GetWindowLongPtrW(NULL, GWLP_USERDATA), 0);
    EXPECT_NOT_SUPPORTED(GetWindowLongPtrA(NULL, GWLP_USERDATA), 0);
    EXPECT_NOT_SUPPORTED(SetWindowLongPtrW(NULL, GWLP_USERDATA, 1), 0);
    EXPECT_NOT_SUPPORTED(SetWindowLongPtrA(NULL, GWLP_USERDATA, 1), 0);
    EXPECT_NOT_SUPPORTED(CheckDlgButton(NULL, 1, BST_CHECKED), FALSE);
    EXPECT_NOT_SUPPORTED(IsDlgButtonChecked(NULL, 1), BST_UNCHECKED);
    EXPECT_NOT_SUPPORTED(EnableWindow(NULL, TRUE), FALSE);
    EXPECT_NOT_SUPPORTED(ShowWindow(NULL, SW_SHOW), FALSE);
    EXPECT_NOT_SUPPORTED(SetFocus(NULL), NULL);
    wcscpy(w, L"keep");
    EXPECT_NOT_SUPPORTED(LoadStringW(NULL, 1, w, 8), 0);
    ck_assert_uint_eq(w[0], 0);
    strcpy(a, "keep");
    EXPECT_NOT_SUPPORTED(LoadStringA(NULL, 1, a, 8), 0);
    ck_assert_uint_eq(a[0], 0);
    EXPECT_NOT_SUPPORTED(LoadIconW(NULL, MAKEINTRESOURCEW(1)), NULL);
    EXPECT_NOT_SUPPORTED(LoadIconA(NULL, MAKEINTRESOURCEA(1)), NULL);
    EXPECT_NOT_SUPPORTED(LoadCursorW(NULL, MAKEINTRESOURCEW(1)), NULL);
    EXPECT_NOT_SUPPORTED(LoadCursorA(NULL, MAKEINTRESOURCEA(1)), NULL);
    EXPECT_NOT_SUPPORTED(LoadImageW(NULL, L"i", 0, 0, 0, 0), NULL);
    EXPECT_NOT_SUPPORTED(LoadImageA(NULL, "i", 0, 0, 0, 0), NULL);
    EXPECT_NOT_SUPPORTED(FindResourceW(NULL, MAKEINTRESOURCEW(1), MAKEINTRESOURCEW(10)), NULL);
    EXPECT_NOT_SUPPORTED(FindResourceA(NULL, MAKEINTRESOURCEA(1), MAKEINTRESOURCEA(10)), NULL);
    EXPECT_NOT_SUPPORTED(FindResourceExW(NULL, MAKEINTRESOURCEW(10), MAKEINTRESOURCEW(1), 0), NULL);
    EXPECT_NOT_SUPPORTED(FindResourceExA(NULL, MAKEINTRESOURCEA(10), MAKEINTRESOURCEA(1), 0),
                         NULL);
    EXPECT_NOT_SUPPORTED(LoadResource(NULL, NULL), NULL);
    EXPECT_NOT_SUPPORTED(LockResource(NULL), NULL);
    EXPECT_NOT_SUPPORTED(SizeofResource(NULL, NULL), 0);
#undef EXPECT_NOT_SUPPORTED

    ck_assert_int_eq(CoInitialize(NULL), E_NOTIMPL);
    ck_assert_int_eq(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED), E_NOTIMPL);
    CoUninitialize();
    ck_assert_int_eq(CoCreateInstance(&g, NULL, CLSCTX_INPROC_SERVER, &g, &pv), E_NOTIMPL);
    ck_assert_ptr_null(pv);
    ck_assert(IsEqualGUID(&g, &g));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("win32");
    TCase *tc;

    tc = tcase_create("basics");
    tcase_add_test(tc, test_types_and_macros);
    tcase_add_test(tc, test_keywords);
    tcase_add_test(tc, test_last_error_per_thread);
    suite_add_tcase(s, tc);

    tc = tcase_create("memory");
    tcase_add_test(tc, test_heap_alloc_zeroing);
    tcase_add_test(tc, test_heap_edges);
    tcase_add_test(tc, test_heap_fixed_size);
    tcase_add_test(tc, test_process_heap_and_local);
    tcase_add_test(tc, test_cotaskmem_and_memory_macros);
    suite_add_tcase(s, tc);

    tc = tcase_create("wide strings");
    tcase_add_test(tc, test_wide_strings);
    tcase_add_test(tc, test_wide_secure_crt);
    tcase_add_test(tc, test_wide_numbers);
    suite_add_tcase(s, tc);

    tc = tcase_create("printf");
    tcase_add_test(tc, test_wide_printf_strings);
    tcase_add_test(tc, test_wide_printf_numbers);
    tcase_add_test(tc, test_wide_printf_counted_forms);
    tcase_add_test(tc, test_narrow_printf_ms_rules);
    tcase_add_test(tc, test_wsprintf_limit);
    tcase_add_test(tc, test_wprintf_to_stream);
    suite_add_tcase(s, tc);

    tc = tcase_create("strsafe");
    tcase_add_test(tc, test_strsafe_copy);
    tcase_add_test(tc, test_strsafe_copy_n);
    tcase_add_test(tc, test_strsafe_cat);
    tcase_add_test(tc, test_strsafe_length);
    tcase_add_test(tc, test_strsafe_printf);
    suite_add_tcase(s, tc);

    tc = tcase_create("code pages");
    tcase_add_test(tc, test_multibyte_to_wide);
    tcase_add_test(tc, test_wide_to_multibyte);
    tcase_add_test(tc, test_mbstowcs_wcstombs);
    tcase_add_test(tc, test_lstr);
    suite_add_tcase(s, tc);

    tc = tcase_create("tracing and sync");
    tcase_add_test(tc, test_trace_registration);
    tcase_add_test(tc, test_trace_output);
    tcase_add_test(tc, test_sync_and_time);
    suite_add_tcase(s, tc);

    tc = tcase_create("not supported");
    tcase_add_test(tc, test_registry_not_supported);
    tcase_add_test(tc, test_ui_resources_com_fail);
    suite_add_tcase(s, tc);

    return tu_run(s);
}
