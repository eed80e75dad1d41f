/*
 * memory.c - every allocation the host makes goes through here.
 *
 * One place to allocate means one place to make allocations fail on
 * purpose: tests call eh_test_fail_alloc_after() and check that every
 * caller reports ERROR_NOT_ENOUGH_MEMORY and leaks nothing.
 *
 * A request for zero bytes still allocates one, so that NULL from these
 * functions always means "out of memory" (eh_memdup() is the documented
 * exception: it copies nothing and returns NULL for zero bytes).
 */
#include "internal.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Allocations left before the one that fails; -1 when no failure is
 * planned.  Only eh_should_fail() changes it, with a compare-and-swap, so
 * that among threads racing for the countdown exactly one allocation fails.
 */
static atomic_long fail_countdown = -1;
/* With eh_test_fail_allocs_from(): the countdown stays at 0, so that every
 * allocation from the planned one on fails. */
static atomic_bool fail_sticky;

/* True when this allocation is one a test asked to fail. */
static bool eh_should_fail(void)
{
    long left = atomic_load(&fail_countdown);

    while (left >= 0) {
        if (left == 0 && atomic_load(&fail_sticky))
            return true;
        long next = left == 0 ? -1 : left - 1;

        if (atomic_compare_exchange_weak(&fail_countdown, &left, next))
            return left == 0;
        /* @left now holds the current value: try again with it. */
    }
    return false;
}

/**
 * eh_test_fail_alloc_after() - plan one allocation failure, for tests.
 * @n: how many allocations still succeed before the one that fails; 0
 *     makes the very next allocation fail, a negative value cancels any
 *     planned failure.
 *
 * After the failing allocation the countdown is off again: every later
 * allocation succeeds until the next call.  Safe to call from any thread.
 */
void eh_test_fail_alloc_after(long n)
{
    atomic_store(&fail_sticky, false);
    atomic_store(&fail_countdown, n < 0 ? -1 : n);
}

/**
 * eh_test_fail_allocs_from() - as eh_test_fail_alloc_after(), but every
 * allocation from that one on fails, until eh_test_fail_alloc_after(-1).
 */
void eh_test_fail_allocs_from(long n)
{
    atomic_store(&fail_countdown, -1);
    atomic_store(&fail_sticky, n >= 0);
    atomic_store(&fail_countdown, n < 0 ? -1 : n);
}

/**
 * eh_malloc() - allocate @n bytes of host memory.
 * @n: size in bytes; 0 allocates one byte.
 *
 * Return: memory the caller owns and frees with eh_free(), or NULL when out
 * of memory.
 */
void *eh_malloc(size_t n)
{
    if (eh_should_fail())
        return NULL;
    return malloc(n ? n : 1);
}

/**
 * eh_calloc() - allocate a zeroed array of @count elements of @size bytes.
 * @count: number of elements.
 * @size: size of one element.
 *
 * Return: memory the caller owns and frees with eh_free(), or NULL when out
 * of memory or when @count * @size does not fit in a size_t.
 */
void *eh_calloc(size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    if (eh_should_fail())
        return NULL;
    if (count == 0 || size == 0)
        return calloc(1, 1);
    return calloc(count, size);
}

/**
 * eh_realloc() - resize a block from eh_malloc(), eh_calloc() or
 * eh_realloc().
 * @p: the block (the caller's), or NULL to allocate a new one.
 * @n: the new size in bytes; 0 keeps a one-byte block.
 *
 * Return: the resized block, which replaces @p and which the caller frees
 * with eh_free(); NULL when out of memory, and then @p is unchanged and
 * still the caller's to free.
 */
void *eh_realloc(void *p, size_t n)
{
    if (eh_should_fail())
        return NULL;
    return realloc(p, n ? n : 1);
}

/**
 * eh_strdup() - copy a NUL-terminated string into host memory.
 * @s: the string, or NULL.
 *
 * Return: the copy, freed by the caller with eh_free(); NULL when @s is
 * NULL or when out of memory.
 */
char *eh_strdup(const char *s)
{
    if (!s)
        return NULL;
    return eh_memdup(s, strlen(s) + 1);
}

/**
 * eh_memdup() - copy @n bytes into host memory.
 * @p: the bytes (may be NULL only when @n is 0).
 * @n: how many.
 *
 * Return: the copy, freed by the caller with eh_free(); NULL when @n is 0
 * or when out of memory.
 */
void *eh_memdup(const void *p, size_t n)
{
    if (n == 0 || !p)
        return NULL;

    void *copy = eh_malloc(n);

    if (copy)
        memcpy(copy, p, n);
    return copy;
}

/**
 * eh_zero() - zero @n bytes at @p through the C library's memset (a
 * compiler expands a memset of known size inline, which is slower for
 * the few hundred bytes of a session slot).
 */
void eh_zero(void *p, size_t n)
{
    memset(p, 0, n);
}

/**
 * eh_free_secret() - wipe a secret (password, key) and free its block.
 * @p: the block from an eh_* allocation function, or NULL.
 * @n: how many bytes at @p to wipe (at most the block's size).
 */
void eh_free_secret(void *p, size_t n)
{
    if (!p)
        return;
    eh_wipe(p, n);
    eh_free(p);
}

/**
 * eaphost_free() - release memory that an eaphost_* call allocated.
 * @p: the buffer, or NULL.
 */
void eaphost_free(void *p)
{
    eh_free(p);
}

/**
 * eh_grow() - make *@buf hold at least @need bytes (it only grows); the
 * slow path of eh_reserve() (internal.h).
 * @buf: a host buffer of *@cap bytes, or NULL; replaced when it grows.
 *
 * The contents are not kept: the old buffer, which may hold a packet with
 * secrets, is wiped and freed.  Return: false when out of memory (*@buf
 * unchanged).
 */
bool eh_grow(BYTE **buf, DWORD *cap, DWORD need)
{
    BYTE *p;

    if (*cap >= need)
        return true;
    p = eh_malloc(need);
    if (!p)
        return false;
    eh_free_secret(*buf, *cap);
    *buf = p;
    *cap = need;
    return true;
}
