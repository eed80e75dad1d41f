/*
 * check_basics.c - memory, the error table, EAP_ERROR handling and the
 * UTF-8 <-> UTF-16 conversions.
 */
#define _POSIX_C_SOURCE 200809L

#include "internal.h"
#include "error_table.h"
#include "testutil.h"

#include <locale.h>
#include <stdatomic.h>
#include <stdint.h>

/* ---- helpers ------------------------------------------------------------ */

static void reset_alloc_failure(void)
{
    eh_test_fail_alloc_after(-1);
}

/*
 * Compare @n code units, printing the first difference.  One assertion for
 * the lot: Check records every passing assertion, which is slow in long
 * loops.
 */
static void assert_units_eq(const WCHAR *got, const WCHAR *want, size_t n)
{
    size_t i = 0;

    while (i < n && got[i] == want[i])
        i++;
    ck_assert_msg(i == n, "unit %zu: got 0x%04X, want 0x%04X", i,
                  i < n ? (unsigned)got[i] : 0u,
                  i < n ? (unsigned)want[i] : 0u);
}

/* UTF-8 @in (@in_len bytes or (size_t)-1) must convert to @want. */
static void expect_to_utf16(const char *in, size_t in_len, const WCHAR *want,
                            size_t want_len)
{
    WCHAR *out = NULL;
    size_t out_len = 12345;

    ck_assert_uint_eq(eaphost_utf8_to_utf16(in, in_len, &out, &out_len),
                      ERROR_SUCCESS);
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(out_len, want_len);
    assert_units_eq(out, want, want_len);
    ck_assert_uint_eq(out[want_len], 0);
    eaphost_free(out);
}

/* UTF-16 @in (@in_len units or (size_t)-1) must convert to @want. */
static void expect_to_utf8(const WCHAR *in, size_t in_len, const char *want,
                           size_t want_len)
{
    char *out = NULL;
    size_t out_len = 12345;

    ck_assert_uint_eq(eaphost_utf16_to_utf8(in, in_len, &out, &out_len),
                      ERROR_SUCCESS);
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(out_len, want_len);
    ck_assert_int_eq(memcmp(out, want, want_len), 0);
    ck_assert_int_eq(out[want_len], '\0');
    eaphost_free(out);
}

/* Both directions, NUL-terminated forms. */
static void expect_round_trip(const char *utf8, const WCHAR *utf16,
                              size_t units)
{
    expect_to_utf16(utf8, (size_t)-1, utf16, units);
    expect_to_utf8(utf16, (size_t)-1, utf8, strlen(utf8));
}

/* Where out-parameters point before a call that must reset them. */
static WCHAR wide_sentinel[1];
static char narrow_sentinel[1];

/* True when @in is refused as malformed, with the out-parameters reset. */
static bool refused_as_utf8(const char *in, size_t in_len)
{
    WCHAR *out = wide_sentinel;
    size_t out_len = 12345;
    DWORD rc = eaphost_utf8_to_utf16(in, in_len, &out, &out_len);

    if (rc == ERROR_SUCCESS)
        eaphost_free(out);
    return rc == ERROR_NO_UNICODE_TRANSLATION && out == NULL && out_len == 0;
}

static void expect_bad_utf8(const char *in, size_t in_len)
{
    size_t len = in_len == (size_t)-1 ? strlen(in) : in_len;

    ck_assert_msg(refused_as_utf8(in, in_len),
                  "malformed UTF-8 not refused "
                  "(first byte 0x%02X, %zu bytes%s)",
                  (unsigned)(unsigned char)in[0], len,
                  in_len == (size_t)-1 ? ", NUL-terminated" : "");
}

/* For long loops: one assertion when a sequence is accepted. */
static void expect_bad_utf8_quiet(const unsigned char *in, size_t in_len)
{
    if (!refused_as_utf8((const char *)in, in_len))
        expect_bad_utf8((const char *)in, in_len);
}

static void expect_bad_utf16(const WCHAR *in, size_t in_len)
{
    char *out = narrow_sentinel;
    size_t out_len = 12345;

    ck_assert_msg(eaphost_utf16_to_utf8(in, in_len, &out, &out_len)
                  == ERROR_NO_UNICODE_TRANSLATION,
                  "malformed UTF-16 accepted (first unit 0x%04X)",
                  (unsigned)in[0]);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(out_len, 0);
}

/* The root cause string of @e, back in UTF-8 (caller frees). */
static char *root_cause_utf8(const EAP_ERROR *e)
{
    ck_assert_ptr_nonnull(e->pRootCauseString);
    char *text = eh_utf16_to_utf8_dup(e->pRootCauseString);
    ck_assert_ptr_nonnull(text);
    return text;
}

static bool guid_is_zero(const GUID *g)
{
    static const GUID zero;
    return memcmp(g, &zero, sizeof zero) == 0;
}

/* An independent UTF-8 encoder for the exhaustive test. */
static size_t test_encode_utf8(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 + cp / 64);
        out[1] = (unsigned char)(0x80 + cp % 64);
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 + cp / 4096);
        out[1] = (unsigned char)(0x80 + cp / 64 % 64);
        out[2] = (unsigned char)(0x80 + cp % 64);
        return 3;
    }
    out[0] = (unsigned char)(0xF0 + cp / 262144);
    out[1] = (unsigned char)(0x80 + cp / 4096 % 64);
    out[2] = (unsigned char)(0x80 + cp / 64 % 64);
    out[3] = (unsigned char)(0x80 + cp % 64);
    return 4;
}

/* ---- memory ------------------------------------------------------------- */

START_TEST(test_fail_nth_allocation)
{
    /* For each N, the N-th allocation from now (0-based) fails, only it. */
    for (long n = 0; n < 4; n++) {
        void *blocks[6];

        eh_test_fail_alloc_after(n);
        for (long i = 0; i < 6; i++) {
            blocks[i] = eh_malloc(16);
            if (i == n)
                ck_assert_msg(blocks[i] == NULL, "allocation %ld of %ld "
                              "should have failed", i, n);
            else
                ck_assert_msg(blocks[i] != NULL, "allocation %ld failed, "
                              "only %ld should", i, n);
        }
        for (int i = 0; i < 6; i++)
            eh_free(blocks[i]);
    }
}
END_TEST

START_TEST(test_fail_allocations_from)
{
    void *blocks[6];

    /* The third allocation and every one after it fail, until reset. */
    eh_test_fail_allocs_from(2);
    for (int i = 0; i < 6; i++) {
        blocks[i] = eh_malloc(16);
        if (i < 2)
            ck_assert_msg(blocks[i] != NULL, "allocation %d failed", i);
        else
            ck_assert_msg(blocks[i] == NULL, "allocation %d succeeded", i);
    }
    eh_test_fail_alloc_after(-1);
    blocks[2] = eh_malloc(16);
    ck_assert_ptr_nonnull(blocks[2]);
    /* A single planned failure is single again. */
    eh_test_fail_alloc_after(0);
    ck_assert_ptr_null(eh_malloc(16));
    blocks[3] = eh_malloc(16);
    ck_assert_ptr_nonnull(blocks[3]);
    for (int i = 0; i < 4; i++)
        eh_free(blocks[i]);
}
END_TEST

START_TEST(test_fail_each_allocator)
{
    char *p = eh_malloc(8);
    ck_assert_ptr_nonnull(p);
    memcpy(p, "1234567", 8);

    eh_test_fail_alloc_after(0);
    ck_assert_ptr_null(eh_calloc(2, 8));
    eh_test_fail_alloc_after(0);
    ck_assert_ptr_null(eh_strdup("text"));
    eh_test_fail_alloc_after(0);
    ck_assert_ptr_null(eh_memdup("text", 4));
    eh_test_fail_alloc_after(0);
    ck_assert_ptr_null(eh_realloc(p, 64));
    /* A failed realloc leaves the block as it was. */
    ck_assert_str_eq(p, "1234567");

    /* The countdown is off again: everything works. */
    p = eh_realloc(p, 64);
    ck_assert_ptr_nonnull(p);
    ck_assert_str_eq(p, "1234567");
    eh_free(p);
    char *s = eh_strdup("again");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "again");
    eh_free(s);
}
END_TEST

START_TEST(test_fail_cancelled)
{
    eh_test_fail_alloc_after(0);
    eh_test_fail_alloc_after(-1);
    void *p = eh_malloc(1);
    ck_assert_ptr_nonnull(p);
    eh_free(p);
}
END_TEST

enum { THREADS = 4, ALLOCS_PER_THREAD = 500 };
static atomic_int thread_failures;

static void *allocate_many(void *unused)
{
    (void)unused;
    for (int i = 0; i < ALLOCS_PER_THREAD; i++) {
        void *p = eh_malloc(32);
        if (!p)
            atomic_fetch_add(&thread_failures, 1);
        eh_free(p);
    }
    return NULL;
}

START_TEST(test_fail_exactly_once_across_threads)
{
    pthread_t threads[THREADS];

    atomic_store(&thread_failures, 0);
    eh_test_fail_alloc_after(THREADS * ALLOCS_PER_THREAD / 2);
    for (int i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, allocate_many,
                                        NULL), 0);
    for (int i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_join(threads[i], NULL), 0);
    int failures = atomic_load(&thread_failures);
    ck_assert_int_eq(failures, 1);
}
END_TEST

START_TEST(test_sizes)
{
    void *p = eh_malloc(0);
    ck_assert_ptr_nonnull(p);           /* NULL means out of memory only */
    eh_free(p);
    p = eh_calloc(0, 8);
    ck_assert_ptr_nonnull(p);
    eh_free(p);
    ck_assert_ptr_null(eh_calloc(SIZE_MAX / 2 + 1, 2));   /* overflow */
    ck_assert_ptr_null(eh_calloc(2, SIZE_MAX / 2 + 1));
    ck_assert_ptr_null(eh_memdup("x", 0));
    ck_assert_ptr_null(eh_strdup(NULL));

    unsigned char *z = eh_calloc(4, 4);
    ck_assert_ptr_nonnull(z);
    for (int i = 0; i < 16; i++)
        ck_assert_uint_eq(z[i], 0);
    eh_free(z);

    unsigned char *d = eh_memdup("\x01\x00\x02", 3);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(memcmp(d, "\x01\x00\x02", 3), 0);
    eh_free(d);

    eh_free(NULL);
    eaphost_free(NULL);
    eaphost_free(eh_malloc(4));
}
END_TEST

START_TEST(test_wipe)
{
    unsigned char buf[8];

    memset(buf, 0xAA, sizeof buf);
    eh_wipe(buf + 1, 6);
    ck_assert_uint_eq(buf[0], 0xAA);
    for (int i = 1; i < 7; i++)
        ck_assert_uint_eq(buf[i], 0);
    ck_assert_uint_eq(buf[7], 0xAA);
    eh_wipe(NULL, 0);

    char *secret = eh_strdup("password");
    ck_assert_ptr_nonnull(secret);
    eh_free_secret(secret, strlen(secret) + 1);
    eh_free_secret(NULL, 16);
}
END_TEST

/* ---- the error table ---------------------------------------------------- */

/* Every code of the table, generated from the table itself. */
static const struct {
    DWORD code;
    const char *name;
    const char *message;
} table_entries[] = {
#define TABLE_ENTRY(name, message) { (DWORD)(name), #name, message },
    EH_ERROR_TABLE(TABLE_ENTRY)
#undef TABLE_ENTRY
};
#define TABLE_SIZE (sizeof table_entries / sizeof table_entries[0])

/* The values every entry must have (DESIGN.md §4 and winerror.h). */
static const struct {
    const char *name;
    DWORD code;
} expected_values[] = {
    { "ERROR_SUCCESS", 0 },
    { "ERROR_FILE_NOT_FOUND", 2 },
    { "ERROR_ACCESS_DENIED", 5 },
    { "ERROR_INVALID_HANDLE", 6 },
    { "ERROR_NOT_ENOUGH_MEMORY", 8 },
    { "ERROR_INVALID_DATA", 13 },
    { "ERROR_OUTOFMEMORY", 14 },
    { "ERROR_NOT_SUPPORTED", 50 },
    { "ERROR_INVALID_PARAMETER", 87 },
    { "ERROR_INSUFFICIENT_BUFFER", 122 },
    { "ERROR_BAD_ARGUMENTS", 160 },
    { "ERROR_NO_MORE_ITEMS", 259 },
    { "ERROR_NO_UNICODE_TRANSLATION", 1113 },
    { "ERROR_CANCELLED", 1223 },
    { "ERROR_INTERNAL_ERROR", 1359 },
    { "ERROR_INVALID_STATE", 5023 },
    { "EAP_E_CERT_STORE_INACCESSIBLE", 0x80420010 },
    { "EAP_E_EAPHOST_METHOD_NOT_INSTALLED", 0x80420011 },
    { "EAP_E_EAPHOST_THIRDPARTY_METHOD_HOST_RESET", 0x80420012 },
    { "EAP_E_EAPHOST_EAPQEC_INACCESSIBLE", 0x80420013 },
    { "EAP_E_EAPHOST_IDENTITY_UNKNOWN", 0x80420014 },
    { "EAP_E_AUTHENTICATION_FAILED", 0x80420015 },
    { "EAP_I_EAPHOST_EAP_NEGOTIATION_FAILED", 0x40420016 },
    { "EAP_E_EAPHOST_METHOD_INVALID_PACKET", 0x80420017 },
    { "EAP_E_EAPHOST_REMOTE_INVALID_PACKET", 0x80420018 },
    { "EAP_E_EAPHOST_XML_MALFORMED", 0x80420019 },
    { "EAP_E_METHOD_CONFIG_DOES_NOT_SUPPORT_SSO", 0x8042001A },
    { "EAP_E_EAPHOST_METHOD_OPERATION_NOT_SUPPORTED", 0x80420020 },
    { "EAP_E_USER_CERT_NOT_FOUND", 0x80420100 },
    { "EAP_E_USER_CERT_INVALID", 0x80420101 },
    { "EAP_E_USER_CERT_EXPIRED", 0x80420102 },
    { "EAP_E_USER_CERT_REVOKED", 0x80420103 },
    { "EAP_E_USER_CERT_OTHER_ERROR", 0x80420104 },
    { "EAP_E_USER_CERT_REJECTED", 0x80420105 },
    { "EAP_I_USER_ACCOUNT_OTHER_ERROR", 0x40420110 },
    { "EAP_E_USER_CREDENTIALS_REJECTED", 0x80420111 },
    { "EAP_E_USER_NAME_PASSWORD_REJECTED", 0x80420112 },
    { "EAP_E_SERVER_CERT_NOT_FOUND", 0x80420200 },
    { "EAP_E_SERVER_CERT_INVALID", 0x80420201 },
    { "EAP_E_SERVER_CERT_EXPIRED", 0x80420202 },
    { "EAP_E_SERVER_CERT_REVOKED", 0x80420203 },
    { "EAP_E_SERVER_CERT_OTHER_ERROR", 0x80420204 },
};
#define EXPECTED_SIZE (sizeof expected_values / sizeof expected_values[0])

START_TEST(test_table_entry)
{
    /* One run per table entry (a loop test). */
    DWORD code = table_entries[_i].code;
    const char *name = table_entries[_i].name;

    ck_assert_str_eq(eaphost_error_name(code), name);
    ck_assert_str_eq(eaphost_error_message(code), table_entries[_i].message);
    ck_assert_uint_gt(strlen(table_entries[_i].message), 0);
    for (size_t j = 0; j < TABLE_SIZE; j++)
        if (j != (size_t)_i)
            ck_assert_msg(table_entries[j].code != code,
                          "%s and %s share code 0x%08X", name,
                          table_entries[j].name, (unsigned)code);
}
END_TEST

START_TEST(test_table_values)
{
    ck_assert_uint_eq(TABLE_SIZE, EXPECTED_SIZE);
    for (size_t i = 0; i < EXPECTED_SIZE; i++) {
        const char *name = expected_values[i].name;
        DWORD code = expected_values[i].code;
        bool found = false;

        ck_assert_str_eq(eaphost_error_name(code), name);
        for (size_t j = 0; j < TABLE_SIZE; j++)
            if (strcmp(table_entries[j].name, name) == 0) {
                ck_assert_msg(table_entries[j].code == code,
                              "%s is 0x%08X, want 0x%08X", name,
                              (unsigned)table_entries[j].code,
                              (unsigned)code);
                found = true;
            }
        ck_assert_msg(found, "%s missing from the table", name);
    }
}
END_TEST

START_TEST(test_specific_codes)
{
    ck_assert_uint_eq(EAP_E_EAPHOST_METHOD_NOT_INSTALLED, 0x80420011u);
    ck_assert_uint_eq(EAP_E_CERT_STORE_INACCESSIBLE, 0x80420010u);
    ck_assert_uint_eq(ERROR_INVALID_STATE, 5023);
    ck_assert_uint_eq(ERROR_NO_UNICODE_TRANSLATION, 1113);
    ck_assert_str_eq(eaphost_error_name(0x80420011u),
                     "EAP_E_EAPHOST_METHOD_NOT_INSTALLED");
    ck_assert_str_eq(eaphost_error_name(EAP_E_CERT_STORE_INACCESSIBLE),
                     "EAP_E_CERT_STORE_INACCESSIBLE");
    ck_assert_str_eq(eaphost_error_name(ERROR_SUCCESS), "ERROR_SUCCESS");
    ck_assert_str_eq(eaphost_error_name(0xDEADBEEFu), "UNKNOWN_ERROR");
    ck_assert_str_eq(eaphost_error_message(0xDEADBEEFu), "unknown error code");
    ck_assert_str_eq(eaphost_error_name(0x80420021u), "UNKNOWN_ERROR");
}
END_TEST

/* ---- EAP_ERROR ---------------------------------------------------------- */

static const EAP_METHOD_TYPE test_type = {
    .eapType = { .type = 254, .dwVendorId = 311, .dwVendorType = 26 },
    .dwAuthorId = 311
};

/* Field by field: the structure has padding that need not be copied. */
static void assert_is_test_type(const EAP_METHOD_TYPE *t)
{
    ck_assert_uint_eq(t->eapType.type, 254);
    ck_assert_uint_eq(t->eapType.dwVendorId, 311);
    ck_assert_uint_eq(t->eapType.dwVendorType, 26);
    ck_assert_uint_eq(t->dwAuthorId, 311);
}

START_TEST(test_error_new_content)
{
    EAP_ERROR *e = eh_error_new(EAP_E_EAPHOST_METHOD_NOT_INSTALLED,
                                &test_type, "plugin %s: %d (caf\xC3\xA9)",
                                "md5.so", 42);

    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->dwWinError, EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    ck_assert_uint_eq(e->dwReasonCode, EAP_E_EAPHOST_METHOD_NOT_INSTALLED);
    assert_is_test_type(&e->type);
    ck_assert(guid_is_zero(&e->rootCauseGuid));
    ck_assert(guid_is_zero(&e->repairGuid));
    ck_assert(guid_is_zero(&e->helpLinkGuid));
    ck_assert_ptr_null(e->pRepairString);
    /* One allocation: the string follows the structure. */
    ck_assert_ptr_eq((void *)e->pRootCauseString, (void *)(e + 1));
    ck_assert_uint_eq(e->pRootCauseString[22], 0x00E9);

    char *text = root_cause_utf8(e);
    ck_assert_str_eq(text, "plugin md5.so: 42 (caf\xC3\xA9)");
    eh_free(text);
    EapHostPeerFreeEapError(e);
}
END_TEST

START_TEST(test_error_new_without_type_or_text)
{
    EAP_ERROR *e = eh_error_new(ERROR_INVALID_STATE, NULL, NULL);

    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->dwWinError, ERROR_INVALID_STATE);
    ck_assert_uint_eq(e->type.eapType.type, 0);
    ck_assert_uint_eq(e->type.eapType.dwVendorId, 0);
    ck_assert_uint_eq(e->type.eapType.dwVendorType, 0);
    ck_assert_uint_eq(e->type.dwAuthorId, 0);
    ck_assert_ptr_null(e->pRootCauseString);
    ck_assert_ptr_null(e->pRepairString);
    EapHostPeerFreeErrorMemory(e);

    e = eh_error_new(ERROR_SUCCESS, NULL, "%s", "");
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_nonnull(e->pRootCauseString);
    ck_assert_uint_eq(e->pRootCauseString[0], 0);
    eh_error_free(e);
}
END_TEST

START_TEST(test_error_new_malformed_reason)
{
    /* A reason that is not UTF-8 (say, a Latin-1 file name) still makes an
     * error: the bad byte becomes U+FFFD. */
    EAP_ERROR *e = eh_error_new(ERROR_FILE_NOT_FOUND, NULL,
                                "no file %s", "caf\xE9.so");

    ck_assert_ptr_nonnull(e);
    char *text = root_cause_utf8(e);
    ck_assert_str_eq(text, "no file caf\xEF\xBF\xBD.so");
    eh_free(text);
    eh_error_free(e);
}
END_TEST

START_TEST(test_error_new_out_of_memory)
{
    long n;
    EAP_ERROR *e = NULL;

    /* Fail each allocation in turn until the call needs no more. */
    for (n = 0; n < 32; n++) {
        eh_test_fail_alloc_after(n);
        e = eh_error_new(EAP_E_AUTHENTICATION_FAILED, &test_type,
                         "reason %d", 7);
        if (e)
            break;
    }
    reset_alloc_failure();
    ck_assert_int_gt(n, 0);      /* at least the first one failed */
    ck_assert_int_lt(n, 32);
    ck_assert_ptr_nonnull(e);
    char *text = root_cause_utf8(e);
    ck_assert_str_eq(text, "reason 7");
    eh_free(text);
    eh_error_free(e);
}
END_TEST

START_TEST(test_fail)
{
    EAP_ERROR *e = NULL;

    ck_assert_uint_eq(eh_fail(NULL, ERROR_INVALID_STATE, NULL, "x %d", 1),
                      ERROR_INVALID_STATE);
    ck_assert_uint_eq(eh_fail(&e, ERROR_INVALID_HANDLE, &test_type,
                              "session %u unknown", 9u),
                      ERROR_INVALID_HANDLE);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->dwWinError, ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(e->type.dwAuthorId, 311);
    char *text = root_cause_utf8(e);
    ck_assert_str_eq(text, "session 9 unknown");
    eh_free(text);
    eh_error_free(e);

    /* Out of memory: the code still comes back, with no error. */
    EAP_ERROR sentinel;
    e = &sentinel;
    eh_test_fail_alloc_after(0);
    ck_assert_uint_eq(eh_fail(&e, ERROR_NOT_SUPPORTED, NULL, "x"),
                      ERROR_NOT_SUPPORTED);
    ck_assert_ptr_null(e);
}
END_TEST

START_TEST(test_error_copy_with_strings)
{
    WCHAR root[] = { 'b', 'a', 'd', 0xD83D, 0xDE00, 0 };
    WCHAR repair[] = { 'f', 'i', 'x', 0 };
    EAP_ERROR src = {
        .dwWinError = ERROR_ACCESS_DENIED,
        .type = test_type,
        .dwReasonCode = EAP_E_USER_CREDENTIALS_REJECTED,
        .rootCauseGuid = { 1, 2, 3, { 4, 5, 6, 7, 8, 9, 10, 11 } },
        .repairGuid = { 12, 13, 14, { 15 } },
        .helpLinkGuid = { 16, 17, 18, { 19 } },
        .pRootCauseString = root,
        .pRepairString = repair,
    };
    EAP_ERROR *e = eh_error_copy(&src);

    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->dwWinError, ERROR_ACCESS_DENIED);
    ck_assert_uint_eq(e->dwReasonCode, EAP_E_USER_CREDENTIALS_REJECTED);
    assert_is_test_type(&e->type);
    ck_assert_int_eq(memcmp(&e->rootCauseGuid, &src.rootCauseGuid,
                            sizeof(GUID)), 0);
    ck_assert_int_eq(memcmp(&e->repairGuid, &src.repairGuid,
                            sizeof(GUID)), 0);
    ck_assert_int_eq(memcmp(&e->helpLinkGuid, &src.helpLinkGuid,
                            sizeof(GUID)), 0);
    ck_assert_ptr_ne(e->pRootCauseString, root);
    ck_assert_ptr_ne(e->pRepairString, repair);
    assert_units_eq(e->pRootCauseString, root, 6);
    assert_units_eq(e->pRepairString, repair, 4);
    /* Changing the source afterwards does not touch the copy. */
    root[0] = 'X';
    ck_assert_uint_eq(e->pRootCauseString[0], 'b');
    eh_error_free(e);
}
END_TEST

START_TEST(test_error_copy_without_strings)
{
    EAP_ERROR src = { .dwWinError = ERROR_CANCELLED, .type = test_type,
                      .dwReasonCode = 77 };
    EAP_ERROR *e = eh_error_copy(&src);

    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->dwWinError, ERROR_CANCELLED);
    ck_assert_uint_eq(e->dwReasonCode, 77);
    ck_assert_ptr_null(e->pRootCauseString);
    ck_assert_ptr_null(e->pRepairString);
    eh_error_free(e);

    ck_assert_ptr_null(eh_error_copy(NULL));

    eh_test_fail_alloc_after(0);
    ck_assert_ptr_null(eh_error_copy(&src));
}
END_TEST

START_TEST(test_error_copy_unterminated)
{
    /* Exactly 4096 units on the heap with no terminator: reading one unit
     * more would show under valgrind and AddressSanitizer. */
    enum { MAX_UNITS = 4096 };
    WCHAR *root = malloc(MAX_UNITS * sizeof(WCHAR));
    WCHAR *repair = malloc(MAX_UNITS * sizeof(WCHAR));

    ck_assert_ptr_nonnull(root);
    ck_assert_ptr_nonnull(repair);
    for (size_t i = 0; i < MAX_UNITS; i++) {
        root[i] = (WCHAR)('a' + i % 26);
        repair[i] = 'r';
    }
    /* A cut that would split a surrogate pair drops the high half. */
    repair[MAX_UNITS - 1] = 0xD83D;

    EAP_ERROR src = { .dwWinError = ERROR_INVALID_DATA,
                      .pRootCauseString = root, .pRepairString = repair };
    EAP_ERROR *e = eh_error_copy(&src);

    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(eh_wcslen(e->pRootCauseString), MAX_UNITS);
    assert_units_eq(e->pRootCauseString, root, MAX_UNITS);
    ck_assert_uint_eq(eh_wcslen(e->pRepairString), MAX_UNITS - 1);
    char *text = eh_utf16_to_utf8_dup(e->pRepairString);
    ck_assert_ptr_nonnull(text);
    eh_free(text);
    eh_error_free(e);

    /* A longer terminated string is cut the same way. */
    WCHAR *longer = calloc(MAX_UNITS * 2 + 1, sizeof(WCHAR));
    ck_assert_ptr_nonnull(longer);
    for (size_t i = 0; i < MAX_UNITS * 2; i++)
        longer[i] = 'x';
    src.pRootCauseString = longer;
    src.pRepairString = NULL;
    e = eh_error_copy(&src);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(eh_wcslen(e->pRootCauseString), MAX_UNITS);
    ck_assert_ptr_null(e->pRepairString);
    eh_error_free(e);

    free(longer);
    free(root);
    free(repair);
}
END_TEST

/* A method's EAP_ERROR, allocated and freed the method's way. */
static int method_frees;

static void fake_method_free_error(EAP_ERROR *e)
{
    method_frees++;
    free(e->pRootCauseString);
    free(e);
}

static EAP_ERROR *fake_method_error(void)
{
    EAP_ERROR *e = calloc(1, sizeof *e);
    WCHAR *s = calloc(3, sizeof(WCHAR));

    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_nonnull(s);
    s[0] = 'n';
    s[1] = 'o';
    e->dwWinError = EAP_E_USER_NAME_PASSWORD_REJECTED;
    e->dwReasonCode = EAP_E_USER_NAME_PASSWORD_REJECTED;
    e->type = test_type;
    e->pRootCauseString = s;
    return e;
}

START_TEST(test_take_method_error)
{
    struct eh_dispatch d;
    EAP_ERROR *out = NULL;

    memset(&d, 0, sizeof d);
    d.free_error_memory = fake_method_free_error;
    method_frees = 0;

    eh_take_method_error(&d, fake_method_error(), &out);
    ck_assert_int_eq(method_frees, 1);
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(out->dwWinError, EAP_E_USER_NAME_PASSWORD_REJECTED);
    assert_is_test_type(&out->type);
    char *text = root_cause_utf8(out);
    ck_assert_str_eq(text, "no");
    eh_free(text);
    eh_error_free(out);

    /* The caller does not want it: the method's copy is still freed. */
    eh_take_method_error(&d, fake_method_error(), NULL);
    ck_assert_int_eq(method_frees, 2);

    /* No memory for the copy: *out is NULL and the method's copy freed. */
    EAP_ERROR sentinel;
    out = &sentinel;
    eh_test_fail_alloc_after(0);
    eh_take_method_error(&d, fake_method_error(), &out);
    reset_alloc_failure();
    ck_assert_ptr_null(out);
    ck_assert_int_eq(method_frees, 3);

    /* Nothing returned: nothing happens. */
    out = NULL;
    eh_take_method_error(&d, NULL, &out);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(method_frees, 3);
}
END_TEST

START_TEST(test_free_null)
{
    EapHostPeerFreeEapError(NULL);
    EapHostPeerFreeErrorMemory(NULL);
    eh_error_free(NULL);
}
END_TEST

/* ---- UTF-8 <-> UTF-16 --------------------------------------------------- */

START_TEST(test_utf_ascii)
{
    expect_round_trip("Hello, world", (const WCHAR[]){ 'H', 'e', 'l', 'l',
                      'o', ',', ' ', 'w', 'o', 'r', 'l', 'd', 0 }, 12);
    expect_round_trip("\x7F", (const WCHAR[]){ 0x7F, 0 }, 1);
}
END_TEST

START_TEST(test_utf_multibyte)
{
    /* Two, three and four bytes, with the bounds of each length. */
    expect_round_trip("\xC2\x80", (const WCHAR[]){ 0x0080, 0 }, 1);
    expect_round_trip("caf\xC3\xA9", (const WCHAR[]){ 'c', 'a', 'f', 0xE9,
                      0 }, 4);
    expect_round_trip("\xDF\xBF", (const WCHAR[]){ 0x07FF, 0 }, 1);
    expect_round_trip("\xE0\xA0\x80", (const WCHAR[]){ 0x0800, 0 }, 1);
    expect_round_trip("\xE2\x82\xAC", (const WCHAR[]){ 0x20AC, 0 }, 1);
    expect_round_trip("\xED\x9F\xBF", (const WCHAR[]){ 0xD7FF, 0 }, 1);
    expect_round_trip("\xEE\x80\x80", (const WCHAR[]){ 0xE000, 0 }, 1);
    expect_round_trip("\xEF\xBF\xBF", (const WCHAR[]){ 0xFFFF, 0 }, 1);
    expect_round_trip("\xF0\x90\x80\x80", (const WCHAR[]){ 0xD800, 0xDC00,
                      0 }, 2);
    expect_round_trip("\xF0\x9F\x98\x80", (const WCHAR[]){ 0xD83D, 0xDE00,
                      0 }, 2);
    expect_round_trip("\xF4\x8F\xBF\xBF", (const WCHAR[]){ 0xDBFF, 0xDFFF,
                      0 }, 2);
    expect_round_trip("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z",
                      (const WCHAR[]){ 'a', 0xE9, 0x20AC, 0xD83D, 0xDE00,
                                       'z', 0 }, 6);
}
END_TEST

START_TEST(test_utf_every_code_point)
{
    /* Every scalar value, in one string each way. */
    size_t max_bytes = 0x110000 * 4 + 1;
    unsigned char *utf8 = malloc(max_bytes);
    WCHAR *utf16 = malloc(0x110000 * 2 * sizeof(WCHAR));
    size_t bytes = 0, units = 0;

    ck_assert_ptr_nonnull(utf8);
    ck_assert_ptr_nonnull(utf16);
    for (uint32_t cp = 1; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        bytes += test_encode_utf8(cp, utf8 + bytes);
        if (cp < 0x10000) {
            utf16[units++] = (WCHAR)cp;
        } else {
            utf16[units++] = (WCHAR)(0xD800 + ((cp - 0x10000) >> 10));
            utf16[units++] = (WCHAR)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        }
    }
    utf8[bytes] = 0;
    expect_to_utf16((const char *)utf8, bytes, utf16, units);
    expect_to_utf8(utf16, units, (const char *)utf8, bytes);
    free(utf8);
    free(utf16);
}
END_TEST

START_TEST(test_utf8_malformed)
{
    static const char *const bad[] = {
        /* lone continuation bytes */
        "\x80", "\xBF", "a\x80z",
        /* bytes that never occur */
        "\xFE", "\xFF", "\xF8\x88\x80\x80\x80", "\xFC\x84\x80\x80\x80\x80",
        /* overlong forms */
        "\xC0\x80", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x80\xAF",
        "\xE0\x9F\xBF", "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF",
        /* UTF-16 surrogates encoded in UTF-8 (CESU-8 style too) */
        "\xED\xA0\x80", "\xED\xAF\xBF", "\xED\xB0\x80", "\xED\xBF\xBF",
        "\xED\xA0\xBD\xED\xB8\x80",
        /* past U+10FFFF */
        "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF7\xBF\xBF\xBF",
        /* truncated sequences */
        "\xC3", "\xE2\x82", "\xF0\x9F\x98", "ok\xE2\x82", "\xF0",
        /* a continuation byte missing in the middle */
        "\xC3\x28", "\xE2\x28\xA1", "\xE2\x82\x28", "\xF0\x9F\x28\x80",
        "\xF0\x9F\x98\x28",
    };

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        expect_bad_utf8(bad[i], (size_t)-1);
        expect_bad_utf8(bad[i], strlen(bad[i]));
        ck_assert_ptr_null(eh_utf8_to_utf16_dup(bad[i]));
    }

    /* A good sequence cut short by an explicit length. */
    expect_bad_utf8("\xE2\x82\xAC", 2);
    expect_bad_utf8("\xF0\x9F\x98\x80", 3);
}
END_TEST

START_TEST(test_utf8_malformed_exhaustive)
{
    unsigned char s[4];

    /* Every overlong two-, three- and four-byte form. */
    for (uint32_t cp = 0; cp < 0x80; cp++) {
        s[0] = (unsigned char)(0xC0 | (cp >> 6));
        s[1] = (unsigned char)(0x80 | (cp & 0x3F));
        expect_bad_utf8_quiet(s, 2);
    }
    for (uint32_t cp = 0; cp < 0x800; cp++) {
        s[0] = 0xE0;
        s[1] = (unsigned char)(0x80 | (cp >> 6));
        s[2] = (unsigned char)(0x80 | (cp & 0x3F));
        expect_bad_utf8_quiet(s, 3);
    }
    for (uint32_t cp = 0; cp < 0x10000; cp++) {
        s[0] = 0xF0;
        s[1] = (unsigned char)(0x80 | (cp >> 12));
        s[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        s[3] = (unsigned char)(0x80 | (cp & 0x3F));
        expect_bad_utf8_quiet(s, 4);
    }
    /* Every surrogate. */
    for (uint32_t cp = 0xD800; cp <= 0xDFFF; cp++) {
        test_encode_utf8(cp, s);
        expect_bad_utf8_quiet(s, 3);
    }
}
END_TEST

START_TEST(test_utf16_malformed)
{
    expect_bad_utf16((const WCHAR[]){ 0xD800, 0 }, (size_t)-1);
    expect_bad_utf16((const WCHAR[]){ 'a', 0xDBFF, 0 }, (size_t)-1);
    expect_bad_utf16((const WCHAR[]){ 0xD83D, 'A', 0 }, (size_t)-1);
    expect_bad_utf16((const WCHAR[]){ 0xD83D, 0xD83D, 0xDE00, 0 },
                     (size_t)-1);
    expect_bad_utf16((const WCHAR[]){ 0xDC00, 0 }, (size_t)-1);
    expect_bad_utf16((const WCHAR[]){ 0xDFFF, 'a', 0 }, (size_t)-1);
    expect_bad_utf16((const WCHAR[]){ 0xDE00, 0xD83D, 0 }, (size_t)-1);
    /* A pair split by an explicit length, or by an embedded NUL. */
    expect_bad_utf16((const WCHAR[]){ 0xD83D, 0xDE00 }, 1);
    expect_bad_utf16((const WCHAR[]){ 0xD83D, 0, 0xDE00 }, 3);
    ck_assert_ptr_null(eh_utf16_to_utf8_dup((const WCHAR[]){ 0xDE00, 0 }));
}
END_TEST

START_TEST(test_utf_explicit_lengths)
{
    /* Embedded NULs survive when the length is given. */
    expect_to_utf16("a\0b", 3, (const WCHAR[]){ 'a', 0, 'b' }, 3);
    expect_to_utf8((const WCHAR[]){ 'a', 0, 'b' }, 3, "a\0b", 3);
    expect_to_utf16("\0", 1, (const WCHAR[]){ 0 }, 1);
    /* ... and end the string when it is not. */
    expect_to_utf16("a\0b", (size_t)-1, (const WCHAR[]){ 'a' }, 1);
    expect_to_utf8((const WCHAR[]){ 'a', 0, 'b' }, (size_t)-1, "a", 1);
    /* A length shorter than the text takes a prefix; no terminator is
     * needed within it. */
    expect_to_utf16("hello", 2, (const WCHAR[]){ 'h', 'e' }, 2);
    expect_to_utf8((const WCHAR[]){ 'h', 'e', 'l' }, 2, "he", 2);
    expect_to_utf16("\xC3\xA9\xC3\xA9", 2, (const WCHAR[]){ 0xE9 }, 1);
}
END_TEST

START_TEST(test_utf_empty)
{
    expect_to_utf16("", (size_t)-1, (const WCHAR[]){ 0 }, 0);
    expect_to_utf16("abc", 0, (const WCHAR[]){ 0 }, 0);
    expect_to_utf8((const WCHAR[]){ 0 }, (size_t)-1, "", 0);
    expect_to_utf8((const WCHAR[]){ 'a' }, 0, "", 0);

    WCHAR *w = eh_utf8_to_utf16_dup("");
    ck_assert_ptr_nonnull(w);
    ck_assert_uint_eq(w[0], 0);
    char *s = eh_utf16_to_utf8_dup(w);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "");
    eh_free(s);
    eh_free(w);
}
END_TEST

START_TEST(test_utf_null_arguments)
{
    WCHAR *w = wide_sentinel;
    char *s = narrow_sentinel;
    size_t len = 99;

    ck_assert_uint_eq(eaphost_utf8_to_utf16(NULL, 3, &w, &len),
                      ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(w);
    ck_assert_uint_eq(len, 0);
    ck_assert_uint_eq(eaphost_utf8_to_utf16("abc", 3, NULL, &len),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(eaphost_utf16_to_utf8(NULL, (size_t)-1, &s, &len),
                      ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(s);
    ck_assert_uint_eq(eaphost_utf16_to_utf8((const WCHAR[]){ 'a', 0 },
                                            (size_t)-1, NULL, NULL),
                      ERROR_INVALID_PARAMETER);

    /* @out_len is optional. */
    ck_assert_uint_eq(eaphost_utf8_to_utf16("ab", (size_t)-1, &w, NULL),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(eaphost_utf16_to_utf8(w, (size_t)-1, &s, NULL),
                      ERROR_SUCCESS);
    ck_assert_str_eq(s, "ab");
    eaphost_free(s);
    eaphost_free(w);

    ck_assert_ptr_null(eh_utf8_to_utf16_dup(NULL));
    ck_assert_ptr_null(eh_utf16_to_utf8_dup(NULL));
    ck_assert_ptr_null(eh_wcsdup(NULL));
    ck_assert_uint_eq(eh_wcslen(NULL), 0);
}
END_TEST

START_TEST(test_utf_out_of_memory)
{
    WCHAR *w = wide_sentinel;
    char *s = narrow_sentinel;
    size_t len = 99;

    eh_test_fail_alloc_after(0);
    ck_assert_uint_eq(eaphost_utf8_to_utf16("abc", (size_t)-1, &w, &len),
                      ERROR_NOT_ENOUGH_MEMORY);
    ck_assert_ptr_null(w);
    ck_assert_uint_eq(len, 0);

    eh_test_fail_alloc_after(0);
    ck_assert_uint_eq(eaphost_utf16_to_utf8((const WCHAR[]){ 'a', 0 },
                                            (size_t)-1, &s, &len),
                      ERROR_NOT_ENOUGH_MEMORY);
    ck_assert_ptr_null(s);
    ck_assert_uint_eq(len, 0);

    eh_test_fail_alloc_after(0);
    ck_assert_ptr_null(eh_utf8_to_utf16_dup("abc"));
    eh_test_fail_alloc_after(0);
    ck_assert_ptr_null(eh_utf16_to_utf8_dup((const WCHAR[]){ 'a', 0 }));
    eh_test_fail_alloc_after(0);
    ck_assert_ptr_null(eh_wcsdup((const WCHAR[]){ 'a', 0 }));

    /* Malformed input is refused before anything is allocated. */
    eh_test_fail_alloc_after(0);
    ck_assert_uint_eq(eaphost_utf8_to_utf16("\xFF", (size_t)-1, &w, NULL),
                      ERROR_NO_UNICODE_TRANSLATION);
    reset_alloc_failure();
}
END_TEST

START_TEST(test_wcs_helpers)
{
    const WCHAR text[] = { 'a', 0xD83D, 0xDE00, 'b', 0 };
    WCHAR *copy = eh_wcsdup(text);

    ck_assert_uint_eq(eh_wcslen(text), 4);
    ck_assert_ptr_nonnull(copy);
    ck_assert_ptr_ne(copy, text);
    assert_units_eq(copy, text, 5);
    eh_free(copy);

    /* eh_wcsdup copies units as they are, valid or not. */
    copy = eh_wcsdup((const WCHAR[]){ 0xDC00, 0 });
    ck_assert_ptr_nonnull(copy);
    ck_assert_uint_eq(copy[0], 0xDC00);
    eh_free(copy);
}
END_TEST

START_TEST(test_utf_locale_independent)
{
    /* The C locale knows no UTF-8; the conversion must not care. */
    ck_assert_ptr_nonnull(setlocale(LC_ALL, "C"));
    expect_round_trip("\xE2\x82\xAC\xF0\x9F\x98\x80",
                      (const WCHAR[]){ 0x20AC, 0xD83D, 0xDE00, 0 }, 3);
}
END_TEST

/* ---- suite -------------------------------------------------------------- */

static Suite *basics_suite(void)
{
    Suite *s = suite_create("basics");
    TCase *tc;

    tc = tcase_create("memory");
    tcase_add_checked_fixture(tc, reset_alloc_failure, reset_alloc_failure);
    tcase_add_test(tc, test_fail_nth_allocation);
    tcase_add_test(tc, test_fail_allocations_from);
    tcase_add_test(tc, test_fail_each_allocator);
    tcase_add_test(tc, test_fail_cancelled);
    tcase_add_test(tc, test_fail_exactly_once_across_threads);
    tcase_add_test(tc, test_sizes);
    tcase_add_test(tc, test_wipe);
    suite_add_tcase(s, tc);

    tc = tcase_create("error_table");
    tcase_add_loop_test(tc, test_table_entry, 0, (int)TABLE_SIZE);
    tcase_add_test(tc, test_table_values);
    tcase_add_test(tc, test_specific_codes);
    suite_add_tcase(s, tc);

    tc = tcase_create("eap_error");
    tcase_add_checked_fixture(tc, reset_alloc_failure, reset_alloc_failure);
    tcase_add_test(tc, test_error_new_content);
    tcase_add_test(tc, test_error_new_without_type_or_text);
    tcase_add_test(tc, test_error_new_malformed_reason);
    tcase_add_test(tc, test_error_new_out_of_memory);
    tcase_add_test(tc, test_fail);
    tcase_add_test(tc, test_error_copy_with_strings);
    tcase_add_test(tc, test_error_copy_without_strings);
    tcase_add_test(tc, test_error_copy_unterminated);
    tcase_add_test(tc, test_take_method_error);
    tcase_add_test(tc, test_free_null);
    suite_add_tcase(s, tc);

    tc = tcase_create("utf");
    tcase_add_checked_fixture(tc, reset_alloc_failure, reset_alloc_failure);
    tcase_add_test(tc, test_utf_ascii);
    tcase_add_test(tc, test_utf_multibyte);
    tcase_add_test(tc, test_utf_every_code_point);
    tcase_add_test(tc, test_utf8_malformed);
    tcase_add_test(tc, test_utf8_malformed_exhaustive);
    tcase_add_test(tc, test_utf16_malformed);
    tcase_add_test(tc, test_utf_explicit_lengths);
    tcase_add_test(tc, test_utf_empty);
    tcase_add_test(tc, test_utf_null_arguments);
    tcase_add_test(tc, test_utf_out_of_memory);
    tcase_add_test(tc, test_wcs_helpers);
    tcase_add_test(tc, test_utf_locale_independent);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(basics_suite());
}
