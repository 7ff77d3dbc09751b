import CCmarkGFM
import StudyText

/// Obsidian's callouts: a quote whose first line is `[!kind] Title` (`> [!warning] Careful`,
/// `> [!tip]- Folded`) is drawn as a titled box, a heavy bar down its side and the kind as the
/// label of its first line: `┃ Warning: Careful`.
struct Callout {
    /// `Note`, `Tip`, `Warning`… as written, capitalised.
    var kind: String
    var title: String

    /// The callout `quote` is, or nil when it is a plain quote.
    init?(_ quote: CmarkNode) {
        guard let paragraph = quote.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH else { return nil }
        var firstLine = ""
        var child = paragraph.firstChild
        while let node = child, node.type != CMARK_NODE_SOFTBREAK, node.type != CMARK_NODE_LINEBREAK {
            firstLine += node.type == CMARK_NODE_TEXT || node.type == CMARK_NODE_CODE ? node.literal : InlineLines(node).plainText
            child = node.next
        }
        guard firstLine.hasPrefix("[!"), let close = firstLine.firstIndex(of: "]") else { return nil }
        let name = firstLine[firstLine.index(firstLine.startIndex, offsetBy: 2)..<close]
        guard let first = name.first, first.isLetter, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            return nil
        }
        kind = first.uppercased() + name.dropFirst().lowercased()
        // `-` and `+` after the bracket fold the callout in Obsidian; here it is always open.
        title = firstLine[firstLine.index(after: close)...].drop { $0 == "-" || $0 == "+" }.trimmingWhitespace()
    }

    /// `Note: Title`, or `Note` alone when it has no title of its own.
    var label: String {
        title.isEmpty || title.lowercased() == kind.lowercased() ? kind : kind + ": " + title
    }
}

extension RenderState {
    mutating func callout(_ quote: CmarkNode, prefix: [StyledSpan], restPrefix: [StyledSpan]) {
        guard let callout = Callout(quote), let paragraph = quote.firstChild else { return }
        let bar = StyledSpan("┃ ", [.quote, .callout])
        let first = deeper(prefix, bar), rest = deeper(restPrefix, bar)
        var title = [StyledSpan(safe(callout.label), [.callout, .bold])]
        // The title is plain text: its links are numbered after it, so they can still be followed.
        var child = paragraph.firstChild
        while let node = child, node.type != CMARK_NODE_SOFTBREAK, node.type != CMARK_NODE_LINEBREAK {
            var found = node.type == CMARK_NODE_LINK ? [node.url] : []
            node.walkDescendants(enter: { if $0.type == CMARK_NODE_LINK { found.append($0.url) } }, exit: { _ in })
            for url in found {
                links.append(url)
                title.append(StyledSpan("[\(firstLink - 1 + links.count)]", [.link, .dim]))
            }
            child = node.next
        }
        lines += StyledWrap.wrap(title, width: width, firstPrefix: first, restPrefix: rest)
        let body = inlines(paragraph, breaks: true, skippingFirstLine: true)
        if !body.isEmpty { lines += RenderState.wrapBreaking(body, width: width, firstPrefix: rest, restPrefix: rest) }
        let others = Array(quote.children.dropFirst())
        guard !others.isEmpty else { return }
        separate(rest)
        blocks(others, prefix: rest, restPrefix: rest)
    }
}
