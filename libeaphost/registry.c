/*
 * registry.c - the method registry: one JSON file per registered method.
 *
 * On Windows each method is the registry key
 *   HKLM\SYSTEM\CurrentControlSet\Services\EapHost\Methods\<AuthorId>\<TypeId>
 * (expanded types: ...\<AuthorId>\254\<VendorId>\<VendorType>), whose
 * values name the method's DLLs and properties.  Here each such key is a
 * JSON object in a file of the methods directory, with the ids as keys and
 * the SDK's value names for the rest.  A bad file is reported as a problem
 * and skipped; the other files still load.  Nothing is loaded here: the
 * plugins named are only checked to exist and to be trustworthy.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* fstat, S_IFREG and friends, opendir */
#endif

#include "internal.h"

#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* A registry file describes one method; anything larger is a mistake. */
#define REGISTRY_FILE_MAX (64 * 1024)

#define DWORD_MAX_VALUE 0xFFFFFFFFu
/* The Vendor-Id field of an expanded type is 3 octets (RFC 3748 §5.7). */
#define VENDOR_ID_MAX 0xFFFFFFu
/* Vendor-Id 0 is the IETF; its types 1-3 are Identity, Notification and
 * Nak, which the host handles itself, so the first method type is 4. */
#define FIRST_METHOD_TYPE 4
#define EXPANDED_TYPE 254

/* ---- the keys of a registry file ---------------------------------------- */

enum key_id {
    KEY_AUTHOR_ID,
    KEY_TYPE_ID,
    KEY_VENDOR_ID,
    KEY_VENDOR_TYPE,
    KEY_PEER_DLL_PATH,
    KEY_PEER_FRIENDLY_NAME,
    KEY_PEER_CONFIG_UI_PATH,
    KEY_PEER_REQUIRE_CONFIG_UI,
    KEY_PEER_IDENTITY_PATH,
    KEY_PEER_INTERACTIVE_UI_PATH,
    KEY_PEER_INVOKE_USERNAME_DIALOG,
    KEY_PEER_INVOKE_PASSWORD_DIALOG,
    KEY_PROPERTIES,
    KEY_AUTH_DLL_PATH,
    KEY_AUTH_FRIENDLY_NAME,
    KEY_AUTH_CONFIG_UI_PATH,
    KEY_COUNT
};

enum key_kind {
    KIND_DWORD,     /* REG_DWORD: JSON integer within [min, max] */
    KIND_TEXT,      /* REG_SZ: non-empty JSON string */
    KIND_PATH       /* REG_EXPAND_SZ naming a library: as text, then checked */
};

enum key_half { HALF_ANY, HALF_PEER, HALF_AUTH };

/* Where a key's value goes in struct eh_method (ids are stored apart). */
#define NO_FIELD ((size_t)-1)
#define FIELD(name) offsetof(struct eh_method, name)

struct key_spec {
    const char *name;
    enum key_kind kind;
    DWORD min, max;         /* KIND_DWORD only */
    enum key_half half;     /* the half the key belongs to */
    size_t field;
};

static const struct key_spec key_specs[KEY_COUNT] = {
    [KEY_AUTHOR_ID] = { "AuthorId", KIND_DWORD, 0, DWORD_MAX_VALUE,
                        HALF_ANY, NO_FIELD },
    [KEY_TYPE_ID] = { "TypeId", KIND_DWORD, FIRST_METHOD_TYPE, EXPANDED_TYPE,
                      HALF_ANY, NO_FIELD },
    [KEY_VENDOR_ID] = { "VendorId", KIND_DWORD, 0, VENDOR_ID_MAX,
                        HALF_ANY, NO_FIELD },
    [KEY_VENDOR_TYPE] = { "VendorType", KIND_DWORD, 0, DWORD_MAX_VALUE,
                          HALF_ANY, NO_FIELD },
    [KEY_PEER_DLL_PATH] = { "PeerDllPath", KIND_PATH, 0, 0,
                            HALF_PEER, FIELD(peer_dll_path) },
    [KEY_PEER_FRIENDLY_NAME] = { "PeerFriendlyName", KIND_TEXT, 0, 0,
                                 HALF_PEER, FIELD(peer_friendly_name) },
    [KEY_PEER_CONFIG_UI_PATH] = { "PeerConfigUIPath", KIND_PATH, 0, 0,
                                  HALF_PEER, FIELD(peer_config_ui_path) },
    [KEY_PEER_REQUIRE_CONFIG_UI] = { "PeerRequireConfigUI", KIND_DWORD, 0,
                                     DWORD_MAX_VALUE, HALF_PEER,
                                     FIELD(peer_require_config_ui) },
    [KEY_PEER_IDENTITY_PATH] = { "PeerIdentityPath", KIND_PATH, 0, 0,
                                 HALF_PEER, FIELD(peer_identity_path) },
    [KEY_PEER_INTERACTIVE_UI_PATH] = { "PeerInteractiveUIPath", KIND_PATH,
                                       0, 0, HALF_PEER,
                                       FIELD(peer_interactive_ui_path) },
    [KEY_PEER_INVOKE_USERNAME_DIALOG] = { "PeerInvokeUsernameDialog",
                                          KIND_DWORD, 0, DWORD_MAX_VALUE,
                                          HALF_PEER,
                                          FIELD(peer_invoke_username_dialog) },
    [KEY_PEER_INVOKE_PASSWORD_DIALOG] = { "PeerInvokePasswordDialog",
                                          KIND_DWORD, 0, DWORD_MAX_VALUE,
                                          HALF_PEER,
                                          FIELD(peer_invoke_password_dialog) },
    /* Shared by both halves, as on Windows. */
    [KEY_PROPERTIES] = { "Properties", KIND_DWORD, 0, DWORD_MAX_VALUE,
                         HALF_ANY, FIELD(properties) },
    [KEY_AUTH_DLL_PATH] = { "AuthenticatorDllPath", KIND_PATH, 0, 0,
                            HALF_AUTH, FIELD(auth_dll_path) },
    [KEY_AUTH_FRIENDLY_NAME] = { "AuthenticatorFriendlyName", KIND_TEXT, 0, 0,
                                 HALF_AUTH, FIELD(auth_friendly_name) },
    [KEY_AUTH_CONFIG_UI_PATH] = { "AuthenticatorConfigUIPath", KIND_PATH,
                                  0, 0, HALF_AUTH,
                                  FIELD(auth_config_ui_path) },
};

static char **text_field(struct eh_method *m, enum key_id k)
{
    return (char **)(void *)((char *)m + key_specs[k].field);
}

static DWORD *dword_field(struct eh_method *m, enum key_id k)
{
    return (DWORD *)(void *)((char *)m + key_specs[k].field);
}

/* @dir/@name in host memory (NULL when out of memory); @dir is absolute. */
static char *join_path(const char *dir, const char *name)
{
    const char *sep = strcmp(dir, "/") == 0 ? "" : "/";
    size_t size = strlen(dir) + strlen(sep) + strlen(name) + 1;
    char *path = eh_malloc(size);

    if (path)
        snprintf(path, size, "%s%s%s", dir, sep, name);
    return path;
}

/* ---- problems ---------------------------------------------------------- */

/* Outcome of one step of reading a file. */
enum step {
    STEP_OK,        /* go on */
    STEP_SKIP,      /* the file is refused; its ERROR problem is recorded */
    STEP_NOMEM      /* out of memory: the whole load fails */
};

/* A new string in host memory, or NULL when out of memory. */
static char *format_text(const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int len = vsnprintf(NULL, 0, fmt, ap);
    char *text = len < 0 ? NULL : eh_malloc((size_t)len + 1);

    if (text)
        vsnprintf(text, (size_t)len + 1, fmt, again);
    va_end(again);
    return text;
}

/* Problems are one line: control characters from names and keys go. */
static void make_one_line(char *text)
{
    for (unsigned char *p = (unsigned char *)text; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            *p = '?';
}

static enum step add_problem_v(struct eh_registry *reg,
                               eaphost_problem_severity severity,
                               const char *file, const char *fmt, va_list ap)
{
    char *reason = format_text(fmt, ap);
    char *file_copy = eh_strdup(file);
    struct eh_problem *grown = NULL;

    if (reason && file_copy)
        grown = eh_realloc(reg->problems,
                           (reg->problem_count + 1) * sizeof *grown);
    if (!grown) {
        eh_free(reason);
        eh_free(file_copy);
        return STEP_NOMEM;
    }
    make_one_line(reason);
    reg->problems = grown;
    grown[reg->problem_count++] = (struct eh_problem){
        .severity = severity, .file = file_copy, .reason = reason };
    return STEP_OK;
}

static enum step add_problem(struct eh_registry *reg,
                             eaphost_problem_severity severity,
                             const char *file, const char *fmt, ...)
    EH_PRINTF(4, 5);

static enum step add_problem(struct eh_registry *reg,
                             eaphost_problem_severity severity,
                             const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    enum step result = add_problem_v(reg, severity, file, fmt, ap);
    va_end(ap);
    return result;
}

/* Forget the problems from index @keep on (the warnings of a refused file). */
static void drop_problems_from(struct eh_registry *reg, size_t keep)
{
    while (reg->problem_count > keep) {
        struct eh_problem *p = &reg->problems[--reg->problem_count];
        eh_free(p->file);
        eh_free(p->reason);
    }
}

/* ---- one registry file -------------------------------------------------- */

/* What is known about the file being read. */
struct file_ctx {
    struct eh_registry *reg;
    const char *dir;            /* absolute directory of the file */
    char *path;                 /* absolute path of the file */
    size_t first_problem;       /* reg->problem_count when the file started */
    const cJSON *item[KEY_COUNT];   /* values found, NULL when absent */
    DWORD dword[KEY_COUNT];     /* the KIND_DWORD values found */
};

static enum step warn(struct file_ctx *c, const char *fmt, ...)
    EH_PRINTF(2, 3);

static enum step warn(struct file_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    enum step result = add_problem_v(c->reg, EAPHOST_PROBLEM_WARNING,
                                     c->path, fmt, ap);
    va_end(ap);
    return result;
}

static enum step refuse(struct file_ctx *c, const char *fmt, ...)
    EH_PRINTF(2, 3);

/*
 * Record why the file is refused.  Its earlier warnings are dropped: the
 * file will not load, and the reason it does not is what to report.
 */
static enum step refuse(struct file_ctx *c, const char *fmt, ...)
{
    va_list ap;

    drop_problems_from(c->reg, c->first_problem);
    va_start(ap, fmt);
    enum step result = add_problem_v(c->reg, EAPHOST_PROBLEM_ERROR,
                                     c->path, fmt, ap);
    va_end(ap);
    return result == STEP_OK ? STEP_SKIP : STEP_NOMEM;
}

/* The trust check's verdict on @path as a step; @what prefixes problems. */
static enum step check_trust(struct file_ctx *c, const char *path,
                             const char *what)
{
    char *warning, *reason;
    enum step result = STEP_OK;

    if (eh_trust_check(path, &warning, &reason) != 0) {
        if (!reason)
            return STEP_NOMEM;
        result = what ? refuse(c, "%s: %s", what, reason)
                      : refuse(c, "%s", reason);
        eh_free(reason);
        return result;
    }
    if (warning) {
        result = what ? warn(c, "%s: %s", what, warning)
                      : warn(c, "%s", warning);
        eh_free(warning);
    }
    return result;
}

/* Read the whole file into *@text (host memory, NUL-terminated). */
static enum step read_text(struct file_ctx *c, char **text, size_t *len)
{
    char *why = NULL;
    DWORD rc = eh_json_file_read(c->path, REGISTRY_FILE_MAX, "64 KiB", text,
                                 len, &why);
    enum step result = STEP_OK;

    if (rc == ERROR_NOT_ENOUGH_MEMORY || (rc != ERROR_SUCCESS && !why))
        result = STEP_NOMEM;
    else if (rc != ERROR_SUCCESS)
        result = refuse(c, "%s", why);
    eh_free(why);
    return result;
}

/* Parse @text (freed here) into a JSON object in *@root. */
static enum step parse_object(struct file_ctx *c, char *text, size_t len,
                              cJSON **root)
{
    static const char bom[] = "\xEF\xBB\xBF";   /* editors may write one */
    const char *start = text, *end = NULL;
    enum step result = STEP_OK;

    *root = NULL;
    if (len >= 3 && memcmp(text, bom, 3) == 0)
        start += 3;
    if (len == 0)
        result = refuse(c, "file is empty, expected a JSON object");
    else if (memchr(text, '\0', len))
        result = refuse(c, "file contains a NUL byte, expected JSON text");
    else if (!(*root = cJSON_ParseWithOpts(start, &end, 1)))
        /* Also when cJSON runs out of memory: it cannot tell us apart. */
        result = refuse(c, "bad JSON near line %u",
                        eh_json_line_of(text, end ? end : text));
    else if (!cJSON_IsObject(*root))
        result = refuse(c, "expected a JSON object, found %s",
                        eh_json_type_name(*root));
    eh_free(text);
    if (result != STEP_OK) {
        cJSON_Delete(*root);
        *root = NULL;
    }
    return result;
}

static int find_key(const char *name)
{
    for (int k = 0; k < KEY_COUNT; k++)
        if (name && strcmp(name, key_specs[k].name) == 0)
            return k;
    return -1;
}

/* An integral JSON number within [@min, @max]: 1.5, -1, "1" and true fail. */
static bool json_dword(const cJSON *item, DWORD min, DWORD max, DWORD *out)
{
    if (!cJSON_IsNumber(item))
        return false;
    double v = item->valuedouble;
    if (!(v >= min && v <= max))    /* also false for NaN */
        return false;
    *out = (DWORD)v;
    return (double)*out == v;
}

/* Well-formed UTF-8 without control characters (values reach one-line
 * texts and, for names, UTF-16 conversion). */
static bool is_clean_utf8(const char *s)
{
    size_t i, n = strlen(s);

    for (i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return false;
    return eh_utf8_valid((const BYTE *)s, n);
}

/* Check one value against its key's kind and remember it. */
static enum step take_value(struct file_ctx *c, enum key_id k,
                            const cJSON *item)
{
    const struct key_spec *spec = &key_specs[k];

    if (spec->kind == KIND_DWORD) {
        if (!json_dword(item, spec->min, spec->max, &c->dword[k]))
            return refuse(c, "\"%s\" must be an integer from %lu to %lu",
                          spec->name, (unsigned long)spec->min,
                          (unsigned long)spec->max);
    } else if (!cJSON_IsString(item) || !item->valuestring ||
               !item->valuestring[0]) {
        return refuse(c, "\"%s\" must be a non-empty string", spec->name);
    } else if (!is_clean_utf8(item->valuestring)) {
        return refuse(c, "\"%s\" must be UTF-8 text without control "
                      "characters", spec->name);
    }
    c->item[k] = item;
    return STEP_OK;
}

/* Go through the object's keys: known ones are checked, unknown ones warned
 * about (a file written for a later version still loads). */
static enum step collect_keys(struct file_ctx *c, const cJSON *root)
{
    enum step result = STEP_OK;

    for (const cJSON *item = root->child; item && result == STEP_OK;
         item = item->next) {
        int k = find_key(item->string);

        if (k < 0)
            result = warn(c, "unknown key \"%s\" ignored",
                          item->string ? item->string : "");
        else if (c->item[k])
            result = refuse(c, "key \"%s\" appears more than once",
                            key_specs[k].name);
        else
            result = take_value(c, (enum key_id)k, item);
    }
    return result;
}

static enum step missing(struct file_ctx *c, enum key_id k, const char *why)
{
    return refuse(c, "missing required key \"%s\"%s", key_specs[k].name, why);
}

/* AuthorId, TypeId and, for expanded types, VendorId and VendorType. */
static enum step check_ids(struct file_ctx *c)
{
    static const char expanded_why[] = " (required when \"TypeId\" is 254)";

    if (!c->item[KEY_AUTHOR_ID])
        return missing(c, KEY_AUTHOR_ID, "");
    if (!c->item[KEY_TYPE_ID])
        return missing(c, KEY_TYPE_ID, "");
    if (c->dword[KEY_TYPE_ID] != EXPANDED_TYPE) {
        if (c->dword[KEY_VENDOR_ID] != 0 || c->dword[KEY_VENDOR_TYPE] != 0)
            return refuse(c, "\"%s\" must be 0 or absent when \"TypeId\" is "
                          "not 254", c->dword[KEY_VENDOR_ID] != 0 ?
                          "VendorId" : "VendorType");
        return STEP_OK;
    }
    if (!c->item[KEY_VENDOR_ID])
        return missing(c, KEY_VENDOR_ID, expanded_why);
    if (!c->item[KEY_VENDOR_TYPE])
        return missing(c, KEY_VENDOR_TYPE, expanded_why);
    if (c->dword[KEY_VENDOR_ID] == 0 &&
        c->dword[KEY_VENDOR_TYPE] < FIRST_METHOD_TYPE)
        return refuse(c, "\"VendorType\" must be at least 4 when "
                      "\"VendorId\" is 0 (IETF types 1-3 are not methods)");
    return STEP_OK;
}

/* A half is there when both its keys are, and absent when neither is. */
static enum step check_half(struct file_ctx *c, enum key_id dll,
                            enum key_id name, bool *present)
{
    *present = c->item[dll] && c->item[name];
    if (*present || (!c->item[dll] && !c->item[name]))
        return STEP_OK;
    return refuse(c, "missing required key \"%s\" (\"%s\" and \"%s\" go "
                  "together)", key_specs[c->item[dll] ? name : dll].name,
                  key_specs[dll].name, key_specs[name].name);
}

static enum step check_halves(struct file_ctx *c)
{
    bool peer, auth;
    enum step result = check_half(c, KEY_PEER_DLL_PATH,
                                  KEY_PEER_FRIENDLY_NAME, &peer);

    if (result == STEP_OK)
        result = check_half(c, KEY_AUTH_DLL_PATH, KEY_AUTH_FRIENDLY_NAME,
                            &auth);
    if (result != STEP_OK)
        return result;
    if (!peer && !auth)
        return refuse(c, "no method half: give \"PeerDllPath\" and "
                      "\"PeerFriendlyName\", or \"AuthenticatorDllPath\" and "
                      "\"AuthenticatorFriendlyName\"");
    for (int k = 0; k < KEY_COUNT; k++) {
        enum key_half half = key_specs[k].half;
        if (c->item[k] && ((half == HALF_PEER && !peer) ||
                           (half == HALF_AUTH && !auth)))
            return refuse(c, "\"%s\" given without the %s half",
                          key_specs[k].name,
                          half == HALF_PEER ? "peer" : "authenticator");
    }
    return STEP_OK;
}

/* @value against the file's directory unless absolute; host memory. */
static char *plugin_path(const struct file_ctx *c, const char *value)
{
    return value[0] == '/' ? eh_strdup(value) : join_path(c->dir, value);
}

/* A plugin must exist and pass the trust check. */
static enum step check_plugin(struct file_ctx *c, enum key_id k,
                              const char *path)
{
    struct stat st;
    const char *key = key_specs[k].name;

    if (stat(path, &st) != 0)
        return refuse(c, "%s \"%s\": %s", key, path, strerror(errno));

    size_t size = strlen(key) + strlen(path) + 4;
    char *what = eh_malloc(size);
    if (!what)
        return STEP_NOMEM;
    snprintf(what, size, "%s \"%s\"", key, path);
    enum step result = check_trust(c, path, what);
    eh_free(what);
    return result;
}

/* True when an earlier path key of @m names @path (checked already). */
static bool checked_before(struct eh_method *m, enum key_id k,
                           const char *path)
{
    for (int earlier = 0; earlier < (int)k; earlier++) {
        if (key_specs[earlier].kind != KIND_PATH)
            continue;
        const char *other = *text_field(m, (enum key_id)earlier);
        if (other && strcmp(other, path) == 0)
            return true;
    }
    return false;
}

static enum step store_value(struct file_ctx *c, struct eh_method *m,
                             enum key_id k)
{
    const struct key_spec *spec = &key_specs[k];
    char **text = text_field(m, k);

    switch (spec->kind) {
    case KIND_DWORD:
        *dword_field(m, k) = c->dword[k];
        return STEP_OK;
    case KIND_TEXT:
        *text = eh_strdup(c->item[k]->valuestring);
        return *text ? STEP_OK : STEP_NOMEM;
    case KIND_PATH:
        *text = plugin_path(c, c->item[k]->valuestring);
        if (!*text)
            return STEP_NOMEM;
        return checked_before(m, k, *text) ? STEP_OK
                                           : check_plugin(c, k, *text);
    }
    return STEP_OK;
}

/* A new method from the checked values; plugins are checked on the way. */
static enum step build_method(struct file_ctx *c, struct eh_method **out)
{
    struct eh_method *m = eh_calloc(1, sizeof *m);
    enum step result = STEP_OK;

    *out = NULL;
    if (!m || !(m->registry_file = eh_strdup(c->path))) {
        eh_free(m);
        return STEP_NOMEM;
    }
    m->type.dwAuthorId = c->dword[KEY_AUTHOR_ID];
    m->type.eapType.type = (BYTE)c->dword[KEY_TYPE_ID];
    m->type.eapType.dwVendorId = c->dword[KEY_VENDOR_ID];
    m->type.eapType.dwVendorType = c->dword[KEY_VENDOR_TYPE];
    m->state = EH_METHOD_UNLOADED;
    m->handle = NULL;

    for (int k = 0; k < KEY_COUNT && result == STEP_OK; k++)
        if (c->item[k] && key_specs[k].field != NO_FIELD)
            result = store_value(c, m, (enum key_id)k);
    if (result != STEP_OK) {
        eh_method_free(m);
        return result;
    }
    *out = m;
    return STEP_OK;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static enum step check_duplicate(struct file_ctx *c, const struct eh_method *m)
{
    const EAP_METHOD_TYPE *t = &m->type;
    const struct eh_method *earlier = eh_registry_find(c->reg, t);

    if (!earlier)
        return STEP_OK;
    if (t->eapType.type != EXPANDED_TYPE)
        return refuse(c, "duplicate method (author %lu, type %u) already "
                      "registered by %s", (unsigned long)t->dwAuthorId,
                      (unsigned)t->eapType.type,
                      base_name(earlier->registry_file));
    return refuse(c, "duplicate method (author %lu, type 254, vendor %lu, "
                  "vendor type %lu) already registered by %s",
                  (unsigned long)t->dwAuthorId,
                  (unsigned long)t->eapType.dwVendorId,
                  (unsigned long)t->eapType.dwVendorType,
                  base_name(earlier->registry_file));
}

static enum step append_method(struct eh_registry *reg, struct eh_method *m)
{
    struct eh_method **grown = eh_realloc(reg->methods,
                                          (reg->count + 1) * sizeof *grown);
    if (!grown)
        return STEP_NOMEM;
    reg->methods = grown;
    reg->methods[reg->count++] = m;
    return STEP_OK;
}

/* Every check of one file in turn; the first that refuses ends it. */
static enum step load_checked_file(struct file_ctx *c)
{
    char *text = NULL;
    size_t len = 0;
    cJSON *root = NULL;
    struct eh_method *m = NULL;

    enum step result = check_trust(c, c->path, NULL);
    if (result == STEP_OK)
        result = read_text(c, &text, &len);
    if (result == STEP_OK)
        result = parse_object(c, text, len, &root);
    if (result == STEP_OK)
        result = collect_keys(c, root);
    if (result == STEP_OK)
        result = check_ids(c);
    if (result == STEP_OK)
        result = check_halves(c);
    if (result == STEP_OK)
        result = build_method(c, &m);
    cJSON_Delete(root);
    if (result == STEP_OK)
        result = check_duplicate(c, m);
    if (result == STEP_OK)
        result = append_method(c->reg, m);
    if (result != STEP_OK)
        eh_method_free(m);
    return result;
}

static DWORD load_file(struct eh_registry *reg, const char *dir,
                       const char *name)
{
    struct file_ctx c = {
        .reg = reg, .dir = dir, .path = join_path(dir, name),
        .first_problem = reg->problem_count };

    if (!c.path)
        return ERROR_NOT_ENOUGH_MEMORY;
    enum step result = load_checked_file(&c);
    eh_free(c.path);
    return result == STEP_NOMEM ? ERROR_NOT_ENOUGH_MEMORY : ERROR_SUCCESS;
}

/* ---- the directory ----------------------------------------------------- */

/* "*.json", and not hidden (editors and package managers leave those). */
static bool is_registry_name(const char *name)
{
    size_t len = strlen(name);
    return name[0] != '.' && len > 5 && strcmp(name + len - 5, ".json") == 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void free_names(char **names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        eh_free(names[i]);
    eh_free(names);
}

static bool add_name(char ***names, size_t *count, const char *name)
{
    char *copy = eh_strdup(name);
    char **grown = copy ? eh_realloc(*names, (*count + 1) * sizeof *grown)
                        : NULL;
    if (!grown) {
        eh_free(copy);
        return false;
    }
    grown[(*count)++] = copy;
    *names = grown;
    return true;
}

/*
 * The registry file names of @dir, sorted by strcmp.  Returns 0, or an
 * errno value when the directory cannot be read (ENOMEM: out of memory).
 */
static int list_registry_files(const char *dir, char ***names, size_t *count)
{
    DIR *d = opendir(dir);
    int err = 0;

    *names = NULL;
    *count = 0;
    if (!d)
        return errno;
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) {
            err = errno;
            break;
        }
        if (is_registry_name(e->d_name) &&
            !add_name(names, count, e->d_name)) {
            err = ENOMEM;
            break;
        }
    }
    closedir(d);
    if (err) {
        free_names(*names, *count);
        *names = NULL;
        *count = 0;
        return err;
    }
    if (*count > 1)     /* qsort wants a non-NULL array even for none */
        qsort(*names, *count, sizeof **names, compare_names);
    return 0;
}

/* Collapse repeated slashes and drop "." components of the absolute path
 * @path, in place ("/a//./b/" becomes "/a/b").  ".." stays: with symbolic
 * links it does not simply undo the component before it. */
static void tidy_directory(char *path)
{
    char *out = path;
    const char *in = path;

    for (;;) {
        while (*in == '/')
            in++;
        size_t len = strcspn(in, "/");
        if (len == 0)
            break;
        if (!(len == 1 && in[0] == '.')) {
            *out++ = '/';
            memmove(out, in, len);
            out += len;
        }
        in += len;
    }
    if (out == path)
        *out++ = '/';
    *out = '\0';
}

/* @dir made absolute and tidied, in host memory.  NULL with errno ENOMEM
 * when out of memory, else with getcwd's errno. */
static char *absolute_dir(const char *dir)
{
    char cwd[PATH_MAX];
    const char *prefix = "";
    size_t size;
    char *path;

    if (dir[0] != '/') {
        if (!getcwd(cwd, sizeof cwd))
            return NULL;
        prefix = cwd;
    }
    size = strlen(prefix) + 1 + strlen(dir) + 1;
    path = eh_malloc(size);
    if (!path) {
        errno = ENOMEM;
        return NULL;
    }
    snprintf(path, size, "%s/%s", prefix, dir);
    tidy_directory(path);
    return path;
}

static DWORD directory_problem(struct eh_registry *reg, const char *dir,
                               int err)
{
    enum step result = add_problem(reg, EAPHOST_PROBLEM_ERROR, dir,
                                   "cannot read methods directory %s: %s",
                                   dir, strerror(err));
    return result == STEP_OK ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
}

static DWORD load_directory(struct eh_registry *reg, const char *dir)
{
    char **names;
    size_t count;
    DWORD rc = ERROR_SUCCESS;
    int err;

    if (dir[0] == '\0')
        return add_problem(reg, EAPHOST_PROBLEM_ERROR, dir, "cannot read "
                           "methods directory: the path is empty") == STEP_OK
               ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;

    char *abs = absolute_dir(dir);
    if (!abs)
        return errno == ENOMEM ? ERROR_NOT_ENOUGH_MEMORY
                               : directory_problem(reg, dir, errno);

    err = list_registry_files(abs, &names, &count);
    if (err == ENOMEM)
        rc = ERROR_NOT_ENOUGH_MEMORY;
    else if (err)
        rc = directory_problem(reg, abs, err);
    for (size_t i = 0; i < count && rc == ERROR_SUCCESS; i++)
        rc = load_file(reg, abs, names[i]);
    free_names(names, count);
    eh_free(abs);
    return rc;
}

/* ---- the contract of internal.h ---------------------------------------- */

/**
 * eh_registry_load() - read every registry file of a methods directory.
 * @dir: the directory, absolute or relative to the working directory.
 * @reg: receives the registry; its previous contents are not freed (pass
 *       an empty or freed one).  The caller owns the result and releases
 *       it with eh_registry_free().
 *
 * Every "*.json" file of @dir (not hidden, not in subdirectories) is read
 * in strcmp order of the names.  A file that is refused (untrusted, bad
 * JSON, wrong or missing value, id out of range, duplicate method, missing
 * or untrusted plugin) is skipped and recorded as an EAPHOST_PROBLEM_ERROR
 * problem naming the file; unknown keys and group-writable files or
 * directories are recorded as EAPHOST_PROBLEM_WARNING and the file still
 * loads.  A directory that cannot be read is one ERROR problem naming it.
 * The methods come out in file name order, with their load state zero
 * (EH_METHOD_UNLOADED, no handle).
 *
 * Return: ERROR_SUCCESS, also when files were refused;
 * ERROR_INVALID_PARAMETER when @dir or @reg is NULL;
 * ERROR_NOT_ENOUGH_MEMORY, with @reg left empty and nothing leaked.
 */
DWORD eh_registry_load(const char *dir, struct eh_registry *reg)
{
    if (!reg)
        return ERROR_INVALID_PARAMETER;
    memset(reg, 0, sizeof *reg);
    if (!dir)
        return ERROR_INVALID_PARAMETER;

    DWORD rc = load_directory(reg, dir);
    if (rc != ERROR_SUCCESS)
        eh_registry_free(reg);
    return rc;
}

/**
 * eh_registry_free() - release everything a registry holds.
 * @reg: the registry (its struct stays the caller's), or NULL.  Its methods
 *       must be unloaded already (eh_method_unload()).  Left empty.
 */
void eh_registry_free(struct eh_registry *reg)
{
    if (!reg)
        return;
    for (size_t i = 0; i < reg->count; i++)
        eh_method_free(reg->methods[i]);
    eh_free(reg->methods);
    drop_problems_from(reg, 0);
    eh_free(reg->problems);
    memset(reg, 0, sizeof *reg);
}

/**
 * eh_registry_index() - where the registered method of an exact type is.
 * @reg: the registry, or NULL.
 * @type: author, type, vendor id and vendor type to match, or NULL.
 *
 * Return: its index in @reg->methods, or SIZE_MAX when none matches.
 */
size_t eh_registry_index(const struct eh_registry *reg,
                         const EAP_METHOD_TYPE *type)
{
    if (!reg || !type)
        return SIZE_MAX;
    for (size_t i = 0; i < reg->count; i++)
        if (eh_method_type_equal(&reg->methods[i]->type, type))
            return i;
    return SIZE_MAX;
}

/**
 * eh_registry_find() - the registered method of an exact type.
 * @reg: the registry, or NULL.
 * @type: author, type, vendor id and vendor type to match, or NULL.
 *
 * Return: the method, still owned by @reg, or NULL when none matches.
 */
struct eh_method *eh_registry_find(const struct eh_registry *reg,
                                   const EAP_METHOD_TYPE *type)
{
    size_t i = eh_registry_index(reg, type);

    return i == SIZE_MAX ? NULL : reg->methods[i];
}

/**
 * eh_method_free() - release a method made by the registry.
 * @m: the method, or NULL.  It must be unloaded (no handle, no users):
 *     this frees its strings, the fault reason included, and @m itself.
 */
void eh_method_free(struct eh_method *m)
{
    if (!m)
        return;
    eh_free(m->registry_file);
    eh_free(m->peer_dll_path);
    eh_free(m->peer_friendly_name);
    eh_free(m->peer_config_ui_path);
    eh_free(m->peer_identity_path);
    eh_free(m->peer_interactive_ui_path);
    eh_free(m->auth_dll_path);
    eh_free(m->auth_friendly_name);
    eh_free(m->auth_config_ui_path);
    eh_free(m->fault_reason);
    eh_free(m);
}
