/*
 * timeout.c - the overall time limit of a command: SIGALRM ends the
 * process with a message and exit status 1.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Written by the handler; prepared beforehand (snprintf is not
 * async-signal-safe). */
static char timeout_message[96];
static size_t timeout_message_len;

static void on_alarm(int sig)
{
    ssize_t ignored;

    (void)sig;
    ignored = write(STDERR_FILENO, timeout_message, timeout_message_len);
    (void)ignored;
    _exit(CLI_EXIT_FAILED);
}

void cli_start_timeout(unsigned seconds)
{
    struct sigaction sa;

    if (seconds == 0)
        return;
    snprintf(timeout_message, sizeof timeout_message,
             CLI_NAME ": timed out after %u s (--timeout)\n", seconds);
    timeout_message_len = strlen(timeout_message);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    alarm(seconds);
}
