/*
 * objbase.h - the COM subset EAP methods touch: task memory, which works,
 * and COM start-up and object creation, which are declared so that
 * configuration code (MSXML documents) compiles and fail at run time.
 *
 * Part of libeaphost's Windows source-compatibility headers (pkg-config
 * module eaphost-windows); implemented by libeaphost-win32.
 *
 * CoTaskMemAlloc / CoTaskMemRealloc / CoTaskMemFree: a separate allocator,
 * as on Windows; CoTaskMemAlloc(0) returns a valid pointer, and
 * CoTaskMemFree(NULL) does nothing.  Memory the host hands to a method, or
 * a method to the host, never travels through this allocator: the EAPHost
 * API has its own Free functions.
 *
 * There is no COM here: CoInitialize and CoInitializeEx return E_NOTIMPL,
 * CoCreateInstance sets *ppv to NULL and returns E_NOTIMPL, and
 * CoUninitialize does nothing (no CoInitialize ever succeeded).  The MSXML
 * interfaces the EAPHost XML functions take are only forward-declared (see
 * eapmethodpeerapis.h); their methods are not available.
 */
#ifndef EAPHOST_WIN32_OBJBASE_H
#define EAPHOST_WIN32_OBJBASE_H

#include <windef.h>

#define CLSCTX_INPROC_SERVER 0x1
#define CLSCTX_INPROC_HANDLER 0x2
#define CLSCTX_LOCAL_SERVER 0x4
#define CLSCTX_REMOTE_SERVER 0x10
#define CLSCTX_INPROC (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER)
#define CLSCTX_ALL (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER | \
                    CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER)
#define CLSCTX_SERVER (CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER | \
                       CLSCTX_REMOTE_SERVER)

#define COINIT_MULTITHREADED 0x0
#define COINIT_APARTMENTTHREADED 0x2
#define COINIT_DISABLE_OLE1DDE 0x4
#define COINIT_SPEED_OVER_MEMORY 0x8

#ifdef __cplusplus
struct IUnknown {
    virtual HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void **ppvObject) = 0;
    virtual ULONG STDMETHODCALLTYPE AddRef(void) = 0;
    virtual ULONG STDMETHODCALLTYPE Release(void) = 0;
};
#else
typedef struct IUnknown IUnknown;
typedef struct IUnknownVtbl {
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(IUnknown *This, REFIID riid,
                                                void **ppvObject);
    ULONG (STDMETHODCALLTYPE *AddRef)(IUnknown *This);
    ULONG (STDMETHODCALLTYPE *Release)(IUnknown *This);
} IUnknownVtbl;
struct IUnknown {
    const IUnknownVtbl *lpVtbl;
};
#endif
typedef struct IUnknown *LPUNKNOWN;

#ifdef __cplusplus
extern "C" {
#endif

#define CoTaskMemAlloc eaphost_w32_CoTaskMemAlloc
#define CoTaskMemRealloc eaphost_w32_CoTaskMemRealloc
#define CoTaskMemFree eaphost_w32_CoTaskMemFree
#define CoInitialize eaphost_w32_CoInitialize
#define CoInitializeEx eaphost_w32_CoInitializeEx
#define CoUninitialize eaphost_w32_CoUninitialize
#define CoCreateInstance eaphost_w32_CoCreateInstance

LPVOID WINAPI CoTaskMemAlloc(SIZE_T cb);
LPVOID WINAPI CoTaskMemRealloc(LPVOID pv, SIZE_T cb);
void WINAPI CoTaskMemFree(LPVOID pv);
HRESULT WINAPI CoInitialize(LPVOID pvReserved);
HRESULT WINAPI CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit);
void WINAPI CoUninitialize(void);
HRESULT WINAPI CoCreateInstance(REFCLSID rclsid, LPUNKNOWN pUnkOuter, DWORD dwClsContext,
                                REFIID riid, LPVOID *ppv);

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_WIN32_OBJBASE_H */
