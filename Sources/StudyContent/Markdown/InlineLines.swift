import CCmarkGFM
import StudyCore

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

    init(_ block: CmarkNode) {
        for child in block.children { add(child) }
    }

    /// All text on one line, links as their text, soft breaks as spaces.
    var plainText: String {
        lines.map { $0.map(\.text).joined() }.joined(separator: " ").trimmingWhitespace()
    }

    private mutating func append(_ piece: InlinePiece) {
        if case .text(let new) = piece, case .text(let old)? = lines[lines.count - 1].last {
            lines[lines.count - 1][lines[lines.count - 1].count - 1] = .text(old + new)
        } else {
            lines[lines.count - 1].append(piece)
        }
    }

    private mutating func add(_ node: CmarkNode) {
        switch node.type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            append(.text(node.literal))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            lines.append([])
        case CMARK_NODE_LINK:
            var inner = InlineLines(node)
            let text = inner.plainText
            append(.link(url: node.url, text: text))
            // A link whose text spans lines still moves the following text down.
            while inner.lines.count > 1 {
                inner.lines.removeLast()
                lines.append([])
            }
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            break
        default:
            // Emphasis, strong, strikethrough, images (their alt text): the text inside counts.
            for child in node.children { add(child) }
        }
    }
}
