/*
 * radius_keys.h - the key check of radius_auth_run(), apart so that it can
 * be tested alone.
 */
#ifndef EAPHOST_RADIUS_KEYS_H
#define EAPHOST_RADIUS_KEYS_H

#include "radius_auth.h"

/**
 * radius_check_keys() - compare the peer's MSK with the server's MS-MPPE
 * keys and fill the key fields of @res (keys, key_detail, msk, msk_len,
 * server_keys, server_keys_len).
 * @peer_attributes: the peer's result attributes (EapHostPeerGetResult's
 *                   pAttribArray), or NULL.
 * @accept: the checked Access-Accept.
 * @request: the request it answers (its Request Authenticator decrypts the
 *           keys).
 * @secret: the shared secret.
 * @secret_len: its length.
 * @res: receives the check.
 *
 * Neither side with keys is RADIUS_KEYS_NONE; one side only, a malformed
 * key or different bytes is RADIUS_KEYS_MISMATCH.  Compared: the first
 * 32 bytes of Recv-Key | Send-Key (all of them when shorter) with as many
 * of the MSK.
 */
void radius_check_keys(const EAP_ATTRIBUTES *peer_attributes,
                       const struct radius_reply *accept,
                       const struct radius_request *request,
                       const uint8_t *secret, size_t secret_len,
                       struct radius_auth_result *res);

#endif /* EAPHOST_RADIUS_KEYS_H */
