import CCmarkGFM
import StudyText

/// Raw HTML in a note, as its author meant it to look: `<img alt>` as `[image: alt]`, `<a href>`
/// as a numbered link, `<br>` as a line break, `<details>`'s `<summary>` as a heading-like line,
/// `<b>`, `<i>`, `<code>`, `<del>`, `<mark>` as their styles; every other tag is dropped and its
/// text kept (`<div align=center>` shows its text). The HTML is untrusted: entities are decoded
/// to text (then made terminal-safe like all text), scripts and styles are never shown. The tags
/// themselves are read by `HTMLTokens` (Markdown/HTMLTags.swift), as the outline reads them.
extension HTMLTag {
    /// What an `<img>` shows: its alt text, else its title, else its file's name.
    var imageText: String {
        for key in ["alt", "title"] {
            if let text = attributes[key]?.trimmingWhitespace(), !text.isEmpty { return text }
        }
        let source = attributes["src"] ?? ""
        return source.split(separator: "/").last.map(String.init) ?? ""
    }

    /// The style text inside this tag takes, if it is one of the styling tags.
    var style: TextStyle? {
        switch name {
        case "b", "strong": .bold
        case "i", "em", "cite": .italic
        case "code", "kbd", "samp", "tt": .code
        case "s", "del", "strike": .strike
        case "mark": .highlight
        default: nil
        }
    }

    /// Tags that start a new line in a block of HTML.
    var breaksLine: Bool {
        ["br", "p", "div", "center", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr",
         "blockquote", "details", "summary", "section", "article", "header", "footer", "hr", "pre", "dl", "dt", "dd",
         "figure", "figcaption", "nav", "aside", "main"].contains(name)
    }
}

/// The inline HTML of one paragraph (cmark gives each tag as its own node), read tag by tag:
/// which styles and links are open.
struct InlineHTML {
    enum Action: Equatable {
        case nothing, lineBreak, image(String), linkOpened, linkClosed(String)
    }

    private var open: [(name: String, style: TextStyle, url: String?)] = []
    private(set) var style: TextStyle = []
    /// Tags nested deeper are read as no tag: a closing tag looks for its opener, and a hostile
    /// paragraph of a million openers must not make every closer search them all.
    static let maxOpen = 32

    mutating func read(_ literal: String) -> Action {
        guard let tag = HTMLTag(literal[...]) else { return .nothing }
        switch tag.name {
        case "br": return .lineBreak
        case "img": return tag.isClosing ? .nothing : .image(tag.imageText)
        default: break
        }
        if tag.isClosing {
            guard let index = open.lastIndex(where: { $0.name == tag.name }) else { return .nothing }
            let closed = open.remove(at: index)
            restyle()
            return closed.url.map(Action.linkClosed) ?? .nothing
        }
        guard open.count < Self.maxOpen else { return .nothing }
        if tag.name == "a", let url = tag.attributes["href"], !url.isEmpty {
            open.append((tag.name, .link, url))
            restyle()
            return .linkOpened
        }
        if let style = tag.style {
            open.append((tag.name, style, nil))
            restyle()
        }
        return .nothing
    }

    /// The URL of a link still open, closing it; nil when none is.
    mutating func closeAll() -> String? {
        while let last = open.popLast() {
            if let url = last.url {
                restyle()
                return url
            }
        }
        restyle()
        return nil
    }

    private mutating func restyle() { style = open.reduce([]) { $0.union($1.style) } }
}

extension RenderState {
    /// Stands for a line break in the spans a paragraph is made of (see `wrapBreaking`).
    static let lineBreak = StyledSpan("\n")

    /// `spans` wrapped, starting a new line at each `lineBreak`. Static: `lines += wrapBreaking(…)`
    /// on `self` would copy `self`, and then every line so far, per paragraph.
    static func wrapBreaking(_ spans: [StyledSpan], width: Int, firstPrefix: [StyledSpan],
                             restPrefix: [StyledSpan]) -> [StyledLine] {
        guard spans.contains(RenderState.lineBreak) else {
            return StyledWrap.wrap(spans, width: width, firstPrefix: firstPrefix, restPrefix: restPrefix)
        }
        var result: [StyledLine] = []
        for piece in spans.split(separator: RenderState.lineBreak, omittingEmptySubsequences: false) {
            result += StyledWrap.wrap(Array(piece), width: width, firstPrefix: result.isEmpty ? firstPrefix : restPrefix,
                                      restPrefix: restPrefix)
        }
        return result
    }

    /// A block of HTML as its text: one line per line-breaking tag, the tags' styles and links.
    mutating func htmlBlock(_ node: CmarkNode, prefix: [StyledSpan], restPrefix: [StyledSpan]) {
        var pieces: [[StyledSpan]] = [[]]
        var open: [(name: String, style: TextStyle, url: String?)] = []
        var style: TextStyle { open.reduce([]) { $0.union($1.style) } }
        func add(_ text: String, _ style: TextStyle) {
            let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !collapsed.isEmpty else { return }
            let spaced = (text.first?.isWhitespace == true ? " " : "") + collapsed + (text.last?.isWhitespace == true ? " " : "")
            pieces[pieces.count - 1].append(StyledSpan(safe(spaced), style))
        }
        func newLine() { if !(pieces.last?.isEmpty ?? true) { pieces.append([]) } }
        func closeLink(_ url: String) {
            links.append(url)
            pieces[pieces.count - 1].append(StyledSpan("[\(firstLink - 1 + links.count)]", [.link, .dim]))
        }
        var hiddenUntil: String?
        for token in HTMLTokens(node.literal) {
            switch token {
            case .text(let text):
                if hiddenUntil == nil { add(HTMLEntities.decode(text), style) }
            case .tag(let tag):
                if let hidden = hiddenUntil {
                    if tag.isClosing && tag.name == hidden { hiddenUntil = nil }
                    continue
                }
                if !tag.isClosing && (tag.name == "script" || tag.name == "style" || tag.name == "template") {
                    hiddenUntil = tag.name
                    continue
                }
                if tag.breaksLine { newLine() }
                if tag.isClosing || open.count >= InlineHTML.maxOpen {
                    if tag.isClosing, let index = open.lastIndex(where: { $0.name == tag.name }) {
                        let closed = open.remove(at: index)
                        if let url = closed.url { closeLink(url) }
                    }
                    continue
                }
                switch tag.name {
                case "img": add("[image: " + tag.imageText + "]", style.union(.dim))
                case "li": add("• ", .dim)
                case "summary":
                    // Its content follows, always shown: the mark of an open `<details>`.
                    add("▾ ", [.heading, .dim])
                    open.append((tag.name, [.heading, .bold], nil))
                case "h1", "h2", "h3", "h4", "h5", "h6": open.append((tag.name, [.heading, .bold], nil))
                case "a" where !(tag.attributes["href"] ?? "").isEmpty: open.append((tag.name, .link, tag.attributes["href"]))
                default: if let own = tag.style { open.append((tag.name, own, nil)) }
                }
            }
        }
        for still in open.reversed() { if let url = still.url { closeLink(url) } }
        let kept = pieces.filter { !$0.isEmpty }
        for (index, piece) in kept.enumerated() {
            lines += StyledWrap.wrap(piece, width: width, firstPrefix: index == 0 ? prefix : restPrefix, restPrefix: restPrefix)
        }
    }
}
