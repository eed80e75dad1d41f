/*
 * unsupported.c - what a method uses only in its configuration,
 * registration or UI code: the registry, dialogs and message boxes,
 * resources, COM.  Declared so such files compile; every call fails with
 * a documented error, never a silent success:
 *   Reg*                       ERROR_NOT_SUPPORTED (RegCloseKey:
 *                              ERROR_INVALID_HANDLE), handle outputs NULL
 *   user32 dialogs / windows   their failure value, last error
 *                              ERROR_NOT_SUPPORTED (see winuser.h)
 *   resources, LoadString      NULL / 0, last error ERROR_NOT_SUPPORTED
 *   CoInitialize(Ex),
 *   CoCreateInstance           E_NOTIMPL (*ppv = NULL)
 * A method's registration lives in the JSON method registry; its
 * credentials come from the supplicant (no dialogs).
 */
#include "w32_internal.h"

static LSTATUS reg_fail(PHKEY out)
{
    if (out)
        *out = NULL;
    return (LSTATUS)ERROR_NOT_SUPPORTED;
}

/* ---- registry ---------------------------------------------------------------------- */

LSTATUS WINAPI RegOpenKeyExA(HKEY hKey, LPCSTR lpSubKey, DWORD ulOptions,
                             REGSAM samDesired, PHKEY phkResult)
{
    (void)hKey; (void)lpSubKey; (void)ulOptions; (void)samDesired;
    return reg_fail(phkResult);
}

LSTATUS WINAPI RegOpenKeyExW(HKEY hKey, LPCWSTR lpSubKey, DWORD ulOptions,
                             REGSAM samDesired, PHKEY phkResult)
{
    (void)hKey; (void)lpSubKey; (void)ulOptions; (void)samDesired;
    return reg_fail(phkResult);
}

LSTATUS WINAPI RegCreateKeyExA(HKEY hKey, LPCSTR lpSubKey, DWORD Reserved,
                               LPSTR lpClass, DWORD dwOptions, REGSAM samDesired,
                               const LPSECURITY_ATTRIBUTES lpSecurityAttributes,
                               PHKEY phkResult, LPDWORD lpdwDisposition)
{
    (void)hKey; (void)lpSubKey; (void)Reserved; (void)lpClass; (void)dwOptions;
    (void)samDesired; (void)lpSecurityAttributes; (void)lpdwDisposition;
    return reg_fail(phkResult);
}

LSTATUS WINAPI RegCreateKeyExW(HKEY hKey, LPCWSTR lpSubKey, DWORD Reserved,
                               LPWSTR lpClass, DWORD dwOptions, REGSAM samDesired,
                               const LPSECURITY_ATTRIBUTES lpSecurityAttributes,
                               PHKEY phkResult, LPDWORD lpdwDisposition)
{
    (void)hKey; (void)lpSubKey; (void)Reserved; (void)lpClass; (void)dwOptions;
    (void)samDesired; (void)lpSecurityAttributes; (void)lpdwDisposition;
    return reg_fail(phkResult);
}

LSTATUS WINAPI RegQueryValueExA(HKEY hKey, LPCSTR lpValueName, LPDWORD lpReserved,
                                LPDWORD lpType, LPBYTE lpData, LPDWORD lpcbData)
{
    (void)hKey; (void)lpValueName; (void)lpReserved; (void)lpType; (void)lpData;
    (void)lpcbData;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegQueryValueExW(HKEY hKey, LPCWSTR lpValueName, LPDWORD lpReserved,
                                LPDWORD lpType, LPBYTE lpData, LPDWORD lpcbData)
{
    (void)hKey; (void)lpValueName; (void)lpReserved; (void)lpType; (void)lpData;
    (void)lpcbData;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegSetValueExA(HKEY hKey, LPCSTR lpValueName, DWORD Reserved,
                              DWORD dwType, const BYTE *lpData, DWORD cbData)
{
    (void)hKey; (void)lpValueName; (void)Reserved; (void)dwType; (void)lpData;
    (void)cbData;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegSetValueExW(HKEY hKey, LPCWSTR lpValueName, DWORD Reserved,
                              DWORD dwType, const BYTE *lpData, DWORD cbData)
{
    (void)hKey; (void)lpValueName; (void)Reserved; (void)dwType; (void)lpData;
    (void)cbData;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegGetValueA(HKEY hkey, LPCSTR lpSubKey, LPCSTR lpValue, DWORD dwFlags,
                            LPDWORD pdwType, PVOID pvData, LPDWORD pcbData)
{
    (void)hkey; (void)lpSubKey; (void)lpValue; (void)dwFlags; (void)pdwType;
    (void)pvData; (void)pcbData;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegGetValueW(HKEY hkey, LPCWSTR lpSubKey, LPCWSTR lpValue, DWORD dwFlags,
                            LPDWORD pdwType, PVOID pvData, LPDWORD pcbData)
{
    (void)hkey; (void)lpSubKey; (void)lpValue; (void)dwFlags; (void)pdwType;
    (void)pvData; (void)pcbData;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegDeleteValueA(HKEY hKey, LPCSTR lpValueName)
{
    (void)hKey; (void)lpValueName;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegDeleteValueW(HKEY hKey, LPCWSTR lpValueName)
{
    (void)hKey; (void)lpValueName;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegDeleteKeyA(HKEY hKey, LPCSTR lpSubKey)
{
    (void)hKey; (void)lpSubKey;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegDeleteKeyW(HKEY hKey, LPCWSTR lpSubKey)
{
    (void)hKey; (void)lpSubKey;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegEnumKeyExA(HKEY hKey, DWORD dwIndex, LPSTR lpName, LPDWORD lpcchName,
                             LPDWORD lpReserved, LPSTR lpClass, LPDWORD lpcchClass,
                             PFILETIME lpftLastWriteTime)
{
    (void)hKey; (void)dwIndex; (void)lpName; (void)lpcchName; (void)lpReserved;
    (void)lpClass; (void)lpcchClass; (void)lpftLastWriteTime;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegEnumKeyExW(HKEY hKey, DWORD dwIndex, LPWSTR lpName, LPDWORD lpcchName,
                             LPDWORD lpReserved, LPWSTR lpClass, LPDWORD lpcchClass,
                             PFILETIME lpftLastWriteTime)
{
    (void)hKey; (void)dwIndex; (void)lpName; (void)lpcchName; (void)lpReserved;
    (void)lpClass; (void)lpcchClass; (void)lpftLastWriteTime;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegEnumValueA(HKEY hKey, DWORD dwIndex, LPSTR lpValueName,
                             LPDWORD lpcchValueName, LPDWORD lpReserved, LPDWORD lpType,
                             LPBYTE lpData, LPDWORD lpcbData)
{
    (void)hKey; (void)dwIndex; (void)lpValueName; (void)lpcchValueName;
    (void)lpReserved; (void)lpType; (void)lpData; (void)lpcbData;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegEnumValueW(HKEY hKey, DWORD dwIndex, LPWSTR lpValueName,
                             LPDWORD lpcchValueName, LPDWORD lpReserved, LPDWORD lpType,
                             LPBYTE lpData, LPDWORD lpcbData)
{
    (void)hKey; (void)dwIndex; (void)lpValueName; (void)lpcchValueName;
    (void)lpReserved; (void)lpType; (void)lpData; (void)lpcbData;
    return reg_fail(NULL);
}

LSTATUS WINAPI RegCloseKey(HKEY hKey)
{
    (void)hKey;
    return (LSTATUS)ERROR_INVALID_HANDLE;   /* no key is ever opened */
}

/* ---- user32: every call fails with ERROR_NOT_SUPPORTED ----------------------------- */

static void no_ui(void)
{
    SetLastError(ERROR_NOT_SUPPORTED);
}

int WINAPI MessageBoxA(HWND hWnd, LPCSTR lpText, LPCSTR lpCaption, UINT uType)
{
    (void)hWnd; (void)lpText; (void)lpCaption; (void)uType;
    no_ui();
    return 0;
}

int WINAPI MessageBoxW(HWND hWnd, LPCWSTR lpText, LPCWSTR lpCaption, UINT uType)
{
    (void)hWnd; (void)lpText; (void)lpCaption; (void)uType;
    no_ui();
    return 0;
}

INT_PTR WINAPI DialogBoxParamA(HINSTANCE hInstance, LPCSTR lpTemplateName,
                               HWND hWndParent, DLGPROC lpDialogFunc, LPARAM dwInitParam)
{
    (void)hInstance; (void)lpTemplateName; (void)hWndParent; (void)lpDialogFunc;
    (void)dwInitParam;
    no_ui();
    return -1;
}

INT_PTR WINAPI DialogBoxParamW(HINSTANCE hInstance, LPCWSTR lpTemplateName,
                               HWND hWndParent, DLGPROC lpDialogFunc, LPARAM dwInitParam)
{
    (void)hInstance; (void)lpTemplateName; (void)hWndParent; (void)lpDialogFunc;
    (void)dwInitParam;
    no_ui();
    return -1;
}

HWND WINAPI CreateDialogParamA(HINSTANCE hInstance, LPCSTR lpTemplateName,
                               HWND hWndParent, DLGPROC lpDialogFunc, LPARAM dwInitParam)
{
    (void)hInstance; (void)lpTemplateName; (void)hWndParent; (void)lpDialogFunc;
    (void)dwInitParam;
    no_ui();
    return NULL;
}

HWND WINAPI CreateDialogParamW(HINSTANCE hInstance, LPCWSTR lpTemplateName,
                               HWND hWndParent, DLGPROC lpDialogFunc, LPARAM dwInitParam)
{
    (void)hInstance; (void)lpTemplateName; (void)hWndParent; (void)lpDialogFunc;
    (void)dwInitParam;
    no_ui();
    return NULL;
}

BOOL WINAPI EndDialog(HWND hDlg, INT_PTR nResult)
{
    (void)hDlg; (void)nResult;
    no_ui();
    return FALSE;
}

HWND WINAPI GetDlgItem(HWND hDlg, int nIDDlgItem)
{
    (void)hDlg; (void)nIDDlgItem;
    no_ui();
    return NULL;
}

UINT WINAPI GetDlgItemTextA(HWND hDlg, int nIDDlgItem, LPSTR lpString, int cchMax)
{
    (void)hDlg; (void)nIDDlgItem;
    if (lpString && cchMax > 0)
        lpString[0] = '\0';
    no_ui();
    return 0;
}

UINT WINAPI GetDlgItemTextW(HWND hDlg, int nIDDlgItem, LPWSTR lpString, int cchMax)
{
    (void)hDlg; (void)nIDDlgItem;
    if (lpString && cchMax > 0)
        lpString[0] = 0;
    no_ui();
    return 0;
}

BOOL WINAPI SetDlgItemTextA(HWND hDlg, int nIDDlgItem, LPCSTR lpString)
{
    (void)hDlg; (void)nIDDlgItem; (void)lpString;
    no_ui();
    return FALSE;
}

BOOL WINAPI SetDlgItemTextW(HWND hDlg, int nIDDlgItem, LPCWSTR lpString)
{
    (void)hDlg; (void)nIDDlgItem; (void)lpString;
    no_ui();
    return FALSE;
}

LRESULT WINAPI SendMessageA(HWND hWnd, UINT Msg, WPARAM wParam, LPARAM lParam)
{
    (void)hWnd; (void)Msg; (void)wParam; (void)lParam;
    no_ui();
    return 0;
}

LRESULT WINAPI SendMessageW(HWND hWnd, UINT Msg, WPARAM wParam, LPARAM lParam)
{
    (void)hWnd; (void)Msg; (void)wParam; (void)lParam;
    no_ui();
    return 0;
}

LRESULT WINAPI SendDlgItemMessageA(HWND hDlg, int nIDDlgItem, UINT Msg, WPARAM wParam,
                                   LPARAM lParam)
{
    (void)hDlg; (void)nIDDlgItem; (void)Msg; (void)wParam; (void)lParam;
    no_ui();
    return 0;
}

LRESULT WINAPI SendDlgItemMessageW(HWND hDlg, int nIDDlgItem, UINT Msg, WPARAM wParam,
                                   LPARAM lParam)
{
    (void)hDlg; (void)nIDDlgItem; (void)Msg; (void)wParam; (void)lParam;
    no_ui();
    return 0;
}

LONG_PTR WINAPI GetWindowLongPtrA(HWND hWnd, int nIndex)
{
    (void)hWnd; (void)nIndex;
    no_ui();
    return 0;
}

LONG_PTR WINAPI GetWindowLongPtrW(HWND hWnd, int nIndex)
{
    (void)hWnd; (void)nIndex;
    no_ui();
    return 0;
}

LONG_PTR WINAPI SetWindowLongPtrA(HWND hWnd, int nIndex, LONG_PTR dwNewLong)
{
    (void)hWnd; (void)nIndex; (void)dwNewLong;
    no_ui();
    return 0;
}

LONG_PTR WINAPI SetWindowLongPtrW(HWND hWnd, int nIndex, LONG_PTR dwNewLong)
{
    (void)hWnd; (void)nIndex; (void)dwNewLong;
    no_ui();
    return 0;
}

BOOL WINAPI CheckDlgButton(HWND hDlg, int nIDButton, UINT uCheck)
{
    (void)hDlg; (void)nIDButton; (void)uCheck;
    no_ui();
    return FALSE;
}

UINT WINAPI IsDlgButtonChecked(HWND hDlg, int nIDButton)
{
    (void)hDlg; (void)nIDButton;
    no_ui();
    return BST_UNCHECKED;
}

BOOL WINAPI EnableWindow(HWND hWnd, BOOL bEnable)
{
    (void)hWnd; (void)bEnable;
    no_ui();
    return FALSE;
}

BOOL WINAPI ShowWindow(HWND hWnd, int nCmdShow)
{
    (void)hWnd; (void)nCmdShow;
    no_ui();
    return FALSE;
}

HWND WINAPI SetFocus(HWND hWnd)
{
    (void)hWnd;
    no_ui();
    return NULL;
}

/* ---- resources: there are none --------------------------------------------------------- */

int WINAPI LoadStringA(HINSTANCE hInstance, UINT uID, LPSTR lpBuffer, int cchBufferMax)
{
    (void)hInstance; (void)uID;
    if (lpBuffer && cchBufferMax > 0)
        lpBuffer[0] = '\0';
    no_ui();
    return 0;
}

int WINAPI LoadStringW(HINSTANCE hInstance, UINT uID, LPWSTR lpBuffer, int cchBufferMax)
{
    (void)hInstance; (void)uID;
    if (lpBuffer && cchBufferMax > 0)
        lpBuffer[0] = 0;
    no_ui();
    return 0;
}

HICON WINAPI LoadIconA(HINSTANCE hInstance, LPCSTR lpIconName)
{
    (void)hInstance; (void)lpIconName;
    no_ui();
    return NULL;
}

HICON WINAPI LoadIconW(HINSTANCE hInstance, LPCWSTR lpIconName)
{
    (void)hInstance; (void)lpIconName;
    no_ui();
    return NULL;
}

HCURSOR WINAPI LoadCursorA(HINSTANCE hInstance, LPCSTR lpCursorName)
{
    (void)hInstance; (void)lpCursorName;
    no_ui();
    return NULL;
}

HCURSOR WINAPI LoadCursorW(HINSTANCE hInstance, LPCWSTR lpCursorName)
{
    (void)hInstance; (void)lpCursorName;
    no_ui();
    return NULL;
}

HANDLE WINAPI LoadImageA(HINSTANCE hInst, LPCSTR name, UINT type, int cx, int cy,
                         UINT fuLoad)
{
    (void)hInst; (void)name; (void)type; (void)cx; (void)cy; (void)fuLoad;
    no_ui();
    return NULL;
}

HANDLE WINAPI LoadImageW(HINSTANCE hInst, LPCWSTR name, UINT type, int cx, int cy,
                         UINT fuLoad)
{
    (void)hInst; (void)name; (void)type; (void)cx; (void)cy; (void)fuLoad;
    no_ui();
    return NULL;
}

HRSRC WINAPI FindResourceA(HMODULE hModule, LPCSTR lpName, LPCSTR lpType)
{
    (void)hModule; (void)lpName; (void)lpType;
    no_ui();
    return NULL;
}

HRSRC WINAPI FindResourceW(HMODULE hModule, LPCWSTR lpName, LPCWSTR lpType)
{
    (void)hModule; (void)lpName; (void)lpType;
    no_ui();
    return NULL;
}

HRSRC WINAPI FindResourceExA(HMODULE hModule, LPCSTR lpType, LPCSTR lpName,
                             WORD wLanguage)
{
    (void)hModule; (void)lpType; (void)lpName; (void)wLanguage;
    no_ui();
    return NULL;
}

HRSRC WINAPI FindResourceExW(HMODULE hModule, LPCWSTR lpType, LPCWSTR lpName,
                             WORD wLanguage)
{
    (void)hModule; (void)lpType; (void)lpName; (void)wLanguage;
    no_ui();
    return NULL;
}

HGLOBAL WINAPI LoadResource(HMODULE hModule, HRSRC hResInfo)
{
    (void)hModule; (void)hResInfo;
    no_ui();
    return NULL;
}

LPVOID WINAPI LockResource(HGLOBAL hResData)
{
    (void)hResData;
    no_ui();
    return NULL;
}

DWORD WINAPI SizeofResource(HMODULE hModule, HRSRC hResInfo)
{
    (void)hModule; (void)hResInfo;
    no_ui();
    return 0;
}

/* ---- COM: not available ------------------------------------------------------------------ */

HRESULT WINAPI CoInitialize(LPVOID pvReserved)
{
    (void)pvReserved;
    return E_NOTIMPL;
}

HRESULT WINAPI CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit)
{
    (void)pvReserved; (void)dwCoInit;
    return E_NOTIMPL;
}

void WINAPI CoUninitialize(void)
{
}

HRESULT WINAPI CoCreateInstance(REFCLSID rclsid, LPUNKNOWN pUnkOuter, DWORD dwClsContext,
                                REFIID riid, LPVOID *ppv)
{
    (void)rclsid; (void)pUnkOuter; (void)dwClsContext; (void)riid;
    if (ppv)
        *ppv = NULL;
    return E_NOTIMPL;
}
