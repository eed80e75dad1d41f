/*
 * check_threads.c - the host under concurrency and re-entrancy, through the
 * public API of the shared library only (DESIGN.md §4 "Contract",
 * "Re-entrancy"):
 *
 *  - two threads run 10 000 sessions each (half of them on a connection id
 *    of their own) while a third thread calls EapHostPeerClearConnection on
 *    those connection ids and EapHostPeerProcessReceivedPacket with made-up
 *    session ids; every result is checked, and at the end the method has
 *    freed everything and ended every session it began;
 *  - a tunnel-like method (fixture_nested, type 201) runs an inner session
 *    of fixture_good through the host's own API from inside its
 *    EapPeerProcessRequestPacket, on one thread and on several at once;
 *  - EapHostPeerInitialize / EapHostPeerUninitialize from many threads.
 *
 * The shared library matters: fixture_nested links libeaphost itself, and
 * the test and the method must reach the same host.
 *
 * EAPHOST_TEST_SCALE (default 1.0) scales the session counts down for slow
 * runs such as valgrind (e.g. 0.05).  Threads never call ck_assert: they
 * record what went wrong and the main thread reports it after joining.
 */
#include "config.h"

#include "testutil.h"
#include "fixture_stats.h"

#include <eaphost/sdk.h>
#include <eaphost/eaphost.h>

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <time.h>

#define GOOD_AUTHOR 1
#define NESTED_TYPE 201
#define MAX_SEND 1400u
#define SESSIONS_PER_THREAD 10000L
/* Seconds a nested conversation may take before it counts as a deadlock. */
#define DEADLINE 120

static char dir[512];
static int inits;

static long scaled(long n)
{
    const char *s = getenv("EAPHOST_TEST_SCALE");
    double f = 1.0, v;
    long r;

    if (s && *s) {
        v = strtod(s, NULL);
        if (v > 0.0 && v <= 1.0)
            f = v;
    }
    r = (long)((double)n * f);
    return r < 1 ? 1 : r;
}

static EAP_METHOD_TYPE method_type(BYTE type)
{
    EAP_METHOD_TYPE t;

    memset(&t, 0, sizeof(t));
    t.eapType.type = type;
    t.dwAuthorId = GOOD_AUTHOR;
    return t;
}

static void register_fixture(const char *file, const char *fixture, int type,
                             const char *name)
{
    char plugin[PATH_MAX], text[PATH_MAX + 256], path[PATH_MAX];

    tu_fixture_path(plugin, sizeof(plugin), fixture);
    snprintf(text, sizeof(text),
             "{ \"AuthorId\": %d, \"TypeId\": %d, \"PeerDllPath\": \"%s\", "
             "\"PeerFriendlyName\": \"%s\" }\n", GOOD_AUTHOR, type, plugin,
             name);
    tu_write_file(dir, file, text, path, sizeof(path));
    ck_assert_int_eq(chmod(path, 0644), 0);
}

static void setup(void)
{
    inits = 0;
    tu_mkdtemp(dir, sizeof(dir));
    ck_assert_int_eq(chmod(dir, 0755), 0);
    register_fixture("10-good.json", "fixture_good", FIXTURE_TYPE, "Good");
    register_fixture("20-nested.json", "fixture_nested", NESTED_TYPE,
                     "Nested");
    ck_assert_uint_eq(eaphost_set_methods_dir(dir), ERROR_SUCCESS);
}

static void teardown(void)
{
    while (inits > 0) {
        EapHostPeerUninitialize();
        inits--;
    }
    ck_assert_uint_eq(eaphost_set_methods_dir(NULL), ERROR_SUCCESS);
    tu_rmtree(dir);
}

static void init(void)
{
    ck_assert_uint_eq(EapHostPeerInitialize(), ERROR_SUCCESS);
    inits++;
}

static void uninit(void)
{
    EapHostPeerUninitialize();
    inits--;
}

/* ---- fixture counters --------------------------------------------------- */

static void *fixture_handle(const char *name)
{
    char path[PATH_MAX];

    tu_fixture_path(path, sizeof(path), name);
    return dlopen(path, RTLD_NOW | RTLD_NOLOAD);
}

static struct fixture_stats good_stats(void)
{
    struct fixture_stats st;
    fixture_get_stats_fn get;
    void *h = fixture_handle("fixture_good");

    ck_assert_msg(h != NULL, "fixture_good is not loaded");
    get = (fixture_get_stats_fn)dlsym(h, "FixtureGetStats");
    ck_assert_ptr_nonnull(get);
    memset(&st, 0, sizeof(st));
    get(&st);
    dlclose(h);
    return st;
}

static void reset_good_stats(void)
{
    fixture_reset_stats_fn reset;
    void *h = fixture_handle("fixture_good");

    ck_assert_msg(h != NULL, "fixture_good is not loaded");
    reset = (fixture_reset_stats_fn)dlsym(h, "FixtureResetStats");
    ck_assert_ptr_nonnull(reset);
    reset();
    dlclose(h);
}

typedef long (*nested_count_fn)(const char *name);
typedef void (*nested_reset_fn)(void);

static long nested_count(const char *what)
{
    nested_count_fn count;
    void *h = fixture_handle("fixture_nested");
    long n;

    ck_assert_msg(h != NULL, "fixture_nested is not loaded");
    count = (nested_count_fn)dlsym(h, "NestedFixtureCount");
    ck_assert_ptr_nonnull(count);
    n = count(what);
    dlclose(h);
    ck_assert_int_ge(n, 0);
    return n;
}

static void nested_reset(void)
{
    nested_reset_fn reset;
    void *h = fixture_handle("fixture_nested");

    ck_assert_msg(h != NULL, "fixture_nested is not loaded");
    reset = (nested_reset_fn)dlsym(h, "NestedFixtureReset");
    ck_assert_ptr_nonnull(reset);
    reset();
    dlclose(h);
}

/* ---- what a thread saw -------------------------------------------------- */

/* The first few things that went wrong on a thread. */
#define REPORT_KEPT 4

struct report {
    long failures;
    char kept[REPORT_KEPT][256];
};

static void record(struct report *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void record(struct report *r, const char *fmt, ...)
{
    va_list ap;

    if (r->failures < REPORT_KEPT) {
        va_start(ap, fmt);
        vsnprintf(r->kept[r->failures], sizeof(r->kept[0]), fmt, ap);
        va_end(ap);
    }
    r->failures++;
}

static void assert_no_failures(const char *who, const struct report *r)
{
    char text[REPORT_KEPT * 260 + 1] = "";
    long i;

    for (i = 0; i < r->failures && i < REPORT_KEPT; i++) {
        strcat(text, "\n  ");
        strcat(text, r->kept[i]);
    }
    ck_assert_msg(r->failures == 0, "%s: %ld failures, the first:%s", who,
                  r->failures, text);
}

static void drop(EAP_ERROR **e)
{
    if (*e)
        EapHostPeerFreeEapError(*e);
    *e = NULL;
}

/* ---- packets ------------------------------------------------------------ */

static DWORD make_request(BYTE *b, BYTE id, BYTE type, const char *data)
{
    size_t n = strlen(data);
    DWORD len = (DWORD)(5 + n);

    b[0] = EapCodeRequest;
    b[1] = id;
    b[2] = (BYTE)(len >> 8);
    b[3] = (BYTE)len;
    b[4] = type;
    memcpy(b + 5, data, n);
    return len;
}

static bool response_is(const BYTE *p, DWORD len, BYTE id, BYTE type,
                        const char *data)
{
    size_t n = strlen(data);

    return p && len == 5 + n && p[0] == EapCodeResponse && p[1] == id &&
           (((DWORD)p[2] << 8) | p[3]) == len && p[4] == type &&
           memcmp(p + 5, data, n) == 0;
}

/* ---- (a) sessions on two threads, ClearConnection from a third ---------- */

struct worker {
    pthread_t thread;
    int index;
    GUID conn;
    long sessions;
    long cleared;            /* sessions the clearing thread reached */
    long busy_retries;       /* EndSession retried after INVALID_STATE */
    struct report report;
};

static atomic_bool stop_clearing;

/*
 * EndSession, which must succeed.  Should it report the session busy (a
 * ClearConnection inside it on another thread), that is recorded and the
 * call repeated, so that one such failure does not strand the session.
 */
static void end_session(struct worker *w, EAP_SESSIONID id, long i)
{
    EAP_ERROR *e = NULL;
    DWORD rc;
    int tries;

    for (tries = 0; tries < 1000; tries++) {
        rc = EapHostPeerEndSession(id, &e);
        drop(&e);
        if (rc == ERROR_SUCCESS)
            return;
        if (tries == 0)
            record(&w->report, "thread %d session %ld: EndSession 0x%08X %s",
                   w->index, i, (unsigned)rc, eaphost_error_name(rc));
        if (rc != ERROR_INVALID_STATE)
            return;
        w->busy_retries++;
        sched_yield();
    }
    record(&w->report, "thread %d session %ld: EndSession never succeeded",
           w->index, i);
}

/* One session: method request, response, Success, result, end. */
static void one_session(struct worker *w, long i)
{
    EAP_METHOD_TYPE good = method_type(FIXTURE_TYPE);
    bool with_conn = (i % 2) == 0;
    EAP_SESSIONID id = 0;
    EAP_ERROR *e = NULL;
    EapHostPeerResponseAction action;
    EapHostPeerMethodResult r;
    BYTE req[64], *resp = NULL;
    DWORD len, resp_len = 0, rc;
    BYTE req_id = (BYTE)i;
    char data[32];
    bool cleared = false;

    rc = EapHostPeerBeginSession(0, good, NULL, NULL, 0, NULL, 0, NULL,
                                 MAX_SEND, with_conn ? &w->conn : NULL, NULL,
                                 NULL, &id, &e);
    drop(&e);
    if (rc != ERROR_SUCCESS) {
        record(&w->report, "thread %d session %ld: BeginSession 0x%08X %s",
               w->index, i, (unsigned)rc, eaphost_error_name(rc));
        return;
    }

    snprintf(data, sizeof(data), "t%d-s%ld", w->index, i);
    len = make_request(req, req_id, FIXTURE_TYPE, data);
    action = (EapHostPeerResponseAction)99;
    rc = EapHostPeerProcessReceivedPacket(id, len, req, &action, &e);
    drop(&e);
    if (rc == ERROR_SUCCESS && action == EapHostPeerResponseStartAuthentication
        && with_conn) {
        cleared = true;
    } else if (rc != ERROR_SUCCESS || action != EapHostPeerResponseSend) {
        record(&w->report, "thread %d session %ld (%s): request: 0x%08X %s, "
               "action %d", w->index, i, with_conn ? "connection" : "plain",
               (unsigned)rc, eaphost_error_name(rc), (int)action);
        end_session(w, id, i);
        return;
    } else {
        rc = EapHostPeerGetSendPacket(id, &resp_len, &resp, &e);
        if (rc == ERROR_INVALID_STATE && with_conn && resp_len == 0) {
            /* A ClearConnection between the two calls withdrew it. */
            cleared = true;
        } else if (rc != ERROR_SUCCESS ||
                   !response_is(resp, resp_len, req_id, FIXTURE_TYPE, data)) {
            record(&w->report, "thread %d session %ld: GetSendPacket after "
                   "Send: 0x%08X %s (%s), %u bytes", w->index, i,
                   (unsigned)rc, eaphost_error_name(rc),
                   e ? "with an EAP_ERROR" : "no EAP_ERROR",
                   (unsigned)resp_len);
        }
        drop(&e);
    }

    if (!cleared) {
        BYTE success[4] = { EapCodeSuccess, req_id, 0, 4 };

        action = (EapHostPeerResponseAction)99;
        rc = EapHostPeerProcessReceivedPacket(id, 4, success, &action, &e);
        drop(&e);
        if (rc == ERROR_SUCCESS &&
            action == EapHostPeerResponseStartAuthentication && with_conn) {
            cleared = true;
        } else if (rc != ERROR_SUCCESS ||
                   action != EapHostPeerResponseResult) {
            record(&w->report, "thread %d session %ld (%s): Success: 0x%08X "
                   "%s, action %d", w->index, i,
                   with_conn ? "connection" : "plain", (unsigned)rc,
                   eaphost_error_name(rc), (int)action);
            end_session(w, id, i);
            return;
        }
    }

    memset(&r, 0, sizeof(r));
    rc = EapHostPeerGetResult(id, EapHostPeerMethodResultFromMethod, &r, &e);
    drop(&e);
    if (cleared) {
        /* The method session ended before a result: none to give. */
        if (rc != ERROR_INVALID_STATE)
            record(&w->report, "thread %d session %ld: GetResult after "
                   "ClearConnection 0x%08X %s", w->index, i, (unsigned)rc,
                   eaphost_error_name(rc));
        w->cleared++;
    } else if (rc != ERROR_SUCCESS || !r.fIsSuccess || !r.pAttribArray ||
               r.pAttribArray->dwNumberOfAttributes != 1 ||
               r.pAttribArray->pAttribs[0].eaType != eatEMSK) {
        record(&w->report, "thread %d session %ld: GetResult 0x%08X %s, "
               "success %d", w->index, i, (unsigned)rc, eaphost_error_name(rc),
               (int)r.fIsSuccess);
    }
    if (r.pEapError)
        EapHostPeerFreeEapError(r.pEapError);
    end_session(w, id, i);
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    long i;

    for (i = 0; i < w->sessions; i++)
        one_session(w, i);
    return NULL;
}

struct clearer {
    pthread_t thread;
    struct worker *workers;
    int worker_count;
    long clears_done;        /* ClearConnection that found a session */
    long rounds;
    struct report report;
};

/* Ids no session of this test can have: generation bits far beyond the
 * few dozen times a slot is reused here, and the two extremes. */
static EAP_SESSIONID made_up_id(uint32_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    switch (*x % 8) {
    case 0:
        return 0;
    case 1:
        return 0xFFFFFFFFu;
    default:
        return 0x80000000u | (*x & 0x7FFFFFFFu);
    }
}

static void *clearer_main(void *arg)
{
    struct clearer *c = arg;
    uint32_t x = 0x9E3779B9u;
    BYTE req[64];
    DWORD len = make_request(req, 1, FIXTURE_TYPE, "made-up");

    while (!atomic_load(&stop_clearing)) {
        int k;

        c->rounds++;
        for (k = 0; k < c->worker_count; k++) {
            GUID conn = c->workers[k].conn;
            EAP_ERROR *e = NULL;
            DWORD rc = EapHostPeerClearConnection(&conn, &e);

            drop(&e);
            if (rc == ERROR_SUCCESS)
                c->clears_done++;
            else if (rc != ERROR_INVALID_HANDLE)
                record(&c->report, "ClearConnection: 0x%08X %s", (unsigned)rc,
                       eaphost_error_name(rc));
        }
        {
            EAP_SESSIONID id = made_up_id(&x);
            EapHostPeerResponseAction action = (EapHostPeerResponseAction)99;
            EAP_ERROR *e = NULL;
            DWORD rc, size = 0;
            BYTE *data = NULL;

            rc = EapHostPeerProcessReceivedPacket(id, len, req, &action, &e);
            drop(&e);
            if (rc != ERROR_SUCCESS ||
                action != EapHostPeerResponseStartAuthentication)
                record(&c->report, "ProcessReceivedPacket(made-up 0x%08X): "
                       "0x%08X %s, action %d", (unsigned)id, (unsigned)rc,
                       eaphost_error_name(rc), (int)action);
            rc = EapHostPeerGetAuthStatus(id, EapHostPeerAuthStatus, &size,
                                          &data, &e);
            drop(&e);
            if (rc != ERROR_INVALID_HANDLE)
                record(&c->report, "GetAuthStatus(made-up 0x%08X): 0x%08X %s",
                       (unsigned)id, (unsigned)rc, eaphost_error_name(rc));
        }
    }
    return NULL;
}

START_TEST(sessions_on_threads_with_clear_connection)
{
    struct worker w[2];
    struct clearer c;
    struct fixture_stats st;
    long per_thread = scaled(SESSIONS_PER_THREAD);
    int k;

    init();
    /* Load the method, then count from zero. */
    {
        EAP_SESSIONID id = 0;
        EAP_METHOD_TYPE good = method_type(FIXTURE_TYPE);

        ck_assert_uint_eq(EapHostPeerBeginSession(0, good, NULL, NULL, 0,
                                                  NULL, 0, NULL, MAX_SEND,
                                                  NULL, NULL, NULL, &id,
                                                  NULL),
                          ERROR_SUCCESS);
        ck_assert_uint_eq(EapHostPeerEndSession(id, NULL), ERROR_SUCCESS);
    }
    reset_good_stats();

    memset(w, 0, sizeof(w));
    memset(&c, 0, sizeof(c));
    atomic_store(&stop_clearing, false);
    for (k = 0; k < 2; k++) {
        w[k].index = k;
        w[k].sessions = per_thread;
        w[k].conn.Data1 = 0xC0FFEE00u + (unsigned)k;
        w[k].conn.Data2 = 0x1234;
        w[k].conn.Data4[7] = (BYTE)k;
    }
    c.workers = w;
    c.worker_count = 2;
    ck_assert_int_eq(pthread_create(&c.thread, NULL, clearer_main, &c), 0);
    for (k = 0; k < 2; k++)
        ck_assert_int_eq(pthread_create(&w[k].thread, NULL, worker_main,
                                        &w[k]), 0);
    for (k = 0; k < 2; k++)
        ck_assert_int_eq(pthread_join(w[k].thread, NULL), 0);
    atomic_store(&stop_clearing, true);
    ck_assert_int_eq(pthread_join(c.thread, NULL), 0);

    assert_no_failures("worker 0", &w[0].report);
    assert_no_failures("worker 1", &w[1].report);
    assert_no_failures("clearing thread", &c.report);
    ck_assert_int_gt(c.rounds, 0);

    /* The method began and ended every session and freed everything. */
    st = good_stats();
    ck_assert_uint_eq(st.begin_session, 2 * (unsigned long)per_thread);
    ck_assert_uint_eq(st.end_session, st.begin_session);
    ck_assert_int_eq(st.live_sessions, 0);
    ck_assert_int_eq(st.live_allocations, 0);
    ck_assert_uint_eq(st.bad_frees, 0);
    /* Each ClearConnection that found a session left it reserved until
     * its EndSession: the connection ids are free now. */
    for (k = 0; k < 2; k++) {
        EAP_SESSIONID id = 0;
        EAP_METHOD_TYPE good = method_type(FIXTURE_TYPE);

        ck_assert_uint_eq(EapHostPeerBeginSession(0, good, NULL, NULL, 0,
                                                  NULL, 0, NULL, MAX_SEND,
                                                  &w[k].conn, NULL, NULL, &id,
                                                  NULL),
                          ERROR_SUCCESS);
        ck_assert_uint_eq(EapHostPeerEndSession(id, NULL), ERROR_SUCCESS);
    }
}
END_TEST

/* ---- (b) nested sessions ------------------------------------------------ */

/* Run @fn(@arg) on a thread; a run longer than DEADLINE seconds is taken
 * for a deadlock and ends the program (nothing can be cleaned up then). */
struct deadline_run {
    void (*fn)(void *);
    void *arg;
    pthread_mutex_t lock;
    pthread_cond_t done_cond;
    bool done;
};

static void *deadline_main(void *p)
{
    struct deadline_run *d = p;

    d->fn(d->arg);
    pthread_mutex_lock(&d->lock);
    d->done = true;
    pthread_cond_signal(&d->done_cond);
    pthread_mutex_unlock(&d->lock);
    return NULL;
}

static void run_with_deadline(const char *what, void (*fn)(void *), void *arg)
{
    struct deadline_run d = { fn, arg, PTHREAD_MUTEX_INITIALIZER,
                              PTHREAD_COND_INITIALIZER, false };
    struct timespec until;
    pthread_t t;
    int rc = 0;

    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += DEADLINE;
    ck_assert_int_eq(pthread_create(&t, NULL, deadline_main, &d), 0);
    pthread_mutex_lock(&d.lock);
    while (!d.done && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&d.done_cond, &d.lock, &until);
    pthread_mutex_unlock(&d.lock);
    if (!d.done) {
        fprintf(stderr, "check_threads: %s did not finish within %d s: "
                "deadlock\n", what, DEADLINE);
        abort();
    }
    ck_assert_int_eq(pthread_join(t, NULL), 0);
}

/* One outer session of fixture_nested with @rounds requests. */
static void nested_conversation(struct report *r, int rounds, int tag)
{
    EAP_METHOD_TYPE nested = method_type(NESTED_TYPE);
    EAP_SESSIONID id = 0;
    EAP_ERROR *e = NULL;
    EapHostPeerResponseAction action;
    EapHostPeerMethodResult res;
    BYTE req[64], *resp = NULL;
    DWORD len, resp_len = 0, rc;
    char data[32];
    char why[256];
    int k;

    rc = EapHostPeerBeginSession(0, nested, NULL, NULL, 0, NULL, 0, NULL,
                                 MAX_SEND, NULL, NULL, NULL, &id, &e);
    drop(&e);
    if (rc != ERROR_SUCCESS) {
        record(r, "outer BeginSession 0x%08X %s", (unsigned)rc,
               eaphost_error_name(rc));
        return;
    }
    for (k = 0; k < rounds; k++) {
        BYTE req_id = (BYTE)(5 + k);

        snprintf(data, sizeof(data), "tunnel-%d-%d", tag, k);
        len = make_request(req, req_id, NESTED_TYPE, data);
        action = (EapHostPeerResponseAction)99;
        rc = EapHostPeerProcessReceivedPacket(id, len, req, &action, &e);
        why[0] = '\0';
        if (e && e->pRootCauseString) {
            char *u = NULL;

            if (eaphost_utf16_to_utf8(e->pRootCauseString, (size_t)-1, &u,
                                      NULL) == ERROR_SUCCESS)
                snprintf(why, sizeof(why), "%s", u);
            eaphost_free(u);
        }
        drop(&e);
        if (rc != ERROR_SUCCESS || action != EapHostPeerResponseSend) {
            record(r, "outer request %d: 0x%08X %s, action %d (%s)", k,
                   (unsigned)rc, eaphost_error_name(rc), (int)action, why);
            break;
        }
        rc = EapHostPeerGetSendPacket(id, &resp_len, &resp, &e);
        drop(&e);
        /* The inner method's echo, carried in the outer type. */
        if (rc != ERROR_SUCCESS ||
            !response_is(resp, resp_len, req_id, NESTED_TYPE, data)) {
            record(r, "outer response %d: 0x%08X %s, %u bytes", k,
                   (unsigned)rc, eaphost_error_name(rc), (unsigned)resp_len);
            break;
        }
    }
    if (k == rounds) {
        BYTE success[4] = { EapCodeSuccess, (BYTE)(5 + rounds - 1), 0, 4 };

        rc = EapHostPeerProcessReceivedPacket(id, 4, success, &action, &e);
        drop(&e);
        if (rc != ERROR_SUCCESS || action != EapHostPeerResponseResult)
            record(r, "outer Success: 0x%08X %s, action %d", (unsigned)rc,
                   eaphost_error_name(rc), (int)action);
        memset(&res, 0, sizeof(res));
        rc = EapHostPeerGetResult(id, EapHostPeerMethodResultFromMethod, &res,
                                  &e);
        drop(&e);
        if (rc != ERROR_SUCCESS || !res.fIsSuccess)
            record(r, "outer GetResult: 0x%08X %s, success %d", (unsigned)rc,
                   eaphost_error_name(rc), (int)res.fIsSuccess);
        if (res.pEapError)
            EapHostPeerFreeEapError(res.pEapError);
    }
    rc = EapHostPeerEndSession(id, &e);
    drop(&e);
    if (rc != ERROR_SUCCESS)
        record(r, "outer EndSession 0x%08X %s", (unsigned)rc,
               eaphost_error_name(rc));
}

struct nested_job {
    struct report report;
    long conversations;
    int rounds;
    int tag;
};

static void nested_job_run(void *p)
{
    struct nested_job *j = p;
    long i;

    for (i = 0; i < j->conversations; i++)
        nested_conversation(&j->report, j->rounds, j->tag);
}

/* Load both methods (outside the measured part) and zero their counters. */
static void load_and_reset(void)
{
    struct nested_job warm;

    memset(&warm, 0, sizeof(warm));
    warm.conversations = 1;
    warm.rounds = 1;
    run_with_deadline("the first nested session", nested_job_run, &warm);
    assert_no_failures("first nested session", &warm.report);
    reset_good_stats();
    nested_reset();
}

START_TEST(nested_session)
{
    struct nested_job job;
    struct fixture_stats st;

    init();
    load_and_reset();
    memset(&job, 0, sizeof(job));
    job.conversations = 1;
    job.rounds = 3;
    run_with_deadline("a nested session", nested_job_run, &job);
    assert_no_failures("nested session", &job.report);

    /* One inner session per outer request, each begun and ended. */
    st = good_stats();
    ck_assert_uint_eq(st.begin_session, 3);
    ck_assert_uint_eq(st.process_request, 3);
    ck_assert_uint_eq(st.get_response, 3);
    ck_assert_uint_eq(st.end_session, 3);
    ck_assert_int_eq(st.live_sessions, 0);
    ck_assert_int_eq(st.live_allocations, 0);
    ck_assert_uint_eq(st.bad_frees, 0);
    ck_assert_int_eq(nested_count("begin"), 1);
    ck_assert_int_eq(nested_count("process"), 3);
    ck_assert_int_eq(nested_count("inner_ok"), 3);
    ck_assert_int_eq(nested_count("inner_failed"), 0);
    ck_assert_int_eq(nested_count("end"), 1);
    ck_assert_int_eq(nested_count("live"), 0);
}
END_TEST

static void uninitialize_job(void *p)
{
    (void)p;
    EapHostPeerUninitialize();
}

START_TEST(nested_methods_unload_in_order)
{
    struct nested_job job;
    void *pin;

    init();
    load_and_reset();
    memset(&job, 0, sizeof(job));
    job.conversations = 1;
    job.rounds = 1;
    run_with_deadline("a nested session", nested_job_run, &job);
    assert_no_failures("nested session", &job.report);

    /* A live outer session at the last Uninitialize is ended, and both
     * methods shut down, without a deadlock. */
    {
        EAP_METHOD_TYPE nested = method_type(NESTED_TYPE);
        EAP_SESSIONID id = 0;

        ck_assert_uint_eq(EapHostPeerBeginSession(0, nested, NULL, NULL, 0,
                                                  NULL, 0, NULL, MAX_SEND,
                                                  NULL, NULL, NULL, &id,
                                                  NULL),
                          ERROR_SUCCESS);
    }
    pin = fixture_handle("fixture_nested");
    ck_assert_ptr_nonnull(pin);
    run_with_deadline("the last Uninitialize", uninitialize_job, NULL);
    inits--;
    {
        nested_count_fn count = (nested_count_fn)dlsym(pin,
                                                       "NestedFixtureCount");

        ck_assert_ptr_nonnull(count);
        ck_assert_int_eq(count("begin"), 2);
        ck_assert_int_eq(count("end"), 2);
        ck_assert_int_eq(count("live"), 0);
        ck_assert_int_eq(count("shutdown"), 1);
    }
    dlclose(pin);
}
END_TEST

static void *nested_thread_main(void *p)
{
    nested_job_run(p);
    return NULL;
}

/* Three threads at once, each with its own outer sessions. */
static void nested_threads_run(void *p)
{
    struct nested_job *jobs = p;
    pthread_t t[3];
    int k, started = 0;

    for (k = 0; k < 3; k++) {
        if (pthread_create(&t[k], NULL, nested_thread_main, &jobs[k]) != 0)
            record(&jobs[k].report, "pthread_create failed");
        else
            started |= 1 << k;
    }
    for (k = 0; k < 3; k++)
        if (started & (1 << k))
            pthread_join(t[k], NULL);
}

START_TEST(nested_sessions_on_threads)
{
    struct nested_job jobs[3];
    struct fixture_stats st;
    long per_thread = scaled(1000);
    int k;

    init();
    load_and_reset();
    for (k = 0; k < 3; k++) {
        memset(&jobs[k], 0, sizeof(jobs[k]));
        jobs[k].conversations = per_thread;
        jobs[k].rounds = 2;
        jobs[k].tag = k;
    }
    run_with_deadline("nested sessions on three threads", nested_threads_run,
                      jobs);
    for (k = 0; k < 3; k++)
        assert_no_failures("nested thread", &jobs[k].report);

    st = good_stats();
    ck_assert_uint_eq(st.begin_session, 3 * 2 * (unsigned long)per_thread);
    ck_assert_uint_eq(st.end_session, st.begin_session);
    ck_assert_int_eq(st.live_sessions, 0);
    ck_assert_int_eq(st.live_allocations, 0);
    ck_assert_uint_eq(st.bad_frees, 0);
    ck_assert_int_eq(nested_count("begin"), 3 * per_thread);
    ck_assert_int_eq(nested_count("end"), 3 * per_thread);
    ck_assert_int_eq(nested_count("inner_ok"), 3 * 2 * per_thread);
    ck_assert_int_eq(nested_count("inner_failed"), 0);
    ck_assert_int_eq(nested_count("live"), 0);
}
END_TEST

/* ---- (c) Initialize / Uninitialize from many threads -------------------- */

struct lifecycle_job {
    pthread_t thread;
    long iterations;
    bool hold_session;
    struct report report;
};

static void *lifecycle_main(void *p)
{
    struct lifecycle_job *j = p;
    EAP_METHOD_TYPE good = method_type(FIXTURE_TYPE);
    long i;

    for (i = 0; i < j->iterations; i++) {
        EAP_METHOD_INFO_ARRAY methods;
        EAP_SESSIONID id = 0;
        EAP_ERROR *e = NULL;
        DWORD rc = EapHostPeerInitialize();

        if (rc != ERROR_SUCCESS) {
            record(&j->report, "Initialize 0x%08X %s", (unsigned)rc,
                   eaphost_error_name(rc));
            continue;
        }
        rc = EapHostPeerGetMethods(&methods, &e);
        drop(&e);
        if (rc != ERROR_SUCCESS || methods.dwNumberOfMethods != 2)
            record(&j->report, "GetMethods 0x%08X %s, %u methods",
                   (unsigned)rc, eaphost_error_name(rc),
                   (unsigned)methods.dwNumberOfMethods);
        if (rc == ERROR_SUCCESS)
            EapHostPeerFreeMemory((BYTE *)methods.pEapMethods);
        if (j->hold_session) {
            BYTE req[64];
            DWORD len = make_request(req, 1, FIXTURE_TYPE, "lifecycle");
            EapHostPeerResponseAction action = EapHostPeerResponseNone;

            rc = EapHostPeerBeginSession(0, good, NULL, NULL, 0, NULL, 0,
                                         NULL, MAX_SEND, NULL, NULL, NULL,
                                         &id, &e);
            drop(&e);
            if (rc != ERROR_SUCCESS) {
                record(&j->report, "BeginSession 0x%08X %s", (unsigned)rc,
                       eaphost_error_name(rc));
            } else {
                rc = EapHostPeerProcessReceivedPacket(id, len, req, &action,
                                                      &e);
                drop(&e);
                if (rc != ERROR_SUCCESS || action != EapHostPeerResponseSend)
                    record(&j->report, "request 0x%08X %s, action %d",
                           (unsigned)rc, eaphost_error_name(rc), (int)action);
                rc = EapHostPeerEndSession(id, &e);
                drop(&e);
                if (rc != ERROR_SUCCESS)
                    record(&j->report, "EndSession 0x%08X %s", (unsigned)rc,
                           eaphost_error_name(rc));
            }
        }
        EapHostPeerUninitialize();
    }
    return NULL;
}

static void run_lifecycle_threads(long iterations)
{
    struct lifecycle_job jobs[4];
    int k;

    memset(jobs, 0, sizeof(jobs));
    for (k = 0; k < 4; k++) {
        jobs[k].iterations = iterations;
        jobs[k].hold_session = (k % 2) == 0;
        ck_assert_int_eq(pthread_create(&jobs[k].thread, NULL, lifecycle_main,
                                        &jobs[k]), 0);
    }
    for (k = 0; k < 4; k++)
        ck_assert_int_eq(pthread_join(jobs[k].thread, NULL), 0);
    for (k = 0; k < 4; k++)
        assert_no_failures("lifecycle thread", &jobs[k].report);
}

/* The main thread holds a reference: the others only count up and down. */
START_TEST(initialize_from_threads_while_held)
{
    init();
    run_lifecycle_threads(scaled(2000));
    /* Still initialised, still working. */
    {
        EAP_METHOD_TYPE good = method_type(FIXTURE_TYPE);
        EAP_SESSIONID id = 0;

        ck_assert_uint_eq(EapHostPeerBeginSession(0, good, NULL, NULL, 0,
                                                  NULL, 0, NULL, MAX_SEND,
                                                  NULL, NULL, NULL, &id,
                                                  NULL),
                          ERROR_SUCCESS);
        ck_assert_uint_eq(EapHostPeerEndSession(id, NULL), ERROR_SUCCESS);
        ck_assert_int_eq(good_stats().live_sessions, 0);
    }
}
END_TEST

/* Nobody holds a reference: the host starts and stops under the threads. */
START_TEST(initialize_from_threads_from_zero)
{
    run_lifecycle_threads(scaled(200));
    /* Back to not initialised. */
    {
        EAP_METHOD_INFO_ARRAY methods;

        ck_assert_uint_eq(EapHostPeerGetMethods(&methods, NULL),
                          ERROR_INVALID_STATE);
    }
    init();
    uninit();
}
END_TEST

static Suite *threads_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc;

    tc = tcase_create("concurrency");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, sessions_on_threads_with_clear_connection);
    tcase_add_test(tc, initialize_from_threads_while_held);
    tcase_add_test(tc, initialize_from_threads_from_zero);
    suite_add_tcase(s, tc);

    tc = tcase_create("nested");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, nested_session);
    tcase_add_test(tc, nested_methods_unload_in_order);
    tcase_add_test(tc, nested_sessions_on_threads);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(threads_suite());
}
