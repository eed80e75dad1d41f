/* EapPapis.h - the spelling some sources use for <eappapis.h> (libeaphost Windows layer). */
#include <eappapis.h>
