import Foundation
import StudyApp
import StudyCore
import StudyTestSupport
import Testing

/// The resume file: a place kept per set of notes folders, privately and atomically, and
/// nothing at all from a file that is missing, foreign or garbage.
@Suite struct ResumeFileTests {
    let folder: TemporaryFolder
    let environment: [String: String]
    let place = StudyPlace(topicPath: ["tA", "tB"], resourceID: "rC", expanded: ["tA"], pane: .detail,
                           reader: .init(topicID: "tB", scroll: 7))

    init() throws {
        folder = try TemporaryFolder(["notes/a.md": "# A\n", "other/b.md": "# B\n"])
        environment = ["XDG_STATE_HOME": folder.url("state"), "HOME": "/nonexistent"]
    }

    func file(_ folders: [String] = ["notes"]) -> ResumeFile {
        ResumeFile(contentFolders: folders.map(folder.url), environment: environment)
    }

    @Test func aPlaceKeptIsThePlaceRead() throws {
        #expect(file().load() == nil, "nothing kept yet")
        #expect(file().save(place))
        #expect(file().load() == place)
        let path = try #require(file().path)
        #expect(path.hasPrefix(folder.url("state/studydash/resume-")))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url("state/studydash"))
        #expect(leftovers.count == 1, "the temporary file was renamed, not left: \(leftovers)")
    }

    @Test func eachSetOfFoldersHasItsOwnPlace() {
        file().save(place)
        #expect(file(["other"]).load() == nil)
        #expect(file(["notes", "other"]).load() == nil)
        #expect(ResumeFile(contentFolders: [folder.url("notes") + "/./"], environment: environment).load() == place,
                "the folders are compared resolved")
    }

    @Test func withoutXDGStateHomeItIsUnderHome() {
        let home = ResumeFile(contentFolders: [folder.url("notes")], environment: ["HOME": folder.url("home")])
        #expect(home.path?.hasPrefix(folder.url("home") + "/.local/state/studydash/") == true)
        #expect(ResumeFile(contentFolders: ["x"], environment: ["HOME": "relative"]).path == nil)
    }

    @Test func aCorruptOrForeignFileIsIgnored() throws {
        let path = try #require(file().path)
        file().save(place)
        let kept = try String(contentsOfFile: path, encoding: .utf8)
        let bad = [
            "", "{", "null", "[]", "{\"schema\":\"studydash.resume/1\"}",
            kept.replacingOccurrences(of: "studydash.resume/1", with: "studydash.resume/9"),
            kept.replacingOccurrences(of: "\"scroll\":7", with: "\"scroll\":\"seven\""),
            kept.replacingOccurrences(of: "\"scroll\":7", with: "\"scroll\":1e400"),
            String(repeating: "[", count: 100_000),
        ]
        for text in bad {
            try folder.write("state/studydash/" + (path as NSString).lastPathComponent, text)
            #expect(file().load() == nil, "read from: \(text.prefix(60))")
        }
        // Garbage bytes of every kind, including controls and invalid UTF-8: never a crash.
        var generator = SplitMix(seed: 13)
        for _ in 0..<300 {
            var bytes = Array(kept.utf8)
            for _ in 0..<Int(generator.next() % 8 + 1) {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            _ = file().load()
        }
    }

    @Test func anUnwritableStateFolderIsNoError() throws {
        try folder.write("state", "a file where the folder would be")
        #expect(!file().save(place))
        #expect(file().load() == nil)
    }
}
