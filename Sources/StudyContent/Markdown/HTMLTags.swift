/// Raw HTML in a note read as tags and text: the one tokenizer (`HTMLTokens`), tag value
/// (`HTMLTag`) and entity decoder (`HTMLEntities`) that both the reader's rendering of HTML and
/// the outline's HTML links use, so a note's HTML means the same thing to both. The HTML is
/// untrusted: attribute values come out decoded and cleaned (`HTMLText.clean`), a decoded entity
/// is never a control character or a bidi override, and reading is linear in the HTML's length.
struct HTMLTag: Equatable {
    /// Lowercased.
    var name: String
    var isClosing: Bool
    /// Lowercased names, each once (the first wins, as in browsers); values decoded and cleaned.
    var attributes: [String: String]

    /// The start or end tag `text` opens with; nil for comments, declarations and what is no tag.
    init?(_ text: Substring) {
        var tokens = HTMLTokens(text)
        guard case .tag(let tag)? = tokens.next() else { return nil }
        self = tag
    }

    init(name: String, isClosing: Bool, attributes: [String: String]) {
        self.name = name
        self.isClosing = isClosing
        self.attributes = attributes
    }
}

/// A block of HTML as text and tags; comments (`<!-- -->`), declarations (`<!DOCTYPE>`) and
/// processing instructions (`<?php ?>`) are left out, up to their `>` or, unclosed, to the end.
/// A `<` that opens no tag (`a < b`) is text. Quoted attribute values may hold `>` but no `<`:
/// that keeps one failed tag from being re-read from every `<` inside it (linear time), and a
/// tag is never longer than the text up to the next `<`.
struct HTMLTokens: Sequence, IteratorProtocol {
    enum Token: Equatable {
        /// As written: entities are decoded by whoever shows it.
        case text(Substring)
        case tag(HTMLTag)
    }

    private let html: Substring
    private var position: String.Index
    private var linesPassed = 0
    /// Line feeds before the token `next()` returned last: the line it starts on, from 0.
    private(set) var line = 0

    init(_ html: String) { self.init(html[...]) }

    init(_ html: Substring) {
        self.html = html
        position = html.startIndex
    }

    mutating func next() -> Token? {
        let bytes = html.utf8
        while position < bytes.endIndex {
            line = linesPassed
            let start = position
            if bytes[start] == Byte.lessThan {
                let after = bytes.index(after: start)
                if after < bytes.endIndex, bytes[after] == Byte.bang || bytes[after] == Byte.question {
                    let isComment = bytes[after...].starts(with: "!--".utf8)
                    advance(to: end(of: isComment ? "-->" : ">", from: after))
                    continue
                }
                if let (tag, end) = Self.tag(in: html, at: start) {
                    advance(to: end)
                    return .tag(tag)
                }
            }
            var end = bytes.index(after: start)
            while end < bytes.endIndex, bytes[end] != Byte.lessThan { bytes.formIndex(after: &end) }
            advance(to: end)
            return .text(html[start..<end])
        }
        line = linesPassed
        return nil
    }

    /// Just past the first `needle` at or after `from`, or the end.
    private func end(of needle: String, from: String.Index) -> String.Index {
        html[from...].firstRange(of: needle)?.upperBound ?? html.endIndex
    }

    private mutating func advance(to end: String.Index) {
        for byte in html.utf8[position..<end] where byte == Byte.lineFeed { linesPassed += 1 }
        position = end
    }

    /// A start or end tag at `start` (a `<`), and the index just past its `>`.
    private static func tag(in html: Substring, at start: String.Index) -> (HTMLTag, String.Index)? {
        let bytes = html.utf8
        var offset = bytes.index(after: start)
        let closing = offset < bytes.endIndex && bytes[offset] == Byte.slash
        if closing { bytes.formIndex(after: &offset) }
        let nameStart = offset
        guard offset < bytes.endIndex, Byte.isLetter(bytes[offset]) else { return nil }
        while offset < bytes.endIndex, Byte.isLetter(bytes[offset]) || Byte.isDigit(bytes[offset]) || bytes[offset] == Byte.dash {
            bytes.formIndex(after: &offset)
        }
        let name = String(html[nameStart..<offset]).lowercased()
        var attributes: [String: String] = [:]
        func skip(while condition: (UInt8) -> Bool) {
            while offset < bytes.endIndex, condition(bytes[offset]) { bytes.formIndex(after: &offset) }
        }
        while offset < bytes.endIndex {
            skip { Byte.isSpace($0) || $0 == Byte.slash }
            guard offset < bytes.endIndex else { return nil }
            switch bytes[offset] {
            case Byte.greaterThan: return (HTMLTag(name: name, isClosing: closing, attributes: attributes), bytes.index(after: offset))
            case Byte.lessThan: return nil
            default: break
            }
            let attributeStart = offset
            skip { !Byte.isSpace($0) && $0 != Byte.equals && $0 != Byte.greaterThan && $0 != Byte.slash && $0 != Byte.lessThan }
            let attribute = html[attributeStart..<offset].lowercased()
            skip(while: Byte.isSpace)
            var value: Substring = ""
            if offset < bytes.endIndex, bytes[offset] == Byte.equals {
                bytes.formIndex(after: &offset)
                skip(while: Byte.isSpace)
                if offset < bytes.endIndex, bytes[offset] == Byte.doubleQuote || bytes[offset] == Byte.singleQuote {
                    let quote = bytes[offset]
                    let valueStart = bytes.index(after: offset)
                    offset = valueStart
                    skip { $0 != quote && $0 != Byte.lessThan }
                    guard offset < bytes.endIndex, bytes[offset] == quote else { return nil }
                    value = html[valueStart..<offset]
                    bytes.formIndex(after: &offset)
                } else {
                    let valueStart = offset
                    skip { !Byte.isSpace($0) && $0 != Byte.greaterThan && $0 != Byte.lessThan }
                    value = html[valueStart..<offset]
                }
            }
            if !attribute.isEmpty, attributes[attribute] == nil { attributes[attribute] = HTMLText.clean(value) }
        }
        return nil
    }

    private enum Byte {
        static let lessThan = UInt8(ascii: "<"), greaterThan = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
        static let bang = UInt8(ascii: "!"), question = UInt8(ascii: "?"), dash = UInt8(ascii: "-")
        static let equals = UInt8(ascii: "="), doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")
        static let lineFeed = UInt8(ascii: "\n")

        static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        /// HTML's white space: space, tab, line feed, form feed, carriage return.
        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0c || byte == 0x0d }
    }
}

/// `&amp;`, `&#169;`, `&#x1F600;` → text. Unknown names stay as written; numbers that are no
/// character (0, surrogates, past U+10FFFF) become U+FFFD, as browsers do; a number that names a
/// control character or a bidi override becomes nothing, so no entity can smuggle one in.
enum HTMLEntities {
    static func decode(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(32).firstIndex(of: ";"),
                  let decoded = entity(after[..<semicolon]) else {
                out += "&"
                rest = after
                continue
            }
            out += decoded
            rest = after[after.index(after: semicolon)...]
        }
        return out + rest
    }

    private static func entity(_ name: Substring) -> String? {
        guard name.first == "#" else { return named[name] }
        let digits = name.dropFirst()
        let isHex = digits.first == "x" || digits.first == "X"
        let number = isHex ? digits.dropFirst() : digits
        guard !number.isEmpty, number.allSatisfy({ isHex ? $0.isHexDigit : $0.isASCII && $0.isNumber }) else { return nil }
        guard let value = UInt32(number, radix: isHex ? 16 : 10), value != 0, let scalar = Unicode.Scalar(value) else {
            return "\u{FFFD}"
        }
        return HTMLText.isControl(scalar) ? "" : String(Character(scalar))
    }

    private static let named: [Substring: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "copy": "©", "reg": "®",
        "trade": "™", "hearts": "♥", "hellip": "…", "mdash": "—", "ndash": "–", "laquo": "«", "raquo": "»", "middot": "·",
        "bull": "•", "rarr": "→", "larr": "←", "uarr": "↑", "darr": "↓", "times": "×", "deg": "°",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "emsp": " ", "ensp": " ", "thinsp": " ",
    ]
}

/// Text from HTML made safe and plain: entities decoded, control characters and the bidi
/// overrides that can disguise text dropped, white space collapsed and trimmed.
enum HTMLText {
    static func clean(_ raw: some StringProtocol) -> String {
        var out = ""
        var space = false
        for scalar in HTMLEntities.decode(Substring(raw)).unicodeScalars {
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

    /// C0 and C1 controls but tab, line feed and carriage return; the bidi embeddings, overrides,
    /// isolates and marks.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0a && v != 0x0d) || (0x7f...0x9f).contains(v) || (0x202a...0x202e).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x200e || v == 0x200f
    }
}
