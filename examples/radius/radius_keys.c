/*
 * radius_keys.c - the key check of an Access-Accept: the MSK the peer's
 * method exported against the server's MS-MPPE keys, as eapol_test
 * compares them (the first 32 bytes of the MSK against
 * MS-MPPE-Recv-Key | MS-MPPE-Send-Key).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "radius_auth.h"
#include "radius_keys.h"
#include "radius_mppe.h"

/* eapol_test compares a PMK's worth of the MSK. */
#define COMPARED_LEN 32u

static void mismatch(struct radius_auth_result *res, const char *text)
{
    res->keys = RADIUS_KEYS_MISMATCH;
    snprintf(res->key_detail, sizeof res->key_detail, "%s", text);
}

void radius_check_keys(const EAP_ATTRIBUTES *peer_attributes,
                       const struct radius_reply *accept,
                       const struct radius_request *request,
                       const uint8_t *secret, size_t secret_len,
                       struct radius_auth_result *res)
{
    static const EAP_ATTRIBUTES none = { 0, NULL };
    struct radius_mppe_keys keys;
    enum radius_mppe_status server;
    char detail[sizeof res->key_detail - 40];
    DWORD peer, n;

    peer = eaphost_msk_from_attributes(peer_attributes ? peer_attributes
                                                       : &none,
                                       TRUE, res->msk, &res->msk_len);
    server = radius_mppe_keys(accept, request, secret, secret_len, &keys,
                              detail, sizeof detail);
    if (server == RADIUS_MPPE_OK) {
        /* The server's Recv-Key | Send-Key, cut at the MSK's 64 bytes. */
        n = (DWORD)(keys.recv_len < EAPHOST_MSK_LEN ? keys.recv_len
                                                    : EAPHOST_MSK_LEN);
        memcpy(res->server_keys, keys.recv, n);
        res->server_keys_len = n;
        n = (DWORD)(keys.send_len < EAPHOST_MSK_LEN - n
                        ? keys.send_len : EAPHOST_MSK_LEN - n);
        memcpy(res->server_keys + res->server_keys_len, keys.send, n);
        res->server_keys_len += n;
    }
    memset(&keys, 0, sizeof keys);
    res->keys = RADIUS_KEYS_NONE;
    if (server == RADIUS_MPPE_INVALID) {
        char text[sizeof res->key_detail];
        snprintf(text, sizeof text, "the server's keys are malformed: %s",
                 detail);
        mismatch(res, text);
    } else if (peer != ERROR_SUCCESS && peer != ERROR_NOT_FOUND) {
        mismatch(res, "the method's MS-MPPE key attributes are malformed");
    } else if (peer == ERROR_SUCCESS && server == RADIUS_MPPE_NONE) {
        mismatch(res, "the method exported an MSK, the Access-Accept has "
                      "no MS-MPPE keys");
    } else if (peer == ERROR_NOT_FOUND && server == RADIUS_MPPE_OK) {
        mismatch(res, "the Access-Accept has MS-MPPE keys, the method "
                      "exported no MSK");
    } else if (server == RADIUS_MPPE_OK) {
        n = res->server_keys_len < COMPARED_LEN ? res->server_keys_len
                                                : COMPARED_LEN;
        if (n == 0)
            mismatch(res, "the server's MS-MPPE keys are empty");
        else if (memcmp(res->msk, res->server_keys, n) != 0)
            mismatch(res, "the MSK differs from MS-MPPE-Recv-Key | "
                          "MS-MPPE-Send-Key");
        else
            res->keys = RADIUS_KEYS_MATCH;
    }
}
