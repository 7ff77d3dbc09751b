#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A destination for a command's output: standard output (see `Output`), or a file written beside
/// its final path and renamed into place at the end, so that a failed export never leaves half a file.
final class OutputFile {
    private let path: String?
    private let temporary: String?
    private let descriptor: Int32
    private var failed = false

    init(path: String?) throws {
        guard let path, path != "-" else {
            // Closed (`>&-`) or read-only: say so now, before a file this command opens takes
            // descriptor 1 and a write to it fails for a reason that names that file instead.
            let flags = fcntl(STDOUT_FILENO, F_GETFL)
            guard flags >= 0, flags & O_ACCMODE != O_RDONLY else {
                throw CLIError("cannot write to standard output: \(String(cString: strerror(EBADF)))")
            }
            self.path = nil
            temporary = nil
            descriptor = STDOUT_FILENO
            return
        }
        self.path = path
        var template = Array((path + ".partial-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else {
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        fchmod(descriptor, 0o644)
        self.descriptor = descriptor
        temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func write(_ bytes: [UInt8]) {
        guard path != nil else { return Output.write(bytes) }  // a failed write ends the command
        guard !failed else { return }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { failed = true; return }
                offset += written
            }
        }
    }

    func write(_ text: String) { write(Array(text.utf8)) }

    /// Puts the file in place (or reports why not). Standard output needs nothing.
    func finish() throws {
        guard let path, let temporary else { return }
        defer { if failed { unlink(temporary) } }
        if failed || fsync(descriptor) != 0 {
            failed = true
            close(descriptor)
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        if rename(temporary, path) != 0 {
            failed = true
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        if let temporary, path != nil, access(temporary, F_OK) == 0 { unlink(temporary) }
    }
}
