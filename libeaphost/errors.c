/*
 * errors.c - names and messages of codes, and host-owned EAP_ERRORs.
 *
 * An EAP_ERROR built here is a single allocation: the structure, then its
 * root cause string, then its repair string, so that one eh_free() (or
 * EapHostPeerFreeEapError()) releases everything and a caller can never
 * free half of it.
 */
#include "internal.h"
#include "error_table.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/*
 * Longest string, in code units, taken from a method's EAP_ERROR.  A method
 * might hand over a string without a terminator; reading stops here.
 */
#define EH_METHOD_STRING_MAX 4096

/* Text for a reason whose format failed (vsnprintf reported an error). */
#define EH_UNFORMATTABLE_REASON "the reason text could not be formatted"

struct eh_error_info {
    DWORD code;
    const char *name;
    const char *message;
};

static const struct eh_error_info error_table[] = {
#define EH_ERROR_ENTRY(name, message) { (DWORD)(name), #name, message },
    EH_ERROR_TABLE(EH_ERROR_ENTRY)
#undef EH_ERROR_ENTRY
};

static const struct eh_error_info *find_error(DWORD code)
{
    for (size_t i = 0; i < sizeof error_table / sizeof error_table[0]; i++)
        if (error_table[i].code == code)
            return &error_table[i];
    return NULL;
}

/**
 * eaphost_error_name() - symbolic name of a Win32 / EAPHost code.
 * @code: the code.
 *
 * Return: a static string such as "EAP_E_EAPHOST_METHOD_NOT_INSTALLED", or
 * "UNKNOWN_ERROR" for a code the table does not hold.  Never NULL.
 */
const char *eaphost_error_name(DWORD code)
{
    const struct eh_error_info *info = find_error(code);

    return info ? info->name : "UNKNOWN_ERROR";
}

/**
 * eaphost_error_message() - one-line English description of a code.
 * @code: the code.
 *
 * Return: a static string, "unknown error code" for a code the table does
 * not hold.  Never NULL.
 */
const char *eaphost_error_message(DWORD code)
{
    const struct eh_error_info *info = find_error(code);

    return info ? info->message : "unknown error code";
}

/* A string length meaning "no string at all" (a NULL pointer). */
#define EH_NO_STRING SIZE_MAX

/* The strings live right after the structure. */
_Static_assert(sizeof(EAP_ERROR) % _Alignof(WCHAR) == 0,
               "EAP_ERROR strings would be misaligned");

static size_t string_room(size_t len)
{
    return len == EH_NO_STRING ? 0 : len + 1;
}

/*
 * Allocate an EAP_ERROR with room for a string of @root_len and one of
 * @repair_len code units after it (each plus its terminator, or nothing for
 * EH_NO_STRING).  Sets the codes and type, zeroes the rest and points the
 * string fields at their zeroed room.
 */
static EAP_ERROR *error_alloc(DWORD code, const EAP_METHOD_TYPE *type,
                              size_t root_len, size_t repair_len)
{
    size_t root_room = string_room(root_len);
    size_t repair_room = string_room(repair_len);
    size_t max_units = (SIZE_MAX - sizeof(EAP_ERROR)) / sizeof(WCHAR);

    if (root_room > max_units || repair_room > max_units - root_room)
        return NULL;

    size_t size = sizeof(EAP_ERROR) + (root_room + repair_room) * sizeof(WCHAR);
    EAP_ERROR *e = eh_calloc(1, size);

    if (!e)
        return NULL;
    WCHAR *strings = (WCHAR *)(e + 1);

    e->dwWinError = code;
    e->dwReasonCode = code;
    if (type)
        e->type = *type;
    if (root_room)
        e->pRootCauseString = strings;
    if (repair_room)
        e->pRepairString = strings + root_room;
    return e;
}

/* Format @fmt into a new string; NULL only when out of memory. */
EH_PRINTF(1, 0)
static char *format_reason(const char *fmt, va_list ap)
{
    va_list measure;
    int len;

    va_copy(measure, ap);
    len = vsnprintf(NULL, 0, fmt, measure);
    va_end(measure);
    if (len < 0)
        return eh_strdup(EH_UNFORMATTABLE_REASON);

    char *text = eh_malloc((size_t)len + 1);

    if (!text)
        return NULL;
    if (vsnprintf(text, (size_t)len + 1, fmt, ap) != len) {
        eh_free(text);
        return eh_strdup(EH_UNFORMATTABLE_REASON);
    }
    return text;
}

/**
 * eh_error_newv() - build a host-owned EAP_ERROR, va_list form.
 * @code: goes to dwWinError and dwReasonCode.
 * @type: the method concerned, copied to the type field; NULL leaves it
 *        zero.
 * @fmt: printf format of the reason (UTF-8), or NULL for no
 *       pRootCauseString.  Bytes that are not UTF-8 become U+FFFD.
 * @ap: its arguments.
 *
 * The GUIDs are zero and pRepairString is NULL.
 *
 * Return: one allocation that the caller owns and frees with
 * eh_error_free() or EapHostPeerFreeEapError(); NULL only when out of
 * memory.
 */
EH_PRINTF(3, 0)
EAP_ERROR *eh_error_newv(DWORD code, const EAP_METHOD_TYPE *type,
                         const char *fmt, va_list ap)
{
    WCHAR *reason = NULL;
    size_t reason_len = EH_NO_STRING;

    if (fmt) {
        char *text = format_reason(fmt, ap);

        if (!text)
            return NULL;
        reason = eh_utf8_to_utf16_lossy(text);
        eh_free(text);
        if (!reason)
            return NULL;
        reason_len = eh_wcslen(reason);
    }

    EAP_ERROR *e = error_alloc(code, type, reason_len, EH_NO_STRING);

    if (e && reason)
        memcpy(e->pRootCauseString, reason, (reason_len + 1) * sizeof(WCHAR));
    eh_free(reason);
    return e;
}

/**
 * eh_error_new() - build a host-owned EAP_ERROR.
 * @code: goes to dwWinError and dwReasonCode.
 * @type: the method concerned, or NULL.
 * @fmt: printf format of the reason (UTF-8), or NULL; the text becomes
 *       pRootCauseString in UTF-16.
 *
 * Return: one allocation that the caller owns and frees with
 * eh_error_free() or EapHostPeerFreeEapError(); NULL only when out of
 * memory.
 */
EAP_ERROR *eh_error_new(DWORD code, const EAP_METHOD_TYPE *type,
                        const char *fmt, ...)
{
    va_list ap;
    EAP_ERROR *e;

    va_start(ap, fmt);
    e = eh_error_newv(code, type, fmt, ap);
    va_end(ap);
    return e;
}

/**
 * eh_fail() - report a failure through an optional EAP_ERROR** and return
 * its code.
 * @pp: where the caller wants the error (it then owns it), or NULL.  An
 *      error already in *@pp is overwritten, not freed.  On lack of memory
 *      *@pp gets NULL and @code is still returned.
 * @code: the code to report.
 * @type: the method concerned, or NULL.
 * @fmt: printf format of the reason (UTF-8), or NULL.
 *
 * Return: @code.
 */
DWORD eh_fail(EAP_ERROR **pp, DWORD code, const EAP_METHOD_TYPE *type,
              const char *fmt, ...)
{
    va_list ap;

    if (!pp)
        return code;
    va_start(ap, fmt);
    *pp = eh_error_newv(code, type, fmt, ap);
    va_end(ap);
    return code;
}

/*
 * Length of a method's string, read no further than EH_METHOD_STRING_MAX
 * units; EH_NO_STRING for NULL.  A string cut at the bound loses a high
 * surrogate left dangling at its end, so that it stays valid UTF-16.
 */
static size_t method_string_len(const WCHAR *s)
{
    size_t n = 0;

    if (!s)
        return EH_NO_STRING;
    while (n < EH_METHOD_STRING_MAX && s[n] != 0)
        n++;
    if (n == EH_METHOD_STRING_MAX && s[n - 1] >= 0xD800 && s[n - 1] <= 0xDBFF)
        n--;
    return n;
}

static void copy_units(WCHAR *dst, const WCHAR *src, size_t len)
{
    if (!dst)
        return;
    memcpy(dst, src, len * sizeof(WCHAR));
    dst[len] = 0;
}

/**
 * eh_error_copy() - deep copy of an EAP_ERROR (typically a method's) into
 * host memory.
 * @src: the error (still the caller's, or the method's, afterwards), or
 *       NULL.
 *
 * Codes, type and GUIDs are copied as they are; each string is read up to
 * its terminator or EH_METHOD_STRING_MAX code units, whichever comes first,
 * and stored terminated.
 *
 * Return: one allocation that the caller owns and frees with
 * eh_error_free() or EapHostPeerFreeEapError(); NULL when @src is NULL or
 * when out of memory.
 */
EAP_ERROR *eh_error_copy(const EAP_ERROR *src)
{
    if (!src)
        return NULL;

    size_t root_len = method_string_len(src->pRootCauseString);
    size_t repair_len = method_string_len(src->pRepairString);
    EAP_ERROR *e = error_alloc(src->dwWinError, &src->type, root_len,
                               repair_len);

    if (!e)
        return NULL;
    e->dwReasonCode = src->dwReasonCode;
    e->rootCauseGuid = src->rootCauseGuid;
    e->repairGuid = src->repairGuid;
    e->helpLinkGuid = src->helpLinkGuid;
    copy_units(e->pRootCauseString, src->pRootCauseString, root_len);
    copy_units(e->pRepairString, src->pRepairString, repair_len);
    return e;
}

/**
 * eh_error_free() - release an EAP_ERROR built by this file.
 * @e: the error, or NULL.  Never a method's own EAP_ERROR: those go back
 *     through the method's EapPeerFreeErrorMemory.
 */
void eh_error_free(EAP_ERROR *e)
{
    eh_free(e);
}

/**
 * eh_pass_method_error() - move an EAP_ERROR a method returned into host
 * memory (eh_take_method_error(), internal.h, calls it when there is one).
 * @d: the method's dispatch table; its free_error_memory releases
 *     @method_err (not freed when @d or that routine is NULL).
 * @method_err: the method's error, or NULL (then nothing happens and *@out
 *              is left as it is).
 * @out: receives the host copy, which the caller owns and frees with
 *       eh_error_free(); NULL when out of memory.  May be NULL when the
 *       caller does not want the error.
 *
 * The method's copy is always released, whether the host copy succeeded
 * or not.
 */
void eh_pass_method_error(const struct eh_dispatch *d, EAP_ERROR *method_err,
                          EAP_ERROR **out)
{
    if (!method_err)
        return;
    if (out)
        *out = eh_error_copy(method_err);
    if (d && d->free_error_memory)
        d->free_error_memory(method_err);
}

/**
 * EapHostPeerFreeEapError() - release an EAP_ERROR the host returned from a
 * runtime call.
 * @pEapError: the error, or NULL.
 */
void APIENTRY EapHostPeerFreeEapError(EAP_ERROR *pEapError)
{
    eh_error_free(pEapError);
}

/**
 * EapHostPeerFreeErrorMemory() - release an EAP_ERROR the host returned
 * from a configuration call.
 * @pEapError: the error, or NULL.
 */
VOID WINAPI EapHostPeerFreeErrorMemory(EAP_ERROR *pEapError)
{
    eh_error_free(pEapError);
}

/**
 * eh_method_error() - the EAP_ERROR to report for a method routine that
 * returned @rc.
 * @copied: the host copy of the method's own EAP_ERROR (taken), or NULL.
 * @routine: the routine's name, for the text built when @copied is NULL.
 *
 * Return: @copied when the method gave one, else a new host EAP_ERROR
 * "ROUTINE failed with 0x........ (NAME)"; NULL only when out of memory.
 */
EAP_ERROR *eh_method_error(EAP_ERROR *copied, DWORD rc,
                           const EAP_METHOD_TYPE *type, const char *routine)
{
    if (copied)
        return copied;
    return eh_error_new(rc, type, "%s failed with 0x%08X (%s)", routine,
                        (unsigned)rc, eaphost_error_name(rc));
}
