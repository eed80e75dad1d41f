/*
 * user_db.c - the authenticator host's user database: identities and their
 * passwords, built in memory or read from a JSON file (format in
 * eaphost/authenticator.h).
 *
 * Users are kept sorted by identity (byte order), so a look-up is a binary
 * search and a duplicate sits next to its twin.  A database is reference
 * counted: each authenticator session holds one reference, so the caller
 * may free its own while sessions still use it; passwords are wiped when
 * the last reference goes.
 */
#define _POSIX_C_SOURCE 200809L

#include "internal.h"

#include <cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Largest user database file read. */
#define USER_DB_FILE_MAX (16u << 20)

struct user {
    char *identity;             /* UTF-8, NUL-terminated */
    char *password;             /* UTF-8, NUL-terminated, wiped on free */
    size_t password_len;
};

struct eaphost_user_db {
    atomic_uint refs;
    struct user *users;         /* sorted by identity */
    size_t count, cap;
};

/* ---- the set of users ------------------------------------------------------ */

static void free_users(struct eaphost_user_db *db)
{
    for (size_t i = 0; i < db->count; i++) {
        eh_free(db->users[i].identity);
        eh_free_secret(db->users[i].password, db->users[i].password_len);
    }
    eh_free(db->users);
    db->users = NULL;
    db->count = db->cap = 0;
}

/* Index of @identity, or where it would go (*@found false). */
static size_t position(const struct eaphost_user_db *db, const char *identity,
                       bool *found)
{
    size_t lo = 0, hi = db->count;

    *found = false;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(identity, db->users[mid].identity);

        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* Checks of eaphost_user_db_add(); NULL when acceptable, else why. */
static const char *identity_defect(const char *identity)
{
    size_t n = strlen(identity);

    if (n == 0)
        return "is empty";
    if (n > EAPHOST_USER_DB_MAX_IDENTITY)
        return "is longer than 1024 bytes";
    if (!eh_utf8_valid((const BYTE *)identity, n))
        return "is not well-formed UTF-8";
    return NULL;
}

static const char *password_defect(const char *password)
{
    size_t n = strlen(password);

    if (n > EAPHOST_USER_DB_MAX_PASSWORD)
        return "is longer than 1024 bytes";
    if (!eh_utf8_valid((const BYTE *)password, n))
        return "is not well-formed UTF-8";
    return NULL;
}

/* Insert a checked pair; ERROR_ALREADY_EXISTS for a known identity. */
static DWORD insert(struct eaphost_user_db *db, const char *identity,
                    const char *password)
{
    bool found;
    size_t at = position(db, identity, &found);
    struct user u;

    if (found)
        return ERROR_ALREADY_EXISTS;
    if (db->count == db->cap) {
        size_t cap = db->cap ? db->cap * 2 : 8;
        struct user *grown = eh_realloc(db->users, cap * sizeof *grown);

        if (!grown)
            return ERROR_NOT_ENOUGH_MEMORY;
        db->users = grown;
        db->cap = cap;
    }
    u.password_len = strlen(password);
    u.identity = eh_strdup(identity);
    u.password = eh_malloc(u.password_len + 1);
    if (!u.identity || !u.password) {
        eh_free(u.identity);
        eh_free(u.password);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    memcpy(u.password, password, u.password_len + 1);
    memmove(&db->users[at + 1], &db->users[at],
            (db->count - at) * sizeof *db->users);
    db->users[at] = u;
    db->count++;
    return ERROR_SUCCESS;
}

DWORD eaphost_user_db_new(eaphost_user_db **db)
{
    struct eaphost_user_db *d;

    if (!db)
        return ERROR_INVALID_PARAMETER;
    *db = NULL;
    d = eh_calloc(1, sizeof *d);
    if (!d)
        return ERROR_NOT_ENOUGH_MEMORY;
    atomic_init(&d->refs, 1);
    *db = d;
    return ERROR_SUCCESS;
}

DWORD eaphost_user_db_add(eaphost_user_db *db, const char *identity,
                          const char *password)
{
    if (!db || !identity || !password)
        return ERROR_INVALID_PARAMETER;
    if (identity_defect(identity) || password_defect(password))
        return ERROR_INVALID_DATA;
    if (atomic_load(&db->refs) > 1)
        return ERROR_INVALID_STATE;
    return insert(db, identity, password);
}

DWORD eaphost_user_db_count(const eaphost_user_db *db, DWORD *count)
{
    if (!db || !count)
        return ERROR_INVALID_PARAMETER;
    *count = (DWORD)db->count;
    return ERROR_SUCCESS;
}

void eaphost_user_db_free(eaphost_user_db *db)
{
    if (!db || atomic_fetch_sub(&db->refs, 1) != 1)
        return;
    free_users(db);
    eh_free(db);
}

/**
 * eh_user_db_ref() - take one more reference to a database.
 * @db: the database.
 *
 * The count is the only thing that changes, so a const database is fine.
 * Return: @db, to be released with eaphost_user_db_free().
 */
eaphost_user_db *eh_user_db_ref(const eaphost_user_db *db)
{
    eaphost_user_db *d = (eaphost_user_db *)db;

    atomic_fetch_add(&d->refs, 1);
    return d;
}

/**
 * eh_user_db_find() - look an identity up.
 * @db: the database.
 * @identity: NUL-terminated UTF-8, compared byte for byte.
 * @password: receives the stored password (owned by @db, NUL-terminated).
 * @password_len: receives its length in bytes.
 *
 * Return: true when found.
 */
bool eh_user_db_find(const eaphost_user_db *db, const char *identity,
                     const char **password, size_t *password_len)
{
    bool found;
    size_t at = position(db, identity, &found);

    if (!found)
        return false;
    *password = db->users[at].password;
    *password_len = db->users[at].password_len;
    return true;
}

/* ---- the JSON file ---------------------------------------------------------- */

struct load_ctx {
    const char *path;
    char *why;                  /* the reason, once refused */
    DWORD code;                 /* the code, once refused */
};

/* Refuse the file with @code and "<path>: <reason>".  Returns @code. */
static DWORD refuse(struct load_ctx *c, DWORD code, const char *fmt, ...)
    EH_PRINTF(3, 4);
static DWORD refuse(struct load_ctx *c, DWORD code, const char *fmt, ...)
{
    va_list ap;
    char reason[512];

    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    /* One line, whatever the file's strings hold. */
    for (char *p = reason; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?';
    int n = snprintf(NULL, 0, "%s: %s", c->path, reason);
    eh_free(c->why);
    c->why = n < 0 ? NULL : eh_malloc((size_t)n + 1);
    if (c->why)
        snprintf(c->why, (size_t)n + 1, "%s: %s", c->path, reason);
    c->code = code;
    return code;
}

static DWORD check_trust(struct load_ctx *c)
{
    struct stat st;
    char *warning = NULL, *reason = NULL;

    if (stat(c->path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR))
        return refuse(c, ERROR_FILE_NOT_FOUND, "%s", strerror(errno));
    if (eh_trust_check(c->path, &warning, &reason) != 0) {
        if (!reason)
            return ERROR_NOT_ENOUGH_MEMORY;
        /* The trust check's reason names the file already. */
        eh_free(c->why);
        c->why = reason;
        c->code = ERROR_ACCESS_DENIED;
        return ERROR_ACCESS_DENIED;
    }
    /* A group-writable file is accepted, as for the registry. */
    eh_free(warning);
    return ERROR_SUCCESS;
}

/* The whole file into *@text (host memory, NUL-terminated). */
static DWORD read_text(struct load_ctx *c, char **text, size_t *len)
{
    char *why = NULL;
    DWORD rc = eh_json_file_read(c->path, USER_DB_FILE_MAX, "16 MiB", text,
                                 len, &why);

    if (rc != ERROR_SUCCESS && rc != ERROR_NOT_ENOUGH_MEMORY)
        rc = why ? refuse(c, rc, "%s", why) : ERROR_NOT_ENOUGH_MEMORY;
    eh_free(why);
    return rc;
}

/*
 * cJSON turns "\u0000" into a NUL that silently ends the string; refuse it.
 * An escape is a backslash preceded by an even number of backslashes.
 */
static const char *nul_escape(const char *text)
{
    size_t run = 0;

    for (const char *p = text; *p; p++) {
        if (*p == '\\') {
            run++;
            continue;
        }
        if (run % 2 == 1 && strncmp(p, "u0000", 5) == 0)
            return p;
        run = 0;
    }
    return NULL;
}

static DWORD parse(struct load_ctx *c, const char *text, size_t len,
                   cJSON **root)
{
    static const char bom[] = "\xEF\xBB\xBF";   /* editors may write one */
    const char *start = text, *end = NULL, *nul;

    *root = NULL;
    if (len >= 3 && memcmp(text, bom, 3) == 0)
        start += 3;
    if (len == 0)
        return refuse(c, ERROR_INVALID_DATA, "file is empty, expected a JSON "
                      "object");
    if (memchr(text, '\0', len))
        return refuse(c, ERROR_INVALID_DATA, "file contains a NUL byte, "
                      "expected JSON text");
    if ((nul = nul_escape(start)))
        return refuse(c, ERROR_INVALID_DATA, "line %u: \\u0000 (NUL) in a "
                      "string", eh_json_line_of(text, nul));
    *root = cJSON_ParseWithOpts(start, &end, 1);
    if (!*root)
        /* Also when cJSON runs out of memory: it cannot tell us apart. */
        return refuse(c, ERROR_INVALID_DATA, "bad JSON near line %u",
                      eh_json_line_of(text, end ? end : text));
    if (!cJSON_IsObject(*root))
        return refuse(c, ERROR_INVALID_DATA, "expected a JSON object, found "
                      "%s", eh_json_type_name(*root));
    return ERROR_SUCCESS;
}

/* The one string value @key of entry @i (*@out NULL when absent). */
static DWORD entry_string(struct load_ctx *c, const cJSON *entry, size_t i,
                          const char *key, const char **out)
{
    const cJSON *v = NULL;

    for (const cJSON *k = entry->child; k; k = k->next) {
        if (strcmp(k->string, key) != 0)
            continue;
        if (v)
            return refuse(c, ERROR_INVALID_DATA, "users[%zu]: \"%s\" given "
                          "twice", i, key);
        v = k;
    }
    *out = NULL;
    if (!v)
        return refuse(c, ERROR_INVALID_DATA, "users[%zu]: missing \"%s\"", i,
                      key);
    if (!cJSON_IsString(v) || !v->valuestring)
        return refuse(c, ERROR_INVALID_DATA, "users[%zu]: \"%s\" must be a "
                      "string, found %s", i, key, eh_json_type_name(v));
    *out = v->valuestring;
    return ERROR_SUCCESS;
}

static DWORD take_entry(struct load_ctx *c, struct eaphost_user_db *db,
                        const cJSON *entry, size_t i)
{
    const char *identity, *password, *defect;
    DWORD rc;

    if (!cJSON_IsObject(entry))
        return refuse(c, ERROR_INVALID_DATA, "users[%zu]: expected an object, "
                      "found %s", i, eh_json_type_name(entry));
    for (const cJSON *k = entry->child; k; k = k->next)
        if (strcmp(k->string, "identity") != 0 &&
            strcmp(k->string, "password") != 0)
            return refuse(c, ERROR_INVALID_DATA, "users[%zu]: unknown key "
                          "\"%.64s\" (an entry has \"identity\" and "
                          "\"password\")", i, k->string);
    if ((rc = entry_string(c, entry, i, "identity", &identity)) ||
        (rc = entry_string(c, entry, i, "password", &password)))
        return rc;
    if ((defect = identity_defect(identity)))
        return refuse(c, ERROR_INVALID_DATA, "users[%zu]: \"identity\" %s", i,
                      defect);
    if ((defect = password_defect(password)))
        return refuse(c, ERROR_INVALID_DATA, "users[%zu]: \"password\" %s", i,
                      defect);
    rc = insert(db, identity, password);
    if (rc == ERROR_ALREADY_EXISTS)
        return refuse(c, ERROR_INVALID_DATA, "users[%zu]: duplicate identity "
                      "\"%.64s\"", i, identity);
    return rc;
}

static DWORD take_users(struct load_ctx *c, struct eaphost_user_db *db,
                        const cJSON *root)
{
    const cJSON *users = NULL;
    size_t i = 0;
    DWORD rc = ERROR_SUCCESS;

    for (const cJSON *k = root->child; k; k = k->next) {
        if (strcmp(k->string, "users") != 0)
            return refuse(c, ERROR_INVALID_DATA, "unknown key \"%.64s\" (the "
                          "file has one key, \"users\")", k->string);
        if (users)
            return refuse(c, ERROR_INVALID_DATA, "\"users\" given twice");
        users = k;
    }
    if (!users)
        return refuse(c, ERROR_INVALID_DATA, "missing key \"users\"");
    if (!cJSON_IsArray(users))
        return refuse(c, ERROR_INVALID_DATA, "\"users\" must be an array, "
                      "found %s", eh_json_type_name(users));
    for (const cJSON *e = users->child; e && rc == ERROR_SUCCESS; e = e->next)
        rc = take_entry(c, db, e, i++);
    return rc;
}

/* Overwrite every string cJSON holds (passwords among them). */
static void wipe_json(cJSON *item)
{
    for (; item; item = item->next) {
        if (item->valuestring)
            eh_wipe(item->valuestring, strlen(item->valuestring));
        wipe_json(item->child);
    }
}

DWORD eaphost_user_db_load(const char *path, eaphost_user_db **db,
                           char **error_text)
{
    struct load_ctx c = { .path = path };
    struct eaphost_user_db *d = NULL;
    cJSON *root = NULL;
    char *text = NULL;
    size_t len = 0;
    DWORD rc;

    if (error_text)
        *error_text = NULL;
    if (db)
        *db = NULL;
    if (!path || !db)
        return ERROR_INVALID_PARAMETER;
    rc = check_trust(&c);
    if (rc == ERROR_SUCCESS)
        rc = read_text(&c, &text, &len);
    if (rc == ERROR_SUCCESS)
        rc = parse(&c, text, len, &root);
    if (rc == ERROR_SUCCESS)
        rc = eaphost_user_db_new(&d);
    if (rc == ERROR_SUCCESS)
        rc = take_users(&c, d, root);
    if (root) {
        wipe_json(root);
        cJSON_Delete(root);
    }
    if (text)
        eh_free_secret(text, len);
    if (rc == ERROR_SUCCESS) {
        *db = d;
        return ERROR_SUCCESS;
    }
    eaphost_user_db_free(d);
    if (rc == ERROR_NOT_ENOUGH_MEMORY || !c.why) {
        eh_free(c.why);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    if (error_text)
        *error_text = c.why;
    else
        eh_free(c.why);
    return rc;
}
