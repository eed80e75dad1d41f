# plugins/local.mk - the bundled EAP method plugins.
#
# Each plugin is one shared object with both halves (peer and authenticator)
# written the way an outside method author would write it: the SDK headers,
# -fshort-wchar, nettle, and the public helpers in plugins/common; never
# libeaphost's internals, never libeaphost itself.
#
# Installed:  $(eapmethodsdir)/NAME.so   and   $(eapregistrydir)/NAME.json
#             (the JSON's PeerDllPath/AuthenticatorDllPath made absolute).
# Build tree: plugins/methods.d/NAME.json, pointing at the freshly built
#             plugins/NAME/.libs/NAME.so; set EAPHOST_METHODS_DIR to
#             $(abs_top_builddir)/plugins/methods.d to use the bundled
#             methods without installing them.

eapmethodsdir = $(libdir)/eaphost/methods
eapmethods_LTLIBRARIES =
eapregistrydir = $(sysconfdir)/eaphost/methods
eapregistry_DATA =
noinst_DATA =

# Flags of a Windows-style method: what `pkg-config eaphost-windows` gives
# an outside author, plus nettle and the shared helpers.
BUNDLED_PLUGIN_CPPFLAGS = -I$(top_srcdir)/libeaphost/include \
	-I$(top_srcdir)/plugins/common
BUNDLED_PLUGIN_CFLAGS = $(AM_CFLAGS) -fshort-wchar $(NETTLE_CFLAGS)
BUNDLED_PLUGIN_LDFLAGS = -module -avoid-version -shared -no-undefined \
	-Wl,-z,now -export-symbols-regex '^(EapPeer|EapMethodAuthenticator|DllMain)'
BUNDLED_PLUGIN_LIBADD = plugins/common/libmethod-util.la $(NETTLE_LIBS)

# The in-tree registry directory: 0755, files 0644 (the host refuses
# world-writable registry files and directories).
BUNDLED_REGISTRY_DIR = plugins/methods.d
# The JSON files to install, with absolute library paths.
BUNDLED_INSTALL_DIR = plugins/installed.d

# The recipes of plugin NAME's two JSON files, NAME being the target's base
# name: plugins/NAME/NAME.json with "NAME.so" replaced by the library's
# path in the build tree (BUNDLED_REGISTRY_RECIPE, 0644 in a 0755
# directory) or where it is installed (BUNDLED_INSTALL_RECIPE).
BUNDLED_REGISTRY_RECIPE = $(MKDIR_P) $(BUNDLED_REGISTRY_DIR) && \
	chmod 0755 $(BUNDLED_REGISTRY_DIR) && \
	n=`basename $@ .json` && \
	sed -e "s|\"$$n\\.so\"|\"$(abs_top_builddir)/plugins/$$n/.libs/$$n.so\"|g" \
	  $(srcdir)/plugins/$$n/$$n.json > $@.tmp && \
	chmod 0644 $@.tmp && mv -f $@.tmp $@
BUNDLED_INSTALL_RECIPE = $(MKDIR_P) $(BUNDLED_INSTALL_DIR) && \
	n=`basename $@ .json` && \
	sed -e "s|\"$$n\\.so\"|\"$(eapmethodsdir)/$$n.so\"|g" \
	  $(srcdir)/plugins/$$n/$$n.json > $@.tmp && mv -f $@.tmp $@

include $(srcdir)/plugins/common/local.mk
include $(srcdir)/plugins/md5/local.mk
include $(srcdir)/plugins/gtc/local.mk
include $(srcdir)/tests/methods_md5_gtc.mk
include $(srcdir)/plugins/mschapv2/local.mk
include $(srcdir)/tests/methods_mschapv2.mk
