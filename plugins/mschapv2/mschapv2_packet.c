/*
 * mschapv2_packet.c - parse and build EAP-MSCHAPv2 packets; the formats
 * are summarised in mschapv2_packet.h.
 */
#include "mschapv2_packet.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <eaphosterror.h>

#include "method_util.h"

const EAP_METHOD_TYPE mschapv2_method_type = {
    { MSCHAPV2_EAP_TYPE, 0, 0 }, MSCHAPV2_AUTHOR_ID
};

/* Longest decimal field (E=, V=): a DWORD has at most 10 digits. */
#define MAX_DECIMAL_DIGITS 10u

static BOOL bad(char why[MSCHAPV2_WHY_LEN], const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Write the reason into @why and return FALSE. */
static BOOL bad(char why[MSCHAPV2_WHY_LEN], const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(why, MSCHAPV2_WHY_LEN, fmt, ap);
    va_end(ap);
    return FALSE;
}

static const char *opcode_name(BYTE opcode)
{
    switch (opcode) {
    case MSCHAPV2_OP_CHALLENGE: return "Challenge";
    case MSCHAPV2_OP_RESPONSE: return "Response";
    case MSCHAPV2_OP_SUCCESS: return "Success";
    case MSCHAPV2_OP_FAILURE: return "Failure";
    case MSCHAPV2_OP_CHANGE_PASSWORD: return "Change-Password";
    default: return "unknown";
    }
}

/*
 * The OpCodes that may come with @code: Challenge, Success and Failure in
 * a Request; Response, Success and Failure in a Response.  Change-Password
 * is recognised in both so that the halves can refuse it by name.
 */
static BOOL opcode_allowed(BYTE code, BYTE opcode)
{
    switch (opcode) {
    case MSCHAPV2_OP_SUCCESS:
    case MSCHAPV2_OP_FAILURE:
    case MSCHAPV2_OP_CHANGE_PASSWORD:
        return TRUE;
    case MSCHAPV2_OP_CHALLENGE:
        return code == EapCodeRequest;
    case MSCHAPV2_OP_RESPONSE:
        return code == EapCodeResponse;
    default:
        return FALSE;
    }
}

/**
 * mschapv2_parse() - check one EAP-MSCHAPv2 packet and locate its fields.
 * @pkt: the packet (may be NULL).
 * @size: the bytes available at @pkt; bytes beyond the EAP Length are
 *        ignored.
 * @code: EapCodeRequest (the peer parses) or EapCodeResponse (the
 *        authenticator parses).
 * @msg: filled with the Identifier, OpCode, MS-CHAPv2-ID and pointers into
 *       @pkt; zeroed first.
 * @why: receives the defect, in English, when the packet is refused.
 *
 * Checks: a whole EAP packet of Type 26 and Code @code; an OpCode that
 * belongs to that Code; MS-Length equal to the EAP Length minus 5;
 * Value-Size 16 in a Challenge and 49 in a Response; a Response's Reserved
 * octets and Flags zero; Success and Failure Responses of the OpCode
 * alone.  Change-Password (7) is returned with only @msg->opcode set: this
 * method does not support it, and its callers say so.  The Name and
 * message texts are not interpreted here.
 *
 * Return: TRUE when the packet is well formed, FALSE otherwise.
 */
BOOL mschapv2_parse(const EapPacket *pkt, DWORD size, BYTE code,
                    struct mschapv2_msg *msg, char why[MSCHAPV2_WHY_LEN])
{
    DWORD dlen, ms_len, need;
    const BYTE *d;

    memset(msg, 0, sizeof(*msg));
    why[0] = '\0';
    d = mu_type_data(pkt, size, MSCHAPV2_EAP_TYPE, &dlen);
    if (!d)
        return bad(why, "not an EAP-MSCHAPv2 packet: shorter than its "
                   "header, Length beyond the %u bytes received, or a "
                   "Type other than 26", (unsigned)size);
    if (pkt->Code != code)
        return bad(why, "EAP Code %u where %s was expected",
                   (unsigned)pkt->Code,
                   code == EapCodeRequest ? "a Request" : "a Response");
    msg->eap_id = pkt->Id;
    if (dlen == 0)
        return bad(why, "no OpCode");
    msg->opcode = d[0];
    if (!opcode_allowed(code, d[0]))
        return bad(why, "OpCode %u (%s) is not valid in %s",
                   (unsigned)d[0], opcode_name(d[0]),
                   code == EapCodeRequest ? "a Request" : "a Response");
    if (d[0] == MSCHAPV2_OP_CHANGE_PASSWORD)
        return TRUE;
    if (code == EapCodeResponse &&
        (d[0] == MSCHAPV2_OP_SUCCESS || d[0] == MSCHAPV2_OP_FAILURE)) {
        if (dlen != 1)
            return bad(why, "%s Response with %u bytes after the Type: it "
                       "is the OpCode alone", opcode_name(d[0]),
                       (unsigned)dlen);
        return TRUE;
    }
    if (dlen < MSCHAPV2_HEADER_LEN)
        return bad(why, "%s packet too short for MS-CHAPv2-ID and "
                   "MS-Length", opcode_name(d[0]));
    msg->ms_id = d[1];
    ms_len = mu_be16(d + 2);
    if (ms_len != dlen)
        return bad(why, "MS-Length %u is not the EAP Length minus 5 (%u)",
                   (unsigned)ms_len, (unsigned)dlen);
    if (d[0] == MSCHAPV2_OP_SUCCESS || d[0] == MSCHAPV2_OP_FAILURE) {
        msg->message = d + MSCHAPV2_HEADER_LEN;
        msg->message_len = dlen - MSCHAPV2_HEADER_LEN;
        return TRUE;
    }
    /* Challenge or Response: Value-Size, Value, Name. */
    need = d[0] == MSCHAPV2_OP_CHALLENGE ? MSCHAPV2_CHALLENGE_LEN
                                         : MSCHAPV2_RESPONSE_VALUE_LEN;
    if (dlen < MSCHAPV2_HEADER_LEN + 1)
        return bad(why, "%s without Value-Size", opcode_name(d[0]));
    if (d[MSCHAPV2_HEADER_LEN] != need)
        return bad(why, "%s Value-Size %u, must be %u", opcode_name(d[0]),
                   (unsigned)d[MSCHAPV2_HEADER_LEN], (unsigned)need);
    if (dlen < MSCHAPV2_HEADER_LEN + 1 + need)
        return bad(why, "%s shorter than its %u-byte value",
                   opcode_name(d[0]), (unsigned)need);
    msg->value = d + MSCHAPV2_HEADER_LEN + 1;
    msg->name = msg->value + need;
    msg->name_len = dlen - MSCHAPV2_HEADER_LEN - 1 - need;
    if (d[0] == MSCHAPV2_OP_RESPONSE) {
        static const BYTE zero[8];
        const BYTE *reserved = msg->value + MSCHAPV2_CHALLENGE_LEN;

        if (memcmp(reserved, zero, sizeof(zero)) != 0)
            return bad(why, "Response with non-zero Reserved octets");
        if (msg->value[MSCHAPV2_RESPONSE_VALUE_LEN - 1] != 0)
            return bad(why, "Response with non-zero Flags (%u)",
                       (unsigned)msg->value[MSCHAPV2_RESPONSE_VALUE_LEN - 1]);
    }
    return TRUE;
}

/* Value of a hexadecimal digit, or -1. */
static int hex_digit(BYTE c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Decode 2 * @n hex digits at @s into @out; FALSE on a non-hex digit. */
static BOOL hex_decode(const BYTE *s, BYTE *out, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        int hi = hex_digit(s[2 * i]), lo = hex_digit(s[2 * i + 1]);

        if (hi < 0 || lo < 0)
            return FALSE;
        out[i] = (BYTE)(hi << 4 | lo);
    }
    return TRUE;
}

/**
 * mschapv2_parse_success() - read the text of a Success Request.
 * @text: the message (struct mschapv2_msg.message).
 * @len: its length.
 * @digest: receives the 20 octets of the S= field.
 * @why: receives the defect when the text is refused.
 *
 * Accepted: "S=" and exactly 40 hexadecimal digits (either case), then
 * either the end or " M=" and any message, which is not interpreted.
 *
 * Return: TRUE when well formed, FALSE otherwise (@digest is then zero).
 */
BOOL mschapv2_parse_success(const BYTE *text, DWORD len,
                            BYTE digest[MSCHAPV2_AUTH_DIGEST_LEN],
                            char why[MSCHAPV2_WHY_LEN])
{
    why[0] = '\0';
    memset(digest, 0, MSCHAPV2_AUTH_DIGEST_LEN);
    if (len < 2 || text[0] != 'S' || text[1] != '=')
        return bad(why, "the Success Request has no S= field");
    if (len < MSCHAPV2_AUTH_STRING_LEN ||
        !hex_decode(text + 2, digest, MSCHAPV2_AUTH_DIGEST_LEN)) {
        memset(digest, 0, MSCHAPV2_AUTH_DIGEST_LEN);
        return bad(why, "the S= field is not 40 hexadecimal digits");
    }
    if (len == MSCHAPV2_AUTH_STRING_LEN)
        return TRUE;
    if (len >= MSCHAPV2_AUTH_STRING_LEN + 3 &&
        memcmp(text + MSCHAPV2_AUTH_STRING_LEN, " M=", 3) == 0)
        return TRUE;
    memset(digest, 0, MSCHAPV2_AUTH_DIGEST_LEN);
    return bad(why, "the Success Request has text after S= that is not "
               "\" M=<message>\"");
}

/*
 * A decimal field of 1 to 10 digits at text[*pos] that fits a DWORD.
 * Advances *pos past the digits.
 */
static BOOL decimal_field(const BYTE *text, DWORD len, DWORD *pos,
                          DWORD *value)
{
    uint64_t v = 0;
    DWORD start = *pos;

    while (*pos < len && text[*pos] >= '0' && text[*pos] <= '9') {
        if (*pos - start == MAX_DECIMAL_DIGITS)
            return FALSE;
        v = v * 10 + (DWORD)(text[*pos] - '0');
        (*pos)++;
    }
    if (*pos == start || v > 0xFFFFFFFFu)
        return FALSE;
    *value = (DWORD)v;
    return TRUE;
}

/* Whether the field @tag (" R=" etc.) starts at text[*pos]; skips it. */
static BOOL field_tag(const BYTE *text, DWORD len, DWORD *pos, const char *tag)
{
    if (len - *pos < 3 || memcmp(text + *pos, tag, 3) != 0)
        return FALSE;
    *pos += 3;
    return TRUE;
}

/**
 * mschapv2_parse_failure() - read the text of a Failure Request.
 * @text: the message (struct mschapv2_msg.message).
 * @len: its length.
 * @f: filled with the fields found; zeroed first.
 * @why: receives the defect when the text is refused.
 *
 * Grammar (RFC 2759 6), fields in this order, separated by one space:
 * "E=" 1-10 digits (required), then optionally " R=" 0 or 1, " C=" 32
 * hexadecimal digits, " V=" 1-10 digits, " M=" and the message to the end.
 * Nothing else may follow.  The message is returned as bytes, not checked.
 *
 * Return: TRUE when well formed, FALSE otherwise.
 */
BOOL mschapv2_parse_failure(const BYTE *text, DWORD len,
                            struct mschapv2_failure *f,
                            char why[MSCHAPV2_WHY_LEN])
{
    DWORD pos = 2;

    memset(f, 0, sizeof(*f));
    why[0] = '\0';
    if (len < 2 || text[0] != 'E' || text[1] != '=')
        return bad(why, "the Failure Request does not start with E=");
    if (!decimal_field(text, len, &pos, &f->error))
        return bad(why, "E= is not a decimal number of 1 to 10 digits");
    if (field_tag(text, len, &pos, " R=")) {
        if (pos == len || (text[pos] != '0' && text[pos] != '1'))
            return bad(why, "R= is not 0 or 1");
        f->has_retry = TRUE;
        f->retry = (BYTE)(text[pos] - '0');
        pos++;
    }
    if (field_tag(text, len, &pos, " C=")) {
        if (len - pos < 2 * MSCHAPV2_CHALLENGE_LEN ||
            !hex_decode(text + pos, f->challenge, MSCHAPV2_CHALLENGE_LEN))
            return bad(why, "C= is not 32 hexadecimal digits");
        f->has_challenge = TRUE;
        pos += 2 * MSCHAPV2_CHALLENGE_LEN;
    }
    if (field_tag(text, len, &pos, " V=")) {
        if (!decimal_field(text, len, &pos, &f->version))
            return bad(why, "V= is not a decimal number of 1 to 10 digits");
        f->has_version = TRUE;
    }
    if (field_tag(text, len, &pos, " M=")) {
        f->text = text + pos;
        f->text_len = len - pos;
        pos = len;
    }
    if (pos != len)
        return bad(why, "unexpected text at offset %u of the Failure "
                   "Request", (unsigned)pos);
    return TRUE;
}

/**
 * mschapv2_failure_to_eaphost() - the EAPHost code for a Failure Request's
 * E= value.
 * @error: the Win32 code the server sent.
 *
 * 691 ERROR_AUTHENTICATION_FAILURE: the user name or password is wrong,
 * EAP_E_USER_NAME_PASSWORD_REJECTED.  646 ERROR_RESTRICTED_LOGON_HOURS,
 * 647 ERROR_ACCT_DISABLED, 648 ERROR_PASSWD_EXPIRED and
 * 649 ERROR_NO_DIALIN_PERMISSION: the credentials are right but the account
 * may not log on now, EAP_E_USER_CREDENTIALS_REJECTED (an error code; the
 * informational EAP_I_USER_ACCOUNT_OTHER_ERROR would not read as a failure).
 * Anything else: EAP_E_AUTHENTICATION_FAILED.
 *
 * Return: the EAPHost code.
 */
DWORD mschapv2_failure_to_eaphost(DWORD error)
{
    switch (error) {
    case MSCHAPV2_E_AUTHENTICATION_FAILURE:
        return EAP_E_USER_NAME_PASSWORD_REJECTED;
    case MSCHAPV2_E_RESTRICTED_LOGON_HOURS:
    case MSCHAPV2_E_ACCT_DISABLED:
    case MSCHAPV2_E_PASSWD_EXPIRED:
    case MSCHAPV2_E_NO_DIALIN_PERMISSION:
        return EAP_E_USER_CREDENTIALS_REJECTED;
    default:
        return EAP_E_AUTHENTICATION_FAILED;
    }
}

/*
 * Check that a packet of @total bytes is possible and fits @capacity; on
 * success write the EAP and MS-CHAPv2 headers (MS-Length = @total - 5).
 */
static DWORD start_packet(EapPacket *pkt, DWORD capacity, BYTE code,
                          BYTE eap_id, BYTE opcode, BYTE ms_id, size_t total,
                          BYTE **body)
{
    BYTE *d;
    DWORD rc;

    rc = mu_begin_packet(pkt, capacity, code, eap_id, MSCHAPV2_EAP_TYPE,
                         total, &d);
    if (rc != ERROR_SUCCESS)
        return rc;
    d[0] = opcode;
    d[1] = ms_id;
    mu_put_be16(d + 2, (DWORD)(total - MU_EAP_TYPE_HEADER));
    *body = d + MSCHAPV2_HEADER_LEN;
    return ERROR_SUCCESS;
}

/*
 * A Challenge or Response: Value-Size | Value | Name after the MS-CHAPv2
 * header.
 */
static DWORD build_value_packet(EapPacket *pkt, DWORD capacity, BYTE code,
                                BYTE eap_id, BYTE opcode, BYTE ms_id,
                                const BYTE *value, BYTE value_len,
                                const char *name, size_t name_len,
                                DWORD *len)
{
    size_t total = MU_EAP_TYPE_HEADER + MSCHAPV2_HEADER_LEN + 1 +
                   value_len + name_len;
    BYTE *b;
    DWORD rc;

    *len = 0;
    rc = start_packet(pkt, capacity, code, eap_id, opcode, ms_id, total, &b);
    if (rc != ERROR_SUCCESS)
        return rc;
    b[0] = value_len;
    memcpy(b + 1, value, value_len);
    if (name_len)
        memcpy(b + 1 + value_len, name, name_len);
    *len = (DWORD)total;
    return ERROR_SUCCESS;
}

/**
 * mschapv2_build_challenge() - a Challenge Request.
 * @pkt: where to write.
 * @capacity: bytes available at @pkt.
 * @eap_id: the EAP Identifier.
 * @ms_id: the MS-CHAPv2-ID.
 * @challenge: the 16-octet Authenticator-Challenge.
 * @name: the authenticator's name (not NUL-terminated on the wire).
 * @name_len: its length.
 * @len: set to the packet's length.
 *
 * Return: ERROR_SUCCESS, ERROR_INSUFFICIENT_BUFFER when @capacity is too
 * small, ERROR_INVALID_PARAMETER when the packet would exceed 65535 bytes.
 */
DWORD mschapv2_build_challenge(EapPacket *pkt, DWORD capacity, BYTE eap_id,
                               BYTE ms_id,
                               const BYTE challenge[MSCHAPV2_CHALLENGE_LEN],
                               const char *name, size_t name_len, DWORD *len)
{
    return build_value_packet(pkt, capacity, EapCodeRequest, eap_id,
                              MSCHAPV2_OP_CHALLENGE, ms_id, challenge,
                              MSCHAPV2_CHALLENGE_LEN, name, name_len, len);
}

/**
 * mschapv2_build_response() - a Response to a Challenge.
 * @pkt: where to write.
 * @capacity: bytes available at @pkt.
 * @eap_id: the EAP Identifier of the Challenge.
 * @ms_id: the MS-CHAPv2-ID of the Challenge.
 * @peer_challenge: the 16-octet Peer-Challenge.
 * @nt_response: the 24-octet NT-Response.
 * @name: the user name as the peer sends it (domain included).
 * @name_len: its length.
 * @len: set to the packet's length.
 *
 * Reserved and Flags are written as zeros.
 *
 * Return: as mschapv2_build_challenge().
 */
DWORD mschapv2_build_response(EapPacket *pkt, DWORD capacity, BYTE eap_id,
                              BYTE ms_id,
                              const BYTE peer_challenge[MSCHAPV2_CHALLENGE_LEN],
                              const BYTE nt_response[MSCHAPV2_NT_RESPONSE_LEN],
                              const char *name, size_t name_len, DWORD *len)
{
    /* Peer-Challenge | Reserved (8 zeros) | NT-Response | Flags (zero) */
    BYTE value[MSCHAPV2_RESPONSE_VALUE_LEN] = { 0 };

    memcpy(value, peer_challenge, MSCHAPV2_CHALLENGE_LEN);
    memcpy(value + MSCHAPV2_CHALLENGE_LEN + 8, nt_response,
           MSCHAPV2_NT_RESPONSE_LEN);
    return build_value_packet(pkt, capacity, EapCodeResponse, eap_id,
                              MSCHAPV2_OP_RESPONSE, ms_id, value,
                              MSCHAPV2_RESPONSE_VALUE_LEN, name, name_len,
                              len);
}

/**
 * mschapv2_build_text_request() - a Success or Failure Request.
 * @pkt: where to write.
 * @capacity: bytes available at @pkt.
 * @eap_id: the EAP Identifier.
 * @opcode: MSCHAPV2_OP_SUCCESS or MSCHAPV2_OP_FAILURE.
 * @ms_id: the MS-CHAPv2-ID (that of the Response being answered).
 * @text: the message ("S=..." or "E=..."), without a NUL on the wire.
 * @text_len: its length.
 * @len: set to the packet's length.
 *
 * Return: as mschapv2_build_challenge().
 */
DWORD mschapv2_build_text_request(EapPacket *pkt, DWORD capacity, BYTE eap_id,
                                  BYTE opcode, BYTE ms_id, const char *text,
                                  size_t text_len, DWORD *len)
{
    size_t total = MU_EAP_TYPE_HEADER + MSCHAPV2_HEADER_LEN + text_len;
    BYTE *b;
    DWORD rc;

    *len = 0;
    rc = start_packet(pkt, capacity, EapCodeRequest, eap_id, opcode, ms_id,
                      total, &b);
    if (rc != ERROR_SUCCESS)
        return rc;
    if (text_len)
        memcpy(b, text, text_len);
    *len = (DWORD)total;
    return ERROR_SUCCESS;
}

/**
 * mschapv2_build_ack() - a Success or Failure Response (the OpCode alone).
 * @pkt: where to write.
 * @capacity: bytes available at @pkt.
 * @eap_id: the EAP Identifier of the Request answered.
 * @opcode: MSCHAPV2_OP_SUCCESS or MSCHAPV2_OP_FAILURE.
 * @len: set to the packet's length, 6.
 *
 * Return: ERROR_SUCCESS, ERROR_INVALID_PARAMETER (NULL @pkt) or
 * ERROR_INSUFFICIENT_BUFFER.
 */
DWORD mschapv2_build_ack(EapPacket *pkt, DWORD capacity, BYTE eap_id,
                         BYTE opcode, DWORD *len)
{
    const DWORD total = MU_EAP_TYPE_HEADER + 1;
    BYTE *b;
    DWORD rc;

    *len = 0;
    rc = mu_begin_packet(pkt, capacity, EapCodeResponse, eap_id,
                         MSCHAPV2_EAP_TYPE, total, &b);
    if (rc != ERROR_SUCCESS)
        return rc;
    b[0] = opcode;
    *len = total;
    return ERROR_SUCCESS;
}
