#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyCore

/// Bytes of a notes file → text the Markdown parser can take, or the reason to skip the file.
/// Strips a UTF-8 BOM, turns CRLF and lone CR into LF, replaces invalid UTF-8 (with a warning
/// naming the first bad line), and refuses binary files (a NUL byte near the start).
enum FileDecoder {
    enum Outcome {
        case text(String, warnings: [ContentWarning])
        case skipped(ContentWarning)
    }

    static let binaryProbeLength = 8192

    static func decode(_ bytes: [UInt8], file: String) -> Outcome {
        // memchr, not `contains` over a prefix slice: asked of every file, 8 KB each.
        let probesNUL = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, min(buffer.count, binaryProbeLength)) != nil } ?? false
        }
        if probesNUL {
            return .skipped(ContentWarning(SourceLocation(file: file, line: 0), "skipped: looks like a binary file (NUL byte)"))
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        var warnings: [ContentWarning] = []
        var text: String
        if let valid = String(validating: body, as: UTF8.self) {
            text = valid
        } else {
            let line = firstInvalidLine(body)
            warnings.append(ContentWarning(SourceLocation(file: file, line: line),
                                           "invalid UTF-8 replaced with U+FFFD"))
            text = String(decoding: body, as: UTF8.self)
        }
        // Looked for in the bytes: a `String.UTF8View` walked byte by byte is ten times slower.
        if body.withUnsafeBytes({ bytes in bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false }) {
            text = String(text.replacing("\r\n", with: "\n").map { $0 == "\r" ? "\n" : $0 })
        }
        return .text(text, warnings: warnings)
    }

    private static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
            case .emptyInput:
                return line
            case .error:
                return line
            }
        }
    }
}
