/*
 * internal.h - private to libeaphost: not installed, not for plugins.
 *
 * The shared picture of the host's objects and the contracts between its
 * files: memory.c, errors.c, utf16.c, registry.c, trust.c, loader.c,
 * host.c, session.c, credentials.c, peer_sm.c, api_runtime.c, api_config.c.
 * Internal names carry the prefix eh_.
 */
#ifndef EAPHOST_INTERNAL_H
#define EAPHOST_INTERNAL_H

#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <ltdl.h>

#include <eaphost/sdk.h>
#include <eaphost/eaphost.h>
#include <eaphost/authenticator.h>

#define EH_PRINTF(f, a) __attribute__((format(printf, f, a)))
/* Paths taken rarely (failures, first use): kept out of the hot code. */
#define EH_COLD __attribute__((cold, noinline))
/* Globals the packet path reads: never exported, so the compiler may
 * address them directly. */
#define EH_HIDDEN __attribute__((visibility("hidden")))

/* ---- memory.c: every host allocation goes through here ------------------ */

void *eh_malloc(size_t n);
void *eh_calloc(size_t count, size_t size);
void *eh_realloc(void *p, size_t n);
char *eh_strdup(const char *s);          /* NULL in, NULL out */
void *eh_memdup(const void *p, size_t n);    /* n == 0 gives NULL */
/* Release a block from any eh_* allocation function; NULL does nothing.
 * Inline: most of the blocks a session may own are never allocated. */
static inline void eh_free(void *p)
{
    if (p)
        free(p);
}
/* Overwrite @n bytes in a way the compiler keeps, then free. */
void eh_free_secret(void *p, size_t n);
/* Zero @n bytes with a call the compiler keeps as a call (large blocks). */
void eh_zero(void *p, size_t n);

/*
 * eh_wipe() - overwrite @n bytes at @p (the caller's, not freed; NULL only
 * with @n 0) with zeros.  Inline, as the packet path wipes small buffers
 * often.  The empty asm takes @p and clobbers memory, so the compiler must
 * assume the zeros are read: the memset is not a dead store it may drop
 * even when the memory is freed or goes out of scope right after (what
 * explicit_bzero() does, without the call).
 */
static inline void eh_wipe(void *p, size_t n)
{
    if (n == 0)
        return;
    memset(p, 0, n);
    __asm__ __volatile__("" : : "r"(p) : "memory");
}
/* Grow @buf to @need bytes, wiping the old one; contents not kept. */
bool eh_grow(BYTE **buf, DWORD *cap, DWORD need);
static inline bool eh_reserve(BYTE **buf, DWORD *cap, DWORD need)
{
    return *cap >= need || eh_grow(buf, cap, need);
}
/* Tests: make the allocation after @n more succeed fail (-1: never). */
void eh_test_fail_alloc_after(long n);
/* Tests: the same, and every allocation after it too. */
void eh_test_fail_allocs_from(long n);

/* ---- utf16.c -------------------------------------------------------- */

size_t eh_wcslen(const WCHAR *s);
/* New NUL-terminated copies from host memory; NULL on bad input or OOM. */
WCHAR *eh_utf8_to_utf16_dup(const char *s);
char *eh_utf16_to_utf8_dup(const WCHAR *s);
WCHAR *eh_wcsdup(const WCHAR *s);
/* Like eh_utf8_to_utf16_dup, malformed bytes becoming U+FFFD; NULL only for
 * NULL input or out of memory. */
WCHAR *eh_utf8_to_utf16_lossy(const char *s);
/* UTF-16 units of @n bytes of UTF-8; SIZE_MAX when malformed. */
size_t eh_utf8_count(const char *s, size_t n);
/* Convert @n bytes of well-formed UTF-8 (checked with eh_utf8_count) into
 * @out, which has room for their units; returns that number. */
size_t eh_utf8_convert(const char *s, size_t n, WCHAR *out);

/* ---- errors.c ------------------------------------------------------- */

/*
 * Build a host-owned EAP_ERROR (one allocation; free with eh_error_free or
 * EapHostPeerFreeEapError).  @type may be NULL.  The formatted reason goes to
 * pRootCauseString as UTF-16.  Returns NULL only when out of memory.
 */
EAP_ERROR *eh_error_new(DWORD code, const EAP_METHOD_TYPE *type,
                        const char *fmt, ...) EH_PRINTF(3, 4);
EAP_ERROR *eh_error_newv(DWORD code, const EAP_METHOD_TYPE *type,
                         const char *fmt, va_list ap) EH_PRINTF(3, 0);
/* Deep copy of an EAP_ERROR a method returned, into host memory. */
EAP_ERROR *eh_error_copy(const EAP_ERROR *src);
void eh_error_free(EAP_ERROR *e);
/* @copied (a method's error, host copy) or a standard text for @routine. */
EAP_ERROR *eh_method_error(EAP_ERROR *copied, DWORD rc,
                           const EAP_METHOD_TYPE *type, const char *routine);
/*
 * Store a new EAP_ERROR in *@pp when @pp is not NULL, and return @code:
 * `return eh_fail(ppEapError, ERROR_INVALID_STATE, NULL, "...");`
 */
DWORD eh_fail(EAP_ERROR **pp, DWORD code, const EAP_METHOD_TYPE *type,
              const char *fmt, ...) EH_PRINTF(4, 5);

/* ---- json_file.c: shared by registry.c and user_db.c ---------------- */

struct cJSON;
DWORD eh_json_file_read(const char *path, size_t max, const char *limit,
                        char **text, size_t *len, char **why);
unsigned eh_json_line_of(const char *text, const char *pos);
const char *eh_json_type_name(const struct cJSON *item);

/* ---- trace.c -------------------------------------------------------- */

enum eh_trace_side { EH_TRACE_PEER, EH_TRACE_AUTHENTICATOR };

bool eh_trace_on(void);
/* Non-zero while a trace receiver is set: the one test on the hot path. */
extern EH_HIDDEN int eh_tracing;
#define EH_TRACING() (__atomic_load_n(&eh_tracing, __ATOMIC_RELAXED) != 0)
#define EH_TRACE_CALL(...) \
    do { if (EH_TRACING()) eh_trace_call(__VA_ARGS__); } while (0)
#define EH_TRACE_PACKET(...) \
    do { if (EH_TRACING()) eh_trace_packet(__VA_ARGS__); } while (0)
#define EH_TRACE_ATTRIBUTES(...) \
    do { if (EH_TRACING()) eh_trace_attributes(__VA_ARGS__); } while (0)
void eh_trace_call(enum eh_trace_side side, EAP_SESSIONID session,
                   const EAP_METHOD_TYPE *type, const char *function,
                   DWORD rc, int action);
void eh_trace_dll_main(const EAP_METHOD_TYPE *type, const char *reason,
                       BOOL result);
void eh_trace_credentials(EAP_SESSIONID session, const EAP_METHOD_TYPE *type,
                          const char *identity, const WCHAR *password,
                          DWORD rc);
void eh_trace_packet(enum eh_trace_side side, EAP_SESSIONID session,
                     const char *direction, const BYTE *p, DWORD len);
void eh_trace_attributes(enum eh_trace_side side, EAP_SESSIONID session,
                         const EAP_METHOD_TYPE *type, const char *function,
                         const EAP_ATTRIBUTE *a, DWORD count);

/* ---- registry.c / trust.c -------------------------------------------- */

enum eh_method_state {
    EH_METHOD_UNLOADED = EAPHOST_METHOD_NOT_LOADED,
    EH_METHOD_LOADING = EAPHOST_METHOD_LOADING,
    EH_METHOD_READY = EAPHOST_METHOD_READY,
    EH_METHOD_FAULTY = EAPHOST_METHOD_FAULTY
};

typedef void (*eh_free_memory_fn)(void *p);
typedef void (*eh_free_error_fn)(EAP_ERROR *e);
typedef DWORD (*eh_get_info_fn)(EAP_TYPE *t, EAP_PEER_METHOD_ROUTINES *r,
                                EAP_ERROR **e);
typedef DWORD (*eh_query_cred_fields_fn)(HANDLE, EAP_METHOD_TYPE, DWORD, DWORD,
                                         BYTE *, EAP_CONFIG_INPUT_FIELD_ARRAY *,
                                         EAP_ERROR **);
typedef DWORD (*eh_query_user_blob_fn)(HANDLE, EAP_METHOD_TYPE, DWORD, DWORD,
                                       BYTE *,
                                       const EAP_CONFIG_INPUT_FIELD_ARRAY *,
                                       DWORD *, BYTE **, EAP_ERROR **);

/*
 * The dispatch table: the one seam between host and method.  Everything the
 * host calls in a method goes through it.  Filled by loader.c once per load;
 * nothing is resolved later.
 */
struct eh_dispatch {
    EAP_PEER_METHOD_ROUTINES r;          /* from EapPeerGetInfo */
    eh_free_memory_fn free_memory;       /* EapPeerFreeMemory (required) */
    eh_free_error_fn free_error_memory;  /* EapPeerFreeErrorMemory (required) */
    eh_query_cred_fields_fn query_credential_input_fields;     /* optional */
    eh_query_user_blob_fn query_user_blob_from_credential_input_fields;
};

/* ---- authenticator half: its dispatch table and load state -------------- */

typedef DWORD (*eh_auth_get_info_fn)(EAP_METHOD_TYPE *t,
                                     EAP_AUTHENTICATOR_METHOD_ROUTINES *r,
                                     EAP_ERROR **e);

/*
 * The authenticator half's dispatch table, filled by auth_loader.c once per
 * load; like struct eh_dispatch, the one seam between host and method.
 */
struct eh_auth_dispatch {
    EAP_AUTHENTICATOR_METHOD_ROUTINES r;  /* from EapMethodAuthenticatorGetInfo */
    eh_free_memory_fn free_memory;       /* ...FreeMemory (required) */
    eh_free_error_fn free_error_memory;  /* ...FreeErrorMemory (required) */
};

/* Load state of a method's authenticator half (auth_loader.c, under
 * eh_host.lock), kept apart from the peer half's: each half is loaded,
 * validated, used and unloaded on its own. */
struct eh_auth_half {
    enum eh_method_state state;
    pthread_t loading_thread;       /* valid while LOADING */
    unsigned users;                 /* live authenticator sessions */
    DWORD fault_code;
    char *fault_reason;             /* UTF-8, set when FAULTY */
    lt_dlhandle handle;
    struct eh_auth_dispatch dispatch;   /* valid while READY */
};

/*
 * One registered method (one registry JSON file).  Registry fields are set
 * by registry.c and never change afterwards; the load state belongs to
 * loader.c and is guarded by eh_host.lock.
 */
struct eh_method {
    EAP_METHOD_TYPE type;
    char *registry_file;            /* absolute path of the JSON file */
    char *peer_dll_path;            /* absolute; NULL without a peer half */
    char *peer_friendly_name;       /* UTF-8 */
    char *peer_config_ui_path;      /* absolute, NULL = peer_dll_path */
    char *peer_identity_path;       /* absolute, NULL = peer_dll_path */
    char *peer_interactive_ui_path; /* absolute, NULL = peer_dll_path */
    DWORD peer_require_config_ui;
    DWORD peer_invoke_username_dialog;
    DWORD peer_invoke_password_dialog;
    DWORD properties;
    char *auth_dll_path;            /* absolute; NULL without that half */
    char *auth_friendly_name;
    char *auth_config_ui_path;

    /* Load state (loader.c): written under eh_host.lock; state and users
     * are atomic, since a READY method is counted without the lock. */
    enum eh_method_state state;
    pthread_t loading_thread;       /* valid while LOADING */
    unsigned users;                 /* live sessions holding the method */
    DWORD fault_code;
    char *fault_reason;             /* UTF-8, set when FAULTY */
    lt_dlhandle handle;
    struct eh_dispatch dispatch;    /* valid while READY */

    /* The authenticator half (auth_loader.c, under eh_host.lock). */
    struct eh_auth_half auth;
};

struct eh_problem {
    eaphost_problem_severity severity;
    char *file;
    char *reason;
};

struct eh_registry {
    struct eh_method **methods;     /* sorted by file name order */
    size_t count;
    struct eh_problem *problems;
    size_t problem_count;
};

/*
 * Read every *.json file of @dir (name order, not recursive) into @reg.
 * Per-file errors become problems and the file is skipped; the call fails
 * only when out of memory (ERROR_NOT_ENOUGH_MEMORY, @reg left empty).  A
 * missing or unreadable directory is one problem and an empty registry.
 */
DWORD eh_registry_load(const char *dir, struct eh_registry *reg);
void eh_registry_free(struct eh_registry *reg);
/* Exact match on (type, vendor, vendor type, author). */
/* Same author, type, vendor id and vendor type. */
static inline bool eh_method_type_equal(const EAP_METHOD_TYPE *a,
                                        const EAP_METHOD_TYPE *b)
{
    return a->dwAuthorId == b->dwAuthorId &&
           a->eapType.type == b->eapType.type &&
           a->eapType.dwVendorId == b->eapType.dwVendorId &&
           a->eapType.dwVendorType == b->eapType.dwVendorType;
}
/* Index of the method of an exact type in @reg->methods, SIZE_MAX if none. */
size_t eh_registry_index(const struct eh_registry *reg,
                         const EAP_METHOD_TYPE *type);
struct eh_method *eh_registry_find(const struct eh_registry *reg,
                                   const EAP_METHOD_TYPE *type);
void eh_method_free(struct eh_method *m);

/*
 * Trust check of a registry file or plugin before it is read or loaded.
 * Return 0 when acceptable (*@warning set, caller frees, for group-writable
 * files or directories), -1 when refused (*@reason set, caller frees).
 * Returns -1 with *@reason NULL when out of memory or on NULL arguments.
 */
int eh_trust_check(const char *path, char **warning, char **reason);

/* ---- loader.c ------------------------------------------------------- */

/* lt_dlinit and our immediate-binding loader; lt_dlexit. Under ltdl lock. */
DWORD eh_loader_init(void);
void eh_loader_exit(void);

/*
 * Make @m READY if it is not, and count one more user.  Loads on first use:
 * dlopen (RTLD_NOW), DllMain(ATTACH), EapPeerGetInfo for m->type, required
 * routines non-NULL, EapPeerInitialize.  A failure marks the method FAULTY
 * with its reason (kept for later calls).  Waits while another thread loads
 * it; the loading thread itself (a method calling back while it loads) gets
 * EAP_E_EAPHOST_METHOD_NOT_INSTALLED instead of a deadlock.
 *
 * Return: ERROR_SUCCESS, or EAP_E_EAPHOST_METHOD_NOT_INSTALLED with
 * *@err (if not NULL) carrying the reason.  Takes eh_host.lock itself.
 */
DWORD eh_method_acquire(struct eh_method *m, EAP_ERROR **err);
void eh_method_release(struct eh_method *m);
/* Load and validate without counting a user (eaphost_list_methods). */
DWORD eh_method_validate(struct eh_method *m, EAP_ERROR **err);
/* EapPeerShutdown, DllMain(DETACH), unload; back to UNLOADED. */
void eh_method_unload(struct eh_method *m);

/*
 * Pass an EAP_ERROR that a method returned into host memory: copy it to
 * *@out (if @out is not NULL), free the method's copy with its
 * EapPeerFreeErrorMemory.  @method_err may be NULL.
 */
void eh_pass_method_error(const struct eh_dispatch *d, EAP_ERROR *method_err,
                          EAP_ERROR **out);
static inline void eh_take_method_error(const struct eh_dispatch *d,
                                        EAP_ERROR *method_err,
                                        EAP_ERROR **out)
{
    if (method_err)     /* the rare case, out of line */
        eh_pass_method_error(d, method_err, out);
}

/* ---- auth_loader.c: the authenticator half ---------------------------- */

/*
 * The peer half's eh_method_* functions for the authenticator half: load on
 * first use from m->auth_dll_path with the same loader, trust check and
 * DllMain table, validation steps of its own (EapMethodAuthenticatorGetInfo
 * ...), state in m->auth.  Same return codes as eh_method_acquire().
 */
DWORD eh_auth_method_acquire(struct eh_method *m, EAP_ERROR **err);
void eh_auth_method_release(struct eh_method *m);
DWORD eh_auth_method_validate(struct eh_method *m, EAP_ERROR **err);
/* EapMethodAuthenticatorShutdown, DllMain(DETACH), unload. */
void eh_auth_method_unload(struct eh_method *m);
/* As eh_take_method_error(), through EapMethodAuthenticatorFreeErrorMemory. */
void eh_auth_take_method_error(const struct eh_auth_dispatch *d,
                               EAP_ERROR *method_err, EAP_ERROR **out);

/* ---- user_db.c ------------------------------------------------------- */

/* One more reference to @db (a session's); eaphost_user_db_free drops it. */
eaphost_user_db *eh_user_db_ref(const eaphost_user_db *db);
/* The stored password of @identity (NUL-terminated UTF-8): true with
 * *@password (NUL-terminated, owned by @db) and its byte length. */
bool eh_user_db_find(const eaphost_user_db *db, const char *identity,
                     const char **password, size_t *password_len);
/* Well-formed UTF-8 of @n bytes, without NUL (user_db.c). */
bool eh_utf8_valid(const BYTE *s, size_t n);

/* ---- auth_session.c: authenticator sessions ---------------------------- */

/* End every authenticator session (EapHostPeerUninitialize), before the
 * authenticator halves are unloaded. */
void eh_auth_sessions_end_all(void);

/* ---- host.c --------------------------------------------------------- */

struct eh_host {
    pthread_mutex_t lock;           /* init count, registry, method states */
    pthread_cond_t method_changed;  /* a method left LOADING */
    unsigned init_count;
    struct eh_registry registry;
    char *methods_dir_override;     /* eaphost_set_methods_dir */
};
extern EH_HIDDEN struct eh_host eh_host;

/* Non-zero while EapHostPeerInitialize's count is above zero (host.c). */
extern EH_HIDDEN unsigned eh_initialized_flag;

/* True while EapHostPeerInitialize's count is above zero.  Inline: every
 * public call tests it first. */
static inline bool eh_host_initialized(void)
{
    return __atomic_load_n(&eh_initialized_flag, __ATOMIC_ACQUIRE) != 0;
}
/* Find a registered method; NULL if none.  Registry is immutable while
 * initialised, so no lock is needed by callers holding a session. */
struct eh_method *eh_host_find_method(const EAP_METHOD_TYPE *type);

/* ---- session.c / peer_sm.c ------------------------------------------- */

/* Peer-side outcome state, RFC 4137 names where they exist. */
enum eh_decision { EH_DECISION_FAIL, EH_DECISION_COND_SUCC,
                   EH_DECISION_UNCOND_SUCC };

/* Flags in the low half of eh_session.state; the id is the high half. */
#define EH_ST_LIVE 0x1u            /* between Begin and End */
#define EH_ST_BUSY 0x2u            /* a thread is inside a call */
#define EH_ST_CLEAR_PENDING 0x4u   /* ClearConnection arrived while busy */
#define EH_ST_CLEARING 0x8u        /* ClearConnection is inside it */

/* Bytes (NUL included) of a credential kept inside the session slot. */
#define EH_CRED_INLINE 64u

struct eh_session {
    /* Slot bookkeeping: survives from one session of the slot to the next. */
    uint64_t state;              /* (id << 32) | EH_ST_*; atomic */
    EAP_SESSIONID id;            /* the slot's current or next id */
    void *clearing_by;           /* thread marker of a ClearConnection */
    pthread_mutex_t lock;        /* slow path: waiting for a clear to end */
    pthread_cond_t idle;         /* signalled when a clear ends */
    uint32_t next_free;          /* free stack: index + 1 below, 0 none */
    struct eh_session *conn_next;  /* connection hash chain */
    /* Packet buffers, kept for the slot's next session when small. */
    BYTE *send_buf, *scratch;    /* buf_cap bytes each */
    DWORD buf_cap;
    DWORD scratch_len;           /* bytes the method last wrote */
    BYTE *last_req;  DWORD last_req_cap;     /* for retransmission compare */
    BYTE *req_copy;  DWORD req_copy_cap;     /* the method's private copy */
    /* Inline homes of short credentials, so that the common case costs no
     * allocation: identity, identity_w and password_w below point here,
     * or to host memory when longer than EH_CRED_INLINE - 1 bytes or
     * units.  Only reached through those pointers; the password's units
     * are wiped at the end of each session (eh_session_destroy), so the
     * slot keeps no secret. */
    char identity_buf[EH_CRED_INLINE];
    WCHAR identity_wbuf[EH_CRED_INLINE];
    WCHAR password_wbuf[EH_CRED_INLINE];

    /* Everything from here on is zeroed for each new session. */
    /* Set at Begin, owned by the session (host copies). */
    struct eh_method *method;
    EAP_SESSION_HANDLE method_session;
    bool method_session_open;      /* EapPeerEndSession still due */
    bool has_connection;
    GUID connection_id;
    NotificationHandler notify;
    void *notify_context;
    DWORD flags;
    DWORD max_send;
    BYTE *conn_data;   DWORD conn_size;
    BYTE *user_data;   DWORD user_size;
    char *identity;              /* UTF-8, from the supplicant or method */
    WCHAR *identity_w;           /* the same identity in UTF-16 */
    WCHAR *password_w;           /* UTF-16, wiped on free */
    size_t identity_len;         /* bytes of identity, without the NUL */
    size_t password_units;       /* units of password_w, without the NUL */
    bool credentials_given;
    bool credentials_passed;     /* EapPeerSetCredentials done */
    bool accept_result_id_plus_one;

    /* State machine (peer_sm.c). */
    bool started;                /* first packet seen */
    bool cleared;                /* method session ended by the host */
    bool done;                   /* result decided: no more packets */
    BYTE cur_req_id;             /* Identifier of the request in work */
    EapHostPeerMethodResult result;   /* valid when result_ready */
    EAP_ERROR *result_error;     /* host copy, handed over by GetResult */
    bool method_started;         /* method got its first request */
    bool method_responded;       /* method sent at least one Response */
    int last_id;                 /* RFC 4137 lastId, -1 = none */
    DWORD last_req_len;
    DWORD req_copy_len;
    bool have_cached_resp;        /* send_buf holds the last Response */
    bool last_req_private;        /* last_req may hold the method's copy */
    bool allow_notifications;
    EapPeerMethodOutput last_output;
    bool ui_pending, attrs_pending;
    DWORD send_len;
    DWORD wipe_len;              /* longest packet a buffer held: wiped */
    bool send_ready;             /* GetSendPacket has something */
    bool result_ready;           /* GetResult may be called */
    EapPeerMethodResultReason result_reason;
    EAPHOST_AUTH_STATUS status;
    DWORD error_code;            /* for EAPHOST_AUTH_INFO */
    DWORD reason_code;
    eaphost_session_counters counters;

    /* Host-owned copies handed to the supplicant; valid until next call. */
    BYTE *out_ui_context;
    EAP_ATTRIBUTE *out_attribs; DWORD out_attrib_count;
    BYTE *out_result_conn, *out_result_user;
    EAP_ATTRIBUTE *out_result_attribs; DWORD out_result_attrib_count;
    EAP_ATTRIBUTES result_attribs;   /* points at out_result_attribs */
    BYTE *out_auth_data;
};

/*
 * Session table: O(1), lock-free lookup of a slot by id; each slot has its
 * own mutex.  Ids are never 0 and carry a generation, so a stale id is
 * refused.  Neither Begin/End nor the packet path take a lock, except for
 * sessions with a connection id (session.c).
 *
 * An id is (generation << EH_INDEX_BITS) | (slot index + 1); slots live in
 * chunks of EH_CHUNK_SIZE that are never freed while the process runs.
 */
#define EH_INDEX_BITS 16u
#define EH_INDEX_MASK ((1u << EH_INDEX_BITS) - 1u)
#define EH_CHUNK_BITS 8u
#define EH_CHUNK_SIZE (1u << EH_CHUNK_BITS)
#define EH_MAX_CHUNKS (1u << (EH_INDEX_BITS - EH_CHUNK_BITS))
/* Each slot takes a power of two bytes, so that finding one is a shift. */
#define EH_SLOT_SHIFT 10u
_Static_assert(sizeof(struct eh_session) <= (1u << EH_SLOT_SHIFT),
               "a session slot outgrew EH_SLOT_SHIFT");
extern EH_HIDDEN unsigned char *eh_session_chunks[EH_MAX_CHUNKS];

/* Slot @i of @chunk. */
static inline struct eh_session *eh_chunk_slot(unsigned char *chunk,
                                               unsigned i)
{
    return (struct eh_session *)(void *)(chunk +
                                         ((size_t)i << EH_SLOT_SHIFT));
}

DWORD eh_sessions_init(void);
void eh_sessions_exit(void);
/* Reserve a slot; @conn (may be NULL) must not have a live session.
 * Returns ERROR_INVALID_STATE if it has; the slot is live and busy. */
DWORD eh_session_create(const GUID *conn, struct eh_session **out);
struct eh_session *eh_session_enter_slow(EAP_SESSIONID id, bool *busy);
void eh_session_leave_slow(struct eh_session *s);

static inline uint64_t eh_session_state_of(EAP_SESSIONID id, unsigned flags)
{
    return ((uint64_t)id << 32) | flags;
}

/* The slot an id names (whatever its generation), NULL if none. */
static inline struct eh_session *eh_session_slot(EAP_SESSIONID id)
{
    unsigned idx = (id & EH_INDEX_MASK) - 1u;   /* index 0 wraps: refused */
    unsigned char *chunk;

    if (idx >= EH_MAX_CHUNKS * EH_CHUNK_SIZE)
        return NULL;
    chunk = __atomic_load_n(&eh_session_chunks[idx >> EH_CHUNK_BITS],
                            __ATOMIC_ACQUIRE);
    return chunk ? eh_chunk_slot(chunk, idx & (EH_CHUNK_SIZE - 1u)) : NULL;
}

/* Fast path of entering: the slot of @id if it is live and idle and this
 * call marked it busy (one compare-and-swap), else NULL. */
static inline struct eh_session *eh_session_try_enter(EAP_SESSIONID id)
{
    struct eh_session *s = eh_session_slot(id);
    uint64_t cur;

    if (!s)
        return NULL;
    cur = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
    if (cur == eh_session_state_of(id, EH_ST_LIVE) &&
        __atomic_compare_exchange_n(&s->state, &cur, cur | EH_ST_BUSY,
                                    false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE))
        return s;
    return NULL;
}

/*
 * eh_session_enter() - look a live session up and mark it busy.
 * @busy: if not NULL, set true when the session exists but another call is
 *        inside it.
 *
 * Return: the session, to be left with eh_session_leave() or destroyed;
 * NULL for an unknown, stale, ended or busy id.
 */
static inline struct eh_session *eh_session_enter(EAP_SESSIONID id,
                                                  bool *busy)
{
    struct eh_session *s = eh_session_try_enter(id);

    if (s) {
        if (busy)
            *busy = false;
        return s;
    }
    return eh_session_enter_slow(id, busy);
}

/* The rest of eh_session_enter_checked() after its fast path failed. */
DWORD eh_session_enter_checked_slow(EAP_SESSIONID id,
                                    struct eh_session **out);

/*
 * eh_session_enter_checked() - entry of a public call on a session.
 * Return: ERROR_SUCCESS with *@out entered; ERROR_INVALID_STATE before
 * EapHostPeerInitialize or while another call is inside the session;
 * ERROR_INVALID_HANDLE for an unknown, ended or stale id (*@out NULL).
 */
static inline DWORD eh_session_enter_checked(EAP_SESSIONID id,
                                             struct eh_session **out)
{
    if (eh_host_initialized() && (*out = eh_session_try_enter(id)))
        return ERROR_SUCCESS;
    return eh_session_enter_checked_slow(id, out);
}

/* Leave a busy session; a ClearConnection that arrived meanwhile is
 * carried out first (out of line). */
static inline void eh_session_leave(struct eh_session *s)
{
    uint64_t cur = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);

    if (!(cur & (EH_ST_CLEAR_PENDING | EH_ST_CLEARING)) &&
        __atomic_compare_exchange_n(&s->state, &cur, cur & ~(uint64_t)EH_ST_BUSY,
                                    false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return;
    eh_session_leave_slow(s);
}

/* Free a busy session's resources and its slot (id becomes stale). */
void eh_session_destroy(struct eh_session *s);
/* End the method session of @conn's session now, or mark it
 * clear_pending when another thread is inside it.  False: no session. */
bool eh_sessions_clear_connection(const GUID *conn);
/* End every live session (EapHostPeerUninitialize). */
void eh_sessions_end_all(void);

/* Replace a busy session's identity and/or password (NULL: keep), given
 * in UTF-8; all or nothing.  ERROR_NO_UNICODE_TRANSLATION,
 * ERROR_NOT_ENOUGH_MEMORY. */
DWORD eh_session_give_credentials(struct eh_session *s, const char *identity,
                                  const char *password);
/* Forget both credentials (session end): memory freed, password wiped. */
void eh_session_drop_credentials(struct eh_session *s);

/* End the method's session if still open (method EapPeerEndSession). */
DWORD eh_session_end_method(struct eh_session *s, EAP_ERROR **err);

/* ---- attributes.c ---------------------------------------------------- */

/*
 * Copy a method's attribute array into one host block (entries, then their
 * values), skipping eatMinimum entries.  *@out is NULL when nothing is left.
 * Return: ERROR_SUCCESS, ERROR_NOT_ENOUGH_MEMORY, or
 * EAP_E_EAPHOST_METHOD_INVALID_PACKET for an implausible array.
 */
DWORD eh_attributes_copy(const EAP_ATTRIBUTES *src, EAP_ATTRIBUTE **out,
                         DWORD *count);

/* peer_sm.c: one received packet through the peer state machine. */
DWORD eh_sm_process(struct eh_session *s, DWORD len, const BYTE *pkt,
                    EapHostPeerResponseAction *action, EAP_ERROR **err);
/* Translate a method action (EapPeerMethodResponseAction) for the
 * supplicant; never cast between the two enums. */
EapHostPeerResponseAction eh_sm_translate_action(EapPeerMethodResponseAction a);
/* Act on a method's output (ProcessRequestPacket, SetUIContext,
 * SetResponseAttributes). */
DWORD eh_sm_method_output(struct eh_session *s, const EapPeerMethodOutput *o,
                          EapHostPeerResponseAction *action, EAP_ERROR **err);
/* Ask the method for its result and keep a host copy in s->result. */
DWORD eh_sm_fetch_result(struct eh_session *s, EapPeerMethodResultReason why,
                         bool force_failure, EAP_ERROR **err);
/* Fail the session: status Failed, a failure result, *@err set. */
DWORD eh_sm_fail(struct eh_session *s, DWORD code, EAP_ERROR *e,
                 EapHostPeerResponseAction *action, EAP_ERROR **err);

#endif /* EAPHOST_INTERNAL_H */
