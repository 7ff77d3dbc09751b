import CCmarkGFM
import StudyCore
import StudyText

/// A table of contents: a list whose links lead to the other notes (`chapter-1.md`,
/// `#installation`, `https://…/blob/main/guide.md`), not to things to study. Under a heading
/// (or after a line) called "Contents", "Table of Contents" or "TOC", a list is one when most of
/// its links are such; elsewhere only when all of them are. Its links are not resources; the list
/// stays in the topic's note as written.
enum TableOfContents {
    private static let names: Set<String> = ["contents", "table of contents", "toc", "table of content", "index", "outline"]

    static func isContents(_ list: CmarkNode, heading: String, previous: CmarkNode?) -> Bool {
        // Without the name, such a list holds no resource anyway: nothing to decide, and nothing
        // is walked for the many lists that are not named so.
        guard isContentsName(heading) || names(previous) else { return false }
        var notes = 0
        var others = 0
        list.walkDescendants(enter: { node in
            guard node.type == CMARK_NODE_LINK else { return }
            if isNoteLink(node.url) { notes += 1 } else { others += 1 }
        }, exit: { _ in })
        return notes >= 2 && notes >= others * 2
    }

    /// A one-line paragraph (`**Contents**`) or HTML block (`<summary>Contents</summary>`).
    private static func names(_ block: CmarkNode?) -> Bool {
        guard let block else { return false }
        switch block.type {
        case CMARK_NODE_PARAGRAPH where block.startLine == block.endLine:
            return isContentsName(InlineLines(block).plainText)
        case CMARK_NODE_HTML_BLOCK:
            let literal = block.literal
            return literal.utf8.count <= 200 && isContentsName(HTMLText.clean(stripTags(literal)))
        default:
            return false
        }
    }

    static func isContentsName(_ text: String) -> Bool {
        // The longest name is a few words: a longer line is not looked into, letter by letter.
        guard text.utf8.count <= 40 else { return false }
        if let core = asciiCore(text) { return names.contains(core) }
        let core = text.lowercased().filter { $0.isLetter || $0 == " " }.trimmingWhitespace()
        return names.contains(core)
    }

    /// The letters (lower-cased) and spaces of an ASCII `text`, trimmed; nil when it is not ASCII.
    /// Every list asks about its heading, and nearly every heading is ASCII: picking bytes costs
    /// a tenth of asking Unicode about each character.
    private static func asciiCore(_ text: String) -> String? {
        var core: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): core.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): core.append(byte)
            case UInt8(ascii: " ") where !core.isEmpty: core.append(byte)
            default: break
            }
        }
        while core.last == UInt8(ascii: " ") { core.removeLast() }
        return String(decoding: core, as: UTF8.self)
    }

    /// A link to a place in these notes: relative, an anchor, or a Markdown file on the web.
    static func isNoteLink(_ url: String) -> Bool {
        let trimmed = url.trimmingWhitespace()
        if trimmed.hasPrefix("#") { return true }
        let path = trimmed.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0].lowercased()
        if path.hasSuffix(".md") || path.hasSuffix(".markdown") { return true }
        if let colon = trimmed.firstIndex(of: ":"), trimmed[..<colon].allSatisfy({ $0.isLetter }) { return false }
        return !trimmed.isEmpty
    }

    private static func stripTags(_ html: String) -> String {
        var out = ""
        for case .text(let text) in HTMLTokens(html) { out += text }
        return out
    }
}
