#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyCore

/// Writes command output. Text that came from notes goes through `safe`, so that no control
/// character from a notes folder reaches the terminal.
enum Output {
    /// Notes text made printable (see `TerminalSafe`).
    static func safe(_ text: String) -> String { TerminalSafe.escape(text) }

    /// JSON is indented for a person at a terminal and compact for a pipe or a file.
    static let isTerminal = isatty(STDOUT_FILENO) == 1

    static func write(_ text: String) { write(Array(text.utf8)) }

    static func write(_ bytes: [UInt8]) { write(bytes, to: STDOUT_FILENO) }

    static func error(_ message: String) {
        write(Array("studydash: \(TerminalSafe.escape(message, keepNewlines: true))\n".utf8), to: STDERR_FILENO)
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }  // a closed pipe (`| head`): nothing more to say
                offset += written
            }
        }
    }
}
