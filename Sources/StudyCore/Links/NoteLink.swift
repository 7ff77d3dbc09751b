/// A numbered link of a note, as the content loader resolved it: a web link for the browser,
/// another topic of the notes (a relative link to a note file, or an Obsidian wikilink), or a
/// link that leads nowhere StudyDash will go, with the reason in one line. The core keeps it as
/// a value so that the dashboard can follow it without knowing Markdown or paths.
public struct NoteLink: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        /// Handed to the browser, after `LinkPolicy` has allowed it.
        case web(String)
        /// The ID of the topic it leads to (a file, a folder's README or a heading).
        case topic(String)
        /// Why it is not followed, for the status bar.
        case unresolved(String)
    }

    /// The link as the note wrote it (a URL, `../y/README.md#section`, `[[Note#Heading]]`).
    public var written: String
    public var target: Target

    public init(written: String, target: Target) {
        self.written = written
        self.target = target
    }

    /// Every link treated as a web link: what a front end with no resolver gets.
    public static func web(_ written: String) -> NoteLink { NoteLink(written: written, target: .web(written)) }
}
