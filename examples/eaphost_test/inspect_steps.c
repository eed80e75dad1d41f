/*
 * inspect_steps.c - pieces both halves' inspection use: the load steps
 * read from the host's verdict, and the well-formed Request sent to a
 * peer half.
 */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "inspect.h"

bool inspect_load_steps(const char *half, int state, const char *reason,
                        const char *const *prefixes,
                        const char *const *ok_texts)
{
    size_t k, failed = 0;
    bool matched = false;

    if (state == EAPHOST_METHOD_READY) {
        for (k = 0; prefixes[k]; k++)
            insp_ok("%s", ok_texts[k]);
        return true;
    }
    if (state != EAPHOST_METHOD_FAULTY) {
        insp_fail("load: the host left the %s half %s", half,
                  cli_state_name((eaphost_method_state)state));
        return false;
    }
    for (k = 0; reason && prefixes[k] && !matched; k++) {
        if (strncmp(reason, prefixes[k], strlen(prefixes[k])) == 0) {
            failed = k;
            matched = true;
        }
    }
    for (k = 0; matched && k < failed; k++)
        insp_ok("%s", ok_texts[k]);
    /* The host's reasons start with the step: "load: ...", ... */
    if (matched)
        insp_fail("%s", reason);
    else
        insp_fail("load: %s", reason ? reason : "faulty, without a reason");
    return false;
}

/* Type data of a Request each bundled method accepts; else some bytes. */
static DWORD default_data(const EAP_TYPE *t, BYTE *d)
{
    static const char name[] = "inspect";
    DWORD n = 0, i;

    switch (t->type == 254 ? 0 : t->type) {
    case 4:         /* MD5-Challenge: Value-Size, Value, Name */
        d[n++] = 16;
        for (i = 0; i < 16; i++)
            d[n++] = (BYTE)(0x11 * i);
        break;
    case 6:         /* GTC: the prompt */
        memcpy(d, "Password: ", 10);
        return 10;
    case 26: {      /* MSCHAPv2 Challenge: OpCode, Id, MS-Length,
                     * Value-Size, Challenge, Name */
        DWORD ms_len = 4 + 1 + 16 + (DWORD)(sizeof name - 1);
        d[n++] = 1;
        d[n++] = 1;
        d[n++] = (BYTE)(ms_len >> 8);
        d[n++] = (BYTE)ms_len;
        d[n++] = 16;
        for (i = 0; i < 16; i++)
            d[n++] = (BYTE)(0x10 + i);
        break;
    }
    default:
        memcpy(d, "eaphost-test", 12);
        return 12;
    }
    memcpy(d + n, name, sizeof name - 1);
    return n + (DWORD)(sizeof name - 1);
}

DWORD inspect_request(const struct inspect_options *o, BYTE *buf, DWORD n)
{
    const EAP_TYPE *t = &o->type.eapType;
    BYTE data[INSPECT_MAX_DATA];
    DWORD len, hdr = t->type == 254 ? 12 : 5;

    if (o->request_data_given) {
        len = o->request_data_len;
        memcpy(data, o->request_data, len);
    } else {
        len = default_data(t, data);
    }
    if (hdr + len > n)
        len = n - hdr;
    buf[0] = 1;                 /* Request */
    buf[1] = 1;                 /* Identifier */
    buf[2] = (BYTE)((hdr + len) >> 8);
    buf[3] = (BYTE)(hdr + len);
    buf[4] = t->type;
    if (t->type == 254) {
        buf[5] = (BYTE)(t->dwVendorId >> 16);
        buf[6] = (BYTE)(t->dwVendorId >> 8);
        buf[7] = (BYTE)t->dwVendorId;
        buf[8] = (BYTE)(t->dwVendorType >> 24);
        buf[9] = (BYTE)(t->dwVendorType >> 16);
        buf[10] = (BYTE)(t->dwVendorType >> 8);
        buf[11] = (BYTE)t->dwVendorType;
    }
    memcpy(buf + hdr, data, len);
    return hdr + len;
}
