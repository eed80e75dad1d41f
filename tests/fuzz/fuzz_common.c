/*
 * fuzz_common.c - helpers shared by the libFuzzer targets (fuzz_common.h).
 */
#define _GNU_SOURCE 1

#include "fuzz_common.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#ifndef FUZZ_PLUGIN_DIR
#define FUZZ_PLUGIN_DIR "."
#endif

uint8_t fuzz_take_byte(struct fuzz_reader *r)
{
    uint8_t b;

    if (r->n == 0)
        return 0;
    b = r->p[0];
    r->p++;
    r->n--;
    return b;
}

bool fuzz_next_record(struct fuzz_reader *r, struct fuzz_record *rec)
{
    unsigned prefix;
    size_t len;

    if (r->n < 2)
        return false;
    prefix = fuzz_be16(r->p);
    r->p += 2;
    r->n -= 2;
    len = prefix & FUZZ_LEN_MASK;
    if (len > r->n)
        len = r->n;
    rec->op = prefix >> FUZZ_OP_SHIFT;
    rec->data = r->p;
    rec->len = len;
    r->p += len;
    r->n -= len;
    return true;
}

/* ---- deterministic randomness ----------------------------------------- */

uint8_t fuzz_random_byte(size_t k)
{
    return (uint8_t)(0x5Au + 37u * (unsigned)k);
}

static void fill_random(void *buf, size_t n)
{
    uint8_t *p = buf;

    for (size_t k = 0; k < n; k++)
        p[k] = fuzz_random_byte(k);
}

/* Interposes the C library's getrandom(2): what the plugins' mu_random()
 * and the RADIUS codec call. */
ssize_t getrandom(void *buf, size_t buflen, unsigned int flags);
ssize_t getrandom(void *buf, size_t buflen, unsigned int flags)
{
    (void)flags;
    fill_random(buf, buflen);
    return (ssize_t)buflen;
}

/* Interposes getentropy(3): the authenticator's first Identifier. */
int getentropy(void *buf, size_t buflen);
int getentropy(void *buf, size_t buflen)
{
    if (buflen > 256) {
        errno = EIO;
        return -1;
    }
    fill_random(buf, buflen);
    return 0;
}

/* ---- files ------------------------------------------------------------- */

static char tmpdir[PATH_MAX];

static void remove_tmpdir(void)
{
    char cmd[PATH_MAX + 16];

    if (!tmpdir[0] || strchr(tmpdir, '\''))
        return;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz: could not remove %s\n", tmpdir);
}

const char *fuzz_tmpdir(void)
{
    const char *t;

    if (tmpdir[0])
        return tmpdir;
    t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/eaphost-fuzz-XXXXXX",
             t && t[0] ? t : "/tmp");
    FUZZ_SETUP(mkdtemp(tmpdir) != NULL, "mkdtemp %s: %s", tmpdir,
               strerror(errno));
    atexit(remove_tmpdir);
    return tmpdir;
}

void fuzz_write_file(const char *dir, const char *name, const void *data,
                     size_t len, unsigned mode, char *out, size_t out_len)
{
    char path[PATH_MAX];
    const uint8_t *p = data;
    int fd;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    FUZZ_SETUP(fd >= 0, "open %s: %s", path, strerror(errno));
    while (len > 0) {
        ssize_t w = write(fd, p, len);

        if (w < 0 && errno == EINTR)
            continue;
        FUZZ_SETUP(w > 0, "write %s: %s", path, strerror(errno));
        p += w;
        len -= (size_t)w;
    }
    FUZZ_SETUP(fchmod(fd, (mode_t)mode) == 0, "chmod %s: %s", path,
               strerror(errno));
    FUZZ_SETUP(close(fd) == 0, "close %s: %s", path, strerror(errno));
    if (out)
        snprintf(out, out_len, "%s", path);
}

void fuzz_plugin_path(const char *name, char *out, size_t out_len)
{
    const char *dir = getenv("EAPHOST_FUZZ_PLUGIN_DIR");

    snprintf(out, out_len, "%s/%s", dir && dir[0] ? dir : FUZZ_PLUGIN_DIR,
             name);
    FUZZ_SETUP(access(out, R_OK) == 0, "plugin %s: %s (build the plugins "
               "with tests/fuzz/build.sh or set EAPHOST_FUZZ_PLUGIN_DIR)",
               out, strerror(errno));
}

unsigned fuzz_touch(const void *p, size_t n)
{
    const volatile uint8_t *b = p;
    unsigned sum = 0;

    for (size_t i = 0; i < n; i++)
        sum += b[i];
    return sum;
}

bool fuzz_verbose(void)
{
    static int verbose = -1;

    if (verbose < 0) {
        const char *v = getenv("FUZZ_VERBOSE");

        verbose = v && v[0] && strcmp(v, "0") != 0;
    }
    return verbose != 0;
}

void fuzz_trace_bytes(const char *what, const void *p, size_t n)
{
    const uint8_t *b = p;

    if (!fuzz_verbose())
        return;
    fprintf(stderr, "%s (%zu bytes):", what, n);
    for (size_t i = 0; i < n && i < 96; i++)
        fprintf(stderr, " %02x", b[i]);
    fprintf(stderr, "%s\n", n > 96 ? " ..." : "");
}

bool fuzz_ignored(const char *id)
{
    const char *list = getenv("FUZZ_IGNORE");
    size_t n = strlen(id);

    while (list && *list) {
        const char *end = strchr(list, ',');
        size_t len = end ? (size_t)(end - list) : strlen(list);

        if (len == n && strncmp(list, id, n) == 0)
            return true;
        list = end ? end + 1 : NULL;
    }
    return false;
}
