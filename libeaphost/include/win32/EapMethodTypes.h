/* EapMethodTypes.h - the spelling some sources use for <eapmethodtypes.h> (libeaphost Windows layer). */
#include <eapmethodtypes.h>
