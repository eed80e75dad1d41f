/* EapAuthenticatorTypes.h - the spelling some sources use for <eapauthenticatortypes.h> (libeaphost Windows layer). */
#include <eapauthenticatortypes.h>
