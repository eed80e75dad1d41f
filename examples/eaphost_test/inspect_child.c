/*
 * inspect_child.c - what the inspect child does, in order:
 *
 *   1. the exports, looked up without binding (inspect_probe.c);
 *   2. a private registry naming the plugin for the peer half, and for
 *      the authenticator half when EapMethodAuthenticatorGetInfo is
 *      exported; the host initialised on it, every half validated;
 *   3. the peer half's load steps, routine table and one session
 *      (inspect_peer.c), with credentials when the method takes them
 *      (EapPeerSetCredentials set), else with a registry without dialogs;
 *   4. the authenticator half's (inspect_auth.c);
 *   5. EapHostPeerUninitialize: Shutdown, DllMain(DLL_PROCESS_DETACH).
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <eappapis.h>

#include "cli.h"
#include "inspect.h"

/* The plugin's path as a JSON string body. */
static void put_json_string(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
}

bool inspect_write_registry(const struct inspect_options *o,
                            bool authenticator, bool dialogs)
{
    const EAP_TYPE *t = &o->type.eapType;
    char path[4096];
    FILE *f;

    snprintf(path, sizeof path, "%s/inspect.json", o->registry_dir);
    f = fopen(path, "w");
    if (!f) {
        insp_fail("registry: %s: %s", path, strerror(errno));
        return false;
    }
    fprintf(f, "{\n  \"AuthorId\": %" PRIu32 ",\n  \"TypeId\": %u,\n",
            (uint32_t)o->type.dwAuthorId, (unsigned)t->type);
    if (t->type == 254)
        fprintf(f, "  \"VendorId\": %" PRIu32 ",\n  \"VendorType\": %" PRIu32
                ",\n", (uint32_t)t->dwVendorId, (uint32_t)t->dwVendorType);
    fputs("  \"PeerDllPath\": \"", f);
    put_json_string(f, o->plugin);
    fprintf(f, "\",\n  \"PeerFriendlyName\": \"inspected plugin\",\n"
               "  \"PeerInvokeUsernameDialog\": %d,\n"
               "  \"PeerInvokePasswordDialog\": %d", dialogs, dialogs);
    if (authenticator) {
        fputs(",\n  \"AuthenticatorDllPath\": \"", f);
        put_json_string(f, o->plugin);
        fputs("\",\n  \"AuthenticatorFriendlyName\": \"inspected plugin\"", f);
    }
    fputs("\n}\n", f);
    if (fclose(f) != 0 || chmod(path, 0644) != 0) {
        insp_fail("registry: %s: %s", path, strerror(errno));
        return false;
    }
    return true;
}

/* Registry problems are shown once, however often the entry is looked
 * for. */
static bool problems_shown;

/* The registry refused the file: its reasons are the load step's defect. */
static void report_problems(bool refused)
{
    eaphost_problem *p = NULL;
    DWORD n = 0, i;

    if (eaphost_get_registry_problems(&p, &n) != ERROR_SUCCESS)
        n = 0;
    for (i = 0; i < n && !problems_shown; i++) {
        if (p[i].severity == EAPHOST_PROBLEM_ERROR && refused)
            insp_fail("load: the registry entry for the plugin was refused: "
                      "%s", p[i].reason ? p[i].reason : "");
        else if (p[i].severity == EAPHOST_PROBLEM_WARNING)
            insp_warn("registry: %s", p[i].reason ? p[i].reason : "");
    }
    if (refused && n == 0 && !problems_shown)
        insp_fail("load: the registry entry for the plugin was refused");
    problems_shown = true;
    eaphost_free_registry_problems(p, n);
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

bool inspect_find_entry(const EAP_METHOD_TYPE *type, int *state,
                        char **reason, int *auth_state, char **auth_reason)
{
    eaphost_method_entry *list = NULL;
    DWORD count = 0, i;
    bool found = false;

    *reason = *auth_reason = NULL;
    *state = *auth_state = EAPHOST_METHOD_NOT_LOADED;
    if (eaphost_list_methods(TRUE, &list, &count) != ERROR_SUCCESS)
        count = 0;
    for (i = 0; i < count && !found; i++) {
        const eaphost_method_entry *e = &list[i];
        if (e->type.eapType.type != type->eapType.type ||
            e->type.eapType.dwVendorId != type->eapType.dwVendorId ||
            e->type.eapType.dwVendorType != type->eapType.dwVendorType ||
            e->type.dwAuthorId != type->dwAuthorId)
            continue;
        found = true;
        *state = e->state;
        *reason = dup_or_null(e->fault_reason);
        *auth_state = e->authenticator_state;
        *auth_reason = dup_or_null(e->authenticator_fault_reason);
    }
    eaphost_free_method_list(list, count);
    report_problems(!found);
    return found;
}

/* Initialise the host on the private registry. */
static bool host_start(const struct inspect_options *o, bool authenticator,
                       bool dialogs)
{
    DWORD rc;

    if (!inspect_write_registry(o, authenticator, dialogs))
        return false;
    insp_step("EapHostPeerInitialize (reading the private registry)");
    rc = eaphost_set_methods_dir(o->registry_dir);
    if (rc == ERROR_SUCCESS)
        rc = EapHostPeerInitialize();
    if (rc != ERROR_SUCCESS) {
        insp_fail("host: EapHostPeerInitialize: %s",
                  eaphost_error_message(rc));
        return false;
    }
    return true;
}

/* Step 5, and what the host tells of it when a half was loaded. */
static void host_stop(bool loaded)
{
    insp_step("EapHostPeerUninitialize (Shutdown, DllMain(DLL_PROCESS_DETACH), "
              "unload)");
    EapHostPeerUninitialize();
    if (loaded)
        insp_ok("unload: Shutdown and DllMain(DLL_PROCESS_DETACH), where "
                "present, returned (the host does not report their errors)");
}

int inspect_child(const struct inspect_options *o, int step_fd)
{
    struct inspect_exports exports;
    bool authenticator, dialogs = true, peer_ready, auth_ready = false;

    insp_report_init(step_fd);
    if (!inspect_probe_exports(o->plugin, &exports))
        return insp_finish();
    /* Without the list (the file did not open), the host says why. */
    authenticator = exports.listed &&
                    (exports.present & (1u << EXP_AUTH_GET_INFO));
    if (!host_start(o, authenticator, true))
        return insp_finish();
    peer_ready = inspect_peer(o, &exports, &dialogs);
    if (peer_ready && !dialogs) {
        /* The method takes no credentials: a registry without dialogs. */
        EapHostPeerUninitialize();
        if (!host_start(o, authenticator, false))
            return insp_finish();
    }
    if (peer_ready)
        inspect_peer_session(o, dialogs);
    if (authenticator)
        auth_ready = inspect_authenticator(o, &exports);
    else if (exports.listed)
        insp_section("authenticator half: none (EapMethodAuthenticatorGetInfo "
                     "is not exported)");
    else
        insp_section("authenticator half: not checked (the exports could not "
                     "be listed)");
    host_stop(peer_ready || auth_ready);
    return insp_finish();
}
