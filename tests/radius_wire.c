/*
 * radius_wire.c - the test responder's own RADIUS encoding, written from
 * the RFCs apart from examples/radius/ (which it tests): replies with
 * their Message-Authenticator (RFC 3579 §3.2) and Response Authenticator
 * (RFC 2865 §3), EAP-Message pieces, MS-MPPE keys encrypted as RFC 2548
 * §2.4.2 describes, and the check of a request's Message-Authenticator.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <nettle/hmac.h>
#include <nettle/md5.h>

#include "radius_responder.h"

void wire_start(struct wire *w, uint8_t code, uint8_t id,
                const uint8_t req_auth[16])
{
    memset(w, 0, sizeof *w);
    w->b[0] = code;
    w->b[1] = id;
    memcpy(w->b + 4, req_auth, 16);
    w->len = 20;
}

void wire_attr(struct wire *w, uint8_t type, const void *v, size_t n)
{
    if (n > 253 || w->len + 2 + n > sizeof w->b)
        abort();
    w->b[w->len] = type;
    w->b[w->len + 1] = (uint8_t)(2 + n);
    memcpy(w->b + w->len + 2, v, n);
    w->len += 2 + n;
}

void wire_ma(struct wire *w)
{
    static const uint8_t zero[16];

    w->ma = w->len;
    wire_attr(w, 80, zero, sizeof zero);
}

void wire_eap(struct wire *w, const uint8_t *eap, size_t n)
{
    size_t off = 0;

    while (off < n) {
        size_t k = n - off > 253 ? 253 : n - off;
        wire_attr(w, 79, eap + off, k);
        off += k;
    }
}

void wire_mppe_key(struct wire *w, uint8_t vendor_type, const uint8_t *key,
                   size_t n, const uint8_t req_auth[16], const char *secret,
                   size_t pad_extra)
{
    static const uint8_t microsoft[4] = { 0, 0, 0x01, 0x37 };   /* 311 */
    uint8_t v[253], plain[240], block[16];
    size_t plen = ((1 + n + 15) / 16) * 16, i, j;
    struct md5_ctx md5;

    if (plen > sizeof plain)
        abort();
    memset(plain, 0, sizeof plain);
    plain[0] = (uint8_t)n;
    memcpy(plain + 1, key, n);
    /* Vendor 311, then the sub-attribute: type, length, salt, string. */
    memcpy(v, microsoft, sizeof microsoft);
    v[4] = vendor_type;
    v[5] = (uint8_t)(2 + 2 + plen + pad_extra);
    /* The salt: high bit set, different for the two keys of a reply. */
    v[6] = (uint8_t)(0x80 | req_auth[0]);
    v[7] = (uint8_t)(req_auth[1] ^ vendor_type);
    for (i = 0; i < plen; i += 16) {
        md5_init(&md5);
        md5_update(&md5, strlen(secret), (const uint8_t *)secret);
        if (i == 0) {
            md5_update(&md5, 16, req_auth);
            md5_update(&md5, 2, v + 6);
        } else {
            md5_update(&md5, 16, v + 8 + i - 16);
        }
        md5_digest(&md5, 16, block);
        for (j = 0; j < 16; j++)
            v[8 + i + j] = plain[i + j] ^ block[j];
    }
    /* A malformed key: bytes after the last block. */
    memset(v + 8 + plen, 0x5a, pad_extra);
    wire_attr(w, 26, v, 8 + plen + pad_extra);
}

void wire_sign(struct wire *w, const uint8_t req_auth[16],
               const char *secret, bool flip_ma)
{
    struct hmac_md5_ctx hmac;
    struct md5_ctx md5;
    uint8_t digest[16];

    w->b[2] = (uint8_t)(w->len >> 8);
    w->b[3] = (uint8_t)w->len;
    memcpy(w->b + 4, req_auth, 16);
    if (w->ma) {
        memset(w->b + w->ma + 2, 0, 16);
        hmac_md5_set_key(&hmac, strlen(secret), (const uint8_t *)secret);
        hmac_md5_update(&hmac, w->len, w->b);
        hmac_md5_digest(&hmac, 16, w->b + w->ma + 2);
        if (flip_ma)
            w->b[w->ma + 2] ^= 0x01;
    }
    md5_init(&md5);
    md5_update(&md5, w->len, w->b);
    md5_update(&md5, strlen(secret), (const uint8_t *)secret);
    md5_digest(&md5, 16, digest);
    memcpy(w->b + 4, digest, 16);
}

int wire_request_check(const uint8_t *p, size_t n, const char *secret)
{
    uint8_t copy[4096], mac[16];
    struct hmac_md5_ctx hmac;
    size_t pos = 20, ma = 0;

    if (n < 20 || n > sizeof copy || p[0] != 1 ||
        (size_t)((p[2] << 8) | p[3]) != n)
        return -1;
    while (pos + 2 <= n && p[pos + 1] >= 2 && pos + p[pos + 1] <= n) {
        if (p[pos] == 80) {
            if (ma || p[pos + 1] != 18)
                return -1;
            ma = pos;
        }
        pos += p[pos + 1];
    }
    if (pos != n || !ma)
        return -1;
    memcpy(copy, p, n);
    memset(copy + ma + 2, 0, 16);
    hmac_md5_set_key(&hmac, strlen(secret), (const uint8_t *)secret);
    hmac_md5_update(&hmac, n, copy);
    hmac_md5_digest(&hmac, 16, mac);
    if (memcmp(mac, p + ma + 2, 16) != 0)
        return -1;
    return ma == 20 ? 0 : 1;
}
