/// The links an author wrote as HTML (`<a href="https://…"><img alt="Lesson 1"></a>`), which
/// course repositories use for their lesson thumbnails. Only what a resource needs is read: the
/// tag names, `href`, `alt` and `title`, and the text between tags. Everything here comes from
/// an untrusted file: entities are decoded once and control characters never survive.
struct HTMLAnchorTag: Equatable {
    var name: String
    var isClosing: Bool
    var href: String?
    var alt: String?
    var title: String?

    /// The href as a resource link: http(s) only (never `javascript:`, `data:` or `file:`).
    var webLink: String? {
        guard name == "a", !isClosing, let href else { return nil }
        let head = href.prefix(8).lowercased()
        return head.hasPrefix("http://") || head.hasPrefix("https://") ? href : nil
    }

    /// What an image says about itself: its alt text, else its title.
    var imageText: String? {
        guard name == "img" else { return nil }
        return [alt, title].compactMap { $0 }.first { !$0.isEmpty }
    }

    /// One tag on its own (an inline HTML node's literal); nil when it is not a start or end tag.
    static func parse(_ literal: String) -> HTMLAnchorTag? {
        var scanner = HTMLScanner(literal)
        guard case .tag(let tag)? = scanner.next() else { return nil }
        return tag
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
        var scanner = HTMLScanner(html)
        while let token = scanner.next() {
            switch token {
            case .tag(let tag):
                if tag.name == "a" {
                    if let done = open { anchors.append(done) }
                    open = tag.webLink.map {
                        HTMLAnchor(url: $0, imageText: nil, text: "", tooltip: tag.title, lineOffset: scanner.line, hasImage: false)
                    }
                } else if tag.name == "img", open != nil {
                    open?.hasImage = true
                    if open?.imageText == nil { open?.imageText = tag.imageText }
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

/// Text from HTML made safe and plain: entities decoded, control characters and the bidi
/// overrides that can disguise text dropped, white space collapsed.
enum HTMLText {
    static func clean(_ raw: String) -> String {
        var out = ""
        var space = false
        for scalar in decodeEntities(raw).unicodeScalars {
            if scalar.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if isControl(scalar) { continue }
            if space { out.append(" ") }
            space = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0a && v != 0x0d) || (0x7f...0x9f).contains(v) || (0x202a...0x202e).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200e || v == 0x200f
    }

    private static let named: [Substring: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "laquo": "«", "raquo": "»", "copy": "©", "reg": "®", "trade": "™", "middot": "·",
    ]

    /// `&amp;`, `&#39;`, `&#x2014;` and a few common names; anything else is left as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semi]
            var decoded: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                decoded = named[name]
            }
            if let decoded, !decoded.unicodeScalars.contains(where: { $0.value == 0 }) {
                out += decoded
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }
}

/// Splits HTML into tags and the text between them. Comments, doctypes and processing
/// instructions are skipped; a `<` that opens no tag is text. Quoted attribute values may hold `>`.
struct HTMLScanner {
    enum Token: Equatable {
        case tag(HTMLAnchorTag)
        /// As written: entities are decoded once, by `HTMLText.clean`.
        case text(String)
    }

    private let characters: [Character]
    private var index = 0
    /// Line feeds passed so far: where the current token starts.
    private(set) var line = 0
    private var lineAtIndex = 0

    init(_ html: String) { characters = Array(html) }

    mutating func next() -> Token? {
        line = lineAtIndex
        guard index < characters.count else { return nil }
        if characters[index] == "<" {
            if starts(with: "<!--") {
                advance(to: find("-->", from: index + 4).map { $0 + 3 } ?? characters.count)
                return next()
            }
            if index + 1 < characters.count, characters[index + 1] == "!" || characters[index + 1] == "?" {
                advance(to: find(">", from: index).map { $0 + 1 } ?? characters.count)
                return next()
            }
            if let (tag, end) = tag(at: index) {
                advance(to: end)
                return .tag(tag)
            }
        }
        let start = index
        var end = index + 1
        while end < characters.count, characters[end] != "<" { end += 1 }
        advance(to: end)
        return .text(String(characters[start..<end]))
    }

    private mutating func advance(to end: Int) {
        for offset in index..<min(end, characters.count) where characters[offset] == "\n" { lineAtIndex += 1 }
        index = end
    }

    private func starts(with prefix: String) -> Bool {
        var offset = index
        for character in prefix {
            guard offset < characters.count, characters[offset] == character else { return false }
            offset += 1
        }
        return true
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        let needle = Array(needle)
        var offset = start
        while offset + needle.count <= characters.count {
            if characters[offset] == needle[0], Array(characters[offset..<offset + needle.count]) == needle { return offset }
            offset += 1
        }
        return nil
    }

    /// A start or end tag at `start`, and the index just after its `>`.
    private func tag(at start: Int) -> (HTMLAnchorTag, Int)? {
        var offset = start + 1
        let closing = offset < characters.count && characters[offset] == "/"
        if closing { offset += 1 }
        let nameStart = offset
        while offset < characters.count, characters[offset].isASCII, characters[offset].isLetter || characters[offset].isNumber {
            offset += 1
        }
        guard offset > nameStart, characters[nameStart].isLetter else { return nil }
        var tag = HTMLAnchorTag(name: String(characters[nameStart..<offset]).lowercased(), isClosing: closing)
        while offset < characters.count {
            let character = characters[offset]
            if character == ">" { return (tag, offset + 1) }
            if character.isWhitespace || character == "/" {
                offset += 1
                continue
            }
            let attributeStart = offset
            while offset < characters.count, !characters[offset].isWhitespace, !"=>/".contains(characters[offset]) { offset += 1 }
            let name = String(characters[attributeStart..<offset]).lowercased()
            while offset < characters.count, characters[offset].isWhitespace { offset += 1 }
            var value = ""
            if offset < characters.count, characters[offset] == "=" {
                offset += 1
                while offset < characters.count, characters[offset].isWhitespace { offset += 1 }
                if offset < characters.count, characters[offset] == "\"" || characters[offset] == "'" {
                    let quote = characters[offset]
                    let valueStart = offset + 1
                    guard let close = characters[valueStart...].firstIndex(of: quote) else { return nil }
                    value = String(characters[valueStart..<close])
                    offset = close + 1
                } else {
                    let valueStart = offset
                    while offset < characters.count, !characters[offset].isWhitespace, characters[offset] != ">" { offset += 1 }
                    value = String(characters[valueStart..<offset])
                }
            }
            switch name {
            case "href": tag.href = HTMLText.clean(value)
            case "alt": tag.alt = HTMLText.clean(value)
            case "title": tag.title = HTMLText.clean(value)
            default: break
            }
        }
        return nil
    }
}
