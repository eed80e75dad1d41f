/*
 * args.c - argument helpers shared by the commands: numbers, EAP types,
 * method names, the registry directory and the author of a bare type.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

/* The bundled methods by name (plugins/: md5, gtc, mschapv2). */
static const struct {
    const char *name;
    BYTE type;
    DWORD author;
} method_names[] = {
    { "md5", 4, 0 },
    { "gtc", 6, 0 },
    { "mschapv2", 26, 311 },
};

bool cli_parse_u32(const char *s, DWORD max, DWORD *out)
{
    char *end = NULL;
    unsigned long long v;

    /* strtoull would accept a sign and leading blanks. */
    if (!s || !(*s >= '0' && *s <= '9'))
        return false;
    errno = 0;
    v = strtoull(s, &end, 0);
    if (errno != 0 || *end != '\0' || v > max)
        return false;
    /* A leading 0 makes strtoull read octal: say what we mean instead. */
    if (s[0] == '0' && s[1] >= '0' && s[1] <= '9') {
        v = strtoull(s, &end, 10);
        if (*end != '\0' || v > max)
            return false;
    }
    *out = (DWORD)v;
    return true;
}

/* Split "a:b:c" into three parts in @buf; false unless exactly three. */
static bool split3(const char *s, char *buf, size_t n, char **parts)
{
    if (strlen(s) >= n)
        return false;
    strcpy(buf, s);
    parts[0] = buf;
    parts[1] = strchr(parts[0], ':');
    if (!parts[1])
        return false;
    *parts[1]++ = '\0';
    parts[2] = strchr(parts[1], ':');
    if (!parts[2])
        return false;
    *parts[2]++ = '\0';
    return strchr(parts[2], ':') == NULL;
}

bool cli_parse_type(const char *s, EAP_TYPE *out)
{
    char buf[64];
    char *parts[3];
    DWORD t, vendor, vendor_type;

    memset(out, 0, sizeof *out);
    if (!s)
        return false;
    if (!strchr(s, ':')) {
        if (!cli_parse_u32(s, 253, &t) || t < 4)
            return false;
        out->type = (BYTE)t;
        return true;
    }
    if (!split3(s, buf, sizeof buf, parts) ||
        !cli_parse_u32(parts[0], 254, &t) || t != 254 ||
        !cli_parse_u32(parts[1], 0xFFFFFFu, &vendor) ||
        !cli_parse_u32(parts[2], 0xFFFFFFFFu, &vendor_type))
        return false;
    out->type = 254;
    out->dwVendorId = vendor;
    out->dwVendorType = vendor_type;
    return true;
}

bool cli_parse_method(const char *s, EAP_METHOD_TYPE *out, bool *author_known)
{
    size_t i;

    memset(out, 0, sizeof *out);
    *author_known = false;
    if (!s)
        return false;
    for (i = 0; i < sizeof method_names / sizeof method_names[0]; i++) {
        if (strcasecmp(s, method_names[i].name) == 0) {
            out->eapType.type = method_names[i].type;
            out->dwAuthorId = method_names[i].author;
            *author_known = true;
            return true;
        }
    }
    return cli_parse_type(s, &out->eapType);
}

bool cli_use_methods_dir(const char *dir)
{
    DWORD rc;

    if (!dir)
        return true;
    if (!*dir) {
        fprintf(stderr, CLI_NAME ": --methods-dir: empty directory name\n");
        return false;
    }
    rc = eaphost_set_methods_dir(dir);
    if (rc != ERROR_SUCCESS) {
        fprintf(stderr, CLI_NAME ": --methods-dir %s: %s\n", dir,
                eaphost_error_message(rc));
        return false;
    }
    return true;
}

static bool same_eap_type(const EAP_TYPE *a, const EAP_TYPE *b)
{
    return a->type == b->type && (a->type != 254 ||
                                  (a->dwVendorId == b->dwVendorId &&
                                   a->dwVendorType == b->dwVendorType));
}

void cli_find_author(EAP_METHOD_TYPE *type)
{
    eaphost_method_entry *list = NULL;
    DWORD count = 0, i, found = 0, author = 0;

    if (eaphost_list_methods(FALSE, &list, &count) != ERROR_SUCCESS)
        return;
    for (i = 0; i < count; i++) {
        if (same_eap_type(&list[i].type.eapType, &type->eapType)) {
            found++;
            author = list[i].type.dwAuthorId;
        }
    }
    eaphost_free_method_list(list, count);
    if (found == 1)
        type->dwAuthorId = author;
}
