/* EapTypes.h - the spelling some sources use for <eaptypes.h> (libeaphost Windows layer). */
#include <eaptypes.h>
