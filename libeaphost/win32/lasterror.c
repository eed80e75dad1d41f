/*
 * lasterror.c - GetLastError / SetLastError: one error code per thread.
 *
 * Every library built on the Windows layer in a process shares the same
 * per-thread value, as the methods of one process share kernel32's on
 * Windows.
 */
#include "w32_internal.h"

static _Thread_local DWORD last_error;

/**
 * eaphost_w32_GetLastError() - GetLastError: the calling thread's last
 * error code.
 *
 * Return: the value of the latest SetLastError() on this thread (functions
 * of this layer set it when they fail), ERROR_SUCCESS if none.
 */
DWORD WINAPI GetLastError(void)
{
    return last_error;
}

/**
 * eaphost_w32_SetLastError() - SetLastError: set the calling thread's last
 * error code.
 * @dwErrCode: the code; other threads are not affected.
 */
void WINAPI SetLastError(DWORD dwErrCode)
{
    last_error = dwErrCode;
}
