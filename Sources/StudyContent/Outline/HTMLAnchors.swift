/// The links an author wrote as HTML (`<a href="https://…"><img alt="Lesson 1"></a>`), which
/// course repositories use for their lesson thumbnails. Only what a resource needs is read: the
/// tag names, `href`, `alt` and `title`, and the text between tags, as `HTMLTokens`
/// (Markdown/HTMLTags.swift) reads them for the reader too. Everything here comes from an
/// untrusted file: entities are decoded once and control characters never survive.
extension HTMLTag {
    /// The href as a resource link: http(s) only (never `javascript:`, `data:` or `file:`).
    var webLink: String? {
        guard name == "a", !isClosing, let href = attributes["href"] else { return nil }
        let head = href.prefix(8).lowercased()
        return head.hasPrefix("http://") || head.hasPrefix("https://") ? href : nil
    }

    /// What an image says about itself: its alt text, else its title.
    var altText: String? {
        guard name == "img" else { return nil }
        return [attributes["alt"], attributes["title"]].compactMap { $0 }.first { !$0.isEmpty }
    }
}

/// One `<a href>` of an HTML block that leads to the web.
struct HTMLAnchor: Equatable {
    var url: String
    /// The alt (or title) text of an image inside the link: a thumbnail's own name.
    var imageText: String?
    /// The link's visible text, tags dropped.
    var text: String
    /// The anchor's own `title` attribute.
    var tooltip: String?
    /// Lines after the block's first line where the anchor opens.
    var lineOffset: Int
    var hasImage: Bool
}

enum HTMLAnchors {
    /// The web links of an HTML block, and whether the block shows any text outside them.
    static func scan(_ html: String) -> (anchors: [HTMLAnchor], otherText: Bool) {
        var anchors: [HTMLAnchor] = []
        var open: HTMLAnchor?
        var otherText = false
        var scanner = HTMLTokens(html)
        while let token = scanner.next() {
            switch token {
            case .tag(let tag):
                if tag.name == "a" {
                    if let done = open { anchors.append(done) }
                    open = tag.webLink.map {
                        HTMLAnchor(url: $0, imageText: nil, text: "", tooltip: tag.attributes["title"], lineOffset: scanner.line, hasImage: false)
                    }
                } else if tag.name == "img", open != nil {
                    open?.hasImage = true
                    if open?.imageText == nil { open?.imageText = tag.altText }
                } else if tag.name == "br" || tag.name == "p" || tag.name == "div" {
                    open?.text += " "
                }
            case .text(let text):
                if open != nil {
                    open?.text += text
                } else if text.contains(where: { !$0.isWhitespace }) {
                    otherText = true
                }
            }
        }
        if let done = open { anchors.append(done) }
        for index in anchors.indices { anchors[index].text = HTMLText.clean(anchors[index].text) }
        return (anchors, otherText)
    }
}
