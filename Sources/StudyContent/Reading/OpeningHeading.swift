/// A file that opens with an `##`, `###` or `####` heading (a book's chapters often do) is titled
/// by that heading, as a file that opens with an H1 is, and its content is not nested a level
/// deeper under it.
///
/// The rule, kept narrow so that a file of equal sections (`## Monday`, `## Tuesday`) is not
/// retitled by its first one: the heading is the file's only heading at its level or shallower
/// (everything else is below it), and nothing but decoration comes before it. Front matter,
/// blank lines, HTML comments and `---` never reach the outline; decoration is a line of images
/// or HTML tags without text (badges, a centred logo). Prose or a resource before the heading
/// means the file's prose does not start there, and the file keeps its name as its title.
enum OpeningHeading {
    /// The heading's title and the file's sections with the heading's content at the top, or nil
    /// when the rule does not apply. An H1 is handled by the outline builder already.
    /// `text` is what was parsed: a resource before the heading is decoration when its line is
    /// (a linked badge is read as a resource), and it is kept, so its progress is too.
    static func promote(_ root: OutlineSection, text: String) -> (title: String, root: OutlineSection)? {
        guard root.children.count == 1, let heading = root.children.first, heading.level >= 2,
              isDecoration(root.note) else { return nil }
        if !root.resources.isEmpty {
            let lines = text.split(separator: "\n", maxSplits: heading.line, omittingEmptySubsequences: false)
            guard root.resources.allSatisfy({ $0.line >= 1 && $0.line <= lines.count && isDecoration(String(lines[$0.line - 1])) })
            else { return nil }
        }
        let note = [root.note, heading.note].filter { !$0.isEmpty }.joined(separator: "\n\n")
        let section = OutlineSection(title: "", level: 0, line: heading.line, note: note,
                                     resources: root.resources + heading.resources, children: heading.children)
        return (heading.title, section)
    }

    /// True when `note` has no text a reader would read: only images and HTML tags.
    static func isDecoration(_ note: String) -> Bool {
        var rest = Substring(note)
        while let first = rest.first {
            if first.isWhitespace {
                rest = rest.dropFirst()
            } else if let after = image(at: rest) ?? linkedImage(at: rest) ?? tag(at: rest) {
                rest = after
            } else {
                return false
            }
        }
        return true
    }

    /// `![alt](src)` at the start of `text`: what follows it.
    private static func image(at text: Substring) -> Substring? {
        guard text.hasPrefix("![") else { return nil }
        return bracketsThenParentheses(text.dropFirst())
    }

    /// `[![alt](src)](href)` at the start of `text`: what follows it.
    private static func linkedImage(at text: Substring) -> Substring? {
        guard text.hasPrefix("[!["), let inner = image(at: text.dropFirst()), inner.hasPrefix("](") else { return nil }
        return closing(")", in: inner.dropFirst(2))
    }

    /// `<…>` at the start of `text`: what follows it.
    private static func tag(at text: Substring) -> Substring? {
        guard text.hasPrefix("<"), let next = text.dropFirst().first, next.isLetter || next == "/" else { return nil }
        return closing(">", in: text.dropFirst())
    }

    /// `[…](…)`: what follows it.
    private static func bracketsThenParentheses(_ text: Substring) -> Substring? {
        guard text.hasPrefix("["), let afterLabel = closing("]", in: text.dropFirst()),
              afterLabel.hasPrefix("(") else { return nil }
        return closing(")", in: afterLabel.dropFirst())
    }

    /// What follows the first `mark` on the same line, or nil when the line has none.
    private static func closing(_ mark: Character, in text: Substring) -> Substring? {
        guard let end = text.firstIndex(where: { $0 == mark || $0 == "\n" }), text[end] == mark else { return nil }
        return text[text.index(after: end)...]
    }
}
