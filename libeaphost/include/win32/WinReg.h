/* WinReg.h - the spelling some sources use for <winreg.h> (libeaphost Windows layer). */
#include <winreg.h>
