/* minwindef.h - basic types; libeaphost's Windows layer keeps them in <windef.h>. */
#include <windef.h>
