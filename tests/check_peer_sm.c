/*
 * check_peer_sm.c - the EAP peer state machine (peer_sm.c), driven through
 * the public EapHostPeer* API against the scripted fixture method
 * (tests/fixtures/scripted.c, built as fixture_good and fixture_expanded).
 *
 * One table of cases; each case is run by its own loop iteration:
 *   - a registry with one method: the legacy fixture (type 200), the
 *     expanded fixture (254, vendor 0x9999, vendor type 7) or the legacy
 *     fixture registered with PeerInvokeUsernameDialog/PasswordDialog = 1;
 *   - the fixture's script (its connection data), optional user data,
 *     optional credentials (eaphost_session_set_credentials) and option;
 *   - steps: a packet in, the expected return code and action, and for
 *     Send the exact bytes of EapHostPeerGetSendPacket; for Result the
 *     outcome of EapHostPeerGetResult(FromMethod);
 *   - at the end the session counters, the auth status and what the
 *     fixture saw (its statistics).
 * References: RFC 3748 §4-5, RFC 4137 §4, DESIGN.md §4 "Peer state machine
 * inside the host".
 */
#define _GNU_SOURCE 1     /* RTLD_NOLOAD */

#include <eaphost/sdk.h>
#include <eaphost/eaphost.h>

#include "fixture_stats.h"
#include "testutil.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <sys/stat.h>

/* ---- packets ---------------------------------------------------------- */

struct bytes {
    const BYTE *p;
    DWORD n;
};

/* Packet bytes as a table entry: B(1, 2, 0, 5, 1). */
#define B(...) { (const BYTE[]){ __VA_ARGS__ }, \
                 (DWORD)sizeof((const BYTE[]){ __VA_ARGS__ }) }

#define FT FIXTURE_TYPE
/* Type 254 with the expanded fixture's vendor id and vendor type. */
#define XH 254, 0x00, 0x99, 0x99, 0x00, 0x00, 0x00, 0x07

#define REQ_ID(id) B(1, id, 0, 5, 1)
#define RESP_FIXTURE_USER(id) \
    B(2, id, 0, 17, 1, 'f', 'i', 'x', 't', 'u', 'r', 'e', '-', 'u', 's', \
      'e', 'r')
#define REQ_ABC(id) B(1, id, 0, 8, FT, 'a', 'b', 'c')
#define RESP_ABC(id) B(2, id, 0, 8, FT, 'a', 'b', 'c')
#define XREQ_XYZ(id) B(1, id, 0, 15, XH, 'x', 'y', 'z')
#define XRESP_XYZ(id) B(2, id, 0, 15, XH, 'x', 'y', 'z')
#define NOTIF(id) B(1, id, 0, 9, 2, 'n', 'o', 't', 'e')
#define NOTIF_RESP(id) B(2, id, 0, 5, 2)
#define REQ_MD5(id) B(1, id, 0, 6, 4, 0x55)
#define NAK_LEGACY(id) B(2, id, 0, 6, 3, FT)
#define SUCCESS(id) B(3, id, 0, 4)
#define FAILURE(id) B(4, id, 0, 4)

/* ---- the table -------------------------------------------------------- */

enum reg { REG_LEGACY, REG_EXPANDED, REG_CREDS };

enum op {
    OP_END = 0,
    OP_PACKET,     /* ProcessReceivedPacket(in) */
    OP_UI,         /* GetUIContext gives "ctx"; SetUIContext(in) */
    OP_ATTRS,      /* GetResponseAttributes gives "hi"; Set them back */
    OP_RESULT,     /* GetResult(FromMethod) alone */
    OP_CREDS       /* eaphost_session_set_credentials now */
};

struct step {
    enum op op;
    struct bytes in;
    DWORD rc;                          /* expected return code */
    EapHostPeerResponseAction action;  /* expected action */
    struct bytes out;                  /* Send: expected response */
    const char *why;                   /* rc != 0: in pRootCauseString */
    int success;                       /* Result: expected fIsSuccess */
};

#define SEND(in_, out_) \
    { .op = OP_PACKET, .in = in_, .action = EapHostPeerResponseSend, \
      .out = out_ }
#define DISCARD(in_) \
    { .op = OP_PACKET, .in = in_, .action = EapHostPeerResponseDiscard }
#define RESULT(in_, ok_) \
    { .op = OP_PACKET, .in = in_, .action = EapHostPeerResponseResult, \
      .success = ok_ }
#define ACT(in_, action_) { .op = OP_PACKET, .in = in_, .action = action_ }
#define FAIL(in_, rc_, why_) \
    { .op = OP_PACKET, .in = in_, .rc = rc_, \
      .action = EapHostPeerResponseDiscard, .why = why_ }
#define UI(data_, out_) \
    { .op = OP_UI, .in = data_, .action = EapHostPeerResponseSend, \
      .out = out_ }
#define ATTRS(out_) \
    { .op = OP_ATTRS, .action = EapHostPeerResponseSend, .out = out_ }
#define GET_RESULT(rc_, ok_) { .op = OP_RESULT, .rc = rc_, .success = ok_ }
#define LATE_CREDENTIALS { .op = OP_CREDS, .rc = ERROR_INVALID_STATE }

/* packets_received, responses_sent, retransmissions,
 * remote_invalid_packets, discarded, notifications, naks_sent */
#define COUNTERS(pr, rs, rt, inv, dis, no, nak) \
    { pr, rs, rt, inv, dis, no, nak, 0 }

/* What the fixture saw: EapPeerProcessRequestPacket calls. */
#define CALLS(n) .check_calls = true, .calls = n

/* The last EapPeerGetResult reason the method got (0: not checked). */
#define REASON_SUCCESS ((int)EapPeerMethodResultSuccess)
#define REASON_FAILURE ((int)EapPeerMethodResultFailure)

#define MAX_STEPS 9
#define MAX_SEND 1400u

struct pcase {
    const char *name;
    enum reg reg;
    const char *script;        /* connection data; NULL: none */
    const char *user;          /* user data, handed over with its NUL */
    const char *identity;      /* eaphost_session_set_credentials ... */
    const char *password;      /* ... before the first packet */
    bool plus_one;             /* EAPHOST_OPTION_ACCEPT_RESULT_ID_PLUS_ONE */
    struct step steps[MAX_STEPS];
    eaphost_session_counters counters;
    EAPHOST_AUTH_STATUS status;
    bool check_calls;
    unsigned long calls;
    int reason;
    const char *seen_password; /* EapPeerSetCredentials' password */
    const char *seen_identity; /* EapPeerSetCredentials' identity */
};

static const struct pcase cases[] = {
    /* ---- Identity ---------------------------------------------------- */
    { .name = "identity from the supplicant",
      .identity = "alice",
      .steps = { SEND(REQ_ID(1), B(2, 1, 0, 10, 1, 'a', 'l', 'i', 'c', 'e')) },
      .counters = COUNTERS(1, 1, 0, 0, 0, 0, 0),
      .status = EapHostAuthIdentityExchange, CALLS(0) },
    { .name = "identity from EapPeerGetIdentity",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)) },
      .counters = COUNTERS(1, 1, 0, 0, 0, 0, 0),
      .status = EapHostAuthIdentityExchange, CALLS(0) },
    { .name = "identity from the user data through EapPeerGetIdentity",
      .user = "bob",
      .steps = { SEND(REQ_ID(7), B(2, 7, 0, 8, 1, 'b', 'o', 'b')) },
      .counters = COUNTERS(1, 1, 0, 0, 0, 0, 0),
      .status = EapHostAuthIdentityExchange, CALLS(0) },
    { .name = "identity, expanded method, full authentication",
      .reg = REG_EXPANDED,
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 SEND(XREQ_XYZ(2), XRESP_XYZ(2)),
                 RESULT(SUCCESS(2), 1) },
      .counters = COUNTERS(3, 2, 0, 0, 0, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1), .reason = REASON_SUCCESS },
    { .name = "second identity before the method is answered again",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 SEND(B(1, 2, 0, 12, 1, 'W', 'e', 'l', 'c', 'o', 'm', 'e'),
                      RESP_FIXTURE_USER(2)),
                 SEND(REQ_ABC(3), RESP_ABC(3)) },
      .counters = COUNTERS(3, 3, 0, 0, 0, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "identity after a nak, before the method, is answered",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 SEND(REQ_MD5(2), NAK_LEGACY(2)),
                 SEND(REQ_ID(3), RESP_FIXTURE_USER(3)) },
      .counters = COUNTERS(3, 3, 0, 0, 0, 0, 1),
      .status = EapHostAuthIdentityExchange, CALLS(0) },
    { .name = "identity after the method started is discarded",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 SEND(REQ_ABC(2), RESP_ABC(2)),
                 DISCARD(REQ_ID(3)),
                 RESULT(SUCCESS(2), 1) },
      .counters = COUNTERS(4, 2, 0, 0, 1, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1), .reason = REASON_SUCCESS },

    /* ---- Notification ------------------------------------------------ */
    { .name = "notification gets an empty response",
      .steps = { SEND(NOTIF(1), NOTIF_RESP(1)),
                 SEND(REQ_ID(2), RESP_FIXTURE_USER(2)) },
      .counters = COUNTERS(2, 2, 0, 0, 0, 1, 0),
      .status = EapHostAuthIdentityExchange, CALLS(0) },
    { .name = "notification discarded when the method disallows it",
      .script = "notify=0",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 DISCARD(NOTIF(2)),
                 SEND(REQ_ABC(3), RESP_ABC(3)),
                 RESULT(SUCCESS(3), 1) },
      .counters = COUNTERS(4, 2, 0, 0, 1, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(2) },
    { .name = "notification answered before the method said notify=0",
      .script = "notify=0",
      .steps = { SEND(NOTIF(1), NOTIF_RESP(1)),
                 SEND(REQ_ABC(2), RESP_ABC(2)),
                 DISCARD(NOTIF(3)) },
      .counters = COUNTERS(3, 2, 0, 0, 1, 1, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "notification does not disturb the method",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 SEND(NOTIF(2), NOTIF_RESP(2)),
                 SEND(B(1, 3, 0, 7, FT, 'd', 'e'), B(2, 3, 0, 7, FT, 'd', 'e')),
                 RESULT(SUCCESS(3), 1) },
      .counters = COUNTERS(4, 3, 0, 0, 0, 1, 0),
      .status = EapHostAuthSucceeded, CALLS(2), .reason = REASON_SUCCESS },
    { .name = "notification response moves lastId",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 SEND(NOTIF(2), NOTIF_RESP(2)),
                 DISCARD(SUCCESS(1)),
                 RESULT(SUCCESS(2), 1) },
      .counters = COUNTERS(4, 2, 0, 0, 1, 1, 0),
      .status = EapHostAuthSucceeded, CALLS(1) },

    /* ---- Nak --------------------------------------------------------- */
    { .name = "legacy nak proposes the legacy type",
      .steps = { SEND(REQ_MD5(1), NAK_LEGACY(1)) },
      .counters = COUNTERS(1, 1, 0, 0, 0, 0, 1),
      .status = EapHostAuthNegotiatingType, CALLS(0) },
    { .name = "legacy nak proposes 254 for an expanded method",
      .reg = REG_EXPANDED,
      .steps = { SEND(REQ_MD5(1), B(2, 1, 0, 6, 3, 254)) },
      .counters = COUNTERS(1, 1, 0, 0, 0, 0, 1),
      .status = EapHostAuthNegotiatingType, CALLS(0) },
    { .name = "expanded nak for an expanded request, legacy method",
      .steps = { SEND(B(1, 1, 0, 12, 254, 0, 0, 1, 0, 0, 0, 1),
                      B(2, 1, 0, 20, 254, 0, 0, 0, 0, 0, 0, 3,
                        254, 0, 0, 0, 0, 0, 0, FT)) },
      .counters = COUNTERS(1, 1, 0, 0, 0, 0, 1),
      .status = EapHostAuthNegotiatingType, CALLS(0) },
    { .name = "expanded nak for another vendor, expanded method",
      .reg = REG_EXPANDED,
      .steps = { SEND(B(1, 1, 0, 13, 254, 0, 0x12, 0x34, 0, 0, 0, 5, 0x66),
                      B(2, 1, 0, 20, 254, 0, 0, 0, 0, 0, 0, 3, XH)) },
      .counters = COUNTERS(1, 1, 0, 0, 0, 0, 1),
      .status = EapHostAuthNegotiatingType, CALLS(0) },
    { .name = "expanded nak for the right vendor, another vendor type",
      .reg = REG_EXPANDED,
      .steps = { SEND(B(1, 1, 0, 12, 254, 0, 0x99, 0x99, 0, 0, 0, 8),
                      B(2, 1, 0, 20, 254, 0, 0, 0, 0, 0, 0, 3, XH)) },
      .counters = COUNTERS(1, 1, 0, 0, 0, 0, 1),
      .status = EapHostAuthNegotiatingType, CALLS(0) },
    { .name = "nak, then the method runs and succeeds",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 SEND(REQ_MD5(2), NAK_LEGACY(2)),
                 SEND(REQ_ABC(3), RESP_ABC(3)),
                 RESULT(SUCCESS(3), 1) },
      .counters = COUNTERS(4, 3, 0, 0, 0, 0, 1),
      .status = EapHostAuthSucceeded, CALLS(1) },
    { .name = "other types after the method started are discarded",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 DISCARD(REQ_MD5(2)),
                 DISCARD(B(1, 3, 0, 12, 254, 0, 0, 1, 0, 0, 0, 1)),
                 RESULT(SUCCESS(1), 1) },
      .counters = COUNTERS(4, 1, 0, 0, 2, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1) },
    { .name = "other expanded types after the method started are discarded",
      .reg = REG_EXPANDED,
      .steps = { SEND(XREQ_XYZ(1), XRESP_XYZ(1)),
                 DISCARD(B(1, 2, 0, 12, 254, 0, 0x12, 0x34, 0, 0, 0, 7)),
                 DISCARD(B(1, 3, 0, 12, 254, 0, 0x99, 0x99, 0, 0, 0, 8)),
                 DISCARD(REQ_MD5(4)) },
      .counters = COUNTERS(4, 1, 0, 0, 3, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },

    /* ---- Types 0, 3, 255 --------------------------------------------- */
    { .name = "request type 0 is invalid",
      .steps = { DISCARD(B(1, 1, 0, 5, 0)),
                 SEND(REQ_ABC(1), RESP_ABC(1)) },
      .counters = COUNTERS(2, 1, 0, 1, 1, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "request type 3 (nak) is invalid",
      .steps = { DISCARD(B(1, 1, 0, 6, 3, FT)),
                 SEND(REQ_ABC(2), RESP_ABC(2)) },
      .counters = COUNTERS(2, 1, 0, 1, 1, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "request type 255 is invalid",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 DISCARD(B(1, 2, 0, 5, 255)),
                 SEND(REQ_ABC(3), RESP_ABC(3)) },
      .counters = COUNTERS(3, 2, 0, 1, 1, 0, 0),
      .status = EapHostAuthInProgress, CALLS(2) },

    /* ---- Method requests --------------------------------------------- */
    { .name = "legacy method echo, full authentication",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 SEND(REQ_ABC(2), RESP_ABC(2)),
                 SEND(B(1, 3, 0, 5, FT), B(2, 3, 0, 5, FT)),
                 RESULT(SUCCESS(3), 1),
                 GET_RESULT(ERROR_SUCCESS, 1) },
      .counters = COUNTERS(4, 3, 0, 0, 0, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(2), .reason = REASON_SUCCESS },
    { .name = "expanded method echo",
      .reg = REG_EXPANDED,
      .steps = { SEND(XREQ_XYZ(1), XRESP_XYZ(1)),
                 SEND(B(1, 2, 0, 12, XH), B(2, 2, 0, 12, XH)),
                 RESULT(SUCCESS(2), 1) },
      .counters = COUNTERS(3, 2, 0, 0, 0, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(2), .reason = REASON_SUCCESS },

    /* ---- Retransmission ---------------------------------------------- */
    { .name = "retransmitted request gets the cached response",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 SEND(REQ_ABC(1), RESP_ABC(1)),
                 RESULT(SUCCESS(1), 1) },
      .counters = COUNTERS(3, 2, 1, 0, 0, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1) },
    { .name = "retransmitted identity request",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 SEND(REQ_ID(1), RESP_FIXTURE_USER(1)) },
      .counters = COUNTERS(2, 2, 1, 0, 0, 0, 0),
      .status = EapHostAuthIdentityExchange, CALLS(0) },
    { .name = "retransmitted request after a nak",
      .steps = { SEND(REQ_MD5(1), NAK_LEGACY(1)),
                 SEND(REQ_MD5(1), NAK_LEGACY(1)) },
      .counters = COUNTERS(2, 2, 1, 0, 0, 0, 1),
      .status = EapHostAuthNegotiatingType, CALLS(0) },
    { .name = "retransmitted notification",
      .steps = { SEND(NOTIF(1), NOTIF_RESP(1)),
                 SEND(NOTIF(1), NOTIF_RESP(1)) },
      .counters = COUNTERS(2, 2, 1, 0, 0, 1, 0),
      .status = EapHostAuthNotStarted, CALLS(0) },
    { .name = "same identifier, different bytes: a new request",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 SEND(B(1, 1, 0, 8, FT, 'a', 'b', 'd'),
                      B(2, 1, 0, 8, FT, 'a', 'b', 'd')) },
      .counters = COUNTERS(2, 2, 0, 0, 0, 0, 0),
      .status = EapHostAuthInProgress, CALLS(2) },
    { .name = "retransmission with bytes beyond Length",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 SEND(B(1, 1, 0, 8, FT, 'a', 'b', 'c', 0xEE), RESP_ABC(1)) },
      .counters = COUNTERS(2, 2, 1, 0, 0, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "duplicate of a request the host discarded",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 DISCARD(REQ_MD5(2)),
                 DISCARD(REQ_MD5(2)),
                 DISCARD(B(1, 1, 0, 6, 4, 0x55)),
                 DISCARD(B(1, 1, 0, 6, 4, 0x55)) },
      .counters = COUNTERS(5, 1, 0, 0, 4, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "duplicate of a request the method discarded",
      .script = "action=0",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 DISCARD(REQ_ABC(2)),
                 DISCARD(REQ_ABC(2)) },
      .counters = COUNTERS(3, 1, 0, 0, 2, 0, 0),
      .status = EapHostAuthInProgress },
    { .name = "retransmission after the result is discarded",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 RESULT(SUCCESS(1), 1),
                 DISCARD(REQ_ABC(1)) },
      .counters = COUNTERS(3, 1, 0, 0, 1, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1) },

    /* ---- Success ----------------------------------------------------- */
    { .name = "success, but the method says it failed",
      .script = "result=fail",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 RESULT(SUCCESS(1), 0) },
      .counters = COUNTERS(2, 1, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(1), .reason = REASON_SUCCESS },
    { .name = "success with a wrong identifier is discarded",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 DISCARD(SUCCESS(2)),
                 DISCARD(SUCCESS(0)),
                 RESULT(SUCCESS(1), 1) },
      .counters = COUNTERS(4, 1, 0, 0, 2, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1) },
    { .name = "success after the identity only is a failure",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 RESULT(SUCCESS(1), 0) },
      .counters = COUNTERS(2, 1, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(0) },
    { .name = "success before any response is discarded",
      .steps = { DISCARD(SUCCESS(0)),
                 SEND(REQ_ABC(1), RESP_ABC(1)) },
      .counters = COUNTERS(2, 1, 0, 0, 1, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "success while the method waits for UI is a failure",
      .script = "ui=1",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 ACT(B(1, 2, 0, 6, FT, 'q'), EapHostPeerResponseInvokeUi),
                 RESULT(SUCCESS(1), 0) },
      .counters = COUNTERS(3, 1, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(1), .reason = REASON_FAILURE },
    { .name = "result identifier lastId+1 needs the option",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 DISCARD(SUCCESS(2)),
                 DISCARD(FAILURE(2)) },
      .counters = COUNTERS(3, 1, 0, 0, 2, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "success with lastId+1 and the option",
      .plus_one = true,
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 RESULT(SUCCESS(2), 1) },
      .counters = COUNTERS(2, 1, 0, 0, 0, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1), .reason = REASON_SUCCESS },
    { .name = "option: lastId still accepted, lastId+2 not",
      .plus_one = true,
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 DISCARD(SUCCESS(3)),
                 RESULT(SUCCESS(1), 1) },
      .counters = COUNTERS(3, 1, 0, 0, 1, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1) },
    { .name = "option: lastId 255, success with identifier 0",
      .plus_one = true,
      .steps = { SEND(REQ_ABC(255), RESP_ABC(255)),
                 RESULT(SUCCESS(0), 1) },
      .counters = COUNTERS(2, 1, 0, 0, 0, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1) },
    { .name = "failure with lastId+1 and the option",
      .plus_one = true,
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 RESULT(FAILURE(2), 0) },
      .counters = COUNTERS(2, 1, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(1), .reason = REASON_FAILURE },

    /* ---- Failure ----------------------------------------------------- */
    { .name = "failure after a method response",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 RESULT(FAILURE(1), 0) },
      .counters = COUNTERS(2, 1, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(1), .reason = REASON_FAILURE },
    { .name = "failure with a wrong identifier is discarded",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 DISCARD(FAILURE(9)),
                 SEND(B(1, 2, 0, 7, FT, 'd', 'e'), B(2, 2, 0, 7, FT, 'd', 'e')) },
      .counters = COUNTERS(3, 2, 0, 0, 1, 0, 0),
      .status = EapHostAuthInProgress, CALLS(2) },
    { .name = "after failure every packet is discarded",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 RESULT(FAILURE(1), 0),
                 DISCARD(REQ_ABC(2)),
                 DISCARD(SUCCESS(1)),
                 DISCARD(REQ_ID(3)),
                 DISCARD(NOTIF(4)),
                 GET_RESULT(ERROR_SUCCESS, 0) },
      .counters = COUNTERS(6, 1, 0, 0, 4, 0, 0),
      .status = EapHostAuthFailed, CALLS(1) },
    { .name = "failure after the identity only",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 RESULT(FAILURE(1), 0) },
      .counters = COUNTERS(2, 1, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(0) },

    /* ---- Malformed packets ------------------------------------------- */
    { .name = "malformed: buffer shorter than 4 bytes",
      .steps = { DISCARD(B(1, 1, 0)),
                 SEND(REQ_ABC(1), RESP_ABC(1)) },
      .counters = COUNTERS(2, 1, 0, 1, 1, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "malformed: Length beyond the buffer",
      .steps = { DISCARD(B(1, 1, 0, 9, FT, 'a', 'b', 'c')),
                 SEND(REQ_ABC(1), RESP_ABC(1)) },
      .counters = COUNTERS(2, 1, 0, 1, 1, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "malformed: Length below 4",
      .steps = { DISCARD(B(1, 1, 0, 3, FT, 'a', 'b', 'c')),
                 SEND(REQ_ABC(1), RESP_ABC(1)) },
      .counters = COUNTERS(2, 1, 0, 1, 1, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "malformed: unknown Code 5",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 DISCARD(B(5, 2, 0, 5, FT)),
                 SEND(REQ_ABC(2), RESP_ABC(2)) },
      .counters = COUNTERS(3, 2, 0, 1, 1, 0, 0),
      .status = EapHostAuthInProgress, CALLS(2) },
    { .name = "malformed: unknown Code 0",
      .steps = { DISCARD(B(0, 1, 0, 5, FT)),
                 SEND(REQ_ABC(1), RESP_ABC(1)) },
      .counters = COUNTERS(2, 1, 0, 1, 1, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "malformed: a Response received",
      .steps = { DISCARD(RESP_ABC(1)),
                 SEND(REQ_ABC(1), RESP_ABC(1)) },
      .counters = COUNTERS(2, 1, 0, 1, 1, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "malformed: Request without a Type",
      .steps = { DISCARD(B(1, 1, 0, 4)),
                 DISCARD(B(1, 1, 0, 4, FT, 'a')),
                 SEND(REQ_ABC(1), RESP_ABC(1)) },
      .counters = COUNTERS(3, 1, 0, 2, 2, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "malformed: type 254 shorter than 12 bytes",
      .reg = REG_EXPANDED,
      .steps = { DISCARD(B(1, 1, 0, 11, 254, 0, 0x99, 0x99, 0, 0, 0)),
                 DISCARD(B(1, 1, 0, 11, 254, 0, 0x99, 0x99, 0, 0, 0, 7)),
                 SEND(XREQ_XYZ(1), XRESP_XYZ(1)) },
      .counters = COUNTERS(3, 1, 0, 2, 2, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "malformed: Success longer than 4",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 DISCARD(B(3, 1, 0, 5, 0)),
                 RESULT(SUCCESS(1), 1) },
      .counters = COUNTERS(3, 1, 0, 1, 1, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1) },
    { .name = "malformed: Failure longer than 4",
      .steps = { SEND(REQ_ABC(1), RESP_ABC(1)),
                 DISCARD(B(4, 1, 0, 6, 0, 0)),
                 RESULT(FAILURE(1), 0) },
      .counters = COUNTERS(3, 1, 0, 1, 1, 0, 0),
      .status = EapHostAuthFailed, CALLS(1) },
    { .name = "bytes beyond Length are ignored (legacy)",
      .steps = { SEND(B(1, 1, 0, 8, FT, 'a', 'b', 'c', 0xEE, 0xEE, 0xEE),
                      RESP_ABC(1)),
                 SEND(REQ_ABC(2), RESP_ABC(2)),
                 RESULT(B(3, 2, 0, 4, 0xEE, 0xEE), 1) },
      .counters = COUNTERS(3, 2, 0, 0, 0, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(2) },
    { .name = "bytes beyond Length are ignored (expanded)",
      .reg = REG_EXPANDED,
      .steps = { SEND(B(1, 1, 0, 15, XH, 'x', 'y', 'z', 0xEE, 0xEE),
                      XRESP_XYZ(1)),
                 SEND(XREQ_XYZ(2), XRESP_XYZ(2)) },
      .counters = COUNTERS(2, 2, 0, 0, 0, 0, 0),
      .status = EapHostAuthInProgress, CALLS(2) },

    /* ---- Method output checked --------------------------------------- */
    { .name = "method output: wrong Code",
      .script = "bad=code",
      .steps = { FAIL(REQ_ABC(1), EAP_E_EAPHOST_METHOD_INVALID_PACKET, "Code"),
                 DISCARD(REQ_ABC(2)),
                 GET_RESULT(ERROR_SUCCESS, 0) },
      .counters = COUNTERS(2, 0, 0, 0, 1, 0, 0),
      .status = EapHostAuthFailed, CALLS(1) },
    { .name = "method output: wrong Identifier",
      .script = "bad=id",
      .steps = { FAIL(REQ_ABC(1), EAP_E_EAPHOST_METHOD_INVALID_PACKET,
                      "Identifier"),
                 DISCARD(REQ_ABC(2)),
                 GET_RESULT(ERROR_SUCCESS, 0) },
      .counters = COUNTERS(2, 0, 0, 0, 1, 0, 0),
      .status = EapHostAuthFailed, CALLS(1) },
    { .name = "method output: Length field differs from the size",
      .script = "bad=length",
      .steps = { FAIL(REQ_ABC(1), EAP_E_EAPHOST_METHOD_INVALID_PACKET,
                      "Length"),
                 GET_RESULT(ERROR_SUCCESS, 0) },
      .counters = COUNTERS(1, 0, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(1) },
    { .name = "method output: wrong Type",
      .script = "bad=type",
      .steps = { FAIL(REQ_ABC(1), EAP_E_EAPHOST_METHOD_INVALID_PACKET,
                      "Type"),
                 GET_RESULT(ERROR_SUCCESS, 0) },
      .counters = COUNTERS(1, 0, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(1) },
    { .name = "method output: wrong expanded vendor type",
      .reg = REG_EXPANDED, .script = "bad=type",
      .steps = { FAIL(XREQ_XYZ(1), EAP_E_EAPHOST_METHOD_INVALID_PACKET,
                      "vendor"),
                 GET_RESULT(ERROR_SUCCESS, 0) },
      .counters = COUNTERS(1, 0, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(1) },
    { .name = "method output: larger than dwMaxSendPacketSize",
      .script = "bad=oversize",
      .steps = { FAIL(REQ_ABC(1), EAP_E_EAPHOST_METHOD_INVALID_PACKET,
                      "dwMaxSendPacketSize"),
                 GET_RESULT(ERROR_SUCCESS, 0) },
      .counters = COUNTERS(1, 0, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(1) },
    { .name = "method output: wrong Identifier after the identity",
      .reg = REG_EXPANDED, .script = "bad=id",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 FAIL(XREQ_XYZ(2), EAP_E_EAPHOST_METHOD_INVALID_PACKET,
                      "Identifier"),
                 DISCARD(SUCCESS(1)) },
      .counters = COUNTERS(3, 1, 0, 0, 1, 0, 0),
      .status = EapHostAuthFailed, CALLS(1) },
    { .name = "method output: action 99",
      .script = "action=99",
      .steps = { FAIL(REQ_ABC(1), EAP_E_EAPHOST_METHOD_INVALID_PACKET, "99"),
                 GET_RESULT(ERROR_SUCCESS, 0) },
      .counters = COUNTERS(1, 0, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(1) },
    { .name = "method output: action left unset",
      .script = "unset=1",
      .steps = { FAIL(REQ_ABC(1), EAP_E_EAPHOST_METHOD_INVALID_PACKET,
                      "action"),
                 GET_RESULT(ERROR_SUCCESS, 0) },
      .counters = COUNTERS(1, 0, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(1) },
    { .name = "method error is copied into the host error",
      .script = "process_fail=1",
      .steps = { FAIL(REQ_ABC(1), ERROR_INVALID_DATA,
                      "process refused by script"),
                 DISCARD(REQ_ABC(2)),
                 GET_RESULT(ERROR_SUCCESS, 0) },
      .counters = COUNTERS(2, 0, 0, 0, 1, 0, 0),
      .status = EapHostAuthFailed, CALLS(1) },
    { .name = "method action Result: the method decides (failure)",
      .script = "action=2",
      .steps = { RESULT(REQ_ABC(1), 0) },
      .counters = COUNTERS(1, 0, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(1) },
    { .name = "method action None is translated, not cast",
      .script = "action=5",
      .steps = { ACT(REQ_ABC(1), EapHostPeerResponseNone) },
      .counters = COUNTERS(1, 0, 0, 0, 0, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },

    /* ---- UI and attributes ------------------------------------------- */
    { .name = "UI: InvokeUi, context, then the UI data is sent",
      .script = "ui=1",
      .steps = { ACT(B(1, 1, 0, 6, FT, 'q'), EapHostPeerResponseInvokeUi),
                 UI(B('a', 'b', 'c'), RESP_ABC(1)),
                 SEND(B(1, 1, 0, 6, FT, 'q'), RESP_ABC(1)),
                 RESULT(SUCCESS(1), 1) },
      .counters = COUNTERS(3, 2, 1, 0, 0, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1), .reason = REASON_SUCCESS },
    { .name = "UI with the expanded method",
      .reg = REG_EXPANDED, .script = "ui=1",
      .steps = { ACT(B(1, 1, 0, 13, XH, 'q'), EapHostPeerResponseInvokeUi),
                 UI(B('a', 'b', 'c'), B(2, 1, 0, 15, XH, 'a', 'b', 'c')),
                 RESULT(SUCCESS(1), 1) },
      .counters = COUNTERS(2, 1, 0, 0, 0, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1) },
    { .name = "attributes: Respond, then the response is sent",
      .script = "attrs=1",
      .steps = { ACT(REQ_ABC(1), EapHostPeerResponseRespond),
                 ATTRS(RESP_ABC(1)),
                 RESULT(SUCCESS(1), 1) },
      .counters = COUNTERS(2, 1, 0, 0, 0, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1), .reason = REASON_SUCCESS },
    { .name = "UI on the first request, attributes on the second",
      .script = "ui=1;attrs=1",
      .steps = { ACT(B(1, 1, 0, 6, FT, 'q'), EapHostPeerResponseInvokeUi),
                 UI(B('a', 'b', 'c'), RESP_ABC(1)),
                 ACT(B(1, 2, 0, 7, FT, 'h', 'm'), EapHostPeerResponseRespond),
                 ATTRS(B(2, 2, 0, 7, FT, 'h', 'm')),
                 RESULT(SUCCESS(2), 1) },
      .counters = COUNTERS(3, 2, 0, 0, 0, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(2) },

    /* ---- Credentials ------------------------------------------------- */
    { .name = "credentials: the password reaches the method",
      .reg = REG_CREDS, .script = "echo_password=1",
      .identity = "carol", .password = "s3cret",
      .steps = { SEND(REQ_ID(1), B(2, 1, 0, 10, 1, 'c', 'a', 'r', 'o', 'l')),
                 SEND(B(1, 2, 0, 6, FT, '?'),
                      B(2, 2, 0, 11, FT, 's', '3', 'c', 'r', 'e', 't')),
                 RESULT(SUCCESS(2), 1) },
      .counters = COUNTERS(3, 2, 0, 0, 0, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1),
      .seen_identity = "carol", .seen_password = "s3cret" },
    { .name = "credentials: password only, identity from the method",
      .reg = REG_CREDS, .script = "echo_password=1", .password = "pw",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 SEND(B(1, 2, 0, 5, FT), B(2, 2, 0, 7, FT, 'p', 'w')) },
      .counters = COUNTERS(2, 2, 0, 0, 0, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1), .seen_password = "pw" },
    { .name = "credentials missing: identity unknown",
      .reg = REG_CREDS, .script = "echo_password=1",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 FAIL(B(1, 2, 0, 5, FT), EAP_E_EAPHOST_IDENTITY_UNKNOWN,
                      "eaphost_session_set_credentials"),
                 DISCARD(B(1, 3, 0, 5, FT)),
                 GET_RESULT(ERROR_SUCCESS, 0) },
      .counters = COUNTERS(3, 1, 0, 0, 1, 0, 0),
      .status = EapHostAuthFailed, CALLS(0) },
    { .name = "credentials missing at the first packet",
      .reg = REG_CREDS,
      .steps = { FAIL(REQ_ABC(1), EAP_E_EAPHOST_IDENTITY_UNKNOWN,
                      "eaphost_session_set_credentials") },
      .counters = COUNTERS(1, 0, 0, 0, 0, 0, 0),
      .status = EapHostAuthFailed, CALLS(0) },
    { .name = "credentials after the first packet are refused",
      .steps = { SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 LATE_CREDENTIALS,
                 SEND(REQ_ID(2), RESP_FIXTURE_USER(2)),
                 SEND(REQ_ABC(3), RESP_ABC(3)) },
      .counters = COUNTERS(3, 3, 0, 0, 0, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1) },
    { .name = "credentials after a discarded first packet are refused",
      .reg = REG_CREDS, .identity = "carol", .password = "s3cret",
      .script = "echo_password=1",
      .steps = { DISCARD(B(1, 1, 0)),
                 LATE_CREDENTIALS,
                 SEND(B(1, 1, 0, 5, FT),
                      B(2, 1, 0, 11, FT, 's', '3', 'c', 'r', 'e', 't')) },
      .counters = COUNTERS(2, 1, 0, 1, 1, 0, 0),
      .status = EapHostAuthInProgress, CALLS(1), .seen_password = "s3cret" },

    /* ---- Result ------------------------------------------------------ */
    { .name = "result before any result is an invalid state",
      .steps = { GET_RESULT(ERROR_INVALID_STATE, 0),
                 SEND(REQ_ID(1), RESP_FIXTURE_USER(1)),
                 GET_RESULT(ERROR_INVALID_STATE, 0),
                 SEND(REQ_ABC(2), RESP_ABC(2)),
                 GET_RESULT(ERROR_INVALID_STATE, 0),
                 RESULT(SUCCESS(2), 1),
                 GET_RESULT(ERROR_SUCCESS, 1) },
      .counters = COUNTERS(3, 2, 0, 0, 0, 0, 0),
      .status = EapHostAuthSucceeded, CALLS(1) },
};

#define NCASES ((int)(sizeof cases / sizeof cases[0]))

/* ---- helpers ---------------------------------------------------------- */

static const struct pcase *cur;   /* the case running, for messages */
static int cur_step;
static char tmp[PATH_MAX - 64];   /* room left for file names */
static bool initialized;
static EAP_SESSIONID sid;
static bool session_open;

static const char *plugin_name(enum reg r)
{
    return r == REG_EXPANDED ? "fixture_expanded" : "fixture_good";
}

static const char *hex(const BYTE *p, DWORD n, char *out, size_t size)
{
    size_t pos = 0;

    out[0] = '\0';
    for (DWORD i = 0; i < n && pos + 4 < size; i++)
        pos += (size_t)snprintf(out + pos, size - pos, "%s%02x",
                                i ? " " : "", p[i]);
    if (pos + 4 >= size && size > 4)
        snprintf(out + size - 5, 5, "...");
    return out;
}

static const char *action_name(EapHostPeerResponseAction a)
{
    static const char *const names[] = {
        "Discard", "Send", "Result", "InvokeUi", "Respond",
        "StartAuthentication", "None"
    };

    return (unsigned)a < sizeof names / sizeof names[0] ? names[a] : "?";
}

static const char *status_name(EAPHOST_AUTH_STATUS st)
{
    static const char *const names[] = {
        "InvalidSession", "NotStarted", "IdentityExchange",
        "NegotiatingType", "InProgress", "Succeeded", "Failed"
    };

    return (unsigned)st < sizeof names / sizeof names[0] ? names[st] : "?";
}

/* The root cause of @e as UTF-8 (caller frees with eaphost_free). */
static char *root_cause(const EAP_ERROR *e)
{
    char *text = NULL;

    if (!e->pRootCauseString)
        return NULL;
    ck_assert_msg(eaphost_utf16_to_utf8(e->pRootCauseString, (size_t)-1,
                                        &text, NULL) == ERROR_SUCCESS,
                  "[%s] step %d: pRootCauseString is not valid UTF-16",
                  cur->name, cur_step);
    return text;
}

/* A call returned @rc with @e: check both against @want / @why and free @e. */
static void check_error(const char *call, DWORD rc, EAP_ERROR *e, DWORD want,
                        const char *why)
{
    char *text = e ? root_cause(e) : NULL;
    DWORD win = e ? e->dwWinError : 0;
    bool had_error = e != NULL;
    char msg[512];

    snprintf(msg, sizeof msg, "%s", text ? text : "(none)");
    if (text)
        eaphost_free(text);
    if (e)
        EapHostPeerFreeEapError(e);
    ck_assert_msg(rc == want, "[%s] step %d: %s returned 0x%08x (%s), want "
                  "0x%08x (%s); error text: %s", cur->name, cur_step, call,
                  (unsigned)rc, eaphost_error_name(rc), (unsigned)want,
                  eaphost_error_name(want), msg);
    if (want == ERROR_SUCCESS) {
        ck_assert_msg(!had_error, "[%s] step %d: %s succeeded but returned "
                      "an EAP_ERROR: %s", cur->name, cur_step, call, msg);
        return;
    }
    ck_assert_msg(had_error, "[%s] step %d: %s failed with %s but returned "
                  "no EAP_ERROR", cur->name, cur_step, call,
                  eaphost_error_name(rc));
    ck_assert_msg(win == want, "[%s] step %d: %s: EAP_ERROR dwWinError "
                  "0x%08x (%s), want 0x%08x (%s)", cur->name, cur_step, call,
                  (unsigned)win, eaphost_error_name(win), (unsigned)want,
                  eaphost_error_name(want));
    if (why)
        ck_assert_msg(strstr(msg, why) != NULL, "[%s] step %d: %s: root "
                      "cause \"%s\" does not mention \"%s\"", cur->name,
                      cur_step, call, msg, why);
}

/* EapHostPeerGetResult(FromMethod): @want_rc, and on success @ok plus the
 * EMSK attribute the fixture hands over on success. */
static void check_result(DWORD want_rc, int ok)
{
    EapHostPeerMethodResult r;
    EAP_ERROR *e = NULL;
    DWORD rc;

    memset(&r, 0x5a, sizeof r);
    rc = EapHostPeerGetResult(sid, EapHostPeerMethodResultFromMethod, &r, &e);
    check_error("EapHostPeerGetResult", rc, e, want_rc, NULL);
    if (rc != ERROR_SUCCESS)
        return;
    if (r.pEapError)
        EapHostPeerFreeEapError(r.pEapError);
    ck_assert_msg(!r.fIsSuccess == !ok, "[%s] step %d: fIsSuccess %d, want "
                  "%d", cur->name, cur_step, (int)r.fIsSuccess, ok);
    if (!ok) {
        ck_assert_msg(r.dwFailureReasonCode != ERROR_SUCCESS,
                      "[%s] step %d: failure without dwFailureReasonCode",
                      cur->name, cur_step);
        DWORD count = r.pAttribArray ? r.pAttribArray->dwNumberOfAttributes
                                     : 0;
        ck_assert_msg(count == 0, "[%s] step %d: failure result with %u "
                      "attributes", cur->name, cur_step, (unsigned)count);
        return;
    }
    ck_assert_msg(r.pAttribArray != NULL, "[%s] step %d: success result "
                  "without attributes, want the EMSK", cur->name, cur_step);
    ck_assert_msg(r.pAttribArray->dwNumberOfAttributes == 1,
                  "[%s] step %d: %u result attributes, want 1 (the EMSK; "
                  "eatMinimum skipped)", cur->name, cur_step,
                  (unsigned)r.pAttribArray->dwNumberOfAttributes);
    const EAP_ATTRIBUTE *a = &r.pAttribArray->pAttribs[0];
    ck_assert_msg(a->eaType == eatEMSK, "[%s] step %d: attribute type %d, "
                  "want eatEMSK (%d)", cur->name, cur_step, (int)a->eaType,
                  (int)eatEMSK);
    ck_assert_msg(a->dwLength == 64, "[%s] step %d: EMSK of %u bytes, want "
                  "64", cur->name, cur_step, (unsigned)a->dwLength);
    for (DWORD i = 0; i < 64; i++)
        ck_assert_msg(a->pValue[i] == 0xAB, "[%s] step %d: EMSK byte %u is "
                      "0x%02x, want 0xab", cur->name, cur_step, (unsigned)i,
                      a->pValue[i]);
}

/* After a call that gave @action with @rc and @e: everything the step
 * expects, including the bytes to send or the result. */
static void check_outcome(const struct step *st, const char *call, DWORD rc,
                          EapHostPeerResponseAction action, EAP_ERROR *e)
{
    DWORD size = 0;
    BYTE *pkt = NULL;
    char got[256], want[256];

    check_error(call, rc, e, st->rc, st->why);
    ck_assert_msg(action == st->action, "[%s] step %d: %s gave action %d "
                  "(%s), want %d (%s)", cur->name, cur_step, call,
                  (int)action, action_name(action), (int)st->action,
                  action_name(st->action));

    e = NULL;
    rc = EapHostPeerGetSendPacket(sid, &size, &pkt, &e);
    if (st->action != EapHostPeerResponseSend) {
        check_error("EapHostPeerGetSendPacket with nothing to send", rc, e,
                    ERROR_INVALID_STATE, NULL);
    } else {
        check_error("EapHostPeerGetSendPacket", rc, e, ERROR_SUCCESS, NULL);
        ck_assert_msg(pkt != NULL && size == st->out.n &&
                      memcmp(pkt, st->out.p, size) == 0,
                      "[%s] step %d: sent [%s], want [%s]", cur->name,
                      cur_step, pkt ? hex(pkt, size, got, sizeof got) : "NULL",
                      hex(st->out.p, st->out.n, want, sizeof want));
    }
    if (st->action == EapHostPeerResponseResult)
        check_result(ERROR_SUCCESS, st->success);
}

static void run_packet(const struct step *st)
{
    EapHostPeerResponseAction action = (EapHostPeerResponseAction)77;
    EAP_ERROR *e = NULL;
    DWORD rc;

    rc = EapHostPeerProcessReceivedPacket(sid, st->in.n, st->in.p, &action,
                                          &e);
    check_outcome(st, "EapHostPeerProcessReceivedPacket", rc, action, e);
}

static void run_ui(const struct step *st)
{
    EapHostPeerResponseAction action = (EapHostPeerResponseAction)77;
    EAP_ERROR *e = NULL;
    BYTE *ctx = NULL;
    DWORD size = 0, rc;
    char got[64];

    rc = EapHostPeerGetUIContext(sid, &size, &ctx, &e);
    check_error("EapHostPeerGetUIContext", rc, e, ERROR_SUCCESS, NULL);
    ck_assert_msg(ctx != NULL && size == 3 && memcmp(ctx, "ctx", 3) == 0,
                  "[%s] step %d: UI context [%s], want \"ctx\"", cur->name,
                  cur_step, ctx ? hex(ctx, size, got, sizeof got) : "NULL");
    e = NULL;
    rc = EapHostPeerSetUIContext(sid, st->in.n, st->in.p, &action, &e);
    check_outcome(st, "EapHostPeerSetUIContext", rc, action, e);
}

static void run_attrs(const struct step *st)
{
    EapHostPeerResponseAction action = (EapHostPeerResponseAction)77;
    EapAttributes attrs;
    EAP_ERROR *e = NULL;
    DWORD rc;

    memset(&attrs, 0x5a, sizeof attrs);
    rc = EapHostPeerGetResponseAttributes(sid, &attrs, &e);
    check_error("EapHostPeerGetResponseAttributes", rc, e, ERROR_SUCCESS,
                NULL);
    ck_assert_msg(attrs.dwNumberOfAttributes == 1, "[%s] step %d: %u "
                  "response attributes, want 1 (eatMinimum skipped)",
                  cur->name, cur_step, (unsigned)attrs.dwNumberOfAttributes);
    const EAP_ATTRIBUTE *a = &attrs.pAttribs[0];
    ck_assert_msg(a->eaType == eatReplyMessage && a->dwLength == 2 &&
                  a->pValue && memcmp(a->pValue, "hi", 2) == 0,
                  "[%s] step %d: attribute type %d, %u bytes; want "
                  "eatReplyMessage \"hi\"", cur->name, cur_step,
                  (int)a->eaType, (unsigned)a->dwLength);
    e = NULL;
    rc = EapHostPeerSetResponseAttributes(sid, &attrs, &action, &e);
    check_outcome(st, "EapHostPeerSetResponseAttributes", rc, action, e);
}

static void run_late_credentials(const struct step *st)
{
    DWORD rc = eaphost_session_set_credentials(sid, "late", "late-pw");

    ck_assert_msg(rc == st->rc, "[%s] step %d: "
                  "eaphost_session_set_credentials returned 0x%08x (%s), "
                  "want 0x%08x (%s)", cur->name, cur_step, (unsigned)rc,
                  eaphost_error_name(rc), (unsigned)st->rc,
                  eaphost_error_name(st->rc));
}

/* The fixture's statistics (the plugin must be loaded by the host). */
static void fixture_stats(struct fixture_stats *out, bool reset)
{
    char path[PATH_MAX];
    void *h;

    tu_fixture_path(path, sizeof path, plugin_name(cur->reg));
    h = dlopen(path, RTLD_NOW | RTLD_NOLOAD);
    ck_assert_msg(h != NULL, "[%s] %s is not loaded: %s", cur->name, path,
                  dlerror());
    fixture_get_stats_fn get = (fixture_get_stats_fn)dlsym(h,
                                                           "FixtureGetStats");
    fixture_reset_stats_fn rst = (fixture_reset_stats_fn)dlsym(
        h, "FixtureResetStats");
    ck_assert_msg(get != NULL && rst != NULL, "[%s] %s lacks FixtureGetStats "
                  "or FixtureResetStats", cur->name, path);
    if (reset)
        rst();
    get(out);
    dlclose(h);
}

static void write_registry(void)
{
    char plugin[PATH_MAX], json[PATH_MAX * 2], path[PATH_MAX];
    const char *type;

    tu_fixture_path(plugin, sizeof plugin, plugin_name(cur->reg));
    switch (cur->reg) {
    case REG_EXPANDED:
        type = "\"TypeId\": 254, \"VendorId\": 39321, \"VendorType\": 7";
        break;
    case REG_CREDS:
        type = "\"TypeId\": 200, \"PeerInvokeUsernameDialog\": 1, "
               "\"PeerInvokePasswordDialog\": 1";
        break;
    default:
        type = "\"TypeId\": 200";
        break;
    }
    snprintf(json, sizeof json, "{ \"AuthorId\": 77, %s, \"PeerDllPath\": "
             "\"%s\", \"PeerFriendlyName\": \"peer state machine fixture\" "
             "}\n", type, plugin);
    tu_write_file(tmp, "fixture.json", json, path, sizeof path);
    ck_assert_int_eq(chmod(path, 0644), 0);
}

static EAP_METHOD_TYPE case_type(void)
{
    EAP_METHOD_TYPE t;

    memset(&t, 0, sizeof t);
    t.dwAuthorId = 77;
    if (cur->reg == REG_EXPANDED) {
        t.eapType.type = FIXTURE_EXPANDED_TYPE;
        t.eapType.dwVendorId = FIXTURE_VENDOR;
        t.eapType.dwVendorType = FIXTURE_VENDOR_TYPE;
    } else {
        t.eapType.type = FIXTURE_TYPE;
    }
    return t;
}

/* BeginSession failed: say why, registry problems included. */
static void explain_begin_failure(DWORD rc, EAP_ERROR *e)
{
    char *text = e ? root_cause(e) : NULL;
    eaphost_problem *problems = NULL;
    DWORD n = 0;

    fprintf(stderr, "[%s] EapHostPeerBeginSession: 0x%08x (%s): %s\n",
            cur->name, (unsigned)rc, eaphost_error_name(rc),
            text ? text : "(no EAP_ERROR)");
    if (text)
        eaphost_free(text);
    if (e)
        EapHostPeerFreeEapError(e);
    if (eaphost_get_registry_problems(&problems, &n) == ERROR_SUCCESS) {
        for (DWORD i = 0; i < n; i++)
            fprintf(stderr, "  registry: %s: %s\n", problems[i].file,
                    problems[i].reason);
        eaphost_free_registry_problems(problems, n);
    }
}

/* ---- the test --------------------------------------------------------- */

static void setup(void)
{
    tmp[0] = '\0';
    initialized = false;
    session_open = false;
    cur = NULL;
    cur_step = -1;
}

/* Also runs after a failed assertion (CK_FORK=no): leave nothing behind. */
static void teardown(void)
{
    if (session_open) {
        EAP_ERROR *e = NULL;

        EapHostPeerEndSession(sid, &e);
        if (e)
            EapHostPeerFreeEapError(e);
        session_open = false;
    }
    if (initialized) {
        EapHostPeerUninitialize();
        initialized = false;
    }
    eaphost_set_methods_dir(NULL);
    if (tmp[0])
        tu_rmtree(tmp);
    tmp[0] = '\0';
}

START_TEST(test_peer_sm)
{
    const struct pcase *c = &cases[_i];
    struct fixture_stats st;
    eaphost_session_counters n;
    EAP_METHOD_TYPE type;
    EAP_ERROR *e = NULL;
    DWORD rc, user_size = 0, conn_size = 0, size = 0;
    BYTE *data = NULL;
    long live_allocations, live_sessions;

    cur = c;
    tu_mkdtemp(tmp, sizeof tmp);
    write_registry();
    ck_assert_uint_eq(eaphost_set_methods_dir(tmp), ERROR_SUCCESS);
    ck_assert_uint_eq(EapHostPeerInitialize(), ERROR_SUCCESS);
    initialized = true;

    type = case_type();
    if (c->script)
        conn_size = (DWORD)strlen(c->script);
    if (c->user)
        user_size = (DWORD)strlen(c->user) + 1;
    rc = EapHostPeerBeginSession(0, type, NULL, NULL, conn_size,
                                 (const BYTE *)c->script, user_size,
                                 (const BYTE *)c->user, MAX_SEND, NULL, NULL,
                                 NULL, &sid, &e);
    if (rc != ERROR_SUCCESS)
        explain_begin_failure(rc, e);
    ck_assert_msg(rc == ERROR_SUCCESS, "[%s] EapHostPeerBeginSession "
                  "failed with %s", c->name, eaphost_error_name(rc));
    ck_assert_msg(e == NULL, "[%s] BeginSession succeeded with an EAP_ERROR",
                  c->name);
    session_open = true;

    fixture_stats(&st, true);
    live_allocations = st.live_allocations;   /* the method's session too */
    live_sessions = st.live_sessions;

    if (c->identity || c->password)
        ck_assert_uint_eq(eaphost_session_set_credentials(sid, c->identity,
                                                          c->password),
                          ERROR_SUCCESS);
    if (c->plus_one)
        ck_assert_uint_eq(eaphost_session_set_option(
                              sid, EAPHOST_OPTION_ACCEPT_RESULT_ID_PLUS_ONE,
                              1), ERROR_SUCCESS);

    for (cur_step = 0; cur_step < MAX_STEPS; cur_step++) {
        const struct step *s = &c->steps[cur_step];

        if (s->op == OP_END)
            break;
        switch (s->op) {
        case OP_PACKET:
            run_packet(s);
            break;
        case OP_UI:
            run_ui(s);
            break;
        case OP_ATTRS:
            run_attrs(s);
            break;
        case OP_RESULT:
            check_result(s->rc, s->success);
            break;
        case OP_CREDS:
            run_late_credentials(s);
            break;
        case OP_END:
            break;
        }
    }
    cur_step = -1;

    /* Counters. */
    ck_assert_uint_eq(eaphost_session_get_counters(sid, &n), ERROR_SUCCESS);
    ck_assert_msg(n.packets_received == c->counters.packets_received &&
                  n.responses_sent == c->counters.responses_sent &&
                  n.retransmissions == c->counters.retransmissions &&
                  n.remote_invalid_packets ==
                      c->counters.remote_invalid_packets &&
                  n.discarded == c->counters.discarded &&
                  n.notifications == c->counters.notifications &&
                  n.naks_sent == c->counters.naks_sent,
                  "[%s] counters received/sent/retransmitted/invalid/"
                  "discarded/notifications/naks %u/%u/%u/%u/%u/%u/%u, want "
                  "%u/%u/%u/%u/%u/%u/%u", c->name,
                  (unsigned)n.packets_received, (unsigned)n.responses_sent,
                  (unsigned)n.retransmissions,
                  (unsigned)n.remote_invalid_packets, (unsigned)n.discarded,
                  (unsigned)n.notifications, (unsigned)n.naks_sent,
                  (unsigned)c->counters.packets_received,
                  (unsigned)c->counters.responses_sent,
                  (unsigned)c->counters.retransmissions,
                  (unsigned)c->counters.remote_invalid_packets,
                  (unsigned)c->counters.discarded,
                  (unsigned)c->counters.notifications,
                  (unsigned)c->counters.naks_sent);

    /* Auth status. */
    e = NULL;
    rc = EapHostPeerGetAuthStatus(sid, EapHostPeerAuthStatus, &size, &data,
                                  &e);
    check_error("EapHostPeerGetAuthStatus", rc, e, ERROR_SUCCESS, NULL);
    ck_assert_msg(data != NULL && size == sizeof(EAPHOST_AUTH_INFO),
                  "[%s] auth status of %u bytes, want %zu", c->name,
                  (unsigned)size, sizeof(EAPHOST_AUTH_INFO));
    EAPHOST_AUTH_INFO info;
    memcpy(&info, data, sizeof info);
    ck_assert_msg(info.status == c->status, "[%s] auth status %d (%s), want "
                  "%d (%s)", c->name, (int)info.status,
                  status_name(info.status), (int)c->status,
                  status_name(c->status));

    /* What the method saw. */
    fixture_stats(&st, false);
    if (c->check_calls)
        ck_assert_msg(st.process_request == c->calls, "[%s] the method got "
                      "%lu requests, want %lu", c->name, st.process_request,
                      c->calls);
    if (c->reason)
        ck_assert_msg(st.last_result_reason == c->reason, "[%s] the method's "
                      "last EapPeerGetResult reason %d, want %d", c->name,
                      st.last_result_reason, c->reason);
    if (c->seen_password)
        ck_assert_msg(strcmp(st.password, c->seen_password) == 0,
                      "[%s] EapPeerSetCredentials password \"%s\", want "
                      "\"%s\"", c->name, st.password, c->seen_password);
    if (c->seen_identity)
        ck_assert_msg(strcmp(st.identity, c->seen_identity) == 0,
                      "[%s] EapPeerSetCredentials identity \"%s\", want "
                      "\"%s\"", c->name, st.identity, c->seen_identity);
    if (c->reg != REG_CREDS)
        ck_assert_msg(st.set_credentials == 0, "[%s] EapPeerSetCredentials "
                      "called without credential dialogs in the registry",
                      c->name);

    /* End: the method's session and everything it handed out go back. */
    e = NULL;
    session_open = false;
    rc = EapHostPeerEndSession(sid, &e);
    check_error("EapHostPeerEndSession", rc, e, ERROR_SUCCESS, NULL);
    fixture_stats(&st, false);
    ck_assert_msg(st.bad_frees == 0, "[%s] the host freed %lu pointers the "
                  "method never handed out", c->name, st.bad_frees);
    ck_assert_msg(st.live_sessions == live_sessions - 1, "[%s] %ld method "
                  "sessions live after EndSession, want %ld", c->name,
                  st.live_sessions, live_sessions - 1);
    ck_assert_msg(st.live_allocations == live_allocations - 1, "[%s] the "
                  "method holds %ld allocations after EndSession, want %ld",
                  c->name, st.live_allocations, live_allocations - 1);

    EapHostPeerUninitialize();
    initialized = false;
}
END_TEST

static Suite *peer_sm_suite(void)
{
    Suite *s = suite_create("peer_sm");
    TCase *tc = tcase_create("table");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_peer_sm, 0, NCASES);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(peer_sm_suite());
}
