/*
 * radius_packet.c - the RADIUS codec: Access-Request building with the
 * Message-Authenticator first, strict reply checking, EAP-Message split
 * and reassembly (RFC 2865, RFC 3579; the lesson of CVE-2024-3596).
 *
 * Why not libradcli: Debian 12's libradcli 1.2.11 adds a
 * Message-Authenticator only to requests that carry an EAP-Message, after
 * the other attributes, and never checks one in a reply; recvfrom()
 * writes the reply's source over the server's address, so nothing checks
 * where a reply came from; a reply that fails a check ends the exchange
 * instead of being dropped while the request stays outstanding; EAP-Message
 * splitting and reassembly are left to the caller.  (It does resend the
 * same bytes, Identifier and authenticator included, on retransmission.)
 * The codec is therefore written here, small, with MD5 and HMAC-MD5 from
 * nettle.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include <nettle/hmac.h>
#include <nettle/md5.h>
#include <nettle/memops.h>

#include "radius_packet.h"

#define AUTH_OFFSET 4u           /* the authenticator within the header */
#define MA_OFFSET RADIUS_HEADER_LEN  /* the request's first attribute */

/* EAP codes a server sends (RFC 3748 §4). */
#define EAP_REQUEST 1u
#define EAP_SUCCESS 3u
#define EAP_FAILURE 4u

static void put16(uint8_t *p, size_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static size_t get16(const uint8_t *p)
{
    return ((size_t)p[0] << 8) | p[1];
}

bool radius_random(void *buf, size_t n)
{
    uint8_t *p = buf;

    while (n > 0) {
        ssize_t got = getrandom(p, n, 0);

        if (got < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += got;
        n -= (size_t)got;
    }
    return true;
}

/* ---- requests ----------------------------------------------------------- */

void radius_request_init(struct radius_request *r, uint8_t id,
                         const uint8_t authenticator[RADIUS_AUTH_LEN])
{
    r->data[0] = RADIUS_ACCESS_REQUEST;
    r->data[1] = id;
    memcpy(r->data + AUTH_OFFSET, authenticator, RADIUS_AUTH_LEN);
    r->data[MA_OFFSET] = RADIUS_MESSAGE_AUTHENTICATOR;
    r->data[MA_OFFSET + 1] = RADIUS_MA_ATTR_LEN;
    memset(r->data + MA_OFFSET + 2, 0, RADIUS_MA_ATTR_LEN - 2);
    r->len = RADIUS_HEADER_LEN + RADIUS_MA_ATTR_LEN;
    put16(r->data + 2, r->len);
}

enum radius_build_status radius_request_add(struct radius_request *r,
                                            uint8_t type, const void *value,
                                            size_t len)
{
    if (len == 0 || len > RADIUS_MAX_VALUE || !value)
        return RADIUS_BUILD_BAD_VALUE;
    if (r->len + 2 + len > RADIUS_MAX_PACKET)
        return RADIUS_BUILD_TOO_BIG;
    r->data[r->len] = type;
    r->data[r->len + 1] = (uint8_t)(len + 2);
    memcpy(r->data + r->len + 2, value, len);
    r->len += 2 + len;
    return RADIUS_BUILD_OK;
}

enum radius_build_status radius_request_add_u32(struct radius_request *r,
                                                uint8_t type, uint32_t value)
{
    uint8_t v[4] = { (uint8_t)(value >> 24), (uint8_t)(value >> 16),
                     (uint8_t)(value >> 8), (uint8_t)value };

    return radius_request_add(r, type, v, sizeof v);
}

enum radius_build_status radius_request_add_eap(struct radius_request *r,
                                                const uint8_t *eap,
                                                size_t len)
{
    size_t pieces, off;

    if (len == 0 || !eap)
        return RADIUS_BUILD_BAD_VALUE;
    pieces = (len + RADIUS_MAX_VALUE - 1) / RADIUS_MAX_VALUE;
    if (r->len + len + 2 * pieces > RADIUS_MAX_PACKET)
        return RADIUS_BUILD_TOO_BIG;
    for (off = 0; off < len; off += RADIUS_MAX_VALUE) {
        size_t n = len - off < RADIUS_MAX_VALUE ? len - off
                                                : RADIUS_MAX_VALUE;
        radius_request_add(r, RADIUS_EAP_MESSAGE, eap + off, n);
    }
    return RADIUS_BUILD_OK;
}

void radius_request_sign(struct radius_request *r, const uint8_t *secret,
                         size_t secret_len)
{
    struct hmac_md5_ctx ctx;

    put16(r->data + 2, r->len);
    memset(r->data + MA_OFFSET + 2, 0, MD5_DIGEST_SIZE);
    hmac_md5_set_key(&ctx, secret_len, secret);
    hmac_md5_update(&ctx, r->len, r->data);
    hmac_md5_digest(&ctx, MD5_DIGEST_SIZE, r->data + MA_OFFSET + 2);
    memset(&ctx, 0, sizeof ctx);
}

uint8_t radius_request_id(const struct radius_request *r)
{
    return r->data[1];
}

const uint8_t *radius_request_authenticator(const struct radius_request *r)
{
    return r->data + AUTH_OFFSET;
}

/* ---- replies -------------------------------------------------------------- */

/* Where the reply's attributes put what the later checks need. */
struct scan {
    size_t ma_offset;     /* Message-Authenticator attribute; 0: none */
    unsigned ma_count;
    size_t ma_len;        /* its value length */
    size_t eap_first;     /* offset of the first EAP-Message; 0: none */
    size_t eap_end;       /* end of the last consecutive one */
    bool eap_split;       /* EAP-Message pieces not consecutive */
};

static enum radius_drop drop(enum radius_drop reason, char *detail, size_t n,
                             const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static enum radius_drop drop(enum radius_drop reason, char *detail, size_t n,
                             const char *fmt, ...)
{
    va_list ap;

    if (n > 0) {
        va_start(ap, fmt);
        vsnprintf(detail, n, fmt, ap);
        va_end(ap);
    }
    return reason;
}

/* Walk the attributes of @p (@len bytes): structure, State, and where the
 * Message-Authenticator and EAP-Message attributes are. */
static enum radius_drop scan_attributes(const uint8_t *p, size_t len,
                                        struct radius_reply *reply,
                                        struct scan *s, char *detail,
                                        size_t n)
{
    size_t pos = RADIUS_HEADER_LEN, prev_end = 0;

    memset(s, 0, sizeof *s);
    while (pos < len) {
        size_t alen;

        if (len - pos < 2)
            return drop(RADIUS_DROP_BAD_ATTRIBUTE, detail, n,
                        "attribute at offset %zu cut off after its type",
                        pos);
        alen = p[pos + 1];
        if (alen < 2)
            return drop(RADIUS_DROP_BAD_ATTRIBUTE, detail, n,
                        "attribute %u at offset %zu has length %zu (at "
                        "least 2)", p[pos], pos, alen);
        if (alen > len - pos)
            return drop(RADIUS_DROP_BAD_ATTRIBUTE, detail, n,
                        "attribute %u at offset %zu has length %zu, past the "
                        "packet's end (%zu)", p[pos], pos, alen, len);
        switch (p[pos]) {
        case RADIUS_STATE:
            if (reply->has_state)
                return drop(RADIUS_DROP_BAD_ATTRIBUTE, detail, n,
                            "State appears twice");
            reply->has_state = true;
            reply->state_offset = pos + 2;
            reply->state_len = alen - 2;
            break;
        case RADIUS_MESSAGE_AUTHENTICATOR:
            s->ma_count++;
            s->ma_offset = pos;
            s->ma_len = alen - 2;
            break;
        case RADIUS_EAP_MESSAGE:
            if (!s->eap_first)
                s->eap_first = pos;
            else if (prev_end != s->eap_end)
                s->eap_split = true;
            s->eap_end = pos + alen;
            break;
        default:
            break;
        }
        prev_end = pos + alen;
        pos += alen;
    }
    return RADIUS_DROP_NONE;
}

/* The Response Authenticator (RFC 2865 §3) of @p. */
static bool response_auth_ok(const uint8_t *p, size_t len,
                             const uint8_t *req_auth, const uint8_t *secret,
                             size_t secret_len)
{
    struct md5_ctx ctx;
    uint8_t digest[MD5_DIGEST_SIZE];

    md5_init(&ctx);
    md5_update(&ctx, AUTH_OFFSET, p);
    md5_update(&ctx, RADIUS_AUTH_LEN, req_auth);
    md5_update(&ctx, len - RADIUS_HEADER_LEN, p + RADIUS_HEADER_LEN);
    md5_update(&ctx, secret_len, secret);
    md5_digest(&ctx, sizeof digest, digest);
    return memeql_sec(digest, p + AUTH_OFFSET, RADIUS_AUTH_LEN) != 0;
}

/* The Message-Authenticator (RFC 3579 §3.2) of the reply in @p, whose
 * attribute starts at @ma; @p is a scratch copy that this changes. */
static bool message_auth_ok(uint8_t *p, size_t len, size_t ma,
                            const uint8_t *req_auth, const uint8_t *secret,
                            size_t secret_len)
{
    struct hmac_md5_ctx ctx;
    uint8_t got[MD5_DIGEST_SIZE], want[MD5_DIGEST_SIZE];

    memcpy(got, p + ma + 2, sizeof got);
    memcpy(p + AUTH_OFFSET, req_auth, RADIUS_AUTH_LEN);
    memset(p + ma + 2, 0, MD5_DIGEST_SIZE);
    hmac_md5_set_key(&ctx, secret_len, secret);
    hmac_md5_update(&ctx, len, p);
    hmac_md5_digest(&ctx, sizeof want, want);
    return memeql_sec(got, want, sizeof want) != 0;
}

/* Reassemble the EAP-Message pieces of the reply and check the packet. */
static enum radius_drop check_eap(struct radius_reply *r,
                                  const struct scan *s, char *detail,
                                  size_t n)
{
    size_t pos, eap_len, want;
    uint8_t code;

    if (s->eap_split)
        return drop(RADIUS_DROP_BAD_EAP_MESSAGE, detail, n,
                    "EAP-Message attributes are not consecutive");
    r->eap_len = 0;
    for (pos = s->eap_first; s->eap_first && pos < s->eap_end;
         pos += r->packet[pos + 1]) {
        memcpy(r->eap + r->eap_len, r->packet + pos + 2,
               r->packet[pos + 1] - 2u);
        r->eap_len += r->packet[pos + 1] - 2u;
    }
    r->has_eap = s->eap_first != 0;
    if (!r->has_eap) {
        if (r->code == RADIUS_ACCESS_CHALLENGE)
            return drop(RADIUS_DROP_BAD_EAP_MESSAGE, detail, n,
                        "Access-Challenge without EAP-Message");
        return RADIUS_DROP_NONE;
    }
    eap_len = r->eap_len;
    if (eap_len < 4)
        return drop(RADIUS_DROP_BAD_EAP_MESSAGE, detail, n,
                    "EAP packet of %zu bytes (at least 4)", eap_len);
    code = r->eap[0];
    if (get16(r->eap + 2) != eap_len)
        return drop(RADIUS_DROP_BAD_EAP_MESSAGE, detail, n,
                    "EAP Length %zu, but the EAP-Message holds %zu bytes",
                    get16(r->eap + 2), eap_len);
    want = r->code == RADIUS_ACCESS_CHALLENGE ? EAP_REQUEST
           : r->code == RADIUS_ACCESS_ACCEPT ? EAP_SUCCESS : EAP_FAILURE;
    if (code != want)
        return drop(RADIUS_DROP_BAD_EAP_MESSAGE, detail, n,
                    "EAP Code %u in an %s (expected %zu)", code,
                    r->code == RADIUS_ACCESS_CHALLENGE ? "Access-Challenge"
                    : r->code == RADIUS_ACCESS_ACCEPT ? "Access-Accept"
                                                      : "Access-Reject",
                    want);
    if (code == EAP_REQUEST && eap_len < 5)
        return drop(RADIUS_DROP_BAD_EAP_MESSAGE, detail, n,
                    "EAP Request without a Type");
    if (code != EAP_REQUEST && eap_len != 4)
        return drop(RADIUS_DROP_BAD_EAP_MESSAGE, detail, n,
                    "EAP %s of %zu bytes (exactly 4)",
                    code == EAP_SUCCESS ? "Success" : "Failure", eap_len);
    return RADIUS_DROP_NONE;
}

/* The header checks: size, Length, Identifier, Code. */
static enum radius_drop check_header(const uint8_t *dgram, size_t n,
                                     uint8_t id, size_t *len, char *detail,
                                     size_t dn)
{
    if (n > RADIUS_MAX_PACKET)
        return drop(RADIUS_DROP_OVERSIZED, detail, dn,
                    "datagram of %zu bytes (at most %u)", n,
                    RADIUS_MAX_PACKET);
    if (n < RADIUS_HEADER_LEN)
        return drop(RADIUS_DROP_TRUNCATED, detail, dn,
                    "datagram of %zu bytes, shorter than the %u-byte header",
                    n, RADIUS_HEADER_LEN);
    *len = get16(dgram + 2);
    if (*len < RADIUS_HEADER_LEN || *len > n)
        return drop(RADIUS_DROP_BAD_LENGTH, detail, dn,
                    "Length %zu in a datagram of %zu bytes", *len, n);
    if (dgram[1] != id)
        return drop(RADIUS_DROP_WRONG_ID, detail, dn,
                    "Identifier %u, the request's is %u", dgram[1], id);
    if (dgram[0] != RADIUS_ACCESS_ACCEPT && dgram[0] != RADIUS_ACCESS_REJECT &&
        dgram[0] != RADIUS_ACCESS_CHALLENGE)
        return drop(RADIUS_DROP_BAD_CODE, detail, dn,
                    "code %u is not Access-Accept, -Reject or -Challenge",
                    dgram[0]);
    return RADIUS_DROP_NONE;
}

enum radius_drop radius_reply_check(const uint8_t *dgram, size_t n,
                                    const struct radius_request *request,
                                    const uint8_t *secret, size_t secret_len,
                                    struct radius_reply *reply, char *detail,
                                    size_t detail_len)
{
    const uint8_t *req_auth = radius_request_authenticator(request);
    uint8_t scratch[RADIUS_MAX_PACKET];
    enum radius_drop why;
    struct scan s;
    size_t len = 0;

    if (detail_len > 0)
        detail[0] = '\0';
    memset(reply, 0, offsetof(struct radius_reply, packet));
    why = check_header(dgram, n, radius_request_id(request), &len, detail,
                       detail_len);
    if (why == RADIUS_DROP_NONE)
        why = scan_attributes(dgram, len, reply, &s, detail, detail_len);
    if (why != RADIUS_DROP_NONE)
        return why;
    if (!response_auth_ok(dgram, len, req_auth, secret, secret_len))
        return drop(RADIUS_DROP_BAD_RESPONSE_AUTH, detail, detail_len,
                    "the Response Authenticator does not match the secret "
                    "and the request");
    if (s.ma_count == 0)
        return drop(RADIUS_DROP_NO_MESSAGE_AUTH, detail, detail_len,
                    "the reply has no Message-Authenticator");
    if (s.ma_count > 1 || s.ma_len != MD5_DIGEST_SIZE)
        return drop(RADIUS_DROP_BAD_MESSAGE_AUTH, detail, detail_len,
                    s.ma_count > 1 ? "%u Message-Authenticator attributes"
                                   : "Message-Authenticator of %u bytes",
                    s.ma_count > 1 ? s.ma_count : (unsigned)s.ma_len);
    memcpy(scratch, dgram, len);
    if (!message_auth_ok(scratch, len, s.ma_offset, req_auth, secret,
                         secret_len))
        return drop(RADIUS_DROP_BAD_MESSAGE_AUTH, detail, detail_len,
                    "the Message-Authenticator does not match the secret "
                    "and the request");
    reply->code = dgram[0];
    reply->id = dgram[1];
    reply->length = len;
    memcpy(reply->packet, dgram, len);
    return check_eap(reply, &s, detail, detail_len);
}

bool radius_reply_next_attr(const struct radius_reply *reply, size_t *pos,
                            struct radius_attr *attr)
{
    size_t p = *pos ? *pos : RADIUS_HEADER_LEN;

    if (p + 2 > reply->length)
        return false;
    attr->type = reply->packet[p];
    attr->value_len = (uint8_t)(reply->packet[p + 1] - 2u);
    attr->value = reply->packet + p + 2;
    *pos = p + reply->packet[p + 1];
    return true;
}

/* ---- names -------------------------------------------------------------- */

static const struct {
    const char *name;
    const char *text;
} drop_names[RADIUS_DROP_COUNT] = {
    [RADIUS_DROP_NONE] = { "none", "accepted" },
    [RADIUS_DROP_WRONG_SOURCE] = { "wrong-source",
                                   "not from the server's address and port" },
    [RADIUS_DROP_OVERSIZED] = { "oversized", "datagram over 4096 bytes" },
    [RADIUS_DROP_TRUNCATED] = { "truncated", "truncated datagram" },
    [RADIUS_DROP_BAD_LENGTH] = { "bad-length",
                                 "Length field wrong for the datagram" },
    [RADIUS_DROP_WRONG_ID] = { "wrong-id", "wrong Identifier" },
    [RADIUS_DROP_BAD_CODE] = { "bad-code", "unexpected RADIUS code" },
    [RADIUS_DROP_BAD_ATTRIBUTE] = { "bad-attribute", "malformed attribute" },
    [RADIUS_DROP_BAD_RESPONSE_AUTH] = { "bad-response-auth",
                                        "wrong Response Authenticator" },
    [RADIUS_DROP_NO_MESSAGE_AUTH] = { "no-message-auth",
                                      "missing Message-Authenticator" },
    [RADIUS_DROP_BAD_MESSAGE_AUTH] = { "bad-message-auth",
                                       "wrong Message-Authenticator" },
    [RADIUS_DROP_BAD_EAP_MESSAGE] = { "bad-eap-message",
                                      "EAP-Message breaking RFC 3748" },
};

const char *radius_drop_name(enum radius_drop reason)
{
    return (unsigned)reason < RADIUS_DROP_COUNT ? drop_names[reason].name
                                                : "unknown";
}

const char *radius_drop_text(enum radius_drop reason)
{
    return (unsigned)reason < RADIUS_DROP_COUNT ? drop_names[reason].text
                                                : "unknown reason";
}
