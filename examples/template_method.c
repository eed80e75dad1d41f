/*
 * template_method.c - the smallest complete EAP peer method, as a starting
 * point for method authors.  It builds against the Windows SDK headers only
 * (the eaphost-windows pkg-config module) and runs unchanged on Windows.
 *
 * Protocol (expanded type: vendor 32473, the IANA documentation enterprise
 * number, vendor type 1): the server sends a challenge; the peer answers
 * with "<identity>:<challenge>".  It shows every export a method needs, who
 * owns which buffer, and how errors are returned.  It proves nothing: do
 * not deploy it.
 */
#include <stdlib.h>
#include <string.h>

#include <eapmethodpeerapis.h>
#include <eaphosterror.h>

#define TEMPLATE_VENDOR 32473u
#define TEMPLATE_VENDOR_TYPE 1u
#define EXPANDED_HDR 12u      /* Code Id Length(2) 254 Vendor(3) Type(4) */

struct template_session {
    char identity[256];       /* UTF-8, from EapPeerSetCredentials */
    BYTE request_id;
    BYTE challenge[64];
    DWORD challenge_len;
    DWORD max_send;
};

/* Allocate an EAP_ERROR the host will give back to EapPeerFreeErrorMemory. */
static DWORD fail(EAP_ERROR **err, DWORD code)
{
    EAP_ERROR *e = calloc(1, sizeof(*e));

    if (e) {
        e->dwWinError = code;
        e->type.eapType.type = 254;
        e->type.eapType.dwVendorId = TEMPLATE_VENDOR;
        e->type.eapType.dwVendorType = TEMPLATE_VENDOR_TYPE;
        e->dwReasonCode = code;
    }
    if (err)
        *err = e;
    else
        free(e);
    return code;
}

static DWORD WINAPI template_initialize(EAP_ERROR **err)
{
    *err = NULL;
    return ERROR_SUCCESS;
}

static DWORD WINAPI template_begin(DWORD flags, const EapAttributes *attrs,
                                   HANDLE token, DWORD conn_size, BYTE *conn,
                                   DWORD user_size, BYTE *user,
                                   DWORD max_send, EAP_SESSION_HANDLE *handle,
                                   EAP_ERROR **err)
{
    struct template_session *s = calloc(1, sizeof(*s));

    (void)flags; (void)attrs; (void)token; (void)conn_size; (void)conn;
    (void)user_size; (void)user;
    *err = NULL;
    if (!s)
        return fail(err, ERROR_NOT_ENOUGH_MEMORY);
    s->max_send = max_send;
    *handle = s;
    return ERROR_SUCCESS;
}

/* The identity arrives as UTF-16; keep it as UTF-8 (ASCII shown here). */
static DWORD WINAPI template_set_credentials(EAP_SESSION_HANDLE handle,
                                             LPWSTR identity, LPWSTR password,
                                             EAP_ERROR **err)
{
    struct template_session *s = handle;
    size_t i;

    (void)password;
    *err = NULL;
    for (i = 0; identity && identity[i] && i + 1 < sizeof(s->identity); i++) {
        if (identity[i] > 0x7f)
            return fail(err, ERROR_INVALID_DATA);
        s->identity[i] = (char)identity[i];
    }
    s->identity[i] = '\0';
    return ERROR_SUCCESS;
}

static DWORD WINAPI template_process(EAP_SESSION_HANDLE handle, DWORD size,
                                     EapPacket *req, EapPeerMethodOutput *out,
                                     EAP_ERROR **err)
{
    struct template_session *s = handle;
    DWORD len = ((DWORD)req->Length[0] << 8) | req->Length[1];

    *err = NULL;
    out->fAllowNotifications = TRUE;
    /* The host checked the header; the method checks its own payload. */
    if (len > size || len < EXPANDED_HDR ||
        len - EXPANDED_HDR > sizeof(s->challenge)) {
        out->action = EapPeerMethodResponseActionDiscard;
        return ERROR_SUCCESS;
    }
    s->request_id = req->Id;
    s->challenge_len = len - EXPANDED_HDR;
    memcpy(s->challenge, (BYTE *)req + EXPANDED_HDR, s->challenge_len);
    out->action = EapPeerMethodResponseActionSend;
    return ERROR_SUCCESS;
}

static DWORD WINAPI template_response(EAP_SESSION_HANDLE handle, DWORD *size,
                                      EapPacket *pkt, EAP_ERROR **err)
{
    struct template_session *s = handle;
    size_t id_len = strlen(s->identity);
    DWORD len = (DWORD)(EXPANDED_HDR + id_len + 1 + s->challenge_len);
    BYTE *p = (BYTE *)pkt;

    *err = NULL;
    if (len > *size)
        return fail(err, ERROR_INSUFFICIENT_BUFFER);
    p[0] = EapCodeResponse;
    p[1] = s->request_id;
    p[2] = (BYTE)(len >> 8);
    p[3] = (BYTE)len;
    p[4] = 254;
    p[5] = (BYTE)(TEMPLATE_VENDOR >> 16);
    p[6] = (BYTE)(TEMPLATE_VENDOR >> 8);
    p[7] = (BYTE)TEMPLATE_VENDOR;
    p[8] = p[9] = p[10] = 0;
    p[11] = (BYTE)TEMPLATE_VENDOR_TYPE;
    memcpy(p + EXPANDED_HDR, s->identity, id_len);
    p[EXPANDED_HDR + id_len] = ':';
    memcpy(p + EXPANDED_HDR + id_len + 1, s->challenge, s->challenge_len);
    *size = len;
    return ERROR_SUCCESS;
}

static DWORD WINAPI template_result(EAP_SESSION_HANDLE handle,
                                    EapPeerMethodResultReason reason,
                                    EapPeerMethodResult *result,
                                    EAP_ERROR **err)
{
    (void)handle;
    *err = NULL;
    /* The host zeroed *result; this method derives no keys. */
    result->fIsSuccess = reason == EapPeerMethodResultSuccess;
    if (!result->fIsSuccess)
        result->dwFailureReasonCode = EAP_E_AUTHENTICATION_FAILED;
    return ERROR_SUCCESS;
}

static DWORD WINAPI template_end(EAP_SESSION_HANDLE handle, EAP_ERROR **err)
{
    *err = NULL;
    free(handle);
    return ERROR_SUCCESS;
}

static DWORD WINAPI template_shutdown(EAP_ERROR **err)
{
    *err = NULL;
    return ERROR_SUCCESS;
}

DWORD WINAPI EapPeerGetInfo(EAP_TYPE *type, EAP_PEER_METHOD_ROUTINES *r,
                            EAP_ERROR **err)
{
    *err = NULL;
    /* Answer only for the type this method implements. */
    if (type->type != 254 || type->dwVendorId != TEMPLATE_VENDOR ||
        type->dwVendorType != TEMPLATE_VENDOR_TYPE)
        return fail(err, ERROR_NOT_SUPPORTED);
    memset(r, 0, sizeof(*r));
    r->EapPeerInitialize = template_initialize;
    r->EapPeerBeginSession = template_begin;
    r->EapPeerSetCredentials = template_set_credentials;
    r->EapPeerProcessRequestPacket = template_process;
    r->EapPeerGetResponsePacket = template_response;
    r->EapPeerGetResult = template_result;
    r->EapPeerEndSession = template_end;
    r->EapPeerShutdown = template_shutdown;
    return ERROR_SUCCESS;
}

VOID WINAPI EapPeerFreeMemory(void *p)
{
    free(p);
}

VOID WINAPI EapPeerFreeErrorMemory(EAP_ERROR *e)
{
    free(e);
}
