/*
 * inspect_json.c - the type of a plugin from the registry JSON file beside
 * it (md5.so -> md5.json; a plugin in a libtool .libs directory is also
 * looked for one directory up), so that `inspect PLUGIN` needs no --type.
 *
 * Only the top-level integer keys AuthorId, TypeId, VendorId and
 * VendorType are read, by a small scanner that walks the JSON syntax and
 * skips every other value.  The host reads the registry format in full;
 * this is a convenience for the command line.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "inspect.h"

/* Largest registry file read here. */
#define JSON_MAX 65536

struct scan {
    const char *p, *end;
};

static void skip_ws(struct scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' ||
                             *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

/* A string; its body (escapes left as they are) in [*b, *e). */
static bool scan_string(struct scan *s, const char **b, const char **e)
{
    if (s->p >= s->end || *s->p != '"')
        return false;
    *b = ++s->p;
    while (s->p < s->end && *s->p != '"') {
        if (*s->p == '\\')
            s->p++;
        s->p++;
    }
    if (s->p >= s->end)
        return false;
    *e = s->p++;
    return true;
}

/* Any value: a string, a nested object or array, or a number or
 * literal (up to the next delimiter). */
static bool skip_value(struct scan *s)
{
    const char *b, *e;
    int depth = 0;

    skip_ws(s);
    if (s->p >= s->end)
        return false;
    if (*s->p == '"')
        return scan_string(s, &b, &e);
    if (*s->p != '{' && *s->p != '[') {
        const char *start = s->p;
        while (s->p < s->end && !strchr(",}] \t\r\n", *s->p))
            s->p++;
        return s->p > start;
    }
    do {
        if (s->p >= s->end)
            return false;
        if (*s->p == '"') {
            if (!scan_string(s, &b, &e))
                return false;
            continue;
        }
        if (*s->p == '{' || *s->p == '[')
            depth++;
        else if (*s->p == '}' || *s->p == ']')
            depth--;
        s->p++;
    } while (depth > 0);
    return true;
}

/* A non-negative integer value of at most 32 bits. */
static bool scan_dword(struct scan *s, DWORD *out)
{
    unsigned long long v = 0;
    const char *start = s->p;

    while (s->p < s->end && *s->p >= '0' && *s->p <= '9' && v <= 0xFFFFFFFFull)
        v = v * 10 + (unsigned long long)(*s->p++ - '0');
    if (s->p == start || v > 0xFFFFFFFFull ||
        (s->p < s->end && (*s->p == '.' || *s->p == 'e' || *s->p == 'E')))
        return false;
    *out = (DWORD)v;
    return true;
}

enum { K_AUTHOR, K_TYPE, K_VENDOR, K_VENDOR_TYPE, K_COUNT };

/* The four keys of a top-level object; false when malformed. */
static bool scan_object(struct scan *s, DWORD *v, bool *have)
{
    static const char *const names[K_COUNT] = {
        "AuthorId", "TypeId", "VendorId", "VendorType"
    };
    const char *b, *e;
    int k;

    skip_ws(s);
    if (s->p >= s->end || *s->p++ != '{')
        return false;
    skip_ws(s);
    if (s->p < s->end && *s->p == '}')
        return true;
    for (;;) {
        skip_ws(s);
        if (!scan_string(s, &b, &e))
            return false;
        skip_ws(s);
        if (s->p >= s->end || *s->p++ != ':')
            return false;
        skip_ws(s);
        for (k = 0; k < K_COUNT; k++)
            if ((size_t)(e - b) == strlen(names[k]) &&
                memcmp(b, names[k], (size_t)(e - b)) == 0)
                break;
        if (k < K_COUNT) {
            if (!scan_dword(s, &v[k]))
                return false;
            have[k] = true;
        } else if (!skip_value(s)) {
            return false;
        }
        skip_ws(s);
        if (s->p < s->end && *s->p == ',') {
            s->p++;
            continue;
        }
        return s->p < s->end && *s->p == '}';
    }
}

/* Read @path; 1 found, 0 no file, -1 unusable (a message if @report). */
static int read_type(const char *path, EAP_METHOD_TYPE *type, bool report)
{
    static char buf[JSON_MAX];
    DWORD v[K_COUNT] = { 0 };
    bool have[K_COUNT] = { false };
    struct scan s;
    size_t n;
    FILE *f = fopen(path, "r");

    if (!f) {
        if (errno == ENOENT)
            return 0;
        if (report)
            fprintf(stderr, CLI_NAME ": %s: %s; give --type\n", path,
                    strerror(errno));
        return -1;
    }
    n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    s.p = buf;
    s.end = buf + n;
    if (n == sizeof buf || !scan_object(&s, v, have) || !have[K_TYPE] ||
        v[K_TYPE] < 4 || v[K_TYPE] > 254 ||
        (v[K_TYPE] == 254 && (!have[K_VENDOR] || !have[K_VENDOR_TYPE] ||
                              v[K_VENDOR] > 0xFFFFFFu))) {
        if (report)
            fprintf(stderr, CLI_NAME ": %s: no usable TypeId (and "
                    "VendorId, VendorType for 254) in it; give --type\n",
                    path);
        return -1;
    }
    memset(type, 0, sizeof *type);
    type->eapType.type = (BYTE)v[K_TYPE];
    if (v[K_TYPE] == 254) {
        type->eapType.dwVendorId = v[K_VENDOR];
        type->eapType.dwVendorType = v[K_VENDOR_TYPE];
    }
    type->dwAuthorId = v[K_AUTHOR];
    return 1;
}

int inspect_type_from_json(const char *plugin, EAP_METHOD_TYPE *type,
                           char **json, bool report)
{
    const char *slash = strrchr(plugin, '/');
    const char *base = slash ? slash + 1 : plugin;
    size_t dir_len = slash ? (size_t)(slash - plugin) : 0;
    size_t base_len = strcspn(base, ".");
    size_t n = strlen(plugin) + base_len + 16;
    char *path = malloc(n);
    int found = 0;

    *json = NULL;
    if (!path || base_len == 0) {
        free(path);
        return 0;
    }
    snprintf(path, n, "%.*s%s%.*s.json", (int)dir_len, plugin,
             slash ? "/" : "", (int)base_len, base);
    found = read_type(path, type, report);
    if (found == 0 && dir_len >= 5 &&
        strncmp(plugin + dir_len - 5, ".libs", 5) == 0 &&
        (dir_len == 5 || plugin[dir_len - 6] == '/')) {
        size_t up = dir_len - 5;
        snprintf(path, n, "%.*s%.*s.json", (int)up, plugin, (int)base_len,
                 base);
        found = read_type(path, type, report);
    }
    if (found == 1)
        *json = path;
    else
        free(path);
    return found;
}
