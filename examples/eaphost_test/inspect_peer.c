/*
 * inspect_peer.c - the peer half under inspection: its load steps as the
 * host saw them, its routine table, and one session in which it answers
 * one well-formed Request of its type.  The host checks the answer (Code,
 * Identifier, Length, Type, size); an invalid one is a defect.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <eappapis.h>

#include "cli.h"
#include "inspect.h"

static const char *const peer_steps[] = {
    "load:", "entry point:", "DllMain:", "EapPeerGetInfo:", "routines:",
    "EapPeerInitialize:", NULL
};

#define ROUTINE(r, name, required) { #name, (r)->name != NULL, required }

static void print_routines(const EAP_PEER_METHOD_ROUTINES *r)
{
    const struct { const char *name; bool set; bool required; } t[] = {
        ROUTINE(r, EapPeerInitialize, false),
        ROUTINE(r, EapPeerGetIdentity, false),
        ROUTINE(r, EapPeerBeginSession, true),
        ROUTINE(r, EapPeerSetCredentials, false),
        ROUTINE(r, EapPeerProcessRequestPacket, true),
        ROUTINE(r, EapPeerGetResponsePacket, true),
        ROUTINE(r, EapPeerGetResult, true),
        ROUTINE(r, EapPeerGetUIContext, false),
        ROUTINE(r, EapPeerSetUIContext, false),
        ROUTINE(r, EapPeerGetResponseAttributes, false),
        ROUTINE(r, EapPeerSetResponseAttributes, false),
        ROUTINE(r, EapPeerEndSession, true),
        ROUTINE(r, EapPeerShutdown, false),
    };
    char type[CLI_TYPE_TEXT];
    size_t i;

    if (r->pEapType)
        cli_type_text(r->pEapType, type);
    insp_detail("EAP_PEER_METHOD_ROUTINES (dwVersion %" PRIu32 ", pEapType "
                "%s%s):", (uint32_t)r->dwVersion,
                r->pEapType ? "type " : "NULL", r->pEapType ? type : "");
    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        insp_detail("  %-30s %-5s %s", t[i].name, t[i].set ? "set" : "NULL",
                    t[i].required ? "required" : "optional");
}

bool inspect_peer(const struct inspect_options *o,
                  const struct inspect_exports *exports, bool *dialogs)
{
    EAP_PEER_METHOD_ROUTINES r;
    int state, auth_state;
    char *reason, *auth_reason, type[CLI_TYPE_TEXT], info[96];
    const char *texts[7];
    bool ready;

    insp_section("peer half:");
    *dialogs = true;
    insp_step("loading and validating the plugin (dlopen, DllMain, GetInfo, "
              "Initialize)");
    if (!inspect_find_entry(&o->type, &state, &reason, &auth_state,
                            &auth_reason))
        return false;
    free(auth_reason);
    if (state == EAPHOST_METHOD_FAULTY && exports->listed &&
        !(exports->present & (1u << EXP_PEER_GET_INFO)) &&
        (exports->present & (1u << EXP_AUTH_GET_INFO))) {
        insp_warn("peer half: none (EapPeerGetInfo is not exported)");
        free(reason);
        return false;
    }
    memset(&r, 0, sizeof r);
    if (state == EAPHOST_METHOD_READY)
        eaphost_get_method_routines(&o->type, &r, NULL);
    snprintf(info, sizeof info, "EapPeerGetInfo: succeeded for type %s",
             cli_type_text(&o->type.eapType, type));
    texts[0] = "load: every symbol bound (dlopen RTLD_NOW)";
    texts[1] = "entry point: EapPeerGetInfo, EapPeerFreeMemory, "
               "EapPeerFreeErrorMemory exported";
    texts[2] = !exports->listed ? "DllMain: accepted DLL_PROCESS_ATTACH, or "
                                  "not exported"
               : exports->present & (1u << EXP_DLL_MAIN)
                   ? "DllMain: TRUE for DLL_PROCESS_ATTACH"
                   : "DllMain: not exported (optional)";
    texts[3] = info;
    texts[4] = "routines: every required routine set";
    texts[5] = r.EapPeerInitialize ? "EapPeerInitialize: succeeded"
                                   : "EapPeerInitialize: NULL (optional)";
    texts[6] = NULL;
    ready = inspect_load_steps("peer", state, reason, peer_steps, texts);
    free(reason);
    if (!ready)
        return false;
    print_routines(&r);
    *dialogs = r.EapPeerSetCredentials != NULL;
    return true;
}

/* The host accepted a Response: check it here too, and show it. */
static void check_response(const struct inspect_options *o,
                           EAP_SESSIONID sid)
{
    const EAP_TYPE *t = &o->type.eapType;
    BYTE *p = NULL;
    DWORD n = 0, rc;
    EAP_ERROR *err = NULL;
    char text[600], type[CLI_TYPE_TEXT];

    rc = EapHostPeerGetSendPacket(sid, &n, &p, &err);
    if (rc != ERROR_SUCCESS) {
        insp_fail("answer: EapHostPeerGetSendPacket: %s",
                  insp_code_text(text, sizeof text, rc, err));
        return;
    }
    insp_packet("response", p, n);
    bool expanded_ok = t->type != 254 ||
        (n >= 12 && p[5] == (BYTE)(t->dwVendorId >> 16) &&
         p[6] == (BYTE)(t->dwVendorId >> 8) && p[7] == (BYTE)t->dwVendorId &&
         ((DWORD)p[8] << 24 | (DWORD)p[9] << 16 | (DWORD)p[10] << 8 |
          p[11]) == t->dwVendorType);
    if (n < 5 || p[0] != 2 || p[1] != 1 ||
        ((DWORD)p[2] << 8 | p[3]) != n || p[4] != t->type || !expanded_ok)
        insp_fail("answer: not a Response of type %s with Identifier 1 and "
                  "a matching Length", cli_type_text(t, type));
    else
        insp_ok("answer: a valid Response (Identifier 1, %" PRIu32 " bytes, "
                "type %s)", (uint32_t)n, cli_type_text(t, type));
}

static void request(const struct inspect_options *o, EAP_SESSIONID sid)
{
    BYTE req[12 + INSPECT_MAX_DATA];
    EapHostPeerResponseAction action = EapHostPeerResponseDiscard;
    EAP_ERROR *err = NULL;
    char text[600], type[CLI_TYPE_TEXT];
    DWORD n, rc;

    n = inspect_request(o, req, sizeof req);
    insp_packet("request", req, n);
    insp_step("EapPeerProcessRequestPacket (a Request of type %s, "
              "Identifier 1)", cli_type_text(&o->type.eapType, type));
    rc = EapHostPeerProcessReceivedPacket(sid, n, req, &action, &err);
    if (rc == EAP_E_EAPHOST_METHOD_INVALID_PACKET) {
        insp_fail("answer: invalid: %s",
                  insp_code_text(text, sizeof text, rc, err));
        return;
    }
    if (rc != ERROR_SUCCESS) {
        insp_warn("answer: the method refused the request: %s",
                  insp_code_text(text, sizeof text, rc, err));
        return;
    }
    EapHostPeerFreeEapError(err);
    switch (action) {
    case EapHostPeerResponseSend:
        check_response(o, sid);
        break;
    case EapHostPeerResponseDiscard:
        insp_warn("answer: none: the request was discarded");
        break;
    case EapHostPeerResponseInvokeUi:
        insp_ok("answer: the method asks for UI (InvokeUi)");
        break;
    case EapHostPeerResponseRespond:
        insp_ok("answer: the method asks for attributes (Respond)");
        break;
    case EapHostPeerResponseResult:
        insp_ok("answer: the method has its result at once (Result)");
        break;
    default:
        insp_warn("answer: unexpected action %d", (int)action);
        break;
    }
}

void inspect_peer_session(const struct inspect_options *o, bool dialogs)
{
    EAP_SESSIONID sid = 0;
    EAP_ERROR *err = NULL;
    char text[600];
    DWORD rc;

    if (!dialogs)
        insp_detail("EapPeerSetCredentials is NULL: the session runs "
                    "without credential dialogs");
    insp_step("EapPeerBeginSession");
    rc = EapHostPeerBeginSession(0, o->type, NULL, NULL, 0, NULL, 0, NULL,
                                 CLI_DEFAULT_MAX_SEND, NULL, NULL, NULL, &sid,
                                 &err);
    if (rc != ERROR_SUCCESS) {
        insp_fail("EapPeerBeginSession: %s",
                  insp_code_text(text, sizeof text, rc, err));
        return;
    }
    insp_ok("EapPeerBeginSession: succeeded");
    if (dialogs) {
        rc = eaphost_session_set_credentials(sid, "inspect", "inspect");
        if (rc != ERROR_SUCCESS)
            insp_warn("credentials: %s", eaphost_error_message(rc));
    }
    request(o, sid);
    insp_step("EapPeerEndSession");
    err = NULL;
    rc = EapHostPeerEndSession(sid, &err);
    if (rc == ERROR_SUCCESS)
        insp_ok("EapPeerEndSession: succeeded");
    else
        insp_warn("EapPeerEndSession: %s",
                  insp_code_text(text, sizeof text, rc, err));
}
