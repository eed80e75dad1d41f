/*
 * auth_loader.c - the authenticator half of a method: what the host asks of
 * the library named by AuthenticatorDllPath, and its load state.
 *
 * The library is loaded with the peer half's machinery (loader.c): the same
 * trust check, immediate binding, libltdl search, DllMain once per library
 * (a file holding both halves sees one ATTACH and one DETACH), LOADING
 * state for methods that call back while they load.  Its state is its own
 * (struct eh_method.auth): a faulty authenticator half does not make the
 * peer half faulty, nor the other way round.
 *
 *   Exports, looked up once when the library is loaded:
 *     EapMethodAuthenticatorGetInfo           required
 *     EapMethodAuthenticatorFreeMemory        required
 *     EapMethodAuthenticatorFreeErrorMemory   required
 *     DllMain                                 optional
 *
 *   Routines EapMethodAuthenticatorGetInfo fills in
 *   EAP_AUTHENTICATOR_METHOD_ROUTINES:
 *     required (non-NULL): EapMethodAuthenticatorBeginSession,
 *         EapMethodAuthenticatorReceivePacket,
 *         EapMethodAuthenticatorSendPacket,
 *         EapMethodAuthenticatorGetResult,
 *         EapMethodAuthenticatorEndSession
 *     optional (NULL means "not supported"):
 *         EapMethodAuthenticatorInitialize, EapMethodAuthenticatorShutdown,
 *         EapMethodAuthenticatorUpdateInnerMethodParams,
 *         EapMethodAuthenticatorGetAttributes,
 *         EapMethodAuthenticatorSetAttributes
 *     dwSizeInBytes is not checked; pEapType may stay NULL.
 *
 *   Load, in this order; the first step that fails makes the authenticator
 *   half FAULTY with a reason naming that step:
 *     1. "load:"         as for the peer half;
 *     2. "entry point:"  "EapMethodAuthenticatorGetInfo not exported" (or
 *                        one of the two FreeMemory exports);
 *     3. "DllMain:"      as for the peer half;
 *     4. "EapMethodAuthenticatorGetInfo:" succeeds for the registered type
 *                        (and, if it sets pEapType, names that type);
 *     5. "routines:"     "EapMethodAuthenticatorXxx is NULL (required)";
 *     6. "EapMethodAuthenticatorInitialize:" succeeds, if present.
 *   Unload (EapHostPeerUninitialize): EapMethodAuthenticatorShutdown,
 *   DllMain(DLL_PROCESS_DETACH) if no other half holds the library, close.
 *   GetInfo, Initialize and Shutdown get a pointer to a copy of the
 *   registered type, never into the registry.
 */
#include "internal.h"
#include "loader_int.h"

#include <string.h>

static void auth_state(struct eh_method *m, struct eh_half_state *st)
{
    st->state = &m->auth.state;
    st->loading_thread = &m->auth.loading_thread;
    st->users = &m->auth.users;
    st->fault_code = &m->auth.fault_code;
    st->fault_reason = &m->auth.fault_reason;
    st->handle = &m->auth.handle;
    st->dispatch = &m->auth.dispatch;
}

static const char *auth_library(const struct eh_method *m)
{
    return m->auth_dll_path;
}

/* Step 2. */
static bool auth_resolve(struct eh_load *l)
{
    struct eh_auth_dispatch *d = &l->d.auth;

    l->get_info.auth = (eh_auth_get_info_fn)
        eh_load_symbol(l, "EapMethodAuthenticatorGetInfo");
    d->free_memory = (eh_free_memory_fn)
        eh_load_symbol(l, "EapMethodAuthenticatorFreeMemory");
    d->free_error_memory = (eh_free_error_fn)
        eh_load_symbol(l, "EapMethodAuthenticatorFreeErrorMemory");
    l->free_error = d->free_error_memory;

    if (!l->get_info.auth)
        return eh_load_fail(l, "entry point: EapMethodAuthenticatorGetInfo "
                            "not exported");
    if (!d->free_memory)
        return eh_load_fail(l, "entry point: EapMethodAuthenticatorFreeMemory "
                            "not exported");
    if (!d->free_error_memory)
        return eh_load_fail(l, "entry point: "
                            "EapMethodAuthenticatorFreeErrorMemory not "
                            "exported");
    return true;
}

/* Step 4. */
static bool auth_get_info(struct eh_load *l)
{
    /* A copy: the method gets no pointer into the host's registry. */
    EAP_METHOD_TYPE asked = l->m->type;
    EAP_ERROR *merr = NULL;
    EAP_AUTHENTICATOR_METHOD_ROUTINES *r = &l->d.auth.r;

    memset(r, 0, sizeof *r);
    DWORD rc = l->get_info.auth(&asked, r, &merr);

    EH_TRACE_CALL(EH_TRACE_AUTHENTICATOR, 0, &l->m->type,
                  "EapMethodAuthenticatorGetInfo", rc, -1);
    if (rc != ERROR_SUCCESS)
        return eh_load_fail_call(l, "EapMethodAuthenticatorGetInfo", rc,
                                 merr);
    eh_load_drop_error(l, merr);
    return eh_load_check_type(l, "EapMethodAuthenticatorGetInfo",
                              r->pEapType ? &r->pEapType->eapType : NULL);
}

/* Step 5: the name of the first required routine left NULL, or NULL. */
static const char *
auth_missing_routine(const EAP_AUTHENTICATOR_METHOD_ROUTINES *r)
{
    if (!r->EapMethodAuthenticatorBeginSession)
        return "EapMethodAuthenticatorBeginSession";
    if (!r->EapMethodAuthenticatorReceivePacket)
        return "EapMethodAuthenticatorReceivePacket";
    if (!r->EapMethodAuthenticatorSendPacket)
        return "EapMethodAuthenticatorSendPacket";
    if (!r->EapMethodAuthenticatorGetResult)
        return "EapMethodAuthenticatorGetResult";
    if (!r->EapMethodAuthenticatorEndSession)
        return "EapMethodAuthenticatorEndSession";
    return NULL;
}

static bool auth_check_routines(struct eh_load *l)
{
    const char *missing = auth_missing_routine(&l->d.auth.r);
    if (missing)
        return eh_load_fail(l, "routines: %s is NULL (required)", missing);
    return true;
}

/* Step 6. */
static bool auth_initialize(struct eh_load *l)
{
    const EAP_AUTHENTICATOR_METHOD_ROUTINES *r = &l->d.auth.r;
    EAP_METHOD_TYPE type = l->m->type;
    EAP_ERROR *merr = NULL;

    if (!r->EapMethodAuthenticatorInitialize)
        return true;
    DWORD rc = r->EapMethodAuthenticatorInitialize(&type, &merr);

    EH_TRACE_CALL(EH_TRACE_AUTHENTICATOR, 0, &l->m->type,
                  "EapMethodAuthenticatorInitialize", rc, -1);
    if (rc != ERROR_SUCCESS)
        return eh_load_fail_call(l, "EapMethodAuthenticatorInitialize", rc,
                                 merr);
    eh_load_drop_error(l, merr);
    return true;
}

static void auth_shutdown(const struct eh_method *m, const void *dispatch)
{
    const struct eh_auth_dispatch *d = dispatch;
    EAP_METHOD_TYPE type = m->type;
    EAP_ERROR *merr = NULL;
    DWORD rc;

    if (!d->r.EapMethodAuthenticatorShutdown)
        return;
    /* A method that fails to shut down is unloaded all the same. */
    rc = d->r.EapMethodAuthenticatorShutdown(&type, &merr);
    EH_TRACE_CALL(EH_TRACE_AUTHENTICATOR, 0, &m->type,
                  "EapMethodAuthenticatorShutdown", rc, -1);
    eh_auth_take_method_error(d, merr, NULL);
}

static const struct eh_half auth_half = {
    .no_library = "no authenticator half (AuthenticatorDllPath) registered",
    .dispatch_size = sizeof(struct eh_auth_dispatch),
    .state = auth_state,
    .library = auth_library,
    .resolve = auth_resolve,
    .get_info = auth_get_info,
    .check_routines = auth_check_routines,
    .initialize = auth_initialize,
    .shutdown = auth_shutdown,
};

/**
 * eh_auth_method_acquire() - make a method's authenticator half READY and
 * count one more user of it.
 * @m: the method (registry-owned).
 * @err: if not NULL, receives on failure a host EAP_ERROR with the reason
 *       (freed with eh_error_free()).
 *
 * Loads on first use; a faulty half answers from its stored reason.  Takes
 * eh_host.lock itself.
 *
 * Return: ERROR_SUCCESS (pair it with eh_auth_method_release());
 * EAP_E_EAPHOST_METHOD_NOT_INSTALLED (no AuthenticatorDllPath, or faulty);
 * ERROR_NOT_ENOUGH_MEMORY or ERROR_INVALID_STATE, which leave the half
 * UNLOADED; ERROR_INVALID_PARAMETER for a NULL @m.
 */
DWORD eh_auth_method_acquire(struct eh_method *m, EAP_ERROR **err)
{
    return eh_half_make_ready(&auth_half, m, true, err);
}

/**
 * eh_auth_method_validate() - load and validate the authenticator half
 * without counting a user.
 * @m: the method.
 * @err: as for eh_auth_method_acquire().
 *
 * Return: as eh_auth_method_acquire().
 */
DWORD eh_auth_method_validate(struct eh_method *m, EAP_ERROR **err)
{
    return eh_half_make_ready(&auth_half, m, false, err);
}

/**
 * eh_auth_method_release() - drop the count eh_auth_method_acquire() took.
 * @m: the method, or NULL.
 */
void eh_auth_method_release(struct eh_method *m)
{
    eh_half_release(&auth_half, m);
}

/**
 * eh_auth_method_unload() - shut the authenticator half down and unload it.
 * @m: the method, or NULL.
 *
 * READY: EapMethodAuthenticatorShutdown (if any), DllMain(DETACH) if no
 * other half holds the library, close.  FAULTY: the reason is freed and the
 * half is UNLOADED again.  As eh_method_unload() otherwise.
 */
void eh_auth_method_unload(struct eh_method *m)
{
    eh_half_unload(&auth_half, m);
}

/**
 * eh_auth_take_method_error() - move an EAP_ERROR an authenticator method
 * returned into host memory.
 * @d: the half's dispatch table.
 * @method_err: the method's error, or NULL (nothing happens).
 * @out: if not NULL, receives a host copy (NULL when out of memory), freed
 *       with eh_error_free().
 *
 * The method's copy goes back through EapMethodAuthenticatorFreeErrorMemory.
 */
void eh_auth_take_method_error(const struct eh_auth_dispatch *d,
                               EAP_ERROR *method_err, EAP_ERROR **out)
{
    if (!method_err)
        return;
    if (out)
        *out = eh_error_copy(method_err);
    if (d && d->free_error_memory)
        d->free_error_memory(method_err);
}
