/* WinNT.h - the spelling some sources use for <winnt.h> (libeaphost Windows layer). */
#include <winnt.h>
