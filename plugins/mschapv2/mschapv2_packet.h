/*
 * mschapv2_packet.h - EAP-MSCHAPv2 packets (draft-kamath-pppext-eap-mschapv2,
 * RFC 2759 sections 4-7): strict parsing and building.
 *
 * After the EAP header (Code, Identifier, Length, Type 26) comes
 *
 *   OpCode (1) | MS-CHAPv2-ID (1) | MS-Length (2) | OpCode data
 *
 * where MS-Length equals the EAP Length minus 5.  Only the Success and
 * Failure Responses are a bare OpCode (EAP Length 6).
 *
 *   1 Challenge  Request   Value-Size 16 | Challenge (16) | Name
 *   2 Response   Response  Value-Size 49 | Peer-Challenge (16) |
 *                          Reserved (8, zero) | NT-Response (24) |
 *                          Flags (1, zero) | Name
 *   3 Success    Request   "S=<40 hex digits>" [" M=<message>"]
 *                Response  OpCode only
 *   4 Failure    Request   "E=<code>" [" R=<0|1>"] [" C=<32 hex digits>"]
 *                          [" V=<version>"] [" M=<message>"], in this order
 *                Response  OpCode only
 *   7 Change-Password      not supported by this method
 *
 * Parsers read nothing outside the packet's Length (nor past the size the
 * caller has), and point into the caller's packet instead of copying.
 */
#ifndef PLUGINS_MSCHAPV2_PACKET_H
#define PLUGINS_MSCHAPV2_PACKET_H

#include <stddef.h>

#include <eaptypes.h>
#include <eapmethodtypes.h>

#include "mschapv2_crypto.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MSCHAPV2_EAP_TYPE 26u
/* Windows registers EAP-MSCHAPv2 under Microsoft's author id. */
#define MSCHAPV2_AUTHOR_ID 311u

#define MSCHAPV2_OP_CHALLENGE 1u
#define MSCHAPV2_OP_RESPONSE 2u
#define MSCHAPV2_OP_SUCCESS 3u
#define MSCHAPV2_OP_FAILURE 4u
#define MSCHAPV2_OP_CHANGE_PASSWORD 7u

/* OpCode, MS-CHAPv2-ID and MS-Length. */
#define MSCHAPV2_HEADER_LEN 4u
#define MSCHAPV2_RESPONSE_VALUE_LEN 49u
/* Largest reason text a parser writes, NUL included. */
#define MSCHAPV2_WHY_LEN 160u

/* Win32 codes a server sends in E= (RFC 2759 6). */
#define MSCHAPV2_E_RESTRICTED_LOGON_HOURS 646u
#define MSCHAPV2_E_ACCT_DISABLED 647u
#define MSCHAPV2_E_PASSWD_EXPIRED 648u
#define MSCHAPV2_E_NO_DIALIN_PERMISSION 649u
#define MSCHAPV2_E_AUTHENTICATION_FAILURE 691u
#define MSCHAPV2_E_CHANGING_PASSWORD 709u

/* The EAP type both halves report in their errors: 26, author 311. */
extern const EAP_METHOD_TYPE mschapv2_method_type;

/* One parsed EAP-MSCHAPv2 packet; the pointers point into the packet. */
struct mschapv2_msg {
    BYTE eap_id;
    BYTE opcode;
    BYTE ms_id;              /* 0 for the one-byte Success/Failure Responses */
    const BYTE *value;       /* Challenge: 16 octets; Response: 49 octets */
    const BYTE *name;        /* Challenge / Response: the Name field */
    DWORD name_len;
    const BYTE *message;     /* Success / Failure Request: the text */
    DWORD message_len;
};

/* The fields of a Failure Request's text. */
struct mschapv2_failure {
    DWORD error;             /* E= */
    BOOL has_retry;
    BYTE retry;              /* R=, 0 or 1 */
    BOOL has_challenge;
    BYTE challenge[MSCHAPV2_CHALLENGE_LEN];  /* C= */
    BOOL has_version;
    DWORD version;           /* V= */
    const BYTE *text;        /* M=, into the packet; NULL when absent */
    DWORD text_len;
};

BOOL mschapv2_parse(const EapPacket *pkt, DWORD size, BYTE code,
                    struct mschapv2_msg *msg, char why[MSCHAPV2_WHY_LEN]);
BOOL mschapv2_parse_success(const BYTE *text, DWORD len,
                            BYTE digest[MSCHAPV2_AUTH_DIGEST_LEN],
                            char why[MSCHAPV2_WHY_LEN]);
BOOL mschapv2_parse_failure(const BYTE *text, DWORD len,
                            struct mschapv2_failure *f,
                            char why[MSCHAPV2_WHY_LEN]);
DWORD mschapv2_failure_to_eaphost(DWORD error);

DWORD mschapv2_build_challenge(EapPacket *pkt, DWORD capacity, BYTE eap_id,
                               BYTE ms_id,
                               const BYTE challenge[MSCHAPV2_CHALLENGE_LEN],
                               const char *name, size_t name_len, DWORD *len);
DWORD mschapv2_build_response(EapPacket *pkt, DWORD capacity, BYTE eap_id,
                              BYTE ms_id,
                              const BYTE peer_challenge[MSCHAPV2_CHALLENGE_LEN],
                              const BYTE nt_response[MSCHAPV2_NT_RESPONSE_LEN],
                              const char *name, size_t name_len, DWORD *len);
DWORD mschapv2_build_text_request(EapPacket *pkt, DWORD capacity, BYTE eap_id,
                                  BYTE opcode, BYTE ms_id, const char *text,
                                  size_t text_len, DWORD *len);
DWORD mschapv2_build_ack(EapPacket *pkt, DWORD capacity, BYTE eap_id,
                         BYTE opcode, DWORD *len);

#ifdef __cplusplus
}
#endif

#endif /* PLUGINS_MSCHAPV2_PACKET_H */
