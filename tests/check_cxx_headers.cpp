/*
 * check_cxx_headers.cpp - every public header from C++11.
 *
 * All headers under libeaphost/include together with eaphost/abi_checks.h
 * (the layout static asserts) must compile as C++11 with -Wall -Wextra
 * -Werror.  The program also takes the address of every function the
 * library exports: if a header lost its extern "C", the C++ names would be
 * mangled and the link would fail.
 */
#include <eaptypes.h>
#include <eapmethodtypes.h>
#include <eapmethodpeerapis.h>
#include <eappapis.h>
#include <eaphostpeertypes.h>
#include <eaphostpeerconfigapis.h>
#include <eaphosterror.h>
#include <eapmethodauthenticatorapis.h>
#include <eapauthenticatortypes.h>
#include <eapauthenticatoractiondefine.h>
#include <eaphost/wintypes.h>
#include <eaphost/sdk.h>
#include <eaphost/eaphost.h>
#include <eaphost/abi_checks.h>

/* A second time: include guards must hold. */
#include <eaptypes.h>
#include <eappapis.h>
#include <eaphost/eaphost.h>

#include <cstddef>
#include <cstring>
#include <type_traits>

#if EAPHOST_WCHAR_IS_WCHAR_T
static_assert(std::is_same<WCHAR, wchar_t>::value,
              "with a 16-bit wchar_t, WCHAR is wchar_t");
#else
static_assert(std::is_same<WCHAR, char16_t>::value,
              "in C++ without -fshort-wchar, WCHAR is char16_t");
#endif
static_assert(sizeof(WCHAR) == 2, "WCHAR is a UTF-16 code unit");
static_assert(std::is_unsigned<DWORD>::value && sizeof(DWORD) == 4,
              "DWORD is a 32-bit unsigned integer");
static_assert(std::is_signed<BOOL>::value && sizeof(BOOL) == 4,
              "BOOL is a 32-bit signed integer");
static_assert(EapHostPeerResponseStartAuthentication == 5 &&
                  EapHostPeerResponseNone == 6 &&
                  EapPeerMethodResponseActionNone == 5,
              "the two action enums differ at 5 and 6");
static_assert(EAP_E_EAPHOST_METHOD_NOT_INSTALLED == 0x80420011u,
              "EAP_E_EAPHOST_METHOD_NOT_INSTALLED");
static_assert(EAP_E_CERT_STORE_INACCESSIBLE == 0x80420010u,
              "EAP_E_CERT_STORE_INACCESSIBLE");

namespace {

/* Every exported function, by address. */
const void *const exported[] = {
    reinterpret_cast<const void *>(&EapHostPeerInitialize),
    reinterpret_cast<const void *>(&EapHostPeerUninitialize),
    reinterpret_cast<const void *>(&EapHostPeerBeginSession),
    reinterpret_cast<const void *>(&EapHostPeerProcessReceivedPacket),
    reinterpret_cast<const void *>(&EapHostPeerGetSendPacket),
    reinterpret_cast<const void *>(&EapHostPeerGetResult),
    reinterpret_cast<const void *>(&EapHostPeerGetUIContext),
    reinterpret_cast<const void *>(&EapHostPeerSetUIContext),
    reinterpret_cast<const void *>(&EapHostPeerGetResponseAttributes),
    reinterpret_cast<const void *>(&EapHostPeerSetResponseAttributes),
    reinterpret_cast<const void *>(&EapHostPeerGetAuthStatus),
    reinterpret_cast<const void *>(&EapHostPeerEndSession),
    reinterpret_cast<const void *>(&EapHostPeerGetDataToUnplumbCredentials),
    reinterpret_cast<const void *>(&EapHostPeerClearConnection),
    reinterpret_cast<const void *>(&EapHostPeerFreeEapError),
    reinterpret_cast<const void *>(&EapHostPeerGetIdentity),
    reinterpret_cast<const void *>(&EapHostPeerGetEncryptedPassword),
    reinterpret_cast<const void *>(&EapHostPeerFreeRuntimeMemory),
    reinterpret_cast<const void *>(&EapHostPeerGetMethods),
    reinterpret_cast<const void *>(&EapHostPeerGetMethodProperties),
    reinterpret_cast<const void *>(&EapHostPeerInvokeConfigUI),
    reinterpret_cast<const void *>(&EapHostPeerQueryCredentialInputFields),
    reinterpret_cast<const void *>(
        &EapHostPeerQueryUserBlobFromCredentialInputFields),
    reinterpret_cast<const void *>(&EapHostPeerInvokeIdentityUI),
    reinterpret_cast<const void *>(&EapHostPeerInvokeInteractiveUI),
    reinterpret_cast<const void *>(&EapHostPeerQueryInteractiveUIInputFields),
    reinterpret_cast<const void *>(
        &EapHostPeerQueryUIBlobFromInteractiveUIInputFields),
    reinterpret_cast<const void *>(&EapHostPeerConfigXml2Blob),
    reinterpret_cast<const void *>(&EapHostPeerCredentialsXml2Blob),
    reinterpret_cast<const void *>(&EapHostPeerConfigBlob2Xml),
    reinterpret_cast<const void *>(&EapHostPeerFreeMemory),
    reinterpret_cast<const void *>(&EapHostPeerFreeErrorMemory),
    reinterpret_cast<const void *>(&eaphost_free),
    reinterpret_cast<const void *>(&eaphost_error_name),
    reinterpret_cast<const void *>(&eaphost_error_message),
    reinterpret_cast<const void *>(&eaphost_set_methods_dir),
    reinterpret_cast<const void *>(&eaphost_get_methods_dir),
    reinterpret_cast<const void *>(&eaphost_get_registry_problems),
    reinterpret_cast<const void *>(&eaphost_free_registry_problems),
    reinterpret_cast<const void *>(&eaphost_list_methods),
    reinterpret_cast<const void *>(&eaphost_free_method_list),
    reinterpret_cast<const void *>(&eaphost_session_set_credentials),
    reinterpret_cast<const void *>(&eaphost_session_get_counters),
    reinterpret_cast<const void *>(&eaphost_session_set_option),
    reinterpret_cast<const void *>(&eaphost_utf8_to_utf16),
    reinterpret_cast<const void *>(&eaphost_utf16_to_utf8),
};

/* The routine table a C++ method fills, as on Windows. */
DWORD WINAPI begin_session(DWORD, const EapAttributes *const, HANDLE, DWORD,
                           BYTE *, DWORD, BYTE *, DWORD,
                           EAP_SESSION_HANDLE *session, EAP_ERROR **error)
{
    *session = nullptr;
    *error = nullptr;
    return ERROR_SUCCESS;
}

} // namespace

int main()
{
    int failures = 0;

    for (const void *p : exported)
        if (!p)
            failures++;

    EAP_METHOD_TYPE type;
    std::memset(&type, 0, sizeof type);
    type.eapType.type = 254;
    type.eapType.dwVendorId = 0x9999;
    type.eapType.dwVendorType = 7;
    type.dwAuthorId = 1;

    EAP_PEER_METHOD_ROUTINES routines;
    std::memset(&routines, 0, sizeof routines);
    routines.dwVersion = 1;
    routines.EapPeerBeginSession = begin_session;
    if (offsetof(EAP_PEER_METHOD_ROUTINES, EapPeerInitialize) !=
        2 * sizeof(void *))
        failures++;

    EapHostPeerMethodResult result;
    std::memset(&result, 0, sizeof result);
    result.isolationState = ISOLATION_STATE_UNKNOWN;

    EAPHOST_AUTH_INFO info = { EapHostAuthSucceeded, ERROR_SUCCESS, 0 };
    EapAttribute attr = { eatEMSK, 0, nullptr };
    EapAttributes attrs = { 1, &attr };
    EapPeerMethodOutput output = { EapPeerMethodResponseActionSend, TRUE };
    EapHostPeerResponseAction action = EapHostPeerResponseStartAuthentication;
    eaphost_session_counters counters;
    std::memset(&counters, 0, sizeof counters);
    eaphost_method_entry entry;
    std::memset(&entry, 0, sizeof entry);
    entry.state = EAPHOST_METHOD_READY;

    const WCHAR *name = EAPHOST_WIDE("PeerDllPath");
    const WCHAR *key = EAP_PEER_VALUENAME_DLL_PATH;
    for (size_t i = 0; name[i] || key[i]; i++)
        if (name[i] != key[i])
            failures++;

    if (info.status != EapHostAuthSucceeded ||
        attrs.pAttribs->eaType != eatEMSK ||
        output.action != EapPeerMethodResponseActionSend ||
        action != EapHostPeerResponseStartAuthentication ||
        type.eapType.type != 254 || result.fIsSuccess != FALSE ||
        entry.state != EAPHOST_METHOD_READY || counters.packets_received != 0)
        failures++;

    return failures == 0 ? 0 : 1;
}
