import Foundation

/// A scratch folder for a test, filled from a dictionary of relative paths and contents, and
/// removed when the value goes away.
public final class TemporaryFolder {
    public let path: String

    public init(_ files: [String: String] = [:], function: String = #function) throws {
        let name = "studydash-test-\(function.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString.prefix(8))"
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (relative, text) in files { try write(relative, Data(text.utf8)) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func url(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    public func write(_ relative: String, _ data: Data) throws {
        let full = url(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
    }

    public func write(_ relative: String, _ text: String) throws { try write(relative, Data(text.utf8)) }

    public func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url(relative), withDestinationPath: destination)
    }
}

/// The repository's root, found from this source file's place in it.
public enum Repository {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `../shared/seeds` beside the repository, when this machine has it.
    public static var seedsFolder: String? {
        let path = (root as NSString).appendingPathComponent("../shared/seeds")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? (path as NSString).standardizingPath : nil
    }
}
