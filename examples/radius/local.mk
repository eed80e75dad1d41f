# examples/radius/local.mk - the RADIUS transport: a small codec (MD5 and
# HMAC-MD5 from nettle), a UDP client with retransmission, the MPPE key
# decryption and the driver that carries a libeaphost peer session's EAP
# packets to a RADIUS server.  A convenience library for eaphost-test, the
# example supplicant and the tests; it uses libeaphost's public API only.

noinst_LTLIBRARIES += examples/radius/libeaphost-radius.la
examples_radius_libeaphost_radius_la_SOURCES = \
	examples/radius/radius_packet.h \
	examples/radius/radius_packet.c \
	examples/radius/radius_mppe.h \
	examples/radius/radius_mppe.c \
	examples/radius/radius_client.h \
	examples/radius/radius_client.c \
	examples/radius/radius_keys.h \
	examples/radius/radius_keys.c \
	examples/radius/radius_auth.h \
	examples/radius/radius_auth.c
examples_radius_libeaphost_radius_la_CFLAGS = $(AM_CFLAGS) $(NETTLE_CFLAGS)
examples_radius_libeaphost_radius_la_LIBADD = $(NETTLE_LIBS)

# Programs that use the transport: these flags and libraries.
RADIUS_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/examples/radius
RADIUS_LIBS = examples/radius/libeaphost-radius.la libeaphost/libeaphost.la

# The embedding example: a supplicant in about 200 lines.
noinst_PROGRAMS += examples/radius-supplicant
examples_radius_supplicant_SOURCES = examples/radius_supplicant.c
examples_radius_supplicant_CPPFLAGS = $(RADIUS_CPPFLAGS)
examples_radius_supplicant_LDADD = $(RADIUS_LIBS)
