/*
 * fuzz_registry.c - the registry reader (libeaphost/registry.c): the input
 * is one registry JSON file, "method.json", in a private directory that
 * also holds a dummy plugin file "plugin.so" (mode 0644; never loaded:
 * the registry only checks that plugins exist and are trustworthy) and a
 * valid registry file "a.json" (author 1, type 200, plugin.so), read
 * first, so that inputs can collide with a registered method.
 *
 * eh_registry_load() on the directory, then every method and problem is
 * read back and eh_registry_free() releases it all.
 *
 * Invariants (abort on failure): the load succeeds (out of memory aside);
 * a.json's method is always there; every method has its registry file and
 * at least one half; every problem has a file and a one-line reason;
 * method.json gives either a method or an ERROR problem, not both.
 */
#include "internal.h"

#include "fuzz_common.h"

#include <limits.h>
#include <string.h>

static const char valid[] =
    "{ \"AuthorId\": 1, \"TypeId\": 200, \"PeerDllPath\": \"plugin.so\", "
    "\"PeerFriendlyName\": \"fuzz\" }\n";

static char dir[PATH_MAX];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    snprintf(dir, sizeof dir, "%s", fuzz_tmpdir());
    fuzz_write_file(dir, "plugin.so", "not a shared object\n", 20, 0644,
                    NULL, 0);
    fuzz_write_file(dir, "a.json", valid, sizeof valid - 1, 0644, NULL, 0);
    return 0;
}

/* Is @path the fuzzed file (the directory may be spelt differently)? */
static bool is_method_file(const char *path)
{
    const char *slash = strrchr(path, '/');

    return strcmp(slash ? slash + 1 : path, "method.json") == 0;
}

static void check_text(const char *s, const char *what)
{
    FUZZ_CHECK(s != NULL, "%s is NULL", what);
    fuzz_touch(s, strlen(s) + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct eh_registry reg;
    bool have_a = false, method_loaded = false, method_error = false;
    DWORD rc;

    fuzz_write_file(dir, "method.json", data, size, 0644, NULL, 0);
    rc = eh_registry_load(dir, &reg);
    FUZZ_CHECK(rc == ERROR_SUCCESS, "eh_registry_load: 0x%08x",
               (unsigned)rc);
    FUZZ_CHECK(reg.count <= 2, "%zu methods from 2 files", reg.count);
    for (size_t i = 0; i < reg.count; i++) {
        const struct eh_method *m = reg.methods[i];

        check_text(m->registry_file, "registry_file");
        FUZZ_CHECK(m->peer_dll_path || m->auth_dll_path, "no half");
        if (m->peer_dll_path) {
            check_text(m->peer_dll_path, "peer_dll_path");
            check_text(m->peer_friendly_name, "peer_friendly_name");
        }
        if (m->auth_dll_path) {
            check_text(m->auth_dll_path, "auth_dll_path");
            check_text(m->auth_friendly_name, "auth_friendly_name");
        }
        if (m->peer_config_ui_path)
            check_text(m->peer_config_ui_path, "peer_config_ui_path");
        if (m->peer_identity_path)
            check_text(m->peer_identity_path, "peer_identity_path");
        if (m->peer_interactive_ui_path)
            check_text(m->peer_interactive_ui_path, "interactive_ui_path");
        if (m->auth_config_ui_path)
            check_text(m->auth_config_ui_path, "auth_config_ui_path");
        FUZZ_CHECK(m->type.eapType.type >= 4, "type %u",
                   m->type.eapType.type);
        if (is_method_file(m->registry_file))
            method_loaded = true;
        else if (m->type.dwAuthorId == 1 && m->type.eapType.type == 200)
            have_a = true;
    }
    for (size_t i = 0; i < reg.problem_count; i++) {
        const struct eh_problem *p = &reg.problems[i];

        check_text(p->file, "problem file");
        check_text(p->reason, "problem reason");
        for (const char *c = p->reason; *c; c++)
            FUZZ_CHECK((unsigned char)*c >= 0x20 && *c != 0x7f,
                       "control character 0x%02x in a problem",
                       (unsigned char)*c);
        if (p->severity == EAPHOST_PROBLEM_ERROR && is_method_file(p->file))
            method_error = true;
    }
    FUZZ_CHECK(have_a, "a.json's method is missing");
    FUZZ_CHECK(method_loaded != method_error, "method.json loaded %d, "
               "refused %d", (int)method_loaded, (int)method_error);
    eh_registry_free(&reg);
    return 0;
}
