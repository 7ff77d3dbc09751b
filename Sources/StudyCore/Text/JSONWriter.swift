/// A small, fast JSON writer for command output (Foundation's encoder is slow on large trees).
/// Strings are escaped as JSON requires, so control characters from notes come out as `\u001b`,
/// and bidi controls (U+202A–U+202E, U+2066–U+2069) as `\u202e`.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
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
        raw(String(value))
    }

    public mutating func value(_ key: String? = nil, _ value: Int?) {
        element(key)
        raw(value.map { String($0) } ?? "null")
    }

    public mutating func value(_ key: String? = nil, _ value: Double) {
        element(key)
        raw(value.isFinite ? String(value) : "null")
    }

    public mutating func value(_ key: String? = nil, _ value: Bool?) {
        element(key)
        raw(value.map { $0 ? "true" : "false" } ?? "null")
    }

    // MARK: Layout

    private mutating func open(_ key: String?, _ bracket: UInt8) {
        element(key)
        bytes.append(bracket)
        needsComma.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadElements = needsComma.removeLast()
        if hadElements { newline() }
        bytes.append(bracket)
        if needsComma.count == 1 { bytes.append(10) }
    }

    private mutating func element(_ key: String?) {
        if sink != nil && bytes.count >= Self.flushSize { flush() }
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        if needsComma.count > 1 { newline() }
        if let key {
            writeString(key)
            bytes.append(UInt8(ascii: ":"))
            if pretty { bytes.append(UInt8(ascii: " ")) }
        }
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(10)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: (needsComma.count - 1) * indentUnit))
    }

    private mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            // Copy runs of bytes that need no escaping in one go.
            while index < utf8.count {
                let byte = utf8[index]
                // Printable ASCII but `"` and `\`: most bytes, decided without the checks below.
                if byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C {
                    index += 1
                    continue
                }
                let isC1 = byte == 0xC2 && index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1])
                let isBidi = byte == 0xE2 && Self.isBidiControl(utf8, after: index)
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || isC1 || isBidi else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                switch byte {
                case 0x22: bytes.append(contentsOf: [92, 34])
                case 0x5C: bytes.append(contentsOf: [92, 92])
                case 10: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
                case 13: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
                case 9: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
                case 0xC2:
                    // C1 controls (U+0080–U+009F) are legal in JSON but some terminals obey them.
                    appendEscaped(UInt16(utf8[index + 1]))
                    index += 1
                case 0xE2:
                    // Bidi embeddings, overrides and isolates could reorder the line a terminal shows.
                    appendEscaped(0x2000 | UInt16(utf8[index + 1] & 0x3F) << 6 | UInt16(utf8[index + 2] & 0x3F))
                    index += 2
                default: appendEscaped(UInt16(byte))
                }
                index += 1
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
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
