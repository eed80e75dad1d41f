/*
 * fuzz_radius_reply.c - the RADIUS reply checker of the RADIUS transport
 * (examples/radius/radius_packet.c: radius_reply_check() and
 * radius_reply_next_attr()) against a fixed Access-Request and secret.
 *
 * Input: byte 0 chooses fix-ups, the rest is the datagram.
 *   bit 0  write the request's Identifier into the reply;
 *   bit 1  set the Length field to the datagram's size (20 to 4096);
 *   bit 2  compute the Message-Authenticator of the first such attribute
 *          and then the Response Authenticator, with the shared secret,
 *          so that mutations reach the checks that follow them (EAP-Message
 *          reassembly);
 *   bits 3-4  the detail buffer's size: 256, 0, 1 or 17 bytes;
 *   bit 5  also build an Access-Request carrying the datagram as its
 *          EAP-Message (radius_request_add_eap, radius_request_sign).
 *
 * Invariants (abort on failure): the reason is in range and never
 * WRONG_SOURCE (the client's); a drop has a NUL-terminated detail within
 * its buffer (non-empty when the buffer has room); an accepted reply has
 * the request's Identifier, an Accept/Reject/Challenge code, a Length
 * within the datagram, State and EAP-Message within the packet, an EAP
 * packet whose Length is its size and whose Code fits the RADIUS code, and
 * attributes that radius_reply_next_attr() walks within the packet.
 */
#include "radius_packet.h"

#include "fuzz_common.h"

#include <nettle/hmac.h>
#include <nettle/md5.h>
#include <string.h>

static const uint8_t secret[] = "testing123";
#define SECRET_LEN (sizeof secret - 1)
#define REQUEST_ID 0x42

static struct radius_request request;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static const uint8_t auth[RADIUS_AUTH_LEN] = {
        0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76, 0x87,
        0x98, 0xa9, 0xba, 0xcb, 0xdc, 0xed, 0xfe, 0x0f };
    static const uint8_t eap[] = { 2, 7, 0, 10, 1, 'a', 'l', 'i', 'c', 'e' };

    (void)argc; (void)argv;
    radius_request_init(&request, REQUEST_ID, auth);
    FUZZ_SETUP(radius_request_add(&request, RADIUS_USER_NAME, "alice", 5) ==
               RADIUS_BUILD_OK, "User-Name");
    FUZZ_SETUP(radius_request_add_eap(&request, eap, sizeof eap) ==
               RADIUS_BUILD_OK, "EAP-Message");
    radius_request_sign(&request, secret, SECRET_LEN);
    return 0;
}

/* Offset of the first Message-Authenticator of @p (@len bytes) whose
 * attribute walk is sound up to it; 0 when none. */
static size_t find_ma(const uint8_t *p, size_t len)
{
    size_t pos = RADIUS_HEADER_LEN;

    while (pos + 2 <= len && p[pos + 1] >= 2 && p[pos + 1] <= len - pos) {
        if (p[pos] == RADIUS_MESSAGE_AUTHENTICATOR &&
            p[pos + 1] == RADIUS_MA_ATTR_LEN)
            return pos;
        pos += p[pos + 1];
    }
    return 0;
}

/* What a server that knows the secret would write (RFC 2865 §3, RFC 3579
 * §3.2). */
static void sign_reply(uint8_t *p, size_t n)
{
    const uint8_t *req_auth = radius_request_authenticator(&request);
    size_t len = fuzz_be16(p + 2), ma;
    uint8_t saved[RADIUS_AUTH_LEN];
    struct hmac_md5_ctx h;
    struct md5_ctx m;

    if (len < RADIUS_HEADER_LEN || len > n)
        return;
    ma = find_ma(p, len);
    if (ma) {
        memcpy(saved, p + 4, RADIUS_AUTH_LEN);
        memcpy(p + 4, req_auth, RADIUS_AUTH_LEN);
        memset(p + ma + 2, 0, MD5_DIGEST_SIZE);
        hmac_md5_set_key(&h, SECRET_LEN, secret);
        hmac_md5_update(&h, len, p);
        hmac_md5_digest(&h, MD5_DIGEST_SIZE, p + ma + 2);
        memcpy(p + 4, saved, RADIUS_AUTH_LEN);
    }
    md5_init(&m);
    md5_update(&m, 4, p);
    md5_update(&m, RADIUS_AUTH_LEN, req_auth);
    md5_update(&m, len - RADIUS_HEADER_LEN, p + RADIUS_HEADER_LEN);
    md5_update(&m, SECRET_LEN, secret);
    md5_digest(&m, MD5_DIGEST_SIZE, p + 4);
}

static void check_accepted(const struct radius_reply *r, size_t n)
{
    struct radius_attr attr;
    size_t pos = 0;
    int walked = 0;

    FUZZ_CHECK(r->id == REQUEST_ID, "accepted Identifier %u", r->id);
    FUZZ_CHECK(r->code == RADIUS_ACCESS_ACCEPT ||
               r->code == RADIUS_ACCESS_REJECT ||
               r->code == RADIUS_ACCESS_CHALLENGE, "accepted code %u",
               r->code);
    FUZZ_CHECK(r->length >= RADIUS_HEADER_LEN && r->length <= n &&
               r->length <= RADIUS_MAX_PACKET, "accepted Length %zu of %zu",
               r->length, n);
    if (r->has_state)
        FUZZ_CHECK(r->state_offset >= RADIUS_HEADER_LEN + 2 &&
                   r->state_offset + r->state_len <= r->length,
                   "State at %zu+%zu in %zu bytes", r->state_offset,
                   r->state_len, r->length);
    if (r->code == RADIUS_ACCESS_CHALLENGE)
        FUZZ_CHECK(r->has_eap, "Access-Challenge without EAP");
    if (r->has_eap) {
        FUZZ_CHECK(r->eap_len >= 4 && r->eap_len <= r->length,
                   "EAP of %zu bytes in %zu", r->eap_len, r->length);
        FUZZ_CHECK(fuzz_be16(r->eap + 2) == r->eap_len, "EAP Length %u, "
                   "%zu bytes", fuzz_be16(r->eap + 2), r->eap_len);
        FUZZ_CHECK(r->eap[0] == (r->code == RADIUS_ACCESS_CHALLENGE ? 1
                                 : r->code == RADIUS_ACCESS_ACCEPT ? 3 : 4),
                   "EAP Code %u in RADIUS code %u", r->eap[0], r->code);
    }
    while (radius_reply_next_attr(r, &pos, &attr)) {
        FUZZ_CHECK(++walked <= (int)RADIUS_MAX_PACKET / 2, "endless walk");
        FUZZ_CHECK(attr.value >= r->packet + RADIUS_HEADER_LEN + 2 &&
                   attr.value + attr.value_len <= r->packet + r->length,
                   "attribute %u of %u bytes at %zu past Length %zu",
                   attr.type, attr.value_len,
                   (size_t)(attr.value - r->packet), r->length);
        fuzz_touch(attr.value, attr.value_len);
    }
}

static void build_request(const uint8_t *eap, size_t len)
{
    static const uint8_t auth[RADIUS_AUTH_LEN] = { 1 };
    struct radius_request q;
    enum radius_build_status st;
    size_t pos = RADIUS_HEADER_LEN, total = 0;

    radius_request_init(&q, 7, auth);
    st = radius_request_add_eap(&q, eap, len);
    FUZZ_CHECK(q.len <= RADIUS_MAX_PACKET, "request of %zu bytes", q.len);
    radius_request_sign(&q, secret, SECRET_LEN);
    FUZZ_CHECK(fuzz_be16(q.data + 2) == q.len, "request Length");
    while (pos < q.len) {
        FUZZ_CHECK(q.len - pos >= 2 && q.data[pos + 1] >= 2 &&
                   q.data[pos + 1] <= q.len - pos, "request attribute at "
                   "%zu", pos);
        if (q.data[pos] == RADIUS_EAP_MESSAGE) {
            FUZZ_CHECK(memcmp(q.data + pos + 2, eap + total,
                              q.data[pos + 1] - 2u) == 0,
                       "EAP-Message piece at %zu", pos);
            total += q.data[pos + 1] - 2u;
        }
        pos += q.data[pos + 1];
    }
    FUZZ_CHECK(st == RADIUS_BUILD_OK ? total == len : total == 0,
               "build status %d with %zu of %zu EAP bytes", (int)st, total,
               len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const size_t detail_sizes[4] = { 256, 0, 1, 17 };
    static struct radius_reply reply;
    uint8_t dgram[RADIUS_MAX_PACKET + 64];
    char detail[257];
    enum radius_drop why;
    size_t n, dlen;
    uint8_t flags;

    if (size < 1)
        return 0;
    flags = data[0];
    n = size - 1;
    if (n > sizeof dgram)
        n = sizeof dgram;
    memcpy(dgram, data + 1, n);
    if (n >= RADIUS_HEADER_LEN) {
        if (flags & 1)
            dgram[1] = REQUEST_ID;
        if ((flags & 2) && n <= RADIUS_MAX_PACKET) {
            dgram[2] = (uint8_t)(n >> 8);
            dgram[3] = (uint8_t)n;
        }
        if (flags & 4)
            sign_reply(dgram, n);
    }
    dlen = detail_sizes[(flags >> 3) & 3];
    memset(detail, 'X', sizeof detail);
    why = radius_reply_check(dgram, n, &request, secret, SECRET_LEN, &reply,
                             detail, dlen);
    FUZZ_TRACE("flags 0x%02x, %zu bytes: %s%s%s", flags, n,
               radius_drop_name(why), dlen > 1 ? ": " : "",
               dlen > 1 ? detail : "");
    FUZZ_CHECK((unsigned)why < RADIUS_DROP_COUNT &&
               why != RADIUS_DROP_WRONG_SOURCE, "reason %d", (int)why);
    FUZZ_CHECK(radius_drop_name(why) && radius_drop_text(why), "names");
    if (dlen > 0) {
        FUZZ_CHECK(memchr(detail, '\0', dlen) != NULL, "detail not "
                   "terminated within %zu bytes", dlen);
        if (why != RADIUS_DROP_NONE && dlen > 1)
            FUZZ_CHECK(detail[0] != '\0', "drop %s without detail",
                       radius_drop_name(why));
    }
    FUZZ_CHECK(detail[dlen] == 'X', "detail written past its %zu bytes",
               dlen);
    if (why == RADIUS_DROP_NONE)
        check_accepted(&reply, n);
    if ((flags & 32) && n > 0)
        build_request(dgram, n);
    return 0;
}
