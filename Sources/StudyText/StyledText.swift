/// Text with styles, as rendered notes are: what a terminal view draws and the CLI prints.
public struct TextStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let bold = TextStyle(rawValue: 1 << 0)
    public static let italic = TextStyle(rawValue: 1 << 1)
    public static let code = TextStyle(rawValue: 1 << 2)
    public static let link = TextStyle(rawValue: 1 << 3)
    public static let heading = TextStyle(rawValue: 1 << 4)
    public static let quote = TextStyle(rawValue: 1 << 5)
    public static let strike = TextStyle(rawValue: 1 << 6)
    public static let dim = TextStyle(rawValue: 1 << 7)
    /// A code block's text, apart from the tokens below (inline code is `code`).
    public static let codeBlock = TextStyle(rawValue: 1 << 8)
    /// Tokens a code block's colouring found: a keyword, a literal (a string or a number), a comment.
    public static let codeKeyword = TextStyle(rawValue: 1 << 9)
    public static let codeLiteral = TextStyle(rawValue: 1 << 10)
    public static let codeComment = TextStyle(rawValue: 1 << 11)
    // Bits from 1 << 15 down are the reader's inline forms (HTML, Obsidian, footnotes).
    /// Obsidian's `==highlight==` and HTML's `<mark>`.
    public static let highlight = TextStyle(rawValue: 1 << 15)
    /// An Obsidian `#tag` in prose.
    public static let tag = TextStyle(rawValue: 1 << 14)
    /// A footnote's marker, in the text and in the list of notes.
    public static let footnote = TextStyle(rawValue: 1 << 13)
    /// An Obsidian callout's bar and title (`> [!note] Title`).
    public static let callout = TextStyle(rawValue: 1 << 12)
}

public struct StyledSpan: Hashable, Sendable {
    public var text: String
    public var style: TextStyle

    public init(_ text: String, _ style: TextStyle = []) {
        self.text = text
        self.style = style
    }
}

public struct StyledLine: Hashable, Sendable {
    public var spans: [StyledSpan]

    public init(_ spans: [StyledSpan] = []) { self.spans = spans }

    public var text: String { spans.map(\.text).joined() }
    public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
