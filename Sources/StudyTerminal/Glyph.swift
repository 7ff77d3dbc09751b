import CNcursesw

/// What ncurses is given for one grid character. The grid measures width with its own tables
/// (`DisplayWidth`); ncurses and the terminal use the C library's `wcwidth`. Where the two
/// disagree, ncurses' idea of the cursor column would drift from the terminal's and the rest of
/// the row would be garbled, so such a character is narrowed or replaced, never sent as is.
enum Glyph {
    /// Room needed in the buffer given to `encode`: a spacing character, up to four combining
    /// ones (ncurses' CCHARW_MAX is 5), and the terminating NUL.
    static let bufferCapacity = 6

    /// Writes `character`, which the grid gave `columns` (1 or 2) columns, as a NUL-terminated
    /// wide string into `buffer`, and returns how many columns ncurses will advance for it (never
    /// more than `columns`; when less, the caller pads with a blank).
    static func encode(_ character: Character, columns: Int, into buffer: UnsafeMutablePointer<wchar_t>) -> Int {
        let scalars = character.unicodeScalars
        if let only = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
            return encode(only, columns: columns, into: buffer)
        }
        return encode(scalars, columns: columns, into: buffer)
    }

    /// `encode` for a grapheme of one scalar (a cell's `scalar`), without making a Character.
    static func encode(_ scalar: Unicode.Scalar, columns: Int, into buffer: UnsafeMutablePointer<wchar_t>) -> Int {
        // One ASCII byte (controls never reach the grid; `?` should one).
        if scalar.value < 0x80 {
            buffer[0] = scalar.value >= 0x20 && scalar.value != 0x7f ? wchar_t(scalar.value) : questionMark
            buffer[1] = 0
            return 1
        }
        return encode(CollectionOfOne(scalar), columns: columns, into: buffer)
    }

    private static func encode(_ graphemeScalars: some Sequence<Unicode.Scalar>, columns: Int,
                               into buffer: UnsafeMutablePointer<wchar_t>) -> Int {
        var scalars = graphemeScalars.makeIterator()
        guard let base = scalars.next() else { return replacement(buffer) }
        let baseWidth = Int(studydash_wcwidth(wchar_t(bitPattern: base.value)))
        // Unprintable in this locale (not UTF-8, or unknown to its tables), zero-width on its
        // own, or wider than the grid allowed.
        guard baseWidth >= 1, baseWidth <= columns else { return replacement(buffer) }
        buffer[0] = wchar_t(bitPattern: base.value)
        var count = 1
        while count < bufferCapacity - 1, let next = scalars.next() {
            let value = wchar_t(bitPattern: next.value)
            // A second spacing character, or a joiner that would glue one on (an emoji ZWJ
            // sequence), is beyond what one ncurses cell holds: keep the first part.
            if studydash_wcwidth(value) != 0 || next.value == 0x200D { break }
            // The grid counted an emoji presentation (two columns) that wcwidth does not know;
            // without the selector the terminal shows the one-column text form, which matches.
            if next.value == 0xFE0F && baseWidth < columns { continue }
            buffer[count] = value
            count += 1
        }
        buffer[count] = 0
        return baseWidth
    }

    private static let questionMark = wchar_t(UInt8(ascii: "?"))

    /// `?` works in every locale and takes one column everywhere.
    private static func replacement(_ buffer: UnsafeMutablePointer<wchar_t>) -> Int {
        buffer[0] = questionMark
        buffer[1] = 0
        return 1
    }
}
