/*
 * radius_packet.h - the RADIUS codec of the RADIUS transport: building an
 * Access-Request and checking a reply strictly (RFC 2865, RFC 3579).
 *
 * A request is built in place: radius_request_init() writes the header
 * and a Message-Authenticator placeholder as the first attribute, the
 * radius_request_add*() calls append attributes (EAP-Message split into
 * 253-byte pieces), radius_request_sign() sets the Length and computes the
 * Message-Authenticator.  The Request Authenticator is the caller's (16
 * random bytes, radius_random()).
 *
 * A reply is checked by radius_reply_check(), which either accepts it (and
 * reassembles its EAP-Message) or names the one reason it is dropped.
 */
#ifndef EAPHOST_RADIUS_PACKET_H
#define EAPHOST_RADIUS_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RADIUS_HEADER_LEN 20u
#define RADIUS_AUTH_LEN 16u       /* Request / Response Authenticator */
#define RADIUS_MAX_PACKET 4096u   /* RFC 2865 §3 */
#define RADIUS_MAX_VALUE 253u     /* an attribute's value, RFC 2865 §5 */
#define RADIUS_MA_ATTR_LEN 18u    /* Message-Authenticator: type, length, 16 */

/* Packet codes (RFC 2865 §3). */
enum radius_code {
    RADIUS_ACCESS_REQUEST = 1,
    RADIUS_ACCESS_ACCEPT = 2,
    RADIUS_ACCESS_REJECT = 3,
    RADIUS_ACCESS_CHALLENGE = 11
};

/* Attribute types used here (RFC 2865 §5, RFC 3162, RFC 3579). */
enum radius_attr_type {
    RADIUS_USER_NAME = 1,
    RADIUS_NAS_IP_ADDRESS = 4,
    RADIUS_FRAMED_MTU = 12,
    RADIUS_REPLY_MESSAGE = 18,
    RADIUS_STATE = 24,
    RADIUS_VENDOR_SPECIFIC = 26,
    RADIUS_CALLING_STATION_ID = 31,
    RADIUS_NAS_IDENTIFIER = 32,
    RADIUS_EAP_MESSAGE = 79,
    RADIUS_MESSAGE_AUTHENTICATOR = 80,
    RADIUS_NAS_IPV6_ADDRESS = 95
};

/* What radius_request_add*() and radius_request_init() report. */
enum radius_build_status {
    RADIUS_BUILD_OK = 0,
    RADIUS_BUILD_BAD_VALUE,   /* empty, or longer than 253 bytes */
    RADIUS_BUILD_TOO_BIG      /* the packet would pass 4096 bytes */
};

/* An Access-Request being built. */
struct radius_request {
    uint8_t data[RADIUS_MAX_PACKET];
    size_t len;               /* bytes written so far */
};

/*
 * Why a reply is dropped, in the order the checks run: the first check
 * that fails names the reason.  RADIUS_DROP_WRONG_SOURCE is the client's
 * (radius_client.c); the others are radius_reply_check()'s.
 */
enum radius_drop {
    RADIUS_DROP_NONE = 0,          /* accepted */
    RADIUS_DROP_WRONG_SOURCE,      /* not from the server's address and port */
    RADIUS_DROP_OVERSIZED,         /* datagram longer than 4096 bytes */
    RADIUS_DROP_TRUNCATED,         /* datagram shorter than the header */
    RADIUS_DROP_BAD_LENGTH,        /* Length below 20 or past the datagram */
    RADIUS_DROP_WRONG_ID,          /* Identifier of no outstanding request */
    RADIUS_DROP_BAD_CODE,          /* not Accept, Reject or Challenge */
    RADIUS_DROP_BAD_ATTRIBUTE,     /* attribute length below 2 or past the
                                    * end; State twice */
    RADIUS_DROP_BAD_RESPONSE_AUTH, /* Response Authenticator wrong */
    RADIUS_DROP_NO_MESSAGE_AUTH,   /* no Message-Authenticator */
    RADIUS_DROP_BAD_MESSAGE_AUTH,  /* Message-Authenticator wrong, twice or
                                    * not 16 bytes */
    RADIUS_DROP_BAD_EAP_MESSAGE,   /* the EAP packet breaks RFC 3748 or does
                                    * not fit the RADIUS code */
    RADIUS_DROP_COUNT
};

/* A reply that passed every check. */
struct radius_reply {
    uint8_t code;
    uint8_t id;
    size_t length;                 /* the Length field: bytes of packet */
    bool has_state;
    size_t state_offset;           /* State value within packet */
    size_t state_len;
    bool has_eap;                  /* one EAP packet, reassembled: */
    size_t eap_len;
    uint8_t packet[RADIUS_MAX_PACKET];
    uint8_t eap[RADIUS_MAX_PACKET];
};

/* One attribute of a checked reply (radius_reply_next_attr()). */
struct radius_attr {
    uint8_t type;
    uint8_t value_len;
    const uint8_t *value;
};

/**
 * radius_random() - bytes from the system's random source (getrandom(2)).
 * @buf: receives @n bytes.
 * @n: how many.
 *
 * Return: true, or false (errno set) when the source failed.
 */
bool radius_random(void *buf, size_t n);

/**
 * radius_request_init() - start an Access-Request.
 * @r: the request.
 * @id: its Identifier.
 * @authenticator: its Request Authenticator, 16 random bytes (copied).
 *
 * Writes the header and the Message-Authenticator as the first attribute
 * (zeroed until radius_request_sign()).
 */
void radius_request_init(struct radius_request *r, uint8_t id,
                         const uint8_t authenticator[RADIUS_AUTH_LEN]);

/**
 * radius_request_add() - append one attribute.
 * @r: the request.
 * @type: the attribute type.
 * @value: its value, @len bytes (1 to 253).
 * @len: the value's length.
 *
 * Return: RADIUS_BUILD_OK; RADIUS_BUILD_BAD_VALUE (empty or longer than
 * 253 bytes, nothing written); RADIUS_BUILD_TOO_BIG (nothing written).
 */
enum radius_build_status radius_request_add(struct radius_request *r,
                                            uint8_t type, const void *value,
                                            size_t len);

/**
 * radius_request_add_u32() - append an attribute holding a 32-bit number
 * in network order (Framed-MTU, NAS-IP-Address).
 * @r: the request.
 * @type: the attribute type.
 * @value: the number.
 *
 * Return: as radius_request_add().
 */
enum radius_build_status radius_request_add_u32(struct radius_request *r,
                                                uint8_t type, uint32_t value);

/**
 * radius_request_add_eap() - append an EAP packet as EAP-Message
 * attributes of 253 bytes each, the last one shorter (RFC 3579 §3.1).
 * @r: the request.
 * @eap: the EAP packet.
 * @len: its length, 1 or more.
 *
 * Return: RADIUS_BUILD_OK; RADIUS_BUILD_BAD_VALUE for an empty packet;
 * RADIUS_BUILD_TOO_BIG when the pieces do not all fit (nothing written).
 */
enum radius_build_status radius_request_add_eap(struct radius_request *r,
                                                const uint8_t *eap,
                                                size_t len);

/**
 * radius_request_sign() - set the Length and the Message-Authenticator:
 * HMAC-MD5 keyed with the secret over the whole packet, the
 * Message-Authenticator's value zeroed (RFC 3579 §3.2).
 * @r: the request; no attribute may be added afterwards.
 * @secret: the shared secret.
 * @secret_len: its length.
 */
void radius_request_sign(struct radius_request *r, const uint8_t *secret,
                         size_t secret_len);

/**
 * radius_request_id() - the Identifier of a request.
 * @r: the request.
 *
 * Return: the Identifier.
 */
uint8_t radius_request_id(const struct radius_request *r);

/**
 * radius_request_authenticator() - the Request Authenticator of a request.
 * @r: the request.
 *
 * Return: its 16 bytes, inside @r.
 */
const uint8_t *radius_request_authenticator(const struct radius_request *r);

/**
 * radius_reply_check() - check a datagram that came as the reply to a
 * request, and decode it.
 * @dgram: the datagram.
 * @n: its length.
 * @request: the request sent (its Identifier and Request Authenticator).
 * @secret: the shared secret.
 * @secret_len: its length.
 * @reply: receives the decoded reply when it is accepted.
 * @detail: receives a one-line explanation when it is dropped ("" else).
 * @detail_len: size of @detail.
 *
 * Checks, in this order: the datagram is at most 4096 bytes and holds a
 * header; the Length is at least 20 and within the datagram (bytes past
 * it are padding); the Identifier is the request's; the code is
 * Access-Accept, -Reject or -Challenge; every attribute is at least 2
 * bytes and ends within the Length, State appears at most once; the
 * Response Authenticator is MD5(Code | Identifier | Length | Request
 * Authenticator | attributes | secret); exactly one Message-Authenticator
 * of 16 bytes is there and equals HMAC-MD5 over the packet with the Request
 * Authenticator in place and its own value zeroed; the EAP-Message
 * attributes are consecutive and hold one EAP packet whose Length is their
 * total, with a Code the server may send (RFC 3748 §4): a Request of at
 * least 5 bytes in an Access-Challenge (which must have one), a Success in
 * an Access-Accept and a Failure in an Access-Reject (optional in both),
 * Success and Failure exactly 4 bytes.
 *
 * Return: RADIUS_DROP_NONE when the reply is accepted, else the reason.
 */
enum radius_drop radius_reply_check(const uint8_t *dgram, size_t n,
                                    const struct radius_request *request,
                                    const uint8_t *secret, size_t secret_len,
                                    struct radius_reply *reply, char *detail,
                                    size_t detail_len);

/**
 * radius_reply_next_attr() - walk the attributes of a checked reply.
 * @reply: the reply.
 * @pos: the walk's position; 0 to start.
 * @attr: receives the next attribute.
 *
 * Return: true while there is one.
 */
bool radius_reply_next_attr(const struct radius_reply *reply, size_t *pos,
                            struct radius_attr *attr);

/**
 * radius_drop_name() - a drop reason as a short token ("no-message-auth").
 * @reason: the reason.
 *
 * Return: a static string.
 */
const char *radius_drop_name(enum radius_drop reason);

/**
 * radius_drop_text() - a drop reason in words ("missing
 * Message-Authenticator").
 * @reason: the reason.
 *
 * Return: a static string.
 */
const char *radius_drop_text(enum radius_drop reason);

#endif /* EAPHOST_RADIUS_PACKET_H */
