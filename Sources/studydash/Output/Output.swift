#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyApp
import StudyCore
import StudyText

/// Writes command output. Text that came from notes goes through `safe`, so that no control
/// character from a notes folder reaches the terminal.
///
/// A write to standard output that fails ends the command: with one line naming the reason and
/// status 1 (`> /dev/full`, a closed descriptor), or quietly with status 1 when the reader went
/// away (`| head`): SIGPIPE is ignored so that the broken pipe arrives as an error we handle
/// rather than as a silent death in the middle of a command.
enum Output {
    /// Notes text made printable (see `TerminalSafe`).
    static func safe(_ text: String) -> String { TerminalSafe.escape(text) }

    /// JSON is indented for a person at a terminal and compact for a pipe or a file.
    static let isTerminal = isatty(STDOUT_FILENO) == 1

    static func write(_ text: String) { write(Array(text.utf8)) }

    static func write(_ bytes: [UInt8]) {
        _ = brokenPipeIsAnError
        if let failure = write(bytes, to: STDOUT_FILENO) {
            if failure != EPIPE { error("cannot write to standard output: \(String(cString: strerror(failure)))") }
            exit(1)
        }
    }

    /// The parser's own messages (usage errors) on standard error, as it formats them.
    static func usage(_ message: String) {
        _ = write(Array((message.hasSuffix("\n") ? message : message + "\n").utf8), to: STDERR_FILENO)
    }

    static func error(_ message: String) {
        note("studydash: \(message)")
    }

    /// One line on standard error that is not an error (what a command did when its output went
    /// to a file), so that standard output stays clean for a pipe.
    static func note(_ message: String) {
        _ = write(Array("\(TerminalSafe.escape(message, keepNewlines: true))\n".utf8), to: STDERR_FILENO)
    }

    private static let brokenPipeIsAnError: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Writes all of `bytes`, or returns the errno of the write that failed.
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        _ = brokenPipeIsAnError
        return FileBytes.write(bytes, to: descriptor)
    }
}
