/*
 * radius_client.h - the RADIUS client of the RADIUS transport: one UDP
 * socket to one server, requests sent and retransmitted, replies checked.
 *
 * A request keeps its Identifier and Request Authenticator, and so its
 * bytes, across retransmissions (RFC 5080 §2.2.1).  Each try waits
 * timeout_ms; after the retries the exchange gives up, and no exchange
 * runs past the deadline counted from radius_client_open().  A reply that
 * fails a check (radius_reply_check(), or it comes from another address or
 * port than the server's) is dropped and counted by reason; the request
 * stays outstanding and the wait goes on.
 */
#ifndef EAPHOST_RADIUS_CLIENT_H
#define EAPHOST_RADIUS_CLIENT_H

#include <stdbool.h>
#include <stddef.h>

#include "radius_packet.h"

#define RADIUS_DEFAULT_PORT "1812"
#define RADIUS_DEFAULT_TIMEOUT_MS 3000u
#define RADIUS_DEFAULT_RETRIES 3u

/* Where and how to reach the server. */
struct radius_client_config {
    const char *server;       /* "HOST:PORT", "[IPV6]:PORT", or HOST alone
                               * for port 1812; names are resolved */
    const char *secret;       /* the shared secret, not empty */
    unsigned timeout_ms;      /* wait per try; 0: 3000 */
    unsigned retries;         /* retransmissions after the first try */
    unsigned deadline_ms;     /* all exchanges together; 0: none */
};

/* What happened to the requests and replies of a client. */
struct radius_counters {
    unsigned long requests;          /* distinct requests sent */
    unsigned long retransmissions;   /* the same bytes sent again */
    unsigned long replies;           /* replies accepted */
    unsigned long dropped[RADIUS_DROP_COUNT];  /* replies dropped, by
                                                * reason */
    unsigned long challenges_without_state;    /* counted by radius_auth */
};

/* How an exchange ended. */
enum radius_exchange_status {
    RADIUS_EXCHANGE_OK = 0,     /* a reply passed every check */
    RADIUS_EXCHANGE_TIMEOUT,    /* no acceptable reply after the retries */
    RADIUS_EXCHANGE_DEADLINE,   /* the overall deadline passed */
    RADIUS_EXCHANGE_ERROR       /* a system error (socket, random source) */
};

struct radius_client;

/**
 * radius_client_open() - resolve the server and open a socket for it.
 * @cfg: the configuration (the strings are copied).
 * @client: receives the client, closed with radius_client_close().
 * @error: receives a one-line reason on failure.
 * @error_len: size of @error.
 *
 * Return: true; false with @error (bad address, unknown name, empty
 * secret, no socket, no memory).
 */
bool radius_client_open(const struct radius_client_config *cfg,
                        struct radius_client **client, char *error,
                        size_t error_len);

/**
 * radius_client_close() - close the socket and wipe the secret.
 * @client: the client, or NULL.
 */
void radius_client_close(struct radius_client *client);

/**
 * radius_client_new_request() - start a request with the next Identifier
 * and a Request Authenticator from the system's random source.
 * @client: the client.
 * @request: the request, ready for radius_request_add*().
 *
 * Return: true; false when the random source failed.
 */
bool radius_client_new_request(struct radius_client *client,
                               struct radius_request *request);

/**
 * radius_client_exchange() - sign a request, send it, wait for its reply
 * and retransmit the same bytes until one passes every check.
 * @client: the client.
 * @request: the request (signed here).
 * @reply: receives the reply.
 * @error: receives a one-line reason unless RADIUS_EXCHANGE_OK.
 * @error_len: size of @error.
 *
 * Return: the status.
 */
enum radius_exchange_status
radius_client_exchange(struct radius_client *client,
                       struct radius_request *request,
                       struct radius_reply *reply, char *error,
                       size_t error_len);

/**
 * radius_client_counters() - the counters of a client.
 * @client: the client.
 *
 * Return: its counters (inside @client; the caller may update
 * challenges_without_state).
 */
struct radius_counters *radius_client_counters(struct radius_client *client);

/**
 * radius_client_last_drop() - why the last reply was dropped.
 * @client: the client.
 *
 * Return: a one-line explanation, "" when nothing was dropped.
 */
const char *radius_client_last_drop(const struct radius_client *client);

/**
 * radius_client_secret() - the shared secret.
 * @client: the client.
 * @len: receives its length.
 *
 * Return: its bytes (inside @client).
 */
const uint8_t *radius_client_secret(const struct radius_client *client,
                                    size_t *len);

/**
 * radius_client_server() - the server's numeric address and port,
 * "127.0.0.1:1812" or "[::1]:1812".
 * @client: the client.
 *
 * Return: a string inside @client.
 */
const char *radius_client_server(const struct radius_client *client);

/**
 * radius_counters_format() - counters as one line: "3 requests, 1
 * retransmission, 2 replies; dropped: missing Message-Authenticator 1".
 * @counters: the counters.
 * @buf: receives the line.
 * @n: size of @buf.
 *
 * Return: @buf.
 */
char *radius_counters_format(const struct radius_counters *counters,
                             char *buf, size_t n);

#endif /* EAPHOST_RADIUS_CLIENT_H */
