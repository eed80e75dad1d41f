/* WinNls.h - the spelling some sources use for <winnls.h> (libeaphost Windows layer). */
#include <winnls.h>
