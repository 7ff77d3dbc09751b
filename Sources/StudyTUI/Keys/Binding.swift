import StudyCore
import TermGrid

/// The bindings tables' vocabulary: what a key can mean (`Action`), one row of a view's table
/// (`Binding`: keys, action, help text), and the lookup every view's reducer uses. The tables
/// themselves live beside the reducers that carry them out (one file per view), and the help
/// overlay and the README check read the same tables, so a key cannot be bound and undocumented.
public enum Action: Hashable, Sendable {
    case move(Int), page(Int), halfPage(Int), first, last
    case collapse, expand
    case switchPane
    case open
    case toggleDone
    case mark(Status)
    case undo
    case annotate, editExternally
    case openLink, openNoteLink(Int), copyLink
    /// `:`: type a link number of the note in the status row.
    case typeLinkNumber
    /// The reader: back through the notes followed links came from, then to the browser.
    case historyBack
    case help
    /// `]` / `[`: to the next (+1) or previous (-1) resource still to study.
    case unfinished(Int)
    /// The reader's `J` / `K`: to the next (+1) or previous (-1) heading.
    case section(Int)
    /// The reader's table of contents.
    case contents
    /// The reader's `/`: search the document; `n` / `N`: the next (+1) or previous (-1) line
    /// it matched.
    case findInDocument, nextInDocument(Int)
    /// Open the dashboard view (progress, activity, next up).
    case dashboard
    /// `v`: the topic was revisited (a rung up the revisit ladder).
    case revisit
    /// `+` / `-`: the tree pane wider (+1) or narrower (-1).
    case resizeTree(Int)
    /// Close what is open (the reader, the help), back to what it was opened from.
    case back
    case quit
    /// The annotation editor: save, cancel, or hand the key to the text being edited.
    case save, cancel, edit
    /// A question's answer: yes.
    case confirm
    /// The search: `/`, `n` / `N`, and the search line's own keys.
    case search(SearchStep)
}

/// What a search key does (`Action.search`).
public enum SearchStep: Hashable, Sendable {
    /// `/`: open the search line.
    case open
    /// `n` (+1) / `N` (-1): to the next / previous match in curriculum order, wrapping.
    case match(Int)
    /// `Enter` in the line: keep the filter and go back to browsing.
    case keep
    /// `Esc`: clear the filter and go back to where the cursor was before the search.
    case clear
    /// `↑` (-1) / `↓` (+1) in the line: an earlier / later query of this session.
    case history(Int)
}

/// One row of a view's table (after lazygit's `{Keys, Handler, Description}`): the keys, what
/// they do, and the words the `?` overlay shows for them. Rows with the same help text that
/// follow one another share one line of the help (`d` `l` `s` `r`: "mark done / learning / …").
public struct Binding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var help: String
    /// The browser pane the row applies in; nil: wherever the view is.
    public var pane: AppState.Pane?
    /// Lines the help shows below the row: what its words have no room for.
    public var notes: [String]

    public init(_ keys: [Key], _ action: Action, _ help: String, in pane: AppState.Pane? = nil, notes: [String] = []) {
        self.keys = keys
        self.action = action
        self.help = help
        self.pane = pane
        self.notes = notes
    }

    /// What the help says under `1`–`9` and `:`: why a digit sometimes waits.
    static let linkNumberNotes = ["  (10+ links: digits wait for Enter or o, as 1 may begin 12)"]

    /// `1`–`9`, each opening that link of a note.
    static func noteLinks(_ help: String) -> [Binding] {
        (1...9).map { Binding([.character(Character(String($0)))], .openNoteLink($0), help) }
    }
}

/// A view's whole table, named as the help names it.
public struct KeyTable: Sendable {
    public var title: String
    public var bindings: [Binding]

    /// What `key` means here; the first row that binds it in this pane wins.
    public func action(for key: Key, pane: AppState.Pane? = nil) -> Action? {
        bindings.first { $0.keys.contains(key) && ($0.pane == nil || $0.pane == pane) }?.action
    }

    /// Every view's table, for the tests that hold the tables to what the keys do and to the
    /// README. A new view adds its table here, its line in `Reducer.handle(input:)`, and, to be
    /// listed by `?`, its place in `HelpOverlay.tables` (which leaves out only the help's own
    /// keys, named in its title).
    public static var all: [KeyTable] {
        [BrowserReducer.keys, SearchReducer.keys, SearchReducer.filterKeys, ReaderReducer.keys, ContentsReducer.keys,
         DashboardViewReducer.keys, EditorReducer.keys, HelpReducer.keys, QuestionReducer.keys]
    }
}
