import CCmarkGFM
import StudyText

/// A GFM table laid out for a pane: columns aligned as the author asked (`:---:`, `---:`), and,
/// when the table is wider than the pane, each column given a share of the width by its natural
/// width and its cells wrapped inside it, rows then separated by a rule, so that a comparison can
/// still be read by column. Only when even one word a column cannot fit does a row become one
/// wrapped line, its cells joined by dots.
struct TableLayout {
    enum Alignment { case left, center, right }

    /// Rows of cells, each cell's inline spans; the first row is the header.
    let rows: [[[StyledSpan]]]
    let alignments: [Alignment]

    var columns: Int { alignments.count }

    /// The space between two columns: ` │ `.
    static let gap = 3
    /// A column narrower than this wraps so much that the grid no longer helps.
    static let narrowest = 4

    init(rows: [[[StyledSpan]]], alignments: [Alignment]) {
        let columns = max(rows.map(\.count).max() ?? 0, alignments.count)
        self.rows = rows.map { $0 + Array(repeating: [], count: columns - $0.count) }
        self.alignments = alignments + Array(repeating: .left, count: columns - alignments.count)
    }

    func lines(width: Int, prefix: [StyledSpan], restPrefix: [StyledSpan]) -> [StyledLine] {
        guard columns > 0 else { return [] }
        let available = width - StyledLine(restPrefix).width
        let natural = (0..<columns).map { column in rows.reduce(0) { max($0, StyledLine($1[column]).width) } }
        let separators = Self.gap * (columns - 1)
        if natural.reduce(0, +) + separators <= available {
            return grid(widths: natural, prefix: prefix, restPrefix: restPrefix, ruled: false)
        }
        guard let widths = Self.share(available - separators, natural: natural, longestWords: longestWords()) else {
            return dotted(width: width, prefix: prefix, restPrefix: restPrefix)
        }
        return grid(widths: widths, prefix: prefix, restPrefix: restPrefix, ruled: true)
    }

    /// Each column's widest word: below it, a cell's words are cut.
    func longestWords() -> [Int] {
        (0..<columns).map { column in
            rows.reduce(0) { widest, row in
                StyledLine(row[column]).text.split(separator: " ").reduce(widest) { max($0, DisplayWidth.of(String($1))) }
            }
        }
    }

    /// Column widths summing to at most `room`: each column first gets its widest word (or less,
    /// down to `narrowest`, taking from the widest first), then what is left goes to the columns
    /// by how much of their natural width they still lack. Nil when not even `narrowest` fits.
    static func share(_ room: Int, natural: [Int], longestWords: [Int]) -> [Int]? {
        let floors = natural.map { min($0, narrowest) }
        guard floors.reduce(0, +) <= room else { return nil }
        var widths = zip(natural, longestWords).map { min($0, max($1, narrowest), room) }
        var excess = widths.reduce(0, +) - room
        while excess > 0 {
            // One column at a time from the widest that can still give (bounded: columns × room).
            guard let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] })
            else { return nil }
            widths[widest] -= 1
            excess -= 1
        }
        var spare = room - widths.reduce(0, +)
        let lacking = zip(natural, widths).map { $0 - $1 }
        let totalLack = lacking.reduce(0, +)
        guard spare > 0 && totalLack > 0 else { return widths }
        let budget = spare
        for column in widths.indices {
            let extra = min(lacking[column], budget * lacking[column] / totalLack)
            widths[column] += extra
            spare -= extra
        }
        // What rounding left, to the columns still short, left to right.
        for column in widths.indices where spare > 0 && widths[column] < natural[column] {
            let extra = min(spare, natural[column] - widths[column])
            widths[column] += extra
            spare -= extra
        }
        return widths
    }

    func grid(widths: [Int], prefix: [StyledSpan], restPrefix: [StyledSpan], ruled: Bool) -> [StyledLine] {
        let rule = StyledLine(restPrefix + [StyledSpan(widths.map { String(repeating: "─", count: $0) }
            .joined(separator: "─┼─"), .dim)])
        var lines: [StyledLine] = []
        for (index, row) in rows.enumerated() {
            if index > 1 && ruled { lines.append(rule) }
            let cells = row.enumerated().map { column, cell in
                let spans = index == 0 ? cell.map { StyledSpan($0.text, $0.style.union(.bold)) } : cell
                return StyledWrap.wrap(spans, width: widths[column]).map { $0.spans.isEmpty ? StyledLine() : $0 }
            }
            let height = cells.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                var spans = lines.isEmpty ? prefix : restPrefix
                for column in 0..<columns {
                    if column > 0 { spans.append(StyledSpan(" │ ", .dim)) }
                    let piece = lineIndex < cells[column].count ? cells[column][lineIndex] : StyledLine()
                    spans += aligned(piece, in: widths[column], alignments[column], last: column == columns - 1)
                }
                lines.append(StyledLine(spans))
            }
            if index == 0 { lines.append(rule) }
        }
        return lines
    }

    /// `line` padded to `width` as its column is aligned; the last column gets no trailing spaces.
    func aligned(_ line: StyledLine, in width: Int, _ alignment: Alignment, last: Bool) -> [StyledSpan] {
        let room = max(0, width - line.width)
        let before = switch alignment {
        case .left: 0
        case .center: room / 2
        case .right: room
        }
        let after = last ? 0 : room - before
        var spans: [StyledSpan] = []
        if before > 0 { spans.append(StyledSpan(String(repeating: " ", count: before))) }
        spans += line.spans
        if after > 0 { spans.append(StyledSpan(String(repeating: " ", count: after))) }
        return spans
    }

    /// The fallback: one wrapped line per row, cells separated by a dot, the header bold.
    func dotted(width: Int, prefix: [StyledSpan], restPrefix: [StyledSpan]) -> [StyledLine] {
        var lines: [StyledLine] = []
        for (index, row) in rows.enumerated() {
            var spans: [StyledSpan] = []
            for (column, cell) in row.enumerated() {
                if column > 0 { spans.append(StyledSpan(" · ", .dim)) }
                spans += cell
            }
            if index == 0 { spans = spans.map { StyledSpan($0.text, $0.style.union(.bold)) } }
            lines += StyledWrap.wrap(spans, width: width, firstPrefix: index == 0 ? prefix : restPrefix,
                                     restPrefix: restPrefix + [StyledSpan("  ")])
        }
        return lines
    }
}

extension CmarkNode {
    /// A table's column alignments, from its delimiter row (`:--`, `:-:`, `--:`).
    var tableAlignments: [TableLayout.Alignment] {
        let count = Int(cmark_gfm_extensions_get_table_columns(raw))
        guard count > 0, let raw = cmark_gfm_extensions_get_table_alignments(raw) else { return [] }
        return (0..<count).map { index in
            switch raw[index] {
            case UInt8(ascii: "c"): .center
            case UInt8(ascii: "r"): .right
            default: .left
            }
        }
    }
}
