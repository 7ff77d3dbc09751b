/// A note's Markdown rendered for a terminal: wrapped paragraphs, headings, emphasis, code
/// spans and blocks, lists, quotes and tables, with links numbered in the text (`[3]`) and
/// collected in `links`, so that a view can open link 3. Every piece of text is made safe for
/// a terminal (no control characters) as it is rendered.
public struct RenderedNote: Sendable {
    public var lines: [StyledLine]
    /// Link targets in the order of their numbers (`links[0]` is `[1]`).
    public var links: [String]

    public init(lines: [StyledLine], links: [String]) {
        self.lines = lines
        self.links = links
    }

    public var plainText: String { lines.map(\.text).joined(separator: "\n") }
}
