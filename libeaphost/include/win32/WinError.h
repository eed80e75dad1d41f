/* WinError.h - the spelling some sources use for <winerror.h> (libeaphost Windows layer). */
#include <winerror.h>
