/*
 * eaphost/authenticator.h - the authenticator host: libeaphost's own API
 * for the server side of EAP, which Windows does not publish.
 *
 * It runs the authenticator half of a registered method (the library named
 * by AuthenticatorDllPath in the method's registry file) through the SDK's
 * EAP_AUTHENTICATOR_METHOD_ROUTINES, so that both halves of a method can be
 * exercised against each other in one process, or the authenticator half
 * against a real peer over any transport.  Three parts:
 *
 *   eaphost_user_db_*   the user database: identities and their passwords;
 *   eaphost_auth_*      authenticator sessions, one EAP conversation each;
 *   eaphost_loopback_*  a peer session (the EapHostPeer* API) against an
 *                       authenticator session, packets passed in memory;
 * and eaphost_msk_from_attributes(), the MSK from MPPE key attributes.
 *
 * The host, as the authenticator, sends the Identity request itself, looks
 * the identity of the Response up in the user database and passes the
 * stored password to the method's EapMethodAuthenticatorBeginSession as an
 * eatClearTextPassword (8107) attribute whose value is the password's UTF-8
 * bytes, without a NUL.  An unknown identity gets no such attribute: the
 * method runs as usual and fails the authentication at its end.
 *
 * Sessions need EapHostPeerInitialize() (the same reference count and the
 * same registry as the peer side); EapHostPeerUninitialize() that takes the
 * count to zero ends the sessions still open and unloads the methods.
 * Strings are UTF-8.  Buffers the host returns are host-owned where a
 * function says so, else the caller's, freed as the function says.
 *
 * Error codes follow the peer side's table:
 *   a required pointer is NULL              ERROR_INVALID_PARAMETER
 *   called before EapHostPeerInitialize     ERROR_INVALID_STATE
 *   unknown, ended or stale session id      ERROR_INVALID_HANDLE
 *   call that does not fit the session's
 *   state (or another thread is inside it)  ERROR_INVALID_STATE
 *   method not registered, no authenticator
 *   half, or the half is faulty             EAP_E_EAPHOST_METHOD_NOT_INSTALLED
 *   optional routine absent but needed      EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED
 *   method output invalid (bad action, bad
 *   Request)                                EAP_E_EAPHOST_METHOD_INVALID_PACKET
 *   method returned an error                its code, its EAP_ERROR copied
 *   out of memory                           ERROR_NOT_ENOUGH_MEMORY
 * EAP_ERRORs returned through EAP_ERROR ** are host-allocated and freed
 * with EapHostPeerFreeEapError().
 */
#ifndef EAPHOST_AUTHENTICATOR_H
#define EAPHOST_AUTHENTICATOR_H

#include <eaptypes.h>
#include <eaphosterror.h>
#include <eaphost/eaphost.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- User database ----------------------------------------------------- */

/*
 * A set of (identity, password) pairs.  Opaque; made by eaphost_user_db_new()
 * or eaphost_user_db_load(), released with eaphost_user_db_free().
 *
 * The file format (UTF-8 JSON):
 *
 *     { "users": [ { "identity": "alice", "password": "secret" },
 *                  { "identity": "bob",   "password": "" } ] }
 *
 * The top-level object has exactly one key, "users", an array (possibly
 * empty) of objects with exactly the two string keys "identity" and
 * "password".  An identity is 1 to 1024 bytes, a password 0 to 1024 bytes,
 * both well-formed UTF-8 without NUL; identities are compared byte for byte
 * (case-sensitive) and must be unique.  Anything else (bad JSON, another
 * key, a wrong type, an empty or duplicate identity) refuses the whole file,
 * with its name and the reason.  The file is trust-checked like a registry
 * file: refused when it, or a directory on its path, is writable by others.
 * Passwords are wiped from memory when the database is freed.
 */
typedef struct eaphost_user_db eaphost_user_db;

/* Longest identity and password the database keeps, in UTF-8 bytes. */
#define EAPHOST_USER_DB_MAX_IDENTITY 1024u
#define EAPHOST_USER_DB_MAX_PASSWORD 1024u

/**
 * eaphost_user_db_new() - make an empty user database.
 * @db: receives the database, freed with eaphost_user_db_free().
 *
 * Return: ERROR_SUCCESS, ERROR_INVALID_PARAMETER, ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eaphost_user_db_new(eaphost_user_db **db);

/**
 * eaphost_user_db_load() - read a user database file.
 * @path: the JSON file (format above).
 * @db: receives the database, freed with eaphost_user_db_free(); NULL on
 *      failure.
 * @error_text: if not NULL, receives on failure a one-line reason that
 *              starts with the file name, freed with eaphost_free(); NULL
 *              on success.
 *
 * Needs no EapHostPeerInitialize().
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER (NULL @path or @db);
 * ERROR_FILE_NOT_FOUND; ERROR_ACCESS_DENIED (refused by the trust check,
 * or unreadable); ERROR_INVALID_DATA (the content breaks a rule above,
 * also a file larger than 16 MiB); ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eaphost_user_db_load(const char *path, eaphost_user_db **db,
                           char **error_text);

/**
 * eaphost_user_db_add() - add one user.
 * @db: the database.
 * @identity: UTF-8, 1 to EAPHOST_USER_DB_MAX_IDENTITY bytes (copied).
 * @password: UTF-8, up to EAPHOST_USER_DB_MAX_PASSWORD bytes (copied,
 *            wiped when the database is freed).
 *
 * A database handed to eaphost_auth_begin() or eaphost_loopback_run() is
 * not changed while a session holds it.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER (a NULL argument);
 * ERROR_INVALID_DATA (empty or too long, or not well-formed UTF-8);
 * ERROR_ALREADY_EXISTS (the identity is there already);
 * ERROR_INVALID_STATE (a session holds the database);
 * ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eaphost_user_db_add(eaphost_user_db *db, const char *identity,
                          const char *password);

/**
 * eaphost_user_db_count() - how many users a database holds.
 * @db: the database.
 * @count: receives the number.
 *
 * Return: ERROR_SUCCESS, ERROR_INVALID_PARAMETER.
 */
DWORD eaphost_user_db_count(const eaphost_user_db *db, DWORD *count);

/**
 * eaphost_user_db_free() - release a database.
 * @db: the database, or NULL.
 *
 * Sessions that use it keep it alive until they end; the passwords are
 * wiped when the last of them lets it go.
 */
void eaphost_user_db_free(eaphost_user_db *db);

/* ---- Authenticator sessions --------------------------------------------- */

/* What the caller does after eaphost_auth_receive() or _set_attributes(). */
typedef enum eaphost_auth_action {
    EAPHOST_AUTH_DISCARD = 0,  /* nothing to send: the packet was dropped
                                * (malformed, unexpected, or the method
                                * discarded it); wait for another */
    EAPHOST_AUTH_SEND = 1,     /* send the next Request (get_packet) */
    EAPHOST_AUTH_SUCCESS = 2,  /* send the EAP-Success (get_packet); done */
    EAPHOST_AUTH_FAILURE = 3   /* send the EAP-Failure (get_packet); done */
} eaphost_auth_action;

/* Per-session counters, read with eaphost_auth_get_counters(). */
typedef struct eaphost_auth_counters {
    DWORD packets_received;       /* every call of eaphost_auth_receive */
    DWORD requests_sent;          /* Requests built (Identity included) */
    DWORD remote_invalid_packets; /* malformed or of the wrong type:
                                   * EAP_E_EAPHOST_REMOTE_INVALID_PACKET */
    DWORD discarded;              /* all discards, malformed ones included */
    DWORD last_discard_code;      /* code of the last discard, 0 if none */
} eaphost_auth_counters;

/* The outcome of a session, from eaphost_auth_get_result(). */
typedef struct eaphost_auth_result {
    BOOL success;
    DWORD failure_reason;      /* 0 on success */
    /* The method's pAuthAttribs (MPPE keys and the like), host copies
     * without eatMinimum entries, valid until the next call on the session
     * or its end.  Empty (0, NULL) when the method gave none. */
    EapAttributes attributes;
} eaphost_auth_result;

/**
 * eaphost_auth_begin() - start an authenticator session.
 * @type: the method, as registered (type, vendor, author).
 * @db: the user database (a reference is kept until eaphost_auth_end(),
 *      so the caller may free its own right away).
 * @max_send: the largest packet the transport carries, 20 to 65535 bytes
 *            (larger values are taken as 65535); what the method is told
 *            as dwMaxSendPacketSize and what every Request is checked
 *            against.
 * @session: receives the session id (never 0), to be ended with
 *           eaphost_auth_end().
 * @err: if not NULL, receives NULL or on failure an EAP_ERROR with the
 *       reason.
 *
 * Loads the method's authenticator half on first use (its Initialize runs
 * then); the method's BeginSession runs later, once the peer's identity is
 * known.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER (NULL @db or @session,
 * @max_send below 20); ERROR_INVALID_STATE before EapHostPeerInitialize();
 * EAP_E_EAPHOST_METHOD_NOT_INSTALLED (not registered, no authenticator
 * half, faulty: the reason in @err); ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eaphost_auth_begin(EAP_METHOD_TYPE type, const eaphost_user_db *db,
                         DWORD max_send, EAP_SESSIONID *session,
                         EAP_ERROR **err);

/**
 * eaphost_auth_start() - the first packet: an EAP Request/Identity.
 * @session: the session.
 * @packet: receives the packet, host-owned, valid until the next call on
 *          the session (eaphost_auth_get_packet() returns it again).
 * @size: receives its size (5).
 * @err: receives NULL or an EAP_ERROR.
 *
 * Its Identifier is chosen at random; each later Request takes the next.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER; ERROR_INVALID_STATE
 * (before Initialize, or started already); ERROR_INVALID_HANDLE.
 */
DWORD eaphost_auth_start(EAP_SESSIONID session, BYTE **packet, DWORD *size,
                         EAP_ERROR **err);

/**
 * eaphost_auth_receive() - one packet from the peer.
 * @session: the session.
 * @packet: the packet (@size bytes; bytes past its Length are ignored and
 *          never reach the method).  Not kept.
 * @size: its size.
 * @action: receives what to do next (always set, EAPHOST_AUTH_DISCARD on
 *          errors that leave the session as it was).
 * @err: receives NULL or an EAP_ERROR.
 *
 * A Response to the Identity request: the host looks the identity up,
 * calls the method's BeginSession (dwFlags 0, the identity as UTF-16, the
 * password attribute if the identity is known, no connection data) and its
 * SendPacket for the first method Request.  A Response of the method's
 * type: the method's ReceivePacket, then by its action SendPacket (SEND),
 * GetResult (SUCCESS or FAILURE, with the EAP-Success or EAP-Failure whose
 * Identifier is that of the last Request) or nothing (DISCARD).  A Nak
 * (legacy, or expanded vendor 0 type 3): the peer refuses the method, the
 * result is a failure (reason EAP_I_EAPHOST_EAP_NEGOTIATION_FAILED).
 * Packets that are malformed (not a Response, Length beyond the buffer or
 * below 5, expanded type shorter than 12, an Identity that is not UTF-8 or
 * longer than 1024 bytes) or of another type are discarded and counted as
 * EAP_E_EAPHOST_REMOTE_INVALID_PACKET; a Response whose Identifier is not
 * that of the last Request, or anything after the outcome, is discarded.
 *
 * When the method fails (an error, an invalid Request, an action this host
 * does not support: RESPOND, AUTHENTICATE, HANDLE_IDENTITY), the session
 * ends with a failure result: the call returns the code, @err says why,
 * and @action is EAPHOST_AUTH_FAILURE with the EAP-Failure ready.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER; ERROR_INVALID_STATE
 * (before Initialize, or before eaphost_auth_start()); ERROR_INVALID_HANDLE;
 * the method's errors as above; ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eaphost_auth_receive(EAP_SESSIONID session, const BYTE *packet,
                           DWORD size, eaphost_auth_action *action,
                           EAP_ERROR **err);

/**
 * eaphost_auth_get_packet() - the packet the session produced last.
 * @session: the session.
 * @packet: receives it, host-owned, valid until the next call on the
 *          session: the last Request (also after a DISCARD, to be sent
 *          again when the peer is silent), or the final EAP-Success or
 *          EAP-Failure.
 * @size: receives its size.
 * @err: receives NULL or an EAP_ERROR.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER; ERROR_INVALID_STATE
 * (nothing produced yet); ERROR_INVALID_HANDLE.
 */
DWORD eaphost_auth_get_packet(EAP_SESSIONID session, BYTE **packet,
                              DWORD *size, EAP_ERROR **err);

/**
 * eaphost_auth_get_result() - the outcome, once SUCCESS or FAILURE came.
 * @session: the session.
 * @result: receives the outcome; its attributes are host-owned (see
 *          eaphost_auth_result).
 * @err: receives NULL or an EAP_ERROR.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER; ERROR_INVALID_STATE (no
 * outcome yet); ERROR_INVALID_HANDLE.
 */
DWORD eaphost_auth_get_result(EAP_SESSIONID session,
                              eaphost_auth_result *result, EAP_ERROR **err);

/**
 * eaphost_auth_get_attributes() - the method's attributes now
 * (EapMethodAuthenticatorGetAttributes).
 * @session: the session; the method's session must have begun (the
 *           identity was received) and not ended.
 * @attributes: receives host copies without eatMinimum entries, valid until
 *              the next call on the session; (0, NULL) when none.
 * @err: receives NULL or an EAP_ERROR.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER; ERROR_INVALID_STATE;
 * ERROR_INVALID_HANDLE; EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED (the
 * method has no GetAttributes); the method's error.
 */
DWORD eaphost_auth_get_attributes(EAP_SESSIONID session,
                                  EapAttributes *attributes, EAP_ERROR **err);

/**
 * eaphost_auth_set_attributes() - hand attributes to the method
 * (EapMethodAuthenticatorSetAttributes) and act on its answer.
 * @session: the session, waiting for a method Response.
 * @attributes: the attributes (copied for the call; not kept).
 * @action: receives what to do next, as for eaphost_auth_receive().
 * @err: receives NULL or an EAP_ERROR.
 *
 * Return: as eaphost_auth_receive(), plus
 * EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED when the method has no
 * SetAttributes (the session goes on).
 */
DWORD eaphost_auth_set_attributes(EAP_SESSIONID session,
                                  const EapAttributes *attributes,
                                  eaphost_auth_action *action,
                                  EAP_ERROR **err);

/**
 * eaphost_auth_get_counters() - copy a session's counters.
 * Return: ERROR_SUCCESS, ERROR_INVALID_PARAMETER, ERROR_INVALID_STATE,
 * ERROR_INVALID_HANDLE.
 */
DWORD eaphost_auth_get_counters(EAP_SESSIONID session,
                                eaphost_auth_counters *counters);

/**
 * eaphost_auth_end() - end a session (the method's EndSession, if its
 * session began) and release everything it holds.
 * @session: the session; its id is stale afterwards.
 * @err: receives NULL or a copy of the method's EAP_ERROR.
 *
 * Return: ERROR_SUCCESS or the method's EndSession error (the session is
 * ended all the same); ERROR_INVALID_STATE; ERROR_INVALID_HANDLE.
 */
DWORD eaphost_auth_end(EAP_SESSIONID session, EAP_ERROR **err);

/* ---- Keys --------------------------------------------------------------- */

/* Bytes of an MSK (RFC 5247). */
#define EAPHOST_MSK_LEN 64u

/**
 * eaphost_msk_from_attributes() - the MSK from MS-MPPE key attributes.
 * @attributes: a result's attributes (peer: EapHostPeerGetResult's
 *              pAttribArray; authenticator: eaphost_auth_result.attributes).
 *              eatMinimum entries are skipped.
 * @peer_view: TRUE when the keys are the peer's own (its Send key is the
 *             server's Recv key), FALSE for the server's.
 * @msk: receives the MSK, EAPHOST_MSK_LEN bytes: the server's
 *       Recv-Key || Send-Key (= the peer's Send-Key || Recv-Key), zero
 *       padded; all zero on failure.  This is what eapol_test compares with
 *       Recv || Send from a RADIUS Access-Accept.
 * @msk_len: if not NULL, receives the key bytes before the padding.
 *
 * The keys travel as eatVendorSpecific attributes laid out as the RADIUS
 * vendor-specific attribute, unencrypted: vendor id 311 (4 bytes, network
 * order), vendor type 16 (MS-MPPE-Send-Key) or 17 (MS-MPPE-Recv-Key),
 * vendor length (its own byte and everything after the vendor id), salt
 * (2), key length (1), key, padding.  Other vendor-specific attributes are
 * ignored.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER (NULL @attributes or
 * @msk); ERROR_NOT_FOUND (neither key present); ERROR_INVALID_DATA (one
 * key without the other, a key twice, a malformed value, keys longer than
 * 64 bytes together).
 */
DWORD eaphost_msk_from_attributes(const EapAttributes *attributes,
                                  BOOL peer_view, BYTE msk[EAPHOST_MSK_LEN],
                                  DWORD *msk_len);

/* ---- Loopback ----------------------------------------------------------- */

/* What eaphost_loopback_run() runs. */
typedef struct eaphost_loopback_config {
    EAP_METHOD_TYPE type;          /* both halves of this method */
    const char *identity;          /* the peer's identity (required) */
    const char *password;          /* the peer's password, or NULL; both go
                                    * to eaphost_session_set_credentials */
    const eaphost_user_db *user_db;  /* the authenticator's (required) */
    DWORD max_send;                /* both sides; 0 means 1020 */
    DWORD max_rounds;              /* Requests the authenticator may send;
                                    * 0 means 50 */
    DWORD peer_flags;              /* EapHostPeerBeginSession dwFlags */
    /* EapHostPeerBeginSession's connection and user data, or NULL/0. */
    const BYTE *peer_connection_data;
    DWORD peer_connection_data_size;
    const BYTE *peer_user_data;
    DWORD peer_user_data_size;
} eaphost_loopback_config;

typedef enum eaphost_loopback_direction {
    EAPHOST_LOOPBACK_TO_PEER = 0,           /* authenticator -> peer */
    EAPHOST_LOOPBACK_TO_AUTHENTICATOR = 1   /* peer -> authenticator */
} eaphost_loopback_direction;

/* One packet of the transcript. */
typedef struct eaphost_loopback_packet {
    eaphost_loopback_direction direction;
    DWORD size;
    BYTE *bytes;
} eaphost_loopback_packet;

/* What one side ended with. */
typedef struct eaphost_loopback_side {
    DWORD rc;                   /* first error of this side's calls, its
                                 * result call included; ERROR_SUCCESS */
    char *error_text;           /* its reason (UTF-8), or NULL */
    BOOL result_known;          /* the side has an outcome: */
    BOOL success;               /*   authenticated */
    DWORD failure_reason;       /*   else why (0 on success) */
    BOOL keys_present;          /* MPPE keys in the result's attributes */
    BYTE msk[EAPHOST_MSK_LEN];  /* eaphost_msk_from_attributes(): the peer
                                 * side with peer_view TRUE, the
                                 * authenticator with FALSE; zeros without
                                 * keys */
    DWORD msk_len;              /* key bytes before the padding */
} eaphost_loopback_side;

typedef struct eaphost_loopback_result {
    eaphost_loopback_side peer;
    eaphost_loopback_side authenticator;
    BOOL keys_equal;            /* both have keys and the MSKs are equal */
    DWORD rounds;               /* Requests the authenticator sent */
    DWORD packet_count;
    eaphost_loopback_packet *packets;   /* the transcript, in order */
    char *error_text;           /* why the run did not complete, or NULL */
} eaphost_loopback_result;

/**
 * eaphost_loopback_run() - authenticate a peer session against an
 * authenticator session of the same method, in memory.
 * @cfg: what to run.
 * @out: receives the result, freed with eaphost_loopback_free(), whenever
 *       the run began; NULL when the call refused its arguments or came
 *       before EapHostPeerInitialize(), and when it ran out of memory.
 *
 * Needs EapHostPeerInitialize().  Begins both sessions (the peer's with
 * @cfg's flags, data and credentials, no connection id), then passes
 * packets: the Identity request to the peer, its Response to the
 * authenticator, and so on until the authenticator sends EAP-Success or
 * EAP-Failure and the peer has its result.  Then both results are read
 * (EapHostPeerGetResult with FromMethod, eaphost_auth_get_result), the
 * MSKs derived and both sessions ended.
 *
 * Return: ERROR_SUCCESS when every call succeeded and the exchange reached
 * its end (whether the authentication succeeded is in the result);
 * otherwise the first error, with the result as far as it got and
 * error_text saying why: a side's error code (method not installed, a
 * method error, an invalid packet from a method), ERROR_TIMEOUT when the
 * exchange stalled (a side discarded a packet and a real peer or
 * authenticator would wait for a timeout) or exceeded the round limit,
 * EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED when the peer method asks
 * for UI or attributes.  Before the run: ERROR_INVALID_PARAMETER (NULL
 * @cfg, @out, identity or user database, max_send from 1 to 19, a data
 * size without its pointer), ERROR_INVALID_STATE (before Initialize).
 * ERROR_NOT_ENOUGH_MEMORY, with nothing left over.
 */
DWORD eaphost_loopback_run(const eaphost_loopback_config *cfg,
                           eaphost_loopback_result **out);

/**
 * eaphost_loopback_free() - release a loopback result (keys wiped).
 * @result: the result, or NULL.
 */
void eaphost_loopback_free(eaphost_loopback_result *result);

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_AUTHENTICATOR_H */
