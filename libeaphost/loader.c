/*
 * loader.c - load, validate and unload EAP method plugins: the machinery
 * both halves of a method share (libltdl, the trust check, immediate
 * binding, DllMain once per library, load states) and the peer half.  The
 * authenticator half goes through the same steps with its own exports and
 * reasons (auth_loader.c, through loader_int.h).
 *
 * What the host asks of a peer method plugin (a shared object):
 *
 *   Exports, looked up once when the plugin is loaded:
 *     EapPeerGetInfo                                  required
 *     EapPeerFreeMemory                               required
 *     EapPeerFreeErrorMemory                          required
 *     DllMain                                         optional, as
 *         BOOL DllMain(void *hinst, DWORD reason, void *reserved)
 *     EapPeerQueryCredentialInputFields               optional
 *     EapPeerQueryUserBlobFromCredentialInputFields   optional
 *
 *   Routines EapPeerGetInfo fills in EAP_PEER_METHOD_ROUTINES:
 *     required (non-NULL): EapPeerBeginSession, EapPeerProcessRequestPacket,
 *         EapPeerGetResponsePacket, EapPeerGetResult, EapPeerEndSession
 *     optional (NULL means "not supported"): EapPeerInitialize,
 *         EapPeerShutdown, EapPeerGetIdentity, EapPeerSetCredentials,
 *         EapPeerGetUIContext, EapPeerSetUIContext,
 *         EapPeerGetResponseAttributes, EapPeerSetResponseAttributes
 *     dwVersion is the method's to fill; pEapType may stay NULL.
 *
 *   Load, in this order; the first step that fails makes the method FAULTY
 *   with a reason naming that step:
 *     1. "load:"        the file is a regular file the trust check accepts,
 *                       and dlopen(RTLD_NOW | RTLD_LOCAL) binds every symbol;
 *     2. "entry point:" the three required exports exist;
 *     3. "DllMain:"     DllMain(hinst, DLL_PROCESS_ATTACH, NULL) if exported;
 *     4. "EapPeerGetInfo:" succeeds for the registered type (and, if it sets
 *                       pEapType, names that type);
 *     5. "routines:"    the required routines are non-NULL;
 *     6. "EapPeerInitialize:" succeeds, if the method has one.
 *   A failure from step 3 on calls DllMain(DLL_PROCESS_DETACH) before the
 *   plugin is closed (also when DllMain refused the attach, as Windows
 *   does).  Unload: EapPeerShutdown, DllMain(DLL_PROCESS_DETACH), close.
 *   Methods registered with the same file, and the two halves of a method
 *   whose peer and authenticator libraries are one file, share one loaded
 *   library: DllMain sees one ATTACH when the first of them loads and one
 *   DETACH when the last unloads; EapPeerGetInfo, EapPeerInitialize and
 *   EapPeerShutdown are called for each method.
 *
 * Locks.  libltdl is not thread-safe, so every lt_* call is made under
 * ltdl_lock.  Neither ltdl_lock nor eh_host.lock is held while a method's
 * DllMain or routines run: a tunnel method calls back into the host from
 * them.  While one thread loads or unloads a method it is LOADING; other
 * threads wait on eh_host.method_changed, and the loading thread itself gets
 * a clean error.  The table of loaded libraries has its own lock and, while
 * a DllMain runs, the same wait-or-refuse rule.  A plugin's ELF
 * constructors and destructors do run inside dlopen/dlclose, under
 * ltdl_lock (as Windows runs DllMain under its loader lock); ltdl_lock
 * checks for re-entry, so a constructor that calls back into the loader
 * gets an error instead of a deadlock.
 */
#define _POSIX_C_SOURCE 200809L

#include "internal.h"
#include "loader_int.h"

#include <assert.h>
#include <dlfcn.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef DLL_PROCESS_DETACH
#define DLL_PROCESS_DETACH 0
#endif
#ifndef DLL_PROCESS_ATTACH
#define DLL_PROCESS_ATTACH 1
#endif

/* The name our immediate-binding loader has in libltdl's loader list. */
#define BIND_NOW_LOADER "eaphost_bind_now"
/* libltdl's loader for statically preloaded modules: nothing to bind. */
#define PREOPEN_LOADER "lt_preopen"

/* ---- libltdl behind one lock ---------------------------------------------- */

static pthread_once_t ltdl_lock_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t ltdl_lock;

/* Everything below up to the next section is guarded by ltdl_lock. */
static unsigned ltdl_users;             /* eh_loader_init not yet exited */
static lt_dlvtable *bind_now_vtable;    /* ours while registered */
/* Lazy loaders (libltdl's "lt_dlopen") taken out of libltdl's list while
 * we run, so that none of them can open a plugin ours refused. */
#define MAX_SET_ASIDE 8
static lt_dlvtable *set_aside[MAX_SET_ASIDE];
static size_t set_aside_count;
/* What our module_open did during the lt_dlopenadvise in progress. */
static struct {
    bool called;
    bool opened;
    bool out_of_memory; /* it refused, and had no memory to say why */
    char *error;        /* why it refused, eh_malloc'd */
} last_open;

static void ltdl_lock_create(void)
{
    pthread_mutexattr_t attr;

    pthread_mutexattr_init(&attr);
    /* Re-entry from a plugin constructor fails instead of deadlocking. */
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&ltdl_lock, &attr);
    pthread_mutexattr_destroy(&attr);
}

/* False when this thread already holds the lock (see the top comment). */
static bool ltdl_enter(void)
{
    pthread_once(&ltdl_lock_once, ltdl_lock_create);
    return pthread_mutex_lock(&ltdl_lock) == 0;
}

static void ltdl_leave(void)
{
    pthread_mutex_unlock(&ltdl_lock);
}

static void remember_open_error(char *why)
{
    eh_free(last_open.error);
    last_open.error = why;
}

/*
 * Refuse a file before anything of it is mapped: eh_trust_check wants an
 * existing regular file that others cannot change.  Returns 0 when
 * acceptable, else a libltdl error code with *@why set (eh_malloc'd; NULL
 * only when out of memory).
 */
static int vet_plugin_file(const char *path, char **why)
{
    char *warning = NULL;
    /* libltdl goes on with its other candidate names only on
     * LT_ERROR_FILE_NOT_FOUND. */
    bool missing = access(path, F_OK) != 0 &&
                   (errno == ENOENT || errno == ENOTDIR);

    if (eh_trust_check(path, &warning, why) != 0)
        return missing ? LT_ERROR_FILE_NOT_FOUND : LT_ERROR_CANNOT_OPEN;
    /* A group-writable plugin still loads; the registry reports that. */
    eh_free(warning);
    return 0;
}

/* lt_dlvtable.module_open: every symbol bound now, nothing exported. */
static lt_module bind_now_open(lt_user_data data, const char *filename,
                               lt_dladvise advise)
{
    char *why = NULL;
    int lt_error = LT_ERROR_CANNOT_OPEN;
    lt_module module = NULL;

    (void)data;
    (void)advise;
    last_open.called = true;
    if (!filename) {
        why = eh_strdup("the program itself cannot be a method");
    } else {
        lt_error = vet_plugin_file(filename, &why);
        if (lt_error == 0) {
            module = dlopen(filename, RTLD_NOW | RTLD_LOCAL);
            if (!module) {
                /* dlerror()'s text is global: keep a copy. */
                const char *e = dlerror();
                why = eh_strdup(e ? e : "dlopen failed without a reason");
                lt_error = LT_ERROR_CANNOT_OPEN;
            }
        }
    }
    if (!module) {
        last_open.out_of_memory = why == NULL;
        remember_open_error(why);
        lt_dlseterror(lt_error);
        return NULL;
    }
    last_open.opened = true;
    return module;
}

static int bind_now_close(lt_user_data data, lt_module module)
{
    (void)data;
    if (dlclose(module) != 0) {
        lt_dlseterror(LT_ERROR_CANNOT_CLOSE);
        return 1;
    }
    return 0;
}

static void *bind_now_sym(lt_user_data data, lt_module module,
                          const char *name)
{
    (void)data;
    void *p = dlsym(module, name);
    if (!p)
        lt_dlseterror(LT_ERROR_SYMBOL_NOT_FOUND);
    return p;
}

/* Take every loader but ours and the preopen one out of libltdl's list. */
static void set_lazy_loaders_aside(void)
{
    lt_dlloader it = lt_dlloader_next(NULL);

    while (it && set_aside_count < MAX_SET_ASIDE) {
        const lt_dlvtable *v = lt_dlloader_get(it);
        it = lt_dlloader_next(it);
        if (!v->name || strcmp(v->name, BIND_NOW_LOADER) == 0 ||
            strcmp(v->name, PREOPEN_LOADER) == 0)
            continue;
        /* Fails only while another libltdl user has modules open with it;
         * plugin_open() then still refuses what that loader opens. */
        lt_dlvtable *removed = lt_dlloader_remove(v->name);
        if (removed)
            set_aside[set_aside_count++] = removed;
    }
}

/* Put them back in their old order, for other libltdl users. */
static void restore_lazy_loaders(void)
{
    while (set_aside_count > 0) {
        lt_dlvtable *v = set_aside[--set_aside_count];
        /* The loader's exit hook has already run: on failure it is gone. */
        if (lt_dlloader_add(v) != 0)
            free(v);
    }
}

static DWORD ltdl_start(void)
{
    if (lt_dlinit() != 0)
        return ERROR_DLL_INIT_FAILED;
    if (!lt_dlloader_find(BIND_NOW_LOADER)) {
        /* Plain calloc: if we cannot take it back, lt_dlexit free()s it. */
        lt_dlvtable *v = calloc(1, sizeof *v);
        if (!v) {
            lt_dlexit();
            return ERROR_NOT_ENOUGH_MEMORY;
        }
        v->name = BIND_NOW_LOADER;
        v->module_open = bind_now_open;
        v->module_close = bind_now_close;
        v->find_sym = bind_now_sym;
        v->priority = LT_DLLOADER_PREPEND;
        if (lt_dlloader_add(v) != 0) {
            free(v);
            lt_dlexit();
            return ERROR_NOT_ENOUGH_MEMORY;
        }
        bind_now_vtable = v;
    }
    set_lazy_loaders_aside();
    return ERROR_SUCCESS;
}

static void ltdl_stop(void)
{
    if (bind_now_vtable) {
        lt_dlvtable *v = lt_dlloader_remove(BIND_NOW_LOADER);
        /* NULL while a plugin is still open (a host bug): lt_dlexit then
         * closes it and frees the vtable itself. */
        free(v);
        bind_now_vtable = NULL;
    }
    restore_lazy_loaders();
    lt_dlexit();
    remember_open_error(NULL);
}

/**
 * eh_loader_init() - start libltdl with our immediate-binding loader.
 *
 * Called by EapHostPeerInitialize when its count goes from 0 to 1.  Calls
 * nest: each successful call needs one eh_loader_exit().
 *
 * Return: ERROR_SUCCESS; ERROR_DLL_INIT_FAILED when lt_dlinit fails;
 * ERROR_NOT_ENOUGH_MEMORY; ERROR_INVALID_STATE when called from a plugin's
 * ELF constructor.
 */
DWORD eh_loader_init(void)
{
    DWORD rc = ERROR_SUCCESS;

    if (!ltdl_enter())
        return ERROR_INVALID_STATE;
    if (ltdl_users == 0)
        rc = ltdl_start();
    if (rc == ERROR_SUCCESS)
        ltdl_users++;
    ltdl_leave();
    return rc;
}

/**
 * eh_loader_exit() - undo one eh_loader_init(); the last one stops libltdl.
 *
 * Methods are unloaded first (eh_method_unload).  Libltdl's own loaders are
 * put back, so another libltdl user in the process finds them as it left
 * them.  Without a matching init this does nothing.
 */
void eh_loader_exit(void)
{
    if (!ltdl_enter())
        return;
    if (ltdl_users > 0 && --ltdl_users == 0)
        ltdl_stop();
    ltdl_leave();
}

/* ---- one load, outside every host lock ------------------------------------ */

/* Print into a new eh_malloc'd string; NULL when out of memory. */
static char *text_vprintf(const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *s = n < 0 ? NULL : eh_malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, again);
    va_end(again);
    return s;
}

/**
 * eh_load_fail() - record why a load failed: the half is faulty.
 * @l: the load.
 * @fmt: printf format of the reason, "<step>: <what>".
 *
 * Running out of memory for the text makes the failure transient instead
 * (ERROR_NOT_ENOUGH_MEMORY, the half stays UNLOADED).
 *
 * Return: false, so that a step can end with `return eh_load_fail(...)`.
 */
bool eh_load_fail(struct eh_load *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = text_vprintf(fmt, ap);
    va_end(ap);
    eh_free(l->reason);
    l->reason = text;
    l->outcome = text ? EH_LOAD_FAULT : EH_LOAD_TRANSIENT;
    if (!text)
        l->transient_code = ERROR_NOT_ENOUGH_MEMORY;
    return false;
}

static bool fail_transient(struct eh_load *l, DWORD code, const char *text)
{
    eh_free(l->reason);
    l->reason = eh_strdup(text);
    l->outcome = EH_LOAD_TRANSIENT;
    l->transient_code = code;
    return false;
}

/*
 * Open @path through libltdl (search path, .la files and, for a name that
 * does not exist as given, its extensions) with our loader only.
 */
static bool plugin_open(struct eh_load *l, const char *path)
{
    lt_dladvise advise = NULL;
    struct stat st;

    if (!ltdl_enter())
        return fail_transient(l, EAP_E_EAPHOST_METHOD_NOT_INSTALLED,
                              "load: re-entrant call into the plugin loader "
                              "(from a plugin's constructor or destructor)");
    if (ltdl_users == 0) {
        ltdl_leave();
        return fail_transient(l, ERROR_INVALID_STATE,
                              "load: the plugin loader is not initialised");
    }
    remember_open_error(NULL);
    last_open.called = last_open.opened = last_open.out_of_memory = false;

    lt_dlhandle h = NULL;
    if (lt_dladvise_init(&advise) == 0 && lt_dladvise_local(&advise) == 0 &&
        (stat(path, &st) == 0 || lt_dladvise_ext(&advise) == 0))
        h = lt_dlopenadvise(path, advise);
    lt_dladvise_destroy(&advise);

    /* A new handle that ours did not open came from a loader we could not
     * set aside: it may have bound lazily, so it is not accepted. */
    if (h && last_open.called && !last_open.opened) {
        const lt_dlinfo *info = lt_dlgetinfo(h);
        if (info && info->ref_count == 1) {
            lt_dlclose(h);
            h = NULL;
        }
    }

    bool ok = h != NULL;
    if (ok) {
        l->handle = h;
    } else if (last_open.out_of_memory) {
        fail_transient(l, ERROR_NOT_ENOUGH_MEMORY, "load: out of memory");
    } else {
        const char *lt_text = lt_dlerror();
        const char *text = last_open.error ? last_open.error
                           : lt_text ? lt_text : "unknown error";
        eh_load_fail(l, "load: %s", text);
    }
    remember_open_error(NULL);
    ltdl_leave();
    return ok;
}

static void plugin_close(lt_dlhandle h)
{
    /* Not reached from a constructor: its load holds a LOADING state. */
    if (!ltdl_enter())
        return;
    lt_dlclose(h);
    ltdl_leave();
}

static void *plugin_symbol(lt_dlhandle h, const char *name)
{
    void *p = lt_dlsym(h, name);
    /* A failed look-up leaves a message behind that nobody will read. */
    if (!p)
        lt_dlerror();
    return p;
}

/**
 * eh_load_symbol() - an export of the library being loaded.
 * @l: the load; its library is open.
 * @name: the symbol.
 *
 * Only from a half's resolve step, which runs under the loader's lock.
 * Return: the address, or NULL when the library does not export @name.
 */
void *eh_load_symbol(struct eh_load *l, const char *name)
{
    return plugin_symbol(l->handle, name);
}

/* Step 2: DllMain and every export the half will ever use, resolved now. */
static bool resolve_exports(struct eh_load *l)
{
    if (!ltdl_enter())
        return fail_transient(l, EAP_E_EAPHOST_METHOD_NOT_INSTALLED,
                              "entry point: re-entrant call into the "
                              "plugin loader");
    l->dll_main = (eh_dll_main_fn)plugin_symbol(l->handle, "DllMain");
    bool ok = l->half->resolve(l);
    ltdl_leave();
    return ok;
}

/* ---- libraries shared by methods: DllMain once per load of the file -------- */

/*
 * One plugin file as libltdl holds it open.  Several registered methods, or
 * both halves of one, may name the same file (one library implementing
 * several types), and libltdl then hands out the same handle with a
 * reference count.  DllMain follows the library, as on Windows: ATTACH when
 * the first half takes it, DETACH when the last one lets it go.
 */
struct eh_library {
    struct eh_library *next;
    lt_dlhandle handle;
    eh_dll_main_fn dll_main;    /* NULL when not exported */
    unsigned methods;           /* half loads holding it */
    bool busy;                  /* DllMain runs in @runner: others wait */
    pthread_t runner;
};

static pthread_mutex_t libs_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t libs_changed = PTHREAD_COND_INITIALIZER;
static struct eh_library *libs;         /* under libs_lock */

static struct eh_library *find_library(lt_dlhandle h)
{
    struct eh_library *lib = libs;
    while (lib && lib->handle != h)
        lib = lib->next;
    return lib;
}

static void unlink_library(struct eh_library *lib)
{
    struct eh_library **p = &libs;
    while (*p != lib)
        p = &(*p)->next;
    *p = lib->next;
}

/*
 * Step 3: count one more half on the library of l->handle, calling
 * DllMain(DLL_PROCESS_ATTACH) when it is the first.  The module handle
 * stands in for Windows' HINSTANCE.  As on Windows, a DllMain that answers
 * FALSE still gets DLL_PROCESS_DETACH, so it can undo a partial start.
 */
static bool attach(struct eh_load *l)
{
    pthread_mutex_lock(&libs_lock);
    struct eh_library *lib = find_library(l->handle);
    while (lib && lib->busy && !pthread_equal(lib->runner, pthread_self())) {
        pthread_cond_wait(&libs_changed, &libs_lock);
        lib = find_library(l->handle);
    }
    if (lib && lib->busy) {
        pthread_mutex_unlock(&libs_lock);
        return fail_transient(l, EAP_E_EAPHOST_METHOD_NOT_INSTALLED,
                              "DllMain: the library's DllMain is running in "
                              "this thread (re-entrant call from DllMain)");
    }
    if (lib) {
        lib->methods++;
        l->lib = lib;
        pthread_mutex_unlock(&libs_lock);
        return true;
    }

    lib = eh_calloc(1, sizeof *lib);
    if (!lib) {
        pthread_mutex_unlock(&libs_lock);
        return fail_transient(l, ERROR_NOT_ENOUGH_MEMORY,
                              "DllMain: out of memory");
    }
    lib->handle = l->handle;
    lib->dll_main = l->dll_main;
    lib->methods = 1;
    lib->busy = true;
    lib->runner = pthread_self();
    lib->next = libs;
    libs = lib;
    pthread_mutex_unlock(&libs_lock);

    bool ok = !lib->dll_main ||
              lib->dll_main(lib->handle, DLL_PROCESS_ATTACH, NULL);
    if (lib->dll_main && EH_TRACING())
        eh_trace_dll_main(&l->m->type, "DLL_PROCESS_ATTACH", ok);
    if (!ok)
        lib->dll_main(lib->handle, DLL_PROCESS_DETACH, NULL);

    pthread_mutex_lock(&libs_lock);
    lib->busy = false;
    if (ok)
        l->lib = lib;
    else
        unlink_library(lib);
    pthread_cond_broadcast(&libs_changed);
    pthread_mutex_unlock(&libs_lock);
    if (ok)
        return true;
    eh_free(lib);
    return eh_load_fail(l, "DllMain: returned FALSE for DLL_PROCESS_ATTACH");
}

/* Undo attach(): the last half out calls DllMain(DLL_PROCESS_DETACH). */
static void detach(struct eh_library *lib)
{
    pthread_mutex_lock(&libs_lock);
    if (--lib->methods > 0) {
        pthread_mutex_unlock(&libs_lock);
        return;
    }
    /* Still listed while DETACH runs, so a new user waits for it. */
    lib->busy = true;
    lib->runner = pthread_self();
    pthread_mutex_unlock(&libs_lock);

    if (lib->dll_main) {
        BOOL ok = lib->dll_main(lib->handle, DLL_PROCESS_DETACH, NULL);

        if (EH_TRACING())
            eh_trace_dll_main(NULL, "DLL_PROCESS_DETACH", ok);
    }

    pthread_mutex_lock(&libs_lock);
    unlink_library(lib);
    pthread_cond_broadcast(&libs_changed);
    pthread_mutex_unlock(&libs_lock);
    eh_free(lib);
}

/* The library record of a READY half's handle. */
static struct eh_library *library_of(lt_dlhandle h)
{
    pthread_mutex_lock(&libs_lock);
    struct eh_library *lib = find_library(h);
    pthread_mutex_unlock(&libs_lock);
    return lib;
}

/* ---- helpers of the half-specific steps ----------------------------------- */

/**
 * eh_load_drop_error() - give an EAP_ERROR back to the method.
 * @l: the load; the half's FreeErrorMemory is resolved.
 * @merr: the method's error, or NULL.
 */
void eh_load_drop_error(const struct eh_load *l, EAP_ERROR *merr)
{
    if (merr && l->free_error)
        l->free_error(merr);
}

/*
 * Give an EAP_ERROR a method returned back to the method, keeping its root
 * cause text.  Returns that text (eh_malloc'd) or NULL when there is none.
 */
static char *method_error_text(const struct eh_load *l, EAP_ERROR *merr)
{
    EAP_ERROR *copy;
    char *text = NULL;

    if (!merr)
        return NULL;
    copy = eh_error_copy(merr);
    eh_load_drop_error(l, merr);
    if (copy && copy->pRootCauseString && copy->pRootCauseString[0])
        text = eh_utf16_to_utf8_dup(copy->pRootCauseString);
    if (copy)
        eh_error_free(copy);
    return text;
}

/**
 * eh_load_fail_call() - record that a method call of a load step failed.
 * @l: the load.
 * @step: the routine's name, which starts the reason.
 * @code: what it returned.
 * @merr: the EAP_ERROR it returned, or NULL; freed through the method.
 *
 * The reason reads "<step>: failed with 0x... (NAME)[: <method's text>]".
 * Return: false.
 */
bool eh_load_fail_call(struct eh_load *l, const char *step, DWORD code,
                       EAP_ERROR *merr)
{
    char *text = method_error_text(l, merr);
    eh_load_fail(l, "%s: failed with 0x%08" PRIX32 " (%s)%s%s", step, code,
                 eaphost_error_name(code), text ? ": " : "",
                 text ? text : "");
    eh_free(text);
    return false;
}

static void format_type(char *buf, size_t n, const EAP_TYPE *t)
{
    if (t->type == 254)
        snprintf(buf, n, "254 (vendor 0x%06" PRIX32 ", vendor type %" PRIu32
                 ")", t->dwVendorId, t->dwVendorType);
    else
        snprintf(buf, n, "%u", (unsigned)t->type);
}

static bool same_type(const EAP_TYPE *a, const EAP_TYPE *b)
{
    if (a->type != b->type)
        return false;
    return a->type != 254 || (a->dwVendorId == b->dwVendorId &&
                              a->dwVendorType == b->dwVendorType);
}

/**
 * eh_load_check_type() - the type a GetInfo call says it answered for.
 * @l: the load.
 * @step: the GetInfo routine's name, which starts the reason.
 * @answered: the routines table's pEapType (NULL is accepted: methods often
 *            leave it unset).
 *
 * Return: true when @answered is NULL or the registered type; else false
 * with the fault "<step>: answered for type X, registered type Y".
 */
bool eh_load_check_type(struct eh_load *l, const char *step,
                        const EAP_TYPE *answered)
{
    if (answered && !same_type(answered, &l->m->type.eapType)) {
        char got[64], want[64];
        format_type(got, sizeof got, answered);
        format_type(want, sizeof want, &l->m->type.eapType);
        return eh_load_fail(l, "%s: answered for type %s, registered type %s",
                            step, got, want);
    }
    return true;
}

/* ---- the peer half ---------------------------------------------------------- */

static void peer_state(struct eh_method *m, struct eh_half_state *st)
{
    st->state = &m->state;
    st->loading_thread = &m->loading_thread;
    st->users = &m->users;
    st->fault_code = &m->fault_code;
    st->fault_reason = &m->fault_reason;
    st->handle = &m->handle;
    st->dispatch = &m->dispatch;
}

static const char *peer_library(const struct eh_method *m)
{
    return m->peer_dll_path;
}

/* Step 2: the exports of the peer half. */
static bool peer_resolve(struct eh_load *l)
{
    struct eh_dispatch *d = &l->d.peer;

    l->get_info.peer = (eh_get_info_fn)eh_load_symbol(l, "EapPeerGetInfo");
    d->free_memory = (eh_free_memory_fn)eh_load_symbol(l,
                                                       "EapPeerFreeMemory");
    d->free_error_memory =
        (eh_free_error_fn)eh_load_symbol(l, "EapPeerFreeErrorMemory");
    d->query_credential_input_fields = (eh_query_cred_fields_fn)
        eh_load_symbol(l, "EapPeerQueryCredentialInputFields");
    d->query_user_blob_from_credential_input_fields =
        (eh_query_user_blob_fn)eh_load_symbol(l,
                            "EapPeerQueryUserBlobFromCredentialInputFields");
    l->free_error = d->free_error_memory;

    if (!l->get_info.peer)
        return eh_load_fail(l, "entry point: EapPeerGetInfo not exported");
    if (!d->free_memory)
        return eh_load_fail(l, "entry point: EapPeerFreeMemory not exported");
    if (!d->free_error_memory)
        return eh_load_fail(l, "entry point: EapPeerFreeErrorMemory not "
                            "exported");
    return true;
}

/* Step 4. */
static bool peer_get_info(struct eh_load *l)
{
    /* A copy: the method gets no pointer into the host's registry. */
    EAP_TYPE asked = l->m->type.eapType;
    EAP_ERROR *merr = NULL;
    EAP_PEER_METHOD_ROUTINES *r = &l->d.peer.r;

    memset(r, 0, sizeof *r);
    DWORD rc = l->get_info.peer(&asked, r, &merr);

    EH_TRACE_CALL(EH_TRACE_PEER, 0, &l->m->type, "EapPeerGetInfo", rc, -1);
    if (rc != ERROR_SUCCESS)
        return eh_load_fail_call(l, "EapPeerGetInfo", rc, merr);
    /* Success with an error attached: nothing to report, still freed. */
    eh_load_drop_error(l, merr);
    return eh_load_check_type(l, "EapPeerGetInfo", r->pEapType);
}

/* Step 5: the name of the first required routine left NULL, or NULL. */
static const char *peer_missing_routine(const EAP_PEER_METHOD_ROUTINES *r)
{
    if (!r->EapPeerBeginSession)
        return "EapPeerBeginSession";
    if (!r->EapPeerProcessRequestPacket)
        return "EapPeerProcessRequestPacket";
    if (!r->EapPeerGetResponsePacket)
        return "EapPeerGetResponsePacket";
    if (!r->EapPeerGetResult)
        return "EapPeerGetResult";
    if (!r->EapPeerEndSession)
        return "EapPeerEndSession";
    return NULL;
}

static bool peer_check_routines(struct eh_load *l)
{
    const char *missing = peer_missing_routine(&l->d.peer.r);
    if (missing)
        return eh_load_fail(l, "routines: %s is NULL (required)", missing);
    return true;
}

/* Step 6. */
static bool peer_initialize(struct eh_load *l)
{
    EAP_ERROR *merr = NULL;
    const EAP_PEER_METHOD_ROUTINES *r = &l->d.peer.r;

    if (!r->EapPeerInitialize)
        return true;
    DWORD rc = r->EapPeerInitialize(&merr);

    EH_TRACE_CALL(EH_TRACE_PEER, 0, &l->m->type, "EapPeerInitialize", rc,
                  -1);
    if (rc != ERROR_SUCCESS)
        return eh_load_fail_call(l, "EapPeerInitialize", rc, merr);
    eh_load_drop_error(l, merr);
    return true;
}

static void peer_shutdown(const struct eh_method *m, const void *dispatch)
{
    const struct eh_dispatch *d = dispatch;

    if (d->r.EapPeerShutdown) {
        EAP_ERROR *merr = NULL;
        /* A method that fails to shut down is unloaded all the same. */
        DWORD rc = d->r.EapPeerShutdown(&merr);

        EH_TRACE_CALL(EH_TRACE_PEER, 0, &m->type, "EapPeerShutdown", rc, -1);
        eh_take_method_error(d, merr, NULL);
    }
}

static const struct eh_half peer_half = {
    .no_library = "no peer half (PeerDllPath) registered",
    .dispatch_size = sizeof(struct eh_dispatch),
    .state = peer_state,
    .library = peer_library,
    .resolve = peer_resolve,
    .get_info = peer_get_info,
    .check_routines = peer_check_routines,
    .initialize = peer_initialize,
    .shutdown = peer_shutdown,
};

/* ---- load and unload, either half --------------------------------------------- */

/*
 * Load and validate half @h of @m into @l, outside every host lock.  On
 * success l->handle and l->d describe the ready half; otherwise nothing of
 * the plugin stays loaded and l->reason says why.
 */
static void load_half(const struct eh_half *h, struct eh_method *m,
                      struct eh_load *l)
{
    const char *path = h->library(m);

    memset(l, 0, sizeof *l);
    l->half = h;
    l->m = m;
    l->outcome = EH_LOAD_READY;

    if (!path) {
        eh_load_fail(l, "%s", h->no_library);
        return;
    }
    if (!plugin_open(l, path))
        return;
    if (resolve_exports(l) && attach(l) && h->get_info(l) &&
        h->check_routines(l) && h->initialize(l))
        return;

    if (l->lib)
        detach(l->lib);
    plugin_close(l->handle);
    l->handle = NULL;
    memset(&l->d, 0, sizeof l->d);
}

/* Shutdown, DllMain(DETACH) if last, close.  Outside host locks. */
static void unload_half(const struct eh_half *h, const struct eh_method *m,
                        lt_dlhandle handle, const void *dispatch)
{
    h->shutdown(m, dispatch);
    struct eh_library *lib = library_of(handle);
    if (lib)
        detach(lib);
    plugin_close(handle);
}

/* ---- load states, under eh_host.lock ------------------------------------------ */

static const char reentrant_load[] =
    "method is being loaded by this thread (re-entrant call during load)";
static const char reentrant_unload[] =
    "method is being unloaded by this thread (re-entrant call during unload)";

/*
 * Store the outcome of @l in the half's state (LOADING before) and wake
 * the waiters.  Returns ERROR_SUCCESS, or the code of a transient failure,
 * which leaves the half UNLOADED so that a later call tries again.
 */
static DWORD finish_load(const struct eh_half *h, struct eh_half_state *st,
                         struct eh_load *l)
{
    DWORD rc = ERROR_SUCCESS;

    switch (l->outcome) {
    case EH_LOAD_READY:
        *st->handle = l->handle;
        memcpy(st->dispatch, &l->d, h->dispatch_size);
        __atomic_store_n(st->state, EH_METHOD_READY, __ATOMIC_SEQ_CST);
        break;
    case EH_LOAD_FAULT:
        *st->fault_code = EAP_E_EAPHOST_METHOD_NOT_INSTALLED;
        *st->fault_reason = l->reason;  /* the method keeps it */
        l->reason = NULL;
        __atomic_store_n(st->state, EH_METHOD_FAULTY, __ATOMIC_SEQ_CST);
        break;
    case EH_LOAD_TRANSIENT:
        __atomic_store_n(st->state, EH_METHOD_UNLOADED, __ATOMIC_SEQ_CST);
        rc = l->transient_code;
        break;
    }
    pthread_cond_broadcast(&eh_host.method_changed);
    return rc;
}

/* Acquire (@count_user) or validate; called with eh_host.lock held. */
static DWORD make_ready(const struct eh_half *h, struct eh_method *m,
                        bool count_user, EAP_ERROR **err)
{
    struct eh_half_state st;

    h->state(m, &st);
    for (;;) {
        switch (*st.state) {
        case EH_METHOD_READY:
            if (count_user)
                __atomic_fetch_add(st.users, 1, __ATOMIC_SEQ_CST);
            return ERROR_SUCCESS;
        case EH_METHOD_FAULTY:
            return eh_fail(err, *st.fault_code, &m->type, "%s",
                           *st.fault_reason ? *st.fault_reason
                                            : "method is faulty");
        case EH_METHOD_LOADING:
            if (pthread_equal(*st.loading_thread, pthread_self()))
                /* An unload keeps its handle until done; a load has none. */
                return eh_fail(err, EAP_E_EAPHOST_METHOD_NOT_INSTALLED,
                               &m->type, "%s", *st.handle ? reentrant_unload
                                                          : reentrant_load);
            pthread_cond_wait(&eh_host.method_changed, &eh_host.lock);
            break;
        case EH_METHOD_UNLOADED: {
            struct eh_load l;
            __atomic_store_n(st.state, EH_METHOD_LOADING, __ATOMIC_SEQ_CST);
            *st.loading_thread = pthread_self();
            pthread_mutex_unlock(&eh_host.lock);
            load_half(h, m, &l);
            pthread_mutex_lock(&eh_host.lock);
            DWORD rc = finish_load(h, &st, &l);
            if (rc != ERROR_SUCCESS)
                rc = eh_fail(err, rc, &m->type, "%s",
                             l.reason ? l.reason : "out of memory");
            eh_free(l.reason);
            if (rc != ERROR_SUCCESS)
                return rc;
            break;      /* READY or FAULTY now: answer from the state */
        }
        }
    }
}

/**
 * eh_half_make_ready() - make one half of a method READY.
 * @h: the half.
 * @m: the method.
 * @count_user: count one more user (pair with eh_half_release()).
 * @err: as for eh_method_acquire().
 *
 * Takes eh_host.lock itself; must be called without it.
 * Return: as eh_method_acquire().
 */
DWORD eh_half_make_ready(const struct eh_half *h, struct eh_method *m,
                         bool count_user, EAP_ERROR **err)
{
    if (!m)
        return eh_fail(err, ERROR_INVALID_PARAMETER, NULL, "no method");
    pthread_mutex_lock(&eh_host.lock);
    DWORD rc = make_ready(h, m, count_user, err);
    pthread_mutex_unlock(&eh_host.lock);
    return rc;
}

/* One user fewer; never below zero (debug builds treat that as a host
 * bug).  Atomic: a READY method is acquired and released without the
 * host lock. */
static void drop_user(unsigned *users)
{
    unsigned n = __atomic_load_n(users, __ATOMIC_RELAXED);

    while (n > 0 && !__atomic_compare_exchange_n(users, &n, n - 1, false,
                                                 __ATOMIC_SEQ_CST,
                                                 __ATOMIC_RELAXED))
        ;
    assert(n > 0);
}

/**
 * eh_half_release() - drop a user count of one half.
 * @h: the half.
 * @m: the method, or NULL.
 */
void eh_half_release(const struct eh_half *h, struct eh_method *m)
{
    struct eh_half_state st;

    if (!m)
        return;
    h->state(m, &st);
    drop_user(st.users);
}

/**
 * eh_half_unload() - shut one half down and unload it: back to UNLOADED.
 * @h: the half.
 * @m: the method, or NULL.
 *
 * As eh_method_unload(), for half @h.
 */
void eh_half_unload(const struct eh_half *h, struct eh_method *m)
{
    struct eh_half_state st;
    union {
        struct eh_dispatch peer;
        struct eh_auth_dispatch auth;
    } d;

    if (!m)
        return;
    h->state(m, &st);
    pthread_mutex_lock(&eh_host.lock);
    while (*st.state == EH_METHOD_LOADING &&
           !pthread_equal(*st.loading_thread, pthread_self()))
        pthread_cond_wait(&eh_host.method_changed, &eh_host.lock);

    if (*st.state == EH_METHOD_FAULTY) {
        eh_free(*st.fault_reason);
        *st.fault_reason = NULL;
        *st.fault_code = ERROR_SUCCESS;
        __atomic_store_n(st.state, EH_METHOD_UNLOADED, __ATOMIC_SEQ_CST);
    }
    if (*st.state != EH_METHOD_READY) {
        pthread_mutex_unlock(&eh_host.lock);
        return;
    }

    /* LOADING with the handle kept: others wait, a call back fails.  It is
     * published before the user count is read, the reverse of
     * eh_method_acquire()'s lock-free path (count, then state): one of the
     * two sees the other, so a method is never unloaded under a session
     * that counted itself.  A method still in use stays loaded. */
    __atomic_store_n(st.state, EH_METHOD_LOADING, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(st.users, __ATOMIC_SEQ_CST) != 0) {
        __atomic_store_n(st.state, EH_METHOD_READY, __ATOMIC_SEQ_CST);
        pthread_cond_broadcast(&eh_host.method_changed);
        pthread_mutex_unlock(&eh_host.lock);
        return;
    }
    *st.loading_thread = pthread_self();
    lt_dlhandle handle = *st.handle;
    memcpy(&d, st.dispatch, h->dispatch_size);
    pthread_mutex_unlock(&eh_host.lock);

    unload_half(h, m, handle, &d);

    pthread_mutex_lock(&eh_host.lock);
    *st.handle = NULL;
    memset(st.dispatch, 0, h->dispatch_size);
    __atomic_store_n(st.state, EH_METHOD_UNLOADED, __ATOMIC_SEQ_CST);
    pthread_cond_broadcast(&eh_host.method_changed);
    pthread_mutex_unlock(&eh_host.lock);
}

/* ---- the peer half's entry points ------------------------------------------- */

/**
 * eh_method_acquire() - make a method READY and count one more user.
 * @m: the method (registry-owned; the loader owns its load state).
 * @err: if not NULL, receives on failure a host-allocated EAP_ERROR whose
 *       pRootCauseString is the reason; the caller frees it with
 *       eh_error_free().
 *
 * Loads on first use (see the top of this file).  A faulty method answers
 * from its stored reason without being loaded again.  Takes eh_host.lock
 * itself; must be called without it.
 *
 * Return: ERROR_SUCCESS (pair it with eh_method_release());
 * EAP_E_EAPHOST_METHOD_NOT_INSTALLED; ERROR_NOT_ENOUGH_MEMORY or
 * ERROR_INVALID_STATE (loader not initialised), which leave the method
 * UNLOADED; ERROR_INVALID_PARAMETER for a NULL @m.
 */
DWORD eh_method_acquire(struct eh_method *m, EAP_ERROR **err)
{
    DWORD rc;

    if (!m)
        return eh_half_make_ready(&peer_half, m, true, err);
    /* Every BeginSession comes here: a READY method is counted without the
     * lock.  The state is read again after the count (both sequentially
     * consistent, as the unload's state change and count check are), so
     * an unload that began meanwhile is seen and the count undone. */
    if (__atomic_load_n(&m->state, __ATOMIC_ACQUIRE) == EH_METHOD_READY) {
        __atomic_fetch_add(&m->users, 1, __ATOMIC_SEQ_CST);
        if (__atomic_load_n(&m->state, __ATOMIC_SEQ_CST) == EH_METHOD_READY)
            return ERROR_SUCCESS;
        drop_user(&m->users);
    }
    pthread_mutex_lock(&eh_host.lock);
    rc = make_ready(&peer_half, m, true, err);
    pthread_mutex_unlock(&eh_host.lock);
    return rc;
}

/**
 * eh_method_validate() - load and validate a method without counting a user.
 * @m: the method.
 * @err: as for eh_method_acquire().
 *
 * A method this makes READY stays loaded until eh_method_unload().
 *
 * Return: as eh_method_acquire().
 */
DWORD eh_method_validate(struct eh_method *m, EAP_ERROR **err)
{
    return eh_half_make_ready(&peer_half, m, false, err);
}

/**
 * eh_method_release() - drop the user count eh_method_acquire() took.
 * @m: the method, or NULL.
 *
 * The method stays loaded; eh_method_unload() unloads it.
 */
void eh_method_release(struct eh_method *m)
{
    /* eh_half_release() for the peer half, without its state table: every
     * EndSession comes here. */
    if (m)
        drop_user(&m->users);
}

/**
 * eh_method_unload() - shut a method down and unload it: back to UNLOADED.
 * @m: the method, or NULL.
 *
 * READY: EapPeerShutdown (if any; its error is freed through the method),
 * DllMain(DLL_PROCESS_DETACH) (if exported and no other half holds the
 * library), close; the dispatch table is zeroed.  FAULTY: the reason is
 * freed, so that the next use tries again.  Waits while another thread
 * loads @m; called from @m's own load or unload (a method calling back), it
 * does nothing.  A method that a session still counts as its own (one
 * left in use on another thread while EapHostPeerUninitialize ran) stays
 * loaded and READY.
 */
void eh_method_unload(struct eh_method *m)
{
    eh_half_unload(&peer_half, m);
}
