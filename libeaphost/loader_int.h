/*
 * loader_int.h - private to the loader: the interface between its
 * machinery (loader.c: libltdl, the trust check, immediate binding, the
 * table of loaded libraries with their DllMain, the load states) and the
 * two halves a method may have, each described by a struct eh_half: the
 * peer half (loader.c) and the authenticator half (auth_loader.c).
 *
 * A load goes through the same steps for either half; the half supplies
 * what differs (the library path, the exports, the GetInfo call, the
 * required routines, Initialize and Shutdown) and the texts of its
 * reasons.
 */
#ifndef EAPHOST_LOADER_INT_H
#define EAPHOST_LOADER_INT_H

#include "internal.h"

typedef BOOL (*eh_dll_main_fn)(void *hinst, DWORD reason, void *reserved);

/* How a load ended: for the method, or for this call only. */
enum eh_load_outcome {
    EH_LOAD_READY,          /* validated and initialised */
    EH_LOAD_FAULT,          /* the half is faulty: remember the reason */
    EH_LOAD_TRANSIENT       /* our own trouble (memory, re-entry): retry */
};

struct eh_library;
struct eh_half;

/* One load in progress, outside every host lock. */
struct eh_load {
    const struct eh_half *half;
    struct eh_method *m;
    lt_dlhandle handle;
    eh_dll_main_fn dll_main;        /* NULL when not exported */
    struct eh_library *lib;         /* set once attached: detach on failure */
    eh_free_error_fn free_error;    /* the half's FreeErrorMemory, once found */
    union {
        eh_get_info_fn peer;
        eh_auth_get_info_fn auth;
    } get_info;
    union {                         /* the half's dispatch table */
        struct eh_dispatch peer;
        struct eh_auth_dispatch auth;
    } d;
    enum eh_load_outcome outcome;
    DWORD transient_code;           /* for EH_LOAD_TRANSIENT */
    char *reason;                   /* eh_malloc'd, FAULT and TRANSIENT */
};

/* Where a half keeps its load state inside struct eh_method. */
struct eh_half_state {
    enum eh_method_state *state;
    pthread_t *loading_thread;
    unsigned *users;
    DWORD *fault_code;
    char **fault_reason;
    lt_dlhandle *handle;
    void *dispatch;                 /* the half's dispatch table */
};

/*
 * One half of a method.  Steps 2, 4, 5 and 6 return false after
 * eh_load_fail() (or eh_load_fail_call()) has recorded why.
 */
struct eh_half {
    const char *no_library;         /* reason when the registry names none */
    size_t dispatch_size;           /* bytes of the dispatch in eh_load.d */
    void (*state)(struct eh_method *m, struct eh_half_state *st);
    const char *(*library)(const struct eh_method *m);   /* NULL: none */
    bool (*resolve)(struct eh_load *l);         /* 2: under the ltdl lock */
    bool (*get_info)(struct eh_load *l);        /* 4 */
    bool (*check_routines)(struct eh_load *l);  /* 5 */
    bool (*initialize)(struct eh_load *l);      /* 6 */
    /* Before unload: the half's Shutdown; its errors are dropped. */
    void (*shutdown)(const struct eh_method *m, const void *dispatch);
};

/* An export of the library being loaded; only from eh_half.resolve. */
void *eh_load_symbol(struct eh_load *l, const char *name);
/* Record a fault ("<step>: <text>"); always returns false. */
bool eh_load_fail(struct eh_load *l, const char *fmt, ...) EH_PRINTF(2, 3);
/* "<step>: failed with 0x... (NAME)[: <method's text>]"; frees @merr
 * through the half's FreeErrorMemory.  Returns false. */
bool eh_load_fail_call(struct eh_load *l, const char *step, DWORD code,
                       EAP_ERROR *merr);
/* Free an EAP_ERROR the method returned with success (nothing to say). */
void eh_load_drop_error(const struct eh_load *l, EAP_ERROR *merr);
/* If @answered is not NULL and not the registered type: a fault
 * "<step>: answered for type X, registered type Y"; returns false. */
bool eh_load_check_type(struct eh_load *l, const char *step,
                        const EAP_TYPE *answered);

/* The load-state machine of loader.c for either half (see
 * eh_method_acquire(), eh_method_release(), eh_method_unload()). */
DWORD eh_half_make_ready(const struct eh_half *h, struct eh_method *m,
                         bool count_user, EAP_ERROR **err);
void eh_half_release(const struct eh_half *h, struct eh_method *m);
void eh_half_unload(const struct eh_half *h, struct eh_method *m);

#endif /* EAPHOST_LOADER_INT_H */
