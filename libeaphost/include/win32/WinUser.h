/* WinUser.h - the spelling some sources use for <winuser.h> (libeaphost Windows layer). */
#include <winuser.h>
