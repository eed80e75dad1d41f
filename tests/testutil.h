/*
 * testutil.h - small helpers shared by the Check suites.
 */
#ifndef EAPHOST_TESTUTIL_H
#define EAPHOST_TESTUTIL_H

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Absolute build directory, from `make check`'s environment. */
static inline const char *tu_builddir(void)
{
    const char *d = getenv("top_builddir");
    return d ? d : ".";
}

static inline const char *tu_srcdir(void)
{
    const char *d = getenv("top_srcdir");
    return d ? d : ".";
}

/* Path of a fixture plugin built by tests/fixtures/local.mk. */
static inline void tu_fixture_path(char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/tests/fixtures/.libs/%s.so", tu_builddir(), name);
}

/* A fresh private directory under TMPDIR; caller removes it (tu_rmtree). */
static inline void tu_mkdtemp(char *out, size_t n)
{
    const char *t = getenv("TMPDIR");
    snprintf(out, n, "%s/eaphost-test-XXXXXX", t ? t : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(out));
}

static inline void tu_rmtree(const char *dir)
{
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Write @text to @dir/@name; returns the full path in @out. */
static inline void tu_write_file(const char *dir, const char *name,
                                 const char *text, char *out, size_t n)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fputs(text, f) >= 0, 1);
    ck_assert_int_eq(fclose(f), 0);
    if (out)
        snprintf(out, n, "%s", path);
}

/* Run a suite; returns the process exit status for main(). */
static inline int tu_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif /* EAPHOST_TESTUTIL_H */
