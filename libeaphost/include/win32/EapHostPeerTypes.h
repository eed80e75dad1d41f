/* EapHostPeerTypes.h - the spelling some sources use for <eaphostpeertypes.h> (libeaphost Windows layer). */
#include <eaphostpeertypes.h>
