/// A small, fast JSON writer for command output (Foundation's encoder is slow on large trees).
/// Strings are escaped as JSON requires, so control characters from notes come out as `\u001b`,
/// and bidi controls (U+202A–U+202E, U+2066–U+2069) as `\u202e`.
///
/// Everything goes straight into one growing byte buffer: no value is built as a `String` on
/// the way, and a string is copied in runs between the few bytes that need escaping, which are
/// found eight bytes at a time (the `tree --json` of a large folder is tens of megabytes of text).
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the innermost open object or array (or the top level) has an element yet.
    private var hasElements = false
    /// The same for each enclosing level, outermost first: its count is the nesting depth.
    private var enclosing: [Bool] = []
    private let indentUnit: Int
    private var pretty: Bool { indentUnit > 0 }

    /// Receives the output in pieces as it grows, so a large document is never whole in memory.
    private let sink: (([UInt8]) -> Void)?
    private static let flushSize = 1 << 16

    public init(pretty: Bool = true, sink: (([UInt8]) -> Void)? = nil) {
        indentUnit = pretty ? 2 : 0
        self.sink = sink
        bytes.reserveCapacity(Self.flushSize * 2)
    }

    /// Hands what is written so far to the sink (if any); returns what it still holds.
    @discardableResult
    public mutating func flush() -> [UInt8] {
        guard let sink else { return bytes }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
        return []
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func beginObject(_ key: String? = nil) { open(key, UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray(_ key: String? = nil) { open(key, UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func value(_ key: String? = nil, _ value: String?) {
        element(key)
        if let value { writeString(value) } else { raw("null") }
    }

    public mutating func value(_ key: String? = nil, _ value: Int) {
        element(key)
        writeInteger(value)
    }

    public mutating func value(_ key: String? = nil, _ value: Int?) {
        element(key)
        if let value { writeInteger(value) } else { raw("null") }
    }

    public mutating func value(_ key: String? = nil, _ value: Double) {
        element(key)
        raw(value.isFinite ? String(value) : "null")
    }

    public mutating func value(_ key: String? = nil, _ value: Bool?) {
        element(key)
        raw(value.map { $0 ? "true" : "false" } ?? "null")
    }

    /// A place as the string `"file:line"` (`"file"` for line 0), as `SourceLocation.description`
    /// reads, without making that string: every topic and resource has one.
    public mutating func value(_ key: String? = nil, _ location: SourceLocation) {
        element(key)
        var file = location.file
        file.withUTF8 { appendQuoted($0, closing: location.line <= 0) }
        guard location.line > 0 else { return }
        bytes.append(UInt8(ascii: ":"))
        writeInteger(location.line)
        bytes.append(UInt8(ascii: "\""))
    }

    // MARK: Layout

    private mutating func open(_ key: String?, _ bracket: UInt8) {
        element(key)
        bytes.append(bracket)
        enclosing.append(hasElements)
        hasElements = false
    }

    private mutating func close(_ bracket: UInt8) {
        let hadElements = hasElements
        hasElements = enclosing.popLast() ?? false
        if hadElements { newline() }
        bytes.append(bracket)
        if enclosing.isEmpty { bytes.append(10) }
    }

    private mutating func element(_ key: String?) {
        if sink != nil && bytes.count >= Self.flushSize { flush() }
        if hasElements { bytes.append(UInt8(ascii: ",")) }
        hasElements = true
        if !enclosing.isEmpty { newline() }
        if let key {
            writeString(key)
            bytes.append(UInt8(ascii: ":"))
            if pretty { bytes.append(UInt8(ascii: " ")) }
        }
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(10)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: enclosing.count * indentUnit))
    }

    private mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Decimal digits, written from the end of a small buffer: no `String` per number.
    private mutating func writeInteger(_ value: Int) {
        guard value != Int.min else { return raw(String(value)) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var magnitude = value.magnitude
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    // MARK: Strings

    private mutating func writeString(_ text: String) {
        var text = text
        text.withUTF8 { appendQuoted($0, closing: true) }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// `utf8` between quotes (the closing one only when `closing`), escaped.
    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, closing: Bool) {
        bytes.append(UInt8(ascii: "\""))
        defer { if closing { bytes.append(UInt8(ascii: "\"")) } }
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        var runStart = 0
        var index = 0
        // Copy runs of bytes that need no escaping in one go.
        while index < count {
            // Printable ASCII but `"` and `\`: most bytes, skipped a word at a time.
            while count - index >= 8, !Self.mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < count else { break }
            let byte = base[index]
            if byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C {
                index += 1
                continue
            }
            let isC1 = byte == 0xC2 && index + 1 < count && (0x80...0x9F).contains(base[index + 1])
            let isBidi = byte == 0xE2 && Self.isBidiControl(utf8, after: index)
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || isC1 || isBidi else {
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            switch byte {
            case 0x22: appendPair(UInt8(ascii: "\""))
            case 0x5C: appendPair(UInt8(ascii: "\\"))
            case 10: appendPair(UInt8(ascii: "n"))
            case 13: appendPair(UInt8(ascii: "r"))
            case 9: appendPair(UInt8(ascii: "t"))
            case 0xC2:
                // C1 controls (U+0080–U+009F) are legal in JSON but some terminals obey them.
                appendEscaped(UInt16(base[index + 1]))
                index += 1
            case 0xE2:
                // Bidi embeddings, overrides and isolates could reorder the line a terminal shows.
                appendEscaped(0x2000 | UInt16(base[index + 1] & 0x3F) << 6 | UInt16(base[index + 2] & 0x3F))
                index += 2
            default: appendEscaped(UInt16(byte))
            }
            index += 1
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
    }

    /// Whether any of the eight bytes of `word` is not printable ASCII or is `"` or `\`: then
    /// they are looked at one by one. (Each test sets a byte's top bit where that byte matches,
    /// the usual "has a zero byte" trick; a borrow can only follow a byte that matched.)
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & tops }
        let nonASCII = word & tops
        let control = (word &- 0x20 &* ones) & ~word & tops
        let quote = hasZeroByte(word ^ (0x22 &* ones))
        let backslash = hasZeroByte(word ^ (0x5C &* ones))
        let delete = hasZeroByte(word ^ (0x7F &* ones))
        return nonASCII | control | quote | backslash | delete != 0
    }

    private mutating func appendPair(_ escaped: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(escaped)
    }

    private mutating func appendEscaped(_ code: UInt16) {
        bytes.append(contentsOf: [92, UInt8(ascii: "u")] + [12, 8, 4, 0].map { Self.hex[Int(code >> $0 & 15)] })
    }

    /// U+202A–U+202E (E2 80 AA–AE) and U+2066–U+2069 (E2 81 A6–A9), after the lead byte E2 at `index`.
    private static func isBidiControl(_ utf8: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        guard index + 2 < utf8.count else { return false }
        switch (utf8[index + 1], utf8[index + 2]) {
        case (0x80, 0xAA...0xAE), (0x81, 0xA6...0xA9): return true
        default: return false
        }
    }
}
