/*
 * cli.h - what the parts of eaphost-test share: exit statuses, argument
 * helpers (args.c), output helpers (output.c), the timeout (timeout.c)
 * and the three commands.
 *
 * eaphost-test uses libeaphost's public API only.
 */
#ifndef EAPHOST_TEST_CLI_H
#define EAPHOST_TEST_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <eaptypes.h>
#include <eaphost/eaphost.h>

/* Exit statuses. */
#define CLI_EXIT_OK 0       /* success, usable, no faults */
#define CLI_EXIT_FAILED 1   /* authentication failed, defects, bad input */
#define CLI_EXIT_USAGE 2    /* bad arguments */

#define CLI_NAME "eaphost-test"

/* Default overall timeout of auth and inspect, in seconds. */
#define CLI_DEFAULT_TIMEOUT 30u
/* Default largest packet (dwMaxSendPacketSize). */
#define CLI_DEFAULT_MAX_SEND 1020u

/* ---- main.c ------------------------------------------------------------ */

/**
 * cli_usage_error() - report bad arguments: the message and the usage of
 * @command on stderr.
 * @command: "methods", "inspect", "auth", or NULL for the whole program.
 * @fmt: printf format of the message.
 *
 * Return: CLI_EXIT_USAGE, for `return cli_usage_error(...)`.
 */
int cli_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/**
 * cli_help() - print the usage of @command and the help text on stdout.
 * @command: as for cli_usage_error().
 *
 * Return: CLI_EXIT_OK.
 */
int cli_help(const char *command);

/**
 * cli_print_usage() - the usage lines of @command (NULL: all commands).
 * @f: where to print.
 * @command: as for cli_usage_error().
 */
void cli_print_usage(FILE *f, const char *command);

/* ---- args.c ------------------------------------------------------------ */

/**
 * cli_parse_u32() - a whole decimal or 0x-hexadecimal number.
 * @s: the text.
 * @max: the largest value accepted.
 * @out: receives the value.
 *
 * Return: true when @s is a number from 0 to @max and nothing else.
 */
bool cli_parse_u32(const char *s, DWORD max, DWORD *out);

/**
 * cli_parse_type() - an EAP type: "T" (4 to 253) or "254:VENDOR:VENDORTYPE".
 * @s: the text.
 * @out: receives the type (vendor fields zero for a legacy type).
 *
 * Return: true when well formed and in range.
 */
bool cli_parse_type(const char *s, EAP_TYPE *out);

/**
 * cli_parse_method() - a method name (md5, gtc, mschapv2) or an EAP type.
 * @s: the text.
 * @out: receives the type and, for a name, its author.
 * @author_known: receives true for a name, false for a bare type (the
 *                author is then to be found in the registry).
 *
 * Return: true when @s is a known name or a well-formed type.
 */
bool cli_parse_method(const char *s, EAP_METHOD_TYPE *out,
                      bool *author_known);

/**
 * cli_use_methods_dir() - the registry directory: @dir when given, else
 * EAPHOST_METHODS_DIR or the built-in default.
 * @dir: the --methods-dir value, or NULL.
 *
 * Return: true, or false after a message on stderr.
 */
bool cli_use_methods_dir(const char *dir);

/**
 * cli_find_author() - the author of the one registered method of @type.
 * @type: the type asked for; its dwAuthorId is set when exactly one
 *        registered method has this EAP type, and left as is otherwise.
 *
 * Needs EapHostPeerInitialize().
 */
void cli_find_author(EAP_METHOD_TYPE *type);

/* ---- output.c ---------------------------------------------------------- */

/* Room for any text cli_type_text() writes. */
#define CLI_TYPE_TEXT 48

/**
 * cli_type_text() - an EAP type as "4" or "254:39321:7".
 * @t: the type.
 * @buf: receives the text, CLI_TYPE_TEXT bytes.
 *
 * Return: @buf.
 */
const char *cli_type_text(const EAP_TYPE *t, char *buf);

/**
 * cli_print_properties() - eapProp* bits as "0x... Name Name ...".
 * @f: where to print.
 * @props: the bits.
 */
void cli_print_properties(FILE *f, DWORD props);

/**
 * cli_state_name() - "READY", "FAULTY", "NOT LOADED" or "LOADING".
 * @state: the state.
 *
 * Return: a static string.
 */
const char *cli_state_name(eaphost_method_state state);

/**
 * cli_print_hex() - bytes as lowercase hex without separators.
 * @f: where to print.
 * @p: the bytes.
 * @n: how many.
 */
void cli_print_hex(FILE *f, const BYTE *p, size_t n);

/**
 * cli_error_text() - the root cause of an EAP_ERROR in UTF-8.
 * @e: the error, or NULL.
 *
 * Return: a new string (free with free()), or NULL when there is none.
 */
char *cli_error_text(const EAP_ERROR *e);

/**
 * cli_print_problems() - registry problems, one per line.
 * @f: where to print.
 * @indent: printed before each line.
 * @p: the problems.
 * @n: how many.
 * @only_file: print only those about this file, or NULL for all.
 */
void cli_print_problems(FILE *f, const char *indent, const eaphost_problem *p,
                        DWORD n, const char *only_file);

/* ---- timeout.c --------------------------------------------------------- */

/**
 * cli_start_timeout() - end the process with a message and exit status 1
 * when @seconds have passed (0: never).
 * @seconds: the limit.
 */
void cli_start_timeout(unsigned seconds);

/* ---- the commands ------------------------------------------------------ */

/**
 * cli_methods() - `eaphost-test methods`.
 * @argc: arguments, the command name first.
 * @argv: the arguments.
 *
 * Return: the exit status.
 */
int cli_methods(int argc, char **argv);

/**
 * cli_inspect() - `eaphost-test inspect`.
 * @argc: arguments, the command name first.
 * @argv: the arguments.
 *
 * Return: the exit status.
 */
int cli_inspect(int argc, char **argv);

/**
 * cli_auth() - `eaphost-test auth`.
 * @argc: arguments, the command name first.
 * @argv: the arguments.
 *
 * Return: the exit status.
 */
int cli_auth(int argc, char **argv);

#endif /* EAPHOST_TEST_CLI_H */
