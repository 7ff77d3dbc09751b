/// Word wrapping by display width (never by byte or character count).
public enum TextWrap {
    /// Splits `text` into lines no wider than `width` columns, breaking at spaces where it can
    /// and inside a word only when the word alone is wider than a line. Newlines are kept.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(contentsOf: wrapLine(paragraph, width: width, indent: indent))
        }
        return lines
    }

    private static func wrapLine(_ text: Substring, width: Int, indent: String) -> [String] {
        let indentWidth = DisplayWidth.of(indent)
        var lines: [String] = []
        var current = indent
        var currentWidth = indentWidth
        var hasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = DisplayWidth.of(word)
            let needed = hasWord ? wordWidth + 1 : wordWidth
            if currentWidth + needed <= width {
                if hasWord { current += " " }
                current += word
                currentWidth += needed
                hasWord = true
                continue
            }
            if hasWord {
                lines.append(current)
                current = indent
                currentWidth = indentWidth
                hasWord = false
            }
            // A word wider than a line is cut by columns.
            var piece = ""
            var pieceWidth = 0
            for character in word {
                let w = DisplayWidth.of(character)
                if indentWidth + pieceWidth + w > width && !piece.isEmpty {
                    lines.append(indent + piece)
                    piece = ""
                    pieceWidth = 0
                }
                piece.append(character)
                pieceWidth += w
            }
            current = indent + piece
            currentWidth = indentWidth + pieceWidth
            hasWord = !piece.isEmpty
        }
        lines.append(hasWord ? current : "")
        return lines
    }
}
