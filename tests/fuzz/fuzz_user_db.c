/*
 * fuzz_user_db.c - the user database reader (libeaphost/user_db.c): the
 * input is the JSON file, written to a private directory (mode 0600) and
 * read with eaphost_user_db_load().
 *
 * A database that loads is counted, searched for a few identities (the
 * input's first bytes among them) and freed; a refused file must come with
 * a one-line reason that names the file.
 *
 * Invariants (abort on failure): the result is ERROR_SUCCESS or
 * ERROR_INVALID_DATA (out of memory aside); success gives a database and
 * no text, refusal a text and no database; every identity found has a
 * NUL-terminated password of the length reported.
 */
#include "internal.h"

#include "fuzz_common.h"

#include <limits.h>
#include <string.h>

static char dir[PATH_MAX];
static char path[PATH_MAX];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    snprintf(dir, sizeof dir, "%s", fuzz_tmpdir());
    return 0;
}

static void look_up(const eaphost_user_db *db, const char *identity)
{
    const char *password = NULL;
    size_t len = 0;

    if (eh_user_db_find(db, identity, &password, &len)) {
        FUZZ_CHECK(password != NULL, "found \"%s\" without a password",
                   identity);
        FUZZ_CHECK(strlen(password) == len, "password length %zu, "
                   "reported %zu", strlen(password), len);
        fuzz_touch(password, len + 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    eaphost_user_db *db = NULL;
    char *text = NULL;
    char probe[64];
    DWORD rc, count = 0;

    fuzz_write_file(dir, "users.json", data, size, 0600, path, sizeof path);
    rc = eaphost_user_db_load(path, &db, &text);
    if (rc == ERROR_NOT_ENOUGH_MEMORY)
        return 0;
    FUZZ_CHECK(rc == ERROR_SUCCESS || rc == ERROR_INVALID_DATA,
               "eaphost_user_db_load: 0x%08x (%s)", (unsigned)rc,
               text ? text : "no text");
    if (rc != ERROR_SUCCESS) {
        FUZZ_CHECK(db == NULL && text != NULL, "refused with db %p, text %p",
                   (void *)db, (void *)text);
        FUZZ_CHECK(strncmp(text, path, strlen(path)) == 0,
                   "reason does not name the file: %s", text);
        for (const char *c = text; *c; c++)
            FUZZ_CHECK((unsigned char)*c >= 0x20 && *c != 0x7f,
                       "control character 0x%02x in the reason",
                       (unsigned char)*c);
        eaphost_free(text);
        return 0;
    }
    FUZZ_CHECK(db != NULL && text == NULL, "loaded with db %p, text %p",
               (void *)db, (void *)text);
    FUZZ_CHECK(eaphost_user_db_count(db, &count) == ERROR_SUCCESS, "count");
    look_up(db, "alice");
    look_up(db, "");
    /* An identity the input may hold: its first bytes after a quote. */
    {
        const uint8_t *q = memchr(data, '"', size);
        size_t n = 0;

        while (q && (size_t)(q + 1 - data) + n < size && n < sizeof probe - 1
               && q[1 + n] != '"')
            n++;
        if (q) {
            memcpy(probe, q + 1, n);
            probe[n] = '\0';
            look_up(db, probe);
        }
    }
    /* Adding an identity twice is refused, once is accepted. */
    rc = eaphost_user_db_add(db, "fuzz-probe-identity", "pw");
    FUZZ_CHECK(rc == ERROR_SUCCESS || rc == ERROR_ALREADY_EXISTS,
               "user_db_add: 0x%08x", (unsigned)rc);
    rc = eaphost_user_db_add(db, "fuzz-probe-identity", "pw");
    FUZZ_CHECK(rc == ERROR_ALREADY_EXISTS, "second add: 0x%08x",
               (unsigned)rc);
    eaphost_user_db_free(db);
    return 0;
}
