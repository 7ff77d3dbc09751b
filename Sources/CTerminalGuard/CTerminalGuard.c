// The signal handlers behind CTerminalGuard.h. Everything a handler touches is either a
// `volatile sig_atomic_t` or data written once before the handler was installed, and the only
// calls are async-signal-safe ones (write, read, lseek, open, dup2, tcsetattr, sigaction,
// sigprocmask, raise, _exit), apart from the previous crash handler a crash is handed on to.
// The stderr capture at the end runs outside handlers and may use stdio.
#include "CTerminalGuard.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t quit_signal = 0;

// Set before the crash handler is installed and never changed afterwards (apart from `armed`).
static char reset_sequence[256];
static size_t reset_length = 0;
static struct termios saved_termios;
static volatile sig_atomic_t have_termios = 0;
static volatile sig_atomic_t reset_armed = 0;

// The stderr capture: the real stderr, saved, and the file fd 2 points at meanwhile (-1: none).
static volatile sig_atomic_t original_stderr = -1;
static volatile sig_atomic_t capture_fd = -1;

// The alternate stack for the handlers, when nobody has set one up.
static char alternate_stack[64 * 1024];

// The line written after the restore when the program crashes, and whether the crash is then
// handed to the handler that was there before (the Swift runtime's backtracer): 0 no, 1 yes,
// 2 yes with stderr on /dev/null.
static char crash_note[512];
static volatile sig_atomic_t crash_note_length = 0;
static volatile sig_atomic_t chain_crashes = 0;

static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT, SIGQUIT, SIGSYS };
#define CRASH_SIGNAL_COUNT (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction previous_crash_actions[CRASH_SIGNAL_COUNT];

// Every other signal whose default action ends the process (the quit signals aside); the
// real-time ones are added at run time, since SIGRTMIN is not a constant.
static const int ending_signals[] = {
    SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
#ifdef SIGIO
    SIGIO,
#endif
#if defined(SIGPOLL) && (!defined(SIGIO) || SIGPOLL != SIGIO)
    SIGPOLL,
#endif
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
#ifdef SIGEMT
    SIGEMT,
#endif
#ifdef SIGLOST
    SIGLOST,
#endif
};

static void write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        bytes += written;
        length -= (size_t)written;
    }
}

// Copies what was captured from stderr to the real stderr. Async-signal-safe.
static void replay_capture(void) {
    int from = capture_fd, to = original_stderr;
    if (from < 0 || to < 0) return;
    if (lseek(from, 0, SEEK_SET) < 0) return;
    char buffer[512];
    for (;;) {
        ssize_t got = read(from, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return;
        write_all(to, buffer, (size_t)got);
    }
}

// Puts the terminal back as the shell had it, then shows what went to stderr meanwhile and
// points stderr at the terminal again, for whatever is written after. Async-signal-safe.
static void restore_terminal(void) {
    int saved_errno = errno;
    if (reset_armed) {
        write_all(STDOUT_FILENO, reset_sequence, reset_length);
        if (have_termios) (void)tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
    }
    replay_capture();
    if (capture_fd >= 0 && original_stderr >= 0) (void)dup2(original_stderr, STDERR_FILENO);
    errno = saved_errno;
}

// Dies of `sig` the default way (core dump or termination), as if nothing had caught it.
static void die_by_default(int sig) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    (void)sigaction(sig, &action, NULL);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, sig);
    (void)sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    (void)raise(sig);
    // A fault re-executes the faulting instruction on return and dies then; anything else
    // (a signal that somehow did not kill) ends here.
    _exit(128 + sig);
}

static const struct sigaction *previous_crash_action(int sig) {
    for (size_t i = 0; i < CRASH_SIGNAL_COUNT; i++) {
        if (crash_signals[i] == sig) return &previous_crash_actions[i];
    }
    return NULL;
}

// The terminal first, then one line, then (when asked for) the handler that was there before:
// the Swift runtime's backtracer, as the user's SWIFT_BACKTRACE set it up. It returns after
// the backtrace; the process then dies of the signal as it would have.
static void on_crash(int sig, siginfo_t *info, void *context) {
    restore_terminal();
    if (crash_note_length > 0) write_all(STDERR_FILENO, crash_note, (size_t)crash_note_length);
    const struct sigaction *previous = previous_crash_action(sig);
    if (chain_crashes && previous != NULL) {
        if (previous->sa_flags & SA_SIGINFO) {
            if (previous->sa_sigaction != NULL) {
                (void)sigaction(sig, previous, NULL);
                previous->sa_sigaction(sig, info, context);
            }
        } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
            (void)sigaction(sig, previous, NULL);
            previous->sa_handler(sig);
        }
    }
    die_by_default(sig);
}

static void on_ending_signal(int sig) {
    restore_terminal();
    die_by_default(sig);
}

static void on_pipe(int sig) { (void)sig; }

static void on_quit(int sig) {
    if (quit_signal != 0) {
        // The app has not finished with the first one (it is stuck, or already leaving): leave
        // now, terminal restored, with the status the first one would have given.
        restore_terminal();
        _exit(128 + sig);
    }
    quit_signal = sig;
}

void sd_install_quit_handlers(void) {
    const int signals[] = { SIGINT, SIGTERM, SIGHUP };
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_quit;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;  // no SA_RESTART: get_wch must return so the loop sees the flag
        (void)sigaction(signals[i], &action, NULL);
    }
}

int sd_quit_signal(void) { return quit_signal; }

int sd_take_interrupt(void) {
    // Only a pending SIGINT is taken back; a TERM or HUP that arrived since still ends the app.
    if (quit_signal != SIGINT) return 0;
    quit_signal = 0;
    return 1;
}

// exit() without the screen's stop() (an early return, a library calling exit) would leave the
// terminal on the alternate screen with echo off: do what the crash handler does.
static void on_exit_without_stop(void) { restore_terminal(); }

static void install(int sig, void (*handler)(int), struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigfillset(&action.sa_mask);  // one handler at a time: another signal waits until we are gone
    action.sa_flags = SA_ONSTACK;
    (void)sigaction(sig, &action, previous);
}

void sd_install_fatal_handlers(void) {
    static int installed = 0;
    if (installed) return;
    installed = 1;

    // A stack overflow faults on the guard page; the handler needs a stack of its own to run.
    // One set up already (the Swift runtime's) is kept.
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
        stack_t stack;
        memset(&stack, 0, sizeof stack);
        stack.ss_sp = alternate_stack;
        stack.ss_size = sizeof alternate_stack;
        (void)sigaltstack(&stack, NULL);
    }

    for (size_t i = 0; i < CRASH_SIGNAL_COUNT; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = on_crash;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        (void)sigaction(crash_signals[i], &action, &previous_crash_actions[i]);
    }
    for (size_t i = 0; i < sizeof ending_signals / sizeof ending_signals[0]; i++) {
        install(ending_signals[i], on_ending_signal, NULL);
    }
#if defined(SIGRTMIN) && defined(SIGRTMAX)
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++) install(sig, on_ending_signal, NULL);
#endif
    // SIGPIPE is caught and dropped, so a write to a closed pipe fails with EPIPE and the caller
    // reports it. Caught rather than SIG_IGN: exec resets a caught signal, so an editor or a
    // browser we start still gets the default.
    struct sigaction pipe_action;
    memset(&pipe_action, 0, sizeof pipe_action);
    pipe_action.sa_handler = on_pipe;
    sigemptyset(&pipe_action.sa_mask);
    pipe_action.sa_flags = SA_RESTART;
    (void)sigaction(SIGPIPE, &pipe_action, NULL);
}

void sd_set_crash_note(const char *note, int chain) {
    size_t length = note == NULL ? 0 : strlen(note);
    if (length > sizeof crash_note) length = sizeof crash_note;
    crash_note_length = 0;
    if (length > 0) memcpy(crash_note, note, length);
    crash_note_length = (sig_atomic_t)length;
    chain_crashes = chain == 1 ? 1 : 0;
}

int sd_install_crash_handler(const char *reset, size_t len) {
    static int registered = 0;
    if (!registered) registered = atexit(on_exit_without_stop) == 0;
    if (len > sizeof reset_sequence) len = sizeof reset_sequence;
    memcpy(reset_sequence, reset, len);
    reset_length = len;
    have_termios = tcgetattr(STDIN_FILENO, &saved_termios) == 0;
    reset_armed = 1;
    sd_install_fatal_handlers();
    return have_termios ? 0 : -1;
}

void sd_set_crash_reset_armed(int armed) { reset_armed = armed ? 1 : 0; }

int sd_capture_stderr(void) {
    if (capture_fd >= 0 || !isatty(STDERR_FILENO)) return 0;
    FILE *file = tmpfile();  // already unlinked: nothing is left behind, whatever happens
    if (file == NULL) return -1;
    // Duplicates above 2 with close-on-exec, so that programs started meanwhile do not inherit them.
    int capture = fcntl(fileno(file), F_DUPFD_CLOEXEC, 3);
    fclose(file);
    if (capture < 0) return -1;
    int original = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    if (original < 0) {
        close(capture);
        return -1;
    }
    fflush(stderr);
    if (dup2(capture, STDERR_FILENO) < 0) {
        close(capture);
        close(original);
        return -1;
    }
    original_stderr = original;
    capture_fd = capture;
    return 0;
}

void sd_pause_stderr_capture(int paused) {
    if (capture_fd < 0) return;
    fflush(stderr);
    (void)dup2(paused ? original_stderr : capture_fd, STDERR_FILENO);
}

void sd_release_stderr(void) {
    if (capture_fd < 0) return;
    fflush(stderr);
    (void)dup2(original_stderr, STDERR_FILENO);
    replay_capture();
    int capture = capture_fd, original = original_stderr;
    capture_fd = -1;
    original_stderr = -1;
    close(capture);
    close(original);
}
