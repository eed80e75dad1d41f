# plugins/gtc/local.mk - EAP-GTC (type 6), peer and authenticator halves.
eapmethods_LTLIBRARIES += plugins/gtc/gtc.la
plugins_gtc_gtc_la_SOURCES = plugins/gtc/gtc.c
plugins_gtc_gtc_la_CPPFLAGS = $(BUNDLED_PLUGIN_CPPFLAGS)
plugins_gtc_gtc_la_CFLAGS = $(BUNDLED_PLUGIN_CFLAGS)
plugins_gtc_gtc_la_LDFLAGS = $(BUNDLED_PLUGIN_LDFLAGS)
plugins_gtc_gtc_la_LIBADD = $(BUNDLED_PLUGIN_LIBADD)

EXTRA_DIST += plugins/gtc/gtc.json
CLEANFILES += $(BUNDLED_REGISTRY_DIR)/gtc.json \
	$(BUNDLED_INSTALL_DIR)/gtc.json

noinst_DATA += $(BUNDLED_REGISTRY_DIR)/gtc.json
$(BUNDLED_REGISTRY_DIR)/gtc.json: $(srcdir)/plugins/gtc/gtc.json plugins/gtc/gtc.la
	$(AM_V_GEN)$(BUNDLED_REGISTRY_RECIPE)

eapregistry_DATA += $(BUNDLED_INSTALL_DIR)/gtc.json
$(BUNDLED_INSTALL_DIR)/gtc.json: $(srcdir)/plugins/gtc/gtc.json Makefile
	$(AM_V_GEN)$(BUNDLED_INSTALL_RECIPE)
