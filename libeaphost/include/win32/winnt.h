/*
 * winnt.h - the Windows base types, compiler keywords and helper macros
 * that method sources use, for GCC and Clang.
 *
 * Part of libeaphost's Windows source-compatibility headers (pkg-config
 * module eaphost-windows, which compiles with -fshort-wchar so that WCHAR
 * is wchar_t and L"..." literals are UTF-16).  The fixed-width base types
 * (BYTE, WORD, DWORD, LONG (32 bits), WCHAR, HANDLE, GUID ...) come from
 * eaphost/wintypes.h, which every EAPHost header shares; this file adds the
 * rest of what <windows.h> gives a method.
 *
 * Handles: HANDLE, HINSTANCE, HMODULE, HLOCAL and HGLOBAL are all void *,
 * as on Windows without STRICT, so that every common spelling of DllMain
 * (HINSTANCE, HMODULE or HANDLE as its first parameter) has the type that
 * <winbase.h> declares it with.  Window-system handles (HKEY, HICON ...)
 * are distinct pointer types, as with STRICT.
 *
 * __declspec(x) maps each attribute a method uses (dllexport, dllimport,
 * noinline, noreturn, align(n), thread, selectany, novtable, deprecated,
 * nothrow, uuid(...)) onto its GCC spelling or onto nothing; __stdcall,
 * __cdecl and the other calling conventions expand to nothing, since
 * methods and host share the platform's one convention.
 *
 * _WIN32 is NOT defined: portable headers would take their Windows paths.
 */
#ifndef EAPHOST_WIN32_WINNT_H
#define EAPHOST_WIN32_WINNT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <sal.h>
#include <winerror.h>

#if !EAPHOST_WCHAR_IS_WCHAR_T
#error "Windows-style sources need a 16-bit wchar_t: compile with -fshort-wchar (pkg-config --cflags eaphost-windows)"
#endif

/* ---- compiler keywords ------------------------------------------------------ */

#ifndef __stdcall
#define __stdcall
#endif
#ifndef __cdecl
#define __cdecl
#endif
#ifndef __fastcall
#define __fastcall
#endif
#ifndef __thiscall
#define __thiscall
#endif
#ifndef __vectorcall
#define __vectorcall
#endif
#ifndef _stdcall
#define _stdcall
#endif
#ifndef _cdecl
#define _cdecl
#endif
#ifndef __w64
#define __w64
#endif
#ifndef __ptr32
#define __ptr32
#endif
#ifndef __ptr64
#define __ptr64
#endif
#ifndef __unaligned
#define __unaligned
#endif
#ifndef UNALIGNED
#define UNALIGNED
#endif

#ifndef __int8
#define __int8 char
#endif
#ifndef __int16
#define __int16 short
#endif
#ifndef __int32
#define __int32 int
#endif
#ifndef __int64
#define __int64 long long
#endif

#ifndef __forceinline
#define __forceinline __inline__ __attribute__((__always_inline__))
#endif
#ifndef FORCEINLINE
#define FORCEINLINE __forceinline
#endif

/*
 * __declspec(x): x is pasted onto EAPHOST_DECLSPEC_, so each supported
 * attribute is one macro below; an unknown one fails to compile with its
 * name in the message.
 */
#ifndef __declspec
#define __declspec(x) EAPHOST_DECLSPEC_##x
#endif
#define EAPHOST_DECLSPEC_dllexport __attribute__((__visibility__("default")))
#define EAPHOST_DECLSPEC_dllimport
#define EAPHOST_DECLSPEC_noinline __attribute__((__noinline__))
#define EAPHOST_DECLSPEC_noreturn __attribute__((__noreturn__))
#define EAPHOST_DECLSPEC_nothrow __attribute__((__nothrow__))
#define EAPHOST_DECLSPEC_deprecated __attribute__((__deprecated__))
#define EAPHOST_DECLSPEC_align(n) __attribute__((__aligned__(n)))
#define EAPHOST_DECLSPEC_thread __thread
#define EAPHOST_DECLSPEC_selectany __attribute__((__weak__))
#define EAPHOST_DECLSPEC_novtable
#define EAPHOST_DECLSPEC_restrict
#define EAPHOST_DECLSPEC_noalias
#define EAPHOST_DECLSPEC_allocator
#define EAPHOST_DECLSPEC_uuid(id)

#define DECLSPEC_IMPORT __declspec(dllimport)
#define DECLSPEC_EXPORT __declspec(dllexport)
#define DECLSPEC_NOINLINE __declspec(noinline)
#define DECLSPEC_NORETURN __declspec(noreturn)
#define DECLSPEC_NOTHROW __declspec(nothrow)
#define DECLSPEC_ALIGN(n) __declspec(align(n))
#define DECLSPEC_SELECTANY __declspec(selectany)
#define DECLSPEC_NOVTABLE
#define DECLSPEC_UUID(id)
#define DECLSPEC_DEPRECATED __declspec(deprecated)

/* Calling-convention and linkage macros of the SDK. */
#ifndef WINAPIV
#define WINAPIV
#endif
#ifndef NTAPI
#define NTAPI
#endif
#ifndef STDAPICALLTYPE
#define STDAPICALLTYPE
#endif
#ifndef STDMETHODCALLTYPE
#define STDMETHODCALLTYPE
#endif
#ifndef CDECL
#define CDECL
#endif
#ifndef PASCAL
#define PASCAL
#endif
#ifndef FAR
#define FAR
#endif
#ifndef NEAR
#define NEAR
#endif
#ifndef CONST
#define CONST const
#endif
#ifndef WINBASEAPI
#define WINBASEAPI
#endif
#ifndef WINUSERAPI
#define WINUSERAPI
#endif
#ifndef WINADVAPI
#define WINADVAPI
#endif
#ifndef NTSYSAPI
#define NTSYSAPI
#endif
#ifndef STDAPI
#define STDAPI EXTERN_C HRESULT STDAPICALLTYPE
#endif
#ifndef STDAPI_
#define STDAPI_(type) EXTERN_C type STDAPICALLTYPE
#endif
#ifndef EXTERN_C_START
#ifdef __cplusplus
#define EXTERN_C_START extern "C" {
#define EXTERN_C_END }
#else
#define EXTERN_C_START
#define EXTERN_C_END
#endif
#endif

/* ---- more base types ---------------------------------------------------------- */

typedef void *PVOID64;
typedef short SHORT;
typedef unsigned short USHORT;
typedef SHORT *PSHORT;
typedef USHORT *PUSHORT;
typedef unsigned char UCHAR;
typedef UCHAR *PUCHAR;
typedef CHAR *PCHAR;
typedef CHAR *PSTR;
typedef const CHAR *PCSTR;
typedef CHAR *LPCH;
typedef CHAR *PCH;
typedef const CHAR *LPCCH;
typedef const CHAR *PCCH;
typedef WCHAR *LPWCH;
typedef WCHAR *PWCH;
typedef const WCHAR *LPCWCH;
typedef const WCHAR *PCWCH;
typedef const WCHAR *PCNZWCH;
typedef const CHAR *PCNZCH;
typedef WCHAR *PZZWSTR;
typedef const WCHAR *PCZZWSTR;
typedef char CCHAR;
typedef BYTE BOOLEAN;
typedef BOOLEAN *PBOOLEAN;
typedef float FLOAT;
typedef FLOAT *PFLOAT;
typedef const BYTE *PCBYTE;
typedef int8_t INT8;
typedef uint8_t UINT8;
typedef int16_t INT16;
typedef uint16_t UINT16;
typedef int64_t INT64;
typedef uint64_t UINT64;
typedef int32_t LONG32;
typedef uint32_t ULONG32;
typedef uint32_t DWORD32;
typedef int64_t LONG64;
typedef uint64_t ULONG64;
typedef uint64_t DWORD64;
typedef int64_t LONGLONG;
typedef uint64_t ULONGLONG;
typedef uint64_t DWORDLONG;
typedef LONGLONG *PLONGLONG;
typedef ULONGLONG *PULONGLONG;
typedef DWORD64 *PDWORD64;
typedef DWORDLONG *PDWORDLONG;
typedef ULONG_PTR SIZE_T;
typedef LONG_PTR SSIZE_T;
typedef SIZE_T *PSIZE_T;
typedef SSIZE_T *PSSIZE_T;
typedef LONG *PLONG;
typedef LONG *LPLONG;
typedef ULONG *PULONG;
typedef WORD *PWORD;
typedef WORD *LPWORD;
typedef INT *PINT;
typedef INT *LPINT;
typedef UINT *PUINT;
typedef INT_PTR *PINT_PTR;
typedef UINT_PTR *PUINT_PTR;
typedef LONG_PTR *PLONG_PTR;
typedef ULONG_PTR *PULONG_PTR;
typedef DWORD_PTR *PDWORD_PTR;
typedef DWORD LCID;
typedef WORD LANGID;
typedef DWORD ACCESS_MASK;
typedef LONG NTSTATUS;
typedef HANDLE *PHANDLE;
typedef HANDLE *LPHANDLE;

/* LowPart / HighPart directly and through u, as on Windows. */
typedef union _LARGE_INTEGER {
    __extension__ struct {
        DWORD LowPart;
        LONG HighPart;
    };
    struct {
        DWORD LowPart;
        LONG HighPart;
    } u;
    LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
    __extension__ struct {
        DWORD LowPart;
        DWORD HighPart;
    };
    struct {
        DWORD LowPart;
        DWORD HighPart;
    } u;
    ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

/* GUID helpers: IID and CLSID are GUIDs; REF* are references in C++. */
typedef GUID IID;
typedef GUID CLSID;
typedef IID *LPIID;
typedef CLSID *LPCLSID;
#ifdef __cplusplus
#define REFGUID const GUID &
#define REFIID const IID &
#define REFCLSID const IID &
#else
#define REFGUID const GUID *
#define REFIID const IID *
#define REFCLSID const IID *
#endif

#ifdef __cplusplus
inline bool IsEqualGUID(REFGUID a, REFGUID b)
{
    return memcmp(&a, &b, sizeof(GUID)) == 0;
}
inline bool InlineIsEqualGUID(REFGUID a, REFGUID b)
{
    return memcmp(&a, &b, sizeof(GUID)) == 0;
}
inline bool operator==(REFGUID a, REFGUID b)
{
    return IsEqualGUID(a, b);
}
inline bool operator!=(REFGUID a, REFGUID b)
{
    return !IsEqualGUID(a, b);
}
#else
#define IsEqualGUID(a, b) (!memcmp((a), (b), sizeof(GUID)))
#define InlineIsEqualGUID(a, b) IsEqualGUID(a, b)
#endif
#define IsEqualIID(a, b) IsEqualGUID(a, b)
#define IsEqualCLSID(a, b) IsEqualGUID(a, b)

/*
 * DEFINE_GUID declares a GUID constant; with INITGUID defined before this
 * header (in one translation unit) it also defines it.
 */
#undef DEFINE_GUID
#ifdef INITGUID
#ifdef __cplusplus
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    EXTERN_C const GUID name = { l, w1, w2, { b1, b2, b3, b4, b5, b6, b7, b8 } }
#else
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    const GUID name = { l, w1, w2, { b1, b2, b3, b4, b5, b6, b7, b8 } }
#endif
#else
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    EXTERN_C const GUID name
#endif

/* ---- handles ------------------------------------------------------------------ */

#define DECLARE_HANDLE(name) \
    struct name##__ { int unused; }; \
    typedef struct name##__ *name

typedef HANDLE HINSTANCE;
typedef HANDLE HMODULE;
typedef HANDLE HLOCAL;
typedef HANDLE HGLOBAL;
typedef HANDLE HRSRC;
DECLARE_HANDLE(HKEY);
typedef HKEY *PHKEY;
DECLARE_HANDLE(HICON);
typedef HICON HCURSOR;
DECLARE_HANDLE(HBRUSH);
DECLARE_HANDLE(HMENU);
DECLARE_HANDLE(HDC);
DECLARE_HANDLE(HFONT);
DECLARE_HANDLE(HBITMAP);
typedef HANDLE HGDIOBJ;

#define INVALID_HANDLE_VALUE ((HANDLE)(LONG_PTR)-1)

/* ---- text: TCHAR follows UNICODE -------------------------------------------------- */

#ifdef UNICODE
typedef WCHAR TCHAR;
typedef WCHAR TBYTE;
#define __TEXT(quote) L##quote
#else
typedef char TCHAR;
typedef unsigned char TBYTE;
#define __TEXT(quote) quote
#endif
#define TEXT(quote) __TEXT(quote)
typedef TCHAR *PTCHAR;
typedef TBYTE *PTBYTE;
typedef TCHAR *LPTSTR;
typedef TCHAR *PTSTR;
typedef const TCHAR *LPCTSTR;
typedef const TCHAR *PCTSTR;
typedef TCHAR *LPTCH;
typedef TCHAR *PTCH;

/* ---- limits and small helpers --------------------------------------------------- */

#define MINCHAR 0x80
#define MAXCHAR 0x7f
#define MINSHORT 0x8000
#define MAXSHORT 0x7fff
#define MINLONG 0x80000000
#define MAXLONG 0x7fffffff
#define MAXBYTE 0xff
#define MAXWORD 0xffff
#define MAXDWORD 0xffffffff
#define MAXSIZE_T ((SIZE_T)~((SIZE_T)0))
#define MAXSSIZE_T ((SSIZE_T)(MAXSIZE_T >> 1))
#define MAXULONG_PTR (~((ULONG_PTR)0))
#define MAXLONG_PTR ((LONG_PTR)(MAXULONG_PTR >> 1))

#define ANYSIZE_ARRAY 1

#define UNREFERENCED_PARAMETER(P) ((void)(P))
#define DBG_UNREFERENCED_PARAMETER(P) ((void)(P))
#define DBG_UNREFERENCED_LOCAL_VARIABLE(V) ((void)(V))
#define UNREFERENCED_LOCAL_VARIABLE(V) ((void)(V))

#define C_ASSERT(e) EAPHOST_STATIC_ASSERT(e, #e)

#define FIELD_OFFSET(type, field) ((LONG)offsetof(type, field))
#define RTL_FIELD_SIZE(type, field) (sizeof(((type *)0)->field))
#define CONTAINING_RECORD(address, type, field) \
    ((type *)((char *)(address) - offsetof(type, field)))
#define RTL_NUMBER_OF(a) (sizeof(a) / sizeof((a)[0]))
#define RTL_NUMBER_OF_V1(a) RTL_NUMBER_OF(a)
#define RTL_NUMBER_OF_V2(a) RTL_NUMBER_OF(a)
#ifndef ARRAYSIZE
#define ARRAYSIZE(a) RTL_NUMBER_OF(a)
#endif
#ifndef _countof
#define _countof(a) RTL_NUMBER_OF(a)
#endif

#define MAKELANGID(p, s) ((((WORD)(s)) << 10) | (WORD)(p))
#define PRIMARYLANGID(lgid) ((WORD)(lgid) & 0x3ff)
#define SUBLANGID(lgid) ((WORD)(lgid) >> 10)
#define LANG_NEUTRAL 0x00
#define LANG_ENGLISH 0x09
#define SUBLANG_NEUTRAL 0x00
#define SUBLANG_DEFAULT 0x01
#define SUBLANG_ENGLISH_US 0x01

/* ---- DllMain reasons ---------------------------------------------------------------- */

#ifndef DLL_PROCESS_DETACH
#define DLL_PROCESS_DETACH 0
#endif
#ifndef DLL_PROCESS_ATTACH
#define DLL_PROCESS_ATTACH 1
#endif
#ifndef DLL_THREAD_ATTACH
#define DLL_THREAD_ATTACH 2
#endif
#ifndef DLL_THREAD_DETACH
#define DLL_THREAD_DETACH 3
#endif

/* ---- memory macros ------------------------------------------------------------------ */

#define RtlEqualMemory(d, s, n) (!memcmp((d), (s), (n)))
#define RtlCopyMemory(d, s, n) memcpy((d), (s), (n))
#define RtlMoveMemory(d, s, n) memmove((d), (s), (n))
#define RtlFillMemory(d, n, fill) memset((d), (fill), (n))
#define RtlZeroMemory(d, n) memset((d), 0, (n))
#define EqualMemory RtlEqualMemory
#define CopyMemory RtlCopyMemory
#define MoveMemory RtlMoveMemory
#define FillMemory RtlFillMemory
#define ZeroMemory RtlZeroMemory

#ifdef __cplusplus
extern "C" {
#endif

/*
 * SecureZeroMemory: zeroes @cnt bytes at @ptr with stores the compiler may
 * not remove (for passwords and keys about to be freed); returns @ptr.
 */
#define RtlSecureZeroMemory eaphost_w32_SecureZeroMemory
#define SecureZeroMemory eaphost_w32_SecureZeroMemory
PVOID WINAPI SecureZeroMemory(PVOID ptr, SIZE_T cnt);

#ifdef __cplusplus
}
#endif

/* ---- interlocked operations (sequentially consistent) ------------------------------ */

static __inline__ LONG InterlockedIncrement(LONG volatile *p)
{
    return __atomic_add_fetch(p, 1, __ATOMIC_SEQ_CST);
}
static __inline__ LONG InterlockedDecrement(LONG volatile *p)
{
    return __atomic_sub_fetch(p, 1, __ATOMIC_SEQ_CST);
}
static __inline__ LONG InterlockedExchange(LONG volatile *p, LONG v)
{
    return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);
}
static __inline__ LONG InterlockedExchangeAdd(LONG volatile *p, LONG v)
{
    return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST);
}
static __inline__ LONG InterlockedCompareExchange(LONG volatile *p, LONG exchange,
                                                  LONG comparand)
{
    __atomic_compare_exchange_n(p, &comparand, exchange, 0, __ATOMIC_SEQ_CST,
                                __ATOMIC_SEQ_CST);
    return comparand;
}
static __inline__ LONG64 InterlockedIncrement64(LONG64 volatile *p)
{
    return __atomic_add_fetch(p, 1, __ATOMIC_SEQ_CST);
}
static __inline__ LONG64 InterlockedDecrement64(LONG64 volatile *p)
{
    return __atomic_sub_fetch(p, 1, __ATOMIC_SEQ_CST);
}
static __inline__ PVOID InterlockedExchangePointer(PVOID volatile *p, PVOID v)
{
    return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);
}
static __inline__ PVOID InterlockedCompareExchangePointer(PVOID volatile *p,
                                                          PVOID exchange,
                                                          PVOID comparand)
{
    __atomic_compare_exchange_n(p, &comparand, exchange, 0, __ATOMIC_SEQ_CST,
                                __ATOMIC_SEQ_CST);
    return comparand;
}
#define MemoryBarrier() __atomic_thread_fence(__ATOMIC_SEQ_CST)

#endif /* EAPHOST_WIN32_WINNT_H */
