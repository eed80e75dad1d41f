/* stringapiset.h - code-page conversion; libeaphost's Windows layer keeps it in <winnls.h>. */
#include <winnls.h>
