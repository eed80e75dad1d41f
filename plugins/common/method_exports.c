/*
 * method_exports.c - the bodies of a method library's GetInfo functions and
 * the no-op Initialize / Shutdown routines; see method_exports.h.
 *
 * Built with -fshort-wchar against the SDK headers only.
 */
#include "method_exports.h"

#include <string.h>

/* The reason of a GetInfo call with a NULL type or routines pointer. */
static const char *no_pointer(const mu_method *m)
{
    return m->no_pointer ? m->no_pointer : "NULL type or routines";
}

/**
 * mu_peer_get_info() - the body of EapPeerGetInfo.
 * @m: the peer half's type and wording.
 * @type: the type the host asks for: @m's type (type, dwVendorId and
 *        dwVendorType), or the call fails.
 * @table: the method's routine table, copied whole into @routines.  It and
 *         what it points to (pEapType, if set) must outlive the library's
 *         use: make them static.
 * @routines: the host's table to fill.
 * @err: set to an error from mu_set_error() (type @m->type) on failure,
 *       else NULL; may be NULL.
 *
 * Return: ERROR_SUCCESS; ERROR_INVALID_PARAMETER (@m->no_pointer) for a
 * NULL @type or @routines; ERROR_NOT_SUPPORTED (@m->wrong_type) for
 * another type, @routines then untouched.
 */
DWORD mu_peer_get_info(const mu_method *m, const EAP_TYPE *type,
                       const EAP_PEER_METHOD_ROUTINES *table,
                       EAP_PEER_METHOD_ROUTINES *routines, EAP_ERROR **err)
{
    if (err)
        *err = NULL;
    if (!type || !routines)
        return mu_set_error(err, ERROR_INVALID_PARAMETER, m->type,
                            no_pointer(m));
    if (!mu_eap_type_equal(type, &m->type->eapType))
        return mu_set_error(err, ERROR_NOT_SUPPORTED, m->type, m->wrong_type);
    memcpy(routines, table, sizeof(*routines));
    return ERROR_SUCCESS;
}

/**
 * mu_auth_get_info() - the body of EapMethodAuthenticatorGetInfo.
 * @m: the authenticator half's type and wording.
 * @type: the type the host asks for: @m's EAP type, and its author when
 *        @m->match_author is set, or the call fails.
 * @table: the method's routine table, copied whole into @routines (static,
 *         as in mu_peer_get_info()).
 * @routines: the host's table to fill.
 * @err: set to an error from mu_set_error() on failure, else NULL; may be
 *       NULL.
 *
 * Return: as mu_peer_get_info().
 */
DWORD mu_auth_get_info(const mu_method *m, const EAP_METHOD_TYPE *type,
                       const EAP_AUTHENTICATOR_METHOD_ROUTINES *table,
                       EAP_AUTHENTICATOR_METHOD_ROUTINES *routines,
                       EAP_ERROR **err)
{
    if (err)
        *err = NULL;
    if (!type || !routines)
        return mu_set_error(err, ERROR_INVALID_PARAMETER, m->type,
                            no_pointer(m));
    if (!mu_eap_type_equal(&type->eapType, &m->type->eapType) ||
        (m->match_author && type->dwAuthorId != m->type->dwAuthorId))
        return mu_set_error(err, ERROR_NOT_SUPPORTED, m->type, m->wrong_type);
    memcpy(routines, table, sizeof(*routines));
    return ERROR_SUCCESS;
}

/**
 * mu_peer_no_op() - an EapPeerInitialize or EapPeerShutdown routine that
 * has nothing to do.
 * @err: set to NULL (may be NULL).
 *
 * Return: ERROR_SUCCESS.
 */
DWORD WINAPI mu_peer_no_op(EAP_ERROR **err)
{
    if (err)
        *err = NULL;
    return ERROR_SUCCESS;
}

/**
 * mu_auth_no_op() - an EapMethodAuthenticatorInitialize or
 * EapMethodAuthenticatorShutdown routine that has nothing to do.
 * @type: not used.
 * @err: set to NULL (may be NULL).
 *
 * Return: ERROR_SUCCESS.
 */
DWORD APIENTRY mu_auth_no_op(EAP_METHOD_TYPE *type, EAP_ERROR **err)
{
    (void)type;
    if (err)
        *err = NULL;
    return ERROR_SUCCESS;
}
