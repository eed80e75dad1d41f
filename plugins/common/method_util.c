/*
 * method_util.c - helpers shared by the bundled EAP method plugins: errors,
 * UTF-8 <-> UTF-16, secret wiping, packet fields, constant-time compare,
 * randomness and MPPE key attributes.  The credential helpers are in
 * method_credentials.c.
 *
 * Built with -fshort-wchar against the SDK headers only; see method_util.h
 * for the memory rules.
 */
#include "method_util.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/types.h>

/* ---- UTF-8 / UTF-16 ------------------------------------------------------ */

/*
 * Decode one strictly valid UTF-8 sequence at s[0..n).  Returns its length
 * (1-4) and the code point in *cp, or 0 when the bytes are not valid UTF-8
 * (overlong forms, surrogates, values above U+10FFFF, truncation).
 */
static size_t utf8_decode(const BYTE *s, size_t n, DWORD *cp)
{
    BYTE b0 = s[0];
    BYTE lo = 0x80, hi = 0xBF;
    size_t len, i;
    DWORD v;

    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        v = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        v = b0 & 0x0Fu;
        if (b0 == 0xE0)
            lo = 0xA0;          /* no overlong 3-byte forms */
        else if (b0 == 0xED)
            hi = 0x9F;          /* no UTF-16 surrogates */
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        v = b0 & 0x07u;
        if (b0 == 0xF0)
            lo = 0x90;          /* no overlong 4-byte forms */
        else if (b0 == 0xF4)
            hi = 0x8F;          /* nothing above U+10FFFF */
    } else {
        return 0;               /* continuation byte, C0, C1, F5-FF */
    }
    if (n < len)
        return 0;
    for (i = 1; i < len; i++) {
        BYTE b = s[i];

        if (b < lo || b > hi)
            return 0;
        lo = 0x80;
        hi = 0xBF;
        v = (v << 6) | (b & 0x3Fu);
    }
    *cp = v;
    return len;
}

/*
 * Convert n bytes of UTF-8 to UTF-16.  out may be NULL to count.  Returns
 * the number of code units, or SIZE_MAX when the input is not valid UTF-8.
 */
static size_t utf8_to_utf16(const BYTE *s, size_t n, WCHAR *out)
{
    size_t i = 0, units = 0;

    while (i < n) {
        DWORD cp;
        size_t len = utf8_decode(s + i, n - i, &cp);

        if (len == 0)
            return SIZE_MAX;
        i += len;
        if (cp >= 0x10000) {
            if (out) {
                cp -= 0x10000;
                out[units] = (WCHAR)(0xD800 + (cp >> 10));
                out[units + 1] = (WCHAR)(0xDC00 + (cp & 0x3FF));
            }
            units += 2;
        } else {
            if (out)
                out[units] = (WCHAR)cp;
            units++;
        }
    }
    return units;
}

/**
 * mu_wcslen() - length of a NUL-terminated UTF-16 string.
 * @w: the string, or NULL.
 *
 * The C library's wcslen() assumes a 4-byte wchar_t on Linux; this one
 * counts 16-bit units.
 *
 * Return: the number of code units before the terminating 0; 0 for NULL.
 */
size_t mu_wcslen(const WCHAR *w)
{
    size_t n = 0;

    if (!w)
        return 0;
    while (w[n])
        n++;
    return n;
}

/**
 * mu_utf8_valid() - whether a byte string is strictly valid UTF-8.
 * @s: the bytes (may be NULL when @n is 0).
 * @n: their number.
 *
 * Overlong forms, UTF-16 surrogates (U+D800-U+DFFF) and code points above
 * U+10FFFF are invalid.  NUL bytes are valid UTF-8 and accepted.
 *
 * Return: 1 when valid (an empty string is), 0 otherwise.
 */
int mu_utf8_valid(const BYTE *s, size_t n)
{
    if (n && !s)
        return 0;
    return utf8_to_utf16(s, n, NULL) != SIZE_MAX;
}

/**
 * mu_wide_to_utf8_checked() - convert a NUL-terminated UTF-16 string to
 * UTF-8, telling invalid text from a lack of memory.
 * @w: the string; NULL converts as the empty string.
 * @out: set to a malloc'd NUL-terminated UTF-8 string the caller frees with
 *       free() (or mu_free_secret() when it holds a secret); NULL on
 *       failure.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_DATA when @w holds an unpaired
 * surrogate; ERROR_NOT_ENOUGH_MEMORY; ERROR_INVALID_PARAMETER for a NULL
 * @out.
 */
DWORD mu_wide_to_utf8_checked(const WCHAR *w, char **out)
{
    size_t i, bytes = 0, n = mu_wcslen(w);
    char *s, *p;

    if (!out)
        return ERROR_INVALID_PARAMETER;
    *out = NULL;
    for (i = 0; i < n; i++) {
        DWORD u = w[i];

        if (u < 0x80)
            bytes += 1;
        else if (u < 0x800)
            bytes += 2;
        else if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 1 >= n || w[i + 1] < 0xDC00 || w[i + 1] > 0xDFFF)
                return ERROR_INVALID_DATA;
            bytes += 4;
            i++;
        } else if (u >= 0xDC00 && u <= 0xDFFF)
            return ERROR_INVALID_DATA;
        else
            bytes += 3;
    }
    s = malloc(bytes + 1);
    if (!s)
        return ERROR_NOT_ENOUGH_MEMORY;
    p = s;
    for (i = 0; i < n; i++) {
        DWORD cp = w[i];

        if (cp >= 0xD800 && cp <= 0xDBFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + ((DWORD)w[i + 1] - 0xDC00);
            i++;
        }
        if (cp < 0x80) {
            *p++ = (char)cp;
        } else if (cp < 0x800) {
            *p++ = (char)(0xC0 | (cp >> 6));
            *p++ = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            *p++ = (char)(0xE0 | (cp >> 12));
            *p++ = (char)(0x80 | ((cp >> 6) & 0x3F));
            *p++ = (char)(0x80 | (cp & 0x3F));
        } else {
            *p++ = (char)(0xF0 | (cp >> 18));
            *p++ = (char)(0x80 | ((cp >> 12) & 0x3F));
            *p++ = (char)(0x80 | ((cp >> 6) & 0x3F));
            *p++ = (char)(0x80 | (cp & 0x3F));
        }
    }
    *p = '\0';
    *out = s;
    return ERROR_SUCCESS;
}

/**
 * mu_wide_to_utf8() - convert a NUL-terminated UTF-16 string to UTF-8.
 * @w: the string, or NULL.
 *
 * Return: a malloc'd NUL-terminated UTF-8 string the caller frees with
 * free() (or mu_free_secret() when it holds a secret); NULL when @w is
 * NULL, holds an unpaired surrogate, or memory runs out.
 */
char *mu_wide_to_utf8(const WCHAR *w)
{
    char *s;

    if (!w)
        return NULL;
    return mu_wide_to_utf8_checked(w, &s) == ERROR_SUCCESS ? s : NULL;
}

/**
 * mu_utf8_to_wide() - convert a NUL-terminated UTF-8 string to UTF-16.
 * @s: the string, or NULL.
 *
 * Return: a malloc'd NUL-terminated UTF-16 string the caller frees with
 * free(); NULL when @s is NULL, is not strictly valid UTF-8, or memory
 * runs out.
 */
WCHAR *mu_utf8_to_wide(const char *s)
{
    size_t n, units;
    WCHAR *w;

    if (!s)
        return NULL;
    n = strlen(s);
    units = utf8_to_utf16((const BYTE *)s, n, NULL);
    if (units == SIZE_MAX)
        return NULL;
    w = malloc((units + 1) * sizeof(WCHAR));
    if (!w)
        return NULL;
    utf8_to_utf16((const BYTE *)s, n, w);
    w[units] = 0;
    return w;
}

/* ---- errors ---------------------------------------------------------------- */

/**
 * mu_set_error() - build an EAP_ERROR for the host.
 * @err: where to store it; may be NULL (then nothing is allocated).
 * @code: the Win32 / EAPHost code, stored in dwWinError and dwReasonCode.
 * @type: the method's type for the error's type field, or NULL (zero).
 * @reason_utf8: the reason, UTF-8; stored as UTF-16 in pRootCauseString.
 *               NULL (or invalid UTF-8) leaves pRootCauseString NULL.
 *
 * The error is one malloc'd block (structure and string) that the host
 * gives back to the method's EapPeerFreeErrorMemory /
 * EapMethodAuthenticatorFreeErrorMemory, which call mu_free_error().  The
 * GUIDs are left zero (GUID_EapHost_Default).  On allocation failure *err
 * is NULL and @code is still returned.
 *
 * Return: @code.
 */
DWORD mu_set_error(EAP_ERROR **err, DWORD code, const EAP_METHOD_TYPE *type,
                   const char *reason_utf8)
{
    size_t units = SIZE_MAX, n = 0;
    EAP_ERROR *e;
    WCHAR *text;

    if (!err)
        return code;
    *err = NULL;
    if (reason_utf8) {
        n = strlen(reason_utf8);
        units = utf8_to_utf16((const BYTE *)reason_utf8, n, NULL);
    }
    e = calloc(1, sizeof(*e) +
                  (units == SIZE_MAX ? 0 : (units + 1) * sizeof(WCHAR)));
    if (!e)
        return code;
    e->dwWinError = code;
    e->dwReasonCode = code;
    if (type)
        e->type = *type;
    if (units != SIZE_MAX) {
        text = (WCHAR *)(e + 1);
        utf8_to_utf16((const BYTE *)reason_utf8, n, text);
        text[units] = 0;
        e->pRootCauseString = text;
    }
    *err = e;
    return code;
}

/**
 * mu_free_error() - release an error made by mu_set_error().
 * @e: the error, or NULL.
 */
void mu_free_error(EAP_ERROR *e)
{
    free(e);
}

/* ---- secrets ----------------------------------------------------------------- */

/* Called through a volatile pointer so the compiler cannot drop the store. */
static void *(*const volatile mu_memset_fn)(void *, int, size_t) = memset;

/**
 * mu_wipe() - overwrite memory with zeros in a way the compiler keeps.
 * @p: the memory, or NULL.
 * @n: its size in bytes.
 *
 * Use before freeing or leaving a buffer that held a password or key: a
 * plain memset() of memory that is about to be freed may be removed as a
 * dead store.
 */
void mu_wipe(void *p, size_t n)
{
    if (!p || !n)
        return;
    mu_memset_fn(p, 0, n);
#if defined(__GNUC__) || defined(__clang__)
    /* The zeros are "used": the stores cannot be elided. */
    __asm__ __volatile__("" : : "r"(p) : "memory");
#endif
}

/**
 * mu_free_secret() - wipe and free a NUL-terminated secret string.
 * @s: a malloc'd string, or NULL.
 */
void mu_free_secret(char *s)
{
    if (!s)
        return;
    mu_wipe(s, strlen(s));
    free(s);
}

/**
 * mu_wipe_free() - wipe and free a malloc'd block that held secrets.
 * @p: the block, or NULL.
 * @n: its size in bytes (all of it is wiped).
 *
 * The end of a session whose structure held a password, hash or key.
 */
void mu_wipe_free(void *p, size_t n)
{
    mu_wipe(p, n);
    free(p);
}

/**
 * mu_ct_equal() - compare two buffers in time independent of their content.
 * @a: first buffer.
 * @b: second buffer.
 * @n: bytes to compare (the length itself is not secret).
 *
 * Return: 1 when the @n bytes are equal (always for @n 0), 0 otherwise.
 */
int mu_ct_equal(const void *a, const void *b, size_t n)
{
    const volatile BYTE *x = a, *y = b;
    volatile BYTE acc = 0;
    size_t i;

    for (i = 0; i < n; i++)
        acc |= (BYTE)(x[i] ^ y[i]);
    return acc == 0;
}

/**
 * mu_random() - fill a buffer from the kernel's random number generator.
 * @buf: where to write.
 * @n: how many bytes.
 *
 * Uses getrandom(2) (blocking only until the pool is first initialised),
 * retrying on EINTR and short reads.
 *
 * Return: ERROR_SUCCESS, or ERROR_INTERNAL_ERROR when no randomness is
 * available (the buffer is then zeroed).
 */
DWORD mu_random(void *buf, size_t n)
{
    BYTE *p = buf;
    size_t done = 0;

    while (done < n) {
        ssize_t got = getrandom(p + done, n - done, 0);

        if (got < 0) {
            if (errno == EINTR)
                continue;
            mu_wipe(buf, n);
            return ERROR_INTERNAL_ERROR;
        }
        done += (size_t)got;
    }
    return ERROR_SUCCESS;
}

/* ---- packets --------------------------------------------------------------------- */

/**
 * mu_be16() - read a 16-bit big-endian value.
 * @p: two bytes.
 *
 * Return: the value.
 */
DWORD mu_be16(const BYTE *p)
{
    return ((DWORD)p[0] << 8) | p[1];
}

/**
 * mu_put_be16() - store the low 16 bits of a value big-endian.
 * @p: two bytes to write.
 * @v: the value.
 */
void mu_put_be16(BYTE *p, DWORD v)
{
    p[0] = (BYTE)(v >> 8);
    p[1] = (BYTE)v;
}

/**
 * mu_put_eap_header() - write Code, Identifier, Length and Type.
 * @pkt: at least 5 writable bytes.
 * @code: EapCodeRequest or EapCodeResponse.
 * @id: the Identifier.
 * @len: the whole packet's Length (the caller checked it fits).
 * @type: the EAP Type.
 *
 * Return: @pkt + 5, where the type data goes.
 */
BYTE *mu_put_eap_header(BYTE *pkt, BYTE code, BYTE id, DWORD len, BYTE type)
{
    pkt[0] = code;
    pkt[1] = id;
    mu_put_be16(pkt + 2, len);
    pkt[4] = type;
    return pkt + MU_EAP_TYPE_HEADER;
}

/**
 * mu_type_data() - locate the type data of a Request or Response.
 * @p: the packet (may be NULL).
 * @size: the bytes available at @p.
 * @type: the EAP Type expected.
 * @data_len: set to the number of type-data bytes (Length - 5).
 *
 * Checks @size >= 5, 5 <= Length <= @size and Type == @type; bytes beyond
 * Length are ignored.  The Code is not checked.
 *
 * Return: a pointer into @p at the type data (valid even when *@data_len
 * is 0), or NULL when a check fails (*@data_len is then 0).
 */
const BYTE *mu_type_data(const EapPacket *p, DWORD size, BYTE type,
                         DWORD *data_len)
{
    const BYTE *b = (const BYTE *)p;
    DWORD len;

    if (data_len)
        *data_len = 0;
    if (!p || !data_len || size < MU_EAP_TYPE_HEADER)
        return NULL;
    len = mu_be16(b + 2);
    if (len < MU_EAP_TYPE_HEADER || len > size || b[4] != type)
        return NULL;
    *data_len = len - MU_EAP_TYPE_HEADER;
    return b + MU_EAP_TYPE_HEADER;
}

/**
 * mu_eap_type_equal() - whether two EAP types are the same type.
 * @a: one type, or NULL.
 * @b: the other, or NULL.
 *
 * Compares type, dwVendorId and dwVendorType (an expanded type is only
 * equal to the same vendor's same type).
 *
 * Return: 1 when both are given and equal, 0 otherwise.
 */
int mu_eap_type_equal(const EAP_TYPE *a, const EAP_TYPE *b)
{
    return a && b && a->type == b->type && a->dwVendorId == b->dwVendorId &&
           a->dwVendorType == b->dwVendorType;
}

/**
 * mu_begin_packet() - check that a packet fits, and write its EAP header.
 * @pkt: the buffer, or NULL.
 * @capacity: the bytes the packet may take: the smaller of the buffer's
 *            size and the host's dwMaxSendPacketSize.
 * @code: EapCodeRequest or EapCodeResponse.
 * @id: the Identifier.
 * @type: the EAP Type.
 * @total: the whole packet's length, header included (at least 5).
 * @type_data: set on success to @pkt + 5, where the caller writes the
 *             @total - 5 bytes of type data; untouched on failure.
 *
 * Nothing is written unless the packet fits.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER for a NULL @pkt or
 * @type_data, or a @total above 65535 (the Length field's limit);
 * ERROR_INSUFFICIENT_BUFFER when @total exceeds @capacity.
 */
DWORD mu_begin_packet(EapPacket *pkt, DWORD capacity, BYTE code, BYTE id,
                      BYTE type, size_t total, BYTE **type_data)
{
    if (!pkt || !type_data || total > 0xFFFFu)
        return ERROR_INVALID_PARAMETER;
    if (total > capacity)
        return ERROR_INSUFFICIENT_BUFFER;
    *type_data = mu_put_eap_header((BYTE *)pkt, code, id, (DWORD)total, type);
    return ERROR_SUCCESS;
}

/* ---- keys ------------------------------------------------------------------------- */

/**
 * mu_mppe_key_attribute() - an MS-MPPE-Send/Recv-Key as an EAP attribute.
 * @vendor_type: MU_MPPE_SEND_KEY (16) or MU_MPPE_RECV_KEY (17).
 * @key: the key bytes.
 * @key_len: their number (1..239).
 * @out: filled with eaType eatVendorSpecific, dwLength and pValue.
 *
 * The value is the RADIUS vendor-specific attribute body, unencrypted:
 * vendor id 311 (4 bytes, network order), vendor type (1), vendor length
 * (1: itself, the type and everything after), salt (2, zero), key length
 * (1), key, zero padding so that key length byte + key + padding is a
 * multiple of 16.  A 32-byte key gives 56 bytes, a 16-byte key 40.
 * pValue is malloc'd; release it with mu_free_key_attribute(), which wipes
 * it first.
 *
 * Return: ERROR_SUCCESS, ERROR_INVALID_PARAMETER (NULL pointers, key too
 * long for the one-byte vendor length), ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD mu_mppe_key_attribute(BYTE vendor_type, const BYTE *key, size_t key_len,
                            EAP_ATTRIBUTE *out)
{
    size_t padded, total;
    BYTE *v;

    if (!out)
        return ERROR_INVALID_PARAMETER;
    memset(out, 0, sizeof(*out));
    if ((!key && key_len) || key_len == 0 || key_len > 239)
        return ERROR_INVALID_PARAMETER;
    padded = (1 + key_len + 15) / 16 * 16;
    total = 4 + 1 + 1 + 2 + padded;
    v = calloc(1, total);
    if (!v)
        return ERROR_NOT_ENOUGH_MEMORY;
    v[0] = (BYTE)(MU_VENDOR_MICROSOFT >> 24);
    v[1] = (BYTE)(MU_VENDOR_MICROSOFT >> 16);
    v[2] = (BYTE)(MU_VENDOR_MICROSOFT >> 8);
    v[3] = (BYTE)MU_VENDOR_MICROSOFT;
    v[4] = vendor_type;
    v[5] = (BYTE)(total - 4);
    /* v[6], v[7]: salt, zero */
    v[8] = (BYTE)key_len;
    memcpy(v + 9, key, key_len);
    out->eaType = eatVendorSpecific;
    out->dwLength = (DWORD)total;
    out->pValue = v;
    return ERROR_SUCCESS;
}

/**
 * mu_free_key_attribute() - wipe and free an attribute's value.
 * @a: an attribute from mu_mppe_key_attribute() (or any attribute whose
 *     pValue is malloc'd), or NULL.  Its pValue and dwLength are cleared.
 */
void mu_free_key_attribute(EAP_ATTRIBUTE *a)
{
    if (!a)
        return;
    mu_wipe(a->pValue, a->dwLength);
    free(a->pValue);
    a->pValue = NULL;
    a->dwLength = 0;
}

/**
 * mu_mppe_keys_set() - the MS-MPPE-Send-Key and MS-MPPE-Recv-Key
 * attributes of a result.
 * @k: the pair to fill; whatever it held is released first.
 * @send: the send key (from the point of view of the half reporting it).
 * @recv: the receive key.
 * @key_len: the length of each key (1..239).
 *
 * On success @k->array lists @k->attrs[0] (MU_MPPE_SEND_KEY) and
 * @k->attrs[1] (MU_MPPE_RECV_KEY), built as mu_mppe_key_attribute()
 * describes; hand &@k->array to the host as the result's attributes.  The
 * values stay the method's until mu_mppe_keys_clear() (next result or end
 * of the session).  @k points into itself: do not copy it.
 *
 * Return: ERROR_SUCCESS; the code of mu_mppe_key_attribute() on failure,
 * with @k left empty.
 */
DWORD mu_mppe_keys_set(mu_mppe_keys *k, const BYTE *send, const BYTE *recv,
                       size_t key_len)
{
    DWORD rc;

    if (!k)
        return ERROR_INVALID_PARAMETER;
    mu_mppe_keys_clear(k);
    rc = mu_mppe_key_attribute(MU_MPPE_SEND_KEY, send, key_len, &k->attrs[0]);
    if (rc == ERROR_SUCCESS)
        rc = mu_mppe_key_attribute(MU_MPPE_RECV_KEY, recv, key_len,
                                   &k->attrs[1]);
    if (rc != ERROR_SUCCESS) {
        mu_mppe_keys_clear(k);
        return rc;
    }
    k->array.dwNumberOfAttributes = 2;
    k->array.pAttribs = k->attrs;
    return ERROR_SUCCESS;
}

/**
 * mu_mppe_keys_clear() - wipe and free the attributes of mu_mppe_keys_set().
 * @k: the pair, or NULL; empty afterwards (a zeroed pair is empty too).
 */
void mu_mppe_keys_clear(mu_mppe_keys *k)
{
    if (!k)
        return;
    mu_free_key_attribute(&k->attrs[0]);
    mu_free_key_attribute(&k->attrs[1]);
    k->array.dwNumberOfAttributes = 0;
    k->array.pAttribs = NULL;
}
