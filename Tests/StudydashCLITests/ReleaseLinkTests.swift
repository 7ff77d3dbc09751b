import Foundation
import StudyTestSupport
import Testing

/// The release link's start-up layout (Package.swift): lld reads the symbol-ordering file at
/// every release link and fails the build when it is missing, so the file Package.swift names
/// must be in the repository, one symbol name a line (what bench/startup_order.sh writes).
struct ReleaseLinkTests {
    static let manifest = (Repository.root as NSString).appendingPathComponent("Package.swift")

    /// The path after `--symbol-ordering-file=` in Package.swift, relative to the package root.
    static func orderFilePath() throws -> String? {
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        guard let flag = text.range(of: "--symbol-ordering-file=\\(packageRoot)/") else { return nil }
        let rest = text[flag.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }

    @Test func theReleaseLinkNamesAnOrderFileThatExists() throws {
        let relative = try #require(try Self.orderFilePath(), "Package.swift names no symbol-ordering file")
        let path = (Repository.root as NSString).appendingPathComponent(relative)
        #expect(FileManager.default.fileExists(atPath: path), "\(relative) is missing: the release link would fail")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let names = lines.dropLast(lines.last == "" ? 1 : 0)
        #expect(names.count > 100, "the order file lists only \(names.count) functions")
        #expect(names.allSatisfy { !$0.isEmpty && !$0.contains(where: \.isWhitespace) },
                "every line of \(relative) is one symbol name")
    }
}
