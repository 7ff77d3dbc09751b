import StudyCore
import StudyText
import TermGrid

/// What the dashboard has already worked out from one `TopicIndex`, kept so that a key press
/// neither re-parses Markdown nor re-draws text it has drawn: rendered notes by width, the
/// resources under each topic, the search index (built on the first `/`), and the drawn pieces
/// of the screen (see `DrawCache`). Mutable, and shared by every `AppState` over the same
/// model: each piece is keyed by everything it was drawn from, so states with different
/// progress never share one (see `nextGeneration`).
/// Single-threaded use (the UI loop); a cache, so unchecked Sendable is sound here.
final class DashboardCaches: @unchecked Sendable {
    struct NoteKey: Hashable {
        var node: Int
        var width: Int
        var firstLink: Int
    }

    var notes: [NoteKey: RenderedNote] = [:]
    var resourcesUnder: [Int: ResourceList] = [:]
    var searchIndex: SearchIndex?
    let treeRows = DrawCache<TreePane.RowKey>()
    let detailPanes = DrawCache<DetailPane.PaneKey>()
    let titleBars = DrawCache<Bars.TitleKey>()
    let statusBars = DrawCache<Bars.StatusKey>()
    let rules = DrawCache<Int>()
    let readerLines = ReaderView.LineCache()
    private var lastGeneration = 0

    /// A number no state over these caches has had: every progress a state takes (at start, after
    /// a write, after another process's change) gets one, and the pieces drawn from that progress
    /// are keyed by it. A per-state counter would let a fresh state reuse another's panes.
    func nextGeneration() -> Int {
        lastGeneration += 1
        return lastGeneration
    }
}
