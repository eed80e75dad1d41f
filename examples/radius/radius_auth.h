/*
 * radius_auth.h - one EAP authentication of a libeaphost peer session
 * against a RADIUS server (RFC 3579), as a pass-through authenticator such
 * as an 802.1X switch or eapol_test would run it.
 *
 * The caller begins the session (EapHostPeerBeginSession, with
 * dwMaxSendPacketSize RADIUS_AUTH_DEFAULT_MAX_SEND unless it has reason to
 * choose another) and hands it its credentials
 * (eaphost_session_set_credentials); radius_auth_run() then plays the
 * authenticator:
 *
 *   EAP-Request/Identity, made here  -> the peer
 *   the peer's EAP-Response          -> Access-Request (User-Name = the
 *                                       identity of the Response/Identity,
 *                                       NAS-IP-Address or NAS-Identifier,
 *                                       Calling-Station-Id, Framed-MTU,
 *                                       State echoed, EAP-Message)
 *   Access-Challenge's EAP-Request   -> the peer, and so on, until
 *   Access-Accept (its EAP-Success)  -> the peer, its result, the key check
 *   Access-Reject (its EAP-Failure)  -> the peer, its result
 *
 * The key check compares the MSK the peer's method exported (its
 * MS-MPPE key attributes, eaphost_msk_from_attributes()) with the
 * decrypted MS-MPPE-Recv-Key | MS-MPPE-Send-Key of the Access-Accept, over
 * the first 32 bytes, as eapol_test does.  The caller ends the session.
 */
#ifndef EAPHOST_RADIUS_AUTH_H
#define EAPHOST_RADIUS_AUTH_H

#include <eaptypes.h>
#include <eaphost/authenticator.h>

#include "radius_client.h"

/*
 * The default largest EAP packet of the peer (dwMaxSendPacketSize) and
 * Framed-MTU: 1400, what eapol_test sends as Framed-MTU and what an
 * 802.1X link carries with room to spare (1500-byte Ethernet MTU less
 * the EAPOL header).  In an Access-Request it takes 1400 bytes plus 2 per
 * 253-byte EAP-Message piece (1412), which leaves more than 2600 of the
 * 4096 bytes for the other attributes: at most 20 (header) + 18
 * (Message-Authenticator) + 4 x 255 (User-Name, State, NAS-Identifier,
 * Calling-Station-Id) + 18 (NAS-IPv6-Address) + 6 (Framed-MTU) = 1082.
 */
#define RADIUS_AUTH_DEFAULT_MAX_SEND 1400u
/* NAS-Identifier sent when neither it nor a NAS address is configured
 * (RFC 2865 §4.1 wants one of the two in every Access-Request). */
#define RADIUS_AUTH_DEFAULT_NAS_IDENTIFIER "eaphost"
/* Access-Challenges answered before giving up. */
#define RADIUS_AUTH_DEFAULT_MAX_ROUNDS 50u

struct radius_auth_config {
    struct radius_client_config client;
    const char *nas_ip_address;   /* IPv4 (NAS-IP-Address) or IPv6
                                   * (NAS-IPv6-Address), or NULL */
    const char *nas_identifier;   /* NULL: the default when there is no
                                   * NAS address either */
    const char *calling_station_id;  /* NULL: not sent */
    unsigned framed_mtu;          /* 64-65535; 0: the default max send */
    unsigned max_rounds;          /* 0: RADIUS_AUTH_DEFAULT_MAX_ROUNDS */
};

enum radius_auth_outcome {
    RADIUS_AUTH_SUCCESS = 0,   /* Access-Accept, and the peer succeeded */
    RADIUS_AUTH_REJECTED,      /* Access-Reject */
    RADIUS_AUTH_PEER_FAILED,   /* Access-Accept, but the peer failed (a
                                * server proof that did not verify) */
    RADIUS_AUTH_NO_REPLY,      /* no acceptable reply: retries spent or
                                * the deadline passed */
    RADIUS_AUTH_ERROR          /* configuration, system or peer session
                                * error, or a conversation that cannot go
                                * on (see reason) */
};

enum radius_key_check {
    RADIUS_KEYS_NONE = 0,      /* neither side has keys (or no Accept) */
    RADIUS_KEYS_MATCH,         /* the MSK's first 32 bytes equal
                                * Recv-Key | Send-Key */
    RADIUS_KEYS_MISMATCH       /* they differ, or one side has none, or
                                * a key is malformed: see key_detail */
};

struct radius_auth_result {
    enum radius_auth_outcome outcome;
    DWORD code;                /* the peer's failure reason or the failing
                                * call's error code; 0 when none */
    char reason[320];          /* one line; "" on success */
    DWORD packets;             /* EAP packets to and from the peer */
    DWORD challenges;          /* Access-Challenges answered */
    struct radius_counters counters;
    char last_drop[160];       /* why the last reply was dropped, or "" */
    char server[64];           /* the server's numeric address and port */
    enum radius_key_check keys;
    char key_detail[160];      /* for RADIUS_KEYS_MISMATCH */
    BYTE msk[EAPHOST_MSK_LEN]; /* the peer's MSK (zero padded) */
    DWORD msk_len;             /* key bytes in it; 0 without keys */
    BYTE server_keys[EAPHOST_MSK_LEN];  /* Recv-Key | Send-Key */
    DWORD server_keys_len;
};

/**
 * radius_auth_run() - authenticate a peer session against a RADIUS
 * server.
 * @session: a session from EapHostPeerBeginSession() that has not had a
 *           packet yet; the caller ends it afterwards.
 * @cfg: the server and the attributes to send.
 * @result: receives the outcome, the counters and the key check.
 *
 * Return: @result->outcome.
 */
enum radius_auth_outcome radius_auth_run(EAP_SESSIONID session,
                                         const struct radius_auth_config *cfg,
                                         struct radius_auth_result *result);

/**
 * radius_auth_outcome_name() - an outcome as a word ("SUCCESS",
 * "REJECTED", "PEER_FAILED", "NO_REPLY", "ERROR").
 * @outcome: the outcome.
 *
 * Return: a static string.
 */
const char *radius_auth_outcome_name(enum radius_auth_outcome outcome);

#endif /* EAPHOST_RADIUS_AUTH_H */
