/* EapAuthenticatorActionDefine.h - the spelling some sources use for <eapauthenticatoractiondefine.h> (libeaphost Windows layer). */
#include <eapauthenticatoractiondefine.h>
