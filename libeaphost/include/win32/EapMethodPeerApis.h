/* EapMethodPeerApis.h - the spelling some sources use for <eapmethodpeerapis.h> (libeaphost Windows layer). */
#include <eapmethodpeerapis.h>
