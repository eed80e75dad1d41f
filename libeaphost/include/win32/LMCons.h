/* LMCons.h - the spelling some sources use for <lmcons.h> (libeaphost Windows layer). */
#include <lmcons.h>
