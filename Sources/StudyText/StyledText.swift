/// Text with styles, as rendered notes are: what a terminal view draws and the CLI prints.
public struct TextStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let bold = TextStyle(rawValue: 1 << 0)
    public static let italic = TextStyle(rawValue: 1 << 1)
    public static let code = TextStyle(rawValue: 1 << 2)
    public static let link = TextStyle(rawValue: 1 << 3)
    public static let heading = TextStyle(rawValue: 1 << 4)
    public static let quote = TextStyle(rawValue: 1 << 5)
    public static let strike = TextStyle(rawValue: 1 << 6)
    public static let dim = TextStyle(rawValue: 1 << 7)
}

public struct StyledSpan: Hashable, Sendable {
    public var text: String
    public var style: TextStyle

    public init(_ text: String, _ style: TextStyle = []) {
        self.text = text
        self.style = style
    }
}

public struct StyledLine: Hashable, Sendable {
    public var spans: [StyledSpan]

    public init(_ spans: [StyledSpan] = []) { self.spans = spans }

    public var text: String { spans.map(\.text).joined() }
    public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}

/// Greedy word wrapping of styled text by display width.
public enum StyledWrap {
    /// Wraps `spans` to `width` columns. The first line starts with `firstPrefix`, the others
    /// with `restPrefix` (hanging indents for list items, bars for quotes).
    public static func wrap(_ spans: [StyledSpan], width: Int, firstPrefix: [StyledSpan] = [],
                            restPrefix: [StyledSpan] = []) -> [StyledLine] {
        let words = self.words(spans)
        var lines: [StyledLine] = []
        var line = StyledLine(firstPrefix)
        var lineWidth = line.width
        var lineHasWord = false
        let restWidth = StyledLine(restPrefix).width
        let available = max(1, width)

        func newLine() {
            lines.append(line)
            line = StyledLine(restPrefix)
            lineWidth = restWidth
            lineHasWord = false
        }

        for word in words {
            let wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1.text) }
            if lineHasWord && lineWidth + 1 + wordWidth > available { newLine() }
            if lineWidth + (lineHasWord ? 1 : 0) + wordWidth <= available {
                if lineHasWord { line.spans.append(StyledSpan(" ")); lineWidth += 1 }
                line.spans.append(contentsOf: word)
                lineWidth += wordWidth
                lineHasWord = true
                continue
            }
            // A word wider than the line is cut by columns.
            for span in word {
                var piece = ""
                for character in span.text {
                    let w = DisplayWidth.of(character)
                    if lineWidth + w > available && (lineHasWord || !piece.isEmpty) {
                        if !piece.isEmpty { line.spans.append(StyledSpan(piece, span.style)) }
                        piece = ""
                        newLine()
                    }
                    piece.append(character)
                    lineWidth += w
                }
                if !piece.isEmpty {
                    line.spans.append(StyledSpan(piece, span.style))
                    lineHasWord = true
                }
            }
        }
        lines.append(line)
        return lines
    }

    /// Spans → words: runs of non-space text, which may mix styles (`**bold**,`).
    static func words(_ spans: [StyledSpan]) -> [[StyledSpan]] {
        var words: [[StyledSpan]] = []
        var current: [StyledSpan] = []
        for span in spans {
            let parts = span.text.split(separator: " ", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index > 0 && !current.isEmpty {
                    words.append(current)
                    current = []
                }
                if !part.isEmpty { current.append(StyledSpan(String(part), span.style)) }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
