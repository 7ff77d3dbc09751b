/// Plain text wrapped by `StyledWrap`, so that the command line and the dashboard break lines
/// alike.
public enum TextWrap {
    /// Splits `text` into lines no wider than `width` columns, breaking at spaces where it can
    /// and inside a word only when the word alone is wider than a line. Newlines are kept; every
    /// line starts with `indent`, except a blank one, which stays empty.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        let prefix = indent.isEmpty ? [] : [StyledSpan(indent)]
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if paragraph.allSatisfy({ $0 == " " }) {
                lines.append("")
                continue
            }
            let wrapped = StyledWrap.wrap([StyledSpan(String(paragraph))], width: width,
                                          firstPrefix: prefix, restPrefix: prefix)
            lines += wrapped.map(\.text)
        }
        return lines
    }
}

/// Greedy word wrapping by display width (never by byte or character count): the one algorithm,
/// for styled spans (rendered notes, the reader) and plain text (`TextWrap`, the command line).
public enum StyledWrap {
    /// Wraps `spans` to `width` columns. The first line starts with `firstPrefix`, the others
    /// with `restPrefix` (hanging indents for list items, bars for quotes).
    public static func wrap(_ spans: [StyledSpan], width: Int, firstPrefix: [StyledSpan] = [],
                            restPrefix: [StyledSpan] = []) -> [StyledLine] {
        let restWidth = StyledLine(restPrefix).width
        let available = max(1, width)
        // A code span is one word, so that it moves whole to the next line; only one wider than
        // a fresh line breaks at its spaces.
        let words = self.words(spans, keepingCode: true).flatMap { word, gap in
            let tooWide = word.reduce(0) { $0 + DisplayWidth.of($1.text) } > max(1, available - restWidth)
            guard tooWide, word.contains(where: { $0.style.contains(.code) && $0.text.contains(" ") }) else {
                return [(word: word, gap: gap)]
            }
            var split = self.words(word, keepingCode: false)
            if !split.isEmpty { split[0].gap = gap }
            return split
        }
        var lines: [StyledLine] = []
        var line = StyledLine(firstPrefix)
        var lineWidth = line.width
        var lineHasWord = false

        func newLine() {
            lines.append(line)
            line = StyledLine(restPrefix)
            lineWidth = restWidth
            lineHasWord = false
        }

        for (word, gap) in words {
            let wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1.text) }
            if lineHasWord && lineWidth + 1 + wordWidth > available { newLine() }
            if lineWidth + (lineHasWord ? 1 : 0) + wordWidth <= available {
                if lineHasWord { line.spans.append(StyledSpan(" ", gap)); lineWidth += 1 }
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

    /// Spans → words: runs of non-space text, which may mix styles (`**bold**,`), each with the
    /// style of the space before it, so that a space inside a link or a bold phrase is drawn as
    /// part of it (an underline without gaps) and one between two phrases is not. With
    /// `keepingCode`, a code span's spaces do not end a word.
    static func words(_ spans: [StyledSpan], keepingCode: Bool = false) -> [(word: [StyledSpan], gap: TextStyle)] {
        var words: [(word: [StyledSpan], gap: TextStyle)] = []
        var current: [StyledSpan] = []
        var gap: TextStyle = []
        var nextGap: TextStyle = []
        for span in spans {
            if keepingCode && span.style.contains(.code) {
                if current.isEmpty { gap = nextGap }
                current.append(span)
                continue
            }
            let parts = span.text.split(separator: " ", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index > 0 {
                    if !current.isEmpty {
                        words.append((current, gap))
                        current = []
                    }
                    nextGap = span.style
                }
                if !part.isEmpty {
                    if current.isEmpty { gap = nextGap }
                    current.append(StyledSpan(String(part), span.style))
                }
            }
        }
        if !current.isEmpty { words.append((current, gap)) }
        return words
    }
}
