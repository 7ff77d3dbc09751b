/// One terminal cell: a grapheme and its style. A character two columns wide occupies its cell
/// and marks the next one as its continuation, so every row always holds exactly `width` columns.
///
/// Plain data (eight bytes, nothing to retain): a frame is thousands of cells that are copied,
/// compared with the last frame and freed on every key, and a cell holding a `Character` paid a
/// retain and a release for each copy and made freeing a grid a walk over all its cells. The
/// grapheme is kept as a number (`glyph`): a grapheme of one Unicode scalar (nearly all text) is
/// that scalar's value; one of several (a letter and its combining mark, an emoji sequence) is
/// numbered once in `Graphemes` by its exact bytes.
public struct Cell: Hashable, Sendable {
    /// A scalar's value, or `Graphemes.numbered` + the grapheme's number there.
    @usableFromInline var glyph: UInt32
    public var style: CellStyle
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: CellStyle = .plain, isContinuation: Bool = false) {
        self.init(glyph: Graphemes.glyph(of: character), style: style, isContinuation: isContinuation)
    }

    @usableFromInline
    init(glyph: UInt32, style: CellStyle, isContinuation: Bool = false) {
        self.glyph = glyph
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()

    public var character: Character {
        get { Graphemes.character(of: glyph) }
        set { glyph = Graphemes.glyph(of: newValue) }
    }

    /// The grapheme when it is one Unicode scalar (nil for a sequence of several): what the
    /// terminal layer sends without looking the grapheme up.
    public var scalar: Unicode.Scalar? {
        glyph < Graphemes.numbered ? Unicode.Scalar(glyph) : nil
    }

    /// Cells are equal when they send the same bytes in the same style: a glyph names exactly
    /// one sequence of bytes, so canonically equivalent text in other bytes (`é` and `e` + U+0301)
    /// is another cell, as the terminal is sent other bytes. Inlinable: the painter compares
    /// every cell of a frame with the last one's from another module.
    @inlinable
    public static func == (a: Cell, b: Cell) -> Bool {
        a.glyph == b.glyph && a.isContinuation == b.isContinuation
            && a.style.attributes.rawValue == b.style.attributes.rawValue && a.style.role.rawValue == b.style.role.rawValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(glyph)
        hasher.combine(style)
        hasher.combine(isContinuation)
    }

    /// Whether two characters are the same bytes (not Character's `==`, canonical equivalence,
    /// which walks Unicode tables for every pair of different non-ASCII characters).
    static func sameBytes(_ a: Character, _ b: Character) -> Bool {
        // Identical representations first: a character of up to 15 UTF-8 bytes is stored in
        // place, so two with the same bytes have the same 16 bytes of representation. Read as
        // two words (a Character is 16 bytes), which compiles to two compares.
        let x = unsafeBitCast(a, to: (UInt64, UInt64).self), y = unsafeBitCast(b, to: (UInt64, UInt64).self)
        return (x.0 == y.0 && x.1 == y.1) || (a.utf8.first == b.utf8.first && a.utf8.elementsEqual(b.utf8))
    }
}
