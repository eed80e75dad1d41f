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
	$(AM_V_GEN)$(MKDIR_P) $(BUNDLED_REGISTRY_DIR) && \
	chmod 0755 $(BUNDLED_REGISTRY_DIR) && \
	sed -e 's|"gtc\.so"|"$(abs_top_builddir)/plugins/gtc/.libs/gtc.so"|g' \
	  $(srcdir)/plugins/gtc/gtc.json > $@.tmp && \
	chmod 0644 $@.tmp && mv -f $@.tmp $@

eapregistry_DATA += $(BUNDLED_INSTALL_DIR)/gtc.json
$(BUNDLED_INSTALL_DIR)/gtc.json: $(srcdir)/plugins/gtc/gtc.json Makefile
	$(AM_V_GEN)$(MKDIR_P) $(BUNDLED_INSTALL_DIR) && \
	sed -e 's|"gtc\.so"|"$(eapmethodsdir)/gtc.so"|g' \
	  $(srcdir)/plugins/gtc/gtc.json > $@.tmp && mv -f $@.tmp $@
