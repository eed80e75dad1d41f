/*
 * auth_run.h - `eaphost-test auth` after its arguments are parsed: the
 * options (cmd_auth.c fills them) and the run (auth_run.c).
 */
#ifndef EAPHOST_TEST_AUTH_RUN_H
#define EAPHOST_TEST_AUTH_RUN_H

#include <stdbool.h>

#include <eaptypes.h>

#include "cmd_auth_radius.h"

struct auth_options {
    EAP_METHOD_TYPE type;        /* --method (and --author) */
    bool method_given;
    bool author_known;           /* the method was given by name */
    bool author_given;           /* --author */
    DWORD author;
    const char *identity;
    const char *password;        /* NULL: none */
    const char *server_password; /* NULL: the password */
    const char *users_file;      /* NULL: one user, the identity */
    const char *trace_file;
    bool trace_secrets;
    DWORD count;                 /* -n */
    bool count_given;
    DWORD timeout;               /* seconds, 0: none */
    DWORD max_send;
    bool max_send_given;         /* --max-send */
    const char *methods_dir;
    struct auth_radius_options radius;   /* --radius and its options */
};

/**
 * auth_run() - run the authentications @o asks for and print the results.
 * @o: the parsed options; the timeout is already running.
 *
 * Return: the exit status: 0 when every authentication succeeded (and
 * the MSKs of both sides match where keys were derived), 1 otherwise.
 */
int auth_run(const struct auth_options *o);

#endif /* EAPHOST_TEST_AUTH_RUN_H */
