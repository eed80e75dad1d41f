/*
 * json_file.c - what the registry and the user database share when they
 * read a JSON file: reading it whole within a size limit, and the words
 * for a JSON type and a position in their error texts.
 */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

/* A one-line reason in host memory (NULL when out of memory). */
static char *reason(const char *fmt, ...) EH_PRINTF(1, 2);
static char *reason(const char *fmt, ...)
{
    va_list ap;
    char buf[256];

    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    return eh_strdup(buf);
}

/**
 * eh_json_file_read() - read a whole file into host memory.
 * @path: the file (already trust-checked by the caller).
 * @max: the largest size accepted, in bytes.
 * @limit: @max in words for the reason text ("64 KiB").
 * @text: receives the bytes, NUL-terminated; the caller frees it (with
 *        eh_free_secret() when it may hold passwords).
 * @len: receives the size.
 * @why: receives the reason on failure (caller frees), or NULL when out of
 *       memory.
 *
 * Return: ERROR_SUCCESS; ERROR_ACCESS_DENIED (cannot open or read, not a
 * regular file); ERROR_INVALID_DATA (too large, or changed while read);
 * ERROR_NOT_ENOUGH_MEMORY.
 */
DWORD eh_json_file_read(const char *path, size_t max, const char *limit,
                        char **text, size_t *len, char **why)
{
    int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    DWORD rc = ERROR_SUCCESS;
    struct stat st;
    size_t got = 0, size = 0;

    *text = NULL;
    *why = NULL;
    if (fd < 0) {
        *why = reason("cannot open file: %s", strerror(errno));
        return ERROR_ACCESS_DENIED;
    }
    /* The file may have changed since the trust check: look again. */
    if (fstat(fd, &st) != 0) {
        rc = ERROR_ACCESS_DENIED;
        *why = reason("cannot read file: %s", strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        rc = ERROR_ACCESS_DENIED;
        *why = reason("not a regular file");
    } else if ((uintmax_t)st.st_size > max) {
        rc = ERROR_INVALID_DATA;
        *why = reason("file is larger than %s (%jd bytes)", limit,
                      (intmax_t)st.st_size);
    } else if (!(*text = eh_malloc((size = (size_t)st.st_size) + 2))) {
        rc = ERROR_NOT_ENOUGH_MEMORY;
    }
    /* Read one byte past the size, in case the file grew meanwhile. */
    while (rc == ERROR_SUCCESS && got <= size) {
        ssize_t n = read(fd, *text + got, size + 1 - got);

        if (n == 0)
            break;
        if (n > 0) {
            got += (size_t)n;
        } else if (errno != EINTR) {
            rc = ERROR_ACCESS_DENIED;
            *why = reason("cannot read file: %s", strerror(errno));
        }
    }
    close(fd);
    if (rc == ERROR_SUCCESS && got != size) {
        rc = ERROR_INVALID_DATA;
        *why = reason("file changed while it was read");
    }
    if (rc != ERROR_SUCCESS) {
        if (*text)
            eh_free_secret(*text, got);
        *text = NULL;
        return rc;
    }
    (*text)[got] = '\0';
    *len = got;
    return ERROR_SUCCESS;
}

/**
 * eh_json_line_of() - 1-based line of the byte at @pos in @text.
 */
unsigned eh_json_line_of(const char *text, const char *pos)
{
    unsigned line = 1;

    for (const char *p = text; p < pos && *p; p++)
        if (*p == '\n')
            line++;
    return line;
}

/**
 * eh_json_type_name() - "an object", "a string", ... for error texts.
 */
const char *eh_json_type_name(const cJSON *item)
{
    if (cJSON_IsObject(item))
        return "an object";
    if (cJSON_IsArray(item))
        return "an array";
    if (cJSON_IsString(item))
        return "a string";
    if (cJSON_IsNumber(item))
        return "a number";
    if (cJSON_IsBool(item))
        return "a boolean";
    if (cJSON_IsNull(item))
        return "null";
    return "something else";
}
