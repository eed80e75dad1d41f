/*
 * loopback.c - a peer session against an authenticator session of the
 * same method, packets passed in memory (eaphost_loopback_run).
 *
 * Both sides go through their public APIs (EapHostPeer* and eaphost_auth_*),
 * so a loopback exercises exactly what a supplicant and an authenticator
 * would.  The run records every packet, each side's outcome and MSK, and
 * the first error; it never waits for a timeout: where a real side would
 * (a packet discarded, nothing left to send), it stops with ERROR_TIMEOUT.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#define LOOPBACK_DEFAULT_MAX_SEND 1020u
#define LOOPBACK_DEFAULT_ROUNDS 50u
/* What both sides accept as their maximum send size. */
#define LOOPBACK_MIN_SEND 20u

struct run {
    const eaphost_loopback_config *cfg;
    eaphost_loopback_result *res;
    DWORD max_send;
    DWORD max_rounds;
    EAP_SESSIONID peer_id;          /* 0: none */
    EAP_SESSIONID auth_id;          /* 0: none */
    DWORD rc;                       /* first error of the run */
    const char *rc_side;            /* whose, or NULL for the run's own */
    bool oom;                       /* ran out of memory somewhere */
};

/* Remember the first error of the run, and whose it is. */
static void note_rc(struct run *r, DWORD rc, const char *side)
{
    if (rc == ERROR_NOT_ENOUGH_MEMORY)
        r->oom = true;
    if (r->rc == ERROR_SUCCESS) {
        r->rc = rc;
        r->rc_side = side;
    }
}

/* The root cause of @e as a new UTF-8 string, or NULL. */
static char *error_text(const EAP_ERROR *e)
{
    if (!e || !e->pRootCauseString || !e->pRootCauseString[0])
        return NULL;
    return eh_utf16_to_utf8_dup(e->pRootCauseString);
}

/* A call of one side failed with @rc and @e (freed here). */
static void side_error(struct run *r, eaphost_loopback_side *side, DWORD rc,
                       EAP_ERROR *e, const char *call)
{
    note_rc(r, rc, side == &r->res->peer ? "peer" : "authenticator");
    if (side->rc == ERROR_SUCCESS) {
        char buf[160];

        side->rc = rc;
        side->error_text = error_text(e);
        if (!side->error_text) {
            snprintf(buf, sizeof buf, "%s failed with 0x%08X (%s)", call,
                     (unsigned)rc, eaphost_error_name(rc));
            side->error_text = eh_strdup(buf);
        }
        if (!side->error_text)
            r->oom = true;
    }
    EapHostPeerFreeEapError(e);
}

/* The run as a whole stopped: @rc and why. */
static void run_error(struct run *r, DWORD rc, const char *fmt, ...)
    EH_PRINTF(3, 4);
static void run_error(struct run *r, DWORD rc, const char *fmt, ...)
{
    char buf[256];
    va_list ap;

    note_rc(r, rc, NULL);
    if (r->res->error_text)
        return;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    r->res->error_text = eh_strdup(buf);
    if (!r->res->error_text)
        r->oom = true;
}

/* Append one packet to the transcript. */
static bool record(struct run *r, eaphost_loopback_direction dir,
                   const BYTE *p, DWORD n)
{
    eaphost_loopback_result *res = r->res;
    eaphost_loopback_packet *grown;
    BYTE *copy = eh_malloc(n);

    grown = copy ? eh_realloc(res->packets,
                              (res->packet_count + 1) * sizeof *grown) : NULL;
    if (!grown) {
        eh_free(copy);
        r->oom = true;
        note_rc(r, ERROR_NOT_ENOUGH_MEMORY, NULL);
        return false;
    }
    memcpy(copy, p, n);
    res->packets = grown;
    res->packets[res->packet_count].direction = dir;
    res->packets[res->packet_count].size = n;
    res->packets[res->packet_count].bytes = copy;
    res->packet_count++;
    return true;
}

static DWORD begin_sessions(struct run *r)
{
    const eaphost_loopback_config *cfg = r->cfg;
    EAP_ERROR *e = NULL;
    EAP_SESSIONID id = 0;
    DWORD rc;

    rc = eaphost_auth_begin(cfg->type, cfg->user_db, r->max_send, &id, &e);
    if (rc != ERROR_SUCCESS) {
        side_error(r, &r->res->authenticator, rc, e, "eaphost_auth_begin");
        return rc;
    }
    r->auth_id = id;
    rc = EapHostPeerBeginSession(cfg->peer_flags, cfg->type, NULL, NULL,
                                 cfg->peer_connection_data_size,
                                 cfg->peer_connection_data,
                                 cfg->peer_user_data_size, cfg->peer_user_data,
                                 r->max_send, NULL, NULL, NULL, &id, &e);
    if (rc != ERROR_SUCCESS) {
        side_error(r, &r->res->peer, rc, e, "EapHostPeerBeginSession");
        return rc;
    }
    r->peer_id = id;
    rc = eaphost_session_set_credentials(r->peer_id, cfg->identity,
                                         cfg->password);
    if (rc != ERROR_SUCCESS)
        side_error(r, &r->res->peer, rc, NULL,
                   "eaphost_session_set_credentials");
    return rc;
}

static const char *peer_action_name(EapHostPeerResponseAction a)
{
    switch (a) {
    case EapHostPeerResponseInvokeUi:
        return "its UI (InvokeUi)";
    case EapHostPeerResponseRespond:
        return "attributes (Respond)";
    case EapHostPeerResponseStartAuthentication:
        return "a new authentication (StartAuthentication)";
    default:
        return "nothing to do (None)";
    }
}

/*
 * The authenticator's answer to the peer's Response @resp: the next packet
 * for the peer in *@pkt (host-owned by the authenticator session), *@final
 * when it is Success or Failure.  False when the run stops here.
 */
static bool authenticator_turn(struct run *r, const BYTE *resp, DWORD n,
                               BYTE **pkt, DWORD *size, bool *final)
{
    eaphost_auth_action act;
    EAP_ERROR *e = NULL;
    DWORD rc;

    rc = eaphost_auth_receive(r->auth_id, resp, n, &act, &e);
    if (rc != ERROR_SUCCESS) {
        side_error(r, &r->res->authenticator, rc, e, "eaphost_auth_receive");
        /* A failed session still tells the peer so. */
        if (act != EAPHOST_AUTH_FAILURE)
            return false;
    }
    if (act == EAPHOST_AUTH_DISCARD) {
        run_error(r, ERROR_TIMEOUT, "the exchange stalled: the authenticator "
                  "discarded the peer's Response");
        return false;
    }
    if (act == EAPHOST_AUTH_SEND && r->res->rounds >= r->max_rounds) {
        run_error(r, ERROR_TIMEOUT, "no outcome within %u rounds (Requests "
                  "of the authenticator)", (unsigned)r->max_rounds);
        return false;
    }
    rc = eaphost_auth_get_packet(r->auth_id, pkt, size, &e);
    if (rc != ERROR_SUCCESS) {
        side_error(r, &r->res->authenticator, rc, e,
                   "eaphost_auth_get_packet");
        return false;
    }
    if (act == EAPHOST_AUTH_SEND)
        r->res->rounds++;
    *final = act != EAPHOST_AUTH_SEND;
    return record(r, EAPHOST_LOOPBACK_TO_PEER, *pkt, *size);
}

/* Packets back and forth until the peer has taken the final packet. */
static void exchange(struct run *r)
{
    EapHostPeerResponseAction pa;
    EAP_ERROR *e = NULL;
    bool final = false;
    BYTE *pkt, *resp;
    DWORD size, n, rc;

    rc = eaphost_auth_start(r->auth_id, &pkt, &size, &e);
    if (rc != ERROR_SUCCESS) {
        side_error(r, &r->res->authenticator, rc, e, "eaphost_auth_start");
        return;
    }
    r->res->rounds = 1;
    if (!record(r, EAPHOST_LOOPBACK_TO_PEER, pkt, size))
        return;
    for (;;) {
        rc = EapHostPeerProcessReceivedPacket(r->peer_id, size, pkt, &pa, &e);
        if (rc != ERROR_SUCCESS) {
            side_error(r, &r->res->peer, rc, e,
                       "EapHostPeerProcessReceivedPacket");
            return;
        }
        if (final) {
            if (pa != EapHostPeerResponseResult)
                run_error(r, ERROR_TIMEOUT, "the exchange stalled: the peer "
                          "did not take the authenticator's %s",
                          pkt[0] == EapCodeSuccess ? "EAP-Success"
                                                   : "EAP-Failure");
            return;
        }
        switch (pa) {
        case EapHostPeerResponseSend:
            break;
        case EapHostPeerResponseDiscard:
            run_error(r, ERROR_TIMEOUT, "the exchange stalled: the peer "
                      "discarded the authenticator's Request");
            return;
        case EapHostPeerResponseResult:
            run_error(r, ERROR_TIMEOUT, "the exchange stalled: the peer "
                      "reached its result before the authenticator decided");
            return;
        default:
            run_error(r, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
                      "the peer asks for %s, which the loopback cannot "
                      "supply", peer_action_name(pa));
            return;
        }
        rc = EapHostPeerGetSendPacket(r->peer_id, &n, &resp, &e);
        if (rc != ERROR_SUCCESS) {
            side_error(r, &r->res->peer, rc, e, "EapHostPeerGetSendPacket");
            return;
        }
        if (!record(r, EAPHOST_LOOPBACK_TO_AUTHENTICATOR, resp, n) ||
            !authenticator_turn(r, resp, n, &pkt, &size, &final))
            return;
    }
}

/* The MSK of a side from its result's attributes. */
static void side_keys(eaphost_loopback_side *side, const EapAttributes *attrs,
                      BOOL peer_view)
{
    if (attrs && eaphost_msk_from_attributes(attrs, peer_view, side->msk,
                                             &side->msk_len) == ERROR_SUCCESS)
        side->keys_present = TRUE;
}

static void peer_result(struct run *r)
{
    eaphost_loopback_side *side = &r->res->peer;
    EapHostPeerMethodResult pr;
    EAP_ERROR *e = NULL;
    DWORD rc;

    rc = EapHostPeerGetResult(r->peer_id, EapHostPeerMethodResultFromMethod,
                              &pr, &e);
    if (rc != ERROR_SUCCESS) {
        side_error(r, side, rc, e, "EapHostPeerGetResult");
        return;
    }
    side->result_known = TRUE;
    side->success = pr.fIsSuccess ? TRUE : FALSE;
    side->failure_reason = pr.fIsSuccess ? ERROR_SUCCESS
                                         : pr.dwFailureReasonCode;
    side_keys(side, pr.pAttribArray, TRUE);
    EapHostPeerFreeEapError(pr.pEapError);
}

static void authenticator_result(struct run *r)
{
    eaphost_loopback_side *side = &r->res->authenticator;
    eaphost_auth_result ar;
    EAP_ERROR *e = NULL;
    DWORD rc;

    rc = eaphost_auth_get_result(r->auth_id, &ar, &e);
    if (rc != ERROR_SUCCESS) {
        side_error(r, side, rc, e, "eaphost_auth_get_result");
        return;
    }
    side->result_known = TRUE;
    side->success = ar.success;
    side->failure_reason = ar.failure_reason;
    side_keys(side, &ar.attributes, FALSE);
}

/* Both results (when there are sessions), then both sessions end. */
static void finish(struct run *r)
{
    eaphost_loopback_result *res = r->res;
    EAP_ERROR *e = NULL;
    DWORD rc;

    if (r->peer_id)
        peer_result(r);
    if (r->auth_id)
        authenticator_result(r);
    res->keys_equal = res->peer.keys_present &&
                      res->authenticator.keys_present &&
                      memcmp(res->peer.msk, res->authenticator.msk,
                             EAPHOST_MSK_LEN) == 0;
    if (r->peer_id &&
        (rc = EapHostPeerEndSession(r->peer_id, &e)) != ERROR_SUCCESS)
        side_error(r, &res->peer, rc, e, "EapHostPeerEndSession");
    if (r->auth_id &&
        (rc = eaphost_auth_end(r->auth_id, &e)) != ERROR_SUCCESS)
        side_error(r, &res->authenticator, rc, e, "eaphost_auth_end");
}

DWORD eaphost_loopback_run(const eaphost_loopback_config *cfg,
                           eaphost_loopback_result **out)
{
    struct run r;

    if (out)
        *out = NULL;
    if (!cfg || !out || !cfg->identity || !cfg->user_db ||
        (cfg->max_send && cfg->max_send < LOOPBACK_MIN_SEND) ||
        (cfg->peer_connection_data_size && !cfg->peer_connection_data) ||
        (cfg->peer_user_data_size && !cfg->peer_user_data))
        return ERROR_INVALID_PARAMETER;
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    memset(&r, 0, sizeof r);
    r.cfg = cfg;
    r.max_send = cfg->max_send ? cfg->max_send : LOOPBACK_DEFAULT_MAX_SEND;
    r.max_rounds = cfg->max_rounds ? cfg->max_rounds
                                   : LOOPBACK_DEFAULT_ROUNDS;
    r.res = eh_calloc(1, sizeof *r.res);
    if (!r.res)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (begin_sessions(&r) == ERROR_SUCCESS)
        exchange(&r);
    finish(&r);
    if (r.oom) {
        eaphost_loopback_free(r.res);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    if (r.rc != ERROR_SUCCESS && !r.res->error_text && r.rc_side) {
        /* A side's error stopped the run: say whose. */
        const eaphost_loopback_side *side =
            strcmp(r.rc_side, "peer") == 0 ? &r.res->peer
                                           : &r.res->authenticator;
        run_error(&r, r.rc, "%s: %s", r.rc_side,
                  side->error_text ? side->error_text : "failed");
        if (r.oom) {
            eaphost_loopback_free(r.res);
            return ERROR_NOT_ENOUGH_MEMORY;
        }
    }
    *out = r.res;
    return r.rc;
}

static void free_side(eaphost_loopback_side *side)
{
    eh_free(side->error_text);
    eh_wipe(side->msk, sizeof side->msk);
}

void eaphost_loopback_free(eaphost_loopback_result *result)
{
    if (!result)
        return;
    free_side(&result->peer);
    free_side(&result->authenticator);
    for (DWORD i = 0; i < result->packet_count; i++)
        eh_free_secret(result->packets[i].bytes, result->packets[i].size);
    eh_free(result->packets);
    eh_free(result->error_text);
    eh_free(result);
}
