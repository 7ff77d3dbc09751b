/// Bracketed paste: the terminal wraps pasted text in `ESC [200~` … `ESC [201~` once the
/// program asks (`ESC [?2004h`), so that a paste arrives as text, not as keys. What is kept of
/// it: printable characters, and line ends as "\n" (CR, LF or CRLF); a tab becomes a space and
/// every other control character is dropped, so nothing pasted can reach the terminal raw.
enum PasteText {
    static let on = "\u{1b}[?2004h"
    static let off = "\u{1b}[?2004l"
    /// The end marker's bytes after its Esc.
    static let endMarker: [Int32] = Array("[201~".unicodeScalars.map { Int32($0.value) })
    /// More than this many characters of one paste are dropped (an annotation holds 1 MB at
    /// most, a search line 200 characters; no paste needs more).
    static let limit = 1 << 20

    /// The characters `wget_wch` read between the markers, cleaned.
    static func clean(_ values: [Int32]) -> String {
        var text = ""
        var previous: Int32 = 0
        for value in values {
            defer { previous = value }
            switch value {
            case 13: text.append("\n")
            case 10 where previous == 13: continue
            case 10: text.append("\n")
            case 9: text.append(" ")
            case 0...31, 127, 0x80...0x9f: continue
            default:
                // The bidi overrides are not control characters but could reorder the screen.
                guard let scalar = Unicode.Scalar(UInt32(bitPattern: value)),
                      !(0x202a...0x202e).contains(value), !(0x2066...0x2069).contains(value) else { continue }
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
