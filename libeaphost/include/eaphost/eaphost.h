/*
 * eaphost/eaphost.h - libeaphost's own API, beside the Windows EAPHost API.
 *
 * Everything here is an emulator extension with the prefix eaphost_; the
 * Windows names live in the SDK-named headers (eappapis.h, ...).  Strings
 * crossing this header are UTF-8 unless the type says WCHAR.
 */
#ifndef EAPHOST_EAPHOST_H
#define EAPHOST_EAPHOST_H

#include <stddef.h>
#include <eaptypes.h>
#include <eaphosterror.h>
#include <eapmethodtypes.h>
#include <eapauthenticatortypes.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Returned when a UTF-8 or UTF-16 string is not well formed (Win32 value). */
#ifndef ERROR_NO_UNICODE_TRANSLATION
#define ERROR_NO_UNICODE_TRANSLATION ((DWORD)1113L)
#endif

/**
 * eaphost_free() - release memory that an eaphost_* call allocated.
 * @p: the buffer, or NULL.
 */
void eaphost_free(void *p);

/**
 * eaphost_error_name() - symbolic name of a Win32 / EAPHost code.
 * @code: the code.
 *
 * Return: a static string such as "EAP_E_EAPHOST_METHOD_NOT_INSTALLED", or
 * "UNKNOWN_ERROR" for a code the table does not hold.  Never NULL.
 */
const char *eaphost_error_name(DWORD code);

/**
 * eaphost_error_message() - one-line English description of a code.
 * @code: the code.
 *
 * Return: a static string, never NULL.
 */
const char *eaphost_error_message(DWORD code);

/* ---- Methods directory and registry ------------------------------------ */

/**
 * eaphost_set_methods_dir() - choose the directory of registry JSON files.
 * @dir: a directory path (copied), or NULL to return to the environment
 *       variable EAPHOST_METHODS_DIR or the built-in default.
 *
 * Takes effect at the next EapHostPeerInitialize() that starts the host
 * (reference count 0 -> 1).
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_STATE while the host is
 * initialised; ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eaphost_set_methods_dir(const char *dir);

/**
 * eaphost_get_methods_dir() - the directory the registry is (or will be)
 * read from.
 * @dir: receives a copy, freed by the caller with eaphost_free().
 */
DWORD eaphost_get_methods_dir(char **dir);

typedef enum eaphost_problem_severity {
    EAPHOST_PROBLEM_WARNING = 1,   /* the file or method still loads */
    EAPHOST_PROBLEM_ERROR = 2      /* the file or method was refused */
} eaphost_problem_severity;

/* One problem found while reading the registry. */
typedef struct eaphost_problem {
    eaphost_problem_severity severity;
    char *file;        /* the registry file concerned (absolute path) */
    char *reason;      /* what is wrong, one line */
} eaphost_problem;

/**
 * eaphost_get_registry_problems() - problems found by the last registry read.
 * @problems: receives an array the caller frees with
 *            eaphost_free_registry_problems().
 * @count: receives the number of entries.
 *
 * Return: ERROR_SUCCESS, ERROR_INVALID_PARAMETER, ERROR_INVALID_STATE
 * before EapHostPeerInitialize(), ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eaphost_get_registry_problems(eaphost_problem **problems, DWORD *count);
void eaphost_free_registry_problems(eaphost_problem *problems, DWORD count);

typedef enum eaphost_method_state {
    EAPHOST_METHOD_NOT_LOADED = 0,  /* registered, not used yet */
    EAPHOST_METHOD_LOADING = 1,
    EAPHOST_METHOD_READY = 2,       /* loaded, validated, initialised */
    EAPHOST_METHOD_FAULTY = 3       /* refused; see fault_reason */
} eaphost_method_state;

/* A registered method as the host sees it. */
typedef struct eaphost_method_entry {
    EAP_METHOD_TYPE type;
    char *friendly_name;      /* PeerFriendlyName (or the authenticator's) */
    char *registry_file;
    char *peer_dll_path;      /* absolute, or NULL without a peer half */
    char *authenticator_dll_path;   /* absolute, or NULL */
    DWORD properties;         /* eapProp* bits */
    eaphost_method_state state;
    DWORD fault_code;         /* for FAULTY: EAP_E_EAPHOST_METHOD_NOT_INSTALLED */
    char *fault_reason;       /* for FAULTY: why, else NULL */
    /* The authenticator half, as the peer half's three fields above
     * (NOT_LOADED and no reason when authenticator_dll_path is NULL). */
    eaphost_method_state authenticator_state;
    DWORD authenticator_fault_code;
    char *authenticator_fault_reason;
} eaphost_method_entry;

/**
 * eaphost_list_methods() - every registered method with its load state.
 * @validate: TRUE loads and validates each half (peer and authenticator)
 *            not yet loaded first, so that faulty ones show with their
 *            reasons.
 * @methods: receives an array freed with eaphost_free_method_list().
 * @count: receives its length.
 */
DWORD eaphost_list_methods(BOOL validate, eaphost_method_entry **methods,
                           DWORD *count);
void eaphost_free_method_list(eaphost_method_entry *methods, DWORD count);

/* ---- Sessions -------------------------------------------------------- */

/**
 * eaphost_session_set_credentials() - hand a user name and password to a
 * session, as the Windows credential dialogs would.
 * @session: an id from EapHostPeerBeginSession().
 * @identity: UTF-8 user name (copied), or NULL.  When given, the host
 *            answers Request/Identity with it.
 * @password: UTF-8 password (copied, wiped at EndSession), or NULL.
 *
 * Must come before the session's first packet.  The host passes both to the
 * method's EapPeerSetCredentials when the registry asks for a user name or
 * password dialog.  A later call replaces what an earlier one gave; a
 * failed call changes nothing.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER if both are NULL;
 * ERROR_INVALID_HANDLE for an unknown or ended id; ERROR_INVALID_STATE after
 * the first packet or while another call is inside the session;
 * ERROR_NO_UNICODE_TRANSLATION for malformed UTF-8; ERROR_NOT_ENOUGH_MEMORY.
 * The checks are made in that order.
 */
DWORD eaphost_session_set_credentials(EAP_SESSIONID session,
                                      const char *identity,
                                      const char *password);

/* Per-session packet counters, read with eaphost_session_get_counters(). */
typedef struct eaphost_session_counters {
    DWORD packets_received;       /* every call of ProcessReceivedPacket */
    DWORD responses_sent;         /* Responses handed to the supplicant */
    DWORD retransmissions;        /* cached Response sent again */
    DWORD remote_invalid_packets; /* malformed: EAP_E_EAPHOST_REMOTE_INVALID_PACKET */
    DWORD discarded;              /* all discards, malformed ones included */
    DWORD notifications;          /* Request/Notification answered */
    DWORD naks_sent;              /* legacy or expanded Nak sent */
    DWORD last_discard_code;      /* code of the last discard, 0 if none */
} eaphost_session_counters;

/**
 * eaphost_session_get_counters() - copy a session's counters.
 * Return: ERROR_SUCCESS, ERROR_INVALID_PARAMETER, ERROR_INVALID_HANDLE.
 */
DWORD eaphost_session_get_counters(EAP_SESSIONID session,
                                   eaphost_session_counters *counters);

typedef enum eaphost_session_option {
    /* Accept Success/Failure whose Identifier is lastId + 1 (some servers
     * send that).  Value 0 (default) or 1. */
    EAPHOST_OPTION_ACCEPT_RESULT_ID_PLUS_ONE = 1
} eaphost_session_option;

/**
 * eaphost_session_set_option() - set a documented per-session option.
 * Return: ERROR_SUCCESS, ERROR_INVALID_PARAMETER (unknown option or value),
 * ERROR_INVALID_HANDLE.
 */
DWORD eaphost_session_set_option(EAP_SESSIONID session,
                                 eaphost_session_option option, DWORD value);

/* ---- UTF-8 <-> UTF-16, locale independent ----------------------------- */

/**
 * eaphost_utf8_to_utf16() - convert UTF-8 to a new NUL-terminated UTF-16
 * string.
 * @in: UTF-8 text; @in_len bytes, or (size_t)-1 for NUL-terminated.
 * @out: receives the string, freed with eaphost_free().
 * @out_len: if not NULL, receives its length in code units without the NUL.
 *
 * Return: ERROR_SUCCESS; ERROR_NO_UNICODE_TRANSLATION for malformed input
 * (overlong forms, surrogates, values past U+10FFFF, truncated sequences);
 * ERROR_INVALID_PARAMETER; ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eaphost_utf8_to_utf16(const char *in, size_t in_len, WCHAR **out,
                            size_t *out_len);

/**
 * eaphost_utf16_to_utf8() - convert UTF-16 to a new NUL-terminated UTF-8
 * string.  @in_len is in code units, or (size_t)-1 for NUL-terminated.
 * Unpaired surrogates give ERROR_NO_UNICODE_TRANSLATION.
 */
DWORD eaphost_utf16_to_utf8(const WCHAR *in, size_t in_len, char **out,
                            size_t *out_len);

/* ---- Inspection ------------------------------------------------------ */

/**
 * eaphost_get_method_routines() - copy the routine tables the host holds
 * for a registered method, as its GetInfo calls filled them.
 * @type: the method, as registered (type, vendor, author).
 * @peer: if not NULL, receives the peer half's EAP_PEER_METHOD_ROUTINES.
 * @auth: if not NULL, receives the authenticator half's
 *        EAP_AUTHENTICATOR_METHOD_ROUTINES.
 *
 * For tools that show which routines a method provides (eaphost-test
 * inspect).  Nothing is loaded: a half is copied only while it is READY
 * (after eaphost_list_methods() with validation, or a session); otherwise
 * its table is zeroed.  The function pointers point into the loaded plugin
 * and stay valid only until it is unloaded (the last
 * EapHostPeerUninitialize); they are for looking at, never for calling.
 *
 * Return: ERROR_SUCCESS when every half asked for was copied;
 * EAP_E_EAPHOST_METHOD_NOT_INSTALLED when the method is not registered or
 * a half asked for is not READY (the other half is still copied);
 * ERROR_INVALID_PARAMETER (NULL @type, or both tables NULL);
 * ERROR_INVALID_STATE before EapHostPeerInitialize().
 */
DWORD eaphost_get_method_routines(const EAP_METHOD_TYPE *type,
                                  EAP_PEER_METHOD_ROUTINES *peer,
                                  EAP_AUTHENTICATOR_METHOD_ROUTINES *auth);

#ifdef __cplusplus
}
#endif

#endif /* EAPHOST_EAPHOST_H */
