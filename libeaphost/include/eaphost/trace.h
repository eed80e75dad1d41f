/*
 * eaphost/trace.h - tracing of every host -> method call and every packet.
 *
 * Each event is handed to the caller's function as one JSON object (UTF-8,
 * no newline), for example
 *   {"event":"call","side":"peer","session":1048577,"type":"4",
 *    "function":"EapPeerProcessRequestPacket","rc":0,"rc_name":"ERROR_SUCCESS",
 *    "action":"Send"}
 *   {"event":"packet","side":"peer","session":1048577,"direction":"in",
 *    "code":1,"id":2,"length":22,"type":4,"data":"(redacted, 17 bytes)"}
 * Passwords, password hashes and keys are redacted unless the caller asks
 * for them with EAPHOST_TRACE_SECRETS: the type data of method packets, the
 * password given to EapPeerSetCredentials, attribute values.
 */
#ifndef EAPHOST_TRACE_H
#define EAPHOST_TRACE_H

#include <eaptypes.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Receives one event; @json is valid only during the call.  Called from
 * whichever thread made the host call, with no host lock held. */
typedef void (*eaphost_trace_fn)(void *context, const char *json);

/* Show secrets (method packet data, passwords, key attributes) in clear. */
#define EAPHOST_TRACE_SECRETS 0x1u

/**
 * eaphost_set_trace() - start or stop tracing for the whole process.
 * @fn: the receiver, or NULL to stop tracing.
 * @context: passed back to @fn.
 * @flags: 0 or EAPHOST_TRACE_SECRETS.
 *
 * Set it while no session is running on another thread: events already under
 * way may still reach the previous receiver.
 * Return: ERROR_SUCCESS, or ERROR_INVALID_PARAMETER for unknown flags.
 */
DWORD eaphost_set_trace(eaphost_trace_fn fn, void *context, DWORD flags);

/**
 * eaphost_trace_active() - TRUE while a trace receiver is set.
 */
BOOL eaphost_trace_active(void);

/**
 * eaphost_trace_text() - a method's own trace message (TracePrintf and
 * friends of the Windows compatibility layer end here).
 * @source: the trace client's name (UTF-8), or NULL.
 * @text: the message (UTF-8); not redacted: it is the method's own text.
 *
 * Becomes the event {"event":"method_trace","source":...,"text":...} while
 * tracing is on; nothing otherwise.
 */
void eaphost_trace_text(const char *source, const char *text);

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_TRACE_H */
