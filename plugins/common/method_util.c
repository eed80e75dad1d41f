/*
 * method_util.c - helpers shared by the bundled EAP method plugins: errors,
 * UTF-8 <-> UTF-16, secret wiping, packet fields, constant-time compare,
 * randomness, MPPE key attributes and the credential user blob.
 *
 * Built with -fshort-wchar against the SDK headers only; see method_util.h
 * for the memory rules and the user blob format.
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

/*
 * UTF-16 to UTF-8.  Returns ERROR_SUCCESS with a malloc'd string in *out,
 * ERROR_INVALID_DATA for unpaired surrogates, ERROR_NOT_ENOUGH_MEMORY.
 */
static DWORD wide_to_utf8(const WCHAR *w, char **out)
{
    size_t i, bytes = 0, n = mu_wcslen(w);
    char *s, *p;

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
    return wide_to_utf8(w, &s) == ERROR_SUCCESS ? s : NULL;
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

/* ---- credentials ------------------------------------------------------------------ */

/**
 * mu_user_blob_make() - build a user blob (format in method_util.h).
 * @user: the user name, UTF-16, non-empty.
 * @password: the password, UTF-16; NULL means empty.
 * @size: set to the blob's size.
 * @blob: set to the malloc'd blob; the caller frees it (a method hands it
 *        to the host, which releases it with EapPeerFreeMemory).  It holds
 *        the password: wipe it before freeing when you own it.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER when @user, @size or
 * @blob is NULL; ERROR_INVALID_DATA when @user is empty, either string has
 * an unpaired surrogate or is longer than MU_USER_BLOB_MAX_FIELD bytes in
 * UTF-8; ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD mu_user_blob_make(const WCHAR *user, const WCHAR *password,
                        DWORD *size, BYTE **blob)
{
    char *u = NULL, *pw = NULL;
    size_t ul, pl;
    BYTE *b;
    DWORD rc;

    if (size)
        *size = 0;
    if (blob)
        *blob = NULL;
    if (!user || !size || !blob)
        return ERROR_INVALID_PARAMETER;
    if ((rc = wide_to_utf8(user, &u)) != ERROR_SUCCESS)
        return rc;
    if ((rc = wide_to_utf8(password, &pw)) != ERROR_SUCCESS)
        goto out;
    ul = strlen(u);
    pl = strlen(pw);
    if (ul == 0 || ul > MU_USER_BLOB_MAX_FIELD || pl > MU_USER_BLOB_MAX_FIELD) {
        rc = ERROR_INVALID_DATA;
        goto out;
    }
    b = malloc(3 + ul + pl);
    if (!b) {
        rc = ERROR_NOT_ENOUGH_MEMORY;
        goto out;
    }
    b[0] = MU_USER_BLOB_VERSION;
    memcpy(b + 1, u, ul + 1);
    memcpy(b + 2 + ul, pw, pl + 1);
    *blob = b;
    *size = (DWORD)(3 + ul + pl);
    rc = ERROR_SUCCESS;
out:
    free(u);
    mu_free_secret(pw);
    return rc;
}

/**
 * mu_user_blob_parse() - read a user blob (format in method_util.h).
 * @blob: the blob.
 * @size: its size.
 * @user: set to a malloc'd UTF-8 copy of the user name (free()).
 * @password: set to a malloc'd UTF-8 copy of the password (free it with
 *            mu_free_secret()); may be NULL when the caller needs only the
 *            user name.
 *
 * Reads nothing outside @blob[0..@size).
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER for NULL @user, or NULL
 * @blob with a non-zero @size; ERROR_INVALID_DATA for a blob not in the
 * documented format (wrong version, missing terminators, trailing bytes,
 * empty user name, invalid UTF-8, a field too long);
 * ERROR_NOT_ENOUGH_MEMORY.  On failure the outputs are NULL.
 */
DWORD mu_user_blob_parse(const BYTE *blob, DWORD size, char **user,
                         char **password)
{
    const BYTE *nul1, *nul2;
    size_t ul, pl;
    char *u, *pw = NULL;

    if (user)
        *user = NULL;
    if (password)
        *password = NULL;
    if (!user || (size && !blob))
        return ERROR_INVALID_PARAMETER;
    if (size < 3 || blob[0] != MU_USER_BLOB_VERSION)
        return ERROR_INVALID_DATA;
    nul1 = memchr(blob + 1, 0, size - 1);
    if (!nul1)
        return ERROR_INVALID_DATA;
    ul = (size_t)(nul1 - (blob + 1));
    if (ul == 0 || ul > MU_USER_BLOB_MAX_FIELD || (size_t)(nul1 - blob) + 1 >= size)
        return ERROR_INVALID_DATA;
    nul2 = memchr(nul1 + 1, 0, size - (size_t)(nul1 - blob) - 1);
    if (!nul2 || (size_t)(nul2 - blob) + 1 != size)
        return ERROR_INVALID_DATA;
    pl = (size_t)(nul2 - (nul1 + 1));
    if (pl > MU_USER_BLOB_MAX_FIELD || !mu_utf8_valid(blob + 1, ul) ||
        !mu_utf8_valid(nul1 + 1, pl))
        return ERROR_INVALID_DATA;
    u = malloc(ul + 1);
    if (!u)
        return ERROR_NOT_ENOUGH_MEMORY;
    memcpy(u, blob + 1, ul + 1);
    if (password) {
        pw = malloc(pl + 1);
        if (!pw) {
            free(u);
            return ERROR_NOT_ENOUGH_MEMORY;
        }
        memcpy(pw, nul1 + 1, pl + 1);
        *password = pw;
    }
    *user = u;
    return ERROR_SUCCESS;
}

/**
 * mu_user_blob_from_fields() - a user blob from filled credential fields.
 * @fields: the array mu_query_credential_fields() described, filled in by
 *          the supplicant: the first EapConfigInputUsername field (required,
 *          non-empty) and the first EapConfigInputPassword field (required;
 *          NULL data means an empty password).  Other fields are ignored.
 * @size: set to the blob's size.
 * @blob: set to the malloc'd blob (see mu_user_blob_make()).
 * @reason: set, when not NULL, to a static English reason on failure (and
 *          to NULL on success).
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER for NULL pointers or a
 * field count without fields; ERROR_INVALID_DATA for a missing or empty
 * user name, a missing password field, or text mu_user_blob_make()
 * refuses; ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD mu_user_blob_from_fields(const EAP_CONFIG_INPUT_FIELD_ARRAY *fields,
                               DWORD *size, BYTE **blob, const char **reason)
{
    const EAP_CONFIG_INPUT_FIELD_DATA *user = NULL, *pass = NULL;
    DWORD i, rc;

    if (reason)
        *reason = NULL;
    if (size)
        *size = 0;
    if (blob)
        *blob = NULL;
    if (!fields || !size || !blob ||
        (fields->dwNumberOfFields && !fields->pFields)) {
        if (reason)
            *reason = "no credential input field array";
        return ERROR_INVALID_PARAMETER;
    }
    for (i = 0; i < fields->dwNumberOfFields; i++) {
        const EAP_CONFIG_INPUT_FIELD_DATA *f = &fields->pFields[i];

        if (f->Type == EapConfigInputUsername && !user)
            user = f;
        else if (f->Type == EapConfigInputPassword && !pass)
            pass = f;
    }
    if (!user || !user->pwszData || !user->pwszData[0]) {
        if (reason)
            *reason = "the user name field is missing or empty";
        return ERROR_INVALID_DATA;
    }
    if (!pass) {
        if (reason)
            *reason = "the password field is missing";
        return ERROR_INVALID_DATA;
    }
    rc = mu_user_blob_make(user->pwszData, pass->pwszData, size, blob);
    if (rc == ERROR_INVALID_DATA && reason)
        *reason = "the user name or password is not valid UTF-16 or is too long";
    return rc;
}

/* Labels of the two credential fields. */
static const WCHAR label_user[] = { 'U', 's', 'e', 'r', ' ', 'n', 'a', 'm', 'e', 0 };
static const WCHAR label_pass[] = { 'P', 'a', 's', 's', 'w', 'o', 'r', 'd', 0 };

/**
 * mu_query_credential_fields() - the two standard credential input fields.
 * @out: filled with dwVersion EAP_CREDENTIAL_VERSION, two fields and a
 *       pFields pointer to one malloc'd block (fields and labels) that the
 *       host frees with the method's EapPeerFreeMemory (free()).
 *
 * Field 0: EapConfigInputUsername, label "User name", properties
 * EAP_CONFIG_INPUT_FIELD_PROPS_DEFAULT, 1..1024 characters.  Field 1:
 * EapConfigInputPassword, label "Password",
 * EAP_CONFIG_INPUT_FIELD_PROPS_NON_DISPLAYABLE, 0..1024 characters.
 * pwszData is NULL in both: the supplicant fills its own copy.
 *
 * Return: ERROR_SUCCESS, ERROR_INVALID_PARAMETER (NULL @out),
 * ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD mu_query_credential_fields(EAP_CONFIG_INPUT_FIELD_ARRAY *out)
{
    EAP_CONFIG_INPUT_FIELD_DATA *f;
    WCHAR *lu, *lp;

    if (!out)
        return ERROR_INVALID_PARAMETER;
    memset(out, 0, sizeof(*out));
    f = calloc(1, 2 * sizeof(*f) + sizeof(label_user) + sizeof(label_pass));
    if (!f)
        return ERROR_NOT_ENOUGH_MEMORY;
    lu = (WCHAR *)(f + 2);
    lp = lu + sizeof(label_user) / sizeof(WCHAR);
    memcpy(lu, label_user, sizeof(label_user));
    memcpy(lp, label_pass, sizeof(label_pass));
    f[0].dwSize = sizeof(f[0]);
    f[0].Type = EapConfigInputUsername;
    f[0].dwFlagProps = EAP_CONFIG_INPUT_FIELD_PROPS_DEFAULT;
    f[0].pwszLabel = lu;
    f[0].dwMinDataLength = 1;
    f[0].dwMaxDataLength = MAX_EAP_CONFIG_INPUT_FIELD_VALUE_LENGTH;
    f[1].dwSize = sizeof(f[1]);
    f[1].Type = EapConfigInputPassword;
    f[1].dwFlagProps = EAP_CONFIG_INPUT_FIELD_PROPS_NON_DISPLAYABLE;
    f[1].pwszLabel = lp;
    f[1].dwMinDataLength = 0;
    f[1].dwMaxDataLength = MAX_EAP_CONFIG_INPUT_FIELD_VALUE_LENGTH;
    out->dwVersion = EAP_CREDENTIAL_VERSION;
    out->dwNumberOfFields = 2;
    out->pFields = f;
    return ERROR_SUCCESS;
}

/**
 * mu_clear_text_password() - the eatClearTextPassword attribute's value.
 * @attrs: the attributes an authenticator host passed to BeginSession, or
 *         NULL.  eatMinimum entries are skipped.
 * @password: set to a malloc'd NUL-terminated copy (free it with
 *            mu_free_secret()), or NULL on failure.
 *
 * The value is the password as UTF-8 bytes; one trailing NUL, if present,
 * is dropped.
 *
 * Return: ERROR_SUCCESS; ERROR_NOT_FOUND (1168) when there is no such
 * attribute; ERROR_INVALID_PARAMETER for NULL @password; ERROR_INVALID_DATA
 * when the value is NULL with a length, holds a NUL, or is not valid
 * UTF-8; ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD mu_clear_text_password(const EapAttributes *attrs, char **password)
{
    DWORD i;

    if (!password)
        return ERROR_INVALID_PARAMETER;
    *password = NULL;
    if (!attrs || !attrs->pAttribs)
        return ERROR_NOT_FOUND;
    for (i = 0; i < attrs->dwNumberOfAttributes; i++) {
        const EAP_ATTRIBUTE *a = &attrs->pAttribs[i];
        size_t n = a->dwLength;
        char *p;

        if (a->eaType != eatClearTextPassword)
            continue;
        if (n && !a->pValue)
            return ERROR_INVALID_DATA;
        if (n && a->pValue[n - 1] == 0)
            n--;
        if ((n && memchr(a->pValue, 0, n)) || !mu_utf8_valid(a->pValue, n))
            return ERROR_INVALID_DATA;
        p = malloc(n + 1);
        if (!p)
            return ERROR_NOT_ENOUGH_MEMORY;
        if (n)
            memcpy(p, a->pValue, n);
        p[n] = '\0';
        *password = p;
        return ERROR_SUCCESS;
    }
    return ERROR_NOT_FOUND;
}

/* ---- per-session credentials and the peer credential functions ---------- */

/**
 * mu_credentials_clear() - wipe and free a session's user name and password.
 * @c: the credentials, or NULL; both members are NULL afterwards.
 */
void mu_credentials_clear(mu_credentials *c)
{
    if (!c)
        return;
    mu_free_secret(c->user);
    mu_free_secret(c->password);
    c->user = NULL;
    c->password = NULL;
}

/**
 * mu_credentials_from_user_data() - take credentials from a user blob.
 * @c: replaced (the old ones wiped) on success, untouched on failure.
 * @data: the user data EapPeerBeginSession received; may be NULL.
 * @size: its size; 0 means "no user data", which is not an error and
 *        leaves @c as it is.
 * @type: the method's type, for the error.
 * @err: set to an error from mu_set_error() on failure, else NULL.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_DATA with the reason "the user data
 * is not a user blob of version 1 (version byte, user name, NUL, password,
 * NUL)"; ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD mu_credentials_from_user_data(mu_credentials *c, const BYTE *data,
                                    DWORD size, const EAP_METHOD_TYPE *type,
                                    EAP_ERROR **err)
{
    char *user, *password;
    DWORD rc;

    if (err)
        *err = NULL;
    if (!c)
        return mu_set_error(err, ERROR_INVALID_PARAMETER, type,
                            "no credentials to fill");
    if (size == 0)
        return ERROR_SUCCESS;
    rc = mu_user_blob_parse(data, size, &user, &password);
    if (rc == ERROR_NOT_ENOUGH_MEMORY)
        return mu_set_error(err, rc, type, "out of memory");
    if (rc != ERROR_SUCCESS)
        return mu_set_error(err, ERROR_INVALID_DATA, type,
                            "the user data is not a user blob of version 1 "
                            "(version byte, user name, NUL, password, NUL)");
    mu_credentials_clear(c);
    c->user = user;
    c->password = password;
    return ERROR_SUCCESS;
}

/**
 * mu_credentials_set() - the body of EapPeerSetCredentials.
 * @c: the session's credentials.
 * @identity: the user name (UTF-16); NULL keeps the current one.
 * @password: the password (UTF-16); NULL keeps the current one.
 * @type: the method's type, for the error.
 * @err: set to an error from mu_set_error() on failure, else NULL.
 *
 * Nothing changes unless both conversions succeed.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_DATA with the reason "the identity
 * is not valid UTF-16" or "the password is not valid UTF-16";
 * ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD mu_credentials_set(mu_credentials *c, const WCHAR *identity,
                         const WCHAR *password, const EAP_METHOD_TYPE *type,
                         EAP_ERROR **err)
{
    char *user = NULL, *pw = NULL;
    DWORD rc;

    if (err)
        *err = NULL;
    if (!c)
        return mu_set_error(err, ERROR_INVALID_PARAMETER, type,
                            "no session");
    if (identity && (rc = wide_to_utf8(identity, &user)) != ERROR_SUCCESS)
        return mu_set_error(err, rc, type, rc == ERROR_INVALID_DATA ?
                            "the identity is not valid UTF-16" :
                            "out of memory");
    if (password && (rc = wide_to_utf8(password, &pw)) != ERROR_SUCCESS) {
        mu_free_secret(user);
        return mu_set_error(err, rc, type, rc == ERROR_INVALID_DATA ?
                            "the password is not valid UTF-16" :
                            "out of memory");
    }
    if (user) {
        mu_free_secret(c->user);
        c->user = user;
    }
    if (pw) {
        mu_free_secret(c->password);
        c->password = pw;
    }
    return ERROR_SUCCESS;
}

/**
 * mu_peer_get_identity() - the body of EapPeerGetIdentity for methods whose
 * user data is the user blob.
 * @type: the method's type, for errors.
 * @user_size: size of @user_data; 0 when the supplicant has none.
 * @user_data: the user blob, or NULL.
 * @invoke_ui: set to TRUE when there is no user data (the user name must
 *             come from a dialog, which on POSIX means the supplicant's
 *             credentials), else FALSE.
 * @user_out_size: set to the size of *@user_out.
 * @user_out: set to a malloc'd copy of the user blob (the host frees it
 *            with EapPeerFreeMemory), or NULL.
 * @identity: set to the malloc'd UTF-16 user name (EapPeerFreeMemory), or
 *            NULL when *@invoke_ui is TRUE.
 * @err: set to an error from mu_set_error() on failure, else NULL.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER for NULL out-pointers;
 * ERROR_INVALID_DATA for user data that is not a valid user blob (reason
 * as in mu_credentials_from_user_data()); ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD mu_peer_get_identity(const EAP_METHOD_TYPE *type, DWORD user_size,
                           const BYTE *user_data, BOOL *invoke_ui,
                           DWORD *user_out_size, BYTE **user_out,
                           LPWSTR *identity, EAP_ERROR **err)
{
    mu_credentials c = { NULL, NULL };
    BYTE *copy;
    WCHAR *w;
    DWORD rc;

    if (err)
        *err = NULL;
    if (invoke_ui)
        *invoke_ui = FALSE;
    if (user_out_size)
        *user_out_size = 0;
    if (user_out)
        *user_out = NULL;
    if (identity)
        *identity = NULL;
    if (!invoke_ui || !user_out_size || !user_out || !identity)
        return mu_set_error(err, ERROR_INVALID_PARAMETER, type,
                            "a required output pointer is NULL");
    if (user_size == 0) {
        *invoke_ui = TRUE;
        return ERROR_SUCCESS;
    }
    rc = mu_credentials_from_user_data(&c, user_data, user_size, type, err);
    if (rc != ERROR_SUCCESS)
        return rc;
    w = mu_utf8_to_wide(c.user);
    copy = malloc(user_size);
    mu_credentials_clear(&c);
    if (!w || !copy) {
        free(w);
        free(copy);
        return mu_set_error(err, ERROR_NOT_ENOUGH_MEMORY, type,
                            "out of memory");
    }
    memcpy(copy, user_data, user_size);
    *user_out = copy;
    *user_out_size = user_size;
    *identity = w;
    return ERROR_SUCCESS;
}

/* Whether the type the host names is the method's own. */
static int same_type(const EAP_METHOD_TYPE *mine, const EAP_METHOD_TYPE *asked)
{
    return asked && mine && asked->eapType.type == mine->eapType.type &&
           asked->eapType.dwVendorId == mine->eapType.dwVendorId &&
           asked->eapType.dwVendorType == mine->eapType.dwVendorType;
}

/**
 * mu_peer_query_fields() - the body of EapPeerQueryCredentialInputFields.
 * @type: the method's type.
 * @requested: the type the host asks about.
 * @out: filled as mu_query_credential_fields() describes.
 * @err: set to an error from mu_set_error() on failure, else NULL.
 *
 * Return: ERROR_SUCCESS; ERROR_NOT_SUPPORTED ("not this method's EAP
 * type") when @requested is another type; ERROR_INVALID_PARAMETER;
 * ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD mu_peer_query_fields(const EAP_METHOD_TYPE *type,
                           const EAP_METHOD_TYPE *requested,
                           EAP_CONFIG_INPUT_FIELD_ARRAY *out, EAP_ERROR **err)
{
    DWORD rc;

    if (err)
        *err = NULL;
    if (out)
        memset(out, 0, sizeof(*out));
    if (!out)
        return mu_set_error(err, ERROR_INVALID_PARAMETER, type,
                            "the field array pointer is NULL");
    if (!same_type(type, requested))
        return mu_set_error(err, ERROR_NOT_SUPPORTED, type,
                            "not this method's EAP type");
    rc = mu_query_credential_fields(out);
    if (rc != ERROR_SUCCESS)
        return mu_set_error(err, rc, type, "out of memory");
    return ERROR_SUCCESS;
}

/**
 * mu_peer_query_user_blob() - the body of
 * EapPeerQueryUserBlobFromCredentialInputFields.
 * @type: the method's type.
 * @requested: the type the host asks about.
 * @fields: the filled credential fields.
 * @size: set to the blob's size.
 * @blob: set to the malloc'd user blob (the host frees it with
 *        EapPeerFreeMemory).
 * @err: set to an error from mu_set_error() on failure, else NULL.
 *
 * Return: ERROR_SUCCESS; ERROR_NOT_SUPPORTED ("not this method's EAP
 * type"); ERROR_INVALID_PARAMETER; ERROR_INVALID_DATA with the reason of
 * mu_user_blob_from_fields(); ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD mu_peer_query_user_blob(const EAP_METHOD_TYPE *type,
                              const EAP_METHOD_TYPE *requested,
                              const EAP_CONFIG_INPUT_FIELD_ARRAY *fields,
                              DWORD *size, BYTE **blob, EAP_ERROR **err)
{
    const char *reason = NULL;
    DWORD rc;

    if (err)
        *err = NULL;
    if (size)
        *size = 0;
    if (blob)
        *blob = NULL;
    if (!size || !blob)
        return mu_set_error(err, ERROR_INVALID_PARAMETER, type,
                            "a required output pointer is NULL");
    if (!same_type(type, requested))
        return mu_set_error(err, ERROR_NOT_SUPPORTED, type,
                            "not this method's EAP type");
    rc = mu_user_blob_from_fields(fields, size, blob, &reason);
    if (rc != ERROR_SUCCESS)
        return mu_set_error(err, rc, type, rc == ERROR_NOT_ENOUGH_MEMORY ?
                            "out of memory" : reason);
    return ERROR_SUCCESS;
}
