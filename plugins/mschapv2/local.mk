# plugins/mschapv2/local.mk - EAP-MSCHAPv2 (type 26, author 311), peer and
# authenticator halves in one plugin.
#
# Registry Properties 34341026 = 0x020C00A2: eapPropMutualAuth (0x2),
# eapPropKeyDerivation (0x20), eapPropKeyStrength128 (0x80),
# eapPropStandalone (0x40000), eapPropMppeEncryption (0x80000),
# eapPropUserAuth (0x2000000).  Not claimed: integrity, confidentiality or
# dictionary-attack resistance (MS-CHAPv2 has none of them outside a tunnel),
# machine authentication.
eapmethods_LTLIBRARIES += plugins/mschapv2/mschapv2.la
plugins_mschapv2_mschapv2_la_SOURCES = \
	plugins/mschapv2/mschapv2_crypto.c \
	plugins/mschapv2/mschapv2_crypto.h \
	plugins/mschapv2/mschapv2_packet.c \
	plugins/mschapv2/mschapv2_packet.h \
	plugins/mschapv2/mschapv2_peer.c \
	plugins/mschapv2/mschapv2_authenticator.c
plugins_mschapv2_mschapv2_la_CPPFLAGS = $(BUNDLED_PLUGIN_CPPFLAGS)
plugins_mschapv2_mschapv2_la_CFLAGS = $(BUNDLED_PLUGIN_CFLAGS)
plugins_mschapv2_mschapv2_la_LDFLAGS = $(BUNDLED_PLUGIN_LDFLAGS)
plugins_mschapv2_mschapv2_la_LIBADD = $(BUNDLED_PLUGIN_LIBADD)

EXTRA_DIST += plugins/mschapv2/mschapv2.json
CLEANFILES += $(BUNDLED_REGISTRY_DIR)/mschapv2.json \
	$(BUNDLED_INSTALL_DIR)/mschapv2.json

noinst_DATA += $(BUNDLED_REGISTRY_DIR)/mschapv2.json
$(BUNDLED_REGISTRY_DIR)/mschapv2.json: $(srcdir)/plugins/mschapv2/mschapv2.json plugins/mschapv2/mschapv2.la
	$(AM_V_GEN)$(BUNDLED_REGISTRY_RECIPE)

eapregistry_DATA += $(BUNDLED_INSTALL_DIR)/mschapv2.json
$(BUNDLED_INSTALL_DIR)/mschapv2.json: $(srcdir)/plugins/mschapv2/mschapv2.json Makefile
	$(AM_V_GEN)$(BUNDLED_INSTALL_RECIPE)
