import CCmarkGFM
import StudyCore
import StudyText

/// A note's Markdown (cmark-gfm) as styled, wrapped lines for a terminal, its links numbered in
/// the text and collected in order; an Obsidian `[[wikilink]]` is shown as its text and numbered
/// like any link (collected as `[[Note#Heading]]`, which `NoteLinkResolver` resolves).
public enum NoteRenderer {
    /// `firstLink` is the number the note's first link gets: a note shown after others in one
    /// document (the whole-file reader) numbers on from theirs.
    public static func render(_ markdown: String, width: Int, firstLink: Int = 1) -> RenderedNote {
        let footnotes = Footnotes.keepingUnreferenced(markdown)
        let parsed = CmarkDocument.parse(footnotes.markdown) { document in
            var state = RenderState(width: max(8, width), firstLink: firstLink)
            state.blocks(document.children.filter { $0.startLine != footnotes.hiddenLine }, prefix: [], restPrefix: [])
            while state.lines.last?.spans.isEmpty == true { state.lines.removeLast() }
            return RenderedNote(lines: state.lines, links: state.links)
        }
        // Only when cmark cannot allocate: the note as plain, safe lines is still readable.
        return parsed?.value ?? RenderedNote(
            lines: markdown.split(separator: "\n", omittingEmptySubsequences: false)
                .map { StyledLine([StyledSpan(TerminalSafe.escape(String($0)))]) },
            links: [])
    }
}

struct RenderState {
    let width: Int
    var lines: [StyledLine] = []
    var links: [String] = []
    /// Footnote definitions listed so far (see `Footnotes.swift`).
    var footnotesListed = 0
    let firstLink: Int

    init(width: Int, firstLink: Int) {
        self.width = width
        self.firstLink = firstLink
    }

    mutating func blankLine() {
        if let last = lines.last, !last.spans.isEmpty { lines.append(StyledLine()) }
    }

    mutating func blocks(_ nodes: [CmarkNode], prefix: [StyledSpan], restPrefix: [StyledSpan], tight: Bool = false) {
        for (index, node) in nodes.enumerated() {
            let first = index == 0 ? prefix : restPrefix
            block(node, prefix: first, restPrefix: restPrefix)
            if !tight && index < nodes.count - 1 { separate(restPrefix) }
        }
    }

    /// A blank line between blocks, keeping a quote's bar.
    mutating func separate(_ prefix: [StyledSpan]) {
        let bars = prefix.filter { $0.style.contains(.quote) }
        if bars.isEmpty { blankLine() } else { lines.append(StyledLine(bars)) }
    }

    mutating func block(_ node: CmarkNode, prefix: [StyledSpan], restPrefix: [StyledSpan]) {
        switch node.type {
        case CMARK_NODE_PARAGRAPH:
            lines += RenderState.wrapBreaking(inlines(node, breaks: true), width: width, firstPrefix: prefix, restPrefix: restPrefix)
        case CMARK_NODE_HEADING:
            var spans = inlines(node).map { StyledSpan($0.text, $0.style.union([.heading, .bold])) }
            if node.headingLevel >= 3 { spans.insert(StyledSpan(String(repeating: "#", count: node.headingLevel) + " ", [.heading, .dim]), at: 0) }
            lines += StyledWrap.wrap(spans, width: width, firstPrefix: prefix, restPrefix: restPrefix)
            if node.headingLevel <= 2 {
                let indent = StyledLine(restPrefix).width
                let length = max(1, (lines.last?.width ?? 1) - indent)
                let underline = String(repeating: node.headingLevel == 1 ? "═" : "─", count: length)
                lines.append(StyledLine(restPrefix + [StyledSpan(underline, [.heading, .dim])]))
            }
        case CMARK_NODE_LIST:
            list(node, prefix: prefix, restPrefix: restPrefix)
        case CMARK_NODE_BLOCK_QUOTE where Callout(node) != nil:
            callout(node, prefix: prefix, restPrefix: restPrefix)
        case CMARK_NODE_BLOCK_QUOTE:
            let bar = StyledSpan("│ ", [.quote, .dim])
            blocks(node.children, prefix: deeper(prefix, bar), restPrefix: deeper(restPrefix, bar))
        case CMARK_NODE_HTML_BLOCK:
            htmlBlock(node, prefix: prefix, restPrefix: restPrefix)
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            footnote(node, prefix: prefix, restPrefix: restPrefix)
        case CMARK_NODE_CODE_BLOCK:
            lines += CodeBlock.lines(literal: node.literal, info: node.fenceInfo, width: width, prefix: prefix, restPrefix: restPrefix)
        case CMARK_NODE_THEMATIC_BREAK:
            lines.append(StyledLine(prefix + [StyledSpan(String(repeating: "─", count: max(1, width - StyledLine(prefix).width)), .dim)]))
        default:
            if node.typeString == "table" {
                table(node, prefix: prefix, restPrefix: restPrefix)
            } else {
                blocks(node.children, prefix: prefix, restPrefix: restPrefix)
            }
        }
    }

    /// `prefix` one level deeper; past half the width, nesting adds no more indentation, so a
    /// note nested deeper still wraps in the columns left instead of one letter a line.
    func deeper(_ prefix: [StyledSpan], _ level: StyledSpan) -> [StyledSpan] {
        StyledLine(prefix).width < width / 2 ? prefix + [level] : prefix
    }

    mutating func list(_ node: CmarkNode, prefix: [StyledSpan], restPrefix: [StyledSpan]) {
        let tight = cmark_node_get_list_tight(node.raw) != 0
        var number = node.listStart
        let items = node.children
        for (index, item) in items.enumerated() {
            var marker = node.isOrderedList ? "\(number). " : "• "
            if item.isTaskItem { marker += item.isTaskChecked ? "[x] " : "[ ] " }
            number += 1
            let indent = StyledSpan(String(repeating: " ", count: DisplayWidth.of(marker)))
            let outer = index == 0 ? prefix : restPrefix
            let first = (StyledLine(outer).width < width / 2 ? outer : restPrefix) + [StyledSpan(marker, .dim)]
            if item.children.isEmpty {
                lines.append(StyledLine(first))
            } else {
                blocks(item.children, prefix: first, restPrefix: deeper(restPrefix, indent), tight: tight)
            }
            if !tight && index < items.count - 1 { separate(restPrefix) }
        }
    }

    mutating func table(_ node: CmarkNode, prefix: [StyledSpan], restPrefix: [StyledSpan]) {
        let rows = node.children.map { row in row.children.map { inlines($0) } }
        lines += TableLayout(rows: rows, alignments: node.tableAlignments).lines(width: width, prefix: prefix, restPrefix: restPrefix)
    }

    // MARK: Inlines

    /// The inline content of `node` as styled spans. Emphasis may nest as deep as a line is
    /// long, so the walk is iterative: `styles` holds the style of each open inline node.
    /// `breaks`: hard line breaks (and `<br>`) as `RenderState.lineBreak` spans for
    /// `wrapBreaking`, else as spaces. `skippingFirstLine`: from the first line break of `node`
    /// on (a callout's first line is its title).
    mutating func inlines(_ node: CmarkNode, style: TextStyle = [], breaks: Bool = false,
                          skippingFirstLine: Bool = false) -> [StyledSpan] {
        var spans: [StyledSpan] = []
        var styles: [TextStyle] = [style]
        // Moved out, not copied: appending to a copy would copy every link so far, per paragraph.
        var links = self.links
        self.links = []
        var html = InlineHTML()
        var skipping = skippingFirstLine
        // A run of text nodes is read whole: cmark splits `[[Note]]` at its brackets.
        var text = ""
        var textStyle = style
        var linkDepth = 0
        func flushText() {
            guard !text.isEmpty else { return }
            var rest = text[...]
            for found in linkDepth == 0 ? Wikilink.all(in: text) : [] {
                let before = text[rest.startIndex..<found.range.lowerBound]
                if !before.isEmpty { spans += ObsidianInline.decorate(String(before), textStyle, inLink: false) }
                spans.append(StyledSpan(safe(found.shown), textStyle.union(.link)))
                links.append(Wikilink.collected(found.target))
                spans.append(StyledSpan("[\(firstLink - 1 + links.count)]", textStyle.union([.link, .dim])))
                rest = text[found.range.upperBound...]
            }
            if !rest.isEmpty { spans += ObsidianInline.decorate(String(rest), textStyle, inLink: linkDepth > 0) }
            text = ""
        }
        node.walkDescendants(enter: { child in
            if skipping {
                let isBreak = child.type == CMARK_NODE_SOFTBREAK || child.type == CMARK_NODE_LINEBREAK
                if isBreak && child.parent?.raw == node.raw { skipping = false }
                return
            }
            let current = (styles.last ?? style).union(html.style)
            guard child.type != CMARK_NODE_TEXT else {
                if text.isEmpty { textStyle = current }
                text += child.literal
                return
            }
            flushText()
            switch child.type {
            case CMARK_NODE_CODE:
                spans.append(StyledSpan(safe(child.literal), current.union(.code)))
            case CMARK_NODE_HTML_INLINE:
                switch html.read(child.literal) {
                case .lineBreak:
                    spans.append(breaks ? RenderState.lineBreak : StyledSpan(" ", current))
                case .image(let alt):
                    spans.append(StyledSpan("[image: " + safe(alt) + "]", current.union(.dim)))
                case .linkOpened:
                    linkDepth += 1
                case .linkClosed(let url):
                    linkDepth -= 1
                    links.append(url)
                    spans.append(StyledSpan("[\(firstLink - 1 + links.count)]", current.union([.link, .dim])))
                case .nothing:
                    break
                }
            case CMARK_NODE_LINEBREAK:
                spans.append(breaks ? RenderState.lineBreak : StyledSpan(" ", current))
            case CMARK_NODE_SOFTBREAK:
                spans.append(StyledSpan(" ", current))
            case CMARK_NODE_EMPH:
                styles.append(current.union(.italic))
            case CMARK_NODE_STRONG:
                styles.append(current.union(.bold))
            case CMARK_NODE_LINK:
                linkDepth += 1
                styles.append(current.union(.link))
            case CMARK_NODE_IMAGE:
                spans.append(StyledSpan("[image: ", current.union(.dim)))
                styles.append(current.union(.dim))
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                // cmark gives a reference the number of its note in the list at the end.
                spans.append(StyledSpan(Footnotes.marker(safe(child.literal)), current.union(.footnote)))
                styles.append(current)
            default:
                styles.append(current.union(child.typeString == "strikethrough" ? .strike : []))
            }
        }, exit: { child in
            guard !skipping, child.type != CMARK_NODE_TEXT else { return }
            flushText()
            switch child.type {
            case CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                return
            default:
                break
            }
            if styles.count > 1 { styles.removeLast() }
            let outer = styles.last ?? style
            switch child.type {
            case CMARK_NODE_LINK:
                linkDepth -= 1
                links.append(child.url)
                spans.append(StyledSpan("[\(firstLink - 1 + links.count)]", outer.union([.link, .dim])))
            case CMARK_NODE_IMAGE:
                spans.append(StyledSpan("]", outer.union(.dim)))
            default:
                break
            }
        })
        flushText()
        // An `<a>` left open at the end of the text still gets its number.
        while let url = html.closeAll() {
            links.append(url)
            spans.append(StyledSpan("[\(firstLink - 1 + links.count)]", style.union([.link, .dim])))
        }
        self.links = links
        return spans
    }

    func safe(_ text: String) -> String { TerminalSafe.escape(text) }
}
