/// Markdown → Markdown that cmark-gfm, and every walk over the tree it builds, handles in time
/// and stack linear in the input. Debian's cmark-gfm (0.29.0.gfm.6) is quadratic on a few
/// constructs, and nesting as deep as a file allows would make any tree walk as deep. Those
/// constructs are rewritten before parsing, with the number of lines unchanged (line numbers
/// stay true), and each rewrite is reported with its line:
///   - list and quote markers past column `maxPrefixColumns` of a line are dropped, which caps
///     nesting: every level of a list or quote takes at least one column of a line's prefix;
///   - past the `maxHTMLOpeners`-th `<?` or `<!` in one run of non-blank lines, the `<` is
///     escaped (cmark-gfm rescans the rest of the paragraph for each one);
///   - a table that would be padded to far more cells than it has bytes (a header of thousands
///     of columns over short rows) is read as text, and past the `maxPipes`-th `|` of a line the
///     pipes are escaped (cmark-gfm splits a row into cells in quadratic time);
///   - a table under more than `maxParagraphLinesBeforeTable` lines of one paragraph is read
///     as text (cmark-gfm re-reads the paragraph above a delimiter row, link reference
///     definitions most slowly, once per line of it).
/// Text that needs none of this is passed on untouched (`GuardScreen` finds most such text quickly).
enum MarkdownGuard {
    struct Limit: Equatable {
        var line: Int
        var reason: String
    }

    static let maxPrefixColumns = 128
    static let maxHTMLOpeners = 32
    /// cmark-gfm walks every pending `*`, `_` and `~` of a paragraph at each link it closes, so
    /// a paragraph's cost grows with their product: past this many steps (plus a budget per
    /// byte) the runs past the `maxEmphasisRuns`-th are read as text.
    static let maxEmphasisWork = 10_000_000
    static let emphasisWorkPerByte = 64
    static let maxEmphasisRuns = 64
    /// cmark-gfm splits a table row into cells in time quadratic in their number.
    static let maxPipes = 200
    /// Cells a table may have beyond one per byte of its lines.
    static let spareTableCells = 100_000
    /// Lines of one paragraph a table's delimiter row may follow.
    static let maxParagraphLinesBeforeTable = 500

    static func apply(_ text: String) -> (text: String, limits: [Limit]) {
        // Most files come nowhere near a limit: a quick look says so without the table of lines.
        guard text.utf8.withContiguousStorageIfAvailable(GuardScreen.mayNeedRewrite) ?? true else { return (text, []) }
        let bytes = Array(text.utf8)
        let lines = LineTable(bytes)
        var out: [UInt8]?
        var found = Findings()
        var openers = 0
        let heavy = emphasisHeavyParagraphs(lines)
        var emphasisSeen = 0
        var paragraphLines = 0
        for number in 1...lines.count {
            let traits = lines.traits(of: number)
            if traits.isBlank { openers = 0 }
            defer { paragraphLines = traits.isBlank ? 0 : paragraphLines + 1 }
            if heavy.starts.contains(number) { emphasisSeen = 0 }
            var rewritten: [UInt8]?
            if traits.mayNestDeep, let capped = capNesting(Array(lines[number])) {
                rewritten = capped
                found.add(.nesting, line: number)
            }
            if traits.mayBeDelimiterRow, isOversizedTableDelimiter(number, in: lines),
               let plain = breakDelimiterRow(rewritten ?? Array(lines[number])) {
                rewritten = plain
                found.add(.table, line: number)
            } else if traits.mayBeDelimiterRow, paragraphLines > maxParagraphLinesBeforeTable,
                      let plain = breakDelimiterRow(rewritten ?? Array(lines[number])) {
                rewritten = plain
                found.add(.tableAfterLongParagraph, line: number)
            }
            if traits.pipes > maxPipes, let escaped = escapePipes(rewritten ?? Array(lines[number])) {
                rewritten = escaped
                found.add(.pipes, line: number)
            }
            if heavy.lines.contains(number), traits.emphasisRuns > 0,
               let escaped = escapeEmphasis(rewritten ?? Array(lines[number]), seen: &emphasisSeen) {
                rewritten = escaped
                found.add(.emphasis, line: number)
            }
            if traits.htmlOpeners > 0 {
                if openers + traits.htmlOpeners > maxHTMLOpeners,
                   let escaped = escapeOpeners(rewritten ?? Array(lines[number]), seen: &openers) {
                    rewritten = escaped
                    found.add(.htmlOpeners, line: number)
                } else {
                    openers += traits.htmlOpeners
                }
            }
            if rewritten != nil && out == nil { out = Array(bytes[..<lines.start(of: number)]) }
            if out != nil {
                out? += rewritten ?? Array(lines[number])
                if number < lines.count { out?.append(10) }
            }
        }
        guard let out else { return (text, []) }
        return (String(decoding: out, as: UTF8.self), found.limits)
    }

    private enum Kind: CaseIterable {
        case nesting, table, tableAfterLongParagraph, pipes, emphasis, htmlOpeners

        var reason: String {
            switch self {
            case .nesting: "nested deeper than \(maxPrefixColumns) columns of list and quote markers: "
                + "the deeper markers are ignored"
            case .table: "table too large for its size (short rows padded to many columns): read as text"
            case .tableAfterLongParagraph: "table directly under more than \(maxParagraphLinesBeforeTable) lines of one "
                + "paragraph: read as text (a blank line before it makes it a table)"
            case .pipes: "more than \(maxPipes) '|' on a line: the rest are read as text"
            case .emphasis: "more than \(maxEmphasisRuns) runs of '*', '_' or '~' in a paragraph with many "
                + "links: the rest are read as text"
            case .htmlOpeners: "more than \(maxHTMLOpeners) '<?' or '<!' in one paragraph: the rest are read as text"
            }
        }
    }

    /// The first line of each kind of rewrite and how many lines had it: one warning per kind,
    /// however many lines a hostile file repeats it on.
    private struct Findings {
        private var first: [Kind: Int] = [:]
        private var count: [Kind: Int] = [:]

        mutating func add(_ kind: Kind, line: Int) {
            if first[kind] == nil { first[kind] = line }
            count[kind, default: 0] += 1
        }

        var limits: [Limit] {
            Kind.allCases.compactMap { kind in
                guard let line = first[kind], let lines = count[kind] else { return nil }
                let more = lines > 1 ? " (and \(lines - 1) more line\(lines == 2 ? "" : "s"))" : ""
                return Limit(line: line, reason: kind.reason + more)
            }.sorted { $0.line < $1.line }
        }
    }

    // MARK: Nesting

    /// The line without the list and quote markers that start past `maxPrefixColumns`, or nil
    /// when it has none.
    static func capNesting(_ line: [UInt8]) -> [UInt8]? {
        var index = 0
        var column = 0
        var keptEnd = 0
        var cut = false
        while index < line.count {
            let byte = line[index]
            var isMarker = false
            if byte == space {
                column += 1
                index += 1
            } else if byte == tab {
                column += 4 - column % 4
                index += 1
            } else if byte == UInt8(ascii: ">") {
                column += 1
                index += 1
                isMarker = true
            } else if let end = listMarkerEnd(line, at: index) {
                column += end - index
                index = end
                isMarker = true
            } else {
                break
            }
            if column <= maxPrefixColumns {
                keptEnd = index
            } else if isMarker {
                cut = true
            }
        }
        guard cut else { return nil }
        return Array(line[..<keptEnd] + line[index...])
    }

    /// `-`, `+`, `*` or up to nine digits and `.` or `)`, followed by white space or the line's end.
    private static func listMarkerEnd(_ line: [UInt8], at start: Int) -> Int? {
        var end = start
        if line[start] == UInt8(ascii: "-") || line[start] == UInt8(ascii: "+") || line[start] == UInt8(ascii: "*") {
            end += 1
        } else {
            while end < line.count, end - start < 9, isDigit(line[end]) { end += 1 }
            guard end > start, end < line.count, line[end] == UInt8(ascii: ".") || line[end] == UInt8(ascii: ")") else {
                return nil
            }
            end += 1
        }
        guard end == line.count || line[end] == space || line[end] == tab else { return nil }
        return end
    }

    // MARK: Tables

    /// A line like `| --- | :-: |` under a line with a `|`, whose table (to the next blank line)
    /// would have more cells than `spareTableCells` plus one per byte.
    private static func isOversizedTableDelimiter(_ number: Int, in lines: LineTable) -> Bool {
        guard number > 1, !lines.isBlank(number - 1), lines.contains(pipe, onLine: number - 1) else { return false }
        let line = lines[number]
        var columns = 0
        var inCell = false
        var sawPipe = false
        for byte in line {
            switch byte {
            case pipe:
                sawPipe = true
                inCell = false
            case UInt8(ascii: "-"), UInt8(ascii: ":"):
                if !inCell { columns += 1 }
                inCell = true
            case space, tab, UInt8(ascii: ">"):
                continue
            default:
                return false
            }
        }
        guard sawPipe, columns > 0 else { return false }
        let end = lines.nextBlank(after: number)
        let rows = end - (number - 1)
        let size = lines.start(of: end) - lines.start(of: number - 1)
        return rows * columns > size + spareTableCells
    }

    /// The delimiter row with its first `-` or `:` escaped, so that it no longer makes a table.
    private static func breakDelimiterRow(_ line: [UInt8]) -> [UInt8]? {
        guard let first = line.firstIndex(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") }) else { return nil }
        var result = line
        result.insert(backslash, at: first)
        return result
    }

    // MARK: Emphasis and links

    /// Paragraphs (runs of non-blank lines, a new one at each list item or heading) whose
    /// emphasis runs times closing brackets exceed the budget: their first lines and all lines.
    private static func emphasisHeavyParagraphs(_ lines: LineTable) -> (starts: Set<Int>, lines: Set<Int>) {
        var starts = Set<Int>()
        var heavy = Set<Int>()
        var first = 1
        var runs = 0
        var brackets = 0
        var bytes = 0
        func close(before end: Int) {
            if runs * brackets > maxEmphasisWork + emphasisWorkPerByte * bytes, first < end {
                starts.insert(first)
                heavy.formUnion(first..<end)
            }
        }
        for number in 1...lines.count {
            let traits = lines.traits(of: number)
            if traits.isBlank || startsBlock(lines[number]) {
                close(before: number)
                first = traits.isBlank ? number + 1 : number
                runs = 0
                brackets = 0
                bytes = 0
            }
            runs += traits.emphasisRuns
            brackets += traits.closingBrackets
            bytes += lines[number].count
        }
        close(before: lines.count + 1)
        return (starts, heavy)
    }

    /// A list item or a heading: in cmark each starts a paragraph of its own.
    private static func startsBlock(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.firstIndex(where: { $0 != space && $0 != tab && $0 != UInt8(ascii: ">") }) else {
            return false
        }
        if line[first] == UInt8(ascii: "#") { return true }
        return listMarkerEnd(Array(line[first..<min(line.endIndex, first + 11)]), at: 0) != nil
    }

    /// The line with a backslash before each `*`, `_` and `~` of the runs past the first
    /// `maxEmphasisRuns` of its paragraph (`seen` counts them), leaving the line's own list
    /// and quote markers alone; nil when no run is past.
    private static func escapeEmphasis(_ line: [UInt8], seen: inout Int) -> [UInt8]? {
        var prefixEnd = 0
        while prefixEnd < line.count {
            if line[prefixEnd] == space || line[prefixEnd] == tab || line[prefixEnd] == UInt8(ascii: ">") {
                prefixEnd += 1
            } else if let end = listMarkerEnd(line, at: prefixEnd) {
                prefixEnd = end
            } else {
                break
            }
        }
        var result = Array(line[..<prefixEnd])
        var changed = false
        for index in prefixEnd..<line.count {
            let byte = line[index]
            if LineTable.isEmphasis(byte), index == 0 || line[index - 1] != backslash {
                if index == prefixEnd || !LineTable.isEmphasis(line[index - 1]) { seen += 1 }
                if seen > maxEmphasisRuns {
                    result.append(backslash)
                    changed = true
                }
            }
            result.append(byte)
        }
        return changed ? result : nil
    }

    // MARK: Pipes

    /// The line with a backslash before every unescaped `|` past the first `maxPipes`, so that
    /// no table row has more cells than that; nil when none is past.
    private static func escapePipes(_ line: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(line.count + line.count / 2)
        var seen = 0
        for (index, byte) in zip(line.indices, line) {
            if byte == pipe && (index == 0 || line[index - 1] != backslash) {
                seen += 1
                if seen > maxPipes { result.append(backslash) }
            }
            result.append(byte)
        }
        return seen > maxPipes ? result : nil
    }

    // MARK: Inline HTML

    /// The line with a backslash before every `<?` and `<!` past the first `maxHTMLOpeners` of
    /// its paragraph (`seen` counts them across the paragraph's lines), or nil when none is past.
    private static func escapeOpeners(_ line: [UInt8], seen: inout Int) -> [UInt8]? {
        var result: [UInt8]?
        var index = 0
        while index + 1 < line.count {
            if line[index] == UInt8(ascii: "<"), line[index + 1] == UInt8(ascii: "?") || line[index + 1] == UInt8(ascii: "!") {
                seen += 1
                if seen > maxHTMLOpeners {
                    if result == nil { result = Array(line[..<index]) }
                    result?.append(backslash)
                }
            }
            result?.append(line[index])
            index += 1
        }
        if index < line.count { result?.append(line[index]) }
        return result
    }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let pipe = UInt8(ascii: "|")
    private static let backslash = UInt8(ascii: "\\")

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}

/// Where each line of a text starts, what may need a closer look in it, and the next blank line
/// after each, all found in one pass so that neither looking ahead nor an ordinary line costs
/// more than reading its bytes once.
private struct LineTable {
    struct Traits {
        var isBlank = true
        /// The line opens with more than `minimumDeepPrefix` bytes of white space and markers.
        var mayNestDeep = false
        /// Only `|`, `-`, `:`, `>` and white space, with a `|` and a `-` or `:`.
        var mayBeDelimiterRow = false
        /// How many `<?` and `<!` the line holds.
        var htmlOpeners = 0
        var pipes = 0
        /// Runs of `*`, `_` or `~`, and `]`: see `MarkdownGuard.maxEmphasisWork`.
        var emphasisRuns = 0
        var closingBrackets = 0
    }

    /// A prefix must be at least this long to reach past `maxPrefixColumns` (a tab is 4 columns).
    static let minimumDeepPrefix = MarkdownGuard.maxPrefixColumns / 4

    private let bytes: [UInt8]
    private var starts: [Int] = [0]
    private var lineTraits: [Traits] = []
    /// For line `n` (1-based), the first blank line after it, or `count + 1`.
    private var nextBlankLine: [Int] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        bytes.withUnsafeBufferPointer { buffer in
            var traits = Traits()
            var inPrefix = true
            var prefixLength = 0
            var delimiterBytesOnly = true
            var sawPipe = false
            var sawDash = false
            var previous: UInt8 = 10
            for offset in 0..<buffer.count {
                let byte = buffer[offset]
                if byte == 10 {
                    traits.mayBeDelimiterRow = delimiterBytesOnly && sawPipe && sawDash
                    lineTraits.append(traits)
                    starts.append(offset + 1)
                    traits = Traits()
                    inPrefix = true
                    prefixLength = 0
                    delimiterBytesOnly = true
                    sawPipe = false
                    sawDash = false
                    previous = 10
                    continue
                }
                // A letter (or any byte of a non-ASCII character) past the line's prefix, as
                // most bytes are: it only makes the line not blank and not a delimiter row.
                if !inPrefix && (byte >= 0x80 || (byte | 0x20) &- 0x61 < 26) {
                    traits.isBlank = false
                    delimiterBytesOnly = false
                    previous = byte
                    continue
                }
                let isSpace = byte == 32 || byte == 9
                if !isSpace { traits.isBlank = false }
                if inPrefix {
                    // White space, `>`, bullets, digits, `.` and `)`: all a container prefix may hold.
                    if isSpace || byte == 62 || byte == 45 || byte == 43 || byte == 42 || (byte >= 48 && byte <= 57)
                        || byte == 46 || byte == 41 {
                        prefixLength += 1
                        if prefixLength > Self.minimumDeepPrefix { traits.mayNestDeep = true }
                    } else {
                        inPrefix = false
                    }
                }
                switch byte {
                case 124:
                    sawPipe = true
                    traits.pipes += 1
                case 45, 58: sawDash = true
                case 32, 9, 62: break
                default: delimiterBytesOnly = false
                }
                if previous == 60 && (byte == 63 || byte == 33) { traits.htmlOpeners += 1 }
                if byte == 93 { traits.closingBrackets += 1 }
                if Self.isEmphasis(byte) && !Self.isEmphasis(previous) { traits.emphasisRuns += 1 }
                previous = byte
            }
            traits.mayBeDelimiterRow = delimiterBytesOnly && sawPipe && sawDash
            lineTraits.append(traits)
        }
        nextBlankLine = [Int](repeating: starts.count + 1, count: starts.count + 1)
        var next = starts.count + 1
        for number in stride(from: starts.count, through: 1, by: -1) {
            nextBlankLine[number] = next
            if lineTraits[number - 1].isBlank { next = number }
        }
    }

    var count: Int { starts.count }

    static func isEmphasis(_ byte: UInt8) -> Bool { byte == 42 || byte == 95 || byte == 126 }

    /// Line `number` (1-based) without its line feed.
    subscript(number: Int) -> ArraySlice<UInt8> {
        let end = number < starts.count ? starts[number] - 1 : bytes.count
        return bytes[starts[number - 1]..<end]
    }

    func traits(of number: Int) -> Traits { lineTraits[number - 1] }

    /// The byte offset where line `number` starts; `count + 1` is the end of the text.
    func start(of number: Int) -> Int { number <= starts.count ? starts[number - 1] : bytes.count }

    func isBlank(_ number: Int) -> Bool { lineTraits[number - 1].isBlank }

    func nextBlank(after number: Int) -> Int { nextBlankLine[number] }

    func contains(_ byte: UInt8, onLine number: Int) -> Bool { self[number].contains(byte) }
}
