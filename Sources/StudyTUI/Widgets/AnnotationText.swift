import StudyCore

/// An annotation as the screen shows it, at a cost that does not grow with its size: the first
/// line for the lists looks at the text's start only, and the reader shows at most
/// `AnnotationLimit.bytes` of it (a store from before the limit may hold far more).
enum AnnotationText {
    /// Characters looked at for a one-row preview: far more than any row is wide.
    static let previewScan = 2_000

    /// The first non-blank line, trimmed, from the text's first `previewScan` characters.
    static func firstLine(_ text: String?) -> String {
        guard let text else { return "" }
        for line in text.prefix(previewScan).split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0.isWhitespace }
            if !trimmed.isEmpty { return String(trimmed) }
        }
        return ""
    }

    /// The text to lay out in the reader, and whether it was cut.
    static func forReading(_ text: String) -> (text: Substring, cut: Bool) {
        guard text.utf8.count > AnnotationLimit.bytes else { return (text[...], false) }
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: AnnotationLimit.bytes)
        // Back to a character boundary, so the cut never splits one.
        while end > text.startIndex && end.samePosition(in: text) == nil { end = text.utf8.index(before: end) }
        return (text[..<end], true)
    }
}
