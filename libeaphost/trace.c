/*
 * trace.c - trace events as JSON objects (cJSON builds them).
 *
 * The packet path pays one atomic load when tracing is off.  Secrets are
 * redacted here, in one place, unless EAPHOST_TRACE_SECRETS was asked for.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#include <cJSON.h>
#include <eaphost/trace.h>

#define EAP_TYPE_IDENTITY 1
#define EAP_TYPE_NOTIFICATION 2
#define EAP_TYPE_NAK 3

static struct {
    eaphost_trace_fn fn;      /* atomic: NULL means off */
    void *context;
    DWORD flags;
} tracer;

int eh_tracing;

DWORD eaphost_set_trace(eaphost_trace_fn fn, void *context, DWORD flags)
{
    if (flags & ~EAPHOST_TRACE_SECRETS)
        return ERROR_INVALID_PARAMETER;
    __atomic_store_n(&eh_tracing, 0, __ATOMIC_RELEASE);
    __atomic_store_n(&tracer.fn, NULL, __ATOMIC_RELEASE);
    tracer.context = context;
    tracer.flags = flags;
    __atomic_store_n(&tracer.fn, fn, __ATOMIC_RELEASE);
    __atomic_store_n(&eh_tracing, fn != NULL, __ATOMIC_RELEASE);
    return ERROR_SUCCESS;
}

/**
 * eh_trace_on() - whether events are wanted (cheap).
 */
bool eh_trace_on(void)
{
    return __atomic_load_n(&tracer.fn, __ATOMIC_ACQUIRE) != NULL;
}

static bool show_secrets(void)
{
    return (tracer.flags & EAPHOST_TRACE_SECRETS) != 0;
}

static const char *side_name(enum eh_trace_side side)
{
    return side == EH_TRACE_AUTHENTICATOR ? "authenticator" : "peer";
}

static void type_text(const EAP_METHOD_TYPE *t, char *buf, size_t n)
{
    if (t->eapType.type == 254)
        snprintf(buf, n, "254:%u:%u", (unsigned)t->eapType.dwVendorId,
                 (unsigned)t->eapType.dwVendorType);
    else
        snprintf(buf, n, "%u", t->eapType.type);
}

/* A new event object with the fields every event has; NULL on OOM. */
static cJSON *new_event(const char *event, enum eh_trace_side side,
                        EAP_SESSIONID session, const EAP_METHOD_TYPE *type)
{
    cJSON *o = cJSON_CreateObject();
    char text[48];

    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "event", event);
    cJSON_AddStringToObject(o, "side", side_name(side));
    cJSON_AddNumberToObject(o, "session", session);
    if (type) {
        type_text(type, text, sizeof(text));
        cJSON_AddStringToObject(o, "type", text);
    }
    return o;
}

/* Hand the event over and free it. */
static void emit(cJSON *o)
{
    eaphost_trace_fn fn = __atomic_load_n(&tracer.fn, __ATOMIC_ACQUIRE);
    char *text;

    if (!o)
        return;
    text = fn ? cJSON_PrintUnformatted(o) : NULL;
    if (text) {
        fn(tracer.context, text);
        cJSON_free(text);
    }
    cJSON_Delete(o);
}

static void add_hex(cJSON *o, const char *key, const BYTE *p, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    char *hex = eh_malloc(n * 2 + 1);
    size_t i;

    if (!hex)
        return;
    for (i = 0; i < n; i++) {
        hex[2 * i] = digits[p[i] >> 4];
        hex[2 * i + 1] = digits[p[i] & 15];
    }
    hex[2 * n] = '\0';
    cJSON_AddStringToObject(o, key, hex);
    eh_free(hex);
}

static void add_redacted(cJSON *o, const char *key, size_t n)
{
    char text[48];

    snprintf(text, sizeof(text), "(redacted, %zu bytes)", n);
    cJSON_AddStringToObject(o, key, text);
}

/**
 * eh_trace_call() - one host -> method call and its result.
 * @action: the method's action for routines that return one, else -1.
 */
void eh_trace_call(enum eh_trace_side side, EAP_SESSIONID session,
                   const EAP_METHOD_TYPE *type, const char *function,
                   DWORD rc, int action)
{
    static const char *const actions[] = { "Discard", "Send", "Result",
                                           "InvokeUI", "Respond", "None" };
    cJSON *o;

    if (!eh_trace_on())
        return;
    o = new_event("call", side, session, type);
    if (!o)
        return;
    cJSON_AddStringToObject(o, "function", function);
    cJSON_AddNumberToObject(o, "rc", rc);
    cJSON_AddStringToObject(o, "rc_name", eaphost_error_name(rc));
    if (action >= 0 && action < 6)
        cJSON_AddStringToObject(o, "action", actions[action]);
    else if (action >= 6)
        cJSON_AddNumberToObject(o, "action", action);
    emit(o);
}

/**
 * eh_trace_dll_main() - DllMain of a plugin library and what it returned.
 * @type: the method whose load called it, or NULL (detach of a library).
 * @reason: "DLL_PROCESS_ATTACH" or "DLL_PROCESS_DETACH".
 */
void eh_trace_dll_main(const EAP_METHOD_TYPE *type, const char *reason,
                       BOOL result)
{
    cJSON *o;

    if (!eh_trace_on())
        return;
    o = new_event("call", EH_TRACE_PEER, 0, type);
    if (!o)
        return;
    cJSON_AddStringToObject(o, "function", "DllMain");
    cJSON_AddStringToObject(o, "reason", reason);
    cJSON_AddBoolToObject(o, "result", result != FALSE);
    emit(o);
}

/**
 * eh_trace_credentials() - EapPeerSetCredentials: the identity is shown,
 * the password only with EAPHOST_TRACE_SECRETS.
 */
void eh_trace_credentials(EAP_SESSIONID session, const EAP_METHOD_TYPE *type,
                          const char *identity, const WCHAR *password,
                          DWORD rc)
{
    cJSON *o;
    char *clear;

    if (!eh_trace_on())
        return;
    o = new_event("call", EH_TRACE_PEER, session, type);
    if (!o)
        return;
    cJSON_AddStringToObject(o, "function", "EapPeerSetCredentials");
    cJSON_AddStringToObject(o, "identity", identity ? identity : "");
    if (!password)
        cJSON_AddNullToObject(o, "password");
    else if (show_secrets()) {
        clear = eh_utf16_to_utf8_dup(password);
        cJSON_AddStringToObject(o, "password", clear ? clear : "");
        eh_free_secret(clear, clear ? strlen(clear) : 0);
    } else
        cJSON_AddStringToObject(o, "password", "(redacted)");
    cJSON_AddNumberToObject(o, "rc", rc);
    cJSON_AddStringToObject(o, "rc_name", eaphost_error_name(rc));
    emit(o);
}

/* Type data of Identity, Notification and Nak carries no secret. */
static bool packet_data_public(const BYTE *p, DWORD len)
{
    return len >= 5 && (p[4] == EAP_TYPE_IDENTITY ||
                        p[4] == EAP_TYPE_NOTIFICATION || p[4] == EAP_TYPE_NAK);
}

/**
 * eh_trace_packet() - an EAP packet crossing the host.
 * @direction: "in" (from the network) or "out" (to the network).
 * @len: bytes in @p; a malformed packet is shown as raw length only.
 */
void eh_trace_packet(enum eh_trace_side side, EAP_SESSIONID session,
                     const char *direction, const BYTE *p, DWORD len)
{
    DWORD declared;
    cJSON *o;

    if (!eh_trace_on())
        return;
    o = new_event("packet", side, session, NULL);
    if (!o)
        return;
    cJSON_AddStringToObject(o, "direction", direction);
    if (len < 4) {
        cJSON_AddNumberToObject(o, "size", len);
        emit(o);
        return;
    }
    declared = ((DWORD)p[2] << 8) | p[3];
    cJSON_AddNumberToObject(o, "code", p[0]);
    cJSON_AddNumberToObject(o, "id", p[1]);
    cJSON_AddNumberToObject(o, "length", declared);
    if (declared > len || declared < 5) {
        if (declared != 4)
            cJSON_AddNumberToObject(o, "size", len);
        emit(o);
        return;
    }
    cJSON_AddNumberToObject(o, "type", p[4]);
    if (show_secrets() || packet_data_public(p, declared))
        add_hex(o, "data", p + 5, declared - 5);
    else
        add_redacted(o, "data", declared - 5);
    emit(o);
}

/**
 * eh_trace_attributes() - attributes a method returned: types and lengths;
 * values only with EAPHOST_TRACE_SECRETS (they hold keys).
 */
void eh_trace_attributes(enum eh_trace_side side, EAP_SESSIONID session,
                         const EAP_METHOD_TYPE *type, const char *function,
                         const EAP_ATTRIBUTE *a, DWORD count)
{
    cJSON *o, *list;
    DWORD i;

    if (!eh_trace_on())
        return;
    o = new_event("attributes", side, session, type);
    if (!o)
        return;
    cJSON_AddStringToObject(o, "function", function);
    list = cJSON_AddArrayToObject(o, "attributes");
    for (i = 0; list && i < count; i++) {
        cJSON *item = cJSON_CreateObject();

        if (!item)
            break;
        cJSON_AddNumberToObject(item, "type", a[i].eaType);
        cJSON_AddNumberToObject(item, "length", a[i].dwLength);
        if (show_secrets())
            add_hex(item, "value", a[i].pValue, a[i].dwLength);
        else
            add_redacted(item, "value", a[i].dwLength);
        cJSON_AddItemToArray(list, item);
    }
    emit(o);
}

void eaphost_trace_text(const char *source, const char *text)
{
    cJSON *o;

    if (!EH_TRACING() || !text)
        return;
    o = cJSON_CreateObject();
    if (!o)
        return;
    cJSON_AddStringToObject(o, "event", "method_trace");
    cJSON_AddStringToObject(o, "source", source ? source : "");
    cJSON_AddStringToObject(o, "text", text);
    emit(o);
}

BOOL eaphost_trace_active(void)
{
    return EH_TRACING() ? TRUE : FALSE;
}
