/*
 * credentials.c - the user name and password a supplicant gives a peer
 * session (eaphost_session_set_credentials).
 *
 * Each is converted to UTF-16 once, when given: short ASCII text on the
 * first call (the common case) in one checking pass straight into the
 * session slot's inline buffers; anything else measured and checked first,
 * then converted into those buffers when free and large enough, else into
 * host memory.  EapPeerSetCredentials later costs no conversion.  The
 * identity is kept in UTF-8 as well, for the Identity Response; the
 * password exists only as UTF-16 and is wiped wherever it was.  The
 * session's credentials change only when everything given converted.
 */
#include "internal.h"

#include <string.h>

/* A credential converted but not yet the session's. */
struct converted {
    WCHAR *wide;                 /* the slot's buffer or host memory */
    char *utf8;                  /* identity only: likewise */
    size_t units, len;
};

/* Undo convert(): wipe what was written, free host memory. */
static void discard(struct converted *c, const WCHAR *slot_w,
                    const char *slot_8)
{
    if (c->wide) {
        eh_wipe(c->wide, c->units * sizeof(WCHAR));
        if (c->wide != slot_w)
            eh_free(c->wide);
    }
    if (c->utf8 && c->utf8 != slot_8)
        eh_free(c->utf8);
    c->wide = NULL;
    c->utf8 = NULL;
}

/* Copy the leading ASCII of @b (up to EH_CRED_INLINE - 1 bytes, no NUL)
 * into @w, one unit per byte, and into @c too unless it is NULL; returns
 * how many.  Each byte is read once (restrict: the stores cannot change
 * it); always inline, so that a NULL @c costs the loop nothing. */
static inline __attribute__((always_inline)) size_t
copy_ascii(const unsigned char *restrict b, WCHAR *restrict w,
           char *restrict c)
{
    size_t i;

    for (i = 0; i < EH_CRED_INLINE - 1; i++) {
        unsigned v = b[i];

        if (v - 1u >= 0x7fu)    /* NUL or not ASCII */
            break;
        w[i] = (WCHAR)v;
        if (c)
            c[i] = (char)v;
    }
    return i;
}

/*
 * Convert NUL-terminated @src into @c (the general case: measured and
 * checked, then converted): into @wbuf (and @cbuf, when the UTF-8 is kept)
 * if not NULL and the text fits, else into host memory.  Returns
 * ERROR_SUCCESS, ERROR_NO_UNICODE_TRANSLATION, ERROR_NOT_ENOUGH_MEMORY
 * (then @c holds nothing).
 */
static DWORD convert(const char *src, WCHAR *wbuf, char *cbuf, bool keep_utf8,
                     struct converted *c)
{
    size_t n = strlen(src);

    c->wide = NULL;
    c->utf8 = NULL;
    c->units = c->len = 0;
    c->units = eh_utf8_count(src, n);
    if (c->units == SIZE_MAX) {
        c->units = 0;
        return ERROR_NO_UNICODE_TRANSLATION;
    }
    c->len = n;
    c->wide = wbuf && c->units < EH_CRED_INLINE
                  ? wbuf : eh_calloc(c->units + 1, sizeof(WCHAR));
    if (keep_utf8)
        c->utf8 = cbuf && n < EH_CRED_INLINE ? cbuf : eh_malloc(n + 1);
    if (!c->wide || (keep_utf8 && !c->utf8)) {
        c->units = 0;
        discard(c, wbuf, cbuf);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    eh_utf8_convert(src, n, c->wide);
    c->wide[c->units] = 0;
    if (keep_utf8)
        memcpy(c->utf8, src, n + 1);
    return ERROR_SUCCESS;
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

/* The general case of eh_session_give_credentials(). */
static DWORD give_converted(struct eh_session *s, const char *identity,
                            const char *password)
{
    /* The slot's buffers are written only while the slot holds nothing
     * there; a second call converts into host memory. */
    WCHAR *id_wbuf = s->identity_w || s->identity ? NULL : s->identity_wbuf;
    char *id_cbuf = s->identity ? NULL : s->identity_buf;
    WCHAR *pw_wbuf = s->password_w ? NULL : s->password_wbuf;
    struct converted id = { 0 }, pw = { 0 };
    DWORD rc = ERROR_SUCCESS;

    if (identity)
        rc = convert(identity, id_wbuf, id_cbuf, true, &id);
    if (rc == ERROR_SUCCESS && password &&
        (rc = convert(password, pw_wbuf, NULL, false, &pw)) != ERROR_SUCCESS)
        discard(&id, id_wbuf, id_cbuf);
    if (rc != ERROR_SUCCESS)
        return rc;
    if (identity) {
        drop_identity(s);
        s->identity = id.utf8;
        s->identity_w = id.wide;
        s->identity_len = id.len;
    }
    if (password) {
        drop_password(s);
        s->password_w = pw.wide;
        s->password_units = pw.units;
    }
    return ERROR_SUCCESS;
}

/**
 * eh_session_give_credentials() - replace a busy session's identity and/or
 * password (NULL: keep the one it has).
 * @identity, @password: NUL-terminated UTF-8, the caller's; copied.
 *
 * Return: ERROR_SUCCESS; ERROR_NO_UNICODE_TRANSLATION or
 * ERROR_NOT_ENOUGH_MEMORY, the session's credentials unchanged.
 */
DWORD eh_session_give_credentials(struct eh_session *s, const char *identity,
                                  const char *password)
{
    const unsigned char *id = (const unsigned char *)identity;
    const unsigned char *pw = (const unsigned char *)password;
    size_t id_n = 0, pw_n = 0;

    /* The common case in one pass: the first call, short ASCII, straight
     * into the slot's free buffers, committed once both are whole. */
    if (s->identity || s->identity_w || s->password_w)
        return give_converted(s, identity, password);
    if (id && id[id_n = copy_ascii(id, s->identity_wbuf,
                                   s->identity_buf)] != 0)
        return give_converted(s, identity, password);
    if (pw && pw[pw_n = copy_ascii(pw, s->password_wbuf, NULL)] != 0) {
        eh_wipe(s->password_wbuf, pw_n * sizeof(WCHAR));
        return give_converted(s, identity, password);
    }
    if (id) {
        s->identity_wbuf[id_n] = 0;
        s->identity_buf[id_n] = '\0';
        s->identity_w = s->identity_wbuf;
        s->identity = s->identity_buf;
        s->identity_len = id_n;
    }
    if (pw) {
        s->password_wbuf[pw_n] = 0;
        s->password_w = s->password_wbuf;
        s->password_units = pw_n;
    }
    return ERROR_SUCCESS;
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
