/*
 * cmd_auth_radius.c - `eaphost-test auth --radius HOST:PORT --secret S`:
 * the peer session (the EapHostPeer* API, credentials through
 * eaphost_session_set_credentials) runs against a RADIUS server through
 * the RADIUS transport (examples/radius/radius_auth.h), and the MSK the
 * method exported is compared with the server's MS-MPPE keys, as
 * eapol_test compares them.
 *
 * Output, per authentication shown:
 *   EAP-MSCHAPv2: SUCCESS (identity alice, 7 packets)
 *   MSK: <128 hex digits>
 *   MSK matches the server's MPPE keys
 * or "MSK MISMATCH: <why>" (a failure), or
 *   EAP-MD5: FAILURE: EAP_E_USER_NAME_PASSWORD_REJECTED (0x80420112): the
 *   server sent Access-Reject ...
 * and "RADIUS: <counters>" when replies were dropped or requests
 * retransmitted.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <eappapis.h>
#include <eaphost/eaphost.h>

#include "auth_run.h"
#include "cli.h"
#include "cmd_auth_radius.h"
#include "radius_auth.h"

/* "S" or "S.fff" seconds into milliseconds, 1 ms to 1 hour. */
static bool parse_seconds(const char *s, DWORD *ms)
{
    char whole[16];
    const char *dot = strchr(s, '.');
    size_t n = dot ? (size_t)(dot - s) : strlen(s), digits;
    DWORD sec = 0, frac = 0;

    if (n == 0 || n >= sizeof whole)
        return false;
    memcpy(whole, s, n);
    whole[n] = '\0';
    if (!cli_parse_u32(whole, 3600, &sec))
        return false;
    if (dot) {
        digits = strlen(dot + 1);
        if (digits == 0 || digits > 3 ||
            strspn(dot + 1, "0123456789") != digits)
            return false;
        frac = (DWORD)strtoul(dot + 1, NULL, 10);
        while (digits++ < 3)
            frac *= 10;
    }
    *ms = sec * 1000 + frac;
    return *ms >= 1 && *ms <= 3600000u;
}

int auth_radius_option(int c, const char *value,
                       struct auth_radius_options *r, int *status)
{
    const char *bad = NULL;

    switch (c) {
    case OPT_RADIUS: r->server = value; return 1;
    case OPT_RADIUS_SECRET: r->secret = value; break;
    case OPT_NAS_IP: r->nas_ip = value; break;
    case OPT_NAS_IDENTIFIER: r->nas_identifier = value; break;
    case OPT_CALLING_STATION_ID: r->calling_station_id = value; break;
    case OPT_FRAMED_MTU:
        if (!cli_parse_u32(value, 65535, &r->framed_mtu) ||
            r->framed_mtu < 64)
            bad = "--framed-mtu: '%s' is not a number from 64 to 65535";
        break;
    case OPT_RADIUS_TIMEOUT:
        if (!parse_seconds(value, &r->timeout_ms))
            bad = "--radius-timeout: '%s' is not a number of seconds from "
                  "0.001 to 3600";
        break;
    case OPT_RADIUS_RETRIES:
        if (!cli_parse_u32(value, 100, &r->retries))
            bad = "--radius-retries: '%s' is not a number from 0 to 100";
        r->retries_given = true;
        break;
    default:
        return 0;
    }
    if (bad) {
        *status = cli_usage_error("auth", bad, value);
        return -1;
    }
    r->other_given = c == OPT_RADIUS_SECRET ? "--secret"
                     : c == OPT_NAS_IP ? "--nas-ip"
                     : c == OPT_NAS_IDENTIFIER ? "--nas-identifier"
                     : c == OPT_CALLING_STATION_ID ? "--calling-station-id"
                     : c == OPT_FRAMED_MTU ? "--framed-mtu"
                     : c == OPT_RADIUS_TIMEOUT ? "--radius-timeout"
                                               : "--radius-retries";
    return 1;
}

bool auth_radius_check(struct auth_options *o, int *status)
{
    const struct auth_radius_options *r = &o->radius;

    if (!r->server) {
        if (!r->other_given)
            return true;
        *status = cli_usage_error("auth", "%s needs --radius",
                                  r->other_given);
        return false;
    }
    if (!r->secret || !r->secret[0]) {
        *status = cli_usage_error("auth", "--radius needs --secret");
        return false;
    }
    if (o->users_file || o->server_password) {
        *status = cli_usage_error("auth", "--users and --server-password "
                                  "are for the in-process authenticator, "
                                  "not --radius");
        return false;
    }
    if (!o->max_send_given)
        o->max_send = RADIUS_AUTH_DEFAULT_MAX_SEND;
    return true;
}

/* ---- one authentication ------------------------------------------------- */

/* The name of a failure's code, the transport's own where the code has
 * none in libeaphost's table. */
static const char *failure_name(const struct radius_auth_result *r)
{
    const char *name = eaphost_error_name(r->code);

    if (strcmp(name, "UNKNOWN_ERROR") != 0)
        return name;
    return r->outcome == RADIUS_AUTH_NO_REPLY ? "RADIUS_NO_REPLY"
                                              : "RADIUS_ERROR";
}

static void print_counters(const char *prefix,
                           const struct radius_auth_result *r)
{
    char line[400];

    printf("%sRADIUS: %s\n", prefix,
           radius_counters_format(&r->counters, line, sizeof line));
    if (r->last_drop[0])
        printf("%sRADIUS: last reply dropped: %s\n", prefix, r->last_drop);
}

static bool report(const char *prefix, const char *name,
                   const char *identity, const struct radius_auth_result *r,
                   bool show)
{
    const struct radius_counters *k = &r->counters;
    bool unusual = k->retransmissions || k->challenges_without_state ||
                   r->last_drop[0];
    bool ok = r->outcome == RADIUS_AUTH_SUCCESS &&
              r->keys != RADIUS_KEYS_MISMATCH;

    if (ok && !show && !unusual)
        return true;
    if (r->outcome != RADIUS_AUTH_SUCCESS) {
        printf("%s%s: FAILURE: %s (0x%08" PRIX32 "): %s\n", prefix, name,
               failure_name(r), (uint32_t)r->code, r->reason);
        print_counters(prefix, r);
        return false;
    }
    printf("%s%s: SUCCESS (identity %s, %" PRIu32 " packets)\n", prefix,
           name, identity, (uint32_t)r->packets);
    if (r->keys != RADIUS_KEYS_NONE) {
        printf("%sMSK: ", prefix);
        cli_print_hex(stdout, r->msk, EAPHOST_MSK_LEN);
        putchar('\n');
    }
    if (r->keys == RADIUS_KEYS_MATCH)
        printf("%sMSK matches the server's MPPE keys\n", prefix);
    if (r->keys == RADIUS_KEYS_MISMATCH) {
        printf("%sMSK MISMATCH: %s; the server's Recv-Key | Send-Key: ",
               prefix, r->key_detail);
        cli_print_hex(stdout, r->server_keys, r->server_keys_len);
        printf("%s\n", r->server_keys_len ? "" : "(none)");
    }
    if (unusual)
        print_counters(prefix, r);
    return ok;
}

/* The transport's configuration from the options. */
static void configure(const struct auth_options *o,
                      struct radius_auth_config *cfg)
{
    const struct auth_radius_options *r = &o->radius;

    memset(cfg, 0, sizeof *cfg);
    cfg->client.server = r->server;
    cfg->client.secret = r->secret;
    cfg->client.timeout_ms = r->timeout_ms ? r->timeout_ms
                                           : RADIUS_DEFAULT_TIMEOUT_MS;
    cfg->client.retries = r->retries_given ? r->retries
                                           : RADIUS_DEFAULT_RETRIES;
    /* Each authentication ends a second before --timeout ends the
     * process, so that the transport reports what it saw. */
    cfg->client.deadline_ms = o->timeout > 1 ? (o->timeout - 1) * 1000u
                                             : o->timeout * 1000u;
    cfg->nas_ip_address = r->nas_ip;
    cfg->nas_identifier = r->nas_identifier;
    cfg->calling_station_id = r->calling_station_id;
    cfg->framed_mtu = r->framed_mtu ? r->framed_mtu : o->max_send;
}

bool auth_radius_one(const struct auth_options *o, const char *prefix,
                     const char *name, bool show)
{
    struct radius_auth_config cfg;
    struct radius_auth_result res;
    EAP_SESSIONID session = 0;
    EAP_ERROR *err = NULL;
    DWORD rc;
    bool ok;

    rc = EapHostPeerBeginSession(0, o->type, NULL, NULL, 0, NULL, 0, NULL,
                                 o->max_send, NULL, NULL, NULL, &session,
                                 &err);
    if (rc == ERROR_SUCCESS)
        rc = eaphost_session_set_credentials(session, o->identity,
                                             o->password);
    if (rc != ERROR_SUCCESS) {
        char *why = cli_error_text(err);
        printf("%s%s: FAILURE: %s (0x%08" PRIX32 "): %s\n", prefix, name,
               eaphost_error_name(rc), (uint32_t)rc,
               why ? why : eaphost_error_message(rc));
        free(why);
        EapHostPeerFreeEapError(err);
        if (session)
            EapHostPeerEndSession(session, NULL);
        return false;
    }
    configure(o, &cfg);
    radius_auth_run(session, &cfg, &res);
    rc = EapHostPeerEndSession(session, &err);
    EapHostPeerFreeEapError(err);
    ok = report(prefix, name, o->identity, &res, show);
    memset(&res, 0, sizeof res);    /* the MSK */
    return ok && rc == ERROR_SUCCESS;
}
