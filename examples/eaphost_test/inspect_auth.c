/*
 * inspect_auth.c - the authenticator half under inspection: its load
 * steps as the host saw them, its routine table, and one session up to
 * its first method Request (Request/Identity from the host, an Identity
 * Response, then the method's BeginSession and SendPacket).  The host
 * checks every Request the method writes; an invalid one is a defect.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <eappapis.h>
#include <eaphost/authenticator.h>

#include "cli.h"
#include "inspect.h"

static const char *const auth_steps[] = {
    "load:", "entry point:", "DllMain:", "EapMethodAuthenticatorGetInfo:",
    "routines:", "EapMethodAuthenticatorInitialize:", NULL
};

#define ROUTINE(r, name, required) { #name, (r)->name != NULL, required }

static void print_routines(const EAP_AUTHENTICATOR_METHOD_ROUTINES *r)
{
    const struct { const char *name; bool set; bool required; } t[] = {
        ROUTINE(r, EapMethodAuthenticatorInitialize, false),
        ROUTINE(r, EapMethodAuthenticatorBeginSession, true),
        ROUTINE(r, EapMethodAuthenticatorUpdateInnerMethodParams, false),
        ROUTINE(r, EapMethodAuthenticatorReceivePacket, true),
        ROUTINE(r, EapMethodAuthenticatorSendPacket, true),
        ROUTINE(r, EapMethodAuthenticatorGetAttributes, false),
        ROUTINE(r, EapMethodAuthenticatorSetAttributes, false),
        ROUTINE(r, EapMethodAuthenticatorGetResult, true),
        ROUTINE(r, EapMethodAuthenticatorEndSession, true),
        ROUTINE(r, EapMethodAuthenticatorShutdown, false),
    };
    char type[CLI_TYPE_TEXT];
    size_t i;

    if (r->pEapType)
        cli_type_text(&r->pEapType->eapType, type);
    insp_detail("EAP_AUTHENTICATOR_METHOD_ROUTINES (dwSizeInBytes %" PRIu32
                ", pEapType %s%s):", (uint32_t)r->dwSizeInBytes,
                r->pEapType ? "type " : "NULL", r->pEapType ? type : "");
    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        insp_detail("  %-46s %-5s %s", t[i].name, t[i].set ? "set" : "NULL",
                    t[i].required ? "required" : "optional");
}

/* The Request after the Identity Response: the method's first. */
static void check_request(const struct inspect_options *o, EAP_SESSIONID sid,
                          BYTE identity_id)
{
    const EAP_TYPE *t = &o->type.eapType;
    BYTE *p = NULL, want_id = (BYTE)(identity_id + 1);
    DWORD n = 0, rc;
    EAP_ERROR *err = NULL;
    char text[600], type[CLI_TYPE_TEXT];

    rc = eaphost_auth_get_packet(sid, &p, &n, &err);
    if (rc != ERROR_SUCCESS) {
        insp_fail("first Request: eaphost_auth_get_packet: %s",
                  insp_code_text(text, sizeof text, rc, err));
        return;
    }
    insp_packet("request", p, n);
    if (n < 5 || p[0] != 1 || p[1] != want_id ||
        ((DWORD)p[2] << 8 | p[3]) != n || p[4] != t->type ||
        (t->type == 254 && n < 12))
        insp_fail("first Request: not a Request of type %s with Identifier "
                  "%u and a matching Length", cli_type_text(t, type),
                  (unsigned)want_id);
    else
        insp_ok("first Request: a valid Request (Identifier %u, %" PRIu32
                " bytes, type %s)", (unsigned)want_id, (uint32_t)n,
                cli_type_text(t, type));
}

/* Identity Response to the host's Request/Identity; the first Request. */
static void exchange(const struct inspect_options *o, EAP_SESSIONID sid)
{
    static const char identity[] = "inspect";
    BYTE *req = NULL, resp[5 + sizeof identity - 1];
    DWORD n = 0, rc;
    EAP_ERROR *err = NULL;
    eaphost_auth_action action = EAPHOST_AUTH_DISCARD;
    char text[600];

    rc = eaphost_auth_start(sid, &req, &n, &err);
    if (rc != ERROR_SUCCESS || n < 5) {
        insp_fail("session: eaphost_auth_start: %s",
                  insp_code_text(text, sizeof text, rc, err));
        return;
    }
    insp_packet("request", req, n);
    resp[0] = 2;
    resp[1] = req[1];
    resp[2] = 0;
    resp[3] = (BYTE)sizeof resp;
    resp[4] = 1;
    memcpy(resp + 5, identity, sizeof identity - 1);
    insp_packet("response", resp, sizeof resp);
    insp_step("EapMethodAuthenticatorBeginSession and SendPacket (after the "
              "Identity Response)");
    rc = eaphost_auth_receive(sid, resp, sizeof resp, &action, &err);
    if (rc == EAP_E_EAPHOST_METHOD_INVALID_PACKET) {
        insp_fail("first Request: invalid: %s",
                  insp_code_text(text, sizeof text, rc, err));
    } else if (rc != ERROR_SUCCESS) {
        insp_fail("first Request: the method failed: %s",
                  insp_code_text(text, sizeof text, rc, err));
    } else {
        EapHostPeerFreeEapError(err);
        if (action == EAPHOST_AUTH_SEND)
            check_request(o, sid, resp[1]);
        else if (action == EAPHOST_AUTH_DISCARD)
            insp_fail("first Request: none: the Identity Response was "
                      "discarded");
        else
            insp_warn("first Request: none: the method decided at once (%s)",
                      action == EAPHOST_AUTH_SUCCESS ? "success" : "failure");
    }
}

static void session(const struct inspect_options *o)
{
    eaphost_user_db *db = NULL;
    EAP_SESSIONID sid = 0;
    EAP_ERROR *err = NULL;
    char text[600];
    DWORD rc;

    rc = eaphost_user_db_new(&db);
    if (rc == ERROR_SUCCESS)
        rc = eaphost_user_db_add(db, "inspect", "inspect");
    insp_step("eaphost_auth_begin");
    if (rc == ERROR_SUCCESS)
        rc = eaphost_auth_begin(o->type, db, CLI_DEFAULT_MAX_SEND, &sid,
                                &err);
    eaphost_user_db_free(db);
    if (rc != ERROR_SUCCESS) {
        insp_fail("session: eaphost_auth_begin: %s",
                  insp_code_text(text, sizeof text, rc, err));
        return;
    }
    exchange(o, sid);
    insp_step("EapMethodAuthenticatorEndSession");
    err = NULL;
    rc = eaphost_auth_end(sid, &err);
    if (rc == ERROR_SUCCESS)
        insp_ok("EapMethodAuthenticatorEndSession: succeeded");
    else
        insp_warn("EapMethodAuthenticatorEndSession: %s",
                  insp_code_text(text, sizeof text, rc, err));
}

bool inspect_authenticator(const struct inspect_options *o,
                           const struct inspect_exports *exports)
{
    EAP_AUTHENTICATOR_METHOD_ROUTINES r;
    int state, auth_state;
    char *reason, *auth_reason, type[CLI_TYPE_TEXT], info[112];
    const char *texts[7];
    bool ready;

    insp_section("authenticator half:");
    insp_step("loading and validating the authenticator half (DllMain, "
              "GetInfo, Initialize)");
    if (!inspect_find_entry(&o->type, &state, &reason, &auth_state,
                            &auth_reason)) {
        insp_detail("not checked: the registry refused the plugin");
        return false;
    }
    free(reason);
    memset(&r, 0, sizeof r);
    if (auth_state == EAPHOST_METHOD_READY)
        eaphost_get_method_routines(&o->type, NULL, &r);
    snprintf(info, sizeof info, "EapMethodAuthenticatorGetInfo: succeeded "
             "for type %s", cli_type_text(&o->type.eapType, type));
    texts[0] = "load: every symbol bound (dlopen RTLD_NOW)";
    texts[1] = "entry point: EapMethodAuthenticatorGetInfo, "
               "EapMethodAuthenticatorFreeMemory, "
               "EapMethodAuthenticatorFreeErrorMemory exported";
    texts[2] = exports->present & (1u << EXP_DLL_MAIN)
                   ? "DllMain: TRUE for DLL_PROCESS_ATTACH (or already "
                     "attached by the peer half)"
                   : "DllMain: not exported (optional)";
    texts[3] = info;
    texts[4] = "routines: every required routine set";
    texts[5] = r.EapMethodAuthenticatorInitialize
                   ? "EapMethodAuthenticatorInitialize: succeeded"
                   : "EapMethodAuthenticatorInitialize: NULL (optional)";
    texts[6] = NULL;
    ready = inspect_load_steps("authenticator", auth_state, auth_reason,
                               auth_steps, texts);
    free(auth_reason);
    if (!ready)
        return false;
    print_routines(&r);
    session(o);
    return true;
}
