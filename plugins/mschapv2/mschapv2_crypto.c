/*
 * mschapv2_crypto.c - RFC 2759 section 8 and RFC 3079 section 3 over
 * nettle's MD4, SHA-1 and DES.  See mschapv2_crypto.h.
 */
#include "mschapv2_crypto.h"

#include <string.h>

#include <nettle/des.h>
#include <nettle/md4.h>
#include <nettle/sha1.h>

#include "method_util.h"

/* The magic strings of the RFCs, without a terminating NUL. */
#define MAGIC(name, text) static const char name[sizeof(text) - 1] = text

/* RFC 2759 8.7, GenerateAuthenticatorResponse. */
MAGIC(auth_magic1, "Magic server to client signing constant");
MAGIC(auth_magic2, "Pad to make it do more than one iteration");
/* RFC 3079 3.4, GetMasterKey and GetAsymmetricStartKey. */
MAGIC(key_magic1, "This is the MPPE Master Key");
MAGIC(key_magic2, "On the client side, this is the send key; "
                  "on the server side, it is the receive key.");
MAGIC(key_magic3, "On the client side, this is the receive key; "
                  "on the server side, it is the send key.");

_Static_assert(sizeof(auth_magic1) == 39, "RFC 2759 Magic1 is 39 octets");
_Static_assert(sizeof(auth_magic2) == 41, "RFC 2759 Magic2 is 41 octets");
_Static_assert(sizeof(key_magic1) == 27, "RFC 3079 Magic1 is 27 octets");
_Static_assert(sizeof(key_magic2) == 84, "RFC 3079 Magic2 is 84 octets");
_Static_assert(sizeof(key_magic3) == 84, "RFC 3079 Magic3 is 84 octets");

#define SHS_PAD_LEN 40

/**
 * mschapv2_user_name() - the part of a user name that enters ChallengeHash.
 * @name: the user name as sent in the Response's Name field (UTF-8).
 * @len: its length in bytes.
 * @out_len: set to the length of the returned part.
 *
 * RFC 2759 4: only the user name, without a prepended "DOMAIN\", is hashed.
 * The part after the first backslash is used, as Windows and other
 * implementations do; a name without a backslash is used whole.
 *
 * Return: a pointer into @name (no copy).
 */
const char *mschapv2_user_name(const char *name, size_t len, size_t *out_len)
{
    const char *slash = len ? memchr(name, '\\', len) : NULL;

    if (!slash) {
        *out_len = len;
        return name;
    }
    *out_len = len - (size_t)(slash + 1 - name);
    return slash + 1;
}

/**
 * mschapv2_challenge_hash() - ChallengeHash (RFC 2759 8.2).
 * @peer_challenge: the 16-octet Peer-Challenge.
 * @auth_challenge: the 16-octet Authenticator-Challenge.
 * @user: the user name to hash (already passed through mschapv2_user_name()).
 * @user_len: its length in bytes.
 * @challenge: receives the first 8 octets of
 *             SHA-1(Peer-Challenge | Authenticator-Challenge | UserName).
 */
void mschapv2_challenge_hash(const BYTE peer_challenge[MSCHAPV2_CHALLENGE_LEN],
                             const BYTE auth_challenge[MSCHAPV2_CHALLENGE_LEN],
                             const char *user, size_t user_len,
                             BYTE challenge[MSCHAPV2_CHALLENGE_HASH_LEN])
{
    struct sha1_ctx ctx;

    sha1_init(&ctx);
    sha1_update(&ctx, MSCHAPV2_CHALLENGE_LEN, peer_challenge);
    sha1_update(&ctx, MSCHAPV2_CHALLENGE_LEN, auth_challenge);
    sha1_update(&ctx, user_len, (const uint8_t *)user);
    /* nettle truncates the digest to the length asked for. */
    sha1_digest(&ctx, MSCHAPV2_CHALLENGE_HASH_LEN, challenge);
    mu_wipe(&ctx, sizeof(ctx));
}

/**
 * mschapv2_nt_password_hash() - NtPasswordHash (RFC 2759 8.3).
 * @password: the password as UTF-16 code units (the caller's memory; not
 *            changed, not kept).
 * @units: the number of code units, at most MSCHAPV2_MAX_PASSWORD_UNITS.
 * @hash: receives MD4 of the password in UTF-16LE (whatever the host's
 *        byte order).
 *
 * Return: ERROR_SUCCESS, or ERROR_INVALID_PARAMETER when @units is over
 * the limit or @password is NULL with @units non-zero (@hash is then
 * zeroed).
 */
DWORD mschapv2_nt_password_hash(const WCHAR *password, size_t units,
                                BYTE hash[MSCHAPV2_HASH_LEN])
{
    BYTE le[2 * MSCHAPV2_MAX_PASSWORD_UNITS];
    struct md4_ctx ctx;
    size_t i;

    if (units > MSCHAPV2_MAX_PASSWORD_UNITS || (units && !password)) {
        memset(hash, 0, MSCHAPV2_HASH_LEN);
        return ERROR_INVALID_PARAMETER;
    }
    /* UTF-16LE explicitly: the hash must not depend on the byte order. */
    for (i = 0; i < units; i++) {
        le[2 * i] = (BYTE)(password[i] & 0xFF);
        le[2 * i + 1] = (BYTE)((password[i] >> 8) & 0xFF);
    }
    md4_init(&ctx);
    md4_update(&ctx, 2 * units, le);
    md4_digest(&ctx, MSCHAPV2_HASH_LEN, hash);
    mu_wipe(le, sizeof(le));
    mu_wipe(&ctx, sizeof(ctx));
    return ERROR_SUCCESS;
}

/**
 * mschapv2_hash_nt_password_hash() - HashNtPasswordHash (RFC 2759 8.4).
 * @hash: the 16-octet PasswordHash.
 * @hash_hash: receives MD4(@hash).  May not overlap @hash.
 */
void mschapv2_hash_nt_password_hash(const BYTE hash[MSCHAPV2_HASH_LEN],
                                    BYTE hash_hash[MSCHAPV2_HASH_LEN])
{
    struct md4_ctx ctx;

    md4_init(&ctx);
    md4_update(&ctx, MSCHAPV2_HASH_LEN, hash);
    md4_digest(&ctx, MSCHAPV2_HASH_LEN, hash_hash);
    mu_wipe(&ctx, sizeof(ctx));
}

/*
 * DesEncrypt (RFC 2759 8.6): spread the 56 key bits of @key7 over the high
 * seven bits of eight octets, set each octet's parity bit, encrypt one
 * block.
 */
static void des_encrypt_block(const BYTE clear[8], const BYTE key7[7],
                              BYTE cypher[8])
{
    BYTE key8[DES_KEY_SIZE];
    struct des_ctx ctx;

    key8[0] = key7[0];
    key8[1] = (BYTE)((key7[0] << 7) | (key7[1] >> 1));
    key8[2] = (BYTE)((key7[1] << 6) | (key7[2] >> 2));
    key8[3] = (BYTE)((key7[2] << 5) | (key7[3] >> 3));
    key8[4] = (BYTE)((key7[3] << 4) | (key7[4] >> 4));
    key8[5] = (BYTE)((key7[4] << 3) | (key7[5] >> 5));
    key8[6] = (BYTE)((key7[5] << 2) | (key7[6] >> 6));
    key8[7] = (BYTE)(key7[6] << 1);
    des_fix_parity(DES_KEY_SIZE, key8, key8);
    /*
     * des_set_key() returns 0 for the (semi-)weak keys but builds the key
     * schedule all the same; MS-CHAP uses such keys like any other.
     */
    (void)des_set_key(&ctx, key8);
    des_encrypt(&ctx, 8, cypher, clear);
    mu_wipe(key8, sizeof(key8));
    mu_wipe(&ctx, sizeof(ctx));
}

/**
 * mschapv2_challenge_response() - ChallengeResponse (RFC 2759 8.5).
 * @challenge: the 8-octet ChallengeHash.
 * @password_hash: the 16-octet PasswordHash, zero-padded to 21 octets and
 *                 split into three 7-octet DES keys (RFC 2759 8.6).
 * @response: receives the three DES encryptions of @challenge.
 *
 * Weak DES keys are used as they come: the keys are hash output and
 * RFC 2759 makes no exception for them.
 */
void mschapv2_challenge_response(const BYTE challenge[MSCHAPV2_CHALLENGE_HASH_LEN],
                                 const BYTE password_hash[MSCHAPV2_HASH_LEN],
                                 BYTE response[MSCHAPV2_NT_RESPONSE_LEN])
{
    BYTE z[21];

    memset(z, 0, sizeof(z));
    memcpy(z, password_hash, MSCHAPV2_HASH_LEN);
    des_encrypt_block(challenge, z, response);
    des_encrypt_block(challenge, z + 7, response + 8);
    des_encrypt_block(challenge, z + 14, response + 16);
    mu_wipe(z, sizeof(z));
}

/**
 * mschapv2_generate_nt_response() - GenerateNTResponse (RFC 2759 8.1).
 * @auth_challenge: the Authenticator-Challenge.
 * @peer_challenge: the Peer-Challenge.
 * @user: the hashed part of the user name (mschapv2_user_name()).
 * @user_len: its length in bytes.
 * @password_hash: the PasswordHash (mschapv2_nt_password_hash()).
 * @response: receives the 24-octet NT-Response.
 */
void mschapv2_generate_nt_response(const BYTE auth_challenge[MSCHAPV2_CHALLENGE_LEN],
                                   const BYTE peer_challenge[MSCHAPV2_CHALLENGE_LEN],
                                   const char *user, size_t user_len,
                                   const BYTE password_hash[MSCHAPV2_HASH_LEN],
                                   BYTE response[MSCHAPV2_NT_RESPONSE_LEN])
{
    BYTE challenge[MSCHAPV2_CHALLENGE_HASH_LEN];

    mschapv2_challenge_hash(peer_challenge, auth_challenge, user, user_len,
                            challenge);
    mschapv2_challenge_response(challenge, password_hash, response);
}

/**
 * mschapv2_authenticator_digest() - the 20 octets of the Authenticator
 * Response (RFC 2759 8.7, GenerateAuthenticatorResponse before hex
 * encoding).
 * @password_hash: the PasswordHash.
 * @nt_response: the NT-Response.
 * @peer_challenge: the Peer-Challenge.
 * @auth_challenge: the Authenticator-Challenge.
 * @user: the hashed part of the user name.
 * @user_len: its length in bytes.
 * @digest: receives SHA-1(SHA-1(PasswordHashHash | NT-Response | Magic1) |
 *          ChallengeHash | Magic2).
 */
void mschapv2_authenticator_digest(const BYTE password_hash[MSCHAPV2_HASH_LEN],
                                   const BYTE nt_response[MSCHAPV2_NT_RESPONSE_LEN],
                                   const BYTE peer_challenge[MSCHAPV2_CHALLENGE_LEN],
                                   const BYTE auth_challenge[MSCHAPV2_CHALLENGE_LEN],
                                   const char *user, size_t user_len,
                                   BYTE digest[MSCHAPV2_AUTH_DIGEST_LEN])
{
    BYTE hash_hash[MSCHAPV2_HASH_LEN];
    BYTE challenge[MSCHAPV2_CHALLENGE_HASH_LEN];
    BYTE inner[SHA1_DIGEST_SIZE];
    struct sha1_ctx ctx;

    mschapv2_hash_nt_password_hash(password_hash, hash_hash);
    sha1_init(&ctx);
    sha1_update(&ctx, sizeof(hash_hash), hash_hash);
    sha1_update(&ctx, MSCHAPV2_NT_RESPONSE_LEN, nt_response);
    sha1_update(&ctx, sizeof(auth_magic1), (const uint8_t *)auth_magic1);
    sha1_digest(&ctx, sizeof(inner), inner);

    mschapv2_challenge_hash(peer_challenge, auth_challenge, user, user_len,
                            challenge);
    sha1_init(&ctx);
    sha1_update(&ctx, sizeof(inner), inner);
    sha1_update(&ctx, sizeof(challenge), challenge);
    sha1_update(&ctx, sizeof(auth_magic2), (const uint8_t *)auth_magic2);
    sha1_digest(&ctx, MSCHAPV2_AUTH_DIGEST_LEN, digest);

    mu_wipe(hash_hash, sizeof(hash_hash));
    mu_wipe(inner, sizeof(inner));
    mu_wipe(&ctx, sizeof(ctx));
}

/**
 * mschapv2_authenticator_string() - the Authenticator Response as sent.
 * @digest: the 20 octets from mschapv2_authenticator_digest().
 * @out: receives "S=" followed by 40 upper-case hex digits and a NUL
 *       (MSCHAPV2_AUTH_STRING_LEN + 1 bytes).
 */
void mschapv2_authenticator_string(const BYTE digest[MSCHAPV2_AUTH_DIGEST_LEN],
                                   char out[MSCHAPV2_AUTH_STRING_LEN + 1])
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i;

    out[0] = 'S';
    out[1] = '=';
    for (i = 0; i < MSCHAPV2_AUTH_DIGEST_LEN; i++) {
        out[2 + 2 * i] = hex[digest[i] >> 4];
        out[3 + 2 * i] = hex[digest[i] & 0x0F];
    }
    out[MSCHAPV2_AUTH_STRING_LEN] = '\0';
}

/**
 * mschapv2_master_key() - GetMasterKey (RFC 3079 3.4).
 * @password_hash_hash: the PasswordHashHash.
 * @nt_response: the NT-Response.
 * @master_key: receives the first 16 octets of
 *              SHA-1(PasswordHashHash | NT-Response | Magic1).
 */
void mschapv2_master_key(const BYTE password_hash_hash[MSCHAPV2_HASH_LEN],
                         const BYTE nt_response[MSCHAPV2_NT_RESPONSE_LEN],
                         BYTE master_key[MSCHAPV2_KEY_LEN])
{
    struct sha1_ctx ctx;

    sha1_init(&ctx);
    sha1_update(&ctx, MSCHAPV2_HASH_LEN, password_hash_hash);
    sha1_update(&ctx, MSCHAPV2_NT_RESPONSE_LEN, nt_response);
    sha1_update(&ctx, sizeof(key_magic1), (const uint8_t *)key_magic1);
    sha1_digest(&ctx, MSCHAPV2_KEY_LEN, master_key);
    mu_wipe(&ctx, sizeof(ctx));
}

/**
 * mschapv2_asymmetric_start_key() - GetAsymmetricStartKey (RFC 3079 3.4).
 * @master_key: the MasterKey.
 * @is_send: non-zero for the send key of the side named by @is_server.
 * @is_server: non-zero when the keys are the server's.
 * @start_key: receives the first @key_len octets of
 *             SHA-1(MasterKey | SHSpad1 | Magic | SHSpad2).
 * @key_len: 8 or 16 (MPPE 40/56-bit or 128-bit); at most 20.
 *
 * Magic2 is chosen for the client's send key and the server's receive key,
 * Magic3 for the client's receive key and the server's send key.
 */
void mschapv2_asymmetric_start_key(const BYTE master_key[MSCHAPV2_KEY_LEN],
                                   int is_send, int is_server,
                                   BYTE *start_key, size_t key_len)
{
    static const BYTE pad1[SHS_PAD_LEN];  /* SHSpad1: 40 octets of 0x00 */
    BYTE pad2[SHS_PAD_LEN];               /* SHSpad2: 40 octets of 0xF2 */
    struct sha1_ctx ctx;
    /* Client send == server receive: Magic2; the other two: Magic3. */
    const char *magic = (!is_send == !is_server) ? key_magic3 : key_magic2;

    if (key_len > SHA1_DIGEST_SIZE)
        key_len = SHA1_DIGEST_SIZE;
    memset(pad2, 0xF2, sizeof(pad2));
    sha1_init(&ctx);
    sha1_update(&ctx, MSCHAPV2_KEY_LEN, master_key);
    sha1_update(&ctx, sizeof(pad1), pad1);
    sha1_update(&ctx, sizeof(key_magic2), (const uint8_t *)magic);
    sha1_update(&ctx, sizeof(pad2), pad2);
    sha1_digest(&ctx, key_len, start_key);
    mu_wipe(&ctx, sizeof(ctx));
}

/**
 * mschapv2_session_keys() - both 128-bit start keys of one side.
 * @password_hash: the PasswordHash.
 * @nt_response: the NT-Response of the exchange.
 * @is_server: non-zero for the server's view, zero for the peer's.
 * @send_key: receives that side's MS-MPPE-Send-Key (16 octets).
 * @recv_key: receives that side's MS-MPPE-Recv-Key (16 octets).
 *
 * HashNtPasswordHash, GetMasterKey and GetAsymmetricStartKey in one call;
 * the intermediate PasswordHashHash and MasterKey are wiped.  The peer's
 * @send_key equals the server's @recv_key and the other way round.
 */
void mschapv2_session_keys(const BYTE password_hash[MSCHAPV2_HASH_LEN],
                           const BYTE nt_response[MSCHAPV2_NT_RESPONSE_LEN],
                           int is_server, BYTE send_key[MSCHAPV2_KEY_LEN],
                           BYTE recv_key[MSCHAPV2_KEY_LEN])
{
    BYTE hash_hash[MSCHAPV2_HASH_LEN];
    BYTE master[MSCHAPV2_KEY_LEN];

    mschapv2_hash_nt_password_hash(password_hash, hash_hash);
    mschapv2_master_key(hash_hash, nt_response, master);
    mschapv2_asymmetric_start_key(master, 1, is_server, send_key,
                                  MSCHAPV2_KEY_LEN);
    mschapv2_asymmetric_start_key(master, 0, is_server, recv_key,
                                  MSCHAPV2_KEY_LEN);
    mu_wipe(hash_hash, sizeof(hash_hash));
    mu_wipe(master, sizeof(master));
}

/**
 * mschapv2_msk() - the 64-octet EAP-MSCHAPv2 MSK from the two start keys.
 * @peer_send_key: the peer's send key (= the server's MS-MPPE-Recv-Key).
 * @peer_recv_key: the peer's receive key (= the server's MS-MPPE-Send-Key).
 * @msk: receives @peer_send_key | @peer_recv_key | 32 zero octets.
 *
 * This is the MSK a RADIUS server's Access-Accept implies: server Recv-Key
 * followed by server Send-Key, padded with zeros to 64 octets.  From the
 * server's attributes call it as mschapv2_msk(server_recv, server_send, msk).
 */
void mschapv2_msk(const BYTE peer_send_key[MSCHAPV2_KEY_LEN],
                  const BYTE peer_recv_key[MSCHAPV2_KEY_LEN],
                  BYTE msk[MSCHAPV2_MSK_LEN])
{
    memcpy(msk, peer_send_key, MSCHAPV2_KEY_LEN);
    memcpy(msk + MSCHAPV2_KEY_LEN, peer_recv_key, MSCHAPV2_KEY_LEN);
    memset(msk + 2 * MSCHAPV2_KEY_LEN, 0,
           MSCHAPV2_MSK_LEN - 2 * MSCHAPV2_KEY_LEN);
}
