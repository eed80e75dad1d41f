# tests/freeradius.mk - interop with a real RADIUS server: FreeRADIUS with
# the private configuration in tests/freeradius/ (tests/check-freeradius.sh;
# bench/radius-cpu.sh uses the same server).  Needs the Debian package
# freeradius; without it the test fails, it does not skip.

dist_check_SCRIPTS += tests/check-freeradius.sh
TESTS += tests/check-freeradius.sh

EXTRA_DIST += \
	tests/freeradius/server.sh \
	tests/freeradius/radiusd.conf \
	tests/freeradius/clients.conf \
	tests/freeradius/mods-enabled/eap \
	tests/freeradius/mods-enabled/mschap \
	tests/freeradius/mods-enabled/pap \
	tests/freeradius/mods-enabled/files \
	tests/freeradius/mods-config/files/authorize \
	tests/freeradius/sites-enabled/default \
	bench/radius-cpu.sh
