/// How a snapshot that no longer matches is reported: by layer, text or style, each with its
/// first differing row, so the message says what a user would see change.
extension Snapshot {
    /// A snapshot file cut into its three parts, so that a difference can be told by layer.
    struct Layers {
        var text: [Substring] = []
        var legend: [Substring] = []
        var styles: [Substring] = []

        init(_ file: String) {
            let lines = file.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            guard let heading = lines.firstIndex(of: Substring(Snapshot.stylesHeading)) else {
                text = Array(lines)
                return
            }
            // The text ends one blank line above the heading.
            text = Array(lines[..<max(lines.startIndex, heading - 1)])
            let rest = lines[(heading + 1)...]
            let end = rest.firstIndex(of: Substring(Snapshot.legendEnd)) ?? rest.endIndex
            legend = Array(rest[..<end])
            styles = end < rest.endIndex ? Array(rest[(end + 1)...]) : []
        }

        /// A style row as the legend's names for its letters, one per cell.
        var meanings: (Substring) -> [Substring] {
            var names: [Character: Substring] = [:]
            for line in legend { if let letter = line.first { names[letter] = line.dropFirst(3) } }
            return { row in row.map { names[$0] ?? "unknown letter \($0)" } }
        }
    }

    /// The first differing row of each layer that differs, expected above got. Style rows are
    /// compared by what their letters mean, as a new style elsewhere may reletter a row.
    static func differences(expected: Layers, got: Layers) -> String {
        var report: [String] = []
        func first(_ want: [Substring], _ have: [Substring], same: (Substring, Substring) -> Bool) -> Int? {
            let row = zip(want, have).enumerated().first { !same($0.element.0, $0.element.1) }?.offset
            return row ?? (want.count == have.count ? nil : min(want.count, have.count))
        }
        func rows(_ layer: String, _ row: Int, _ want: [Substring], _ have: [Substring], note: String = "") {
            report.append("""
                \(layer) \(row + 1)\(note):
                expected: \(row < want.count ? String(want[row]) : "<end>")
                got:      \(row < have.count ? String(have[row]) : "<end>")
                """)
        }
        if let row = first(expected.text, got.text, same: ==) { rows("text row", row, expected.text, got.text) }
        let want = expected.meanings, have = got.meanings
        if let row = first(expected.styles, got.styles, same: { want($0) == have($1) }) {
            let a = row < expected.styles.count ? want(expected.styles[row]) : []
            let b = row < got.styles.count ? have(got.styles[row]) : []
            let column = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            let note = ", from column \(column + 1): expected \(column < a.count ? a[column] : "plain"), "
                + "got \(column < b.count ? b[column] : "plain")"
            rows("style row", row, expected.styles, got.styles, note: note)
        }
        return report.joined(separator: "\n")
    }
}
