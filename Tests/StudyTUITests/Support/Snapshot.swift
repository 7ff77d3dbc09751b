import Foundation
import Testing
@testable import StudyTUI
import TermGrid

/// Screen snapshots kept in `Tests/StudyTUITests/Snapshots/`. Run with `STUDYDASH_RECORD_SNAPSHOTS=1`
/// to (re)write them, then review the diff: a snapshot is a screen a user would see.
///
/// A file has two layers. First the text, one line per screen row as `Grid.line` gives it
/// (trailing spaces trimmed, blank rows kept as empty lines, so line N is row N). Then, after a
/// blank line, the styles: a legend naming each letter used (see `StyleLetters`), and the same
/// rows again as one letter per cell, under the characters they style.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var recording: Bool { ProcessInfo.processInfo.environment["STUDYDASH_RECORD_SNAPSHOTS"] == "1" }

    static let stylesHeading = "--- styles: one letter a cell, uppercase where reversed ---"
    static let legendEnd = "---"

    /// The file's text for `grid`.
    static func render(_ grid: Grid) -> String {
        let legend = StyleLetters.legend(for: StyleLetters.styles(in: grid))
        let key = StyleLetters.legendLines(legend)
        let rows = (0..<grid.height).map { StyleLetters.row($0, of: grid) { legend[$0] ?? "?" } }
        return ([grid.text, "", stylesHeading] + key + [legendEnd] + rows).joined(separator: "\n") + "\n"
    }

    static func check(_ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent(name + ".txt")
        let got = render(grid)
        if recording {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? got.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(name).txt; run the tests with STUDYDASH_RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        guard expected != got else { return }
        Issue.record("""
            screen \(name) differs from its snapshot (STUDYDASH_RECORD_SNAPSHOTS=1 re-records it):
            \(differences(expected: Layers(expected), got: Layers(got)))
            --- whole snapshot ---
            \(got)
            """, sourceLocation: sourceLocation)
    }
}
