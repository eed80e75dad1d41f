/*
 * method_util.h - helpers shared by the bundled EAP method plugins.
 *
 * Written as any method author outside libeaphost would write it: it uses
 * only the installed Windows SDK headers (built with -fshort-wchar, so WCHAR
 * is a 16-bit UTF-16 code unit) and the C library.  Nothing here calls into
 * libeaphost; a plugin links this as a static convenience library.
 *
 * Memory: every buffer these helpers return is allocated with malloc() and
 * released with free() - which is what the bundled plugins' exported
 * EapPeerFreeMemory / EapMethodAuthenticatorFreeMemory do - unless the
 * function says otherwise (errors: mu_free_error(); secrets:
 * mu_free_secret()).
 *
 * User blob (the user data a method builds from credential input fields,
 * version 1):
 *
 *   offset 0        1 byte   version, MU_USER_BLOB_VERSION (1)
 *   offset 1        n bytes  user name, UTF-8, no NUL inside, n >= 1
 *   offset 1+n      1 byte   0x00
 *   offset 2+n      m bytes  password, UTF-8, no NUL inside, m >= 0
 *   offset 2+n+m    1 byte   0x00
 *
 * Total size exactly 3 + n + m bytes; n and m are at most
 * MU_USER_BLOB_MAX_FIELD bytes each.  Anything else is refused with
 * ERROR_INVALID_DATA.  The password is stored in clear: the blob is as
 * secret as the password itself.
 *
 * Each function is documented (kernel-doc) at its definition: in
 * method_util.c (text, errors, secrets, packets, keys) or
 * method_credentials.c (user blob, credential fields, session credentials).
 *
 * Two more headers build on this one: method_exports.h (a method
 * library's GetInfo, free functions and no-op routines) and
 * method_password.h (both halves of a one-round password method, such as
 * EAP-MD5 and EAP-GTC, around the method's own packets and check).
 */
#ifndef PLUGINS_METHOD_UTIL_H
#define PLUGINS_METHOD_UTIL_H

#include <stddef.h>

#include <eaptypes.h>
#include <eaphosterror.h>
#include <eapmethodtypes.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version byte of the user blob described above. */
#define MU_USER_BLOB_VERSION 1u
/* Longest user name or password (UTF-8 bytes) a user blob may hold. */
#define MU_USER_BLOB_MAX_FIELD 4096u

/* Microsoft's vendor id (RADIUS vendor-specific attributes, MPPE keys). */
#define MU_VENDOR_MICROSOFT 311u
#define MU_MPPE_SEND_KEY 16u
#define MU_MPPE_RECV_KEY 17u

/* EAP header (Code, Identifier, Length) plus the Type byte. */
#define MU_EAP_TYPE_HEADER 5u

DWORD mu_set_error(EAP_ERROR **err, DWORD code, const EAP_METHOD_TYPE *type,
                   const char *reason_utf8);
void mu_free_error(EAP_ERROR *e);

char *mu_wide_to_utf8(const WCHAR *w);
DWORD mu_wide_to_utf8_checked(const WCHAR *w, char **out);
WCHAR *mu_utf8_to_wide(const char *s);
int mu_utf8_valid(const BYTE *s, size_t n);
size_t mu_wcslen(const WCHAR *w);

void mu_wipe(void *p, size_t n);
void mu_free_secret(char *s);
void mu_wipe_free(void *p, size_t n);

DWORD mu_be16(const BYTE *p);
void mu_put_be16(BYTE *p, DWORD v);
BYTE *mu_put_eap_header(BYTE *pkt, BYTE code, BYTE id, DWORD len, BYTE type);
const BYTE *mu_type_data(const EapPacket *p, DWORD size, BYTE type,
                         DWORD *data_len);
int mu_eap_type_equal(const EAP_TYPE *a, const EAP_TYPE *b);
DWORD mu_begin_packet(EapPacket *pkt, DWORD capacity, BYTE code, BYTE id,
                      BYTE type, size_t total, BYTE **type_data);

DWORD mu_mppe_key_attribute(BYTE vendor_type, const BYTE *key, size_t key_len,
                            EAP_ATTRIBUTE *out);
void mu_free_key_attribute(EAP_ATTRIBUTE *a);

/*
 * The two MPPE key attributes of a successful result and the array that
 * lists them (mu_mppe_keys_set()); zeroed, it is empty.
 */
typedef struct mu_mppe_keys {
    EAP_ATTRIBUTE attrs[2];
    EAP_ATTRIBUTES array;
} mu_mppe_keys;

DWORD mu_mppe_keys_set(mu_mppe_keys *k, const BYTE *send, const BYTE *recv,
                       size_t key_len);
void mu_mppe_keys_clear(mu_mppe_keys *k);

int mu_ct_equal(const void *a, const void *b, size_t n);
DWORD mu_random(void *buf, size_t n);

DWORD mu_user_blob_make(const WCHAR *user, const WCHAR *password,
                        DWORD *size, BYTE **blob);
DWORD mu_user_blob_parse(const BYTE *blob, DWORD size, char **user,
                         char **password);
DWORD mu_user_blob_from_fields(const EAP_CONFIG_INPUT_FIELD_ARRAY *fields,
                               DWORD *size, BYTE **blob, const char **reason);
DWORD mu_query_credential_fields(EAP_CONFIG_INPUT_FIELD_ARRAY *out);
DWORD mu_clear_text_password(const EapAttributes *attrs, char **password);

/*
 * A user name and password held by a method session, both UTF-8 and
 * malloc'd (or NULL).  mu_credentials_clear() wipes and frees them.
 */
typedef struct mu_credentials {
    char *user;
    char *password;
} mu_credentials;

void mu_credentials_clear(mu_credentials *c);
DWORD mu_credentials_from_user_data(mu_credentials *c, const BYTE *data,
                                    DWORD size, const EAP_METHOD_TYPE *type,
                                    EAP_ERROR **err);
DWORD mu_credentials_set(mu_credentials *c, const WCHAR *identity,
                         const WCHAR *password, const EAP_METHOD_TYPE *type,
                         EAP_ERROR **err);

/* Ready-made bodies of the peer credential functions (see method_util.c). */
DWORD mu_peer_get_identity(const EAP_METHOD_TYPE *type, DWORD user_size,
                           const BYTE *user_data, BOOL *invoke_ui,
                           DWORD *user_out_size, BYTE **user_out,
                           LPWSTR *identity, EAP_ERROR **err);
DWORD mu_peer_query_fields(const EAP_METHOD_TYPE *type,
                           const EAP_METHOD_TYPE *requested,
                           EAP_CONFIG_INPUT_FIELD_ARRAY *out, EAP_ERROR **err);
DWORD mu_peer_query_user_blob(const EAP_METHOD_TYPE *type,
                              const EAP_METHOD_TYPE *requested,
                              const EAP_CONFIG_INPUT_FIELD_ARRAY *fields,
                              DWORD *size, BYTE **blob, EAP_ERROR **err);

#ifdef __cplusplus
}
#endif

#endif /* PLUGINS_METHOD_UTIL_H */
