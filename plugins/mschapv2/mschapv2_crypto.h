/*
 * mschapv2_crypto.h - the MS-CHAPv2 computations of RFC 2759 section 8 and
 * the MPPE start keys of RFC 3079 section 3 ([MS-CHAP] 3.1.5), over nettle.
 *
 * Names follow the RFCs' pseudo-code so the two can be read side by side.
 * Every function writes fixed-size outputs the caller provides; nothing is
 * allocated.  Intermediate values that depend on the password (hashes,
 * DES key schedules, hash contexts) are wiped before returning.
 *
 * Key directions (RFC 3079 3.4, GetAsymmetricStartKey): the peer's send key
 * is the server's receive key (Magic2) and the peer's receive key is the
 * server's send key (Magic3).  RFC 3079 3.5.3's "SendStartKey128" is the
 * server's send key, hence the peer's receive key.
 */
#ifndef PLUGINS_MSCHAPV2_CRYPTO_H
#define PLUGINS_MSCHAPV2_CRYPTO_H

#include <stddef.h>

#include <eaptypes.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MSCHAPV2_CHALLENGE_LEN 16     /* Authenticator- and Peer-Challenge */
#define MSCHAPV2_CHALLENGE_HASH_LEN 8 /* ChallengeHash output */
#define MSCHAPV2_HASH_LEN 16          /* PasswordHash, PasswordHashHash */
#define MSCHAPV2_NT_RESPONSE_LEN 24
#define MSCHAPV2_AUTH_DIGEST_LEN 20   /* the 20 octets behind "S=" */
#define MSCHAPV2_AUTH_STRING_LEN 42   /* "S=" and 40 upper-case hex digits */
#define MSCHAPV2_KEY_LEN 16           /* MasterKey, 128-bit start keys */
#define MSCHAPV2_MSK_LEN 64
/* RFC 2759: the password is 0 to 256 Unicode characters. */
#define MSCHAPV2_MAX_PASSWORD_UNITS 256u

/* Each function is documented where it is defined, in mschapv2_crypto.c. */

const char *mschapv2_user_name(const char *name, size_t len, size_t *out_len);

void mschapv2_challenge_hash(const BYTE peer_challenge[MSCHAPV2_CHALLENGE_LEN],
                             const BYTE auth_challenge[MSCHAPV2_CHALLENGE_LEN],
                             const char *user, size_t user_len,
                             BYTE challenge[MSCHAPV2_CHALLENGE_HASH_LEN]);

DWORD mschapv2_nt_password_hash(const WCHAR *password, size_t units,
                                BYTE hash[MSCHAPV2_HASH_LEN]);

void mschapv2_hash_nt_password_hash(const BYTE hash[MSCHAPV2_HASH_LEN],
                                    BYTE hash_hash[MSCHAPV2_HASH_LEN]);

void mschapv2_challenge_response(const BYTE challenge[MSCHAPV2_CHALLENGE_HASH_LEN],
                                 const BYTE password_hash[MSCHAPV2_HASH_LEN],
                                 BYTE response[MSCHAPV2_NT_RESPONSE_LEN]);

void mschapv2_generate_nt_response(const BYTE auth_challenge[MSCHAPV2_CHALLENGE_LEN],
                                   const BYTE peer_challenge[MSCHAPV2_CHALLENGE_LEN],
                                   const char *user, size_t user_len,
                                   const BYTE password_hash[MSCHAPV2_HASH_LEN],
                                   BYTE response[MSCHAPV2_NT_RESPONSE_LEN]);

void mschapv2_authenticator_digest(const BYTE password_hash[MSCHAPV2_HASH_LEN],
                                   const BYTE nt_response[MSCHAPV2_NT_RESPONSE_LEN],
                                   const BYTE peer_challenge[MSCHAPV2_CHALLENGE_LEN],
                                   const BYTE auth_challenge[MSCHAPV2_CHALLENGE_LEN],
                                   const char *user, size_t user_len,
                                   BYTE digest[MSCHAPV2_AUTH_DIGEST_LEN]);

void mschapv2_authenticator_string(const BYTE digest[MSCHAPV2_AUTH_DIGEST_LEN],
                                   char out[MSCHAPV2_AUTH_STRING_LEN + 1]);

void mschapv2_master_key(const BYTE password_hash_hash[MSCHAPV2_HASH_LEN],
                         const BYTE nt_response[MSCHAPV2_NT_RESPONSE_LEN],
                         BYTE master_key[MSCHAPV2_KEY_LEN]);

void mschapv2_asymmetric_start_key(const BYTE master_key[MSCHAPV2_KEY_LEN],
                                   int is_send, int is_server,
                                   BYTE *start_key, size_t key_len);

void mschapv2_session_keys(const BYTE password_hash[MSCHAPV2_HASH_LEN],
                           const BYTE nt_response[MSCHAPV2_NT_RESPONSE_LEN],
                           int is_server, BYTE send_key[MSCHAPV2_KEY_LEN],
                           BYTE recv_key[MSCHAPV2_KEY_LEN]);

void mschapv2_msk(const BYTE peer_send_key[MSCHAPV2_KEY_LEN],
                  const BYTE peer_recv_key[MSCHAPV2_KEY_LEN],
                  BYTE msk[MSCHAPV2_MSK_LEN]);

#ifdef __cplusplus
}
#endif

#endif /* PLUGINS_MSCHAPV2_CRYPTO_H */
