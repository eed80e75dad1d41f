/*
 * radius_responder.h - a scripted RADIUS server on loopback for the RADIUS
 * transport's tests: a UDP responder in a thread whose EAP server is
 * libeaphost's authenticator host (eaphost_auth_*), and which can break
 * one reply on purpose (truncated, wrong authenticators, no
 * Message-Authenticator, from another port, ...) before sending the right
 * one.
 *
 * Its RADIUS encoding (radius_wire.c) is written apart from the codec
 * under test, from RFC 2865, RFC 3579 and RFC 2548, so that a mistake
 * made twice does not go unseen.
 */
#ifndef EAPHOST_TESTS_RADIUS_RESPONDER_H
#define EAPHOST_TESTS_RADIUS_RESPONDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <eaptypes.h>

/* How the responder breaks a reply. */
enum responder_script {
    RS_NORMAL = 0,          /* every reply right */
    RS_SILENT,              /* never a reply */
    RS_TRUNCATED,           /* the first 10 bytes only */
    RS_LENGTH_PAST_END,     /* Length 10 more than the datagram */
    RS_OVERSIZED,           /* padded to a 5000-byte datagram */
    RS_WRONG_ID,            /* Identifier + 1, authenticators to match */
    RS_BAD_CODE,            /* code 5 (Accounting-Response), signed */
    RS_ATTR_SHORT,          /* an attribute of length 1 at the end */
    RS_ATTR_PAST_END,       /* an attribute running past the Length */
    RS_WRONG_RESPONSE_AUTH, /* one bit of the Response Authenticator */
    RS_NO_MESSAGE_AUTH,     /* no Message-Authenticator, else right */
    RS_WRONG_MESSAGE_AUTH,  /* one bit of the Message-Authenticator */
    RS_TWO_MESSAGE_AUTH,    /* two Message-Authenticators */
    RS_OTHER_PORT,          /* the right reply, from another port */
    RS_EAP_LENGTH,          /* EAP Length 2 more than the EAP-Message */
    RS_EAP_CODE,            /* EAP Code 2 (Response) from the server */
    RS_EAP_MISSING,         /* no EAP-Message in the reply */
    RS_EAP_SPLIT,           /* EAP-Message pieces not consecutive */
    RS_NO_STATE,            /* Access-Challenges without State (sent as
                             * the only reply, not followed by another) */
    RS_MA_LAST,             /* Message-Authenticator last: valid, sent as
                             * the only reply */
    RS_KEY_FLIPPED,         /* Access-Accept: one bit of the Recv key */
    RS_KEY_MISSING,         /* Access-Accept without MPPE keys */
    RS_KEY_MALFORMED,       /* Access-Accept: a key string of 17 bytes */
    RS_SCRIPT_COUNT
};

struct responder_config {
    EAP_METHOD_TYPE type;      /* the method of the authenticator host */
    const char *identity;      /* its one user */
    const char *password;
    const char *secret;        /* the shared secret */
    enum responder_script script;
    bool on_final;             /* break the Access-Accept/-Reject instead
                                * of the first Access-Challenge */
    bool no_repair;            /* send only the broken reply */
    bool ipv6;                 /* answer on ::1 instead of 127.0.0.1 */
};

/* What the responder saw.  Requests are checked: Length and attributes
 * well formed, one Message-Authenticator, right; a retransmission (same
 * Identifier and Request Authenticator) must repeat the bytes. */
struct responder_stats {
    unsigned requests;             /* datagrams received */
    unsigned bad_requests;         /* failing the checks above (dropped) */
    unsigned ma_not_first;         /* right, but the Message-Authenticator
                                    * not the first attribute */
    unsigned retransmissions;      /* byte-identical repeats */
    unsigned changed_retransmissions;  /* same id and authenticator,
                                        * other bytes: must stay 0 */
    unsigned broken_sent;          /* broken replies sent */
    unsigned outcomes;             /* Access-Accepts and -Rejects sent */
    unsigned state_echoed;         /* requests echoing the last State */
    unsigned state_wrong;          /* requests with another or no State
                                    * after a Challenge that had one */
    unsigned eap_pieces_max;       /* most EAP-Message attributes in one
                                    * request */
    /* Attributes of the last request (NUL-terminated copies). */
    char user_name[256];
    char nas_identifier[256];
    char calling_station_id[256];
    uint8_t nas_ip[16];
    size_t nas_ip_len;             /* 4 (NAS-IP-Address), 16 (IPv6), 0 */
    uint32_t framed_mtu;           /* 0: none */
};

struct responder;

/**
 * responder_start() - bind 127.0.0.1 (or ::1) on an ephemeral port and
 * serve in a thread.  Needs EapHostPeerInitialize() (the authenticator
 * host).
 * @cfg: the script (the strings are copied).
 * @out: receives the responder.
 *
 * Return: 0, or -1 with errno.
 */
int responder_start(const struct responder_config *cfg,
                    struct responder **out);

/**
 * responder_port() - the UDP port the responder answers on.
 * @r: the responder.
 *
 * Return: the port.
 */
unsigned responder_port(const struct responder *r);

/**
 * responder_stop() - stop the thread, end its sessions, free it.
 * @r: the responder.
 * @stats: receives what it saw, or NULL.
 */
void responder_stop(struct responder *r, struct responder_stats *stats);

/**
 * responder_script_by_name() - a script by its name ("truncated", ...).
 * @name: the name.
 * @out: receives the script.
 *
 * Return: true when known.
 */
bool responder_script_by_name(const char *name, enum responder_script *out);

/* ---- radius_wire.c: the responder's own RADIUS encoding ---------------- */

#define WIRE_MAX 6000u

/* A reply being built. */
struct wire {
    uint8_t b[WIRE_MAX];
    size_t len;
    size_t ma;                 /* offset of the Message-Authenticator
                                * attribute, 0 when none */
};

/** wire_start() - a reply header (Length set by wire_sign()). */
void wire_start(struct wire *w, uint8_t code, uint8_t id,
                const uint8_t req_auth[16]);
/** wire_attr() - append one attribute (value at most 253 bytes). */
void wire_attr(struct wire *w, uint8_t type, const void *v, size_t n);
/** wire_ma() - append a zeroed Message-Authenticator. */
void wire_ma(struct wire *w);
/** wire_eap() - append an EAP packet in 253-byte EAP-Message pieces. */
void wire_eap(struct wire *w, const uint8_t *eap, size_t n);
/** wire_mppe_key() - append an MS-MPPE key, encrypted (RFC 2548). */
void wire_mppe_key(struct wire *w, uint8_t vendor_type, const uint8_t *key,
                   size_t n, const uint8_t req_auth[16], const char *secret,
                   size_t pad_extra);
/**
 * wire_sign() - set the Length, the Message-Authenticator (HMAC-MD5 with
 * the Request Authenticator in place) and then the Response Authenticator.
 * @flip_ma: flip one bit of the Message-Authenticator before the Response
 *           Authenticator is computed.
 */
void wire_sign(struct wire *w, const uint8_t req_auth[16],
               const char *secret, bool flip_ma);
/**
 * wire_request_check() - is @p (@n bytes) a well-formed Access-Request
 * with one right Message-Authenticator?
 *
 * Return: 0 when it is, its Message-Authenticator first; 1 when it is,
 * the Message-Authenticator elsewhere; -1 when it is not.
 */
int wire_request_check(const uint8_t *p, size_t n, const char *secret);

#endif /* EAPHOST_TESTS_RADIUS_RESPONDER_H */
