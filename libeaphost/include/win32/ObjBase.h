/* ObjBase.h - the spelling some sources use for <objbase.h> (libeaphost Windows layer). */
#include <objbase.h>
