import Testing
import StudyContent
import StudyCore
import StudyTestSupport

/// Files are parsed on every core at once, and what one file holds never changes how another
/// is read: cmark-gfm's inline pass reads tables of special characters shared by the whole
/// process (see `CmarkDocument`), which no parse of another file may switch off mid-way.
@Suite struct ParallelParseTests {
    /// Files with bare links beside files with struck-out link text: each kind's inline pass
    /// is long, so that the files' passes overlap on both cores.
    private static let files: [String: String] = {
        var files: [String: String] = [:]
        for file in 0..<80 {
            let bare = (0..<200).map { "- see https://example.org/\(file)/\($0) or www.example.net/\(file)/\($0)" }
            files["bare\(file).md"] = "# Bare \(file)\n\n" + bare.joined(separator: "\n") + "\n"
            let struck = (0..<200).map { "- [~~Old~~ \(file)-\($0)](https://struck.org/\(file)/\($0))" }
            files["struck\(file).md"] = "# Struck \(file)\n\n" + struck.joined(separator: "\n") + "\n"
        }
        return files
    }()

    @Test func everyFileReadsAsItWouldAlone() throws {
        // Without the shared tables kept safe, a load like this one misses a few hundred links.
        let loaded = try Loaded(Self.files)
        let resources = Array(loaded.tree.resources.values)
        #expect(resources.count == 80 * 200 * 2)
        let bare = resources.filter { $0.url?.hasPrefix("https://example.org/") == true }
        #expect(bare.count == 80 * 200)
        let struck = resources.filter { $0.url?.hasPrefix("https://struck.org/") == true }
        #expect(struck.count == 80 * 200)
        #expect(struck.allSatisfy { $0.title.hasPrefix("Old ") })
    }

    /// A `~` in a code span or a link's address is no strikethrough, and does not stop one
    /// written elsewhere in the same file from striking its text out.
    @Test func aTildeInCodeOrAnAddressLeavesStrikethroughToTheText() throws {
        let loaded = try Loaded(["t.md": """
            # T
            Keep hosts in `~/.ssh/config`; see [the guide](https://e.org/~me/ssh).

            - [Config](https://e.org/~me/config) — uses `~/.ssh`
            - [~~Old~~ name](https://struck.org/a)
            """])
        #expect(loaded.resource(titled: "Config")?.url == "https://e.org/~me/config")
        #expect(loaded.resource(titled: "Config")?.description == "uses ~/.ssh")
        #expect(loaded.resource(titled: "Old name")?.url == "https://struck.org/a")
    }
}
