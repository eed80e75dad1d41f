/*
 * sync.c - critical sections, sleeping, tick counts and thread / process
 * ids.
 *
 * A CRITICAL_SECTION holds a recursive POSIX mutex, so the thread that owns
 * it may enter it again, as on Windows.  Ticks come from CLOCK_MONOTONIC.
 * Thread ids are small numbers handed out per thread on first use (unique
 * within the process, never 0).
 */
#include "w32_internal.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static bool init_recursive(LPCRITICAL_SECTION cs)
{
    pthread_mutexattr_t attr;
    bool ok;

    if (pthread_mutexattr_init(&attr) != 0)
        return false;
    ok = pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE) == 0 &&
         pthread_mutex_init(&cs->eaphost_mutex, &attr) == 0;
    pthread_mutexattr_destroy(&attr);
    return ok;
}

/**
 * eaphost_w32_InitializeCriticalSection() - InitializeCriticalSection: set
 * up a recursive lock.
 * @lpCriticalSection: the caller's CRITICAL_SECTION; release it with
 *                     DeleteCriticalSection.
 *
 * Windows raises an exception when this fails; here the process aborts,
 * the nearest equivalent (it fails only when the system is out of memory).
 */
void WINAPI InitializeCriticalSection(LPCRITICAL_SECTION lpCriticalSection)
{
    if (!init_recursive(lpCriticalSection))
        abort();
}

/**
 * eaphost_w32_InitializeCriticalSectionAndSpinCount() - as
 * InitializeCriticalSection; the spin count is ignored.
 * @lpCriticalSection: the caller's CRITICAL_SECTION.
 * @dwSpinCount: ignored.
 *
 * Return: TRUE, or FALSE with ERROR_NOT_ENOUGH_MEMORY.
 */
BOOL WINAPI InitializeCriticalSectionAndSpinCount(LPCRITICAL_SECTION lpCriticalSection,
                                                  DWORD dwSpinCount)
{
    (void)dwSpinCount;
    if (!init_recursive(lpCriticalSection)) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    return TRUE;
}

/**
 * eaphost_w32_InitializeCriticalSectionEx() - as
 * InitializeCriticalSectionAndSpinCount; the flags are ignored.
 * @lpCriticalSection: the caller's CRITICAL_SECTION.
 * @dwSpinCount: ignored.
 * @Flags: ignored.
 */
BOOL WINAPI InitializeCriticalSectionEx(LPCRITICAL_SECTION lpCriticalSection,
                                        DWORD dwSpinCount, DWORD Flags)
{
    (void)Flags;
    return InitializeCriticalSectionAndSpinCount(lpCriticalSection, dwSpinCount);
}

/**
 * eaphost_w32_EnterCriticalSection() - EnterCriticalSection: take the lock
 * (again, if this thread holds it).
 * @lpCriticalSection: an initialised CRITICAL_SECTION.
 */
void WINAPI EnterCriticalSection(LPCRITICAL_SECTION lpCriticalSection)
{
    pthread_mutex_lock(&lpCriticalSection->eaphost_mutex);
}

/**
 * eaphost_w32_TryEnterCriticalSection() - TryEnterCriticalSection.
 * @lpCriticalSection: an initialised CRITICAL_SECTION.
 *
 * Return: TRUE when the lock was taken, FALSE when another thread holds it.
 */
BOOL WINAPI TryEnterCriticalSection(LPCRITICAL_SECTION lpCriticalSection)
{
    return pthread_mutex_trylock(&lpCriticalSection->eaphost_mutex) == 0;
}

/**
 * eaphost_w32_LeaveCriticalSection() - LeaveCriticalSection: release one
 * level of the lock.
 * @lpCriticalSection: a CRITICAL_SECTION this thread holds.
 */
void WINAPI LeaveCriticalSection(LPCRITICAL_SECTION lpCriticalSection)
{
    pthread_mutex_unlock(&lpCriticalSection->eaphost_mutex);
}

/**
 * eaphost_w32_DeleteCriticalSection() - DeleteCriticalSection: release
 * the lock's resources.
 * @lpCriticalSection: an initialised CRITICAL_SECTION nobody holds.
 */
void WINAPI DeleteCriticalSection(LPCRITICAL_SECTION lpCriticalSection)
{
    pthread_mutex_destroy(&lpCriticalSection->eaphost_mutex);
}

/**
 * eaphost_w32_Sleep() - Sleep: suspend the calling thread.
 * @dwMilliseconds: how long; INFINITE sleeps for ever.
 */
void WINAPI Sleep(DWORD dwMilliseconds)
{
    struct timespec ts;

    if (dwMilliseconds == INFINITE) {
        for (;;)
            pause();
    }
    ts.tv_sec = dwMilliseconds / 1000;
    ts.tv_nsec = (long)(dwMilliseconds % 1000) * 1000000L;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/**
 * eaphost_w32_GetTickCount64() - GetTickCount64: milliseconds of a
 * monotonic clock.
 */
ULONGLONG WINAPI GetTickCount64(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (ULONGLONG)ts.tv_sec * 1000u + (ULONGLONG)(ts.tv_nsec / 1000000L);
}

/**
 * eaphost_w32_GetTickCount() - GetTickCount: GetTickCount64, wrapping at
 * 2^32 as on Windows.
 */
DWORD WINAPI GetTickCount(void)
{
    return (DWORD)GetTickCount64();
}

static atomic_uint next_thread_id = 1;
static _Thread_local DWORD thread_id;

/**
 * eaphost_w32_GetCurrentThreadId() - GetCurrentThreadId.
 *
 * Return: a number unique to the calling thread within the process.
 */
DWORD WINAPI GetCurrentThreadId(void)
{
    if (!thread_id)
        thread_id = (DWORD)atomic_fetch_add(&next_thread_id, 1);
    return thread_id;
}

/**
 * eaphost_w32_GetCurrentProcessId() - GetCurrentProcessId: the process id.
 */
DWORD WINAPI GetCurrentProcessId(void)
{
    return (DWORD)getpid();
}
