/*
 * eaphost/wintypes.h - the Windows base types the EAPHost headers are
 * written in, mapped onto fixed-width C types.
 *
 * Windows x64 is LLP64: LONG and ULONG stay 32 bits, only the *_PTR types
 * follow the pointer size.  All sizes below match Windows on every target,
 * so structures declared with these types have the Windows layout.
 *
 * The base types are guarded as one block by EAPHOST_WINTYPES_DEFINED: a
 * windows.h compatibility header may include this file and add its own
 * types after it, or define the macro first to supply all of them itself.
 * Calling-convention, direction and SAL annotation macros are each guarded
 * on their own and expand to nothing.
 *
 * WCHAR is a 16-bit UTF-16 code unit in every translation unit:
 *  - compiled with -fshort-wchar (sources written for Windows): wchar_t,
 *    so L"..." literals have the right type, in C and in C++;
 *  - otherwise C++11: char16_t; otherwise C: uint16_t.
 * EAPHOST_WIDE("text") gives a literal of type WCHAR[] in all three cases.
 */
#ifndef EAPHOST_WINTYPES_H
#define EAPHOST_WINTYPES_H

#include <stddef.h>
#include <stdint.h>

/* ---- compile-time checks ------------------------------------------------ */

#define EAPHOST_PASTE_(a, b) a##b
#define EAPHOST_PASTE(a, b) EAPHOST_PASTE_(a, b)

#if defined(__cplusplus) && __cplusplus >= 201103L
#define EAPHOST_STATIC_ASSERT(cond, msg) static_assert(cond, msg)
#elif !defined(__cplusplus) && defined(__STDC_VERSION__) && \
    __STDC_VERSION__ >= 201112L
#define EAPHOST_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#else
/* Older dialects: an array type of negative size stops the build. */
#ifdef __COUNTER__
#define EAPHOST_STATIC_ASSERT(cond, msg) \
    typedef char EAPHOST_PASTE(eaphost_static_assert_, __COUNTER__)[(cond) ? 1 : -1]
#else
#define EAPHOST_STATIC_ASSERT(cond, msg) \
    typedef char EAPHOST_PASTE(eaphost_static_assert_, __LINE__)[(cond) ? 1 : -1]
#endif
#endif

/* ---- which type carries a UTF-16 code unit -------------------------------- */

/*
 * 1 when wchar_t is 16 bits wide in this translation unit (-fshort-wchar,
 * or a Windows target), so WCHAR is wchar_t; 0 otherwise.
 */
#if defined(__WCHAR_MAX__) && (__WCHAR_MAX__ == 0xffff || __WCHAR_MAX__ == 0x7fff)
#define EAPHOST_WCHAR_IS_WCHAR_T 1
#else
#define EAPHOST_WCHAR_IS_WCHAR_T 0
#endif

/* A string literal whose elements are WCHAR: EAPHOST_WIDE("PeerDllPath"). */
#if EAPHOST_WCHAR_IS_WCHAR_T
#define EAPHOST_WIDE(s) L##s
#else
#define EAPHOST_WIDE(s) u##s
#endif

/* ---- base types ------------------------------------------------------------ */

#ifndef EAPHOST_WINTYPES_DEFINED
#define EAPHOST_WINTYPES_DEFINED

typedef uint8_t BYTE;
typedef uint16_t WORD;
typedef uint32_t DWORD;
typedef int32_t BOOL;
typedef int32_t WINBOOL;
typedef int32_t LONG;
typedef uint32_t ULONG;
typedef int32_t INT;
typedef uint32_t UINT;
typedef uint32_t UINT32;
typedef intptr_t INT_PTR;
typedef uintptr_t UINT_PTR;
typedef intptr_t LONG_PTR;
typedef uintptr_t ULONG_PTR;
typedef uintptr_t DWORD_PTR;

typedef BYTE *PBYTE;
typedef BYTE *LPBYTE;
typedef DWORD *PDWORD;
typedef DWORD *LPDWORD;
typedef BOOL *PBOOL;
typedef BOOL *LPBOOL;

typedef void *HANDLE;
typedef void *PVOID;
typedef void *LPVOID;
typedef const void *LPCVOID;

/* A window handle: opaque, never dereferenced (no window ever opens). */
typedef struct HWND__ *HWND;

typedef char CHAR;
typedef CHAR *LPSTR;
typedef const CHAR *LPCSTR;

#if EAPHOST_WCHAR_IS_WCHAR_T
typedef wchar_t WCHAR;
#elif defined(__cplusplus) && __cplusplus >= 201103L
typedef char16_t WCHAR;
#else
typedef uint16_t WCHAR;
#endif
EAPHOST_STATIC_ASSERT(sizeof(WCHAR) == 2, "WCHAR must be a 16-bit UTF-16 code unit");

typedef WCHAR *PWCHAR;
typedef WCHAR *LPWSTR;
typedef const WCHAR *LPCWSTR;
typedef WCHAR *PWSTR;
typedef const WCHAR *PCWSTR;

#ifndef GUID_DEFINED
#define GUID_DEFINED
/* 16 bytes, Windows layout: Data1..Data3 in host byte order. */
typedef struct _GUID {
    uint32_t Data1;
    uint16_t Data2;
    uint16_t Data3;
    uint8_t Data4[8];
} GUID;
#endif
typedef GUID *LPGUID;
typedef const GUID *LPCGUID;

#endif /* EAPHOST_WINTYPES_DEFINED */

#ifndef VOID
#define VOID void
#endif

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

/* ---- calling conventions and linkage -------------------------------------- */

/*
 * Methods and host are built for the platform's own calling convention, so
 * the Windows ones expand to nothing.
 */
#ifndef WINAPI
#define WINAPI
#endif
#ifndef APIENTRY
#define APIENTRY
#endif
#ifndef CALLBACK
#define CALLBACK
#endif

#ifndef EXTERN_C
#ifdef __cplusplus
#define EXTERN_C extern "C"
#else
#define EXTERN_C extern
#endif
#endif

/* ---- parameter direction markers ------------------------------------------ */

#ifndef IN
#define IN
#endif
#ifndef OUT
#define OUT
#endif
#ifndef OPTIONAL
#define OPTIONAL
#endif

/* ---- SAL annotations: documentation only, no effect here ----------------- */

#ifndef _In_
#define _In_
#endif
#ifndef _In_opt_
#define _In_opt_
#endif
#ifndef _In_z_
#define _In_z_
#endif
#ifndef _In_opt_z_
#define _In_opt_z_
#endif
#ifndef _In_reads_
#define _In_reads_(size)
#endif
#ifndef _In_reads_opt_
#define _In_reads_opt_(size)
#endif
#ifndef _In_reads_bytes_
#define _In_reads_bytes_(size)
#endif
#ifndef _In_reads_bytes_opt_
#define _In_reads_bytes_opt_(size)
#endif
#ifndef _In_reads_z_
#define _In_reads_z_(size)
#endif
#ifndef _In_range_
#define _In_range_(lo, hi)
#endif
#ifndef _Out_
#define _Out_
#endif
#ifndef _Out_opt_
#define _Out_opt_
#endif
#ifndef _Out_writes_
#define _Out_writes_(size)
#endif
#ifndef _Out_writes_opt_
#define _Out_writes_opt_(size)
#endif
#ifndef _Out_writes_bytes_
#define _Out_writes_bytes_(size)
#endif
#ifndef _Out_writes_bytes_opt_
#define _Out_writes_bytes_opt_(size)
#endif
#ifndef _Out_writes_to_
#define _Out_writes_to_(size, count)
#endif
#ifndef _Out_writes_bytes_to_
#define _Out_writes_bytes_to_(size, count)
#endif
#ifndef _Out_writes_z_
#define _Out_writes_z_(size)
#endif
#ifndef _Out_range_
#define _Out_range_(lo, hi)
#endif
#ifndef _Inout_
#define _Inout_
#endif
#ifndef _Inout_opt_
#define _Inout_opt_
#endif
#ifndef _Inout_z_
#define _Inout_z_
#endif
#ifndef _Inout_updates_
#define _Inout_updates_(size)
#endif
#ifndef _Inout_updates_opt_
#define _Inout_updates_opt_(size)
#endif
#ifndef _Inout_updates_bytes_
#define _Inout_updates_bytes_(size)
#endif
#ifndef _Inout_updates_bytes_opt_
#define _Inout_updates_bytes_opt_(size)
#endif
#ifndef _Outptr_
#define _Outptr_
#endif
#ifndef _Outptr_opt_
#define _Outptr_opt_
#endif
#ifndef _Outptr_result_maybenull_
#define _Outptr_result_maybenull_
#endif
#ifndef _Outptr_opt_result_maybenull_
#define _Outptr_opt_result_maybenull_
#endif
#ifndef _Outptr_result_nullonfailure_
#define _Outptr_result_nullonfailure_
#endif
#ifndef _Outptr_result_z_
#define _Outptr_result_z_
#endif
#ifndef _Outptr_result_buffer_
#define _Outptr_result_buffer_(size)
#endif
#ifndef _Outptr_result_buffer_maybenull_
#define _Outptr_result_buffer_maybenull_(size)
#endif
#ifndef _Outptr_opt_result_buffer_
#define _Outptr_opt_result_buffer_(size)
#endif
#ifndef _Outptr_result_bytebuffer_
#define _Outptr_result_bytebuffer_(size)
#endif
#ifndef _Outptr_result_bytebuffer_maybenull_
#define _Outptr_result_bytebuffer_maybenull_(size)
#endif
#ifndef _COM_Outptr_
#define _COM_Outptr_
#endif
#ifndef _COM_Outptr_opt_
#define _COM_Outptr_opt_
#endif
#ifndef _Deref_out_
#define _Deref_out_
#endif
#ifndef _Deref_out_opt_
#define _Deref_out_opt_
#endif
#ifndef _Field_size_
#define _Field_size_(size)
#endif
#ifndef _Field_size_opt_
#define _Field_size_opt_(size)
#endif
#ifndef _Field_size_bytes_
#define _Field_size_bytes_(size)
#endif
#ifndef _Field_size_bytes_opt_
#define _Field_size_bytes_opt_(size)
#endif
#ifndef _Field_z_
#define _Field_z_
#endif
#ifndef _Field_range_
#define _Field_range_(lo, hi)
#endif
#ifndef _Pre_satisfies_
#define _Pre_satisfies_(cond)
#endif
#ifndef _Post_satisfies_
#define _Post_satisfies_(cond)
#endif
#ifndef _Pre_readable_size_
#define _Pre_readable_size_(size)
#endif
#ifndef _Pre_readable_byte_size_
#define _Pre_readable_byte_size_(size)
#endif
#ifndef _Pre_writable_size_
#define _Pre_writable_size_(size)
#endif
#ifndef _Pre_writable_byte_size_
#define _Pre_writable_byte_size_(size)
#endif
#ifndef _Post_readable_size_
#define _Post_readable_size_(size)
#endif
#ifndef _Post_readable_byte_size_
#define _Post_readable_byte_size_(size)
#endif
#ifndef _Post_writable_size_
#define _Post_writable_size_(size)
#endif
#ifndef _Post_writable_byte_size_
#define _Post_writable_byte_size_(size)
#endif
#ifndef _Post_invalid_
#define _Post_invalid_
#endif
#ifndef _Post_ptr_invalid_
#define _Post_ptr_invalid_
#endif
#ifndef _At_
#define _At_(target, annotation)
#endif
#ifndef _When_
#define _When_(cond, annotation)
#endif
#ifndef _Success_
#define _Success_(cond)
#endif
#ifndef _Ret_maybenull_
#define _Ret_maybenull_
#endif
#ifndef _Ret_notnull_
#define _Ret_notnull_
#endif
#ifndef _Ret_z_
#define _Ret_z_
#endif
#ifndef _Check_return_
#define _Check_return_
#endif
#ifndef _Must_inspect_result_
#define _Must_inspect_result_
#endif
#ifndef _Use_decl_annotations_
#define _Use_decl_annotations_
#endif
#ifndef _Reserved_
#define _Reserved_
#endif
#ifndef _Null_terminated_
#define _Null_terminated_
#endif
#ifndef _NullNull_terminated_
#define _NullNull_terminated_
#endif
#ifndef _Printf_format_string_
#define _Printf_format_string_
#endif
#ifndef _Frees_ptr_
#define _Frees_ptr_
#endif
#ifndef _Frees_ptr_opt_
#define _Frees_ptr_opt_
#endif
#ifndef _Analysis_assume_
#define _Analysis_assume_(expr)
#endif
/* Pre-2010 ("SAL 1") spellings still found in method sources. */
#ifndef _In_count_
#define _In_count_(size)
#endif
#ifndef _In_bytecount_
#define _In_bytecount_(size)
#endif
#ifndef _In_opt_count_
#define _In_opt_count_(size)
#endif
#ifndef _In_opt_bytecount_
#define _In_opt_bytecount_(size)
#endif
#ifndef _Out_cap_
#define _Out_cap_(size)
#endif
#ifndef _Out_bytecap_
#define _Out_bytecap_(size)
#endif
#ifndef _Out_opt_cap_
#define _Out_opt_cap_(size)
#endif
#ifndef _Out_z_cap_
#define _Out_z_cap_(size)
#endif
#ifndef _Inout_cap_
#define _Inout_cap_(size)
#endif
#ifndef _Inout_bytecap_
#define _Inout_bytecap_(size)
#endif

/*
 * The oldest spellings (__in, __out, ...).  libstdc++ uses __in and __out
 * as parameter names, so in C++ these object-like macros would break every
 * standard header included after this one.  They are therefore defined in C
 * always, and in C++ only on request: define EAPHOST_LEGACY_SAL before the
 * first EAPHost header and include the C++ standard headers before it.
 * Define EAPHOST_NO_LEGACY_SAL to leave them out of C as well.  The
 * function-like ones (__in_ecount(n), ...) are harmless and always defined.
 */
#if !defined(EAPHOST_NO_LEGACY_SAL) && \
    (!defined(__cplusplus) || defined(EAPHOST_LEGACY_SAL))
#ifndef __in
#define __in
#endif
#ifndef __out
#define __out
#endif
#ifndef __inout
#define __inout
#endif
#ifndef __in_opt
#define __in_opt
#endif
#ifndef __out_opt
#define __out_opt
#endif
#ifndef __inout_opt
#define __inout_opt
#endif
#ifndef __in_z
#define __in_z
#endif
#ifndef __in_opt_z
#define __in_opt_z
#endif
#ifndef __deref_out
#define __deref_out
#endif
#ifndef __deref_out_opt
#define __deref_out_opt
#endif
#ifndef __deref_inout
#define __deref_inout
#endif
#ifndef __checkReturn
#define __checkReturn
#endif
#endif /* legacy object-like SAL */

#ifndef __in_ecount
#define __in_ecount(size)
#endif
#ifndef __in_bcount
#define __in_bcount(size)
#endif
#ifndef __in_ecount_opt
#define __in_ecount_opt(size)
#endif
#ifndef __in_bcount_opt
#define __in_bcount_opt(size)
#endif
#ifndef __out_ecount
#define __out_ecount(size)
#endif
#ifndef __out_bcount
#define __out_bcount(size)
#endif
#ifndef __out_ecount_opt
#define __out_ecount_opt(size)
#endif
#ifndef __out_bcount_opt
#define __out_bcount_opt(size)
#endif
#ifndef __out_ecount_part
#define __out_ecount_part(size, length)
#endif
#ifndef __out_bcount_part
#define __out_bcount_part(size, length)
#endif
#ifndef __inout_ecount
#define __inout_ecount(size)
#endif
#ifndef __inout_bcount
#define __inout_bcount(size)
#endif
#ifndef __deref_out_ecount
#define __deref_out_ecount(size)
#endif
#ifndef __deref_out_bcount
#define __deref_out_bcount(size)
#endif
#ifndef __deref_out_ecount_opt
#define __deref_out_ecount_opt(size)
#endif
#ifndef __deref_out_bcount_opt
#define __deref_out_bcount_opt(size)
#endif

#endif /* EAPHOST_WINTYPES_H */
