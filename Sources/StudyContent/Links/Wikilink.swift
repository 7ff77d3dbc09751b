import StudyText

/// Obsidian's `[[Note]]`, `[[Note#Heading]]` and `[[Note|shown text]]` in a note's prose: where
/// they are in a run of text, the words they show, and the form the renderer collects them in
/// (`[[Note#Heading]]`, the alias dropped), which `NoteLinkResolver` reads back.
enum Wikilink {
    struct Found {
        var range: Range<String.Index>
        /// What the link is to: `Note#Heading`.
        var target: String
        /// What the text shows: the alias, else `Note > Heading`, else the name.
        var shown: String
    }

    /// Every wikilink in `text`, in order. A `[[` with no `]]` on the same run is left as text.
    static func all(in text: String) -> [Found] {
        // Most text has none: one look at its bytes before the slower string search.
        let open = UInt8(ascii: "[")
        guard ReferenceLinks.contains(text.utf8, open, open) else { return [] }
        var found: [Found] = []
        var searchFrom = text.startIndex
        while let open = text[searchFrom...].firstRange(of: "[["),
              let close = text[open.upperBound...].firstRange(of: "]]") {
            let inner = text[open.upperBound..<close.lowerBound]
            searchFrom = close.upperBound
            // `[[a [[b]]`: the link is the innermost pair.
            if let reopened = inner.ranges(of: "[[").last {
                searchFrom = reopened.lowerBound
                continue
            }
            guard !inner.contains("\n") else { continue }
            let target = inner.prefix { $0 != "|" }.trimmingWhitespace()
            guard !target.isEmpty else { continue }
            let alias = inner.firstIndex(of: "|").map { inner[inner.index(after: $0)...].trimmingWhitespace() } ?? ""
            found.append(Found(range: open.lowerBound..<close.upperBound, target: target,
                               shown: alias.isEmpty ? shownName(target) : alias))
        }
        return found
    }

    /// `Note#Heading` as Obsidian shows it: `Note > Heading`; `#Heading` alone: `Heading`.
    static func shownName(_ target: String) -> String {
        target.split(separator: "#", omittingEmptySubsequences: true).map { $0.trimmingWhitespace() }.joined(separator: " > ")
    }

    static func collected(_ target: String) -> String { "[[" + target + "]]" }

    /// The target of a collected link, nil when `written` is not one.
    static func target(ofCollected written: String) -> String? {
        guard written.hasPrefix("[["), written.hasSuffix("]]"), written.count > 4 else { return nil }
        return String(written.dropFirst(2).dropLast(2))
    }
}
