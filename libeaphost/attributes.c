/*
 * attributes.c - host copies of EAP attribute arrays.
 */
#include "internal.h"

#include <string.h>

/* Sanity limits for arrays coming from a method. */
#define EH_MAX_ATTRIBUTES 4096u
#define EH_MAX_ATTRIBUTE_BYTES (1u << 20)

/**
 * eh_attributes_copy() - copy @src into one host allocation.
 * @src: the array (may be NULL or empty); not modified.
 * @out: receives the copy (entries, then their values) or NULL when no
 *       entry is left; freed with eh_free().
 * @count: receives the number of entries copied.
 *
 * eatMinimum entries (some methods end their arrays with one and count it)
 * are skipped.
 */
DWORD eh_attributes_copy(const EAP_ATTRIBUTES *src, EAP_ATTRIBUTE **out,
                         DWORD *count)
{
    size_t entries = 0, bytes = 0, i;
    EAP_ATTRIBUTE *dst;
    BYTE *values;

    *out = NULL;
    *count = 0;
    if (!src || src->dwNumberOfAttributes == 0)
        return ERROR_SUCCESS;
    if (!src->pAttribs || src->dwNumberOfAttributes > EH_MAX_ATTRIBUTES)
        return EAP_E_EAPHOST_METHOD_INVALID_PACKET;
    for (i = 0; i < src->dwNumberOfAttributes; i++) {
        const EAP_ATTRIBUTE *a = &src->pAttribs[i];

        if (a->eaType == eatMinimum)
            continue;
        if (a->dwLength > EH_MAX_ATTRIBUTE_BYTES ||
            (a->dwLength > 0 && !a->pValue))
            return EAP_E_EAPHOST_METHOD_INVALID_PACKET;
        entries++;
        bytes += a->dwLength;
    }
    if (entries == 0)
        return ERROR_SUCCESS;
    dst = eh_malloc(entries * sizeof(*dst) + bytes);
    if (!dst)
        return ERROR_NOT_ENOUGH_MEMORY;
    values = (BYTE *)(dst + entries);
    entries = 0;
    for (i = 0; i < src->dwNumberOfAttributes; i++) {
        const EAP_ATTRIBUTE *a = &src->pAttribs[i];

        if (a->eaType == eatMinimum)
            continue;
        dst[entries].eaType = a->eaType;
        dst[entries].dwLength = a->dwLength;
        dst[entries].pValue = a->dwLength ? values : NULL;
        if (a->dwLength)
            memcpy(values, a->pValue, a->dwLength);
        values += a->dwLength;
        entries++;
    }
    *out = dst;
    *count = (DWORD)entries;
    return ERROR_SUCCESS;
}
