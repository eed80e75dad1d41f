/*
 * methods_list.c - eaphost_list_methods: the registry with load states,
 * for tools (eaphost-test methods) that show which methods are faulty;
 * eaphost_get_method_routines: the routine tables the host holds, for
 * tools that show what a method provides (eaphost-test inspect).
 */
#include "internal.h"

#include <string.h>

/* Host lock held: copy one method's public view. */
static DWORD copy_entry(eaphost_method_entry *e, const struct eh_method *m)
{
    e->type = m->type;
    e->properties = m->properties;
    e->state = (eaphost_method_state)m->state;
    e->fault_code = m->state == EH_METHOD_FAULTY ? m->fault_code : 0;
    e->friendly_name = eh_strdup(m->peer_friendly_name ? m->peer_friendly_name
                                                       : m->auth_friendly_name);
    e->registry_file = eh_strdup(m->registry_file);
    e->peer_dll_path = eh_strdup(m->peer_dll_path);
    e->authenticator_dll_path = eh_strdup(m->auth_dll_path);
    e->fault_reason = m->state == EH_METHOD_FAULTY ? eh_strdup(m->fault_reason)
                                                   : NULL;
    e->authenticator_state = (eaphost_method_state)m->auth.state;
    e->authenticator_fault_code = m->auth.state == EH_METHOD_FAULTY
                                  ? m->auth.fault_code : 0;
    e->authenticator_fault_reason = m->auth.state == EH_METHOD_FAULTY
                                    ? eh_strdup(m->auth.fault_reason) : NULL;
    if ((!e->friendly_name) || (m->registry_file && !e->registry_file) ||
        (m->peer_dll_path && !e->peer_dll_path) ||
        (m->auth_dll_path && !e->authenticator_dll_path) ||
        (m->state == EH_METHOD_FAULTY && m->fault_reason && !e->fault_reason) ||
        (m->auth.state == EH_METHOD_FAULTY && m->auth.fault_reason &&
         !e->authenticator_fault_reason))
        return ERROR_NOT_ENOUGH_MEMORY;
    return ERROR_SUCCESS;
}

DWORD eaphost_list_methods(BOOL validate, eaphost_method_entry **methods,
                           DWORD *count)
{
    const struct eh_registry *reg = &eh_host.registry;
    eaphost_method_entry *out = NULL;
    DWORD rc = ERROR_SUCCESS;
    size_t i, n;

    if (!methods || !count)
        return ERROR_INVALID_PARAMETER;
    *methods = NULL;
    *count = 0;
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    n = reg->count;
    /* Validation runs method code: no host lock here. */
    for (i = 0; validate && i < n; i++) {
        if (reg->methods[i]->peer_dll_path)
            eh_method_validate(reg->methods[i], NULL);
        if (reg->methods[i]->auth_dll_path)
            eh_auth_method_validate(reg->methods[i], NULL);
    }
    if (n == 0)
        return ERROR_SUCCESS;
    out = eh_calloc(n, sizeof(*out));
    if (!out)
        return ERROR_NOT_ENOUGH_MEMORY;
    pthread_mutex_lock(&eh_host.lock);
    for (i = 0; i < n && rc == ERROR_SUCCESS; i++)
        rc = copy_entry(&out[i], reg->methods[i]);
    pthread_mutex_unlock(&eh_host.lock);
    if (rc != ERROR_SUCCESS) {
        eaphost_free_method_list(out, (DWORD)n);
        return rc;
    }
    *methods = out;
    *count = (DWORD)n;
    return ERROR_SUCCESS;
}

void eaphost_free_method_list(eaphost_method_entry *methods, DWORD count)
{
    DWORD i;

    if (!methods)
        return;
    for (i = 0; i < count; i++) {
        eh_free(methods[i].friendly_name);
        eh_free(methods[i].registry_file);
        eh_free(methods[i].peer_dll_path);
        eh_free(methods[i].authenticator_dll_path);
        eh_free(methods[i].fault_reason);
        eh_free(methods[i].authenticator_fault_reason);
    }
    eh_free(methods);
}

DWORD eaphost_get_method_routines(const EAP_METHOD_TYPE *type,
                                  EAP_PEER_METHOD_ROUTINES *peer,
                                  EAP_AUTHENTICATOR_METHOD_ROUTINES *auth)
{
    struct eh_method *m;
    bool complete = true;

    if (!type || (!peer && !auth))
        return ERROR_INVALID_PARAMETER;
    if (peer)
        memset(peer, 0, sizeof *peer);
    if (auth)
        memset(auth, 0, sizeof *auth);
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    m = eh_host_find_method(type);
    if (!m)
        return EAP_E_EAPHOST_METHOD_NOT_INSTALLED;
    pthread_mutex_lock(&eh_host.lock);
    if (peer) {
        if (m->state == EH_METHOD_READY)
            *peer = m->dispatch.r;
        else
            complete = false;
    }
    if (auth) {
        if (m->auth.state == EH_METHOD_READY)
            *auth = m->auth.dispatch.r;
        else
            complete = false;
    }
    pthread_mutex_unlock(&eh_host.lock);
    return complete ? ERROR_SUCCESS : EAP_E_EAPHOST_METHOD_NOT_INSTALLED;
}
