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

    /// Meanings, not colours. `match`: text a search matched.
    public enum Role: UInt8, CaseIterable, Sendable {
        case plain, accent, done, learning, skipped, warning, link, code, heading, match
        /// A code block's text and the tokens its colouring found.
        case codeBlock, codeKeyword, codeLiteral, codeComment
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

    public func adding(_ more: Attributes) -> CellStyle { CellStyle(attributes.union(more), role: role) }
}
