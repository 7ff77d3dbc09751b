import Foundation

/// How search folds text so that `cafe` finds `café` and `CAFÉ`: lower case, no diacritics, every
/// control or line break a space (a phrase may run across a wrapped line of a note), as UTF-8
/// bytes so that a match is a plain byte search. The one place that knows the rule, used for the
/// index, for annotations and for the query, so that all three always agree.
///
/// ASCII folds byte for byte, which keeps the notes' offsets. Any other scalar folds through
/// Foundation's case and diacritic folding, once per distinct scalar (a note uses few), and a
/// combining mark alone folds to nothing (`e` + U+0301 is `e`). Scripts without case or marks,
/// such as CJK, fold to themselves and match by substring.
enum SearchFolding {
    /// The folded bytes of the non-ASCII scalars seen so far, so that each costs one Foundation
    /// call: the index keeps the one it filled and lends a copy to each query.
    struct Cache: Sendable {
        fileprivate var folds: [UInt32: [UInt8]] = [:]
    }

    /// The folded form of a query term: runs of whitespace become one space, ends trimmed.
    static func fold(_ text: String) -> [UInt8] {
        var cache = Cache()
        var bytes: [UInt8] = []
        append(text, to: &bytes, cache: &cache)
        var collapsed: [UInt8] = []
        for byte in bytes {
            if byte == 0x20 && (collapsed.isEmpty || collapsed.last == 0x20) { continue }
            collapsed.append(byte)
        }
        if collapsed.last == 0x20 { collapsed.removeLast() }
        return collapsed
    }

    /// Appends the folded form of `text` to `bytes`. A run of ASCII is copied at once and folded
    /// in place: the notes are mostly ASCII, and this is most of the time the index takes.
    static func append(_ text: String, to bytes: inout [UInt8], cache: inout Cache) {
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                var end = index
                while end < utf8.count && utf8[end] < 0x80 { end += 1 }
                if end > index {
                    let start = bytes.count
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<end]))
                    bytes.withUnsafeMutableBufferPointer { folded in
                        for position in start..<folded.count { folded[position] = foldASCII(folded[position]) }
                    }
                    index = end
                } else {
                    let (scalar, length) = decode(utf8, at: index)
                    bytes.append(contentsOf: fold(scalar, cache: &cache))
                    index += length
                }
            }
        }
    }

    /// The folded bytes of `text` and, for each of them, the UTF-8 offset in `text` of the scalar
    /// it came from: what maps a match back onto the text to highlight or quote it.
    static func mapped(_ text: String, cache: inout Cache) -> (bytes: [UInt8], origins: [Int]) {
        var bytes: [UInt8] = []
        var origins: [Int] = []
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    bytes.append(foldASCII(byte))
                    origins.append(index)
                    index += 1
                } else {
                    let (scalar, length) = decode(utf8, at: index)
                    let folded = fold(scalar, cache: &cache)
                    bytes.append(contentsOf: folded)
                    origins.append(contentsOf: repeatElement(index, count: folded.count))
                    index += length
                }
            }
        }
        return (bytes, origins)
    }

    /// The UTF-8 offset in `text` of the scalar that folded byte `offset` came from: `mapped`
    /// without its arrays, for the one match a snippet quotes.
    static func originalOffset(ofFolded offset: Int, in text: String, cache: inout Cache) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            var folded = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                let length: Int
                if byte < 0x80 {
                    folded += 1
                    length = 1
                } else {
                    let (scalar, scalarLength) = decode(utf8, at: index)
                    folded += fold(scalar, cache: &cache).count
                    length = scalarLength
                }
                if folded > offset { return index }
                index += length
            }
            return utf8.count
        }
    }

    /// True when folding keeps every offset: ASCII only, so a match's place in the folded bytes
    /// is its place in the text.
    static func keepsOffsets(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in utf8.allSatisfy { $0 < 0x80 } }
    }

    @inline(__always)
    private static func foldASCII(_ byte: UInt8) -> UInt8 {
        if byte >= 0x41 && byte <= 0x5a { return byte + 0x20 }
        if byte < 0x20 || byte == 0x7f { return 0x20 }
        return byte
    }

    private static func fold(_ scalar: UInt32, cache: inout Cache) -> [UInt8] {
        if let folded = cache.folds[scalar] { return folded }
        let folded = foldUncached(scalar)
        cache.folds[scalar] = folded
        return folded
    }

    private static func foldUncached(_ value: UInt32) -> [UInt8] {
        guard let scalar = Unicode.Scalar(value) else { return [] }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return []
        case .control, .lineSeparator, .paragraphSeparator, .spaceSeparator: return [0x20]
        case .format: return []
        default: break
        }
        let folded = String(Character(scalar)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return Array(folded.utf8)
    }

    /// The scalar starting at `index` of valid UTF-8 (a Swift string's storage always is).
    @inline(__always)
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(utf8[index])
        func continuation(_ offset: Int) -> UInt32 {
            index + offset < utf8.count ? UInt32(utf8[index + offset] & 0x3f) : 0
        }
        if lead < 0xe0 { return (((lead & 0x1f) << 6) | continuation(1), 2) }
        if lead < 0xf0 { return (((lead & 0x0f) << 12) | (continuation(1) << 6) | continuation(2), 3) }
        return (((lead & 0x07) << 18) | (continuation(1) << 12) | (continuation(2) << 6) | continuation(3), 4)
    }
}
