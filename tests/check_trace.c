/*
 * check_trace.c - tracing: every host -> method call and every packet is an
 * event (one JSON object), and secrets stay out of it unless asked for.
 */
#include "config.h"

#include <stdbool.h>

#include "testutil.h"

#include <cJSON.h>
#include <sys/stat.h>

#include <eappapis.h>
#include <eaphost/eaphost.h>
#include <eaphost/trace.h>

#define MAX_EVENTS 256

static char dir[512];
static char *events[MAX_EVENTS];
static int event_count;

static void collect(void *context, const char *json)
{
    (void)context;
    if (event_count < MAX_EVENTS)
        events[event_count++] = strdup(json);
}

static void clear_events(void)
{
    while (event_count > 0)
        free(events[--event_count]);
}

/* The fixture with PeerInvoke*Dialog, so SetCredentials is traced too. */
static void setup(void)
{
    char plugin[PATH_MAX], json[PATH_MAX + 256], path[PATH_MAX];

    tu_mkdtemp(dir, sizeof(dir));
    tu_fixture_path(plugin, sizeof(plugin), "fixture_good");
    snprintf(json, sizeof(json),
             "{\"AuthorId\": 1, \"TypeId\": 200, \"PeerDllPath\": \"%s\", "
             "\"PeerFriendlyName\": \"Good\", \"PeerInvokeUsernameDialog\": 1,"
             " \"PeerInvokePasswordDialog\": 1}", plugin);
    tu_write_file(dir, "good.json", json, path, sizeof(path));
    ck_assert_int_eq(chmod(path, 0644), 0);
    ck_assert_uint_eq(eaphost_set_methods_dir(dir), ERROR_SUCCESS);
    ck_assert_uint_eq(EapHostPeerInitialize(), ERROR_SUCCESS);
}

static void teardown(void)
{
    eaphost_set_trace(NULL, NULL, 0);
    EapHostPeerUninitialize();
    eaphost_set_methods_dir(NULL);
    clear_events();
    tu_rmtree(dir);
}

/* Identity, one method round with secret data, Success, EndSession. */
static void run_session(void)
{
    static const BYTE identity[] = { 1, 1, 0, 5, 1 };
    static const BYTE request[] = { 1, 2, 0, 11, 200, 's', 'e', 'c', 'r',
                                    'e', 't' };
    static const BYTE success[] = { 3, 2, 0, 4 };
    EAP_METHOD_TYPE type = { { 200, 0, 0 }, 1 };
    EapHostPeerResponseAction action;
    EapHostPeerMethodResult result;
    EAP_SESSIONID id;
    EAP_ERROR *err = NULL;
    DWORD size;
    BYTE *out;

    ck_assert_uint_eq(EapHostPeerBeginSession(0, type, NULL, NULL, 0, NULL, 0,
                                              NULL, 1400, NULL, NULL, NULL,
                                              &id, &err), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_session_set_credentials(id, "alice",
                                                      "hunter2"),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(EapHostPeerProcessReceivedPacket(
                          id, sizeof(identity), identity, &action, &err),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(EapHostPeerGetSendPacket(id, &size, &out, &err),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(EapHostPeerProcessReceivedPacket(
                          id, sizeof(request), request, &action, &err),
                      ERROR_SUCCESS);
    ck_assert_int_eq(action, EapHostPeerResponseSend);
    ck_assert_uint_eq(EapHostPeerGetSendPacket(id, &size, &out, &err),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(EapHostPeerProcessReceivedPacket(
                          id, sizeof(success), success, &action, &err),
                      ERROR_SUCCESS);
    ck_assert_int_eq(action, EapHostPeerResponseResult);
    ck_assert_uint_eq(EapHostPeerGetResult(id,
                                           EapHostPeerMethodResultFromMethod,
                                           &result, &err), ERROR_SUCCESS);
    ck_assert_int_eq(result.fIsSuccess, TRUE);
    ck_assert_uint_eq(EapHostPeerEndSession(id, &err), ERROR_SUCCESS);
}

/* Index of the first event whose fields match; -1 if none. */
static int find_event(const char *event, const char *function,
                      const char *direction, int type)
{
    int i;

    for (i = 0; i < event_count; i++) {
        cJSON *o = cJSON_Parse(events[i]);
        const cJSON *e, *f, *d, *t;
        int match;

        ck_assert_msg(o != NULL, "event %d is not JSON: %s", i, events[i]);
        e = cJSON_GetObjectItemCaseSensitive(o, "event");
        f = cJSON_GetObjectItemCaseSensitive(o, "function");
        d = cJSON_GetObjectItemCaseSensitive(o, "direction");
        t = cJSON_GetObjectItemCaseSensitive(o, "type");
        match = cJSON_IsString(e) && !strcmp(e->valuestring, event) &&
                (!function || (cJSON_IsString(f) &&
                               !strcmp(f->valuestring, function))) &&
                (!direction || (cJSON_IsString(d) &&
                                !strcmp(d->valuestring, direction))) &&
                (type < 0 || (cJSON_IsNumber(t) && t->valueint == type));
        cJSON_Delete(o);
        if (match)
            return i;
    }
    return -1;
}

static bool any_event_contains(const char *text)
{
    int i;

    for (i = 0; i < event_count; i++)
        if (strstr(events[i], text))
            return true;
    return false;
}

START_TEST(every_call_and_packet_is_traced)
{
    static const char *const calls[] = {
        "DllMain", "EapPeerGetInfo", "EapPeerInitialize",
        "EapPeerBeginSession", "EapPeerSetCredentials",
        "EapPeerProcessRequestPacket", "EapPeerGetResponsePacket",
        "EapPeerGetResult", "EapPeerEndSession",
    };
    size_t i;

    ck_assert_uint_eq(eaphost_set_trace(collect, NULL, 0), ERROR_SUCCESS);
    run_session();
    for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
        ck_assert_msg(find_event("call", calls[i], NULL, -1) >= 0,
                      "no call event for %s", calls[i]);
    ck_assert_int_ge(find_event("packet", NULL, "in", 1), 0);
    ck_assert_int_ge(find_event("packet", NULL, "out", 1), 0);
    ck_assert_int_ge(find_event("packet", NULL, "in", 200), 0);
    ck_assert_int_ge(find_event("packet", NULL, "out", 200), 0);
    ck_assert_int_ge(find_event("attributes", "EapPeerGetResult", NULL, -1),
                     0);
    /* The order of the calls is the order they were made in. */
    ck_assert_int_lt(find_event("call", "EapPeerBeginSession", NULL, -1),
                     find_event("call", "EapPeerProcessRequestPacket", NULL,
                                -1));
    ck_assert(any_event_contains("\"action\":\"Send\""));
    ck_assert(any_event_contains("\"reason\":\"DLL_PROCESS_ATTACH\","
                                 "\"result\":true"));
    /* The last Uninitialize unloads the method: Shutdown, then DETACH. */
    clear_events();
    EapHostPeerUninitialize();
    ck_assert_int_ge(find_event("call", "EapPeerShutdown", NULL, -1), 0);
    ck_assert_int_lt(find_event("call", "EapPeerShutdown", NULL, -1),
                     find_event("call", "DllMain", NULL, -1));
    ck_assert_uint_eq(EapHostPeerInitialize(), ERROR_SUCCESS);
}
END_TEST

START_TEST(secrets_are_redacted_by_default)
{
    ck_assert_uint_eq(eaphost_set_trace(collect, NULL, 0), ERROR_SUCCESS);
    run_session();
    /* The identity is not secret; the password, method data and key
     * attributes are ("secret" is 736563726574 in hex; the EMSK is 0xab). */
    ck_assert(any_event_contains("\"identity\":\"alice\""));
    ck_assert(any_event_contains("616c696365"));
    ck_assert(!any_event_contains("hunter2"));
    ck_assert(!any_event_contains("736563726574"));
    ck_assert(!any_event_contains("abababab"));
    ck_assert(any_event_contains("(redacted"));
}
END_TEST

START_TEST(secrets_shown_when_asked)
{
    ck_assert_uint_eq(eaphost_set_trace(collect, NULL, EAPHOST_TRACE_SECRETS),
                      ERROR_SUCCESS);
    run_session();
    ck_assert(any_event_contains("\"password\":\"hunter2\""));
    ck_assert(any_event_contains("736563726574"));
    ck_assert(any_event_contains("abababab"));
}
END_TEST

START_TEST(tracing_off_sends_nothing)
{
    ck_assert_uint_eq(eaphost_set_trace(collect, NULL, 0), ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_set_trace(NULL, NULL, 0), ERROR_SUCCESS);
    run_session();
    ck_assert_int_eq(event_count, 0);
    ck_assert_uint_eq(eaphost_set_trace(collect, NULL, 0x80),
                      ERROR_INVALID_PARAMETER);
}
END_TEST

START_TEST(malformed_packets_are_traced_without_overread)
{
    static const BYTE runt[] = { 1, 1 };
    static const BYTE lying[] = { 1, 7, 0, 200, 4, 1 };
    EAP_METHOD_TYPE type = { { 200, 0, 0 }, 1 };
    EapHostPeerResponseAction action;
    EAP_SESSIONID id;

    ck_assert_uint_eq(eaphost_set_trace(collect, NULL, EAPHOST_TRACE_SECRETS),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(EapHostPeerBeginSession(0, type, NULL, NULL, 0, NULL, 0,
                                              NULL, 1400, NULL, NULL, NULL,
                                              &id, NULL), ERROR_SUCCESS);
    ck_assert_uint_eq(EapHostPeerProcessReceivedPacket(id, sizeof(runt), runt,
                                                       &action, NULL),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(EapHostPeerProcessReceivedPacket(id, sizeof(lying),
                                                       lying, &action, NULL),
                      ERROR_SUCCESS);
    ck_assert(any_event_contains("\"size\":2"));
    ck_assert(any_event_contains("\"length\":200,\"size\":6"));
    ck_assert_uint_eq(EapHostPeerEndSession(id, NULL), ERROR_SUCCESS);
}
END_TEST

static Suite *trace_suite(void)
{
    Suite *s = suite_create("trace");
    TCase *tc = tcase_create("events");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, every_call_and_packet_is_traced);
    tcase_add_test(tc, secrets_are_redacted_by_default);
    tcase_add_test(tc, secrets_shown_when_asked);
    tcase_add_test(tc, tracing_off_sends_nothing);
    tcase_add_test(tc, malformed_packets_are_traced_without_overread);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(trace_suite());
}
