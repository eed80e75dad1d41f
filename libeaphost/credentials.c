/*
 * credentials.c - the user name and password a supplicant gives a peer
 * session (eaphost_session_set_credentials).
 *
 * They are checked and converted to UTF-16 once, when given, and kept in
 * the session slot's inline buffers (host memory when long), so that
 * EapPeerSetCredentials later costs no conversion.  The identity is kept
 * in UTF-8 as well, for the Identity Response.  The password exists only
 * as UTF-16 and is wiped wherever it was.
 */
#include "internal.h"

#include <string.h>

static const WCHAR empty_wide[1];

/**
 * eh_credential_prepare() - check and convert a credential.
 * @c: receives the result; release it with eh_credential_release() unless
 *     a session took it.
 * @utf8: NUL-terminated UTF-8, the caller's; it must stay valid until @c
 *        is given to a session.
 * @keep_utf8: a UTF-8 copy will be needed (the identity): text too long
 *             for the slot is copied to host memory now.
 *
 * Return: ERROR_SUCCESS, ERROR_NO_UNICODE_TRANSLATION,
 * ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eh_credential_prepare(struct eh_credential *c, const char *utf8,
                            bool keep_utf8)
{
    size_t n, i;
    DWORD rc;

    c->utf8 = utf8;
    c->utf8_heap = NULL;
    /* Short ASCII, the common case: measured and converted in one pass, a
     * unit per byte; anything else takes the general conversion. */
    for (i = 0; i < EH_CRED_INLINE - 1; i++) {
        unsigned char b = (unsigned char)utf8[i];

        if (b == 0 || b >= 0x80)
            break;
        c->stack[i] = b;
    }
    if (utf8[i] == 0) {
        c->stack[i] = 0;
        c->wide = c->stack;
        c->units = c->len = i;
        return ERROR_SUCCESS;
    }
    n = c->len = i + strlen(utf8 + i);
    rc = eh_utf8_to_utf16_into(utf8, n, c->stack, EH_CRED_INLINE,
                               &c->wide, &c->units);
    if (rc != ERROR_SUCCESS) {
        eh_wipe(c->stack, i * sizeof(WCHAR));
        return rc;
    }
    if (keep_utf8 && c->len + 1 > EH_CRED_INLINE &&
        !(c->utf8_heap = eh_memdup(utf8, c->len + 1))) {
        eh_credential_release(c);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    return ERROR_SUCCESS;
}

/**
 * eh_credential_release() - wipe and free what @c still owns.
 */
void eh_credential_release(struct eh_credential *c)
{
    if (c->wide) {
        eh_wipe(c->wide, c->units * sizeof(WCHAR));
        if (c->wide != c->stack)
            eh_free(c->wide);
        c->wide = NULL;
    }
    if (c->utf8_heap) {
        eh_free(c->utf8_heap);
        c->utf8_heap = NULL;
    }
}

/* The slot's copy of @c's UTF-16: @inline_buf when it fitted, else @c's
 * host memory, which passes to the session.  @secret: wipe @c's stack. */
static WCHAR *keep_wide(WCHAR *inline_buf, struct eh_credential *c,
                        bool secret)
{
    WCHAR *w = c->wide;

    if (w == c->stack) {
        memcpy(inline_buf, w, (c->units + 1) * sizeof(WCHAR));
        if (secret)
            eh_wipe(w, c->units * sizeof(WCHAR));
        w = inline_buf;
    }
    c->wide = NULL;
    return w;
}

static void drop_identity(struct eh_session *s)
{
    if (s->identity && s->identity != s->identity_buf)
        eh_free(s->identity);
    if (s->identity_w && s->identity_w != s->identity_wbuf)
        eh_free(s->identity_w);
    s->identity = NULL;
    s->identity_w = NULL;
    s->identity_len = 0;
}

static void drop_password(struct eh_session *s)
{
    if (s->password_w) {
        eh_wipe(s->password_w, s->password_units * sizeof(WCHAR));
        if (s->password_w != s->password_wbuf)
            eh_free(s->password_w);
    }
    s->password_w = NULL;
    s->password_units = 0;
}

/**
 * eh_session_set_identity() - replace a busy session's identity with @c
 * (prepared with @keep_utf8).  The session takes @c's host memory.
 */
void eh_session_set_identity(struct eh_session *s, struct eh_credential *c)
{
    drop_identity(s);
    if (c->utf8_heap) {
        s->identity = c->utf8_heap;
        c->utf8_heap = NULL;
    } else {
        memcpy(s->identity_buf, c->utf8, c->len + 1);
        s->identity = s->identity_buf;
    }
    s->identity_len = c->len;
    s->identity_w = keep_wide(s->identity_wbuf, c, false);
}

/**
 * eh_session_set_password() - replace a busy session's password with @c;
 * the old one is wiped.  The session takes @c's host memory.
 */
void eh_session_set_password(struct eh_session *s, struct eh_credential *c)
{
    drop_password(s);
    s->password_units = c->units;
    s->password_w = keep_wide(s->password_wbuf, c, true);
}

/**
 * eh_session_identity_wide() - the identity to pass to
 * EapPeerSetCredentials: the supplicant's, else "".  Owned by the session.
 */
const WCHAR *eh_session_identity_wide(const struct eh_session *s)
{
    return s->identity_w ? s->identity_w : empty_wide;
}

/**
 * eh_session_drop_credentials() - forget both credentials at the end of a
 * session: host memory freed, the password's units wiped.
 */
void eh_session_drop_credentials(struct eh_session *s)
{
    drop_identity(s);
    drop_password(s);
}
