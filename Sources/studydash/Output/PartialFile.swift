#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `NAME.partial-XXXXXX` file an export writes beside NAME before renaming it into place.
enum PartialFile {
    /// Creates a fresh, private (0600) partial file for `target`; returns its descriptor and path.
    static func create(for target: String) throws(CLIError) -> (descriptor: Int32, path: String) {
        var template = Array((target + marker + "XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw CLIError("cannot write \(target): \(String(cString: strerror(errno)))") }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (awayFromStandardStreams(descriptor), path)
    }

    static let marker = ".partial-"

    /// With standard output closed (`>&-`), a new file would get descriptor 1 and receive what
    /// the command prints; move it out of the way.
    static func awayFromStandardStreams(_ descriptor: Int32) -> Int32 {
        guard descriptor <= STDERR_FILENO else { return descriptor }
        let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, STDERR_FILENO + 1)
        guard moved >= 0 else { return descriptor }
        close(descriptor)
        return moved
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func basename(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
