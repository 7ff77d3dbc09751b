/// OSC 8 hyperlinks (`ESC ] 8 ; ; URL ESC \` before the text, `ESC ] 8 ; ; ESC \` after).
/// ncurses has no notion of them, so they are written after ncurses' frame, over cells it has
/// already drawn (see `TerminalScreen.hyperlink`). A URL goes out only when it is safe inside
/// the sequence: a web or file URL, printable ASCII only (no byte could end the sequence or
/// act as a control), and not longer than terminals keep.
public struct ScreenLink: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var url: String

    public init(x: Int, y: Int, width: Int, url: String) {
        self.x = x
        self.y = y
        self.width = width
        self.url = url
    }
}

enum Hyperlink {
    static let maximumLength = 2048
    static let close = "\u{1b}]8;;\u{1b}\\"

    /// `url` as it may go into the sequence, or nil.
    static func safe(_ url: String) -> String? {
        guard url.utf8.count <= maximumLength, url.utf8.allSatisfy({ (0x21...0x7e).contains($0) }) else { return nil }
        let lower = url.lowercased()
        guard ["https://", "http://", "file://"].contains(where: { lower.hasPrefix($0) && lower.count > $0.count }) else { return nil }
        return url
    }

    static func open(_ url: String) -> String { "\u{1b}]8;;\(url)\u{1b}\\" }
}
