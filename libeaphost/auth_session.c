/*
 * auth_session.c - the table of authenticator sessions.
 *
 * An id is (generation << AUTH_INDEX_BITS) | (slot index + 1): never 0,
 * and refused once its slot has been reused (the generation moved on).  The
 * table of slots lives for the process, so an id stays stale across
 * Initialize/Uninitialize cycles; sessions themselves are freed when they
 * end.  One mutex guards the table; no lock is held while a method runs: a
 * session being used is marked busy, and a second call on it meanwhile is
 * refused (ERROR_INVALID_STATE), as on the peer side.
 */
#include "auth_int.h"

#include <string.h>

#define AUTH_INDEX_BITS 20u
#define AUTH_INDEX_MASK ((1u << AUTH_INDEX_BITS) - 1u)
#define AUTH_GEN_MASK ((1u << (32u - AUTH_INDEX_BITS)) - 1u)
/* Slot indexes 0 .. AUTH_MAX_SLOTS - 1 give ids with index + 1 <= mask. */
#define AUTH_MAX_SLOTS (AUTH_INDEX_MASK - 1u)

struct slot {
    struct eh_auth_session *s;      /* NULL when free */
    unsigned gen;                   /* never 0 */
    bool busy;
};

static struct {
    pthread_mutex_t lock;
    struct slot *slots;
    size_t count, cap;
    size_t cursor;                  /* where the search for a free one starts */
} table = { .lock = PTHREAD_MUTEX_INITIALIZER };

static EAP_SESSIONID make_id(size_t index, unsigned gen)
{
    return (EAP_SESSIONID)((gen << AUTH_INDEX_BITS) | (unsigned)(index + 1));
}

/* Table lock held.  A free slot, preferring those not used for longest. */
static bool free_slot(size_t *index)
{
    for (size_t n = 0; n < table.count; n++) {
        size_t i = (table.cursor + n) % table.count;

        if (!table.slots[i].s) {
            *index = i;
            return true;
        }
    }
    if (table.count == AUTH_MAX_SLOTS)
        return false;
    if (table.count == table.cap) {
        size_t cap = table.cap ? table.cap * 2 : 16;
        struct slot *grown = eh_realloc(table.slots, cap * sizeof *grown);

        if (!grown)
            return false;
        table.slots = grown;
        table.cap = cap;
    }
    table.slots[table.count].s = NULL;
    table.slots[table.count].gen = 1;
    table.slots[table.count].busy = false;
    *index = table.count++;
    return true;
}

/**
 * eh_auth_session_create() - a new authenticator session.
 * @out: receives the session: zeroed but for its id, busy (leave it with
 *       eh_auth_session_leave() or destroy it).
 *
 * Return: ERROR_SUCCESS or ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eh_auth_session_create(struct eh_auth_session **out)
{
    struct eh_auth_session *s = eh_calloc(1, sizeof *s);
    size_t i;

    *out = NULL;
    if (!s)
        return ERROR_NOT_ENOUGH_MEMORY;
    pthread_mutex_lock(&table.lock);
    if (!free_slot(&i)) {
        pthread_mutex_unlock(&table.lock);
        eh_free(s);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    table.slots[i].s = s;
    table.slots[i].busy = true;
    table.cursor = i + 1;
    s->id = make_id(i, table.slots[i].gen);
    pthread_mutex_unlock(&table.lock);
    *out = s;
    return ERROR_SUCCESS;
}

/* Table lock held: the slot of a live @id, or NULL. */
static struct slot *slot_of(EAP_SESSIONID id)
{
    unsigned index = id & AUTH_INDEX_MASK;
    struct slot *sl;

    if (index == 0 || index > table.count)
        return NULL;
    sl = &table.slots[index - 1];
    if (!sl->s || sl->gen != (id >> AUTH_INDEX_BITS))
        return NULL;
    return sl;
}

/**
 * eh_auth_session_enter() - the entry of a public call on a session.
 * @id: the caller's id.
 * @out: receives the session, now busy, or NULL on failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_STATE before EapHostPeerInitialize
 * or while another call is inside the session; ERROR_INVALID_HANDLE for an
 * unknown, ended or stale id.
 */
DWORD eh_auth_session_enter(EAP_SESSIONID id, struct eh_auth_session **out)
{
    struct slot *sl;
    DWORD rc = ERROR_SUCCESS;

    *out = NULL;
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    pthread_mutex_lock(&table.lock);
    sl = slot_of(id);
    if (!sl) {
        rc = ERROR_INVALID_HANDLE;
    } else if (sl->busy) {
        rc = ERROR_INVALID_STATE;
    } else {
        sl->busy = true;
        *out = sl->s;
    }
    pthread_mutex_unlock(&table.lock);
    return rc;
}

/**
 * eh_auth_session_leave() - end a call on a session: no longer busy.
 * @s: an entered session.
 */
void eh_auth_session_leave(struct eh_auth_session *s)
{
    pthread_mutex_lock(&table.lock);
    struct slot *sl = slot_of(s->id);
    if (sl)
        sl->busy = false;
    pthread_mutex_unlock(&table.lock);
}

/**
 * eh_auth_session_end_method() - the method's EndSession, once.
 * @s: an entered session.
 * @err: receives a host copy of the method's EAP_ERROR, if any (may be
 *       NULL).
 *
 * Return: the method's result; ERROR_SUCCESS when its session was not open.
 */
DWORD eh_auth_session_end_method(struct eh_auth_session *s, EAP_ERROR **err)
{
    const struct eh_auth_dispatch *d;
    EAP_ERROR *merr = NULL;
    DWORD rc;

    if (!s->method_session_open)
        return ERROR_SUCCESS;
    s->method_session_open = false;
    d = &s->method->auth.dispatch;
    rc = d->r.EapMethodAuthenticatorEndSession(s->method_session, &merr);
    EH_TRACE_CALL(EH_TRACE_AUTHENTICATOR, s->id, &s->method->type,
                  "EapMethodAuthenticatorEndSession", rc, -1);
    eh_auth_take_method_error(d, merr, err);
    if (rc != ERROR_SUCCESS && err)
        *err = eh_method_error(*err, rc, &s->method->type,
                               "EapMethodAuthenticatorEndSession");
    return rc;
}

/**
 * eh_auth_session_destroy() - free an entered session and its slot.
 * @s: the session; its method session must be ended already.
 *
 * Releases the method's user count and the database reference; responses
 * of the peer that the method saw (which may hold a password) are wiped.
 */
void eh_auth_session_destroy(struct eh_auth_session *s)
{
    pthread_mutex_lock(&table.lock);
    struct slot *sl = slot_of(s->id);
    if (sl) {
        sl->s = NULL;
        sl->busy = false;
        sl->gen = (sl->gen + 1) & AUTH_GEN_MASK;
        if (sl->gen == 0)
            sl->gen = 1;
    }
    pthread_mutex_unlock(&table.lock);

    if (s->method)
        eh_auth_method_release(s->method);
    eaphost_user_db_free(s->db);
    eh_free(s->identity);
    eh_free_secret(s->send_buf, s->max_send);
    eh_free_secret(s->scratch, s->max_send);
    eh_free_secret(s->rx_copy, s->rx_cap);
    eh_free(s->result_attribs);
    eh_free(s->out_attribs);
    eh_free(s);
}

/**
 * eh_auth_sessions_end_all() - end and free every session no other thread
 * is inside (EapHostPeerUninitialize, before the methods are unloaded).
 */
void eh_auth_sessions_end_all(void)
{
    pthread_mutex_lock(&table.lock);
    for (size_t i = 0; i < table.count; i++) {
        struct slot *sl = &table.slots[i];
        struct eh_auth_session *s = sl->s;

        if (!s || sl->busy)
            continue;
        sl->busy = true;
        /* No lock while the method runs. */
        pthread_mutex_unlock(&table.lock);
        eh_auth_session_end_method(s, NULL);
        eh_auth_session_destroy(s);
        pthread_mutex_lock(&table.lock);
    }
    pthread_mutex_unlock(&table.lock);
}
