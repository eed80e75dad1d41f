/*
 * output.c - how eaphost-test writes types, properties, states, bytes,
 * error texts and registry problems.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The eapProp* bits, lowest first, by their SDK names without "eapProp". */
static const struct {
    DWORD bit;
    const char *name;
} property_names[] = {
    { eapPropCipherSuiteNegotiation, "CipherSuiteNegotiation" },
    { eapPropMutualAuth, "MutualAuth" },
    { eapPropIntegrity, "Integrity" },
    { eapPropReplayProtection, "ReplayProtection" },
    { eapPropConfidentiality, "Confidentiality" },
    { eapPropKeyDerivation, "KeyDerivation" },
    { eapPropKeyStrength64, "KeyStrength64" },
    { eapPropKeyStrength128, "KeyStrength128" },
    { eapPropKeyStrength256, "KeyStrength256" },
    { eapPropKeyStrength512, "KeyStrength512" },
    { eapPropKeyStrength1024, "KeyStrength1024" },
    { eapPropDictionaryAttackResistance, "DictionaryAttackResistance" },
    { eapPropFastReconnect, "FastReconnect" },
    { eapPropCryptoBinding, "CryptoBinding" },
    { eapPropSessionIndependence, "SessionIndependence" },
    { eapPropFragmentation, "Fragmentation" },
    { eapPropChannelBinding, "ChannelBinding" },
    { eapPropNap, "Nap" },
    { eapPropStandalone, "Standalone" },
    { eapPropMppeEncryption, "MppeEncryption" },
    { eapPropTunnelMethod, "TunnelMethod" },
    { eapPropSupportsConfig, "SupportsConfig" },
    { eapPropCertifiedMethod, "CertifiedMethod" },
    { eapPropHiddenMethod, "HiddenMethod" },
    { eapPropMachineAuth, "MachineAuth" },
    { eapPropUserAuth, "UserAuth" },
    { eapPropIdentityPrivacy, "IdentityPrivacy" },
    { eapPropMethodChaining, "MethodChaining" },
    { eapPropSharedStateEquivalence, "SharedStateEquivalence" },
    { eapPropReserved, "Reserved" },
};

const char *cli_type_text(const EAP_TYPE *t, char *buf)
{
    if (t->type == 254)
        snprintf(buf, CLI_TYPE_TEXT, "254:%" PRIu32 ":%" PRIu32,
                 (uint32_t)t->dwVendorId, (uint32_t)t->dwVendorType);
    else
        snprintf(buf, CLI_TYPE_TEXT, "%u", (unsigned)t->type);
    return buf;
}

void cli_print_properties(FILE *f, DWORD props)
{
    DWORD known = 0;
    size_t i;

    fprintf(f, "0x%08" PRIX32, (uint32_t)props);
    for (i = 0; i < sizeof property_names / sizeof property_names[0]; i++) {
        known |= property_names[i].bit;
        if (props & property_names[i].bit)
            fprintf(f, " %s", property_names[i].name);
    }
    if (props & ~known)
        fprintf(f, " (unknown bits 0x%08" PRIX32 ")",
                (uint32_t)(props & ~known));
    if (props == 0)
        fputs(" (none)", f);
}

const char *cli_state_name(eaphost_method_state state)
{
    switch (state) {
    case EAPHOST_METHOD_READY:
        return "READY";
    case EAPHOST_METHOD_FAULTY:
        return "FAULTY";
    case EAPHOST_METHOD_LOADING:
        return "LOADING";
    case EAPHOST_METHOD_NOT_LOADED:
        break;
    }
    return "NOT LOADED";
}

void cli_print_hex(FILE *f, const BYTE *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        fprintf(f, "%02x", p[i]);
}

char *cli_error_text(const EAP_ERROR *e)
{
    char *text = NULL;

    if (!e || !e->pRootCauseString || !e->pRootCauseString[0])
        return NULL;
    if (eaphost_utf16_to_utf8(e->pRootCauseString, (size_t)-1, &text,
                              NULL) != ERROR_SUCCESS)
        return NULL;
    /* eaphost_free() memory, handed on as malloc()'d memory. */
    char *copy = strdup(text);
    eaphost_free(text);
    return copy;
}

void cli_print_problems(FILE *f, const char *indent, const eaphost_problem *p,
                        DWORD n, const char *only_file)
{
    DWORD i;

    for (i = 0; i < n; i++) {
        if (only_file && (!p[i].file || strcmp(p[i].file, only_file) != 0))
            continue;
        fprintf(f, "%s%s %s: %s\n", indent,
                p[i].severity == EAPHOST_PROBLEM_ERROR ? "error  " : "warning",
                p[i].file ? p[i].file : "(registry)",
                p[i].reason ? p[i].reason : "");
    }
}
