/*
 * eaptypes.h - EAPHost types shared by supplicants, the host and methods:
 * method identification, errors, attributes, flags, properties, credential
 * input fields and interactive UI data.
 *
 * Names, values and layouts follow the Windows SDK header of the same name
 * so that sources written against it build unchanged.  Strings are UTF-16
 * (WCHAR, see eaphost/wintypes.h).
 *
 * The GUID_EapHost_* constants are declared here and defined once, by the
 * library: a translation unit that defines EAPHOST_DEFINE_GUIDS and then
 * includes this header (again) receives their definitions.
 */
#ifndef EAPHOST_EAPTYPES_H
#define EAPHOST_EAPTYPES_H

#include <eaphost/wintypes.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- method properties (registry value "Properties", bit mask) ---------- */

#define eapPropCipherSuiteNegotiation     0x00000001u
#define eapPropMutualAuth                 0x00000002u
#define eapPropIntegrity                  0x00000004u
#define eapPropReplayProtection           0x00000008u
#define eapPropConfidentiality            0x00000010u
#define eapPropKeyDerivation              0x00000020u
#define eapPropKeyStrength64              0x00000040u
#define eapPropKeyStrength128             0x00000080u
#define eapPropKeyStrength256             0x00000100u
#define eapPropKeyStrength512             0x00000200u
#define eapPropKeyStrength1024            0x00000400u
#define eapPropDictionaryAttackResistance 0x00000800u
#define eapPropFastReconnect              0x00001000u
#define eapPropCryptoBinding              0x00002000u
#define eapPropSessionIndependence        0x00004000u
#define eapPropFragmentation              0x00008000u
#define eapPropChannelBinding             0x00010000u
#define eapPropNap                        0x00020000u
#define eapPropStandalone                 0x00040000u
#define eapPropMppeEncryption             0x00080000u
#define eapPropTunnelMethod               0x00100000u
#define eapPropSupportsConfig             0x00200000u
#define eapPropCertifiedMethod            0x00400000u
#define eapPropHiddenMethod               0x00800000u
#define eapPropMachineAuth                0x01000000u
#define eapPropUserAuth                   0x02000000u
#define eapPropIdentityPrivacy            0x04000000u
#define eapPropMethodChaining             0x08000000u
#define eapPropSharedStateEquivalence     0x10000000u
#define eapPropReserved                   0x80000000u

/* Registry value that holds the property mask above. */
#define EAP_VALUENAME_PROPERTIES EAPHOST_WIDE("Properties")

/* ---- handles --------------------------------------------------------------- */

/* A supplicant's handle to a host session (EapHostPeerBeginSession). */
typedef DWORD EAP_SESSIONID;

/*
 * A method's own handle to one of its sessions.  The SDK declares it in
 * eapmethodtypes.h; it is also available here, as some method sources
 * expect.
 */
#ifndef EAPHOST_EAP_SESSION_HANDLE_DEFINED
#define EAPHOST_EAP_SESSION_HANDLE_DEFINED
typedef void *EAP_SESSION_HANDLE;
#endif

/* ---- method identification ------------------------------------------------ */

/* An EAP type: the one-byte type and, for expanded types (254), vendor. */
typedef struct _EAP_TYPE {
    BYTE type;
    DWORD dwVendorId;
    DWORD dwVendorType;
} EAP_TYPE;

/* An EAP type together with the author (registry AuthorId) of the method. */
typedef struct _EAP_METHOD_TYPE {
    EAP_TYPE eapType;
    DWORD dwAuthorId;
} EAP_METHOD_TYPE;

typedef struct _EAP_METHOD_INFO {
    EAP_METHOD_TYPE eaptype;
    LPWSTR pwszAuthorName;
    LPWSTR pwszFriendlyName;
    DWORD eapProperties;
    struct _EAP_METHOD_INFO *pInnerMethodInfo;
} EAP_METHOD_INFO;

struct _EAP_METHOD_INFO_ARRAY_EX;

typedef struct _EAP_METHOD_INFO_EX {
    EAP_METHOD_TYPE eaptype;
    LPWSTR pwszAuthorName;
    LPWSTR pwszFriendlyName;
    DWORD eapProperties;
    struct _EAP_METHOD_INFO_ARRAY_EX *pInnerMethodInfoArray;
} EAP_METHOD_INFO_EX;

typedef struct _EAP_METHOD_INFO_ARRAY {
    DWORD dwNumberOfMethods;
    EAP_METHOD_INFO *pEapMethods;
} EAP_METHOD_INFO_ARRAY;

typedef struct _EAP_METHOD_INFO_ARRAY_EX {
    DWORD dwNumberOfMethods;
    EAP_METHOD_INFO_EX *pEapMethods;
} EAP_METHOD_INFO_ARRAY_EX;

/* ---- errors ------------------------------------------------------------------ */

/*
 * Error details returned beside a result code.  Whoever allocated it
 * frees it: the host with EapHostPeerFreeEapError / EapHostPeerFreeErrorMemory,
 * a method with its own EapPeerFreeErrorMemory.
 */
typedef struct _EAP_ERROR {
    DWORD dwWinError;
    EAP_METHOD_TYPE type;
    DWORD dwReasonCode;
    GUID rootCauseGuid;
    GUID repairGuid;
    GUID helpLinkGuid;
    LPWSTR pRootCauseString;
    LPWSTR pRepairString;
} EAP_ERROR;

/*
 * Root cause, repair and help GUIDs for EAP_ERROR.  The list drives both
 * the declarations below and the definitions at the end of this file:
 * X(name, Data1, Data2, Data3, Data4[0] .. Data4[7]).
 */
#define EAPHOST_EAP_GUID_LIST(X) \
    X(GUID_EapHost_Default, 0x00000000, 0x0000, 0x0000, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00) \
    X(GUID_EapHost_Cause_MethodDLLNotFound, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x01) \
    X(GUID_EapHost_Repair_ContactSysadmin, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x02) \
    X(GUID_EapHost_Cause_CertStoreInaccessible, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x04) \
    X(GUID_EapHost_Cause_Server_CertExpired, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x05) \
    X(GUID_EapHost_Cause_Server_CertInvalid, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x06) \
    X(GUID_EapHost_Cause_Server_CertNotFound, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x07) \
    X(GUID_EapHost_Cause_Server_CertRevoked, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x08) \
    X(GUID_EapHost_Cause_User_CertExpired, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x09) \
    X(GUID_EapHost_Cause_User_CertInvalid, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x0a) \
    X(GUID_EapHost_Cause_User_CertNotFound, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x0b) \
    X(GUID_EapHost_Cause_User_CertOtherError, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x0c) \
    X(GUID_EapHost_Cause_User_CertRejected, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x0d) \
    X(GUID_EapHost_Cause_User_CertRevoked, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x0e) \
    X(GUID_EapHost_Cause_User_Root_CertExpired, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x0f) \
    X(GUID_EapHost_Cause_User_Root_CertInvalid, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x10) \
    X(GUID_EapHost_Cause_User_Root_CertNotFound, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x11) \
    X(GUID_EapHost_Cause_Server_Root_CertNameRequired, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x12) \
    X(GUID_EapHost_Repair_Server_ClientSelectServerCert, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x18) \
    X(GUID_EapHost_Repair_User_AuthFailure, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x19) \
    X(GUID_EapHost_Repair_User_GetNewCert, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x1a) \
    X(GUID_EapHost_Repair_User_SelectValidCert, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x1b) \
    X(GUID_EapHost_Cause_EapNegotiationFailed, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x1c) \
    X(GUID_EapHost_Cause_XmlMalformed, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x1d) \
    X(GUID_EapHost_Cause_MethodDoesNotSupportOperation, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x1e) \
    X(GUID_EapHost_Repair_ContactAdmin_AuthFailure, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x1f) \
    X(GUID_EapHost_Repair_ContactAdmin_IdentityUnknown, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x20) \
    X(GUID_EapHost_Repair_ContactAdmin_NegotiationFailed, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x21) \
    X(GUID_EapHost_Repair_ContactAdmin_MethodNotFound, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x22) \
    X(GUID_EapHost_Repair_RestartNap, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x23) \
    X(GUID_EapHost_Repair_ContactAdmin_CertStoreInaccessible, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x24) \
    X(GUID_EapHost_Repair_ContactAdmin_InvalidUserAccount, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x25) \
    X(GUID_EapHost_Repair_ContactAdmin_RootCertInvalid, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x26) \
    X(GUID_EapHost_Repair_ContactAdmin_RootCertNotFound, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x27) \
    X(GUID_EapHost_Repair_ContactAdmin_RootExpired, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x28) \
    X(GUID_EapHost_Repair_ContactAdmin_CertNameAbsent, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x29) \
    X(GUID_EapHost_Repair_ContactAdmin_NoSmartCardReader, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x2a) \
    X(GUID_EapHost_Cause_No_SmartCardReader_Found, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x2b) \
    X(GUID_EapHost_Repair_ContactAdmin_InvalidUserCert, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x2c) \
    X(GUID_EapHost_Repair_Method_Not_Support_Sso, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x2d) \
    X(GUID_EapHost_Repair_No_ValidSim_Found, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x00, 0x2e) \
    X(GUID_EapHost_Cause_Generic_AuthFailure, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x01, 0x04) \
    X(GUID_EapHost_Cause_Server_CertOtherError, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x01, 0x08) \
    X(GUID_EapHost_Cause_User_Account_OtherProblem, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x01, 0x0e) \
    X(GUID_EapHost_Cause_Server_Root_CertNotFound, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x01, 0x12) \
    X(GUID_EapHost_Repair_Retry_Authentication, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x01, 0x1b) \
    X(GUID_EapHost_Cause_IdentityUnknown, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x02, 0x04) \
    X(GUID_EapHost_Cause_User_CredsRejected, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x02, 0x0e) \
    X(GUID_EapHost_Cause_ThirdPartyMethod_Host_Reset, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x02, 0x12) \
    X(GUID_EapHost_Cause_SimNotValid, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x03, 0x04) \
    X(GUID_EapHost_Cause_EapQecInaccessible, 0x9612fc67, 0x6150, 0x4209, 0xa8, 0x5e, 0xa8, 0xd8, 0x00, 0x00, 0x03, 0x12) \
    X(GUID_EapHost_Cause_Method_Config_Does_Not_Support_Sso, 0xda18bd32, 0x004f, 0x41fa, 0xae, 0x08, 0x0b, 0xc8, 0x5e, 0x58, 0x45, 0xac) \
    X(GUID_EapHost_Help_ObtainingCerts, 0xf535eea3, 0x1bdd, 0x46ca, 0xa2, 0xfc, 0xa6, 0x65, 0x59, 0x39, 0xb7, 0xe8) \
    X(GUID_EapHost_Help_Troubleshooting, 0x33307acf, 0x0698, 0x41ba, 0xb0, 0x14, 0xea, 0x0a, 0x2e, 0xb8, 0xd0, 0xa8)

#define EAPHOST_EAP_GUID_DECLARE_(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    extern const GUID name;
EAPHOST_EAP_GUID_LIST(EAPHOST_EAP_GUID_DECLARE_)

/* ---- attributes ------------------------------------------------------------- */

/*
 * Attribute types: the RADIUS attribute numbers (RFC 2865 and later) plus
 * Microsoft's private range from 8096 and the EAP key material from 9000.
 */
typedef enum _EAP_ATTRIBUTE_TYPE {
    eatMinimum = 0,
    eatUserName = 1,
    eatUserPassword = 2,
    eatMD5CHAPPassword = 3,
    eatNASIPAddress = 4,
    eatNASPort = 5,
    eatServiceType = 6,
    eatFramedProtocol = 7,
    eatFramedIPAddress = 8,
    eatFramedIPNetmask = 9,
    eatFramedRouting = 10,
    eatFilterId = 11,
    eatFramedMTU = 12,
    eatFramedCompression = 13,
    eatLoginIPHost = 14,
    eatLoginService = 15,
    eatLoginTCPPort = 16,
    eatUnassigned17 = 17,
    eatReplyMessage = 18,
    eatCallbackNumber = 19,
    eatCallbackId = 20,
    eatUnassigned21 = 21,
    eatFramedRoute = 22,
    eatFramedIPXNetwork = 23,
    eatState = 24,
    eatClass = 25,
    eatVendorSpecific = 26,
    eatSessionTimeout = 27,
    eatIdleTimeout = 28,
    eatTerminationAction = 29,
    eatCalledStationId = 30,
    eatCallingStationId = 31,
    eatNASIdentifier = 32,
    eatProxyState = 33,
    eatLoginLATService = 34,
    eatLoginLATNode = 35,
    eatLoginLATGroup = 36,
    eatFramedAppleTalkLink = 37,
    eatFramedAppleTalkNetwork = 38,
    eatFramedAppleTalkZone = 39,
    eatAcctStatusType = 40,
    eatAcctDelayTime = 41,
    eatAcctInputOctets = 42,
    eatAcctOutputOctets = 43,
    eatAcctSessionId = 44,
    eatAcctAuthentic = 45,
    eatAcctSessionTime = 46,
    eatAcctInputPackets = 47,
    eatAcctOutputPackets = 48,
    eatAcctTerminateCause = 49,
    eatAcctMultiSessionId = 50,
    eatAcctLinkCount = 51,
    eatAcctEventTimeStamp = 55,
    eatMD5CHAPChallenge = 60,
    eatNASPortType = 61,
    eatPortLimit = 62,
    eatLoginLATPort = 63,
    eatTunnelType = 64,
    eatTunnelMediumType = 65,
    eatTunnelClientEndpoint = 66,
    eatTunnelServerEndpoint = 67,
    eatARAPPassword = 70,
    eatARAPFeatures = 71,
    eatARAPZoneAccess = 72,
    eatARAPSecurity = 73,
    eatARAPSecurityData = 74,
    eatPasswordRetry = 75,
    eatPrompt = 76,
    eatConnectInfo = 77,
    eatConfigurationToken = 78,
    eatEAPMessage = 79,
    eatSignature = 80,
    eatARAPChallengeResponse = 84,
    eatAcctInterimInterval = 85,
    eatNASIPv6Address = 95,
    eatFramedInterfaceId = 96,
    eatFramedIPv6Prefix = 97,
    eatLoginIPv6Host = 98,
    eatFramedIPv6Route = 99,
    eatFramedIPv6Pool = 100,
    eatARAPGuestLogon = 8096,
    eatCertificateOID = 8097,
    eatEAPConfiguration = 8098,
    eatPEAPEmbeddedEAPTypeId = 8099,
    eatPEAPFastRoamedSession = 8100,
    eatFastRoamedSession = 8100,
    eatEAPTLV = 8102,
    eatCredentialsChanged = 8103,
    eatInnerEapMethodType = 8104,
    eatClearTextPassword = 8107,
    eatQuarantineSoH = 8150,
    eatCertificateThumbprint = 8250,
    eatPeerId = 9000,
    eatServerId = 9001,
    eatMethodId = 9002,
    eatEMSK = 9003,
    eatSessionId = 9004,
    /*
     * 0xFFFFFFFF in the SDK.  ISO C only allows int values in an enum, and
     * the Windows compiler stores that value as -1 in a 32-bit int enum, so
     * it is spelled -1 here: same bits, same 4-byte enum.
     */
    eatReserved = -1
} EAP_ATTRIBUTE_TYPE, EapAttributeType;

/* One attribute: pValue points to dwLength bytes. */
typedef struct _EAP_ATTRIBUTE {
    EAP_ATTRIBUTE_TYPE eaType;
    DWORD dwLength;
    BYTE *pValue;
} EAP_ATTRIBUTE, EapAttribute;

typedef struct _EAP_ATTRIBUTES {
    DWORD dwNumberOfAttributes;
    EAP_ATTRIBUTE *pAttribs;
} EAP_ATTRIBUTES, EapAttributes;

/* ---- flags (dwFlags of the session and configuration calls) --------------- */

#define EAP_FLAG_Reserved1                  0x00000001u
#define EAP_FLAG_NON_INTERACTIVE            0x00000002u
#define EAP_FLAG_LOGON                      0x00000004u
#define EAP_FLAG_PREVIEW                    0x00000008u
#define EAP_FLAG_Reserved2                  0x00000010u
#define EAP_FLAG_MACHINE_AUTH               0x00000020u
#define EAP_FLAG_GUEST_ACCESS               0x00000040u
#define EAP_FLAG_Reserved3                  0x00000080u
#define EAP_FLAG_Reserved4                  0x00000100u
#define EAP_FLAG_RESUME_FROM_HIBERNATE      0x00000200u
#define EAP_FLAG_Reserved5                  0x00000400u
#define EAP_FLAG_Reserved6                  0x00000800u
#define EAP_FLAG_FULL_AUTH                  0x00001000u
#define EAP_FLAG_PREFER_ALT_CREDENTIALS     0x00002000u
#define EAP_FLAG_Reserved7                  0x00004000u
#define EAP_PEER_FLAG_HEALTH_STATE_CHANGE   0x00008000u
#define EAP_FLAG_SUPRESS_UI                 0x00010000u
#define EAP_FLAG_PRE_LOGON                  0x00020000u
#define EAP_FLAG_USER_AUTH                  0x00040000u
#define EAP_FLAG_CONFG_READONLY             0x00080000u
#define EAP_FLAG_Reserved8                  0x00100000u
#define EAP_FLAG_Reserved9                  0x00400000u
#define EAP_FLAG_VPN                        0x00800000u
#define EAP_FLAG_ONLY_EAP_TLS               0x01000000u
#define EAP_FLAG_SERVER_VALIDATION_REQUIRED 0x02000000u
#define EAP_FLAG_DISABLE_SESSION_RESUMPTION 0x04000000u

/* ---- credential and UI input fields ---------------------------------------- */

#define EAP_CONFIG_INPUT_FIELD_PROPS_DEFAULT         0x00000000u
#define EAP_CONFIG_INPUT_FIELD_PROPS_NON_DISPLAYABLE 0x00000001u
#define EAP_CONFIG_INPUT_FIELD_PROPS_NON_PERSIST     0x00000002u

#define EAP_UI_INPUT_FIELD_PROPS_DEFAULT         EAP_CONFIG_INPUT_FIELD_PROPS_DEFAULT
#define EAP_UI_INPUT_FIELD_PROPS_NON_DISPLAYABLE EAP_CONFIG_INPUT_FIELD_PROPS_NON_DISPLAYABLE
#define EAP_UI_INPUT_FIELD_PROPS_NON_PERSIST     0x00000002u
#define EAP_UI_INPUT_FIELD_PROPS_READ_ONLY       0x00000004u

typedef enum _EAP_CONFIG_INPUT_FIELD_TYPE {
    EapConfigInputUsername = 0,
    EapConfigInputPassword = 1,
    EapConfigInputNetworkUsername = 2,
    EapConfigInputNetworkPassword = 3,
    EapConfigInputPin = 4,
    EapConfigInputPSK = 5,
    EapConfigInputEdit = 6,
    EapConfigSmartCardUsername = 7,
    EapConfigSmartCardError = 8
} EAP_CONFIG_INPUT_FIELD_TYPE, *PEAP_CONFIG_INPUT_FIELD_TYPE;

#define EAP_CREDENTIAL_VERSION                  1
#define EAP_INTERACTIVE_UI_DATA_VERSION         1
#define EAPHOST_PEER_API_VERSION                1
#define EAPHOST_METHOD_API_VERSION              1
#define MAX_EAP_CONFIG_INPUT_FIELD_LENGTH       256
#define MAX_EAP_CONFIG_INPUT_FIELD_VALUE_LENGTH 1024

typedef struct _EAP_CONFIG_INPUT_FIELD_DATA {
    DWORD dwSize;
    EAP_CONFIG_INPUT_FIELD_TYPE Type;
    DWORD dwFlagProps;
    LPWSTR pwszLabel;
    LPWSTR pwszData;
    DWORD dwMinDataLength;
    DWORD dwMaxDataLength;
} EAP_CONFIG_INPUT_FIELD_DATA, *PEAP_CONFIG_INPUT_FIELD_DATA;

typedef struct _EAP_CONFIG_INPUT_FIELD_ARRAY {
    DWORD dwVersion;
    DWORD dwNumberOfFields;
    EAP_CONFIG_INPUT_FIELD_DATA *pFields;
} EAP_CONFIG_INPUT_FIELD_ARRAY, *PEAP_CONFIG_INPUT_FIELD_ARRAY;

/* What EAP_INTERACTIVE_UI_DATA.pbUiData points to. */
typedef enum _EAP_INTERACTIVE_UI_DATA_TYPE {
    EapCredReq = 0,
    EapCredResp = 1,
    EapCredExpiryReq = 2,
    EapCredExpiryResp = 3,
    EapCredLogonReq = 4,
    EapCredLogonResp = 5
} EAP_INTERACTIVE_UI_DATA_TYPE;

typedef EAP_CONFIG_INPUT_FIELD_ARRAY EAP_CRED_REQ;
typedef EAP_CONFIG_INPUT_FIELD_ARRAY EAP_CRED_RESP;
typedef EAP_CONFIG_INPUT_FIELD_ARRAY EAP_CRED_LOGON_REQ;
typedef EAP_CONFIG_INPUT_FIELD_ARRAY EAP_CRED_LOGON_RESP;

typedef struct _EAP_CRED_EXPIRY_REQ {
    EAP_CONFIG_INPUT_FIELD_ARRAY curCreds;
    EAP_CONFIG_INPUT_FIELD_ARRAY newCreds;
} EAP_CRED_EXPIRY_REQ, EAP_CRED_EXPIRY_RESP;

typedef union {
    EAP_CRED_REQ *credData;
    EAP_CRED_EXPIRY_REQ *credExpiryData;
    EAP_CRED_LOGON_REQ *credLogonData;
} EAP_UI_DATA_FORMAT;

typedef struct _EAP_INTERACTIVE_UI_DATA {
    DWORD dwVersion;
    DWORD dwSize;
    EAP_INTERACTIVE_UI_DATA_TYPE dwDataType;
    DWORD cbUiData;
    EAP_UI_DATA_FORMAT pbUiData;
} EAP_INTERACTIVE_UI_DATA;

/* ---- method properties as returned by *GetMethodProperties ---------------- */

typedef enum _EAP_METHOD_PROPERTY_TYPE {
    emptPropCipherSuiteNegotiation = 0,
    emptPropMutualAuth = 1,
    emptPropIntegrity = 2,
    emptPropReplayProtection = 3,
    emptPropConfidentiality = 4,
    emptPropKeyDerivation = 5,
    emptPropKeyStrength64 = 6,
    emptPropKeyStrength128 = 7,
    emptPropKeyStrength256 = 8,
    emptPropKeyStrength512 = 9,
    emptPropKeyStrength1024 = 10,
    emptPropDictionaryAttackResistance = 11,
    emptPropFastReconnect = 12,
    emptPropCryptoBinding = 13,
    emptPropSessionIndependence = 14,
    emptPropFragmentation = 15,
    emptPropChannelBinding = 16,
    emptPropNap = 17,
    emptPropStandalone = 18,
    emptPropMppeEncryption = 19,
    emptPropTunnelMethod = 20,
    emptPropSupportsConfig = 21,
    emptPropCertifiedMethod = 22,
    emptPropHiddenMethod = 23,
    emptPropMachineAuth = 24,
    emptPropUserAuth = 25,
    emptPropIdentityPrivacy = 26,
    emptPropMethodChaining = 27,
    emptPropSharedStateEquivalence = 28,
    emptLegacyMethodPropertyFlag = 31,
    emptPropVendorSpecific = 255
} EAP_METHOD_PROPERTY_TYPE;

typedef enum _EAP_METHOD_PROPERTY_VALUE_TYPE {
    empvtBool = 0,
    empvtDword = 1,
    empvtString = 2
} EAP_METHOD_PROPERTY_VALUE_TYPE;

typedef struct _EAP_METHOD_PROPERTY_VALUE_BOOL {
    DWORD length;
    BOOL value;
} EAP_METHOD_PROPERTY_VALUE_BOOL;

typedef struct _EAP_METHOD_PROPERTY_VALUE_DWORD {
    DWORD length;
    DWORD value;
} EAP_METHOD_PROPERTY_VALUE_DWORD;

typedef struct _EAP_METHOD_PROPERTY_VALUE_STRING {
    DWORD length;
    BYTE *value;
} EAP_METHOD_PROPERTY_VALUE_STRING;

typedef union _EAP_METHOD_PROPERTY_VALUE {
    EAP_METHOD_PROPERTY_VALUE_BOOL empvBool;
    EAP_METHOD_PROPERTY_VALUE_DWORD empvDword;
    EAP_METHOD_PROPERTY_VALUE_STRING empvString;
} EAP_METHOD_PROPERTY_VALUE;

typedef struct _EAP_METHOD_PROPERTY {
    EAP_METHOD_PROPERTY_TYPE eapMethodPropertyType;
    EAP_METHOD_PROPERTY_VALUE_TYPE eapMethodPropertyValueType;
    EAP_METHOD_PROPERTY_VALUE eapMethodPropertyValue;
} EAP_METHOD_PROPERTY;

typedef struct _EAP_METHOD_PROPERTY_ARRAY {
    DWORD dwNumberOfProperties;
    EAP_METHOD_PROPERTY *pMethodProperty;
} EAP_METHOD_PROPERTY_ARRAY;

/* ---- parameters of the identity and interactive UI hand-over -------------- */

typedef struct _EAPHOST_IDENTITY_UI_PARAMS {
    EAP_METHOD_TYPE eapMethodType;
    DWORD dwFlags;
    DWORD dwSizeofConnectionData;
    BYTE *pConnectionData;
    DWORD dwSizeofUserData;
    BYTE *pUserData;
    DWORD dwSizeofUserDataOut;
    BYTE *pUserDataOut;
    LPWSTR pwszIdentity;
    DWORD dwError;
    EAP_ERROR *pEapError;
} EAPHOST_IDENTITY_UI_PARAMS;

typedef struct _EAPHOST_INTERACTIVE_UI_PARAMS {
    DWORD dwSizeofContextData;
    BYTE *pContextData;
    DWORD dwSizeofInteractiveUIData;
    BYTE *pInteractiveUIData;
    DWORD dwError;
    EAP_ERROR *pEapError;
} EAPHOST_INTERACTIVE_UI_PARAMS;

/* ---- credentials handed to EapPeerGetConfigBlobAndUserBlob ----------------- */

typedef enum _EapCredentialType {
    EAP_EMPTY_CREDENTIAL = 0,
    EAP_USERNAME_PASSWORD_CREDENTIAL = 1,
    EAP_WINLOGON_CREDENTIAL = 2,
    EAP_CERTIFICATE_CREDENTIAL = 3,
    EAP_SIM_CREDENTIAL = 4
} EapCredentialType;

typedef struct _EapUsernamePasswordCredential {
    LPWSTR username;
    LPWSTR password;
} EapUsernamePasswordCredential;

#define CERTIFICATE_HASH_LENGTH 20

typedef struct _EapCertificateCredential {
    BYTE certHash[CERTIFICATE_HASH_LENGTH];
    LPWSTR password;
} EapCertificateCredential;

typedef struct _EapSimCredential {
    LPWSTR iccID;
} EapSimCredential;

typedef union _EapCredentialTypeData {
    EapUsernamePasswordCredential username_password;
    EapCertificateCredential certificate;
    EapSimCredential sim;
} EapCredentialTypeData;

typedef struct _EapCredential {
    EapCredentialType credType;
    EapCredentialTypeData credData;
} EapCredential;

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_EAPTYPES_H */

/*
 * Definitions of the GUID_EapHost_* constants, for the one translation unit
 * of the library that asks for them.  Outside the include guard on purpose:
 * that unit may include this header before and after defining the macro.
 */
#if defined(EAPHOST_DEFINE_GUIDS) && !defined(EAPHOST_EAP_GUIDS_DEFINED)
#define EAPHOST_EAP_GUIDS_DEFINED
#ifdef __cplusplus
#define EAPHOST_EAP_GUID_DEFINE_(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    extern "C" const GUID name = { l, w1, w2, { b1, b2, b3, b4, b5, b6, b7, b8 } };
#else
#define EAPHOST_EAP_GUID_DEFINE_(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    const GUID name = { l, w1, w2, { b1, b2, b3, b4, b5, b6, b7, b8 } };
#endif
EAPHOST_EAP_GUID_LIST(EAPHOST_EAP_GUID_DEFINE_)
#endif
