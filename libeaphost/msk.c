/*
 * msk.c - the MSK from MS-MPPE-Send-Key and MS-MPPE-Recv-Key attributes
 * (RFC 2548 §2.4.2-3 for the layout, unencrypted here; DESIGN.md "Keys").
 */
#include "internal.h"

#include <string.h>

#define MS_VENDOR_ID 311u
#define MS_MPPE_SEND_KEY 16u
#define MS_MPPE_RECV_KEY 17u
/* Vendor id (4), vendor type (1), vendor length (1), salt (2), key length. */
#define MPPE_HEADER_LEN 9u

struct key {
    bool found;
    const BYTE *bytes;
    DWORD len;
};

/* Which MPPE key @a is: 16, 17, or 0 for any other attribute. */
static unsigned mppe_kind(const EAP_ATTRIBUTE *a)
{
    const BYTE *v = a->pValue;
    DWORD vendor;

    if (a->eaType != eatVendorSpecific || a->dwLength < 6 || !v)
        return 0;
    vendor = ((DWORD)v[0] << 24) | ((DWORD)v[1] << 16) | ((DWORD)v[2] << 8) |
             v[3];
    if (vendor != MS_VENDOR_ID ||
        (v[4] != MS_MPPE_SEND_KEY && v[4] != MS_MPPE_RECV_KEY))
        return 0;
    return v[4];
}

/* Parse an MPPE key attribute; false when malformed. */
static bool parse_key(const EAP_ATTRIBUTE *a, struct key *k)
{
    const BYTE *v = a->pValue;
    DWORD key_len;

    if (k->found || a->dwLength < MPPE_HEADER_LEN + 1)
        return false;
    /* Vendor length: itself, the vendor type and what follows. */
    if (v[5] != a->dwLength - 4)
        return false;
    key_len = v[8];
    if (key_len == 0 || MPPE_HEADER_LEN + key_len > a->dwLength)
        return false;
    k->found = true;
    k->bytes = v + MPPE_HEADER_LEN;
    k->len = key_len;
    return true;
}

DWORD eaphost_msk_from_attributes(const EapAttributes *attributes,
                                  BOOL peer_view, BYTE msk[EAPHOST_MSK_LEN],
                                  DWORD *msk_len)
{
    struct key send = { false, NULL, 0 }, recv = { false, NULL, 0 };
    const struct key *first, *second;

    if (msk_len)
        *msk_len = 0;
    if (!attributes || !msk)
        return ERROR_INVALID_PARAMETER;
    memset(msk, 0, EAPHOST_MSK_LEN);
    if (attributes->dwNumberOfAttributes && !attributes->pAttribs)
        return ERROR_INVALID_DATA;
    for (DWORD i = 0; i < attributes->dwNumberOfAttributes; i++) {
        const EAP_ATTRIBUTE *a = &attributes->pAttribs[i];
        unsigned kind;

        if (a->eaType == eatMinimum)
            continue;
        if (a->dwLength && !a->pValue)
            return ERROR_INVALID_DATA;
        kind = mppe_kind(a);
        if (kind == MS_MPPE_SEND_KEY && !parse_key(a, &send))
            return ERROR_INVALID_DATA;
        if (kind == MS_MPPE_RECV_KEY && !parse_key(a, &recv))
            return ERROR_INVALID_DATA;
    }
    if (!send.found && !recv.found)
        return ERROR_NOT_FOUND;
    if (!send.found || !recv.found ||
        send.len + recv.len > EAPHOST_MSK_LEN)
        return ERROR_INVALID_DATA;
    /* The server's Recv || Send, which is the peer's Send || Recv. */
    first = peer_view ? &send : &recv;
    second = peer_view ? &recv : &send;
    memcpy(msk, first->bytes, first->len);
    memcpy(msk + first->len, second->bytes, second->len);
    if (msk_len)
        *msk_len = first->len + second->len;
    return ERROR_SUCCESS;
}
