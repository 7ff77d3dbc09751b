import StudyCore
import StudyText

/// Link text that names nothing: `source`, `here`, `link`, `this`, a footnote-style number
/// (`36`, `[2]`, `^3`), an arrow. A resource so linked is titled from the words around the link,
/// else from where the link leads (`arxiv.org › 2205.02302`).
enum GenericLinkText {
    private static let words: Set<String> = [
        // Not "go", "reference", "docs" or "video": a language, a manual's part, a kind of thing.
        "source", "sources", "src", "here", "link", "links", "this", "this link", "that", "click here",
        "click", "read more", "more", "see here", "url", "ref", "website",
        "thumbnail", "image", "img", "picture", "screenshot", "logo",
    ]

    /// Brackets and punctuation around a generic word (`[source]`, `(here).`). Made once:
    /// every link of every file is asked.
    private static let edgeMarks = Set("[](){}^#*.:!?\"'“”‘’ ")

    static func isGeneric(_ text: String) -> Bool {
        // Every link is asked: a text longer than the longest such word names something.
        guard text.utf8.count <= 24 else { return false }
        if text.utf8.allSatisfy({ $0 < 128 }) { return isGenericASCII(Array(text.utf8)) }
        let core = text.lowercased().trimmingWhitespace().trimming(edgeMarks)
        if core.isEmpty { return !text.isEmpty }
        if core.allSatisfy({ $0.isNumber }) { return true }
        if !core.contains(where: { $0.isLetter }) { return true }
        return words.contains(core)
    }

    /// `isGeneric` for ASCII text, on its bytes: each is a character of its own (a CR LF pair is
    /// one, but white space and neither letter nor digit either way), so the same steps give the
    /// same answer without lower-casing and breaking graphemes.
    private static func isGenericASCII(_ bytes: [UInt8]) -> Bool {
        let lowered = bytes.map { $0 &- UInt8(ascii: "A") < 26 ? $0 + 32 : $0 }
        var core = lowered[...]
        // Unicode's white space among ASCII: tab, line feed, vertical tab, form feed, CR, space.
        let isSpace = { (byte: UInt8) in byte == 32 || byte &- 9 < 5 }
        while let first = core.first, isSpace(first) { core = core.dropFirst() }
        while let last = core.last, isSpace(last) { core = core.dropLast() }
        while let first = core.first, asciiEdgeMarks.contains(first) { core = core.dropFirst() }
        while let last = core.last, asciiEdgeMarks.contains(last) { core = core.dropLast() }
        if core.isEmpty { return !bytes.isEmpty }
        if core.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) { return true }
        if !core.contains(where: { $0 &- UInt8(ascii: "a") < 26 }) { return true }
        return words.contains(String(decoding: core, as: UTF8.self))
    }

    private static let asciiEdgeMarks = Set(edgeMarks.compactMap { $0.asciiValue })

    /// The title a bare place gives: host and the last segment of the path.
    static func placeTitle(_ url: String) -> String {
        let shown = URLNormalizer.displayTitle(url)
        let withoutQuery = shown.split(separator: "?", maxSplits: 1).first.map(String.init) ?? shown
        let parts = withoutQuery.split(separator: "#", maxSplits: 1)[0].split(separator: "/")
        guard let host = parts.first else { return shown }
        guard parts.count > 1, let last = parts.last else { return String(host) }
        return "\(host) › \(last)"
    }

    /// The first sentence of `text`, at most about `limit` characters, cut at a word.
    static func sentence(_ text: String, limit: Int = 80) -> String {
        var sentence = Substring(text.trimmingWhitespace())
        if let end = sentence.firstRange(of: ". ") { sentence = sentence[..<end.lowerBound] }
        if sentence.count > limit {
            let clipped = sentence.prefix(limit)
            sentence = clipped.lastIndex(of: " ").map { clipped[..<$0] } ?? clipped
            return LinkLine.cleanEdges(String(sentence)) + "…"
        }
        return LinkLine.cleanEdges(String(sentence))
    }
}

private extension String {
    /// Not `dropLast()`, which counts every character of a Substring to drop one.
    func trimming(_ characters: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice[..<slice.index(before: slice.endIndex)] }
        return String(slice)
    }
}
