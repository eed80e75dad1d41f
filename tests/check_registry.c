/*
 * check_registry.c - the JSON method registry (registry.c) and the trust
 * checks on registry files and plugins (trust.c).
 *
 * Every test gets a fresh directory with two dummy plugin files, plugin.so
 * and auth.so (the registry only checks that plugins exist and may be
 * trusted; it never loads them), and writes its registry files there.
 * Modes are always set with chmod, so the umask does not matter.
 */
#define _XOPEN_SOURCE 700

#include "internal.h"
#include "testutil.h"

#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

/* ---- fixture ------------------------------------------------------------ */

/* This test's directory; short, so that paths built on it fit PATH_MAX. */
static char tmp[512];
static struct eh_registry reg;      /* what the test loaded */

static void put(const char *name, const char *text, mode_t mode)
{
    char path[PATH_MAX];

    tu_write_file(tmp, name, text, path, sizeof path);
    ck_assert_int_eq(chmod(path, mode), 0);
}

static void put_plugin(const char *name)
{
    put(name, "not a real plugin: the registry does not load it\n", 0644);
}

/* @name inside the test's directory (absolute @name stays as it is). */
static const char *in_tmp(const char *name, char *out, size_t size)
{
    if (name[0] == '/')
        snprintf(out, size, "%s", name);
    else
        snprintf(out, size, "%s/%s", tmp, name);
    return out;
}

static void make_dir(const char *name, mode_t mode)
{
    char path[PATH_MAX];

    ck_assert_int_eq(mkdir(in_tmp(name, path, sizeof path), 0700), 0);
    ck_assert_int_eq(chmod(path, mode), 0);
}

static void chmod_in_tmp(const char *name, mode_t mode)
{
    char path[PATH_MAX];

    ck_assert_int_eq(chmod(in_tmp(name, path, sizeof path), mode), 0);
}

static void setup(void)
{
    char probe[PATH_MAX];
    char *warning = NULL, *reason = NULL;

    eh_test_fail_alloc_after(-1);
    memset(&reg, 0, sizeof reg);
    tu_mkdtemp(tmp, sizeof tmp);
    ck_assert_int_eq(chmod(tmp, 0755), 0);
    put_plugin("plugin.so");
    put_plugin("auth.so");

    /* Exact problem counts need a temporary directory nobody else may
     * write to: say so plainly if TMPDIR is not one. */
    ck_assert_int_eq(eh_trust_check(in_tmp("plugin.so", probe, sizeof probe),
                                    &warning, &reason), 0);
    ck_assert_msg(warning == NULL, "TMPDIR is not trusted: %s", warning);
}

static void teardown(void)
{
    eh_test_fail_alloc_after(-1);
    eh_registry_free(&reg);
    ck_assert_int_eq(chmod(tmp, 0755), 0);
    tu_rmtree(tmp);
}

static void load(void)
{
    ck_assert_uint_eq(eh_registry_load(tmp, &reg), ERROR_SUCCESS);
}

static void assert_problem(size_t i, eaphost_problem_severity severity,
                           const char *file, const char *needle)
{
    char path[PATH_MAX];

    ck_assert_msg(i < reg.problem_count, "problem %zu missing (%zu found)",
                  i, reg.problem_count);
    const struct eh_problem *p = &reg.problems[i];
    ck_assert_msg(p->severity == severity, "problem %zu \"%s\": severity %d, "
                  "want %d", i, p->reason, (int)p->severity, (int)severity);
    ck_assert_str_eq(p->file, in_tmp(file, path, sizeof path));
    ck_assert_msg(strstr(p->reason, needle) != NULL,
                  "problem %zu: reason \"%s\" lacks \"%s\"", i, p->reason,
                  needle);
    ck_assert_msg(strchr(p->reason, '\n') == NULL, "reason not one line");
}

/* The counts of what loaded, with every problem printed on failure. */
static void assert_counts(size_t methods, size_t problems)
{
    for (size_t i = 0; problems != reg.problem_count &&
                       i < reg.problem_count; i++)
        fprintf(stderr, "problem %zu: %s: %s\n", i, reg.problems[i].file,
                reg.problems[i].reason);
    ck_assert_uint_eq(reg.count, methods);
    ck_assert_uint_eq(reg.problem_count, problems);
}

static const struct eh_method *method_from(const char *file)
{
    char path[PATH_MAX];

    in_tmp(file, path, sizeof path);
    for (size_t i = 0; i < reg.count; i++)
        if (strcmp(reg.methods[i]->registry_file, path) == 0)
            return reg.methods[i];
    ck_abort_msg("no method from %s", file);
    return NULL;
}

static void assert_path(const char *got, const char *name)
{
    char want[PATH_MAX];

    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, in_tmp(name, want, sizeof want));
}

/* A legacy method that loads, for the directories of the bad cases. */
#define GOOD_LEGACY \
    "{\"AuthorId\": 311, \"TypeId\": 4, \"PeerDllPath\": \"plugin.so\", " \
    "\"PeerFriendlyName\": \"Good MD5\"}\n"

/* ---- good files --------------------------------------------------------- */

START_TEST(test_good_legacy)
{
    put("10-md5.json", "{\n"
        "  \"AuthorId\": 311,\n"
        "  \"TypeId\": 4,\n"
        "  \"PeerDllPath\": \"plugin.so\",\n"
        "  \"PeerFriendlyName\": \"EAP-MD5 Challenge\",\n"
        "  \"PeerInvokeUsernameDialog\": 1,\n"
        "  \"PeerInvokePasswordDialog\": 1,\n"
        "  \"Properties\": 4294967295\n"
        "}\n", 0644);
    load();
    assert_counts(1, 0);

    const struct eh_method *m = reg.methods[0];
    assert_path(m->registry_file, "10-md5.json");
    ck_assert_uint_eq(m->type.dwAuthorId, 311);
    ck_assert_uint_eq(m->type.eapType.type, 4);
    ck_assert_uint_eq(m->type.eapType.dwVendorId, 0);
    ck_assert_uint_eq(m->type.eapType.dwVendorType, 0);
    assert_path(m->peer_dll_path, "plugin.so");
    ck_assert_str_eq(m->peer_friendly_name, "EAP-MD5 Challenge");
    ck_assert_ptr_null(m->peer_config_ui_path);
    ck_assert_ptr_null(m->peer_identity_path);
    ck_assert_ptr_null(m->peer_interactive_ui_path);
    ck_assert_uint_eq(m->peer_require_config_ui, 0);
    ck_assert_uint_eq(m->peer_invoke_username_dialog, 1);
    ck_assert_uint_eq(m->peer_invoke_password_dialog, 1);
    ck_assert_uint_eq(m->properties, 0xFFFFFFFFu);
    ck_assert_ptr_null(m->auth_dll_path);
    ck_assert_ptr_null(m->auth_friendly_name);
    ck_assert_ptr_null(m->auth_config_ui_path);
    ck_assert_int_eq(m->state, EH_METHOD_UNLOADED);
    ck_assert_ptr_null(m->handle);
    ck_assert_uint_eq(m->users, 0);
    ck_assert_uint_eq(m->fault_code, 0);
    ck_assert_ptr_null(m->fault_reason);
}
END_TEST

START_TEST(test_good_expanded)
{
    put("20-vendor.json", "{\"AuthorId\": 9, \"TypeId\": 254, "
        "\"VendorId\": 16777215, \"VendorType\": 4294967295, "
        "\"PeerDllPath\": \"plugin.so\", \"PeerFriendlyName\": \"Vendor\", "
        "\"PeerConfigUIPath\": \"auth.so\", \"PeerRequireConfigUI\": 1, "
        "\"PeerIdentityPath\": \"auth.so\", "
        "\"PeerInteractiveUIPath\": \"plugin.so\", "
        "\"Properties\": 3, "
        "\"AuthenticatorDllPath\": \"auth.so\", "
        "\"AuthenticatorFriendlyName\": \"Vendor server\", "
        "\"AuthenticatorConfigUIPath\": \"plugin.so\"}", 0644);
    load();
    assert_counts(1, 0);

    const struct eh_method *m = reg.methods[0];
    ck_assert_uint_eq(m->type.dwAuthorId, 9);
    ck_assert_uint_eq(m->type.eapType.type, 254);
    ck_assert_uint_eq(m->type.eapType.dwVendorId, 0xFFFFFFu);
    ck_assert_uint_eq(m->type.eapType.dwVendorType, 0xFFFFFFFFu);
    assert_path(m->peer_dll_path, "plugin.so");
    assert_path(m->peer_config_ui_path, "auth.so");
    assert_path(m->peer_identity_path, "auth.so");
    assert_path(m->peer_interactive_ui_path, "plugin.so");
    ck_assert_uint_eq(m->peer_require_config_ui, 1);
    ck_assert_uint_eq(m->properties, 3);
    assert_path(m->auth_dll_path, "auth.so");
    ck_assert_str_eq(m->auth_friendly_name, "Vendor server");
    assert_path(m->auth_config_ui_path, "plugin.so");
    ck_assert_int_eq(m->state, EH_METHOD_UNLOADED);
}
END_TEST

START_TEST(test_authenticator_only)
{
    put("30-auth.json", "{\"AuthorId\": 1, \"TypeId\": 26, "
        "\"AuthenticatorDllPath\": \"auth.so\", "
        "\"AuthenticatorFriendlyName\": \"Server only\"}", 0644);
    load();
    assert_counts(1, 0);
    ck_assert_ptr_null(reg.methods[0]->peer_dll_path);
    ck_assert_ptr_null(reg.methods[0]->peer_friendly_name);
    assert_path(reg.methods[0]->auth_dll_path, "auth.so");
}
END_TEST

START_TEST(test_path_resolution)
{
    char absolute[PATH_MAX];
    char text[3 * PATH_MAX];

    make_dir("lib", 0755);
    put_plugin("lib/inner.so");
    in_tmp("auth.so", absolute, sizeof absolute);
    snprintf(text, sizeof text, "{\"AuthorId\": 1, \"TypeId\": 6, "
             "\"PeerDllPath\": \"lib/inner.so\", \"PeerFriendlyName\": \"R\", "
             "\"PeerConfigUIPath\": \"lib/../plugin.so\", "
             "\"PeerIdentityPath\": \"./plugin.so\", "
             "\"AuthenticatorDllPath\": \"%s\", "
             "\"AuthenticatorFriendlyName\": \"A\"}", absolute);
    put("r.json", text, 0644);
    load();
    assert_counts(1, 0);

    const struct eh_method *m = reg.methods[0];
    assert_path(m->peer_dll_path, "lib/inner.so");
    assert_path(m->peer_config_ui_path, "lib/../plugin.so");
    assert_path(m->peer_identity_path, "./plugin.so");
    ck_assert_str_eq(m->auth_dll_path, absolute);
}
END_TEST

/* A relative methods directory is made absolute, and so are the paths. */
START_TEST(test_relative_directory)
{
    char cwd[PATH_MAX];

    put("a.json", GOOD_LEGACY, 0644);
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    ck_assert_int_eq(chdir(tmp), 0);
    DWORD rc = eh_registry_load(".", &reg);
    ck_assert_int_eq(chdir(cwd), 0);
    ck_assert_uint_eq(rc, ERROR_SUCCESS);
    assert_counts(1, 0);
    assert_path(reg.methods[0]->registry_file, "a.json");
    assert_path(reg.methods[0]->peer_dll_path, "plugin.so");
}
END_TEST

START_TEST(test_name_order)
{
    static const char *const files[] = { "b.json", "9-y.json", "a.json",
                                         "10-x.json", "B.json" };
    static const char *const order[] = { "10-x.json", "9-y.json", "B.json",
                                         "a.json", "b.json" };
    char text[256];

    for (size_t i = 0; i < 5; i++) {
        snprintf(text, sizeof text, "{\"AuthorId\": %zu, \"TypeId\": 4, "
                 "\"PeerDllPath\": \"plugin.so\", "
                 "\"PeerFriendlyName\": \"%s\"}", i, files[i]);
        put(files[i], text, 0644);
    }
    load();
    assert_counts(5, 0);
    for (size_t i = 0; i < 5; i++) {
        assert_path(reg.methods[i]->registry_file, order[i]);
        ck_assert_str_eq(reg.methods[i]->peer_friendly_name, order[i]);
    }
}
END_TEST

START_TEST(test_other_files_ignored)
{
    put("10-md5.json", GOOD_LEGACY, 0644);
    put("README", "not json", 0644);
    put("x.json~", "not json", 0644);
    put("x.json.bak", "not json", 0644);
    put("X.JSON", "not json", 0644);
    put(".hidden.json", "not json", 0644);
    put(".json", "not json", 0644);
    make_dir("sub", 0755);
    put("sub/inner.json", "not json", 0644);    /* not recursive */
    load();
    assert_counts(1, 0);
}
END_TEST

/* ---- one bad key at a time ---------------------------------------------- */

/* Every key with a good value: an expanded method with both halves. */
static const struct full_key {
    const char *name;
    const char *good;
    const char *range;      /* NULL for strings */
    bool required;
} full_keys[] = {
    { "AuthorId", "1", "0 to 4294967295", true },
    { "TypeId", "254", "4 to 254", true },
    { "VendorId", "9", "0 to 16777215", true },
    { "VendorType", "77", "0 to 4294967295", true },
    { "PeerDllPath", "\"plugin.so\"", NULL, true },
    { "PeerFriendlyName", "\"Full\"", NULL, true },
    { "PeerConfigUIPath", "\"plugin.so\"", NULL, false },
    { "PeerRequireConfigUI", "1", "0 to 4294967295", false },
    { "PeerIdentityPath", "\"plugin.so\"", NULL, false },
    { "PeerInteractiveUIPath", "\"plugin.so\"", NULL, false },
    { "PeerInvokeUsernameDialog", "1", "0 to 4294967295", false },
    { "PeerInvokePasswordDialog", "0", "0 to 4294967295", false },
    { "Properties", "2", "0 to 4294967295", false },
    { "AuthenticatorDllPath", "\"auth.so\"", NULL, true },
    { "AuthenticatorFriendlyName", "\"Full server\"", NULL, true },
    { "AuthenticatorConfigUIPath", "\"auth.so\"", NULL, false },
};
#define FULL_KEYS (sizeof full_keys / sizeof full_keys[0])

static const char *const bad_integers[] = {
    "\"1\"", "1.5", "-1", "true", "null", "4294967296", "[1]", "{}", "1e10"
};
#define BAD_INTEGERS (sizeof bad_integers / sizeof bad_integers[0])

static const char *const bad_strings[] = {
    "5", "\"\"", "true", "null", "[\"plugin.so\"]", "{}"
};
#define BAD_STRINGS (sizeof bad_strings / sizeof bad_strings[0])

/* The full object with key @skip left out, or key @swap given @value. */
static void full_object(char *out, size_t size, size_t skip, size_t swap,
                        const char *value)
{
    size_t len = snprintf(out, size, "{");

    for (size_t k = 0; k < FULL_KEYS; k++) {
        if (k == skip)
            continue;
        len += snprintf(out + len, size - len, "%s\n  \"%s\": %s",
                        len > 1 ? "," : "", full_keys[k].name,
                        k == swap ? value : full_keys[k].good);
        ck_assert_uint_lt(len, size);
    }
    snprintf(out + len, size - len, "\n}\n");
}

/* Case @i of the wrong-type loop: a key and one of its bad values. */
static void wrong_type_case(int i, size_t *key, const char **value)
{
    for (size_t k = 0; k < FULL_KEYS; k++) {
        bool integer = full_keys[k].range != NULL;
        int n = integer ? (int)BAD_INTEGERS : (int)BAD_STRINGS;
        if (i < n) {
            *key = k;
            *value = integer ? bad_integers[i] : bad_strings[i];
            return;
        }
        i -= n;
    }
    ck_abort_msg("no such case");
}

static int wrong_type_cases(void)
{
    int n = 0;

    for (size_t k = 0; k < FULL_KEYS; k++)
        n += full_keys[k].range ? (int)BAD_INTEGERS : (int)BAD_STRINGS;
    return n;
}

START_TEST(test_full_object_loads)
{
    char text[4096];

    full_object(text, sizeof text, FULL_KEYS, FULL_KEYS, NULL);
    put("40-case.json", text, 0644);
    put("50-good.json", GOOD_LEGACY, 0644);
    load();
    assert_counts(2, 0);
}
END_TEST

START_TEST(test_wrong_type)
{
    size_t key;
    const char *value;
    char text[4096], want[128];

    wrong_type_case(_i, &key, &value);
    full_object(text, sizeof text, FULL_KEYS, key, value);
    put("40-case.json", text, 0644);
    put("50-good.json", GOOD_LEGACY, 0644);
    load();
    if (full_keys[key].range)
        snprintf(want, sizeof want, "\"%s\" must be an integer from %s",
                 full_keys[key].name, full_keys[key].range);
    else
        snprintf(want, sizeof want, "\"%s\" must be a non-empty string",
                 full_keys[key].name);
    assert_counts(1, 1);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "40-case.json", want);
    ck_assert_uint_eq(reg.methods[0]->type.dwAuthorId, 311);
}
END_TEST

START_TEST(test_missing_key)
{
    const struct full_key *key = &full_keys[_i];
    char text[4096], want[128];

    full_object(text, sizeof text, (size_t)_i, FULL_KEYS, NULL);
    put("40-case.json", text, 0644);
    put("50-good.json", GOOD_LEGACY, 0644);
    load();
    if (!key->required) {
        assert_counts(2, 0);
        return;
    }
    snprintf(want, sizeof want, "missing required key \"%s\"", key->name);
    assert_counts(1, 1);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "40-case.json", want);
    ck_assert_ptr_eq(strstr(reg.problems[0].reason, want),
                     reg.problems[0].reason);
}
END_TEST

/* ---- other bad files, each beside a good one ---------------------------- */

#define CASE_IDS "\"AuthorId\": 1, \"TypeId\": 6, "
#define CASE_PEER "\"PeerDllPath\": \"plugin.so\", \"PeerFriendlyName\": \"C\""
#define CASE_AUTH "\"AuthenticatorDllPath\": \"auth.so\", " \
    "\"AuthenticatorFriendlyName\": \"S\""
#define EXPANDED(vendor, type) "\"AuthorId\": 1, \"TypeId\": 254, " \
    "\"VendorId\": " vendor ", \"VendorType\": " type ", "

static const struct bad_case {
    const char *label;
    const char *json;
    int severity;           /* 0: loads without a problem */
    const char *needle;
} bad_cases[] = {
    { "TypeId 3", "{\"AuthorId\": 1, \"TypeId\": 3, " CASE_PEER "}",
      EAPHOST_PROBLEM_ERROR, "\"TypeId\" must be an integer from 4 to 254" },
    { "TypeId 255", "{\"AuthorId\": 1, \"TypeId\": 255, " CASE_PEER "}",
      EAPHOST_PROBLEM_ERROR, "\"TypeId\" must be an integer from 4 to 254" },
    { "TypeId 0", "{\"AuthorId\": 1, \"TypeId\": 0, " CASE_PEER "}",
      EAPHOST_PROBLEM_ERROR, "\"TypeId\" must be an integer from 4 to 254" },
    { "TypeId -1", "{\"AuthorId\": 1, \"TypeId\": -1, " CASE_PEER "}",
      EAPHOST_PROBLEM_ERROR, "\"TypeId\" must be an integer from 4 to 254" },
    { "TypeId 1.5", "{\"AuthorId\": 1, \"TypeId\": 1.5, " CASE_PEER "}",
      EAPHOST_PROBLEM_ERROR, "\"TypeId\" must be an integer from 4 to 254" },
    { "TypeId 4.0 is the integer 4",
      "{\"AuthorId\": 1, \"TypeId\": 4.0, " CASE_PEER "}", 0, NULL },
    { "TypeId 253", "{\"AuthorId\": 1, \"TypeId\": 253, " CASE_PEER "}",
      0, NULL },
    { "AuthorId 4294967296",
      "{\"AuthorId\": 4294967296, \"TypeId\": 6, " CASE_PEER "}",
      EAPHOST_PROBLEM_ERROR, "\"AuthorId\" must be an integer from 0 to" },
    { "VendorId past 3 octets", "{" EXPANDED("16777216", "5") CASE_PEER "}",
      EAPHOST_PROBLEM_ERROR,
      "\"VendorId\" must be an integer from 0 to 16777215" },
    { "expanded without VendorId",
      "{\"AuthorId\": 1, \"TypeId\": 254, \"VendorType\": 5, " CASE_PEER "}",
      EAPHOST_PROBLEM_ERROR, "missing required key \"VendorId\" (required "
      "when \"TypeId\" is 254)" },
    { "expanded without VendorType",
      "{\"AuthorId\": 1, \"TypeId\": 254, \"VendorId\": 5, " CASE_PEER "}",
      EAPHOST_PROBLEM_ERROR, "missing required key \"VendorType\"" },
    { "IETF expanded type 3 (Nak)", "{" EXPANDED("0", "3") CASE_PEER "}",
      EAPHOST_PROBLEM_ERROR, "\"VendorType\" must be at least 4 when "
      "\"VendorId\" is 0" },
    { "IETF expanded type 4", "{" EXPANDED("0", "4") CASE_PEER "}", 0, NULL },
    { "legacy with VendorId",
      "{" CASE_IDS "\"VendorId\": 5, " CASE_PEER "}", EAPHOST_PROBLEM_ERROR,
      "\"VendorId\" must be 0 or absent when \"TypeId\" is not 254" },
    { "legacy with VendorType",
      "{" CASE_IDS "\"VendorType\": 5, " CASE_PEER "}", EAPHOST_PROBLEM_ERROR,
      "\"VendorType\" must be 0 or absent when \"TypeId\" is not 254" },
    { "legacy with zero vendor keys",
      "{" CASE_IDS "\"VendorId\": 0, \"VendorType\": 0, " CASE_PEER "}",
      0, NULL },
    { "peer half without its name",
      "{" CASE_IDS "\"PeerDllPath\": \"plugin.so\"}", EAPHOST_PROBLEM_ERROR,
      "missing required key \"PeerFriendlyName\"" },
    { "peer half without its DLL",
      "{" CASE_IDS "\"PeerFriendlyName\": \"C\"}", EAPHOST_PROBLEM_ERROR,
      "missing required key \"PeerDllPath\"" },
    { "authenticator half without its name",
      "{" CASE_IDS CASE_PEER ", \"AuthenticatorDllPath\": \"auth.so\"}",
      EAPHOST_PROBLEM_ERROR,
      "missing required key \"AuthenticatorFriendlyName\"" },
    { "authenticator half without its DLL",
      "{" CASE_IDS CASE_PEER ", \"AuthenticatorFriendlyName\": \"S\"}",
      EAPHOST_PROBLEM_ERROR, "missing required key \"AuthenticatorDllPath\"" },
    { "no half at all", "{" CASE_IDS "\"Properties\": 1}",
      EAPHOST_PROBLEM_ERROR, "no method half" },
    { "peer key without the peer half",
      "{" CASE_IDS CASE_AUTH ", \"PeerConfigUIPath\": \"plugin.so\"}",
      EAPHOST_PROBLEM_ERROR,
      "\"PeerConfigUIPath\" given without the peer half" },
    { "authenticator key without that half",
      "{" CASE_IDS CASE_PEER ", \"AuthenticatorConfigUIPath\": \"auth.so\"}",
      EAPHOST_PROBLEM_ERROR, "\"AuthenticatorConfigUIPath\" given without "
      "the authenticator half" },
    { "key given twice", "{" CASE_IDS "\"TypeId\": 7, " CASE_PEER "}",
      EAPHOST_PROBLEM_ERROR, "key \"TypeId\" appears more than once" },
    { "control character in a name",
      "{" CASE_IDS "\"PeerDllPath\": \"plugin.so\", "
      "\"PeerFriendlyName\": \"two\\nlines\"}", EAPHOST_PROBLEM_ERROR,
      "\"PeerFriendlyName\" must be UTF-8 text without control characters" },
    { "malformed UTF-8 in a name",
      "{" CASE_IDS "\"PeerDllPath\": \"plugin.so\", "
      "\"PeerFriendlyName\": \"bad \xC3\x28\"}", EAPHOST_PROBLEM_ERROR,
      "\"PeerFriendlyName\" must be UTF-8 text" },
    { "UTF-8 name", "{" CASE_IDS "\"PeerDllPath\": \"plugin.so\", "
      "\"PeerFriendlyName\": \"M\xC3\xA9thode \\u00e9\"}", 0, NULL },
    { "missing DLL",
      "{" CASE_IDS "\"PeerDllPath\": \"nothere.so\", "
      "\"PeerFriendlyName\": \"C\"}", EAPHOST_PROBLEM_ERROR,
      "/nothere.so\": No such file or directory" },
    { "missing config UI library",
      "{" CASE_IDS CASE_PEER ", \"PeerConfigUIPath\": \"ui.so\"}",
      EAPHOST_PROBLEM_ERROR, "ui.so\": No such file or directory" },
    { "missing authenticator DLL",
      "{" CASE_IDS "\"AuthenticatorDllPath\": \"no-auth.so\", "
      "\"AuthenticatorFriendlyName\": \"S\"}", EAPHOST_PROBLEM_ERROR,
      "no-auth.so\": No such file or directory" },
    { "DLL is a directory",
      "{" CASE_IDS "\"PeerDllPath\": \"libdir\", \"PeerFriendlyName\": \"C\"}",
      EAPHOST_PROBLEM_ERROR, "/libdir is not a regular file" },
    { "bad JSON", "{\n  \"AuthorId\": 1,\n  \"TypeId\": 6,,\n" CASE_PEER "}",
      EAPHOST_PROBLEM_ERROR, "bad JSON near line 3" },
    { "unterminated object", "{\n" CASE_IDS "\n\n" CASE_PEER "\n",
      EAPHOST_PROBLEM_ERROR, "bad JSON near line 5" },
    { "trailing text", "{" CASE_IDS CASE_PEER "} {}",
      EAPHOST_PROBLEM_ERROR, "bad JSON near line 1" },
    { "comment", "// EAP-MD5\n{" CASE_IDS CASE_PEER "}",
      EAPHOST_PROBLEM_ERROR, "bad JSON near line 1" },
    { "empty file", "", EAPHOST_PROBLEM_ERROR, "file is empty" },
    { "blank file", " \n\n\t", EAPHOST_PROBLEM_ERROR, "bad JSON near line 3" },
    { "array", "[{" CASE_IDS CASE_PEER "}]", EAPHOST_PROBLEM_ERROR,
      "expected a JSON object, found an array" },
    { "string", "\"PeerDllPath\"", EAPHOST_PROBLEM_ERROR,
      "expected a JSON object, found a string" },
    { "number", "42", EAPHOST_PROBLEM_ERROR,
      "expected a JSON object, found a number" },
    { "null", "null", EAPHOST_PROBLEM_ERROR,
      "expected a JSON object, found null" },
    { "byte order mark", "\xEF\xBB\xBF{" CASE_IDS CASE_PEER "}", 0, NULL },
    { "unknown key", "{" CASE_IDS CASE_PEER ", \"Colour\": \"blue\"}",
      EAPHOST_PROBLEM_WARNING, "unknown key \"Colour\" ignored" },
    { "unknown key with a control character",
      "{" CASE_IDS CASE_PEER ", \"a\\nb\": 1}",
      EAPHOST_PROBLEM_WARNING, "unknown key \"a?b\" ignored" },
    /* The warning about "typeid" goes with the refusal: one problem. */
    { "key in the wrong case", "{\"AuthorId\": 1, \"typeid\": 6, " CASE_PEER
      "}", EAPHOST_PROBLEM_ERROR, "missing required key \"TypeId\"" },
};
#define BAD_CASES (sizeof bad_cases / sizeof bad_cases[0])

START_TEST(test_bad_case)
{
    const struct bad_case *bc = &bad_cases[_i];
    size_t methods = bc->severity == EAPHOST_PROBLEM_ERROR ? 1 : 2;
    size_t problems = bc->severity != 0 ? 1 : 0;

    make_dir("libdir", 0755);
    put("40-case.json", bc->json, 0644);
    put("50-good.json", GOOD_LEGACY, 0644);
    load();
    ck_assert_msg(reg.count == methods && reg.problem_count == problems,
                  "case \"%s\": %zu methods, %zu problems (first: %s)",
                  bc->label, reg.count, reg.problem_count,
                  reg.problem_count ? reg.problems[0].reason : "none");
    if (methods == 2)
        assert_path(method_from("40-case.json")->peer_dll_path, "plugin.so");
    if (problems)
        assert_problem(0, (eaphost_problem_severity)bc->severity,
                       "40-case.json", bc->needle);
    ck_assert_ptr_nonnull(method_from("50-good.json"));
}
END_TEST

START_TEST(test_size_limit)
{
    static const char head[] = "{" CASE_IDS CASE_PEER ", \"Pad\": \"";
    const size_t limit = 64 * 1024;
    char *text = malloc(limit + 2);

    ck_assert_ptr_nonnull(text);
    /* Exactly 64 KiB loads (with a warning for the unknown key)... */
    memset(text, 'x', limit);
    memcpy(text, head, strlen(head));
    memcpy(text + limit - 3, "\"}\n", 3);
    text[limit] = '\0';
    put("10-limit.json", text, 0644);
    /* ...one byte more does not. */
    memcpy(text + limit - 3, "x\"}\n", 4);
    text[limit + 1] = '\0';
    put("20-over.json", text, 0644);
    free(text);
    load();
    assert_counts(1, 2);
    assert_problem(0, EAPHOST_PROBLEM_WARNING, "10-limit.json",
                   "unknown key \"Pad\" ignored");
    assert_problem(1, EAPHOST_PROBLEM_ERROR, "20-over.json",
                   "file is larger than 64 KiB (65537 bytes)");
}
END_TEST

START_TEST(test_nul_byte)
{
    char path[PATH_MAX];
    static const char text[] = "{" CASE_IDS CASE_PEER "}\0garbage";
    FILE *f = fopen(in_tmp("40-case.json", path, sizeof path), "w");

    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, sizeof text - 1, f), sizeof text - 1);
    ck_assert_int_eq(fclose(f), 0);
    chmod_in_tmp("40-case.json", 0644);
    load();
    assert_counts(0, 1);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "40-case.json",
                   "file contains a NUL byte");
}
END_TEST

START_TEST(test_directory_named_json)
{
    make_dir("d.json", 0755);
    put("e.json", GOOD_LEGACY, 0644);
    load();
    assert_counts(1, 1);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "d.json",
                   "/d.json is not a regular file");
}
END_TEST

/* ---- duplicates --------------------------------------------------------- */

START_TEST(test_duplicate_legacy)
{
    put("10-md5.json", "{\"AuthorId\": 311, \"TypeId\": 26, " CASE_PEER "}",
        0644);
    put("20-md5.json", "{\"AuthorId\": 311, \"TypeId\": 26, " CASE_AUTH "}",
        0644);
    /* Another author or type is another method. */
    put("30-other.json", "{\"AuthorId\": 312, \"TypeId\": 26, " CASE_PEER "}",
        0644);
    put("40-other.json", "{\"AuthorId\": 311, \"TypeId\": 25, " CASE_PEER "}",
        0644);
    load();
    assert_counts(3, 1);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "20-md5.json",
                   "duplicate method (author 311, type 26) already "
                   "registered by 10-md5.json");
    assert_path(reg.methods[0]->registry_file, "10-md5.json");
}
END_TEST

START_TEST(test_duplicate_expanded)
{
    put("a.json", "{" EXPANDED("9", "5") CASE_PEER "}", 0644);
    put("b.json", "{" EXPANDED("9", "6") CASE_PEER "}", 0644);
    put("c.json", "{" EXPANDED("8", "5") CASE_PEER "}", 0644);
    put("d.json", "{" EXPANDED("9", "5") CASE_AUTH "}", 0644);
    load();
    assert_counts(3, 1);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "d.json",
                   "duplicate method (author 1, type 254, vendor 9, vendor "
                   "type 5) already registered by a.json");
}
END_TEST

/* A refused file does not block a later one with the same ids. */
START_TEST(test_refused_file_is_no_duplicate)
{
    put("10-bad.json", "{\"AuthorId\": 311, \"TypeId\": 4, "
        "\"PeerDllPath\": \"gone.so\", \"PeerFriendlyName\": \"X\"}", 0644);
    put("20-good.json", GOOD_LEGACY, 0644);
    load();
    assert_counts(1, 1);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "10-bad.json", "gone.so");
}
END_TEST

/* ---- trust -------------------------------------------------------------- */

START_TEST(test_world_writable_json)
{
    char want[PATH_MAX + 64];

    put("40-case.json", "{" CASE_IDS CASE_PEER "}", 0646);
    put("50-good.json", GOOD_LEGACY, 0644);
    load();
    assert_counts(1, 1);
    snprintf(want, sizeof want, "refused: %s/40-case.json is writable by "
             "others", tmp);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "40-case.json", want);
    ck_assert_str_eq(reg.problems[0].reason, want);
}
END_TEST

START_TEST(test_world_writable_dll)
{
    char want[2 * PATH_MAX + 64];

    put_plugin("open.so");
    chmod_in_tmp("open.so", 0666);
    put("40-case.json", "{" CASE_IDS "\"PeerDllPath\": \"open.so\", "
        "\"PeerFriendlyName\": \"C\"}", 0644);
    put("50-good.json", GOOD_LEGACY, 0644);
    load();
    assert_counts(1, 1);
    snprintf(want, sizeof want, "PeerDllPath \"%s/open.so\": refused: "
             "%s/open.so is writable by others", tmp, tmp);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "40-case.json", want);
}
END_TEST

START_TEST(test_world_writable_directory)
{
    char want[PATH_MAX + 64];

    put("40-case.json", "{" CASE_IDS CASE_PEER "}", 0644);
    put("50-good.json", GOOD_LEGACY, 0644);
    ck_assert_int_eq(chmod(tmp, 0777), 0);
    load();
    assert_counts(0, 2);
    snprintf(want, sizeof want, "refused: directory %s is writable by "
             "others and has no sticky bit", tmp);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "40-case.json", want);
    assert_problem(1, EAPHOST_PROBLEM_ERROR, "50-good.json", want);
}
END_TEST

START_TEST(test_sticky_directory)
{
    put("40-case.json", "{" CASE_IDS CASE_PEER "}", 0644);
    put("50-good.json", GOOD_LEGACY, 0644);
    ck_assert_int_eq(chmod(tmp, 01777), 0);
    load();
    assert_counts(2, 0);
}
END_TEST

/* The plugin's directory is checked, not only the registry file's. */
START_TEST(test_world_writable_plugin_directory)
{
    char want[PATH_MAX + 64];

    make_dir("open", 0755);
    put_plugin("open/p.so");
    chmod_in_tmp("open", 0777);
    put("40-case.json", "{" CASE_IDS "\"PeerDllPath\": \"open/p.so\", "
        "\"PeerFriendlyName\": \"C\"}", 0644);
    put("50-good.json", GOOD_LEGACY, 0644);
    load();
    assert_counts(1, 1);
    snprintf(want, sizeof want, "refused: directory %s/open is writable by "
             "others and has no sticky bit", tmp);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "40-case.json", want);
}
END_TEST

/*
 * A symbolic link in a world-writable directory, pointing at a safe file:
 * whoever can write there can point the link elsewhere, so it is refused
 * although the file it leads to is fine.
 */
START_TEST(test_symlink_in_open_directory)
{
    char target[PATH_MAX], link[PATH_MAX], want[PATH_MAX + 64];

    make_dir("open", 0755);
    ck_assert_int_eq(symlink(in_tmp("plugin.so", target, sizeof target),
                             in_tmp("open/link.so", link, sizeof link)), 0);
    chmod_in_tmp("open", 0777);
    put("40-case.json", "{" CASE_IDS "\"PeerDllPath\": \"open/link.so\", "
        "\"PeerFriendlyName\": \"C\"}", 0644);
    load();
    assert_counts(0, 1);
    snprintf(want, sizeof want, "directory %s/open is writable by others",
             tmp);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "40-case.json", want);
}
END_TEST

/* A link from a safe place into a world-writable directory: refused too. */
START_TEST(test_symlink_into_open_directory)
{
    char link[PATH_MAX], want[PATH_MAX + 64];

    make_dir("open", 0755);
    put_plugin("open/p.so");
    chmod_in_tmp("open", 0777);
    ck_assert_int_eq(symlink("open/p.so",
                             in_tmp("link.so", link, sizeof link)), 0);
    put("40-case.json", "{" CASE_IDS "\"PeerDllPath\": \"link.so\", "
        "\"PeerFriendlyName\": \"C\"}", 0644);
    load();
    assert_counts(0, 1);
    snprintf(want, sizeof want, "directory %s/open is writable by others",
             tmp);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "40-case.json", want);
}
END_TEST

/* Safe links load, and the stored path is the one the file gave. */
START_TEST(test_safe_symlink)
{
    char link[PATH_MAX];

    ck_assert_int_eq(symlink("plugin.so",
                             in_tmp("link.so", link, sizeof link)), 0);
    put("40-case.json", "{" CASE_IDS "\"PeerDllPath\": \"link.so\", "
        "\"PeerFriendlyName\": \"C\"}", 0644);
    load();
    assert_counts(1, 0);
    assert_path(reg.methods[0]->peer_dll_path, "link.so");
}
END_TEST

START_TEST(test_group_writable_json)
{
    char want[PATH_MAX + 64];

    put("40-case.json", "{" CASE_IDS CASE_PEER "}", 0664);
    put("50-good.json", GOOD_LEGACY, 0644);
    load();
    assert_counts(2, 1);
    snprintf(want, sizeof want, "%s/40-case.json is writable by its group",
             tmp);
    assert_problem(0, EAPHOST_PROBLEM_WARNING, "40-case.json", want);
}
END_TEST

START_TEST(test_group_writable_dll)
{
    char want[2 * PATH_MAX + 64];

    put_plugin("shared.so");
    chmod_in_tmp("shared.so", 0664);
    /* Named twice, reported once. */
    put("40-case.json", "{" CASE_IDS "\"PeerDllPath\": \"shared.so\", "
        "\"PeerFriendlyName\": \"C\", \"PeerConfigUIPath\": \"shared.so\"}",
        0644);
    put("50-good.json", GOOD_LEGACY, 0644);
    load();
    assert_counts(2, 1);
    snprintf(want, sizeof want, "PeerDllPath \"%s/shared.so\": %s/shared.so "
             "is writable by its group", tmp, tmp);
    assert_problem(0, EAPHOST_PROBLEM_WARNING, "40-case.json", want);
}
END_TEST

START_TEST(test_group_writable_directory)
{
    char want[PATH_MAX + 64];

    put("40-case.json", "{" CASE_IDS CASE_PEER "}", 0644);
    ck_assert_int_eq(chmod(tmp, 0775), 0);
    load();
    /* One warning for the registry file, one for its plugin. */
    assert_counts(1, 2);
    snprintf(want, sizeof want, "directory %s is writable by its group", tmp);
    assert_problem(0, EAPHOST_PROBLEM_WARNING, "40-case.json", want);
    assert_problem(1, EAPHOST_PROBLEM_WARNING, "40-case.json",
                   "PeerDllPath \"");
    ck_assert_ptr_nonnull(strstr(reg.problems[1].reason, want));
}
END_TEST

/* The trust check on its own, for what the registry does not reach. */
START_TEST(test_trust_check_direct)
{
    char path[PATH_MAX], cwd[PATH_MAX];
    char *warning = (char *)"x", *reason = (char *)"x";

    ck_assert_int_eq(eh_trust_check(in_tmp("plugin.so", path, sizeof path),
                                    &warning, &reason), 0);
    ck_assert_ptr_null(warning);
    ck_assert_ptr_null(reason);

    /* Relative to the working directory. */
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    ck_assert_int_eq(chdir(tmp), 0);
    int rc = eh_trust_check("plugin.so", &warning, &reason);
    ck_assert_int_eq(chdir(cwd), 0);
    ck_assert_int_eq(rc, 0);
    ck_assert_ptr_null(warning);

    /* A path through "..". */
    make_dir("sub", 0755);
    ck_assert_int_eq(eh_trust_check(in_tmp("sub/../plugin.so", path,
                                           sizeof path), &warning, &reason),
                     0);

    /* Missing, and not a regular file. */
    ck_assert_int_eq(eh_trust_check(in_tmp("gone.so", path, sizeof path),
                                    &warning, &reason), -1);
    ck_assert_ptr_null(warning);
    ck_assert_ptr_nonnull(strstr(reason, "gone.so: No such file or "
                                 "directory"));
    ck_assert_ptr_eq(strstr(reason, "refused: "), reason);
    eh_free(reason);
    ck_assert_int_eq(eh_trust_check(tmp, &warning, &reason), -1);
    ck_assert_ptr_nonnull(strstr(reason, "is not a regular file"));
    eh_free(reason);

    /* A path through a file. */
    ck_assert_int_eq(eh_trust_check(in_tmp("plugin.so/x", path, sizeof path),
                                    &warning, &reason), -1);
    ck_assert_ptr_nonnull(strstr(reason, "Not a directory"));
    eh_free(reason);

    /* A loop of links. */
    ck_assert_int_eq(symlink("loop-b", in_tmp("loop-a", path, sizeof path)),
                     0);
    ck_assert_int_eq(symlink("loop-a", in_tmp("loop-b", path, sizeof path)),
                     0);
    ck_assert_int_eq(eh_trust_check(path, &warning, &reason), -1);
    ck_assert_ptr_nonnull(reason);
    eh_free(reason);

    /* Refused wins over a warning found first. */
    make_dir("grp", 0775);
    put_plugin("grp/open.so");
    chmod_in_tmp("grp/open.so", 0666);
    ck_assert_int_eq(eh_trust_check(in_tmp("grp/open.so", path, sizeof path),
                                    &warning, &reason), -1);
    ck_assert_ptr_null(warning);
    ck_assert_ptr_nonnull(strstr(reason, "is writable by others"));
    eh_free(reason);

    /* NULL arguments. */
    ck_assert_int_eq(eh_trust_check(NULL, &warning, &reason), -1);
    ck_assert_ptr_null(reason);
    ck_assert_int_eq(eh_trust_check(path, NULL, &reason), -1);
    ck_assert_ptr_null(reason);
}
END_TEST

/* Out of memory inside the trust check: -1 and no reason. */
START_TEST(test_trust_check_out_of_memory)
{
    char path[PATH_MAX];
    char *warning = NULL, *reason = NULL;

    put_plugin("shared.so");
    chmod_in_tmp("shared.so", 0664);
    eh_test_fail_alloc_after(0);
    ck_assert_int_eq(eh_trust_check(in_tmp("shared.so", path, sizeof path),
                                    &warning, &reason), -1);
    ck_assert_ptr_null(warning);
    ck_assert_ptr_null(reason);
    eh_test_fail_alloc_after(0);
    ck_assert_int_eq(eh_trust_check(in_tmp("gone.so", path, sizeof path),
                                    &warning, &reason), -1);
    ck_assert_ptr_null(reason);
    eh_test_fail_alloc_after(-1);
}
END_TEST

/* ---- the directory ------------------------------------------------------ */

START_TEST(test_missing_directory)
{
    char dir[PATH_MAX];

    in_tmp("nowhere", dir, sizeof dir);
    ck_assert_uint_eq(eh_registry_load(dir, &reg), ERROR_SUCCESS);
    assert_counts(0, 1);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "nowhere", "nowhere: No such "
                   "file or directory");
    ck_assert_ptr_eq(strstr(reg.problems[0].reason,
                            "cannot read methods directory"),
                     reg.problems[0].reason);
}
END_TEST

START_TEST(test_directory_is_a_file)
{
    char dir[PATH_MAX];

    ck_assert_uint_eq(eh_registry_load(in_tmp("plugin.so", dir, sizeof dir),
                                       &reg), ERROR_SUCCESS);
    assert_counts(0, 1);
    assert_problem(0, EAPHOST_PROBLEM_ERROR, "plugin.so", "Not a directory");
}
END_TEST

START_TEST(test_trailing_slash)
{
    char dir[PATH_MAX];

    put("a.json", GOOD_LEGACY, 0644);
    snprintf(dir, sizeof dir, "%s//", tmp);
    ck_assert_uint_eq(eh_registry_load(dir, &reg), ERROR_SUCCESS);
    assert_counts(1, 0);
    assert_path(reg.methods[0]->registry_file, "a.json");
}
END_TEST

START_TEST(test_empty_directory)
{
    load();
    assert_counts(0, 0);
    ck_assert_ptr_null(reg.methods);
    ck_assert_ptr_null(reg.problems);
}
END_TEST

START_TEST(test_bad_arguments)
{
    ck_assert_uint_eq(eh_registry_load(NULL, &reg), ERROR_INVALID_PARAMETER);
    assert_counts(0, 0);
    ck_assert_uint_eq(eh_registry_load(tmp, NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eh_registry_load("", &reg), ERROR_SUCCESS);
    assert_counts(0, 1);
    eh_registry_free(&reg);
    eh_registry_free(NULL);
    eh_method_free(NULL);
}
END_TEST

/* ---- lookup ------------------------------------------------------------- */

START_TEST(test_find)
{
    EAP_METHOD_TYPE t;

    put("a.json", GOOD_LEGACY, 0644);
    put("b.json", "{" EXPANDED("9", "5") CASE_PEER "}", 0644);
    load();
    assert_counts(2, 0);

    memset(&t, 0, sizeof t);
    t.dwAuthorId = 311;
    t.eapType.type = 4;
    ck_assert_ptr_eq(eh_registry_find(&reg, &t), method_from("a.json"));
    t.dwAuthorId = 312;
    ck_assert_ptr_null(eh_registry_find(&reg, &t));
    t.dwAuthorId = 311;
    t.eapType.type = 5;
    ck_assert_ptr_null(eh_registry_find(&reg, &t));

    t.dwAuthorId = 1;
    t.eapType.type = 254;
    t.eapType.dwVendorId = 9;
    t.eapType.dwVendorType = 5;
    ck_assert_ptr_eq(eh_registry_find(&reg, &t), method_from("b.json"));
    t.eapType.dwVendorType = 6;
    ck_assert_ptr_null(eh_registry_find(&reg, &t));
    t.eapType.dwVendorType = 5;
    t.eapType.dwVendorId = 8;
    ck_assert_ptr_null(eh_registry_find(&reg, &t));

    ck_assert_ptr_null(eh_registry_find(&reg, NULL));
    ck_assert_ptr_null(eh_registry_find(NULL, &t));
}
END_TEST

/* ---- allocation failures ------------------------------------------------ */

/* Three files: a warning, a good expanded method, a refused file. */
static void put_three_files(void)
{
    put("10-md5.json", "{" CASE_IDS CASE_PEER ", \"Colour\": 1}", 0664);
    put("20-vendor.json", "{" EXPANDED("9", "5") CASE_PEER ", " CASE_AUTH
        ", \"PeerConfigUIPath\": \"auth.so\"}", 0644);
    put("30-bad.json", "{" CASE_IDS CASE_PEER ", \"Colour\": 1}", 0644);
}

START_TEST(test_allocation_failures)
{
    struct eh_registry want;
    long n;

    put_three_files();
    ck_assert_uint_eq(eh_registry_load(tmp, &want), ERROR_SUCCESS);
    ck_assert_uint_eq(want.count, 2);
    ck_assert_uint_eq(want.problem_count, 3);

    for (n = 0; n < 10000; n++) {
        eh_test_fail_alloc_after(n);
        DWORD rc = eh_registry_load(tmp, &reg);
        eh_test_fail_alloc_after(-1);
        if (rc == ERROR_SUCCESS)
            break;
        ck_assert_msg(rc == ERROR_NOT_ENOUGH_MEMORY,
                      "allocation %ld: got 0x%lx", n, (unsigned long)rc);
        ck_assert_uint_eq(reg.count, 0);
        ck_assert_ptr_null(reg.methods);
        ck_assert_uint_eq(reg.problem_count, 0);
        ck_assert_ptr_null(reg.problems);
    }
    /* Each step allocates; a sweep this short would mean it tested little. */
    ck_assert_int_gt(n, 20);
    ck_assert_uint_eq(reg.count, want.count);
    ck_assert_uint_eq(reg.problem_count, want.problem_count);
    for (size_t i = 0; i < want.problem_count; i++)
        ck_assert_str_eq(reg.problems[i].reason, want.problems[i].reason);
    eh_registry_free(&want);
}
END_TEST

/* ---- suite -------------------------------------------------------------- */

static TCase *tcase(Suite *s, const char *name)
{
    TCase *tc = tcase_create(name);

    tcase_add_checked_fixture(tc, setup, teardown);
    suite_add_tcase(s, tc);
    return tc;
}

static Suite *registry_suite(void)
{
    Suite *s = suite_create("registry");
    TCase *tc;

    tc = tcase(s, "good");
    tcase_add_test(tc, test_good_legacy);
    tcase_add_test(tc, test_good_expanded);
    tcase_add_test(tc, test_authenticator_only);
    tcase_add_test(tc, test_path_resolution);
    tcase_add_test(tc, test_relative_directory);
    tcase_add_test(tc, test_name_order);
    tcase_add_test(tc, test_other_files_ignored);
    tcase_add_test(tc, test_full_object_loads);

    tc = tcase(s, "bad");
    tcase_add_loop_test(tc, test_wrong_type, 0, wrong_type_cases());
    tcase_add_loop_test(tc, test_missing_key, 0, (int)FULL_KEYS);
    tcase_add_loop_test(tc, test_bad_case, 0, (int)BAD_CASES);
    tcase_add_test(tc, test_size_limit);
    tcase_add_test(tc, test_nul_byte);
    tcase_add_test(tc, test_directory_named_json);

    tc = tcase(s, "duplicates");
    tcase_add_test(tc, test_duplicate_legacy);
    tcase_add_test(tc, test_duplicate_expanded);
    tcase_add_test(tc, test_refused_file_is_no_duplicate);

    tc = tcase(s, "trust");
    tcase_add_test(tc, test_world_writable_json);
    tcase_add_test(tc, test_world_writable_dll);
    tcase_add_test(tc, test_world_writable_directory);
    tcase_add_test(tc, test_sticky_directory);
    tcase_add_test(tc, test_world_writable_plugin_directory);
    tcase_add_test(tc, test_symlink_in_open_directory);
    tcase_add_test(tc, test_symlink_into_open_directory);
    tcase_add_test(tc, test_safe_symlink);
    tcase_add_test(tc, test_group_writable_json);
    tcase_add_test(tc, test_group_writable_dll);
    tcase_add_test(tc, test_group_writable_directory);
    tcase_add_test(tc, test_trust_check_direct);
    tcase_add_test(tc, test_trust_check_out_of_memory);

    tc = tcase(s, "directory");
    tcase_add_test(tc, test_missing_directory);
    tcase_add_test(tc, test_directory_is_a_file);
    tcase_add_test(tc, test_trailing_slash);
    tcase_add_test(tc, test_empty_directory);
    tcase_add_test(tc, test_bad_arguments);
    tcase_add_test(tc, test_find);

    tc = tcase(s, "memory");
    tcase_add_test(tc, test_allocation_failures);
    return s;
}

int main(void)
{
    return tu_run(registry_suite());
}
