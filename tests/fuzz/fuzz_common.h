/*
 * fuzz_common.h - helpers shared by the libFuzzer targets of tests/fuzz.
 *
 * Built only by tests/fuzz/build.sh (clang, -fsanitize=fuzzer), never by
 * the autotools build.  See tests/fuzz/README.
 *
 * Input framing (STYLE.md: "Fuzzers feed sequences of length-prefixed EAP
 * packets into one session"): after a target's own header bytes, an input
 * is a sequence of records
 *
 *     prefix (2 bytes, big endian)   bytes (prefix & FUZZ_LEN_MASK)
 *
 * whose top three bits (prefix >> 13) are an operation code the target
 * interprets (what to do besides feeding the packet).  A record whose
 * length runs past the input's end takes what is left.
 */
#ifndef EAPHOST_FUZZ_COMMON_H
#define EAPHOST_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define FUZZ_LEN_MASK 0x1FFFu
#define FUZZ_OP_SHIFT 13

/* Sessions feed at most this many records: loops stay bounded. */
#define FUZZ_MAX_RECORDS 64

/* A failed invariant: print where and why, then abort (a libFuzzer crash). */
#define FUZZ_CHECK(cond, ...)                                               \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__,      \
                    __LINE__, #cond);                                       \
            fprintf(stderr, __VA_ARGS__);                                   \
            fputc('\n', stderr);                                            \
            abort();                                                        \
        }                                                                   \
    } while (0)

/*
 * An invariant that a known, reported defect breaks, named @id.  It is
 * checked like FUZZ_CHECK unless @id is listed in FUZZ_IGNORE (comma
 * separated), so that a campaign can go on past a defect that is known
 * while its reproducer (tests/fuzz/corpus-regressions) still fails.
 */
#define FUZZ_CHECK_KNOWN(id, cond, ...)                                     \
    do {                                                                    \
        if (!fuzz_ignored(id))                                              \
            FUZZ_CHECK(cond, "[" id "] " __VA_ARGS__);                      \
    } while (0)

bool fuzz_ignored(const char *id);

/* Setup that must not fail (temp files, the host): abort with a message. */
#define FUZZ_SETUP(cond, ...) FUZZ_CHECK(cond, __VA_ARGS__)

struct fuzz_reader {
    const uint8_t *p;
    size_t n;
};

struct fuzz_record {
    unsigned op;          /* 0..7 */
    const uint8_t *data;
    size_t len;
};

/* Take one header byte; 0 when the input is used up. */
uint8_t fuzz_take_byte(struct fuzz_reader *r);

/* The next record; false at the end of the input. */
bool fuzz_next_record(struct fuzz_reader *r, struct fuzz_record *rec);

/*
 * Deterministic randomness.  The fuzzer executables define getrandom(2)
 * and getentropy(3) and export them (build.sh links with
 * --export-dynamic-symbol), so the library and the method plugins it
 * loads draw the same bytes on every run: the k-th byte of every request
 * is fuzz_random_byte(k).  Authenticator Identifiers and challenges, and
 * MSCHAPv2 Peer-Challenges, are therefore fixed, and seeds may carry valid
 * answers to them.
 */
uint8_t fuzz_random_byte(size_t k);

/*
 * A private directory for the process (mkdtemp under $TMPDIR or /tmp,
 * mode 0700), removed at exit.  The same one for every call.
 */
const char *fuzz_tmpdir(void);

/* Write @len bytes to @dir/@name with @mode; the path goes to @out. */
void fuzz_write_file(const char *dir, const char *name, const void *data,
                     size_t len, unsigned mode, char *out, size_t out_len);

/*
 * Where a plugin lives: $EAPHOST_FUZZ_PLUGIN_DIR/@name, else
 * FUZZ_PLUGIN_DIR/@name (set by build.sh to its output's plugins/).
 * Aborts when the file is not there.
 */
void fuzz_plugin_path(const char *name, char *out, size_t out_len);

/*
 * FUZZ_VERBOSE=1 in the environment: the targets trace each step to
 * stderr (for reading a reproducer; slow).
 */
bool fuzz_verbose(void);
#define FUZZ_TRACE(...)                                                     \
    do {                                                                    \
        if (fuzz_verbose()) {                                               \
            fprintf(stderr, __VA_ARGS__);                                   \
            fputc('\n', stderr);                                            \
        }                                                                   \
    } while (0)

/* Print @n bytes as hex after @what when tracing. */
void fuzz_trace_bytes(const char *what, const void *p, size_t n);

/* Big-endian 16-bit read. */
static inline unsigned fuzz_be16(const uint8_t *p)
{
    return ((unsigned)p[0] << 8) | p[1];
}

/* Touch every byte of a buffer the code under test handed out, so that
 * ASan sees a read past its end or of freed memory. */
unsigned fuzz_touch(const void *p, size_t n);

#endif /* EAPHOST_FUZZ_COMMON_H */
