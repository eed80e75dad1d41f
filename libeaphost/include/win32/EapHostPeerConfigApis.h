/* EapHostPeerConfigApis.h - the spelling some sources use for <eaphostpeerconfigapis.h> (libeaphost Windows layer). */
#include <eaphostpeerconfigapis.h>
