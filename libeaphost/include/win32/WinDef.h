/* WinDef.h - the spelling some sources use for <windef.h> (libeaphost Windows layer). */
#include <windef.h>
