import Foundation

/// The CLI's compact JSON (what it writes to a pipe) laid out as it writes it for a terminal:
/// two spaces an indent, `"key": value`, `[]` and `{}` when empty, a newline at the end. Keys
/// keep their order, so a recorded snapshot is byte for byte what a person sees at a terminal.
enum JSONIndent {
    static func pretty(_ compact: Data) -> Data {
        let bytes = Array(compact)
        var out: [UInt8] = []
        var depth = 0
        var inString = false
        var escaped = false
        func newline() {
            out.append(10)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        }
        for (index, byte) in bytes.enumerated() {
            if inString {
                out.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                out.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                out.append(byte)
                depth += 1
                let next = bytes[(index + 1)...].first { !Self.isSpace($0) }
                if next != UInt8(ascii: "}") && next != UInt8(ascii: "]") { newline() }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                let previous = bytes[..<index].last { !Self.isSpace($0) }
                if previous != UInt8(ascii: "{") && previous != UInt8(ascii: "[") { newline() }
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newline()
            case UInt8(ascii: ":"):
                out.append(contentsOf: [byte, UInt8(ascii: " ")])
            default:
                if !isSpace(byte) { out.append(byte) }
            }
        }
        out.append(10)
        return Data(out)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 10 || byte == 13 || byte == 9 }
}
