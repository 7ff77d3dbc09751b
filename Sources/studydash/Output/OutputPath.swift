#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where writing to a path really lands: the last component's symlinks followed (so that the
/// link itself is kept), and the folder made canonical.
enum OutputPath {
    static func target(of path: String) throws(CLIError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return canonical(current) }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
            let link = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : PartialFile.parent(of: current) + "/" + link
        }
        throw CLIError("cannot write \(path): \(String(cString: strerror(ELOOP)))")
    }

    /// The absolute, symlink-free form of a path whose last component may not exist yet.
    static func canonical(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let folder = PartialFile.parent(of: path)
        guard let real = realpath(folder, nil) else { return path }
        defer { free(real) }
        let prefix = String(cString: real)
        return (prefix == "/" ? "" : prefix) + "/" + PartialFile.basename(of: path)
    }
}
