/* EapHostError.h - the spelling some sources use for <eaphosterror.h> (libeaphost Windows layer). */
#include <eaphosterror.h>
