/*
 * radius_mppe.h - MS-MPPE-Send-Key and MS-MPPE-Recv-Key from an
 * Access-Accept, decrypted (RFC 2548 §2.4.2, §2.4.3).
 */
#ifndef EAPHOST_RADIUS_MPPE_H
#define EAPHOST_RADIUS_MPPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "radius_packet.h"

#define RADIUS_VENDOR_MICROSOFT 311u
#define RADIUS_MS_MPPE_SEND_KEY 16u
#define RADIUS_MS_MPPE_RECV_KEY 17u

/* The longest key a sub-attribute can carry: a 253-byte Vendor-Specific
 * value less vendor id (4), vendor type and length (2), salt (2) and the
 * key-length byte. */
#define RADIUS_MPPE_MAX_KEY 244u

/* What radius_mppe_keys() found. */
enum radius_mppe_status {
    RADIUS_MPPE_OK = 0,        /* both keys, decrypted */
    RADIUS_MPPE_NONE,          /* neither key in the reply */
    RADIUS_MPPE_INVALID        /* one key only, a key twice, or a
                                * malformed one: see the detail */
};

/* Both keys of an Access-Accept. */
struct radius_mppe_keys {
    uint8_t send[RADIUS_MPPE_MAX_KEY];
    size_t send_len;
    uint8_t recv[RADIUS_MPPE_MAX_KEY];
    size_t recv_len;
};

/**
 * radius_mppe_decrypt() - decrypt one MS-MPPE key value (RFC 2548 §2.4.2):
 * salt (2 bytes), then a string of 16-byte blocks, each XORed with
 * MD5(secret | Request Authenticator | salt) for the first block and
 * MD5(secret | previous ciphertext block) for the others; the plaintext
 * is the key length (1 byte), the key and zero padding.
 * @value: the sub-attribute's value (salt and string).
 * @len: its length.
 * @secret: the shared secret.
 * @secret_len: its length.
 * @req_auth: the Request Authenticator of the request answered.
 * @key: receives the key, at most RADIUS_MPPE_MAX_KEY bytes.
 * @key_len: receives its length.
 *
 * Return: true; false when the value is malformed (string empty or not a
 * multiple of 16, key length past the string).
 */
bool radius_mppe_decrypt(const uint8_t *value, size_t len,
                         const uint8_t *secret, size_t secret_len,
                         const uint8_t *req_auth, uint8_t *key,
                         size_t *key_len);

/**
 * radius_mppe_keys() - find and decrypt both MPPE keys of a reply.
 * @reply: a checked Access-Accept.
 * @request: the request it answers.
 * @secret: the shared secret.
 * @secret_len: its length.
 * @keys: receives the keys (wiped first).
 * @detail: receives a one-line explanation for RADIUS_MPPE_INVALID.
 * @detail_len: size of @detail.
 *
 * Every Vendor-Specific attribute of vendor 311 is walked; its
 * sub-attributes must fit it exactly.
 *
 * Return: the status.
 */
enum radius_mppe_status radius_mppe_keys(const struct radius_reply *reply,
                                         const struct radius_request *request,
                                         const uint8_t *secret,
                                         size_t secret_len,
                                         struct radius_mppe_keys *keys,
                                         char *detail, size_t detail_len);

#endif /* EAPHOST_RADIUS_MPPE_H */
