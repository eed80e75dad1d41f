/*
 * check_radius_codec.c - the RADIUS transport's codec without sockets:
 * Access-Request layout (Message-Authenticator first, its value checked by
 * the tests' own HMAC), EAP-Message split at 253 bytes and reassembly, the
 * 253-byte value and 4096-byte packet limits, the RFC 2865 §7.1 example
 * reply, every reason a reply is dropped, MS-MPPE key decryption against
 * a vector computed apart (Python's hashlib) and against the tests' own
 * encryption (radius_wire.c), and the key check.
 */
#include "config.h"

#include <arpa/inet.h>

#include "radius_auth.h"
#include "radius_keys.h"
#include "radius_mppe.h"
#include "radius_packet.h"
#include "radius_responder.h"
#include "testutil.h"

static const char secret[] = "xyzzy5461";
#define SECRET ((const uint8_t *)secret), (sizeof secret - 1)

/* RFC 2865 §7.1: the Request Authenticator and the Access-Accept. */
static const uint8_t rfc_req_auth[16] = {
    0x0f, 0x40, 0x3f, 0x94, 0x73, 0x97, 0x80, 0x57,
    0xbd, 0x83, 0xd5, 0xcb, 0x98, 0xf4, 0x22, 0x7a };
static const uint8_t rfc_accept[38] = {
    0x02, 0x00, 0x00, 0x26, 0x86, 0xfe, 0x22, 0x0e, 0x76, 0x24, 0xba, 0x2a,
    0x10, 0x05, 0xf6, 0xbf, 0x9b, 0x55, 0xe0, 0xb2, 0x06, 0x06, 0x00, 0x00,
    0x00, 0x01, 0x0f, 0x06, 0x00, 0x00, 0x00, 0x00, 0x0e, 0x06, 0xc0, 0xa8,
    0x01, 0x03 };

static struct radius_request req;
static struct radius_reply rep;
static char detail[200];

/* An EAP packet of @n bytes: @code, Identifier 9, Type 4 when a Request. */
static void make_eap(uint8_t *e, size_t n, uint8_t code)
{
    size_t i;

    for (i = 0; i < n; i++)
        e[i] = (uint8_t)(i * 7);
    e[0] = code;
    e[1] = 9;
    e[2] = (uint8_t)(n >> 8);
    e[3] = (uint8_t)n;
    if (n > 4)
        e[4] = 4;
}

static enum radius_drop check(const struct wire *w, size_t n)
{
    return radius_reply_check(w->b, n, &req, SECRET, &rep, detail,
                              sizeof detail);
}

/* ---- requests ----------------------------------------------------------- */

START_TEST(test_request_layout)
{
    uint8_t auth[16];

    memset(auth, 0xa5, sizeof auth);
    radius_request_init(&req, 77, auth);
    ck_assert_int_eq(radius_request_add(&req, RADIUS_USER_NAME, "alice", 5),
                     RADIUS_BUILD_OK);
    ck_assert_int_eq(radius_request_add_u32(&req, RADIUS_FRAMED_MTU, 1400),
                     RADIUS_BUILD_OK);
    radius_request_sign(&req, SECRET);
    ck_assert_uint_eq(req.len, 20 + 18 + 7 + 6);
    ck_assert_uint_eq(req.data[0], 1);
    ck_assert_uint_eq(req.data[1], 77);
    ck_assert_uint_eq((req.data[2] << 8) | req.data[3], req.len);
    ck_assert_mem_eq(req.data + 4, auth, 16);
    /* Message-Authenticator first, its value right (the tests' HMAC). */
    ck_assert_uint_eq(req.data[20], 80);
    ck_assert_uint_eq(req.data[21], 18);
    ck_assert_int_eq(wire_request_check(req.data, req.len, secret), 0);
    ck_assert_int_eq(wire_request_check(req.data, req.len, "other"), -1);
    ck_assert_mem_eq(req.data + 38, "\x01\x07" "alice", 7);
    ck_assert_mem_eq(req.data + 45, "\x0c\x06\x00\x00\x05\x78", 6);
    ck_assert_uint_eq(radius_request_id(&req), 77);
    ck_assert_mem_eq(radius_request_authenticator(&req), auth, 16);
}
END_TEST

/* EAP packets of these sizes become these pieces. */
static const struct {
    size_t eap, pieces, last;
} splits[] = {
    { 5, 1, 5 }, { 253, 1, 253 }, { 254, 2, 1 }, { 506, 2, 253 },
    { 600, 3, 94 }, { 1400, 6, 135 },
};

START_TEST(test_eap_split)
{
    uint8_t e[1400], back[1400];
    size_t n = splits[_i].eap, pos = 38, pieces = 0, got = 0;
    uint8_t auth[16] = { 1 };

    make_eap(e, n, 2);
    radius_request_init(&req, 1, auth);
    ck_assert_int_eq(radius_request_add_eap(&req, e, n), RADIUS_BUILD_OK);
    radius_request_sign(&req, SECRET);
    ck_assert_int_eq(wire_request_check(req.data, req.len, secret), 0);
    while (pos < req.len) {
        size_t len = req.data[pos + 1] - 2u;
        ck_assert_uint_eq(req.data[pos], 79);
        ck_assert_uint_le(len, 253);
        if (pos + 2 + len < req.len)
            ck_assert_uint_eq(len, 253);
        else
            ck_assert_uint_eq(len, splits[_i].last);
        memcpy(back + got, req.data + pos + 2, len);
        got += len;
        pieces++;
        pos += 2 + len;
    }
    ck_assert_uint_eq(pieces, splits[_i].pieces);
    ck_assert_uint_eq(got, n);
    ck_assert_mem_eq(back, e, n);
}
END_TEST

START_TEST(test_value_limits)
{
    uint8_t auth[16] = { 0 }, name[300];
    size_t before;

    memset(name, 'u', sizeof name);
    radius_request_init(&req, 1, auth);
    before = req.len;
    ck_assert_int_eq(radius_request_add(&req, RADIUS_USER_NAME, name, 254),
                     RADIUS_BUILD_BAD_VALUE);
    ck_assert_int_eq(radius_request_add(&req, RADIUS_USER_NAME, name, 0),
                     RADIUS_BUILD_BAD_VALUE);
    ck_assert_int_eq(radius_request_add_eap(&req, name, 0),
                     RADIUS_BUILD_BAD_VALUE);
    ck_assert_uint_eq(req.len, before);
    ck_assert_int_eq(radius_request_add(&req, RADIUS_USER_NAME, name, 253),
                     RADIUS_BUILD_OK);
    ck_assert_uint_eq(req.len, before + 255);
}
END_TEST

START_TEST(test_packet_limit)
{
    uint8_t auth[16] = { 0 }, big[4096], v[253];
    size_t before;

    memset(big, 1, sizeof big);
    memset(v, 2, sizeof v);
    radius_request_init(&req, 1, auth);
    /* 38 + 4058 + 2 x 17 pieces > 4096: refused whole. */
    ck_assert_int_eq(radius_request_add_eap(&req, big, 4058),
                     RADIUS_BUILD_TOO_BIG);
    ck_assert_uint_eq(req.len, 38);
    /* The largest EAP packet that fits: 4058 - 2 x 16 = 4026 bytes. */
    ck_assert_int_eq(radius_request_add_eap(&req, big, 4027),
                     RADIUS_BUILD_TOO_BIG);
    ck_assert_int_eq(radius_request_add_eap(&req, big, 4026),
                     RADIUS_BUILD_OK);
    ck_assert_uint_eq(req.len, 4096);
    ck_assert_int_eq(radius_request_add(&req, RADIUS_STATE, v, 1),
                     RADIUS_BUILD_TOO_BIG);
    /* Filled with attributes: the one that would pass 4096 is refused. */
    radius_request_init(&req, 1, auth);
    while (radius_request_add(&req, RADIUS_STATE, v, 253) == RADIUS_BUILD_OK)
        ck_assert_uint_le(req.len, 4096);
    before = req.len;
    ck_assert_uint_gt(before + 255, 4096);
    ck_assert_int_eq(radius_request_add(&req, RADIUS_STATE, v, 253),
                     RADIUS_BUILD_TOO_BIG);
    ck_assert_uint_eq(req.len, before);
}
END_TEST

/* ---- replies ------------------------------------------------------------ */

START_TEST(test_rfc2865_example)
{
    struct wire w;

    radius_request_init(&req, 0, rfc_req_auth);
    memcpy(w.b, rfc_accept, sizeof rfc_accept);
    /* The Response Authenticator checks; the reply has no
     * Message-Authenticator, which this client requires. */
    ck_assert_int_eq(check(&w, sizeof rfc_accept),
                     RADIUS_DROP_NO_MESSAGE_AUTH);
    w.b[10] ^= 1;
    ck_assert_int_eq(check(&w, sizeof rfc_accept),
                     RADIUS_DROP_BAD_RESPONSE_AUTH);
    w.b[10] ^= 1;
    radius_request_init(&req, 1, rfc_req_auth);
    ck_assert_int_eq(check(&w, sizeof rfc_accept), RADIUS_DROP_WRONG_ID);
}
END_TEST

/* A right Access-Challenge to req, with an EAP-Request of @n bytes. */
static void challenge(struct wire *w, size_t n)
{
    uint8_t e[1400];

    make_eap(e, n, 1);
    wire_start(w, 11, radius_request_id(&req),
               radius_request_authenticator(&req));
    wire_ma(w);
    wire_eap(w, e, n);
    wire_attr(w, 24, "state-1", 7);
    wire_sign(w, radius_request_authenticator(&req), secret, false);
}

static void new_request(void)
{
    uint8_t auth[16];

    ck_assert(radius_random(auth, sizeof auth));
    radius_request_init(&req, 200, auth);
    radius_request_sign(&req, SECRET);
}

START_TEST(test_reassembly)
{
    uint8_t e[1400];
    struct wire w;

    new_request();
    challenge(&w, 700);
    make_eap(e, 700, 1);
    ck_assert_int_eq(check(&w, w.len), RADIUS_DROP_NONE);
    ck_assert_str_eq(detail, "");
    ck_assert_uint_eq(rep.code, 11);
    ck_assert(rep.has_eap);
    ck_assert_uint_eq(rep.eap_len, 700);
    ck_assert_mem_eq(rep.eap, e, 700);
    ck_assert(rep.has_state);
    ck_assert_uint_eq(rep.state_len, 7);
    ck_assert_mem_eq(rep.packet + rep.state_offset, "state-1", 7);
    /* Bytes past the Length are padding. */
    memset(w.b + w.len, 0xee, 30);
    ck_assert_int_eq(check(&w, w.len + 30), RADIUS_DROP_NONE);
    ck_assert_uint_eq(rep.length, w.len);
}
END_TEST

/* A reply broken one way; the reason it must be dropped for. */
struct broken {
    const char *name;
    enum radius_drop want;
};

static const struct broken broken[] = {
    { "truncated", RADIUS_DROP_TRUNCATED },
    { "oversized", RADIUS_DROP_OVERSIZED },
    { "length past the datagram", RADIUS_DROP_BAD_LENGTH },
    { "length below 20", RADIUS_DROP_BAD_LENGTH },
    { "wrong identifier", RADIUS_DROP_WRONG_ID },
    { "accounting-response", RADIUS_DROP_BAD_CODE },
    { "attribute length 1", RADIUS_DROP_BAD_ATTRIBUTE },
    { "attribute length 0", RADIUS_DROP_BAD_ATTRIBUTE },
    { "attribute past the end", RADIUS_DROP_BAD_ATTRIBUTE },
    { "attribute cut after its type", RADIUS_DROP_BAD_ATTRIBUTE },
    { "state twice", RADIUS_DROP_BAD_ATTRIBUTE },
    { "response authenticator", RADIUS_DROP_BAD_RESPONSE_AUTH },
    { "wrong secret", RADIUS_DROP_BAD_RESPONSE_AUTH },
    { "no message-authenticator", RADIUS_DROP_NO_MESSAGE_AUTH },
    { "message-authenticator value", RADIUS_DROP_BAD_MESSAGE_AUTH },
    { "two message-authenticators", RADIUS_DROP_BAD_MESSAGE_AUTH },
    { "message-authenticator of 15 bytes", RADIUS_DROP_BAD_MESSAGE_AUTH },
    { "eap length too long", RADIUS_DROP_BAD_EAP_MESSAGE },
    { "eap length too short", RADIUS_DROP_BAD_EAP_MESSAGE },
    { "eap code response", RADIUS_DROP_BAD_EAP_MESSAGE },
    { "eap code 9", RADIUS_DROP_BAD_EAP_MESSAGE },
    { "eap of 3 bytes", RADIUS_DROP_BAD_EAP_MESSAGE },
    { "eap request without type", RADIUS_DROP_BAD_EAP_MESSAGE },
    { "challenge without eap", RADIUS_DROP_BAD_EAP_MESSAGE },
    { "eap pieces apart", RADIUS_DROP_BAD_EAP_MESSAGE },
    { "accept with eap-failure", RADIUS_DROP_BAD_EAP_MESSAGE },
    { "reject with eap-success", RADIUS_DROP_BAD_EAP_MESSAGE },
    { "success of 5 bytes", RADIUS_DROP_BAD_EAP_MESSAGE },
};

/* Build reply number @i of the table into @w; returns the datagram size. */
static size_t build_broken(int i, struct wire *w)
{
    const uint8_t *ra = radius_request_authenticator(&req);
    uint8_t id = radius_request_id(&req), e[300];
    uint8_t code = 11;
    size_t n = 30, ma_len = 16;
    const char *key = secret;
    const char *name = broken[i].name;
    bool eap = true, flip = false;

    make_eap(e, n, 1);
    if (!strcmp(name, "wrong identifier")) id++;
    if (!strcmp(name, "accounting-response")) code = 5;
    if (!strcmp(name, "wrong secret")) key = "guess";
    if (!strcmp(name, "eap length too long")) e[3] = (uint8_t)(n + 1);
    if (!strcmp(name, "eap length too short")) e[3] = (uint8_t)(n - 1);
    if (!strcmp(name, "eap code response")) e[0] = 2;
    if (!strcmp(name, "eap code 9")) e[0] = 9;
    if (!strcmp(name, "eap of 3 bytes")) n = 3;
    if (!strcmp(name, "eap request without type"))
        n = 4;
    if (!strcmp(name, "challenge without eap")) eap = false;
    if (!strcmp(name, "accept with eap-failure")) {
        code = 2;
        n = 4;
        e[0] = 4;
    }
    if (!strcmp(name, "reject with eap-success")) {
        code = 3;
        n = 4;
        e[0] = 3;
    }
    if (!strcmp(name, "success of 5 bytes")) {
        code = 2;
        n = 5;
        e[0] = 3;
    }
    if (n < 30)
        e[3] = (uint8_t)n;       /* the EAP Length follows the size */
    if (!strcmp(name, "message-authenticator value")) flip = true;
    if (!strcmp(name, "message-authenticator of 15 bytes")) ma_len = 15;
    wire_start(w, code, id, ra);
    if (strcmp(name, "no message-authenticator") != 0) {
        if (ma_len == 16)
            wire_ma(w);
        else
            wire_attr(w, 80, "123456789012345", ma_len);
    }
    if (!strcmp(name, "two message-authenticators"))
        wire_ma(w);
    if (!strcmp(name, "eap pieces apart")) {
        wire_attr(w, 79, e, 10);
        wire_attr(w, 18, "x", 1);
        wire_attr(w, 79, e + 10, n - 10);
    } else if (eap) {
        wire_eap(w, e, n);
    }
    wire_attr(w, 24, "s", 1);
    if (!strcmp(name, "state twice"))
        wire_attr(w, 24, "t", 1);
    if (!strcmp(name, "attribute length 1") ||
        !strcmp(name, "attribute length 0")) {
        w->b[w->len] = 18;
        w->b[w->len + 1] = name[17] == '1' ? 1 : 0;
        w->len += 2;
    }
    if (!strcmp(name, "attribute past the end")) {
        memcpy(w->b + w->len, "\x12\x09" "abc", 5);
        w->len += 5;
    }
    if (!strcmp(name, "attribute cut after its type"))
        w->b[w->len++] = 18;
    wire_sign(w, ra, key, flip);
    if (!strcmp(name, "response authenticator"))
        w->b[19] ^= 0x40;
    if (!strcmp(name, "truncated"))
        return 19;
    if (!strcmp(name, "oversized"))
        return 4097;
    if (!strcmp(name, "length past the datagram"))
        return w->len - 1;
    if (!strcmp(name, "length below 20")) {
        w->b[2] = 0;
        w->b[3] = 19;
    }
    return w->len;
}

START_TEST(test_reply_dropped)
{
    struct wire w;
    size_t n;

    new_request();
    n = build_broken(_i, &w);
    ck_assert_msg(check(&w, n) == broken[_i].want,
                  "%s: dropped as %s (%s), expected %s", broken[_i].name,
                  radius_drop_name(check(&w, n)), detail,
                  radius_drop_name(broken[_i].want));
    ck_assert_str_ne(detail, "");
    printf("reply with %-34s dropped: %s: %s\n", broken[_i].name,
           radius_drop_text(broken[_i].want), detail);
}
END_TEST

START_TEST(test_reply_accepted)
{
    uint8_t e[4] = { 3, 9, 0, 4 };
    struct wire w;

    new_request();
    /* Message-Authenticator last is still a valid reply. */
    wire_start(&w, 2, radius_request_id(&req),
               radius_request_authenticator(&req));
    wire_eap(&w, e, 4);
    wire_ma(&w);
    wire_sign(&w, radius_request_authenticator(&req), secret, false);
    ck_assert_int_eq(check(&w, w.len), RADIUS_DROP_NONE);
    ck_assert_uint_eq(rep.code, 2);
    ck_assert(rep.has_eap && rep.eap_len == 4);
    ck_assert(!rep.has_state);
    /* An Access-Reject without EAP-Message. */
    wire_start(&w, 3, radius_request_id(&req),
               radius_request_authenticator(&req));
    wire_ma(&w);
    wire_sign(&w, radius_request_authenticator(&req), secret, false);
    ck_assert_int_eq(check(&w, w.len), RADIUS_DROP_NONE);
    ck_assert(!rep.has_eap);
}
END_TEST

START_TEST(test_drop_names)
{
    int i;

    for (i = 0; i < RADIUS_DROP_COUNT; i++) {
        ck_assert_str_ne(radius_drop_name((enum radius_drop)i), "unknown");
        ck_assert_str_ne(radius_drop_text((enum radius_drop)i),
                         "unknown reason");
    }
    ck_assert_str_eq(radius_drop_name(RADIUS_DROP_COUNT), "unknown");
}
END_TEST

/* ---- MS-MPPE keys -------------------------------------------------------- */

START_TEST(test_mppe_vector)
{
    /* Salt 0x8123, key 00..0f, secret and Request Authenticator of RFC 2865
     * §7.1, encrypted with Python's hashlib.md5. */
    static const uint8_t v[34] = {
        0x81, 0x23, 0xa7, 0xb9, 0xb5, 0x0a, 0x49, 0x1e, 0x33, 0x0b, 0x72,
        0xd8, 0x3b, 0x47, 0xf3, 0x37, 0x6f, 0xbf, 0x4e, 0xf6, 0x49, 0xeb,
        0x67, 0x1c, 0xff, 0xe7, 0x6f, 0xc4, 0xd5, 0x62, 0x9f, 0x26, 0x92,
        0xb5 };
    uint8_t key[RADIUS_MPPE_MAX_KEY], want[16];
    size_t len = 99, i;

    for (i = 0; i < 16; i++)
        want[i] = (uint8_t)i;
    ck_assert(radius_mppe_decrypt(v, sizeof v, SECRET, rfc_req_auth, key,
                                  &len));
    ck_assert_uint_eq(len, 16);
    ck_assert_mem_eq(key, want, 16);
    /* Another secret gives another key length byte or key. */
    ck_assert(!radius_mppe_decrypt(v, sizeof v, (const uint8_t *)"x", 1,
                                   rfc_req_auth, key, &len) ||
              len != 16 || memcmp(key, want, 16) != 0);
    ck_assert(!radius_mppe_decrypt(v, 2, SECRET, rfc_req_auth, key, &len));
    ck_assert(!radius_mppe_decrypt(v, 33, SECRET, rfc_req_auth, key, &len));
    ck_assert_uint_eq(len, 0);
}
END_TEST

/* An Access-Accept with MPPE keys of @send_len and @recv_len bytes. */
static void accept_with_keys(struct wire *w, const uint8_t *send,
                             size_t send_len, const uint8_t *recv,
                             size_t recv_len, size_t pad_extra)
{
    const uint8_t *ra = radius_request_authenticator(&req);

    wire_start(w, 2, radius_request_id(&req), ra);
    wire_ma(w);
    if (send)
        wire_mppe_key(w, 16, send, send_len, ra, secret, 0);
    if (recv)
        wire_mppe_key(w, 17, recv, recv_len, ra, secret, pad_extra);
    wire_sign(w, ra, secret, false);
    ck_assert_int_eq(check(w, w->len), RADIUS_DROP_NONE);
}

static const size_t key_lens[] = { 1, 15, 16, 32, 64, 100, 239 };

START_TEST(test_mppe_roundtrip)
{
    uint8_t send[239], recv[239];
    struct radius_mppe_keys k;
    size_t n = key_lens[_i], i;
    struct wire w;

    for (i = 0; i < n; i++) {
        send[i] = (uint8_t)(i + 1);
        recv[i] = (uint8_t)(0xff - i);
    }
    new_request();
    accept_with_keys(&w, send, n, recv, n, 0);
    ck_assert_int_eq(radius_mppe_keys(&rep, &req, SECRET, &k, detail,
                                      sizeof detail), RADIUS_MPPE_OK);
    ck_assert_uint_eq(k.send_len, n);
    ck_assert_uint_eq(k.recv_len, n);
    ck_assert_mem_eq(k.send, send, n);
    ck_assert_mem_eq(k.recv, recv, n);
}
END_TEST

START_TEST(test_mppe_invalid)
{
    uint8_t key[16] = { 1, 2, 3 };
    struct radius_mppe_keys k;
    struct wire w;

    new_request();
    accept_with_keys(&w, NULL, 0, NULL, 0, 0);
    ck_assert_int_eq(radius_mppe_keys(&rep, &req, SECRET, &k, detail,
                                      sizeof detail), RADIUS_MPPE_NONE);
    accept_with_keys(&w, key, 16, NULL, 0, 0);
    ck_assert_int_eq(radius_mppe_keys(&rep, &req, SECRET, &k, detail,
                                      sizeof detail), RADIUS_MPPE_INVALID);
    ck_assert_str_eq(detail, "only MS-MPPE-Send-Key is present");
    accept_with_keys(&w, key, 16, key, 16, 1);
    ck_assert_int_eq(radius_mppe_keys(&rep, &req, SECRET, &k, detail,
                                      sizeof detail), RADIUS_MPPE_INVALID);
    ck_assert_ptr_nonnull(strstr(detail, "MS-MPPE-Recv-Key is malformed"));
    /* Twice the same key. */
    wire_start(&w, 2, radius_request_id(&req),
               radius_request_authenticator(&req));
    wire_ma(&w);
    wire_mppe_key(&w, 16, key, 16, radius_request_authenticator(&req),
                  secret, 0);
    wire_mppe_key(&w, 16, key, 16, radius_request_authenticator(&req),
                  secret, 0);
    wire_sign(&w, radius_request_authenticator(&req), secret, false);
    ck_assert_int_eq(check(&w, w.len), RADIUS_DROP_NONE);
    ck_assert_int_eq(radius_mppe_keys(&rep, &req, SECRET, &k, detail,
                                      sizeof detail), RADIUS_MPPE_INVALID);
    ck_assert_str_eq(detail, "MS-MPPE-Send-Key appears twice");
    /* A sub-attribute longer than its Vendor-Specific attribute. */
    wire_start(&w, 2, radius_request_id(&req),
               radius_request_authenticator(&req));
    wire_ma(&w);
    wire_attr(&w, 26, "\x00\x00\x01\x37\x10\x30\x80\x00", 8);
    wire_sign(&w, radius_request_authenticator(&req), secret, false);
    ck_assert_int_eq(check(&w, w.len), RADIUS_DROP_NONE);
    ck_assert_int_eq(radius_mppe_keys(&rep, &req, SECRET, &k, detail,
                                      sizeof detail), RADIUS_MPPE_INVALID);
}
END_TEST

/* The peer's MPPE key attributes as the method exports them (vendor
 * layout, unencrypted): @send and @recv are the peer's own keys. */
struct peer_attrs {
    BYTE send[40], recv[40];
    EAP_ATTRIBUTE a[2];
    EAP_ATTRIBUTES list;
};

static void peer_key(BYTE *v, BYTE type, const uint8_t *key)
{
    memset(v, 0, 40);
    memcpy(v, "\x00\x00\x01\x37", 4);
    v[4] = type;
    v[5] = 36;
    v[8] = 16;
    memcpy(v + 9, key, 16);
}

static void make_peer(struct peer_attrs *p, const uint8_t *send,
                      const uint8_t *recv)
{
    peer_key(p->send, 16, send);
    peer_key(p->recv, 17, recv);
    p->a[0].eaType = eatVendorSpecific;
    p->a[0].dwLength = 40;
    p->a[0].pValue = p->send;
    p->a[1] = p->a[0];
    p->a[1].pValue = p->recv;
    p->list.dwNumberOfAttributes = 2;
    p->list.pAttribs = p->a;
}

START_TEST(test_key_check)
{
    uint8_t a[16], b[16];
    struct radius_auth_result res;
    struct peer_attrs peer;
    struct wire w;

    memset(a, 0x11, sizeof a);
    memset(b, 0x22, sizeof b);
    make_peer(&peer, a, b);
    new_request();
    /* The peer's Send key is the server's Recv key. */
    accept_with_keys(&w, b, 16, a, 16, 0);
    memset(&res, 0, sizeof res);
    radius_check_keys(&peer.list, &rep, &req, SECRET, &res);
    ck_assert_int_eq(res.keys, RADIUS_KEYS_MATCH);
    ck_assert_uint_eq(res.msk_len, 32);
    ck_assert_uint_eq(res.server_keys_len, 32);
    ck_assert_mem_eq(res.msk, a, 16);
    ck_assert_mem_eq(res.server_keys, a, 16);
    ck_assert_mem_eq(res.server_keys + 16, b, 16);
    /* Swapped: a mismatch. */
    accept_with_keys(&w, a, 16, b, 16, 0);
    radius_check_keys(&peer.list, &rep, &req, SECRET, &res);
    ck_assert_int_eq(res.keys, RADIUS_KEYS_MISMATCH);
    ck_assert_str_eq(res.key_detail, "the MSK differs from MS-MPPE-Recv-Key "
                     "| MS-MPPE-Send-Key");
    /* No keys in the Accept, keys at the peer. */
    accept_with_keys(&w, NULL, 0, NULL, 0, 0);
    radius_check_keys(&peer.list, &rep, &req, SECRET, &res);
    ck_assert_int_eq(res.keys, RADIUS_KEYS_MISMATCH);
    ck_assert_ptr_nonnull(strstr(res.key_detail, "no MS-MPPE keys"));
    /* Keys in the Accept, none at the peer. */
    accept_with_keys(&w, b, 16, a, 16, 0);
    radius_check_keys(NULL, &rep, &req, SECRET, &res);
    ck_assert_int_eq(res.keys, RADIUS_KEYS_MISMATCH);
    ck_assert_ptr_nonnull(strstr(res.key_detail, "exported no MSK"));
    /* Neither. */
    accept_with_keys(&w, NULL, 0, NULL, 0, 0);
    radius_check_keys(NULL, &rep, &req, SECRET, &res);
    ck_assert_int_eq(res.keys, RADIUS_KEYS_NONE);
    /* A malformed server key. */
    accept_with_keys(&w, b, 16, a, 16, 1);
    radius_check_keys(&peer.list, &rep, &req, SECRET, &res);
    ck_assert_int_eq(res.keys, RADIUS_KEYS_MISMATCH);
    ck_assert_ptr_nonnull(strstr(res.key_detail, "malformed"));
}
END_TEST

static Suite *codec_suite(void)
{
    Suite *s = suite_create("radius codec");
    TCase *tc = tcase_create("requests");

    tcase_add_test(tc, test_request_layout);
    tcase_add_loop_test(tc, test_eap_split, 0,
                        (int)(sizeof splits / sizeof splits[0]));
    tcase_add_test(tc, test_value_limits);
    tcase_add_test(tc, test_packet_limit);
    suite_add_tcase(s, tc);
    tc = tcase_create("replies");
    tcase_add_test(tc, test_rfc2865_example);
    tcase_add_test(tc, test_reassembly);
    tcase_add_loop_test(tc, test_reply_dropped, 0,
                        (int)(sizeof broken / sizeof broken[0]));
    tcase_add_test(tc, test_reply_accepted);
    tcase_add_test(tc, test_drop_names);
    suite_add_tcase(s, tc);
    tc = tcase_create("keys");
    tcase_add_test(tc, test_mppe_vector);
    tcase_add_loop_test(tc, test_mppe_roundtrip, 0,
                        (int)(sizeof key_lens / sizeof key_lens[0]));
    tcase_add_test(tc, test_mppe_invalid);
    tcase_add_test(tc, test_key_check);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(codec_suite());
}
