import Foundation
import Testing
@testable import StudyTUI

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
        let key = legend.sorted { ($0.value.lowercased(), $0.value.isUppercase ? 1 : 0) < ($1.value.lowercased(), $1.value.isUppercase ? 1 : 0) }.map { "\($0.value)  \(StyleLetters.describe($0.key))" }
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
        let gotLines = got.split(separator: "\n", omittingEmptySubsequences: false)
        let wantLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(gotLines, wantLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(gotLines.count, wantLines.count)
        Issue.record("""
            screen \(name) differs from its snapshot in \(place(ofLine: line, grid: grid)) \
            (STUDYDASH_RECORD_SNAPSHOTS=1 re-records it):
            expected: \(line < wantLines.count ? String(wantLines[line]) : "<end>")
            got:      \(line < gotLines.count ? String(gotLines[line]) : "<end>")
            --- whole snapshot ---
            \(got)
            """, sourceLocation: sourceLocation)
    }

    /// Which layer, and which screen row, line `line` (from 0) of a snapshot file belongs to.
    private static func place(ofLine line: Int, grid: Grid) -> String {
        if line < grid.height { return "text row \(line + 1)" }
        let legendLines = StyleLetters.legend(for: StyleLetters.styles(in: grid)).count
        let firstStyleRow = grid.height + 3 + legendLines
        if line < firstStyleRow { return "the style legend (line \(line + 1))" }
        return "style row \(line - firstStyleRow + 1)"
    }
}
