/*
 * fuzz_auth_session.c - the authenticator host (libeaphost/auth_*.c,
 * include/eaphost/authenticator.h) fed with peer Responses, one session
 * per input, with the bundled EAP-MD5, EAP-MSCHAPv2 and EAP-GTC plugins,
 * the scripted authenticator fixture (tests/fixtures/scripted_auth.c,
 * scripted by the identity: the Identity Response chooses the script) and
 * a user database.
 *
 * Input:
 *   byte 0   bits 0-1: the method: 0 EAP-MD5 (author 0, type 4), 1
 *            EAP-MSCHAPv2 (311, 26), 2 EAP-GTC (0, 6), 3 fixture_auth
 *            (77, 200).
 *   byte 1   max_send: below 128 gives 1020, else 20 + 4 * (byte - 128).
 *   then     records (fuzz_common.h); the operation bits:
 *              1  keep the packet's Identifier (otherwise the harness
 *                 writes the Identifier of the last Request into it, so
 *                 that mutations get past the Identifier check);
 *              2  then eaphost_auth_get_attributes;
 *              4  instead of a packet: eaphost_auth_set_attributes with
 *                 one attribute, eaType the first byte, value the rest.
 *
 * The randomness is fixed (fuzz_common.h): the first Identifier and the
 * MSCHAPv2 and MD5 challenges are the same on every run, so the seeds
 * (written by this program with FUZZ_WRITE_SEEDS=dir, from
 * eaphost_loopback_run transcripts) hold Responses that authenticate.
 *
 * Invariants (abort on failure):
 *   - eaphost_auth_start gives a 5-byte Request/Identity;
 *   - every action is in range; an error comes with DISCARD or FAILURE;
 *   - SEND: the packet is a Request (Code 1) with the next Identifier,
 *     Length equal to its size, within max_send, of the method's type;
 *   - DISCARD: the packet is still the last one produced;
 *   - SUCCESS / FAILURE: a 4-byte EAP-Success / EAP-Failure with the last
 *     Request's Identifier, and eaphost_auth_get_result agrees;
 *   - SUCCESS only for an identity of the user database;
 *   - after the outcome every packet is discarded;
 *   - the session's counters agree with the calls and answers seen;
 *   - every buffer handed out is readable to its full size;
 *   - after eaphost_auth_end the fixture holds no session, no allocation,
 *     and saw no free of memory it did not hand out.
 */
#define _GNU_SOURCE 1     /* PATH_MAX */

#include <eaphost/sdk.h>
#include <eaphost/eaphost.h>
#include <eaphost/authenticator.h>

#include "auth_fixture.h"
#include "fixture_stats.h"
#include "fuzz_common.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <string.h>

#define IDENTITY_MAX 1100

static const struct {
    const char *identity;
    const char *password;
} users[] = {
    { "alice", "password" },
    { "bob", "" },
    { "fuzz-user", "p\xc3\xa4ss" },
    /* fixture_auth scripts (its sessions are scripted by the identity). */
    { "fx", "pw" },
    { "fx;echo=1", "pw" },
    { "fx;rounds=1", "pw" },
    { "fx;rounds=3;echo=1", "pw" },
    { "fx;keys=0", "pw" },
    { "fx;discard=1", "pw" },
    { "fx;bad=id", "pw" },
    { "fx;action=4", "pw" },
    { "fx;result_fail=1", "pw" },
};

static const struct {
    const char *file;
    const char *plugin;
    unsigned author, type;
} methods[] = {
    { "md5.json", "md5.so", 0, 4 },
    { "mschapv2.json", "mschapv2.so", 311, 26 },
    { "gtc.json", "gtc.so", 0, 6 },
    { "fixture.json", "fixture_auth.so", 77, 200 },
};

static fixture_get_stats_fn fixture_stats;
static long fixture_baseline;     /* its allocations between sessions */
static auth_fixture_get_stats_fn fixture_auth_stats;

static EAP_METHOD_TYPE types[4];
static eaphost_user_db *db;

static void write_registry(const char *dir)
{
    char plugin[PATH_MAX], json[PATH_MAX * 3];

    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        int n;

        fuzz_plugin_path(methods[i].plugin, plugin, sizeof plugin);
        if (methods[i].type == 200) {
            n = snprintf(json, sizeof json, "{ \"AuthorId\": %u, "
                         "\"TypeId\": %u, \"AuthenticatorDllPath\": \"%s\", "
                         "\"AuthenticatorFriendlyName\": \"fixture\" }\n",
                         methods[i].author, methods[i].type, plugin);
            fuzz_write_file(dir, methods[i].file, json, (size_t)n, 0644,
                            NULL, 0);
            continue;
        }
        n = snprintf(json, sizeof json, "{ \"AuthorId\": %u, \"TypeId\": "
                     "%u, \"PeerDllPath\": \"%s\", \"PeerFriendlyName\": "
                     "\"%s\", \"PeerInvokeUsernameDialog\": 1, "
                     "\"PeerInvokePasswordDialog\": 1, "
                     "\"AuthenticatorDllPath\": \"%s\", "
                     "\"AuthenticatorFriendlyName\": \"%s\" }\n",
                     methods[i].author, methods[i].type, plugin,
                     methods[i].file, plugin, methods[i].file);
        fuzz_write_file(dir, methods[i].file, json, (size_t)n, 0644, NULL,
                        0);
    }
}

/* ---- seeds --------------------------------------------------------------- */

/* FUZZ_WRITE_SEEDS=dir: a seed per method from a loopback run (the
 * Responses of a successful authentication), and one per method with a
 * wrong password. */
static void write_seeds(const char *dir)
{
    static const char *const names[] = { "md5", "mschapv2", "gtc" };

    for (int m = 0; m < 3; m++) {
        for (int wrong = 0; wrong < 2; wrong++) {
            eaphost_loopback_config cfg;
            eaphost_loopback_result *res = NULL;
            uint8_t buf[8192];
            size_t len = 0;
            char name[64];
            DWORD rc;

            memset(&cfg, 0, sizeof cfg);
            cfg.type = types[m];
            cfg.identity = "alice";
            cfg.password = wrong ? "wrong" : "password";
            cfg.user_db = db;
            rc = eaphost_loopback_run(&cfg, &res);
            FUZZ_SETUP(res != NULL, "loopback %s: 0x%08x", names[m],
                       (unsigned)rc);
            buf[len++] = (uint8_t)m;
            buf[len++] = 0;
            for (DWORD i = 0; i < res->packet_count; i++) {
                const eaphost_loopback_packet *p = &res->packets[i];

                if (p->direction != EAPHOST_LOOPBACK_TO_AUTHENTICATOR)
                    continue;
                FUZZ_SETUP(len + 2 + p->size <= sizeof buf, "seed too big");
                buf[len++] = (uint8_t)(p->size >> 8);
                buf[len++] = (uint8_t)p->size;
                memcpy(buf + len, p->bytes, p->size);
                len += p->size;
            }
            fprintf(stderr, "seed %s%s: rc 0x%08x, authenticator %s\n",
                    names[m], wrong ? "-wrong" : "", (unsigned)rc,
                    res->authenticator.success ? "success" : "failure");
            eaphost_loopback_free(res);
            snprintf(name, sizeof name, "%s%s", names[m],
                     wrong ? "-wrong-password" : "-success");
            fuzz_write_file(dir, name, buf, len, 0644, NULL, 0);
        }
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *dir = fuzz_tmpdir(), *seeds;
    eaphost_problem *problems = NULL;
    DWORD n = 0, rc;

    (void)argc; (void)argv;
    write_registry(dir);
    FUZZ_SETUP(eaphost_set_methods_dir(dir) == ERROR_SUCCESS,
               "eaphost_set_methods_dir");
    rc = EapHostPeerInitialize();
    FUZZ_SETUP(rc == ERROR_SUCCESS, "EapHostPeerInitialize: 0x%08x",
               (unsigned)rc);
    FUZZ_SETUP(eaphost_get_registry_problems(&problems, &n) ==
               ERROR_SUCCESS, "eaphost_get_registry_problems");
    for (DWORD i = 0; i < n; i++)
        fprintf(stderr, "registry: %s: %s\n", problems[i].file,
                problems[i].reason);
    eaphost_free_registry_problems(problems, n);
    FUZZ_SETUP(n == 0, "the fuzzing registry has problems");
    /* Load both halves of every method now, so that libFuzzer sees the
     * plugins' coverage counters from the start. */
    {
        eaphost_method_entry *list = NULL;

        FUZZ_SETUP(eaphost_list_methods(TRUE, &list, &n) == ERROR_SUCCESS,
                   "eaphost_list_methods");
        for (DWORD i = 0; i < n; i++)
            FUZZ_SETUP((list[i].state == EAPHOST_METHOD_READY ||
                        !list[i].peer_dll_path) &&
                       list[i].authenticator_state == EAPHOST_METHOD_READY,
                       "method %s not ready: %s / %s", list[i].registry_file,
                       list[i].fault_reason ? list[i].fault_reason : "-",
                       list[i].authenticator_fault_reason
                           ? list[i].authenticator_fault_reason : "-");
        eaphost_free_method_list(list, n);
    }
    {
        char path[PATH_MAX];
        void *h;

        fuzz_plugin_path("fixture_auth.so", path, sizeof path);
        h = dlopen(path, RTLD_NOW | RTLD_NOLOAD);
        FUZZ_SETUP(h != NULL, "%s is not loaded: %s", path, dlerror());
        fixture_stats = (fixture_get_stats_fn)dlsym(h, "FixtureGetStats");
        fixture_auth_stats = (auth_fixture_get_stats_fn)dlsym(
            h, "FixtureAuthGetStats");
        FUZZ_SETUP(fixture_stats && fixture_auth_stats, "%s lacks its "
                   "statistics", path);
        dlclose(h);
        {
            struct fixture_stats fs;

            fixture_stats(&fs);
            fixture_baseline = fs.live_allocations;
        }
    }

    FUZZ_SETUP(eaphost_user_db_new(&db) == ERROR_SUCCESS, "user db");
    for (size_t i = 0; i < sizeof users / sizeof users[0]; i++)
        FUZZ_SETUP(eaphost_user_db_add(db, users[i].identity,
                                       users[i].password) == ERROR_SUCCESS,
                   "user db add %s", users[i].identity);

    memset(types, 0, sizeof types);
    for (int i = 0; i < 4; i++) {
        types[i].dwAuthorId = methods[i].author;
        types[i].eapType.type = (BYTE)methods[i].type;
    }

    seeds = getenv("FUZZ_WRITE_SEEDS");
    if (seeds && seeds[0]) {
        write_seeds(seeds);
        exit(0);
    }
    return 0;
}

/* ---- one session ---------------------------------------------------------- */

struct run {
    EAP_SESSIONID sid;
    const EAP_METHOD_TYPE *type;
    DWORD max_send;
    BYTE last[8];          /* the first bytes of the last packet produced */
    DWORD last_size;
    bool done;
    bool known_identity;   /* the Identity Response named a user */
    DWORD received;        /* eaphost_auth_receive calls */
    DWORD sent;            /* Requests produced, the Identity included */
    DWORD discarded;       /* DISCARD answers to receive */
};

static void free_error(EAP_ERROR **e)
{
    if (*e) {
        if ((*e)->pRootCauseString)
            fuzz_touch((*e)->pRootCauseString, 2);
        EapHostPeerFreeEapError(*e);
        *e = NULL;
    }
}

static void touch_attributes(const EapAttributes *a)
{
    FUZZ_CHECK(a->dwNumberOfAttributes == 0 || a->pAttribs != NULL,
               "%u attributes without an array",
               (unsigned)a->dwNumberOfAttributes);
    FUZZ_CHECK(a->dwNumberOfAttributes < 4096, "%u attributes",
               (unsigned)a->dwNumberOfAttributes);
    for (DWORD i = 0; i < a->dwNumberOfAttributes; i++) {
        FUZZ_CHECK(a->pAttribs[i].eaType != eatMinimum,
                   "eatMinimum among the host's attribute copies");
        FUZZ_CHECK(a->pAttribs[i].dwLength == 0 || a->pAttribs[i].pValue,
                   "attribute %u: length %u without a value", (unsigned)i,
                   (unsigned)a->pAttribs[i].dwLength);
        if (a->pAttribs[i].dwLength)
            fuzz_touch(a->pAttribs[i].pValue, a->pAttribs[i].dwLength);
    }
}

static bool in_db(const uint8_t *id, size_t len)
{
    for (size_t i = 0; i < sizeof users / sizeof users[0]; i++)
        if (strlen(users[i].identity) == len &&
            memcmp(users[i].identity, id, len) == 0)
            return true;
    return false;
}

/* The packet the session holds now. */
static void current(const struct run *r, BYTE **p, DWORD *n)
{
    EAP_ERROR *e = NULL;
    DWORD rc;

    rc = eaphost_auth_get_packet(r->sid, p, n, &e);
    free_error(&e);
    FUZZ_CHECK(rc == ERROR_SUCCESS && *p != NULL, "get_packet 0x%08x",
               (unsigned)rc);
    fuzz_touch(*p, *n);
}

static void remember(struct run *r, const BYTE *p, DWORD n)
{
    memset(r->last, 0, sizeof r->last);
    memcpy(r->last, p, n < sizeof r->last ? n : sizeof r->last);
    r->last_size = n;
}

static void check_outcome(struct run *r, eaphost_auth_action a)
{
    eaphost_auth_result res;
    EAP_ERROR *e = NULL;
    BYTE msk[EAPHOST_MSK_LEN];
    BYTE *p;
    DWORD n, rc, msk_len = 0;

    current(r, &p, &n);
    fuzz_trace_bytes("  outcome", p, n);
    FUZZ_CHECK(n == 4 && fuzz_be16(p + 2) == 4, "outcome packet of %u "
               "bytes, Length %u", (unsigned)n, n >= 4 ? fuzz_be16(p + 2)
                                                       : 0);
    FUZZ_CHECK(p[0] == (a == EAPHOST_AUTH_SUCCESS ? EapCodeSuccess
                                                   : EapCodeFailure),
               "action %d with Code %u", (int)a, p[0]);
    FUZZ_CHECK(p[1] == r->last[1], "outcome Identifier %u, last Request's "
               "%u", p[1], r->last[1]);
    rc = eaphost_auth_get_result(r->sid, &res, &e);
    free_error(&e);
    FUZZ_CHECK(rc == ERROR_SUCCESS, "get_result after the outcome: 0x%08x",
               (unsigned)rc);
    FUZZ_TRACE("  result: success %d reason 0x%08x, %u attributes",
               (int)res.success, (unsigned)res.failure_reason,
               (unsigned)res.attributes.dwNumberOfAttributes);
    FUZZ_CHECK(!res.success == (a == EAPHOST_AUTH_FAILURE),
               "result %d, action %d", (int)res.success, (int)a);
    FUZZ_CHECK(res.success || res.failure_reason != 0,
               "a failure without reason");
    touch_attributes(&res.attributes);
    if (res.attributes.dwNumberOfAttributes)
        (void)eaphost_msk_from_attributes(&res.attributes, FALSE, msk,
                                          &msk_len);
    if (res.success)
        FUZZ_CHECK(r->known_identity, "success for an identity that is not "
                   "in the user database");
    remember(r, p, n);
    r->done = true;
}

static void after(struct run *r, DWORD rc, eaphost_auth_action a,
                  const char *what)
{
    BYTE *p;
    DWORD n;

    FUZZ_CHECK((unsigned)a <= (unsigned)EAPHOST_AUTH_FAILURE,
               "%s: action %d out of range", what, (int)a);
    FUZZ_CHECK(rc == ERROR_SUCCESS || a == EAPHOST_AUTH_DISCARD ||
               a == EAPHOST_AUTH_FAILURE, "%s: 0x%08x with action %d", what,
               (unsigned)rc, (int)a);
    if (r->done)
        FUZZ_CHECK(a == EAPHOST_AUTH_DISCARD, "%s: action %d after the "
                   "outcome", what, (int)a);
    switch (a) {
    case EAPHOST_AUTH_SEND:
        current(r, &p, &n);
        fuzz_trace_bytes("  request", p, n);
        FUZZ_CHECK(n >= 5 && n <= r->max_send, "Request of %u bytes, max "
                   "%u", (unsigned)n, (unsigned)r->max_send);
        FUZZ_CHECK(p[0] == EapCodeRequest && fuzz_be16(p + 2) == n,
                   "Request Code %u Length %u size %u", p[0],
                   fuzz_be16(p + 2), (unsigned)n);
        FUZZ_CHECK(p[1] == (BYTE)(r->last[1] + 1), "Request Identifier %u "
                   "after %u", p[1], r->last[1]);
        FUZZ_CHECK(p[4] == r->type->eapType.type, "Request Type %u", p[4]);
        remember(r, p, n);
        r->sent++;
        break;
    case EAPHOST_AUTH_SUCCESS:
    case EAPHOST_AUTH_FAILURE:
        check_outcome(r, a);
        break;
    default:
        current(r, &p, &n);
        FUZZ_CHECK(n == r->last_size &&
                   memcmp(p, r->last, n < 8 ? n : 8) == 0,
                   "%s: DISCARD changed the packet (%u bytes, was %u)", what,
                   (unsigned)n, (unsigned)r->last_size);
        break;
    }
}

static void receive(struct run *r, const struct fuzz_record *rec)
{
    eaphost_auth_action a = (eaphost_auth_action)-1;
    EAP_ERROR *e = NULL;
    uint8_t pkt[FUZZ_LEN_MASK + 1];
    bool identity_phase = r->last[4] == 1 && r->last[0] == EapCodeRequest;
    DWORD rc;

    memcpy(pkt, rec->data, rec->len);
    if (!(rec->op & 1) && rec->len >= 2)
        pkt[1] = r->last[1];
    fuzz_trace_bytes("receive", pkt, rec->len);
    rc = eaphost_auth_receive(r->sid, pkt, (DWORD)rec->len, &a, &e);
    r->received++;
    if (a == EAPHOST_AUTH_DISCARD && rc == ERROR_SUCCESS)
        r->discarded++;
    FUZZ_TRACE("  -> rc 0x%08x action %d%s%s", (unsigned)rc, (int)a,
               e ? ": " : "", e && e->pRootCauseString ? "(error)" : "");
    free_error(&e);
    /* An Identity Response that began the method: remember whose. */
    if (identity_phase && !r->done && a != EAPHOST_AUTH_DISCARD &&
        rec->len >= 5) {
        size_t len = fuzz_be16(pkt + 2);

        if (len >= 5 && len <= rec->len)
            r->known_identity = in_db(pkt + 5, len - 5);
    }
    after(r, rc, a, "receive");
}

static void set_attributes(struct run *r, const struct fuzz_record *rec)
{
    eaphost_auth_action a = (eaphost_auth_action)-1;
    EAP_ATTRIBUTE attr;
    EapAttributes attrs = { 0, NULL };
    EAP_ERROR *e = NULL;
    DWORD rc;

    if (rec->len >= 1) {
        attr.eaType = (EAP_ATTRIBUTE_TYPE)rec->data[0];
        attr.dwLength = (DWORD)(rec->len - 1);
        attr.pValue = (BYTE *)(rec->len > 1 ? rec->data + 1 : NULL);
        attrs.dwNumberOfAttributes = 1;
        attrs.pAttribs = &attr;
    }
    rc = eaphost_auth_set_attributes(r->sid, &attrs, &a, &e);
    FUZZ_TRACE("set_attributes (%zu bytes) -> rc 0x%08x action %d",
               rec->len, (unsigned)rc, (int)a);
    free_error(&e);
    if (rc == EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED ||
        rc == ERROR_INVALID_STATE || rc == ERROR_INVALID_PARAMETER) {
        FUZZ_CHECK(a == EAPHOST_AUTH_DISCARD, "set_attributes 0x%08x with "
                   "action %d", (unsigned)rc, (int)a);
        return;
    }
    after(r, rc, a, "set_attributes");
}

static void get_attributes(struct run *r)
{
    EapAttributes attrs;
    EAP_ERROR *e = NULL;

    if (eaphost_auth_get_attributes(r->sid, &attrs, &e) == ERROR_SUCCESS)
        touch_attributes(&attrs);
    free_error(&e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_reader rd = { data, size };
    struct fuzz_record rec;
    struct run r;
    EAP_ERROR *e = NULL;
    uint8_t b0, b1;
    BYTE *p = NULL;
    DWORD n = 0, rc;
    int records = 0;

    memset(&r, 0, sizeof r);
    b0 = fuzz_take_byte(&rd);
    b1 = fuzz_take_byte(&rd);
    r.type = &types[b0 & 3];
    r.max_send = b1 < 128 ? 1020u : 20u + 4u * (b1 - 128u);

    rc = eaphost_auth_begin(*r.type, db, r.max_send, &r.sid, &e);
    free_error(&e);
    FUZZ_CHECK(rc == ERROR_SUCCESS, "auth_begin: 0x%08x", (unsigned)rc);
    rc = eaphost_auth_start(r.sid, &p, &n, &e);
    free_error(&e);
    FUZZ_CHECK(rc == ERROR_SUCCESS && p && n == 5 && p[0] == EapCodeRequest
               && fuzz_be16(p + 2) == 5 && p[4] == 1,
               "auth_start: 0x%08x, %u bytes", (unsigned)rc, (unsigned)n);
    remember(&r, p, n);
    r.sent = 1;

    while (records++ < FUZZ_MAX_RECORDS && fuzz_next_record(&rd, &rec)) {
        if (rec.op & 4)
            set_attributes(&r, &rec);
        else
            receive(&r, &rec);
        if (rec.op & 2)
            get_attributes(&r);
    }

    {
        eaphost_auth_counters c;

        FUZZ_CHECK(eaphost_auth_get_counters(r.sid, &c) == ERROR_SUCCESS,
                   "get_counters");
        FUZZ_CHECK(c.packets_received == r.received && c.requests_sent ==
                   r.sent && c.discarded >= r.discarded &&
                   c.remote_invalid_packets <= c.discarded &&
                   c.discarded <= c.packets_received,
                   "counters: received %u (%u calls), sent %u (%u), "
                   "discarded %u (%u seen), invalid %u",
                   (unsigned)c.packets_received, (unsigned)r.received,
                   (unsigned)c.requests_sent, (unsigned)r.sent,
                   (unsigned)c.discarded, (unsigned)r.discarded,
                   (unsigned)c.remote_invalid_packets);
    }
    rc = eaphost_auth_end(r.sid, &e);
    free_error(&e);
    (void)rc;
    {
        struct auth_fixture_stats as;
        struct fixture_stats fs;

        fixture_auth_stats(&as);
        fixture_stats(&fs);
        FUZZ_CHECK(as.live_sessions == 0, "fixture_auth: %ld method "
                   "sessions after eaphost_auth_end", as.live_sessions);
        FUZZ_CHECK(fs.live_allocations == fixture_baseline, "fixture_auth: "
                   "%ld method allocations not given back",
                   fs.live_allocations - fixture_baseline);
        FUZZ_CHECK(fs.bad_frees == 0, "fixture_auth: %lu frees of memory "
                   "it did not hand out", fs.bad_frees);
    }
    return 0;
}
