/* WinBase.h - the spelling some sources use for <winbase.h> (libeaphost Windows layer). */
#include <winbase.h>
