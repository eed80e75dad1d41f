/*
 * winuser.h - dialogs, message boxes and resources, declared so that a
 * method's UI code compiles; no window ever opens here.  Also wsprintf,
 * which works.
 *
 * Part of libeaphost's Windows source-compatibility headers (pkg-config
 * module eaphost-windows); implemented by libeaphost-win32.
 *
 * Not supported at run time, each returning its documented failure value
 * with the last error set to ERROR_NOT_SUPPORTED, never a silent success:
 *   MessageBox          0                 DialogBoxParam      -1
 *   CreateDialogParam   NULL              EndDialog           FALSE
 *   GetDlgItem          NULL              Get/SetDlgItemText  0 / FALSE
 *   SendMessage, SendDlgItemMessage  0    Get/SetWindowLongPtr  0
 *   CheckDlgButton, EnableWindow, ShowWindow  FALSE
 *   IsDlgButtonChecked  BST_UNCHECKED     SetFocus            NULL
 *   LoadString          0 (no string resources exist)
 *   LoadIcon, LoadCursor, LoadImage, FindResource(Ex), LoadResource,
 *   LockResource        NULL              SizeofResource      0
 *
 * wsprintfA / wsprintfW and wvsprintf* format with Microsoft's rules (see
 * eaphost_w32_wchar.h) into a buffer of at most 1024 characters, as
 * Windows does, and return the number of characters stored without the
 * terminating NUL.
 */
#ifndef EAPHOST_WIN32_WINUSER_H
#define EAPHOST_WIN32_WINUSER_H

#include <windef.h>

typedef INT_PTR (CALLBACK *DLGPROC)(HWND, UINT, WPARAM, LPARAM);
typedef LRESULT (CALLBACK *WNDPROC)(HWND, UINT, WPARAM, LPARAM);
typedef struct DLGTEMPLATE DLGTEMPLATE;
typedef const DLGTEMPLATE *LPCDLGTEMPLATEA;
typedef const DLGTEMPLATE *LPCDLGTEMPLATEW;

#define MAKEINTRESOURCEA(i) ((LPSTR)((ULONG_PTR)((WORD)(i))))
#define MAKEINTRESOURCEW(i) ((LPWSTR)((ULONG_PTR)((WORD)(i))))
#define IS_INTRESOURCE(r) ((((ULONG_PTR)(r)) >> 16) == 0)
#ifdef UNICODE
#define MAKEINTRESOURCE MAKEINTRESOURCEW
#else
#define MAKEINTRESOURCE MAKEINTRESOURCEA
#endif

#define RT_STRING MAKEINTRESOURCE(6)
#define RT_RCDATA MAKEINTRESOURCE(10)
#define RT_DIALOG MAKEINTRESOURCE(5)

#define IDOK 1
#define IDCANCEL 2
#define IDABORT 3
#define IDRETRY 4
#define IDIGNORE 5
#define IDYES 6
#define IDNO 7

#define MB_OK 0x00000000L
#define MB_OKCANCEL 0x00000001L
#define MB_YESNO 0x00000004L
#define MB_ICONERROR 0x00000010L
#define MB_ICONQUESTION 0x00000020L
#define MB_ICONWARNING 0x00000030L
#define MB_ICONINFORMATION 0x00000040L

#define WM_DESTROY 0x0002
#define WM_CLOSE 0x0010
#define WM_SETTEXT 0x000C
#define WM_GETTEXT 0x000D
#define WM_INITDIALOG 0x0110
#define WM_COMMAND 0x0111
#define BN_CLICKED 0
#define EN_CHANGE 0x0300
#define BST_UNCHECKED 0x0000
#define BST_CHECKED 0x0001
#define SW_HIDE 0
#define SW_SHOW 5
#define GWLP_USERDATA (-21)
#define DWLP_MSGRESULT 0
#define DWLP_USER 16

#ifdef __cplusplus
extern "C" {
#endif

#define MessageBoxA eaphost_w32_MessageBoxA
#define MessageBoxW eaphost_w32_MessageBoxW
#define DialogBoxParamA eaphost_w32_DialogBoxParamA
#define DialogBoxParamW eaphost_w32_DialogBoxParamW
#define CreateDialogParamA eaphost_w32_CreateDialogParamA
#define CreateDialogParamW eaphost_w32_CreateDialogParamW
#define EndDialog eaphost_w32_EndDialog
#define GetDlgItem eaphost_w32_GetDlgItem
#define GetDlgItemTextA eaphost_w32_GetDlgItemTextA
#define GetDlgItemTextW eaphost_w32_GetDlgItemTextW
#define SetDlgItemTextA eaphost_w32_SetDlgItemTextA
#define SetDlgItemTextW eaphost_w32_SetDlgItemTextW
#define SendMessageA eaphost_w32_SendMessageA
#define SendMessageW eaphost_w32_SendMessageW
#define SendDlgItemMessageA eaphost_w32_SendDlgItemMessageA
#define SendDlgItemMessageW eaphost_w32_SendDlgItemMessageW
#define GetWindowLongPtrA eaphost_w32_GetWindowLongPtrA
#define GetWindowLongPtrW eaphost_w32_GetWindowLongPtrW
#define SetWindowLongPtrA eaphost_w32_SetWindowLongPtrA
#define SetWindowLongPtrW eaphost_w32_SetWindowLongPtrW
#define CheckDlgButton eaphost_w32_CheckDlgButton
#define IsDlgButtonChecked eaphost_w32_IsDlgButtonChecked
#define EnableWindow eaphost_w32_EnableWindow
#define ShowWindow eaphost_w32_ShowWindow
#define SetFocus eaphost_w32_SetFocus
#define LoadStringA eaphost_w32_LoadStringA
#define LoadStringW eaphost_w32_LoadStringW
#define LoadIconA eaphost_w32_LoadIconA
#define LoadIconW eaphost_w32_LoadIconW
#define LoadCursorA eaphost_w32_LoadCursorA
#define LoadCursorW eaphost_w32_LoadCursorW
#define LoadImageA eaphost_w32_LoadImageA
#define LoadImageW eaphost_w32_LoadImageW
#define FindResourceA eaphost_w32_FindResourceA
#define FindResourceW eaphost_w32_FindResourceW
#define FindResourceExA eaphost_w32_FindResourceExA
#define FindResourceExW eaphost_w32_FindResourceExW
#define LoadResource eaphost_w32_LoadResource
#define LockResource eaphost_w32_LockResource
#define SizeofResource eaphost_w32_SizeofResource
#define wsprintfA eaphost_w32_wsprintfA
#define wsprintfW eaphost_w32_wsprintfW
#define wvsprintfA eaphost_w32_wvsprintfA
#define wvsprintfW eaphost_w32_wvsprintfW

int WINAPI MessageBoxA(HWND hWnd, LPCSTR lpText, LPCSTR lpCaption, UINT uType);
int WINAPI MessageBoxW(HWND hWnd, LPCWSTR lpText, LPCWSTR lpCaption, UINT uType);
INT_PTR WINAPI DialogBoxParamA(HINSTANCE hInstance, LPCSTR lpTemplateName,
                               HWND hWndParent, DLGPROC lpDialogFunc,
                               LPARAM dwInitParam);
INT_PTR WINAPI DialogBoxParamW(HINSTANCE hInstance, LPCWSTR lpTemplateName,
                               HWND hWndParent, DLGPROC lpDialogFunc,
                               LPARAM dwInitParam);
HWND WINAPI CreateDialogParamA(HINSTANCE hInstance, LPCSTR lpTemplateName,
                               HWND hWndParent, DLGPROC lpDialogFunc,
                               LPARAM dwInitParam);
HWND WINAPI CreateDialogParamW(HINSTANCE hInstance, LPCWSTR lpTemplateName,
                               HWND hWndParent, DLGPROC lpDialogFunc,
                               LPARAM dwInitParam);
BOOL WINAPI EndDialog(HWND hDlg, INT_PTR nResult);
HWND WINAPI GetDlgItem(HWND hDlg, int nIDDlgItem);
UINT WINAPI GetDlgItemTextA(HWND hDlg, int nIDDlgItem, LPSTR lpString, int cchMax);
UINT WINAPI GetDlgItemTextW(HWND hDlg, int nIDDlgItem, LPWSTR lpString, int cchMax);
BOOL WINAPI SetDlgItemTextA(HWND hDlg, int nIDDlgItem, LPCSTR lpString);
BOOL WINAPI SetDlgItemTextW(HWND hDlg, int nIDDlgItem, LPCWSTR lpString);
LRESULT WINAPI SendMessageA(HWND hWnd, UINT Msg, WPARAM wParam, LPARAM lParam);
LRESULT WINAPI SendMessageW(HWND hWnd, UINT Msg, WPARAM wParam, LPARAM lParam);
LRESULT WINAPI SendDlgItemMessageA(HWND hDlg, int nIDDlgItem, UINT Msg,
                                   WPARAM wParam, LPARAM lParam);
LRESULT WINAPI SendDlgItemMessageW(HWND hDlg, int nIDDlgItem, UINT Msg,
                                   WPARAM wParam, LPARAM lParam);
LONG_PTR WINAPI GetWindowLongPtrA(HWND hWnd, int nIndex);
LONG_PTR WINAPI GetWindowLongPtrW(HWND hWnd, int nIndex);
LONG_PTR WINAPI SetWindowLongPtrA(HWND hWnd, int nIndex, LONG_PTR dwNewLong);
LONG_PTR WINAPI SetWindowLongPtrW(HWND hWnd, int nIndex, LONG_PTR dwNewLong);
BOOL WINAPI CheckDlgButton(HWND hDlg, int nIDButton, UINT uCheck);
UINT WINAPI IsDlgButtonChecked(HWND hDlg, int nIDButton);
BOOL WINAPI EnableWindow(HWND hWnd, BOOL bEnable);
BOOL WINAPI ShowWindow(HWND hWnd, int nCmdShow);
HWND WINAPI SetFocus(HWND hWnd);
int WINAPI LoadStringA(HINSTANCE hInstance, UINT uID, LPSTR lpBuffer, int cchBufferMax);
int WINAPI LoadStringW(HINSTANCE hInstance, UINT uID, LPWSTR lpBuffer, int cchBufferMax);
HICON WINAPI LoadIconA(HINSTANCE hInstance, LPCSTR lpIconName);
HICON WINAPI LoadIconW(HINSTANCE hInstance, LPCWSTR lpIconName);
HCURSOR WINAPI LoadCursorA(HINSTANCE hInstance, LPCSTR lpCursorName);
HCURSOR WINAPI LoadCursorW(HINSTANCE hInstance, LPCWSTR lpCursorName);
HANDLE WINAPI LoadImageA(HINSTANCE hInst, LPCSTR name, UINT type, int cx, int cy,
                         UINT fuLoad);
HANDLE WINAPI LoadImageW(HINSTANCE hInst, LPCWSTR name, UINT type, int cx, int cy,
                         UINT fuLoad);
HRSRC WINAPI FindResourceA(HMODULE hModule, LPCSTR lpName, LPCSTR lpType);
HRSRC WINAPI FindResourceW(HMODULE hModule, LPCWSTR lpName, LPCWSTR lpType);
HRSRC WINAPI FindResourceExA(HMODULE hModule, LPCSTR lpType, LPCSTR lpName,
                             WORD wLanguage);
HRSRC WINAPI FindResourceExW(HMODULE hModule, LPCWSTR lpType, LPCWSTR lpName,
                             WORD wLanguage);
HGLOBAL WINAPI LoadResource(HMODULE hModule, HRSRC hResInfo);
LPVOID WINAPI LockResource(HGLOBAL hResData);
DWORD WINAPI SizeofResource(HMODULE hModule, HRSRC hResInfo);
int WINAPIV wsprintfA(LPSTR buf, LPCSTR fmt, ...);
int WINAPIV wsprintfW(LPWSTR buf, LPCWSTR fmt, ...);
int WINAPI wvsprintfA(LPSTR buf, LPCSTR fmt, va_list arglist);
int WINAPI wvsprintfW(LPWSTR buf, LPCWSTR fmt, va_list arglist);

#define DialogBoxA(inst, tmpl, parent, proc) DialogBoxParamA(inst, tmpl, parent, proc, 0L)
#define DialogBoxW(inst, tmpl, parent, proc) DialogBoxParamW(inst, tmpl, parent, proc, 0L)
#define CreateDialogA(inst, tmpl, parent, proc) CreateDialogParamA(inst, tmpl, parent, proc, 0L)
#define CreateDialogW(inst, tmpl, parent, proc) CreateDialogParamW(inst, tmpl, parent, proc, 0L)

#ifdef UNICODE
#define MessageBox MessageBoxW
#define DialogBoxParam DialogBoxParamW
#define DialogBox DialogBoxW
#define CreateDialogParam CreateDialogParamW
#define CreateDialog CreateDialogW
#define GetDlgItemText GetDlgItemTextW
#define SetDlgItemText SetDlgItemTextW
#define SendMessage SendMessageW
#define SendDlgItemMessage SendDlgItemMessageW
#define GetWindowLongPtr GetWindowLongPtrW
#define SetWindowLongPtr SetWindowLongPtrW
#define LoadString LoadStringW
#define LoadIcon LoadIconW
#define LoadCursor LoadCursorW
#define LoadImage LoadImageW
#define FindResource FindResourceW
#define FindResourceEx FindResourceExW
#define wsprintf wsprintfW
#define wvsprintf wvsprintfW
#else
#define MessageBox MessageBoxA
#define DialogBoxParam DialogBoxParamA
#define DialogBox DialogBoxA
#define CreateDialogParam CreateDialogParamA
#define CreateDialog CreateDialogA
#define GetDlgItemText GetDlgItemTextA
#define SetDlgItemText SetDlgItemTextA
#define SendMessage SendMessageA
#define SendDlgItemMessage SendDlgItemMessageA
#define GetWindowLongPtr GetWindowLongPtrA
#define SetWindowLongPtr SetWindowLongPtrA
#define LoadString LoadStringA
#define LoadIcon LoadIconA
#define LoadCursor LoadCursorA
#define LoadImage LoadImageA
#define FindResource FindResourceA
#define FindResourceEx FindResourceExA
#define wsprintf wsprintfA
#define wvsprintf wvsprintfA
#endif

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_WIN32_WINUSER_H */
