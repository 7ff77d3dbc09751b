/// Makes text from notes safe to print on a terminal: no byte of it can act as a control.
///
/// C0 controls (other than the line feed and tab the caller asks to keep) become their Unicode
/// "control pictures" (ESC → `␛`, BEL → `␇`, BS → `␈`), DEL becomes `␡`, and C1 controls and
/// the bidirectional overrides that can disguise text (U+202A–U+202E, U+2066–U+2069) become a
/// visible `<U+XXXX>`. Everything else passes through unchanged.
public enum TerminalSafe {
    public static func escape(_ text: String, keepNewlines: Bool = false, keepTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines, keepTabs) }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepNewlines, keepTabs) else {
                out.append(scalar)
                continue
            }
            let v = scalar.value
            if v < 0x20 {
                out.append(Unicode.Scalar(0x2400 + v)!)
            } else if v == 0x7f {
                out.append(Unicode.Scalar(0x2421)!)
            } else {
                let hex = String(v, radix: 16, uppercase: true)
                out.append(contentsOf: "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>".unicodeScalars)
            }
        }
        return String(out)
    }

    @inline(__always)
    static func needsEscape(_ s: Unicode.Scalar, _ keepNewlines: Bool, _ keepTabs: Bool) -> Bool {
        let v = s.value
        if v >= 0x20 && v < 0x7f { return false }
        if v == 0x0a { return !keepNewlines }
        if v == 0x09 { return !keepTabs }
        if v < 0x20 || v == 0x7f { return true }
        if v >= 0x80 && v <= 0x9f { return true }
        if (0x202a...0x202e).contains(v) || (0x2066...0x2069).contains(v) { return true }
        return false
    }
}
