/*
 * api_config.c - calls that reach the registry or a method outside any
 * session: the configuration API (eaphostpeerconfigapis.h),
 * EapHostPeerGetIdentity, and eaphost_list_methods.
 *
 * Every buffer returned here is one host allocation, so that the single
 * pointer the caller gives back to EapHostPeerFreeMemory (or
 * EapHostPeerFreeRuntimeMemory) releases all of it.
 */
#include "internal.h"

#include <string.h>

#define EH_MAX_FIELDS 64u
#define EH_MAX_FIELD_UNITS 4096u
#define EH_MAX_BLOB (1u << 20)

static void clear_err(EAP_ERROR **pp)
{
    if (pp)
        *pp = NULL;
}

/* Registry lookup + load; on success the caller releases the method. */
static DWORD use_method(const EAP_METHOD_TYPE *type, struct eh_method **out,
                        EAP_ERROR **err)
{
    struct eh_method *m;
    DWORD rc;

    *out = NULL;
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    m = eh_host_find_method(type);
    if (!m)
        return eh_fail(err, EAP_E_EAPHOST_METHOD_NOT_INSTALLED, type,
                       "no method registered for type %u (vendor %u, "
                       "vendor type %u), author %u", type->eapType.type,
                       (unsigned)type->eapType.dwVendorId,
                       (unsigned)type->eapType.dwVendorType,
                       (unsigned)type->dwAuthorId);
    rc = eh_method_acquire(m, err);
    if (rc == ERROR_SUCCESS)
        *out = m;
    return rc;
}

/* A method's routine failed: its error into host memory, or a new one. */
static DWORD method_failed(struct eh_method *m, DWORD rc, EAP_ERROR *merr,
                           EAP_ERROR **err, const char *routine)
{
    EAP_ERROR *copy = NULL;

    eh_take_method_error(&m->dispatch, merr, &copy);
    copy = eh_method_error(copy, rc, &m->type, routine);
    if (err)
        *err = copy;
    else
        eh_error_free(copy);
    return rc;
}

/* Length of a wide string the method gave, bounded; SIZE_MAX if too long. */
static size_t method_wcslen(const WCHAR *w)
{
    size_t n;

    if (!w)
        return 0;
    for (n = 0; n <= EH_MAX_FIELD_UNITS; n++)
        if (w[n] == 0)
            return n;
    return SIZE_MAX;
}

/* ---- EapHostPeerGetMethods ---------------------------------------------- */

/* Friendly names of the peer methods as UTF-16 (host copies), in @wide. */
static DWORD convert_names(const struct eh_registry *reg, WCHAR **wide,
                          size_t *units)
{
    size_t i, n;

    *units = 0;
    for (i = 0; i < reg->count; i++) {
        if (!reg->methods[i]->peer_dll_path)
            continue;
        /* The registry accepted only valid UTF-8: failing here is OOM. */
        if (eaphost_utf8_to_utf16(reg->methods[i]->peer_friendly_name,
                                  (size_t)-1, &wide[i], &n) != ERROR_SUCCESS)
            return ERROR_NOT_ENOUGH_MEMORY;
        *units += 1 + n + 1;      /* empty author name, friendly name */
    }
    return ERROR_SUCCESS;
}

/* Copy @w (NUL-terminated) to *@cursor; returns where it went. */
static WCHAR *place_wide(WCHAR **cursor, const WCHAR *w)
{
    WCHAR *at = *cursor;
    size_t n = w ? eh_wcslen(w) : 0;

    if (n)
        memcpy(at, w, n * sizeof(WCHAR));
    at[n] = 0;
    *cursor = at + n + 1;
    return at;
}

static void fill_method_info(const struct eh_registry *reg, WCHAR **wide,
                             EAP_METHOD_INFO *info, size_t count)
{
    WCHAR *cursor = (WCHAR *)(info + count);
    size_t i, k = 0;

    for (i = 0; i < reg->count; i++) {
        const struct eh_method *m = reg->methods[i];

        if (!m->peer_dll_path)
            continue;
        info[k].eaptype = m->type;
        info[k].pwszAuthorName = place_wide(&cursor, NULL);
        info[k].pwszFriendlyName = place_wide(&cursor, wide[i]);
        info[k].eapProperties = m->properties;
        info[k].pInnerMethodInfo = NULL;
        k++;
    }
}

DWORD EapHostPeerGetMethods(EAP_METHOD_INFO_ARRAY *pEapMethodInfoArray,
                            EAP_ERROR **ppEapError)
{
    const struct eh_registry *reg = &eh_host.registry;
    size_t i, count = 0, units = 0;
    EAP_METHOD_INFO *info = NULL;
    WCHAR **wide = NULL;
    DWORD rc;

    clear_err(ppEapError);
    if (!pEapMethodInfoArray)
        return ERROR_INVALID_PARAMETER;
    memset(pEapMethodInfoArray, 0, sizeof(*pEapMethodInfoArray));
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    for (i = 0; i < reg->count; i++)
        count += reg->methods[i]->peer_dll_path != NULL;
    if (count == 0)
        return ERROR_SUCCESS;
    wide = eh_calloc(reg->count, sizeof(*wide));
    if (!wide)
        return ERROR_NOT_ENOUGH_MEMORY;
    rc = convert_names(reg, wide, &units);
    if (rc == ERROR_SUCCESS &&
        !(info = eh_calloc(1, count * sizeof(*info) + units * sizeof(WCHAR))))
        rc = ERROR_NOT_ENOUGH_MEMORY;
    if (rc == ERROR_SUCCESS) {
        fill_method_info(reg, wide, info, count);
        pEapMethodInfoArray->dwNumberOfMethods = (DWORD)count;
        pEapMethodInfoArray->pEapMethods = info;
    }
    for (i = 0; i < reg->count; i++)
        eaphost_free(wide[i]);
    eh_free(wide);
    return rc;
}

/* ---- EapHostPeerGetMethodProperties ------------------------------------- */

/* eapProp* bit n corresponds to EAP_METHOD_PROPERTY_TYPE value n, for the
 * bits 0x1 (CipherSuiteNegotiation) .. 0x10000000 (SharedStateEquivalence). */
#define EH_PROPERTY_BITS 29u

DWORD EapHostPeerGetMethodProperties(DWORD dwVersion, DWORD dwFlags,
                                     EAP_METHOD_TYPE eapMethodType,
                                     HANDLE hUserImpersonationToken,
                                     DWORD dwEapConnDataSize,
                                     const BYTE *pbEapConnData,
                                     DWORD dwUserDataSize,
                                     const BYTE *pbUserData,
                                     EAP_METHOD_PROPERTY_ARRAY *pMethodPropertyArray,
                                     EAP_ERROR **ppEapError)
{
    struct eh_method *m;
    EAP_METHOD_PROPERTY *props;
    unsigned bit;

    (void)dwVersion;
    (void)dwFlags;
    (void)hUserImpersonationToken;
    clear_err(ppEapError);
    if (!pMethodPropertyArray || (dwEapConnDataSize && !pbEapConnData) ||
        (dwUserDataSize && !pbUserData))
        return ERROR_INVALID_PARAMETER;
    memset(pMethodPropertyArray, 0, sizeof(*pMethodPropertyArray));
    if (!eh_host_initialized())
        return ERROR_INVALID_STATE;
    m = eh_host_find_method(&eapMethodType);
    if (!m)
        return eh_fail(ppEapError, EAP_E_EAPHOST_METHOD_NOT_INSTALLED,
                       &eapMethodType, "no method registered for type %u",
                       eapMethodType.eapType.type);
    /* The registered Properties value, one boolean property per bit. */
    props = eh_calloc(EH_PROPERTY_BITS, sizeof(*props));
    if (!props)
        return ERROR_NOT_ENOUGH_MEMORY;
    for (bit = 0; bit < EH_PROPERTY_BITS; bit++) {
        props[bit].eapMethodPropertyType = (EAP_METHOD_PROPERTY_TYPE)bit;
        props[bit].eapMethodPropertyValueType = empvtBool;
        props[bit].eapMethodPropertyValue.empvBool.length = sizeof(BOOL);
        props[bit].eapMethodPropertyValue.empvBool.value =
            (m->properties >> bit) & 1u ? TRUE : FALSE;
    }
    pMethodPropertyArray->dwNumberOfProperties = EH_PROPERTY_BITS;
    pMethodPropertyArray->pMethodProperty = props;
    return ERROR_SUCCESS;
}

void EapHostPeerFreeMemory(BYTE *pData)
{
    eh_free(pData);
}

/* ---- Credential input fields (forwarded to the method) ------------------ */

/* One host block: the fields, then their strings. */
static DWORD copy_fields(const EAP_CONFIG_INPUT_FIELD_ARRAY *src,
                         EAP_CONFIG_INPUT_FIELD_ARRAY *dst)
{
    size_t i, units = 0, n = src->dwNumberOfFields;
    EAP_CONFIG_INPUT_FIELD_DATA *f;
    WCHAR *cursor;

    dst->dwVersion = src->dwVersion;
    if (n == 0)
        return ERROR_SUCCESS;
    if (n > EH_MAX_FIELDS || !src->pFields)
        return EAP_E_EAPHOST_METHOD_INVALID_PACKET;
    for (i = 0; i < n; i++) {
        size_t l = method_wcslen(src->pFields[i].pwszLabel);
        size_t d = method_wcslen(src->pFields[i].pwszData);

        if (l == SIZE_MAX || d == SIZE_MAX)
            return EAP_E_EAPHOST_METHOD_INVALID_PACKET;
        units += l + 1 + d + 1;
    }
    f = eh_calloc(1, n * sizeof(*f) + units * sizeof(WCHAR));
    if (!f)
        return ERROR_NOT_ENOUGH_MEMORY;
    cursor = (WCHAR *)(f + n);
    for (i = 0; i < n; i++) {
        const EAP_CONFIG_INPUT_FIELD_DATA *s = &src->pFields[i];
        size_t l = method_wcslen(s->pwszLabel), d = method_wcslen(s->pwszData);

        f[i] = *s;
        f[i].pwszLabel = s->pwszLabel ? cursor : NULL;
        if (l)
            memcpy(cursor, s->pwszLabel, l * sizeof(WCHAR));
        cursor[l] = 0;
        cursor += l + 1;
        f[i].pwszData = s->pwszData ? cursor : NULL;
        if (d)
            memcpy(cursor, s->pwszData, d * sizeof(WCHAR));
        cursor[d] = 0;
        cursor += d + 1;
    }
    dst->dwNumberOfFields = (DWORD)n;
    dst->pFields = f;
    return ERROR_SUCCESS;
}

DWORD EapHostPeerQueryCredentialInputFields(
    HANDLE hUserImpersonationToken, EAP_METHOD_TYPE eapMethodType,
    DWORD dwFlags, DWORD dwEapConnDataSize, const BYTE *pbEapConnData,
    EAP_CONFIG_INPUT_FIELD_ARRAY *pEapConfigInputFieldArray,
    EAP_ERROR **ppEapError)
{
    EAP_CONFIG_INPUT_FIELD_ARRAY got;
    struct eh_method *m;
    EAP_ERROR *merr = NULL;
    BYTE *conn = NULL;
    DWORD rc;

    clear_err(ppEapError);
    if (!pEapConfigInputFieldArray || (dwEapConnDataSize && !pbEapConnData) ||
        dwEapConnDataSize > EH_MAX_BLOB)
        return ERROR_INVALID_PARAMETER;
    memset(pEapConfigInputFieldArray, 0, sizeof(*pEapConfigInputFieldArray));
    if ((rc = use_method(&eapMethodType, &m, ppEapError)) != ERROR_SUCCESS)
        return rc;
    if (!m->dispatch.query_credential_input_fields) {
        rc = eh_fail(ppEapError, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
                     &m->type, "the method does not export "
                     "EapPeerQueryCredentialInputFields");
        goto out;
    }
    if (dwEapConnDataSize &&
        !(conn = eh_memdup(pbEapConnData, dwEapConnDataSize))) {
        rc = ERROR_NOT_ENOUGH_MEMORY;
        goto out;
    }
    memset(&got, 0, sizeof(got));
    rc = m->dispatch.query_credential_input_fields(
        hUserImpersonationToken, m->type, dwFlags, dwEapConnDataSize, conn,
        &got, &merr);
    if (rc != ERROR_SUCCESS) {
        rc = method_failed(m, rc, merr, ppEapError,
                           "EapPeerQueryCredentialInputFields");
        if (got.pFields)
            m->dispatch.free_memory(got.pFields);
        goto out;
    }
    eh_take_method_error(&m->dispatch, merr, NULL);
    rc = copy_fields(&got, pEapConfigInputFieldArray);
    if (got.pFields)
        m->dispatch.free_memory(got.pFields);
    if (rc == EAP_E_EAPHOST_METHOD_INVALID_PACKET)
        rc = eh_fail(ppEapError, rc, &m->type, "the method returned an "
                     "implausible input field array");
out:
    eh_free(conn);
    eh_method_release(m);
    return rc;
}

DWORD EapHostPeerQueryUserBlobFromCredentialInputFields(
    HANDLE hUserImpersonationToken, EAP_METHOD_TYPE eapMethodType,
    DWORD dwFlags, DWORD dwEapConnDataSize, const BYTE *pbEapConnData,
    const EAP_CONFIG_INPUT_FIELD_ARRAY *pEapConfigInputFieldArray,
    DWORD *pdwUserBlobSize, BYTE **ppbUserBlob, EAP_ERROR **ppEapError)
{
    EAP_CONFIG_INPUT_FIELD_ARRAY fields = { 0, 0, NULL };
    struct eh_method *m;
    EAP_ERROR *merr = NULL;
    BYTE *conn = NULL, *blob = NULL;
    DWORD rc, size = 0;

    clear_err(ppEapError);
    if (!pEapConfigInputFieldArray || !pdwUserBlobSize || !ppbUserBlob ||
        (dwEapConnDataSize && !pbEapConnData) ||
        dwEapConnDataSize > EH_MAX_BLOB)
        return ERROR_INVALID_PARAMETER;
    *pdwUserBlobSize = 0;
    *ppbUserBlob = NULL;
    if ((rc = use_method(&eapMethodType, &m, ppEapError)) != ERROR_SUCCESS)
        return rc;
    if (!m->dispatch.query_user_blob_from_credential_input_fields) {
        rc = eh_fail(ppEapError, EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED,
                     &m->type, "the method does not export "
                     "EapPeerQueryUserBlobFromCredentialInputFields");
        goto out;
    }
    /* The method gets host copies (its parameters are not const). */
    rc = copy_fields(pEapConfigInputFieldArray, &fields);
    if (rc == EAP_E_EAPHOST_METHOD_INVALID_PACKET)
        rc = ERROR_INVALID_PARAMETER;
    if (rc != ERROR_SUCCESS)
        goto out;
    if (dwEapConnDataSize &&
        !(conn = eh_memdup(pbEapConnData, dwEapConnDataSize))) {
        rc = ERROR_NOT_ENOUGH_MEMORY;
        goto out;
    }
    rc = m->dispatch.query_user_blob_from_credential_input_fields(
        hUserImpersonationToken, m->type, dwFlags, dwEapConnDataSize, conn,
        &fields, &size, &blob, &merr);
    if (rc != ERROR_SUCCESS) {
        rc = method_failed(m, rc, merr, ppEapError,
                           "EapPeerQueryUserBlobFromCredentialInputFields");
    } else if (size > EH_MAX_BLOB || (size && !blob)) {
        eh_take_method_error(&m->dispatch, merr, NULL);
        rc = eh_fail(ppEapError, EAP_E_EAPHOST_METHOD_INVALID_PACKET,
                     &m->type, "the method returned an implausible user "
                     "blob");
    } else {
        eh_take_method_error(&m->dispatch, merr, NULL);
        if (size && !(*ppbUserBlob = eh_memdup(blob, size)))
            rc = ERROR_NOT_ENOUGH_MEMORY;
        else
            *pdwUserBlobSize = size;
    }
    if (blob) {
        eh_wipe(blob, size <= EH_MAX_BLOB ? size : 0);
        m->dispatch.free_memory(blob);
    }
out:
    if (fields.pFields) {
        /* The fields may hold a password. */
        eh_wipe(fields.pFields, fields.dwNumberOfFields *
                                    sizeof(*fields.pFields));
        eh_free(fields.pFields);
    }
    eh_free(conn);
    eh_method_release(m);
    return rc;
}
