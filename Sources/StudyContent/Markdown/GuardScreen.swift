#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The quick look that lets `MarkdownGuard` pass almost every file on untouched without
/// building its table of lines: each rewrite needs something a whole-text count or a glance at
/// each line's first bytes rules out. Counts over the whole text bound the per-line and
/// per-paragraph counts the rewrites compare, so when the bounds are under the limits no rewrite
/// can apply; anything closer to a limit takes the full look.
enum GuardScreen {
    /// False only when `MarkdownGuard.apply` would certainly leave `bytes` as they are.
    static func mayNeedRewrite(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
        let pipes = count(UInt8(ascii: "|"), in: base, bytes.count)
        if pipes > MarkdownGuard.maxPipes { return true }
        let emphasis = count(UInt8(ascii: "*"), in: base, bytes.count) + count(UInt8(ascii: "_"), in: base, bytes.count)
            + count(UInt8(ascii: "~"), in: base, bytes.count)
        let brackets = count(UInt8(ascii: "]"), in: base, bytes.count)
        let work = emphasis.multipliedReportingOverflow(by: brackets)
        if work.overflow || work.partialValue > MarkdownGuard.maxEmphasisWork { return true }
        if htmlOpeners(in: base, bytes.count) > MarkdownGuard.maxHTMLOpeners { return true }
        return linesMayNeedRewrite(base, bytes.count, mayHaveTables: pipes > 0)
    }

    /// How many times `byte` occurs (memchr: most of these bytes are rare).
    private static func count(_ byte: UInt8, in base: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var found = 0
        var offset = 0
        while offset < length, let hit = memchr(base + offset, Int32(byte), length - offset) {
            found += 1
            offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return found
    }

    /// `<?` and `<!` pairs, as `MarkdownGuard` counts them.
    private static func htmlOpeners(in base: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var found = 0
        var offset = 0
        while offset < length, let hit = memchr(base + offset, Int32(UInt8(ascii: "<")), length - offset) {
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if index + 1 < length, base[index + 1] == UInt8(ascii: "?") || base[index + 1] == UInt8(ascii: "!") { found += 1 }
            offset = index + 1
        }
        return found
    }

    /// A line whose prefix of white space and markers may nest too deep, or (when the text has a
    /// `|`) a line that may be a table's delimiter row: the lines the rewrites start from.
    private static func linesMayNeedRewrite(_ base: UnsafePointer<UInt8>, _ length: Int, mayHaveTables: Bool) -> Bool {
        var start = 0
        while start <= length {
            let end = memchr(base + start, 10, length - start).map {
                base.distance(to: $0.assumingMemoryBound(to: UInt8.self))
            } ?? length
            if prefixMayNestDeep(base, start, end) { return true }
            if mayHaveTables, mayBeDelimiterRow(base, start, end) { return true }
            start = end + 1
        }
        return false
    }

    /// More than `LineTable.minimumDeepPrefix` bytes of white space, `>`, bullets, digits, `.`
    /// and `)` open the line.
    private static func prefixMayNestDeep(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let limit = MarkdownGuard.maxPrefixColumns / 4
        var index = start
        while index < end, index - start <= limit, isPrefixByte(base[index]) { index += 1 }
        return index - start > limit
    }

    private static func isPrefixByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 32, 9, 62, 45, 43, 42, 46, 41, 48...57: true
        default: false
        }
    }

    /// Only `|`, `-`, `:`, `>` and white space, with a `|` and a `-` or `:`.
    private static func mayBeDelimiterRow(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var sawPipe = false
        var sawDash = false
        for index in start..<end {
            switch base[index] {
            case 124: sawPipe = true
            case 45, 58: sawDash = true
            case 32, 9, 62: break
            default: return false
            }
        }
        return sawPipe && sawDash
    }
}
