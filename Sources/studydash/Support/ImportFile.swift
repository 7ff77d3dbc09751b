import Foundation

/// Reads the file given to `import` (or standard input for "-"), refusing what cannot be an
/// export before parsing it.
enum ImportFile {
    /// Far above any real export (10 MB holds ~50,000 events); stops a wrong file early.
    static let limit = 1 << 30

    static func read(_ path: String) throws -> Data {
        if path == "-" {
            guard let data = StandardInput.read(atMost: limit) else {
                throw CLIError("cannot import standard input: more than \(limit) bytes is too large for an export")
            }
            return data
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("cannot import \(path): no such file")
        }
        guard !isDirectory.boolValue else { throw CLIError("cannot import \(path): it is a folder") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limit else { throw CLIError("cannot import \(path): \(size) bytes is too large for an export") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot import \(path): it cannot be read (\(String(cString: strerror(errno))))")
        }
        return data
    }
}
