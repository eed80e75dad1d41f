# plugins/md5/local.mk - EAP-MD5 (type 4), peer and authenticator halves.
eapmethods_LTLIBRARIES += plugins/md5/md5.la
plugins_md5_md5_la_SOURCES = plugins/md5/md5.c
plugins_md5_md5_la_CPPFLAGS = $(BUNDLED_PLUGIN_CPPFLAGS)
plugins_md5_md5_la_CFLAGS = $(BUNDLED_PLUGIN_CFLAGS)
plugins_md5_md5_la_LDFLAGS = $(BUNDLED_PLUGIN_LDFLAGS)
plugins_md5_md5_la_LIBADD = $(BUNDLED_PLUGIN_LIBADD)

EXTRA_DIST += plugins/md5/md5.json
CLEANFILES += $(BUNDLED_REGISTRY_DIR)/md5.json \
	$(BUNDLED_INSTALL_DIR)/md5.json

noinst_DATA += $(BUNDLED_REGISTRY_DIR)/md5.json
$(BUNDLED_REGISTRY_DIR)/md5.json: $(srcdir)/plugins/md5/md5.json plugins/md5/md5.la
	$(AM_V_GEN)$(BUNDLED_REGISTRY_RECIPE)

eapregistry_DATA += $(BUNDLED_INSTALL_DIR)/md5.json
$(BUNDLED_INSTALL_DIR)/md5.json: $(srcdir)/plugins/md5/md5.json Makefile
	$(AM_V_GEN)$(BUNDLED_INSTALL_RECIPE)
