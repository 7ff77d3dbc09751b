import Foundation
import Testing

/// Text snapshots kept in `Tests/StudyTUITests/Snapshots/`. Run with `STUDYDASH_RECORD_SNAPSHOTS=1` to
/// (re)write them, then review the diff: a snapshot is a screen a user would see.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var recording: Bool { ProcessInfo.processInfo.environment["STUDYDASH_RECORD_SNAPSHOTS"] == "1" }

    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent(name + ".txt")
        // A frame around the screen keeps trailing spaces and blank rows visible in diffs.
        let framed = text + "\n"
        if recording {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? framed.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(name).txt; run the tests with STUDYDASH_RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != framed {
            let got = framed.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let row = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            Issue.record("""
                screen \(name) differs from its snapshot at row \(row + 1) \
                (STUDYDASH_RECORD_SNAPSHOTS=1 re-records it):
                expected: \(row < want.count ? String(want[row]) : "<end>")
                got:      \(row < got.count ? String(got[row]) : "<end>")
                --- whole screen ---
                \(framed)
                """, sourceLocation: sourceLocation)
        }
    }
}
