/* combaseapi.h - COM declarations; libeaphost's Windows layer keeps them in <objbase.h>. */
#include <objbase.h>
