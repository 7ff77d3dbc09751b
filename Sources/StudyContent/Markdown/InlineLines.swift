import CCmarkGFM
import StudyCore
import StudyText

/// The inline content of a block, split into the source lines it was written on, with links
/// kept apart from text. This is what decides whether a link "stands on its own line".
enum InlinePiece: Equatable {
    case text(String)
    case link(url: String, text: String)

    var text: String {
        switch self {
        case .text(let text): text
        case .link(_, let text): text
        }
    }
}

struct InlineLines {
    private(set) var lines: [[InlinePiece]] = [[]]
    /// Text not yet added to the last line: runs of text nodes are joined here, in place.
    private var pending = ""

    /// Emphasis, strong, strikethrough and images (their alt text) count by the text inside;
    /// a link's text is collected apart, as the link's own lines. Inline HTML counts as what it
    /// shows: `<a href="https://…">` … `</a>` is a link, `<img alt>` its alt text, `<br>` a line
    /// break, other tags nothing. The walk is iterative, so emphasis nested a million deep costs
    /// no stack.
    init(_ block: CmarkNode) {
        // Links do not nest in CommonMark, but a stack keeps any nesting correct. Each open link
        // remembers its URL when it is an HTML anchor (closed by `</a>`, not by a node's exit).
        var open: [(outer: InlineLines, htmlURL: String?)] = []
        var current = InlineLines(empty: ())
        // A link whose text is one text node (most links) is added whole on entering it: its
        // literal is its text, with no lines of its own to collect and close. Its child's entry
        // and its own exit are then passed over.
        var wholeLink: OpaquePointer?
        var skipsChild = false
        func close(url: String) {
            guard var outer = open.popLast()?.outer else { return }
            // `outer` is changed while it is the only reference to its lines, so they are never
            // copied: a paragraph of 100,000 lines with 1,000 links would copy them per link.
            current.flush()
            outer.flush()
            outer.lines[outer.lines.count - 1].append(.link(url: url, text: current.plainText))
            // A link whose text spans lines still moves the following text down.
            for _ in 1..<current.lines.count { outer.lines.append([]) }
            current = outer
        }
        block.walkDescendants(enter: { node in
            if skipsChild {
                skipsChild = false
                return
            }
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                current.pending += node.literal
            case CMARK_NODE_HTML_INLINE:
                guard let tag = HTMLTag(node.literal[...]) else { break }
                if tag.name == "a" {
                    while let last = open.last, let url = last.htmlURL { close(url: url) }
                    if let url = tag.webLink {
                        open.append((current, url))
                        current = InlineLines(empty: ())
                    }
                } else if let text = tag.altText {
                    current.pending += text
                } else if tag.name == "br" {
                    current.newLine()
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                current.newLine()
            case CMARK_NODE_LINK:
                if let child = node.firstChild, child.next == nil, child.type == CMARK_NODE_TEXT || child.type == CMARK_NODE_CODE {
                    current.flush()
                    current.lines[current.lines.count - 1].append(.link(url: node.url, text: child.literal.trimmingWhitespace()))
                    wholeLink = node.raw
                    skipsChild = true
                    break
                }
                open.append((current, nil))
                current = InlineLines(empty: ())
            default:
                break
            }
        }, exit: { node in
            guard node.type == CMARK_NODE_LINK else { return }
            if node.raw == wholeLink {
                wholeLink = nil
                return
            }
            while let last = open.last, let url = last.htmlURL { close(url: url) }
            close(url: node.url)
        })
        while let last = open.last { close(url: last.htmlURL ?? "") }
        current.flush()
        self = current
    }

    private init(empty: ()) {}

    /// All text on one line, links as their text, soft breaks as spaces.
    var plainText: String {
        // Appended into one string, not joined from an array per line: this is every link's
        // text, which is most often one piece on one line.
        if lines.count == 1, lines[0].count == 1 { return lines[0][0].text.trimmingWhitespace() }
        var text = ""
        for (index, line) in lines.enumerated() {
            if index > 0 { text += " " }
            for piece in line { text += piece.text }
        }
        return text.trimmingWhitespace()
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        lines[lines.count - 1].append(.text(pending))
        pending = ""
    }

    private mutating func newLine() {
        flush()
        lines.append([])
    }
}
