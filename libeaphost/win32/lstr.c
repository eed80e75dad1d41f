/*
 * lstr.c - kernel32's lstr* string functions, A and W.
 *
 * As on Windows they tolerate NULL where the C library would fault:
 * lstrlen(NULL) is 0, lstrcpy / lstrcat with a NULL argument return NULL,
 * and lstrcmp orders NULL before every string.  Windows compares
 * linguistically (CompareString); here comparison is ordinal (by code
 * unit), which gives the same answer for equality and for ASCII strings
 * that differ other than in case.  lstrcmpi folds ASCII letters only.
 */
#include "w32_internal.h"

#include <string.h>

static int sign_of(int v)
{
    return (v > 0) - (v < 0);
}

/**
 * eaphost_w32_lstrlenA() - lstrlenA: bytes before the NUL.
 * @lpString: the string, or NULL (0).
 */
int WINAPI lstrlenA(LPCSTR lpString)
{
    return lpString ? (int)strlen(lpString) : 0;
}

/**
 * eaphost_w32_lstrlenW() - lstrlenW: UTF-16 units before the NUL.
 * @lpString: the string, or NULL (0).
 */
int WINAPI lstrlenW(LPCWSTR lpString)
{
    return lpString ? (int)wcslen(lpString) : 0;
}

/**
 * eaphost_w32_lstrcpyA() - lstrcpyA: copy a string.
 * @lpString1: destination, with room for @lpString2.
 * @lpString2: source.
 *
 * Return: @lpString1, or NULL when either is NULL.
 */
LPSTR WINAPI lstrcpyA(LPSTR lpString1, LPCSTR lpString2)
{
    if (!lpString1 || !lpString2)
        return NULL;
    return strcpy(lpString1, lpString2);
}

/**
 * eaphost_w32_lstrcpyW() - lstrcpyW: copy a string.
 * @lpString1: destination, with room for @lpString2.
 * @lpString2: source.
 *
 * Return: @lpString1, or NULL when either is NULL.
 */
LPWSTR WINAPI lstrcpyW(LPWSTR lpString1, LPCWSTR lpString2)
{
    if (!lpString1 || !lpString2)
        return NULL;
    return wcscpy(lpString1, lpString2);
}

/**
 * eaphost_w32_lstrcpynA() - lstrcpynA: copy at most @iMaxLength - 1 bytes
 * and always a NUL.
 * @lpString1: destination of @iMaxLength bytes.
 * @lpString2: source.
 * @iMaxLength: the destination size, NUL included.
 *
 * Return: @lpString1; NULL for NULL arguments or @iMaxLength <= 0.
 */
LPSTR WINAPI lstrcpynA(LPSTR lpString1, LPCSTR lpString2, int iMaxLength)
{
    int i;

    if (!lpString1 || !lpString2 || iMaxLength <= 0)
        return NULL;
    for (i = 0; i < iMaxLength - 1 && lpString2[i]; i++)
        lpString1[i] = lpString2[i];
    lpString1[i] = '\0';
    return lpString1;
}

/**
 * eaphost_w32_lstrcpynW() - lstrcpynW: copy at most @iMaxLength - 1 units
 * and always a NUL.
 * @lpString1: destination of @iMaxLength units.
 * @lpString2: source.
 * @iMaxLength: the destination size, NUL included.
 *
 * Return: @lpString1; NULL for NULL arguments or @iMaxLength <= 0.
 */
LPWSTR WINAPI lstrcpynW(LPWSTR lpString1, LPCWSTR lpString2, int iMaxLength)
{
    int i;

    if (!lpString1 || !lpString2 || iMaxLength <= 0)
        return NULL;
    for (i = 0; i < iMaxLength - 1 && lpString2[i]; i++)
        lpString1[i] = lpString2[i];
    lpString1[i] = 0;
    return lpString1;
}

/**
 * eaphost_w32_lstrcatA() - lstrcatA: append a string.
 * @lpString1: a string with room for the result.
 * @lpString2: the string to append.
 *
 * Return: @lpString1, or NULL when either is NULL.
 */
LPSTR WINAPI lstrcatA(LPSTR lpString1, LPCSTR lpString2)
{
    if (!lpString1 || !lpString2)
        return NULL;
    return strcat(lpString1, lpString2);
}

/**
 * eaphost_w32_lstrcatW() - lstrcatW: append a string.
 * @lpString1: a string with room for the result.
 * @lpString2: the string to append.
 *
 * Return: @lpString1, or NULL when either is NULL.
 */
LPWSTR WINAPI lstrcatW(LPWSTR lpString1, LPCWSTR lpString2)
{
    if (!lpString1 || !lpString2)
        return NULL;
    return wcscat(lpString1, lpString2);
}

/**
 * eaphost_w32_lstrcmpA() - lstrcmpA: ordinal comparison.
 * @lpString1: a string or NULL.
 * @lpString2: a string or NULL.
 *
 * Return: -1, 0 or 1 (NULL sorts before any string).
 */
int WINAPI lstrcmpA(LPCSTR lpString1, LPCSTR lpString2)
{
    if (!lpString1 || !lpString2)
        return lpString1 ? 1 : lpString2 ? -1 : 0;
    return sign_of(strcmp(lpString1, lpString2));
}

/**
 * eaphost_w32_lstrcmpW() - lstrcmpW: ordinal comparison by UTF-16 unit.
 * @lpString1: a string or NULL.
 * @lpString2: a string or NULL.
 *
 * Return: -1, 0 or 1 (NULL sorts before any string).
 */
int WINAPI lstrcmpW(LPCWSTR lpString1, LPCWSTR lpString2)
{
    if (!lpString1 || !lpString2)
        return lpString1 ? 1 : lpString2 ? -1 : 0;
    return sign_of(wcscmp(lpString1, lpString2));
}

/**
 * eaphost_w32_lstrcmpiA() - lstrcmpiA: comparison with ASCII letters
 * folded.
 * @lpString1: a string or NULL.
 * @lpString2: a string or NULL.
 *
 * Return: -1, 0 or 1.
 */
int WINAPI lstrcmpiA(LPCSTR lpString1, LPCSTR lpString2)
{
    const unsigned char *a = (const unsigned char *)lpString1;
    const unsigned char *b = (const unsigned char *)lpString2;

    if (!a || !b)
        return a ? 1 : b ? -1 : 0;
    for (;; a++, b++) {
        int x = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a;
        int y = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;

        if (x != y || !x)
            return sign_of(x - y);
    }
}

/**
 * eaphost_w32_lstrcmpiW() - lstrcmpiW: comparison with ASCII letters
 * folded.
 * @lpString1: a string or NULL.
 * @lpString2: a string or NULL.
 *
 * Return: -1, 0 or 1.
 */
int WINAPI lstrcmpiW(LPCWSTR lpString1, LPCWSTR lpString2)
{
    if (!lpString1 || !lpString2)
        return lpString1 ? 1 : lpString2 ? -1 : 0;
    return sign_of(_wcsicmp(lpString1, lpString2));
}
