/*
 * inspect_probe.c - which exports a plugin has, looked up in a process of
 * its own with dlopen(RTLD_LAZY): the lookup must not leave the file
 * mapped with lazy binding in the process where the host then checks that
 * every symbol binds (glibc would not bind an already-loaded object
 * again), and a constructor that crashes takes only the probe down.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "inspect.h"

static const struct {
    const char *name;
    const char *role;
} exports[EXP_COUNT] = {
    [EXP_PEER_GET_INFO] = { "EapPeerGetInfo", "required (peer half)" },
    [EXP_PEER_FREE_MEMORY] = { "EapPeerFreeMemory", "required (peer half)" },
    [EXP_PEER_FREE_ERROR_MEMORY] = { "EapPeerFreeErrorMemory",
                                     "required (peer half)" },
    [EXP_PEER_QUERY_CREDENTIAL_INPUT_FIELDS] = {
        "EapPeerQueryCredentialInputFields", "optional (peer half)" },
    [EXP_PEER_QUERY_USER_BLOB] = {
        "EapPeerQueryUserBlobFromCredentialInputFields",
        "optional (peer half)" },
    [EXP_DLL_MAIN] = { "DllMain", "optional" },
    [EXP_AUTH_GET_INFO] = { "EapMethodAuthenticatorGetInfo",
                            "required (authenticator half)" },
    [EXP_AUTH_FREE_MEMORY] = { "EapMethodAuthenticatorFreeMemory",
                               "required (authenticator half)" },
    [EXP_AUTH_FREE_ERROR_MEMORY] = { "EapMethodAuthenticatorFreeErrorMemory",
                                     "required (authenticator half)" },
};

/* What the probe process sends back. */
struct probe_answer {
    int opened;
    unsigned present;
    char error[400];
};

/* In the probe process: open lazily, look up, answer, exit. */
static void probe(const char *plugin, int fd)
{
    struct probe_answer a;
    void *h;
    int i;

    memset(&a, 0, sizeof a);
    h = dlopen(plugin, RTLD_LAZY | RTLD_LOCAL);
    if (h) {
        a.opened = 1;
        for (i = 0; i < EXP_COUNT; i++)
            if (dlsym(h, exports[i].name))
                a.present |= 1u << i;
    } else {
        const char *e = dlerror();
        snprintf(a.error, sizeof a.error, "%s", e ? e : "dlopen failed");
    }
    if (write(fd, &a, sizeof a) != (ssize_t)sizeof a)
        _exit(1);
    /* No dlclose, no exit handlers: the plugin's destructors are not
     * under test here. */
    _exit(0);
}

static bool read_all(int fd, void *buf, size_t n)
{
    char *p = buf;

    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        p += r;
        n -= (size_t)r;
    }
    return true;
}

static void print_exports(const struct probe_answer *a)
{
    int i;

    insp_detail("exports (looked up without binding):");
    for (i = 0; i < EXP_COUNT; i++)
        insp_detail("  %-46s %-8s %s", exports[i].name,
                    a->present & (1u << i) ? "present" : "missing",
                    exports[i].role);
}

bool inspect_probe_exports(const char *plugin, struct inspect_exports *out)
{
    struct probe_answer a;
    int fds[2], wstatus = 0;
    bool answered;
    pid_t pid;

    memset(out, 0, sizeof *out);
    insp_step("looking up the exports (dlopen RTLD_LAZY, ELF constructors)");
    if (pipe(fds) != 0) {
        insp_warn("exports: not listed: pipe: %s", strerror(errno));
        return true;
    }
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        close(fds[0]);
        probe(plugin, fds[1]);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        insp_warn("exports: not listed: fork: %s", strerror(errno));
        return true;
    }
    answered = read_all(fds[0], &a, sizeof a);
    close(fds[0]);
    while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
        ;
    if (WIFSIGNALED(wstatus)) {
        insp_fail("load: the plugin crashed while it was opened (its ELF "
                  "constructors): signal %d (%s)", WTERMSIG(wstatus),
                  strsignal(WTERMSIG(wstatus)));
        return false;
    }
    if (!answered) {
        insp_warn("exports: not listed: the lookup process gave no answer");
        return true;
    }
    if (!a.opened) {
        insp_detail("exports: not listed: %s", a.error);
        return true;
    }
    out->listed = true;
    out->present = a.present;
    print_exports(&a);
    return true;
}
