/*
 * auth_run.c - the run of `eaphost-test auth`: the user database, the
 * trace file, the registry checks, the authentications and their report.
 *
 * Result lines:
 *   EAP-MD5: SUCCESS (identity alice, 5 packets)
 *   EAP-MD5: FAILURE: EAP_E_USER_NAME_PASSWORD_REJECTED (0x80420112): <why>
 * then, where keys were derived, "MSK: <hex>" and whether the peer's and
 * the authenticator's MSKs match (a mismatch is a failure).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <eappapis.h>
#include <eaphost/authenticator.h>
#include <eaphost/trace.h>

#include "auth_run.h"
#include "cli.h"

/* ---- trace file -------------------------------------------------------- */

static void trace_line(void *context, const char *json)
{
    FILE *f = context;

    fputs(json, f);
    fputc('\n', f);
}

/* Open @path for the trace (mode 0600: it may hold secrets). */
static FILE *open_trace(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

    if (!f) {
        fprintf(stderr, CLI_NAME ": --trace %s: %s\n", path, strerror(errno));
        if (fd >= 0)
            close(fd);
    }
    return f;
}

static bool close_trace(FILE *f, const char *path)
{
    bool ok;

    eaphost_set_trace(NULL, NULL, 0);
    ok = !ferror(f);
    ok = fclose(f) == 0 && ok;
    if (!ok)
        fprintf(stderr, CLI_NAME ": --trace %s: write error\n", path);
    return ok;
}

/* ---- user database ----------------------------------------------------- */

static eaphost_user_db *make_users(const struct auth_options *o)
{
    eaphost_user_db *db = NULL;
    char *text = NULL;
    const char *pw;
    DWORD rc;

    if (o->users_file) {
        rc = eaphost_user_db_load(o->users_file, &db, &text);
        if (rc != ERROR_SUCCESS) {
            fprintf(stderr, CLI_NAME ": --users: %s\n",
                    text ? text : eaphost_error_message(rc));
            eaphost_free(text);
            return NULL;
        }
        return db;
    }
    pw = o->server_password ? o->server_password
         : o->password ? o->password : "";
    rc = eaphost_user_db_new(&db);
    if (rc == ERROR_SUCCESS)
        rc = eaphost_user_db_add(db, o->identity, pw);
    if (rc != ERROR_SUCCESS) {
        fprintf(stderr, CLI_NAME ": the identity or password cannot be "
                "stored: %s\n", eaphost_error_message(rc));
        eaphost_user_db_free(db);
        return NULL;
    }
    return db;
}

/* ---- the method as registered ------------------------------------------ */

/* Its friendly name (or "EAP type T") into @name; warnings about its
 * registry file, or every refused file when it is not registered. */
static void describe_method(const EAP_METHOD_TYPE *t, char *name, size_t n)
{
    eaphost_method_entry *list = NULL;
    eaphost_problem *p = NULL;
    DWORD count = 0, np = 0, i;
    const char *file = NULL;
    char type[CLI_TYPE_TEXT];

    snprintf(name, n, "EAP type %s", cli_type_text(&t->eapType, type));
    if (eaphost_list_methods(FALSE, &list, &count) != ERROR_SUCCESS)
        count = 0;
    for (i = 0; i < count; i++) {
        const EAP_METHOD_TYPE *e = &list[i].type;
        if (e->eapType.type == t->eapType.type &&
            e->eapType.dwVendorId == t->eapType.dwVendorId &&
            e->eapType.dwVendorType == t->eapType.dwVendorType &&
            e->dwAuthorId == t->dwAuthorId) {
            if (list[i].friendly_name)
                snprintf(name, n, "%s", list[i].friendly_name);
            file = list[i].registry_file;
            break;
        }
    }
    if (eaphost_get_registry_problems(&p, &np) == ERROR_SUCCESS && np > 0) {
        if (file) {
            cli_print_problems(stderr, CLI_NAME ": registry: ", p, np, file);
        } else {
            fprintf(stderr, CLI_NAME ": warning: method %s (author %" PRIu32
                    ") is not registered; the registry has problems:\n",
                    type, (uint32_t)t->dwAuthorId);
            cli_print_problems(stderr, CLI_NAME ": registry: ", p, np, NULL);
        }
    }
    eaphost_free_registry_problems(p, np);
    eaphost_free_method_list(list, count);
}

/* ---- one authentication ------------------------------------------------ */

static void print_failure(const char *prefix, const char *name, DWORD code,
                          const char *text)
{
    printf("%s%s: FAILURE: %s (0x%08" PRIX32 "): %s\n", prefix, name,
           eaphost_error_name(code), (uint32_t)code,
           text ? text : eaphost_error_message(code));
}

/* Code and text of a completed run that did not succeed on both sides. */
static DWORD failure_of(const eaphost_loopback_result *r, const char **text)
{
    const eaphost_loopback_side *a = &r->authenticator, *p = &r->peer;

    *text = NULL;
    if (!a->success && a->failure_reason)
        return a->failure_reason;
    if (!p->success && p->failure_reason)
        return p->failure_reason;
    *text = p->success ? "the peer reports success, the authenticator "
                         "failure" : "the authenticator reports success, "
                                     "the peer failure";
    return EAP_E_AUTHENTICATION_FAILED;
}

/*
 * Report one run: printed when @show or when it failed.  Returns true
 * when both sides succeeded and agree on their keys.
 */
static bool report(const char *prefix, const char *name, const char *identity,
                   DWORD rc, const eaphost_loopback_result *r, bool show)
{
    const char *text = NULL;

    if (rc != ERROR_SUCCESS || !r) {
        print_failure(prefix, name, rc, r ? r->error_text : NULL);
        return false;
    }
    if (!r->peer.success || !r->authenticator.success) {
        DWORD code = failure_of(r, &text);
        print_failure(prefix, name, code, text);
        return false;
    }
    bool keys = r->peer.keys_present || r->authenticator.keys_present;
    bool ok = !keys || r->keys_equal;
    if (!show && ok)
        return true;
    printf("%s%s: SUCCESS (identity %s, %" PRIu32 " packets)\n", prefix, name,
           identity, (uint32_t)r->packet_count);
    if (!keys)
        return true;
    printf("%sMSK: ", prefix);
    cli_print_hex(stdout, r->peer.keys_present ? r->peer.msk
                                               : r->authenticator.msk,
                  EAPHOST_MSK_LEN);
    putchar('\n');
    if (r->keys_equal)
        printf("%skeys: peer and authenticator MSKs match\n", prefix);
    else if (!r->peer.keys_present || !r->authenticator.keys_present)
        printf("%skeys: MISMATCH: only the %s derived keys\n", prefix,
               r->peer.keys_present ? "peer" : "authenticator");
    else
        printf("%skeys: MISMATCH: the peer's and the authenticator's MSKs "
               "differ\n", prefix);
    return ok;
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;

    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) +
           (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The authentications; returns how many failed. */
static DWORD run_all(const struct auth_options *o, const eaphost_user_db *db,
                     const char *name)
{
    eaphost_loopback_config cfg;
    struct timespec t0;
    DWORD i, failed = 0;
    char prefix[40] = "";

    memset(&cfg, 0, sizeof cfg);
    cfg.type = o->type;
    cfg.identity = o->identity;
    cfg.password = o->password;
    cfg.user_db = db;
    cfg.max_send = o->max_send;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < o->count; i++) {
        eaphost_loopback_result *r = NULL;
        DWORD rc;
        bool ok;

        if (o->count > 1 && i > 0)
            snprintf(prefix, sizeof prefix, "run %" PRIu32 ": ",
                     (uint32_t)i + 1);
        if (o->radius.server) {
            ok = auth_radius_one(o, prefix, name, i == 0);
        } else {
            rc = eaphost_loopback_run(&cfg, &r);
            ok = report(prefix, name, o->identity, rc, r, i == 0);
            eaphost_loopback_free(r);
        }
        if (!ok)
            failed++;
        fflush(stdout);
    }
    if (o->count_given) {
        double s = seconds_since(&t0);
        printf("%" PRIu32 " authentication%s in %.3f s: %.1f per second\n",
               (uint32_t)o->count, o->count == 1 ? "" : "s", s,
               (double)o->count / (s > 1e-9 ? s : 1e-9));
        if (failed)
            printf("%" PRIu32 " of %" PRIu32 " failed\n", (uint32_t)failed,
                   (uint32_t)o->count);
    }
    return failed;
}

int auth_run(const struct auth_options *o)
{
    struct auth_options opts = *o;
    eaphost_user_db *db;
    FILE *trace = NULL;
    char name[256];
    DWORD rc, failed;
    int status;

    /* With --radius the users are the RADIUS server's. */
    db = o->radius.server ? NULL : make_users(o);
    if (!db && !o->radius.server)
        return CLI_EXIT_FAILED;
    if (o->trace_file) {
        trace = open_trace(o->trace_file);
        if (!trace) {
            eaphost_user_db_free(db);
            return CLI_EXIT_FAILED;
        }
        eaphost_set_trace(trace_line, trace,
                          o->trace_secrets ? EAPHOST_TRACE_SECRETS : 0);
    }
    rc = EapHostPeerInitialize();
    if (rc != ERROR_SUCCESS) {
        fprintf(stderr, CLI_NAME ": EapHostPeerInitialize: %s\n",
                eaphost_error_message(rc));
        status = CLI_EXIT_FAILED;
    } else {
        if (!o->author_known && !o->author_given)
            cli_find_author(&opts.type);
        describe_method(&opts.type, name, sizeof name);
        failed = run_all(&opts, db, name);
        EapHostPeerUninitialize();
        status = failed ? CLI_EXIT_FAILED : CLI_EXIT_OK;
    }
    if (trace && !close_trace(trace, o->trace_file))
        status = CLI_EXIT_FAILED;
    eaphost_user_db_free(db);
    return status;
}
