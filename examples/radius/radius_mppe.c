/*
 * radius_mppe.c - decryption of MS-MPPE-Send-Key and MS-MPPE-Recv-Key
 * (RFC 2548 §2.4.2-3), MD5 from nettle.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <nettle/md5.h>

#include "radius_mppe.h"

#define SALT_LEN 2u
#define BLOCK MD5_DIGEST_SIZE

bool radius_mppe_decrypt(const uint8_t *value, size_t len,
                         const uint8_t *secret, size_t secret_len,
                         const uint8_t *req_auth, uint8_t *key,
                         size_t *key_len)
{
    uint8_t plain[RADIUS_MAX_VALUE], b[BLOCK];
    const uint8_t *c = value + SALT_LEN;
    size_t clen = len >= SALT_LEN ? len - SALT_LEN : 0, i, j;
    struct md5_ctx ctx;
    bool ok;

    *key_len = 0;
    if (clen == 0 || clen % BLOCK != 0 || clen > sizeof plain)
        return false;
    for (i = 0; i < clen; i += BLOCK) {
        md5_init(&ctx);
        md5_update(&ctx, secret_len, secret);
        if (i == 0) {
            md5_update(&ctx, RADIUS_AUTH_LEN, req_auth);
            md5_update(&ctx, SALT_LEN, value);
        } else {
            md5_update(&ctx, BLOCK, c + i - BLOCK);
        }
        md5_digest(&ctx, BLOCK, b);
        for (j = 0; j < BLOCK; j++)
            plain[i + j] = c[i + j] ^ b[j];
    }
    ok = plain[0] <= clen - 1 && plain[0] <= RADIUS_MPPE_MAX_KEY;
    if (ok) {
        *key_len = plain[0];
        memcpy(key, plain + 1, plain[0]);
    }
    memset(plain, 0, sizeof plain);
    memset(b, 0, sizeof b);
    return ok;
}

/* One MPPE sub-attribute: decrypt it into its slot of @keys. */
static enum radius_mppe_status take_key(const uint8_t *sub, size_t sub_len,
                                        const struct radius_request *request,
                                        const uint8_t *secret,
                                        size_t secret_len, bool *seen,
                                        uint8_t *key, size_t *key_len,
                                        char *detail, size_t n)
{
    const char *name = sub[0] == RADIUS_MS_MPPE_SEND_KEY ? "MS-MPPE-Send-Key"
                                                         : "MS-MPPE-Recv-Key";

    if (*seen) {
        snprintf(detail, n, "%s appears twice", name);
        return RADIUS_MPPE_INVALID;
    }
    *seen = true;
    if (!radius_mppe_decrypt(sub + 2, sub_len - 2, secret, secret_len,
                             radius_request_authenticator(request), key,
                             key_len)) {
        snprintf(detail, n, "%s is malformed (%zu bytes of salt and "
                 "string)", name, sub_len - 2);
        return RADIUS_MPPE_INVALID;
    }
    return RADIUS_MPPE_OK;
}

enum radius_mppe_status radius_mppe_keys(const struct radius_reply *reply,
                                         const struct radius_request *request,
                                         const uint8_t *secret,
                                         size_t secret_len,
                                         struct radius_mppe_keys *keys,
                                         char *detail, size_t detail_len)
{
    bool have_send = false, have_recv = false;
    struct radius_attr a;
    size_t pos = 0;

    memset(keys, 0, sizeof *keys);
    if (detail_len > 0)
        detail[0] = '\0';
    while (radius_reply_next_attr(reply, &pos, &a)) {
        size_t off = 4;

        if (a.type != RADIUS_VENDOR_SPECIFIC || a.value_len < 4 ||
            a.value[0] != 0 || a.value[1] != 0 || a.value[2] != 1 ||
            a.value[3] != 55)        /* 311 = 0x00000137 */
            continue;
        while (off < a.value_len) {
            const uint8_t *sub = a.value + off;
            size_t sub_len = a.value_len - off >= 2 ? sub[1] : 0;
            enum radius_mppe_status st = RADIUS_MPPE_OK;

            if (sub_len < 2 || sub_len > a.value_len - off) {
                snprintf(detail, detail_len, "Microsoft Vendor-Specific "
                         "attribute with a sub-attribute of length %zu at "
                         "offset %zu of %u", sub_len, off, a.value_len);
                return RADIUS_MPPE_INVALID;
            }
            if (sub[0] == RADIUS_MS_MPPE_SEND_KEY)
                st = take_key(sub, sub_len, request, secret, secret_len,
                              &have_send, keys->send, &keys->send_len,
                              detail, detail_len);
            else if (sub[0] == RADIUS_MS_MPPE_RECV_KEY)
                st = take_key(sub, sub_len, request, secret, secret_len,
                              &have_recv, keys->recv, &keys->recv_len,
                              detail, detail_len);
            if (st != RADIUS_MPPE_OK)
                return st;
            off += sub_len;
        }
    }
    if (!have_send && !have_recv)
        return RADIUS_MPPE_NONE;
    if (!have_send || !have_recv) {
        snprintf(detail, detail_len, "only %s is present",
                 have_send ? "MS-MPPE-Send-Key" : "MS-MPPE-Recv-Key");
        return RADIUS_MPPE_INVALID;
    }
    return RADIUS_MPPE_OK;
}
