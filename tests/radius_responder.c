/*
 * radius_responder.c - the scripted RADIUS server of the RADIUS
 * transport's tests: a thread answering on 127.0.0.1, libeaphost's
 * authenticator host behind it, one reply broken on purpose as the script
 * says (radius_responder.h).
 */
#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <eaphost/authenticator.h>

#include "radius_responder.h"

struct responder {
    struct responder_config cfg;
    char *identity, *password, *secret;
    int fd, other_fd, stop[2];
    unsigned port;
    pthread_t thread;
    bool running;                  /* the thread was started */
    eaphost_user_db *db;
    EAP_SESSIONID auth;            /* 0: none running */
    uint8_t state[8];
    bool state_sent;               /* the last Challenge had State */
    unsigned state_counter;
    uint8_t last_req[4096];        /* for retransmissions */
    size_t last_req_len;
    struct wire last_reply;        /* what a retransmission gets again */
    size_t last_reply_size;        /* its datagram's size */
    int last_reply_fd;             /* and from which socket */
    bool broken_done;
    struct responder_stats stats;
};

static const char *const script_names[RS_SCRIPT_COUNT] = {
    "normal", "silent", "truncated", "length-past-end", "oversized",
    "wrong-id", "bad-code", "attr-short", "attr-past-end",
    "wrong-response-auth", "no-message-auth", "wrong-message-auth",
    "two-message-auth", "other-port", "eap-length", "eap-code",
    "eap-missing", "eap-split", "no-state", "ma-last", "key-flipped",
    "key-missing", "key-malformed",
};

bool responder_script_by_name(const char *name, enum responder_script *out)
{
    int i;

    for (i = 0; i < RS_SCRIPT_COUNT; i++) {
        if (strcmp(name, script_names[i]) == 0) {
            *out = (enum responder_script)i;
            return true;
        }
    }
    return false;
}

/* ---- what a request says ---------------------------------------------- */

struct request_info {
    uint8_t eap[4096];
    size_t eap_len;
    const uint8_t *state;
    size_t state_len;
};

static void copy_text(char *dst, const uint8_t *v, size_t n)
{
    memcpy(dst, v, n);
    dst[n] = '\0';
}

static void read_request(struct responder *r, const uint8_t *p, size_t n,
                         struct request_info *q)
{
    struct responder_stats *s = &r->stats;
    unsigned pieces = 0;
    size_t pos = 20;

    memset(q, 0, sizeof *q);
    s->user_name[0] = s->nas_identifier[0] = s->calling_station_id[0] = 0;
    s->nas_ip_len = 0;
    s->framed_mtu = 0;
    while (pos + 2 <= n && p[pos + 1] >= 2 && pos + p[pos + 1] <= n) {
        const uint8_t *v = p + pos + 2;
        size_t len = p[pos + 1] - 2u;

        switch (p[pos]) {
        case 1: copy_text(s->user_name, v, len); break;
        case 32: copy_text(s->nas_identifier, v, len); break;
        case 31: copy_text(s->calling_station_id, v, len); break;
        case 4: case 95:
            memcpy(s->nas_ip, v, len <= 16 ? len : 16);
            s->nas_ip_len = len;
            break;
        case 12:
            if (len == 4)
                s->framed_mtu = ((uint32_t)v[0] << 24) |
                                ((uint32_t)v[1] << 16) | (v[2] << 8) | v[3];
            break;
        case 24: q->state = v; q->state_len = len; break;
        case 79:
            memcpy(q->eap + q->eap_len, v, len);
            q->eap_len += len;
            pieces++;
            break;
        default: break;
        }
        pos += p[pos + 1];
    }
    if (pieces > s->eap_pieces_max)
        s->eap_pieces_max = pieces;
}

/* ---- replies ----------------------------------------------------------- */

/* Does the script break (or shape) this reply? */
static bool script_applies(struct responder *r, bool final)
{
    switch (r->cfg.script) {
    case RS_NORMAL:
    case RS_SILENT:
        return false;
    case RS_NO_STATE:
        return !final;
    case RS_MA_LAST:
        return true;
    case RS_KEY_FLIPPED:
    case RS_KEY_MISSING:
    case RS_KEY_MALFORMED:
        return final;
    default:
        return !r->broken_done && final == r->cfg.on_final;
    }
}

/* Is the script's reply the only one (no right reply after it)? */
static bool script_replaces(const struct responder *r)
{
    return r->cfg.no_repair || r->cfg.script == RS_NO_STATE ||
           r->cfg.script == RS_MA_LAST || r->cfg.script >= RS_KEY_FLIPPED;
}

/* The MPPE keys of the authenticator's result, encrypted into @w. */
static void add_keys(struct responder *r, struct wire *w,
                     const eaphost_auth_result *res,
                     const uint8_t *req_auth, enum responder_script how)
{
    DWORD i;

    if (how == RS_KEY_MISSING)
        return;
    for (i = 0; i < res->attributes.dwNumberOfAttributes; i++) {
        const EAP_ATTRIBUTE *a = &res->attributes.pAttribs[i];
        const uint8_t *v = a->pValue;
        uint8_t key[64];
        size_t n;

        if (a->eaType != eatVendorSpecific || a->dwLength < 9 ||
            memcmp(v, "\0\0\x01\x37", 4) != 0 || (v[4] != 16 && v[4] != 17) ||
            v[8] > sizeof key || 9u + v[8] > a->dwLength)
            continue;
        n = v[8];
        memcpy(key, v + 9, n);
        if (how == RS_KEY_FLIPPED && v[4] == 17)
            key[0] ^= 0x01;
        wire_mppe_key(w, v[4], key, n, req_auth, r->secret,
                      how == RS_KEY_MALFORMED && v[4] == 17 ? 1 : 0);
    }
}

/* Build a reply: right, or shaped by @how. */
static void build(struct responder *r, struct wire *w, uint8_t code,
                  uint8_t id, const uint8_t *req_auth, const uint8_t *eap,
                  size_t eap_len, const eaphost_auth_result *res,
                  enum responder_script how)
{
    uint8_t e[4096];

    memcpy(e, eap, eap_len);
    if (how == RS_EAP_LENGTH) {
        e[2] = (uint8_t)((eap_len + 2) >> 8);
        e[3] = (uint8_t)(eap_len + 2);
    }
    if (how == RS_EAP_CODE)
        e[0] = 2;
    wire_start(w, how == RS_BAD_CODE ? 5 : code,
               (uint8_t)(how == RS_WRONG_ID ? id + 1 : id), req_auth);
    if (how != RS_NO_MESSAGE_AUTH && how != RS_MA_LAST)
        wire_ma(w);
    if (how == RS_TWO_MESSAGE_AUTH)
        wire_ma(w);
    if (how == RS_EAP_SPLIT) {
        wire_attr(w, 79, e, 2);
        wire_attr(w, 18, "between", 7);
        wire_attr(w, 79, e + 2, eap_len - 2);
    } else if (how != RS_EAP_MISSING) {
        wire_eap(w, e, eap_len);
    }
    if (code == 11 && how != RS_NO_STATE) {
        r->state[0] = (uint8_t)++r->state_counter;
        wire_attr(w, 24, r->state, sizeof r->state);
    }
    if (code == 3)
        wire_attr(w, 18, "denied", 6);
    if (code == 2 && res)
        add_keys(r, w, res, req_auth, how);
    if (how == RS_ATTR_SHORT) {
        w->b[w->len] = 18;
        w->b[w->len + 1] = 1;
        w->len += 2;
    }
    if (how == RS_ATTR_PAST_END) {
        memcpy(w->b + w->len, "\x12\x28xyz", 5);
        w->len += 5;
    }
    if (how == RS_MA_LAST)
        wire_ma(w);
    wire_sign(w, req_auth, r->secret, how == RS_WRONG_MESSAGE_AUTH);
    if (how == RS_WRONG_RESPONSE_AUTH)
        w->b[4] ^= 0x80;
}

static void send_wire(int fd, const uint8_t *b, size_t n,
                      const struct sockaddr_storage *to, socklen_t to_len)
{
    ssize_t ignored = sendto(fd, b, n, 0, (const struct sockaddr *)to, to_len);
    (void)ignored;
}

/* Send the reply the script wants: perhaps a broken one, then the right
 * one (kept for retransmissions). */
static void reply(struct responder *r, uint8_t code, uint8_t id,
                  const uint8_t *req_auth, const uint8_t *eap, size_t eap_len,
                  const eaphost_auth_result *res,
                  const struct sockaddr_storage *to, socklen_t to_len)
{
    bool final = code != 11;
    enum responder_script how = r->cfg.script;
    struct wire w;

    if (script_applies(r, final)) {
        build(r, &w, code, id, req_auth, eap, eap_len, res, how);
        size_t n = how == RS_TRUNCATED ? 10 : how == RS_OVERSIZED ? 5000
                                                                  : w.len;
        if (how == RS_LENGTH_PAST_END) {
            w.b[2] = (uint8_t)((w.len + 10) >> 8);
            w.b[3] = (uint8_t)(w.len + 10);
        }
        send_wire(how == RS_OTHER_PORT ? r->other_fd : r->fd, w.b, n, to,
                  to_len);
        r->stats.broken_sent++;
        r->broken_done = true;
        r->state_sent = code == 11 && how != RS_NO_STATE;
        if (script_replaces(r)) {
            r->last_reply = w;
            r->last_reply_size = n;
            r->last_reply_fd = how == RS_OTHER_PORT ? r->other_fd : r->fd;
            return;
        }
    }
    build(r, &w, code, id, req_auth, eap, eap_len, res, RS_NORMAL);
    send_wire(r->fd, w.b, w.len, to, to_len);
    r->state_sent = code == 11;
    r->last_reply = w;
    r->last_reply_size = w.len;
    r->last_reply_fd = r->fd;
}

/* ---- the EAP server ------------------------------------------------------ */

static void end_auth(struct responder *r)
{
    if (r->auth)
        eaphost_auth_end(r->auth, NULL);
    r->auth = 0;
    r->state_sent = false;
}

/* The authenticator host's answer to the request's EAP packet. */
static void serve(struct responder *r, const uint8_t *p, struct request_info *q,
                  const struct sockaddr_storage *to, socklen_t to_len)
{
    eaphost_auth_action action = EAPHOST_AUTH_DISCARD;
    eaphost_auth_result res;
    BYTE *out = NULL;
    DWORD n = 0;

    if (q->eap_len < 5)
        return;
    if (!r->auth) {
        /* The NAS sent its own Request/Identity: answer under ours. */
        if (eaphost_auth_begin(r->cfg.type, r->db, 1400, &r->auth, NULL) !=
                ERROR_SUCCESS ||
            eaphost_auth_start(r->auth, &out, &n, NULL) != ERROR_SUCCESS) {
            end_auth(r);
            return;
        }
        q->eap[1] = out[1];
    }
    eaphost_auth_receive(r->auth, q->eap, (DWORD)q->eap_len, &action, NULL);
    if (action == EAPHOST_AUTH_DISCARD ||
        eaphost_auth_get_packet(r->auth, &out, &n, NULL) != ERROR_SUCCESS)
        return;
    if (action == EAPHOST_AUTH_SEND) {
        reply(r, 11, p[1], p + 4, out, n, NULL, to, to_len);
        return;
    }
    memset(&res, 0, sizeof res);
    eaphost_auth_get_result(r->auth, &res, NULL);
    reply(r, action == EAPHOST_AUTH_SUCCESS ? 2 : 3, p[1], p + 4, out, n,
          &res, to, to_len);
    r->stats.outcomes++;
    end_auth(r);
}

/* One datagram from the client. */
static void handle(struct responder *r, const uint8_t *p, size_t n,
                   const struct sockaddr_storage *from, socklen_t from_len)
{
    struct request_info *q;

    r->stats.requests++;
    switch (wire_request_check(p, n, r->secret)) {
    case 0:
        break;
    case 1:
        r->stats.ma_not_first++;
        break;
    default:
        r->stats.bad_requests++;
        return;
    }
    if (r->last_req_len && p[1] == r->last_req[1] &&
        memcmp(p + 4, r->last_req + 4, 16) == 0) {
        if (n == r->last_req_len && memcmp(p, r->last_req, n) == 0)
            r->stats.retransmissions++;
        else
            r->stats.changed_retransmissions++;
        if (r->cfg.script != RS_SILENT && r->last_reply_size)
            send_wire(r->last_reply_fd, r->last_reply.b, r->last_reply_size,
                      from, from_len);
        return;
    }
    memcpy(r->last_req, p, n);
    r->last_req_len = n;
    r->last_reply_size = 0;
    q = calloc(1, sizeof *q);
    if (!q)
        return;
    read_request(r, p, n, q);
    if (r->state_sent) {
        if (q->state && q->state_len == sizeof r->state &&
            memcmp(q->state, r->state, sizeof r->state) == 0)
            r->stats.state_echoed++;
        else
            r->stats.state_wrong++;
    }
    if (r->cfg.script != RS_SILENT)
        serve(r, p, q, from, from_len);
    free(q);
}

static void *run(void *arg)
{
    struct responder *r = arg;
    uint8_t buf[4096];

    for (;;) {
        struct pollfd p[2] = { { r->fd, POLLIN, 0 }, { r->stop[0], POLLIN, 0 } };
        struct sockaddr_storage from;
        socklen_t from_len = sizeof from;
        ssize_t n;

        if (poll(p, 2, -1) < 0 && errno != EINTR)
            break;
        if (p[1].revents)
            break;
        if (!(p[0].revents & POLLIN))
            continue;
        n = recvfrom(r->fd, buf, sizeof buf, 0, (struct sockaddr *)&from,
                     &from_len);
        if (n > 0)
            handle(r, buf, (size_t)n, &from, from_len);
    }
    end_auth(r);
    return NULL;
}

/* ---- start and stop -------------------------------------------------------- */

/* A UDP socket on the loopback address of @family, ephemeral port. */
static int bind_loopback(int family, unsigned *port)
{
    struct sockaddr_storage a;
    socklen_t len = family == AF_INET6 ? sizeof(struct sockaddr_in6)
                                       : sizeof(struct sockaddr_in);
    int fd = socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);

    memset(&a, 0, sizeof a);
    a.ss_family = (sa_family_t)family;
    if (family == AF_INET6)
        ((struct sockaddr_in6 *)&a)->sin6_addr = in6addr_loopback;
    else
        ((struct sockaddr_in *)&a)->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, len) != 0 ||
        getsockname(fd, (struct sockaddr *)&a, &len) != 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    if (port)
        *port = ntohs(family == AF_INET6
                          ? ((struct sockaddr_in6 *)&a)->sin6_port
                          : ((struct sockaddr_in *)&a)->sin_port);
    return fd;
}

int responder_start(const struct responder_config *cfg,
                    struct responder **out)
{
    struct responder *r = calloc(1, sizeof *r);

    *out = NULL;
    if (!r)
        return -1;
    r->cfg = *cfg;
    r->identity = strdup(cfg->identity);
    r->password = strdup(cfg->password ? cfg->password : "");
    r->secret = strdup(cfg->secret);
    r->stop[0] = r->stop[1] = -1;
    r->fd = bind_loopback(cfg->ipv6 ? AF_INET6 : AF_INET, &r->port);
    r->other_fd = bind_loopback(cfg->ipv6 ? AF_INET6 : AF_INET, NULL);
    if (!r->identity || !r->password || !r->secret || r->fd < 0 ||
        r->other_fd < 0 || pipe(r->stop) != 0 ||
        eaphost_user_db_new(&r->db) != ERROR_SUCCESS ||
        eaphost_user_db_add(r->db, r->identity, r->password) != ERROR_SUCCESS ||
        pthread_create(&r->thread, NULL, run, r) != 0) {
        responder_stop(r, NULL);
        return -1;
    }
    r->running = true;
    *out = r;
    return 0;
}

unsigned responder_port(const struct responder *r)
{
    return r->port;
}

void responder_stop(struct responder *r, struct responder_stats *stats)
{
    if (!r)
        return;
    if (r->running) {
        ssize_t ignored = write(r->stop[1], "x", 1);
        (void)ignored;
        pthread_join(r->thread, NULL);
    }
    if (stats)
        *stats = r->stats;
    end_auth(r);
    eaphost_user_db_free(r->db);
    if (r->fd >= 0)
        close(r->fd);
    if (r->other_fd >= 0)
        close(r->other_fd);
    if (r->stop[0] >= 0)
        close(r->stop[0]);
    if (r->stop[1] >= 0)
        close(r->stop[1]);
    free(r->identity);
    free(r->password);
    free(r->secret);
    free(r);
}
