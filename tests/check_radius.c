/*
 * check_radius.c - the RADIUS transport over loopback: libeaphost peer
 * sessions (EAP-MD5, EAP-MSCHAPv2 from the build tree's plugins) against
 * the scripted responder (radius_responder.c), whose EAP server is
 * libeaphost's authenticator host.
 *
 * The well-behaved server: success, rejection, the key check (match and
 * every kind of mismatch), the attributes of the requests.  The hostile
 * server: each way of breaking a reply is sent once before the right
 * reply; the client must drop it with the exact counted reason and go on
 * to succeed; sent alone, it must never be trusted.  Silence: the
 * retransmissions are byte-identical, bounded by the retry count and by
 * the deadline.
 */
#include "config.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <eappapis.h>
#include <eaphost/authenticator.h>
#include <eaphost/eaphost.h>

#include "radius_auth.h"
#include "radius_responder.h"
#include "testutil.h"

#define SECRET "testing123"
#define RETRIES 2u

/* Wait per try: 250 ms, longer when the suite runs slowed down (under
 * valgrind, tests/run.sh sets EAPHOST_TEST_SCALE below 1). */
static unsigned try_ms(void)
{
    const char *s = getenv("EAPHOST_TEST_SCALE");

    return s && strtod(s, NULL) < 1.0 ? 1000u : 250u;
}

static const EAP_METHOD_TYPE md5 = { { 4, 0, 0 }, 0 };
static const EAP_METHOD_TYPE mschapv2 = { { 26, 0, 0 }, 311 };

static void setup(void)
{
    char dir[PATH_MAX];

    snprintf(dir, sizeof dir, "%s/plugins/methods.d", tu_builddir());
    ck_assert_uint_eq(eaphost_set_methods_dir(dir), ERROR_SUCCESS);
    ck_assert_uint_eq(EapHostPeerInitialize(), ERROR_SUCCESS);
}

static void teardown(void)
{
    EapHostPeerUninitialize();
    eaphost_set_methods_dir(NULL);
}

/* One run: a responder with @script, a peer session of @type with
 * (identity, password), radius_auth_run with @cfg (server filled in). */
struct run {
    struct responder_config server;
    struct radius_auth_config cfg;
    const char *identity, *password;
    struct radius_auth_result res;
    struct responder_stats stats;
    char server_addr[32];
    double seconds;
};

static void init_run(struct run *r, EAP_METHOD_TYPE type,
                     enum responder_script script)
{
    memset(r, 0, sizeof *r);
    r->server.type = type;
    r->server.identity = "alice";
    r->server.password = "secret";
    r->server.secret = SECRET;
    r->server.script = script;
    r->identity = "alice";
    r->password = "secret";
    r->cfg.client.secret = SECRET;
    r->cfg.client.timeout_ms = try_ms();
    r->cfg.client.retries = RETRIES;
    r->cfg.client.deadline_ms = 20000;
}

static void go(struct run *r)
{
    struct responder *resp = NULL;
    EAP_SESSIONID id = 0;
    EAP_ERROR *e = NULL;
    struct timespec t0, t1;

    ck_assert_int_eq(responder_start(&r->server, &resp), 0);
    snprintf(r->server_addr, sizeof r->server_addr,
             r->server.ipv6 ? "[::1]:%u" : "127.0.0.1:%u",
             responder_port(resp));
    if (!r->cfg.client.server)
        r->cfg.client.server = r->server_addr;
    ck_assert_uint_eq(EapHostPeerBeginSession(0, r->server.type, NULL, NULL,
                                              0, NULL, 0, NULL,
                                              RADIUS_AUTH_DEFAULT_MAX_SEND,
                                              NULL, NULL, NULL, &id, &e),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_session_set_credentials(id, r->identity,
                                                      r->password),
                      ERROR_SUCCESS);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    radius_auth_run(id, &r->cfg, &r->res);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    r->seconds = (double)(t1.tv_sec - t0.tv_sec) +
                 (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    ck_assert_uint_eq(EapHostPeerEndSession(id, &e), ERROR_SUCCESS);
    responder_stop(resp, &r->stats);
    /* Whatever happened, the requests were well formed, the
     * Message-Authenticator first. */
    ck_assert_uint_eq(r->stats.bad_requests, 0);
    ck_assert_uint_eq(r->stats.ma_not_first, 0);
    ck_assert_uint_eq(r->stats.changed_retransmissions, 0);
}

static unsigned long total_dropped(const struct radius_auth_result *res)
{
    unsigned long n = 0;
    int i;

    for (i = 0; i < RADIUS_DROP_COUNT; i++)
        n += res->counters.dropped[i];
    return n;
}

#define assert_outcome(r, want)                                              \
    ck_assert_msg((r)->res.outcome == (want), "outcome %s, expected %s: %s", \
                  radius_auth_outcome_name((r)->res.outcome),                \
                  radius_auth_outcome_name(want), (r)->res.reason)

/* ---- the well-behaved server ------------------------------------------------ */

START_TEST(test_md5_success)
{
    struct run r;

    init_run(&r, md5, RS_NORMAL);
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_SUCCESS);
    ck_assert_str_eq(r.res.reason, "");
    ck_assert_uint_eq(r.res.code, 0);
    ck_assert_uint_eq(r.res.packets, 5);
    ck_assert_uint_eq(r.res.challenges, 1);
    ck_assert_int_eq(r.res.keys, RADIUS_KEYS_NONE);
    ck_assert_uint_eq(r.res.counters.requests, 2);
    ck_assert_uint_eq(r.res.counters.replies, 2);
    ck_assert_uint_eq(r.res.counters.retransmissions, 0);
    ck_assert_uint_eq(total_dropped(&r.res), 0);
    ck_assert_str_eq(r.res.server, r.server_addr);
    /* The server saw State echoed, the default attributes. */
    ck_assert_uint_eq(r.stats.requests, 2);
    ck_assert_uint_eq(r.stats.state_echoed, 1);
    ck_assert_uint_eq(r.stats.state_wrong, 0);
    ck_assert_str_eq(r.stats.user_name, "alice");
    ck_assert_str_eq(r.stats.nas_identifier, "eaphost");
    ck_assert_uint_eq(r.stats.nas_ip_len, 0);
    ck_assert_str_eq(r.stats.calling_station_id, "");
    ck_assert_uint_eq(r.stats.framed_mtu, 1400);
    ck_assert_uint_eq(r.stats.outcomes, 1);
}
END_TEST

START_TEST(test_mschapv2_keys_match)
{
    struct run r;

    init_run(&r, mschapv2, RS_NORMAL);
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_SUCCESS);
    ck_assert_msg(r.res.keys == RADIUS_KEYS_MATCH, "keys: %s",
                  r.res.key_detail);
    ck_assert_uint_eq(r.res.msk_len, 32);
    ck_assert_uint_eq(r.res.server_keys_len, 32);
    ck_assert_mem_eq(r.res.msk, r.res.server_keys, 32);
    ck_assert_uint_eq(r.res.packets, 7);
    ck_assert_uint_eq(r.res.challenges, 2);
    ck_assert_uint_eq(r.stats.state_echoed, 2);
    ck_assert_uint_eq(total_dropped(&r.res), 0);
}
END_TEST

/* Wrong password: Access-Reject (EAP-MD5 and EAP-MSCHAPv2). */
START_TEST(test_rejected)
{
    struct run r;

    init_run(&r, _i ? mschapv2 : md5, RS_NORMAL);
    r.password = "wrong";
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_REJECTED);
    ck_assert_uint_ne(r.res.code, 0);
    ck_assert_ptr_nonnull(strstr(r.res.reason, "Access-Reject"));
    ck_assert_ptr_nonnull(strstr(r.res.reason, "Reply-Message: \"denied\""));
    ck_assert_int_eq(r.res.keys, RADIUS_KEYS_NONE);
    ck_assert_uint_eq(total_dropped(&r.res), 0);
    printf("rejected: %s (0x%08x)\n", r.res.reason, (unsigned)r.res.code);
}
END_TEST

START_TEST(test_attributes)
{
    struct run r;

    init_run(&r, md5, RS_NORMAL);
    r.cfg.nas_ip_address = "192.0.2.7";
    r.cfg.calling_station_id = "02-00-00-00-00-01";
    r.cfg.framed_mtu = 1200;
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_SUCCESS);
    ck_assert_uint_eq(r.stats.nas_ip_len, 4);
    ck_assert_mem_eq(r.stats.nas_ip, "\xc0\x00\x02\x07", 4);
    ck_assert_str_eq(r.stats.nas_identifier, "");
    ck_assert_str_eq(r.stats.calling_station_id, "02-00-00-00-00-01");
    ck_assert_uint_eq(r.stats.framed_mtu, 1200);

    init_run(&r, md5, RS_NORMAL);
    r.cfg.nas_ip_address = "2001:db8::7";
    r.cfg.nas_identifier = "switch-3";
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_SUCCESS);
    ck_assert_uint_eq(r.stats.nas_ip_len, 16);
    ck_assert_uint_eq(r.stats.nas_ip[15], 7);
    ck_assert_str_eq(r.stats.nas_identifier, "switch-3");
}
END_TEST

START_TEST(test_bad_configuration)
{
    static const char *const servers[] = { "127.0.0.1:", ":1812",
                                           "127.0.0.1:x", "[::1",
                                           "no.such.host.invalid:1812" };
    struct radius_auth_result res;
    struct radius_auth_config cfg;
    size_t i;

    memset(&cfg, 0, sizeof cfg);
    cfg.client.secret = SECRET;
    for (i = 0; i < sizeof servers / sizeof servers[0]; i++) {
        cfg.client.server = servers[i];
        ck_assert_int_eq(radius_auth_run(1, &cfg, &res), RADIUS_AUTH_ERROR);
        ck_assert_str_ne(res.reason, "");
        printf("server '%s': %s\n", servers[i], res.reason);
    }
    cfg.client.server = "127.0.0.1:9";
    cfg.client.secret = "";
    ck_assert_int_eq(radius_auth_run(1, &cfg, &res), RADIUS_AUTH_ERROR);
    ck_assert_str_eq(res.reason, "the RADIUS shared secret is empty");
    cfg.client.secret = SECRET;
    cfg.framed_mtu = 63;
    ck_assert_int_eq(radius_auth_run(1, &cfg, &res), RADIUS_AUTH_ERROR);
    cfg.framed_mtu = 0;
    cfg.nas_ip_address = "192.0.2";
    ck_assert_int_eq(radius_auth_run(1, &cfg, &res), RADIUS_AUTH_ERROR);
    ck_assert_ptr_nonnull(strstr(res.reason, "NAS address"));
}
END_TEST

START_TEST(test_identity_too_long)
{
    char name[300];
    struct run r;

    memset(name, 'n', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    init_run(&r, md5, RS_NORMAL);
    r.identity = name;
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_ERROR);
    ck_assert_ptr_nonnull(strstr(r.res.reason, "User-Name holds at most "
                                               "253"));
    ck_assert_uint_eq(r.stats.requests, 0);
}
END_TEST

/* Over IPv6 loopback. */
START_TEST(test_ipv6)
{
    int fd = socket(AF_INET6, SOCK_DGRAM, 0);
    struct sockaddr_in6 a;
    struct run r;

    memset(&a, 0, sizeof a);
    a.sin6_family = AF_INET6;
    a.sin6_addr = in6addr_loopback;
    /* Not a skip: a host without ::1 fails this test, visibly. */
    ck_assert_msg(fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0,
                  "IPv6 loopback (::1) cannot be bound here");
    close(fd);
    init_run(&r, mschapv2, RS_OTHER_PORT);
    r.server.ipv6 = true;
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_SUCCESS);
    ck_assert_str_eq(r.res.server, r.server_addr);
    ck_assert_int_eq(r.res.keys, RADIUS_KEYS_MATCH);
    ck_assert_uint_eq(r.res.counters.dropped[RADIUS_DROP_WRONG_SOURCE], 1);
    ck_assert_ptr_nonnull(strstr(r.res.last_drop, "a datagram from ::1 "
                                                  "port "));
}
END_TEST

/* A server that keeps challenging is given up after max_rounds. */
START_TEST(test_max_rounds)
{
    struct run r;

    init_run(&r, mschapv2, RS_NORMAL);
    r.cfg.max_rounds = 1;
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_ERROR);
    ck_assert_str_eq(r.res.reason, "more than 1 Access-Challenges; giving "
                                   "up");
    ck_assert_uint_eq(r.res.challenges, 2);
}
END_TEST

/* ---- keys that do not match ---------------------------------------------- */

static const struct {
    enum responder_script script;
    const char *detail;
} key_cases[] = {
    { RS_KEY_FLIPPED, "the MSK differs from MS-MPPE-Recv-Key" },
    { RS_KEY_MISSING, "no MS-MPPE keys" },
    { RS_KEY_MALFORMED, "MS-MPPE-Recv-Key is malformed" },
};

START_TEST(test_key_mismatch)
{
    struct run r;

    init_run(&r, mschapv2, key_cases[_i].script);
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_SUCCESS);
    ck_assert_int_eq(r.res.keys, RADIUS_KEYS_MISMATCH);
    ck_assert_msg(strstr(r.res.key_detail, key_cases[_i].detail) != NULL,
                  "key detail: %s", r.res.key_detail);
}
END_TEST

/* ---- the hostile server ---------------------------------------------------- */

static const struct {
    enum responder_script script;
    bool on_final;
    enum radius_drop want;
} hostile[] = {
    { RS_TRUNCATED, false, RADIUS_DROP_TRUNCATED },
    { RS_LENGTH_PAST_END, false, RADIUS_DROP_BAD_LENGTH },
    { RS_OVERSIZED, false, RADIUS_DROP_OVERSIZED },
    { RS_WRONG_ID, false, RADIUS_DROP_WRONG_ID },
    { RS_BAD_CODE, false, RADIUS_DROP_BAD_CODE },
    { RS_ATTR_SHORT, false, RADIUS_DROP_BAD_ATTRIBUTE },
    { RS_ATTR_PAST_END, false, RADIUS_DROP_BAD_ATTRIBUTE },
    { RS_WRONG_RESPONSE_AUTH, false, RADIUS_DROP_BAD_RESPONSE_AUTH },
    { RS_NO_MESSAGE_AUTH, false, RADIUS_DROP_NO_MESSAGE_AUTH },
    { RS_WRONG_MESSAGE_AUTH, false, RADIUS_DROP_BAD_MESSAGE_AUTH },
    { RS_TWO_MESSAGE_AUTH, false, RADIUS_DROP_BAD_MESSAGE_AUTH },
    { RS_OTHER_PORT, false, RADIUS_DROP_WRONG_SOURCE },
    { RS_EAP_LENGTH, false, RADIUS_DROP_BAD_EAP_MESSAGE },
    { RS_EAP_CODE, false, RADIUS_DROP_BAD_EAP_MESSAGE },
    { RS_EAP_MISSING, false, RADIUS_DROP_BAD_EAP_MESSAGE },
    { RS_EAP_SPLIT, false, RADIUS_DROP_BAD_EAP_MESSAGE },
    /* The same tricks on the Access-Accept. */
    { RS_NO_MESSAGE_AUTH, true, RADIUS_DROP_NO_MESSAGE_AUTH },
    { RS_WRONG_MESSAGE_AUTH, true, RADIUS_DROP_BAD_MESSAGE_AUTH },
    { RS_WRONG_RESPONSE_AUTH, true, RADIUS_DROP_BAD_RESPONSE_AUTH },
    { RS_OTHER_PORT, true, RADIUS_DROP_WRONG_SOURCE },
    { RS_WRONG_ID, true, RADIUS_DROP_WRONG_ID },
    { RS_EAP_CODE, true, RADIUS_DROP_BAD_EAP_MESSAGE },
    { RS_EAP_LENGTH, true, RADIUS_DROP_BAD_EAP_MESSAGE },
};

#define HOSTILE_COUNT ((int)(sizeof hostile / sizeof hostile[0]))

/* Broken once, then right: dropped for the exact reason, then success. */
START_TEST(test_hostile_then_right)
{
    enum radius_drop want = hostile[_i].want;
    char line[400];
    struct run r;

    init_run(&r, md5, hostile[_i].script);
    r.server.on_final = hostile[_i].on_final;
    go(&r);
    ck_assert_uint_eq(r.stats.broken_sent, 1);
    assert_outcome(&r, RADIUS_AUTH_SUCCESS);
    ck_assert_msg(r.res.counters.dropped[want] == 1 &&
                  total_dropped(&r.res) == 1,
                  "expected one drop as %s: %s", radius_drop_name(want),
                  radius_counters_format(&r.res.counters, line, sizeof line));
    ck_assert_str_ne(r.res.last_drop, "");
    ck_assert_uint_eq(r.res.counters.retransmissions, 0);
    printf("hostile case %2d (%s on the %s): dropped as %s: %s\n", _i + 1,
           radius_drop_name(want), hostile[_i].on_final ? "Accept"
                                                        : "Challenge",
           radius_drop_text(want), r.res.last_drop);
}
END_TEST

/* Broken every time (the retransmission gets the same): never trusted. */
START_TEST(test_hostile_alone)
{
    enum radius_drop want = hostile[_i].want;
    struct run r;

    init_run(&r, md5, hostile[_i].script);
    r.server.on_final = hostile[_i].on_final;
    r.server.no_repair = true;
    r.cfg.client.retries = 1;
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_NO_REPLY);
    ck_assert_uint_eq(r.res.code, ERROR_TIMEOUT);
    ck_assert_ptr_nonnull(strstr(r.res.reason, "no valid reply after 2 "
                                               "tries"));
    /* The first try and the retransmission got the broken reply. */
    ck_assert_uint_eq(r.res.counters.retransmissions, 1);
    ck_assert_uint_eq(r.res.counters.dropped[want], 2);
    ck_assert_uint_eq(total_dropped(&r.res), r.res.counters.dropped[want]);
    ck_assert_uint_eq(r.stats.outcomes, hostile[_i].on_final ? 1 : 0);
}
END_TEST

/* No reply at all: the same bytes again, RETRIES times, then give up. */
START_TEST(test_silent_server)
{
    char want[80];
    struct run r;

    init_run(&r, md5, RS_SILENT);
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_NO_REPLY);
    snprintf(want, sizeof want, "no valid reply after 3 tries of %u ms "
             "(server 127.0.0.1:", try_ms());
    ck_assert_ptr_nonnull(strstr(r.res.reason, want));
    ck_assert_uint_eq(r.res.counters.requests, 1);
    ck_assert_uint_eq(r.res.counters.retransmissions, RETRIES);
    ck_assert_uint_eq(r.res.counters.replies, 0);
    ck_assert_uint_eq(r.stats.requests, RETRIES + 1);
    ck_assert_uint_eq(r.stats.retransmissions, RETRIES);   /* byte-identical */
    ck_assert_msg(r.seconds >= 3 * try_ms() / 1000.0 - 0.01 &&
                  r.seconds < 3 * try_ms() / 1000.0 + 3, "took %.3f s",
                  r.seconds);
}
END_TEST

/* The overall deadline ends the wait before the retries are spent. */
START_TEST(test_deadline)
{
    struct run r;

    init_run(&r, md5, RS_SILENT);
    r.cfg.client.timeout_ms = 4000;
    r.cfg.client.retries = 10;
    r.cfg.client.deadline_ms = 400;
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_NO_REPLY);
    ck_assert_ptr_nonnull(strstr(r.res.reason, "deadline"));
    ck_assert_uint_eq(r.res.counters.retransmissions, 0);
    ck_assert_msg(r.seconds > 0.35 && r.seconds < 3.5, "took %.3f s",
                  r.seconds);
}
END_TEST

START_TEST(test_no_state)
{
    struct run r;

    init_run(&r, _i ? mschapv2 : md5, RS_NO_STATE);
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_SUCCESS);
    ck_assert_uint_eq(r.res.counters.challenges_without_state, _i ? 2 : 1);
    ck_assert_uint_eq(r.stats.state_echoed, 0);
    ck_assert_uint_eq(r.stats.state_wrong, 0);
    ck_assert_uint_eq(total_dropped(&r.res), 0);
    if (_i)
        ck_assert_int_eq(r.res.keys, RADIUS_KEYS_MATCH);
}
END_TEST

START_TEST(test_message_authenticator_last)
{
    struct run r;

    init_run(&r, mschapv2, RS_MA_LAST);
    go(&r);
    assert_outcome(&r, RADIUS_AUTH_SUCCESS);
    ck_assert_int_eq(r.res.keys, RADIUS_KEYS_MATCH);
    ck_assert_uint_eq(total_dropped(&r.res), 0);
}
END_TEST

static Suite *radius_suite(void)
{
    Suite *s = suite_create("radius transport");
    TCase *tc = tcase_create("server");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_md5_success);
    tcase_add_test(tc, test_mschapv2_keys_match);
    tcase_add_loop_test(tc, test_rejected, 0, 2);
    tcase_add_test(tc, test_attributes);
    tcase_add_test(tc, test_bad_configuration);
    tcase_add_test(tc, test_identity_too_long);
    tcase_add_test(tc, test_max_rounds);
    tcase_add_test(tc, test_ipv6);
    tcase_add_loop_test(tc, test_key_mismatch, 0,
                        (int)(sizeof key_cases / sizeof key_cases[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("hostile");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_hostile_then_right, 0, HOSTILE_COUNT);
    tcase_add_loop_test(tc, test_hostile_alone, 0, HOSTILE_COUNT);
    tcase_add_test(tc, test_silent_server);
    tcase_add_test(tc, test_deadline);
    tcase_add_loop_test(tc, test_no_state, 0, 2);
    tcase_add_test(tc, test_message_authenticator_last);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(radius_suite());
}
