/*
 * radius_client.c - one UDP socket to one RADIUS server: send, wait with a
 * timeout, retransmit the same bytes (RFC 5080 §2.2.1), drop and count
 * the replies that fail a check.
 */
#include "config.h"

#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <netinet/in.h>

#include "radius_client.h"

struct radius_client {
    int fd;
    struct sockaddr_storage server;
    socklen_t server_len;
    char server_text[INET6_ADDRSTRLEN + 10];
    uint8_t *secret;
    size_t secret_len;
    unsigned timeout_ms;
    unsigned retries;
    bool has_deadline;
    struct timespec deadline;
    uint8_t next_id;
    struct radius_counters counters;
    char last_drop[160];
};

/* ---- time ----------------------------------------------------------------- */

static struct timespec now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return t;
}

static struct timespec after_ms(struct timespec t, unsigned ms)
{
    t.tv_sec += (time_t)(ms / 1000u);
    t.tv_nsec += (long)(ms % 1000u) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

/* Milliseconds from now until @t, rounded up; 0 when it has passed. */
static int ms_until(struct timespec t)
{
    struct timespec n = now();
    long long ms = ((long long)t.tv_sec - n.tv_sec) * 1000LL +
                   (t.tv_nsec - n.tv_nsec + 999999L) / 1000000L;

    return ms <= 0 ? 0 : ms > 86400000LL ? 86400000 : (int)ms;
}

static bool before(struct timespec a, struct timespec b)
{
    return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

/* ---- opening ---------------------------------------------------------------- */

/* Split "HOST:PORT", "[V6]:PORT" or "HOST" into @host and @port. */
static bool split_server(const char *s, char *host, size_t hn, char *port,
                         size_t pn)
{
    const char *colon, *end;

    if (s[0] == '[') {
        end = strchr(s, ']');
        if (!end || (end[1] != '\0' && end[1] != ':'))
            return false;
        colon = end[1] == ':' ? end + 1 : NULL;
        s++;
    } else {
        colon = strchr(s, ':');
        if (colon && strchr(colon + 1, ':'))
            colon = NULL;               /* a bare IPv6 address, no port */
        end = colon ? colon : s + strlen(s);
    }
    if (end == s || (size_t)(end - s) >= hn)
        return false;
    memcpy(host, s, (size_t)(end - s));
    host[end - s] = '\0';
    snprintf(port, pn, "%s", colon ? colon + 1 : RADIUS_DEFAULT_PORT);
    return port[0] != '\0' && strspn(port, "0123456789") == strlen(port);
}

/* The first address of @host:@port we can open a UDP socket for. */
static bool open_socket(struct radius_client *c, const char *host,
                        const char *port, char *error, size_t n)
{
    struct addrinfo hints, *res = NULL, *ai;
    char addr[INET6_ADDRSTRLEN];
    int rc;

    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_protocol = IPPROTO_UDP;
    hints.ai_flags = AI_NUMERICSERV;
    rc = getaddrinfo(host, port, &hints, &res);
    if (rc != 0) {
        snprintf(error, n, "RADIUS server %s port %s: %s", host, port,
                 gai_strerror(rc));
        return false;
    }
    for (ai = res; ai; ai = ai->ai_next) {
        c->fd = socket(ai->ai_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (c->fd >= 0 && ai->ai_addrlen <= sizeof c->server)
            break;
        if (c->fd >= 0)
            close(c->fd);
        c->fd = -1;
    }
    if (!ai) {
        snprintf(error, n, "RADIUS server %s port %s: no socket: %s", host,
                 port, strerror(errno));
        freeaddrinfo(res);
        return false;
    }
    memcpy(&c->server, ai->ai_addr, ai->ai_addrlen);
    c->server_len = ai->ai_addrlen;
    getnameinfo(ai->ai_addr, ai->ai_addrlen, addr, sizeof addr, NULL, 0,
                NI_NUMERICHOST);
    snprintf(c->server_text, sizeof c->server_text,
             ai->ai_family == AF_INET6 ? "[%s]:%s" : "%s:%s", addr, port);
    freeaddrinfo(res);
    return true;
}

bool radius_client_open(const struct radius_client_config *cfg,
                        struct radius_client **client, char *error,
                        size_t error_len)
{
    char host[256], port[16];
    struct radius_client *c;

    *client = NULL;
    if (!cfg->server ||
        !split_server(cfg->server, host, sizeof host, port, sizeof port)) {
        snprintf(error, error_len, "RADIUS server '%s' is not HOST:PORT",
                 cfg->server ? cfg->server : "");
        return false;
    }
    if (!cfg->secret || !cfg->secret[0]) {
        snprintf(error, error_len, "the RADIUS shared secret is empty");
        return false;
    }
    c = calloc(1, sizeof *c);
    if (!c || !(c->secret = (uint8_t *)strdup(cfg->secret)) ||
        !radius_random(&c->next_id, 1)) {
        snprintf(error, error_len, "RADIUS client: %s", strerror(errno));
        radius_client_close(c);
        return false;
    }
    c->fd = -1;
    c->secret_len = strlen(cfg->secret);
    c->timeout_ms = cfg->timeout_ms ? cfg->timeout_ms
                                    : RADIUS_DEFAULT_TIMEOUT_MS;
    c->retries = cfg->retries;
    c->has_deadline = cfg->deadline_ms != 0;
    c->deadline = after_ms(now(), cfg->deadline_ms);
    if (!open_socket(c, host, port, error, error_len)) {
        radius_client_close(c);
        return false;
    }
    *client = c;
    return true;
}

void radius_client_close(struct radius_client *c)
{
    if (!c)
        return;
    if (c->fd >= 0)
        close(c->fd);
    if (c->secret) {
        memset(c->secret, 0, c->secret_len);
        free(c->secret);
    }
    free(c);
}

/* ---- exchanges ---------------------------------------------------------------- */

bool radius_client_new_request(struct radius_client *c,
                               struct radius_request *request)
{
    uint8_t auth[RADIUS_AUTH_LEN];

    if (!radius_random(auth, sizeof auth))
        return false;
    radius_request_init(request, c->next_id++, auth);
    return true;
}

/* Is @from (@len bytes) the server's address and port? */
static bool from_server(const struct radius_client *c,
                        const struct sockaddr_storage *from, socklen_t len)
{
    if (from->ss_family != c->server.ss_family)
        return false;
    if (from->ss_family == AF_INET) {
        const struct sockaddr_in *a = (const void *)from;
        const struct sockaddr_in *b = (const void *)&c->server;
        return len >= (socklen_t)sizeof *a && a->sin_port == b->sin_port &&
               a->sin_addr.s_addr == b->sin_addr.s_addr;
    }
    if (from->ss_family == AF_INET6) {
        const struct sockaddr_in6 *a = (const void *)from;
        const struct sockaddr_in6 *b = (const void *)&c->server;
        return len >= (socklen_t)sizeof *a && a->sin6_port == b->sin6_port &&
               memcmp(&a->sin6_addr, &b->sin6_addr, sizeof a->sin6_addr) == 0;
    }
    return false;
}

/* Read one datagram and check it: RADIUS_DROP_NONE when it is the reply,
 * the reason when it is dropped, RADIUS_DROP_COUNT when there was nothing
 * to read after all, -1 on a socket error. */
static int receive_one(struct radius_client *c,
                       const struct radius_request *request,
                       struct radius_reply *reply)
{
    uint8_t buf[RADIUS_MAX_PACKET + 1];   /* one more: to see oversize */
    struct sockaddr_storage from;
    socklen_t from_len = sizeof from;
    enum radius_drop why;
    ssize_t n;

    n = recvfrom(c->fd, buf, sizeof buf, MSG_DONTWAIT | MSG_TRUNC,
                 (struct sockaddr *)&from, &from_len);
    if (n < 0)
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ||
               errno == ECONNREFUSED ? (int)RADIUS_DROP_COUNT : -1;
    if (!from_server(c, &from, from_len)) {
        char addr[INET6_ADDRSTRLEN] = "?", port[8] = "?";
        getnameinfo((struct sockaddr *)&from, from_len, addr, sizeof addr,
                    port, sizeof port, NI_NUMERICHOST | NI_NUMERICSERV);
        snprintf(c->last_drop, sizeof c->last_drop,
                 "a datagram from %s port %s, not from the server %s", addr,
                 port, c->server_text);
        why = RADIUS_DROP_WRONG_SOURCE;
    } else {
        char detail[sizeof c->last_drop];

        /* MSG_TRUNC: n is the datagram's real length, even past buf. */
        why = radius_reply_check(buf, (size_t)n, request, c->secret,
                                 c->secret_len, reply, detail, sizeof detail);
        if (why != RADIUS_DROP_NONE)
            memcpy(c->last_drop, detail, sizeof detail);
    }
    if (why != RADIUS_DROP_NONE)
        c->counters.dropped[why]++;
    return (int)why;
}

static enum radius_exchange_status fail(enum radius_exchange_status st,
                                        char *error, size_t n,
                                        const char *what,
                                        const struct radius_client *c)
{
    snprintf(error, n, "%s (server %s)", what, c->server_text);
    return st;
}

/* Send @request (a first try or a retransmission). */
static bool send_request(struct radius_client *c,
                         const struct radius_request *request)
{
    ssize_t n;

    do
        n = sendto(c->fd, request->data, request->len, 0,
                   (const struct sockaddr *)&c->server, c->server_len);
    while (n < 0 && errno == EINTR);
    return n == (ssize_t)request->len;
}

/* Wait until @until for a reply that passes every check: 1 when one came,
 * 0 when the time is up, -1 on an error (said in @what). */
static int wait_reply(struct radius_client *c,
                      const struct radius_request *request,
                      struct radius_reply *reply, struct timespec until,
                      char *what, size_t n)
{
    int left, r;

    while ((left = ms_until(until)) > 0) {
        struct pollfd p = { .fd = c->fd, .events = POLLIN, .revents = 0 };

        r = poll(&p, 1, left);
        if (r < 0 && errno != EINTR) {
            snprintf(what, n, "poll: %s", strerror(errno));
            return -1;
        }
        if (r <= 0)
            continue;
        r = receive_one(c, request, reply);
        if (r < 0) {
            snprintf(what, n, "receiving: %s", strerror(errno));
            return -1;
        }
        if (r == RADIUS_DROP_NONE)
            return 1;
    }
    return 0;
}

enum radius_exchange_status
radius_client_exchange(struct radius_client *c, struct radius_request *request,
                       struct radius_reply *reply, char *error,
                       size_t error_len)
{
    unsigned tries;
    char what[160];

    radius_request_sign(request, c->secret, c->secret_len);
    c->counters.requests++;
    for (tries = 1;; tries++) {
        struct timespec try_end = after_ms(now(), c->timeout_ms);

        if (c->has_deadline && ms_until(c->deadline) == 0)
            return fail(RADIUS_EXCHANGE_DEADLINE, error, error_len,
                        "the RADIUS deadline passed", c);
        if (c->has_deadline && before(c->deadline, try_end))
            try_end = c->deadline;
        if (tries > 1)
            c->counters.retransmissions++;
        if (!send_request(c, request)) {
            snprintf(what, sizeof what, "sending the Access-Request: %s",
                     strerror(errno));
            return fail(RADIUS_EXCHANGE_ERROR, error, error_len, what, c);
        }
        switch (wait_reply(c, request, reply, try_end, what, sizeof what)) {
        case 1:
            c->counters.replies++;
            return RADIUS_EXCHANGE_OK;
        case -1:
            return fail(RADIUS_EXCHANGE_ERROR, error, error_len, what, c);
        default:
            break;
        }
        if (c->has_deadline && ms_until(c->deadline) == 0) {
            snprintf(what, sizeof what, "no valid reply before the RADIUS "
                     "deadline (%u tr%s)", tries, tries == 1 ? "y" : "ies");
            return fail(RADIUS_EXCHANGE_DEADLINE, error, error_len, what, c);
        }
        if (tries > c->retries) {
            snprintf(what, sizeof what, "no valid reply after %u tr%s of "
                     "%u ms", tries, tries == 1 ? "y" : "ies", c->timeout_ms);
            return fail(RADIUS_EXCHANGE_TIMEOUT, error, error_len, what, c);
        }
    }
}

struct radius_counters *radius_client_counters(struct radius_client *c)
{
    return &c->counters;
}

const char *radius_client_last_drop(const struct radius_client *c)
{
    return c->last_drop;
}

const uint8_t *radius_client_secret(const struct radius_client *c,
                                    size_t *len)
{
    *len = c->secret_len;
    return c->secret;
}

const char *radius_client_server(const struct radius_client *c)
{
    return c->server_text;
}

/* Append to @buf (@n bytes) at *@pos, never past its end. */
static void append(char *buf, size_t n, size_t *pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void append(char *buf, size_t n, size_t *pos, const char *fmt, ...)
{
    va_list ap;
    int w;

    if (*pos >= n)
        return;
    va_start(ap, fmt);
    w = vsnprintf(buf + *pos, n - *pos, fmt, ap);
    va_end(ap);
    if (w > 0)
        *pos += (size_t)w;
}

char *radius_counters_format(const struct radius_counters *k, char *buf,
                             size_t n)
{
    size_t pos = 0;
    const char *sep = "; dropped:";
    int i;

    if (n == 0)
        return buf;
    buf[0] = '\0';
    append(buf, n, &pos, "%lu request%s, %lu retransmission%s, %lu "
           "repl%s", k->requests, k->requests == 1 ? "" : "s",
           k->retransmissions, k->retransmissions == 1 ? "" : "s",
           k->replies, k->replies == 1 ? "y" : "ies");
    for (i = 1; i < RADIUS_DROP_COUNT; i++) {
        if (!k->dropped[i])
            continue;
        append(buf, n, &pos, "%s %s %lu", sep,
               radius_drop_text((enum radius_drop)i), k->dropped[i]);
        sep = ",";
    }
    if (k->challenges_without_state)
        append(buf, n, &pos, "; Access-Challenge without State: %lu",
               k->challenges_without_state);
    return buf;
}
