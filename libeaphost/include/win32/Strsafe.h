/* Strsafe.h - the spelling some sources use for <strsafe.h> (libeaphost Windows layer). */
#include <strsafe.h>
