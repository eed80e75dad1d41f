/*
 * inspect.h - `eaphost-test inspect`, a lint for method plugins.
 *
 * The parent (cmd_inspect.c) parses the arguments, finds the type, makes
 * a private registry directory and forks; the child (inspect_child.c)
 * does the work and reports each step on stdout as
 *     ok   <step>
 *     FAIL <step>: <reason>        a defect that makes the plugin unusable
 *     warn <step>: <text>
 *          <detail>                (five spaces: tables, packets)
 * and tells the parent through a pipe which step it is in, so that a crash
 * or a hang is reported with the step it happened in.
 */
#ifndef EAPHOST_TEST_INSPECT_H
#define EAPHOST_TEST_INSPECT_H

#include <stdbool.h>

#include <eaptypes.h>

/* Longest --request-data. */
#define INSPECT_MAX_DATA 1000u

struct inspect_options {
    const char *plugin;          /* absolute path */
    EAP_METHOD_TYPE type;
    bool request_data_given;
    BYTE request_data[INSPECT_MAX_DATA];
    DWORD request_data_len;
    DWORD timeout;               /* seconds, 0: none */
    const char *registry_dir;    /* private, made by the parent */
};

/* The exports inspect looks up without binding (inspect_probe.c). */
enum inspect_export {
    EXP_PEER_GET_INFO,
    EXP_PEER_FREE_MEMORY,
    EXP_PEER_FREE_ERROR_MEMORY,
    EXP_PEER_QUERY_CREDENTIAL_INPUT_FIELDS,
    EXP_PEER_QUERY_USER_BLOB,
    EXP_DLL_MAIN,
    EXP_AUTH_GET_INFO,
    EXP_AUTH_FREE_MEMORY,
    EXP_AUTH_FREE_ERROR_MEMORY,
    EXP_COUNT
};

/* What the probe found. */
struct inspect_exports {
    bool listed;                 /* the file opened (lazily) */
    unsigned present;            /* bit (1 << enum inspect_export) */
};

/* ---- inspect_report.c: the step lines (child only) --------------------- */

/**
 * insp_report_init() - start reporting.
 * @step_fd: the pipe to the parent.
 */
void insp_report_init(int step_fd);

/**
 * insp_step() - tell the parent which step runs now (for a crash or a
 * hang).
 * @fmt: printf format of the step's name.
 */
void insp_step(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * insp_ok() - an "ok" line.
 * @fmt: printf format of the step and what was checked.
 */
void insp_ok(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * insp_fail() - a "FAIL" line: a defect that makes the plugin unusable.
 * @fmt: printf format: "<step>: <reason>".
 */
void insp_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * insp_warn() - a "warn" line.
 * @fmt: printf format: "<step>: <text>".
 */
void insp_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * insp_section() - a heading line ("peer half:").
 * @fmt: printf format.
 */
void insp_section(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * insp_detail() - a detail line (indented by five spaces).
 * @fmt: printf format.
 */
void insp_detail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * insp_packet() - a packet as a detail line in hex.
 * @label: what it is.
 * @p: the bytes.
 * @n: how many.
 */
void insp_packet(const char *label, const BYTE *p, DWORD n);

/**
 * insp_finish() - the summary line and the end marker for the parent.
 *
 * Return: 0 when no defect was reported, else 1.
 */
int insp_finish(void);

/**
 * insp_code_text() - "NAME (0x...)" and the reason of a failed call.
 * @buf: receives the text.
 * @n: its size.
 * @code: what the call returned.
 * @err: its EAP_ERROR (freed here with EapHostPeerFreeEapError), or NULL.
 *
 * Return: @buf.
 */
const char *insp_code_text(char *buf, size_t n, DWORD code, EAP_ERROR *err);

/* ---- the parts --------------------------------------------------------- */

/**
 * inspect_child() - everything the child does.
 * @o: the options.
 * @step_fd: the pipe to the parent.
 *
 * Return: the child's exit status (0 usable, 1 defects).
 */
int inspect_child(const struct inspect_options *o, int step_fd);

/**
 * inspect_probe_exports() - look the exports up in a separate process,
 * without binding (dlopen RTLD_LAZY), so that nothing of it stays mapped
 * here.
 * @plugin: the file.
 * @out: receives what was found.
 *
 * Reports the exports as detail lines, a crash of the probe as a defect.
 * Return: false when the probe crashed.
 */
bool inspect_probe_exports(const char *plugin, struct inspect_exports *out);

/**
 * inspect_write_registry() - the private registry file naming the plugin.
 * @o: the options (plugin, type, registry directory).
 * @authenticator: register the authenticator half too.
 * @dialogs: PeerInvokeUsernameDialog and PeerInvokePasswordDialog.
 *
 * Return: true, or false after a message.
 */
bool inspect_write_registry(const struct inspect_options *o,
                            bool authenticator, bool dialogs);

/**
 * inspect_peer() - the peer half's load steps and routine table.
 * @o: the options.
 * @exports: what the probe found.
 * @dialogs: receives whether the session is to run with credential
 *           dialogs (the method has EapPeerSetCredentials); when false,
 *           the caller registers the plugin again without them before
 *           inspect_peer_session().
 *
 * The host is initialised on the private registry.
 *
 * Return: true when the half is READY (a session is to follow).
 */
bool inspect_peer(const struct inspect_options *o,
                  const struct inspect_exports *exports, bool *dialogs);

/**
 * inspect_peer_session() - one peer session: BeginSession, one request,
 * EndSession.
 * @o: the options.
 * @dialogs: whether the registry asks for credentials.
 */
void inspect_peer_session(const struct inspect_options *o, bool dialogs);

/**
 * inspect_authenticator() - the authenticator half: load steps, routine
 * table, one session up to its first method Request.
 * @o: the options.
 * @exports: what the probe found.
 *
 * Return: true when the half was READY.
 */
bool inspect_authenticator(const struct inspect_options *o,
                           const struct inspect_exports *exports);

/**
 * inspect_load_steps() - the load steps of one half from the host's
 * verdict: "ok" for each step before the one that failed, "FAIL" for it.
 * @half: "peer" or "authenticator".
 * @state: the half's state after validation.
 * @reason: the fault reason, or NULL.
 * @prefixes: the steps' reason prefixes, in load order, NULL-terminated.
 * @ok_texts: what each step's "ok" line says.
 *
 * Return: true when the half is READY.
 */
bool inspect_load_steps(const char *half, int state, const char *reason,
                        const char *const *prefixes,
                        const char *const *ok_texts);

/**
 * inspect_find_entry() - the half states of the method under inspection.
 * @type: its type.
 * @state: receives the peer half's state.
 * @reason: receives a copy of its reason (free()), or NULL.
 * @auth_state: receives the authenticator half's state.
 * @auth_reason: receives a copy of its reason (free()), or NULL.
 *
 * Return: false when the registry refused the file (the problems are then
 * reported as the load step's defect).
 */
bool inspect_find_entry(const EAP_METHOD_TYPE *type, int *state,
                        char **reason, int *auth_state, char **auth_reason);

/**
 * inspect_request() - the well-formed Request inspect sends to a peer.
 * @o: the options (type, --request-data).
 * @buf: receives the packet.
 * @n: the size of @buf.
 *
 * Return: the packet's length.
 */
DWORD inspect_request(const struct inspect_options *o, BYTE *buf, DWORD n);

/**
 * inspect_type_from_json() - the type in a registry JSON file beside the
 * plugin (NAME.json for NAME.so; for a plugin in a libtool .libs
 * directory, also the directory above).
 * @plugin: the plugin's path.
 * @type: receives the type and author.
 * @json: receives the file's path (free()) when one was read.
 * @report: say on stderr why a file that is there cannot be used.
 *
 * Return: 1 when found, 0 when there is no such file, -1 when a file is
 * there but holds no usable type.
 */
int inspect_type_from_json(const char *plugin, EAP_METHOD_TYPE *type,
                           char **json, bool report);

#endif /* EAPHOST_TEST_INSPECT_H */
