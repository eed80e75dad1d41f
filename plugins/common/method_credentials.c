/*
 * method_credentials.c - credentials of the bundled EAP method plugins: the
 * user blob (format in method_util.h), the two standard credential input
 * fields, the stored password an authenticator host passes, the user name
 * and password a peer session holds, and ready-made bodies of the peer's
 * credential functions.
 *
 * Built with -fshort-wchar against the SDK headers only; see method_util.h
 * for the memory rules.
 */
#include "method_util.h"

#include <stdlib.h>
#include <string.h>

/* ---- the user blob and the credential fields ---------------------------- */

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
    if ((rc = mu_wide_to_utf8_checked(user, &u)) != ERROR_SUCCESS)
        return rc;
    if ((rc = mu_wide_to_utf8_checked(password, &pw)) != ERROR_SUCCESS)
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
    if (identity &&
        (rc = mu_wide_to_utf8_checked(identity, &user)) != ERROR_SUCCESS)
        return mu_set_error(err, rc, type, rc == ERROR_INVALID_DATA ?
                            "the identity is not valid UTF-16" :
                            "out of memory");
    if (password &&
        (rc = mu_wide_to_utf8_checked(password, &pw)) != ERROR_SUCCESS) {
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
    return asked && mine && mu_eap_type_equal(&asked->eapType, &mine->eapType);
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
