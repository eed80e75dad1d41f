/*
 * host.c - the host's global state: EapHostPeerInitialize and
 * EapHostPeerUninitialize (reference-counted), the methods directory.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct eh_host eh_host = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .method_changed = PTHREAD_COND_INITIALIZER,
};

/*
 * Serialises whole start-up and shut-down sequences.  Recursive, because a
 * tunnel method may call EapHostPeerInitialize/Uninitialize from its own
 * EapPeerInitialize/EapPeerShutdown, which run inside these sequences.
 */
static pthread_mutex_t lifecycle_lock;
static pthread_once_t lifecycle_once = PTHREAD_ONCE_INIT;

static void make_lifecycle_lock(void)
{
    pthread_mutexattr_t attr;

    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&lifecycle_lock, &attr);
    pthread_mutexattr_destroy(&attr);
}

static void lock_lifecycle(void)
{
    pthread_once(&lifecycle_once, make_lifecycle_lock);
    pthread_mutex_lock(&lifecycle_lock);
}

/* Read without a lock on the packet path (eh_host_initialized(), inline in
 * internal.h); written under eh_host.lock. */
unsigned eh_initialized_flag;

/* Where in the registry the method found last is (a supplicant begins
 * session after session of the same type).  An index, checked against
 * the registry in use, so that it can never point into a freed one. */
static size_t last_found;

/**
 * eh_host_find_method() - a registered method by its full type.
 * @type: the type and author asked for.
 *
 * The registry does not change while the host is initialised.
 * Return: the method (owned by the registry) or NULL.
 */
struct eh_method *eh_host_find_method(const EAP_METHOD_TYPE *type)
{
    const struct eh_registry *reg = &eh_host.registry;
    size_t i = __atomic_load_n(&last_found, __ATOMIC_RELAXED);

    if (type && i < reg->count &&
        eh_method_type_equal(&reg->methods[i]->type, type))
        return reg->methods[i];
    i = eh_registry_index(reg, type);
    if (i == SIZE_MAX)
        return NULL;
    __atomic_store_n(&last_found, i, __ATOMIC_RELAXED);
    return reg->methods[i];
}

static const char *current_methods_dir(void)
{
    const char *env;

    if (eh_host.methods_dir_override)
        return eh_host.methods_dir_override;
    env = getenv("EAPHOST_METHODS_DIR");
    if (env && *env)
        return env;
    return EAPHOST_METHODS_DIR_DEFAULT;
}

DWORD eaphost_set_methods_dir(const char *dir)
{
    char *copy = NULL;
    DWORD rc = ERROR_SUCCESS;

    if (dir && !(copy = eh_strdup(dir)))
        return ERROR_NOT_ENOUGH_MEMORY;
    pthread_mutex_lock(&eh_host.lock);
    if (eh_host.init_count > 0) {
        rc = ERROR_INVALID_STATE;
    } else {
        eh_free(eh_host.methods_dir_override);
        eh_host.methods_dir_override = copy;
        copy = NULL;
    }
    pthread_mutex_unlock(&eh_host.lock);
    eh_free(copy);
    return rc;
}

DWORD eaphost_get_methods_dir(char **dir)
{
    if (!dir)
        return ERROR_INVALID_PARAMETER;
    pthread_mutex_lock(&eh_host.lock);
    *dir = eh_strdup(current_methods_dir());
    pthread_mutex_unlock(&eh_host.lock);
    return *dir ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
}

DWORD EapHostPeerInitialize(void)
{
    DWORD rc = ERROR_SUCCESS;
    struct eh_registry reg = { 0 };

    lock_lifecycle();
    pthread_mutex_lock(&eh_host.lock);
    if (eh_host.init_count > 0) {
        eh_host.init_count++;
        pthread_mutex_unlock(&eh_host.lock);
        pthread_mutex_unlock(&lifecycle_lock);
        return ERROR_SUCCESS;
    }
    rc = eh_registry_load(current_methods_dir(), &reg);
    pthread_mutex_unlock(&eh_host.lock);
    if (rc != ERROR_SUCCESS)
        goto out;

    rc = eh_loader_init();
    if (rc != ERROR_SUCCESS) {
        eh_registry_free(&reg);
        goto out;
    }
    rc = eh_sessions_init();
    if (rc != ERROR_SUCCESS) {
        eh_loader_exit();
        eh_registry_free(&reg);
        goto out;
    }
    pthread_mutex_lock(&eh_host.lock);
    eh_host.registry = reg;
    eh_host.init_count = 1;
    __atomic_store_n(&eh_initialized_flag, 1, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&eh_host.lock);
out:
    pthread_mutex_unlock(&lifecycle_lock);
    return rc;
}

void EapHostPeerUninitialize(void)
{
    size_t i;

    lock_lifecycle();
    pthread_mutex_lock(&eh_host.lock);
    if (eh_host.init_count == 0 || --eh_host.init_count > 0) {
        pthread_mutex_unlock(&eh_host.lock);
        pthread_mutex_unlock(&lifecycle_lock);
        return;
    }
    __atomic_store_n(&eh_initialized_flag, 0, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&eh_host.lock);

    /* Sessions first (method EapPeerEndSession, authenticator sessions'
     * EapMethodAuthenticatorEndSession), then the methods' halves. */
    eh_sessions_end_all();
    eh_auth_sessions_end_all();
    for (i = 0; i < eh_host.registry.count; i++) {
        struct eh_method *m = eh_host.registry.methods[i];
        unsigned users, auth_users;

        users = __atomic_load_n(&m->users, __ATOMIC_SEQ_CST);
        auth_users = __atomic_load_n(&m->auth.users, __ATOMIC_SEQ_CST);
        /* A session still inside a method on another thread keeps it. */
        if (users == 0)
            eh_method_unload(m);
        if (auth_users == 0)
            eh_auth_method_unload(m);
    }
    eh_sessions_exit();
    eh_loader_exit();
    pthread_mutex_lock(&eh_host.lock);
    eh_registry_free(&eh_host.registry);
    pthread_mutex_unlock(&eh_host.lock);
    pthread_mutex_unlock(&lifecycle_lock);
}

static DWORD copy_problem(eaphost_problem *dst, const struct eh_problem *src)
{
    dst->severity = src->severity;
    dst->file = eh_strdup(src->file);
    dst->reason = eh_strdup(src->reason);
    if ((src->file && !dst->file) || (src->reason && !dst->reason))
        return ERROR_NOT_ENOUGH_MEMORY;
    return ERROR_SUCCESS;
}

DWORD eaphost_get_registry_problems(eaphost_problem **problems, DWORD *count)
{
    DWORD rc = ERROR_SUCCESS;
    eaphost_problem *out = NULL;
    size_t i, n;

    if (!problems || !count)
        return ERROR_INVALID_PARAMETER;
    *problems = NULL;
    *count = 0;
    pthread_mutex_lock(&eh_host.lock);
    if (eh_host.init_count == 0) {
        rc = ERROR_INVALID_STATE;
        goto out;
    }
    n = eh_host.registry.problem_count;
    if (n > 0 && !(out = eh_calloc(n, sizeof(*out)))) {
        rc = ERROR_NOT_ENOUGH_MEMORY;
        goto out;
    }
    for (i = 0; i < n && rc == ERROR_SUCCESS; i++)
        rc = copy_problem(&out[i], &eh_host.registry.problems[i]);
    if (rc != ERROR_SUCCESS) {
        eaphost_free_registry_problems(out, (DWORD)n);
        goto out;
    }
    *problems = out;
    *count = (DWORD)n;
out:
    pthread_mutex_unlock(&eh_host.lock);
    return rc;
}

void eaphost_free_registry_problems(eaphost_problem *problems, DWORD count)
{
    DWORD i;

    if (!problems)
        return;
    for (i = 0; i < count; i++) {
        eh_free(problems[i].file);
        eh_free(problems[i].reason);
    }
    eh_free(problems);
}
