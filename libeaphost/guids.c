/*
 * guids.c - the one definition of the GUID_EapHost_* constants that
 * eaptypes.h declares.
 */
#include "config.h"

#define EAPHOST_DEFINE_GUIDS
#include <eaptypes.h>
