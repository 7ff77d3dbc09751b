import Foundation

/// A fast reader for the flat objects sync lines are: string keys, and values that are strings,
/// null, whole numbers or lists of strings. Foundation's JSONSerialization takes most of a large
/// sync's time; this reads the lines StudyDash writes in a fraction of it. Anything else (an
/// escape it does not take, `true`, a nested object, bad JSON) gives nil, and the line is read
/// by JSONSerialization instead, which also words the error.
enum FlatJSON {
    static func object(_ bytes: ArraySlice<UInt8>) -> [String: Any]? {
        var reader = Reader(bytes: bytes, at: bytes.startIndex)
        return reader.object()
    }

    private struct Reader {
        let bytes: ArraySlice<UInt8>
        var at: Int

        static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

        mutating func skipSpace() {
            while at < bytes.endIndex, bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0D { at += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard at < bytes.endIndex, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        mutating func object() -> [String: Any]? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var result: [String: Any] = [:]
            if take(UInt8(ascii: "}")) { return finished(result) }
            repeat {
                skipSpace()
                guard let key = string(), take(UInt8(ascii: ":")), let value = value() else { return nil }
                result[key] = value
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
            return finished(result)
        }

        mutating func finished(_ result: [String: Any]) -> [String: Any]? {
            skipSpace()
            return at == bytes.endIndex ? result : nil
        }

        mutating func value() -> Any? {
            skipSpace()
            guard at < bytes.endIndex else { return nil }
            switch bytes[at] {
            case Self.quote: return string()
            case UInt8(ascii: "n"):
                guard bytes[at...].starts(with: "null".utf8) else { return nil }
                at += 4
                return NSNull()
            case UInt8(ascii: "["):
                at += 1
                var list: [String] = []
                if take(UInt8(ascii: "]")) { return list }
                repeat {
                    skipSpace()
                    guard let element = string() else { return nil }
                    list.append(element)
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]")) ? list : nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = at
                at += 1
                while at < bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
                if at < bytes.endIndex, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[at]) { return nil }
                return Int(String(decoding: bytes[start..<at], as: UTF8.self))
            default: return nil
            }
        }

        /// A string at `at` (which is on its opening quote), its escapes undone; nil for `\u`
        /// escapes, raw control characters and text that is not UTF-8.
        mutating func string() -> String? {
            guard at < bytes.endIndex, bytes[at] == Self.quote else { return nil }
            at += 1
            let start = at
            var unescaped: [UInt8]?
            while at < bytes.endIndex {
                let byte = bytes[at]
                if byte == Self.quote {
                    let text = unescaped.map { String(validating: $0, as: UTF8.self) }
                        ?? String(validating: bytes[start..<at], as: UTF8.self)
                    at += 1
                    return text
                }
                if byte < 0x20 { return nil }
                if byte == Self.backslash {
                    if unescaped == nil { unescaped = Array(bytes[start..<at]) }
                    at += 1
                    guard at < bytes.endIndex else { return nil }
                    switch bytes[at] {
                    case Self.quote: unescaped?.append(Self.quote)
                    case Self.backslash: unescaped?.append(Self.backslash)
                    case UInt8(ascii: "/"): unescaped?.append(UInt8(ascii: "/"))
                    case UInt8(ascii: "n"): unescaped?.append(0x0A)
                    case UInt8(ascii: "t"): unescaped?.append(0x09)
                    case UInt8(ascii: "r"): unescaped?.append(0x0D)
                    default: return nil
                    }
                } else {
                    unescaped?.append(byte)
                }
                at += 1
            }
            return nil
        }
    }
}
