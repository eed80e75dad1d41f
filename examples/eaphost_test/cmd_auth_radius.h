/*
 * cmd_auth_radius.h - `eaphost-test auth --radius HOST:PORT --secret S`:
 * the peer session runs against a RADIUS server (examples/radius/)
 * instead of the in-process authenticator.  The options, their parsing
 * and one authentication with its report (cmd_auth_radius.c).
 */
#ifndef EAPHOST_TEST_CMD_AUTH_RADIUS_H
#define EAPHOST_TEST_CMD_AUTH_RADIUS_H

#include <stdbool.h>

#include <eaptypes.h>

struct auth_options;

/* The RADIUS options of `auth`. */
struct auth_radius_options {
    const char *server;               /* --radius; NULL: in-process mode */
    const char *secret;               /* --secret */
    const char *nas_ip;               /* --nas-ip */
    const char *nas_identifier;       /* --nas-identifier */
    const char *calling_station_id;   /* --calling-station-id */
    DWORD framed_mtu;                 /* --framed-mtu; 0: the max send */
    DWORD timeout_ms;                 /* --radius-timeout; 0: default */
    DWORD retries;                    /* --radius-retries */
    bool retries_given;
    const char *other_given;          /* a RADIUS option other than
                                       * --radius, for the usage check */
};

/* getopt_long codes of the RADIUS options (clear of cmd_auth.c's). */
enum {
    OPT_RADIUS = 512, OPT_RADIUS_SECRET, OPT_NAS_IP, OPT_NAS_IDENTIFIER,
    OPT_CALLING_STATION_ID, OPT_FRAMED_MTU, OPT_RADIUS_TIMEOUT,
    OPT_RADIUS_RETRIES
};

/* Their entries in the getopt_long table of `auth`. */
#define AUTH_RADIUS_LONG_OPTIONS                                             \
    { "radius", required_argument, NULL, OPT_RADIUS },                       \
    { "secret", required_argument, NULL, OPT_RADIUS_SECRET },                \
    { "nas-ip", required_argument, NULL, OPT_NAS_IP },                       \
    { "nas-identifier", required_argument, NULL, OPT_NAS_IDENTIFIER },       \
    { "calling-station-id", required_argument, NULL,                         \
      OPT_CALLING_STATION_ID },                                              \
    { "framed-mtu", required_argument, NULL, OPT_FRAMED_MTU },               \
    { "radius-timeout", required_argument, NULL, OPT_RADIUS_TIMEOUT },       \
    { "radius-retries", required_argument, NULL, OPT_RADIUS_RETRIES }

/* The usage lines and help text of the RADIUS options. */
#define AUTH_RADIUS_USAGE                                                    \
    "                    [--radius HOST:PORT --secret SECRET [--nas-ip ADDR]\n" \
    "                    [--nas-identifier ID] [--calling-station-id ID]\n"  \
    "                    [--framed-mtu N] [--radius-timeout S]\n"            \
    "                    [--radius-retries N]]\n"
#define AUTH_RADIUS_HELP                                                     \
    "  --radius HOST:PORT    auth: authenticate against this RADIUS server\n" \
    "                        instead of the in-process authenticator\n"     \
    "                        ([IPV6]:PORT; port 1812 if left out)\n"         \
    "  --secret SECRET       auth: the RADIUS shared secret\n"               \
    "  --nas-ip ADDR         auth: NAS-IP-Address (IPv4) or\n"              \
    "                        NAS-IPv6-Address to send\n"                    \
    "  --nas-identifier ID   auth: NAS-Identifier to send (default\n"       \
    "                        \"eaphost\" when --nas-ip is not given)\n"     \
    "  --calling-station-id ID  auth: Calling-Station-Id to send\n"         \
    "  --framed-mtu N        auth: Framed-MTU to send (64-65535; default:\n" \
    "                        the max send size, 1400 with --radius)\n"      \
    "  --radius-timeout S    auth: wait per try, in seconds (default 3;\n"  \
    "                        fractions such as 0.5 allowed)\n"              \
    "  --radius-retries N    auth: retransmissions of a request (default 3)\n"

/**
 * auth_radius_option() - take one RADIUS option.
 * @c: the getopt_long code.
 * @value: its argument.
 * @r: the options to fill.
 * @status: receives the exit status after a usage message.
 *
 * Return: 1 when @c was a RADIUS option and taken; 0 when it is none;
 * -1 when its value is wrong (usage message printed, *@status set).
 */
int auth_radius_option(int c, const char *value,
                       struct auth_radius_options *r, int *status);

/**
 * auth_radius_check() - after parsing: check the RADIUS options against
 * the others, and with --radius make the max send size the transport's
 * default (1400) unless --max-send was given.
 * @o: the parsed options.
 * @status: receives the exit status after a usage message.
 *
 * Return: true when they fit together.
 */
bool auth_radius_check(struct auth_options *o, int *status);

/**
 * auth_radius_one() - one authentication against the RADIUS server,
 * reported as the in-process mode reports it: the result line, then, where
 * the method derived keys, "MSK: <hex>" and whether it matches the
 * server's MS-MPPE keys; a line of RADIUS counters when a reply was
 * dropped or a request retransmitted, or on failure.
 * @o: the options (EapHostPeerInitialize() done, the author known).
 * @prefix: put before each line ("run 2: "), or "".
 * @name: the method's friendly name.
 * @show: print even when it succeeded.
 *
 * Return: true when the server accepted, the peer succeeded and the keys,
 * if any, match.
 */
bool auth_radius_one(const struct auth_options *o, const char *prefix,
                     const char *name, bool show);

#endif /* EAPHOST_TEST_CMD_AUTH_RADIUS_H */
