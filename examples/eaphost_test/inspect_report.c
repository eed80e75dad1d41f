/*
 * inspect_report.c - the lines the inspect child prints, the count of
 * defects and warnings, and the step messages for the parent.
 *
 * Every line is flushed at once: a crash loses nothing printed before it.
 * The parent reads "step <name>" lines and a last "done <status>" from the
 * pipe (cmd_inspect.c).
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <eappapis.h>

#include "cli.h"
#include "inspect.h"

static int step_pipe = -1;
static unsigned defects, warnings;

void insp_report_init(int step_fd)
{
    step_pipe = step_fd;
    defects = warnings = 0;
}

static void pipe_write(const char *s, size_t n)
{
    while (n > 0 && step_pipe >= 0) {
        ssize_t w = write(step_pipe, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

void insp_step(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    int len;

    memcpy(buf, "step ", 5);
    va_start(ap, fmt);
    len = vsnprintf(buf + 5, sizeof buf - 6, fmt, ap);
    va_end(ap);
    if (len < 0)
        return;
    len = (int)strlen(buf);
    buf[len++] = '\n';
    pipe_write(buf, (size_t)len);
}

static void line(const char *marker, const char *fmt, va_list ap)
{
    fputs(marker, stdout);
    vprintf(fmt, ap);
    putchar('\n');
    fflush(stdout);
}

void insp_ok(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    line("ok   ", fmt, ap);
    va_end(ap);
}

void insp_fail(const char *fmt, ...)
{
    va_list ap;

    defects++;
    va_start(ap, fmt);
    line("FAIL ", fmt, ap);
    va_end(ap);
}

void insp_warn(const char *fmt, ...)
{
    va_list ap;

    warnings++;
    va_start(ap, fmt);
    line("warn ", fmt, ap);
    va_end(ap);
}

void insp_section(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    line("", fmt, ap);
    va_end(ap);
}

void insp_detail(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    line("     ", fmt, ap);
    va_end(ap);
}

void insp_packet(const char *label, const BYTE *p, DWORD n)
{
    DWORD i;

    printf("     %-9s", label);
    for (i = 0; i < n && i < 64; i++)
        printf(" %02x", p[i]);
    if (n > 64)
        printf(" ... (%" PRIu32 " bytes)", (uint32_t)n);
    putchar('\n');
    fflush(stdout);
}

int insp_finish(void)
{
    char buf[32];
    int status = defects ? 1 : 0;

    printf("result: %s (%u defect%s, %u warning%s)\n",
           defects ? "UNUSABLE" : "usable", defects, defects == 1 ? "" : "s",
           warnings, warnings == 1 ? "" : "s");
    fflush(stdout);
    snprintf(buf, sizeof buf, "done %d\n", status);
    pipe_write(buf, strlen(buf));
    return status;
}

const char *insp_code_text(char *buf, size_t n, DWORD code, EAP_ERROR *err)
{
    char *text = cli_error_text(err);

    snprintf(buf, n, "%s (0x%08" PRIX32 "): %s", eaphost_error_name(code),
             (uint32_t)code, text ? text : eaphost_error_message(code));
    free(text);
    EapHostPeerFreeEapError(err);
    return buf;
}
