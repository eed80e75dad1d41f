/*
 * heap.c - Windows memory: HeapCreate and friends, LocalAlloc, CoTaskMem*,
 * SecureZeroMemory.
 *
 * A heap is a small tracked allocator over malloc: every block carries a
 * header that links it into its heap's list, so HeapDestroy can release
 * whatever the method left, HeapFree and HeapReAlloc can refuse a block of
 * another heap, and a fixed-size heap (dwMaximumSize != 0) can refuse to
 * grow past its limit.  The process heap (GetProcessHeap) is a static heap
 * of the same kind that is never destroyed; LocalAlloc allocates from it,
 * as on Windows.  Each heap has its own lock (HEAP_NO_SERIALIZE is
 * accepted; the lock is taken anyway).  CoTaskMem* is plain malloc, a
 * separate allocator, as on Windows.
 */
#include "w32_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define HEAP_MAGIC 0x48656170u      /* "Heap" */

struct w32_heap;

/* Header in front of every block; the union keeps user data aligned. */
struct w32_block {
    struct w32_block *prev;
    struct w32_block *next;
    struct w32_heap *heap;
    size_t size;                    /* bytes the caller asked for */
};
union w32_header {
    struct w32_block b;
    max_align_t align;
};

struct w32_heap {
    uint32_t magic;
    bool process;                   /* GetProcessHeap(): never destroyed */
    pthread_mutex_t lock;
    struct w32_block list;          /* circular list sentinel */
    size_t max;                     /* 0: growable */
    size_t used;                    /* bytes handed out */
};

static struct w32_heap process_heap = {
    .magic = HEAP_MAGIC,
    .process = true,
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .list = { &process_heap.list, &process_heap.list, &process_heap, 0 },
    .max = 0,
    .used = 0,
};

static struct w32_heap *heap_from(HANDLE h)
{
    struct w32_heap *heap = h;

    if (!heap || heap->magic != HEAP_MAGIC) {
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    return heap;
}

static struct w32_block *block_of(LPCVOID p)
{
    return &((union w32_header *)p - 1)->b;
}

static void *data_of(struct w32_block *b)
{
    return (union w32_header *)b + 1;
}

static void link_block(struct w32_heap *heap, struct w32_block *b)
{
    b->heap = heap;
    b->next = heap->list.next;
    b->prev = &heap->list;
    heap->list.next->prev = b;
    heap->list.next = b;
}

static void unlink_block(struct w32_block *b)
{
    b->prev->next = b->next;
    b->next->prev = b->prev;
}

/* True when @size more bytes fit in @heap (call with the lock held). */
static bool fits(const struct w32_heap *heap, size_t size)
{
    if (size > SIZE_MAX - sizeof(union w32_header))
        return false;
    return heap->max == 0 || (heap->used <= heap->max &&
                              size <= heap->max - heap->used);
}

/**
 * eaphost_w32_HeapCreate() - HeapCreate: a new private heap.
 * @flOptions: HEAP_NO_SERIALIZE, HEAP_GENERATE_EXCEPTIONS,
 *             HEAP_CREATE_ENABLE_EXECUTE (accepted, no effect).
 * @dwInitialSize: ignored (memory is taken as blocks are allocated).
 * @dwMaximumSize: 0 for a growable heap; otherwise the most bytes its live
 *                 blocks may hold together.
 *
 * Return: the heap, which the caller owns and releases with HeapDestroy;
 * NULL with the last error set (ERROR_INVALID_PARAMETER when
 * @dwInitialSize exceeds a non-zero @dwMaximumSize, ERROR_NOT_ENOUGH_MEMORY).
 */
HANDLE WINAPI HeapCreate(DWORD flOptions, SIZE_T dwInitialSize, SIZE_T dwMaximumSize)
{
    struct w32_heap *heap;

    (void)flOptions;
    if (dwMaximumSize != 0 && dwInitialSize > dwMaximumSize) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    heap = calloc(1, sizeof(*heap));
    if (!heap) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    if (pthread_mutex_init(&heap->lock, NULL) != 0) {
        free(heap);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    heap->magic = HEAP_MAGIC;
    heap->list.next = heap->list.prev = &heap->list;
    heap->list.heap = heap;
    heap->max = dwMaximumSize;
    return heap;
}

/**
 * eaphost_w32_HeapDestroy() - HeapDestroy: release a heap and every block
 * still allocated from it.
 * @hHeap: a heap from HeapCreate; no pointer into it may be used afterwards.
 *
 * Return: TRUE; FALSE with ERROR_INVALID_HANDLE for NULL, an unknown handle
 * or the process heap, which cannot be destroyed.
 */
BOOL WINAPI HeapDestroy(HANDLE hHeap)
{
    struct w32_heap *heap = heap_from(hHeap);
    struct w32_block *b, *next;

    if (!heap)
        return FALSE;
    if (heap->process) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    for (b = heap->list.next; b != &heap->list; b = next) {
        next = b->next;
        free(b);
    }
    heap->magic = 0;
    pthread_mutex_destroy(&heap->lock);
    free(heap);
    return TRUE;
}

/**
 * eaphost_w32_HeapAlloc() - HeapAlloc: allocate a block from a heap.
 * @hHeap: a heap from HeapCreate or GetProcessHeap.
 * @dwFlags: HEAP_ZERO_MEMORY to zero the block; HEAP_NO_SERIALIZE and
 *           HEAP_GENERATE_EXCEPTIONS are accepted (failures are reported by
 *           the return value only).
 * @dwBytes: size; 0 gives a valid, unique block of size 0.
 *
 * Return: the block, owned by the caller until HeapFree (or HeapDestroy of
 * its heap); NULL with ERROR_INVALID_HANDLE or ERROR_NOT_ENOUGH_MEMORY (also
 * when a fixed-size heap is full).
 */
LPVOID WINAPI HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes)
{
    struct w32_heap *heap = heap_from(hHeap);
    struct w32_block *b;

    if (!heap)
        return NULL;
    pthread_mutex_lock(&heap->lock);
    if (!fits(heap, dwBytes) ||
        !(b = malloc(sizeof(union w32_header) + dwBytes))) {
        pthread_mutex_unlock(&heap->lock);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    b->size = dwBytes;
    heap->used += dwBytes;
    link_block(heap, b);
    pthread_mutex_unlock(&heap->lock);
    if (dwFlags & HEAP_ZERO_MEMORY)
        memset(data_of(b), 0, dwBytes);
    return data_of(b);
}

/**
 * eaphost_w32_HeapReAlloc() - HeapReAlloc: resize a block of a heap.
 * @hHeap: the heap the block came from.
 * @dwFlags: HEAP_ZERO_MEMORY zeroes the bytes beyond the old size;
 *           HEAP_REALLOC_IN_PLACE_ONLY refuses to move the block (only
 *           shrinking, or keeping the size, then succeeds).
 * @lpMem: the block; NULL fails (HeapReAlloc never allocates anew).
 * @dwBytes: the new size.
 *
 * Return: the block, possibly moved (the old pointer is then invalid);
 * NULL with the last error set on failure, the old block left intact
 * (ERROR_INVALID_PARAMETER for NULL or a block of another heap).
 */
LPVOID WINAPI HeapReAlloc(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem, SIZE_T dwBytes)
{
    struct w32_heap *heap = heap_from(hHeap);
    struct w32_block *b, *nb;
    size_t old;

    if (!heap)
        return NULL;
    if (!lpMem) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    b = block_of(lpMem);
    pthread_mutex_lock(&heap->lock);
    if (b->heap != heap) {
        pthread_mutex_unlock(&heap->lock);
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    old = b->size;
    if (dwBytes > old && !fits(heap, dwBytes - old)) {
        pthread_mutex_unlock(&heap->lock);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    if (dwFlags & HEAP_REALLOC_IN_PLACE_ONLY) {
        if (dwBytes > old) {
            pthread_mutex_unlock(&heap->lock);
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return NULL;
        }
        nb = b;
    } else {
        unlink_block(b);
        nb = realloc(b, sizeof(union w32_header) + dwBytes);
        if (!nb) {
            link_block(heap, b);
            pthread_mutex_unlock(&heap->lock);
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return NULL;
        }
        link_block(heap, nb);
    }
    nb->size = dwBytes;
    heap->used = heap->used - old + dwBytes;
    pthread_mutex_unlock(&heap->lock);
    if ((dwFlags & HEAP_ZERO_MEMORY) && dwBytes > old)
        memset((BYTE *)data_of(nb) + old, 0, dwBytes - old);
    return data_of(nb);
}

/**
 * eaphost_w32_HeapFree() - HeapFree: release a block of a heap.
 * @hHeap: the heap the block came from.
 * @dwFlags: HEAP_NO_SERIALIZE is accepted.
 * @lpMem: the block, or NULL (nothing happens, TRUE).
 *
 * Return: TRUE; FALSE with ERROR_INVALID_HANDLE (bad heap) or
 * ERROR_INVALID_PARAMETER (a block of another heap).
 */
BOOL WINAPI HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem)
{
    struct w32_heap *heap = heap_from(hHeap);
    struct w32_block *b;

    (void)dwFlags;
    if (!heap)
        return FALSE;
    if (!lpMem)
        return TRUE;
    b = block_of(lpMem);
    pthread_mutex_lock(&heap->lock);
    if (b->heap != heap) {
        pthread_mutex_unlock(&heap->lock);
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    unlink_block(b);
    heap->used -= b->size;
    pthread_mutex_unlock(&heap->lock);
    free(b);
    return TRUE;
}

/**
 * eaphost_w32_HeapSize() - HeapSize: the size a block was allocated with.
 * @hHeap: the heap the block came from.
 * @dwFlags: ignored.
 * @lpMem: the block.
 *
 * Return: its size in bytes, or (SIZE_T)-1 with the last error set.
 */
SIZE_T WINAPI HeapSize(HANDLE hHeap, DWORD dwFlags, LPCVOID lpMem)
{
    struct w32_heap *heap = heap_from(hHeap);
    const struct w32_block *b;
    SIZE_T size;

    (void)dwFlags;
    if (!heap)
        return (SIZE_T)-1;
    if (!lpMem) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return (SIZE_T)-1;
    }
    b = block_of(lpMem);
    pthread_mutex_lock(&heap->lock);
    size = b->heap == heap ? b->size : (SIZE_T)-1;
    pthread_mutex_unlock(&heap->lock);
    if (size == (SIZE_T)-1)
        SetLastError(ERROR_INVALID_PARAMETER);
    return size;
}

/**
 * eaphost_w32_GetProcessHeap() - GetProcessHeap: the process-wide heap.
 *
 * Return: a heap shared by everything in the process; it is never
 * destroyed (HeapDestroy refuses it).
 */
HANDLE WINAPI GetProcessHeap(void)
{
    return &process_heap;
}

/* ---- LocalAlloc: the process heap --------------------------------------------- */

/**
 * eaphost_w32_LocalAlloc() - LocalAlloc: allocate from the process heap.
 * @uFlags: LMEM_ZEROINIT zeroes the memory; LMEM_MOVEABLE is accepted and
 *          the handle returned is the memory's address (LocalLock gives
 *          it back).
 * @uBytes: size.
 *
 * Return: memory the caller frees with LocalFree, or NULL with
 * ERROR_NOT_ENOUGH_MEMORY.
 */
HLOCAL WINAPI LocalAlloc(UINT uFlags, SIZE_T uBytes)
{
    return HeapAlloc(&process_heap, (uFlags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0,
                     uBytes);
}

/**
 * eaphost_w32_LocalReAlloc() - LocalReAlloc: resize LocalAlloc memory.
 * @hMem: the memory.
 * @uBytes: the new size.
 * @uFlags: LMEM_ZEROINIT zeroes the added bytes; LMEM_MODIFY changes
 *          nothing here and returns @hMem.
 *
 * Return: the memory, possibly moved; NULL with the last error set, @hMem
 * then still valid.
 */
HLOCAL WINAPI LocalReAlloc(HLOCAL hMem, SIZE_T uBytes, UINT uFlags)
{
    if (uFlags & LMEM_MODIFY)
        return hMem;
    return HeapReAlloc(&process_heap, (uFlags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0,
                       hMem, uBytes);
}

/**
 * eaphost_w32_LocalFree() - LocalFree: release LocalAlloc memory.
 * @hMem: the memory, or NULL.
 *
 * Return: NULL on success (also for NULL); @hMem with ERROR_INVALID_HANDLE
 * when it is not LocalAlloc memory.
 */
HLOCAL WINAPI LocalFree(HLOCAL hMem)
{
    if (!hMem)
        return NULL;
    if (!HeapFree(&process_heap, 0, hMem)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return hMem;
    }
    return NULL;
}

/**
 * eaphost_w32_LocalSize() - LocalSize: the size of LocalAlloc memory.
 * @hMem: the memory.
 *
 * Return: its size, or 0 with the last error set.
 */
SIZE_T WINAPI LocalSize(HLOCAL hMem)
{
    SIZE_T size = HeapSize(&process_heap, 0, hMem);

    return size == (SIZE_T)-1 ? 0 : size;
}

/**
 * eaphost_w32_LocalLock() - LocalLock: the address of LocalAlloc memory.
 * @hMem: the handle LocalAlloc returned (its address here).
 *
 * Return: @hMem; NULL with ERROR_INVALID_HANDLE for NULL.
 */
LPVOID WINAPI LocalLock(HLOCAL hMem)
{
    if (!hMem)
        SetLastError(ERROR_INVALID_HANDLE);
    return hMem;
}

/**
 * eaphost_w32_LocalUnlock() - LocalUnlock: nothing stays locked here.
 * @hMem: the memory.
 *
 * Return: FALSE with the last error NO_ERROR ("now unlocked"), as Windows
 * answers for fixed memory.
 */
BOOL WINAPI LocalUnlock(HLOCAL hMem)
{
    (void)hMem;
    SetLastError(NO_ERROR);
    return FALSE;
}

/* ---- CoTaskMem: a separate allocator ------------------------------------------------ */

/**
 * eaphost_w32_CoTaskMemAlloc() - CoTaskMemAlloc: task memory.
 * @cb: size; 0 still gives a valid pointer.
 *
 * Return: memory freed with CoTaskMemFree, or NULL.
 */
LPVOID WINAPI CoTaskMemAlloc(SIZE_T cb)
{
    return malloc(cb ? cb : 1);
}

/**
 * eaphost_w32_CoTaskMemRealloc() - CoTaskMemRealloc: resize task memory.
 * @pv: the memory, or NULL to allocate.
 * @cb: the new size; 0 with @pv frees it and returns NULL.
 *
 * Return: the memory, possibly moved, or NULL (@pv still valid if @cb != 0).
 */
LPVOID WINAPI CoTaskMemRealloc(LPVOID pv, SIZE_T cb)
{
    if (pv && cb == 0) {
        free(pv);
        return NULL;
    }
    return realloc(pv, cb ? cb : 1);
}

/**
 * eaphost_w32_CoTaskMemFree() - CoTaskMemFree: release task memory.
 * @pv: the memory, or NULL.
 */
void WINAPI CoTaskMemFree(LPVOID pv)
{
    free(pv);
}

/* ---- SecureZeroMemory -------------------------------------------------------------- */

/**
 * eaphost_w32_SecureZeroMemory() - SecureZeroMemory: zero memory for good.
 * @ptr: the memory.
 * @cnt: bytes to zero.
 *
 * The stores go through a volatile pointer and a compiler barrier follows,
 * so neither the compiler nor link-time optimisation drops them even when
 * the memory is freed next.
 *
 * Return: @ptr.
 */
PVOID WINAPI SecureZeroMemory(PVOID ptr, SIZE_T cnt)
{
    volatile BYTE *p = ptr;

    while (cnt--)
        *p++ = 0;
    __asm__ __volatile__("" : : "r"(ptr) : "memory");
    return ptr;
}
