/*
 * radius_auth.c - the driver of the RADIUS transport: a libeaphost peer
 * session (the EapHostPeer* API) on one side, a RADIUS server on the
 * other, EAP packets carried between them (RFC 3579).
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <eappapis.h>
#include <eaphost/eaphost.h>

#include "radius_auth.h"
#include "radius_keys.h"

#define EAP_REQUEST 1u
#define EAP_RESPONSE 2u
#define EAP_TYPE_IDENTITY 1u

/* Everything one run holds (on the heap: the packets are 4 KiB each). */
struct run {
    const struct radius_auth_config *cfg;
    struct radius_auth_result *res;
    EAP_SESSIONID session;
    struct radius_client *client;
    struct radius_request request;
    struct radius_reply reply;
    uint8_t eap_in[RADIUS_MAX_PACKET];   /* to the peer */
    size_t eap_in_len;
    uint8_t eap_out[RADIUS_MAX_PACKET];  /* from the peer */
    size_t eap_out_len;
    uint8_t user_name[RADIUS_MAX_VALUE];
    size_t user_name_len;
    uint8_t state[RADIUS_MAX_VALUE];
    size_t state_len;                    /* 0: no State to echo */
    uint8_t nas_addr[16];
    size_t nas_addr_len;                 /* 4, 16, or 0 */
};

static enum radius_auth_outcome end(struct run *r,
                                    enum radius_auth_outcome outcome,
                                    DWORD code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static enum radius_auth_outcome end(struct run *r,
                                    enum radius_auth_outcome outcome,
                                    DWORD code, const char *fmt, ...)
{
    va_list ap;

    r->res->outcome = outcome;
    r->res->code = code;
    va_start(ap, fmt);
    vsnprintf(r->res->reason, sizeof r->res->reason, fmt, ap);
    va_end(ap);
    return outcome;
}

/* The root cause of @e in UTF-8 into @buf ("" when none); frees @e. */
static const char *take_error(EAP_ERROR *e, char *buf, size_t n)
{
    char *text = NULL;

    buf[0] = '\0';
    if (e && e->pRootCauseString &&
        eaphost_utf16_to_utf8(e->pRootCauseString, (size_t)-1, &text,
                              NULL) == ERROR_SUCCESS && text)
        snprintf(buf, n, ": %s", text);
    eaphost_free(text);
    EapHostPeerFreeEapError(e);
    return buf;
}

/* ---- the peer side ------------------------------------------------------ */

/* Hand eap_in to the peer; on Send, its Response lands in eap_out. */
static bool peer_step(struct run *r, EapHostPeerResponseAction *action)
{
    EAP_ERROR *err = NULL;
    BYTE *out = NULL;
    DWORD rc, len = 0;
    char why[200];

    *action = EapHostPeerResponseDiscard;
    r->res->packets++;
    rc = EapHostPeerProcessReceivedPacket(r->session, (DWORD)r->eap_in_len,
                                          r->eap_in, action, &err);
    take_error(err, why, sizeof why);
    if (rc != ERROR_SUCCESS) {
        end(r, RADIUS_AUTH_ERROR, rc, "EapHostPeerProcessReceivedPacket: "
            "%s%s", eaphost_error_name(rc), why);
        return false;
    }
    if (*action != EapHostPeerResponseSend)
        return true;
    err = NULL;
    rc = EapHostPeerGetSendPacket(r->session, &len, &out, &err);
    take_error(err, why, sizeof why);
    if (rc != ERROR_SUCCESS || !out || len > sizeof r->eap_out) {
        end(r, RADIUS_AUTH_ERROR, rc ? rc : ERROR_INVALID_DATA,
            "EapHostPeerGetSendPacket: %s%s",
            rc != ERROR_SUCCESS ? eaphost_error_name(rc)
                                : "a packet larger than 4096 bytes", why);
        return false;
    }
    memcpy(r->eap_out, out, len);
    r->eap_out_len = len;
    r->res->packets++;
    return true;
}

/* The Response/Identity names the user (RFC 3579 §2.1: User-Name). */
static bool take_identity(struct run *r)
{
    const uint8_t *p = r->eap_out;
    size_t n = r->eap_out_len;

    if (r->user_name_len || n < 5 || p[0] != EAP_RESPONSE ||
        p[4] != EAP_TYPE_IDENTITY)
        return true;
    if (n - 5 > RADIUS_MAX_VALUE) {
        end(r, RADIUS_AUTH_ERROR, ERROR_INVALID_DATA, "the identity is %zu "
            "bytes; User-Name holds at most %u (RFC 2865, 5.1)", n - 5,
            RADIUS_MAX_VALUE);
        return false;
    }
    memcpy(r->user_name, p + 5, n - 5);
    r->user_name_len = n - 5;
    return true;
}

/* Why the peer did not answer with a packet. */
static enum radius_auth_outcome peer_did_not_send(struct run *r,
                                                  EapHostPeerResponseAction a)
{
    eaphost_session_counters k;

    if (a == EapHostPeerResponseDiscard) {
        memset(&k, 0, sizeof k);
        eaphost_session_get_counters(r->session, &k);
        if (!k.last_discard_code)
            k.last_discard_code = EAP_E_EAPHOST_REMOTE_INVALID_PACKET;
        return end(r, RADIUS_AUTH_ERROR, k.last_discard_code,
                   "the peer discarded the server's EAP packet (%s); the "
                   "conversation cannot go on",
                   eaphost_error_name(k.last_discard_code));
    }
    return end(r, RADIUS_AUTH_ERROR, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
               "the peer asked for action %d (UI, attributes or a new "
               "session), which this transport does not offer", (int)a);
}

/* ---- the RADIUS side ----------------------------------------------------- */

/* Did the attribute @name go in?  If not, the run ends. */
static bool added(struct run *r, enum radius_build_status st,
                  const char *name)
{
    if (st == RADIUS_BUILD_OK)
        return true;
    end(r, RADIUS_AUTH_ERROR, ERROR_INVALID_DATA, "%s: %s", name,
        st == RADIUS_BUILD_BAD_VALUE ? "empty or longer than 253 bytes"
                                     : "the Access-Request would pass 4096 "
                                       "bytes");
    return false;
}

/* The Access-Request for the peer's packet in eap_out. */
static bool build_request(struct run *r)
{
    const struct radius_auth_config *c = r->cfg;
    struct radius_request *q = &r->request;
    const char *nas_id = c->nas_identifier;
    const char *csid = c->calling_station_id;

    if (!nas_id && !r->nas_addr_len)
        nas_id = RADIUS_AUTH_DEFAULT_NAS_IDENTIFIER;
    if (!radius_client_new_request(r->client, q)) {
        end(r, RADIUS_AUTH_ERROR, ERROR_GEN_FAILURE, "the system's random "
            "source failed");
        return false;
    }
    return (!r->user_name_len ||
            added(r, radius_request_add(q, RADIUS_USER_NAME, r->user_name,
                                        r->user_name_len), "User-Name")) &&
           (!r->nas_addr_len ||
            added(r, radius_request_add(q, r->nas_addr_len == 4
                                               ? RADIUS_NAS_IP_ADDRESS
                                               : RADIUS_NAS_IPV6_ADDRESS,
                                        r->nas_addr, r->nas_addr_len),
                  "NAS address")) &&
           (!nas_id ||
            added(r, radius_request_add(q, RADIUS_NAS_IDENTIFIER, nas_id,
                                        strlen(nas_id)), "NAS-Identifier")) &&
           (!csid ||
            added(r, radius_request_add(q, RADIUS_CALLING_STATION_ID, csid,
                                        strlen(csid)), "Calling-Station-Id")) &&
           added(r, radius_request_add_u32(q, RADIUS_FRAMED_MTU,
                                           c->framed_mtu ? c->framed_mtu
                                           : RADIUS_AUTH_DEFAULT_MAX_SEND),
                 "Framed-MTU") &&
           (!r->state_len ||
            added(r, radius_request_add(q, RADIUS_STATE, r->state,
                                        r->state_len), "State")) &&
           added(r, radius_request_add_eap(q, r->eap_out, r->eap_out_len),
                 "EAP-Message (the peer's EAP packet)");
}

/* Send the request, wait for an acceptable reply. */
static bool exchange(struct run *r)
{
    char why[200];

    switch (radius_client_exchange(r->client, &r->request, &r->reply, why,
                                   sizeof why)) {
    case RADIUS_EXCHANGE_OK:
        return true;
    case RADIUS_EXCHANGE_TIMEOUT:
    case RADIUS_EXCHANGE_DEADLINE:
        end(r, RADIUS_AUTH_NO_REPLY, ERROR_TIMEOUT, "%s", why);
        return false;
    case RADIUS_EXCHANGE_ERROR:
        break;
    }
    end(r, RADIUS_AUTH_ERROR, ERROR_GEN_FAILURE, "%s", why);
    return false;
}

/* An Access-Challenge: its State and EAP-Request become the next round's. */
static void take_challenge(struct run *r)
{
    const struct radius_reply *p = &r->reply;

    r->state_len = p->has_state ? p->state_len : 0;
    if (p->has_state)
        memcpy(r->state, p->packet + p->state_offset, p->state_len);
    else
        radius_client_counters(r->client)->challenges_without_state++;
    memcpy(r->eap_in, p->eap, p->eap_len);
    r->eap_in_len = p->eap_len;
}

/* The first Reply-Message of the reply, printable, into @buf. */
static const char *reply_message(const struct radius_reply *p, char *buf,
                                 size_t n)
{
    struct radius_attr a;
    size_t pos = 0, i, k = 0;

    buf[0] = '\0';
    while (radius_reply_next_attr(p, &pos, &a)) {
        if (a.type != RADIUS_REPLY_MESSAGE)
            continue;
        k = (size_t)snprintf(buf, n, " (Reply-Message: \"");
        for (i = 0; i < a.value_len && k + 3 < n; i++)
            buf[k++] = a.value[i] >= 0x20 && a.value[i] < 0x7f
                           ? (char)a.value[i] : '?';
        snprintf(buf + k, n - k, "\")");
        break;
    }
    return buf;
}

/* ---- the end: Accept or Reject ------------------------------------------- */

/* The peer's result; false (the run ended) when the call failed. */
static bool peer_result(struct run *r, EapHostPeerMethodResultReason reason,
                        EapHostPeerMethodResult *pr, char *why, size_t n)
{
    EAP_ERROR *err = NULL;
    char call[200];
    DWORD rc;

    memset(pr, 0, sizeof *pr);
    rc = EapHostPeerGetResult(r->session, reason, pr, &err);
    take_error(err, call, sizeof call);
    take_error(pr->pEapError, why, n);
    pr->pEapError = NULL;
    if (rc == ERROR_SUCCESS)
        return true;
    end(r, RADIUS_AUTH_ERROR, rc, "EapHostPeerGetResult: %s%s",
        eaphost_error_name(rc), call);
    return false;
}

static DWORD reason_or(DWORD code)
{
    return code ? code : EAP_E_AUTHENTICATION_FAILED;
}

/* Access-Accept or Access-Reject: the peer's EAP-Success or -Failure, its
 * result and, on an Accept, the key check. */
static enum radius_auth_outcome finish(struct run *r)
{
    bool accept = r->reply.code == RADIUS_ACCESS_ACCEPT;
    EapHostPeerResponseAction action = EapHostPeerResponseResult;
    EapHostPeerMethodResultReason reason = EapHostPeerMethodResultFromMethod;
    EapHostPeerMethodResult pr;
    char why[200], msg[200];
    const uint8_t *secret;
    size_t secret_len;

    reply_message(&r->reply, msg, sizeof msg);
    if (r->reply.has_eap) {
        memcpy(r->eap_in, r->reply.eap, r->reply.eap_len);
        r->eap_in_len = r->reply.eap_len;
        if (!peer_step(r, &action))
            return r->res->outcome;
    } else if (accept) {
        /* No EAP-Success: the Accept itself tells the peer (RFC 3748 §7.16
         * "alternate indication of success"). */
        reason = EapHostPeerMethodResultAltSuccessReceived;
    }
    if (!accept && action != EapHostPeerResponseResult)
        return end(r, RADIUS_AUTH_REJECTED, EAP_E_AUTHENTICATION_FAILED,
                   "the server sent Access-Reject%s", msg);
    if (action != EapHostPeerResponseResult)
        return end(r, RADIUS_AUTH_PEER_FAILED, EAP_E_AUTHENTICATION_FAILED,
                   "the server sent Access-Accept, the peer discarded its "
                   "EAP-Success");
    if (!peer_result(r, reason, &pr, why, sizeof why))
        return r->res->outcome;
    if (!accept)
        return end(r, RADIUS_AUTH_REJECTED,
                   reason_or(pr.fIsSuccess ? 0 : pr.dwFailureReasonCode),
                   "the server sent Access-Reject%s%s", msg, why);
    secret = radius_client_secret(r->client, &secret_len);
    radius_check_keys(pr.pAttribArray, &r->reply, &r->request, secret,
                      secret_len, r->res);
    if (!pr.fIsSuccess)
        return end(r, RADIUS_AUTH_PEER_FAILED,
                   reason_or(pr.dwFailureReasonCode),
                   "the server sent Access-Accept, the peer's method "
                   "reports failure%s", why);
    return end(r, RADIUS_AUTH_SUCCESS, ERROR_SUCCESS, "%s", "");
}

/* ---- the conversation ------------------------------------------------------ */

/* Rounds until Access-Accept or -Reject. */
static enum radius_auth_outcome converse(struct run *r)
{
    unsigned max = r->cfg->max_rounds ? r->cfg->max_rounds
                                      : RADIUS_AUTH_DEFAULT_MAX_ROUNDS;
    EapHostPeerResponseAction action;
    uint8_t id;

    /* The authenticator opens with EAP-Request/Identity (RFC 3748 §5.1). */
    if (!radius_random(&id, 1))
        return end(r, RADIUS_AUTH_ERROR, ERROR_GEN_FAILURE, "the system's "
                   "random source failed");
    r->eap_in[0] = EAP_REQUEST;
    r->eap_in[1] = id;
    r->eap_in[2] = 0;
    r->eap_in[3] = 5;
    r->eap_in[4] = EAP_TYPE_IDENTITY;
    r->eap_in_len = 5;
    for (;;) {
        if (!peer_step(r, &action))
            return r->res->outcome;
        if (action != EapHostPeerResponseSend)
            return peer_did_not_send(r, action);
        if (!take_identity(r) || !build_request(r) || !exchange(r))
            return r->res->outcome;
        if (r->reply.code != RADIUS_ACCESS_CHALLENGE)
            return finish(r);
        if (++r->res->challenges > max)
            return end(r, RADIUS_AUTH_ERROR, ERROR_INVALID_STATE, "more than "
                       "%u Access-Challenges; giving up", max);
        take_challenge(r);
    }
}

/* The NAS address of the configuration, if any. */
static bool parse_nas_address(struct run *r)
{
    const char *s = r->cfg->nas_ip_address;

    if (!s)
        return true;
    if (inet_pton(AF_INET, s, r->nas_addr) == 1)
        r->nas_addr_len = 4;
    else if (inet_pton(AF_INET6, s, r->nas_addr) == 1)
        r->nas_addr_len = 16;
    else
        end(r, RADIUS_AUTH_ERROR, ERROR_INVALID_PARAMETER, "NAS address "
            "'%s' is not an IPv4 or IPv6 address", s);
    return r->nas_addr_len != 0;
}

/* Check the configuration and open the client; false: the run ended. */
static bool setup(struct run *r)
{
    const struct radius_auth_config *cfg = r->cfg;
    char why[200];

    if (cfg->framed_mtu && (cfg->framed_mtu < 64 || cfg->framed_mtu > 65535)) {
        end(r, RADIUS_AUTH_ERROR, ERROR_INVALID_PARAMETER, "Framed-MTU %u "
            "is not from 64 to 65535", cfg->framed_mtu);
        return false;
    }
    if (!parse_nas_address(r))
        return false;
    if (!radius_client_open(&cfg->client, &r->client, why, sizeof why)) {
        end(r, RADIUS_AUTH_ERROR, ERROR_INVALID_PARAMETER, "%s", why);
        return false;
    }
    return true;
}

enum radius_auth_outcome radius_auth_run(EAP_SESSIONID session,
                                         const struct radius_auth_config *cfg,
                                         struct radius_auth_result *res)
{
    struct run *r;

    memset(res, 0, sizeof *res);
    r = calloc(1, sizeof *r);
    if (!r) {
        res->outcome = RADIUS_AUTH_ERROR;
        res->code = ERROR_NOT_ENOUGH_MEMORY;
        snprintf(res->reason, sizeof res->reason, "out of memory");
        return res->outcome;
    }
    r->cfg = cfg;
    r->res = res;
    r->session = session;
    if (setup(r))
        converse(r);
    if (r->client) {
        res->counters = *radius_client_counters(r->client);
        snprintf(res->last_drop, sizeof res->last_drop, "%s",
                 radius_client_last_drop(r->client));
        snprintf(res->server, sizeof res->server, "%s",
                 radius_client_server(r->client));
    }
    radius_client_close(r->client);
    memset(r, 0, sizeof *r);   /* packets may hold key material */
    free(r);
    return res->outcome;
}

const char *radius_auth_outcome_name(enum radius_auth_outcome outcome)
{
    switch (outcome) {
    case RADIUS_AUTH_SUCCESS:
        return "SUCCESS";
    case RADIUS_AUTH_REJECTED:
        return "REJECTED";
    case RADIUS_AUTH_PEER_FAILED:
        return "PEER_FAILED";
    case RADIUS_AUTH_NO_REPLY:
        return "NO_REPLY";
    case RADIUS_AUTH_ERROR:
        break;
    }
    return "ERROR";
}
