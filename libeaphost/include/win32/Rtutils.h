/* Rtutils.h - the spelling some sources use for <rtutils.h> (libeaphost Windows layer). */
#include <rtutils.h>
