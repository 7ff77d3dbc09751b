/// How many terminal columns text takes: East Asian wide and emoji characters take two,
/// combining marks and zero-width characters none, everything else one. Measured per grapheme
/// cluster, so that an emoji sequence or a letter with accents counts once.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        // Most text (ASCII, Latin letters, punctuation, list bullets, box drawing) is made of
        // scalars that never join a neighbour into one grapheme cluster and whose width needs no
        // Unicode tables: counted a scalar at a time, without breaking graphemes (which was
        // most of rendering a long list). Anything else is measured per grapheme cluster.
        var total = 0
        for scalar in text.unicodeScalars {
            guard let columns = plainWidth(scalar) else { return text.reduce(0) { $0 + of($1) } }
            total += columns
        }
        return total
    }

    /// The width of a scalar that is always a grapheme cluster of its own (or half of a CR LF,
    /// both of width 0), or nil when its cluster must be looked at.
    @inline(__always)
    static func plainWidth(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x20..<0x7F: 1
        case 0..<0x20, 0x7F..<0xA0, 0xAD: 0  // controls, DEL, C1 controls, the soft hyphen
        case 0xA0..<0x300: 1  // Latin-1 and Latin Extended letters, symbols, modifier letters
        case 0x2010...0x2027, 0x2030...0x205E: 1  // dashes, quotes, bullets, primes
        case 0x2500...0x259F: 1  // box drawing and block elements (bars, rules)
        default: nil
        }
    }

    /// The longest prefix of `text` that fits `width` columns, ending in `…` when cut.
    public static func clip(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        // No character is wider in columns than in UTF-8 bytes: a short text fits unread.
        if text.utf8.count <= width { return text }
        // Read only as far as the width: a resource's description runs to hundreds of
        // characters, of which a row shows forty (measuring all of it was most of drawing a
        // topic's pane for the first time).
        var used = 0
        var kept: String.Index?  // where the part that fits `width - 1` columns (before `…`) ends
        var index = text.startIndex
        while index < text.endIndex {
            let columns = of(text[index])
            if kept == nil && used + columns > width - 1 { kept = index }
            used += columns
            if used > width { return String(text[..<(kept ?? index)]) + "…" }
            index = text.index(after: index)
        }
        return text
    }

    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7f ? 0 : 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // An emoji presentation selector turns a text symbol into a two-column emoji.
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        return scalarWidth(first)
    }

    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v == 0 { return 0 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels and final consonants.
        if s.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
