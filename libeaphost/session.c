/*
 * session.c - the session table.
 *
 * A session id is (generation << EH_INDEX_BITS) | (slot index + 1): never 0,
 * found in O(1) without a global lock, and refused once its slot has been
 * reused (the generation moved on).  Slots live in chunks that are never
 * freed while the process runs, so a lookup with any made-up id reads valid
 * memory.  Free slots are a lock-free stack; only sessions with a
 * connection id (its index) and the growth of the table take the table
 * lock.  The packet path takes no lock at all: a call enters a session
 * with one compare-and-swap on the slot's state word (id and flags
 * together) and leaves with another (both inline, internal.h).  Only a thread that meets a
 * ClearConnection running in its session sleeps, on the slot's condition
 * variable, until the clear is over.
 */
#include "internal.h"

#include <string.h>

/* Packet buffers up to this size stay with the slot for its next session. */
#define EH_KEEP_BUFFER 4096u

#define EH_GEN_MASK ((1u << (32u - EH_INDEX_BITS)) - 1u)
#define EH_CONN_BUCKETS 4096u

/* Chunks of slots, published with a release store; read by the inline
 * lookup in internal.h. */
unsigned char *eh_session_chunks[EH_MAX_CHUNKS];

/*
 * Free slots: a lock-free LIFO stack (the slot used last comes back first,
 * with its buffers warm; the generation keeps its old ids stale).  The
 * head word is (tag << 32) | (index + 1), 0 in the low half for empty;
 * the tag moves on every change, so that a slot popped and pushed back
 * meanwhile cannot make a stale compare-and-swap succeed.  A slot's
 * next_free is the index + 1 of the slot under it.
 */
static uint64_t free_head;

static struct {
    pthread_mutex_t lock;          /* growth and the connection index */
    unsigned chunk_count;
    struct eh_session *conn_buckets[EH_CONN_BUCKETS];
} table = { .lock = PTHREAD_MUTEX_INITIALIZER };

static EAP_SESSIONID state_id(uint64_t state)
{
    return (EAP_SESSIONID)(state >> 32);
}

/* The address of a thread-local byte tells threads apart. */
static void *this_thread(void)
{
    static _Thread_local char marker;

    return &marker;
}

static EAP_SESSIONID next_id(EAP_SESSIONID id)
{
    unsigned gen = ((id >> EH_INDEX_BITS) + 1u) & EH_GEN_MASK;

    if (gen == 0)
        gen = 1;
    return (gen << EH_INDEX_BITS) | (id & EH_INDEX_MASK);
}

static unsigned conn_bucket(const GUID *g)
{
    const BYTE *b = (const BYTE *)g;
    uint32_t h = 2166136261u;   /* FNV-1a over the 16 bytes */
    size_t i;

    for (i = 0; i < sizeof(*g); i++)
        h = (h ^ b[i]) * 16777619u;
    return h % EH_CONN_BUCKETS;
}

static uint64_t next_head(uint64_t head, uint32_t top)
{
    return (((head >> 32) + 1u) << 32) | top;
}

/* Push the chain @first .. @last (linked by next_free) on the free stack. */
static void push_free(struct eh_session *first, struct eh_session *last)
{
    uint64_t head = __atomic_load_n(&free_head, __ATOMIC_RELAXED);
    uint64_t next;

    do {
        __atomic_store_n(&last->next_free, (uint32_t)head, __ATOMIC_RELAXED);
        next = next_head(head, first->id & EH_INDEX_MASK);
    } while (!__atomic_compare_exchange_n(&free_head, &head, next, false,
                                          __ATOMIC_RELEASE,
                                          __ATOMIC_RELAXED));
}

/* Pop a free slot, NULL when there is none. */
static struct eh_session *pop_free(void)
{
    uint64_t head = __atomic_load_n(&free_head, __ATOMIC_ACQUIRE);

    for (;;) {
        struct eh_session *s = eh_session_slot((uint32_t)head);
        uint32_t below;

        if (!s)
            return NULL;
        /* Read before the swap; a slot taken meanwhile fails the swap. */
        below = __atomic_load_n(&s->next_free, __ATOMIC_RELAXED);
        if (__atomic_compare_exchange_n(&free_head, &head,
                                        next_head(head, below), false,
                                        __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE))
            return s;
    }
}

/* Table lock held.  Adds one chunk of free slots, unless another thread
 * refilled the free stack meanwhile. */
static DWORD grow_table(void)
{
    struct eh_session *prev = NULL, *last = NULL;
    unsigned char *chunk;
    unsigned base, i;

    if ((uint32_t)__atomic_load_n(&free_head, __ATOMIC_ACQUIRE) != 0)
        return ERROR_SUCCESS;
    if (table.chunk_count == EH_MAX_CHUNKS)
        return ERROR_NOT_ENOUGH_MEMORY;
    chunk = eh_calloc(EH_CHUNK_SIZE, (size_t)1 << EH_SLOT_SHIFT);
    if (!chunk)
        return ERROR_NOT_ENOUGH_MEMORY;
    base = table.chunk_count * EH_CHUNK_SIZE;
    /* Lowest index on top; the very last index would need index + 1 past
     * the mask and is never used. */
    for (i = EH_CHUNK_SIZE; i-- > 0;) {
        struct eh_session *s = eh_chunk_slot(chunk, i);

        pthread_mutex_init(&s->lock, NULL);
        pthread_cond_init(&s->idle, NULL);
        if (base + i + 1u > EH_INDEX_MASK)
            continue;
        s->id = (1u << EH_INDEX_BITS) | (base + i + 1u);
        s->next_free = prev ? prev->id & EH_INDEX_MASK : 0;
        if (!last)
            last = s;
        prev = s;
    }
    __atomic_store_n(&eh_session_chunks[table.chunk_count], chunk,
                     __ATOMIC_RELEASE);
    table.chunk_count++;
    push_free(eh_chunk_slot(chunk, 0), last);
    return ERROR_SUCCESS;
}

/* A free slot, the table grown when none is left.  @locked: the caller
 * holds the table lock. */
static struct eh_session *take_slot(bool locked, DWORD *rc)
{
    struct eh_session *s;

    while (!(s = pop_free())) {
        if (!locked)
            pthread_mutex_lock(&table.lock);
        *rc = grow_table();
        if (!locked)
            pthread_mutex_unlock(&table.lock);
        if (*rc != ERROR_SUCCESS)
            return NULL;
    }
    return s;
}

/**
 * eh_sessions_init() - ready the table (slots persist across init cycles).
 */
DWORD eh_sessions_init(void)
{
    return ERROR_SUCCESS;
}

/**
 * eh_sessions_exit() - nothing to release: slots stay for stale lookups.
 */
void eh_sessions_exit(void)
{
}

static bool conn_busy(const GUID *conn)
{
    struct eh_session *s;

    for (s = table.conn_buckets[conn_bucket(conn)]; s; s = s->conn_next)
        if (memcmp(&s->connection_id, conn, sizeof(*conn)) == 0)
            return true;
    return false;
}

/**
 * eh_session_create() - reserve a session slot.
 * @conn: connection id or NULL; at most one session per connection.
 * @out: receives the session, live and busy, its fields zeroed.
 *
 * Return: ERROR_SUCCESS, ERROR_INVALID_STATE (connection has a session),
 * ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eh_session_create(const GUID *conn, struct eh_session **out)
{
    struct eh_session *s;
    DWORD rc = ERROR_SUCCESS;

    /* Only a session with a connection id needs the table lock: the
     * check and the entry in the connection index go together. */
    if (conn) {
        pthread_mutex_lock(&table.lock);
        if (conn_busy(conn)) {
            pthread_mutex_unlock(&table.lock);
            return ERROR_INVALID_STATE;
        }
    }
    s = take_slot(conn != NULL, &rc);
    if (s && conn) {
        unsigned b = conn_bucket(conn);

        /* The rest of the slot is zero already: slots come zeroed from
         * grow_table() and eh_session_destroy(). */
        s->has_connection = true;
        s->connection_id = *conn;
        s->conn_next = table.conn_buckets[b];
        table.conn_buckets[b] = s;
    }
    if (conn)
        pthread_mutex_unlock(&table.lock);
    if (!s)
        return rc;
    __atomic_store_n(&s->state, eh_session_state_of(s->id, EH_ST_LIVE | EH_ST_BUSY),
                     __ATOMIC_RELEASE);
    *out = s;
    return ERROR_SUCCESS;
}

/* Sleep until the clear seen in @seen is over (state changes). */
static void wait_for_clear(struct eh_session *s, uint64_t seen)
{
    pthread_mutex_lock(&s->lock);
    while (__atomic_load_n(&s->state, __ATOMIC_ACQUIRE) == seen)
        pthread_cond_wait(&s->idle, &s->lock);
    pthread_mutex_unlock(&s->lock);
}

/* Wake threads in wait_for_clear(); the state has changed already. */
static void wake_waiters(struct eh_session *s)
{
    pthread_mutex_lock(&s->lock);
    pthread_cond_broadcast(&s->idle);
    pthread_mutex_unlock(&s->lock);
}

/**
 * eh_session_enter_slow() - eh_session_enter() (internal.h) after its fast
 * path failed: an unknown or ended id, a session busy in another call, or
 * one that a ClearConnection on another thread is inside (waited for).
 */
struct eh_session *eh_session_enter_slow(EAP_SESSIONID id, bool *busy)
{
    struct eh_session *s = eh_session_slot(id);
    uint64_t cur;

    if (busy)
        *busy = false;
    if (!s)
        return NULL;
    cur = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
    for (;;) {
        if (state_id(cur) != id || !(cur & EH_ST_LIVE))
            return NULL;
        if (!(cur & EH_ST_BUSY)) {
            if (__atomic_compare_exchange_n(&s->state, &cur,
                                            cur | EH_ST_BUSY, false,
                                            __ATOMIC_ACQ_REL,
                                            __ATOMIC_ACQUIRE))
                return s;
            continue;
        }
        /* A ClearConnection from another thread is short and
         * host-initiated: wait for it instead of failing. */
        if ((cur & EH_ST_CLEARING) &&
            __atomic_load_n(&s->clearing_by, __ATOMIC_ACQUIRE) !=
                this_thread()) {
            wait_for_clear(s, cur);
            cur = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
            continue;
        }
        if (busy)
            *busy = true;
        return NULL;
    }
}

/**
 * eh_session_enter_checked_slow() - eh_session_enter_checked() (internal.h)
 * after its fast path failed; same results.
 */
DWORD eh_session_enter_checked_slow(EAP_SESSIONID id, struct eh_session **out)
{
    bool busy;

    *out = NULL;
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    *out = eh_session_enter_slow(id, &busy);
    if (*out)
        return ERROR_SUCCESS;
    return busy ? ERROR_INVALID_STATE : ERROR_INVALID_HANDLE;
}

/* Busy session: what ClearConnection does to it. */
static void clear_session(struct eh_session *s)
{
    eh_session_end_method(s, NULL);
    s->notify = NULL;
    s->notify_context = NULL;
}

/**
 * eh_session_leave_slow() - the rest of eh_session_leave() (internal.h):
 * a ClearConnection that arrived while the call ran is carried out here,
 * before the session is free for the next call.
 */
void eh_session_leave_slow(struct eh_session *s)
{
    uint64_t cur = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
    bool was_clearing;

    for (;;) {
        if (cur & EH_ST_CLEAR_PENDING) {
            if (__atomic_compare_exchange_n(&s->state, &cur,
                                            cur & ~(uint64_t)EH_ST_CLEAR_PENDING,
                                            false, __ATOMIC_ACQ_REL,
                                            __ATOMIC_ACQUIRE)) {
                clear_session(s);
                cur = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
            }
            continue;
        }
        if (__atomic_compare_exchange_n(&s->state, &cur,
                                        cur & ~(uint64_t)(EH_ST_BUSY |
                                                          EH_ST_CLEARING),
                                        false, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE))
            break;
    }
    was_clearing = (cur & EH_ST_CLEARING) != 0;
    if (was_clearing) {
        __atomic_store_n(&s->clearing_by, NULL, __ATOMIC_RELEASE);
        wake_waiters(s);
    }
}

static void unlink_connection(struct eh_session *s)
{
    struct eh_session **pp;

    if (!s->has_connection)
        return;
    pp = &table.conn_buckets[conn_bucket(&s->connection_id)];
    for (; *pp; pp = &(*pp)->conn_next) {
        if (*pp == s) {
            *pp = s->conn_next;
            break;
        }
    }
    s->conn_next = NULL;
}

/* A request buffer at the end of a session: kept for the slot's next
 * session unless too big to keep; its used part wiped first when @wipe. */
static void settle_request_buffer(BYTE **buf, DWORD *cap, DWORD used,
                                  bool wipe)
{
    if (wipe && *buf)
        eh_wipe(*buf, used < *cap ? used : *cap);
    if (*cap > EH_KEEP_BUFFER) {
        eh_free(*buf);
        *buf = NULL;
        *cap = 0;
    }
}

/* Release what a session owns; packet buffers stay with the slot. */
static void free_session_data(struct eh_session *s)
{
    DWORD used;

    eh_free(s->conn_data);
    eh_free(s->user_data);
    eh_session_drop_credentials(s);
    /* The saved Request (retransmission check) is as it came from the
     * network, unless taken from the method's private copy, which, like
     * that copy, may have been decrypted in place and is wiped. */
    settle_request_buffer(&s->last_req, &s->last_req_cap, s->wipe_len,
                          s->last_req_private);
    settle_request_buffer(&s->req_copy, &s->req_copy_cap, s->wipe_len,
                          true);
    /* The two Response buffers (buf_cap bytes each) are wiped: a GTC
     * Response holds a password in clear.  wipe_len is the longest packet
     * of the session (peer_sm.c), so no tail of an earlier one is left. */
    used = s->wipe_len < s->buf_cap ? s->wipe_len : s->buf_cap;
    if (s->buf_cap > EH_KEEP_BUFFER) {
        eh_free_secret(s->send_buf, used);
        eh_free_secret(s->scratch, used);
        s->send_buf = s->scratch = NULL;
        s->buf_cap = 0;
    } else if (s->send_buf) {
        eh_wipe(s->send_buf, used);
        eh_wipe(s->scratch, used);
    }
    s->scratch_len = 0;
    eh_free(s->out_ui_context);
    eh_free(s->out_attribs);
    eh_free(s->out_result_conn);
    eh_free(s->out_result_user);
    eh_free(s->out_result_attribs);
    eh_free(s->out_auth_data);
    if (s->result_error)
        eh_error_free(s->result_error);
}

/**
 * eh_session_destroy() - free a busy session and its slot.  The method
 * session must already be ended (eh_session_end_method); the method's user
 * count is released here.  The id becomes stale at once.
 */
void eh_session_destroy(struct eh_session *s)
{
    struct eh_method *m = s->method;
    uint64_t old;

    free_session_data(s);
    if (m)
        eh_method_release(m);
    if (s->has_connection) {
        pthread_mutex_lock(&table.lock);
        unlink_connection(s);
        pthread_mutex_unlock(&table.lock);
    }
    s->id = next_id(s->id);
    eh_zero(&s->method, sizeof(*s) - offsetof(struct eh_session, method));
    old = __atomic_exchange_n(&s->state, eh_session_state_of(s->id, 0),
                              __ATOMIC_ACQ_REL);
    /* Waiters are woken before the slot can be reused. */
    if (old & EH_ST_CLEARING) {
        __atomic_store_n(&s->clearing_by, NULL, __ATOMIC_RELEASE);
        wake_waiters(s);
    }
    push_free(s, s);
}

/* Id of the session of @conn, 0 if none.  Table lock held. */
static EAP_SESSIONID find_connection(const GUID *conn)
{
    struct eh_session *s;

    for (s = table.conn_buckets[conn_bucket(conn)]; s; s = s->conn_next)
        if (memcmp(&s->connection_id, conn, sizeof(*conn)) == 0)
            return s->id;
    return 0;
}

/**
 * eh_sessions_clear_connection() - end the method session of @conn's
 * session and stop its notifications.  A session busy in another call is
 * marked and cleared when that call returns.
 *
 * Return: true if the connection had a session.
 */
bool eh_sessions_clear_connection(const GUID *conn)
{
    EAP_SESSIONID id;
    struct eh_session *s;
    uint64_t cur;

    pthread_mutex_lock(&table.lock);
    id = find_connection(conn);
    pthread_mutex_unlock(&table.lock);
    if (id == 0)
        return false;

    s = eh_session_slot(id);
    cur = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
    for (;;) {
        if (state_id(cur) != id || !(cur & EH_ST_LIVE))
            return false;      /* ended meanwhile */
        if (cur & EH_ST_BUSY) {
            /* The thread inside carries the clear out when it leaves. */
            if (__atomic_compare_exchange_n(&s->state, &cur,
                                            cur | EH_ST_CLEAR_PENDING, false,
                                            __ATOMIC_ACQ_REL,
                                            __ATOMIC_ACQUIRE))
                return true;
            continue;
        }
        if (__atomic_compare_exchange_n(&s->state, &cur,
                                        cur | EH_ST_BUSY | EH_ST_CLEARING,
                                        false, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE))
            break;
    }
    __atomic_store_n(&s->clearing_by, this_thread(), __ATOMIC_RELEASE);
    clear_session(s);
    eh_session_leave(s);
    return true;
}

/**
 * eh_sessions_end_all() - end and free every live session that no other
 * thread is inside (EapHostPeerUninitialize).
 */
void eh_sessions_end_all(void)
{
    unsigned c, i, chunks;

    pthread_mutex_lock(&table.lock);
    chunks = table.chunk_count;
    pthread_mutex_unlock(&table.lock);
    for (c = 0; c < chunks; c++) {
        unsigned char *chunk = eh_session_chunks[c];

        for (i = 0; i < EH_CHUNK_SIZE; i++) {
            struct eh_session *s = eh_chunk_slot(chunk, i);
            struct eh_session *entered;
            EAP_SESSIONID id;

            uint64_t st = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);

            id = (st & EH_ST_LIVE) ? state_id(st) : 0;
            if (id == 0 || !(entered = eh_session_enter(id, NULL)))
                continue;
            eh_session_end_method(entered, NULL);
            eh_session_destroy(entered);
        }
    }
}

/**
 * eh_session_end_method() - call the method's EapPeerEndSession once.
 * @s: a busy session.
 * @err: receives a host copy of the method's EAP_ERROR, if any (may be NULL).
 *
 * Return: the method's result, ERROR_SUCCESS if there was nothing to end.
 */
DWORD eh_session_end_method(struct eh_session *s, EAP_ERROR **err)
{
    const struct eh_dispatch *d;
    EAP_ERROR *merr = NULL;
    DWORD rc;

    if (!s->method_session_open)
        return ERROR_SUCCESS;
    s->method_session_open = false;
    s->cleared = true;
    s->send_ready = false;      /* nothing of this exchange is sent after */
    d = &s->method->dispatch;
    rc = d->r.EapPeerEndSession(s->method_session, &merr);
    EH_TRACE_CALL(EH_TRACE_PEER, s->id, &s->method->type, "EapPeerEndSession",
                  rc, -1);
    eh_take_method_error(d, merr, err);
    return rc;
}
