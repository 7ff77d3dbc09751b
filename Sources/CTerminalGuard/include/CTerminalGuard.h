// Async-signal-safe terminal protection: the quit flag set by SIGINT/SIGTERM/SIGHUP, and the
// handlers that put the terminal back before the process dies of a crash or of any other signal
// whose default is to end it. Written in C because a
// signal handler may only touch `volatile sig_atomic_t` and call async-signal-safe functions,
// which Swift code cannot promise.
#ifndef STUDYDASH_CTERMINALGUARD_H
#define STUDYDASH_CTERMINALGUARD_H

#include <stddef.h>

/// Installs handlers for SIGINT, SIGTERM and SIGHUP (without SA_RESTART, so a blocking read
/// returns EINTR) that record the signal number. A second quit signal while the first is still
/// recorded ends the process at once with `_exit(128 + signal)`, after the crash handler's
/// terminal reset (a way out of a hung loop; five Ctrl-C still mean exit status 130). SIGWINCH and SIGTSTP are left alone: ncurses installs its own handlers for them
/// only where the disposition is still SIG_DFL. Call before initscr/newterm.
void sd_install_quit_handlers(void);

/// The signal number recorded by a quit handler, or 0.
int sd_quit_signal(void);

/// Takes back a pending SIGINT (returns 1) so that the app can answer Ctrl-C itself, e.g. ask
/// before an editor's unsaved text is lost; any other pending quit signal is left (returns 0).
int sd_take_interrupt(void);

/// Installs, once, the handlers for every signal whose default is to end the process, apart
/// from the quit signals: the crashes (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT,
/// SIGQUIT, SIGSYS) and the rest (SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
/// SIGXFSZ, SIGIO, SIGSTKFLT, SIGPWR, SIGRTMIN…SIGRTMAX where they exist). Each one restores the
/// terminal (when armed, see `sd_install_crash_handler`), replays captured stderr, and dies of
/// the signal with SIG_DFL; a crash also writes the note of `sd_set_crash_note` first. They run
/// on an alternate stack (the one already set up, else one of ours), so that a stack overflow
/// is handled too. SIGPIPE is caught and dropped (a write to a closed pipe fails with EPIPE
/// instead; unlike SIG_IGN, programs started later get the default back).
void sd_install_fatal_handlers(void);

/// The line (at most 512 bytes, with its newline) written to stderr after the terminal is
/// restored when the process crashes; NULL or "" for none. With `chain` = 1 the crash is then
/// handed to the handler that was installed before ours (the Swift runtime's backtracer) before
/// the process dies; 0 does not hand it on.
void sd_set_crash_note(const char *note, int chain);

/// Stores a copy of `reset` (at most 255 bytes) and the current termios of stdin, arms the
/// handlers of `sd_install_fatal_handlers` (installing them if needed) to write(2) the reset to
/// stdout and restore the termios. Call before initscr/newterm, so the saved termios are the
/// shell's. Returns 0, or -1 when stdin's termios could not be read (the handlers then only
/// write the reset). Also registers an atexit hook that does the same restore when the process
/// exits while the reset is still armed.
int sd_install_crash_handler(const char *reset, size_t len);

/// Makes the crash handler skip the terminal reset (after endwin the terminal is already sane);
/// it still restores SIG_DFL and re-raises. `armed` = 1 turns the reset back on.
void sd_set_crash_reset_armed(int armed);

/// While the screen is up, anything written to stderr (a warning, Swift's "Fatal error: ..."
/// line just before a trap) would land on the alternate screen and vanish with it. When stderr
/// is the terminal, this points fd 2 at an unlinked temporary file instead; the crash handler
/// replays the file to the real stderr after the terminal reset, and `sd_release_stderr` does
/// the same on a normal exit. Returns 0 (also when stderr is not a terminal and is left alone),
/// or -1 when no temporary file could be made (stderr is then left alone too).
int sd_capture_stderr(void);

/// Points fd 2 back at the real stderr while `paused` is 1 (an editor runs in the terminal and
/// should report its own errors there), at the capture file again when 0.
void sd_pause_stderr_capture(int paused);

/// Ends the capture: fd 2 is the real stderr again and what was captured is written to it.
void sd_release_stderr(void);

#endif
