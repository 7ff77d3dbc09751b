import CCmarkGFM
import StudyText

/// Footnotes (`[^1]` in the text, `[^1]: …` defined anywhere): a reference is shown as a
/// superscript number and the notes are listed at the end of the note, numbered alike. cmark
/// drops a definition nothing refers to; `keepingUnreferenced` refers to each from a paragraph
/// the renderer leaves out, so that every definition a note holds is listed.
enum Footnotes {
    /// `markdown`, plus a paragraph referring to its unreferenced footnotes when it has any,
    /// and the line that paragraph starts on (nil when none was added).
    static func keepingUnreferenced(_ markdown: String) -> (markdown: String, hiddenLine: Int?) {
        let definitions = ReferenceLinks(text: markdown)
        let unreferenced = definitions.unreferencedFootnotes
        guard !unreferenced.isEmpty, !definitions.endsInFence else { return (markdown, nil) }
        let lines = markdown.utf8.reduce(1) { $1 == 10 ? $0 + 1 : $0 }
        let references = unreferenced.map { "[" + $0.label + "]" }.joined(separator: " ")
        return (markdown + "\n\n" + references, lines + 2)
    }

    /// `¹²` for cmark's number `12`; other text (never expected) in brackets.
    static func marker(_ number: String) -> String {
        guard !number.isEmpty, number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber) else { return "[^" + number + "]" }
        return String(number.map { superscripts[Int(String($0)) ?? 0] })
    }

    private static let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
}

extension RenderState {
    /// One footnote of the list cmark puts at the end of the note, in the order of their numbers,
    /// under a `Footnotes` line before the first.
    mutating func footnote(_ node: CmarkNode, prefix: [StyledSpan], restPrefix: [StyledSpan]) {
        footnotesListed += 1
        var first = prefix
        if footnotesListed == 1 {
            lines.append(StyledLine(prefix + [StyledSpan("Footnotes", [.footnote, .bold])]))
            first = restPrefix
        }
        let marker = Footnotes.marker(String(footnotesListed)) + " "
        let indent = StyledSpan(String(repeating: " ", count: DisplayWidth.of(marker)))
        blocks(node.children, prefix: first + [StyledSpan(marker, .footnote)], restPrefix: deeper(restPrefix, indent))
    }
}
