/*
 * check_loader.c - the plugin loader (libeaphost/loader.c): loading and
 * unloading, the validation steps and the reason each gives a faulty
 * method, init/exit pairs, threads and methods calling back while they
 * load; and the scripted fixture method the other suites rely on.
 *
 * Methods are built by hand here, as the registry would build them.  A test
 * that needs a fixture's statistics after the host has closed it "pins" the
 * fixture: it opens the file itself first, so the host's dlopen/dlclose only
 * move a reference count and the statistics survive.
 */
#define _POSIX_C_SOURCE 200809L

#include "internal.h"
#include "testutil.h"
#include "fixtures/fixture_stats.h"

#include <dlfcn.h>
#include <pthread.h>
#include <sys/stat.h>

static char registry_file[] = "/nonexistent/methods/loader-test.json";

/* A registered method pointing at a fixture plugin. */
struct test_method {
    struct eh_method m;
    char path[PATH_MAX];
};

static void method_setup(struct test_method *t, const char *fixture,
                         BYTE type)
{
    memset(t, 0, sizeof *t);
    tu_fixture_path(t->path, sizeof t->path, fixture);
    t->m.type.eapType.type = type;
    t->m.type.dwAuthorId = 9999;
    t->m.registry_file = registry_file;
    t->m.peer_dll_path = t->path;
    t->m.state = EH_METHOD_UNLOADED;
}

static void expanded_setup(struct test_method *t, const char *fixture)
{
    method_setup(t, fixture, FIXTURE_EXPANDED_TYPE);
    t->m.type.eapType.dwVendorId = FIXTURE_VENDOR;
    t->m.type.eapType.dwVendorType = FIXTURE_VENDOR_TYPE;
}

static void loader_up(void)
{
    ck_assert_uint_eq(eh_loader_init(), ERROR_SUCCESS);
}

static void loader_down(void)
{
    eh_loader_exit();
}

/* ---- fixture statistics ------------------------------------------------ */

/* Open a fixture ourselves (see the top of this file); zero its counters. */
static void *pin(const char *fixture)
{
    char path[PATH_MAX];
    tu_fixture_path(path, sizeof path, fixture);
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    ck_assert_msg(h != NULL, "dlopen %s: %s", path, dlerror());
    fixture_reset_stats_fn reset =
        (fixture_reset_stats_fn)dlsym(h, "FixtureResetStats");
    ck_assert_ptr_nonnull(reset);
    reset();
    return h;
}

static void unpin(void *h)
{
    ck_assert_int_eq(dlclose(h), 0);
}

static void stats_of(void *h, struct fixture_stats *st)
{
    fixture_get_stats_fn get = (fixture_get_stats_fn)dlsym(h,
                                                           "FixtureGetStats");
    ck_assert_ptr_nonnull(get);
    get(st);
}

/* Statistics of a fixture the host has loaded (it must be loaded). */
static void stats_of_loaded(const char *fixture, struct fixture_stats *st)
{
    char path[PATH_MAX];
    tu_fixture_path(path, sizeof path, fixture);
    void *h = dlopen(path, RTLD_NOW | RTLD_NOLOAD);
    ck_assert_msg(h != NULL, "%s is not loaded", fixture);
    stats_of(h, st);
    dlclose(h);
}

static bool is_loaded(const char *path)
{
    void *h = dlopen(path, RTLD_LAZY | RTLD_NOLOAD);
    if (h)
        dlclose(h);
    return h != NULL;
}

/* ---- expectations ----------------------------------------------------------- */

static char *error_text(const EAP_ERROR *e)
{
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_nonnull(e->pRootCauseString);
    char *text = eh_utf16_to_utf8_dup(e->pRootCauseString);
    ck_assert_ptr_nonnull(text);
    return text;
}

/*
 * Acquire @t, expect it to be refused as faulty, and return its reason
 * (freed by the caller with eh_free) after checking that the EAP_ERROR
 * carries the same text and that nothing of the plugin stayed loaded.
 */
static char *acquire_fault(struct test_method *t)
{
    EAP_ERROR *err = NULL;

    ck_assert_uint_eq(eh_method_acquire(&t->m, &err),
                      EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_int_eq(t->m.state, EH_METHOD_FAULTY);
    ck_assert_uint_eq(t->m.fault_code, EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_uint_eq(t->m.users, 0);
    ck_assert_ptr_null(t->m.handle);
    ck_assert_ptr_null(t->m.dispatch.r.EapPeerBeginSession);
    ck_assert_ptr_nonnull(t->m.fault_reason);
    ck_assert_ptr_nonnull(err);
    ck_assert_uint_eq(err->dwWinError, EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_uint_eq(err->type.eapType.type, t->m.type.eapType.type);

    char *text = error_text(err);
    ck_assert_str_eq(text, t->m.fault_reason);
    eh_error_free(err);
    return text;
}

static void expect_fault(struct test_method *t, const char *reason)
{
    char *text = acquire_fault(t);
    ck_assert_str_eq(text, reason);
    eh_free(text);
}

static void expect_fault_prefix(struct test_method *t, const char *prefix,
                                const char *contains)
{
    char *text = acquire_fault(t);
    ck_assert_msg(strncmp(text, prefix, strlen(prefix)) == 0,
                  "reason '%s' does not start with '%s'", text, prefix);
    ck_assert_msg(strstr(text, contains) != NULL,
                  "reason '%s' does not mention '%s'", text, contains);
    eh_free(text);
}

/* One request/response exchange through a ready method's dispatch. */
static void run_one_exchange(const struct eh_dispatch *d)
{
    EAP_SESSION_HANDLE s = NULL;
    EAP_ERROR *err = NULL;
    BYTE req[] = { 1, 7, 0, 8, FIXTURE_TYPE, 'a', 'b', 'c' };
    BYTE resp[64];
    DWORD n = sizeof resp;
    EapPeerMethodOutput out = { EapPeerMethodResponseActionNone, FALSE };

    ck_assert_uint_eq(d->r.EapPeerBeginSession(0, NULL, NULL, 0, NULL, 0,
                                               NULL, 1400, &s, &err),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(d->r.EapPeerProcessRequestPacket(
                          s, sizeof req, (EapPacket *)req, &out, &err),
                      ERROR_SUCCESS);
    ck_assert_int_eq(out.action, EapPeerMethodResponseActionSend);
    ck_assert_uint_eq(d->r.EapPeerGetResponsePacket(s, &n, (EapPacket *)resp,
                                                    &err), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 8);
    ck_assert_int_eq(resp[0], 2);
    ck_assert_int_eq(resp[1], 7);
    ck_assert_int_eq(resp[3], 8);
    ck_assert_int_eq(resp[4], FIXTURE_TYPE);
    ck_assert_int_eq(memcmp(resp + 5, "abc", 3), 0);
    ck_assert_uint_eq(d->r.EapPeerEndSession(s, &err), ERROR_SUCCESS);
    ck_assert_ptr_null(err);
}

/* After any failure, the good fixture still loads and works. */
static void expect_good_fixture_works(void)
{
    struct test_method t;

    method_setup(&t, "fixture_good", FIXTURE_TYPE);
    ck_assert_uint_eq(eh_method_acquire(&t.m, NULL), ERROR_SUCCESS);
    ck_assert_int_eq(t.m.state, EH_METHOD_READY);
    run_one_exchange(&t.m.dispatch);
    eh_method_release(&t.m);
    eh_method_unload(&t.m);
    ck_assert_int_eq(t.m.state, EH_METHOD_UNLOADED);
    ck_assert(!is_loaded(t.path));
}

/* ---- the good fixture ----------------------------------------------------- */

START_TEST(test_good_loads)
{
    struct test_method t;
    struct fixture_stats st;

    method_setup(&t, "fixture_good", FIXTURE_TYPE);
    ck_assert(!is_loaded(t.path));
    ck_assert_uint_eq(eh_method_acquire(&t.m, NULL), ERROR_SUCCESS);
    ck_assert_int_eq(t.m.state, EH_METHOD_READY);
    ck_assert_uint_eq(t.m.users, 1);
    ck_assert_ptr_nonnull(t.m.handle);
    ck_assert_ptr_null(t.m.fault_reason);

    const struct eh_dispatch *d = &t.m.dispatch;
    ck_assert_ptr_nonnull(d->free_memory);
    ck_assert_ptr_nonnull(d->free_error_memory);
    ck_assert_ptr_nonnull(d->query_credential_input_fields);
    ck_assert_ptr_nonnull(d->query_user_blob_from_credential_input_fields);
    ck_assert_ptr_nonnull(d->r.EapPeerInitialize);
    ck_assert_ptr_nonnull(d->r.EapPeerBeginSession);
    ck_assert_ptr_nonnull(d->r.EapPeerProcessRequestPacket);
    ck_assert_ptr_nonnull(d->r.EapPeerGetResponsePacket);
    ck_assert_ptr_nonnull(d->r.EapPeerGetResult);
    ck_assert_ptr_nonnull(d->r.EapPeerEndSession);
    ck_assert_ptr_nonnull(d->r.EapPeerShutdown);
    ck_assert_uint_eq(d->r.dwVersion, 1);
    ck_assert_ptr_null(d->r.pEapType);

    stats_of_loaded("fixture_good", &st);
    ck_assert_uint_eq(st.dll_attach, 1);
    ck_assert_uint_eq(st.dll_detach, 0);
    ck_assert_uint_eq(st.get_info, 1);
    ck_assert_uint_eq(st.initialize, 1);
    ck_assert_str_eq(st.order, "A,N,I");

    run_one_exchange(d);
    /* Still counted by a session: an unload leaves it loaded and READY,
     * and nothing is called. */
    eh_method_unload(&t.m);
    ck_assert_int_eq(t.m.state, EH_METHOD_READY);
    ck_assert_uint_eq(t.m.users, 1);
    ck_assert(is_loaded(t.path));
    stats_of_loaded("fixture_good", &st);
    ck_assert_uint_eq(st.shutdown, 0);
    ck_assert_uint_eq(st.dll_detach, 0);
    run_one_exchange(d);
    eh_method_release(&t.m);
    ck_assert_uint_eq(t.m.users, 0);
    ck_assert_int_eq(t.m.state, EH_METHOD_READY);
    eh_method_unload(&t.m);
    ck_assert_int_eq(t.m.state, EH_METHOD_UNLOADED);
    ck_assert(!is_loaded(t.path));
}
END_TEST

START_TEST(test_good_initialize_once_per_load)
{
    struct test_method t;
    struct fixture_stats st;
    void *pinned = pin("fixture_good");

    method_setup(&t, "fixture_good", FIXTURE_TYPE);
    ck_assert_uint_eq(eh_method_acquire(&t.m, NULL), ERROR_SUCCESS);
    ck_assert_uint_eq(eh_method_acquire(&t.m, NULL), ERROR_SUCCESS);
    ck_assert_uint_eq(eh_method_validate(&t.m, NULL), ERROR_SUCCESS);
    ck_assert_uint_eq(t.m.users, 2);
    stats_of(pinned, &st);
    ck_assert_uint_eq(st.dll_attach, 1);
    ck_assert_uint_eq(st.get_info, 1);
    ck_assert_uint_eq(st.initialize, 1);

    eh_method_release(&t.m);
    eh_method_release(&t.m);
    ck_assert_uint_eq(t.m.users, 0);
    eh_method_unload(&t.m);
    stats_of(pinned, &st);
    ck_assert_uint_eq(st.shutdown, 1);
    ck_assert_uint_eq(st.dll_detach, 1);
    /* Shutdown comes before DllMain(DETACH). */
    ck_assert_str_eq(st.order, "A,N,I,S,X");
    ck_assert_ptr_null(t.m.handle);
    ck_assert_ptr_null(t.m.dispatch.r.EapPeerBeginSession);
    ck_assert_ptr_null(t.m.dispatch.free_memory);

    /* A second load is a new load: attach and Initialize again. */
    ck_assert_uint_eq(eh_method_acquire(&t.m, NULL), ERROR_SUCCESS);
    stats_of(pinned, &st);
    ck_assert_str_eq(st.order, "A,N,I,S,X,A,N,I");
    eh_method_release(&t.m);
    eh_method_unload(&t.m);
    eh_method_unload(&t.m);             /* twice: nothing more happens */
    stats_of(pinned, &st);
    ck_assert_str_eq(st.order, "A,N,I,S,X,A,N,I,S,X");
    ck_assert_int_eq(st.live_allocations, 0);
    ck_assert_uint_eq(st.bad_frees, 0);
    unpin(pinned);
}
END_TEST

START_TEST(test_validate_counts_no_user)
{
    struct test_method t;

    method_setup(&t, "fixture_good", FIXTURE_TYPE);
    ck_assert_uint_eq(eh_method_validate(&t.m, NULL), ERROR_SUCCESS);
    ck_assert_int_eq(t.m.state, EH_METHOD_READY);
    ck_assert_uint_eq(t.m.users, 0);
    ck_assert(is_loaded(t.path));
    eh_method_unload(&t.m);
    ck_assert_int_eq(t.m.state, EH_METHOD_UNLOADED);
    ck_assert(!is_loaded(t.path));
}
END_TEST

START_TEST(test_expanded_type)
{
    struct test_method t;

    expanded_setup(&t, "fixture_expanded");
    ck_assert_uint_eq(eh_method_acquire(&t.m, NULL), ERROR_SUCCESS);
    ck_assert_int_eq(t.m.state, EH_METHOD_READY);
    eh_method_release(&t.m);
    eh_method_unload(&t.m);

    /* The same plugin registered under another vendor type refuses. */
    expanded_setup(&t, "fixture_expanded");
    t.m.type.eapType.dwVendorType = FIXTURE_VENDOR_TYPE + 1;
    expect_fault(&t, "EapPeerGetInfo: failed with 0x00000032 "
                 "(ERROR_NOT_SUPPORTED): fixture: asked for a type it does "
                 "not implement");
    eh_method_unload(&t.m);
    expect_good_fixture_works();
}
END_TEST

START_TEST(test_null_arguments)
{
    EAP_ERROR *err = NULL;

    ck_assert_uint_eq(eh_method_acquire(NULL, &err), ERROR_INVALID_PARAMETER);
    ck_assert_ptr_nonnull(err);
    eh_error_free(err);
    ck_assert_uint_eq(eh_method_validate(NULL, NULL), ERROR_INVALID_PARAMETER);
    eh_method_release(NULL);
    eh_method_unload(NULL);
}
END_TEST

/* ---- faulty methods, one per validation step ------------------------------ */

START_TEST(test_no_peer_half)
{
    struct test_method t;

    method_setup(&t, "fixture_good", FIXTURE_TYPE);
    t.m.peer_dll_path = NULL;
    expect_fault(&t, "no peer half (PeerDllPath) registered");
    eh_method_unload(&t.m);
    ck_assert_int_eq(t.m.state, EH_METHOD_UNLOADED);
    ck_assert_ptr_null(t.m.fault_reason);
}
END_TEST

START_TEST(test_missing_file)
{
    struct test_method t;
    char expected[PATH_MAX + 64];

    method_setup(&t, "fixture_that_was_never_built", FIXTURE_TYPE);
    snprintf(expected, sizeof expected,
             "load: refused: %s: No such file or directory", t.path);
    expect_fault(&t, expected);
    eh_method_unload(&t.m);
    expect_good_fixture_works();
}
END_TEST

START_TEST(test_not_a_shared_object)
{
    struct test_method t;

    method_setup(&t, "fixture_not_so", FIXTURE_TYPE);
    /* dlerror() names the file and what is wrong with it. */
    expect_fault_prefix(&t, "load: ", t.path);
    ck_assert(!is_loaded(t.path));
    eh_method_unload(&t.m);
    expect_good_fixture_works();
}
END_TEST

START_TEST(test_unresolved_symbol)
{
    struct test_method t;

    method_setup(&t, "fixture_unresolved", FIXTURE_TYPE);
    expect_fault_prefix(&t, "load: ",
                        "eaphost_fixture_symbol_that_does_not_exist");
    ck_assert_msg(strstr(t.m.fault_reason, "undefined symbol") != NULL,
                  "reason: %s", t.m.fault_reason);
    /* Not loaded lazily by a fallback loader either... */
    ck_assert(!is_loaded(t.path));
    /* ...though a lazy dlopen would have accepted it. */
    void *lazy = dlopen(t.path, RTLD_LAZY | RTLD_LOCAL);
    ck_assert_ptr_nonnull(lazy);
    dlclose(lazy);
    eh_method_unload(&t.m);
    expect_good_fixture_works();
}
END_TEST

START_TEST(test_world_writable_refused)
{
    char dir[256], src[PATH_MAX], dst[300], cmd[PATH_MAX + 320];
    char expected[400];
    struct test_method t;

    tu_mkdtemp(dir, sizeof dir);
    tu_fixture_path(src, sizeof src, "fixture_good");
    snprintf(dst, sizeof dst, "%s/writable.so", dir);
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", src, dst);
    ck_assert_int_eq(system(cmd), 0);
    ck_assert_int_eq(chmod(dst, 0666), 0);

    method_setup(&t, "fixture_good", FIXTURE_TYPE);
    snprintf(t.path, sizeof t.path, "%s", dst);
    snprintf(expected, sizeof expected,
             "load: refused: %s is writable by others", dst);
    expect_fault(&t, expected);
    ck_assert(!is_loaded(dst));
    eh_method_unload(&t.m);

    /* The same file, no longer writable by others, loads. */
    ck_assert_int_eq(chmod(dst, 0644), 0);
    ck_assert_uint_eq(eh_method_acquire(&t.m, NULL), ERROR_SUCCESS);
    eh_method_release(&t.m);
    eh_method_unload(&t.m);
    tu_rmtree(dir);
}
END_TEST

START_TEST(test_no_getinfo)
{
    struct test_method t;
    struct fixture_stats st;
    void *pinned = pin("fixture_no_getinfo");

    method_setup(&t, "fixture_no_getinfo", FIXTURE_TYPE);
    expect_fault(&t, "entry point: EapPeerGetInfo not exported");
    /* Entry points are checked before DllMain is called. */
    stats_of(pinned, &st);
    ck_assert_uint_eq(st.dll_attach, 0);
    ck_assert_uint_eq(st.dll_detach, 0);
    eh_method_unload(&t.m);
    unpin(pinned);
    expect_good_fixture_works();
}
END_TEST

START_TEST(test_no_freememory)
{
    struct test_method t;
    struct fixture_stats st;
    void *pinned = pin("fixture_no_freememory");

    method_setup(&t, "fixture_no_freememory", FIXTURE_TYPE);
    expect_fault(&t, "entry point: EapPeerFreeMemory not exported");
    stats_of(pinned, &st);
    ck_assert_uint_eq(st.dll_attach, 0);
    ck_assert_uint_eq(st.get_info, 0);
    eh_method_unload(&t.m);
    unpin(pinned);
    expect_good_fixture_works();
}
END_TEST

START_TEST(test_dllmain_false)
{
    struct test_method t;
    struct fixture_stats st;
    void *pinned = pin("fixture_dllmain_false");

    method_setup(&t, "fixture_dllmain_false", FIXTURE_TYPE);
    expect_fault(&t, "DllMain: returned FALSE for DLL_PROCESS_ATTACH");
    stats_of(pinned, &st);
    /* As on Windows, a refused attach is still followed by a detach. */
    ck_assert_str_eq(st.order, "A,X");
    ck_assert_uint_eq(st.get_info, 0);
    eh_method_unload(&t.m);
    unpin(pinned);
    expect_good_fixture_works();
}
END_TEST

START_TEST(test_getinfo_fails)
{
    struct test_method t;
    struct fixture_stats st;
    void *pinned = pin("fixture_getinfo_fails");

    method_setup(&t, "fixture_getinfo_fails", FIXTURE_TYPE);
    expect_fault(&t, "EapPeerGetInfo: failed with 0x00000032 "
                 "(ERROR_NOT_SUPPORTED): getinfo refused");
    stats_of(pinned, &st);
    ck_assert_str_eq(st.order, "A,N,X");
    /* The method's EAP_ERROR went back through EapPeerFreeErrorMemory. */
    ck_assert_uint_eq(st.free_error_memory, 1);
    ck_assert_int_eq(st.live_allocations, 0);
    ck_assert_uint_eq(st.bad_frees, 0);
    eh_method_unload(&t.m);
    unpin(pinned);
    expect_good_fixture_works();
}
END_TEST

START_TEST(test_wrong_type)
{
    struct test_method t;
    struct fixture_stats st;
    void *pinned = pin("fixture_wrong_type");

    method_setup(&t, "fixture_wrong_type", FIXTURE_TYPE);
    expect_fault(&t, "EapPeerGetInfo: answered for type 201, "
                 "registered type 200");
    stats_of(pinned, &st);
    ck_assert_str_eq(st.order, "A,N,X");
    ck_assert_uint_eq(st.initialize, 0);
    eh_method_unload(&t.m);
    unpin(pinned);
    expect_good_fixture_works();
}
END_TEST

START_TEST(test_null_routines)
{
    struct test_method t;
    struct fixture_stats st;
    void *pinned = pin("fixture_null_routines");

    method_setup(&t, "fixture_null_routines", FIXTURE_TYPE);
    expect_fault(&t, "routines: EapPeerProcessRequestPacket is NULL "
                 "(required)");
    stats_of(pinned, &st);
    ck_assert_str_eq(st.order, "A,N,X");
    eh_method_unload(&t.m);
    unpin(pinned);
    expect_good_fixture_works();
}
END_TEST

START_TEST(test_init_fails)
{
    struct test_method t;
    struct fixture_stats st;
    void *pinned = pin("fixture_init_fails");

    method_setup(&t, "fixture_init_fails", FIXTURE_TYPE);
    expect_fault(&t, "EapPeerInitialize: failed with 0x0000054F "
                 "(ERROR_INTERNAL_ERROR): initialize refused");
    stats_of(pinned, &st);
    /* No Shutdown for a method whose Initialize failed. */
    ck_assert_str_eq(st.order, "A,N,I,X");
    ck_assert_uint_eq(st.free_error_memory, 1);
    ck_assert_int_eq(st.live_allocations, 0);
    eh_method_unload(&t.m);
    unpin(pinned);
    expect_good_fixture_works();
}
END_TEST

START_TEST(test_faulty_stays_faulty)
{
    struct test_method t;
    struct fixture_stats st;
    EAP_ERROR *err = NULL;
    void *pinned = pin("fixture_getinfo_fails");

    method_setup(&t, "fixture_getinfo_fails", FIXTURE_TYPE);
    char *first = acquire_fault(&t);
    char *second = acquire_fault(&t);
    ck_assert_str_eq(first, second);
    ck_assert_uint_eq(eh_method_validate(&t.m, &err),
                      EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    char *third = error_text(err);
    ck_assert_str_eq(third, first);
    eh_error_free(err);
    /* The same when the caller wants no EAP_ERROR. */
    ck_assert_uint_eq(eh_method_acquire(&t.m, NULL),
                      EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    stats_of(pinned, &st);
    ck_assert_uint_eq(st.dll_attach, 1);
    ck_assert_uint_eq(st.get_info, 1);

    /* Unloading forgets the fault, so the next use tries again. */
    eh_method_unload(&t.m);
    ck_assert_int_eq(t.m.state, EH_METHOD_UNLOADED);
    ck_assert_ptr_null(t.m.fault_reason);
    char *again = acquire_fault(&t);
    ck_assert_str_eq(again, first);
    stats_of(pinned, &st);
    ck_assert_uint_eq(st.get_info, 2);

    eh_free(first);
    eh_free(second);
    eh_free(third);
    eh_free(again);
    eh_method_unload(&t.m);
    unpin(pinned);
}
END_TEST

/* ---- libltdl set-up ------------------------------------------------------ */

START_TEST(test_lazy_loader_set_aside)
{
    /* Another libltdl user keeps libltdl alive across our init and exit. */
    ck_assert_int_eq(lt_dlinit(), 0);
    ck_assert_ptr_nonnull(lt_dlloader_find("lt_dlopen"));

    loader_up();
    ck_assert_ptr_null(lt_dlloader_find("lt_dlopen"));
    ck_assert_ptr_nonnull(lt_dlloader_find("eaphost_bind_now"));
    loader_down();

    ck_assert_ptr_nonnull(lt_dlloader_find("lt_dlopen"));
    ck_assert_ptr_null(lt_dlloader_find("eaphost_bind_now"));
    ck_assert_int_eq(lt_dlexit(), 0);
}
END_TEST

START_TEST(test_init_exit_pairs)
{
    struct test_method t;
    EAP_ERROR *err = NULL;

    loader_up();
    loader_up();
    loader_down();
    expect_good_fixture_works();
    loader_down();

    /* Not initialised: refused for this call, the method untouched. */
    method_setup(&t, "fixture_good", FIXTURE_TYPE);
    ck_assert_uint_eq(eh_method_acquire(&t.m, &err), ERROR_INVALID_STATE);
    ck_assert_int_eq(t.m.state, EH_METHOD_UNLOADED);
    char *text = error_text(err);
    ck_assert_str_eq(text, "load: the plugin loader is not initialised");
    eh_free(text);
    eh_error_free(err);
    loader_down();                      /* unmatched: ignored */

    loader_up();
    expect_good_fixture_works();
    loader_down();
}
END_TEST

/* ---- threads ---------------------------------------------------------- */

#define THREADS 8

struct race {
    struct test_method *t;
    pthread_barrier_t *start;
    DWORD rc;
    char *reason;
};

static void *acquire_in_thread(void *arg)
{
    struct race *r = arg;
    EAP_ERROR *err = NULL;

    pthread_barrier_wait(r->start);
    r->rc = eh_method_acquire(&r->t->m, &err);
    if (err) {
        r->reason = eh_utf16_to_utf8_dup(err->pRootCauseString);
        eh_error_free(err);
    }
    return NULL;
}

/* Run THREADS acquires of @t at once; results in @races. */
static void race_acquire(struct test_method *t, struct race *races)
{
    pthread_t threads[THREADS];
    pthread_barrier_t start;

    ck_assert_int_eq(pthread_barrier_init(&start, NULL, THREADS), 0);
    for (int i = 0; i < THREADS; i++) {
        races[i] = (struct race){ .t = t, .start = &start };
        ck_assert_int_eq(pthread_create(&threads[i], NULL, acquire_in_thread,
                                        &races[i]), 0);
    }
    for (int i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_join(threads[i], NULL), 0);
    pthread_barrier_destroy(&start);
}

START_TEST(test_threads_load_once)
{
    struct test_method t;
    struct race races[THREADS];
    struct fixture_stats st;
    void *pinned = pin("fixture_good");

    method_setup(&t, "fixture_good", FIXTURE_TYPE);
    race_acquire(&t, races);
    for (int i = 0; i < THREADS; i++) {
        ck_assert_uint_eq(races[i].rc, ERROR_SUCCESS);
        ck_assert_ptr_null(races[i].reason);
    }
    ck_assert_int_eq(t.m.state, EH_METHOD_READY);
    ck_assert_uint_eq(t.m.users, THREADS);
    stats_of(pinned, &st);
    ck_assert_uint_eq(st.dll_attach, 1);
    ck_assert_uint_eq(st.get_info, 1);
    ck_assert_uint_eq(st.initialize, 1);

    for (int i = 0; i < THREADS; i++)
        eh_method_release(&t.m);
    ck_assert_uint_eq(t.m.users, 0);
    eh_method_unload(&t.m);
    stats_of(pinned, &st);
    ck_assert_uint_eq(st.dll_detach, 1);
    ck_assert_uint_eq(st.shutdown, 1);
    unpin(pinned);
}
END_TEST

START_TEST(test_threads_fault_once)
{
    struct test_method t;
    struct race races[THREADS];
    struct fixture_stats st;
    void *pinned = pin("fixture_init_fails");

    method_setup(&t, "fixture_init_fails", FIXTURE_TYPE);
    race_acquire(&t, races);
    for (int i = 0; i < THREADS; i++) {
        ck_assert_uint_eq(races[i].rc, EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
        ck_assert_ptr_nonnull(races[i].reason);
        ck_assert_str_eq(races[i].reason, t.m.fault_reason);
        eh_free(races[i].reason);
    }
    stats_of(pinned, &st);
    ck_assert_uint_eq(st.dll_attach, 1);
    ck_assert_uint_eq(st.initialize, 1);
    eh_method_unload(&t.m);
    unpin(pinned);
}
END_TEST

/* Two registry entries naming one file: one ATTACH, one DETACH. */
START_TEST(test_shared_library)
{
    struct test_method a, b;
    struct fixture_stats st;
    void *pinned = pin("fixture_good");

    method_setup(&a, "fixture_good", FIXTURE_TYPE);
    method_setup(&b, "fixture_good", FIXTURE_TYPE);
    b.m.type.dwAuthorId = a.m.type.dwAuthorId + 1;

    ck_assert_uint_eq(eh_method_acquire(&a.m, NULL), ERROR_SUCCESS);
    ck_assert_uint_eq(eh_method_acquire(&b.m, NULL), ERROR_SUCCESS);
    ck_assert_ptr_eq(a.m.handle, b.m.handle);
    stats_of(pinned, &st);
    ck_assert_str_eq(st.order, "A,N,I,N,I");

    eh_method_release(&a.m);
    eh_method_unload(&a.m);
    stats_of(pinned, &st);
    ck_assert_str_eq(st.order, "A,N,I,N,I,S");
    run_one_exchange(&b.m.dispatch);    /* still attached and working */

    eh_method_release(&b.m);
    eh_method_unload(&b.m);
    stats_of(pinned, &st);
    ck_assert_str_eq(st.order, "A,N,I,N,I,S,B,P,G,E,S,X");
    unpin(pinned);
}
END_TEST

struct shared_race {
    struct test_method *t;
    pthread_barrier_t *start;
    DWORD rc;
};

static void *acquire_shared(void *arg)
{
    struct shared_race *r = arg;
    pthread_barrier_wait(r->start);
    r->rc = eh_method_acquire(&r->t->m, NULL);
    return NULL;
}

START_TEST(test_threads_shared_library)
{
    struct test_method a, b;
    struct shared_race races[THREADS];
    pthread_t threads[THREADS];
    pthread_barrier_t start;
    struct fixture_stats st;
    void *pinned = pin("fixture_good");

    method_setup(&a, "fixture_good", FIXTURE_TYPE);
    method_setup(&b, "fixture_good", FIXTURE_TYPE);
    b.m.type.dwAuthorId = a.m.type.dwAuthorId + 1;
    ck_assert_int_eq(pthread_barrier_init(&start, NULL, THREADS), 0);
    for (int i = 0; i < THREADS; i++) {
        races[i] = (struct shared_race){ .t = i % 2 ? &a : &b,
                                         .start = &start };
        ck_assert_int_eq(pthread_create(&threads[i], NULL, acquire_shared,
                                        &races[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        ck_assert_int_eq(pthread_join(threads[i], NULL), 0);
        ck_assert_uint_eq(races[i].rc, ERROR_SUCCESS);
    }
    pthread_barrier_destroy(&start);
    stats_of(pinned, &st);
    ck_assert_uint_eq(st.dll_attach, 1);
    ck_assert_uint_eq(st.get_info, 2);
    ck_assert_uint_eq(st.initialize, 2);

    for (int i = 0; i < THREADS; i++)
        eh_method_release(races[i].t == &a ? &a.m : &b.m);
    eh_method_unload(&a.m);
    eh_method_unload(&b.m);
    stats_of(pinned, &st);
    ck_assert_uint_eq(st.shutdown, 2);
    ck_assert_uint_eq(st.dll_detach, 1);
    unpin(pinned);
}
END_TEST

/* ---- a method calling back into the host while it loads ------------------- */

static struct test_method reentrant;
static struct test_method inner;
static DWORD hook_rc, hook_validate_rc, hook_inner_rc;
static char *hook_reason;
static int hook_calls;

/* As a tunnel method would: use the host from inside EapPeerInitialize. */
static void init_hook(void)
{
    EAP_ERROR *err = NULL;

    hook_calls++;
    hook_rc = eh_method_acquire(&reentrant.m, &err);
    if (err) {
        hook_reason = eh_utf16_to_utf8_dup(err->pRootCauseString);
        eh_error_free(err);
    }
    hook_validate_rc = eh_method_validate(&reentrant.m, NULL);
    eh_method_unload(&reentrant.m);     /* must neither block nor unload */
    /* Another method loads fine meanwhile: no lock is held. */
    hook_inner_rc = eh_method_acquire(&inner.m, NULL);
}

static void shutdown_hook(void)
{
    EAP_ERROR *err = NULL;

    hook_calls++;
    hook_rc = eh_method_acquire(&reentrant.m, &err);
    if (err) {
        hook_reason = eh_utf16_to_utf8_dup(err->pRootCauseString);
        eh_error_free(err);
    }
    /* Inner methods go first, as a tunnel method would release them. */
    eh_method_release(&inner.m);
    eh_method_unload(&inner.m);
    hook_inner_rc = inner.m.state == EH_METHOD_UNLOADED ? ERROR_SUCCESS
                                                        : ERROR_INVALID_STATE;
}

static void set_hook(void *pinned, const char *setter, fixture_hook_fn hook)
{
    fixture_set_hook_fn set = (fixture_set_hook_fn)dlsym(pinned, setter);
    ck_assert_ptr_nonnull(set);
    set(hook);
}

START_TEST(test_reentrant_load)
{
    void *pinned = pin("fixture_reentrant");
    struct fixture_stats st;

    method_setup(&reentrant, "fixture_reentrant", FIXTURE_TYPE);
    method_setup(&inner, "fixture_good", FIXTURE_TYPE);
    hook_calls = 0;
    hook_reason = NULL;
    set_hook(pinned, "FixtureSetInitHook", init_hook);

    ck_assert_uint_eq(eh_method_acquire(&reentrant.m, NULL), ERROR_SUCCESS);
    ck_assert_int_eq(hook_calls, 1);
    ck_assert_uint_eq(hook_rc, EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_ptr_nonnull(hook_reason);
    ck_assert_str_eq(hook_reason, "method is being loaded by this thread "
                     "(re-entrant call during load)");
    ck_assert_uint_eq(hook_validate_rc, EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_uint_eq(hook_inner_rc, ERROR_SUCCESS);
    ck_assert_int_eq(inner.m.state, EH_METHOD_READY);
    /* The failed call back left the method to load normally. */
    ck_assert_int_eq(reentrant.m.state, EH_METHOD_READY);
    ck_assert_uint_eq(reentrant.m.users, 1);
    eh_free(hook_reason);
    hook_reason = NULL;

    set_hook(pinned, "FixtureSetInitHook", NULL);
    set_hook(pinned, "FixtureSetShutdownHook", shutdown_hook);
    eh_method_release(&reentrant.m);
    eh_method_unload(&reentrant.m);
    ck_assert_int_eq(hook_calls, 2);
    ck_assert_uint_eq(hook_rc, EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_ptr_nonnull(hook_reason);
    ck_assert_str_eq(hook_reason, "method is being unloaded by this thread "
                     "(re-entrant call during unload)");
    ck_assert_uint_eq(hook_inner_rc, ERROR_SUCCESS);
    ck_assert_int_eq(reentrant.m.state, EH_METHOD_UNLOADED);
    ck_assert_uint_eq(reentrant.m.users, 0);
    eh_free(hook_reason);
    hook_reason = NULL;

    stats_of(pinned, &st);
    ck_assert_str_eq(st.order, "A,N,I,S,X");
    set_hook(pinned, "FixtureSetShutdownHook", NULL);
    unpin(pinned);
    expect_good_fixture_works();
}
END_TEST

static struct test_method sibling;     /* same file, another author */

/* From DllMain(ATTACH): load another method of the same library. */
static void attach_hook(void)
{
    EAP_ERROR *err = NULL;

    hook_calls++;
    hook_rc = eh_method_acquire(&sibling.m, &err);
    if (err) {
        hook_reason = eh_utf16_to_utf8_dup(err->pRootCauseString);
        eh_error_free(err);
    }
}

START_TEST(test_reentrant_from_dllmain)
{
    void *pinned = pin("fixture_reentrant");
    struct fixture_stats st;

    method_setup(&reentrant, "fixture_reentrant", FIXTURE_TYPE);
    method_setup(&sibling, "fixture_reentrant", FIXTURE_TYPE);
    sibling.m.type.dwAuthorId = reentrant.m.type.dwAuthorId + 1;
    hook_calls = 0;
    hook_reason = NULL;
    set_hook(pinned, "FixtureSetAttachHook", attach_hook);

    ck_assert_uint_eq(eh_method_acquire(&reentrant.m, NULL), ERROR_SUCCESS);
    ck_assert_int_eq(hook_calls, 1);
    ck_assert_uint_eq(hook_rc, EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_ptr_nonnull(hook_reason);
    ck_assert_str_eq(hook_reason, "DllMain: the library's DllMain is running "
                     "in this thread (re-entrant call from DllMain)");
    eh_free(hook_reason);
    hook_reason = NULL;
    /* Refused for that call only: the sibling loads once DllMain is done. */
    ck_assert_int_eq(sibling.m.state, EH_METHOD_UNLOADED);
    set_hook(pinned, "FixtureSetAttachHook", NULL);
    ck_assert_uint_eq(eh_method_acquire(&sibling.m, NULL), ERROR_SUCCESS);

    eh_method_release(&sibling.m);
    eh_method_release(&reentrant.m);
    eh_method_unload(&sibling.m);
    eh_method_unload(&reentrant.m);
    stats_of(pinned, &st);
    ck_assert_str_eq(st.order, "A,N,I,N,I,S,S,X");
    unpin(pinned);
}
END_TEST

/* ---- the scripted fixture method, as the other suites use it ------------- */

struct scripted {
    struct test_method t;
    void *pinned;
    EAP_SESSION_HANDLE s;
    const EAP_PEER_METHOD_ROUTINES *r;
    bool expanded;
};

static void scripted_open(struct scripted *x, bool expanded,
                          const char *script, DWORD max_send)
{
    EAP_ERROR *err = NULL;
    const char *name = expanded ? "fixture_expanded" : "fixture_good";

    x->expanded = expanded;
    x->pinned = pin(name);
    if (expanded)
        expanded_setup(&x->t, name);
    else
        method_setup(&x->t, name, FIXTURE_TYPE);
    ck_assert_uint_eq(eh_method_acquire(&x->t.m, NULL), ERROR_SUCCESS);
    x->r = &x->t.m.dispatch.r;
    x->s = NULL;
    ck_assert_uint_eq(x->r->EapPeerBeginSession(
                          0, NULL, NULL, script ? (DWORD)strlen(script) + 1 : 0,
                          (BYTE *)script, 0, NULL, max_send, &x->s, &err),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(err);
    ck_assert_ptr_nonnull(x->s);
}

/* End the session, unload, and check the method kept nothing. */
static void scripted_close(struct scripted *x)
{
    struct fixture_stats st;
    EAP_ERROR *err = NULL;

    ck_assert_uint_eq(x->r->EapPeerEndSession(x->s, &err), ERROR_SUCCESS);
    eh_method_release(&x->t.m);
    eh_method_unload(&x->t.m);
    stats_of(x->pinned, &st);
    ck_assert_int_eq(st.live_sessions, 0);
    ck_assert_int_eq(st.live_allocations, 0);
    ck_assert_uint_eq(st.bad_frees, 0);
    unpin(x->pinned);
}

/* A Request with @data after the Type (or the expanded header). */
static DWORD build_request(const struct scripted *x, BYTE id,
                           const char *data, BYTE *pkt)
{
    DWORD hdr = x->expanded ? 12 : 5;
    DWORD len = hdr + (DWORD)strlen(data);

    pkt[0] = 1;
    pkt[1] = id;
    pkt[2] = (BYTE)(len >> 8);
    pkt[3] = (BYTE)len;
    if (x->expanded) {
        const BYTE h[] = { 254, 0x00, 0x99, 0x99, 0, 0, 0, FIXTURE_VENDOR_TYPE };
        memcpy(pkt + 4, h, sizeof h);
    } else {
        pkt[4] = FIXTURE_TYPE;
    }
    memcpy(pkt + hdr, data, strlen(data));
    return len;
}

static EapPeerMethodOutput process(struct scripted *x, BYTE id,
                                   const char *data)
{
    BYTE pkt[256];
    EAP_ERROR *err = NULL;
    EapPeerMethodOutput out = { EapPeerMethodResponseActionNone, 7 };
    DWORD len = build_request(x, id, data, pkt);

    ck_assert_uint_eq(x->r->EapPeerProcessRequestPacket(
                          x->s, len, (EapPacket *)pkt, &out, &err),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(err);
    return out;
}

static DWORD respond(struct scripted *x, BYTE *buf, DWORD cap)
{
    EAP_ERROR *err = NULL;
    DWORD n = cap;

    ck_assert_uint_eq(x->r->EapPeerGetResponsePacket(x->s, &n,
                                                     (EapPacket *)buf, &err),
                      ERROR_SUCCESS);
    ck_assert_ptr_null(err);
    return n;
}

START_TEST(test_scripted_defaults)
{
    struct scripted x;
    BYTE buf[64];
    struct fixture_stats st;

    scripted_open(&x, false, NULL, 1400);
    EapPeerMethodOutput out = process(&x, 5, "hello");
    ck_assert_int_eq(out.action, EapPeerMethodResponseActionSend);
    ck_assert_int_eq(out.fAllowNotifications, TRUE);
    DWORD n = respond(&x, buf, sizeof buf);
    const BYTE expect[] = { 2, 5, 0, 10, FIXTURE_TYPE, 'h', 'e', 'l', 'l',
                            'o' };
    ck_assert_uint_eq(n, sizeof expect);
    ck_assert_int_eq(memcmp(buf, expect, sizeof expect), 0);

    /* Too small a buffer. */
    EAP_ERROR *err = NULL;
    n = 6;
    ck_assert_uint_eq(x.r->EapPeerGetResponsePacket(x.s, &n, (EapPacket *)buf,
                                                    &err),
                      ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(n, 10);
    ck_assert_ptr_nonnull(err);
    x.t.m.dispatch.free_error_memory(err);

    /* Result Success: TRUE with an EMSK and a counted terminator. */
    EapPeerMethodResult res;
    memset(&res, 0, sizeof res);
    ck_assert_uint_eq(x.r->EapPeerGetResult(x.s, EapPeerMethodResultSuccess,
                                            &res, &err), ERROR_SUCCESS);
    ck_assert_int_eq(res.fIsSuccess, TRUE);
    ck_assert_ptr_nonnull(res.pAttribArray);
    ck_assert_uint_eq(res.pAttribArray->dwNumberOfAttributes, 2);
    ck_assert_int_eq(res.pAttribArray->pAttribs[0].eaType, eatEMSK);
    ck_assert_uint_eq(res.pAttribArray->pAttribs[0].dwLength, 64);
    ck_assert_int_eq(res.pAttribArray->pAttribs[0].pValue[63], 0xAB);
    ck_assert_int_eq(res.pAttribArray->pAttribs[1].eaType, eatMinimum);
    memset(&res, 0, sizeof res);
    ck_assert_uint_eq(x.r->EapPeerGetResult(x.s, EapPeerMethodResultFailure,
                                            &res, &err), ERROR_SUCCESS);
    ck_assert_int_eq(res.fIsSuccess, FALSE);
    ck_assert_uint_eq(res.dwFailureReasonCode, EAP_E_AUTHENTICATION_FAILED);
    ck_assert_ptr_null(res.pAttribArray);

    stats_of(x.pinned, &st);
    ck_assert_int_eq(st.last_result_reason, EapPeerMethodResultFailure);
    ck_assert_str_eq(st.order, "A,N,I,B,P,G,G,R,R");
    scripted_close(&x);
}
END_TEST

START_TEST(test_scripted_expanded_echo)
{
    struct scripted x;
    BYTE buf[64];

    scripted_open(&x, true, "", 1400);
    process(&x, 9, "xy");
    DWORD n = respond(&x, buf, sizeof buf);
    const BYTE expect[] = { 2, 9, 0, 14, 254, 0x00, 0x99, 0x99, 0, 0, 0,
                            FIXTURE_VENDOR_TYPE, 'x', 'y' };
    ck_assert_uint_eq(n, sizeof expect);
    ck_assert_int_eq(memcmp(buf, expect, sizeof expect), 0);
    scripted_close(&x);
}
END_TEST

START_TEST(test_scripted_bad_outputs)
{
    static const struct {
        const char *script;
        int offset;
        BYTE value;
    } cases[] = {
        { "bad=code", 0, 1 },
        { "bad=id", 1, 6 },
        { "bad=length", 3, 8 },
        { "bad=type", 4, FIXTURE_TYPE + 1 },
    };
    BYTE buf[64];

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct scripted x;
        scripted_open(&x, false, cases[i].script, 1400);
        process(&x, 5, "ab");
        ck_assert_uint_eq(respond(&x, buf, sizeof buf), 7);
        ck_assert_msg(buf[cases[i].offset] == cases[i].value,
                      "%s: byte %d is %d", cases[i].script, cases[i].offset,
                      buf[cases[i].offset]);
        scripted_close(&x);
    }

    struct scripted x;
    scripted_open(&x, false, "bad=oversize", 100);
    process(&x, 5, "ab");
    ck_assert_uint_eq(respond(&x, buf, 100), 101);
    scripted_close(&x);

    scripted_open(&x, true, "bad=type", 100);
    process(&x, 5, "ab");
    ck_assert_uint_eq(respond(&x, buf, sizeof buf), 14);
    ck_assert_int_eq(buf[11], FIXTURE_VENDOR_TYPE + 1);
    scripted_close(&x);
}
END_TEST

START_TEST(test_scripted_actions)
{
    struct scripted x;
    EapPeerMethodOutput out;

    scripted_open(&x, false, "action=99;notify=0", 1400);
    out = process(&x, 1, "a");
    ck_assert_int_eq((int)out.action, 99);
    ck_assert_int_eq(out.fAllowNotifications, FALSE);
    scripted_close(&x);

    scripted_open(&x, false, "unset=1", 1400);
    out = process(&x, 1, "a");
    ck_assert_int_eq(out.action, EapPeerMethodResponseActionNone);
    ck_assert_int_eq(out.fAllowNotifications, 7);
    scripted_close(&x);

    scripted_open(&x, false, "result=fail", 1400);
    EapPeerMethodResult res;
    EAP_ERROR *err = NULL;
    memset(&res, 0, sizeof res);
    ck_assert_uint_eq(x.r->EapPeerGetResult(x.s, EapPeerMethodResultSuccess,
                                            &res, &err), ERROR_SUCCESS);
    ck_assert_int_eq(res.fIsSuccess, FALSE);
    ck_assert_uint_eq(res.dwFailureReasonCode, EAP_E_AUTHENTICATION_FAILED);
    scripted_close(&x);
}
END_TEST

START_TEST(test_scripted_ui_and_attributes)
{
    struct scripted x;
    EAP_ERROR *err = NULL;
    BYTE buf[64];

    scripted_open(&x, false, "ui=1", 1400);
    ck_assert_int_eq(process(&x, 3, "q").action,
                     EapPeerMethodResponseActionInvokeUI);
    DWORD size = 0;
    BYTE *ctx = NULL;
    ck_assert_uint_eq(x.r->EapPeerGetUIContext(x.s, &size, &ctx, &err),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(size, 3);
    ck_assert_int_eq(memcmp(ctx, "ctx", 3), 0);
    EapPeerMethodOutput out = { EapPeerMethodResponseActionNone, FALSE };
    ck_assert_uint_eq(x.r->EapPeerSetUIContext(x.s, 4, (const BYTE *)"data",
                                               &out, &err), ERROR_SUCCESS);
    ck_assert_int_eq(out.action, EapPeerMethodResponseActionSend);
    ck_assert_uint_eq(respond(&x, buf, sizeof buf), 9);
    ck_assert_int_eq(memcmp(buf + 5, "data", 4), 0);
    ck_assert_int_eq(process(&x, 4, "r").action,
                     EapPeerMethodResponseActionSend);
    scripted_close(&x);

    scripted_open(&x, false, "attrs=1", 1400);
    ck_assert_int_eq(process(&x, 3, "q").action,
                     EapPeerMethodResponseActionRespond);
    EapAttributes attrs = { 0, NULL };
    ck_assert_uint_eq(x.r->EapPeerGetResponseAttributes(x.s, &attrs, &err),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(attrs.dwNumberOfAttributes, 2);
    ck_assert_int_eq(attrs.pAttribs[0].eaType, eatReplyMessage);
    ck_assert_uint_eq(attrs.pAttribs[0].dwLength, 2);
    ck_assert_int_eq(memcmp(attrs.pAttribs[0].pValue, "hi", 2), 0);
    ck_assert_int_eq(attrs.pAttribs[1].eaType, eatMinimum);
    ck_assert_uint_eq(x.r->EapPeerSetResponseAttributes(x.s, &attrs, &out,
                                                        &err), ERROR_SUCCESS);
    ck_assert_int_eq(out.action, EapPeerMethodResponseActionSend);
    ck_assert_uint_eq(respond(&x, buf, sizeof buf), 6);
    ck_assert_int_eq(buf[5], 'q');
    scripted_close(&x);
}
END_TEST

START_TEST(test_scripted_failures)
{
    struct scripted x;
    EAP_ERROR *err = NULL;
    EAP_SESSION_HANDLE s = NULL;
    const char *script = "begin_fail=1";

    scripted_open(&x, false, "process_fail=1", 1400);
    BYTE pkt[16];
    DWORD len = build_request(&x, 1, "a", pkt);
    EapPeerMethodOutput out;
    ck_assert_uint_eq(x.r->EapPeerProcessRequestPacket(
                          x.s, len, (EapPacket *)pkt, &out, &err),
                      ERROR_INVALID_DATA);
    char *text = error_text(err);
    ck_assert_str_eq(text, "process refused by script");
    eh_free(text);
    x.t.m.dispatch.free_error_memory(err);
    err = NULL;

    ck_assert_uint_eq(x.r->EapPeerBeginSession(0, NULL, NULL,
                                               (DWORD)strlen(script) + 1,
                                               (BYTE *)script, 0, NULL, 1400,
                                               &s, &err),
                      ERROR_INVALID_DATA);
    text = error_text(err);
    ck_assert_str_eq(text, "begin refused by script");
    eh_free(text);
    x.t.m.dispatch.free_error_memory(err);
    err = NULL;

    script = "reslut=fail";
    ck_assert_uint_eq(x.r->EapPeerBeginSession(0, NULL, NULL,
                                               (DWORD)strlen(script) + 1,
                                               (BYTE *)script, 0, NULL, 1400,
                                               &s, &err),
                      ERROR_INVALID_PARAMETER);
    text = error_text(err);
    ck_assert_str_eq(text, "script: bad item 'reslut=fail'");
    eh_free(text);
    x.t.m.dispatch.free_error_memory(err);
    scripted_close(&x);
}
END_TEST

START_TEST(test_scripted_credentials)
{
    struct scripted x;
    struct fixture_stats st;
    EAP_ERROR *err = NULL;
    const struct eh_dispatch *d;
    BYTE buf[64];

    scripted_open(&x, false, "echo_password=1", 1400);
    d = &x.t.m.dispatch;

    /* Fields, then the user blob built from them. */
    EAP_CONFIG_INPUT_FIELD_ARRAY fields;
    memset(&fields, 0, sizeof fields);
    ck_assert_uint_eq(d->query_credential_input_fields(
                          NULL, x.t.m.type, 0, 0, NULL, &fields, &err),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(fields.dwNumberOfFields, 2);
    char *label = eh_utf16_to_utf8_dup(fields.pFields[0].pwszLabel);
    ck_assert_str_eq(label, "User name");
    eh_free(label);
    label = eh_utf16_to_utf8_dup(fields.pFields[1].pwszLabel);
    ck_assert_str_eq(label, "Password");
    eh_free(label);
    ck_assert_int_eq(fields.pFields[1].Type, EapConfigInputPassword);
    WCHAR *user = eh_utf8_to_utf16_dup("alice");
    WCHAR *password = eh_utf8_to_utf16_dup("s3cret");
    fields.pFields[0].pwszData = user;
    fields.pFields[1].pwszData = password;
    DWORD blob_size = 0;
    BYTE *blob = NULL;
    ck_assert_uint_eq(d->query_user_blob_from_credential_input_fields(
                          NULL, x.t.m.type, 0, 0, NULL, &fields, &blob_size,
                          &blob, &err), ERROR_SUCCESS);
    ck_assert_uint_eq(blob_size, 13);
    ck_assert_int_eq(memcmp(blob, "alice\0s3cret\0", 13), 0);
    d->free_memory(fields.pFields);

    /* The identity is the blob's first string. */
    BOOL invoke_ui = TRUE;
    DWORD out_size = 0;
    BYTE *out = NULL;
    LPWSTR identity = NULL;
    ck_assert_uint_eq(x.r->EapPeerGetIdentity(0, 0, NULL, blob_size, blob,
                                              NULL, &invoke_ui, &out_size,
                                              &out, &identity, &err),
                      ERROR_SUCCESS);
    ck_assert_int_eq(invoke_ui, FALSE);
    ck_assert_uint_eq(out_size, 13);
    char *name = eh_utf16_to_utf8_dup(identity);
    ck_assert_str_eq(name, "alice");
    eh_free(name);
    d->free_memory(out);
    d->free_memory(identity);
    d->free_memory(blob);
    ck_assert_uint_eq(x.r->EapPeerGetIdentity(0, 0, NULL, 0, NULL, NULL,
                                              &invoke_ui, &out_size, &out,
                                              &identity, &err),
                      ERROR_SUCCESS);
    name = eh_utf16_to_utf8_dup(identity);
    ck_assert_str_eq(name, "fixture-user");
    ck_assert_ptr_null(out);
    eh_free(name);
    d->free_memory(identity);

    /* SetCredentials, and the password echoed as response data. */
    ck_assert_uint_eq(x.r->EapPeerSetCredentials(x.s, user, password, &err),
                      ERROR_SUCCESS);
    process(&x, 2, "ignored");
    ck_assert_uint_eq(respond(&x, buf, sizeof buf), 11);
    ck_assert_int_eq(memcmp(buf + 5, "s3cret", 6), 0);
    stats_of(x.pinned, &st);
    ck_assert_str_eq(st.identity, "alice");
    ck_assert_str_eq(st.password, "s3cret");

    /* A pointer the method never handed out is refused and counted. */
    d->free_memory(buf);
    stats_of(x.pinned, &st);
    ck_assert_uint_eq(st.bad_frees, 1);
    fixture_reset_stats_fn reset =
        (fixture_reset_stats_fn)dlsym(x.pinned, "FixtureResetStats");
    reset();
    eh_free(user);
    eh_free(password);
    scripted_close(&x);
}
END_TEST

static Suite *loader_suite(void)
{
    Suite *s = suite_create("loader");
    TCase *tc;

    tc = tcase_create("good");
    tcase_add_checked_fixture(tc, loader_up, loader_down);
    tcase_add_test(tc, test_good_loads);
    tcase_add_test(tc, test_good_initialize_once_per_load);
    tcase_add_test(tc, test_validate_counts_no_user);
    tcase_add_test(tc, test_expanded_type);
    tcase_add_test(tc, test_null_arguments);
    suite_add_tcase(s, tc);

    tc = tcase_create("faulty");
    tcase_add_checked_fixture(tc, loader_up, loader_down);
    tcase_add_test(tc, test_no_peer_half);
    tcase_add_test(tc, test_missing_file);
    tcase_add_test(tc, test_not_a_shared_object);
    tcase_add_test(tc, test_unresolved_symbol);
    tcase_add_test(tc, test_world_writable_refused);
    tcase_add_test(tc, test_no_getinfo);
    tcase_add_test(tc, test_no_freememory);
    tcase_add_test(tc, test_dllmain_false);
    tcase_add_test(tc, test_getinfo_fails);
    tcase_add_test(tc, test_wrong_type);
    tcase_add_test(tc, test_null_routines);
    tcase_add_test(tc, test_init_fails);
    tcase_add_test(tc, test_faulty_stays_faulty);
    suite_add_tcase(s, tc);

    tc = tcase_create("ltdl");
    tcase_add_test(tc, test_lazy_loader_set_aside);
    tcase_add_test(tc, test_init_exit_pairs);
    suite_add_tcase(s, tc);

    tc = tcase_create("threads");
    tcase_add_checked_fixture(tc, loader_up, loader_down);
    tcase_add_test(tc, test_threads_load_once);
    tcase_add_test(tc, test_threads_fault_once);
    tcase_add_test(tc, test_shared_library);
    tcase_add_test(tc, test_threads_shared_library);
    tcase_add_test(tc, test_reentrant_load);
    tcase_add_test(tc, test_reentrant_from_dllmain);
    suite_add_tcase(s, tc);

    tc = tcase_create("scripted");
    tcase_add_checked_fixture(tc, loader_up, loader_down);
    tcase_add_test(tc, test_scripted_defaults);
    tcase_add_test(tc, test_scripted_expanded_echo);
    tcase_add_test(tc, test_scripted_bad_outputs);
    tcase_add_test(tc, test_scripted_actions);
    tcase_add_test(tc, test_scripted_ui_and_attributes);
    tcase_add_test(tc, test_scripted_failures);
    tcase_add_test(tc, test_scripted_credentials);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(loader_suite());
}
