/*
 * winbase.h - the kernel32 services EAP methods use at run time: heaps,
 * LocalAlloc, the per-thread last error, lstr* strings, critical sections,
 * ticks and sleeping, debug output, and DllMain.
 *
 * Part of libeaphost's Windows source-compatibility headers (pkg-config
 * module eaphost-windows); implemented by libeaphost-win32.  Each Windows
 * name is a macro for the library's exported eaphost_w32_<name>, so the
 * library never clashes with other code that a process loads.
 *
 * Memory ownership, as on Windows:
 *  - HeapAlloc / HeapReAlloc memory belongs to its heap: free it with
 *    HeapFree on the same heap, or let HeapDestroy release whatever is left.
 *    HeapCreate returns a real, separately tracked heap; GetProcessHeap()
 *    is one process-wide heap that cannot be destroyed.  HeapAlloc(h, 0, 0)
 *    returns a valid, unique pointer; HeapFree(h, 0, NULL) succeeds and does
 *    nothing.  HEAP_ZERO_MEMORY zeroes new memory (also the grown part in
 *    HeapReAlloc).  HEAP_GENERATE_EXCEPTIONS is accepted but failures are
 *    reported by return value only: there are no structured exceptions.
 *  - LocalAlloc memory is freed with LocalFree (which returns NULL on
 *    success and its argument on failure).
 *  - Functions that fail set the thread's last error (GetLastError), which
 *    is per thread and shared by every library built on this layer.
 *
 * DllMain is declared here with C linkage, so a method written in C++
 * exports it under its plain name; the host calls it with
 * DLL_PROCESS_ATTACH right after loading the method and with
 * DLL_PROCESS_DETACH before unloading it (the module handle stands in for
 * the HINSTANCE).  DLL_THREAD_ATTACH / DETACH are never sent.
 */
#ifndef EAPHOST_WIN32_WINBASE_H
#define EAPHOST_WIN32_WINBASE_H

#include <pthread.h>

#include <windef.h>

/* ---- constants --------------------------------------------------------------------- */

#define HEAP_NO_SERIALIZE 0x00000001
#define HEAP_GROWABLE 0x00000002
#define HEAP_GENERATE_EXCEPTIONS 0x00000004
#define HEAP_ZERO_MEMORY 0x00000008
#define HEAP_REALLOC_IN_PLACE_ONLY 0x00000010
#define HEAP_CREATE_ENABLE_EXECUTE 0x00040000

#define LMEM_FIXED 0x0000
#define LMEM_MOVEABLE 0x0002
#define LMEM_NOCOMPACT 0x0010
#define LMEM_NODISCARD 0x0020
#define LMEM_ZEROINIT 0x0040
#define LMEM_MODIFY 0x0080
#define LPTR (LMEM_FIXED | LMEM_ZEROINIT)
#define LHND (LMEM_MOVEABLE | LMEM_ZEROINIT)
#define NONZEROLHND LMEM_MOVEABLE
#define NONZEROLPTR LMEM_FIXED

#define INFINITE 0xFFFFFFFF

#ifdef __cplusplus
extern "C" {
#endif

/* ---- DllMain ------------------------------------------------------------------------ */

BOOL WINAPI DllMain(HINSTANCE hinstDLL, DWORD fdwReason, LPVOID lpvReserved);

/* ---- heaps ------------------------------------------------------------------------------ */

#define HeapCreate eaphost_w32_HeapCreate
#define HeapDestroy eaphost_w32_HeapDestroy
#define HeapAlloc eaphost_w32_HeapAlloc
#define HeapReAlloc eaphost_w32_HeapReAlloc
#define HeapFree eaphost_w32_HeapFree
#define HeapSize eaphost_w32_HeapSize
#define GetProcessHeap eaphost_w32_GetProcessHeap

HANDLE WINAPI HeapCreate(DWORD flOptions, SIZE_T dwInitialSize, SIZE_T dwMaximumSize);
BOOL WINAPI HeapDestroy(HANDLE hHeap);
LPVOID WINAPI HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes);
LPVOID WINAPI HeapReAlloc(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem, SIZE_T dwBytes);
BOOL WINAPI HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem);
SIZE_T WINAPI HeapSize(HANDLE hHeap, DWORD dwFlags, LPCVOID lpMem);
HANDLE WINAPI GetProcessHeap(void);

/* ---- LocalAlloc ---------------------------------------------------------------------- */

#define LocalAlloc eaphost_w32_LocalAlloc
#define LocalReAlloc eaphost_w32_LocalReAlloc
#define LocalFree eaphost_w32_LocalFree
#define LocalSize eaphost_w32_LocalSize
#define LocalLock eaphost_w32_LocalLock
#define LocalUnlock eaphost_w32_LocalUnlock

HLOCAL WINAPI LocalAlloc(UINT uFlags, SIZE_T uBytes);
HLOCAL WINAPI LocalReAlloc(HLOCAL hMem, SIZE_T uBytes, UINT uFlags);
HLOCAL WINAPI LocalFree(HLOCAL hMem);
SIZE_T WINAPI LocalSize(HLOCAL hMem);
LPVOID WINAPI LocalLock(HLOCAL hMem);
BOOL WINAPI LocalUnlock(HLOCAL hMem);

/* ---- last error ---------------------------------------------------------------------- */

#define GetLastError eaphost_w32_GetLastError
#define SetLastError eaphost_w32_SetLastError

DWORD WINAPI GetLastError(void);
void WINAPI SetLastError(DWORD dwErrCode);

/* ---- lstr*: NULL-tolerant string helpers (ordinal comparison) ------------------ */

#define lstrlenA eaphost_w32_lstrlenA
#define lstrlenW eaphost_w32_lstrlenW
#define lstrcpyA eaphost_w32_lstrcpyA
#define lstrcpyW eaphost_w32_lstrcpyW
#define lstrcpynA eaphost_w32_lstrcpynA
#define lstrcpynW eaphost_w32_lstrcpynW
#define lstrcatA eaphost_w32_lstrcatA
#define lstrcatW eaphost_w32_lstrcatW
#define lstrcmpA eaphost_w32_lstrcmpA
#define lstrcmpW eaphost_w32_lstrcmpW
#define lstrcmpiA eaphost_w32_lstrcmpiA
#define lstrcmpiW eaphost_w32_lstrcmpiW

int WINAPI lstrlenA(LPCSTR lpString);
int WINAPI lstrlenW(LPCWSTR lpString);
LPSTR WINAPI lstrcpyA(LPSTR lpString1, LPCSTR lpString2);
LPWSTR WINAPI lstrcpyW(LPWSTR lpString1, LPCWSTR lpString2);
LPSTR WINAPI lstrcpynA(LPSTR lpString1, LPCSTR lpString2, int iMaxLength);
LPWSTR WINAPI lstrcpynW(LPWSTR lpString1, LPCWSTR lpString2, int iMaxLength);
LPSTR WINAPI lstrcatA(LPSTR lpString1, LPCSTR lpString2);
LPWSTR WINAPI lstrcatW(LPWSTR lpString1, LPCWSTR lpString2);
int WINAPI lstrcmpA(LPCSTR lpString1, LPCSTR lpString2);
int WINAPI lstrcmpW(LPCWSTR lpString1, LPCWSTR lpString2);
int WINAPI lstrcmpiA(LPCSTR lpString1, LPCSTR lpString2);
int WINAPI lstrcmpiW(LPCWSTR lpString1, LPCWSTR lpString2);

#ifdef UNICODE
#define lstrlen lstrlenW
#define lstrcpy lstrcpyW
#define lstrcpyn lstrcpynW
#define lstrcat lstrcatW
#define lstrcmp lstrcmpW
#define lstrcmpi lstrcmpiW
#else
#define lstrlen lstrlenA
#define lstrcpy lstrcpyA
#define lstrcpyn lstrcpynA
#define lstrcat lstrcatA
#define lstrcmp lstrcmpA
#define lstrcmpi lstrcmpiA
#endif

/* ---- critical sections (recursive, as on Windows) ------------------------------ */

typedef struct _RTL_CRITICAL_SECTION {
    pthread_mutex_t eaphost_mutex;   /* set up by InitializeCriticalSection */
} RTL_CRITICAL_SECTION, CRITICAL_SECTION, *PRTL_CRITICAL_SECTION,
  *PCRITICAL_SECTION, *LPCRITICAL_SECTION;

#define InitializeCriticalSection eaphost_w32_InitializeCriticalSection
#define InitializeCriticalSectionAndSpinCount eaphost_w32_InitializeCriticalSectionAndSpinCount
#define InitializeCriticalSectionEx eaphost_w32_InitializeCriticalSectionEx
#define EnterCriticalSection eaphost_w32_EnterCriticalSection
#define TryEnterCriticalSection eaphost_w32_TryEnterCriticalSection
#define LeaveCriticalSection eaphost_w32_LeaveCriticalSection
#define DeleteCriticalSection eaphost_w32_DeleteCriticalSection

void WINAPI InitializeCriticalSection(LPCRITICAL_SECTION lpCriticalSection);
BOOL WINAPI InitializeCriticalSectionAndSpinCount(LPCRITICAL_SECTION lpCriticalSection,
                                                  DWORD dwSpinCount);
BOOL WINAPI InitializeCriticalSectionEx(LPCRITICAL_SECTION lpCriticalSection,
                                        DWORD dwSpinCount, DWORD Flags);
void WINAPI EnterCriticalSection(LPCRITICAL_SECTION lpCriticalSection);
BOOL WINAPI TryEnterCriticalSection(LPCRITICAL_SECTION lpCriticalSection);
void WINAPI LeaveCriticalSection(LPCRITICAL_SECTION lpCriticalSection);
void WINAPI DeleteCriticalSection(LPCRITICAL_SECTION lpCriticalSection);

/* ---- time, threads, debug output -------------------------------------------------- */

#define Sleep eaphost_w32_Sleep
#define GetTickCount eaphost_w32_GetTickCount
#define GetTickCount64 eaphost_w32_GetTickCount64
#define GetCurrentThreadId eaphost_w32_GetCurrentThreadId
#define GetCurrentProcessId eaphost_w32_GetCurrentProcessId
#define OutputDebugStringA eaphost_w32_OutputDebugStringA
#define OutputDebugStringW eaphost_w32_OutputDebugStringW

void WINAPI Sleep(DWORD dwMilliseconds);
DWORD WINAPI GetTickCount(void);
ULONGLONG WINAPI GetTickCount64(void);
DWORD WINAPI GetCurrentThreadId(void);
DWORD WINAPI GetCurrentProcessId(void);
/* Goes where the Trace* output goes (see rtutils.h). */
void WINAPI OutputDebugStringA(LPCSTR lpOutputString);
void WINAPI OutputDebugStringW(LPCWSTR lpOutputString);

#ifdef UNICODE
#define OutputDebugString OutputDebugStringW
#else
#define OutputDebugString OutputDebugStringA
#endif

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_WIN32_WINBASE_H */
