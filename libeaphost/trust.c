/*
 * trust.c - may this registry file or plugin be read or loaded?
 *
 * A file that someone else can change is code they can run in our process
 * (a plugin is dlopen'ed; a registry file names the plugin).  So a file is
 * refused when it is writable by others, or when any directory the path
 * passes through is writable by others without the sticky bit: whoever can
 * write such a directory can rename the entry and put their own in its
 * place.  Group-writable files and directories only get a warning, since a
 * group is often an administrators' group on purpose.
 *
 * Directories are checked while the path is resolved one component at a
 * time, the way the kernel resolves it, rather than only along the result
 * of realpath(): a symbolic link on the way sits in a directory too, and
 * whoever can replace the link can point it anywhere.  The file's own real
 * directory and each of its ancestors up to "/" are among the directories
 * checked, so this covers (and extends) the realpath() walk.
 *
 * The owners of files and directories are not checked: a root-owned plugin
 * and one owned by the user running the host are accepted alike, because
 * a user may legitimately test methods from their own home directory.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* S_ISVTX, lstat, readlink */
#endif

#include "internal.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* As many symbolic links as Linux follows before it gives ELOOP. */
#define TRUST_MAX_SYMLINKS 40

/* Where one check stands: the first warning, and the refusal if any. */
struct trust_result {
    char *warning;
    char *reason;
    bool refused;
    bool out_of_memory;
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

static void refuse(struct trust_result *res, const char *fmt, ...)
    EH_PRINTF(2, 3);

static void refuse(struct trust_result *res, const char *fmt, ...)
{
    va_list ap;

    if (res->refused)
        return;
    va_start(ap, fmt);
    res->reason = format_text(fmt, ap);
    va_end(ap);
    res->refused = true;
    if (!res->reason)
        res->out_of_memory = true;
}

static void warn(struct trust_result *res, const char *fmt, ...)
    EH_PRINTF(2, 3);

/* Only the first warning is kept: one line sends the reader looking. */
static void warn(struct trust_result *res, const char *fmt, ...)
{
    va_list ap;

    if (res->warning || res->refused)
        return;
    va_start(ap, fmt);
    res->warning = format_text(fmt, ap);
    va_end(ap);
    if (!res->warning)
        res->out_of_memory = true;
}

/* The file itself: it must exist, be a regular file, not be world-writable. */
static void check_file(const char *path, struct trust_result *res)
{
    struct stat st;

    if (stat(path, &st) != 0) {
        refuse(res, "refused: %s: %s", path, strerror(errno));
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        refuse(res, "refused: %s is not a regular file", path);
        return;
    }
    if (st.st_mode & S_IWOTH)
        refuse(res, "refused: %s is writable by others", path);
    else if (st.st_mode & S_IWGRP)
        warn(res, "%s is writable by its group", path);
}

/*
 * A directory in which a name of the path is looked up.  The sticky bit
 * keeps others from renaming or removing entries they do not own, so a
 * sticky directory (such as /tmp) is fine whoever may write to it.
 */
static void check_directory(const char *dir, struct trust_result *res)
{
    struct stat st;

    if (stat(dir, &st) != 0) {
        refuse(res, "refused: directory %s: %s", dir, strerror(errno));
        return;
    }
    if (st.st_mode & S_ISVTX)
        return;
    if (st.st_mode & S_IWOTH)
        refuse(res, "refused: directory %s is writable by others and has "
               "no sticky bit", dir);
    else if (st.st_mode & S_IWGRP)
        warn(res, "directory %s is writable by its group", dir);
}

/*
 * Path resolution state: @real is the real path of the directory reached
 * so far (no symbolic links, no "." or ".."), @rest the components still
 * to walk, separated by slashes.
 */
struct walk {
    char real[PATH_MAX];
    char rest[PATH_MAX];
    int links;
};

/* Take the next component of @w->rest into @name; false when none is left. */
static bool next_component(struct walk *w, char *name, size_t size)
{
    char *start = w->rest;

    while (*start == '/')
        start++;
    size_t len = strcspn(start, "/");
    if (len == 0)
        return false;
    if (len >= size)
        len = size - 1;  /* longer than NAME_MAX: lstat will say so */
    memcpy(name, start, len);
    name[len] = '\0';
    memmove(w->rest, start + len, strlen(start + len) + 1);
    return true;
}

/* Drop the last component of @w->real ("/" stays "/"). */
static void go_up(struct walk *w)
{
    char *slash = strrchr(w->real, '/');

    if (slash == w->real)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
}

/* @w->real followed by @name, into @out; -1 (ENAMETOOLONG) if too long. */
static int join(const struct walk *w, const char *name, char *out, size_t size)
{
    const char *sep = strcmp(w->real, "/") == 0 ? "" : "/";
    int len = snprintf(out, size, "%s%s%s", w->real, sep, name);

    if (len < 0 || (size_t)len >= size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

/* Put the target of the link @link in front of @w->rest. */
static int follow_link(struct walk *w, const char *link)
{
    char target[PATH_MAX];
    ssize_t len;

    if (++w->links > TRUST_MAX_SYMLINKS) {
        errno = ELOOP;
        return -1;
    }
    len = readlink(link, target, sizeof target - 1);
    if (len < 0)
        return -1;
    target[len] = '\0';

    size_t rest_len = strlen(w->rest);
    if ((size_t)len + 1 + rest_len + 1 > sizeof w->rest) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memmove(w->rest + len + 1, w->rest, rest_len + 1);
    memcpy(w->rest, target, (size_t)len);
    w->rest[len] = '/';
    if (target[0] == '/')
        strcpy(w->real, "/");
    return 0;
}

/* Look up one name in @w->real after checking that directory. */
static int step(struct walk *w, const char *name, struct trust_result *res)
{
    char next[PATH_MAX];
    struct stat st;

    check_directory(w->real, res);
    if (res->refused)
        return 0;
    if (join(w, name, next, sizeof next) != 0 || lstat(next, &st) != 0)
        return -1;
    if (S_ISLNK(st.st_mode))
        return follow_link(w, next);
    memcpy(w->real, next, strlen(next) + 1);
    return 0;
}

/* Walk @path (absolute) and check every directory it is looked up in. */
static void check_path_directories(const char *path, struct trust_result *res)
{
    struct walk w;
    char name[NAME_MAX + 2];

    w.links = 0;
    strcpy(w.real, "/");
    snprintf(w.rest, sizeof w.rest, "%s", path);
    while (!res->refused && next_component(&w, name, sizeof name)) {
        if (strcmp(name, ".") == 0)
            continue;
        if (strcmp(name, "..") == 0) {
            go_up(&w);
            continue;
        }
        if (step(&w, name, res) != 0)
            refuse(res, "refused: %s: %s", path, strerror(errno));
    }
}

/* @path made absolute against the working directory, into @out. */
static int absolute_path(const char *path, char *out, size_t size)
{
    char cwd[PATH_MAX];
    int len;

    if (path[0] == '/')
        len = snprintf(out, size, "%s", path);
    else if (getcwd(cwd, sizeof cwd) != NULL)
        len = snprintf(out, size, "%s/%s", cwd, path);
    else
        return -1;
    if (len < 0 || (size_t)len >= size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

/**
 * eh_trust_check() - may this registry file or plugin be read or loaded?
 * @path: the file, absolute or relative to the working directory.
 * @warning: receives NULL, or a one-line warning (group-writable file or
 *           directory) in host memory that the caller frees with eh_free().
 * @reason: receives NULL, or the one-line reason for a refusal, in host
 *          memory that the caller frees with eh_free().
 *
 * Refused: a path that cannot be stat'ed (with the system's error text), a
 * file that is not a regular file or is writable by others, and a path that
 * passes through a directory writable by others without the sticky bit.
 * Owners are not checked (see the top of this file).
 *
 * Return: 0 when acceptable (*@reason NULL; *@warning may be set); -1 when
 * refused (*@warning NULL, *@reason set) and also when out of memory, which
 * is the one case where -1 comes with *@reason NULL.
 */
int eh_trust_check(const char *path, char **warning, char **reason)
{
    struct trust_result res = {0};
    char absolute[PATH_MAX];

    if (warning)
        *warning = NULL;
    if (reason)
        *reason = NULL;
    if (!path || !warning || !reason)
        return -1;

    check_file(path, &res);
    if (!res.refused && absolute_path(path, absolute, sizeof absolute) != 0)
        refuse(&res, "refused: %s: %s", path, strerror(errno));
    if (!res.refused)
        check_path_directories(absolute, &res);

    if (res.out_of_memory || res.refused) {
        eh_free(res.warning);
        if (res.out_of_memory)
            eh_free(res.reason);
        else
            *reason = res.reason;
        return -1;
    }
    *warning = res.warning;
    return 0;
}
