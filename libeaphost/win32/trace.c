/*
 * trace.c - the Trace* functions of rtutils.h and OutputDebugString.
 *
 * Every message ends in w32_trace_route(), the one place that decides
 * where method tracing goes: into the host's trace (eaphost_set_trace) as
 * a "method_trace" event, and to standard error, one line per message,
 * while the environment variable EAPHOST_TRACE_METHODS is set.
 *
 * Trace ids index a table of client names (id = index + 1) guarded by a
 * mutex; deregistered slots are reused.
 */
#include "w32_internal.h"

#include <eaphost/trace.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t clients_lock = PTHREAD_MUTEX_INITIALIZER;
static char **clients;          /* [id - 1]: name, NULL when free */
static size_t nclients;

/*
 * The library is unloaded with the last method that needs it: release the
 * client table then, so that names a method never deregistered, and the
 * table itself, are not lost.
 */
__attribute__((destructor)) static void free_clients(void)
{
    size_t i;

    pthread_mutex_lock(&clients_lock);
    for (i = 0; i < nclients; i++)
        free(clients[i]);
    free(clients);
    clients = NULL;
    nclients = 0;
    pthread_mutex_unlock(&clients_lock);
}

static bool to_stderr(void)
{
    return getenv("EAPHOST_TRACE_METHODS") != NULL;
}

/**
 * w32_trace_enabled() - whether method tracing goes anywhere.
 *
 * Return: true while the host traces (eaphost_set_trace) or
 * EAPHOST_TRACE_METHODS is set in the environment.
 */
bool w32_trace_enabled(void)
{
    return eaphost_trace_active() || to_stderr();
}

/**
 * w32_trace_route() - deliver one trace message.
 * @client: the name the method registered (or "debug").
 * @text: the message, UTF-8; trailing newlines are dropped.
 *
 * Writes "[eaphost-trace CLIENT] TEXT" and a newline to standard error in
 * one piece, when w32_trace_enabled().
 */
void w32_trace_route(const char *client, const char *text)
{
    size_t n = strlen(text);

    eaphost_trace_text(client, text);
    if (!to_stderr())
        return;
    while (n && (text[n - 1] == '\n' || text[n - 1] == '\r'))
        n--;
    flockfile(stderr);
    fprintf(stderr, "[eaphost-trace %s] %.*s\n", client, (int)n, text);
    funlockfile(stderr);
}

/* A copy of the name of trace client @id (free() it), or NULL if unknown. */
static char *client_name(DWORD id)
{
    char *name = NULL;

    pthread_mutex_lock(&clients_lock);
    if (id >= 1 && id <= nclients && clients[id - 1])
        name = strdup(clients[id - 1]);
    pthread_mutex_unlock(&clients_lock);
    return name;
}

static DWORD register_client(char *name)
{
    size_t i;
    char **grown;

    if (!name) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_TRACEID;
    }
    pthread_mutex_lock(&clients_lock);
    for (i = 0; i < nclients && clients[i]; i++)
        ;
    if (i == nclients) {
        grown = i < 0xFFFFFFF0u ? realloc(clients, (nclients + 1) * sizeof(*clients)) : NULL;
        if (!grown) {
            pthread_mutex_unlock(&clients_lock);
            free(name);
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return INVALID_TRACEID;
        }
        clients = grown;
        nclients++;
    }
    clients[i] = name;
    pthread_mutex_unlock(&clients_lock);
    return (DWORD)(i + 1);
}

/**
 * eaphost_w32_TraceRegisterExA() - TraceRegisterExA (and TraceRegisterA):
 * register a trace client.
 * @lpszCallerName: the name shown with each message (copied).
 * @dwFlags: accepted and ignored.
 *
 * Return: the trace id, released with TraceDeregister; INVALID_TRACEID with
 * the last error set for a NULL name or when out of memory.
 */
DWORD APIENTRY TraceRegisterExA(LPCSTR lpszCallerName, DWORD dwFlags)
{
    (void)dwFlags;
    if (!lpszCallerName) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_TRACEID;
    }
    return register_client(strdup(lpszCallerName));
}

/**
 * eaphost_w32_TraceRegisterExW() - TraceRegisterExW (and TraceRegisterW).
 * @lpszCallerName: the name (copied, as UTF-8).
 * @dwFlags: accepted and ignored.
 *
 * Return: as TraceRegisterExA.
 */
DWORD APIENTRY TraceRegisterExW(LPCWSTR lpszCallerName, DWORD dwFlags)
{
    (void)dwFlags;
    if (!lpszCallerName) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_TRACEID;
    }
    return register_client(w32_utf16_to_utf8_dup(lpszCallerName, (size_t)-1));
}

/**
 * eaphost_w32_TraceDeregisterExA() - TraceDeregisterExA: release a trace id.
 * @dwTraceID: an id from TraceRegister.
 * @dwFlags: accepted and ignored.
 *
 * Return: ERROR_SUCCESS, or ERROR_INVALID_PARAMETER for an unknown id.
 */
DWORD APIENTRY TraceDeregisterExA(DWORD dwTraceID, DWORD dwFlags)
{
    char *name = NULL;

    (void)dwFlags;
    pthread_mutex_lock(&clients_lock);
    if (dwTraceID >= 1 && dwTraceID <= nclients) {
        name = clients[dwTraceID - 1];
        clients[dwTraceID - 1] = NULL;
    }
    pthread_mutex_unlock(&clients_lock);
    if (!name)
        return ERROR_INVALID_PARAMETER;
    free(name);
    return ERROR_SUCCESS;
}

/**
 * eaphost_w32_TraceDeregisterExW() - TraceDeregisterExW: as
 * TraceDeregisterExA.
 * @dwTraceID: an id from TraceRegister.
 * @dwFlags: accepted and ignored.
 */
DWORD APIENTRY TraceDeregisterExW(DWORD dwTraceID, DWORD dwFlags)
{
    return TraceDeregisterExA(dwTraceID, dwFlags);
}

/**
 * eaphost_w32_TraceDeregisterA() - TraceDeregisterA: release a trace id.
 * @dwTraceID: an id from TraceRegister.
 */
DWORD APIENTRY TraceDeregisterA(DWORD dwTraceID)
{
    return TraceDeregisterExA(dwTraceID, 0);
}

/**
 * eaphost_w32_TraceDeregisterW() - TraceDeregisterW: release a trace id.
 * @dwTraceID: an id from TraceRegister.
 */
DWORD APIENTRY TraceDeregisterW(DWORD dwTraceID)
{
    return TraceDeregisterExA(dwTraceID, 0);
}

/* Format (Microsoft's rules) into a new UTF-8 string; *units: the length
 * in the format's own units.  NULL on a refused format or no memory. */
static char *format_message(const void *fmt, bool wide, va_list ap, size_t *units)
{
    struct w32_sink o = { wide, NULL, 0, 0 };
    va_list again;
    void *buf;
    char *text = NULL;

    va_copy(again, ap);
    if (w32_vformat(&o, fmt, wide, ap) == 0) {
        buf = malloc((o.len + 1) * (wide ? sizeof(WCHAR) : 1));
        if (buf) {
            o = (struct w32_sink){ wide, buf, o.len, 0 };
            if (w32_vformat(&o, fmt, wide, again) == 0) {
                *units = o.len;
                if (wide) {
                    text = w32_utf16_to_utf8_dup(buf, o.len);
                } else {
                    ((char *)buf)[o.len] = '\0';
                    text = buf;
                    buf = NULL;
                }
            }
            free(buf);
        }
    }
    va_end(again);
    return text;
}

static DWORD trace_vprint(DWORD id, const void *fmt, bool wide, va_list ap)
{
    char *name, *text;
    size_t units = 0;

    if (!fmt || !w32_trace_enabled())
        return 0;
    name = client_name(id);
    if (!name)
        return 0;
    text = format_message(fmt, wide, ap, &units);
    if (text)
        w32_trace_route(name, text);
    free(text);
    free(name);
    return text ? (DWORD)units : 0;
}

/**
 * eaphost_w32_TraceVprintfExA() - TraceVprintfExA: trace a formatted
 * message (narrow format: %s narrow, %S wide).
 * @dwTraceID: an id from TraceRegister.
 * @dwFlags: accepted and ignored (TRACE_USE_MASK ...).
 * @lpszFormat: the format.
 * @arglist: the arguments.
 *
 * Return: characters in the message, or 0 when it was discarded, the id is
 * unknown or the format refused.
 */
DWORD APIENTRY TraceVprintfExA(DWORD dwTraceID, DWORD dwFlags, LPCSTR lpszFormat,
                               va_list arglist)
{
    (void)dwFlags;
    return trace_vprint(dwTraceID, lpszFormat, false, arglist);
}

/**
 * eaphost_w32_TraceVprintfExW() - TraceVprintfExW: as TraceVprintfExA with
 * a wide format (%s wide, %S narrow).
 * @dwTraceID: an id from TraceRegister.
 * @dwFlags: accepted and ignored.
 * @lpszFormat: the format.
 * @arglist: the arguments.
 */
DWORD APIENTRY TraceVprintfExW(DWORD dwTraceID, DWORD dwFlags, LPCWSTR lpszFormat,
                               va_list arglist)
{
    (void)dwFlags;
    return trace_vprint(dwTraceID, lpszFormat, true, arglist);
}

/**
 * eaphost_w32_TracePrintfA() - TracePrintfA: TraceVprintfExA with variable
 * arguments.
 * @dwTraceID: an id from TraceRegister.
 * @lpszFormat: the format.
 */
DWORD APIENTRY TracePrintfA(DWORD dwTraceID, LPCSTR lpszFormat, ...)
{
    va_list ap;
    DWORD n;

    va_start(ap, lpszFormat);
    n = trace_vprint(dwTraceID, lpszFormat, false, ap);
    va_end(ap);
    return n;
}

/**
 * eaphost_w32_TracePrintfW() - TracePrintfW: TraceVprintfExW with variable
 * arguments.
 * @dwTraceID: an id from TraceRegister.
 * @lpszFormat: the format.
 */
DWORD APIENTRY TracePrintfW(DWORD dwTraceID, LPCWSTR lpszFormat, ...)
{
    va_list ap;
    DWORD n;

    va_start(ap, lpszFormat);
    n = trace_vprint(dwTraceID, lpszFormat, true, ap);
    va_end(ap);
    return n;
}

/**
 * eaphost_w32_TracePrintfExA() - TracePrintfExA: TracePrintfA with flags.
 * @dwTraceID: an id from TraceRegister.
 * @dwFlags: accepted and ignored.
 * @lpszFormat: the format.
 */
DWORD APIENTRY TracePrintfExA(DWORD dwTraceID, DWORD dwFlags, LPCSTR lpszFormat, ...)
{
    va_list ap;
    DWORD n;

    (void)dwFlags;
    va_start(ap, lpszFormat);
    n = trace_vprint(dwTraceID, lpszFormat, false, ap);
    va_end(ap);
    return n;
}

/**
 * eaphost_w32_TracePrintfExW() - TracePrintfExW: TracePrintfW with flags.
 * @dwTraceID: an id from TraceRegister.
 * @dwFlags: accepted and ignored.
 * @lpszFormat: the format.
 */
DWORD APIENTRY TracePrintfExW(DWORD dwTraceID, DWORD dwFlags, LPCWSTR lpszFormat, ...)
{
    va_list ap;
    DWORD n;

    (void)dwFlags;
    va_start(ap, lpszFormat);
    n = trace_vprint(dwTraceID, lpszFormat, true, ap);
    va_end(ap);
    return n;
}

/**
 * eaphost_w32_TracePutsExA() - TracePutsExA: trace a string as it is.
 * @dwTraceID: an id from TraceRegister.
 * @dwFlags: accepted and ignored.
 * @lpszString: the message.
 *
 * Return: its length, or 0 when discarded or the id is unknown.
 */
DWORD APIENTRY TracePutsExA(DWORD dwTraceID, DWORD dwFlags, LPCSTR lpszString)
{
    char *name;

    (void)dwFlags;
    if (!lpszString || !w32_trace_enabled() || !(name = client_name(dwTraceID)))
        return 0;
    w32_trace_route(name, lpszString);
    free(name);
    return (DWORD)strlen(lpszString);
}

/**
 * eaphost_w32_TracePutsExW() - TracePutsExW: trace a wide string as it is.
 * @dwTraceID: an id from TraceRegister.
 * @dwFlags: accepted and ignored.
 * @lpszString: the message.
 *
 * Return: its length in units, or 0.
 */
DWORD APIENTRY TracePutsExW(DWORD dwTraceID, DWORD dwFlags, LPCWSTR lpszString)
{
    char *text;
    DWORD n = 0;

    if (!lpszString || !w32_trace_enabled())
        return 0;
    text = w32_utf16_to_utf8_dup(lpszString, (size_t)-1);
    if (text && TracePutsExA(dwTraceID, dwFlags, text))
        n = (DWORD)wcslen(lpszString);
    free(text);
    return n;
}

/* One line of a hex dump: up to 16 bytes in groups of @group bytes. */
static void dump_line(const char *name, const char *prefix, const BYTE *p, DWORD n,
                      DWORD group, BOOL address, DWORD offset)
{
    char line[160];
    size_t len = 0;
    DWORD i, k;

    len += (size_t)snprintf(line + len, sizeof(line) - len, "%s", prefix ? prefix : "");
    if (len >= sizeof(line) - 64)
        len = sizeof(line) - 64;
    if (address)
        len += (size_t)snprintf(line + len, sizeof(line) - len, "%08x: ", (unsigned)offset);
    for (i = 0; i < n; i += group) {
        for (k = 0; k < group && i + k < n; k++)
            len += (size_t)snprintf(line + len, sizeof(line) - len, "%02x", p[i + k]);
        line[len++] = ' ';
    }
    line[len] = '\0';
    w32_trace_route(name, line);
}

static DWORD dump(DWORD id, LPBYTE bytes, DWORD count, DWORD group, BOOL address,
                  const char *prefix)
{
    char *name;
    DWORD off;

    if (!bytes || !w32_trace_enabled() || !(name = client_name(id)))
        return 0;
    if (group != 2 && group != 4)
        group = 1;
    for (off = 0; off < count; off += 16)
        dump_line(name, prefix, bytes + off, count - off < 16 ? count - off : 16, group,
                  address, off);
    free(name);
    return count;
}

/**
 * eaphost_w32_TraceDumpExA() - TraceDumpExA: trace bytes in hex, 16 per
 * line.
 * @dwTraceID: an id from TraceRegister.
 * @dwFlags: accepted and ignored.
 * @lpbBytes: the bytes.
 * @dwByteCount: how many.
 * @dwGroupSize: bytes per group: 1, 2 or 4 (others count as 1).
 * @bAddressPrefix: start each line with the offset.
 * @lpszPrefix: text in front of each line, or NULL.
 *
 * Return: bytes dumped, or 0 when discarded or the id is unknown.
 */
DWORD APIENTRY TraceDumpExA(DWORD dwTraceID, DWORD dwFlags, LPBYTE lpbBytes,
                            DWORD dwByteCount, DWORD dwGroupSize, BOOL bAddressPrefix,
                            LPCSTR lpszPrefix)
{
    (void)dwFlags;
    return dump(dwTraceID, lpbBytes, dwByteCount, dwGroupSize, bAddressPrefix, lpszPrefix);
}

/**
 * eaphost_w32_TraceDumpExW() - TraceDumpExW: TraceDumpExA with a wide
 * prefix.
 * @dwTraceID: an id from TraceRegister.
 * @dwFlags: accepted and ignored.
 * @lpbBytes: the bytes.
 * @dwByteCount: how many.
 * @dwGroupSize: bytes per group.
 * @bAddressPrefix: start each line with the offset.
 * @lpszPrefix: text in front of each line, or NULL.
 */
DWORD APIENTRY TraceDumpExW(DWORD dwTraceID, DWORD dwFlags, LPBYTE lpbBytes,
                            DWORD dwByteCount, DWORD dwGroupSize, BOOL bAddressPrefix,
                            LPCWSTR lpszPrefix)
{
    char *prefix = lpszPrefix ? w32_utf16_to_utf8_dup(lpszPrefix, (size_t)-1) : NULL;
    DWORD n;

    (void)dwFlags;
    n = dump(dwTraceID, lpbBytes, dwByteCount, dwGroupSize, bAddressPrefix, prefix);
    free(prefix);
    return n;
}

/**
 * eaphost_w32_OutputDebugStringA() - OutputDebugStringA: a debug message,
 * traced as client "debug".
 * @lpOutputString: the message, or NULL (nothing).
 */
void WINAPI OutputDebugStringA(LPCSTR lpOutputString)
{
    if (lpOutputString)
        w32_trace_route("debug", lpOutputString);
}

/**
 * eaphost_w32_OutputDebugStringW() - OutputDebugStringW: as
 * OutputDebugStringA, for a UTF-16 message.
 * @lpOutputString: the message, or NULL.
 */
void WINAPI OutputDebugStringW(LPCWSTR lpOutputString)
{
    char *text;

    if (!lpOutputString || !w32_trace_enabled())
        return;
    text = w32_utf16_to_utf8_dup(lpOutputString, (size_t)-1);
    if (text)
        w32_trace_route("debug", text);
    free(text);
}
