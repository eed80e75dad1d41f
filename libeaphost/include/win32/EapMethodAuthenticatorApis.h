/* EapMethodAuthenticatorApis.h - the spelling some sources use for <eapmethodauthenticatorapis.h> (libeaphost Windows layer). */
#include <eapmethodauthenticatorapis.h>
