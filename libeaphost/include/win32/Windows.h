/* Windows.h - the spelling some sources use for <windows.h> (libeaphost Windows layer). */
#include <windows.h>
