/// How a cell is drawn: attributes a monochrome terminal can show, plus an optional colour role
/// that the terminal layer maps to a colour pair (or ignores under `NO_COLOR`). Widgets say what
/// a cell means (done, learning, accent); only the terminal decides what that looks like.
public struct CellStyle: Hashable, Sendable {
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let dim = Attributes(rawValue: 1 << 1)
        public static let reverse = Attributes(rawValue: 1 << 2)
        public static let underline = Attributes(rawValue: 1 << 3)
        public static let italic = Attributes(rawValue: 1 << 4)
    }

    /// Meanings, not colours. `match`: text a search matched; `highlight`: what a note's author
    /// highlighted (`==text==`); `tag`: a note's `#tag`.
    public enum Role: UInt8, CaseIterable, Sendable {
        case plain, accent, done, learning, skipped, warning, link, code, heading, match, highlight, tag
        /// A code block's text and the tokens its colouring found.
        case codeBlock, codeKeyword, codeLiteral, codeComment
        /// Secondary text (counts, paths, hints), drawn dim until a theme colours it; the cursor
        /// row, drawn reversed until a theme colours it (`Theme.selecting`); a progress bar's
        /// filled part, in the done colour until a theme names its own.
        case muted, selection, bar

        /// What stands for the role's colour without colour (`NO_COLOR`, a monochrome terminal):
        /// only the roles that must stand out get an attribute. A role's reverse toggles the
        /// cell's (see `CellStyle.monochrome`).
        public var monochrome: Attributes {
            switch self {
            case .heading, .done, .accent, .warning, .codeKeyword, .bar: .bold
            case .link: .underline
            // Not reverse: the cursor's row is reversed, and a match on it must still show.
            case .match: [.bold, .underline]
            // A highlighter's mark; on the cursor's row it is drawn unreversed, so still shows.
            case .highlight: .reverse
            // Inline code has no frame around it: reversed, it is told from prose without colour.
            case .code: .reverse
            case .skipped, .tag, .codeComment, .muted: .dim
            case .plain, .learning, .codeBlock, .codeLiteral, .selection: []
            }
        }
    }

    public var attributes: Attributes
    public var role: Role

    public init(_ attributes: Attributes = [], role: Role = .plain) {
        self.attributes = attributes
        self.role = role
    }

    public static let plain = CellStyle()
    public static let bold = CellStyle(.bold)
    public static let dim = CellStyle(.dim)
    public static let reverse = CellStyle(.reverse)
    public static let muted = CellStyle(role: .muted)

    public func adding(_ more: Attributes) -> CellStyle { CellStyle(attributes.union(more), role: role) }
}
